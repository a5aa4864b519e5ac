"""kgj App. D / H, remaining rows: §D's information structure (expected data), §D.1's definitions and
(15), (17), (20), (21); the utility slopes of the proof of Theorem VII (lines 848-855); Theorem VII's
optimality over *all* feasible IR mechanisms and the proof's lines 865-874; the proof of Theorem VIII.

Setting and notation of derivations/kgj/appD.py (exponential value, c_high = w a/k, c_low = rho c_high,
Delta = the others' data, REGIME).  numpy counterparts: derivations/kgj/unknown_costs.py (brentq roots).

Optimality over the mechanism class.  By the revelation principle a mechanism matters to agent i only
through the points it induces for the two types, I = (x_h, M_h) and J = (x_l, M_l); the constraints are
feasibility M <= v(x + Delta), IR (each type gets at least its utility alone, u^*), and incentive
compatibility between the types; conversely M(m) = max(v(m), M_h [m >= x_h], M_l [m >= x_l]) is feasible
and IR and induces them.  ``class_optimum`` maximizes (1 - p) x_h + p x_l over this class: for each x_h
(with M_h = u_high^* + c_high x_h, the least value that keeps the high type) the largest x_l has
v(x_l + Delta) = B + c_low x_l, B = max(M_h - c_low x_h, u_low^*) (Lambert W for the exponential value),
then a golden-section search over x_h in [0, m_high^max].  It never uses (16), (17) or (21).
tests/test_kgj_unknown_costs.py brute-forces the same class on a 2-D grid (numpy).

ERRATUM (Theorem VII, 'mechanism (15) maximizes the expected amount of data'): with m_dn of (16)/(21)
as printed, (15) collects less than the best feasible IR mechanism; with the corrected stationary point
b'(m_dn + Delta) = (c_low - p c_high)/(1 - p) (kgj.thm7-proof-stationary) it attains the optimum.
"""
from derivations.claims import Claim, Effort, Erratum, Given, Implementation, Var
from derivations.domains import Real
from derivations.statements import AllOf, Compare, Defines, Equal

from . import appD, model, unknown_costs
from .appD import EFFORT, EPS_SMALL, REGIME, SEARCH, VARS, a, delta, eps, k, p, rho, w, x

t = Var("t", Real(0, 1), "position on a piece: x = left + t (right - left)")


def _d(d, *names):
    return {n: d[n] for n in names}


P6 = ("a", "k", "w", "rho", "p", "delta")


def _costs(d):
    return appD._cl(d), appD._ch(d)


_CLASS: dict = {}


def class_optimum(o, a, k, w, rho, p, delta):
    """max over all feasible IR mechanisms of (1 - p) x_h + p x_l (module docstring); memoized per precision
    (kgj.thm7-optimal-class and kgj.thm7-proof-form share instances)."""
    ctx = model._mp(o)
    key = (ctx.prec, a, k, w, rho, p, delta)
    if key not in _CLASS:
        _CLASS[key] = _class_optimum(o, ctx, a, k, w, rho, p, delta)
    return _CLASS[key]


def _class_optimum(o, ctx, a, k, w, rho, p, delta):
    cl, ch = appD.costs(o, a, k, w, rho)
    mh, ml = appD.mstar(o, ch, a, k), appD.mstar(o, cl, a, k)
    uh = appD.vv(o, mh, a, k) - ch * mh
    ul = appD.vv(o, ml, a, k) - cl * ml
    top = appD.mmax(o, ch, a, k, delta)

    def x_low(xh):
        B = max(uh + (ch - cl) * xh, ul)
        A1 = (a - B + cl * delta) / cl
        q = a / (cl * k) * ctx.exp(-A1 / k)
        if q > 1 / ctx.e:
            return None  # the slope-c_low line from the IC/IR bound never meets v(. + Delta)
        return A1 + k * ctx.re(ctx.lambertw(-q)) - delta  # the larger crossing (principal branch)

    def obj(xh):
        xl = x_low(xh)
        if xl is None or xl < xh:
            return ctx.mpf("-inf")
        return (1 - p) * xh + p * xl

    return model.golden_max(o, obj, 0 * a, top, kink=True)


