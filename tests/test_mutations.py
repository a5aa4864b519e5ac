"""Teeth: for every registered claim, mutated statements must be rejected by the engine."""
from dataclasses import replace

import pytest

from derivations.registry import all_claims
from derivations.statements import AllOf
from verify import config
from verify.engine import check
from verify.mutants import claim_mutants
from verify.results import PASSING

from . import textbook

CFG = replace(config.profile("ci"), max_examples=10, symbolic_timeout=2.0, box_budget=200, shrink=False)

CASES = [(c, name, m) for c in all_claims() + tuple(textbook.TRUE) for name, m in claim_mutants(c)]


@pytest.mark.parametrize("claim,name,mutant", CASES, ids=[m.id for _, _, m in CASES])
def test_mutant_is_rejected(claim, name, mutant, request):
    res = check(mutant, CFG)
    request.node.user_properties.append(("mutant", {"claim": claim.id, "mutant": name, "status": res.status}))
    assert res.status not in PASSING, f"mutant '{name}' of {claim.id} survived as {res.status}"


@pytest.mark.parametrize("claim", [c for c in all_claims() if c.skip is None and not isinstance(c.statement, AllOf)],
                         ids=lambda c: c.id)
def test_every_check_has_a_mutant(claim):
    assert claim_mutants(claim), f"{claim.id}: no mutant applies, so nothing shows its check can fail"
