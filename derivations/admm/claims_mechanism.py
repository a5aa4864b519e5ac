"""admm §3.2-§3.3 and App. B (proofs of Theorems 1 and 2): Algorithm 1 for the Gaussian model.

Priors (``family``): 0 = U[0, Q]; 1 = Exp(lam), 2 = Gamma(k, lam), 3 = Weibull(k, lam), each conditioned
on the bounded support [0, Q] (the paper's Q_i are bounded intervals; truncation keeps MHR, see
``mechanism``).  Formulas here are the mpmath references (root finding: mpmath only):
- the *reference threshold* is the root of eq. (3) with v_i from (A.1) and dv_i/dq_i from (B.5), both
  with a fresh inverse of Sigma_q at every point -- no Moebius structure;
- the property claims ((B.8)-(B.11), cases (I-1)-(II-2), Lemma B.1) use the threshold from the
  Moebius form with b_i = 1 - v_i(0, q_-i) computed on the reduced system Sigma_-i,-i + D_-i (the
  Algorithm 1 claims check that both thresholds coincide), and misreported values from eq. (1)
  directly (``model.value``).
- positions relative to the threshold are parametrized, q_i = q-bar + t (Q - q-bar) or q_i = t q-bar,
  so each case of the proof of Theorem 1 is drawn without rejection.
"""
from __future__ import annotations

import mpmath
import numpy as np

from derivations.claims import Claim, Effort, Given, Implementation, Var
from derivations.domains import SPD, Index, Int, Real, Vector
from derivations.statements import AllOf, Compare, Defines, Equal, Monotone

from . import mechanism, model
from .variables import QUALITY

# ----------------------------------------------------------------------------- variables
n = Var("n", Int(1, 3), "number of agents")
Sigma = Var("Sigma", SPD("n"), "prior covariance of theta")
q = Var("q", Vector("n", QUALITY), "qualities (agent i's own entry is replaced where a claim places it)")
i = Var("i", Index("n"), "agent (0-based)")
fam = Var("family", Int(0, 3), "prior: 0 uniform, 1 exponential, 2 gamma, 3 Weibull (on [0, Q])")
Qv = Var("Q", Real(0.5, 20.0), "upper end of the support [0, Q]")
lam = Var("lam", Real(0.05, 5.0), "rate of the exponential / gamma / Weibull prior")
kv = Var("k", Real(1.0, 4.0), "shape (>= 1: MHR) of the gamma / Weibull prior")
tv = Var("t", Real(0.0, 1.0), "position of q_i relative to the threshold")
uv = Var("u", Real(0.0, 1.0), "position of the report relative to the threshold")
PRIOR = (fam, Qv, lam, kv)
CHEAP = Effort(examples=0.5, ladder=(20, 40, 80))
COSTLY = Effort(examples=0.25, ladder=(20, 40, 80))
QUADRATURE = Effort(examples=0.25, ladder=(20, 40))


def _mp(o):
    if o.name != "mpmath":
        raise NotImplementedError("thresholds are evaluated with mpmath root finding only")
    return o.ctx


# ----------------------------------------------------------------------------- priors (mpmath)

def hazard(o, family, Q, lam, k, t):
    """(1 - F(t))/f(t) of the prior conditioned on [0, Q] (= (F(Q) - F(t))/f(t) untruncated)."""
    ctx = _mp(o)
    if family == 0:
        return Q - t
    if family == 1:
        return -ctx.expm1(-lam * (Q - t)) / lam
    if t == 0 and k > 1:
        return ctx.inf
    if family == 2:
        return ctx.gammainc(k, lam * t, lam * Q) / (lam**k * t ** (k - 1) * ctx.exp(-lam * t))
    return -ctx.expm1((lam * t) ** k - (lam * Q) ** k) / (k * lam * (lam * t) ** (k - 1))


def cdf(o, family, Q, lam, k, t):
    ctx = _mp(o)
    if family == 0:
        return t / Q
    if family == 1:
        return ctx.expm1(-lam * t) / ctx.expm1(-lam * Q)
    if family == 2:
        return ctx.gammainc(k, 0, lam * t) / ctx.gammainc(k, 0, lam * Q)
    return ctx.expm1(-(lam * t) ** k) / ctx.expm1(-(lam * Q) ** k)


