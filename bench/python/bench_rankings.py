"""civitas' ranking methods besides TOPSIS (weighted_sum, vikor, grey_relational, waspas, edas, copras,
spotis, cocoso, multimoora, promethee) and rank against numpy (bench/reference/numpy_rankings.py),
pymcdm and scikit-criteria, from Python.

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
  averages tied ranks and has no dense or min ranks: not compared;
- waspas: lam = 0.5 (docs/methods.md, "Which method"), against pymcdm's WASPAS(l=0.5) (its
  default linear normalisation, x / max and min / x) and scikit-criteria's WASPAS, which
  normalises nothing and refuses cost criteria: a pipeline InvertMinimize (1 / x) then
  MaxAbsScaler (x / max), which makes a cost column min / x; scores within rtol 1e-12;
- edas: pymcdm's EDAS and scikit-criteria's EDAS (the same formula); scores in [0, 1] within 1e-12;
- copras: scikit-criteria's COPRAS after SumScaler(target="both") (the weights made to sum to 1,
  which they already do, and the columns to shares); its score is the utility in per cent:
  divided by 100, within rtol 1e-12. pymcdm 1.4's COPRAS is left out: its Q reduces to S+ + S-
  (docs/methods.md), other numbers, so there is nothing equal to time against;
- spotis: the bounds the data's range (civitas' and scikit-criteria's default; pymcdm's
  SPOTIS.make_bounds, computed once, as a user would), against pymcdm's and scikit-criteria's
  SPOTIS; distances in [0, 1] within 1e-12;
- cocoso: lam = 0.5, against pymcdm's COCOSO (min-max) and scikit-criteria's CoCoSo, which
  normalises nothing and refuses cost criteria: a pipeline NegateMinimize (-x) then MinMaxScaler,
  which makes a cost column (max - x) / (max - min); scores within rtol 1e-12;
- multimoora: equal weights (x and the criteria's directions as the others), against
  scikit-criteria's MultiMOORA after VectorScaler (pymcdm has no MULTIMOORA). Its full
  multiplicative form multiplies w r, not r^w as civitas (docs/methods.md): with unequal weights
  it is another ranking, with equal ones the same. Checked: the ratio system and the reference
  point within rtol 1e-12 (also with the case's own weights, through scikit-criteria's ratio and
  refpoint functions), the three rankings exactly (scikit-criteria's are dense, civitas'
  competition ranks: compared as dense), and the dominance counts exactly where both rules count
  (scikit-criteria counts a pair only when no ranking ties them, civitas every pair, by the
  rankings that tell them apart; the data's 3-decimal values make ties, so the difference, the
  wins of tied pairs, is counted from the rankings with numpy). The final ranks follow from the
  counts by each side's tie rule and are not compared. scikit-criteria's synthesis loops over
  the pairs in Python: about a minute at 3,000 units;
- promethee_usual, promethee_v_shape, promethee_linear: PROMETHEE II's net flows with one
  preference function for every criterion (v-shape p = 0.3 x the column's range; linear q = 0.1
  and p = 0.3 x the range, pymcdm's vshape_2) against pymcdm's PROMETHEE_II, within 1e-12 (net
  flows lie in [-1, 1]). pymcdm builds and keeps a units x units table per criterion (200 x 72 MB
  at 3,000 units), so above PROMETHEE_UNITS (1,000) units both sides take the first 1,000 (the
  note gives civitas' time at every unit and pymcdm's estimated by the square of the units).
  pymcdm's PROMETHEE_II given p or q can be called only once (its preference functions are a
  generator): a new one each call, as a user must. scikit-criteria has no PROMETHEE.

A side whose check call takes over LONG (1 s: scikit-criteria's MULTIMOORA and pymcdm's
PROMETHEE at the nation) is timed by that call alone.

Follows the suite's contract (bench/README.md): --size, --quick, --json. The sizes are units x
200 criteria: city 10, province 100, nation 3,000 (the issue's 3,000 x 200, as TOPSIS; not the
nation's 2,800 counties); the JSON's shape says so. civitas runs each on one thread. Each method
gives its floating-point operations per cell for the distance to the peak rate: the weighted sum
2 (a product, a sum), VIKOR 3 (a difference, a product, a sum; R's maximum is a comparison), grey
relational analysis 5 (a difference, a product, an addition, a division, a sum), EDAS 3 (a difference,
a product by w / AV, a sum; the clamp at 0 a comparison), COPRAS 2 (a product by w / the column's
total, a sum), SPOTIS 3 (a difference, a product by w / the range, a sum). WASPAS, CoCoSo and
MULTIMOORA take logarithms or powers and PROMETHEE sorts: no count.

Exit status: 0 when the results agree (whatever the speed: the machine may be shared and noisy),
1 when they differ, 2 when civitas cannot be imported.

    python bench/python/bench_rankings.py                   # 3,000 units x 200 criteria
    python bench/python/bench_rankings.py --size province   # 100 units x 200 criteria
    python bench/python/bench_rankings.py --quick           # 200 x 40: a correctness check
    python bench/python/bench_rankings.py --case vikor --size city --json /tmp/rankings.json
    python bench/python/bench_rankings.py --case promethee_linear --size nation
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
import time  # noqa: E402
import warnings  # noqa: E402
from typing import Any  # noqa: E402

import numpy as np  # noqa: E402

import numpy_rankings  # noqa: E402
from bench_topsis import SEED, make_data  # noqa: E402
from harness import interleaved  # noqa: E402

PROMETHEE_CASES = {"promethee_usual": "usual", "promethee_v_shape": "v_shape", "promethee_linear": "linear"}
METHODS = ["weighted_sum", "vikor", "grey_relational", "waspas", "edas", "copras", "spotis", "cocoso", "multimoora",
           *PROMETHEE_CASES]  # the ranking methods; rank numbers scores
CASES = [*METHODS[:3], "rank", *METHODS[3:]]
TARGET = 10.0  # pymcdm or scikit-criteria time / civitas time the issue asks of a ranking method at the nation
RTOL = 1e-12  # weighted sums and grades: the same formula, summed in another order
VIKOR_ATOL = 1e-12  # S, R, Q in [0, 1]
UNIT_ATOL = 1e-12  # EDAS scores, SPOTIS distances in [0, 1]; PROMETHEE net flows in [-1, 1]
MOORA_ATOL = 1e-15  # MULTIMOORA's ratio system (beside RTOL): a few units' lie near 0
SLOW = 0.02  # seconds a call: a side this slow is sampled at most 5 times, one call each
LONG = 1.0  # seconds its check call took: a side this slow is timed by that call alone
PROMETHEE_UNITS = 1000  # pymcdm's PROMETHEE keeps units^2 x criteria doubles: 1.6 GB at 1,000 x 200


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


def dense(ranks: Any) -> np.ndarray:
    """Dense ranks ("1223") of ranks where 1 is the best (a competition ranking made dense)."""
    return np.unique(np.asarray(ranks), return_inverse=True)[1] + 1


def promethee_thresholds(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """q and p per criterion: 0.1 and 0.3 of the column's range (in its own unit)."""
    span = x.max(axis=0) - x.min(axis=0)
    return 0.1 * span, 0.3 * span


