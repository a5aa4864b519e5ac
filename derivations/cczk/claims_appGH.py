"""cczk App. G (Lemmas 9-13 and proofs, (33)/(34), (40)/(41), proofs of Lemmas 20-21) and App. H
(H.1: the Bayes/posterior steps of the proof of Lemma 3, (47)-(63); H.2: proof of Lemma 4, (64)).

Errata found here (each confirmed by a second, independent method, see the notes and
tests/test_cczk_appGH.py): proofs of Lemmas 20/21 (a dropped 1/n* in the third line); §H.1 the
recommended estimator h (means where sums are needed: not an average); posteriors for k in A and B
(prior weight and data weight swapped; sigma^2_B with |X| for |X u Y_{-i}|); posterior for k in C
(a spurious 1/2 in the linear term and mu_C without sigma^2_C and the sigma^2 weights); the first
line of the Step 2 C-term (missing normalisation); the Step 2 C-term and (62)/(63) (e^2 dropped);
R_ell (sigma^2 for sigma~^2_{ell,k}); (64) (x^2 outside the corruption variance); §H.2's first-order
display (4 alpha^2/sqrt T for 4 alpha/sqrt T).
"""
import sympy

from derivations.claims import Claim, Effort, Erratum, Given, Implementation, Var
from derivations.domains import Int, Real, Vector
from derivations.statements import AllOf, Asymptotic, Compare, Defines, Equal

from . import appGH_model as gm
from . import lemmas_model as lm
from . import model
from .appG_proofs import eq_chain
from .variables import D_POSITIVE, alpha, c_pos, nstar, sigma_pos, T

QUAD = Effort(examples=0.15, ladder=(15, 25))
CHEAP = Effort(examples=0.25)
SYM = Effort(examples=0.15, ladder=(15, 30))  # sympy proves these; a few numeric instances suffice
R = sympy.Rational

# ----------------------------------------------------------------------------- variables
sg = Var("sigma", Real(0.1, 10.0, log=True), "noise standard deviation")
cc = Var("c", Real(1e-2, 100.0, log=True), "collection cost c_{i,k}")
TT = Var("T", Real(1e-2, 1e4, log=True), "T_k = sum_j n'_{j,k}")
npr = Var("nprime", Real(1e-4, 100.0, log=True), "n'_{i,k} (after the first while loop)")
npr0 = Var("nprime", Real(0.0, 100.0), "n'_{i,k} >= 0")
s_par = Var("s", Real(0.0, 50.0), "T_k = 2 n^IND/(1 + s): every T_k <= 2 n^IND (contrapositive)")
m = Var("m", Int(1, 4), "number of agents")
cvec = Var("c", Vector("m", Real(1e-2, 100.0, log=True)), "costs c_{i,k}, i in [m] (one distribution k)")
qvec = Var("q", Vector("m", Real(1e-2, 2.2, log=True)), "n^B_{i,k}/n^IND_{i,k}, i in [m]")
q_i = Var("q", Real(1e-2, 4.0, log=True), "n^B_{i,k}/n^IND_{i,k}")
S_o = Var("S", Real(0.0, 1000.0), "sum_{j != i} n^B_{j,k}")

sp = Var("sigma", Real(0.2, 5.0, log=True), "noise standard deviation")
ell = Var("ell", Real(1.0, 20.0, log=True), "prior scale ell (Lambda_ell = N(0, ell^2))")
eps = Var("eps", Real(0.0, 1.0, lo_open=True), "1/ell^2 (ell >= 1)")
DATA = Real(-5.0, 5.0)
X3 = Var("X", Vector(3, DATA), "X_{i,k} (3 points)")
X2 = Var("X", Vector(2, DATA), "X_{i,k} (2 points)")
Y2 = Var("Y", Vector(2, DATA), "Y_{i,k} (2 points)")
Yo3 = Var("Yo", Vector(3, DATA), "Y_{-i,k} (3 points)")
Z2 = Var("Z", Vector(2, DATA), "Z_{i,k} (2 points)")
Zp2 = Var("Zp", Vector(2, DATA), "Z'_{i,k} (2 points)")
mu = Var("mu", DATA, "mu_k (as it appears in the printed posterior mean)")
et = Var("eta2", Real(1e-2, 10.0, log=True), "eta^2_{i,k} (added noise variance)")
al = Var("alpha", Real(0.1, 10.0, log=True), "corruption coefficient alpha_{i,k}")
CNT = Real(1.0, 50.0, log=True)
nX, nZ, nZp = Var("nX", CNT, "|X_{i,k}|"), Var("nZ", CNT, "|Z_{i,k}|"), Var("nZp", CNT, "|Z'_{i,k}|")
nA = Var("nA", CNT, "|X_{i,k}|, k in A")
nB = Var("nB", CNT, "|X_{i,k} u Y_{-i,k}|, k in B")
nn = Var("n", Real(0.0, 100.0, lo_open=True), "n_{i,k} (agent i's own amount)")


def _nind(o, sigma, c):
    return sigma / o.sqrt(c)


# ============================================================================= App. G: Lemmas 9-13

def _alone(o, sigma, c):
    n = _nind(o, sigma, c)
    return sigma**2 / n + c * n


LEMMA9_HYP = Given("sigma^2/n^IND + c n^IND > 4(sigma^2/T_k + c n'_{i,k}) (i stays outside V_k)",
                   lambda o, sigma, c, T, nprime, **_: _alone(o, sigma, c) > 4 * (sigma**2 / T + c * nprime))


def _T9(o, sigma, c, s):
    return 2 * _nind(o, sigma, c) / (1 + s)


def _lemma9_chain(o, sigma, c, s, nprime):
    n, T = _nind(o, sigma, c), _T9(o, sigma, c, s)
    lines = [4 * (sigma**2 / T + c * nprime), 4 * (sigma**2 / (2 * n) + c * nprime), 2 * sigma**2 / n, _alone(o, sigma, c)]
    return lines


def _alg(which):
    def f(o, sigma, c, q):
        nind = [_nind(o, sigma, ci) for ci in c]
        nB = [qi * ni for qi, ni in zip(q, nind)]
        first, final, V, _ = gm.algorithm1(o, sigma, c, nB)
        if which == "lemma10":  # n*_{i,k} for i outside V_k (0 for i in V_k: nothing is claimed there)
            return [o.num(0) if V[i] else final[i] for i in range(len(c))]
        if which == "lemma12":
            return [first[i] / nB[i] for i in range(len(c))]
        return [final[i] / nB[i] for i in range(len(c))]
    return f


COND8 = Given("(c, n^B) satisfies (8) (n^B_{i,k} = q_i n^IND_{i,k})",
              lambda o, sigma, c, q, **_: gm.condition8(o, sigma, c, [qi * sigma / o.sqrt(ci) for qi, ci in zip(q, c)]))
COND8_I = Given("(8) for agent i: 2 sigma sqrt(c) >= sigma^2/(n^B_{i,k} + S) + c n^B_{i,k}",
                lambda o, sigma, c, q, S, **_: 2 * sigma * o.sqrt(c) >= sigma**2 / (q * sigma / o.sqrt(c) + S) + c * q * sigma / o.sqrt(c))
ALG_VARS = (m, sg, cvec, qvec)


def _nb(o, sigma, c, q):
    return q * _nind(o, sigma, c)


