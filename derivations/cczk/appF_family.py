"""cczk App. F.3.1 (proof of Lemma 6 and Lemma 7) on a concrete linear-Gaussian family.

Instance (19): agent 1 alone samples distribution 1 (cost gamma), the others sample only distribution 2;
under s*_{-1} they submit truthfully S2 points in total (Ybar2 ~ N(mu2, sigma^2/S2)).

Mechanisms M_{beta,eta} (beta real, eta >= 0; beta = eta = 0 is the sample-mean mechanism): agent 1
submits a dataset for distribution 1 with mean Z; M returns A_1 = (Z, R2), R2 = Ybar2 + beta Z + zeta,
zeta ~ N(0, eta) independent (a contamination of the mu2 estimate by her submission plus noise).

Agent 1's strategies s_1 = (n, submission, estimator), n = n_{1,1} > 0 (n_{1,2} = 0):
  submission   Z = kappa Xbar1 + delta + xi,  xi ~ N(0, v) fabricated (kappa = 1, delta = v = 0: truthful;
               kappa = 0: a fabricated N(delta, v) mean that ignores her data),
  estimators   h_{1,1} = a Xbar1 + b Z + c1,   h_{1,2} = R2 - (beta - g) Z + c2.
Every error is an affine function of independent centred Gaussians (Xbar1 - mu1 ~ N(0, sigma^2/n), xi,
Ybar2 - mu2, zeta), so every risk is a quadratic polynomial in (mu1, mu2) computed here from the moments
(``gauss_expect``); ``sup_mu`` takes the supremum of such a polynomial (finite only when it is constant
in mu: it raises otherwise).  Prior Lambda_tau = N(0, tau^2) on mu1; D(tau): Xbar1 ~ N(0, tau^2 + sigma^2/n),
mu1 | Xbar1 ~ N(w Xbar1, sigma^2 tau^2/(n tau^2 + sigma^2)), w = tau^2/(tau^2 + sigma^2/n).
"""
from __future__ import annotations

import sympy

from ..claims import Var
from ..domains import Real

P = dict(positive=True)
R_ = dict(real=True)
sigma, gamma, S2, n, tau, ta, tb, eps = (sympy.Symbol(s, **P) for s in ("sigma", "gamma", "S2", "n", "tau", "ta", "tb", "eps"))
eta, v, theta = (sympy.Symbol(s, nonnegative=True) for s in ("eta", "v", "theta"))
beta, mu1, mu2, a, b, c1, c2, g, kappa, delta, d = (sympy.Symbol(s, **R_) for s in
                                                   ("beta", "mu1", "mu2", "a", "b", "c1", "c2", "g", "kappa", "delta", "d"))
# source symbols (integrated out)
_e1, _xi, _e2, _ze, _m, _mu, _xt = (sympy.Symbol(s, real=True) for s in ("_e1", "_xi", "_e2", "_ze", "_m", "_mu", "_xt"))


def gauss_expect(expr, x, mean, var):
    """E[expr] over x ~ N(mean, var), expr a polynomial of degree <= 2 in x."""
    p = sympy.Poly(sympy.expand(expr), x)
    if p.degree() > 2:
        raise ValueError("degree > 2")
    c = [p.coeff_monomial(x**k) for k in range(3)]
    return sympy.expand(c[0] + c[1] * mean + c[2] * (mean**2 + var))


def sup_mu(expr, mus):
    """sup over mus in R^k of a polynomial risk: its constant when it does not depend on mus."""
    e = sympy.expand(expr)
    for mu in mus:
        if sympy.expand(sympy.diff(e, mu)) != 0:
            raise ValueError(f"risk depends on {mu}: its supremum is +infinity")
    return sympy.expand(e.subs({mu: 0 for mu in mus}))


def _mech_errors(nn, kap, dl, bb, cc1, gg, cc2, aa=None):
    """(err1, err2) for the strategy, in mu1, mu2 and the sources (Xbar1 = mu1 + e1)."""
    aa = 1 - bb * kap if aa is None else aa
    xbar1 = mu1 + _e1
    Z = kap * xbar1 + dl + _xi
    R2 = (mu2 + _e2) + beta * Z + _ze
    h11 = aa * xbar1 + bb * Z + cc1
    h12 = R2 - (beta - gg) * Z + cc2
    return h11 - mu1, h12 - mu2


