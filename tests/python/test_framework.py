"""Frameworks: the bundled files, the value types, weights, reprs and round trips."""

from __future__ import annotations

import copy
import pickle
import tempfile
from importlib import metadata
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import civitas
from civitas import (
    Aggregation,
    Category,
    Direction,
    FrameworkSpec,
    Indicator,
    Interval,
    ItemKind,
    MissingPolicy,
    PassRule,
    PassRuleType,
    Reliability,
    RuleType,
    ScoringRule,
    Tier,
    Weighting,
)

from conftest import BUNDLED_FILES, BUNDLED_IDS, demo_spec

NAMESPACE = {name: getattr(civitas, name) for name in civitas.__all__}


def test_version() -> None:
    assert civitas.__version__ == civitas.version
    assert len(civitas.__version__.split(".")) == 3
    try:
        installed = metadata.version("civitas")
    except metadata.PackageNotFoundError:  # running from a build folder
        return
    assert installed == civitas.__version__


def test_every_bundled_file_is_found() -> None:
    assert BUNDLED_IDS, "data/frameworks holds no framework"
    assert set(BUNDLED_IDS) <= set(civitas.bundled_framework_ids())
    assert civitas.bundled_framework_ids() == sorted(civitas.bundled_framework_ids())


@pytest.mark.parametrize("path", BUNDLED_FILES, ids=[p.stem for p in BUNDLED_FILES])
def test_bundled_file_loads(path: Path) -> None:
    framework = civitas.load_framework(path)
    assert framework.id == path.stem
    assert framework == civitas.load_framework(str(path))
    assert framework == civitas.load_bundled_framework(path.stem)
    assert civitas.bundled_framework_path(path.stem).name == path.name


def test_bundled_framework(bundled: civitas.Framework) -> None:
    ids = bundled.indicator_ids
    assert len(bundled) == len(ids) > 0
    assert len(set(ids)) == len(ids)
    weights = bundled.effective_weights
    assert weights.shape == (len(ids),)
    assert weights.sum() == pytest.approx(1.0, abs=1e-12)
    assert np.all(weights > 0)
    assert bundled.scale > 0
    assert bundled.name
    assert bundled.id in repr(bundled)
    assert f"{len(bundled)} indicators" in repr(bundled)
    for index, indicator_id in enumerate(ids):
        assert bundled.indicator_index(indicator_id) == index
        assert bundled.indicator(indicator_id).id == indicator_id
        assert bundled.indicator_path(index).startswith("$")
        assert indicator_id in bundled
    assert "no such indicator" not in bundled


def test_bundled_round_trips(bundled: civitas.Framework) -> None:
    assert civitas.Framework(bundled.spec) == bundled
    assert civitas.parse_framework(civitas.framework_to_json(bundled)) == bundled
    assert pickle.loads(pickle.dumps(bundled)) == bundled
    assert copy.deepcopy(bundled) == bundled
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "框架.json"
        civitas.save_framework(bundled, path)
        assert civitas.load_framework(path) == bundled


def test_bundled_spec_repr_evaluates_back(bundled: civitas.Framework) -> None:
    spec = bundled.spec
    assert eval(repr(spec), NAMESPACE) == spec  # noqa: S307 - the repr is meant to be eval-able
    for indicator in bundled.indicators:
        assert eval(repr(indicator), NAMESPACE) == indicator  # noqa: S307


def test_demo_effective_weights() -> None:
    framework = civitas.Framework(demo_spec())
    # A: 3 / (3 + 1), each of its two indicators half of that; B: 1/4, halves again
    assert framework.effective_weights.tolist() == pytest.approx([0.375, 0.375, 0.125, 0.125])
    assert framework.indicator_ids == ["a1", "a2", "b1", "b2"]
    assert framework.indicator_categories(3) == ["B"]
    assert [c.id for c in framework.categories] == ["A", "B"]
    assert framework.scale == 100.0
    assert framework.name == "示例体系"
    assert framework.id == "demo"


