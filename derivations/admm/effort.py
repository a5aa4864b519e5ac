"""admm §4, Theorem 3 and Proposition C.1: the effort game.

Theorem 3's game (eps-correlation regime, App. B): agent i chooses e_i in [0, ebar], ebar := sqrt(Q) - 2
((B.31)); her quality is q_i ~ F_{i,e_i} = Unif[e_i, Q]; the platform runs the optimal threshold
mechanism, so (B.38)

    E_{q ~ F_e}[U_i(q)] = E_{q_-i ~ F_{e_-i}}[H(S_{q_-i})] / (Q - e_i),
    S_{q_-i} = sum_{j != i} sigma_ij^2 q_j / (1 + q_j),

and her payoff is that minus c_i(e_i).  ``Sig2`` below is the symmetric matrix Sigma-hat of squared
correlation factors sigma_ij^2 (diagonal ignored), with row sums < 1/3 ((B.32)).

Two layers, as elsewhere in ``derivations.admm``:

* formulas ``f(o, ...)`` (mpmath) for the two-agent game, used by the claims: ``s2`` is sigma_12^2,
  efforts are fractions ``t`` of ebar.  E_{q_j}[H(S)] is computed by the substitution q_j -> r, the
  threshold r = g^-1(S_{q_j}) (Lemma C.1(ii): S = g(r), H(S) = L(r) of the proof of Lemma C.2(iii)),
  which leaves a closed-form integrand: only the two end points need a root of B (``ginv``).
  ``mean_H_direct`` integrates H(S(q_j)) over q_j itself (a root per node): the independent check.
* numpy for n agents: ``H_vec`` (vectorised g^-1 by bisection + Newton), ``expected_H`` (tensor
  Gauss-Legendre over q_-i), ``expected_utility`` (B.38), ``best_response_np`` on a grid with the
  greatest maximiser (footnote 14), ``tarski_np`` (best-response iteration from the bottom or the top of
  the lattice), ``equilibria`` (brute force over the grid), and the Proposition C.1 game
  (full allocation, no payments, exact Gaussian value v_i) ``full_allocation_value``.
"""
from __future__ import annotations

import math

import numpy as np

from ..errors import DomainError
from . import approx as A
from . import threshold

# ============================================================================ formulas (mpmath)


def ebar(o, Q):
    """(B.31): the upper end sqrt(Q) - 2 of the effort interval."""
    return o.sqrt(Q) - 2


def tail(o, q, e, Q):
    """F-bar_{e}(q) = 1 - F_{e}(q) of Unif[e, Q], for q in [0, Q]."""
    return o.min(o.num(1), (Q - q) / (Q - e))  # o.num: Arb.min(int, ball) crashes python-flint


def S2(o, s2, q):
    """S_{q_-i} for two agents: sigma_ij^2 q_j / (1 + q_j)."""
    return s2 * q / (1 + q)


def ginv(o, S, Q):
    """g^-1(S) with mpmath: Newton on B of (C.13) from the double-precision root (threshold.g_inverse),
    to the working precision (B is increasing and convex near its root: Lemma C.1(i))."""
    if o.name != "mpmath":
        raise NotImplementedError("g^-1 is evaluated with mpmath only")
    ctx = o.ctx
    S, Q = ctx.mpf(S), ctx.mpf(Q)
    r = ctx.mpf(threshold.g_inverse(float(S), float(Q)))
    tol = ctx.mpf(2) ** (-ctx.prec + 8)
    for _ in range(12):
        step = A.B_f(r, Q, S) / _dB(r, Q, S)
        r -= step
        if abs(step) <= tol * (1 + abs(r)):
            break
    return r


def _dB(r, Q, S):
    u = 1 + r
    return 2 * (u - 2 * S) / u ** 3 + 2 * (u - 3 * S) * (Q - r) / u ** 4


