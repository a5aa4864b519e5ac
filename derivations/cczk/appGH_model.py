"""cczk App. G (Lemmas 9-13) and App. H (proofs of Lemmas 3 and 4): formulas for claims_appGH.

Conventions (subscripts i,k dropped): sigma, c = c_{i,k}, nind = n^IND = sigma/sqrt(c), n* = nstar,
T = T_k, D = T - 2n*, alpha = alpha_{i,k}; the prior is Lambda_ell = N(0, ell^2) and ``eps`` = 1/ell^2.
Counts |X_{i,k}|, |Z_{i,k}|, |Z'_{i,k}| are positive reals (nX, nZ, nZp), data sets short vectors.

Independent references used by the claims:
* posteriors by *differentiating the log joint density* (``score_moments``): for a Gaussian
  posterior log p(mu | data) is quadratic in mu, so mean = -f'(0)/f''(0) and variance = -1/f''(0)
  exactly (no conjugate-update formula is used);
* Gaussian expectations E_e[1/(A/(s2 + beta e^2) + B)] in closed form through Lemma 24's I(1/2)
  (``gauss_closed``), against tanh-sinh quadrature (``gauss_quad``) where the claim needs it;
* Algorithm 1 for one distribution, exactly as printed (``algorithm1``; mpmath only).
"""
from __future__ import annotations

import mpmath
import numpy as np
import sympy

from derivations.errors import DomainError

from . import lemmas_model as lm


def _is_sym(o):
    return isinstance(o.num(1), sympy.Basic)


def _need_mp(o):
    if not isinstance(o.num(1), mpmath.mpf):
        raise NotImplementedError("this formula needs the mpmath backend (branching / quadrature)")


def deriv(o, f, x0, k=1):
    """k-th derivative of the callable f at x0: sympy.diff symbolically, mpmath.diff numerically."""
    if _is_sym(o):
        t = sympy.Dummy("t")
        return sympy.diff(f(t), t, k).subs(t, x0)
    _need_mp(o)
    return mpmath.diff(f, x0, k)


def mean(xs):
    return sum(xs) / len(xs)


# ----------------------------------------------------------------------------- posteriors (§H.1)

def log_joint(sigma, ell, clean, noisy=(), noisy_var=None):
    """mu -> log[p(noisy | mu) p(clean | mu) p(mu)] up to mu-free constants: clean points ~ N(mu, sigma^2),
    noisy points ~ N(mu, noisy_var), prior N(0, ell^2)."""
    def f(mu):
        out = -sum((x - mu) ** 2 for x in clean) / (2 * sigma**2) - mu**2 / (2 * ell**2)
        if noisy:
            out = out - sum((x - mu) ** 2 for x in noisy) / (2 * noisy_var)
        return out
    return f


def score_moments(o, f):
    """(f'(0), posterior mean, posterior variance) of the density exp(f), f quadratic in mu.

    Symbolically f' and f'' are sympy derivatives; numerically the central differences
    (f(1) - f(-1))/2 and f(1) - 2 f(0) + f(-1), which are exact for polynomials of degree <= 2
    (and f is one: a sum of squares in mu), so no numerical-differentiation error enters."""
    if _is_sym(o):
        zero = o.num(0)
        f1, f2 = deriv(o, f, zero, 1), deriv(o, f, zero, 2)
    else:
        one = o.num(1)
        fp, f0, fm = f(one), f(0 * one), f(-one)
        f1, f2 = (fp - fm) / 2, fp - 2 * f0 + fm
    return f1, -f1 / f2, -1 / f2


# ----------------------------------------------------------------------------- Gaussian expectations

def gauss_closed(o, A, B, s2, beta):
    """E_{e~N(0,1)}[1/(A/(s2 + beta e^2) + B)] for A, B, s2, beta > 0, in closed form:
    the integrand is 1/B - (A/(B^2 beta))/(L + e^2) with L = (A + B s2)/(B beta), and
    E[1/(L + e^2)] = I(1/2) = exp(L/2) Erfc(sqrt(L/2)) sqrt(pi/(2L)) (Lemma 24)."""
    L = (A + B * s2) / (B * beta)
    return 1 / B - A / (B**2 * beta) * lm.I_closed(o, o.num(1) / 2, L)


