"""cck §2.2: envy-free pricing, ordered item pricing and Algorithm 1, in numpy.

The ordered-item-pricing algorithm A used here is exact (epsilon = 0), built from Lemma 1:
for every allocation m in {0..N}^|B| the largest IRB+EFB prices are the shortest-path distances
of the difference constraints
    p_j - p_0 <= v_j(m_j)              (IRB, node 0 has p_0 = 0)
    p_j - p_k <= v_j(m_j) - v_j(m_k)   (EFB)
    p_0 - p_j <= 0                      (p_j >= 0)
(Floyd-Warshall, vectorised over all allocations); an allocation is feasible iff there is no
negative cycle.  The best scheme is turned into the step curve of the proof of Lemma 1, which is
the curve q_N returned by A.  Ties in the purchase rule (4) are resolved towards the largest m
with a tolerance ``TIE`` (utilities within TIE of the maximum count as maximal).
"""
from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np

from ..errors import DomainError
from .valuations import check_quantity_valuations

TIE = 1e-12


def _check_curve(q, N):
    q = np.asarray(q, dtype=float)
    if q.shape != (N + 1,):
        raise DomainError(f"a pricing curve on {{0..{N}}} must have {N + 1} entries, got shape {q.shape}")
    if np.isnan(q).any() or q[0] != 0:
        raise DomainError("a pricing curve must satisfy q(0) = 0")
    return q


def purchase(V, q, N):
    """eq. (4): m~_j(N, q) = max argmax_{m <= N} (v_j(m) - q(m)) for every buyer j."""
    V = check_quantity_valuations(V)
    if V.shape[1] < N + 1:
        raise DomainError(f"valuations must be given for m = 0..{N}")
    q = _check_curve(q, N)
    U = V[:, : N + 1] - q[None, :]
    best = U.max(axis=1, keepdims=True)
    ok = U >= best - TIE
    return (N - np.argmax(ok[:, ::-1], axis=1)).astype(int)


def rev_bar(V, q, N):
    """eq. (5): rev-bar(N, q) = sum_j q(m~_j(N, q))."""
    q = _check_curve(q, N)
    return float(q[purchase(V, q, N)].sum())


def step_curve(m, p, N):
    """Proof of Lemma 1: q(m) = p_(1) for m <= m_(1), p_(k) for m_(k-1) < m <= m_(k), with buyers
    sorted by m; beyond the largest m_(|B|) the curve keeps p_(|B|) (up to N), and q(0) = 0."""
    m = np.asarray(m, dtype=int)
    p = np.asarray(p, dtype=float)
    order = np.lexsort((p, m))
    ms, ps = m[order], p[order]
    grid = np.arange(N + 1)
    k = np.searchsorted(ms, grid, side="left")
    q = ps[np.minimum(k, len(ms) - 1)]
    q[0] = 0.0
    return q


def best_prices(V, N):
    """rev^OPT(N) of eq. (2) by enumeration of allocations; returns (revenue, m, p)."""
    V = check_quantity_valuations(V)
    B = V.shape[0]
    if V.shape[1] < N + 1:
        raise DomainError(f"valuations must be given for m = 0..{N}")
    A = np.array(list(itertools.product(range(N + 1), repeat=B)), dtype=int)  # (K, B)
    K = A.shape[0]
    own = V[np.arange(B)[None, :], A]  # v_j(m_j), (K, B)
    other = V[np.arange(B)[None, :, None], A[:, None, :]]  # v_j(m_k), (K, B, B)
    D = np.full((K, B + 1, B + 1), np.inf)
    D[:, 0, 1:] = own  # edge 0 -> j
    D[:, 1:, 0] = 0.0  # edge j -> 0
    D[:, 1:, 1:] = np.transpose(own[:, :, None] - other, (0, 2, 1))  # edge k -> j: v_j(m_j) - v_j(m_k)
    idx = np.arange(B + 1)
    D[:, idx, idx] = np.minimum(D[:, idx, idx], 0.0)
    for w in range(B + 1):
        D = np.minimum(D, D[:, :, w : w + 1] + D[:, w : w + 1, :])
    feasible = np.all(D[:, idx, idx] >= -TIE, axis=1)
    P = np.clip(D[:, 0, 1:], 0.0, None)
    rev = np.where(feasible, P.sum(axis=1), -np.inf)
    k = int(np.argmax(rev))
    return float(rev[k]), A[k].copy(), P[k].copy()


def oip_exact(V, N):
    """An exact ordered-item-pricing algorithm A(v, N, 0): the step curve of the best scheme."""
    _, m, p = best_prices(V, N)
    return step_curve(m, p, N)


