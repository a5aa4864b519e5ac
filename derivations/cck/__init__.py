"""cck: Chen, Clinton, Kandasamy, "Incentivizing Truthful Data Contributions in a Marketplace for
Mean Estimation".

Contents (paper order):
  sec2  -- §2 valuations, eq. (3), §2.2 curve -> scheme, Lemma 1 (+ equality), §2.3 chain,
           Algorithm 1, Lemma 2 (erratum), eq. (11), Theorem 4 (erratum) and its proof chain
  sec5  -- §5 definitions, eqs. (14)-(16), §5 line 434, App. A (IRC erratum, BB), App. B (Lemmas 8, 9)
Formulas: ``model``; numpy: ``valuations``, ``pricing``, ``mechanism``; exact brute force: ``exact``.
"""
from . import sec2, sec5

CLAIMS = sec2.CLAIMS + sec5.CLAIMS