def make_cases(civitas: Any, x: np.ndarray, weights: np.ndarray, benefit: np.ndarray) -> tuple[list[dict[str, Any]], list[str]]:
    """Each case: its name, a note, the function of each side (civitas first, then numpy) and the
    check of each peer's result against civitas' (a list of what differs). And a note for each
    peer that is not installed."""
    scores = points(x, weights)
    equal = np.full(x.shape[1], 1.0 / x.shape[1])  # MULTIMOORA's (see the docstring)
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
        {"case": "waspas", "note": "lam = 0.5", "runs": {"civitas": lambda: civitas.waspas(x, weights, benefit)},
         "check": lambda ours, theirs: close(ours, theirs, RTOL, 0.0)},
        {"case": "edas", "note": "", "flops": 3 * x.size, "runs": {"civitas": lambda: civitas.edas(x, weights, benefit)},
         "check": lambda ours, theirs: close(ours, theirs, 0.0, UNIT_ATOL)},
        {"case": "copras", "note": "pymcdm 1.4's COPRAS gives Q = S+ + S- (other numbers): left out", "flops": 2 * x.size,
         "runs": {"civitas": lambda: civitas.copras(x, weights, benefit)},
         "check": lambda ours, theirs: close(ours, theirs, RTOL, 0.0)},
        {"case": "spotis", "note": "bounds: the data's range", "flops": 3 * x.size,
         "runs": {"civitas": lambda: civitas.spotis(x, weights, benefit)},
         "check": lambda ours, theirs: close(ours, theirs, 0.0, UNIT_ATOL)},
        {"case": "cocoso", "note": "lam = 0.5", "runs": {"civitas": lambda: civitas.cocoso(x, weights, benefit)},
         "check": lambda ours, theirs: close(ours, theirs, RTOL, 0.0)},
        {"case": "multimoora", "note": "equal weights; pymcdm has no MULTIMOORA",
         "runs": {"civitas": lambda: civitas.multimoora(x, equal, benefit)},
         "check": lambda ours, theirs: multimoora_differences(ours, theirs)},
    ]
    # PROMETHEE on at most PROMETHEE_UNITS units (pymcdm's tables), the thresholds from those units.
    near = x[:PROMETHEE_UNITS]
    q, p = promethee_thresholds(near)
    thresholds = {"usual": {}, "v_shape": {"p": p}, "linear": {"q": q, "p": p}}
    for name, shape in PROMETHEE_CASES.items():
        subset = f"the first {len(near)} of {len(x)} units; " if len(near) < len(x) else ""
        described = {"usual": "usual", "v_shape": "v-shape, p = 0.3 x range", "linear": "linear, q = 0.1, p = 0.3 x range"}[shape]
        cases.append({"case": name, "note": f"{subset}{described}; scikit-criteria has no PROMETHEE",
                      "runs": {"civitas": lambda shape=shape: civitas.promethee(near, weights, benefit, preference=shape,
                                                                                **thresholds[shape]).net},
                      "check": lambda ours, theirs: close(ours, theirs, 0.0, UNIT_ATOL),
                      "whole": (lambda shape=shape: civitas.promethee(x, weights, benefit, preference=shape,
                                                                      **thresholds[shape]).net) if len(near) < len(x) else None,
                      "units": len(near)})
    by_name = {case["case"]: case for case in cases}
    missing: list[str] = []
    types = np.where(benefit, 1, -1)
    try:
        from pymcdm.methods import COCOSO, EDAS, PROMETHEE_II, SPOTIS, VIKOR, WASPAS, WSM
    except ImportError:
        missing.append("pymcdm not installed")
    else:
        summed, vikor = WSM(normalization_function=as_given), VIKOR(v=0.5)
        profits = np.ones(x.shape[1], dtype=int)
        by_name["weighted_sum"]["runs"]["pymcdm"] = lambda: summed(x, weights, profits)
        by_name["vikor"]["runs"]["pymcdm"] = lambda: vikor(x, weights, types)
        by_name["vikor"]["checked_by"] = {"pymcdm": lambda: {table.desc.label: table.data for table in
                                                              vikor(x, weights, types, verbose=True).results}}
        waspas, edas, cocoso = WASPAS(l=0.5), EDAS(), COCOSO(l=0.5)
        spotis = SPOTIS(SPOTIS.make_bounds(x))
        by_name["waspas"]["runs"]["pymcdm"] = lambda: waspas(x, weights, types)
        by_name["edas"]["runs"]["pymcdm"] = lambda: edas(x, weights, types)
        by_name["spotis"]["runs"]["pymcdm"] = lambda: spotis(x, weights, types)
        by_name["cocoso"]["runs"]["pymcdm"] = lambda: cocoso(x, weights, types)
        usual = PROMETHEE_II("usual")
        by_name["promethee_usual"]["runs"]["pymcdm"] = lambda: usual(near, weights, types)
        # Given p or q, a PROMETHEE_II object can be called once (its preference functions are a generator).
        by_name["promethee_v_shape"]["runs"]["pymcdm"] = lambda: PROMETHEE_II("vshape", p=p)(near, weights, types)
        by_name["promethee_linear"]["runs"]["pymcdm"] = lambda: PROMETHEE_II("vshape_2", p=p, q=q)(near, weights, types)
    try:
        import skcriteria
        from skcriteria.agg.cocoso import CoCoSo
        from skcriteria.agg.copras import COPRAS
        from skcriteria.agg.edas import EDAS as SkEdas
        from skcriteria.agg.moora import MultiMOORA, ratio, refpoint
        from skcriteria.agg.simple import WeightedSumModel
        from skcriteria.agg.spotis import SPOTIS as SkSpotis
        from skcriteria.agg.vikor import VIKOR as SkVikor
        from skcriteria.agg.waspas import WASPAS as SkWaspas
        from skcriteria.pipelines import mkpipe
        from skcriteria.preprocessing.invert_objectives import InvertMinimize, NegateMinimize
        from skcriteria.preprocessing.scalers import MaxAbsScaler, MinMaxScaler, SumScaler, VectorScaler
        from skcriteria.utils.rank import rank_values
    except ImportError:
        missing.append("scikit-criteria not installed")
    else:
        # The decision matrices and pipelines a user builds once.
        objectives = [max if flag else min for flag in benefit]
        maximised = skcriteria.mkdm(x, [max] * x.shape[1], weights=weights)
        mixed = skcriteria.mkdm(x, objectives, weights=weights)
        evenly = skcriteria.mkdm(x, objectives, weights=equal)
        summed_sk, vikor_sk = WeightedSumModel(), SkVikor(v=0.5)
        waspas_sk = mkpipe(InvertMinimize(), MaxAbsScaler(target="matrix"), SkWaspas(lambda_value=0.5))
        edas_sk, spotis_sk = SkEdas(), SkSpotis()
        copras_sk = mkpipe(SumScaler(target="both"), COPRAS())
        cocoso_sk = mkpipe(NegateMinimize(), MinMaxScaler(target="matrix"), CoCoSo(lambda_value=0.5))
        moora_sk = mkpipe(VectorScaler(target="matrix"), MultiMOORA())
        by_name["weighted_sum"]["runs"]["scikit-criteria"] = lambda: summed_sk.evaluate(maximised).e_.score
        by_name["vikor"]["runs"]["scikit-criteria"] = lambda: vikor_sk.evaluate(mixed).e_
        by_name["rank"]["runs"]["scikit-criteria"] = lambda: rank_values(scores, reverse=True)
        by_name["waspas"]["runs"]["scikit-criteria"] = lambda: waspas_sk.evaluate(mixed).e_.score
        by_name["edas"]["runs"]["scikit-criteria"] = lambda: edas_sk.evaluate(mixed).e_.score
        by_name["copras"]["runs"]["scikit-criteria"] = lambda: copras_sk.evaluate(mixed).e_.score / 100.0
        by_name["spotis"]["runs"]["scikit-criteria"] = lambda: spotis_sk.evaluate(mixed).e_.score
        by_name["cocoso"]["runs"]["scikit-criteria"] = lambda: cocoso_sk.evaluate(mixed).e_.score
        by_name["multimoora"]["runs"]["scikit-criteria"] = lambda: moora_sk.evaluate(evenly).e_

        def weighted_moora() -> list[str]:
            """The ratio system and the reference point with the case's own weights: scikit-criteria's
            functions on the vector-normalised matrix, against civitas'."""
            r, signs = x / np.sqrt((x ** 2).sum(axis=0)), np.where(benefit, 1, -1)
            ours = civitas.multimoora(x, weights, benefit)
            return [f"{label} (the case's weights): {problem}" for label, mine, theirs in
                    (("ratio system", ours.ratio_system, ratio(r, signs, weights)[1]),
                     ("reference point", ours.reference_point, refpoint(r, signs, weights)[1]))
                    for problem in close(mine, theirs, RTOL, MOORA_ATOL)]
        by_name["multimoora"]["also"] = weighted_moora
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


