"""The engine: check one claim with every applicable method and return its verdict.

It knows nothing of any paper: it reads a claim's statement, domains and implementations.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import math
import os
import pickle
import tempfile
import time
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path

import mpmath
import numpy as np
import sympy
from hypothesis import HealthCheck, Phase, assume, given, seed, settings, target
from hypothesis.errors import Unsatisfiable

from derivations.domains import SPD, Index, Int, Real, Vector
from derivations.statements import AllOf, Asymptotic, Compare, Defines, Equal, Monotone

from . import ladder, strategies, symbolic
from .backends import SYMPY, Mp
from .config import Config
from .evaluate import call, call_numpy, flatten, symbols_for, to_backend, to_numpy
from .results import Result
from .rigorous import certify_box

RANK = {"verified-symbolic": 3, "verified-rigorous": 2, "verified-numeric": 1}


class _Refuted(AssertionError):
    pass


@dataclass
class Evidence:
    """What checking one statement found."""

    passed: bool = True
    status: str = "verified-numeric"
    methods: list = field(default_factory=list)
    instances: int = 0
    max_rel_error: float | None = None
    digits: int | None = None
    worst_input: dict | None = None
    counterexample: dict | None = None
    reason: str = ""
    symbolic: dict | None = None
    ladder: dict | None = None
    rigorous: dict | None = None
    crosschecks: list = field(default_factory=list)


# ----------------------------------------------------------------------------- public API

_CACHE: dict = {}
#: directory shared by the pytest-xdist workers of one run (set by verify/conftest.py): a registered claim
#: checked by one worker is not checked again by another (e.g. as a part of an ``AllOf``).  Verdicts are
#: derandomized, so reading another worker's result gives the same result as recomputing it.
SHARED_CACHE_ENV = "VERIFY_SHARED_CACHE"


def _shared_path(claim, cfg):
    d = os.environ.get(SHARED_CACHE_ENV)
    if not d:
        return None
    from derivations.registry import by_id

    try:
        if by_id(claim.id) is not claim:  # only the registered claims (not mutants, not test-made claims)
            return None
    except KeyError:
        return None
    return Path(d) / (hashlib.sha256(f"{claim.id}|{cfg!r}".encode()).hexdigest() + ".pkl")


def _shared_load(path):
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError):
        return None


def _shared_store(path, res):
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(res, f)
        os.replace(tmp, path)
    except OSError:  # a cache, never a reason to fail
        pass


def check(claim, cfg: Config) -> Result:
    """Check ``claim`` under ``cfg``; never raises (an internal failure is status ``error``)."""
    key = (claim.id, cfg)
    if key in _CACHE:
        return _CACHE[key]
    shared = _shared_path(claim, cfg)
    if shared is not None and shared.exists():
        res = _shared_load(shared)
        if res is not None:
            _CACHE[key] = res
            return res
    if claim.effort is not None:
        e = claim.effort
        cfg = replace(cfg, max_examples=max(3, int(cfg.max_examples * e.examples)),
                      ladder=e.ladder or cfg.ladder)
    t0 = time.perf_counter()
    res = Result(id=claim.id, paper=claim.paper, label=claim.label, kind=claim.kind, status="error",
                 section=claim.section, statement=claim.latex)
    try:
        if claim.skip is not None:
            res.status, res.reason = "skipped", claim.skip
        elif claim.erratum is not None:
            _check_erratum(claim, cfg, res)
        else:
            ev = check_statement(claim, claim.statement, cfg)
            _fill(res, ev)
            res.status = ev.status if ev.passed else ("error" if ev.status == "error" else "failed")
    except Exception as exc:  # the engine reports, never crashes the run
        res.status = "error"
        res.reason = f"{type(exc).__name__}: {exc}\n" + "".join(traceback.format_exc(limit=6))
    res.seconds = round(time.perf_counter() - t0, 3)
    _CACHE[key] = res
    if shared is not None:
        _shared_store(shared, res)
    return res


def _fill(res: Result, ev: Evidence):
    for k in ("methods", "instances", "max_rel_error", "digits", "worst_input", "reason", "symbolic",
              "ladder", "rigorous", "crosschecks"):
        setattr(res, k, getattr(ev, k))
    if not ev.passed and ev.counterexample is not None:
        res.worst_input = ev.counterexample


def _refutation_claim(claim):
    """The claim restricted to its erratum's region (narrower domains, extra conditions)."""
    e = claim.erratum
    if not e.region and not e.region_given:
        return claim
    narrowed = {v.name: v for v in e.region}
    unknown = set(narrowed) - {v.name for v in claim.variables}
    if unknown:
        raise ValueError(f"{claim.id}: erratum region names unknown variables {sorted(unknown)}")
    return replace(claim, variables=tuple(narrowed.get(v.name, v) for v in claim.variables),
                   given=claim.given + tuple(e.region_given))


