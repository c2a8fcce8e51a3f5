"""Evaluating units: the worked examples of docs/scoring.md computed by hand, the mapping,
Series, DataFrame and ndarray entry points, and Hypothesis properties over numpy arrays."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import civitas
from civitas import (
    Aggregation,
    Category,
    Decision,
    Direction,
    FrameworkSpec,
    Indicator,
    Interval,
    MissingPolicy,
    Outcome,
    PassRule,
    PassRuleType,
    RuleType,
    ScoringRule,
    Tier,
    Weighting,
)

from conftest import BUNDLED_IDS, demo_spec, to_values, unit_class_for

APPROX = {"rel": 1e-12, "abs": 1e-12}

# Unit 1 of the worked example (docs/scoring.md):
#   a1 = 28: linear below F: (28 - 20) / (36 - 20) = 0.5, not met, gap 36 - 28 = 8
#   a2 = 10: proportional, lower, v > F.high: 5 / 10 = 0.5, not met, gap 10 - 5 = 5
#   b1 = 1: yes -> 1, met
#   b2 = 3: deduction (12.5 - min(2 x 3, 12.5)) / 12.5 = 0.52, not met, gap = excess count 3
#   A = 0.5 x 0.5 + 0.5 x 0.5 = 0.5; B = 0.5 x 1 + 0.5 x 0.52 = 0.76
#   total = 100 x (0.75 x 0.5 + 0.25 x 0.76) = 56.5
#   points 18.75, 18.75, 12.5, 6.5 (sum 56.5); lost 18.75, 18.75, 0, 6 (sum 43.5)
#   a1 is basic and not met: veto.
UNIT1 = {"a1": 28.0, "a2": 10.0, "b1": 1.0, "b2": 3.0}
UNIT2 = {"a1": 40.0, "a2": 3.0, "b1": 1.0, "b2": 0.0}  # everything met: 100, passed
UNIT3 = {"a1": 36.0, "b1": 0.0, "b2": 0.0}  # a2 missing


def test_worked_example_unit_scores(demo: civitas.Framework) -> None:
    e = demo.evaluate(UNIT1, unit="兰州市")
    assert e.framework == "demo"
    assert e.unit == "兰州市"
    assert e.scale == 100.0
    assert [r.id for r in e.indicators] == ["a1", "a2", "b1", "b2"]
    assert [r.score for r in e.indicators] == pytest.approx([0.5, 0.5, 1.0, 0.52], **APPROX)
    assert [r.points for r in e.indicators] == pytest.approx([18.75, 18.75, 12.5, 6.5], **APPROX)
    assert [r.max_points for r in e.indicators] == pytest.approx([37.5, 37.5, 12.5, 12.5], **APPROX)
    assert [r.outcome for r in e.indicators] == [Outcome.not_met, Outcome.not_met, Outcome.met, Outcome.not_met]
    assert e.total == pytest.approx(56.5, **APPROX)
    assert e.met == 1
    assert e.assessed == 4
    assert e.coverage == pytest.approx(1.0)


def test_worked_example_gaps_and_obstacles(demo: civitas.Framework) -> None:
    e = demo.evaluate(UNIT1)
    a1, a2, b1, b2 = e.indicators
    assert a1.gap == pytest.approx(8.0)
    assert a1.relative_gap == pytest.approx(8.0 / 36.0)
    assert a2.gap == pytest.approx(5.0)
    assert a2.relative_gap == pytest.approx(1.0)
    assert b1.gap == 0.0
    assert b2.gap == pytest.approx(3.0)
    assert b2.relative_gap is None  # the missed end is 0
    assert [r.obstacle for r in e.indicators] == pytest.approx([18.75 / 43.5, 18.75 / 43.5, 0.0, 6.0 / 43.5])
    assert sum(r.obstacle for r in e.indicators) == pytest.approx(1.0)
    assert a1.meets_improvement is False  # 28 < 40
    assert a2.meets_improvement is None  # no improvement line
    assert a1.pass_ == Interval.at_least(36.0)
    assert [r.id for r in e.shortfalls()] == ["a1", "a2", "b2"]


def test_worked_example_categories(demo: civitas.Framework) -> None:
    e = demo.evaluate(UNIT1)
    a, b = e.categories
    assert (a.id, a.name, a.depth) == ("A", "绿化", 1)
    assert a.score == pytest.approx(0.5)
    assert a.max_points == pytest.approx(75.0)
    assert a.points == pytest.approx(37.5)
    assert b.score == pytest.approx(0.76)
    assert b.points == pytest.approx(19.0)
    assert (a.met, a.assessed, a.indicators) == (0, 2, 2)
    assert (b.met, b.assessed, b.indicators) == (1, 2, 2)


def test_basic_item_not_met_vetoes(demo: civitas.Framework) -> None:
    e = demo.evaluate(UNIT1)
    assert e.passed is False
    assert e.decided_by == Decision.veto
    assert e.basic_failed == ["a1"]
    assert e.failed_rule is None
    assert e.reason == "failed: basic items not met: a1"
    assert e.reason_zh == "未通过: 基本指标未达标: a1"


def test_everything_met_passes(demo: civitas.Framework) -> None:
    e = demo.evaluate(UNIT2)
    assert e.total == pytest.approx(100.0)
    assert e.passed is True
    assert e.decided_by == Decision.passed
    assert e.met == 4
    assert e.shortfalls() == []
    assert all(r.gap == 0.0 for r in e.indicators)
    assert all(r.obstacle == 0.0 for r in e.indicators)  # nothing lost
    assert e.indicator("a1").meets_improvement is True  # 40 >= 40


def test_missing_data_fails_under_fail(demo: civitas.Framework) -> None:
    # a1 = 36 meets the line exactly (s = 1); a2 missing scores 0; b1 = 0 scores 0; b2 = 0 met.
    # A = 0.5, B = 0.5, total 50; coverage = 1 - 0.375 = 0.625; the default rule (every counted
    # indicator met) fails.
    e = demo.evaluate(UNIT3)
    a2 = e.indicator("a2")
    assert a2.outcome == Outcome.missing
    assert a2.value is None
    assert a2.counted is True
    assert a2.score == 0.0
    assert a2.gap is None
    assert e.indicator("b1").gap == pytest.approx(1.0)  # failed yes/no
    assert e.total == pytest.approx(50.0)
    assert e.coverage == pytest.approx(0.625)
    assert (e.met, e.assessed) == (2, 3)
    assert e.passed is False
    assert e.decided_by == Decision.rule


def test_missing_data_left_out_under_skip() -> None:
    # a2 skipped: A is a1 alone (score 1), B = 0.5 x 0 + 0.5 x 1 = 0.5
    # total = 100 x (0.75 x 1 + 0.25 x 0.5) = 87.5; a1's max points = 0.75 x 100
    framework = civitas.Framework(demo_spec(missing=MissingPolicy.skip))
    e = framework.evaluate(UNIT3)
    assert e.total == pytest.approx(87.5)
    assert e.indicator("a2").counted is False
    assert e.indicator("a2").max_points == 0.0
    assert e.indicator("a1").max_points == pytest.approx(75.0)
    assert e.coverage == pytest.approx(0.625)  # nominal weight, before renormalisation
    assert sum(r.points for r in e.indicators) == pytest.approx(87.5)


def _single(indicators: list[Indicator], **spec: object) -> civitas.Framework:
    return civitas.Framework(FrameworkSpec("single", name="测试", root=Category(indicators=indicators), **spec))


@pytest.mark.parametrize(
    ("value", "share"),
    [(30.0, 0.5), (40.0, 1.0), (50.0, 1.0), (60.0, 1.0), (70.0, 0.5), (20.0, 0.0), (90.0, 0.0)],
)
def test_linear_range(value: float, share: float) -> None:
    # pass [40, 60], zero [20, 80]: below F (v - 20) / 20, above F (80 - v) / 20, clamped
    framework = _single([
        Indicator("r", direction=Direction.range, pass_=Interval(40.0, 60.0),
                  scoring=ScoringRule.linear(Interval(20.0, 80.0)))
    ])
    assert framework.evaluate({"r": value}).indicator("r").score == pytest.approx(share)


def test_linear_range_gap() -> None:
    framework = _single([
        Indicator("r", direction=Direction.range, pass_=Interval(40.0, 60.0),
                  scoring=ScoringRule.linear(Interval(20.0, 80.0)))
    ])
    r = framework.evaluate({"r": 70.0}).indicator("r")
    assert r.gap == pytest.approx(10.0)
    assert r.relative_gap == pytest.approx(10.0 / 60.0)


@pytest.mark.parametrize(("value", "share"), [(5.0, 0.0), (10.0, 0.3), (25.0, 0.6), (30.0, 1.0), (99.0, 1.0)])
def test_tiers_higher(value: float, share: float) -> None:
    tiers = [Tier(at=30.0, score=1.0), Tier(at=10.0, score=0.3), Tier(at=20.0, score=0.6)]  # any order
    framework = _single([
        Indicator("t", pass_=Interval.at_least(30.0), scoring=ScoringRule(type=RuleType.tiers, tiers=tiers))
    ])
    assert framework.evaluate({"t": value}).indicator("t").score == pytest.approx(share)


@pytest.mark.parametrize(("value", "share"), [(12.0, 0.0), (10.0, 0.5), (7.0, 0.5), (5.0, 1.0)])
def test_tiers_lower(value: float, share: float) -> None:
    tiers = [Tier(at=10.0, score=0.5), Tier(at=5.0, score=1.0)]
    framework = _single([
        Indicator("t", direction=Direction.lower, pass_=Interval.at_most(5.0),
                  scoring=ScoringRule(type=RuleType.tiers, tiers=tiers))
    ])
    assert framework.evaluate({"t": value}).indicator("t").score == pytest.approx(share)


def test_proportional_higher() -> None:
    framework = _single([Indicator("p", pass_=Interval.at_least(80.0), scoring=ScoringRule(type=RuleType.proportional))])
    assert framework.evaluate({"p": 60.0}).indicator("p").score == pytest.approx(0.75)
    assert framework.evaluate({"p": 100.0}).indicator("p").score == pytest.approx(1.0)


def test_deduction_floored_and_capped() -> None:
    # one indicator holds all 100 points: 15 per problem, at most 40 deducted
    framework = _single([
        Indicator("d", direction=Direction.problem_count, scoring=ScoringRule.deduction(15.0, 40.0))
    ])
    assert framework.evaluate({"d": 1.0}).total == pytest.approx(85.0)
    assert framework.evaluate({"d": 5.0}).total == pytest.approx(60.0)  # capped at 40
    floored = _single([Indicator("d", direction=Direction.problem_count, scoring=ScoringRule.deduction(30.0))])
    assert floored.evaluate({"d": 4.0}).total == pytest.approx(0.0)


def test_geometric_aggregation() -> None:
    # c1 = 25 on a linear rule from 0 to 100: 0.25; c2 met: 1; geometric: 0.25^0.5 x 1^0.5 = 0.5
    framework = civitas.Framework(FrameworkSpec(
        "g",
        root=Category(categories=[Category("C", aggregation=Aggregation.geometric, indicators=[
            Indicator("c1", pass_=Interval.at_least(100.0), scoring=ScoringRule.linear(Interval.at_least(0.0))),
            Indicator("c2", pass_=Interval.at_least(1.0)),
        ])]),
    ))
    assert framework.evaluate({"c1": 25.0, "c2": 1.0}).total == pytest.approx(50.0)
    assert framework.evaluate({"c1": 0.0, "c2": 1.0}).total == pytest.approx(0.0)


def test_points_weighting() -> None:
    framework = civitas.Framework(FrameworkSpec(
        "p", weighting=Weighting.points,
        root=Category(indicators=[Indicator("x", weight=60.0, pass_=Interval.at_least(1.0)),
                                  Indicator("y", weight=40.0, pass_=Interval.at_least(1.0))]),
    ))
    assert framework.effective_weights.tolist() == pytest.approx([0.6, 0.4])
    e = framework.evaluate({"x": 1.0, "y": 0.0})
    assert e.total == pytest.approx(60.0)
    assert [r.max_points for r in e.indicators] == pytest.approx([60.0, 40.0])


def test_pass_by_class() -> None:
    framework = _single([Indicator("g", pass_=Interval.at_least(36.0), pass_by_class={"big": Interval.at_least(30.0)})])
    assert framework.evaluate({"g": 32.0}, unit_class="big").passed is True
    assert framework.evaluate({"g": 32.0}, unit_class="big").indicator("g").pass_ == Interval.at_least(30.0)
    assert framework.evaluate({"g": 32.0}, unit_class="small").passed is False  # no line for it: `pass`
    assert framework.evaluate({"g": 32.0}).passed is False


def test_min_coverage() -> None:
    # a1 alone has data: coverage 0.375 < 0.5, so no total
    framework = civitas.Framework(FrameworkSpec(
        "c", min_coverage=0.5, root=demo_spec().root))
    e = framework.evaluate({"a1": 40.0})
    assert e.coverage == pytest.approx(0.375)
    assert e.total is None
    assert e.decided_by == Decision.coverage
    assert e.passed is False


@pytest.mark.parametrize(("line", "passed"), [(50.0, True), (56.5, True), (60.0, False)])
def test_min_total_rule(line: float, passed: bool) -> None:
    spec = demo_spec(a1_kind=civitas.ItemKind.general)
    spec.pass_rules = [PassRule(type=PassRuleType.min_total, value=line)]
    e = civitas.Framework(spec).evaluate(UNIT1)  # total 56.5, no basic item
    assert e.passed is passed
    assert e.decided_by == (Decision.passed if passed else Decision.rule)
    if not passed:
        assert e.failed_rule == PassRule(type=PassRuleType.min_total, value=60.0)


@pytest.mark.parametrize(("share", "passed"), [(0.25, True), (0.3, False)])
def test_min_share_met_rule(share: float, passed: bool) -> None:
    spec = demo_spec(a1_kind=civitas.ItemKind.general)
    spec.pass_rules = [PassRule(type=PassRuleType.min_share_met, value=share)]
    assert civitas.Framework(spec).evaluate(UNIT1).passed is passed  # 1 of 4 met


# ---- entry points ------------------------------------------------------------------------------


def test_mapping_and_series_agree(demo: civitas.Framework) -> None:
    from_dict = demo.evaluate(UNIT1)
    series = pd.Series(UNIT1, name="兰州市")
    from_series = demo.evaluate(series)
    assert from_series.unit == "兰州市"  # the Series' name
    assert from_series.to_dict() | {"unit": ""} == from_dict.to_dict()


def test_none_and_pandas_na_are_missing(demo: civitas.Framework) -> None:
    expected = demo.evaluate(UNIT3).total
    assert demo.evaluate({**UNIT3, "a2": None}).total == expected
    assert demo.evaluate(pd.Series({**UNIT3, "a2": pd.NA}, dtype=object)).total == expected
    assert demo.evaluate(pd.Series({**UNIT3, "a2": None}, dtype="Float64")).total == expected


def test_nan_as_missing(demo: civitas.Framework) -> None:
    e = demo.evaluate({**UNIT3, "a2": math.nan}, nan_as_missing=True)
    assert e.indicator("a2").outcome == Outcome.missing
    assert e.total == pytest.approx(50.0)


def test_booleans_and_numpy_scalars(demo: civitas.Framework) -> None:
    e = demo.evaluate({"a1": np.float32(28.0), "a2": np.int64(10), "b1": True, "b2": 3})
    assert e.total == pytest.approx(56.5)


def test_values_must_be_numbers(demo: civitas.Framework) -> None:
    with pytest.raises(civitas.ValidationError, match="a1: '28'; expected a number") as error:
        demo.evaluate({"a1": "28"})
    assert error.value.message_zh == "a1: '28'；应为数值"
    with pytest.raises(civitas.ValidationError, match="values: a list; expected a mapping"):
        demo.evaluate([("a1", 28.0)])  # type: ignore[arg-type]


UNITS = ["兰州市", "城关区", "七里河区"]


def _frame() -> pd.DataFrame:
    return pd.DataFrame([UNIT1, UNIT2, {**UNIT3, "a2": math.nan}], index=UNITS)


def test_evaluate_many_frame(demo: civitas.Framework) -> None:
    batch = demo.evaluate_many(_frame(), nan_as_missing=True)
    assert len(batch) == 3
    assert batch.units == UNITS
    assert batch.indicator_ids == ["a1", "a2", "b1", "b2"]
    assert batch.category_ids == ["A", "B"]
    assert batch.totals.tolist() == pytest.approx([56.5, 100.0, 50.0])
    assert batch.passed.tolist() == [False, True, False]
    assert batch.decided_by == [Decision.veto, Decision.passed, Decision.rule]
    assert batch.ok
    assert batch.scores[0].tolist() == pytest.approx([0.5, 0.5, 1.0, 0.52])
    assert batch.outcomes[2].tolist() == [1, -1, 0, 1]
    assert batch.category_scores[0].tolist() == pytest.approx([0.5, 0.76])
    assert batch.met.tolist() == [1, 4, 2]
    assert batch.assessed.tolist() == [4, 4, 3]
    assert batch.basic_failed.tolist() == [1, 0, 0]
    assert batch.coverage.tolist() == pytest.approx([1.0, 1.0, 0.625])
    assert np.isnan(batch.values[2, 1])
    assert np.isnan(batch.gaps[2, 1])


def test_batch_arrays_are_readonly_views(demo: civitas.Framework) -> None:
    batch = demo.evaluate_many(_frame(), nan_as_missing=True)
    scores = batch.scores
    assert scores.dtype == np.float64
    assert scores.shape == (3, 4)
    assert batch.outcomes.dtype == np.int8
    assert batch.passed.dtype == np.bool_
    with pytest.raises(ValueError, match="read-only"):
        scores[0, 0] = 2.0
    del batch  # the view keeps the results alive
    assert scores[0].tolist() == pytest.approx([0.5, 0.5, 1.0, 0.52])


def _same_batch(a: civitas.BatchEvaluation, b: civitas.BatchEvaluation) -> None:
    np.testing.assert_array_equal(a.totals, b.totals)
    np.testing.assert_array_equal(a.scores, b.scores)
    np.testing.assert_array_equal(a.points, b.points)
    np.testing.assert_array_equal(a.gaps, b.gaps)
    np.testing.assert_array_equal(a.outcomes, b.outcomes)
    np.testing.assert_array_equal(a.passed, b.passed)
    assert a.decided_by == b.decided_by
    assert a.errors == b.errors


def test_evaluate_many_frame_and_arrays_agree(demo: civitas.Framework) -> None:
    frame = _frame()
    expected = demo.evaluate_many(frame, nan_as_missing=True)
    values = frame.to_numpy(dtype=np.float64)
    columns = list(frame.columns)
    c_order = np.ascontiguousarray(values)
    f_order = np.asfortranarray(values)
    assert c_order.flags.c_contiguous and f_order.flags.f_contiguous
    strided = np.zeros((3, 8))
    strided[:, ::2] = values  # neither C nor F contiguous
    for array in (c_order, f_order, strided[:, ::2], values.tolist()):
        batch = demo.evaluate_many(array, columns=columns, units=UNITS, nan_as_missing=True)
        _same_batch(batch, expected)
        assert batch.units == UNITS


def test_evaluate_many_columns_in_any_order(demo: civitas.Framework) -> None:
    frame = _frame()
    reordered = frame[["b2", "a2", "b1", "a1"]]
    _same_batch(demo.evaluate_many(reordered, nan_as_missing=True), demo.evaluate_many(frame, nan_as_missing=True))
    partial = frame[["a1", "b1", "b2"]]  # a2 missing for everyone
    assert demo.evaluate_many(partial).totals[2] == pytest.approx(50.0)


def test_batch_equals_one_by_one(demo: civitas.Framework) -> None:
    frame = _frame()
    batch = demo.evaluate_many(frame, nan_as_missing=True)
    for i, (unit, row) in enumerate(frame.iterrows()):
        alone = demo.evaluate(row, nan_as_missing=True)
        assert alone.unit == unit
        assert batch.unit(i).to_dict() == alone.to_dict()
        assert batch[i].total == alone.total
    assert [e.unit for e in batch] == UNITS
    assert batch[-1].unit == "七里河区"
    with pytest.raises(IndexError):
        batch.unit(3)


def test_classes(demo: civitas.Framework) -> None:
    framework = _single([Indicator("g", pass_=Interval.at_least(36.0), pass_by_class={"big": Interval.at_least(30.0)})])
    frame = pd.DataFrame({"g": [32.0, 32.0], "band": ["big", None]}, index=["x", "y"])
    batch = framework.evaluate_many(frame, classes="band")
    assert batch.passed.tolist() == [True, False]
    assert batch.classes == ["big", ""]
    same = framework.evaluate_many(frame[["g"]].to_numpy(), columns=["g"], classes=["big", ""])
    assert same.passed.tolist() == [True, False]


def test_batch_invalid_rows_are_reported_not_raised(demo: civitas.Framework) -> None:
    frame = pd.DataFrame([UNIT2, {**UNIT2, "a1": 120.0}, {**UNIT2, "b1": 0.5}], index=["ok", "bounds", "yes_no"])
    batch = demo.evaluate_many(frame)
    assert not batch.ok
    assert batch.decided_by == [Decision.passed, Decision.invalid, Decision.invalid]
    assert batch.errors[0] == ""
    assert batch.errors[1] and batch.errors[2]
    assert batch.passed.tolist() == [True, False, False]
    assert batch.totals[0] == pytest.approx(100.0)


def test_evaluation_to_frame(demo: civitas.Framework) -> None:
    frame = demo.evaluate(UNIT3).to_frame()
    assert list(frame.index) == ["a1", "a2", "b1", "b2"]
    assert frame.index.name == "id"
    for column in ("name", "category", "kind", "value", "outcome", "score", "points", "max_points", "gap",
                   "relative_gap", "obstacle"):
        assert column in frame.columns
    assert frame.loc["a1", "name"] == "建成区绿化覆盖率"
    assert frame.loc["a1", "category"] == "A"
    assert frame.loc["a1", "kind"] == "basic"
    assert frame.loc["a2", "outcome"] == "missing"
    assert math.isnan(frame.loc["a2", "value"])
    assert frame["points"].sum() == pytest.approx(50.0)
    assert frame.loc["b1", "gap"] == pytest.approx(1.0)


def test_evaluation_to_dict(demo: civitas.Framework) -> None:
    d = demo.evaluate(UNIT1, unit="兰州市").to_dict()
    assert d["unit"] == "兰州市"
    assert d["framework"] == "demo"
    assert d["total"] == pytest.approx(56.5)
    assert d["passed"] is False


def test_batch_frames(demo: civitas.Framework) -> None:
    batch = demo.evaluate_many(_frame(), nan_as_missing=True)
    summary = batch.to_frame()
    assert list(summary.index) == UNITS
    assert summary.index.name == "unit"
    for column in ("total", "passed", "met", "assessed", "coverage", "decided_by", "error"):
        assert column in summary.columns
    assert summary["total"].tolist() == pytest.approx([56.5, 100.0, 50.0])
    assert summary["decided_by"].tolist() == ["veto", "passed", "rule"]
    assert summary["passed"].tolist() == [False, True, False]
    scores = batch.scores_frame()
    assert list(scores.columns) == ["a1", "a2", "b1", "b2"]
    assert scores.loc["兰州市", "b2"] == pytest.approx(0.52)
    assert batch.outcomes_frame().loc["七里河区", "a2"] == "missing"
    assert batch.category_scores_frame().loc["兰州市", "B"] == pytest.approx(0.76)
    assert batch.points_frame().sum(axis=1).tolist() == pytest.approx([56.5, 100.0, 50.0])
    assert batch.gaps_frame().loc["兰州市", "a1"] == pytest.approx(8.0)
    assert batch.values_frame().loc["兰州市", "a2"] == pytest.approx(10.0)


def test_reprs(demo: civitas.Framework) -> None:
    e = demo.evaluate(UNIT1, unit="兰州市")
    assert "兰州市" in repr(e)
    assert "demo" in repr(e)
    assert "a1" in repr(e.indicator("a1"))
    assert "绿化" in repr(e.categories[0])
    batch = demo.evaluate_many(_frame(), nan_as_missing=True)
    assert "demo" in repr(batch)
    assert "3" in repr(batch)


def test_repr_reads_as_an_office_writes(demo: civitas.Framework) -> None:
    # a1 建成区绿化覆盖率 31.44 % against >= 36 %: 4.56 percentage points short, 12.7 % of the line;
    # b1 a failed yes/no item reads "pass yes", not an open line; a2 has no data and, under `fail`,
    # is named as counted not met.
    e = demo.evaluate({"a1": 31.44, "b1": 0.0, "b2": 0.0})
    text = repr(e)
    assert "a1 建成区绿化覆盖率: 31.44%, pass >= 36%, gap 4.56 percentage points, relative gap 12.7%" in text
    assert "b1 管理机构: no, pass yes," in text
    assert "any" not in text
    assert "no data, counted as not met (1):\n    a2 污染天数" in text


def test_gil_released_batch_in_threads(demo: civitas.Framework) -> None:
    from concurrent.futures import ThreadPoolExecutor

    values = np.tile(np.array([[40.0, 3.0, 1.0, 0.0]]), (2000, 1))
    with ThreadPoolExecutor(max_workers=2) as pool:
        batches = list(pool.map(lambda _: demo.evaluate_many(values, columns=["a1", "a2", "b1", "b2"]), range(4)))
    assert all(b.totals.tolist() == [100.0] * 2000 for b in batches)


# ---- Hypothesis properties over numpy arrays -------------------------------------------------

PROPERTY_IDS = ["demo", *BUNDLED_IDS]


def _framework(framework_id: str) -> civitas.Framework:
    if framework_id == "demo":
        return civitas.Framework(demo_spec())
    return civitas.load_bundled_framework(framework_id)


def _draws(columns: int) -> st.SearchStrategy[np.ndarray]:
    units = st.integers(min_value=1, max_value=6)
    return units.flatmap(lambda n: hnp.arrays(
        np.float64, (n, columns), elements=st.floats(0.0, 1.0, allow_nan=False, allow_subnormal=False)))


def _missing(columns: int) -> st.SearchStrategy[np.ndarray]:
    return hnp.arrays(np.bool_, (columns,), elements=st.booleans())


PROPERTY_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("framework_id", PROPERTY_IDS)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_property_totals_in_range(framework_id: str, data: st.DataObject) -> None:
    framework = _framework(framework_id)
    k = len(framework)
    values = to_values(framework, data.draw(_draws(k)))
    values[:, data.draw(_missing(k))] = np.nan
    unit_class = unit_class_for(framework)
    batch = framework.evaluate_many(values, columns=framework.indicator_ids, classes=[unit_class] * len(values),
                                    nan_as_missing=True)
    assert batch.ok, batch.errors
    totals = batch.totals[~np.isnan(batch.totals)]
    assert np.all(totals >= 0.0)
    assert np.all(totals <= framework.scale * (1 + 1e-12))
    assert np.all((batch.scores >= 0.0) & (batch.scores <= 1.0))
    assert np.all((batch.coverage >= 0.0) & (batch.coverage <= 1.0 + 1e-12))


@pytest.mark.parametrize("framework_id", PROPERTY_IDS)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_property_monotone_in_higher_indicators(framework_id: str, data: st.DataObject) -> None:
    framework = _framework(framework_id)
    higher = [j for j, i in enumerate(framework.indicators) if i.direction == Direction.higher]
    if not higher:
        return
    k = len(framework)
    draws = data.draw(_draws(k))
    j = data.draw(st.sampled_from(higher))
    lift = data.draw(hnp.arrays(np.float64, (len(draws),), elements=st.floats(0.0, 1.0)))
    raised = draws.copy()
    raised[:, j] = draws[:, j] + (1.0 - draws[:, j]) * lift  # never lower
    unit_class = unit_class_for(framework)
    classes = [unit_class] * len(draws)
    before = framework.evaluate_many(to_values(framework, draws), columns=framework.indicator_ids, classes=classes)
    after = framework.evaluate_many(to_values(framework, raised), columns=framework.indicator_ids, classes=classes)
    assert before.ok and after.ok
    tolerance = 1e-9 * framework.scale
    assert np.all(after.totals >= before.totals - tolerance)
    assert np.all(after.scores[:, j] >= before.scores[:, j] - 1e-12)


@pytest.mark.parametrize("framework_id", PROPERTY_IDS)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_property_batch_equals_one_by_one(framework_id: str, data: st.DataObject) -> None:
    framework = _framework(framework_id)
    k = len(framework)
    values = to_values(framework, data.draw(_draws(k)))
    values[:, data.draw(_missing(k))] = np.nan
    order = data.draw(st.permutations(range(k)))
    ids = [framework.indicator_ids[j] for j in order]
    shuffled = values[:, order]
    if data.draw(st.booleans()):
        shuffled = np.asfortranarray(shuffled)
    unit_class = unit_class_for(framework)
    units = [f"单位{i}" for i in range(len(values))]
    batch = framework.evaluate_many(shuffled, columns=ids, units=units, classes=[unit_class] * len(values),
                                    nan_as_missing=True)
    for i in range(len(values)):
        row = {ids[j]: float(shuffled[i, j]) for j in range(k) if not np.isnan(shuffled[i, j])}
        alone = framework.evaluate(row, unit=units[i], unit_class=unit_class)
        assert batch.unit(i).to_dict() == alone.to_dict()
        if alone.total is None:
            assert np.isnan(batch.totals[i])
        else:
            assert batch.totals[i] == alone.total
        assert bool(batch.passed[i]) == alone.passed
        assert batch.decided_by[i] == alone.decided_by
        assert batch.scores[i].tolist() == [r.score for r in alone.indicators]


@given(weights=hnp.arrays(np.float64, st.integers(1, 8), elements=st.floats(0.01, 100.0)))
@settings(max_examples=60, deadline=None)
def test_property_arithmetic_total_is_weighted_mean(weights: np.ndarray) -> None:
    # pass/fail indicators, the first half met: total = scale x (weight of the met ones) / (all weight)
    met = np.arange(len(weights)) < (len(weights) + 1) // 2
    framework = civitas.Framework(FrameworkSpec("w", root=Category(indicators=[
        Indicator(f"i{j}", weight=float(w), pass_=Interval.at_least(1.0)) for j, w in enumerate(weights)
    ])))
    e = framework.evaluate({f"i{j}": float(m) for j, m in enumerate(met)})
    assert e.total == pytest.approx(100.0 * weights[met].sum() / weights.sum(), rel=1e-9)


def test_works_without_pandas() -> None:
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(
        """
        import sys
        sys.modules["pandas"] = None  # import pandas now fails
        import numpy as np
        import civitas
        framework = civitas.load_bundled_framework(civitas.bundled_framework_ids()[0])
        ids = framework.indicator_ids
        e = framework.evaluate({ids[0]: None})
        batch = framework.evaluate_many(np.full((2, 1), np.nan), columns=ids[:1], nan_as_missing=True)
        assert len(batch) == 2
        try:
            e.to_frame()
        except ImportError as error:
            assert "civitas[pandas]" in str(error)
        else:
            raise AssertionError("to_frame without pandas")
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_batch_to_dict_matches_the_command_line_json(demo: civitas.Framework) -> None:
    # BatchEvaluation.to_dict() is what `civitas score --format json` writes: every unit's evaluation.
    batch = demo.evaluate_many(np.array([[30.0, 4.0, 1.0, 0.0]]), columns=["a1", "a2", "b1", "b2"], units=["兰州市"])
    d = batch.to_dict()
    assert d["framework"] == demo.id
    assert [u["unit"] for u in d["units"]] == ["兰州市"]
    assert d["units"][0] == batch.unit(0).to_dict()


def test_release_cached_memory_keeps_results_right(demo: civitas.Framework) -> None:
    # Large batches reuse the buffers of finished ones; freeing them changes no result.
    rng = np.random.default_rng(7)
    data = np.column_stack([rng.uniform(20, 50, 60000), rng.uniform(0, 10, 60000),
                            rng.integers(0, 2, 60000).astype(float), rng.integers(0, 4, 60000).astype(float)])
    before = demo.evaluate_many(data, columns=["a1", "a2", "b1", "b2"])
    totals = np.array(before.totals)
    del before
    civitas.release_cached_memory()
    after = demo.evaluate_many(data, columns=["a1", "a2", "b1", "b2"])
    np.testing.assert_array_equal(np.array(after.totals), totals)
