"""civitas' rank agreement (rank_correlation_matrix and rank_correlation: Spearman's rho, Kendall's
tau-b, weighted Spearman r_w, WS) against pandas, scikit-criteria, pymcdm and scipy, from Python.

Makes a units x 200 rankings matrix of ranks (1 = best) that agree in part, as the rankings of one
set of units by several methods, weightings or years do: one common score per unit, and each
ranking that score plus noise of its own spread (0.05 to 1.5 times the score's, uniform; fixed
seed), ranked with average ranks (scipy.stats.rankdata, method="average"). Every fourth ranking
(the fourth, the eighth...) is of grades: its noisy score cut into G equal bands (G = units / 5,
between 3 and 100: 3 at the city, 20 at the province, 100 at the nation, points printed to whole
numbers), so its units tie in groups and share the mean of their places; the others have no ties.
Every side is checked against civitas before anything is timed (when one differs, nothing is);
each case compares like with like:

- spearman: the whole matrix of rho, civitas' rank_correlation_matrix(ranks, "spearman") on the
  ndarray against pandas' DataFrame.corr(method="spearman") on a DataFrame of the same ranks
  (made once), scikit-criteria's RanksComparator.corr(method="spearman") (a comparator of 200
  RankResult built once from the rankings' dense ranks, as scikit-criteria's methods give them: it
  converts them to a DataFrame and calls the same pandas function, which ranks each column again,
  so dense ranks give the same rho) and pymcdm.correlations.spearman looped over the pairs i < j
  (Pearson's r of the ranks as given: equal to rho on average ranks; the matrix filled both ways);
- kendall: the whole matrix of tau-b, against pandas' DataFrame.corr(method="kendall") (in pandas
  3 a Cython loop over the pairs, libalgos.nancorr_kendall, equal to scipy.stats.kendalltau's
  tau-b; scikit-criteria's RanksComparator.corr defaults to this call and is not timed again);
- kendall_no_ties: pymcdm.correlations.kendall_tau is tau-a, (n_c - n_d) / (n (n - 1) / 2), which
  equals tau-b only without ties (with ties it is smaller in size: a tied pair counts in its
  denominator), and it is a Python double loop over the units, O(n^2) a pair. So this case takes
  the rankings without ties and, of those, only as many as pymcdm can finish: the first k with
  k (k - 1) / 2 pairs of n (n - 1) / 2 unit pairs each at most KENDALL_BUDGET (15 million unit
  pairs, about 10 s; 1.5 million with --quick): all 150 at the city, 78 at the province (25 with
  --quick), 3 at the nation (2 with --quick). civitas' matrix of the same k rankings is timed
  against it; the note gives civitas on every ranking without ties and pymcdm estimated from its
  own time by the pairs;
- weighted_spearman: the whole matrix of r_w against pymcdm.correlations.weighted_spearman looped
  over the pairs i < j (r_w is symmetric), both on the ranks as given;
- ws: the whole matrix of WS against pymcdm.correlations.ws looped over every ordered pair i != j:
  pymcdm's ws(x, y) (rank_similarity_coef) takes x as the reference (its weights 2^-x and its
  scale max(|x - 1|, |x - N|) read x alone), as civitas' rank_correlation(a, b, "ws") takes a;
  entry (i, j) of civitas' matrix is ws(column i, column j): row i the reference;
- spearman_pair, kendall_pair, weighted_spearman_pair, ws_pair: one call of
  civitas.rank_correlation on the first two rankings (no ties; 3,000 units at the nation) against
  scipy.stats.spearmanr and kendalltau (their statistic) and pymcdm's function of the same name,
  so the per-call figures show beside the matrices.

The check: every coefficient within rtol RTOL (1e-12) of civitas' (and 1e-15 absolute, for a
coefficient at or near 0: at the nation they lie between 0.18 and 1, at the city's 10 units
between -0.87 and 1, where rho = 1 - 6 sum d^2 / 990 may be 0 exactly). pandas, scikit-criteria
and scipy compute the same definitions (average ranks, tau-b); pymcdm's spearman,
weighted_spearman and ws read the ranks as given, which here are the average ranks civitas reads
too. A side whose check call takes
over LONG (1 s; 0.25 s with --quick) is timed by that call alone (pandas' Kendall matrix and
pymcdm's loops at the nation); a side slower than SLOW (20 ms) a call is sampled at most 5 times.
pymcdm and scikit-criteria are optional: a missing one is left out and named in the case's note.

Follows the suite's contract (bench/README.md): --size, --quick, --json. The sizes are units x 200
rankings: city 10, province 100, nation 3,000 (the other scripts' 3,000 x 200); the JSON's shape
says so. civitas computes a matrix on a thread per core (from about a million unit-pairs) and one
pair on one thread; the peers run on one. flops, where a case gives them: spearman the Gram
matrix of the centred ranks, k (k + 1) / 2 sums of n products (2 each; the ranking and centring,
O(nk), left out); weighted_spearman 6 a unit and pair (a difference, a square, two sums, a
product, the sum); ws 3 a unit and ordered pair (a difference, its product by the reference's
weight 2^-x / max(|x - 1|, |x - N|), the sum). Kendall counts and sorts: no count.

Exit status: 0 when the results agree (whatever the speed: the machine may be shared and noisy),
1 when they differ, 2 when civitas cannot be imported.

    python bench/python/bench_agreement.py                     # 3,000 units x 200 rankings
    python bench/python/bench_agreement.py --size province     # 100 units x 200 rankings
    python bench/python/bench_agreement.py --quick             # every peer checked, coarse timing (province)
    python bench/python/bench_agreement.py --case ws --size nation --json /tmp/agreement.json
    python bench/python/bench_agreement.py --rankings 50       # 3,000 units x 50 rankings
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE)]

# One BLAS thread, as the other scripts (harness.py; only effective before numpy is first imported).
import harness  # noqa: E402

import argparse  # noqa: E402
import importlib.metadata  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from typing import Any, Callable  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import scipy.stats  # noqa: E402

from harness import interleaved  # noqa: E402

RANKINGS = 200  # the suite's 200 columns (harness.SIZE_INDICATORS)
MATRIX_CASES = ["spearman", "kendall", "kendall_no_ties", "weighted_spearman", "ws"]
PAIR_CASES = ["spearman_pair", "kendall_pair", "weighted_spearman_pair", "ws_pair"]
CASES = MATRIX_CASES + PAIR_CASES
RTOL = 1e-12  # the same definitions, summed in another order
ATOL = 1e-15  # a coefficient at or near 0 (at the city's 10 units some are)
SLOW = 0.02  # seconds a call: a side this slow is sampled at most 5 times
LONG = 1.0  # seconds its check call took: a side this slow is timed by that call alone (--quick: QUICK_LONG)
QUICK_LONG = 0.25
KENDALL_BUDGET = 15_000_000  # unit pairs pymcdm's kendall_tau visits in kendall_no_ties (about 10 s here)
QUICK_KENDALL_BUDGET = 1_500_000
TIED_EVERY = 4  # every fourth ranking is of grades (ties)
SEED = 20261207


def make_data(units: int, rankings: int, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """The units x rankings matrix of average ranks (C order, 1 = best) and which rankings tie
    (every TIED_EVERY-th: grades, G equal bands of its noisy score)."""
    rng = np.random.default_rng(seed)
    merit = rng.normal(size=units)  # what every ranking sees
    spread = rng.uniform(0.05, 1.5, size=rankings)  # each ranking's own noise, against merit's 1
    scores = merit[:, None] + spread[None, :] * rng.normal(size=(units, rankings))
    tied = np.arange(rankings) % TIED_EVERY == TIED_EVERY - 1
    bands = min(100, max(3, units // 5))
    low, high = scores.min(axis=0), scores.max(axis=0)
    grades = np.minimum(np.floor((scores - low) / (high - low) * bands), bands - 1)
    ranked = np.where(tied[None, :], grades, scores)
    ranks = np.ascontiguousarray(scipy.stats.rankdata(-ranked, method="average", axis=0), dtype=np.float64)
    for j in np.flatnonzero(~tied):  # continuous scores: no ties (the kendall_no_ties and pair cases rely on it)
        assert len(np.unique(ranks[:, j])) == units, f"ranking {j} ties"
    return ranks, tied


def pairwise(fn: Callable[[np.ndarray, np.ndarray], float], columns: list[np.ndarray], symmetric: bool) -> np.ndarray:
    """The rankings x rankings matrix of fn(column i, column j), 1 on the diagonal: symmetric, the
    pairs i < j computed and copied across; else every ordered pair (row i the first argument)."""
    k = len(columns)
    out = np.eye(k)
    for i in range(k):
        for j in range(i + 1 if symmetric else 0, k):
            if i != j:
                out[i, j] = fn(columns[i], columns[j])
                if symmetric:
                    out[j, i] = out[i, j]
    return out


def kendall_subset(tie_free: int, units: int, budget: int) -> int:
    """How many rankings without ties pymcdm's kendall_tau can take: the most k (at least 2) with
    k (k - 1) / 2 pairs of units (units - 1) / 2 unit pairs each within the budget."""
    per_pair = max(1, units * (units - 1) // 2)
    k = tie_free
    while k > 2 and k * (k - 1) // 2 * per_pair > budget:
        k -= 1
    return min(k, tie_free)


def version(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def make_cases(civitas: Any, ranks: np.ndarray, tied: np.ndarray, quick: bool) -> tuple[list[dict[str, Any]], list[str]]:
    """Each case: its name, a note, the function of each side (civitas first) and its floating-point
    operations where counted. And a note for each optional peer that is not installed."""
    units, k = ranks.shape
    frame = pd.DataFrame(ranks, columns=[f"ranking {j + 1}" for j in range(k)])  # what a pandas user holds
    columns = [np.ascontiguousarray(ranks[:, j]) for j in range(k)]  # made once (pymcdm copies its inputs anyway)
    tie_free = np.flatnonzero(~tied)
    subset = kendall_subset(len(tie_free), units, QUICK_KENDALL_BUDGET if quick else KENDALL_BUDGET)
    untied = np.ascontiguousarray(ranks[:, tie_free[:subset]])
    untied_columns = [np.ascontiguousarray(untied[:, j]) for j in range(subset)]
    a, b = columns[0], columns[1]  # the pair cases: the first two rankings (no ties)
    assert not tied[0] and not tied[1]
    pairs = k * (k - 1) // 2
    cases: list[dict[str, Any]] = [
        {"case": "spearman", "note": f"the whole {k} x {k} matrix", "flops": units * k * (k + 1),
         "runs": {"civitas": lambda: civitas.rank_correlation_matrix(ranks, "spearman"),
                  "pandas": lambda: frame.corr(method="spearman").to_numpy()}},
        {"case": "kendall", "note": f"the whole {k} x {k} matrix, tau-b",
         "runs": {"civitas": lambda: civitas.rank_correlation_matrix(ranks, "kendall"),
                  "pandas": lambda: frame.corr(method="kendall").to_numpy()}},
        {"case": "kendall_no_ties",
         "note": (f"the first {subset} of the {len(tie_free)} rankings without ties ({subset * (subset - 1) // 2} pairs), "
                  "where tau-a is tau-b"),
         "runs": {"civitas": lambda: civitas.rank_correlation_matrix(untied, "kendall")},
         "whole": (lambda: civitas.rank_correlation_matrix(np.ascontiguousarray(ranks[:, tie_free]), "kendall"))
                  if subset < len(tie_free) else None,
         "pairs": (subset * (subset - 1) // 2, len(tie_free) * (len(tie_free) - 1) // 2)},
        {"case": "weighted_spearman", "note": f"the whole {k} x {k} matrix (symmetric: pymcdm on the {pairs} pairs i < j)",
         "flops": 3 * units * k * (k - 1),
         "runs": {"civitas": lambda: civitas.rank_correlation_matrix(ranks, "weighted_spearman")}},
        {"case": "ws", "note": f"the whole {k} x {k} matrix, row i the reference (pymcdm on the {2 * pairs} ordered pairs)",
         "flops": 3 * units * k * (k - 1),
         "runs": {"civitas": lambda: civitas.rank_correlation_matrix(ranks, "ws")}},
        {"case": "spearman_pair", "note": f"rankings 1 and 2 (no ties), {units} units",
         "runs": {"civitas": lambda: civitas.rank_correlation(a, b, "spearman"),
                  "scipy": lambda: scipy.stats.spearmanr(a, b).statistic}},
        {"case": "kendall_pair", "note": f"rankings 1 and 2 (no ties: pymcdm's tau-a is tau-b), {units} units",
         "runs": {"civitas": lambda: civitas.rank_correlation(a, b, "kendall"),
                  "scipy": lambda: scipy.stats.kendalltau(a, b).statistic}},
        {"case": "weighted_spearman_pair", "note": f"rankings 1 and 2, {units} units",
         "runs": {"civitas": lambda: civitas.rank_correlation(a, b, "weighted_spearman")}},
        {"case": "ws_pair", "note": f"rankings 1 and 2, {units} units, ranking 1 the reference",
         "runs": {"civitas": lambda: civitas.rank_correlation(a, b, "ws")}},
    ]
    by_name = {case["case"]: case for case in cases}
    missing: list[str] = []
    try:
        from skcriteria.agg import RankResult
        from skcriteria.cmp import RanksComparator
    except ImportError:
        missing.append("scikit-criteria not installed")
        by_name["spearman"]["missing"] = ["scikit-criteria not installed"]
    else:
        # The comparator a scikit-criteria user holds: one RankResult a ranking, dense ranks (is_rank refuses gaps).
        alternatives = [f"unit {i + 1}" for i in range(units)]
        dense = scipy.stats.rankdata(ranks, method="dense", axis=0).astype(np.int64)
        comparator = RanksComparator([(name, RankResult(name, alternatives, dense[:, j], {}))
                                      for j, name in enumerate(frame.columns)], {})
        by_name["spearman"]["runs"]["scikit-criteria"] = lambda: comparator.corr(method="spearman").to_numpy()
    try:
        from pymcdm import correlations
    except ImportError:
        missing.append("pymcdm not installed")
        for name in ("spearman", "kendall_no_ties", "weighted_spearman", "ws", *PAIR_CASES):
            by_name[name].setdefault("missing", []).append("pymcdm not installed")
    else:
        by_name["spearman"]["runs"]["pymcdm"] = lambda: pairwise(correlations.spearman, columns, symmetric=True)
        by_name["kendall_no_ties"]["runs"]["pymcdm"] = lambda: pairwise(correlations.kendall_tau, untied_columns, symmetric=True)
        by_name["weighted_spearman"]["runs"]["pymcdm"] = lambda: pairwise(correlations.weighted_spearman, columns, symmetric=True)
        by_name["ws"]["runs"]["pymcdm"] = lambda: pairwise(correlations.ws, columns, symmetric=False)
        by_name["spearman_pair"]["runs"]["pymcdm"] = lambda: correlations.spearman(a, b)
        by_name["kendall_pair"]["runs"]["pymcdm"] = lambda: correlations.kendall_tau(a, b)
        by_name["weighted_spearman_pair"]["runs"]["pymcdm"] = lambda: correlations.weighted_spearman(a, b)
        by_name["ws_pair"]["runs"]["pymcdm"] = lambda: correlations.ws(a, b)
    return cases, missing


def differences(case: str, name: str, ours: Any, theirs: Any) -> list[str]:
    """What differs between civitas' coefficients and a peer's (a float or a matrix)."""
    ours, theirs = np.asarray(ours, dtype=np.float64), np.asarray(theirs, dtype=np.float64)
    if ours.shape != theirs.shape:
        return [f"{case}, {name}: shape {theirs.shape} against civitas' {ours.shape}"]
    try:
        np.testing.assert_allclose(theirs, ours, rtol=RTOL, atol=ATOL)
    except AssertionError as error:
        return [f"{case}, {name}: {str(error).strip()}"]
    return []


def check(case: dict[str, Any]) -> list[str]:
    """Every peer's result against civitas'; each peer's check call is timed (case["check_s"])."""
    ours = case["runs"]["civitas"]()
    problems: list[str] = []
    case["check_s"] = {}
    for name, run in case["runs"].items():
        if name != "civitas":
            start = time.perf_counter()
            theirs = run()
            case["check_s"][name] = time.perf_counter() - start
            problems += differences(case["case"], name, ours, theirs)
    return problems