def g_prime(r, Q):
    """g'(r) for g of (B.27): (N' D + N)/D^2 with N = -r(1+r)^2 + (Q-r)(1+r), D = 1 + 2Q - r."""
    N = -r * (1 + r) ** 2 + (Q - r) * (1 + r)
    D = 1 + 2 * Q - r
    dN = -(1 + r) * (1 + 3 * r) + (Q - 1 - 2 * r)
    return (dN * D + N) / D ** 2


def H_f(o, S, Q):
    """(B.37) H(S) (the fast-root version of ``approx.H``)."""
    r = ginv(o, S, Q)
    return o.log((1 + r) / (1 + Q)) + (Q - r) / (1 + r) - (Q - r) ** 2 / (1 + r) ** 2 * S / (1 + Q)


def J_f(o, qbar, S, Q):
    """(B.36), bracket: int_{qbar}^Q (v-hat(x) - v-hat(qbar)) dx in closed form."""
    return o.log((1 + qbar) / (1 + Q)) + (Q - qbar) / (1 + qbar) - (Q - qbar) ** 2 / (1 + qbar) ** 2 * S / (1 + Q)


def _r_integral(o, Q, s2, e, fn):
    """int_e^Q fn(r(q), q) dq with r(q) = g^-1(S(q)), as an integral over r (q = g(r)/(s2 - g(r)))."""
    ctx = o.ctx
    r_e, r_Q = ginv(o, S2(o, s2, e), Q), ginv(o, S2(o, s2, Q), Q)

    def integrand(r):
        gr = A.g_f(r, Q)
        q = gr / (s2 - gr)
        return fn(r, gr, q) * (-s2 * g_prime(r, Q) / (s2 - gr) ** 2)

    return ctx.quad(integrand, [r_Q, r_e])


_MEAN_H: dict = {}


def mean_H(o, Q, s2, e):
    """E_{q_j ~ Unif[e, Q]}[H(S_{q_j})] (two agents), by the substitution q_j -> r = g^-1(S)."""
    if s2 == 0:
        return H_f(o, 0, Q)
    key = (Q, s2, e, o.ctx.prec)
    if key not in _MEAN_H:
        if len(_MEAN_H) > 4096:
            _MEAN_H.clear()
        _MEAN_H[key] = _r_integral(o, Q, s2, e, lambda r, gr, q: A.L_f(o, r, Q)) / (Q - e)
    return _MEAN_H[key]


def mean_H_direct(o, Q, s2, e):
    """Same expectation, integrating over q_j with a root g^-1 at every node (slow, independent)."""
    return o.ctx.quad(lambda x: H_f(o, S2(o, s2, x), Q), [e, Q]) / (Q - e)


def utility(o, Q, s2, ti, tj):
    """(B.38), two agents: E[U_i] = E_{q_j ~ Unif[e_j, Q]}[H(S_{q_j})] / (Q - e_i), e = t ebar."""
    eb = ebar(o, Q)
    return mean_H(o, Q, s2, tj * eb) / (Q - ti * eb)


def utility_mechanism(o, Q, s2, ei, ej):
    """E_{q ~ F_e}[U_i] from the mechanism itself, for any efforts in [0, Q): agent i is allocated when
    q_i >= q-bar := inf{q in [e_i, Q] : phi-hat(q) >= 0} = max(e_i, g^-1(S)) (phi-hat increasing,
    Lemma C.1(i)) and pays v-hat(q-bar); the q_i-integral is (B.36)'s bracket, the q_j-integral is
    taken over q_j directly."""
    def inner(x):
        S = S2(o, s2, x)
        return J_f(o, o.max(ei, ginv(o, S, Q)), S, Q)

    return o.ctx.quad(inner, [ej, Q]) / ((Q - ej) * (Q - ei))


