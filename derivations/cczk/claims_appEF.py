"""cczk App. E (proof of Lemma 1 displays, Lemmas 2-4, §E.3, §E.4, Lemma 5 and its proof (13)-(18))
and App. F (proofs of Theorems 2-4, (19)-(32), Lemmas 6-7, Remarks 1-2).

Hypotheses of the proofs' cases are built into the instances through non-negative slack variables
(see ``appEF_formulas``): T = 2 n^IND (1 + a) (Lemma 9), n* = n^IND/(2(1 + b)) (Lemma 10),
n* T = (1 + e)(n^IND)^2 (second while loop), alpha^2 = (1 + s) n* (Lemma 1), so the sympy proofs
need only positivity.  Rows that quantify over every mechanism and every mixed strategy (Lemma 6 and its proof
(22)-(32), Lemma 7) are checked on the concrete linear-Gaussian family of ``appF_family`` (see FAMILY at
the end); their other ingredients (Bayes risk, tau -> infinity limit, convexity of sigma^2/x + gamma x)
are checked directly.
"""
import sympy

from derivations.claims import Claim, Effort, Erratum, Given, Implementation, Var
from derivations.domains import Index, Int, Real, Vector
from derivations.statements import AllOf, Asymptotic, Compare, Equal, Monotone

from . import appEF_formulas as F
from . import model
from .variables import D_POSITIVE, T, alpha, c, c_pos, nstar, r, sigma, sigma_pos, u, w

S = sympy.sqrt
R = sympy.Rational
s_, c_, n_, T_ = F.sigma, F.c, F.nstar, F.T
nind = F.nind
CHEAP = Effort(examples=0.25)  # symbolic proofs close these (or plain identities); the ladder is a spot check
HALF = Effort(examples=0.5)

POS = Real(0, None, lo_open=True, sample=(0.05, 50.0), log=True)
NONNEG = Real(0, None, sample=(0.0, 50.0))
va = Var("a", Real(0, None, lo_open=True, sample=(1e-3, 50.0), log=True), "T_k/(2 n^IND) - 1 > 0 (Lemma 9)")
vb = Var("b", Real(0, None, lo_open=True, sample=(1e-3, 50.0), log=True), "n^IND/(2 n*) - 1 > 0 (Lemma 10)")
ve = Var("e", NONNEG, "n* T_k/(n^IND)^2 - 1 >= 0 (second while loop)")
vs = Var("s", NONNEG, "alpha^2/n* - 1 >= 0 (Lemma 1: alpha >= sqrt(n*))")
vt0 = Var("t", NONNEG, "2 sum_j n'_{j,k}/sum_j n^B_{j,k} - 1 >= 0 (Lemma 12)")
vt = Var("t", Real(0, None, lo_open=True, sample=(1e-3, 50.0), log=True), "2 sum_j n'_j/sum_j n^B_j - 1 > 0 (Lemma 11)")
vp = Var("p", POS, "p_{i,k}(M_CBL, s*) > 0")
vN = Var("N", POS, "sum of the others' data sum_{j != i} n*_{j,k} = |Y_{-i,k}|")
vn = Var("n", POS, "data n_{i,k} collected by agent i")
vD = Var("D", POS, "D = T_k - 2 n*_{i,k} > 0")
vgam = Var("gamma", POS, "cost gamma of (19)")

HYP1 = "Instances: n* = u n^IND (u < 1/2, Lemma 10), T = w (n^IND)^2/n* (w >= 1), alpha = r sqrt(n*) (r >= 1)."


def _alpha_s(nn):
    return S((1 + F.s0) * nn)


# ----------------------------------------------------------------------------- App. E.1 (proof of Lemma 1)

_u45 = Var("u", Real(1e-3, 0.45, log=True), "n*/n^IND (< 1/2; <= 0.45 keeps the alpha^3 coefficient away from 0)")
_eps = Var("eps", Real(0.05, 1.0, log=True), "sqrt(T)/alpha (alpha -> infinity as eps -> 0)")


def _inv_G(o, sigma, c, u, w, eps):
    ns, TT = model.lemma1_point(o, sigma, c, u, w)
    return 1 / model.G(o, sigma, c, ns, TT, o.sqrt(TT) / eps)


def _inv_lead(o, sigma, c, u, w):
    ns, TT = model.lemma1_point(o, sigma, c, u, w)
    return 1 / (F.lead_coef(o, sigma, c, u, w) * TT ** sympy.Rational(3, 2))


_Q = c_ * n_ * T_**3 + (2 * n_**2 - T_**2) * s_**2
_Tdd = 2 * n_ + F.S("D", positive=True)

E1 = (
    Claim(
        id="cczk.E1-alpha-well-defined", label="§E.1 well-definedness of α", section="E.1", kind="existence",
        latex=r"i\notin V_k,\ n^*_{i,k}>0\Rightarrow \exists\ \text{root }\alpha_{i,k}\ge\sqrt{n^*_{i,k}}\text{ of }G_{i,k}",
        statement=AllOf(("cczk.lemma1", "cczk.lemma1-G-at-sqrt-nstar")),
        notes="Summary row: Lemma 1 (root found above sqrt(n*)) and G(sqrt(n*)) <= 0 on its hypotheses.",
    ),
    Claim(
        id="cczk.lemma1-limit-lower-bound", label="proof of Lemma 1, limit display", section="E.1", kind="asymptotic",
        latex=r"G(\alpha)\ge\frac{4\alpha}{\sqrt T}\Big(\frac{4\alpha^2T}{Dn^*}-1-c\frac{16\alpha^2Tn^*}{\sigma^2D}\Big)"
              r"-100\Big(\frac{4\alpha^2}{T}\Big(\frac{T}{n^*}+1\Big)-1\Big)",
        statement=Compare(F.G_at, ">=", F.G_lower_100),
        variables=(sigma, c, u, w, r), symbolic=None, effort=HALF,
        notes=HYP1 + " The step uses exp(x^2) sqrt(2 pi) Erfc(x) <= sqrt(2 pi) < 100 and a non-negative "
                     "Erfc coefficient (alpha >= sqrt(n*)). G with the corrected Erfc coefficient (eq. (11) erratum).",
    ),
    Claim(
        id="cczk.lemma1-limit-rewrites", label="proof of Lemma 1, limit display", section="E.1", kind="identity",
        latex=r"\frac{4\alpha}{\sqrt T}(\dots)=\frac{4\alpha}{\sqrt T}\frac{4\alpha^2T\sigma^2-Dn^*\sigma^2-16c\alpha^2T(n^*)^2}{Dn^*\sigma^2}"
              r"=\frac{4\alpha}{Dn^*\sigma^2\sqrt T}(4T\alpha^2(\sigma^2-4c(n^*)^2)-Dn^*\sigma^2)",
        statement=Equal([F.first_term(s_, c_, n_, T_, F.alpha), F.first_term_2(s_, c_, n_, T_, F.alpha)],
                        [F.first_term_2(s_, c_, n_, T_, F.alpha), F.first_term_3(s_, c_, n_, T_, F.alpha)]),
        variables=(sigma_pos, c_pos, nstar, T, alpha), given=(D_POSITIVE,), effort=CHEAP,
        notes="The two rewriting equalities of the display (the -100(...) term is common to both sides).",
    ),
    Claim(
        id="cczk.lemma1-limit-infinity", label="proof of Lemma 1, limit display", section="E.1", kind="asymptotic",
        latex=r"\lim_{\alpha\to\infty}G_{i,k}(\alpha)=\infty:\ G(\alpha)\sim\frac{16\sqrt T(\sigma^2-4c(n^*)^2)}{Dn^*\sigma^2}\alpha^3",
        statement=Asymptotic(_inv_G, "eps", 3, leading=_inv_lead),
        variables=(sigma, c, _u45, w, _eps), symbolic=None, effort=CHEAP,
        notes="With alpha = sqrt(T)/eps: 1/G = O(eps^3) with leading coefficient 1/(K T^{3/2}), K the alpha^3 "
              "coefficient of the last line of the display (positive by the next row), so G -> +infinity.",
    ),
    Claim(
        id="cczk.lemma1-leading-coefficient-factor", label="proof of Lemma 1, leading coefficient", section="E.1",
        kind="identity",
        latex=r"\sigma^2-4c(n^*)^2=4c\Big(\frac{\sigma}{2\sqrt c}-n^*\Big)\Big(\frac{\sigma}{2\sqrt c}+n^*\Big),\ "
              r"\frac{\sigma}{2\sqrt c}=\frac{n^{IND}}2",
        statement=Equal([s_**2 - 4 * c_ * n_**2, s_ / (2 * S(c_))],
                        [4 * c_ * (s_ / (2 * S(c_)) - n_) * (s_ / (2 * S(c_)) + n_), nind / 2]),
        variables=(sigma_pos, c_pos, nstar), effort=CHEAP,
        notes="The two equivalences: sigma^2 - 4c n*^2 has the sign of sigma/(2 sqrt c) - n* = n^IND/2 - n*.",
    ),
    Claim(
        id="cczk.lemma1-leading-coefficient", label="proof of Lemma 1, leading coefficient", section="E.1",
        kind="inequality",
        latex=r"n^*<\frac{n^{IND}}2\ (\text{Lemma 10})\Rightarrow \sigma^2-4c(n^*)^2>0",
        statement=Compare((s_**2 - 4 * c_ * n_**2).subs(n_, nind / (2 * (1 + F.b))), ">", 0),
        variables=(sigma_pos, c_pos, vb), effort=CHEAP,
        notes="n* = n^IND/(2(1+b)), b > 0. The order-alpha^3 conclusion is cczk.lemma1-limit-infinity.",
    ),
    Claim(
        id="cczk.lemma1-coefficient-sign", label="proof of Lemma 1, sign of coefficient", section="E.1", kind="inequality",
        latex=r"\alpha\ge\sqrt{n^*}\Rightarrow -1+4\Big(\frac1T+\frac1{n^*}\Big)\alpha^2\ge0",
        statement=Compare(-1 + 4 * (1 / T_ + 1 / n_) * (1 + F.s0) * n_, ">=", 0),
        variables=(nstar, T, vs), effort=CHEAP, notes="alpha^2 = (1 + s) n*, s >= 0.",
    ),
    Claim(
        id="cczk.lemma1-erfc-lb", label="proof of Lemma 1, Erfc_LB", section="E.1", kind="definition",
        latex=r"\mathrm{Erfc_{LB}}(x):=\frac1{\sqrt\pi}\Big(\frac{e^{-x^2}}x-\frac{e^{-x^2}}{2x^3}\Big)",
        statement=Equal(model.erfc_lb, lambda o, x: o.exp(-x**2) * (2 * x**2 - 1) / (2 * x**3 * o.sqrt(o.pi))),
        variables=(Var("x", Real(0.01, 20.0, log=True), "argument x > 0"),), effort=CHEAP,
        implementations=(Implementation(F.erfc_lb_np, model.erfc_lb, max_bits=2, scale=F.erfc_lb_scale),),
        notes="The definition against its one-fraction form and the numpy version (error measured against "
              "|first| + |second| term: it crosses 0 at x = 1/sqrt 2). Lower bound on Erfc: cczk.lemma8.",
    ),
    Claim(
        id="cczk.lemma1-value-at-sqrt-nstar", label="proof of Lemma 1, value at √n*", section="E.1", kind="identity",
        latex=r"G_{i,k}(\sqrt{n^*})_{UB}=-\frac{64(n^*)^{3/2}(cn^*T^3+(2(n^*)^2-T^2)\sigma^2)}{T^{5/2}(T-2n^*)\sigma^2}",
        statement=Equal(lambda o, sigma, c, nstar, T: model.G_ub_printed(o, sigma, c, nstar, T, o.sqrt(nstar)),
                        model.lemma14_rhs),
        erratum=Erratum(
            corrected=Equal(lambda o, sigma, c, nstar, T: model.G_ub(o, sigma, c, nstar, T, o.sqrt(nstar)),
                            model.lemma14_rhs),
            corrected_latex=r"\text{the same with } G_{UB}\text{ of (12) corrected (cost term over }D=T-2n^*)",
            explanation="Inherited from eq. (12) (cczk.eq12): with the printed (T-2n*)^2 the closed form fails "
                        "whenever T - 2n* != 1; with D it holds (sympy, as cczk.lemma14)."),
        variables=(sigma_pos, c_pos, nstar, T), given=(D_POSITIVE,), effort=CHEAP,
    ),
    Claim(
        id="cczk.lemma1-value-sign", label="proof of Lemma 1, value at √n*", section="E.1", kind="inequality",
        latex=r"G_{UB}(\sqrt{n^*})\le0\iff cn^*T^3+(2(n^*)^2-T^2)\sigma^2\ge0\quad(\text{opposite signs})",
        statement=Compare((model.lemma14_rhs(None, s_, c_, n_, T_) * _Q).subs(T_, _Tdd), "<=", 0),
        variables=(sigma_pos, c_pos, nstar, vD), effort=CHEAP,
        notes="T = 2n* + D, D > 0: the closed form is -(positive) x Q, so its product with Q is <= 0.",
    ),
)

