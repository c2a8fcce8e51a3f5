"""Pickling a national observation store: how long a 25-million-row ObservationStore takes to go
to another process (pickle.dumps, then pickle.loads) and how many bytes it takes, against the
CSV it was read from.

Reads the CSV of make_observations.py (written to /tmp unless --path names one), then times
pickle.dumps and pickle.loads of the store (protocol 5), checks the copy equals the original, and
prints bytes per row. Exit status 1 when the copy differs, 2 when civitas cannot be imported.

    python bench/python/bench_pickle.py                 # national scale (~1 min to write the CSV)
    python bench/python/bench_pickle.py --quick         # 200 x 30 x 24: checks, times little
    python bench/python/bench_pickle.py --path /tmp/observations.csv
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_observations import write_observations


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", type=Path, help="an observation CSV to use (default: write one to /tmp)")
    parser.add_argument("--quick", action="store_true", help="200 units x 30 indicators x 24 months")
    args = parser.parse_args(argv)
    try:
        import civitas
    except ImportError as error:
        print(f"cannot import civitas ({error}); install it first: pip install --no-build-isolation .", file=sys.stderr)
        return 2

    written = None
    path = args.path
    if path is None or not path.exists():
        if path is None:
            handle, name = tempfile.mkstemp(suffix=".csv", prefix="civitas-pickle-")
            os.close(handle)
            path = written = Path(name)
        if args.quick:
            write_observations(path, units=200, indicators=30, months=24)
        else:
            write_observations(path)
    csv_bytes = path.stat().st_size
    try:
        started = time.perf_counter()
        store = civitas.load_observations_csv(path).store
        store.finalize()
        read = time.perf_counter() - started
        rows = len(store)

        started = time.perf_counter()
        data = pickle.dumps(store, protocol=5)
        dumped = time.perf_counter() - started
        started = time.perf_counter()
        again = pickle.loads(data)
        loaded = time.perf_counter() - started
        same = again == store
    finally:
        if written is not None:
            written.unlink()

    print(f"{rows:,} rows, CSV {csv_bytes / 1e6:.1f} MB, read into a store in {read:.2f} s")
    print(f"pickle.dumps: {dumped:.2f} s, {len(data) / 1e6:.1f} MB ({len(data) / rows:.1f} bytes per row)")
    print(f"pickle.loads: {loaded:.2f} s; the copy equals the original: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
