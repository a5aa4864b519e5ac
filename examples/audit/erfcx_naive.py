"""exp(x^2) erfc(x) computed naively: erfc underflows and exp overflows for large x (0 * inf)."""
import numpy as np
import scipy.special
import sympy

x = sympy.Symbol("x")
reference = sympy.exp(x**2) * sympy.erfc(x)
domain = {"x": (1e-3, 1e4, "log")}


def implementation(x):
    return np.exp(x * x) * scipy.special.erfc(x)
