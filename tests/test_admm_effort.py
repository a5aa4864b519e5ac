"""admm §4 / Theorem 3 / Proposition C.1 effort games (derivations.admm.effort): domain errors, Monte Carlo,
brute force over grids, and the n-agent statements the two-agent claims cannot reach."""
import math
import re

import mpmath
import numpy as np
import pytest

from derivations.admm import effort as E
from derivations.admm import threshold
from derivations.errors import DomainError
from verify.backends import Mp

MP = Mp(mpmath.mp)


def _sig2(rng, n, total=0.32):
    """A random symmetric Sigma-hat of squared correlation factors with row sums < 1/3."""
    A = rng.uniform(0, 1, (n, n))
    A = (A + A.T) / 2
    np.fill_diagonal(A, 0)
    return A * (total * rng.uniform(0.3, 1.0) / A.sum(axis=1).max())


@pytest.mark.parametrize("call, word", [
    (lambda: E.check_game(4.0, np.zeros((2, 2))), "Q must be finite and > 4"),
    (lambda: E.check_game(9.0, np.array([[0, 0.1], [0.2, 0]])), "must be symmetric"),
    (lambda: E.check_game(9.0, np.array([[0, -0.1], [-0.1, 0]])), "must be >= 0"),
    (lambda: E.check_game(9.0, np.array([[0, 0.34], [0.34, 0]])), "row sum"),
    (lambda: E.check_game(9.0, np.zeros((2, 2)), e=[0.0, 1.5]), "efforts must lie in [0, sqrt(Q) - 2]"),
    (lambda: E.check_game(9.0, np.zeros((1, 1))), "n >= 2"),
    (lambda: E.power_cost(0.5, 2, 9.0), "kappa >= 1"),
    (lambda: E.effort_grid(9.0, 1), "m >= 2"),
    (lambda: E.g_inverse_vec([0.5], 9.0), "S must lie in [0, 1/3]"),
    (lambda: E.coordination_cost_np(0.0, 9.0), "lam must be > 0"),
    (lambda: E.full_allocation_value(np.eye(2), [1.0, 0.0], 0), "q_j must be > 0"),
    (lambda: E.expected_value_uniform(np.eye(2), [0.0, 3.0], 2.0, 0), "efforts must lie in [0, Q)"),
])
def test_bad_input_names_condition(call, word):
    with pytest.raises(DomainError, match=re.escape(word)):
        call()


def test_vectorised_H_matches_scalar_H():
    rng = np.random.default_rng(1)
    for Q in (4.5, 9.0, 50.0, 400.0):
        S = rng.uniform(0, 1 / 3, 20)
        ref = np.array([threshold.H(s, Q) for s in S])
        assert np.allclose(E.H_vec(S, Q), ref, rtol=1e-13, atol=0)


def test_B38_by_monte_carlo_three_agents():
    """(B.38): E[U_i] = E[H(S)]/(Q - e_i), against simulated realised utilities of the threshold mechanism
    (allocated iff q_i >= q-bar = inf{q >= e_i : phi-hat(q) >= 0}, pays v-hat(q-bar))."""
    rng = np.random.default_rng(2)
    Q, S2 = 16.0, _sig2(rng, 3)
    eb = E.ebar_np(Q)
    e = rng.uniform(0, eb, 3)
    N = 200_000
    q = e + (Q - e) * rng.uniform(0, 1, (N, 3))
    S = (S2[0, 1] * q[:, 1] / (1 + q[:, 1]) + S2[0, 2] * q[:, 2] / (1 + q[:, 2]))
    qbar = np.maximum(e[0], E.g_inverse_vec(S, Q))
    v = lambda x: x / (1 + x) + S / (1 + x) ** 2
    U = np.where(q[:, 0] >= qbar, v(q[:, 0]) - v(qbar), 0.0)
    assert abs(U.mean() - E.expected_utility(0, e, Q, S2)) < 5 * U.std() / math.sqrt(N)


def test_two_agent_formulas_agree_with_numpy_and_direct_integrals():
    with mpmath.workdps(20):
        Q, s2, ti, tj = mpmath.mpf(12), mpmath.mpf("0.25"), mpmath.mpf("0.4"), mpmath.mpf("0.7")
        eb = E.ebar(MP, Q)
        m = E.mean_H(MP, Q, s2, tj * eb)
        assert abs(m - E.mean_H_direct(MP, Q, s2, tj * eb)) < 1e-15
        assert abs(E.utility_mechanism_2d(MP, Q, s2, ti, tj) - E.utility(MP, Q, s2, ti, tj)) < 1e-15
        assert abs(E.cross_partial_sigma(MP, Q, s2, ti, tj) - E.cross_partial_sigma_direct(MP, Q, s2, ti, tj)) < 1e-18
        e = [float(ti * eb), float(tj * eb)]
        assert math.isclose(E.expected_H(0, e, 12.0, np.array([[0, 0.25], [0.25, 0]])), float(m), rel_tol=1e-12)


