"""The result record of one claim and the results file (contract: shared/results.schema.json)."""
from __future__ import annotations

import json
import math
import os
import platform
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

STATUSES = ("verified-symbolic", "verified-rigorous", "verified-numeric", "erratum", "failed",
            "skipped", "error")
PASSING = ("verified-symbolic", "verified-rigorous", "verified-numeric", "erratum")


@dataclass
class Result:
    id: str
    paper: str
    label: str
    kind: str
    status: str
    methods: list = field(default_factory=list)
    instances: int = 0
    max_rel_error: float | None = None
    digits: int | None = None
    worst_input: dict | None = None
    erratum: dict | None = None
    # extensions (welcome by the contract)
    section: str = ""
    statement: str = ""
    reason: str = ""
    symbolic: dict | None = None
    ladder: dict | None = None
    rigorous: dict | None = None
    crosschecks: list = field(default_factory=list)
    seconds: float = 0.0

    def record(self) -> dict:
        d = asdict(self)
        for k in ("max_rel_error",):
            if d[k] is not None and not math.isfinite(d[k]):
                d[k] = None
        return d


def versions() -> dict:
    import hypothesis
    import mpmath
    import numpy
    import sympy

    out = {"python": platform.python_version(), "sympy": sympy.__version__, "mpmath": mpmath.__version__,
           "numpy": numpy.__version__, "hypothesis": hypothesis.__version__}
    try:
        import flint

        out["python-flint"] = flint.__version__
    except ImportError:  # pragma: no cover
        pass
    try:
        import scipy

        out["scipy"] = scipy.__version__
    except ImportError:  # pragma: no cover
        pass
    return out


def write(path: Path, records: list[dict], profile: str, seed: int | None) -> dict:
    """Write the results file atomically, claims sorted by id (so that -n 2 and -n 0 agree)."""
    doc = {"schema": 1, "versions": versions(), "profile": profile, "seed": seed,
           "claims": sorted(records, key=lambda r: r["id"])}
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".results-", suffix=".json")
    with os.fdopen(fd, "w") as fh:
        json.dump(doc, fh, indent=1, sort_keys=False, default=_json_default)
        fh.write("\n")
    os.replace(tmp, path)
    return doc


def _json_default(x):
    try:
        return float(x)
    except Exception:
        return str(x)
