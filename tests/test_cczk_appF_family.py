"""cczk App. F.3.1 family (derivations/cczk/appF_family.py): Monte Carlo of the closed-form risks used by
the family checks of Lemma 6, (22)-(32) and Lemma 7, and input validation."""
import numpy as np
import pytest
import sympy

from derivations.cczk import appF_family as A
from derivations.errors import DomainError

PAR = dict(mu1v=1.3, mu2v=-0.7, sigmav=1.5, gammav=0.4, S2v=6, etav=0.3, betav=0.8, nv=4)


def _closed(kap, dl, vv, aa, bb, cc1, gg, cc2, mu1v, mu2v, sigmav, gammav, S2v, etav, betav, nv):
    e = A.risk(A.n, kap=kap, dl=dl, vv=vv, bb=bb, cc1=cc1, gg=gg, cc2=cc2, aa=aa) + A.gamma * A.n
    sub = {A.mu1: mu1v, A.mu2: mu2v, A.sigma: sigmav, A.gamma: gammav, A.S2: S2v, A.eta: etav,
           A.beta: betav, A.n: nv}
    return float(e.subs(sub))


@pytest.mark.parametrize("strategy", [
    dict(kap=1, dl=0, vv=0, aa=1, bb=0, cc1=0, gg=0, cc2=0),          # truthful s*_1
    dict(kap=0, dl=0.5, vv=2.0, aa=1, bb=0, cc1=0, gg=0, cc2=0),      # fabricating s~_1
    dict(kap=0.7, dl=-0.4, vv=0.5, aa=0.6, bb=0.3, cc1=0.2, gg=0.4, cc2=-0.1),  # biased, contaminated
])
def test_risk_closed_form_matches_monte_carlo(strategy):
    mc, se = A.simulate_penalty(**PAR, **strategy, T=200000)
    assert abs(mc - _closed(**strategy, **PAR)) < 5 * se


def test_p_star_is_paper_value_and_beta_cancels():
    assert sympy.simplify(A.p_star - (2 * A.sigma * sympy.sqrt(A.gamma) + A.sigma**2 / A.S2 + A.eta)) == 0
    mc, se = A.simulate_penalty(**{**PAR, "nv": 4, "gammav": PAR["sigmav"]**2 / 16}, kap=1, dl=0, vv=0, aa=1,
                                bb=0, cc1=0, gg=0, cc2=0, T=200000)   # n* = sigma/sqrt(gamma) = 4
    closed = 2 * 1.5 * np.sqrt(1.5**2 / 16) + 1.5**2 / 6 + 0.3
    assert abs(mc - closed) < 5 * se


def test_fubini_posterior_route_monte_carlo():
    joint, post = A.simulate_bayes(tauv=2.0, sigmav=1.5, nv=4, aa=0.7)
    closed = float(A.bayes_joint().subs({A.a: 0.7, A.b: 0, A.c1: 0, A.g: 0, A.c2: 0, A.kappa: 0, A.delta: 0,
                                         A.v: 0, A.eta: 0, A.sigma: 1.5, A.S2: 10**9, A.n: 4, A.tau: 2.0}))
    assert abs(joint - closed) < 0.02 * closed and abs(post - closed) < 0.02 * closed


def test_sup_of_biased_risk_is_infinite():
    with pytest.raises(ValueError, match="supremum is \\+infinity"):
        A.penalty(A.n, aa=A.a)


def test_lemma7_z1_constant():
    assert sympy.simplify(A.z1(A.ta) - A.z1(A.tb)) == 0


def test_bad_input_raises():
    with pytest.raises(DomainError, match="sigma, gamma > 0"):
        A.simulate_penalty(**{**PAR, "sigmav": -1.0}, kap=1, dl=0, vv=0, aa=1, bb=0, cc1=0, gg=0, cc2=0, T=10)
    with pytest.raises(DomainError, match="integers >= 1"):
        A.simulate_penalty(**{**PAR, "nv": 2.5}, kap=1, dl=0, vv=0, aa=1, bb=0, cc1=0, gg=0, cc2=0, T=10)