def gauss_quad(o, A, B, s2, beta):
    """The same expectation by tanh-sinh quadrature (mpmath only)."""
    return lm.gauss_mean(o, lambda e: 1 / (A / (s2 + beta * e**2) + B))


def sigma_tilde2(sigma, nX, nZ, eps):
    """sigma~^2_{ell,k} = sigma^2/|Z| + 1/(|X|/sigma^2 + 1/ell^2) (§H.1, conditional independence)."""
    return sigma**2 / nZ + 1 / (nX / sigma**2 + eps)


def R_ell_C(o, sigma, alpha, nX, nZ, nZp, eps):
    """C-term of R_ell: int F_{1,k}(e) F_2(e) de with F_{1,k}(e) = 1/(|Z'|/(sigma^2 + alpha^2 sigma~^2 e^2)
    + (|X|+|Z|)/sigma^2 + 1/ell^2), closed form."""
    return gauss_closed(o, nZp, (nX + nZ) / sigma**2 + eps, sigma**2, alpha**2 * sigma_tilde2(sigma, nX, nZ, eps))


def R_inf_C(o, sigma, alpha, nX, nZ, nZp):
    """C-term of R_infinity (60): E_e[1/(|Z'|/(sigma^2 + alpha^2(sigma^2/|X| + sigma^2/|Z|)e^2) + (|X|+|Z|)/sigma^2)]."""
    return gauss_closed(o, nZp, (nX + nZ) / sigma**2, sigma**2, alpha**2 * (sigma**2 / nX + sigma**2 / nZ))


def R_ell(o, sigma, alpha, nA, nB, nX, nZ, nZp, eps):
    """R_ell for one k in each of A, B, C (|X_{i,k}| = nA, |X u Y_{-i,k}| = nB), corrected C-term."""
    return 1 / (nA / sigma**2 + eps) + 1 / (nB / sigma**2 + eps) + R_ell_C(o, sigma, alpha, nX, nZ, nZp, eps)


def R_inf(o, sigma, alpha, nA, nB, nX, nZ, nZp):
    """R_infinity of (60) for one k in each of A, B, C."""
    return sigma**2 / nA + sigma**2 / nB + R_inf_C(o, sigma, alpha, nX, nZ, nZp)


# ----------------------------------------------------------------------------- §H.2

def first_order_lemma24(o, sigma, c, nstar, T, alpha):
    """d/dn [E_x l(n, x; alpha) + c n] at n = n* derived through Lemma 24 (not from the paper's final form):
    by the rational simplification of the proof of Lemma 15 it is
    c - s2/(4n*^2) + (s2/(4n*^2)) D [ (1/(4a^2)) E 1/(x^2+L) + (2n*/(16a^4)) E 1/(x^2+L)^2 ],  L = T/(4a^2),
    with E 1/(x^2+L) = I(1/2) and E 1/(x^2+L)^2 = J(1/2) (J corrected: J = -dI/dL)."""
    D = T - 2 * nstar
    L = T / (4 * alpha**2)
    h = o.num(1) / 2
    k = sigma**2 / (4 * nstar**2)
    return c - k + k * D * (lm.I_closed(o, h, L) / (4 * alpha**2) + 2 * nstar / (16 * alpha**4) * lm.J_corrected(o, h, L))


