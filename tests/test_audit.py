"""Tests of ``python -m verify.audit``: bad, leaky, hanging, crashing and good implementations."""
from __future__ import annotations

import json
import math
import textwrap
import time

import mpmath
import sympy

from verify.audit.__main__ import main
from verify.audit.core import audit
from verify.audit.reference import settle

HEADER = "import math, os, time\nimport numpy as np\nimport sympy\nx = sympy.Symbol('x')\n"


def spec(tmp_path, body: str, name="spec.py"):
    p = tmp_path / name
    p.write_text(HEADER + textwrap.dedent(body))
    return str(p)


def test_known_bad_implementation_is_flagged_in_the_right_region(tmp_path):
    path = spec(tmp_path, """
        reference = sympy.log(1 + x)
        domain = {"x": (1e-20, 1e2, "log")}
        def implementation(x):
            return np.log(1.0 + x)
    """)
    r = audit(path, samples=200, seed=1)
    assert r["verdict"] == "fail"
    assert r["max_bits"] > 50  # 1 + x == 1: the result is 0, every bit is wrong
    assert r["counts"]["nan"] == r["counts"]["inf"] == r["counts"]["exception"] == 0
    assert len(r["worst"]) == 5
    assert all(p["inputs"]["x"] < 1.2e-16 for p in r["worst"])  # below eps/2, 1 + x rounds to 1
    worst = r["regions"]["x"]["worst"]
    assert worst["high"] < 1e-15
    assert r["regions"]["x"]["bins"][-1]["max_bits"] < 2  # for x >= 1 the naive formula is fine
    assert r["reference"]["escalated_points"] > 0  # 1 + x at 30 digits loses tiny x: ladder escalates


def test_nan_leak_and_exceptions_are_counted(tmp_path):
    path = spec(tmp_path, """
        reference = lambda o, x: o.sqrt(x)
        domain = {"x": (0.0, 1.0)}
        def implementation(x):
            if x > 0.9:
                raise ZeroDivisionError("boom")
            return math.sqrt(x) if x < 0.5 else float("nan")
    """)
    r = audit(path, samples=200, seed=2)
    pts = r["_points"]
    nan_expected = sum(0.5 <= p.inputs["x"] <= 0.9 for p in pts)
    exc_expected = sum(p.inputs["x"] > 0.9 for p in pts)
    assert nan_expected > 0 and exc_expected > 0
    assert r["counts"]["nan"] == nan_expected
    assert r["counts"]["exception"] == exc_expected
    assert r["exception_types"] == {"ZeroDivisionError": exc_expected}
    assert r["verdict"] == "fail"
    assert r["max_bits"] < 1  # where it answers, math.sqrt is correctly rounded
    assert r["leaks"] and r["leaks"][0]["status"] in ("nan", "exception")


def test_hanging_implementation_times_out_cleanly(tmp_path):
    path = spec(tmp_path, """
        reference = sympy.exp(x)
        domain = {"x": (-1.0, 1.0)}
        def implementation(x):
            if x > 0.5:
                time.sleep(3600)
            return math.exp(x)
    """)
    t = time.perf_counter()
    r = audit(path, samples=100, timeout=0.5, max_failures=2, seed=3)
    assert time.perf_counter() - t < 20
    assert r["verdict"] == "timeout"
    assert r["counts"]["timeout"] == 2
    assert all(p["inputs"]["x"] > 0.5 for p in r["failures"])
    assert r["counts"]["ok"] > 0 and r["max_bits"] < 1  # inputs before the hang were measured


def test_crashing_implementation_is_reported(tmp_path):
    path = spec(tmp_path, """
        reference = sympy.exp(x)
        domain = {"x": (-1.0, 1.0)}
        def implementation(x):
            if x > 0.9:
                os._exit(7)
            return math.exp(x)
    """)
    out = tmp_path / "out" / "crash.json"
    assert main([path, "--samples", "60", "--json", str(out), "--max-failures", "1", "--quiet"]) == 1
    r = json.loads(out.read_text())
    assert r["verdict"] == "crashed" and r["counts"]["crashed"] == 1
    assert "exit code 7" in r["failures"][0]["message"]


def test_good_implementation_passes_with_exit_0(tmp_path, capsys):
    path = spec(tmp_path, """
        reference = sympy.log(1 + x)
        domain = {"x": (-0.5, 1e3)}
        constraints = [lambda x: x != 0.25]
        def implementation(x):
            return np.log1p(x)
    """, name="good.py")
    out = tmp_path / "res" / "good.json"
    assert main([path, "--samples", "200", "--json", str(out), "--max-bits", "2"]) == 0
    r = json.loads(out.read_text())
    assert r["verdict"] == "pass" and r["max_bits"] <= 2
    assert r["counts"]["ok"] == r["points"] > 150
    assert (tmp_path / "res" / "good.x.png").stat().st_size > 1000
    assert "PASS" in capsys.readouterr().out
    assert "measure" in r and "log2(1 + ulps)" in r["measure"]


def test_bad_spec_exits_2(tmp_path):
    path = spec(tmp_path, """
        reference = sympy.log(x)
        domain = {"x": (-1.0, 1.0, "log")}
        def implementation(x):
            return np.log(x)
    """)
    assert main([path, "--quiet"]) == 2


def test_reference_ladder_escalates_through_cancellation():
    s = settle(sympy.log(1 + sympy.Symbol("x")), {"x": 1e-300})
    assert s.status == "settled" and s.dps > 300
    assert abs(s.values[0] / mpmath.mpf(1e-300) - 1) < 1e-290
    z = settle(sympy.log(1 + sympy.Symbol("x")), {"x": 0.0})  # a true zero persists to the top
    assert z.status == "settled" and z.values[0] == 0
    u = settle(lambda o, x: o.log(x), {"x": -1.0})  # complex: outside the reference's domain
    assert u.status == "undefined"
    assert not math.isnan(settle(lambda o, x: o.sqrt(x), {"x": 2.0}).values[0])
