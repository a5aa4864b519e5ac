"""Error-free transformations of floating-point arithmetic (Dekker 1971, Knuth TAOCP 4.2.2), vectorized.

two_sum(a, b) = (s, e) with s = fl(a + b) and a + b = s + e exactly; two_prod(a, b) = (p, e) with
p = fl(a b) and a b = p + e exactly (Veltkamp splitting, no FMA needed; valid while |a|, |b| < 2^996).
Used by kernels that must form a difference of nearly equal products exactly.
"""
from __future__ import annotations

import numpy as np

_SPLIT = 134217729.0  # 2^27 + 1


def two_sum(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    s = a + b
    bb = s - a
    return s, (a - (s - bb)) + (b - bb)


def split(a):
    a = np.asarray(a, dtype=float)
    t = _SPLIT * a
    hi = t - (t - a)
    return hi, a - hi


def two_prod(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    p = a * b
    ah, al = split(a)
    bh, bl = split(b)
    return p, ((ah * bh - p) + ah * bl + al * bh) + al * bl
