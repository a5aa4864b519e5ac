"""Figures, tables and audit results for the report, collected from the build directory.

Layout read (all optional)::

    <figures_dir>/<paper>/*.pdf|*.png     figures (a .pdf is preferred over a .png of the same stem)
    <figures_dir>/<paper>/*.csv|*.md      tables (a .md is preferred over a .csv of the same stem)
    <figures_dir>/<paper>/*.txt           what a script printed (its notes and assumptions)
    <figures_dir>/audit/*.json            floating-point audits (scripts/audit_kernels.py,
                                          python -m verify.audit --json)

Each file is attributed to the script ``scripts/<paper>_*.py`` whose source names it; benchmark
scripts and their outputs are left out. Everything is listed in sorted order and nothing here reads
a clock, so the .tex stays a pure function of these files (their SHA-256 is printed).
Figures are referenced as ``<paper>/<file>`` relative to ``figures_dir``: the written report.tex
compiles in place when it is written to ``figures_dir`` (the default), and :func:`render.compile_tex`
copies the files into its temporary directory.
"""
from __future__ import annotations

import ast
import csv
import hashlib
import io
import json
import math
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .latex import Tex, escape, verbatim

FIGURE_EXT = (".pdf", ".png")
TABLE_EXT = (".md", ".csv")
SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*\.(pdf|png)$")
MAX_TABLE_ROWS = 60
MAX_TEXT_LINES = 40
MAX_TEXT_CHARS = 400
PRINTED = re.compile(r"^(.*?)[_ ]?(printed|paper)$", re.I)
OURS = re.compile(r"^(.*?)[_ ]?(computed|ours|reproduced|recomputed)$", re.I)


@dataclass
class Script:
    name: str                  # e.g. admm_figure1.py
    path: Path | None
    doc: str = ""              # first paragraph of its docstring
    source: str = ""


@dataclass
class Group:
    """The outputs of one script for one paper."""
    paper: str
    script: str
    doc: Tex = Tex("")
    figures: list = field(default_factory=list)
    tables: list = field(default_factory=list)
    texts: list = field(default_factory=list)
    missing: Tex | None = None


# ----------------------------------------------------------------------------- scripts
def _docstring(src: str) -> str:
    try:
        doc = ast.get_docstring(ast.parse(src)) or ""
    except SyntaxError:
        return ""
    paras = [p for p in re.split(r"\n\s*\n", doc.strip()) if p.strip()]
    # the first paragraph, plus any paragraph that states an assumption
    keep = paras[:1] + [p for p in paras[1:] if re.search(r"assum", p, re.I)]
    return " ".join(" ".join(keep).split())


def scripts_for(paper: str, scripts_dir: Path | None) -> list[Script]:
    """The figure/table scripts of ``paper`` (``scripts/<paper>_*.py`` minus benchmarks), sorted."""
    if scripts_dir is None or not Path(scripts_dir).is_dir():
        return []
    out = []
    for p in sorted(Path(scripts_dir).glob(f"{paper}_*.py")):
        if "benchmark" in p.stem:
            continue
        src = p.read_text(encoding="utf-8", errors="replace")
        out.append(Script(p.name, p, _docstring(src), src))
    return out


def _all_scripts(paper: str, scripts_dir: Path | None) -> list[Script]:
    if scripts_dir is None or not Path(scripts_dir).is_dir():
        return []
    return [Script(p.name, p, "", p.read_text(encoding="utf-8", errors="replace"))
            for p in sorted(Path(scripts_dir).glob(f"{paper}_*.py"))]


def attribute(fname: str, scripts: list[Script]) -> Script | None:
    """The script whose source names ``fname`` (whole name first, then its stem)."""
    stem = fname.split(".")[0]
    stdout = re.fullmatch(r"(.+\.py)\.stdout\.txt", fname)
    if stdout:
        return next((s for s in scripts if s.name == stdout.group(1)), None)
    for needle in (fname, stem):
        hits = [s for s in scripts if re.search(r"(?<![A-Za-z0-9_])" + re.escape(needle) + r"(?![A-Za-z0-9_])",
                                                  s.source)]
        if hits:
            return hits[0]
    return None


