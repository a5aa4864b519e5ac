"""Per-instance numeric checks on an mpmath precision ladder, and rigorous pointwise balls.

Each check returns an :class:`Outcome`: ``ok`` (holds at this instance), ``err`` (relative error of
an identity, or the normalized margin of an inequality), the digits of agreement, and notes.
A true identity shows an error that shrinks as precision grows; a genuine failure shows an error
that stays put.  Instances that do not settle are retried at higher precision before failing.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import mpmath

from .backends import Arb, Mp
from .evaluate import call, flatten, to_backend
from .rigorous import sign_certified


@dataclass
class Outcome:
    ok: bool
    err: float  # identities: relative error at the top rung; inequalities: signed margin (<0 violates)
    digits: int | None = None
    rungs: dict = field(default_factory=dict)  # dps -> error or margin
    certified: bool | None = None  # Arb pointwise certificate (inequalities)
    note: str = ""
    sides: tuple = ()


class ComplexValue(ArithmeticError):
    """A formula of a real claim evaluated to a non-real number (e.g. log of a negative)."""


def _eval(formula, claim, values, dps):
    with mpmath.workdps(dps):
        o = Mp(mpmath.mp)
        out = flatten(call(formula, o, to_backend(o, claim, values)))
    for x in out:
        if isinstance(x, mpmath.mpc):
            raise ComplexValue(f"non-real value {mpmath.nstr(x, 8)}")
    return out


def _rel_err(a, b, dps, slack) -> float:
    if len(a) != len(b):
        raise ValueError(f"sides have different sizes ({len(a)} vs {len(b)})")
    floor = mpmath.mpf(10) ** (-(dps - slack))
    worst = mpmath.mpf(0)
    for x, y in zip(a, b):
        if not (mpmath.isfinite(x) and mpmath.isfinite(y)):
            return math.inf
        m = max(abs(x), abs(y))
        d = abs(x - y)
        if m <= floor:
            continue  # both sides vanish to this precision
        worst = max(worst, d / m)
    return float(worst) if worst > 0 else 0.0


def equal(claim, lhs, rhs, values, cfg) -> Outcome:
    """lhs == rhs at this instance, decided on the precision ladder."""
    rungs = {}
    for dps in cfg.ladder + cfg.escalate:
        a, b = _eval(lhs, claim, values, dps), _eval(rhs, claim, values, dps)
        e = _rel_err(a, b, dps, cfg.slack)
        rungs[dps] = e
        tol = 10.0 ** (-(dps - cfg.slack))
        top_ladder = dps >= cfg.ladder[-1]
        if top_ladder and e <= tol:
            digits = dps if e == 0 else min(dps, int(-math.log10(e)))
            return Outcome(True, e, digits, rungs, sides=(a[0], b[0]))
        if top_ladder and len(rungs) >= 2:
            prev = list(rungs.values())[-2]
            if e > tol and prev > 0 and 0.5 <= e / prev <= 2.0 and e > 1e-8:
                break  # a stable discrepancy: a genuine failure, not cancellation
    digits = 0 if e >= 1 else int(-math.log10(e)) if e > 0 else None
    return Outcome(False, e, digits, rungs, note="sides disagree", sides=(a[0], b[0]))


_HOLDS = {"<": lambda d, t: d < -t, "<=": lambda d, t: d <= t, ">": lambda d, t: d > t, ">=": lambda d, t: d >= -t}
_FAILS = {"<": lambda d, t: d > t, "<=": lambda d, t: d > t, ">": lambda d, t: d < -t, ">=": lambda d, t: d < -t}


def compare(claim, lhs, op, rhs, values, cfg, rigorous=True) -> Outcome:
    """lhs <op> rhs at this instance (entrywise for vectors)."""
    rungs = {}
    for dps in cfg.ladder + cfg.escalate:
        a, b = _eval(lhs, claim, values, dps), _eval(rhs, claim, values, dps)
        if len(b) == 1 and len(a) > 1:
            b = b * len(a)
        worst_margin, holds, fails = math.inf, True, False
        for x, y in zip(a, b):
            if not (mpmath.isfinite(x) and mpmath.isfinite(y)):
                return Outcome(False, -math.inf, None, rungs, note="non-finite side")
            scale = max(mpmath.mpf(1), abs(x), abs(y))
            d = (x - y) / scale
            t = mpmath.mpf(10) ** (-(dps - cfg.slack))
            margin = float(d if op in (">", ">=") else -d)
            worst_margin = min(worst_margin, margin)
            holds &= _HOLDS[op](d, t)
            fails |= _FAILS[op](d, t)
        rungs[dps] = worst_margin
        if dps >= cfg.ladder[-1] and (holds or fails):
            break
    ok = holds and not fails
    cert = _arb_certificate(claim, lhs, op, rhs, values, cfg) if (ok and rigorous) else None
    note = "" if ok else ("violated" if fails else "equality where strict inequality is claimed")
    return Outcome(ok, worst_margin, None, rungs, certified=cert, note=note, sides=(a[0], b[0]))


def _arb_certificate(claim, lhs, op, rhs, values, cfg):
    o = Arb(cfg.rigorous_prec)
    try:
        with o:
            bv = to_backend(o, claim, values)
            a, b = flatten(call(lhs, o, bv)), flatten(call(rhs, o, bv))
            if len(b) == 1 and len(a) > 1:
                b = b * len(a)
            verdicts = [sign_certified(x - y, op) for x, y in zip(a, b)]
    except (NotImplementedError, TypeError, AttributeError, ZeroDivisionError, ValueError):
        return None  # the formula uses an operation Arb cannot enclose (e.g. numerical diff)
    return all(v is True for v in verdicts)


def defined(claim, formula, values, cfg) -> Outcome:
    """``formula`` is finite and stable across the ladder at this instance."""
    rungs, prev = {}, None
    for dps in cfg.ladder:
        try:
            a = _eval(formula, claim, values, dps)
        except (ComplexValue, ZeroDivisionError, ValueError) as exc:
            return Outcome(False, math.inf, None, rungs, note=f"not defined: {exc}")
        if not all(mpmath.isfinite(x) for x in a):
            return Outcome(False, math.inf, None, rungs, note="not finite")
        if prev is not None:
            rungs[dps] = _rel_err(prev, a, min(dps, prev_dps), cfg.slack)
        prev, prev_dps = a, dps
    e = rungs[cfg.ladder[-1]]  # the two highest rungs must agree to the lower one's precision
    ok = e <= 10.0 ** (-(cfg.ladder[-2] - cfg.slack))
    digits = cfg.ladder[-2] if e == 0 else min(cfg.ladder[-2], int(-math.log10(e)))
    return Outcome(ok, e, digits, rungs, note="" if ok else "unstable across the precision ladder")


def order_of(claim, remainder, var, values, cfg, order, leading=None) -> Outcome:
    """Measured order k of remainder(var) = O(var^k) from var = x0 2^-j at high precision."""
    dps = cfg.ladder[-1]
    x0 = values[var]
    xs, ys = [], []
    for j in range(2, 2 + cfg.asymptotic_steps):
        v = dict(values)
        v[var] = x0 * 2.0 ** (-j)
        r = _eval(remainder, claim, v, dps)
        m = max(abs(t) for t in r)
        if m <= mpmath.mpf(10) ** (-(dps // 2)):
            continue  # zero to working precision: the remainder vanishes here
        r2 = _eval(remainder, claim, v, dps // 2)
        if _rel_err(r, r2, dps // 2, cfg.slack) > 1e-6:
            return Outcome(False, math.nan, None, note="remainder not resolved at working precision")
        xs.append(math.log(v[var]))
        ys.append(float(mpmath.log(m)))
    if len(xs) < 3:
        return Outcome(True, math.inf, None, note="remainder vanishes identically")
    tail = slice(len(xs) // 2, None)
    x, y = xs[tail], ys[tail]
    mx, my = sum(x) / len(x), sum(y) / len(y)
    slope = sum((a - mx) * (b - my) for a, b in zip(x, y)) / sum((a - mx) ** 2 for a in x)
    ok = slope >= order - 0.05
    note = f"measured order {slope:.3f} (claimed {order})"
    if leading is not None:
        # Richardson-style: R(x)/x^k at the two smallest x; the coefficient converges linearly or faster
        c1 = _eval(remainder, claim, {**values, var: x0 * 2.0 ** (-(1 + cfg.asymptotic_steps))}, dps)
        c2 = _eval(remainder, claim, {**values, var: x0 * 2.0 ** (-cfg.asymptotic_steps)}, dps)
        with mpmath.workdps(dps):
            h1, h2 = x0 * mpmath.mpf(2) ** (-(1 + cfg.asymptotic_steps)), x0 * mpmath.mpf(2) ** (-cfg.asymptotic_steps)
            est = [2 * a / h1**order - b / h2**order for a, b in zip(c1, c2)]  # removes the O(x) term
        lead = _eval(leading, claim, values, dps)
        if len(lead) == 1 and len(est) > 1:
            lead = lead * len(est)
        rel = max(float(abs(e - l) / max(abs(l), mpmath.mpf(10) ** -30)) for e, l in zip(est, lead))
        bound = float(4 * (2.0 ** (-cfg.asymptotic_steps)) ** 2 * 100) + 1e-12
        ok = ok and (rel <= max(bound, 1e-6) or slope > order + 0.5 and max(abs(t) for t in lead) == 0)
        note += f"; leading coefficient rel. error {rel:.2e}"
    return Outcome(ok, slope, None, {"order": slope}, note=note)
