"""cck §1-§2 rows not covered by sec2: the naive size-based payment (§1), the definitions of §2.1
(IRB/EFB/EF(N), eq. (1), eq. (2)), ordered item pricing (Definition 1 / eq. (4), eq. (5)), the
ordered-item-pricing guarantee (§2.2 line 162) and the step curve of the proof of Lemma 1 (§2.3).

Definitions are checked through a second, independent implementation: the exact Fraction routes
(model/exact: Bellman-Ford, exact ties) against the numpy routes (schemes/pricing: Floyd-Warshall,
float ties within 1e-12).  Ties in valuations and prices are exercised with grid valuations
floor(4 v^d)/4 and grid curves floor(4 q)/4.
"""
from fractions import Fraction

import numpy as np
import sympy

from derivations.claims import Claim, Implementation, Var
from derivations.domains import Real, Vector
from derivations.statements import Compare, Defines

from . import exact, model, pricing, schemes
from .variables import B, N, ORDERED, SMALL, c1, c2, kind, qraw, sigma, tau

INST = (B, kind, tau, sigma)
INST_N = INST + (N,)
xalloc = Var("x", Vector("B", Real(0.0, 3.999)), "raw allocation draws: m_j = min(floor(x_j), N)")
prices = Var("p", Vector("B", Real(0.0, 1.0)), "prices p_j of the scheme")


def _V(o, kind, tau, sigma, n, grid=False):
    kind, tau, sigma = model._floats(o, kind, tau, sigma)
    return model.table(kind, tau, sigma, n, grid)


def _alloc(x, N):
    return tuple(min(int(float(t)), N) for t in x)


def _gridq(qraw, N):
    return (Fraction(0),) + tuple(Fraction(int(4 * float(t)), 4) for t in qraw[:N])


# ----------------------------------------------------------------------------- §2.1

def ef_slacks(o, kind, tau, sigma, N, x, p):
    """§2.1 as printed: IRB u_j(m_j,p_j) >= 0, EFB u_j(m_j,p_j) - u_j(m_k,p_k) >= 0 (j != k), and
    max_j m_j <= N (EF(N)); entries in the order of schemes.envy_free_slacks."""
    V = _V(o, kind, tau, sigma, N)
    m = _alloc(x, N)
    Bn = len(V)
    u = lambda j, k: model.q_out(o, V[j][m[k]]) - p[k]  # u_j^b(m_k, p_k) = v_j(m_k) - p_k
    own = [u(j, j) for j in range(Bn)]
    efb = [u(j, j) - u(j, k) for j in range(Bn) for k in range(Bn) if k != j]
    return own + efb + [o.num(N - max(m))]


def _np_ef_slacks(kind, tau, sigma, N, x, p):
    return schemes.envy_free_slacks(schemes.table(kind, tau, sigma, N), schemes.allocation(x, N), p, N)


def _np_opt(kind, tau, sigma, c1, c2):
    T = schemes.top(len(tau), c1)
    return schemes.opt_eq1(schemes.table(kind, tau, sigma, T + 2), [c1, c2], T + 2)


def _np_rev_opt(kind, tau, sigma, N):
    return pricing.best_prices(schemes.table(kind, tau, sigma, N), N)[0]


# ----------------------------------------------------------------------------- §2.2 eq. (4), (5)

def purchases(o, kind, tau, sigma, N, qraw):
    """eq. (4) exactly: m~_j(N, q) for (a) eq. (11) valuations and the raw curve q(m) = qraw_m,
    (b) grid valuations floor(4 v)/4 and the grid curve floor(4 qraw)/4 (ties: the largest m)."""
    V = _V(o, kind, tau, sigma, N)
    Vg = _V(o, kind, tau, sigma, N, True)
    (qr,) = model._floats(o, qraw)
    q = (Fraction(0),) + tuple(Fraction(t) for t in qr[:N])
    return [o.num(m) for m in exact.purchase(V, q, N) + exact.purchase(Vg, _gridq(qr, N), N)]


def _np_purchases(kind, tau, sigma, N, qraw):
    q = np.concatenate([[0.0], np.asarray(qraw, dtype=float)[:N]])
    a = pricing.purchase(schemes.table(kind, tau, sigma, N), q, N)
    b = pricing.purchase(schemes.table(kind, tau, sigma, N, True), schemes.grid_curve(qraw, N), N)
    return np.concatenate([a, b]).astype(float)


