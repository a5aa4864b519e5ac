"""admm Example 1 / Figure 1 and the qualitative statements on data centrality (§1 line 31, §3.3 line 114,
§A.6 line 286, §A.6 lines 298-302), on the example (``example1``: 2-D Gauss-Legendre quadrature of the
closed-form conditional payments; Monte Carlo of Algorithm 1 in tests/test_admm_example1.py) and on
random instances (``asymptotics`` closed forms, pointwise in q_-i, which implies the expectations).
"""
import math

import sympy

from derivations.claims import Claim, Effort, Erratum, Given, Var
from derivations.domains import SPD, Index, Int, Real, Vector
from derivations.statements import Compare, Monotone

from . import asymptotics as X
from . import example1 as E
from .variables import QUALITY

RM = 1 / math.sqrt(2)
EX = Effort(examples=0.15, ladder=(20, 40))

i3 = Var("i", Index(3), "agent of Example 1 (0 = agent 1, the central one)")
rho_pos = Var("rho", Real(0, RM), "correlation factor rho in [0, 1/sqrt 2]")
rho_neg = Var("rho", Real(-RM, 0), "correlation factor rho in [-1/sqrt 2, 0]")
rho_all = Var("rho", Real(-RM, RM), "correlation factor rho in [-1/sqrt 2, 1/sqrt 2] (footnote 3)")
RHO_NZ = Given("rho != 0 (|rho| >= 1/100; at rho = 0 all agents are identical)", lambda o, rho, **_: o.abs(rho) >= o.num(1) / 100)


def _pay(o, i, rho):
    return E.expected_payment(o, i, rho)


def _util(o, i, rho):
    return E.expected_utility(o, i, rho, m=6)  # 6-point rules: error < 1e-6, margins here are > 3e-6 .. 4e-2


def _agent1_margin(o, rho):
    return _pay(o, 0, rho) - o.max(_pay(o, 1, rho), _pay(o, 2, rho))


def _util_margin(o, rho):
    return _util(o, 0, rho) - o.max(_util(o, 1, rho), _util(o, 2, rho))


def _util_margin_corrected(o, rho):
    a = o.abs(rho)
    if a <= o.num(66) / 100:
        return _util_margin(o, rho)
    if a >= o.num(67) / 100:
        return _util(o, 1, rho) - _util(o, 0, rho)
    return o.num(1)  # no statement in the narrow band 0.66 < |rho| < 0.67 around the crossing


# ---- random instances: agent i's cross-covariances scaled by t (her data "more correlated with the others")
n = Var("n", Int(2, 3), "number of agents")
Sigma = Var("Sigma", SPD("n"), "prior covariance")
q = Var("q", Vector("n", QUALITY), "qualities")
i = Var("i", Index("n"), "agent (0-based)")
j = Var("j", Index("n"), "another agent")
tv = Var("t", Real(0, 1), "scale of agent i's correlations with the others")
Qv = Var("Q", Real(1, 100, log=True), "upper end of U[0, Q]")
J_NE_I = Given("j != i", lambda o, i, j, **_: i != j)


def _scaled(o, Sigma, q, i, t):
    m = len(q)
    return o.matrix([[Sigma[a, b] * (t if (a == i) != (b == i) else 1) for b in range(m)] for a in range(m)])


def _acc_pay_t(o, Sigma, q, i, t, Q):
    S = _scaled(o, Sigma, q, i, t)
    return [X.v_exact(o, S, q, i), X.payment_closed(o, S, q, i, Q)]


def _acc_pay(o, Sigma, q, i, Q):
    return [X.v_exact(o, Sigma, q, i), X.payment_closed(o, Sigma, q, i, Q)]


def _correlated(o, Sigma, q, i, **_):
    return max(o.abs(Sigma[i, k]) / o.sqrt(Sigma[i, i] * Sigma[k, k]) for k in range(len(q)) if k != i) >= o.num(1) / 10


CORR = Given("agent i is correlated with someone (some |sigma_ik| >= 1/10)", _correlated)


def _corr_ij(o, Sigma, i, j, **_):
    return o.abs(Sigma[i, j]) / o.sqrt(Sigma[i, i] * Sigma[j, j]) >= o.num(1) / 10


