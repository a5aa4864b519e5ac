"""The claims inventories ``../shared/claims/<paper>.md``: one markdown table per paper whose rows are
(label, where, kind, what is claimed), in paper order.  The label column is the paper's own label and
the key of every claim (``Claim.label``)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

CLAIMS_DIR = Path(__file__).resolve().parents[2] / "shared" / "claims"
NOT_IN_INVENTORY = "[not in inventory]"  # a claim's notes carry this when its label is not in the inventory


@dataclass(frozen=True)
class Row:
    label: str
    where: str
    kind: str
    text: str


def rows(paper: str, claims_dir: Path | None = None) -> list[Row]:
    """The inventory rows of ``paper`` in paper order (``[]`` when the file does not exist).
    Cells are split on unescaped ``|``; ``\\|`` inside a cell is an escaped bar."""
    f = Path(claims_dir or CLAIMS_DIR) / f"{paper}.md"
    if not f.is_file():
        return []
    out = []
    for line in f.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|") or line.startswith("|---") or line.startswith("| label"):
            continue
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        if cells and cells[0]:
            cells += [""] * (4 - len(cells))
            out.append(Row(cells[0], cells[1], cells[2], " | ".join(cells[3:])))
    return out


def missing(rows_: list[Row], labels) -> list[Row]:
    """The rows none of ``labels`` names."""
    have = set(labels)
    return [r for r in rows_ if r.label not in have]
