"""kgj App. C.2 baselines, numpy: proportionate data (12), value (13) and Shapley (14) for the
saturating value family v(m) = a (1 - sqrt(k/(m + k))), and the Shapley value of a data
contribution by brute force over all coalitions (no symmetry used)."""
from __future__ import annotations

import math
from itertools import combinations
from math import factorial

import numpy as np

from ..errors import DomainError
from .values import sat, sat_marginal


def sat_value(m, a, k):
    """v(m) = a (1 - sqrt(k/(m + k))) (model.SAT), m >= 0."""
    m = np.asarray(m, dtype=float)
    if np.any(m < 0):
        raise DomainError("dataset sizes must satisfy m >= 0 (v is defined on R_{>=0})")
    if not (0 < a <= 1) or not k > 0:
        raise DomainError("value parameters must satisfy 0 < a <= 1 and k > 0")
    return sat(m, a, k)


def _check(mv, p):
    mv = np.asarray(mv, dtype=float)
    if mv.ndim != 1 or mv.size < 1:
        raise DomainError("contributions m must be a non-empty vector (one per agent)")
    if not np.all(np.isfinite(mv)) or np.any(mv < 0):
        raise DomainError("contributions must satisfy m_i >= 0 and be finite")
    if not 0 <= p <= 1:
        raise DomainError("p must lie in [0, 1] (eqs. (12)-(14))")
    return mv


def shapley(mv, v, marginal=None):
    """phi_i for every agent: sum over coalitions S of N minus {i} of
    |S|! (n - |S| - 1)!/n! [v(m(S) + m_i) - v(m(S))], enumerating all 2^(n-1) coalitions.
    ``marginal(s, m_i)``, when given, computes v(s + m_i) - v(s) without the subtraction."""
    mv = np.asarray(mv, dtype=float)
    n = mv.size
    if n > 16:
        raise DomainError("brute-force Shapley needs n <= 16 agents (2^(n-1) coalitions)")
    out = np.zeros(n)
    for i in range(n):
        others = [j for j in range(n) if j != i]
        terms = []
        for r in range(n):
            w = factorial(r) * factorial(n - r - 1) / factorial(n)
            for S in combinations(others, r):
                s = math.fsum(mv[j] for j in S)
                terms.append(w * (v(s + mv[i]) - v(s) if marginal is None else marginal(s, mv[i])))
        out[i] = math.fsum(terms)
    return out


def shapley_permutations(mv, v):
    """phi by its other definition: the average over all n! orderings of agent i's marginal
    contribution v(data before i + m_i) - v(data before i) (independent of ``shapley``)."""
    from itertools import permutations
    mv = np.asarray(mv, dtype=float)
    n = mv.size
    if n > 8:
        raise DomainError("permutation Shapley needs n <= 8 agents (n! orderings)")
    out = np.zeros(n)
    count = 0
    for perm in permutations(range(n)):
        before = 0.0
        for i in perm:
            out[i] += v(before + mv[i]) - v(before)
            before += mv[i]
        count += 1
    return out / count


def _ratio(psi, p):
    top = np.max(psi)
    with np.errstate(invalid="ignore", divide="ignore"):
        r = np.where(top > 0, psi / (top if top > 0 else 1.0), 1.0)
    return r ** p


def proportional_data(mv, p, a, k):
    """(12): (m_i / max_j m_j)^p v(sum_j m_j) for every agent (0/0 := 1)."""
    mv = _check(mv, p)
    return _ratio(mv, p) * sat_value(mv.sum(), a, k)


def proportional_value(mv, p, a, k):
    """(13): (v(m_i) / max_j v(m_j))^p v(sum_j m_j)."""
    mv = _check(mv, p)
    return _ratio(sat_value(mv, a, k), p) * sat_value(mv.sum(), a, k)


def proportional_shapley(mv, p, a, k):
    """(14): (phi_i / max_j phi_j)^p v(sum_j m_j), phi by brute force over coalitions."""
    mv = _check(mv, p)
    sat_value(mv, a, k)  # parameter checks
    phi = shapley(mv, None, marginal=lambda s, dm: float(sat_marginal(s, dm, a, k)))
    return _ratio(phi, p) * sat_value(mv.sum(), a, k)


def gpt3_value(m, alpha=0.95):
    """§C.1: v(m) = 10^9 (1 - (5.4e13/m)^alpha) as printed (alpha = 0.95), m > 0 data points."""
    m = np.asarray(m, dtype=float)
    if np.any(m <= 0):
        raise DomainError("the GPT-3 value needs m > 0 data points")
    return -1e9 * np.expm1(alpha * np.log1p((5.4e13 - m) / m))   # 5.4e13 - m exact near m = 5.4e13
