"""The reference value at one input, settled on an mpmath precision ladder.

The reference is evaluated at 30 and 60 digits; when the two rungs disagree beyond 2^-80
relative (cancellation, catastrophic loss in ``1 + x`` for tiny ``x``, ...) the ladder escalates
(120, 240, 480, 960 digits) until two consecutive rungs agree, and the higher rung is the settled
value.  An exact zero is what ``log(1 + 1e-300)`` gives at 30 and at 60 digits, so a zero counts as
agreement only between rungs of at least 30 + (largest decimal exponent of an input, in absolute
value) digits, enough to hold ``1 + x`` exactly for every input ``x``; up to the top of the ladder.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import mpmath
import sympy

from ..backends import Mp
from ..evaluate import call, flatten

LADDER = (30, 60)
ESCALATE = (120, 240, 480, 960)
AGREE = mpmath.mpf(2) ** -80


class Undefined(ValueError):
    """The reference is not a finite real number at this input (outside its domain)."""


@dataclass
class Settled:
    values: list | None  # mpf values at the settled rung (None when unsettled / undefined)
    dps: int | None  # digits of the settled rung
    status: str  # "settled" | "unsettled" | "undefined"
    note: str = ""


def _real(x):
    if isinstance(x, mpmath.mpc):
        if x.imag != 0:
            raise Undefined(f"complex value {mpmath.nstr(x, 8)}")
        x = x.real
    if isinstance(x, sympy.Basic):
        x = mpmath.mpf(sympy.N(x, mpmath.mp.dps + 5))
    x = mpmath.mpf(x)
    if not mpmath.isfinite(x):
        raise Undefined(f"non-finite value {x}")
    return x


@lru_cache(maxsize=None)
def _lambdified(expr, names):
    syms = [sympy.Symbol(n, real=True) for n in names]
    e = expr.xreplace({s: sympy.Symbol(s.name, real=True) for s in expr.free_symbols})
    return sympy.lambdify(syms, e, modules="mpmath")


def evaluate(formula, values: dict, dps: int) -> list:
    """The formula at ``values`` (floats) with ``dps`` digits, as a flat list of real mpf."""
    with mpmath.workdps(dps):
        o = Mp(mpmath.mp)
        bv = {k: o.num(v) for k, v in values.items()}
        try:
            if isinstance(formula, sympy.Basic):
                try:
                    out = call(formula, o, bv)
                except NotImplementedError:  # a sympy function the backend tree does not know
                    names = tuple(sorted(values))
                    out = _lambdified(formula, names)(*(bv[n] for n in names))
            else:
                out = call(formula, o, bv)
            return [_real(x) for x in flatten(out)]
        except Undefined:
            raise
        except (ValueError, ZeroDivisionError, ArithmeticError, TypeError) as exc:
            raise Undefined(f"{type(exc).__name__}: {exc}") from None


def _agree(a: list, b: list, zeros_ok: bool) -> bool:
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        if x == 0 or y == 0:
            if zeros_ok and x == 0 and y == 0:
                continue
            return False
        if abs(x - y) > AGREE * abs(y):
            return False
    return True


def zero_digits(values: dict) -> int:
    """Digits from which an exact zero is trusted: 30 + the inputs' largest |decimal exponent|."""
    e = [abs(mpmath.floor(mpmath.log10(abs(mpmath.mpf(v))))) for v in values.values()
         if isinstance(v, (int, float)) and v != 0 and v == v]
    return 30 + int(max(e, default=0))


def settle(formula, values: dict) -> Settled:
    rungs = LADDER + ESCALATE
    need = zero_digits(values)
    prev, prev_dps = None, 0
    try:
        for dps in rungs:
            cur = evaluate(formula, values, dps)
            if prev is not None and _agree(prev, cur, zeros_ok=prev_dps >= need or dps == rungs[-1]):
                return Settled(cur, dps, "settled")
            prev, prev_dps = cur, dps
    except Undefined as exc:
        return Settled(None, None, "undefined", str(exc))
    return Settled(None, None, "unsettled", f"rungs {rungs[-2]} and {rungs[-1]} digits disagree")