def _check_erratum(claim, cfg, res: Result):
    printed = check_statement(_refutation_claim(claim), claim.statement, cfg)
    if printed.passed:
        _fill(res, printed)
        res.status = "failed"
        res.reason = "registered as an erratum, but the printed statement verified: " + printed.reason
        return
    if printed.counterexample is None:
        _fill(res, printed)
        res.status = "failed"
        res.reason = "printed statement not refuted by a counterexample: " + printed.reason
        return
    corrected = check_statement(claim, claim.erratum.corrected, cfg)
    _fill(res, corrected)
    res.methods = [f"refuted: {m}" for m in printed.methods] + [f"corrected: {m}" for m in corrected.methods]
    if not corrected.passed:
        res.status = "failed"
        res.reason = "the corrected statement does not verify: " + corrected.reason
        res.worst_input = corrected.counterexample
        return
    res.status = "erratum"
    res.erratum = {"printed": claim.latex, "corrected": claim.erratum.corrected_latex,
                   "counterexample": printed.counterexample, "explanation": claim.erratum.explanation,
                   "corrected_status": corrected.status}


# ----------------------------------------------------------------------------- statements

def check_statement(claim, stmt, cfg: Config) -> Evidence:
    if isinstance(stmt, AllOf):
        return _all_of(stmt, cfg)
    ev = Evidence()
    _numeric(claim, stmt, cfg, ev)  # first: a refuted statement needs no symbolic attempt
    if ev.passed and isinstance(stmt, Asymptotic):
        _symbolic_limit(claim, stmt, cfg, ev)
    elif ev.passed and not isinstance(stmt, Defines):
        _symbolic(claim, stmt, cfg, ev)
    if isinstance(stmt, Compare) and ev.passed and ev.status != "verified-symbolic":
        _box(claim, stmt, cfg, ev)
    if ev.passed and isinstance(stmt, Defines) and not claim.implementations:
        ev.reason = "definition is well defined on the sampled domain; no implementation to cross-check"
    return ev


def _all_of(stmt: AllOf, cfg) -> Evidence:
    from derivations.registry import by_id

    parts = [check(by_id(i), cfg) for i in stmt.ids]
    ev = Evidence(methods=[f"all of: {', '.join(stmt.ids)}"], instances=sum(p.instances for p in parts))
    bad = [p for p in parts if p.status not in RANK]
    if bad:
        ev.passed = False
        ev.status = "failed"
        ev.reason = "; ".join(f"{p.id} is {p.status}" for p in bad)
        ev.counterexample = next((p.worst_input for p in bad if p.worst_input), None)
        return ev
    ev.status = min((p.status for p in parts), key=RANK.get)
    errs = [p.max_rel_error for p in parts if p.max_rel_error is not None]
    ev.max_rel_error = max(errs) if errs else None
    digs = [p.digits for p in parts if p.digits is not None]
    ev.digits = min(digs) if digs else None
    return ev


# ----------------------------------------------------------------------------- symbolic

def _dim_assignments(claim, dims):
    ints = [v.name for v in claim.variables if isinstance(v.domain, Int)]
    missing = [n for n in ints if n not in dims]
    if missing:
        return None
    combos = [dict(zip(ints, c)) for c in itertools.product(*(dims[n] for n in ints))]
    out = []
    for c in combos:
        idx = [v for v in claim.variables if isinstance(v.domain, Index)]
        ranges = [range(v.domain.dim if isinstance(v.domain.dim, int) else c[v.domain.dim]) for v in idx]
        for choice in itertools.product(*ranges):
            out.append({**c, **{v.name: k for v, k in zip(idx, choice)}})
    return out


