"""admm App. A.6 / B: the eps-correlation expansions as Asymptotic claims.

Proposition A.2 (i)/(ii) with (A.5), (B.13)-(B.15), (B.21)/(B.22), (B.29), (B.30), Corollary A.1
(A.6)/(A.7) and its proof.  Formulas and the eps-family Sigma(eps) (off-diagonal entries of a drawn SPD
matrix times eps, so |sigma_ij| <= eps) are in ``asymptotics``.  The paper's constants are derived in
closed form (``asymptotics.derived_constants``: sympy implicit differentiation of g at S = 0) and
checked three ways: symbolically against the closed forms, by positivity, and numerically through
the measured orders of the remainders (a wrong lambda-hat_1 leaves an O(S) / O(eps^2) remainder).
"""
import sympy

from derivations.claims import Claim, Effort, Given, Var
from derivations.domains import SPD, Index, Int, Real, Vector
from derivations.statements import Asymptotic, Compare, Defines, Equal

from . import approx as A
from . import asymptotics as X
from .variables import QUALITY

Qs = A.Q
_x = sympy.Symbol("x", positive=True)
_l0, _l1h, _H0, _H1 = X.derived_constants()

n = Var("n", Int(2, 3), "number of agents")
Sigma = Var("Sigma", SPD("n"), "covariance fixing the variances and the shape of the correlations")
q = Var("q", Vector("n", QUALITY), "qualities")
i = Var("i", Index("n"), "agent (0-based)")
eps = Var("eps", Real(0, 1, lo_open=True, sample=(0.1, 0.5)),
          "eps of the eps-correlation regime: Sigma(eps) has correlation factors eps*sigma_ij")
h = Var("h", Real(0, 10), "hazard ratio (1 - F_i(q_i))/f_i(q_i) >= 0 of an MHR prior at q_i")
Qbig = Var("Q", Real(16, 100, lo_open=True, log=True), "upper end of U[0, Q]; Q > 16 by (B.20)")
Qgen = Var("Q", Real(1, 100, log=True), "upper end of U[0, Q]")
Sv = Var("S", Real(0, 1 / 3, lo_open=True, sample=(0.05, 1 / 3)), "S_{q_-i} in (0, 1/3]")
rho = Var("rho", Real(-1, 1, lo_open=True, hi_open=True), "correlation shape of the two agents (n = 2)")
tv = Var("t", Real(0, 1, lo_open=True, hi_open=True), "eps = t / sqrt(3(n-1)), i.e. (B.21)")

EFF = Effort(examples=0.15, ladder=(20, 40, 80))
CHEAP = Effort(examples=0.25, ladder=(20, 40, 80))


def _fam(f):
    """f(o, Sigma(eps), q, i, ...) on the eps-family."""
    return lambda o, Sigma, q, i, eps, **kw: f(o, X.sigma_eps(o, Sigma, q, eps), q, i, **kw)


def _B14(o, Sigma, q, i, eps):
    Se = X.sigma_eps(o, Sigma, q, eps)
    return X.v_exact(o, Se, q, i) - X.v_hat(o, Se, q, i)


def _B15(o, Sigma, q, i, eps):
    Se = X.sigma_eps(o, Sigma, q, eps)
    return X.dv_exact(o, Se, q, i) - X.dv_hat(o, Se, q, i)


def _B13(o, Sigma, q, i, eps, h):
    Se = X.sigma_eps(o, Sigma, q, eps)
    phi = X.v_exact(o, Se, q, i) - X.dv_exact(o, Se, q, i) * h
    phi_hat = X.v_hat(o, Se, q, i) - X.dv_hat(o, Se, q, i) * h
    return phi - phi_hat


