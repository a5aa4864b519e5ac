"""cck §3 rows not covered by sec3: eq. (6) (the learner's valuation and the constant report), the
mechanism tuple (§3.1 lines 248-252), ex-ante signs of prices and payments (§3.1 line 252, erratum),
eq. (7) (the constant report and the infimum over mu), eq. (8) (random subsets of the combined
submissions), the baseline mechanism (§3.2 line 307, erratum in a degenerate case) and §3.3 line 315.
"""
import math

import sympy

from derivations.claims import Claim, Erratum, Given, Implementation, Symbolic, Var
from derivations.domains import Index, Int, Real, Vector
from derivations.statements import Compare, Equal

from . import mechanism, model as M, valuations
from .valuations import FAMILIES
from .variables import (B, BN, C1, C2W, MU, NP, NPI, ORDERED_S, QJ, QS, S, SMALL, c1, kind, m_int, sigma,
                        tau, tau1)

ORDERED = Given("c_1 <= c_2", lambda o, c1, c2, **_: c1 <= c2)


# ----------------------------------------------------------------------------- eq. (6)

def ve(o, x, tau, fam):
    """v^e(x) of the four families of valuations.py, as a formula (x >= 0)."""
    name = FAMILIES[fam]
    if name == "threshold":
        return o.num(1) if x <= tau else o.num(0)
    if name == "gaussian":
        return o.exp(-x**2 / (2 * tau**2))
    if name == "laplace":
        return o.exp(-x / tau)
    return o.max(o.num(0), 1 - x / tau)


def eq6_entries(o, sigma, m, tau, fam, e):
    """[v^e(0) - v(I), v^e(0) - v^e(e), v(I) - v(const)]: the constant report (mu~, ..., mu~) has value
    v^e(|mu~ - mu|): v^e(0) (the maximum) at mu = mu~, v^e(e) at |mu - mu~| = e, and v(const) =
    inf_mu v^e(|mu~ - mu|) = lim_{x->inf} v^e(x) (v^e non-increasing; evaluated at x = 10^6 tau);
    v(I) = v^d(m) for the identity report (closed forms, claim cck.eq11-vd)."""
    vd = M.vd_closed(o, sigma, o.num(m), tau)[fam]
    v0 = ve(o, o.num(0), tau, fam)
    return [v0 - vd, v0 - ve(o, e, tau, fam), vd - ve(o, 10**6 * tau, tau, fam)]


# ----------------------------------------------------------------------------- eq. (8)

def vms_star(o, sigma, m, tau, Np):
    """eq. (8) under s*: buyer j gets a uniformly random m-subset of Y = Y_1 u Y_2 (|Y_1| = N+ - 1,
    |Y_2| = 1, all truthful); K points come from Y_1 with hypergeometric probability, and given K the
    subset mean has error N(0, (K sigma^2 + (m - K) sigma^2)/m^2); gaussian v^e with scale tau:
    E[v^e] = tau / sqrt(tau^2 + s_K^2)."""
    n1, n2 = Np - 1, 1
    tot = o.num(0)
    for K in range(max(0, m - n2), min(m, n1) + 1):
        w = o.num(math.comb(n1, K) * math.comb(n2, m - K)) / math.comb(Np, m)
        s2 = (K * sigma**2 + (m - K) * sigma**2) / o.num(m) ** 2
        tot = tot + w * tau / o.sqrt(tau**2 + s2)
    return tot


# ----------------------------------------------------------------------------- §3.2 line 307

def baseline(o, kind, tau, sigma, c1):
    """[OPT, c_1 N_1^OPT]: the baseline's single collector earns all revenue rev^OPT(N_1^OPT) (IRC:
    utility OPT >= 0); fabricating N_1^OPT points at no cost gains c_1 N_1^OPT (not ICC iff > 0)."""
    return [M.opt_eq3(o, kind, tau, sigma, c1), c1 * M.n1_opt(o, kind, tau, sigma, c1)]