# ----------------------------------------------------------------------------- App. E.2-E.3

vlam = Var("lam", Real(0.0, 1.0), "weight of I_{i,k} in h = lam I + (1 - lam) mean(X_{i,k})")
_lam = F.S("lam", nonnegative=True)
_Nn = F.S("N", positive=True)
_nn = F.S("n", positive=True)
_err_lam = _lam**2 * s_**2 / _Nn + (1 - _lam)**2 * s_**2 / _nn + c_ * _nn
_NB = 2 * nind * (1 + F.a)

E2 = (
    Claim(
        id="cczk.lemma3", label="Lemma 3", section="E.2", kind="optimality",
        latex=r"p_i(M_{CBL},(\tilde s_i,s^*_{-i}))\le p_i(M_{CBL},(s_i,s^*_{-i})),\ \tilde s_i=(n_i,f_i^*,h_i^*)",
        statement=Compare(s_**2 / _Nn + c_ * _nn, "<=", _err_lam),
        erratum=Erratum(
            corrected=Compare(s_**2 / (_Nn + _nn) + c_ * _nn, "<=", _err_lam),
            corrected_latex=r"\text{true with }h^*_{i,k}\text{ for }k\in B\text{ replaced by the pooled mean }"
                            r"\frac{|Y_{-i,k}|I_{i,k}+\sum X_{i,k}}{|Y_{-i,k}|+|X_{i,k}|}\ (\text{the H.1 estimator})",
            explanation="Case k in B (i not in V_k, n*_{i,k} = 0): M_CBL returns the mean of the others' data "
                        "(line 17) whatever i submits, so with h* = h^ACC an agent who collects n > 0 points "
                        "gets error sigma^2/N, while s_i = (n, id, h_lam = lam I + (1-lam) mean(X_{i,k})) gets "
                        "lam^2 sigma^2/N + (1-lam)^2 sigma^2/n, minimal (sigma^2/(N+n)) at lam = N/(N+n): "
                        "s~_i is worse than s_i for all lam in ((N-n)/(N+n), 1). App. H.1's recommended "
                        "estimator pools X_{i,k} with Y_{-i,k} (posterior mu_B), which h^ACC cannot. Confirmed "
                        "by the Monte Carlo of Algorithm 2 (tests/test_cczk_appEF.py). NIC (Lemma 2) survives: "
                        "cczk.lemma2-caseB.",
            region=(Var("lam", Real(0.9, 0.999), "weight of I"),),
            region_given=(Given("N <= 9 n (so that (N-n)/(N+n) < 0.9)", lambda o, N, n, **_: N <= 9 * n),),
        ),
        variables=(sigma_pos, c_pos, vN, vn, vlam), effort=CHEAP,
        notes="Case B per (i, k): N = |Y_{-i,k}|, agent i collects n points, estimator family h_lam; the "
              "penalty of s~_i is sigma^2/N + c n (accepting ignores her data).",
    ),
    Claim(
        id="cczk.lemma2-caseB", label="Lemma 2", section="E.2", kind="equilibrium",
        latex=r"k\in B:\ \frac{\sigma^2}{N+n}+cn\ge\frac{\sigma^2}N=p_{i,k}(M_{CBL},s^*)\ \ (N\ge T_k>2n^{IND})",
        statement=Compare((s_**2 / (_NB + _nn) + c_ * _nn), ">=", s_**2 / _NB),
        variables=(sigma_pos, c_pos, vn, va), effort=CHEAP,
        notes="NIC in case B even against the best (pooling) estimator: N = sum_{j != i} n*_{j,k} >= T_k > "
              "2 n^IND (Lemma 9), N = 2 n^IND (1 + a). Closes the gap left by the Lemma 3 erratum.",
    ),
    Claim(
        id="cczk.lemma2", label="Lemma 2", section="E.2", kind="equilibrium",
        latex=r"p_i(M_{CBL},(s_i^*,s^*_{-i}))\le p_i(M_{CBL},(s_i,s^*_{-i}))",
        statement=AllOf(("cczk.thm1-NIC-quantity", "cczk.lemma2-caseB")),
        notes="Quantity deviations on random instances (cases V, C, B with pooling) and the case-B bound; "
              "deviations in f, h (fabricate, withhold, not accept) are Monte Carlo tests "
              "(tests/test_cczk_mechanism.py).",
    ),
    Claim(
        id="cczk.lemma4", label="Lemma 4", section="E.2", kind="optimality",
        latex=r"f_i=f_i^*,h_i=h_i^*\Rightarrow p_i(M_{CBL},(s_i^*,s^*_{-i}))\le p_i(M_{CBL},(s_i,s^*_{-i}))",
        statement=AllOf(("cczk.thm1-NIC-quantity",)),
        notes="Collecting n* r or n*/r points (truthful, accepting) never lowers p_{i,k}, per (i, k).",
    ),
    Claim(
        id="cczk.lemma2-proof", label="proof of Lemma 2", section="E.2", kind="inequality",
        latex=r"p_i(M_{CBL},(s_i^*,s^*_{-i}))\le p_i(M_{CBL},(s'_i,s^*_{-i}))\le p_i(M_{CBL},(s_i,s^*_{-i}))",
        statement=Compare([s_**2 / _NB, s_**2 / _NB + c_ * _nn], "<=",
                          [s_**2 / _NB + c_ * _nn, s_**2 / (_NB + _nn) + c_ * _nn]),
        erratum=Erratum(
            corrected=Compare(s_**2 / _NB, "<=", s_**2 / (_NB + _nn) + c_ * _nn),
            corrected_latex=r"p_i(M_{CBL},(s_i^*,s^*_{-i}))\le p_i(M_{CBL},(s_i,s^*_{-i}))\ \text{directly (case B: }N>2n^{IND})",
            explanation="The second inequality is Lemma 3, false in case B (cczk.lemma3): for s_i = (n, id, "
                          "pooled mean), p(s'_i) = sigma^2/N + c n > sigma^2/(N+n) + c n = p(s_i). The outer "
                          "inequality holds because N > 2 n^IND (cczk.lemma2-caseB)."),
        variables=(sigma_pos, c_pos, vn, va), effort=CHEAP,
        notes="Case B per (i, k): s* collects 0 and accepts (sigma^2/N); s'_i collects n and accepts; s_i "
              "collects n and pools. N = 2 n^IND (1 + a).",
    ),
    Claim(
        id="cczk.E2-proof-structure", label="§E.2 proof structure", section="E.2", kind="structural",
        latex=r"\text{NIC}=\text{Lemma 3 (}f^*,h^*\text{ optimal for any law of }n_i)+\text{Lemma 4 (}n_i^*\text{ optimal)}",
        statement=None,
        skip="Verbal outline of the proof of Lemma 2; its two parts are cczk.lemma3 (erratum: false in case B "
             "for n_{i,k} > 0) and cczk.lemma4, and the conclusion is cczk.lemma2.",
    ),
    Claim(
        id="cczk.E3-IR", label="§E.3 IR", section="E.3", kind="structural",
        latex=r"p_i(M_{CBL},s^*)\le p_i^{IND}",
        statement=AllOf(("cczk.thm1-IR",)),
        notes="The IR conclusion of the argument on random instances (both branches of (8)).",
    ),
)

