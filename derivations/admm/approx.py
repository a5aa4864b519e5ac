"""admm App. A.6 / B / C: the eps-correlation closed forms in one agent's own quality, as printed.

Scalar notation: ``q`` agent i's quality (q_i), ``Q`` the upper end of the uniform prior U[0, Q]
(or U[e_i, Q]), ``S`` the centrality term S_{q_-i} = sum_{j != i} sigma_ij^2 q_j / (1 + q_j).
The closed forms are sympy expressions (proved symbolically, evaluated with mpmath and Arb);
g^-1 has no closed form used by the paper and is a formula ``f(o, S, Q)`` solved with
``mpmath.findroot`` (``derivations.admm.threshold`` is the numpy root finder).
"""
from __future__ import annotations

import mpmath
import sympy

from ..errors import DomainError

q = sympy.Symbol("q", nonnegative=True)
Q = sympy.Symbol("Q", positive=True)
S = sympy.Symbol("S", nonnegative=True)


# Each closed form is a plain function of numbers of any backend (sympy symbols, mpmath, Arb
# balls): integer arithmetic only, so constants stay exact; the module-level names below are the
# same functions applied to the symbols q, Q, S.

def v_hat_f(q, Q, S):
    """(A.5) with S = S_{q_-i}: v-hat_i(q) = q_i/(1+q_i) + (1/(1+q_i))^2 S."""
    return q / (1 + q) + (1 / (1 + q)) ** 2 * S


def dv_hat_f(q, Q, S):
    """proof of Lemma B.3: d v-hat_i / d q_i = ((1+q_i) - 2S)/(1+q_i)^3 (as printed)."""
    return ((1 + q) - 2 * S) / (1 + q) ** 3


def d2v_hat_f(q, Q, S):
    """proof of Lemma B.3: d^2 v-hat_i / d q_i^2 = -2((1+q_i) - 3S)/(1+q_i)^4 (as printed)."""
    return -2 * ((1 + q) - 3 * S) / (1 + q) ** 4


def phi_hat_middle_f(q, Q, S):
    """(B.23)/(B.33), middle form: (q/(1+q) + S/(1+q)^2) - (1/(1+q)^2 - 2S/(1+q)^3)(Q - q)."""
    return (q / (1 + q) + (1 / (1 + q)) ** 2 * S) - (1 / (1 + q) ** 2 - 2 / (1 + q) ** 3 * S) * (Q - q)


def phi_hat_f(q, Q, S):
    """(B.23)/(B.33), last form; also B(q) of (C.13)."""
    return (q / (1 + q) - (Q - q) / (1 + q) ** 2) + (1 / (1 + q) ** 2 + 2 * (Q - q) / (1 + q) ** 3) * S


B_f = phi_hat_f


def B_rewritten_f(q, Q, S):
    """proof of Lemma C.1(i): B(q) = (q/(1+q) + S/(1+q)^2) - (1/(1+q)^2 - 2S/(1+q)^3)(Q - q)."""
    return (q / (1 + q) + S / (1 + q) ** 2) - (1 / (1 + q) ** 2 - 2 * S / (1 + q) ** 3) * (Q - q)


def g_f(q, Q, S=None):
    """(B.27): g(q) = (-q(1+q)^2 + (Q-q)(1+q)) / ((1+q) + 2(Q-q))."""
    return (-q * (1 + q) ** 2 + (Q - q) * (1 + q)) / ((1 + q) + 2 * (Q - q))


def g_den_f(q, Q, S=None):
    return (1 + q) + 2 * (Q - q)


def K_f(q, Q, S=None):
    """proof of Lemma C.2(ii): K(q) = ((Q-q)/Q)(q/(1+q) + g(q)/(1+q)^2)."""
    return (Q - q) / Q * (q / (1 + q) + (1 / (1 + q)) ** 2 * g_f(q, Q))


def K_simplified_f(q, Q, S=None):
    return (Q - q) ** 2 * (1 + 2 * q) / (Q * (1 + q) * (1 + q + 2 * (Q - q)))


def K_prime_numerator_f(q, Q, S=None):
    return (2 * Q ** 3 + Q ** 2 * (-6 * q ** 2 - 14 * q - 2) + Q * (8 * q ** 3 + 12 * q ** 2 - 4 * q - 2)
            - 2 * q ** 4 + 6 * q ** 2 + 2 * q)


def K_prime_printed_f(q, Q, S=None):
    return K_prime_numerator_f(q, Q) / (Q * ((1 + q) * (1 + q + 2 * (Q - q))) ** 2)


def C17_f(q, Q):
    return 2 * Q ** 3 + (-2 * q ** 2 - 14 * q - 2) * Q ** 2


def C18_f(q, Q):
    return -4 * q ** 2 * Q ** 2 + (8 * q ** 3 + 12 * q ** 2) * Q


def C19_f(q, Q):
    return Q * (-4 * q - 2) - 2 * q ** 4 + 6 * q ** 2 + 2 * q


def N_f(q, Q, S=None):
    """proof of Lemma C.2(iii): N(q)."""
    return (-2 * Q ** 3 + (2 * q ** 2 + 8 * q) * Q ** 2 + (-6 * q ** 3 - 15 * q ** 2 - 4 * q - 1) * Q
            + 2 * q ** 4 + 2 * q ** 3 - 5 * q ** 2 - 4 * q - 1)


def L_prime_printed_f(q, Q, S=None):
    return (Q - q) * N_f(q, Q) / ((1 + q) ** 2 * (1 + Q) * (-q + 2 * Q + 1) ** 2)


