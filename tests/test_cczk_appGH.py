"""cczk App. G (Lemmas 9-13) and App. H: second, independent checks of the claims in
derivations/cczk/claims_appGH.py (quadrature, Monte Carlo, the numpy Algorithm 1) and the numpy
eta^2 implementation's input validation."""
import mpmath
import numpy as np
import pytest

from derivations.cczk import appGH_model as gm
from derivations.cczk import claims_appGH as ch
from derivations.cczk import lemmas_model as lm
from derivations.cczk import mech_program as mp
from derivations.errors import DomainError
from verify.backends import Mp


@pytest.fixture(autouse=True)
def _restore_mpmath_precision():
    dps = mpmath.mp.dps
    yield
    mpmath.mp.dps = dps


def _o(dps=20):
    mpmath.mp.dps = dps
    return Mp(mpmath.mp)


# ----------------------------------------------------------------------------- eta^2 (numpy)

@pytest.mark.parametrize("args,msg", [
    ((0.0, [1.0], [2.0]), "alpha must be finite and > 0"),
    ((np.nan, [1.0], [2.0]), "alpha must be finite and > 0"),
    ((1.0, [], [2.0]), "Y_{i,k} must be a non-empty"),
    ((1.0, [1.0], []), "Z_{i,k} must be a non-empty"),
    ((1.0, [1.0, np.inf], [2.0]), "must be finite"),
])
def test_eta2_rejects_bad_input(args, msg):
    with pytest.raises(DomainError, match=msg.replace("{", r"\{").replace("}", r"\}")):
        gm.eta2(*args)


def test_eta2_brute_force():
    rng = np.random.default_rng(1)
    for _ in range(20):
        a, Y, Z = rng.uniform(0.1, 5), rng.normal(size=rng.integers(1, 9)), rng.normal(size=rng.integers(1, 9))
        sy = sum(float(y) for y in Y) / len(Y)
        sz = sum(float(z) for z in Z) / len(Z)
        assert gm.eta2(a, Y, Z) == pytest.approx(a * a * (sy - sz) ** 2, rel=1e-12, abs=1e-300)


# ----------------------------------------------------------------------------- Gaussian expectations

@pytest.mark.parametrize("A,B,s2,beta", [(3, 0.7, 1.2, 0.4), (40, 5.0, 0.3, 9.0), (0.5, 12.0, 2.0, 0.01)])
def test_gauss_closed_against_quadrature(A, B, s2, beta):
    o = _o(25)
    v = [mpmath.mpf(x) for x in (A, B, s2, beta)]
    assert abs(gm.gauss_closed(o, *v) - gm.gauss_quad(o, *v)) < mpmath.mpf(10) ** -18


def test_bayes_loss_by_quadrature():
    o = _o(20)
    h, m, v = mpmath.mpf("1.3"), mpmath.mpf("-0.4"), mpmath.mpf("2.5")
    q = lm.gauss_mean(o, lambda e: ((h - m - mpmath.sqrt(v) * e) ** 2 + (h - m + mpmath.sqrt(v) * e) ** 2) / 2)
    assert abs(q - ch._bayes_loss(o, h, m, v)) < mpmath.mpf(10) ** -15


# ----------------------------------------------------------------------------- posteriors by quadrature

def _posterior_by_quadrature(logf):
    """Posterior mean and variance of exp(logf) by quadrature (no conjugate formulas)."""
    o = _o(20)
    f = lambda t: mpmath.exp(logf(t))  # noqa: E731
    Z = mpmath.quad(f, [-mpmath.inf, 0, mpmath.inf])
    m = mpmath.quad(lambda t: t * f(t), [-mpmath.inf, 0, mpmath.inf]) / Z
    v = mpmath.quad(lambda t: (t - m) ** 2 * f(t), [-mpmath.inf, m, mpmath.inf]) / Z
    return o, m, v


def test_posterior_A_by_quadrature():
    sigma, ell, X, mu = mpmath.mpf("1.1"), mpmath.mpf(2), [mpmath.mpf(x) for x in ("0.3", "2.0", "-0.5")], mpmath.mpf(3)
    o, m, v = _posterior_by_quadrature(gm.log_joint(sigma, ell, X))
    fixed, printed = ch._post_A(False)(o, sigma, ell, X, mu), ch._post_A(True)(o, sigma, ell, X, mu)
    assert abs(m - fixed[0]) < 1e-12 and abs(v - fixed[1]) < 1e-12
    assert abs(m - printed[0]) > 0.1  # the printed mean (weights swapped) is far off


