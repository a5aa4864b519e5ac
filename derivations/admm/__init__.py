"""admm: Alaei, Daei Naby, Makhdoumi, Malekian, "Incentivizing Data Collaboration: A Mechanism
Design Approach".

Contents (paper order):
  sec2  -- §2 / §2.1: eq. (1) accuracy, eq. (2) value, Assumption 1 (i)-(iii) for the Gaussian model
  sec3  -- §3.1: Assumption 2 / eq. (3) virtual value
  appA  -- App. A.3-A.4: Lemma A.1 (i), (ii)/(A.1); Assumption A.1; Lemma A.2
  appB  -- App. B: (B.1), (B.5)
  appB_prop_a2 -- App. B: (B.23)-(B.28), (B.33)-(B.37) (proofs of Proposition A.2(ii), Theorem 3)
  appC  -- App. C: (C.9)-(C.12), derivatives of v-hat, Lemma C.1, Lemma C.2 and (C.13)-(C.24)
Formulas: ``model`` (as printed, any backend); numpy: ``gaussian``, ``priors``, ``threshold``;
scalar closed forms of the eps-regime: ``approx``.
"""
from . import appA, appB, appB_prop_a2, appC, sec2, sec3

CLAIMS = sec2.CLAIMS + sec3.CLAIMS + appA.CLAIMS + appB.CLAIMS + appB_prop_a2.CLAIMS + appC.CLAIMS
from . import claims_mechanism  # noqa: E402  (Algorithm 1, Theorems 1-2, (B.8)-(B.11), Lemmas B.1-B.2)

CLAIMS = CLAIMS + claims_mechanism.CLAIMS
from . import claims_asymptotics, claims_example1  # noqa: E402  (Prop. A.2, Cor. A.1, (B.13)-(B.15), (B.21)-(B.30); Example 1, §A.6)

CLAIMS = CLAIMS + claims_asymptotics.CLAIMS + claims_example1.CLAIMS
from . import claims_effort  # noqa: E402  (§4, Theorem 3, (B.31)-(B.39), footnote 14, Proposition C.1, (C.25)-(C.26))

CLAIMS = CLAIMS + claims_effort.CLAIMS
from . import claims_proof_steps  # noqa: E402  ((B.2)-(B.4), (B.6)/(B.7), Prop. A.1, (B.16)-(B.20), (C.1)-(C.8), verbal rows)

CLAIMS = CLAIMS + claims_proof_steps.CLAIMS
