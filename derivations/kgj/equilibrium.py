"""kgj: a pure-Nash-equilibrium solver for any feasible mechanism (Theorem II, (18)), vectorized
over agents so that Figure 4's scale (n = 10^4) runs in seconds.

A mechanism is given by its *unilateral-deviation* map ``value(x, m)``: for contributions m
(shape (n,)) and candidate contributions x (shape (G, n)), entry [g, i] is [M(x[g, i]; m_{-i})]_i,
agent i deviating alone.  Mechanisms that depend on the others through aggregates (sum, max) give
this in O(G n); constructors: ``standard`` (8), ``value_shaping`` (11), ``proportional_data`` (12)
return a ``Mechanism`` (aggregates computed once per profile, evaluation on tiles of agents small
enough for the CPU cache); any plain two-argument callable works too (evaluated untiled).

Best responses (18) are grid argmaxes over [0, 1/c_i] (the proof of Theorem II: any best response
lies there since [M]_i <= 1), refined once on a finer local grid.  Best-response dynamics from
m = 0 and from m = 1/c give the lowest and the highest equilibria when the game is monotone
(best responses non-decreasing in the others' contributions: value shaping, standard FL).
Every returned point carries a certificate: the maximal regret over a fine grid plus random
deviations.  When the dynamics do not settle, the result says "no pure equilibrium found".
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from ..errors import DomainError


@dataclass
class Result:
    m: np.ndarray
    converged: bool
    iterations: int
    regret: float  # max_i max_x u_i(x, m_-i) - u_i(m)
    status: str  # "equilibrium (certified)", "no pure equilibrium found", ...

    def __str__(self):
        return (f"{self.status}: {self.iterations} iterations, sum m = {self.m.sum():.6g}, "
                f"max regret = {self.regret:.3g}")


def _check(costs):
    c = np.asarray(costs, dtype=float)
    if c.ndim != 1 or c.size == 0:
        raise DomainError("costs must be a non-empty vector c (one marginal cost per agent)")
    if not np.all(np.isfinite(c)) or np.any(c <= 0):
        raise DomainError("every marginal cost must satisfy c_i > 0 (eq. (2))")
    return c


class Mechanism:
    """A mechanism's unilateral-deviation map in two stages, so that the solver can work on tiles of
    agents: ``prepare(m)`` computes the aggregates of m once (others' sum, others' max), and
    ``evaluate(x, state, idx)`` gives [M(x[g, j]; m_{-i})]_i for the agents i = idx[j] only.
    Calling it as ``value(x, m)`` (all agents at once) keeps the plain two-argument interface."""

    def __init__(self, prepare, evaluate):
        self.prepare, self.evaluate = prepare, evaluate

    def __call__(self, x, m):
        m = np.asarray(m, float)
        return self.evaluate(np.asarray(x, float), self.prepare(m), slice(None))


# Tiles of agents: every numpy temporary of one evaluation (grid rows x tile agents, float64) is kept
# below TILE_BYTES.  Whole-population arrays (257 x 10^4 = 20 MB each, a dozen per evaluation) made
# every ufunc pass stream from main memory, and arrays above glibc's default mmap threshold (128 KiB)
# are mmap'ed and unmapped on every allocation (page faults on each temporary): those, not Python
# overhead, made the first vectorized version only ~8x faster than a plain loop.
TILE_BYTES = 120 * 1024


def block_size(rows):
    """Agents per tile for evaluations on ``rows`` candidate contributions."""
    return max(8, TILE_BYTES // (8 * max(1, rows)))





def _tiles(value, m, n, agents=None, rows=257):
    """(evaluate(x, idx), list of index blocks): tiled for a Mechanism, one block for a plain callable."""
    agents = np.arange(n) if agents is None else np.asarray(agents)
    if isinstance(value, Mechanism):
        st = value.prepare(m)
        b = block_size(rows)
        blocks = [agents[s:s + b] for s in range(0, agents.size, b)]
        if agents.size == n and n <= b:
            blocks = [slice(None)]
        return (lambda x, idx: value.evaluate(x, st, idx)), blocks
    return (lambda x, idx: value(_widen(x, idx, n), m)[:, idx]), [agents if agents.size < n else slice(None)]


def _widen(x, idx, n):
    """A plain two-argument mechanism wants x of shape (G, n): place the block's columns."""
    if isinstance(idx, slice):
        return x
    full = np.zeros((x.shape[0], n))
    full[:, idx] = x
    return full