def _revenue_gap(o, Sigma, q, i, eps, Q):
    """r*_i - r-hat_i for agent i given q_-i, q_i ~ U[0, Q]: the optimal threshold mechanism (B.11) against
    Algorithm 1 run with v-hat (threshold g^-1(S), revenue E[phi 1{q_i >= qbar-hat}] = v_i(qbar-hat)(Q - qbar-hat)/Q
    by Lemma B.1)."""
    Se = X.sigma_eps(o, Sigma, q, eps)
    t_hat = X.g_inverse_newton(o, X.S_of(Se, q, i), Q)
    t_star = X.exact_threshold(o, Se, q, i, Q, start=t_hat)
    r_star = X.v_exact(o, Se, X.model.with_entry(q, i, t_star), i) * (Q - t_star) / Q
    r_hat = X.v_exact(o, Se, X.model.with_entry(q, i, t_hat), i) * (Q - t_hat) / Q
    return r_star - r_hat


def _payment_2(o, rho, eps, Q):
    """E_q[p_1(q)] for n = 2 (agent 1, sigma_12 = eps rho): E_{q_2 ~ U[0,Q]} of the conditional payment."""
    r2 = (eps * rho) ** 2
    return X.expect_uniform(o, lambda x: X.payment_closed_b(o, 1 / (1 - r2 * x / (1 + x)), Q), Q)


def _propA2ii(o, rho, eps, Q):
    return _payment_2(o, rho, eps, Q) - X.lambda0_f(o, Q) - X.lambda1_f(o, Q) * (eps * rho) ** 2


def _B30(o, rho, eps, Q):
    r2 = (eps * rho) ** 2
    EY = X.expect_uniform(o, lambda x: X.Y_fast(o, r2 * x / (1 + x), Q), Q)
    return EY - X.lambda0_f(o, Q) - X.lambda1_f(o, Q) * r2


def _A6(o, Sigma, q, i, eps, Q):
    Se = X.sigma_eps(o, Sigma, q, eps)
    return X.payment_closed(o, Se, q, i, Q) - X.lambda0_f(o, Q) - X.lambda1_hat_f(o, Q) * X.S_of(Se, q, i)


def _A7(o, Sigma, q, i, eps, Q):
    Se = X.sigma_eps(o, Sigma, q, eps)
    return X.utility_closed(o, Se, q, i, Q) - X.lambda0_pp_f(o, Q) - X.lambda1_pp_f(o, Q) * X.S_of(Se, q, i)


def _interior(o, Sigma, q, i, Q, **_):
    return X.b_of(o, Sigma, q, i) <= X.b_star(o, Q) * (1 - o.num(1) / 1000)


def _correlated(o, Sigma, i, **_):
    n = len(Sigma.tolist()) if hasattr(Sigma, "tolist") else Sigma.rows
    return max(o.abs(Sigma[i, j]) / o.sqrt(Sigma[i, i] * Sigma[j, j]) for j in range(n) if j != i) >= o.num(1) / 10


CORRELATED = Given("agent i is correlated with someone: max_j |Sigma_ij|/(sigma_i sigma_j) >= 1/10 (otherwise every "
                   "remainder vanishes identically and only rounding noise is left to measure)", _correlated)
RHO_NZ = Given("|rho| >= 1/10 (at rho = 0 the remainder vanishes identically)", lambda o, rho, **_: o.abs(rho) >= o.num(1) / 10)

INTERIOR = Given("the exact threshold is interior: b_i <= b* (phi_i(0) < 0)", _interior)


def _sym(f):
    return f(sympy, Qs)


