"""cczk §3 and App. A: Fact 1 / eq. (4), §A.1, eq. (5) (Fact 2), §3.2 d = 1 example."""
import sympy

from derivations.claims import Claim, Symbolic
from derivations.statements import Compare, Equal

from . import model
from .variables import c_pos, c1, c2, cvec, d, m, m2, n, n1, n2, sigma_pos

S = sympy.Symbol
_s, _c, _n = S("sigma", positive=True), S("c", positive=True), S("n", positive=True)

CLAIMS = (
    Claim(
        id="cczk.fact1", label="Fact 1 / eq. (4)", section="3.1", kind="identity",
        latex=r"p_i^{IND} = 2\sigma\sum_{k=1}^d\sqrt{c_{i,k}}\ (c_{i,k}<\infty\ \forall k)",
        statement=Equal(lambda o, sigma, c: model.alone_penalty(o, sigma, c, model.n_ind(o, sigma, c)), model.p_ind),
        variables=(d, sigma_pos, cvec), symbolic=Symbolic(dims={"d": (1, 2, 3)}),
        notes="Left: the working-alone penalty sum_k sigma^2/n + c n at n^IND = sigma/sqrt(c) (App. A.1); "
              "that n^IND is the minimizer is the separate claim cczk.A1-individual-sample-size.",
    ),
    Claim(
        id="cczk.A1-individual-sample-size", label="§A.1 individual sample size", section="A.1",
        kind="optimality",
        latex=r"\sigma^2/n + c\,n \ge 2\sigma\sqrt c = \sigma^2/n^{IND} + c\,n^{IND},\ n^{IND}=\sigma/\sqrt c",
        statement=Compare(_s**2 / _n + _c * _n, ">=", 2 * _s * sympy.sqrt(_c)),
        variables=(sigma_pos, c_pos, n),
        notes="Per-distribution term of the decomposed penalty; minimum attained at n = sigma/sqrt(c) (cczk.fact1).",
    ),
    Claim(
        id="cczk.eq5", label="eq. (5)", section="3.2", kind="identity",
        latex=r"P(M_{SM},(n_j,\mathrm{id},h^{ACC})_j)=\sum_{k=1}^d\Big(\frac{m\sigma^2}{\sum_i n_{i,k}}+\sum_i c_{i,k}n_{i,k}\Big)",
        statement=Equal(model.social_penalty_agents, model.social_penalty_eq5),
        variables=(m, sigma_pos, n1, c1, n2, c2), symbolic=Symbolic(dims={"m": (1, 2, 3)}),
        notes="d = 2. Left: sum over agents of p_i built from §2 (each agent's error on k is the pooled "
              "sample-mean variance sigma^2/sum_i n_{i,k}, §A.2) plus own costs.",
    ),
    Claim(
        id="cczk.sec3.2-agent1-penalty", label="§3.2 agent 1 penalty without IR", section="3.2",
        kind="inequality",
        latex=r"\sigma^2/n_{1,1}+c_{1,1}n_{1,1}=(\sqrt m+1/\sqrt m)\sigma\sqrt{c_{1,1}},\ n_{1,1}=\sigma\sqrt{m/c_{1,1}}",
        statement=Equal(lambda o, sigma, c, m: sigma**2 / (sigma * o.sqrt(o.num(m) / c)) + c * sigma * o.sqrt(o.num(m) / c),
                        lambda o, sigma, c, m: (o.sqrt(o.num(m)) + 1 / o.sqrt(o.num(m))) * sigma * o.sqrt(c)),
        variables=(m2, sigma_pos, c_pos), symbolic=Symbolic(dims={"m": (2, 3, 4, 5, 6)}),
    ),
    Claim(
        id="cczk.sec3.2-agent1-not-IR", label="§3.2 agent 1 penalty without IR", section="3.2",
        kind="inequality",
        latex=r"(\sqrt m+1/\sqrt m)\sigma\sqrt{c_{1,1}} > 2\sigma\sqrt{c_{1,1}} = p_1^{IND}\ (m\ge2)",
        statement=Compare(lambda o, sigma, c, m: (o.sqrt(o.num(m)) + 1 / o.sqrt(o.num(m))) * sigma * o.sqrt(c), ">",
                          lambda o, sigma, c: model.p_ind(o, sigma, [c])),
        variables=(m2, sigma_pos, c_pos), symbolic=Symbolic(dims={"m": (2, 3, 4, 5, 6)}),
    ),
)
