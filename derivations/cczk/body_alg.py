"""cczk body (§2-§6, App. A, D) in numpy: an independent transcription of Algorithm 1 with a
random selection order, eq. (8) slacks, eq. (9), the sample mean mechanism M_SM on datasets,
h^ACC, the minimum social penalty for costs in the set C of eq. (1) (entries may be infinite),
and the fixed instances on which Algorithm 2 is simulated (``mech_simulation``).

Arrays are indexed [i, k] (agent i, distribution k).  Bad input raises DomainError naming the
violated condition.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize_scalar

from ..errors import DomainError
from . import mech_program as mp


def _sigma(sigma):
    sigma = float(sigma)
    if not (np.isfinite(sigma) and sigma > 0):
        raise DomainError("sigma must be finite and > 0")
    return sigma


# ----------------------------------------------------------------------------- eq. (1)

def min_social_penalty(sigma, c):
    """inf_n sum_k (m sigma^2 / sum_i n_{i,k} + sum_i c_{i,k} n_{i,k}) for c in C (eq. (1)):
    entries may be +inf (agent cannot sample); each column needs a finite entry.  Only the
    cheapest agent of a column collects; the one-dimensional minimization over the column total is
    done numerically (bounded Brent on log N), independently of the AM-GM closed form."""
    sigma = _sigma(sigma)
    c = np.asarray(c, dtype=float)
    if c.ndim == 1:
        c = c[:, None]
    if c.ndim != 2 or c.size == 0:
        raise DomainError("c must be a non-empty m x d array of costs")
    if np.isnan(c).any() or (c <= 0).any():
        raise DomainError("every cost c_{i,k} must be in (0, inf]")
    if (~np.isfinite(c)).all(axis=0).any():
        raise DomainError("c is not in C (eq. (1)): some distribution k has c_{i,k} = inf for every agent i")
    m = c.shape[0]
    total = 0.0
    for k in range(c.shape[1]):
        cmin = float(np.min(c[:, k]))
        f = lambda t: m * sigma**2 * np.exp(-t) + cmin * np.exp(t)  # noqa: E731
        t0 = np.log(sigma * np.sqrt(m / cmin))  # only to centre the bracket
        r = minimize_scalar(f, bounds=(t0 - 3.0, t0 + 3.0), method="bounded", options={"xatol": 1e-12})
        total += float(r.fun)
    return total


# ----------------------------------------------------------------------------- §2, §3.2

def identity(X):
    """id in F: id(X_i) = X_i."""
    return [np.asarray(x, dtype=float) for x in X]


def h_acc(X, Y, I):
    """h^ACC(., ., I_i) = I_i."""
    return I


def sample_mean_mechanism(Y):
    """M_SM (§3.2): Y[i][k] is agent i's submission for distribution k; returns I_i = mu-hat for
    every agent, mu-hat_k = mean of the union over agents of Y[i][k]."""
    m = len(Y)
    if m == 0:
        raise DomainError("M_SM needs at least one agent")
    d = len(Y[0])
    if any(len(Yi) != d for Yi in Y):
        raise DomainError("every agent must submit one dataset per distribution (d of them)")
    mu = np.empty(d)
    for k in range(d):
        pooled = np.concatenate([np.asarray(Yi[k], dtype=float).ravel() for Yi in Y])
        if pooled.size == 0:
            raise DomainError(f"|Y_(:,{k})| must be > 0 (no data for distribution {k})")
        mu[k] = pooled.mean()
    return [mu.copy() for _ in range(m)]


# ----------------------------------------------------------------------------- Algorithm 1

@dataclass
class Alg1:
    n: np.ndarray  # n-tilde returned (line 10)
    V: np.ndarray  # bool (m, d)
    T: np.ndarray  # (d,)
    n_first: np.ndarray  # n-tilde after the first while loop (lines 4-6)
    order: list  # (i, k) in the order they entered V


def compute_n_approx(sigma, c, n, seed=None):
    """Algorithm 1 as printed.  Among the (i, k) satisfying a while condition, one is chosen
    uniformly at random (``seed``) or the lexicographically first in (k, i) when seed is None."""
    sigma, c = mp._costs(sigma, c)
    nt = mp._alloc(n, c.shape).copy()
    rng = None if seed is None else np.random.default_rng(int(seed))
    m, d = c.shape
    ni = sigma / np.sqrt(c)
    alone = sigma**2 / ni + c * ni
    V = np.zeros((m, d), dtype=bool)  # line 3

    def pick(cands):
        if rng is None:
            return min(cands, key=lambda ik: (ik[1], ik[0]))
        return cands[int(rng.integers(len(cands)))]

    order = []
    while True:  # lines 4-6
        N = nt.sum(axis=0)
        cands = [(i, k) for k in range(d) for i in range(m)
                 if not V[i, k] and alone[i, k] <= 4 * (sigma**2 / N[k] + c[i, k] * nt[i, k])]
        if not cands:
            break
        i, k = pick(cands)
        nt[i, k] = ni[i, k]
        V[i, k] = True
        order.append((i, k))
    n_first = nt.copy()
    T = nt.sum(axis=0)  # line 7
    updated = np.zeros((m, d), dtype=bool)
    while True:  # lines 8-9 (an updated entry has n~ T = (n^IND)^2 up to rounding)
        cands = [(i, k) for k in range(d) for i in range(m)
                 if not V[i, k] and not updated[i, k] and nt[i, k] > 0 and nt[i, k] * T[k] < ni[i, k] ** 2]
        if not cands:
            break
        i, k = pick(cands)
        nt[i, k] = ni[i, k] ** 2 / T[k]
        updated[i, k] = True
    return Alg1(nt, V, T, n_first, order)


def alg1_violations(sigma, c, n, seed=None):
    """Relative violations (0 when the printed property holds) of:
    [lines 1-3: entries outside V keep their input value after the first loop,
     lines 4-6: i in V_k has n' = n^IND and no (i, k) outside V satisfies the line-4 test,
     line 7: T_k = sum_i n'_{i,k} (before the second loop),
     lines 8-10: i outside V with n~ > 0 has n~ T_k >= (n^IND)^2 (1 - 1e-12) and n~ >= n']."""
    sigma, c = mp._costs(sigma, c)
    n = mp._alloc(n, c.shape)
    out = compute_n_approx(sigma, c, n, seed)
    ni = sigma / np.sqrt(c)
    alone = sigma**2 / ni + c * ni
    off = ~out.V
    v13 = float(np.max(np.abs(out.n_first - n)[off] / ni[off], initial=0.0))
    N1 = out.n_first.sum(axis=0)
    test4 = alone <= 4 * (sigma**2 / N1[None, :] + c * out.n_first)
    v46 = float(np.max(np.abs(out.n_first - ni)[out.V] / ni[out.V], initial=0.0)) + float(np.any(test4 & off))
    v7 = float(np.max(np.abs(out.T - out.n_first.sum(axis=0)) / out.T))
    pos = off & (out.n > 0)
    short = np.maximum(0.0, 1 - 1e-12 - out.n * out.T[None, :] / ni**2)
    shrink = np.maximum(0.0, (out.n_first - out.n) / ni)
    v810 = float(np.max(short[pos], initial=0.0) + np.max(shrink[off], initial=0.0)
                 + np.max(np.abs(out.n - out.n_first)[out.V], initial=0.0))
    return [v13, v46, v7, v810]


# ----------------------------------------------------------------------------- (8), (9)

def cond8_slack(sigma, c, n):
    """eq. (8) per (i, k): (sigma^2/n^IND + c n^IND) - (sigma^2/sum_j n_{j,k} + c n_{i,k}); (8)
    holds iff every entry is >= 0."""
    sigma, c = mp._costs(sigma, c)
    n = mp._alloc(n, c.shape)
    ni = sigma / np.sqrt(c)
    return (sigma**2 / ni + c * ni) - (sigma**2 / n.sum(axis=0)[None, :] + c * n)


def recommended_n(sigma, c, n):
    """eq. (9): n* = n~ (Algorithm 1, lexicographic order) if (c, n) satisfies (8), else n^NL
    (n^IND for the cheapest agents of each distribution, 0 for the others)."""
    sigma, c = mp._costs(sigma, c)
    n = mp._alloc(n, c.shape)
    ni = sigma / np.sqrt(c)
    if np.all(cond8_slack(sigma, c, n) >= -1e-9 * (sigma**2 / ni + c * ni)):
        return compute_n_approx(sigma, c, n).n
    return np.where(c == c.min(axis=0, keepdims=True), ni, 0.0)


# ----------------------------------------------------------------------------- §3.2 fabrication

def fabrication_estimate(n_others, I, sum_Y, size_Y, printed=True):
    """§3.2: h_{i,k}(empty, Y_i, I_i) = (n_{:,k} I - sum(Y_{i,k})) / (n_{:,k} - |Y_{i,k}|) with
    n_{:,k} = sum_{j != i} n_{j,k} as printed (``printed=True``), or with n_{:,k} the total count of
    the pooled data, sum_{j != i} n_{j,k} + |Y_{i,k}| (``printed=False``)."""
    n_others, I, sum_Y, size_Y = (np.asarray(v, dtype=float) for v in (n_others, I, sum_Y, size_Y))
    if (n_others <= 0).any():
        raise DomainError("n_{:,k} = sum_{j != i} n_{j,k} must be > 0")
    N = n_others if printed else n_others + size_Y
    if np.any(N == size_Y):
        raise DomainError("n_{:,k} != |Y_{i,k}| is required (division by n_{:,k} - |Y_{i,k}|)")
    return (N * I - sum_Y) / (N - size_Y)


# ----------------------------------------------------------------------------- Algorithm 2 MC

# instance A (tests/test_cczk_mechanism.py): cases V, V, C, B, (8) holds
SIGMA_A, C_A, N_A = 10.0, [0.01, 0.01, 1.0, 1.0], [100, 100, 4, 0]
# instance N: (8) fails (agent 3's compliant penalty 100/50 + 4*50 > 2*10*2); agents 1, 2 tie as
# cheapest (c = 1, n^IND = 10), agent 3 receives their data
SIGMA_N, C_N, N_N = 10.0, [1.0, 1.0, 4.0], [0, 0, 50]

_MC: dict = {}


def simulate(which, R=3000, mu=2.0, seed=11):
    """Algorithm 2 simulated under s* (mech_simulation): (design, per-agent squared error
    (R, m), costs (m,))."""
    from . import mech_simulation as ms

    key = (which, R, mu, seed)
    if key not in _MC:
        s, c, n = {"A": (SIGMA_A, C_A, N_A), "N": (SIGMA_N, C_N, N_N)}[which]
        des = ms.design(s, c, n)
        strat = ms.recommended_strategies(des)
        rng = np.random.default_rng(seed)
        m, d = des.c.shape
        X = [[mu + s * rng.standard_normal((R, st.n[k])) for k in range(d)] for st in strat]
        I = ms.mechanism(des, X, rng)  # f = id
        err = np.stack([sum((I[i][k] - mu) ** 2 for k in range(d)) for i in range(m)], axis=1)
        cost = np.array([sum(des.c[i, k] * strat[i].n[k] for k in range(d)) for i in range(m)])
        _MC[key] = (des, err, cost)
    return _MC[key]


def mc_penalty_gap(which, closed):
    """|MC penalty - closed form| - 4.5 standard errors, per agent (<= 0 when they agree)."""
    des, err, cost = simulate(which)
    pen = err.mean(axis=0) + cost
    se = err.std(axis=0, ddof=1) / np.sqrt(err.shape[0])
    return list(np.abs(pen - np.asarray(closed, dtype=float)) - 4.5 * se)
