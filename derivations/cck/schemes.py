"""cck §2 definitions in numpy: IRB/EFB slacks of a scheme (§2.1), OPT of eq. (1) by enumeration of
contributor amounts with the numpy rev^OPT, and the valuation tables used by the §2 definition claims.

These are the numpy routes that the definition claims of ``sec2_definitions`` cross-check against the exact
(Fraction) routes of ``exact``/``model``.
"""
from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np

from ..errors import DomainError
from . import pricing, valuations
from .valuations import FAMILIES

GRID = 4


def table(kind, tau, sigma, nmax, grid=False):
    """(|B|, nmax+1) valuations v_j^d(m) of eq. (11) (family FAMILIES[floor(kind_j)], scale tau_j);
    ``grid`` rounds down to multiples of 1/GRID (ties in valuations)."""
    fams = [FAMILIES[min(int(k), 3)] for k in np.atleast_1d(kind)]
    V = valuations.quantity_table(fams, list(np.atleast_1d(tau)), sigma, int(nmax))
    return np.floor(GRID * V) / GRID if grid else V


def allocation(x, N):
    """Allocation m_j = min(floor(x_j), N) in {0, ..., N} from raw draws x_j >= 0."""
    x = np.asarray(x, dtype=float)
    if np.isnan(x).any() or np.any(x < 0):
        raise DomainError("raw allocation draws must be >= 0")
    return np.minimum(np.floor(x), N).astype(int)


def grid_curve(qraw, N):
    """A pricing curve on {0..N} with q(0) = 0 and q(m) = floor(GRID qraw_m)/GRID (ties in (4))."""
    q = np.asarray(qraw, dtype=float)[:N]
    if q.shape != (N,) or np.isnan(q).any() or np.any(q < 0) or np.any(q > 1):
        raise DomainError(f"a curve needs N = {N} raw values in [0, 1]")
    return np.concatenate([[0.0], np.floor(GRID * q) / GRID])


def envy_free_slacks(V, m, p, N):
    """§2.1: [IRB slacks u_j(m_j, p_j)] + [EFB slacks u_j(m_j, p_j) - u_j(m_k, p_k), j != k]
    + [N - max_j m_j] (membership in EF(N)); the scheme is in EF(N) iff all are >= 0."""
    V = valuations.check_quantity_valuations(V)
    m = np.asarray(m, dtype=int)
    p = np.asarray(p, dtype=float)
    B = V.shape[0]
    if m.shape != (B,) or p.shape != (B,):
        raise DomainError("one allocation m_j and one price p_j per buyer are required")
    if np.any(m < 0) or np.any(m >= V.shape[1]):
        raise DomainError(f"allocations must lie in {{0, ..., {V.shape[1] - 1}}}")
    if np.isnan(p).any():
        raise DomainError("prices must not be NaN")
    own = V[np.arange(B), m] - p
    efb = [own[j] - (V[j, m[k]] - p[k]) for j in range(B) for k in range(B) if k != j]
    return np.array(list(own) + efb + [float(N - m.max())])


def opt_eq1(V, costs, nmax):
    """eq. (1): max over contributor amounts {N_i} with sum N_i <= nmax of rev^OPT(sum N_i) - sum c_i N_i,
    rev^OPT by the numpy Floyd-Warshall enumeration (pricing.best_prices)."""
    V = valuations.check_quantity_valuations(V)
    c = np.asarray(costs, dtype=float)
    if c.ndim != 1 or c.size == 0 or np.isnan(c).any() or np.any(c <= 0):
        raise DomainError("costs must be a non-empty vector of positive numbers")
    if V.shape[1] < nmax + 1:
        raise DomainError(f"valuations must be given for m = 0..{nmax}")
    rev = [pricing.best_prices(V, N)[0] for N in range(nmax + 1)]
    best = -math.inf
    for Ns in itertools.product(range(nmax + 1), repeat=c.size):
        tot = sum(Ns)
        if tot <= nmax:
            best = max(best, rev[tot] - float(np.dot(c, Ns)))
    return best


def top(B, c1):
    return math.floor(Fraction(B) / Fraction(float(c1)))