def utilities(value, m, x, c):
    return value(x, m) - c * x


def _br_block(f, idx, c, ug, ur):
    grid = ug.shape[0]
    hi = 1.0 / c
    cols = np.arange(c.size)
    x = ug * hi
    U = f(x, idx)
    U -= c * x
    j = np.argmax(U, axis=0)
    step = hi / (grid - 1)
    lo = np.clip(x[j, cols] - step, 0.0, None)
    x2 = np.minimum(lo + ur * step, hi)
    U2 = f(x2, idx)
    U2 -= c * x2
    j2 = np.argmax(U2, axis=0)
    best = x2[j2, cols]
    # keep 0 when it is (weakly) better: the max(0, .) branch of Theorem II
    u0 = f(np.zeros((1, c.size)), idx)[0]
    return np.where(u0 >= U2[j2, cols], 0.0, best)


def best_response(value, m, c, grid=257, refine=65, agents=None):
    """(18) on [0, 1/c_i]: grid argmax, then a finer grid around it (vectorized over agents, in
    cache-sized tiles of agents).  ``agents``: compute only these agents' best responses."""
    m = np.asarray(m, float)
    c = np.asarray(c, float)
    f, blocks = _tiles(value, m, c.size, agents, rows=max(grid, refine))
    ug, ur = np.linspace(0.0, 1.0, grid)[:, None], np.linspace(0.0, 2.0, refine)[:, None]
    if agents is None:
        out = np.empty(c.size)
        for idx in blocks:
            out[idx] = _br_block(f, idx, c[idx], ug, ur)
        return out
    return np.concatenate([_br_block(f, idx, c[idx], ug, ur) for idx in blocks])


