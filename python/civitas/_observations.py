"""pandas views of observations: ``ObservationStore.to_frame()``, ``LatestMatrix.to_frame()`` and
``ages_frame()``, ``ObservationLoad.rejected_frame()``; and ``read_observations()`` from a path or
an Arrow table. All are bound in python/src/bind_observations.cpp, where their documentation is.
pandas is imported only when a frame is made, pyarrow only when a Parquet file is read.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from . import _core
from ._support import not_found_error, pandas, pyarrow_parquet, validation_error

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


# ---- reading observations from anywhere ----------------------------------------------------------


def read_observations(source: object, *, threads: int = 0, limits: _core.Limits | None = None) -> _core.ObservationLoad:
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        suffix = Path(path).suffix.lower()
        if suffix == ".csv":
            return _core.load_observations_csv(path, threads=threads, limits=limits)
        if suffix == ".json":
            return _core.load_observations_json(path, limits=limits)
        if suffix in (".parquet", ".pq"):
            parquet = pyarrow_parquet()
            if not Path(path).is_file():
                raise not_found_error(f"{path}: no such file; expected a Parquet file",
                                      f"{path}: 文件不存在；应为 Parquet 文件")
            return _core.read_observations_arrow(parquet.read_table(path), path, limits=limits)
        raise validation_error("source", f"a file named {path!r}; expected a name ending in .csv, .json, .parquet or .pq",
                               f"文件名为 {path!r}；应以 .csv、.json、.parquet 或 .pq 结尾")
    if hasattr(source, "__arrow_c_stream__"):
        return _core.read_observations_arrow(source, limits=limits)
    kind = type(source).__name__
    raise validation_error("source", f"a {kind}; expected a path (CSV, JSON or Parquet) or a table that exports an Arrow "
                                     "stream (__arrow_c_stream__: a pyarrow Table, a polars or pandas DataFrame, a DuckDB result)",
                           f"为 {kind}；应为文件路径（CSV、JSON 或 Parquet）或导出 Arrow 流（__arrow_c_stream__）的表: "
                           "pyarrow Table、polars 或 pandas DataFrame、DuckDB 结果")
