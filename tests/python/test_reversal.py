"""Rank reversal from Python: the hand-worked case, the counts of both tests equal to ranking every
changed matrix again and checking every pair, the methods and options by name, and the errors."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_array_equal

import civitas
from civitas import ReversalTest, ValidationError


def scores(method: str, x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Higher is better, as rank_reversal scores each method."""
    if method == "topsis":
        return civitas.topsis(x, w)
    if method == "vikor":
        return -civitas.vikor(x, w).q
    if method == "spotis":
        return -civitas.spotis(x, w)
    return getattr(civitas, method)(x, w)


def reversed_pairs(before: np.ndarray, after: np.ndarray) -> int:
    return int(((before[:, None] < before[None, :]) & (after[:, None] > after[None, :])).sum())


@pytest.mark.parametrize("method", ["topsis", "vikor", "waspas", "edas", "copras", "spotis", "cocoso"])
def test_counts_are_those_of_every_pair_after_every_test(method: str) -> None:
    rng = np.random.default_rng(11)
    x = rng.uniform(1, 10, (9, 3))
    w = np.array([0.5, 0.3, 0.2])
    report = civitas.rank_reversal(x, w, method=method)
    before = civitas.rank(scores(method, x, w))
    assert_array_equal(report.ranks, before)
    for unit in range(9):
        others = np.arange(9) != unit
        after = civitas.rank(scores(method, x[others], w))
        assert report.removal[unit] == reversed_pairs(before[others], after)
        copied = civitas.rank(scores(method, np.vstack([x[others], x[unit], x[unit]]), w))[:8]
        assert report.copy[unit] == reversed_pairs(before[others], copied)
    assert report.total == report.removal.sum() + report.copy.sum()
    assert report.stable == (report.total == 0)


def test_the_hand_worked_case() -> None:
    # Min-max weighted sum: A (9, 10) is above C (10, 6) until B (2, 6) leaves and the first range
    # shrinks to [9, 10] (tests/unit/methods/test_reversal.cpp works the numbers).
    report = civitas.rank_reversal([[9, 10], [2, 6], [10, 6]], [0.6, 0.4], method="weighted_sum", copies=False)
    assert_array_equal(report.removal, [0, 1, 0])
    assert len(report.copy) == 0
    (reversal,) = report.reversals
    assert (reversal.test, reversal.unit, reversal.better, reversal.worse) == (ReversalTest.removal, 1, 0, 2)
    assert repr(report) == "Rank reversal of weighted_sum on 3 units: 1 pair reversed by leaving units out (1 of 3 units)"


def test_promethee_takes_its_preference_functions() -> None:
    rng = np.random.default_rng(5)
    x = rng.uniform(0, 10, (8, 3))
    w = np.array([0.4, 0.4, 0.2])
    report = civitas.rank_reversal(x, w, method="promethee", preference="linear", q=0.5, p=3.0, max_listed=3)
    assert_array_equal(report.ranks, civitas.rank(civitas.promethee(x, w, preference="linear", q=0.5, p=3.0).net))
    assert len(report.reversals) <= 3
    with pytest.raises(ValidationError, match="expected a preference threshold p > 0"):
        civitas.rank_reversal(x, w, method="promethee", preference="v_shape")


@pytest.mark.parametrize(
    "kwargs, path, english, chinese",
    [
        ({"x": [[1.0, 2.0], [2.0, 1.0]]}, "x", "rank reversal needs at least 3", "秩反转检验至少需要 3 个"),
        ({"max_listed": -1}, "max_listed", "expected a count >= 0", "应为 >= 0 的个数"),
        ({"method": "borda"}, "method", "unknown value 'borda'", "未知的取值 'borda'"),
        ({"weights": [0.5, 0.6]}, "weights", "the weights sum to 1.1", "权重之和为 1.1"),
    ],
)
def test_errors(kwargs, path: str, english: str, chinese: str) -> None:
    arguments = {"x": [[1.0, 2.0], [2.0, 1.0], [3.0, 3.0]], "weights": [0.5, 0.5]} | kwargs
    with pytest.raises(ValidationError) as caught:
        civitas.rank_reversal(**arguments)
    assert caught.value.path == path
    assert english in str(caught.value)
    assert chinese in caught.value.message_zh
