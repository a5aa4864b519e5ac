"""cczk App. G: displayed steps of the proofs of Lemmas 14-19, and Lemmas 15/16 themselves against
Gaussian quadrature.  Errata: (b)'s last expansion line (T^3 for T^2), Lemma 15's last display,
Lemma 16's closing lines (sqrt argument), Lemma 18/19 proofs (alpha^3, dropped T's, -c for 4c)."""
from dataclasses import replace

import sympy

from derivations.claims import Claim, Effort, Erratum, Var
from derivations.domains import Real
from derivations.statements import Equal

from . import lemmas_model as lm
from . import model
from .variables import D_POSITIVE, alpha, c, c_pos, nstar, sigma, sigma_pos, T, u, w

QUAD = Effort(examples=0.15, ladder=(20, 30, 40))
# algebraic chains: sympy proves them; fewer numeric instances (each evaluates 4-7 expressions per rung)
ALG = Effort(examples=0.4)

S = sympy.Symbol
_n, _T, _c, _s, _a, _x = (S(v, positive=True) for v in ("nstar", "T", "c", "sigma", "alpha", "x"))
_D = _T - 2 * _n
R = sympy.Rational
xvar = Var("x", Real(0, 6.0), "x ~ N(0,1) (integrands are even in x)")
nT = (nstar, T)
# a box where T - 2n* is far from 1 (the (b)-expansion typo T^3 vs T^2 needs T != 1)
T_far = Var("T", Real(3.0, 200.0, log=True), "T_k (refutation region)")
n_small = Var("nstar", Real(0.05, 1.0, log=True), "n*_{i,k} (refutation region)")


def _ev(o, expr, v):
    """Evaluate a sympy expression with the backend o (mpmath or Arb) by structural recursion."""
    if expr.is_Symbol:
        return v[expr.name]
    if expr.is_Integer:
        return o.num(int(expr))
    if expr.is_Rational:
        return o.num(int(expr.p)) / o.num(int(expr.q))
    if expr is sympy.pi:
        return o.pi
    if expr.is_Add:
        out = _ev(o, expr.args[0], v)
        for a in expr.args[1:]:
            out = out + _ev(o, a, v)
        return out
    if expr.is_Mul:
        out = _ev(o, expr.args[0], v)
        for a in expr.args[1:]:
            out = out * _ev(o, a, v)
        return out
    if expr.is_Pow:
        b, e = expr.args
        if e == R(1, 2):
            return o.sqrt(_ev(o, b, v))
        if e == R(-1, 2):
            return 1 / o.sqrt(_ev(o, b, v))
        if e.is_Integer:
            base = _ev(o, b, v)
            k = int(e)
            return base**k if k >= 0 else 1 / base ** (-k)
        if e.is_Rational and e.q == 2:
            return o.sqrt(_ev(o, b, v)) ** int(e.p) if e.p > 0 else 1 / o.sqrt(_ev(o, b, v)) ** int(-e.p)
        raise NotImplementedError(str(expr))
    if isinstance(expr, sympy.exp):
        return o.exp(_ev(o, expr.args[0], v))
    if isinstance(expr, sympy.erfc):
        return o.erfc(_ev(o, expr.args[0], v))
    raise NotImplementedError(str(expr))


def chain(*exprs):
    """Consecutive equalities E0 = E1 = ... = Ek as one list statement: [E0..E(k-1)] == [E1..Ek]."""
    return [e for e in exprs[:-1]], [e for e in exprs[1:]]


def F(exprs):
    """A list of sympy expressions as a formula on every backend."""
    def g(o, **v):
        if isinstance(o.num(1), sympy.Basic):
            sub = {s: v[s.name] for e in exprs for s in e.free_symbols if s.name in v}
            return [e.xreplace(sub) for e in exprs]
        return [_ev(o, e, v) for e in exprs]
    return g


def F1(expr):
    """One sympy expression as a scalar formula on every backend."""
    f = F([expr])
    return lambda o, **v: f(o, **v)[0]


def eq_chain(*exprs):
    lhs, rhs = chain(*exprs)
    return Equal(F(lhs), F(rhs))


# ----------------------------------------------------------------------------- Lemma 14 proof
_den14 = _T ** R(5, 2) * _D * _s**2
_a14 = lm.lemma14_a(_n, _T, _c, _s)
_b14 = lm.lemma14_b(_n, _T)


def _a14_expansion(Tpow):
    return (-4 * sympy.sqrt(_n) * _T**Tpow * _s**2 + 8 * _n ** R(3, 2) * _T**2 * _s**2 + 16 * sympy.sqrt(_n) * _T**3 * _s**2
            - 64 * _c * _n ** R(5, 2) * _T**3) / _den14


_q = 8 * _n / _T
_b1 = -sympy.sqrt(2) * (3 + 4 * _n / _T) * (_q ** R(1, 2) - _q ** R(3, 2) / 2)
_b2 = -sympy.sqrt(2) * (3 * _q ** R(1, 2) - R(3, 2) * _q ** R(3, 2) + 8 * sympy.sqrt(2) * _n ** R(3, 2) / _T ** R(3, 2)
                        - 32 * sympy.sqrt(2) * _n ** R(5, 2) / _T ** R(5, 2))
_b3 = (-12 * sympy.sqrt(_n) * _T**2 * _D * _s**2 + 48 * _n ** R(3, 2) * _T * _D * _s**2
       - 16 * _n ** R(3, 2) * _T * _D * _s**2 + 64 * _n ** R(5, 2) * _D * _s**2) / _den14


def _b4(Tpow):
    return (-12 * sympy.sqrt(_n) * _T**3 * _s**2 + 24 * _n ** R(3, 2) * _T**2 * _s**2 + 48 * _n ** R(3, 2) * _T**2 * _s**2
            - 96 * _n ** R(5, 2) * _T * _s**2 - 16 * _n ** R(3, 2) * _T**Tpow * _s**2 + 32 * _n ** R(5, 2) * _T * _s**2
            + 64 * _n ** R(5, 2) * _T * _s**2 - 128 * _n ** R(7, 2) * _s**2) / _den14


