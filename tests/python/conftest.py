"""Shared fixtures: a small framework whose results are worked out by hand from docs/scoring.md,
and helpers to make valid values for any framework."""

from __future__ import annotations

import math
import os
import sys
from pathlib import Path

import numpy as np
import pytest

import civitas
from civitas import (
    Category,
    Direction,
    FrameworkSpec,
    Indicator,
    Interval,
    ItemKind,
    MissingPolicy,
    RuleType,
    ScoringRule,
)

# Plots (civitas.plot, the docs' examples) render off screen, as on a machine without a display.
os.environ.setdefault("MPLBACKEND", "Agg")

REPO = Path(__file__).resolve().parents[2]
BUNDLED_FILES = sorted((REPO / "data" / "frameworks").glob("*.json"))
BUNDLED_IDS = [path.stem for path in BUNDLED_FILES]


def demo_spec(missing: MissingPolicy = MissingPolicy.fail, a1_kind: ItemKind = ItemKind.basic) -> FrameworkSpec:
    """The worked example of the tests (scale 100, relative weights, no pass rules):

    A 绿化 (weight 3)                      -> share 3/4
        a1 建成区绿化覆盖率 higher, pass >= 36 %, bounds [0, 100], linear from zero >= 20, basic
        a2 污染天数 lower, pass <= 5, proportional
    B 管理 (weight 1)                      -> share 1/4
        b1 管理机构 yes_no
        b2 问题 problem_count (allowed 0), deduction 2 points per problem

    Effective weights: a1 0.375, a2 0.375, b1 0.125, b2 0.125; full points 37.5, 37.5, 12.5, 12.5.
    """
    a = Category(
        "A",
        name="绿化",
        weight=3.0,
        indicators=[
            Indicator(
                "a1",
                name="建成区绿化覆盖率",
                unit="%",
                direction=Direction.higher,
                pass_=Interval.at_least(36.0),
                bounds=Interval(0.0, 100.0),
                improvement=Interval.at_least(40.0),
                kind=a1_kind,
                scoring=ScoringRule.linear(Interval.at_least(20.0)),
            ),
            Indicator(
                "a2",
                name="污染天数",
                unit="天",
                direction=Direction.lower,
                pass_=Interval.at_most(5.0),
                bounds=Interval.at_least(0.0),
                scoring=ScoringRule(type=RuleType.proportional),
            ),
        ],
    )
    b = Category(
        "B",
        name="管理",
        weight=1.0,
        indicators=[
            Indicator("b1", name="管理机构", direction=Direction.yes_no, scoring=ScoringRule(type=RuleType.yes_no)),
            Indicator(
                "b2",
                name="问题",
                direction=Direction.problem_count,
                scoring=ScoringRule.deduction(2.0),
            ),
        ],
    )
    return FrameworkSpec(
        "demo",
        name="示例体系",
        edition="2024",
        missing=missing,
        root=Category(categories=[a, b]),
    )


@pytest.fixture(autouse=True)
def _close_figures() -> object:
    """Closes the figures a test opened (pyplot warns past 20 open, and warnings are errors)."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


@pytest.fixture
def demo() -> civitas.Framework:
    return civitas.Framework(demo_spec())


@pytest.fixture(params=BUNDLED_IDS)
def bundled(request: pytest.FixtureRequest) -> civitas.Framework:
    return civitas.load_bundled_framework(request.param)


# ---- valid values for any framework ----------------------------------------------------------


def _finite(*values: float | None) -> list[float]:
    return [v for v in values if v is not None and math.isfinite(v)]


def value_domain(indicator: Indicator) -> tuple[float, float]:
    """A finite range of valid values for a higher/lower/range indicator, covering its lines."""
    refs: list[float] = []
    for interval in [indicator.pass_, indicator.improvement, indicator.scoring.zero, indicator.scoring.full,
                     *indicator.pass_by_class.values()]:
        if interval is not None:
            refs += _finite(interval.low, interval.high)
    refs += _finite(*(tier.at for tier in indicator.scoring.tiers))
    refs = refs or [0.0, 100.0]
    low, high = min(refs), max(refs)
    span = max(high - low, abs(high), 1.0)
    low, high = low - span, high + span
    if indicator.bounds is not None:
        low = max(low, indicator.bounds.low)
        high = min(high, indicator.bounds.high)
    assert low < high, f"{indicator.id}: no room for values"
    return low, high


def unit_class_for(framework: civitas.Framework) -> str:
    """A class that gives every indicator a pass line ("" when none is needed)."""
    needed = [
        set(i.pass_by_class)
        for i in framework.indicators
        if i.pass_ is None and i.direction in (Direction.higher, Direction.lower, Direction.range)
    ]
    if not needed:
        return ""
    common = set.intersection(*needed)
    assert common, f"{framework.id}: no class gives every indicator a pass line"
    return sorted(common)[0]


def to_values(framework: civitas.Framework, unit: np.ndarray) -> np.ndarray:
    """Maps draws in [0, 1] (units x indicators) to valid values of each indicator."""
    values = np.empty_like(unit, dtype=np.float64)
    for j, indicator in enumerate(framework.indicators):
        u = unit[:, j]
        if indicator.direction == Direction.yes_no:
            values[:, j] = (u >= 0.5).astype(np.float64)
        elif indicator.direction == Direction.problem_count:
            values[:, j] = np.floor(u * 6.0)
        else:
            low, high = value_domain(indicator)
            values[:, j] = low + u * (high - low)
    return values
