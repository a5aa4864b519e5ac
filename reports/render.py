"""results.json -> report.tex (Jinja2) -> report.pdf (latexmk / pdflatex), written atomically.

The .tex is a pure function of results.json, the options (--paper, --date) and the claim
inventories that fix the paper order: no clock, no host names, no paths.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from derivations import inventory

from . import figures as figs
from . import latex
from .latex import Tex, escape, verbatim

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RESULTS = ROOT / "reports" / "build" / "results.json"
DEFAULT_OUT = ROOT / "reports" / "build"
DEFAULT_CLAIMS = ROOT.parent / "shared" / "claims"
DEFAULT_FIGURES = DEFAULT_OUT  # <paper>/ figures and tables, audit/ results (see reports/figures.py)
DEFAULT_SCRIPTS = ROOT / "scripts"
SCHEMA = ROOT / "verify" / "results.schema.json"
TEMPLATES = Path(__file__).resolve().parent / "templates"

PAPERS = {
    "admm": "Incentivizing Data Collaboration: A Mechanism Design Approach",
    "kgj": "Mechanisms that Incentivize Data Sharing in Federated Learning",
    "cczk": "Collaborative Mean Estimation Among Heterogeneous Strategic Agents",
    "cck": "Incentivizing Truthful Data Contributions in a Marketplace for Mean Estimation",
}
AUTHORS = {
    "admm": "Alaei, Daei Naby, Makhdoumi, Malekian",
    "kgj": "Karimireddy, Guo, Jordan",
    "cczk": "Clinton, Chen, Zhu, Kandasamy",
    "cck": "Chen, Clinton, Kandasamy",
}
STATUSES = ("verified-symbolic", "verified-rigorous", "verified-numeric", "erratum", "failed",
            "skipped", "error")
MAX_VALUE_CHARS = 600  # worst inputs longer than this are shortened (counterexamples never are)


class ReportError(RuntimeError):
    """The report could not be built (bad input or a TeX failure); nothing was replaced."""


# ----------------------------------------------------------------------------- input
def load(path: Path) -> tuple[dict, bytes]:
    """The results document (validated against the schema) and its raw bytes."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ReportError(f"cannot read {path}: {e}") from e
    try:
        doc = json.loads(raw)
    except ValueError as e:
        raise ReportError(f"{path} is not valid JSON: {e}") from e
    validate(doc)
    return doc, raw


def validate(doc: dict) -> None:
    try:
        import jsonschema
    except ImportError:  # pragma: no cover - jsonschema is a project dependency
        jsonschema = None
    if jsonschema is not None and SCHEMA.exists():
        schema = json.loads(SCHEMA.read_text())
        try:
            jsonschema.validate(doc, schema)
        except jsonschema.ValidationError as e:
            where = "/".join(str(p) for p in e.absolute_path)
            raise ReportError(f"results do not match the schema at {where or '(root)'}: {e.message}") from e
    elif not isinstance(doc, dict) or not isinstance(doc.get("claims"), list):  # pragma: no cover
        raise ReportError("results must be an object with a 'claims' list")


def inventory_rows(claims_dir: Path | None) -> dict[str, list]:
    """paper -> the rows of shared/claims/<paper>.md, in paper order (empty without a claims directory)."""
    if claims_dir is None:
        return {}
    return {p: rs for p in PAPERS if (rs := inventory.rows(p, Path(claims_dir)))}


def inventory_ranks(rows: dict[str, list]) -> dict[str, dict[str, int]]:
    """paper -> {label: position in its inventory} (the paper order)."""
    out: dict[str, dict[str, int]] = {}
    for paper, rs in rows.items():
        ranks = out.setdefault(paper, {})
        for r in rs:
            ranks.setdefault(r.label, len(ranks))
    return out


# ----------------------------------------------------------------------------- ordering
def natural(s: str) -> tuple:
    return tuple((0, int(t), "") if t.isdigit() else (1, 0, t.lower())
                 for t in re.findall(r"\d+|[A-Za-z]+", s or "")) + ((-1, 0, s or ""),)


def section_name(section: str) -> str:
    if not section:
        return "(no section)"
    if section[0].isdigit():
        return "\u00a7" + section
    if section[0].isalpha():
        return "App. " + section
    return section


# ----------------------------------------------------------------------------- formatting
def sci(x) -> Tex:
    """A number for a table: 2 significant digits in scientific notation (or --)."""
    if x is None:
        return Tex("--")
    try:
        x = float(x)
    except (TypeError, ValueError):
        return escape(x)
    if math.isnan(x):
        return Tex("NaN")
    if math.isinf(x):
        return Tex(r"\(\infty\)" if x > 0 else r"\(-\infty\)")
    if x == 0:
        return Tex("0")
    if 1e-3 <= abs(x) < 1e4:
        return escape(f"{x:.3g}")
    m, e = f"{x:.1e}".split("e")
    return Tex(rf"\({m}\times10^{{{int(e)}}}\)")


