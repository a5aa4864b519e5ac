"""kgj App. E-G proof steps: Theorem I's proof (Case 3, lines 699-703), Theorem II's proof
(lines 717-720, typo erratum), Lemma 8 and its proof (lines 812-820), Theorem V's proof (lines 837-841).

Value families: erm (with a viability point m^0 = k/a^2 > 0) and sqrt (v(0) = 0), from model.FAMILIES.
"""
from derivations.claims import Claim, Effort, Erratum, Var
from derivations.domains import Real
from derivations.statements import Compare, Equal, Monotone

from . import model, sec3_4
from .model import ERM, SAT
from .variables import a, c, delta, individually_viable, k, m

r = Var("r", Real(0, None, lo_open=True, sample=(1e-3, 10.0), log=True), "relative cost excess c_j/c_i - 1")
t = Var("t", Real(0, 1), "position x = m* + t (m^max - m*) on the linear piece of (11)")
ROOT = Effort(examples=0.5, ladder=(20, 40, 80))


def _ms(o, F, c, a, k):
    return model.m_star(o, F, c, a, k)


def _mmax(o, F, c, a, k, delta):
    return model.m_max(o, F, c, a, k, 0 * a, _ms(o, F, c, a, k), delta)


def _claims(F):
    tag = f"Family {F.meaning}."
    return (
        Claim(
            id=f"kgj.thm1-proof-case3.{F.name}", label="proof of Theorem I, Cases 1–3", section="E",
            kind="structural",
            latex=r"u_i'(m^0)>0,\ \max u_i>0 \implies \exists\,\alpha_i^*>m^0:\ b'(\alpha_i^*)=c_i",
            statement=Compare(lambda o, c, a, k: F.alpha(o, c, a, k), ">", lambda o, a, k: F.m_v(o, a, k)),
            variables=(c, a, k), given=(individually_viable(F),), symbolic=None,
            notes=tag + " Case 3 (low cost): the stationary point lies past the viability point m^0 "
                        "(b'(alpha) = c: kgj.thm1-eq4-stationary). Cases 1-2 (m* = 0): kgj.fig1-high-cost, "
                        "kgj.thm1-eq4-optimal.",
        ),
        Claim(
            id=f"kgj.thm1-proof-pointwise.{F.name}", label="proof of Theorem I, lines 699–703", section="E",
            kind="inequality", latex=r"c_i\le c_j \implies u_i(m)\ge u_j(m)\ \forall m",
            statement=Compare(lambda o, m, c, a, k: model.u(o, F, m, c, a, k), ">=",
                              lambda o, m, c, r, a, k: model.u(o, F, m, c * (1 + r), a, k)),
            variables=(m, c, r, a, k), symbolic=None,
            notes=tag + " c_j = c_i (1 + r). The maximized version is kgj.thm1-monotone-u; m_i* >= m_j* is "
                        "kgj.thm1-monotone-m.",
        ),
        Claim(
            id=f"kgj.thm2-proof-bound.{F.name}", label="proof of Theorem II, lines 717–720", section="F",
            kind="inequality",
            latex=r"[\mathcal M(\mathbf m)]_i\le v(\textstyle\sum_j m_j)\le1 \implies 0\ge u_i(\tilde{\mathbf m})"
                  r"\le 1-c_i\tilde m_i",
            statement=Compare(0, ">=", lambda o, c, a, k, delta: sec3_4._best_with_free_data(o, F, c, a, k, 0 * a, delta)),
            variables=(c, delta, a, k), symbolic=None, effort=Effort(examples=0.3, ladder=(20, 40)),
            erratum=Erratum(
                corrected=Compare(0, "<=", lambda o, c, a, k, delta: sec3_4._best_with_free_data(o, F, c, a, k, 0 * a, delta)),
                corrected_latex=r"0\le u_i(\tilde{\mathbf m})\le1-c_i\tilde m_i\implies\tilde m_i\le1/c_i",
                explanation="A best response is at least as good as contributing 0, whose utility "
                            "[M(0, m_-i)]_i >= 0, so 0 <= u_i(m~) (the printed '0 >=' is a typo: with it the "
                            "conclusion m~_i <= 1/c_i would not follow). Checked for standard FL (8) with the "
                            "others' data Delta: the best-response utility, found by golden-section search, is "
                            ">= v(Delta) > 0. Second method: tests/test_kgj_baselines.py computes best-response "
                            "utilities with derivations/kgj/equilibrium.py (grid search, numpy)."),
            notes=tag + " Instance: mechanism (8), agent i's best response to the others' total Delta.",
        ),
        Claim(
            id=f"kgj.lemma8-monotone.{F.name}", label="Lemma 8", section="G", kind="inequality",
            latex=r"[B_{\mathcal M}(\mathbf m)]_i \text{ is non-decreasing in } \textstyle\sum_{j\ne i}m_j",
            statement=Monotone(lambda o, delta, c, a, k: _mmax(o, F, c, a, k, delta), "delta", "nondecreasing"),
            variables=(delta, c, a, k), symbolic=None, effort=ROOT,
            notes=tag + " The best response under (11) is m^max(Delta) (eps -> 0). The first part of Lemma 8 "
                        "(>= best responses of any feasible IR mechanism) is not checked.",
        ),
        Claim(
            id=f"kgj.lemma8-proof-slope.{F.name}", label="proof of Lemma 8, lines 812–820", section="G",
            kind="inequality",
            latex=r"u_i'(m_i^{\max};\mathcal M)=b'(m_i^{\max}+\Delta m_{-i})-c_i\le b'(m_i^*)-c_i=0",
            statement=Compare(lambda o, delta, c, a, k: F.db(o, _mmax(o, F, c, a, k, delta) + delta, a, k) - c, "<=", 0),
            variables=(delta, c, a, k), given=(individually_viable(F),), symbolic=None, effort=ROOT,
            notes=tag + " Past m^max the utility under (11) decreases.",
        ),
        Claim(
            id=f"kgj.thm5-proof-flat.{F.name}", label="proof of Theorem V, lines 837–841", section="G",
            kind="identity",
            latex=r"u_i'(m_i)=c_i+\epsilon-c_i\to0 \text{ on } [m_i^*,m_i^{\max}],\ "
                  r"[\mathcal M(m_i^*,\mathbf m_{-i})]_i=v(m_i^*)",
            statement=Equal(lambda o, t, delta, c, a, k: _flat(o, F, t, delta, c, a, k),
                            lambda o, c, a, k: model.u(o, F, _ms(o, F, c, a, k), c, a, k)),
            variables=(t, delta, c, a, k), symbolic=None, effort=ROOT,
            notes=tag + " Utility under (11) (eps = 0) at x = m* + t (m^max - m*) equals u(m*).",
        ),
    )


def _flat(o, F, t, delta, c, a, k):
    ms = _ms(o, F, c, a, k)
    mm = _mmax(o, F, c, a, k, delta)
    xx = ms + t * (mm - ms)
    return model.shaped_value(o, F, xx, c, a, k, 0 * a, ms, mm, delta, 0 * a) - c * xx


CLAIMS = tuple(x for F in (ERM, SAT) for x in _claims(F))
