"""admm §2.1 / App. A.3 in numpy: accuracy (eq. 1), value (eq. 2, A.1), its derivative (B.5), and
the virtual value (eq. 3) for all n agents at once.

Numerics: everything is computed from Cholesky factors of matrices whose eigenvalues are >= 1,
and as sums of squares where the quantity is a variance, so nothing cancels:
- with S = diag(sqrt(q_j)/sigma_j), Sigma_q^-1 = S (I + S Sigma S)^-1 S, hence
  v_i(q) sigma_i^2 = Sigma_i. Sigma_q^-1 Sigma_.i = || R^-1 S Sigma_.i ||^2, R R^T = I + S Sigma S;
- the posterior covariance is L (I + L^T P L)^-1 L^T (L L^T = Sigma, P = S^2), so
  -A_i(q, q) = || G^-1 L^T e_i ||^2 with G G^T = I + L^T P L;
- with misreports, MSE(w) = MSE(w*) + (w - w*) Sigma_q (w - w*)^T exactly (w* the Bayes weights).
"""
from __future__ import annotations

import numpy as np
from scipy.linalg import cho_factor, cho_solve, solve_triangular

from ..domains import check_spd
from ..errors import DomainError


def _check(Sigma, q, name="q", positive=False):
    S = check_spd("Sigma", Sigma)
    q = np.asarray(q, dtype=float)
    if q.shape != (S.shape[0],):
        raise DomainError(f"{name} must have shape ({S.shape[0]},) to match Sigma, got {q.shape}")
    if np.isnan(q).any():
        raise DomainError(f"{name} must not contain NaN")
    if positive and np.any(q <= 0):
        raise DomainError(f"{name} must be > 0 entrywise (sigma_j^2/{name}_j is the noise variance)")
    if np.any(q < 0):
        raise DomainError(f"{name} must be >= 0 entrywise (qualities are sigma_i^2/eta_i^2 >= 0)")
    if np.isinf(q).any():
        raise DomainError(f"{name} must be finite (q_j = inf is a noiseless signal, outside eq. (1))")
    return S, q


def _scaled_factor(Sigma, q):
    """Lower Cholesky factor R of I + S Sigma S and s = sqrt(q)/sigma."""
    s = np.sqrt(q / np.diag(Sigma))
    M = np.eye(len(q)) + s[:, None] * Sigma * s[None, :]
    return np.linalg.cholesky(M), s


def value(Sigma, q, q_hat=None):
    """v_i(q, q_hat) of eq. (2) for every agent i; truthful (A.1) when ``q_hat`` is None."""
    Sigma, q = _check(Sigma, q, positive=q_hat is not None)
    sig2 = np.diag(Sigma)
    R, s = _scaled_factor(Sigma, q)
    Y = solve_triangular(R, s[:, None] * Sigma, lower=True)
    v = np.einsum("ki,ki->i", Y, Y) / sig2
    if q_hat is None:
        return v
    return v - _misreport_loss(Sigma, q, q_hat) / sig2


def accuracy(Sigma, q, q_hat=None):
    """A_i(q, q_hat) of eq. (1) for every agent i (minus the mean squared error)."""
    Sigma, q = _check(Sigma, q, positive=q_hat is not None)
    L = np.linalg.cholesky(Sigma)
    G = np.linalg.cholesky(np.eye(len(q)) + L.T @ ((q / np.diag(Sigma))[:, None] * L))
    Z = solve_triangular(G, L.T, lower=True)
    post = np.einsum("ki,ki->i", Z, Z)
    if q_hat is None:
        return -post
    return -(post + _misreport_loss(Sigma, q, q_hat))


def _weights(Sigma, q):
    """W = Sigma Sigma_q^-1 = Sigma S (I + S Sigma S)^-1 S: row i are the Bayes weights for task i."""
    R, s = _scaled_factor(Sigma, q)
    X = cho_solve((R, True), s[:, None] * Sigma)  # (I + S Sigma S)^-1 S Sigma
    return (s[:, None] * X).T


def _misreport_loss(Sigma, q, q_hat):
    """(w - w*) Sigma_q (w - w*)^T for each task: the excess MSE from using reported qualities."""
    _, q_hat = _check(Sigma, q_hat, name="q_hat", positive=True)
    D = np.diag(Sigma) / q
    Delta = _weights(Sigma, q_hat) - _weights(Sigma, q)
    return np.einsum("ij,jk,ik->i", Delta, Sigma, Delta) + (Delta**2) @ D


def value_derivative(Sigma, q):
    """dv_i(q_i, q_-i)/dq_i for every i: (B.5) divided by sigma_i^2, i.e. (1/q_i^2)(1 - c_ii sigma_i^2/q_i)^2.

    1 - c_ii sigma_i^2/q_i = [Sigma Sigma_q^-1]_ii = s_i [(I + S Sigma S)^-1 S Sigma]_ii, so the
    derivative is X_ii^2 / (sigma_i^2 q_i) without cancellation.
    """
    Sigma, q = _check(Sigma, q, positive=True)
    R, s = _scaled_factor(Sigma, q)
    X = cho_solve((R, True), s[:, None] * Sigma)
    return np.diag(X) ** 2 / (np.diag(Sigma) * q)


def virtual_value(Sigma, q, hazard_ratio):
    """phi_{i,q_-i}(q_i) of eq. (3) for every i, given (1 - F_i(q_i))/f_i(q_i) for every i."""
    h = np.asarray(hazard_ratio, dtype=float)
    Sigma, q = _check(Sigma, q, positive=True)
    if h.shape != q.shape or np.isnan(h).any() or np.any(h < 0):
        raise DomainError("hazard_ratio (1 - F)/f must be a non-negative vector matching q")
    return value(Sigma, q) - value_derivative(Sigma, q) * h
