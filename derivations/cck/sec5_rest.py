"""cck §5 / App. B rows not covered by sec5/icc: the definitions after (13), eq. (15), §5 line 448
(several minimum-cost agents, erratum for the one-point collector's payment), Lemma 9 (both
contributors, concavity), the proof of Lemma 7 (erratum, B_1 < 0), eq. (18); and the summary rows
§1.1 line 58 (erratum) and Abstract line 23 (erratum), which compare the Theorem 4 bound with the
profit of M* on real instances.
"""
import sympy

from derivations.claims import Claim, Erratum, Given, Implementation, Symbolic, Var
from derivations.domains import Int, Real
from derivations.statements import Compare, Defines, Equal

from . import mechanism, model as M
from .icc import BAD, EXPLAIN_B1, INST2, NPLUS2
from .variables import BOFF, C1, C2, C2W, MU, NI, NINT, NP, NPI, QS, S

ORDERED = Given("c_1 <= c_2", lambda o, c1, c2, **_: c1 <= c2)


# ----------------------------------------------------------------------------- definitions after (13)

DEFS13 = [M.Nst[0], M.Nst[1], M.Nm[0], M.Nm[1], M.d[0], M.d[1], M.W]


def _np_setup(sigma, c1, c2, Np, Q):
    Ns, Nm, d, W = mechanism.setup([Q], Np, c1, c2, sigma)
    return [Ns[0], Ns[1], Nm[0], Nm[1], d[0], d[1], W]


def _scale13(o, sigma, c1, c2, Np, Q):
    Np = o.num(int(Np))
    d1, d2 = c1 * (Np - 1) ** 2 / sigma**2, c2 / sigma**2
    return [Np - 1, o.num(1), o.num(1), Np - 1, d1, d2, Q + c1 * (Np - 1) + c2]


# ----------------------------------------------------------------------------- eq. (15)

def payments15(o, sigma, c1, c2, Np, Q, D, wrong):
    """eq. (15) for i = 1, 2 with D = mu_hat(Y_1) - mu_hat(Y_2); ``wrong`` = 1 (2): Y_1 (Y_2) has
    N_i* + 1 points, so its indicator I(|Y_i| = N_i*) vanishes."""
    vals = dict(sigma=sigma, c1=c1, c2=c2, Np=o.num(int(Np)), Q=Q, D=D)
    out = []
    for i in range(2):
        ind = 0 if wrong == i + 1 else 1
        out.append(ind * M.tree(M.bonus_pay(i), o, vals) - M.tree(M.d[i] * M.D**2, o, vals))
    return out


def _np_payments15(sigma, c1, c2, Np, Q, D, wrong):
    Y1 = [D] * (Np - 1 + (wrong == 1))
    Y2 = [0.0] * (1 + (wrong == 2))
    return mechanism.payments(Y1, Y2, [Q], Np, c1, c2, sigma)


def _scale15(o, sigma, c1, c2, Np, Q, D):
    Np = o.num(int(Np))
    t = 1 + D**2 / sigma**2
    return [o.num(1) + Q + c1 * Np**2 * t + c2 * t] * 2


# ----------------------------------------------------------------------------- §5 line 448

s_, a_sym = sympy.Symbol("s", nonnegative=True), None
_N, _c, _sg = M.Np, M.c1, M.sigma


def _split_vars(a):
    """Variances of the comparison terms for the split (a, N - a) between two agents of cost c_1:
    D = mu_hat(Y_1) - mu_hat(Y_2) ~ N(0, sigma^2 (1/a + 1/b)), Var(D^2) = 2 Var(D)^2, d_i = c_1 a_i^2/sigma^2;
    [price term (d_1 + d_2) D^2 (per |B|^2), payment term of agent 1 d_1 D^2, of agent 2 d_2 D^2]."""
    b = _N - a
    vD = _sg**2 * (1 / a + 1 / b)
    d1, d2 = _c * a**2 / _sg**2, _c * b**2 / _sg**2
    return [2 * (d1 + d2) ** 2 * vD**2, 2 * d1**2 * vD**2, 2 * d2**2 * vD**2]


