"""Inventory coverage: which rows of ../shared/claims/<paper>.md have a registered claim.

    python scripts/coverage.py [paper ...] [--list]

Prints, per paper, the rows covered by at least one claim with that label, and with --list the
uncovered rows (label, where, kind). Reads only the registry and the inventories; runs no checks.
"""
from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from derivations.registry import all_claims  # noqa: E402

CLAIMS_DIR = ROOT.parent / "shared" / "claims"
PAPERS = ("admm", "kgj", "cczk", "cck")


def inventory(paper: str, claims_dir: Path = CLAIMS_DIR) -> list[tuple[str, str, str]]:
    """Rows (label, where, kind) of the paper's inventory table, in paper order."""
    rows = []
    for line in (claims_dir / f"{paper}.md").read_text(encoding="utf-8").splitlines():
        if not line.startswith("| ") or line.startswith("| label"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if len(cells) >= 3:
            rows.append((cells[0], cells[1], cells[2]))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("papers", nargs="*", default=list(PAPERS))
    ap.add_argument("--list", action="store_true", help="list the uncovered rows")
    args = ap.parse_args(argv)
    labels = collections.defaultdict(set)
    for claim in all_claims():
        labels[claim.paper].add(claim.label)
    for paper in args.papers:
        rows = inventory(paper)
        missing = [r for r in rows if r[0] not in labels[paper]]
        print(f"{paper}: {len(rows) - len(missing)}/{len(rows)} inventory rows have a claim")
        if args.list:
            for label, where, kind in missing:
                print(f"  - {label}  [{kind}; {where}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