CLAIMS_G = (
    Claim(
        id="cczk.lemma9", label="Lemma 9", section="G", kind="inequality",
        latex=r"\frac{\sigma^2}{n^{IND}_{i,k}}+c_{i,k}n^{IND}_{i,k}>4\Big(\frac{\sigma^2}{\sum_jn'_{j,k}}+c_{i,k}n'_{i,k}\Big)\Rightarrow T_k>2n^{IND}_{i,k}",
        statement=Compare(lambda o, T: T, ">", lambda o, sigma, c: 2 * _nind(o, sigma, c)),
        variables=(sg, cc, TT, npr), given=(LEMMA9_HYP,), symbolic=None, effort=CHEAP,
        notes="The hypothesis is the side condition (instances are drawn inside it); n^IND = sigma/sqrt(c).",
    ),
    Claim(
        id="cczk.lemma9-proof", label="proof of Lemma 9", section="G", kind="inequality",
        latex=r"T_k\le2n^{IND}:\ 4\Big(\frac{\sigma^2}{T_k}+cn'\Big)\ge4\Big(\frac{\sigma^2}{2n^{IND}}+cn'\Big)\ge\frac{2\sigma^2}{n^{IND}}"
              r"=\frac{\sigma^2}{n^{IND}}+cn^{IND}",
        statement=Compare(lambda o, sigma, c, s, nprime: _lemma9_chain(o, sigma, c, s, nprime)[:3], ">=",
                          lambda o, sigma, c, s, nprime: _lemma9_chain(o, sigma, c, s, nprime)[1:]),
        variables=(sg, cc, s_par, npr0), effort=SYM,
        notes="The contrapositive's chain for every T_k = 2n^IND/(1+s) <= 2n^IND; the last link is an equality "
              "(n^IND = sigma/sqrt(c)), checked as >= (its flip is refuted).",
    ),
    Claim(
        id="cczk.lemma10", label="Lemma 10", section="G", kind="inequality",
        latex=r"n^B\text{ satisfies (8)},\ i\notin V_k\Rightarrow\frac{n^{IND}_{i,k}}2>n^*_{i,k}",
        statement=Compare(_alg("lemma10"), "<", lambda o, sigma, c: [_nind(o, sigma, ci) / 2 for ci in c]),
        variables=ALG_VARS, given=(COND8,), symbolic=None, effort=CHEAP,
        notes="Algorithm 1 run (mpmath, as printed) on random n^B satisfying (8) (one distribution: the columns k "
              "of Algorithm 1 do not interact); entries with i in V_k are set to 0 (nothing is claimed there).",
    ),
    Claim(
        id="cczk.lemma10-proof", label="proof of Lemma 10", section="G", kind="inequality",
        latex=r"2n^{IND}c=\frac{\sigma^2}{n^{IND}}+cn^{IND}>4\Big(\frac{\sigma^2}{T}+cn'\Big)>4cn'\Rightarrow\frac{n^{IND}}2>n';\quad"
              r"\tilde n=\frac{(n^{IND})^2}{T_k}<\frac{n^{IND}}2",
        statement=Compare(
            lambda o, sigma, c, T, nprime: [_alone(o, sigma, c), 4 * (sigma**2 / T + c * nprime), _nind(o, sigma, c) / 2,
                                            _nind(o, sigma, c) / 2],
            ">",
            lambda o, sigma, c, T, nprime: [4 * (sigma**2 / T + c * nprime), 4 * c * nprime, nprime, _nind(o, sigma, c) ** 2 / T]),
        variables=(sg, cc, TT, npr), given=(LEMMA9_HYP,), symbolic=None, effort=CHEAP,
        notes="Both cases under the hypothesis i not in V_k; the second case uses T_k > 2n^IND (Lemma 9).",
    ),
    Claim(
        id="cczk.lemma11", label="Lemma 11", section="G", kind="inequality",
        latex=r"n^B\text{ satisfies (8)}\Rightarrow\frac{n^{IND}_{i,k}}{n^B_{i,k}}>\frac12",
        statement=Compare(lambda o, sigma, c, q: _nind(o, sigma, c) / _nb(o, sigma, c, q), ">", R(1, 2)),
        variables=(sg, cc, q_i, S_o), given=(COND8_I,), symbolic=None, effort=CHEAP,
        notes="(8) only constrains agent i through S = sum_{j != i} n^B_{j,k}; n^B_{i,k} = q n^IND drawn up to "
              "4 n^IND, so instances violating (8) are drawn and excluded (the bound is not built into the domain).",
    ),
    Claim(
        id="cczk.lemma11-proof-nbar", label="proof of Lemma 11", section="G", kind="identity",
        latex=r"\frac{\sigma^2}{\bar n+\sum_{j\ne i}n^B_{j,k}}+c\bar n=\frac{\sigma^2}{n^{IND}}+cn^{IND}=2\sigma\sqrt c",
        statement=Equal(lambda o, sigma, c, S: [sigma**2 / (gm.n_bar(o, sigma, c, S) + S) + c * gm.n_bar(o, sigma, c, S),
                                                _alone(o, sigma, c)],
                        lambda o, sigma, c: [_alone(o, sigma, c), 2 * sigma * o.sqrt(c)]),
        variables=(sg, cc, S_o), effort=SYM,
        notes="n-bar = the larger root of the IR equation (the largest individually rational amount).",
    ),
    Claim(
        id="cczk.lemma11-proof-strict", label="proof of Lemma 11", section="G", kind="inequality",
        latex=r"c\bar n<2\sigma\sqrt c,\ \bar n<\frac{2\sigma}{\sqrt c},\ \frac{n^{IND}}{\bar n}>\frac12",
        statement=Compare(lambda o, sigma, c, S: [2 * sigma * o.sqrt(c), 2 * sigma / o.sqrt(c), _nind(o, sigma, c) / gm.n_bar(o, sigma, c, S)],
                          ">", lambda o, sigma, c, S: [c * gm.n_bar(o, sigma, c, S), gm.n_bar(o, sigma, c, S), o.num(1) / 2]),
        variables=(sg, cc, Var("S", Real(0.0, 1000.0, hi_open=True), "sum_{j != i} n^B_{j,k}")), effort=CHEAP,
        symbolic=None,
    ),
    Claim(
        id="cczk.lemma11-proof-weak", label="proof of Lemma 11", section="G", kind="inequality",
        latex=r"\bar n\ge n^B_{i,k}\ \Rightarrow\ \frac{n^{IND}}{n^B}\ge\frac{n^{IND}}{\bar n}",
        statement=Compare(lambda o, sigma, c, q, S: [gm.n_bar(o, sigma, c, S), _nind(o, sigma, c) / _nb(o, sigma, c, q)], ">=",
                          lambda o, sigma, c, q, S: [_nb(o, sigma, c, q), _nind(o, sigma, c) / gm.n_bar(o, sigma, c, S)]),
        variables=(sg, cc, q_i, S_o), given=(COND8_I,), symbolic=None, effort=CHEAP,
        notes="Under (8) for agent i, n^B_{i,k} is individually rational, hence at most the largest IR amount n-bar.",
    ),
    Claim(
        id="cczk.lemma12", label="Lemma 12", section="G", kind="inequality",
        latex=r"n^B\text{ satisfies (8)}\Rightarrow\frac{n'_{i,k}}{n^B_{i,k}}>\frac12",
        statement=Compare(_alg("lemma12"), ">", R(1, 2)),
        variables=ALG_VARS, given=(COND8,), symbolic=None, effort=CHEAP,
        notes="n' = n-tilde after the first while loop of Algorithm 1 (mpmath, as printed), random n^B with (8).",
    ),
    Claim(
        id="cczk.lemma13", label="Lemma 13", section="G", kind="inequality",
        latex=r"n^B\text{ satisfies (8)}\Rightarrow\frac{n^*_{i,k}}{n^B_{i,k}}>\frac12",
        statement=Compare(_alg("lemma13"), ">", R(1, 2)),
        variables=ALG_VARS, given=(COND8,), symbolic=None, effort=CHEAP,
        notes="n* = the n-tilde returned by Algorithm 1 (mpmath, as printed), random n^B with (8).",
    ),
)

# ============================================================================= App. G: (33)/(34), (40)/(41), Lemmas 20/21
S_ = sympy.Symbol
_n, _T, _c, _s, _a = (S_(v, positive=True) for v in ("nstar", "T", "c", "sigma", "alpha"))
_B = 2 * _c * _n**2 + _s**2
_N2 = 16 * _c * _n**2 * _T * _a**2 + (_n * (_T - 2 * _n) - 4 * _T * _a**2) * _s**2
_q4 = -_n * _T + 4 * _n * _a**2 + 4 * _T * _a**2


def _split_3334(den):
    """Lemma 18/19 left side, the line before (33)/(40), and (33)+(34) / (40)+(41) as printed."""
    lhs = _T / (_n * den) * model.lemma_ratio_bracket(_n, _T, _c, _s, _a)
    before = (_T * _B / ((_n + _T) * den) + _T**2 / _n * _B / ((_n + _T) * den)
              + _T * (1 + _T / _n) * _N2 / ((_n + _T) * _q4 * den))
    l33 = _T * (2 * _c * _n**2 + 6 * _c * _n * _T + _s**2) / ((_n + _T) * den) + (-6 * _c * _n * _T**2 + _T**2 / _n * _B) / ((_n + _T) * den)
    l34 = _T * (1 + _T / _n) * _N2 / ((_n + _T) * _q4 * den)
    return lhs, before, l33 + l34


def _lemma20_lines(den, printed):
    r = sympy.sqrt(_n)
    P = 2 * _c * _n**2 + 6 * _c * _n * _T + _s**2
    num = 4 * _c * _n**2 * _T**3 - 2 * _n**2 * _T * _s**2 - _n * _T**2 * _s**2
    pre = 1 / (_n + _T) / ((4 * _n + 3 * _T) * den)
    third = num if printed else num / _n
    return [
        model.lemma_ratio_split(_n, _T, _c, _s, r, den),
        (4 * _n + 3 * _T) / (_n + _T) * _T * P / ((4 * _n + 3 * _T) * den) + num / ((_n + _T) * _n * (4 * _n + 3 * _T) * den),
        (4 * _n + 3 * _T) / (_n + _T) * _T * P / ((4 * _n + 3 * _T) * den) + third / (_n + _T) / ((4 * _n + 3 * _T) * den),
        pre * ((4 * _n + 3 * _T) * _T * P + 4 * _c * _n * _T**3 - 2 * _n * _T * _s**2 - _T**2 * _s**2),
        pre * (8 * _c * _n**3 * _T + 30 * _c * _n**2 * _T**2 + 2 * _n * _T * _s**2 + 22 * _c * _n * _T**3 + 2 * _T**2 * _s**2),
        pre * 2 * _T * (_n + _T) * (_c * _n * (4 * _n + 11 * _T) + _s**2),
        2 * _T * (_c * _n * (4 * _n + 11 * _T) + _s**2) / ((4 * _n + 3 * _T) * den),
    ]


V5 = (sigma_pos, c_pos, nstar, T, alpha)
V4 = (sigma_pos, c_pos, nstar, T)
n_far = Var("nstar", Real(2.0, 50.0, log=True), "n*_{i,k} (refutation region: away from n* = 1)")


def _lemma2x_proof(num, den):
    return Claim(
        id=f"cczk.lemma{num}-proof", label=f"proof of Lemma {num}", section="G", kind="identity",
        latex=r"\alpha^2=n^*:\ \dots=\frac{\frac{4n^*+3T}{n^*+T}T(\dots)}{(4n^*+3T)(\dots)}+\frac{\frac1{n^*+T}(4c(n^*)^2T^3-2(n^*)^2T\sigma^2"
              r"-n^*T^2\sigma^2)}{(4n^*+3T)(\dots)}=\dots=\frac{2T(cn^*(4n^*+11T)+\sigma^2)}{(4n^*+3T)(\dots)}",
        statement=eq_chain(*_lemma20_lines(den, True)),
        erratum=Erratum(
            corrected=eq_chain(*_lemma20_lines(den, False)),
            corrected_latex=r"\text{third line: }\frac{\frac1{n^*+T}(4cn^*T^3-2n^*T\sigma^2-T^2\sigma^2)}{(4n^*+3T)(\dots)}",
            explanation="The second line's second term has n*(4n*+3T) in its denominator (-n*T + 4n*alpha^2 + 4T alpha^2 = "
                        "n*(4n*+3T) at alpha^2 = n*); moving it to the common denominator (4n*+3T)(...) divides the "
                        "numerator by n*, which the third line forgets (the fourth line has the divided numerator "
                        "4c n* T^3 - 2n* T sigma^2 - T^2 sigma^2 again). Every other link holds; sympy proves the "
                        "corrected chain and finds the printed third line off by the factor n* in that term.",
            region=(n_far,)),
        variables=V4, given=(D_POSITIVE,), effort=SYM,
    )


