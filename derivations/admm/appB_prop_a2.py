"""admm App. B, proofs of Proposition A.2(ii) and Theorem 3: displays (B.23)-(B.28), (B.33)-(B.37)
in the eps-correlation regime with uniform priors (formulas in ``approx``; numpy in ``threshold``)."""
import sympy

from derivations.claims import Claim, Effort, Implementation, Var
from derivations.domains import Real
from derivations.statements import Compare, Defines, Equal

from . import approx as A
from . import threshold
from .appC import Q4, Q16, Sv, ginv, qv

q, Q, S = A.q, A.Q, A.S
S_open = Var("S", Real(0, 1 / 3, hi_open=True), "S_{q_-i} < 1/3 by (B.22)")
e_frac = Var("t", Real(0, 1), "effort e_i = t (sqrt(Q) - 2) in [0, sqrt(Q) - 2] (B.31)")
qbar = Var("qbar", Real(0, 1, lo_open=True), "threshold as a fraction qbar/Q of Q")


def _phi_at_ginv(o, S, Q):
    return A.phi_hat_f(ginv(o, S, Q), Q, S)


def _b36_lhs(o, qbar, Q, S):
    """int_{qbar Q}^{Q} (v-hat(x) - v-hat(qbar Q)) dx (the factor 1/(Q - e_i) is common to both sides)."""
    b = qbar * Q
    return A.integral(o, lambda x: A.v_hat_f(x, Q, S) - A.v_hat_f(b, Q, S), b, Q)


def _b36_rhs(o, qbar, Q, S):
    b = qbar * Q
    return o.log((1 + b) / (1 + Q)) + (Q - b) / (1 + b) - (Q - b) ** 2 / (1 + b) ** 2 * S / (1 + Q)


def _phi_at_effort(o, Q, S, t):
    return A.phi_hat_f(t * (o.sqrt(Q) - 2), Q, S)


def _phi_at_q0(o, Q, S):
    return A.phi_hat_f(ginv(o, o.num(1) / 3, Q), Q, S)


def _phi_q0_factored(o, Q, S):
    r = ginv(o, o.num(1) / 3, Q)
    return (1 / (1 + r) ** 2 + 2 * (Q - r) / (1 + r) ** 3) * (S - o.num(1) / 3)


Y_IMPL = Implementation(lambda S, Q: threshold.Y(S, Q), A.Y, max_bits=3.0, name="threshold.Y")
H_IMPL = Implementation(lambda S, Q: threshold.H(S, Q), A.H, max_bits=4.0, name="threshold.H")

