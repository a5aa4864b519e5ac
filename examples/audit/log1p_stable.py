"""log(1 + x) with numpy.log1p."""
import numpy as np
import sympy

x = sympy.Symbol("x")
reference = sympy.log(1 + x)
domain = {"x": (1e-20, 1e3, "log")}


def implementation(x):
    return np.log1p(x)
