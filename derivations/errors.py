"""Errors raised on bad input: each names the violated condition."""


class DomainError(ValueError):
    """An input lies outside the domain a formula or lemma is stated on.

    The message names the condition (e.g. ``"Sigma must be symmetric positive definite"``)
    so that a caller never receives a silent NaN or a wrong number instead.
    """