# ----------------------------------------------------------------------------- files
def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _num(cell: str) -> str:
    """A long float shortened to 6 significant digits; everything else as written."""
    c = cell.strip()
    if len(c) > 10 and re.fullmatch(r"[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?", c):
        x = float(c)
        return f"{x:.6g}" if math.isfinite(x) else c
    return c


def read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8", errors="replace"))))
    rows = [r for r in rows if r]
    if not rows:
        return [], []
    return rows[0], [[_num(c) for c in r] for r in rows[1:]]


def read_md(path: Path) -> tuple[list[str], list[list[str]]]:
    """The first pipe table of a markdown file."""
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    rows = []
    for ln in lines:
        if not ln.startswith("|"):
            if rows:
                break
            continue
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", ln.strip("|"))]
        if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c) and any(cells):
            continue
        rows.append([_num(c) for c in cells])
    if not rows:
        return [], []
    return rows[0], rows[1:]


def pair_columns(header: list[str]) -> tuple[list[int], dict[int, str]]:
    """Column order with each printed column directly before its ours-column; roles by index."""
    roles: dict[int, str] = {}
    order = list(range(len(header)))
    for i, h in enumerate(header):
        m = PRINTED.match(h)
        if m:
            roles[i] = "printed"
            base = m.group(1).lower()
            for j, g in enumerate(header):
                mo = OURS.match(g)
                if mo and mo.group(1).lower() == base:
                    roles[j] = "ours"
                    order.remove(j)
                    order.insert(order.index(i) + 1, j)
    return order, roles


def table_tex(header: list[str], rows: list[list[str]]) -> dict:
    order, roles = pair_columns(header)
    width = max([len(header)] + [len(r) for r in rows])
    order += [i for i in range(len(header), width)]

    def numeric(i):
        vals = [r[i] for r in rows if i < len(r) and r[i] != ""]
        return bool(vals) and all(re.fullmatch(r"[-+]?[\d.]+([eE][-+]?\d+)?", v) for v in vals)

    spec = "".join((">{\\columncolor{black!8}}" if roles.get(i) == "printed" else "")
                   + ("r" if numeric(i) else "l") for i in order)
    head = " & ".join(Tex(r"\textbf{" + escape(header[i] if i < len(header) else "") + "}")
                      for i in order)
    shown = rows[:MAX_TABLE_ROWS]
    body = [Tex(" & ".join(escape(r[i]) if i < len(r) else "" for i in order)) for r in shown]
    return {"spec": Tex("@{}" + spec + "@{}"), "head": Tex(head), "rows": body, "ncols": len(order),
            "omitted": len(rows) - len(shown), "has_printed": "printed" in roles.values(),
            "printed_cols": [header[i] for i in order if roles.get(i) == "printed"],
            "ours_cols": [header[i] for i in order if roles.get(i) == "ours"]}


def preformatted(line: str) -> Tex:
    """A line of program output in typewriter type: escaped, runs of spaces kept (columns line up),
    breakable after punctuation."""
    parts = []
    for i, ch in enumerate(line):
        if ch == " ":
            run = (i > 0 and line[i - 1] == " ") or (i + 1 < len(line) and line[i + 1] == " ")
            parts.append("\\ " if run else " ")
        elif ch == "\t":
            parts.append("\\ " * 4)
        else:
            e = escape(ch)
            parts.append(e + r"\allowbreak{}" if not ch.isalnum() and ch not in "." else e)
    return Tex(r"\texttt{" + "".join(parts) + "}")


def text_lines(path: Path) -> tuple[list[Tex], int]:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    lines = [ln for ln in lines if ln.strip()]
    out = []
    for ln in lines[:MAX_TEXT_LINES]:
        if len(ln) > MAX_TEXT_CHARS:
            ln = ln[:MAX_TEXT_CHARS] + " ..."
        out.append(preformatted(ln.rstrip()))
    return out, max(0, len(lines) - MAX_TEXT_LINES)


