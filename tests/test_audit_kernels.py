"""verify.audit.kernels: every registered kernel is enumerated, and the audit of a kernel measures
bits with the engine's measure on both routes (scalar audit machinery, engine strategy)."""
from __future__ import annotations

import numpy as np

from derivations.claims import Claim, Implementation, Var
from derivations.domains import Real, Vector
from derivations.statements import Defines
from verify.audit import kernels as K


def test_every_implementation_is_enumerated():
    from derivations.registry import all_claims

    ks = K.kernels()
    assert len(ks) == sum(len(c.implementations) for c in all_claims())
    assert len({k.key for k in ks}) == len(ks)


def _claim(function, variables, reference):
    return Claim(id="test.k", label="t", section="0", kind="definition", latex="", symbolic=None,
                 statement=Defines(reference), variables=variables,
                 implementations=(Implementation(function, reference, name="t"),))


def test_scalar_route_flags_naive_log1p_and_passes_good_one():
    x = Var("x", Real(0, 1e2, lo_open=True, sample=(1e-20, 1e2), log=True))
    ref = lambda o, x: o.log(1 + x)  # noqa: E731
    bad = _claim(lambda x: np.log(1.0 + x), (x,), ref)
    good = _claim(lambda x: np.log1p(x), (x,), ref)
    rb = K.audit_kernel(K.Kernel(bad, 0, bad.implementations[0]), budget=0.3, max_samples=60)
    rg = K.audit_kernel(K.Kernel(good, 0, good.implementations[0]), budget=0.3, max_samples=60)
    assert rb["route"].startswith("audit") and rb["max_bits"] > 50 and rb["verdict"] == "over 2 bits"
    assert rg["max_bits"] <= 2 and rg["verdict"] == "pass"


def test_structured_route_on_vectors_counts_exceptions():
    v = Var("v", Vector(3, Real(0.5, 2.0)))

    def f(v):
        if v[0] > 1.9:
            raise ValueError("boom")
        return float(np.sum(v))

    c = _claim(f, (v,), lambda o, v: v[0] + v[1] + v[2])
    r = K.audit_kernel(K.Kernel(c, 0, c.implementations[0]), budget=1.0, max_samples=30)
    assert r["route"].startswith("engine strategy")
    assert r["max_bits"] <= 2 and r["instances"] >= 20
    assert r["verdict"] in ("pass", "leak")
    if r["exceptions"]:
        assert r["exception_types"] == {"ValueError": r["exceptions"]}
