"""cczk: program (7), Algorithm 1, (8)/(9) and the Monte Carlo of Algorithm 2 (M_CBL) against the
closed-form penalties, under s* and under deviations (collect less/more, fabricate, withhold, not
accept, pool own data)."""
import numpy as np
import pytest

from derivations.cczk import appC
from derivations.cczk import claims_mechanism as cm
from derivations.cczk import mech_program as mp
from derivations.cczk import mech_simulation as ms
from derivations.errors import DomainError

Z = 4.5  # standard errors allowed between a Monte Carlo mean and its closed form

# instance A: two cheap agents in V_1, agent 3 in the corruption case, agent 4 receives others' data
SA, CA, NA = 10.0, [0.01, 0.01, 1.0, 1.0], [100, 100, 4, 0]


@pytest.fixture(scope="module")
def inst_a():
    des = ms.design(SA, CA, NA)
    p, info = mp.mechanism_penalties(SA, CA, NA)
    return des, p.ravel(), info


def test_instance_a_design(inst_a):
    des, p, _ = inst_a
    assert list(des.cases.ravel()) == ["V", "V", "C", "B"] and des.holds8
    assert des.T[0] == 204 and list(des.n_star.ravel()) == [100, 100, 4, 0]
    assert des.alpha[2, 0] >= np.sqrt(4)  # Lemma 1: alpha >= sqrt(n*)
    assert np.all(p <= mp.p_ind(SA, CA))  # IR


def test_mc_recommended_matches_closed_form(inst_a):
    des, p, _ = inst_a
    pen, se = ms.run(des, ms.recommended_strategies(des), mu=3.0, R=4000, seed=1)
    assert np.all(np.abs(pen - p) <= Z * se + 1e-12), (pen, p, se)


def _quad_error(s, ns, T, a, n):
    import mpmath
    with mpmath.workdps(30):
        D, k = T - 2 * ns, a**2 * (1 / n + 1 / ns)
        f = lambda x: s**2 / (n + ns + D / (1 + k * x**2)) * mpmath.npdf(x)
        return float(2 * mpmath.quad(f, [0, 1 / mpmath.sqrt(k), 1, 4, mpmath.inf]))


def _agent3(des, strat, R=4000, mu=3.0, seed=2):
    st = ms.recommended_strategies(des)
    st[2] = strat
    pen, se = ms.run(des, st, mu=mu, R=R, seed=seed)
    return pen[2], se[2]


@pytest.mark.parametrize("n", [1, 2, 8, 16])
def test_mc_collect_less_or_more(inst_a, n):
    des, p, _ = inst_a
    pen, se = _agent3(des, ms.Strategy([n]))
    closed = cm.error_C(SA, 4.0, 204.0, des.alpha[2, 0], float(n)) + CA[2] * n
    quad = _quad_error(SA, 4.0, 204.0, des.alpha[2, 0], float(n)) + CA[2] * n
    assert abs(closed - quad) < 1e-12 * closed  # erfcx closed form vs mpmath quadrature
    assert abs(pen - closed) <= Z * se
    assert closed > p[2]  # NIC: n* = 4 is optimal


def test_mc_fabricate(inst_a):
    """Collect nothing, submit 4 fabricated N(0, sigma^2) points, accept: at mu = 30 far worse."""
    des, p, _ = inst_a
    fake = ms.Strategy([4], f=lambda X, rng: SA * rng.standard_normal((X.shape[0], 4)), fabricate=True)
    pen, se = _agent3(des, fake, mu=30.0)
    assert pen - Z * se > p[2]


def test_mc_withhold(inst_a):
    """Collect 4, submit only 2, accept: error as for 2 points, cost of 4."""
    des, p, _ = inst_a
    pen, se = _agent3(des, ms.Strategy([4], f=lambda X, rng: X[:, :2]))
    closed = cm.error_C(SA, 4.0, 204.0, des.alpha[2, 0], 2.0) + CA[2] * 4
    assert abs(pen - closed) <= Z * se and closed > p[2]


def test_mc_not_accept(inst_a):
    """Use the own sample mean instead of I: sigma^2/n* + c n*."""
    des, p, _ = inst_a
    pen, se = _agent3(des, ms.Strategy([4], h=lambda X, Y, I: X.mean(axis=1)))
    closed = SA**2 / 4 + CA[2] * 4
    assert abs(pen - closed) <= Z * se and closed > p[2]


def test_mc_B_agent_pools_own_data(inst_a):
    """Agent 4 (n* = 0) collects 5 points and pools them with I (knowing |Y_{-4}| = 204)."""
    des, p, _ = inst_a
    st = ms.recommended_strategies(des)
    st[3] = ms.Strategy([5], h=lambda X, Y, I: (204 * I + X.sum(axis=1)) / 209)
    pen, se = ms.run(des, st, mu=-1.0, R=4000, seed=3)
    closed = SA**2 / 209 + CA[3] * 5
    assert abs(pen[3] - closed) <= Z * se[3] and closed > p[3]


