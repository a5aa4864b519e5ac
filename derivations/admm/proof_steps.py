"""admm: formulas ``f(o, ...)`` for the remaining displayed steps (App. B proofs of Lemma A.1, Lemma A.2,
Proposition A.1 and Proposition A.2(i); App. C proof of Lemma B.1; verbal rows' concrete consequences).

Conventions as in ``model``: Sigma_q := Sigma + D_q, D_q = diag(sigma_j^2/q_j), C := Sigma_q^-1, the
paper's agent 1 is the 0-based index i.  The eps-decomposition of (B.16) is taken on the eps-family
Sigma(eps) of ``asymptotics`` (off-diagonal entries of a drawn SPD matrix times eps), so that
M = eps^-1 offdiag(Sigma(eps)) = offdiag(Sigma) does not depend on eps.
"""
from __future__ import annotations

import numpy as np

from ..domains import check_spd
from ..errors import DomainError
from . import asymptotics as X
from . import gaussian
from . import model
from .model import inv


def _n(q):
    return len(q)


def mat_entries(o, M, n):
    return [M[j, k] for j in range(n) for k in range(n)]


def frob(o, M, n):
    """Frobenius norm (sub-multiplicative, dominates the spectral norm)."""
    return o.sqrt(sum(M[j, k] ** 2 for j in range(n) for k in range(n)))


# ----------------------------------------------------------------------------- §2.1, proof of Lemma A.1

def mse_linear(o, Sigma, q, i, kv):
    """E(theta_i - k.s)^2 for any linear estimator k.s: sigma_i^2 - 2 k Sigma_{.i} + k Sigma_q k^T."""
    n = _n(q)
    k = kv
    Sq = model.sigma_q(o, Sigma, q)
    return Sigma[i, i] - 2 * sum(k[j] * Sigma[j, i] for j in range(n)) + o.quad(k, Sq, k)


def joint_cov_printed(o, Sigma, q, i):
    """The displayed covariance of [theta_i, s_1, ..., s_n] (proof of Lemma A.1(i), agent i)."""
    n = _n(q)
    rows = [[Sigma[i, i]] + [Sigma[i, i] if j == i else Sigma[i, j] for j in range(n)]]
    for j in range(n):
        rows.append([Sigma[j, i] if j != i else Sigma[i, i]]
                    + [Sigma[j, j] * (q[j] + 1) / q[j] if j == k else Sigma[j, k] for k in range(n)])
    return o.matrix(rows)


def joint_cov_linear_map(o, Sigma, q, i):
    """Cov of L [theta; z] with [theta; z] ~ N(0, blockdiag(Sigma, D_q)), L = [[e_i^T, 0], [I, I]]."""
    n = _n(q)
    L = o.matrix([[1 if k == i else 0 for k in range(2 * n)]]
                 + [[1 if (k == j or k == n + j) else 0 for k in range(2 * n)] for j in range(n)])
    B = o.matrix([[Sigma[j, k] if (j < n and k < n) else (Sigma[j - n, j - n] / q[j - n] if j == k else 0)
                   for k in range(2 * n)] for j in range(2 * n)])
    return L * B * o.T(L)


def posterior_var_info(o, Sigma, q, i):
    """Var(theta_i | s) in information form: ((Sigma^-1 + diag(q_j / sigma_j^2))^-1)_ii."""
    n = _n(q)
    P = o.diag([q[j] / Sigma[j, j] for j in range(n)])
    return inv(o, inv(o, Sigma) + P)[i, i]


def posterior_var_printed(o, Sigma, q, i):
    """sigma^2 = sigma_i^2 - (Sigma_i.) Sigma_q^-1 (Sigma_i.)^T."""
    r = o.row(Sigma, i)
    return Sigma[i, i] - o.quad(r, inv(o, model.sigma_q(o, Sigma, q)), r)


def posterior_gain_info(o, Sigma, q, i):
    """Row i of (Sigma^-1 + P)^-1 P: the weights of the posterior mean theta_hat_i(s) = w.s."""
    n = _n(q)
    P = o.diag([q[j] / Sigma[j, j] for j in range(n)])
    K = inv(o, inv(o, Sigma) + P) * P
    return [K[i, j] for j in range(n)]


def posterior_gain_printed(o, Sigma, q, i):
    """(Sigma_i.) Sigma_q^-1 (regression of theta_i on s)."""
    n = _n(q)
    C = inv(o, model.sigma_q(o, Sigma, q))
    return [sum(Sigma[i, k] * C[k, j] for k in range(n)) for j in range(n)]


