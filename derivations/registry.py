"""All claims of all papers, in paper order."""
from __future__ import annotations

import importlib
from functools import lru_cache

from .claims import PAPERS, Claim


@lru_cache(maxsize=None)
def all_claims(papers: tuple[str, ...] = PAPERS) -> tuple[Claim, ...]:
    """Every registered claim of ``papers``; ids are checked to be unique."""
    out: list[Claim] = []
    for paper in papers:
        module = importlib.import_module(f"derivations.{paper}")
        for c in module.CLAIMS:
            if c.paper != paper:
                raise ValueError(f"{c.id} is listed under derivations.{paper}")
            out.append(c)
    ids = [c.id for c in out]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise ValueError(f"duplicate claim ids: {sorted(dup)}")
    return tuple(out)


def by_id(claim_id: str) -> Claim:
    for c in all_claims():
        if c.id == claim_id:
            return c
    raise KeyError(f"no claim with id {claim_id!r}")
