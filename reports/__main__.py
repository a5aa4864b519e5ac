"""python -m reports [--results PATH] [--out DIR] [--paper admm ...] [--date D] [--no-pdf]
                    [--figures | --no-figures] [--figures-dir DIR] [--make-figures [--make-timeout S]]
                    [--audit | --no-audit]"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import render


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m reports",
                                 description="Render results.json into report.tex and report.pdf.")
    ap.add_argument("--results", type=Path, default=render.DEFAULT_RESULTS, help="results.json to read")
    ap.add_argument("--out", type=Path, default=render.DEFAULT_OUT, help="directory for report.tex/.pdf")
    ap.add_argument("--paper", action="append", choices=list(render.PAPERS),
                    help="only these papers (repeatable; default: all)")
    ap.add_argument("--date", default=None,
                    help="date printed on the title page (default: results.json's, else 'not recorded')")
    ap.add_argument("--claims", type=Path, default=render.DEFAULT_CLAIMS,
                    help="directory of the claim inventories <paper>.md that fix the paper order")
    ap.add_argument("--no-pdf", action="store_true", help="write report.tex only")
    ap.add_argument("--figures", action=argparse.BooleanOptionalAction, default=True,
                    help="include the 'Figures and tables' section (default: yes)")
    ap.add_argument("--figures-dir", type=Path, default=render.DEFAULT_FIGURES,
                    help="where the scripts wrote <paper>/ figures and tables and audit/*.json "
                         "(default: reports/build)")
    ap.add_argument("--make-figures", action="store_true",
                    help="first run scripts/<paper>_*.py (not the benchmarks), saving what they print")
    ap.add_argument("--make-timeout", type=float, default=600.0, help="seconds allowed per script")
    ap.add_argument("--audit", action=argparse.BooleanOptionalAction, default=True,
                    help="include the audit section when <figures-dir>/audit/*.json exist (default: yes)")
    args = ap.parse_args(argv)

    papers = tuple(dict.fromkeys(args.paper)) if args.paper else None
    opts = render.Options(papers=papers, date=args.date,
                          claims_dir=args.claims if args.claims and args.claims.is_dir() else None,
                          figures=args.figures, figures_dir=args.figures_dir, audit=args.audit)
    if args.make_figures:
        from . import figures

        for note in figures.make(papers or tuple(render.PAPERS), opts.script_dir(), opts.fig_dir(),
                                 timeout=args.make_timeout, cwd=render.ROOT):
            print(f"reports: {note}", file=sys.stderr)
    t0 = time.monotonic()
    try:
        from rich.console import Console

        console = Console(stderr=True)
    except ImportError:  # pragma: no cover
        console = None
    try:
        if console is not None and not args.no_pdf:
            with console.status("rendering report.tex") as st:
                built = render.build(args.results, args.out, opts, pdf=True, status=st.update)
        else:
            built = render.build(args.results, args.out, opts, pdf=not args.no_pdf)
    except render.ReportError as e:
        print(f"reports: error: {e}", file=sys.stderr)
        return 1
    for note in built.notes:
        print(f"reports: note: {note}", file=sys.stderr)
    print(f"wrote {built.tex_path}")
    if built.pdf_path:
        print(f"wrote {built.pdf_path} ({built.engine}, {time.monotonic() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