def _avg_sources(expr, nn, vv):
    for x, var in ((_e1, sigma**2 / nn), (_xi, vv), (_e2, sigma**2 / S2), (_ze, eta)):
        expr = gauss_expect(expr, x, 0, var)
    return expr


def risk(nn=n, kap=kappa, dl=delta, vv=v, bb=b, cc1=c1, gg=g, cc2=c2, aa=None):
    """E_{X_1..X_m}[(h11 - mu1)^2 + (h12 - mu2)^2] as a polynomial in (mu1, mu2)."""
    e1, e2 = _mech_errors(nn, kap, dl, bb, cc1, gg, cc2, aa)
    return _avg_sources(e1**2 + e2**2, nn, vv)


def penalty(nn=n, **kw):
    """p_1 = sup_{mu1, mu2} risk + gamma n (the strategy must make the risk constant in mu)."""
    return sup_mu(risk(nn, **kw), (mu1, mu2)) + gamma * nn


n_star = sigma / sympy.sqrt(gamma)                   # agent 1's equilibrium quantity in the family
TRUTH = dict(kap=1, dl=0, vv=0, bb=0, cc1=0, gg=0, cc2=0)  # s*_1: truthful, sample mean, undo beta Z
p_star = penalty(n_star, **TRUTH)                   # p_1(M, s*) from the risk computation
f_star = sigma**2 / n_star + gamma * n_star          # E_{s*}[sigma^2/n + gamma n] (paper's first term)
L_paper = sigma**2 / S2 + eta                        # L of (28) in the family (closed form by hand)

# the two sub-families on which the sup over mu is finite (a = 1 - b kappa; g kappa = 0)
P_A = penalty(n_star, gg=0)                          # scaled/shifted (noisy) submission, g = 0
P_B = penalty(n_star, kap=0)                         # fabricated submission N(delta, v), any g


def err2_given_D(dd, kap=kappa, dl=delta, vv=v, gg=g, cc2=c2):
    """sup_mu2 E[(h12(D, f1(D), A1) - mu2)^2] with the collected data replaced by a dataset D of mean d."""
    Z = kap * dd + dl + _xi
    e2 = (mu2 + _e2) + beta * Z + _ze - (beta - gg) * Z + cc2 - mu2
    ex = e2**2
    for x, var in ((_xi, vv), (_e2, sigma**2 / S2), (_ze, eta)):
        ex = gauss_expect(ex, x, 0, var)
    return sup_mu(ex, (mu2,))


# ---------------------------------------------------------------- prior Lambda_tau and D(tau)
def prior_joint(expr, nn=n, t=tau):
    """E_{mu1 ~ Lambda_tau} E_{X_1 | mu1}[expr(mu1, e1, ...)] (the order of (23))."""
    return gauss_expect(expr, mu1, 0, t**2)


def prior_posterior(expr_m, nn=n, t=tau):
    """E_{Xbar1 ~ D(tau)} E_{mu1 | Xbar1}[expr(m=Xbar1, mu=mu1)] (the order of (24))."""
    w = t**2 / (t**2 + sigma**2 / nn)
    post = sigma**2 * t**2 / (nn * t**2 + sigma**2)
    e = gauss_expect(expr_m, _mu, w * _m, post)
    return sympy.expand(gauss_expect(e, _m, 0, t**2 + sigma**2 / nn))


def _errors_general(nn=n):
    """errors of the general strategy (free a: possibly biased) in mu1 and e1."""
    return _mech_errors(nn, kappa, delta, b, c1, g, c2, aa=a)


def bayes_joint(nn=n, t=tau):
    """(23) integrand averaged in the order E_{mu1} E_{X1|mu1}: total risk (a free), then E over mu1."""
    e1, e2 = _errors_general(nn)
    return sympy.expand(prior_joint(_avg_sources(e1**2 + e2**2, nn, v), nn, t))


