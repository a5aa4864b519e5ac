"""Special functions evaluated without the cancellation of their defining formula."""
from __future__ import annotations

import math


def t_minus_log1p(t: float) -> float:
    """t - log(1 + t) (>= 0) for t > -1.  With u = t/(2 + t), log(1 + t) = 2 atanh(u), so
    t - log(1 + t) = t^2/(2 + t) - 2 u^3 (1/3 + u^2/5 + u^4/7 + ...), the subtracted part at most ~11% of
    the first; used for -1/2 <= t < 4 (|u| <= 2/3).  Outside, the direct difference loses < 2 bits.
    Used by admm (B.37) (t >= 0) and kgj's m^max crossing, -log(1 - y) - y = t_minus_log1p(-y)."""
    t = float(t)
    if t < -0.5 or t >= 4:
        return t - math.log1p(t)
    u = t / (2 + t)
    u2 = u * u
    terms, p, k = [], 1.0, 3
    while True:
        term = p / k
        terms.append(term)
        if term < 1e-18:
            break
        p *= u2
        k += 2
    acc = 0.0
    for term in reversed(terms):
        acc += term
    return t * t / (2 + t) - 2 * u * u2 * acc