# ---- §A.6 lines 298-302: right-hand sides of (A.5) and (A.6) in one correlation factor sigma_ij and q_j
qi_s, qj_s, sig_s, Q_s = sympy.symbols("q_i q_j sigma_ij Q", real=True)
QI = Var("q_i", Real(0, 10), "agent i's quality")
QJ = Var("q_j", Real(0, 10), "another agent's quality")
SIG = Var("sigma_ij", Real(-1 / math.sqrt(3), 1 / math.sqrt(3)), "correlation factor, |sigma_ij| < 1/sqrt 3 ((B.22), n = 2)")
QB = Var("Q", Real(16, 1000, lo_open=True, log=True), "Q > 16")
_aj = qj_s / (1 + qj_s)
_s1 = sympy.sqrt(1 + Q_s)
RHS_A5 = qi_s / (1 + qi_s) + (1 / (1 + qi_s)) ** 2 * sig_s ** 2 * _aj
RHS_A6 = (_s1 - 1) / (_s1 + 1) + 1 / (_s1 * (_s1 + 1)) * sig_s ** 2 * _aj
SIG_NZ = Given("sigma_ij != 0 (|sigma_ij| >= 1/1000)", lambda o, sigma_ij, **_: o.abs(sigma_ij) >= o.num(1) / 1000)

