"""cczk App. E-F formulas (sympy expressions and numpy helpers) for ``claims_appEF``.

Hypothesis parameterizations (so that the sympy proofs use only positivity):
  n^IND = sigma/sqrt(c);  T > 2 n^IND  <=>  T = 2 n^IND (1 + a), a > 0;
  n* < n^IND/2  <=>  n* = n^IND/(2(1 + b)), b > 0;  n* T >= (n^IND)^2  <=>  T = (1 + e)(n^IND)^2/n*, e >= 0;
  alpha >= sqrt(n*)  <=>  alpha^2 = (1 + s) n*, s >= 0.
"""
from __future__ import annotations

import numpy as np
import sympy

from ..eft import two_prod, two_sum
from ..errors import DomainError
from . import mech_program as mp
from . import model

S = sympy.Symbol
R = sympy.Rational
sigma, c, nstar, T, alpha, gamma, tau = (S(v, positive=True) for v in ("sigma", "c", "nstar", "T", "alpha", "gamma", "tau"))
a, b, e, s, t, q, x, p, n, N = (S(v, positive=True) for v in ("a", "b", "e", "s", "t", "q", "x", "p", "n", "N"))
e0, s0, t0 = (S(v, nonnegative=True) for v in ("e", "s", "t"))
eps = S("eps", positive=True)

nind = sigma / sympy.sqrt(c)
D = T - 2 * nstar


# ----------------------------------------------------------------------------- proof of Lemma 1

def first_term(sigma, c, nstar, T, alpha):
    """(4 alpha/sqrt T)(4 alpha^2 T/(D n*) - 1 - c 16 alpha^2 T n*/(sigma^2 D)) (the first term of G)."""
    D = T - 2 * nstar
    return 4 * alpha / sympy.sqrt(T) * (4 * alpha**2 * T / (D * nstar) - 1 - c * 16 * alpha**2 * T * nstar / (sigma**2 * D))


def first_term_2(sigma, c, nstar, T, alpha):
    D = T - 2 * nstar
    return 4 * alpha / sympy.sqrt(T) * ((4 * alpha**2 * T * sigma**2 - D * nstar * sigma**2 - 16 * c * alpha**2 * T * nstar**2)
                                        / (D * nstar * sigma**2))


def first_term_3(sigma, c, nstar, T, alpha):
    D = T - 2 * nstar
    return 4 * alpha / (D * nstar * sigma**2 * sympy.sqrt(T)) * (4 * T * alpha**2 * (sigma**2 - 4 * c * nstar**2) - D * nstar * sigma**2)


def erfc_coef(nstar, T, alpha):
    """(4 alpha^2/T)(T/n* + 1) - 1."""
    return 4 * alpha**2 / T * (T / nstar + 1) - 1


def G_lower_100(o, sigma, c, u, w, r):
    """The proof's lower bound: first term - 100 ((4 alpha^2/T)(T/n*+1) - 1)."""
    ns, TT = model.lemma1_point(o, sigma, c, u, w)
    al = r * o.sqrt(ns)
    D = TT - 2 * ns
    f = 4 * al / o.sqrt(TT) * (4 * al**2 * TT / (D * ns) - 1 - c * 16 * al**2 * TT * ns / (sigma**2 * D))
    return f - 100 * (4 * al**2 / TT * (TT / ns + 1) - 1)


def G_at(o, sigma, c, u, w, r):
    ns, TT = model.lemma1_point(o, sigma, c, u, w)
    return model.G(o, sigma, c, ns, TT, r * o.sqrt(ns))


def lead_coef(o, sigma, c, u, w):
    """lim G(alpha)/alpha^3 = 16 sqrt(T)(sigma^2 - 4c n*^2)/(D n* sigma^2) (the alpha^3 coefficient)."""
    ns, TT = model.lemma1_point(o, sigma, c, u, w)
    return 16 * o.sqrt(TT) * (sigma**2 - 4 * c * ns**2) / ((TT - 2 * ns) * ns * sigma**2)


def erfc_lb_np(x):
    """Erfc_LB(x) = (exp(-x^2)/x - exp(-x^2)/(2x^3))/sqrt(pi) (numpy)."""
    x = np.asarray(x, dtype=float)
    if not np.all(np.isfinite(x)) or np.any(x <= 0):
        raise DomainError("Erfc_LB needs x > 0 (finite)")
    if np.any(x < 1e-100):
        raise DomainError("Erfc_LB(x) ~ -1/(2 x^3 sqrt(pi)) overflows a double: needs x >= 1e-100")
    # Erfc_LB(x) = exp(-x^2) (2x^2 - 1)/(2x^3 sqrt(pi)).  np.exp(-x**2) carried the rounding of x^2 as a
    # relative error x^2 eps (~300 ulps, 7.9 bits at x = 17; scripts/audit_kernels.py).  Here x^2 = sh + sl
    # exactly (eft.two_prod), exp(-x^2) = exp(-sh)(1 - sl), 2x^2 - 1 and 2x^3 = den + dl are formed
    # error-free, and 1/sqrt(pi) is a double-double (the constant's own rounding was 0.5 ulp of the budget).
    sh, sl = two_prod(x, x)
    nh, nl = two_sum(2 * sh, -1.0)
    num = nh + (nl + 2 * sl)                           # 2 x^2 - 1 (its zero at 1/sqrt 2 is measured on the scale)
    den, dl = two_prod(2 * x, sh)                      # 2 x sh = den + dl; 2 x^3 = den + dl + 2 x sl
    K = _ISQPI_HI + (_ISQPI_LO - _ISQPI_HI * (sl + (dl + 2 * x * sl) / den))
    return np.exp(-sh) * (num * K / den)