def multimoora_differences(ours: Any, theirs: Any) -> list[str]:
    """What differs between civitas' MultimooraResult and scikit-criteria's MultiMOORA extra: the
    ratio system and reference point values, the three rankings (as dense ranks), and the
    dominance counts once the pairs scikit-criteria leaves out (some ranking ties them) are
    counted as civitas counts them (by the rankings that tell them apart)."""
    problems = [f"{name}: {problem}" for name, mine, other in
                (("ratio system", ours.ratio_system, theirs.ratio_score),
                 ("reference point", ours.reference_point, theirs.refpoint_score))
                for problem in close(mine, other, RTOL, MOORA_ATOL)]
    ranks = np.asarray(theirs.rank_matrix)
    for column, name in enumerate(("ratio_system", "reference_point", "full_multiplicative")):
        differ = np.count_nonzero(dense(getattr(ours, "ranks_" + name)) != ranks[:, column])
        if differ:
            problems.append(f"{name} ranks differ at {differ} units")
    if problems:
        return problems
    wins = np.zeros((len(ranks), len(ranks)), dtype=np.int8)  # wins[i, k]: rankings where i is ahead of k
    tied = np.zeros((len(ranks), len(ranks)), dtype=bool)
    for column in ranks.T:
        wins += column[:, None] < column[None, :]
        tied |= column[:, None] == column[None, :]
    np.fill_diagonal(tied, False)
    counted = np.asarray(theirs.score) + (tied & (wins > wins.T)).sum(axis=1)
    differ = np.count_nonzero(counted != np.asarray(ours.dominance))
    return [f"dominance differs at {differ} units"] if differ else []


