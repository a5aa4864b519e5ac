"""Rigorous enclosures with python-flint Arb balls: a ball that straddles zero is undecided."""
from __future__ import annotations

import flint

from .backends import Arb


def sign_certified(ball, op: str) -> bool | None:
    """True if ``ball <op> 0`` holds for every point of the ball, False if it fails for every
    point, None if undecided (the ball contains points on both sides, or is not finite)."""
    if not ball.is_finite():
        return None
    lo, hi = ball.lower(), ball.upper()
    if op == ">":
        return True if lo > 0 else (False if hi <= 0 else None)
    if op == ">=":
        return True if lo >= 0 else (False if hi < 0 else None)
    if op == "<":
        return True if hi < 0 else (False if lo >= 0 else None)
    if op == "<=":
        return True if hi <= 0 else (False if lo > 0 else None)
    raise ValueError(op)


def certify_box(f, box: dict, op: str, prec: int = 128, max_boxes: int = 4000):
    """Certify ``f(o, **point) <op> 0`` on a whole box {name: (lo, hi)} by bisection on Arb balls.

    Returns ("certified", n_boxes), ("refuted", point) or ("undecided", n_boxes).
    """
    o = Arb(prec)
    queue = [dict(box)]
    done = 0
    with o:
        while queue:
            if done >= max_boxes:
                return "undecided", done
            b = queue.pop()
            done += 1
            point = {k: flint.arb((flint.arb(lo) + flint.arb(hi)) / 2, (flint.arb(hi) - flint.arb(lo)) / 2)
                     for k, (lo, hi) in b.items()}
            try:
                verdict = sign_certified(f(o, **point), op)
            except (ZeroDivisionError, ValueError):
                verdict = None
            if verdict is True:
                continue
            if verdict is False:
                return "refuted", {k: (lo + hi) / 2 for k, (lo, hi) in b.items()}
            name = max(b, key=lambda k: b[k][1] - b[k][0])
            lo, hi = b[name]
            mid = (lo + hi) / 2
            if not (lo < mid < hi):
                return "undecided", done
            queue.append({**b, name: (lo, mid)})
            queue.append({**b, name: (mid, hi)})
    return "certified", done
