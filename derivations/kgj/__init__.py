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
  standard_fl -- Remark 1 / Figure 4 with identical costs: standard FL (8) has a positive-data equilibrium
             (alpha/n each) although m* = 0 (errata, Case 2 of Theorem I's proof)
  appD_optimality -- App. D/H rest: expected data, (15), (17), (20), (21), m^max, slopes of Thm VII's proof,
             Theorem VII's optimality over all feasible IR mechanisms (erratum: printed m_dn), proof of Thm VIII
  sec3_4_proofs -- eq. (5), Theorem II's hypothesis for PD (erratum), (11)/(19), §4.1, App. B rows,
             §C.2.1 (erratum), m^0, (18), Lemmas 6-7, proofs of Theorems II-IV and Lemma 8
  figures  -- Figures 4-7 as far as the paper allows (ERM value assumed for Figs 4, 6; GPT value for Fig 5)
Formulas: ``model`` (any backend); numpy: ``values``, ``equilibrium``, ``baselines``, ``unknown_costs``.
"""
from . import appC, appD, appD_optimality, appEH, figures, sec2, sec3_4, sec3_rest, standard_fl, sec3_4_proofs

CLAIMS = (sec2.CLAIMS + sec3_4.CLAIMS + sec3_rest.CLAIMS + standard_fl.CLAIMS + appC.CLAIMS + appD.CLAIMS
          + appD_optimality.CLAIMS + appEH.CLAIMS + sec3_4_proofs.CLAIMS + figures.CLAIMS)
