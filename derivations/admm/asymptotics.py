"""admm App. A.6 / B: the eps-correlation expansions (Proposition A.2, Corollary A.1, (B.13)-(B.15),
(B.29), (B.30)) as formulas ``f(o, ...)``, and the constants lambda_0, lambda-hat_1, lambda_1,
lambda'_0, lambda'_1, lambda''_0, lambda''_1 derived in closed form.

The eps-family.  A drawn covariance ``Sigma`` (any SPD matrix) fixes the variances sigma_i^2 and the
*shape* of the correlations; ``Sigma(eps)`` keeps the diagonal and multiplies every off-diagonal entry
by eps in (0, 1].  Its correlation factors are sigma_ij(eps) = eps * Sigma_ij / (sigma_i sigma_j), so
|sigma_ij(eps)| <= eps (the eps-correlation regime of §3.3), and Sigma(eps) is positive definite (a
convex combination of diag(Sigma) and Sigma).  Every O(eps^k) claim is a statement about this family
as eps -> 0 with all other variables fixed.

Closed form of the exact mechanism with a uniform prior (derived here, checked against the
definitions in ``claims_asymptotics``):
  v_i(q_i, q_-i) = 1 - 1/(b_i + q_i),   b_i := 1/(1 - v0_i),   v0_i := v_i(0, q_-i)
(v0_i is the value of the others' data alone, the squared multiple correlation of theta_i with the
others' signals; ``1 - v`` is the normalized posterior variance, whose inverse adds the precision q_i).
With q_i ~ U[0, Q] the virtual value vanishes at u := b_i + qbar_i = sqrt(Q + b_i), so
  qbar_i = max(0, sqrt(Q + b_i) - b_i),
  E_{q_i}[p_i] = (sqrt(Q + b_i) - 1)^2 / Q          (interior threshold; 1 - 1/b_i at qbar_i = 0),
  E_{q_i}[U_i] = (u - 1 - log u) / Q, u = sqrt(Q + b_i)  (interior threshold).
"""
from __future__ import annotations

import mpmath
import sympy

from ..errors import DomainError
from . import approx as A
from . import model


# ----------------------------------------------------------------------------- the eps-family

def sigma_eps(o, Sigma, q, eps):
    """Sigma(eps): the diagonal of Sigma kept, off-diagonal entries times eps."""
    n = len(q)
    return o.matrix([[Sigma[j, k] if j == k else eps * Sigma[j, k] for k in range(n)] for j in range(n)])


def corr_sq(Sigma, i, j):
    """sigma_ij^2 = Sigma_ij^2 / (sigma_i^2 sigma_j^2)."""
    return Sigma[i, j] ** 2 / (Sigma[i, i] * Sigma[j, j])


def centrality(Sigma, n, i):
    """sum_{j != i} sigma_ij^2 (§A.6 line 286)."""
    return sum(corr_sq(Sigma, i, j) for j in range(n) if j != i)


def S_of(Sigma, q, i):
    """S_{q_-i} := sum_{j != i} sigma_ij^2 q_j / (1 + q_j) (proof of Proposition A.2(ii))."""
    return sum(corr_sq(Sigma, i, j) * q[j] / (1 + q[j]) for j in range(len(q)) if j != i)


def v_hat(o, Sigma, q, i):
    """(A.5): v-hat_i(q) = q_i/(1+q_i) + (1/(1+q_i))^2 sum_{j != i} sigma_ij^2 q_j/(1+q_j)."""
    return q[i] / (1 + q[i]) + (1 / (1 + q[i])) ** 2 * S_of(Sigma, q, i)


def dv_hat(o, Sigma, q, i):
    """d v-hat_i / d q_i (proof of Lemma B.3)."""
    return A.dv_hat_f(q[i], None, S_of(Sigma, q, i))


def v_exact(o, Sigma, q, i):
    """(A.1)."""
    return model.value_A1(o, Sigma, q, i)


