"""A plain numpy rank-uncertainty analysis, the reference bench/python/bench_uncertainty.py compares
civitas.rank_uncertainty with.

It takes the draws civitas made (each draw's perturbed weights, normalisation, method and
dropped criterion: ``result.weights``, ``.normalization``, ``.method``, ``.dropped``) and
recomputes everything else from them, following docs/methods.md, "Robustness": the effective
weights, the scores of each model as batched matrix products (TOPSIS on the squared distances to
the ideal and anti-ideal, as ``prepare_topsis`` does), "min" ranks from a stable argsort per
draw, the order statistics, P(top k), P(pass), and the first-order indices (bias-corrected
correlation ratios: level sums as one-hot matrix products). Written as a competent numpy user
would: whole-array operations, loops only over the few models and over chunks of weights.
It validates nothing: civitas does that.

Usage::

    result = civitas.rank_uncertainty(x, w, benefit, draws=1000, seed=1, ...)
    ours = rank_uncertainty(x, w, benefit, result.weights, result.normalization, result.method,
                            result.dropped, top_k=..., pass_threshold=..., nominal=(0, 0))
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["draw_scores", "min_ranks", "rank_uncertainty"]

TOPSIS, WEIGHTED_SUM, VIKOR = 0, 1, 2
VECTOR, MIN_MAX = 0, 1


def min_ranks(scores: np.ndarray) -> np.ndarray:
    """'min' ranks (1 = highest, ties share the best place) of each row of a draws x units array."""
    draws, units = scores.shape
    order = np.argsort(-scores, axis=1, kind="stable")
    ordered = np.take_along_axis(scores, order, axis=1)
    new_group = np.ones((draws, units), dtype=bool)
    new_group[:, 1:] = ordered[:, 1:] != ordered[:, :-1]
    place = np.where(new_group, np.arange(1, units + 1, dtype=np.int32), 0)
    group_rank = np.maximum.accumulate(place, axis=1)
    ranks = np.empty((draws, units), dtype=np.int32)
    np.put_along_axis(ranks, order, group_rank, axis=1)
    return ranks


class _Models:
    """The prepared matrices of each model (as civitas prepares them)."""

    def __init__(self, x: np.ndarray, benefit: np.ndarray, vikor_v: float) -> None:
        low, high = x.min(axis=0), x.max(axis=0)
        span = high - low
        self.vikor_v = vikor_v
        self.topsis: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        for normalization in (VECTOR, MIN_MAX):
            if normalization == VECTOR:
                r = x / np.sqrt((x * x).sum(axis=0))
            else:
                r = np.divide(x - low, span, out=np.zeros_like(x), where=span > 0)
            r_max, r_min = r.max(axis=0), r.min(axis=0)
            best = np.where(benefit, r_max, r_min)
            worst = np.where(benefit, r_min, r_max)
            self.topsis[normalization] = ((r - best) ** 2, (r - worst) ** 2)
        gain = np.where(benefit, x - low, high - x)
        self.r = np.divide(gain, span, out=np.ones_like(x), where=span > 0)  # 1 at the best; constant: 1
        self.shortfall = 1.0 - self.r

    def scores(self, method: int, normalization: int, w: np.ndarray) -> np.ndarray:
        """draws x units scores (higher is better) for the effective weights w (draws x criteria)."""
        if method == TOPSIS:
            to_ideal, to_anti_ideal = self.topsis[normalization]
            squared = (w * w).T
            plus = np.sqrt(to_ideal @ squared)
            minus = np.sqrt(to_anti_ideal @ squared)
            return (minus / (plus + minus)).T
        if method == WEIGHTED_SUM:
            return w @ self.r.T
        # VIKOR: S by a product, R as the largest weighted shortfall, in chunks of draws.
        s = w @ self.shortfall.T
        regret = np.empty_like(s)
        units, criteria = self.shortfall.shape
        chunk = max(1, 4_000_000 // (units * criteria))
        for start in range(0, w.shape[0], chunk):
            part = w[start : start + chunk]
            regret[start : start + chunk] = (part[:, None, :] * self.shortfall[None, :, :]).max(axis=2)
        q = np.zeros_like(s)
        for values, share in ((s, self.vikor_v), (regret, 1.0 - self.vikor_v)):
            lowest = values.min(axis=1, keepdims=True)
            spread = values.max(axis=1, keepdims=True) - lowest
            q += np.divide(share * (values - lowest), spread, out=np.zeros_like(values), where=spread > 0)
        return 1.0 - q


def _effective(weights: np.ndarray, dropped: np.ndarray) -> np.ndarray:
    w = weights.copy()
    rows = np.flatnonzero(dropped >= 0)
    w[rows, dropped[rows]] = 0.0
    return w / w.sum(axis=1, keepdims=True)


def draw_scores(
    x: npt.ArrayLike,
    benefit: npt.ArrayLike | None,
    draw_weights: npt.ArrayLike,
    draw_normalization: npt.ArrayLike,
    draw_method: npt.ArrayLike,
    dropped: npt.ArrayLike,
    vikor_v: float = 0.5,
) -> np.ndarray:
    """Every draw's scores (draws x units, higher is better), as rank_uncertainty computes them."""
    x = np.asarray(x, dtype=np.float64)
    benefit = np.ones(x.shape[1], dtype=bool) if benefit is None else np.asarray(benefit, dtype=bool)
    models = _Models(x, benefit, vikor_v)
    effective = _effective(np.asarray(draw_weights, dtype=np.float64), np.asarray(dropped, dtype=np.int64))
    method = np.asarray(draw_method, dtype=np.int64)
    variant = np.where(method == TOPSIS, np.asarray(draw_normalization, dtype=np.int64), method + 1)
    out = np.empty((effective.shape[0], x.shape[0]))
    for code in np.unique(variant):
        rows = np.flatnonzero(variant == code)
        m, norm = (TOPSIS, int(code)) if code < 2 else (int(code) - 1, VECTOR)
        out[rows] = models.scores(m, norm, effective[rows])
    return out


