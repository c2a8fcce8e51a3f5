"""civitas.topsis against a plain numpy TOPSIS (bench/reference/numpy_topsis.py), from Python.

Makes a units x criteria matrix (positive values on mixed scales, fixed seed), random weights
summing to one and a mix of benefit and cost criteria, checks that both give the same closeness
(rtol 1e-12), then times both, interleaved in the same run, and prints best and median times
and their ratio.

Exit status: 0 when the results agree (whatever the speed: the machine may be shared and
noisy), 1 when they differ, 2 when civitas cannot be imported.

    python bench/python/bench_topsis.py                 # 3000 units x 200 criteria
    python bench/python/bench_topsis.py --quick         # small sizes: a correctness check
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "reference")]

# One BLAS thread, as bench_evaluate.py (harness.py; only effective before numpy is first imported).
import harness  # noqa: E402

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402

import numpy as np  # noqa: E402

from harness import interleaved, ms  # noqa: E402
from numpy_topsis import topsis as numpy_topsis  # noqa: E402

TARGET = 3.0  # numpy time / civitas time the issue asks for
RTOL = 1e-12
SEED = 20261129


def make_data(units: int, criteria: int, seed: int = SEED) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """x (C order, positive, each column on its own scale), weights summing to 1, benefit flags."""
    rng = np.random.default_rng(seed)
    scale = 10.0 ** rng.integers(-2, 5, size=criteria)
    x = np.round(rng.lognormal(mean=0.0, sigma=0.5, size=(units, criteria)) * scale, 3)
    weights = rng.dirichlet(np.full(criteria, 2.0))
    benefit = rng.random(criteria) < 0.7
    return x, weights, benefit


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=3000)
    parser.add_argument("--criteria", type=int, default=200)
    parser.add_argument("--normalization", choices=["vector", "min_max"], default="vector")
    parser.add_argument("--repeat", type=int, default=21, help="timed samples of each (default 21)")
    parser.add_argument("--number", type=int, default=0, help="calls per sample (default: enough for ~20 ms)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--quick", action="store_true",
                        help="200 units x 40 criteria, both normalisations checked, 3 repeats")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    if args.quick:
        args.units, args.criteria, args.repeat = 200, 40, 3

    try:
        import civitas
    except ImportError as error:
        print(f"cannot import civitas ({error}); install it first: pip install --no-build-isolation .",
              file=sys.stderr)
        return 2

    x, weights, benefit = make_data(args.units, args.criteria, args.seed)

    # Same results? (--quick checks both normalisations.)
    problems: list[str] = []
    for normalization in (["vector", "min_max"] if args.quick else [args.normalization]):
        ours = civitas.topsis(x, weights, benefit, normalization=normalization)
        theirs = numpy_topsis(x, weights, benefit, normalization)
        try:
            np.testing.assert_allclose(ours, theirs, rtol=RTOL, atol=0.0)
        except AssertionError as error:
            problems.append(f"{normalization}: {str(error).strip()}")

    run_civitas = lambda: civitas.topsis(x, weights, benefit, normalization=args.normalization)  # noqa: E731
    run_numpy = lambda: numpy_topsis(x, weights, benefit, args.normalization)  # noqa: E731
    warm = interleaved({"civitas": run_civitas, "numpy": run_numpy}, 1, 1)
    number = harness.calls_per_sample(warm, args.number)
    samples = interleaved({"civitas": run_civitas, "numpy": run_numpy}, args.repeat, number)
    best, median = harness.best_and_median(samples)
    ratio_best = best["numpy"] / best["civitas"]
    ratio_median = median["numpy"] / median["civitas"]

    blas = harness.blas_threads()
    print(f"civitas {civitas.__version__} vs numpy {np.__version__} (Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs; BLAS threads: {blas})")
    print(f"TOPSIS, {args.normalization} normalisation: {args.units} units x {args.criteria} criteria "
          f"({int(benefit.sum())} benefit, {int((~benefit).sum())} cost); "
          f"{args.repeat} samples x {number} calls, interleaved")
    print()
    print(f"{'':24s}{'best (ms)':>10s} {'median (ms)':>12s}")
    print(f"{'civitas.topsis':24s}{ms(best['civitas'])} {ms(median['civitas']):>12s}")
    print(f"{'numpy reference':24s}{ms(best['numpy'])} {ms(median['numpy']):>12s}")
    print(f"{'ratio numpy / civitas':24s}{ratio_best:9.2f}x {ratio_median:11.2f}x")
    print(f"target: civitas at least {TARGET:g}x faster than numpy (median): "
          f"{'met' if ratio_median >= TARGET else 'NOT met'}")
    if problems:
        print("\nRESULTS DIFFER between civitas and the numpy reference:")
        for problem in problems:
            print("  " + problem.replace("\n", "\n  "))
    else:
        print(f"results: the same closeness (within rtol {RTOL:g})")

    if args.json:
        args.json.write_text(json.dumps({
            "units": args.units, "criteria": args.criteria, "normalization": args.normalization,
            "repeat": args.repeat, "number": number,
            "civitas_ms": {"best": best["civitas"] * 1e3, "median": median["civitas"] * 1e3},
            "numpy_ms": {"best": best["numpy"] * 1e3, "median": median["numpy"] * 1e3},
            "ratio": {"best": ratio_best, "median": ratio_median}, "target": TARGET,
            "target_met": ratio_median >= TARGET, "results_match": not problems, "problems": problems,
            "civitas_version": civitas.__version__, "numpy_version": np.__version__, "blas_threads": blas,
        }, indent=2) + "\n", encoding="utf-8")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
