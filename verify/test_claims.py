"""The one test over every registered claim (adding a claim never needs a new test function)."""
import pytest

from derivations.registry import all_claims
from verify.engine import check
from verify.results import PASSING


def test_claim(claim, verify_config, request):
    res = check(claim, verify_config)
    record = res.record()
    record["order"] = all_claims().index(claim)  # paper order, as the registry lists it
    request.node.user_properties.append(("claim_result", record))
    if res.status == "skipped":
        pytest.skip(f"{claim.label}: {res.reason}")
    assert res.status in PASSING, f"{claim.id} [{claim.label}] is {res.status}: {res.reason}"