_L14 = model.lemma14_rhs(None, _s, _c, _n, _T)


def _G_ub_sqrt(printed):
    fn = model.G_ub_printed if printed else model.G_ub

    def g(o, sigma, c, nstar, T):
        return fn(o, sigma, c, nstar, T, o.sqrt(nstar))
    return g


V4 = (sigma_pos, c_pos, nstar, T)

# ----------------------------------------------------------------------------- Lemma 15 proof
_y = _n + 2 * _a**2 * _x**2
_L15 = [
    (1 + _D * _a**2 * _x**2 / _y**2) / (_D / _y + 2) ** 2 / _n**2,
    (4 * _y**2 + 4 * _D * _a**2 * _x**2) / (_D + 2 * _y) ** 2 / (4 * _n**2),
    (1 + (-_D**2 - 4 * _D * _y + 4 * _D * _a**2 * _x**2) / (_D + 2 * _y) ** 2) / (4 * _n**2),
    (1 + _D * (-_D - 4 * _y + 4 * _a**2 * _x**2) / (4 * _a**2 * _x**2 + _T) ** 2) / (4 * _n**2),
    (1 + _D * (-_T - 2 * _n - 4 * _a**2 * _x**2) / (4 * _a**2 * _x**2 + _T) ** 2) / (4 * _n**2),
    1 / (4 * _n**2) - _D / (4 * _n**2) * (1 / (4 * _a**2 * _x**2 + _T) + 2 * _n / (4 * _a**2 * _x**2 + _T) ** 2),
    1 / (4 * _n**2) - _D / (4 * _n**2) * (1 / (4 * _a**2) / (_x**2 + _T / (4 * _a**2))
                                          + 2 * _n / (16 * _a**4) / (_x**2 + _T / (4 * _a**2)) ** 2),
]
# first line: the derivative integrand at n = n* (two alpha^2(1/n* + 1/n*) forms), times -sigma^2
_u1 = 1 + _a**2 * (1 / _n + 1 / _n) * _x**2
_u2 = 1 + 2 * _a**2 / _n * _x**2
_first = [(1 + _D / _u1**2 * _a**2 * _x**2 / _n**2) / (_D / _u1 + _n + _n) ** 2,
          (1 + _D / _u2**2 * _a**2 * _x**2 / _n**2) / (_D / _u2 + 2 * _n) ** 2,
          _L15[0]]

_E = sympy.exp(_T / (8 * _a**2)) * sympy.erfc(sympy.sqrt(_T / (8 * _a**2)))
_k = _s**2 / (4 * _n**2)
_gauss1 = (_c - _k + _k * _D * (2 * _n / (16 * _a**4)) / (_T / (2 * _a**2))
           + _k * _D * (1 / (4 * _a**2) + 2 * _n / (16 * _a**4) * (1 - _T / (4 * _a**2)) / (_T / (2 * _a**2)))
           * _E * sympy.sqrt(sympy.pi / (_T / (2 * _a**2))))
_gauss2 = (_c - _k * (1 - _D * _n / (4 * _a**2 * _T))
           + _k * _D * (1 / (4 * _a**2) + _n / (4 * _a**2 * _T) - _n / (16 * _a**4)) * _E * sympy.sqrt(sympy.pi / (_T / (2 * _a**2))))
_gauss3 = (_c - _k * (1 - _D * _n / (4 * _a**2 * _T))
           + _k * _D * _a * sympy.sqrt(2 * sympy.pi) / sympy.sqrt(_T) * _n / (16 * _a**4)
           * (4 * _a**2 / _T * (_T / _n + 1) - 1) * _E)
_Ea = sympy.sqrt(2 * sympy.pi) * _E * (4 * _a**2 / _T * (_T / _n + 1) - 1)
_pref = -_s**2 * _D / (64 * _a**3 * sympy.sqrt(_T) * _n)
_last_printed = _pref * ((4 * _a**2 / _T * (_T / _n + 1) - 1 - _c * 16 * _a**2 * _T * _n / (_s**2 * _D)) - _Ea)
_last_lemma = _pref * (4 * _a / sympy.sqrt(_T) * (4 * _a**2 * _T / (_D * _n) - 1 - _c * 16 * _a**2 * _T * _n / (_s**2 * _D)) - _Ea)
# Lemma 24 applied with L = T/(4 alpha^2), t = 1/2 (corrected J): the expectation in the last line
_Lg = _T / (4 * _a**2)
_I_half = sympy.exp(_Lg / 2) * sympy.erfc(sympy.sqrt(_Lg / 2)) * sympy.sqrt(sympy.pi / (2 * _Lg))
_J_half = sympy.sqrt(sympy.pi / (2 * _Lg)) * (1 / (2 * _Lg) - R(1, 2)) * sympy.exp(_Lg / 2) * sympy.erfc(sympy.sqrt(_Lg / 2)) \
    + sympy.sqrt(R(1, 2)) / (sympy.sqrt(2) * _Lg)
_gauss0 = _c - _k + _k * _D * (1 / (4 * _a**2) * _I_half + 2 * _n / (16 * _a**4) * _J_half)

V5 = (sigma_pos, c_pos, nstar, T, alpha)

# ----------------------------------------------------------------------------- Lemma 16 proof
_z = _a**2 * _x**2
_L16 = [
    1 / (_D / (_s**2 + _a**2 * (_s**2 / _n + _s**2 / _n) * _x**2) + (_n + _n) / _s**2),
    1 / (_D / (_s**2 + _a**2 * (2 * _s**2 / _n * _x**2)) + 2 * _n / _s**2),
    _s**2 / _n / ((_D / _n + 2 + 4 * _z / _n) / (1 + 2 * _z / _n)),
    _s**2 / _n * (1 + 2 * _z / _n) / (_D / _n + 2 + 4 * _z / _n),
    _s**2 / _n * (R(1, 2) - (_D / _n) / 2 / (_D / _n + 2 + 4 * _z / _n)),
]
_K = 4 * _a**2 / _n
_M = (_D / _n + 2) / _K


