"""Known-true and known-false textbook statements, as claims, for testing the engine itself."""
import sympy

from derivations.claims import Claim, Erratum, Var
from derivations.domains import SPD, Index, Int, Real, Vector
from derivations.statements import Asymptotic, Compare, Defines, Equal, Monotone

x, y, a, b = sympy.symbols("x y a b", real=True)
xp, yp = sympy.symbols("x y", positive=True)
X = Var("x", Real(-10, 10))
Y = Var("y", Real(-10, 10))
XP = Var("x", Real(0.1, 10))
YP = Var("y", Real(0.1, 10))


def claim(slug, statement, variables, kind="identity", **kw):
    return Claim(id=f"test.{slug}", label=slug, section="test", kind=kind, latex=slug,
                 statement=statement, variables=tuple(variables), **kw)


TRUE = [
    claim("pythagoras", Equal(sympy.sin(x) ** 2 + sympy.cos(x) ** 2, 1), [X]),
    claim("binomial", Equal((x + y) ** 2, x**2 + 2 * x * y + y**2), [X, Y]),
    claim("am-gm", Compare(xp + yp, ">=", 2 * sympy.sqrt(xp * yp)), [XP, YP], kind="inequality"),
    claim("log-convex", Compare(sympy.log(xp), "<=", xp - 1), [XP], kind="inequality"),
    claim("exp-increasing", Monotone(sympy.exp(x), "x", "increasing"), [X], kind="monotonicity"),
    claim("sin-order-3", Asymptotic(sympy.sin(xp) - xp, "x", 3), [Var("x", Real(0.01, 1))], kind="asymptotic"),
    claim("exp-leading", Asymptotic(sympy.exp(a * xp) - 1 - a * xp, "x", 2, leading=a**2 / 2),
          [Var("x", Real(0.01, 1)), Var("a", Real(-3, 3))], kind="asymptotic"),
    claim("vanishing-remainder", Asymptotic(lambda o, x: o.exp(o.log(x)) - x, "x", 3), [Var("x", Real(0.01, 1))],
          kind="asymptotic"),
    claim("vector-of-expressions", Equal([(x + y) ** 2, x * y], [x**2 + 2 * x * y + y**2, y * x]), [X, Y]),
    # (1 + x) - 1 = x cancels completely at 30 digits for tiny x: the ladder must not call it false
    claim("cancellation", Equal(lambda o, x: (x + o.num(10) ** 40) - o.num(10) ** 40, lambda o, x: x),
          [Var("x", Real(1, 10))]),
    claim("strict-box", Compare(xp + yp, ">", sympy.sqrt(xp * yp)), [XP, YP], kind="inequality"),
    claim("inverse-transpose", Equal(lambda o, S: o.T(o.inv(S)), lambda o, S: o.inv(o.T(S))),
          [Var("n", Int(2, 4)), Var("S", SPD("n"))]),
    claim("quadratic-form", Compare(lambda o, S, v: o.quad(v, S, v), ">", 0),
          [Var("n", Int(2, 4)), Var("S", SPD("n")), Var("v", Vector("n", Real(0.5, 2)))], kind="inequality"),
]

FALSE = [
    claim("freshman-dream", Equal((x + y) ** 2, x**2 + y**2), [X, Y]),
    claim("tiny-constant", Equal(sympy.exp(x), sympy.exp(x) * (1 + sympy.Rational(1, 10**40))), [X]),
    claim("reverse-am-gm", Compare(xp + yp, "<", 2 * sympy.sqrt(xp * yp)), [XP, YP], kind="inequality"),
    claim("log-wrong-side", Compare(sympy.log(xp), ">=", xp - 1), [XP], kind="inequality"),
    claim("exp-decreasing", Monotone(sympy.exp(x), "x", "nonincreasing"), [X], kind="monotonicity"),
    claim("sin-order-4", Asymptotic(sympy.sin(xp) - xp, "x", 4), [Var("x", Real(0.01, 1))], kind="asymptotic"),
    claim("exp-wrong-leading", Asymptotic(sympy.exp(a * xp) - 1 - a * xp, "x", 2, leading=a**2 / 3),
          [Var("x", Real(0.01, 1)), Var("a", Real(0.5, 3))], kind="asymptotic"),
    claim("matrix-index", Equal(lambda o, S, i: o.inv(S)[i, i], lambda o, S, i: 1 / S[i, i]),
          [Var("n", Int(2, 3)), Var("S", SPD("n")), Var("i", Index("n"))]),
]

ERRATUM = claim(
    "printed-wrong", Equal((x + y) ** 2, x**2 + y**2), [X, Y],
    erratum=Erratum(corrected=Equal((x + y) ** 2, x**2 + 2 * x * y + y**2),
                    corrected_latex="(x+y)^2 = x^2 + 2xy + y^2", explanation="cross term dropped"))

FALSE_ERRATUM = claim(  # registered as an erratum, but the printed statement is true
    "printed-right", Equal((x + y) ** 2, x**2 + 2 * x * y + y**2), [X, Y],
    erratum=Erratum(corrected=Equal((x + y) ** 2, x**2 + 2 * x * y + y**2), corrected_latex="-",
                    explanation="not actually wrong"))

BAD_CORRECTION = claim(
    "bad-correction", Equal((x + y) ** 2, x**2 + y**2), [X, Y],
    erratum=Erratum(corrected=Equal((x + y) ** 2, x**2 + 3 * x * y + y**2), corrected_latex="-",
                    explanation="correction also wrong"))

UNDEFINED = claim("undefined", Defines(lambda o, x: o.log(x)), [Var("x", Real(-1, -0.5))], kind="definition")


def by(slug):
    """The textbook claim with this slug."""
    for c in TRUE + FALSE + [ERRATUM, FALSE_ERRATUM, BAD_CORRECTION, UNDEFINED]:
        if c.id == f"test.{slug}":
            return c
    raise KeyError(slug)

REGION_ERRATUM = claim(  # x^2 >= x fails only on (0, 1): the region points the search there
    "region-erratum", Compare(xp**2, ">=", xp), [Var("x", Real(0.1, 2))], kind="inequality",
    erratum=Erratum(corrected=Compare(xp**2, ">=", xp - sympy.Rational(1, 4)), corrected_latex="x^2 >= x - 1/4",
                    explanation="fails on (0, 1)", region=(Var("x", Real(0.2, 0.8)),)))