def test_effective_weights_are_a_readonly_view() -> None:
    framework = civitas.Framework(demo_spec())
    weights = framework.effective_weights
    with pytest.raises(ValueError, match="read-only"):
        weights[0] = 1.0
    del framework
    assert weights.tolist() == pytest.approx([0.375, 0.375, 0.125, 0.125])


def test_framework_is_immutable() -> None:
    framework = civitas.Framework(demo_spec())
    original = framework.spec
    spec = framework.spec
    spec.name = "changed"
    spec.root.categories = []
    assert framework.spec == original
    indicator = framework.indicator("a1")
    indicator.name = "changed"
    assert framework.indicator("a1").name == "建成区绿化覆盖率"


def test_value_types() -> None:
    interval = Interval(1.0, 2.0)
    assert (interval.low, interval.high) == (1.0, 2.0)
    assert Interval() == Interval(-float("inf"), float("inf"))
    assert Interval.at_least(3.0) == Interval(3.0)
    assert Interval.at_most(3.0) == Interval(high=3.0)
    assert 1.5 in interval and 3.0 not in interval
    assert interval.distance(3.5) == 1.5
    assert Interval(1.0, 2.0) != Interval(1.0, 3.0)
    assert Tier(at=1.0, score=0.5) == Tier(1.0, 0.5)
    assert PassRule(PassRuleType.min_total, 60.0).value == 60.0
    rule = ScoringRule.linear(Interval.at_least(20.0))
    assert rule.type == RuleType.linear
    assert rule.zero == Interval.at_least(20.0)
    assert rule.full is None
    assert ScoringRule.deduction(2.0, 10.0).max_deduction == 10.0
    assert ScoringRule.pass_fail() == ScoringRule()
    indicator = Indicator("x", name="绿地率", pass_=Interval.at_least(31.0), kind=ItemKind.basic)
    assert indicator.direction == Direction.higher
    assert indicator.weight is None
    indicator.weight = 2.0
    indicator.pass_by_class = {"big": Interval.at_least(30.0)}
    assert indicator.pass_by_class["big"] == Interval.at_least(30.0)
    assert indicator != Indicator("x")
    spec = FrameworkSpec("f")
    assert spec.scale == 100.0
    assert spec.weighting == Weighting.relative
    assert spec.missing == MissingPolicy.fail
    assert spec.reliability == Reliability.illustrative
    spec.root.name = "顶层"  # a struct field is a reference: this changes spec
    assert spec.root.name == "顶层"


def test_enums_are_python_enums() -> None:
    import enum

    for kind in (Direction, ItemKind, RuleType, MissingPolicy, Aggregation, Weighting, Reliability, PassRuleType,
                 civitas.Outcome, civitas.Decision):
        assert issubclass(kind, enum.Enum)
    assert [d.name for d in Direction] == ["higher", "lower", "range", "yes_no", "problem_count"]
    assert civitas.Outcome.missing.value == -1
    assert Direction["problem_count"] is Direction.problem_count


def test_reprs_evaluate_back_with_chinese_names() -> None:
    values = [
        Interval(),
        Interval(0.0, 100.0),
        Interval.at_least(36.0),
        Interval.at_most(-5.5),
        Tier(at=10.0, score=0.3),
        PassRule(type=PassRuleType.min_share_met, value=0.9),
        ScoringRule(type=RuleType.tiers, tiers=[Tier(1.0, 0.5)]),
        ScoringRule.deduction(2.0, 10.0),
        demo_spec().root,
        demo_spec(),
    ]
    for value in values:
        assert eval(repr(value), NAMESPACE) == value  # noqa: S307
    assert "建成区绿化覆盖率" in repr(demo_spec())
    assert repr(Interval.at_least(36.0)) == "Interval.at_least(36.0)"
    assert repr(Indicator("g", name="绿地率")) == "Indicator(id='g', name='绿地率')"


