"""The numpy rank-uncertainty reference against cases worked by hand, and against civitas when installed."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

sys.path.insert(0, str(Path(__file__).resolve().parent))

from numpy_uncertainty import min_ranks, rank_uncertainty  # noqa: E402


def test_min_ranks_share_the_best_place():
    # A > B = C > D: competition ranks 1 2 2 4; per row.
    scores = np.array([[0.9, 0.5, 0.5, 0.1], [0.1, 0.2, 0.3, 0.4]])
    assert_array_equal(min_ranks(scores), [[1, 2, 2, 4], [4, 3, 2, 1]])


def test_statistics_of_a_hand_worked_case():
    # Two criteria, weight all on one or the other: unit 0 is best on criterion 0, unit 2 on 1.
    x = np.array([[3.0, 1.0], [2.0, 2.0], [1.0, 3.0]])
    draws = np.array([[0.9, 0.1], [0.9, 0.1], [0.1, 0.9], [0.9, 0.1]])
    zeros = np.zeros(4, dtype=np.int64)
    out = rank_uncertainty(x, [0.5, 0.5], None, draws, zeros, zeros + 1, zeros - 1, top_k=1, nominal=(1, 0))
    # Weighted sum of min-max values: (0.9, 0.5, 0.1) three times, (0.1, 0.5, 0.9) once.
    assert_array_equal(out["nominal_rank"], [1, 1, 1])  # equal weights: a three-way tie
    assert_allclose(out["median_rank"], [1, 2, 3])
    assert_array_equal(out["rank_low"], [1, 2, 1])  # ceil(0.05 x 4) = 1st smallest
    assert_array_equal(out["rank_high"], [3, 2, 3])  # ceil(0.95 x 4) = 4th smallest
    assert_allclose(out["p_top_k"], [0.75, 0.0, 0.25])
    assert_allclose(out["mean_rank"], [1.5, 2.0, 2.5])


def test_the_only_varying_factor_explains_everything():
    rng = np.random.default_rng(2)
    x = rng.uniform(1, 10, size=(30, 4))
    n = 60
    w = np.tile([0.4, 0.3, 0.2, 0.1], (n, 1))
    method = rng.integers(0, 2, size=n)
    out = rank_uncertainty(x, w[0], None, w, np.zeros(n, dtype=np.int64), method, np.full(n, -1))
    assert out["first_order"][2] == pytest.approx(1.0)
    assert out["first_order"][[0, 1, 3]].tolist() == [0.0, 0.0, 0.0]


def _compare(civitas, x, w, benefit, **options):
    result = civitas.rank_uncertainty(x, w, benefit, **options)
    methods = options.get("methods", "topsis")
    norms = options.get("normalizations", "vector")
    first = lambda value: value if isinstance(value, str) else value[0]  # noqa: E731
    nominal = ({"topsis": 0, "weighted_sum": 1, "vikor": 2}[first(methods)], {"vector": 0, "min_max": 1}[first(norms)])
    ours = rank_uncertainty(
        x, w, benefit, result.weights, result.normalization, result.method, result.dropped,
        top_k=options.get("top_k", 1), pass_threshold=options.get("pass_threshold"), nominal=nominal,
        drop_one=options.get("drop_one", False),
    )
    for name in ("nominal_rank", "median_rank", "rank_low", "rank_high", "mean_rank", "p_top_k", "p_pass", "drop_one_ranks"):
        if ours.get(name) is None:
            assert getattr(result, name) is None, name
            continue
        assert_array_equal(getattr(result, name), ours[name], err_msg=name)  # exactly
    for name in ("first_order", "weight_first_order", "first_order_by_unit"):
        assert_allclose(getattr(result, name), ours[name], rtol=1e-9, atol=1e-12, err_msg=name)
    return result


def test_same_as_civitas_with_everything_varied():
    civitas = pytest.importorskip("civitas")
    rng = np.random.default_rng(11)
    x = rng.lognormal(size=(200, 12)) * 10.0 ** rng.integers(-2, 4, size=12)
    w = rng.dirichlet(np.ones(12) * 3)
    benefit = rng.random(12) < 0.7
    result = _compare(civitas, x, w, benefit, draws=300, seed=5, concentration=60.0,
                      normalizations=["vector", "min_max"], methods=["topsis", "weighted_sum", "vikor"],
                      drop_probability=0.3, drop_one=True, top_k=10, pass_threshold=0.5)
    assert (result.dropped >= 0).any()


def test_same_as_civitas_with_uniform_weights():
    civitas = pytest.importorskip("civitas")
    rng = np.random.default_rng(12)
    x = rng.uniform(0, 100, size=(150, 7))
    w = np.full(7, 1 / 7)
    _compare(civitas, x, w, None, draws=257, seed=9, perturbation="uniform", share=0.4, top_k=3)
