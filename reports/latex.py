"""LaTeX escaping of data strings, and the sanitizer for printed (math) statements.

Two kinds of strings reach the report:

* **data** (labels, ids, reasons, explanations, counterexample keys and values, versions, ...):
  always escaped with :func:`escape`, so that no character of the input can act as TeX markup;
* **printed statements** (``statement``, ``erratum.printed``/``corrected``): LaTeX math from the
  claim registry, typeset in math mode only if :func:`safe_math` accepts it (an allow-list of
  harmless math control sequences and environments, balanced braces, no way out of math mode);
  otherwise they are shown escaped, verbatim (:func:`verbatim`).

Strings that are already trusted LaTeX are wrapped in :class:`Tex`; the template's ``finalize``
hook escapes every value that is not a :class:`Tex`.
"""
from __future__ import annotations

import re
import unicodedata


class Tex(str):
    """A string that is trusted LaTeX (produced by this package, never raw data)."""

    __slots__ = ()


# ----------------------------------------------------------------------------- text escaping
_ASCII = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "%": r"\%",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
    '"': r"\textquotedbl{}",
    "'": r"\textquotesingle{}",
    "`": r"\textasciigrave{}",
    "-": r"-{}",  # no -- / --- ligatures from data
}

_GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "varepsilon", "ϵ": "epsilon",
    "ζ": "zeta", "η": "eta", "θ": "theta", "ϑ": "vartheta", "ι": "iota", "κ": "kappa",
    "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi", "π": "pi", "ρ": "rho", "σ": "sigma",
    "τ": "tau", "υ": "upsilon", "φ": "phi", "ϕ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
    "Γ": "Gamma", "Δ": "Delta", "Θ": "Theta", "Λ": "Lambda", "Ξ": "Xi", "Π": "Pi", "Σ": "Sigma",
    "Υ": "Upsilon", "Φ": "Phi", "Ψ": "Psi", "Ω": "Omega",
}

_UNICODE = {
    "§": r"\S{}", "¶": r"\P{}", "–": "--", "—": "---", "‘": "`", "’": "'", "“": "``", "”": "''",
    "…": r"\ldots{}", "•": r"\textbullet{}", "°": r"\textdegree{}", "±": r"\ensuremath{\pm}",
    "×": r"\ensuremath{\times}", "·": r"\ensuremath{\cdot}", "÷": r"\ensuremath{\div}",
    "≤": r"\ensuremath{\le}", "≥": r"\ensuremath{\ge}", "≠": r"\ensuremath{\ne}",
    "≈": r"\ensuremath{\approx}", "∼": r"\ensuremath{\sim}", "∈": r"\ensuremath{\in}",
    "∉": r"\ensuremath{\notin}", "⊂": r"\ensuremath{\subset}", "⊆": r"\ensuremath{\subseteq}",
    "∪": r"\ensuremath{\cup}", "∩": r"\ensuremath{\cap}", "→": r"\ensuremath{\to}",
    "←": r"\ensuremath{\leftarrow}", "⇒": r"\ensuremath{\Rightarrow}", "⇔": r"\ensuremath{\Leftrightarrow}",
    "↦": r"\ensuremath{\mapsto}", "∞": r"\ensuremath{\infty}", "∑": r"\ensuremath{\sum}",
    "∏": r"\ensuremath{\prod}", "∫": r"\ensuremath{\int}", "∂": r"\ensuremath{\partial}",
    "∇": r"\ensuremath{\nabla}", "√": r"\ensuremath{\surd}", "∀": r"\ensuremath{\forall}",
    "∃": r"\ensuremath{\exists}", "ℝ": r"\ensuremath{\mathbb{R}}", "ℕ": r"\ensuremath{\mathbb{N}}",
    "ℤ": r"\ensuremath{\mathbb{Z}}", "𝔼": r"\ensuremath{\mathbb{E}}", "−": r"\ensuremath{-}",
    "′": r"\ensuremath{'}", "⁻": r"\ensuremath{^{-}}", "¹": r"\ensuremath{^{1}}", "²": r"\ensuremath{^{2}}",
    "³": r"\ensuremath{^{3}}", "ᵀ": r"\ensuremath{^{\top}}", "⊤": r"\ensuremath{\top}",
    "₀": r"\ensuremath{_{0}}", "₁": r"\ensuremath{_{1}}", "₂": r"\ensuremath{_{2}}",
    "ᵢ": r"\ensuremath{_{i}}", "ⱼ": r"\ensuremath{_{j}}", "\u00a0": "~", "é": r"\'{e}", "è": r"\`{e}",
    "ü": r'\"{u}', "ö": r'\"{o}', "ä": r'\"{a}',
}
for _k, _v in _GREEK.items():
    _UNICODE[_k] = r"\ensuremath{\%s}" % _v

# combining accents (after NFC normalisation some remain, e.g. q̂): accent command for text mode
_COMBINING = {"\u0302": r"\^", "\u0304": r"\=", "\u0303": r"\~", "\u0307": r"\.", "\u0308": r"\"",
              "\u0301": r"\'", "\u0300": r"\`"}


def _char(ch: str) -> str:
    if ch in _ASCII:
        return _ASCII[ch]
    if " " <= ch <= "~":
        return ch
    if ch in _UNICODE:
        return _UNICODE[ch]
    if ch in "\t\n\r\f\v":
        return " "
    # anything else (control characters, unknown symbols): a visible, harmless code point
    return r"\textsc{u+%04x}" % ord(ch) if unicodedata.category(ch)[0] != "C" else ""


