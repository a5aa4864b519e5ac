"""cck formulas ``f(o, ...)`` as printed: eq. (11) by quadrature, §2 instances by exact brute force,
and the §5 mechanism (d_i, W, eqs. (14)-(16), App. A/B) as sympy-friendly expressions.

Instances of §2 (algorithmic claims): buyer j has error valuation family FAMILIES[floor(kind_j)]
with scale tau_j; v_j(m) = v_j^d(m) of eq. (11) (numpy closed form, then an *exact* Fraction, so
that the valuations are data shared by the numpy and the exact routes).  These formulas evaluate
only with the mpmath backend (they compare and take argmax); other backends raise
NotImplementedError, which the engine treats as "no certificate".
"""
from __future__ import annotations

import math
from fractions import Fraction
from functools import lru_cache

import sympy

from verify.evaluate import tree as _tree

from . import exact, valuations

GRID = 4  # grid valuations floor(K v)/K for the all-curves brute force of Lemma 1


# ----------------------------------------------------------------------------- eq. (11)

def vd_integral(o, sigma, m, tau, fam):
    """eq. (11): v^d(m) = E[v^e(|mu_hat - mu|)] = int_0^inf v^e(x) 2 phi(x; s) dx, s = sigma/sqrt(m)
    (mu_hat - mu ~ N(0, s^2) for every mu, so the infimum is attained everywhere)."""
    if o.name != "mpmath":
        raise NotImplementedError("quadrature is evaluated with mpmath only")
    ctx = o.ctx
    s = sigma / ctx.sqrt(m)
    dens = lambda x: 2 * ctx.exp(-x**2 / (2 * s**2)) / (s * ctx.sqrt(2 * ctx.pi))
    name = valuations.FAMILIES[fam]
    end = max(tau, 30 * s)  # the half-normal density is below 1e-190 of its peak beyond 30 s
    if name == "threshold":
        return ctx.quad(dens, [0, tau])
    if name == "gaussian":
        return ctx.quad(lambda x: ctx.exp(-x**2 / (2 * tau**2)) * dens(x), [0, tau, end])
    if name == "laplace":
        return ctx.quad(lambda x: ctx.exp(-x / tau) * dens(x), [0, tau, end])
    return ctx.quad(lambda x: (1 - x / tau) * dens(x), [0, tau])  # tent


def vd_closed(o, sigma, m, tau):
    """The closed forms of v^d(m) (module valuations), as a list over the four families."""
    s = sigma / o.sqrt(m)
    x = s / (tau * o.sqrt(o.num(2)))
    y = tau / (s * o.sqrt(o.num(2)))
    return [o.erf(y),
            tau / o.sqrt(tau**2 + s**2),
            o.exp(x**2) * o.erfc(x),
            o.erf(y) - (1 - o.exp(-y**2)) / (y * o.sqrt(o.pi))]


# ----------------------------------------------------------------------------- §2 instances

def _floats(o, *xs):
    if o.name != "mpmath":
        raise NotImplementedError("algorithmic formulas are evaluated with mpmath only")
    out = []
    for x in xs:
        out.append(tuple(float(t) for t in x) if isinstance(x, (list, tuple)) else float(x))
    return out


@lru_cache(maxsize=256)
def table(kind, tau, sigma, nmax, grid=False):
    fams = [valuations.FAMILIES[min(int(k), 3)] for k in kind]
    V = valuations.quantity_table(fams, list(tau), sigma, nmax)
    if grid:
        V = [[math.floor(GRID * x) / GRID for x in row] for row in V]
    return exact.table(V)


def top(B, c1):
    return math.floor(Fraction(B) / Fraction(c1))


def _inst(o, kind, tau, sigma, c1):
    kind, tau, sigma, c1 = _floats(o, kind, tau, sigma, c1)
    return table(kind, tau, sigma, top(len(tau), c1)), Fraction(c1)


def q_out(o, x):
    return o.num(x) if not isinstance(x, Fraction) else o.num(x.numerator) / o.num(x.denominator)


def rev_opt(o, kind, tau, sigma, N):
    kind, tau, sigma = _floats(o, kind, tau, sigma)
    return q_out(o, exact.rev_opt(table(kind, tau, sigma, N), N)[0])


