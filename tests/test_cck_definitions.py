"""cck definition rows and new errata (derivations/cck/sec2_definitions-5, schemes, general): the numpy routes
against the exact ones, bad input, Monte Carlo checks, and hand/Monte Carlo confirmations of the errata
registered in sec3_rest/sec5_rest (the second, independent method)."""
import math
from fractions import Fraction as F

import numpy as np
import pytest

from derivations.cck import exact, hardness_family as general, mechanism as me, model, pricing, schemes
from derivations.errors import DomainError


def _grid_V(rng, B, N, K=4):
    inc = rng.integers(0, 3, size=(B, N))
    return np.concatenate([np.zeros((B, 1)), np.minimum(np.cumsum(inc, axis=1), K)], axis=1) / K


# ----------------------------------------------------------------------------- §2.1 definitions

def test_envy_free_slacks_agree_with_exact_membership():
    rng = np.random.default_rng(1)
    hits = 0
    for _ in range(300):
        B, N = int(rng.integers(1, 4)), int(rng.integers(1, 4))
        V = _grid_V(rng, B, N)
        m = rng.integers(0, N + 1, size=B)
        p = rng.integers(0, 5, size=B) / 4  # grid prices: exact ties in IRB/EFB
        s = schemes.envy_free_slacks(V, m, p, N)
        ok = exact.is_envy_free(exact.table(V), tuple(int(x) for x in m), tuple(F(float(x)) for x in p))
        assert ok == bool(np.all(s >= 0))
        hits += ok
    assert hits > 10  # envy-free schemes do occur in the sample


def test_envy_free_slacks_bad_input():
    V = np.array([[0, 0.5, 0.7]])
    with pytest.raises(DomainError, match="one allocation m_j and one price p_j per buyer"):
        schemes.envy_free_slacks(V, [1, 1], [0.1], 2)
    with pytest.raises(DomainError, match="allocations must lie in"):
        schemes.envy_free_slacks(V, [3], [0.1], 2)
    with pytest.raises(DomainError, match="v_j\\(0\\) = 0"):
        schemes.envy_free_slacks(np.array([[0.1, 0.5]]), [1], [0.1], 1)
    with pytest.raises(DomainError, match="raw allocation draws must be >= 0"):
        schemes.allocation([-1.0], 2)
    with pytest.raises(DomainError, match="N = 2 raw values in \\[0, 1\\]"):
        schemes.grid_curve([0.5], 2)


def test_opt_eq1_numpy_vs_exact_and_wider_search():
    rng = np.random.default_rng(2)
    for _ in range(30):
        B = int(rng.integers(1, 4))
        c1 = float(rng.uniform(0.5, 1.0))
        c2 = float(rng.uniform(c1, 2.0))
        T = schemes.top(B, c1)
        V = _grid_V(rng, B, T + 2)
        got = schemes.opt_eq1(V, [c1, c2], T + 2)
        want = exact.opt_eq1(exact.table(V), (F(c1), F(c2)), T)
        assert abs(got - float(want)) < 1e-12
        assert want == exact.opt_eq3(exact.table(V), F(c1), T)  # all data to the cheapest (eq. (3))


def test_opt_eq1_bad_input():
    V = np.array([[0, 0.5, 0.7]])
    with pytest.raises(DomainError, match="costs must be a non-empty vector of positive numbers"):
        schemes.opt_eq1(V, [0.0, 1.0], 2)
    with pytest.raises(DomainError, match="valuations must be given for m = 0..3"):
        schemes.opt_eq1(V, [0.5, 1.0], 3)


def test_purchase_ties_pick_largest():
    V = np.array([[0, 0.25, 0.5, 0.5]])  # v(2) = v(3): with q(2) = q(3) the buyer takes 3
    q = np.array([0, 0.25, 0.25, 0.25])
    assert pricing.purchase(V, q, 3)[0] == 3
    assert exact.purchase(exact.table(V), tuple(F(x) for x in q), 3)[0] == 3


# ----------------------------------------------------------------------------- §3 / §5 errata

def _one_buyer_instance():
    """One buyer, v^e(e) = 1{e <= 1}, sigma = 1: v^d(m) = erf(sqrt(m/2)); c_1 = 1/10."""
    V = exact.table(model.valuations.quantity_table(["threshold"], [1.0], 1.0, 10))
    Np, m, q, _ = exact.algorithm1(V, F(1, 10))
    return Np, q