CLAIMS_G2 = (
    Claim(
        id="cczk.eq33-34", label="(33), (34)", section="G", kind="identity",
        latex=r"\frac{T}{n^*(2cn^*T+\sigma^2)}(\dots)=\dots=\frac{T(2c(n^*)^2+6cn^*T+\sigma^2)}{(n^*+T)(2cn^*T+\sigma^2)}"
              r"+\frac{-6cn^*T^2+\frac{T^2}{n^*}(2c(n^*)^2+\sigma^2)}{(n^*+T)(2cn^*T+\sigma^2)}\ (33)"
              r"+\frac{T(1+\frac T{n^*})(16c(n^*)^2T\alpha^2+(n^*(T-2n^*)-4T\alpha^2)\sigma^2)}{(n^*+T)(-n^*T+4n^*\alpha^2+4T\alpha^2)(2cn^*T+\sigma^2)}\ (34)",
        statement=eq_chain(*_split_3334(2 * _c * _n * _T + _s**2)),
        variables=V5, given=(D_POSITIVE,), effort=SYM,
        notes="Chain: Lemma 18's left side = the line before (33) = (33) + (34) (the step adds and subtracts 6c n* T^2).",
    ),
    Claim(
        id="cczk.eq40-41", label="(40), (41)", section="G", kind="identity",
        latex=r"\frac{T}{n^*\sigma^2}(\dots)=\dots=\frac{T(2c(n^*)^2+6cn^*T+\sigma^2)}{(n^*+T)\sigma^2}"
              r"+\frac{-6cn^*T^2+\frac{T^2}{n^*}(2c(n^*)^2+\sigma^2)}{(n^*+T)\sigma^2}\ (40)"
              r"+\frac{T(1+\frac T{n^*})(16c(n^*)^2T\alpha^2+(n^*(T-2n^*)-4T\alpha^2)\sigma^2)}{(n^*+T)(-n^*T+4n^*\alpha^2+4T\alpha^2)\sigma^2}\ (41)",
        statement=eq_chain(*_split_3334(_s**2)),
        variables=V5, given=(D_POSITIVE,), effort=SYM,
    ),
    _lemma2x_proof(20, 2 * _c * _n * _T + _s**2),
    _lemma2x_proof(21, _s**2),
)


# ============================================================================= App. H.1

def _h_printed(o, sigma, eta2, clean, noisy):
    """§H.1 recommended estimator / Algorithm 2 line 23 as printed."""
    s2, v = sigma**2, sigma**2 + eta2
    nc, nz = len(clean), len(noisy)
    num = sum(clean) / (s2 * nc) + (sum(noisy) / (v * nz) if nz else 0)
    return num / (o.num(nc) / s2 + (o.num(nz) / v if nz else 0))


def _h(o, sigma, eta2, clean, noisy):
    """The inverse-variance weighted mean (what the proofs use)."""
    s2, v = sigma**2, sigma**2 + eta2
    num = sum(clean) / s2 + (sum(noisy) / v if noisy else 0)
    return num / (o.num(len(clean)) / s2 + (o.num(len(noisy)) / v if noisy else 0))


def _flat_post_mean(o, sigma, eta2, clean, noisy):
    """Posterior mean under the flat prior (ell -> infinity), from the score of the log likelihood."""
    def f(m):
        return -sum((x - m) ** 2 for x in clean) / (2 * sigma**2) - sum((x - m) ** 2 for x in noisy) / (2 * (sigma**2 + eta2))
    return gm.score_moments(o, f)[1]


def _w(o, sigma, ell, n):
    return (o.num(n) / sigma**2) / (o.num(n) / sigma**2 + 1 / ell**2)


def _post_A(printed):
    def g(o, sigma, ell, X, mu):
        n = len(X)
        w = _w(o, sigma, ell, n)
        mean = w * mu + (1 - w) * gm.mean(X) if printed else w * gm.mean(X)
        return [mean, 1 / (o.num(n) / sigma**2 + 1 / ell**2)]
    return g


def _post_B(printed):
    def g(o, sigma, ell, X, Yo, mu):
        XY = list(X) + list(Yo)
        w = _w(o, sigma, ell, len(XY))
        mean = w * mu + (1 - w) * gm.mean(XY) if printed else w * gm.mean(XY)
        var = 1 / (o.num(len(X) if printed else len(XY)) / sigma**2 + 1 / ell**2)
        return [mean, var]
    return g


def _post_C(printed):
    def g(o, sigma, ell, X, Z, Zp, eta2):
        clean = list(X) + list(Z)
        v = sigma**2 + eta2
        lin = sum(Zp) / v + sum(clean) / sigma**2
        var = 1 / (o.num(len(Zp)) / v + o.num(len(clean)) / sigma**2 + 1 / ell**2)
        if printed:
            return [lin / 2, (sum(Zp) + sum(clean)) / v, var]
        return [lin, var * lin, var]
    return g


def _score_C(o, sigma, ell, X, Z, Zp, eta2):
    return list(gm.score_moments(o, gm.log_joint(sigma, ell, list(X) + list(Z), list(Zp), sigma**2 + eta2)))


def _bayes_loss(o, h, mpost, v):
    """E_{mu ~ N(m, v)}[(h - mu)^2] = E_e[(h - m - sqrt(v) e)^2] from the moments E e = 0, E e^2 = 1
    (quadrature and Monte Carlo of the same expectation in tests/test_cczk_appGH.py)."""
    Ee, Ee2 = 0, 1
    return (h - mpost) ** 2 - 2 * (h - mpost) * o.sqrt(v) * Ee + v * Ee2


def _joint_risk(o, sigma, ell, n, a):
    """E_{mu~N(0,ell^2)} E_X[(a mu^(X) - mu)^2], |X| = n: (a-1)^2 ell^2 + a^2 sigma^2/n."""
    return (a - 1) ** 2 * ell**2 + a**2 * sigma**2 / n


def _iterated_risk(o, sigma, ell, n, a):
    """E_X[E_mu[(a mu^(X) - mu)^2 | X]]: posterior N(w xbar, v); xbar ~ N(0, ell^2 + sigma^2/n) marginally."""
    v = 1 / (n / sigma**2 + 1 / ell**2)
    w = n / sigma**2 * v
    return v + (a - w) ** 2 * (ell**2 + sigma**2 / n)


def _F1(o, sigma, alpha, nX, nZ, nZp, eps, u):
    st2 = gm.sigma_tilde2(sigma, nX, nZ, eps)
    return 1 / (nZp / (sigma**2 + alpha**2 * st2 * u**2) + (nX + nZ) / sigma**2 + eps)


def _R_ell_printed(o, sigma, alpha, nA, nB, nX, nZ, nZp, ell):
    eps = 1 / ell**2
    return (1 / (nA / sigma**2 + eps) + 1 / (nB / sigma**2 + eps)
            + gm.gauss_closed(o, nZp, (nX + nZ) / sigma**2 + eps, sigma**2, alpha**2 * sigma**2))


def _R_ell_quad(o, sigma, alpha, nA, nB, nX, nZ, nZp, ell):
    eps = 1 / ell**2
    return (1 / (nA / sigma**2 + eps) + 1 / (nB / sigma**2 + eps)
            + lm.gauss_mean(o, lambda e: _F1(o, sigma, alpha, nX, nZ, nZp, eps, e)))


def _R_ell_fixed(o, sigma, alpha, nA, nB, nX, nZ, nZp, ell):
    return gm.R_ell(o, sigma, alpha, nA, nB, nX, nZ, nZp, 1 / ell**2)


def _P(sigma, eta2, nX, nZ, nZp):
    return nZp / (sigma**2 + eta2) + (nX + nZ) / sigma**2


def _step2_first(printed):
    def g(o, sigma, eta2, nX, nZ, nZp, mX, mZ, mZp, mu):
        P = _P(sigma, eta2, nX, nZ, nZp)
        v = sigma**2 + eta2
        wsum = mZp * nZp / v + mZ * nZ / sigma**2 + mX * nX / sigma**2
        h = wsum / P
        line2 = (wsum - mu) ** 2 if printed else (wsum / P - mu) ** 2
        line3 = (((mZp - mu) * nZp / v + (mZ - mu) * nZ / sigma**2 + (mX - mu) * nX / sigma**2) / P) ** 2
        return [(h - mu) ** 2, line2], [line2, line3]
    return g


def _step2_C(printed):
    def lhs(o, sigma, alpha, eta2, nX, nZ, nZp):
        P = _P(sigma, eta2, nX, nZ, nZp)
        v = sigma**2 + eta2
        var_num = (nZp / v) ** 2 * v / nZp + (nZ / sigma**2) ** 2 * sigma**2 / nZ + (nX / sigma**2) ** 2 * sigma**2 / nX
        printed_num = nZp * v / v**2 + (nX + nZ) / sigma**2
        return [var_num / P**2, printed_num / P**2,
                gm.gauss_closed(o, nZp, (nX + nZ) / sigma**2, sigma**2, alpha**2 * (sigma**2 / nX + sigma**2 / nZ))]

    def rhs(o, sigma, alpha, eta2, nX, nZ, nZp):
        P = _P(sigma, eta2, nX, nZ, nZp)
        v = sigma**2 + eta2
        printed_num = nZp * v / v**2 + (nX + nZ) / sigma**2
        beta = alpha**2 * (sigma**2 / nZ + sigma**2 / nX)
        last = (1 / (nZp / (sigma**2 + beta) + (nZ + nX) / sigma**2) if printed
                else gm.gauss_closed(o, nZp, (nZ + nX) / sigma**2, sigma**2, beta))
        return [printed_num / P**2, 1 / P, last]
    return lhs, rhs


