"""The papers' mathematics as data: claims (sympy/ops formulas) and fast numpy implementations.

One subpackage per paper key (``admm``, ``kgj``, ``cczk``, ``cck``); each exposes ``CLAIMS``,
its claim entries in paper order.  Nothing here knows about pytest or the checking engine.
"""
