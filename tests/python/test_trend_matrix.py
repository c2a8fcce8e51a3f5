"""ObservationStore.trend_matrix from Python: a worked example, and every cell against
civitas.trend of the series' last points (Hypothesis)."""

from __future__ import annotations

import datetime

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import civitas
from civitas import Observation, ObservationStore

D = datetime.date


def worked_store() -> ObservationStore:
    # 10 on Jan 31, 12 on Feb 28 (corrected to 12.5, known Mar 20), 15 on Mar 31, 2025.
    store = ObservationStore()
    store.add(Observation("A", "g", D(2025, 3, 31), 15.0))
    store.add(Observation("A", "g", D(2025, 2, 28), 12.5, recorded=D(2025, 3, 20)))
    store.add(Observation("A", "g", D(2025, 1, 31), 10.0))
    store.add(Observation("A", "g", D(2025, 2, 28), 12.0, recorded=D(2025, 3, 5)))
    store.add(Observation("B", "h", D(2025, 2, 15), 7.0))
    return store


def test_worked_example() -> None:
    store = worked_store()
    # As of Mar 15, as known on Mar 10: 10 and 12, 28 days apart: 2 per 28 days; the latest (12)
    # is 15 days old; projected to Mar 31, 31 days after Feb 28: 12 + 2 x 31 / 28.
    m = store.trend_matrix(D(2025, 3, 15), ["A", "B", "nobody"], ["g", "h"], known_on=D(2025, 3, 10))
    assert isinstance(m, civitas.TrendMatrix)
    assert m.as_of == D(2025, 3, 15)
    assert (m.units, m.indicators) == (["A", "B", "nobody"], ["g", "h"])
    assert m.values[0, 0] == 12.0 and m.ages[0, 0] == 15.0 and m.points[0, 0] == 2.0
    assert m.slopes[0, 0] == pytest.approx(2.0 / 28.0 * 365.25, rel=1e-12)
    ahead = m.project(D(2025, 3, 31))
    assert ahead[0, 0] == pytest.approx(12.0 + 2.0 * 31.0 / 28.0, rel=1e-12)
    # B has one point for h: kept as it is, no slope; nothing for A/h or nobody.
    assert (m.values[1, 1], m.points[1, 1], ahead[1, 1]) == (7.0, 1.0, 7.0)
    assert np.isnan(m.slopes[1, 1])
    assert np.isnan(m.values[0, 1]) and np.isnan(ahead[2, 0]) and m.points[2, 0] == 0.0
    assert not m.values.flags.writeable
    assert repr(m) == "<TrendMatrix 3 units x 2 indicators as of 2025-03-15, 1 with a trend>"
    # Every unit and indicator of the store by default.
    assert store.trend_matrix(D(2025, 4, 1)).values.shape == (2, 2)


def test_points_must_be_one_or_more() -> None:
    with pytest.raises(civitas.ValidationError, match="0 points; expected 1 or more"):
        worked_store().trend_matrix(D(2025, 4, 1), points=0)


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(
        st.tuples(st.integers(0, 2), st.integers(0, 1), st.integers(0, 40), st.floats(-1e3, 1e3), st.integers(-1, 30)),
        min_size=0,
        max_size=60,
    ),
    points=st.integers(1, 6),
    as_of=st.integers(0, 45),
    known=st.one_of(st.none(), st.integers(0, 70)),
)
def test_every_cell_is_the_trend_of_its_last_points(
    rows: list[tuple[int, int, int, float, int]], points: int, as_of: int, known: int | None
) -> None:
    start = D(2025, 1, 1)
    store = ObservationStore()
    for unit, indicator, day, value, late in rows:
        date = start + datetime.timedelta(days=day)
        recorded = None if late < 0 else date + datetime.timedelta(days=late)
        store.add(Observation(f"u{unit}", f"i{indicator}", date, value, recorded=recorded))
    as_of_date = start + datetime.timedelta(days=as_of)
    known_on = None if known is None else start + datetime.timedelta(days=known)
    units, indicators = ["u0", "u1", "u2"], ["i0", "i1"]
    m = store.trend_matrix(as_of_date, units, indicators, points=points, known_on=known_on)
    inspection = as_of_date + datetime.timedelta(days=100)
    ahead = m.project(inspection)
    for r, unit in enumerate(units):
        for k, indicator in enumerate(indicators):
            dates, values = store.series(unit, indicator, known_on=known_on)
            keep = dates <= np.datetime64(as_of_date)
            dates, values = dates[keep][-points:], values[keep][-points:]
            assert m.points[r, k] == len(values)
            if len(values) == 0:
                assert np.isnan(m.values[r, k]) and np.isnan(ahead[r, k])
                continue
            assert m.values[r, k] == values[-1]
            assert m.ages[r, k] == (np.datetime64(as_of_date) - dates[-1]).astype(int)
            if len(values) == 1:
                assert np.isnan(m.slopes[r, k]) and ahead[r, k] == values[-1]
                continue
            t = civitas.trend([d.item() for d in dates], values.tolist())
            assert m.slopes[r, k] == t.slope
            assert ahead[r, k] == t.project(inspection)
