"""pytest plugin: one parametrized test per registered claim; writes reports/build/results.json.

Works under pytest-xdist: each worker attaches the claim's record to its test report
(``user_properties`` travel to the controller), and only the controller writes the file.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from derivations.claims import PAPERS
from derivations.registry import all_claims
from verify import config, results

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RESULTS = ROOT / "reports" / "build" / "results.json"
_RECORDS: dict = {}


def pytest_addoption(parser):
    g = parser.getgroup("verify", "claim verification")
    g.addoption("--results", default=str(DEFAULT_RESULTS), help="where to write results.json")
    g.addoption("--profile", default=None, choices=sorted(config.PROFILES),
                help="effort profile (default: $VERIFY_PROFILE or ci)")
    g.addoption("--seed", type=int, default=None, help="hypothesis seed (implies a randomized profile)")
    g.addoption("--paper", action="append", choices=PAPERS, help="only these papers (repeatable)")


@pytest.fixture(scope="session")
def verify_config(request):
    return config.profile(request.config.getoption("--profile"), request.config.getoption("--seed"))


def pytest_configure(config):
    """Under pytest-xdist, a directory the workers share check results through (engine.SHARED_CACHE_ENV):
    an ``AllOf`` on one worker reuses the parts another worker checked.  Set before the workers start."""
    if hasattr(config, "workerinput") or not getattr(config.option, "numprocesses", None):
        return
    from verify import engine

    if not os.environ.get(engine.SHARED_CACHE_ENV):
        config._verify_shared_cache = tempfile.mkdtemp(prefix="verify-shared-")
        os.environ[engine.SHARED_CACHE_ENV] = config._verify_shared_cache


def pytest_unconfigure(config):
    d = getattr(config, "_verify_shared_cache", None)
    if d:
        from verify import engine

        shutil.rmtree(d, ignore_errors=True)
        os.environ.pop(engine.SHARED_CACHE_ENV, None)


def pytest_generate_tests(metafunc):
    if "claim" in metafunc.fixturenames:
        papers = tuple(metafunc.config.getoption("--paper") or PAPERS)
        claims = all_claims(papers)
        metafunc.parametrize("claim", claims, ids=[c.id for c in claims])


def pytest_runtest_logreport(report):
    for name, value in getattr(report, "user_properties", ()):
        if name == "claim_result":
            _RECORDS[value["id"]] = value


def pytest_sessionfinish(session, exitstatus):
    if hasattr(session.config, "workerinput") or not _RECORDS:
        return
    cfg = config.profile(session.config.getoption("--profile"), session.config.getoption("--seed"))
    path = Path(session.config.getoption("--results"))
    results.write(path, list(_RECORDS.values()), cfg.profile, None if cfg.derandomize else cfg.seed)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if hasattr(config, "workerinput") or not _RECORDS:
        return
    counts: dict = {}
    for r in _RECORDS.values():
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    terminalreporter.write_sep("-", "claim verdicts")
    terminalreporter.write_line(json.dumps(dict(sorted(counts.items()))))
    terminalreporter.write_line(f"results: {config.getoption('--results')}")
