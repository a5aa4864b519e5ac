"""admm §2 and §2.1: accuracy (eq. 1), value (eq. 2), Assumption 1 for the Gaussian model."""
from derivations.claims import Claim, Effort, Implementation, Symbolic
from derivations.statements import Compare, Defines, Monotone

from . import gaussian, model
from .variables import Sigma, i, n, q, q_hat

HALF = Effort(examples=0.5)  # 10 instances under ci: each costs matrix inversions (n <= 5) at 120 digits

TWO = Symbolic(dims={"n": (2,)})

CLAIMS = (
    Claim(
        id="admm.eq1-accuracy", label="eq. (1)", section="2.1", effort=HALF, kind="definition",
        latex=r"A_i(\mathbf q,\hat{\mathbf q}) = -\mathbb E_{\mathbf s}\big[\mathbb E_{\theta_i\sim\pi(\mathbf s,\mathbf q)}(\hat\theta_i(\mathbf s,\hat{\mathbf q})-\theta_i)^2\big]",
        statement=Defines(model.accuracy),
        variables=(n, Sigma, q, q_hat, i),
        implementations=(Implementation(
            lambda Sigma, q, q_hat, i: gaussian.accuracy(Sigma, q, q_hat)[i],
            model.accuracy, max_bits=5.0, name='gaussian.accuracy'),),
        notes="Reference: posterior mean by a direct Bayesian update in information form; "
              "numpy: Cholesky factors and the excess-MSE identity (independent routes).",
    ),
    Claim(
        id="admm.eq2-value", label="eq. (2)", section="2.1", effort=HALF, kind="definition",
        latex=r"v_i(\mathbf q,\hat{\mathbf q}) := 1 + \frac{A_i(\mathbf q,\hat{\mathbf q})}{\sigma_i^2}",
        statement=Defines(model.value),
        variables=(n, Sigma, q, q_hat, i),
        implementations=(Implementation(
            lambda Sigma, q, q_hat, i: gaussian.value(Sigma, q, q_hat)[i], model.value, max_bits=5.0,
            name='gaussian.value'),),
    ),
    Claim(
        id="admm.assumption-1.i", label="Assumption 1", section="2", kind="monotonicity",
        latex=r"\text{(i) } A_i(\mathbf q,\mathbf q) \text{ is non-decreasing in } q_i",
        statement=Monotone(lambda o, Sigma, q, i: model.accuracy(o, Sigma, q, q, i), "q",
                           "nondecreasing", index="i"),
        variables=(n, Sigma, q, i), symbolic=None,
        notes="Checked for the accuracy of eq. (1) (the Gaussian model), as Lemma A.1(i) asserts. No symbolic "
              "attempt: at n = 2 the derivative factors as sigma_i^2 (polynomial)^2 / det(Sigma_q)^2 (sympy), but "
              "the symbols carry no det(Sigma_q) > 0 assumption, so the sign test stays undecided; the closed "
              "form of the derivative is proved at n = 2 by admm.B5.",
    ),
    Claim(
        id="admm.assumption-1.ii", label="Assumption 1", section="2", kind="inequality",
        latex=r"\text{(ii) } A_i(\mathbf q,\hat{\mathbf q}) \le A_i(\mathbf q,\mathbf q) \text{ for all } \hat{\mathbf q}",
        statement=Compare(lambda o, Sigma, q, q_hat, i: model.accuracy(o, Sigma, q, q_hat, i), "<=",
                          lambda o, Sigma, q, i: model.accuracy(o, Sigma, q, q, i)),
        variables=(n, Sigma, q, q_hat, i), symbolic=None,
        notes="Symbolic proof not attempted: sympy cannot see that the difference is a quadratic "
              "form in a positive definite matrix; Arb certifies each instance.",
    ),
    Claim(
        id="admm.assumption-1.iii", label="Assumption 1", section="2", kind="structural",
        latex=r"\text{(iii) } A_i \in \mathcal C^2",
        statement=Compare(lambda o, Sigma, q_hat: o.det(model.sigma_q(o, Sigma, q_hat)), ">", 0),
        variables=(n, Sigma, q_hat), symbolic=None,
        notes="A_i(q, q_hat) of eq. (1) is a rational function of (q, q_hat) on q, q_hat > 0 whose only "
              "denominator is det(Sigma_{q_hat}); it is C^infinity wherever that determinant is non-zero, "
              "which is what is checked (with Arb balls at each instance).",
    ),
)
