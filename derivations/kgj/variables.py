"""Variables shared by kgj's claims (§2 notation), with their domains."""
from derivations.claims import Given, Var
from derivations.domains import Int, Real

from . import model

a = Var("a", Real(0, 1, lo_open=True, sample=(0.05, 1.0)), "lim v(m) (a_opt), in (0, 1]")
k = Var("k", Real(0, None, lo_open=True, sample=(0.01, 100.0), log=True), "difficulty scale of the value function")
m0 = Var("m0", Real(0, None, sample=(0.0, 10.0)), "offset of the value function (minimum viability)")
c = Var("c", Real(0, None, lo_open=True, sample=(1e-4, 10.0), log=True), "marginal cost c_i per data point")
m = Var("m", Real(0, None, sample=(1e-3, 1e4), log=True), "dataset size")
delta = Var("delta", Real(0, None, sample=(1e-3, 1e3), log=True), "free data Delta m_{-i} from the others")
eps = Var("eps", Real(0, 1e-2, lo_open=True), "the mechanism's small epsilon > 0")
n = Var("n", Int(2, 200), "number of agents")


def params(F):
    """The variables family F depends on."""
    return (a, k, m0) if F.name in ("exp", "pwl") else (a, k)


def kw(F, vals):
    return {"a": vals["a"], "k": vals["k"], "m0": vals.get("m0", 0)}


def individually_viable(F):
    return Given("max u > 0 (the agent collects m* = alpha > 0 alone)",
                 lambda o, c, a, k, m0=0, **_: model.u_alpha(o, F, c, a, k, m0) > 0)


def individually_unviable(F):
    return Given("max u <= 0 (m* = 0: too hard or too costly alone)",
                 lambda o, c, a, k, m0=0, **_: model.u_alpha(o, F, c, a, k, m0) <= 0)


def past_viability(F):
    return Given("m > m_v (b > 0: the concave branch of v)",
                 lambda o, m, a, k, m0=0, **_: m > F.m_v(o, a, k, m0))
