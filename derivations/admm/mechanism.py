"""admm §3.2 Algorithm 1 for the Gaussian model (§2.1, eqs. (1)-(3)), for all n agents at once, in numpy.

Structure used (App. C, (C.9)-(C.11)).  With q_-i fixed, 1/c_{q_i} = sigma_i^2 (1+q_i)/q_i + gamma_i
with gamma_i independent of q_i, so agent i's value is a Moebius function of q_i:

    v_i(t, q_-i) = 1 - b_i / (1 + b_i t),      dv_i/dt = b_i^2 / (1 + b_i t)^2,

where b_i = (sigma_i^2 + gamma_i)/sigma_i^2 = 1 - v_i(0, q_-i) = Var(theta_i | s_-i)/sigma_i^2 in (0, 1].
All n numbers b_i come from two Cholesky factorizations without subtraction:
b_i = (1 - v_i(q)) / w_i with 1 - v_i(q) = Var(theta_i | s)/sigma_i^2 (posterior covariance, a sum of
squares) and w_i = [(I + S Sigma S)^-1]_ii = 1/(1 + b_i q_i) (S = diag(sqrt(q_j)/sigma_j), also a sum
of squares).  The virtual value of eq. (3) is then phi_i(t) = 1 - b_i/(1+b_i t) - b_i^2 h_i(t)/(1+b_i t)^2
with h_i = (1 - F_i)/f_i, and each threshold is a scalar root (vectorized bisection + Newton polish).

Priors.  The paper's F_i have bounded support Q_i; every prior here lives on [0, Q]:
- ``Uniform(Q)``: h(t) = Q - t; the threshold is then explicit,
  q-bar = max(0, (sqrt(b(1 + bQ)) - 1)/b) and price 1 - sqrt(b/(1 + bQ)) (derived with sympy in
  tests/test_admm_mechanism.py);
- ``Exponential(rate, Q)``, ``Gamma(shape, rate, Q)`` (shape >= 1), ``Weibull(shape, rate, Q)``
  (shape >= 1): the distribution *conditioned on* [0, Q] (F/F(Q), f/F(Q)), so
  h(t) = (F(Q) - F(t))/f(t).  Truncation keeps MHR: the truncated hazard is
  f/(1-F) * (1-F)/((1-F) - (1-F(Q))), a product of two non-decreasing positive factors.
- ``Prior(cdf, pdf, Q)``: any user prior on [0, Q]; ``check_mhr`` tests f/(1-F) non-decreasing on a grid
  and raises DomainError naming the first decrease (Theorem 2 needs MHR; Algorithm 1 itself only
  needs single crossing, which ``algorithm1`` checks on the grid when ``require_mhr=False``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
from scipy import special
from scipy.linalg import solve_triangular

from ..errors import DomainError
from .gaussian import _check


# ----------------------------------------------------------------------------- priors

@dataclass(frozen=True)
class Prior:
    """A quality distribution on [0, Q] given by cdf/pdf (vectorized numpy callables)."""

    cdf: Callable
    pdf: Callable
    Q: float
    name: str = "custom"

    def __post_init__(self):
        if not (np.isfinite(self.Q) and self.Q > 0):
            raise DomainError(f"prior support [0, Q] needs a finite Q > 0 (got Q={self.Q})")

    def hazard_ratio(self, t):
        """(1 - F(t))/f(t) on [0, Q]."""
        t = np.asarray(t, dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            return (1.0 - self.cdf(t)) / self.pdf(t)

    def check_mhr(self, points: int = 2001):
        """Raise DomainError unless f/(1-F) is non-decreasing on a grid of [0, Q) (footnote 2)."""
        t = np.linspace(0.0, self.Q, points)[:-1]
        with np.errstate(divide="ignore", invalid="ignore"):
            haz = 1.0 / self.hazard_ratio(t)  # f/(1-F); subclasses compute (1-F)/f without cancellation
        if np.isnan(haz).any() or np.any(haz < 0):
            raise DomainError(f"prior {self.name}: hazard rate f/(1-F) must be a non-negative number on [0, Q)")
        # a decrease beyond rounding (relative 1e-8) violates MHR
        drop = np.nonzero(np.diff(haz) < -1e-8 * np.maximum(1.0, np.abs(haz[:-1])))[0]
        if drop.size:
            k = int(drop[0])
            raise DomainError(f"prior {self.name} is not MHR: hazard rate f/(1-F) decreases from "
                              f"{haz[k]:.6g} at q={t[k]:.6g} to {haz[k + 1]:.6g} at q={t[k + 1]:.6g}")
        return self


class Uniform(Prior):
    def __init__(self, Q):
        super().__init__(cdf=lambda t: np.clip(t / Q, 0, 1), pdf=lambda t: np.full_like(t, 1.0 / Q), Q=float(Q),
                         name=f"U[0, {Q}]")

    def hazard_ratio(self, t):
        return self.Q - np.asarray(t, dtype=float)


class Exponential(Prior):
    """Exp(rate) conditioned on [0, Q]."""

    def __init__(self, rate, Q):
        _positive(rate=rate)
        z = -np.expm1(-rate * Q)
        object.__setattr__(self, "rate", float(rate))
        super().__init__(cdf=lambda t: -np.expm1(-rate * t) / z, pdf=lambda t: rate * np.exp(-rate * t) / z,
                         Q=float(Q), name=f"Exp({rate}) on [0, {Q}]")

    def hazard_ratio(self, t):
        t = np.asarray(t, dtype=float)
        return -np.expm1(-self.rate * (self.Q - t)) / self.rate


class Gamma(Prior):
    """Gamma(shape, rate) (shape >= 1) conditioned on [0, Q]."""

    def __init__(self, shape, rate, Q):
        _positive(rate=rate)
        if not shape >= 1:
            raise DomainError(f"gamma prior is MHR only for shape >= 1 (got shape={shape})")
        a, lam = float(shape), float(rate)
        z = special.gammainc(a, lam * Q)
        object.__setattr__(self, "shape", a)
        object.__setattr__(self, "rate", lam)
        super().__init__(cdf=lambda t: special.gammainc(a, lam * t) / z,
                         pdf=lambda t: np.exp(_gamma_logpdf(t, a, lam)) / z, Q=float(Q),
                         name=f"Gamma({a}, {lam}) on [0, {Q}]")

    def hazard_ratio(self, t):
        t = np.asarray(t, dtype=float)
        a, lam = self.shape, self.rate
        x, xQ = lam * t, lam * self.Q
        lower = special.gammainc(a, x) < 0.5  # difference of the smaller tails: no cancellation of ~1's
        tail = np.where(lower, special.gammainc(a, xQ) - special.gammainc(a, x),
                        special.gammaincc(a, x) - special.gammaincc(a, xQ))
        with np.errstate(divide="ignore"):
            return tail / np.exp(_gamma_logpdf(t, a, lam))


class Weibull(Prior):
    """Weibull with F(t) = 1 - exp(-(rate t)^shape), shape >= 1, conditioned on [0, Q]."""

    def __init__(self, shape, rate, Q):
        _positive(rate=rate)
        if not shape >= 1:
            raise DomainError(f"Weibull prior is MHR only for shape >= 1 (got shape={shape})")
        k, lam = float(shape), float(rate)
        z = -np.expm1(-(lam * Q) ** k)
        object.__setattr__(self, "shape", k)
        object.__setattr__(self, "rate", lam)
        super().__init__(cdf=lambda t: -np.expm1(-(lam * t) ** k) / z,
                         pdf=lambda t: k * lam * (lam * t) ** (k - 1) * np.exp(-(lam * t) ** k) / z,
                         Q=float(Q), name=f"Weibull({k}, {lam}) on [0, {Q}]")

    def hazard_ratio(self, t):
        t = np.asarray(t, dtype=float)
        k, lam = self.shape, self.rate
        with np.errstate(divide="ignore"):
            return -np.expm1((lam * t) ** k - (lam * self.Q) ** k) / (k * lam * (lam * t) ** (k - 1))


def _gamma_logpdf(t, a, lam):
    with np.errstate(divide="ignore"):
        return a * np.log(lam) + special.xlogy(a - 1, t) - lam * t - special.gammaln(a)


def _positive(**kw):
    for k, v in kw.items():
        if not (np.isfinite(v) and v > 0):
            raise DomainError(f"prior parameter {k} must be finite and > 0 (got {v})")


# ----------------------------------------------------------------------------- the Moebius coefficient

def mobius_b(Sigma, q):
    """b_i = 1 - v_i(0, q_-i) for every i (v_i(t, q_-i) = 1 - b_i/(1 + b_i t)), O(n^3) total."""
    Sigma, q = _check(Sigma, q)
    return _mobius_b(Sigma, q)


def _mobius_b(Sigma, q):
    n = len(q)
    sig2 = np.diag(Sigma)
    # posterior variance: Var(theta_i | s) = || G^-1 L^T e_i ||^2, G G^T = I + L^T P L
    L = np.linalg.cholesky(Sigma)
    G = np.linalg.cholesky(np.eye(n) + L.T @ ((q / sig2)[:, None] * L))
    Z = solve_triangular(G, L.T, lower=True)
    post = np.einsum("ki,ki->i", Z, Z) / sig2  # 1 - v_i(q)
    # w_i = [(I + S Sigma S)^-1]_ii = || R^-1 e_i ||^2
    s = np.sqrt(q / sig2)
    R = np.linalg.cholesky(np.eye(n) + s[:, None] * Sigma * s[None, :])
    Rinv = solve_triangular(R, np.eye(n), lower=True)
    w = np.einsum("ki,ki->i", Rinv, Rinv)
    return post / w


def mobius_value(b, t):
    """v_i(t, q_-i) = 1 - b/(1 + b t) = (1 - b + b t)/(1 + b t)."""
    return (1.0 - b + b * t) / (1.0 + b * t)


def mobius_virtual_value(b, t, h):
    """phi_i(t) of eq. (3) from the Moebius form: v - v' h with v' = b^2/(1 + b t)^2."""
    u = 1.0 + b * t
    return (1.0 - b + b * t) / u - (b / u) ** 2 * h


# ----------------------------------------------------------------------------- thresholds

def thresholds(b, priors, iterations: int = 80):
    """q-bar_i = inf{t in [0, Q_i] : phi_i(t) >= 0} for every agent, vectorized over agents.

    ``priors`` is one Prior (shared) or a list of n Priors.  Uniform priors use the closed form;
    others bisect phi on [0, Q_i] (single crossing: Lemma B.2 under MHR) and polish by secant steps.
    """
    b = np.asarray(b, dtype=float)
    plist = _prior_list(priors, len(b))
    out = np.empty_like(b)
    uni = np.array([isinstance(p, Uniform) for p in plist])
    if uni.any():
        Qs = np.array([p.Q for p in plist])[uni]
        out[uni] = uniform_threshold(b[uni], Qs)
    rest = np.nonzero(~uni)[0]
    if rest.size:
        out[rest] = _bisect(b[rest], [plist[k] for k in rest], iterations)
    return out


def uniform_threshold(b, Q):
    """Closed form for U[0, Q]: phi(t) (1+bt)^2 = (1+bt)^2 - b(1 + bQ), so
    q-bar = max(0, (sqrt(b(1+bQ)) - 1)/b) = max(0, (b(1+bQ) - 1)/(b(1 + sqrt(b(1+bQ)))))."""
    m = b * (1.0 + b * Q)
    return np.maximum(0.0, (m - 1.0) / (b * (1.0 + np.sqrt(m))))


def _groups(plist):
    """Agents grouped by prior object, so each prior's hazard is evaluated once per step."""
    groups: dict = {}
    for k, p in enumerate(plist):
        groups.setdefault(id(p), (p, []))[1].append(k)
    return [(p, np.array(idx)) for p, idx in groups.values()]