def pdf(o, family, Q, lam, k, t):
    ctx = _mp(o)
    if family == 0:
        return 1 / Q
    if family == 1:
        return lam * ctx.exp(-lam * t) / -ctx.expm1(-lam * Q)
    if family == 2:
        return lam**k * t ** (k - 1) * ctx.exp(-lam * t) / ctx.gammainc(k, 0, lam * Q)
    return k * lam * (lam * t) ** (k - 1) * ctx.exp(-(lam * t) ** k) / -ctx.expm1(-(lam * Q) ** k)


def numpy_prior(family, Q, lam, k):
    return [lambda: mechanism.Uniform(Q), lambda: mechanism.Exponential(lam, Q),
            lambda: mechanism.Gamma(k, lam, Q), lambda: mechanism.Weibull(k, lam, Q)][int(family)]()


# ----------------------------------------------------------------------------- values

def b_reduced(o, Sigma, q, i):
    """b_i = 1 - v_i(0, q_-i), v_i(0, q_-i) = Sigma_i,-i (Sigma_-i,-i + D_-i)^-1 Sigma_-i,i / sigma_i^2."""
    others = [j for j in range(len(q)) if j != i]
    if not others:
        return o.num(1)
    M = o.matrix([[Sigma[a, c] + (Sigma[a, a] / q[a] if a == c else 0) for c in others] for a in others])
    row = [Sigma[i, j] for j in others]
    return 1 - o.quad(row, model.inv(o, M), row) / Sigma[i, i]


def phi_direct(o, Sigma, q, i, t, h):
    """eq. (3) at q_i = t > 0 with v from (A.1) and dv/dq_i from (B.5)/sigma_i^2 (fresh inverse)."""
    qq = model.with_entry(q, i, t)
    v = model.value_A1(o, Sigma, qq, i)
    dv = model.accuracy_derivative_B5(o, Sigma, qq, i) / Sigma[i, i]
    return v - dv * h


def phi_mobius(o, b, t, h):
    u = 1 + b * t
    return 1 - b / u - (b / u) ** 2 * h


def _root(o, phi, Q):
    """inf{t in [0, Q] : phi(t) >= 0} for phi with a single crossing at zero; phi(Q) >= 0."""
    ctx = _mp(o)
    if phi(ctx.mpf(0)) >= 0:
        return ctx.mpf(0)
    lo, hi = ctx.mpf(0), ctx.mpf(Q)
    for _ in range(40):
        mid = (lo + hi) / 2
        if phi(mid) < 0:
            lo = mid
        else:
            hi = mid
    r = ctx.findroot(phi, (lo, hi), solver="anderson")
    if not lo <= r <= hi:
        raise ArithmeticError(f"root polishing left the bracket [{lo}, {hi}]")
    return r


def threshold_direct(o, Sigma, q, i, family, Q, lam, k):
    """Algorithm 1's q-bar_i(q_-i) from eq. (3) with (A.1)/(B.5); phi(0) is the limit v(0) - b^2 h(0)."""
    b0 = b_reduced(o, Sigma, q, i)

    def phi(t):
        h = hazard(o, family, Q, lam, k, t)
        if t == 0:
            return -o.ctx.inf if h == o.ctx.inf else (1 - b0) - b0**2 * h  # v_i(0, q_-i) - v_i'(0) h(0)
        return phi_direct(o, Sigma, q, i, t, h)

    return _root(o, phi, Q)


_CACHE: dict = {}


def threshold(o, Sigma, q, i, family, Q, lam, k):
    """q-bar_i(q_-i) from the Moebius form of (C.9)-(C.11) (memoized per instance and precision)."""
    ctx = _mp(o)
    n_ = len(q)
    key = (tuple(Sigma[a, c] for a in range(n_) for c in range(n_)), tuple(q), i, family, Q, lam, k, ctx.prec)
    if key not in _CACHE:
        if len(_CACHE) > 4096:
            _CACHE.clear()
        _CACHE[key] = _threshold(o, Sigma, q, i, family, Q, lam, k)
    return _CACHE[key]


def _threshold(o, Sigma, q, i, family, Q, lam, k):
    b = b_reduced(o, Sigma, q, i)

    def phi(t):
        h = hazard(o, family, Q, lam, k, t)
        return -o.ctx.inf if h == o.ctx.inf else phi_mobius(o, b, t, h)

    return _root(o, phi, Q)


