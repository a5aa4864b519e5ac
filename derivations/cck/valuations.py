"""cck §3.1: buyers' valuations as data, and the valuation for i.i.d. data, eq. (11), in numpy.

A buyer's *error valuation* v^e: R_+ -> [0, 1] is non-increasing in the estimation error e'.
eq. (11): v^d(m) := inf_mu E_{X ~ N(mu, sigma^2)^m} [v^e(|mu_hat(X) - mu|)].  The sample mean
mu_hat(X) - mu ~ N(0, s^2) with s = sigma / sqrt(m) whatever mu is, so the infimum is attained
at every mu and v^d(m) = E[v^e(s |Z|)], Z ~ N(0, 1).  §2 requires v(0) = 0 (no data, no value).

Families (each a non-increasing function of the error, with scale tau > 0), and their v^d:
  threshold  v^e(e) = 1{e <= tau}            v^d(m) = erf(tau / (s sqrt 2))
  gaussian   v^e(e) = exp(-e^2 / (2 tau^2))  v^d(m) = tau / sqrt(tau^2 + s^2)
  laplace    v^e(e) = exp(-e / tau)          v^d(m) = exp(x^2) erfc(x) = erfcx(x),  x = s/(tau sqrt 2)
  tent       v^e(e) = max(0, 1 - e / tau)    v^d(m) = erf(x) - (1 - exp(-x^2))/(x sqrt pi), x = tau/(s sqrt 2)
and the general non-increasing step function ``StepErrorValuation`` (a mixture of thresholds).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.special import erf, erfcx

from ..errors import DomainError

FAMILIES = ("threshold", "gaussian", "laplace", "tent")


def _positive(name, x):
    x = np.asarray(x, dtype=float)
    if np.isnan(x).any() or np.any(x <= 0) or np.isinf(x).any():
        raise DomainError(f"{name} must be finite and > 0 (got {x})")
    return x


def _counts(m):
    m = np.asarray(m)
    mf = np.asarray(m, dtype=float)
    if np.isnan(mf).any() or np.any(mf < 0) or np.any(mf != np.floor(mf)) or np.isinf(mf).any():
        raise DomainError(f"dataset sizes m must be integers >= 0 (got {m})")
    return mf


def error_value(family: str, e, tau):
    """v^e(e) of a family: the buyer's ex-post value at estimation error e >= 0."""
    tau = float(_positive("tau", tau))
    e = np.asarray(e, dtype=float)
    if np.isnan(e).any() or np.any(e < 0):
        raise DomainError(f"the estimation error e must be >= 0 (got {e})")
    if family == "threshold":
        return (e <= tau).astype(float)
    if family == "gaussian":
        return np.exp(-(e / tau) ** 2 / 2)
    if family == "laplace":
        return np.exp(-e / tau)
    if family == "tent":
        return np.maximum(0.0, 1 - e / tau)
    raise DomainError(f"unknown valuation family {family!r}; choose one of {FAMILIES}")


def _tent(x):
    """erf(x) - (1 - exp(-x^2)) / (x sqrt(pi)), by its alternating series for x < 1 (no cancellation)."""
    x = np.asarray(x, dtype=float)
    out = np.empty_like(x)
    small = x < 1
    xs = x[small]
    acc = np.zeros_like(xs)
    for k in range(40):
        coef = 2 / (math.factorial(k) * (2 * k + 1)) - 1 / math.factorial(k + 1)
        acc += (-1) ** k * coef * xs ** (2 * k + 1)
    out[small] = acc / math.sqrt(math.pi)
    xl = x[~small]
    out[~small] = erf(xl) + np.expm1(-xl**2) / (xl * math.sqrt(math.pi))
    return out


def data_value(family: str, m, sigma, tau):
    """v^d(m) of eq. (11) for a family (closed form); v^d(0) = 0 by the convention of §2."""
    sigma = float(_positive("sigma", sigma))
    tau = float(_positive("tau", tau))
    mf = np.atleast_1d(_counts(m))
    out = np.zeros_like(mf)
    pos = mf > 0
    s = sigma / np.sqrt(mf[pos])
    if family == "threshold":
        out[pos] = erf(tau / (s * math.sqrt(2)))
    elif family == "gaussian":
        out[pos] = 1 / np.sqrt(1 + (s / tau) ** 2)
    elif family == "laplace":
        out[pos] = erfcx(s / (tau * math.sqrt(2)))
    elif family == "tent":
        out[pos] = _tent(tau / (s * math.sqrt(2)))
    else:
        raise DomainError(f"unknown valuation family {family!r}; choose one of {FAMILIES}")
    return out if np.ndim(m) else float(out[0])