def _hazard(groups, t):
    out = np.empty_like(t)
    for p, idx in groups:
        out[idx] = p.hazard_ratio(t[idx])
    return out


def _bisect(b, plist, iterations):
    Q = np.array([p.Q for p in plist])
    lo, hi = np.zeros_like(b), Q.copy()
    groups = _groups(plist)

    def phi(t):
        with np.errstate(divide="ignore", invalid="ignore"):
            h = _hazard(groups, t)
            f = mobius_virtual_value(b, t, h)
        return np.where(np.isnan(f) & np.isinf(h), -np.inf, f)  # f(0) = 0: h = inf, phi = -inf

    f0 = phi(lo)
    done = f0 >= 0
    for _ in range(iterations):
        mid = 0.5 * (lo + hi)
        neg = phi(mid) < 0
        lo = np.where(neg, mid, lo)
        hi = np.where(neg, hi, mid)
        if np.all(hi - lo <= 4 * np.finfo(float).eps * np.maximum(hi, 1e-300)):
            break
    t = np.where(done, 0.0, hi)
    return t


def _prior_list(priors, n):
    if isinstance(priors, Prior):
        return [priors] * n
    plist = list(priors)
    if len(plist) != n or not all(isinstance(p, Prior) for p in plist):
        raise DomainError(f"priors must be one Prior or a list of {n} Priors")
    return plist