def regret(value, m, c, grid=2049, random=64, seed=0):
    """Certificate: max_i [max over a fine grid + random points of u_i(x, m_-i)] - u_i(m_i, m_-i)."""
    m = np.asarray(m, float)
    c = np.asarray(c, float)
    rng = np.random.default_rng(seed)
    hi = 1.0 / c
    u_grid = np.linspace(0.0, 1.0, grid)
    u_rand = rng.random((random, c.size))
    f, blocks = _tiles(value, m, c.size, rows=max(256, random))
    worst = -np.inf
    for idx in blocks:
        ci, hii, mi = c[idx], hi[idx], m[idx]
        here = f(mi[None, :], idx)[0] - ci * mi
        best = np.full(ci.size, -np.inf)
        chunks = [u_grid[r][:, None] * hii for r in np.array_split(np.arange(grid), max(1, grid // 256))]
        chunks.append(u_rand[:, idx] * hii)
        for x in chunks:
            best = np.maximum(best, (f(x, idx) - ci * x).max(axis=0))
        worst = max(worst, float(np.max(best - here)))
    return worst


def solve(value, costs, start="low", iters=200, tol=1e-9, regret_tol=1e-6, damping=0.0, sequential=False):
    """Best-response dynamics from m = 0 (``start="low"``), from m = 1/c (``"high"``) or from a given
    vector: simultaneous (vectorized; right for monotone games) or ``sequential`` (Gauss-Seidel, one agent
    at a time; for games of strategic substitutes such as standard FL (8), where simultaneous updates
    cycle).  Returns a Result with the certificate (max regret)."""
    c = _check(costs)
    if isinstance(start, str):
        if start not in ("low", "high"):
            raise DomainError("start must be 'low', 'high' or a vector of contributions")
        m = np.zeros_like(c) if start == "low" else 1.0 / c
    else:
        m = np.asarray(start, dtype=float)
        if m.shape != c.shape or np.any(m < 0) or not np.all(np.isfinite(m)):
            raise DomainError("start contributions must be finite, >= 0 and one per agent")
    converged = False
    for it in range(1, iters + 1):
        if sequential:
            new = m.copy()
            for i in range(c.size):
                new[i] = best_response(value, new, c, agents=[i])[0]
        else:
            new = best_response(value, m, c)
        new = damping * m + (1 - damping) * new
        if np.max(np.abs(new - m)) <= tol * max(1.0, float(np.max(np.abs(m)))):
            m, converged = new, True
            break
        m = new
    r = regret(value, m, c)
    scale = max(1.0, float(np.max(np.abs(value(m[None, :], m)))))
    if r <= regret_tol * scale:
        status = "equilibrium (certified)" if converged else "equilibrium (certified; dynamics not settled)"
    else:
        status = "no pure equilibrium found" + ("" if not converged else " (fixed point of the grid map only)")
    return Result(m, converged, it, r, status)


def lowest_highest(value, costs, **kw):
    """For a monotone game: the lowest (from 0) and highest (from 1/c) equilibria."""
    return solve(value, costs, "low", **kw), solve(value, costs, "high", **kw)


# ----------------------------------------------------------------------------- mechanisms

def _others_sum(m):
    return m.sum() - m


def _pick(a, idx):
    a = np.asarray(a, float)
    return a if a.ndim == 0 else a[idx]


def standard(v):
    """(8): every agent gets v(sum_j m_j)."""
    return Mechanism(_others_sum, lambda x, D, idx: v(D[idx] + x))


def value_shaping(v, m_star, c, eps=0.0):
    """(11) with per-agent m_i^*: v(x) up to m_i^*, then min(v(m_i^*) + (c_i + eps)(x - m_i^*), v(x + D)),
    D the others' sum.  The min equals (11) (line up to m_i^max, full value after) whenever the line
    lies below v(. + D) on [m_i^*, m_i^max], and keeps the mechanism feasible otherwise."""
    m_star = np.asarray(m_star, float)
    slope = np.asarray(c, float) + eps
    intercept = v(m_star) - slope * m_star  # the line is intercept + slope x
    any_star = bool(np.any(m_star > 0))

    def evaluate(x, D, idx):
        out = np.minimum(_pick(intercept, idx) + _pick(slope, idx) * x, v(x + D[idx]))
        if any_star:
            ms = _pick(m_star, idx)
            below = x <= ms
            if below.any():  # v(x) only where some agent is below her threshold m_i^*
                out = np.where(below, v(x), out)
        return out
    return Mechanism(_others_sum, evaluate)


def proportional_data(v, p):
    """(12): (m_i / max_j m_j)^p v(sum_j m_j), 0/0 := 1 (all contribute nothing)."""
    if not 0 <= p <= 1:
        raise DomainError("p must lie in [0, 1] (eq. (12))")

    def prepare(m):
        srt = np.sort(m)
        top, second = srt[-1], (srt[-2] if m.size > 1 else 0.0)
        return _others_sum(m), np.where(m == top, second, top)

    def evaluate(x, st, idx):
        D, others_max = st[0][idx], st[1][idx]
        mx = np.maximum(x, others_max)
        with np.errstate(invalid="ignore", divide="ignore"):
            ratio = np.where(mx > 0, x / np.where(mx > 0, mx, 1.0), 1.0)
        return ratio ** p * v(D + x)
    return Mechanism(prepare, evaluate)


# ----------------------------------------------------------------------------- plain-loop reference

def best_response_loop(value_scalar, m, c, grid=257, refine=65):
    """The same best response as ``best_response`` computed agent by agent, point by point, in plain
    Python (``value_scalar(i, x, m)``): the benchmark's reference."""
    out = []
    for i in range(len(c)):
        hi = 1.0 / c[i]
        step = hi / (grid - 1)
        bu, bx = -float("inf"), 0.0
        for g in range(grid):
            xx = g * step
            uu = value_scalar(i, xx, m) - c[i] * xx
            if uu > bu:
                bu, bx = uu, xx
        lo = max(bx - step, 0.0)
        bu2, bx2 = -float("inf"), lo
        for g in range(refine):
            xx = min(lo + 2.0 * step * g / (refine - 1), hi)
            uu = value_scalar(i, xx, m) - c[i] * xx
            if uu > bu2:
                bu2, bx2 = uu, xx
        u0 = value_scalar(i, 0.0, m)
        out.append(0.0 if u0 >= bu2 else bx2)
    return np.array(out)