def revenues(o, kind, tau, sigma, N, qraw):
    """eq. (5) exactly: [rev-bar(N, q) (raw curve), rev-bar(N, q) (grid), rev-bar^OPT(N) (grid
    valuations: max over all 5^N grid curves with q(0) = 0)]."""
    V = _V(o, kind, tau, sigma, N)
    Vg = _V(o, kind, tau, sigma, N, True)
    (qr,) = model._floats(o, qraw)
    q = (Fraction(0),) + tuple(Fraction(t) for t in qr[:N])
    vals = [exact.rev_bar(V, q, N), exact.rev_bar(Vg, _gridq(qr, N), N),
            exact.rev_bar_opt_grid(Vg, N, model.GRID)[0]]
    return [model.q_out(o, v) for v in vals]


def _np_revenues(kind, tau, sigma, N, qraw):
    V = schemes.table(kind, tau, sigma, N)
    Vg = schemes.table(kind, tau, sigma, N, True)
    q = np.concatenate([[0.0], np.asarray(qraw, dtype=float)[:N]])
    best = pricing.oip_grid(Vg, N, schemes.GRID)  # best non-decreasing grid curve (a different search)
    return [pricing.rev_bar(V, q, N), pricing.rev_bar(Vg, schemes.grid_curve(qraw, N), N),
            pricing.rev_bar(Vg, best, N)]


def oip_exact_vs_opt(o, kind, tau, sigma, N):
    """[rev-bar(N, A(v, N, 0)), rev-bar^OPT(N)] on grid valuations: A = the step curve of the best
    envy-free scheme (the exact ordered-item-pricing algorithm of Algorithms 1/2 here)."""
    Vg = _V(o, kind, tau, sigma, N, True)
    _, m, p = exact.rev_opt(Vg, N)
    a = exact.rev_bar(Vg, exact.step_curve(m, p, N), N)
    return model.q_out(o, a), model.q_out(o, exact.rev_bar_opt_grid(Vg, N, model.GRID)[0])


# ----------------------------------------------------------------------------- §2.3 step curve

def printed_step_curve(m, p, N):
    """The curve of §2.3 as printed (buyers sorted by m; q(m) = p_(k) for m_(k-1) < m <= m_(k),
    q(m) = p_(1) for m <= m_(1), including m = 0, and p_(|B|) up to N^tot)."""
    pairs = sorted(zip(m, p))
    out = []
    for x in range(N + 1):
        k = next((i for i, (mk, _) in enumerate(pairs) if x <= mk), len(pairs) - 1)
        out.append(pairs[k][1])
    return out


def step_curve_props(o, kind, tau, sigma, N):
    """For every extreme envy-free scheme of EF(N) (every allocation with its largest IRB/EFB prices),
    with eq. (11) and with grid valuations: [min_m q(m+1) - q(m), |B| - #steps] (#steps = number of
    maximal constant pieces of q on {0..N})."""
    out = []
    for grid in (False, True):
        V = _V(o, kind, tau, sigma, N, grid)
        for m, p in exact.all_ef_schemes(V, N):
            q = printed_step_curve(m, p, N)
            diffs = [b - a for a, b in zip(q, q[1:])]
            pieces = 1 + sum(1 for d in diffs if d != 0)
            out.append(model.q_out(o, min(diffs)) if diffs else o.num(0))
            out.append(o.num(len(V) - pieces))
    return out


def lemma1_all_schemes(o, kind, tau, sigma, N):
    """Lemma 1 for every extreme envy-free scheme of EF(N) (each allocation with its largest IRB/EFB
    prices), with eq. (11) and with grid valuations (ties): [rev-bar(N, q) - rev({p_j}) and
    m~_j(N, q) - m_j for all j], q the step curve of §2.3 with q(0) = 0."""
    out = []
    for grid in (False, True):
        V = _V(o, kind, tau, sigma, N, grid)
        for m, p in exact.all_ef_schemes(V, N):
            q = exact.step_curve(m, p, N)
            out.append(model.q_out(o, exact.rev_bar(V, q, N) - sum(p, Fraction(0))))
            out.extend(o.num(a - b) for a, b in zip(exact.purchase(V, q, N), m))
    return out


# ----------------------------------------------------------------------------- claims

a_, c_, n_, k_ = sympy.symbols("a c n k", positive=True)

