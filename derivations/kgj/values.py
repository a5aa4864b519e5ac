"""kgj §2 in numpy: value-function families of eq. (1) and the individual optimum m* of
Theorem I / eq. (4), in closed form where one exists and by a bracketed root otherwise.

Families (parameters a = lim v in (0, 1], difficulty k > 0, offset m0 >= 0):
  erm   b(m) = a - sqrt(k/m)                    (generalization bound, [38, Thm 11.8])
  sqrt  b(m) = a (1 - sqrt(k/(m + k)))          (sqrt(k/m)-type, saturating, v(0) = 0)
  exp   b(m) = a (1 - exp(-(m - m0)/k))         (exponential saturation)
  pwl   b(m) = min(a (m - m0)/k, a)             (piecewise-linear concave)
``general_value(b, db)`` wraps any other b after checking eq. (1) on a grid.
Bad input raises DomainError naming the violated condition (never NaN).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from ..errors import DomainError


def _pos(name, x, allow_zero=False):
    x = float(x)
    if not np.isfinite(x):
        raise DomainError(f"{name} must be finite (got {x})")
    if x < 0 or (x == 0 and not allow_zero):
        raise DomainError(f"{name} must be {'>= 0' if allow_zero else '> 0'} (got {x})")
    return x


def check_cost(c):
    """eq. (2): the marginal cost c_i must be > 0."""
    return _pos("cost c (eq. (2) requires c_i > 0)", c)


@dataclass(frozen=True)
class ValueFunction:
    """v = max(0, b) with b' = db; ``alpha(c)`` a closed form of b'(alpha) = c (or None),
    ``m_v`` the viability point (b(m_v) = 0), ``kink`` True for piecewise-linear b."""

    name: str
    b: Callable
    db: Callable
    m_v: float
    alpha_closed: Callable | None = None
    sup: float = 1.0  # lim_{m->inf} v(m)
    kink: float | None = None
    m_star_closed: Callable | None = None  # Theorem I's m*(c) in a stable closed form (overrides the generic path)

    def v(self, m):
        m = np.asarray(m, dtype=float)
        if np.any(m < 0) or np.isnan(m).any():
            raise DomainError("dataset size m must be >= 0 (v is defined on R_{>=0})")
        with np.errstate(divide="ignore"):
            return np.maximum(0.0, self.b(m))

    def u(self, m, c):
        """eq. (3): u(m) = v(m) - c m."""
        c = check_cost(c)
        return self.v(m) - c * np.asarray(m, dtype=float)

    def alpha(self, c):
        """b'(alpha) = c: closed form if known, else a bracketed root of the decreasing b' - c."""
        c = check_cost(c)
        if self.alpha_closed is not None:
            return float(self.alpha_closed(c))
        return alpha_by_root(self.db, c, self.m_v)

    def optimal_contribution(self, c):
        """Theorem I / eq. (4): m* = 0 if max u <= 0, else alpha with b'(alpha) = c."""
        c = check_cost(c)
        if self.m_star_closed is not None:
            return float(self.m_star_closed(c))
        if self.kink is None and self.db(self.m_v if self.m_v > 0 else 0.0) <= c:
            return 0.0  # Case 1: b' <= c on [m_v, inf)
        al = self.alpha(c)
        if al <= self.m_v:
            return 0.0
        ua = float(self.b(np.float64(al))) - c * al
        return al if ua > 0 else 0.0


def alpha_by_root(db, c, lo):
    """Bracketed root of db(m) = c on [lo, inf) for non-increasing db (bisection to 1 ulp)."""
    lo = float(lo)
    if db(lo if lo > 0 else 0.0) < c:
        raise DomainError("no root of b'(m) = c: b'(m_v) < c (the agent's optimum is m* = 0)")
    hi = max(1.0, 2 * lo)
    while db(hi) > c:
        hi *= 2
        if hi > 1e300:
            raise DomainError("no root of b'(m) = c: b' stays above c (b must be bounded, v <= 1)")
    while True:
        mid = 0.5 * (lo + hi)
        if not (lo < mid < hi):
            return hi if abs(db(hi) - c) < abs(db(lo) - c) else lo
        if db(mid) > c:
            lo = mid
        else:
            hi = mid


