"""cck §2 (envy-free pricing, Lemma 1, Algorithm 1, Lemma 2), §3.1 eq. (11) and §4 (Theorem 4)."""
from derivations.claims import Claim, Erratum, Implementation, Var
from derivations.domains import Int, Real, Vector
from derivations.statements import Compare, Defines, Equal, Monotone

from . import model, pricing, valuations
from .valuations import FAMILIES
from .variables import (B, N, ORDERED, SMALL, c1, c2, fam, kind, m_int, m_real, qraw, sigma, tau,
                        tau1)

INST = (B, kind, tau, sigma)
INST_N = INST + (N,)
INST_C = INST + (c1,)
INST_CC = INST + (c1, c2)


def _np_alg1(kind, tau, sigma, c1):
    """numpy Algorithm 1 (float valuations) -> [N+, m+, q+, profit_{N+}]."""
    fams = [FAMILIES[min(int(k), 3)] for k in kind]
    V = valuations.quantity_table(fams, list(tau), sigma, model.top(len(tau), c1))
    Np, m, q, profits = pricing.algorithm1(V, [c1])
    return [Np, *m, *q, profits[Np]]


CLAIMS = (
    Claim(
        id="cck.s2-valuations-monotone", label="§2 lines 86–94", section="2", kind="definition",
        latex=r"v_i:\mathbb N\to[0,1] \text{ non-decreasing},\ v_i(0)=0 \quad(\text{here } v_i=v_i^d \text{ of (11)})",
        statement=Monotone(lambda o, sigma, m, tau: model.vd_closed(o, sigma, m, tau), "m", "nondecreasing"),
        variables=(sigma, m_real, tau1), symbolic=None,
        notes="Checked for the four valuation families of valuations.py (threshold, gaussian, laplace, "
              "tent v^e): v^d(m) is non-decreasing in m, as printed (it saturates at 1); v^d(0) = 0 is the convention of §2 and the "
              "range [0, 1] is checked by check_quantity_valuations in the tests.",
    ),
    Claim(
        id="cck.eq2-3-opt", label="eq. (3)", section="2.1", kind="identity",
        latex=r"\mathrm{OPT}=\max_{\{N_i\}}\Big(\mathrm{rev}^{\mathrm{OPT}}\big(\textstyle\sum_i N_i\big)-\sum_i c_iN_i\Big)"
              r"=\mathrm{rev}^{\mathrm{OPT}}(N_1^{\mathrm{OPT}})-c_1N_1^{\mathrm{OPT}}",
        statement=Equal(model.opt_eq1, model.opt_eq3),
        variables=INST_CC, given=(ORDERED, SMALL), symbolic=None,
        notes="Two contributors; both sides by exact enumeration (Fractions): the left over all "
              "(N_1, N_2) with N_1 + N_2 <= |B|/c_1, the right over N <= |B|/c_1 (§2.2 line 166); "
              "rev^OPT(N) of eq. (2) by enumeration of allocations and Bellman-Ford on the IRB/EFB "
              "difference constraints.",
    ),
    Claim(
        id="cck.s22-curve-to-scheme", label="§2.2 lines 152–156", section="2.2", kind="inequality",
        latex=r"m_j=\tilde m_j(N^{\mathrm{tot}},q),\ p_j=q(m_j) \implies \{m_j,p_j\}\in\mathbf{EF}(N^{\mathrm{tot}}),\ "
              r"\mathrm{rev}(\{p_j\})=\overline{\mathrm{rev}}(N^{\mathrm{tot}},q)",
        statement=Equal(lambda o, kind, tau, sigma, N, qraw: model.curve_scheme(o, kind, tau, sigma, N, qraw)[0],
                        lambda o, kind, tau, sigma, N, qraw: model.curve_scheme(o, kind, tau, sigma, N, qraw)[1]),
        variables=INST_N + (qraw,), symbolic=None,
        notes="Left side is rev({p_j}) if the induced scheme is IRB and EFB (checked exactly), else -1; "
              "the curve q (q(0)=0, q(1..N) drawn, not necessarily monotone) is arbitrary.",
    ),
    Claim(
        id="cck.lemma-1", label="Lemma 1", section="2.2", kind="existence",
        latex=r"\forall(\{m_j\},\{p_j\})\in\mathbf{EF}(N^{\mathrm{tot}})\ \exists q:\ "
              r"\overline{\mathrm{rev}}(N^{\mathrm{tot}},q)\ge\mathrm{rev}(\{p_j\}_{j\in\mathcal B})",
        statement=Compare(model.rev_bar_of_step, ">=", model.rev_opt),
        variables=INST_N, symbolic=None,
        notes="Checked at the revenue-optimal envy-free scheme (the hardest case), with q the step curve "
              "of §2.3 (q(0) set to 0 as Definition 1 requires); exact Fractions and exact ties in (4). "
              "tests/test_cck_pricing.py checks every extreme envy-free scheme.",
    ),
    Claim(
        id="cck.lemma-1.equality", label="Lemma 1", section="2.2", kind="identity",
        latex=r"\mathrm{rev}^{\mathrm{OPT}}(N^{\mathrm{tot}})=\overline{\mathrm{rev}}^{\mathrm{OPT}}(N^{\mathrm{tot}})",
        statement=Equal(model.rev_opt_grid, model.rev_bar_opt_grid),
        variables=INST_N, symbolic=None,
        notes="Two independent brute forces on grid valuations floor(4 v^d)/4: the left over allocations "
              "(Bellman-Ford), the right over *all* curves q: {0..N} -> {0, 1/4, ..., 1} with q(0)=0, "
              "which contains an optimal curve because optimal envy-free prices are sums of valuation "
              "differences (multiples of 1/4).",
    ),
    Claim(
        id="cck.s23-purchase-ge-alloc", label="§2.3 Proof of Lemma 1, inequality chain", section="2.3",
        kind="inequality",
        latex=r"\tilde m_j(N^{\mathrm{tot}},q)\ge m_j \quad\forall j",
        statement=Compare(lambda o, kind, tau, sigma, N: model.purchases_vs_alloc(o, kind, tau, sigma, N)[0], ">=",
                          lambda o, kind, tau, sigma, N: model.purchases_vs_alloc(o, kind, tau, sigma, N)[1]),
        variables=INST_N, symbolic=None,
        notes="Entrywise over buyers, at the revenue-optimal envy-free scheme and its step curve.",
    ),
    Claim(
        id="cck.algorithm-1", label="Algorithm 1", section="2.2", kind="algorithm",
        latex=r"N^+=\arg\max_{N\in\{1,\dots,|\mathcal B|/c_1\}}\Big(\textstyle\sum_i q_N(m_{N,i})-c_1N\Big),\ "
              r"m_j^+=m_{N^+,j},\ q_j^+=q_{N^+}(m_j^+)",
        statement=Equal(model.alg1_output, model.alg1_output),
        variables=INST_C, given=(SMALL,), symbolic=None,
        implementations=(Implementation(_np_alg1, model.alg1_output, max_bits=6.0,
                                        scale=lambda o, kind, tau, sigma, c1: [o.num(4)] * (2 * len(tau) + 2),
                                        name="pricing.algorithm1"),),
        notes="Line 6 prints the range as {1, ..., |B|/N^tot}; N^tot is undefined there and line 2 "
              "searches {1, ..., |B|/c_1}, which is used (floor). A is exact (epsilon = 0): the step "
              "curve of the best envy-free scheme. The numpy route (Floyd-Warshall over all "
              "allocations, float ties within 1e-12) is cross-checked against exact Fractions "
              "(Bellman-Ford, exact ties); errors measured in ulps of 4.",
    ),
    Claim(
        id="cck.lemma-2", label="Lemma 2", section="2.2", kind="inequality",
        latex=r"\mathrm{profit}(M)\ge\mathrm{OPT}-|\mathcal B|\mathcal O(\epsilon)",
        statement=Compare(model.alg1_profit, ">=", model.opt_eq3),
        variables=INST_C, given=(SMALL,), symbolic=None,
        erratum=Erratum(
            corrected=Equal(lambda o, kind, tau, sigma, c1: model.alg1_profit(o, kind, tau, sigma, c1, True),
                            model.opt_eq3),
            corrected_latex=r"\text{with } N \text{ ranging over } \{0,1,\dots,\lfloor|\mathcal B|/c_1\rfloor\}"
                            r" \text{ in Algorithm 1: } \mathrm{profit}(M)\ge\mathrm{OPT}-|\mathcal B|\mathcal O(\epsilon)",
            explanation="Algorithm 1 searches N >= 1 only, but OPT (eq. (1)/(3)) maximizes over N in "
                        "ℕ including N = 0 (profit 0; the proof of Lemma 2 needs N_1^OPT in the search "
                        "range). When every N >= 1 loses money, OPT = 0 > profit(M). E.g. one buyer with "
                        "v(m) = 1/2 for m >= 1 and c_1 = 9/10: the range is {1}, profit(M) = -2/5 < 0 = OPT, "
                        "with an exact A (epsilon = 0). Including N = 0 restores the bound (checked as an "
                        "equality with the exact A). Confirmed by hand (tests/test_cck_pricing.py) and by "
                        "the exact brute force.",
            region=(Var("B", Int(1, 1)), Var("c1", Real(0.9, 1.0)), Var("tau", Vector("B", Real(0.05, 0.3)))),
        ),
        notes="Instance of the statement with an exact A (|B|O(epsilon) = 0). The counterexample is "
              "sought where every N >= 1 loses money: one buyer, costly data, a demanding valuation.",
    ),
    Claim(
        id="cck.eq11-vd", label="eq. (11)", section="3.1", kind="definition",
        latex=r"v_j^d(m):=\inf_{\mu\in\mathbb R}\mathbb E_{X\sim\mathcal N(\mu,\sigma^2)^m}[v_j^e(|\hat\mu(X)-\mu|)]",
        statement=Defines(lambda o, sigma, m, tau, fam: model.vd_closed(o, sigma, o.num(m), tau)[fam]),
        variables=(sigma, m_int, tau1, fam), symbolic=None,
        implementations=(Implementation(
            lambda sigma, m, tau, fam: valuations.data_value(FAMILIES[fam], m, sigma, tau),
            model.vd_integral, max_bits=6.0, name="valuations.data_value"),),
        notes="The closed forms (threshold, gaussian, laplace, tent families) are checked well defined on "
              "the ladder; the numpy closed forms are cross-checked against the *definition* (11) evaluated "
              "by mpmath quadrature of v^e against the density of |mu_hat - mu| at 40 digits (that density "
              "does not depend on mu, so the infimum is attained at every mu). Quadrature at 120 digits is "
              "too slow for the ladder (about 1 s per instance); tests/test_cck_valuations.py also checks "
              "the closed forms against scipy quadrature and Monte Carlo.",
    ),
    Claim(
        id="cck.theorem-4", label="Theorem 4", section="4", kind="inequality",
        latex=r"\mathrm{profit}(M,s)\le\mathrm{OPT}-(c_2-c_1)",
        statement=Compare(lambda o, kind, tau, sigma, c1, c2: model.ne_profile_profit(o, kind, tau, sigma, c1, c2, True),
                          "<=", lambda o, kind, tau, sigma, c1, c2: model.opt_eq3(o, kind, tau, sigma, c1) - (c2 - c1)),
        variables=INST_CC, given=(ORDERED, SMALL), symbolic=None,
        erratum=Erratum(
            corrected=Compare(
                lambda o, kind, tau, sigma, c1, c2: model.ne_profile_profit(o, kind, tau, sigma, c1, c2, True),
                "<=", lambda o, kind, tau, sigma, c1, c2: max(o.num(0), model.opt_eq3(o, kind, tau, sigma, c1) - (c2 - c1))),
            corrected_latex=r"\mathrm{profit}(M,s)\le\max\{0,\ \mathrm{OPT}-(c_2-c_1)\}",
            explanation="Claim 6 only says that in a NE either nobody or at least two contributors collect; "
                        "the proof drops the first case. The trivial mechanism (N_i = 0, m_j = 0, p_j = 0, "
                        "pi_i = 0) is IRB and EFB and every profile with n_i = 0 is a NE of it, with profit 0. "
                        "So profit 0 is achievable whenever OPT < c_2 - c_1, e.g. one buyer with v(m) = 1/2 "
                        "(m >= 1), c_1 = 1/4, c_2 = 1: OPT = 1/4, OPT - (c_2 - c_1) = -1/2 < 0. Checked over "
                        "all collection profiles allowed by Claim 6 (none, or N_1, N_2 >= 1), exactly; the "
                        "hand example is in tests/test_cck_pricing.py."),
        notes="Left: max over collection profiles compatible with Claim 6 of rev^OPT(N_1+N_2) - c_1N_1 - "
              "c_2N_2 (the bound used in the proof of Theorem 4), together with the all-zero profile.",
    ),
    Claim(
        id="cck.theorem-4.proof", label="proof of Theorem 4", section="4.1", kind="inequality",
        latex=r"\mathrm{rev}^{\mathrm{OPT}}(N^{\mathrm{tot}})-\sum_i c_iN_i\le\mathrm{rev}^{\mathrm{OPT}}(N^{\mathrm{tot}})"
              r"-c_1(N^{\mathrm{tot}}-1)-c_2\le\mathrm{OPT}-(c_2-c_1)\quad(\ge 2 \text{ collectors})",
        statement=Compare(lambda o, kind, tau, sigma, c1, c2: model.ne_profile_profit(o, kind, tau, sigma, c1, c2, False),
                          "<=", lambda o, kind, tau, sigma, c1, c2: model.opt_eq3(o, kind, tau, sigma, c1) - (c2 - c1)),
        variables=INST_CC, given=(ORDERED, SMALL), symbolic=None,
        notes="The chain holds when at least two contributors collect (N_1, N_2 >= 1), exactly.",
    ),
)