def _close(sqrt_arg):
    return (_s**2 / (2 * _n) + _c * _n - _s**2 / (4 * _a**2) * (_D / _n) / 2 * sympy.exp(_M / 2)
            * sympy.erfc(sympy.sqrt(_M / 2)) * sympy.sqrt(sympy.pi / sqrt_arg))


_L16_final = (_s**2 / (2 * _n) - _s**2 / (4 * _a**2) * (_D / _n) / 2 * _E * sympy.sqrt(sympy.pi / (_T / (2 * _a**2))) + _c * _n)
# the expectation E[1/(M + x^2)] by Lemma 24's I(1/2) with L = M
_close0 = (_s**2 / (2 * _n) - _s**2 / _n * (_D / _n) / 2 / _K
           * sympy.exp(_M / 2) * sympy.erfc(sympy.sqrt(_M / 2)) * sympy.sqrt(sympy.pi / (2 * _M)) + _c * _n)

# ----------------------------------------------------------------------------- Lemma 17 proof
_P = -1 + 4 * _T * _a**2 / (_D * _n) - 16 * _c * _n * _T * _a**2 / (_D * _s**2)
_Q = -1 + 4 * (1 + _T / _n) * _a**2 / _T
_root_id = 2 * sympy.sqrt(2 / sympy.pi) * _a * _P / (sympy.sqrt(_T) * _Q)
_star = _D * sympy.sqrt(_a**2 / _T) * _P * _s**2 / (sympy.sqrt(_T) * _a * _Q)
_sub1 = _c * _n + _s**2 / (2 * _n) - _D * sympy.sqrt(_a**2 / _T) * _P * _s**2 / (2 * _n * sympy.sqrt(_T) * _a * _Q)
_sub2 = (2 * _c * _n**2 + _s**2 - _star) / (2 * _n)
_stars = [
    _star,
    -sympy.sqrt(_a**2 / _T) * (-_D * _s**2 + 4 * _T * _a**2 * _s**2 / _n - 16 * _c * _n * _T * _a**2)
    / (-sympy.sqrt(_T) * _a + 4 * (1 + _T / _n) * _a**3 / sympy.sqrt(_T)),
    -_n * sympy.sqrt(_a**2 / _T) * (-_D * _s**2 + 4 * _T * _a**2 * _s**2 / _n - 16 * _c * _n * _T * _a**2)
    / ((-_T * _a * _n + 4 * (_n + _T) * _a**3) / sympy.sqrt(_T)),
    -_a * (-_D * _s**2 * _n + 4 * _T * _a**2 * _s**2 - 16 * _c * _n**2 * _T * _a**2) / (-_T * _a * _n + 4 * (_n + _T) * _a**3),
    _a * (16 * _c * _n**2 * _T * _a**2 + (_D * _n - 4 * _T * _a**2) * _s**2) / (-_n * _T * _a + 4 * (_n + _T) * _a**3),
    _a * (16 * _c * _n**2 * _T * _a**2 + (_n * (-2 * _n + _T) - 4 * _T * _a**2) * _s**2) / (-_n * _T * _a + 4 * (_n + _T) * _a**3),
]


def _at_root_sym(exprs):
    """Evaluate sympy expressions (in sigma, c, nstar, T, alpha) at alpha = alpha_{i,k} (mpmath)."""
    def g(o, sigma, c, u, w):
        ns, TT = model.lemma1_point(o, sigma, c, u, w)
        a = model.alpha_root(o, sigma, c, ns, TT)
        v = {"sigma": sigma, "c": c, "nstar": ns, "T": TT, "alpha": a}
        return [_ev(o, e, v) for e in exprs]
    return g


# ----------------------------------------------------------------------------- Lemmas 18/19 proofs
_B = 2 * _c * _n**2 + _s**2
_N2 = 16 * _c * _n**2 * _T * _a**2 + (_n * (_T - 2 * _n) - 4 * _T * _a**2) * _s**2
_q4 = -_n * _T + 4 * _n * _a**2 + 4 * _T * _a**2


def _lemma18_chain(den, apow):
    """The chain of the proof of Lemma 18 (den = 2cn*T + sigma^2) or Lemma 19 (den = sigma^2);
    ``apow`` is the printed power of alpha in the first line's second denominator (3; correct: 2)."""
    return [
        _T / (_n * den) * model.lemma_ratio_bracket(_n, _T, _c, _s, _a),
        _T * _B / (_n * den) + _T * _N2 / (_n * den * (-_n * _T + 4 * (_n + _T) * _a**apow)),
        _T * ((_n + _T) / _n) * _B / ((_n + _T) * den) + _T * ((_n + _T) / _n) * _N2 / ((_n + _T) * _q4 * den),
        _T * _B / ((_n + _T) * den) + _T**2 / _n * _B / ((_n + _T) * den) + _T * (1 + _T / _n) * _N2 / ((_n + _T) * _q4 * den),
        _T * (2 * _c * _n**2 + 6 * _c * _n * _T + _s**2) / ((_n + _T) * den)
        + (-6 * _c * _n * _T**2 + _T**2 / _n * _B) / ((_n + _T) * den) + _T * (1 + _T / _n) * _N2 / ((_n + _T) * _q4 * den),
    ]


