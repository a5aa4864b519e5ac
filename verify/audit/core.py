"""Orchestration of an audit: sweep, hypothesis hunt, local refinement, statistics, verdict."""
from __future__ import annotations

import math
import statistics
import time
from dataclasses import dataclass, field

import mpmath
import numpy as np

from . import reference as refmod
from . import sampling
from .measure import Error, measure
from .runner import Answer, Runner
from .spec import Spec, load

LEAKS = ("nan", "inf", "exception")
MEASURE = ("bits = log2(1 + ulps), ulps = |y - ref| / ulp(ref) with ulp(ref) = numpy.spacing(|ref|) "
           "floored at spacing(smallest normal) = 2^-1074 (ulps of |scale| when the spec gives one; "
           "worst component for vector outputs); relative error = |y - ref| / |ref|; ref settled on "
           "an mpmath ladder 30/60 digits, escalated to 120..960 digits when the rungs disagree")
LEAK_SCORE = 1100.0  # hypothesis target() for a NaN/inf/exception: worse than any finite error


@dataclass
class Point:
    inputs: dict
    phase: str
    status: str  # "ok" | "nan" | "inf" | "exception" | "timeout" | "crashed" | "not-run" | "ref-undefined" | "ref-unsettled"
    output: list | None = None
    ref: list | None = None
    ref_dps: int | None = None
    bits: float = math.nan
    ulps: float = math.nan
    rel: float = math.nan
    warned: bool = False
    overflow_ok: bool = False
    message: str = ""

    @property
    def score(self) -> float:
        if self.status == "ok":
            return self.bits if math.isfinite(self.bits) else LEAK_SCORE
        return LEAK_SCORE if self.status in LEAKS else 0.0

    def json(self) -> dict:
        return {
            "inputs": self.inputs, "phase": self.phase, "status": self.status,
            "output": None if self.output is None else [_jf(v) for v in self.output],
            "reference": None if self.ref is None else [mpmath.nstr(r, 25) for r in self.ref],
            "reference_digits": self.ref_dps,
            "bits": _jf(self.bits), "ulps": _jf(self.ulps), "rel_error": _jf(self.rel),
            "message": self.message,
        }


def _jf(x):
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else str(x)


@dataclass
class Auditor:
    spec: Spec
    runner: Runner
    points: list = field(default_factory=list)
    escalated: int = 0

    def evaluate(self, rows: list[dict]) -> list[Point]:
        """Evaluate the implementation (subprocess) and the settled reference at ``rows``."""
        names = self.spec.names
        inputs = [{k: r[k] for k in names} for r in rows]
        answers = self.runner.run(inputs)
        out = []
        for row, inp, ans in zip(rows, inputs, answers):
            out.append(self._point(inp, row.get("__phase", "?"), ans))
        self.points.extend(out)
        return out

    def _point(self, inp: dict, phase: str, ans: Answer) -> Point:
        p = Point(dict(inp), phase, ans.status, ans.values, warned=ans.warned, message=ans.message)
        if ans.status in ("timeout", "crashed", "not-run"):
            return p
        s = refmod.settle(self.spec.reference, inp)
        if s.status != "settled":
            p.status, p.message = f"ref-{s.status}", s.note
            return p
        p.ref, p.ref_dps = s.values, s.dps
        if s.dps > refmod.LADDER[-1]:
            self.escalated += 1
        if ans.status == "exception":
            return p
        mag = None
        if self.spec.scale is not None:
            try:
                mag = refmod.evaluate(self.spec.scale, inp, s.dps)
            except refmod.Undefined as exc:
                p.status, p.message = "ref-undefined", f"scale: {exc}"
                return p
        e: Error = measure(ans.values, s.values, mag)
        if e.kind == "size":
            p.status, p.message = "exception", e.note
        elif e.kind in ("nan", "inf"):
            p.status, p.message = e.kind, e.note
        else:
            p.status, p.bits, p.ulps, p.rel, p.overflow_ok = "ok", e.bits, e.ulps, e.rel, e.overflow_ok
        return p


