"""cczk App. B, eq. (11): G_{i,k} and the corruption coefficient alpha_{i,k}, vectorized numpy.

G(alpha) = (4 alpha/sqrt(T)) (4 alpha^2 T/(D n*) - 1 - 16 c alpha^2 T n*/(sigma^2 D))
           - ((4 alpha^2/T)(T/n* + 1) - 1) sqrt(2 pi) erfcx(sqrt(T/(8 alpha^2))),
evaluated as (sqrt 2/x^3) H(x), x^2 = T/(8 alpha^2) (below), in long double, so nothing over/underflows
when T/(8 alpha^2) is large or small and the two terms' cancellation near the root costs nothing (the
printed two-term form with erfcx lost 8 bits there).  This is the form of G used by the paper's Lemmas 1, 15 and 17
(the printed eq. (11) has 4 alpha/T in the Erfc coefficient: an erratum, see appB).

alpha_{i,k} = the smallest root of G above sqrt(n*).  G's two terms cancel at the root (condition number
up to ~1e5 in double), so the solver uses the equivalent form H = (x^3/sqrt 2) G = p(x)(M - x^2) - E with
p = 1 - sqrt(pi) x erfcx(x) computed without cancellation (see the comment above ``alpha``); H is strictly
increasing in alpha on [sqrt(n*), inf), so the root is unique there.  Safeguarded Newton (float64,
bracketed, regula-falsi fallback) then two long-double Newton polish steps: roots are correctly rounded
up to ~0.5 ulp (scripts/cczk_benchmark.py).  Long double is 80-bit x87 on x86-64 Linux; where it is
plain double (not tested here) the polish only reaches double precision, so expect a few ulps.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
from scipy.special import erfcx

from ..errors import DomainError

_SQRT2PI = np.sqrt(2 * np.pi)


def sample_instances(k: int, seed: int = 0):
    """k random (sigma, c, n*, T) satisfying Lemma 1's hypotheses, log-uniformly:
    n* = u n^IND with u in [1e-3, 0.499] (u < 1/2), T = w (n^IND)^2 / n* with w in [1, 1e3]."""
    rng = np.random.default_rng(seed)
    s = np.exp(rng.uniform(np.log(0.05), np.log(50), k))
    c = np.exp(rng.uniform(np.log(1e-3), np.log(10), k))
    nind = s / np.sqrt(c)
    n = nind * np.exp(rng.uniform(np.log(1e-3), np.log(0.499), k))
    T = nind**2 / n * np.exp(rng.uniform(0, np.log(1e3), k))
    return s, c, n, T


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
    """G = (sqrt 2 / x^3) H with x^2 = T/(8 alpha^2) and H = p(x)(M - x^2) - E (see the comment above
    ``alpha``), in long double with the accurate p: the printed form's two terms cancel (8 bits lost
    near the root, scripts/audit_kernels.py); this form keeps that cancellation inside p."""
    M, E = _consts(sigma, c, nstar, T, _LD)
    a = np.asarray(alpha, dtype=_LD)
    x2 = np.asarray(T, dtype=_LD) / (8 * a * a)
    x = np.sqrt(x2)
    H, _ = _H(x2, x, M, E, True)
    return (np.sqrt(_LD(2)) * H / (x2 * x)).astype(float)


def alpha_max(sigma, c, nstar, T):
    """A point beyond which G > 0: root of 4A a^2 - sqrt(2 pi T) B a - 4 = 0, times 1.01."""
    D = T - 2 * nstar
    A = 4 * T * (sigma**2 - 4 * c * nstar**2) / (D * nstar * sigma**2)
    B = 4 * (1 / nstar + 1 / T)
    s = np.sqrt(2 * np.pi * T)
    return 1.01 * (s * B + np.sqrt(s * s * B * B + 64 * A)) / (8 * A)


# ----------------------------------------------------------------------------- accurate solver
# With x = sqrt(T/(8 alpha^2)) and p(x) = 1 - sqrt(pi) x erfcx(x) = int_0^inf 2t exp(-t^2-2xt) dt,
#   (x^3/sqrt 2) G = K - x^2 - (1 - p)(M - x^2) = p(x) (M - x^2) - E =: H,
#   M = (T + n*)/(2 n*),  K = T^2 (sigma^2 - 4 c n*^2)/(2 D n* sigma^2),
#   E = M - K = (4 c n* T^2 - sigma^2 (T + 2 n*))/(2 sigma^2 D).
# The cancellation of G (first ~ Erfc term when x is large) is now analytic: it is inside p, which is
# computed to ~1e-19 (Chebyshev fits from mpmath, or its asymptotic series) in long double.
# Monotonicity: p > 0 and p' < 0 (p' = -int 4t^2 exp(..)), and alpha >= sqrt(n*) gives
# x^2 <= T/(8 n*) < M, so h(x) = p(x)(M - x^2) is a product of two positive decreasing functions of x:
# H is strictly increasing in alpha on [sqrt(n*), inf), with limit K.  Hence G has at most one root
# above sqrt(n*) (it is alpha_{i,k}, the smallest), and it exists iff H(sqrt n*) <= 0 and K > 0.

_LD = np.longdouble
_STATS: dict = {}
_CW, _CX, _CN = 0.5, 8.0, 26          # Chebyshev interval width, end of fitted range, number of terms
_NASY = 30                            # asymptotic-series terms for x >= _CX


def _to_ld(v):
    """mpf -> long double through a double-double split (exact to ~2^-106)."""
    import mpmath
    hi = float(v)
    return _LD(hi) + _LD(float(v - mpmath.mpf(hi)))


@lru_cache(maxsize=1)
def _tables():
    """Chebyshev coefficients of p on [j w, (j+1) w] (j < _CX/w) from 40-digit mpmath values, and the
    asymptotic coefficients a_k = (-1)^k (2k+1)!!/2^(k+1) of p = sum a_k x^(-2k-2)."""
    import mpmath
    with mpmath.workdps(45):
        N = _CN
        th = [mpmath.pi * (k + mpmath.mpf(1) / 2) / N for k in range(N)]
        cs = [[mpmath.cos(m * t) for t in th] for m in range(N)]
        rows = []
        for j in range(int(round(_CX / _CW))):
            mid, half = (j + mpmath.mpf(1) / 2) * _CW, mpmath.mpf(_CW) / 2
            f = []
            for t in th:
                x = mid + half * mpmath.cos(t)
                f.append(1 - mpmath.sqrt(mpmath.pi) * x * mpmath.exp(x * x) * mpmath.erfc(x))
            c = [2 * mpmath.fsum(fk * ck for fk, ck in zip(f, cs[m])) / N for m in range(N)]
            c[0] /= 2
            rows.append([_to_ld(v) for v in c])
        C = np.array(rows, dtype=_LD)
        a = [mpmath.mpf(1) / 2]
        for k in range(1, _NASY):
            a.append(-a[-1] * (2 * k + 1) / 2)
        A = np.array([_to_ld(v) for v in a], dtype=_LD)
    return C, A


def _p_xdp(x, accurate):
    """p(x) and x p'(x).  accurate=False: float64 via erfcx (relative error <~ 2 x^2 eps, for the
    Newton iterations); accurate=True: long double (Chebyshev / asymptotic series, ~1e-19)."""
    C, A = _tables()
    dt = _LD if accurate else float
    x = np.asarray(x, dtype=dt)
    p = np.empty_like(x)
    xdp = np.empty_like(x)
    big = x >= _CX
    if big.any():
        y = 1 / (x[big] * x[big])
        s = np.zeros_like(y)
        ds = np.zeros_like(y)
        Ad = A.astype(dt)
        for k in range(_NASY - 1, -1, -1):
            s = s * y + Ad[k]
            ds = ds * y - (2 * k + 2) * Ad[k]
        p[big] = s * y
        xdp[big] = ds * y
    sm = ~big
    if sm.any():
        xs = x[sm]
        if accurate:
            j = np.minimum((xs / _CW).astype(np.int64), C.shape[0] - 1)
            u = (xs - (j + _LD(0.5)) * _CW) / _LD(_CW / 2)
            b1 = np.zeros_like(xs)
            b2 = np.zeros_like(xs)
            for m in range(_CN - 1, 0, -1):
                b1, b2 = 2 * u * b1 - b2 + C[j, m], b1
            ps = u * b1 - b2 + C[j, 0]
        else:
            ps = 1 - np.sqrt(np.pi) * xs * erfcx(xs)
        p[sm] = ps
        xdp[sm] = -1 + (1 + 2 * xs * xs) * ps   # from erfcx' = 2x erfcx - 2/sqrt(pi)
    return p, xdp


def _consts(sigma, c, nstar, T, dt):
    s, c, n, T = (np.asarray(v, dtype=dt) for v in (sigma, c, nstar, T))
    D = T - 2 * n
    M = (T + n) / (2 * n)
    E = 2 * c * n * T * T / (s * s * D) - (T + 2 * n) / (2 * D)
    return M, E


def _H(x2, x, M, E, accurate):
    """H = p(x)(M - x^2) - E and alpha dH/dalpha = 2 x^2 p - x p'(x) (M - x^2) (> 0)."""
    p, xdp = _p_xdp(x, accurate)
    w = M - x2
    return p * w - E, 2 * x2 * p - xdp * w


