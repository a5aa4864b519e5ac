"""cck §3.1: eqs. (9)/(10) and (12) for M* under s* -- the expected price and the expected profit
do not depend on the unknown mean mu (so the inf/sup over mu are attained everywhere)."""
from derivations.claims import Claim, Symbolic
from derivations.statements import Equal

from . import model as M
from .variables import BN, BNI, C1, C2, MU, NPI, QJ, QS, S

CLAIMS = (
    Claim(
        id="cck.eq9-10", label="eq. (9), eq. (10)", section="3.1", kind="inequality",
        latex=r"(9)\le(10),\ \text{equal in } M^*\text{ because } \mathbb E_{M^*,s^*,\mu}[p_j^*]\text{ does not depend on }\mu",
        statement=Equal(M.expected_price_at, lambda o, q: q),
        variables=(S, MU, NPI, C1, C2, QJ, BN), symbolic=Symbolic(dims={"Np": (2, 3, 4)}),
        notes="E_mu[p_j*] computed at each mu from the coefficient vector of mu_hat(Y_1) - mu_hat(Y_2) "
              "(sigma^2 sum a_k^2 + mu^2 (sum a_k)^2, N_1* = N+ - 1 points against 1): equals q_j+ for "
              "every mu. Hence sup_mu E[p_j*] = E_mu[p_j*] and inf_mu E[v^e - p_j*] = v^d(m_j) - q_j+ "
              "= (9): the two utilities coincide. (9) <= (10) in general is inf(a) - sup(b) <= inf(a - b).",
    ),
    Claim(
        id="cck.eq12-profit", label="eq. (12)", section="3.1", kind="identity",
        latex=r"\mathrm{profit}(M^*,s^*;\mu)=\mathbb E_{M^*,s^*,\mu}\Big[\sum_jp_j^*-\sum_ic_in_i\Big]\ \text{is independent of }\mu",
        statement=Equal(lambda o, sigma, mu, Np, c1, c2, Q, Bn:
                        Bn * M.expected_price_at(o, sigma, mu, Np, c1, c2, Q / Bn, Bn) - c1 * (Np - 1) - c2,
                        lambda o, Np, c1, c2, Q: Q - c1 * (Np - 1) - c2),
        variables=(S, MU, NPI, C1, C2, QS, BN), symbolic=Symbolic(dims={"Np": (2, 3, 4)}),
        notes="sum_j p_j* depends on the q_j+ only through Q = sum_j q_j+ (p_j* is affine in q_j+ with the "
              "same slope), so |B| E_mu[p*(Q/|B|)] is the expected revenue; minus the collection cost "
              "c_1(N+ - 1) + c_2 it is W for every mu.",
    ),
)
