"""cczk formulas as printed (any backend ``o``), subscripts i,k dropped.

Notation: sigma (noise s.d.), c = c_{i,k}, nstar = n*_{i,k}, T = T_k, alpha = alpha_{i,k},
D = T - 2 n*.  ``G`` is the corruption-coefficient function of eq. (11) in the form used by
every later step of the paper (Lemma 1 proof, Lemma 15, Lemma 17): Erfc coefficient
(4 alpha^2/T)(T/n* + 1) - 1.  ``G_printed`` is eq. (11) exactly as printed, with 4 alpha/T there
(an erratum: see appB).  Functions named ``*_quad`` evaluate the paper's Gaussian expectations by
numerical quadrature (mpmath only): they are the independent reference for the closed forms.
"""
from __future__ import annotations

import mpmath
import sympy

# ----------------------------------------------------------------------------- §3 (Fact 1, eq. 5)


def p_ind(o, sigma, c):
    """Fact 1 / eq. (4): p_i^IND = 2 sigma sum_k sqrt(c_{i,k}) (all c finite)."""
    return 2 * sigma * sum(o.sqrt(ck) for ck in c)


def alone_penalty(o, sigma, c, n):
    """§A.1: sum_k sigma^2/n_{i,k} + c_{i,k} n_{i,k} (working alone with the sample mean)."""
    return sum(sigma**2 / nk + ck * nk for ck, nk in zip(c, n))


def n_ind(o, sigma, c):
    """§A.1: n^IND_{i,k} = sigma / sqrt(c_{i,k})."""
    return [sigma / o.sqrt(ck) for ck in c]


def social_penalty_agents(o, sigma, n1, c1, n2, c2):
    """Sum over agents of p_i(M_SM, s_n^COM) built per agent (§2/§A.2): agent i's error on
    distribution k is sigma^2/|X_{:,k}| (pooled sample mean), plus her own collection costs."""
    m = len(n1)
    N1, N2 = sum(n1), sum(n2)
    return sum(sigma**2 / N1 + sigma**2 / N2 + c1[i] * n1[i] + c2[i] * n2[i] for i in range(m))


def social_penalty_eq5(o, sigma, n1, c1, n2, c2):
    """eq. (5) with d = 2: sum_k (m sigma^2 / sum_i n_{i,k} + sum_i c_{i,k} n_{i,k})."""
    m = len(n1)
    return sum(m * sigma**2 / sum(nk) + sum(ci * ni for ci, ni in zip(ck, nk)) for nk, ck in ((n1, c1), (n2, c2)))


# ----------------------------------------------------------------------------- App. B, eq. (11)


def _D(T, nstar):
    return T - 2 * nstar


def G(o, sigma, c, nstar, T, alpha):
    """eq. (11) in the form used by Lemmas 1, 15, 17 (Erfc coefficient (4 alpha^2/T)(T/n*+1) - 1)."""
    D = _D(T, nstar)
    x2 = T / (8 * alpha**2)
    return (4 * alpha / o.sqrt(T) * (4 * alpha**2 * T / (D * nstar) - 1 - c * 16 * alpha**2 * T * nstar / (sigma**2 * D))
            - o.exp(x2) * (4 * alpha**2 / T * (T / nstar + 1) - 1) * o.sqrt(2 * o.pi) * o.erfc(o.sqrt(x2)))


def G_printed(o, sigma, c, nstar, T, alpha):
    """eq. (11) exactly as printed: Erfc coefficient (4 alpha/T)(T/n* + 1) - 1."""
    D = _D(T, nstar)
    x2 = T / (8 * alpha**2)
    return (4 * alpha / o.sqrt(T) * (4 * alpha**2 * T / (D * nstar) - 1 - c * 16 * alpha**2 * T * nstar / (sigma**2 * D))
            - o.exp(x2) * (4 * alpha / T * (T / nstar + 1) - 1) * o.sqrt(2 * o.pi) * o.erfc(o.sqrt(x2)))


def G_scale(o, sigma, c, nstar, T, alpha):
    """|first term| + |second term| of G: the magnitude G's rounding error is measured against."""
    D = _D(T, nstar)
    x2 = T / (8 * alpha**2)
    a = 4 * alpha / o.sqrt(T) * (4 * alpha**2 * T / (D * nstar) - 1 - c * 16 * alpha**2 * T * nstar / (sigma**2 * D))
    b = o.exp(x2) * (4 * alpha**2 / T * (T / nstar + 1) - 1) * o.sqrt(2 * o.pi) * o.erfc(o.sqrt(x2))
    return o.abs(a) + o.abs(b)