# ----------------------------------------------------------------------------- Algorithm 1

@dataclass
class Outcome:
    thresholds: np.ndarray  # q-bar_i(q_hat_-i)
    prices: np.ndarray  # v_i(q-bar_i, q_hat_-i)
    allocation: np.ndarray  # x_i = 1{q_hat_i >= q-bar_i}
    payments: np.ndarray  # p_i = price_i x_i  (B.10)
    b: np.ndarray  # Moebius coefficients 1 - v_i(0, q_hat_-i)

    @property
    def revenue(self) -> float:
        return float(self.payments.sum())


def algorithm1(Sigma, q_hat, priors, require_mhr: bool = True) -> Outcome:
    """Algorithm 1 on reports ``q_hat``: thresholds, prices, allocations and payments of every agent."""
    Sigma, q_hat = _check(Sigma, q_hat, name="q_hat")
    plist = _prior_list(priors, len(q_hat))
    for p in {id(p): p for p in plist}.values():
        if require_mhr:
            p.check_mhr()
    Q = np.array([p.Q for p in plist])
    if np.any(q_hat > Q):
        k = int(np.argmax(q_hat > Q))
        raise DomainError(f"q_hat_{k} = {q_hat[k]} lies outside the support [0, {Q[k]}] of F_{k}")
    b = _mobius_b(Sigma, q_hat)
    qbar = thresholds(b, plist)
    if not require_mhr:
        _check_single_crossing(b, plist, qbar)
    price = mobius_value(b, qbar)
    x = (q_hat >= qbar).astype(float)
    return Outcome(qbar, price, x, price * x, b)


