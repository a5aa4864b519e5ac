"""Audit every registered numpy implementation (``Implementation`` on a claim) over its claim's domain.

Two routes, one error measure (``measure.measure``: bits = log2(1 + ulps), ulps of |ref| or of
|scale|, worst component; the convention of the engine's ``_crosscheck``):

- claims whose variables are all scalar ``Real``: the audit machinery itself (``core.Auditor``):
  space-filling sweep + per-variable grids, a hypothesis ``target()`` hunt for the worst error,
  and local refinement around the worst inputs; the reference settled on the 30/60-digit ladder
  (escalated when the rungs disagree).  Open bounds are nudged one ulp inside; unbounded ones use
  the domain's ``sample`` range; ``Given`` side conditions become constraints.
- claims with ``Int`` / ``Index`` / ``Vector`` / ``SPD`` variables (or none): instances drawn with
  the engine's strategy ``verify.strategies.instance`` inside the ``Given`` conditions, hypothesis
  ``target(bits)`` steering towards the worst error; the reference is settled on the same ladder
  with backend values (vectors, matrices).

The implementation runs in-process (registered kernels are tested code; the subprocess runner of
``python -m verify.audit`` guards against hangs in untrusted code and costs a start-up per spec).
Each kernel gets a time budget; its sample size is set from the measured cost of one instance.
"""
from __future__ import annotations

import math
import statistics
import time
from dataclasses import dataclass

import mpmath
import numpy as np

from . import reference as refmod
from . import sampling
from .core import LEAKS, Auditor, _hunt, _local, summarize
from .measure import measure
from .runner import Answer, _call_one
from .spec import Dim, Spec, _given

BOUND = 2.0  # bits: the audit target for every kernel (issue 7)


# ----------------------------------------------------------------------------- enumeration

@dataclass(frozen=True)
class Kernel:
    claim: object
    index: int  # position in claim.implementations
    impl: object

    @property
    def key(self) -> str:
        return f"{self.claim.id}#{self.index}"


def kernels(papers=None) -> list[Kernel]:
    """Every (claim, implementation) pair of the registry, in paper order."""
    from derivations.registry import all_claims

    claims = all_claims() if papers is None else all_claims(tuple(papers))
    return [Kernel(c, k, im) for c in claims for k, im in enumerate(c.implementations)]


def scalar_dims(claim) -> tuple[Dim, ...] | None:
    """The sampling box of a claim whose variables are all scalar Real (None otherwise)."""
    from derivations.domains import Real

    out = []
    for v in claim.variables:
        d = v.domain
        if not isinstance(d, Real):
            return None
        lo, hi = d.sample if d.sample else (d.lo, d.hi)
        lo, hi = float(lo), float(hi)
        if d.lo_open and d.lo is not None and lo <= d.lo:
            lo = float(np.nextafter(float(d.lo), math.inf))
        if d.hi_open and d.hi is not None and hi >= d.hi:
            hi = float(np.nextafter(float(d.hi), -math.inf))
        log = bool(d.log) and lo > 0
        out.append(Dim(v.name, lo, hi, log))
    return tuple(out) if out else None


def describe_domain(claim) -> str:
    parts = []
    for v in claim.variables:
        d = v.domain
        s = d.describe()
        if getattr(d, "sample", None):
            s += f" sampled {list(d.sample)}"
        if getattr(d, "log", False):
            s += " log"
        parts.append(f"{v.name} {s}")
    if claim.given:
        parts.append("given: " + "; ".join(g.text for g in claim.given))
    return ", ".join(parts) if parts else "(no variables: one fixed instance)"


# ----------------------------------------------------------------------------- scalar route

class InProcess:
    """The ``Runner`` interface (``run``, ``exhausted``, ``log``) calling the function directly."""

    def __init__(self, function, deadline: float | None = None):
        from .evaluate_helpers import parameters

        self.function = function
        self.wanted = parameters(function)
        self.log: list[str] = []
        self.deadline = deadline  # time.perf_counter() after which nothing more is run
        self.exhausted = False

    def run(self, points: list[dict]) -> list[Answer]:
        out = []
        for p in points:
            if self.deadline is not None and time.perf_counter() > self.deadline:
                self.exhausted = True  # stops the hunt and the local phase too
            if self.exhausted:
                out.append(Answer("not-run", message="kernel time budget spent"))
                continue
            status, vals, text, warned = _call_one(self.function, self.wanted, p)
            out.append(Answer(status, vals, text, warned))
        return out


def _spec(kernel: Kernel, dims) -> Spec:
    c, im = kernel.claim, kernel.impl
    cons = tuple(_given(g) for g in c.given)
    return Spec(None, im.name, im.reference, "claim", f"{c.id}: reference of {im.name}", im.function,
                dims, cons, im.scale, im.max_bits)


def _cost_scalar(spec: Spec, rng) -> float:
    rows, _ = sampling.sweep(spec.dims, 3, rng, spec.constraints)
    rows = rows[:3] or [{d.name: float(d.from_unit(0.5)) for d in spec.dims}]
    t = time.perf_counter()
    a = Auditor(spec, InProcess(spec.implementation))
    a.evaluate(rows)
    return (time.perf_counter() - t) / len(rows)