def escape(value) -> Tex:
    """``value`` as LaTeX text that typesets to the same characters and cannot act as markup."""
    s = unicodedata.normalize("NFC", "" if value is None else str(value))
    s = re.sub(r"\s+", " ", s)
    out: list[str] = []
    for ch in s:
        if ch in _COMBINING and out:
            base = out.pop()
            out.append(_COMBINING[ch] + "{" + base + "}" if base and " " < base[0] <= "~"
                       and len(base) == 1 else base)
            continue
        out.append(_char(ch))
    return Tex("".join(out))


def verbatim(value) -> Tex:
    """``value`` escaped, in typewriter type, breakable after punctuation (for raw LaTeX source)."""
    s = unicodedata.normalize("NFC", "" if value is None else str(value))
    s = re.sub(r"\s+", " ", s)
    parts = []
    for ch in s:
        e = escape(ch)
        parts.append(e + r"\allowbreak{}" if not ch.isalnum() else e)
    return Tex(r"\texttt{" + "".join(parts) + "}")


# ----------------------------------------------------------------------------- math sanitizer
#: control sequences a printed statement may use (math symbols, fonts, spacing, delimiters)
SAFE_MACROS = frozenset("""
alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi
varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi
Sigma Upsilon Phi Psi Omega
frac dfrac tfrac sqrt partial nabla sum prod int oint lim limsup liminf sup inf max min arg argmax
argmin log ln exp det tr sin cos tan sinh cosh tanh erf erfc Pr E Var Cov operatorname mathrm
mathbf mathbb mathcal mathsf mathit mathtt boldsymbol bm text textrm textit textbf emph
left right big Big bigg Bigg bigl bigr Bigl Bigr biggl biggr Biggl Biggr middle
le leq ge geq ne neq lt gt approx sim simeq cong equiv propto ll gg prec preceq succ succeq
in notin ni subset subseteq supset supseteq cup cap setminus emptyset varnothing forall exists
to rightarrow leftarrow Rightarrow Leftarrow Leftrightarrow iff implies mapsto longrightarrow
infty cdot cdots ldots dots dotsc dotsb vdots ddots times div pm mp circ ast star bullet oplus otimes
top perp mid parallel vert Vert lvert rvert lVert rVert langle rangle lceil rceil lfloor rfloor
hat widehat bar overline underline tilde widetilde vec dot ddot check breve prime
quad qquad
land lor lnot neg wedge vee mathop limits nolimits displaystyle textstyle scriptstyle
binom tbinom dbinom choose over atop underbrace overbrace stackrel overset underset
mathrel mathbin mathord mathopen mathclose mathpunct phantom hphantom vphantom
begin end ell hbar Re Im aleph
""".split()) | {" ", "\\", ",", ";", ":", "!", "{", "}", "|", "_", "%", "#", "&", "$"}

#: environments a printed statement may open (they are all math-mode environments)
SAFE_ENVS = frozenset("""
matrix pmatrix bmatrix Bmatrix vmatrix Vmatrix smallmatrix cases aligned gathered split array
""".split())

# escapes that are characters, not words (\{ \} \, \; \! \| \\ \_ \% \# \& \$ \ )
_CS = re.compile(r"\\([A-Za-z@]+|.)", re.S)


def one_line(src: str) -> str:
    """Whitespace runs (newlines included) as one space: the same math, on one source line."""
    return re.sub(r"[ \t\n\r\f\v]+", " ", src).strip()


def unsafe_reason(src: str) -> str | None:
    """Why ``src`` cannot be typeset as math as it stands (None: it is safe)."""
    src = one_line(src)
    if not src or not src.strip():
        return "empty"
    if any(unicodedata.category(ch)[0] == "C" for ch in src):
        # (printable non-ASCII is fine: under pdflatex's utf8 input it is a defined character or
        # an error, which build() answers by showing that statement verbatim)
        return "control characters"
    if "^^" in src:
        return "^^ character notation"
    depth = 0
    envs: list[str] = []
    pos = 0
    while pos < len(src):
        ch = src[pos]
        if ch == "\\":
            m = _CS.match(src, pos)
            if m is None:
                return "trailing backslash"
            name = m.group(1)
            if name not in SAFE_MACROS:
                return f"control sequence \\{name} is not on the allow-list"
            if "@" in name:
                return f"control sequence \\{name}"
            pos = m.end()
            if name in ("begin", "end"):
                env = re.match(r"\{([A-Za-z*]+)\}", src[pos:])
                if env is None or env.group(1) not in SAFE_ENVS:
                    return f"\\{name} of an environment that is not on the allow-list"
                pos += env.end()
                if name == "begin":
                    envs.append(env.group(1))
                elif not envs or envs.pop() != env.group(1):
                    return "unbalanced \\begin/\\end"
            elif name in ("\\",) and not envs:
                return "line break outside an environment"
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return "unbalanced braces"
        elif ch in "$%#":
            # $ would leave math mode, % comments out the closing delimiter, # is a parameter
            return f"unescaped {ch}"
        elif ch == "&" and not envs:
            return "alignment tab outside an environment"
        pos += 1
    if depth:
        return "unbalanced braces"
    if envs:
        return "unclosed environment"
    return None


def safe_math(src: str) -> bool:
    return unsafe_reason(src) is None


def statement(src, force_verbatim: bool = False) -> Tex:
    """A printed statement: inline math if it passes the sanitizer, else escaped verbatim."""
    src = one_line("" if src is None else str(src))
    if not force_verbatim and safe_math(src):
        return Tex(r"\(\displaystyle " + src + r"\)")
    if not src.strip():
        return Tex(r"\emph{(no printed statement recorded)}")
    return verbatim(src)