def utility_mechanism_2d(o, Q, s2, ti, tj):
    """E_{q ~ F_e}[U_i] as a double integral of the realised utility (v-hat(q) - v-hat(q-bar)) 1{q_i >= q-bar}
    (no use of (B.36) or H): the left side of (B.38)."""
    ctx = o.ctx
    eb = ebar(o, Q)
    ei, ej = ti * eb, tj * eb

    def over_qj(x):
        S = S2(o, s2, x)
        qb = o.max(ei, ginv(o, S, Q))
        vb = A.v_hat_f(qb, Q, S)
        return ctx.quad(lambda y: A.v_hat_f(y, Q, S) - vb, [qb, Q])

    return ctx.quad(over_qj, [ej, Q]) / ((Q - ej) * (Q - ei))


def dmean_H_dej(o, Q, s2, e):
    """d/de E_{q ~ Unif[e, Q]}[H(S_q)] by Leibniz' rule: (E[H] - H(S_e)) / (Q - e)."""
    return (mean_H(o, Q, s2, e) - H_f(o, S2(o, s2, e), Q)) / (Q - e)


def _dH_dS_at(r, S, Q):
    """H'(S) at r = g^-1(S), by the chain rule through the threshold: H = J(r, S), r'(S) = 1/g'(r)."""
    dJ_dr = 1 / (1 + r) - (1 + Q) / (1 + r) ** 2 + 2 * (Q - r) * S / (1 + r) ** 3
    dJ_dS = -(Q - r) ** 2 / (1 + r) ** 2 / (1 + Q)
    return dJ_dr / g_prime(r, Q) + dJ_dS


def dH_dS(o, S, Q):
    """H'(S) (chain rule through g^-1; see ``_dH_dS_at``)."""
    return _dH_dS_at(ginv(o, S, Q), S, Q)


def cross_partial_sigma(o, Q, s2, ti, tj):
    """Proof of Theorem 3(iii): (1/(Q - e_i)^2) E_{q_j}[(q_j/(1+q_j)) H'(S_{q_j})] (two agents), the q_j-integral
    by the substitution q_j -> r = g^-1(S) (q_j/(1+q_j) = g(r)/sigma_ij^2)."""
    eb = ebar(o, Q)
    ei, ej = ti * eb, tj * eb
    if s2 == 0:
        m = o.ctx.quad(lambda x: x / (1 + x), [ej, Q]) / (Q - ej) * dH_dS(o, 0, Q)
    else:
        m = _r_integral(o, Q, s2, ej, lambda r, gr, q: gr / s2 * _dH_dS_at(r, gr, Q)) / (Q - ej)
    return m / (Q - ei) ** 2


def cross_partial_sigma_direct(o, Q, s2, ti, tj):
    """The same, integrating over q_j with a root g^-1 at every node (slow; for the tests)."""
    eb = ebar(o, Q)
    ei, ej = ti * eb, tj * eb
    m = o.ctx.quad(lambda x: x / (1 + x) * dH_dS(o, S2(o, s2, x), Q), [ej, Q]) / (Q - ej)
    return m / (Q - ei) ** 2


# ----------------------------------------------------------------------------- costs, best responses
#
# The claims use a "coordination" cost on the grid {k ebar/(m-1)}, k = 0..m-1 (m = M_GRID):
#   c(e) = lam e + kappa (e - e_k)_+ / (ebar - e_k),  e_k = K_KINK ebar/(m-1),  kappa = 1,
# so c(0) = 0, c strictly increasing, c(ebar) = lam ebar + 1 >= 1 (Theorem 3's hypothesis).  On [0, e_k]
# the payoff M/(Q - e) - lam e is convex, beyond e_k it falls: the best response is 0 or e_k, and
# e_k exactly when M >= lam Q (Q - e_k).  Choosing lam between the two values of M gives two
# equilibria, (0, 0) and (e_k, e_k): a non-trivial lattice.

M_GRID, K_KINK = 11, 8


def kink(o, Q):
    return ebar(o, Q) * K_KINK / (M_GRID - 1)


def coordination_cost(o, e, Q, lam):
    eb, ek = ebar(o, Q), kink(o, Q)
    return lam * e + o.max(o.num(0), e - ek) / (eb - ek)


def lam_for(o, Q, Mstar):
    """The cost slope at which an agent facing E[H] = Mstar is indifferent between 0 and e_k."""
    return Mstar / (Q * (Q - kink(o, Q)))