def _check_params(a, k, m0):
    a = float(a)
    if not (0 < a <= 1):
        raise DomainError(f"a = lim v must lie in (0, 1] (v maps into [0, 1], lim v > 0), got {a}")
    return a, _pos("difficulty k", k), _pos("offset m0", m0, allow_zero=True)


def erm(a, k):
    a, k, _ = _check_params(a, k, 0.0)
    return ValueFunction("erm", lambda m: a - np.sqrt(k / m), lambda m: np.sqrt(k) / (2 * m * np.sqrt(m)),
                         k / a**2, lambda c: np.cbrt(k / (4 * c * c)), a)


def sat(m, a, k):
    """a (1 - sqrt(k/(m + k))) = -a expm1(-log1p(m/k)/2): no cancellation when m << k (the printed
    form loses up to ~7 bits there; scripts/audit_kernels.py)."""
    return -a * np.expm1(-0.5 * np.log1p(np.asarray(m, dtype=float) / k))


def sat_marginal(s, dm, a, k):
    """v(s + dm) - v(s) for v = ``sat``, without subtracting: a sqrt(k) dm / (sqrt(A) sqrt(B) (sqrt(A) + sqrt(B)))
    with A = s + k, B = s + dm + k (sqrt(B) - sqrt(A) = dm / (sqrt(A) + sqrt(B)))."""
    rA, rB = np.sqrt(s + k), np.sqrt(s + dm + k)
    return a * np.sqrt(k) * dm / (rA * rB * (rA + rB))


def _sqrt_alpha(a, k, c):
    """b'(alpha) = c for b = ``sat``: alpha = (a sqrt(k)/(2c))^(2/3) - k = k (y^2 - 1), y = r^(1/3),
    r = a/(2 c k).  r and y are carried as double-double (error-free products, ``derivations.eft``, and
    one Newton step for the cube root), so y^2 - 1 has no cancellation error near the corner alpha = 0
    (the printed form lost ~9 bits there; a plain cbrt(r)^2 - 1 still 2.7 bits away from it)."""
    from ..eft import two_prod
    ph, pl = two_prod(2 * c, k)                       # 2 c k = ph + pl exactly
    rh = a / ph
    th, tl = two_prod(rh, ph)
    rl = ((a - th) - tl - rh * pl) / ph               # r = rh + rl to ~eps^2
    y = np.cbrt(rh)
    y2h, y2l = two_prod(y, y)
    y3h, e = two_prod(y2h, y)
    res = (y3h - rh) + (e + y2l * y - rl)             # y^3 - r
    yl = -res / (3 * y * y)                           # r^(1/3) = y + yl
    sh, sl = two_prod(y, y)
    return k * (((sh - 1) + sl) + 2 * y * yl)


def sqrt_saturating(a, k):
    a, k, _ = _check_params(a, k, 0.0)
    return ValueFunction("sqrt", lambda m: sat(m, a, k),
                         lambda m: a * np.sqrt(k) / (2 * (m + k) * np.sqrt(m + k)), 0.0,
                         lambda c: _sqrt_alpha(a, k, c), a)


def log_ratio(a, k, c):
    """log(a/(k c)) to a few ulps, also when a/(k c) is near 1 (the plain log(a/(k*c)) has an absolute
    error ~eps from rounding k c and the quotient, i.e. an unbounded relative error as the log -> 0:
    scripts/audit_kernels.py found 7.2 bits, 40 bits in the corner c -> a/k).  k c = ph + pl exactly
    (``derivations.eft.two_prod``); near 1, log1p((a - ph - pl)/(ph + pl)) with a - ph exact (Sterbenz)."""
    from ..eft import two_prod, two_sum
    ph, pl = two_prod(k, c)
    ph, pl = float(ph), float(pl)
    if 0.5 <= a / ph <= 2.0:
        dh, dl = two_sum(a - ph, -pl)                 # a - k c = dh + dl exactly
        xh = float(dh) / ph
        th, tl = two_prod(xh, ph)
        xl = ((float(dh) - float(th)) - float(tl) + float(dl) - xh * pl) / ph   # x = (a - kc)/(kc) = xh + xl
        return float(np.log1p(xh) + xl / (1 + xh))
    return float(np.log(a / ph) - pl / ph)


def _h_exp(t):
    """expm1(t) - t >= 0 without cancellation for small t (Taylor series below 0.1)."""
    if t < 0.1:
        term, s = t * t / 2, 0.0
        for n in range(3, 16):
            s += term
            term *= t / n
        return s
    return float(np.expm1(t)) - t


