"""Evaluating a claim's formulas on one instance with a backend (sympy, mpmath, Arb, numpy)."""
from __future__ import annotations

import inspect
from functools import lru_cache

import mpmath
import numpy as np
import sympy

from derivations.domains import SPD, Index, Int, Real, Vector

from .backends import SYMPY


def to_backend(o, claim, values: dict) -> dict:
    """Instance values (floats, lists, nested lists) -> the backend's numbers and matrices."""
    out = {}
    for v in claim.variables:
        x = values[v.name]
        d = v.domain
        if isinstance(d, (Int, Index)):
            out[v.name] = int(x)
        elif isinstance(d, Real):
            out[v.name] = o.num(x)
        elif isinstance(d, Vector):
            out[v.name] = [o.num(t) for t in x]
        elif isinstance(d, SPD):
            out[v.name] = o.matrix([[o.num(t) for t in row] for row in x])
    return out


def to_numpy(claim, values: dict) -> dict:
    out = {}
    for v in claim.variables:
        x = values[v.name]
        d = v.domain
        out[v.name] = int(x) if isinstance(d, (Int, Index)) else (
            float(x) if isinstance(d, Real) else np.array(x, dtype=float))
    return out


def symbols_for(claim, dims: dict) -> dict:
    """sympy symbols for the claim's variables, with assumptions from their domains."""
    out = dict(dims)
    for v in claim.variables:
        d = v.domain
        if isinstance(d, (Int, Index)):
            continue
        if isinstance(d, Real):
            out[v.name] = _sym(v.name, d)
        elif isinstance(d, Vector):
            n = d.dim if isinstance(d.dim, int) else out[d.dim]
            out[v.name] = [_sym(f"{v.name}_{j}", d.elem) for j in range(n)]
        elif isinstance(d, SPD):
            n = d.dim if isinstance(d.dim, int) else out[d.dim]
            S = sympy.zeros(n, n)
            for j in range(n):
                for k in range(j, n):
                    s = sympy.Symbol(f"{v.name}_{j}{k}", real=True, positive=(j == k) or None)
                    S[j, k] = S[k, j] = s
            out[v.name] = S
    return out


def _sym(name, d: Real):
    kw = {"real": True}
    if d.positive:
        kw["positive"] = True
    elif d.nonnegative:
        kw["nonnegative"] = True
    return sympy.Symbol(name, **kw)


def flatten(x) -> list:
    """Scalars, lists and matrices of any backend -> a flat list of scalars."""
    if isinstance(x, (list, tuple)):
        return [t for e in x for t in flatten(e)]
    if isinstance(x, np.ndarray):
        return list(x.ravel())
    if isinstance(x, mpmath.matrix):
        return [x[i, j] for i in range(x.rows) for j in range(x.cols)]
    if isinstance(x, sympy.MatrixBase):
        return list(x)
    if hasattr(x, "nrows") and hasattr(x, "ncols"):  # flint arb_mat
        return [x[i, j] for i in range(x.nrows()) for j in range(x.ncols())]
    return [x]


def call(formula, o, values: dict):
    """Evaluate a formula (sympy expression or callable f(o, **values)) with backend ``o``."""
    if isinstance(formula, sympy.Basic):
        if o is SYMPY:
            return formula
        return tree(formula, o, values)
    if isinstance(formula, (int, float)):
        return o.num(formula)
    if isinstance(formula, (list, tuple)):  # a vector of formulas
        return [call(f, o, values) for f in formula]
    wanted = _parameters(formula)
    if wanted is not None:
        values = {k: v for k, v in values.items() if k in wanted}
    return formula(o, **values)


def call_numpy(f, args: dict):
    """Call a numpy implementation with the instance arguments it accepts."""
    wanted = _parameters(f)
    return f(**(args if wanted is None else {k: v for k, v in args.items() if k in wanted}))


@lru_cache(maxsize=None)
def _parameters(f):
    """The keyword names ``f`` accepts, or None if it takes ``**kwargs``."""
    params = inspect.signature(f).parameters.values()
    if any(p.kind is p.VAR_KEYWORD for p in params):
        return None
    return frozenset(p.name for p in params)


def tree(e, o, values):
    """Evaluate a sympy expression tree with backend ``o`` (exact constants, backend functions)."""
    if e.is_Symbol:
        return _lookup(values, e.name)
    if e.is_Integer:
        return o.num(int(e))
    if e.is_Rational:
        return o.num(int(e.p)) / o.num(int(e.q))
    if e.is_Float:
        return o.num(mpmath.mpf(e._mpf_)) if o.name == "mpmath" else o.num(float(e))
    if e is sympy.pi:
        return o.pi
    if e is sympy.E:
        return o.exp(o.num(1))
    args = [tree(a, o, values) for a in e.args]
    if e.is_Add:
        r = args[0]
        for a in args[1:]:
            r = r + a
        return r
    if e.is_Mul:
        r = args[0]
        for a in args[1:]:
            r = r * a
        return r
    if e.is_Pow:
        base, ex = args
        k = e.args[1]
        if k.is_Integer:
            k = int(k)
            return base ** k if k >= 0 else o.num(1) / base ** (-k)
        if k == sympy.Rational(1, 2):
            return o.sqrt(base)
        if k == -sympy.Rational(1, 2):
            return o.num(1) / o.sqrt(base)
        return o.exp(ex * o.log(base))
    name = type(e).__name__
    method = {"Abs": "abs", "Max": "max", "Min": "min"}.get(name, name)
    if method in _FUNCTIONS:
        return getattr(o, method)(*args)
    raise NotImplementedError(f"cannot evaluate sympy node {name} with backend {o.name}")


_FUNCTIONS = ("exp", "log", "erf", "erfc", "abs", "sin", "cos", "tan", "atan", "gamma", "max", "min")


def _lookup(values, name):
    if name in values:
        return values[name]
    base, _, idx = name.rpartition("_")  # flattened vector entry q_0, or matrix entry Sigma_01
    if base in values:
        x = values[base]
        if isinstance(x, list):
            return x[int(idx)]
        return x[int(idx[0]), int(idx[1])]
    raise KeyError(f"formula symbol {name!r} is not a claim variable")
