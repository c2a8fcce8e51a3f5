"""civitas' ranking methods besides TOPSIS (weighted_sum, vikor, grey_relational) and rank against
numpy (bench/reference/numpy_rankings.py), pymcdm and scikit-criteria, from Python.

The data is the TOPSIS benchmark's (bench_topsis.make_data: positive values, each column on its
own scale, random weights summing to one, 70% benefit criteria; fixed seed). Each case compares
like with like, and every side is checked against civitas before anything is timed (when one
differs, nothing is):

- weighted_sum: the values as given (civitas normalises nothing): numpy's `x @ w`, pymcdm's WSM
  with a normalisation that returns each column as it is and every criterion a profit, and
  scikit-criteria's WeightedSumModel with every objective maximised; the sums within rtol 1e-12;
- vikor: S, R and Q (v = 0.5) from numpy, pymcdm's VIKOR (its default normalisation: the values,
  a cost column as max - x, which leaves (f* - f) / (f* - f-) as it is) and scikit-criteria's
  VIKOR, within 1e-12 (absolute: all three lie in [0, 1]); scikit-criteria's compromise set and
  both conditions too, exactly. pymcdm is timed as a user calls it (Q alone), checked through
  its verbose tables;
- grey_relational: rho = 0.5, numpy alone (pymcdm 1.4 and scikit-criteria 0.10 have no grey
  relational analysis); grades within rtol 1e-12;
- rank: dense ranks ("1223", 1 the highest) of points out of 100 printed to 0.1 (the weighted
  sum of the min-max normalised values: at the nation many units tie), against numpy
  (np.unique) and scikit-criteria's rank_values (scipy's rankdata), exactly. pymcdm's rankdata
  averages tied ranks and has no dense or min ranks: not compared.

Follows the suite's contract (bench/README.md): --size, --quick, --json. The sizes are units x
200 criteria: city 10, province 100, nation 3,000 (the issue's 3,000 x 200, as TOPSIS; not the
nation's 2,800 counties); the JSON's shape says so. civitas runs each on one thread. Each method
gives its floating-point operations per cell for the distance to the peak rate: the weighted sum
2 (a product, a sum), VIKOR 3 (a difference, a product, a sum; R's maximum is a comparison), grey
relational analysis 5 (a difference, a product, an addition, a division, a sum).

Exit status: 0 when the results agree (whatever the speed: the machine may be shared and noisy),
1 when they differ, 2 when civitas cannot be imported.

    python bench/python/bench_rankings.py                   # 3,000 units x 200 criteria
    python bench/python/bench_rankings.py --size province   # 100 units x 200 criteria
    python bench/python/bench_rankings.py --quick           # 200 x 40: a correctness check
    python bench/python/bench_rankings.py --case vikor --size city --json /tmp/rankings.json
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "reference")]

# One BLAS thread, as bench_evaluate.py (harness.py; only effective before numpy is first imported).
import harness  # noqa: E402

import importlib.metadata  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import warnings  # noqa: E402
from typing import Any, Callable  # noqa: E402

import numpy as np  # noqa: E402

import numpy_rankings  # noqa: E402
from bench_topsis import SEED, make_data  # noqa: E402
from harness import interleaved  # noqa: E402

CASES = ["weighted_sum", "vikor", "grey_relational", "rank"]
METHODS = ["weighted_sum", "vikor", "grey_relational"]  # the ranking methods; rank numbers scores
TARGET = 10.0  # pymcdm or scikit-criteria time / civitas time the issue asks of a ranking method at the nation
RTOL = 1e-12  # weighted sums and grades: the same formula, summed in another order
VIKOR_ATOL = 1e-12  # S, R, Q in [0, 1]
SLOW = 0.02  # seconds a call: a side this slow is sampled at most 5 times, one call each


def us(seconds: float) -> str:
    """Seconds as microseconds, 10 wide with 1 decimal (a city's ranking takes a few)."""
    return f"{seconds * 1e6:10.1f}"


def as_given(column: np.ndarray, cost: bool) -> np.ndarray:
    """pymcdm's normalisation signature, returning the column unchanged (civitas' weighted sum normalises nothing)."""
    return column


def version(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def points(x: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Points out of 100 printed to 0.1: the weighted sum of the min-max normalised values."""
    low = x.min(axis=0)
    return np.round(100.0 * ((x - low) / (x.max(axis=0) - low)) @ weights, 1)


def make_cases(civitas: Any, x: np.ndarray, weights: np.ndarray, benefit: np.ndarray) -> tuple[list[dict[str, Any]], list[str]]:
    """Each case: its name, a note, the function of each side (civitas first, then numpy) and the
    check of each peer's result against civitas' (a list of what differs). And a note for each
    peer that is not installed."""
    scores = points(x, weights)
    cases: list[dict[str, Any]] = [
        {"case": "weighted_sum", "note": "the values as given", "flops": 2 * x.size,
         "runs": {"civitas": lambda: civitas.weighted_sum(x, weights),
                  "numpy": lambda: numpy_rankings.weighted_sum(x, weights)},
         "check": lambda ours, theirs: close(ours, theirs, RTOL, 0.0)},
        {"case": "vikor", "note": "v = 0.5", "flops": 3 * x.size,
         "runs": {"civitas": lambda: civitas.vikor(x, weights, benefit),
                  "numpy": lambda: numpy_rankings.vikor(x, weights, benefit)},
         "check": lambda ours, theirs: vikor_differences(ours, theirs)},
        {"case": "grey_relational", "note": "rho = 0.5; pymcdm and scikit-criteria have no grey relational analysis",
         "flops": 5 * x.size,
         "runs": {"civitas": lambda: civitas.grey_relational(x, weights, benefit),
                  "numpy": lambda: numpy_rankings.grey_relational(x, weights, benefit)},
         "check": lambda ours, theirs: close(ours, theirs, RTOL, 0.0)},
        {"case": "rank", "note": f"dense ranks of points printed to 0.1 ({len(np.unique(scores))} distinct of "
                                 f"{len(scores)}); pymcdm's rankdata averages ties: not compared",
         "runs": {"civitas": lambda: civitas.rank(scores, method="dense"),
                  "numpy": lambda: numpy_rankings.dense_rank(scores)},
         "check": lambda ours, theirs: [] if np.array_equal(ours, theirs) else
                  [f"ranks differ at {int(np.count_nonzero(np.asarray(ours) != np.asarray(theirs)))} units"]},
    ]
    by_name = {case["case"]: case for case in cases}
    missing: list[str] = []
    types = np.where(benefit, 1, -1)
    try:
        from pymcdm.methods import VIKOR, WSM
    except ImportError:
        missing.append("pymcdm not installed")
    else:
        summed, vikor = WSM(normalization_function=as_given), VIKOR(v=0.5)
        profits = np.ones(x.shape[1], dtype=int)
        by_name["weighted_sum"]["runs"]["pymcdm"] = lambda: summed(x, weights, profits)
        by_name["vikor"]["runs"]["pymcdm"] = lambda: vikor(x, weights, types)
        by_name["vikor"]["checked_by"] = {"pymcdm": lambda: {table.desc.label: table.data for table in
                                                              vikor(x, weights, types, verbose=True).results}}
    try:
        import skcriteria
        from skcriteria.agg.simple import WeightedSumModel
        from skcriteria.agg.vikor import VIKOR as SkVikor
        from skcriteria.utils.rank import rank_values
    except ImportError:
        missing.append("scikit-criteria not installed")
    else:
        # The decision matrices a user builds once.
        maximised = skcriteria.mkdm(x, [max] * x.shape[1], weights=weights)
        mixed = skcriteria.mkdm(x, [max if flag else min for flag in benefit], weights=weights)
        summed_sk, vikor_sk = WeightedSumModel(), SkVikor(v=0.5)
        by_name["weighted_sum"]["runs"]["scikit-criteria"] = lambda: summed_sk.evaluate(maximised).e_.score
        by_name["vikor"]["runs"]["scikit-criteria"] = lambda: vikor_sk.evaluate(mixed).e_
        by_name["rank"]["runs"]["scikit-criteria"] = lambda: rank_values(scores, reverse=True)
    return cases, missing


def close(ours: Any, theirs: Any, rtol: float, atol: float) -> list[str]:
    try:
        np.testing.assert_allclose(theirs, ours, rtol=rtol, atol=atol)
    except AssertionError as error:
        return [str(error).strip()]
    return []


def vikor_differences(ours: Any, theirs: Any) -> list[str]:
    """What differs between civitas' VikorResult and a peer's S, R, Q: numpy's tuple, pymcdm's
    verbose tables (a dict) or scikit-criteria's extra (with the compromise and its conditions)."""
    if isinstance(theirs, tuple):
        s, r, q = theirs
    elif isinstance(theirs, dict):
        s, r, q = theirs["s"], theirs["r"], theirs["q"]
    else:
        s, r, q = theirs.s_k, theirs.r_k, theirs.q_k
    problems = [f"{name}: {problem}" for name, mine, other in (("S", ours.s, s), ("R", ours.r, r), ("Q", ours.q, q))
                for problem in close(mine, other, 0.0, VIKOR_ATOL)]
    if hasattr(theirs, "compromise_set"):
        if sorted(ours.compromise) != sorted(int(i) for i in theirs.compromise_set):
            problems.append(f"compromise {sorted(ours.compromise)} against {sorted(theirs.compromise_set)}")
        if (ours.acceptable_advantage, ours.acceptable_stability) != (theirs.acceptable_advantage, theirs.acceptable_stability):
            problems.append("acceptable advantage or stability differs")
    return problems


def check(case: dict[str, Any]) -> list[str]:
    """Every peer's result against civitas', each through its checking call where it has one."""
    ours = case["runs"]["civitas"]()
    problems = []
    for name, run in case["runs"].items():
        if name != "civitas":
            theirs = case.get("checked_by", {}).get(name, run)()
            problems += [f"{case['case']}, {name}: {problem}" for problem in case["check"](ours, theirs)]
    return problems


def time_case(case: dict[str, Any], repeat: int, number: int, quick: bool) -> tuple[dict[str, float], dict[str, float], dict[str, int]]:
    """Best and median seconds a call of each side, interleaved, and the calls per sample: each side
    enough for about 20 ms a sample (5 with --quick), a side slower than SLOW a call sampled at
    most 5 times."""
    runs: dict[str, Callable[[], Any]] = case["runs"]
    warm = interleaved(runs, 1, 1)
    numbers = {name: harness.calls_per_sample({name: seconds}, number, 0.005 if quick else 0.02)
               for name, seconds in warm.items()}
    repeats = {name: min(repeat, 5) if warm[name][0] > SLOW else repeat for name in runs}
    best, median = harness.best_and_median(interleaved(runs, repeats, numbers))
    return best, median, numbers


def main(argv: list[str] | None = None) -> int:
    parser = harness.matrix_parser(__doc__.splitlines()[0], SEED)
    parser.add_argument("--case", choices=CASES, help="time only this one (default: all)")
    args = harness.matrix_arguments(parser, argv)

    try:
        import civitas
    except ImportError as error:
        print(f"cannot import civitas ({error}); install it first: pip install --no-build-isolation .",
              file=sys.stderr)
        return 2

    x, weights, benefit = make_data(args.units, args.criteria, args.seed)
    warnings.simplefilter("ignore")  # scikit-criteria's deprecation notices, once a call
    cases, missing = make_cases(civitas, x, weights, benefit)
    cases = [case for case in cases if args.case in (None, case["case"])]

    # Same results? Every case, every peer, checked before anything is timed.
    differing = {case["case"]: check(case) for case in cases}
    problems = [problem for found in differing.values() for problem in found]

    print(f"civitas {civitas.__version__} ({civitas.simd_path()}), numpy {np.__version__}, pymcdm {version('pymcdm') or '-'}, "
          f"scikit-criteria {version('scikit-criteria') or '-'} (Python {platform.python_version()}, {os.cpu_count()} CPUs; "
          f"BLAS threads: {harness.blas_threads()})")
    print(f"rankings: {args.units} units x {args.criteria} criteria ({int(benefit.sum())} benefit, "
          f"{int((~benefit).sum())} cost); {args.repeat} samples, interleaved")
    results: list[dict] = []
    if problems:
        print("\nRESULTS DIFFER between civitas and a peer (not timed):")
        for problem in problems:
            print("  " + problem.replace("\n", "\n  "))
        results = [{"case": name, "civitas_s": None, "peers": {}, "same_results": False,
                    "note": "not timed: " + "; ".join(found)} for name, found in differing.items() if found]
    else:
        print(f"results: the same (sums and grades within rtol {RTOL:g}, S, R, Q within {VIKOR_ATOL:g}, ranks exactly)")
        print()
        print(f"{'':34s}{'best (us)':>10s} {'median (us)':>12s}")
        for case in cases:
            best, median, numbers = time_case(case, args.repeat, args.number, args.quick)
            print(f"{'civitas.' + case['case']:34s}{us(best['civitas'])} {us(median['civitas']):>12s}")
            for name in case["runs"]:
                if name != "civitas":
                    label = f"{name} (ratio {best[name] / best['civitas']:.1f}x)"
                    print(f"{label:34s}{us(best[name])} {us(median[name]):>12s}")
            calls = ", ".join(f"{name} {count}" for name, count in numbers.items())
            note = "; ".join([case["note"], f"calls per sample: {calls}", *missing])
            results.append(harness.contract_case(case["case"], best, True, median_s=median, flops=case.get("flops"),
                                                 threads=1, note=note))
        behind = [f"{r['case']} vs {name} {ratio:.1f}x" for r in results for name, ratio in r["ratio"].items()
                  if r["case"] in METHODS and name in ("pymcdm", "scikit-criteria") and ratio < TARGET]
        if harness.size_of(args.units, args.criteria) == "nation":
            print(f"\ntarget: every ranking method at least {TARGET:g}x ahead of pymcdm and scikit-criteria (best "
                  f"times): {'met' if not behind else 'NOT met: ' + ', '.join(behind)}")

    if args.json:
        args.json.write_text(json.dumps({
            "workload": "rankings", "size": harness.size_of(args.units, args.criteria),
            "shape": {"units": args.units, "criteria": args.criteria},
            "cases": results,
            "versions": {"civitas": civitas.__version__, "numpy": np.__version__, "pymcdm": version("pymcdm"),
                         "scikit-criteria": version("scikit-criteria"), "python": platform.python_version()},
        }, indent=2) + "\n", encoding="utf-8")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
