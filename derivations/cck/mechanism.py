"""cck §5: Algorithm 2 in numpy -- amounts (13), d_i and W, prices (14) and payments (15)."""
from __future__ import annotations

import numpy as np

from ..errors import DomainError


def setup(q_plus, Nplus, c1, c2, sigma):
    """(N*, N_-*, d, W) of (13) and the definitions after it (contributors 1 and 2, 0-based)."""
    q_plus = np.asarray(q_plus, dtype=float)
    if q_plus.ndim != 1 or q_plus.size == 0:
        raise DomainError("the buyer set must be non-empty (q_plus has no entries)")
    if np.isnan(q_plus).any():
        raise DomainError("q_plus must not contain NaN")
    if not (sigma > 0) or not np.isfinite(sigma):
        raise DomainError(f"sigma must be > 0 (got {sigma})")
    if not (c1 >= 0 and c2 >= 0):
        raise DomainError(f"costs must be >= 0 (got c1={c1}, c2={c2})")
    if c1 > c2:
        raise DomainError("costs must be ordered c_1 <= c_2")
    if int(Nplus) != Nplus or Nplus < 2:
        raise DomainError(f"N+ must be an integer >= 2 so that N_1* = N+ - 1 >= 1 (got {Nplus})")
    Ns = np.array([Nplus - 1, 1], dtype=float)
    Nm = Nplus - Ns
    c = np.array([c1, c2], dtype=float)
    d = c * Ns**2 / sigma**2
    W = q_plus.sum() - c1 * (Nplus - 1) - c2
    return Ns, Nm, d, W


def prices(Y1, Y2, q_plus, Nplus, c1, c2, sigma):
    """eq. (14): p_j*({Y_i}) for every buyer j."""
    Ns, Nm, d, _ = setup(q_plus, Nplus, c1, c2, sigma)
    q_plus = np.asarray(q_plus, dtype=float)
    B = q_plus.size
    Y = [np.asarray(Y1, dtype=float), np.asarray(Y2, dtype=float)]
    if any(y.size == 0 for y in Y):
        raise DomainError("contributors 1 and 2 must submit non-empty datasets (mu_hat of an empty set)")
    mu = [y.mean() for y in Y]
    p = np.zeros(B)
    for i in range(2):
        if Y[i].size == Ns[i]:
            p += q_plus * Ns[i] / Nplus + d[i] / B * sigma**2 / Nm[i] + d[i] / B * sigma**2 / Ns[i]
        p -= d[i] / B * (mu[i] - mu[1 - i]) ** 2
    return p


def payments(Y1, Y2, q_plus, Nplus, c1, c2, sigma):
    """eq. (15): pi_i* for contributors 1 and 2 (others are paid 0)."""
    Ns, Nm, d, W = setup(q_plus, Nplus, c1, c2, sigma)
    Y = [np.asarray(Y1, dtype=float), np.asarray(Y2, dtype=float)]
    if any(y.size == 0 for y in Y):
        raise DomainError("contributors 1 and 2 must submit non-empty datasets (mu_hat of an empty set)")
    mu = [y.mean() for y in Y]
    c = (c1, c2)
    out = np.zeros(2)
    for i in range(2):
        if Y[i].size == Ns[i]:
            out[i] = W * Ns[i] / Nplus + c[i] * Ns[i] + d[i] * sigma**2 / Nm[i] + d[i] * sigma**2 / Ns[i]
        out[i] -= d[i] * (mu[i] - mu[1 - i]) ** 2
    return out


def expected_price(q_plus, Nplus, c1, c2, sigma):
    """E[p_j*] under s* from the moment E[(mu_hat(Y_i) - mu_hat(Y_-i))^2] = sigma^2/N_i* + sigma^2/N_-i*."""
    Ns, Nm, d, _ = setup(q_plus, Nplus, c1, c2, sigma)
    q_plus = np.asarray(q_plus, dtype=float)
    B = q_plus.size
    # the bonus terms and the expected penalties cancel term by term (eq. (16)); sum them as printed
    bonus = sum(q_plus * Ns[i] / Nplus + d[i] / B * sigma**2 / Nm[i] + d[i] / B * sigma**2 / Ns[i] for i in range(2))
    pen = sum(d[i] / B * (sigma**2 / Ns[i] + sigma**2 / Nm[i]) for i in range(2))
    return bonus - pen