def _inv_sqrt_pi_dd():
    """1/sqrt(pi) as hi + lo (pi = np.pi + sin(np.pi) to ~1e-32; one Newton step on 1 - pi y^2)."""
    ph, pl = np.pi, float(np.sin(np.pi))
    y = 1 / np.sqrt(ph)
    y2h, y2l = two_prod(y, y)
    th, tl = two_prod(ph, y2h)
    r = ((1 - th) - tl) - ph * y2l - pl * y2h
    return float(y), float(y * r / 2)


_ISQPI_HI, _ISQPI_LO = _inv_sqrt_pi_dd()


def erfc_lb_scale(o, x):
    return (o.exp(-x**2) / x + o.exp(-x**2) / (2 * x**3)) / o.sqrt(o.pi)


# ----------------------------------------------------------------------------- Lemma 5 (13)-(18)

def bracket(n, T, c, sigma, alpha):
    return model.lemma_ratio_bracket(n, T, c, sigma, alpha)


def lemma17_p(n, T, c, sigma, alpha):
    """Lemma 17: p_{i,k}(M_CBL, s*) = bracket/(2 n*)."""
    return bracket(n, T, c, sigma, alpha) / (2 * n)


def split(n, T, c, sigma, alpha, den):
    return model.lemma_ratio_split(n, T, c, sigma, alpha, den)


def second_num(n, T, c, sigma):
    """Numerator of the second term of (13)/(17): 4c n*^2 T^3 - 2 n*^2 T sigma^2 - n* T^2 sigma^2."""
    return 4 * c * n**2 * T**3 - 2 * n**2 * T * sigma**2 - n * T**2 * sigma**2


L16 = 2 * T * (c * nstar * (4 * nstar + 11 * T) + sigma**2) / ((4 * nstar + 3 * T) * (2 * c * nstar * T + sigma**2))
L18 = 2 * T * (c * nstar * (4 * nstar + 11 * T) + sigma**2) / ((4 * nstar + 3 * T) * sigma**2)


# ----------------------------------------------------------------------------- Lemma 5 on instances

def lemma5_instance(sigma, c1, x1, c2, x2):
    """A random instance of Theorem 5 / Lemma 5 with n^B satisfying (8) by construction.

    Per distribution k the cheapest agent collects n^IND (x ignored for her); every other agent i
    collects max(x_i, 0) n^IND_{i,k} with x_i <= 1 (x <= 0 means n^B_{i,k} = 0).  Then (8) holds:
    n^IND_{i,k}/sum_j n^B_{j,k} <= 1 <= 2 - x_i (§4 'On condition (8)').
    Returns (ratios p_{i,k}(M_CBL, s*)/p_{i,k}(M_SM, n^B) (m, d), cases (m, d), holds8).
    """
    cols_c = [np.array([float(v) for v in c1]), np.array([float(v) for v in c2])]
    cols_x = [np.array([float(v) for v in x1]), np.array([float(v) for v in x2])]
    s_ = float(sigma)
    cc = np.stack(cols_c, axis=1)
    ni = mp.n_ind(s_, cc)
    xx = np.clip(np.stack(cols_x, axis=1), 0.0, 1.0)
    nB = xx * ni
    ch = np.argmin(cc, axis=0)
    for k in range(cc.shape[1]):
        nB[ch[k], k] = ni[ch[k], k]
    key = (s_, cc.tobytes(), nB.tobytes())
    if key not in _CACHE:
        if len(_CACHE) > 256:
            _CACHE.clear()
        holds = mp.condition8(s_, cc, nB)
        pc, info = mp.mechanism_penalties(s_, cc, nB)
        psm = (s_**2 / nB.sum(axis=0))[None, :] + cc * nB
        _CACHE[key] = (pc / psm, info["cases"], holds, info)
    return _CACHE[key]


_CACHE: dict = {}


def error_C_np(sigma, nstar, T, alpha, n):
    """Re-export: closed-form corruption-case error (App. H.1 (63))."""
    return mp.deviation_error_C(sigma, nstar, T, alpha, n)