def value_at(o, Sigma, q, i, t):
    """v_i(t, q_-i) (truthful), via the information form of eq. (1); t = 0 by the reduced system."""
    if t == 0:
        return 1 - b_reduced(o, Sigma, q, i)
    return model.value_truthful(o, Sigma, model.with_entry(q, i, t), i)


def price(o, Sigma, q, i, family, Q, lam, k):
    """Algorithm 1's price v_i(q-bar_i(q_-i), q_-i)."""
    return value_at(o, Sigma, q, i, threshold(o, Sigma, q, i, family, Q, lam, k))


def _alg1_ref(o, Sigma, q, i, family, Q, lam, k):
    qb = threshold_direct(o, Sigma, q, i, family, Q, lam, k)
    return [qb, value_at(o, Sigma, q, i, qb)]


def _alg1_numpy(Sigma, q, i, family, Q, lam, k):
    qq = np.minimum(q, Q)  # others' reports must lie in their supports
    out = mechanism.algorithm1(Sigma, qq, numpy_prior(family, Q, lam, k))
    return [out.thresholds[i], out.prices[i]]


def _alg1_ref_clipped(o, Sigma, q, i, family, Q, lam, k):
    return _alg1_ref(o, Sigma, [o.min(x, Q) for x in q], i, family, Q, lam, k)


def _alg1_scale(o, Sigma, q, i, family, Q, lam, k):
    """Thresholds are measured in ulps of max(q-bar, 1/4) (q-bar = 0 exactly when phi(0) >= 0)."""
    r = _alg1_ref_clipped(o, Sigma, q, i, family, Q, lam, k)
    return [o.max(r[0], o.num(1) / 4), r[1]]


def _uniform_closed(o, Sigma, q, i, Q):
    """Closed form for U[0, Q]: q-bar = max(0, (sqrt(b(1 + bQ)) - 1)/b) (derived in tests with sympy)."""
    b = b_reduced(o, Sigma, q, i)
    return o.max(0, (o.sqrt(b * (1 + b * Q)) - 1) / b)


# ----------------------------------------------------------------------------- mechanism outcomes

def _place(o, qbar, Q, t):
    return qbar + t * (Q - qbar)


def utility(o, Sigma, q, i, report, family, Q, lam, k):
    """U_i(q, [report, q_-i]) under Algorithm 1: (v_i(q, [report, q_-i]) - price) 1{report >= q-bar}."""
    qb = threshold(o, Sigma, q, i, family, Q, lam, k)
    if report < qb:
        return o.num(0)
    p = value_at(o, Sigma, q, i, qb)
    v = model.value(o, Sigma, q, model.with_entry(q, i, report), i)
    return v - p


def _case(q_above, r_above):
    """(lhs, rhs) of U_i(q, q) >= U_i(q, [r, q_-i]); q_i and r placed by t, u in (0, 1) relative to q-bar:
    above = q-bar + s (Q - q-bar) (s in (0, 1]), below = s q-bar (s in (0, 1))."""

    def pos(qb, Q, s, above):
        return qb + s * (Q - qb) if above else s * qb

    def setup(o, Sigma, q, i, family, Q, lam, k, t):
        q = _clip(o, q, Q)
        x = pos(threshold(o, Sigma, q, i, family, Q, lam, k), Q, t, q_above)
        return model.with_entry(q, i, x)

    def truthful(o, Sigma, q, i, family, Q, lam, k, t):
        qq = setup(o, Sigma, q, i, family, Q, lam, k, t)
        return utility(o, Sigma, qq, i, qq[i], family, Q, lam, k)

    def deviate(o, Sigma, q, i, family, Q, lam, k, t, u):
        qq = setup(o, Sigma, q, i, family, Q, lam, k, t)
        r = pos(threshold(o, Sigma, qq, i, family, Q, lam, k), Q, u, r_above)
        return utility(o, Sigma, qq, i, r, family, Q, lam, k)

    return truthful, deviate


def _clip(o, q, Q):
    """Others' qualities in their support [0, Q]."""
    return [o.min(x, Q) for x in q]


def _positive_threshold(o, Sigma, q, i, family, Q, lam, k, **_):
    return threshold(o, Sigma, _clip(o, q, Q), i, family, Q, lam, k) > 0


POS_THRESHOLD = Given("q-bar_i(q_-i) > 0 (a quality below the threshold exists)", _positive_threshold)


