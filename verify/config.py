"""Effort profiles (hypothesis examples, precision ladder, timeouts): ci, dev, deep."""
from __future__ import annotations

import os
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Config:
    profile: str = "ci"
    max_examples: int = 20
    derandomize: bool = True
    seed: int | None = None
    ladder: tuple[int, ...] = (30, 60, 120)  # decimal digits
    escalate: tuple[int, ...] = (240, 480)  # tried when the ladder does not settle
    slack: int = 12  # digits a true identity may lose to cancellation at a rung
    symbolic_timeout: float = 8.0
    rigorous_prec: int = 256  # bits for pointwise Arb certificates
    box_budget: int = 2000  # boxes for a whole-domain Arb certificate
    asymptotic_steps: int = 12
    shrink: bool = True  # minimise counterexamples (the mutation tests only need a rejection)


PROFILES = {
    "ci": Config(),
    "dev": Config(profile="dev", max_examples=60, derandomize=False, seed=0),
    "deep": Config(profile="deep", max_examples=400, derandomize=False, seed=0, symbolic_timeout=60.0,
                   box_budget=20000, asymptotic_steps=20),
}


def profile(name: str | None = None, seed: int | None = None) -> Config:
    """The named profile (default: ``ci`` under CI=true or when unset, else $VERIFY_PROFILE)."""
    name = name or os.environ.get("VERIFY_PROFILE") or "ci"
    if name not in PROFILES:
        raise ValueError(f"unknown profile {name!r}; choose one of {sorted(PROFILES)}")
    cfg = PROFILES[name]
    if seed is not None:
        cfg = replace(cfg, seed=seed, derandomize=False)
    return cfg