def _symbolic(claim, stmt, cfg, ev: Evidence):
    spec = claim.symbolic
    if spec is None:
        return
    assignments = _dim_assignments(claim, dict(spec.dims))
    if assignments is None:
        ev.symbolic = {"status": "not attempted", "why": "no dimensions given for a symbolic proof"}
        return
    has_dims = any(isinstance(v.domain, Int) for v in claim.variables)
    timeout = min(spec.timeout, cfg.symbolic_timeout) if cfg.profile == "ci" else max(spec.timeout, cfg.symbolic_timeout)
    closed_by, log = set(), []
    for a in assignments:
        syms = symbols_for(claim, a)
        try:
            with symbolic.time_limit(timeout * 2):
                exprs, strict = _symbolic_targets(claim, stmt, syms)
        except (symbolic.Timeout, NotImplementedError, TypeError) as exc:
            log.append({"at": a, "result": f"could not build: {type(exc).__name__}"})
            closed_by = None
            break
        ok = True
        for e in exprs:
            if strict is None:
                name, attempts = symbolic.prove_zero(e, timeout)
            else:
                name, attempts = symbolic.prove_sign(e, strict, timeout)
            log.append({"at": a, "attempts": attempts})
            if name is None:
                ok = False
                break
            closed_by.add(name)
        if not ok:
            closed_by = None
            break
    if closed_by:
        scope = "all" if not has_dims else ", ".join(f"{k}={list(v)}" for k, v in spec.dims.items())
        tag = "symbolic" if not has_dims else f"symbolic[{scope}]"
        ev.methods.append(f"{tag}: {'+'.join(sorted(closed_by))}")
        ev.symbolic = {"status": "proved", "scope": scope, "strategies": sorted(closed_by)}
        if not has_dims:
            ev.status = "verified-symbolic"
    else:
        ev.symbolic = {"status": "undecided", "log": _jsonable(log[-3:])}


def _symbolic_limit(claim, stmt: Asymptotic, cfg, ev: Evidence):
    """O(var^k): lim_{var->0+} remainder/var^k is finite (and equals ``leading`` when given)."""
    if claim.symbolic is None or any(isinstance(v.domain, (Int, Index)) for v in claim.variables):
        return
    syms = symbols_for(claim, {})
    eps = syms[stmt.var]
    try:
        with symbolic.time_limit(cfg.symbolic_timeout * 2):
            r = flatten(call(stmt.remainder, SYMPY, syms))
            lims = [sympy.limit(e / eps**stmt.order, eps, 0, "+") for e in r]
            finite = all(l.is_finite for l in lims)
            lead_ok = True
            if stmt.leading is not None:
                lead = flatten(call(stmt.leading, SYMPY, syms))
                lead_ok = all(symbolic.prove_zero(sympy.sympify(l - m), cfg.symbolic_timeout)[0] is not None
                              for l, m in zip(lims, lead * (len(lims) if len(lead) == 1 else 1)))
    except (symbolic.Timeout, NotImplementedError, TypeError, ValueError) as exc:
        ev.symbolic = {"status": "undecided", "why": type(exc).__name__}
        return
    if finite and lead_ok:
        what = "limit of remainder/var^k is finite" + (" and equals the leading coefficient" if stmt.leading is not None else "")
        ev.methods.append(f"symbolic: {what}")
        ev.symbolic = {"status": "proved", "scope": "all", "strategies": ["limit"], "limits": [str(l) for l in lims]}
        ev.status = "verified-symbolic"
    else:
        ev.symbolic = {"status": "undecided", "limits": [str(l) for l in lims]}


def _symbolic_targets(claim, stmt, syms):
    """Expressions to prove zero (strict None) or positive/non-negative (strict True/False)."""
    if isinstance(stmt, Equal):
        a, b = flatten(call(stmt.lhs, SYMPY, syms)), flatten(call(stmt.rhs, SYMPY, syms))
        return [sympy.sympify(x - y) for x, y in zip(a, b)], None
    if isinstance(stmt, Compare):
        a, b = flatten(call(stmt.lhs, SYMPY, syms)), flatten(call(stmt.rhs, SYMPY, syms))
        if len(b) == 1 and len(a) > 1:
            b = b * len(a)
        d = [y - x if stmt.op in ("<", "<=") else x - y for x, y in zip(a, b)]
        return [sympy.sympify(e) for e in d], stmt.op in ("<", ">")
    if isinstance(stmt, Monotone):
        x = syms[stmt.var] if stmt.index is None else syms[stmt.var][syms[stmt.index]]
        f = flatten(call(stmt.f, SYMPY, syms))
        der = [sympy.diff(e, x) for e in f]
        sign = 1 if stmt.direction in ("increasing", "nondecreasing") else -1
        return [sign * d for d in der], stmt.direction in ("increasing", "decreasing")
    if isinstance(stmt, Defines):
        return [], None  # a definition has nothing to prove symbolically
    raise NotImplementedError(type(stmt).__name__)


def _jsonable(x):
    return json.loads(json.dumps(x, default=str))


# ----------------------------------------------------------------------------- numeric

def _extra_draws(claim, stmt):
    if isinstance(stmt, Monotone):
        d = claim.var(stmt.var).domain
        elem = d.elem if isinstance(d, Vector) else d
        return (("__other", lambda values: strategies.real(elem)),)
    return ()


