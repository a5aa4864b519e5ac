"""cczk Algorithm 2 (M_CBL) simulated end to end on Gaussian data (numpy, seeded, vectorized over
R independent replications).

Agents are described by ``Strategy(n, f, h)``: integer collection amounts n[k], a submission
function ``f(X, rng) -> Y`` acting on one distribution's (R, n) data array, and an estimator
``h(X, Y, I) -> (R,)`` (default h^ACC: return I).  The mechanism (lines 9-29) receives every
agent's submissions and returns I_{i,k} per replication; the penalty of agent i is estimated as
mean_R sum_k (h_{i,k} - mu_k)^2 + sum_k c_{i,k} n_{i,k} at a given mu (the risk of every
location-equivariant strategy does not depend on mu; fabrication is evaluated at a chosen mu).

Simulation needs integer sample sizes: the designer's n*, T_k must be integers (the instances in
the tests are chosen so; ``run`` raises DomainError otherwise).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from ..errors import DomainError
from . import mech_program as mp


def identity(X, rng):
    return X


@dataclass
class Strategy:
    n: list  # n[k], integers
    f: Callable = identity  # f(X (R, n), rng) -> Y (R, n')
    h: Callable | None = None  # h(X, Y, I) -> (R,), per distribution; None = h^ACC
    fabricate: bool = False  # X is not sampled (collect nothing) when True; f builds Y alone


@dataclass
class Design:
    sigma: float
    c: np.ndarray
    n_star: np.ndarray
    V: np.ndarray
    T: np.ndarray
    holds8: bool
    cases: np.ndarray
    alpha: np.ndarray = field(default=None)


def design(sigma, c, n):
    """Lines 1-4: n*, (V_k), (T_k) from Compute-n-Approx(n), (8) and alpha_{i,k}."""
    sigma, c = mp._costs(sigma, c)
    n_star, ap, holds = mp.recommended(sigma, c, n)
    cases = mp.case_of(n_star, ap.V, holds, c)
    a = mp.alphas(sigma, c, n_star, ap.T, cases) if holds else np.full(c.shape, np.nan)
    return Design(sigma, c, n_star, ap.V, ap.T, holds, cases, a)


def recommended_strategies(des: Design):
    m, d = des.c.shape
    return [Strategy([int(round(des.n_star[i, k])) for k in range(d)]) for i in range(m)]


def _int(x, what):
    xi = int(round(float(x)))
    if abs(xi - float(x)) > 1e-9:
        raise DomainError(f"{what} must be an integer to simulate (got {float(x)!r})")
    return xi


def mechanism(des: Design, Y, rng):
    """Lines 9-29: I[i][k] (R,) from the submissions Y[i][k] (R, |Y_{i,k}|)."""
    m, d = des.c.shape
    s2 = des.sigma**2
    I = [[None] * d for _ in range(m)]
    ch = mp.cheapest(des.c)
    for k in range(d):
        for i in range(m):
            own = Y[i][k]
            others = np.concatenate([Y[j][k] for j in range(m) if j != i], axis=1)
            cs = des.cases[i, k]
            if cs in ("V", "min"):
                I[i][k] = own.mean(axis=1)
            elif cs in ("B", "rest"):
                I[i][k] = others.mean(axis=1)
            else:  # lines 19-23
                ns = _int(des.n_star[i, k], "n*_{i,k}")
                Tk = _int(des.T[k], "T_k")
                R, L = others.shape
                if L < Tk - ns:
                    raise DomainError("|Y_{-i,k}| >= T_k - n*_{i,k} is needed to sample Y'_{-i,k}")
                perm = np.argsort(rng.random((R, L)), axis=1)[:, :Tk - ns]  # Y' without replacement
                Yp = np.take_along_axis(others, perm, axis=1)
                nz = min(Tk - ns, ns)
                Z, rest = Yp[:, :nz], Yp[:, nz:]  # Z: a uniformly random subset of Y' (Y' is shuffled)
                eta2 = des.alpha[i, k] ** 2 * (own.mean(axis=1) - Z.mean(axis=1)) ** 2
                Zp = rest + rng.standard_normal(rest.shape) * np.sqrt(eta2)[:, None]
                I[i][k] = _line23(own, Z, Zp, s2, eta2)
    return I


def _line23(own, Z, Zp, s2, eta2):
    """Line 23: the inverse-variance weighted average of the clean points (variance sigma^2 each)
    and the corrupted points (variance sigma^2 + eta^2 each).

    As printed, the numerator is (1/(sigma^2|YuZ|)) sum y + (1/((sigma^2+eta^2)|Z'|)) sum z and the
    denominator (1/sigma^2)|YuZ| + |Z'|/(sigma^2+eta^2): those two are not homogeneous (the
    numerator uses means, the denominator counts), so the printed ratio is not an average (it is
    not translation equivariant).  We implement the weighted average of App. H.1's estimator
    (sum y/sigma^2 + sum z/(sigma^2+eta^2)) / (|YuZ|/sigma^2 + |Z'|/(sigma^2+eta^2)), whose error is
    the closed form of (63); ``line23_printed`` is the literal transcription, for the tests.
    """
    clean = np.concatenate([own, Z], axis=1)
    w = 1 / (s2 + eta2)
    return (clean.sum(axis=1) / s2 + Zp.sum(axis=1) * w) / (clean.shape[1] / s2 + Zp.shape[1] * w)


def line23_printed(own, Z, Zp, s2, eta2):
    clean = np.concatenate([own, Z], axis=1)
    nc, nzp = clean.shape[1], Zp.shape[1]
    num = clean.sum(axis=1) / (s2 * nc) + Zp.sum(axis=1) / ((s2 + eta2) * nzp)
    return num / (nc / s2 + nzp / (s2 + eta2))


def run(des: Design, strategies, mu, R, seed=0):
    """Simulate R replications; returns (penalties (m,), standard errors (m,))."""
    rng = np.random.default_rng(seed)
    m, d = des.c.shape
    mu = np.broadcast_to(np.asarray(mu, dtype=float), (d,))
    X, Y = [], []
    for i, s in enumerate(strategies):
        Xi, Yi = [], []
        for k in range(d):
            n = int(s.n[k])
            x = mu[k] + des.sigma * rng.standard_normal((R, 0 if s.fabricate else n))
            Xi.append(x)
            Yi.append(s.f(x, rng))
        X.append(Xi)
        Y.append(Yi)
    I = mechanism(des, Y, rng)
    pen, se = np.zeros(m), np.zeros(m)
    for i, s in enumerate(strategies):
        err = np.zeros(R)
        for k in range(d):
            est = I[i][k] if s.h is None else s.h(X[i][k], Y[i][k], I[i][k])
            err += (est - mu[k]) ** 2
        cost = sum(des.c[i, k] * (0 if s.fabricate else s.n[k]) for k in range(d))
        pen[i] = err.mean() + cost
        se[i] = err.std(ddof=1) / np.sqrt(R)
    return pen, se
