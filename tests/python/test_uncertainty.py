"""Rank uncertainty and attribution from Python: equality with the plain numpy reference
(bench/reference/numpy_uncertainty.py, Hypothesis over small random cases), the same result with
any number of threads and from the same seed, the laws (no perturbation -> the nominal rank),
options as strings or enums, results as read-only arrays and DataFrames, and bad input."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from numpy.testing import assert_allclose, assert_array_equal

import civitas
from civitas import Normalization, RankingMethod, UncertainFactor, ValidationError, WeightPerturbation

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench" / "reference"))

from numpy_uncertainty import draw_scores  # noqa: E402
from numpy_uncertainty import rank_uncertainty as numpy_rank_uncertainty  # noqa: E402

ARRAYS = ("nominal_rank", "median_rank", "rank_low", "rank_high", "mean_rank", "p_top_k", "p_pass",
          "first_order", "first_order_by_unit", "weight_first_order", "drop_one_ranks", "weights",
          "normalization", "method", "dropped", "ranks")
METHOD_CODE = {"topsis": 0, "weighted_sum": 1, "vikor": 2}
NORM_CODE = {"vector": 0, "min_max": 1}


def make_case(units: int = 60, criteria: int = 6, seed: int = 1) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.lognormal(size=(units, criteria)) * 10.0 ** rng.integers(-1, 3, size=criteria)
    w = rng.dirichlet(np.full(criteria, 3.0))
    benefit = rng.random(criteria) < 0.7
    return x, w, benefit


EVERYTHING = dict(draws=240, seed=7, concentration=40.0, normalizations=["vector", "min_max"],
                  methods=["topsis", "weighted_sum", "vikor"], drop_probability=0.3, drop_one=True, top_k=5,
                  pass_threshold=0.5, keep_ranks=True)


def assert_same(a: civitas.RankUncertainty, b: civitas.RankUncertainty) -> None:
    for name in ARRAYS:
        left, right = getattr(a, name), getattr(b, name)
        if left is None:
            assert right is None, name
        else:
            assert_array_equal(left, right, err_msg=name)


# ---- against the numpy reference -------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(
    x=hnp.arrays(np.float64, st.tuples(st.integers(2, 12), st.integers(2, 5)),
                 elements=st.floats(0.5, 100.0, allow_nan=False, allow_infinity=False)),
    seed=st.integers(0, 2**64 - 1),
    draws=st.integers(1, 80),
    methods=st.lists(st.sampled_from(["topsis", "weighted_sum", "vikor"]), min_size=1, max_size=3, unique=True),
    normalizations=st.lists(st.sampled_from(["vector", "min_max"]), min_size=1, max_size=2, unique=True),
    perturbation=st.sampled_from(["dirichlet", "uniform", "none"]),
    drop=st.sampled_from([0.0, 0.4]),
    data=st.data(),
)
def test_matches_the_numpy_reference(x, seed, draws, methods, normalizations, perturbation, drop, data):
    units, criteria = x.shape
    w = np.random.default_rng(seed % 1000).dirichlet(np.full(criteria, 2.0))
    benefit = np.array(data.draw(st.lists(st.booleans(), min_size=criteria, max_size=criteria)))
    top_k = data.draw(st.integers(1, units))
    varying = int((np.ptp(x, axis=0) > 0).sum())
    assume(varying >= 2)
    options = dict(draws=draws, seed=seed, perturbation=perturbation, concentration=20.0, share=0.3,
                   methods=methods, normalizations=normalizations, drop_probability=drop, drop_one=drop > 0,
                   top_k=top_k, pass_threshold=0.5)
    result = civitas.rank_uncertainty(x, w, benefit, **options)
    # Exact equality needs no near-ties: scores computed in another order may differ in the last bit.
    scores = draw_scores(x, benefit, result.weights, result.normalization, result.method, result.dropped)
    gaps = np.diff(np.sort(scores, axis=1), axis=1)
    assume(np.all((gaps == 0) | (gaps > 1e-9)) and np.all(np.abs(scores - 0.5) > 1e-9))
    assume(not np.any(gaps == 0))
    ours = numpy_rank_uncertainty(
        x, w, benefit, result.weights, result.normalization, result.method, result.dropped, top_k=top_k,
        pass_threshold=0.5, nominal=(METHOD_CODE[methods[0]], NORM_CODE[normalizations[0]]), drop_one=drop > 0)
    for name in ("median_rank", "rank_low", "rank_high", "mean_rank", "p_top_k", "p_pass"):
        assert_array_equal(getattr(result, name), ours[name], err_msg=name)
    for name in ("first_order", "weight_first_order", "first_order_by_unit"):
        assert_allclose(getattr(result, name), ours[name], rtol=1e-9, atol=1e-12, err_msg=name)
    for name in ("first_order", "weight_first_order", "first_order_by_unit", "p_top_k", "p_pass"):
        values = getattr(result, name)
        assert np.all((values >= 0) & (values <= 1)), name
    assert np.all(result.rank_low <= result.median_rank) and np.all(result.median_rank <= result.rank_high)


# ---- determinism -------------------------------------------------------------------------------------


def test_the_same_with_one_two_and_four_threads():
    x, w, benefit = make_case(120, 8, 2)
    one = civitas.rank_uncertainty(x, w, benefit, threads=1, **EVERYTHING)
    for threads in (2, 4, 0):
        assert_same(one, civitas.rank_uncertainty(x, w, benefit, threads=threads, **EVERYTHING))


def test_the_same_seed_gives_the_same_result():
    x, w, benefit = make_case(50, 5, 3)
    a = civitas.rank_uncertainty(x, w, benefit, **EVERYTHING)
    assert_same(a, civitas.rank_uncertainty(x, w, benefit, **EVERYTHING))
    assert_same(a, civitas.rank_uncertainty(np.asfortranarray(x), w, benefit, **EVERYTHING))
    other = civitas.rank_uncertainty(x, w, benefit, **{**EVERYTHING, "seed": 8})
    assert not np.array_equal(a.weights, other.weights)


# ---- laws --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["topsis", "weighted_sum", "vikor"])
def test_without_perturbation_every_draw_is_the_nominal_ranking(method):
    x, w, benefit = make_case(70, 6, 4)
    r = civitas.rank_uncertainty(x, w, benefit, draws=40, perturbation="none", methods=method, top_k=7)
    assert_array_equal(r.rank_low, r.nominal_rank)
    assert_array_equal(r.rank_high, r.nominal_rank)
    assert_array_equal(r.median_rank, r.nominal_rank)
    assert set(np.unique(r.p_top_k)) <= {0.0, 1.0}
    assert_array_equal(r.p_top_k == 1.0, r.nominal_rank <= 7)
    assert_array_equal(r.first_order, np.zeros(4))


def test_nominal_rank_is_the_one_off_ranking():
    x, w, benefit = make_case(80, 6, 5)
    r = civitas.rank_uncertainty(x, w, benefit, draws=5)
    assert_array_equal(r.nominal_rank, civitas.rank(civitas.topsis(x, w, benefit)))
    r = civitas.rank_uncertainty(x, w, benefit, draws=5, methods=["vikor", "topsis"])
    assert_array_equal(r.nominal_rank, civitas.rank(civitas.vikor(x, w, benefit).q, ascending=True))


def test_a_dominating_unit_is_always_first():
    x, w, benefit = make_case(50, 5, 6)
    x[0] = np.where(benefit, x.max(axis=0) * 2, x.min(axis=0) / 2)
    r = civitas.rank_uncertainty(x, w, benefit, **EVERYTHING)
    assert r.median_rank[0] == 1 and r.rank_high[0] == 1 and r.p_top_k[0] == 1.0
    assert np.all(r.drop_one_ranks[0] == 1)


def test_the_sensitivity_factors_are_named_in_order():
    x, w, benefit = make_case(40, 4, 7)
    r = civitas.rank_uncertainty(x, w, benefit, draws=200, perturbation="none", methods=["topsis", "vikor"])
    assert r.factors == [f.name for f in UncertainFactor]
    assert r.first_order[UncertainFactor.method.value] == pytest.approx(1.0)


# ---- interface ---------------------------------------------------------------------------------------


def test_options_as_enums_or_strings():
    x, w, benefit = make_case(30, 4, 8)
    by_name = civitas.rank_uncertainty(x, w, benefit, draws=50, perturbation="uniform",
                                       normalizations=["vector", "min_max"], methods="weighted_sum")
    by_enum = civitas.rank_uncertainty(x, w, benefit, draws=50, perturbation=WeightPerturbation.uniform,
                                       normalizations=[Normalization.vector, Normalization.min_max],
                                       methods=[RankingMethod.weighted_sum])
    assert_same(by_name, by_enum)


def test_results_are_read_only_arrays_with_a_repr_and_a_frame():
    pd = pytest.importorskip("pandas")
    x, w, benefit = make_case(30, 4, 9)
    r = civitas.rank_uncertainty(x, w, benefit, draws=64, top_k=3, pass_threshold=0.4)
    assert r.median_rank.shape == (30,) and r.weights.shape == (64, 4) and r.first_order_by_unit.shape == (30, 4)
    assert r.nominal_rank.dtype == np.int32 and r.normalization.dtype == np.int8
    assert r.ranks is None and r.drop_one_ranks is None
    with pytest.raises(ValueError):
        r.median_rank[0] = 1.0
    assert "RankUncertainty: 30 units, 64 draws" in repr(r)
    assert len(r) == 30
    frame = r.to_frame(units=[f"区{i}" for i in range(30)])
    assert isinstance(frame, pd.DataFrame)
    assert frame.index[0] == "区0"
    assert list(frame.columns[:7]) == ["nominal_rank", "median_rank", "rank_low", "rank_high", "mean_rank", "p_top_k", "p_pass"]
    assert_array_equal(frame["p_top_k"].to_numpy(), r.p_top_k)


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"draws": 0}, "draws"),
        ({"concentration": 0.0}, "concentration"),
        ({"concentration": -2.0}, "concentration"),
        ({"share": 1.5}, "share"),
        ({"share": 0.0}, "share"),
        ({"top_k": 0}, "top_k"),
        ({"top_k": 31}, "top_k"),
        ({"drop_probability": 1.0}, "drop_probability"),
        ({"pass_threshold": float("nan")}, "pass_threshold"),
        ({"methods": "electre"}, "methods"),
        ({"normalizations": ["vector", "z"]}, "normalizations[1]"),
        ({"perturbation": "gaussian"}, "perturbation"),
        ({"seed": -1}, "seed"),
        ({"methods": []}, "methods"),
    ],
)
def test_bad_options_name_the_argument(change, path):
    x, w, benefit = make_case(30, 4, 10)
    with pytest.raises(ValidationError) as error:
        civitas.rank_uncertainty(x, w, benefit, **{"draws": 10, **change})
    assert error.value.path == path


def test_bad_data_names_the_argument():
    x, w, benefit = make_case(30, 4, 11)
    with pytest.raises(ValidationError, match="sum to 0.9") as error:
        civitas.rank_uncertainty(x, w * 0.9, benefit, draws=10)
    assert error.value.path == "weights"
    with pytest.raises(ValidationError) as error:
        civitas.rank_uncertainty(x, w[:3], benefit, draws=10)
    assert error.value.path == "weights"
    bad = x.copy()
    bad[3, 2] = np.nan
    with pytest.raises(ValidationError) as error:
        civitas.rank_uncertainty(bad, w, benefit, draws=10)
    assert error.value.path == "x[3, 2]"
    with pytest.raises(ValidationError) as error:
        civitas.rank_uncertainty(x[0], w, benefit, draws=10)
    assert error.value.path == "x"
    with pytest.raises(ValidationError) as error:
        civitas.rank_uncertainty(x, w, benefit[:2], draws=10)
    assert error.value.path == "benefit"


# ---- attribution -------------------------------------------------------------------------------------


def demo_values(rng: np.random.Generator) -> dict[str, float]:
    """Values for the conftest demo framework: green coverage %, pollution days, yes/no, problems."""
    return {"a1": float(rng.uniform(10, 50)), "a2": float(rng.integers(0, 12)), "b1": float(rng.integers(0, 2)),
            "b2": float(rng.integers(0, 4))}


def test_obstacle_degree_is_the_share_of_the_weighted_shortfall():
    r = np.array([[0.6, 0.2, 1.0], [1.0, 1.0, 1.0]])
    w = np.array([0.5, 0.3, 0.2])
    o = civitas.obstacle_degree(r, w)
    assert_allclose(o[0], [0.2 / 0.44, 0.24 / 0.44, 0.0], rtol=1e-15)
    assert_array_equal(o[1], 0.0)
    with pytest.raises(ValidationError) as error:
        civitas.obstacle_degree(r * 2, w)
    assert error.value.path == "r[0, 0]"


def test_obstacle_degree_of_framework_scores_is_the_evaluations_obstacle(demo):
    framework = demo
    ids = [i.id for i in framework.indicators]
    rng = np.random.default_rng(3)
    evaluations = [framework.evaluate(demo_values(rng)) for _ in range(5)]
    scores = np.array([[e.indicator(i).score for i in ids] for e in evaluations])
    obstacle = civitas.obstacle_degree(scores, framework.effective_weights)
    expected = np.array([[e.indicator(i).obstacle for i in ids] for e in evaluations])
    assert_allclose(obstacle, expected, atol=1e-12)


def test_score_change_attribution_adds_up():
    rng = np.random.default_rng(4)
    r0, r1 = rng.random((20, 6)), rng.random((20, 6))
    w0, w1 = rng.dirichlet(np.ones(6)), rng.dirichlet(np.ones(6))
    a = civitas.score_change_attribution(r0, r1, w0, w1)
    assert_allclose(a.contribution.sum(axis=1), a.change, atol=1e-14)
    assert_allclose(a.change, r1 @ w1 - r0 @ w0, atol=1e-14)
    # Shapley: each product's change split as the mean of the two orders.
    assert_allclose(a.value_effect, 0.5 * (w0 + w1) * (r1 - r0), atol=1e-15)
    assert_allclose(a.weight_effect, 0.5 * (r0 + r1) * (w1 - w0), atol=1e-15)
    same = civitas.score_change_attribution(r0, r1, w0)
    assert_array_equal(same.weight_effect, 0.0)
    assert "ScoreChangeAttribution: 20 units x 6 indicators" in repr(a)
    pd = pytest.importorskip("pandas")
    frame = a.to_frame(indicators=list("abcdef"))
    assert isinstance(frame, pd.DataFrame) and len(frame) == 120
    assert_allclose(frame["contribution"].groupby(level="unit").sum().to_numpy(), a.change, atol=1e-14)
    with pytest.raises(ValidationError) as error:
        civitas.score_change_attribution(r0, r1[:, :5], w0)
    assert error.value.path == "after"
    with pytest.raises(ValidationError) as error:
        civitas.score_change_attribution(r0, r1)
    assert error.value.path == "weights_before"


def test_score_change_between_two_evaluations(demo):
    rng = np.random.default_rng(5)
    rounds = [demo.evaluate(demo_values(rng), unit="城关区") for _ in range(2)]
    change = civitas.score_change_attribution(rounds[0], rounds[1])
    points = [np.array([r.indicator(i).points for i in change.indicators]) for r in rounds]
    assert_array_equal(change.contribution, points[1] - points[0])
    assert change.change == pytest.approx(change.contribution.sum())
    assert_allclose(change.value_effect + change.weight_effect, change.contribution, atol=1e-12)
    if change.total_change is not None:
        assert change.change == pytest.approx(change.total_change, abs=1e-9)
    frame = change.to_frame()
    assert list(frame.index) == change.indicators
    assert "EvaluationChange" in repr(change)
