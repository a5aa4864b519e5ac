"""cczk formulas for the lemma proofs (App. G, H.2, I), subscripts i,k dropped.

Gaussian expectations E_{x~N(0,1)}[f(x)] are evaluated by mpmath quadrature (``gauss_mean``): these
are the independent references for the closed forms (Lemma 24, Lemmas 15 and 16).  The quadrature
formulas need the mpmath backend and raise NotImplementedError on the others (the engine then skips
the symbolic attempt / the Arb certificate for them).
"""
from __future__ import annotations

import mpmath
import sympy

from . import model


def _need_mp(o):
    if not isinstance(o.num(1), mpmath.mpf):
        raise NotImplementedError("Gaussian quadrature needs the mpmath backend")


def gauss_mean(o, f):
    """E_{x~N(0,1)}[f(x)] for an even integrand f, by tanh-sinh quadrature on [0, 1, 4, inf)."""
    _need_mp(o)
    mp = mpmath.mp
    return 2 * mp.quad(lambda x: f(x) * mp.npdf(x), [0, 1, 4, mp.inf])


# ----------------------------------------------------------------------------- Lemma 24

def I_quad(o, t, L):
    """Lemma 24: I(t) = int 1/(L+x^2) exp(-t x^2)/sqrt(2 pi) dx, by quadrature."""
    _need_mp(o)
    mp = mpmath.mp
    return 2 * mp.quad(lambda x: mp.exp(-t * x**2) / (L + x**2), [0, 1, 4, mp.inf]) / mp.sqrt(2 * mp.pi)


def J_quad(o, t, L):
    """Lemma 24: J(t) = int 1/(L+x^2)^2 exp(-t x^2)/sqrt(2 pi) dx, by quadrature."""
    _need_mp(o)
    mp = mpmath.mp
    return 2 * mp.quad(lambda x: mp.exp(-t * x**2) / (L + x**2) ** 2, [0, 1, 4, mp.inf]) / mp.sqrt(2 * mp.pi)


def I_closed(o, t, L):
    """Lemma 24 as printed: exp(Lt) Erfc(sqrt(Lt)) sqrt(pi/(2L))."""
    return o.exp(L * t) * o.erfc(o.sqrt(L * t)) * o.sqrt(o.pi / (2 * L))


def J_printed(o, t, L):
    """Lemma 24 as printed: sqrt(pi/(2L))(1/(2L) - t) exp(Lt) Erfc(sqrt(Lt)) + sqrt(t)/sqrt(2L)."""
    return o.sqrt(o.pi / (2 * L)) * (1 / (2 * L) - t) * o.exp(L * t) * o.erfc(o.sqrt(L * t)) + o.sqrt(t) / o.sqrt(2 * L)


def J_corrected(o, t, L):
    """J = -dI/dL: the last term is sqrt(t)/(sqrt(2) L)."""
    return o.sqrt(o.pi / (2 * L)) * (1 / (2 * L) - t) * o.exp(L * t) * o.erfc(o.sqrt(L * t)) + o.sqrt(t) / (o.sqrt(2) * L)


# ----------------------------------------------------------------------------- §H.2 / Lemma 15

def l_loss(o, sigma, nstar, T, alpha, n, x):
    """(64): l(n, x; alpha) = 1/((D/(sigma^2 + alpha^2(sigma^2/n + sigma^2/n*))) x^2 ... as used in the
    proofs: sigma^2/(D/(1 + alpha^2(1/n + 1/n*) x^2) + n + n*)."""
    D = T - 2 * nstar
    return sigma**2 / (D / (1 + alpha**2 * (1 / n + 1 / nstar) * x**2) + n + nstar)


def dl_dn_first_printed(o, sigma, nstar, T, alpha, n, x):
    """§H.2, first form of dl/dn as printed: -sigma^2(1 + (D a^2 x^2/(1 + a^2(1/n+1/n*)x^2)^2)(a^2 x^2/n^2))
    /(D/(1+...) + n + n*)^2 (a^2 x^2 appears twice)."""
    D = T - 2 * nstar
    u = 1 + alpha**2 * (1 / n + 1 / nstar) * x**2
    return -sigma**2 * (1 + D * alpha**2 * x**2 / u**2 * alpha**2 * x**2 / n**2) / (D / u + n + nstar) ** 2


def dl_dn_first(o, sigma, nstar, T, alpha, n, x):
    """§H.2, first form corrected: -sigma^2(1 + (D/(1 + a^2(1/n+1/n*)x^2)^2)(a^2 x^2/n^2))/(D/(1+...) + n + n*)^2,
    as in the first line of the proof of Lemma 15."""
    D = T - 2 * nstar
    u = 1 + alpha**2 * (1 / n + 1 / nstar) * x**2
    return -sigma**2 * (1 + D / u**2 * alpha**2 * x**2 / n**2) / (D / u + n + nstar) ** 2


def dl_dn_second(o, sigma, nstar, T, alpha, n, x):
    """§H.2, second form: -sigma^2(1 + D a^2 x^2/(n + a^2(1 + n/n*) x^2)^2)/(D/(1+a^2(1/n+1/n*)x^2) + n + n*)^2."""
    D = T - 2 * nstar
    u = 1 + alpha**2 * (1 / n + 1 / nstar) * x**2
    return -sigma**2 * (1 + D * alpha**2 * x**2 / (n + alpha**2 * (1 + n / nstar) * x**2) ** 2) / (D / u + n + nstar) ** 2


def expected_penalty(o, sigma, c, nstar, T, alpha, n):
    """E_x[l(n, x; alpha)] + c n (the k in C term of §H.2), by quadrature."""
    return gauss_mean(o, lambda x: l_loss(o, sigma, nstar, T, alpha, n, x)) + c * n


def dpdn_numeric(o, sigma, c, nstar, T, alpha):
    """d/dn [E_x l(n, x; alpha) + c n] at n = n*: mpmath.diff of the quadrature (no differentiation
    under the integral sign), an independent reference for Lemma 15."""
    _need_mp(o)
    return mpmath.diff(lambda n: expected_penalty(o, sigma, c, nstar, T, alpha, n), nstar)


def penalty_quad(o, sigma, c, nstar, T, alpha):
    """Proof of Lemma 16, first line: E_x[1/(D/(sigma^2 + alpha^2(2 sigma^2/n*) x^2) + 2n*/sigma^2)] + c n*."""
    D = T - 2 * nstar
    return gauss_mean(o, lambda x: 1 / (D / (sigma**2 + alpha**2 * (2 * sigma**2 / nstar) * x**2)
                                        + 2 * nstar / sigma**2)) + c * nstar


# ----------------------------------------------------------------------------- Lemma 14 proof

def lemma14_a(nstar, T, c, sigma):
    """Term (a) as printed (cost term over T - 2n*)."""
    return 4 * sympy.sqrt(nstar) / sympy.sqrt(T) * (-1 + 4 * T / (T - 2 * nstar) - 16 * c * nstar**2 * T / ((T - 2 * nstar) * sigma**2))


def lemma14_b(nstar, T):
    """Term (b) as printed."""
    q = 8 * nstar / T
    return -sympy.sqrt(2) * (-1 + 4 * (1 + T / nstar) * nstar / T) * (q ** sympy.Rational(1, 2) - q ** sympy.Rational(3, 2) / 2)


def lemma16_rhs(o, sigma, c, nstar, T, alpha):
    return model.lemma16_rhs(o, sigma, c, nstar, T, alpha)