def dv_exact(o, Sigma, q, i):
    """d v_i / d q_i = (1/sigma_i^2) dA_i/dq_i, (B.5)."""
    return model.accuracy_derivative_B5(o, Sigma, q, i) / Sigma[i, i]


def v0(o, Sigma, q, i):
    """v_i(0, q_-i): the value of the others' signals alone (agent i's signal has infinite noise)."""
    idx = [j for j in range(len(q)) if j != i]
    M = o.matrix([[Sigma[j, k] + (Sigma[j, j] / q[j] if j == k else 0) for k in idx] for j in idx])
    r = [Sigma[i, j] for j in idx]
    return o.quad(r, model.inv(o, M), r) / Sigma[i, i]


def b_of(o, Sigma, q, i):
    """b_i := 1/(1 - v_i(0, q_-i)) >= 1."""
    return 1 / (1 - v0(o, Sigma, q, i))


def v_closed(o, Sigma, q, i):
    """v_i(q) = 1 - 1/(b_i + q_i) (closed form of (A.1) in agent i's own quality)."""
    return 1 - 1 / (b_of(o, Sigma, q, i) + q[i])


# ----------------------------------------------------------------------------- exact mechanism, U[0, Q]

def b_star(o, Q):
    """The b at which the exact threshold reaches 0: b^2 - b = Q."""
    return (1 + o.sqrt(1 + 4 * Q)) / 2


def payment_closed_b(o, b, Q):
    """E_{q_i ~ U[0,Q]}[p_i | q_-i] of the optimal mechanism as a function of b_i."""
    if b <= b_star(o, Q):
        return (o.sqrt(Q + b) - 1) ** 2 / Q
    return 1 - 1 / b


def utility_closed_b(o, b, Q):
    """E_{q_i ~ U[0,Q]}[U_i | q_-i] of the optimal mechanism as a function of b_i."""
    if b <= b_star(o, Q):
        u = o.sqrt(Q + b)
        return (u - 1 - o.log(u)) / Q
    # threshold 0: (1/Q) int_0^Q (v(x) - v(0)) dx with v(x) = 1 - 1/(b + x)
    return (Q / b - o.log((b + Q) / b)) / Q


def threshold_closed_b(o, b, Q):
    return o.max(o.num(0), o.sqrt(Q + b) - b)


def payment_closed(o, Sigma, q, i, Q):
    return payment_closed_b(o, b_of(o, Sigma, q, i), Q)


def utility_closed(o, Sigma, q, i, Q):
    return utility_closed_b(o, b_of(o, Sigma, q, i), Q)


def _need_mp(o):
    if o.name != "mpmath":
        raise NotImplementedError("root finding / quadrature with mpmath only")
    return o.ctx


def phi_exact(o, Sigma, q, i, Q, t):
    """eq. (3) with U[0, Q]: phi(t) = v_i(t, q_-i) - dv_i/dq_i(t, q_-i) (Q - t), v from (A.1), v' from (B.5)."""
    qq = model.with_entry(q, i, t)
    return v_exact(o, Sigma, qq, i) - dv_exact(o, Sigma, qq, i) * (Q - t)


def exact_threshold(o, Sigma, q, i, Q, start=None):
    """qbar_i(q_-i) = inf{t in [0, Q] : phi(t) >= 0} for an interior root, by the definition (Algorithm 1):
    bisection on [0, Q] for a sign change of phi (phi is non-decreasing, Lemma B.2), then secant to full
    precision.  Raises DomainError when phi(t) >= 0 already at t = Q * 10^-6 (threshold at or near 0)."""
    ctx = _need_mp(o)
    Q = ctx.mpf(Q)
    f = lambda t: phi_exact(o, Sigma, q, i, Q, t)  # noqa: E731
    lo, hi = Q * ctx.mpf(10) ** -6, Q  # (B.5) loses digits as t -> 0: bracket from Q 10^-6
    if f(lo) >= 0:
        raise DomainError("phi_i(Q 10^-6) >= 0: the threshold is (nearly) at the lower end 0 (no interior root)")
    if start is None:
        for _ in range(30):
            mid = (lo + hi) / 2
            if f(mid) < 0:
                lo = mid
            else:
                hi = mid
        start = (lo + hi) / 2
    return ctx.findroot(f, (start, start * (1 + ctx.mpf(2) ** -30)), solver="secant",
                        tol=ctx.mpf(10) ** (-ctx.dps + 3), maxsteps=200)


