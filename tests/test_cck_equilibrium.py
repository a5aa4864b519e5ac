"""cck Algorithm 2 and its equilibrium: exact budget balance per realization, expected prices and
payments at several mu (Monte Carlo and sympy), contributor utilities per deviation family (closed
form vs simulation), the NE check, and the two unstated hypotheses (W >= 0, B_1 >= 0) on a real
instance -- the second, independent confirmation of the errata registered in derivations/cck/icc.py."""
import math
from fractions import Fraction as F

import numpy as np
import pytest
import sympy

from derivations.cck import exact, mechanism as me, model, valuations
from derivations.errors import DomainError

ARGS = dict(q_plus=[0.3, 0.5, 0.8], Nplus=5, c1=0.05, c2=0.2, sigma=1.3)


def _frac(a):
    return [F(float(x)) for x in a]


def test_budget_balance_exact_every_realization():
    rng = np.random.default_rng(5)
    q = [F(3, 10), F(1, 2), F(4, 5)]
    for _ in range(300):
        mu = rng.uniform(-10, 10)
        Y1, Y2 = _frac(rng.normal(mu, 1.3, 4)), _frac(rng.normal(mu, 1.3, 1))
        p = me.prices_exact(Y1, Y2, q, 5, F(1, 20), F(1, 5), F(169, 100))
        pi = me.payments_exact(Y1, Y2, q, 5, F(1, 20), F(1, 5), F(169, 100))
        assert sum(p) == sum(pi)  # exact: BB for every realization under s*
        assert abs(float(sum(p)) - me.prices(Y1, Y2, **ARGS).sum()) < 1e-9


def test_budget_balance_fails_off_equilibrium_as_computed():
    """Not a claim of the paper (BB is required under s* only): with a wrong size from contributor 2
    the broker keeps a surplus (c_2 - c_1)(N+ - 1)/N+; with a wrong size from contributor 1 it pays
    out that much more than it collects (a deficit)."""
    rng = np.random.default_rng(6)
    q = [F(3, 10), F(1, 2)]
    for _ in range(20):
        Y1, Y2 = _frac(rng.normal(0, 1, 4)), _frac(rng.normal(0, 1, 2))
        gap = sum(me.prices_exact(Y1, Y2, q, 5, F(1, 20), F(1, 5), F(1))) - sum(
            me.payments_exact(Y1, Y2, q, 5, F(1, 20), F(1, 5), F(1)))
        assert gap == (F(1, 5) - F(1, 20)) * 4 / 5
        Y1 = Y1 + [F(0)]
        gap = sum(me.prices_exact(Y1, Y2[:1], q, 5, F(1, 20), F(1, 5), F(1))) - sum(
            me.payments_exact(Y1, Y2[:1], q, 5, F(1, 20), F(1, 5), F(1)))
        assert gap == (F(1, 20) - F(1, 5)) * 4 / 5


def test_moment_sympy_integrals():
    """E[(mu_hat(X) - mu_hat(Y))^2] = sigma^2/n + sigma^2/m for every mu: expand the square and take
    the moments of N(mu, sigma^2) by sympy integration of the density (n = 3, m = 2)."""
    mu, s = sympy.Symbol("mu", real=True), sympy.Symbol("sigma", positive=True)
    t = sympy.Symbol("t", real=True)
    dens = sympy.exp(-(t - mu) ** 2 / (2 * s**2)) / (s * sympy.sqrt(2 * sympy.pi))
    m1, m2 = (sympy.simplify(sympy.integrate(t**k * dens, (t, -sympy.oo, sympy.oo))) for k in (1, 2))
    xs = sympy.symbols("x0:3", real=True)
    ys = sympy.symbols("y0:2", real=True)
    poly = sympy.Poly(sympy.expand((sum(xs) / 3 - sum(ys) / 2) ** 2), *xs, *ys)
    e = 0
    for powers, coef in poly.terms():
        e += coef * sympy.Mul(*[{0: 1, 1: m1, 2: m2}[p] for p in powers])
    assert sympy.simplify(e - (s**2 / 3 + s**2 / 2)) == 0


