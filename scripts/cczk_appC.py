"""cczk App. C / Figure 1: recompute every printed number with our own solvers, print the table
(printed vs computed, with the KKT-closed-form value and the scipy optimizer's value) and plot the
five panels (a)-(e) of Figure 1.

    python scripts/cczk_appC.py [--out DIR]      (default reports/build/cczk/)
"""
from __future__ import annotations

import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

import mpmath  # noqa: E402
import numpy as np  # noqa: E402

from derivations.cczk import appC  # noqa: E402
from derivations.cczk import mech_program as mp  # noqa: E402
from verify.backends import Mp  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join("reports", "build", "cczk"))
    a = ap.parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    o = Mp(mpmath.mp)
    s, c = appC.SIGMA, appC._C
    alloc = {
        "(a) alone (n^IND)": ([float(appC.n_ind(o, i)) for i in range(3)], None),
        "(b) n^SP": ([float(x) for x in appC.n_sp(o)], None),
        "(c) n^OPT": ([float(x) for x in appC.n_opt(o)], appC.solve_opt()),
        "(d) n^NB": ([float(x) for x in appC.n_nb(o)], appC.solve_nb()),
        "(e) n^EB": ([float(x) for x in appC.n_eb(o)], appC.solve_eb()),
    }
    printed = {
        "(a) alone (n^IND)": ((55, 39, 32), ("3.63", "5.13", "6.23")),
        "(b) n^SP": ((95, 0, 0), ("4.19", "1.05", "1.05")),
        "(c) n^OPT": ((71, 7, 0), ("3.63", "1.72", "1.28")),
        "(d) n^NB": ((35, 23, 16), ("2.50", "2.89", "2.92")),
        "(e) n^EB": ((41, 21, 14), ("2.69", "2.69", "2.69")),
    }
    pind = 2 * s * np.sqrt(c)
    rows = []
    print(f"App. C, d = 1, sigma = {s}, c = {tuple(float(x) for x in c)}; printed value vs computed (closed form | scipy)")
    print(f"{'panel':20s} {'agent':>5s} {'n printed':>9s} {'n computed':>11s} {'n scipy':>11s} "
          f"{'p printed':>9s} {'p computed':>10s}  ok?")
    for name, (n, sci) in alloc.items():
        n = np.array(n)
        pen = pind if name.startswith("(a)") else s**2 / n.sum() + c * n
        for i in range(3):
            pn, pp = printed[name][0][i], printed[name][1][i]
            ok_n = abs(n[i] - pn) <= 0.5
            ok_p = abs(pen[i] - float(pp)) <= 0.005
            sc = f"{sci[i]:11.4f}" if sci is not None else f"{'':11s}"
            flag = "yes" if ok_n and ok_p else "NO (" + ("n" if not ok_n else "") + ("p" if not ok_p else "") + ")"
            print(f"{name:20s} {i + 1:5d} {pn:9d} {n[i]:11.4f} {sc} {pp:>9s} {pen[i]:10.4f}  {flag}")
            rows.append((name, i + 1, pn, n[i], pp, pen[i], flag))
        print(f"{'':20s} social penalty {(m_sp := (pen.sum() if not name.startswith('(a)') else pind.sum())):.4f}")
    cert = mp.solve_program7(s, c[:, None])
    print(f"program (7) KKT certificate: stationarity {cert.stationarity:.2e}, feasibility {cert.feasibility:.2e}, "
          f"complementarity {cert.complementarity:.2e}, min multiplier {cert.dual_min:.3g}, lambda = {cert.lam}, "
          f"nu_3 = {cert.nu[2, 0]:.4g}")
    with open(os.path.join(a.out, "appC_table.csv"), "w") as fh:
        fh.write("panel,agent,n_printed,n_computed,p_printed,p_computed,reproduces\n")
        for r in rows:
            fh.write(f"{r[0]},{r[1]},{r[2]},{r[3]:.6f},{r[4]},{r[5]:.6f},{r[6]}\n")
    _plot(alloc, pind, s, c, a.out)
    print(f"wrote {os.path.join(a.out, 'appC_table.csv')} and {os.path.join(a.out, 'fig1_panels.{png,pdf}')}")


def _plot(alloc, pind, s, c, out):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 5, figsize=(17, 3.4), sharey=False)
    x = np.arange(3)
    for ax, (name, (n, _)) in zip(axes, alloc.items()):
        n = np.array(n)
        pen = pind if name.startswith("(a)") else s**2 / n.sum() + c * n
        ax.bar(x - 0.2, n, 0.4, color="tab:blue", label="data collected")
        ax2 = ax.twinx()
        ax2.bar(x + 0.2, pen, 0.4, color="tab:red", label="penalty")
        for i, ls in enumerate(("-", "--", ":")):
            ax2.axhline(pind[i], color="gray", ls=ls, lw=1)
        ax.set_xticks(x, ["agent 1", "agent 2", "agent 3"])
        ax.set_ylim(0, 100)
        ax2.set_ylim(0, 7)
        ax.set_title(name, fontsize=10)
    axes[0].set_ylabel("number of data (blue)")
    fig.suptitle(r"Figure 1 recomputed: d = 1, c = (0.033, 0.066, 0.1), $\sigma$ = 10; red: penalties, gray: $p_i^{IND}$")
    fig.tight_layout()
    fig.savefig(os.path.join(out, "fig1_panels.png"), dpi=110)
    fig.savefig(os.path.join(out, "fig1_panels.pdf"), metadata={"CreationDate": None})  # vector, reproducible


if __name__ == "__main__":
    main()