def _instance_check(claim, stmt, values, cfg):
    if isinstance(stmt, Equal):
        return ladder.equal(claim, stmt.lhs, stmt.rhs, values, cfg)
    if isinstance(stmt, Compare):
        return ladder.compare(claim, stmt.lhs, stmt.op, stmt.rhs, values, cfg)
    if isinstance(stmt, Defines):
        return ladder.defined(claim, stmt.formula, values, cfg)
    if isinstance(stmt, Monotone):
        lo_v, hi_v = _monotone_pair(stmt, values)
        if lo_v is None:
            return None
        op = {"increasing": "<", "nondecreasing": "<=", "decreasing": ">", "nonincreasing": ">="}[stmt.direction]
        f = stmt.f
        return ladder.compare(claim, lambda o, **_: call(f, o, to_backend(o, claim, lo_v)), op,
                              lambda o, **_: call(f, o, to_backend(o, claim, hi_v)), values, cfg)
    if isinstance(stmt, Asymptotic):
        return ladder.order_of(claim, stmt.remainder, stmt.var, values, cfg, stmt.order, stmt.leading)
    raise NotImplementedError(type(stmt).__name__)


def _monotone_pair(stmt, values):
    other = values["__other"]
    cur = values[stmt.var] if stmt.index is None else values[stmt.var][values[stmt.index]]
    if other == cur:
        return None, None
    lo, hi = sorted((cur, other))

    def at(t):
        v = dict(values)
        if stmt.index is None:
            v[stmt.var] = t
        else:
            vec = list(values[stmt.var])
            vec[values[stmt.index]] = t
            v[stmt.var] = vec
        return v

    return at(lo), at(hi)


def _settings(cfg):
    s = settings(max_examples=cfg.max_examples, deadline=None, database=None, derandomize=cfg.derandomize,
                 suppress_health_check=list(HealthCheck), print_blob=False,
                 phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target]
                 + ([Phase.shrink] if cfg.shrink else []))
    return s


def _given_ok(claim, values):
    if not claim.given:
        return True
    with mpmath.workdps(30):
        o = Mp(mpmath.mp)
        bv = to_backend(o, claim, values)
        return all(bool(g.test(o, **bv)) for g in claim.given)


def _numeric(claim, stmt, cfg, ev: Evidence):
    strat = strategies.instance(claim.variables, _extra_draws(claim, stmt))
    seen: dict = {}
    last_fail: dict = {}
    cross = {impl.name: {"name": impl.name, "max_bits": 0.0, "max_ulps": 0.0, "bound_bits": impl.max_bits,
                         "worst_input": None, "failures": 0, "instances": 0}
             for impl in claim.implementations}
    certified = [0, 0]

    def probe(values):
        assume(_given_ok(claim, values))
        out = _instance_check(claim, stmt, values, cfg)
        assume(out is not None)
        key = json.dumps(values, sort_keys=True, default=str)
        seen[key] = (values, out)
        if out.certified is not None:
            certified[0] += out.certified
            certified[1] += 1
        bad_cross = _crosscheck(claim, values, cross)
        badness = -out.digits if out.digits is not None else -out.err if math.isfinite(out.err) else 1e9
        target(float(badness), label="badness")
        if not out.ok or bad_cross:
            last_fail.clear()
            last_fail.update(values=values, out=out, cross=bad_cross)
            raise _Refuted(out.note or bad_cross)

    test = given(strat)(probe)
    test = _settings(cfg)(test)
    if not cfg.derandomize and cfg.seed is not None:
        test = seed(cfg.seed)(test)
    try:
        with strategies.reproducible_generation():
            test()
    except _Refuted:
        pass
    except Unsatisfiable:
        ev.passed, ev.status = False, "error"
        ev.reason = "no instance satisfies the claim's domain and side conditions"
        return
    outcomes = [o for _, o in seen.values()]
    ev.instances = len(seen)
    ev.methods.append(f"numeric: mpmath ladder {'/'.join(map(str, cfg.ladder))} digits on "
                      f"{ev.instances} hypothesis instances")
    if isinstance(stmt, (Equal, Defines)) and outcomes:
        worst_key = max(seen, key=lambda k: seen[k][1].err)
        ev.max_rel_error = max(o.err for o in outcomes)
        digs = [o.digits for o in outcomes if o.digits is not None]
        ev.digits = min(digs) if digs else None
        ev.worst_input = _instance_json(seen[worst_key][0])
        rungs = {}
        for o in outcomes:
            for k, v in o.rungs.items():
                rungs[str(k)] = max(rungs.get(str(k), 0.0), v)
        ev.ladder = {"max_rel_error_by_digits": rungs}
    elif outcomes:
        worst_key = min(seen, key=lambda k: seen[k][1].err)
        ev.worst_input = _instance_json(seen[worst_key][0])
        ev.ladder = {"min_margin": min(o.err for o in outcomes)}
        if isinstance(stmt, Asymptotic):
            ev.ladder = {"min_measured_order": min(o.err for o in outcomes), "claimed_order": stmt.order}
    if certified[1]:
        ev.rigorous = {"pointwise_certified": certified[0], "pointwise_total": certified[1],
                       "prec_bits": cfg.rigorous_prec}
        ev.methods.append(f"rigorous: Arb balls certify {certified[0]}/{certified[1]} instances")
    ev.crosschecks = list(cross.values())
    for c in ev.crosschecks:
        ev.methods.append(f"crosscheck: {c['name']} max {c['max_bits']:.2f} bits "
                          f"(bound {c['bound_bits']}) on {c['instances']} instances")
    if last_fail:
        ev.passed = False
        ev.status = "failed"
        out = last_fail["out"]
        cx = _instance_json(last_fail["values"])
        if out.sides:
            cx["__sides__"] = [mpmath.nstr(s, 20) for s in out.sides]
        ev.counterexample = cx
        ev.reason = last_fail["cross"] or f"{out.note} (error/margin {out.err:.3g})"
        return
    if not outcomes:
        ev.passed, ev.status = False, "error"
        ev.reason = "no instance could be checked"


