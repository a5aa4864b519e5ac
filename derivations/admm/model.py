"""admm §2.1 and App. A.3: the Gaussian mean-estimation model, as formulas ``f(o, ...)``.

Notation as printed: theta ~ N(0, Sigma), s_i = theta_i + z_i, z_i ~ N(0, eta_i^2), quality
q_i = sigma_i^2 / eta_i^2, Sigma_q := Sigma + diag(sigma_1^2/q_1, ..., sigma_n^2/q_n).
Vectors are lists, indices 0-based (the paper's agent 1 is index 0).
"""
from __future__ import annotations


def inv(o, m):
    """m^-1 on any backend.  With sympy: adjugate / determinant, without sympy's invertibility test
    (a costly zero test of the determinant; every matrix inverted here is positive definite)."""
    if o.name == "sympy":
        return m.adjugate() / m.det(method="berkowitz")
    return o.inv(m)


def noise_cov(o, Sigma, q):
    """D_q = diag(sigma_1^2/q_1, ..., sigma_n^2/q_n): the noise covariance, eta_j^2 = sigma_j^2/q_j."""
    return o.diag([Sigma[j, j] / q[j] for j in range(len(q))])


def sigma_q(o, Sigma, q):
    """Sigma_q := Sigma + diag(sigma_1^2/q_1, ..., sigma_n^2/q_n) (proof of Lemma A.1)."""
    return Sigma + noise_cov(o, Sigma, q)


_MP_SIGMA_Q_INV: dict = {}


def sigma_q_inv(o, Sigma, q):
    """Sigma_q^-1 (with mpmath, computed once per (precision, Sigma, q): every agent's formula reuses it)."""
    if o.name != "mpmath":
        return inv(o, sigma_q(o, Sigma, q))
    n = len(q)
    key = (o.ctx.prec, tuple(Sigma[j, k] for j in range(n) for k in range(n)), tuple(q))
    C = _MP_SIGMA_Q_INV.get(key)
    if C is None:
        if len(_MP_SIGMA_Q_INV) > 4096:
            _MP_SIGMA_Q_INV.clear()
        C = _MP_SIGMA_Q_INV[key] = inv(o, sigma_q(o, Sigma, q))
    return C


def accuracy(o, Sigma, q, q_hat, i):
    """eq. (1): A_i(q, q_hat) = -E_s[E_{theta_i ~ pi(s,q)} (theta_hat_i(s, q_hat) - theta_i)^2].

    Direct Bayesian update in information form: treating q_hat as correct, the platform's
    posterior mean is theta_hat(s) = K s with K = (Sigma^-1 + P_hat)^-1 P_hat, P_hat the reported
    data precisions q_hat_j / sigma_j^2.  The error theta - K s = (I - K) theta - K z has
    covariance (I - K) Sigma (I - K)^T + K D_q K^T under the *true* noise D_q; A_i is minus its
    (i, i) entry.
    """
    if o.name == "sympy":  # the same symbolic expression serves several claims: build it once
        key = (tuple(Sigma), tuple(q), tuple(q_hat), i)
        if key not in _SYMPY_ACCURACY:
            _SYMPY_ACCURACY[key] = _error_cov(o, Sigma, q, q_hat)[i, i]
        return -_SYMPY_ACCURACY[key]
    if o.name == "mpmath":  # the error covariance serves every agent i: compute it once per (Sigma, q, q_hat)
        n = len(q)
        key = (o.ctx.prec, tuple(Sigma[j, k] for j in range(n) for k in range(n)), tuple(q), tuple(q_hat))
        E = _MP_ERROR_COV.get(key)
        if E is None:
            if len(_MP_ERROR_COV) > 4096:
                _MP_ERROR_COV.clear()
            E = _MP_ERROR_COV[key] = _error_cov(o, Sigma, q, q_hat)
        return -E[i, i]
    return -_error_cov(o, Sigma, q, q_hat)[i, i]


_SYMPY_ACCURACY: dict = {}
_MP_ERROR_COV: dict = {}


def _error_cov(o, Sigma, q, q_hat):
    """Covariance of theta - theta_hat(s, q_hat) under the true qualities q (see ``accuracy``)."""
    n = len(q)
    P_hat = o.diag([q_hat[j] / Sigma[j, j] for j in range(n)])
    K = inv(o, inv(o, Sigma) + P_hat) * P_hat
    I_K = o.eye(n) - K
    return I_K * Sigma * o.T(I_K) + K * noise_cov(o, Sigma, q) * o.T(K)


def value(o, Sigma, q, q_hat, i):
    """eq. (2): v_i(q, q_hat) := 1 + A_i(q, q_hat) / sigma_i^2."""
    return 1 + accuracy(o, Sigma, q, q_hat, i) / Sigma[i, i]


def value_truthful(o, Sigma, q, i):
    """§3.1: v_i(q_i, q_-i) := v_i([q_i, q_-i], [q_i, q_-i]) (truthful reports)."""
    return value(o, Sigma, q, q, i)


def with_entry(q, i, t):
    """The vector q with its i-th entry replaced by t."""
    return [t if j == i else q[j] for j in range(len(q))]


def value_derivative(o, Sigma, q, i):
    """d v_i(q_i, q_-i) / d q_i, by differentiating eq. (2) (symbolic or numerical)."""
    return o.diff(lambda t: value_truthful(o, Sigma, with_entry(q, i, t), i), q[i])


def virtual_value(o, Sigma, q, i, hazard_ratio):
    """eq. (3): phi_{i,q_-i}(q_i) := v_i(q_i, q_-i) - dv_i/dq_i * (1 - F_i(q_i)) / f_i(q_i).

    ``hazard_ratio`` is (1 - F_i(q_i)) / f_i(q_i) evaluated at q_i.
    """
    return value_truthful(o, Sigma, q, i) - value_derivative(o, Sigma, q, i) * hazard_ratio


def value_A1(o, Sigma, q, i):
    """(A.1): v_i(q) = (Sigma_i1..Sigma_in) Sigma_q^-1 (Sigma_i1..Sigma_in)^T / sigma_i^2."""
    row = o.row(Sigma, i)
    return o.quad(row, sigma_q_inv(o, Sigma, q), row) / Sigma[i, i]


def accuracy_B1(o, Sigma, q, i):
    """(B.1): A_1(q) = (sigma_1^2, Sigma_12, ..., Sigma_1n) Sigma_q^-1 (...)^T - sigma_1^2 (agent i)."""
    row = o.row(Sigma, i)
    return o.quad(row, sigma_q_inv(o, Sigma, q), row) - Sigma[i, i]


def accuracy_derivative_B5(o, Sigma, q, i):
    """(B.5): dA_1/dq_1 = (sigma_1^2/q_1^2) (-sigma_1^2 c_11 / q_1 + 1)^2, c_11 = (Sigma_q^-1)_11."""
    c = sigma_q_inv(o, Sigma, q)[i, i]
    s2 = Sigma[i, i]
    return s2 / q[i] ** 2 * (-s2 * c / q[i] + 1) ** 2
