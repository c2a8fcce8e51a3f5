"""Plain numpy objective weights, the reference bench/python/bench_weights.py compares
civitas.std_weights, civitas.critic_weights and civitas.entropy_weights with.

Written as a competent numpy user would (whole-array operations, one expression per step, no
loop over units or criteria), following docs/methods.md, "Objective weights": the same min-max
normalisation (cost columns flipped) or the values as given, standard deviations with ddof=1,
0 ln 0 = 0. It validates nothing: civitas does that.

Usage::

    w = std_weights(x, benefit, normalization="min_max")   # x: units x criteria
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["critic_weights", "entropy_weights", "normalise", "std_weights"]


def normalise(x: npt.ArrayLike, benefit: npt.ArrayLike | None = None, normalization: str = "min_max") -> np.ndarray:
    """The columns on one scale, higher better: min-max ((x - min) / span, cost (max - x) / span) or as given."""
    x = np.asarray(x, dtype=np.float64)
    if normalization == "none":
        return x
    if normalization != "min_max":
        raise ValueError(f"unknown normalization {normalization!r}")
    low, high = x.min(axis=0), x.max(axis=0)
    if benefit is None:
        return (x - low) / (high - low)
    return np.where(np.asarray(benefit, dtype=bool), x - low, high - x) / (high - low)


def std_weights(x: npt.ArrayLike, benefit: npt.ArrayLike | None = None, normalization: str = "min_max") -> np.ndarray:
    """w_j = sigma_j / sum sigma_k of the normalised columns."""
    sigma = normalise(x, benefit, normalization).std(axis=0, ddof=1)
    return sigma / sigma.sum()


def critic_weights(x: npt.ArrayLike, benefit: npt.ArrayLike | None = None, normalization: str = "min_max") -> np.ndarray:
    """C_j = sigma_j * sum_k (1 - r_jk) of the normalised columns, w_j = C_j / sum C_k (Diakoulaki et al. 1995)."""
    z = normalise(x, benefit, normalization)
    information = z.std(axis=0, ddof=1) * (1.0 - np.corrcoef(z, rowvar=False)).sum(axis=1)
    return information / information.sum()


def entropy_weights(x: npt.ArrayLike, benefit: npt.ArrayLike | None = None, normalization: str = "min_max") -> np.ndarray:
    """w_j = (1 - e_j) / sum (1 - e_k), e_j = -sum_i p_ij ln p_ij / ln m with p the column shares (0 ln 0 = 0)."""
    z = normalise(x, benefit, normalization)
    p = z / z.sum(axis=0)
    divergence = 1.0 + (p * np.log(p, out=np.zeros_like(p), where=p > 0)).sum(axis=0) / np.log(len(p))
    return divergence / divergence.sum()
