"""cck §5 mechanism (Algorithm 2): budget balance per realization, Monte Carlo expectations, IRC erratum."""
import numpy as np
import pytest

from derivations.cck import mechanism as me
from derivations.errors import DomainError

ARGS = dict(q_plus=[0.3, 0.5, 0.8], Nplus=5, c1=0.05, c2=0.2, sigma=1.3)


def test_budget_balance_every_realization():
    rng = np.random.default_rng(0)
    for _ in range(200):
        Y1, Y2 = rng.normal(2, 1.3, 4) * rng.uniform(0, 3), rng.normal(0, 5, 1)
        p = me.prices(Y1, Y2, **ARGS)
        pi = me.payments(Y1, Y2, **ARGS)
        assert abs(p.sum() - pi.sum()) < 1e-10 * (1 + np.abs(p).sum())


def test_expectations_monte_carlo():
    rng = np.random.default_rng(1)
    Ns, Nm, d, W = me.setup(**{k: ARGS[k] for k in ("q_plus", "Nplus", "c1", "c2", "sigma")})
    mu, T = 7.0, 200_000
    X1 = rng.normal(mu, 1.3, size=(T, 4))
    X2 = rng.normal(mu, 1.3, size=(T, 1))
    D = X1.mean(axis=1) - X2[:, 0]
    # vectorised (14)/(15) at the instructed sizes
    bonus_p = sum(np.array(ARGS["q_plus"]) * Ns[i] / 5 + d[i] / 3 * 1.69 / Nm[i] + d[i] / 3 * 1.69 / Ns[i] for i in range(2))
    p = bonus_p[None, :] - (d.sum() / 3) * D[:, None] ** 2
    assert np.allclose(p.mean(axis=0), ARGS["q_plus"], atol=0.01)  # eq. (16)
    c = np.array([0.05, 0.2])
    pay = W * Ns / 5 + c * Ns + d * 1.69 / Nm + d * 1.69 / Ns
    u = pay[None, :] - d[None, :] * D[:, None] ** 2 - c * Ns
    assert np.allclose(u.mean(axis=0), W * Ns / 5, atol=0.01)  # IRC, corrected (single d_i)
    printed = pay - c * Ns - d * d * (1.69 / Ns + 1.69 / Nm)
    assert np.all(np.abs(printed - W * Ns / 5) > 0.05)  # the printed d_i^2 line differs (d_1 != 1)
    assert np.all(me.expected_price(**ARGS) - ARGS["q_plus"] < 1e-12)


def test_bad_input():
    with pytest.raises(DomainError, match="sigma"):
        me.setup([0.5], 4, 0.1, 0.2, 0.0)
    with pytest.raises(DomainError, match="costs"):
        me.setup([0.5], 4, -0.1, 0.2, 1.0)
    with pytest.raises(DomainError, match="non-empty"):
        me.setup([], 4, 0.1, 0.2, 1.0)
    with pytest.raises(DomainError, match="N\\+"):
        me.setup([0.5], 1, 0.1, 0.2, 1.0)
    with pytest.raises(DomainError, match="ordered"):
        me.setup([0.5], 4, 0.3, 0.2, 1.0)
