"""cczk App. G: Lemma 8 (Erfc bound), Lemma 14 (erratum via (12)), Lemma 17, Lemmas 18-21."""
import sympy

from derivations.claims import Claim, Erratum
from derivations.statements import Compare, Equal

from . import model
from .variables import D_POSITIVE, c, c_pos, nstar, sigma, sigma_pos, T, u, w, x

S = sympy.Symbol
_n, _T, _c, _s, _a = (S(v, positive=True) for v in ("nstar", "T", "c", "sigma", "alpha"))
from .variables import alpha  # noqa: E402

_x = S("x", positive=True)
_g = sympy.erfc(_x) - (sympy.exp(-_x**2) / _x - sympy.exp(-_x**2) / (2 * _x**3)) / sympy.sqrt(sympy.pi)


def _at_root(fn):
    def f(o, sigma, c, u, w):
        ns, TT = model.lemma1_point(o, sigma, c, u, w)
        return fn(o, sigma, c, ns, TT, model.alpha_root(o, sigma, c, ns, TT))
    return f


_br = model.lemma_ratio_bracket(_n, _T, _c, _s, _a)
_den18 = 2 * _c * _n * _T + _s**2
_L20 = 2 * _T * (_c * _n * (4 * _n + 11 * _T) + _s**2)