# ----------------------------------------------------------------------------- App. E.4 / Lemma 5

dvar = Var("d", Int(1, 4), "number of distributions")
vpb = Var("pb", Vector("d", Real(0.01, 100.0, log=True)), "p_{i,k}(M_SM, n^B), k in [d]")
vg = Var("g", Vector("d", Real(0.0, 50.0)), "8/rho_k - 1 >= 0 (rho_k = p_{i,k}(M_CBL)/p_{i,k}(M_SM) <= 8)")


def _aggregate(o, pb, g):
    return sum(8 / (1 + gk) * pk for pk, gk in zip(pb, g)) / sum(pb)


m_var = Var("m", Int(2, 4), "number of agents")
sig_inst = Var("sigma", Real(0.5, 20.0, log=True), "noise standard deviation")
vc1 = Var("c1", Vector("m", Real(1e-3, 10.0, log=True)), "costs c_{i,1}")
vc2 = Var("c2", Vector("m", Real(1e-3, 10.0, log=True)), "costs c_{i,2}")
vx1 = Var("x1", Vector("m", Real(-0.3, 1.0)), "n^B_{i,1}/n^IND_{i,1} (clipped at 0; cheapest agent: 1)")
vx2 = Var("x2", Vector("m", Real(-0.3, 1.0)), "n^B_{i,2}/n^IND_{i,2} (clipped at 0; cheapest agent: 1)")
INST = (m_var, sig_inst, vc1, vx1, vc2, vx2)


def _ratios(o, sigma, c1, x1, c2, x2):
    rat, _, _, _ = F.lemma5_instance(sigma, c1, x1, c2, x2)
    return [o.num(float(v)) for v in rat.ravel()]


def _structure(o, sigma, c1, x1, c2, x2):
    """|deviations| from the case facts the proof uses (0 up to float rounding), plus the count check."""
    import numpy as np
    rat, cases, holds, info = F.lemma5_instance(sigma, c1, x1, c2, x2)
    from . import mech_program as mp
    cc = np.stack([np.array([float(v) for v in c1]), np.array([float(v) for v in c2])], axis=1)
    ni = mp.n_ind(float(sigma), cc)
    xx = np.clip(np.stack([np.array([float(v) for v in x1]), np.array([float(v) for v in x2])], axis=1), 0, 1)
    nB = xx * ni
    ch = np.argmin(cc, axis=0)
    for k in range(2):
        nB[ch[k], k] = ni[ch[k], k]
    ns, ap = info["n_star"], info["approx"]
    out = [float(not holds)]
    count = 0
    for i in range(cc.shape[0]):
        for k in range(2):
            if ap.V[i, k]:
                count += 1
                out.append(abs(ns[i, k] / ni[i, k] - 1))  # Case 1: n* = n^IND
            elif nB[i, k] == 0:
                count += 1
                out.append(abs(ns[i, k]))  # Case 2(a): n^B = 0 => n* = 0 (line 16 branch)
            elif ns[i, k] == nB[i, k]:
                count += 1  # Case 2(b)
            else:
                count += 1
                out.append(abs(ns[i, k] * ap.T[k] / ni[i, k] ** 2 - 1))  # Case 2(c): n* = (n^IND)^2/T_k
    out.append(abs(count - cc.size))
    return [o.num(v) for v in out]


_A1 = 8 * c_ * n_**2 * T_ / ((4 * n_ + 3 * T_) * (2 * c_ * n_ * T_ + s_**2))
_B1 = 2 * T_ * (11 * c_ * n_ * T_ + s_**2) / ((4 * n_ + 3 * T_) * (2 * c_ * n_ * T_ + s_**2))
_A2 = 8 * c_ * n_**2 * T_ / (8 * c_ * n_**2 * T_ + 6 * c_ * n_ * T_**2 + 4 * n_ * s_**2 + 3 * T_ * s_**2)
_B2 = 3 * T_ * (R(2, 3) * 11 * c_ * n_ * T_ + R(2, 3) * s_**2) / ((4 * n_ + 3 * T_) * (2 * c_ * n_ * T_ + s_**2))
_A3 = 8 * c_ * n_**2 * T_ / (8 * c_ * n_**2 * T_ + 24 * c_ * n_**2 * T_ + 4 * n_ * s_**2 + 3 * T_ * s_**2)
_B3 = (4 * n_ + 3 * T_) * (R(2, 3) * 11 * c_ * n_ * T_ + R(2, 3) * s_**2) / ((4 * n_ + 3 * T_) * (2 * c_ * n_ * T_ + s_**2))
_A4 = 8 * c_ * n_**2 * T_ / (32 * c_ * n_**2 * T_)
_B4 = R(11, 3) * (2 * c_ * n_ * T_ + s_**2) / (2 * c_ * n_ * T_ + s_**2)
_T4 = {T_: 4 * n_ * (1 + F.a)}

_L14 = F.second_num(n_, T_, c_, s_)
_M14 = 3 * c_ * n_**2 * T_**3 - 2 * n_**2 * T_ * s_**2 + c_ * n_**2 * T_**3 - n_ * T_**2 * s_**2
_R14 = 3 * c_ * n_**2 * T_**3 - 2 * n_**2 * T_ * s_**2 + c_ * n_ * T_**2 * (s_**2 / c_) - n_ * T_**2 * s_**2
_T15 = 3 * c_ * n_**2 * T_**3 - 2 * n_**2 * T_ * s_**2
_T15b = 3 * c_ * n_**2 * T_ * (4 * s_**2 / c_) - 2 * n_**2 * T_ * s_**2

_den18 = 2 * c_ * n_ * T_ + s_**2
_p17 = F.lemma17_p(n_, T_, c_, s_, _alpha_s(n_))
_br = F.bracket(n_, T_, c_, s_, _alpha_s(n_))
_alpha_sym = F.S("alpha", positive=True)
_Tb = 2 * (1 + F.e0) * (1 + F.b) * nind  # T with n* = n^IND/(2(1+b)), n* T = (1+e) n^IND^2
_nb = nind / (2 * (1 + F.b))
_Ta = 2 * nind * (1 + F.a)
_NBt0 = 2 * T_ / (1 + F.t0)

_n2c = s_**2 / (c_ * T_)
_X2c = 4 * s_**2 / (c_ * T_)
_F2 = 2 * T_ * (s_**2 + s_**2 * (11 * T_ + _X2c) / T_) / (s_**2 * (3 * T_ + _X2c))
_F3 = 2 * T_ / (3 * T_ + _X2c) + 2 * ((11 * T_ + _X2c) / (3 * T_ + _X2c))

_nB = F.S("n", positive=True)
_Nb = F.S("N", positive=True)
_X1 = s_**2 / (_Nb * (1 + F.t) / 2) + c_ * _nB  # sigma^2/sum n' + c n', sum n' = N^B (1 + t)/2, n' = n^B
_B1c = s_**2 / _Nb + c_ * _nB  # p_{i,k}(M_SM, n^B)
_A1c = 4 * _X1 / (1 + F.s0)  # sigma^2/n^IND + c n^IND <= 4 X (i in V_k)

vm_idx = Var("i", Index("m"), "agent i (with n^B_{i,k} = 0)")
vnB = Var("nB", Vector("m", Real(0.5, 100.0, log=True)), "n^B_{j,k} (entry i set to 0: case 2(a))")
vtv = Var("tv", Vector("m", Real(1e-3, 50.0, log=True)), "2 n*_{j,k}/n^B_{j,k} - 1 > 0 (Lemma 13)")


def _nB_i(nB, i):
    return [0 * v if j == i else v for j, v in enumerate(nB)]


def _ns_i(nB, tv, i):
    return [v * (1 + t) / 2 for v, t in zip(_nB_i(nB, i), tv)]


def _ratio2a(o, sigma, nB, tv, i):
    ns, nb = _ns_i(nB, tv, i), _nB_i(nB, i)
    return (sigma**2 / sum(x for j, x in enumerate(ns) if j != i)) / (sigma**2 / sum(x for j, x in enumerate(nb) if j != i))


def _ratio2a_printed(o, sigma, nB, tv, i):
    ns, nb = _ns_i(nB, tv, i), _nB_i(nB, i)
    return sum(nb[i] for j in range(len(nb)) if j != i) / sum(x for j, x in enumerate(ns) if j != i)


def _ratio2a_fixed(o, sigma, nB, tv, i):
    ns, nb = _ns_i(nB, tv, i), _nB_i(nB, i)
    return sum(x for j, x in enumerate(nb) if j != i) / sum(x for j, x in enumerate(ns) if j != i)


