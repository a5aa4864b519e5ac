"""The error measure: bits = log2(1 + ulps), ulps = |y - ref| / ulp(|ref|), and relative error.

``ulp(r)`` is the spacing of IEEE doubles at |r| (numpy.spacing), floored at the spacing of the
smallest normal number, 2^-1074 (so a reference of 0 or in the subnormal range is measured in
units of the smallest subnormal), and taken at the largest finite double when |r| overflows.  The same
convention as the engine's cross-checks (verify/engine.py ``_crosscheck``).  When the spec gives a
``scale``, ulps are of |scale| instead of |ref|.  For vector outputs the worst component counts.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import mpmath
import numpy as np

DBL_MAX = float(np.finfo(float).max)
TINY = float(np.finfo(float).tiny)


@dataclass
class Error:
    kind: str  # "ok" | "nan" | "inf" | "size"
    bits: float = math.nan
    ulps: float = math.nan
    rel: float = math.nan
    overflow_ok: bool = False  # an inf where the reference itself overflows doubles
    note: str = ""


def ulp(m) -> float:
    r = min(float(abs(m)), DBL_MAX)
    return float(np.spacing(max(r, TINY)))


def measure(y: list, ref: list, mag: list | None = None) -> Error:
    if len(y) != len(ref):
        return Error("size", note=f"returned {len(y)} values, reference has {len(ref)}")
    mag = ref if mag is None else (mag * len(ref) if len(mag) == 1 else mag)
    worst_u, worst_rel, overflow_ok = 0.0, 0.0, False
    for yi, ri, mi in zip(y, ref, mag):
        if math.isnan(yi):
            return Error("nan", note=f"NaN where the reference is {mpmath.nstr(ri, 10)}")
        if math.isinf(yi):
            if abs(ri) > DBL_MAX and (yi > 0) == (ri > 0):
                overflow_ok = True  # correctly rounded overflow
                continue
            return Error("inf", note=f"{yi} where the reference is {mpmath.nstr(ri, 10)}")
        d = abs(mpmath.mpf(yi) - ri)
        u = float(d / ulp(mi))
        rel = float(d / abs(ri)) if ri != 0 else (0.0 if d == 0 else math.inf)
        worst_u, worst_rel = max(worst_u, u), max(worst_rel, rel)
    bits = math.log2(1.0 + worst_u) if math.isfinite(worst_u) else math.inf
    return Error("ok", bits, worst_u, worst_rel, overflow_ok)
