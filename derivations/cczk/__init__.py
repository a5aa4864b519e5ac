"""cczk: Clinton, Chen, Zhu, Kandasamy, "Collaborative Mean Estimation Among Heterogeneous
Strategic Agents".

Contents (paper order):
  sec3 -- Fact 1 / eq. (4), §A.1, eq. (5) (Fact 2, d = 2), §3.2 agent-1 example
  appB -- eq. (11): G_{i,k} (erratum: Erfc coefficient alpha -> alpha^2), alpha_{i,k} solver
  appE -- Lemma 1, G(sqrt n*) <= 0, eq. (12) (erratum: (T-2n*)^2 -> T-2n*), final chain
  appG -- Lemma 8 (+ proof derivative erratum), Lemma 14 (erratum inherited from (12)),
          Lemma 15 last lines, Lemma 17, Lemmas 18-21
  appG_proofs -- displayed steps of the proofs of Lemmas 14-19 (several typo errata), Lemmas 15/16
          against Gaussian quadrature
  appI -- Lemma 24 (erratum in J(t)), Lemmas 22/23 and (58) on their instances, §H.2 convexity of l
Formulas: ``model``, ``lemmas_model``; numpy: ``alpha`` (G with erfcx, vectorized root solver).
"""
from . import appB, appE, appG, sec3

CLAIMS = sec3.CLAIMS + appB.CLAIMS + appE.CLAIMS + appG.CLAIMS
from . import appG_proofs, appI  # noqa: E402

CLAIMS = CLAIMS + appG_proofs.CLAIMS + appI.CLAIMS
# claims_mechanism -- eq. (7) solver KKT certificate, Theorem 1 (IR, NIC vs quantity deviations,
#          efficiency; erratum: sqrt(m) needs (8) to fail), on random instances (mech_program)
# appC -- every printed number of App. C / Figure 1 (errata: p_2^IND, p_3^IND, n^SP formula,
#          p_1(n^SP), p_2(n^OPT), p_1(n^NB), n^EB_2, n^EB_3)
from . import appC, claims_mechanism  # noqa: E402

CLAIMS = CLAIMS + claims_mechanism.CLAIMS + appC.CLAIMS
# claims_body  -- §Abstract-§7, App. A, C (setting), D: definitions, Algorithms 1-2, eqs. (3), (6), (8)-(10), Theorem 5
# claims_appEF -- App. E (proof of Lemma 1, Lemmas 2-5, (13)-(18)) and App. F (Theorems 2-4, Lemmas 6-7, (19)-(32))
# claims_appGH -- App. G (Lemmas 9-13, (33)-(41), proofs of Lemmas 20-21) and App. H (H.1 Bayes steps, H.2)
from . import claims_appEF, claims_appGH, claims_body  # noqa: E402

CLAIMS = CLAIMS + claims_body.CLAIMS + claims_appEF.CLAIMS + claims_appGH.CLAIMS