CLAIMS += (
    Claim(
        id="cck.s22-line166", label="§2.2 line 166", section="2.2", kind="inequality",
        latex=r"\max_{N\in\mathbb N}\big(\mathrm{rev}^{\mathrm{OPT}}(N)-c_1N\big)="
              r"\max_{N\le|\mathcal B|/c_1}\big(\mathrm{rev}^{\mathrm{OPT}}(N)-c_1N\big)",
        statement=Equal(model.opt_wide, model.opt_eq3),
        variables=INST_C, given=(SMALL,), symbolic=None,
        notes="'It suffices to search N^tot <= |B|/c_1': the left searches two more sizes "
              "(N <= floor(|B|/c_1) + 2), exactly; both include N = 0 (OPT of eq. (3)). With N >= 1 only "
              "(Algorithm 1 as printed) a wider search can do better, see cck.lemma-2.proof.",
    ),
    Claim(
        id="cck.lemma-2.proof", label="proof of Lemma 2", section="B", kind="inequality",
        latex=r"N_1^{\mathrm{OPT}}\in\{1,2,\dots,|\mathcal B|/c_1\}\ \text{(the search range of Algorithm 1)}",
        statement=Compare(model.n1_opt_range,
                          ">=", lambda o: [o.num(1), o.num(0)]),
        variables=INST_C, given=(SMALL,), symbolic=None,
        erratum=Erratum(
            corrected=Compare(model.n1_opt_range,
                              ">=", lambda o: [o.num(0), o.num(0)]),
            corrected_latex=r"N_1^{\mathrm{OPT}}\in\{0,1,\dots,|\mathcal B|/c_1\}",
            explanation="The proof uses N_1^OPT <= |B|/N_tot (read |B|/c_1) to compare with profit_{N+}, but "
                        "N_1^OPT (eq. (3), N in ℕ) is 0 when every N >= 1 loses money, and 0 is not searched "
                        "by Algorithm 1. N_1^OPT is taken as the largest maximizer (the reading most "
                        "favourable to the proof); e.g. one buyer, v(m) = 1/2, c_1 = 9/10 gives N_1^OPT = 0. "
                        "Same root cause as the erratum of Lemma 2 (cck.lemma-2).",
            region=(Var("B", Int(1, 1)), Var("c1", Real(0.9, 1.0)), Var("tau", Vector("B", Real(0.05, 0.3))))),
        notes="N_1^OPT by exact enumeration over N in {0, ..., floor(|B|/c_1)} (sufficient by §2.2 line 166, "
              "claim cck.s22-line166).",
    ),
)
