"""cczk lemma checks by methods independent of the registered claims (errata confirmations)."""
import mpmath
import numpy as np
import pytest
import sympy

from derivations.cczk import lemmas_model as lm
from derivations.cczk import model
from verify.backends import SYMPY, Mp


def test_lemma24_J_is_minus_dI_dL():
    """J = -dI/dL symbolically: the last term of J is sqrt(t)/(sqrt(2) L), not sqrt(t)/sqrt(2L)."""
    t, L = sympy.symbols("t L", positive=True)
    dI = -sympy.diff(lm.I_closed(SYMPY, t, L), L)
    assert sympy.simplify(dI - lm.J_corrected(SYMPY, t, L)) == 0
    assert sympy.simplify(dI - lm.J_printed(SYMPY, t, L)) != 0


def test_lemma15_against_numerical_derivative():
    """mpmath.diff of the quadrature of E_x[l(n,x;alpha)] + c n (no differentiation under the integral)."""
    with mpmath.workdps(20):
        o = Mp(mpmath.mp)
        v = [mpmath.mpf(x) for x in ("1.3", "0.2", "0.7", "9.0", "1.1")]
        d = lm.dpdn_numeric(o, *v)
        assert abs(d - model.lemma15_rhs(o, *v)) < mpmath.mpf(10) ** -12 * max(1, abs(d))


def test_lemma16_monte_carlo():
    """p_{i,k}(M_CBL, s*) of Lemma 16 against a Monte Carlo mean over x ~ N(0,1)."""
    sigma, c, n, T, a = 1.3, 0.2, 0.7, 9.0, 1.1
    x = np.random.default_rng(0).standard_normal(400_000)
    D = T - 2 * n
    mc = np.mean(1 / (D / (sigma**2 + a**2 * 2 * sigma**2 / n * x**2) + 2 * n / sigma**2)) + c * n
    with mpmath.workdps(20):
        exact = float(model.lemma16_rhs(Mp(mpmath.mp), *(mpmath.mpf(t) for t in (sigma, c, n, T, a))))
    assert mc == pytest.approx(exact, rel=3e-3)


def test_lemma14_expansions_sum_only_when_corrected():
    """(a) with T^3 and (b) with T^2 sum to Lemma 14's closed form; the printed powers do not."""
    from derivations.cczk import appG_proofs as g
    printed = sympy.simplify(g._a14_expansion(2) + g._b4(3) - g._L14)
    fixed = sympy.simplify(g._a14_expansion(3) + g._b4(2) - g._L14)
    assert fixed == 0 and printed != 0


def test_quadrature_formulas_refuse_other_backends():
    with pytest.raises(NotImplementedError, match="mpmath backend"):
        lm.I_quad(SYMPY, sympy.Symbol("t"), sympy.Symbol("L"))


@pytest.mark.parametrize("a", [-2.5, 0.7, 3.0])
def test_eq58_by_quadrature(a):
    """(58) on an instance: int F1(e - a) phi(e) de >= int F1(e) phi(e) de, both by quadrature."""
    from derivations.cczk import appI
    with mpmath.workdps(20):
        o = Mp(mpmath.mp)
        args = [mpmath.mpf(x) for x in (30, 12, "0.8")]
        assert appI._shifted(o, *args, mpmath.mpf(a)) > appI._centred(o, *args)