def _rewrite34(den, printed):
    Dl = (_n + _T) * _q4 * den
    t16 = 16 * _c * _n**2 * _T * _a**2 if printed else 16 * _c * _n**2 * _T**2 * _a**2
    nT = _n * _T * _s**2 if printed else _n * _T**2 * _s**2
    return [
        _T * (1 + _T / _n) * _N2 / Dl,
        (1 + _T / _n) * (t16 - 4 * _T**2 * _a**2 * _s**2) / Dl + (1 + _T / _n) * (_T * _n * (_T - 2 * _n) * _s**2) / Dl,
        (1 + _T / _n) * (t16 - 4 * _T**2 * _a**2 * _s**2) / Dl + (_n * _T**2 * _s**2 - 2 * _n**2 * _T * _s**2 + _T**2 * (_T - 2 * _n) * _s**2) / Dl,
        (1 + _T / _n) * (t16 - 4 * _T**2 * _a**2 * _s**2) / Dl + (4 * _c * _n**2 * _T**3 - 2 * _n**2 * _T * _s**2 - nT) / Dl
        + (-4 * _c * _n**2 * _T**3 + _T**3 * _s**2) / Dl,
    ]


def _sum3839(printed):
    """(38)+(39) and its printed expansion (claimed = 0)."""
    t16 = 16 * _c * _n**2 * _T * _a**2 if printed else 16 * _c * _n**2 * _T**2 * _a**2
    s = ((-4 * _c * _n * _T**2 + _T**2 * _s**2 / _n) * _q4 + (1 + _T / _n) * (t16 - 4 * _T**2 * _a**2 * _s**2)
         - 4 * _c * _n**2 * _T**3 + _T**3 * _s**2)
    first = -_c * _n**2 * _T**3 if printed else 4 * _c * _n**2 * _T**3
    expansion = (first - 16 * _c * _n**2 * _T**2 * _a**2 - 16 * _c * _n * _T**3 * _a**2 - _T**3 * _s**2
                 + 4 * _T**2 * _s**2 * _a**2 + 4 * _T**3 * _s**2 * _a**2 / _n + 16 * _c * _n**2 * _T**2 * _a**2
                 - 4 * _T**2 * _a**2 * _s**2 + 16 * _c * _n * _T**3 * _a**2 - 4 * _T**3 * _a**2 * _s**2 / _n
                 - 4 * _c * _n**2 * _T**3 + _T**3 * _s**2)
    return [s, expansion]


def _sub353637(den, printed):
    """Lemma 18/19's left side and the substituted lines (35)+(36)+(37) ((42)+(43)+(44))."""
    Dl = (_n + _T) * _q4 * den
    nT = _n * _T * _s**2 if printed else _n * _T**2 * _s**2
    t16 = 16 * _c * _n**2 * _T * _a**2 if printed else 16 * _c * _n**2 * _T**2 * _a**2
    return (_T / (_n * den) * model.lemma_ratio_bracket(_n, _T, _c, _s, _a),
            _T * (2 * _c * _n**2 + 6 * _c * _n * _T + _s**2) / ((_n + _T) * den)
            + (4 * _c * _n**2 * _T**3 - 2 * _n**2 * _T * _s**2 - nT) / Dl
            + (-6 * _c * _n * _T**2 + _T**2 / _n * _B) / ((_n + _T) * den)
            + (1 + _T / _n) * (t16 - 4 * _T**2 * _a**2 * _s**2) / Dl
            + (-4 * _c * _n**2 * _T**3 + _T**3 * _s**2) / Dl)