def check(case: dict[str, Any]) -> list[str]:
    """Every peer's result against civitas', each through its checking call where it has one. A
    peer checked through its own run has that call timed (case["check_s"])."""
    ours = case["runs"]["civitas"]()
    problems = []
    case["check_s"] = {}
    for name, run in case["runs"].items():
        if name != "civitas":
            start = time.perf_counter()
            theirs = case.get("checked_by", {}).get(name, run)()
            if name not in case.get("checked_by", {}):
                case["check_s"][name] = time.perf_counter() - start
            problems += [f"{case['case']}, {name}: {problem}" for problem in case["check"](ours, theirs)]
    if "also" in case:
        problems += [f"{case['case']}: {problem}" for problem in case["also"]()]
    return problems


def whole_note(case: dict[str, Any], best: dict[str, float], units: int) -> str | None:
    """For a case run on fewer units than the others (PROMETHEE): civitas' time on every unit
    and each peer's estimated from its own by the square of the units (its tables), with the ratio."""
    if case.get("whole") is None:
        return None
    whole = min(interleaved({"civitas": case["whole"]}, 5, 1)["civitas"])
    scale = (units / case["units"]) ** 2
    estimates = ", ".join(f"{name} ~{best[name] * scale:.3g} s (ratio ~{best[name] * scale / whole:.0f}x)"
                          for name in best if name != "civitas")
    return f"civitas on all {units} units: {whole * 1e3:.3g} ms" + (f"; estimated by units^2: {estimates}" if estimates else "")