E4 = (
    Claim(
        id="cczk.E4-aggregation", label="§E.4 aggregation", section="E.4", kind="inequality",
        latex=r"p_{i,k}^{CBL}\le 8p_{i,k}^{SM}\ \forall k\Rightarrow\frac{\sum_kp_{i,k}^{CBL}}{\sum_kp_{i,k}^{SM}}\le8",
        statement=Compare(_aggregate, "<=", 8),
        variables=(dvar, vpb, vg), symbolic=None, effort=CHEAP,
        notes="p^CBL_{i,k} = rho_k p^SM_{i,k} with rho_k = 8/(1 + g_k) in (0, 8]; the aggregation over agents "
              "(price of stability) has the same form with k -> i.",
    ),
    Claim(
        id="cczk.lemma5-instances", label="Lemma 5", section="E.4", kind="inequality",
        latex=r"\frac{p_{i,k}(M_{CBL},s^*)}{p_{i,k}(M_{SM},\{(n^B,id,h^{ACC})\}_j)}\le8\ \ \forall(i,k)",
        statement=Compare(_ratios, "<=", 8),
        variables=INST, symbolic=None,
        notes="Random instances (m in {2,3,4}, d = 2) with n^B satisfying (8) by construction (cheapest agent "
              "per k collects n^IND, others x n^IND with x <= 1, x <= 0 meaning 0; §4 'On condition (8)'). "
              "p_{i,k}(M_CBL, s*) from mech_program (cases V / B / C; C by Lemma 16 in erfcx form with "
              "alpha the root of the corrected G), p_{i,k}(M_SM) = sigma^2/sum_j n^B_{j,k} + c n^B_{i,k}.",
    ),
    Claim(
        id="cczk.lemma5-case-structure", label="proof of Lemma 5, case structure", section="E.4", kind="structural",
        latex=r"i\in V_k:\ n^*=n^{IND};\ i\notin V_k:\ (a)\ n^B=0\Rightarrow n^*=0,\ (b)\ n^*=n^B,\ (c)\ n^*=(n^{IND})^2/T_k",
        statement=Compare(_structure, "<=", 1e-12),
        variables=INST, symbolic=None, effort=HALF,
        notes="On the Lemma 5 instances: (8) holds, every (i, k) falls in exactly one case, and the facts the "
              "proof uses per case hold (|relative deviation| <= 1e-12: float output of Algorithm 1). The "
              "printed 'When i in V_k we further subdivide' is a typo for i not in V_k (the sub-cases are "
              "Case 2's).",
    ),
    Claim(
        id="cczk.lemma5-case1-penalty", label="proof of Lemma 5, Case 1 penalty", section="E.4", kind="identity",
        latex=r"p_{i,k}(M_{CBL},s^*)=\frac{\sigma^2}{n^*}+cn^*\Big|_{n^*=n^{IND}}=2\sigma\sqrt c",
        statement=Equal((s_**2 / n_ + c_ * n_).subs(n_, nind), 2 * s_ * S(c_)),
        variables=(sigma_pos, c_pos), effort=CHEAP,
        notes="Own-data sample mean with n* = n^IND points (line 14): the per-distribution p^IND of Fact 1. "
              "Monte Carlo of Algorithm 2: tests/test_cczk_mechanism.py.",
    ),
    Claim(
        id="cczk.lemma5-case1-chain", label="proof of Lemma 5, Case 1 chain", section="E.4", kind="inequality",
        latex=r"\frac{\sigma^2}{\sum n'}+cn'<\frac{2\sigma^2}{\sum n^B}+cn^B<2\Big(\frac{\sigma^2}{\sum n^B}+cn^B\Big),\ "
              r"\frac{\sigma^2/n^{IND}+cn^{IND}}{\sigma^2/\sum n^B+cn^B}\le8",
        statement=Compare([_X1, s_**2 * 2 / _Nb + c_ * _nB, _A1c / _B1c], "<",
                          [s_**2 * 2 / _Nb + c_ * _nB, 2 * _B1c, 8]),
        variables=(sigma_pos, c_pos, vN, vn, vt, vs), effort=CHEAP,
        notes="N = sum_j n^B_{j,k}, n = n'_{i,k} = n^B_{i,k} (i is not yet updated when added to V_k), "
              "sum n' = N(1 + t)/2 > N/2 (Lemma 11), sigma^2/n^IND + c n^IND = 4X/(1 + s) <= 4X (i in V_k).",
    ),
    Claim(
        id="cczk.lemma5-case2a", label="proof of Lemma 5, Case 2(a)", section="E.4", kind="inequality",
        latex=r"\frac{\sigma^2/\sum_{j\ne i}n^*_{j,k}}{\sigma^2/\sum_{j\ne i}n^B_{j,k}}=\frac{\sum_{j\neq i}n^B_{i,k}}{\sum_{j\ne i}n^*_{j,k}}",
        statement=Equal(_ratio2a, _ratio2a_printed),
        erratum=Erratum(
            corrected=Equal(_ratio2a, _ratio2a_fixed),
            corrected_latex=r"\dots=\frac{\sum_{j\ne i}n^B_{j,k}}{\sum_{j\ne i}n^*_{j,k}}",
            explanation="Subscript typo: sum_{j != i} n^B_{i,k} = (m-1) n^B_{i,k} = 0 in case 2(a) (n^B_{i,k} = 0), "
                        "so the printed middle term is 0; the ratio is sum_{j != i} n^B_{j,k}/sum_{j != i} n*_{j,k}."),
        variables=(m_var, sigma, vnB, vtv, vm_idx), symbolic=None, effort=CHEAP,
        notes="n*_{j,k} = n^B_{j,k}(1 + t_j)/2 > n^B_{j,k}/2 (Lemma 13); entry i of n^B set to 0.",
    ),
    Claim(
        id="cczk.lemma5-case2a-bound", label="proof of Lemma 5, Case 2(a)", section="E.4", kind="inequality",
        latex=r"\frac{\sum_{j\ne i}n^B_{j,k}}{\sum_{j\ne i}n^*_{j,k}}\le2",
        statement=Compare(_ratio2a_fixed, "<", 2),
        variables=(m_var, sigma, vnB, vtv, vm_idx), symbolic=None, effort=CHEAP,
        notes="n*_{j,k} > n^B_{j,k}/2 (Lemma 13), so the ratio is < 2.",
    ),
    Claim(
        id="cczk.lemma5-case2b-denominator", label="proof of Lemma 5, Case 2(b) denominator", section="E.4",
        kind="inequality",
        latex=r"\frac{p}{\sigma^2/\sum n^B+cn^*}\le\frac{p}{\sigma^2/(2\sum n')+cn^*}",
        statement=Compare(F.p / (s_**2 / _NBt0 + c_ * n_), "<=", F.p / (s_**2 / (2 * T_) + c_ * n_)),
        variables=(sigma_pos, c_pos, nstar, T, vt0, vp), effort=CHEAP,
        notes="sum_i n^B_{i,k} = 2 T_k/(1 + t) <= 2 T_k (Lemma 12), T_k = sum n'; n^B_{i,k} = n*_{i,k} (case 2(b)).",
    ),
    Claim(
        id="cczk.eq13", label="(13)", section="E.4", kind="identity",
        latex=r"\frac{p_{i,k}}{\frac{\sigma^2}{2T}+cn^*}=\frac{T}{n^*(2cn^*T+\sigma^2)}[\dots]=\frac{T(2c(n^*)^2+6cn^*T+\sigma^2)}{(n^*+T)(2cn^*T+\sigma^2)}+\dots",
        statement=Equal([_p17 / (s_**2 / (2 * T_) + c_ * n_), T_ / (n_ * _den18) * _br],
                        [T_ / (n_ * _den18) * _br, F.split(n_, T_, c_, s_, _alpha_s(n_), _den18)]),
        variables=(sigma_pos, c_pos, nstar, T, vs), effort=CHEAP,
        notes="p_{i,k} by Lemma 17 (cczk.lemma17); alpha^2 = (1 + s) n*. The second equality is Lemma 18.",
    ),
    Claim(
        id="cczk.eq14-split", label="(14)", section="E.4", kind="identity",
        latex=r"4c(n^*)^2T^3-2(n^*)^2T\sigma^2-n^*T^2\sigma^2=3c(n^*)^2T^3-2(n^*)^2T\sigma^2+c(n^*)^2T^3-n^*T^2\sigma^2",
        statement=Equal(_L14, _M14), variables=(sigma_pos, c_pos, nstar, T), effort=CHEAP,
    ),
    Claim(
        id="cczk.eq14", label="(14)", section="E.4", kind="inequality",
        latex=r"\dots\ge3c(n^*)^2T^3-2(n^*)^2T\sigma^2+cn^*T^2\frac{\sigma^2}c-n^*T^2\sigma^2\quad(n^*T\ge(n^{IND})^2)",
        statement=Compare(_M14.subs(T_, (1 + F.e0) * nind**2 / n_), ">=", _R14.subs(T_, (1 + F.e0) * nind**2 / n_)),
        variables=(sigma_pos, c_pos, nstar, ve), effort=CHEAP,
        notes="n* T = (1 + e)(n^IND)^2, e >= 0 (second while loop).",
    ),
    Claim(
        id="cczk.eq15-equalities", label="(15)", section="E.4", kind="identity",
        latex=r"(14)=3c(n^*)^2T^3-2(n^*)^2T\sigma^2,\quad 3c(n^*)^2T\frac{4\sigma^2}c-2(n^*)^2T\sigma^2=10(n^*)^2T\sigma^2",
        statement=Equal([_R14, _T15b], [_T15, 10 * n_**2 * T_ * s_**2]),
        variables=(sigma_pos, c_pos, nstar, T), effort=CHEAP,
    ),
    Claim(
        id="cczk.eq15", label="(15)", section="E.4", kind="inequality",
        latex=r"3c(n^*)^2T^3-2(n^*)^2T\sigma^2\ge3c(n^*)^2T\frac{4\sigma^2}c-2(n^*)^2T\sigma^2,\ 10(n^*)^2T\sigma^2>0\quad(T>2n^{IND})",
        statement=Compare([_T15.subs(T_, _Ta), 10 * n_**2 * _Ta * s_**2], ">", [_T15b.subs(T_, _Ta), 0]),
        variables=(sigma_pos, c_pos, nstar, va), effort=CHEAP,
        notes="T = 2 n^IND (1 + a), a > 0 (Lemma 9); strict since T > 2 n^IND.",
    ),
    Claim(
        id="cczk.lemma5-case2b-positivity", label="proof of Lemma 5, Case 2(b) monotonicity in α", section="E.4",
        kind="inequality",
        latex=r"-n^*T+4n^*\alpha^2+4T\alpha^2>0,\ 4c(n^*)^2T^3-2(n^*)^2T\sigma^2-n^*T^2\sigma^2>0",
        statement=Compare([(-n_ * T_ + 4 * n_ * (1 + F.s0) * n_ + 4 * T_ * (1 + F.s0) * n_).subs({T_: _Tb, n_: _nb}),
                           _L14.subs({T_: _Tb, n_: _nb})], ">", 0),
        variables=(sigma_pos, c_pos, vb, ve, vs), effort=CHEAP,
        notes="alpha^2 = (1+s) n*, n* = n^IND/(2(1+b)), n* T = (1+e)(n^IND)^2 (so T > 2 n^IND).",
    ),
    Claim(
        id="cczk.lemma5-case2b-monotone", label="proof of Lemma 5, Case 2(b) monotonicity in α", section="E.4",
        kind="monotonicity",
        latex=r"\alpha\mapsto(13)\ \text{is decreasing on }\alpha\ge\sqrt{n^*}",
        statement=Monotone(F.split(n_, T_, c_, s_, _alpha_s(n_), _den18).subs({T_: _Tb}).subs({n_: _nb}), "s", "decreasing"),
        variables=(sigma_pos, c_pos, vb, ve, vs), effort=CHEAP,
        notes="alpha^2 = (1 + s) n*: decreasing in s; hypotheses as in cczk.lemma5-case2b-positivity.",
    ),
    Claim(
        id="cczk.eq16", label="(16)", section="E.4", kind="identity",
        latex=r"(13)|_{\alpha=\sqrt{n^*}}=\frac{2T(cn^*(4n^*+11T)+\sigma^2)}{(4n^*+3T)(2cn^*T+\sigma^2)}",
        statement=AllOf(("cczk.lemma20",)), notes="This is Lemma 20 (verified symbolically).",
    ),
    Claim(
        id="cczk.lemma5-T-gt-4nstar", label="proof of Lemma 5, T_k > 4n*", section="E.4", kind="inequality",
        latex=r"T_k>2n^{IND},\ \frac{n^{IND}}2>n^*\Rightarrow T_k>4n^*",
        statement=Compare(_Ta, ">", 4 * _nb), variables=(sigma_pos, c_pos, va, vb), effort=CHEAP,
        notes="T = 2 n^IND (1 + a), n* = n^IND/(2(1 + b)).",
    ),
    Claim(
        id="cczk.lemma5-case2b-final-equalities", label="proof of Lemma 5, Case 2(b) final chain", section="E.4",
        kind="identity",
        latex=r"(16)=\frac{8c(n^*)^2T}{(4n^*+3T)(2cn^*T+\sigma^2)}+\frac{2T(11cn^*T+\sigma^2)}{\dots}"
              r"=\frac{8c(n^*)^2T}{8c(n^*)^2T+6cn^*T^2+4n^*\sigma^2+3T\sigma^2}+\frac{3T(\frac23 11cn^*T+\frac23\sigma^2)}{\dots}",
        statement=Equal([F.L16, _A1 + _B1], [_A1 + _B1, _A2 + _B2]),
        variables=(sigma_pos, c_pos, nstar, T), effort=CHEAP,
    ),
    Claim(
        id="cczk.lemma5-case2b-final-chain", label="proof of Lemma 5, Case 2(b) final chain", section="E.4",
        kind="inequality",
        latex=r"\dots\le\frac{8c(n^*)^2T}{8c(n^*)^2T+24c(n^*)^2T+4n^*\sigma^2+3T\sigma^2}+\frac{(4n^*+3T)(\dots)}{\dots}"
              r"\le\frac{8c(n^*)^2T}{32c(n^*)^2T}+\frac{\frac{11}3(2cn^*T+\sigma^2)}{2cn^*T+\sigma^2}\le4\quad(T>4n^*)",
        statement=Compare([(_A2 + _B2).subs(_T4), (_A3 + _B3).subs(_T4), (_A4 + _B4).subs(_T4)], "<=",
                          [(_A3 + _B3).subs(_T4), (_A4 + _B4).subs(_T4), 4]),
        variables=(sigma_pos, c_pos, nstar, va), effort=CHEAP,
        notes="T = 4 n* (1 + a), a > 0.",
    ),
    Claim(
        id="cczk.lemma5-case2c-denominator", label="proof of Lemma 5, Case 2(c) denominator", section="E.4",
        kind="inequality",
        latex=r"\frac{p}{\sigma^2/\sum n^B+cn^B}\le\frac{p}{\sigma^2/\sum n^B}\le\frac{p}{\sigma^2/(2\sum n')}",
        statement=Compare([F.p / (s_**2 / _NBt0 + c_ * _nB), F.p / (s_**2 / _NBt0)], "<=",
                          [F.p / (s_**2 / _NBt0), F.p / (s_**2 / (2 * T_))]),
        variables=(sigma_pos, c_pos, vn, T, vt0, vp), effort=CHEAP,
        notes="sum n^B = 2 T_k/(1 + t) <= 2 T_k (Lemma 12), n = n^B_{i,k} > 0.",
    ),
    Claim(
        id="cczk.eq17", label="(17)", section="E.4", kind="identity",
        latex=r"\frac{p_{i,k}}{\sigma^2/(2T)}=\frac{T}{n^*\sigma^2}[\dots]=\frac{T(2c(n^*)^2+6cn^*T+\sigma^2)}{(n^*+T)\sigma^2}+\dots",
        statement=Equal([_p17 / (s_**2 / (2 * T_)), T_ / (n_ * s_**2) * _br],
                        [T_ / (n_ * s_**2) * _br, F.split(n_, T_, c_, s_, _alpha_s(n_), s_**2)]),
        variables=(sigma_pos, c_pos, nstar, T, vs), effort=CHEAP,
        notes="p_{i,k} by Lemma 17; alpha^2 = (1 + s) n*. The second equality is Lemma 19.",
    ),
    Claim(
        id="cczk.eq17-monotone", label="(17)", section="E.4", kind="monotonicity",
        latex=r"\alpha\mapsto(17)\ \text{decreasing on }\alpha\ge\sqrt{n^*}\ (n^*=(n^{IND})^2/T_k,\ T_k>2n^{IND})",
        statement=Monotone(F.split(n_, T_, c_, s_, _alpha_s(n_), s_**2).subs(n_, nind**2 / T_).subs(T_, _Ta), "s", "decreasing"),
        variables=(sigma_pos, c_pos, va, vs), effort=CHEAP,
        notes="Case 2(c): n* = (n^IND)^2/T, T = 2 n^IND (1 + a); alpha^2 = (1 + s) n*.",
    ),
    Claim(
        id="cczk.eq18", label="(18)", section="E.4", kind="identity",
        latex=r"(17)|_{\alpha=\sqrt{n^*}}=\frac{2T(cn^*(4n^*+11T)+\sigma^2)}{(4n^*+3T)\sigma^2}",
        statement=AllOf(("cczk.lemma21",)), notes="This is Lemma 21 (verified symbolically).",
    ),
    Claim(
        id="cczk.lemma5-case2c-final-equalities", label="proof of Lemma 5, Case 2(c) final chain", section="E.4",
        kind="identity",
        latex=r"(18)|_{n^*=\sigma^2/(cT)}=\frac{2T(\sigma^2+\sigma^2(11T+\frac{4\sigma^2}{cT})/T)}{\sigma^2(3T+\frac{4\sigma^2}{cT})}"
              r"=\frac{2T}{3T+\frac{4\sigma^2}{cT}}+2\frac{11T+\frac{4\sigma^2}{cT}}{3T+\frac{4\sigma^2}{cT}}",
        statement=Equal([F.L18.subs(n_, _n2c), _F2], [_F2, _F3]),
        variables=(sigma_pos, c_pos, T), effort=CHEAP,
    ),
    Claim(
        id="cczk.lemma5-case2c-final-chain", label="proof of Lemma 5, Case 2(c) final chain", section="E.4",
        kind="inequality",
        latex=r"\frac{2T}{3T+\frac{4\sigma^2}{cT}}+2\frac{11T+\frac{4\sigma^2}{cT}}{3T+\frac{4\sigma^2}{cT}}\le\frac23+2\frac{11T}{3T}=8",
        statement=Compare(_F3, "<=", R(2, 3) + 2 * 11 * T_ / (3 * T_)),
        variables=(sigma_pos, c_pos, T), effort=CHEAP,
    ),
)

