"""kgj: Karimireddy, Guo, Jordan, "Mechanisms that Incentivize Data Sharing in Federated Learning".

Contents (paper order):
  sec2    -- §2: eq. (1) for each value family, eq. (2)-(3), Theorem I / eq. (4), Figures 1-2
  sec3_4  -- §3-4 (+ App. B Thm V): eq. (8), Theorem III / eq. (9), Definitions A-B for (11),
             §4.1 free data, Theorem IV, Remarks 2-3, §4.2 range (one claim per value family)
  appD    -- App. D/H: (15)-(17), Theorem VII (feasible, IR, equilibria), (16) = (21), (22) and the
             proof's stationary point (errata), Remark 5 (threshold erratum), §D.2, Theorem VIII
Not yet covered: Theorem II, Definition C, App. C (12)-(14), Theorem VI, Theorem VII's optimality
over all mechanisms.
Formulas: ``model`` (any backend); numpy: ``values``.
"""
from . import appD, sec2, sec3_4

CLAIMS = sec2.CLAIMS + sec3_4.CLAIMS + appD.CLAIMS