def _eq6263(printed):
    def g(o, sigma, alpha, nA, nB, nX, nZ, nZp):
        beta = alpha**2 * (sigma**2 / nZ + sigma**2 / nX)
        C = (1 / (nZp / (sigma**2 + beta) + (nZ + nX) / sigma**2) if printed
             else gm.gauss_closed(o, nZp, (nZ + nX) / sigma**2, sigma**2, beta))
        return sigma**2 / nA + sigma**2 / nB + C
    return g


def _R_inf_quad(o, sigma, alpha, nA, nB, nX, nZ, nZp):
    beta = alpha**2 * (sigma**2 / nX + sigma**2 / nZ)
    return (sigma**2 / nA + sigma**2 / nB
            + lm.gauss_mean(o, lambda e: 1 / (nZp / (sigma**2 + beta * e**2) + (nX + nZ) / sigma**2)))


def _R_inf_closed(o, sigma, alpha, nA, nB, nX, nZ, nZp):
    return gm.R_inf(o, sigma, alpha, nA, nB, nX, nZ, nZp)


def _sm_mse(o, sigma, mu, nA, nB):
    """E[(mu^(X) - mu)^2] for the sample mean of n points x_j = mu + sigma e_j: (sum w - 1)^2 mu^2 + sigma^2 sum w^2."""
    out = []
    for n in (nA, nB):
        w = [o.num(1) / n] * n
        out.append((sum(w) - 1) ** 2 * mu**2 + sigma**2 * sum(t**2 for t in w))
    return out


ABC = (sp, al, nA, nB, nX, nZ, nZp)
F55 = lambda o, sigma, ell, X: [_w(o, sigma, ell, len(X)) * x for x in X]  # noqa: E731


def _phi55(o, sigma, ell, X):
    return _w(o, sigma, ell, len(X)) * gm.mean(X) - gm.mean(F55(o, sigma, ell, X))


