"""cck valuations (eq. (11)): bad input, closed forms vs quadrature and Monte Carlo."""
import numpy as np
import pytest
from scipy.integrate import quad
from scipy.stats import norm

from derivations.cck import valuations as va
from derivations.errors import DomainError


@pytest.mark.parametrize("fam", va.FAMILIES)
def test_closed_form_vs_quadrature(fam):
    for sigma, m, tau in [(1.0, 1, 0.5), (0.3, 7, 2.0), (2.0, 40, 0.05), (1.5, 3, 3.0)]:
        s = sigma / np.sqrt(m)
        f = lambda x: va.error_value(fam, x, tau) * 2 * norm.pdf(x, scale=s)
        val = quad(f, 0, tau, epsabs=1e-14)[0] + quad(f, tau, tau + 40 * s, epsabs=1e-14)[0]
        assert abs(va.data_value(fam, m, sigma, tau) - val) < 1e-10


def test_monte_carlo_inf_over_mu_is_any_mu():
    rng = np.random.default_rng(1)
    for mu in (-3.0, 0.0, 5.0):
        X = rng.normal(mu, 1.2, size=(200_000, 4))
        err = np.abs(X.mean(axis=1) - mu)
        mc = va.error_value("gaussian", err, 0.7).mean()
        assert abs(mc - va.data_value("gaussian", 4, 1.2, 0.7)) < 5e-3


def test_step_valuation_matches_threshold_mixture():
    v = va.StepErrorValuation((0.2, 1.0), (1.0, 0.25))
    m = np.arange(1, 6)
    want = 0.75 * va.data_value("threshold", m, 1.0, 0.2) + 0.25 * va.data_value("threshold", m, 1.0, 1.0)
    assert np.allclose(v.data_value(m, 1.0), want, rtol=0, atol=1e-15)
    assert v.error_value(0.5) == 0.25 and v.error_value(2.0) == 0.0


def test_bad_input():
    with pytest.raises(DomainError, match="sigma"):
        va.data_value("gaussian", 3, 0.0, 1.0)
    with pytest.raises(DomainError, match="sigma"):
        va.data_value("gaussian", 3, -1.0, 1.0)
    with pytest.raises(DomainError, match="tau"):
        va.data_value("tent", 3, 1.0, 0.0)
    with pytest.raises(DomainError, match="integers"):
        va.data_value("tent", 2.5, 1.0, 1.0)
    with pytest.raises(DomainError, match="non-increasing"):
        va.StepErrorValuation((0.2, 1.0), (0.5, 0.75))
    with pytest.raises(DomainError, match="non-increasing"):
        va.check_error_valuation([0.0, 1.0, 2.0], [0.5, 0.4, 0.6])
    with pytest.raises(DomainError, match="non-empty"):
        va.quantity_table([], [], 1.0, 3)
    with pytest.raises(DomainError, match="non-decreasing"):
        va.check_quantity_valuations([[0.0, 0.5, 0.4]])
    with pytest.raises(DomainError, match="v_j\\(0\\) = 0"):
        va.check_quantity_valuations([[0.1, 0.5, 0.6]])
    with pytest.raises(DomainError, match="unknown"):
        va.data_value("cubic", 1, 1.0, 1.0)
