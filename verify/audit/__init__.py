"""Accuracy audit of a numeric implementation against a high-precision reference formula.

``python -m verify.audit SPEC.py`` (see ``__main__``); programmatic use: ``audit(path, ...)``
returns the result dict (``report.write_json`` / ``report.table`` / ``report.plot`` render it).
Modules: ``spec`` (loading), ``sampling`` (sweep, hypothesis strategy, local moves), ``reference``
(precision ladder), ``runner`` (subprocess with timeout), ``measure`` (bits / ulps), ``core``.
"""


def __getattr__(name):  # lazy: the worker subprocess imports this package and should start fast
    if name == "audit":
        from .core import audit

        return audit
    raise AttributeError(name)
