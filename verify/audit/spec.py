"""Loading an audit spec file: ``reference``, ``implementation``, ``domain`` and ``constraints``.

A spec is a Python file (or module object) defining

- ``reference``: a sympy expression, a callable ``f(o, **vars)`` written against the backend ``o``
  (evaluated with :class:`verify.backends.Mp`), or the string id of a registered claim (its first
  Implementation's reference formula is used, and its ``scale`` if it has one);
- ``implementation``: the Python callable under audit, taking the variables by name;
- ``domain``: ``{name: (low, high)}`` or ``{name: (low, high, "log")}``;
- optionally ``constraints``: a list of callables on (some of) the variables returning bool;
- optionally ``scale``: a formula whose magnitude the error is measured against (see
  :class:`derivations.claims.Implementation`), ``max_bits`` (default for ``--max-bits``), ``name``.
"""
from __future__ import annotations

import importlib.util
import inspect
import math
import sys
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable


class SpecError(ValueError):
    """The spec file is malformed (missing name, bad domain, unknown claim id)."""


@dataclass(frozen=True)
class Dim:
    """One variable's sampling range: uniform on [lo, hi], or log-uniform in |x| when ``log``."""

    name: str
    lo: float
    hi: float
    log: bool = False

    def __post_init__(self):
        if not (math.isfinite(self.lo) and math.isfinite(self.hi)) or not self.lo <= self.hi:
            raise SpecError(f"domain of {self.name!r}: need finite low <= high, got ({self.lo}, {self.hi})")
        if self.log and not (self.lo > 0 or self.hi < 0):
            raise SpecError(f"domain of {self.name!r}: a 'log' range must not contain 0, got "
                            f"({self.lo}, {self.hi})")

    @property
    def sign(self) -> float:
        return -1.0 if self.hi < 0 else 1.0

    def from_unit(self, u):
        """Map u in [0, 1] (scalar or array) into the range."""
        import numpy as np

        u = np.asarray(u, dtype=float)
        if self.log:
            a, b = sorted((math.log(abs(self.lo)), math.log(abs(self.hi))))
            x = self.sign * np.exp(a + u * (b - a))
        else:
            x = self.lo + u * (self.hi - self.lo)
        return np.clip(x, self.lo, self.hi)

    def describe(self) -> str:
        return f"[{self.lo:g}, {self.hi:g}]" + (" log-uniform" if self.log else " uniform")


@dataclass
class Spec:
    path: str | None
    name: str
    reference: Any
    reference_kind: str  # "sympy" | "callable" | "claim"
    reference_text: str
    implementation: Callable[..., Any]
    dims: tuple[Dim, ...]
    constraints: tuple[Callable[..., Any], ...] = ()
    scale: Any = None
    max_bits: float | None = None
    extra: dict = field(default_factory=dict)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(d.name for d in self.dims)


def load_module(path: str | Path, name: str | None = None) -> types.ModuleType:
    """Import a spec file by path (its directory is put on sys.path for its own imports)."""
    path = Path(path).resolve()
    if not path.is_file():
        raise SpecError(f"no spec file {path}")
    d = str(path.parent)
    if d not in sys.path:
        sys.path.insert(0, d)
    modname = name or f"_audit_spec_{abs(hash(str(path)))}"
    spec = importlib.util.spec_from_file_location(modname, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[modname] = module
    spec.loader.exec_module(module)
    return module


def load(path_or_module) -> Spec:
    module = path_or_module if isinstance(path_or_module, types.ModuleType) else load_module(path_or_module)
    path = getattr(module, "__file__", None)
    for needed in ("reference", "implementation"):
        if not hasattr(module, needed):
            raise SpecError(f"spec {path}: missing `{needed}`")
    impl = module.implementation
    if not callable(impl):
        raise SpecError(f"spec {path}: `implementation` must be callable")
    ref, kind, text, scale = _reference(module.reference)
    claim = _claim(module.reference) if kind == "claim" else None
    if hasattr(module, "domain"):
        dims = tuple(_dim(k, v) for k, v in dict(module.domain).items())
    elif claim is not None:
        dims = _claim_dims(claim)
    else:
        raise SpecError(f"spec {path}: missing `domain`")
    if not dims:
        raise SpecError(f"spec {path}: empty domain")
    names = {d.name for d in dims}
    if kind == "sympy":
        extra = sorted(str(s) for s in ref.free_symbols if str(s) not in names)
        if extra:
            raise SpecError(f"spec {path}: reference symbols {extra} are not in the domain {sorted(names)}")
    scale = getattr(module, "scale", None) or scale
    cons = tuple(getattr(module, "constraints", ()) or ())
    if claim is not None:
        cons += tuple(_given(g) for g in claim.given)
    for c in cons:
        if not callable(c):
            raise SpecError(f"spec {path}: constraints must be callables")
    name = getattr(module, "name", None) or (Path(path).stem if path else module.__name__)
    mb = getattr(module, "max_bits", None)
    return Spec(path, name, ref, kind, text, impl, dims, cons, scale, mb)


def _dim(name, v) -> Dim:
    if not isinstance(v, (tuple, list)) or len(v) not in (2, 3):
        raise SpecError(f"domain of {name!r} must be (low, high) or (low, high, 'log'), got {v!r}")
    log = False
    if len(v) == 3:
        if v[2] not in ("log", "linear", "uniform"):
            raise SpecError(f"domain of {name!r}: third entry must be 'log', got {v[2]!r}")
        log = v[2] == "log"
    return Dim(str(name), float(v[0]), float(v[1]), log)


def _claim(claim_id: str):
    from derivations.registry import by_id

    try:
        return by_id(claim_id)
    except KeyError as exc:
        raise SpecError(str(exc)) from None


def _claim_dims(claim) -> tuple[Dim, ...]:
    """Default domain of a claim-id spec: the claim's Real variables over their sampled ranges."""
    from derivations.domains import Real

    out = []
    for v in claim.variables:
        d = v.domain
        if not isinstance(d, Real):
            raise SpecError(f"claim {claim.id}: variable {v.name!r} is not a scalar Real; give `domain`")
        lo, hi = d.sample if d.sample else (d.lo, d.hi)
        if d.log and lo == 0:
            raise SpecError(f"claim {claim.id}: log range of {v.name!r} starts at 0; give `domain`")
        out.append(Dim(v.name, float(lo), float(hi), bool(d.log)))
    return tuple(out)


def _given(g):
    """A claim's side condition ``test(o, **values)`` as a constraint on float inputs (30 digits)."""
    def constraint(**values):
        import mpmath

        from ..backends import Mp

        with mpmath.workdps(30):
            o = Mp(mpmath.mp)
            return bool(g.test(o, **{k: o.num(v) for k, v in values.items()}))

    constraint.__doc__ = g.text
    return constraint


def _reference(ref):
    import sympy

    if isinstance(ref, str):
        claim = _claim(ref)
        if not claim.implementations:
            raise SpecError(f"claim {ref!r} has no Implementation with a reference formula")
        impl = claim.implementations[0]
        return impl.reference, "claim", f"{ref}: reference of {impl.name}", impl.scale
    if isinstance(ref, sympy.Basic):
        return ref, "sympy", str(ref), None
    if callable(ref):
        try:
            src = inspect.getsource(ref).strip()
        except (OSError, TypeError):
            src = getattr(ref, "__qualname__", repr(ref))
        return ref, "callable", src if len(src) < 300 else src[:297] + "...", None
    raise SpecError(f"reference must be a sympy expression, a callable f(o, **vars) or a claim id, "
                    f"got {type(ref).__name__}")