def payment_by_definition(o, Sigma, q, i, Q):
    """E_{q_i ~ U[0,Q]}[p_i] = v_i(qbar_i, q_-i) (Q - qbar_i)/Q ((B.10) integrated over q_i)."""
    t = exact_threshold(o, Sigma, q, i, Q)
    return v_exact(o, Sigma, model.with_entry(q, i, t), i) * (Q - t) / Q


def utility_by_definition(o, Sigma, q, i, Q):
    """E_{q_i ~ U[0,Q]}[U_i] = (1/Q) int_{qbar}^{Q} (v_i(x, q_-i) - v_i(qbar, q_-i)) dx, by mpmath.quad."""
    ctx = _need_mp(o)
    t = exact_threshold(o, Sigma, q, i, Q)
    vt = v_exact(o, Sigma, model.with_entry(q, i, t), i)
    return ctx.quad(lambda x: v_exact(o, Sigma, model.with_entry(q, i, x), i) - vt, [t, Q]) / Q


# ----------------------------------------------------------------------------- constants (closed forms)

def lambda0_f(o, Q):
    """lambda_0 = Y(0) = (sqrt(1+Q) - 1)/(sqrt(1+Q) + 1)."""
    s = o.sqrt(1 + Q)
    return (s - 1) / (s + 1)


def lambda1_hat_f(o, Q):
    """lambda-hat_1 = Y'(0) = 1/(sqrt(1+Q)(sqrt(1+Q) + 1))."""
    s = o.sqrt(1 + Q)
    return 1 / (s * (s + 1))


def mean_alpha_f(o, Q):
    """E_{q ~ U[0,Q]}[q/(1+q)] = 1 - log(1+Q)/Q."""
    return 1 - o.log(1 + Q) / Q


def lambda1_f(o, Q):
    """(B.30): lambda_1 := lambda-hat_1 (1 - log(1+Q)/Q)."""
    return lambda1_hat_f(o, Q) * mean_alpha_f(o, Q)


def lambda0_pp_f(o, Q):
    """lambda''_0 = H(0)/Q = (sqrt(1+Q) - 1 - log sqrt(1+Q))/Q."""
    s = o.sqrt(1 + Q)
    return (s - 1 - o.log(s)) / Q


def lambda1_pp_f(o, Q):
    """lambda''_1 = H'(0)/Q = 1/(2 (1+Q)(sqrt(1+Q) + 1))."""
    s = o.sqrt(1 + Q)
    return 1 / (2 * s ** 2 * (s + 1))


# sympy derivation by implicit differentiation of g at S = 0 (g(q~) = 0, q~ = sqrt(1+Q) - 1):
# Y(S) = K(g^-1(S)), H(S) = L(g^-1(S)), so Y'(0) = K'(q~)/g'(q~), H'(0) = L'(q~)/g'(q~).
_sQ = sympy.Symbol("sQ", positive=True)  # sqrt(1+Q) > 1


def _at_qtilde(expr):
    """expr(q, Q) at q = q~ with Q = sQ^2 - 1, back in terms of Q."""
    e = sympy.simplify(expr.subs({A.q: _sQ - 1}).subs({A.Q: _sQ ** 2 - 1}))
    return sympy.simplify(e.subs(_sQ, sympy.sqrt(1 + A.Q)))