def C22_f(q, Q):
    return -2 * Q ** 3 + (2 * q ** 2 + 8 * q) * Q ** 2 + (-4 * q ** 3 - 8 * q ** 2) * Q


def C23_f(q, Q):
    return (-2 * q ** 3 - 7 * q ** 2 - 4 * q - 1) * Q + 2 * q ** 4 + 2 * q ** 3


def C24_f(q, Q=None):
    return -5 * q ** 2 - 4 * q - 1


def T_f(q, Q):
    """proof of Lemma C.2(iii): T(Q) = -Q^2 + (q^2 + 4q)Q + (-2q^3 - 4q^2)."""
    return -Q ** 2 + (q ** 2 + 4 * q) * Q + (-2 * q ** 3 - 4 * q ** 2)


def L_f(o, q, Q):
    """proof of Lemma C.2(iii): L(q) = log((1+q)/(1+Q)) + (Q-q)/(1+q) - ((Q-q)^2/(1+q)^2) g(q)/(1+Q)."""
    return o.log((1 + q) / (1 + Q)) + (Q - q) / (1 + q) - (Q - q) ** 2 / (1 + q) ** 2 * g_f(q, Q) / (1 + Q)


def interval_point(o, Q, t):
    """The point of the interval (C.16) [sqrt(Q) - 2, sqrt(1+Q) - 1] at fraction t in [0, 1]."""
    lo, hi = o.sqrt(Q) - 2, o.sqrt(1 + Q) - 1
    return lo + t * (hi - lo)


v_hat = v_hat_f(q, Q, S)
phi_hat = phi_hat_f(q, Q, S)
B = phi_hat
g = g_f(q, Q)
q_tilde = sympy.sqrt(1 + Q) - 1


def at(expr, **subs):
    """``expr`` with symbols replaced by name (e.g. ``at(g, q=q_tilde)``)."""
    names = {"q": q, "Q": Q, "S": S}
    return expr.subs({names[k]: sympy.sympify(v) for k, v in subs.items()}, simultaneous=True)


# ----------------------------------------------------------------------------- g^-1 (no closed form)

_DB = sympy.lambdify((q, Q, S), sympy.diff(B, q), "mpmath")


def _B_MP(t, Q, S):
    return B_f(t, Q, S)


def _DB_MP(t, Q, S):
    return _DB(t, Q, S)


_ROOTS: dict = {}


def g_inverse(o, S, Q):
    """g^-1(S) of Lemma C.2(i): the root q in [0, Q] of B(q) = 0 (equivalently g(q) = S, Lemma C.1(ii)).

    mpmath only (bisection on [0, Q], then ``mpmath.findroot`` Newton to full precision); raises
    :class:`DomainError` when B(0) < 0 < B(Q) fails, i.e. when no root is bracketed.
    """
    if o.name != "mpmath":
        raise NotImplementedError("g^-1 is evaluated with mpmath.findroot only")
    ctx = o.ctx
    S, Q = ctx.mpf(S), ctx.mpf(Q)
    key = (S, Q, ctx.prec)
    if key in _ROOTS:
        return _ROOTS[key]
    b0, bQ = _B_MP(ctx.mpf(0), Q, S), _B_MP(Q, Q, S)
    if not (b0 < 0 < bQ):
        raise DomainError(f"g^-1(S) needs B(0) < 0 < B(Q) to bracket a root in [0, Q] (B(0) = {b0}, B(Q) = {bQ})")
    lo, hi = ctx.mpf(0), Q
    for _ in range(40):  # B is increasing on [0, Q] (Lemma C.1(i)): bisect to a Newton start
        mid = (lo + hi) / 2
        if _B_MP(mid, Q, S) < 0:
            lo = mid
        else:
            hi = mid
    r = ctx.findroot(lambda t: _B_MP(t, Q, S), (lo + hi) / 2, solver="newton", df=lambda t: _DB_MP(t, Q, S))
    if not (0 <= r <= Q):
        raise DomainError(f"root of B left [0, Q] (got {r})")
    if len(_ROOTS) > 4096:
        _ROOTS.clear()
    _ROOTS[key] = r
    return r


def Y(o, S, Q):
    """(B.28): Y(S) = ((Q - g^-1(S))/Q) (g^-1(S)/(1 + g^-1(S)) + S/(1 + g^-1(S))^2)."""
    r = g_inverse(o, S, Q)
    return (Q - r) / Q * (r / (1 + r) + (1 / (1 + r)) ** 2 * S)


def H(o, S, Q):
    """(B.37): H(S) = log((1+g^-1)/(1+Q)) + (Q - g^-1)/(1 + g^-1) - ((Q - g^-1)^2/(1 + g^-1)^2) S/(1 + Q)."""
    r = g_inverse(o, S, Q)
    return o.log((1 + r) / (1 + Q)) + (Q - r) / (1 + r) - (Q - r) ** 2 / (1 + r) ** 2 * S / (1 + Q)


def integral(o, f, a, b):
    """int_a^b f(x) dx: sympy.integrate (symbolic) or mpmath.quad (numeric); no Arb enclosure."""
    if o.name == "sympy":
        x = sympy.Dummy("x", real=True)
        return sympy.integrate(f(x), (x, a, b))
    if o.name == "mpmath":
        return o.ctx.quad(f, [a, b])
    raise NotImplementedError("no rigorous quadrature for this backend")
