"""admm §4 (the effort game), proof of Theorem 3 (App. B: (B.31), (B.32), (B.38), (B.39), parts (i)-(iii),
footnote 14) and Proposition C.1 (App. C: (C.25), (C.26) and the steps of its proof).

Transcription conventions (formulas in ``effort``):
- Theorem 3's game is checked with two agents: ``s2`` = sigma_12^2 < 1/3, efforts e_i = t_i (sqrt(Q) - 2)
  with t_i in [0, 1] ((B.31)); the n-agent numpy game is exercised in tests/test_admm_effort.py.
- The equilibrium claims use the "coordination" cost of ``effort`` (c(0) = 0, strictly increasing,
  c(sqrt(Q) - 2) >= 1) on the grid {k (sqrt(Q) - 2)/10}; its slope is set by ``u``.  Best responses take
  the greatest maximiser (footnote 14).  mpmath best-response (Tarski) iteration is cross-checked against
  numpy brute force over all grid profiles.
- Proposition C.1 uses the exact Gaussian value (A.1) on random SPD Sigma (n = 2..4); its effort
  statements use two agents, Sigma = [[a, b], [b, d]], b = rho sqrt(a d), q_k ~ Unif[e_k, Q].
"""
from derivations.claims import Claim, Effort, Given, Implementation, Var
from derivations.domains import Index, Real
from derivations.statements import AllOf, Compare, Defines, Equal, Monotone

from . import effort as E
from . import gaussian, model
from .appC import MAT, Sigma as SigmaV, n as nV, qq as qV

import numpy as np
import sympy

# ----------------------------------------------------------------------------- variables
Qg = Var("Q", Real(4, None, lo_open=True, sample=(4.5, 400.0), log=True), "upper end of Unif[e_i, Q], Q > 4")
s2v = Var("s2", Real(0, 1 / 3, hi_open=True), "sigma_12^2 (two agents); < 1/3 by (B.32)")
s2pos = Var("s2", Real(0.02, 1 / 3, hi_open=True), "sigma_12^2 in [0.02, 1/3)")
s2in = Var("s2", Real(0.01, 0.3), "sigma_12^2 away from 0 and 1/3 (central differences step around it)")
ti = Var("ti", Real(0, 1), "e_i = ti (sqrt(Q) - 2)")
tj = Var("tj", Real(0, 1), "e_j = tj (sqrt(Q) - 2)")
ti2 = Var("ti2", Real(0, 1), "e_i' = ti2 (sqrt(Q) - 2)")
tj2 = Var("tj2", Real(0, 1), "e_j' = tj2 (sqrt(Q) - 2)")
tj_in = Var("tj", Real(0.01, 1), "e_j = tj (sqrt(Q) - 2), away from 0 (central differences)")
ORDERED = (Given("ti <= ti2", lambda o, ti, ti2, **_: ti <= ti2), Given("tj <= tj2", lambda o, tj, tj2, **_: tj <= tj2))
NO_TIE = Given("u at least 1e-3 away from 0 and 1 (an exact tie between 0 and e_k is decided by rounding)",
               lambda o, u, **_: abs(u) > o.num(1) / 1000 and abs(u - 1) > o.num(1) / 1000)
u_mid = Var("u", Real(0.05, 0.95), "cost slope between the two agents' indifference points")
u_wide = Var("u", Real(-0.5, 1.5), "cost slope parameter (outside (0, 1): a unique equilibrium)")
u_br = Var("u", Real(0.25, 1.25), "cost slope relative to the indifference point of the best response")
u_fix = Var("u", Real(0, 1), "cost slope, independent of the correlation")

GAME = Effort(examples=0.1, ladder=(15, 30))  # 3 instances; (15, 30): two rungs for identities and definitions
MAT_EQ = Effort(examples=0.2)  # 4 random SPD instances, n = 2..4
MAT_CMP = Effort(examples=0.3, ladder=(30,))
GAME_DEF = Effort(examples=0.1, ladder=(15, 20))  # grid-valued definitions: the numpy cross-check is the test
GAME_DIFF = Effort(examples=0.1, ladder=(15, 20))  # identities with mpmath.diff of quadratures (8-digit top rung)
GAME_STEP = Effort(examples=0.1, ladder=(20,))  # grid-valued or O(1)-margin comparisons
GAME_CMP = Effort(examples=0.1, ladder=(30,))  # inequalities: one rung decides (margins >> 1e-18)


