"""admm Example 1 / Figure 1 (§3.3, footnote 3): three agents, q_i ~ U[0, 10] i.i.d., agent 1 correlated with
agents 2 and 3 with correlation factor rho, agents 2 and 3 uncorrelated, rho in [-1/sqrt 2, 1/sqrt 2].

Reading of footnote 3 ("eta_i = 1"): the value (A.1) depends on Sigma only through the correlation matrix
R = [[1, rho, rho], [rho, 1, 0], [rho, 0, 1]] and on q (v_i is invariant under Sigma -> D Sigma D with D
diagonal positive, since the noise variances sigma_j^2/q_j scale along), so every choice of variances --
unit variances with eta_i^2 = 1/q_i, or sigma_i^2 = q_i with eta_i = 1 -- gives the same payments.  At
|rho| = 1/sqrt 2, R is singular (det R = 1 - 2 rho^2) but Sigma_q stays positive definite.

Expected payments of the optimal mechanism (Theorem 2, Algorithm 1), by the closed form of
``asymptotics``: E_{q_i}[p_i | q_-i] = P(b_i) with b_i = 1/(1 - v_i(0, q_-i)), and
  agent 1:      v_1(0, q_-1) = rho^2 (a_2 + a_3),
  agents 2, 3:  v_2(0, q_-2) = rho^2 a_1 / (1 - rho^2 a_1 a_3),     a_j := q_j/(1 + q_j)
(squared multiple correlation of theta_i with the others' signals).  The outer expectation over q_-i is a
2-D integral, done by Gauss-Legendre rules in u with q = (1+Q)^u - 1 on pieces split at the kink of P
(where the threshold reaches 0), so each piece is analytic.
"""
from __future__ import annotations

import math

import mpmath

from ..errors import DomainError
from . import asymptotics as X

Q_EX = 10
RHO_MAX = 1 / math.sqrt(2)


def corr_matrix(o, rho):
    return o.matrix([[1, rho, rho], [rho, 1, 0], [rho, 0, 1]])


def _check_rho(rho):
    if not abs(float(rho)) <= RHO_MAX * (1 + 1e-15):
        raise DomainError(f"rho must lie in [-1/sqrt(2), 1/sqrt(2)] (R must be positive semi-definite; got {rho})")


def v0_agent(ctx, i, r, a):
    """v_i(0, q_-i) with r = rho^2 and a = (a_1, a_2, a_3)."""
    if i == 0:
        return r * (a[1] + a[2])
    j, k = (0, 2) if i == 1 else (0, 1)  # agent 2 (resp. 3): correlated with agent 1 only
    return r * a[j] / (1 - r * a[j] * a[k])


def _alpha(ctx, u, c):
    return 1 - ctx.exp(-c * u)


def _u_of_alpha(ctx, alpha, c):
    return -ctx.log(1 - alpha) / c


def _pieces(ctx, cuts, c):
    """[0, 1] in u split at the alpha-cuts inside (0, A)."""
    A = 1 - 1 / ctx.exp(c)
    us = sorted({_u_of_alpha(ctx, x, c) for x in cuts if 0 < x < A})
    pts = [ctx.mpf(0)] + us + [ctx.mpf(1)]
    return list(zip(pts[:-1], pts[1:]))


def _gl(ctx, m):
    return X.gauss_legendre(ctx, m)


def expected(ctx, i, rho, which="payment", Q=Q_EX, m=16):
    """E_q[p_i(q)] (which="payment") or E_q[U_i(q)] (which="utility") in Example 1 (agent i 0-based)."""
    _check_rho(rho)
    o = X.model  # noqa: F841 (keeps the module import explicit)
    Q = ctx.mpf(Q)
    r = ctx.mpf(rho) ** 2
    c = ctx.log(1 + Q)
    A = Q / (1 + Q)
    bstar = (1 + ctx.sqrt(1 + 4 * Q)) / 2
    kappa = 1 - 1 / bstar  # kink of P at v0 = kappa
    xs, ws = _gl(ctx, m)
    mp = _MpShim(ctx)
    f = X.payment_closed_b if which == "payment" else X.utility_closed_b
    if r == 0:
        return f(mp, ctx.mpf(1), Q)
    # outer variable: agent 1 -> a_2 (inner a_3); agents 2/3 -> a_1 (inner: the uncorrelated other agent)
    if i == 0:
        outer_cuts = [kappa / r, kappa / r - A]

        def inner_cut(x):
            return kappa / r - x

        def v0(x, y):
            return r * (x + y)
    else:
        outer_cuts = [kappa / r, kappa / (r * (1 + kappa * A))]

        def inner_cut(x):
            return (kappa - r * x) / (kappa * r * x) if x > 0 else ctx.inf

        def v0(x, y):
            return r * x / (1 - r * x * y)
    total = ctx.mpf(0)
    for (ua, ub) in _pieces(ctx, outer_cuts, c):
        for xk, wk in zip(xs, ws):
            u1 = ua + (ub - ua) * xk
            e1 = ctx.exp(c * u1)
            x = 1 - 1 / e1
            inner = ctx.mpf(0)
            for (va, vb) in _pieces(ctx, [inner_cut(x)], c):
                for yk, wl in zip(xs, ws):
                    u2 = va + (vb - va) * yk
                    e2 = ctx.exp(c * u2)
                    y = 1 - 1 / e2
                    inner += wl * (vb - va) * c * e2 * f(mp, 1 / (1 - v0(x, y)), Q)
            total += wk * (ub - ua) * c * e1 * inner
    return total / Q ** 2


