"""exp(x^2) erfc(x) with scipy.special.erfcx (scaled complementary error function)."""
import scipy.special
import sympy

x = sympy.Symbol("x")
reference = sympy.exp(x**2) * sympy.erfc(x)
domain = {"x": (1e-3, 1e4, "log")}


def implementation(x):
    return scipy.special.erfcx(x)