CLAIMS_H1 = (
    Claim(
        id="cczk.H1-info-space", label="§H.1 equivalent information space", section="H.1", kind="definition",
        latex=r"I_{i,k}=(\emptyset,\emptyset,0)\ (k\in A),\ (Y_{-i,k},\emptyset,0)\ (k\in B),\ (Z_{i,k},Z'_{i,k},\eta^2_{i,k})\ (k\in C)",
        statement=Equal(lambda o, sigma, eta2, Y, Yo: [_h(o, sigma, eta2, list(Y), []), _h(o, sigma, eta2, list(Yo), [])],
                        lambda o, Y, Yo: [gm.mean(Y), gm.mean(Yo)]),
        variables=(sp, et, Y2, Yo3), effort=SYM,
        notes="Concrete consequence: the recommended estimator (inverse-variance weighted mean, see the erratum of "
              "cczk.H1-estimator) applied to agent i's submission and the case's information reproduces Algorithm 2's "
              "I_{i,k}: line 14 (k in A: Y_{i,k} only) and line 17 (k in B: n* = 0, so Y_{i,k} = empty and Z = Y_{-i,k}); "
              "for k in C it is line 23 by construction.",
    ),
    Claim(
        id="cczk.H1-estimator", label="§H.1 recommended estimator", section="H.1", kind="definition",
        latex=r"h_{i,k}=\frac{\frac1{\sigma^2|Y\cup Z|}\sum_{y\in Y\cup Z}y+\frac1{(\sigma^2+\eta^2)|Z'|}\sum_{z\in Z'}z}"
              r"{\frac1{\sigma^2}|Y\cup Z|+\frac1{\sigma^2+\eta^2}|Z'|}\ (=\text{posterior mean, flat prior})",
        statement=Equal(lambda o, sigma, eta2, Y, Z, Zp: _h_printed(o, sigma, eta2, list(Y) + list(Z), list(Zp)),
                        lambda o, sigma, eta2, Y, Z, Zp: _flat_post_mean(o, sigma, eta2, list(Y) + list(Z), list(Zp))),
        erratum=Erratum(
            corrected=Equal(lambda o, sigma, eta2, Y, Z, Zp: _h(o, sigma, eta2, list(Y) + list(Z), list(Zp)),
                            lambda o, sigma, eta2, Y, Z, Zp: _flat_post_mean(o, sigma, eta2, list(Y) + list(Z), list(Zp))),
            corrected_latex=r"h_{i,k}=\frac{\frac1{\sigma^2}\sum_{y\in Y\cup Z}y+\frac1{\sigma^2+\eta^2}\sum_{z\in Z'}z}"
                            r"{\frac1{\sigma^2}|Y\cup Z|+\frac1{\sigma^2+\eta^2}|Z'|}",
            explanation="The printed numerator uses sample means (sum/|.|) while the denominator uses counts, so h is not an "
                        "average: it is not translation equivariant and h(Y, {}, {}, 0) = mean(Y)/|Y|. The estimator the "
                        "proof uses (Step 2: (mu^(Z')|Z'|/(s2+eta2) + mu^(Z)|Z|/s2 + mu^(X)|X|/s2)/(...)) and the posterior "
                        "mean as ell -> infinity (computed here from the score of the log likelihood) is the inverse-"
                        "variance weighted mean (sums in the numerator). Same typo as Algorithm 2 line 23 (cf. "
                        "mech_simulation._line23). Confirmed by sympy and by Monte Carlo in tests/test_cczk_appGH.py."),
        variables=(sp, et, Y2, Z2, Zp2), effort=SYM,
    ),
    Claim(
        id="cczk.H1-post-A", label="§H.1 posterior for k ∈ A", section="H.1", kind="identity",
        latex=r"\mu_k|X_{i,k}\sim N(\mu_{A,\ell,k},\sigma^2_{A,\ell,k}),\ \mu_{A,\ell,k}=\frac{|X|/\sigma^2}{|X|/\sigma^2+1/\ell^2}\mu_k"
              r"+\frac{1/\ell^2}{|X|/\sigma^2+1/\ell^2}h^{SM}(X),\ \sigma^2_{A,\ell,k}=\frac1{|X|/\sigma^2+1/\ell^2}",
        statement=Equal(lambda o, sigma, ell, X: list(gm.score_moments(o, gm.log_joint(sigma, ell, list(X))))[1:], _post_A(True)),
        erratum=Erratum(
            corrected=Equal(lambda o, sigma, ell, X: list(gm.score_moments(o, gm.log_joint(sigma, ell, list(X))))[1:], _post_A(False)),
            corrected_latex=r"\mu_{A,\ell,k}=\frac{|X|/\sigma^2}{|X|/\sigma^2+1/\ell^2}h^{SM}(X_{i,k})+\frac{1/\ell^2}{|X|/\sigma^2+1/\ell^2}\cdot0",
            explanation="The posterior mean cannot involve the unknown mu_k: the data weight |X|/sigma^2 multiplies the sample "
                        "mean and the prior weight 1/ell^2 the prior mean 0 (Lehmann-Casella Ex. 5.1.14); the printed formula "
                        "swaps them. The moments here come from the score of the log joint density (exact for a Gaussian "
                        "posterior): sympy proves the corrected form; quadrature of the posterior confirms it "
                        "(tests/test_cczk_appGH.py). The variance is printed correctly."),
        variables=(sp, ell, X3, mu), effort=SYM,
    ),
    Claim(
        id="cczk.H1-post-B", label="§H.1 posterior for k ∈ B", section="H.1", kind="identity",
        latex=r"\mu_{B,\ell,k}=\frac{|X\cup Y_{-i}|/\sigma^2}{|X\cup Y_{-i}|/\sigma^2+1/\ell^2}\mu_k+\frac{1/\ell^2}{\dots}h^{SM}(X\cup Y_{-i}),"
              r"\ \sigma^2_{B,\ell,k}=\frac1{|X_{i,k}|/\sigma^2+1/\ell^2}",
        statement=Equal(lambda o, sigma, ell, X, Yo: list(gm.score_moments(o, gm.log_joint(sigma, ell, list(X) + list(Yo))))[1:], _post_B(True)),
        erratum=Erratum(
            corrected=Equal(lambda o, sigma, ell, X, Yo: list(gm.score_moments(o, gm.log_joint(sigma, ell, list(X) + list(Yo))))[1:],
                            _post_B(False)),
            corrected_latex=r"\mu_{B,\ell,k}=\frac{|X\cup Y_{-i}|/\sigma^2}{|X\cup Y_{-i}|/\sigma^2+1/\ell^2}h^{SM}(X\cup Y_{-i}),\ "
                            r"\sigma^2_{B,\ell,k}=\frac1{|X_{i,k}\cup Y_{-i,k}|/\sigma^2+1/\ell^2}",
            explanation="As for k in A the data and prior weights are swapped in the mean; and the variance must count all "
                        "the data the posterior conditions on, |X u Y_{-i}| (as (49) and (51) use), not |X|. From the score "
                        "of the log joint density (sympy), confirmed by quadrature in tests/test_cczk_appGH.py."),
        variables=(sp, ell, X2, Yo3, mu), effort=SYM,
    ),
    Claim(
        id="cczk.H1-post-C", label="§H.1 posterior for k ∈ C", section="H.1", kind="identity",
        latex=r"p(\mu_k|\dots)\propto e^{-\frac12(\frac{|Z'|}{\sigma^2+\eta^2}+\frac{|X|+|Z|}{\sigma^2}+\frac1{\ell^2})\mu_k^2}"
              r"e^{\frac12(\frac{\sum_{Z'}x}{\sigma^2+\eta^2}+\frac{\sum_{X\cup Z}x}{\sigma^2})\mu_k},\ "
              r"\mu_{C,\ell,k}=\frac{\sum_{Z'}x+\sum_{X\cup Z}x}{\sigma^2+\eta^2},\ \sigma^2_{C,\ell,k}=\frac1{\frac{|Z'|}{\sigma^2+\eta^2}+\frac{|X|+|Z|}{\sigma^2}+\frac1{\ell^2}}",
        statement=Equal(_score_C, _post_C(True)),
        erratum=Erratum(
            corrected=Equal(_score_C, _post_C(False)),
            corrected_latex=r"e^{(\frac{\sum_{Z'}x}{\sigma^2+\eta^2}+\frac{\sum_{X\cup Z}x}{\sigma^2})\mu_k},\ "
                            r"\mu_{C,\ell,k}=\sigma^2_{C,\ell,k}\Big(\frac{\sum_{Z'}x}{\sigma^2+\eta^2}+\frac{\sum_{X\cup Z}x}{\sigma^2}\Big)",
            explanation="Expanding -(x - mu)^2/(2v) gives the linear term +x mu/v, without a factor 1/2; and matching "
                        "-(1/2)(mu^2/s_C^2 - 2 mu_C mu/s_C^2) requires mu_C = s_C^2 (sum_{Z'} x/(s2+eta2) + sum_{X u Z} x/s2), "
                        "not (sum_{Z'} x + sum_{X u Z} x)/(s2+eta2). Entries: coefficient of mu in the log density, "
                        "posterior mean, posterior variance (the variance is right); from the score of the log joint "
                        "(sympy), confirmed by quadrature in tests/test_cczk_appGH.py."),
        variables=(sp, ell, X2, Z2, Zp2, et), effort=SYM,
    ),
    Claim(
        id="cczk.H1-bayes-estimator", label="§H.1 Bayes estimator", section="H.1", kind="optimality",
        latex=r"\mathbb E_{\mu_k}[(h_{i,k}-\mu_k)^2|X_{i,k},Y_{i,k},I_{i,k}]\ \text{is minimized by }h_{i,k}=\mathbb E[\mu_k|X_{i,k},Y_{i,k},I_{i,k}]",
        statement=Compare(lambda o, h, mpost, v: _bayes_loss(o, h, mpost, v), ">=",
                          lambda o, mpost, v: _bayes_loss(o, mpost, mpost, v)),
        variables=(Var("h", Real(-5.0, 5.0), "a candidate estimate h_{i,k}"), Var("mpost", Real(-5.0, 5.0), "posterior mean"),
                   Var("v", Real(1e-2, 10.0, lo_open=True, log=True), "posterior variance")),
        symbolic=None, effort=CHEAP,
        notes="The posterior is N(mean, v) (cczk.H1-post-*, corrected); its expected squared loss at h.",
    ),
    Claim(
        id="cczk.eq47-48", label="(47), (48)", section="H.1", kind="identity",
        latex=r"\inf_h\mathbb E_{\mu\sim\Lambda_\ell}[\mathbb E\|h-\mu\|^2]=\inf_h\sum_k\mathbb E[\mathbb E[\mathbb E_{\mu_k}[(h_{i,k}-\mu_k)^2|X_{i,k},\dots]]]",
        statement=Equal(lambda o, sigma, ell, n1, n2, a1, a2: _joint_risk(o, sigma, ell, n1, a1) + _joint_risk(o, sigma, ell, n2, a2),
                        lambda o, sigma, ell, n1, n2, a1, a2: _iterated_risk(o, sigma, ell, n1, a1) + _iterated_risk(o, sigma, ell, n2, a2)),
        variables=(sp, ell, Var("n1", CNT, "|X_{i,1}|"), Var("n2", CNT, "|X_{i,2}|"),
                   Var("a1", Real(-2.0, 3.0), "h_{i,1} = a1 mu^(X_{i,1})"), Var("a2", Real(-2.0, 3.0), "h_{i,2} = a2 mu^(X_{i,2})")),
        effort=SYM,
        notes="Concrete instance (d = 2, linear estimators h_k = a_k mu^(X_{i,k})): the joint Bayes risk "
              "(mu ~ N(0, ell^2 I), bias-variance) equals the sum over k of the iterated expectations of the posterior "
              "expected losses (posterior N(w xbar, v), xbar ~ N(0, ell^2 + sigma^2/n) marginally).",
    ),
    Claim(
        id="cczk.eq49-50", label="(49), (50)", section="H.1", kind="inequality",
        latex=r"(47)-(48)\ge\sum_{A}\mathbb E\Big[\frac1{\frac{|X|}{\sigma^2}+\frac1{\ell^2}}\Big]+\sum_B\mathbb E\Big[\frac1{\frac{|X\cup Y_{-i}|}{\sigma^2}+\frac1{\ell^2}}\Big]"
              r"+\sum_C\mathbb E\Big[\frac1{\frac{|Z'|}{\sigma^2+\eta^2}+\frac{|X|+|Z|}{\sigma^2}+\frac1{\ell^2}}\Big]",
        statement=Compare(
            lambda o, sigma, ell, nA, nB, nX, nZp, eta2, a, b: [_joint_risk(o, sigma, ell, nA, a), _joint_risk(o, sigma, ell, nB, a),
                                                            (a * nX + b * nZp - 1) ** 2 * ell**2 + a**2 * nX * sigma**2 + b**2 * nZp * (sigma**2 + eta2)],
            ">=",
            lambda o, sigma, ell, nA, nB, nX, nZp, eta2: [1 / (nA / sigma**2 + 1 / ell**2), 1 / (nB / sigma**2 + 1 / ell**2),
                                                      1 / (nZp / (sigma**2 + eta2) + nX / sigma**2 + 1 / ell**2)]),
        variables=(sp, ell, nA, nB, Var("nX", CNT, "|X_{i,k}| + |Z_{i,k}| (clean points)"), nZp, et,
                   Var("a", Real(-2.0, 3.0), "weight of the clean data"), Var("b", Real(-2.0, 3.0), "weight of the corrupted data")),
        symbolic=None, effort=CHEAP,
        notes="On linear estimators (a times the clean sum or mean, b times the corrupted sum, eta^2 given): the Bayes "
              "risk is at least the posterior variance, for every weight (equality at the posterior mean).",
    ),
    Claim(
        id="cczk.eq51-52", label="(51), (52)", section="H.1", kind="identity",
        latex=r"(49)-(50)=\sum_A\mathbb E_{n}\Big[\frac1{\frac{|X|}{\sigma^2}+\frac1{\ell^2}}\Big]+\sum_B\mathbb E_n\Big[\frac1{\frac{|X\cup Y_{-i}|}{\sigma^2}+\frac1{\ell^2}}\Big]"
              r"+\sum_C\mathbb E[\dots\frac1{\frac{|Z'|}{\sigma^2+\eta^2}+\frac{|X|+|Z|}{\sigma^2}+\frac1{\ell^2}}]",
        statement=Equal(
            lambda o, sigma, ell, X, Yo, Z, Zp, eta2: [gm.score_moments(o, gm.log_joint(sigma, ell, list(X)))[2],
                                                    gm.score_moments(o, gm.log_joint(sigma, ell, list(X) + list(Yo)))[2],
                                                    _score_C(o, sigma, ell, X, Z, Zp, eta2)[2]],
            lambda o, sigma, ell, eta2: [1 / (2 / sigma**2 + 1 / ell**2), 1 / (5 / sigma**2 + 1 / ell**2),
                                         1 / (2 / (sigma**2 + eta2) + 4 / sigma**2 + 1 / ell**2)]),
        variables=(sp, ell, X2, Yo3, Z2, Zp2, et), effort=SYM,
        notes="The integrands are the posterior variances (from the curvature of the log joint density) and depend on "
              "the data only through the counts (|X| = 2, |Y_{-i}| = 3, |Z| = 2, |Z'| = 2) and eta^2, so the inner "
              "expectations over the data values drop.",
    ),
    Claim(
        id="cczk.H1-eta2", label="§H.1 η² and sample means", section="H.1", kind="definition",
        latex=r"\hat\mu(Y)=\frac1{|Y|}\sum_{y\in Y}y,\ \hat\mu(Z)=\frac1{|Z|}\sum_{z\in Z}z,\ \eta^2_{i,k}=\alpha^2_{i,k}(\hat\mu(Y_{i,k})-\hat\mu(Z_{i,k}))^2",
        statement=Defines(lambda o, alpha, Y, Z: alpha**2 * (gm.mean(Y) - gm.mean(Z)) ** 2),
        variables=(al, Var("Y", Vector(3, DATA), "Y_{i,k}"), Z2),
        implementations=(Implementation(gm.eta2, lambda o, alpha, Y, Z: alpha**2 * (sum(Y) / len(Y) - sum(Z) / len(Z)) ** 2,
                                        scale=lambda o, alpha, Y, Z: alpha**2 * (sum(abs(y) for y in Y) / len(Y) + sum(abs(z) for z in Z) / len(Z)) ** 2),),
        effort=CHEAP,
        notes="Reference: Algorithm 2 line 21 ((1/|Y|) sum y - (1/|Z|) sum z); the numpy implementation raises "
              "DomainError on empty data or alpha <= 0.",
    ),
    Claim(
        id="cczk.eq53-54", label="(53), (54)", section="H.1", kind="identity",
        latex=r"(51)-(52)=\sum_A\mathbb E_n[\dots]+\sum_B\mathbb E_n[\dots]\ (53)+\sum_C\mathbb E_{(n_i,f_i)}\Big[\mathbb E_{\mu_{-k},X_{i,-k}}"
              r"\Big[\mathbb E_{X_{i,k},Z_{i,k}}\Big[\frac1{\frac{|Z'|}{\sigma^2+\eta^2}+\frac{|X|+|Z|}{\sigma^2}+\frac1{\ell^2}}\Big]\Big]\Big]\ (54)",
        statement=AllOf(("cczk.eq51-52", "cczk.H1-eta2")),
        notes="The integrand depends on the data only through the counts and eta^2 (cczk.eq51-52), and eta^2 is a "
              "function of the sample means of Y_{i,k} and Z_{i,k} only (cczk.H1-eta2), so the expectations over "
              "Z_{i,-k}, Z'_{i,-k} drop.",
    ),
    Claim(
        id="cczk.H1-cond-indep", label="§H.1 conditional independence", section="H.1", kind="identity",
        latex=r"p(\hat\mu(Z)-\mu_k,\mu_k|X)\propto e^{-\frac12\frac{|Z|}{\sigma^2}(\hat\mu(Z)-\mu_k)^2}e^{-\frac12(\frac{|X|}{\sigma^2}+\frac1{\ell^2})(\mu_k-w\hat\mu(X))^2}",
        statement=Equal(
            lambda o, sigma, ell, X, nZ, d1, mu1, d2, mu2: (gm.log_joint(sigma, ell, list(X))(mu1) - nZ * d1**2 / (2 * sigma**2))
            - (gm.log_joint(sigma, ell, list(X))(mu2) - nZ * d2**2 / (2 * sigma**2)),
            lambda o, sigma, ell, X, nZ, d1, mu1, d2, mu2: (
                -nZ * d1**2 / (2 * sigma**2) - (2 / sigma**2 + 1 / ell**2) * (mu1 - _w(o, sigma, ell, 2) * gm.mean(X)) ** 2 / 2)
            - (-nZ * d2**2 / (2 * sigma**2) - (2 / sigma**2 + 1 / ell**2) * (mu2 - _w(o, sigma, ell, 2) * gm.mean(X)) ** 2 / 2)),
        variables=(sp, ell, X2, nZ, Var("d1", DATA, "mu^(Z) - mu_k"), Var("mu1", DATA, "mu_k"),
                   Var("d2", DATA, "a second value of mu^(Z) - mu_k"), Var("mu2", DATA, "a second value of mu_k")),
        effort=SYM,
        notes="Log densities compared up to their X-only constant (differences at two points): the joint density of "
              "(mu^(Z) - mu_k, mu_k) given X factorizes into N(0, sigma^2/|Z|) and N(w mu^(X), 1/(|X|/sigma^2 + 1/ell^2)); "
              "hence sigma~^2 = sigma^2/|Z| + 1/(|X|/sigma^2 + 1/ell^2) for their sum.",
    ),
    Claim(
        id="cczk.eq55", label="(55)", section="H.1", kind="optimality",
        latex=r"f_{i,k}(X_i)=\Big\{\frac{|X|/\sigma^2}{|X|/\sigma^2+1/\ell^2}x\Big\}\ \Rightarrow\ \varphi(X_{i,k},f_i)=0\ \text{(equality in (58))}",
        statement=Equal(_phi55, 0),
        variables=(sp, ell, X3), effort=SYM,
        notes="The shrinking submission makes phi = w mu^(X) - mu^(f(X)) vanish, which is the equality case of (58) "
              "(cczk.eq58: the shifted integral is minimal at zero shift).",
    ),
    Claim(
        id="cczk.eq56", label="(56)", section="H.1", kind="identity",
        latex=r"\frac{\eta^2}{\alpha^2}=(\hat\mu(Y)-\hat\mu(Z))^2=\big((\hat\mu(Z)-w\hat\mu(X))+(w\hat\mu(X)-\hat\mu(Y))\big)^2,\ \varphi=0\text{ for (55)}",
        statement=Equal(lambda o, sigma, ell, X, mY, mZ: [(mY - mZ) ** 2, _phi55(o, sigma, ell, X)],
                        lambda o, sigma, ell, X, mY, mZ: [((mZ - _w(o, sigma, ell, 3) * gm.mean(X)) + (_w(o, sigma, ell, 3) * gm.mean(X) - mY)) ** 2, 0]),
        variables=(sp, ell, X3, Var("mY", DATA, "mu^(Y_{i,k})"), Var("mZ", DATA, "mu^(Z_{i,k})")), effort=SYM,
    ),
    Claim(
        id="cczk.eq57", label="(57)", section="H.1", kind="identity",
        latex=r"\frac1{\frac{|Z'|}{\sigma^2+\alpha^2(\tilde\sigma e+\varphi)^2}+\frac{|X|+|Z|}{\sigma^2}+\frac1{\ell^2}}=F_{1,k}(e+\varphi/\tilde\sigma_{\ell,k}),"
              r"\ F_{1,k}(u):=\frac1{\frac{|Z'|}{\sigma^2+\alpha^2\tilde\sigma^2u^2}+\frac{|X|+|Z|}{\sigma^2}+\frac1{\ell^2}}",
        statement=Equal(
            lambda o, sigma, alpha, nX, nZ, nZp, eps, e, phi: 1 / (
                nZp / (sigma**2 + alpha**2 * (o.sqrt(gm.sigma_tilde2(sigma, nX, nZ, eps)) * e + phi) ** 2) + (nX + nZ) / sigma**2 + eps),
            lambda o, sigma, alpha, nX, nZ, nZp, eps, e, phi: _F1(o, sigma, alpha, nX, nZ, nZp, eps,
                                                                e + phi / o.sqrt(gm.sigma_tilde2(sigma, nX, nZ, eps)))),
        variables=(sp, al, nX, nZ, nZp, eps, Var("e", Real(-5.0, 5.0), "e | X ~ N(0, 1)"), Var("phi", Real(-5.0, 5.0), "phi(X_{i,k}, f_i)")),
        effort=SYM,
        notes="The integrand of (54) after eta^2 = alpha^2 (sigma~ e + phi)^2 ((56)), pointwise in e; integrating against "
              "F_2(e) = exp(-e^2/2)/sqrt(2 pi) gives (57).",
    ),
    Claim(
        id="cczk.eq59", label="(59)", section="H.1", kind="inequality",
        latex=r"\inf_h\mathbb E_{\mu\sim\Lambda_\ell}[\dots]\ge\sum_A\mathbb E\Big[\frac1{\frac{|X|}{\sigma^2}+\frac1{\ell^2}}\Big]+\sum_B\dots+\sum_C\mathbb E_{n}\Big[\int F_{1,k}(e)F_2(e)de\Big]",
        statement=AllOf(("cczk.eq51-52", "cczk.eq57", "cczk.eq58")),
        notes="(59) combines (53)/(54) (integrands depend on counts only: cczk.eq51-52), (57) and (58).",
    ),
    Claim(
        id="cczk.H1-R-ell", label="§H.1 Bayes risk R_ℓ", section="H.1", kind="identity",
        latex=r"R_\ell=\sum_A\mathbb E\Big[\frac1{\frac{|X|}{\sigma^2}+\frac1{\ell^2}}\Big]+\sum_B\dots+\sum_C\mathbb E\Big[\int F_{1,k}F_2\Big]"
              r"=\dots+\sum_C\mathbb E_n\Big[\mathbb E_e\Big[\frac1{\frac{|Z'|}{\sigma^2+\alpha^2\sigma^2e^2}+\frac{|X|+|Z|}{\sigma^2}+\frac1{\ell^2}}\Big]\Big]",
        statement=Equal(_R_ell_fixed, _R_ell_printed),
        erratum=Erratum(
            corrected=Equal(_R_ell_quad, _R_ell_fixed),
            corrected_latex=r"\dots+\sum_C\mathbb E_n\Big[\mathbb E_e\Big[\frac1{\frac{|Z'|}{\sigma^2+\alpha^2\tilde\sigma^2_{\ell,k}e^2}+\frac{|X|+|Z|}{\sigma^2}+\frac1{\ell^2}}\Big]\Big]",
            explanation="int F_{1,k}(e) F_2(e) de has alpha^2 sigma~^2_{ell,k} e^2 in the corrupted variance (F_{1,k} of (57)); "
                        "the last line prints alpha^2 sigma^2 e^2. The next step (60) uses lim sigma~^2 = sigma^2/|X| + "
                        "sigma^2/|Z|, i.e. the corrected form. Refutation: the printed line against the closed form of "
                        "int F_1 F_2 (Lemma 24's I(1/2)); corrected check: quadrature of int F_1 F_2 (one k in each of A, "
                        "B, C) against that closed form."),
        variables=ABC + (ell,), effort=QUAD, symbolic=None,
    ),
    Claim(
        id="cczk.eq60", label="(60)", section="H.1", kind="asymptotic",
        latex=r"R_\infty:=\lim_{\ell\to\infty}R_\ell=\sum_A\mathbb E\Big[\frac{\sigma^2}{|X|}\Big]+\sum_B\mathbb E\Big[\frac{\sigma^2}{|X\cup Y_{-i}|}\Big]"
              r"+\sum_C\mathbb E\Big[\mathbb E_e\Big[\frac1{\frac{|Z'|}{\sigma^2+\alpha^2(\frac{\sigma^2}{|X|}+\frac{\sigma^2}{|Z|})e^2}+\frac{|X|+|Z|}{\sigma^2}}\Big]\Big]",
        statement=Asymptotic(lambda o, sigma, alpha, nA, nB, nX, nZ, nZp, eps: gm.R_ell(o, sigma, alpha, nA, nB, nX, nZ, nZp, eps)
                             - gm.R_inf(o, sigma, alpha, nA, nB, nX, nZ, nZp), "eps", 1),
        variables=ABC + (eps,), symbolic=None, effort=Effort(examples=0.25, ladder=(20, 40)),
        notes="R_ell - R_inf = O(1/ell^2) (eps = 1/ell^2), one k in each of A, B, C; R_ell with the corrected C-term "
              "(cczk.H1-R-ell).",
    ),
    Claim(
        id="cczk.H1-step2-gauss", label="§H.1 Step 2 Gaussian facts", section="H.1", kind="identity",
        latex=r"\begin{pmatrix}\frac{|X|}{\sigma^2}&\frac{|Z|}{\sigma^2}\\1&-1\end{pmatrix}\mathrm{diag}\Big(\frac{\sigma^2}{|X|},\frac{\sigma^2}{|Z|}\Big)"
              r"\begin{pmatrix}\dots\end{pmatrix}^T=\mathrm{diag}\Big(\frac{|X|+|Z|}{\sigma^2},\frac{\sigma^2}{|X|}+\frac{\sigma^2}{|Z|}\Big)",
        statement=Equal(
            lambda o, sigma, nX, nZ: (lambda M: M * o.diag([sigma**2 / nX, sigma**2 / nZ]) * o.T(M))(
                o.matrix([[nX / sigma**2, nZ / sigma**2], [o.num(1), o.num(-1)]])),
            lambda o, sigma, nX, nZ: o.diag([(nX + nZ) / sigma**2, sigma**2 / nX + sigma**2 / nZ])),
        variables=(sp, nX, nZ), effort=SYM,
        notes="The printed transformation matrix is garbled ('|X|/1, |Z|/-1'); its rows are read from the displayed "
              "components: (|X|/sigma^2, |Z|/sigma^2) and (1, -1). Zero covariance of jointly Gaussian components "
              "gives the independence.",
    ),
    Claim(
        id="cczk.eq61", label="(61)", section="H.1", kind="identity",
        latex=r"\sup_\mu\mathbb E[\sum_A(\hat\mu(X)-\mu_k)^2+\sum_B(\hat\mu(X\cup Y_{-i})-\mu_k)^2+\dots]=\sum_A\mathbb E\Big[\frac{\sigma^2}{|X|}\Big]+\sum_B\mathbb E\Big[\frac{\sigma^2}{|X\cup Y_{-i}|}\Big]+\dots",
        statement=Equal(_sm_mse, lambda o, sigma, nA, nB: [sigma**2 / nA, sigma**2 / nB]),
        variables=(sp, Var("mu", Real(-50.0, 50.0), "mu_k"), Var("nA", Int(1, 6), "|X_{i,k}|"), Var("nB", Int(1, 6), "|X_{i,k} u Y_{-i,k}|")),
        symbolic=None, effort=CHEAP,
        notes="The squared error of a sample mean of n points, from its weights (bias (sum w - 1) mu, variance "
              "sigma^2 sum w^2), is sigma^2/n for every mu: the sup over mu is attained everywhere.",
    ),
)