def _eb(o, Q):
    return E.ebar(o, Q)


def _U(o, Q, s2, ti, tj):
    """E_{q ~ F_e}[U_i] from the mechanism (threshold max(e_i, g^-1(S)), price v-hat at the threshold)."""
    eb = _eb(o, Q)
    return E.utility_mechanism(o, Q, s2, ti * eb, tj * eb)


# ----------------------------------------------------------------------------- numpy wrappers

def _S(s2):
    return np.array([[0.0, s2], [s2, 0.0]])


def _lam_between_np(Q, s2, u):
    ek = E.ebar_np(Q) * E.K_KINK / (E.M_GRID - 1)
    m0 = E.expected_H(0, [0.0, 0.0], Q, _S(s2), nodes=32)
    mk = E.expected_H(0, [ek, ek], Q, _S(s2), nodes=32)
    return (m0 + u * (mk - m0)) / (Q * (Q - ek))


def _np_extremes(Q, s2, u):
    lam = _lam_between_np(Q, s2, u)
    return list(E.least_equilibrium_np(Q, s2, lam)) + list(E.greatest_equilibrium_np(Q, s2, lam))


def _np_max_upset(Q, s2, u):
    return list(E.max_upset_np(Q, s2, _lam_between_np(Q, s2, u)))


def _np_best_response(Q, s2, tj, u):
    eb = E.ebar_np(Q)
    ek = eb * E.K_KINK / (E.M_GRID - 1)
    e = [0.0, tj * eb]
    lam = u * E.expected_H(0, e, Q, _S(s2), nodes=32) / (Q * (Q - ek))
    return E.best_response_np(0, e, Q, _S(s2), [E.coordination_cost_np(lam, Q)] * 2, E.M_GRID, nodes=32)


# ----------------------------------------------------------------------------- formulas for the claims

def _tarski_both(o, Q, s2, u):
    lam = E.lam_between(o, Q, s2, u)
    return E.tarski_c(o, Q, s2, lam, top=False) + E.tarski_c(o, Q, s2, lam, top=True)


def _tarski_top(o, Q, s2, u):
    return E.tarski_c(o, Q, s2, E.lam_between(o, Q, s2, u), top=True)


def _br(o, Q, s2, tj, u):
    ej = tj * _eb(o, Q)
    return E.best_response_c(o, Q, s2, ej, u * E.lam_for(o, Q, E.mean_H(o, Q, s2, ej)))


def _br_fixed_cost(o, Q, s2, tj, u):
    lam = E.lam_between(o, Q, s2, u)
    return E.best_response_c(o, Q, s2, tj * _eb(o, Q), lam)


def _top_in_s2(o, Q, s2, u):
    return E.tarski_c(o, Q, s2, E.lam_fixed(o, Q, u), top=True)


def _b39_lhs(o, Q, s2, ti, tj):
    """d^2/de_i de_j of (B.38) = E[H](e_j) / (Q - e_i): a product, each factor differentiated by mpmath.diff."""
    eb = _eb(o, Q)
    return o.diff(lambda x: E.mean_H(o, Q, s2, x), tj * eb) * o.diff(lambda y: 1 / (Q - y), ti * eb)


def _b39_rhs(o, Q, s2, ti, tj):
    eb = _eb(o, Q)
    return E.dmean_H_dej(o, Q, s2, tj * eb) / (Q - ti * eb) ** 2


def _sigma_cross_lhs(o, Q, s2, ti, tj):
    """d^2/de_i d sigma_ij^2 of (B.38) = E[H](sigma_ij^2) / (Q - e_i), each factor by mpmath.diff."""
    eb = _eb(o, Q)
    return o.diff(lambda s: E.mean_H(o, Q, s, tj * eb), s2) * o.diff(lambda y: 1 / (Q - y), ti * eb)


def _allocated_share(o, Q, S, ti):
    """Probability that agent i (q_i ~ Unif[e_i, Q]) is allocated: (Q - g^-1(S)) / (Q - e_i)."""
    return (Q - E.ginv(o, S, Q)) / (Q - ti * _eb(o, Q))


