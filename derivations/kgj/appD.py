"""kgj App. D / H: data maximization under unverifiable (two-point) costs, mechanism (15)-(17),
Theorem VII, Remark 5, §D.2, Theorem VIII, (21)-(22) and the proof of Theorem VII (lines 858-864).

Value family: exponential saturation v(m) = a (1 - exp(-m/k)) (model.EXP with m0 = 0): it has a
closed-form inverse derivative b'^{-1}(s) = k log(a/(k s)), and both individual optima are > 0
(the case the proof assumes, line 849) when c_low < c_high < a/k.  Costs: c_high = w a/k,
c_low = rho c_high with w, rho in (0, 1); Delta = Delta m_{-i} (the others' data, held fixed).

ERRATUM (found last round, settled here by two methods): expected data
E(m_dn) = (1 - p) m_up(m_dn) + p m_dn with m_up from (17) (eps -> 0) is stationary where
b'(m_dn + Delta) = c_low - p (c_high - c_low)/(1 - p) = (c_low - p c_high)/(1 - p), not at the
printed c_low - p c_high/(1 - p).  (1) sympy: d m_up/d m_dn = (b' - c_low)/(c_high - c_low) from
(17), so dE/dm_dn = 0 gives the corrected form (the proof's "dx/c_high ... dx/(c_low - b')" drops
the factor p and the factor (1 - c_low/c_high) by which the slope-c_low line moves when C slides
up AC by dx).  (2) tests/test_kgj_unknown_costs.py: a brute force over a grid of m_dn that builds
mechanism (15) pointwise, keeps only feasible and IR instances, takes both types' best responses on
a grid and maximizes the expected data, lands on the corrected stationary point.  Consequently
Remark 5's threshold for m_dn = m_low^max "always" is p >= c_low/c_high (not c_low/(c_low + c_high)).

Regime: the interval [m_high^max, m_low^max] of (21) is exactly the set of m_dn for which (15) is
feasible, IR and has D as the low-cost agent's best response when b'(m_high^max + Delta) <= c_low
(the low-cost agent would not move past m_high^max on the full-data curve); every claim below that
uses the interval assumes it (Given ``REGIME``).
"""
import sympy

from derivations.claims import Claim, Effort, Erratum, Given, Var
from derivations.domains import Real
from derivations.statements import Compare, Equal

from . import model
from .model import EXP

# ----------------------------------------------------------------------------- variables
a = Var("a", Real(0, 1, lo_open=True, sample=(0.05, 1.0)), "lim v(m) (a_opt)")
k = Var("k", Real(0, None, lo_open=True, sample=(0.1, 10.0), log=True), "difficulty scale of v")
w = Var("w", Real(0, 1, lo_open=True, hi_open=True, sample=(0.02, 0.98)), "c_high = w a/k (so m_high^* > 0)")
rho = Var("rho", Real(0, 1, lo_open=True, hi_open=True, sample=(0.02, 0.98)), "c_low = rho c_high")
p = Var("p", Real(0, 1, lo_open=True, hi_open=True, sample=(0.01, 0.95)), "P(agent i is low-cost) = p_i")
delta = Var("delta", Real(0, None, lo_open=True, sample=(0.05, 50.0), log=True), "Delta m_{-i}")
x = Var("x", Real(0, None, sample=(0.0, 60.0)), "agent i's contribution m_i")
eps = Var("eps", Real(0, 1e-3, lo_open=True), "the mechanism's small epsilon > 0")

VARS = (a, k, w, rho, p, delta)


def costs(o, a, k, w, rho):
    ch = w * a / k
    return rho * ch, ch


def vv(o, m, a, k):
    return model.v(o, EXP, m, a, k, 0 * a)


def dv(o, m, a, k):
    return a / k * o.exp(-m / k)


def dv_inv(o, s, a, k):
    """b'^{-1}(s) = k log(a/(k s)), s > 0."""
    return k * o.log(a / (k * s))


def mstar(o, c, a, k):
    return dv_inv(o, c, a, k)  # Theorem I: b'(m*) = c, m* > 0 for c < a/k