def first_order_printed(o, sigma, c, nstar, T, alpha, coef_power=2):
    """§H.2's display: -(s2 D/(64 a^3 sqrt(T) n*)) ((4 a^p/sqrt T)(4a^2 T/(D n*) - 1 - c 16 a^2 T n*/(s2 D))
    - exp(T/(8a^2))((4a^2/T)(T/n* + 1) - 1) sqrt(2 pi) Erfc(sqrt(T/(8a^2)))), printed with p = 2."""
    D = T - 2 * nstar
    x2 = T / (8 * alpha**2)
    first = 4 * alpha**coef_power / o.sqrt(T) * (4 * alpha**2 * T / (D * nstar) - 1 - c * 16 * alpha**2 * T * nstar / (sigma**2 * D))
    second = o.exp(x2) * (4 * alpha**2 / T * (T / nstar + 1) - 1) * o.sqrt(2 * o.pi) * o.erfc(o.sqrt(x2))
    return -(sigma**2 * D / (64 * alpha**3 * o.sqrt(T) * nstar)) * (first - second)


# ----------------------------------------------------------------------------- Algorithm 1 (one k)

def algorithm1(o, sigma, c, n):
    """Algorithm 1 (Compute-n-Approx) for one distribution k, exactly as printed (lowest i first when
    several satisfy a while condition).  Returns (n' after the first loop, n~ returned, V, T_k).
    The columns k of Algorithm 1 do not interact, so one column is the general case."""
    _need_mp(o)
    m = len(c)
    nind = [sigma / o.sqrt(ci) for ci in c]
    alone = [sigma**2 / nind[i] + c[i] * nind[i] for i in range(m)]
    nt = list(n)
    V = [False] * m
    while True:  # lines 4-6
        hit = next((i for i in range(m) if not V[i] and alone[i] <= 4 * (sigma**2 / sum(nt) + c[i] * nt[i])), None)
        if hit is None:
            break
        nt[hit] = nind[hit]
        V[hit] = True
    first = list(nt)
    T = sum(nt)  # line 7
    done = [False] * m  # after its update n~ T = (n^IND)^2 holds exactly (not in floating point)
    while True:  # lines 8-9
        hit = next((i for i in range(m) if not V[i] and not done[i] and nt[i] > 0 and nt[i] * T < nind[i] ** 2), None)
        if hit is None:
            break
        nt[hit] = nind[hit] ** 2 / T
        done[hit] = True
    return first, nt, V, T


def condition8(o, sigma, c, n):
    """eq. (8) for one distribution: sigma^2/n^IND + c_i n^IND >= sigma^2/sum_j n_j + c_i n_i for all i."""
    N = sum(n)
    return all(2 * sigma * o.sqrt(ci) >= sigma**2 / N + ci * ni for ci, ni in zip(c, n))


def n_bar(o, sigma, c, S):
    """§ proof of Lemma 11: the largest n with sigma^2/(n + S) + c n = sigma^2/n^IND + c n^IND = 2 sigma sqrt(c)
    (S = sum_{j != i} n^B_j): x = n + S is the larger root of c x^2 - (2 sigma sqrt c + c S) x + sigma^2."""
    b = 2 * sigma * o.sqrt(c) + c * S
    return (b + o.sqrt(b**2 - 4 * c * sigma**2)) / (2 * c) - S


# ----------------------------------------------------------------------------- numpy (§H.1 eta^2)

def eta2(alpha, Y, Z):
    """§H.1 / Algorithm 2 line 21: eta^2_{i,k} = alpha^2 (mu^(Y_{i,k}) - mu^(Z_{i,k}))^2 (numpy)."""
    a = float(alpha)
    if not np.isfinite(a) or a <= 0:
        raise DomainError("alpha must be finite and > 0")
    Y = np.asarray(Y, dtype=float)
    Z = np.asarray(Z, dtype=float)
    if Y.ndim != 1 or Y.size == 0:
        raise DomainError("Y_{i,k} must be a non-empty 1-d data set (its sample mean is used)")
    if Z.ndim != 1 or Z.size == 0:
        raise DomainError("Z_{i,k} must be a non-empty 1-d data set (its sample mean is used)")
    if not (np.isfinite(Y).all() and np.isfinite(Z).all()):
        raise DomainError("the data Y_{i,k}, Z_{i,k} must be finite")
    return a * a * (np.mean(Y) - np.mean(Z)) ** 2
