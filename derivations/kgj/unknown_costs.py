"""kgj App. D in numpy: mechanism (15) built pointwise and a brute-force search for the m_dn that
maximizes the expected data (1 - p) BR_high + p BR_low over mechanisms that are feasible and IR on a
grid.  Independent of (16), (17) and (21): the mechanism's middle pieces are min(line from A of slope
c_high + eps, line to D of slope c_low + eps), and best responses are grid argmaxes.
"""
from __future__ import annotations

import numpy as np

from ..errors import DomainError
from ..special import t_minus_log1p
from .values import exp_saturation


def _exp_family(a, k):
    """(v, v', m*) of the exponential family v(m) = a (1 - exp(-m/k)) (``values.exp_saturation``, m0 = 0)."""
    F = exp_saturation(a, k)
    return F.b, F.db, F.alpha_closed


def _largest_crossing(f, lo, hi, n=400001):
    xs = np.linspace(lo, hi, n)
    ok = np.nonzero(f(xs) >= 0)[0]
    return xs[ok[-1]]


def brute_force_down(a, k, c_low, c_high, p, delta, eps=1e-9, n_down=201, n_grid=40001):
    """Return (m_dn, m_high^max, m_low^max, E, E_of): the grid point m_dn maximizing the expected equilibrium
    data of mechanism (15), among mechanisms that are feasible (M <= v(m + Delta)) and IR (M >= v(m)),
    and E_of(m_dn), the expected data of one mechanism (-inf when it is not feasible or not IR)."""
    if not (0 < c_low < c_high < a / k):
        raise DomainError("need 0 < c_low < c_high < a/k (both individual optima m* > 0)")
    if not (0 < p < 1):
        raise DomainError(f"p (probability of low cost) must lie in (0, 1), got {p}")
    if not delta >= 0:
        raise DomainError(f"Delta m_-i must be >= 0, got {delta}")
    v, dv, mstar = _exp_family(a, k)
    mh, ml = mstar(c_high), mstar(c_low)
    Mh = _largest_crossing(lambda x: v(x + delta) - v(mh) - c_high * (x - mh), mh, mh + 2 * a / c_high)
    Ml = _largest_crossing(lambda x: v(x + delta) - v(ml) - c_low * (x - ml), ml, ml + 2 * a / c_low)
    x = np.linspace(0.0, 1.5 * Ml + 1.0, n_grid)

    def expected(md):
        L1 = v(mh) + (c_high + eps) * (x - mh)
        L2 = v(md + delta) - (c_low + eps) * (md - x)
        M = np.where(x <= mh, v(x), np.where(x <= md, np.minimum(L1, L2), v(x + delta)))
        if np.any(M > v(x + delta) + 1e-12) or np.any(M < v(x) - 1e-12):
            return -np.inf  # not feasible or not IR
        bh, bl = x[np.argmax(M - c_high * x)], x[np.argmax(M - c_low * x)]
        return (1 - p) * bh + p * bl

    mds = np.linspace(0.5 * Mh, 1.2 * Ml, n_down)
    Es = np.array([expected(md) for md in mds])
    j = int(np.argmax(Es))
    return mds[j], Mh, Ml, Es[j], expected


# ----------------------------------------------------------------------------- (15)-(17), (21) in numpy
# Exponential family v(m) = a (1 - exp(-m/k)), c_high = w a/k, c_low = rho c_high (derivations/kgj/appD.py's
# parametrization).  Roots by scipy's brentq on brackets (no closed form of (17) or of m^max is used).

def _check_d(a, k, w, rho, p, delta):
    if not (0 < a <= 1):
        raise DomainError(f"a = lim v must lie in (0, 1], got {a}")
    if not k > 0:
        raise DomainError(f"difficulty k must be > 0, got {k}")
    if not (0 < w < 1):
        raise DomainError(f"w = c_high k/a must lie in (0, 1) (so that m_high^* > 0), got {w}")
    if not (0 < rho < 1):
        raise DomainError(f"rho = c_low/c_high must lie in (0, 1), got {rho}")
    if not (0 < p < 1):
        raise DomainError(f"p (probability of low cost) must lie in (0, 1), got {p}")
    if not delta >= 0:
        raise DomainError(f"Delta m_-i must be >= 0, got {delta}")


