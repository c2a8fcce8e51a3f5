"""A plain numpy TOPSIS, the reference bench/python/bench_topsis.py compares civitas.topsis with.

Written as a competent numpy user would (whole-array operations, no loop over units or
criteria), following docs/methods.md, "Rankings": the same normalisations and the same rule for
a constant column under min-max (it contributes 0). It validates nothing: civitas does that.

Usage::

    closeness = topsis(x, weights, benefit, normalization="vector")   # x: units x criteria
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["topsis"]


def topsis(
    x: npt.ArrayLike,
    weights: npt.ArrayLike,
    benefit: npt.ArrayLike | None = None,
    normalization: str = "vector",
) -> np.ndarray:
    """Closeness to the ideal per unit, in [0, 1]; benefit is True where higher is better (None: all)."""
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(weights, dtype=np.float64)
    benefit = np.ones(x.shape[1], dtype=bool) if benefit is None else np.asarray(benefit, dtype=bool)
    if normalization == "vector":
        r = x / np.linalg.norm(x, axis=0)
    elif normalization == "min_max":
        low = x.min(axis=0)
        span = x.max(axis=0) - low
        r = np.divide(x - low, span, out=np.zeros_like(x), where=span > 0)
    else:
        raise ValueError(f"unknown normalization {normalization!r}")
    v = r * w
    high, low = v.max(axis=0), v.min(axis=0)
    ideal = np.where(benefit, high, low)
    anti_ideal = np.where(benefit, low, high)
    to_ideal = np.linalg.norm(v - ideal, axis=1)
    to_anti_ideal = np.linalg.norm(v - anti_ideal, axis=1)
    return to_anti_ideal / (to_ideal + to_anti_ideal)
