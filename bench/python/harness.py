"""The timing harness the in-process Python benchmarks share (bench_evaluate.py, bench_rankings.py,
bench_topsis.py, bench_uncertainty.py, bench_weights.py): one BLAS thread, interleaved samples,
best and median.

Importing this module sets OPENBLAS_NUM_THREADS, OMP_NUM_THREADS and MKL_NUM_THREADS to 1 unless
the environment already sets them: the numpy references run on one thread unless BLAS starts
threads for their matrix products, which on a small shared machine spin and slow them down. It
only takes effect when imported before numpy is first imported; BLAS_PRESET says whether numpy
was imported already (then BLAS threads are as they were).
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

# The suite's sizes in units (bench/README.md), with 200 indicators: the nation is the issue's
# 3,000 x 200 (the nation's counties are 2,800), for evaluate, TOPSIS, rank uncertainty and weights.
SIZES = {"city": 10, "province": 100, "nation": 3000}
SIZE_INDICATORS = 200

BLAS_PRESET = "numpy" in sys.modules
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")


def blas_threads() -> str:
    """How many BLAS threads numpy uses, in words, for the benchmarks' first line."""
    if BLAS_PRESET:
        return "numpy imported before this script: as it was"
    return f"OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']}"


def interleaved(runs: dict[str, Callable[[], Any]], repeat: int | dict[str, int],
                number: int | dict[str, int]) -> dict[str, list[float]]:
    """Seconds per call of each function: `repeat` samples of `number` calls, the functions
    taking turns (their order alternating) so that both see the same machine; gc off as timeit.
    `repeat` and `number` are one count for every function or one per function (a slow peer
    sampled less): a function whose samples are done leaves the turns."""
    samples: dict[str, list[float]] = {name: [] for name in runs}
    names = list(runs)
    repeats = repeat if isinstance(repeat, dict) else dict.fromkeys(names, repeat)
    numbers = number if isinstance(number, dict) else dict.fromkeys(names, number)
    enabled = gc.isenabled()
    gc.disable()
    try:
        for r in range(max(repeats.values(), default=0)):
            for name in names if r % 2 == 0 else reversed(names):
                if r >= repeats[name]:
                    continue
                fn, calls = runs[name], numbers[name]
                start = time.perf_counter()
                for _ in range(calls):
                    fn()
                samples[name].append((time.perf_counter() - start) / calls)
    finally:
        if enabled:
            gc.enable()
    return samples


def cpu_per_call(fn: Callable[[], Any], repeat: int, number: int) -> float:
    """The best of `repeat` samples of the process's CPU seconds per call over `number` calls: on a
    shared machine it leaves out the time other processes held the cores (not their effect on
    caches), so it says more than wall time about a call of a few microseconds."""
    best = math.inf
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.process_time()
            for _ in range(number):
                fn()
            best = min(best, (time.process_time() - start) / number)
    finally:
        if enabled:
            gc.enable()
    return best


def calls_per_sample(warm: dict[str, list[float]], given: int = 0, seconds: float = 0.02) -> int:
    """`given` when set, else enough calls of the fastest function (by its warm-up time) to
    take `seconds` per sample."""
    return given or max(1, math.ceil(seconds / max(1e-9, min(min(v) for v in warm.values()))))


def best_and_median(samples: dict[str, list[float]]) -> tuple[dict[str, float], dict[str, float]]:
    """The best and the median sample of each function."""
    return ({name: min(v) for name, v in samples.items()},
            {name: statistics.median(v) for name, v in samples.items()})


