"""civitas's batch evaluation against a plain numpy implementation, from Python.

Builds a synthetic framework (mixed directions and rules, categories in two levels, basic items)
and units x indicators values around the pass lines (make_benchmark_data.py), evaluates them
with ``civitas.parse_framework(text).evaluate_many(values, columns=ids)`` and with the numpy
reference (bench/reference/numpy_evaluate.py), checks that both give the same results, then
times both, interleaved in the same run, and prints best and median times and their ratio.
Then one small call the same way: one unit of 20 indicators, ``framework.evaluate(values)`` with
a dict of id -> value against the numpy reference given the same dict (made into a 1 x 20 array
in the call); the target is under 20 microseconds per civitas call.

Exit status: 0 when the results agree (whatever the speed: the machine may be shared and
noisy), 1 when they differ, 2 when civitas cannot be imported.

    python bench/python/bench_evaluate.py                 # 3000 units x 200 indicators
    python bench/python/bench_evaluate.py --quick         # small sizes: a correctness check
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "reference")]

# The numpy reference runs on one thread unless BLAS starts threads for its matrix products,
# which on a small shared machine spin and slow it down: harness sets one BLAS thread unless the
# environment says otherwise (only before numpy is first imported). civitas splits a large
# batch among the cores (--threads 1 keeps it on one).
import harness  # noqa: E402

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import time  # noqa: E402
from typing import Any, Callable  # noqa: E402

import numpy as np  # noqa: E402

from harness import interleaved, ms  # noqa: E402
from make_benchmark_data import SEED, make_benchmark  # noqa: E402
from numpy_evaluate import DECISIONS, compile_framework, evaluate  # noqa: E402

TARGET = 5.0  # numpy time / civitas time the issue asks for
SMALL_INDICATORS = 20  # one unit of this many indicators: the small call
SMALL_TARGET_US = 20.0  # microseconds per small civitas call the issue asks for
RTOL = 1e-12


# ---- comparing --------------------------------------------------------------------------------

def compare(batch: Any, ref: Any, ids: list[str], category_ids: list[str]) -> list[str]:
    """Differences between civitas's batch and the numpy result, as messages (empty: same)."""
    problems: list[str] = []

    def check(name: str, fn: Callable[[], None]) -> None:
        try:
            fn()
        except AssertionError as error:
            problems.append(f"{name}: {str(error).strip()}")

    if list(batch.indicator_ids) != ids:
        problems.append("indicator order differs between civitas and the numpy reference")
    if list(batch.category_ids) != category_ids:
        problems.append("category order differs between civitas and the numpy reference")
    if problems:
        return problems
    outcomes = np.asarray(batch.outcomes)
    decided = np.array([DECISIONS.index(d.name) for d in batch.decided_by], dtype=np.int8)
    close = dict(rtol=RTOL, atol=0.0, equal_nan=True)
    check("scores", lambda: np.testing.assert_allclose(batch.scores, ref.scores, **close))
    check("gaps", lambda: np.testing.assert_allclose(batch.gaps, ref.gaps, **close))
    check("totals", lambda: np.testing.assert_allclose(batch.totals, ref.totals, **close))
    check("category_scores", lambda: np.testing.assert_allclose(batch.category_scores, ref.category_scores, **close))
    check("outcomes", lambda: np.testing.assert_array_equal(outcomes, ref.outcomes))
    check("met", lambda: np.testing.assert_array_equal(outcomes == 1, ref.met))
    check("met counts", lambda: np.testing.assert_array_equal(batch.met, ref.met_count))
    check("basic_failed", lambda: np.testing.assert_array_equal(batch.basic_failed, ref.basic_failed))
    check("passed", lambda: np.testing.assert_array_equal(np.asarray(batch.passed), ref.passed))
    check("decided_by", lambda: np.testing.assert_array_equal(decided, ref.decided_by))
    return problems


# ---- one small call ---------------------------------------------------------------------------