def audit_scalar(kernel: Kernel, dims, budget: float, seed: int, max_samples: int) -> dict:
    spec = _spec(kernel, dims)
    rng = np.random.default_rng(seed)
    cost = max(_cost_scalar(spec, rng), 1e-4)
    samples = int(max(20, min(max_samples, budget / cost)))
    n_hunt, n_local = int(round(samples * 0.2)), int(round(samples * 0.1))
    n_sweep = max(1, samples - n_hunt - n_local)
    # hard stop at 3x the budget (the cost of a kernel can vary a lot over its domain)
    a = Auditor(spec, InProcess(spec.implementation, deadline=time.perf_counter() + 3 * budget))
    rows, rejected = sampling.sweep(spec.dims, n_sweep, rng, spec.constraints)
    for j in range(0, len(rows), 8):  # in chunks: the reference's cost counts against the deadline too
        a.evaluate(rows[j:j + 8])
    if n_hunt:
        _hunt(a, n_hunt, seed)
    if n_local:
        _local(a, n_local, rng)
    r = summarize(a, BOUND, rejected)
    worst = r["worst"][0]["inputs"] if r["worst"] else None
    num = lambda x: None if x is None else float(x)  # noqa: E731 - _jf writes inf as "inf"
    leaks = r["leaks"][:3]
    run = r["points"] - r["counts"]["not-run"]
    return {"route": "audit sweep + hypothesis hunt + local refinement", "instances": run,
            "measured": r["measured"], "max_bits": num(r["max_bits"]), "median_bits": num(r["median_bits"]),
            "max_rel_error": num(r["max_rel_error"]), "nan": r["counts"]["nan"], "inf": r["counts"]["inf"],
            "exceptions": r["counts"]["exception"], "exception_types": r["exception_types"],
            "ref_unsettled": r["counts"]["ref-unsettled"], "ref_undefined": r["counts"]["ref-undefined"],
            "escalated": a.escalated, "worst_input": worst,
            "leak_examples": [{"inputs": p["inputs"], "status": p["status"], "message": p["message"]}
                              for p in leaks],
            "regions": {k: v["worst"] for k, v in r["regions"].items()}}


# ----------------------------------------------------------------------------- structured route

def settle_instance(claim, formula, values: dict):
    """``refmod.settle`` for instances with vectors / matrices (backend values via ``to_backend``)."""
    from ..backends import Mp
    from ..evaluate import call, flatten, to_backend

    rungs = refmod.LADDER + refmod.ESCALATE
    prev = None
    for dps in rungs:
        with mpmath.workdps(dps):
            o = Mp(mpmath.mp)
            try:
                cur = [refmod._real(x) for x in flatten(call(formula, o, to_backend(o, claim, values)))]
            except refmod.Undefined as exc:
                return None, None, f"undefined: {exc}"
            except (ValueError, ZeroDivisionError, ArithmeticError, TypeError) as exc:
                return None, None, f"undefined: {type(exc).__name__}: {exc}"
        if prev is not None and refmod._agree(prev, cur, zeros_ok=dps >= 60):
            return cur, dps, ""
        prev = cur
    return None, None, "unsettled"


def measure_instance(claim, impl, values: dict) -> dict:
    """One instance: the implementation's output against the settled reference (engine measure)."""
    from ..evaluate import call_numpy, to_numpy

    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            y = np.atleast_1d(np.asarray(call_numpy(impl.function, to_numpy(claim, values)),
                                         dtype=float)).ravel()
        except Exception as exc:  # noqa: BLE001 - an exception inside the domain is a finding
            return {"status": "exception", "message": f"{type(exc).__name__}: {exc}"[:300]}
    ref, dps, note = settle_instance(claim, impl.reference, values)
    if ref is None:
        return {"status": "ref-" + note.split(":")[0], "message": note}
    mag = None
    if impl.scale is not None:
        mag, _, note = settle_instance(claim, impl.scale, values)
        if mag is None:
            return {"status": "ref-undefined", "message": "scale " + note}
    e = measure([float(t) for t in y], ref, mag)
    if e.kind == "size":
        return {"status": "exception", "message": e.note}
    if e.kind in ("nan", "inf"):
        return {"status": e.kind, "message": e.note}
    return {"status": "ok", "bits": e.bits, "rel": e.rel, "dps": dps}


def _given_ok(claim, values) -> bool:
    if not claim.given:
        return True
    from ..backends import Mp
    from ..evaluate import to_backend

    with mpmath.workdps(30):
        o = Mp(mpmath.mp)
        bv = to_backend(o, claim, values)
        try:
            return all(bool(g.test(o, **bv)) for g in claim.given)
        except Exception:  # noqa: BLE001
            return False


class _Stop(Exception):
    pass


