"""Pickling an observation store: how long an ObservationStore takes to go to another process
(pickle.dumps, then pickle.loads) and how many bytes it takes, against the CSV it was read from
and against the pandas DataFrame of the same file, which is what a user would send otherwise.

Reads the CSV of make_observations.py (written to /tmp unless --path names one) into a store and
into a DataFrame (pandas.read_csv, dates parsed), checks that each round trip gives back an equal
object, then times the two round trips (protocol 5), alternating, and prints the best time of
each, bytes per row and the ratio pandas / civitas (above 1: civitas ahead).

Follows the suite's contract (bench/README.md): --size (city, province, nation: 10, 100 and
2,800 units x 150 indicators x 60 months), --quick, --json. Exit status 1 when a copy differs, 2
when civitas cannot be imported.

    python bench/python/bench_pickle.py                 # the nation (~1 min to write the CSV)
    python bench/python/bench_pickle.py --quick         # a small file: checks, times little
    python bench/python/bench_pickle.py --size province --json /tmp/pickle.json
    python bench/python/bench_pickle.py --path /tmp/observations.csv
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402  (one BLAS thread, as every script of the suite)

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import pickle  # noqa: E402
import platform  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

from make_observations import suite_shape, write_observations  # noqa: E402


def round_trip(thing: object) -> tuple[float, int, object]:
    """Seconds of pickle.dumps then pickle.loads (protocol 5), the bytes, and the copy."""
    started = time.perf_counter()
    data = pickle.dumps(thing, protocol=5)
    copy = pickle.loads(data)
    return time.perf_counter() - started, len(data), copy


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=["city", "province", "nation"], help="units x 150 indicators x 60 months: "
                        "city 10, province 100, nation 2,800 (default: nation; --quick: a small file)")
    parser.add_argument("--path", type=Path, help="an observation CSV to use (default: write one to /tmp)")
    parser.add_argument("--repeat", type=int, help="round trips of each side (default 5; the nation 2; --quick 2)")
    parser.add_argument("--quick", action="store_true", help="checks the copies, times little")
    parser.add_argument("--json", type=Path, help="write the suite's JSON (bench/README.md) to this file")
    args = parser.parse_args(argv)
    civitas = harness.import_civitas()
    if civitas is None:
        return 2
    import pandas as pd

    units, indicators, months = suite_shape(args.size, None, args.quick)
    repeat = args.repeat or (2 if args.quick or units >= 1000 else 5)
    written = None
    path = args.path
    if path is None or not path.exists():
        if path is None:
            handle, name = tempfile.mkstemp(suffix=".csv", prefix="civitas-pickle-")
            os.close(handle)
            path = written = Path(name)
        write_observations(path, units=units, indicators=indicators, months=months)
    try:
        csv_bytes = path.stat().st_size
        store = civitas.load_observations_csv(path).store
        store.finalize()
        frame = pd.read_csv(path, parse_dates=["date", "recorded"])
    finally:
        if written is not None:
            written.unlink()
    rows = len(store)

    best = {"civitas": float("inf"), "pandas": float("inf")}
    sizes: dict[str, int] = {}
    same = {"civitas": True, "pandas": True}
    for _ in range(repeat):
        for name, thing in (("civitas", store), ("pandas", frame)):
            seconds, size, copy = round_trip(thing)
            best[name] = min(best[name], seconds)
            sizes[name] = size
            same[name] = same[name] and (copy == store if name == "civitas" else copy.equals(frame))
            del copy
    same_results = all(same.values())

    print(f"civitas {civitas.__version__}, pandas {pd.__version__} (Python {platform.python_version()}, {os.cpu_count()} CPUs)")
    print(f"{rows:,} rows ({units} units x {indicators} indicators x {months} months), CSV {csv_bytes / 1e6:.1f} MB; "
          f"{repeat} round trips of each, alternating")
    for name in best:
        print(f"{name:8s} dumps + loads {best[name] * 1e3:10.1f} ms, {sizes[name] / 1e6:8.1f} MB "
              f"({sizes[name] / rows:.1f} bytes a row, {sizes[name] / csv_bytes:.2f}x the CSV); "
              f"the copy equals the original: {same[name]}")
    print(f"ratio pandas / civitas: {best['pandas'] / best['civitas']:.2f}x")

    if args.json:
        case = harness.contract_case("pickle round trip", best, same_results, bytes=sizes["civitas"],
                                     note=f"protocol 5; civitas {sizes['civitas'] / rows:.1f} bytes a row, "
                                          f"pandas {sizes['pandas'] / rows:.1f}; {repeat} round trips each")
        args.json.write_text(json.dumps({
            "workload": "pickle", "size": args.size or ("custom" if args.quick else "nation"),
            "shape": {"units": units, "indicators": indicators, "months": months, "rows": rows, "csv_bytes": csv_bytes},
            "cases": [case],
            "versions": {"civitas": civitas.__version__, "pandas": pd.__version__, "python": platform.python_version()},
        }, indent=2) + "\n", encoding="utf-8")
    return 0 if same_results else 1


if __name__ == "__main__":
    sys.exit(main())
