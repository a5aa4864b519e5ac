"""The engine on textbook statements: it proves the true ones and refutes the false ones."""
from dataclasses import replace

import pytest

from verify import config
from verify.engine import check
from verify.results import PASSING
from verify.rigorous import certify_box, sign_certified

from . import textbook

CFG = config.profile("ci")


@pytest.mark.parametrize("claim", textbook.TRUE, ids=lambda c: c.id)
def test_true_statements_verify(claim):
    res = check(claim, CFG)
    assert res.status in PASSING and res.status != "erratum", (res.status, res.reason)
    assert res.instances > 0


@pytest.mark.parametrize("claim", textbook.FALSE, ids=lambda c: c.id)
def test_false_statements_fail_with_a_counterexample(claim):
    res = check(claim, CFG)
    assert res.status == "failed", (res.status, res.reason)
    assert res.worst_input, "a refuted claim must carry its counterexample"


def test_scalar_identities_without_dimensions_are_symbolic():
    assert check(textbook.by("pythagoras"), CFG).status == "verified-symbolic"
    assert check(textbook.by("binomial"), CFG).status == "verified-symbolic"


def test_fixed_dimension_proof_is_not_a_general_proof():
    res = check(textbook.by("inverse-transpose"), CFG)  # inverse-transpose, n in 2..4, no dims for sympy
    assert res.status == "verified-numeric"


def test_bounded_inequality_gets_whole_domain_certificate():
    res = check(textbook.by("log-convex"), CFG)  # log x <= x - 1 on [0.1, 10]: equality at x = 1
    assert res.status in ("verified-symbolic", "verified-rigorous", "verified-numeric")
    strict = check(textbook.by("strict-box"), CFG)  # x + y > sqrt(xy) on [0.1, 10]^2
    assert strict.status in ("verified-symbolic", "verified-rigorous"), strict.methods


def test_cancellation_is_not_mistaken_for_failure():
    res = check(textbook.by("cancellation"), CFG)
    assert res.status in PASSING
    assert float(res.ladder["max_rel_error_by_digits"]["30"]) > 0.1  # 30 digits lose everything
    assert float(res.ladder["max_rel_error_by_digits"]["120"]) < 1e-60


def test_counterexample_is_shrunk():
    res = check(textbook.by("freshman-dream"), CFG)  # (x+y)^2 = x^2+y^2 fails iff xy != 0
    cx = res.worst_input
    assert cx["x"] != 0 and cx["y"] != 0
    assert abs(cx["x"]) <= 1 and abs(cx["y"]) <= 1  # hypothesis shrinks towards small values


def test_tiny_error_is_still_caught_by_the_ladder():
    res = check(textbook.by("tiny-constant"), CFG)  # relative error 1e-40 is far above 120-digit noise
    assert res.status == "failed"


def test_erratum_flow():
    res = check(textbook.ERRATUM, CFG)
    assert res.status == "erratum"
    e = res.erratum
    assert e["counterexample"] and e["printed"] and e["corrected"] and e["explanation"]
    assert check(textbook.FALSE_ERRATUM, CFG).status == "failed"
    assert check(textbook.BAD_CORRECTION, CFG).status == "failed"


def test_undefined_definition_is_rejected():
    assert check(textbook.UNDEFINED, CFG).status in ("failed", "error")


def test_skip_needs_a_reason_and_is_reported():
    c = replace(textbook.TRUE[0], id="test.skipped", statement=None, skip="verbal statement")
    res = check(c, CFG)
    assert res.status == "skipped" and res.reason == "verbal statement"
    with pytest.raises(ValueError, match="skip reason"):
        replace(textbook.TRUE[0], statement=None)


def test_arb_ball_straddling_zero_is_undecided():
    import flint

    assert sign_certified(flint.arb(0, 1e-10), ">=") is None
    assert sign_certified(flint.arb(1, 1e-10), ">") is True
    assert sign_certified(flint.arb(-1, 1e-10), ">=") is False


def test_box_certificate_refutes_and_certifies():
    assert certify_box(lambda o, x: x * x + 1, {"x": (-2.0, 2.0)}, ">")[0] == "certified"
    assert certify_box(lambda o, x: x * x - 1, {"x": (-0.5, 0.5)}, ">")[0] == "refuted"
    assert certify_box(lambda o, x: x * x, {"x": (-1.0, 1.0)}, ">", max_boxes=50)[0] == "undecided"


def test_engine_never_raises_on_broken_formula():
    c = replace(textbook.TRUE[0], id="test.broken", statement=type(textbook.TRUE[0].statement)(
        lambda o, x: 1 / 0, lambda o, x: 1))
    assert check(c, CFG).status == "error"


def test_erratum_region_guides_the_refutation():
    res = check(textbook.REGION_ERRATUM, CFG)
    assert res.status == "erratum", res.reason
    assert 0.2 <= res.erratum["counterexample"]["x"] <= 0.8
    assert res.instances > 0  # the corrected statement was checked on the whole domain