# ----------------------------------------------------------------------------- App. F

vd3 = Var("d", Int(1, 3), "number of distributions")
vcv = Var("c", Vector("d", Real(1e-3, 100.0, log=True)), "costs c_{i,k}, k in [d]")
vrho = Var("rho", Vector("d", Real(1.01, 5.0, log=True)), "deviation factor n_{i,k}/n^IND_{i,k} (or its inverse)")
vup = Var("up", Int(0, 1), "1: n = n^IND rho, 0: n = n^IND/rho")
vm = Var("m", Int(2, 64), "number of agents")
vn11 = Var("n11", POS, "n_{1,1}")
vS2 = Var("S2", POS, "sum_{j>=2} n_{j,2}")
vrho1 = Var("rho", Real(1.01, 10.0, log=True), "deviation factor x/n^IND_{1,1} (or its inverse)")
vq = Var("q", Real(0.0, 1.0, lo_open=True), "probability P(n_{1,1} != n^IND_{1,1}) > 0")
vtau = Var("tau", Real(1.0, None, sample=(1.0, 1e3), log=True), "prior scale tau >= 1")
veps = Var("eps", Real(1e-3, 1.0, log=True), "1/tau (tau >= 1)")
vnn = Var("n", Real(1e-2, 1e3, log=True), "n_{1,1}")


def _alone(o, sigma, c, rho, up):
    ni = model.n_ind(o, sigma, c)
    n = [v * r if up else v / r for v, r in zip(ni, rho)]
    return model.alone_penalty(o, sigma, c, n)


def _cost_at_ind(o, sigma, c):
    return sum(ck * nk for ck, nk in zip(c, model.n_ind(o, sigma, c)))


def _costs19(m, gamma):
    inf = float("inf")
    return [[gamma, inf]] + [[inf, gamma] for _ in range(m - 1)]


def _count19(o, m, gamma):
    cs = _costs19(m, float(gamma))
    col = [sum(1 for row in cs if row[k] < float("inf")) for k in range(2)]
    rows_inf = sum(1 for row in cs if any(v == float("inf") for v in row))
    return [o.num(col[0]), o.num(col[1]), o.num(rows_inf)]


def _P_agents(o, sigma, gamma, n11, n2, m):
    """sum_i sum_k (sigma^2/sum_j n_{j,k} + c_{i,k} n_{i,k}) on (19), n_{1,2} = n_{i,1} = 0 (0 * inf terms dropped)."""
    N1, N2 = n11, sum(n2[1:])
    return sum(sigma**2 / N1 + sigma**2 / N2 for _ in range(m)) + gamma * n11 + sum(gamma * v for v in n2[1:])


def _P_eq5(o, sigma, gamma, n11, n2, m):
    N1, N2 = n11, sum(n2[1:])
    return m * sigma**2 / N1 + gamma * n11 + m * sigma**2 / N2 + sum(gamma * v for v in n2[1:])