def time_case(case: dict[str, Any], repeat: int, number: int, quick: bool, long: float,
              slow: float) -> tuple[dict[str, float], dict[str, float], dict[str, int]]:
    """Best and median seconds a call of each side of case["runs"], interleaved, and the calls per
    sample: each side `number` calls a sample, or (0) enough for about 20 ms (5 with --quick); a
    side slower than `slow` a call sampled at most 5 times; a side whose check call
    (case["check_s"]) took over `long` timed by that call alone."""
    once = {name: seconds for name, seconds in case.get("check_s", {}).items() if seconds > long}
    runs = {name: run for name, run in case["runs"].items() if name not in once}
    warm = interleaved(runs, 1, 1)
    numbers = {name: calls_per_sample({name: seconds}, number, 0.005 if quick else 0.02) for name, seconds in warm.items()}
    repeats = {name: min(repeat, 5) if warm[name][0] > slow else repeat for name in runs}
    best, median = best_and_median(interleaved(runs, repeats, numbers))
    for name, seconds in once.items():
        best[name] = median[name] = seconds
        numbers[name] = 1
    order = list(case["runs"])
    return ({name: best[name] for name in order}, {name: median[name] for name in order},
            {name: numbers[name] for name in order})


def import_civitas() -> Any:
    """The civitas module, or None after saying on stderr that it is not installed (a script then
    exits 2, the suite's contract)."""
    try:
        import civitas
    except ImportError as error:
        print(f"cannot import civitas ({error}); install it first: pip install --no-build-isolation .", file=sys.stderr)
        return None
    return civitas


def ms(seconds: float) -> str:
    """Seconds as milliseconds, 10 wide with 3 decimals."""
    return f"{seconds * 1e3:10.3f}"


def contract_case(case: str, best: dict[str, float], same_results: bool, **optional: Any) -> dict[str, Any]:
    """One case of the suite's JSON (bench/README.md) from the best time of each side ("civitas"
    and its peers): the times, the ratios peer / civitas, and the optional fields given (flops,
    bytes, threads, note...; those that are None are left out)."""
    peers = {name: seconds for name, seconds in best.items() if name != "civitas"}
    return {"case": case, "civitas_s": best["civitas"], "peers": peers, "same_results": same_results,
            "ratio": {name: seconds / best["civitas"] for name, seconds in peers.items()},
            **{key: value for key, value in optional.items() if value is not None}}


def size_of(units: int, indicators: int) -> str:
    """The suite's name of a shape (city, province, nation), or "custom" when --units or another
    flag moved it off the sizes."""
    if indicators != SIZE_INDICATORS:
        return "custom"
    return next((name for name, count in SIZES.items() if count == units), "custom")


def matrix_parser(description: str, seed: int) -> argparse.ArgumentParser:
    """The arguments of a benchmark of a units x criteria matrix (bench_topsis.py, bench_rankings.py):
    the suite's --size, --quick and --json, and --units, --criteria, --repeat, --number, --seed; a
    script adds its own, then calls matrix_arguments."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--size", choices=list(SIZES),
                        help="units x 200 criteria: city 10, province 100, nation 3,000 (default: 3,000; --quick: "
                             "200 x 40)")
    parser.add_argument("--units", type=int, help="another number of units (overrides --size)")
    parser.add_argument("--criteria", type=int, help="default 200 (--quick without --size: 40)")
    parser.add_argument("--repeat", type=int, help="timed samples of each (default 21; --quick 3)")
    parser.add_argument("--number", type=int, default=0, help="calls per sample (default: enough for ~20 ms)")
    parser.add_argument("--seed", type=int, default=seed)
    parser.add_argument("--quick", action="store_true",
                        help="3 samples: checks the results, times little (without --size: 200 units x 40 criteria)")
    parser.add_argument("--json", type=Path, help="write the suite's JSON (bench/README.md) to this file")
    return parser


def matrix_arguments(parser: argparse.ArgumentParser, argv: list[str] | None) -> Any:
    """parser's arguments with the defaults of matrix_parser filled in (the shape and the samples)."""
    args = parser.parse_args(argv)
    if args.units is None:
        args.units = SIZES[args.size] if args.size else (200 if args.quick else SIZES["nation"])
    if args.criteria is None:
        args.criteria = 40 if args.quick and args.size is None else SIZE_INDICATORS
    if args.repeat is None:
        args.repeat = 3 if args.quick else 21
    return args