CLAIMS = (
    Claim(
        id="admm.ex1.payments-increase", label="Example 1 / Figure 1", section="3.3", kind="numeric-result",
        latex=r"\text{as }|\rho|\text{ becomes larger, all agents' expected payments increase }(\rho \ge 0)",
        statement=Monotone(_pay, "rho", "increasing"), variables=(i3, rho_pos), symbolic=None, effort=EX,
        notes="Footnote 3: q_i ~ U[0, 10], correlation matrix [[1, rho, rho], [rho, 1, 0], [rho, 0, 1]] (the value "
              "depends on Sigma only through the correlations; see example1). E_q[p_i] by 2-D Gauss-Legendre "
              "quadrature of the closed-form conditional payment (admm.A6.closed-form), confirmed by Monte Carlo "
              "of Algorithm 1 in tests/test_admm_example1.py.",
    ),
    Claim(
        id="admm.ex1.payments-increase.negative", label="Example 1 / Figure 1", section="3.3", kind="numeric-result",
        latex=r"\text{as }|\rho|\text{ becomes larger, all agents' expected payments increase }(\rho \le 0)",
        statement=Monotone(_pay, "rho", "decreasing"), variables=(i3, rho_neg), symbolic=None, effort=EX,
    ),
    Claim(
        id="admm.ex1.agent1-pays-most", label="Example 1 / Figure 1", section="3.3", kind="numeric-result",
        latex=r"\mathbb E[p_1] > \max(\mathbb E[p_2], \mathbb E[p_3])\ (\rho \ne 0)",
        statement=Compare(_agent1_margin, ">", 0), variables=(rho_all,), given=(RHO_NZ,), symbolic=None, effort=EX,
    ),
    Claim(
        id="admm.sec33.payment-increases-with-correlation", label="§3.3 line 114", section="3.3", kind="monotonicity",
        latex=r"\text{as agent } i\text{'s data becomes more correlated with others, her payment increases}",
        statement=Monotone(lambda o, Sigma, q, i, t, Q: X.payment_closed(o, _scaled(o, Sigma, q, i, t), q, i, Q), "t", "increasing"),
        variables=(n, Sigma, q, i, tv, Qv), given=(CORR,), symbolic=None, effort=Effort(0.5),
        notes="Random instances: the cross-covariances of agent i scaled by t in [0, 1] (Sigma stays positive "
              "definite); optimal mechanism with U[0, Q]; conditional on q_-i (so also in expectation). "
              "On Example 1 this is admm.ex1.payments-increase for agent 1.",
    ),
    Claim(
        id="admm.sec1.accuracy-payment-correlation", label="§1 line 31", section="1", kind="monotonicity",
        latex=r"\text{as the correlation between agent } i\text{'s parameter and the others' increases, the platform "
              r"achieves higher accuracy and charges agent } i \text{ more}",
        statement=Monotone(_acc_pay_t, "t", "increasing"), variables=(n, Sigma, q, i, tv, Qv), given=(CORR,),
        symbolic=None, effort=Effort(0.5),
        notes="Correlation strength scaled by t (|correlations| grow; for signed correlations read literally see the "
              "erratum of §A.6 lines 298-302). Values [v_i(q), E_{q_i}[p_i | q_-i]] of the optimal mechanism.",
    ),
    Claim(
        id="admm.sec1.accuracy-payment-quality", label="§1 line 31", section="1", kind="monotonicity",
        latex=r"\text{as the quality of the others' data improves, the platform achieves higher accuracy and charges "
              r"agent } i \text{ more}",
        statement=Monotone(_acc_pay, "q", "increasing", index="j"), variables=(n, Sigma, q, i, j, Qv),
        given=(J_NE_I, Given("agent i is correlated with agent j (|sigma_ij| >= 1/10)", _corr_ij)), symbolic=None,
        effort=Effort(0.5),
    ),
    Claim(
        id="admm.A6-line286.utilities", label="§A.6 line 286", section="A.6", kind="monotonicity",
        latex=r"\text{more central agents pay more, and agents' expected utilities are increasing in their centrality}"
              r"\ \textstyle\sum_{j\ne i}\sigma_{ij}^2 \text{ (Example 1: agent 1, centrality } 2\rho^2 > \rho^2)",
        statement=Compare(_util_margin, ">", 0), variables=(rho_all,), given=(RHO_NZ,), symbolic=None, effort=EX,
        erratum=Erratum(
            corrected=Compare(_util_margin_corrected, ">", 0),
            corrected_latex=r"\mathbb E[U_1] > \mathbb E[U_2] = \mathbb E[U_3] \text{ for } 0 < |\rho| \le 0.66,\ "
                            r"\mathbb E[U_1] < \mathbb E[U_2] \text{ for } |\rho| \ge 0.67",
            explanation="On the paper's own Example 1 the most central agent (agent 1) has the LOWEST expected utility "
                        "for |rho| >= 0.67 (crossing at |rho| ~ 0.6669; at rho = 1/sqrt 2: E[U_1] = 0.0888 vs "
                        "E[U_2] = 0.1261 by quadrature; Monte Carlo of Algorithm 1 with 40000 samples: 0.0889 +- 0.0003 "
                        "vs 0.1260 +- 0.0003). Strong correlation drives agent 1's threshold to 0, so she is charged "
                        "v_1(0, q_-1), which leaves little surplus. The statement holds in the eps-correlation regime "
                        "((A.7) with lambda''_1 > 0) -- its proven scope -- and on Example 1 for |rho| <= 0.66; "
                        "E[U_1] is even non-monotone in |rho| (maximal near |rho| ~ 0.642).",
            region=(Var("rho", Real(0.69, RM), "strong correlation"),),
        ),
        notes="Payments part: admm.ex1.agent1-pays-most. Utilities by the closed form (admm.A7.closed-form).",
    ),
    *(Claim(
        id=f"admm.A6-lines298.correlation.{slug}", label="§A.6 lines 298–302", section="A.6", kind="monotonicity",
        latex=rf"\text{{the right-hand side of {tag} without error terms is increasing in the correlation factors}}",
        statement=Monotone(rhs, "sigma_ij", "increasing"), variables=(QI, QJ, SIG, QB),
        given=(Given("q_j > 0 (otherwise sigma_ij does not enter)", lambda o, q_j, **_: q_j >= o.num(1) / 1000),),
        erratum=Erratum(
            corrected=Compare(sig_s * sympy.diff(rhs, sig_s), ">=", 0),
            corrected_latex=r"\text{increasing in } |\sigma_{ij}|:\ \sigma_{ij}\,\partial_{\sigma_{ij}}\mathrm{RHS} \ge 0",
            explanation="The right-hand side depends on sigma_ij only through sigma_ij^2, so it decreases as a negative "
                        "correlation factor increases towards 0. The paper elsewhere says 'increasing in the absolute "
                        "value of correlation factors' (Theorem 3(iii), Example 1); on Example 1 the expected payments "
                        "decrease in rho on [-1/sqrt 2, 0] (admm.ex1.payments-increase.negative).",
            region=(Var("sigma_ij", Real(-1 / math.sqrt(3), -0.01), "negative correlation factor"),),
        ),
    ) for tag, slug, rhs in (("(A.5)", "A5", RHS_A5), ("(A.6)", "A6", RHS_A6))),
    *(Claim(
        id=f"admm.A6-lines298.quality.{slug}", label="§A.6 lines 298–302", section="A.6", kind="monotonicity",
        latex=rf"\text{{the right-hand side of {tag} without error terms is increasing in the quality of others' data}}",
        statement=Monotone(rhs, "q_j", "increasing"), variables=(QI, QJ, SIG, QB), given=(SIG_NZ,),
    ) for tag, slug, rhs in (("(A.5)", "A5", RHS_A5), ("(A.6)", "A6", RHS_A6))),
)
