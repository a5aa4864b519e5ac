"""cck §5: Algorithm 2 in numpy -- amounts (13), d_i and W, prices (14) and payments (15)."""
from __future__ import annotations

import numpy as np

from ..errors import DomainError


def setup(q_plus, Nplus, c1, c2, sigma):
    """(N*, N_-*, d, W) of (13) and the definitions after it (contributors 1 and 2, 0-based)."""
    q_plus = np.asarray(q_plus, dtype=float)
    if q_plus.ndim != 1 or q_plus.size == 0:
        raise DomainError("the buyer set must be non-empty (q_plus has no entries)")
    if np.isnan(q_plus).any():
        raise DomainError("q_plus must not contain NaN")
    if not (sigma > 0) or not np.isfinite(sigma):
        raise DomainError(f"sigma must be > 0 (got {sigma})")
    if not (c1 >= 0 and c2 >= 0):
        raise DomainError(f"costs must be >= 0 (got c1={c1}, c2={c2})")
    if c1 > c2:
        raise DomainError("costs must be ordered c_1 <= c_2")
    if int(Nplus) != Nplus or Nplus < 2:
        raise DomainError(f"N+ must be an integer >= 2 so that N_1* = N+ - 1 >= 1 (got {Nplus})")
    Ns = np.array([Nplus - 1, 1], dtype=float)
    Nm = Nplus - Ns
    c = np.array([c1, c2], dtype=float)
    d = c * Ns**2 / sigma**2
    W = q_plus.sum() - c1 * (Nplus - 1) - c2
    return Ns, Nm, d, W


def prices(Y1, Y2, q_plus, Nplus, c1, c2, sigma):
    """eq. (14): p_j*({Y_i}) for every buyer j."""
    Ns, Nm, d, _ = setup(q_plus, Nplus, c1, c2, sigma)
    q_plus = np.asarray(q_plus, dtype=float)
    B = q_plus.size
    Y = [np.asarray(Y1, dtype=float), np.asarray(Y2, dtype=float)]
    if any(y.size == 0 for y in Y):
        raise DomainError("contributors 1 and 2 must submit non-empty datasets (mu_hat of an empty set)")
    mu = [y.mean() for y in Y]
    p = np.zeros(B)
    for i in range(2):
        if Y[i].size == Ns[i]:
            p += q_plus * Ns[i] / Nplus + d[i] / B * sigma**2 / Nm[i] + d[i] / B * sigma**2 / Ns[i]
        p -= d[i] / B * (mu[i] - mu[1 - i]) ** 2
    return p


def payments(Y1, Y2, q_plus, Nplus, c1, c2, sigma):
    """eq. (15): pi_i* for contributors 1 and 2 (others are paid 0)."""
    Ns, Nm, d, W = setup(q_plus, Nplus, c1, c2, sigma)
    Y = [np.asarray(Y1, dtype=float), np.asarray(Y2, dtype=float)]
    if any(y.size == 0 for y in Y):
        raise DomainError("contributors 1 and 2 must submit non-empty datasets (mu_hat of an empty set)")
    mu = [y.mean() for y in Y]
    c = (c1, c2)
    out = np.zeros(2)
    for i in range(2):
        if Y[i].size == Ns[i]:
            out[i] = W * Ns[i] / Nplus + c[i] * Ns[i] + d[i] * sigma**2 / Nm[i] + d[i] * sigma**2 / Ns[i]
        out[i] -= d[i] * (mu[i] - mu[1 - i]) ** 2
    return out


def expected_price(q_plus, Nplus, c1, c2, sigma):
    """E[p_j*] under s* from the moment E[(mu_hat(Y_i) - mu_hat(Y_-i))^2] = sigma^2/N_i* + sigma^2/N_-i*."""
    Ns, Nm, d, _ = setup(q_plus, Nplus, c1, c2, sigma)
    q_plus = np.asarray(q_plus, dtype=float)
    B = q_plus.size
    # the bonus terms and the expected penalties cancel term by term (eq. (16)); sum them as printed
    bonus = sum(q_plus * Ns[i] / Nplus + d[i] / B * sigma**2 / Nm[i] + d[i] / B * sigma**2 / Ns[i] for i in range(2))
    pen = sum(d[i] / B * (sigma**2 / Ns[i] + sigma**2 / Nm[i]) for i in range(2))
    return bonus - pen


