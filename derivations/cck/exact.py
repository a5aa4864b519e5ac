"""cck §2: exact brute force in rational arithmetic (``fractions.Fraction``), independent of numpy.

- ``rev_opt``: eq. (2), max over all allocations m in {0..N}^|B| of the largest envy-free prices,
  found by Bellman-Ford on the IRB/EFB difference constraints (exact; no tolerance);
- ``purchase`` / ``rev_bar``: eq. (4)/(5) with exact tie-breaking towards the largest m;
- ``rev_bar_opt_grid``: eq. (5), max over *all* curves q: {0..N} -> {0, 1/K, ..., 1} with q(0)=0;
  when every v_j(m) is a multiple of 1/K this is the exact optimum over all curves (the optimal
  envy-free prices are sums of valuation differences, hence multiples of 1/K, and Lemma 1);
- ``opt_eq1``: eq. (1), max over contributor amounts {N_i} (all contributors) of rev^OPT(sum N_i)
  - sum c_i N_i, by enumeration;
- ``algorithm1``: Algorithm 1 with the exact A (the step curve of the best scheme).
"""
from __future__ import annotations

import itertools
import math
from fractions import Fraction
from functools import lru_cache

F = Fraction


def _fr(x):
    return x if isinstance(x, Fraction) else Fraction(x)


def table(V):
    """Valuations as a tuple of tuples of Fractions (exact conversion of floats)."""
    return tuple(tuple(_fr(x) for x in row) for row in V)


def ef_prices(V, m):
    """Largest prices p (p_j in [0, 1]) making (m, p) IRB and EFB, or None if none exist."""
    B = len(V)
    n = B + 1
    edges = []
    for j in range(B):
        edges.append((0, j + 1, V[j][m[j]]))  # p_j <= v_j(m_j)
        edges.append((j + 1, 0, F(0)))  # p_j >= 0
        for k in range(B):
            if k != j:
                edges.append((k + 1, j + 1, V[j][m[j]] - V[j][m[k]]))  # p_j - p_k <= v_j(m_j) - v_j(m_k)
    dist = [None] * n
    dist[0] = F(0)
    for _ in range(n - 1):
        changed = False
        for a, b, w in edges:
            if dist[a] is not None and (dist[b] is None or dist[a] + w < dist[b]):
                dist[b] = dist[a] + w
                changed = True
        if not changed:
            break
    for a, b, w in edges:
        if dist[a] is not None and (dist[b] is None or dist[a] + w < dist[b]):
            return None  # negative cycle: no envy-free prices for this allocation
    return tuple(dist[1:])


def is_envy_free(V, m, p):
    """IRB and EFB of (m, p) (§2.1), exactly."""
    B = len(V)
    return all(V[j][m[j]] - p[j] >= 0 for j in range(B)) and all(
        V[j][m[j]] - p[j] >= V[j][m[k]] - p[k] for j in range(B) for k in range(B))


def rev_opt(V, N):
    """eq. (2): (rev^OPT(N), m, p) by enumeration of allocations (only v_j(0..N) matter: the table is
    truncated so that tables of different lengths share the cache)."""
    return _rev_opt(tuple(row[: N + 1] for row in V), N)


@lru_cache(maxsize=4096)
def _rev_opt(V, N):
    best = (F(-1), None, None)
    for m in itertools.product(range(N + 1), repeat=len(V)):
        p = ef_prices(V, m)
        if p is not None and sum(p) > best[0]:
            best = (sum(p), m, p)
    return best


def all_ef_schemes(V, N):
    """Every allocation with its largest envy-free prices (the extreme envy-free schemes)."""
    out = []
    for m in itertools.product(range(N + 1), repeat=len(V)):
        p = ef_prices(V, m)
        if p is not None:
            out.append((m, p))
    return out


def purchase(V, q, N):
    """eq. (4): m~_j(N, q) = max argmax_{m <= N} (v_j(m) - q(m)), exactly."""
    out = []
    for row in V:
        u = [row[m] - q[m] for m in range(N + 1)]
        best = max(u)
        out.append(max(m for m in range(N + 1) if u[m] == best))
    return tuple(out)


def rev_bar(V, q, N):
    """eq. (5): sum_j q(m~_j(N, q))."""
    return sum((q[m] for m in purchase(V, q, N)), F(0))


def step_curve(m, p, N):
    """The curve of the proof of Lemma 1 (buyers sorted by m), with q(0) = 0."""
    pairs = sorted(zip(m, p))
    q = []
    for x in range(N + 1):
        k = next((i for i, (mk, _) in enumerate(pairs) if x <= mk), len(pairs) - 1)
        q.append(pairs[k][1])
    q[0] = F(0)
    return tuple(q)


def rev_bar_opt_grid(V, N, K):
    """max over curves q: {0..N} -> {0, 1/K, ..., 1}, q(0) = 0, of rev-bar(N, q); returns (rev, q)."""
    levels = [F(i, K) for i in range(K + 1)]
    best = (F(-1), None)
    for tail in itertools.product(levels, repeat=N):
        q = (F(0),) + tail
        r = rev_bar(V, q, N)
        if r > best[0]:
            best = (r, q)
    return best


@lru_cache(maxsize=1024)
def algorithm1(V, c1, include_zero=False, lo=None):
    """Algorithm 1 with the exact A; returns (N+, m+, q+, {N: profit_N}).  ``lo`` overrides the
    smallest N searched (1 as printed, 0 with ``include_zero``)."""
    B = len(V)
    top = math.floor(F(B) / c1)
    profits, data = {}, {}
    for N in range((0 if include_zero else 1) if lo is None else lo, max(top, lo or 0) + 1):
        _, m, p = rev_opt(V, N)
        q = step_curve(m, p, N)
        mN = purchase(V, q, N)
        profits[N] = sum((q[x] for x in mN), F(0)) - c1 * N
        data[N] = (mN, tuple(q[x] for x in mN))
    Nplus = min(n for n in profits if profits[n] == max(profits.values()))
    return Nplus, data[Nplus][0], data[Nplus][1], profits


@lru_cache(maxsize=1024)
def opt_eq1(V, costs, nmax):
    """eq. (1): max over {N_i} in {0..nmax}^|C| with sum N_i <= nmax of rev^OPT(sum N_i) - sum c_i N_i."""
    best = None
    for Ns in itertools.product(range(nmax + 1), repeat=len(costs)):
        tot = sum(Ns)
        if tot > nmax:
            continue
        val = rev_opt(V, tot)[0] - sum(c * n for c, n in zip(costs, Ns))
        best = val if best is None or val > best else best
    return best


@lru_cache(maxsize=1024)
def opt_eq3(V, c1, nmax):
    """eq. (3): max_{N <= nmax} rev^OPT(N) - c_1 N (nmax >= |B|/c_1 makes this OPT)."""
    return max(rev_opt(V, N)[0] - c1 * N for N in range(nmax + 1))
