"""kgj: standard FL (8) with identical costs and m* = 0 (Remark 1, Figure 4's 'no data under standard FL'):
second, independent method for the erratum kgj.remark1-identical-costs / kgj.fig4-standard-fl.
numpy grid regret certificates and Gauss-Seidel best-response dynamics of derivations/kgj/equilibrium.py;
no closed form of the engine's claims is used (alpha comes from a bracketed root of b'(m) = c)."""
import numpy as np
import pytest

from derivations.kgj import equilibrium as eq
from derivations.kgj import values


def _setup(a, k, c):
    F = values.erm(a, k)
    alpha = values.alpha_by_root(F.db, c, F.m_v)  # b'(alpha) = c by bisection
    assert F.optimal_contribution(c) == 0.0  # every agent alone: m* = 0 (Theorem I)
    v = lambda m: np.maximum(0.0, a - np.sqrt(k / np.maximum(m, 1e-300)))
    return F, alpha, v


@pytest.mark.parametrize("n", [50, 200])
def test_positive_equilibrium_mid_cost(n):
    a, k = 0.9, 1.0
    c = 0.3 * a**3 / k  # 4/27 <= w = 0.3 < 1/2: m* = 0 but alpha > m^0
    F, alpha, v = _setup(a, k, c)
    assert alpha > F.m_v
    cs = np.full(n, c)
    r = eq.regret(eq.standard(v), np.full(n, alpha / n), cs)
    assert r <= 1e-12  # no agent gains by any deviation on a 2049-point grid + random points
    assert eq.regret(eq.standard(v), np.full(n, 1.05 * alpha / n), cs) > 1e-6  # ... while nearby profiles are not


def test_dynamics_settle_at_alpha():
    a, k, n = 0.9, 1.0, 20
    c = 0.3 * a**3 / k
    F, alpha, v = _setup(a, k, c)
    start = np.random.default_rng(1).random(n) * 2 * alpha / n
    res = eq.solve(eq.standard(v), np.full(n, c), start, sequential=True, iters=60)
    assert res.status.startswith("equilibrium (certified")
    assert res.m.sum() == pytest.approx(alpha, rel=2e-3)  # positive data, total alpha (not 0)


def test_case1_no_positive_equilibrium():
    a, k, n = 0.9, 1.0, 50
    c = 0.8 * a**3 / k  # w = 0.8 >= 1/2: b'(m^0) <= c (Case 1): here the Remark holds
    F = values.erm(a, k)
    assert F.db(F.m_v) <= c
    v = lambda m: np.maximum(0.0, a - np.sqrt(k / np.maximum(m, 1e-300)))
    for each in (0.5, 1.0, 2.0):
        assert eq.regret(eq.standard(v), np.full(n, each * F.m_v / n), np.full(n, c)) > 1e-6


def test_figure4_defaults():
    """a_opt = 0.95, c = 0.1, n = 10^4 (Figure 4) with the ERM value at k = 2: m* = 0, yet all agents at
    alpha/n is an equilibrium of standard FL; at k = 10 (alpha < m^0) it is not."""
    a, c, n = 0.95, 0.1, 10**4
    F, alpha, v = _setup(a, 2.0, c)
    assert eq.regret(eq.standard(v), np.full(n, alpha / n), np.full(n, c)) <= 1e-12
    F10 = values.erm(a, 10.0)
    v10 = lambda m: np.maximum(0.0, a - np.sqrt(10.0 / np.maximum(m, 1e-300)))
    al10 = (10.0 / (4 * c * c)) ** (1 / 3)
    assert al10 < F10.m_v
    assert eq.regret(eq.standard(v10), np.full(n, al10 / n), np.full(n, c)) > 1e-6