def _between(level_sums: np.ndarray, counts: np.ndarray, n: int, totals: np.ndarray, ss_total: np.ndarray) -> np.ndarray:
    """Per unit: bias-corrected between-level variance (docs/methods.md), 0 where ss_total is 0."""
    present = counts > 0
    levels = int(present.sum())
    if levels < 2 or n <= levels:
        return np.zeros_like(ss_total)
    deviation = n * level_sums[present] - counts[present, None] * totals[None, :]
    between = (deviation * deviation / counts[present, None]).sum(axis=0) / (float(n) * float(n))
    within = np.maximum(0.0, ss_total - between)
    part = (between - (levels - 1) / (n - levels) * within) / n
    return np.where(ss_total > 0, part, 0.0)


def rank_uncertainty(
    x: npt.ArrayLike,
    weights: npt.ArrayLike,
    benefit: npt.ArrayLike | None,
    draw_weights: npt.ArrayLike,
    draw_normalization: npt.ArrayLike,
    draw_method: npt.ArrayLike,
    dropped: npt.ArrayLike,
    *,
    top_k: int = 1,
    pass_threshold: float | None = None,
    nominal: tuple[int, int] = (TOPSIS, VECTOR),
    vikor_v: float = 0.5,
    drop_one: bool = False,
    sensitivity: bool = True,
) -> dict[str, Any]:
    """The per-unit statistics and indices of civitas.rank_uncertainty for the given draws.

    ``nominal`` is (method, normalisation) of the nominal ranking, as codes (0 topsis, 1
    weighted_sum, 2 vikor; 0 vector, 1 min_max).
    """
    x = np.asarray(x, dtype=np.float64)
    w0 = np.asarray(weights, dtype=np.float64)
    units, criteria = x.shape
    benefit = np.ones(criteria, dtype=bool) if benefit is None else np.asarray(benefit, dtype=bool)
    draw_weights = np.asarray(draw_weights, dtype=np.float64)
    normalization = np.asarray(draw_normalization, dtype=np.int64)
    method = np.asarray(draw_method, dtype=np.int64)
    dropped = np.asarray(dropped, dtype=np.int64)
    n = draw_weights.shape[0]
    models = _Models(x, benefit, vikor_v)

    # Scores and ranks, one batch per model.
    effective = _effective(draw_weights, dropped)
    variant = np.where(method == TOPSIS, normalization, method + 1)
    ranks = np.empty((n, units), dtype=np.int32)
    passes = np.zeros(units, dtype=np.int64)
    for code in np.unique(variant):
        rows = np.flatnonzero(variant == code)
        m, norm = (TOPSIS, int(code)) if code < 2 else (int(code) - 1, VECTOR)
        scores = models.scores(m, norm, effective[rows])
        ranks[rows] = min_ranks(scores)
        if pass_threshold is not None:
            passes += (scores >= pass_threshold).sum(axis=0)

    out: dict[str, Any] = {}
    nominal_method, nominal_norm = nominal
    out["nominal_rank"] = min_ranks(models.scores(nominal_method, nominal_norm, w0[None, :]))[0]
    if drop_one:
        eye = np.arange(criteria)
        out["drop_one_ranks"] = min_ranks(
            models.scores(nominal_method, nominal_norm, _effective(np.tile(w0, (criteria, 1)), eye))
        ).T

    # Order statistics: the ceil(q n)-th smallest rank, in integers.
    ordered = np.sort(ranks, axis=0)
    out["median_rank"] = 0.5 * (ordered[(n - 1) // 2].astype(np.float64) + ordered[n // 2])
    out["rank_low"] = ordered[(5 * n + 99) // 100 - 1]
    out["rank_high"] = ordered[(95 * n + 99) // 100 - 1]
    totals = ranks.sum(axis=0, dtype=np.int64)
    out["mean_rank"] = totals / n
    out["p_top_k"] = (ranks <= top_k).sum(axis=0) / n
    out["p_pass"] = passes / n if pass_threshold is not None else None

    if not sensitivity:
        return out
    squares = (ranks.astype(np.int64) ** 2).sum(axis=0)
    ss_total = (n * squares - totals * totals).astype(np.float64) / n
    as_float = ranks.astype(np.float64)  # level sums as exact float products (integers < 2^53)
    parts = np.zeros((4, units))
    for f, (levels, count) in enumerate(
        ((normalization, 2), (method, 3), (dropped + 1, criteria + 1)), start=1
    ):
        onehot = np.zeros((count, n))
        onehot[levels, np.arange(n)] = 1.0
        parts[f] = _between(onehot @ as_float, onehot.sum(axis=1), n, totals, ss_total)

    # Each weight: draws in order of that weight cut into isqrt(n) equal-count bins.
    bins = math.isqrt(n)
    weight_parts = np.zeros(criteria)
    varied = np.flatnonzero(draw_weights.min(axis=0) < draw_weights.max(axis=0))
    if bins >= 2 and n > bins and varied.size:
        starts = np.arange(bins + 1) * n // bins
        bin_of_position = np.repeat(np.arange(bins), np.diff(starts))
        counts = np.diff(starts).astype(np.float64)
        chunk = max(1, 4096 // bins)
        for begin in range(0, varied.size, chunk):
            columns = varied[begin : begin + chunk]
            order = np.argsort(draw_weights[:, columns], axis=0, kind="stable")
            onehot = np.zeros((columns.size, bins, n))
            onehot[np.arange(columns.size)[:, None], bin_of_position[None, :], order.T] = 1.0
            sums = (onehot.reshape(-1, n) @ as_float).reshape(columns.size, bins, units)
            for k, j in enumerate(columns):
                part = _between(sums[k], counts, n, totals, ss_total)
                parts[0] += part
                weight_parts[j] = part.sum()
    everything = ss_total.sum() / n
    out["first_order"] = np.clip(parts.sum(axis=1) / everything, 0, 1) if everything > 0 else np.zeros(4)
    out["weight_first_order"] = np.clip(weight_parts / everything, 0, 1) if everything > 0 else np.zeros(criteria)
    variance = ss_total / n
    out["first_order_by_unit"] = np.where(
        variance > 0, np.clip(np.divide(parts, variance, out=np.zeros_like(parts), where=variance > 0), 0, 1), 0.0
    ).T
    return out
