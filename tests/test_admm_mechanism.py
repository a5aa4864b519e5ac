"""admm Algorithm 1 in numpy (derivations.admm.mechanism, mech_lp): bad input, the uniform closed form
(sympy), root finding vs closed form, vectorized vs naive, ex-post IC/IR by brute force, and optimality
against the revenue LP over randomized mechanisms (Theorem 2)."""
import numpy as np
import pytest
import sympy

from derivations.admm import gaussian, mech_lp, mechanism as M
from derivations.errors import DomainError

RNG = np.random.default_rng(7)


def _instance(n, rng=RNG):
    A = rng.normal(size=(n, n))
    return A @ A.T / n + 0.2 * np.eye(n), rng.uniform(0.05, 8.0, n)


PRIORS = [M.Uniform(10.0), M.Exponential(0.5, 10.0), M.Gamma(2.5, 0.7, 10.0), M.Weibull(1.7, 0.3, 10.0),
          M.Gamma(1.0, 2.0, 3.0), M.Weibull(3.5, 1.0, 2.0)]


# ----------------------------------------------------------------------------- bad input

@pytest.mark.parametrize("Sigma,q,match", [
    (np.array([[1.0, 2.0], [2.0, 1.0]]), [1.0, 1.0], "positive definite"),
    (np.array([[1.0, 0.2], [0.2, 1.0]]), [1.0, np.nan], "NaN"),
    (np.array([[1.0, 0.2], [0.2, 1.0]]), [1.0, -0.5], ">= 0"),
    (np.array([[1.0, 0.2], [0.2, 1.0]]), [1.0, 11.0], "outside the support"),
])
def test_bad_input_names_condition(Sigma, q, match):
    with pytest.raises(DomainError, match=match):
        M.algorithm1(Sigma, q, M.Uniform(10.0))


@pytest.mark.parametrize("make,match", [
    (lambda: M.Gamma(0.5, 1.0, 5.0), "shape >= 1"),
    (lambda: M.Weibull(0.7, 1.0, 5.0), "shape >= 1"),
    (lambda: M.Exponential(-1.0, 5.0), "rate must be finite and > 0"),
    (lambda: M.Uniform(0.0), "finite Q > 0"),
])
def test_bad_prior_parameters(make, match):
    with pytest.raises(DomainError, match=match):
        make()


def _mixture():
    """0.5 Exp(5) + 0.5 Exp(0.2) on [0, 10]: hazard rate decreasing (a classic DFR mixture)."""
    z = 0.5 * (1 - np.exp(-50.0)) + 0.5 * (1 - np.exp(-2.0))
    return M.Prior(cdf=lambda t: (0.5 * (1 - np.exp(-5 * t)) + 0.5 * (1 - np.exp(-0.2 * t))) / z,
                   pdf=lambda t: (2.5 * np.exp(-5 * t) + 0.1 * np.exp(-0.2 * t)) / z, Q=10.0, name="mixture")


def test_non_mhr_prior_is_rejected_where_the_hazard_decreases():
    with pytest.raises(DomainError, match=r"not MHR: hazard rate f/\(1-F\) decreases from .* at q=0"):
        M.algorithm1(np.eye(2), [1.0, 1.0], _mixture())


def test_non_mhr_prior_allowed_when_single_crossing_holds():
    out = M.algorithm1(np.eye(2), [1.0, 1.0], _mixture(), require_mhr=False)
    assert np.all((out.thresholds >= 0) & (out.thresholds <= 10))


@pytest.mark.parametrize("p", PRIORS, ids=lambda p: p.name)
def test_builtin_priors_are_mhr_and_consistent(p):
    p.check_mhr()
    t = np.linspace(0.01, p.Q * 0.99, 50)
    generic = (1 - p.cdf(t)) / p.pdf(t)
    assert np.allclose(p.hazard_ratio(t), generic, rtol=1e-7, atol=1e-12)
    assert abs(p.cdf(np.array(p.Q)) - 1) < 1e-12


# ----------------------------------------------------------------------------- structure and closed form

def test_uniform_closed_form_by_sympy():
    """phi (1 + b t)^2 = (1 + b t)^2 - b(1 + bQ) for U[0, Q], whose positive root is the closed form."""
    b, t, Q = sympy.symbols("b t Q", positive=True)
    v = 1 - b / (1 + b * t)
    phi = v - sympy.diff(v, t) * (Q - t)
    assert sympy.simplify(phi * (1 + b * t) ** 2 - ((1 + b * t) ** 2 - b * (1 + b * Q))) == 0
    roots = sympy.solve(sympy.Eq((1 + b * t) ** 2, b * (1 + b * Q)), t)
    pos = [r for r in roots if sympy.simplify(r - (sympy.sqrt(b * (1 + b * Q)) - 1) / b) == 0]
    assert len(pos) == 1
    for bv, Qv in [(0.3, 10.0), (1.0, 3.0), (0.05, 2.0), (0.8, 0.5)]:
        expected = max(0.0, float(pos[0].subs({b: bv, Q: Qv})))
        assert M.uniform_threshold(np.array([bv]), np.array([Qv]))[0] == pytest.approx(expected, rel=1e-14, abs=1e-15)


