"""Trends, the Open SDG progress status, level-or-trend and history rules, and survey intervals
from Python (civitas.trend, assess_progress, level_or_trend, history_average,
proportion_interval, probability_meets). Worked numbers as in tests/unit/tracking/test_trend.cpp and
test_survey.cpp; docs/trends.md's Python blocks run here too."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import civitas
from civitas import Interval

REPO = Path(__file__).resolve().parents[2]

# Four years apart (1461 days = 4 x 365.25), so the years are exact.
FOUR = [dt.date(2016, 1, 1), dt.date(2020, 1, 1), dt.date(2024, 1, 1), dt.date(2028, 1, 1)]


def test_least_squares_and_growth_by_hand() -> None:
    # t = 0, 4, 8, 12; y = 1, 3, 2, 5: slope 22/80 = 0.275, intercept 1.1, R² = 6.05/8.75.
    t = civitas.trend(FOUR, [1, 3, 2, 5])
    assert t.points == 4
    assert t.slope == pytest.approx(0.275)
    assert t.intercept == pytest.approx(1.1)
    assert t.r_squared == pytest.approx(6.05 / 8.75)
    assert t.cagr == pytest.approx(5 ** (1 / 12) - 1)
    assert t.first_date == dt.date(2016, 1, 1) and t.last_date == dt.date(2028, 1, 1)
    assert t.project(dt.date(2032, 1, 1)) == pytest.approx(6.1)
    assert t.project(dt.date(2032, 1, 1), method="compound") == pytest.approx(5 * 5 ** (1 / 3))
    assert t.fitted(dt.date(2032, 1, 1)) == pytest.approx(5.5)
    assert t.reach_date(Interval.at_least(6.1)) == dt.date(2032, 1, 1)
    assert t.reach_date(Interval.at_most(4.0)) is None  # moving away
    assert t.required_rate(Interval.at_least(6.1), dt.date(2032, 1, 1)) == pytest.approx(0.275)
    assert t.required_growth(Interval.at_least(6.1), dt.date(2032, 1, 1)) == pytest.approx(1.22**0.25 - 1)
    assert repr(t) == "Trend(4 points 2016-01-01..2028-01-01, slope 0.275/year, R² 0.6914, CAGR 14.35 %/year)"


def test_numpy_dates_and_values() -> None:
    dates = np.array(["2016-01-01", "2020-01-01", "2024-01-01", "2028-01-01"], dtype="datetime64[D]")
    t = civitas.trend(dates, np.array([1.0, 3.0, 2.0, 5.0]))
    assert t.slope == pytest.approx(0.275)
    # Any datetime64 unit whose values are whole days (pandas columns are datetime64[ns]).
    assert civitas.trend(dates.astype("datetime64[ns]"), [1, 3, 2, 5]).slope == pytest.approx(0.275)
    with pytest.raises(civitas.ValidationError, match=r"dates\[0\].*time of day"):
        civitas.trend(np.array(["2016-01-01T05", "2020-01-01T00"], dtype="datetime64[h]"), [1, 2])
    with pytest.raises(civitas.ValidationError, match=r"dates\[1\]: NaT"):
        civitas.trend(np.array(["2016-01-01", "NaT"], dtype="datetime64[D]"), [1, 2])


def test_cagr_undefined_is_said_not_nan() -> None:
    t = civitas.trend(FOUR[:3], [0.0, 1.0, 2.0])
    assert t.cagr is None
    assert "first value 0 is not positive" in t.cagr_note
    assert t.project(dt.date(2030, 1, 1), method="compound") is None


def test_bad_series_name_the_position_and_value() -> None:
    with pytest.raises(civitas.ValidationError, match=r"dates\[2\]: 2021-01-01 is before dates\[1\] 2022-01-01") as error:
        civitas.trend([dt.date(2020, 1, 1), dt.date(2022, 1, 1), dt.date(2021, 1, 1)], [1, 2, 3])
    assert error.value.path == "dates[2]"
    with pytest.raises(civitas.ValidationError, match=r"dates\[1\]: 2020-01-01 repeats"):
        civitas.trend([dt.date(2020, 1, 1), dt.date(2020, 1, 1)], [1, 2])
    with pytest.raises(civitas.ValidationError, match=r"values\[1\]: nan on 2021-01-01"):
        civitas.trend([dt.date(2020, 1, 1), dt.date(2021, 1, 1)], [1, float("nan")])
    with pytest.raises(civitas.ValidationError, match=r"dates\[1\]: .*; expected a datetime.date"):
        civitas.trend([dt.date(2020, 1, 1), dt.datetime(2021, 1, 1)], [1, 2])
    with pytest.raises(civitas.ValidationError, match="values"):
        civitas.trend(FOUR, ["a", "b", "c", "d"])


# ---- progress (Open SDG) -----------------------------------------------------------------------
# Cut-offs: open-sdg/sdg-build sdg/ProgressMeasure.py and open-sdg docs/progress-methodology.md.


def test_progress_towards_a_target_by_hand() -> None:
    # 100 -> 81 in 4 years, <= 64 by 2024: R = (1 - 0.9^0.5) / (1 - 0.8^0.25) = 0.9458.
    dates = [dt.date(2016, 1, 1), dt.date(2020, 1, 1)]
    a = civitas.assess_progress(dates, [100, 81], Interval.at_most(64), dt.date(2024, 1, 1))
    assert a.state == civitas.ProgressState.needs_acceleration
    assert a.progress_value == pytest.approx((1 - 0.9**0.5) / (1 - 0.8**0.25))
    assert a.measure == civitas.GrowthMeasure.compound
    assert repr(a).startswith("ProgressAssessment(needs_acceleration: R = 0.9458, 0.6 <= R < 0.95")
    lenient = civitas.assess_progress(dates, [100, 81], Interval.at_most(64), dt.date(2024, 1, 1), on_track_ratio=0.94)
    assert lenient.state == civitas.ProgressState.on_track
    met = civitas.assess_progress(dates, [100, 60], Interval.at_most(64), dt.date(2024, 1, 1))
    assert met.state == civitas.ProgressState.target_met


def test_progress_with_a_direction_only() -> None:
    dates = [dt.date(2016, 1, 1), dt.date(2020, 1, 1)]
    assert civitas.assess_progress(dates, [100, 104], direction="higher").state == civitas.ProgressState.needs_acceleration
    assert civitas.assess_progress(dates, [100, 104], direction=civitas.Direction.lower).state == civitas.ProgressState.deteriorating
    limited = civitas.assess_progress(dates, [96, 97], direction="higher", limit=100)
    assert limited.state == civitas.ProgressState.on_track
    assert limited.scaling == pytest.approx(1 - 0.96**4.44)
    assert civitas.assess_progress(dates[:1], [5], direction="higher").state == civitas.ProgressState.too_few_points


def test_progress_arguments() -> None:
    dates = [dt.date(2016, 1, 1), dt.date(2020, 1, 1)]
    with pytest.raises(civitas.ValidationError, match="neither a target"):
        civitas.assess_progress(dates, [1, 2])
    with pytest.raises(civitas.ValidationError, match="deadline"):
        civitas.assess_progress(dates, [1, 2], Interval.at_least(3))
    with pytest.raises(civitas.ValidationError, match="direction"):
        civitas.assess_progress(dates, [1, 2], Interval.at_least(3), dt.date(2024, 1, 1), direction="higher")
    with pytest.raises(civitas.ValidationError, match="unknown value 'fast'; expected one of 'compound', 'linear'"):
        civitas.assess_progress(dates, [1, 2], direction="higher", measure="fast")


# ---- rules of the standards --------------------------------------------------------------------


def test_infant_mortality_level_or_falling() -> None:
    years = [dt.date(2021, 1, 1), dt.date(2022, 1, 1), dt.date(2023, 1, 1)]
    line = Interval.at_most(5.6)
    assert civitas.level_or_trend(years, [6.1, 5.9, 5.4], line).met_by_level
    falling = civitas.level_or_trend(years, [7.2, 6.8, 6.3], line)
    assert falling.met and falling.met_by_trend and not falling.met_by_level
    assert not civitas.level_or_trend(years, [6.5, 6.2, 6.4], line).met
    slope = civitas.level_or_trend(years, [7.0, 6.5, 6.0], line, test="slope")
    assert slope.met_by_trend and slope.p_value == 0.0


def test_not_above_the_five_year_average() -> None:
    dates = [dt.date(y, 1, 1) for y in range(2019, 2025)]
    r = civitas.history_average(dates, [3.0, 3.2, 3.6, 3.4, 3.8, 3.1])
    assert r.met and r.assessable
    assert r.average == pytest.approx(3.4)
    assert r.years_used == [2019, 2020, 2021, 2022, 2023]
    assert not civitas.history_average(dates[2:], [3.6, 3.4, 3.8, 3.1]).assessable


# ---- survey indicators -------------------------------------------------------------------------


def test_wilson_interval_of_newcombe_1998() -> None:
    # Newcombe (1998), Statistics in Medicine 17, 857-872, Table II, method 3: 81/263 -> 0.2553, 0.3662.
    ci = civitas.proportion_interval(81 / 263, 263)
    assert ci.low == pytest.approx(0.2553, abs=5e-5)
    assert ci.high == pytest.approx(0.3662, abs=5e-5)
    cp = civitas.proportion_interval(81 / 263, 263, method="clopper_pearson")
    assert (cp.low, cp.high) == pytest.approx((0.2527, 0.3676), abs=5e-5)
    percent = civitas.proportion_interval(90, 400, scale="percent")
    assert repr(percent) == "ProportionInterval(90, n=400, 95 % wilson [86.67, 92.57] %)"
    assert percent.scale == civitas.ProportionScale.percent


def test_probability_of_meeting_the_line() -> None:
    # 10 of 10: Beta(11, 1), P(theta >= 0.9) = 1 - 0.9^11.
    assert civitas.probability_meets(1.0, 10, Interval.at_least(0.9)) == pytest.approx(1 - 0.9**11)
    assert civitas.probability_meets(100, 10, Interval.at_least(90), scale="percent") == pytest.approx(1 - 0.9**11)
    with pytest.raises(civitas.ValidationError, match=r"estimate: 90 is outside \[0, 1\]"):
        civitas.probability_meets(90, 100, Interval.at_least(0.9))
    with pytest.raises(civitas.ValidationError, match="n: 0"):
        civitas.proportion_interval(0.5, 0)


# ---- properties --------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    offsets=st.lists(st.integers(min_value=1, max_value=2000), min_size=1, max_size=30),
    slope=st.floats(min_value=-1e3, max_value=1e3, allow_nan=False),
    intercept=st.floats(min_value=-1e4, max_value=1e4, allow_nan=False),
)
def test_slope_of_an_exact_line_is_recovered(offsets: list[int], slope: float, intercept: float) -> None:
    days = np.cumsum([0, *offsets])
    dates = np.datetime64("2000-01-01") + days.astype("timedelta64[D]")
    values = intercept + slope * days / 365.25
    t = civitas.trend(dates, values)
    scale = max(1.0, abs(slope), abs(intercept) / max(1.0, days[-1] / 365.25))
    assert t.slope == pytest.approx(slope, abs=1e-7 * scale)
    assert t.intercept == pytest.approx(intercept, abs=1e-7 * max(1.0, abs(intercept), abs(slope) * days[-1] / 365.25))
    assert 0.0 <= t.r_squared <= 1.0


@settings(max_examples=300, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=5000),
    share=st.floats(min_value=0.0, max_value=1.0),
    confidence=st.floats(min_value=0.5, max_value=0.999),
    method=st.sampled_from(list(civitas.IntervalMethod)),
)
def test_interval_contains_the_estimate(n: int, share: float, confidence: float, method: civitas.IntervalMethod) -> None:
    estimate = round(share * n) / n
    ci = civitas.proportion_interval(estimate, n, confidence, method=method)
    assert 0.0 <= ci.low <= estimate <= ci.high <= 1.0


@settings(max_examples=200, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=3000),
    share=st.floats(min_value=0.0, max_value=1.0),
    lines=st.tuples(st.floats(0.0, 1.0), st.floats(0.0, 1.0)),
)
def test_probability_falls_as_the_line_rises(n: int, share: float, lines: tuple[float, float]) -> None:
    low, high = sorted(lines)
    easier = civitas.probability_meets(share, n, Interval.at_least(low))
    harder = civitas.probability_meets(share, n, Interval.at_least(high))
    assert 0.0 <= harder <= easier + 1e-12 <= 1.0 + 1e-12


# ---- docs/trends.md ----------------------------------------------------------------------------


def test_trends_doc_python_blocks_run(capsys: pytest.CaptureFixture[str]) -> None:
    text = (REPO / "docs" / "trends.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert blocks
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for number, block in enumerate(blocks, 1):
        exec(compile(block, f"docs/trends.md block {number}", "exec"), namespace)
    assert capsys.readouterr().out
