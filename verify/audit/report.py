"""Output of an audit: JSON file, one error-vs-input plot per variable, and a rich terminal table."""
from __future__ import annotations

import json
import math
from pathlib import Path

LEAK_MARK = {"nan": ("NaN", "tab:red", "x"), "inf": ("inf", "tab:purple", "^"),
             "exception": ("exception", "black", "s")}


def write_json(result: dict, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    clean = {k: v for k, v in result.items() if not k.startswith("_")}
    path.write_text(json.dumps(clean, indent=2, default=str) + "\n")
    return path


def plot(result: dict, directory: str | Path, stem: str) -> list[str]:
    """``<directory>/<stem>.<var>.png``: error bits of every measured input against each variable."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    points = result["_points"]
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    ok = [p for p in points if p.status == "ok"]
    top = max([p.bits for p in ok] + [result["threshold_bits"], 1.0])
    files = []
    for name, desc in result["domain"].items():
        log = "log-uniform" in desc
        fig, ax = plt.subplots(figsize=(7, 4))
        for phase, colour in (("sweep", "tab:blue"), ("hypothesis", "tab:orange"), ("local", "tab:green"),
                              ("edge", "tab:olive")):
            sel = [p for p in ok if (p.phase in ("hypothesis", "local", "edge")) == (phase != "sweep")
                   and (phase == "sweep" or p.phase == phase)]
            if sel:
                ax.scatter([p.inputs[name] for p in sel], [p.bits for p in sel], s=6, alpha=0.6,
                           color=colour, label=f"{phase} ({len(sel)})")
        for status, (label, colour, marker) in LEAK_MARK.items():
            sel = [p for p in points if p.status == status]
            if sel:
                ax.scatter([p.inputs[name] for p in sel], [top * 1.05 + 0.5] * len(sel), s=18,
                           color=colour, marker=marker, label=f"{label} ({len(sel)})")
        ax.axhline(result["threshold_bits"], color="tab:red", lw=0.8, ls="--",
                   label=f"--max-bits {result['threshold_bits']:g}")
        if log:
            lo = min((p.inputs[name] for p in points), default=1.0)
            ax.set_xscale("log" if lo > 0 else "symlog")
        ax.set_xlabel(name)
        ax.set_ylabel("error bits = log2(1 + ulps)")
        ax.set_title(f"{result['name']}: error vs {name} (max {_fmt(result['max_bits'])} bits)")
        ax.legend(fontsize=7, loc="best")
        fig.tight_layout()
        f = directory / f"{stem}.{name}.png"
        fig.savefig(f, dpi=110)
        plt.close(fig)
        files.append(str(f))
    return files


def _fmt(x, spec=".2f"):
    if x is None:
        return "-"
    if isinstance(x, str):
        return x
    if spec == "e":
        return f"{x:.3e}"
    return format(x, spec)


def table(result: dict, console=None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    colour = {"pass": "green", "fail": "red", "timeout": "magenta", "crashed": "magenta",
              "error": "yellow"}[result["verdict"]]
    t = Table(title=f"audit {result['name']}: [bold {colour}]{result['verdict'].upper()}[/]",
              show_header=False)
    t.add_column("quantity", style="bold")
    t.add_column("value")
    c = result["counts"]
    t.add_row("reference", f"{result['reference']['kind']}: {result['reference']['formula'][:80]}")
    t.add_row("domain", ", ".join(f"{k} in {v}" for k, v in result["domain"].items()))
    ph = ", ".join(f"{k} {v['points']}" for k, v in result["phases"].items())
    t.add_row("points", f"{result['points']} ({ph}), {result['seconds']:.1f} s")
    t.add_row("max error", f"{_fmt(result['max_bits'])} bits (bound {result['threshold_bits']:g}),"
              f" {_fmt(result['max_ulps'], 'e')} ulps")
    t.add_row("median error", f"{_fmt(result['median_bits'])} bits")
    t.add_row("relative error", f"max {_fmt(result['max_rel_error'], 'e')}, median "
              f"{_fmt(result['median_rel_error'], 'e')}")
    t.add_row("NaN / inf / exceptions", f"{c['nan']} / {c['inf']} / {c['exception']}"
              + (f"  {result['exception_types']}" if result["exception_types"] else ""))
    t.add_row("timeouts / crashes / not run", f"{c['timeout']} / {c['crashed']} / {c['not-run']}")
    t.add_row("reference", f"undefined {c['ref-undefined']}, unsettled {c['ref-unsettled']}, escalated "
              f"{result['reference']['escalated_points']} beyond {result['reference']['ladder_digits'][-1]} digits")
    t.add_row("warnings / correct overflows", f"{c['warnings']} / {c['overflow_ok']}")
    for name, r in result["regions"].items():
        w = r["worst"]
        if w:
            t.add_row(f"worst region of {name}", f"[{w['low']:.3g}, {w['high']:.3g}]: median "
                      f"{_fmt(w['median_bits'])} bits, max {_fmt(w['max_bits'])}, leaks {w['leaks']}")
    console.print(t)
    names = list(result["domain"])
    w = Table(title="worst inputs (error bits)")
    for n in names:
        w.add_column(n, justify="right")
    for col in ("output", "reference", "bits", "rel error", "found by"):
        w.add_column(col, justify="right")
    for p in result["worst"]:
        w.add_row(*[f"{p['inputs'][n]:.10g}" for n in names],
                  _fmt_list(p["output"]), ", ".join(_short(s) for s in p["reference"]),
                  _fmt(p["bits"]), _fmt(p["rel_error"], "e"), p["phase"])
    console.print(w)
    bad = result["leaks"] + result["failures"]
    if bad:
        lk = Table(title="leaks and failures (first few)")
        for n in names:
            lk.add_column(n, justify="right")
        lk.add_column("status")
        lk.add_column("message")
        for p in bad[:8]:
            lk.add_row(*[f"{p['inputs'][n]:.10g}" for n in names], p["status"], p["message"][:70])
        console.print(lk)
    if result.get("plots"):
        console.print("plots: " + ", ".join(result["plots"]))


def _fmt_list(v):
    if v is None:
        return "-"
    return ", ".join(f"{x:.12g}" if isinstance(x, float) and math.isfinite(x) else str(x) for x in v[:3])


def _short(s: str) -> str:
    import mpmath

    return mpmath.nstr(mpmath.mpf(s), 12)
