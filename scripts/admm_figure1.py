"""admm Figure 1 (Example 1): expected payments (and utilities) of the three agents against rho.

python scripts/admm_figure1.py [--out DIR] [--points N] [--mc N]

Writes figure1.pdf / figure1.png (matplotlib, Agg), figure1.csv and figure1.md under reports/build/admm/ by
default, and prints what it measured: the payments at the grid points, the largest quadrature error
estimate (rules with 16 vs 32 nodes per piece), and a Monte Carlo check of Algorithm 1 at a few rho.
"""
from __future__ import annotations

import argparse
import csv
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import mpmath  # noqa: E402

from derivations.admm import example1 as E  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "reports" / "build" / "admm"))
    ap.add_argument("--points", type=int, default=15, help="grid points on [0, 1/sqrt 2] (mirrored to rho < 0)")
    ap.add_argument("--mc", type=int, default=4000, help="Monte Carlo samples per check (0: skip)")
    a = ap.parse_args(argv)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    mpmath.mp.dps = 15
    rhos = [E.RHO_MAX * k / (a.points - 1) for k in range(a.points)]
    rows, worst = [], 0.0
    for r in rhos:
        vals = {}
        for which in ("payment", "utility"):
            for i in (0, 1):  # agent 3 equals agent 2 (R is symmetric under swapping agents 2 and 3)
                v16 = E.expected(mpmath.mp, i, r, which, m=16)
                v32 = E.expected(mpmath.mp, i, r, which, m=32)
                worst = max(worst, abs(float(v16 - v32)))
                vals[(which, i)] = float(v32)
        for s in ((1,) if r == 0 else (-1, 1)):  # payments are even in rho (theta_1 -> -theta_1)
            rows.append({"rho": s * r, "p1": vals[("payment", 0)], "p2": vals[("payment", 1)], "p3": vals[("payment", 1)],
                         "U1": vals[("utility", 0)], "U2": vals[("utility", 1)], "U3": vals[("utility", 1)]})
    rows.sort(key=lambda d: d["rho"])
    with open(out / "figure1.csv", "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    with open(out / "figure1.md", "w") as fh:
        fh.write("| rho | E[p_1] | E[p_2] = E[p_3] | E[U_1] | E[U_2] = E[U_3] |\n|---|---|---|---|---|\n")
        for d in rows:
            fh.write(f"| {d['rho']:+.4f} | {d['p1']:.6f} | {d['p2']:.6f} | {d['U1']:.6f} | {d['U2']:.6f} |\n")
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(1, 2, figsize=(9, 3.6))
    x = [d["rho"] for d in rows]
    ax[0].plot(x, [d["p1"] for d in rows], label="agent 1")
    ax[0].plot(x, [d["p2"] for d in rows], "--", label="agents 2, 3")
    ax[0].set(xlabel=r"$\rho$", ylabel="expected payment", title="Figure 1 (Example 1)")
    ax[1].plot(x, [d["U1"] for d in rows], label="agent 1")
    ax[1].plot(x, [d["U2"] for d in rows], "--", label="agents 2, 3")
    ax[1].set(xlabel=r"$\rho$", ylabel="expected utility", title="utilities (§A.6 line 286)")
    for axis in ax:
        axis.legend()
    fig.tight_layout()
    fig.savefig(out / "figure1.pdf", metadata={"CreationDate": None})  # byte-reproducible
    fig.savefig(out / "figure1.png", dpi=150)
    print(f"wrote {out}/figure1.{{pdf,png,csv,md}}")
    print(f"largest |16-node - 32-node| quadrature difference: {worst:.2e}")
    for d in rows:
        if d["rho"] >= 0:
            print(f"rho={d['rho']:.4f}  E[p1]={d['p1']:.6f}  E[p2]=E[p3]={d['p2']:.6f}  E[U1]={d['U1']:.6f}  E[U2]={d['U2']:.6f}")
    if a.mc:
        for r in (0.35, E.RHO_MAX):
            mc = E.monte_carlo(r, n_samples=a.mc, seed=11)
            q = [float(E.expected(mpmath.mp, i, r, "payment")) for i in range(3)]
            print(f"Monte Carlo rho={r:.4f}: " + ", ".join(
                f"agent {i + 1}: {m:.4f} +- {se:.4f} (quadrature {qq:.4f}, {abs(m - qq) / se:.1f} SE)"
                for i, ((m, se), qq) in enumerate(zip(mc, q))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
