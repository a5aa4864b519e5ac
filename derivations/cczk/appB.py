"""cczk App. B, eq. (11): G_{i,k} and alpha_{i,k} (erratum: Erfc coefficient 4 alpha/T -> 4 alpha^2/T)."""
from derivations.claims import Claim, Erratum, Implementation
from derivations.statements import Defines, Equal

from . import alpha as numalpha
from . import model
from .variables import D_POSITIVE, alpha, c, c_pos, nstar, sigma, sigma_pos, T, u, w


def _alpha_at(o, sigma, c, u, w, printed=False):
    ns, TT = model.lemma1_point(o, sigma, c, u, w)
    return ns, TT, model.alpha_root(o, sigma, c, ns, TT, printed=printed)


def _foc(printed):
    def f(o, sigma, c, u, w):
        ns, TT, a = _alpha_at(o, sigma, c, u, w, printed)
        return model.foc_rest(o, sigma, c, ns, TT, a)
    return f


def _double_instance(sigma, c, u, w):
    """(n*, T) of Lemma 1's parametrisation rounded to double exactly as the numpy side forms them, so the
    cross-check measures the root finder, not the rounding of its inputs (amplified by the root's
    conditioning: that alone was 2.8 bits)."""
    nind = float(sigma) / float(c) ** 0.5
    ns = float(u) * nind
    return ns, float(w) * nind**2 / ns


def _alpha_ref(o, sigma, c, u, w):
    ns, TT = _double_instance(sigma, c, u, w)
    return model.alpha_root(o, sigma, c, o.num(ns), o.num(TT))


def _alpha_num(sigma, c, u, w):
    ns, TT = _double_instance(sigma, c, u, w)
    return numalpha.alpha(sigma, c, ns, TT)


G11_PRINTED = (r"G_{i,k}(\alpha):=\frac{4\alpha}{\sqrt{T_k}}\Big(\frac{4\alpha^2T_k}{D n^*}-1-c\frac{16\alpha^2T_kn^*}{\sigma^2D}\Big)"
               r"-e^{T_k/(8\alpha^2)}\Big(\frac{4\alpha}{T_k}\Big(\frac{T_k}{n^*}+1\Big)-1\Big)\sqrt{2\pi}\,"
               r"\mathrm{Erfc}\Big(\sqrt{T_k/(8\alpha^2)}\Big)")

CLAIMS = (
    Claim(
        id="cczk.eq11", label="eq. (11)", section="B", kind="definition",
        latex=G11_PRINTED + r";\ \alpha_{i,k}\text{ its smallest root }>\sqrt{n^*}\text{ makes }"
              r"\partial p_i/\partial n_{i,k}(n^*_{i,k})=0\ (\text{§4, Lemma 15, §H.2})",
        statement=Equal(lambda o, c: c, _foc(printed=True)),
        erratum=Erratum(
            corrected=Equal(lambda o, c: c, _foc(printed=False)),
            corrected_latex=r"\dots-e^{T_k/(8\alpha^2)}\Big(\frac{4\alpha^2}{T_k}\Big(\frac{T_k}{n^*}+1\Big)-1\Big)"
                            r"\sqrt{2\pi}\,\mathrm{Erfc}\Big(\sqrt{T_k/(8\alpha^2)}\Big)",
            explanation="The Erfc coefficient of eq. (11) must be (4 alpha^2/T)(T/n*+1)-1, as in the proof of "
                        "Lemma 1, Lemma 15 and §H.2: only then is alpha's root the first-order condition "
                        "dp_i/dn_{i,k}(n*) = c - foc_rest = 0 (Lemma 15). Confirmed independently: dp/dn by "
                        "mpmath.diff of the quadrature of E[l(n,x;alpha)] + c n equals -(sigma^2 D/(64 alpha^3 "
                        "sqrt(T) n*)) G(alpha) only with alpha^2 (tests/test_cczk_alpha.py)."),
        variables=(sigma, c, u, w),
        notes="Instances satisfy Lemma 1's hypotheses: n* = u n^IND (u < 1/2), T = w (n^IND)^2/n* (w >= 1). "
              "foc_rest is the proof of Lemma 15's last-line form, so the statement is c = foc_rest(alpha).",
    ),
    Claim(
        id="cczk.eq11-G", label="eq. (11)", section="B", kind="definition",
        latex=r"G_{i,k}(\alpha)\ \text{(with the corrected Erfc coefficient } (4\alpha^2/T_k)(T_k/n^*+1)-1)",
        statement=Defines(model.G),
        variables=(sigma_pos, c_pos, nstar, T, alpha), given=(D_POSITIVE,),
        implementations=(Implementation(numalpha.G, model.G, max_bits=2.0, scale=model.G_scale,
                                        name="alpha.G"),),
        notes="numpy evaluates G = (sqrt2/x^3)(p(x)(M - x^2) - E) in long double with an accurate "
              "p(x) = 1 - sqrt(pi) x erfcx(x) (was 8 bits with the printed two-term form); errors measured in "
              "ulps of |term1|+|term2| since G crosses zero at its root.",
    ),
    Claim(
        id="cczk.eq11-alpha", label="eq. (11)", section="B", kind="definition",
        latex=r"\alpha_{i,k}=\min\{\alpha>\sqrt{n^*_{i,k}}: G_{i,k}(\alpha)=0\}",
        statement=Defines(_alpha_ref),
        variables=(sigma, c, u, w),
        implementations=(Implementation(_alpha_num, _alpha_ref, max_bits=2.0,
                                        name="alpha.alpha"),),
        notes="Reference: mpmath scan + findroot (Anderson, bisection fallback) on the bracket; numpy: "
              "safeguarded Newton on the non-cancelling form H, long-double polish (derivations/cczk/alpha.py). "
              "Relative error of alpha itself (no scale), on the double-rounded instance (n*, T).",
    ),
)
