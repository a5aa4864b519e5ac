"""admm App. C: proofs of Lemma B.2 ((C.9)-(C.11)) and Lemma B.3 ((C.12), derivatives of v-hat),
Lemma C.1 ((C.13)) and Lemma C.2 ((C.14)-(C.24)) with the displays of their proofs.

Transcription conventions (see ``approx`` for the formulas):
- ``S`` is S_{q_-i} in [0, 1/3]; ``Q`` the upper end of the uniform prior.
- "q in the interval (C.16)" = [sqrt(Q) - 2, sqrt(1+Q) - 1] is drawn as q = sqrt(Q) - 2 + t (sqrt(1+Q)
  - sqrt(Q) + 1) with t in [0, 1] (``approx.interval_point``): exactly the printed range.
- The polynomial steps (C.17)-(C.19), (C.22)-(C.23) are proved symbolically on the larger set the
  paper's own argument uses, written with non-negative parameters so that sympy can decide the sign:
  q = 2 + r (q > 2 by (C.20)), Q = (q+2)^2 - d ((C.20)), Q = q^2 + 2q + d ((C.21)), Q = q + d.
"""
import sympy

from derivations.claims import Claim, Erratum, Implementation, Symbolic
from derivations.domains import Index, Int, Real, SPD, Vector
from derivations.claims import Var, Given
from derivations.statements import AllOf, Compare, Equal, Monotone

from . import approx as A
from . import model, threshold
from .variables import QUALITY

q, Q, S = A.q, A.Q, A.S

# ----------------------------------------------------------------------------- variables
Qv = Var("Q", Real(0, None, lo_open=True, sample=(1e-2, 1e4), log=True), "upper end of U[0, Q], Q > 0")
Q4 = Var("Q", Real(4, None, lo_open=True, sample=(4.0, 1e4), log=True), "upper end of U[0, Q], Q > 4")
Q16 = Var("Q", Real(16, None, lo_open=True, sample=(16.0, 1e4), log=True), "upper end of U[0, Q], Q > 16")
Sv = Var("S", Real(0, 1 / 3), "S_{q_-i} in [0, 1/3]")
qv = Var("q", Real(0, None, sample=(0.0, 1e3)), "agent i's quality q_i >= 0")
qbox = Var("q", Real(0, 1000), "agent i's quality in a bounded support [0, 1000]")
tv = Var("t", Real(0, 1), "position in the interval / in [0, Q]")
rv = Var("r", Real(0, None, sample=(0.0, 100.0)), "q - 2 >= 0")
dv = Var("d", Real(0, None, sample=(0.0, 1e4)), "slack >= 0 in the premise used")
Q_GE_q = Given("q <= Q (B is studied on [0, Q])", lambda o, q, Q, **_: q <= Q)

r = sympy.Symbol("r", nonnegative=True)
d = sympy.Symbol("d", nonnegative=True)
q2 = 2 + r  # q > 2, by (C.20)


def ginv(o, S, Q):
    return A.g_inverse(o, S, Q)


def _on_interval(f):
    """f(q, Q) evaluated at q = interval_point(Q, t): q ranges over (C.16) exactly."""
    return lambda o, Q, t: f(A.interval_point(o, Q, t), Q)


GINV_IMPL = Implementation(lambda S, Q: threshold.g_inverse(S, Q), ginv, max_bits=4.0, name="threshold.g_inverse")
NOSYM = None  # formulas with g^-1 or an interval parametrization: no symbolic attempt

# ----------------------------------------------------------------------------- Lemma B.2: (C.9)-(C.11)
n = Var("n", Int(2, 4), "number of agents")
Sigma = Var("Sigma", SPD("n"), "prior covariance of theta")
qq = Var("q", Vector("n", QUALITY), "qualities")
i = Var("i", Index("n"), "agent (0-based; the paper's agent 1 WLOG)")


def _minor(o, M, a, b):
    rows = [k for k in range(_size(M)) if k != a]
    cols = [k for k in range(_size(M)) if k != b]
    return o.det(o.matrix([[M[x, y] for y in cols] for x in rows]))


def _size(M):
    for attr in ("rows", "shape"):
        if hasattr(M, attr):
            v = getattr(M, attr)
            return v[0] if isinstance(v, tuple) else v
    return M.nrows()


def _gamma(o, Sigma, q, i):
    """gamma := sum_{j != i} (-1)^{i+j} Sigma_ij m_ij / m_ii (minors of Sigma_q); independent of q_i."""
    M = model.sigma_q(o, Sigma, q)
    m_ii = _minor(o, M, i, i)
    return sum((-1) ** (i + j) * Sigma[i, j] * _minor(o, M, i, j) for j in range(len(q)) if j != i) / m_ii


def _c_ii(o, Sigma, q, i):
    return model.inv(o, model.sigma_q(o, Sigma, q))[i, i]


def _c9_middle(o, Sigma, q, i):
    M = model.sigma_q(o, Sigma, q)
    m_ii = _minor(o, M, i, i)
    a_ii = Sigma[i, i] * (1 + q[i]) / q[i]
    return m_ii / (a_ii * m_ii + sum((-1) ** (i + j) * Sigma[i, j] * _minor(o, M, i, j)
                                     for j in range(len(q)) if j != i))


def _c9_last(o, Sigma, q, i):
    return 1 / (Sigma[i, i] * (1 + q[i]) / q[i] + _gamma(o, Sigma, q, i))


