"""cczk: Clinton, Chen, Zhu, Kandasamy, "Collaborative Mean Estimation Among Heterogeneous
Strategic Agents".

Contents (paper order):
  sec3 -- Fact 1 / eq. (4), §A.1, eq. (5) (Fact 2, d = 2), §3.2 agent-1 example
  appB -- eq. (11): G_{i,k} (erratum: Erfc coefficient alpha -> alpha^2), alpha_{i,k} solver
  appE -- Lemma 1, G(sqrt n*) <= 0, eq. (12) (erratum: (T-2n*)^2 -> T-2n*), final chain
  appG -- Lemma 8 (+ proof derivative erratum), Lemma 14 (erratum inherited from (12)),
          Lemma 15 last lines, Lemma 17, Lemmas 18-21
Formulas: ``model``; numpy: ``alpha`` (G with erfcx, vectorized root solver).
"""
from . import appB, appE, appG, sec3

CLAIMS = sec3.CLAIMS + appB.CLAIMS + appE.CLAIMS + appG.CLAIMS
