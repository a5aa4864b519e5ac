"""cczk §3.2-§4 in numpy: program (7), Compute-n-Approx (Algorithm 1), condition (8), the
recommended strategies (9) and the closed-form penalties of (M_CBL, s*) and of deviations.

Arrays are indexed [i, k] (agent i in [m], distribution k in [d]); costs are finite and > 0.

* ``solve_program7``: eq. (7) (minimize the social penalty of eq. (5) subject to the IR constraints)
  as a smooth convex program (scipy SLSQP on n / n^IND from the feasible point n^IND), then the
  active set is read off and the KKT system is solved by Newton's method (``_polish``).  The result
  carries a KKT certificate (stationarity residual, primal feasibility, dual feasibility,
  complementary slackness); since (7) is convex, KKT = global optimality.
* ``compute_n_approx``: Algorithm 1 exactly as printed; among several (i, k) satisfying a while
  condition the lowest (k, i) is taken first (the paper leaves the order open).
* ``condition8``: eq. (8), with a relative tolerance ``rtol`` for equality cases (at n^OPT with
  d = 1, (8) is the IR constraint and holds with equality for binding agents).
* ``mechanism_penalties``: p_{i,k}(M_CBL, s*) per (i, k): own alone penalty (i in V_k), others'
  pooled mean (n* = 0), Lemma 16 with alpha from ``alpha.alpha`` (corruption case), and §D.1 when
  (8) fails.
* ``deviation_error_C``: E_x[sigma^2/(n + n* + D/(1 + alpha^2(1/n + 1/n*) x^2))] (the estimation
  error of an agent in the corruption case who collects n points, submits them and accepts; App.
  H.1 (63)), in closed form (Lemma 24 with erfcx).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize
from scipy.special import erfcx

from ..errors import DomainError
from . import alpha as _alpha


def _costs(sigma, c):
    c = np.asarray(c, dtype=float)
    if c.ndim == 1:
        c = c[:, None]
    if c.ndim != 2 or c.size == 0:
        raise DomainError("c must be a non-empty m x d array of costs")
    if not np.isfinite(c).all():
        raise DomainError("every cost c_{i,k} must be finite (c_{i,k} = inf is not supported here)")
    if (c <= 0).any():
        raise DomainError("every cost c_{i,k} must be > 0")
    sigma = float(sigma)
    if not (np.isfinite(sigma) and sigma > 0):
        raise DomainError("sigma must be finite and > 0")
    return sigma, c


def _alloc(n, shape):
    n = np.asarray(n, dtype=float)
    if n.ndim == 1 and len(shape) == 2 and shape[1] == 1:
        n = n[:, None]
    if n.shape != shape:
        raise DomainError(f"n must have shape {shape} (m x d), got {n.shape}")
    if not np.isfinite(n).all() or (n < 0).any():
        raise DomainError("every n_{i,k} must be finite and >= 0")
    if (n.sum(axis=0) <= 0).any():
        raise DomainError("sum_i n_{i,k} must be > 0 for every k (else the penalty is infinite)")
    return n


def n_ind(sigma, c):
    """§A.1: n^IND_{i,k} = sigma / sqrt(c_{i,k})."""
    sigma, c = _costs(sigma, c)
    return sigma / np.sqrt(c)


def p_ind(sigma, c):
    """Fact 1 / eq. (4): p_i^IND = 2 sigma sum_k sqrt(c_{i,k})."""
    sigma, c = _costs(sigma, c)
    return 2 * sigma * np.sqrt(c).sum(axis=1)


def sm_penalties(sigma, c, n):
    """p_i(M_SM, s_n^COM) = sum_k sigma^2 / sum_j n_{j,k} + c_{i,k} n_{i,k} (§3.2, Fact 2)."""
    sigma, c = _costs(sigma, c)
    n = _alloc(n, c.shape)
    return (sigma**2 / n.sum(axis=0))[None, :].sum(axis=1) + (c * n).sum(axis=1)


def social_penalty(sigma, c, n):
    """eq. (5): sum_k (m sigma^2 / sum_i n_{i,k} + sum_i c_{i,k} n_{i,k})."""
    sigma, c = _costs(sigma, c)
    n = _alloc(n, c.shape)
    m = c.shape[0]
    return float((m * sigma**2 / n.sum(axis=0)).sum() + (c * n).sum())


# ----------------------------------------------------------------------------- program (7)

@dataclass
class Program7:
    n: np.ndarray  # n^OPT, shape (m, d)
    lam: np.ndarray  # IR multipliers, shape (m,)
    nu: np.ndarray  # multipliers of n >= 0, shape (m, d)
    stationarity: float  # max |grad L| / max |grad P|
    feasibility: float  # max (p_i - p_i^IND)_+ / p_i^IND
    complementarity: float  # max |lam_i g_i| / P, max |nu n| / P
    dual_min: float  # min(lam, nu) (>= 0 up to rounding)
    objective: float

    @property
    def certified(self) -> bool:
        return (self.stationarity < 1e-9 and self.feasibility < 1e-12 and self.complementarity < 1e-9
                and self.dual_min > -1e-9)


def _grads(sigma, c, n):
    m, d = c.shape
    N = n.sum(axis=0)
    gP = -m * sigma**2 / N**2 + c  # dP/dn_{i,k}
    # dg_j/dn_{i,k} = -sigma^2/N_k^2 + c_{j,k} [i = j]
    gG = np.broadcast_to(-sigma**2 / N**2, (m, m, d)).copy()
    for j in range(m):
        gG[j, j, :] += c[j]
    return gP, gG


def kkt(sigma, c, n, active_tol=1e-7):
    """KKT certificate of n for (7): multipliers by non-negative least squares on the stationarity
    equation over the (numerically) active constraints, and the four residuals."""
    from scipy.optimize import nnls

    sigma, c = _costs(sigma, c)
    n = _alloc(n, c.shape)
    m, d = c.shape
    pi = p_ind(sigma, c)
    g = sm_penalties(sigma, c, n) - pi
    gP, gG = _grads(sigma, c, n)
    act = np.flatnonzero(g > -active_tol * pi)
    zero = np.argwhere(n <= active_tol * n_ind(sigma, c))
    cols = [gG[j].ravel() for j in act]
    for (i, k) in zero:
        e = np.zeros((m, d))
        e[i, k] = -1.0
        cols.append(e.ravel())
    lam, nu = np.zeros(m), np.zeros((m, d))
    r = gP.ravel().copy()
    if cols:
        A = np.stack(cols, axis=1)
        x, _ = nnls(A, -gP.ravel())
        lam[act] = x[:len(act)]
        for t, (i, k) in enumerate(zero):
            nu[i, k] = x[len(act) + t]
        r = gP.ravel() + A @ x
    P = social_penalty(sigma, c, n)
    return Program7(
        n=n, lam=lam, nu=nu,
        stationarity=float(np.max(np.abs(r)) / np.max(np.abs(gP) + np.abs(c))),
        feasibility=float(np.max(np.maximum(g, 0) / pi)),
        complementarity=float(max(np.max(np.abs(lam * g)), np.max(np.abs(nu * n))) / P),
        dual_min=float(min(lam.min(), nu.min())), objective=P)


def solve_program7(sigma, c, polish=True) -> Program7:
    """n^OPT of eq. (7) with its KKT certificate (see the module docstring)."""
    sigma, c = _costs(sigma, c)
    m, d = c.shape
    s = n_ind(sigma, c)  # scale: the feasible starting point n = n^IND
    pi = p_ind(sigma, c)
    Pscale = social_penalty(sigma, c, s)

    def f(x):
        return social_penalty(sigma, c, x.reshape(m, d) * s) / Pscale

    def df(x):
        gP, _ = _grads(sigma, c, x.reshape(m, d) * s)
        return (gP * s).ravel() / Pscale

    def g(x):
        return (pi - sm_penalties(sigma, c, x.reshape(m, d) * s)) / pi

    def dg(x):
        _, gG = _grads(sigma, c, x.reshape(m, d) * s)
        return -(gG * s[None]).reshape(m, m * d) / pi[:, None]

    x0 = np.ones(m * d)
    lb = np.full(m * d, 0.0)
    res = minimize(f, x0, jac=df, method="SLSQP", bounds=list(zip(lb, [None] * (m * d))),
                   constraints=[{"type": "ineq", "fun": g, "jac": dg}],
                   options={"ftol": 1e-15, "maxiter": 2000})
    x = np.maximum(res.x, 0.0)
    # keep every column's total positive
    n = x.reshape(m, d) * s
    n[:, n.sum(axis=0) <= 0] = s[:, n.sum(axis=0) <= 0]
    out = kkt(sigma, c, n, active_tol=1e-6)
    if polish:
        p = _polish(sigma, c, out)
        if p is not None and p.certified:
            return p
    return out


def _polish(sigma, c, cert: Program7):
    """Newton's method on the KKT system with the active set of ``cert``: unknowns are the free
    n_{i,k} (> 0) and the multipliers of the binding IR constraints."""
    from scipy.optimize import root

    m, d = c.shape
    pi = p_ind(sigma, c)
    s = n_ind(sigma, c)
    free = cert.n > 1e-6 * s
    act = np.flatnonzero(cert.lam > 1e-9 * max(1.0, cert.lam.max()))
    nf = int(free.sum())

    def unpack(z):
        n = np.zeros((m, d))
        n[free] = z[:nf] * s[free]
        lam = np.zeros(m)
        lam[act] = z[nf:]
        return n, lam

    def F(z):
        n, lam = unpack(z)
        if (n.sum(axis=0) <= 0).any():
            return np.full(len(z), 1e6)
        gP, gG = _grads(sigma, c, n)
        stat = gP + np.tensordot(lam, gG, axes=1)
        gi = ((sigma**2 / n.sum(axis=0)).sum() + (c * n).sum(axis=1) - pi) / pi
        return np.concatenate([(stat * s)[free], gi[act]])

    z0 = np.concatenate([(cert.n / s)[free], cert.lam[act]])
    try:
        sol = root(F, z0, method="hybr", options={"xtol": 1e-15})
    except (ValueError, np.linalg.LinAlgError, DomainError):  # pragma: no cover
        return None
    if not np.isfinite(sol.x).all():
        return None
    n, lam = unpack(sol.x)
    if (n < 0).any() or (n.sum(axis=0) <= 0).any():
        return None
    out = kkt(sigma, c, n, active_tol=1e-10)
    return out


# ----------------------------------------------------------------------------- Algorithm 1, (8), (9)

@dataclass
class Approx:
    n: np.ndarray  # n-tilde (= n*_L)
    V: np.ndarray  # bool (m, d): i in V_k
    T: np.ndarray  # (d,)
    n_first: np.ndarray  # n' (after the first while loop)


def compute_n_approx(sigma, c, n) -> Approx:
    """Algorithm 1 (Compute-n-Approx) as printed."""
    sigma, c = _costs(sigma, c)
    nt = _alloc(n, c.shape).copy()
    m, d = c.shape
    ni = n_ind(sigma, c)
    alone = sigma**2 / ni + c * ni
    V = np.zeros((m, d), dtype=bool)
    while True:  # lines 4-6
        hit = None
        for k in range(d):
            for i in range(m):
                if not V[i, k] and alone[i, k] <= 4 * (sigma**2 / nt[:, k].sum() + c[i, k] * nt[i, k]):
                    hit = (i, k)
                    break
            if hit:
                break
        if hit is None:
            break
        i, k = hit
        nt[i, k] = ni[i, k]
        V[i, k] = True
    n_first = nt.copy()
    T = nt.sum(axis=0)  # line 7
    done = np.zeros((m, d), dtype=bool)  # after its update n~ T = (n^IND)^2 exactly (not in floats)
    while True:  # lines 8-9
        hit = None
        for k in range(d):
            for i in range(m):
                if not V[i, k] and not done[i, k] and nt[i, k] > 0 and nt[i, k] * T[k] < ni[i, k] ** 2:
                    hit = (i, k)
                    break
            if hit:
                break
        if hit is None:
            break
        i, k = hit
        nt[i, k] = ni[i, k] ** 2 / T[k]
        done[i, k] = True
    return Approx(nt, V, T, n_first)


def condition8(sigma, c, n, rtol=1e-9):
    """eq. (8): sigma^2/n^IND + c n^IND >= sigma^2/sum_j n_{j,k} + c n_{i,k} for all (i, k)
    (up to a relative tolerance ``rtol``, for the equality cases at n^OPT)."""
    sigma, c = _costs(sigma, c)
    n = _alloc(n, c.shape)
    ni = n_ind(sigma, c)
    lhs = sigma**2 / ni + c * ni
    rhs = sigma**2 / n.sum(axis=0)[None, :] + c * n
    return bool(np.all(lhs >= rhs * (1 - rtol)))


def cheapest(c):
    """Boolean (m, d): i in argmin_j c_{j,k}."""
    c = np.asarray(c, dtype=float)
    return c == c.min(axis=0, keepdims=True)


def recommended(sigma, c, n):
    """eq. (9): (n*, approx, holds8): n* = n^L = n-tilde if (8) holds, else n^NL."""
    sigma, c = _costs(sigma, c)
    n = _alloc(n, c.shape)
    ap = compute_n_approx(sigma, c, n)
    holds = condition8(sigma, c, n)
    if holds:
        return ap.n.copy(), ap, True
    return np.where(cheapest(c), n_ind(sigma, c), 0.0), ap, False


def case_of(n_star, V, holds8, c):
    """Per (i, k): 'V' (own data only), 'B' (others' mean, n* = 0), 'C' (corruption) when (8)
    holds; 'min' / 'rest' (§D.1) otherwise."""
    m, d = n_star.shape
    out = np.empty((m, d), dtype=object)
    ch = cheapest(c)
    for i in range(m):
        for k in range(d):
            if holds8:
                out[i, k] = "V" if V[i, k] else ("B" if n_star[i, k] == 0 else "C")
            else:
                out[i, k] = "min" if ch[i, k] else "rest"
    return out


def alphas(sigma, c, n_star, T, cases):
    """alpha_{i,k} (eq. 11) for the corruption cases (NaN elsewhere)."""
    a = np.full(n_star.shape, np.nan)
    idx = np.argwhere(cases == "C")
    if len(idx):
        i, k = idx[:, 0], idx[:, 1]
        a[i, k] = _alpha.alpha(np.full(len(i), sigma), c[i, k], n_star[i, k], T[k])
    return a


def deviation_error_C(sigma, nstar, T, alpha, n):
    """Estimation error of an agent in the corruption case who truthfully submits n points and
    accepts: E_x[sigma^2/(a + D/(1 + k x^2))], a = n + n*, D = T - 2 n*, k = alpha^2 (1/n + 1/n*)
    (App. H.1, (63)), in closed form with Lemma 24 (t = 1/2):
    E[1/(L + x^2)] = sqrt(pi/(2L)) erfcx(sqrt(L/2)), L = (a + D)/(a k)."""
    nstar, T, alpha, n = (np.asarray(v, dtype=float) for v in (nstar, T, alpha, n))
    if (n <= 0).any():
        raise DomainError("n must be > 0 (the mechanism needs the sample mean of Y_{i,k})")
    a = n + nstar
    D = T - 2 * nstar
    k = alpha**2 * (1 / n + 1 / nstar)
    L = (a + D) / (a * k)
    return sigma**2 / a * (1 - D / (a * k) * np.sqrt(np.pi / (2 * L)) * erfcx(np.sqrt(L / 2)))


def mechanism_penalties(sigma, c, n):
    """p_{i,k}(M_CBL, s*) for Algorithm 2 run with input n; returns (pik (m, d), info dict)."""
    sigma, c = _costs(sigma, c)
    n = _alloc(n, c.shape)
    n_star, ap, holds = recommended(sigma, c, n)
    cases = case_of(n_star, ap.V, holds, c)
    ni = n_ind(sigma, c)
    m, d = c.shape
    a = alphas(sigma, c, n_star, ap.T, cases) if holds else np.full((m, d), np.nan)
    p = np.zeros((m, d))
    ch = cheapest(c)
    for i in range(m):
        for k in range(d):
            cs = cases[i, k]
            if cs in ("V", "min"):
                p[i, k] = sigma**2 / ni[i, k] + c[i, k] * ni[i, k]
            elif cs == "B":
                p[i, k] = sigma**2 / (n_star[:, k].sum() - n_star[i, k])
            elif cs == "C":
                p[i, k] = float(deviation_error_C(sigma, n_star[i, k], ap.T[k], a[i, k], n_star[i, k])) \
                    + c[i, k] * n_star[i, k]
            else:  # rest: mean of all cheapest agents' data
                p[i, k] = sigma**2 / (ch[:, k].sum() * ni[ch[:, k], k][0])
    return p, dict(n_star=n_star, approx=ap, holds8=holds, cases=cases, alpha=a)