def _g(y):
    """g(y) = -log(1 - y) - y >= 0 on [0, 1), without cancellation (``derivations.special``)."""
    return t_minus_log1p(-y)


def y_of_d(d):
    return _y_and_1my(d)[0]


def _y_and_1my(d):
    """(y, 1 - y), both to a few ulps (1 - y is the Newton unknown when y > 1/2).  The root y in [0, 1) of g(y) = -log(1 - y) - y = d (d >= 0), by Newton from a series guess.

    m^max of eq. (11) for the exponential family: with m* = k log(a/(k c)), v(m*) = a - k c, the larger
    crossing of v(x + Delta) = v(m*) + c (x - m*) is x = m* + k y with y + exp(-Delta/k) exp(-y) = 1,
    i.e. g(y) = Delta/k.  The root is well conditioned in d (relative condition d (1 - y)/y^2 <= 1/2),
    unlike the crossing x itself near its branch point, where brentq's bracket tolerance cost ~4-7 bits."""
    if not d >= 0:
        raise DomainError(f"Delta/k must be >= 0, got {d}")
    if d == 0:
        return 0.0, 1.0
    if d <= np.log(2) - 0.5:  # y <= 1/2: Newton on y
        y = min(np.sqrt(2 * d) * (1 - np.sqrt(2 * d) / 3), 0.5)
        for _ in range(30):
            step = (_g(y) - d) * (1 - y) / y
            y -= step
            y = min(max(y, 1e-300), 0.75)
            if abs(step) <= 1e-17 * y:
                break
        return float(y), float(1 - y)
    u = float(np.exp(-(d + 1)))  # u = 1 - y: -log(u) + u = d + 1, Newton on u
    for _ in range(60):
        f = -np.log(u) + u - (d + 1)
        step = f * u / (u - 1)
        u = min(max(u - step, 0.5 * u), 0.5)
        if abs(step) <= 1e-17 * u:
            break
    return float(1 - u), float(u)


def _check_c(a, k, c):
    if not (c > 0 and k * c < a):
        raise DomainError(f"need 0 < c < a/k (so that m* = k log(a/(k c)) > 0), got c = {c}, a/k = {a / k}")


def m_max_exp(a, k, c, delta):
    """m^max >= m*: the larger root of v(x + Delta) = v(m*) + c (x - m*) (eq. (11), §D.1 lines 640-646),
    in closed form k (log(a/(k c)) + y) with y = ``y_of_d(Delta/k)`` (see there)."""
    from .values import log_ratio
    _exp_family(a, k)
    _check_c(a, k, c)
    if not delta >= 0:
        raise DomainError(f"Delta m_-i must be >= 0, got {delta}")
    return float(k * (log_ratio(a, k, c) + y_of_d(delta / k)))


def _tau(rho, p, corrected):
    """T/c_high as a double-double: rho - p/(1 - p) = (rho - p - rho p)/(1 - p) (printed) or
    (rho - p)/(1 - p) (corrected), numerator and 1 - p formed error-free (eft)."""
    from ..eft import two_prod, two_sum
    sh, sl = two_sum(rho, -p)
    if corrected:
        nh, nl = float(sh), float(sl)
    else:
        rh, rl = two_prod(rho, p)
        nh, e = two_sum(sh, -rh)
        nh, nl = float(nh), float(e + (sl - rl))
    qh, ql = two_sum(1.0, -p)
    qh, ql = float(qh), float(ql)
    th = nh / qh
    ph, pl = two_prod(th, qh)
    tl = ((nh - float(ph)) - float(pl) + nl - th * ql) / qh
    return th, tl


_LN2_HI, _LN2_LO = 6.93147180369123816490e-01, 1.90821492927058770002e-10  # Cody-Waite split of log 2


