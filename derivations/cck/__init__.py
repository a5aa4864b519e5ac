"""cck: Chen, Clinton, Kandasamy, "Incentivizing Truthful Data Contributions in a Marketplace for
Mean Estimation".

Contents (paper order):
  sec2  -- §2 valuations, eq. (3), §2.2 curve -> scheme, Lemma 1 (+ equality), §2.3 chain,
           Algorithm 1, Lemma 2 (erratum), eq. (11), Theorem 4 (erratum) and its proof chain
  sec3  -- §3.1 eqs. (9)/(10), (12): no dependence on the unknown mean
  sec5  -- §5 definitions, eqs. (14)-(16), §5 line 434, App. A (IRC erratum, BB), App. B (Lemmas 8, 9)
  icc   -- §5.1/App. A-B equilibrium: Lemma 7, ICC chain, Theorem 5.1, Theorem 3 on M*, Abstract
           line 21, App. A IRC >= 0, EFB, eq. (17), Algorithm 2 well defined (N+ >= 2)
Formulas: ``model``; numpy: ``valuations``, ``pricing``, ``mechanism``; exact brute force: ``exact``.
"""
from . import icc, sec2, sec3, sec5

CLAIMS = sec2.CLAIMS + sec3.CLAIMS + sec5.CLAIMS + icc.CLAIMS