# ----------------------------------------------------------------------------- exact (Fractions)

def prices_exact(Y1, Y2, q_plus, Nplus, c1, c2, sigma2):
    """eq. (14) in exact rational arithmetic (every argument a Fraction or int; sigma2 = sigma^2)."""
    from fractions import Fraction as F
    Ns, Nm = (F(Nplus - 1), F(1)), (F(1), F(Nplus - 1))
    d = (F(c1) * Ns[0] ** 2 / sigma2, F(c2) * Ns[1] ** 2 / sigma2)
    B = len(q_plus)
    Y = (list(Y1), list(Y2))
    if any(len(y) == 0 for y in Y):
        raise DomainError("contributors 1 and 2 must submit non-empty datasets (mu_hat of an empty set)")
    mu = [sum(y, F(0)) / len(y) for y in Y]
    out = []
    for qj in q_plus:
        p = F(0)
        for i in range(2):
            if len(Y[i]) == Ns[i]:
                p += qj * Ns[i] / Nplus + d[i] / B * sigma2 / Nm[i] + d[i] / B * sigma2 / Ns[i]
            p -= d[i] / B * (mu[i] - mu[1 - i]) ** 2
        out.append(p)
    return out


def payments_exact(Y1, Y2, q_plus, Nplus, c1, c2, sigma2):
    """eq. (15) in exact rational arithmetic."""
    from fractions import Fraction as F
    Ns, Nm = (F(Nplus - 1), F(1)), (F(1), F(Nplus - 1))
    c = (F(c1), F(c2))
    d = tuple(c[i] * Ns[i] ** 2 / sigma2 for i in range(2))
    W = sum(q_plus, F(0)) - c[0] * (Nplus - 1) - c[1]
    Y = (list(Y1), list(Y2))
    if any(len(y) == 0 for y in Y):
        raise DomainError("contributors 1 and 2 must submit non-empty datasets (mu_hat of an empty set)")
    mu = [sum(y, F(0)) / len(y) for y in Y]
    out = []
    for i in range(2):
        pay = F(0)
        if len(Y[i]) == Ns[i]:
            pay = W * Ns[i] / Nplus + c[i] * Ns[i] + d[i] * sigma2 / Nm[i] + d[i] * sigma2 / Ns[i]
        out.append(pay - d[i] * (mu[i] - mu[1 - i]) ** 2)
    return out


# ----------------------------------------------------------------------------- contributor deviations

STRATEGIES = ("truthful", "f_b", "shifted", "shrunk", "fabricated", "constant", "wrong_size")


def report(strategy, X, Nst, rng, b=0.0, lam=1.0, mu0=0.0, mu_tilde=0.0, sigma=1.0):
    """Y_i = f(X_i) for a batch X of shape (T, n): returns (T, size) reports.

    truthful: X itself; f_b: N_i* points with the sample mean of X (Lemma 8/9's f_b); shifted: f_b + b;
    shrunk: N_i* points with mean mu0 + lam (mu_hat(X) - mu0); fabricated: N_i* points drawn from
    N(mu_hat(X), S^2) with S^2 the unbiased sample variance (n >= 2); constant: N_i* copies of mu_tilde
    (needs no data); wrong_size: N_i* + 1 points with the sample mean of X.
    """
    if strategy not in STRATEGIES:
        raise DomainError(f"unknown strategy {strategy!r}; choose one of {STRATEGIES}")
    T = X.shape[0]
    Nst = int(Nst)
    if strategy == "constant":
        return np.full((T, Nst), float(mu_tilde))
    if X.shape[1] == 0:
        raise DomainError(f"strategy {strategy!r} needs n >= 1 collected points")
    m = X.mean(axis=1, keepdims=True)
    if strategy == "truthful":
        return X
    if strategy == "f_b":
        return np.repeat(m, Nst, axis=1)
    if strategy == "shifted":
        return np.repeat(m + b, Nst, axis=1)
    if strategy == "shrunk":
        return np.repeat(mu0 + lam * (m - mu0), Nst, axis=1)
    if strategy == "fabricated":
        if X.shape[1] < 2:
            raise DomainError("fabricating from a fitted normal needs n >= 2 points (sample variance)")
        s = X.std(axis=1, ddof=1, keepdims=True)
        return m + s * rng.standard_normal((T, Nst))
    return np.repeat(m, Nst + 1, axis=1)  # wrong_size


