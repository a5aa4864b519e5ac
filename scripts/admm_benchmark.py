"""admm Algorithm 1 benchmark: all-agents thresholds + prices (Moebius form, two Cholesky factorizations,
vectorized root finding; derivations.admm.mechanism) vs the naive per-agent approach (n separate brentq
root findings on eq. (3), each evaluation with a fresh n x n inverse of Sigma_q), and the numpy kernels'
error in bits against mpmath (50 digits) on a sample.

    python scripts/admm_benchmark.py [--out DIR] [--n 1000] [--naive-seconds 30] [--prior exp]

Prints the measured times, the speed-up ratio at the largest n where the naive approach finishes in about
``--naive-seconds`` (CPU time), the max difference between the two, and writes a JSON summary under
reports/build/admm/ by default.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import pathlib
import sys
import time

for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):  # one BLAS thread: CPU time is
    os.environ.setdefault(_v, "1")  # then comparable on a shared machine, for both approaches alike

import mpmath
import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from derivations.admm import claims_mechanism as C  # noqa: E402
from derivations.admm import mechanism as M  # noqa: E402
from verify.backends import Mp  # noqa: E402


def instance(n, rng):
    """A correlated SPD covariance (factor model + diagonal) and qualities in [0.05, Q]."""
    F = rng.normal(size=(n, 5))
    Sigma = F @ F.T / 5 + np.diag(rng.uniform(0.3, 1.5, n))
    return Sigma, rng.uniform(0.05, 9.5, n)


def prior(name):
    return {"uniform": M.Uniform(10.0), "exp": M.Exponential(0.5, 10.0),
            "gamma": M.Gamma(2.5, 0.7, 10.0), "weibull": M.Weibull(1.7, 0.3, 10.0)}[name]


def fast(Sigma, q, p):
    t = time.process_time()
    out = M.algorithm1(Sigma, q, p)
    return out.thresholds, out.prices, time.process_time() - t


def naive(Sigma, q, p):
    t = time.process_time()
    qbar, price = M.naive_thresholds(Sigma, q, p)
    return qbar, price, time.process_time() - t


def bits(x, ref):
    """log2(1 + ulps) of a float against an mpmath reference (ulps of max(|ref|, 1/4) for thresholds)."""
    u = float(abs(mpmath.mpf(x) - ref)) / float(np.spacing(max(float(abs(ref)), 0.25)))
    return math.log2(1 + u)


def accuracy_sample(p, family, params, samples, rng):
    worst = {"threshold": 0.0, "price": 0.0, "b": 0.0}
    o = Mp(mpmath.mp)
    for _ in range(samples):
        n = int(rng.integers(1, 6))
        Sigma, q = instance(n, rng)
        out = M.algorithm1(Sigma, q, p)
        with mpmath.workdps(50):
            S = o.matrix([[mpmath.mpf(x) for x in row] for row in Sigma])
            qq = [mpmath.mpf(x) for x in q]
            for i in range(n):
                b = C.b_reduced(o, S, qq, i)
                qb = C.threshold_direct(o, S, qq, i, family, *params)
                pr = C.value_at(o, S, qq, i, qb)
                worst["b"] = max(worst["b"], bits(out.b[i], b))
                worst["threshold"] = max(worst["threshold"], bits(out.thresholds[i], qb))
                worst["price"] = max(worst["price"], bits(out.prices[i], pr))
    return worst


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "reports" / "build" / "admm"))
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--naive-seconds", type=float, default=30.0)
    ap.add_argument("--prior", default="exp", choices=["uniform", "exp", "gamma", "weibull"])
    ap.add_argument("--samples", type=int, default=20)
    args = ap.parse_args(argv)
    rng = np.random.default_rng(2024)
    p = prior(args.prior)

    # the all-agents path at the target n
    Sigma, q = instance(args.n, rng)
    _, _, t_fast_big = fast(Sigma, q, p)
    print(f"vectorized Algorithm 1, n = {args.n}: {t_fast_big:.3f} s CPU (prior {p.name})")

    # naive cost grows like n^4 (n root findings x O(n^3) per evaluation): calibrate at small n
    n0, t0 = 40, 0.0
    while True:  # calibrate where the O(n^4) term dominates (>= 0.5 s), doubling n
        S0, q0 = instance(n0, rng)
        _, _, t0 = naive(S0, q0, p)
        if t0 >= 0.5 or 2 * n0 > args.n:
            break
        n0 *= 2
    n_naive = int(min(args.n, max(n0, n0 * (args.naive_seconds / max(t0, 1e-3)) ** 0.25)))
    print(f"naive calibration: n = {n0} in {t0:.2f} s CPU -> naive run at n = {n_naive}")
    Sigma, q = instance(n_naive, rng)
    qb_f, pr_f, t_f = fast(Sigma, q, p)
    qb_n, pr_n, t_n = naive(Sigma, q, p)
    ratio = t_n / max(t_f, 1e-9)
    dq, dp = float(np.max(np.abs(qb_f - qb_n))), float(np.max(np.abs(pr_f - pr_n)))
    print(f"n = {n_naive}: naive {t_n:.2f} s, vectorized {t_f:.4f} s CPU -> speed-up {ratio:.0f}x "
          f"(target >= 100x)")
    print(f"max |threshold difference| = {dq:.3g}, max |price difference| = {dp:.3g}")

    family = {"uniform": 0, "exp": 1, "gamma": 2, "weibull": 3}[args.prior]
    params = {"uniform": (10.0, 1, 1), "exp": (10.0, 0.5, 1), "gamma": (10.0, 0.7, 2.5),
              "weibull": (10.0, 0.3, 1.7)}[args.prior]
    acc = accuracy_sample(p, family, params, args.samples, rng)
    print(f"numpy vs mpmath (50 digits), {args.samples} instances n <= 5: max error in bits "
          f"b_i {acc['b']:.2f}, thresholds {acc['threshold']:.2f} (ulps of max(q-bar, 1/4)), "
          f"prices {acc['price']:.2f}")

    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    summary = {"prior": p.name, "n_target": args.n, "vectorized_seconds_at_target": t_fast_big,
               "n_naive": n_naive, "naive_seconds": t_n, "vectorized_seconds": t_f, "speedup": ratio,
               "max_threshold_diff": dq, "max_price_diff": dp, "bits_vs_mpmath": acc}
    (out / "benchmark_mechanism.json").write_text(json.dumps(summary, indent=2))
    print(f"wrote {out / 'benchmark_mechanism.json'}")


if __name__ == "__main__":
    main()