def rev_bar_of_step(o, kind, tau, sigma, N):
    """rev-bar(N, q) for the step curve q of the proof of Lemma 1 built on the best scheme."""
    kind, tau, sigma = _floats(o, kind, tau, sigma)
    V = table(kind, tau, sigma, N)
    _, m, p = exact.rev_opt(V, N)
    return q_out(o, exact.rev_bar(V, exact.step_curve(m, p, N), N))


def purchases_vs_alloc(o, kind, tau, sigma, N):
    """(m~_j(N, q) for the step curve, m_j of the best scheme), as two lists."""
    kind, tau, sigma = _floats(o, kind, tau, sigma)
    V = table(kind, tau, sigma, N)
    _, m, p = exact.rev_opt(V, N)
    return [o.num(x) for x in exact.purchase(V, exact.step_curve(m, p, N), N)], [o.num(x) for x in m]


def curve_scheme(o, kind, tau, sigma, N, qraw):
    """§2.2: (rev of the scheme m_j = m~_j, p_j = q(m_j) if it is IRB+EFB else -1, rev-bar(N, q))."""
    kind, tau, sigma, qraw = _floats(o, kind, tau, sigma, qraw)
    V = table(kind, tau, sigma, N)
    q = (Fraction(0),) + tuple(Fraction(x) for x in qraw[:N])
    m = exact.purchase(V, q, N)
    p = tuple(q[x] for x in m)
    lhs = sum(p, Fraction(0)) if exact.is_envy_free(V, m, p) else Fraction(-1)
    return q_out(o, lhs), q_out(o, exact.rev_bar(V, q, N))


def rev_opt_grid(o, kind, tau, sigma, N):
    kind, tau, sigma = _floats(o, kind, tau, sigma)
    return q_out(o, exact.rev_opt(table(kind, tau, sigma, N, True), N)[0])


def rev_bar_opt_grid(o, kind, tau, sigma, N):
    kind, tau, sigma = _floats(o, kind, tau, sigma)
    return q_out(o, exact.rev_bar_opt_grid(table(kind, tau, sigma, N, True), N, GRID)[0])


def opt_eq1(o, kind, tau, sigma, c1, c2):
    """eq. (1) over two contributors (costs c1 <= c2), amounts up to floor(|B|/c1)."""
    V, c1f = _inst(o, kind, tau, sigma, c1)
    (c2f,) = _floats(o, c2)
    return q_out(o, exact.opt_eq1(V, (c1f, Fraction(c2f)), top(len(V), c1f)))


def opt_eq3(o, kind, tau, sigma, c1):
    V, c1f = _inst(o, kind, tau, sigma, c1)
    return q_out(o, exact.opt_eq3(V, c1f, top(len(V), c1f)))


def alg1_profit(o, kind, tau, sigma, c1, include_zero=False):
    V, c1f = _inst(o, kind, tau, sigma, c1)
    Np, _, _, profits = exact.algorithm1(V, c1f, include_zero)
    return q_out(o, profits[Np])


def alg1_output(o, kind, tau, sigma, c1):
    """[N+, m_1+, ..., q_1+, ..., profit_{N+}] of Algorithm 1 (exact route)."""
    V, c1f = _inst(o, kind, tau, sigma, c1)
    Np, m, q, profits = exact.algorithm1(V, c1f)
    return [o.num(Np)] + [o.num(x) for x in m] + [q_out(o, x) for x in q] + [q_out(o, profits[Np])]


def ne_profile_profit(o, kind, tau, sigma, c1, c2, with_zero):
    """Proof of Theorem 4: max over amounts with >= 2 collectors (N_1, N_2 >= 1) of
    rev^OPT(N_1 + N_2) - c_1 N_1 - c_2 N_2; ``with_zero`` also admits the all-zero profile
    (a Nash equilibrium of the trivial mechanism, profit 0)."""
    kind, tau, sigma, c1, c2 = _floats(o, kind, tau, sigma, c1, c2)
    c1f, c2f = Fraction(c1), Fraction(c2)
    T = top(len(tau), c1f)
    V = table(kind, tau, sigma, T + 1)
    vals = [exact.rev_opt(V, a + b)[0] - c1f * a - c2f * b
            for a in range(1, T + 1) for b in range(1, T + 1) if a + b <= T + 1]
    if with_zero:
        vals.append(Fraction(0))
    return q_out(o, max(vals))