def _P_red(o, sigma, gamma, n11, n2, m):
    S2 = sum(n2[1:])
    return m * sigma**2 / n11 + gamma * n11 + m * sigma**2 / S2 + gamma * S2


vn2 = Var("n2", Vector("m", Real(0.05, 50.0, log=True)), "n_{i,2} (entry 1 unused: n_{1,2} = 0)")
vm5 = Var("m", Int(2, 5), "number of agents")


def _P20(o, m, sigma, gamma, n11, S2):
    return m * sigma**2 / n11 + gamma * n11 + m * sigma**2 / S2 + gamma * S2


def _P20_opt(o, m, sigma, gamma):
    x = sigma * o.sqrt(o.num(m) / gamma)
    return _P20(o, m, sigma, gamma, x, x)


_g = F.gamma
_ni1 = s_ / S(_g)
_f = lambda xx: s_**2 / xx + _g * xx  # noqa: E731
_rho = F.S("rho", positive=True)
_q = F.q
_tau, _eps_s, _n = F.tau, F.eps, F.S("n", positive=True)
_w = (_n / s_**2) / (_n / s_**2 + 1 / _tau**2)

SKIP_ALL = ("quantifies over every mechanism M in the mechanism space and all mixed strategies (inf/sup over "
            "function spaces of submission functions and estimators); no finite instance represents it. ")

F3 = (
    Claim(
        id="cczk.thm2-proof-alone", label="proof of Theorem 2", section="F.1", kind="inequality",
        latex=r"n_{i}\ne n_i^{IND}\Rightarrow p_i(M,(s_i,s'_{-i}))<p_i^{IND}\ \ (\text{others collect nothing})",
        statement=Compare(_alone, "<", lambda o, sigma, c: model.p_ind(o, sigma, c)),
        erratum=Erratum(
            corrected=Compare(_alone, ">", lambda o, sigma, c: model.p_ind(o, sigma, c)),
            corrected_latex=r"n_{i}\ne n_i^{IND}\Rightarrow p_i(M,(s_i,s'_{-i}))>p_i^{IND}\ \text{(so always-IR forces }n_i=n_i^{IND})",
            explanation="Sign slip: working alone, sum_k sigma^2/n_k + c_k n_k >= 2 sigma sum_k sqrt(c_k) = p^IND "
                        "with equality only at n = n^IND (Fact 1, AM-GM), so a different n gives a penalty "
                        "strictly ABOVE p^IND, which is what contradicts always-IR. Checked on the alone penalty "
                        "with the sample mean (the best estimator, §A.1)."),
        variables=(vd3, sigma, vcv, vrho, vup), symbolic=None, effort=CHEAP,
        notes="Agent i alone (the others collect nothing), n_{i,k} = n^IND rho^{+-1}, every k deviating.",
    ),
    Claim(
        id="cczk.thm2-proof-cost-half", label="proof of Theorem 2", section="F.1", kind="identity",
        latex=r"\sum_kc_{i,k}n^{IND}_{i,k}=\frac{p_i^{IND}}2",
        statement=Equal(_cost_at_ind, lambda o, sigma, c: model.p_ind(o, sigma, c) / 2),
        variables=(vd3, sigma, vcv), symbolic=None, effort=CHEAP,
    ),
    Claim(
        id="cczk.thm3-proof-improve", label="proof of Theorem 3", section="F.2", kind="inequality",
        latex=r"n_i\ne n_i^{IND}\Rightarrow p_i(\text{alone},n_i)>p_i(\text{alone},n_i^{IND},\text{sample mean})",
        statement=Compare(_alone, ">", lambda o, sigma, c: model.alone_penalty(o, sigma, c, model.n_ind(o, sigma, c))),
        variables=(vd3, sigma, vcv, vrho, vup), symbolic=None, effort=CHEAP,
        notes="Against s'_{-i} collecting nothing, collecting n^IND and using the sample mean strictly improves; "
              "the bound p_i >= sum_k c n^IND = p^IND/2 is cczk.thm2-proof-cost-half.",
    ),
    Claim(
        id="cczk.thm3-proof", label="proof of Theorem 3", section="F.2", kind="inequality",
        latex=r"n_{i,k}=n^{IND}_{i,k}\Rightarrow p_i\ge\sum_kc_{i,k}n^{IND}_{i,k}=p_i^{IND}/2",
        statement=AllOf(("cczk.thm3-proof-improve", "cczk.thm2-proof-cost-half")),
    ),
    Claim(
        id="cczk.eq19", label="(19)", section="F.3", kind="definition",
        latex=r"c_{1,1}=\gamma,\ c_{1,2}=\infty,\ c_{i,1}=\infty,\ c_{i,2}=\gamma\ (i\ge2)",
        statement=Equal(_count19, lambda o, m: [o.num(1), o.num(m - 1), o.num(m)]),
        variables=(vm, vgam), symbolic=None, effort=CHEAP,
        notes="The instance is in C (eq. (1): each distribution has an agent with finite cost: 1 and m-1 of them) "
              "and every agent has an infinite cost, so p_i^IND = infinity for all i (Fact 1).",
    ),
    Claim(
        id="cczk.F3-social-penalty", label="§F.3 social penalty of the instance", section="F.3", kind="identity",
        latex=r"\sum_i\sum_k\Big(\frac{\sigma^2}{\sum_jn_{j,k}}+c_{i,k}n_{i,k}\Big)=\sum_k\Big(\frac{m\sigma^2}{\sum_jn_{j,k}}+\sum_ic_{i,k}n_{i,k}\Big)"
              r"=\frac{m\sigma^2}{n_{1,1}}+\gamma n_{1,1}+\frac{m\sigma^2}{\sum_{j\ge2}n_{j,2}}+\gamma\sum_{j\ge2}n_{j,2}",
        statement=Equal([_P_agents, _P_eq5], [_P_eq5, _P_red]),
        variables=(vm5, sigma, vgam, vn11, vn2), symbolic=None, effort=CHEAP,
    ),
    Claim(
        id="cczk.eq20", label="(20)", section="F.3", kind="optimality",
        latex=r"\frac{m\sigma^2}{n_{1,1}}+\gamma n_{1,1}+\frac{m\sigma^2}{S_2}+\gamma S_2\ \text{is minimized at }n_{1,1}=S_2=\sigma\sqrt{m/\gamma}",
        statement=Compare(_P20, ">=", _P20_opt),
        variables=(vm, sigma, vgam, vn11, vS2), symbolic=None, effort=HALF,
    ),
    Claim(
        id="cczk.eq21", label="(21)", section="F.3", kind="identity",
        latex=r"\inf_{(M',s')\in\Theta}P(M',s')=P(M_{SM},s_n^{COM})=4\sigma\sqrt{m\gamma}",
        statement=Equal(_P20_opt, lambda o, m, sigma, gamma: 4 * sigma * o.sqrt(o.num(m) * gamma)),
        variables=(vm, sigma, vgam), symbolic=None, effort=CHEAP,
    ),
    Claim(
        id="cczk.F3-unconstrained-baseline", label="§F.3 unconstrained baseline", section="F.3", kind="structural",
        latex=r"p_i^{IND}=\infty\ \forall i\Rightarrow\inf_\Theta P=\min_nP(M_{SM},s_n^{COM})",
        statement=AllOf(("cczk.eq19", "cczk.eq20", "cczk.eq21")),
        notes="Every agent has an infinite cost ((19)), so IR is vacuous and the unconstrained minimum applies.",
    ),
    Claim(
        id="cczk.thm4-step1-factor", label="proof of Theorem 4, Step 1 claim", section="F.3", kind="equilibrium",
        latex=r"\frac{\sigma\sqrt{m/\gamma}}{\sigma/\sqrt\gamma}=\sqrt m",
        statement=Equal(lambda o, m, sigma, gamma: sigma * o.sqrt(o.num(m) / gamma) / (sigma / o.sqrt(gamma)),
                        lambda o, m: o.sqrt(o.num(m))),
        variables=(vm, sigma, vgam), symbolic=None, effort=CHEAP,
        notes="Agent 1 collects n^IND_{1,1} = sigma/sqrt(gamma), a factor sqrt(m) less than n^B_{1,1} of (20).",
    ),
    Claim(
        id="cczk.thm4-step1-convex", label="proof of Theorem 4, Step 1 claim", section="F.3", kind="equilibrium",
        latex=r"x\ne\sigma/\sqrt\gamma\Rightarrow\frac{\sigma^2}x+\gamma x>\frac{\sigma^2}{n^{IND}_{1,1}}+\gamma n^{IND}_{1,1}",
        statement=Compare([_f(_ni1 * _rho), _f(_ni1 / _rho)], ">", _f(_ni1)),
        variables=(sigma_pos, vgam, vrho1), effort=CHEAP,
        notes="x = n^IND rho^{+-1}, rho > 1: sigma^2/x + gamma x has its unique minimum at sigma/sqrt(gamma).",
    ),
    Claim(
        id="cczk.thm4-step1-deviation", label="proof of Theorem 4, Step 1 deviation", section="F.3", kind="inequality",
        latex=r"\mathbb P(n_{1,1}\ne n^{IND}_{1,1})>0\Rightarrow\frac{\sigma^2}{n^{IND}}+\gamma n^{IND}<\mathbb E_{\tilde s_1}\Big[\frac{\sigma^2}{n_{1,1}}+\gamma n_{1,1}\Big]",
        statement=Compare(_f(_ni1), "<", [_q * _f(_ni1 * _rho) + (1 - _q) * _f(_ni1), _q * _f(_ni1 / _rho) + (1 - _q) * _f(_ni1)]),
        variables=(sigma_pos, vgam, vrho1, vq), effort=CHEAP,
        notes="Two-point laws of n_{1,1}: n^IND rho^{+-1} with probability q > 0, n^IND otherwise. The "
              "distribution-2 term is the same in s'_1 and s~_1 (Lemma 6).",
    ),
    Claim(
        id="cczk.thm4-step2", label="proof of Theorem 4, Step 2", section="F.3", kind="inequality",
        latex=r"\frac{\sigma^2}{n^{IND}_{1,1}}=\sigma\sqrt\gamma",
        statement=Equal(s_**2 / _ni1, s_ * S(_g)), variables=(sigma_pos, vgam), effort=CHEAP,
        notes="The minimax error of mu_1 from agent 1's sigma/sqrt(gamma) points bounds every agent's penalty.",
    ),
    Claim(
        id="cczk.thm4-step2-agent1", label="proof of Theorem 4, Step 2", section="F.3", kind="inequality",
        latex=r"p_1(M,s^*)\ge\frac{\sigma^2}{n^{IND}_{1,1}}+\gamma n^{IND}_{1,1}\ge\sigma\sqrt\gamma",
        statement=Compare(_f(_ni1), ">", s_ * S(_g)), variables=(sigma_pos, vgam), effort=CHEAP,
    ),
    Claim(
        id="cczk.thm4-ratio", label="proof of Theorem 4, ratio", section="F.3", kind="inequality",
        latex=r"\frac{P(M,s^*)}{P(M_{SM},\dots)}\ge\frac{m\sigma\sqrt\gamma}{4\sigma\sqrt{m\gamma}}=\frac{\sqrt m}4",
        statement=Equal(lambda o, m, sigma, gamma: o.num(m) * sigma * o.sqrt(gamma) / (4 * sigma * o.sqrt(o.num(m) * gamma)),
                        lambda o, m: o.sqrt(o.num(m)) / 4),
        variables=(vm, sigma, vgam), symbolic=None, effort=CHEAP,
        notes="m agents each at least sigma sqrt(gamma) (Step 2) over (21).",
    ),
    Claim(
        id="cczk.F3-proof-intuition", label="§F.3 proof intuition", section="F.3", kind="structural",
        latex=r"n^B_{1,1}=\sigma\sqrt{m/\gamma}\ \text{vs. }n_{1,1}=\sigma/\sqrt\gamma\ \text{in every NE}",
        statement=AllOf(("cczk.eq20", "cczk.thm4-step1-factor", "cczk.thm4-step1-convex")),
    ),
    Claim(
        id="cczk.thm4-infinite-penalty", label="proof of Theorem 4, infinite-penalty reduction", section="F.3",
        kind="structural", latex=r"\mathbb P_{s_1^*}(n_{1,2}>0)>0\Rightarrow p_1(M,s^*)=\infty",
        statement=None,
        skip="Verbal: c_{1,2} = infinity times a positive expected n_{1,2} is infinite; no formula beyond (19) "
             "(cczk.eq19).",
    ),
    Claim(
        id="cczk.lemma6-decomposition", label="Lemma 6, penalty decomposition", section="F.3", kind="identity",
        latex=r"p_1(M,s^*)=\mathbb E_{\tilde s_1}[\sigma^2/n_{1,1}+\gamma n_{1,1}]+\sup_{\mu_2}\mathbb E[\dots]",
        statement=None, skip=SKIP_ALL + "Its concrete ingredients: cczk.F3-bayes-risk, cczk.eq27-limit.",
    ),
    Claim(
        id="cczk.lemma6-properties", label="Lemma 6, properties 1–3", section="F.3", kind="structural",
        latex=r"\tilde n_{1,1}=n^*_{1,1},\ \tilde h_{1,1}=h^{SM}_{1,1},\ \tilde h_{1,2}\perp(\mu_1,X_1)",
        statement=None, skip=SKIP_ALL,
    ),
)