def expected_utility(i, strategy, n, mu, q_plus, Nplus, c1, c2, sigma, b=0.0, lam=1.0, mu0=0.0, mu_tilde=0.0):
    """Closed form of E_mu[pi_i* - c_i n] for contributor i (0-based) deviating, the other truthful.

    E_mu[(mu_hat(Y_i) - mu_hat(Y_-i))^2] = E_mu[(mu_hat(Y_i) - mu)^2] + sigma^2/N_-i*; u_i^c of (7)
    is its infimum over mu (-inf for shrunk with lam != 1 and constant reports).
    """
    Ns, Nm, d, W = setup(q_plus, Nplus, c1, c2, sigma)
    if strategy not in STRATEGIES:
        raise DomainError(f"unknown strategy {strategy!r}; choose one of {STRATEGIES}")
    c = (c1, c2)[i]
    s2 = sigma**2
    if strategy == "constant":
        mse, size, cost = (mu_tilde - mu) ** 2, Ns[i], 0.0
    else:
        if n < 1:
            raise DomainError(f"strategy {strategy!r} needs n >= 1 collected points")
        mse, size, cost = s2 / n, Ns[i], c * n
        if strategy == "truthful":
            size = n
        elif strategy == "shifted":
            mse += b**2
        elif strategy == "shrunk":
            mse = lam**2 * s2 / n + (1 - lam) ** 2 * (mu - mu0) ** 2
        elif strategy == "fabricated":
            mse += s2 / Ns[i]
        elif strategy == "wrong_size":
            size = Ns[i] + 1
    bonus = W * Ns[i] / Nplus + c * Ns[i] + d[i] * s2 / Nm[i] + d[i] * s2 / Ns[i]
    return (bonus if size == Ns[i] else 0.0) - cost - d[i] * (mse + s2 / Nm[i])


def simulate_utility(i, strategy, n, mu, q_plus, Nplus, c1, c2, sigma, T=20000, seed=0, **kw):
    """Monte Carlo of pi_i* - c_i n with realized data: (mean, standard error)."""
    rng = np.random.default_rng(seed)
    Ns, _, _, _ = setup(q_plus, Nplus, c1, c2, sigma)
    X = rng.normal(mu, sigma, size=(T, 0 if strategy == "constant" else int(n)))
    Yi = report(strategy, X, Ns[i], rng, sigma=sigma, **kw)
    Yo = rng.normal(mu, sigma, size=(T, int(Ns[1 - i])))
    Y1, Y2 = (Yi, Yo) if i == 0 else (Yo, Yi)
    u = payments_batch(Y1, Y2, q_plus, Nplus, c1, c2, sigma)[:, i]
    u = u - (c1, c2)[i] * (0 if strategy == "constant" else n)
    return float(u.mean()), float(u.std(ddof=1) / np.sqrt(T))


def payments_batch(Y1, Y2, q_plus, Nplus, c1, c2, sigma):
    """eq. (15) for a batch of realizations: Y1 (T, |Y_1|), Y2 (T, |Y_2|) -> (T, 2)."""
    Ns, Nm, d, W = setup(q_plus, Nplus, c1, c2, sigma)
    Y = [np.asarray(Y1, dtype=float), np.asarray(Y2, dtype=float)]
    if any(y.ndim != 2 or y.shape[1] == 0 for y in Y):
        raise DomainError("contributors 1 and 2 must submit non-empty datasets (batches of shape (T, size))")
    mu = [y.mean(axis=1) for y in Y]
    c = (c1, c2)
    out = np.zeros((Y[0].shape[0], 2))
    for i in range(2):
        if Y[i].shape[1] == Ns[i]:
            out[:, i] = W * Ns[i] / Nplus + c[i] * Ns[i] + d[i] * sigma**2 / Nm[i] + d[i] * sigma**2 / Ns[i]
        out[:, i] -= d[i] * (mu[i] - mu[1 - i]) ** 2
    return out
