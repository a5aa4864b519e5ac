"""numpy helpers of derivations.admm.proof_steps: bad input raises DomainError naming the condition; Monte Carlo /
brute-force smoke tests against independent computations."""
import numpy as np
import pytest

from derivations.admm import gaussian, proof_steps as rest
from derivations.errors import DomainError

SIGMA = np.array([[1.3, 0.4], [0.4, 0.8]])
Q2 = np.array([2.0, 0.7])


@pytest.mark.parametrize("args, words", [
    ((np.array([[1.0, 2.0], [2.0, 1.0]]), Q2, 0, 1.0), "positive definite"),
    ((SIGMA, np.array([2.0, -1.0]), 0, 1.0), "> 0"),
    ((SIGMA, np.array([2.0, 1.0, 3.0]), 0, 1.0), "shape"),
    ((SIGMA, Q2, 2, 1.0), "index"),
    ((SIGMA, Q2, 0, -1.0), "hazard ratio"),
])
def test_phi_hat_bad_input(args, words):
    with pytest.raises(DomainError, match=words):
        rest.phi_hat_numpy(*args)


@pytest.mark.parametrize("kw, words", [
    (dict(tau=0.0, Q=5.0), "tau"),
    (dict(tau=1.0, Q=-5.0), "Q must"),
])
def test_interim_utility_bad_input(kw, words):
    with pytest.raises(DomainError, match=words):
        rest.interim_utility_numpy(SIGMA, Q2, 0, **kw)


def test_interim_utility_needs_two_agents():
    with pytest.raises(DomainError, match="two agents"):
        rest.interim_utility_numpy(np.eye(3), np.ones(3), 0, 1.0, 5.0)


def test_phi_hat_matches_finite_difference():
    """(B.12): v-hat - v-hat' h, v-hat' by a central difference of (A.5)."""
    def v_hat(t):
        s = SIGMA[0, 1] ** 2 / (SIGMA[0, 0] * SIGMA[1, 1]) * Q2[1] / (1 + Q2[1])
        return t / (1 + t) + s / (1 + t) ** 2
    dt = 1e-6
    dv = (v_hat(Q2[0] + dt) - v_hat(Q2[0] - dt)) / (2 * dt)
    assert rest.phi_hat_numpy(SIGMA, Q2, 0, 3.0) == pytest.approx(v_hat(Q2[0]) - 3.0 * dv, rel=1e-8)


def test_interim_utility_monte_carlo():
    """(C.1) by Monte Carlo over q_j ~ U[0, Q] against the quadrature."""
    rng = np.random.default_rng(0)
    Q, tau = 6.0, 1.2
    xs = rng.uniform(0, Q, 300)
    vals = []
    for x in xs:
        qq = Q2.copy(); qq[1] = x
        qt = qq.copy(); qt[0] = tau
        vals.append(gaussian.value(SIGMA, qq)[0] - gaussian.value(SIGMA, qt)[0])
    mc = np.mean(vals)
    se = np.std(vals) / np.sqrt(len(vals))
    assert abs(rest.interim_utility_numpy(SIGMA, Q2, 0, tau, Q) - mc) < 5 * se + 1e-12
    assert rest.interim_utility_numpy(SIGMA, np.array([1.0, 0.7]), 0, tau, Q) == 0.0  # below the threshold
