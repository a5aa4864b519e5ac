"""kgj App. C baselines (derivations/kgj/baselines.py, appC.py): second, independent methods for the
errata registered in appC.py, brute-force smoke tests and DomainError messages."""
import numpy as np
import pytest

from derivations.errors import DomainError
from derivations.kgj import baselines as bl
from derivations.kgj import equilibrium as eq

A, K = 0.9, 1.0
v = lambda m: bl.sat_value(m, A, K)
vs = lambda s: float(v(s))


def test_shapley_coalitions_match_permutations():
    rng = np.random.default_rng(1)
    for n in (2, 3, 5):
        m = rng.uniform(0.05, 20.0, n)
        phi = bl.shapley(m, vs)
        assert np.allclose(phi, bl.shapley_permutations(m, vs), rtol=1e-12, atol=1e-15)
        assert phi.sum() == pytest.approx(vs(m.sum()), rel=1e-12)  # efficiency


def test_shapley_symmetric_sum_runs_over_0_to_n_minus_1():
    """Independent of appC's coalition formula: the n! orderings give k = 0..n-1, not k in [n]."""
    for n, mi, mo in ((2, 1.0, 1.0), (4, 0.3, 2.0), (6, 5.0, 0.7)):
        phi = bl.shapley_permutations(np.array([mi] + [mo] * (n - 1)), vs)[0]
        corrected = sum(vs(k * mo + mi) - vs(k * mo) for k in range(0, n)) / n
        printed = sum(vs(k * mo + mi) - vs(k * mo) for k in range(1, n + 1)) / n
        assert phi == pytest.approx(corrected, rel=1e-12)
        assert abs(phi - printed) > 1e-3 * phi


def _gpt_has_data(alpha, n):
    """Remark 3 with m* = 0: (c/n) m = v(m) has a root m > 0 iff max_m v(m) - (c/n) m > 0; log grid."""
    m = np.logspace(13, 24, 400001)
    val = 1e9 * (1 - (5.4e13 / m) ** alpha) - 1e-3 * m / n
    return val.max() > 0


def test_gpt3_threshold_by_grid():
    assert _gpt_has_data(0.95, 230) and not _gpt_has_data(0.95, 218)  # n_min ~ 224 < 1000 (printed exponent)
    assert _gpt_has_data(0.095, 1640) and not _gpt_has_data(0.095, 1600)  # n_min ~ 1618 (Kaplan's 0.095)
    assert not _gpt_has_data(0.095, 999)


def _mstar(c):
    return (A * np.sqrt(K) / (2 * c)) ** (2 / 3) - K


C, N, P = 0.05, 4, 0.5


def _dev(M, x):
    """PD utility of agent 0 deviating to x while the others keep M (via baselines)."""
    return bl.proportional_data(np.array([x] + [M] * (N - 1)), P, A, K)[0] - C * x


def test_theorem6_condition_direction_by_finite_differences():
    M = _mstar(C) / N
    h = 1e-6
    left = (_dev(M, M) - _dev(M, M - h)) / h
    right = (_dev(M, M + h) - _dev(M, M)) / h
    assert right == pytest.approx(0.0, abs=1e-5)  # v'(nm) - c = 0 at m*/n
    assert left > 0.05  # = p psi'/psi v(nm) > 0: the corrected -p psi'/psi v <= v' - c <= 0
    printed_left = -P * (1 / M) * float(v(N * M))
    assert printed_left < right - 0.05  # printed "-p psi'/psi v >= v' - c" fails


def _regret(m_each):
    c = np.full(N, C)
    return eq.regret(eq.proportional_data(v, P), np.full(N, m_each), c)


def test_theorem6_equilibria_and_max_utility():
    M = _mstar(C) / N
    assert _regret(M) <= 1e-9  # m*/n is an equilibrium (Theorem VI)
    assert _regret(0.8 * M) > 1e-4  # below m*/n agents gain by contributing more (printed line 560 fails)
    assert _regret(1.2 * M) <= 1e-9  # above m*/n: still an equilibrium ...
    U = lambda m: float(v(N * m)) - C * m
    assert U(1.2 * M) > U(M) + 1e-4  # ... with a higher utility: m*/n is not the maximum-utility one
    grid = np.linspace(1e-6, 10 * M, 200001)
    best = grid[np.argmax([U(g) for g in grid[::100]]) * 100]
    mss = _mstar(C / N)  # corrected maximizer m**/n, v'(m**) = c/n
    assert best == pytest.approx(mss / N, rel=2e-3)