# Proposition C.1 (exact model)
def _cii(o, Sigma, q, i):
    return model.inv(o, model.sigma_q(o, Sigma, q))[i, i]


def _slack(o, Sigma, q, i):
    """-c_ii sigma_i^2/q_i + 1."""
    return -_cii(o, Sigma, q, i) * Sigma[i, i] / q[i] + 1


def _c25(o, Sigma, q, i):
    return 1 / q[i] ** 2 * _slack(o, Sigma, q, i) ** 2


def _v_identity(o, Sigma, q, i):
    return 1 - 1 / q[i] * _slack(o, Sigma, q, i)


def _dcii_dqj(o, Sigma, q, i, j):
    return o.diff(lambda t: _cii(o, Sigma, model.with_entry(q, j, t), i), q[j])


def _dcii_printed(o, Sigma, q, i, j):
    C = model.inv(o, model.sigma_q(o, Sigma, q))
    return Sigma[j, j] / q[j] ** 2 * C[j, i] ** 2


def _dinv_entry(o, Sigma, q, j, k, l):
    return o.diff(lambda t: model.inv(o, model.sigma_q(o, Sigma, model.with_entry(q, j, t)))[k, l], q[j])


def _dinv_printed(o, Sigma, q, j, k, l):
    C = model.inv(o, model.sigma_q(o, Sigma, q))
    return Sigma[j, j] / q[j] ** 2 * C[j, k] * C[j, l]


def _v_cross(o, Sigma, q, i, j):
    return o.diff(lambda t: model.value_derivative(o, Sigma, model.with_entry(q, j, t), i), q[j])


def _c26(o, Sigma, q, i, j):
    return -2 * Sigma[i, i] / q[i] ** 3 * _dcii_dqj(o, Sigma, q, i, j) * _slack(o, Sigma, q, i)


def _c26_closed(o, Sigma, q, i, j):
    return -2 * Sigma[i, i] / q[i] ** 3 * _dcii_printed(o, Sigma, q, i, j) * _slack(o, Sigma, q, i)


jV = Var("j", Index("n"), "the other agent (0-based)")
kV = Var("k", Index("n"), "row index")
lV = Var("l", Index("n"), "column index")
I_NE_J = Given("j != i", lambda o, i, j, **_: i != j)

Qc = Var("Q", Real(0.5, None, sample=(0.5, 20.0), log=True), "upper end of the quality support")
av = Var("a", Real(0.25, 4.0, log=True), "sigma_1^2")
dv = Var("d", Real(0.25, 4.0, log=True), "sigma_2^2")
rho = Var("rho", Real(-0.95, 0.95), "correlation of theta_1, theta_2")
c_t1, c_t2 = Var("t1", Real(0, 0.9), "e_1 = t1 Q"), Var("t2", Real(0, 0.9), "e_2 = t2 Q")
c_t1b, c_t2b = Var("t1b", Real(0, 0.9), "e_1' = t1b Q"), Var("t2b", Real(0, 0.9), "e_2' = t2b Q")
C_ORDERED = (Given("t1 <= t1b", lambda o, t1, t1b, **_: t1 <= t1b), Given("t2 <= t2b", lambda o, t2, t2b, **_: t2 <= t2b))


def _Ev(o, Q, a, d, rho, t1, t2):
    b = rho * o.sqrt(a * d)
    return E.expected_v1(o, Q, a, b, d, t1 * Q, t2 * Q)


def _Ev_cross(o, Q, a, d, rho, t1, t2):
    b = rho * o.sqrt(a * d)
    return E.expected_v1_cross(o, Q, a, b, d, t1 * Q, t2 * Q)


SEC_B = "B (proof of Theorem 3)"
SEC_C = "C (proof of Proposition C.1)"

