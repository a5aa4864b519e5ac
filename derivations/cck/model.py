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
    return q_out(o, _ne_profile_profit(kind, tau, sigma, c1, c2, with_zero))


@lru_cache(maxsize=512)
def _ne_profile_profit(kind, tau, sigma, c1, c2, with_zero):
    """Exact value of ``ne_profile_profit`` (cached: the ladder evaluates it at every rung)."""
    c1f, c2f = Fraction(c1), Fraction(c2)
    T = top(len(tau), c1f)
    V = table(kind, tau, sigma, T + 1)
    rev = [exact.rev_opt(V, N)[0] for N in range(T + 2)]
    vals = [rev[a + b] - c1f * a - c2f * b
            for a in range(1, T + 1) for b in range(1, T + 1) if a + b <= T + 1]
    if with_zero:
        vals.append(Fraction(0))
    return max(vals)


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


# ----------------------------------------------------------------------------- §5.1 / App. A-B: equilibrium

b_shift = sympy.Symbol("b", real=True)

# deviation families of a contributor who collects n points (closed forms of sup_mu E[(mu_hat(Y_i) - mu)^2])
DEV_FAMILIES = (
    "f_b: N_i* points with the sample mean of X_i (Lemma 8/9's f_b)",
    "shifted: N_i* points with mean mu_hat(X_i) + b",
    "fabricated: N_i* points drawn from N(mu_hat(X_i), S^2) fitted to X_i (S^2 unbiased)",
    "wrong size: N_i* + 1 points with the sample mean of X_i",
    "wrong size, shifted: N_i* + 1 points with mean mu_hat(X_i) + b",
)


def bonus(i, Qv=None):
    """B_i: the indicator-weighted part of eq. (15) (what a contributor forfeits by a wrong size)."""
    e = bonus_pay(i)
    return e if Qv is None else e.subs(Q, Qv)


def dev_mse(fam, i):
    """sup_mu E[(mu_hat(Y_i) - mu)^2] for a deviation family (independent of mu for these families)."""
    e = sigma**2 / n
    if fam in (1, 4):
        e += b_shift**2
    if fam == 2:
        e += sigma**2 / Nst[i]  # E[S^2]/N_i* = sigma^2/N_i*
    return e


@lru_cache(maxsize=None)
def dev_utility(i, fam):
    """u_i^c((n, f), s_-i*) of eq. (7) for a deviation family: the bonus only for the right size."""
    right = fam in (0, 1, 2)
    return (bonus_pay(i) if right else 0) - cst[i] * n - d[i] * (dev_mse(fam, i) + sigma**2 / Nm[i])


U_STAR = [W * Nst[i] / Np for i in range(2)]  # u_i^c(M, s*) (App. A IRC, corrected display)
Q_IRC = c1 * (Np - 1) + c2  # W >= 0  <=>  Q >= Q_IRC
Q_LEMMA7 = c2 - c1 * (Np**2 + 1)  # B_1 >= 0  <=>  Q >= Q_LEMMA7 (B_2 > 0 always when c_1 <= c_2)


def with_q(exprs, qmin):
    """The expressions under the hypothesis Q >= qmin (Q replaced by max(Q, qmin)); memoized (building
    sympy Max nodes dominates the cost of evaluating a claim otherwise)."""
    key = (tuple(sympy.sympify(e) for e in exprs), sympy.sympify(qmin))
    if key not in _WITH_Q:
        _WITH_Q[key] = [e.subs(Q, sympy.Max(Q, key[1])) for e in key[0]]
    return list(_WITH_Q[key])


_WITH_Q: dict = {}


def expected_price_at(o, sigma, mu, Np, c1, c2, q, Bn):
    """E_mu[p_j*] under s*, with E[(mu_hat(Y_i) - mu_hat(Y_-i))^2] from the coefficient vector at this mu."""
    N1 = int(Np) - 1
    mom = discrepancy_moment(o, sigma, mu, N1, 1)
    vals = dict(sigma=sigma, Np=o.num(int(Np)), c1=c1, c2=c2, q=q, Bn=Bn)
    bon = sum(_tree(bonus_price(i), o, vals) for i in range(2))  # substitutes with every backend
    dsum = _tree((d[0] + d[1]) / Bn, o, vals)
    return bon - dsum * mom


# ----------------------------------------------------------------------------- App. A on §2 instances

def alg2_instance(o, kind, tau, sigma, c1):
    """(N+, m+, q+, V) of Algorithm 1 with the exact A on the instance (v_j = v_j^d of eq. (11))."""
    V, c1f = _inst(o, kind, tau, sigma, c1)
    Np, m, qv, _ = exact.algorithm1(V, c1f)
    return Np, m, qv, V