def test_chinese_names_survive_json_round_trip() -> None:
    framework = civitas.Framework(demo_spec())
    text = civitas.framework_to_json(framework)
    assert "示例体系" in text  # written as UTF-8, not escaped
    again = civitas.parse_framework(text)
    assert again == framework
    assert again.indicator("a1").name == "建成区绿化覆盖率"
    assert again.spec.root.categories[0].name == "绿化"
    assert again.indicator("a2").unit == "天"


def test_copies_are_independent() -> None:
    spec = demo_spec()
    other = copy.deepcopy(spec)
    other.root.name = "x"
    assert spec.root.name == ""
    assert copy.copy(Interval(1.0, 2.0)) == Interval(1.0, 2.0)
    assert pickle.loads(pickle.dumps(Interval(1.0, 2.0))) == Interval(1.0, 2.0)
    assert pickle.loads(pickle.dumps(PassRule(PassRuleType.min_total, 1.0))) == PassRule(PassRuleType.min_total, 1.0)


def test_value_types_are_unhashable() -> None:
    with pytest.raises(TypeError):
        hash(Interval())


# ---- Hypothesis -------------------------------------------------------------------------------

weights_strategy = hnp.arrays(np.float64, st.integers(1, 5), elements=st.floats(0.001, 1000.0))


def _weighted_spec(category_weights: np.ndarray, indicator_weights: np.ndarray, name: str) -> FrameworkSpec:
    categories = [
        Category(
            f"c{c}",
            name=f"类别{c}",
            weight=float(cw),
            indicators=[
                Indicator(f"c{c}_i{i}", name=f"{name}{i}", weight=float(iw), pass_=Interval.at_least(float(iw)))
                for i, iw in enumerate(indicator_weights)
            ],
        )
        for c, cw in enumerate(category_weights)
    ]
    return FrameworkSpec("h", name=name, root=Category(categories=categories))


@given(category_weights=weights_strategy, indicator_weights=weights_strategy)
@settings(max_examples=60, deadline=None)
def test_property_effective_weights_sum_to_one(category_weights: np.ndarray, indicator_weights: np.ndarray) -> None:
    framework = civitas.Framework(_weighted_spec(category_weights, indicator_weights, "指标"))
    weights = framework.effective_weights
    assert weights.sum() == pytest.approx(1.0, abs=1e-12)
    expected = np.outer(category_weights / category_weights.sum(), indicator_weights / indicator_weights.sum())
    np.testing.assert_allclose(weights, expected.ravel(), rtol=1e-12)


@given(
    category_weights=weights_strategy,
    indicator_weights=weights_strategy,
    name=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12),
)
@settings(max_examples=40, deadline=None)
def test_property_save_load_round_trip(category_weights: np.ndarray, indicator_weights: np.ndarray, name: str) -> None:
    framework = civitas.Framework(_weighted_spec(category_weights, indicator_weights, name))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.json"
        civitas.save_framework(framework, path)
        again = civitas.load_framework(path)
    assert again == framework
    assert again.name == name
    np.testing.assert_array_equal(again.effective_weights, framework.effective_weights)


def test_unit_line_is_the_one_rule_of_the_library() -> None:
    at_least = civitas.Interval.at_least
    park = civitas.Indicator("park", pass_=at_least(9.0), pass_by_class={"large": at_least(8.0)},
                             subunit_pass=at_least(5.5))
    assert civitas.unit_line(park) == at_least(9.0)
    assert civitas.unit_line(park, "large") == at_least(8.0)
    assert civitas.unit_line(park, "large", sub_unit=True) == at_least(5.5)
    condition = civitas.Indicator("plan", direction=civitas.Direction.yes_no)
    assert civitas.unit_line(condition) == civitas.Interval(1, 1)
    north = civitas.Indicator("heat", pass_by_class={"north": at_least(30.0)})
    assert civitas.unit_line(north, "south") is None
