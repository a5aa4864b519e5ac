"""kgj: Karimireddy, Guo, Jordan, "Mechanisms that Incentivize Data Sharing in Federated Learning".

Contents (paper order):
  sec2    -- §2: eq. (1) for each value family, eq. (2)-(3), Theorem I / eq. (4), Figures 1-2
  sec3_4  -- §3-4 (+ App. B Thm V): eq. (8), Theorem III / eq. (9), Definitions A-B for (11),
             §4.1 free data, Theorem IV, Remarks 2-3, §4.2 range (one claim per value family)
  appD    -- App. D/H: (15)-(17), Theorem VII (feasible, IR, equilibria), (16) = (21), (22) and the
             proof's stationary point (errata), Remark 5 (threshold erratum), §D.2, Theorem VIII
  sec3_rest -- Theorem II (by instances), Remark 1, Definition C, Remark 4
  appC    -- App. C: GPT-3 example (erratum), (12)-(14), Shapley simplification (erratum), p = 0,
             Theorem VI and its proof (errata at line 560 and lines 561-564)
  appEH   -- App. E-G proof steps: Theorem I (Case 3, pointwise), Theorem II (bound; typo erratum),
             Lemma 8 (monotone part), Lemma 8 proof slope, Theorem V proof
Not yet covered: Theorem VII's optimality over all mechanisms; Lemmas 6-7, the Kakutani recursion.
Formulas: ``model`` (any backend); numpy: ``values``.
"""
from . import appC, appD, appEH, sec2, sec3_4, sec3_rest

CLAIMS = sec2.CLAIMS + sec3_4.CLAIMS + sec3_rest.CLAIMS + appC.CLAIMS + appD.CLAIMS + appEH.CLAIMS
