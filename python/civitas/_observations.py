"""pandas views of observations: ``ObservationStore.to_frame()``, ``LatestMatrix.to_frame()`` and
``ages_frame()``, ``ObservationLoad.rejected_frame()``.

``install()`` attaches them as methods of the compiled classes when ``civitas`` is imported;
pandas is imported only when one of them is called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from . import _core
from ._support import pandas

if TYPE_CHECKING:
    import pandas as pd


def _days(days: np.ndarray) -> np.ndarray:
    """int32 days since 1970-01-01 as datetime64[s] (pandas' resolution for dates)."""
    return days.astype("int64").astype("datetime64[D]").astype("datetime64[s]")


def store_to_frame(self: _core.ObservationStore) -> pd.DataFrame:
    """Every record (corrections included) in index order (indicator, unit, date, recorded): unit,
    indicator, source and mode as categoricals, date and recorded as datetime64 (NaT: none),
    value float64, sample_size nullable Int32 (<NA>: none)."""
    pd = pandas()
    columns = self._columns()
    n = len(columns["value"])

    def categorical(codes: np.ndarray, names: list[str]) -> Any:
        return pd.Categorical.from_codes(codes if len(codes) else np.zeros(n, dtype=np.int32), categories=pd.Index(names, dtype=object))

    modes = [mode.name for mode in _core.AssessmentMode]
    sample = columns["sample_size"] if len(columns["sample_size"]) else np.zeros(n, dtype=np.int32)
    recorded = columns["recorded"] if len(columns["recorded"]) else np.full(n, np.iinfo(np.int32).min, dtype=np.int32)
    no_recorded = recorded == np.iinfo(np.int32).min
    return pd.DataFrame({
        "unit": categorical(columns["unit"], self.units),
        "indicator": categorical(columns["indicator"], self.indicators),
        "date": _days(columns["date"]),
        "value": columns["value"],
        "source": categorical(columns["source"], self.sources),
        "mode": categorical(columns["mode"].astype(np.int32), modes),
        "sample_size": pd.arrays.IntegerArray(sample, sample == 0),
        "recorded": np.where(no_recorded, np.datetime64("NaT", "s"), _days(np.where(no_recorded, 0, recorded))),
    })


def matrix_to_frame(self: _core.LatestMatrix) -> pd.DataFrame:
    """The latest values: a row per unit, a column per indicator, NaN where none."""
    pd = pandas()
    return pd.DataFrame(self.values, index=pd.Index(self.units, name="unit"), columns=pd.Index(self.indicators, name="indicator"))


def matrix_ages_frame(self: _core.LatestMatrix) -> pd.DataFrame:
    """The ages in days of the latest values: a row per unit, a column per indicator, NaN where none."""
    pd = pandas()
    return pd.DataFrame(self.ages, index=pd.Index(self.units, name="unit"), columns=pd.Index(self.indicators, name="indicator"))


def load_rejected_frame(self: _core.ObservationLoad) -> pd.DataFrame:
    """The rows left out: line, column (CSV), path (JSON) and message, in file order."""
    pd = pandas()
    rows = [(row.line, row.column, row.path, row.message) for row in self.rejected]
    return pd.DataFrame(rows, columns=["line", "column", "path", "message"])


def install() -> None:
    _core.ObservationStore.to_frame = store_to_frame  # type: ignore[attr-defined]
    _core.LatestMatrix.to_frame = matrix_to_frame  # type: ignore[attr-defined]
    _core.LatestMatrix.ages_frame = matrix_ages_frame  # type: ignore[attr-defined]
    _core.ObservationLoad.rejected_frame = load_rejected_frame  # type: ignore[attr-defined]
