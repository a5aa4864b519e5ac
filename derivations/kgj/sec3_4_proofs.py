"""kgj §3-4, App. B, C.2.1, E-G: remaining rows -- eq. (5), §3.1 lines 147-148 (erratum), eq. (11) and
its restatement (19), §4.1 lines 202-206, App. B's two verbal rows, §C.2.1 lines 553-557 (erratum),
the definition of m^0 (proof of Theorem I), (18), Lemmas 6-7, the proofs of Theorems II-IV and Lemma 8.

ERRATUM (§3.1 lines 147-148, 'conditions [of Theorem II] satisfied for all the mechanisms we consider'):
Theorem II needs [M(m_i; m_-i)]_i = max(0, nu_i) with nu_i concave in m_i.  Proportionate data (12) with
p = 1 (used in Figure 6) is (m_i/M) v(m_i + D) below the others' maximum M: strictly *convex* in m_i for
the saturating value (second derivative v'(2 - 3 m_i/(2(m_i + D + k)))/M > 0).  (1) engine: midpoint
test; (2) tests/test_kgj_baselines.py: second differences of the numpy baselines.proportional_data.
(Mechanism (11) with m_i^* > 0 and eps > 0 is not concave either: slope c_i below m_i^*, c_i + eps above.)

ERRATUM (§C.2.1 lines 553-557, 'this equilibrium [m*/n] corresponds to the maximum utility'):
profiles s m*/n with s slightly above 1 are equilibria of PD too (kgj.c21-above-mstar-equilibrium,
and tests/test_kgj_baselines.py's regret certificate at 1.2 m*/n) with strictly higher utility.
"""
import sympy

from derivations.claims import Claim, Effort, Erratum, Implementation, Var
from derivations.domains import Int, Real
from derivations.statements import AllOf, Compare, Defines, Equal

from . import appC, model, sec3_4, values
from . import equilibrium as eqm
from .model import ERM, FAMILIES, SAT
from .variables import a, c, delta, eps, individually_viable, k, m

import numpy as np

ROOT = Effort(examples=0.5, ladder=(20, 40, 80))
CHEAP_ROOT = Effort(examples=0.3, ladder=(20, 40))

x = Var("x", Real(0, None, sample=(0.0, 200.0)), "agent i's contribution m_i")
y = Var("y", Real(0, None, lo_open=True, sample=(1e-3, 100.0), log=True), "distance past m^* (or m^max)")
tt = Var("t", Real(0.05, 0.95), "m_i = t M, below the others' maximum M")
ss = Var("s", Real(0.1, 1), "half-width h = s min(m_i, M - m_i) of the midpoint test")
M = Var("M", Real(0, None, lo_open=True, sample=(1e-2, 100.0), log=True), "the other agent's contribution (the maximum)")
s_up = Var("s", Real(1, 1.05), "symmetric contribution s m*/n, s in [1, 1.05]")
t3 = Var("t", Real(0, 3), "deviation x = t s m*/n")
pH = Var("p", Real(0.5, 1), "PD exponent p in [1/2, 1]")
nS = Var("n", Int(2, 6), "number of agents")
nB = Var("n", Int(2, 50), "number of identical agents")


# ----------------------------------------------------------------------------- eq. (5), Theorem II's form
def _pd_value(o, mv, i, p, a, k):
    return appC.PD(o, mv, i, p, a, k)


def _pd1(o, xx, M, a, k):
    """(12), p = 1, two agents: agent 0 at xx <= M (the other at M, the maximum)."""
    return xx / M * appC.v(o, xx + M, a, k)


def _second_difference(o, t, s, M, a, k):
    """(f(x - h) + f(x + h) - 2 f(x))/h^2 for f = (12) at p = 1 (<= 0 for every x, h iff f is concave)."""
    xx = t * M
    h = s * min(xx, M - xx)
    return (_pd1(o, xx - h, M, a, k) + _pd1(o, xx + h, M, a, k) - 2 * _pd1(o, xx, M, a, k)) / h**2


# ----------------------------------------------------------------------------- eq. (11) numpy adapter
def _vs_numpy(x, c, a, k, delta, eps):
    F = values.sqrt_saturating(a, k)
    ms = values.optimal_contribution("sqrt", c, a, k)
    mech = eqm.value_shaping(F.v, np.array([ms, ms]), np.array([c, c]), eps)
    return float(mech(np.array([[x, 0.0]]), np.array([0.0, delta]))[0, 0])