# ----------------------------------------------------------------------------- collection
def collect(papers, figures_dir: Path | None, scripts_dir: Path | None, label: str = "reports/build") -> dict:
    """{'papers': [...], 'assets': {relpath: Path}, 'notes': [...]} for the template."""
    result = {"papers": [], "assets": {}, "notes": []}
    for paper in papers:
        scripts = scripts_for(paper, scripts_dir)
        everyone = _all_scripts(paper, scripts_dir)
        d = Path(figures_dir) / paper if figures_dir is not None else None
        files = sorted(p for p in d.iterdir() if p.is_file()) if d is not None and d.is_dir() else []
        groups: dict[str, Group] = {s.name: Group(paper, s.name, escape(s.doc)) for s in scripts}
        by_stem: dict[str, list[Path]] = {}
        for f in files:
            if f.name.startswith("."):
                continue
            by_stem.setdefault(f.name.split(".")[0], []).append(f)
        for stem in sorted(by_stem):
            fs = {f.suffix.lower(): f for f in by_stem[stem]}
            for f in sorted(by_stem[stem]):
                s = attribute(f.name, everyone)
                if s is not None and "benchmark" in s.name:
                    continue
                key = s.name if s is not None else "(no script names this file)"
                g = groups.get(key)
                if g is None:
                    g = groups[key] = Group(paper, key, Tex(""))
                ext = f.suffix.lower()
                rel = f"{paper}/{f.name}"
                if ext in FIGURE_EXT:
                    if ext == ".png" and ".pdf" in fs:
                        continue  # the vector version is shown
                    if not SAFE_NAME.match(f.name):
                        result["notes"].append(f"figure {rel} skipped: its file name is not [A-Za-z0-9_-].pdf/png")
                        continue
                    result["assets"][rel] = f
                    g.figures.append({"path": Tex(rel), "name": f.name, "vector": ext == ".pdf",
                                      "sha": sha(f)})
                elif ext in TABLE_EXT:
                    if ext == ".csv" and ".md" in fs:
                        continue  # the formatted markdown version is shown
                    header, rows = (read_md if ext == ".md" else read_csv)(f)
                    if not header:
                        continue
                    g.tables.append({"name": f.name, "sha": sha(f), **table_tex(header, rows)})
                elif ext == ".txt":
                    lines, more = text_lines(f)
                    if lines:
                        g.texts.append({"name": f.name, "lines": lines, "omitted": more, "sha": sha(f)})
        # a stdout capture (made by --make-figures) repeats what the script also wrote to a .txt
        for g in groups.values():
            caps = [t for t in g.texts if t["name"].endswith(".stdout.txt")]
            if caps:
                cap = "\n".join(caps[0]["lines"])
                g.texts = caps + [t for t in g.texts if t not in caps
                                  and not all(ln in cap for ln in t["lines"])]
        out_groups = []
        for key in sorted(groups):
            g = groups[key]
            if not (g.figures or g.tables or g.texts):
                if g.script in {s.name for s in scripts}:
                    where = f"{label}/{paper}/"
                    g.missing = Tex(escape(f"No output of scripts/{g.script} was found under {where}; run ")
                                    + verbatim(f"python scripts/{g.script}")
                                    + escape(" (or python -m reports --make-figures)."))
                    result["notes"].append(f"figures for {paper}: no output of scripts/{g.script}; "
                                           f"run: python scripts/{g.script}")
                else:
                    continue
            out_groups.append(g)
        if out_groups:
            result["papers"].append({"paper": paper, "groups": out_groups})
    return result


def make(papers, scripts_dir: Path, figures_dir: Path, timeout: float = 600.0, cwd: Path | None = None) -> list[str]:
    """Run every figure script of ``papers`` (``--out <figures_dir>/<paper>``) with a timeout.

    Its standard output is saved as ``<figures_dir>/<paper>/<script>.stdout.txt`` so the report
    can show what it printed. Returns notes (one per script).
    """
    notes = []
    for paper in papers:
        for s in scripts_for(paper, scripts_dir):
            out = Path(figures_dir) / paper
            out.mkdir(parents=True, exist_ok=True)
            cmd = [sys.executable, str(s.path), "--out", str(out)]
            try:
                p = subprocess.run(cmd, cwd=str(cwd or Path(scripts_dir).parent), stdin=subprocess.DEVNULL,
                                   capture_output=True, text=True, errors="replace", timeout=timeout)
            except subprocess.TimeoutExpired:
                notes.append(f"scripts/{s.name} timed out after {timeout:.0f} s")
                continue
            if p.returncode != 0:
                tail = (p.stderr.strip().splitlines() or ["?"])[-1]
                notes.append(f"scripts/{s.name} exited with {p.returncode}: {tail}")
                continue
            text = p.stdout
            for prefix in sorted({str(Path(cwd or Path(scripts_dir).parent).resolve()),
                                  str(Path(figures_dir).resolve())}, key=len):
                text = text.replace(prefix + "/", "").replace(prefix, ".")  # no host paths in the report
            (out / f"{s.name}.stdout.txt").write_text(text, encoding="utf-8")
            notes.append(f"ran scripts/{s.name}")
    return notes


