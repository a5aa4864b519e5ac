"""kgj App. D in numpy: mechanism (15) built pointwise and a brute-force search for the m_dn that
maximizes the expected data (1 - p) BR_high + p BR_low over mechanisms that are feasible and IR on a
grid.  Independent of (16), (17) and (21): the mechanism's middle pieces are min(line from A of slope
c_high + eps, line to D of slope c_low + eps), and best responses are grid argmaxes.
"""
from __future__ import annotations

import numpy as np

from ..errors import DomainError


def _exp_family(a, k):
    if not (0 < a <= 1):
        raise DomainError(f"a = lim v must lie in (0, 1], got {a}")
    if not k > 0:
        raise DomainError(f"difficulty k must be > 0, got {k}")
    v = lambda m: a * -np.expm1(-np.asarray(m, float) / k)
    dv = lambda m: a / k * np.exp(-np.asarray(m, float) / k)
    mstar = lambda c: k * np.log(a / (k * c))
    return v, dv, mstar


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


def m_max_exp(a, k, c, delta):
    """m^max >= m*: the larger root of v(x + Delta) = v(m*) + c (x - m*) (eq. (11), §D.1 lines 640-646)."""
    from scipy.optimize import brentq
    v, _, mstar = _exp_family(a, k)
    ms = mstar(c)
    g = lambda x: float(v(x + delta) - v(ms) - c * (x - ms))
    hi = ms + a / c + 1.0  # v <= a: the line is above v beyond
    if g(ms) <= 0:
        return ms
    return brentq(g, ms, hi, xtol=1e-15, rtol=4 * np.finfo(float).eps, maxiter=500)


def m_down(a, k, w, rho, p, delta, corrected=False):
    """(21): min(max(b'^{-1}(T) - Delta, m_high^max), m_low^max), T = c_low - p c_high/(1 - p) as printed,
    or (c_low - p c_high)/(1 - p) with ``corrected`` (T <= 0: b'^{-1}(T) = +inf)."""
    _check_d(a, k, w, rho, p, delta)
    ch = w * a / k
    cl = rho * ch
    lo, hi = m_max_exp(a, k, ch, delta), m_max_exp(a, k, cl, delta)
    T = (cl - p * ch) / (1 - p) if corrected else cl - p / (1 - p) * ch
    if T <= 0:
        return hi
    return min(max(k * np.log(a / (k * T)) - delta, lo), hi)


def m_up_root(a, k, w, rho, p, delta, eps=0.0, md=None):
    """(17): the crossing of the slope-(c_high + eps) line from A = (m_high^*, v(m_high^*)) and the
    slope-(c_low + eps) line through D = (m_dn, v(m_dn + Delta)), by a bracketed root."""
    from scipy.optimize import brentq
    _check_d(a, k, w, rho, p, delta)
    v, _, mstar = _exp_family(a, k)
    ch = w * a / k
    cl = rho * ch
    mh = mstar(ch)
    md = m_down(a, k, w, rho, p, delta) if md is None else md
    g = lambda x: float(v(mh) + (ch + eps) * (x - mh) - (v(md + delta) - (cl + eps) * (md - x)))
    lo, hi = mh - 1.0, md + 1.0
    while g(lo) > 0:
        lo -= 2 * (md - lo + 1)
    return brentq(g, lo, hi, xtol=1e-15, rtol=4 * np.finfo(float).eps, maxiter=500)


def mechanism15(x, a, k, w, rho, p, delta, eps=0.0):
    """(15) for agent i contributing x while the others contribute Delta in total."""
    v, _, mstar = _exp_family(a, k)
    ch = w * a / k
    cl = rho * ch
    mh = mstar(ch)
    md = m_down(a, k, w, rho, p, delta)
    mu = m_up_root(a, k, w, rho, p, delta, eps, md)
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
    return (1 - p) * m_up_root(a, k, w, rho, p, delta, 0.0, md) + p * md


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
