"""Rankings from Python: published examples, equality with plain numpy implementations
(Hypothesis over numpy arrays), array layouts read alike, options as strings or enums, tie rules
of ranks and awards, and the errors bad input raises."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from numpy.testing import assert_allclose, assert_array_equal

import civitas
from civitas import AwardTier, BoundaryTies, Normalization, RankMethod, ValidationError

# ---- plain numpy references (docs/methods.md, "Rankings") ------------------------------------------


def numpy_topsis(x: np.ndarray, w: np.ndarray, benefit: np.ndarray, normalization: str = "vector") -> np.ndarray:
    if normalization == "vector":
        r = x / np.sqrt((x * x).sum(axis=0))
    else:
        span = x.max(axis=0) - x.min(axis=0)
        r = np.divide(x - x.min(axis=0), span, out=np.zeros_like(x), where=span > 0)
    v = r * w
    ideal = np.where(benefit, v.max(axis=0), v.min(axis=0))
    anti = np.where(benefit, v.min(axis=0), v.max(axis=0))
    d_best = np.sqrt(((v - ideal) ** 2).sum(axis=1))
    d_worst = np.sqrt(((v - anti) ** 2).sum(axis=1))
    return d_worst / (d_best + d_worst)


def numpy_vikor(x: np.ndarray, w: np.ndarray, benefit: np.ndarray, v: float = 0.5):
    best = np.where(benefit, x.max(axis=0), x.min(axis=0))
    worst = np.where(benefit, x.min(axis=0), x.max(axis=0))
    span = best - worst
    d = np.divide(w * (best - x), span, out=np.zeros_like(x), where=span != 0)
    s, r = d.sum(axis=1), d.max(axis=1)
    if np.ptp(s) <= 1e-12 or np.ptp(r) <= 1e-12:
        return s, r, None  # Q is 0/0 (or rounding noise): civitas refuses
    q = v * (s - s.min()) / (s.max() - s.min()) + (1 - v) * (r - r.min()) / (r.max() - r.min())
    return s, r, q


def numpy_grey(x: np.ndarray, w: np.ndarray, benefit: np.ndarray, rho: float = 0.5) -> np.ndarray:
    low, high = x.min(axis=0), x.max(axis=0)
    span = high - low
    deviation = np.divide(np.where(benefit, high - x, x - low), span, out=np.zeros_like(x), where=span > 0)
    d_min, d_max = deviation.min(), deviation.max()
    return ((d_min + rho * d_max) / (deviation + rho * d_max) * w).sum(axis=1)


def numpy_rank(scores: np.ndarray, method: str) -> np.ndarray:
    """1 = highest; ties as the names say (what scipy.stats.rankdata does, on -scores)."""
    order = np.argsort(-scores, kind="stable")
    ordinal = np.empty(len(scores), dtype=int)
    ordinal[order] = np.arange(1, len(scores) + 1)
    if method == "ordinal":
        return ordinal
    ranks = np.empty(len(scores), dtype=int)
    for i, value in enumerate(scores):
        ranks[i] = (scores > value).sum() + 1 if method == "min" else len(np.unique(scores[scores > value])) + 1
    return ranks


# ---- strategies -------------------------------------------------------------------------------------------

@st.composite
def problems(draw, min_units: int = 2):
    units = draw(st.integers(min_units, 25))
    criteria = draw(st.integers(1, 6))
    x = draw(hnp.arrays(np.float64, (units, criteria),
                        elements=st.floats(0.01, 1000.0, allow_nan=False, allow_infinity=False)))
    raw = draw(hnp.arrays(np.float64, criteria, elements=st.floats(0.05, 1.0)))
    benefit = draw(hnp.arrays(np.bool_, criteria))
    return x, raw / raw.sum(), benefit


def separated(x: np.ndarray, w: np.ndarray) -> bool:
    """Some weighted criterion varies (else TOPSIS and VIKOR rightly refuse)."""
    return bool(((x.max(axis=0) > x.min(axis=0)) & (w > 0)).any())


def barely_separated(x: np.ndarray, w: np.ndarray) -> bool:
    """Weighted criteria vary by a few units in the last place only: normalising may round the
    difference away (then the method refuses) or not, so neither answer is the right one."""
    spread = (x.max(axis=0) - x.min(axis=0)) / np.abs(x).max(axis=0)
    return separated(x, w) and not bool(((spread > 1e-9) & (w > 0)).any())


# ---- published examples -----------------------------------------------------------------------------------

FIGHTERS = np.array([
    [2.0, 1500, 20000, 5.5, 5, 9],
    [2.5, 2700, 18000, 6.5, 3, 5],
    [1.8, 2000, 21000, 4.5, 7, 7],
    [2.2, 1800, 20000, 5.0, 5, 5],
])
FIGHTER_WEIGHTS = [0.2, 0.1, 0.1, 0.1, 0.2, 0.3]
FIGHTER_BENEFIT = [True, True, True, False, True, True]


def test_topsis_hwang_yoon_fighter_aircraft():
    # Hwang & Yoon (1981), Multiple Attribute Decision Making, pp. 128-134: C* = 0.643, 0.268,
    # 0.613, 0.312 as printed (the book works with 4-decimal intermediates, hence 1e-3).
    closeness = civitas.topsis(FIGHTERS, FIGHTER_WEIGHTS, FIGHTER_BENEFIT)
    assert_allclose(closeness, [0.643, 0.268, 0.613, 0.312], atol=1e-3)
    assert_array_equal(civitas.rank(closeness), [1, 4, 2, 3])
    separations = civitas.prepare_topsis(FIGHTERS, FIGHTER_BENEFIT).separations(FIGHTER_WEIGHTS)
    assert_allclose(separations[:, 0], [0.0545, 0.1197, 0.0580, 0.1009], atol=1e-4)
    assert_allclose(separations[:, 1], [0.0983, 0.0439, 0.0920, 0.0458], atol=1e-4)


def test_vikor_opricovic_tzeng_2004():
    # Opricovic & Tzeng (2004), EJOR 156(2), 445-455, section 5: risk (a cost) and altitude.
    result = civitas.vikor([[1, 3000], [2, 3750], [5, 4500]], [0.5, 0.5], [False, True])
    assert_allclose(result.s, [0.5, 0.375, 0.5])
    assert_allclose(result.r, [0.5, 0.25, 0.5])
    assert_allclose(result.q, [1.0, 0.0, 1.0])
    assert result.compromise == [1]
    assert result.acceptable_advantage and result.acceptable_stability
    assert_array_equal(civitas.rank(result.q, "min", ascending=True), [2, 1, 2])
    assert "compromise row 1" in repr(result)


def test_grey_relational_supplier_example():
    # Si & Sun, 数学建模算法与应用: six suppliers, nine criteria (price, location and after-sales
    # service are costs), equal weights, rho 0.5; grades as printed in the worked example of
    # xyfJASON/mathematical-modeling-python, which follows the book.
    criteria_by_supplier = np.array([
        [0.83, 0.9, 0.99, 0.92, 0.87, 0.95],
        [326, 295, 340, 287, 310, 303],
        [21, 38, 25, 19, 27, 10],
        [3.2, 2.4, 2.2, 2, 0.9, 1.7],
        [0.2, 0.25, 0.12, 0.33, 0.2, 0.09],
        [0.15, 0.2, 0.14, 0.09, 0.15, 0.17],
        [250, 180, 300, 200, 150, 175],
        [0.23, 0.15, 0.27, 0.3, 0.18, 0.26],
        [0.87, 0.95, 0.99, 0.89, 0.82, 0.94],
    ])
    benefit = np.ones(9, dtype=bool)
    benefit[1:4] = False
    grades = civitas.grey_relational(criteria_by_supplier.T, np.full(9, 1 / 9), benefit)
    assert_allclose(grades, [0.462992, 0.555994, 0.649074, 0.652723, 0.493562, 0.613015], atol=1e-6)


def test_rank_tie_rules():
    # Wikipedia, "Ranking": A ahead of tied B and C ahead of D -> 1224, 1223, 1234.
    scores = [30, 20, 20, 10]
    assert_array_equal(civitas.rank(scores, "min"), [1, 2, 2, 4])
    assert_array_equal(civitas.rank(scores, RankMethod.dense), [1, 2, 2, 3])
    assert_array_equal(civitas.rank(scores, "ordinal"), [1, 2, 3, 4])
    assert_array_equal(civitas.rank(scores, "ordinal", ids=["d", "c", "b", "a"]), [1, 3, 2, 4])
    assert_array_equal(civitas.rank(scores, ascending=True), [4, 2, 2, 1])


# ---- equal to numpy, and laws -------------------------------------------------------------------------------

@settings(max_examples=150, deadline=None)
@given(problems(), st.sampled_from(["vector", "min_max"]))
def test_topsis_equals_numpy_and_stays_in_unit_interval(problem, normalization):
    x, w, benefit = problem
    assume(not barely_separated(x, w))
    if not separated(x, w):
        with pytest.raises(ValidationError):
            civitas.topsis(x, w, benefit, normalization=normalization)
        return
    closeness = civitas.topsis(x, w, benefit, normalization=normalization)
    assert_allclose(closeness, numpy_topsis(x, w, benefit, normalization), rtol=1e-9, atol=1e-12)
    assert ((closeness >= 0) & (closeness <= 1)).all()
    prepared = civitas.prepare_topsis(x, benefit, normalization)
    assert_allclose(prepared.closeness(w), closeness, rtol=1e-9, atol=1e-12)


@settings(max_examples=100, deadline=None)
@given(problems(), st.floats(0.001, 1000.0), st.data())
def test_topsis_ranks_unchanged_by_scaling_a_column(problem, factor, data):
    x, w, benefit = problem
    if not separated(x, w):
        return
    j = data.draw(st.integers(0, x.shape[1] - 1))
    scaled = x.copy()
    scaled[:, j] *= factor
    before = civitas.topsis(x, w, benefit)
    assert_allclose(civitas.topsis(scaled, w, benefit), before, rtol=1e-9, atol=1e-12)


@settings(max_examples=100, deadline=None)
@given(problems(min_units=3), st.floats(0.0, 1.0))
def test_vikor_equals_numpy(problem, v):
    x, w, benefit = problem
    s, r, q = numpy_vikor(x, w, benefit, v)
    if min(np.ptp(s), np.ptp(r)) <= 1e-9 and q is not None:
        return  # within rounding of the threshold: either answer is right
    if q is None:
        with pytest.raises(ValidationError):
            civitas.vikor(x, w, benefit, v)
        return
    result = civitas.vikor(x, w, benefit, v)
    assert_allclose(result.s, s, rtol=1e-9, atol=1e-12)
    assert_allclose(result.r, r, rtol=1e-9, atol=1e-12)
    assert_allclose(result.q, q, rtol=1e-9, atol=1e-9)
    assert result.compromise[0] == int(np.argmin(result.q))


@settings(max_examples=100, deadline=None)
@given(problems(), st.floats(0.05, 1.0))
def test_grey_relational_equals_numpy(problem, rho):
    x, w, benefit = problem
    if (x.max(axis=0) == x.min(axis=0)).all():
        with pytest.raises(ValidationError):
            civitas.grey_relational(x, w, benefit, rho)
        return
    assert_allclose(civitas.grey_relational(x, w, benefit, rho), numpy_grey(x, w, benefit, rho), rtol=1e-12)


@settings(max_examples=150, deadline=None)
@given(hnp.arrays(np.float64, st.integers(1, 30), elements=st.sampled_from([0.0, 1.5, 2.0, 7.25, -3.0])),
       st.sampled_from(["min", "dense", "ordinal"]))
def test_rank_equals_numpy(scores, method):
    assert_array_equal(civitas.rank(scores, method), numpy_rank(scores, method))
    assert_array_equal(civitas.rank(-scores, method, ascending=True), numpy_rank(scores, method))


def test_weighted_sum():
    assert_allclose(civitas.weighted_sum([[80, 90, 70], [60, 100, 50]], [0.5, 0.3, 0.2]), [81, 70])


# ---- layouts, options, reuse ----------------------------------------------------------------------------------

def test_every_layout_reads_alike():
    rng = np.random.default_rng(4)
    x = rng.uniform(1, 100, size=(40, 12))
    w = rng.dirichlet(np.ones(6))
    benefit = rng.random(6) < 0.5
    expected = civitas.topsis(np.ascontiguousarray(x[:, ::2]), w, benefit)
    assert_allclose(civitas.topsis(x[:, ::2], w, benefit), expected, rtol=1e-15)              # strided view
    assert_allclose(civitas.topsis(np.asfortranarray(x[:, ::2]), w, benefit), expected, rtol=1e-15)
    assert_allclose(civitas.topsis(x[:, ::2].astype(np.float32), w, benefit), numpy_topsis(
        x[:, ::2].astype(np.float32).astype(np.float64), w, benefit), rtol=1e-12)          # converted once
    assert_allclose(civitas.topsis(x[:, ::2].tolist(), w.tolist(), benefit.tolist()), expected, rtol=1e-15)


def test_results_are_read_only_arrays():
    closeness = civitas.topsis(FIGHTERS, FIGHTER_WEIGHTS, FIGHTER_BENEFIT)
    assert closeness.dtype == np.float64 and not closeness.flags.writeable
    ranks = civitas.rank(closeness)
    assert ranks.dtype == np.int32


def test_options_take_strings_or_enums():
    by_name = civitas.topsis(FIGHTERS, FIGHTER_WEIGHTS, FIGHTER_BENEFIT, normalization="min_max")
    by_enum = civitas.topsis(FIGHTERS, FIGHTER_WEIGHTS, FIGHTER_BENEFIT, normalization=Normalization.min_max)
    assert_array_equal(by_name, by_enum)
    with pytest.raises(ValidationError, match="expected one of 'vector', 'min_max'") as error:
        civitas.topsis(FIGHTERS, FIGHTER_WEIGHTS, normalization="l2")
    assert error.value.path == "normalization"
    with pytest.raises(ValidationError, match="civitas.RankMethod"):
        civitas.rank([1, 2], method=3)


def test_prepared_closeness_for_many_weight_vectors():
    rng = np.random.default_rng(8)
    x = rng.lognormal(size=(60, 9))
    benefit = rng.random(9) < 0.6
    draws = rng.dirichlet(np.ones(9), size=25)
    prepared = civitas.prepare_topsis(x, benefit, "min_max")
    assert (prepared.units, prepared.criteria, prepared.normalization) == (60, 9, Normalization.min_max)
    many = prepared.closeness(draws)
    assert many.shape == (60, 25)
    for k in range(25):
        assert_allclose(many[:, k], numpy_topsis(x, draws[k], benefit, "min_max"), rtol=1e-10)
    assert "60 units x 9 criteria" in repr(prepared)


# ---- awards ------------------------------------------------------------------------------------------------------

def test_county_contest_and_national_cap():
    scores = np.arange(200, dtype=float)[::-1]  # unit 0 is best
    tiers = [("特等奖", 1), ("一等奖", 5), ("二等奖", 10), ("三等奖", 25), ("优秀奖", 100)]
    awards = civitas.award(scores, tiers)
    assert awards.awarded == [1, 5, 10, 25, 100]
    assert awards.names[0] == "特等奖" and awards.names[1] == "一等奖" and awards.names[141] is None
    assert_array_equal(awards.tier[:7], [0, 1, 1, 1, 1, 1, 2])
    national = civitas.award(scores, [AwardTier("全国文明城市", share=0.10)])
    assert national.quota == [20]
    assert "全国文明城市: 20 of 20 places" in repr(national)


@pytest.mark.parametrize(("ties", "expected"), [
    ("demote", [0, 1, 1, -1, -1]),
    (BoundaryTies.admit, [0, 0, 0, 1, 1]),
    ("by_id", [0, 1, 0, 1, -1]),
])
def test_ties_at_a_tier_boundary(ties, expected):
    awards = civitas.award([90, 80, 80, 70, 60], [("first", 2), ("second", 2)], ties=ties,
                           ids=["a", "c", "b", "d", "e"])
    assert_array_equal(awards.tier, expected)


def test_ineligible_units_get_nothing_and_take_no_place():
    awards = civitas.award([99, 98, 97, 96], [AwardTier("first", count=2)], eligible=[False, True, True, True])
    assert_array_equal(awards.tier, [-1, 0, 0, -1])
    assert_array_equal(awards.ranks, [0, 1, 2, 3])
    assert (awards.eligible, awards.ineligible, len(awards)) == (3, 1, 4)


def test_award_tier_repr_round_trips():
    for tier in (AwardTier("一等奖", count=5), AwardTier("national", share=0.1), AwardTier("t", 3, 0.5)):
        assert eval(repr(tier), {"AwardTier": AwardTier}) == tier
    assert len({AwardTier("a", 1), AwardTier("a", 1)}) == 1


# ---- bad input -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("call", "path"), [
    (lambda: civitas.topsis([[1.0, np.nan], [2.0, 3.0]], [0.5, 0.5]), "x[0, 1]"),
    (lambda: civitas.topsis([[1.0, 2.0], [2.0, np.inf]], [0.5, 0.5]), "x[1, 1]"),
    (lambda: civitas.topsis([[1.0, 2.0], [2.0, 3.0]], [0.5, 0.6]), "weights"),
    (lambda: civitas.topsis([[1.0, 2.0], [2.0, 3.0]], [1.5, -0.5]), "weights[1]"),
    (lambda: civitas.topsis([[1.0, 0.0], [2.0, 0.0]], [0.5, 0.5]), "x[:, 1]"),
    (lambda: civitas.topsis([1.0, 2.0], [1.0]), "x"),
    (lambda: civitas.topsis([[1.0, 2.0]], [0.5, 0.5], benefit=[1, 0]), "benefit[0]"),
    (lambda: civitas.vikor([[1.0, 0.0], [0.0, 1.0]], [0.5, 0.5]), "x"),
    (lambda: civitas.vikor([[1.0, 0.0], [0.0, 2.0]], [0.5, 0.5], v=2), "v"),
    (lambda: civitas.grey_relational([[1.0, 2.0], [2.0, 3.0]], [0.5, 0.5], rho=0), "rho"),
    (lambda: civitas.rank([1.0, np.nan]), "scores[1]"),
    (lambda: civitas.award([1.0, 2.0], [("a", -1)]), "tiers[0].count"),
    (lambda: civitas.award([1.0, 2.0], ["a"]), "tiers[0]"),
    (lambda: civitas.prepare_topsis([[1.0, 2.0], [2.0, 3.0]]).closeness([[0.5, 0.5], [0.2, 0.2]]), "weights[1]"),
])
def test_bad_input_raises_validation_error_with_its_location(call, path):
    with pytest.raises(ValidationError) as error:
        call()
    assert error.value.path == path
    assert isinstance(error.value, ValueError)
