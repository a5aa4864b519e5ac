"""admm App. B, proof of Lemma A.1: the displayed steps (B.1) and (B.5)."""
from derivations.claims import Claim, Effort, Symbolic
from derivations.statements import Equal

from . import model
from .variables import Sigma, i, n, q

HALF = Effort(examples=0.5)  # 10 instances under ci: each costs matrix inversions (n <= 5) at 120 digits

CLAIMS = (
    Claim(
        id="admm.B1", label="(B.1)", section="B", effort=HALF, kind="identity",
        latex=r"A_1(\mathbf q) = (\sigma_1^2,\Sigma_{12},\dots,\Sigma_{1n})\Sigma_{\mathbf q}^{-1}"
              r"(\sigma_1^2,\Sigma_{12},\dots,\Sigma_{1n})^\top - \sigma_1^2",
        statement=Equal(lambda o, Sigma, q, i: model.accuracy(o, Sigma, q, q, i), model.accuracy_B1),
        variables=(n, Sigma, q, i), symbolic=Symbolic(dims={"n": (2,)}),
        notes="Agent 1 without loss of generality; checked for every agent i.",
    ),
    Claim(
        id="admm.B5", label="(B.5)", section="B", effort=HALF, kind="identity",
        latex=r"\frac{\partial A_1}{\partial q_1}(\mathbf q) = \frac{\sigma_1^2}{q_1^2}"
              r"\Big(-\frac{\sigma_1^2}{q_1}c_{11}+1\Big)^2 \ge 0",
        statement=Equal(lambda o, Sigma, q, i: o.diff(
            lambda t: model.accuracy(o, Sigma, model.with_entry(q, i, t), model.with_entry(q, i, t), i), q[i]),
            model.accuracy_derivative_B5),
        variables=(n, Sigma, q, i), symbolic=Symbolic(dims={"n": (2,)}),
        notes="Left side: derivative of eq. (1) (sympy.diff / mpmath.diff), independent of (B.2)-(B.4).",
    ),
)
