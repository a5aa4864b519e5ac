"""Domains of claim variables.

A domain is data: it states where a variable lives (an interval, a vector of such, a symmetric
positive definite matrix, an index).  The engine turns domains into hypothesis strategies and
into sympy symbols; :func:`validate` turns them into clear errors on bad input.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Union

from .errors import DomainError

Dim = Union[int, str]  # a fixed size, or the name of an ``Int`` variable


@dataclass(frozen=True)
class Real:
    """A real number in an interval; ``None`` bounds are infinite.

    ``sample`` gives the finite range instances are drawn from when a bound is infinite;
    ``log`` draws log-uniformly (bounds must then be positive).
    """

    lo: float | None = None
    hi: float | None = None
    lo_open: bool = False
    hi_open: bool = False
    sample: tuple[float, float] | None = None
    log: bool = False

    def contains(self, x) -> bool:
        if x != x:  # NaN
            return False
        if self.lo is not None and (x < self.lo or (self.lo_open and x == self.lo)):
            return False
        if self.hi is not None and (x > self.hi or (self.hi_open and x == self.hi)):
            return False
        return True

    def describe(self) -> str:
        lo = "-inf" if self.lo is None else repr(self.lo)
        hi = "inf" if self.hi is None else repr(self.hi)
        left = "(" if (self.lo is None or self.lo_open) else "["
        right = ")" if (self.hi is None or self.hi_open) else "]"
        return f"{left}{lo}, {hi}{right}"

    @property
    def positive(self) -> bool:
        return self.lo is not None and (self.lo > 0 or (self.lo == 0 and self.lo_open))

    @property
    def nonnegative(self) -> bool:
        return self.lo is not None and self.lo >= 0


@dataclass(frozen=True)
class Int:
    """An integer in [lo, hi] (a dimension such as the number of agents)."""

    lo: int
    hi: int

    def contains(self, x) -> bool:
        return isinstance(x, int) and self.lo <= x <= self.hi

    def describe(self) -> str:
        return f"{{{self.lo}, ..., {self.hi}}}"


@dataclass(frozen=True)
class Index:
    """An index 0 <= i < dim (the paper's i in [n], shifted to 0-based)."""

    dim: Dim

    def describe(self) -> str:
        return f"index in [0, {self.dim})"


@dataclass(frozen=True)
class Vector:
    """A vector of ``dim`` entries, each in ``elem``."""

    dim: Dim
    elem: Real

    def describe(self) -> str:
        return f"vector of length {self.dim} with entries in {self.elem.describe()}"


@dataclass(frozen=True)
class SPD:
    """A symmetric positive definite ``dim`` x ``dim`` matrix.

    Instances are drawn with diagonal scales in ``scale`` (log-uniform) and condition number
    at most about ``cond_max``.
    """

    dim: Dim
    scale: tuple[float, float] = (0.25, 4.0)
    cond_max: float = 1e3

    def describe(self) -> str:
        return f"symmetric positive definite {self.dim}x{self.dim} matrix"


Domain = Union[Real, Int, Index, Vector, SPD]


def resolve_dim(dim: Dim, values: dict) -> int:
    return dim if isinstance(dim, int) else int(values[dim])


def validate(name: str, domain: Domain, value, values: dict | None = None) -> None:
    """Raise :class:`DomainError` naming the condition if ``value`` is not in ``domain``.

    Works on Python/numpy numbers and arrays; ``values`` supplies dimensions by name.
    """
    import numpy as np

    values = values or {}
    if isinstance(domain, Real):
        try:
            x = float(value)
        except (TypeError, ValueError):
            raise DomainError(f"{name} must be a real number, got {value!r}") from None
        if not math.isfinite(x) and not (domain.hi is None and x == math.inf):
            raise DomainError(f"{name} must be finite (got {x})")
        if not domain.contains(x):
            raise DomainError(f"{name} must lie in {domain.describe()} (got {x})")
    elif isinstance(domain, Int):
        if not domain.contains(value):
            raise DomainError(f"{name} must be an integer in {domain.describe()} (got {value!r})")
    elif isinstance(domain, Index):
        n = resolve_dim(domain.dim, values)
        if not (isinstance(value, (int, np.integer)) and 0 <= value < n):
            raise DomainError(f"{name} must be an index in [0, {n}) (got {value!r})")
    elif isinstance(domain, Vector):
        a = np.asarray(value, dtype=float)
        n = resolve_dim(domain.dim, values) if (isinstance(domain.dim, int) or domain.dim in values) else a.shape[0]
        if a.shape != (n,):
            raise DomainError(f"{name} must have shape ({n},), got {a.shape}")
        if np.isnan(a).any():
            raise DomainError(f"{name} must not contain NaN")
        bad = [float(x) for x in a if not domain.elem.contains(float(x))]
        if bad:
            raise DomainError(f"every entry of {name} must lie in {domain.elem.describe()} (got {bad[0]})")
    elif isinstance(domain, SPD):
        check_spd(name, value)
    else:  # pragma: no cover - a new domain type must be handled here
        raise TypeError(f"unknown domain {domain!r}")


def check_spd(name: str, value):
    """Return ``value`` as a float array after checking it is a symmetric positive definite matrix."""
    import numpy as np

    a = np.asarray(value, dtype=float)
    if a.ndim != 2 or a.shape[0] != a.shape[1] or a.shape[0] == 0:
        raise DomainError(f"{name} must be a non-empty square matrix, got shape {a.shape}")
    if not np.isfinite(a).all():
        raise DomainError(f"{name} must have finite entries (NaN or inf found)")
    asym = float(np.max(np.abs(a - a.T)))
    if asym > 16 * np.finfo(float).eps * float(np.max(np.abs(a))):
        raise DomainError(f"{name} must be symmetric (max |{name} - {name}^T| = {asym:.3g})")
    a = (a + a.T) / 2  # exact when symmetric; removes rounding-level asymmetry otherwise
    try:
        np.linalg.cholesky(a)
    except np.linalg.LinAlgError:
        lam = float(np.linalg.eigvalsh(a)[0])
        raise DomainError(f"{name} must be positive definite (smallest eigenvalue {lam:.3g})") from None
    return a