_s2f_l, _s2f_r = _step2_first(True), _step2_first(False)
_s2c_printed, _s2c_fixed = _step2_C(True), _step2_C(False)
S2VARS = (sp, et, nX, nZ, nZp, Var("mX", DATA, "mu^(X_{i,k})"), Var("mZ", DATA, "mu^(Z_{i,k})"),
          Var("mZp", DATA, "mu^(Z'_{i,k})"), Var("mu", DATA, "mu_k"))

CLAIMS_H1b = (
    Claim(
        id="cczk.H1-step2-C-first", label="§H.1 Step 2 C-term, first lines", section="H.1", kind="identity",
        latex=r"(h_{i,k}-\mu_k)^2=\Big(\frac{\hat\mu(Z')|Z'|}{\sigma^2+\eta^2}+\frac{\hat\mu(Z)|Z|}{\sigma^2}+\frac{\hat\mu(X)|X|}{\sigma^2}-\mu_k\Big)^2"
              r"=\Big(\frac{\frac{(\hat\mu(Z')-\mu_k)|Z'|}{\sigma^2+\eta^2}+\dots}{\frac{|Z'|}{\sigma^2+\eta^2}+\frac{|Z\cup X|}{\sigma^2}}\Big)^2",
        statement=Equal(lambda o, **v: _s2f_l(o, **v)[0], lambda o, **v: _s2f_l(o, **v)[1]),
        erratum=Erratum(
            corrected=Equal(lambda o, **v: _s2f_r(o, **v)[0], lambda o, **v: _s2f_r(o, **v)[1]),
            corrected_latex=r"(h_{i,k}-\mu_k)^2=\Big(\frac{\frac{\hat\mu(Z')|Z'|}{\sigma^2+\eta^2}+\frac{\hat\mu(Z)|Z|}{\sigma^2}+\frac{\hat\mu(X)|X|}{\sigma^2}}"
                            r"{\frac{|Z'|}{\sigma^2+\eta^2}+\frac{|Z\cup X|}{\sigma^2}}-\mu_k\Big)^2=\dots",
            explanation="The second line drops the normalising denominator |Z'|/(s2+eta2) + |Z u X|/s2 of h_{i,k} (the third "
                        "line has it again); with it both links hold (sympy)."),
        variables=S2VARS, effort=SYM,
    ),
    Claim(
        id="cczk.H1-step2-C", label="§H.1 Step 2 C-term", section="H.1", kind="identity",
        latex=r"\mathbb E[(\dots)^2|\eta]/P^2=\frac{\frac{|Z'|(\sigma^2+\eta^2)}{(\sigma^2+\eta^2)^2}+\frac{|X|+|Z|}{\sigma^2}}{P^2}=\frac1P,\ "
              r"\mathbb E_\eta[1/P]=\mathbb E_e\Big[\frac1{\frac{|Z'|}{\sigma^2+\alpha^2(\frac{\sigma^2}{|Z|}+\frac{\sigma^2}{|X|})}+\frac{|Z\cup X|}{\sigma^2}}\Big]",
        statement=Equal(_s2c_printed[0], _s2c_printed[1]),
        erratum=Erratum(
            corrected=Equal(_s2c_fixed[0], _s2c_fixed[1]),
            corrected_latex=r"\mathbb E_\eta[1/P]=\mathbb E_e\Big[\frac1{\frac{|Z'|}{\sigma^2+\alpha^2(\frac{\sigma^2}{|Z|}+\frac{\sigma^2}{|X|})e^2}+\frac{|Z\cup X|}{\sigma^2}}\Big]",
            explanation="eta = alpha (mu^(X) - mu^(Z)) with mu^(X) - mu^(Z) ~ N(0, s2/|X| + s2/|Z|), so eta^2 = alpha^2 "
                        "(s2/|X| + s2/|Z|) e^2 with e ~ N(0, 1): the last line drops e^2 (its expectation is then of a "
                        "constant). With e^2 it equals (60)'s C-term. The first links (variance of the weighted sum, "
                        "= 1/P) hold (sympy). Closed form via Lemma 24's I(1/2); Monte Carlo of the corrected "
                        "estimator's risk in tests/test_cczk_appGH.py."),
        variables=(sp, al, et, nX, nZ, nZp), effort=SYM,
    ),
    Claim(
        id="cczk.eq62-63", label="(62), (63)", section="H.1", kind="identity",
        latex=r"\sup_\mu\mathbb E_{(\tilde s_i,s^*_{-i})}[\dots]=\sum_A\mathbb E\Big[\frac{\sigma^2}{|X|}\Big]+\sum_B\mathbb E\Big[\frac{\sigma^2}{|X\cup Y_{-i}|}\Big]"
              r"+\sum_C\mathbb E\Big[\mathbb E_e\Big[\frac1{\frac{|Z'|}{\sigma^2+\alpha^2(\frac{\sigma^2}{|Z|}+\frac{\sigma^2}{|X|})}+\frac{|Z\cup X|}{\sigma^2}}\Big]\Big]=R_\infty",
        statement=Equal(_eq6263(True), _R_inf_closed),
        erratum=Erratum(
            corrected=Equal(_eq6263(False), _R_inf_quad),
            corrected_latex=r"\dots+\sum_C\mathbb E\Big[\mathbb E_e\Big[\frac1{\frac{|Z'|}{\sigma^2+\alpha^2(\frac{\sigma^2}{|Z|}+\frac{\sigma^2}{|X|})e^2}+\frac{|Z\cup X|}{\sigma^2}}\Big]\Big]=R_\infty",
            explanation="(63) inherits the dropped e^2 of the Step 2 C-term; as printed the C-term is the value at e^2 = 1 "
                        "and differs from R_inf of (60) (refuted against R_inf's closed form). Corrected check: the closed form "
                        "(Lemma 24) against R_inf by quadrature."),
        variables=ABC, effort=QUAD, symbolic=None,
    ),
    Claim(
        id="cczk.H1-step3", label="§H.1 Step 3 minimax", section="H.1", kind="optimality",
        latex=r"\sup_\mu\mathbb E_{(s_i',s^*_{-i})}[\dots]\ge\mathbb E_{\mu\sim\Lambda_\ell}[\dots]\ge R_\ell\to R_\infty=\sup_\mu\mathbb E_{(\tilde s_i,s^*_{-i})}[\dots]",
        statement=Compare(lambda o, sigma, alpha, nA, nB, nX, nZ, nZp, eps: gm.R_ell(o, sigma, alpha, nA, nB, nX, nZ, nZp, eps), "<",
                          lambda o, sigma, alpha, nA, nB, nX, nZ, nZp: gm.R_inf(o, sigma, alpha, nA, nB, nX, nZ, nZp)),
        variables=ABC + (eps,), symbolic=None, effort=CHEAP,
        notes="Concrete consequence: every Bayes risk R_ell lies below its limit R_inf (the max risk of s~_i), so the "
              "bound sup >= R_ell for all ell passes to sup >= R_inf.",
    ),
    Claim(
        id="cczk.H1-outline", label="§H.1 proof outline", section="H.1", kind="optimality",
        latex=r"R_\ell:=\inf_{s_i'\in\Delta(\mathcal S)'}\mathbb E_{\mu\sim\Lambda_\ell}[\dots];\ \lim_\ell R_\ell=\sup_\mu\mathbb E_{(\tilde s_i,s^*_{-i})}[\dots];"
              r"\ \tilde s_i\text{ minimax in }\Delta(\mathcal S)'",
        statement=AllOf(("cczk.eq59", "cczk.eq60", "cczk.H1-step3")),
        notes="Steps 1-3 on their concrete forms: the Bayes-risk lower bound (59), the limit (60), and R_ell <= R_inf "
              "(Step 3). Step 2's equality with R_inf holds with the e^2 restored (erratum cczk.eq62-63).",
    ),
)