def _lemma_claims(num, den, labels, apow):
    L_open, L_rew, L_sub, L_sum = labels
    l33, l34 = ("33", "34") if num == 18 else ("40", "41")
    opening = dict(
        id=f"cczk.lemma{num}-proof-opening", label=L_open, section="G", kind="identity",
        latex=r"\frac{T}{n^*(\dots)}(\dots)=\frac{T(2c(n^*)^2+\sigma^2)}{n^*(\dots)}+\frac{T(16c(n^*)^2T\alpha^2+\dots)}"
              r"{n^*(\dots)(-n^*T+4(n^*+T)\alpha^" + str(apow) + r")}=\dots=(" + l33 + ")+(" + l34 + ")",
        statement=eq_chain(*_lemma18_chain(den, apow)),
        variables=V5, given=(D_POSITIVE,))
    if apow != 2:
        opening["erratum"] = Erratum(
            corrected=eq_chain(*_lemma18_chain(den, 2)),
            corrected_latex=r"\dots+\frac{T(16c(n^*)^2T\alpha^2+\dots)}{n^*(\dots)(-n^*T+4(n^*+T)\alpha^2)}",
            explanation="Cancelling alpha from alpha(...)/(-n*T alpha + 4(n*+T) alpha^3) leaves "
                        "-n*T + 4(n*+T) alpha^2, not alpha^3 (the next line uses 4n* alpha^2 + 4T alpha^2, and the "
                        "same step in the proof of Lemma 19 prints alpha^2). sympy proves the corrected chain.")
    l3 = ("35", "36", "37") if num == 18 else ("42", "43", "44")
    return (
        Claim(**opening),
        Claim(
            id=f"cczk.lemma{num}-proof-rewrite", label=L_rew, section="G", kind="identity",
            latex=r"(" + l34 + r")=\frac{(1+T/n^*)(16c(n^*)^2T\alpha^2-4T^2\alpha^2\sigma^2)}{\Delta}+\dots"
                  r"+\frac{4c(n^*)^2T^3-2(n^*)^2T\sigma^2-n^*T\sigma^2}{\Delta}+\frac{-4c(n^*)^2T^3+T^3\sigma^2}{\Delta}",
            statement=eq_chain(*_rewrite34(den, True)),
            erratum=Erratum(
                corrected=eq_chain(*_rewrite34(den, False)),
                corrected_latex=r"\dots\frac{(1+T/n^*)(16c(n^*)^2T^2\alpha^2-4T^2\alpha^2\sigma^2)}{\Delta}\dots"
                                r"+\frac{4c(n^*)^2T^3-2(n^*)^2T\sigma^2-n^*T^2\sigma^2}{\Delta}\dots",
                explanation="Distributing T over 16c(n*)^2 T alpha^2 gives 16c(n*)^2 T^2 alpha^2 (a T is dropped), and "
                            "the split of n*T^2 sigma^2 - 2(n*)^2 T sigma^2 + T^2(T-2n*)sigma^2 needs -n*T^2 sigma^2 "
                            "(as in the statement of Lemma " + str(num) + "), not -n*T sigma^2. sympy proves the corrected chain."),
            variables=V5, given=(D_POSITIVE,),
        ),
        Claim(
            id=f"cczk.lemma{num}-proof-substituted", label=L_sub, section="G", kind="identity",
            latex=r"(" + l33 + ")+(" + l34 + ")=(" + l3[0] + ")+(" + l3[1] + ")+(" + l3[2] + r")\ \text{(with the rewrite of ("
                  + l34 + r")), and Lemma " + str(num) + r"\iff(" + l3[0] + r")\text{'s last term}+(" + l3[1] + ")+(" + l3[2] + ")=0",
            statement=Equal(F([_sub353637(den, True)[0]]), F([_sub353637(den, True)[1]])),
            erratum=Erratum(
                corrected=Equal(F([_sub353637(den, False)[0]]), F([_sub353637(den, False)[1]])),
                corrected_latex=r"\text{the same lines with }-n^*T^2\sigma^2\text{ and }16c(n^*)^2T^2\alpha^2",
                explanation="Inherits the two dropped factors T of the rewrite of (" + l34 + "); with them restored "
                            "the substituted lines equal the left side of Lemma " + str(num) + " (sympy)."),
            variables=V5, given=(D_POSITIVE,),
        ),
        Claim(
            id=f"cczk.lemma{num}-proof-sum", label=L_sum, section="G", kind="identity",
            latex=r"(" + ("38)+(39" if num == 18 else "45)+(46") + r")=0\ \text{with }(" + ("39" if num == 18 else "46")
                  + r")=(1+T/n^*)(16c(n^*)^2T\alpha^2-4T^2\alpha^2\sigma^2)-4c(n^*)^2T^3+T^3\sigma^2",
            statement=Equal(F1(_sum3839(True)[0]), 0),
            erratum=Erratum(
                corrected=Equal(F1(_sum3839(False)[0]), 0),
                corrected_latex=r"\text{with }(1+T/n^*)(16c(n^*)^2T^2\alpha^2-4T^2\alpha^2\sigma^2)\text{ in }("
                                + ("39" if num == 18 else "46") + r")",
                explanation="(" + ("39" if num == 18 else "46") + ") inherits 16c(n*)^2 T alpha^2 from the rewrite of ("
                            + l34 + "); with it the sum is 16c n* T alpha^2 (n* + T - n*T - T^2) != 0. With "
                            "16c(n*)^2 T^2 alpha^2 (as the expansion printed below it uses) the sum is 0 (sympy)."),
            variables=V5, given=(D_POSITIVE,),
        ),
        Claim(
            id=f"cczk.lemma{num}-proof-sum-expansion", label=L_sum, section="G", kind="identity",
            latex=r"(" + ("38)+(39" if num == 18 else "45)+(46") + r")=-c(n^*)^2T^3-16c(n^*)^2T^2\alpha^2-16cn^*T^3\alpha^2-\dots"
                  r"-4c(n^*)^2T^3+T^3\sigma^2=0",
            statement=Equal(F1(_sum3839(True)[1]), 0),
            erratum=Erratum(
                corrected=Equal(F1(_sum3839(False)[1]), 0),
                corrected_latex=r"(\dots)=+4c(n^*)^2T^3-16c(n^*)^2T^2\alpha^2-\dots-4c(n^*)^2T^3+T^3\sigma^2=0",
                explanation="The first term of the expansion, (-4c n* T^2)(-n* T), is +4c(n*)^2 T^3, not -c(n*)^2 T^3; "
                            "as printed the expansion equals -5c(n*)^2 T^3 != 0, corrected it is 0 (sympy), and it equals "
                            "the corrected (" + ("38)+(39" if num == 18 else "45)+(46") + ")."),
            variables=V5, given=(D_POSITIVE,),
        ),
    )


