"""Hypothesis strategies drawn from a claim's declared domains (never from hand-written loops)."""
from __future__ import annotations

import math
from contextlib import contextmanager

import numpy as np
from hypothesis import strategies as st

from derivations.domains import SPD, Index, Int, Real, Vector, resolve_dim


def real(dom: Real) -> st.SearchStrategy[float]:
    lo, hi = dom.sample if dom.sample else (dom.lo, dom.hi)
    if lo is None or hi is None:
        raise ValueError(f"domain {dom.describe()} is unbounded: give sample=(lo, hi)")
    lo_open = dom.lo_open and lo == dom.lo
    hi_open = dom.hi_open and hi == dom.hi
    if dom.log:
        a, b = math.log(lo), math.log(hi)
        return st.floats(a, b).map(lambda t: min(max(math.exp(t), lo), hi)).filter(dom.contains)
    return st.floats(lo, hi, exclude_min=lo_open, exclude_max=hi_open, allow_nan=False,
                     allow_infinity=False, allow_subnormal=False)


def spd(n: int, dom: SPD) -> st.SearchStrategy[list]:
    """Sigma = D L L^T D with L unit-scale lower triangular (diagonal in [1/2, 2]) and D log-uniform."""
    lo, hi = dom.scale
    diag = st.lists(st.floats(0.5, 2.0), min_size=n, max_size=n)
    off = st.lists(st.floats(-1.0, 1.0), min_size=n * (n - 1) // 2, max_size=n * (n - 1) // 2)
    scales = st.lists(st.floats(math.log(lo), math.log(hi)), min_size=n, max_size=n)

    def build(parts):
        d, o, sc = parts
        L = np.zeros((n, n))
        L[np.diag_indices(n)] = d
        L[np.tril_indices(n, -1)] = o
        D = np.exp(np.array(sc))
        A = (D[:, None] * L) @ (D[:, None] * L).T
        A = (A + A.T) / 2
        return A

    def ok(A):
        w = np.linalg.eigvalsh(A)
        return w[0] > 0 and w[-1] / w[0] <= dom.cond_max

    return st.tuples(diag, off, scales).map(build).filter(ok).map(lambda A: A.tolist())


def instance(variables, extra=()) -> st.SearchStrategy[dict]:
    """A dict name -> value for all variables (dimensions first), plus ``extra`` (name, strategy-fn)."""

    @st.composite
    def draw(drw):
        values: dict = {}
        for v in variables:  # Int dims first so that shapes can refer to them
            if isinstance(v.domain, Int):
                values[v.name] = drw(st.integers(v.domain.lo, v.domain.hi))
        for v in variables:
            d = v.domain
            if isinstance(d, Int):
                continue
            if isinstance(d, Real):
                values[v.name] = drw(real(d))
            elif isinstance(d, Index):
                values[v.name] = drw(st.integers(0, resolve_dim(d.dim, values) - 1))
            elif isinstance(d, Vector):
                n = resolve_dim(d.dim, values)
                values[v.name] = drw(st.lists(real(d.elem), min_size=n, max_size=n))
            elif isinstance(d, SPD):
                values[v.name] = drw(spd(resolve_dim(d.dim, values), d))
            else:  # pragma: no cover
                raise TypeError(f"no strategy for {d!r}")
        for name, make in extra:
            values[name] = drw(make(values))
        return values

    return draw()


@contextmanager
def reproducible_generation():
    """Make generation depend on the seed alone.

    Hypothesis (>= 6.131) mixes into its draws numeric literals harvested from whatever *local*
    modules are imported at the time; which modules those are depends on test order and on the
    xdist worker, so the same seed would draw different instances under ``-n 0`` and ``-n 2``.
    Verification runs therefore see no local constants (only Hypothesis's global ones).
    """
    try:
        from hypothesis.internal.conjecture import providers
    except ImportError:  # pragma: no cover
        yield
        return
    original = getattr(providers, "_get_local_constants", None)
    cache = getattr(providers, "CONSTANTS_CACHE", None)
    if original is None or cache is None or not hasattr(providers, "Constants"):  # pragma: no cover
        yield
        return
    empty = providers.Constants()
    providers._get_local_constants = lambda: empty
    cache.cache.clear()
    try:
        yield
    finally:
        providers._get_local_constants = original
        cache.cache.clear()