def _crosscheck(claim, values, cross) -> str:
    """Run every implementation on the instance; return a description of the first failure."""
    if not claim.implementations:
        return ""
    args = to_numpy(claim, values)
    problem = ""
    with mpmath.workdps(40):
        o = Mp(mpmath.mp)
        bv = to_backend(o, claim, values)
        for impl in claim.implementations:
            c = cross[impl.name]
            c["instances"] += 1
            try:
                y = np.atleast_1d(np.asarray(call_numpy(impl.function, args), dtype=float)).ravel()
            except Exception as exc:
                c["failures"] += 1
                problem = problem or f"{impl.name} raised {type(exc).__name__}: {exc}"
                continue
            ref = flatten(call(impl.reference, o, bv))
            mag = flatten(call(impl.scale, o, bv)) if impl.scale is not None else ref
            if len(ref) != y.size:
                c["failures"] += 1
                problem = problem or f"{impl.name} returned {y.size} values, reference {len(ref)}"
                continue
            ulps = 0.0
            for yi, ri, mi in zip(y, ref, mag):
                if not np.isfinite(yi):
                    ulps = math.inf
                    break
                r = float(abs(mi))
                u = float(abs(mpmath.mpf(yi) - ri)) / float(np.spacing(max(abs(r), np.finfo(float).tiny)))
                ulps = max(ulps, u)
            bits = math.log2(1 + ulps) if math.isfinite(ulps) else math.inf
            if bits > c["max_bits"]:
                c["max_bits"], c["max_ulps"], c["worst_input"] = bits, ulps, _instance_json(values)
            if bits > impl.max_bits:
                c["failures"] += 1
                problem = problem or f"{impl.name} off by {bits:.2f} bits (> {impl.max_bits})"
    return problem


def _instance_json(values: dict) -> dict:
    return {k: v for k, v in values.items() if not k.startswith("__") or k == "__other"}


# ----------------------------------------------------------------------------- whole-domain balls

def _box(claim, stmt: Compare, cfg, ev: Evidence):
    """Certify a scalar inequality on its whole (closed, bounded) domain with Arb bisection."""
    box = {}
    for v in claim.variables:
        d = v.domain
        if not isinstance(d, Real) or d.lo is None or d.hi is None or d.lo_open or d.hi_open or claim.given:
            return
        box[v.name] = (float(d.lo), float(d.hi))
    if not box or len(box) > 3:
        return

    def diff(o, **point):
        a, b = call(stmt.lhs, o, point), call(stmt.rhs, o, point)
        return a - b

    verdict, info = certify_box(diff, box, stmt.op, max_boxes=cfg.box_budget)
    ev.rigorous = {**(ev.rigorous or {}), "box": verdict, "boxes": info if verdict != "refuted" else None}
    if verdict == "certified":
        ev.status = max(ev.status, "verified-rigorous", key=RANK.get)
        ev.methods.append(f"rigorous: Arb bisection certifies the whole domain ({info} boxes)")
    elif verdict == "refuted":
        ev.passed, ev.status = False, "failed"
        ev.counterexample = info
        ev.reason = "Arb bisection found a box where the inequality fails everywhere"