def _c11_last(o, Sigma, q, i):
    s2, gm = Sigma[i, i], _gamma(o, Sigma, q, i)
    return ((s2 + gm) / (q[i] * (s2 + gm) + s2)) ** 2


def _c11_middle(o, Sigma, q, i):
    s2, gm = Sigma[i, i], _gamma(o, Sigma, q, i)
    return 1 / q[i] ** 2 * ((s2 + gm) / (s2 * (1 + q[i]) / q[i] + gm)) ** 2


TWO = Symbolic(dims={"n": (2,)})
MAT = (n, Sigma, qq, i)

LEMMA_B2 = (
    Claim(
        id="admm.C9.cofactor", label="(C.9)", section="C (proof of Lemma B.2)", kind="identity",
        latex=r"c_{q_1} = \frac{m_{11}}{\frac{\sigma_1^2(1+q_1)}{q_1}m_{11} + \sum_{j\ge2}(-1)^{1+j}\Sigma_{1j}m_{1j}}",
        statement=Equal(_c_ii, _c9_middle), variables=MAT, symbolic=None,
        notes="c_{q_1} = (Sigma_q^-1)_{11}; m_1j the (1, j) minor of Sigma_q. Checked for every agent i.",
    ),
    Claim(
        id="admm.C9.gamma", label="(C.9)", section="C (proof of Lemma B.2)", kind="identity",
        latex=r"c_{q_1} = \frac{1}{\frac{\sigma_1^2(1+q_1)}{q_1} + \gamma},\quad "
              r"\gamma := \sum_{j\ge2}(-1)^{1+j}\Sigma_{1j}\frac{m_{1j}}{m_{11}}",
        statement=Equal(_c_ii, _c9_last), variables=MAT, symbolic=None,
    ),
    Claim(
        id="admm.C9.gamma-independent", label="(C.9)", section="C (proof of Lemma B.2)", kind="identity",
        latex=r"\gamma \text{ does not depend on } q_1",
        statement=Equal(lambda o, Sigma, q, i: o.diff(lambda t: _gamma(o, Sigma, model.with_entry(q, i, t), i), q[i]), 0),
        variables=MAT, symbolic=TWO,
    ),
    Claim(
        id="admm.C10", label="(C.10)", section="C (proof of Lemma B.2)", kind="inequality",
        latex=r"\sigma_1^2 + \gamma \ge 0",
        statement=Compare(lambda o, Sigma, q, i: Sigma[i, i] + _gamma(o, Sigma, q, i), ">=", 0),
        variables=MAT, symbolic=None,
    ),
    Claim(
        id="admm.C11.middle", label="(C.11)", section="C (proof of Lemma B.2)", kind="identity",
        latex=r"\frac{\partial v_1(\mathbf q)}{\partial q_1} = \frac{1}{q_1^2}\Big(\frac{\sigma_1^2+\gamma}"
              r"{\frac{\sigma_1^2(1+q_1)}{q_1}+\gamma}\Big)^2",
        statement=Equal(lambda o, Sigma, q, i: model.value_derivative(o, Sigma, q, i), _c11_middle),
        variables=MAT, symbolic=None,
        notes="Left side: derivative of eq. (2) (sympy.diff / mpmath.diff), not (B.5).",
    ),
    Claim(
        id="admm.C11", label="(C.11)", section="C (proof of Lemma B.2)", kind="identity",
        latex=r"\frac{\partial v_1(\mathbf q)}{\partial q_1} = \Big(\frac{\sigma_1^2+\gamma}{q_1(\sigma_1^2+\gamma)+\sigma_1^2}\Big)^2",
        statement=Equal(lambda o, Sigma, q, i: model.value_derivative(o, Sigma, q, i), _c11_last),
        variables=MAT, symbolic=None,
    ),
    Claim(
        id="admm.C11.nonincreasing", label="(C.11)", section="C (proof of Lemma B.2)", kind="monotonicity",
        latex=r"\Big(\frac{\sigma_1^2+\gamma}{q_1(\sigma_1^2+\gamma)+\sigma_1^2}\Big)^2 \text{ is non-increasing in } q_1",
        statement=Monotone(_c11_last, "q", "nonincreasing", index="i"), variables=MAT, symbolic=None,
    ),
)

# ----------------------------------------------------------------------------- Lemma B.3: (C.12), v-hat
m = Var("m", Int(1, 4), "n - 1, the number of other agents")
w = Var("w", Real(0, 1, lo_open=True, hi_open=True), "eps * sqrt(3(n-1)) in (0, 1)")
u = Var("u", Vector("m", Real(-1, 1)), "sigma_ij / eps in [-1, 1] (eps-correlation regime)")
qo = Var("qo", Vector("m", Real(0, 10)), "the other agents' qualities q_j >= 0")


def _eps(o, m, w):
    return w / o.sqrt(3 * o.num(m))


def _sum_sig2(o, m, w, u):
    e = _eps(o, m, w)
    return sum((e * x) ** 2 for x in u)


