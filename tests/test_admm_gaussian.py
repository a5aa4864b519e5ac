"""admm §2.1 numpy model: bad input, independent routes, and a Monte Carlo smoke test of eq. (1)."""
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from derivations.admm import gaussian, priors
from derivations.errors import DomainError

SIGMA = np.array([[2.0, 0.6, -0.3], [0.6, 1.0, 0.2], [-0.3, 0.2, 1.5]])
Q = np.array([1.5, 4.0, 0.7])


@pytest.mark.parametrize("bad,match", [
    (np.array([[1.0, 2.0], [2.0, 1.0]]), "positive definite"),
    (np.array([[1.0, 0.5], [0.4, 1.0]]), "symmetric"),
    (np.array([[1.0, np.nan], [np.nan, 1.0]]), "finite"),
    (np.ones(3), "square matrix"),
])
def test_bad_covariance_is_named(bad, match):
    with pytest.raises(DomainError, match=match):
        gaussian.value(bad, np.ones(bad.shape[0] if bad.ndim == 2 else 3))


@pytest.mark.parametrize("q,match", [
    (np.array([1.0, -1.0, 1.0]), ">= 0"),
    (np.array([1.0, np.nan, 1.0]), "NaN"),
    (np.array([1.0, 1.0]), "shape"),
    (np.array([1.0, np.inf, 1.0]), "finite"),
])
def test_bad_quality_is_named(q, match):
    with pytest.raises(DomainError, match=match):
        gaussian.value(SIGMA, q)


def test_misreport_needs_positive_qualities():
    with pytest.raises(DomainError, match="> 0"):
        gaussian.accuracy(SIGMA, Q, np.array([1.0, 0.0, 1.0]))


def test_bad_prior_parameters():
    with pytest.raises(DomainError, match="Q > 0"):
        priors.uniform_hazard_ratio(Q, -1.0)
    with pytest.raises(DomainError, match=r"\[0, 1.0\]"):
        priors.uniform_hazard_ratio(Q, 1.0)
    with pytest.raises(DomainError, match="rate > 0"):
        priors.exponential_hazard_ratio(Q, 0.0)


def posterior_variance_by_conditioning(Sigma, q):
    """Independent route: condition the joint Gaussian (theta, s) directly (Schur complement)."""
    D = np.diag(np.diag(Sigma) / q)
    Css = Sigma + D
    return np.diag(Sigma - Sigma @ np.linalg.solve(Css, Sigma))


@given(st.integers(2, 6).flatmap(lambda n: st.tuples(
    st.lists(st.floats(-1, 1), min_size=n * n, max_size=n * n),
    st.lists(st.floats(0.05, 10), min_size=n, max_size=n))))
def test_truthful_accuracy_matches_direct_conditioning(data):
    entries, q = data
    n = len(q)
    A = np.array(entries).reshape(n, n)
    Sigma = A @ A.T + np.eye(n)
    Sigma = (Sigma + Sigma.T) / 2
    q = np.array(q)
    np.testing.assert_allclose(-gaussian.accuracy(Sigma, q), posterior_variance_by_conditioning(Sigma, q),
                               rtol=1e-9)
    np.testing.assert_allclose(gaussian.value(Sigma, q), 1 + gaussian.accuracy(Sigma, q) / np.diag(Sigma),
                               rtol=1e-9, atol=1e-12)
    assert np.all(gaussian.value(Sigma, q) <= 1) and np.all(gaussian.value(Sigma, q) >= 0)


def test_eq1_monte_carlo_smoke():
    """eq. (1) by simulation: draw theta and s, estimate with the misreported qualities."""
    rng = np.random.default_rng(20261123)
    q_hat = np.array([3.0, 1.0, 2.0])
    m = 400_000
    theta = rng.multivariate_normal(np.zeros(3), SIGMA, size=m)
    s = theta + rng.normal(size=(m, 3)) * np.sqrt(np.diag(SIGMA) / Q)
    K = SIGMA @ np.linalg.inv(SIGMA + np.diag(np.diag(SIGMA) / q_hat))  # posterior mean under q_hat
    sq = (s @ K.T - theta) ** 2
    mc, se = sq.mean(axis=0), sq.std(axis=0) / np.sqrt(m)
    exact = -gaussian.accuracy(SIGMA, Q, q_hat)
    assert np.all(np.abs(mc - exact) < 5 * se), (mc, exact, se)
    truthful = -gaussian.accuracy(SIGMA, Q)
    assert np.all(exact >= truthful)  # Assumption 1(ii)
