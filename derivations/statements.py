"""Statement forms: what a claim asserts, as data.

A *formula* is either a sympy expression in the claim's scalar variables, or a callable
``f(o, **values)`` written against an arithmetic backend ``o`` (sympy, mpmath or Arb balls; see
``verify.backends``), so that one transcription serves symbolic proof, high-precision evaluation
and rigorous enclosure alike.  Vectors are Python lists, matrices the backend's matrix type.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Union

Formula = Union[Any, Callable[..., Any]]  # sympy.Expr or f(o, **values)

RELATIONS = ("<", "<=", ">", ">=")


@dataclass(frozen=True)
class Equal:
    """``lhs == rhs`` on the whole domain (scalars, lists or matrices, entrywise)."""

    lhs: Formula
    rhs: Formula


@dataclass(frozen=True)
class Compare:
    """``lhs <op> rhs`` on the whole domain, ``op`` one of ``<, <=, >, >=``."""

    lhs: Formula
    op: str
    rhs: Formula

    def __post_init__(self):
        if self.op not in RELATIONS:
            raise ValueError(f"op must be one of {RELATIONS}, got {self.op!r}")


@dataclass(frozen=True)
class Monotone:
    """``f`` is monotone in the variable ``var`` (entry ``values[index]`` of a vector if given).

    ``direction``: ``increasing``, ``nondecreasing``, ``decreasing`` or ``nonincreasing``.
    """

    f: Formula
    var: str
    direction: str = "nondecreasing"
    index: str | None = None

    def __post_init__(self):
        if self.direction not in ("increasing", "nondecreasing", "decreasing", "nonincreasing"):
            raise ValueError(f"unknown direction {self.direction!r}")


@dataclass(frozen=True)
class Asymptotic:
    """``remainder = O(var**order)`` as ``var -> 0+`` (all other variables fixed).

    With ``leading`` (a formula in the other variables), also ``remainder / var**order -> leading``:
    the leading coefficient, checked symbolically (sympy limit) and numerically.
    """

    remainder: Formula
    var: str
    order: int
    leading: Formula | None = None


@dataclass(frozen=True)
class Defines:
    """A definition as printed (``formula``): checked for being well defined (finite, stable on the
    precision ladder) on its domain, and against every implementation the claim carries."""

    formula: Formula


@dataclass(frozen=True)
class AllOf:
    """The conjunction of other claims, named by id (e.g. a lemma made of several parts)."""

    ids: tuple[str, ...]


Statement = Union[Equal, Compare, Monotone, Asymptotic, Defines, AllOf]
