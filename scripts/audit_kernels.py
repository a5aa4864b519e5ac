"""Audit every registered numpy kernel (every ``Implementation`` on a claim) over its claim's domain.

    python scripts/audit_kernels.py [--out DIR] [--budget SECONDS] [--paper P ...] [--seed K]

For each kernel: the error in bits, log2(1 + ulps) (ulps of |scale| when the Implementation has
one; the engine's cross-check measure), over the claim's own domain and side conditions, drawn by
verify.audit.kernels (the audit's sweep + hypothesis hunt + local refinement for scalar domains,
the engine's hypothesis strategy for vector / matrix / integer domains).  Writes
``<out>/kernels.json`` and ``<out>/kernels.md`` (default ``reports/build/audit/``) and prints the
table.  The target is <= 2 bits; documented exceptions are in docs/audit_exceptions.md, and their
one-line notes (``NOTES`` below) go into the table.
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import sys
import time

for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from verify.audit import kernels as K  # noqa: E402

# "<claim id>#<implementation index>" -> why the kernel may exceed 2 bits (see docs/audit_exceptions.md)
_CHOL = "Cholesky conditioning: cond(I + S Sigma S) up to ~1e3-1e4 on the SPD domain (eps*kappa)"
NOTES: dict[str, str] = {
    "admm.eq1-accuracy#0": _CHOL + "; misreport loss made a sum of squares + refined weights (was 5.5 bits)",
    "admm.eq2-value#0": "v(q, q_hat) crosses zero: cancellation inherent near its root; " + _CHOL
                        + "; two exact forms, better one per agent (was 12.9 bits)",
    "admm.lemma-a1.ii#0": _CHOL,
    "admm.eq3-virtual-value.uniform#0": "phi = v - v' h crosses zero at the threshold (scale-measured); " + _CHOL,
    "admm.eq3-virtual-value.exponential#0": "phi = v - v' h crosses zero at the threshold (scale-measured); "
                                            + _CHOL,
    "admm.C25#0": "dv_i/dq_i = (W_ii/q_i)^2 from refined weights (was 3.5 bits); ~2.05 left: rounding of the "
                  "square and the refinement's own factor",
    "admm.sec31.line83#0": _CHOL,
    "admm.B12#0": "phi-hat = v - v' h (virtual value of the approximate value): crosses zero at the threshold; "
                  "marginal (2.1 bits)",
    "admm.C1#0": "48-point Gauss-Legendre sum of differences v(q_i, q_j) - v(tau, q_j) (each ~1-2 ulps, "
                 "Cholesky-conditioned): marginal (2.5 bits)",
    "admm.B37#0": "was 3.1 bits; now t - log1p(t) by the atanh series (~2.3 left: the root r = g^-1(S) and "
                  "the last subtraction of t^2 S/(1+Q))",
    "admm.alg1.threshold-price#0": "root of the virtual value: phi's error / slope at the root (reported only)",
    "kgj.eq2-eq3-utility#0": "b(m) - c m: difference of comparable terms (scale-measured; reported only)",
    "kgj.thm1-eq4-stationary.sqrt#0": "generic bisection on b'(m) = c (the cross-check path; the closed form is "
                                      "within 2 bits): root condition |b'/(m b'')| = (m+k)/(1.5 m) near m* -> 0",
    "kgj.thm1-eq4-stationary.exp#0": "generic bisection on b'(m) = c (the cross-check path): root condition "
                                     "|b'/(m b'')| = k/m near m* -> 0",
    "kgj.ps-definition#0": "ratio of two brute-force Shapley sums (marginals without subtraction, fsum; "
                           "was 3.4 bits): 2-3 ulps each, ~2.5 bits for the ratio to the power p",
    "kgj.eq17-crossing#0": "m_up's condition in m_dn reaches rho/(1-rho) ~ 49 and in the transcendental y ~ "
                           "k y tau/((1-rho)(1-y) m_up): ~3.3 bits is the quantity's conditioning (was 7.6)",
    "kgj.secd-expected-data#0": "inherits m_up_root's conditioning (was 8.7 bits with the cancelling path)",
    "cczk.appC-nopt-2#0": "one fixed instance solved numerically: stopping tolerance / root condition",
    "cczk.appC-nnb-3#0": "one fixed instance solved numerically: stopping tolerance / root condition",
    "cck.eq11-vd#0": "sum of rounded terms, marginal (reported only)",
    "cck.eq14-price#0": "sum of rounded terms, marginal (reported only)",
    "cck.eq16-expected-price#0": "crosses zero (scale-measured), marginal (reported only)",
    "cck.eq15-payment#0": "sum of rounded terms (bonus - penalty of squared mean differences), marginal",
    "cck.eq4-purchase#0": "discrete argmax of eq. (4): numpy treats utilities within 1e-12 as tied and takes the "
                          "largest maximiser; at a near-tie (v(1) = erf(5.05) = 1 - 1e-12 vs price 1) the exact "
                          "route buys 0 and numpy 1: a tie-tolerance decision, not a rounding error",
}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", default=str(ROOT / "reports" / "build" / "audit"))
    p.add_argument("--budget", type=float, default=2.5, help="seconds per kernel (sample size follows)")
    p.add_argument("--max-samples", type=int, default=400)
    p.add_argument("--paper", action="append", default=None)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    t0 = time.perf_counter()
    rows = []
    for k in K.kernels(args.paper):
        r = K.audit_kernel(k, budget=args.budget, seed=args.seed, max_samples=args.max_samples)
        r["note"] = NOTES.get(f"{k.claim.id}#{k.index}", "") if r["verdict"] != "pass" else ""
        rows.append(r)
        print(f"  {r['claim']:38s} {r['kernel']:45s} {r['instances']:4d} inst  max "
              f"{K._f(r['max_bits']):>7s} bits  {r['verdict']:14s} {r['seconds']:5.1f} s", flush=True)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    total = round(time.perf_counter() - t0, 1)
    summary = {"bound_bits": K.BOUND, "seconds": total, "kernels": len(rows),
               "pass": sum(r["verdict"] == "pass" for r in rows),
               "over_bound": [f"{r['claim']}#{r['implementation_index']}" for r in rows
                              if r["verdict"] != "pass"],
               "measure": "bits = log2(1 + ulps), ulps = |y - ref| / spacing(|ref| or |scale|), worst "
                          "component; ref settled on an mpmath ladder 30/60 digits (escalated 120..960)",
               "rows": rows}
    (out / "kernels.json").write_text(json.dumps(summary, indent=2, default=str) + "\n")
    md = ["# Accuracy audit of the numpy kernels", "",
          f"Every `Implementation` registered on a claim, audited over the claim's domain "
          f"(`python scripts/audit_kernels.py`, seed {args.seed}, {total} s). Error in bits = "
          "log2(1 + ulps) against the mpmath reference (ulps of |scale| where the Implementation "
          f"declares one). Target: <= {K.BOUND:g} bits with no NaN / inf / exception; "
          "exceptions are documented in docs/audit_exceptions.md.", "",
          K.markdown(rows, {f"{r['claim']}#{r['implementation_index']}": r["note"] for r in rows})]
    notes = [(f"{r['claim']}#{r['implementation_index']}", r["note"]) for r in rows if r["note"]]
    if notes:
        md += ["## Notes (kernels over 2 bits; details in docs/audit_exceptions.md)", ""]
        md += [f"- `{k}`: {n}" for k, n in notes] + [""]
    undocumented = [f"{r['claim']}#{r['implementation_index']}" for r in rows
                    if r["verdict"] != "pass" and not r["note"]]
    if undocumented:
        md += ["Over 2 bits WITHOUT a documented exception: " + ", ".join(undocumented), ""]
    (out / "kernels.md").write_text("\n".join(md))
    print()
    print(K.markdown(rows))
    print(f"{summary['pass']}/{len(rows)} kernels within {K.BOUND:g} bits; {total} s; "
          f"wrote {out / 'kernels.json'} and {out / 'kernels.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