def value_text(v, limit: int | None = MAX_VALUE_CHARS) -> str:
    """A JSON value as exact text (floats in shortest round-trip form)."""
    s = json.dumps(v, sort_keys=True, ensure_ascii=False, separators=(", ", ": "), allow_nan=True,
                   default=str)
    if limit is not None and len(s) > limit:
        s = s[:limit] + f" ... ({len(s) - limit} more characters)"
    return s


def assignment(d, limit: int | None = MAX_VALUE_CHARS) -> list[Tex]:
    """{name: value} as lines 'name = value' (escaped, breakable)."""
    if not d:
        return []
    if not isinstance(d, dict):
        return [verbatim(value_text(d, limit))]
    return [Tex(verbatim(k) + r" \(=\) " + verbatim(value_text(v, limit))) for k, v in d.items()]


def details(r: dict) -> list[tuple[str, Tex]]:
    """The evidence extensions (symbolic / ladder / rigorous) as (field, text) rows."""
    rows: list[tuple[str, Tex]] = []
    sym = r.get("symbolic")
    if isinstance(sym, dict) and sym:
        bits = [escape(sym.get("status", ""))]
        if sym.get("scope"):
            bits.append(escape(f"at {sym['scope']}"))
        if sym.get("strategies"):
            bits.append(escape("via " + ", ".join(map(str, sym["strategies"]))))
        rows.append(("Symbolic", Tex(" ".join(bits))))
    lad = r.get("ladder")
    if isinstance(lad, dict) and lad:
        parts = []
        by = lad.get("max_rel_error_by_digits")
        if isinstance(by, dict):
            for k in sorted(by, key=natural):
                parts.append(Tex(escape(f"{k} digits:") + " " + sci(by[k])))
        for k in sorted(lad):
            if k != "max_rel_error_by_digits" and not isinstance(lad[k], (dict, list)):
                v = lad[k]
                parts.append(Tex(escape(k.replace("_", " ") + ":") + " "
                                 + (sci(v) if isinstance(v, float) else escape(v))))
        if parts:
            rows.append(("Ladder", Tex("; ".join(parts))))
    rig = r.get("rigorous")
    if isinstance(rig, dict) and rig:
        if {"pointwise_certified", "pointwise_total"} <= rig.keys():
            txt = escape(f"Arb balls certify {rig['pointwise_certified']}/{rig['pointwise_total']} instances"
                         + (f" at {rig['prec_bits']} bits" if "prec_bits" in rig else ""))
            rest = {k: v for k, v in rig.items()
                    if k not in ("pointwise_certified", "pointwise_total", "prec_bits")}
        else:
            txt, rest = Tex(""), rig
        extra = "; ".join(f"{k.replace('_', ' ')}: {value_text(v, 120)}" for k, v in sorted(rest.items()))
        rows.append(("Rigorous", Tex(txt + (escape("; " + extra) if txt and extra else escape(extra)))))
    return rows


# ----------------------------------------------------------------------------- context
@dataclass
class Options:
    papers: tuple[str, ...] | None = None
    date: str | None = None
    claims_dir: Path | None = DEFAULT_CLAIMS
    forced_verbatim: frozenset = field(default_factory=frozenset)  # statement keys that broke TeX
    figures: bool = True  # the "Figures and tables" section
    figures_dir: Path | None = None  # None: DEFAULT_FIGURES
    scripts_dir: Path | None = None  # None: DEFAULT_SCRIPTS
    audit: bool = True  # the audit section (only when <figures_dir>/audit/*.json exist)

    def fig_dir(self) -> Path:
        return Path(self.figures_dir) if self.figures_dir is not None else DEFAULT_FIGURES

    def script_dir(self) -> Path:
        return Path(self.scripts_dir) if self.scripts_dir is not None else DEFAULT_SCRIPTS


def _stmt(src, key: str, opts: Options) -> dict:
    """A printed statement: math if safe, else verbatim with the reason."""
    src = "" if src is None else str(src)
    forced = key in opts.forced_verbatim
    why = "did not compile as LaTeX" if forced else latex.unsafe_reason(src)
    return {"tex": latex.statement(src, force_verbatim=forced), "key": key,
            "note": None if why is None else f"printed LaTeX shown verbatim: {why}"}