def test_posterior_B_by_quadrature():
    sigma, ell, mu = mpmath.mpf("0.8"), mpmath.mpf(3), mpmath.mpf(-1)
    X, Yo = [mpmath.mpf(x) for x in ("0.4", "1.0")], [mpmath.mpf(x) for x in ("2.0", "-1.5", "0.2")]
    o, m, v = _posterior_by_quadrature(gm.log_joint(sigma, ell, X + Yo))
    fixed, printed = ch._post_B(False)(o, sigma, ell, X, Yo, mu), ch._post_B(True)(o, sigma, ell, X, Yo, mu)
    assert abs(m - fixed[0]) < 1e-12 and abs(v - fixed[1]) < 1e-12
    assert abs(v - printed[1]) > 0.05 and abs(m - printed[0]) > 0.1


def test_posterior_C_by_quadrature():
    sigma, ell, eta2 = mpmath.mpf("1.3"), mpmath.mpf(4), mpmath.mpf("0.9")
    X, Z, Zp = ([mpmath.mpf(x) for x in xs] for xs in (("0.4", "1.0"), ("2.0", "-1.5"), ("3.0", "2.2")))
    o, m, v = _posterior_by_quadrature(gm.log_joint(sigma, ell, X + Z, Zp, sigma**2 + eta2))
    fixed, printed = ch._post_C(False)(o, sigma, ell, X, Z, Zp, eta2), ch._post_C(True)(o, sigma, ell, X, Z, Zp, eta2)
    assert abs(m - fixed[1]) < 1e-12 and abs(v - fixed[2]) < 1e-12
    assert abs(m - printed[1]) > 0.1


def test_printed_estimator_is_not_an_average():
    """Adding a constant to all data shifts an average by that constant; the printed h does not."""
    o = _o(20)
    s, e2 = mpmath.mpf(1), mpmath.mpf("0.5")
    clean, noisy = [mpmath.mpf(x) for x in (1, 2, 3)], [mpmath.mpf(x) for x in (4, 5)]
    shift = lambda xs: [x + 10 for x in xs]  # noqa: E731
    h0, h1 = ch._h(o, s, e2, clean, noisy), ch._h(o, s, e2, shift(clean), shift(noisy))
    assert abs(h1 - h0 - 10) < 1e-15
    p0, p1 = ch._h_printed(o, s, e2, clean, noisy), ch._h_printed(o, s, e2, shift(clean), shift(noisy))
    assert abs(p1 - p0 - 10) > 1


# ----------------------------------------------------------------------------- Step 2 / (63) by Monte Carlo

def test_step2_risk_monte_carlo():
    """Max risk of s~_i for k in C, simulated: the corrected closed form (e^2 inside) matches, (63) as printed does not."""
    sigma, alpha, nX, nZ, nZp, mu = 1.2, 1.7, 4, 3, 6, 0.7
    rng = np.random.default_rng(7)
    R = 400_000
    mX = mu + sigma / np.sqrt(nX) * rng.standard_normal(R)
    mZ = mu + sigma / np.sqrt(nZ) * rng.standard_normal(R)
    eta2 = alpha**2 * (mX - mZ) ** 2
    mZp = mu + np.sqrt((sigma**2 + eta2) / nZp) * rng.standard_normal(R)
    P = nZp / (sigma**2 + eta2) + (nX + nZ) / sigma**2
    h = (mZp * nZp / (sigma**2 + eta2) + (mZ * nZ + mX * nX) / sigma**2) / P
    mc = np.mean((h - mu) ** 2)
    o = _o(20)
    v = [mpmath.mpf(x) for x in (sigma, alpha, nX, nZ, nZp)]
    fixed = float(gm.R_inf_C(o, *v))
    beta = alpha**2 * (sigma**2 / nZ + sigma**2 / nX)
    printed = 1 / (nZp / (sigma**2 + beta) + (nZ + nX) / sigma**2)
    assert mc == pytest.approx(fixed, rel=6e-3)
    assert abs(mc - printed) > 0.05 * mc


