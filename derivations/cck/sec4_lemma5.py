"""cck §4 in general form: Lemma 5 (and through it Claim 6 and Theorem 3) on a concrete family of
mechanisms other than M* -- the construction of the proof of Lemma 5 (§4.2) checked on instances.

Family (module ``hardness_family``): payment pi_i(Y_i) = k|Y_i| + A exp(-(mu_hat(Y_i) - y0)^2/(2h^2)) against
the others' fixed report (they collected nothing), reports Y_i = K copies of lam mu_hat(X_i) + (1 - lam)
mu0 + beta after collecting n >= 1 points (flag ``ignore`` = 1 sets lam = 0: a report that ignores the
data).  For a deviation s_i = (n, f):
    u_i^c(s_i) = inf_mu E_mu[pi_i(f(X))] - c n,  the infimum being k K when lam != 0 (mu -> inf) and the
    constant E when lam = 0;
the proof's fabricating strategy (0, f_{i,mu'}) draws Z ~ N(mu', sigma^2)^n itself and reports f(Z):
    u_i^c(0, f_{i,mu'}) = E_{mu'}[pi_i(f(Z))]  for every true mu (it uses no collected data).
"""
from derivations.claims import Claim, Var
from derivations.domains import Int, Real
from derivations.statements import Compare

GV = (
    Var("sigma", Real(0.25, 2.0), "noise standard deviation"),
    Var("n", Int(1, 30), "points collected by the deviation s_i (n_i > 0)"),
    Var("lam", Real(-1.5, 1.5), "weight of mu_hat(X_i) in the reported mean"),
    Var("ignore", Int(0, 1), "1: lam = 0 (a report that ignores the data: inf over mu attained)"),
    Var("beta", Real(-2.0, 2.0), "shift of the reported mean"),
    Var("mu0", Real(-2.0, 2.0), "anchor of the reported mean"),
    Var("mup", Real(-3.0, 3.0), "mu' of the fabricating strategy f_{i,mu'}"),
    Var("y0", Real(-2.0, 2.0), "mean of the others' fixed report f_j(empty)"),
    Var("A", Real(0.1, 5.0), "amplitude of the kernel score"),
    Var("h", Real(0.1, 3.0), "width of the kernel score"),
    Var("k", Real(0.0, 1.0), "payment per reported point"),
    Var("K", Int(1, 30), "size of the report"),
    Var("c", Real(0.01, 2.0), "cost per collected point c_i"),
)


def _E(o, mean, v, y0, A, h, k, K):
    return k * K + A * h / o.sqrt(h**2 + v) * o.exp(-(mean - y0) ** 2 / (2 * (h**2 + v)))


def _lam(o, lam, ignore):
    return o.num(0) if ignore else lam


def u_dev(o, sigma, n, lam, ignore, beta, mu0, y0, A, h, k, K, c):
    """u_i^c((n, f), s_-i) = inf_mu E_mu[pi_i(f(X))] - c n."""
    lam = _lam(o, lam, ignore)
    if ignore:
        inf = _E(o, mu0 + beta, o.num(0), y0, A, h, k, K)
    else:
        inf = k * K  # E_mu -> k K as |mu| -> inf, and E_mu > k K everywhere
    return inf - c * n


def u_fab(o, sigma, n, lam, ignore, beta, mu0, mup, y0, A, h, k, K):
    """u_i^c((0, f_{i,mu'}), s_-i) = E_{Z ~ N(mu', sigma^2)^n}[pi_i(f(Z))] (no cost, no dependence on mu)."""
    lam = _lam(o, lam, ignore)
    v = lam**2 * sigma**2 / n
    return _E(o, lam * mup + (1 - lam) * mu0 + beta, v, y0, A, h, k, K)


CLAIMS = (
    Claim(
        id="cck.lemma-5.general", label="Lemma 5", section="4.1", kind="structural",
        latex=r"s_{-i}=\{(0,f_j)\}_{j\ne i}:\ n_i>0\implies u_i^c(M,((0,f_{i,\mu'}),s_{-i}))>u_i^c(M,((n_i,f_i),s_{-i}))"
              r"\ \text{(so a best response has } n_i=0)",
        statement=Compare(u_fab, ">", u_dev),
        variables=GV, symbolic=None,
        notes="On the kernel-score family of mechanisms (module hardness_family; M* itself is claim cck.theorem-3): "
              "every deviation that collects n >= 1 points is strictly beaten by the proof's fabricating "
              "strategy (0, f_{i,mu'}), for every mu', with and without dependence of the report on the "
              "data (ignore = 1: lam = 0). Monte Carlo of E_mu[pi_i] in tests/test_cck_defs.py.",
    ),
    Claim(
        id="cck.lemma-5.proof", label="§4.2 Proof of Lemma 5", section="4.2", kind="identity",
        latex=r"\mathbb E_{Z_i\sim N(\mu',\sigma^2)^{n_i}}[\pi_i(f_i(Z_i),\cdot)]\ge\inf_\mu\mathbb E_{X_i\sim N(\mu,\sigma^2)^{n_i}}"
              r"[\pi_i(f_i(X_i),\cdot)]\ \Rightarrow\ u_i^c(M,((0,f_{i,\mu'}),s_{-i}))-u_i^c(M,(s_i,s_{-i}))\ge c_in_i",
        statement=Compare(lambda o, **v: u_fab(o, **{x: v[x] for x in v if x != "c"})
                          - u_dev(o, **{x: v[x] for x in v if x != "mup"}),
                          ">=", lambda o, c, n: c * n),
        variables=GV, symbolic=None,
        notes="The construction of §4.2 on the kernel-score family: the fabricating strategy's utility "
              "E_{mu'}[pi_i(f_i(Z_i))] does not depend on the true mu and is at least the infimum over mu of "
              "the deviation's expected payment, so it beats u_i^c(s_i) by at least the saved cost c_i n_i "
              "(the proof's strict last step). The printed identity inf_mu E_X[...] = E_{Z ~ mu'}[...] for "
              "all mu' is the consequence of the (contradictory) best-response hypothesis; it holds in this "
              "family exactly for reports that ignore the data (ignore = 1, equality), otherwise '>' holds.",
    ),
)
