"""Mutants of a claim's statement, to show that every check can fail (flipped sign, changed
constant, shifted term, flipped relation, reversed monotonicity, lowered order, perturbed
reference).  A mutant that the engine does not reject is a defect of the check."""
from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from derivations.statements import AllOf, Asymptotic, Compare, Defines, Equal, Monotone

from .evaluate import call

FLIP = {"<": ">=", "<=": ">", ">": "<=", ">=": "<"}
REVERSE = {"increasing": "decreasing", "nondecreasing": "decreasing",
           "decreasing": "increasing", "nonincreasing": "increasing"}


def _map(x, f):
    if isinstance(x, list):
        return [f(t) for t in x]
    return f(x)


def scaled(formula, c: Fraction):
    def g(o, **v):
        k = o.num(c)
        return _map(call(formula, o, v), lambda t: t * k)
    return g


def negated(formula):
    def g(o, **v):
        return _map(call(formula, o, v), lambda t: -t)
    return g


def shifted(formula, c: Fraction):
    def g(o, **v):
        k = o.num(c)
        x = call(formula, o, v)
        if hasattr(x, "shape") or hasattr(x, "rows") or hasattr(x, "nrows"):
            return x + k * _ones_like(o, x)
        return _map(x, lambda t: t + k)
    return g


def _ones_like(o, m):
    rows, cols = (m.shape if hasattr(m, "shape") else (m.rows, m.cols) if hasattr(m, "rows") else (m.nrows(), m.ncols()))
    return o.matrix([[1] * cols for _ in range(rows)])


def plus_power(formula, var: str, power: int):
    def g(o, **v):
        return _map(call(formula, o, v), lambda t: t + v[var] ** power)
    return g


def _is_literal_zero(x) -> bool:
    return isinstance(x, (int, float)) and x == 0


def statement_mutants(stmt):
    """(name, mutated statement) pairs that a sound check must reject."""
    if isinstance(stmt, Equal):
        out = [("shifted rhs (+1/1000)", Equal(stmt.lhs, shifted(stmt.rhs, Fraction(1, 1000))))]
        if not _is_literal_zero(stmt.rhs):
            out += [("scaled rhs (x1.001)", Equal(stmt.lhs, scaled(stmt.rhs, Fraction(1001, 1000)))),
                    ("negated rhs", Equal(stmt.lhs, negated(stmt.rhs)))]
        return out
    if isinstance(stmt, Compare):
        return [("flipped relation", Compare(stmt.lhs, FLIP[stmt.op], stmt.rhs))]
    if isinstance(stmt, Monotone):
        return [("reversed monotonicity", replace(stmt, direction=REVERSE[stmt.direction]))]
    if isinstance(stmt, Asymptotic):
        out = [("added lower-order term", replace(stmt, remainder=plus_power(stmt.remainder, stmt.var, stmt.order - 1)))]
        if stmt.leading is not None:
            out.append(("scaled leading coefficient", replace(stmt, leading=scaled(stmt.leading, Fraction(1001, 1000)))))
        return out
    return []


def claim_mutants(claim):
    """Mutated claims (ids suffixed ``~name``) for every check the claim carries."""
    if claim.skip is not None or isinstance(claim.statement, AllOf):
        return []
    stmt = claim.erratum.corrected if claim.erratum else claim.statement
    base = replace(claim, erratum=None, statement=stmt)
    out = [(name, replace(base, id=f"{claim.id}~{name}", statement=m)) for name, m in statement_mutants(stmt)]
    for k, impl in enumerate(claim.implementations):
        bad = replace(impl, reference=scaled(impl.reference, Fraction(1001, 1000)))
        impls = tuple(bad if j == k else x for j, x in enumerate(claim.implementations))
        name = f"perturbed reference of {impl.name}"
        out.append((name, replace(base, id=f"{claim.id}~{name}", implementations=impls)))
    return out
