"""numpy g^-1, Y, H of admm App. B/C (derivations.admm.threshold): domain errors and brute force."""
import math
import re

import numpy as np
import pytest

from derivations.admm import threshold
from derivations.errors import DomainError


@pytest.mark.parametrize("S, Q, word", [(0.5, 20.0, "S must lie in [0, 1/3]"), (-0.1, 20.0, "S must lie"),
                                        (0.1, 0.0, "Q must be > 0"), (float("nan"), 5.0, "finite"),
                                        (0.1, float("inf"), "finite")])
def test_bad_input_names_condition(S, Q, word):
    with pytest.raises(DomainError, match=re.escape(word)):
        threshold.g_inverse(S, Q)


def test_no_root_bracketed():
    # Q small: B(0) = S - (1 - 2S) Q >= 0, so the threshold is 0 and g^-1 is not defined
    with pytest.raises(DomainError, match="B\\(0\\) < 0 < B\\(Q\\)"):
        threshold.g_inverse(1 / 3, 0.5)


def test_brute_force_threshold_is_inf_of_nonnegative_virtual_value():
    """q-bar = inf{q in [0, Q] : phi-hat(q) >= 0} on a fine grid equals g^-1(S) to grid resolution."""
    rng = np.random.default_rng(0)
    for _ in range(20):
        Q = float(np.exp(rng.uniform(math.log(4.5), math.log(1e3))))
        S = float(rng.uniform(0, 1 / 3))
        grid = np.linspace(0, Q, 200001)
        phi = threshold._B(grid, Q, S)
        qbar = grid[np.argmax(phi >= 0)]
        assert abs(qbar - threshold.g_inverse(S, Q)) <= Q / 200000
        assert math.isclose(threshold.g(threshold.g_inverse(S, Q), Q), S, rel_tol=1e-9, abs_tol=1e-12)


def test_Y_is_expected_payment_by_monte_carlo():
    """(B.28): Y(S) = E_{q ~ U[0, Q]}[v-hat(q-bar) 1{q >= q-bar}] (the price is v-hat at the threshold)."""
    rng = np.random.default_rng(1)
    Q, S = 30.0, 0.2
    r = threshold.g_inverse(S, Q)
    draws = rng.uniform(0, Q, 400000)
    pay = np.where(draws >= r, r / (1 + r) + S / (1 + r) ** 2, 0.0)
    assert abs(pay.mean() - threshold.Y(S, Q)) < 4 * pay.std() / math.sqrt(draws.size)


def test_H_is_expected_utility_by_quadrature():
    """(B.36)-(B.37) with e_i = 0: H(S)/Q = (1/Q) int_{q-bar}^{Q} (v-hat(q) - v-hat(q-bar)) dq."""
    from scipy.integrate import quad

    Q, S = 50.0, 0.25
    r = threshold.g_inverse(S, Q)
    vh = lambda x: x / (1 + x) + S / (1 + x) ** 2  # noqa: E731
    val, _ = quad(lambda x: vh(x) - vh(r), r, Q, epsabs=1e-13, epsrel=1e-13)
    assert math.isclose(val, threshold.H(S, Q), rel_tol=1e-10)