# ============================================================================= App. H.2
YY = Var("y", Real(1.0, 50.0, lo_open=True, log=True), "|Y_{-i,k}|/n^IND_{i,k} (> 1: Lemma 9)")
nsH = Var("nstar", Real(0.2, 20.0, log=True), "n*_{i,k}")
THH = Var("T", Real(1.0, 400.0, log=True), "T_k")
alH = Var("alpha", Real(0.2, 20.0, log=True), "alpha_{i,k}")
nH = Var("n", Real(0.05, 50.0, log=True), "n_{i,k}")


def _l64_printed_E(o, sigma, c, nstar, T, alpha, n):
    """E_x[(64)'s integrand as printed] + c n: 1/(A x^2 + B), A = D/(s2 + a^2(s2/n + s2/n*)), B = (n + n*)/s2,
    E_x = (1/A) I(1/2) at L = B/A (Lemma 24)."""
    D = T - 2 * nstar
    A = D / (sigma**2 + alpha**2 * (sigma**2 / n + sigma**2 / nstar))
    B = (n + nstar) / sigma**2
    return lm.I_closed(o, o.num(1) / 2, B / A) / A + c * n


def _l64_fixed_E(o, sigma, c, nstar, T, alpha, n):
    D = T - 2 * nstar
    return gm.gauss_closed(o, D, (n + nstar) / sigma**2, sigma**2, alpha**2 * (sigma**2 / n + sigma**2 / nstar)) + c * n


