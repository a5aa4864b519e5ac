"""admm App. A.3-A.4: Lemma A.1 (closed form A.1 of the value), Lemma A.2 / Assumption A.1."""
from derivations.claims import Claim, Effort, Implementation, Symbolic
from derivations.statements import AllOf, Compare, Equal

from . import gaussian, model
from .variables import MISREPORT, Sigma, i, n, q, q_hat

HALF = Effort(examples=0.5)  # 10 instances under ci: each costs matrix inversions (n <= 5) at 120 digits

CLAIMS = (
    Claim(
        id="admm.lemma-a1.i", label="Lemma A.1(i)", section="A.3", kind="structural",
        latex=r"\text{The accuracy functions } A_i \text{ of (1) satisfy Assumption 1 for all } i",
        statement=AllOf(("admm.assumption-1.i", "admm.assumption-1.ii", "admm.assumption-1.iii")),
    ),
    Claim(
        id="admm.lemma-a1.ii", label="Lemma A.1(ii) / (A.1)", section="A.3", effort=HALF, kind="identity",
        latex=r"v_i(\mathbf q) = \frac{(\Sigma_{i1},\dots,\Sigma_{in})(\Sigma+\mathrm{diag}(\sigma_1^2/q_1,\dots,"
              r"\sigma_n^2/q_n))^{-1}(\Sigma_{i1},\dots,\Sigma_{in})^\top}{\sigma_i^2}",
        statement=Equal(lambda o, Sigma, q, i: model.value(o, Sigma, q, q, i), model.value_A1),
        variables=(n, Sigma, q, i), symbolic=Symbolic(dims={"n": (2,)}),
        implementations=(Implementation(lambda Sigma, q, i: gaussian.value(Sigma, q)[i], model.value_A1,
                                        max_bits=8.0, name='gaussian.value'),),
    ),
    Claim(
        id="admm.assumption-a1.i", label="Assumption A.1", section="A.4", kind="inequality",
        latex=r"A_i(\mathbf q,\hat{\mathbf q}) \le A_i(\mathbf q,\mathbf q) \text{ for any } \hat{\mathbf q},\ i",
        statement=Compare(lambda o, Sigma, q, q_hat, i: model.accuracy(o, Sigma, q, q_hat, i), "<=",
                          lambda o, Sigma, q, i: model.accuracy(o, Sigma, q, q, i)),
        variables=(n, Sigma, q, q_hat, i), symbolic=None,
        notes="For eq. (1), as Lemma A.2 asserts; the same inequality as Assumption 1(ii).",
    ),
    Claim(
        id="admm.assumption-a1.ii", label="Assumption A.1", section="A.4", effort=HALF, kind="inequality",
        latex=r"A_i(\mathbf q,\hat{\mathbf q}) = A_i(\mathbf q,\mathbf q)\ \forall i \implies \hat{\mathbf q}=\mathbf q"
              r" \text{ (eq. (1) is never constant in } \hat{\mathbf q})",
        statement=Compare(
            lambda o, Sigma, q, q_hat: sum(model.accuracy(o, Sigma, q, q, j) - model.accuracy(o, Sigma, q, q_hat, j)
                                                for j in range(len(q))), ">", 0),
        variables=(n, Sigma, q, q_hat), given=(MISREPORT,), symbolic=None,
        notes="Contrapositive form: any misreport strictly lowers the total accuracy sum_i A_i.",
    ),
    Claim(
        id="admm.lemma-a2", label="Lemma A.2", section="A.4.1", kind="structural",
        latex=r"\text{The accuracy functions } A_i \text{ of (1) satisfy Assumption A.1}",
        statement=AllOf(("admm.assumption-a1.i", "admm.assumption-a1.ii")),
    ),
)