def _log_tau_e_d(w, th, tl, delta, k):
    """-log(w tau exp(Delta/k)) without the cancellation of -log(w tau) against Delta/k (both ~ Delta/k
    when Delta >> k: the difference lost ~log2(Delta/m_dn) bits).  Delta/k = dh + dl (eft), exp(dh) =
    2^n exp(r) with r = dh - n log 2 (Cody-Waite), the product scaled by ldexp."""
    from ..eft import two_prod
    dh = delta / k
    ph, pl = two_prod(dh, k)
    dl = ((delta - float(ph)) - float(pl)) / k
    n = int(np.floor(dh / np.log(2)))
    r = (dh - n * _LN2_HI) - n * _LN2_LO
    P = np.ldexp(w * th * np.exp(r), n) * (1 + dl + tl / th)
    return float(-np.log(P))


def _m_down_parts(a, k, w, rho, p, delta, corrected=False):
    """(m_dn, which, (y, 1 - y), tau) with which in {'lo', 'hi', 'mid'} (the clamp that is active)."""
    _check_d(a, k, w, rho, p, delta)
    y, y1 = _y_and_1my(delta / k)
    th_ = -np.log(w)                       # log(a/(k c_high)) = log(1/w) exactly in the inputs
    lo, hi = k * (th_ + y), k * ((th_ - np.log(rho)) + y)
    tau_h, tau_l = _tau(rho, p, corrected)
    if tau_h <= 0:
        return hi, "hi", (y, y1), (tau_h, tau_l)
    mid = k * _log_tau_e_d(w, tau_h, tau_l, delta, k)
    if mid <= lo:
        return float(lo), "lo", (y, y1), (tau_h, tau_l)
    if mid >= hi:
        return float(hi), "hi", (y, y1), (tau_h, tau_l)
    return float(mid), "mid", (y, y1), (tau_h, tau_l)


def m_down(a, k, w, rho, p, delta, corrected=False):
    """(21): min(max(b'^{-1}(T) - Delta, m_high^max), m_low^max), T = c_low - p c_high/(1 - p) as printed,
    or (c_low - p c_high)/(1 - p) with ``corrected`` (T <= 0: b'^{-1}(T) = +inf).  With c_high = w a/k:
    b'^{-1}(T) - Delta = -k log(w tau exp(Delta/k)), tau = T/c_high; m^max = k (log(a/(k c)) + y)."""
    return _m_down_parts(a, k, w, rho, p, delta, corrected)[0]


def _phi(u):
    """1 + rho log(rho)/(1 - rho) with u = 1 - rho: sum_{n>=2} u^(n-1)/(n (n-1)) below u = 1/2 (the direct form
    cancels as rho -> 1)."""
    if u >= 0.5:
        rho = 1 - u
        return float(1 + rho * np.log(rho) / u)
    tot, term = 0.0, u
    for n in range(2, 70):
        tot += term / (n * (n - 1))
        term *= u
    return tot


def m_up_root(a, k, w, rho, p, delta, eps=0.0, md=None):
    """(17): the crossing m_up of the slope-(c_high + eps) line from A = (m_high^*, v(m_high^*)) and the
    slope-(c_low + eps) line through D = (m_dn, v(m_dn + Delta)).

    Solved in closed form without subtracting the two lines: with z = (m_dn + Delta - m_high^*)/k,
      m_up = m_dn - k [h(z) - Delta/k + (eps/c_high)(z - Delta/k)]/(1 - rho),  h(z) = exp(-z) - 1 + z,
    and the bracket per active clamp of (21): 0 at m_dn = m_high^max (plus the eps term), (1 - rho)(y + ...)
    at m_low^max (m_up = k(log(1/w) + phi(rho)) there), and v y + g(v) (v = 1 - tau/(1 - y), both terms >= 0)
    in between.  m_up's condition number in m_dn is |exp(-z) - rho|/(1 - rho) (up to rho/(1 - rho)):
    see docs/audit_exceptions.md.  ``md`` given: the generic form with that m_dn."""
    _check_d(a, k, w, rho, p, delta)
    u = 1 - rho
    d = delta / k
    th_ = -np.log(w)
    ch = w * a / k
    e_ch = eps / ch
    if md is not None:
        z = (md + delta) / k - th_
        h = float(np.exp(-z) - 1 + z)
        return float(md - k * ((h - d) + e_ch * (z - d)) / u)
    md, which, (y, y1), (tau_h, tau_l) = _m_down_parts(a, k, w, rho, p, delta)
    if which == "lo":                       # h(z) = d exactly; z - d = y
        return float(md - k * (e_ch * y) / u)
    if which == "hi":                       # z - d = y - log(rho)
        return float(k * ((th_ + _phi(u)) - e_ch * (y - np.log(rho)) / u))
    v = (y1 - tau_h - tau_l) / y1  # 1 - r, r = tau/(1 - y) in [rho, 1]
    B = v * y + _g(v)
    zd = md / k - th_                        # z - d
    return float(md - k * (B + e_ch * zd) / u)