def _check_single_crossing(b, plist, qbar, points=513):
    for k, p in enumerate(plist):
        t = np.linspace(qbar[k], p.Q, points)
        f = mobius_virtual_value(b[k], t, p.hazard_ratio(t))
        if np.any(f[1:] < -1e-12):
            raise DomainError(f"Assumption 2 fails for agent {k}: phi changes sign back to negative above "
                              f"the threshold {qbar[k]:.6g} (prior {p.name})")


def expected_payment(b, prior, points: int = 64):
    """E_{q_i}[p_i(q_i, q_-i)] = v_i(q-bar)(1 - F(q-bar)) (B.11 (a)) for one agent, with q_-i fixed."""
    qbar = thresholds(np.atleast_1d(b), prior)[0]
    return float(mobius_value(b, qbar) * (1.0 - prior.cdf(np.array(qbar))))


def expected_virtual_surplus(b, prior, points: int = 64):
    """E_{q_i}[phi^+(q_i)] by Gauss-Legendre quadrature on [q-bar, Q] (phi >= 0 there, single crossing)."""
    qbar = thresholds(np.atleast_1d(b), prior)[0]
    x, w = np.polynomial.legendre.leggauss(points)
    t = qbar + (prior.Q - qbar) * (x + 1) / 2
    f = mobius_virtual_value(b, t, prior.hazard_ratio(t)) * prior.pdf(t)
    return float((prior.Q - qbar) / 2 * np.dot(w, f))


# ----------------------------------------------------------------------------- naive reference

def naive_thresholds(Sigma, q, priors):
    """Per agent: brentq on eq. (3), each evaluation with a fresh n x n inverse of Sigma_q (for benchmarks).

    phi_i(t) = v_i(t) - dv_i/dt h(t), v_i by (A.1), dv_i/dt by (B.5)/sigma_i^2; returns (q-bar, prices).
    """
    from scipy.optimize import brentq

    Sigma, q = _check(Sigma, q)
    n = len(q)
    plist = _prior_list(priors, n)
    qbar, price = np.empty(n), np.empty(n)

    def v_and_dv(i, t):
        qq = q.copy()
        qq[i] = t
        C = np.linalg.inv(Sigma + np.diag(np.diag(Sigma) / qq))
        row = Sigma[i]
        s2 = Sigma[i, i]
        v = row @ C @ row / s2
        dv = (1.0 - C[i, i] * s2 / t) ** 2 / t**2
        return v, dv

    for i in range(n):
        p = plist[i]

        def phi(t):
            v, dv = v_and_dv(i, t)
            return v - dv * float(p.hazard_ratio(np.array(t)))

        lo = 1e-12 * p.Q
        if phi(lo) >= 0:  # threshold 0: price v_i(0, q_-i) from the reduced system (fresh inverse)
            qbar[i] = 0.0
            o = np.arange(n) != i
            C = np.linalg.inv(Sigma[np.ix_(o, o)] + np.diag(np.diag(Sigma)[o] / q[o]))
            price[i] = Sigma[i, o] @ C @ Sigma[o, i] / Sigma[i, i]
            continue
        qbar[i] = brentq(phi, lo, p.Q, xtol=1e-15, rtol=4 * np.finfo(float).eps)
        price[i] = v_and_dv(i, qbar[i])[0]
    return qbar, price
