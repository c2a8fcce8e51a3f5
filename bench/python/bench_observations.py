"""civitas reading a national observation file into the latest-value matrix, against pandas,
polars, DuckDB and pyarrow.

Writes the file of make_observations.py (units x 150 indicators x 60 months and 0.5% corrections;
--size nation: 2,800 units, 25.3 million rows, ~1.3 GB; province 100 units; city 10) to /tmp
unless --path names an existing one, then runs each side in a subprocess of its own, one after
the other, so that each reports its own peak memory (VmHWM, the resident-set high-water mark,
from /proc/self/status):

- civitas: ``civitas.load_observations_csv(path)`` (the store, its index included), then
  ``store.latest_matrix(as_of)``: the latest value of every unit and indicator on or before the
  date (corrections resolved), the input of ``Framework.evaluate_many``;
- pandas: ``pandas.read_csv(path)``, then the same latest-value matrix the pandas way (date
  filter, stable sort, last row per unit and indicator, pivot);
- polars: ``polars.read_csv(path)`` (dates parsed), then the same matrix (filter, sort, last
  per group, pivot);
- DuckDB: the file into a table (``CREATE TABLE AS SELECT * FROM read_csv(...)``), then the
  same matrix in SQL (the first row per unit and indicator by date, known date and row, newest
  first), pivoted in numpy;
- pyarrow: ``pyarrow.csv.read_csv(path)`` into a Table, then ``civitas.read_observations(table)``
  (civitas's Arrow ingestion, timed apart) and its latest-value matrix.

Every side's matrix (values and ages) is checked equal to civitas's, cell by cell and exactly:
that is the check of both cases, "read" (the file into memory: civitas's store against each
tool's frame or table) and "latest matrix" (read and matrix, end to end).

Targets (issue 15): civitas's read ahead of every peer's; peak memory at most 1x the CSV.
Exit status 1 when any matrix differs, 2 when civitas cannot be imported; a missed target does
not fail (shared machines are noisy). The file is deleted after unless it was there before or
--keep is given. Follows the suite's contract (bench/README.md): --size, --quick, --json.

    python bench/python/bench_observations.py                   # national scale (~2 min to write)
    python bench/python/bench_observations.py --size province   # 100 units
    python bench/python/bench_observations.py --quick           # 200 x 30 x 24: checks, times little
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_observations import UNITS, suite_shape, write_observations  # noqa: E402
from processes import cpu_seconds, gb, peak_rss_bytes  # noqa: E402
from processes import in_subprocess as run_worker  # noqa: E402

AS_OF = "2025-06-15"
SPEED_TARGET = 1.0   # each peer's read time / civitas's, at least
MEMORY_TARGET = 1.0  # civitas peak RSS / CSV bytes, at most
PEERS = ["pandas", "polars", "duckdb", "pyarrow"]


# ---- the sides, each run in a subprocess ----------------------------------------------------

def save_matrix(out: str, values: np.ndarray, ages: np.ndarray, units: Any, indicators: Any) -> None:
    np.savez(out, values=values, ages=ages, units=np.array(units, dtype=str), indicators=np.array(indicators, dtype=str))


def run_civitas(path: str, as_of: datetime.date, out: str, threads: int) -> dict[str, Any]:
    import civitas
    baseline = peak_rss_bytes()
    start, cpu = time.perf_counter(), cpu_seconds()
    load = civitas.load_observations_csv(path, threads=threads)
    read, read_cpu, read_rss = time.perf_counter() - start, cpu_seconds() - cpu, peak_rss_bytes()
    matrix = load.store.latest_matrix(as_of)
    total, total_cpu = time.perf_counter() - start, cpu_seconds() - cpu
    save_matrix(out, matrix.values, matrix.ages, matrix.units, matrix.indicators)
    return {"read_s": read, "read_cpu_s": read_cpu, "matrix_s": total - read, "total_s": total, "cpu_s": total_cpu,
            "rows": len(load.store), "rejected": len(load.rejected), "summary": str(load),
            "store_bytes": load.store.memory_bytes(), "baseline_rss": baseline, "peak_rss_read": read_rss,
            "peak_rss": peak_rss_bytes()}


def run_pyarrow(path: str, as_of: datetime.date, out: str) -> dict[str, Any]:
    """pyarrow's CSV reader into a Table, then ``civitas.read_observations(table)``: the Arrow
    ingestion (timed apart) and its latest-value matrix, which checks what pyarrow read."""
    import pyarrow
    import pyarrow.csv

    import civitas
    baseline = peak_rss_bytes()
    start, cpu = time.perf_counter(), cpu_seconds()
    table = pyarrow.csv.read_csv(path)
    read, read_cpu, read_rss = time.perf_counter() - start, cpu_seconds() - cpu, peak_rss_bytes()
    start = time.perf_counter()
    load = civitas.read_observations(table)
    ingest = time.perf_counter() - start
    matrix = load.store.latest_matrix(as_of)
    save_matrix(out, matrix.values, matrix.ages, matrix.units, matrix.indicators)
    return {"read_s": read, "read_cpu_s": read_cpu, "ingest_s": ingest, "rows": table.num_rows,
            "table_bytes": table.nbytes, "batches": len(table.to_batches()), "baseline_rss": baseline,
            "peak_rss_read": read_rss, "peak_rss": peak_rss_bytes()}


def latest_matrix_pandas(frame: Any, as_of: datetime.date) -> tuple[Any, Any]:
    """The latest value and its age per unit (rows) and indicator (columns) on or before as_of,
    corrections resolved: among the records of a date, the one recorded last (a record without a
    recorded date counts as known on its date; ties: the later row of the file)."""
    import pandas as pd
    dates = pd.to_datetime(frame["date"], format="%Y-%m-%d")
    known = pd.to_datetime(frame["recorded"], format="%Y-%m-%d").fillna(dates)
    day = pd.Timestamp(as_of)
    keep = (dates <= day).to_numpy()
    rows = pd.DataFrame({"unit": frame["unit"].to_numpy()[keep], "indicator": frame["indicator"].to_numpy()[keep],
                         "date": dates.to_numpy()[keep], "known": known.to_numpy()[keep],
                         "value": frame["value"].to_numpy()[keep]})
    rows = rows.sort_values(["date", "known"], kind="stable")
    last = rows.groupby(["unit", "indicator"], sort=False).tail(1)
    values = last.pivot(index="unit", columns="indicator", values="value")
    ages = last.assign(age=(day - last["date"]).dt.days.astype(float)).pivot(index="unit", columns="indicator", values="age")
    return values, ages


def run_pandas(path: str, as_of: datetime.date, out: str, read_only: bool = False) -> dict[str, Any]:
    import pandas as pd
    baseline = peak_rss_bytes()
    start, cpu = time.perf_counter(), cpu_seconds()
    frame = pd.read_csv(path)
    read, read_cpu, read_rss = time.perf_counter() - start, cpu_seconds() - cpu, peak_rss_bytes()
    if read_only:
        return {"read_s": read, "read_cpu_s": read_cpu, "rows": len(frame), "baseline_rss": baseline,
                "peak_rss_read": read_rss, "peak_rss": read_rss}
    values, ages = latest_matrix_pandas(frame, as_of)
    total = time.perf_counter() - start
    save_matrix(out, values.to_numpy(), ages.to_numpy(), values.index, values.columns)
    return {"read_s": read, "read_cpu_s": read_cpu, "matrix_s": total - read, "total_s": total, "rows": len(frame),
            "baseline_rss": baseline, "peak_rss_read": read_rss, "peak_rss": peak_rss_bytes()}


def run_polars(path: str, as_of: datetime.date, out: str) -> dict[str, Any]:
    """polars' read_csv (dates parsed), then the matrix: filter, sort by (date, known, row), the
    last row of each unit and indicator (polars keeps the frame's order within a group), pivot."""
    import polars as pl
    baseline = peak_rss_bytes()
    start, cpu = time.perf_counter(), cpu_seconds()
    frame = pl.read_csv(path, try_parse_dates=True, schema_overrides={"recorded": pl.Date, "sample_size": pl.Int64})
    read, read_cpu, read_rss = time.perf_counter() - start, cpu_seconds() - cpu, peak_rss_bytes()
    last = (frame.with_row_index("row").filter(pl.col("date") <= as_of)
            .with_columns(known=pl.coalesce("recorded", "date"))
            .sort(["date", "known", "row"])
            .group_by(["unit", "indicator"]).last()
            .with_columns(age=(pl.lit(as_of) - pl.col("date")).dt.total_days().cast(pl.Float64)))
    values = last.pivot(on="indicator", index="unit", values="value")
    ages = last.pivot(on="indicator", index="unit", values="age")
    total = time.perf_counter() - start
    indicators = [c for c in values.columns if c != "unit"]
    save_matrix(out, values.select(indicators).to_numpy(), ages.select(indicators).to_numpy(),
                values["unit"].to_list(), indicators)
    if ages["unit"].to_list() != values["unit"].to_list() or [c for c in ages.columns if c != "unit"] != indicators:
        raise RuntimeError("polars pivoted values and ages in different orders")
    return {"read_s": read, "read_cpu_s": read_cpu, "matrix_s": total - read, "total_s": total, "rows": frame.height,
            "baseline_rss": baseline, "peak_rss_read": read_rss, "peak_rss": peak_rss_bytes()}


def run_duckdb(path: str, as_of: datetime.date, out: str) -> dict[str, Any]:
    """The file into a DuckDB table (insertion order kept, so rowid is the file's order), then the
    newest row per unit and indicator by (date, known date, rowid) in SQL, pivoted in numpy."""
    import duckdb
    baseline = peak_rss_bytes()
    connection = duckdb.connect()
    start, cpu = time.perf_counter(), cpu_seconds()
    connection.execute("CREATE TABLE obs AS SELECT * FROM read_csv(?, header = true, "
                       "types = {'date': 'DATE', 'recorded': 'DATE', 'value': 'DOUBLE'})", [path])
    read, read_cpu, read_rss = time.perf_counter() - start, cpu_seconds() - cpu, peak_rss_bytes()
    rows = connection.execute("SELECT count(*) FROM obs").fetchone()[0]
    latest = connection.execute(
        "SELECT unit, indicator, value, date_diff('day', date, ?::DATE) AS age FROM obs WHERE date <= ?::DATE "
        "QUALIFY row_number() OVER (PARTITION BY unit, indicator ORDER BY date DESC, coalesce(recorded, date) DESC, "
        "rowid DESC) = 1", [as_of, as_of]).fetchnumpy()
    units, row = np.unique(latest["unit"].astype(str), return_inverse=True)
    indicators, column = np.unique(latest["indicator"].astype(str), return_inverse=True)
    values = np.full((len(units), len(indicators)), np.nan)
    ages = np.full((len(units), len(indicators)), np.nan)
    values[row, column] = latest["value"]
    ages[row, column] = latest["age"].astype(float)
    total = time.perf_counter() - start
    save_matrix(out, values, ages, units, indicators)
    return {"read_s": read, "read_cpu_s": read_cpu, "matrix_s": total - read, "total_s": total, "rows": rows,
            "baseline_rss": baseline, "peak_rss_read": read_rss, "peak_rss": peak_rss_bytes()}


def worker(argv: list[str]) -> int:
    side, path, as_of, out, option = argv
    day = datetime.date.fromisoformat(as_of)
    if side == "civitas":
        figures = run_civitas(path, day, out, int(option))
    elif side == "pandas":
        figures = run_pandas(path, day, out, read_only=option == "read-only")
    else:
        figures = {"pandas": run_pandas, "polars": run_polars, "duckdb": run_duckdb, "pyarrow": run_pyarrow}[side](path, day, out)
    print(json.dumps(figures))
    return 0


# ---- comparing ------------------------------------------------------------------------------

def compare(civitas_npz: str, peer_npz: str) -> list[str]:
    """Differences between two latest-value matrices (aligned by unit and indicator id)."""
    ours, theirs = np.load(civitas_npz), np.load(peer_npz)
    row = {u: r for r, u in enumerate(ours["units"].tolist())}
    col = {c: k for k, c in enumerate(ours["indicators"].tolist())}
    if set(theirs["units"].tolist()) != set(row) or set(theirs["indicators"].tolist()) != set(col):
        return ["different units or indicators"]
    values = np.full_like(ours["values"], np.nan)
    ages = np.full_like(ours["ages"], np.nan)
    rows = [row[u] for u in theirs["units"].tolist()]
    cols = [col[c] for c in theirs["indicators"].tolist()]
    values[np.ix_(rows, cols)] = theirs["values"]
    ages[np.ix_(rows, cols)] = theirs["ages"]
    problems = []
    for name, a, b in (("values", ours["values"], values), ("ages", ours["ages"], ages)):
        if not np.array_equal(a, b, equal_nan=True):
            bad = int(np.sum(~((a == b) | (np.isnan(a) & np.isnan(b)))))
            problems.append(f"{name}: {bad} of {a.size} cells differ")
    return problems


def versions(peers: list[str]) -> dict[str, str]:
    import civitas
    found = {"civitas": civitas.__version__, "numpy": np.__version__, "python": platform.python_version()}
    for peer in peers:
        try:
            found[peer] = metadata.version(peer)
        except metadata.PackageNotFoundError:
            pass
    return found


def available(peer: str) -> bool:
    import importlib.util
    return importlib.util.find_spec(peer) is not None


def contract_json(size: str | None, shape: tuple[int, int, int], csv_bytes: int, ours: dict[str, Any],
                  theirs: dict[str, dict[str, Any]], problems: dict[str, list[str]], missing: list[str]) -> dict[str, Any]:
    """The suite's JSON (bench/README.md): cases "read" and "latest matrix", bytes = the CSV's size."""
    same = not any(problems.values())
    note = f"peers not installed: {', '.join(missing)}" if missing else ""
    arrow = theirs.get("pyarrow")
    read_note = "; ".join(filter(None, [note, f"civitas from the pyarrow Table: {arrow['ingest_s']:.3g} s" if arrow else ""]))
    cases = [{"case": "read", "civitas_s": ours["read_s"], "peers": {p: f["read_s"] for p, f in theirs.items()},
              "same_results": same, "ratio": {p: f["read_s"] / ours["read_s"] for p, f in theirs.items()},
              "peak_rss_bytes": {"civitas": ours["peak_rss_read"], **{p: f["peak_rss_read"] for p, f in theirs.items()}},
              "bytes": csv_bytes, "rows": ours["rows"], **({"note": read_note} if read_note else {})},
             {"case": "latest matrix", "civitas_s": ours["total_s"],
              "peers": {p: f["total_s"] for p, f in theirs.items() if "total_s" in f}, "same_results": same,
              "ratio": {p: f["total_s"] / ours["total_s"] for p, f in theirs.items() if "total_s" in f},
              "peak_rss_bytes": {"civitas": ours["peak_rss"], **{p: f["peak_rss"] for p, f in theirs.items() if "total_s" in f}},
              "bytes": csv_bytes, "rows": ours["rows"], **({"note": note} if note else {})}]
    return {"workload": "observations", "size": size or "custom",
            "shape": {"units": shape[0], "indicators": shape[1], "months": shape[2], "rows": ours["rows"], "csv_bytes": csv_bytes},
            "cases": cases, "versions": versions(list(theirs)), "problems": problems}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]:
        return worker(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=list(UNITS), help="city 10, province 100, nation 2,800 units, each x 150 "
                                                            "indicators x 60 months (default nation)")
    parser.add_argument("--units", type=int, help="another number of units (x 150 indicators x 60 months)")
    parser.add_argument("--path", type=Path, help="an observation CSV to use (default: write one to /tmp)")
    parser.add_argument("--as-of", default=AS_OF, help=f"the date of the latest values (default {AS_OF})")
    parser.add_argument("--threads", type=int, default=0, help="civitas parsing threads (0: up to 2)")
    parser.add_argument("--peers", default=",".join(PEERS), help=f"comma-separated (default {','.join(PEERS)})")
    parser.add_argument("--pandas-read-only", action="store_true", help="pandas reads only: no matrix, no check of pandas")
    parser.add_argument("--keep", action="store_true", help="keep the file written")
    parser.add_argument("--quick", action="store_true", help="without --size or --units: 200 units x 30 indicators x "
                                                             "24 months; every peer checked, times little")
    parser.add_argument("--json", type=Path, help="write the suite's JSON (bench/README.md) to this file")
    args = parser.parse_args(argv)

    try:
        import civitas
    except ImportError as error:
        print(f"cannot import civitas ({error}); install it first: pip install --no-build-isolation .", file=sys.stderr)
        return 2

    shape = suite_shape(args.size, args.units, args.quick)
    wanted = [p for p in args.peers.split(",") if p]
    peers = [p for p in wanted if available(p)]
    missing = [p for p in wanted if p not in peers]
    work = Path(tempfile.mkdtemp(prefix="civitas-bench-obs-"))
    path = args.path or Path("/tmp") / f"civitas-observations-{shape[0]}x{shape[1]}x{shape[2]}.csv"
    existed = path.exists() and args.path is not None
    if not existed:
        start = time.perf_counter()
        write_observations(path, *shape)
        print(f"wrote {path} ({shape[0]:,} units x {shape[1]} indicators x {shape[2]} months) "
              f"in {time.perf_counter() - start:.0f} s")
    size = path.stat().st_size
    try:
        ours = run_worker(__file__, "civitas", str(path), args.as_of, str(work / "civitas.npz"), str(args.threads))
        theirs = {peer: run_worker(__file__, peer, str(path), args.as_of, str(work / f"{peer}.npz"),
                                   "read-only" if peer == "pandas" and args.pandas_read_only else "") for peer in peers}
        problems = {peer: compare(str(work / "civitas.npz"), str(work / f"{peer}.npz")) for peer in peers
                    if (work / f"{peer}.npz").exists()}
    finally:
        if not existed and not args.keep:
            path.unlink(missing_ok=True)
        for item in work.iterdir():
            item.unlink()
        work.rmdir()

    memory = ours["peak_rss_read"] / size
    print(f"civitas {civitas.__version__} (Python {platform.python_version()}, {os.cpu_count()} CPUs; civitas threads: "
          f"{args.threads or 'up to 2'}); peers: {', '.join(f'{k} {v}' for k, v in versions(peers).items() if k in peers)}")
    print(f"{path.name}: {size / 1e6:,.1f} MB, {ours['rows']:,} rows; latest values as of {args.as_of}")
    print(f"civitas: {ours['summary']}")
    if missing:
        print(f"not installed, skipped: {', '.join(missing)}")
    print()
    if args.pandas_read_only:
        print("pandas: read only (--pandas-read-only), its results not checked")
    print(f"{'':10s}{'read (s)':>9s} {'CPU (s)':>8s} {'peak RSS':>10s} {'read+matrix (s)':>16s} {'peak RSS':>10s}")
    for name, f in [("civitas", ours), *theirs.items()]:
        total = f"{f['total_s']:16.2f} {gb(f['peak_rss'])}" if "total_s" in f else f"{'(Arrow ingest ' + format(f['ingest_s'], '.2f') + ' s)':>16s}"
        print(f"{name:10s}{f['read_s']:9.2f} {f['read_cpu_s']:8.2f} {gb(f['peak_rss_read'])} {total}")
    judged = "" if not args.quick else " (not judged on small files: the interpreter and start-up dominate)"
    for peer, f in theirs.items():
        speed = f["read_s"] / ours["read_s"]
        print(f"read: {peer} / civitas = {speed:.2f}x; target >= {SPEED_TARGET:g}x: {'met' if speed >= SPEED_TARGET else 'NOT met'}{judged}")
    print(f"memory: civitas peak RSS after the read / CSV size = {memory:.2f}x; target <= {MEMORY_TARGET:g}x: "
          f"{'met' if memory <= MEMORY_TARGET else 'NOT met'}{judged}")
    if any(problems.values()):
        print("\nRESULTS DIFFER from civitas's:")
        for peer, found in problems.items():
            for problem in found:
                print(f"  {peer}: {problem}")
    else:
        print(f"results: the same (latest value and age of every unit and indicator) from {', '.join(['civitas', *problems])}")
    if args.json:
        result = contract_json(args.size, shape, size, ours, theirs, problems, missing)
        result["civitas"], result["sides"] = ours, theirs
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 1 if any(problems.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