INST_C = (B, kind, tau, sigma, c1)
EXP_SIGNS = [M.EXPECTED_PRICE_16, M.EXPECTED_PAY[0], M.EXPECTED_PAY[1]]
QLEQ = Given("q_j^+ <= sum_j q_j^+", lambda o, q, Q, **_: q <= Q)
MUT = Var("mut", Real(-3.0, 3.0), "the constant mu~ reported")
SCN = (S, C1, Var("c2", Real(0.01, 2.0), "cost c_2"), NPI, QS, MU, MUT)


def _const_gain(i):
    """E_{mu = mu~}[pi_i*] for the constant report of N_i* copies of mu~ (nothing collected), minus u_i*."""
    return M.bonus_pay(i) - M.d[i] * M.sigma**2 / M.Nm[i] - M.U_STAR[i]


def _const_expected(o, sigma, c1, c2, Np, Q, mu, mut):
    mt = sympy.Symbol("mut", real=True)
    exprs = [M.bonus_pay(i) - M.d[i] * ((mt - M.mu) ** 2 + M.sigma**2 / M.Nm[i]) for i in range(2)]
    vals = dict(sigma=sigma, c1=c1, c2=c2, Np=o.num(int(Np)), Q=Q, mu=mu, mut=mut)
    return [M.tree(e, o, vals) for e in exprs]


def _np_const_expected(sigma, c1, c2, Np, Q, mu, mut):
    return [mechanism.expected_utility(i, "constant", 0, mu, [Q], Np, c1, c2, sigma, mu_tilde=mut)
            for i in range(2)]


