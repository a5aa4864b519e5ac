"""kgj App. C: the GPT-3 example (§C.1) and the fairness baselines (§C.2): proportionate data (12),
value (13) and Shapley (14), the symmetric Shapley simplification, the p = 0 reduction, Theorem VI
and its proof (line 560, lines 561-564).

Value family for §C.2: the saturating v(m) = a (1 - sqrt(k/(m + k))) (model.SAT): v(0) = 0,
strictly increasing and strictly concave on [0, inf), so every strict inequality is visible.

ERRATA (each settled by two independent methods; see the claims' explanations and
tests/test_kgj_baselines.py):
  * §C.2 lines 539-540: the symmetric Shapley value sums over k = 0..n-1 (coalition sizes), not
    k in [n] = 1..n.  (1) engine: brute force over all 2^(n-1) coalitions with the Shapley weights;
    (2) test: average marginal contribution over all n! orderings (numpy).
  * §C.1 lines 518-524: with the printed exponent 0.95 value shaping already collects data from
    n >= 224 companies (n_min = c K (1+alpha)^(1+1/alpha) / (10^9 alpha)), contradicting "at least 1000";
    Kaplan et al.'s exponent alpha_D = 0.095 (with the same D_c = 5.4e13) gives n_min ~ 1618.
    (1) engine: the supremum of v(m) - c m/n at its closed-form stationary point; (2) test: a numpy
    log-grid search of the root of (c/n) m = v(m) (Remark 3) for n = 223/224 and 1617/1618.
  * proof of Theorem VI, line 560: the equilibrium condition for all agents at m is
    -p psi'/psi v(nm) <= v'(nm) - c <= 0 (both inequalities reversed in print; as printed it can
    never hold, its left side being negative as line 562 notes).  (1) engine at m = m*/n;
    (2) test: one-sided derivatives of the deviation utility and equilibrium.regret certificates.
  * proof of Theorem VI, lines 561-564: m*/n does not maximize the symmetric utility v(nm) - c m;
    its maximizer is m**/n with v'(m**) = c/n.  Profiles slightly above m*/n are still equilibria
    (test: regret certificate), with higher utility, so Theorem VI's "maximum utility" fails too.
"""
from fractions import Fraction
from itertools import combinations
from math import factorial

import sympy

from derivations.claims import Claim, Effort, Erratum, Given, Implementation, Var
from derivations.domains import Index, Int, Real, Vector
from derivations.statements import Compare, Defines, Equal

from . import baselines, model
from .model import SAT
from .variables import a, c, k

# ----------------------------------------------------------------------------- variables
nS = Var("n", Int(2, 6), "number of agents")
x = Var("x", Real(0, None, lo_open=True, sample=(1e-2, 100.0), log=True), "agent i's contribution m_i")
mo = Var("mo", Real(0, None, lo_open=True, sample=(1e-2, 100.0), log=True), "each other agent's contribution m")
mv = Var("mv", Vector("n", Real(1e-2, 100.0, log=True)), "contributions m_1..m_n")
iv = Var("i", Index("n"), "agent i")
p = Var("p", Real(0, 1), "the baselines' exponent p in [0, 1]")
pp = Var("p", Real(0, 1, lo_open=True), "the baselines' exponent p in (0, 1]")
t = Var("t", Real(0, 3), "deviation x = t m*/n")
s = Var("s", Real(0, 3, lo_open=True), "symmetric contribution m = s m*/n")
nG = Var("n", Int(2, 999), "number of companies (fewer than 1000)")


def v(o, m, a, k):
    return model.v(o, SAT, m, a, k)


def dv(o, m, a, k):
    return SAT.db(o, m, a, k)


def mstar(o, c, a, k):
    return model.m_star(o, SAT, c, a, k)


VIABLE = Given("m* > 0 (max u > 0: the low-cost setting of §C.2.1)",
               lambda o, c, a, k, **_: model.u_alpha(o, SAT, c, a, k) > 0)