def audit_structured(kernel: Kernel, budget: float, seed: int, max_samples: int) -> dict:
    from hypothesis import HealthCheck, Phase, Verbosity, assume, given, settings, target
    from hypothesis import seed as hseed
    from hypothesis.errors import Unsatisfiable

    from .. import strategies

    c, im = kernel.claim, kernel.impl
    records: list = []
    t0 = time.perf_counter()
    if not c.variables:
        records.append(({}, measure_instance(c, im, {})))
    else:
        @hseed(seed)
        @settings(max_examples=max_samples, database=None, deadline=None,
                  phases=(Phase.generate, Phase.target), suppress_health_check=list(HealthCheck),
                  verbosity=Verbosity.quiet, report_multiple_bugs=False)
        @given(strategies.instance(c.variables))
        def probe(values):
            assume(_given_ok(c, values))
            r = measure_instance(c, im, values)
            records.append((values, r))
            score = r["bits"] if r["status"] == "ok" else (1100.0 if r["status"] in LEAKS else 0.0)
            target(min(float(score), 1100.0), label="error bits")  # an infinite error (e.g. inf vs finite) is the worst
            if time.perf_counter() - t0 > budget and len(records) >= 20:
                raise _Stop

        try:
            with strategies.reproducible_generation():
                probe()
        except (_Stop, Unsatisfiable):
            pass
    ok = [(v, r) for v, r in records if r["status"] == "ok"]
    bits = [r["bits"] for _, r in ok]
    worst = max(ok, key=lambda vr: vr[1]["bits"])[0] if ok else None
    count = {k: sum(r["status"] == k for _, r in records) for k in
             ("nan", "inf", "exception", "ref-unsettled", "ref-undefined")}
    exc_types: dict = {}
    for _, r in records:
        if r["status"] == "exception":
            k = r["message"].split(":", 1)[0]
            exc_types[k] = exc_types.get(k, 0) + 1
    return {"route": "engine strategy (verify.strategies.instance) + hypothesis target(bits)",
            "instances": len(records), "measured": len(ok),
            "max_bits": max(bits) if bits else None,
            "median_bits": statistics.median(bits) if bits else None,
            "max_rel_error": max(r["rel"] for _, r in ok) if ok else None,
            "nan": count["nan"], "inf": count["inf"], "exceptions": count["exception"],
            "exception_types": exc_types, "ref_unsettled": count["ref-unsettled"],
            "ref_undefined": count["ref-undefined"],
            "escalated": sum(r.get("dps", 0) > refmod.LADDER[-1] for _, r in ok),
            "worst_input": _json(worst),
            "leak_examples": [{"inputs": _json(v), "status": r["status"], "message": r["message"]}
                              for v, r in records if r["status"] in LEAKS][:3]}


def _json(values):
    if values is None:
        return None
    return {k: (v if not isinstance(v, np.ndarray) else v.tolist()) for k, v in values.items()}


# ----------------------------------------------------------------------------- driver

def audit_kernel(kernel: Kernel, budget: float = 4.0, seed: int = 0, max_samples: int = 400) -> dict:
    """Audit one kernel; the result row (JSON-able) with a verdict against ``BOUND`` bits."""
    t = time.perf_counter()
    dims = scalar_dims(kernel.claim)
    if dims is not None:
        row = audit_scalar(kernel, dims, budget, seed, max_samples)
    else:
        row = audit_structured(kernel, budget, seed, max_samples)
    leaks = row["nan"] + row["inf"] + row["exceptions"]
    mb = row["max_bits"]
    if row["measured"] == 0:
        verdict = "error"
    elif leaks:
        verdict = "leak"
    elif mb is not None and mb > BOUND:
        verdict = f"over {BOUND:g} bits"
    else:
        verdict = "pass"
    row.update(kernel=kernel.impl.name, claim=kernel.claim.id, implementation_index=kernel.index,
               domain=describe_domain(kernel.claim), registered_max_bits=kernel.impl.max_bits,
               scale=kernel.impl.scale is not None, verdict=verdict, bound_bits=BOUND,
               seconds=round(time.perf_counter() - t, 2))
    return row


def _f(x, spec=".2f"):
    return "-" if x is None else format(float(x), spec)


def markdown(rows: list[dict], notes: dict | None = None) -> str:
    """The table: kernel, claim, domain, instances, max / median bits, leaks, verdict (+ notes)."""
    notes = notes or {}
    out = ["| kernel | claim id | domain | instances | max bits | median bits | NaN/inf/exc | "
           f"verdict (<= {BOUND:g} bits) | note |",
           "|---|---|---|---:|---:|---:|---|---|---|"]
    for r in rows:
        dom = r["domain"].replace("|", "\\|")
        out.append(f"| `{r['kernel']}` | `{r['claim']}` | {dom} | {r['instances']} | {_f(r['max_bits'])} "
                   f"| {_f(r['median_bits'])} | {r['nan']}/{r['inf']}/{r['exceptions']} | {r['verdict']} "
                   f"| {notes.get(r['claim'] + '#' + str(r['implementation_index']), '')} |")
    return "\n".join(out) + "\n"