def _b8_lhs(o, Sigma, q, i, family, Q, lam, k, t):
    q = _clip(o, q, Q)
    qb = threshold(o, Sigma, q, i, family, Q, lam, k)
    return value_at(o, Sigma, q, i, _place(o, qb, Q, t)) - value_at(o, Sigma, q, i, qb)


def _b9_truth(o, Sigma, q, i):
    return model.value(o, Sigma, q, q, i)


def _b9_report(o, Sigma, q, i, r):
    return model.value(o, Sigma, q, model.with_entry(q, i, r), i)


def _b10_ref(o, Sigma, q, i, family, Q, lam, k, t):
    """(B.10) at q_i = t Q: x* = 1{q_i >= q-bar}, p* = v_i(q-bar, q_-i) x*."""
    qq = model.with_entry([o.min(x, Q) for x in q], i, t * Q)
    qb = threshold_direct(o, Sigma, qq, i, family, Q, lam, k)
    x = 1 if qq[i] >= qb else 0
    return [o.num(x), value_at(o, Sigma, qq, i, qb) * x]


def _b10_numpy(Sigma, q, i, family, Q, lam, k, t):
    qq = np.minimum(q, Q)
    qq[i] = t * Q
    out = mechanism.algorithm1(Sigma, qq, numpy_prior(family, Q, lam, k))
    return [out.allocation[i], out.payments[i]]


def _b10_scale(o, Sigma, q, i, family, Q, lam, k, t):
    return [o.num(1), o.num(1)]


def _expected_price_revenue(o, Sigma, q, i, family, Q, lam, k, tau):
    """E_{q_i}[p_i] of the posted threshold tau at price v_i(tau, q_-i): v_i(tau)(1 - F(tau))."""
    return value_at(o, Sigma, q, i, tau) * (1 - cdf(o, family, Q, lam, k, tau))


def _phi_f(o, Sigma, q, i, family, Q, lam, k):
    b = b_reduced(o, Sigma, q, i)

    def g(s):
        return phi_mobius(o, b, s, hazard(o, family, Q, lam, k, s)) * pdf(o, family, Q, lam, k, s)

    return g


def _b11_lhs(o, Sigma, q, i, family, Q, lam, k):
    q = _clip(o, q, Q)
    return _expected_price_revenue(o, Sigma, q, i, family, Q, lam, k, threshold(o, Sigma, q, i, family, Q, lam, k))


def _b11_rhs(o, Sigma, q, i, family, Q, lam, k):
    """E_{q_i}[phi^+(q_i)] = int_0^Q max(phi, 0) f, split at the threshold (the kink of max)."""
    q = _clip(o, q, Q)
    ctx = _mp(o)
    qb = threshold(o, Sigma, q, i, family, Q, lam, k)
    g = _phi_f(o, Sigma, q, i, family, Q, lam, k)
    pts = [ctx.mpf(0), qb, ctx.mpf(Q)] if qb > 0 else [ctx.mpf(0), ctx.mpf(Q)]
    return ctx.quad(lambda s: max(g(s), 0), pts)  # tanh-sinh never samples the end points


def _lemma_b1_lhs(o, Sigma, q, i, family, Q, lam, k, t):
    """E_{q_i}[p_i] of the feasible posted-threshold mechanism x = 1{q_i >= tau}, p = v_i(tau) x, tau = tQ."""
    q = _clip(o, q, Q)
    return _expected_price_revenue(o, Sigma, q, i, family, Q, lam, k, t * Q)


def _lemma_b1_rhs(o, Sigma, q, i, family, Q, lam, k, t):
    """[p_i(0) - v_i(0) x_i(0)] + E_{q_i}[phi x_i]; the first term is 0 for a posted threshold."""
    q = _clip(o, q, Q)
    ctx = _mp(o)
    tau = t * Q
    x0 = 1 if 0 >= tau else 0  # x_i(0, q_-i)
    first = value_at(o, Sigma, q, i, tau) * x0 - value_at(o, Sigma, q, i, 0) * x0  # p_i(0) - v_i(0) x_i(0)
    return first + ctx.quad(_phi_f(o, Sigma, q, i, family, Q, lam, k), [tau, Q])


def _chain_other(o, Sigma, q, i, family, Q, lam, k, t):
    q = _clip(o, q, Q)
    return _expected_price_revenue(o, Sigma, q, i, family, Q, lam, k, t * Q)


