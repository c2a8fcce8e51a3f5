"""Observations and value tables from Arrow tables: the same data through CSV, JSON, Parquet,
pyarrow, polars, pandas and DuckDB gives the same store row by row; columns of other types and
bad rows are named in both languages."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import civitas

pa = pytest.importorskip("pyarrow")
pl = pytest.importorskip("polars")
duckdb = pytest.importorskip("duckdb")
pd = pytest.importorskip("pandas")

D = datetime.date

# Every column of the CSV format, with gaps in the optional ones, Chinese ids, and a correction.
ROWS: list[dict[str, Any]] = [
    {"unit": "城关区", "indicator": "green", "date": D(2024, 1, 31), "value": 31.5, "source": "survey",
     "mode": "questionnaire", "sample_size": 400, "recorded": D(2024, 2, 5)},
    {"unit": "城关区", "indicator": "green", "date": D(2024, 2, 29), "value": 33.0, "source": None,
     "mode": None, "sample_size": None, "recorded": None},
    {"unit": "七里河区", "indicator": "water", "date": D(2024, 1, 31), "value": 0.875, "source": "统计局",
     "mode": "statistics", "sample_size": 12, "recorded": None},
    {"unit": "城关区", "indicator": "green", "date": D(2024, 1, 31), "value": 32.0, "source": "survey",
     "mode": "questionnaire", "sample_size": 410, "recorded": D(2024, 3, 1)},
    {"unit": "七里河区", "indicator": "green", "date": D(2023, 12, 31), "value": -4.0, "source": None,
     "mode": None, "sample_size": None, "recorded": None},
]
COLUMNS = list(ROWS[0])


def columns_of(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    return {c: [r[c] for r in rows] for c in COLUMNS}


def csv_text(rows: list[dict[str, Any]]) -> str:
    def cell(v: Any) -> str:
        return "" if v is None else v.isoformat() if isinstance(v, D) else str(v)
    return ",".join(COLUMNS) + "\n" + "".join(",".join(cell(r[c]) for c in COLUMNS) + "\n" for r in rows)


def arrow_table() -> Any:
    return pa.table(columns_of(ROWS))


@pytest.fixture
def from_csv(tmp_path: Path) -> civitas.ObservationLoad:
    path = tmp_path / "observations.csv"
    path.write_text(csv_text(ROWS), encoding="utf-8")
    return civitas.read_observations(path)


def same_store(load: civitas.ObservationLoad, expected: civitas.ObservationLoad) -> None:
    assert not load.rejected, [str(r) for r in load.rejected]
    assert len(load.store) == len(ROWS)
    assert load.store == expected.store
    frame, other = load.store.to_frame(), expected.store.to_frame()
    pd.testing.assert_frame_equal(frame, other)
    assert sorted(frame["value"]) == sorted(r["value"] for r in ROWS)  # the store's order is its index's


def test_csv_reads_as_written(from_csv: civitas.ObservationLoad) -> None:
    store = from_csv.store
    assert store.units == ["城关区", "七里河区"]
    assert "统计局" in store.sources
    latest = store.latest("城关区", "green", D(2024, 1, 31))
    assert latest is not None and latest.value == 32.0  # the correction recorded last


def test_pyarrow_table_and_reader(from_csv: civitas.ObservationLoad) -> None:
    table = arrow_table()
    assert str(table.schema.field("date").type) == "date32[day]"
    same_store(civitas.read_observations(table), from_csv)
    # Batches of two rows: row numbers and interning go on across them.
    same_store(civitas.read_observations(pa.RecordBatchReader.from_batches(table.schema, table.to_batches(max_chunksize=2))), from_csv)
    same_store(civitas.read_observations_arrow(table), from_csv)


def test_pyarrow_other_types(from_csv: civitas.ObservationLoad) -> None:
    table = arrow_table()
    table = table.set_column(0, "unit", table["unit"].dictionary_encode())
    table = table.set_column(1, "indicator", table["indicator"].cast(pa.large_string()))
    table = table.set_column(2, "date", pa.array([r["date"].isoformat() for r in ROWS]))
    table = table.set_column(3, "value", table["value"].cast(pa.float32()))
    table = table.set_column(6, "sample_size", table["sample_size"].cast(pa.uint16()))
    table = table.set_column(7, "recorded", table["recorded"].cast(pa.timestamp("ns")))
    same_store(civitas.read_observations(table), from_csv)
    ints = pa.table({"unit": ["a", "b"], "indicator": ["x", "x"], "date": [D(2024, 1, 1)] * 2,
                     "value": pa.array([3, -2], pa.int8())})
    assert civitas.read_observations(ints).store.to_frame()["value"].tolist() == [3.0, -2.0]


def test_polars(from_csv: civitas.ObservationLoad) -> None:
    frame = pl.DataFrame(columns_of(ROWS))
    assert frame.schema["date"] == pl.Date
    same_store(civitas.read_observations(frame), from_csv)
    categorical = frame.with_columns(pl.col("unit").cast(pl.Categorical), pl.col("indicator").cast(pl.Categorical))
    same_store(civitas.read_observations(categorical), from_csv)


def test_pandas(from_csv: civitas.ObservationLoad) -> None:
    columns = columns_of(ROWS)
    frame = pd.DataFrame(columns)
    frame["date"] = pd.to_datetime(frame["date"])  # timestamps at midnight
    frame["sample_size"] = pd.array(columns["sample_size"], dtype="Int64")
    assert hasattr(frame, "__arrow_c_stream__")
    same_store(civitas.read_observations(frame), from_csv)


def test_duckdb(from_csv: civitas.ObservationLoad, tmp_path: Path) -> None:
    path = tmp_path / "observations.csv"
    path.write_text(csv_text(ROWS), encoding="utf-8")
    relation = duckdb.sql(f"SELECT * FROM read_csv('{path}', header = true, types = {{'sample_size': 'INTEGER'}})")
    same_store(civitas.read_observations(relation), from_csv)


def test_parquet_and_json_paths(from_csv: civitas.ObservationLoad, tmp_path: Path) -> None:
    import pyarrow.parquet as pq
    path = tmp_path / "observations.parquet"
    pq.write_table(arrow_table(), path)
    same_store(civitas.read_observations(path), from_csv)
    same_store(civitas.read_observations(str(path)), from_csv)
    entries = [{k: (v.isoformat() if isinstance(v, D) else v) for k, v in r.items() if v is not None} for r in ROWS]
    json_path = tmp_path / "observations.json"
    json_path.write_text(json.dumps({"format": "civitas-observations/1", "observations": entries}, ensure_ascii=False), encoding="utf-8")
    same_store(civitas.read_observations(json_path), from_csv)
    with pytest.raises(civitas.NotFoundError, match="no such file"):
        civitas.read_observations(tmp_path / "absent.parquet")


def test_bad_rows_are_rejected_as_in_csv_with_column_and_row() -> None:
    table = pa.table({"unit": ["a", None, "c"], "indicator": ["x", "x", "x"], "date": ["2024-01-01", "2024-01-01", "2024-02-30"],
                      "value": [1.0, 2.0, float("nan")]})
    csv = civitas.parse_observations_csv("unit,indicator,date,value\na,x,2024-01-01,1\n,x,2024-01-01,2\nc,x,2024-02-30,nan\n")
    load = civitas.read_observations(table)
    assert load.store == csv.store and len(load.store) == 1
    assert [r.path for r in load.rejected] == ["unit[1]", "date[2]"]
    assert [(r.line, r.column) for r in load.rejected] == [(0, 0), (0, 0)]
    assert [r.message for r in load.rejected] == [r.message for r in csv.rejected]
    assert [r.message_zh for r in load.rejected] == [r.message_zh for r in csv.rejected]
    assert str(load.rejected[0]) == "unit[1]: empty unit id; expected one"
    assert load.rejected[0].message_zh == "单位编号为空；应填写单位编号"
    assert load.rejected_frame()["path"].tolist() == ["unit[1]", "date[2]"]


def test_columns_of_other_types_are_named_in_both_languages() -> None:
    table = pa.table({"unit": [1, 2], "indicator": ["x", "x"], "date": [D(2024, 1, 1)] * 2, "value": [1.0, 2.0]})
    with pytest.raises(civitas.ParseError) as caught:
        civitas.read_observations(table)
    assert str(caught.value) == ("<arrow>: column 'unit': Arrow type int64; expected text (string, large_string, string_view or "
                                 "dictionary-encoded text)")
    assert "Arrow 类型为 int64" in caught.value.message_zh
    frame = pd.DataFrame({"unit": ["a"], "indicator": ["x"], "date": ["2024-01-01"], "value": [1.0], "sample_size": [float("nan")]})
    with pytest.raises(civitas.ParseError, match="column 'sample_size': Arrow type double; expected a whole number"):
        civitas.read_observations(frame)
    zoned = pa.table({"unit": ["a"], "indicator": ["x"], "date": pa.array([0], pa.timestamp("s", tz="UTC")), "value": [1.0]})
    with pytest.raises(civitas.ParseError, match=r"Arrow type timestamp\[s, tz=UTC\]; expected date32"):
        civitas.read_observations(zoned)
    with pytest.raises(civitas.ParseError, match="unknown column 'when'"):
        civitas.read_observations(pa.table({"unit": ["a"], "indicator": ["x"], "when": ["2024-01-01"], "value": [1.0]}))


def test_sources_that_are_no_table_or_file() -> None:
    with pytest.raises(civitas.ValidationError, match=r"source: a list; expected a path \(CSV, JSON or Parquet\)") as caught:
        civitas.read_observations([1, 2])
    assert "应为文件路径" in caught.value.message_zh
    with pytest.raises(civitas.ValidationError, match="expected a name ending in .csv, .json, .parquet or .pq"):
        civitas.read_observations("observations.xlsx")
    with pytest.raises(civitas.ValidationError, match="expected a table that exports an Arrow stream"):
        civitas.read_observations_arrow(object())


class BrokenStream:
    """Exports a stream whose get_next fails: the error reaches Python as a ParseError."""

    def __init__(self) -> None:
        def batches() -> Any:
            yield pa.record_batch({"unit": ["a"], "indicator": ["x"], "date": ["2024-01-01"], "value": [1.0]})
            raise OSError("the disk went away")
        schema = pa.schema({"unit": pa.string(), "indicator": pa.string(), "date": pa.string(), "value": pa.float64()})
        self.reader = pa.RecordBatchReader.from_batches(schema, batches())

    def __arrow_c_stream__(self, requested_schema: object = None) -> object:
        return self.reader.__arrow_c_stream__(requested_schema)


def test_a_failing_stream_is_an_error() -> None:
    with pytest.raises(civitas.ParseError, match="get_next failed .*the disk went away"):
        civitas.read_observations(BrokenStream())


def test_limits_hold() -> None:
    with pytest.raises(civitas.LimitError):
        civitas.read_observations(arrow_table(), limits=civitas.Limits(rows=2))


# ---- value tables and evaluate_many --------------------------------------------------------------


def test_evaluate_many_from_arrow_tables(demo: civitas.Framework, tmp_path: Path) -> None:
    # The same values as a CSV value table, a pandas DataFrame and Arrow tables of mixed types.
    path = tmp_path / "values.csv"
    path.write_text("unit,kind,a1,a2,b1,b2\n兰州市,city,28,10,yes,3\n城关区,district,40,3,1,0\n七里河区,district,36,,no,0\n",
                    encoding="utf-8")
    units, classes, columns, values = civitas.load_value_table(path, "kind")
    expected = demo.evaluate_many(values, columns=columns, units=units, classes=classes, nan_as_missing=True)
    assert expected.totals.tolist() == pytest.approx([56.5, 100.0, 50.0])
    unit_values = pa.table({"unit": ["兰州市", "城关区", "七里河区"], "kind": ["city", "district", "district"],
                      "a1": pa.array([28, 40, 36], pa.int16()), "a2": [10.0, 3.0, None], "b1": [True, True, False],
                      "b2": pa.array([3, 0, 0], pa.uint8())})
    for source in (unit_values, pl.from_arrow(unit_values), duckdb.sql("SELECT * FROM unit_values")):
        batch = demo.evaluate_many(source, classes="kind", nan_as_missing=True)
        assert batch.units == units
        assert batch.indicator_ids == ["a1", "a2", "b1", "b2"]
        np.testing.assert_array_equal(batch.totals, expected.totals)
        np.testing.assert_array_equal(batch.scores, expected.scores)
        assert batch.decided_by == expected.decided_by
    # Columns picked and reordered; a column the table lacks is named.
    partial = demo.evaluate_many(unit_values, columns=["b2", "a1"], classes="kind")
    assert partial.units == units
    with pytest.raises(civitas.ValidationError, match="'zz' is not a column of the table"):
        demo.evaluate_many(unit_values, columns=["zz"], classes="kind")
    units2, classes2, columns2, values2 = civitas.read_value_table_arrow(unit_values, class_column="kind")
    assert (units2, classes2, columns2) == (units, classes, columns)
    np.testing.assert_array_equal(values2, values)


def test_value_table_type_errors_are_named() -> None:
    table = pa.table({"unit": ["a"], "x": [D(2024, 1, 1)]})
    with pytest.raises(civitas.ParseError) as caught:
        civitas.read_value_table_arrow(table)
    assert str(caught.value) == ("<arrow>: column 'x': Arrow type date32[day]; expected a number (any integer or floating-point "
                                 "type), a boolean, or text")
    assert "Arrow 类型为 date32[day]" in caught.value.message_zh
    with pytest.raises(civitas.ParseError, match="column 'x', row 1: 'many' in column 'x' is not a number"):
        civitas.read_value_table_arrow(pa.table({"unit": ["a", "b"], "x": ["1", "many"]}))


def test_parquet_without_pyarrow_says_to_install_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import importlib

    real = importlib.import_module

    def without_pyarrow(name: str, package: str | None = None) -> Any:
        if name.startswith("pyarrow"):
            raise ModuleNotFoundError(f"No module named {name!r}")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", without_pyarrow)
    with pytest.raises(ImportError, match=r"this needs pyarrow.parquet: pip install 'civitas\[arrow\]' \(需要 pyarrow.parquet"):
        civitas.read_observations(tmp_path / "observations.parquet")