def whole_note(case: dict[str, Any], best: dict[str, float]) -> str | None:
    """For kendall_no_ties on fewer rankings than have no ties: civitas' time on all of them, and
    each peer's estimated from its own by the pairs, with the ratio."""
    if case.get("whole") is None:
        return None
    whole = min(interleaved({"civitas": case["whole"]}, 5, 1)["civitas"])
    done, total = case["pairs"]
    estimates = ", ".join(f"{name} ~{seconds_text(best[name] * total / done)} (ratio ~{best[name] * total / done / whole:.0f}x)"
                          for name in best if name != "civitas")
    return (f"civitas on all {total} pairs without ties: {seconds_text(whole)}" +
            (f"; estimated by pairs: {estimates}" if estimates else ""))


def seconds_text(s: float) -> str:
    """Seconds in the unit that suits them (bench/run's summary's style)."""
    if s >= 1000:
        return f"{s:,.0f} s"
    if s >= 1:
        return f"{s:.3g} s"
    if s >= 1e-3:
        return f"{s * 1e3:.3g} ms"
    return f"{s * 1e6:.3g} us"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=list(harness.SIZES), help="units: city 10, province 100, nation 3,000 (default: "
                        "nation; --quick: province)")
    parser.add_argument("--rankings", type=int, default=RANKINGS,
                        help=f"columns of the matrix (default {RANKINGS}; `bench/run --scaling` varies it)")
    parser.add_argument("--repeat", type=int, default=15, help="timed samples of each side (default 15; --quick 3)")
    parser.add_argument("--case", choices=CASES, help="time only this one (default: all)")
    parser.add_argument("--quick", action="store_true", help="every peer checked, 3 short samples")
    parser.add_argument("--json", type=Path, help="write the contract's JSON object to this file")
    args = parser.parse_args(argv)
    size = args.size or ("province" if args.quick else "nation")
    repeat = 3 if args.quick else args.repeat
    if args.rankings < 2 * TIED_EVERY:
        parser.error(f"--rankings: at least {2 * TIED_EVERY} (the pairs take the first two, without ties)")

    civitas = harness.import_civitas()
    if civitas is None:
        return 2

    units = harness.SIZES[size]
    ranks, tied = make_data(units, args.rankings)
    warnings.simplefilter("ignore")  # scikit-criteria's deprecation notices, once a call
    cases, missing = make_cases(civitas, ranks, tied, args.quick)
    cases = [case for case in cases if args.case in (None, case["case"])]

    # Same results? Every case, every peer, checked before anything is timed.
    differing = {case["case"]: check(case) for case in cases}
    problems = [problem for found in differing.values() for problem in found]

    print(f"civitas {civitas.__version__} ({civitas.simd_path()}), numpy {np.__version__}, pandas {pd.__version__}, "
          f"scipy {version('scipy') or '-'}, pymcdm {version('pymcdm') or '-'}, scikit-criteria "
          f"{version('scikit-criteria') or '-'} (Python {platform.python_version()}, {os.cpu_count()} CPUs; "
          f"{harness.blas_threads()}; CIVITAS_SIMD={os.environ.get('CIVITAS_SIMD', 'unset')})")
    print(f"rank agreement, {size}: {units} units x {args.rankings} rankings ({int(tied.sum())} of grades, with ties); "
          f"{repeat} samples, interleaved; best time of each, ratio = peer / civitas")
    if missing:
        print("left out: " + "; ".join(missing))
    results: list[dict[str, Any]] = []
    if problems:
        print("\nRESULTS DIFFER between civitas and a peer (not timed):")
        for problem in problems:
            print("  " + problem.replace("\n", "\n  "))
        results = [{"case": name, "civitas_s": None, "peers": {}, "same_results": False,
                    "note": "not timed: " + "; ".join(found)} for name, found in differing.items() if found]
    else:
        print(f"results: the same coefficients on every side (within rtol {RTOL:g}, {ATOL:g} absolute)")
        print()
        print(f"{'':38s}{'best':>10s} {'median':>10s}")
        for case in cases:
            best, median, numbers = harness.time_case(case, repeat, 0, args.quick, QUICK_LONG if args.quick else LONG, SLOW)
            print(f"{'civitas ' + case['case']:38s}{seconds_text(best['civitas']):>10s} {seconds_text(median['civitas']):>10s}")
            for name in case["runs"]:
                if name != "civitas":
                    label = f"  {name} (ratio {best[name] / best['civitas']:.1f}x)"
                    print(f"{label:38s}{seconds_text(best[name]):>10s} {seconds_text(median[name]):>10s}")
            calls = ", ".join(f"{name} {count}" for name, count in numbers.items())
            long = QUICK_LONG if args.quick else LONG
            once = [f"{name} timed by its check call alone" for name, seconds in case["check_s"].items() if seconds > long]
            whole = whole_note(case, best)
            if whole:
                print(f"  ({whole})")
            note = "; ".join(part for part in [case["note"], f"calls per sample: {calls}", *once, whole,
                                               *case.get("missing", [])] if part)
            # civitas' matrix takes a thread per core from about a million unit-pairs; one pair runs on one
            threads = 1 if case["case"].endswith("_pair") else os.cpu_count()
            results.append(harness.contract_case(case["case"], best, True, median_s=median, flops=case.get("flops"),
                                                 threads=threads, note=note))

    if args.json:
        args.json.write_text(json.dumps({
            "workload": "agreement", "size": harness.size_of(units, args.rankings),
            "shape": {"units": units, "rankings": args.rankings},
            "cases": results,
            "versions": {"civitas": civitas.__version__, "numpy": np.__version__, "pandas": pd.__version__,
                         "scipy": version("scipy"), "pymcdm": version("pymcdm"),
                         "scikit-criteria": version("scikit-criteria"), "python": platform.python_version()},
        }, indent=2) + "\n", encoding="utf-8")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