A_SPLIT = _N / 2 + s_ * (_N / 2 - 1)  # s = 0: even split; s = 1: (N+ - 1, 1) of (13)
V_SPLIT = _split_vars(A_SPLIT)
V_EVEN = _split_vars(_N / 2)
PRINTED_448 = [sympy.simplify(x - y) for x, y in zip(V_SPLIT, V_EVEN)]
CORRECTED_448 = [PRINTED_448[0], PRINTED_448[1], sympy.simplify(V_SPLIT[1] + V_SPLIT[2] - V_EVEN[1] - V_EVEN[2])]
SVAR = Var("s", Real(0.0, 1.0), "split: agent 1 collects N/2 + s(N/2 - 1) points (s = 1: (N+ - 1, 1) of (13))")


# ----------------------------------------------------------------------------- Lemma 9, proof of Lemma 7, eq. (18)

L9 = [M.lemma9_utility(i, M.n) for i in range(2)]
L9_STAR = [M.lemma9_utility(0, M.Np - 1), M.lemma9_utility(1, sympy.Integer(1))]
L9_CURV = [sympy.diff(e, M.n, 2) for e in L9]
BONUS = [M.bonus(i) for i in range(2)]


def eq18_lhs(o, sigma, mu, n, Np, c1, c2, Q, b):
    """B_i - c_i n - d_i E_mu[(mu_hat(f_a(X_i)) - mu_hat(Y_-i))^2], f_a = N_i* points with mean mu_hat(X_i) + b,
    the moment from the coefficient vector (1/n on X_i, -1/N_-i* on Y_-i) plus the bias:
    E[(a.Z + b)^2] = sigma^2 sum a_k^2 + (mu sum a_k + b)^2."""
    Np = int(Np)
    out = []
    for i, Nm in enumerate((1, Np - 1)):
        a = [o.num(1) / n] * n + [-o.num(1) / Nm] * Nm
        mom = sigma**2 * sum(x * x for x in a) + (mu * sum(a) + b) ** 2
        vals = dict(sigma=sigma, c1=c1, c2=c2, Np=o.num(Np), Q=Q, n=o.num(n))
        out.append(M.tree(M.bonus_pay(i) - M.cst[i] * M.n, o, vals) - M.tree(M.d[i], o, vals) * mom)
    return out


def eq18_rhs(o, sigma, n, Np, c1, c2, Q, b):
    vals = dict(sigma=sigma, c1=c1, c2=c2, Np=o.num(int(Np)), Q=Q, n=o.num(n), b=b)
    return [M.tree(M.dev_utility(i, 1), o, vals) for i in range(2)]


def _np_eq18(sigma, mu, n, Np, c1, c2, Q, b):
    return [mechanism.expected_utility(i, "shifted", n, mu, [Q], Np, c1, c2, sigma, b=b) for i in range(2)]


def _scale18(o, sigma, n, Np, c1, c2, Q, b):
    Np = o.num(int(Np))
    t = 2 + b**2 / sigma**2
    return [o.num(1) + Q + c1 * Np**2 * t + c2 * Np * t + (c1 + c2) * n] * 2


# ----------------------------------------------------------------------------- §1.1 line 58, Abstract line 23

def _ub(o, kind, tau, sigma, c1, c2):
    """Theorem 4's bound over NE profiles allowed by Claim 6 (none, or N_1, N_2 >= 1 collect)."""
    return M.ne_profile_profit(o, kind, tau, sigma, c1, c2, True)


def _opt_gap(o, kind, tau, sigma, c1, c2):
    return M.opt_eq3(o, kind, tau, sigma, c1) - (c2 - c1)