# ----------------------------------------------------------------------------- Shapley
def shapley_all(o, ms, a, k):
    """Every agent's Shapley value of the game S -> v(sum_{j in S} m_j), by brute force over all
    coalitions S of the others with weights |S|! (n - |S| - 1)!/n!."""
    n = len(ms)
    out = []
    for i in range(n):
        others = [j for j in range(n) if j != i]
        tot = 0 * a
        for r in range(n):
            w = o.num(Fraction(factorial(r) * factorial(n - r - 1), factorial(n)))
            for S in combinations(others, r):
                sm = sum((ms[j] for j in S), 0 * a)
                tot = tot + w * (v(o, sm + ms[i], a, k) - v(o, sm, a, k))
        out.append(tot)
    return out


def shapley_sym_brute(o, n, x, mo, a, k):
    return shapley_all(o, [x] + [mo] * (n - 1), a, k)[0]


def shapley_sym_printed(o, n, x, mo, a, k):
    """(1/n) sum_{k in [n]} v(k m + m_i) - v(k m), [n] = {1, ..., n} (the paper's [n], line 126)."""
    return sum((v(o, j * mo + x, a, k) - v(o, j * mo, a, k) for j in range(1, n + 1)), 0 * a) / n


def shapley_sym_corrected(o, n, x, mo, a, k):
    return sum((v(o, j * mo + x, a, k) - v(o, j * mo, a, k) for j in range(0, n)), 0 * a) / n


# ----------------------------------------------------------------------------- mechanisms (12)-(14)
def _maxl(o, xs):
    out = xs[0]
    for y in xs[1:]:
        out = model.vmax(o, out, y)
    return out


def _prop(o, psi, i, p, total, a, k):
    return (psi[i] / _maxl(o, psi)) ** p * v(o, total, a, k)


def PD(o, mv, i, p, a, k):
    return _prop(o, list(mv), i, p, sum(mv, 0 * a), a, k)


def PV(o, mv, i, p, a, k):
    return _prop(o, [v(o, y, a, k) for y in mv], i, p, sum(mv, 0 * a), a, k)


def PS(o, mv, i, p, a, k):
    return _prop(o, shapley_all(o, list(mv), a, k), i, p, sum(mv, 0 * a), a, k)


MECHS = (("pd", "eq. (12)", "Proportionate data (PD)", PD, baselines.proportional_data,
          r"[\mathcal M(\mathbf m)]_i=\Big(\frac{m_i}{\max_j m_j}\Big)^p v(\textstyle\sum_j m_j)"),
         ("pv", "eq. (13)", "Proportionate value (PV)", PV, baselines.proportional_value,
          r"[\mathcal M(\mathbf m)]_i=\Big(\frac{v(m_i)}{\max_j v(m_j)}\Big)^p v(\textstyle\sum_j m_j)"),
         ("ps", "eq. (14)", "Proportionate Shapley (PS)", PS, baselines.proportional_shapley,
          r"[\mathcal M(\mathbf m)]_i=\Big(\frac{\phi_i(\mathbf m)}{\max_j \phi_j(\mathbf m)}\Big)^p v(\textstyle\sum_j m_j)"))


def _np(fn):
    return lambda mv, n, i, p, a, k: fn(mv, p, a, k)[int(i)]


def _dev_u(fn):
    def f(o, t, n, p, c, a, k):
        M = mstar(o, c, a, k) / n
        return fn(o, [t * M] + [M] * (n - 1), 0, p, a, k) - c * t * M
    return f


def _at_u(fn):
    def f(o, n, p, c, a, k):
        M = mstar(o, c, a, k) / n
        return fn(o, [M] * n, 0, p, a, k) - c * M
    return f


# ----------------------------------------------------------------------------- GPT-3 (§C.1)
GPT_K = sympy.Rational(54, 1) * 10**12  # 5.4 x 10^13
GPT_C = sympy.Rational(1, 1000)
GPT_V = 10**9