def small_call(civitas: Any, repeat: int, seed: int) -> dict[str, Any]:
    """civitas's Framework.evaluate of one unit of SMALL_INDICATORS indicators (a dict) against
    the numpy reference given the same dict, interleaved; prints and returns the figures."""
    text, ids, values = make_benchmark(1, SMALL_INDICATORS, 4, seed)
    framework = civitas.parse_framework(text)
    reference = compile_framework(json.loads(text))
    unit = dict(zip(ids, values[0].tolist()))
    run_civitas = lambda: framework.evaluate(unit)  # noqa: E731
    run_numpy = lambda: evaluate(reference, np.array([[unit[i] for i in ids]]))  # noqa: E731
    ours, ref = run_civitas(), run_numpy()
    same = bool(np.isclose(ours.total if ours.total is not None else np.nan, ref.totals[0], rtol=RTOL, atol=0.0, equal_nan=True)
                and ours.passed == bool(ref.passed[0]))
    warm = interleaved({"civitas": run_civitas, "numpy": run_numpy}, 1, 1)
    number = harness.calls_per_sample(warm)
    samples = interleaved({"civitas": run_civitas, "numpy": run_numpy}, repeat, number)
    best, median = harness.best_and_median(samples)
    cpu = {"civitas": harness.cpu_per_call(run_civitas, repeat, number), "numpy": harness.cpu_per_call(run_numpy, repeat, number)}
    print()
    print(f"one small call: 1 unit x {SMALL_INDICATORS} indicators from a dict; {repeat} samples x {number} calls")
    print(f"{'':24s}{'best (us)':>10s} {'median (us)':>12s} {'CPU (us)':>9s}")
    for name, label in (("civitas", "civitas evaluate"), ("numpy", "numpy reference")):
        print(f"{label:24s}{best[name] * 1e6:10.2f} {median[name] * 1e6:12.2f} {cpu[name] * 1e6:9.2f}")
    met = median["civitas"] * 1e6 < SMALL_TARGET_US
    print(f"target: civitas under {SMALL_TARGET_US:g} us per call (median): {'met' if met else 'NOT met'}; "
          f"results: {'the same (total, passed)' if same else 'DIFFER'}")
    return {"indicators": SMALL_INDICATORS, "number": number, "results_match": same,
            "civitas_us": {"best": best["civitas"] * 1e6, "median": median["civitas"] * 1e6, "cpu": cpu["civitas"] * 1e6},
            "numpy_us": {"best": best["numpy"] * 1e6, "median": median["numpy"] * 1e6, "cpu": cpu["numpy"] * 1e6},
            "target_us": SMALL_TARGET_US, "target_met": met}


