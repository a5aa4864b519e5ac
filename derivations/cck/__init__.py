"""cck: Chen, Clinton, Kandasamy, "Incentivizing Truthful Data Contributions in a Marketplace for
Mean Estimation".

Contents (paper order):
  sec2_definitions -- §1 naive size-based payment; §2 definitions: IRB/EFB/EF(N), eq. (1), eq. (2),
           Definition 1 / eq. (4), eq. (5) (ties), §2.2 line 162 (A is exact), §2.3 step curve
  sec2  -- §2 valuations, eq. (3), §2.2 curve -> scheme, Lemma 1 (+ equality), §2.3 chain,
           Algorithm 1, Lemma 2 (erratum), eq. (11), Theorem 4 (erratum) and its proof chain
  sec3_rest -- §3 eq. (6), (7), (8), §3.1 mechanism, ex-ante signs (erratum), baseline (erratum), §3.3
  sec3  -- §3.1 eqs. (9)/(10), (12): no dependence on the unknown mean
  sec4_lemma5 -- §4 Lemma 5 and its proof's construction on a family of mechanisms (module hardness_family)
  sec5  -- §5 definitions, eqs. (14)-(16), §5 line 434, App. A (IRC erratum, BB), App. B (Lemmas 8, 9)
  sec5_rest -- §5 definitions after (13), eq. (15), §5 line 448 (erratum), Lemma 9, proof of Lemma 7
           (erratum), eq. (18), §1.1 line 58 (erratum), Abstract line 23 (erratum)
  icc   -- §5.1/App. A-B equilibrium: Lemma 7, ICC chain, Theorem 5.1, Theorem 3 on M*, Abstract
           line 21, App. A IRC >= 0, EFB, eq. (17), Algorithm 2 well defined (N+ >= 2)
  summary -- AllOf rows: Theorem 3 (general), proof of Theorem 3, Claim 6, Abstract line 23 (DSIC),
           §1.1 line 60, §2.1 line 111, §3.2 lines 298-303
Formulas: ``model``; numpy: ``valuations``, ``pricing``, ``mechanism``, ``schemes``, ``hardness_family``;
exact brute force: ``exact``.
"""
from . import sec2_definitions, sec3_rest, sec4_lemma5, sec5_rest, icc, sec2, sec3, sec5, summary

CLAIMS = (sec2_definitions.CLAIMS + sec2.CLAIMS + sec3_rest.CLAIMS + sec3.CLAIMS + sec4_lemma5.CLAIMS + sec5.CLAIMS
          + sec5_rest.CLAIMS + icc.CLAIMS + summary.CLAIMS)