class _MpShim:
    """The minimal backend interface used by the closed forms (mpmath context)."""

    name = "mpmath"

    def __init__(self, ctx):
        self.ctx = ctx

    def sqrt(self, x):
        return self.ctx.sqrt(x)

    def log(self, x):
        return self.ctx.log(x)

    def num(self, x):
        return self.ctx.mpf(x)

    def max(self, *xs):
        return max(xs)


def expected_payment(o, i, rho, m=10):
    """Formula for claims: E_q[p_i] in Example 1 (mpmath backends only)."""
    if o.name != "mpmath":
        raise NotImplementedError("Example 1 payments are computed by mpmath quadrature only")
    return expected(o.ctx, int(i), rho, "payment", m=m)


def expected_utility(o, i, rho, m=10):
    if o.name != "mpmath":
        raise NotImplementedError("Example 1 utilities are computed by mpmath quadrature only")
    return expected(o.ctx, int(i), rho, "utility", m=m)


# ----------------------------------------------------------------------------- numpy: Monte Carlo and direct thresholds

def monte_carlo(rho, n_samples=20_000, seed=0, Q=Q_EX, which="payment"):
    """Monte Carlo estimate (mean, standard error) of the three expected payments (or, with which="utility", of
    the utilities U_i = (v_i(q) - p_i) 1{q_i >= qbar_i}), straight from Algorithm 1:
    the threshold of each agent is found by root finding on the virtual value eq. (3) with the value (A.1)
    computed from the 3x3 matrix (no closed form); p_i = v_i(qbar_i, q_-i) 1{q_i >= qbar_i}.
    Vectorized over samples with bisection on the virtual value."""
    import numpy as np

    _check_rho(rho)
    if which not in ("payment", "utility"):
        raise DomainError(f"which must be 'payment' or 'utility' (got {which!r})")
    if n_samples < 2:
        raise DomainError("n_samples must be >= 2")
    rng = np.random.default_rng(seed)
    q = rng.uniform(0, Q, size=(n_samples, 3))
    R = np.array([[1, rho, rho], [rho, 1, 0], [rho, 0, 1]], dtype=float)
    out = []
    for i in range(3):
        def value(t):
            qq = q.copy()
            qq[:, i] = t
            M = np.broadcast_to(R, (n_samples, 3, 3)).copy()
            M[:, range(3), range(3)] += 1 / np.maximum(qq, 1e-300)
            row = np.broadcast_to(R[i], (n_samples, 3))
            return np.einsum("sj,sj->s", row, np.linalg.solve(M, row[..., None])[..., 0])

        def phi(t):
            h = 1e-6 * np.maximum(t, 1e-3)
            dv = (value(t + h) - value(t - h)) / (2 * h)
            return value(t) - dv * (Q - t)

        lo = np.full(n_samples, 1e-9)
        hi = np.full(n_samples, float(Q))
        corner = phi(lo) >= 0
        for _ in range(45):
            mid = (lo + hi) / 2
            neg = phi(mid) < 0
            lo = np.where(neg, mid, lo)
            hi = np.where(neg, hi, mid)
        t = np.where(corner, 0.0, (lo + hi) / 2)
        v_t = value(np.maximum(t, 1e-12))
        pay = np.where(q[:, i] >= t, v_t, 0.0)
        if which == "utility":
            pay = np.where(q[:, i] >= t, value(q[:, i]) - v_t, 0.0)
        out.append((float(pay.mean()), float(pay.std(ddof=1) / math.sqrt(n_samples))))
    return out
