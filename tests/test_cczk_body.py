"""cczk body (claims_body / body_alg): DomainErrors, Monte Carlo confirmations of the errata
(§3.2 fabrication estimator, Algorithm 2 line 23, §D.1 ties) and brute-force checks."""
import numpy as np
import pytest

from derivations.cczk import body_alg as ba
from derivations.cczk import mech_program as mp
from derivations.cczk import mech_simulation as ms
from derivations.errors import DomainError

Z = 4.5


def test_min_social_penalty_rejects_c_outside_C():
    with pytest.raises(DomainError, match="not in C"):
        ba.min_social_penalty(1.0, [[np.inf, 1.0], [np.inf, 2.0]])
    with pytest.raises(DomainError, match="sigma"):
        ba.min_social_penalty(-1.0, [[1.0]])
    with pytest.raises(DomainError, match=r"\(0, inf\]"):
        ba.min_social_penalty(1.0, [[0.0]])


def test_min_social_penalty_brute_force():
    c = np.array([[np.inf, 0.3], [0.2, np.inf], [0.5, 0.7]])
    grid = np.linspace(0.5, 200, 40000)
    brute = sum(np.min(3 * 4.0 / grid + np.nanmin(np.where(np.isfinite(c[:, k]), c[:, k], np.nan)) * grid) for k in range(2))
    assert abs(ba.min_social_penalty(2.0, c) - brute) < 1e-6 * brute


def test_sample_mean_mechanism_errors():
    with pytest.raises(DomainError, match="no data"):
        ba.sample_mean_mechanism([[[]], [[]]])
    with pytest.raises(DomainError, match="one dataset per distribution"):
        ba.sample_mean_mechanism([[[1.0]], [[1.0], [2.0]]])


def test_fabrication_estimate_errors():
    with pytest.raises(DomainError, match="n_\\{:,k\\} != \\|Y_\\{i,k\\}\\|"):
        ba.fabrication_estimate(5, 1.0, 0.0, 5)
    with pytest.raises(DomainError, match="must be > 0"):
        ba.fabrication_estimate(0, 1.0, 0.0, 1)


def test_msm_penalty_monte_carlo_constant_in_mu():
    """eq. (3) for M_SM: simulated error + cost at two values of mu matches sigma^2/N + c n."""
    rng = np.random.default_rng(0)
    s, n, c = 3.0, np.array([5, 2, 9]), np.array([0.1, 0.4, 0.05])
    closed = mp.sm_penalties(s, c, n)
    for mu in (0.0, 40.0):
        X = [mu + s * rng.standard_normal((20000, k)) for k in n]
        I = ba.sample_mean_mechanism([[x] for x in X])[0]  # noqa: F841 (shape check on one draw)
        est = np.concatenate(X, axis=1).mean(axis=1)
        err = (est - mu) ** 2
        pen = err.mean() + c * n
        assert np.all(np.abs(pen - closed) <= Z * err.std() / np.sqrt(len(err)))


def test_fabrication_printed_vs_corrected_monte_carlo():
    """§3.2: an agent fabricating 7 points N(0, s^2) against 71 honest points: the corrected estimator has
    error s^2/71; the printed one is biased (error grows with mu)."""
    rng = np.random.default_rng(1)
    s, no, ny, R = 10.0, 71, 7, 20000
    for mu in (0.0, 500.0):
        Xo = mu + s * rng.standard_normal((R, no))
        Y = s * rng.standard_normal((R, ny))
        I = (Xo.sum(1) + Y.sum(1)) / (no + ny)
        good = ba.fabrication_estimate(no, I, Y.sum(1), ny, printed=False)
        bad = ba.fabrication_estimate(no, I, Y.sum(1), ny, printed=True)
        eg = ((good - mu) ** 2)
        assert abs(eg.mean() - s**2 / no) <= Z * eg.std() / np.sqrt(R)
        if mu:
            assert ((bad - mu) ** 2).mean() > 10 * s**2 / no  # bias 0.0098 mu


def test_line23_printed_breaks_IR_in_simulation(monkeypatch):
    """Algorithm 2 with line 23 as printed: the corruption-case agent's error explodes with |mu|
    (not translation equivariant); with the weighted average it matches Lemma 16 at every mu."""
    des = ms.design(ba.SIGMA_A, ba.C_A, ba.N_A)
    p, _ = mp.mechanism_penalties(ba.SIGMA_A, ba.C_A, ba.N_A)
    st = ms.recommended_strategies(des)
    for mu in (0.0, 25.0):
        pen, se = ms.run(des, st, mu=mu, R=3000, seed=5)
        assert abs(pen[2] - p[2].sum()) <= Z * se[2]
    monkeypatch.setattr(ms, "_line23", ms.line23_printed)
    pen, se = ms.run(des, st, mu=25.0, R=3000, seed=5)
    assert pen[2] > 10 * p[2].sum()


def test_D1_ties_monte_carlo():
    """§D.1 with tied cheapest agents: each gets only her own data (20), not the printed 15."""
    des, err, cost = ba.simulate("N")
    pen = err.mean(0) + cost
    se = err.std(0, ddof=1) / np.sqrt(err.shape[0])
    assert list(des.cases.ravel()) == ["min", "min", "rest"] and not des.holds8
    assert np.all(np.abs(pen - [20, 20, 5]) <= Z * se)
    assert np.all(np.abs(pen[:2] - 15) > 10 * se[:2])


def test_D1_ratio_counterexample_random_search():
    """A general n^B in N violating (8): per-agent ratio above sqrt(m) (random search, as the erratum)."""
    rng = np.random.default_rng(0)
    worst = 0.0
    for _ in range(1500):
        m = int(rng.integers(2, 5))
        c = np.exp(rng.uniform(np.log(1e-3), np.log(10), (m, 2)))
        n = mp.n_ind(1.0, c) * rng.uniform(0, 3, (m, 2))
        if not np.all(mp.sm_penalties(1.0, c, n) <= mp.p_ind(1.0, c)) or mp.condition8(1.0, c, n):
            continue
        p, _ = mp.mechanism_penalties(1.0, c, n)
        worst = max(worst, float(np.max(p.sum(1) / mp.sm_penalties(1.0, c, n))) / np.sqrt(m))
    assert worst > 1.5


def test_alg1_random_order_invariants():
    rng = np.random.default_rng(2)
    for t in range(200):
        m = int(rng.integers(2, 6))
        c = np.exp(rng.uniform(np.log(1e-3), np.log(10), (m, 2)))
        n = mp.n_ind(2.0, c) * np.exp(rng.uniform(np.log(0.01), np.log(3), (m, 2)))
        assert ba.alg1_violations(2.0, c, n, seed=t) == [0, 0, 0, 0]
        a, b = ba.compute_n_approx(2.0, c, n), mp.compute_n_approx(2.0, c, n)
        assert np.array_equal(a.V, b.V) and np.allclose(a.n, b.n, rtol=0, atol=0)
