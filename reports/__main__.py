"""python -m reports [--results PATH] [--out DIR] [--paper admm ...] [--date D] [--no-pdf]"""
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
    args = ap.parse_args(argv)

    papers = tuple(dict.fromkeys(args.paper)) if args.paper else None
    opts = render.Options(papers=papers, date=args.date,
                          claims_dir=args.claims if args.claims and args.claims.is_dir() else None)
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
