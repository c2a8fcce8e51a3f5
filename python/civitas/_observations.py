"""pandas views of observations: ``ObservationStore.to_frame()``, ``LatestMatrix.to_frame()`` and
``ages_frame()``, ``ObservationLoad.rejected_frame()``, methods bound with their classes in
python/src/bind_observations.cpp, where their documentation is. pandas is imported only when one
of them is called.
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
    pd = pandas()
    return pd.DataFrame(self.values, index=pd.Index(self.units, name="unit"), columns=pd.Index(self.indicators, name="indicator"))


def matrix_ages_frame(self: _core.LatestMatrix) -> pd.DataFrame:
    pd = pandas()
    return pd.DataFrame(self.ages, index=pd.Index(self.units, name="unit"), columns=pd.Index(self.indicators, name="indicator"))


def load_rejected_frame(self: _core.ObservationLoad) -> pd.DataFrame:
    pd = pandas()
    rows = [(row.line, row.column, row.path, row.message) for row in self.rejected]
    return pd.DataFrame(rows, columns=["line", "column", "path", "message"])
