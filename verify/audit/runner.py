"""Run the implementation under audit in a spawned subprocess, one call per input, with a timeout.

The worker process imports the spec file itself (functions defined in a spec are not picklable),
answers ``("ready",)``, then evaluates batches of inputs, streaming one answer per input so that a
call that hangs or kills the process is attributed to its input.  The parent waits at most
``timeout`` seconds per call; on a timeout it kills the worker (verdict ``timeout``), on an
unexpected exit (segfault, ``os._exit``, ``MemoryError`` abort) it records ``crashed``; in both
cases a fresh worker is started for the remaining inputs, up to ``max_failures`` times.
"""
from __future__ import annotations

import multiprocessing as mp
import traceback
import warnings
from dataclasses import dataclass

import numpy as np

STARTUP_TIMEOUT = 120.0


@dataclass
class Answer:
    status: str  # "ok" | "exception" | "timeout" | "crashed" | "not-run"
    values: list | None = None  # floats (may be nan / inf) when status == "ok"
    message: str = ""
    warned: bool = False  # the call emitted a (numpy) RuntimeWarning


def _to_floats(y) -> list:
    a = np.asarray(y)
    if a.dtype == object:
        a = np.asarray([complex(t) if isinstance(t, complex) else float(t) for t in a.ravel()])
    if np.iscomplexobj(a):
        if np.any(a.imag != 0):
            raise TypeError(f"implementation returned a complex value {a.ravel()[0]!r}")
        a = a.real
    return [float(t) for t in np.asarray(a, dtype=float).ravel()]


def _call_one(impl, wanted, point):
    args = point if wanted is None else {k: v for k, v in point.items() if k in wanted}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            y = impl(**args)
            vals = _to_floats(y)
        except Exception as exc:  # noqa: BLE001 - every exception is a finding of the audit
            msg = f"{type(exc).__name__}: {exc}"
            return ("exception", None, msg[:500], bool(caught))
    warned = any(issubclass(w.category, RuntimeWarning) for w in caught)
    return ("ok", vals, "", warned)


def _worker(conn, spec_path, impl_name):
    try:
        from .evaluate_helpers import parameters
        from .spec import load_module

        module = load_module(spec_path, "_audit_spec_worker")
        impl = getattr(module, impl_name)
        wanted = parameters(impl)
    except BaseException:  # noqa: BLE001
        conn.send(("load-error", traceback.format_exc(limit=5)))
        return
    conn.send(("ready",))
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        if msg[0] == "stop":
            return
        _, start, points = msg
        for j, p in enumerate(points):
            status, vals, text, warned = _call_one(impl, wanted, p)
            conn.send((start + j, status, vals, text, warned))


class Runner:
    """A supervised worker process calling ``implementation`` from ``spec_path``."""

    def __init__(self, spec_path: str, timeout: float = 5.0, max_failures: int = 3,
                 impl_name: str = "implementation"):
        self.spec_path = str(spec_path)
        self.timeout = float(timeout)
        self.max_failures = max_failures
        self.impl_name = impl_name
        self.ctx = mp.get_context("spawn")
        self.proc = None
        self.conn = None
        self.timeouts = 0
        self.crashes = 0
        self.log: list[str] = []

    # -- process management
    def _start(self):
        parent, child = self.ctx.Pipe()
        self.proc = self.ctx.Process(target=_worker, args=(child, self.spec_path, self.impl_name),
                                     daemon=True)
        self.proc.start()
        child.close()
        self.conn = parent
        if not parent.poll(STARTUP_TIMEOUT):
            self._kill()
            raise RuntimeError(f"worker did not start within {STARTUP_TIMEOUT:g} s")
        try:
            msg = parent.recv()
        except EOFError:
            self._kill()
            raise RuntimeError("worker died while loading the spec") from None
        if msg[0] != "ready":
            self._kill()
            raise RuntimeError(f"worker could not load the spec:\n{msg[1]}")

    def _kill(self):
        if self.proc is not None:
            if self.proc.is_alive():
                self.proc.kill()
            self.proc.join(5)
        if self.conn is not None:
            self.conn.close()
        self.proc = self.conn = None

    def close(self):
        if self.proc is not None and self.proc.is_alive():
            try:
                self.conn.send(("stop",))
            except (OSError, BrokenPipeError):
                pass
            self.proc.join(0.3)
        self._kill()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def exhausted(self) -> bool:
        return self.timeouts + self.crashes >= self.max_failures

    # -- evaluation
    def run(self, points: list[dict]) -> list[Answer]:
        """One Answer per point (``not-run`` once ``max_failures`` timeouts/crashes happened)."""
        out: list[Answer | None] = [None] * len(points)
        i = 0
        while i < len(points):
            if self.exhausted:
                for k in range(i, len(points)):
                    out[k] = Answer("not-run", message="stopped after repeated timeouts/crashes")
                break
            if self.proc is None:
                self._start()
            self.conn.send(("run", i, points[i:]))
            while i < len(points):
                if not self.conn.poll(self.timeout):
                    self.timeouts += 1
                    self.log.append(f"timeout after {self.timeout:g} s at {points[i]}")
                    out[i] = Answer("timeout", message=f"no answer within {self.timeout:g} s")
                    self._kill()
                    i += 1
                    break
                try:
                    k, status, vals, text, warned = self.conn.recv()
                except (EOFError, ConnectionResetError, OSError):
                    self.proc.join(5)
                    code = self.proc.exitcode
                    self.crashes += 1
                    self.log.append(f"worker exited with code {code} at {points[i]}")
                    out[i] = Answer("crashed", message=f"worker process died (exit code {code})")
                    self._kill()
                    i += 1
                    break
                out[k] = Answer(status, vals, text, warned)
                i = k + 1
        return out

