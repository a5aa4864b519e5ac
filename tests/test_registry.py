"""The registry: ids unique and well formed, labels exactly as in shared/claims, definitions testable."""
import re
from pathlib import Path

import pytest

from derivations import inventory
from derivations.claims import PAPERS
from derivations.inventory import CLAIMS_DIR, NOT_IN_INVENTORY
from derivations.registry import all_claims
from derivations.statements import AllOf, Defines



def inventory_labels(paper):
    return {r.label for r in inventory.rows(paper)}


@pytest.mark.skipif(not CLAIMS_DIR.exists(), reason="shared/claims is not beside this checkout")
@pytest.mark.parametrize("paper", PAPERS)
def test_labels_are_the_papers_own(paper):
    labels = inventory_labels(paper)
    bad = [(c.id, c.label) for c in all_claims((paper,))
           if c.label not in labels and NOT_IN_INVENTORY not in c.notes]
    assert not bad, f"labels not in shared/claims/{paper}.md: {bad}"


def test_ids_are_well_formed():
    for c in all_claims():
        assert re.fullmatch(r"(admm|kgj|cczk|cck)\.[A-Za-z0-9_.-]+", c.id), c.id


def test_all_of_refers_to_registered_claims():
    ids = {c.id for c in all_claims()}
    for c in all_claims():
        if isinstance(c.statement, AllOf):
            assert set(c.statement.ids) <= ids, c.id


def test_definitions_carry_an_implementation():
    """A definition is checked through the code that implements it; without one it cannot fail."""
    bare = [c.id for c in all_claims() if isinstance(c.statement, Defines) and not c.implementations]
    assert not bare, bare


def test_skips_give_reasons():
    for c in all_claims():
        if c.skip is not None:
            assert len(c.skip) > 20, f"{c.id}: skip reason too thin: {c.skip!r}"
