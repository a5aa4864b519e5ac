"""cczk App. E.1: Lemma 1 (existence of alpha), eq. (12) G_UB (erratum), value at sqrt(n*)."""
from derivations.claims import Claim, Erratum
from derivations.statements import Compare

from . import model
from .variables import c, c_big, r, r_lo, sigma, sigma_small, u, u_hi, w, w_lo


def _G_at(o, sigma, c, u, w, r):
    ns, TT = model.lemma1_point(o, sigma, c, u, w)
    return model.G(o, sigma, c, ns, TT, r * o.sqrt(ns))


def _ub(fn):
    def f(o, sigma, c, u, w, r):
        ns, TT = model.lemma1_point(o, sigma, c, u, w)
        return fn(o, sigma, c, ns, TT, r * o.sqrt(ns))
    return f


HYP = "Instances: n* = u n^IND with u < 1/2 (Lemma 10), T = w (n^IND)^2/n* with w >= 1 (second while loop), " \
      "i.e. exactly the hypotheses i not in V_k, n* > 0 used by the proof."

CLAIMS = (
    Claim(
        id="cczk.lemma1", label="Lemma 1", section="E.1", kind="existence",
        latex=r"i\notin V_k,\ n^*_{i,k}>0\Rightarrow\exists\,\alpha_{i,k}\ge\sqrt{n^*_{i,k}}:\ G_{i,k}(\alpha_{i,k})=0",
        statement=Compare(lambda o, sigma, c, u, w: model.alpha_root(o, sigma, c, *model.lemma1_point(o, sigma, c, u, w)),
                          ">=", lambda o, sigma, c, u, w: o.sqrt(model.lemma1_point(o, sigma, c, u, w)[0])),
        variables=(sigma, c, u, w), symbolic=None,
        notes=HYP + " The root is found by alpha_root (raises if none); G is the corrected eq. (11).",
    ),
    Claim(
        id="cczk.lemma1-G-at-sqrt-nstar", label="proof of Lemma 1, strategy", section="E.1", kind="existence",
        latex=r"G_{i,k}(\sqrt{n^*_{i,k}})\le 0",
        statement=Compare(lambda o, sigma, c, u, w: _G_at(o, sigma, c, u, w, 1), "<=", 0),
        variables=(sigma, c, u, w), symbolic=None, notes=HYP,
    ),
    Claim(
        id="cczk.eq12", label="eq. (12)", section="E.1", kind="inequality",
        latex=r"G_{i,k}(\alpha)\le\frac{4\alpha(-1+\frac{4T\alpha^2}{n^*(T-2n^*)}-\frac{16cn^*T\alpha^2}{(T-2n^*)^2\sigma^2})}{\sqrt T}"
              r"-e^{T/(8\alpha^2)}\sqrt{2\pi}\Big(-1+\frac{4(1+T/n^*)\alpha^2}{T}\Big)\mathrm{Erfc_{LB}}\Big(\sqrt{T/(8\alpha^2)}\Big),\ \alpha\ge\sqrt{n^*}",
        statement=Compare(_G_at, "<=", _ub(model.G_ub_printed)),
        erratum=Erratum(
            corrected=Compare(_G_at, "<=", _ub(model.G_ub)),
            corrected_latex=r"\dots-\frac{16cn^*T\alpha^2}{(T-2n^*)\sigma^2}\dots\ \text{(denominator }D,\text{ as in (11))}",
            explanation="(12) replaces Erfc by Erfc_LB in G but prints (T-2n*)^2 instead of D = T-2n* in the "
                        "cost term; the printed bound fails when D < 1 (e.g. sigma=0.1, c=1, n*=0.02, T=0.5, "
                        "alpha=sqrt(n*): G=-0.117 > G_UB=-0.655). It also breaks the scale invariance "
                        "(n, alpha^2, sigma/sqrt(c)) -> lambda(...) that G has. Lemma 14's closed form and its "
                        "term (a) use D, confirming the correction."),
        variables=(sigma_small, c_big, u_hi, w_lo, r_lo), symbolic=None,
        notes=HYP + " alpha = r sqrt(n*), r >= 1. Drawn at small scale (n^IND = sigma/sqrt(c) <= 1) where the "
                    "printed bound fails; cczk.eq12-corrected checks the correction on the wide domain.",
    ),
    Claim(
        id="cczk.eq12-corrected", label="eq. (12)", section="E.1", kind="inequality",
        latex=r"G_{i,k}(\alpha)\le G_{i,k}(\alpha)_{UB}\ \text{(cost term over }D=T-2n^*),\ \alpha\ge\sqrt{n^*}",
        statement=Compare(_G_at, "<=", _ub(model.G_ub)),
        variables=(sigma, c, u, w, r), symbolic=None,
        notes=HYP + " alpha = r sqrt(n*), r >= 1. The corrected (12) on the wide domain.",
    ),
    Claim(
        id="cczk.lemma1-final-chain", label="proof of Lemma 1, final chain", section="E.1", kind="inequality",
        latex=r"c\,n^*T^3+(2(n^*)^2-T^2)\sigma^2\ \ge\ 2(n^*)^2\sigma^2\ge0",
        statement=Compare(lambda o, sigma, c, u, w: (lambda ns, TT: c * ns * TT**3 + (2 * ns**2 - TT**2) * sigma**2)(
            *model.lemma1_point(o, sigma, c, u, w)), ">=",
            lambda o, sigma, c, u, w: 2 * model.lemma1_point(o, sigma, c, u, w)[0] ** 2 * sigma**2),
        variables=(sigma, c, u, w), notes=HYP,
    ),
)