@pytest.mark.parametrize("mu", [-6.0, 0.0, 3.5])
def test_expected_prices_and_payments_monte_carlo(mu):
    rng = np.random.default_rng(int(mu * 10) + 100)
    Ns, Nm, d, W = me.setup(**ARGS)
    T, s = 100_000, ARGS["sigma"]
    D = rng.normal(mu, s, (T, 4)).mean(axis=1) - rng.normal(mu, s, T)
    q = np.array(ARGS["q_plus"])
    B = q.size
    bonus_p = sum(q * Ns[i] / 5 + d[i] / B * s**2 / Nm[i] + d[i] / B * s**2 / Ns[i] for i in range(2))
    p = bonus_p[None, :] - (d.sum() / B) * D[:, None] ** 2
    se = p.std(axis=0) / math.sqrt(T)
    assert np.all(np.abs(p.mean(axis=0) - q) < 5 * se)  # eq. (16) at this mu
    c = np.array([ARGS["c1"], ARGS["c2"]])
    pay = (W * Ns / 5 + c * Ns + d * s**2 / Nm + d * s**2 / Ns)[None, :] - d[None, :] * D[:, None] ** 2
    se = pay.std(axis=0) / math.sqrt(T)
    assert np.all(np.abs(pay.mean(axis=0) - (c * Ns + W * Ns / 5)) < 5 * se)  # §5 line 434
    assert np.all(pay.mean(axis=0) - c * Ns > -5 * se)  # IRC here (W > 0)
    assert np.all(q <= 1) and W > 0


CASES = [("truthful", 4, {}), ("f_b", 3, {}), ("shifted", 4, dict(b=0.4)),
         ("shrunk", 4, dict(lam=0.5, mu0=1.0)), ("fabricated", 2, {}), ("constant", 0, dict(mu_tilde=1.5)),
         ("wrong_size", 4, {})]


@pytest.mark.parametrize("strategy,n,kw", CASES, ids=[c[0] for c in CASES])
def test_utility_closed_form_vs_simulation(strategy, n, kw):
    for mu in (-1.0, 2.0):
        mc, se = me.simulate_utility(0, strategy, n, mu, T=20000, seed=7, **ARGS, **kw)
        cf = me.expected_utility(0, strategy, n, mu, **ARGS, **kw)
        assert abs(mc - cf) < 4.5 * se + 1e-12, (strategy, mu, mc, cf, se)


def test_nash_equilibrium_against_every_family():
    """u_i^c = inf_mu E_mu[...] (7): no family beats s* when B_1 >= 0 (here W > 0)."""
    Ns, _, _, W = me.setup(**ARGS)
    mus = np.linspace(-50, 50, 11)
    for i in range(2):
        star = me.expected_utility(i, "truthful", Ns[i], 0.0, **ARGS)
        assert abs(star - W * Ns[i] / 5) < 1e-12
        best = -np.inf
        for n in range(1, 13):
            for strategy, kw in [("truthful", {}), ("f_b", {}), ("wrong_size", {})] + [
                    ("shifted", dict(b=b)) for b in (-0.5, 0.1)] + [
                    ("shrunk", dict(lam=lam, mu0=0.0)) for lam in (0.5, 0.9, 1.1)] + (
                    [("fabricated", {})] if n >= 2 else []):
                u = min(me.expected_utility(i, strategy, n, mu, **ARGS, **kw) for mu in mus)
                best = max(best, u)
        for mt in (-1.0, 0.0, 2.0):
            best = max(best, min(me.expected_utility(i, "constant", 0, mu, **ARGS, mu_tilde=mt) for mu in mus))
        assert best <= star + 1e-12
    # at a favourable mu a constant report beats s*: the inf over mu in (7) is what makes s* a NE
    assert me.expected_utility(0, "constant", 0, 1.5, **ARGS, mu_tilde=1.5) > W * 4 / 5


def _erratum_instance(c2):
    """One buyer, v^e = 1{e <= 1}, sigma = 1 (v^d(m) = erf(sqrt(m/2))), c_1 = 1/10: exact Algorithm 1."""
    V = valuations.quantity_table(["threshold"], [1.0], 1.0, 10)
    Np, m, q, _ = exact.algorithm1(exact.table(V), F(1, 10))
    B, us = model.exact_bonus_ustar(Np, sum(q, F(0)), F(1, 10), F(c2))
    return Np, q, B, us


