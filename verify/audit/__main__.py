"""``python -m verify.audit SPEC.py [--max-bits 4] [--json OUT] [--samples N] [--timeout S] [--seed K]``

Exit status: 0 when the implementation stays within --max-bits with no NaN / inf / exception,
1 otherwise (including a timeout or crash of the implementation), 2 for a malformed spec.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m verify.audit", description=__doc__.split("\n\n")[1])
    p.add_argument("spec", help="spec file defining reference, implementation, domain [, constraints]")
    p.add_argument("--max-bits", type=float, default=None,
                   help="largest accepted error in bits, log2(1 + ulps) (default: the spec's "
                        "max_bits, else 4)")
    p.add_argument("--json", default=None, help="write the result here (plots go next to it)")
    p.add_argument("--plots", default=None, help="directory for the plots (default: next to --json)")
    p.add_argument("--samples", type=int, default=2000,
                   help="number of inputs: 70%% sweep, 20%% hypothesis hunt, 10%% local refinement")
    p.add_argument("--timeout", type=float, default=5.0, help="seconds allowed per call")
    p.add_argument("--max-failures", type=int, default=3,
                   help="stop after this many timeouts/crashes of the implementation")
    p.add_argument("--seed", type=int, default=0, help="seed of the sweep and of hypothesis")
    p.add_argument("--quiet", action="store_true", help="no terminal table")
    return p


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    from . import report
    from .core import audit
    from .spec import SpecError

    try:
        result = audit(args.spec, max_bits=args.max_bits, samples=args.samples, timeout=args.timeout,
                       seed=args.seed, max_failures=args.max_failures)
    except (SpecError, RuntimeError) as exc:
        print(f"audit: {exc}", file=sys.stderr)
        return 2
    plot_dir = args.plots or (str(Path(args.json).parent) if args.json else None)
    if plot_dir:
        stem = Path(args.json).stem if args.json else result["name"]
        result["plots"] = report.plot(result, plot_dir, stem)
    if args.json:
        report.write_json(result, args.json)
    if not args.quiet:
        report.table(result)
    return 0 if result["verdict"] == "pass" else 1


if __name__ == "__main__":
    sys.exit(main())