def _printed_E(o, **d):
    return appD.expected(o, appD._md(o, d), **d)


def _corrected_E(o, **d):
    return appD.expected(o, appD._md(o, d, appD.target_corrected), **d)


def _class(o, **d):
    return class_optimum(o, **_d(d, *P6))


def _np_m_dn(a, k, w, rho, p, delta):
    return unknown_costs.m_down(a, k, w, rho, p, delta)


def _np_mech(x, a, k, w, rho, p, delta, eps):
    return unknown_costs.mechanism15(x, a, k, w, rho, p, delta, eps)


def _clamp16(o, d):
    """(16)'s clamped slope with exact min/max (appD._clamp16 uses (x + y -+ |x - y|)/2, which rounds a
    slope of 1e-25 next to one of order 1 to 0 at 20 digits)."""
    cl, ch = _costs(d)
    lo = appD.dv(o, appD.mmax(o, cl, d["a"], d["k"], d["delta"]) + d["delta"], d["a"], d["k"])
    hi = appD.dv(o, appD._Mh(o, d) + d["delta"], d["a"], d["k"])
    return min(max(appD.target_printed(o, cl, ch, d["p"]), lo), hi)


def _slope(o, d, c):
    """d/dx of (15) minus c at x (eps from d): piecewise, at the point x."""
    cl, ch = _costs(d)
    e = d["eps"]
    xx = d["x"]
    mh, mu, md = appD._mh(o, d), appD._mu(o, d), appD._md(o, d)
    if xx < mh:
        dm = appD.dv(o, xx, d["a"], d["k"])
    elif xx < mu:
        dm = ch + e
    elif xx < md:
        dm = cl + e
    else:
        dm = appD.dv(o, xx + d["delta"], d["a"], d["k"])
    return dm - c


def _high_flat(o, **d):
    mh, mu = appD._mh(o, d), appD._mu(o, d, 0 * d["a"])
    xx = mh + d["t"] * (mu - mh)
    return appD.mechanism(o, xx, appD._md(o, d), **_d(d, "a", "k", "w", "rho", "delta"), eps=0 * d["a"]) \
        - appD._ch(d) * xx


def _low_flat(o, **d):
    mu, md = appD._mu(o, d, 0 * d["a"]), appD._md(o, d)
    xx = mu + d["t"] * (md - mu)
    return appD.mechanism(o, xx, md, **_d(d, "a", "k", "w", "rho", "delta"), eps=0 * d["a"]) - appD._cl(d) * xx


def _low_at_D(o, **d):
    md = appD._md(o, d)
    return appD.vv(o, md + d["delta"], d["a"], d["k"]) - appD._cl(d) * md


REGION = (Var("p", Real(0.2, 0.6), "P(low cost)"), Var("rho", Real(0.4, 0.8), "c_low/c_high"),
          Var("delta", Real(0.05, 1.0), "Delta m_{-i}"))
CLASS = Effort(examples=0.15, ladder=(20, 30))

