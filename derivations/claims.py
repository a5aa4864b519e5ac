"""The claim record: one checkable statement of a paper, as data (Fungrim-style entries)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from .domains import Domain
from .statements import Statement

PAPERS = ("admm", "kgj", "cczk", "cck")

KINDS = (
    "definition", "identity", "inequality", "asymptotic", "monotonicity", "existence",
    "algorithm", "equilibrium", "optimality", "numeric-result", "structural",
)


@dataclass(frozen=True)
class Var:
    """A variable of a claim: its name in the formulas, its domain, and what it means."""

    name: str
    domain: Domain
    meaning: str = ""


@dataclass(frozen=True)
class Given:
    """A side condition between variables (``test(o, **values) -> bool``), stated in words.

    Instances are drawn inside it; the words become the error message when it fails.
    """

    text: str
    test: Callable[..., Any]


@dataclass(frozen=True)
class Symbolic:
    """How to attempt a symbolic proof.

    ``dims`` fixes the ``Int`` variables (e.g. ``{"n": (2,)}``): a proof at fixed dimensions is
    recorded as evidence, not as a proof of the general statement, unless the claim has no
    dimension variables at all.  ``timeout`` bounds each simplification strategy (seconds).
    """

    dims: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    timeout: float = 10.0


@dataclass(frozen=True)
class Effort:
    """A claim whose instances are expensive (quadrature, root finding at 120 digits) scales the
    profile's number of hypothesis examples by ``examples`` (at least 3 are always drawn) and may
    use a shorter precision ladder; the record states the effort used."""

    examples: float = 1.0
    ladder: tuple[int, ...] | None = None


@dataclass(frozen=True)
class Implementation:
    """A fast numpy implementation cross-checked against an mpmath reference formula.

    ``function(**values)`` receives floats / numpy arrays and returns a float or an array;
    ``reference(o, **values)`` is a formula returning the same quantity (scalar or list).
    ``max_bits``: the largest accepted error in bits, log2(1 + ulps), over the claim's domain.
    ``scale``: a formula for the magnitude the error is measured against (ulps of |scale| instead
    of ulps of the result), for quantities that cross zero by cancellation of larger terms.
    ``name`` names the implementation in reports (default: the function's qualified name).
    """

    function: Callable[..., Any]
    reference: Callable[..., Any]
    max_bits: float = 4.0
    scale: Callable[..., Any] | None = None
    name: str = ""

    def __post_init__(self):
        if not self.name:
            object.__setattr__(self, "name", f"{self.function.__module__}.{self.function.__qualname__}")


@dataclass(frozen=True)
class Erratum:
    """The printed statement is false: the corrected statement, and why."""

    corrected: Statement
    corrected_latex: str
    explanation: str
    # where to look for the counterexample: narrower domains (same names) and extra side conditions
    # inside the claim's own domain; the corrected statement is still checked on the whole domain
    region: tuple[Var, ...] = ()
    region_given: tuple[Given, ...] = ()


@dataclass(frozen=True)
class Claim:
    """One statement of a paper.

    ``label`` is the paper's own label exactly as in ``shared/claims/<paper>.md``; ``latex`` the
    statement as printed; ``statement`` its transcription.  ``erratum`` is set when the printed
    statement is false (the engine must then *refute* ``statement`` and *verify* the correction).
    ``skip`` gives the reason a statement cannot be checked mechanically (never silent).
    """

    id: str
    label: str
    section: str
    kind: str
    latex: str
    statement: Statement | None
    variables: tuple[Var, ...] = ()
    given: tuple[Given, ...] = ()
    symbolic: Symbolic | None = Symbolic()
    implementations: tuple[Implementation, ...] = ()
    erratum: Erratum | None = None
    skip: str | None = None
    notes: str = ""
    effort: Effort | None = None

    @property
    def paper(self) -> str:
        return self.id.split(".", 1)[0]

    def __post_init__(self):
        paper = self.id.split(".", 1)[0]
        if paper not in PAPERS + ("test",) or "." not in self.id:
            raise ValueError(f"claim id must be '<paper>.<slug>' with paper in {PAPERS}: {self.id!r}")
        if self.kind not in KINDS:
            raise ValueError(f"{self.id}: kind must be one of {KINDS}, got {self.kind!r}")
        if self.statement is None and self.skip is None:
            raise ValueError(f"{self.id}: a claim without a statement needs a skip reason")
        names = [v.name for v in self.variables]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.id}: duplicate variable names {names}")

    def var(self, name: str) -> Var:
        for v in self.variables:
            if v.name == name:
                return v
        raise KeyError(f"{self.id}: no variable {name!r}")