def gpt_sup(alpha):
    """sup_{m > 0} v(m) - (c/n) m for v(m) = 10^9 (1 - (K/m)^alpha) (concave): at the stationary point
    m = (alpha K^alpha 10^9 n / c)^(1/(1+alpha)).  Data is collected under value shaping with m* = 0
    (Remark 3: (c/n) m = v(m)) iff this is > 0."""
    def f(o, n):
        al = o.num(alpha)
        K, cc, V = o.num(int(GPT_K)), o.num(Fraction(1, 1000)), o.num(GPT_V)
        ms = (al * K ** al * V * n / cc) ** (1 / (1 + al))
        return V * (1 - (K / ms) ** al) - cc * ms / n
    return f


mG = Var("m", Real(1e12, 1e20, log=True), "number of training tokens m")

CLAIMS = (
    Claim(
        id="kgj.gpt3-value", label="§C.1 lines 510–517", section="C.1", kind="definition",
        latex=r"v(m)=10^9\Big(1-\Big(\frac{5.4\times10^{13}}{m}\Big)^{0.95}\Big)",
        statement=Defines(lambda o, m: GPT_V * (1 - (o.num(int(GPT_K)) / m) ** o.num(Fraction(95, 100)))),
        variables=(mG,), symbolic=None,
        implementations=(Implementation(lambda m: baselines.gpt3_value(m),
                                        lambda o, m: GPT_V * (1 - (o.num(int(GPT_K)) / m) ** o.num(Fraction(95, 100))),
                                        scale=lambda o, m: GPT_V * (1 + (o.num(int(GPT_K)) / m) ** o.num(Fraction(95, 100))),
                                        max_bits=2.0, name="baselines.gpt3_value"),),
        notes="As printed (the fit to digitized data is not reproducible here). v < 0 below m = 5.4e13: the "
              "paper's v = max(0, b) convention of eq. (1) applies. The exponent is discussed in "
              "kgj.gpt3-at-least-1000.",
    ),
    Claim(
        id="kgj.gpt3-at-least-1000", label="§C.1 lines 518–524", section="C.1", kind="numeric-result",
        latex=r"v(m)=10^9\big(1-(5.4\times10^{13}/m)^{0.95}\big),\ c_i=10^{-3}:\ \text{we need at least 1000 "
              r"companies collaborating to make it feasible}",
        statement=Compare(gpt_sup(Fraction(95, 100)), "<=", 0),
        variables=(nG,), symbolic=None,
        erratum=Erratum(
            corrected=Compare(gpt_sup(Fraction(95, 1000)), "<=", 0),
            corrected_latex=r"v(m)=10^9\big(1-(5.4\times10^{13}/m)^{0.095}\big):\ \sup_m v(m)-\tfrac{c}{n}m\le0"
                            r"\ \text{for } n<1000\ (n_{\min}=cK(1+\alpha)^{1+1/\alpha}/(10^9\alpha)\approx1618)",
            explanation="With the printed exponent 0.95, (c/n) m = v(m) (Remark 3, m* = 0) has a positive root "
                        "for every n >= 224 (n_min = c K (1 + alpha)^(1 + 1/alpha)/(10^9 alpha) = 223.8), so far "
                        "fewer than 1000 companies suffice. Kaplan et al. [26]'s data-scaling law is "
                        "L(D) = (D_c/D)^alpha_D with D_c = 5.4e13 and alpha_D = 0.095: with 0.095, n_min = 1617.8 "
                        "and no data is collected for any n < 1000, as claimed. Independent check: "
                        "tests/test_kgj_baselines.py locates the root of (c/n) m = v(m) on a log grid (numpy).",
            region=(Var("n", Int(300, 999), "n between 300 and 999"),)),
        notes="The printed 0.95 is most likely Kaplan's 0.095 with a dropped zero. c_i = (10^9/2)/(5e11) = 10^-3 "
              "is consistent. 'OpenAI at a loss' holds for both exponents (v(5e11) = 0 < 5e8).",
    ),
    Claim(
        id="kgj.shapley-symmetric", label="§C.2 lines 539–540", section="C.2", kind="identity",
        latex=r"\phi_i(m_i)=\frac1n\sum_{k\in[n]}v(km+m_i)-v(km)",
        statement=Equal(shapley_sym_brute, shapley_sym_printed),
        variables=(nS, x, mo, a, k), symbolic=None,
        erratum=Erratum(
            corrected=Equal(shapley_sym_brute, shapley_sym_corrected),
            corrected_latex=r"\phi_i(m_i)=\frac1n\sum_{k=0}^{n-1}v(km+m_i)-v(km)",
            explanation="The coalition S of the others has |S| = k in {0, ..., n-1}; the C(n-1, k) coalitions of "
                        "size k carry total weight C(n-1, k) k!(n-k-1)!/n! = 1/n. The printed k in [n] = {1..n} "
                        "drops k = 0 (v(m_i) - v(0)) and adds k = n; for strictly concave v the printed value is "
                        "too small. Independent check: the permutation definition (average marginal "
                        "contribution over all n! orderings, tests/test_kgj_baselines.py)."),
        notes="Brute force over all 2^(n-1) coalitions of the other agents, each contributing m. Value family "
              "v = a(1 - sqrt(k/(m + k))).",
    ),
) + tuple(
    Claim(
        id=f"kgj.{tag}-definition", label=lab, section="C.2", kind="algorithm", latex=tex,
        statement=Defines(lambda o, mv, i, p, a, k, fn=fn: fn(o, mv, i, p, a, k)),
        variables=(nS, mv, iv, p, a, k), symbolic=None,
        implementations=(Implementation(_np(npf), lambda o, mv, i, p, a, k, fn=fn: fn(o, mv, i, p, a, k),
                                        max_bits=3.0 if tag == "ps" else 2.0, name=f"baselines.{npf.__name__}"),),
        notes=f"{name}; v = a(1 - sqrt(k/(m + k))). numpy cross-checked against the formula"
              + (" (Shapley values by brute force over coalitions in both)." if tag == "ps" else "."),
    ) for tag, lab, name, fn, npf, tex in MECHS
) + tuple(
    Claim(
        id=f"kgj.p0-standard.{tag}", label="§C.2 line 541", section="C.2", kind="identity",
        latex=r"p=0 \text{ returns to the standard federated learning scheme}",
        statement=Equal(lambda o, mv, i, a, k, fn=fn: fn(o, mv, i, o.num(0), a, k),
                        lambda o, mv, a, k: v(o, sum(mv, 0 * a), a, k)),
        variables=(nS, mv, iv, a, k), symbolic=None,
        notes=f"{name} at p = 0 returns v(sum_j m_j) (eq. (8)) to every agent.",
    ) for tag, lab, name, fn, npf, tex in MECHS
) + tuple(
    Claim(
        id=f"kgj.thm6-mstar-over-n.{tag}", label="Theorem VI", section="C.2.1", kind="equilibrium",
        latex=r"\text{all agents contributing } m^*/n\in\mathcal S \text{ is an equilibrium of (12)-(14)}",
        statement=Compare(_dev_u(fn), "<=", _at_u(fn)),
        variables=(t, nS, p, c, a, k), given=(VIABLE,), symbolic=None,
        effort=Effort(examples=0.3, ladder=(20, 40, 80)) if tag == "ps" else None,
        notes=f"{name}: agent 0 deviating to t m*/n (t in [0, 3]) while the n - 1 others keep m*/n does not "
              "gain: the deviation utility is at most the utility at m*/n. v = a(1 - sqrt(k/(m + k))).",
    ) for tag, lab, name, fn, npf, tex in MECHS
) + (
    Claim(
        id="kgj.thm6-proof-condition", label="proof of Theorem VI, line 560", section="C.2.1", kind="inequality",
        latex=r"-p\frac{\psi_i'(m)}{\psi_i(m)}v(nm)\ge v'(nm)-c\ge0 \text{ (holds at } m=m^*/n)",
        statement=Compare(lambda o, n, p, c, a, k: -p * n / mstar(o, c, a, k) * v(o, mstar(o, c, a, k), a, k), ">=",
                          lambda o, n, p, c, a, k: dv(o, mstar(o, c, a, k), a, k) - c),
        variables=(nS, pp, c, a, k), given=(VIABLE,), symbolic=None,
        erratum=Erratum(
            corrected=Compare(lambda o, n, p, c, a, k: -p * n / mstar(o, c, a, k) * v(o, mstar(o, c, a, k), a, k), "<=",
                              lambda o, n, p, c, a, k: dv(o, mstar(o, c, a, k), a, k) - c),
            corrected_latex=r"-p\frac{\psi_i'(m)}{\psi_i(m)}v(nm)\le v'(nm)-c\le0",
            explanation="Agent i's deviation utility (psi(x)/psi(m))^p v((n-1)m + x) - c x has left derivative "
                        "p psi'/psi v(nm) + v'(nm) - c (must be >= 0) and right derivative v'(nm) - c (ratio capped "
                        "at 1; must be <= 0) at x = m. Both printed inequalities are reversed: as printed the chain "
                        "needs a negative number (line 562) to be >= 0, so it never holds for p > 0. Independent "
                        "check: tests/test_kgj_baselines.py (finite differences of the deviation utility; regret "
                        "certificates of derivations/kgj/equilibrium.py below and above m*/n)."),
        notes="PD (psi(m) = m, psi'/psi = 1/m) at m = m*/n, where v'(nm) - c = 0: the printed left inequality "
              "fails (strictly, p > 0), the corrected one holds.",
    ),
    Claim(
        id="kgj.thm6-proof-max-utility", label="proof of Theorem VI, lines 561–564", section="C.2.1", kind="structural",
        latex=r"\text{contributing } m=m^*/n \text{ is utility maximizing for all the agents}",
        statement=Compare(lambda o, s, n, c, a, k: v(o, s * mstar(o, c, a, k), a, k) - c * s * mstar(o, c, a, k) / n, "<=",
                          lambda o, n, c, a, k: v(o, mstar(o, c, a, k), a, k) - c * mstar(o, c, a, k) / n),
        variables=(s, nS, c, a, k), given=(VIABLE,), symbolic=None,
        erratum=Erratum(
            corrected=Compare(lambda o, s, n, c, a, k: v(o, s * mstar(o, c, a, k), a, k) - c * s * mstar(o, c, a, k) / n, "<=",
                              lambda o, n, c, a, k: v(o, mstar(o, c / n, a, k), a, k) - c * mstar(o, c / n, a, k) / n),
            corrected_latex=r"v(nm)-cm\le v(m^{**})-c\,m^{**}/n,\quad v'(m^{**})=c/n",
            explanation="The common utility v(nm) - c m at a symmetric profile is concave in m and stationary where "
                        "v'(nm) = c/n, i.e. at m**/n > m*/n, not at m*/n (where its slope is n v'(m*) - c = "
                        "(n - 1) c > 0). Profiles slightly above m*/n are still equilibria for p > 0 (the left-"
                        "derivative slack p psi'/psi v > 0), so Theorem VI's 'm*/n is the maximum-utility "
                        "equilibrium' fails as well. Independent check: tests/test_kgj_baselines.py (a grid "
                        "maximization of v(nm) - cm; an equilibrium.regret certificate at 1.2 m*/n under PD).",
            region=(Var("s", Real(1.01, 1.5), "s slightly above 1"),)),
        notes="m = s m*/n with s in (0, 3].",
    ),
)
