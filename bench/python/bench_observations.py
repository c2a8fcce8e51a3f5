"""civitas reading a national observation file into the latest-value matrix, against pandas.

Writes the file of make_observations.py (2,800 units x 150 indicators x 60 months = 25.2 million
observations and 0.5% corrections, ~1.3 GB) to /tmp unless --path names an existing one, then
runs each side in a subprocess of its own, one after the other, so that each reports its own
peak memory (VmHWM, the resident-set high-water mark, from /proc/self/status):

- civitas: ``civitas.load_observations_csv(path)`` then ``store.latest_matrix(as_of)``: the
  latest value of every unit and indicator on or before the date (corrections resolved), the
  input of ``Framework.evaluate_many``;
- pandas: ``pandas.read_csv(path)`` alone (the target: civitas's whole path faster than that),
  then, timed apart, the same latest-value matrix the pandas way (date filter, stable sort,
  last row per unit and indicator, pivot), whose result is checked against civitas's.

- Arrow (unless --no-arrow): the same data already in memory as a pyarrow Table (read by
  ``pyarrow.csv.read_csv``, timed for context), then ``civitas.read_observations(table)``: Arrow
  ingestion through the C stream interface, side by side with civitas's CSV read; its
  latest-value matrix is checked equal to the CSV's.

Targets: civitas (read + matrix) faster than pandas' read_csv alone; civitas's peak memory at
most 2x the CSV's size. Exit status 1 when the matrices differ, 2 when civitas cannot be
imported; a missed target does not fail (shared machines are noisy). The file is deleted after
unless it was there before or --keep is given.

    python bench/python/bench_observations.py                # national scale (~2 min to write)
    python bench/python/bench_observations.py --quick        # 200 x 30 x 24: checks, times little
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
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_observations import write_observations  # noqa: E402
from processes import cpu_seconds, gb, peak_rss_bytes  # noqa: E402
from processes import in_subprocess as run_worker  # noqa: E402

AS_OF = "2025-06-15"
SPEED_TARGET = 1.0   # pandas read_csv time / civitas time, at least
MEMORY_TARGET = 2.0  # civitas peak RSS / CSV bytes, at most




# ---- the two sides, each run in a subprocess ------------------------------------------------

def run_civitas(path: str, as_of: datetime.date, out: str, threads: int) -> dict[str, Any]:
    import civitas
    baseline = peak_rss_bytes()
    start, cpu = time.perf_counter(), cpu_seconds()
    load = civitas.load_observations_csv(path, threads=threads)
    matrix = load.store.latest_matrix(as_of)
    total, total_cpu = time.perf_counter() - start, cpu_seconds() - cpu
    start = time.perf_counter()
    matrix = load.store.latest_matrix(as_of)  # again, to time it apart
    latest = time.perf_counter() - start
    read = total - latest
    np.savez(out, values=matrix.values, ages=matrix.ages, units=np.array(matrix.units), indicators=np.array(matrix.indicators))
    return {"read_s": read, "matrix_s": latest, "total_s": total, "cpu_s": total_cpu, "rows": len(load.store), "rejected": len(load.rejected),
            "summary": str(load), "store_bytes": load.store.memory_bytes(), "baseline_rss": baseline, "peak_rss": peak_rss_bytes()}


def run_arrow(path: str, as_of: datetime.date, out: str) -> dict[str, Any]:
    """The same data already in memory as a pyarrow Table (read by pyarrow's CSV reader, timed
    for context), then ``civitas.read_observations(table)``: the Arrow ingestion alone."""
    import pyarrow
    import pyarrow.csv

    import civitas
    baseline = peak_rss_bytes()
    start, cpu = time.perf_counter(), cpu_seconds()
    table = pyarrow.csv.read_csv(path)
    csv_s, csv_cpu = time.perf_counter() - start, cpu_seconds() - cpu
    table_rss = peak_rss_bytes()
    start, cpu = time.perf_counter(), cpu_seconds()
    load = civitas.read_observations(table)
    ingest_s, ingest_cpu = time.perf_counter() - start, cpu_seconds() - cpu
    matrix = load.store.latest_matrix(as_of)
    np.savez(out, values=matrix.values, ages=matrix.ages, units=np.array(matrix.units), indicators=np.array(matrix.indicators))
    return {"pyarrow_read_csv_s": csv_s, "pyarrow_read_csv_cpu_s": csv_cpu, "ingest_s": ingest_s, "ingest_cpu_s": ingest_cpu,
            "rows": len(load.store), "rejected": len(load.rejected), "table_bytes": table.nbytes, "batches": len(table.to_batches()),
            "types": {f.name: str(f.type) for f in table.schema}, "pyarrow_version": pyarrow.__version__,
            "baseline_rss": baseline, "peak_rss_table": table_rss, "peak_rss": peak_rss_bytes()}


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


def run_pandas(path: str, as_of: datetime.date, out: str, read_only: bool) -> dict[str, Any]:
    import pandas as pd
    baseline = peak_rss_bytes()
    start, cpu = time.perf_counter(), cpu_seconds()
    frame = pd.read_csv(path)
    read, read_cpu = time.perf_counter() - start, cpu_seconds() - cpu
    result: dict[str, Any] = {"read_s": read, "read_cpu_s": read_cpu, "rows": len(frame), "baseline_rss": baseline,
                              "peak_rss_read": peak_rss_bytes()}
    if not read_only:
        start = time.perf_counter()
        values, ages = latest_matrix_pandas(frame, as_of)
        result["matrix_s"] = time.perf_counter() - start
        np.savez(out, values=values.to_numpy(), ages=ages.to_numpy(), units=np.array(values.index, dtype=str),
                 indicators=np.array(values.columns, dtype=str))
    result["peak_rss"] = peak_rss_bytes()
    return result


def worker(argv: list[str]) -> int:
    side, path, as_of, out, option = argv
    day = datetime.date.fromisoformat(as_of)
    if side == "arrow":
        figures = run_arrow(path, day, out)
    else:
        figures = run_civitas(path, day, out, int(option)) if side == "civitas" else run_pandas(path, day, out, option == "read-only")
    print(json.dumps(figures))
    return 0



# ---- comparing ------------------------------------------------------------------------------

def compare(civitas_npz: str, pandas_npz: str) -> list[str]:
    """Differences between the two latest-value matrices (aligned by unit and indicator id)."""
    ours, theirs = np.load(civitas_npz), np.load(pandas_npz)
    row = {u: r for r, u in enumerate(ours["units"].tolist())}
    col = {c: k for k, c in enumerate(ours["indicators"].tolist())}
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



def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]:
        return worker(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", type=Path, help="an observation CSV to use (default: write one to /tmp)")
    parser.add_argument("--as-of", default=AS_OF, help=f"the date of the latest values (default {AS_OF})")
    parser.add_argument("--threads", type=int, default=0, help="civitas parsing threads (0: up to 2)")
    parser.add_argument("--pandas-read-only", action="store_true", help="skip pandas' latest-value matrix (and the check)")
    parser.add_argument("--no-arrow", action="store_true", help="skip the Arrow side (needs pyarrow)")
    parser.add_argument("--keep", action="store_true", help="keep the file written")
    parser.add_argument("--quick", action="store_true", help="200 units x 30 indicators x 24 months: checks, times little")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)

    try:
        import civitas
    except ImportError as error:
        print(f"cannot import civitas ({error}); install it first: pip install --no-build-isolation .", file=sys.stderr)
        return 2

    work = Path(tempfile.mkdtemp(prefix="civitas-bench-obs-"))
    path = args.path or Path("/tmp") / ("civitas-observations-small.csv" if args.quick else "civitas-observations.csv")
    existed = path.exists() and args.path is not None
    if not existed:
        start = time.perf_counter()
        shape = (200, 30, 24) if args.quick else (2800, 150, 60)
        write_observations(path, *shape)
        print(f"wrote {path} ({shape[0]:,} units x {shape[1]} indicators x {shape[2]} months) "
              f"in {time.perf_counter() - start:.0f} s")
    size = path.stat().st_size
    try:
        ours = run_worker(__file__, "civitas", str(path), args.as_of, str(work / "civitas.npz"), str(args.threads))
        theirs = run_worker(__file__, "pandas", str(path), args.as_of, str(work / "pandas.npz"),
                               "read-only" if args.pandas_read_only else "full")
        problems = [] if args.pandas_read_only else compare(str(work / "civitas.npz"), str(work / "pandas.npz"))
        arrow = None
        if not args.no_arrow:
            arrow = run_worker(__file__, "arrow", str(path), args.as_of, str(work / "arrow.npz"), "")
            problems += [f"Arrow: {p}" for p in compare(str(work / "civitas.npz"), str(work / "arrow.npz"))]
    finally:
        if not existed and not args.keep:
            path.unlink(missing_ok=True)
        for item in work.iterdir():
            item.unlink()
        work.rmdir()

    import pandas as pd
    civitas_s = ours["total_s"]
    speed = theirs["read_s"] / civitas_s
    cpu_speed = theirs["read_cpu_s"] / ours["cpu_s"]
    memory = ours["peak_rss"] / size
    print(f"civitas {civitas.__version__} vs pandas {pd.__version__} (Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs; civitas threads: {args.threads or 'up to 2'})")
    print(f"{path.name}: {size / 1e6:,.1f} MB, {ours['rows']:,} rows; latest values as of {args.as_of}")
    print(f"civitas: {ours['summary']}")
    print()
    print(f"{'':34s}{'time (s)':>9s} {'CPU (s)':>8s} {'peak RSS':>10s}")
    print(f"{'civitas load_observations_csv':34s}{ours['read_s']:9.2f}")
    print(f"{'civitas latest_matrix':34s}{ours['matrix_s']:9.3f}")
    print(f"{'civitas total':34s}{civitas_s:9.2f} {ours['cpu_s']:8.2f} {gb(ours['peak_rss'])}  (store "
          f"{gb(ours['store_bytes'])}, interpreter {gb(ours['baseline_rss'])})")
    print(f"{'pandas read_csv':34s}{theirs['read_s']:9.2f} {theirs['read_cpu_s']:8.2f} {gb(theirs['peak_rss_read'])}")
    if "matrix_s" in theirs:
        print(f"{'pandas latest matrix (after read)':34s}{theirs['matrix_s']:9.2f} {gb(theirs['peak_rss'])}")
        print(f"{'pandas total':34s}{theirs['read_s'] + theirs['matrix_s']:9.2f}")
    if arrow is not None:
        print(f"{'pyarrow read_csv (to a Table)':34s}{arrow['pyarrow_read_csv_s']:9.2f} {arrow['pyarrow_read_csv_cpu_s']:8.2f} "
              f"{gb(arrow['peak_rss_table'])}  (Table {gb(arrow['table_bytes'])}, {arrow['batches']} batches)")
        print(f"{'civitas read_observations(Table)':34s}{arrow['ingest_s']:9.2f} {arrow['ingest_cpu_s']:8.2f} {gb(arrow['peak_rss'])}"
              f"  (Arrow ingestion alone; civitas' CSV read / this: {ours['read_s'] / arrow['ingest_s']:.1f}x)")
    judged = "" if not args.quick else " (not judged on the small file: the interpreter and start-up dominate)"
    print(f"speed: pandas read_csv / civitas total = {speed:.2f}x (CPU time: {cpu_speed:.2f}x); target >= "
          f"{SPEED_TARGET:g}x: {'met' if speed >= SPEED_TARGET else 'NOT met'}{judged}")
    print(f"memory: civitas peak RSS / CSV size = {memory:.2f}x; target <= {MEMORY_TARGET:g}x: "
          f"{'met' if memory <= MEMORY_TARGET else 'NOT met'}{judged}")
    if args.pandas_read_only and not problems:
        print("results: pandas' not checked (--pandas-read-only)"
              + ("; the Arrow Table's the same as the CSV's" if arrow is not None else ""))
    elif problems:
        print("\nRESULTS DIFFER between civitas and pandas:")
        for problem in problems:
            print("  " + problem)
    else:
        print("results: the same (latest value and age of every unit and indicator"
              + (", from CSV and from the Arrow Table)" if arrow is not None else ")"))
    if args.json:
        args.json.write_text(json.dumps({"csv_bytes": size, "as_of": args.as_of, "civitas": ours, "pandas": theirs, "arrow": arrow,
                                         "speed_ratio": speed, "cpu_ratio": cpu_speed, "memory_ratio": memory, "results_match": not problems,
                                         "problems": problems}, indent=2) + "\n", encoding="utf-8")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