CLAIMS = (
    # ------------------------------------------------------------------ closed forms used below
    Claim(
        id="admm.A1.closed-in-own-quality", label="Lemma A.1(ii) / (A.1)", section="A.3", kind="identity",
        latex=r"v_i(\mathbf q) = 1 - \frac{1}{b_i + q_i},\quad b_i := \frac{1}{1 - v_i(0,\mathbf q_{-i})}",
        statement=Equal(X.v_exact, X.v_closed), variables=(n, Sigma, q, i), symbolic=None,
        notes="[derived lemma, not printed] (A.1) as a function of agent i's own quality: 1 - v_i is the normalized "
              "posterior variance, whose inverse adds the precision q_i to that of the others' data, "
              "1/(1 - v_i(0, q_-i)). Used for the closed forms of the expected payments and utilities.",
    ),
    Claim(
        id="admm.A6.closed-form", label="Corollary A.1 / (A.6)", section="A.6", kind="identity",
        latex=r"\mathbb E_{q_i\sim U[0,Q]}[p_i(\mathbf q)] = v_i(\bar q_i,\mathbf q_{-i})\frac{Q-\bar q_i}{Q} = "
              r"\frac{(\sqrt{Q+b_i}-1)^2}{Q}",
        statement=Equal(lambda o, Sigma, q, i, Q: X.payment_by_definition(o, Sigma, q, i, Q), X.payment_closed),
        variables=(n, Sigma, q, i, Qgen), given=(INTERIOR,), symbolic=None, effort=Effort(0.15, (20, 40)),
        notes="[derived lemma, not printed] Left: Algorithm 1 by its definition (threshold = root of eq. (3) with v from "
              "(A.1) and v' from (B.5), bisection + secant); right: closed form with qbar_i = sqrt(Q + b_i) - b_i.",
    ),
    Claim(
        id="admm.A7.closed-form", label="Corollary A.1 / (A.7)", section="A.6", kind="identity",
        latex=r"\mathbb E_{q_i\sim U[0,Q]}[U_i(\mathbf q)] = \frac1Q\int_{\bar q_i}^Q (v_i(x,\mathbf q_{-i}) - "
              r"v_i(\bar q_i,\mathbf q_{-i}))dx = \frac{u-1-\log u}{Q},\ u=\sqrt{Q+b_i}",
        statement=Equal(lambda o, Sigma, q, i, Q: X.utility_by_definition(o, Sigma, q, i, Q), X.utility_closed),
        variables=(n, Sigma, q, i, Qgen), given=(INTERIOR,), symbolic=None, effort=Effort(0.15, (20, 40)),
        notes="[derived lemma, not printed] Left by mpmath.quad of the definition (v from (A.1)).",
    ),
    # ------------------------------------------------------------------ Proposition A.2(i)
    Claim(
        id="admm.B14", label="(B.14)", section="B (proof of Proposition A.2)", kind="asymptotic",
        latex=r"v_1(\mathbf q) = \hat v_1(\mathbf q) + \mathcal O(\varepsilon^3)",
        statement=Asymptotic(_B14, "eps", 3), variables=(n, Sigma, q, i, eps), given=(CORRELATED,), symbolic=None, effort=CHEAP,
        notes="v from (A.1), v-hat from (A.5) on Sigma(eps). The eps^3 term is generically non-zero (it comes from "
              "triangles sigma_ij sigma_jk sigma_ki, n >= 3), so the order is sharp.",
    ),
    Claim(
        id="admm.B15", label="(B.15)", section="B (proof of Proposition A.2)", kind="asymptotic",
        latex=r"\frac{\partial v_1(\mathbf q)}{\partial q_1} = \frac{\partial\hat v_1(\mathbf q)}{\partial q_1} + \mathcal O(\varepsilon^3)",
        statement=Asymptotic(_B15, "eps", 3), variables=(n, Sigma, q, i, eps), given=(CORRELATED,), symbolic=None,
        effort=CHEAP,
    ),
    Claim(
        id="admm.B13", label="(B.13)", section="B (proof of Proposition A.2)", kind="asymptotic",
        latex=r"|\phi_{i,\mathbf q_{-i}}(q_i) - \hat\phi_{i,\mathbf q_{-i}}(q_i)| \le C\varepsilon^3",
        statement=Asymptotic(_B13, "eps", 3), variables=(n, Sigma, q, i, eps, h), given=(CORRELATED,), symbolic=None,
        effort=CHEAP,
        notes="eq. (3) and (B.12) with a common hazard ratio h at q_i.",
    ),
    Claim(
        id="admm.propA2.i", label="Proposition A.2(i) / (A.5)", section="A.6", kind="asymptotic",
        latex=r"r^* - \hat r = \mathcal O(\varepsilon^3):\ \text{Algorithm 1 with }\hat v_i(\mathbf q) = \frac{q_i}{1+q_i}"
              r"+\Big(\frac{1}{1+q_i}\Big)^2\sum_{j\ne i}\sigma_{ij}^2\frac{q_j}{1+q_j}\text{ is optimal up to }\mathcal O(\varepsilon^3)",
        statement=Asymptotic(_revenue_gap, "eps", 3), variables=(n, Sigma, q, i, eps, Qbig), given=(CORRELATED,),
        symbolic=None, effort=Effort(examples=0.15, ladder=(30, 60, 120)),
        notes="Checked for the MHR prior U[0, Q], agent by agent and conditionally on q_-i (the paper's bound (B.13) "
              "is uniform in q, so the expectation over q_-i inherits it). The measured order is 6, not 3: the "
              "revenue v(t)(Q-t)/Q is maximal at the exact threshold, so an O(eps^3) threshold error costs O(eps^6).",
    ),
    # ------------------------------------------------------------------ Proposition A.2(ii), (B.21), (B.22), (B.29), (B.30)
    Claim(
        id="admm.propA2.ii", label="Proposition A.2(ii)", section="A.6", kind="asymptotic",
        latex=r"\mathbb E_{\mathbf q}[p_i(\mathbf q)] = \lambda_0 + \lambda_1\sum_{j\ne i}\sigma_{ij}^2 + \mathcal O(\varepsilon^3)",
        statement=Asymptotic(_propA2ii, "eps", 3), variables=(rho, eps, Qbig), given=(RHO_NZ,), symbolic=None, effort=EFF,
        notes="n = 2 (one-dimensional expectation, 20-point Gauss-Legendre after x = (1+Q)^u - 1); the optimal "
              "mechanism's conditional payment in closed form (admm.A6.closed-form); lambda_0, lambda_1 = "
              "lambda-hat_1 (1 - log(1+Q)/Q) as derived for (B.29)/(B.30). For n = 2 the remainder is even in eps.",
    ),
    Claim(
        id="admm.B21", label="(B.21)", section="B (proof of Proposition A.2)", kind="definition",
        latex=r"0 < \varepsilon < \frac{1}{\sqrt{3(n-1)}}",
        statement=Compare(lambda o, n, t: 3 * (n - 1) * (t / o.sqrt(3 * (n - 1))) ** 2, "<", 1),
        variables=(Var("n", Int(2, 6), "agents"), tv), symbolic=None,
        notes="eps = t/sqrt(3(n-1)), t in (0, 1), satisfies (n-1) eps^2 < 1/3 (used in (B.22)).",
    ),
    Claim(
        id="admm.B22.first", label="(B.22)", section="B (proof of Proposition A.2)", kind="inequality",
        latex=r"S_{\mathbf q_{-i}} = \sum_{j\ne i}\sigma_{ij}^2\frac{q_j}{1+q_j} \le \varepsilon^2\sum_{j\ne i}\frac{q_j}{1+q_j}",
        statement=Compare(lambda o, Sigma, q, i, eps: X.S_of(X.sigma_eps(o, Sigma, q, eps), q, i), "<=",
                          lambda o, q, i, eps: eps ** 2 * sum(q[j] / (1 + q[j]) for j in range(len(q)) if j != i)),
        variables=(n, Sigma, q, i, eps), symbolic=None,
        notes="On Sigma(eps) every |sigma_ij| <= eps.",
    ),
    Claim(
        id="admm.B22.second", label="(B.22)", section="B (proof of Proposition A.2)", kind="inequality",
        latex=r"\varepsilon^2\sum_{j\ne i}\frac{q_j}{1+q_j} \le (n-1)\varepsilon^2 < 1/3",
        statement=Compare(lambda o, q, i, n, t: (t / o.sqrt(3 * (n - 1))) ** 2 * sum(q[j] / (1 + q[j]) for j in range(n) if j != i),
                          "<", lambda o, n, t: o.num(1) / 3),
        variables=(n, q, i, tv), symbolic=None,
        notes="eps = t/sqrt(3(n-1)) with t in (0, 1) as in (B.21).",
    ),
    Claim(
        id="admm.B29.lambda0", label="(B.29)", section="B (proof of Proposition A.2)", kind="identity",
        latex=r"\lambda_0 = Y(0) = \frac{\sqrt{1+Q}-1}{\sqrt{1+Q}+1}",
        statement=Equal(_l0, _sym(X.lambda0_f)), variables=(Qbig,),
        notes="Left: K(q~) of the proof of Lemma C.2(ii) at q~ = g^-1(0) = sqrt(1+Q) - 1, simplified by sympy.",
    ),
    Claim(
        id="admm.B29.lambda1hat", label="(B.29)", section="B (proof of Proposition A.2)", kind="identity",
        latex=r"\hat\lambda_1 = Y'(0) = \frac{K'(\tilde q)}{g'(\tilde q)} = \frac{1}{\sqrt{1+Q}(\sqrt{1+Q}+1)}",
        statement=Equal(_l1h, _sym(X.lambda1_hat_f)), variables=(Qbig,),
        notes="Implicit differentiation of g at S = 0 (sympy). Independently: the envelope theorem on "
              "max_t v-hat(t; S)(Q - t)/Q gives (Q - q~)/(Q(1 + q~)^2), the same value.",
    ),
    Claim(
        id="admm.B29.positive", label="(B.29)", section="B (proof of Proposition A.2)", kind="inequality",
        latex=r"\lambda_0 > 0,\ \hat\lambda_1 > 0",
        statement=Compare(sympy.Min(_sym(X.lambda0_f), _sym(X.lambda1_hat_f)), ">", 0), variables=(Qbig,),
    ),
    Claim(
        id="admm.B29", label="(B.29)", section="B (proof of Proposition A.2)", kind="asymptotic",
        latex=r"Y(S) = \lambda_0 + \hat\lambda_1 S + \mathcal O(S^2)",
        statement=Asymptotic(lambda o, S, Q: A.Y(o, S, Q) - X.lambda0_f(o, Q) - X.lambda1_hat_f(o, Q) * S, "S", 2),
        variables=(Sv, Qbig), symbolic=None, effort=Effort(0.25, (20, 40, 80)),
        notes="Y by (B.28) with g^-1 by root finding; the constants in closed form.",
    ),
    Claim(
        id="admm.B30.mean", label="(B.30)", section="B (proof of Proposition A.2)", kind="identity",
        latex=r"\mathbb E_{q_j\sim U[0,Q]}\Big[\frac{q_j}{1+q_j}\Big] = 1 - \frac1Q\log(1+Q)",
        statement=Equal(sympy.integrate(_x / (1 + _x), (_x, 0, Qs)) / Qs, _sym(X.mean_alpha_f)),
        variables=(Qbig,), notes="The factor turning lambda-hat_1 S_{q_-i} into lambda_1 sum_j sigma_ij^2.",
    ),
    Claim(
        id="admm.B30.positive", label="(B.30)", section="B (proof of Proposition A.2)", kind="inequality",
        latex=r"\lambda_1 = \hat\lambda_1\Big(1 - \frac1Q\log(1+Q)\Big) > 0",
        statement=Compare(_sym(X.lambda1_f), ">", 0), variables=(Qbig,),
    ),
    Claim(
        id="admm.B30", label="(B.30)", section="B (proof of Proposition A.2)", kind="asymptotic",
        latex=r"\mathbb E_{\mathbf q_{-i}}[\lambda_0 + \hat\lambda_1 S_{\mathbf q_{-i}} + \mathcal O(\varepsilon^4)] = "
              r"\lambda_0 + \lambda_1\sum_{j\ne i}\sigma_{ij}^2 + \mathcal O(\varepsilon^4)",
        statement=Asymptotic(_B30, "eps", 4), variables=(rho, eps, Qbig), given=(RHO_NZ,), symbolic=None, effort=EFF,
        notes="The approximate mechanism: E_{q_-i}[Y(S_{q_-i})] for n = 2, sigma_12 = eps rho (20-point Gauss-Legendre "
              "after x = (1+Q)^u - 1; g^-1 by Newton from g^-1(0)).",
    ),
    # ------------------------------------------------------------------ Corollary A.1
    Claim(
        id="admm.A6", label="Corollary A.1 / (A.6)", section="A.6", kind="asymptotic",
        latex=r"\mathbb E_{q_i}[p_i(\mathbf q)] = \lambda'_0 + \lambda'_1\sum_{j\ne i}\sigma_{ij}^2\frac{q_j}{1+q_j} + \mathcal O(\varepsilon^3)",
        statement=Asymptotic(_A6, "eps", 3), variables=(n, Sigma, q, i, eps, Qbig), given=(CORRELATED,), symbolic=None,
        effort=CHEAP,
        notes="Optimal mechanism (exact v), U[0, Q]; lambda'_0 = lambda_0, lambda'_1 = lambda-hat_1 (the proof: (A.6) "
              "follows from (B.29)). Left side in closed form (admm.A6.closed-form).",
    ),
    Claim(
        id="admm.A7", label="Corollary A.1 / (A.7)", section="A.6", kind="asymptotic",
        latex=r"\mathbb E_{q_i}[U_i(\mathbf q)] = \lambda''_0 + \lambda''_1\sum_{j\ne i}\sigma_{ij}^2\frac{q_j}{1+q_j} + \mathcal O(\varepsilon^3)",
        statement=Asymptotic(_A7, "eps", 3), variables=(n, Sigma, q, i, eps, Qbig), given=(CORRELATED,), symbolic=None,
        effort=CHEAP,
        notes="lambda''_0 = H(0)/Q = (sqrt(1+Q) - 1 - log sqrt(1+Q))/Q, lambda''_1 = H'(0)/Q = 1/(2(1+Q)(sqrt(1+Q)+1)). "
              "Left side in closed form (admm.A7.closed-form).",
    ),
    Claim(
        id="admm.A7.lambda0pp", label="Corollary A.1 / (A.7)", section="A.6", kind="identity",
        latex=r"\lambda''_0 = \frac{H(0)}{Q} = \frac{L(\tilde q)}{Q}",
        statement=Equal(_H0 / Qs, _sym(X.lambda0_pp_f)), variables=(Qbig,),
        notes="L of the proof of Lemma C.2(iii) at q~ = g^-1(0) (sympy).",
    ),
    Claim(
        id="admm.A7.lambda1pp", label="Corollary A.1 / (A.7)", section="A.6", kind="identity",
        latex=r"\lambda''_1 = \frac{H'(0)}{Q} = \frac{L'(\tilde q)}{Q g'(\tilde q)}",
        statement=Equal(_H1 / Qs, _sym(X.lambda1_pp_f)), variables=(Qbig,),
        notes="Implicit differentiation of g at S = 0 (sympy).",
    ),
    Claim(
        id="admm.A7.positive", label="Corollary A.1 / (A.7)", section="A.6", kind="inequality",
        latex=r"\lambda''_0 > 0,\ \lambda''_1 > 0",
        statement=Compare(sympy.Min(_sym(X.lambda0_pp_f), _sym(X.lambda1_pp_f)), ">", 0), variables=(Qbig,),
    ),
    Claim(
        id="admm.corA1.proof", label="proof of Corollary A.1", section="B", kind="asymptotic",
        latex=r"\mathbb E_{q_i}[U_i(\mathbf q)] = \frac1Q H(S_{\mathbf q_{-i}}) = \lambda''_0 + \lambda''_1 S_{\mathbf q_{-i}} + \mathcal O(S^2)",
        statement=Asymptotic(lambda o, S, Q: A.H(o, S, Q) / Q - X.lambda0_pp_f(o, Q) - X.lambda1_pp_f(o, Q) * S, "S", 2),
        variables=(Sv, Qbig), symbolic=None, effort=Effort(0.25, (20, 40, 80)),
        notes="First-order Taylor expansion of H (B.37) at S = 0; (B.36) with e_i = 0 is admm.B36.",
    ),
)