def bayes_posterior(nn=n, t=tau):
    """The same in the order E_{X1 ~ D(tau)} E_{mu1 | X1} (posterior route, (24))."""
    e1, e2 = _errors_general(nn)
    sub = {mu1: _mu, _e1: _m - _mu}   # Xbar1 = m, mu1 = mu
    ex = (e1**2 + e2**2).subs(sub, simultaneous=True)
    for x, var in ((_xi, v), (_e2, sigma**2 / S2), (_ze, eta)):
        ex = gauss_expect(ex, x, 0, var)
    return prior_posterior(ex, nn, t)


def err2_joint(nn=n, t=tau):
    """E_{mu1 ~ Lambda_tau} E_{X|mu1}[(h12 - mu2)^2] (mu1 integrated, (25))."""
    _, e2 = _errors_general(nn)
    return sympy.expand(prior_joint(_avg_sources(e2**2, nn, v), nn, t))


def err2_marginal(nn=n, t=tau):
    """E_{X1 ~ D(tau)}[(h12 - mu2)^2] with no mu1 at all ((26)): Xbar1 drawn from the marginal D(tau)."""
    Z = kappa * _m + delta + _xi
    e2 = (mu2 + _e2) + beta * Z + _ze - (beta - g) * Z + c2 - mu2
    ex = e2**2
    for x, var in ((_xi, v), (_e2, sigma**2 / S2), (_ze, eta)):
        ex = gauss_expect(ex, x, 0, var)
    return sympy.expand(gauss_expect(ex, _m, 0, t**2 + sigma**2 / n))


def z2(t, nn=n, kap=kappa, dl=delta, vv=v, gg=g, cc2=c2, fresh=None):
    """z^2(tau, s_1) of Lemma 7: sup_mu2 E_{X1 ~ D(tau)}[(h12 - mu2)^2].  With ``fresh`` = tau_a the
    strategy s^b of the proof of Lemma 7: it submits from its own draw X~ ~ D(tau_a), not from X1."""
    Z = kap * (_xt if fresh is not None else _m) + dl + _xi
    e2 = (mu2 + _e2) + beta * Z + _ze - (beta - gg) * Z + cc2 - mu2
    ex = e2**2
    for x, var in ((_xi, vv), (_e2, sigma**2 / S2), (_ze, eta)):
        ex = gauss_expect(ex, x, 0, var)
    if fresh is not None:
        ex = gauss_expect(ex, _xt, 0, fresh**2 + sigma**2 / nn)
    ex = gauss_expect(ex, _m, 0, t**2 + sigma**2 / nn)
    return sup_mu(ex, (mu2,))


def z1(t):
    """z^1(tau) = inf over (g, c2) (then kappa, delta, v) of z^2: the stationary point of the convex
    quadratic, solved by sympy."""
    e = z2(t)
    sol = sympy.solve([sympy.diff(e, gg) for gg in (g, c2)], [g, c2], dict=True)
    if len(sol) != 1:
        raise ValueError("z2 has no unique minimizer")
    hess = sympy.hessian(e, (g, c2))
    if not (hess[1, 1].is_positive and sympy.expand(hess[0, 0]).is_nonnegative
            and sympy.expand(hess.det()).is_nonnegative):
        raise ValueError("z2 is not convex in (g, c2)")
    return sympy.simplify(e.subs(sol[0]))


# ---------------------------------------------------------------- numpy Monte Carlo (tests)
def simulate_penalty(mu1v, mu2v, sigmav, gammav, S2v, etav, betav, nv, kap, dl, vv, aa, bb, cc1, gg, cc2,
                     T=200000, seed=0):
    """Monte Carlo of E[(h11 - mu1)^2 + (h12 - mu2)^2] + gamma n at (mu1, mu2) (n, S2 integers)."""
    import numpy as np

    from ..errors import DomainError
    if not (sigmav > 0 and gammav > 0 and etav >= 0 and vv >= 0):
        raise DomainError("sigma, gamma > 0 and eta, v >= 0 required")
    if int(nv) != nv or nv < 1 or int(S2v) != S2v or S2v < 1:
        raise DomainError("n and S2 must be integers >= 1")
    rng = np.random.default_rng(seed)
    x1 = rng.normal(mu1v, sigmav, size=(T, int(nv))).mean(axis=1)
    y2 = rng.normal(mu2v, sigmav, size=(T, int(S2v))).mean(axis=1)
    Z = kap * x1 + dl + rng.normal(0, np.sqrt(vv), T)
    R2 = y2 + betav * Z + rng.normal(0, np.sqrt(etav), T)
    h11 = aa * x1 + bb * Z + cc1
    h12 = R2 - (betav - gg) * Z + cc2
    loss = (h11 - mu1v) ** 2 + (h12 - mu2v) ** 2
    return float(loss.mean() + gammav * nv), float(loss.std(ddof=1) / np.sqrt(T))