def algorithm1(V, c, include_zero=False):
    """Algorithm 1 with the exact A: returns (N+, m+, q+, profits) where profits[N] = profit_N.

    As printed, N ranges over {1, ..., floor(|B| / c_1)} (line 2; line 6's |B|/N^tot is read as
    |B|/c_1).  ``include_zero=True`` also admits N = 0 (the correction of Lemma 2).
    """
    V = check_quantity_valuations(V)
    c = np.asarray(c, dtype=float)
    if c.ndim != 1 or c.size == 0:
        raise DomainError("costs must be a non-empty vector (at least one contributor)")
    if np.isnan(c).any() or np.any(c < 0):
        raise DomainError("costs must be >= 0 (negative costs are not allowed)")
    if np.any(np.diff(c) < 0):
        raise DomainError("costs must be ordered c_1 <= c_2 <= ... (§2)")
    if c[0] <= 0:
        raise DomainError("c_1 must be > 0 (the search range is N <= |B|/c_1)")
    B = V.shape[0]
    top = math.floor(Fraction(B) / Fraction(float(c[0])))
    lo = 0 if include_zero else 1
    if top < lo:
        raise DomainError(f"the search range {{1, ..., |B|/c_1}} is empty (|B|/c_1 = {B / c[0]:.3g} < 1)")
    if V.shape[1] < top + 1:
        raise DomainError(f"valuations must be given for m = 0..floor(|B|/c_1) = {top}")
    profits, curves, allocs = {}, {}, {}
    for N in range(lo, top + 1):
        qN = oip_exact(V, N)
        mN = purchase(V, qN, N)
        profits[N] = float(qN[mN].sum() - c[0] * N)
        curves[N], allocs[N] = qN, mN
    Nplus = max(profits, key=lambda n: (profits[n] > max(profits.values()) - TIE, -n))
    m_plus = allocs[Nplus]
    return Nplus, m_plus, curves[Nplus][m_plus], profits


def oip_grid(V, N, K, chunk=2000):
    """An approximate ordered-item-pricing algorithm A(v, N, 1/K): the best non-decreasing curve with
    values on the grid {0, 1/K, ..., 1} (q(0) = 0), by enumeration of all C(N + K, N) such curves,
    vectorised over buyers.  Polynomial in |B| (so usable for 10^3 buyers), exponential in N."""
    V = check_quantity_valuations(V)
    if not (isinstance(K, (int, np.integer)) and K >= 1):
        raise DomainError(f"the grid size K must be an integer >= 1 (got {K!r})")
    if V.shape[1] < N + 1:
        raise DomainError(f"valuations must be given for m = 0..{N}")
    Vn = V[:, : N + 1]
    best, best_q = -1.0, None
    curves = itertools.combinations_with_replacement(range(K + 1), N)
    while True:
        block = np.array(list(itertools.islice(curves, chunk)), dtype=float).reshape(-1, N)
        if block.size == 0 and best_q is not None:
            break
        Q = np.concatenate([np.zeros((block.shape[0], 1)), block / K], axis=1)  # (C, N+1)
        U = Vn[None, :, :] - Q[:, None, :]  # (C, B, N+1)
        top = U.max(axis=2, keepdims=True)
        ok = U >= top - TIE
        m = N - np.argmax(ok[:, :, ::-1], axis=2)  # largest maximizer, (C, B)
        rev = np.take_along_axis(Q, m, axis=1).sum(axis=1)
        k = int(np.argmax(rev))
        if rev[k] > best:
            best, best_q = float(rev[k]), Q[k].copy()
        if block.shape[0] < chunk:
            break
    return best_q


def algorithm1_with(V, c1, oip):
    """Algorithm 1 with a given ordered-item-pricing routine ``oip(V, N) -> q``; returns
    (N+, m+, q+, profits) as ``algorithm1``."""
    V = check_quantity_valuations(V)
    if not (c1 > 0):
        raise DomainError("c_1 must be > 0 (the search range is N <= |B|/c_1)")
    top = math.floor(Fraction(V.shape[0]) / Fraction(float(c1)))
    if top < 1:
        raise DomainError(f"the search range {{1, ..., |B|/c_1}} is empty (|B|/c_1 = {V.shape[0] / c1:.3g} < 1)")
    profits, curves, allocs = {}, {}, {}
    for N in range(1, top + 1):
        qN = oip(V, N)
        mN = purchase(V, qN, N)
        profits[N] = float(qN[mN].sum() - c1 * N)
        curves[N], allocs[N] = qN, mN
    Nplus = max(profits, key=lambda n: (profits[n] > max(profits.values()) - TIE, -n))
    return Nplus, allocs[Nplus], curves[Nplus][allocs[Nplus]], profits
