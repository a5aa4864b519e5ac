"""admm Example 1 and the closed forms of ``asymptotics``: bad input raises DomainError naming the condition;
the quadrature of the closed form agrees with a Monte Carlo run of Algorithm 1 (thresholds by root finding
on eq. (3) with the 3x3 value (A.1)); the closed form of v agrees with the numpy value of gaussian.py."""
import mpmath
import numpy as np
import pytest

from derivations.admm import asymptotics as X
from derivations.admm import example1 as E
from derivations.admm import gaussian
from derivations.errors import DomainError
from verify.backends import Mp


def test_rho_out_of_range_raises():
    with pytest.raises(DomainError, match="rho must lie in"):
        E.expected(mpmath.mp, 0, 0.8)
    with pytest.raises(DomainError, match="rho must lie in"):
        E.monte_carlo(-0.75, 100)
    with pytest.raises(DomainError, match="which must be"):
        E.monte_carlo(0.3, 100, which="price")


def test_quadrature_matches_monte_carlo():
    rho = 0.6
    with mpmath.workdps(15):
        pay = [float(E.expected(mpmath.mp, i, rho)) for i in range(3)]
    mc = E.monte_carlo(rho, n_samples=4000, seed=3)
    for p, (m, se) in zip(pay, mc):
        assert abs(p - m) < 5 * se + 1e-6, (p, m, se)
    assert pay[0] > pay[1] and abs(pay[1] - pay[2]) < 1e-12


def test_utility_reversal_monte_carlo():
    """The erratum of §A.6 line 286: at rho = 1/sqrt 2 agent 1's expected utility is below agent 2's."""
    rho = 0.7071
    with mpmath.workdps(15):
        u = [float(E.expected(mpmath.mp, i, rho, "utility")) for i in range(2)]
    mc = E.monte_carlo(rho, n_samples=4000, seed=5, which="utility")
    for p, (m, se) in zip(u, mc):
        assert abs(p - m) < 5 * se + 1e-6
    assert mc[0][0] + 4 * mc[0][1] < mc[1][0] - 4 * mc[1][1]


def test_closed_form_value_matches_numpy():
    rng = np.random.default_rng(0)
    o = Mp(mpmath.mp)
    for _ in range(5):
        L = rng.normal(size=(3, 3)) + 2 * np.eye(3)
        S = L @ L.T
        q = rng.uniform(0.1, 10, size=3)
        v = gaussian.value(S, q)
        with mpmath.workdps(30):
            Sm = o.matrix(S.tolist())
            for i in range(3):
                assert abs(float(X.v_closed(o, Sm, [mpmath.mpf(x) for x in q], i)) - v[i]) < 1e-12


def test_exact_threshold_corner_raises():
    o = Mp(mpmath.mp)
    with mpmath.workdps(20):
        S = o.matrix([[1, 0.95], [0.95, 1]])
        with pytest.raises(DomainError, match="lower end 0"):
            X.exact_threshold(o, S, [mpmath.mpf(1), mpmath.mpf(10)], 0, 10)