def dsigma_q_entry(o, Sigma, q, i, k, l):
    """d (Sigma_q)_kl / d q_i (numerical / symbolic differentiation)."""
    return o.diff(lambda t: model.sigma_q(o, Sigma, model.with_entry(q, i, t))[k, l], q[i])


def dC_entry(o, Sigma, q, i, k, l):
    """d (Sigma_q^-1)_kl / d q_i by differentiating the inverse."""
    return o.diff(lambda t: inv(o, model.sigma_q(o, Sigma, model.with_entry(q, i, t)))[k, l], q[i])


def dC_B2(o, Sigma, q, i):
    """(B.2): -Sigma_q^-1 (d Sigma_q / d q_i) Sigma_q^-1 with d Sigma_q/d q_i = diag(.., -sigma_i^2/q_i^2, ..)."""
    n = _n(q)
    C = inv(o, model.sigma_q(o, Sigma, q))
    dS = o.diag([-Sigma[i, i] / q[i] ** 2 if j == i else 0 for j in range(n)])
    return -(C * dS * C)


def dC_B2_entry(o, Sigma, q, i, k, l):
    return dC_B2(o, Sigma, q, i)[k, l]


def dC_B3_entry(o, Sigma, q, i, k, l):
    """(B.3): (sigma_i^2 / q_i^2) c_ik c_il."""
    C = inv(o, model.sigma_q(o, Sigma, q))
    return Sigma[i, i] / q[i] ** 2 * C[i, k] * C[i, l]


def dA_truthful(o, Sigma, q, i):
    """d A_i(q, q) / d q_i of eq. (1) (both the true and the reported quality move)."""
    return o.diff(lambda t: model.accuracy(o, Sigma, model.with_entry(q, i, t), model.with_entry(q, i, t), i), q[i])


def B4_printed(o, Sigma, q, i):
    """(B.4) as printed: -(Sigma_i.) dSigma_q^-1/dq_i (Sigma_i.)^T, with dSigma_q^-1/dq_i from (B.2)."""
    r = o.row(Sigma, i)
    return -o.quad(r, dC_B2(o, Sigma, q, i), r)


def B4_corrected(o, Sigma, q, i):
    r = o.row(Sigma, i)
    return o.quad(r, dC_B2(o, Sigma, q, i), r)


def excess_mse(o, Sigma, q, q_hat, i):
    """(k_hat - k) Sigma_q (k_hat - k)^T, k = (Sigma_i.) Sigma_q^-1, k_hat = (Sigma_i.) Sigma_q_hat^-1."""
    k = posterior_gain_printed(o, Sigma, q, i)
    kh = posterior_gain_printed(o, Sigma, q_hat, i)
    d = [a - b for a, b in zip(kh, k)]
    return o.quad(d, model.sigma_q(o, Sigma, q), d)


def accuracy_loss(o, Sigma, q, q_hat, i):
    return model.accuracy(o, Sigma, q, q, i) - model.accuracy(o, Sigma, q, q_hat, i)


# ----------------------------------------------------------------------------- proof of Lemma A.2

def total_accuracy_loss(o, Sigma, q, q_hat):
    return sum(accuracy_loss(o, Sigma, q, q_hat, j) for j in range(_n(q)))


def trace_form_B7(o, Sigma, q, q_hat):
    """tr(Sigma Delta Sigma_q Delta Sigma), Delta = Sigma_q_hat^-1 - Sigma_q^-1: zero iff Sigma Delta = 0."""
    n = _n(q)
    Dl = inv(o, model.sigma_q(o, Sigma, q_hat)) - inv(o, model.sigma_q(o, Sigma, q))
    T = Sigma * Dl * model.sigma_q(o, Sigma, q) * Dl * Sigma
    return sum(T[j, j] for j in range(n))


def _D(o, Sigma, q):
    return model.noise_cov(o, Sigma, q)


def lemmaA2_line1(o, Sigma, q, q_hat):
    return Sigma * inv(o, Sigma + _D(o, Sigma, q_hat)) - Sigma * inv(o, Sigma + _D(o, Sigma, q))


def lemmaA2_line2_printed(o, Sigma, q, q_hat):
    Dh, D = _D(o, Sigma, q_hat), _D(o, Sigma, q)
    return (Sigma + Dh - D) * inv(o, Sigma + D) - (Sigma + D - D) * inv(o, Sigma + D)


