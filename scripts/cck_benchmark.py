"""cck benchmark: Algorithm 1 (§2.2) at scale, and against the exact brute force where it finishes.

* Algorithm 1 with a grid ordered-item-pricing algorithm A(v, N, 1/K) (pricing.oip_grid: the best
  non-decreasing curve on {0, 1/K, ..., 1}) for 10^3 buyers with eq. (11) valuations;
* the exact brute force (exact.algorithm1: every allocation, Bellman-Ford on the envy-free difference
  constraints, Fractions) only for small |B| (stopped when the next size would exceed --budget);
* c_1 = |B|/4 so that the search range {1, ..., |B|/c_1} is {1, ..., 4} at every size;
* at the largest |B| the brute force finishes within the budget, the ratios
  profit(grid A) / profit(exact A) and time(brute force) / time(grid A).

Usage: python scripts/cck_benchmark.py [--out DIR] [--buyers 1000] [--budget 20]
Writes reports/build/cck/benchmark.json by default and prints what it measured.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from fractions import Fraction

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from derivations.cck import exact, pricing, valuations  # noqa: E402


def instance(B, nmax, seed):
    rng = np.random.default_rng(seed)
    fams = [valuations.FAMILIES[k] for k in rng.integers(0, 4, B)]
    taus = list(rng.uniform(0.05, 1.0, B))
    return valuations.quantity_table(fams, taus, 0.25, nmax)  # sigma = 1/4: valuable data


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join("reports", "build", "cck"))
    ap.add_argument("--buyers", type=int, default=1000)
    ap.add_argument("--budget", type=float, default=20.0, help="seconds allowed per brute-force size")
    ap.add_argument("--K", type=int, default=20, help="price grid 1/K of the approximate A")
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    K, rows = args.K, []
    c_per_buyer = 0.25  # c_1 = |B|/4: the search range is N in {1, ..., 4}; c_1 per buyer is 1/4

    # large instance: grid A only
    B = args.buyers
    V = instance(B, 4, 0)
    t = time.perf_counter()
    Np, m, q, profits = pricing.algorithm1_with(V, B * c_per_buyer, lambda V_, N: pricing.oip_grid(V_, N, K))
    big = dict(buyers=B, c1=B / 4, N_plus=int(Np), profit=profits[Np], seconds=time.perf_counter() - t)
    print(f"Algorithm 1, grid A (K={K}), |B|={B}: N+={Np}, profit={profits[Np]:.6f}, "
          f"{big['seconds']:.2f} s")

    # small instances: brute force vs grid A, growing |B| until the brute force exceeds the budget
    last = None
    for b in range(1, 9):
        V = instance(b, 4, b)
        c1 = Fraction(b, 4)
        t = time.perf_counter()
        eNp, _, _, eprof = exact.algorithm1(exact.table(V), c1)
        te = time.perf_counter() - t
        t = time.perf_counter()
        gNp, _, _, gprof = pricing.algorithm1_with(V, float(c1), lambda V_, N: pricing.oip_grid(V_, N, K))
        tg = time.perf_counter() - t
        row = dict(buyers=b, exact_profit=float(eprof[eNp]), grid_profit=gprof[gNp], exact_seconds=te,
                   grid_seconds=tg)
        rows.append(row)
        print(f"|B|={b}: exact profit {row['exact_profit']:.6f} in {te:.3f} s; grid profit "
              f"{row['grid_profit']:.6f} in {tg:.3f} s")
        last = row
        if 8 * te > args.budget:  # the next size costs about 8 times more (allocations (N+1)^|B|)
            break
    ratio = dict(buyers=last["buyers"],
                 profit_ratio=last["grid_profit"] / last["exact_profit"] if last["exact_profit"] else None,
                 time_ratio=last["exact_seconds"] / last["grid_seconds"])
    print(f"largest brute-force size |B|={ratio['buyers']}: profit ratio grid/exact = "
          f"{ratio['profit_ratio']:.6f}, time ratio brute force/grid = {ratio['time_ratio']:.1f}")
    path = os.path.join(args.out, "benchmark.json")
    with open(path, "w") as f:
        json.dump(dict(large=big, small=rows, ratio=ratio, K=K), f, indent=1)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
