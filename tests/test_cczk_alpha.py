"""cczk: numpy G / alpha solver (derivations/cczk/alpha.py) and independent checks of the errata."""
import mpmath
import numpy as np
import pytest

from derivations.cczk import alpha as al
from derivations.cczk import model
from derivations.errors import DomainError
from verify.backends import Mp


def _mp(*v):
    return [mpmath.mpf(float(t)) for t in v]


@pytest.mark.parametrize("args, words", [
    ((0.0, 0.2, 2, 40), "sigma must be > 0"),
    ((3, -0.2, 2, 40), "c must be > 0"),
    ((3, 0.2, 0.0, 40), "n* must be > 0"),
    ((3, 0.2, 2, 4), "D = T - 2 n* must be > 0"),
    ((3, 0.2, 2, np.nan), "T must be finite"),
    ((3, 1.0, 2, 40), "sigma^2 > 4 c (n*)^2"),
])
def test_alpha_bad_input(args, words):
    with pytest.raises(DomainError, match=words.replace("^", r"\^").replace("(", r"\(").replace(")", r"\)").replace("*", r"\*")):
        al.alpha(*args)


def test_alpha_no_root_raises():
    # hypotheses of Lemma 1 violated (n* T < (n^IND)^2): G(sqrt n*) > 0 and G has no root
    with pytest.raises(DomainError, match="no root"):
        al.alpha(3, 1e-6, 1e-3, 3e9)


def test_G_bad_alpha():
    with pytest.raises(DomainError, match="alpha must be finite and > 0"):
        al.G(3, 0.2, 2, 40, 0.0)


def _ulps(x, ref):
    return float(abs(mpmath.mpf(float(x)) - ref) / mpmath.mpf(float(np.spacing(float(ref)))))


def test_alpha_matches_mpmath_within_4_ulps_and_is_smallest_root():
    """Every root within 4 ulps of the 50-digit mpmath reference (scan + findroot, model.alpha_root),
    and G <= 0 on a grid between sqrt(n*) and alpha (smallest root)."""
    s, c, n, T = al.sample_instances(40, seed=1)
    a = al.alpha(s, c, n, T)
    assert np.all(a >= np.sqrt(n))
    with mpmath.workdps(50):
        o = Mp(mpmath.mp)
        for i in range(len(a)):
            model._ROOTS.clear()
            r = model.alpha_root(o, *_mp(s[i], c[i], n[i], T[i]))
            assert _ulps(a[i], r) <= 4, (i, _ulps(a[i], r))
            grid = np.linspace(np.sqrt(n[i]), a[i], 50)[:-1]
            assert np.all(al.G(s[i], c[i], n[i], T[i], grid) <= 0)


@pytest.mark.parametrize("u, w", [(0.499, 1.0), (0.4999, 1.5), (1e-3, 1e3), (0.3, 1.0), (0.05, 20.0)])
def test_alpha_extremes_within_4_ulps(u, w):
    """Edges of Lemma 1's domain: u -> 1/2 (root at small x = sqrt(T/(8 alpha^2)), ill-conditioned for
    the printed form), u small with w large (x large: heavy cancellation in G)."""
    for sig, cc in [(3.0, 0.2), (0.05, 10.0), (50.0, 1e-3)]:
        nind = sig / np.sqrt(cc)
        n = u * nind
        T = w * nind**2 / n
        a = al.alpha(sig, cc, n, T)
        with mpmath.workdps(50):
            model._ROOTS.clear()
            r = model.alpha_root(Mp(mpmath.mp), *_mp(sig, cc, n, T))
        assert _ulps(a, r) <= 4, (sig, cc, u, w, _ulps(a, r))


