"""log(1 + x) computed naively: catastrophic cancellation in 1 + x for |x| << 1."""
import numpy as np
import sympy

x = sympy.Symbol("x")
reference = sympy.log(1 + x)
domain = {"x": (1e-20, 1e3, "log")}


def implementation(x):
    return np.log(1.0 + x)
