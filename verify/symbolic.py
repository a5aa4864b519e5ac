"""Symbolic proof by a chain of sympy strategies; ``None``/undecided is never a pass."""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager

import sympy


class Timeout(Exception):
    pass


@contextmanager
def time_limit(seconds: float):
    """Interrupt the block after ``seconds`` (main thread only; elsewhere no limit is applied)."""
    if threading.current_thread() is not threading.main_thread() or not seconds:
        yield
        return

    def handler(signum, frame):
        raise Timeout()

    old = signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _together_cancel(e):
    return sympy.cancel(sympy.together(e))


ZERO_STRATEGIES = (
    ("structural", lambda e: e),
    ("cancel", _together_cancel),
    ("expand", sympy.expand),
    ("factor", lambda e: sympy.factor(e, deep=True)),
    ("radsimp", lambda e: sympy.radsimp(_together_cancel(e))),
    ("simplify", sympy.simplify),
)


def _is_rational(e) -> bool:
    try:
        return bool(e.is_rational_function(*e.free_symbols)) and not e.has(sympy.Float)
    except (AttributeError, TypeError):
        return False


def _is_zero(r) -> bool:
    return r == 0 or getattr(r, "is_zero", None) is True


def _attempt(name, f, timeout, attempts):
    """Run one strategy under a time limit; log and return its verdict: True, False or None."""
    try:
        with time_limit(timeout):
            verdict = f()
    except Timeout:
        verdict = "timeout"
    except Exception as exc:  # sympy internals may raise on exotic input: undecided
        verdict = f"raised {type(exc).__name__}"
    label = {True: "closed", False: "open", None: "undecided"}.get(verdict, verdict)
    attempts.append((name, label))
    return verdict is True


def prove_zero(e, timeout: float = 10.0):
    """Return (strategy name, attempts) if ``e`` is proved identically zero, else (None, attempts).

    A rational function whose canonical (cancelled) form is not 0 is refuted at once: the chain
    stops there instead of spending time on strategies that cannot succeed.
    """
    attempts: list = []
    for name, f in ZERO_STRATEGIES:
        if _attempt(name, lambda: _is_zero(f(e)), timeout, attempts):
            return name, attempts
        if name == "cancel" and attempts[-1][1] == "open" and _is_rational(e):
            attempts[-1] = (name, "refuted (rational normal form is not 0)")
            return None, attempts
    if _attempt("equals", lambda: e.equals(0), timeout, attempts):
        return "equals", attempts
    return None, attempts


def _nonneg(r) -> bool:
    if r.is_nonnegative is True:
        return True
    num, den = sympy.fraction(r)
    return (num.is_nonnegative is True and den.is_positive is True) or (
        num.is_nonpositive is True and den.is_negative is True)


def _pos(r) -> bool:
    if r.is_positive is True:
        return True
    num, den = sympy.fraction(r)
    return (num.is_positive is True and den.is_positive is True) or (
        num.is_negative is True and den.is_negative is True)


SIGN_STRATEGIES = (
    ("assumptions", lambda e: e),
    ("cancel", _together_cancel),
    ("factor", lambda e: sympy.factor(_together_cancel(e))),
    ("simplify", sympy.simplify),
)


def prove_sign(e, strict: bool, timeout: float = 10.0):
    """Prove ``e > 0`` (strict) or ``e >= 0`` from the symbols' assumptions; (name|None, attempts)."""
    test = _pos if strict else _nonneg
    attempts: list = []
    for name, f in SIGN_STRATEGIES:
        if _attempt(name, lambda: test(f(e)), timeout, attempts):
            return name, attempts
    return None, attempts