def test_mechanisms_agree_with_equilibrium_module_and_p0():
    rng = np.random.default_rng(2)
    m = rng.uniform(0.1, 10.0, 5)
    dev = eq.proportional_data(v, 0.7)(m[None, :], m)[0]
    assert np.allclose(dev, bl.proportional_data(m, 0.7, A, K), rtol=1e-13)
    for f in (bl.proportional_data, bl.proportional_value, bl.proportional_shapley):
        out = f(m, 0.0, A, K)
        assert np.allclose(out, vs(m.sum()))  # p = 0: standard FL
        assert np.all(f(m, 0.8, A, K) <= vs(m.sum()) + 1e-15)  # feasible (Definition A)


@pytest.mark.parametrize("call,msg", [
    (lambda: bl.proportional_data([1.0, -1.0], 0.5, A, K), "m_i >= 0"),
    (lambda: bl.proportional_value([1.0, 2.0], 1.5, A, K), "p must lie in [0, 1]"),
    (lambda: bl.proportional_shapley([], 0.5, A, K), "non-empty"),
    (lambda: bl.sat_value(1.0, 0.0, K), "0 < a <= 1"),
    (lambda: bl.shapley(np.ones(17), vs), "n <= 16"),
])
def test_domain_errors(call, msg):
    with pytest.raises(DomainError, match=msg.replace("[", r"\[").replace("]", r"\]")):
        call()


def test_identical_costs_positive_standard_fl():
    """Remark 1 needs Theorem III's unique least-cost agent: with identical costs and m* = 0, standard FL (8)
    also has the equilibrium 'each agent contributes alpha/n' (v'(alpha) = c) with positive data."""
    a, k, c, n = 1.0, 1.0, 0.2, 4  # ERM b = a - sqrt(k/m): viability cost 4a^3/(27k) = 0.148 < c, so m* = 0
    verm = lambda m: np.maximum(0.0, a - np.sqrt(k / np.maximum(m, 1e-300)))
    alpha = (k / (4 * c**2)) ** (1 / 3)
    assert verm(alpha) - c * alpha < 0  # alone: u(alpha) < 0, m* = 0
    cs = np.full(n, c)
    assert eq.regret(eq.standard(verm), np.full(n, alpha / n), cs) <= 1e-9
    assert eq.regret(eq.standard(verm), np.zeros(n), cs) <= 1e-12  # the zero profile is one as well


def test_best_response_utility_nonnegative():
    """proof of Theorem II, lines 717-720: a best response's utility is >= 0 (not '<= 0' as printed), and the
    best response lies in [0, 1/c_i]. Grid best responses of equilibrium.py under standard FL (8)."""
    c = np.array([0.05, 0.3, 2.0])
    m = np.array([1.0, 4.0, 0.5])
    value = eq.standard(v)
    br = eq.best_response(value, m, c)
    u = value(br[None, :], m)[0] - c * br
    assert np.all(u >= value(np.zeros((1, 3)), m)[0] - 1e-15) and np.all(u > 0.1)
    assert np.all(br <= 1 / c)


def test_pd_not_concave_in_own_contribution():
    """§3.1 lines 147-148 (erratum kgj.thm2-hypothesis-pd): PD (12) at p = 1 is strictly convex in m_i below the
    others' maximum, so Theorem II's hypothesis (nu_i concave in m_i) fails. numpy second differences."""
    a, k, M = 0.9, 2.0, 5.0
    xs = np.linspace(0.05, 0.95, 181) * M
    f = np.array([bl.proportional_data([x, M], 1.0, a, k)[0] for x in xs])
    d2 = f[:-2] + f[2:] - 2 * f[1:-1]
    assert np.all(d2 > 0)
    # at p = 0 (standard FL) the same slice is concave
    g = np.array([bl.proportional_data([x, M], 0.0, a, k)[0] for x in xs])
    assert np.all(g[:-2] + g[2:] - 2 * g[1:-1] < 0)
