"""cck §4: a concrete family of mechanisms for the general hardness results (Lemma 5, Claim 6,
Theorem 3), in numpy.

Contributor i faces others who collected nothing and report a fixed dataset with mean y0 (s_-i =
{(0, f_j)}).  Her payment is a Gaussian-kernel score of her reported mean against y0 plus a size
bonus,  pi_i(Y_i) = k |Y_i| + A exp(-(mu_hat(Y_i) - y0)^2 / (2 h^2)),  and her reporting functions
are affine in the sample mean: Y_i = K copies of lam mu_hat(X_i) + (1 - lam) mu0 + beta (lam = 0:
the report ignores the data).  With X_i ~ N(mu, sigma^2)^n the reported mean is
N(lam mu + (1 - lam) mu0 + beta, lam^2 sigma^2 / n), so
  E_mu[pi_i] = k K + A h / sqrt(h^2 + v) exp(-(m(mu) - y0)^2 / (2 (h^2 + v))),  v = lam^2 sigma^2/n.
"""
from __future__ import annotations

import numpy as np

from ..errors import DomainError


def _check(sigma, n, A, h, k, K):
    if not (sigma > 0 and A > 0 and h > 0 and k >= 0):
        raise DomainError("sigma, A, h must be > 0 and k >= 0")
    if int(n) != n or n < 0 or int(K) != K or K < 1:
        raise DomainError("n must be an integer >= 0 and the reported size K an integer >= 1")


def payment(Y, y0, A, h, k):
    """pi_i(Y) for a batch of reports Y of shape (T, K)."""
    Y = np.asarray(Y, dtype=float)
    if Y.ndim != 2 or Y.shape[1] == 0:
        raise DomainError("reports must be a (T, K) batch with K >= 1 (mu_hat of an empty set)")
    return k * Y.shape[1] + A * np.exp(-(Y.mean(axis=1) - y0) ** 2 / (2 * h**2))


def expected_payment(mu, sigma, n, lam, beta, mu0, y0, A, h, k, K):
    """Closed form of E_mu[pi_i(f(X))], X ~ N(mu, sigma^2)^n, f the affine report (n = 0 needs lam = 0)."""
    _check(sigma, n, A, h, k, K)
    if n == 0 and lam != 0:
        raise DomainError("a report that uses the data needs n >= 1 collected points")
    v = 0.0 if lam == 0 else lam**2 * sigma**2 / n
    m = lam * mu + (1 - lam) * mu0 + beta
    return k * K + A * h / np.sqrt(h**2 + v) * np.exp(-(m - y0) ** 2 / (2 * (h**2 + v)))


def simulate_payment(mu, sigma, n, lam, beta, mu0, y0, A, h, k, K, T=200000, seed=0):
    """Monte Carlo of E_mu[pi_i(f(X))]: (mean, standard error)."""
    _check(sigma, n, A, h, k, K)
    rng = np.random.default_rng(seed)
    X = rng.normal(mu, sigma, size=(T, max(int(n), 1)))
    xbar = X.mean(axis=1) if n > 0 else np.zeros(T)
    Y = np.repeat((lam * xbar + (1 - lam) * mu0 + beta)[:, None], int(K), axis=1)
    p = payment(Y, y0, A, h, k)
    return float(p.mean()), float(p.std(ddof=1) / np.sqrt(T))