CLAIMS = (
    Claim(
        id="cck.eq6-constant-report", label="eq. (6)", section="3", kind="definition",
        latex=r"v(g)=\inf_\mu\mathbb E_{g,\mu}[v^e(|\hat\mu(g(X))-\mu|)];\ g\equiv(\tilde\mu,\dots,\tilde\mu):"
              r"\ \text{value } v^e(0)=\max \text{ at } \mu=\tilde\mu,\ v(g)=\inf_\mu v^e(|\tilde\mu-\mu|)\le v(\mathbf I)",
        statement=Compare(eq6_entries, ">=", 0),
        variables=(sigma, m_int, tau1, Var("fam", Index(4), "valuation family"),
                   Var("e", Real(0.0, 5.0), "distance |mu - mu~|")),
        symbolic=None,
        implementations=(Implementation(
            lambda e, tau, fam: valuations.error_value(FAMILIES[fam], e, tau),
            lambda o, e, tau, fam: ve(o, e, tau, fam), max_bits=3.0, scale=lambda o: o.num(1),
            name="valuations.error_value"),),
        notes="Entries: the constant report at mu = mu~ is worth v^e(0) >= v^d(m) = v(identity) (maximum "
              "value), it is worth v^e(e) <= v^e(0) at distance e, and its valuation (6), the infimum over "
              "mu, is lim v^e = 0 <= v^d(m) ('does poorly elsewhere'). The numpy v^e is cross-checked "
              "against the formula; v^d is eq. (11) (claim cck.eq11-vd).",
    ),
    Claim(
        id="cck.s31-mechanism-sizes", label="§3.1 lines 248–252", section="3.1", kind="definition",
        latex=r"M=(\{N_i\},\{m_j\},\{p_j\},\{\pi_i\}),\ m_j\le\sum_iN_i \quad(M^*: m_j^*=m_j^+\le N^+=\textstyle\sum_iN_i^*)",
        statement=Compare(lambda o, kind, tau, sigma, c1: (lambda out: [out[0] - x for x in out[1:1 + len(tau)]]
                                                           + out[1:1 + len(tau)])(M.alg1_output(o, kind, tau, sigma, c1)),
                          ">=", 0),
        variables=INST_C, given=(SMALL,), symbolic=None,
        notes="The constraint m_j <= sum_i N_i of the mechanism tuple, on M* of Algorithm 2 (N_1* + N_2* = "
              "N+, m_j* = m_j+ from Algorithm 1 with the exact A): entries N+ - m_j+ and m_j+. Prices and "
              "payments as functions of the reported data are eqs. (14), (15) (claims cck.eq14-price, "
              "cck.eq15-payment); ex-post negative prices occur for large discrepancies "
              "(cck.abstract-price: p_j* decreases without bound in |mu_hat(Y_1) - mu_hat(Y_2)|).",
    ),
    Claim(
        id="cck.s31-exante-signs", label="§3.1 line 252", section="3.1", kind="inequality",
        latex=r"\mathbb E[p_j^*]\ge0,\ \mathbb E[\pi_i^*]\ge0\ \text{(ex-ante prices and payments are always non-negative)}",
        statement=Compare(EXP_SIGNS, ">=", 0),
        variables=(S, C1, C2W, NP, QJ, QS, BN), given=(ORDERED_S, QLEQ), symbolic=None,
        erratum=Erratum(
            corrected=Compare(M.with_q(EXP_SIGNS, M.c2 - M.c1), ">=", 0),
            corrected_latex=r"\text{if } \textstyle\sum_jq_j^+\ge c_2-c_1:\ \mathbb E[p_j^*]=q_j^+\ge0,\ "
                            r"\mathbb E[\pi_i^*]=c_iN_i^*+W\frac{N_i^*}{N^+}\ge0",
            explanation="E[pi_1*] = c_1(N+ - 1) + W(N+ - 1)/N+ = (N+ - 1)(sum_j q_j+ + c_1 - c_2)/N+, negative "
                        "whenever c_2 > sum_j q_j+ + c_1, which nothing excludes (c_2 is unrestricted; compare "
                        "the IRC erratum, W >= 0). E[p_j*] = q_j+ >= 0 and E[pi_2*] = ((c_2 - c_1)(N+ - 1) + "
                        "sum_j q_j+)/N+ >= 0 always. Realizable: one buyer, v^d(m) = erf(sqrt(m/2)), c_1 = 1/10, "
                        "c_2 = 2 gives N+ = 2, q+ = erf(1), E[pi_1*] = (0.8427 + 0.1 - 2)/2 < 0; confirmed "
                        "exactly and by Monte Carlo of eq. (15) (tests/test_cck_defs.py).",
            region=(Var("c1", Real(0.01, 0.02)), Var("c2", Real(1.5, 2.0)), Var("Q", Real(0.0, 0.5)),
                    Var("q", Real(0.0, 0.5)))),
        notes="Entries: E[p_j*] (eq. (16) before simplification), E[pi_1*], E[pi_2*] with E[(mu_hat(Y_i) - "
              "mu_hat(Y_-i))^2] = sigma^2/N_i* + sigma^2/N_-i* (claim cck.lemma8-moment).",
    ),
    Claim(
        id="cck.eq7-constant-report", label="eq. (7)", section="3.1", kind="definition",
        latex=r"u_i^c(M,s):=\inf_\mu\mathbb E_{M,s,\mu}[\pi_i-c_in_i];\ n_i=0,\ Y_i=(\tilde\mu,\dots,\tilde\mu):"
              r"\ \mathbb E_{\mu=\tilde\mu}[\pi_i^*]>u_i^c(M^*,s^*)",
        statement=Compare([_const_gain(i) for i in range(2)], ">", 0),
        variables=SCN, given=(ORDERED,), symbolic=Symbolic(dims={"Np": (2, 3, 5)}),
        implementations=(Implementation(_np_const_expected, _const_expected, max_bits=12.0,
                                        scale=lambda o, sigma, c1, c2, Np, Q, mu, mut:
                                        [o.num(1) + Q + c1 * int(Np) ** 2 * (2 + (mu - mut) ** 2 / sigma**2)
                                         + c2 * int(Np) * (2 + (mu - mut) ** 2 / sigma**2)] * 2,
                                        name="mechanism.expected_utility(constant)"),),
        notes="In M*, a contributor who collects nothing (cost 0) and reports N_i* copies of mu~ expects "
              "B_i - d_i((mu~ - mu)^2 + sigma^2/N_-i*): at mu = mu~ this beats her equilibrium utility u_i* = "
              "W N_i*/N+ by c_i N_i* + d_i sigma^2/N_i* = 2 c_i N_i* > 0 (the 'raise the payment at no cost' "
              "of the text), but its infimum over mu is -inf. The numpy expected utility at arbitrary mu is "
              "cross-checked against the formula (errors in ulps of the terms' size).",
    ),
    Claim(
        id="cck.eq8-vms", label="eq. (8)", section="3.1", kind="definition",
        latex=r"v_j^{\mathrm{ms}}(m_j,s^*)=\inf_\mu\mathbb E[v_j^e(|\hat\mu(g_{s^*,m_j}(\{X_i\}))-\mu|)]=v_j^d(m_j)",
        statement=Equal(vms_star, lambda o, sigma, m, tau: M.vd_closed(o, sigma, o.num(m), tau)[1]),
        variables=(sigma, Var("m", Int(1, 40), "subset size m_j"), tau1,
                   Var("Np", Int(2, 40), "N+ = |Y_1| + |Y_2|")),
        given=(Given("m_j <= N+", lambda o, m, Np, **_: m <= Np),), symbolic=None,
        notes="g_{s,m_j} draws an independent uniformly random m_j-subset of Y_1 u Y_2; under s* the mixture "
              "over the hypergeometric number of points from Y_1 (each composition an i.i.d. sample) gives "
              "v^d(m_j) of eq. (11) (gaussian v^e, closed form tau/sqrt(tau^2 + sigma^2/m)); the mean over "
              "mu is constant, so the infimum is attained everywhere.",
    ),
    Claim(
        id="cck.s32-baseline", label="§3.2 line 307", section="3.2", kind="structural",
        latex=r"\text{the baseline achieving OPT is IRC but not ICC: fabricating gains } c_1N_1^{\mathrm{OPT}}>0",
        statement=Compare(lambda o, kind, tau, sigma, c1: baseline(o, kind, tau, sigma, c1)[1], ">", 0),
        variables=INST_C, given=(SMALL,), symbolic=None,
        erratum=Erratum(
            corrected=Compare(lambda o, kind, tau, sigma, c1: (lambda b: [b[0], b[1] - o.min(c1, b[0])])(
                baseline(o, kind, tau, sigma, c1)), ">=", 0),
            corrected_latex=r"\mathrm{OPT}\ge0\ (\mathrm{IRC}),\ \text{and not ICC iff } \mathrm{OPT}>0:"
                            r"\ c_1N_1^{\mathrm{OPT}}\ge\min(c_1,\mathrm{OPT})",
            explanation="When every N >= 1 loses money, OPT = 0 is attained only at N_1^OPT = 0: the baseline "
                        "collects and sells nothing, and it is (trivially) ICC; e.g. one buyer with v^d(1) < "
                        "c_1 = 0.95 (tau <= 0.3, sigma >= 0.25). Whenever OPT > 0, N_1^OPT >= 1 and the single "
                        "collector gains c_1 N_1^OPT >= c_1 by fabricating (Claim 6). Same degenerate case as "
                        "the Lemma 2 erratum; N_1^OPT by exact enumeration (largest maximizer, the reading most "
                        "favourable to the claim) and by hand in tests/test_cck_defs.py.",
            region=(Var("B", Int(1, 1)), Var("c1", Real(0.9, 1.0)), Var("tau", Vector("B", Real(0.05, 0.3))))),
        notes="The baseline pays all revenue rev^OPT(N_1^OPT) to contributor 1 (BB), whose utility is OPT >= 0 "
              "(IRC); IRB/EFB hold by design (cck.s22-curve-to-scheme). Reporting N_1^OPT fabricated points "
              "leaves the quantity-based payment unchanged and saves c_1 N_1^OPT.",
    ),
    Claim(
        id="cck.s33-revelation", label="§3.3 line 315", section="3.3", kind="structural",
        latex=r"\text{truthful NE is without loss of generality (revelation principle)}",
        statement=None,
        skip="A modelling remark: a non-truthful NE of M is turned into a truthful NE of M' = M composed with "
             "the reporting functions (pi'_i(Y) = pi_i(f(Y))), which has the same utilities and profit by "
             "construction; it states no formula about M* or any instance and has no mechanical content "
             "beyond that definitional identity.",
    ),
)