def alpha_root(o, sigma, c, nstar, T, printed=False):
    """alpha_{i,k} of eq. (11): the smallest root of G above sqrt(n*) (mpmath reference).

    Bracketing: a geometric scan from sqrt(n*) up to a point beyond which G > 0 provably
    (erfcx <= 1 bounds the Erfc term), then mpmath.findroot (Anderson) inside the first bracket
    and a final bisection-safeguarded check.  Raises DomainError when no root exists in range.
    """
    from derivations.errors import DomainError

    if not isinstance(o.num(1), mpmath.mpf):
        raise NotImplementedError("alpha_root needs the mpmath backend")
    mp = mpmath.mp
    s, c, n, T = (mp.mpf(v) for v in (sigma, c, nstar, T))
    key = (mp.prec, s, c, n, T, printed)
    if key not in _ROOTS:
        if len(_ROOTS) > 4096:
            _ROOTS.clear()
        _ROOTS[key] = _alpha_root(o, s, c, n, T, printed)
    return +_ROOTS[key]


_ROOTS: dict = {}


def _alpha_root(o, s, c, n, T, printed):
    from derivations.errors import DomainError

    mp = mpmath.mp
    if min(s, c, n, T) <= 0:
        raise DomainError("sigma, c, n* and T must be > 0")
    D = T - 2 * n
    if D <= 0:
        raise DomainError("D = T - 2 n* must be > 0")
    A = 4 * T * (s**2 - 4 * c * n**2) / (D * n * s**2)
    if A <= 0:
        raise DomainError("sigma^2 > 4 c (n*)^2 (n* < n^IND/2, Lemma 10) is required for a root bound")
    B = 4 * (1 / n + 1 / T)
    g = G_printed if printed else G
    if printed:
        amax = mp.sqrt((4 + mp.sqrt(2 * mp.pi * T) * B) / (4 * A))
    else:
        amax = (mp.sqrt(2 * mp.pi * T) * B + mp.sqrt(2 * mp.pi * T * B**2 + 64 * A)) / (8 * A)
    a0 = mp.sqrt(n)
    amax = max(amax * mp.mpf("1.01"), a0 * 2)
    f = lambda a: g(o, s, c, n, T, a)
    N = 96
    r = (amax / a0) ** (mp.mpf(1) / N)
    prev_a, prev_v = a0, f(a0)
    if prev_v == 0:
        return a0
    for j in range(1, N + 1):
        a = a0 * r**j
        v = f(a)
        if v == 0:
            return a
        if (v > 0) != (prev_v > 0):
            lo, hi = prev_a, a
            try:
                root = mp.findroot(f, (lo, hi), solver="anderson")
            except (ValueError, ZeroDivisionError):
                root = None
            if root is None or not (lo <= root <= hi):
                root = mp.findroot(f, (lo, hi), solver="bisect")
            return root
        prev_a, prev_v = a, v
    raise DomainError("no root of G_{i,k} above sqrt(n*) (no sign change up to the bound)")


# ----------------------------------------------------------------------------- App. E.1 / G

def erfc_lb(o, x):
    """Lemma 8 / proof of Lemma 1: Erfc_LB(x) = (1/sqrt(pi)) (exp(-x^2)/x - exp(-x^2)/(2 x^3))."""
    return (o.exp(-x**2) / x - o.exp(-x**2) / (2 * x**3)) / o.sqrt(o.pi)


def _G_ub(o, sigma, c, nstar, T, alpha, Dpow):
    D = T - 2 * nstar
    x = o.sqrt(T / (8 * alpha**2))
    return (4 * alpha * (-1 + 4 * T * alpha**2 / (nstar * D) - 16 * c * nstar * T * alpha**2 / (D**Dpow * sigma**2)) / o.sqrt(T)
            - o.exp(T / (8 * alpha**2)) * o.sqrt(2 * o.pi) * (-1 + 4 * (1 + T / nstar) * alpha**2 / T) * erfc_lb(o, x))


def G_ub_printed(o, sigma, c, nstar, T, alpha):
    """eq. (12) as printed: the c-term has (T - 2 n*)^2 in its denominator."""
    return _G_ub(o, sigma, c, nstar, T, alpha, 2)


def G_ub(o, sigma, c, nstar, T, alpha):
    """eq. (12) corrected: G with Erfc replaced by Erfc_LB (c-term denominator D, as in G)."""
    return _G_ub(o, sigma, c, nstar, T, alpha, 1)


def lemma14_rhs(o, sigma, c, nstar, T):
    """Lemma 14: -64 n*^{3/2}(c n* T^3 + (2 n*^2 - T^2) sigma^2) / (T^{5/2} (T - 2n*) sigma^2)."""
    return -64 * nstar ** sympy.Rational(3, 2) * (c * nstar * T**3 + (2 * nstar**2 - T**2) * sigma**2) / (
        T ** sympy.Rational(5, 2) * (T - 2 * nstar) * sigma**2)


def dpdn_quad(o, sigma, c, nstar, T, alpha):
    """d/dn [E_x l(n, x; alpha) + c n] at n = n*, differentiated under the integral sign (first line
    of the proof of Lemma 15), by mpmath quadrature.  l = sigma^2/(D/(1+alpha^2(1/n+1/n*)x^2) + n + n*)."""
    mp = mpmath.mp
    D = T - 2 * nstar
    k = 2 * alpha**2 / nstar

    def integrand(x):
        u = 1 + k * x**2
        return -sigma**2 * (1 + D / u**2 * alpha**2 * x**2 / nstar**2) / (D / u + 2 * nstar) ** 2 * mp.npdf(x)

    return 2 * mp.quad(integrand, [0, 1, 4, mp.inf]) + c