def audit(spec_path, *, max_bits: float | None = None, samples: int = 2000, timeout: float = 5.0,
          seed: int = 0, max_failures: int = 3, hunt_fraction: float = 0.2,
          local_fraction: float = 0.1) -> dict:
    """Audit the spec at ``spec_path``; returns the JSON-able result (see ``report``)."""
    t0 = time.perf_counter()
    spec = load(spec_path)
    bound = float(max_bits if max_bits is not None else (spec.max_bits if spec.max_bits is not None else 4.0))
    rng = np.random.default_rng(seed)
    n_hunt = int(round(samples * hunt_fraction))
    n_local = int(round(samples * local_fraction))
    n_sweep = max(1, samples - n_hunt - n_local)
    phases = {}
    with Runner(spec.path, timeout=timeout, max_failures=max_failures) as runner:
        a = Auditor(spec, runner)
        rows, rejected = sampling.sweep(spec.dims, n_sweep, rng, spec.constraints)
        t = time.perf_counter()
        a.evaluate(rows)
        phases["sweep"] = {"points": len(rows), "seconds": round(time.perf_counter() - t, 2)}
        t = time.perf_counter()
        n = _hunt(a, n_hunt, seed) if n_hunt and not runner.exhausted else 0
        phases["hypothesis"] = {"points": n, "seconds": round(time.perf_counter() - t, 2)}
        t = time.perf_counter()
        n = _local(a, n_local, rng) if n_local and not runner.exhausted else 0
        phases["local"] = {"points": n, "seconds": round(time.perf_counter() - t, 2)}
        runner_log = list(runner.log)
    result = summarize(a, bound, rejected)
    result.update(spec=str(spec.path), name=spec.name, seed=seed, timeout_seconds=timeout,
                  phases=phases, runner_log=runner_log[:10],
                  reference={"kind": spec.reference_kind, "formula": spec.reference_text,
                             "ladder_digits": list(refmod.LADDER),
                             "escalation_digits": list(refmod.ESCALATE),
                             "escalated_points": a.escalated,
                             "scale": None if spec.scale is None else str(spec.scale)},
                  domain={d.name: d.describe() for d in spec.dims},
                  constraints=len(spec.constraints))
    result["seconds"] = round(time.perf_counter() - t0, 2)
    result["_points"] = a.points  # dropped from the JSON; used for the plots
    return result


class _Stop(Exception):
    pass


def _hunt(a: Auditor, n: int, seed: int) -> int:
    """hypothesis with ``target(bits)``: hill-climbs towards the worst error."""
    from hypothesis import HealthCheck, Phase, Verbosity, assume, given, settings, target
    from hypothesis import seed as hseed
    from hypothesis.errors import Unsatisfiable

    count = [0]

    @hseed(seed)
    @settings(max_examples=n, database=None, deadline=None, derandomize=False,
              phases=(Phase.generate, Phase.target), suppress_health_check=list(HealthCheck),
              verbosity=Verbosity.quiet, report_multiple_bugs=False)
    @given(sampling.strategy(a.spec.dims))
    def probe(values):
        assume(sampling.satisfies(a.spec.constraints, values))
        (p,) = a.evaluate([{**values, "__phase": "hypothesis"}])
        count[0] += 1
        target(float(p.score), label="error bits")
        if a.runner.exhausted:
            raise _Stop

    try:
        probe()
    except _Stop:
        pass
    except Unsatisfiable:
        pass
    return count[0]


