"""Quality priors F_i with their hazard ratio (1 - F)/f, as used by eq. (3) (admm §3.3, footnote 2)."""
from __future__ import annotations

import numpy as np

from ..errors import DomainError


def uniform_hazard_ratio(q, Q):
    """U[0, Q]: (1 - F(q)) / f(q) = Q - q on [0, Q]."""
    q = np.asarray(q, dtype=float)
    if not (Q > 0):
        raise DomainError(f"uniform prior needs Q > 0 (got {Q})")
    if np.any((q < 0) | (q > Q)) or np.isnan(q).any():
        raise DomainError(f"uniform prior U[0, {Q}]: qualities must lie in [0, {Q}]")
    return Q - q


def exponential_hazard_ratio(q, rate):
    """Exp(rate): (1 - F(q)) / f(q) = 1/rate (constant hazard rate)."""
    q = np.asarray(q, dtype=float)
    if not (rate > 0):
        raise DomainError(f"exponential prior needs rate > 0 (got {rate})")
    if np.any(q < 0) or np.isnan(q).any():
        raise DomainError("exponential prior: qualities must be >= 0")
    return np.full_like(q, 1.0 / rate)