LEMMA_B3 = (
    Claim(
        id="admm.C12.a", label="(C.12)", section="C (proof of Lemma B.3)", kind="inequality",
        latex=r"0<\varepsilon<\frac{1}{\sqrt{3(n-1)}} \implies \frac13 > (n-1)\varepsilon^2",
        statement=Compare(lambda o, m, w: m * _eps(o, m, w) ** 2, "<", lambda o: o.num(1) / 3),
        variables=(m, w), symbolic=None,
    ),
    Claim(
        id="admm.C12.b", label="(C.12)", section="C (proof of Lemma B.3)", kind="inequality",
        latex=r"(n-1)\varepsilon^2 \ge \sum_{j\ne i}\sigma_{ij}^2 \quad (|\sigma_{ij}|\le\varepsilon)",
        statement=Compare(lambda o, m, w: m * _eps(o, m, w) ** 2, ">=", _sum_sig2),
        variables=(m, w, u), symbolic=None,
    ),
    Claim(
        id="admm.C12.c", label="(C.12)", section="C (proof of Lemma B.3)", kind="inequality",
        latex=r"\sum_{j\ne i}\sigma_{ij}^2 \ge \sum_{j\ne i}\sigma_{ij}^2\frac{q_j}{1+q_j}",
        statement=Compare(_sum_sig2, ">=", lambda o, m, w, u, qo: sum(
            (_eps(o, m, w) * x) ** 2 * y / (1 + y) for x, y in zip(u, qo))),
        variables=(m, w, u, qo), symbolic=None,
    ),
    Claim(
        id="admm.lemma-b3.dv-hat", label="proof of Lemma B.3, derivatives of v̂", section="C (proof of Lemma B.3)",
        kind="identity",
        latex=r"\frac{\partial\hat v_i}{\partial q_i} = \frac{(1+q_i) - 2\sum_{j\ne i}\sigma_{ij}^2\frac{q_j}{1+q_j}}{(1+q_i)^3}",
        statement=Equal(sympy.diff(A.v_hat, q), A.dv_hat_f(q, Q, S)), variables=(qv, Sv),
        notes="Scalar form: S = sum_{j != i} sigma_ij^2 q_j/(1+q_j) does not depend on q_i.",
    ),
    Claim(
        id="admm.lemma-b3.d2v-hat", label="proof of Lemma B.3, derivatives of v̂", section="C (proof of Lemma B.3)",
        kind="identity",
        latex=r"\frac{\partial^2\hat v_i}{\partial q_i^2} = \frac{-2}{(1+q_i)^4}\Big((1+q_i) - 3\sum_{j\ne i}\sigma_{ij}^2\frac{q_j}{1+q_j}\Big)",
        statement=Equal(sympy.diff(A.v_hat, q, 2), A.d2v_hat_f(q, Q, S)), variables=(qv, Sv),
    ),
    Claim(
        id="admm.lemma-b3.dv-hat-positive", label="proof of Lemma B.3, derivatives of v̂",
        section="C (proof of Lemma B.3)", kind="inequality",
        latex=r"\frac{(1+q_i) - 2S}{(1+q_i)^3} > 0 \quad (q_i \ge 0,\ S < 1/3)",
        statement=Compare(A.dv_hat_f(q, Q, S), ">", 0),
        variables=(qv, Var("S", Real(0, 1 / 3, hi_open=True), "S < 1/3 by (C.12)")),
    ),
    Claim(
        id="admm.lemma-b3.d2v-hat-negative", label="proof of Lemma B.3, derivatives of v̂",
        section="C (proof of Lemma B.3)", kind="inequality",
        latex=r"\frac{-2}{(1+q_i)^4}\big((1+q_i) - 3S\big) < 0 \quad (q_i \ge 0,\ S < 1/3)",
        statement=Compare(A.d2v_hat_f(q, Q, S), "<", 0),
        variables=(qv, Var("S", Real(0, 1 / 3, hi_open=True), "S < 1/3 by (C.12)")),
    ),
)

# ----------------------------------------------------------------------------- Lemma C.1
LEMMA_C1 = (
    Claim(
        id="admm.lemma-c1.i", label="Lemma C.1(i) / (C.13)", section="C", kind="monotonicity",
        latex=r"B(q) := \Big(\frac{q}{1+q}-\frac{Q-q}{(1+q)^2}\Big)+\Big(\frac{1}{(1+q)^2}+\frac{2(Q-q)}{(1+q)^3}\Big)S"
              r"\text{ is strictly increasing in } q\in[0,Q]\ (S\in[0,1/3],\ Q>0)",
        statement=Monotone(lambda o, Q, S, t: A.B_f(t * Q, Q, S), "t", "increasing"),
        variables=(Qv, Sv, tv), symbolic=NOSYM,
        notes="q = t Q with t in [0, 1] ranges over [0, Q]; increasing in t <=> increasing in q.",
    ),
    Claim(
        id="admm.lemma-c1.ii", label="Lemma C.1(ii)", section="C", kind="identity",
        latex=r"B(q) = 0 \iff g(q) = S",
        statement=Equal((1 + q) ** 3 * A.B, A.g_den_f(q, Q) * (S - A.g)),
        variables=(qv, Qv, Sv), given=(Q_GE_q,),
        notes="Transcribed as (1+q)^3 B(q) = ((1+q) + 2(Q-q)) (S - g(q)); both factors (1+q)^3 and "
              "(1+q) + 2(Q-q) are positive on [0, Q], hence the equivalence.",
    ),
    Claim(
        id="admm.lemma-c1.proof.rewrite", label="proof of Lemma C.1(i)", section="C", kind="identity",
        latex=r"B(q) = \Big(\frac{q}{1+q}+\frac{S}{(1+q)^2}\Big) - \Big(\frac{1}{(1+q)^2}-\frac{2S}{(1+q)^3}\Big)(Q-q)",
        statement=Equal(A.B, A.B_rewritten_f(q, Q, S)), variables=(qv, Qv, Sv),
    ),
    Claim(
        id="admm.lemma-c1.proof.d-first", label="proof of Lemma C.1(i)", section="C", kind="identity",
        latex=r"\frac{\partial}{\partial q}\Big(\frac{q}{1+q}+\frac{S}{(1+q)^2}\Big) = \frac{(1+q)-2S}{(1+q)^3}",
        statement=Equal(sympy.diff(q / (1 + q) + S / (1 + q) ** 2, q), ((1 + q) - 2 * S) / (1 + q) ** 3),
        variables=(qv, Sv),
    ),
    Claim(
        id="admm.lemma-c1.proof.d-second", label="proof of Lemma C.1(i)", section="C", kind="identity",
        latex=r"\frac{\partial}{\partial q}\Big(\frac{1}{(1+q)^2}-\frac{2S}{(1+q)^3}\Big) = \frac{-2}{(1+q)^4}((1+q)-3S)",
        statement=Equal(sympy.diff(1 / (1 + q) ** 2 - 2 * S / (1 + q) ** 3, q), -2 * ((1 + q) - 3 * S) / (1 + q) ** 4),
        variables=(qv, Sv),
    ),
    Claim(
        id="admm.lemma-c1.proof.first-positive", label="proof of Lemma C.1(i)", section="C", kind="inequality",
        latex=r"\frac{(1+q)-2S}{(1+q)^3} > 0 \quad (S \le 1/3)",
        statement=Compare(((1 + q) - 2 * S) / (1 + q) ** 3, ">", 0), variables=(qbox, Sv),
        notes="q on a bounded support [0, 1000] (Q_i is bounded, §2) for the Arb whole-domain certificate.",
    ),
)


