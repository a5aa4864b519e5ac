"""The results.json contract: schema, one record per claim, same verdicts with and without xdist."""
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from derivations.registry import all_claims

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "verify" / "results.schema.json"
SHARED_SCHEMA = ROOT.parent / "shared" / "results.schema.json"


# the foundation's claims (admm §2.1, §3.1, App. A.3-A.4, (B.1), (B.5)): enough to exercise the merge
FOUNDATION = "eq1 or eq2 or eq3 or lemma-a1 or lemma-a2 or assumption or B1 or B5"


def run_verify(tmp_path, name, *args):
    out = tmp_path / f"{name}.json"
    cmd = [sys.executable, "-m", "pytest", "verify", "-q", "-p", "no:cacheprovider", "--paper", "admm",
           f"--results={out}", *args]
    if "-k" not in args:
        cmd += ["-k", FOUNDATION]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return json.loads(out.read_text())


@pytest.fixture(scope="module")
def serial(tmp_path_factory):
    return run_verify(tmp_path_factory.mktemp("serial"), "serial", "-n", "0")


def test_schema_copy_matches_shared():
    if not SHARED_SCHEMA.exists():
        pytest.skip("shared/ is not beside this checkout")
    assert json.loads(SCHEMA.read_text()) == json.loads(SHARED_SCHEMA.read_text())


def test_results_validate_against_schema(serial):
    jsonschema.validate(serial, json.loads(SCHEMA.read_text()))
    assert serial["profile"] == "ci" and serial["schema"] == 1
    assert {"python", "sympy", "mpmath", "numpy", "hypothesis", "python-flint"} <= set(serial["versions"])


def test_one_record_per_claim(serial):
    ids = [r["id"] for r in serial["claims"]]
    assert len(ids) == len(set(ids)) >= 8
    labels = {c.id: c.label for c in all_claims(("admm",))}
    assert all(r["label"] == labels[r["id"]] for r in serial["claims"])
    position = {c.id: k for k, c in enumerate(all_claims())}
    assert all(r["order"] == position[r["id"]] for r in serial["claims"])  # the paper order


def test_xdist_gives_the_same_verdicts(serial, tmp_path):
    parallel = run_verify(tmp_path, "parallel", "-n", "2")
    verdict = lambda doc: {r["id"]: (r["status"], r["instances"], r["worst_input"]) for r in doc["claims"]}
    assert verdict(parallel) == verdict(serial)


def test_fixed_seed_is_reproducible(tmp_path):
    a = run_verify(tmp_path, "a", "-n", "0", "--seed", "7", "--profile", "dev", "-k", "lemma-a1 or eq1")
    b = run_verify(tmp_path, "b", "-n", "2", "--seed", "7", "--profile", "dev", "-k", "lemma-a1 or eq1")
    strip = lambda doc: [{k: v for k, v in r.items() if k != "seconds"} for r in doc["claims"]]
    assert a["seed"] == 7 and strip(a) == strip(b)