def best_response_c(o, Q, s2, ej, lam):
    """footnote 14 with the coordination cost: greatest maximiser over the grid of E[U_i] - c(e_i)."""
    M = mean_H(o, Q, s2, ej)
    eb = ebar(o, Q)
    best, arg = None, None
    for k in range(M_GRID):
        e = eb * k / (M_GRID - 1)
        v = M / (Q - e) - coordination_cost(o, e, Q, lam)
        if best is None or v >= best:  # ">=": ties go to the later, greater effort
            best, arg = v, e
    return arg


def tarski_c(o, Q, s2, lam, top):
    """Best-response iteration from the top (ebar, ebar) or bottom (0, 0) until BR-bar(e) = e."""
    e = [ebar(o, Q)] * 2 if top else [o.num(0)] * 2
    for _ in range(4 * M_GRID):
        nxt = [best_response_c(o, Q, s2, e[1], lam), best_response_c(o, Q, s2, e[0], lam)]
        if nxt == e:
            return e
        e = nxt
    raise DomainError("best-response iteration did not reach a fixed point")


def lam_between(o, Q, s2, u):
    """lam with M(0) < lam Q (Q - e_k) < M(e_k) for u in (0, 1): (0,0) and (e_k,e_k) are equilibria."""
    m0, mk = mean_H(o, Q, s2, 0), mean_H(o, Q, s2, kink(o, Q))
    return lam_for(o, Q, m0 + u * (mk - m0))


def lam_fixed(o, Q, u):
    """lam independent of the correlation: lam Q (Q - e_k) = H(0) + u (H(1/3) - H(0))."""
    h0, h1 = H_f(o, 0, Q), H_f(o, o.num(1) / 3, Q)
    return lam_for(o, Q, h0 + u * (h1 - h0))


# ============================================================================ numpy: n agents

_GL_CACHE: dict = {}


def _gauss_legendre(k):
    if k not in _GL_CACHE:
        _GL_CACHE[k] = np.polynomial.legendre.leggauss(k)
    return _GL_CACHE[k]


def ebar_np(Q):
    """(B.31) sqrt(Q) - 2 = (Q - 4)/(sqrt(Q) + 2), without the cancellation of the first form near Q = 4."""
    return (Q - 4) / (math.sqrt(Q) + 2)


def check_game(Q, Sig2, e=None):
    """Validate Theorem 3's setting; return (Q, Sig2 as a float array, ebar)."""
    Q = float(Q)
    if not (math.isfinite(Q) and Q > 4):
        raise DomainError(f"Q must be finite and > 4 (Theorem 3; got Q={Q})")
    S = np.asarray(Sig2, dtype=float)
    if S.ndim != 2 or S.shape[0] != S.shape[1] or S.shape[0] < 2:
        raise DomainError(f"Sig2 must be an n x n matrix with n >= 2 (got shape {S.shape})")
    if not np.isfinite(S).all():
        raise DomainError("Sig2 must be finite")
    if np.max(np.abs(S - S.T)) > 0:
        raise DomainError("Sig2 (squared correlation factors sigma_ij^2) must be symmetric")
    off = S - np.diag(np.diag(S))
    if (off < 0).any():
        raise DomainError("the squared correlation factors sigma_ij^2 must be >= 0")
    if (off.sum(axis=1) >= 1 / 3).any():
        raise DomainError(f"each row sum sum_(j != i) sigma_ij^2 must be < 1/3 ((B.32); got {off.sum(axis=1).max():.4g})")
    eb = ebar_np(Q)
    if e is not None:
        e = np.asarray(e, dtype=float)
        if e.shape != (S.shape[0],):
            raise DomainError(f"e must have shape ({S.shape[0]},), got {e.shape}")
        if not (np.isfinite(e).all() and (e >= 0).all() and (e <= eb * (1 + 1e-15)).all()):
            raise DomainError(f"efforts must lie in [0, sqrt(Q) - 2] = [0, {eb:.6g}] ((B.31))")
    return Q, off, eb