# the strict inequality of the second derivative at the corner S = 1/3, q = 0: S = (1 - s)/3
def _d2_second(o, q, s):
    S_ = (1 - s) / 3
    return -2 * ((1 + q) - 3 * S_) / (1 + q) ** 4


LEMMA_C1 = LEMMA_C1 + (
    Claim(
        id="admm.lemma-c1.proof.second-negative", label="proof of Lemma C.1(i)", section="C", kind="inequality",
        latex=r"\frac{-2}{(1+q)^4}((1+q)-3S) < 0 \quad \text{for all } q\in[0,Q],\ S\le 1/3",
        statement=Compare(_d2_second, "<", 0),
        variables=(Var("q", Real(0, 1000), "q in [0, Q]"), Var("s", Real(0, 1), "S = (1 - s)/3 in [0, 1/3]")),
        symbolic=None,
        erratum=Erratum(
            corrected=Compare(_d2_second, "<=", 0),
            corrected_latex=r"\frac{-2}{(1+q)^4}((1+q)-3S) \le 0 \text{ for } S\le 1/3 "
                            r"\text{ (strict unless } q = 0,\ S = 1/3)",
            explanation="At q = 0 and S = 1/3 the derivative is exactly 0, so the strict inequality "
                        "claimed 'for all q in [0, Q]' from S <= 1/3 fails there (confirmed exactly: "
                        "(1+0) - 3(1/3) = 0). Harmless for Lemma C.1(i): B'(q) also contains "
                        "1/(1+q)^2 - 2S/(1+q)^3 >= 1/3 > 0, so B stays strictly increasing.",
        ),
        notes="S = (1 - s)/3 with s in [0, 1] reaches S = 1/3 exactly (s = 0).",
    ),
)

# ----------------------------------------------------------------------------- Lemma C.2
QT = A.q_tilde
gprime = sympy.diff(A.g, q)
GP_AT_QT = A.at(gprime, q=QT)
GP_PRINTED_1 = A.at((-2 * q * (1 + q) - (1 + q) + Q - q) * (1 - q + 2 * Q) / (1 - q + Q) ** 2, q=QT)
GP_PRINTED_2 = A.at((-1 - 2 * q * (1 + q) - (1 + q) - q) * (1 - q + 2 * Q) / (1 - q + Q) ** 2, q=QT)
GP_CORRECT_1 = A.at((-(1 + q) ** 2 - 2 * q * (1 + q) - (1 + q) + Q - q) * (1 - q + 2 * Q) / (1 - q + 2 * Q) ** 2, q=QT)
GP_CORRECT_2 = A.at(-2 * (1 + q) ** 2 / (1 - q + 2 * Q), q=QT)
Q0_EXPR = (1 + 2 * q + 3 * q ** 2 + 3 * q * (1 + q) ** 2) / (1 + 3 * q)


def _y_via_k(o, S, Q):
    return A.K_f(ginv(o, S, Q), Q)


def _h_via_l(o, S, Q):
    return A.L_f(o, ginv(o, S, Q), Q)


Y_IMPL = Implementation(lambda S, Q: threshold.Y(S, Q), A.Y, max_bits=3.0, name="threshold.Y")
H_IMPL = Implementation(lambda S, Q: threshold.H(S, Q), A.H, max_bits=4.0, name="threshold.H")