def simulate_bayes(tauv, sigmav, nv, aa, T=400000, seed=1):
    """Monte Carlo of E_{mu1 ~ N(0, tau^2)} E[(a Xbar1 - mu1)^2] (sampling mu1 first) and of the posterior
    route E_{Xbar1 ~ D(tau)}[(a Xbar1 - w Xbar1)^2 + post var] (sampling Xbar1 from its marginal)."""
    import numpy as np
    rng = np.random.default_rng(seed)
    m1 = rng.normal(0, tauv, T)
    xb = m1 + rng.normal(0, sigmav / np.sqrt(nv), T)
    joint = ((aa * xb - m1) ** 2).mean()
    xm = rng.normal(0, np.sqrt(tauv**2 + sigmav**2 / nv), T)
    w = tauv**2 / (tauv**2 + sigmav**2 / nv)
    post = sigmav**2 * tauv**2 / (nv * tauv**2 + sigmav**2)
    return float(joint), float((((aa - w) * xm) ** 2).mean() + post)


# ---------------------------------------------------------------- variables
_POS = Real(0, None, lo_open=True, sample=(0.05, 50.0), log=True)
V = {
    "sigma": Var("sigma", Real(0.05, 20.0, log=True), "noise standard deviation"),
    "gamma": Var("gamma", _POS, "cost gamma of (19) (c_{1,1} = c_{i,2} = gamma)"),
    "S2": Var("S2", _POS, "points the others submit from distribution 2 under s*_{-1}"),
    "eta": Var("eta", Real(0, None, sample=(0.0, 10.0)), "variance of the noise M adds to R2"),
    "beta": Var("beta", Real(-3.0, 3.0), "weight of agent 1's submitted mean Z in R2 (mechanism)"),
    "n": Var("n", Real(1e-2, 1e3, log=True), "n_{1,1}"),
    "tau": Var("tau", Real(1.0, None, sample=(1.0, 1e3), log=True), "prior scale tau >= 1"),
    "ta": Var("ta", Real(1.0, None, sample=(1.0, 1e3), log=True), "tau_a >= 1"),
    "tb": Var("tb", Real(1.0, None, sample=(1.0, 1e3), log=True), "tau_b >= 1"),
    "mu1": Var("mu1", Real(-10.0, 10.0), "mean of distribution 1"),
    "mu2": Var("mu2", Real(-10.0, 10.0), "mean of distribution 2"),
    "a": Var("a", Real(-2.0, 2.0), "weight of her own mean Xbar1 in h_{1,1} (free: possibly biased)"),
    "b": Var("b", Real(-2.0, 2.0), "weight of the returned mean Z in h_{1,1}"),
    "c1": Var("c1", Real(-2.0, 2.0), "constant of h_{1,1}"),
    "c2": Var("c2", Real(-2.0, 2.0), "constant of h_{1,2}"),
    "g": Var("g", Real(-2.0, 2.0), "residual weight of Z in h_{1,2} (h12 = R2 - (beta - g) Z + c2)"),
    "kappa": Var("kappa", Real(-2.0, 2.0), "scale of Xbar1 in the submitted mean (1: truthful)"),
    "delta": Var("delta", Real(-3.0, 3.0), "shift of the submitted mean"),
    "v": Var("v", Real(0.0, 5.0), "variance of the fabricated noise xi in the submitted mean"),
    "d": Var("d", Real(-5.0, 5.0), "mean of the arbitrary dataset D replacing X_1"),
    "eps": Var("eps", Real(0.0, 1.0, lo_open=True), "epsilon > 0 of (30)"),
    "theta": Var("theta", Real(0.0, 1.0, hi_open=True), "fraction of epsilon used by s^eps"),
}
