"""Where the implementation is probed: a space-filling sweep, per-variable sweeps, and a local hunt.

- ``sweep``: the box's corners and centre, a one-dimensional grid along each variable (the other
  variables drawn at random), and a scrambled Sobol sequence filling the box; log-uniform in |x| for
  ``log`` variables, uniform otherwise.  Points violating a constraint are rejected.
- ``strategy``: the hypothesis strategy for the ``target()``-driven hunt (see ``core``).
- ``neighbours``: relative perturbations (1e-15 .. 1e-1, and log-scale steps) of the worst inputs.
"""
from __future__ import annotations

import itertools
import math

import numpy as np

from .evaluate_helpers import select
from .spec import Dim


def satisfies(constraints, point: dict) -> bool:
    for c in constraints:
        try:
            if not bool(c(**select(c, point))):
                return False
        except Exception:  # noqa: BLE001 - a constraint that cannot be evaluated rejects the point
            return False
    return True


def _rows(dims, U) -> list[dict]:
    cols = [d.from_unit(U[:, j]) for j, d in enumerate(dims)]
    return [{d.name: float(cols[j][i]) for j, d in enumerate(dims)} for i in range(U.shape[0])]


def sweep(dims: tuple[Dim, ...], n: int, rng: np.random.Generator, constraints=()) -> tuple[list, int]:
    """About ``n`` points (``(points, rejected)``), tagged by how they were made in ``__phase``."""
    d = len(dims)
    out: list[dict] = []
    rejected = 0

    def add(rows, phase):
        nonlocal rejected
        for r in rows:
            if satisfies(constraints, r):
                r["__phase"] = phase
                out.append(r)
            else:
                rejected += 1

    # corners and centre
    if d <= 6:
        add(_rows(dims, np.array(list(itertools.product((0.0, 1.0), repeat=d)))), "corner")
    add(_rows(dims, np.full((1, d), 0.5)), "corner")
    # one grid per variable, the others random
    per = max(8, n // (3 * d))
    for j in range(d):
        U = rng.random((per, d))
        U[:, j] = np.linspace(0.0, 1.0, per)
        add(_rows(dims, U), f"grid:{dims[j].name}")
    # space filling: a randomly shifted Halton sequence
    remaining = max(0, n - len(out))
    start, tries = 1, 0
    shift = rng.random(d)
    while remaining > 0 and tries < 20:
        m = max(2, remaining)
        U = (halton(start, m, d) + shift) % 1.0
        start += m
        before = len(out)
        add(_rows(dims, U), "halton")
        remaining -= len(out) - before
        tries += 1
    return out, rejected


_PRIMES = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71)


def halton(start: int, m: int, d: int) -> np.ndarray:
    """Points ``start .. start+m-1`` of the d-dimensional Halton sequence (radical inverses)."""
    if d > len(_PRIMES):
        raise ValueError(f"at most {len(_PRIMES)} variables")
    idx = np.arange(start, start + m)
    out = np.empty((m, d))
    for j in range(d):
        b, i, f, r = _PRIMES[j], idx.copy(), 1.0, np.zeros(m)
        while np.any(i > 0):
            f /= b
            r += f * (i % b)
            i //= b
        out[:, j] = r
    return out


def strategy(dims: tuple[Dim, ...]):
    from hypothesis import strategies as st

    parts = {}
    for d in dims:
        if d.log:
            a, b = sorted((math.log(abs(d.lo)), math.log(abs(d.hi))))
            s = st.floats(a, b, allow_nan=False, allow_infinity=False).map(
                lambda t, d=d: float(min(max(d.sign * math.exp(t), d.lo), d.hi)))
        else:
            s = st.floats(d.lo, d.hi, allow_nan=False, allow_infinity=False)
        parts[d.name] = s
    return st.fixed_dictionaries(parts)


def neighbours(dims: tuple[Dim, ...], point: dict, k: int, rng: np.random.Generator,
               constraints=()) -> list[dict]:
    """``k`` points near ``point``: each variable moved by a random relative step (or not at all)."""
    out = []
    for _ in range(4 * k):
        q = {}
        for d in dims:
            x = point[d.name]
            r = rng.random()
            if r < 0.3:
                y = x
            elif d.log:
                y = x * math.exp(rng.normal(0.0, 10.0 ** rng.uniform(-6, 0)))
            else:
                step = 10.0 ** rng.uniform(-15, -1) * max(abs(x), 1e-300) * rng.choice((-1.0, 1.0))
                if rng.random() < 0.3:
                    step = (d.hi - d.lo) * 10.0 ** rng.uniform(-6, -1) * rng.choice((-1.0, 1.0))
                y = x + step
            q[d.name] = float(min(max(y, d.lo), d.hi))
        if satisfies(constraints, q):
            out.append(q)
        if len(out) >= k:
            break
    return out
