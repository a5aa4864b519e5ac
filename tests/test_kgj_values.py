"""kgj numpy value families (derivations/kgj/values.py): bad input, brute-force optimum."""
import numpy as np
import pytest

from derivations.errors import DomainError
from derivations.kgj import values

FAMILIES = [("erm", 0.9, 1.0, 0.0), ("sqrt", 0.8, 2.0, 0.0), ("exp", 0.9, 1.5, 0.7), ("pwl", 0.7, 3.0, 1.0)]


@pytest.mark.parametrize("family,a,k,m0", FAMILIES)
@pytest.mark.parametrize("c", [1e-3, 1e-2, 0.05, 0.2, 1.0])
def test_optimum_matches_brute_force(family, a, k, m0, c):
    F = values.FAMILY_BUILDERS[family](a, k, m0)
    grid = np.concatenate([[0.0], np.logspace(-4, 4, 400001)])
    u = F.u(grid, c)
    ms = values.optimal_contribution(family, c, a, k, m0)
    assert F.u(np.array([ms]), c)[0] >= u.max() - 1e-9
    if u.max() <= 0:
        assert ms == 0.0


@pytest.mark.parametrize("family,a,k,m0", FAMILIES[:3])
def test_root_agrees_with_closed_form(family, a, k, m0):
    for c in (1e-3, 1e-2, 0.1):
        x = values.optimal_contribution(family, c, a, k, m0)
        y = values.optimal_contribution_by_root(family, c, a, k, m0)
        assert x == pytest.approx(y, rel=1e-12, abs=0)


def test_monotone_in_cost():
    for family, a, k, m0 in FAMILIES:
        ms = [values.optimal_contribution(family, c, a, k, m0) for c in np.logspace(-4, 1, 60)]
        assert all(x >= y for x, y in zip(ms, ms[1:]))


@pytest.mark.parametrize("c", [0.0, -1.0, float("nan"), float("inf")])
def test_bad_cost(c):
    with pytest.raises(DomainError, match="c_i > 0|finite"):
        values.optimal_contribution("erm", c, 0.9, 1.0)


def test_bad_parameters():
    with pytest.raises(DomainError, match=r"\(0, 1\]"):
        values.erm(1.5, 1.0)
    with pytest.raises(DomainError, match="k"):
        values.sqrt_saturating(0.5, 0.0)
    with pytest.raises(DomainError, match="m0"):
        values.exp_saturation(0.5, 1.0, -1.0)
    with pytest.raises(DomainError, match="family"):
        values.optimal_contribution("nope", 0.1, 0.5, 1.0)
    with pytest.raises(DomainError, match="m must be >= 0"):
        values.erm(0.5, 1.0).v(-1.0)


def test_general_value_rejects_non_concave_and_decreasing():
    with pytest.raises(DomainError, match="concave"):
        values.general_value(lambda m: 1 - 1 / (1 + m * m), lambda m: 2 * m / (1 + m * m) ** 2, 0.0)
    with pytest.raises(DomainError, match="non-decreasing"):
        values.general_value(lambda m: -m / (1 + m), lambda m: -1 / (1 + m) ** 2, 0.0)
    with pytest.raises(DomainError, match=r"\[0, 1\]"):
        values.general_value(lambda m: 2 * m / (1 + m), lambda m: 2 / (1 + m) ** 2, 0.0)


def test_general_value_root_matches_family():
    g = values.general_value(lambda m: 0.9 * (1 - np.exp(-m)), lambda m: 0.9 * np.exp(-m), 0.0)
    for c in (0.01, 0.1, 0.5):
        assert g.optimal_contribution(c) == pytest.approx(values.optimal_contribution("exp", c, 0.9, 1.0, 0.0),
                                                          rel=1e-12)
    assert g.optimal_contribution(1.0) == 0.0
