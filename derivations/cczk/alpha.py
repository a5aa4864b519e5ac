"""cczk App. B, eq. (11): G_{i,k} and the corruption coefficient alpha_{i,k}, vectorized numpy.

G(alpha) = (4 alpha/sqrt(T)) (4 alpha^2 T/(D n*) - 1 - 16 c alpha^2 T n*/(sigma^2 D))
           - ((4 alpha^2/T)(T/n* + 1) - 1) sqrt(2 pi) erfcx(sqrt(T/(8 alpha^2))),
with exp(x^2) Erfc(x) = erfcx(x) (scipy.special.erfcx), so nothing over/underflows when
T/(8 alpha^2) is large or small.  This is the form of G used by the paper's Lemmas 1, 15 and 17
(the printed eq. (11) has 4 alpha/T in the Erfc coefficient: an erratum, see appB).

alpha_{i,k} = the smallest root of G above sqrt(n*): geometric scan of [sqrt(n*), alpha_max] where
alpha_max is a point beyond which G > 0 provably (erfcx <= 1 on [0, inf)), then vectorized
bisection to the last bit inside the first bracket, all instances at once.
"""
from __future__ import annotations

import numpy as np
from scipy.special import erfcx

from ..errors import DomainError

_SQRT2PI = np.sqrt(2 * np.pi)


def _check(sigma, c, nstar, T):
    arrs = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (sigma, c, nstar, T)))
    for name, a in zip(("sigma", "c", "n*", "T"), arrs):
        if not np.isfinite(a).all():
            raise DomainError(f"{name} must be finite (NaN or inf found)")
        if (a <= 0).any():
            raise DomainError(f"{name} must be > 0 (costs, sigma, n* and T are positive in Lemma 1)")
    sigma, c, nstar, T = arrs
    if (T - 2 * nstar <= 0).any():
        raise DomainError("D = T - 2 n* must be > 0 (T > 4 n* when i not in V_k, Lemmas 9-10)")
    return sigma, c, nstar, T


def G(sigma, c, nstar, T, alpha):
    """G_{i,k}(alpha) of eq. (11) (as used in Lemmas 1, 15, 17), elementwise with broadcasting."""
    sigma, c, nstar, T = _check(sigma, c, nstar, T)
    alpha = np.asarray(alpha, dtype=float)
    if not np.isfinite(alpha).all() or (alpha <= 0).any():
        raise DomainError("alpha must be finite and > 0")
    return _G(sigma, c, nstar, T, alpha)


def _G(sigma, c, nstar, T, alpha):
    D = T - 2 * nstar
    a2 = alpha * alpha
    first = 4 * alpha / np.sqrt(T) * (4 * a2 * T / (D * nstar) - 1 - 16 * c * a2 * T * nstar / (sigma**2 * D))
    coef = 4 * a2 / T * (T / nstar + 1) - 1
    return first - coef * _SQRT2PI * erfcx(np.sqrt(T / (8 * a2)))


def alpha_max(sigma, c, nstar, T):
    """A point beyond which G > 0: root of 4A a^2 - sqrt(2 pi T) B a - 4 = 0, times 1.01."""
    D = T - 2 * nstar
    A = 4 * T * (sigma**2 - 4 * c * nstar**2) / (D * nstar * sigma**2)
    B = 4 * (1 / nstar + 1 / T)
    s = np.sqrt(2 * np.pi * T)
    return 1.01 * (s * B + np.sqrt(s * s * B * B + 64 * A)) / (8 * A)


def alpha(sigma, c, nstar, T, grid: int = 256):
    """alpha_{i,k}: the smallest root of G_{i,k} above sqrt(n*) (eq. (11)), elementwise.

    Raises DomainError if an input is not positive and finite, if D = T - 2n* <= 0, if
    sigma^2 <= 4 c n*^2 (then no bound on the roots: Lemma 1 needs n* < n^IND/2), or if G has no
    sign change in [sqrt(n*), alpha_max] (no root).
    """
    sigma, c, nstar, T = _check(sigma, c, nstar, T)
    shape = sigma.shape
    sigma, c, nstar, T = (np.ravel(v) for v in (sigma, c, nstar, T))
    if (sigma**2 <= 4 * c * nstar**2).any():
        raise DomainError("sigma^2 > 4 c (n*)^2 is required (n* < n^IND/2, Lemma 10): otherwise G's "
                          "roots are not bounded and the solver does not apply")
    a0 = np.sqrt(nstar)
    amax = np.maximum(alpha_max(sigma, c, nstar, T), 2 * a0)
    t = np.linspace(0.0, 1.0, grid + 1)
    A = a0[:, None] * (amax / a0)[:, None] ** t[None, :]  # (k, grid+1) geometric grid
    A[:, 0] = a0
    P = (sigma[:, None], c[:, None], nstar[:, None], T[:, None])
    V = _G(*P, A)
    if not np.isfinite(V).all():  # pragma: no cover - erfcx keeps G finite
        raise DomainError("G is not finite on the scan grid")
    zero0 = V[:, 0] == 0
    sign = V > 0
    change = sign[:, 1:] != sign[:, :-1]
    exact = V[:, 1:] == 0
    hit = change | exact
    has = hit.any(axis=1) | zero0
    if not has.all():
        bad = int(np.flatnonzero(~has)[0])
        raise DomainError(f"no root of G_{{i,k}} above sqrt(n*) (no sign change up to alpha_max) at instance {bad}")
    j = np.argmax(hit, axis=1)
    rows = np.arange(len(j))
    lo, hi = A[rows, j].copy(), A[rows, j + 1].copy()
    glo = V[rows, j]
    pos_lo = glo > 0
    p = tuple(v for v in (sigma, c, nstar, T))
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        done = (mid <= lo) | (mid >= hi)
        if done.all():
            break
        gm = _G(*p, mid)
        same = (gm > 0) == pos_lo
        lo = np.where(same & ~done, mid, lo)
        hi = np.where(~same & ~done, mid, hi)
        z = gm == 0
        lo = np.where(z, mid, lo)
        hi = np.where(z, mid, hi)
    # pick the endpoint with the smaller |G|
    root = np.where(np.abs(_G(*p, lo)) <= np.abs(_G(*p, hi)), lo, hi)
    root = np.where(exact[rows, j] & ~change[rows, j], A[rows, j + 1], root)
    root = np.where(zero0, a0, root)
    return root.reshape(shape) if shape else float(root[0])
