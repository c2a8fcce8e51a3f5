"""Observations from Python: the store's as-of queries, the CSV and JSON readers, numpy and pandas
views, and (Hypothesis) the latest-value matrix against a pandas groupby-last reference."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import civitas
from civitas import AssessmentMode, Observation, ObservationStore

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "observations"
D = datetime.date


def test_reads_the_districts_file_and_answers_as_of_queries() -> None:
    load = civitas.load_observations_csv(DATA / "districts.csv")
    assert str(load) == "9 observations, no rows rejected"
    store = load.store
    assert len(store) == 9
    assert store.units == ["城关区", "七里河区", "安宁区"]
    assert store.indicators == ["built_up_green_coverage", "public_satisfaction_greening"]

    # 七里河区's June value 34.0 was corrected to 34.6 on Aug 15.
    latest = store.latest("七里河区", "built_up_green_coverage", D(2025, 7, 31))
    assert latest is not None
    assert (latest.value, latest.date, latest.age_days) == (34.6, D(2025, 6, 30), 31)
    assert latest.mode is AssessmentMode.field_inspection
    assert latest.recorded == D(2025, 8, 15)
    as_known = store.latest("七里河区", "built_up_green_coverage", D(2025, 7, 31), known_on=D(2025, 7, 31))
    assert as_known is not None and as_known.value == 34.0
    assert store.latest("七里河区", "built_up_green_coverage", D(2025, 3, 30)) is None
    assert store.latest("nowhere", "built_up_green_coverage", D(2025, 7, 31)) is None

    survey = store.latest("城关区", "public_satisfaction_greening", D(2025, 12, 31))
    assert survey is not None and survey.sample_size == 1200 and survey.source == "第三方调查"


def test_series_are_datetime64_days_and_values_in_date_order() -> None:
    store = civitas.load_observations_csv(DATA / "districts.csv").store
    dates, values = store.series("七里河区", "built_up_green_coverage")
    assert dates.dtype == np.dtype("datetime64[D]")
    assert dates.tolist() == [D(2025, 3, 31), D(2025, 6, 30)]
    assert values.tolist() == [33.1, 34.6]
    _, before = store.series("七里河区", "built_up_green_coverage", known_on=D(2025, 7, 31))
    assert before.tolist() == [33.1, 34.0]
    empty_dates, empty_values = store.series("nowhere", "built_up_green_coverage")
    assert len(empty_dates) == 0 and len(empty_values) == 0


def test_latest_matrix_views_numpy_without_copies() -> None:
    store = civitas.load_observations_csv(DATA / "districts.csv").store
    matrix = store.latest_matrix(D(2025, 7, 31), units=["安宁区", "城关区", "nowhere"], indicators=["public_satisfaction_greening", "built_up_green_coverage"])
    values, ages = matrix.values, matrix.ages
    assert values.shape == ages.shape == (3, 2)
    assert not values.flags.owndata and not values.flags.writeable
    np.testing.assert_array_equal(values, [[84.0, 36.4], [86.5, 38.9], [np.nan, np.nan]])
    np.testing.assert_array_equal(ages, [[122.0, 122.0], [31.0, 31.0], [np.nan, np.nan]])
    del matrix, store  # the views keep the matrix alive
    assert values[1, 0] == 86.5

    frame = civitas.load_observations_csv(DATA / "districts.csv").store.latest_matrix(D(2025, 7, 31)).to_frame()
    assert list(frame.index) == ["城关区", "七里河区", "安宁区"]
    assert frame.loc["七里河区", "built_up_green_coverage"] == 34.6


def test_bad_rows_are_listed_with_line_and_column() -> None:
    load = civitas.load_observations_csv(DATA / "with-errors.csv")
    assert len(load.store) == 2
    assert [(row.line, row.column) for row in load.rejected] == [(3, 3), (4, 4), (5, 4), (6, 0)]
    assert str(load.rejected[1]) == "line 4, column 4: '33,1' is not a number; expected a number"
    assert str(load).startswith("2 observations, 4 rows rejected (first: line 3, column 3: '2025-02-30' is not a date")
    frame = load.rejected_frame()
    assert list(frame.columns) == ["line", "column", "path", "message"]
    assert frame["line"].tolist() == [3, 4, 5, 6]


def test_header_errors_raise_parse_error() -> None:
    with pytest.raises(civitas.ParseError, match=r"unknown column 'colour' \(column 5\)") as error:
        civitas.parse_observations_csv("unit,indicator,date,value,colour\n", "obs.csv")
    assert error.value.file == "obs.csv"
    assert error.value.location == "line 1, column 5"
    with pytest.raises(civitas.ParseError, match="missing column 'value'"):
        civitas.parse_observations_csv("unit,indicator,date\n")
    with pytest.raises(civitas.ParseError, match="the file is empty"):
        civitas.parse_observations_csv("")
    with pytest.raises(civitas.ParseError, match="cannot open"):
        civitas.load_observations_csv(DATA / "no-such-file.csv")
    with pytest.raises(civitas.ValidationError, match=r"threads: value -1; expected 0 \(up to 2\) or more"):
        civitas.parse_observations_csv("unit,indicator,date,value\n", threads=-1)


def test_json_entries_are_read_and_bad_ones_rejected_by_path() -> None:
    load = civitas.load_observations_json(DATA / "districts.json")
    assert len(load.store) == 2
    assert [row.path for row in load.rejected] == ["$.observations[2].value"]
    assert load.rejected[0].line == 0
    text = (DATA / "districts.json").read_text(encoding="utf-8")
    assert len(civitas.parse_observations_json(text).store) == 2
    assert civitas.observations_format == "civitas-observations/1"


def test_observations_are_validated_and_repr_evaluates_back() -> None:
    observation = Observation("城关区", "public_satisfaction_greening", D(2025, 6, 30), 86.5, source="第三方调查",
                              mode=AssessmentMode.questionnaire, sample_size=1200, recorded=D(2025, 7, 10))
    namespace = {"Observation": Observation, "AssessmentMode": AssessmentMode, "datetime": datetime}
    assert eval(repr(observation), namespace) == observation  # noqa: S307 - repr is meant to eval back
    store = ObservationStore()
    store.add(observation)
    assert store[0] == observation and store[-1] == observation
    with pytest.raises(IndexError):
        store[1]
    with pytest.raises(civitas.ValidationError, match="before the date"):
        store.add(Observation("a", "g", D(2025, 6, 30), 1.0, recorded=D(2025, 6, 1)))
    with pytest.raises(civitas.ValidationError, match="not a finite number"):
        store.add(Observation("a", "g", D(2025, 6, 30), float("nan")))
    with pytest.raises(civitas.ValidationError, match="sample size"):
        store.add(Observation("a", "g", D(2025, 6, 30), 1.0, sample_size=0))
    assert len(store) == 1


def test_store_to_frame_has_one_column_per_field() -> None:
    frame = civitas.load_observations_csv(DATA / "districts.csv").store.to_frame()
    assert list(frame.columns) == ["unit", "indicator", "date", "value", "source", "mode", "sample_size", "recorded"]
    assert len(frame) == 9
    survey = frame[frame["indicator"] == "public_satisfaction_greening"]
    assert sorted(survey["sample_size"].tolist()) == [650, 800, 1200]
    assert frame["sample_size"].isna().sum() == 6
    assert frame["recorded"].isna().sum() == 4
    assert set(frame["mode"]) == {"document_review", "questionnaire", "online_survey", "field_inspection"}
    assert frame["date"].min() == np.datetime64("2025-03-31")


def test_the_tracking_guide_runs() -> None:
    """docs/tracking.md's Python blocks run in order from the repository root."""
    import os

    text = (REPO / "docs" / "tracking.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert blocks
    here = Path.cwd()
    os.chdir(REPO)
    try:
        namespace: dict[str, object] = {"__name__": "__docs__"}
        for number, block in enumerate(blocks, 1):
            exec(compile(block, f"docs/tracking.md block {number}", "exec"), namespace)  # noqa: S102
    finally:
        os.chdir(here)


# ---- Hypothesis: latest_matrix against pandas ---------------------------------------------------

START = D(2025, 1, 1)
UNITS = ["a", "b", "城关区", "c,d"]
INDICATORS = ["g", "h", "i"]

records = st.lists(
    st.tuples(
        st.sampled_from(UNITS),
        st.sampled_from(INDICATORS),
        st.integers(0, 40),                       # date: days after START
        st.floats(-1e6, 1e6, allow_nan=False),     # value
        st.one_of(st.none(), st.integers(0, 20)),  # recorded: days after the date
    ),
    max_size=60,
)


def to_csv(rows: list[tuple[str, str, int, float, int | None]]) -> str:
    lines = ["unit,indicator,date,value,recorded"]
    for unit, indicator, day, value, late in rows:
        date = START + datetime.timedelta(days=day)
        recorded = "" if late is None else (date + datetime.timedelta(days=late)).isoformat()
        name = f'"{unit}"' if "," in unit else unit
        lines.append(f"{name},{indicator},{date.isoformat()},{value!r},{recorded}")
    return "\n".join(lines) + "\n"


def pandas_latest(rows: list[tuple[str, str, int, float, int | None]], as_of: int, known_on: int | None) -> tuple[np.ndarray, np.ndarray]:
    """groupby-last over the records dated on or before as_of and known on known_on, sorted
    stably by (date, day known): a record without a recorded date is known on its date."""
    import pandas as pd

    frame = pd.DataFrame(rows, columns=["unit", "indicator", "day", "value", "late"])
    frame["known"] = frame["day"] + frame["late"].fillna(0).astype(int)
    visible = frame[(frame["day"] <= as_of) & ((frame["known"] <= known_on) if known_on is not None else True)]
    last = visible.sort_values(["day", "known"], kind="stable").groupby(["unit", "indicator"]).tail(1)
    values = last.pivot(index="unit", columns="indicator", values="value").reindex(index=UNITS, columns=INDICATORS)
    ages = (as_of - last.set_index(["unit", "indicator"])["day"]).astype(float).unstack().reindex(index=UNITS, columns=INDICATORS)
    return values.to_numpy(dtype=float), ages.to_numpy(dtype=float)


@settings(max_examples=150, deadline=None)
@given(rows=records, as_of=st.integers(-3, 45), known_on=st.one_of(st.none(), st.integers(-3, 70)), by_add=st.booleans())
def test_latest_matrix_equals_pandas_groupby_last(rows: list[tuple[str, str, int, float, int | None]], as_of: int,
                                                 known_on: int | None, by_add: bool) -> None:
    if by_add:
        store = ObservationStore()
        for unit, indicator, day, value, late in rows:
            date = START + datetime.timedelta(days=day)
            store.add(Observation(unit, indicator, date, value,
                                  recorded=None if late is None else date + datetime.timedelta(days=late)))
    else:
        load = civitas.parse_observations_csv(to_csv(rows))
        assert not load.rejected
        store = load.store
    day = lambda n: START + datetime.timedelta(days=n)  # noqa: E731
    matrix = store.latest_matrix(day(as_of), UNITS, INDICATORS, known_on=None if known_on is None else day(known_on))
    values, ages = pandas_latest(rows, as_of, known_on)
    np.testing.assert_array_equal(matrix.values, values)
    np.testing.assert_array_equal(matrix.ages, ages)
    # latest() agrees with the matrix cell by cell.
    for r, unit in enumerate(UNITS):
        for c, indicator in enumerate(INDICATORS):
            found = store.latest(unit, indicator, day(as_of), known_on=None if known_on is None else day(known_on))
            assert (found is None) == np.isnan(values[r, c])
            if found is not None:
                assert (found.value, found.age_days) == (values[r, c], ages[r, c])


def test_stores_are_equal_when_they_hold_the_same_rows() -> None:
    a = Observation("city", "coverage", datetime.date(2025, 6, 30), 38.5)
    b = Observation("east", "coverage", datetime.date(2025, 3, 31), 30.0)
    one, two = ObservationStore(), ObservationStore()
    for store in (one, two):
        store.add(a)
        store.add(b)
        store.finalize()
    assert one == two
    two.add(Observation("east", "coverage", datetime.date(2025, 6, 30), 31.0))
    two.finalize()
    assert one != two
