"""Small helpers shared by the worker and the parent (kept free of heavy imports)."""
from __future__ import annotations

import inspect


def parameters(f):
    """The keyword names ``f`` accepts, or None if it takes ``**kwargs``."""
    params = inspect.signature(f).parameters.values()
    if any(p.kind is p.VAR_KEYWORD for p in params):
        return None
    return frozenset(p.name for p in params)


def select(f, values: dict, wanted="auto"):
    wanted = parameters(f) if wanted == "auto" else wanted
    return values if wanted is None else {k: v for k, v in values.items() if k in wanted}
