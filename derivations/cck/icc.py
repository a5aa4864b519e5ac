"""cck §5.1, App. A and App. B: the equilibrium of Algorithm 2 -- Lemma 7, the ICC chain,
Theorem 5.1 (ICC, IRC, profit), Theorem 3 on M*, Abstract line 21, and App. A (IRB, EFB).

A contributor's utility (7) for a deviation (n_i, f_i) against s_-i* is in closed form
    I(|Y_i| = N_i*) B_i - c_i n_i - d_i (sup_mu E[(mu_hat(Y_i) - mu)^2] + sigma^2/N_-i*),
B_i the indicator-weighted part of (15) (model.DEV_FAMILIES lists the families; shrunk and constant
reports have sup_mu E = +inf, hence utility -inf: tests/test_cck_equilibrium.py).
Two hypotheses the paper never states are needed (two independent confirmations each: the closed
forms below, refuted by the engine in the given region, and an exact Algorithm 1 instance with
eq. (11) valuations plus a Monte Carlo of the realized payments, tests/test_cck_equilibrium.py):
  W >= 0      i.e. sum_j q_j+ >= c_1(N+ - 1) + c_2            (IRC; Q_IRC in model)
  B_1 >= 0    i.e. sum_j q_j+ >= c_2 - c_1((N+)^2 + 1)         (Lemma 7, ICC; Q_LEMMA7 in model)
"""
import sympy

from derivations.claims import Claim, Erratum, Given, Symbolic, Var
from derivations.domains import Int, Real
from derivations.statements import Compare, Equal, Monotone

from . import model as M
from .variables import (B1, BOFF, C1, C2W, FAMV, NI, NP, ORDERED_S, QS, S, c1s, c2w, kind, sigma, tau)

SC = (S, C1, C2W, NP, QS)
ORDERED = Given("c_1 <= c_2", lambda o, c1, c2, **_: c1 <= c2)
NPLUS2 = Given("N+ >= 2 (Algorithm 2 needs N_1* = N+ - 1 >= 1)",
               lambda o, kind, tau, sigma, c1, **_: M.nplus(o, kind, tau, sigma, c1) >= 2)
INST2 = (B1, kind, tau, sigma, c1s, c2w)

# where B_1 < 0 (and W < 0): cheap contributor 1, expensive contributor 2, little revenue
BAD = (Var("c1", Real(0.01, 0.02)), Var("c2", Real(1.5, 2.0)), Var("Q", Real(0.0, 0.5)),
       Var("Np", Real(2.0, 4.0)))
EXPLAIN_B1 = (
    "The proof bounds I(|Y_i| = N_i*) B_i <= B_i, which needs B_i >= 0; B_i is the bracket of (15). "
    "B_2 > 0 always (c_1 <= c_2, sum q+ >= 0), but B_1 = W(N+ - 1)/N+ + c_1((N+)^2 - 1) < 0 iff "
    "sum_j q_j+ < c_2 - c_1((N+)^2 + 1), which nothing excludes (c_2 is unrestricted). Then "
    "submitting N_1* + 1 points with the same mean forfeits a negative bonus and gains -B_1 > 0. "
    "Realizable: one buyer with v^e(e) = 1{e <= 1}, sigma = 1 (v^d(m) = erf(sqrt(m/2))), c_1 = 1/10, "
    "c_2 = 2: Algorithm 1 gives N+ = 2, q+ = erf(1) = 0.8427, W = -1.257, B_1 = -0.329; confirmed exactly "
    "(Fractions) and by Monte Carlo of eq. (15) in tests/test_cck_equilibrium.py. Corrected: the "
    "statement under the hypothesis B_1 >= 0 (Q replaced by max(Q, c_2 - c_1((N+)^2 + 1))).")


def _vec(exprs):
    return lambda o, **v: [M.tree(e, o, v) for e in exprs]


def _fam(i, hyp=None):
    """u_i^c for the family ``fam`` (an Int variable): evaluated per instance."""
    def f(o, fam, **v):
        e = M.dev_utility(i, fam)
        if hyp is not None:
            e = M.with_q([e], hyp)[0]
        return M.tree(e, o, v)
    return f