def g_inverse_vec(S, Q):
    """Vectorised g^-1(S) (root of B of (C.13) in [0, Q]) by bisection then Newton; S in [0, 1/3]."""
    S = np.asarray(S, dtype=float)
    if (S < 0).any() or (S > 1 / 3).any():
        raise DomainError("S must lie in [0, 1/3] (Lemma C.1 needs S <= 1/3)")
    if (threshold._B(0.0, Q, S) >= 0).any():
        raise DomainError("g^-1(S) needs B(0) = S - (1-2S)Q < 0; no threshold in [0, Q]")
    lo, hi = np.zeros_like(S), np.full_like(S, Q)
    for _ in range(40):  # to ~Q 2^-40, then Newton (quadratic) to full precision
        mid = (lo + hi) / 2
        neg = threshold._B(mid, Q, S) < 0
        lo, hi = np.where(neg, mid, lo), np.where(neg, hi, mid)
    r = (lo + hi) / 2
    for _ in range(3):
        r = r - threshold._B(r, Q, S) / threshold._dB(r, Q, S)
    return r


def H_vec(S, Q):
    """(B.37) H(S), vectorised."""
    S = np.asarray(S, dtype=float)
    r = g_inverse_vec(S, Q)
    return np.log1p(r) - math.log1p(Q) + (Q - r) / (1 + r) - ((Q - r) / (1 + r)) ** 2 * S / (1 + Q)


def expected_H(i, e, Q, Sig2, nodes=24):
    """E_{q_-i ~ prod_j Unif[e_j, Q]}[H(S_{q_-i})] by tensor Gauss-Legendre (``nodes`` per agent)."""
    Q, off, _ = check_game(Q, Sig2, e)
    e = np.asarray(e, dtype=float)
    x, w = _gauss_legendre(nodes)
    others = [j for j in range(off.shape[0]) if j != i]
    S = np.zeros((1,))
    W = np.ones((1,))
    for j in others:
        qj = e[j] + (Q - e[j]) * (x + 1) / 2
        S = (S[:, None] + off[i, j] * qj / (1 + qj)).ravel()
        W = (W[:, None] * (w / 2)).ravel()
    return float(np.dot(W, H_vec(np.minimum(S, 1 / 3), Q)))


def expected_utility(i, e, Q, Sig2, nodes=24):
    """(B.38): E_{q ~ F_e}[U_i(q)] = E_{q_-i}[H(S_{q_-i})] / (Q - e_i)."""
    return expected_H(i, e, Q, Sig2, nodes) / (Q - float(np.asarray(e, dtype=float)[i]))


def power_cost(kappa, p, Q):
    """c(e) = kappa (e/ebar)^p (numpy); Theorem 3 needs c(ebar) = kappa >= 1."""
    if not (kappa >= 1 and p > 0):
        raise DomainError(f"the cost needs c(sqrt(Q) - 2) = kappa >= 1 and p > 0 (got kappa={kappa}, p={p})")
    eb = ebar_np(Q)
    return lambda e: kappa * (np.asarray(e, dtype=float) / eb) ** p


def effort_grid(Q, m):
    if not (isinstance(m, (int, np.integer)) and m >= 2):
        raise DomainError(f"the effort grid needs m >= 2 points (got {m!r})")
    return ebar_np(Q) * np.arange(int(m)) / (int(m) - 1)  # as the formulas: ebar k/(m-1)


def best_response_np(i, e, Q, Sig2, costs, m, nodes=24):
    """footnote 14: the greatest maximiser over the grid of E[U_i] - c_i(e_i) (E[H] does not depend on e_i)."""
    grid_ = effort_grid(Q, m)
    M = expected_H(i, e, Q, Sig2, nodes)
    payoff = M / (Q - grid_) - costs[i](grid_)
    return float(grid_[np.flatnonzero(payoff == payoff.max())[-1]])