def mechanism15(x, a, k, w, rho, p, delta, eps=0.0):
    """(15) for agent i contributing x while the others contribute Delta in total."""
    v, _, mstar = _exp_family(a, k)
    ch = w * a / k
    cl = rho * ch
    mh = mstar(ch)
    md = m_down(a, k, w, rho, p, delta)
    mu = m_up_root(a, k, w, rho, p, delta, eps)
    if x <= mh:
        return float(v(x))
    if x <= mu:
        return float(v(mh) + (ch + eps) * (x - mh))
    if x <= md:
        return float(v(md + delta) - (cl + eps) * (md - x))
    return float(v(x + delta))


def expected_data(a, k, w, rho, p, delta):
    """§D / (22): the expected contribution (1 - p) m_up + p m_dn of agent i under (15) (eps -> 0)."""
    md = m_down(a, k, w, rho, p, delta)
    return (1 - p) * m_up_root(a, k, w, rho, p, delta, 0.0) + p * md


def class_optimum_grid(a, k, c_low, c_high, p, delta, n=1201):
    """Brute force over *all* feasible, IR mechanisms (revelation principle: a mechanism is judged by the
    two points it induces, I = (x_h, M_h) for the high type and J = (x_l, M_l) for the low type): the
    largest (1 - p) x_h + p x_l over a grid of (x_h, x_l) such that some M_h, M_l satisfy
      feasibility  M_h <= v(x_h + Delta), M_l <= v(x_l + Delta),
      IR           M_h - c_high x_h >= u_high^*,  M_l - c_low x_l >= u_low^*  (contributing m* alone),
      IC           c_low (x_l - x_h) <= M_l - M_h <= c_high (x_l - x_h).
    Any such pair is implemented by M(m) = max(v(m), M_h [m >= x_h], M_l [m >= x_l]) (feasible, IR).
    Returns (E, x_h, x_l)."""
    v, _, mstar = _exp_family(a, k)
    mh, ml = mstar(c_high), mstar(c_low)
    uh, ul = v(mh) - c_high * mh, v(ml) - c_low * ml
    top = m_max_exp(a, k, c_low, delta) * 1.02 + 0.1
    xs = np.linspace(0.0, top, n)
    XH, XL = xs[:, None], xs[None, :]
    Lh, Uh = uh + c_high * XH, v(XH + delta)  # M_h range
    Ll, Ul = ul + c_low * XL, v(XL + delta)  # M_l range
    d = XL - XH
    # M_l - M_h ranges over [Ll - Uh, Ul - Lh]; it must meet [c_low d, c_high d]
    ok = (Lh <= Uh) & (Ll <= Ul) & (d >= 0) & (Ll - Uh <= c_high * d) & (Ul - Lh >= c_low * d)
    E = np.where(ok, (1 - p) * XH + p * XL, -np.inf)
    j = np.unravel_index(np.argmax(E), E.shape)
    return float(E[j]), float(xs[j[0]]), float(xs[j[1]])
