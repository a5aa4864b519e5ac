"""Arithmetic backends for claim formulas: sympy (symbolic), mpmath (high precision), Arb (balls).

A formula ``f(o, **values)`` only uses the operations below, so the same transcription is proved
with :data:`SYMPY`, evaluated on a precision ladder with :class:`Mp` and enclosed with :class:`Arb`.
Vectors are Python lists; matrices are the backend's matrix type, indexed ``M[i, j]``.
"""
from __future__ import annotations

from fractions import Fraction

import mpmath
import sympy


class Sympy:
    name = "sympy"
    pi = sympy.pi

    def num(self, x):
        if isinstance(x, float):
            return sympy.Float(x) if x != int(x) else sympy.Integer(int(x))
        if isinstance(x, Fraction):
            return sympy.Rational(x.numerator, x.denominator)
        return sympy.sympify(x)

    sqrt = staticmethod(sympy.sqrt)
    log = staticmethod(sympy.log)
    exp = staticmethod(sympy.exp)
    erf = staticmethod(sympy.erf)
    erfc = staticmethod(sympy.erfc)
    sin = staticmethod(sympy.sin)
    cos = staticmethod(sympy.cos)
    tan = staticmethod(sympy.tan)
    atan = staticmethod(sympy.atan)
    gamma = staticmethod(sympy.gamma)
    max = staticmethod(sympy.Max)
    min = staticmethod(sympy.Min)

    def abs(self, x):
        return sympy.Abs(x)

    def matrix(self, rows):
        return sympy.Matrix(rows)

    def diag(self, entries):
        return sympy.diag(*entries)

    def eye(self, n):
        return sympy.eye(n)

    def inv(self, m):
        return m.inv(method="ADJ") if m.shape[0] <= 3 else m.inv()

    def T(self, m):
        return m.T

    def det(self, m):
        return m.det()

    def quad(self, u, m, v):
        """u^T M v for lists u, v."""
        return (sympy.Matrix([u]) * m * sympy.Matrix(v))[0, 0]

    def row(self, m, i):
        return [m[i, j] for j in range(m.shape[1])]

    def diff(self, f, x):
        return sympy.diff(f(x), x)


class Mp:
    """mpmath at the precision of the given context (``mpmath.mp`` by default)."""

    name = "mpmath"

    def __init__(self, ctx=mpmath.mp):
        self.ctx = ctx

    @property
    def pi(self):
        return self.ctx.pi

    def num(self, x):
        if isinstance(x, Fraction):
            return self.ctx.mpf(x.numerator) / x.denominator
        return self.ctx.mpf(x)

    def sqrt(self, x):
        return self.ctx.sqrt(x)

    def log(self, x):
        return self.ctx.log(x)

    def exp(self, x):
        return self.ctx.exp(x)

    def erf(self, x):
        return self.ctx.erf(x)

    def erfc(self, x):
        return self.ctx.erfc(x)

    def sin(self, x):
        return self.ctx.sin(x)

    def cos(self, x):
        return self.ctx.cos(x)

    def tan(self, x):
        return self.ctx.tan(x)

    def atan(self, x):
        return self.ctx.atan(x)

    def gamma(self, x):
        return self.ctx.gamma(x)

    def max(self, *xs):
        return max(xs)

    def min(self, *xs):
        return min(xs)

    def abs(self, x):
        return abs(x)

    def matrix(self, rows):
        return self.ctx.matrix(rows)

    def diag(self, entries):
        return self.ctx.diag(list(entries))

    def eye(self, n):
        return self.ctx.eye(n)

    def inv(self, m):
        return self.ctx.inverse(m)

    def T(self, m):
        return m.T

    def det(self, m):
        return self.ctx.det(m)

    def quad(self, u, m, v):
        return (self.ctx.matrix([list(u)]) * m * self.ctx.matrix(list(v)))[0, 0]

    def row(self, m, i):
        return [m[i, j] for j in range(m.cols)]

    def diff(self, f, x):
        return self.ctx.diff(f, x)


class Arb:
    """python-flint Arb balls at ``prec`` bits: every result is a rigorous enclosure."""

    name = "arb"

    def __init__(self, prec: int = 200):
        import flint

        self.flint = flint
        self.prec = prec

    def __enter__(self):
        self._saved = self.flint.ctx.prec
        self.flint.ctx.prec = self.prec
        return self

    def __exit__(self, *exc):
        self.flint.ctx.prec = self._saved

    @property
    def pi(self):
        return self.flint.arb.pi()

    def num(self, x):
        if isinstance(x, Fraction):
            return self.flint.arb(x.numerator) / x.denominator
        if isinstance(x, float):
            return self.flint.arb(x)  # binary floats are exact
        return self.flint.arb(x)

    def sqrt(self, x):
        return x.sqrt()

    def log(self, x):
        return x.log()

    def exp(self, x):
        return x.exp()

    def erf(self, x):
        return x.erf()

    def erfc(self, x):
        return x.erfc()

    def sin(self, x):
        return x.sin()

    def cos(self, x):
        return x.cos()

    def tan(self, x):
        return x.tan()

    def atan(self, x):
        return x.atan()

    def gamma(self, x):
        return x.gamma()

    def _balls(self, xs):
        return [x if isinstance(x, self.flint.arb) else self.num(x) for x in xs]  # flint crashes on ints

    def max(self, *xs):
        return _fold(self.flint.arb.max, self._balls(xs))

    def min(self, *xs):
        return _fold(self.flint.arb.min, self._balls(xs))

    def abs(self, x):
        return abs(x)

    def matrix(self, rows):
        return self.flint.arb_mat(rows)

    def diag(self, entries):
        entries = list(entries)
        n = len(entries)
        m = self.flint.arb_mat(n, n)
        for i, e in enumerate(entries):
            m[i, i] = e
        return m

    def eye(self, n):
        return self.flint.arb_mat.eye(n) if hasattr(self.flint.arb_mat, "eye") else self.diag([1] * n)

    def inv(self, m):
        return m.inv()

    def T(self, m):
        return m.transpose()

    def det(self, m):
        return m.det()

    def quad(self, u, m, v):
        a = self.flint.arb_mat([list(u)])
        b = self.flint.arb_mat([[x] for x in v])
        return (a * m * b)[0, 0]

    def row(self, m, i):
        return [m[i, j] for j in range(m.ncols())]

    def diff(self, f, x):
        raise NotImplementedError("Arb backend has no numerical differentiation; use a closed form")


def _fold(f, xs):
    r = xs[0]
    for x in xs[1:]:
        r = f(r, x)
    return r


SYMPY = Sympy()