def nplus(o, kind, tau, sigma, c1):
    return alg2_instance(o, kind, tau, sigma, c1)[0]


def exact_bonus_ustar(Np, Qv, c1f, c2f):
    """Exact (B_1, B_2, u_1*, u_2*) from (15): d_i sigma^2 = c_i (N_i*)^2, N_1* = N+ - 1, N_2* = 1."""
    Np = Fraction(Np)
    W_ = Qv - c1f * (Np - 1) - c2f
    N = (Np - 1, Fraction(1))
    Nmm = (Fraction(1), Np - 1)
    cc = (c1f, c2f)
    B = [W_ * N[i] / Np + cc[i] * N[i] + cc[i] * N[i] ** 2 / Nmm[i] + cc[i] * N[i] for i in range(2)]
    return B, [W_ * N[i] / Np for i in range(2)]


def best_deviation(o, kind, tau, sigma, c1, c2, cap=False):
    """[sup over deviations of u_i^c, u_i^c(s*)] for i = 1, 2 on an instance: the right-size families
    peak at u_i* (n = N_i*, mean of X_i), the wrong-size ones at u_i* - B_i; ``cap`` imposes the
    hypothesis B_1 >= 0 (c_2 replaced by min(c_2, sum q+ + c_1((N+)^2 + 1)))."""
    Np, _, qv, _ = alg2_instance(o, kind, tau, sigma, c1)
    (c1f, c2f) = (Fraction(x) for x in _floats(o, c1, c2))
    Qv = sum(qv, Fraction(0))
    if cap:
        c2f = min(c2f, Qv + c1f * (Np * Np + 1))
    B, us = exact_bonus_ustar(Np, Qv, c1f, c2f)
    return [q_out(o, max(us[i], us[i] - B[i])) for i in range(2)], [q_out(o, x) for x in us]


def buyer_utilities(o, kind, tau, sigma, c1):
    """App. A (17)/(EFB): [v_j^d(m_k+) - q_k+ for all j, k] and [v_j^d(m_j+) - q_j+ repeated]."""
    Np, m, qv, V = alg2_instance(o, kind, tau, sigma, c1)
    B = len(V)
    cross = [V[j][m[k]] - qv[k] for j in range(B) for k in range(B)]
    own = [V[j][m[j]] - qv[j] for j in range(B) for _ in range(B)]
    return [q_out(o, x) for x in cross], [q_out(o, x) for x in own]


def mech_profit(o, kind, tau, sigma, c1, c2):
    """profit(M*, s*) = sum_j q_j+ - c_1(N+ - 1) - c_2 (= W), exactly."""
    Np, _, qv, _ = alg2_instance(o, kind, tau, sigma, c1)
    (c1f, c2f) = (Fraction(x) for x in _floats(o, c1, c2))
    return q_out(o, sum(qv, Fraction(0)) - c1f * (Np - 1) - c2f)


def n1_opt(o, kind, tau, sigma, c1):
    """N_1^OPT of eq. (3): the largest maximizer of rev^OPT(N) - c_1 N over N in {0, ..., |B|/c_1}."""
    V, c1f = _inst(o, kind, tau, sigma, c1)
    T = top(len(V), c1f)
    vals = [exact.rev_opt(V, N)[0] - c1f * N for N in range(T + 1)]
    best = max(vals)
    return o.num(max(N for N in range(T + 1) if vals[N] == best))


def opt_wide(o, kind, tau, sigma, c1, extra=2):
    """max over N in {0, ..., |B|/c_1 + extra} of rev^OPT(N) - c_1 N (a wider search than line 166's)."""
    kind, tau, sigma, c1 = _floats(o, kind, tau, sigma, c1)
    c1f = Fraction(c1)
    T = top(len(tau), c1f) + extra
    V = table(kind, tau, sigma, T)
    return q_out(o, max(exact.rev_opt(V, N)[0] - c1f * N for N in range(T + 1)))


def nplus_from(o, kind, tau, sigma, c1, lo):
    """N+ of Algorithm 1 searching N in {lo, ..., max(lo, |B|/c_1)} (exact A)."""
    kind, tau, sigma, c1 = _floats(o, kind, tau, sigma, c1)
    c1f = Fraction(c1)
    T = max(top(len(tau), c1f), lo)
    return o.num(exact.algorithm1(table(kind, tau, sigma, T), c1f, False, lo)[0])


def n1_opt_range(o, kind, tau, sigma, c1):
    """[N_1^OPT, floor(|B|/c_1) - N_1^OPT]."""
    (c1f,) = _floats(o, c1)
    n1 = n1_opt(o, kind, tau, sigma, c1)
    return [n1, o.num(top(len(tau), Fraction(c1f))) - n1]