def br_map_np(e, Q, Sig2, costs, m, nodes=24):
    e = np.asarray(e, dtype=float)
    return np.array([best_response_np(i, e, Q, Sig2, costs, m, nodes) for i in range(e.size)])


def tarski_np(Q, Sig2, costs, m, top=True, nodes=24, start=None):
    """Best-response iteration e_{l+1} = BR-bar(e_l) from the top or bottom of [0, ebar]^n (or ``start``);
    returns the fixed point and the path."""
    Q, off, eb = check_game(Q, Sig2)
    n = off.shape[0]
    e = np.array(start, dtype=float) if start is not None else np.full(n, eb if top else 0.0)
    path = [e]
    for _ in range(4 * m * n):
        nxt = br_map_np(e, Q, Sig2, costs, m, nodes)
        path.append(nxt)
        if np.array_equal(nxt, e):
            return e, path
        e = nxt
    raise DomainError("best-response iteration did not reach a fixed point")


def equilibria(Q, Sig2, costs, m, nodes=24):
    """All pure equilibria on the grid {0, ..., ebar}^n by brute force (BR-bar(e) = e), and the set
    E = {e : BR-bar(e) >= e}; n <= 3 and small m only."""
    Q, off, eb = check_game(Q, Sig2)
    n = off.shape[0]
    g = effort_grid(Q, m)
    idx = np.stack(np.meshgrid(*[np.arange(m)] * n, indexing="ij"), -1).reshape(-1, n)
    eq, up = [], []
    memo: dict = {}

    def br(i, e):  # BR-bar_i depends on e_-i only
        key = (i, tuple(np.delete(e, i)))
        if key not in memo:
            memo[key] = best_response_np(i, e, Q, Sig2, costs, m, nodes)
        return memo[key]

    for k in idx:
        e = g[k]
        b = np.array([br(i, e) for i in range(n)])
        if np.array_equal(b, e):
            eq.append(e)
        if (b >= e).all():
            up.append(e)
    return np.array(eq), np.array(up)


# ============================================================================ Proposition C.1 (exact model)

def full_allocation_value(Sigma, q, i):
    """(A.1) v_i(q) = Sigma_i. Sigma_q^-1 Sigma_.i / sigma_i^2 with Sigma_q = Sigma + diag(sigma_j^2/q_j)."""
    Sigma = np.asarray(Sigma, dtype=float)
    q = np.asarray(q, dtype=float)
    if (q <= 0).any():
        raise DomainError("qualities q_j must be > 0 (Sigma_q has sigma_j^2/q_j)")
    Sq = Sigma + np.diag(np.diag(Sigma) / q)
    row = Sigma[i]
    return float(row @ np.linalg.solve(Sq, row) / Sigma[i, i])


def expected_value_uniform(Sigma, e, Q, i, nodes=16):
    """E_{q ~ prod Unif[e_j, Q]}[v_i(q)] (Proposition C.1's game: full allocation, no payments), n <= 3."""
    Sigma = np.asarray(Sigma, dtype=float)
    e = np.asarray(e, dtype=float)
    n = e.size
    if not ((e >= 0).all() and (e < Q).all()):
        raise DomainError("efforts must lie in [0, Q)")
    x, w = _gauss_legendre(nodes)
    pts = [e[j] + (Q - e[j]) * (x + 1) / 2 for j in range(n)]
    tot = 0.0
    for k in np.ndindex(*([nodes] * n)):
        q = np.array([pts[j][k[j]] for j in range(n)])
        tot += np.prod([w[k[j]] / 2 for j in range(n)]) * full_allocation_value(Sigma, q, i)
    return tot


def coordination_cost_np(lam, Q):
    """numpy version of ``coordination_cost`` (M_GRID, K_KINK as above)."""
    if not lam > 0:
        raise DomainError(f"the cost slope lam must be > 0 (got {lam})")
    eb = ebar_np(Q)
    ek = eb * K_KINK / (M_GRID - 1)
    return lambda e: lam * np.asarray(e, dtype=float) + np.maximum(0.0, np.asarray(e, dtype=float) - ek) / (eb - ek)