def lemmaA2_line2_corrected(o, Sigma, q, q_hat):
    Dh, D = _D(o, Sigma, q_hat), _D(o, Sigma, q)
    return (Sigma + Dh - Dh) * inv(o, Sigma + Dh) - (Sigma + D - D) * inv(o, Sigma + D)


def lemmaA2_line3(o, Sigma, q, q_hat):
    n = _n(q)
    Dh, D = _D(o, Sigma, q_hat), _D(o, Sigma, q)
    return (o.eye(n) - Dh * inv(o, Sigma + Dh)) - (o.eye(n) - D * inv(o, Sigma + D))


def lemmaA2_line4(o, Sigma, q, q_hat):
    n = _n(q)
    Dh, D = _D(o, Sigma, q_hat), _D(o, Sigma, q)
    return -inv(o, Sigma * inv(o, Dh) + o.eye(n)) + inv(o, Sigma * inv(o, D) + o.eye(n))


def sigma_Dinv_diag(o, Sigma, q, i):
    """(Sigma D_q^-1)_ii."""
    return (Sigma * inv(o, _D(o, Sigma, q)))[i, i]


# ----------------------------------------------------------------------------- proof of Proposition A.2(i)

def alphas(q):
    return [t / (1 + t) for t in q]


def D_B16(o, Sigma, q):
    """D := diag(sigma_j^2 / alpha_j)."""
    a = alphas(q)
    return o.diag([Sigma[j, j] / a[j] for j in range(_n(q))])


def Dinv(o, Sigma, q):
    a = alphas(q)
    return o.diag([a[j] / Sigma[j, j] for j in range(_n(q))])


def M_B16(o, Sigma, q):
    """M := eps^-1 offdiag(Sigma(eps)) = offdiag(Sigma) on the eps-family."""
    n = _n(q)
    return o.matrix([[0 if j == k else Sigma[j, k] for k in range(n)] for j in range(n)])


def sigma_q_eps(o, Sigma, q, eps):
    return model.sigma_q(o, X.sigma_eps(o, Sigma, q, eps), q)


def B16_rhs(o, Sigma, q, eps):
    return D_B16(o, Sigma, q) + eps * M_B16(o, Sigma, q)


def norms_ML(o, Sigma, q):
    """(||M||_F, ||M D^-1||_F)."""
    n = _n(q)
    M = M_B16(o, Sigma, q)
    return frob(o, M, n), frob(o, M * Dinv(o, Sigma, q), n)


def L_uniform(o, Sigma, q):
    """A bound on max{||M||, ||M D^-1||} that does not depend on q: ||M||_F max(1, max_j 1/sigma_j^2)
    (alpha_j <= 1)."""
    n = _n(q)
    M = M_B16(o, Sigma, q)
    return frob(o, M, n) * o.max(1, max(1 / Sigma[j, j] for j in range(n)))


def L_of(o, Sigma, q):
    a, b = norms_ML(o, Sigma, q)
    return o.max(a, b)


def X_of(o, Sigma, q, eps):
    """eps M D^-1."""
    return eps * M_B16(o, Sigma, q) * Dinv(o, Sigma, q)


def R_B17(o, Sigma, q, eps):
    """R := sum_{k>=3} (-1)^k eps^k (M D^-1)^{k-1} M = -X^3 (I + X)^-1 D, X = eps M D^-1 (geometric series)."""
    n = _n(q)
    Xm = X_of(o, Sigma, q, eps)
    return -(Xm * Xm * Xm) * inv(o, o.eye(n) + Xm) * D_B16(o, Sigma, q)


def B17_rhs(o, Sigma, q, eps):
    n = _n(q)
    Di = Dinv(o, Sigma, q)
    Xm = X_of(o, Sigma, q, eps)
    return Di * (o.eye(n) - Xm + Xm * Xm + R_B17(o, Sigma, q, eps) * Di)


def B17_lhs(o, Sigma, q, eps):
    return inv(o, sigma_q_eps(o, Sigma, q, eps))


def R_series_bound(o, Sigma, q, eps):
    """sum_{k>=3} eps^k ||M D^-1||^{k-1} ||M|| = eps^3 ||MD^-1||^2 ||M|| / (1 - eps ||MD^-1||)."""
    m, md = norms_ML(o, Sigma, q)
    return eps ** 3 * md ** 2 * m / (1 - eps * md)