def test_root_finding_path_matches_uniform_closed_form():
    b = np.concatenate([RNG.uniform(1e-3, 1.0, 200), [1.0, 1e-6]])
    for Q in (0.5, 4.0, 20.0):
        p = M.Uniform(Q)
        generic = M._bisect(b, [p] * len(b), 200)
        assert np.allclose(generic, M.uniform_threshold(b, np.full_like(b, Q)), rtol=4e-15, atol=4e-15 * Q)


def test_mobius_form_matches_eq2_for_every_agent():
    Sigma, q = _instance(6)
    b = M.mobius_b(Sigma, q)
    assert np.all((b > 0) & (b <= 1))
    for i in range(6):
        for t in (0.0, 0.3, 2.0, 9.0):
            qq = q.copy()
            qq[i] = t
            assert gaussian.value(Sigma, qq)[i] == pytest.approx(M.mobius_value(b[i], t), abs=4e-15)


@pytest.mark.parametrize("p", PRIORS[:4], ids=lambda p: p.name)
def test_vectorized_matches_naive_per_agent(p):
    Sigma, q = _instance(8)
    q = np.minimum(q, p.Q)
    out = M.algorithm1(Sigma, q, p)
    qbar, price = M.naive_thresholds(Sigma, q, p)
    assert np.allclose(out.thresholds, qbar, rtol=1e-12, atol=1e-12)
    assert np.allclose(out.prices, price, rtol=1e-12, atol=1e-14)
    assert np.array_equal(out.allocation, (q >= out.thresholds).astype(float))
    assert np.allclose(out.payments, out.prices * out.allocation)


# ----------------------------------------------------------------------------- brute force: IC, IR, revenue

@pytest.mark.parametrize("p", PRIORS[:4], ids=lambda p: p.name)
def test_ex_post_ic_and_ir_by_brute_force(p):
    """No report on a 25-point grid beats truth (misreported value from eq. (1)); truthful utility >= 0."""
    rng = np.random.default_rng(1)
    for _ in range(2):
        Sigma, q = _instance(3, rng)
        q = np.minimum(q, p.Q)
        out = M.algorithm1(Sigma, q, p)
        for i in range(3):
            u_truth = (gaussian.value(Sigma, q)[i] - out.prices[i]) * out.allocation[i]
            assert u_truth >= -1e-14
            for r in np.linspace(1e-3, p.Q, 25):
                qh = q.copy()
                qh[i] = r
                x = float(r >= out.thresholds[i])  # q_-i unchanged: same threshold and price
                u_dev = (gaussian.value(Sigma, q, qh)[i] - out.prices[i]) * x
                assert u_truth >= u_dev - 1e-13


@pytest.mark.parametrize("p", PRIORS[:4], ids=lambda p: p.name)
def test_expected_payment_is_expected_positive_virtual_value(p):
    """(B.11): v(q-bar)(1 - F(q-bar)) = E[phi^+], and a Monte Carlo draw of q_i agrees (smoke)."""
    Sigma, q = _instance(4)
    b = M.mobius_b(Sigma, np.minimum(q, p.Q))[0]
    assert M.expected_payment(b, p) == pytest.approx(M.expected_virtual_surplus(b, p), rel=1e-10)
    rng = np.random.default_rng(3)
    u = rng.uniform(size=200000)
    grid = np.linspace(0, p.Q, 20001)
    draws = np.interp(u, p.cdf(grid), grid)  # inverse cdf
    qbar = M.thresholds(np.array([b]), p)[0]
    mc = np.mean(M.mobius_value(b, qbar) * (draws >= qbar))
    assert mc == pytest.approx(M.expected_payment(b, p), abs=5e-3)


# ----------------------------------------------------------------------------- Theorem 2 by LP

@pytest.mark.parametrize("p", PRIORS[:4], ids=lambda p: p.name)
def test_lp_over_randomized_mechanisms_does_not_beat_algorithm1(p):
    """On K-point grids: R_alg <= R_LP <= R_alg + delta_K (stated discretization error, mech_lp), with
    K delta_K <= 1 (delta_K = O(1/K)), and R_LP(K) -> E[phi^+] of Algorithm 1 at rate <= 1.5/K."""
    Sigma = np.array([[1.3]])
    target = M.expected_virtual_surplus(1.0, p)
    for K in (12, 24):
        r = mech_lp.compare(Sigma, p, K)
        assert r["alg"] <= r["lp"] + 1e-9
        assert r["lp"] <= r["alg"] + r["delta"] + 1e-9
        assert K * r["delta"] <= 1.0
        assert abs(r["lp"] - target) <= 1.5 / K