def _vs_formula(o, x, c, a, k, delta, eps):
    ms = model.m_star(o, SAT, c, a, k)
    mm = model.m_max(o, SAT, c, a, k, 0 * a, ms, delta, eps)
    return model.shaped_value(o, SAT, x, c, a, k, 0 * a, ms, mm, delta, eps)


# ----------------------------------------------------------------------------- §C.2.1 (PD above m*/n)
def _pd_dev(o, t, s, n, p, c, a, k):
    Mc = s * appC.mstar(o, c, a, k) / n
    return appC.PD(o, [t * Mc] + [Mc] * (n - 1), 0, p, a, k) - c * t * Mc


def _pd_at(o, s, n, p, c, a, k):
    Mc = s * appC.mstar(o, c, a, k) / n
    return appC.PD(o, [Mc] * n, 0, p, a, k) - c * Mc


def _U(o, s, n, c, a, k):
    """Common utility at the symmetric profile s m*/n: v(s m*) - c s m*/n."""
    ms = appC.mstar(o, c, a, k)
    return appC.v(o, s * ms, a, k) - c * s * ms / n


# ----------------------------------------------------------------------------- Lemma 6, Lemma 7, Lemma 8
def _sym_fixed(o, c, a, k, n):
    """M* = m_max_symmetric (all agents at M*), then agent i's m^max against Delta = (n - 1) M*."""
    Ms = model.m_max_symmetric(o, SAT, c, a, k, 0 * a, n)
    return Ms, model.m_max(o, SAT, c, a, k, 0 * a, model.m_star(o, SAT, c, a, k), (n - 1) * Ms)


def _two_candidates(o, c, a, k, delta):
    """max(u(0), max_x f) with f(x) = b(x + Delta) - c x concave, argmax max(0, alpha - Delta)."""
    al = ERM.alpha(o, c, a, k)
    xs = model.vmax(o, al - delta, 0 * a)
    f = ERM.b(o, xs + delta, a, k) - c * xs
    return max(model.v(o, ERM, delta, a, k), f)


def _past_mmax(F):
    def lhs(o, y, delta, c, a, k):
        ms = model.m_star(o, F, c, a, k)
        xx = model.m_max(o, F, c, a, k, 0 * a, ms, delta) + y
        return model.v(o, F, xx + delta, a, k) - c * xx
    return lhs


def _alone(F):
    return lambda o, c, a, k: model.u_star(o, F, c, a, k)


