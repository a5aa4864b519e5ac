"""kgj: a pure-Nash-equilibrium solver for any feasible mechanism (Theorem II, (18)), vectorized
over agents so that Figure 4's scale (n = 10^4) runs in seconds.

A mechanism is given by its *unilateral-deviation* map ``value(x, m)``: for contributions m
(shape (n,)) and candidate contributions x (shape (G, n)), entry [g, i] is [M(x[g, i]; m_{-i})]_i,
agent i deviating alone.  Mechanisms that depend on the others through aggregates (sum, max) give
this in O(G n); constructors: ``standard`` (8), ``value_shaping`` (11), ``proportional_data`` (12).

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


def utilities(value, m, x, c):
    return value(x, m) - c * x


def best_response(value, m, c, grid=257, refine=65):
    """(18) on [0, 1/c_i]: grid argmax, then a finer grid around it (vectorized over agents)."""
    hi = 1.0 / c
    u = np.linspace(0.0, 1.0, grid)[:, None]
    x = u * hi
    U = utilities(value, m, x, c)
    j = np.argmax(U, axis=0)
    step = hi / (grid - 1)
    lo = np.clip(x[j, np.arange(c.size)] - step, 0.0, None)
    x2 = lo + np.linspace(0.0, 2.0, refine)[:, None] * step
    x2 = np.minimum(x2, hi)
    U2 = utilities(value, m, x2, c)
    j2 = np.argmax(U2, axis=0)
    best = x2[j2, np.arange(c.size)]
    # keep 0 when it is (weakly) better: the max(0, .) branch of Theorem II
    u0 = utilities(value, m, np.zeros((1, c.size)), c)[0]
    return np.where(u0 >= U2[j2, np.arange(c.size)], 0.0, best)


def regret(value, m, c, grid=2049, random=64, seed=0):
    """Certificate: max_i [max over a fine grid + random points of u_i(x, m_-i)] - u_i(m_i, m_-i)."""
    rng = np.random.default_rng(seed)
    hi = 1.0 / c
    xs = np.concatenate([np.linspace(0.0, 1.0, grid)[:, None] * hi, rng.random((random, c.size)) * hi])
    here = utilities(value, m, m[None, :], c)[0]
    best = np.full(c.size, -np.inf)
    for chunk in np.array_split(xs, max(1, xs.shape[0] // 256)):
        best = np.maximum(best, utilities(value, m, chunk, c).max(axis=0))
    return float(np.max(best - here))


def solve(value, costs, start="low", iters=200, tol=1e-9, regret_tol=1e-6, damping=0.0, sequential=False):
    """Best-response dynamics from m = 0 (``start="low"``), from m = 1/c (``"high"``) or from a given
    vector: simultaneous (vectorized; right for monotone games) or ``sequential`` (Gauss-Seidel, one agent
    at a time, O(n^2) per sweep; for games of strategic substitutes such as standard FL (8), where
    simultaneous updates cycle).  Returns a Result with the certificate (max regret)."""
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
                new[i] = best_response(value, new, c)[i]
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


def standard(v):
    """(8): every agent gets v(sum_j m_j)."""
    return lambda x, m: v(_others_sum(m) + x)


def value_shaping(v, m_star, c, eps=0.0):
    """(11) with per-agent m_i^*: v(x) up to m_i^*, then min(v(m_i^*) + (c_i + eps)(x - m_i^*), v(x + D)),
    D the others' sum.  The min equals (11) (line up to m_i^max, full value after) whenever the line
    lies below v(. + D) on [m_i^*, m_i^max], and keeps the mechanism feasible otherwise."""
    m_star = np.asarray(m_star, float)
    c = np.asarray(c, float)

    def value(x, m):
        D = _others_sum(m)
        line = v(m_star) + (c + eps) * (x - m_star)
        return np.where(x <= m_star, v(x), np.minimum(line, v(x + D)))
    return value


def proportional_data(v, p):
    """(12): (m_i / max_j m_j)^p v(sum_j m_j), 0/0 := 1 (all contribute nothing)."""
    if not 0 <= p <= 1:
        raise DomainError("p must lie in [0, 1] (eq. (12))")

    def value(x, m):
        srt = np.sort(m)
        top, second = srt[-1], (srt[-2] if m.size > 1 else 0.0)
        others_max = np.where(m == top, second, top)
        mx = np.maximum(x, others_max)
        with np.errstate(invalid="ignore", divide="ignore"):
            ratio = np.where(mx > 0, x / np.where(mx > 0, mx, 1.0), 1.0)
        return ratio ** p * v(_others_sum(m) + x)
    return value


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