def _risk_C_quad(o, sigma, c, nstar, T, alpha, n):
    """The k in C penalty term of §H.2 with |Z'| = D, |X| = n, |Z| = n*, e^2 inside (by quadrature)."""
    D = T - 2 * nstar
    return lm.gauss_mean(o, lambda x: 1 / (D / (sigma**2 + alpha**2 * (sigma**2 / n + sigma**2 / nstar) * x**2)
                                           + (n + nstar) / sigma**2)) + c * n


CLAIMS_H2 = (
    Claim(
        id="cczk.H2-decomposition", label="§H.2 penalty decomposition", section="H.2", kind="inequality",
        latex=r"p_i=\sum_A\mathbb E[\frac{\sigma^2}{|X|}+cn]+\sum_B\mathbb E[\frac{\sigma^2}{|X\cup Y_{-i}|}+cn]+\sum_C\dots\ge\sum_k\min_{n_{i,k}}(\dots)",
        statement=Compare(lambda o, sigma, c, n, y: [sigma**2 / n + c * n, sigma**2 / (n + y * _nind(o, sigma, c)) + c * n], ">=",
                          lambda o, sigma, c, y: [2 * sigma * o.sqrt(c), sigma**2 / (y * _nind(o, sigma, c))]),
        variables=(sg, cc, nn, YY), symbolic=None, effort=CHEAP,
        notes="Each separable term is at least its minimum over n_{i,k}: 2 sigma sqrt(c) (k in A) and sigma^2/|Y_{-i,k}| "
              "(k in B, |Y_{-i,k}| > n^IND); the k in C term is minimized at n* by the first-order condition "
              "(cczk.H2-foc-*) and convexity (cczk.H2-convexity).",
    ),
    Claim(
        id="cczk.H2-case-A", label="§H.2 case k ∈ A", section="H.2", kind="optimality",
        latex=r"\mathrm{argmin}_{n}\frac{\sigma^2}{n}+c_{i,k}n=n^{IND}_{i,k}",
        statement=Equal(lambda o, sigma, c: gm.deriv(o, lambda t: sigma**2 / t + c * t, _nind(o, sigma, c)), 0),
        variables=(sg, cc), effort=SYM,
        notes="Stationarity at n^IND = sigma/sqrt(c) (the function is convex); n* = n^IND for i in V_k is line 5 of "
              "Algorithm 1.",
    ),
    Claim(
        id="cczk.H2-case-B", label="§H.2 case k ∈ B", section="H.2", kind="optimality",
        latex=r"|Y_{-i,k}|>n^{IND}_{i,k}\Rightarrow\mathrm{argmin}_{n\ge0}\frac{\sigma^2}{n+|Y_{-i,k}|}+c_{i,k}n=0",
        statement=Compare(lambda o, sigma, c, n, y: sigma**2 / (n + y * _nind(o, sigma, c)) + c * n, ">",
                          lambda o, sigma, c, y: sigma**2 / (y * _nind(o, sigma, c))),
        variables=(sg, cc, nn, YY), symbolic=None, effort=CHEAP,
        notes="Every n > 0 is strictly worse than n = 0 when |Y_{-i,k}| = y n^IND with y > 1 (Y_{-i,k} >= T_k > 2n^IND by "
              "Algorithm 1 and Lemma 9).",
    ),
    Claim(
        id="cczk.eq64", label="(64)", section="H.2", kind="definition",
        latex=r"\min_n\Big(\mathbb E_x\Big[\frac1{\frac{|Z'|}{\sigma^2+\alpha^2(\frac{\sigma^2}{|X|}+\frac{\sigma^2}{|Z|})}x^2+\frac{|X|+|Z|}{\sigma^2}}\Big]+cn\Big)"
              r"=\min_n(\mathbb E_x[l(n,x;\alpha)]+cn),\ l:=\frac1{\frac{D}{\sigma^2+\alpha^2(\frac{\sigma^2}{n}+\frac{\sigma^2}{n^*})}x^2+\frac{n+n^*}{\sigma^2}}",
        statement=Equal(_l64_printed_E, _l64_fixed_E),
        erratum=Erratum(
            corrected=Equal(_l64_fixed_E, _risk_C_quad),
            corrected_latex=r"l(n,x;\alpha):=\frac1{\frac{D}{\sigma^2+\alpha^2(\frac{\sigma^2}{n}+\frac{\sigma^2}{n^*})x^2}+\frac{n+n^*}{\sigma^2}}",
            explanation="The x^2 (= e^2 of (60)) multiplies the corruption variance alpha^2(s2/n + s2/n*), not the whole "
                        "fraction D/(...): (60)/(63) corrected and the proofs of Lemmas 15/16 (which differentiate and "
                        "integrate 1/(D/(s2 + alpha^2(...)x^2) + (n+n*)/s2)) use it so. Refutation: E_x of the printed "
                        "integrand (Lemma 24) against the C-term penalty (|Z'| = D, |X| = n, |Z| = n*) in closed form; "
                        "corrected check: that closed form against quadrature of the penalty's integrand."),
        variables=(Var("sigma", Real(0.2, 5.0, log=True)), Var("c", Real(0.01, 5.0, log=True)), nsH, THH, alH, nH),
        given=(D_POSITIVE,), effort=QUAD, symbolic=None,
    ),
    Claim(
        id="cczk.H2-foc-display", label="§H.2 first-order condition", section="H.2", kind="identity",
        latex=r"\frac{\partial p_i}{\partial n_{i,k}}(n^*)=-\frac{\sigma^2D}{64\alpha^3\sqrt Tn^*}\Big(\frac{4\alpha^2}{\sqrt T}\Big(\frac{4\alpha^2T}{Dn^*}-1-c\frac{16\alpha^2Tn^*}{\sigma^2D}\Big)"
              r"-e^{T/(8\alpha^2)}\Big(\frac{4\alpha^2}T\Big(\frac T{n^*}+1\Big)-1\Big)\sqrt{2\pi}\mathrm{Erfc}\Big(\sqrt{\frac T{8\alpha^2}}\Big)\Big)",
        statement=Equal(gm.first_order_lemma24, lambda o, **v: gm.first_order_printed(o, **v, coef_power=2)),
        erratum=Erratum(
            corrected=Equal(gm.first_order_lemma24, lambda o, **v: gm.first_order_printed(o, **v, coef_power=1)),
            corrected_latex=r"\dots\Big(\frac{4\alpha}{\sqrt T}\Big(\frac{4\alpha^2T}{Dn^*}-1-c\frac{16\alpha^2Tn^*}{\sigma^2D}\Big)-\dots\Big)\ (=\text{Lemma 15}, =\dots G_{i,k}(\alpha))",
            explanation="Differentiating E_x[l] + c n at n* and evaluating the two Gaussian integrals with Lemma 24 (I(1/2) and "
                        "the corrected J(1/2)) gives the factor 4 alpha/sqrt(T), as in Lemma 15 and in G_{i,k} of (11); "
                        "the display prints 4 alpha^2/sqrt(T) (equal only at alpha = 1). Independently, the quadrature "
                        "derivative matches the 4 alpha/sqrt T form (cczk.lemma15).",
            region=(Var("alpha", Real(2.0, 20.0, log=True), "alpha_{i,k} (refutation region, away from 1)"),)),
        variables=(sigma_pos, c_pos, nstar, T, alpha), given=(D_POSITIVE,), effort=SYM,
    ),
    Claim(
        id="cczk.H2-foc-minimum", label="§H.2 first-order condition", section="H.2", kind="optimality",
        latex=r"G_{i,k}(\alpha_{i,k})=0\Rightarrow\frac{\partial p_i}{\partial n_{i,k}}(n^*)=0\text{ and (64) is minimized at }n_{i,k}=n^*_{i,k}",
        statement=AllOf(("cczk.lemma15", "cczk.H2-convexity", "cczk.lemma17-proof-root")),
        notes="Lemma 15 (the derivative is a multiple of G_{i,k}(alpha), by quadrature), convexity of l in n "
              "(Lemma 22's use), and existence of the root alpha_{i,k} with the identity it implies.",
    ),
)

CLAIMS = CLAIMS_G + CLAIMS_G2 + CLAIMS_H1 + CLAIMS_H1b + CLAIMS_H2
