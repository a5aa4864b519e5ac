"""kgj formulas (any backend ``o``): the value-function families of eq. (1), the individual
optimum of Theorem I / eq. (4), value shaping (11) and m^max, and App. D's (15)-(17), (21).

A family is data: ``b(o, m, **p)``, its derivative ``db``, the viability point ``m_v`` (where b
crosses 0; v = 0 before it), the stationary point ``alpha`` solving b'(alpha) = c (for the
piecewise-linear family: the kink, where c lies in the superdifferential), and ``params``.

Every family is written with the parameters (a, k, m0): a = lim v (the paper's a_opt), k the
difficulty scale, m0 >= 0 an offset (ignored by families without one).

Quantities without a closed form (m^max, App. D's m^down) are found by a bracketed root or a
golden-section search with mpmath at the working precision; those formulas raise
NotImplementedError on the sympy and Arb backends (the engine then records "not attempted").
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import sympy


# ----------------------------------------------------------------------------- backend helpers

def pos(o, x):
    """max(0, x) = (x + |x|)/2 (every backend has abs)."""
    return (x + o.abs(x)) / 2


def vmin(o, x, y):
    """min(x, y) = (x + y - |x - y|)/2."""
    return (x + y - o.abs(x - y)) / 2


def vmax(o, x, y):
    return (x + y + o.abs(x - y)) / 2


def _mp(o):
    """The mpmath context of ``o``; other backends cannot run searches or roots."""
    ctx = getattr(o, "ctx", None)
    if ctx is None:
        raise NotImplementedError(f"{o.name} backend: needs a root or a search (mpmath only)")
    return ctx


def branch(o, cond, x, y):
    """x if cond > 0 else y, refusing to guess when an Arb ball straddles 0."""
    if o.name == "sympy":
        return sympy.Piecewise((x, cond > 0), (y, True))
    if o.name == "arb":
        if cond.lower() > 0:
            return x
        if cond.upper() <= 0:
            return y
        raise ValueError("branch condition not decided by the ball")
    return x if cond > 0 else y


# ----------------------------------------------------------------------------- families

@dataclass(frozen=True)
class Family:
    name: str
    meaning: str
    b: Callable
    db: Callable
    m_v: Callable  # viability point: b(m_v) = 0
    alpha: Callable  # b'(alpha) = c (kink for piecewise-linear)


def _erm_b(o, m, a, k, m0=0):
    return a - o.sqrt(k / m)


def _erm_db(o, m, a, k, m0=0):
    return o.sqrt(k) / (2 * m * o.sqrt(m))


ERM = Family(
    "erm", "generalization bound of ERM [38, Thm 11.8]: b(m) = a - sqrt(k/m)",
    _erm_b, _erm_db, lambda o, a, k, m0=0: k / a**2,
    lambda o, c, a, k, m0=0: (k / (4 * c**2)) ** (o.num(1) / 3) if o.name != "sympy"
    else sympy.cbrt(k / (4 * c**2)),
)

SAT = Family(
    "sqrt", "sqrt(k/m)-type saturating bound: b(m) = a (1 - sqrt(k/(m + k))), v(0) = 0",
    lambda o, m, a, k, m0=0: a * (1 - o.sqrt(k / (m + k))),
    lambda o, m, a, k, m0=0: a * o.sqrt(k) / (2 * (m + k) * o.sqrt(m + k)),
    lambda o, a, k, m0=0: o.num(0),
    lambda o, c, a, k, m0=0: ((a * o.sqrt(k) / (2 * c)) ** (o.num(2) / 3) if o.name != "sympy"
                              else sympy.cbrt(a * sympy.sqrt(k) / (2 * c)) ** 2) - k,
)

EXP = Family(
    "exp", "exponential saturation: b(m) = a (1 - exp(-(m - m0)/k))",
    lambda o, m, a, k, m0: a * (1 - o.exp(-(m - m0) / k)),
    lambda o, m, a, k, m0: a / k * o.exp(-(m - m0) / k),
    lambda o, a, k, m0: m0,
    lambda o, c, a, k, m0: m0 + k * o.log(a / (k * c)),
)

PWL = Family(
    "pwl", "piecewise-linear concave: b(m) = min(a (m - m0)/k, a) (slope a/k, cap a)",
    lambda o, m, a, k, m0: vmin(o, a * (m - m0) / k, a),
    lambda o, m, a, k, m0: a / k if m < m0 + k else 0 * a,
    lambda o, a, k, m0: m0,
    lambda o, c, a, k, m0: m0 + k,  # the kink: c in [0, a/k] = superdifferential there
)

FAMILIES = (ERM, SAT, EXP, PWL)


def v(o, F, m, a, k, m0=0):
    """eq. (1): v(m) = max(0, b(m)) (v(0) = 0; b(0) may be -inf for ERM)."""
    if F is ERM and (m == 0 if o.name != "arb" else False):
        return 0 * a
    return pos(o, F.b(o, m, a, k, m0))


def u(o, F, m, c, a, k, m0=0):
    """eq. (3): u_i(m) = v(m) - c_i m."""
    return v(o, F, m, a, k, m0) - c * m


def u_alpha(o, F, c, a, k, m0=0):
    """u at max(alpha, m_v): the maximum of u on the concave branch [m_v, inf) (when alpha < m_v,
    b' <= c there and u(m_v) = -c m_v <= 0)."""
    al = alpha_eff(o, F, c, a, k, m0)
    return F.b(o, al, a, k, m0) - c * al


def alpha_eff(o, F, c, a, k, m0=0):
    return vmax(o, F.alpha(o, c, a, k, m0), F.m_v(o, a, k, m0))


def m_star(o, F, c, a, k, m0=0):
    """Theorem I / eq. (4): 0 if max u <= 0, else alpha with b'(alpha) = c."""
    ua = u_alpha(o, F, c, a, k, m0)
    return branch(o, ua, alpha_eff(o, F, c, a, k, m0), 0 * c)


def u_star(o, F, c, a, k, m0=0):
    """u(m*) = max(0, u(alpha))."""
    return pos(o, u_alpha(o, F, c, a, k, m0))


def viability_cost(o, F, a, k, m0=0):
    """ERM: the cost cutoff c with u(alpha) = 0, 4 a^3 / (27 k)."""
    return 4 * a**3 / (27 * k)


# ----------------------------------------------------------------------------- searches (mpmath only)

def golden_max(o, f, lo, hi, kink=True):
    """max of a unimodal (concave) f on [lo, hi] by golden-section search at the working precision
    (no derivatives: independent of the stationarity condition b'(alpha) = c).  A smooth maximum
    needs only half the digits in the argument (the value error is quadratic): ``kink=False``."""
    ctx = _mp(o)
    lo, hi = ctx.mpf(lo), ctx.mpf(hi)
    if hi <= lo:
        return f(lo)
    g = (ctx.sqrt(5) - 1) / 2
    n = int(ctx.dps * math.log(10) / math.log(1 / 0.6180339887) / (1 if kink else 2)) + 20
    x1, x2 = hi - g * (hi - lo), lo + g * (hi - lo)
    f1, f2 = f(x1), f(x2)
    for _ in range(n):
        if f1 < f2:
            lo, x1, f1 = x1, x2, f2
            x2 = lo + g * (hi - lo)
            f2 = f(x2)
        else:
            hi, x2, f2 = x2, x1, f1
            x1 = hi - g * (hi - lo)
            f1 = f(x1)
    return max(f1, f2, f(lo), f(hi))


def u_max_search(o, F, c, a, k, m0=0):
    """max_{m >= 0} u(m), found by search: u = -c m <= 0 on [0, m_v], concave on [m_v, inf),
    and u < 0 for m > a/c (v <= a), so max u = max(0, max over [m_v, max(m_v, a/c)])."""
    ctx = _mp(o)
    mv = F.m_v(o, a, k, m0)
    best = golden_max(o, lambda m: F.b(o, m, a, k, m0) - c * m, mv, max(mv, a / c), kink=F is PWL)
    return max(ctx.mpf(0), best)


def bisect_root(o, g, lo, hi):
    """A root of g on [lo, hi] with g(lo) >= 0 >= g(hi), by bisection to the working precision."""
    ctx = _mp(o)
    lo, hi = ctx.mpf(lo), ctx.mpf(hi)
    glo = g(lo)
    if glo < 0 or g(hi) > 0:
        raise ValueError("bisect_root: the bracket does not change sign")
    n = int(ctx.dps * math.log2(10)) + 2 * max(0, int(ctx.log(max(hi - lo, 1), 2))) + 20
    for _ in range(n):
        mid = (lo + hi) / 2
        if g(mid) >= 0:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


_ROOTS: dict = {}


def largest_root(o, g, lo, hi, key=None, grid=128):
    """The largest root of g on [lo, hi] with g(lo) >= 0 > g(hi): a coarse grid at 20 digits brackets
    it, then mpmath's bracketing Anderson-Bjorck solver polishes it at the working precision.
    If g < 0 just right of lo (and g(lo) = 0) the root is lo itself."""
    ctx = _mp(o)
    if key is not None and (key, ctx.prec) in _ROOTS:
        return _ROOTS[(key, ctx.prec)]
    bkey = ("bracket", key, float(lo), float(hi), grid)
    if key is None or bkey not in _ROOTS:
        with ctx.workdps(20):
            xs = [lo + (hi - lo) * ctx.mpf(j) / grid for j in range(grid + 1)]
            ok = [0] + [j for j, x in enumerate(xs) if j > 0 and g(x) >= 0]  # g(lo) >= 0 by construction
        if ok[-1] == grid:
            raise ValueError("largest_root: no sign change on the bracket")
        _ROOTS[bkey] = ok[-1]
    last = _ROOTS[bkey]
    x0 = lo + (hi - lo) * ctx.mpf(last) / grid
    x1 = lo + (hi - lo) * ctx.mpf(last + 1) / grid
    g0, g1 = g(x0), g(x1)
    if last == 0 and g0 <= ctx.eps * 64:
        root = ctx.mpf(lo)  # g(lo) = 0 and g < 0 beyond: the largest root is lo
    else:
        root = _illinois(ctx, g, x0, x1, g0, g1)
    if key is not None:
        _ROOTS[(key, ctx.prec)] = root
    return root


def _illinois(ctx, g, x0, x1, g0, g1):
    """Regula falsi (Illinois) on a bracket g(x0) >= 0 > g(x1), to the working precision."""
    side = 0
    for _ in range(4 * ctx.prec):
        x = x1 - g1 * (x1 - x0) / (g1 - g0)
        if not (min(x0, x1) < x < max(x0, x1)):
            x = (x0 + x1) / 2
        gx = g(x)
        if gx == 0 or abs(x1 - x0) <= 4 * ctx.eps * max(abs(x), ctx.mpf(1)):
            return x
        if (gx >= 0) == (g0 >= 0):
            x0, g0 = x, gx
            if side == -1:
                g1 /= 2
            side = -1
        else:
            x1, g1 = x, gx
            if side == 1:
                g0 /= 2
            side = 1
    return (x0 + x1) / 2


def m_max(o, F, c, a, k, m0, ms, delta, eps=0):
    """eq. (11): m^max >= m* solving v(m^max + Delta) = v(m*) + (c + eps)(m^max - m*) (the larger
    intersection of the line with the curve; v <= a bounds it by m* + a/(c + eps))."""
    line0 = v(o, F, ms, a, k, m0)
    g = lambda m: v(o, F, m + delta, a, k, m0) - line0 - (c + eps) * (m - ms)
    return largest_root(o, g, ms, ms + a / (c + eps) + 1, key=("mmax", F.name, c, a, k, m0, ms, delta, eps))


def m_max_symmetric(o, F, c, a, k, m0, n, eps=0):
    """Theorem IV with n identical agents: M = m^max with Delta = (n - 1) M, i.e. the largest
    M >= m* with v(n M) = v(m*) + (c + eps)(M - m*)."""
    ms = m_star(o, F, c, a, k, m0)
    line0 = v(o, F, ms, a, k, m0)
    g = lambda M: v(o, F, n * M, a, k, m0) - line0 - (c + eps) * (M - ms)
    return largest_root(o, g, ms, ms + a / (c + eps) + 1, key=("sym", F.name, c, a, k, m0, n, eps), grid=512)


def shaped_value(o, F, x, c, a, k, m0, ms, mmax, delta, eps):
    """eq. (11): [M(m)]_i for agent i contributing x, others Delta."""
    if x <= ms:
        return v(o, F, x, a, k, m0)
    if x <= mmax:
        return v(o, F, ms, a, k, m0) + (c + eps) * (x - ms)
    return v(o, F, x + delta, a, k, m0)
