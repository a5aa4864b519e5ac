"""kgj equilibrium solver (derivations/kgj/equilibrium.py): Remark 3 / Theorem III by brute force."""
import numpy as np
import pytest
from scipy.optimize import brentq

from derivations.errors import DomainError
from derivations.kgj import equilibrium as eq

A, K = 0.95, 10.0
v = lambda m: np.maximum(0.0, A - np.sqrt(K / np.maximum(m, 1e-300)))


def test_value_shaping_highest_matches_remark3():
    n, c0 = 200, 0.1
    c = np.full(n, c0)
    lo, hi = eq.lowest_highest(eq.value_shaping(v, np.zeros(n), c, eps=1e-6 * c0), c)
    assert lo.m.sum() == 0.0 and lo.status.startswith("equilibrium")  # m^tot = 0 is also an equilibrium
    mtot = brentq(lambda M: v(M) - c0 / n * M, K / A**2 * 2, 1e8)  # Remark 3: (c/n) m_tot = v(m_tot)
    assert hi.status == "equilibrium (certified)"
    assert hi.m.sum() == pytest.approx(mtot, rel=2e-3)


def test_standard_fl_free_riding():
    c = np.array([0.001, 0.002, 0.004])  # Theorem III: only the least-cost agent contributes, m* = alpha
    assert eq.solve(eq.standard(v), c, "high", iters=30).status.startswith("no pure")  # simultaneous: cycles
    r = eq.solve(eq.standard(v), c, "high", sequential=True)
    assert r.status == "equilibrium (certified)"
    alpha = (K / (4 * c[0] ** 2)) ** (1 / 3)
    assert r.m[1] == 0.0 and r.m[2] == 0.0
    assert r.m[0] == pytest.approx(alpha, rel=1e-3)


def test_no_equilibrium_reported():
    # a matching-pennies-like 2-agent mechanism (not of Theorem II's form): best responses cycle
    def value(x, m):
        other = m[::-1]
        return np.where(np.abs(x - other) < 1.0, 1.0, 0.0) * np.array([1.0, 0.0]) + \
            np.where(np.abs(x - other) >= 1.0, 1.0, 0.0) * np.array([0.0, 1.0])
    r = eq.solve(value, np.array([0.1, 0.1]), "low", iters=20)
    assert r.status.startswith("no pure equilibrium found")


def test_bad_input():
    with pytest.raises(DomainError, match="c_i > 0"):
        eq.solve(eq.standard(v), np.array([0.1, 0.0]))
    with pytest.raises(DomainError, match="start"):
        eq.solve(eq.standard(v), np.array([0.1, 0.2]), start="middle")
    with pytest.raises(DomainError, match=r"p must lie in \[0, 1\]"):
        eq.proportional_data(v, 2.0)