def test_mc_many_agents_efficiency():
    """20 identical agents, all in the corruption case: MC = closed form, IR, 8-efficient."""
    s, c, n = 10.0, [0.01] * 20, [25] * 20
    des = ms.design(s, c, n)
    assert set(des.cases.ravel()) == {"C"}
    p, _ = mp.mechanism_penalties(s, c, n)
    pen, se = ms.run(des, ms.recommended_strategies(des), mu=-2.0, R=1500, seed=4)
    assert abs(pen.mean() - p.mean()) <= Z * np.sqrt(np.mean(se**2) / 20)
    assert np.all(p.ravel() <= mp.p_ind(s, c))
    opt = mp.solve_program7(s, np.full((20, 1), 0.01))
    assert opt.certified and p.sum() <= 8 * opt.objective


def test_line23_as_printed_is_not_an_average():
    """Line 23 as printed mixes means (numerator) with counts (denominator): constant data mu
    give mu (1/s2 + 1/(s2+eta2)) / (n/s2 + n'/(s2+eta2)) != mu; App. H.1's weighted average gives mu."""
    R = 3
    own, Zc, Zp = np.full((R, 4), 5.0), np.full((R, 4), 5.0), np.full((R, 196), 5.0)
    eta2 = np.ones(R)
    assert np.allclose(ms._line23(own, Zc, Zp, 100.0, eta2), 5.0)
    assert not np.allclose(ms.line23_printed(own, Zc, Zp, 100.0, eta2), 5.0)


def test_theorem1_sqrtm_counterexample_integer():
    """(8) holds, m = 2: P(M_CBL, s*) / P^OPT > sqrt(2) with the integer n^OPT (brute force)."""
    s, c = 1.2648954162267325, np.array([[0.00186104], [0.31775169]])
    best = None
    for a in range(0, 120):
        for b in range(0, 20):
            if a + b == 0:
                continue
            n = np.array([[a], [b]], float)
            if np.all(mp.sm_penalties(s, c, n) <= mp.p_ind(s, c)):
                P = mp.social_penalty(s, c, n)
                if best is None or P < best[0]:
                    best = (P, n)
    P, n = best
    assert list(n.ravel()) == [34, 1]
    p, info = mp.mechanism_penalties(s, c, n)
    assert info["holds8"] and list(info["cases"].ravel()) == ["V", "V"]
    assert np.sqrt(2) < p.sum() / P <= 8


def test_program7_random_certified():
    rng = np.random.default_rng(5)
    for _ in range(15):
        m, d = rng.integers(2, 6), rng.integers(1, 4)
        c = np.exp(rng.uniform(np.log(1e-3), np.log(10), (m, d)))
        out = mp.solve_program7(2.0, c)
        assert out.certified
        # no feasible random point beats it
        for _ in range(20):
            n = out.n * np.exp(rng.normal(0, 0.3, out.n.shape)) + rng.uniform(0, 0.1, out.n.shape)
            if np.all(mp.sm_penalties(2.0, c, n) <= mp.p_ind(2.0, c)):
                assert mp.social_penalty(2.0, c, n) >= out.objective * (1 - 1e-12)


def test_appC_solvers_agree_with_closed_forms():
    from verify.backends import Mp
    import mpmath
    o = Mp(mpmath.mp)
    for fn, ref in ((appC.solve_opt, appC.n_opt), (appC.solve_nb, appC.n_nb), (appC.solve_eb, appC.n_eb)):
        x, r = fn(), [float(v) for v in ref(o)]
        assert np.allclose(x, r, rtol=1e-9, atol=1e-9)


def test_algorithm1_properties():
    rng = np.random.default_rng(6)
    for _ in range(30):
        m, d = rng.integers(2, 6), rng.integers(1, 3)
        c = np.exp(rng.uniform(np.log(1e-3), np.log(10), (m, d)))
        n = mp.solve_program7(3.0, c).n
        ap = mp.compute_n_approx(3.0, c, n)
        ni = mp.n_ind(3.0, c)
        assert np.allclose(ap.n[ap.V], ni[ap.V])  # lines 5-6
        assert np.allclose(ap.T, ap.n_first.sum(axis=0))  # line 7
        nv = ~ap.V & (ap.n > 0)
        assert np.all(ap.n[nv] * np.broadcast_to(ap.T, ap.n.shape)[nv] >= ni[nv] ** 2 * (1 - 1e-12))  # lines 8-9
        assert np.all(ap.n >= np.where(ap.V, 0, n) * (1 - 1e-12))  # loop 2 only increases


@pytest.mark.parametrize("args, words", [
    ((10, [0.01, -1.0], [1, 1]), "must be > 0"),
    ((10, [0.01, np.inf], [1, 1]), "must be finite"),
    ((0.0, [0.01, 1.0], [1, 1]), "sigma must be finite and > 0"),
    ((10, [0.01, 1.0], [1, 1, 1]), "n must have shape"),
    ((10, [0.01, 1.0], [0, 0]), "sum_i n_{i,k} must be > 0"),
    ((10, [0.01, 1.0], [-1, 3]), "must be finite and >= 0"),
])
def test_bad_input(args, words):
    import re
    with pytest.raises(DomainError, match=re.escape(words)):
        mp.mechanism_penalties(*args)


def test_simulation_needs_integers():
    des = ms.design(10, [0.01, 0.01, 1.0, 1.0], [100, 100, 4.5, 0])  # T = 204.5
    with pytest.raises(DomainError, match="must be an integer to simulate"):
        ms.run(des, ms.recommended_strategies(des), mu=0.0, R=10)
