"""admm Theorem 2, checked independently: the revenue-optimal randomized mechanism for one agent on a
quality grid, by linear programming (scipy.optimize.linprog, HiGHS), against Algorithm 1 on that grid.

Grid: K cells of width h = Q/K, types q_k at the cell midpoints with probabilities pi_k = F(cell).
LP variables x_k in [0, 1] (randomized allocation) and p_k (free); constraints: IR
v(q_k, q_k) x_k - p_k >= 0 and IC v(q_k, q_k) x_k - p_k >= v(q_k, [q_l]) x_l - p_l for every l != k,
with the misreport-dependent value of eq. (1) (``gaussian.value``).

Discretization error.  Keeping only the downward-adjacent IC constraints and IR at q_0 is a relaxation
whose optimum is sum_k pi_k (phi^d_k)^+ with the discrete virtual value
phi^d_k = v_kk - (v(q_{k+1}, [q_k]) - v_kk) (1 - Pi_k)/pi_k, so every feasible mechanism, the LP optimum
included, earns at most R_alg + delta_K with delta_K := sum_k pi_k (phi^d_k)^+ - R_alg.  delta_K -> 0
like 1/K (tests), which is Theorem 2 in the limit of fine grids.
"""
from __future__ import annotations

import numpy as np
from scipy.optimize import linprog

from . import gaussian, mechanism


def grid(prior, K):
    h = prior.Q / K
    edges = np.linspace(0.0, prior.Q, K + 1)
    pi = np.diff(prior.cdf(edges))
    return (np.arange(K) + 0.5) * h, pi / pi.sum()


def value_table(Sigma, qs):
    """V[k, l] = v(q_k, [q_l]) for one agent (true quality q_k, report q_l)."""
    return np.array([[gaussian.value(Sigma, [a], [c])[0] for c in qs] for a in qs])


def solve_lp(V, pi):
    K = len(pi)
    rows, rhs = [], []
    for k in range(K):
        r = np.zeros(2 * K)
        r[k], r[K + k] = -V[k, k], 1.0  # IR
        rows.append(r)
        for l in range(K):
            if l != k:
                r = np.zeros(2 * K)
                r[k], r[K + k] = -V[k, k], 1.0
                r[l] += V[k, l]
                r[K + l] -= 1.0
                rows.append(r)
    rhs = np.zeros(len(rows))
    c = np.concatenate([np.zeros(K), -pi])
    bounds = [(0, 1)] * K + [(None, None)] * K
    res = linprog(c, A_ub=np.array(rows), b_ub=rhs, bounds=bounds, method="highs",
                  options={"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10})
    if res.status != 0:
        raise RuntimeError(f"LP failed: {res.message}")
    return -res.fun, res.x[:K], res.x[K:]


def compare(Sigma, prior, K):
    """{'lp': R_LP, 'alg': R_alg, 'delta': delta_K, 'bound': sum pi (phi^d)^+} on a K-point grid."""
    qs, pi = grid(prior, K)
    V = value_table(Sigma, qs)
    lp, _, _ = solve_lp(V, pi)
    b = mechanism.mobius_b(Sigma, [qs[0]])[0]  # = 1 for one agent
    phi = mechanism.mobius_virtual_value(b, qs, prior.hazard_ratio(qs))
    above = np.nonzero(phi >= 0)[0]
    alg = 0.0 if above.size == 0 else V[above[0], above[0]] * pi[above[0]:].sum()
    tail = np.concatenate([np.cumsum(pi[::-1])[::-1][1:], [0.0]])  # 1 - Pi_k = sum_{j > k} pi_j
    delta_v = np.append(np.diag(V, -1) - np.diag(V)[:-1], 0.0)  # v(q_{k+1}, [q_k]) - v(q_k, q_k)
    phid = np.diag(V) - delta_v * tail / pi
    bound = float(np.dot(pi, np.maximum(phid, 0.0)))
    return {"lp": float(lp), "alg": float(alg), "delta": bound - float(alg), "bound": bound}