def v_line_a(o, Sigma, q, i, sigma_factor):
    """The line after step (a): sigma_1^2 D_11^-1 + eps^2 (sum_j (M_1j^2 D_jj^-1 / s - 2 M_1j (D^-1 M D^-1)_1j)
    + sigma_1^2 (D^-1 (M D^-1)^2)_11), with s = 1 (as printed) or s = sigma_1^2 (corrected); eps enters
    through the caller."""
    n = _n(q)
    Di = Dinv(o, Sigma, q)
    M = M_B16(o, Sigma, q)
    DMD = Di * M * Di
    DMDMD = Di * M * Di * M * Di
    s = 1 if not sigma_factor else Sigma[i, i]
    second = sum(M[i, j] ** 2 * Di[j, j] / s - 2 * M[i, j] * DMD[i, j] for j in range(n) if j != i) \
        + Sigma[i, i] * DMDMD[i, i]
    return Sigma[i, i] * Di[i, i], second


def step_b_identities_lhs(o, Sigma, q, i):
    n = _n(q)
    Di = Dinv(o, Sigma, q)
    M = M_B16(o, Sigma, q)
    DMD = Di * M * Di
    DMDMD = Di * M * Di * M * Di
    return [Di[i, i]] + [Di[j, j] for j in range(n) if j != i] + [DMD[i, j] for j in range(n) if j != i] + [DMDMD[i, i]]


def step_b_identities_rhs(o, Sigma, q, i):
    n = _n(q)
    a = alphas(q)
    M = M_B16(o, Sigma, q)
    s1 = Sigma[i, i]
    others = [j for j in range(n) if j != i]
    return ([a[i] / s1] + [a[j] / Sigma[j, j] for j in others]
            + [a[i] * M[i, j] * a[j] / (s1 * Sigma[j, j]) for j in others]
            + [a[i] ** 2 / s1 * sum(M[i, j] ** 2 * a[j] / (s1 * Sigma[j, j]) for j in others)])


def sum_M2(o, Sigma, q, i, with_alpha_i=False):
    """sum_{j != i} M_ij^2 alpha_j / (sigma_i^2 sigma_j^2) (times alpha_i if asked)."""
    a = alphas(q)
    s = sum(M_B16(o, Sigma, q)[i, j] ** 2 * a[j] / (Sigma[i, i] * Sigma[j, j]) for j in range(_n(q)) if j != i)
    return s * a[i] if with_alpha_i else s


def v_step_b(o, Sigma, q, i, eps):
    """alpha_1 + eps^2 (1 - 2 alpha_1 + alpha_1^2) sum_j M_1j^2 alpha_j / (sigma_1^2 sigma_j^2)."""
    a = alphas(q)[i]
    return a + eps ** 2 * (1 - 2 * a + a ** 2) * sum_M2(o, Sigma, q, i)


def c11_B19(o, Sigma, q, i, eps):
    """(alpha_1/sigma_1^2)(1 + eps^2 sum_j M_1j^2 alpha_1 alpha_j/(sigma_1^2 sigma_j^2))."""
    a = alphas(q)[i]
    return a / Sigma[i, i] * (1 + eps ** 2 * sum_M2(o, Sigma, q, i, with_alpha_i=True))


def c11_B19_with_R(o, Sigma, q, i, eps):
    a = alphas(q)[i]
    return c11_B19(o, Sigma, q, i, eps) + (a / Sigma[i, i]) ** 2 * R_B17(o, Sigma, q, eps)[i, i]


def c11_exact(o, Sigma, q, i, eps):
    return inv(o, sigma_q_eps(o, Sigma, q, eps))[i, i]


def dv_exact_eps(o, Sigma, q, i, eps):
    return X.dv_exact(o, X.sigma_eps(o, Sigma, q, eps), q, i)


def chain_d(o, Sigma, q, i, eps):
    """(1 - alpha_1)^2 (1 - eps^2 (1 - alpha_1) sum_j M_1j^2 alpha_j/(sigma_1^2 sigma_j^2))^2."""
    a = alphas(q)[i]
    return (1 - a) ** 2 * (1 - eps ** 2 * (1 - a) * sum_M2(o, Sigma, q, i)) ** 2


def chain_f(o, Sigma, q, i, eps):
    """(1 - alpha_1)^2 (1 - 2 (1 - alpha_1) sum_j sigma_1j^2 alpha_j) with sigma_1j = Sigma_1j(eps)/(sigma_1 sigma_j)."""
    a = alphas(q)
    Se = X.sigma_eps(o, Sigma, q, eps)
    s = sum(X.corr_sq(Se, i, j) * a[j] for j in range(_n(q)) if j != i)
    return (1 - a[i]) ** 2 * (1 - 2 * (1 - a[i]) * s)


