"""cck §2: Algorithm 1 (numpy) vs exact brute force; Lemma 1; hand-checked errata; bad input."""
import itertools
from fractions import Fraction as F

import numpy as np
import pytest

from derivations.cck import exact, pricing
from derivations.errors import DomainError


def _grid_instances(rng, count, K=4):
    for _ in range(count):
        B, N = int(rng.integers(1, 4)), int(rng.integers(1, 4))
        inc = rng.integers(0, 3, size=(B, N))
        yield np.concatenate([np.zeros((B, 1)), np.minimum(np.cumsum(inc, axis=1), K)], axis=1) / K, N


def test_lemma1_two_brute_forces_and_numpy():
    rng = np.random.default_rng(0)
    for V, N in _grid_instances(rng, 40):
        Vf = exact.table(V)
        r, m, p = exact.rev_opt(Vf, N)
        g, _ = exact.rev_bar_opt_grid(Vf, N, 4)
        assert r == g  # rev^OPT = rev-bar^OPT (Lemma 1 + §2.2)
        assert abs(pricing.best_prices(V, N)[0] - float(r)) < 1e-12
        for m_, p_ in exact.all_ef_schemes(Vf, N):  # every extreme envy-free scheme
            q = exact.step_curve(m_, p_, N)
            assert all(a <= b for a, b in zip(q[1:], q[2:]))  # non-decreasing (beyond q(0)=0)
            assert exact.rev_bar(Vf, q, N) >= sum(p_)
            assert all(a >= b for a, b in zip(exact.purchase(Vf, q, N), m_))


def test_algorithm1_numpy_vs_exact():
    rng = np.random.default_rng(3)
    for _ in range(25):
        B, c1 = int(rng.integers(1, 4)), float(rng.uniform(0.2, 1.0))
        top = int(B // c1)
        inc = rng.integers(0, 3, size=(B, top))
        V = np.concatenate([np.zeros((B, 1)), np.minimum(np.cumsum(inc, axis=1), 8)], axis=1) / 8
        if top > 6:
            continue
        Np, m, q, profits = pricing.algorithm1(V, [c1])
        eNp, em, eq, eprofits = exact.algorithm1(exact.table(V), F(c1))
        assert abs(profits[Np] - float(eprofits[eNp])) < 1e-12
        assert abs(max(profits.values()) - float(max(eprofits.values()))) < 1e-12


def test_lemma2_erratum_by_hand():
    V = exact.table([[0, 0.5]])  # one buyer, v(m) = 1/2 for m >= 1, c_1 = 9/10
    c1 = F(9, 10)
    Np, _, _, profits = exact.algorithm1(V, c1)
    assert Np == 1 and profits[1] == F(-2, 5)
    assert exact.opt_eq3(V, c1, 1) == 0  # N = 0 is allowed in OPT
    Np0, _, _, profits0 = exact.algorithm1(V, c1, include_zero=True)
    assert Np0 == 0 and profits0[0] == 0


def test_theorem4_erratum_by_hand():
    V = exact.table([[0, 0.5, 0.5, 0.5, 0.5]])  # one buyer v(m) = 1/2, c_1 = 1/4, c_2 = 1
    opt = exact.opt_eq1(V, (F(1, 4), F(1)), 4)
    assert opt == F(1, 4)
    assert opt - (F(1) - F(1, 4)) == F(-1, 2)  # < 0 = profit of the trivial mechanism's NE


def test_step_curve_and_purchase_ties():
    V = np.array([[0, 0.5, 0.75], [0, 0.25, 1.0]])
    q = pricing.step_curve([1, 2], [0.5, 0.75], 2)
    assert list(q) == [0, 0.5, 0.75]
    assert list(pricing.purchase(V, q, 2)) == [2, 2]  # ties go to the largest dataset


def test_bad_input():
    V = np.array([[0, 0.5, 0.75]])
    with pytest.raises(DomainError, match="negative costs"):
        pricing.algorithm1(V, [-0.1])
    with pytest.raises(DomainError, match="ordered"):
        pricing.algorithm1(V, [0.5, 0.4])
    with pytest.raises(DomainError, match="non-empty"):
        pricing.algorithm1(np.zeros((0, 3)), [0.5])
    with pytest.raises(DomainError, match="non-decreasing"):
        pricing.algorithm1(np.array([[0, 0.75, 0.5]]), [0.5])
    with pytest.raises(DomainError, match="empty"):
        pricing.algorithm1(V, [2.0])
    with pytest.raises(DomainError, match="q\\(0\\) = 0"):
        pricing.rev_bar(V, [0.1, 0.2, 0.3], 2)


def test_oip_grid_within_grid_of_exact():
    rng = np.random.default_rng(8)
    for V, N in _grid_instances(rng, 15):
        q = pricing.oip_grid(V, N, 4)
        r = pricing.rev_bar(V, q, N)
        assert abs(r - float(exact.rev_opt(exact.table(V), N)[0])) < 1e-12  # grid valuations: exact
    with pytest.raises(DomainError, match="grid size K"):
        pricing.oip_grid(np.array([[0, 0.5]]), 1, 0)