def mmax(o, c, a, k, delta):
    return model.m_max(o, EXP, c, a, k, 0 * a, mstar(o, c, a, k), delta)


def m_up(o, md, a, k, w, rho, delta, eps=0):
    """(17): intersection of the slope-(c_high + eps) line from A and the slope-(c_low + eps) line to D."""
    cl, ch = costs(o, a, k, w, rho)
    mh = mstar(o, ch, a, k)
    return (vv(o, md + delta, a, k) - (cl + eps) * md - vv(o, mh, a, k) + (ch + eps) * mh) / (ch - cl)


def expected(o, md, a, k, w, rho, p, delta):
    """(22)'s objective at eps -> 0: (1 - p) m_up + p m_dn."""
    return (1 - p) * m_up(o, md, a, k, w, rho, delta) + p * md


def target_printed(o, cl, ch, p):
    return cl - p / (1 - p) * ch


def target_corrected(o, cl, ch, p):
    return (cl - p * ch) / (1 - p)


def m_dn(o, a, k, w, rho, p, delta, target=target_printed):
    """(21): min(max(b'^{-1}(T) - Delta, m_high^max), m_low^max); T <= 0 means b'^{-1}(T) = +inf."""
    cl, ch = costs(o, a, k, w, rho)
    lo, hi = mmax(o, ch, a, k, delta), mmax(o, cl, a, k, delta)
    T = target(o, cl, ch, p)
    if T <= 0:
        return hi
    return model.vmin(o, model.vmax(o, dv_inv(o, T, a, k) - delta, lo), hi)


def best_expected(o, a, k, w, rho, p, delta):
    """max of (22)'s objective over m_dn in [m_high^max, m_low^max], by golden-section search (E is
    concave there: m_up is a concave function of m_dn plus a constant)."""
    cl, ch = costs(o, a, k, w, rho)
    lo, hi = mmax(o, ch, a, k, delta), mmax(o, cl, a, k, delta)
    return model.golden_max(o, lambda md: expected(o, md, a, k, w, rho, p, delta), lo, hi, kink=False)


def mechanism(o, xx, md, a, k, w, rho, delta, eps):
    """(15) for agent i contributing xx, the others Delta."""
    cl, ch = costs(o, a, k, w, rho)
    mh = mstar(o, ch, a, k)
    mu = m_up(o, md, a, k, w, rho, delta, eps)
    if xx <= mh:
        return vv(o, xx, a, k)
    if xx <= mu:
        return vv(o, mh, a, k) + (ch + eps) * (xx - mh)
    if xx <= md:
        return vv(o, md + delta, a, k) - (cl + eps) * (md - xx)
    return vv(o, xx + delta, a, k)


REGIME = Given("b'(m_high^max + Delta) <= c_low (then [m_high^max, m_low^max] is the feasible set of m_dn)",
               lambda o, a, k, w, rho, delta, **_: dv(o, mmax(o, w * a / k, a, k, delta) + delta, a, k)
               <= rho * w * a / k)
EPS_SMALL = Given("eps small enough that m_high^* <= m_up (line 621)",
                  lambda o, **d: _mu(o, d) >= _mh(o, d))
EFFORT = Effort(examples=0.3, ladder=(20, 40, 80))
SEARCH = Effort(examples=0.15, ladder=(20, 40))  # a golden-section search per instance


def _p(d, *names):
    return {n: d[n] for n in names}


def _md(o, d, target=target_printed):
    return m_dn(o, **_p(d, "a", "k", "w", "rho", "p", "delta"), target=target)


# ----------------------------------------------------------------------------- sympy: proof of Thm VII
_S = {n: sympy.Symbol(n, positive=True) for n in ("a", "k", "w", "rho", "p", "delta")}


