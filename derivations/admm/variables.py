"""Variables shared by admm's claims (§2.1 notation), with their domains."""
from derivations.claims import Given, Var
from derivations.domains import SPD, Index, Int, Real, Vector

QUALITY = Real(0, 10, lo_open=True, sample=(1e-3, 10.0))  # Q_i bounded (§2); q_i > 0 for sigma_i^2/q_i

n = Var("n", Int(2, 5), "number of agents")
Sigma = Var("Sigma", SPD("n"), "prior covariance of theta")
q = Var("q", Vector("n", QUALITY), "true qualities q_i = sigma_i^2/eta_i^2")
q_hat = Var("q_hat", Vector("n", QUALITY), "reported qualities")
i = Var("i", Index("n"), "agent (0-based)")
Qmax = Var("Q", Real(0.5, 20.0), "upper end of the uniform prior U[0, Q]")
rate = Var("lam", Real(0.05, 5.0), "rate of the exponential prior")

MISREPORT = Given("q_hat differs from q", lambda o, q, q_hat, **_: any(a != b for a, b in zip(q, q_hat)))
IN_UNIFORM_SUPPORT = Given("q lies in the support [0, Q] of the uniform prior",
                           lambda o, q, Q, **_: all(t <= Q for t in q))