def _phi_at(o, Sigma, q, i, family, Q, lam, k, t):
    """phi_{i,q_-i}(t Q) of eq. (3), v and dv/dq_i by (A.1) and (B.5) (t > 0)."""
    q = _clip(o, q, Q)
    x = t * Q
    return phi_direct(o, Sigma, q, i, x, hazard(o, family, Q, lam, k, x))


def _hazard_rate(family):
    def f(o, Q, lam, k, t):
        ctx = _mp(o)
        x = t * Q
        if family == 0:
            return 1 / (Q - x)
        if family == 1:
            return lam
        # gamma(k, lam), untruncated as printed in footnote 2: f / (1 - F) = lam^k x^(k-1) e^(-lam x) / Gamma(k, lam x)
        return lam**k * x ** (k - 1) * ctx.exp(-lam * x) / ctx.gammainc(k, lam * x)
    return f


# ----------------------------------------------------------------------------- claims

BASE = (n, Sigma, q, i) + PRIOR
ALG1_LATEX = (r"\bar q_i(\hat{\mathbf q}_{-i}) := \inf\{q\in\mathcal Q_i \mid \phi_{i,\hat{\mathbf q}_{-i}}(q)\ge 0\},"
              r"\ \text{price } v_i(\bar q_i(\hat{\mathbf q}_{-i}), \hat{\mathbf q}_{-i})")
U_LATEX = r"U_i(\mathbf q,\mathbf q)\ \ge\ U_i(\mathbf q,[\hat q_i,\mathbf q_{-i}])"
CASES = {
    "I-1": (True, True, r"q_i \ge \bar q_i,\ \hat q_i \ge \bar q_i"),
    "I-2": (True, False, r"q_i \ge \bar q_i,\ \hat q_i < \bar q_i"),
    "II-1": (False, True, r"q_i < \bar q_i,\ \hat q_i \ge \bar q_i"),
    "II-2": (False, False, r"q_i < \bar q_i,\ \hat q_i < \bar q_i"),
}
CASE_LABEL = "proof of Theorem 1, cases (I-1)–(II-2)"


def _pos(name, above, what):
    if above:
        return Var(name, Real(0.0, 1.0, lo_open=True), f"{what} = q-bar + {name} (Q - q-bar) (at or above q-bar, > 0)")
    return Var(name, Real(0.0, 1.0, lo_open=True, hi_open=True), f"{what} = {name} q-bar (below q-bar, > 0)")


def _case_claim(name):
    above_q, above_r, cond = CASES[name]
    lhs, rhs = _case(above_q, above_r)
    return Claim(
        id=f"admm.thm1.case-{name}", label=CASE_LABEL, section="B (proof of Theorem 1)", kind="equilibrium",
        latex=rf"({name})\ {cond}:\ " + U_LATEX,
        statement=Compare(lhs, ">=", rhs), variables=BASE + (_pos("t", above_q, "q_i"), _pos("u", above_r, "the report")),
        given=() if (above_q and above_r) else (POS_THRESHOLD,), symbolic=None, effort=COSTLY,
        notes="U_i(q, q_hat) = (v_i(q, q_hat) - v_i(q-bar, q_-i)) 1{q_hat_i >= q-bar}; v_i(q, q_hat) of the "
              "misreport from eq. (1) (model.value). Placement: above = q-bar + s(Q - q-bar), below = s q-bar.",
    )


