"""reports: escaping, statement sanitizing, determinism, atomic writes, and (with TeX) the PDF."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from reports import latex, render
from reports.__main__ import main

NASTY = [
    "\\", "_", "%", "{", "}", "&", "#", "^", "~", "$", "\\input{/etc/passwd}", "\\write18{touch pwned}",
    "a_b%c{d}e&f#g^h~i$j\\k", "}\\end{document}", "\\\\", "^^5cinput", "\\csname input\\endcsname",
    "--- -- <> | \" ' `", "line\nbreak\tand\x00nul", "\u03b8 \u2264 \u00a7 q\u0302 \u2013 \u2603",
    "\\catcode`\\~=0", "\\immediate\\write18{rm -rf /}", "\\def\\x{\\x}\\x", "\\verb|x|", "100% & $5",
]

DANGEROUS_STATEMENTS = [
    r"x \input{/etc/passwd}", r"\include{x}", r"\write18{touch pwned}", r"\immediate\write15{x}",
    r"\openout1=x", r"\read16 to \x", r"\csname input\endcsname x", r"\catcode`\@=11",
    r"\def\x{y}", r"\edef\x{y}", r"\let\x=\y", r"\newcommand{\x}{y}", r"\expandafter x",
    r"\scantokens{x}", r"^^5cinput x", r"x $ \input x $", r"x } \input{y} {", r"\text{\input x}",
    r"\begin{document}", r"\end{document}", r"a % \input", r"\makeatletter", r"#1", r"a \\ b",
    r"a & b", r"\(x\)", "x\u200b = 1", r"\begin{pmatrix} a \end{bmatrix}", r"\@input x",
]

SAFE_STATEMENTS = [
    r"A_1(\mathbf q) = (\sigma_1^2,\Sigma_{12},\dots,\Sigma_{1n})\Sigma_{\mathbf q}^{-1} - \sigma_1^2",
    r"\frac{\partial A_1}{\partial q_1}(\mathbf q) = \frac{\sigma_1^2}{q_1^2}\Big(-c_{11}+1\Big)^2 \ge 0",
    r"\text{(i) } A_i(\mathbf q,\mathbf q) \text{ is non-decreasing in } q_i",
    r"\begin{pmatrix} a & b \\ c & d \end{pmatrix} \succeq 0, \quad \{x : x > 0\}",
]


def _record(id_, label, status, section="2", **kw):
    r = {"id": id_, "paper": id_.split(".")[0], "label": label, "kind": "identity", "status": status,
         "methods": ["numeric: mpmath ladder 30/60/120 digits on 20 hypothesis instances"],
         "instances": 20, "max_rel_error": 1.5e-118, "digits": 117, "worst_input": {"q": 0.5},
         "erratum": None, "section": section, "statement": r"x^2 \ge 0", "reason": "",
         "symbolic": None, "ladder": None, "rigorous": None, "crosschecks": [], "seconds": 0.5}
    r.update(kw)
    return r


NASTY_LABEL = "Lemma 9 \\input{/etc/passwd} 100% & $_#^~{}"


def synthetic() -> dict:
    """A small results document: every verdict once, one erratum, nasty strings everywhere."""
    claims = [
        _record("admm.sym", "Lemma 1", "verified-symbolic", section="3.1",
                symbolic={"status": "proved", "strategies": ["cancel"]}),
        _record("admm.rig", "Theorem 2", "verified-rigorous", section="A.3",
                rigorous={"pointwise_certified": 20, "pointwise_total": 20, "prec_bits": 256}),
        _record("admm.num", "eq. (1)", "verified-numeric", section="2",
                ladder={"max_rel_error_by_digits": {"30": 1e-30, "60": 1e-60}}),
        _record("admm.errata-one", "Proposition 7", "erratum", section="3.1",
                erratum={"printed": r"x^2 \le x", "corrected": r"x^2 \le x \text{ for } 0 \le x \le 1",
                         "counterexample": {"x": 2.0, "we_ird%key": "a&b"},
                         "explanation": "fails for x > 1: 4 > 2 (checked by hand & with mpmath)",
                         "corrected_status": "verified-symbolic"}),
        _record("admm.fail", NASTY_LABEL, "failed", section="2",
                reason="violated \\write18{x} at x_1 = 3 (margin -1%)", statement=r"x \input{evil}",
                worst_input={"__other": 1.0, "b_ad\\key": [[1.0, -2.5e-233], [3, 4]]}),
        _record("admm.skip", "Remark 3", "skipped", section="B", reason="purely verbal: no formula",
                max_rel_error=None, digits=None, worst_input=None, methods=[]),
        _record("admm.err", "Corollary 4", "error", section="B", reason="ZeroDivisionError: x/0",
                max_rel_error=None, digits=None),
        # allow-listed but does not compile (\text{} contains a subscript): must fall back to verbatim
        _record("admm.broken", "eq. (5)", "verified-numeric", section="2",
                statement=r"\text{a_b} = \left( x"),
    ]
    return {"schema": 1, "versions": {"python": "3.11.7", "sympy": "1.14.0"}, "profile": "ci",
            "seed": None, "claims": claims}


@pytest.fixture(autouse=True)
def no_real_figures(tmp_path, monkeypatch):
    """Tests see an empty figures directory and no scripts unless they build their own."""
    empty = tmp_path / "no-figures"
    empty.mkdir()
    monkeypatch.setattr(render, "DEFAULT_FIGURES", empty)
    monkeypatch.setattr(render, "DEFAULT_SCRIPTS", tmp_path / "no-scripts")


@pytest.fixture
def results(tmp_path) -> Path:
    p = tmp_path / "results.json"
    p.write_text(json.dumps(synthetic(), indent=1))
    return p


# ----------------------------------------------------------------------------- escaping
# the control sequences escape() itself emits (from its character tables), and nothing else
EMITTED = {w for v in [*latex._ASCII.values(), *latex._UNICODE.values(), *latex._COMBINING.values()]
           for w in re.findall(r"\\([A-Za-z]+|.)", v)} | {"textsc"}


@pytest.mark.parametrize("s", NASTY)
def test_escape_neutralises_specials(s):
    out = latex.escape(s)
    assert isinstance(out, latex.Tex)
    words = re.findall(r"\\([A-Za-z]+|.)", out)
    assert set(words) <= EMITTED, (s, out, set(words) - EMITTED)
    for bad in ("input", "write", "csname", "catcode", "def", "immediate", "end", "verb", "include"):
        assert bad not in words
    # no active special character is left bare
    assert not re.search(r"[$&#^_%]", re.sub(r"\\.", "", out)), (s, out)
    assert "\n" not in out and "\x00" not in out
    # braces stay balanced so a value can never close a group of the template
    depth = 0
    for m in re.finditer(r"\\.|[{}]", out):
        depth += {"{": 1, "}": -1}.get(m.group(0), 0)
        assert depth >= 0
    assert depth == 0


def test_multiline_statement_becomes_one_line():
    assert latex.statement("a\n  = b\r\n+ c") == r"\(\displaystyle a = b + c\)"
    assert "\n" not in latex.statement("\\input\n{x}")


def test_escape_exact_forms():
    assert latex.escape("\\") == r"\textbackslash{}"
    assert latex.escape("a_b%c") == r"a\_b\%c"
    assert latex.escape("{&}") == r"\{\&\}"
    assert latex.escape(None) == ""
    assert latex.escape(3) == "3"


@pytest.mark.parametrize("src", DANGEROUS_STATEMENTS)
def test_dangerous_statements_are_shown_verbatim(src):
    assert latex.unsafe_reason(src) is not None
    out = latex.statement(src)
    assert out.startswith(r"\texttt{") and r"\(" not in out
    assert not re.search(r"\\(input|include|write|openout|read|immediate|csname|catcode|def|edef|let|"
                         r"newcommand|expandafter|scantokens|makeatletter|begin|end)\b", out)


@pytest.mark.parametrize("src", SAFE_STATEMENTS)
def test_printed_math_is_kept(src):
    assert latex.unsafe_reason(src) is None, latex.unsafe_reason(src)
    assert latex.statement(src) == r"\(\displaystyle " + src + r"\)"


def test_real_results_statements_are_mostly_math():
    """The statements of the committed results (if present) pass the sanitizer."""
    p = render.DEFAULT_RESULTS
    if not p.exists():
        pytest.skip("no reports/build/results.json yet")
    doc = json.loads(p.read_text())
    stmts = [c.get("statement", "") for c in doc["claims"] if c.get("statement")]
    bad = [s for s in stmts if latex.unsafe_reason(s)]
    assert len(bad) <= len(stmts) // 10, [(s, latex.unsafe_reason(s)) for s in bad]


# ----------------------------------------------------------------------------- rendering
def _order(tex: str) -> list[str]:
    """Claim ids in the order of their blocks in the claims section."""
    return [m.group(1).replace("-{}", "-")
            for m in re.finditer(r"\\texttt\{(admm\.[a-z{}\-]+)\}\}\\par", tex)]


def test_synthetic_erratum_renders(results, tmp_path):
    built = render.build(results, tmp_path / "out", pdf=False)
    tex = built.tex_path.read_text()
    errata = tex[tex.index(r"\section{Errata}"):tex.index(r"\section{Claims in paper order}")]
    errata = errata.replace(r"\allowbreak{}", "")
    assert "Proposition 7" in errata and r"\(\displaystyle x^2 \le x\)" in errata
    assert r"\(\displaystyle x^2 \le x \text{ for } 0 \le x \le 1\)" in errata
    assert r"corrected statement: \vs{}" in errata
    assert r"we\_ird\%key" in errata and r"a\&b" in errata and "2.0" in errata
    assert r"checked by hand \& with mpmath" in errata
    # the dangerous statement is shown verbatim, the nasty label is escaped
    assert r"\input{evil}" not in tex and r"\textbackslash{}\allowbreak{}input" in tex
    assert r"Lemma 9 \textbackslash{}input\{/etc/passwd\} 100\% \& \$\_\#\textasciicircum{}" in tex
    assert r"\write18" not in tex
    # paper order: sections 2 < 3.1 < A.3 < B; every claim appears once
    order = _order(tex)
    assert sorted(order) == sorted(c["id"] for c in synthetic()["claims"])
    assert order.index("admm.fail") < order.index("admm.sym") < order.index("admm.rig") < order.index("admm.skip")


def test_paper_order_follows_inventory(results, tmp_path):
    inv = tmp_path / "claims"
    inv.mkdir()
    rows = [NASTY_LABEL, "eq. (5)", "eq. (1)"]
    (inv / "admm.md").write_text("| label | where |\n|---|---|\n" + "".join(f"| {r} | x |\n" for r in rows))
    tex = render.build(results, tmp_path / "o", render.Options(claims_dir=inv), pdf=False).tex_path.read_text()
    order = _order(tex)
    assert order[:3] == ["admm.fail", "admm.broken", "admm.num"]
    tex = render.build(results, tmp_path / "p", render.Options(claims_dir=None), pdf=False).tex_path.read_text()
    order = _order(tex)
    assert order[:3] == ["admm.num", "admm.broken", "admm.fail"]  # natural order of the labels


def test_byte_identical(results, tmp_path):
    a = render.build(results, tmp_path / "a", pdf=False).tex_path.read_bytes()
    b = render.build(results, tmp_path / "b", pdf=False).tex_path.read_bytes()
    assert a == b
    assert main(["--results", str(results), "--out", str(tmp_path / "c"), "--no-pdf"]) == 0
    assert (tmp_path / "c" / "report.tex").read_bytes() == a
    d = render.build(results, tmp_path / "d", render.Options(date="2025-01-02"), pdf=False)
    assert latex.escape("2025-01-02") in d.tex_path.read_text()
    # reordering the claims in the file does not change the report (only its recorded SHA-256)
    doc = synthetic()
    doc["claims"].reverse()
    other = tmp_path / "rev.json"
    other.write_text(json.dumps(doc))
    e = render.build(other, tmp_path / "e", pdf=False).tex_path.read_text()
    strip = lambda t: re.sub(r"SHA-256 \\texttt\{\\footnotesize [0-9a-f]+\}", "", t)  # noqa: E731
    assert strip(e) == strip(a.decode())


def test_paper_filter(results, tmp_path):
    doc = synthetic()
    doc["claims"].append(_record("kgj.x", "eq. (2)", "verified-numeric"))
    p = tmp_path / "two.json"
    p.write_text(json.dumps(doc))
    tex = render.build(p, tmp_path / "o", render.Options(papers=("kgj",)), pdf=False).tex_path.read_text()
    assert "kgj.x" in tex and "admm.sym" not in tex
    assert r"-{}-{}paper kgj" in tex.replace(r"\allowbreak{}", "")


def test_atomic_on_failure(results, tmp_path, monkeypatch):
    out = tmp_path / "out"
    render.build(results, out, pdf=False)
    good = (out / "report.tex").read_bytes()
    (out / "report.pdf").write_bytes(b"%PDF-good")
    # 1. results that do not match the schema
    bad = tmp_path / "bad.json"
    doc = synthetic()
    doc["claims"][0]["status"] = "probably-fine"
    bad.write_text(json.dumps(doc))
    with pytest.raises(render.ReportError, match="schema"):
        render.build(bad, out, pdf=False)
    # 2. not JSON at all
    bad.write_text("{ truncated")
    assert main(["--results", str(bad), "--out", str(out), "--no-pdf"]) == 1
    # 3. TeX fails (outside any statement)
    monkeypatch.setattr(render, "compile_tex",
                        lambda tex, engine=None, **kw: render.Compiled(False, None, "! boom\nl.3 x", 3, "boom"))
    with pytest.raises(render.ReportError, match="boom"):
        render.build(results, out, pdf=True, engine="pdflatex")
    # 4. the disk fails while replacing
    def fail_replace(src, dst):
        raise OSError("disk full")
    monkeypatch.setattr(render.os, "replace", fail_replace)
    with pytest.raises(OSError):
        render.build(results, out, render.Options(date="other"), pdf=False)
    assert (out / "report.tex").read_bytes() == good
    assert (out / "report.pdf").read_bytes() == b"%PDF-good"
    assert not [f for f in os.listdir(out) if f.endswith(".tmp")]


def test_statement_error_line_maps_back():
    tex = "a\n\\(x\\)%%STMT:3.statement\n\\newline{note}\n"
    assert render.statement_at(tex, 2) == "3.statement"
    assert render.statement_at(tex, 3) == "3.statement"
    assert render.statement_at(tex, 1) is None and render.statement_at(tex, None) is None


# ----------------------------------------------------------------------------- figures, audit
FIG_SCRIPT = '''"""admm Figure 9: a synthetic figure script (100% & $_#).

Assumes v(m) = a - sqrt(k/m) with a_opt = 0.95 (not printed by the paper).
"""
# writes figure9.pdf, figure9.png, extra.png, table9.csv, notes.md, notes9.txt
'''
BENCH_SCRIPT = '"""admm benchmark."""\n# writes bench.txt and bench.png\n'


def make_figures(root: Path) -> tuple[Path, Path]:
    """A figures directory with tiny matplotlib figures, tables and notes, and its scripts."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figs, scripts = root / "build", root / "scripts"
    (figs / "admm").mkdir(parents=True)
    scripts.mkdir()
    (scripts / "admm_figure9.py").write_text(FIG_SCRIPT)
    (scripts / "admm_benchmark.py").write_text(BENCH_SCRIPT)
    (scripts / "kgj_figures.py").write_text('"""kgj figures."""\n# writes fig2.png\n')
    fig, ax = plt.subplots(figsize=(2, 1.5))
    ax.plot([0, 1], [0, 1])
    for name in ("figure9.pdf", "figure9.png", "extra.png", "bench.png"):
        fig.savefig(figs / "admm" / name, metadata={"CreationDate": None} if name.endswith("pdf") else {})
    plt.close(fig)
    (figs / "admm" / "table9.csv").write_text(
        "panel,n_computed,n_printed,p_printed,p_computed,ok\n"
        "(a) n^IND & 100%,55.04818812345678,55,3.63,3.633180,yes\n"
        "(b) x_1 {y},0.1,0,5.13,5.138093,NO (p)\n")
    (figs / "admm" / "notes.md").write_text("intro\n\n| rho | E[p_1] |\n|---|---|\n| +0.5 | 0.536675 |\n")
    (figs / "admm" / "notes9.txt").write_text("assumed: a = 0.95  k = 10\\input{x}\n" + "line\n" * 50)
    (figs / "admm" / "bench.txt").write_text("ratio 3.0\n")
    (figs / "admm" / "results.json").write_text("{}")  # JSON under a paper: ignored
    return figs, scripts


def _flat(tex: str) -> str:
    return tex.replace(r"\allowbreak{}", "")


def test_figures_and_tables_are_included(results, tmp_path):
    figs, scripts = make_figures(tmp_path)
    opts = render.Options(figures_dir=figs, scripts_dir=scripts)
    built = render.build(results, tmp_path / "a", opts, pdf=False)
    tex = built.tex_path.read_text()
    sec = tex[tex.index(r"\section{Figures and tables}"):tex.index(r"\section{Claims in paper order}")]
    # the vector version is preferred; a PNG-only figure is included as raster
    assert r"\includegraphics[width=\linewidth,height=0.42\textheight,keepaspectratio]{admm/figure9.pdf}" in sec
    assert "{admm/figure9.png}" not in sec and "{admm/extra.png}" in sec
    assert "(raster: the script writes no PDF)" in sec
    # captions name the script; its docstring (and the assumptions paragraph) is shown, escaped
    assert r"made by \texttt{scripts/admm\_figure9.py}" in sec
    assert r"admm Figure 9: a synthetic figure script (100\% \& \$\_\#)." in sec
    assert "Assumes v(m) = a -{} sqrt(k/m) with a\\_opt = 0.95" in sec
    # the table: printed columns shaded, each followed by ours; long floats shortened; escaped
    assert r"printed (shaded): n\_printed, p\_printed; ours: n\_computed, p\_computed" in sec
    head = re.search(r"\\textbf\{panel\}.*?\\\\", sec).group(0)
    cols = re.findall(r"\\textbf\{([^}]*)\}", head)
    assert cols == ["panel", r"n\_printed", r"n\_computed", r"p\_printed", r"p\_computed", "ok"]
    assert r"\begin{longtable}{@{}l>{\columncolor{black!8}}rr>{\columncolor{black!8}}rrl@{}}" in sec
    assert r"(a) n\textasciicircum{}IND \& 100\% & 55 & 55.0482 & 3.63 & 3.633180 & yes \\" in sec
    assert r"(b) x\_1 \{y\} & 0 & 0.1 & 5.13 & 5.138093 & NO (p) \\" in sec
    assert r"+0.5 & 0.536675 \\" in sec  # the markdown table
    # what the script printed, escaped (runs of spaces kept), truncated
    flat = _flat(sec)
    assert r"\texttt{assumed: a = 0.95\ \ k = 10\textbackslash{}input\{x\}}" in flat
    assert r"\input{x}" not in sec and "more lines in the file" in sec
    # benchmarks and JSON are left out; the kgj script's missing output is reported
    assert "bench" not in sec and "results.json" not in sec
    assert "No output of scripts/kgj\\_figures.py was found under the figures directory/kgj/; run" in sec
    assert r"\texttt{python scripts/kgj\_figures.py}" in flat
    assert any("kgj_figures.py" in n for n in built.notes)
    # determinism: same inputs, same bytes
    again = render.build(results, tmp_path / "b", opts, pdf=False).tex_path.read_bytes()
    assert again == built.tex_path.read_bytes()
    # --no-figures drops the section
    assert main(["--results", str(results), "--out", str(tmp_path / "d"), "--no-pdf", "--no-figures",
                 "--figures-dir", str(figs)]) == 0
    assert r"\section{Figures and tables}" not in (tmp_path / "d" / "report.tex").read_text()
    # a changed figure changes its recorded hash (and nothing else)
    (figs / "admm" / "extra.png").write_bytes((figs / "admm" / "extra.png").read_bytes() + b"\0")
    changed = render.build(results, tmp_path / "e", opts, pdf=False).tex_path.read_text()
    diff = [a for a, b in zip(changed.splitlines(), tex.splitlines()) if a != b]
    assert len(diff) == 1 and "extra.png" in diff[0]


def test_missing_figures_say_which_script_to_run(results, tmp_path):
    scripts = tmp_path / "scripts"
    scripts.mkdir()
    (scripts / "cczk_appC.py").write_text('"""cczk App. C."""\n# appC_table.csv\n')
    built = render.build(results, tmp_path / "o", render.Options(figures_dir=tmp_path / "nothing",
                                                                 scripts_dir=scripts), pdf=False)
    tex = _flat(built.tex_path.read_text())
    assert r"No output of scripts/cczk\_appC.py was found" in tex
    assert r"\texttt{python scripts/cczk\_appC.py}" in tex
    assert built.notes == ["figures for cczk: no output of scripts/cczk_appC.py; run: python scripts/cczk_appC.py"]
    # no scripts and no figures at all: the section says so
    tex = render.build(results, tmp_path / "p", render.Options(figures_dir=tmp_path / "nothing",
                                                               scripts_dir=tmp_path / "none"),
                       pdf=False).tex_path.read_text()
    assert r"\emph{No figure scripts and no figures were found.}" in tex


def test_make_figures_runs_scripts_with_a_timeout(tmp_path):
    from reports import figures

    scripts, figs = tmp_path / "scripts", tmp_path / "build"
    scripts.mkdir()
    (scripts / "admm_t.py").write_text(
        "import sys, pathlib\nout = pathlib.Path(sys.argv[sys.argv.index('--out') + 1])\n"
        "(out / 't.csv').write_text('a,b\\n1,2\\n')\nprint('assumed: b = 2; wrote', out / 't.csv')\n")
    (scripts / "admm_hang.py").write_text("import time\ntime.sleep(30)\n")
    (scripts / "admm_benchmark.py").write_text("raise SystemExit('benchmarks are not run')\n")
    notes = figures.make(["admm"], scripts, figs, timeout=1.5, cwd=tmp_path)
    assert notes == ["scripts/admm_hang.py timed out after 2 s", "ran scripts/admm_t.py"]
    out = (figs / "admm" / "admm_t.py.stdout.txt").read_text()
    assert out == "assumed: b = 2; wrote build/admm/t.csv\n"  # no host paths
    c = figures.collect(["admm"], figs, scripts)
    (g,) = [g for g in c["papers"][0]["groups"] if g.script == "admm_t.py"]
    assert [t["name"] for t in g.tables] == ["t.csv"]
    assert [t["name"] for t in g.texts] == ["admm_t.py.stdout.txt"]


def audit_dir(figs: Path) -> Path:
    d = figs / "audit"
    d.mkdir(parents=True)

    def kernel(name, verdict, mx, med):
        return {"name": name, "verdict": verdict, "max_bits": mx, "median_bits": med, "threshold_bits": 4,
                "points": 300, "measured": 298, "counts": {"ok": 298, "nan": 1, "inf": 0, "exception": 1}}

    (d / "kernels.json").write_text(json.dumps({"kernels": [
        kernel("admm.gaussian.payment", "pass", 1.5849625, 0.0),
        kernel("kgj.values_erm_100%_&", "fail", 57.3, 1.0)]}))
    (d / "scripted.json").write_text(json.dumps({"bound_bits": 4, "rows": [  # scripts/audit_kernels.py
        {"claim": "cczk.alpha", "implementation_index": 0, "kernel": "alpha_np", "max_bits": 6.2,
         "median_bits": 0.5, "measured": 40, "instances": 40, "nan": 0, "inf": 0, "exceptions": 0,
         "verdict": "over 4 bits", "note": "cancellation near 0 & 1_"}]}))
    one = kernel("log1p_naive", "fail", "inf", 2.0)
    one.pop("name")
    (d / "single.json").write_text(json.dumps(one))
    (d / "broken.json").write_text("{ nope")
    (d / "other.json").write_text(json.dumps({"unrelated": 1}))
    return d


def test_audit_section(results, tmp_path):
    figs = tmp_path / "build"
    audit_dir(figs)
    opts = render.Options(figures_dir=figs, scripts_dir=tmp_path)
    built = render.build(results, tmp_path / "o", opts, pdf=False)
    tex = built.tex_path.read_text()
    sec = tex[tex.index(r"\section{Floating-point audit}"):tex.index(r"\section{Claims in paper order}")]
    assert (r"\texttt{admm.gaussian.payment} & \textcolor{vsym}{pass} & 1.58 & 0.00 & 4.00 & 298/300 & 2 \\"
            in sec)
    assert r"\texttt{kgj.values\_erm\_100\%\_\&} & \textcolor{vfail}{fail} & 57.30 & 1.00" in sec
    assert r"\texttt{single} & \textcolor{vfail}{fail} & \(\infty\) & 2.00" in sec
    assert (r"\texttt{cczk.alpha\#0 alpha\_np}\newline{\scriptsize cancellation near 0 \& 1\_} & "
            r"\textcolor{vfail}{over 4 bits} & 6.20 & 0.50 & 4.00 & 40/40 & 0 \\") in sec
    assert sec.index("admm.gaussian") < sec.index("kgj.values") < sec.index("cczk.alpha") < sec.index("{single}")
    assert any("broken.json is not readable JSON" in n for n in built.notes)
    assert any("other.json: no audit results recognised" in n for n in built.notes)
    assert render.build(results, tmp_path / "p", opts, pdf=False).tex_path.read_bytes() == \
        built.tex_path.read_bytes()
    # no audit directory, or --no-audit: no section
    assert r"\section{Floating-point audit}" not in \
        render.build(results, tmp_path / "q", pdf=False).tex_path.read_text()
    assert main(["--results", str(results), "--out", str(tmp_path / "r"), "--no-pdf", "--no-audit",
                 "--figures-dir", str(figs)]) == 0
    assert r"\section{Floating-point audit}" not in (tmp_path / "r" / "report.tex").read_text()


# ----------------------------------------------------------------------------- with TeX
needs_tex = pytest.mark.skipif(render.tex_engine() is None or shutil.which("pdftotext") is None,
                               reason="no TeX engine (latexmk/pdflatex) or pdftotext on this machine")


@needs_tex
def test_pdf_contains_counts_and_errata(results, tmp_path):
    figs, scripts = make_figures(tmp_path)
    audit_dir(figs)
    built = render.build(results, tmp_path / "out", render.Options(figures_dir=figs, scripts_dir=scripts))
    assert built.pdf_path and built.pdf_path.read_bytes().startswith(b"%PDF")
    # the allow-listed statement that does not compile was switched to verbatim, nothing else
    assert len(built.verbatim_after_tex_error) == 1
    text = subprocess.run(["pdftotext", "-layout", str(built.pdf_path), "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = re.sub(r"\s+", " ", text)
    # summary: 8 claims; symbolic 1, rigorous 1, numeric 2, erratum 1, failed 1, skipped 1, error 1
    assert re.search(r"All papers\s+1\s+1\s+2\s+1\s+1\s+1\s+1\s+8\b", text), text[:3000]
    assert re.search(r"total admm\s+1\s+1\s+2\s+1\s+1\s+1\s+1\s+8\b", text)
    for c in synthetic()["claims"]:
        if c["erratum"]:
            assert c["label"] in flat
    errata = flat[flat.index("Errata"):]
    assert "Proposition 7" in errata
    # the nasty label and reason come out literally
    assert "Lemma 9 \\input{/etc/passwd} 100% & $_#^~{}" in flat
    assert "\\write18{x}" in flat
    assert "did not compile" in flat
    # figures (vector and raster), the printed-vs-ours table and the audit table made it into the PDF
    assert "figure9.pdf, made by scripts/admm_figure9.py" in flat
    assert "extra.png, made by scripts/admm_figure9.py (raster" in flat
    assert re.search(r"\(a\) n\^IND & 100% 55 55\.0482 3\.63 3\.633180 yes", flat)
    assert re.search(r"admm\.gaussian\.payment pass 1\.58 0\.00 4\.00 298/300 2", flat)
    images = subprocess.run(["pdfimages", "-list", str(built.pdf_path)], capture_output=True, text=True)
    if images.returncode == 0:
        kinds = [ln.split()[2] for ln in images.stdout.splitlines()[2:]]
        assert kinds.count("image") == 1  # one raster (extra.png); figure9 is vector


@needs_tex
def test_pdf_is_reproducible(tmp_path):
    """Same .tex -> same PDF bytes (no creation date, no random trailer id)."""
    doc = synthetic()
    doc["claims"] = [c for c in doc["claims"] if c["id"] != "admm.broken"][:3]
    raw = json.dumps(doc).encode()
    tex = render.render(doc, raw, render.Options())
    if shutil.which("pdflatex") is None:
        pytest.skip("no pdflatex")
    a, b = render.compile_tex(tex, "pdflatex"), render.compile_tex(tex, "pdflatex")
    assert a.ok and b.ok, a.message
    assert a.pdf == b.pdf


def test_inventory_coverage_lists_rows_without_a_claim(results, tmp_path):
    inv = tmp_path / "claims"
    inv.mkdir()
    (inv / "admm.md").write_text("| label | where | kind | what |\n|---|---|---|---|\n"
                                 "| eq. (1) | §2 | identity | x |\n| Lemma 77 \\| b | §9 | inequality | y |\n")
    ctx = render.context(json.loads(Path(results).read_text()), b"", render.Options(claims_dir=inv),
                         extra={"figures": {"papers": [], "assets": {}, "notes": []},
                                "audit": {"rows": [], "files": [], "notes": []}, "notes": [], "assets": {}})
    (cov,) = [v for v in ctx["coverage"] if v["paper"] == "admm"]
    assert (cov["rows"], cov["covered"]) == (2, 1)
    assert [r["label"] for r in cov["missing"]] == ["Lemma 77 | b"]
    tex = render.build(results, tmp_path / "o", render.Options(claims_dir=inv), pdf=False).tex_path.read_text()
    assert "admm 1/2" in tex and r"\label{sec:uncovered}" in tex and "Lemma 77" in tex