def _local(a: Auditor, n: int, rng) -> int:
    """Bisection onto the edges of leak regions, then random relative perturbations around the
    current five worst inputs (two rounds).  Errors usually peak where a formula starts to fail
    (e.g. exp(x^2) erfc(x) just before 0 * inf), a sliver the sweep rarely hits."""
    total = _edges(a, n // 2)
    per = max(2, (n - total) // 14)
    for _ in range(2):
        seeds = _worst(a.points, 5, a.spec) + [p for p in a.points if p.status in LEAKS][:2]
        rows = []
        for p in seeds:
            for q in sampling.neighbours(a.spec.dims, p.inputs, per, rng, a.spec.constraints):
                q["__phase"] = "local"
                rows.append(q)
        if not rows or a.runner.exhausted:
            break
        a.evaluate(rows)
        total += len(rows)
    return total


def _edges(a: Auditor, budget: int, steps: int = 24) -> int:
    """Bisect between neighbouring grid points of which one leaks (NaN/inf/exception) and one not."""
    spec, used = a.spec, 0
    pairs = []
    for d in spec.dims:
        grid = sorted((p for p in a.points if p.phase == f"grid:{d.name}"), key=lambda p: p.inputs[d.name])
        for p, q in zip(grid, grid[1:]):
            if (p.status in LEAKS) != (q.status in LEAKS) and "ok" in (p.status, q.status):
                pairs.append((p, q) if p.status == "ok" else (q, p))
    for good, bad in pairs:
        if used + steps > budget or a.runner.exhausted:
            break
        u = [_unit(d, good.inputs[d.name]) for d in spec.dims]
        v = [_unit(d, bad.inputs[d.name]) for d in spec.dims]
        for _ in range(steps):
            m = [(x + y) / 2 for x, y in zip(u, v)]
            row = {d.name: float(d.from_unit(t)) for d, t in zip(spec.dims, m)}
            if not sampling.satisfies(spec.constraints, row):
                break
            (p,) = a.evaluate([{**row, "__phase": "edge"}])
            used += 1
            if p.status in LEAKS:
                v = m
            elif p.status == "ok":
                u = m
            else:
                break
    return used


def _worst(points, k, spec: Spec | None = None):
    """The ``k`` worst measured inputs, at most one per cell of 1/200 of each variable's range."""
    ok = [p for p in points if p.status == "ok"]
    ok.sort(key=lambda p: (-p.bits, -p.rel))
    out, seen = [], set()
    for p in ok:
        key = tuple(sorted(p.inputs.items())) if spec is None else tuple(
            min(int(_unit(d, p.inputs[d.name]) * 200), 199) for d in spec.dims)
        if key not in seen:
            seen.add(key)
            out.append(p)
        if len(out) >= k:
            break
    return out


def _unit(d, x) -> float:
    if d.hi == d.lo:
        return 0.0
    if d.log:
        a, b = math.log(abs(d.lo)), math.log(abs(d.hi))
        return min(max((math.log(abs(x)) - a) / (b - a), 0.0), 1.0)
    return min(max((x - d.lo) / (d.hi - d.lo), 0.0), 1.0)


def _regions(spec: Spec, points, bins: int = 10) -> dict:
    """Per variable: error statistics in ``bins`` equal (log-)slices of its range."""
    out = {}
    for d in spec.dims:
        edges = [float(e) for e in d.from_unit(np.linspace(0, 1, bins + 1))]
        rows = []
        for j in range(bins):
            lo, hi = sorted((edges[j], edges[j + 1]))
            last = j == bins - 1
            sel = [p for p in points if lo <= p.inputs[d.name] < hi or (last and p.inputs[d.name] == hi)]
            bits = [p.bits for p in sel if p.status == "ok"]
            rows.append({"low": lo, "high": hi, "points": len(sel),
                         "max_bits": _jf(max(bits)) if bits else None,
                         "median_bits": _jf(statistics.median(bits)) if bits else None,
                         "leaks": sum(p.status in LEAKS for p in sel)})
        scored = [r for r in rows if r["points"]]
        worst = max(scored, key=lambda r: (r["leaks"] > 0, r["median_bits"] or 0, r["max_bits"] or 0),
                    default=None)
        out[d.name] = {"bins": rows, "worst": worst}
    return out


def summarize(a: Auditor, bound: float, rejected: int) -> dict:
    pts = a.points
    counts = {k: 0 for k in ("ok", "nan", "inf", "exception", "timeout", "crashed", "not-run",
                             "ref-undefined", "ref-unsettled")}
    for p in pts:
        counts[p.status] = counts.get(p.status, 0) + 1
    counts["warnings"] = sum(p.warned for p in pts)
    counts["overflow_ok"] = sum(p.overflow_ok for p in pts)
    counts["rejected_by_constraints"] = rejected
    ok = [p for p in pts if p.status == "ok"]
    bits = [p.bits for p in ok]
    rels = [p.rel for p in ok]
    leaks = sum(counts[k] for k in LEAKS)
    max_bits = max(bits) if bits else None
    if counts["timeout"]:
        verdict = "timeout"
    elif counts["crashed"]:
        verdict = "crashed"
    elif not ok and not leaks:
        verdict = "error"  # nothing could be measured
    elif leaks or (max_bits is not None and max_bits > bound):
        verdict = "fail"
    else:
        verdict = "pass"
    exc_kinds: dict = {}
    for p in pts:
        if p.status == "exception":
            key = p.message.split(":", 1)[0]
            exc_kinds[key] = exc_kinds.get(key, 0) + 1
    return {
        "verdict": verdict,
        "passed": verdict == "pass",
        "threshold_bits": bound,
        "measure": MEASURE,
        "points": len(pts),
        "measured": len(ok),
        "max_bits": _jf(max_bits),
        "median_bits": _jf(statistics.median(bits)) if bits else None,
        "max_ulps": _jf(max(p.ulps for p in ok)) if ok else None,
        "max_rel_error": _jf(max(rels)) if rels else None,
        "median_rel_error": _jf(statistics.median(rels)) if rels else None,
        "counts": counts,
        "exception_types": exc_kinds,
        "worst": [p.json() for p in _worst(pts, 5, a.spec)],
        "leaks": [p.json() for p in pts if p.status in LEAKS][:5],
        "failures": [p.json() for p in pts if p.status in ("timeout", "crashed")][:5],
        "regions": _regions(a.spec, [p for p in pts if p.status in ("ok",) + LEAKS]),
    }