def kappa(sigma, c, nstar, T, alpha):
    """Condition numbers of the root: (|term1| + |term2|)/(alpha |G'|) for eq. (11) as printed (the
    cancelling form) and |p (M - x^2)|/(alpha |H'|) for the form used here (relative error of p)."""
    sigma, c, nstar, T = _check(sigma, c, nstar, T)
    a = np.asarray(alpha, dtype=_LD)
    M, E = _consts(sigma, c, nstar, T, _LD)
    x2 = np.asarray(T, dtype=_LD) / (8 * a * a)
    x = np.sqrt(x2)
    p, xdp = _p_xdp(x, True)
    w = M - x2
    aH = 2 * x2 * p - xdp * w
    k_new = p * w / aH
    # G = sqrt2/x^3 H: terms of G are (sqrt2/x^3)(K - x^2) and (sqrt2/x^3)(1-p)(M - x^2); at a root
    # alpha G' = (sqrt2/x^3) alpha H'
    K = M - E
    k_old = (np.abs(K - x2) + np.abs((1 - p) * w)) / aH
    return k_old.astype(float), k_new.astype(float)


def alpha(sigma, c, nstar, T, grid: int = 0, polish: int = 2):
    """alpha_{i,k}: the smallest root of G_{i,k} above sqrt(n*) (eq. (11)), elementwise.

    G's sign is that of H(alpha) = p(x)(M - x^2) - E (module comment), which is strictly increasing on
    [sqrt(n*), inf): the root is unique there.  Safeguarded Newton in z = log x on log(h/E) (float64,
    erfcx) inside the bracket [x(alpha_max), x(sqrt n*)], then ``polish`` Newton steps on H in long
    double with the accurate p.  ``grid`` is accepted for backward compatibility and ignored.

    Raises DomainError if an input is not positive and finite, if D = T - 2n* <= 0, if
    sigma^2 <= 4 c n*^2 (then no bound on the roots: Lemma 1 needs n* < n^IND/2), or if G has no
    root above sqrt(n*) (G(sqrt n*) > 0: no sign change, since G's sign is increasing).
    """
    sigma, c, nstar, T = _check(sigma, c, nstar, T)
    shape = sigma.shape
    sigma, c, nstar, T = (np.ravel(v) for v in (sigma, c, nstar, T))
    if (sigma**2 <= 4 * c * nstar**2).any():
        raise DomainError("sigma^2 > 4 c (n*)^2 is required (n* < n^IND/2, Lemma 10): otherwise G's "
                          "roots are not bounded and the solver does not apply")
    Ml, El = _consts(sigma, c, nstar, T, _LD)
    Tl, nl = T.astype(_LD), nstar.astype(_LD)
    # existence: H(sqrt n*) <= 0, evaluated accurately
    x2a = T / (8 * nstar)
    H0, _ = _H(x2a, np.sqrt(x2a), Ml.astype(float), El.astype(float), False)
    near = np.abs(H0) <= 1e-9 * El.astype(float)     # decide the sign accurately where it matters
    if near.any():
        x2n = Tl[near] / (8 * nl[near])
        H0[near] = _H(x2n, np.sqrt(x2n), Ml[near], El[near], True)[0].astype(float)
    if (H0 > 0).any():
        bad = int(np.flatnonzero(H0 > 0)[0])
        raise DomainError(f"no root of G_{{i,k}} above sqrt(n*) (G(sqrt n*) > 0 and G is increasing there: "
                          f"no sign change) at instance {bad}")
    M, E = Ml.astype(float), El.astype(float)
    lE = np.log(E)
    r8 = np.sqrt(T / 8)
    zhi = np.log(r8) - 0.5 * np.log(nstar)           # x(sqrt n*)
    amax = np.maximum(alpha_max(sigma, c, nstar, T), 2 * np.sqrt(nstar))
    zlo = np.log(r8 / amax)
    for _ in range(60):  # make sure h(x(zlo)) > E (it tends to M > E as x -> 0)
        x = np.exp(zlo)
        hneg = _H(x * x, x, M, E, False)[0] <= 0
        if not hneg.any():
            break
        zlo = np.where(hneg, zlo - 1.0, zlo)
    z = 0.5 * np.log(M / (2 * E + 1))                 # large-x asymptotics: M/(2x^2) - 1/2 = E
    zs = np.log(np.maximum((1 - E / M) / np.sqrt(np.pi), 1e-300))  # small x: h ~ M (1 - sqrt(pi) x)
    z = np.where(z < 0, np.minimum(z, zs), z)
    z = np.where((z > zlo) & (z < zhi), z, 0.5 * (zlo + zhi))
    glo = np.full_like(z, np.nan)   # g at the bracket ends (nan: not evaluated yet)
    ghi = np.full_like(z, np.nan)
    act = np.arange(len(z))
    for it in range(100):
        zz, lo, hi, gl, gh = z[act], zlo[act], zhi[act], glo[act], ghi[act]
        x = np.exp(zz)
        p, xdp = _p_xdp(x, False)
        w = M[act] - x * x
        g = np.log(p * w) - lE[act]
        dg = xdp / p - 2 * x * x / w                    # < 0
        pos, neg = g > 0, g < 0                         # g is decreasing in z
        lo, gl = np.where(pos, zz, lo), np.where(pos, g, gl)
        hi, gh = np.where(neg, zz, hi), np.where(neg, g, gh)
        zn = zz - g / dg
        out = ~((zn > lo) & (zn < hi))                  # Newton left the bracket (or is nan)
        sec = lo + (hi - lo) * gl / (gl - gh)           # regula falsi on the bracket
        sec_ok = (sec > lo) & (sec < hi)
        zn = np.where(out, np.where(sec_ok, sec, 0.5 * (lo + hi)), zn)
        small = np.abs(g) <= 1e-12        # at the float64 noise level of g (p from erfcx): done
        zn = np.where(small, zz, zn)
        z[act], zlo[act], zhi[act], glo[act], ghi[act] = zn, lo, hi, gl, gh
        conv = (np.abs(zn - zz) <= 1e-12 * np.maximum(1.0, np.abs(zz))) | small | (hi - lo <= 1e-13 * np.abs(hi))
        act = act[~conv]
        if act.size == 0:
            break
    _STATS["newton"] = it + 1
    a = (Tl / 8) ** _LD(0.5) / np.exp(z.astype(_LD))
    an = np.sqrt(nl)
    for _ in range(polish):      # Newton on H in long double with the accurate p
        x2 = Tl / (8 * a * a)
        H, aH = _H(x2, np.sqrt(x2), Ml, El, True)
        a = a - a * H / aH
        a = np.maximum(a, an)
    root = a.astype(float)
    root = np.where(H0 == 0, np.sqrt(nstar), root)
    return root.reshape(shape) if shape else float(root[0])