def test_supermodular_n_agents():
    """Theorem 3(i) for n = 3, 4: every cross difference of E[U_i] in (e_i, e_j) is >= 0."""
    rng = np.random.default_rng(3)
    for n in (3, 4):
        Q = float(np.exp(rng.uniform(math.log(4.5), math.log(100))))
        S2, eb = _sig2(rng, n), E.ebar_np(Q)
        for _ in range(2):
            e = rng.uniform(0, eb, n)
            for i in range(n):
                for j in range(n):
                    if i == j:
                        continue
                    lo, hi = sorted(rng.uniform(0, eb, 2))
                    a, b = sorted(rng.uniform(0, eb, 2))

                    def U(x, y):
                        f = e.copy()
                        f[i], f[j] = x, y
                        return E.expected_utility(i, f, Q, S2, nodes=12)
                    d = U(hi, b) + U(lo, a) - U(hi, a) - U(lo, b)
                    assert d >= -1e-13 * abs(U(hi, b))


def test_tarski_lattice_brute_force_three_agents():
    """Theorem 3(ii): with a coordination cost the grid equilibria (brute force) have a least and a greatest
    element, and they are the limits of best-response iteration from the bottom and the top."""
    Q, S2 = 9.0, np.full((3, 3), 0.12) - 0.12 * np.eye(3)  # exchangeable agents: one lam fits all
    eb = E.ebar_np(Q)
    ek = eb * E.K_KINK / (E.M_GRID - 1)
    m0 = E.expected_H(0, [0, 0, 0], Q, S2, nodes=12)
    mk = E.expected_H(0, [ek, ek, ek], Q, S2, nodes=12)
    lam = (m0 + 0.5 * (mk - m0)) / (Q * (Q - ek))
    costs = [E.coordination_cost_np(lam, Q)] * 3
    eq, up = E.equilibria(Q, S2, costs, E.M_GRID, nodes=12)
    top, path_top = E.tarski_np(Q, S2, costs, E.M_GRID, top=True, nodes=12)
    bot, path_bot = E.tarski_np(Q, S2, costs, E.M_GRID, top=False, nodes=12)
    assert len(eq) >= 2
    assert np.array_equal(top, eq.max(axis=0)) and np.array_equal(bot, eq.min(axis=0))
    assert (bot < top).all()
    assert all((b <= a).all() for a, b in zip(path_top, path_top[1:]))  # monotone paths
    assert all((a <= b).all() for a, b in zip(path_bot, path_bot[1:]))
    assert np.array_equal(top, up.max(axis=0))  # largest NE = max E(Sigma-hat)


def test_best_response_iteration_and_comparative_statics():
    """Proof of Theorem 3(iii): E(Sigma-hat) grows with Sigma-hat, iteration from any e_0 in E is
    non-decreasing, and the greatest equilibrium is non-decreasing in Sigma-hat (n = 2 brute force)."""
    Q = 16.0
    eb = E.ebar_np(Q)
    ek = eb * E.K_KINK / (E.M_GRID - 1)
    h0, h1 = E.H_vec(np.array([0.0]), Q)[0], E.H_vec(np.array([1 / 3]), Q)[0]
    lam = (h0 + 0.02 * (h1 - h0)) / (Q * (Q - ek))
    costs = [E.coordination_cost_np(lam, Q)] * 2
    tops, ups = [], []
    for s2 in (0.0, 0.05, 0.1, 0.2, 0.3):
        S2 = np.array([[0, s2], [s2, 0]])
        _, up = E.equilibria(Q, S2, costs, E.M_GRID, nodes=16)
        ups.append({tuple(x) for x in up})
        top, _ = E.tarski_np(Q, S2, costs, E.M_GRID, top=True, nodes=16)
        tops.append(top)
        for e0 in up[np.random.default_rng(0).choice(len(up), min(len(up), 6), replace=False)]:
            e, path = E.tarski_np(Q, S2, costs, E.M_GRID, nodes=16, start=e0)
            assert all((a <= b).all() for a, b in zip(path, path[1:]))
            assert (e <= top).all()
    assert all(a <= b for a, b in zip(ups, ups[1:]))  # set inclusion
    assert all((a <= b).all() for a, b in zip(tops, tops[1:]))
    assert (tops[0] < tops[-1]).any()  # the correlation actually moves the greatest equilibrium


def test_footnote14_greatest_maximiser_on_ties():
    """A payoff flat on the grid (cost = E[U_i] - const) has every grid point as a maximiser: the greatest
    is selected."""
    Q, S2 = 9.0, np.array([[0, 0.2], [0.2, 0]])
    e = [0.0, 0.5]
    M = E.expected_H(0, e, Q, S2)
    flat = lambda x: M / (Q - np.asarray(x, dtype=float)) - 0.25
    assert E.best_response_np(0, e, Q, S2, [flat, flat], 11) == E.ebar_np(Q)