def test_p_series_and_fits_against_mpmath():
    """p(x) = 1 - sqrt(pi) x erfcx(x) (Chebyshev fits / asymptotic series, long double) and x p'(x)."""
    with mpmath.workdps(40):
        for x in (1e-4, 0.37, 0.5, 1.3, 2.999, 5.2, 7.999, 8.0, 8.5, 31.0, 1e4):
            p, xdp = al._p_xdp(np.array([x]), True)
            X = mpmath.mpf(x)
            f = lambda t: 1 - mpmath.sqrt(mpmath.pi) * t * mpmath.exp(t * t) * mpmath.erfc(t)
            ref = f(X)
            assert abs(mpmath.mpf(repr(float(p[0]))) - ref) <= 1.0 * mpmath.mpf(float(np.spacing(float(ref)))) * 1.01
            assert abs(float(xdp[0]) / float(X * mpmath.diff(f, X)) - 1) < 1e-15


def test_H_is_G_rescaled_and_increasing():
    """sign(G) = sign(H), (x^3/sqrt 2) G = H, and H increasing on [sqrt(n*), 4 alpha] (uniqueness)."""
    s, c, n, T = al.sample_instances(20, seed=5)
    for i in range(20):
        A = np.sqrt(n[i]) * np.geomspace(1, 4 * al.alpha(s[i], c[i], n[i], T[i]) / np.sqrt(n[i]), 200)
        M, E = al._consts(s[i], c[i], n[i], T[i], float)
        x2 = T[i] / (8 * A * A)
        H, aH = al._H(x2, np.sqrt(x2), M, E, True)
        Gv = al.G(s[i], c[i], n[i], T[i], A)
        assert np.all(aH > 0) and np.all(np.diff(H.astype(float)) > 0)
        scale = np.sqrt(2) / x2**1.5 * (np.abs(M - E - x2) + np.abs(M - x2))
        assert np.all(np.abs(Gv - np.sqrt(2) / x2**1.5 * H.astype(float)) <= 1e-12 * scale)


def test_kappa_old_form_ill_conditioned_new_form_not():
    s, c, n, T = al.sample_instances(200, seed=7)
    a = al.alpha(s, c, n, T)
    k_old, k_new = al.kappa(s, c, n, T, a)
    assert k_old.max() > 100          # the printed form loses ~log2(k_old) bits at the root
    x = np.sqrt(T / (8 * a * a))
    assert np.all(k_new <= np.maximum(2.0, 1 / x))   # ~ 1/(sqrt(pi) x) for small x, ~1/2 for large x


def test_G_extreme_arguments_finite():
    # T/(8 alpha^2) ~ 1e12 (exp overflows, erfc underflows) and ~ 1e-12: erfcx keeps G finite
    for alpha in (1e-3, 1e9):
        v = al.G(3.0, 0.2, 2.0, 1e6, alpha)
        assert np.isfinite(v)
        with mpmath.workdps(60):
            ref = model.G(Mp(mpmath.mp), *_mp(3.0, 0.2, 2.0, 1e6, alpha))
            sc = model.G_scale(Mp(mpmath.mp), *_mp(3.0, 0.2, 2.0, 1e6, alpha))
        assert abs(v - float(ref)) <= 1e-12 * float(sc)


