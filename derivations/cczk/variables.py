"""Variables shared by cczk's claims."""
from derivations.claims import Given, Var
from derivations.domains import Int, Real, Vector

POS = Real(0, None, lo_open=True, sample=(0.05, 50.0), log=True)

sigma = Var("sigma", Real(0.05, 20.0, log=True), "noise standard deviation")
sigma_pos = Var("sigma", POS, "noise standard deviation")
c = Var("c", Real(1e-2, 10.0, log=True), "collection cost c_{i,k}")
c_pos = Var("c", POS, "collection cost c_{i,k}")
u = Var("u", Real(1e-3, 0.5, hi_open=True, log=True), "n*_{i,k}/n^IND_{i,k} (< 1/2 by Lemma 10)")
w = Var("w", Real(1.0, 100.0, log=True), "n*_{i,k} T_k/(n^IND_{i,k})^2 (>= 1 by the second while loop)")
r = Var("r", Real(1.0, 20.0, log=True), "alpha/sqrt(n*) (>= 1)")
nstar = Var("nstar", POS, "n*_{i,k}")
T = Var("T", POS, "T_k")
alpha = Var("alpha", POS, "corruption coefficient alpha_{i,k}")
d = Var("d", Int(1, 4), "number of distributions")
m = Var("m", Int(1, 4), "number of agents")
m2 = Var("m", Int(2, 6), "number of agents (m >= 2)")
cvec = Var("c", Vector("d", Real(1e-3, 100.0, log=True)), "costs c_{i,k}, k in [d]")
n1 = Var("n1", Vector("m", Real(0.5, 200.0, log=True)), "n_{i,1}, i in [m]")
n2 = Var("n2", Vector("m", Real(0.5, 200.0, log=True)), "n_{i,2}, i in [m]")
c1 = Var("c1", Vector("m", Real(1e-3, 10.0, log=True)), "c_{i,1}, i in [m]")
c2 = Var("c2", Vector("m", Real(1e-3, 10.0, log=True)), "c_{i,2}, i in [m]")
n = Var("n", Real(1e-2, 1e3, log=True), "number of samples n_{i,k}")
x = Var("x", Real(0, None, lo_open=True, sample=(1e-2, 30.0), log=True), "argument x > 0")

D_POSITIVE = Given("D = T - 2 n* > 0", lambda o, nstar, T, **_: T > 2 * nstar)

# eq. (12): the printed bound is scale dependent and fails at small scales (n^IND < ~0.1); these
# draws cover that region (a sub-box of Lemma 1's hypotheses).
sigma_small = Var("sigma", Real(0.01, 1.0, log=True), "noise standard deviation (small-scale draws)")
c_big = Var("c", Real(1.0, 100.0, log=True), "collection cost c_{i,k} (small-scale draws)")
u_hi = Var("u", Real(0.05, 0.5, hi_open=True), "n*_{i,k}/n^IND_{i,k} (< 1/2 by Lemma 10)")
w_lo = Var("w", Real(1.0, 10.0, log=True), "n*_{i,k} T_k/(n^IND_{i,k})^2 (>= 1)")
r_lo = Var("r", Real(1.0, 4.0, log=True), "alpha/sqrt(n*) (>= 1)")
