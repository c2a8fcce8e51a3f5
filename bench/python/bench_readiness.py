"""civitas from a national campaign's files to every unit's readiness, against pandas.

Writes (or reuses, --path) a synthetic campaign in a folder: ``campaign.json`` with 2,800 units
(--size nation; province 100, city 10: one top unit, up to 31 regions under it, the rest spread
over the regions) and one title
whose inspection is after the status date, ``framework.json`` with 150 indicators (shares with
bounds [0, 100], lower-is-better values, ranges, 6 yes/no items, 6 problem counts, 3 basic
items; pass rules all_basic_met and min_share_general_met 0.7) and ``observations.csv``
from make_observations.py (units x 150 indicators x 60 month ends and 0.5% corrections; nation:
25.3 million observations, ~1.3 GB; the same generator and sizes as
bench_observations.py, its values shaped to the framework's kinds). Then, each in a subprocess
of its own so that each reports its own peak memory (VmHWM):

- civitas: ``civitas.load_campaign(campaign.json)`` (the campaign, its framework, the CSV into
  the observation store) then ``civitas.readiness(campaign, as_of)``: every unit's latest values
  evaluated now, each series' least-squares line through its last 5 points projected to the
  inspection date (clamped to the bounds; yes/no and counts keep their latest value) and
  evaluated, and red / amber / green. Timed as a whole; then, apart, its stages (read and index,
  latest values, projection, evaluation) on the loaded store;
- pandas ``read_csv`` of the CSV alone: the target (civitas's whole path faster than that);
- a pandas/numpy reference of the same result (date filter, stable sort, the last record per
  unit, indicator and date, the last 5 dates per series, least squares in numpy, the
  framework's pass/fail by whole columns), whose latest and projected matrices, pass decisions
  and red / amber / green are checked equal to civitas's, cell by cell and exactly.

Targets: pandas read_csv time / civitas time >= 1; civitas's peak RSS / CSV bytes <= 2. Exit
status 1 when the results differ, 2 when civitas cannot be imported; a missed target does not
fail (shared machines are noisy). The folder is deleted after unless --path or --keep.
Follows the suite's contract (bench/README.md): --size, --quick, --json.

    python bench/python/bench_readiness.py                  # national scale (~1 min to write)
    python bench/python/bench_readiness.py --size province  # 100 units
    python bench/python/bench_readiness.py --quick          # 200 x 30 x 24: checks, times little
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_observations import SEED, UNITS, indicator_levels, suite_shape, write_observations  # noqa: E402
from processes import cpu_seconds, gb, peak_rss_bytes  # noqa: E402
from processes import in_subprocess as run_worker  # noqa: E402

AS_OF = "2025-12-15"
INSPECTION = "2026-06-30"
TREND_POINTS = 5
SPEED_TARGET = 1.0   # pandas read_csv time / civitas time, at least
MEMORY_TARGET = 2.0  # civitas peak RSS / CSV bytes, at most
RAG = {"green": 0, "amber": 1, "red": 2}


# ---- the campaign ---------------------------------------------------------------------------

def indicator_kinds(indicators: int) -> list[str]:
    """The shape of each indicator's values (make_observations.kind_values) and so its direction:
    every 25th a yes/no item, the next a problem count, the others in turn a share (higher, in
    [0, 100]), a value lower-is-better, a range, a value higher-is-better without bounds."""
    kinds = []
    for i in range(indicators):
        if i % 25 == 12:
            kinds.append("yes_no")
        elif i % 25 == 13:
            kinds.append("count")
        else:
            kinds.append(["share", "lower", "range", "higher"][i % 4])
    return kinds


def make_framework(indicators: int, seed: int = SEED) -> dict[str, Any]:
    """The framework (as JSON data): lines set from each indicator's level so that about 80% of
    the values meet them, so that units pass and fail and projections change some verdicts."""
    level = indicator_levels(indicators, seed)
    items = []
    for i, kind in enumerate(indicator_kinds(indicators)):
        item: dict[str, Any] = {"id": f"ind{i + 1:03d}", "name": f"indicator {i + 1} (synthetic)"}
        line = round(float(level[i]), 1)
        if kind == "share":
            item.update(direction="higher", bounds=[0, 100], unit="%")
            item["pass"] = round(line - 6.0, 1)
        elif kind == "higher":
            item.update(direction="higher")
            item["pass"] = round(line - 6.0, 1)
        elif kind == "lower":
            item.update(direction="lower")
            item["pass"] = round(line + 6.0, 1)
        elif kind == "range":
            item.update(direction="range")
            item["pass"] = [round(line - 9.0, 1), round(line + 9.0, 1)]
        elif kind == "yes_no":
            item.update(direction="yes_no")
        else:
            item.update(direction="problem_count", bounds=[0, 1000])
            item["pass"] = 2
        if i % 50 == 7:
            item["kind"] = "basic"
        items.append(item)
    per = (indicators + 4) // 5
    return {
        "format": "civitas-framework/1",
        "id": f"national-bench-{indicators}",
        "name": f"National benchmark framework: {indicators} indicators (synthetic)",
        "reliability": "illustrative",
        "notes": "Synthetic, from bench/python/bench_readiness.py.",
        "scale": 100,
        "weighting": "relative",
        "missing": "fail",
        "pass_rules": [{"rule": "all_basic_met"}, {"rule": "min_share_general_met", "value": 0.7}],
        "categories": [{"id": f"c{c + 1}", "name": f"category {c + 1}", "weight": 1,
                        "indicators": items[c * per:(c + 1) * per]} for c in range((indicators + per - 1) // per)],
    }


def make_campaign(units: int) -> dict[str, Any]:
    """u00000 at the top, up to 31 regions under it, the others under the regions."""
    regions = min(31, units - 1)
    unit_list: list[dict[str, Any]] = [{"id": "u00000", "name": "nation (synthetic)"}]
    for u in range(1, units):
        parent = "u00000" if u <= regions else f"u{(u - 1) % regions + 1:05d}"
        unit_list.append({"id": f"u{u:05d}", "name": f"unit {u} (synthetic)", "parent": parent})
    return {
        "format": "civitas-campaign/1",
        "id": "national-bench",
        "name": "National readiness benchmark (synthetic)",
        "titles": [{"id": "national", "name": "national title (synthetic)", "framework": "framework.json",
                    "dates": {"inspection": INSPECTION}}],
        "units": unit_list,
        "observations": ["observations.csv"],
    }


def write_campaign(folder: Path, units: int, indicators: int, months: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "framework.json").write_text(json.dumps(make_framework(indicators), indent=1) + "\n", encoding="utf-8")
    (folder / "campaign.json").write_text(json.dumps(make_campaign(units), indent=1) + "\n", encoding="utf-8")
    write_observations(folder / "observations.csv", units, indicators, months, kinds=indicator_kinds(indicators))


# ---- measuring ------------------------------------------------------------------------------



# ---- the sides, each run in a subprocess ----------------------------------------------------

def run_civitas(folder: Path, as_of: datetime.date, out: str) -> dict[str, Any]:
    import civitas
    baseline = peak_rss_bytes()
    start, cpu = time.perf_counter(), cpu_seconds()
    campaign = civitas.load_campaign(folder / "campaign.json")
    loaded = time.perf_counter()
    readiness = civitas.readiness(campaign, as_of, trend_points=TREND_POINTS)
    end, total_cpu = time.perf_counter(), cpu_seconds() - cpu
    peak = peak_rss_bytes()
    title = readiness.titles[0]
    ids = list(title.now.indicator_ids)
    np.savez(out, units=np.array(title.units), indicators=np.array(ids), now=title.now.values,
             ahead=title.at_inspection.values, passed_now=np.array(title.now.passed),
             passed_ahead=np.array(title.at_inspection.passed), rag=np.array([RAG[r.name] for r in title.rag]))

    # The stages apart, on the loaded store (after the peak was taken).
    store, framework, units = campaign.observations, title.framework, list(title.units)
    stages: dict[str, float] = {}
    start_stage = time.perf_counter()
    latest = store.latest_matrix(as_of, units, ids)
    stages["latest_s"] = time.perf_counter() - start_stage
    start_stage = time.perf_counter()
    trends = store.trend_matrix(as_of, units, ids, points=TREND_POINTS)
    projected = trends.project(title.inspection)
    stages["projection_s"] = time.perf_counter() - start_stage
    start_stage = time.perf_counter()
    framework.evaluate_many(latest.values, columns=ids, units=units, nan_as_missing=True)
    framework.evaluate_many(projected, columns=ids, units=units, nan_as_missing=True)
    stages["evaluation_s"] = time.perf_counter() - start_stage
    return {"load_s": loaded - start, "readiness_s": end - loaded, "total_s": end - start, "cpu_s": total_cpu,
            "rows": len(store), "summary": str(campaign), "store_bytes": store.memory_bytes(),
            "rejected": len(campaign.rejected_observations), "baseline_rss": baseline, "peak_rss": peak,
            "rag": {name: int(sum(1 for r in title.rag if r.name == name)) for name in RAG}, **stages}


def last_points(frame: Any, as_of: datetime.date, points: int) -> tuple[Any, ...]:
    """The last `points` dates of each unit's and indicator's series on or before as_of, each
    date's value the one recorded last (a record without a recorded date is known on its date;
    ties: the later row of the file): (units, indicators, days since 1970 and values, each
    groups x points, left-aligned in date order, and the number of points per group)."""
    import pandas as pd
    dates = pd.to_datetime(frame["date"], format="%Y-%m-%d")
    known = pd.to_datetime(frame["recorded"], format="%Y-%m-%d").fillna(dates)
    keep = (dates <= pd.Timestamp(as_of)).to_numpy()
    day = dates.to_numpy()[keep].astype("datetime64[D]").astype(np.int64)
    rows = pd.DataFrame({"unit": frame["unit"].to_numpy()[keep], "indicator": frame["indicator"].to_numpy()[keep],
                         "day": day, "known": known.to_numpy()[keep], "value": frame["value"].to_numpy()[keep]})
    rows = rows.sort_values(["unit", "indicator", "day", "known"], kind="stable")
    rows = rows.drop_duplicates(["unit", "indicator", "day"], keep="last")
    rows = rows.groupby(["unit", "indicator"], sort=False).tail(points)
    group = rows.groupby(["unit", "indicator"], sort=False)
    position = group.cumcount().to_numpy()
    keys = group.size()
    counts = keys.to_numpy()
    which = np.repeat(np.arange(len(counts)), counts)
    days = np.zeros((len(counts), points), dtype=np.int64)
    values = np.zeros((len(counts), points))
    days[which, position] = rows["day"].to_numpy()
    values[which, position] = rows["value"].to_numpy()
    return keys.index.get_level_values(0).to_numpy(), keys.index.get_level_values(1).to_numpy(), days, values, counts


def least_squares(days: np.ndarray, values: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Slope per year (365.25 days) of each row's first counts[i] points, summed point by point in
    date order (the order civitas and its trend() sum in, so the numbers agree to the bit)."""
    width = days.shape[1]
    t = (days - days[:, :1]).astype(float) / 365.25
    n = counts.astype(float)
    mean_t = np.zeros(len(counts))
    mean_y = np.zeros(len(counts))
    for j in range(width):
        used = j < counts
        mean_t = np.where(used, mean_t + t[:, j], mean_t)
        mean_y = np.where(used, mean_y + values[:, j], mean_y)
    mean_t /= n
    mean_y /= n
    sxx = np.zeros(len(counts))
    sxy = np.zeros(len(counts))
    for j in range(width):
        used = j < counts
        dt, dy = t[:, j] - mean_t, values[:, j] - mean_y
        sxx = np.where(used, sxx + dt * dt, sxx)
        sxy = np.where(used, sxy + dt * dy, sxy)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(counts >= 2, sxy / sxx, np.nan)


