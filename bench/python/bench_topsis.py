"""civitas.topsis against a plain numpy TOPSIS (bench/reference/numpy_topsis.py), and with vector
normalisation against pymcdm's and scikit-criteria's TOPSIS where installed, from Python.

Makes a units x criteria matrix (positive values on mixed scales, fixed seed), random weights
summing to one and a mix of benefit and cost criteria, checks that both give the same closeness (rtol 1e-12) with
vector and with min-max normalisation before anything is timed (when they differ, nothing is),
then times both, interleaved in the same run, one case per normalisation, and prints best and
median times and their ratio.

Follows the suite's contract (bench/README.md): --size, --quick, --json. The sizes are units x
200 criteria: city 10, province 100, nation 3,000 (the issue's 3,000 x 200, not the nation's
2,800 counties); the JSON's shape says so. Each case gives the floating-point operations
TOPSIS needs (flops(): about 9 per cell), for the distance to the machine's peak rate. civitas
runs TOPSIS on one thread. --criteria and --repeat serve `bench/run --scaling`.

Exit status: 0 when the results agree (whatever the speed: the machine may be shared and
noisy), 1 when they differ, 2 when civitas cannot be imported.

    python bench/python/bench_topsis.py                     # 3,000 units x 200 criteria
    python bench/python/bench_topsis.py --size province     # 100 units x 200 criteria
    python bench/python/bench_topsis.py --quick             # 200 x 40: a correctness check
    python bench/python/bench_topsis.py --size city --json /tmp/topsis.json
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "reference")]

# One BLAS thread, as bench_evaluate.py (harness.py; only effective before numpy is first imported).
import harness  # noqa: E402

import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import warnings  # noqa: E402

import numpy as np  # noqa: E402

from harness import interleaved, ms  # noqa: E402
from numpy_topsis import topsis as numpy_topsis  # noqa: E402

NORMALIZATIONS = ["vector", "min_max"]
TARGET = 3.0  # numpy time / civitas time the issue asks for
RTOL = 1e-12
PEER_RTOL = 1e-9  # pymcdm and scikit-criteria: the same formula, summed in another order
SEED = 20261129


def make_data(units: int, criteria: int, seed: int = SEED) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """x (C order, positive, each column on its own scale), weights summing to 1, benefit flags."""
    rng = np.random.default_rng(seed)
    scale = 10.0 ** rng.integers(-2, 5, size=criteria)
    x = np.round(rng.lognormal(mean=0.0, sigma=0.5, size=(units, criteria)) * scale, 3)
    weights = rng.dirichlet(np.full(criteria, 2.0))
    benefit = rng.random(criteria) < 0.7
    return x, weights, benefit


def library_peers(x: np.ndarray, weights: np.ndarray, benefit: np.ndarray) -> tuple[dict, list[str]]:
    """pymcdm's and scikit-criteria's TOPSIS with vector normalisation, the way a user calls them
    (the decision matrix and the method built once), where installed; and why any is missing.
    Both flip cost columns as 1 - x / norm, which moves no distance: the same closeness."""
    peers: dict = {}
    missing: list[str] = []
    try:
        from pymcdm.methods import TOPSIS
        from pymcdm.normalizations import vector_normalization
    except ImportError:
        missing.append("pymcdm not installed")
    else:
        method, types = TOPSIS(normalization_function=vector_normalization), np.where(benefit, 1, -1)
        peers["pymcdm"] = lambda: method(x, weights, types)
    try:
        import skcriteria
        from skcriteria.agg.similarity import TOPSIS as SkTopsis
        from skcriteria.pipeline import mkpipe
        from skcriteria.preprocessing.scalers import VectorScaler
    except ImportError:
        missing.append("scikit-criteria not installed")
    else:
        matrix = skcriteria.mkdm(x, [max if flag else min for flag in benefit], weights=weights)
        pipeline = mkpipe(VectorScaler(target="matrix"), SkTopsis())
        peers["scikit-criteria"] = lambda: pipeline.evaluate(matrix).e_.similarity
    return peers, missing


def flops(units: int, criteria: int, normalization: str) -> int:
    """Floating-point operations TOPSIS needs, counted from its formula per cell: the column norm
    (a square and an add; min-max: a subtraction and a multiplication instead, its minimum and
    maximum being comparisons), the weighting (1) and the two squared distances (3 each); per
    unit two square roots and the closeness (3)."""
    per_cell = 2 + 1 + 6 if normalization == "vector" else 2 + 6
    return per_cell * units * criteria + 5 * units


def main(argv: list[str] | None = None) -> int:
    parser = harness.matrix_parser(__doc__.splitlines()[0], SEED)
    parser.add_argument("--normalization", choices=NORMALIZATIONS, help="time only this one (default: both)")
    args = harness.matrix_arguments(parser, argv)
    normalizations = [args.normalization] if args.normalization else NORMALIZATIONS

    civitas = harness.import_civitas()
    if civitas is None:
        return 2

    x, weights, benefit = make_data(args.units, args.criteria, args.seed)
    runs = {normalization: {"civitas": lambda n=normalization: civitas.topsis(x, weights, benefit, normalization=n),
                            "numpy": lambda n=normalization: numpy_topsis(x, weights, benefit, n)}
            for normalization in NORMALIZATIONS}
    peers, missing = library_peers(x, weights, benefit)
    runs["vector"].update(peers)
    warnings.simplefilter("ignore")  # scikit-criteria's deprecation notices, once a call

    # Same results? Both normalisations, every peer, checked before anything is timed.
    problems: list[str] = []
    for normalization, sides in runs.items():
        expected = sides["civitas"]()
        for name, peer in sides.items():
            if name == "civitas":
                continue
            try:
                np.testing.assert_allclose(peer(), expected, rtol=RTOL if name == "numpy" else PEER_RTOL, atol=0.0)
            except AssertionError as error:
                problems.append(f"{normalization}, {name}: {str(error).strip()}")

    blas = harness.blas_threads()
    print(f"civitas {civitas.__version__} vs numpy {np.__version__} (Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs; BLAS threads: {blas})")
    print(f"TOPSIS: {args.units} units x {args.criteria} criteria ({int(benefit.sum())} benefit, "
          f"{int((~benefit).sum())} cost); {args.repeat} samples, interleaved")
    cases: list[dict] = []
    if problems:
        print("\nRESULTS DIFFER between civitas and the numpy reference (not timed):")
        for problem in problems:
            print("  " + problem.replace("\n", "\n  "))
        cases = [{"case": "vector", "civitas_s": None, "peers": {}, "same_results": False,
                  "note": "not timed: " + "; ".join(problems)}]
    else:
        print(f"results: the same closeness (within rtol {RTOL:g}), both normalisations")
        print()
        print(f"{'':30s}{'best (ms)':>10s} {'median (ms)':>12s}")
        for normalization in normalizations:
            warm = interleaved(runs[normalization], 1, 1)
            number = harness.calls_per_sample(warm, args.number)
            # The libraries take milliseconds a call: one call a sample, fewer samples.
            slow = {name for name in runs[normalization] if name in peers}
            samples = interleaved(runs[normalization],
                                  {name: min(args.repeat, 5) if name in slow else args.repeat for name in runs[normalization]},
                                  {name: 1 if name in slow else number for name in runs[normalization]})
            best, median = harness.best_and_median(samples)
            ratio_median = median["numpy"] / median["civitas"]
            print(f"{'civitas.topsis, ' + normalization:30s}{ms(best['civitas'])} {ms(median['civitas']):>12s}")
            print(f"{'numpy reference':30s}{ms(best['numpy'])} {ms(median['numpy']):>12s}")
            for name in sorted(slow):
                print(f"{name + ' (ratio ' + format(best[name] / best['civitas'], '.1f') + 'x)':30s}{ms(best[name])} "
                      f"{ms(median[name]):>12s}")
            print(f"{'ratio numpy / civitas':30s}{best['numpy'] / best['civitas']:9.2f}x {ratio_median:11.2f}x"
                  f"   target {TARGET:g}x (median): {'met' if ratio_median >= TARGET else 'NOT met'}")
            cases.append(harness.contract_case(normalization, best, True, median_s=median,
                                               flops=flops(args.units, args.criteria, normalization), threads=1,
                                               note=f"{normalization} normalisation; {number} calls per sample"
                                                    + "".join(f"; {m}" for m in missing if normalization == "vector")))

    if args.json:
        args.json.write_text(json.dumps({
            "workload": "topsis", "size": harness.size_of(args.units, args.criteria),
            "shape": {"units": args.units, "criteria": args.criteria},
            "cases": cases,
            "versions": {"civitas": civitas.__version__, "numpy": np.__version__, "python": platform.python_version()},
        }, indent=2) + "\n", encoding="utf-8")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
