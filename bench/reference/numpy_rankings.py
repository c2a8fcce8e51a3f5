"""Plain numpy weighted sum, VIKOR, grey relational analysis and dense ranks, the references
bench/python/bench_rankings.py compares civitas.weighted_sum, civitas.vikor,
civitas.grey_relational and civitas.rank with.

Written as a competent numpy user would (whole-array operations, no loop over units or
criteria), following docs/methods.md, "Rankings": the weighted sum of the values as given, VIKOR's
S, R and Q with a constant column contributing 0, grey relational grades from min-max
normalised columns, dense ranks ("1223") with 1 for the highest score. It validates nothing:
civitas does that.

Usage::

    s, r, q = vikor(x, weights, benefit, v=0.5)   # x: units x criteria
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["dense_rank", "grey_relational", "vikor", "weighted_sum"]


def weighted_sum(x: npt.ArrayLike, weights: npt.ArrayLike) -> np.ndarray:
    """sum_j w_j x_ij per unit, in the unit of x."""
    return np.asarray(x, dtype=np.float64) @ np.asarray(weights, dtype=np.float64)


def best_and_worst(x: np.ndarray, benefit: npt.ArrayLike | None) -> tuple[np.ndarray, np.ndarray]:
    """Each column's best and worst value: the largest and smallest for a benefit (None: all), else the reverse."""
    high, low = x.max(axis=0), x.min(axis=0)
    if benefit is None:
        return high, low
    benefit = np.asarray(benefit, dtype=bool)
    return np.where(benefit, high, low), np.where(benefit, low, high)


def vikor(x: npt.ArrayLike, weights: npt.ArrayLike, benefit: npt.ArrayLike | None = None,
          v: float = 0.5) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """S, R and Q per unit, lower is better (Opricovic & Tzeng 2004)."""
    x = np.asarray(x, dtype=np.float64)
    best, worst = best_and_worst(x, benefit)
    span = best - worst
    d = np.asarray(weights, dtype=np.float64) * (best - x) / np.where(span == 0, 1.0, span)
    s, r = d.sum(axis=1), d.max(axis=1)
    q = v * (s - s.min()) / (s.max() - s.min()) + (1 - v) * (r - r.min()) / (r.max() - r.min())
    return s, r, q


def grey_relational(x: npt.ArrayLike, weights: npt.ArrayLike, benefit: npt.ArrayLike | None = None,
                    rho: float = 0.5) -> np.ndarray:
    """Grey relational grade per unit, in (0, 1], higher is better (Deng 1989)."""
    x = np.asarray(x, dtype=np.float64)
    best, worst = best_and_worst(x, benefit)
    span = best - worst
    deviation = np.divide(best - x, span, out=np.zeros_like(x), where=span != 0)  # 1 - r; 0 for a constant column
    low, high = deviation.min(), deviation.max()
    return ((low + rho * high) / (deviation + rho * high)) @ np.asarray(weights, dtype=np.float64)


def dense_rank(scores: npt.ArrayLike) -> np.ndarray:
    """Dense ranks ("1223"), 1 for the highest score."""
    _, inverse = np.unique(-np.asarray(scores, dtype=np.float64), return_inverse=True)
    return inverse + 1