def extras(opts: Options) -> dict:
    """Figures/tables and audit results: read once per build (they do not depend on the results)."""
    papers = tuple(opts.papers) if opts.papers else tuple(PAPERS)
    d = opts.fig_dir()
    label = "reports/build" if d.resolve() == DEFAULT_FIGURES.resolve() else "the figures directory"
    f = figs.collect(papers, d, opts.script_dir(), label) if opts.figures else \
        {"papers": [], "assets": {}, "notes": []}
    a = figs.audit(d) if opts.audit else {"rows": [], "files": [], "notes": []}
    return {"figures": f, "audit": a, "notes": f["notes"] + a["notes"], "assets": f["assets"]}


def context(doc: dict, raw: bytes, opts: Options, extra: dict | None = None) -> dict:
    extra = extras(opts) if extra is None else extra
    papers = tuple(opts.papers) if opts.papers else tuple(PAPERS)
    inv = inventory_rows(opts.claims_dir)
    ranks = inventory_ranks(inv)
    order = {p: i for i, p in enumerate(PAPERS)}
    recs = [r for r in doc["claims"] if r["paper"] in papers]

    def key(r):
        if "order" in r:  # the registry's position: the paper order as the derivations list it
            return (order.get(r["paper"], 99), r["order"], r["id"])
        return (order.get(r["paper"], 99), natural(r.get("section", "")),
                ranks.get(r["paper"], {}).get(r["label"], 10**6), natural(r["label"]), r["id"])

    recs.sort(key=key)
    claims = []
    for n, r in enumerate(recs):
        c = dict(r)
        c["n"] = n
        c["section_name"] = section_name(r.get("section", ""))
        c["stmt"] = _stmt(r.get("statement", ""), f"{n}.statement", opts)
        c["max_err"] = sci(r.get("max_rel_error"))
        c["digits_txt"] = Tex("--") if r.get("digits") is None else escape(int(r["digits"]))
        c["worst"] = assignment(r.get("worst_input"))
        c["details"] = details(r)
        c["seconds_txt"] = f"{float(r.get('seconds') or 0.0):.2f} s"
        err = r.get("erratum")
        c["err"] = None
        if err:
            c["err"] = {"printed": _stmt(err.get("printed"), f"{n}.printed", opts),
                        "corrected": _stmt(err.get("corrected"), f"{n}.corrected", opts),
                        "counterexample": assignment(err.get("counterexample"), limit=None),
                        "explanation": err.get("explanation", ""),
                        "corrected_status": err.get("corrected_status") or ""}
        claims.append(c)

    # summary: per paper, per section, counts by verdict
    summary = []
    for p in papers:
        pc = [c for c in claims if c["paper"] == p]
        sections = []
        for sec in sorted({c.get("section", "") for c in pc}, key=natural):
            sc = [c for c in pc if c.get("section", "") == sec]
            sections.append({"name": section_name(sec), "counts": _counts(sc), "total": len(sc)})
        summary.append({"paper": p, "title": PAPERS[p], "counts": _counts(pc), "total": len(pc),
                        "sections": sections, "seconds": sum(float(c.get("seconds") or 0) for c in pc)})
    groups = []
    for p in papers:
        pc = [c for c in claims if c["paper"] == p]
        secs = []
        for c in pc:
            if not secs or secs[-1]["name"] != c["section_name"]:
                secs.append({"name": c["section_name"], "claims": []})
            secs[-1]["claims"].append(c)
        groups.append({"paper": p, "title": PAPERS[p], "authors": AUTHORS[p], "sections": secs,
                       "total": len(pc)})

    seed = doc.get("seed")
    reproduce = f"pytest verify -n 2 --profile {doc.get('profile', 'ci')}"
    if seed is not None:
        reproduce += f" --seed {seed}"
    report_cmd = "python -m reports" + "".join(f" --paper {p}" for p in (opts.papers or ()))
    if not opts.figures:
        report_cmd += " --no-figures"
    if opts.date:
        report_cmd += f" --date {opts.date}"
    date = opts.date or doc.get("date") or doc.get("generated") or "not recorded in results.json"
    return {
        "statuses": STATUSES,
        "versions": sorted((doc.get("versions") or {}).items()),
        "profile": doc.get("profile", ""),
        "seed": "none (derandomized)" if seed is None else str(seed),
        "date": str(date),
        "sha256": hashlib.sha256(raw).hexdigest(),
        "schema": doc.get("schema"),
        "reproduce": verbatim(reproduce),
        "report_cmd": verbatim(report_cmd),
        "papers": [{"key": p, "title": PAPERS[p], "authors": AUTHORS[p]} for p in papers],
        "summary": summary,
        "totals": _counts(claims),
        "total": len(claims),
        "errata": [c for c in claims if c.get("err")],
        "problems": [c for c in claims if c["status"] in ("failed", "error")],
        "groups": groups,
        "any_claims": bool(claims),
        "show_figures": opts.figures,
        "fig_papers": [dict(fp, title=PAPERS[fp["paper"]]) for fp in extra["figures"]["papers"]],
        "audit": extra["audit"],
        "paper_titles": PAPERS,
        "coverage": _coverage(papers, recs, inv),
    }


