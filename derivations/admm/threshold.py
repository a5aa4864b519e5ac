"""admm App. B / C in numpy: the approximate threshold g^-1(S) (Lemma C.2(i)) and the functions
Y (B.28) and H (B.37) of the eps-correlation regime with uniform priors U[0, Q].

g^-1(S) is the root in [0, Q] of B(q) (C.13), which is strictly increasing there (Lemma C.1(i));
it is bracketed by Brent's method and polished by Newton steps on B.  Invalid input raises
:class:`DomainError` naming the condition.
"""
from __future__ import annotations

import math

from scipy.optimize import brentq

from ..errors import DomainError
from ..special import t_minus_log1p


def _B(q, Q, S):
    return (q / (1 + q) - (Q - q) / (1 + q) ** 2) + (1 / (1 + q) ** 2 + 2 * (Q - q) / (1 + q) ** 3) * S


def _dB(q, Q, S):
    # d/dq of (C.13): ((1+q) - 2S)/(1+q)^3 + 2((1+q) - 3S)(Q-q)/(1+q)^4 + (1/(1+q)^2 - 2S/(1+q)^3)
    u = 1 + q
    return (u - 2 * S) / u ** 3 + 2 * (u - 3 * S) * (Q - q) / u ** 4 + (u - 2 * S) / u ** 3


def _check(S, Q):
    S, Q = float(S), float(Q)
    if not (math.isfinite(S) and math.isfinite(Q)):
        raise DomainError(f"S and Q must be finite (got S={S}, Q={Q})")
    if not Q > 0:
        raise DomainError(f"Q must be > 0 (the prior is U[0, Q]; got Q={Q})")
    if not 0 <= S <= 1 / 3:
        raise DomainError(f"S must lie in [0, 1/3] (Lemma C.1 needs S <= 1/3; got S={S})")
    return S, Q


def g(q, Q):
    """(B.27): g(q) = (-q(1+q)^2 + (Q-q)(1+q)) / ((1+q) + 2(Q-q))."""
    return (-q * (1 + q) ** 2 + (Q - q) * (1 + q)) / ((1 + q) + 2 * (Q - q))


def g_inverse(S, Q):
    """g^-1(S): the unique q in [0, Q] with B(q) = 0, i.e. g(q) = S (Lemma C.1(ii), C.2(i))."""
    S, Q = _check(S, Q)
    b0, bQ = _B(0.0, Q, S), _B(Q, Q, S)
    if not (b0 < 0 < bQ):
        raise DomainError(f"g^-1(S) needs B(0) < 0 < B(Q) (B(0) = S - (1-2S)Q = {b0:.3g}); "
                          f"no threshold in [0, Q]")
    r = brentq(_B, 0.0, Q, args=(Q, S), xtol=1e-300, rtol=4 * 2.0 ** -52, maxiter=200)
    for _ in range(2):
        r = r - _B(r, Q, S) / _dB(r, Q, S)
    return min(max(r, 0.0), Q)


def Y(S, Q):
    """(B.28): Y(S) = ((Q - g^-1(S))/Q)(g^-1(S)/(1 + g^-1(S)) + S/(1 + g^-1(S))^2)."""
    r = g_inverse(S, Q)
    return (Q - r) / Q * (r / (1 + r) + S / (1 + r) ** 2)


def H(S, Q):
    """(B.37): H(S) = log((1+r)/(1+Q)) + (Q-r)/(1+r) - ((Q-r)/(1+r))^2 S/(1+Q), r = g^-1(S)."""
    r = g_inverse(S, Q)
    t = (Q - r) / (1 + r)               # 1 + Q = (1 + r)(1 + t): log((1+r)/(1+Q)) = -log1p(t)
    return t_minus_log1p(t) - t * t * S / (1 + Q)