def _dE_terms(target):
    """(1 - p) (-d m_up/d m_dn) and p at m_dn = b'^{-1}(T) - Delta: equal iff dE/dm_dn = 0."""
    A, K, W, R, P, D = (_S[n] for n in ("a", "k", "w", "rho", "p", "delta"))
    md = sympy.Symbol("m_dn", positive=True)
    ch = W * A / K
    cl = R * ch
    mh = K * sympy.log(A / (K * ch))
    v_ = lambda m: A * (1 - sympy.exp(-m / K))
    mu = (v_(md + D) - cl * md - v_(mh) + ch * mh) / (ch - cl)
    at = K * sympy.log(A / (K * target(None, cl, ch, P))) - D
    return (1 - P) * (-sympy.diff(mu, md)).subs(md, at), P


_LHS_P, _RHS_P = _dE_terms(target_printed)
_LHS_C, _RHS_C = _dE_terms(target_corrected)

BOTH_POSITIVE = Given("p < c_low/(c_low + c_high) (the printed stationary b' is > 0)",
                      lambda o, p, rho, **_: p < rho / (1 + rho))

CLAIMS = (
    Claim(
        id="kgj.thm7-proof-stationary", label="proof of Theorem VII, lines 858–864", section="H", kind="identity",
        latex=r"(1-p_i)\frac{dx}{\bar c}-\frac{dx}{\underline c-b'(m_i^\downarrow+\Delta m_{-i})}=0 \iff "
              r"b'(m_i^\downarrow+\Delta m_{-i})=\underline c-\frac{p_i}{1-p_i}\bar c",
        statement=Equal(_LHS_P, _RHS_P),
        variables=(a, k, w, rho, p, delta), given=(BOTH_POSITIVE,),
        erratum=Erratum(
            corrected=Equal(_LHS_C, _RHS_C),
            corrected_latex=r"b'(m_i^\downarrow+\Delta m_{-i})=\underline c-\frac{p_i}{1-p_i}(\bar c-\underline c)"
                            r"=\frac{\underline c-p_i\bar c}{1-p_i}",
            explanation="From (17) (eps -> 0), d m_up/d m_dn = (b'(m_dn + Delta) - c_low)/(c_high - c_low), so "
                        "d/dm_dn[(1-p) m_up + p m_dn] = 0 iff (1-p)(c_low - b') = p (c_high - c_low). The proof's "
                        "net change omits the weight p on the low-cost term and the factor (1 - c_low/c_high) by "
                        "which the slope-c_low line rises when C slides up AC by dx. Confirmed by sympy here and "
                        "by a brute-force maximization of the expected data over mechanisms (15) on a grid "
                        "(tests/test_kgj_unknown_costs.py)."),
        notes="Statement: at m_dn = b'^{-1}(T) - Delta, the marginal loss of high-cost data (1-p)(-dm_up/dm_dn) "
              "equals the marginal gain p of low-cost data (dE/dm_dn = 0). Exponential family (closed-form "
              "b'^{-1}); the derivation is family-independent (only (17) is used). Printed: off by p c_low/(1-p).",
    ),
    Claim(
        id="kgj.eq16-eq21-same-point", label="eq. (16)", section="D.1", kind="identity",
        latex=r"v'(m_i^\downarrow+\Delta m_{-i})=\min\big(\max(\underline c-\tfrac{p}{1-p}\bar c,"
              r"v'(\underline m^{\max}+\Delta m_{-i})),v'(\bar m^{\max}+\Delta m_{-i})\big)",
        statement=Equal(lambda o, **d: dv(o, _md(o, d) + d["delta"], d["a"], d["k"]),
                        lambda o, **d: _clamp16(o, d)),
        variables=VARS, given=(REGIME,), symbolic=None, effort=EFFORT,
        notes="The text extraction lost the under-bars (both bounds read v'(m-bar^max + Delta)); the only "
              "non-degenerate reading clamps into [v'(m_low^max + Delta), v'(m_high^max + Delta)]. Checked: "
              "(16) and (21) (both as printed) define the same point D. Whether that point maximizes the "
              "expected data is kgj.eq22-optimal (erratum).",
    ),
    Claim(
        id="kgj.eq22-optimal", label="eq. (22)", section="H", kind="optimality",
        latex=r"m_i^\downarrow\text{ of (21) maximizes }(1-p_i)m_i^\uparrow+p_im_i^\downarrow",
        statement=Equal(lambda o, **d: expected(o, _md(o, d), **d), lambda o, **d: best_expected(o, **d)),
        variables=VARS, given=(REGIME,), symbolic=None, effort=SEARCH,
        erratum=Erratum(
            corrected=Equal(lambda o, **d: expected(o, _md(o, d, target_corrected), **d),
                            lambda o, **d: best_expected(o, **d)),
            corrected_latex=r"m_i^\downarrow=\min\big(\max(b'^{-1}(\tfrac{\underline c-p_i\bar c}{1-p_i})"
                            r"-\Delta m_{-i},\bar m^{\max}),\underline m^{\max}\big)",
            explanation="(21) uses the stationary point of kgj.thm7-proof-stationary (erratum); with the corrected "
                        "b' = (c_low - p c_high)/(1 - p) the clamped point attains the maximum of the concave "
                        "objective over [m_high^max, m_low^max] (found by golden-section search).",
            region=(Var("p", Real(0.2, 0.6), "P(low cost)"), Var("rho", Real(0.4, 0.8), "c_low/c_high"),
                    Var("delta", Real(0.05, 1.0), "Delta m_{-i}")),
            region_given=(Given("the corrected D is strictly inside (m_high^max, m_low^max)",
                                lambda o, **d: _interior(o, d)),)),
        notes="The feasible set of (22) is m_dn in [m_high^max, m_low^max] (module docstring, REGIME).",
    ),
    Claim(
        id="kgj.remark5-threshold", label="Remark 5", section="D.2", kind="inequality",
        latex=r"p_i\ge\frac{\underline c}{\underline c+\bar c}\implies m_i^\downarrow=\underline m^{\max}",
        statement=Equal(lambda o, **d: expected(o, mmax(o, d["rho"] * d["w"] * d["a"] / d["k"], d["a"], d["k"],
                                                        d["delta"]), **_q(d, _thr_printed)),
                        lambda o, **d: best_expected(o, **_q(d, _thr_printed))),
        variables=(a, k, w, rho, Var("q", Real(0, 1, hi_open=True), "position of p in [threshold, 1)"), delta),
        given=(REGIME,), symbolic=None, effort=SEARCH,
        erratum=Erratum(
            corrected=Equal(lambda o, **d: expected(o, mmax(o, d["rho"] * d["w"] * d["a"] / d["k"], d["a"], d["k"],
                                                            d["delta"]), **_q(d, _thr_corrected)),
                            lambda o, **d: best_expected(o, **_q(d, _thr_corrected))),
            corrected_latex=r"p_i\ge\underline c/\bar c\implies m_i^\downarrow=\underline m^{\max}",
            explanation="The optimal D is m_low^max for every v iff the stationary b' is <= 0: (c_low - p c_high) "
                        "<= 0, i.e. p >= c_low/c_high. For p in [c_low/(c_low+c_high), c_low/c_high) the optimum "
                        "can be interior (brute force in tests/test_kgj_unknown_costs.py).",
            region=(Var("q", Real(0, 0.3), "position of p"), Var("rho", Real(0.4, 0.8), "c_low/c_high"),
                    Var("delta", Real(0.05, 1.0), "Delta m_{-i}")),
            region_given=(Given("the corrected D is strictly inside (m_high^max, m_low^max)",
                                lambda o, **d: _interior(o, _q(d, _thr_printed))),)),
        notes="Printed: p = t + q (1 - t), t = c_low/(c_low + c_high), q in [0, 1) covers p >= t; statement: "
              "D = m_low^max attains the maximal expected data. Corrected: t = c_low/c_high.",
    ),
    Claim(
        id="kgj.thm7-feasible", label="Theorem VII", section="D.2", kind="equilibrium",
        latex=r"\text{(15) is feasible: }[\mathcal M(\mathbf m)]_i\le v(\textstyle\sum_j m_j)",
        statement=Compare(lambda o, **d: _mech(o, d), "<=", lambda o, **d: vv(o, d["x"] + d["delta"], d["a"], d["k"])),
        variables=VARS + (x, eps), given=(REGIME, EPS_SMALL), symbolic=None, effort=EFFORT,
        notes="m_dn of (21) as printed (it lies in [m_high^max, m_low^max], where (15) is feasible), small eps.",
    ),
    Claim(
        id="kgj.thm7-ir", label="Theorem VII", section="D.2", kind="equilibrium",
        latex=r"\text{(15) is IR: }[\mathcal M(\mathbf m)]_i\ge v(m_i)",
        statement=Compare(lambda o, **d: _mech(o, d), ">=", lambda o, **d: vv(o, d["x"], d["a"], d["k"])),
        variables=VARS + (x, eps), given=(REGIME, EPS_SMALL), symbolic=None, effort=EFFORT,
    ),
    Claim(
        id="kgj.thm7-eq-high", label="Theorem VII", section="D.2", kind="equilibrium",
        latex=r"c_i=\bar c\implies m_i^{eq}=m_i^\uparrow",
        statement=Compare(lambda o, **d: _mech(o, d) - _ch(d) * d["x"], "<=",
                          lambda o, **d: _mech(o, d, _mu(o, d)) - _ch(d) * _mu(o, d)),
        variables=VARS + (x, eps), given=(REGIME, EPS_SMALL), symbolic=None, effort=EFFORT,
        notes="No contribution x beats m_up for the high-cost agent (others fixed at Delta).",
    ),
    Claim(
        id="kgj.thm7-eq-low", label="Theorem VII", section="D.2", kind="equilibrium",
        latex=r"c_i=\underline c\implies m_i^{eq}=m_i^\downarrow",
        statement=Compare(lambda o, **d: _mech(o, d) - _cl(d) * d["x"], "<=",
                          lambda o, **d: _mech(o, d, _md(o, d)) - _cl(d) * _md(o, d)),
        variables=VARS + (x, eps), given=(REGIME, EPS_SMALL), symbolic=None, effort=EFFORT,
    ),
    Claim(
        id="kgj.remark5-up-range", label="Remark 5", section="D.2", kind="inequality",
        latex=r"m_i^\uparrow\in[\bar m^*,\bar m^{\max}]",
        statement=Compare(lambda o, **d: (_mu(o, d, 0) - _mh(o, d)) * (_Mh(o, d) - _mu(o, d, 0)), ">=", 0),
        variables=VARS, given=(REGIME,), symbolic=None, effort=EFFORT,
        notes="(m_up - m_high^*)(m_high^max - m_up) >= 0; eps -> 0.",
    ),
    Claim(
        id="kgj.secd2-less-value", label="§D.2 lines 663–668", section="D.2", kind="inequality",
        latex=r"v(\bar m^*)+\bar c(m_i^\uparrow-\bar m^*)\le v(\textstyle\sum_j m_j)",
        statement=Compare(lambda o, **d: vv(o, _mh(o, d), d["a"], d["k"]) + _ch(d) * (_mu(o, d, 0) - _mh(o, d)), "<=",
                          lambda o, **d: vv(o, _mu(o, d, 0) + d["delta"], d["a"], d["k"])),
        variables=VARS, given=(REGIME,), symbolic=None, effort=EFFORT,
        notes="The high-cost agent's model at m_up versus the full-data value v(m_up + Delta).",
    ),
    Claim(
        id="kgj.thm8-high-unchanged", label="Theorem VIII", section="D.2", kind="identity",
        latex=r"v(\bar m^*)+\bar c(m_i^\uparrow-\bar m^*)-\bar cm_i^\uparrow=v(\bar m^*)-\bar c\bar m^*",
        statement=Equal(lambda o, **d: _mech(o, d, _mu(o, d)) - (_ch(d) + d["eps"]) * _mu(o, d),
                        lambda o, **d: vv(o, _mh(o, d), d["a"], d["k"]) - (_ch(d) + d["eps"]) * _mh(o, d)),
        variables=VARS + (eps,), given=(REGIME, EPS_SMALL), symbolic=None, effort=EFFORT,
        notes="The mechanism's value (15) at m_up minus the cost (c_high + eps, so that the identity is exact for "
              "every eps; eps -> 0 gives the printed one) equals the utility alone at m_high^*.",
    ),
    Claim(
        id="kgj.thm8-low-rent", label="Theorem VIII", section="D.2", kind="identity",
        latex=r"u_i^{\mathcal M}-u_i^{\rm alone}=\underline c(\underline m^{\max}-m_i^\downarrow)"
              r"-v(\underline m^{\max}+\Delta m_{-i})+v(m_i^\downarrow+\Delta m_{-i})\ge0",
        statement=Equal(lambda o, **d: _rent(o, d),
                        lambda o, **d: _mech(o, d, _md(o, d)) - _cl(d) * _md(o, d) - _ul(o, d)),
        variables=VARS, given=(REGIME,), symbolic=None, effort=EFFORT,
        notes="eps -> 0 (eps = 0 in (15)); the difference with the mechanism vs alone, (15) at D minus "
              "v(m_low^*) - c_low m_low^*, equals the printed rent. Non-negativity: kgj.thm8-low-rent-nonneg.",
    ),
    Claim(
        id="kgj.thm8-low-rent-nonneg", label="Theorem VIII", section="D.2", kind="identity",
        latex=r"\underline c(\underline m^{\max}-m_i^\downarrow)-v(\underline m^{\max}+\Delta m_{-i})"
              r"+v(m_i^\downarrow+\Delta m_{-i})\ge0",
        statement=Compare(lambda o, **d: _rent(o, d), ">=", 0),
        variables=VARS, given=(REGIME,), symbolic=None, effort=EFFORT,
    ),
)