# ----------------------------------------------------------------------------- audit
_AUDIT_FIELDS = ("verdict", "max_bits", "median_bits")


def _is_result(d) -> bool:
    return isinstance(d, dict) and ("verdict" in d or "max_bits" in d)


def _entries(doc, default_name: str) -> list[tuple[str, dict]]:
    """(kernel name, result) pairs from the formats we know; unknown shapes give []."""
    if _is_result(doc):
        if doc.get("claim"):  # scripts/audit_kernels.py: claim id, implementation index, kernel name
            name = f"{doc['claim']}#{doc.get('implementation_index', '?')}"
            if doc.get("kernel"):
                name += f" {doc['kernel']}"
            return [(name, doc)]
        return [(str(doc.get("name") or doc.get("kernel") or default_name), doc)]
    if isinstance(doc, list):
        out = []
        for i, d in enumerate(doc):
            out += _entries(d, f"{default_name}[{i}]")
        return out
    if isinstance(doc, dict):
        for key in ("rows", "kernels", "results", "audits"):  # scripts/audit_kernels.py: "rows"
            if isinstance(doc.get(key), (list, dict)):
                return _entries(doc[key], default_name)
        out = []
        for k in sorted(doc):
            if _is_result(doc[k]):
                out.append((str(doc[k].get("name") or k), doc[k]))
        return out
    return []


def _bits(x) -> Tex:
    if x is None:
        return Tex("--")
    try:
        x = float(x)
    except (TypeError, ValueError):
        return escape(x)
    if math.isinf(x):
        return Tex(r"\(\infty\)")
    return escape(f"{x:.2f}")


def audit(figures_dir: Path | None) -> dict:
    """Rows of the audit table from ``<figures_dir>/audit/*.json``."""
    out = {"rows": [], "files": [], "notes": []}
    d = Path(figures_dir) / "audit" if figures_dir is not None else None
    if d is None or not d.is_dir():
        return out
    for f in sorted(d.glob("*.json")):
        try:
            doc = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            out["notes"].append(f"audit/{f.name} is not readable JSON ({type(e).__name__})")
            continue
        entries = _entries(doc, f.stem)
        if not entries:
            out["notes"].append(f"audit/{f.name}: no audit results recognised (expected 'verdict'/'max_bits')")
            continue
        out["files"].append({"name": f.name, "sha": sha(f)})
        for name, r in entries:
            counts = r.get("counts") if isinstance(r.get("counts"), dict) else \
                {k: r[k2] for k, k2 in (("nan", "nan"), ("inf", "inf"), ("exception", "exceptions")) if k2 in r}
            leaks = sum(int(counts.get(k) or 0) for k in ("nan", "inf", "exception"))
            pts = r.get("points", r.get("instances"))
            meas = r.get("measured")
            verdict = str(r.get("verdict", "--"))
            colour = "vsym" if verdict == "pass" else "vskip" if verdict == "--" else "vfail"
            bound = next((r[k] for k in ("threshold_bits", "bound_bits", "bound") if r.get(k) is not None),
                         doc.get("bound_bits") if isinstance(doc, dict) else None)
            out["rows"].append({
                "file": f.name, "name": name,
                "verdict": Tex(r"\textcolor{" + colour + "}{" + escape(verdict) + "}"),
                "max_bits": _bits(r.get("max_bits")), "median_bits": _bits(r.get("median_bits")),
                "bound": _bits(bound),
                "measured": escape(f"{meas}/{pts}" if meas is not None and pts is not None
                                   else (pts if pts is not None else "--")),
                "leaks": escape(leaks if counts else "--"),
                "failed": verdict not in ("pass", "--"),
                "note": escape(r.get("note") or ""),
            })
    return out
