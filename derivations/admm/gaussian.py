"""admm §2.1 / App. A.3 in numpy: accuracy (eq. 1), value (eq. 2, A.1), its derivative (B.5), and
the virtual value (eq. 3) for all n agents at once.

Numerics: everything is computed from Cholesky factors of matrices whose eigenvalues are >= 1,
and as sums of squares where the quantity is a variance, so nothing cancels:
- with S = diag(sqrt(q_j)/sigma_j), Sigma_q^-1 = S (I + S Sigma S)^-1 S, hence
  v_i(q) sigma_i^2 = Sigma_i. Sigma_q^-1 Sigma_.i = || R^-1 S Sigma_.i ||^2, R R^T = I + S Sigma S;
- the posterior covariance is L (I + L^T P L)^-1 L^T (L L^T = Sigma, P = S^2), so
  -A_i(q, q) = || G^-1 L^T e_i ||^2 with G G^T = I + L^T P L;
- with misreports, MSE(w) = MSE(w*) + (w - w*) Sigma_q (w - w*)^T exactly (w* the Bayes weights),
  and w - w* = (w ∘ d) Sigma_q^-1 with d_j = sigma_j^2 (1/q_j - 1/q_hat_j), so the excess is again a
  sum of squares; the value with misreports picks, per agent, the better of two exact forms.
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
    # two exact forms of v_i(q, q_hat) sigma_i^2, each a difference of non-negative terms:
    #   (a) v_i(q, q) sigma_i^2 - loss_i                 (cancels when loss ~ truthful value,
    #                                                       e.g. q_hat_i << q_i: v ~ 0)
    #   (b) V_hat_i - sum_j W_hat_ij^2 d_j, d_j = sigma_j^2 (1/q_j - 1/q_hat_j)
    #       (V_hat = v(q_hat, q_hat) sigma^2: MSE(w) = sigma_i^2 - 2 w.b + w Sigma_q w^T with
    #        w = b^T Sigma_qhat^-1, so w.b = V_hat and w Sigma_q w^T = V_hat + sum_j w_j^2 d_j)
    # per agent, the one whose terms are smaller (smaller rounding bound) is used.
    loss, W_hat, d = _misreport_parts(Sigma, q, q_hat)
    Sigma_h, q_h = _check(Sigma, q_hat, name="q_hat", positive=True)
    R_h, s_h = _scaled_factor(Sigma_h, q_h)
    Y_h = solve_triangular(R_h, s_h[:, None] * Sigma_h, lower=True)
    V_hat = np.einsum("ki,ki->i", Y_h, Y_h)
    T = W_hat**2 * d[None, :]
    corr = T.sum(axis=1)
    bound_a = v * sig2 + loss
    bound_b = V_hat + np.abs(T).sum(axis=1)
    return np.where(bound_b < bound_a, (V_hat - corr) / sig2, v - loss / sig2)


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


def _weights(Sigma, q, refine=2):
    """W = Sigma Sigma_q^-1 = Sigma S (I + S Sigma S)^-1 S: row i are the Bayes weights for task i.

    ``refine`` steps of iterative refinement with the residual Sigma - (I + S Sigma S)-form computed
    in extended precision (numpy.longdouble; plain double refinement where longdouble is double):
    the excess-MSE terms multiply individual weights by d_j = sigma_j^2 (1/q_j - 1/q_hat_j), which
    can be large, so the weights are needed to a few ulps componentwise, not just normwise
    (cond(Sigma_q) ~ 100 would otherwise cost ~5 bits).
    """
    R, s = _scaled_factor(Sigma, q)
    B = s[:, None] * Sigma
    X = cho_solve((R, True), B)  # (I + S Sigma S)^-1 S Sigma
    if not refine:
        return (s[:, None] * X).T
    ld = np.longdouble
    s_l = np.sqrt(np.asarray(q, dtype=ld) / np.diag(Sigma).astype(ld))
    M_l = np.eye(len(q), dtype=ld) + s_l[:, None] * Sigma.astype(ld) * s_l[None, :]
    B_l = s_l[:, None] * Sigma.astype(ld)
    for _ in range(refine):
        resid = (B_l - M_l @ X.astype(ld)).astype(float)
        X = X + cho_solve((R, True), resid)
    return (s_l[:, None] * X.astype(ld)).T.astype(float)


def _misreport_parts(Sigma, q, q_hat):
    """The excess MSE (w - w*) Sigma_q (w - w*)^T of every task from using reported qualities, the
    reported Bayes weights W_hat (row i: task i) and d_j = sigma_j^2 (1/q_j - 1/q_hat_j).

    w - w* = b^T (Sigma_qhat^-1 - Sigma_q^-1) = b^T Sigma_qhat^-1 (Sigma_q - Sigma_qhat) Sigma_q^-1
    = (w ∘ d) Sigma_q^-1, so the loss is the quadratic form u Sigma_q^-1 u^T, u = w ∘ d, i.e. the sum
    of squares || R^-1 S u ||^2 (R R^T = I + S Sigma S): no difference of two computed weight
    matrices, no cancellation.
    """
    _, q_hat = _check(Sigma, q_hat, name="q_hat", positive=True)
    sig2 = np.diag(Sigma)
    d = sig2 * (q_hat - q) / (q * q_hat)
    W_hat = _weights(Sigma, q_hat)
    R, s = _scaled_factor(Sigma, q)
    Z = solve_triangular(R, s[:, None] * (W_hat * d[None, :]).T, lower=True)
    return np.einsum("ki,ki->i", Z, Z), W_hat, d


def _misreport_loss(Sigma, q, q_hat):
    """(w - w*) Sigma_q (w - w*)^T for each task: the excess MSE from using reported qualities."""
    return _misreport_parts(Sigma, q, q_hat)[0]


def value_derivative(Sigma, q):
    """dv_i(q_i, q_-i)/dq_i for every i: (B.5) divided by sigma_i^2, i.e. (1/q_i^2)(1 - c_ii sigma_i^2/q_i)^2.

    1 - c_ii sigma_i^2/q_i = [Sigma Sigma_q^-1]_ii = s_i [(I + S Sigma S)^-1 S Sigma]_ii, so the
    derivative is X_ii^2 / (sigma_i^2 q_i) without cancellation.
    """
    Sigma, q = _check(Sigma, q, positive=True)
    # X_ii = W_ii / s_i with W the (refined) Bayes weights, so X_ii^2 / (sigma_i^2 q_i) = (W_ii / q_i)^2
    return (np.diag(_weights(Sigma, q)) / q) ** 2


def virtual_value(Sigma, q, hazard_ratio):
    """phi_{i,q_-i}(q_i) of eq. (3) for every i, given (1 - F_i(q_i))/f_i(q_i) for every i."""
    h = np.asarray(hazard_ratio, dtype=float)
    Sigma, q = _check(Sigma, q, positive=True)
    if h.shape != q.shape or np.isnan(h).any() or np.any(h < 0):
        raise DomainError("hazard_ratio (1 - F)/f must be a non-negative vector matching q")
    return value(Sigma, q) - value_derivative(Sigma, q) * h
