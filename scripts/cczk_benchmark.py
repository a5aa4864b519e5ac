"""cczk benchmark: vectorized alpha_{i,k} roots (derivations/cczk/alpha.py: safeguarded Newton on the
cancellation-free form H = p(x)(M - x^2) - E, long-double polish) for 1e5 (i,k) pairs against per-root
mpmath (model.alpha_root: scan + mpmath.findroot, at 15 digits), whose time is measured on a sample and
extrapolated.  Times are CPU (process) times, since the machine may be shared.  Accuracy: a random
subsample of the numpy roots against a 50-digit reference, in ulps, with the root's condition numbers
(printed form of G vs the form used by the solver).

    python scripts/cczk_benchmark.py [--out DIR] [--pairs 100000] [--sample 40] [--check 200]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

import mpmath  # noqa: E402
import numpy as np  # noqa: E402

from derivations.cczk import alpha as al  # noqa: E402
from derivations.cczk import model  # noqa: E402
from verify.backends import Mp  # noqa: E402


def mp_root(s, c, n, T, dps):
    with mpmath.workdps(dps):
        o = Mp(mpmath.mp)
        model._ROOTS.clear()
        return model.alpha_root(o, *(mpmath.mpf(float(v)) for v in (s, c, n, T)))


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join("reports", "build", "cczk"))
    ap.add_argument("--pairs", type=int, default=100_000)
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--check", type=int, default=200)
    a = ap.parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    s, c, n, T = al.sample_instances(a.pairs)
    al.alpha(s[:10], c[:10], n[:10], T[:10])  # warm up
    t_np = np.inf
    for _ in range(3):  # best of 3 (CPU time)
        t0 = time.process_time()
        roots = al.alpha(s, c, n, T)
        t_np = min(t_np, time.process_time() - t0)
    iters = al._STATS.get("newton")
    rng = np.random.default_rng(1)
    samp = rng.choice(a.pairs, a.sample, replace=False)
    t0 = time.process_time()
    for j in samp:
        mp_root(s[j], c[j], n[j], T[j], 15)
    t_mp = (time.process_time() - t0) / a.sample * a.pairs
    chk = rng.choice(a.pairs, a.check, replace=False)
    ulps = []
    for j in chk:
        ref = mp_root(s[j], c[j], n[j], T[j], 50)
        ulps.append(float(abs(mpmath.mpf(float(roots[j])) - ref) / mpmath.mpf(float(np.spacing(float(ref))))))
    ulps = np.array(ulps)
    k_old, k_new = al.kappa(s[chk], c[chk], n[chk], T[chk], roots[chk])
    q = [0.5, 0.9, 0.99, 1.0]
    hist = {f"<={b}": int((ulps <= b).sum()) for b in (0.5, 1, 2, 4)}
    res = {"newton_iterations": iters, "ulps_quantiles": dict(zip(map(str, q), np.quantile(ulps, q).tolist())),
           "ulps_histogram": hist,
           "kappa_printed_form_quantiles": dict(zip(map(str, q), np.quantile(k_old, q).tolist())),
           "kappa_solver_form_quantiles": dict(zip(map(str, q), np.quantile(k_new, q).tolist())),
           "fraction_kappa_printed_gt_8": float((k_old > 8).mean()),
           "fraction_kappa_solver_gt_8": float((k_new > 8).mean()),"pairs": a.pairs, "numpy_seconds": t_np, "mpmath_seconds_extrapolated": t_mp,
           "mpmath_sample": a.sample, "speedup": t_mp / t_np, "checked": a.check,
           "max_ulps": float(ulps.max()), "median_ulps": float(np.median(ulps)),
           "within_4_ulps": int((ulps <= 4).sum())}
    print(f"vectorized alpha roots: {a.pairs} pairs in {t_np:.3f} s CPU ({t_np / a.pairs * 1e6:.2f} us/root, "
          f"{iters} float64 Newton iterations + 2 long-double polish steps)")
    print(f"per-root mpmath (15 digits): {t_mp / a.pairs * 1e3:.2f} ms/root (sample of {a.sample}), "
          f"extrapolated {t_mp:.1f} s for {a.pairs}")
    print(f"speedup ratio: {res['speedup']:.0f}x (target >= 1000x)")
    print(f"accuracy on {a.check} random roots vs 50 digits: max {res['max_ulps']:.1f} ulps, median "
          f"{res['median_ulps']:.1f}, {res['within_4_ulps']}/{a.check} within 4 ulps (target: all)")
    print("ulps distribution: " + ", ".join(f"{k}: {v}" for k, v in hist.items()) + "; quantiles "
          + ", ".join(f"q{k}={v:.2f}" for k, v in res["ulps_quantiles"].items()))
    print("condition number of the root, kappa = |terms|/(alpha |G'|), quantiles q50/q90/q99/max:")
    print("  printed form of G (first - coef sqrt(2pi) erfcx): "
          + " / ".join(f"{v:.3g}" for v in res["kappa_printed_form_quantiles"].values())
          + f"  ({100 * res['fraction_kappa_printed_gt_8']:.0f}% > 8: erfcx's 1-ulp error alone exceeds 4 ulps)")
    print("  solver form p(x)(M - x^2) - E (w.r.t. p's relative error): "
          + " / ".join(f"{v:.3g}" for v in res["kappa_solver_form_quantiles"].values())
          + f"  ({100 * res['fraction_kappa_solver_gt_8']:.0f}% > 8)")
    with open(os.path.join(a.out, "alpha_benchmark.json"), "w") as fh:
        json.dump(res, fh, indent=1)


if __name__ == "__main__":
    main()
