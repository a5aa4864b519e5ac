"""kgj: one best-response sweep (18) of the vectorized equilibrium solver vs a plain Python loop,
value shaping (11) with n agents (ERM value a = 0.95, k = 10, c = 0.1; Figure 4's setting).
Usage: python scripts/kgj_benchmark.py [--n 10000] [--loop-n 500] [--out DIR]"""
import argparse
import pathlib
import sys
import time

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from derivations.kgj import equilibrium as eq  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--n", type=int, default=10000)
ap.add_argument("--loop-n", type=int, default=500, help="agents timed in the plain loop (scaled to n)")
ap.add_argument("--out", default="reports/build/kgj")
args = ap.parse_args()
a, k, c0 = 0.95, 10.0, 0.1
v = lambda m: np.maximum(0.0, a - np.sqrt(k / np.maximum(m, 1e-300)))
n = args.n
c = np.full(n, c0)
rng = np.random.default_rng(0)
m = rng.random(n) * 20.0
val = eq.value_shaping(v, np.zeros(n), c, eps=1e-6)
t = time.perf_counter(); br = eq.best_response(val, m, c); t_vec = time.perf_counter() - t

S = float(m.sum())
import math  # noqa: E402


def vs(x):
    return max(0.0, a - math.sqrt(k / x)) if x > 0 else 0.0


def value_scalar(i, x, mm):
    D = S - mm[i]
    return min((c0 + 1e-6) * x, vs(x + D))


L = min(args.loop_n, n)
mlist = m.tolist()
t = time.perf_counter()
out = []
for i in range(L):
    out.append(eq.best_response_loop(lambda j, x, mm: value_scalar(i, x, mlist), [mlist[i]], [c0])[0])
t_loop = (time.perf_counter() - t) * n / L
agree = np.max(np.abs(np.array(out) - br[:L]))
msg = (f"best-response sweep, n = {n}: vectorized {t_vec:.3f} s; plain Python loop {t_loop:.1f} s "
       f"(timed on {L} agents, scaled); ratio loop/vectorized = {t_loop / t_vec:.0f}x; "
       f"max |difference| of the best responses = {agree:.2e}")
print(msg)
out_dir = pathlib.Path(args.out); out_dir.mkdir(parents=True, exist_ok=True)
(out_dir / "benchmark.txt").write_text(msg + "\n")