CLAIMS = (
    Claim(
        id="cck.s1-naive-size-payment", label="§1 line 33", section="1", kind="structural",
        latex=r"\pi_i=a|Y_i|:\ u_i^c(0\text{ collected},\ n+k\text{ fabricated points})=a(n+k)>a n-c\,n"
              r"=u_i^c(n\text{ collected, truthful})",
        statement=Compare(a_ * (n_ + k_), ">", a_ * n_ - c_ * n_),
        variables=(Var("a", Real(0.01, 10.0), "payment per reported point"),
                   Var("c", Real(0.01, 2.0), "cost per collected point"),
                   Var("n", Real(1.0, 100.0), "points a truthful contributor collects"),
                   Var("k", Real(0.0, 100.0), "extra fabricated points")),
        notes="The concrete consequence of 'naively paying contributors based on the size of the dataset "
              "they contribute incentivizes them to report large fabricated datasets': under a payment "
              "proportional to the reported size, collecting nothing and reporting n + k fabricated points "
              "beats collecting and truthfully reporting n points, by a k + c n > 0, and the gain grows "
              "with the size k of the fabrication.",
    ),
    Claim(
        id="cck.s21-ef-definition", label="§2.1 lines 100–105", section="2.1", kind="definition",
        latex=r"\mathrm{IRB}:u_j^b(m_j,p_j)\ge0;\ \mathrm{EFB}:u_j^b(m_j,p_j)\ge u_j^b(m_k,p_k);\ "
              r"\mathbf{EF}(N)=\{\mathrm{IRB},\mathrm{EFB},\max_jm_j\le N\}",
        statement=Defines(ef_slacks),
        variables=INST_N + (xalloc, prices), symbolic=None,
        implementations=(Implementation(_np_ef_slacks, ef_slacks, max_bits=2.0,
                                        scale=lambda o, tau: [o.num(2)] * (len(tau) ** 2 + 1),
                                        name="schemes.envy_free_slacks"),),
        notes="The slacks u_j^b(m_j,p_j) = v_j(m_j) - p_j (IRB), u_j^b(m_j,p_j) - u_j^b(m_k,p_k) (EFB, j != k) "
              "and N - max_j m_j (EF(N)) of a random scheme (m_j in {0..N}, p_j in [0, 1]) with eq. (11) "
              "valuations; exact Fractions against numpy, errors in ulps of 2. EF = union over N of EF(N) "
              "is the search space of eq. (1) (claim cck.eq1-opt).",
    ),
    Claim(
        id="cck.eq1-opt", label="eq. (1)", section="2.1", kind="definition",
        latex=r"\mathrm{OPT}=\max_{\{m_j,p_j\}_j\in\mathbf{EF},\{N_i\}_i}\Big(\sum_{j}p_j-\sum_ic_iN_i\Big)",
        statement=Defines(model.opt_eq1),
        variables=INST + (c1, c2), given=(ORDERED, SMALL), symbolic=None,
        implementations=(Implementation(_np_opt, model.opt_eq1, max_bits=4.0,
                                        scale=lambda o: o.num(4), name="schemes.opt_eq1"),),
        notes="Two contributors (c_1 <= c_2). Exact route: N_1 + N_2 <= floor(|B|/c_1), rev^OPT by "
              "Bellman-Ford on Fractions; numpy route: N_1 + N_2 <= floor(|B|/c_1) + 2 (a wider search, so "
              "it also checks that larger amounts never help), rev^OPT by Floyd-Warshall over all "
              "allocations. Errors in ulps of 4.",
    ),
    Claim(
        id="cck.eq2-rev-opt", label="eq. (2)", section="2.1", kind="definition",
        latex=r"\mathrm{rev}(\{p_j\})=\sum_jp_j,\quad \mathrm{rev}^{\mathrm{OPT}}(N)=\max_{\{m_j,p_j\}\in\mathbf{EF}(N)}\mathrm{rev}(\{p_j\})",
        statement=Defines(model.rev_opt),
        variables=INST_N, symbolic=None,
        implementations=(Implementation(_np_rev_opt, model.rev_opt, max_bits=4.0,
                                        scale=lambda o: o.num(4), name="pricing.best_prices"),),
        notes="Exact: enumeration of allocations, largest envy-free prices by Bellman-Ford (Fractions); "
              "numpy: the same maximum by vectorised Floyd-Warshall over all allocations.",
    ),
    Claim(
        id="cck.eq4-purchase", label="Definition 1 / eq. (4)", section="2.2", kind="algorithm",
        latex=r"\tilde m_j(N^{\mathrm{tot}},q):=\max\Big\{\arg\max_{m\le N^{\mathrm{tot}}}(v_j(m)-q(m))\Big\}",
        statement=Defines(purchases),
        variables=INST_N + (qraw,), symbolic=None,
        implementations=(Implementation(_np_purchases, purchases, max_bits=1.0, name="pricing.purchase"),),
        notes="Both with eq. (11) valuations and an arbitrary curve (no ties), and with grid valuations "
              "floor(4 v)/4 and grid curves floor(4 q)/4 (frequent exact ties: the largest maximizer must be "
              "chosen). Exact Fractions against numpy (ties within 1e-12).",
    ),
    Claim(
        id="cck.eq5-rev-bar", label="eq. (5)", section="2.2", kind="definition",
        latex=r"\overline{\mathrm{rev}}(N^{\mathrm{tot}},q):=\sum_jq(\tilde m_j(N^{\mathrm{tot}},q)),\quad"
              r"\overline{\mathrm{rev}}^{\mathrm{OPT}}(N^{\mathrm{tot}}):=\max_q\overline{\mathrm{rev}}(N^{\mathrm{tot}},q)",
        statement=Defines(revenues),
        variables=INST_N + (qraw,), symbolic=None,
        implementations=(Implementation(_np_revenues, revenues, max_bits=3.0,
                                        scale=lambda o: [o.num(4)] * 3, name="pricing.rev_bar+oip_grid"),),
        notes="rev-bar for a raw and a grid curve; rev-bar^OPT on grid valuations: exact = max over all "
              "5^N curves q: {0..N} -> {0, 1/4, ..., 1} with q(0) = 0 (contains an optimum, see "
              "cck.lemma-1.equality); numpy = the best *non-decreasing* grid curve (pricing.oip_grid), a "
              "different search space that contains the step curve of Lemma 1.",
    ),
    Claim(
        id="cck.s22-oip-guarantee", label="§2.2 line 162", section="2.2", kind="definition",
        latex=r"q=A(\{v_j\},N^{\mathrm{tot}},\epsilon):\ \overline{\mathrm{rev}}(N^{\mathrm{tot}},q)\ge"
              r"\overline{\mathrm{rev}}^{\mathrm{OPT}}(N^{\mathrm{tot}})-|\mathcal B|\mathcal O(\epsilon)",
        statement=Compare(lambda o, kind, tau, sigma, N: oip_exact_vs_opt(o, kind, tau, sigma, N)[0], ">=",
                          lambda o, kind, tau, sigma, N: oip_exact_vs_opt(o, kind, tau, sigma, N)[1]),
        variables=INST_N, symbolic=None,
        notes="The algorithm A used throughout (the step curve of the revenue-optimal envy-free scheme) meets "
              "the definition of an ordered-item-pricing algorithm with epsilon = 0, on grid valuations "
              "floor(4 v^d)/4 (ties), against the brute-force optimum over all grid curves. NP-hardness "
              "[17, 25] is cited, not checked.",
    ),
    Claim(
        id="cck.s23-step-curve", label="§2.3 Proof of Lemma 1, step curve", section="2.3", kind="algorithm",
        latex=r"q(m):=p_1\ (m\le m_1),\ p_2\ (m_1<m\le m_2),\dots,p_{|\mathcal B|}\ (m_{|\mathcal B|-1}<m\le N^{\mathrm{tot}})"
              r"\ \text{is non-decreasing with at most } |\mathcal B| \text{ steps}",
        statement=Compare(step_curve_props, ">=", 0),
        variables=INST_N, symbolic=None,
        notes="For every extreme envy-free scheme (each allocation with its largest IRB/EFB prices), with "
              "eq. (11) valuations and with grid valuations (ties in m force equal prices); entries "
              "[min increment of q, |B| - number of constant pieces]. The curve as printed has q(0) = p_1; "
              "Definition 1 needs q(0) = 0, which the Lemma 1 claims use.",
    ),
    Claim(
        id="cck.lemma-1.all-schemes", label="Lemma 1", section="2.2", kind="existence",
        latex=r"\forall(\{m_j\},\{p_j\})\in\mathbf{EF}(N^{\mathrm{tot}}):\ \overline{\mathrm{rev}}(N^{\mathrm{tot}},q)"
              r"\ge\mathrm{rev}(\{p_j\}),\ \tilde m_j(N^{\mathrm{tot}},q)\ge m_j",
        statement=Compare(lemma1_all_schemes, ">=", 0),
        variables=INST_N, symbolic=None,
        notes="Every extreme envy-free scheme (all allocations m in {0..N}^|B| with their largest envy-free "
              "prices), not only the revenue-optimal one (cck.lemma-1), with eq. (11) valuations and with grid "
              "valuations floor(4 v)/4 (ties in valuations, hence ties in the purchase rule (4)); one to three "
              "buyers. Exact Fractions.",
    ),
    Claim(
        id="cck.table-1", label="footnote 2 / Table 1", section="2.2", kind="structural",
        latex=r"\text{Table 1: ordered-item-pricing algorithms [18, 19, 25] and their time complexities}",
        statement=None,
        skip="Cites the running times of external ordered-item-pricing algorithms (Hartline-Koltun, Chawla et "
             "al., Chen et al.) under their own assumptions; the paper neither states their algorithms nor "
             "proves the bounds, none of them is implemented here (A is exact by enumeration, claim "
             "cck.s22-oip-guarantee), and asymptotic running times are not checkable on instances.",
    ),
)