CLAIMS = (
    Claim(
        id="cczk.lemma8", label="Lemma 8", section="G", kind="inequality",
        latex=r"\mathrm{Erfc}(x)\ge\frac1{\sqrt\pi}\Big(\frac{e^{-x^2}}x-\frac{e^{-x^2}}{2x^3}\Big),\ x>0",
        statement=Compare(lambda o, x: o.erfc(x), ">=", model.erfc_lb),
        variables=(x,), symbolic=None,
        notes="Pointwise Arb certificates; the domain is unbounded, so no whole-box certificate.",
    ),
    Claim(
        id="cczk.lemma8-proof-derivative", label="proof of Lemma 8", section="G", kind="monotonicity",
        latex=r"g'(x)=-\frac{3\exp(-x^2)}{4x^4}",
        statement=Equal(sympy.diff(_g, _x), -3 * sympy.exp(-_x**2) / (4 * _x**4)),
        erratum=Erratum(
            corrected=Equal(sympy.diff(_g, _x), -3 * sympy.exp(-_x**2) / (2 * sympy.sqrt(sympy.pi) * _x**4)),
            corrected_latex=r"g'(x)=-\frac{3\exp(-x^2)}{2\sqrt\pi\,x^4}<0",
            explanation="Differentiating g: Erfc' = -2e^{-x^2}/sqrt(pi) and (e^{-x^2}/x - e^{-x^2}/(2x^3))' = "
                        "-2e^{-x^2} + 3e^{-x^2}/(2x^4), so g' = -3e^{-x^2}/(2 sqrt(pi) x^4). Confirmed by sympy.diff "
                        "and by mpmath.diff of g at sample points. The sign (hence Lemma 8) is unaffected."),
        variables=(x,),
    ),
    Claim(
        id="cczk.lemma14", label="Lemma 14", section="G", kind="identity",
        latex=r"G_{i,k}(\sqrt{n^*})_{UB}=-\frac{64(n^*)^{3/2}(cn^*T^3+(2(n^*)^2-T^2)\sigma^2)}{T^{5/2}(T-2n^*)\sigma^2}"
              r"\ \text{with }G_{UB}\text{ as in (12)}",
        statement=Equal(lambda o, sigma, c, nstar, T: model.G_ub_printed(o, sigma, c, nstar, T, o.sqrt(nstar)),
                        model.lemma14_rhs),
        erratum=Erratum(
            corrected=Equal(lambda o, sigma, c, nstar, T: model.G_ub(o, sigma, c, nstar, T, o.sqrt(nstar)),
                            model.lemma14_rhs),
            corrected_latex=r"\text{the same, with } G_{UB}\text{ of (12) corrected (cost term over } D=T-2n^*)",
            explanation="Inherited from eq. (12)'s (T-2n*)^2: the proof's term (a) uses T-2n*, and with it the "
                        "closed form holds (sympy); with (12) as printed it fails whenever T-2n* != 1."),
        variables=(sigma_pos, c_pos, nstar, T), given=(D_POSITIVE,),
    ),
    Claim(
        id="cczk.lemma15-foc", label="proof of Lemma 15, last lines", section="G", kind="identity",
        latex=r"c-\text{foc\_rest}(\alpha)=-\frac{\sigma^2D}{64\alpha^3\sqrt T n^*}G(\alpha)",
        statement=Equal(lambda o, sigma, c, nstar, T, alpha: c - model.foc_rest(o, sigma, c, nstar, T, alpha),
                        model.lemma15_rhs),
        variables=(sigma_pos, c_pos, nstar, T, alpha), given=(D_POSITIVE,),
        notes="G with the corrected Erfc coefficient (eq. (11) erratum). The quadrature derivative "
              "(first line of the proof) is compared with this closed form in tests/test_cczk_alpha.py.",
    ),
    Claim(
        id="cczk.lemma17", label="Lemma 17", section="G", kind="identity",
        latex=r"p_{i,k}(M_{CBL},s^*)=\frac1{2n^*}\Big[2c(n^*)^2+\sigma^2+\alpha\frac{16c(n^*)^2T\alpha^2+(n^*(T-2n^*)-4T\alpha^2)\sigma^2}{-n^*T\alpha+4(n^*+T)\alpha^3}\Big]",
        statement=Equal(_at_root(model.lemma16_rhs), _at_root(model.lemma17_rhs)),
        variables=(sigma, c, u, w), symbolic=None,
        notes="Left: Lemma 16's closed form at alpha = alpha_{i,k} (root of the corrected G); the instances "
              "satisfy Lemma 1's hypotheses (n* = u n^IND, T = w (n^IND)^2/n*).",
    ),
    Claim(
        id="cczk.lemma18", label="Lemma 18", section="G", kind="identity",
        latex=r"\frac{T}{n^*(2cn^*T+\sigma^2)}[\dots]=\frac{T(2c(n^*)^2+6cn^*T+\sigma^2)}{(n^*+T)(2cn^*T+\sigma^2)}+\frac{4c(n^*)^2T^3-2(n^*)^2T\sigma^2-n^*T^2\sigma^2}{(n^*+T)(-n^*T+4n^*\alpha^2+4T\alpha^2)(2cn^*T+\sigma^2)}",
        statement=Equal(_T / (_n * _den18) * _br, model.lemma_ratio_split(_n, _T, _c, _s, _a, _den18)),
        variables=(sigma_pos, c_pos, nstar, T, alpha), given=(D_POSITIVE,),
    ),
    Claim(
        id="cczk.lemma19", label="Lemma 19", section="G", kind="identity",
        latex=r"\frac{T}{n^*\sigma^2}[\dots]=\frac{T(2c(n^*)^2+6cn^*T+\sigma^2)}{(n^*+T)\sigma^2}+\frac{4c(n^*)^2T^3-2(n^*)^2T\sigma^2-n^*T^2\sigma^2}{(n^*+T)(-n^*T+4n^*\alpha^2+4T\alpha^2)\sigma^2}",
        statement=Equal(_T / (_n * _s**2) * _br, model.lemma_ratio_split(_n, _T, _c, _s, _a, _s**2)),
        variables=(sigma_pos, c_pos, nstar, T, alpha), given=(D_POSITIVE,),
    ),
    Claim(
        id="cczk.lemma20", label="Lemma 20", section="G", kind="identity",
        latex=r"\alpha=\sqrt{n^*}:\ (\dots)=\frac{2T(cn^*(4n^*+11T)+\sigma^2)}{(4n^*+3T)(2cn^*T+\sigma^2)}",
        statement=Equal(model.lemma_ratio_split(_n, _T, _c, _s, sympy.sqrt(_n), _den18),
                        _L20 / ((4 * _n + 3 * _T) * _den18)),
        variables=(sigma_pos, c_pos, nstar, T), given=(D_POSITIVE,),
    ),
    Claim(
        id="cczk.lemma21", label="Lemma 21", section="G", kind="identity",
        latex=r"\alpha=\sqrt{n^*}:\ (\dots)=\frac{2T(cn^*(4n^*+11T)+\sigma^2)}{(4n^*+3T)\sigma^2}",
        statement=Equal(model.lemma_ratio_split(_n, _T, _c, _s, sympy.sqrt(_n), _s**2),
                        _L20 / ((4 * _n + 3 * _T) * _s**2)),
        variables=(sigma_pos, c_pos, nstar, T), given=(D_POSITIVE,),
    ),
)