# ----------------------------------------------------------------------------- App. C, proof of Lemma B.1
# A posted-threshold mechanism for agent i (given q_-i): x(t) = 1{t >= tau}, p(t) = v_i(tau, q_-i) x(t) + fee,
# which is ex-post IC and IR (Theorem 1's cases) whatever tau; ``fee`` shifts U_i(0) = -fee.

def v_true_report(o, Sigma, q, i, t, r):
    """v_i([t, q_-i], [r, q_-i]): agent i's value with true quality t and report r."""
    return model.value(o, Sigma, model.with_entry(q, i, t), model.with_entry(q, i, r), i)


def v_truthful_at(o, Sigma, q, i, t):
    return model.value_truthful(o, Sigma, model.with_entry(q, i, t), i)


def dv_truthful_at(o, Sigma, q, i, t):
    """d v_i(t, q_-i)/d t by (B.5) / sigma_i^2 (closed form; Arb-evaluable)."""
    return model.accuracy_derivative_B5(o, Sigma, model.with_entry(q, i, t), i) / Sigma[i, i]


def x_post(o, t, tau):
    return 1 if t >= tau else 0


def utility_post(o, Sigma, q, i, t, tau, fee=0):
    """Ex-post utility of a truthful agent with quality t: v(t) x(t) - p(t)."""
    x = x_post(o, t, tau)
    return (v_truthful_at(o, Sigma, q, i, t) - v_truthful_at(o, Sigma, q, i, tau)) * x - fee


def own_gain(o, Sigma, q, i):
    """k_i: the weight of agent i's own signal in theta_hat_i(s, q) (from (B.1)'s regression row)."""
    return posterior_gain_printed(o, Sigma, q, i)[i]


# ----------------------------------------------------------------------------- numpy implementations

def _check_instance(Sigma, q, i):
    S = check_spd("Sigma", Sigma)
    q = np.asarray(q, dtype=float)
    if q.shape != (S.shape[0],):
        raise DomainError(f"q must have shape ({S.shape[0]},), got {q.shape}")
    if not (np.isfinite(q).all() and (q > 0).all()):
        raise DomainError("every quality q_j must be finite and > 0")
    if not (isinstance(i, (int, np.integer)) and 0 <= i < S.shape[0]):
        raise DomainError(f"i must be an index in [0, {S.shape[0]}) (got {i!r})")
    return S, q


def phi_hat_numpy(Sigma, q, i, h):
    """(B.12) with v-hat of (A.5): v-hat_i(q) - d v-hat_i/d q_i * h, h = (1 - F_i(q_i))/f_i(q_i) >= 0."""
    S, q = _check_instance(Sigma, q, i)
    if not (np.isfinite(h) and h >= 0):
        raise DomainError(f"the hazard ratio h must be finite and >= 0 (got {h})")
    d = np.diag(S)
    others = np.arange(len(q)) != i
    s = float(np.sum(S[i, others] ** 2 / (d[i] * d[others]) * q[others] / (1 + q[others])))
    qi = float(q[i])
    return qi / (1 + qi) + s / (1 + qi) ** 2 - ((1 + qi) - 2 * s) / (1 + qi) ** 3 * h


def interim_utility_numpy(Sigma, q, i, tau, Q, nodes=48):
    """(C.1) for two agents: U_i(q_i) = E_{q_j ~ U[0, Q]}[v_i x_i - p_i] under the posted threshold tau
    (x_i = 1{q_i >= tau}, p_i = v_i(tau, q_j) x_i), by Gauss-Legendre quadrature on [0, Q]."""
    S, q = _check_instance(Sigma, q, i)
    if S.shape[0] != 2:
        raise DomainError("interim_utility_numpy needs two agents (n = 2)")
    if not (np.isfinite(tau) and tau > 0):
        raise DomainError(f"the threshold tau must be finite and > 0 (got {tau})")
    if not (np.isfinite(Q) and Q > 0):
        raise DomainError(f"Q must be finite and > 0 (got {Q})")
    if q[i] < tau:
        return 0.0
    j = 1 - i
    xs, ws = np.polynomial.legendre.leggauss(nodes)
    xs = (xs + 1) / 2 * Q
    tot = 0.0
    for x, w in zip(xs, ws):
        qq = q.copy()
        qq[j] = x
        qt = qq.copy()
        qt[i] = tau
        tot += w / 2 * (gaussian.value(S, qq)[i] - gaussian.value(S, qt)[i])
    return float(tot)