CLAIMS = (
    Claim(
        id="admm.alg1.threshold-price", label="Algorithm 1", section="3.2", kind="algorithm",
        latex=ALG1_LATEX, statement=Defines(_alg1_ref_clipped), variables=BASE, symbolic=None, effort=COSTLY,
        implementations=(Implementation(_alg1_numpy, _alg1_ref_clipped, max_bits=6.0, scale=_alg1_scale,
                                        name="mechanism.algorithm1"),),
        notes="Reference: bisection + mpmath.findroot on eq. (3) with v_i by (A.1) and dv_i/dq_i by (B.5), a "
              "fresh Sigma_q inverse at every point. numpy: the Moebius form b_i = post_i/w_i from two "
              "Cholesky factorizations for all agents, vectorized bisection. Others' reports are clipped to "
              "[0, Q] (their support). Threshold error in ulps of max(q-bar, 1/4): the root's condition "
              "number |phi|/(q |phi'|) costs a few bits; 12 bits = 3.6 digits of slack over 53.",
    ),
    Claim(
        id="admm.alg1.uniform-closed-form", label="Algorithm 1", section="3.2", kind="algorithm",
        latex=r"F_i = U[0,Q]:\ \bar q_i = \max\Big(0, \frac{\sqrt{b_i(1+b_iQ)}-1}{b_i}\Big),\ "
              r"b_i := 1 - v_i(0,\mathbf q_{-i})",
        statement=Equal(lambda o, Sigma, q, i, Q: threshold_direct(o, Sigma, q, i, 0, Q, 1, 1), _uniform_closed),
        variables=(n, Sigma, q, i, Qv), symbolic=None, effort=COSTLY,
        notes="[not in inventory] Consequence of Algorithm 1 for uniform priors: phi (1 + b q)^2 = (1 + b q)^2 - "
              "b(1 + bQ) (sympy derivation in tests/test_admm_mechanism.py). Left side: root finding on eq. (3) "
              "with (A.1)/(B.5), no Moebius structure.",
    ),
    Claim(
        id="admm.B8", label="(B.8)", section="B (proof of Theorem 1)", kind="inequality",
        latex=r"q_i \ge \bar q_i(\mathbf q_{-i}):\ v_i(q_i,\mathbf q_{-i}) - v_i(\bar q_i(\mathbf q_{-i}),\mathbf q_{-i}) \ge 0",
        statement=Compare(_b8_lhs, ">=", 0), variables=BASE + (tv,), symbolic=None, effort=CHEAP,
        notes="q_i = q-bar + t (Q - q-bar), t in [0, 1]: every quality at or above the threshold.",
    ),
    Claim(
        id="admm.B9", label="(B.9)", section="B (proof of Theorem 1)", kind="inequality",
        latex=r"v_i(\mathbf q,[q_i,\mathbf q_{-i}]) \ge v_i(\mathbf q,[\hat q_i,\mathbf q_{-i}])",
        statement=Compare(_b9_truth, ">=", _b9_report),
        variables=(Var("n", Int(1, 4), "number of agents"), Var("Sigma", SPD("n"), ""),
                   Var("q", Vector("n", QUALITY), "true qualities"), Var("i", Index("n"), "agent"),
                   Var("r", QUALITY, "agent i's report")),
        symbolic=None,
        notes="Both sides from eq. (1) with the platform's estimator built on the reports (model.value).",
    ),
) + tuple(_case_claim(c) for c in CASES) + (
    Claim(
        id="admm.B10", label="(B.10)", section="B (proof of Theorem 1)", kind="definition",
        latex=r"x^*_i = \mathbf 1\{q_i \ge \bar q_i(\mathbf q_{-i})\},\ p^*_i = v_i(\bar q_i(\mathbf q_{-i}),\mathbf q_{-i})"
              r"\mathbf 1\{q_i \ge \bar q_i(\mathbf q_{-i})\}",
        statement=Defines(_b10_ref), variables=BASE + (tv,), symbolic=None, effort=COSTLY,
        implementations=(Implementation(_b10_numpy, _b10_ref, max_bits=3.0, scale=_b10_scale,
                                        name="mechanism.algorithm1 (allocation, payment)"),),
        notes="q_i = t Q; reference threshold by root finding on eq. (3) with (A.1)/(B.5).",
    ),
    Claim(
        id="admm.B11", label="(B.11)", section="B (proof of Theorem 1)", kind="identity",
        latex=r"\mathbb E_{q_i}[p^*_i] = v_i(\bar q_i)(1-F_i(\bar q_i)) = \mathbb E_{q_i}[\phi^+_{i,\mathbf q_{-i}}(q_i)]",
        statement=Equal(_b11_lhs, _b11_rhs), variables=BASE, symbolic=None, effort=QUADRATURE,
        notes="q_-i fixed (the identity holds inside E_{q_-i}); right side by mpmath.quad of max(phi, 0) f over "
              "[0, Q], split at the threshold where max has its kink.",
    ),
    Claim(
        id="admm.lemmaB1.posted-threshold", label="Lemma B.1", section="B (proof of Theorem 1)", kind="identity",
        latex=r"\mathbb E_{q_i}[p_i] = [p_i(0,\mathbf q_{-i}) - v_i(0,\mathbf q_{-i})x_i(0,\mathbf q_{-i})] + "
              r"\mathbb E_{q_i}[\phi_{i,\mathbf q_{-i}}(q_i)x_i(q_i,\mathbf q_{-i})]",
        statement=Equal(_lemma_b1_lhs, _lemma_b1_rhs), variables=BASE + (tv,), symbolic=None, effort=QUADRATURE,
        notes="For every feasible posted-threshold mechanism x_i = 1{q_i >= tau}, p_i = v_i(tau, q_-i) x_i, "
              "tau = t Q (IR and IC by (B.8)/(B.9)), with q_-i fixed: (C.7) with (C.8). Right side by "
              "mpmath.quad of phi f on [tau, Q].",
    ),
    Claim(
        id="admm.thm1.optimality-chain", label="proof of Theorem 1, optimality chain", section="B (proof of Theorem 1)",
        kind="optimality",
        latex=r"\mathbb E_{\mathbf q}[p_i(\mathbf q)] \le \mathbb E[\phi x_i] \le \mathbb E[\phi^+] = \mathbb E_{\mathbf q}[p^*_i(\mathbf q)]",
        statement=Compare(_chain_other, "<=", _b11_lhs), variables=BASE + (tv,), symbolic=None, effort=CHEAP,
        notes="Checked against every posted-threshold mechanism tau = t Q (feasible; E[p] = v(tau)(1 - F(tau))), "
              "q_-i fixed; randomized mechanisms: the LP claim under Theorem 2.",
    ),
    Claim(
        id="admm.lemmaB2", label="Lemma B.2", section="B (proof of Theorem 2)", kind="monotonicity",
        latex=r"\phi_{i,\mathbf q_{-i}}(\cdot)\ \text{non-decreasing (MHR } F_i)",
        statement=Monotone(_phi_at, "t", "nondecreasing"),
        variables=(n, Sigma, q, i, fam, Qv, lam, kv, Var("t", Real(0.0, 1.0, lo_open=True), "q_i = t Q")),
        symbolic=None, effort=CHEAP,
        notes="phi by eq. (3) with (A.1)/(B.5), for the four truncated MHR priors.",
    ),
) + tuple(
    Claim(
        id=f"admm.footnote2.{name}", label="footnote 2", section="3.3", kind="monotonicity",
        latex=r"f_i/(1-F_i)\ \text{non-decreasing for " + name + "}",
        statement=Monotone(_hazard_rate(family), "t", "nondecreasing"),
        variables=(Qv, lam, kv, Var("t", Real(0.0, 1.0, hi_open=True), "q = t Q")),
        symbolic=None,
        notes=("U[0, Q]." if family == 0 else "Exp(lam) on [0, inf)." if family == 1 else
               "Gamma(k, lam), shape k >= 1 (the family is MHR exactly for k >= 1), untruncated."),
    )
    for family, name in ((0, "uniform"), (1, "exponential"), (2, "gamma"))
) + (
    Claim(
        id="admm.thm1", label="Theorem 1", section="3.2", kind="optimality",
        latex=r"\text{Under Assumptions 1 and 2, Algorithm 1 is the optimal data-sharing mechanism}",
        statement=AllOf(("admm.B8",) + tuple(f"admm.thm1.case-{c}" for c in CASES) +
                        ("admm.B11", "admm.lemmaB1.posted-threshold", "admm.thm1.optimality-chain")),
        symbolic=None,
        notes="For the Gaussian model (Assumptions 1, 2 by Lemma A.1(i), Lemma B.2): ex-post IR (B.8), IC in "
              "all four cases, revenue = E[phi^+] (B.11), Lemma B.1 and the optimality chain.",
    ),
    Claim(
        id="admm.thm2", label="Theorem 2", section="3.3", kind="optimality",
        latex=r"\text{For eqs. (1)-(2) and MHR } F_i,\ \text{Algorithm 1 is the optimal data-sharing mechanism}",
        statement=AllOf(("admm.thm1", "admm.lemma-a1.i", "admm.lemmaB2")), symbolic=None,
        notes="The proof: Theorem 1 with Assumption 1 (Lemma A.1(i)) and Assumption 2 (Lemma B.2). Independent "
              "check of optimality over all randomized mechanisms: tests/test_admm_mechanism.py solves the "
              "revenue LP (scipy linprog) on quality grids (mech_lp) and finds R_LP <= R_alg + delta_K with "
              "delta_K = O(1/K), and R_LP(K) -> E[phi^+] of Algorithm 1.",
    ),
)