def test_R_ell_increases_to_R_inf():
    o = _o(20)
    v = [mpmath.mpf(x) for x in ("1.1", "0.9", 3, 5, 2, 4, 7)]
    vals = [gm.R_ell(o, *v, mpmath.mpf(1) / l**2) for l in (1, 2, 4, 8, 16, 64)]
    assert all(a < b for a, b in zip(vals, vals[1:])) and vals[-1] < gm.R_inf(o, *v)
    assert abs(gm.R_ell(o, *v, mpmath.mpf(10) ** -12) - gm.R_inf(o, *v)) < 1e-10


# ----------------------------------------------------------------------------- §H.2 first-order display

def test_first_order_against_numerical_derivative():
    """mpmath.diff of the quadrature of E_x[l] + c n at n*: the 4 alpha/sqrt T form, not 4 alpha^2/sqrt T."""
    o = _o(20)
    v = dict(sigma=mpmath.mpf("1.3"), c=mpmath.mpf("0.2"), nstar=mpmath.mpf("0.7"), T=mpmath.mpf(9), alpha=mpmath.mpf(3))
    d = lm.dpdn_numeric(o, *v.values())
    assert abs(d - gm.first_order_printed(o, **v, coef_power=1)) < 1e-12 * max(1, abs(d))
    assert abs(d - gm.first_order_lemma24(o, **v)) < 1e-12 * max(1, abs(d))
    assert abs(d - gm.first_order_printed(o, **v, coef_power=2)) > 1e-3 * abs(d)


def test_eq64_printed_integrand_is_not_the_penalty():
    o = _o(20)
    args = [mpmath.mpf(x) for x in ("1.1", "0.3", "0.8", 10, 2, "1.5")]
    q = ch._risk_C_quad(o, *args)
    assert abs(q - ch._l64_fixed_E(o, *args)) < 1e-14
    assert abs(q - ch._l64_printed_E(o, *args)) > 1e-3


# ----------------------------------------------------------------------------- Algorithm 1, Lemmas 9-13

def _instances(count, seed=3):
    rng = np.random.default_rng(seed)
    out = []
    while len(out) < count:
        m = int(rng.integers(1, 7))
        sigma = float(np.exp(rng.uniform(np.log(0.1), np.log(10))))
        c = np.exp(rng.uniform(np.log(1e-2), np.log(100), size=m))
        n = np.exp(rng.uniform(np.log(1e-2), np.log(2.2), size=m)) * sigma / np.sqrt(c)
        if mp.condition8(sigma, c, n, rtol=0):
            out.append((sigma, c, n))
    return out


def test_algorithm1_matches_numpy_transcription():
    o = _o(30)
    for sigma, c, n in _instances(40):
        first, final, V, T = gm.algorithm1(o, mpmath.mpf(sigma), [mpmath.mpf(x) for x in c], [mpmath.mpf(x) for x in n])
        ap = mp.compute_n_approx(sigma, c, n)
        assert list(ap.V[:, 0]) == V
        np.testing.assert_allclose(ap.n[:, 0], [float(x) for x in final], rtol=1e-12)
        np.testing.assert_allclose(ap.n_first[:, 0], [float(x) for x in first], rtol=1e-12)


def test_lemmas_9_to_13_on_numpy_algorithm():
    """Brute force with the numpy Algorithm 1 (mech_program), m up to 6."""
    seen_outside_V = 0
    for sigma, c, n in _instances(300, seed=11):
        ni = sigma / np.sqrt(c)
        ap = mp.compute_n_approx(sigma, c, n)
        T = ap.T[0]
        for i in range(len(c)):
            assert ni[i] / n[i] > 0.5  # Lemma 11
            assert ap.n_first[i, 0] / n[i] > 0.5  # Lemma 12
            assert ap.n[i, 0] / n[i] > 0.5  # Lemma 13
            if not ap.V[i, 0]:
                seen_outside_V += 1
                assert T > 2 * ni[i]  # Lemma 9 (i outside V_k satisfies its hypothesis)
                assert ap.n[i, 0] < ni[i] / 2  # Lemma 10
    assert seen_outside_V > 50