CLAIMS = (
    Claim(
        id="cck.s5-defs13", label="§5 definitions after (13)", section="5", kind="definition",
        latex=r"N_{-i}^*=N^+-N_i^*,\ d_i=c_i(N_i^*)^2/\sigma^2,\ W=\textstyle\sum_jq_j^+-c_1(N^+-1)-c_2",
        statement=Defines(DEFS13),
        variables=(S, C1, C2, NPI, QS), given=(ORDERED,), symbolic=None,
        implementations=(Implementation(_np_setup, lambda o, **v: [M.tree(e, o, {**v, "Np": o.num(int(v["Np"]))})
                                                                 for e in DEFS13],
                                        max_bits=4.0, scale=_scale13, name="mechanism.setup"),),
        notes="[N_1*, N_2*, N_-1*, N_-2*, d_1, d_2, W] with N_1* = N+ - 1, N_2* = 1 (13), against numpy "
              "mechanism.setup; W in ulps of the size of its terms. That W is the expected profit is "
              "claim cck.eq12-profit.",
    ),
    Claim(
        id="cck.eq15-payment", label="eq. (15)", section="5", kind="definition",
        latex=r"\pi_i^*=\mathbb I(|Y_i|=N_i^*)\Big(W\frac{N_i^*}{N^+}+c_iN_i^*+d_i\frac{\sigma^2}{N_{-i}^*}+d_i\frac{\sigma^2}{N_i^*}\Big)"
              r"-d_i(\hat\mu(Y_i)-\hat\mu(Y_{-i}))^2",
        statement=Defines(payments15),
        variables=(S, C1, C2, NPI, QS, Var("D", Real(-5.0, 5.0), "mu_hat(Y_1) - mu_hat(Y_2)"),
                   Var("wrong", Int(0, 2), "0: both sizes as instructed; 1 (2): Y_1 (Y_2) has one point too many")),
        given=(ORDERED,), symbolic=None,
        implementations=(Implementation(_np_payments15, payments15, max_bits=10.0, scale=_scale15,
                                        name="mechanism.payments"),),
        notes="Contributors 1 and 2 (pi_i* = 0 for i >= 3), including the size indicator (wrong sizes); "
              "numpy on data Y_1 = (D, ..., D), Y_2 = (0, ...), errors in ulps of the size of the terms.",
    ),
    Claim(
        id="cck.s5-line448", label="§5 line 448", section="5", kind="inequality",
        latex=r"\text{equal costs: the even split reduces the variance of the comparison terms in (14), (15)}",
        statement=Compare(PRINTED_448, ">=", 0),
        variables=(S, C1, NP, SVAR), symbolic=None,
        erratum=Erratum(
            corrected=Compare(CORRECTED_448, ">=", 0),
            corrected_latex=r"\mathrm{Var}\big(\tfrac{d_1+d_2}{|\mathcal B|}D^2\big),\ \mathrm{Var}(d_1D^2)\ (\text{larger collector}),\ "
                            r"\mathrm{Var}(d_1D^2)+\mathrm{Var}(d_2D^2)\ \text{are minimal at the even split}",
            explanation="With costs c_1 = c_2 and the split (a, b), a + b = N, d_i = c_1 a_i^2/sigma^2 and "
                        "Var(d_i D^2) = 2 c_1^2 N^2 a_i^2/b_i^2: the price term (14) and the larger collector's "
                        "term are minimal at the even split, but the smaller collector's term has variance "
                        "2 c_1^2 N^2 b^2/a^2 < 2 c_1^2 N^2 (its even-split value) -- e.g. the (N+ - 1, 1) split "
                        "of (13) gives contributor 2 the variance 2 c_1^2 N^2/(N - 1)^2. So 'lowers the "
                        "variance in ... payments' holds for the total and the larger payment, not for each "
                        "payment. Confirmed by Monte Carlo of the comparison terms (tests/test_cck_defs.py).",
            region=(Var("s", Real(0.3, 1.0)), Var("Np", Real(4.0, 60.0)))),
        notes="Two agents of the minimum cost c_1 split N = N+ points as (a, N - a), a = N/2 + s(N/2 - 1) >= N/2 "
              "(s = 1 is M*'s (N+ - 1, 1)); entries: variance of the price term (d_1 + d_2) D^2 (per |B|^2), "
              "of agent 1's and of agent 2's payment term d_i D^2, minus their even-split values. "
              "'Achieves OPT': the profit is sum_j q_j+ - c_1 N+ = OPT with the exact A (cck.appA-profit, "
              "c_2 = c_1).",
    ),
    Claim(
        id="cck.lemma-9.both", label="Lemma 9", section="5.1", kind="optimality",
        latex=r"u_i^c(M,((n_i,f_b),s_{-i}^*))\le u_i^c(M,(s_i^*,s_{-i}^*))\quad(i=1,2)",
        statement=Compare(L9, "<=", L9_STAR),
        variables=(S, C1, C2, NP, QS, NI),
        notes="Both contributors (N_1* = N+ - 1, N_2* = 1: the one-point collector's best amount is one "
              "point); u((n, f_b)) = B_i - c_i n - d_i sigma^2/n - d_i sigma^2/N_-i* (proof of Lemma 9), "
              "n real > 0. The equality u((N_i*, f_b)) = u(s_i*) is claim cck.lemma8-moment.",
    ),
    Claim(
        id="cck.lemma-9.concave", label="Lemma 9", section="5.1", kind="optimality",
        latex=r"\frac{\partial^2}{\partial n_i^2}u_i^c(M,((n_i,f_b),s_{-i}^*))=-\frac{2d_i\sigma^2}{n_i^3}<0",
        statement=Compare(L9_CURV, "<", 0),
        variables=(S, C1, C2, NP, QS, NI),
        notes="'With f_b the utility is concave in n_i' (strictly), for both contributors.",
    ),
    Claim(
        id="cck.lemma-7.proof", label="proof of Lemma 7", section="B", kind="inequality",
        latex=r"\mathbb I(|Y_i|=N_i^*)B_i\le B_i,\ B_i=W\frac{N_i^*}{N^+}+c_iN_i^*+\frac{d_i\sigma^2}{N_{-i}^*}+\frac{d_i\sigma^2}{N_i^*}"
              r"\quad(\text{the step 'from the definition of } f_a\text{'})",
        statement=Compare(BONUS, ">=", 0),
        variables=(S, C1, C2W, NP, QS), given=(ORDERED,), symbolic=None,
        erratum=Erratum(
            corrected=Compare(M.with_q(BONUS, M.Q_LEMMA7), ">=", 0),
            corrected_latex=r"\text{if } \textstyle\sum_jq_j^+\ge c_2-c_1((N^+)^2+1):\ \mathbb I(|Y_i|=N_i^*)B_i\le B_i",
            explanation=EXPLAIN_B1, region=BAD),
        notes="I(|Y_i| = N_i*) B_i <= B_i for both values of the indicator is B_i >= 0 (entries B_1, B_2); the "
              "quadratic terms agree because f_a keeps the mean of f_i. Lemma 7 itself is cck.lemma-7.",
    ),
    Claim(
        id="cck.eq18", label="eq. (18)", section="B", kind="identity",
        latex=r"u_i^c(M,((n_i,f_a),s_{-i}^*))=B_i-c_in_i-d_i\sup_\mu\mathbb E[(\hat\mu(f_a(X_i))-\hat\mu(Y_{-i}))^2]",
        statement=Equal(eq18_lhs, eq18_rhs),
        variables=(S, MU, NINT, NPI, C1, C2, QS, BOFF), given=(ORDERED,),
        symbolic=Symbolic(dims={"n": (1, 2), "Np": (2, 3)}),
        implementations=(Implementation(_np_eq18, eq18_rhs, max_bits=10.0, scale=_scale18,
                                        name="mechanism.expected_utility(shifted)"),),
        notes="f_a: N_i* points with mean mu_hat(X_i) + b. Left: inf over mu of the expectation at this mu "
              "(coefficient vector, the mu term cancels, so inf = sup form holds); right: the closed form "
              "B_i - c_i n - d_i(sigma^2/n + b^2 + sigma^2/N_-i*) of model.dev_utility; numpy "
              "mechanism.expected_utility crosschecks the right side.",
    ),
    Claim(
        id="cck.s11-line58", label="§1.1 line 58", section="1.1", kind="inequality",
        latex=r"\max_{M,\ s\text{ NE}}\mathrm{profit}(M,s)=\mathrm{OPT}-(c_2-c_1)",
        statement=Equal(_ub, _opt_gap),
        variables=INST2, given=(ORDERED, NPLUS2), symbolic=None,
        erratum=Erratum(
            corrected=Equal(_ub, lambda o, kind, tau, sigma, c1, c2: o.max(o.num(0), _opt_gap(o, kind, tau, sigma, c1, c2))),
            corrected_latex=r"\max_{M,\ s\text{ NE}}\mathrm{profit}(M,s)=\max\{0,\ \mathrm{OPT}-(c_2-c_1)\}",
            explanation="As in the Theorem 4 erratum (cck.theorem-4): the trivial mechanism with everybody "
                        "collecting nothing is a NE with profit 0, which exceeds OPT - (c_2 - c_1) when c_2 - c_1 > "
                        "OPT (here c_2 in [3, 4]). The left side is the bound of the proof of Theorem 4 over all "
                        "profiles allowed by Claim 6 (none, or N_1, N_2 >= 1 collect), exactly; it is attained by "
                        "the trivial mechanism (0) and by M* when W >= 0 (cck.theorem-5-1.profit).",
            region=(Var("c2", Real(3.0, 4.0)),)),
        notes="One buyer with eq. (11) valuations, c_1 in [0.05, 0.12] (N+ >= 2), exact A and exact Fractions; "
              "with N+ >= 2 the bound max_{N >= 2}(rev^OPT(N) - c_1 N) - (c_2 - c_1) equals OPT - (c_2 - c_1).",
    ),
    Claim(
        id="cck.abstract-unimprovable", label="Abstract line 23", section="Abstract", kind="inequality",
        latex=r"\sup_{M,\ s\text{ NE}}\mathrm{profit}(M,s)\le\mathrm{profit}(M^*,s^*)+|\mathcal B|\mathcal O(\epsilon)"
              r"\ \text{(nearly matching upper bound: } M^*\text{ is essentially unimprovable)}",
        statement=Compare(_ub, "<=", M.mech_profit),
        variables=INST2, given=(ORDERED, NPLUS2), symbolic=None,
        erratum=Erratum(
            corrected=Compare(_ub, "<=", lambda o, kind, tau, sigma, c1, c2:
                              o.max(o.num(0), M.mech_profit(o, kind, tau, sigma, c1, c2))),
            corrected_latex=r"\sup_{M,\ s\text{ NE}}\mathrm{profit}(M,s)\le\max\{0,\ \mathrm{profit}(M^*,s^*)\}+|\mathcal B|\mathcal O(\epsilon)",
            explanation="profit(M*, s*) = W = sum_j q_j+ - c_1(N+ - 1) - c_2 is negative when c_2 is large, while the "
                        "trivial mechanism (nothing collected or sold) has the NE profit 0: M* is then improvable "
                        "(and not even IRC, cck.appA-irc.nonneg). The upper bound is the Theorem 4 bound over all "
                        "profiles allowed by Claim 6, exactly; with epsilon = 0 it matches max(0, W) exactly.",
            region=(Var("c2", Real(3.0, 4.0)),)),
        notes="Exact A (|B|O(epsilon) = 0), one buyer with eq. (11) valuations, exact Fractions. The DSIC part of "
              "the sentence is claim cck.abstract-dsic.",
    ),
)
