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
