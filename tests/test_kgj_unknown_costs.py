"""kgj App. D: brute force over mechanisms (15) vs the stationary point of (16)/(21) (erratum)."""
import numpy as np
import pytest

from derivations.errors import DomainError
from derivations.kgj import unknown_costs as uc
from derivations.kgj.unknown_costs import brute_force_down

A, K, DELTA, CL, CH = 0.9, 1.0, 0.3, 0.1, 0.15  # b'(m_high^max + Delta) <= c_low: the REGIME of appD


def _clamp(target, Mh, Ml):
    if target <= 0:
        return Ml
    return min(max(K * np.log(A / (K * target)) - DELTA, Mh), Ml)


@pytest.mark.parametrize("p", [0.45, 0.5])
def test_brute_force_prefers_corrected_point(p):
    md, Mh, Ml, Emax, E = brute_force_down(A, K, CL, CH, p, DELTA)
    corrected = _clamp((CL - p * CH) / (1 - p), Mh, Ml)
    printed = _clamp(CL - p / (1 - p) * CH, Mh, Ml)
    assert Mh + 0.02 < corrected < Ml - 0.02  # an interior optimum: the comparison is sharp
    assert abs(md - corrected) < 0.03 and abs(md - printed) > 0.05
    noise = 2 * (1.5 * Ml + 1.0) / 40000  # best responses are grid points
    assert E(corrected) >= Emax - noise
    assert E(printed) < E(corrected) - 5 * noise


def test_remark5_threshold():
    # p between c_low/(c_low + c_high) = 0.4 and c_low/c_high = 2/3: D is not m_low^max
    md, Mh, Ml, _, _ = brute_force_down(A, K, CL, CH, 0.5, DELTA)
    assert md < Ml - 0.1
    md, Mh, Ml, _, _ = brute_force_down(A, K, CL, CH, 0.7, DELTA)  # p >= c_low/c_high
    assert abs(md - Ml) < 0.02


def test_bad_input():
    with pytest.raises(DomainError, match="c_low < c_high"):
        brute_force_down(A, K, 0.2, 0.1, 0.5, DELTA)
    with pytest.raises(DomainError, match=r"p \(probability"):
        brute_force_down(A, K, CL, CH, 1.0, DELTA)
    with pytest.raises(DomainError, match="Delta"):
        brute_force_down(A, K, CL, CH, 0.5, -1.0)


@pytest.mark.parametrize("a,k,w,rho,p,delta", [(0.8, 2.0, 0.5, 0.6, 0.3, 0.5), (1.0, 1.0, 0.5, 0.45, 0.25, 0.5)])
def test_theorem7_class_optimum(a, k, w, rho, p, delta):
    """Theorem VII's optimality (erratum kgj.thm7-optimal-class): a 2-D grid brute force over all feasible IR
    mechanisms (revelation principle, unknown_costs.class_optimum_grid) beats (15) with the printed m_dn of
    (21) and matches (15) with the corrected stationary point, up to the grid spacing."""
    ch = w * a / k
    E_grid, xh, xl = uc.class_optimum_grid(a, k, rho * ch, ch, p, delta)
    printed = uc.expected_data(a, k, w, rho, p, delta)
    md = uc.m_down(a, k, w, rho, p, delta, corrected=True)
    corrected = (1 - p) * uc.m_up_root(a, k, w, rho, p, delta, 0.0, md) + p * md
    spacing = (uc.m_max_exp(a, k, rho * ch, delta) * 1.02 + 0.1) / 1200
    assert E_grid > printed + 10 * spacing  # the printed (15) is beaten by some feasible IR mechanism
    assert abs(E_grid - corrected) <= 2 * spacing  # ... and the corrected (15) is optimal


def test_mechanism15_bad_input():
    with pytest.raises(DomainError, match="rho"):
        uc.m_down(0.8, 2.0, 0.5, 1.5, 0.3, 0.5)
    with pytest.raises(DomainError, match="p \\(probability"):
        uc.expected_data(0.8, 2.0, 0.5, 0.5, 1.0, 0.5)


def test_m_max_closed_form_solves_eq11_and_rejects_bad_cost():
    import mpmath
    with pytest.raises(DomainError, match="0 < c < a/k"):
        uc.m_max_exp(0.5, 2.0, 0.25, 1.0)  # c = a/k: m* = 0
    for d in (1e-6, 0.05, 0.19, 0.2, 3.0, 30.0):  # (y = 1 in double beyond d ~ 36)
        y, u = uc._y_and_1my(d)  # the root y of -log(1 - y) - y = d and u = 1 - y, each to a few ulps
        assert y == uc.y_of_d(d)
        with mpmath.workdps(40):
            Y = mpmath.findroot(lambda t: -mpmath.log1p(-t) - t - d, (mpmath.mpf(y) / 2, mpmath.mpf(0.75)), solver='anderson') if y < 0.5 else None
            U = mpmath.findroot(lambda t: -mpmath.log(t) - (1 - t) - d, (mpmath.mpf(u) / 2, mpmath.mpf(0.75)), solver='anderson') if y >= 0.5 else None
            if Y is not None:
                assert abs(y - Y) <= 4 * np.spacing(y)
            else:
                assert abs(u - U) <= 4 * (1 + d) * np.spacing(u)  # u's relative condition in d is d/(1 - u)
    a, k, c, delta = 0.7, 1.3, 0.2, 0.4
    x = uc.m_max_exp(a, k, c, delta)
    ms = k * np.log(a / (k * c))
    lhs = a * -np.expm1(-(x + delta) / k)
    assert abs(lhs - (a - k * c + c * (x - ms))) < 1e-14 and x > ms