def _icc(hyp=None):
    def lhs(o, **v):
        return [_fam(0, hyp)(o, **v), _fam(1, hyp)(o, **v), -v["c2"] * v["n"]]

    def rhs(o, **v):
        us = M.U_STAR if hyp is None else M.with_q(M.U_STAR, hyp)
        return [M.tree(us[0], o, v), M.tree(us[1], o, v), o.num(0)]
    return lhs, rhs


WRONG = [M.dev_utility(i, 4) for i in range(2)]
RIGHT = [M.dev_utility(i, 1) for i in range(2)]
FB = [M.dev_utility(i, 0) for i in range(2)]
CHAIN_L = [WRONG[0], RIGHT[0], FB[0], WRONG[1], RIGHT[1], FB[1]]
CHAIN_R = [RIGHT[0], FB[0], M.U_STAR[0], RIGHT[1], FB[1], M.U_STAR[1]]

CLAIMS = (
    Claim(
        id="cck.lemma-7", label="Lemma 7", section="B", kind="inequality",
        latex=r"u_i^c(M,((n_i,f_i),s_{-i}^*))\le u_i^c(M,((n_i,f_a),s_{-i}^*)),\ "
              r"\hat\mu(f_a(X_i))=\hat\mu(f_i(X_i)),\ |f_a(X_i)|=N_i^*",
        statement=Compare(_vec(WRONG), "<=", _vec(RIGHT)),
        variables=SC + (NI, BOFF), given=(ORDERED,), symbolic=None,
        erratum=Erratum(
            corrected=Compare(_vec(M.with_q(WRONG, M.Q_LEMMA7)), "<=", _vec(M.with_q(RIGHT, M.Q_LEMMA7))),
            corrected_latex=r"\text{if } \textstyle\sum_j q_j^+\ge c_2-c_1((N^+)^2+1)\ (B_1\ge0):\ "
                            r"u_i^c(M,((n_i,f_i),s_{-i}^*))\le u_i^c(M,((n_i,f_a),s_{-i}^*))",
            explanation=EXPLAIN_B1, region=BAD),
        notes="Contributors 1 and 2 (vector). f_i submits N_i* + 1 points with mean mu_hat(X_i) + b (the "
              "only way f_i and f_a differ in (15) is the size indicator); f_a submits N_i* points with the "
              "same mean. Closed form sup_mu E[(mu_hat(f(X_i)) - mu_hat(Y_-i))^2] = sigma^2/n + b^2 + "
              "sigma^2/N_-i* (claim cck.lemma8-moment); n real > 0 as in Lemma 9.",
    ),
    Claim(
        id="cck.s51-icc-chain", label="§5.1 ICC chain", section="5.1", kind="inequality",
        latex=r"u_i^c((n_i,f_i),s_{-i}^*)\le u_i^c((n_i,f_a),s_{-i}^*)\le u_i^c((n_i,f_b),s_{-i}^*)"
              r"\le u_i^c(s_i^*,s_{-i}^*)",
        statement=Compare(_vec(CHAIN_L), "<=", _vec(CHAIN_R)),
        variables=SC + (NI, BOFF), given=(ORDERED,), symbolic=None,
        erratum=Erratum(
            corrected=Compare(_vec(M.with_q(CHAIN_L, M.Q_LEMMA7)), "<=", _vec(M.with_q(CHAIN_R, M.Q_LEMMA7))),
            corrected_latex=r"\text{if } B_1\ge0\text{ (i.e. }\textstyle\sum_j q_j^+\ge c_2-c_1((N^+)^2+1)):\ "
                            r"u_i^c((n_i,f_i))\le u_i^c((n_i,f_a))\le u_i^c((n_i,f_b))\le u_i^c(s^*)",
            explanation="The first link is Lemma 7 (claim cck.lemma-7), false when B_1 < 0; the Lemma 8 and "
                        "Lemma 9 links hold. " + EXPLAIN_B1, region=BAD),
        notes="Entries: contributor 1 (Lemma 7, 8, 9 links), then contributor 2. f_i: N_i* + 1 points with "
              "mean mu_hat(X_i) + b; f_a: N_i* points, same mean; f_b: N_i* points with mean mu_hat(X_i); "
              "s_i* = (N_i*, I). Agents i >= 3 are in cck.theorem-5-1.icc.",
    ),
    Claim(
        id="cck.theorem-5-1.icc", label="Theorem 5.1", section="5", kind="structural",
        latex=r"M^*\text{ is ICC: } u_i^c(M^*,((n_i,f_i),s_{-i}^*))\le u_i^c(M^*,s^*)\ \forall i\in\mathcal C,\ (n_i,f_i)",
        statement=Compare(_icc()[0], "<=", _icc()[1]),
        variables=SC + (NI, BOFF, FAMV), given=(ORDERED,), symbolic=None,
        erratum=Erratum(
            corrected=Compare(_icc(M.Q_LEMMA7)[0], "<=", _icc(M.Q_LEMMA7)[1]),
            corrected_latex=r"\text{if } \textstyle\sum_j q_j^+\ge c_2-c_1((N^+)^2+1):\ "
                            r"u_i^c(M^*,((n_i,f_i),s_{-i}^*))\le u_i^c(M^*,s^*)",
            explanation="ICC fails exactly when B_1 < 0: the best wrong-size deviation of contributor 1 "
                        "(N_1* points collected, N_1* + 1 reported with the same mean) earns u_1* - B_1 > u_1*. "
                        + EXPLAIN_B1,
            region=BAD + (Var("fam", Int(3, 4)),)),
        notes="Entries: contributors 1, 2 for the deviation family fam (model.DEV_FAMILIES: f_b, shifted by "
              "b, fabricated from N(mu_hat(X_i), S^2) fitted to X_i, and the two wrong-size families) with "
              "n collected points; a contributor i >= 3 (paid 0) collecting n points: -c_i n <= 0 "
              "(with c_i >= c_2, the smallest such cost used). Shrunk and constant reports have utility "
              "-inf (sup over mu); see the tests.",
    ),
    Claim(
        id="cck.appA-irc.nonneg", label="Appendix A (IRC)", section="A", kind="inequality",
        latex=r"u_i^c(M,s^*)=W\frac{N_i^*}{N^+}\ge0",
        statement=Compare(_vec(M.U_STAR), ">=", 0),
        variables=SC, given=(ORDERED,),
        erratum=Erratum(
            corrected=Compare(_vec(M.with_q(M.U_STAR, M.Q_IRC)), ">=", 0),
            corrected_latex=r"\text{if } \textstyle\sum_j q_j^+\ge c_1(N^+-1)+c_2\ (W\ge0):\ u_i^c(M,s^*)=W\frac{N_i^*}{N^+}\ge0",
            explanation="W = sum_j q_j+ - c_1(N+ - 1) - c_2 = profit_{N+} - (c_2 - c_1) is negative whenever "
                        "c_2 - c_1 exceeds Algorithm 1's profit; the paper never assumes otherwise (c_2 is "
                        "unrestricted, and Lemma 2's erratum shows profit_{N+} itself can be negative). Then "
                        "both contributors expect W N_i*/N+ < 0 at s*. Example: one buyer, v^d(m) = "
                        "erf(sqrt(m/2)), c_1 = 1/10, c_2 = 1: N+ = 2, W = 0.8427 - 0.1 - 1 < 0; confirmed "
                        "exactly and by Monte Carlo in tests/test_cck_equilibrium.py.",
            region=(Var("c2", Real(1.5, 2.0)), Var("Q", Real(0.0, 0.5)))),
        notes="Contributors 1 and 2; the equality u_i^c = W N_i*/N+ is claim cck.appA-irc (corrected).",
    ),
    Claim(
        id="cck.abstract-ne", label="Abstract line 21", section="Abstract", kind="equilibrium",
        latex=r"\text{a NE in which only the two lowest-cost contributors collect all the data and report it truthfully}",
        statement=Compare(lambda o, kind, tau, sigma, c1, c2: M.best_deviation(o, kind, tau, sigma, c1, c2)[0], "<=",
                          lambda o, kind, tau, sigma, c1, c2: M.best_deviation(o, kind, tau, sigma, c1, c2)[1]),
        variables=INST2, given=(ORDERED, NPLUS2), symbolic=None,
        erratum=Erratum(
            corrected=Compare(lambda o, kind, tau, sigma, c1, c2: M.best_deviation(o, kind, tau, sigma, c1, c2, True)[0], "<=",
                              lambda o, kind, tau, sigma, c1, c2: M.best_deviation(o, kind, tau, sigma, c1, c2, True)[1]),
            corrected_latex=r"\text{if } c_2\le\textstyle\sum_j q_j^+ + c_1((N^+)^2+1):\ s^*\text{ is a NE}",
            explanation="On real instances (eq. (11) valuations, Algorithm 1 with the exact A, exact "
                        "Fractions): when c_2 > sum_j q_j+ + c_1((N+)^2 + 1), contributor 1's bonus B_1 is "
                        "negative and reporting N_1* + 1 points beats s* (claims cck.lemma-7, "
                        "cck.theorem-5-1.icc). " + EXPLAIN_B1,
            region=(Var("c2", Real(3.0, 4.0)),)),
        notes="Left: sup over deviations of u_i^c for contributors 1, 2 = max(u_i*, u_i* - B_i) (right-size "
              "families peak at n = N_i*, wrong-size ones at u_i* - B_i, shrunk/constant are -inf); right: "
              "u_i* = W N_i*/N+. Instances: one buyer of eq. (11) family kind, c_1 in [0.05, 0.12] (so N+ >= 2 "
              "is common; Algorithm 2 is undefined for N+ = 1, claim cck.alg2-defined). The price part "
              "('buyers pay less when discrepancies are significant') is claim cck.abstract-price.",
    ),
    Claim(
        id="cck.abstract-price", label="Abstract line 21", section="Abstract", kind="monotonicity",
        latex=r"\text{buyers pay less if there are significant discrepancies in contributors' datasets}",
        statement=Monotone(M.price(), "D", "decreasing"),
        variables=(S, C1, C2W, NP, Var("q", Real(0.0, 1.0)), Var("Bn", Real(1.0, 10.0)),
                   Var("D", Real(0.0, 5.0))), given=(ORDERED,), symbolic=None,
        notes="eq. (14) with both sizes as instructed, D = |mu_hat(Y_1) - mu_hat(Y_2)| >= 0: strictly "
              "decreasing (slope -2 (d_1 + d_2) D/|B|).",
    ),
    Claim(
        id="cck.theorem-3", label="Theorem 3", section="4", kind="structural",
        latex=r"s\text{ dominant under any }M\implies n_i=0\ \forall i\quad(\text{instance: } M^*)",
        statement=Compare(_vec([M.bonus_pay(i) - M.cst[i] * M.n for i in range(2)]), "<",
                          _vec([M.bonus_pay(i) for i in range(2)])),
        variables=SC + (NI,), given=(ORDERED,), symbolic=None,
        notes="The concrete consequence on M*: against s_-i = (0, 'report mu~') (the other contributor "
              "collects nothing and reports the constant mu~), contributor i's truthful reports have "
              "utility -inf (sup over mu of (mu - mu~)^2), while copying mu~ into N_i* points gives "
              "B_i - c_i n, maximal at n = 0 (left: n > 0; right: n = 0). So the best response collects "
              "nothing (Lemma 5) and s* (n_1 = N+ - 1 > 0) is not dominant. Per-mu Monte Carlo in the tests.",
    ),
    Claim(
        id="cck.theorem-5-1.profit", label="Theorem 5.1", section="5", kind="inequality",
        latex=r"\mathrm{profit}(M^*,s^*)\ge\mathrm{OPT}-(c_2-c_1)-|\mathcal B|\mathcal O(\epsilon)",
        statement=Compare(M.mech_profit, ">=",
                          lambda o, kind, tau, sigma, c1, c2: M.opt_eq3(o, kind, tau, sigma, c1) - (c2 - c1)),
        variables=INST2, given=(ORDERED, NPLUS2), symbolic=None,
        notes="Exact A (epsilon = 0), exact Fractions: profit(M*, s*) = sum_j q_j+ - c_1(N+ - 1) - c_2 "
              "(App. A; by eqs. (12), (16)), OPT by eq. (3) over N in {0, ..., |B|/c_1}. Only instances "
              "with N+ >= 2 (Algorithm 2 undefined otherwise). With eq. (11) valuations (concave in m) "
              "N+ >= 2 forces profit_1 > 0, so the N = 0 gap of Lemma 2's erratum does not arise here.",
    ),
    Claim(
        id="cck.appA-profit", label="Appendix A (Approximately optimal profit)", section="A", kind="identity",
        latex=r"\mathrm{profit}(M,s^*)=\textstyle\sum_jq_j^+-\sum_ic_iN_i^*=\overline{\mathrm{rev}}(N^+,q_{N^+})-c_1N^+-(c_2-c_1)",
        statement=Equal(M.Q - M.c1 * (M.Np - 1) - M.c2 * 1, M.Q - M.c1 * M.Np - (M.c2 - M.c1)),
        variables=SC, symbolic=Symbolic(),
        notes="The first line of the display (N_1* = N+ - 1, N_2* = 1, Q = sum_j q_j+ = rev-bar(N+, q_{N+})); "
              "the inequalities that follow are claim cck.theorem-5-1.profit.",
    ),
    Claim(
        id="cck.eq17-irb", label="eq. (17)", section="A", kind="inequality",
        latex=r"u_j^b(M,s^*)=v_j^d(m_j^+)-q_j^+\ge0",
        statement=Compare(lambda o, kind, tau, sigma, c1: M.buyer_utilities(o, kind, tau, sigma, c1)[1], ">=", 0),
        variables=(B1, kind, tau, sigma, c1s), symbolic=None,
        notes="Exact Algorithm 1 (exact A) on eq. (11) valuations; sup_mu E[p_j*] = q_j+ is claim "
              "cck.eq9-10 (no mu dependence), v^ms = v^d under s* (eq. (11)).",
    ),
    Claim(
        id="cck.appA-efb", label="Appendix A (EFB)", section="A", kind="inequality",
        latex=r"v_j^d(m_k^+)-q_k^+\le v_j^d(m_j^+)-q_j^+\quad\forall j,k",
        statement=Compare(lambda o, kind, tau, sigma, c1: M.buyer_utilities(o, kind, tau, sigma, c1)[0], "<=",
                          lambda o, kind, tau, sigma, c1: M.buyer_utilities(o, kind, tau, sigma, c1)[1]),
        variables=(Var("B", Int(1, 3)), kind, tau, sigma, Var("c1", Real(0.5, 1.0))), symbolic=None,
        notes="All pairs (j, k), exactly, on Algorithm 1's output with the exact A (|B| <= 3, c_1 >= 1/2 "
              "keeps the brute force small).",
    ),
)