def test_lemma15_by_quadrature_and_eq11_erratum():
    """dp/dn(n*) by mpmath.diff of the quadrature of E[l] + c n (independent of the paper's algebra)
    equals -(sigma^2 D/(64 alpha^3 sqrt T n*)) G(alpha) with the alpha^2 Erfc coefficient, and not with
    the printed eq. (11); the printed root does not zero dp/dn."""
    with mpmath.workdps(25):
        o = Mp(mpmath.mp)
        for s, c, n, T, a in [(3, 0.2, 2, 40, 2.3), (1, 0.05, 0.5, 30, 1.1), (10, 2, 1.5, 90, 4.0)]:
            s, c, n, T, a = _mp(s, c, n, T, a)
            D = T - 2 * n

            def P(m):
                f = lambda x: s**2 / (D / (1 + a**2 * (1 / m + 1 / n) * x**2) + m + n) * mpmath.npdf(x)
                return 2 * mpmath.quad(f, [0, 1, 4, mpmath.inf]) + c * m

            d = mpmath.diff(P, n)
            assert abs(d - model.lemma15_rhs(o, s, c, n, T, a)) < mpmath.mpf(10) ** -15 * (1 + abs(d))
            assert abs(d - model.dpdn_quad(o, s, c, n, T, a)) < mpmath.mpf(10) ** -15 * (1 + abs(d))
            printed = -(s**2 * D / (64 * a**3 * mpmath.sqrt(T) * n)) * model.G_printed(o, s, c, n, T, a)
            assert abs(d - printed) > mpmath.mpf(10) ** -3
        s, c, n, T = _mp(3, 0.2, 2, 40)
        a_ok = model.alpha_root(o, s, c, n, T)
        assert abs(model.dpdn_quad(o, s, c, n, T, a_ok)) < mpmath.mpf(10) ** -15
        with pytest.raises(DomainError, match="no root"):  # printed (11) defines no alpha here at all
            model.alpha_root(o, s, c, n, T, printed=True)
        s, c, n, T = _mp(0.5, 0.02, 0.5, 80)  # an instance where the printed G has a root
        a_pr = model.alpha_root(o, s, c, n, T, printed=True)
        assert abs(model.dpdn_quad(o, s, c, n, T, a_pr)) > mpmath.mpf(10) ** -3


def test_lemma16_by_quadrature():
    with mpmath.workdps(25):
        o = Mp(mpmath.mp)
        for s, c, n, T, a in [(3, 0.2, 2, 40, 2.3), (1, 0.05, 0.5, 30, 1.1)]:
            args = _mp(s, c, n, T, a)
            q = model.penalty_quad(o, *args)
            assert abs(q - model.lemma16_rhs(o, *args)) < mpmath.mpf(10) ** -18 * q


def test_lemma8_derivative_erratum_by_mpmath_diff():
    with mpmath.workdps(30):
        g = lambda x: mpmath.erfc(x) - (mpmath.exp(-x**2) / x - mpmath.exp(-x**2) / (2 * x**3)) / mpmath.sqrt(mpmath.pi)
        for x in (0.3, 1.0, 2.5):
            x = mpmath.mpf(x)
            d = mpmath.diff(g, x)
            assert abs(d + 3 * mpmath.exp(-x**2) / (2 * mpmath.sqrt(mpmath.pi) * x**4)) < 1e-20
            assert abs(d + 3 * mpmath.exp(-x**2) / (4 * x**4)) > 1e-3 * abs(d)


def test_eq12_printed_counterexample_arb():
    """The eq. (12) counterexample, certified with Arb balls (second method)."""
    import flint
    from verify.backends import Arb
    o = Arb(200)
    with o:
        s, c, n, T = flint.arb("0.1"), flint.arb(1), flint.arb("0.02"), flint.arb("0.5")
        a = n.sqrt()
        diff = model.G(o, s, c, n, T, a) - model.G_ub_printed(o, s, c, n, T, a)
        assert diff > 0
        assert model.G(o, s, c, n, T, a) - model.G_ub(o, s, c, n, T, a) < 0


def test_monte_carlo_penalty_lemma16():
    """Smoke test: Monte Carlo of p_{i,k} = E_x[sigma^2/(D/(1+2alpha^2x^2/n*)+2n*)] + c n* against Lemma 16."""
    rng = np.random.default_rng(3)
    s, c, n, T, a = 3.0, 0.2, 2.0, 40.0, 2.3
    x = rng.standard_normal(400_000)
    mc = np.mean(s**2 / ((T - 2 * n) / (1 + 2 * a**2 * x**2 / n) + 2 * n)) + c * n
    with mpmath.workdps(20):
        ref = float(model.lemma16_rhs(Mp(mpmath.mp), *_mp(s, c, n, T, a)))
    assert abs(mc - ref) < 5e-3 * ref