def lemma15_rhs(o, sigma, c, nstar, T, alpha):
    """Lemma 15 as printed: -(sigma^2 D/(64 alpha^3 sqrt(T) n*)) * G(alpha)."""
    D = T - 2 * nstar
    return -(sigma**2 * D / (64 * alpha**3 * o.sqrt(T) * nstar)) * G(o, sigma, c, nstar, T, alpha)


def penalty_quad(o, sigma, c, nstar, T, alpha):
    """p_{i,k}(M_CBL, s*) = E_x[sigma^2/(D/(1 + 2 alpha^2 x^2/n*) + 2 n*)] + c n* (proof of Lemma 16,
    second line), by mpmath quadrature."""
    mp = mpmath.mp
    D = T - 2 * nstar
    k = 2 * alpha**2 / nstar
    f = lambda x: sigma**2 / (D / (1 + k * x**2) + 2 * nstar) * mp.npdf(x)
    return 2 * mp.quad(f, [0, 1, 4, mp.inf]) + c * nstar


def lemma16_rhs(o, sigma, c, nstar, T, alpha):
    """Lemma 16 as printed."""
    D = T - 2 * nstar
    t = T / (8 * alpha**2)
    return (sigma**2 / (2 * nstar) - sigma**2 / (4 * alpha**2) * (D / nstar) / 2 * o.exp(t) * o.erfc(o.sqrt(t))
            * o.sqrt(o.pi / (T / (2 * alpha**2))) + c * nstar)


def lemma17_rhs(o, sigma, c, nstar, T, alpha):
    """Lemma 17 as printed."""
    n, a = nstar, alpha
    return (2 * c * n**2 + sigma**2 + a * (16 * c * n**2 * T * a**2 + (n * (-2 * n + T) - 4 * T * a**2) * sigma**2)
            / (-n * T * a + 4 * (n + T) * a**3)) / (2 * n)


def lemma_ratio_bracket(n, T, c, sigma, alpha):
    """2c n*^2 + sigma^2 + alpha(16 c n*^2 T alpha^2 + (n*(T - 2n*) - 4 T alpha^2) sigma^2)/(-n* T alpha + 4(n* + T)alpha^3)."""
    a = alpha
    return 2 * c * n**2 + sigma**2 + a * (16 * c * n**2 * T * a**2 + (n * (T - 2 * n) - 4 * T * a**2) * sigma**2) / (
        -n * T * a + 4 * (n + T) * a**3)


def lemma_ratio_split(n, T, c, sigma, alpha, den):
    """Right-hand side shape of Lemmas 18/19: T(2cn^2+6cnT+s^2)/((n+T)den) + (4cn^2T^3-2n^2Ts^2-nT^2s^2)/((n+T)(-nT+4na^2+4Ta^2)den)."""
    a = alpha
    return (T * (2 * c * n**2 + 6 * c * n * T + sigma**2) / ((n + T) * den)
            + (4 * c * n**2 * T**3 - 2 * n**2 * T * sigma**2 - n * T**2 * sigma**2)
            / ((n + T) * (-n * T + 4 * n * a**2 + 4 * T * a**2) * den))


def foc_rest(o, sigma, c, nstar, T, alpha):
    """Proof of Lemma 15, last lines: dp/dn(n*) = c - foc_rest, with foc_rest =
    (sigma^2/(4n*^2))(1 - D n*/(4 alpha^2 T)) - (sigma^2/(4n*^2)) D (alpha sqrt(2pi)/sqrt(T))
    (n*/(16 alpha^4))((4alpha^2/T)(T/n*+1) - 1) exp(T/(8alpha^2)) Erfc(sqrt(T/(8alpha^2)))."""
    D = T - 2 * nstar
    t = T / (8 * alpha**2)
    k = sigma**2 / (4 * nstar**2)
    return (k * (1 - D * nstar / (4 * alpha**2 * T))
            - k * D * (alpha * o.sqrt(2 * o.pi) / o.sqrt(T)) * (nstar / (16 * alpha**4))
            * (4 * alpha**2 / T * (T / nstar + 1) - 1) * o.exp(t) * o.erfc(o.sqrt(t)))


def lemma1_point(o, sigma, c, u, w):
    """Lemma 1's hypotheses, parameterized: n^IND = sigma/sqrt(c), n* = u n^IND with 0 < u < 1/2
    (Lemma 10), T = w (n^IND)^2 / n* with w >= 1 (second while loop: n* T >= (n^IND)^2)."""
    nind = sigma / o.sqrt(c)
    nstar = u * nind
    return nstar, w * nind**2 / nstar