F31 = (
    Claim(id="cczk.eq22", label="(22)", section="F.3.1", kind="identity", latex=r"p_1(M,s^*)=\inf_{s_1\in\Delta(S)'}\sup_{\mu}\dots",
          statement=None, skip=SKIP_ALL + "(Nash equilibrium restated as an inf over Delta(S)'.)"),
    Claim(id="cczk.eq23", label="(23)", section="F.3.1", kind="inequality", latex=r"\sup_{\mu_1}\ge\mathbb E_{\mu_1\sim\Lambda_\tau}",
          statement=None, skip=SKIP_ALL + "(sup >= average over the prior Lambda_tau.)"),
    Claim(id="cczk.eq24", label="(24)", section="F.3.1", kind="identity", latex=r"\text{(23) with }\mathbb E_{\mu_1}\mathbb E_{X_1}\to\mathbb E_{X_1\sim D(\tau)}\mathbb E_{\mu_1|X_1}",
          statement=None, skip=SKIP_ALL + "(Fubini: order of expectations exchanged.)"),
    Claim(
        id="cczk.F3-bayes-risk", label="proof of Lemma 6, Bayes risk", section="F.3.1", kind="identity",
        latex=r"\mathbb E_{\mu_1}[(h^{Bayes}_{1,1}-\mu_1)^2|X_1]=\frac{\sigma^2}{n_{1,1}+\sigma^2/\tau^2}",
        statement=Equal((_w - 1)**2 * _tau**2 + _w**2 * s_**2 / _n, s_**2 / (_n + s_**2 / _tau**2)),
        variables=(sigma_pos, vnn, vtau), effort=CHEAP,
        notes="Independent route: the Bayes estimator w Xbar, w = (n/sigma^2)/(n/sigma^2 + 1/tau^2), has risk "
              "(w-1)^2 tau^2 + w^2 sigma^2/n under mu ~ N(0, tau^2), Xbar | mu ~ N(mu, sigma^2/n); equal to "
              "the posterior variance (Gaussian: it does not depend on X_1).",
    ),
    Claim(id="cczk.eq25", label="(25)", section="F.3.1", kind="identity", latex=r"(24)=\inf\sup\mathbb E[\dots+\frac{\sigma^2}{n_{1,1}+\sigma^2/\tau^2}+\gamma n_{1,1}]",
          statement=AllOf(("cczk.F3-bayes-risk",)),
          notes="(24) with the Bayes risk of mu_1 substituted; the substitution is cczk.F3-bayes-risk."),
    Claim(id="cczk.eq26", label="(26)", section="F.3.1", kind="identity", latex=r"(h_{1,2}-\mu_2)^2|X_1\ \text{constant in }\mu_1",
          statement=None, skip=SKIP_ALL),
    Claim(
        id="cczk.eq27-limit", label="(27)", section="F.3.1", kind="inequality",
        latex=r"\frac{\sigma^2}{n+\sigma^2/\tau^2}\uparrow\frac{\sigma^2}n\ (\tau\to\infty):\ \frac{\sigma^2}n-\frac{\sigma^2}{n+\sigma^2\varepsilon^2}=O(\varepsilon^2),\ \varepsilon=1/\tau",
        statement=Asymptotic(s_**2 / _n - s_**2 / (_n + s_**2 * _eps_s**2), "eps", 2, leading=s_**4 / _n**2),
        variables=(sigma_pos, vnn, veps), effort=CHEAP,
        notes="The tau -> infinity limit of (26)'s distribution-1 term (monotone convergence).",
    ),
    Claim(
        id="cczk.eq27-monotone", label="(27)", section="F.3.1", kind="monotonicity",
        latex=r"\tau\mapsto\frac{\sigma^2}{n+\sigma^2/\tau^2}\ \text{increasing}",
        statement=Monotone(s_**2 / (_n + s_**2 / _tau**2), "tau", "increasing"),
        variables=(sigma_pos, vnn, vtau), effort=CHEAP,
    ),
    Claim(id="cczk.eq28", label="(28)", section="F.3.1", kind="definition", latex=r"L:=\inf_{s_1\in\Delta(S)'}\sup_{\mu_2}\mathbb E[(h_{1,2}(D,f_1(D),I_1)-\mu_2)^2]",
          statement=None, skip=SKIP_ALL + "(Definition of L by an inf over strategies.)"),
    Claim(id="cczk.eq29", label="(29)", section="F.3.1", kind="inequality", latex=r"p_1(M,s^*)\ge\mathbb E_{s_1^*}[\sigma^2/n_{1,1}+\gamma n_{1,1}]+L",
          statement=None, skip=SKIP_ALL),
    Claim(id="cczk.eq30", label="(30)", section="F.3.1", kind="inequality", latex=r"p_1(M,s^*)\le\dots+L+\varepsilon",
          statement=None, skip=SKIP_ALL),
    Claim(id="cczk.lemma6-attainment", label="proof of Lemma 6, attainment of L", section="F.3.1", kind="existence",
          latex=r"\exists\tilde s_1\in\Delta(S)':\ \sup_{\mu_2}\mathbb E[\dots]=L", statement=None, skip=SKIP_ALL),
    Claim(id="cczk.eq31", label="(31)", section="F.3.1", kind="inequality", latex=r"p_1(M,s^*)\ge\mathbb E_{\tilde s_1}[\dots]+\sup_{\mu_2}\mathbb E_{\tilde s}[\dots]",
          statement=None, skip=SKIP_ALL),
    Claim(id="cczk.eq32", label="(32)", section="F.3.1", kind="inequality", latex=r"p_1(M,s^*)\le\mathbb E_{\tilde s_1}[\dots]+\sup_{\mu_2}\mathbb E_{\tilde s}[\dots]",
          statement=None, skip=SKIP_ALL),
    Claim(id="cczk.lemma7", label="Lemma 7", section="F.3.1", kind="identity", latex=r"z^1(\tau)\ \text{constant in }\tau",
          statement=None, skip=SKIP_ALL),
    Claim(id="cczk.remark1", label="Remark 1", section="F.3.1", kind="definition", latex=r"z^1(\tau),\ z^2(\tau,s_1)",
          statement=None, skip="Verbal interpretation of z^1, z^2 (defined in Lemma 7 by an inf over strategies)."),
    Claim(id="cczk.remark2", label="Remark 2", section="F.3.1", kind="structural", latex=r"D(\tau)\ \text{independent of }\mu_1,\mu_2",
          statement=None, skip="Verbal intuition for Lemma 7 (randomized strategies can simulate D(tau_a))."),
    Claim(id="cczk.lemma7-proof", label="proof of Lemma 7", section="F.3.1", kind="inequality", latex=r"z^2(\tau_a,s_1^{b,n})=z^2(\tau_a,s_1^{a,n})",
          statement=None, skip=SKIP_ALL),
)


# ----------------------------------------------------------------------------- F.3.1 on a concrete family
# Lemma 6, (22)-(32) and Lemma 7 quantify over every mechanism and all mixed strategies; their concrete
# content is checked on the linear-Gaussian family of module ``appF_family`` (instance (19)).
from dataclasses import replace as _replace  # noqa: E402