CLAIMS += (
    Claim(
        id="cck.alg2-defined", label="Algorithm 2 / eq. (13)", section="5", kind="algorithm",
        latex=r"N_1^*=N^+-1,\ N_2^*=1\ \text{(so that (14), (15) divide by } N_i^*, N_{-i}^*\ge1)",
        statement=Compare(lambda o, kind, tau, sigma, c1: M.nplus(o, kind, tau, sigma, c1) - 1, ">=", 1),
        variables=(Var("B", Int(1, 3)), kind, tau, sigma, Var("c1", Real(1 / 6, 1.0))),
        given=(Given("|B|/c_1 <= 6 (size of the brute force)", lambda o, tau, c1, **_: len(tau) <= 6 * c1),),
        symbolic=None,
        erratum=Erratum(
            corrected=Compare(lambda o, kind, tau, sigma, c1: M.nplus_from(o, kind, tau, sigma, c1, 2) - 1, ">=", 1),
            corrected_latex=r"\text{run Algorithm 1 over } N\in\{2,\dots,\max(2,|\mathcal B|/c_1)\}:\ N^+\ge2,\ N_1^*=N^+-1\ge1",
            explanation="Algorithm 1 may return N+ = 1 (e.g. one buyer, c_1 >= 1/3: the search range is {1} "
                        "or {1, 2} and v^d(2) - v^d(1) < c_1 for eq. (11) valuations); then N_1* = 0, d_1 = 0, "
                        "N_-2* = 0 and (14)/(15) divide sigma^2 by N_-2* = 0: Algorithm 2 is undefined. In a "
                        "random sample of §2 instances with c_1 >= 1/6 every instance had N+ = 1 "
                        "(tests/test_cck_equilibrium.py, exact). Two collectors need N >= 2; the correction "
                        "restricts Algorithm 1's search to N >= 2 (its profit bound then is "
                        "max_{N>=2}(rev^OPT(N) - c_1 N) - (c_2 - c_1), the Theorem 4 bound for N >= 2).",
            region=(Var("B", Int(1, 1)), Var("c1", Real(0.34, 1.0)))),
        notes="Instances as in §2 (exact Fractions, exact A).",
    ),
)