def _cl(d):
    return d["rho"] * d["w"] * d["a"] / d["k"]


def _ch(d):
    return d["w"] * d["a"] / d["k"]


def _mh(o, d):
    return mstar(o, _ch(d), d["a"], d["k"])


def _Mh(o, d):
    return mmax(o, _ch(d), d["a"], d["k"], d["delta"])


def _mu(o, d, e=None):
    return m_up(o, _md(o, d), **_p(d, "a", "k", "w", "rho", "delta"), eps=d.get("eps", 0) if e is None else e)


def _mech(o, d, xx=None):
    return mechanism(o, d["x"] if xx is None else xx, _md(o, d), **_p(d, "a", "k", "w", "rho", "delta"),
                     eps=d.get("eps", 0 * d["a"]))


def _ul(o, d):
    ml = mstar(o, _cl(d), d["a"], d["k"])
    return vv(o, ml, d["a"], d["k"]) - _cl(d) * ml


def _rent(o, d):
    Ml = mmax(o, _cl(d), d["a"], d["k"], d["delta"])
    md = _md(o, d)
    return _cl(d) * (Ml - md) - vv(o, Ml + d["delta"], d["a"], d["k"]) + vv(o, md + d["delta"], d["a"], d["k"])


def _clamp16(o, d):
    cl, ch = _cl(d), _ch(d)
    lo = dv(o, mmax(o, cl, d["a"], d["k"], d["delta"]) + d["delta"], d["a"], d["k"])  # v'(m_low^max + Delta)
    hi = dv(o, _Mh(o, d) + d["delta"], d["a"], d["k"])
    return model.vmin(o, model.vmax(o, target_printed(o, cl, ch, d["p"]), lo), hi)


def _thr_printed(rho):
    return rho / (1 + rho)


def _thr_corrected(rho):
    return rho


def _q(d, thr):
    t = thr(d["rho"])
    out = _p(d, "a", "k", "w", "rho", "delta")
    out["p"] = t + d["q"] * (1 - t)
    return out


def _interior(o, d):
    dd = _p(d, "a", "k", "w", "rho", "delta")
    cl, ch = _cl(d), _ch(d)
    T = target_corrected(o, cl, ch, d["p"])
    if T <= 0:
        return False
    z = dv_inv(o, T, d["a"], d["k"]) - d["delta"]
    lo, hi = mmax(o, ch, d["a"], d["k"], d["delta"]), mmax(o, cl, d["a"], d["k"], d["delta"])
    gap = (hi - lo) / 20
    return lo + gap < z < hi - gap