def _exp_mstar(a, k, m0, c):
    """Theorem I for b = a (1 - exp(-(m - m0)/k)): t = log(a/(k c)) = (alpha - m0)/k; m* = alpha if
    u(alpha) > 0, else 0.  u(alpha) = a (1 - exp(-t) (1 + t + m0/k)) > 0 iff expm1(t) - t > m0/k
    (t > 0 suffices when m0 = 0): the branch is decided without forming u by subtraction."""
    t = log_ratio(a, k, c)
    if t <= 0:
        return 0.0  # Case 1: b'(m_v) = a/k <= c
    if m0 > 0 and not _h_exp(t) > m0 / k:
        return 0.0  # Case 2: max u <= 0
    return m0 + k * t


def exp_saturation(a, k, m0=0.0):
    a, k, m0 = _check_params(a, k, m0)
    return ValueFunction("exp", lambda m: -a * np.expm1(-(m - m0) / k), lambda m: a / k * np.exp(-(m - m0) / k),
                         m0, lambda c: m0 + k * log_ratio(a, k, c), a,
                         m_star_closed=lambda c: _exp_mstar(a, k, m0, c))


def piecewise_linear(a, k, m0=0.0):
    a, k, m0 = _check_params(a, k, m0)
    return ValueFunction("pwl", lambda m: np.minimum(a * (m - m0) / k, a),
                         lambda m: np.where(np.asarray(m) < m0 + k, a / k, 0.0), m0,
                         lambda c: m0 + k if c < a / k else m0, a, kink=m0 + k)


def general_value(b, db, m_v, m_hi=1e6, grid=4001):
    """Wrap a user b after checking eq. (1) on a log grid of [m_v, m_hi]: v = max(0, b) in [0, 1],
    b non-decreasing (db >= 0) and concave (db non-increasing).  m* then comes from a root."""
    m_v = _pos("viability point m_v", m_v, allow_zero=True)
    ms = np.concatenate([[m_v], m_v + np.logspace(-6, np.log10(m_hi), grid)])
    with np.errstate(all="ignore"):
        bs, ds = np.asarray(b(ms), float), np.asarray(db(ms), float)
    if not (np.isfinite(bs).all() and np.isfinite(ds).all()):
        raise DomainError("b and b' must be finite on [m_v, inf) (eq. (1): b continuous)")
    if np.any(np.diff(bs) < -1e-12 * np.maximum(1, np.abs(bs[1:]))) or np.any(ds < 0):
        raise DomainError("b must be non-decreasing (eq. (1))")
    if np.any(np.diff(ds) > 1e-12 * np.maximum(1, np.abs(ds[1:]))):
        raise DomainError("b must be concave (eq. (1): b' non-increasing)")
    if np.any(bs > 1 + 1e-12):
        raise DomainError("v must map into [0, 1] (eq. (1))")
    if abs(float(b(np.float64(m_v)))) > 1e-9:
        raise DomainError("m_v must be the viability point, b(m_v) = 0")
    return ValueFunction("general", b, db, m_v, None, float(bs[-1]))


FAMILY_BUILDERS = {"erm": lambda a, k, m0: erm(a, k), "sqrt": lambda a, k, m0: sqrt_saturating(a, k),
                   "exp": exp_saturation, "pwl": piecewise_linear}


def optimal_contribution(family, c, a, k, m0=0.0):
    """Theorem I / eq. (4) for a named family."""
    if family not in FAMILY_BUILDERS:
        raise DomainError(f"family must be one of {sorted(FAMILY_BUILDERS)}, got {family!r}")
    return FAMILY_BUILDERS[family](a, k, m0).optimal_contribution(c)


def optimal_contribution_by_root(family, c, a, k, m0=0.0):
    """The same m*, with alpha from a bracketed root of b'(m) = c (no closed form used)."""
    F = FAMILY_BUILDERS[family](a, k, m0)
    c = check_cost(c)
    if F.kink is not None:
        raise DomainError("b'(m) = c has no root for piecewise-linear b (use the superdifferential)")
    if F.db(F.m_v if F.m_v > 0 else 0.0) <= c:
        return 0.0
    al = alpha_by_root(F.db, c, F.m_v)
    return al if float(F.b(np.float64(al))) - c * al > 0 else 0.0