CLAIMS = (
    # --- Lemma 14
    Claim(
        id="cczk.lemma14-proof-ab", label="proof of Lemma 14, terms (a) and (b)", section="G", kind="identity",
        latex=r"G(\sqrt{n^*})_{UB}=(a)+(b),\ (a)=\frac{4\sqrt{n^*}}{\sqrt T}\Big(-1+\frac{4T}{T-2n^*}-\frac{16c(n^*)^2T}{(T-2n^*)\sigma^2}\Big),"
              r"\ (b)=-\sqrt2\Big(-1+4(1+\frac{T}{n^*})\frac{n^*}{T}\Big)\Big((\frac{8n^*}{T})^{1/2}-\frac12(\frac{8n^*}{T})^{3/2}\Big)",
        statement=Equal(_G_ub_sqrt(True), F([_a14 + _b14])),
        erratum=Erratum(
            corrected=Equal(_G_ub_sqrt(False), F([_a14 + _b14])),
            corrected_latex=r"G(\sqrt{n^*})_{UB}=(a)+(b)\ \text{with } G_{UB}\text{ of (12) corrected (cost term over }T-2n^*)",
            explanation="Inherited from eq. (12): (a) has T - 2n* in the cost-term denominator, (12) as printed "
                        "(T - 2n*)^2; the step holds with the corrected (12) (sympy) and fails whenever T - 2n* != 1."),
        variables=V4, given=(D_POSITIVE,),
    ),
    Claim(
        id="cczk.lemma14-proof-a", label="proof of Lemma 14, expansion of (a)", section="G", kind="identity",
        latex=r"(a)=\frac{-4(n^*)^{1/2}T^2\sigma^2+8(n^*)^{3/2}T^2\sigma^2+16(n^*)^{1/2}T^3\sigma^2-64c(n^*)^{5/2}T^3}{T^{5/2}(T-2n^*)\sigma^2}",
        statement=Equal(F([_a14]), F([_a14_expansion(2)])),
        erratum=Erratum(
            corrected=Equal(F([_a14]), F([_a14_expansion(3)])),
            corrected_latex=r"(a)=\frac{-4(n^*)^{1/2}T^3\sigma^2+8(n^*)^{3/2}T^2\sigma^2+16(n^*)^{1/2}T^3\sigma^2-64c(n^*)^{5/2}T^3}{T^{5/2}(T-2n^*)\sigma^2}",
            explanation="Over the common denominator T^{5/2}(T-2n*)sigma^2 the -1 of (a) becomes "
                        "-4(n*)^{1/2}T^2(T-2n*)sigma^2 = -4(n*)^{1/2}T^3 sigma^2 + 8(n*)^{3/2}T^2 sigma^2: the first term "
                        "has T^3, not T^2. Only with T^3 do the (n*)^{1/2}T^3 terms of (a)+(b) cancel (-4+16-12 = 0) "
                        "and the sum equal Lemma 14 (cczk.lemma14-proof-sum, sympy).",
            region=(n_small, T_far)),
        variables=V4, given=(D_POSITIVE,),
    ),
    Claim(
        id="cczk.lemma14-proof-b", label="proof of Lemma 14, expansion of (b)", section="G", kind="identity",
        latex=r"(b)=-\sqrt2(3+\frac{4n^*}{T})(\dots)=\dots=\frac{-12(n^*)^{1/2}T^3\sigma^2+\dots-16(n^*)^{3/2}T(T)^2\sigma^2+\dots"
              r"-128(n^*)^{7/2}\sigma^2}{T^{5/2}(T-2n^*)\sigma^2}",
        statement=eq_chain(_b14, _b1, _b2, _b3, _b4(3)),
        erratum=Erratum(
            corrected=eq_chain(_b14, _b1, _b2, _b3, _b4(2)),
            corrected_latex=r"\dots-16(n^*)^{3/2}T^2\sigma^2\dots\ (\text{from }-16(n^*)^{3/2}T(T-2n^*)\sigma^2)",
            explanation="Expanding -16(n*)^{3/2}T(T-2n*)sigma^2 gives -16(n*)^{3/2}T^2 sigma^2 + 32(n*)^{5/2}T sigma^2; the "
                        "last line prints -16(n*)^{3/2}T(T)^2 sigma^2 = T^3. Only with T^2 does (a)+(b) sum to Lemma 14's "
                        "closed form (cczk.lemma14-proof-sum, sympy).",
            region=(n_small, T_far)),
        variables=V4, given=(D_POSITIVE,),
    ),
    Claim(
        id="cczk.lemma14-proof-sum", label="proof of Lemma 14, sum", section="G", kind="identity",
        latex=r"(a)+(b)=-\frac{64(n^*)^{3/2}(cn^*T^3+(2(n^*)^2-T^2)\sigma^2)}{T^{5/2}(T-2n^*)\sigma^2}",
        statement=Equal(F([_a14_expansion(3) + _b4(2)]), F([_L14])), variables=V4, given=(D_POSITIVE,),
        notes="(a) and (b) in their final expanded forms, both with their typos corrected ((a): T^3; (b): T^2).",
    ),
    # --- Lemma 15
    Claim(
        id="cczk.lemma15", label="Lemma 15", section="G", kind="identity",
        latex=r"\frac{\partial p_i}{\partial n_{i,k}}(n^*)=-\frac{\sigma^2D}{64\alpha^3\sqrt T n^*}\Big[\frac{4\alpha}{\sqrt T}(\dots)"
              r"-e^{T/(8\alpha^2)}\Big(\frac{4\alpha^2}{T}\Big(\frac{T}{n^*}+1\Big)-1\Big)\sqrt{2\pi}\,\mathrm{Erfc}\Big(\sqrt{\frac{T}{8\alpha^2}}\Big)\Big]",
        statement=Equal(model.dpdn_quad, model.lemma15_rhs),
        variables=(Var("sigma", Real(0.2, 5.0, log=True)), Var("c", Real(0.01, 5.0, log=True)),
                   Var("nstar", Real(0.2, 20.0, log=True)), Var("T", Real(1.0, 400.0, log=True)),
                   Var("alpha", Real(0.2, 20.0, log=True))),
        given=(D_POSITIVE,), symbolic=None, effort=QUAD,
        notes="Left: 2 int_0^inf dl/dn(n*, x) phi(x) dx + c by quadrature (differentiation under the integral, "
              "justified by dominated convergence; dl/dn itself is checked symbolically in "
              "cczk.H2-convexity-second-form, and mpmath.diff of the quadrature of E_x[l] is compared in "
              "tests/test_cczk_lemmas.py); right: the lemma (G with alpha^2 in the Erfc coefficient).",
    ),
    Claim(
        id="cczk.lemma15-proof-first-line", label="proof of Lemma 15, first line", section="G", kind="identity",
        latex=r"\frac{1+\frac{D}{(1+\alpha^2(\frac1{n^*}+\frac1{n^*})x^2)^2}\frac{\alpha^2x^2}{(n^*)^2}}{(\frac{D}{1+\dots}+n^*+n^*)^2}"
              r"=\frac{1+\frac{D}{(1+\frac{2\alpha^2}{n^*}x^2)^2}\frac{\alpha^2x^2}{(n^*)^2}}{(\frac{D}{1+\frac{2\alpha^2}{n^*}x^2}+2n^*)^2}"
              r"=\frac1{(n^*)^2}\frac{1+\frac{D\alpha^2x^2}{(n^*+2\alpha^2x^2)^2}}{(\frac{D}{n^*+2\alpha^2x^2}+2)^2}",
        statement=eq_chain(*_first), variables=(nstar, T, alpha, xvar), given=(D_POSITIVE,),
        notes="The integrands (times -sigma^2, inside E_x) of the first line, pointwise in x; that the first "
              "integrand is dl/dn at n = n* is cczk.H2-convexity-second-form, and E_x of it + c equals the "
              "lemma by cczk.lemma15 (quadrature).",
    ),
    Claim(
        id="cczk.lemma15-proof-rational", label="proof of Lemma 15, rational simplification", section="G", kind="identity",
        latex=r"\frac1{(n^*)^2}\frac{1+\dots}{(\dots+2)^2}=\frac{1}{4(n^*)^2}\frac{4(n^*+2\alpha^2x^2)^2+4D\alpha^2x^2}{(D+2(n^*+2\alpha^2x^2))^2}"
              r"=\dots=\frac1{4(n^*)^2}-\frac{D}{4(n^*)^2}\Big(\frac{1/(4\alpha^2)}{x^2+T/(4\alpha^2)}+\frac{2n^*/(16\alpha^4)}{(x^2+T/(4\alpha^2))^2}\Big)",
        statement=eq_chain(*_L15), variables=(nstar, T, alpha, xvar), given=(D_POSITIVE,),
        notes="Every displayed line, as integrands pointwise in x (the common factor -sigma^2 and +c dropped).",
    ),
    Claim(
        id="cczk.lemma15-proof-gaussian", label="proof of Lemma 15, Gaussian integrals", section="G", kind="identity",
        latex=r"c-\frac{\sigma^2}{4(n^*)^2}+\frac{\sigma^2}{4(n^*)^2}D\,\mathbb E[\dots]=c-\frac{\sigma^2}{4(n^*)^2}+\dots"
              r"=c-\frac{\sigma^2}{4(n^*)^2}\Big(1-\frac{Dn^*}{4\alpha^2T}\Big)+\frac{\sigma^2D}{4(n^*)^2}\Big(\frac1{4\alpha^2}+\frac{n^*}{4\alpha^2T}"
              r"-\frac{n^*}{16\alpha^4}\Big)e^{T/(8\alpha^2)}\mathrm{Erfc}(\dots)\sqrt{\frac{\pi}{T/(2\alpha^2)}}",
        statement=eq_chain(_gauss0, _gauss1, _gauss2, _gauss3),
        variables=V5, given=(D_POSITIVE,),
        notes="First: the expectation by Lemma 24 (I(1/2), corrected J(1/2)) with L = T/(4 alpha^2); the "
              "quadrature check of the whole derivative is cczk.lemma15. Includes the next display's first line.",
    ),
    Claim(
        id="cczk.lemma15-proof-last-display", label="proof of Lemma 15, last lines", section="G", kind="identity",
        latex=r"\dots=-\frac{\sigma^2D}{64\alpha^3\sqrt Tn^*}\Big(\frac{4\alpha^2}{T}\Big(\frac{T}{n^*}+1\Big)-1-c\frac{16\alpha^2Tn^*}{\sigma^2D}\Big)"
              r"-e^{T/(8\alpha^2)}\Big(\frac{4\alpha^2}{T}\Big(\frac{T}{n^*}+1\Big)-1\Big)\sqrt{2\pi}\mathrm{Erfc}(\dots)",
        statement=Equal(F([_gauss3]), F([_last_printed])),
        erratum=Erratum(
            corrected=Equal(F([_gauss3]), F([_last_lemma])),
            corrected_latex=r"\dots=-\frac{\sigma^2D}{64\alpha^3\sqrt Tn^*}\Big(\frac{4\alpha}{\sqrt T}\Big(\frac{4\alpha^2T}{Dn^*}-1-c\frac{16\alpha^2Tn^*}"
                            r"{\sigma^2D}\Big)-e^{T/(8\alpha^2)}(\dots)\sqrt{2\pi}\mathrm{Erfc}(\dots)\Big)",
            explanation="The last display's first bracket repeats the Erfc coefficient (4alpha^2/T)(T/n*+1)-1 instead of "
                        "(4 alpha/sqrt T)(4 alpha^2 T/(D n*) - 1 - ...), the bracket of Lemma 15's statement and of G; "
                        "the latter is what the previous line equals (sympy), and what the quadrature derivative "
                        "matches (cczk.lemma15)."),
        variables=V5, given=(D_POSITIVE,),
    ),
    # --- Lemma 16
    Claim(
        id="cczk.lemma16", label="Lemma 16", section="G", kind="identity",
        latex=r"p_{i,k}(M_{CBL},s^*)=\frac{\sigma^2}{2n^*}-\frac{\sigma^2}{4\alpha^2}\frac{D/n^*}{2}e^{T/(8\alpha^2)}"
              r"\mathrm{Erfc}\Big(\sqrt{\frac{T}{8\alpha^2}}\Big)\sqrt{\frac{\pi}{T/(2\alpha^2)}}+cn^*",
        statement=Equal(lm.penalty_quad, model.lemma16_rhs),
        variables=(Var("sigma", Real(0.2, 5.0, log=True)), Var("c", Real(0.01, 5.0, log=True)),
                   Var("nstar", Real(0.2, 20.0, log=True)), Var("T", Real(1.0, 400.0, log=True)),
                   Var("alpha", Real(0.2, 20.0, log=True))),
        given=(D_POSITIVE,), symbolic=None, effort=QUAD,
        notes="Left: the penalty of the proof of Lemma 3 at n = n* (E_x[1/(D/(sigma^2+alpha^2(2sigma^2/n*)x^2)"
              " + 2n*/sigma^2)] + c n*) by quadrature. Holds for every alpha (alpha_{i,k} is not used).",
    ),
    Claim(
        id="cczk.lemma16-proof-reduction", label="proof of Lemma 16, reduction", section="G", kind="identity",
        latex=r"\frac1{\frac{D}{\sigma^2+\alpha^2(\frac{\sigma^2}{n^*}+\frac{\sigma^2}{n^*})x^2}+\frac{2n^*}{\sigma^2}}=\dots"
              r"=\frac{\sigma^2}{n^*}\Big(\frac12-\frac{D/n^*}{2}\frac1{D/n^*+2+4\alpha^2x^2/n^*}\Big)",
        statement=eq_chain(*_L16), variables=(sigma_pos, nstar, T, alpha, xvar), given=(D_POSITIVE,),
        notes="The integrands of every displayed line, pointwise in x.",
    ),
    Claim(
        id="cczk.lemma16-proof-closing", label="proof of Lemma 16, closing lines", section="G", kind="identity",
        latex=r"\dots=\frac{\sigma^2}{2n^*}+cn^*-\frac{\sigma^2}{4\alpha^2}\frac{D/n^*}2\exp\Big(\frac{D/n^*+2}{2(4\alpha^2/n^*)}\Big)"
              r"\mathrm{Erfc}(\dots)\sqrt{\frac{\pi}{2(4\alpha^2/n^*)}}=\frac{\sigma^2}{2n^*}-\dots\sqrt{\frac{\pi}{T/(2\alpha^2)}}+cn^*",
        statement=eq_chain(_close0, _close(2 * _K), _L16_final),
        erratum=Erratum(
            corrected=eq_chain(_close0, _close(2 * _M), _L16_final),
            corrected_latex=r"\dots\sqrt{\frac{\pi}{2\,\frac{D/n^*+2}{4\alpha^2/n^*}}}\dots",
            explanation="Lemma 24 with L = (D/n*+2)/(4alpha^2/n*) and t = 1/2 gives the factor sqrt(pi/(2L)); the "
                        "middle line prints sqrt(pi/(2(4alpha^2/n*))), dropping (D/n*+2). The last line (= Lemma 16) "
                        "has the right factor sqrt(pi/(T/(2alpha^2))) = sqrt(pi/(2L)). Confirmed by quadrature of "
                        "Lemma 16 (cczk.lemma16) and sympy."),
        variables=(sigma_pos, c_pos, nstar, T, alpha), given=(D_POSITIVE,),
        notes="First expression: the previous line with E[1/(L + x^2)] = I(1/2) of Lemma 24.",
    ),
    # --- Lemma 17
    Claim(
        id="cczk.lemma17-proof-root", label="proof of Lemma 17, root identity", section="G", kind="identity",
        latex=r"G(\alpha)=0\Rightarrow e^{T/(8\alpha^2)}\mathrm{Erfc}\Big(\sqrt{\frac T{8\alpha^2}}\Big)=\frac{2\sqrt{2/\pi}\,\alpha(-1+\frac{4T\alpha^2}{Dn^*}"
              r"-\frac{16cn^*T\alpha^2}{D\sigma^2})}{\sqrt T(-1+4(1+T/n^*)\alpha^2/T)}",
        statement=Equal(_at_root_sym([_E]), _at_root_sym([_root_id])),
        variables=(sigma, c, u, w), symbolic=None,
        notes="At alpha = alpha_{i,k} (root of G, corrected eq. (11)); n* = u n^IND, T = w (n^IND)^2/n*.",
    ),
    Claim(
        id="cczk.lemma17-proof-substitution", label="proof of Lemma 17, substitution", section="G", kind="identity",
        latex=r"p_{i,k}=cn^*+\frac{\sigma^2}{2n^*}-\frac{D\sqrt{\alpha^2/T}(\dots)\sigma^2}{2n^*\sqrt T\alpha(\dots)}=\frac1{2n^*}(2c(n^*)^2+\sigma^2-(*))",
        statement=Equal(_at_root_sym([_L16_final, _sub1]), _at_root_sym([_sub1, _sub2])),
        variables=(sigma, c, u, w), symbolic=None,
        notes="Lemma 16's closed form at alpha = alpha_{i,k}, with the root identity substituted.",
    ),
    Claim(
        id="cczk.lemma17-proof-star", label="proof of Lemma 17, (*) chain", section="G", kind="identity",
        latex=r"(*)=\frac{-\sqrt{\alpha^2/T}(-D\sigma^2+\dots)}{-\sqrt T\alpha+\dots}=\dots=\frac{\alpha(16c(n^*)^2T\alpha^2+(n^*(-2n^*+T)-4T\alpha^2)\sigma^2)}"
              r"{-n^*T\alpha+4(n^*+T)\alpha^3}",
        statement=eq_chain(*_stars),
        erratum=Erratum(
            corrected=eq_chain(-_stars[0], *_stars[1:]),
            corrected_latex=r"-(*)=\frac{-\sqrt{\alpha^2/T}(-D\sigma^2+\dots)}{-\sqrt T\alpha+\dots}=\dots=\frac{\alpha(\dots)}{-n^*T\alpha+4(n^*+T)\alpha^3},"
                            r"\ p_{i,k}=\frac{1}{2n^*}(2c(n^*)^2+\sigma^2+\dots)",
            explanation="D P sigma^2 = -D sigma^2 + 4T alpha^2 sigma^2/n* - 16 c n* T alpha^2 and sqrt(T) alpha Q = -sqrt(T) alpha "
                        "+ 4(1+T/n*) alpha^3/sqrt(T), so (*) equals the first displayed fraction WITHOUT its leading minus. "
                        "The chain therefore computes -(*), and the lemma follows from p = (2c(n*)^2 + sigma^2 - (*))/(2n*) "
                        "with -(*) = the final fraction; Lemma 17 itself is right (cczk.lemma17, and quadrature of "
                        "Lemma 16 in cczk.lemma16). The other links hold (sympy)."),
        variables=V5, given=(D_POSITIVE,),
    ),
) + _lemma_claims(18, 2 * _c * _n * _T + _s**2,
                  ("proof of Lemma 18, opening lines", "proof of Lemma 18, rewrite of (34)", "(35), (36), (37)", "(38), (39)"), 3) \
  + _lemma_claims(19, _s**2,
                  ("proof of Lemma 19, opening lines", "proof of Lemma 19, rewrite of (41)", "(42), (43), (44)", "(45), (46)"), 2)

CLAIMS = tuple(c if c.effort is not None else replace(c, effort=ALG) for c in CLAIMS)