@dataclass(frozen=True)
class StepErrorValuation:
    """v^e(e) = levels[k] for thresholds[k-1] < e <= thresholds[k] (thresholds[-1] = 0), 0 beyond.

    ``levels`` must be non-increasing in [0, 1]: a buyer's value must not grow with her error.
    """

    thresholds: tuple
    levels: tuple

    def __post_init__(self):
        t = np.asarray(self.thresholds, dtype=float)
        lv = np.asarray(self.levels, dtype=float)
        if t.ndim != 1 or t.size == 0 or t.shape != lv.shape:
            raise DomainError("thresholds and levels must be non-empty vectors of the same length")
        if np.isnan(t).any() or np.any(t <= 0) or np.any(np.diff(t) <= 0):
            raise DomainError("thresholds must be > 0 and strictly increasing")
        if np.isnan(lv).any() or np.any(lv < 0) or np.any(lv > 1):
            raise DomainError("levels must lie in [0, 1] (v^e maps into [0, 1])")
        if np.any(np.diff(lv) > 0):
            raise DomainError("valuation must be non-increasing in the estimation error "
                              "(levels must be non-increasing)")

    def error_value(self, e):
        e = np.asarray(e, dtype=float)
        if np.isnan(e).any() or np.any(e < 0):
            raise DomainError(f"the estimation error e must be >= 0 (got {e})")
        t = np.asarray(self.thresholds)
        lv = np.append(np.asarray(self.levels, dtype=float), 0.0)
        return lv[np.searchsorted(t, e, side="left")]

    def data_value(self, m, sigma):
        """v^d(m) = sum_k (levels_k - levels_{k+1}) erf(t_k sqrt(m) / (sigma sqrt 2))."""
        w = -np.diff(np.append(np.asarray(self.levels, dtype=float), 0.0))
        vals = sum(wk * np.atleast_1d(data_value("threshold", m, sigma, tk))
                   for wk, tk in zip(w, self.thresholds))
        return vals if np.ndim(m) else float(vals[0])


def check_error_valuation(errors, values):
    """Validate a tabulated v^e on increasing errors: values in [0, 1], non-increasing (else DomainError)."""
    e = np.asarray(errors, dtype=float)
    v = np.asarray(values, dtype=float)
    if e.shape != v.shape or e.ndim != 1:
        raise DomainError("errors and values must be vectors of the same length")
    if np.isnan(e).any() or np.any(e < 0) or np.any(np.diff(e) <= 0):
        raise DomainError("errors must be >= 0 and strictly increasing")
    if np.isnan(v).any() or np.any(v < 0) or np.any(v > 1):
        raise DomainError("v^e must map into [0, 1]")
    if np.any(np.diff(v) > 0):
        raise DomainError("valuation must be non-increasing in the estimation error")
    return e, v


def check_quantity_valuations(V):
    """§2: each row v_j: {0..N} -> [0, 1] non-decreasing with v_j(0) = 0; a non-empty buyer set."""
    V = np.asarray(V, dtype=float)
    if V.ndim != 2 or V.shape[0] == 0:
        raise DomainError("the buyer set must be non-empty: valuations must be a (|B|, N+1) array, |B| >= 1")
    if V.shape[1] == 0:
        raise DomainError("valuations must give v_j(m) for m = 0, ..., N (at least m = 0)")
    if np.isnan(V).any() or np.any(V < 0) or np.any(V > 1):
        raise DomainError("valuations must lie in [0, 1]")
    if np.any(V[:, 0] != 0):
        raise DomainError("valuations must satisfy v_j(0) = 0")
    if np.any(np.diff(V, axis=1) < 0):
        raise DomainError("valuations must be non-decreasing in the amount of data m "
                          "(v^e must be non-increasing in the error)")
    return V


def quantity_table(families, taus, sigma, nmax):
    """(|B|, nmax+1) array v_j^d(m), m = 0..nmax, for buyers with the given families and scales."""
    if len(families) == 0:
        raise DomainError("the buyer set must be non-empty")
    if len(families) != len(taus):
        raise DomainError("one scale tau per buyer is required")
    if not (isinstance(nmax, (int, np.integer)) and nmax >= 0):
        raise DomainError(f"nmax must be an integer >= 0 (got {nmax!r})")
    m = np.arange(nmax + 1)
    V = np.array([data_value(f, m, sigma, t) for f, t in zip(families, taus)])
    return check_quantity_valuations(V)