from . import appF_family as A  # noqa: E402

_V = A.V
_FAM = ("Checked on the family of instance (19) (module appF_family): the others submit S2 points of "
        "distribution 2 truthfully; mechanisms M_{beta,eta} return to agent 1 A_1 = (Z, Ybar2 + beta Z + zeta), "
        "Z the mean she submits for distribution 1, zeta ~ N(0, eta) (beta = eta = 0: sample-mean mechanism); "
        "her strategies: n = n_{1,1}, submission Z = kappa Xbar1 + delta + xi (xi ~ N(0, v) fabricated; kappa = 1, "
        "delta = v = 0 truthful, kappa = 0 fabricated), estimators h11 = a Xbar1 + b Z + c1, h12 = R2 - (beta - g) Z "
        "+ c2; prior Lambda_tau = N(0, tau^2) on mu1.  Risks are computed from the Gaussian moments and sup over mu "
        "of the (quadratic) risk taken symbolically (finite on the sub-families a = 1 - b kappa and g kappa = 0, "
        "+infinity elsewhere).  In the family the equilibrium s*_1 is truthful with the sample mean, n* = "
        "sigma/sqrt(gamma), and undoes beta Z (beta cancels).  The paper's statement quantifies over all "
        "mechanisms; Monte Carlo of the risk formulas: tests/test_cczk_appF_family.py. ")
_VS = lambda *names: tuple(_V[k] for k in names)  # noqa: E731
_TILDE = dict(kap=0, bb=0, cc1=0, gg=0, cc2=0)   # s~_1: fabricated N(delta, v) submission, sample mean, h12 = R2 - beta Z
_P_tilde = A.penalty(A.n_star, **_TILDE)
_z_tilde = A.err2_given_D(A.d, kap=0, gg=0, cc2=0)
_z_keep = A.err2_given_D(A.d, gg=0, cc2=0)
_P_eps = A.penalty(A.n_star, **{**A.TRUTH, "cc2": sympy.sqrt(A.theta * A.eps)})
_e1t, _e2t = A._mech_errors(A.n_star, 0, A.delta, 0, 0, 0, 0)
_cond2 = A._avg_sources(_e2t**2, A.n_star, A.v)  # no e1, mu1 left: constant given X_1
_cond2_at = lambda xb, m1: _cond2.subs({A._e1: xb - m1, A.mu1: m1}, simultaneous=True)  # noqa: E731
_risk1_sm = A.gauss_expect(((A.mu1 + A._e1) - A.mu1)**2, A._e1, 0, A.sigma**2 / A.n_star)

FAMILY = {
    "cczk.lemma6-decomposition": dict(
        statement=Equal([A.p_star, _P_tilde], [_P_tilde, A.f_star + _z_tilde]),
        variables=_VS("sigma", "gamma", "S2", "eta", "delta", "v", "d"),
        notes="p_1(M, s*) (truthful s*_1) = p_1(M, (s~_1, s*_-1)) for the fabricating s~_1 (submits N(delta, v), "
              "sample mean for mu1, h12 = R2 - beta Z) = sigma^2/n* + gamma n* + the distribution-2 risk with X_1 "
              "replaced by a dataset D of mean d."),
    "cczk.lemma6-properties": dict(
        statement=Equal([_cond2_at(A.d, A.mu1), _risk1_sm], [_cond2_at(0, 0), A.sigma**2 / A.n_star]),
        variables=_VS("sigma", "gamma", "S2", "eta", "delta", "v", "d", "mu1"),
        notes="For s~_1 (n~ = n* by construction, property 1): the conditional risk of h~12 given Xbar1 = d and mu1 "
              "equals its value at Xbar1 = 0, mu1 = 0 (property 3), and h~11 = sample mean has risk sigma^2/n* for "
              "every mu1 (property 2)."),
    "cczk.eq22": dict(
        statement=Compare([A.P_A, A.P_B], ">=", [A.p_star, A.p_star]),
        variables=_VS("sigma", "gamma", "S2", "eta", "b", "c1", "c2", "g", "kappa", "delta", "v"),
        notes="Delta(S)' in the family (n = n*): the penalty of every strategy with finite sup over mu (sub-family A: "
              "g = 0, any kappa; B: kappa = 0, any g) is >= p_1(M, s*), and s*_1 is in Delta(S)', so the inf is "
              "p_1(M, s*)."),
    "cczk.eq23": dict(
        statement=Compare([A.penalty(A.n, gg=0), A.penalty(A.n, kap=0)], ">=",
                          [A.sup_mu(A.prior_joint(A.risk(A.n, gg=0)), (A.mu2,)) + A.gamma * A.n,
                           A.sup_mu(A.prior_joint(A.risk(A.n, kap=0)), (A.mu2,)) + A.gamma * A.n]),
        variables=_VS("sigma", "gamma", "S2", "eta", "n", "tau", "b", "c1", "c2", "g", "kappa", "delta", "v"),
        notes="sup_{mu1, mu2} of the risk + gamma n against sup_{mu2} E_{mu1 ~ Lambda_tau}; on the finite-sup "
              "sub-families the risk is constant in mu1 and the two are equal (biased strategies: sup = +infinity)."),
    "cczk.eq24": dict(
        statement=Equal(A.bayes_joint(), A.bayes_posterior()),
        variables=_VS("sigma", "S2", "eta", "n", "tau", "a", "b", "c1", "c2", "g", "kappa", "delta", "v", "mu2"),
        notes="Fubini: E_{mu1 ~ Lambda_tau} E_{X|mu1}[total error] computed by integrating the sources then mu1, "
              "against E_{Xbar1 ~ D(tau)} E_{mu1 | Xbar1} with the Gaussian posterior; any a (biased h11 allowed)."),
    "cczk.eq26": dict(
        statement=Equal(A.err2_joint(), A.err2_marginal()),
        variables=_VS("sigma", "S2", "eta", "n", "tau", "c2", "g", "kappa", "delta", "v"),
        notes="(h12 - mu2)^2 | X_1 does not involve mu1: its average over (mu1 ~ Lambda_tau, X_1 | mu1) equals its "
              "average over X_1 ~ D(tau) alone."),
    "cczk.eq28": dict(
        statement=Compare([_z_keep, A.err2_given_D(A.d)], ">=",
                          [A.L_paper, A.L_paper]),
        variables=_VS("sigma", "S2", "eta", "c2", "g", "kappa", "delta", "v", "d"),
        notes="L in the family: for every dataset D (mean d) and strategy, sup_mu2 E[(h12(D, f1(D), A1) - mu2)^2] "
              ">= sigma^2/S2 + eta, attained (g = c2 = 0, first entry), so L = sigma^2/S2 + eta."),
    "cczk.eq29": dict(
        statement=Compare(A.p_star, ">=", A.f_star + A.L_paper),
        variables=_VS("sigma", "gamma", "S2", "eta"),
        notes="p_1(M, s*) from the risk computation against E_{s*}[sigma^2/n + gamma n] + L (equality in the family)."),
    "cczk.eq30": dict(
        statement=Compare([A.p_star, _P_eps], "<=", [_P_eps, A.f_star + A.L_paper + A.eps]),
        variables=_VS("sigma", "gamma", "S2", "eta", "eps", "theta"),
        notes="s^eps_1: truthful, sample mean, h12 = R2 - beta Z + sqrt(theta eps) (distribution-2 risk L + theta "
              "eps < L + eps); plugged into (22) it bounds p_1(M, s*) from above."),
    "cczk.lemma6-attainment": dict(
        statement=Equal(_z_keep, A.L_paper),
        variables=_VS("sigma", "S2", "eta", "kappa", "delta", "v", "d"),
        notes="A strategy attaining L: h12 = R2 - beta Z with any submission (kappa, delta, v), any D."),
    "cczk.eq31": dict(
        statement=Compare(A.p_star, ">=", A.f_star + _z_tilde),
        variables=_VS("sigma", "gamma", "S2", "eta", "delta", "v", "d"),
        notes="s~ = (s~_1, s*_-1) with s~_1 the fabricating strategy of cczk.lemma6-decomposition (equality)."),
    "cczk.eq32": dict(
        statement=Compare([A.p_star, _P_tilde], "<=", [_P_tilde, A.f_star + _z_tilde]),
        variables=_VS("sigma", "gamma", "S2", "eta", "delta", "v", "d"),
        notes="s~_1 plugged into (22): p_1(M, s*) <= sup_{mu1, mu2} E_{s~}[...] + E[gamma n] = E[sigma^2/n + "
              "gamma n] + sup_mu2 E_{s~}[...] (both equalities in the family)."),
    "cczk.lemma7": dict(
        statement=Equal([A.z1(A.ta), A.z1(A.tb)], [A.z1(A.tb), A.L_paper]),
        variables=_VS("sigma", "S2", "eta", "ta", "tb"),
        notes="z^1(tau) = inf over (g, c2) of z^2(tau, s_1) (stationary point of the convex quadratic, solved by "
              "sympy for symbolic tau) is the same at tau_a and tau_b, and equals L."),
    "cczk.lemma7-proof": dict(
        statement=Equal([A.z2(A.tb, fresh=A.ta), A.z2(A.ta, fresh=A.ta)], [A.z2(A.ta), A.z2(A.ta)]),
        variables=_VS("sigma", "S2", "eta", "n", "ta", "tb", "c2", "g", "kappa", "delta", "v"),
        notes="s^b: submits kappa X~ + delta + xi from its own draw X~ ~ D(tau_a) instead of X_1: z^2(tau_b, s^b) "
              "= z^2(tau_a, s^b) = z^2(tau_a, s^a) (the printed first line reads z^2(tau_a, s^b) with X_1 ~ D(tau_b); "
              "both readings are checked)."),
}


def _family(cl):
    spec = FAMILY.get(cl.id)
    if spec is None:
        return cl
    return _replace(cl, statement=spec["statement"], variables=spec["variables"], skip=None, effort=CHEAP,
                    notes=_FAM + spec["notes"])


CLAIMS = tuple(_family(cl) for cl in E1 + E2 + E4 + F3 + F31)