LEMMA_C2 = (
    Claim(
        id="admm.lemma-c2.i.lower", label="Lemma C.2(i) / (C.14)", section="C", kind="inequality",
        latex=r"g^{-1}(S) \ge \sqrt{Q}-2 \quad (Q>4,\ S\in[0,1/3])",
        statement=Compare(ginv, ">=", lambda o, Q: o.sqrt(Q) - 2), variables=(Sv, Q4), symbolic=NOSYM,
        implementations=(GINV_IMPL,),
        notes="g^-1 exists: the mpmath root finder raises DomainError unless B(0) < 0 < B(Q) brackets it.",
    ),
    Claim(
        id="admm.lemma-c2.i.upper", label="Lemma C.2(i) / (C.14)", section="C", kind="inequality",
        latex=r"g^{-1}(S) \le \sqrt{1+Q}-1 \quad (Q>4,\ S\in[0,1/3])",
        statement=Compare(ginv, "<=", lambda o, Q: o.sqrt(1 + Q) - 1), variables=(Sv, Q4), symbolic=NOSYM,
    ),
    Claim(
        id="admm.lemma-c2.i.decreasing", label="Lemma C.2(i) / (C.14)", section="C", kind="monotonicity",
        latex=r"g^{-1}(S) \text{ is strictly decreasing in } S\in[0,1/3]",
        statement=Monotone(ginv, "S", "decreasing"), variables=(Sv, Q4), symbolic=NOSYM,
    ),
    Claim(
        id="admm.lemma-c2.i", label="Lemma C.2(i) / (C.14)", section="C", kind="existence",
        latex=r"Q>4:\ g^{-1}(S) \text{ exists, is strictly decreasing, and } g^{-1}(S)\in[\sqrt Q-2,\sqrt{1+Q}-1]",
        statement=AllOf(("admm.lemma-c2.i.lower", "admm.lemma-c2.i.upper", "admm.lemma-c2.i.decreasing")),
    ),
    Claim(
        id="admm.lemma-c2.ii", label="Lemma C.2(ii)", section="C", kind="monotonicity",
        latex=r"Q>16:\ Y(S) \text{ exists and is strictly increasing in } S\in[0,1/3]",
        statement=Monotone(A.Y, "S", "increasing"), variables=(Sv, Q16), symbolic=NOSYM,
    ),
    Claim(
        id="admm.lemma-c2.iii", label="Lemma C.2(iii)", section="C", kind="monotonicity",
        latex=r"Q>4:\ H(S) \text{ exists and is strictly increasing in } S\in[0,1/3]",
        statement=Monotone(A.H, "S", "increasing"), variables=(Sv, Q4), symbolic=NOSYM,
    ),
    # proof of (i): B(0), B(Q)
    Claim(
        id="admm.lemma-c2.proof.B0", label="proof of Lemma C.2(i), B(0) and B(Q)", section="C", kind="identity",
        latex=r"B(0) = S - (1-2S)Q", statement=Equal(A.at(A.B, q=0), S - (1 - 2 * S) * Q), variables=(Qv, Sv),
    ),
    Claim(
        id="admm.lemma-c2.proof.B0-bound", label="proof of Lemma C.2(i), B(0) and B(Q)", section="C",
        kind="inequality", latex=r"S - (1-2S)Q \le 9S - 4 \quad (Q > 4,\ S \le 1/3)",
        statement=Compare(S - (1 - 2 * S) * Q, "<=", 9 * S - 4), variables=(Q4, Sv), symbolic=None,
    ),
    Claim(
        id="admm.lemma-c2.proof.B0-negative", label="proof of Lemma C.2(i), B(0) and B(Q)", section="C",
        kind="inequality", latex=r"9S - 4 < 0 \quad (S\in[0,1/3])",
        statement=Compare(9 * S - 4, "<", 0), variables=(Sv,), symbolic=None,
    ),
    Claim(
        id="admm.lemma-c2.proof.BQ", label="proof of Lemma C.2(i), B(0) and B(Q)", section="C", kind="identity",
        latex=r"B(Q) = \frac{Q}{1+Q} + \frac{S}{(1+Q)^2}",
        statement=Equal(A.at(A.B, q=Q), Q / (1 + Q) + S / (1 + Q) ** 2), variables=(Qv, Sv),
    ),
    Claim(
        id="admm.lemma-c2.proof.BQ-positive", label="proof of Lemma C.2(i), B(0) and B(Q)", section="C",
        kind="inequality", latex=r"\frac{Q}{1+Q} + \frac{S}{(1+Q)^2} > 0",
        statement=Compare(Q / (1 + Q) + S / (1 + Q) ** 2, ">", 0), variables=(Qv, Sv),
    ),
    # (C.15)
    Claim(
        id="admm.C15.factor", label="(C.15)", section="C (proof of Lemma C.2)", kind="identity",
        latex=r"g(\tilde q) = \frac{(1+\tilde q)(-\tilde q(1+\tilde q)+Q-\tilde q)}{(1+\tilde q)+2(Q-\tilde q)}",
        statement=Equal(A.g, (1 + q) * (-q * (1 + q) + Q - q) / ((1 + q) + 2 * (Q - q))),
        variables=(qv, Qv), given=(Q_GE_q,),
    ),
    Claim(
        id="admm.C15", label="(C.15)", section="C (proof of Lemma C.2)", kind="identity",
        latex=r"0 = g(\tilde q) \text{ for } Q = \tilde q^2 + 2\tilde q,\ \text{i.e. } g^{-1}(0) = \sqrt{1+Q}-1",
        statement=Equal(A.at(A.g, Q=q ** 2 + 2 * q), 0), variables=(qv,),
        notes="Q = q^2 + 2q is the non-negative root of the factor -q(1+q) + Q - q.",
    ),
    Claim(
        id="admm.lemma-c2.proof.ginv0", label="proof of Lemma C.2(i), bounds on g⁻¹", section="C", kind="identity",
        latex=r"g^{-1}(0) = \sqrt{1+Q}-1", statement=Equal(lambda o, Q: ginv(o, 0, Q), lambda o, Q: o.sqrt(1 + Q) - 1),
        variables=(Q4,), symbolic=NOSYM,
        notes="Left side by root finding on B (mpmath.findroot); right side the closed form.",
    ),
    Claim(
        id="admm.lemma-c2.proof.gprime.1", label="proof of Lemma C.2(i), display of g'(q̃)", section="C",
        kind="identity",
        latex=r"g'(\tilde q) = \frac{(-2\tilde q(1+\tilde q)-(1+\tilde q)+Q-\tilde q)(1-\tilde q+2Q)}{(1-\tilde q+Q)^2}",
        statement=Equal(GP_AT_QT, GP_PRINTED_1), variables=(Q4,),
        erratum=Erratum(
            corrected=Equal(GP_AT_QT, GP_CORRECT_1),
            corrected_latex=r"g'(\tilde q) = \frac{(-(1+\tilde q)^2-2\tilde q(1+\tilde q)-(1+\tilde q)+Q-\tilde q)"
                            r"(1-\tilde q+2Q)}{(1-\tilde q+2Q)^2} = \frac{-2(1+\tilde q)^2}{1-\tilde q+2Q}",
            explanation="Quotient rule at the root of the numerator: g'(q~) = N'(q~)/D(q~) with "
                        "N(q) = -q(1+q)^2 + (Q-q)(1+q), D(q) = 1 - q + 2Q. The printed numerator misses the "
                        "term -(1+q~)^2 of N'(q~) and the denominator has Q instead of 2Q. E.g. Q = 5: "
                        "g'(q~) = -1.2565 (sympy.diff, and mpmath.diff at 50 digits) vs printed -2.7673. "
                        "The conclusion g'(q~) < 0 is unaffected.",
        ),
        notes="q~ = sqrt(1+Q) - 1 by (C.15); left side sympy.diff of (B.27) at q~.",
    ),
    Claim(
        id="admm.lemma-c2.proof.gprime.2", label="proof of Lemma C.2(i), display of g'(q̃)", section="C",
        kind="identity",
        latex=r"g'(\tilde q) = \frac{(-1-2\tilde q(1+\tilde q)-(1+\tilde q)-\tilde q)(1-\tilde q+2Q)}{(1-\tilde q+Q)^2}",
        statement=Equal(GP_AT_QT, GP_PRINTED_2), variables=(Q4,),
        erratum=Erratum(
            corrected=Equal(GP_AT_QT, GP_CORRECT_2),
            corrected_latex=r"g'(\tilde q) = \frac{(-1-2\tilde q(1+\tilde q)-(1+\tilde q)-\tilde q)(1-\tilde q+2Q)}"
                            r"{(1-\tilde q+2Q)^2} = \frac{-2(1+\tilde q)^2}{1-\tilde q+2Q}",
            explanation="The numerator -1 - 2q~(1+q~) - (1+q~) - q~ = -2(1+q~)^2 is the correct value of "
                        "N'(q~) (with Q = q~^2 + 2q~), but the denominator must be (1 - q~ + 2Q)^2, not "
                        "(1 - q~ + Q)^2. E.g. Q = 5: -1.2565 vs printed -5.5346 (sympy exact, mpmath diff).",
        ),
    ),
    Claim(
        id="admm.lemma-c2.proof.gprime-negative", label="proof of Lemma C.2(i), display of g'(q̃)", section="C",
        kind="inequality", latex=r"g'(\tilde q) < 0", statement=Compare(GP_AT_QT, "<", 0), variables=(Q4,),
    ),
    Claim(
        id="admm.lemma-c2.proof.q0-Q", label="proof of Lemma C.2(i), bounds on g⁻¹", section="C", kind="identity",
        latex=r"\frac13 = g(\bar q_0) \implies Q = \frac{1+2\bar q_0+3\bar q_0^2+3\bar q_0(1+\bar q_0)^2}{1+3\bar q_0}",
        statement=Equal(A.at(A.g, Q=Q0_EXPR), sympy.Rational(1, 3)), variables=(qv,),
        notes="g(q0) = 1/3 is linear in Q; with Q as printed, g(q0) = 1/3 identically in q0.",
    ),
    Claim(
        id="admm.lemma-c2.proof.q0-Q-simplified", label="proof of Lemma C.2(i), bounds on g⁻¹", section="C",
        kind="identity", latex=r"\frac{1+2\bar q_0+3\bar q_0^2+3\bar q_0(1+\bar q_0)^2}{1+3\bar q_0} = (1+\bar q_0)^2 + \frac{2\bar q_0^2}{1+3\bar q_0}",
        statement=Equal(Q0_EXPR, (1 + q) ** 2 + 2 * q ** 2 / (1 + 3 * q)), variables=(qv,),
    ),
    Claim(
        id="admm.lemma-c2.proof.q0-le", label="proof of Lemma C.2(i), bounds on g⁻¹", section="C", kind="inequality",
        latex=r"(1+\bar q_0)^2 + \frac{2\bar q_0^2}{1+3\bar q_0} \le (1+\bar q_0)^2 + 2\bar q_0",
        statement=Compare((1 + q) ** 2 + 2 * q ** 2 / (1 + 3 * q), "<=", (1 + q) ** 2 + 2 * q), variables=(qv,),
    ),
    Claim(
        id="admm.lemma-c2.proof.q0-lt", label="proof of Lemma C.2(i), bounds on g⁻¹", section="C", kind="inequality",
        latex=r"(1+\bar q_0)^2 + 2\bar q_0 < (2+\bar q_0)^2",
        statement=Compare((1 + q) ** 2 + 2 * q, "<", (2 + q) ** 2), variables=(qv,),
    ),
    Claim(
        id="admm.lemma-c2.proof.q0-gt", label="proof of Lemma C.2(i), bounds on g⁻¹", section="C", kind="inequality",
        latex=r"\bar q_0 := g^{-1}(1/3) > \sqrt Q - 2",
        statement=Compare(lambda o, Q: ginv(o, o.num(1) / 3, Q), ">", lambda o, Q: o.sqrt(Q) - 2),
        variables=(Q4,), symbolic=NOSYM,
    ),
    # (ii): K, K'
    Claim(
        id="admm.lemma-c2.proof.K", label="proof of Lemma C.2(ii), K(q)", section="C", kind="identity",
        latex=r"K(q) := \frac{Q-q}{Q}\Big(\frac{q}{1+q}+\frac{g(q)}{(1+q)^2}\Big) = "
              r"\frac{(Q-q)^2(1+2q)}{Q(1+q)(1+q+2(Q-q))}",
        statement=Equal(A.K_f(q, Q), A.K_simplified_f(q, Q)), variables=(qv, Qv), given=(Q_GE_q,),
    ),
    Claim(
        id="admm.lemma-c2.proof.Y-K", label="proof of Lemma C.2(ii), K(q)", section="C", kind="identity",
        latex=r"Y(S) = K(g^{-1}(S))", statement=Equal(A.Y, _y_via_k), variables=(Sv, Q16), symbolic=NOSYM,
    ),
    Claim(
        id="admm.lemma-c2.proof.K-prime", label="proof of Lemma C.2(ii), K'(q)", section="C", kind="identity",
        latex=r"K'(q) = \frac{2Q^3+Q^2(-6q^2-14q-2)+Q(8q^3+12q^2-4q-2)-2q^4+6q^2+2q}{Q((1+q)(1+q+2(Q-q)))^2}",
        statement=Equal(sympy.diff(A.K_simplified_f(q, Q), q), A.K_prime_printed_f(q, Q)),
        variables=(qv, Qv), given=(Q_GE_q,),
    ),
    Claim(
        id="admm.C17-C19.sum", label="(C.17), (C.18), (C.19)", section="C (proof of Lemma C.2)", kind="identity",
        latex=r"\text{(C.17)} + \text{(C.18)} + \text{(C.19)} = \text{numerator of } K'(q)",
        statement=Equal(A.C17_f(q, Q) + A.C18_f(q, Q) + A.C19_f(q, Q), A.K_prime_numerator_f(q, Q)),
        variables=(qv, Qv),
    ),
    Claim(
        id="admm.C17", label="(C.17), (C.18), (C.19)", section="C (proof of Lemma C.2)", kind="inequality",
        latex=r"2Q^3 + (-2q^2-14q-2)Q^2 \le 0 \quad (q\in\text{(C.16)},\ Q>16)",
        statement=Compare(A.C17_f(q2, (q2 + 2) ** 2 - d), "<=", 0), variables=(rv, dv),
        notes="On q = 2 + r, Q = (q+2)^2 - d (r, d >= 0): the premises q > 2 and Q <= (q+2)^2 of (C.20).",
    ),
    Claim(
        id="admm.C18", label="(C.17), (C.18), (C.19)", section="C (proof of Lemma C.2)", kind="inequality",
        latex=r"-4q^2Q^2 + (8q^3+12q^2)Q \le 0 \quad (q\in\text{(C.16)},\ Q>16)",
        statement=Compare(A.C18_f(q2, q2 ** 2 + 2 * q2 + d), "<=", 0), variables=(rv, dv),
        notes="On q = 2 + r, Q = q^2 + 2q + d (r, d >= 0): the premises q > 2 (C.20) and (C.21).",
    ),
    Claim(
        id="admm.C19", label="(C.17), (C.18), (C.19)", section="C (proof of Lemma C.2)", kind="inequality",
        latex=r"Q(-4q-2) - 2q^4 + 6q^2 + 2q < 0 \quad (q\in\text{(C.16)},\ Q>16)",
        statement=Compare(A.C19_f(q2, Q), "<", 0), variables=(rv, Qv),
        notes="On q = 2 + r (r >= 0) and any Q > 0: the premise q > 2 of (C.20).",
    ),
    Claim(
        id="admm.C17-C19.K-prime-negative", label="(C.17), (C.18), (C.19)", section="C (proof of Lemma C.2)",
        kind="inequality", latex=r"\text{numerator of } K'(q) < 0 \quad (q\in\text{(C.16)},\ Q>16)",
        statement=Compare(_on_interval(A.K_prime_numerator_f), "<", 0), variables=(Q16, tv), symbolic=NOSYM,
    ),
    Claim(
        id="admm.C20", label="(C.20), (C.21)", section="C (proof of Lemma C.2)", kind="inequality",
        latex=r"(q+2)^2 \ge Q \quad (q \ge \sqrt Q - 2)",
        statement=Compare(_on_interval(lambda q, Q: (q + 2) ** 2), ">=", lambda o, Q: Q), variables=(Q16, tv),
        symbolic=NOSYM,
    ),
    Claim(
        id="admm.C20.q-gt-2", label="(C.20), (C.21)", section="C (proof of Lemma C.2)", kind="inequality",
        latex=r"(q+2)^2 > 16 \implies q > 2",
        statement=Compare(_on_interval(lambda q, Q: q), ">", 2), variables=(Q16, tv), symbolic=NOSYM,
    ),
    Claim(
        id="admm.C21", label="(C.20), (C.21)", section="C (proof of Lemma C.2)", kind="inequality",
        latex=r"(1+q)^2 \le 1+Q \implies q^2 + 2q \le Q",
        statement=Compare(_on_interval(lambda q, Q: q ** 2 + 2 * q), "<=", lambda o, Q: Q), variables=(Q4, tv),
        symbolic=NOSYM,
    ),
    # (iii): L, N, T
    Claim(
        id="admm.lemma-c2.proof.L-prime", label="proof of Lemma C.2(iii), L(q) and N(q)", section="C",
        kind="identity", latex=r"L'(q) = \frac{(Q-q)N(q)}{(1+q)^2(1+Q)(-q+2Q+1)^2}",
        statement=Equal(sympy.diff(A.L_f(sympy, q, Q), q), A.L_prime_printed_f(q, Q)),
        variables=(qv, Qv), given=(Q_GE_q,),
    ),
    Claim(
        id="admm.lemma-c2.proof.H-L", label="proof of Lemma C.2(iii), L(q) and N(q)", section="C",
        kind="identity", latex=r"H(S) = L(g^{-1}(S))", statement=Equal(A.H, _h_via_l), variables=(Sv, Q4),
        symbolic=NOSYM,
    ),
    Claim(
        id="admm.C22-C24.sum", label="(C.22), (C.23), (C.24)", section="C (proof of Lemma C.2)", kind="identity",
        latex=r"\text{(C.22)} + \text{(C.23)} + \text{(C.24)} = N(q)",
        statement=Equal(A.C22_f(q, Q) + A.C23_f(q, Q) + A.C24_f(q), A.N_f(q, Q)), variables=(qv, Qv),
    ),
    Claim(
        id="admm.C22", label="(C.22), (C.23), (C.24)", section="C (proof of Lemma C.2)", kind="inequality",
        latex=r"-2Q^3 + (2q^2+8q)Q^2 + (-4q^3-8q^2)Q \le 0 \quad (q\in\text{(C.16)})",
        statement=Compare(A.C22_f(q, q ** 2 + 2 * q + d), "<=", 0),
        variables=(qv, dv), notes="On Q = q^2 + 2q + d (d >= 0): the premise (C.21).",
    ),
    Claim(
        id="admm.C23", label="(C.22), (C.23), (C.24)", section="C (proof of Lemma C.2)", kind="inequality",
        latex=r"(-2q^3-7q^2-4q-1)Q + 2q^4 + 2q^3 \le 0 \quad (q\in\text{(C.16)})",
        statement=Compare(A.C23_f(q, q + d), "<=", 0), variables=(qv, dv),
        notes="On Q = q + d (d >= 0): the premise Q > q used by the proof.",
    ),
    Claim(
        id="admm.C24", label="(C.22), (C.23), (C.24)", section="C (proof of Lemma C.2)", kind="inequality",
        latex=r"-5q^2 - 4q - 1 < 0", statement=Compare(A.C24_f(q), "<", 0), variables=(qv,),
    ),
    Claim(
        id="admm.C22-C24.N-nonpositive", label="(C.22), (C.23), (C.24)", section="C (proof of Lemma C.2)",
        kind="inequality", latex=r"N(q) \le 0 \quad (q\in\text{(C.16)})",
        statement=Compare(_on_interval(A.N_f), "<=", 0), variables=(Q4, tv), symbolic=NOSYM,
    ),
    Claim(
        id="admm.lemma-c2.proof.C22-T", label="proof of Lemma C.2(iii), T(Q)", section="C", kind="identity",
        latex=r"\text{(C.22)} = 2Q\,T(Q)", statement=Equal(A.C22_f(q, Q), 2 * Q * A.T_f(q, Q)), variables=(qv, Qv),
    ),
    Claim(
        id="admm.lemma-c2.proof.T-root", label="proof of Lemma C.2(iii), T(Q)", section="C", kind="identity",
        latex=r"T(q^2+2q) = 0", statement=Equal(A.T_f(q, q ** 2 + 2 * q), 0), variables=(qv,),
    ),
    Claim(
        id="admm.lemma-c2.proof.T-slope", label="proof of Lemma C.2(iii), T(Q)", section="C", kind="identity",
        latex=r"T'(q^2+2q) = -q^2",
        statement=Equal(A.at(sympy.diff(A.T_f(q, Q), Q), Q=q ** 2 + 2 * q), -q ** 2), variables=(qv,),
    ),
    Claim(
        id="admm.lemma-c2.proof.C23-bound", label="proof of Lemma C.2(iii), T(Q)", section="C", kind="inequality",
        latex=r"Q > q \implies (-2q^3-7q^2-4q-1)Q + 2q^4 + 2q^3 \le -5q^3-4q^2-q",
        statement=Compare(A.C23_f(q, q + d), "<=", -5 * q ** 3 - 4 * q ** 2 - q), variables=(qv, dv),
        notes="On Q = q + d, d >= 0.",
    ),
    Claim(
        id="admm.lemma-c2.proof.C23-bound-nonpositive", label="proof of Lemma C.2(iii), T(Q)", section="C",
        kind="inequality", latex=r"-5q^3-4q^2-q \le 0",
        statement=Compare(-5 * q ** 3 - 4 * q ** 2 - q, "<=", 0), variables=(qv,),
    ),
)

CLAIMS = LEMMA_B2 + LEMMA_B3 + LEMMA_C1 + LEMMA_C2