def _coverage(papers, recs, inv: dict[str, list]) -> list[dict]:
    """Per paper: inventory rows (shared/claims) with / without a claim in these results."""
    out = []
    for p in papers:
        rows = inv.get(p, [])
        missing = inventory.missing(rows, {r["label"] for r in recs if r["paper"] == p})
        if rows:
            out.append({"paper": p, "title": PAPERS[p], "rows": len(rows), "covered": len(rows) - len(missing),
                        "missing": [{"label": r.label, "kind": r.kind, "where": r.where} for r in missing]})
    return out


def _counts(cs) -> dict:
    out = {s: 0 for s in STATUSES}
    for c in cs:
        out[c["status"]] = out.get(c["status"], 0) + 1
    return out


# ----------------------------------------------------------------------------- rendering
_VERDICT_MACRO = dict(zip(STATUSES, (r"\vs{}", r"\vr{}", r"\vn{}", r"\ve{}", r"\vf{}", r"\vk{}", r"\vx{}")))


def verdict_tex(status) -> Tex:
    return Tex(_VERDICT_MACRO.get(status) or escape(status))


def count_tex(n) -> Tex:
    return Tex(str(int(n))) if n else Tex(r"\zero{}")


def statement_tex(st: dict) -> Tex:
    """A statement, its marker comment (maps a TeX error line back to it), and its note."""
    key = st["key"]
    if not re.fullmatch(r"[0-9]+\.[a-z]+", key):  # pragma: no cover - keys are made here
        raise ValueError(key)
    out = st["tex"] + "%%STMT:" + key + "\n"
    if st["note"]:
        out += r"\newline{\footnotesize\itshape (" + escape(st["note"]) + ")}"
    return Tex(out)


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        block_start_string="((*", block_end_string="*))",
        variable_start_string="(((", variable_end_string=")))",
        comment_start_string="((=", comment_end_string="=))",
        line_statement_prefix=None, line_comment_prefix=None,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        autoescape=False, undefined=jinja2.StrictUndefined,
        # every value printed by the template is escaped unless it is already trusted LaTeX
        finalize=lambda v: v if isinstance(v, Tex) else escape(v),
    )
    env.globals.update(verdict=verdict_tex, count=count_tex, statement=statement_tex)
    env.filters["e"] = escape
    env.filters["sci"] = sci
    env.filters["verb"] = verbatim
    env.filters["section"] = section_name
    return env


def render(doc: dict, raw: bytes, opts: Options, extra: dict | None = None) -> str:
    return environment().get_template("report.tex.j2").render(**context(doc, raw, opts, extra))


# ----------------------------------------------------------------------------- TeX
def tex_engine() -> str | None:
    """'latexmk' or 'pdflatex' when available, else None."""
    if shutil.which("latexmk") and shutil.which("pdflatex"):
        return "latexmk"
    if shutil.which("pdflatex"):
        return "pdflatex"
    return None


@dataclass
class Compiled:
    ok: bool
    pdf: bytes | None
    log: str
    error_line: int | None = None
    message: str = ""