CLAIMS = (
    Claim(
        id="admm.B23.middle", label="(B.23)", section="B (proof of Proposition A.2)", kind="identity",
        latex=r"\hat\phi_{i,\mathbf q_{-i}}(q_i) = \hat v_i - \frac{\partial\hat v_i}{\partial q_i}(Q-q_i) = "
              r"\Big(\frac{q_i}{1+q_i}+\frac{S}{(1+q_i)^2}\Big)-\Big(\frac{1}{(1+q_i)^2}-\frac{2S}{(1+q_i)^3}\Big)(Q-q_i)",
        statement=Equal(A.v_hat - sympy.diff(A.v_hat, q) * (Q - q), A.phi_hat_middle_f(q, Q, S)),
        variables=(qv, Q16, Sv), notes="Left side: (A.5) differentiated by sympy; hazard ratio Q - q of U[0, Q].",
    ),
    Claim(
        id="admm.B23", label="(B.23)", section="B (proof of Proposition A.2)", kind="identity",
        latex=r"\hat\phi_{i,\mathbf q_{-i}}(q_i) = \Big(\frac{q_i}{1+q_i}-\frac{Q-q_i}{(1+q_i)^2}\Big)"
              r"+\Big(\frac{1}{(1+q_i)^2}+\frac{2(Q-q_i)}{(1+q_i)^3}\Big)S_{\mathbf q_{-i}}",
        statement=Equal(A.v_hat - sympy.diff(A.v_hat, q) * (Q - q), A.phi_hat), variables=(qv, Q16, Sv),
    ),
    Claim(
        id="admm.B24.value", label="(B.24)", section="B (proof of Proposition A.2)", kind="identity",
        latex=r"\hat\phi_{i,\mathbf q_{-i}}(0) = -Q + (1+2Q)S_{\mathbf q_{-i}}",
        statement=Equal(A.at(A.phi_hat, q=0), -Q + (1 + 2 * Q) * S), variables=(Q16, Sv),
    ),
    Claim(
        id="admm.B24.bound", label="(B.24)", section="B (proof of Proposition A.2)", kind="inequality",
        latex=r"-Q + (1+2Q)S_{\mathbf q_{-i}} < -Q + \frac{1+2Q}{3} = \frac{1-Q}{3} \quad (S < 1/3)",
        statement=Compare(-Q + (1 + 2 * Q) * S, "<", (1 - Q) / 3), variables=(Q16, S_open), symbolic=None,
    ),
    Claim(
        id="admm.B24.negative", label="(B.24)", section="B (proof of Proposition A.2)", kind="inequality",
        latex=r"\frac{1-Q}{3} < 0 \quad (Q > 16)", statement=Compare((1 - Q) / 3, "<", 0), variables=(Q16,),
        symbolic=None,
    ),
    Claim(
        id="admm.B26", label="(B.25), (B.26), (B.27)", section="B (proof of Proposition A.2)", kind="identity",
        latex=r"\hat\phi_{i,\mathbf q_{-i}}(\bar q) = 0 \text{ at } \bar q = g^{-1}(S_{\mathbf q_{-i}}) \text{ with } "
              r"g(q) := \frac{-q(1+q)^2+(Q-q)(1+q)}{(1+q)+2(Q-q)}",
        statement=Equal(_phi_at_ginv, 0), variables=(Sv, Q16), symbolic=None,
        notes="g^-1 is computed as the root of (B.23) = B of (C.13); admm.B26.g checks that it also solves "
              "S = g(q), i.e. that multiplying (B.25) by (1+q)^3 gives (B.26).",
    ),
    Claim(
        id="admm.B26.g", label="(B.25), (B.26), (B.27)", section="B (proof of Proposition A.2)", kind="identity",
        latex=r"S_{\mathbf q_{-i}} = g(\bar q_{\mathbf q_{-i}})",
        statement=Equal(lambda o, S, Q: A.g_f(ginv(o, S, Q), Q), lambda o, S: S), variables=(Sv, Q16), symbolic=None,
    ),
    Claim(
        id="admm.B28", label="(B.28)", section="B (proof of Proposition A.2)", kind="definition",
        latex=r"Y(S) := \frac{Q-g^{-1}(S)}{Q}\Big(\frac{g^{-1}(S)}{1+g^{-1}(S)}+\Big(\frac{1}{1+g^{-1}(S)}\Big)^2S\Big)",
        statement=Defines(A.Y), variables=(Sv, Q16), symbolic=None, implementations=(Y_IMPL,),
    ),
    Claim(
        id="admm.B33", label="(B.33)", section="B (proof of Theorem 3)", kind="identity",
        latex=r"\hat\phi_{e_i,i,\mathbf q_{-i}}(q_i) = \hat v_i - \frac{\partial \hat v_i}{\partial q_i}\frac{\bar F_{i,e_i}}{f_{i,e_i}}"
              r" = \Big(\frac{q_i}{1+q_i}-\frac{Q-q_i}{(1+q_i)^2}\Big)+\Big(\frac{1}{(1+q_i)^2}+\frac{2(Q-q_i)}{(1+q_i)^3}\Big)S",
        statement=Equal(A.v_hat - sympy.diff(A.v_hat, q) * (Q - q), A.phi_hat), variables=(qv, Q4, Sv),
        notes="U[e_i, Q] has hazard ratio Q - q_i whatever e_i, so e_i does not appear.",
    ),
    Claim(
        id="admm.B34", label="(B.34)", section="B (proof of Theorem 3)", kind="identity",
        latex=r"\Big(\frac{\bar q_0}{1+\bar q_0}-\frac{Q-\bar q_0}{(1+\bar q_0)^2}\Big)+\Big(\frac{1}{(1+\bar q_0)^2}"
              r"+\frac{2(Q-\bar q_0)}{(1+\bar q_0)^3}\Big)\frac13 = 0,\ \bar q_0 := g^{-1}(1/3)",
        statement=Equal(lambda o, Q: A.phi_hat_f(ginv(o, o.num(1) / 3, Q), Q, o.num(1) / 3), 0),
        variables=(Q4,), symbolic=None,
    ),
    Claim(
        id="admm.B35", label="(B.35)", section="B (proof of Theorem 3)", kind="inequality",
        latex=r"\bar q_0 \ge \sqrt Q - 2 \ge e_i",
        statement=Compare(lambda o, Q: ginv(o, o.num(1) / 3, Q), ">=", lambda o, Q: o.sqrt(Q) - 2),
        variables=(Q4,), symbolic=None,
    ),
    Claim(
        id="admm.thm3.threshold.monotone", label="proof of Theorem 3(i), threshold independent of effort",
        section="B (proof of Theorem 3)", kind="inequality",
        latex=r"\hat\phi_{e_i,i,\mathbf q_{-i}}(e_i) \le \hat\phi_{e_i,i,\mathbf q_{-i}}(\bar q_0)",
        statement=Compare(_phi_at_effort, "<=", _phi_at_q0), variables=(Q4, Sv, e_frac), symbolic=None,
    ),
    Claim(
        id="admm.thm3.threshold.factored", label="proof of Theorem 3(i), threshold independent of effort",
        section="B (proof of Theorem 3)", kind="identity",
        latex=r"\hat\phi_{e_i,i,\mathbf q_{-i}}(\bar q_0) = \Big(\frac{1}{(1+\bar q_0)^2}+\frac{2(Q-\bar q_0)}{(1+\bar q_0)^3}\Big)"
              r"\Big(S_{\mathbf q_{-i}}-\frac13\Big)",
        statement=Equal(_phi_at_q0, _phi_q0_factored), variables=(Q4, Sv), symbolic=None,
    ),
    Claim(
        id="admm.thm3.threshold.negative", label="proof of Theorem 3(i), threshold independent of effort",
        section="B (proof of Theorem 3)", kind="inequality",
        latex=r"\Big(\frac{1}{(1+\bar q_0)^2}+\frac{2(Q-\bar q_0)}{(1+\bar q_0)^3}\Big)\Big(S_{\mathbf q_{-i}}-\frac13\Big) < 0"
              r"\quad (S < 1/3)",
        statement=Compare(_phi_q0_factored, "<", 0), variables=(Q4, S_open), symbolic=None,
    ),
    Claim(
        id="admm.B36", label="(B.36)", section="B (proof of Theorem 3)", kind="identity",
        latex=r"\int_{\bar q}^{Q}\big(\hat v_i(q_i,\mathbf q_{-i}) - \hat v_i(\bar q,\mathbf q_{-i})\big)dq_i = "
              r"\log\frac{1+\bar q}{1+Q}+\frac{Q-\bar q}{1+\bar q}-\frac{(Q-\bar q)^2}{(1+\bar q)^2}\frac{S_{\mathbf q_{-i}}}{1+Q}",
        statement=Equal(_b36_lhs, _b36_rhs), variables=(qbar, Q4, Sv), effort=Effort(examples=0.25, ladder=(20, 40)),
        notes="Both sides of (B.36) times (Q - e_i); left side by mpmath.quad (numeric) and sympy.integrate "
              "(symbolic proof); holds for every qbar in (0, Q).",
    ),
    Claim(
        id="admm.B37", label="(B.37)", section="B (proof of Theorem 3)", kind="definition",
        latex=r"H(S) := \log\frac{1+g^{-1}(S)}{1+Q}+\frac{Q-g^{-1}(S)}{1+g^{-1}(S)}-\frac{(Q-g^{-1}(S))^2}{(1+g^{-1}(S))^2}\frac{S}{1+Q}",
        statement=Defines(A.H), variables=(Sv, Q4), symbolic=None, implementations=(H_IMPL,),
    ),
    Claim(
        id="admm.thm3.effort-bound", label="proof of Theorem 3, effort bound", section="B (proof of Theorem 3)",
        kind="inequality", latex=r"\hat v_i(\mathbf q) \le \frac{q_i}{1+q_i} + \frac13\Big(\frac{1}{1+q_i}\Big)^2 < 1",
        statement=Compare(A.v_hat, "<", 1), variables=(qv, S_open), symbolic=None,
        notes="Checked end to end (v-hat < 1 for S < 1/3); the middle bound is S <= 1/3 itself.",
    ),
)