def met(framework: dict[str, Any], values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per unit and indicator, whether the value meets its line (missing: not met), and which are basic."""
    items = [item for category in framework["categories"] for item in category["indicators"]]
    out = np.zeros(values.shape, dtype=bool)
    for k, item in enumerate(items):  # a loop over 150 columns, each on every unit at once
        column = values[:, k]
        direction = item["direction"]
        with np.errstate(invalid="ignore"):
            if direction == "higher":
                out[:, k] = column >= item["pass"]
            elif direction == "lower":
                out[:, k] = column <= item["pass"]
            elif direction == "range":
                out[:, k] = (column >= item["pass"][0]) & (column <= item["pass"][1])
            elif direction == "yes_no":
                out[:, k] = column == 1.0
            else:
                out[:, k] = column <= item.get("pass", 0)
    return out, np.array([item.get("kind") == "basic" for item in items])


def run_reference(folder: Path, as_of: datetime.date, out: str) -> dict[str, Any]:
    """The same readiness with pandas and numpy."""
    import pandas as pd
    baseline = peak_rss_bytes()
    start = time.perf_counter()
    frame = pd.read_csv(folder / "observations.csv")
    read = time.perf_counter() - start
    framework = json.loads((folder / "framework.json").read_text(encoding="utf-8"))
    campaign = json.loads((folder / "campaign.json").read_text(encoding="utf-8"))
    inspection = datetime.date.fromisoformat(campaign["titles"][0]["dates"]["inspection"])
    items = [item for category in framework["categories"] for item in category["indicators"]]
    ids = [item["id"] for item in items]
    units = [unit["id"] for unit in campaign["units"]]

    unit_keys, indicator_keys, days, values, counts = last_points(frame, as_of, TREND_POINTS)
    del frame
    rows = pd.Index(units).get_indexer(unit_keys)
    cols = pd.Index(ids).get_indexer(indicator_keys)
    last = counts - 1
    latest_values = values[np.arange(len(counts)), last]
    latest_days = days[np.arange(len(counts)), last]
    slopes = least_squares(days, values, counts)
    ahead_days = (np.datetime64(inspection, "D") - latest_days.astype("datetime64[D]")).astype(np.int64)
    projected = latest_values + slopes * (ahead_days.astype(float) / 365.25)
    direction = np.array([item["direction"] for item in items])[cols]
    low = np.array([item.get("bounds", [-np.inf, np.inf])[0] for item in items], dtype=float)[cols]
    high = np.array([np.inf if item.get("bounds", [None, None])[1] is None else item["bounds"][1] for item in items],
                    dtype=float)[cols]
    moves = (counts >= 2) & (direction != "yes_no") & (direction != "problem_count") & np.isfinite(projected)
    projected = np.where(moves, np.clip(projected, low, high), latest_values)

    now = np.full((len(units), len(ids)), np.nan)
    ahead = np.full((len(units), len(ids)), np.nan)
    now[rows, cols] = latest_values
    ahead[rows, cols] = projected
    verdicts = []
    for matrix in (now, ahead):
        good, basic = met(framework, matrix)
        share = good[:, ~basic].sum(axis=1) / float((~basic).sum())
        verdicts.append(good[:, basic].all(axis=1) & (share >= 0.7))
    passed_now, passed_ahead = verdicts
    rag = np.where(passed_now & passed_ahead, RAG["green"], np.where(passed_now | passed_ahead, RAG["amber"], RAG["red"]))
    total = time.perf_counter() - start
    np.savez(out, units=np.array(units), indicators=np.array(ids), now=now, ahead=ahead, passed_now=passed_now,
             passed_ahead=passed_ahead, rag=rag)
    return {"read_s": read, "total_s": total, "baseline_rss": baseline, "peak_rss": peak_rss_bytes()}


def run_read_csv(folder: Path) -> dict[str, Any]:
    """pandas' read_csv alone: the target."""
    import pandas as pd
    baseline = peak_rss_bytes()
    start, cpu = time.perf_counter(), cpu_seconds()
    frame = pd.read_csv(folder / "observations.csv")
    return {"read_s": time.perf_counter() - start, "read_cpu_s": cpu_seconds() - cpu, "rows": len(frame),
            "baseline_rss": baseline, "peak_rss": peak_rss_bytes()}


def worker(argv: list[str]) -> int:
    side, folder, as_of, out = argv
    day = datetime.date.fromisoformat(as_of)
    if side == "civitas":
        figures = run_civitas(Path(folder), day, out)
    elif side == "reference":
        figures = run_reference(Path(folder), day, out)
    else:
        figures = run_read_csv(Path(folder))
    print(json.dumps(figures))
    return 0



# ---- comparing ------------------------------------------------------------------------------

def compare(civitas_npz: str, reference_npz: str) -> list[str]:
    """Differences between civitas's results and the reference's (same unit and indicator order)."""
    ours, theirs = np.load(civitas_npz), np.load(reference_npz)
    problems = []
    for name in ("units", "indicators"):
        if ours[name].tolist() != theirs[name].tolist():
            problems.append(f"{name} differ")
    if problems:
        return problems
    for name in ("now", "ahead"):
        a, b = ours[name], theirs[name]
        if not np.array_equal(a, b, equal_nan=True):
            bad = ~((a == b) | (np.isnan(a) & np.isnan(b)))
            worst = float(np.nanmax(np.abs(a - b)[bad])) if bad.any() else 0.0
            problems.append(f"{name} values: {int(bad.sum())} of {a.size} cells differ (largest difference {worst:g})")
    for name in ("passed_now", "passed_ahead", "rag"):
        if not np.array_equal(ours[name], theirs[name]):
            problems.append(f"{name}: {int(np.sum(ours[name] != theirs[name]))} of {ours[name].size} units differ")
    return problems



def contract_json(size: str | None, shape: tuple[int, int, int], csv_bytes: int, ours: dict[str, Any],
                  read_csv: dict[str, Any], reference: dict[str, Any] | None, problems: list[str]) -> dict[str, Any]:
    """The suite's JSON (bench/README.md): the readiness against the pandas/numpy reference, and
    against pandas' read_csv alone (the target; it computes nothing to compare); bytes = the CSV's size."""
    import pandas as pd

    import civitas
    same = not problems
    cases = [{"case": "readiness", "civitas_s": ours["total_s"],
              "peers": {"pandas": reference["total_s"]} if reference else {}, "same_results": same,
              "ratio": {"pandas": reference["total_s"] / ours["total_s"]} if reference else {},
              "peak_rss_bytes": {"civitas": ours["peak_rss"], **({"pandas": reference["peak_rss"]} if reference else {})},
              "bytes": csv_bytes, "note": "pandas: the pandas/numpy reference, read included" if reference else
              "reference not run (--no-reference)"},
             {"case": "readiness vs read_csv alone", "civitas_s": ours["total_s"], "peers": {"pandas": read_csv["read_s"]},
              "same_results": same, "ratio": {"pandas": read_csv["read_s"] / ours["total_s"]},
              "peak_rss_bytes": {"civitas": ours["peak_rss"], "pandas": read_csv["peak_rss"]}, "bytes": csv_bytes,
              "note": "pandas: read_csv of the observations alone (the target)"}]
    return {"workload": "readiness", "size": size or "custom",
            "shape": {"units": shape[0], "indicators": shape[1], "months": shape[2], "rows": ours["rows"], "csv_bytes": csv_bytes},
            "cases": cases, "versions": {"civitas": civitas.__version__, "pandas": pd.__version__, "numpy": np.__version__,
                                         "python": platform.python_version()},
            "civitas": ours, "read_csv": read_csv, "reference": reference, "problems": problems}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]:
        return worker(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", type=Path, help="a campaign folder to use, written there when it has no campaign.json")
    parser.add_argument("--as-of", default=AS_OF, help=f"the status date (default {AS_OF})")
    parser.add_argument("--keep", action="store_true", help="keep the folder written")
    parser.add_argument("--no-reference", action="store_true", help="skip the pandas/numpy reference (and the check)")
    parser.add_argument("--size", choices=list(UNITS), help="city 10, province 100, nation 2,800 units, each x 150 "
                                                            "indicators x 60 months (default nation)")
    parser.add_argument("--units", type=int, help="another number of units (x 150 indicators x 60 months)")
    parser.add_argument("--quick", action="store_true", help="without --size or --units: 200 units x 30 indicators x "
                                                             "24 months; checks, times little")
    parser.add_argument("--json", type=Path, help="write the suite's JSON (bench/README.md) to this file")
    args = parser.parse_args(argv)

    try:
        import civitas
    except ImportError as error:
        print(f"cannot import civitas ({error}); install it first: pip install --no-build-isolation .", file=sys.stderr)
        return 2

    shape = suite_shape(args.size, args.units, args.quick)
    folder = args.path or Path(tempfile.mkdtemp(prefix="civitas-bench-readiness-"))
    existed = (folder / "campaign.json").exists()
    if not existed:
        start = time.perf_counter()
        write_campaign(folder, *shape)
        print(f"wrote {folder} ({shape[0]:,} units x {shape[1]} indicators x {shape[2]} months) "
              f"in {time.perf_counter() - start:.0f} s")
    size = (folder / "observations.csv").stat().st_size
    work = Path(tempfile.mkdtemp(prefix="civitas-bench-readiness-out-"))
    try:
        ours = run_worker(__file__, "civitas", str(folder), args.as_of, str(work / "civitas.npz"))
        theirs = run_worker(__file__, "read_csv", str(folder), args.as_of, "")
        reference = None if args.no_reference else run_worker(__file__, "reference", str(folder), args.as_of, str(work / "reference.npz"))
        problems = [] if reference is None else compare(str(work / "civitas.npz"), str(work / "reference.npz"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if args.path is None and not args.keep:
            shutil.rmtree(folder, ignore_errors=True)

    import pandas as pd
    speed = theirs["read_s"] / ours["total_s"]
    cpu_speed = theirs["read_cpu_s"] / ours["cpu_s"]
    memory = ours["peak_rss"] / size
    print(f"civitas {civitas.__version__} vs pandas {pd.__version__} (Python {platform.python_version()}, {os.cpu_count()} CPUs)")
    print(f"{folder}: observations.csv {size / 1e6:,.1f} MB, {ours['rows']:,} rows; status date {args.as_of}, "
          f"inspection {INSPECTION}, trend over the last {TREND_POINTS} points")
    print(f"civitas: {ours['summary']}; red {ours['rag']['red']:,}, amber {ours['rag']['amber']:,}, green {ours['rag']['green']:,}")
    print()
    print(f"{'':40s}{'time (s)':>9s} {'CPU (s)':>8s} {'peak RSS':>10s}")
    print(f"{'civitas load_campaign':40s}{ours['load_s']:9.2f}")
    print(f"{'civitas readiness':40s}{ours['readiness_s']:9.3f}")
    print(f"{'civitas total':40s}{ours['total_s']:9.2f} {ours['cpu_s']:8.2f} {gb(ours['peak_rss'])}  (store "
          f"{gb(ours['store_bytes'])}, interpreter {gb(ours['baseline_rss'])})")
    print(f"{'  stages apart: latest_matrix':40s}{ours['latest_s']:9.3f}")
    print(f"{'  trend_matrix + project':40s}{ours['projection_s']:9.3f}")
    print(f"{'  evaluate_many, now and ahead':40s}{ours['evaluation_s']:9.3f}")
    print(f"{'pandas read_csv':40s}{theirs['read_s']:9.2f} {theirs['read_cpu_s']:8.2f} {gb(theirs['peak_rss'])}")
    if reference is not None:
        print(f"{'pandas/numpy reference (read included)':40s}{reference['total_s']:9.2f} {'':8s} {gb(reference['peak_rss'])}")
    judged = "" if not args.quick else " (not judged on the small file: the interpreter and start-up dominate)"
    print(f"speed: pandas read_csv / civitas total = {speed:.2f}x (CPU time: {cpu_speed:.2f}x); target >= "
          f"{SPEED_TARGET:g}x: {'met' if speed >= SPEED_TARGET else 'NOT met'}{judged}")
    print(f"memory: civitas peak RSS / CSV size = {memory:.2f}x; target <= {MEMORY_TARGET:g}x: "
          f"{'met' if memory <= MEMORY_TARGET else 'NOT met'}{judged}")
    if reference is None:
        print("results: not checked (--no-reference)")
    elif problems:
        print("\nRESULTS DIFFER between civitas and the reference:")
        for problem in problems:
            print("  " + problem)
    else:
        print("results: the same (latest and projected value of every unit and indicator, pass now and at the "
              "inspection, red / amber / green)")
    if args.json:
        result = contract_json(args.size, shape, size, ours, theirs, reference, problems)
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