# ----------------------------------------------------------------------------- §5 mechanism

sigma, c1, c2, Np, q, Q, Bn, D, n, mu = sympy.symbols(
    "sigma c1 c2 Np q Q Bn D n mu", real=True)
_pos = dict(real=True, positive=True)
sigma, c1, c2, Np, Bn, n = (sympy.Symbol(s, **_pos) for s in ("sigma", "c1", "c2", "Np", "Bn", "n"))
q, Q = (sympy.Symbol(s, real=True, nonnegative=True) for s in ("q", "Q"))
D, mu = sympy.Symbol("D", real=True), sympy.Symbol("mu", real=True)

N1, N2 = Np - 1, sympy.Integer(1)  # eq. (13)
Nst = (N1, N2)
Nm = (N2, N1)  # N_{-i}^* = N^+ - N_i^*
cst = (c1, c2)
d = tuple(cst[i] * Nst[i] ** 2 / sigma**2 for i in range(2))  # d_i = c_i (N_i^*)^2 / sigma^2
W = Q - c1 * (Np - 1) - c2
MOM = tuple(sigma**2 / Nst[i] + sigma**2 / Nm[i] for i in range(2))  # E[(mu_hat(Y_i) - mu_hat(Y_-i))^2]


def bonus_price(i, qj=q):
    """The indicator-weighted term of eq. (14) for contributor i (|Y_i| = N_i^*)."""
    return qj * Nst[i] / Np + d[i] / Bn * sigma**2 / Nm[i] + d[i] / Bn * sigma**2 / Nst[i]


def price(qj=q):
    """eq. (14) with both sizes as instructed; D = mu_hat(Y_1) - mu_hat(Y_2)."""
    return sum(bonus_price(i, qj) for i in range(2)) - sum(d[i] / Bn * D**2 for i in range(2))


def bonus_pay(i):
    return W * Nst[i] / Np + cst[i] * Nst[i] + d[i] * sigma**2 / Nm[i] + d[i] * sigma**2 / Nst[i]


def payment(i):
    """eq. (15) for i in {1, 2} (0-based), both sizes as instructed."""
    return bonus_pay(i) - d[i] * D**2


EXPECTED_PRICE_16 = sum(bonus_price(i) for i in range(2)) - sum(d[i] / Bn * MOM[i] for i in range(2))
EXPECTED_PAY = [bonus_pay(i) - d[i] * MOM[i] for i in range(2)]
IRC_LINE1 = [bonus_pay(i) - cst[i] * Nst[i] - d[i] * MOM[i] for i in range(2)]
IRC_LINE2_PRINTED = [bonus_pay(i) - cst[i] * Nst[i] - d[i] * (d[i] * MOM[i]) for i in range(2)]


def lemma9_utility(i, ni):
    """Proof of Lemma 9: u(n_i) = bonus - c_i n_i - d_i sigma^2/n_i - d_i sigma^2/N_{-i}^*."""
    return bonus_pay(i) - cst[i] * ni - d[i] * sigma**2 / ni - d[i] * sigma**2 / Nm[i]


def discrepancy_moment(o, sigma, mu, n, Nm):
    """E[(mu_hat(X) - mu_hat(Y))^2], X ~ N(mu, s^2)^n, Y ~ N(mu, s^2)^Nm independent, from the
    coefficient vector a (1/n on X, -1/Nm on Y): E[(a.Z)^2] = sigma^2 sum a_k^2 + mu^2 (sum a_k)^2."""
    a = [o.num(1) / n] * n + [-o.num(1) / Nm] * Nm
    return sigma**2 * sum(x * x for x in a) + mu**2 * sum(a) ** 2


def tree(e, o, values):
    """Evaluate a sympy expression of this module with backend ``o`` (sympy: returned as is)."""
    if getattr(o, "name", "") == "sympy":
        return e
    return _tree(e, o, values)