CLAIMS = (
    # ------------------------------------------------------------------------- §4
    Claim(
        id="admm.sec4.fosd", label="§4 line 133", section="4", kind="definition",
        latex=r"F_{i,e_i} = \mathrm{Unif}[e_i, Q]:\ \bar F_{i,e_i}(q) = 1 - F_{i,e_i}(q) \text{ is non-decreasing in } e_i"
              r"\text{ (greater effort improves quality in first-order stochastic dominance)}",
        statement=Monotone(lambda o, Q, x, w: E.tail(o, x * Q, w * Q, Q), "w", "nondecreasing"),
        variables=(Var("Q", Real(0.5, 20.0), "upper end of the support"), Var("x", Real(0, 1), "q = x Q"),
                   Var("w", Real(0, 0.99), "e = w Q")),
        symbolic=None,
        notes="The checkable content of the model of §4 for the family Theorem 3 uses.",
    ),
    Claim(
        id="admm.sec4.free-riding", label="§4 line 135", section="4", kind="structural",
        latex=r"\text{without payments for data centrality, utilities are submodular in } \mathbf e",
        statement=AllOf(("admm.propC1.submodular", "admm.propC1.effort-cross-partial")),
        notes="Formally Proposition C.1 (full allocation, no payments).",
    ),
    Claim(
        id="admm.sec4.threshold-above-effort", label="§4 line 141", section="4", kind="inequality",
        latex=r"e_i \le \sqrt Q - 2 \Rightarrow \Pr_{q_i\sim F_{i,e_i}}[q_i \ge \bar q] = \frac{Q-g^{-1}(S)}{Q-e_i} < 1"
              r"\text{ (the mechanism does not allocate to every report)}",
        statement=Compare(_allocated_share, "<", 1),
        variables=(Qg, Var("S", Real(0, 1 / 3), "S_{q_-i}"), ti), symbolic=None,
    ),
    Claim(
        id="admm.thm3.i", label="Theorem 3(i)", section="4", kind="structural",
        latex=r"\mathbb E[U_i](e_i', e_j') + \mathbb E[U_i](e_i, e_j) \ge \mathbb E[U_i](e_i', e_j) + \mathbb E[U_i](e_i, e_j')"
              r"\ (e \le e'):\ \text{increasing differences, a supermodular game}",
        statement=Compare(lambda o, Q, s2, ti, tj, ti2, tj2: E.utility(o, Q, s2, ti2, tj2) + E.utility(o, Q, s2, ti, tj), ">=",
                          lambda o, Q, s2, ti, tj, ti2, tj2: E.utility(o, Q, s2, ti2, tj) + E.utility(o, Q, s2, ti, tj2)),
        variables=(Qg, s2v, ti, tj, ti2, tj2), given=ORDERED, symbolic=None, effort=GAME_CMP,
        notes="Two agents; expected utility by (B.38) (admm.B38 checks it against the mechanism's own utility; "
              "the n = 3, 4 cross differences are in tests/test_admm_effort.py); costs depend on own effort only "
              "and cancel in the cross difference.",
    ),
    Claim(
        id="admm.thm3.ii", label="Theorem 3(ii)", section="4", kind="equilibrium",
        latex=r"\text{the equilibria form a non-empty complete lattice: least } \underline{\mathbf e}\text{ and greatest } "
              r"\bar{\mathbf e} = \text{the limits of best-response iteration from } \mathbf 0 \text{ and } (\sqrt Q-2)\mathbf 1",
        statement=Defines(_tarski_both), variables=(Qg, s2pos, u_wide), given=(NO_TIE,), symbolic=None, effort=GAME_DEF,
        implementations=(Implementation(lambda Q, s2, u: _np_extremes(Q, s2, u), _tarski_both, max_bits=2.0,
                                        name="effort.least/greatest_equilibrium_np (brute force)"),),
        notes="(least, greatest) by Tarski iteration (mpmath) vs the least/greatest element of the set of all "
              "grid equilibria found by brute force (numpy; raises if the set has no least/greatest element).",
    ),
    Claim(
        id="admm.thm3.iii", label="Theorem 3(iii)", section="4", kind="monotonicity",
        latex=r"\bar{\mathbf e}(\hat\Sigma) \text{ (the greatest equilibrium) is non-decreasing in } \sigma_{12}^2",
        statement=Monotone(_top_in_s2, "s2", "nondecreasing"), variables=(Qg, s2v, u_fix), symbolic=None,
        given=(Given("u >= 1e-3 (u = 0, s2 = 0 is an exact tie)", lambda o, u, **_: u >= o.num(1) / 1000),),
        effort=GAME_STEP,
    ),
    # ------------------------------------------------------------------------- App. B, proof of Theorem 3
    Claim(
        id="admm.B31", label="(B.31)", section=SEC_B, kind="definition",
        latex=r"e_i \ge \sqrt Q - 2 \Rightarrow \mathbb E[U_i](e_i, e_j) - c_i(e_i) \le \mathbb E[U_i](e_i,e_j) - 1"
              r" < \mathbb E[U_i](0, e_j) - c_i(0):\ \text{efforts lie in } [0, \sqrt Q - 2]",
        statement=Compare(lambda o, Q, s2, w, tj: E.utility_mechanism(o, Q, s2, _eb(o, Q) + w * (Q - _eb(o, Q)),
                                                                     tj * _eb(o, Q)) - 1, "<",
                          lambda o, Q, s2, w, tj: E.utility_mechanism(o, Q, s2, 0, tj * _eb(o, Q))),
        variables=(Qg, s2v, Var("w", Real(0, 0.99), "e_i = sqrt(Q) - 2 + w (Q - sqrt(Q) + 2)"), tj),
        symbolic=None, effort=GAME_STEP,
        notes="Any effort above sqrt(Q) - 2 (cost >= 1) is beaten by zero effort; utility from the mechanism.",
    ),
    Claim(
        id="admm.B32", label="(B.32)", section=SEC_B, kind="inequality",
        latex=r"S_{\mathbf q_{-i}} = \sum_{j\ne i}\sigma_{ij}^2\frac{q_j}{1+q_j} \le \sum_{j\ne i}\sigma_{ij}^2",
        statement=Compare(sympy.Symbol("s2a") * sympy.Symbol("qa") / (1 + sympy.Symbol("qa"))
                          + sympy.Symbol("s2b") * sympy.Symbol("qb") / (1 + sympy.Symbol("qb")), "<=",
                          sympy.Symbol("s2a") + sympy.Symbol("s2b")),
        variables=(Var("s2a", Real(0, 1 / 3)), Var("s2b", Real(0, 1 / 3)),
                   Var("qa", Real(0, None, sample=(0.0, 100.0))), Var("qb", Real(0, None, sample=(0.0, 100.0)))),
        given=(Given("sigma_ij^2 sum to < 1/3", lambda o, s2a, s2b, **_: s2a + s2b < o.num(1) / 3),),
        notes="Three agents (two others); the bound < 1/3 is the eps-regime hypothesis.",
    ),
    Claim(
        id="admm.B38", label="(B.38)", section=SEC_B, kind="identity",
        latex=r"\mathbb E_{\mathbf q\sim F_{\mathbf e}}[U_i(\mathbf q)] = \frac{1}{Q-e_i}\mathbb E_{\mathbf q_{-i}\sim F_{\mathbf e_{-i}}}[H(S_{\mathbf q_{-i}})]",
        statement=Equal(_U, E.utility),
        variables=(Qg, s2v, ti, tj), symbolic=None, effort=GAME,
        notes="Left: E over q_j (mpmath.quad in q_j, a root g^-1 per node) of the (B.36) integral from the threshold "
              "q-bar = inf{q >= e_i : phi-hat(q) >= 0} = max(e_i, g^-1(S)); right: E[H] by the substitution "
              "q_j -> g^-1(S) (no root inside the integral).  The double integral of the realised utility "
              "(effort.utility_mechanism_2d) agrees in tests/test_admm_effort.py.",
    ),
    Claim(
        id="admm.B39", label="(B.39)", section=SEC_B, kind="identity",
        latex=r"\frac{\partial^2\mathbb E[U_i(\mathbf q)]}{\partial e_i\partial e_j} = \frac{1}{(Q-e_i)^2}\frac{\partial}{\partial e_j}"
              r"\mathbb E_{\mathbf q_{-i}\sim F_{\mathbf e_{-i}}}[H(S_{\mathbf q_{-i}})]",
        statement=Equal(_b39_lhs, _b39_rhs), variables=(Qg, s2v, ti, tj_in), symbolic=None, effort=GAME_DIFF,
        notes="Left: mpmath.diff twice of (B.38); right: d/de_j E[H] by Leibniz' rule, (E[H] - H(S_{e_j}))/(Q - e_j).",
    ),
    Claim(
        id="admm.thm3.sd.G", label="proof of Theorem 3(i), stochastic-dominance step", section=SEC_B,
        kind="monotonicity",
        latex=r"G(q_j) := H(S_{q_j,\mathbf q_{-i,j}}) = H\Big(\sigma_{ij}^2\frac{q_j}{1+q_j} + \sum_{k\ne i,j}\sigma_{ik}^2\frac{q_k}{1+q_k}\Big)"
              r"\text{ is non-decreasing in } q_j",
        statement=Monotone(lambda o, Q, s2, sr, x: E.H_f(o, s2 * x / (1 + x) + sr, Q), "x", "nondecreasing"),
        variables=(Qg, s2v, Var("sr", Real(0, 1 / 3), "the other agents' part of S"),
                   Var("x", Real(0, None, sample=(0.0, 100.0)), "q_j")),
        given=(Given("S < 1/3: sigma_ij^2 + rest < 1/3", lambda o, s2, sr, **_: s2 + sr < o.num(1) / 3),),
        symbolic=None,
    ),
    Claim(
        id="admm.thm3.sd.mean", label="proof of Theorem 3(i), stochastic-dominance step", section=SEC_B,
        kind="monotonicity",
        latex=r"\mathbb E_{q_j\sim \mathrm{Unif}[e_j,Q]}[G(q_j)] \text{ is non-decreasing in } e_j",
        statement=Monotone(lambda o, Q, s2, tj: E.mean_H(o, Q, s2, tj * _eb(o, Q)), "tj", "nondecreasing"),
        variables=(Qg, s2v, tj), symbolic=None, effort=GAME_CMP,
    ),
    Claim(
        id="admm.thm3.topkis", label="proof of Theorem 3(ii)", section=SEC_B, kind="monotonicity",
        latex=r"\overline{BR}_i(\mathbf e_{-i}) \text{ is non-decreasing in } \mathbf e_{-i}\text{ (Topkis)}",
        statement=Monotone(_br_fixed_cost, "tj", "nondecreasing"), variables=(Qg, s2pos, tj, u_mid),
        symbolic=None, effort=GAME_STEP,
        notes="Coordination cost with slope between the indifference points at e_j = 0 and e_j = e_k: the best "
              "response jumps from 0 to e_k as e_j grows.",
    ),
    Claim(
        id="admm.fn14", label="footnote 14", section=SEC_B, kind="definition",
        latex=r"\overline{BR}_i(\mathbf e_{-i}) = \max\operatorname{argmax}_{e_i\in[0,\sqrt Q-2]}\ \mathbb E[U_i] - c_i(e_i)",
        statement=Defines(_br), variables=(Qg, s2v, tj, u_br), given=(NO_TIE,), symbolic=None, effort=GAME_DEF,
        implementations=(Implementation(lambda Q, s2, tj, u: _np_best_response(Q, s2, tj, u), _br, max_bits=2.0,
                                        name="effort.best_response_np"),),
        notes="Grid {k (sqrt(Q) - 2)/10}; ties resolved to the greatest maximiser in both implementations.",
    ),
    Claim(
        id="admm.thm3.sigma-cross", label="proof of Theorem 3(iii), increasing differences in (e_i, Σ̂)",
        section=SEC_B, kind="identity",
        latex=r"\frac{\partial^2\mathbb E[U_i]}{\partial e_i\partial\hat\Sigma_{ij}} = \frac{1}{(Q-e_i)^2}\mathbb E_{\mathbf q_{-i}}"
              r"\Big[\frac{q_j}{1+q_j}H'(S_{\mathbf q_{-i}})\Big]",
        statement=Equal(_sigma_cross_lhs, E.cross_partial_sigma), variables=(Qg, s2in, ti, tj), symbolic=None,
        effort=GAME_DIFF,
        notes="Left: mpmath.diff of (B.38) in e_i and sigma_ij^2; right: H' by the chain rule through g^-1.",
    ),
    Claim(
        id="admm.thm3.sigma-cross.sign", label="proof of Theorem 3(iii), increasing differences in (e_i, Σ̂)",
        section=SEC_B, kind="inequality",
        latex=r"\frac{1}{(Q-e_i)^2}\mathbb E_{\mathbf q_{-i}}\Big[\frac{q_j}{1+q_j}H'(S_{\mathbf q_{-i}})\Big] \ge 0",
        statement=Compare(E.cross_partial_sigma, ">=", 0), variables=(Qg, s2v, ti, tj), symbolic=None, effort=GAME_CMP,
    ),
    Claim(
        id="admm.thm3.iteration", label="proof of Theorem 3(iii), best-response iteration", section=SEC_B,
        kind="equilibrium",
        latex=r"\text{best-response iteration from } \mathcal E(\hat\Sigma)=\{\overline{BR}(\mathbf e)\ge\mathbf e\}"
              r"\text{ reaches the largest equilibrium, } \bar{\mathbf e}(\hat\Sigma) = \max\mathcal E(\hat\Sigma)",
        statement=Defines(_tarski_top), variables=(Qg, s2pos, u_wide), given=(NO_TIE,), symbolic=None, effort=GAME_DEF,
        implementations=(Implementation(lambda Q, s2, u: _np_max_upset(Q, s2, u), _tarski_top, max_bits=2.0,
                                        name="effort.max_upset_np (brute force)"),),
        notes="mpmath iteration from the top vs the greatest element of E(Sigma-hat) by brute force (numpy); "
              "E(Sigma-hat) subset of E(Sigma-hat') and the monotone path are in tests/test_admm_effort.py.",
    ),
    # ------------------------------------------------------------------------- App. C, Proposition C.1
    Claim(
        id="admm.propC1.submodular", label="Proposition C.1", section="C", kind="structural",
        latex=r"\mathbb E[v_1](e_1', e_2') + \mathbb E[v_1](e_1, e_2) \le \mathbb E[v_1](e_1', e_2) + \mathbb E[v_1](e_1, e_2')"
              r"\ (e\le e'):\ \text{full allocation, no payments: a submodular game}",
        statement=Compare(lambda o, Q, a, d, rho, t1, t2, t1b, t2b: _Ev(o, Q, a, d, rho, t1b, t2b) + _Ev(o, Q, a, d, rho, t1, t2),
                          "<=",
                          lambda o, Q, a, d, rho, t1, t2, t1b, t2b: _Ev(o, Q, a, d, rho, t1b, t2) + _Ev(o, Q, a, d, rho, t1, t2b)),
        variables=(Qc, av, dv, rho, c_t1, c_t2, c_t1b, c_t2b), given=C_ORDERED, symbolic=None,
        effort=Effort(examples=0.15, ladder=(30,)),
        notes="Two agents, q_k ~ Unif[e_k, Q]; E[v_1] by the closed-form q_1-integral of (A.1) and mpmath.quad in q_2. "
              "Best responses decreasing in the other's effort: tests/test_admm_effort.py.",
    ),
    Claim(
        id="admm.C25", label="(C.25)", section=SEC_C, kind="identity",
        latex=r"\frac{\partial v_i(\mathbf q)}{\partial q_i} = \frac{1}{q_i^2}\Big(-c_{ii}\frac{\sigma_i^2}{q_i}+1\Big)^2",
        statement=Equal(lambda o, Sigma, q, i: model.value_derivative(o, Sigma, q, i), _c25),
        variables=MAT, symbolic=None, effort=MAT_EQ,
        implementations=(Implementation(lambda Sigma, q, i: gaussian.value_derivative(Sigma, q)[i], _c25, max_bits=4.0,
                                        name="gaussian.value_derivative"),),
    ),
    Claim(
        id="admm.C26", label="(C.26)", section=SEC_C, kind="identity",
        latex=r"\frac{\partial^2 v_i(\mathbf q)}{\partial q_i\partial q_j} = \frac{-2\sigma_i^2}{q_i^3}\frac{\partial c_{ii}}{\partial q_j}"
              r"\Big(-c_{ii}\frac{\sigma_i^2}{q_i}+1\Big)",
        statement=Equal(_v_cross, _c26), variables=MAT + (jV,), given=(I_NE_J,), symbolic=None,
        effort=MAT_EQ,
        notes="Left: mpmath.diff of eq. (2) twice; right: d c_ii/d q_j by mpmath.diff.",
    ),
    Claim(
        id="admm.C26.sign", label="(C.26)", section=SEC_C, kind="inequality",
        latex=r"\frac{-2\sigma_i^2}{q_i^3}\frac{\partial c_{ii}}{\partial q_j}\Big(-c_{ii}\frac{\sigma_i^2}{q_i}+1\Big) \le 0",
        statement=Compare(_c26_closed, "<=", 0), variables=MAT + (jV,), given=(I_NE_J,), symbolic=None, effort=MAT_CMP,
    ),
    Claim(
        id="admm.propC1.v-identity", label="proof of Proposition C.1, identities", section=SEC_C, kind="identity",
        latex=r"v_i(\mathbf q) = 1 - \frac{1}{q_i}\Big(-c_{ii}\frac{\sigma_i^2}{q_i}+1\Big)",
        statement=Equal(model.value_A1, _v_identity), variables=MAT, symbolic=None, effort=MAT_EQ,
    ),
    Claim(
        id="admm.propC1.v-range.lo", label="proof of Proposition C.1, identities", section=SEC_C, kind="inequality",
        latex=r"v_i(\mathbf q) \ge 0", statement=Compare(model.value_A1, ">=", 0), variables=MAT, symbolic=None, effort=MAT_CMP,
    ),
    Claim(
        id="admm.propC1.v-range.hi", label="proof of Proposition C.1, identities", section=SEC_C, kind="inequality",
        latex=r"v_i(\mathbf q) \le 1", statement=Compare(model.value_A1, "<=", 1), variables=MAT, symbolic=None, effort=MAT_CMP,
    ),
    Claim(
        id="admm.propC1.slack", label="proof of Proposition C.1, identities", section=SEC_C, kind="inequality",
        latex=r"-c_{ii}\frac{\sigma_i^2}{q_i} + 1 \ge 0", statement=Compare(_slack, ">=", 0), variables=MAT,
        symbolic=None, effort=MAT_CMP,
    ),
    Claim(
        id="admm.propC1.dinv", label="proof of Proposition C.1, identities", section=SEC_C, kind="identity",
        latex=r"\frac{\partial\Sigma_{\mathbf q}^{-1}}{\partial q_j} = \frac{\sigma_j^2}{q_j^2}(c_{j1},\dots,c_{jn})^\top(c_{j1},\dots,c_{jn})",
        statement=Equal(_dinv_entry, _dinv_printed), variables=(nV, SigmaV, qV, jV, kV, lV), symbolic=None,
        effort=MAT_EQ, notes="Entry (k, l) of both sides; left by mpmath.diff of the inverse.",
    ),
    Claim(
        id="admm.propC1.dcii", label="proof of Proposition C.1, identities", section=SEC_C, kind="identity",
        latex=r"\frac{\partial c_{ii}}{\partial q_j} = \frac{\sigma_j^2}{q_j^2}c_{ji}^2",
        statement=Equal(_dcii_dqj, _dcii_printed), variables=MAT + (jV,), symbolic=None, effort=MAT_EQ,
    ),
    Claim(
        id="admm.propC1.dcii.sign", label="proof of Proposition C.1, identities", section=SEC_C, kind="inequality",
        latex=r"\frac{\partial c_{ii}}{\partial q_j} \ge 0", statement=Compare(_dcii_dqj, ">=", 0),
        variables=MAT + (jV,), given=(I_NE_J,), symbolic=None, effort=MAT_CMP,
        notes="Left by mpmath.diff; zero when Sigma_q^-1 has c_ji = 0.",
    ),
    Claim(
        id="admm.propC1.effort-cross-partial", label="proof of Proposition C.1, effort cross-partial", section=SEC_C,
        kind="inequality",
        latex=r"\frac{\partial^2}{\partial e_1\partial e_2}\mathbb E_{q_1\sim F_{1,e_1},q_2\sim F_{2,e_2}}[v_1(\mathbf q)] \le 0",
        statement=Compare(_Ev_cross, "<=", 0), variables=(Qc, av, dv, rho, c_t1, c_t2), symbolic=None,
        effort=Effort(examples=0.25, ladder=(30,)),
        notes="Left by Leibniz' rule on the double integral (independent of the integration by parts); the identity "
              "with the printed tail integral is checked by quadrature in tests/test_admm_effort.py.",
    ),
)