def greatest_equilibrium_np(Q, s2, lam, nodes=32):
    """Two agents, coordination cost: the greatest element of the brute-force set of grid equilibria
    (raises if the componentwise maximum is not itself an equilibrium: no greatest element)."""
    return _extreme(Q, s2, lam, nodes, which="eq", top=True)


def least_equilibrium_np(Q, s2, lam, nodes=32):
    return _extreme(Q, s2, lam, nodes, which="eq", top=False)


def max_upset_np(Q, s2, lam, nodes=32):
    """max E(Sigma-hat), E = {e : BR-bar(e) >= e} by brute force (proof of Theorem 3(iii))."""
    return _extreme(Q, s2, lam, nodes, which="up", top=True)


def _extreme(Q, s2, lam, nodes, which, top):
    S = np.array([[0.0, s2], [s2, 0.0]])
    costs = [coordination_cost_np(lam, Q)] * 2
    eq, up = equilibria(Q, S, costs, M_GRID, nodes)
    sel = eq if which == "eq" else up
    if len(sel) == 0:
        raise DomainError("no equilibrium on the grid (Tarski's theorem says there is one)")
    ext = sel.max(axis=0) if top else sel.min(axis=0)
    if not any(np.array_equal(ext, x) for x in sel):
        raise DomainError(f"the set has no {'greatest' if top else 'least'} element")
    return ext


# ----------------------------------------------------------------------------- Proposition C.1, two agents
# Sigma = [[a, b], [b, d]]: with z = q_2/(1 + q_2), beta = a d - b^2 z, (A.1) gives
# v_1(q) = (beta q_1 + b^2 z)/(beta q_1 + a d)  (regular at q_1 = 0 and q_2 = 0), whose q_1-antiderivative
# is q_1 + ((b^2 z - a d)/beta) log(beta q_1 + a d).

def v1_two(o, q1, q2, a, b, d):
    z = q2 / (1 + q2)
    beta = a * d - b ** 2 * z
    return (beta * q1 + b ** 2 * z) / (beta * q1 + a * d)


def _v1_antideriv(o, q1, q2, a, b, d):
    z = q2 / (1 + q2)
    beta = a * d - b ** 2 * z
    return q1 + (b ** 2 * z - a * d) / beta * o.log(beta * q1 + a * d)


def expected_v1(o, Q, a, b, d, e1, e2):
    """E_{q_1 ~ Unif[e1, Q], q_2 ~ Unif[e2, Q]}[v_1(q)] (full allocation, no payments)."""
    inner = lambda y: _v1_antideriv(o, Q, y, a, b, d) - _v1_antideriv(o, e1, y, a, b, d)
    return o.ctx.quad(inner, [e2, Q]) / ((Q - e1) * (Q - e2))


def expected_v1_cross(o, Q, a, b, d, e1, e2):
    """d^2/de1 de2 of ``expected_v1`` by Leibniz' rule: with w_k = 1/(Q - e_k) and
    I = int int v_1, I_1 = -int_{e2}^Q v_1(e1, y) dy, I_2 = -int_{e1}^Q v_1(x, e2) dx, I_12 = v_1(e1, e2):
    E_12 = I_12 w1 w2 + I_1 w1 w2^2 + I_2 w1^2 w2 + I w1^2 w2^2."""
    ctx = o.ctx
    w1, w2 = 1 / (Q - e1), 1 / (Q - e2)
    I = expected_v1(o, Q, a, b, d, e1, e2) / (w1 * w2)
    I1 = -ctx.quad(lambda y: v1_two(o, e1, y, a, b, d), [e2, Q])
    I2 = -(_v1_antideriv(o, Q, e2, a, b, d) - _v1_antideriv(o, e1, e2, a, b, d))
    return v1_two(o, e1, e2, a, b, d) * w1 * w2 + I1 * w1 * w2 ** 2 + I2 * w1 ** 2 * w2 + I * w1 ** 2 * w2 ** 2