PDFLATEX_FLAGS = ["-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "-file-line-error"]


def compile_tex(tex: str, engine: str | None = None, timeout: float = 180.0,
                assets: dict | None = None) -> Compiled:
    """Compile ``tex`` in a fresh temporary directory (non-interactive, no shell escape).

    ``assets`` maps relative paths used by the .tex (figures) to the files copied there first.
    """
    engine = engine or tex_engine()
    if engine is None:
        return Compiled(False, None, "", None, "no TeX engine found")
    env = dict(os.environ, openout_any="p", openin_any="p", shell_escape="f")
    with tempfile.TemporaryDirectory(prefix="report-tex-") as d:
        src = Path(d) / "report.tex"
        src.write_text(tex, encoding="utf-8")
        for rel, path in sorted((assets or {}).items()):
            dst = Path(d) / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dst)
        if engine == "latexmk":
            cmds = [["latexmk", "-norc", "-pdf", "-silent",
                     "-pdflatex=pdflatex " + " ".join(PDFLATEX_FLAGS) + " %O %S", "report.tex"]]
        else:
            cmds = [["pdflatex", *PDFLATEX_FLAGS, "report.tex"]] * 3
        out = ""
        for i, cmd in enumerate(cmds):
            try:
                p = subprocess.run(cmd, cwd=d, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                                   text=True, errors="replace", timeout=timeout)
            except subprocess.TimeoutExpired:
                return Compiled(False, None, out, None, f"{cmd[0]} timed out after {timeout:.0f} s")
            out += p.stdout + p.stderr
            log_file = Path(d) / "report.log"
            log = log_file.read_text(errors="replace") if log_file.exists() else out
            if p.returncode != 0:
                m = re.search(r"^\./report\.tex:(\d+): (.*)$", log, re.M) or \
                    re.search(r"^! (.*)$(?:.|\n)*?^l\.(\d+)", log, re.M)
                line = msg = None
                if m is not None:
                    if m.re.pattern.startswith("^\\./"):
                        line, msg = int(m.group(1)), m.group(2)
                    else:
                        msg, line = m.group(1), int(m.group(2))
                return Compiled(False, None, log, line, msg or f"{cmd[0]} exited with {p.returncode}")
            if engine == "pdflatex" and i >= 1 and not re.search(r"Rerun|rerun", log):
                break
        pdf = Path(d) / "report.pdf"
        if not pdf.exists():
            return Compiled(False, None, log, None, "no PDF produced")
        return Compiled(True, pdf.read_bytes(), log)


_MARK = re.compile(r"%%STMT:([0-9]+\.[a-z]+)\s*$")


def statement_at(tex: str, line: int | None) -> str | None:
    """The statement key written on ``line`` of ``tex`` (or the line before), if any."""
    if not line:
        return None
    lines = tex.splitlines()
    for ln in (line, line - 1):
        if 1 <= ln <= len(lines):
            m = _MARK.search(lines[ln - 1])
            if m:
                return m.group(1)
    return None


# ----------------------------------------------------------------------------- output
def write_atomic(path: Path, data: bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


@dataclass
class Built:
    tex_path: Path
    pdf_path: Path | None
    engine: str | None
    verbatim_after_tex_error: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)


def build(results: Path = DEFAULT_RESULTS, out: Path = DEFAULT_OUT, opts: Options | None = None,
          pdf: bool = True, engine: str | None = None, status=None, max_retries: int = 12) -> Built:
    """Render (and compile) the report; replace report.tex/.pdf only when everything succeeded.

    A printed statement that passes the sanitizer but does not compile (e.g. an unknown macro) is
    switched to verbatim and the build retried, so one bad statement cannot cost the whole PDF.
    """
    opts = opts or Options()
    out = Path(out)
    doc, raw = load(results)
    extra = extras(opts)
    tex = render(doc, raw, opts, extra)
    notes: list[str] = list(extra["notes"])
    if not pdf:
        write_atomic(out / "report.tex", tex.encode("utf-8"))
        return Built(out / "report.tex", None, None, (), notes)
    engine = engine or tex_engine()
    if engine is None:
        write_atomic(out / "report.tex", tex.encode("utf-8"))
        notes.append("no TeX engine (latexmk/pdflatex) found: wrote report.tex only")
        return Built(out / "report.tex", None, None, (), notes)
    forced: set[str] = set(opts.forced_verbatim)
    for attempt in range(max_retries + 1):
        if status:
            status(f"compiling report.tex with {engine} (attempt {attempt + 1})")
        res = compile_tex(tex, engine, assets=extra["assets"])
        if res.ok:
            break
        key = statement_at(tex, res.error_line)
        if key is None or key in forced or attempt == max_retries:
            write_atomic(out / "report.failed.tex", tex.encode("utf-8"))
            write_atomic(out / "report.failed.log", res.log.encode("utf-8", "replace"))
            raise ReportError(f"LaTeX failed at line {res.error_line}: {res.message} "
                              f"(see {out / 'report.failed.log'}); the previous report was kept")
        forced.add(key)
        notes.append(f"statement {key} did not compile ({res.message}); shown verbatim")
        opts = dataclasses.replace(opts, forced_verbatim=frozenset(forced))
        tex = render(doc, raw, opts, extra)
    write_atomic(out / "report.pdf", res.pdf)
    write_atomic(out / "report.tex", tex.encode("utf-8"))
    for stale in ("report.failed.tex", "report.failed.log"):
        try:
            (out / stale).unlink()
        except FileNotFoundError:
            pass
    return Built(out / "report.tex", out / "report.pdf", engine, tuple(sorted(forced)), notes)