CLAIMS = (
    Claim(
        id="kgj.eq5-range", label="eq. (5)", section="3.1", kind="definition",
        latex=r"\mathcal M(\mathbf m):\mathbb R_{\ge0}^n\to[0,1]^n",
        statement=Compare(lambda o, mv, i, p, a, k: _pd_value(o, mv, i, p, a, k) * (1 - _pd_value(o, mv, i, p, a, k)),
                          ">=", 0),
        variables=(appC.nS, appC.mv, appC.iv, appC.p, a, k), symbolic=None,
        notes="M(1 - M) >= 0, i.e. [M(m)]_i in [0, 1], for proportionate data (12) (value family "
              "v = a(1 - sqrt(k/(m + k)))); value shaping (11) and (15) are bounded by v(sum m) <= 1 by "
              "feasibility (kgj.def-a-feasible-11.*, kgj.thm7-feasible).",
    ),
    Claim(
        id="kgj.thm2-hypothesis-pd", label="§3.1 lines 147–148", section="3.1", kind="structural",
        latex=r"\text{the conditions of Theorem II (}\nu_i\text{ concave in }m_i\text{) are satisfied for all the "
              r"mechanisms we consider}",
        statement=Compare(_second_difference, "<=", 0),
        variables=(tt, ss, M, a, k), symbolic=None,
        erratum=Erratum(
            corrected=Compare(_second_difference, ">", 0),
            corrected_latex=r"\text{PD (12), } p=1:\ m_i\mapsto\frac{m_i}{M}v(m_i+D) \text{ is strictly convex on }"
                            r"(0,M)\text{: Theorem II does not apply (equilibria exist by Theorem VI's construction)}",
            explanation="Midpoint test of concavity in m_i, (f(x - h) + f(x + h) - 2 f(x))/h^2 <= 0, for PD (12) at p = 1 with "
                        "two agents (the other at M = max): it fails everywhere below M, f being strictly convex "
                        "(f'' = v'(x + M)(2 - 3x/(2(x + M + k)))/M > 0). Second method: numpy second differences of "
                        "baselines.proportional_data (tests/test_kgj_baselines.py). Mechanism (11) with m_i^* > 0, "
                        "eps > 0 also violates concavity at m_i^* (slope c_i, then c_i + eps)."),
        notes="Value family v = a(1 - sqrt(k/(m + k))); m_i = tM, h = s min(m_i, M - m_i).",
    ),
    Claim(
        id="kgj.eq11-definition", label="eq. (11)", section="4.1", kind="algorithm",
        latex=r"[\mathcal M(\mathbf m)]_i=v(m_i),\ v(m_i^*)+(c_i+\varepsilon)(m_i-m_i^*),\ v(\textstyle\sum_jm_j)"
              r"\text{ on }[0,m_i^*],[m_i^*,m_i^{\max}],[m_i^{\max},\infty)",
        statement=Defines(_vs_formula),
        variables=(x, c, a, k, delta, eps), symbolic=None, effort=ROOT,
        implementations=(Implementation(_vs_numpy, _vs_formula, max_bits=3.0, scale=lambda o, a, **_: a,
                                        name="equilibrium.value_shaping"),),
        notes="Value family v = a(1 - sqrt(k/(m + k))); the others contribute Delta in total. The formula uses the "
              "three pieces with m^max from a bracketed root; the numpy mechanism of the equilibrium solver uses "
              "min(line, v(x + Delta)) past m^* (no m^max): they agree (errors against a = sup v).",
    ),
    Claim(
        id="kgj.eq19-restates-11", label="(19)", section="G", kind="algorithm",
        latex=r"\text{(19) restates (11)}", statement=AllOf(("kgj.eq11-definition",)),
        notes="(19) is printed identically to (11).",
    ),
    Claim(
        id="kgj.sec41-marginal-gain", label="§4.1 lines 202–206", section="4.1", kind="inequality",
        latex=r"\text{after } m_i^* \text{ the marginal gain in value is smaller than } c_i",
        statement=Compare(lambda o, y, c, a, k: SAT.db(o, model.m_star(o, SAT, c, a, k) + y, a, k), "<", lambda o, c: c),
        variables=(y, c, a, k), given=(individually_viable(SAT),), symbolic=None,
        notes="Family v = a(1 - sqrt(k/(m + k))): b'(m* + y) < c for y > 0, while (11) grows with slope c + eps > c "
              "on [m*, m^max] (by construction) and stays feasible (kgj.def-a-feasible-11.*).",
    ),
    Claim(
        id="kgj.appb-threshold-order", label="App. B lines 484–488", section="B", kind="monotonicity",
        latex=r"c_i\le c_j\implies m_i^*\ge m_j^*",
        statement=AllOf(tuple(f"kgj.thm1-monotone-m.{F.name}" for F in FAMILIES)),
        notes="The lower-cost agent's threshold m_i^* under (11) is larger (Theorem I); her slope c_i + eps is "
              "smaller by definition of (11).",
    ),
    Claim(
        id="kgj.appb-ic", label="App. B lines 498–503", section="B", kind="monotonicity",
        latex=r"\text{under (11), users with smaller costs continue to receive a higher utility}",
        statement=AllOf(tuple(f"kgj.thm5-utility-unchanged.{F.name}" for F in FAMILIES)
                        + tuple(f"kgj.thm1-monotone-u.{F.name}" for F in FAMILIES)),
        notes="Utility under (11) equals u(m*) (Theorem V), which is non-increasing in the cost (Theorem I).",
    ),
    Claim(
        id="kgj.c21-above-mstar-equilibrium", label="§C.2.1 lines 553–557", section="C.2.1", kind="structural",
        latex=r"\text{all agents at } s\,m^*/n,\ s\in[1,1.05] \text{ is an equilibrium of PD (12), } p\ge1/2",
        statement=Compare(_pd_dev, "<=", _pd_at),
        variables=(t3, s_up, nS, pH, c, a, k), given=(appC.VIABLE,), symbolic=None,
        notes="The witness for the erratum kgj.c21-max-utility. Agent 0 "
              "deviating to t s m*/n (t in [0, 3]) while the others keep s m*/n does not gain under PD. "
              "v = a(1 - sqrt(k/(m + k))).",
    ),
    Claim(
        id="kgj.c21-max-utility", label="§C.2.1 lines 553–557", section="C.2.1", kind="structural",
        latex=r"\text{every agent contributing } m^*/n \text{ is an equilibrium; it corresponds to the maximum utility}",
        statement=Compare(_U, "<=", lambda o, n, c, a, k: _U(o, 1, n, c, a, k)),
        variables=(s_up, nS, c, a, k), given=(appC.VIABLE,), symbolic=None,
        erratum=Erratum(
            corrected=Compare(_U, ">=", lambda o, n, c, a, k: _U(o, 1, n, c, a, k)),
            corrected_latex=r"v(s\,m^*)-c\,s\,m^*/n\ \ge\ v(m^*)-c\,m^*/n \text{ for } s\in[1,1.05]\text{, and these "
                            r"profiles are equilibria of PD as well (not maximum-utility at } m^*/n)",
            explanation="The symmetric utility v(nm) - cm increases past m*/n (slope (n-1)c > 0 there), and the "
                        "profiles s m*/n, s in [1, 1.05], are equilibria of PD for p >= 1/2 "
                        "(kgj.c21-above-mstar-equilibrium; numpy regret certificate at 1.2 m*/n in "
                        "tests/test_kgj_baselines.py): m*/n is not the maximum-utility equilibrium.",
            region=(Var("s", Real(1.01, 1.05), "s slightly above 1"),)),
        notes="'Only m* data points are collected' at m*/n: n (m*/n) = m* (trivial). 'Our optimal scheme has a "
              "unique equilibrium of maximum data' in the low-cost setting: kgj.thm4-equilibrium.*, "
              "kgj.defc-data-max-vs-standard.",
    ),
    Claim(
        id="kgj.thm1-proof-m0", label="proof of Theorem I, line 684", section="E", kind="definition",
        latex=r"m^0:=\arg\max\{m: v(m)=0\}\ (=k/a^2 \text{ for } b=a-\sqrt{k/m})",
        statement=Defines(lambda o, a, k: ERM.m_v(o, a, k)),
        variables=(a, k),
        implementations=(Implementation(lambda a, k: values.erm(a, k).m_v, lambda o, a, k: ERM.m_v(o, a, k),
                                        max_bits=2.0, name="values.erm.m_v"),),
        notes="ERM bound: b(m^0) = 0 at m^0 = k/a^2 (v = 0 before, b > 0 after); b' is maximal at m^0 over "
              "[m^0, inf) by concavity (kgj.eq1-concave.*).",
    ),
    Claim(
        id="kgj.eq18-best-response", label="(18)", section="F", kind="definition",
        latex=r"[B(\mathbf m)]_i:=\arg\max_{\tilde m_i\ge0}[\mathcal M(\tilde m_i,\mathbf m_{-i})]_i-c_i\tilde m_i;"
              r"\ \tilde{\mathbf m}\in B(\tilde{\mathbf m})\text{ is an equilibrium}",
        statement=AllOf(tuple(f"kgj.thm4-equilibrium.{F.name}" for F in FAMILIES)
                        + tuple(f"kgj.free-data-response.{F.name}" for F in FAMILIES)),
        notes="Best responses under (8) (free data: m* - Delta) and fixed points of B for (11) (m^max for "
              "everyone: no deviation gains). numpy best responses: derivations/kgj/equilibrium.py.",
    ),
    Claim(
        id="kgj.lemma6-fixed-point", label="Lemma 6", section="F", kind="existence",
        latex=r"F:\mathcal C\to2^{\mathcal C} \text{ convex, closed, continuous } \implies\exists\,\mathbf m\in F(\mathbf m)",
        statement=Equal(lambda o, c, a, k, n: _sym_fixed(o, c, a, k, n)[1], lambda o, c, a, k, n: _sym_fixed(o, c, a, k, n)[0]),
        variables=(c, a, k, nB), symbolic=None, effort=CHEAP_ROOT,
        notes="Kakutani's theorem is quoted, not proved, by the paper; checked on the instance it is used for: the "
              "best-response map of (11) for n identical agents (single-valued, continuous, on [0, 1/c]) has the "
              "fixed point M* = m_max_symmetric: agent i's m^max against (n - 1) M* is M* again. v = a(1 - sqrt(k/(m+k))).",
    ),
    Claim(
        id="kgj.lemma7-two-candidates", label="Lemma 7", section="F", kind="structural",
        latex=r"u_i=\max(-c_im_i,\nu_i-c_im_i)\text{: at most two local maxima, 0 or }\arg\max(\nu_i-c_im_i)",
        statement=Equal(lambda o, c, a, k, delta: sec3_4._best_with_free_data(o, ERM, c, a, k, 0 * a, delta),
                        _two_candidates),
        variables=(c, a, k, delta), symbolic=None, effort=ROOT,
        notes="Standard FL (8) with the ERM value (v = max(0, b) not quasi-concave): the best utility against the "
              "others' Delta (golden-section search over the concave branch, and 0) equals the better of the two "
              "candidates, x = 0 and the maximizer max(0, alpha - Delta) of the concave f = b(x + Delta) - c x; "
              "the best response jumps between them (the discontinuity of Lemma 7).",
    ),
    Claim(
        id="kgj.thm2-proof-recursion", label="proof of Theorem II, lines 748–760", section="F", kind="existence",
        latex=r"\text{recursion over } \mathcal I(\mathbf m) \text{ stops at } \tilde{\mathbf m}\in B(\tilde{\mathbf m})",
        statement=AllOf(("kgj.thm2-existence", "kgj.lemma6-fixed-point", "kgj.lemma7-two-candidates")),
        notes="Concrete equilibria of the paper's mechanisms (Theorem II's instances), the fixed point used with "
              "Lemma 6, and Lemma 7's two candidates. The numpy solver (equilibrium.solve from m = 0) reproduces the "
              "recursion's outcome on instances (tests/test_kgj_equilibrium.py).",
    ),
    Claim(
        id="kgj.thm3-proof-positive", label="proof of Theorem III, lines 766–772", section="F", kind="equilibrium",
        latex=r"m_{\tilde i}^*>0:\ \text{others contribute nothing, } \tilde i \text{ contributes } m_{\tilde i}^*",
        statement=AllOf(tuple(f"kgj.thm3-eq9-free-ride.{F.name}" for F in FAMILIES)
                        + tuple(f"kgj.thm1-monotone-m.{F.name}" for F in FAMILIES)),
        notes="The printed 'm_j^* < m_i~^* for all agents j in [n]' needs j != i~ and holds with <= (Theorem I) for "
              "every family (strictly for strictly concave b).",
    ),
    Claim(
        id="kgj.thm3-proof-zero", label="proof of Theorem III, lines 773–780", section="F", kind="equilibrium",
        latex=r"m_{\tilde i}^*=0 \implies \text{all agents contributing 0 is the only Nash equilibrium}",
        statement=AllOf(("kgj.remark1-collapse.erm", "kgj.remark1-collapse.sqrt")),
        notes="Checked: the all-zero profile is an equilibrium. Uniqueness needs the unique least-cost agent (with "
              "identical costs it fails: kgj.remark1-identical-costs) and strictly concave b (for the piecewise-"
              "linear b of eq. (1) several agents can share the kink m0 + k when a/(m0 + k) <= c_i < a/k).",
    ),
    Claim(
        id="kgj.thm4-proof-dominance", label="proof of Theorem IV, lines 795–810", section="G", kind="equilibrium",
        latex=r"\text{an equilibrium of (11) in } \mathcal C_{\ge\tilde{\mathbf m}} \text{ is a fixed point of } "
              r"B_{\mathcal M} \text{ with every coordinate }\ge\tilde m_i",
        statement=AllOf(("kgj.lemma8-proof-bound.erm", "kgj.lemma8-proof-bound.sqrt", "kgj.lemma8-monotone.erm",
                         "kgj.lemma8-monotone.sqrt", "kgj.defc-data-max-vs-standard")),
        notes="Both parts of Lemma 8 (no feasible IR mechanism gets more than m^max from a best response; m^max "
              "non-decreasing in the others' data) and the resulting comparison with standard FL's equilibrium.",
    ),
) + tuple(
    Claim(
        id=f"kgj.lemma8-proof-bound.{F.name}", label="proof of Lemma 8, lines 821–829", section="G", kind="inequality",
        latex=r"\tilde m_i>m_i^{\max}\implies[\tilde{\mathcal M}(\tilde m_i,\mathbf m_{-i})]_i>v(\textstyle\sum_jm_j)"
              r"\text{ (infeasible)}",
        statement=Compare(_past_mmax(F), "<", _alone(F)),
        variables=(y, delta, c, a, k), symbolic=None, effort=ROOT,
        notes=f"Family {F.meaning}. A feasible IR mechanism gives at most v(x + Delta) at x and the agent can "
              "always get u(m*) (IR at m*): for x = m^max + y, v(x + Delta) - c x < u(m*), so x is never a best "
              "response (m^max, the largest root, bounds the data any feasible IR mechanism extracts).",
    ) for F in (ERM, SAT)
)