# ---- main -------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=3000)
    parser.add_argument("--indicators", type=int, default=200)
    parser.add_argument("--categories", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=21, help="timed samples of each (default 21)")
    parser.add_argument("--number", type=int, default=0, help="calls per sample (default: enough for ~20 ms)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--threads", type=int, default=0,
                        help="civitas threads (default 0: one per core for large batches; 1: one thread)")
    parser.add_argument("--input", choices=["array", "dataframe"], default="array",
                        help="hand civitas a float64 array with columns= (default) or a pandas DataFrame")
    parser.add_argument("--quick", action="store_true",
                        help="200 units x 40 indicators, 3 repeats: checks the results, times little")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    if args.quick:
        args.units, args.indicators, args.categories, args.repeat = 200, 40, 5, 3

    try:
        import civitas
    except ImportError as error:
        print(f"cannot import civitas ({error}); install it first: pip install --no-build-isolation .",
              file=sys.stderr)
        return 2

    text, ids, values = make_benchmark(args.units, args.indicators, args.categories, args.seed)
    spec = json.loads(text)

    start = time.perf_counter()
    framework = civitas.parse_framework(text)
    parse_seconds = time.perf_counter() - start
    start = time.perf_counter()
    reference = compile_framework(spec)
    compile_seconds = time.perf_counter() - start

    if args.input == "dataframe":
        import pandas as pd
        data: Any = pd.DataFrame(values, columns=ids, index=[f"u{r + 1:05d}" for r in range(len(values))])
        run_civitas = lambda: framework.evaluate_many(data, threads=args.threads)  # noqa: E731
    else:
        data = values
        run_civitas = lambda: framework.evaluate_many(data, columns=ids, threads=args.threads)  # noqa: E731
    run_numpy = lambda: evaluate(reference, np.asarray(data, dtype=np.float64))  # noqa: E731

    # Same results?
    batch = run_civitas()
    ref = run_numpy()
    problems = compare(batch, ref, ids, reference.category_ids)

    # Times: one warm call each, then interleaved samples.
    warm = interleaved({"civitas": run_civitas, "numpy": run_numpy}, 1, 1)
    number = harness.calls_per_sample(warm, args.number)
    samples = interleaved({"civitas": run_civitas, "numpy": run_numpy}, args.repeat, number)
    best, median = harness.best_and_median(samples)
    ratio_best = best["numpy"] / best["civitas"]
    ratio_median = median["numpy"] / median["civitas"]

    basic = int(reference.basic.sum())
    blas = harness.blas_threads()
    print(f"civitas {civitas.__version__} vs numpy {np.__version__} (Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs; BLAS threads: {blas}; civitas threads: {args.threads or 'one per core'})")
    print(f"{args.units} units x {args.indicators} indicators in {len(reference.category_ids)} categories "
          f"({basic} basic items), input {args.input}; {args.repeat} samples x {number} calls, interleaved")
    print(f"passed {int(np.sum(ref.passed))} of {args.units} units; {ref.met.mean():.1%} of values met")
    print()
    print(f"{'':24s}{'best (ms)':>10s} {'median (ms)':>12s}")
    print(f"{'civitas evaluate_many':24s}{ms(best['civitas'])} {ms(median['civitas']):>12s}")
    print(f"{'numpy reference':24s}{ms(best['numpy'])} {ms(median['numpy']):>12s}")
    print(f"{'ratio numpy / civitas':24s}{ratio_best:9.2f}x {ratio_median:11.2f}x")
    print(f"target: civitas at least {TARGET:g}x faster than numpy (median): "
          f"{'met' if ratio_median >= TARGET else 'NOT met'}")
    print(f"one-off: civitas.parse_framework {parse_seconds * 1e3:.2f} ms, "
          f"numpy compile_framework {compile_seconds * 1e3:.2f} ms (not in the times above)")
    if problems:
        print("\nRESULTS DIFFER between civitas and the numpy reference:")
        for problem in problems:
            print("  " + problem.replace("\n", "\n  "))
    else:
        print(f"results: the same (scores, gaps, totals, category scores within rtol {RTOL:g}; "
              "outcomes, met, met counts, basic items failed, passed, decided_by equal)")

    small = small_call(civitas, args.repeat, args.seed)
    if not small["results_match"]:
        problems.append("the small call's total or decision differs from the numpy reference")

    if args.json:
        args.json.write_text(json.dumps({
            "units": args.units, "indicators": args.indicators, "categories": len(reference.category_ids),
            "input": args.input, "repeat": args.repeat, "number": number,
            "civitas_ms": {"best": best["civitas"] * 1e3, "median": median["civitas"] * 1e3},
            "numpy_ms": {"best": best["numpy"] * 1e3, "median": median["numpy"] * 1e3},
            "ratio": {"best": ratio_best, "median": ratio_median}, "target": TARGET,
            "target_met": ratio_median >= TARGET, "results_match": not problems, "problems": problems,
            "civitas_version": civitas.__version__, "numpy_version": np.__version__, "blas_threads": blas,
            "small_call": small,
        }, indent=2) + "\n", encoding="utf-8")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