def test_exante_payment_negative_exact_and_monte_carlo():
    Np, q = _one_buyer_instance()
    assert Np == 2 and abs(float(q[0]) - math.erf(1)) < 1e-15
    c1, c2, sigma = 0.1, 2.0, 1.0
    Q = float(sum(q))
    closed = (Np - 1) / Np * (Q + c1 - c2)  # E[pi_1*] = c_1 N_1* + W N_1*/N+
    assert closed < -0.5
    rng = np.random.default_rng(0)
    T = 200000
    Y1, Y2 = rng.normal(0.7, sigma, (T, Np - 1)), rng.normal(0.7, sigma, (T, 1))
    pay = me.payments_batch(Y1, Y2, [Q], Np, c1, c2, sigma)[:, 0]
    assert abs(pay.mean() - closed) < 5 * pay.std() / math.sqrt(T)
    assert pay.mean() < 0  # the ex-ante payment to contributor 1 is negative
    # the ex-ante price is still q_j+ >= 0
    assert abs(me.expected_price([Q], Np, c1, c2, sigma)[0] - Q) < 1e-12


def test_baseline_degenerate_by_hand():
    V = exact.table([[0, 0.5]])  # one buyer, v(m) = 1/2 for m >= 1, c_1 = 9/10: OPT = 0 only at N = 0
    c1 = F(9, 10)
    vals = [exact.rev_opt(V, N)[0] - c1 * N for N in range(2)]
    assert vals == [0, F(-2, 5)]  # N_1^OPT = 0: the baseline collects nothing and is trivially ICC


def test_line448_variances_monte_carlo():
    rng = np.random.default_rng(3)
    c1, sigma, N, T = 0.3, 1.2, 8, 400000

    def terms(a):
        b = N - a
        D = rng.normal(0, sigma, (T, a)).mean(axis=1) - rng.normal(0, sigma, (T, b)).mean(axis=1)
        d1, d2 = c1 * a**2 / sigma**2, c1 * b**2 / sigma**2
        return np.var((d1 + d2) * D**2), np.var(d1 * D**2), np.var(d2 * D**2)

    even, skew = terms(N // 2), terms(N - 1)
    assert skew[0] > even[0] and skew[1] > even[1]  # price term and larger collector: even is better
    assert skew[2] < even[2]  # the one-point collector's term: the even split is *worse* (the erratum)
    assert abs(even[1] / (2 * c1**2 * N**2) - 1) < 0.05  # closed form 2 c_1^2 N^2 a^2/b^2 at a = b
    assert abs(skew[2] / (2 * c1**2 * N**2 / (N - 1) ** 2) - 1) < 0.05


# ----------------------------------------------------------------------------- §4 general family

def test_general_family_monte_carlo_and_lemma5():
    args = dict(sigma=1.1, n=3, lam=0.7, beta=0.2, mu0=-0.3, y0=0.5, A=2.0, h=0.8, k=0.1, K=4)
    for mu in (-1.0, 0.4, 2.0):
        m, se = general.simulate_payment(mu, **args, T=200000, seed=1)
        assert abs(m - general.expected_payment(mu, **args)) < 5 * se
    # inf over mu is k K (mu -> inf); the fabricating strategy from mu' beats (n, f) by at least c n
    far = general.expected_payment(1e6, **args)
    assert abs(far - args["k"] * args["K"]) < 1e-12
    c = 0.05
    for mup in (-2.0, 0.0, 1.5):
        fab = general.expected_payment(mup, **args)
        assert fab - (far - c * args["n"]) >= c * args["n"]


def test_general_bad_input():
    with pytest.raises(DomainError, match="sigma, A, h must be > 0"):
        general.expected_payment(0.0, sigma=0.0, n=1, lam=1, beta=0, mu0=0, y0=0, A=1, h=1, k=0, K=1)
    with pytest.raises(DomainError, match="reported size K an integer >= 1"):
        general.expected_payment(0.0, sigma=1, n=1, lam=1, beta=0, mu0=0, y0=0, A=1, h=1, k=0, K=0)
    with pytest.raises(DomainError, match="needs n >= 1 collected points"):
        general.expected_payment(0.0, sigma=1, n=0, lam=1, beta=0, mu0=0, y0=0, A=1, h=1, k=0, K=1)
    with pytest.raises(DomainError, match="mu_hat of an empty set"):
        general.payment(np.zeros((3, 0)), 0.0, 1.0, 1.0, 0.0)