def _v_cross_C26(Sigma, q, i, j):
    """(C.26) with the identity d c_ii/d q_j = (sigma_j^2/q_j^2) c_ji^2 (numpy)."""
    Sq = Sigma + np.diag(np.diag(Sigma) / q)
    C = np.linalg.inv(Sq)
    return (-2 * Sigma[i, i] / q[i] ** 3 * Sigma[j, j] / q[j] ** 2 * C[j, i] ** 2
            * (1 - C[i, i] * Sigma[i, i] / q[i]))


def _spd(rng, n):
    A = rng.normal(size=(n, n))
    return A @ A.T + n * 0.3 * np.eye(n)


def test_C26_against_finite_differences_random_spd():
    rng = np.random.default_rng(5)
    for n in (2, 3, 4):
        for _ in range(5):
            Sigma, q = _spd(rng, n), rng.uniform(0.2, 5, n)
            i, j = rng.choice(n, 2, replace=False)
            h = 1e-4
            def v(a, b):
                x = q.copy()
                x[i] += a
                x[j] += b
                return E.full_allocation_value(Sigma, x, i)
            fd = (v(h, h) - v(h, -h) - v(-h, h) + v(-h, -h)) / (4 * h * h)
            ref = _v_cross_C26(Sigma, q, i, j)
            assert ref <= 0 and abs(fd - ref) <= 1e-5 * max(1.0, abs(ref))


def test_propC1_cross_partial_equals_printed_tail_integral():
    """proof of Proposition C.1: d^2 E[v_1]/de_1 de_2 (Leibniz, mpmath) = int int v_12 dFbar_1/de_1 dFbar_2/de_2
    (Gauss-Legendre over [e_1, Q] x [e_2, Q], dFbar/de = (Q - q)/(Q - e)^2 for Unif[e, Q])."""
    rng = np.random.default_rng(6)
    x, w = np.polynomial.legendre.leggauss(60)
    for _ in range(4):
        a, d = rng.uniform(0.3, 3, 2)
        b = rng.uniform(-0.9, 0.9) * math.sqrt(a * d)
        Q = rng.uniform(1, 10)
        e1, e2 = rng.uniform(0, 0.8 * Q, 2)
        Sigma = np.array([[a, b], [b, d]])
        q1 = e1 + (Q - e1) * (x + 1) / 2
        q2 = e2 + (Q - e2) * (x + 1) / 2
        tot = 0.0
        for k in range(60):
            for l in range(60):
                tot += (w[k] * w[l] * (Q - e1) * (Q - e2) / 4 * _v_cross_C26(Sigma, np.array([q1[k], q2[l]]), 0, 1)
                        * (Q - q1[k]) / (Q - e1) ** 2 * (Q - q2[l]) / (Q - e2) ** 2)
        with mpmath.workdps(20):
            ref = float(E.expected_v1_cross(MP, mpmath.mpf(Q), mpmath.mpf(a), mpmath.mpf(b), mpmath.mpf(d),
                                            mpmath.mpf(e1), mpmath.mpf(e2)))
        assert tot <= 0 and abs(tot - ref) <= 1e-9 * abs(ref) + 1e-14


def test_propC1_submodular_and_best_response_decreasing_three_agents():
    """Proposition C.1 for n = 3: E[v_i] has decreasing differences in (e_i, e_j), and with a convex cost
    the greatest best response on a grid is non-increasing in another agent's effort."""
    rng = np.random.default_rng(7)
    Sigma, Q = _spd(rng, 3), 4.0
    for _ in range(3):
        e = rng.uniform(0, 0.5 * Q, 3)
        lo, hi = sorted(rng.uniform(0, 0.8 * Q, 2))
        a, b = sorted(rng.uniform(0, 0.8 * Q, 2))

        def Ev(x, y):
            f = e.copy()
            f[0], f[1] = x, y
            return E.expected_value_uniform(Sigma, f, Q, 0, nodes=6)
        assert Ev(hi, b) + Ev(lo, a) <= Ev(hi, a) + Ev(lo, b) + 1e-13
    grid = np.linspace(0, 0.8 * Q, 7)
    brs = []
    for ej in np.linspace(0, 0.8 * Q, 4):
        pay = [E.expected_value_uniform(Sigma, [g, ej, 0.5], Q, 0, nodes=6) - 0.05 * g ** 2 for g in grid]
        pay = np.array(pay)
        brs.append(grid[np.flatnonzero(pay == pay.max())[-1]])
    assert all(x >= y for x, y in zip(brs, brs[1:]))