CLAIMS = (
    Claim(
        id="kgj.secd-expected-data", label="§D lines 612–617", section="D", kind="definition",
        latex=r"c_i=\underline c \text{ w.p. } p_i,\ \bar c \text{ w.p. } 1-p_i:\ "
              r"\mathbb E_c[m_i^{\mathcal M}]=(1-p_i)m_i^\uparrow+p_im_i^\downarrow",
        statement=Defines(_printed_E),
        variables=VARS, given=(REGIME,), symbolic=None, effort=EFFORT,
        implementations=(Implementation(unknown_costs.expected_data, _printed_E, max_bits=3.0,
                                        name="unknown_costs.expected_data"),),
        notes="The server knows only the two-point prior: the expected contribution of agent i under (15) is the "
              "equilibrium contribution of each type weighted by its probability (eps -> 0). numpy (brentq roots "
              "of (17) and m^max) cross-checked against the formula (closed-form (17), bracketed m^max).",
    ),
    Claim(
        id="kgj.secd1-order", label="§D.1 lines 619–621", section="D.1", kind="definition",
        latex=r"\bar m^*\le m_i^\uparrow\le m_i^\downarrow",
        statement=Compare(lambda o, **d: model.vmin(o, appD._mu(o, d) - appD._mh(o, d), appD._md(o, d) - appD._mu(o, d)),
                          ">=", 0),
        variables=VARS + (eps,), given=(REGIME, EPS_SMALL), symbolic=None, effort=EFFORT,
        notes="min(m_up - m_high^*, m_dn - m_up) >= 0 for (15) with m_dn of (21) and small eps. The printed "
              "'an agent with low cost generate[s] m-bar^* ... (and correspondingly define m-bar^* for a high-cost "
              "agent)' lost the under-bar in extraction: m_low^* (low cost) and m_high^* (high cost).",
    ),
    Claim(
        id="kgj.eq15-definition", label="eq. (15)", section="D.1", kind="algorithm",
        latex=r"[\mathcal M(\mathbf m)]_i=v(m_i),\ v(\bar m^*)+(\bar c+\varepsilon)(m_i-\bar m^*),\ "
              r"v(m_i^\downarrow+\textstyle\sum_{j\ne i}m_j)-(\underline c+\varepsilon)(m_i^\downarrow-m_i),\ "
              r"v(\textstyle\sum_jm_j)",
        statement=Defines(lambda o, **d: appD._mech(o, d)),
        variables=VARS + (x, eps), given=(REGIME, EPS_SMALL), symbolic=None, effort=EFFORT,
        implementations=(Implementation(_np_mech, lambda o, **d: appD._mech(o, d), max_bits=3.0,
                                        scale=lambda o, a, **_: a, name="unknown_costs.mechanism15"),),
        notes="numpy (15) with m_dn of (21) and m_up as a brentq root of the two lines' difference, cross-checked "
              "against the formula (closed-form (17)); errors measured against a = sup v.",
    ),
    Claim(
        id="kgj.eq20-restates-15", label="(20)", section="H", kind="algorithm",
        latex=r"\text{(20) restates (15)}", statement=AllOf(("kgj.eq15-definition",)),
        notes="(20) is printed identically to (15) (checked by comparing the two displays).",
    ),
    Claim(
        id="kgj.eq17-crossing", label="eq. (17)", section="D.1", kind="identity",
        latex=r"v(m_i^\downarrow+\textstyle\sum_{j\ne i}m_j)-(\underline c+\varepsilon)(m_i^\downarrow-m_i^\uparrow)"
              r"=v(\bar m^*)+(\bar c+\varepsilon)(m_i^\uparrow-\bar m^*)",
        statement=Equal(lambda o, **d: appD.vv(o, appD._md(o, d) + d["delta"], d["a"], d["k"])
                        - (appD._cl(d) + d["eps"]) * (appD._md(o, d) - appD._mu(o, d)),
                        lambda o, **d: appD.vv(o, appD._mh(o, d), d["a"], d["k"])
                        + (appD._ch(d) + d["eps"]) * (appD._mu(o, d) - appD._mh(o, d))),
        variables=VARS + (eps,), given=(REGIME,), symbolic=None, effort=EFFORT,
        implementations=(Implementation(lambda a, k, w, rho, p, delta, eps: unknown_costs.m_up_root(a, k, w, rho, p, delta, eps),
                                        lambda o, **d: appD._mu(o, d), max_bits=3.5,
                                        name="unknown_costs.m_up_root"),),
        notes="m_up (closed-form solution of the linear equation (17)) satisfies both sides; numpy finds the crossing "
              "of the two lines by a bracketed root (brentq) instead.",
    ),
    Claim(
        id="kgj.secd1-mmax-high", label="§D.1 lines 640–646", section="D.1", kind="definition",
        latex=r"v(\bar m^{\max}+\Delta m_{-i})=v(\bar m^*)+\bar c(\bar m^{\max}-\bar m^*)",
        statement=Equal(lambda o, **d: appD.vv(o, appD._Mh(o, d) + d["delta"], d["a"], d["k"]),
                        lambda o, **d: appD.vv(o, appD._mh(o, d), d["a"], d["k"])
                        + appD._ch(d) * (appD._Mh(o, d) - appD._mh(o, d))),
        variables=(a, k, w, delta), symbolic=None, effort=EFFORT,
        implementations=(Implementation(lambda a, k, w, delta: unknown_costs.m_max_exp(a, k, w * a / k, delta),
                                        # the reference at the cost c the kernel receives (w a / k rounded
                                        # to double): m^max's condition in c reaches ~8 at w -> 1
                                        lambda o, a, k, w, delta: appD.mmax(o, o.num(float(w) * float(a) / float(k)),
                                                                            a, k, delta), max_bits=2.0,
                                        name="unknown_costs.m_max_exp"),),
        notes="m_high^max (largest root, model.m_max) solves its defining equation; numpy brentq on the same bracket "
              "cross-checked. m_low^max is defined 'correspondingly' (same code with c_low).",
    ),
    Claim(
        id="kgj.eq21-m-down", label="eq. (21)", section="H", kind="identity",
        latex=r"m_i^\downarrow=\min\big(\max\big(b'^{-1}\big(\underline c-\tfrac{p_i}{1-p_i}\bar c\big)-\Delta m_{-i},"
              r"\bar m^{\max}\big),\underline m^{\max}\big)",
        statement=Equal(lambda o, **d: appD._md(o, d),
                        lambda o, **d: appD.dv_inv(o, _clamp16(o, d), d["a"], d["k"]) - d["delta"]),
        variables=VARS, given=(REGIME,), symbolic=None, effort=EFFORT,
        implementations=(Implementation(_np_m_dn, lambda o, **d: appD._md(o, d), max_bits=2.0,
                                        name="unknown_costs.m_down"),),
        notes="(21) as printed equals b'^{-1} of (16)'s clamped slope minus Delta (the clamp commutes with the "
              "decreasing b'^{-1}). Whether this point is optimal: kgj.eq22-optimal, kgj.thm7-optimal-class (errata).",
    ),
    Claim(
        id="kgj.thm7-proof-slope-high", label="proof of Theorem VII, lines 848–855", section="H", kind="equilibrium",
        latex=r"u_i'(m_i)=\partial[\mathcal M]_i/\partial m_i-\bar c>0 \text{ for } m_i\le m_i^\uparrow,\ "
              r"=\underline c+\varepsilon-\bar c<0 \text{ beyond}",
        statement=Compare(lambda o, **d: _slope(o, d, appD._ch(d)) * (appD._mu(o, d) - d["x"]), ">=", 0),
        variables=VARS + (x, eps), given=(REGIME, EPS_SMALL), symbolic=None, effort=EFFORT,
        notes="The high-cost utility slope under (15) (piecewise derivative) has the sign of m_up - x.",
    ),
    Claim(
        id="kgj.thm7-proof-slope-low", label="proof of Theorem VII, lines 848–855", section="H", kind="equilibrium",
        latex=r"u_i'(m_i)>0 \text{ for } m_i<m_i^\downarrow \text{ and negative after (low cost)}",
        statement=Compare(lambda o, **d: _slope(o, d, appD._cl(d)) * (appD._md(o, d) - d["x"]), ">=", 0),
        variables=VARS + (x, eps), given=(REGIME, EPS_SMALL), symbolic=None, effort=EFFORT,
        notes="The low-cost utility slope under (15) has the sign of m_dn - x (needs REGIME past m_dn).",
    ),
    Claim(
        id="kgj.thm7-optimal-class", label="Theorem VII", section="D.2", kind="optimality",
        latex=r"\textstyle\sum_j(1-p_j)m_j^\uparrow+p_jm_j^\downarrow=\max_{\mathcal M}\{\sum_j\mathbb E_c[m_j^{\mathcal M}]:"
              r"\ \mathcal M\text{ feasible and IR}\}",
        statement=Equal(_printed_E, _class),
        variables=VARS, given=(REGIME,), symbolic=None, effort=CLASS,
        erratum=Erratum(
            corrected=Equal(_corrected_E, _class),
            corrected_latex=r"\text{with } b'(m_i^\downarrow+\Delta m_{-i})=\frac{\underline c-p_i\bar c}{1-p_i}"
                            r"\text{ (clamped to }[\bar m^{\max},\underline m^{\max}]),\ (15)\text{ attains the maximum}",
            explanation="Per agent, the maximum over all feasible IR mechanisms (revelation principle; Lambert-W "
                        "crossing + golden-section search, module docstring) exceeds the expected data of (15) with "
                        "the printed m_dn of (16)/(21) when the corrected D is interior; with the corrected "
                        "stationary point (kgj.thm7-proof-stationary) (15) attains it. Second method: "
                        "tests/test_kgj_unknown_costs.py brute-forces the class on a 2-D grid of (x_h, x_l) (numpy).",
            region=REGION,
            region_given=(Given("the corrected D is strictly inside (m_high^max, m_low^max)",
                                lambda o, **d: appD._interior(o, d)),)),
        notes="Agent by agent (Delta fixed; the sum over j follows). eps -> 0.",
    ),
    Claim(
        id="kgj.thm7-proof-form", label="proof of Theorem VII, lines 865–874", section="H", kind="optimality",
        latex=r"\text{any data-maximizing mechanism has the form (15) for some choice of } m_i^\downarrow",
        statement=Equal(lambda o, **d: appD.best_expected(o, **_d(d, *P6)), _class),
        variables=VARS, given=(REGIME,), symbolic=None, effort=CLASS,
        notes="The best member of the family (15) (golden-section search over m_dn in [m_high^max, m_low^max]) "
              "collects as much expected data as the best feasible IR mechanism of any form (class_optimum).",
    ),
    Claim(
        id="kgj.thm8-proof-high-flat", label="proof of Theorem VIII, lines 880–884", section="H", kind="identity",
        latex=r"\partial[\mathcal M]_i/\partial m_i-\bar c=0 \text{ on } [\bar m^*,m_i^\uparrow]:\ "
              r"u_i=v(\bar m^*)-\bar c\bar m^*",
        statement=Equal(_high_flat, lambda o, **d: appD.vv(o, appD._mh(o, d), d["a"], d["k"])
                        - appD._ch(d) * appD._mh(o, d)),
        variables=VARS + (t,), given=(REGIME,), symbolic=None, effort=EFFORT,
        notes="eps -> 0 (eps = 0). The printed interval '[c-bar^*, c_i^up]' is a typo for [m_high^*, m_up].",
    ),
    Claim(
        id="kgj.thm8-proof-low-flat", label="proof of Theorem VIII, lines 880–884", section="H", kind="identity",
        latex=r"\partial[\mathcal M]_i/\partial m_i-\underline c=0 \text{ on } [m_i^\uparrow,m_i^\downarrow]",
        statement=Equal(_low_flat, _low_at_D),
        variables=VARS + (t,), given=(REGIME,), symbolic=None, effort=EFFORT,
        notes="The low-cost utility under (15) (eps = 0) is constant on [m_up, m_dn], equal to its value at D; "
              "the difference with working alone is kgj.thm8-low-rent.",
    ),
    Claim(
        id="kgj.secd1-best-contributions", label="§D.1 lines 623–639", section="D.1", kind="structural",
        latex=r"\underline m^*\ge\bar m^*;\ m_i^\uparrow \text{ best for a high-cost agent, } m_i^\downarrow "
              r"\text{ for a low-cost agent}",
        statement=AllOf(("kgj.thm1-monotone-m.exp", "kgj.thm7-eq-high", "kgj.thm7-eq-low")),
        notes="The printed 'm-bar^* >= m-bar^*' lost an under-bar (m_low^* >= m_high^* since c_low <= c_high). "
              "The choice of C and D 'to maximize the expected contribution' is kgj.eq22-optimal (erratum).",
    ),
)