def main(argv: list[str] | None = None) -> int:
    parser = harness.matrix_parser(__doc__.splitlines()[0], SEED)
    parser.add_argument("--case", choices=CASES, help="time only this one (default: all)")
    args = harness.matrix_arguments(parser, argv)

    civitas = harness.import_civitas()
    if civitas is None:
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
        print(f"results: the same (sums, grades and scores within rtol {RTOL:g}, S, R, Q within {VIKOR_ATOL:g}, "
              f"EDAS, SPOTIS and net flows within {UNIT_ATOL:g}, ranks and dominance exactly)")
        print()
        print(f"{'':34s}{'best (us)':>10s} {'median (us)':>12s}")
        for case in cases:
            best, median, numbers = harness.time_case(case, args.repeat, args.number, args.quick, LONG, SLOW)
            print(f"{'civitas.' + case['case']:34s}{us(best['civitas'])} {us(median['civitas']):>12s}")
            for name in case["runs"]:
                if name != "civitas":
                    label = f"{name} (ratio {best[name] / best['civitas']:.1f}x)"
                    print(f"{label:34s}{us(best[name])} {us(median[name]):>12s}")
            calls = ", ".join(f"{name} {count}" for name, count in numbers.items())
            once = [f"{name} timed by its check call alone" for name, seconds in case.get("check_s", {}).items() if seconds > LONG]
            whole = whole_note(case, best, args.units)
            if whole:
                print(f"  ({whole})")
            note = "; ".join(part for part in [case["note"], f"calls per sample: {calls}", *once, whole, *missing] if part)
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