def derived_constants():
    """(lambda_0, lambda-hat_1, H(0), H'(0)) as sympy expressions in Q, derived from (B.27), (B.28), (B.37)."""
    q, Q = A.q, A.Q
    g = A.g
    K = A.K_f(q, Q)
    L = A.L_f(_SympyLog, q, Q)
    gp = sympy.diff(g, q)
    lam0 = _at_qtilde(K)
    lam1h = _at_qtilde(sympy.diff(K, q) / gp)
    H0 = _at_qtilde(L)
    H1 = _at_qtilde(sympy.diff(L, q) / gp)
    return lam0, lam1h, H0, H1


class _SympyLog:
    log = staticmethod(sympy.log)


# ----------------------------------------------------------------------------- quadrature helpers

_GL: dict = {}


def gauss_legendre(ctx, m):
    """m-point Gauss-Legendre nodes and weights on [0, 1] at the context's precision (Newton on P_m)."""
    key = (m, ctx.prec)
    if key in _GL:
        return _GL[key]
    xs, ws = [], []
    for k in range(1, m + 1):
        x = ctx.cos(ctx.pi * (k - ctx.mpf(1) / 4) / (m + ctx.mpf(1) / 2))
        for _ in range(100):
            p0, p1 = ctx.mpf(1), x
            for j in range(2, m + 1):
                p0, p1 = p1, ((2 * j - 1) * x * p1 - (j - 1) * p0) / j
            dp = m * (x * p1 - p0) / (x * x - 1)
            dx = p1 / dp
            x -= dx
            if abs(dx) < ctx.mpf(2) ** (-ctx.prec - 4):
                break
        p0, p1 = ctx.mpf(1), x
        for j in range(2, m + 1):
            p0, p1 = p1, ((2 * j - 1) * x * p1 - (j - 1) * p0) / j
        dp = m * (x * p1 - p0) / (x * x - 1)
        xs.append((1 - x) / 2)
        ws.append(1 / ((1 - x * x) * dp * dp))  # 2/((1-x^2)P'^2) on [-1,1], halved on [0,1]
    _GL[key] = (xs, ws)
    return xs, ws


def expect_uniform(o, f, Q, m=20):
    """E_{x ~ U[0, Q]}[f(x)] by m-point Gauss-Legendre in u with x = (1+Q)^u - 1 (the substitution makes
    x/(1+x) = 1 - (1+Q)^-u entire in u, so the rule converges geometrically fast)."""
    ctx = _need_mp(o)
    xs, ws = gauss_legendre(ctx, m)
    c = ctx.log(1 + Q)
    tot = 0
    for u, w in zip(xs, ws):
        e = ctx.exp(c * u)
        tot += w * f(e - 1) * c * e
    return tot / Q


def g_inverse_newton(o, S, Q):
    """g^-1(S) by Newton on B (C.13) from q~ = sqrt(1+Q) - 1 = g^-1(0) (small S: a few steps)."""
    ctx = _need_mp(o)
    t = ctx.sqrt(1 + Q) - 1
    for _ in range(60):
        u = 1 + t
        B = A.B_f(t, Q, S)
        dB = (u - 2 * S) / u ** 3 + 2 * (u - 3 * S) * (Q - t) / u ** 4 + (u - 2 * S) / u ** 3
        step = B / dB
        t -= step
        if abs(step) <= abs(t) * ctx.mpf(2) ** (-ctx.prec + 4):
            break
    return t


def Y_fast(o, S, Q):
    r = g_inverse_newton(o, S, Q)
    return (Q - r) / Q * (r / (1 + r) + S / (1 + r) ** 2)


def H_fast(o, S, Q):
    r = g_inverse_newton(o, S, Q)
    return o.log((1 + r) / (1 + Q)) + (Q - r) / (1 + r) - (Q - r) ** 2 / (1 + r) ** 2 * S / (1 + Q)
