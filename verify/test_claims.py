"""The one test over every registered claim (adding a claim never needs a new test function)."""
import pytest

from verify.engine import check
from verify.results import PASSING


def test_claim(claim, verify_config, request):
    res = check(claim, verify_config)
    request.node.user_properties.append(("claim_result", res.record()))
    if res.status == "skipped":
        pytest.skip(f"{claim.label}: {res.reason}")
    assert res.status in PASSING, f"{claim.id} [{claim.label}] is {res.status}: {res.reason}"