def test_unstated_hypotheses_on_a_real_instance():
    """Method 2 for the errata of cck.appA-irc.nonneg, cck.lemma-7, cck.s51-icc-chain,
    cck.theorem-5-1.icc, cck.abstract-ne: exact Fractions, then a Monte Carlo of (15) itself."""
    Np, q, B, us = _erratum_instance(1)
    assert Np == 2 and abs(float(q[0]) - math.erf(1)) < 1e-15
    assert us[0] < 0 and us[1] < 0 and B[0] > 0  # W < 0: IRC fails, ICC still holds
    Np, q, B, us = _erratum_instance(2)
    assert B[0] < 0 < B[1]  # B_1 < 0: Lemma 7 and ICC fail
    assert max(us[0], us[0] - B[0]) == us[0] - B[0] > us[0]
    args = dict(q_plus=[float(q[0])], Nplus=2, c1=0.1, c2=2.0, sigma=1.0)
    for mu in (-3.0, 4.0):
        dev, se1 = me.simulate_utility(0, "wrong_size", 1, mu, T=20000, seed=1, **args)
        star, se2 = me.simulate_utility(0, "truthful", 1, mu, T=20000, seed=2, **args)
        assert dev - star > 5 * math.hypot(se1, se2)  # deviating pays, at every mu
        assert abs(dev - star + float(B[0])) < 5 * math.hypot(se1, se2)
        assert star < -5 * se2  # and IRC fails: u_1* = W (N+ - 1)/N+ < 0


def test_algorithm2_undefined_when_nplus_is_one():
    rng = np.random.default_rng(3)
    count = 0
    for _ in range(30):
        c1 = float(rng.uniform(1 / 6, 1.0))
        fam = valuations.FAMILIES[int(rng.integers(0, 4))]
        V = valuations.quantity_table([fam], [float(rng.uniform(0.05, 3))], float(rng.uniform(0.25, 2)),
                                      int(1 / c1))
        Np = exact.algorithm1(exact.table(V), F(c1))[0]
        count += Np == 1
    assert count == 30  # eq. (11) valuations are concave in m: marginal gains < 1/6
    with pytest.raises(DomainError, match="N\\+"):
        me.setup([0.5], 1, 0.2, 0.3, 1.0)


def test_theorem3_best_response_to_non_collectors_collects_nothing():
    """Against contributor 2 reporting a constant mu~ without data, copying mu~ (n = 0) beats any
    truthful collection: the truthful penalty grows like (mu - mu~)^2 (inf over mu = -inf)."""
    Ns, Nm, d, W = me.setup(**ARGS)
    bonus = W * Ns[0] / 5 + ARGS["c1"] * Ns[0] + d[0] * ARGS["sigma"] ** 2 / Nm[0] + d[0] * ARGS["sigma"] ** 2 / Ns[0]
    rng = np.random.default_rng(11)
    for mu in (0.0, 10.0):
        X = rng.normal(mu, ARGS["sigma"], (2000, 4))
        Y2 = np.full(1, 0.7)
        u_truth = me.payments_batch(X, np.tile(Y2, (2000, 1)), **ARGS)[:, 0].mean() - ARGS["c1"] * 4
        u_copy = me.payments(np.full(4, 0.7), Y2, **ARGS)[0]
        assert u_copy == pytest.approx(bonus, rel=1e-12) and u_copy > u_truth


def test_bad_input():
    rng = np.random.default_rng(0)
    with pytest.raises(DomainError, match="unknown strategy"):
        me.report("lie", np.zeros((2, 3)), 4, rng)
    with pytest.raises(DomainError, match="n >= 2"):
        me.report("fabricated", np.zeros((2, 1)), 4, rng)
    with pytest.raises(DomainError, match="n >= 1"):
        me.expected_utility(0, "truthful", 0, 0.0, **ARGS)
    with pytest.raises(DomainError, match="non-empty"):
        me.prices_exact([], [F(1)], [F(1, 2)], 3, F(1, 10), F(1, 5), F(1))


def test_batch_payments_match_scalar():
    rng = np.random.default_rng(4)
    Y1, Y2 = rng.normal(0, 1, (50, 4)), rng.normal(0, 1, (50, 1))
    want = np.array([me.payments(a, b, **ARGS) for a, b in zip(Y1, Y2)])
    assert np.allclose(me.payments_batch(Y1, Y2, **ARGS), want, rtol=1e-13, atol=1e-13)
