"""A plain numpy implementation of docs/scoring.md, the reference the benchmarks compare with.

It is written the way a competent numpy user would write it, so that the speed comparison is
fair: the framework is compiled once into per-indicator parameter arrays; evaluation works on
whole columns at once (one pass per rule group, a matrix product for the weighted sums) and
never loops over units.

Supported subset (the benchmark framework uses no more; anything else raises
NotImplementedError when compiling):
- directions higher, lower, range, yes_no, problem_count;
- rules pass_fail, linear, proportional, tiers, deduction, yes_no;
- relative or points weighting, any depth of categories, arithmetic aggregation;
- missing policy "fail" (NaN is invalid data, or missing data with nan_as_missing=True);
- any pass rules, min_coverage;
- no class-dependent lines (pass_by_class).

Usage::

    fw = compile_framework(json.loads(text))
    result = evaluate(fw, values)          # values: units x indicators, framework order
    result.scores, result.totals, result.passed, ...
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

import numpy as np

__all__ = ["DECISIONS", "NumpyFramework", "NumpyResult", "compile_framework", "evaluate", "numpy_evaluate"]

#: Decision codes, in the order of civitas.Decision (C++ enum Decision).
DECISIONS = ("passed", "coverage", "veto", "rule", "invalid")
_PASSED, _COVERAGE, _VETO, _RULE, _INVALID = range(5)

_INF = np.inf


@dataclass
class NumpyFramework:
    """A framework compiled into arrays indexed by indicator (framework order, depth first)."""

    id: str
    indicator_ids: list[str]
    category_ids: list[str]
    scale: float
    weights: np.ndarray        # (n,) effective weights, sum to 1
    category_matrix: np.ndarray  # (n, k) weight of indicator i inside category k (columns sum to 1)
    line_low: np.ndarray       # (n,) pass line, yes_no: [1, 1]
    line_high: np.ndarray
    valid_low: np.ndarray      # (n,) values allowed: bounds, >= 0 for counts, [0, 1] for yes/no
    valid_high: np.ndarray
    yes_no: np.ndarray         # (n,) int indices of yes/no indicators (values must be 0 or 1)
    basic: np.ndarray          # (n,) bool
    groups: list[tuple[str, np.ndarray, dict[str, np.ndarray]]]  # (kind, column indices, parameters)
    pass_rules: list[tuple[str, float]]
    min_coverage: float
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class NumpyResult:
    """Results for a batch of units; rows are units, columns indicators."""

    scores: np.ndarray           # float64 (units, n), score shares in [0, 1]
    met: np.ndarray              # bool (units, n)
    outcomes: np.ndarray         # int8 (units, n): 1 met, 0 not met, -1 missing
    gaps: np.ndarray             # float64 (units, n), NaN where missing
    totals: np.ndarray           # float64 (units,), NaN where no score is given
    category_scores: np.ndarray  # float64 (units, k)
    coverage: np.ndarray         # float64 (units,)
    met_count: np.ndarray        # int (units,)
    basic_failed: np.ndarray     # int (units,)
    passed: np.ndarray           # bool (units,)
    decided_by: np.ndarray       # int8 (units,), index into DECISIONS
    valid: np.ndarray            # bool (units,)


# ---- compiling ------------------------------------------------------------------------------

def _line(value: Any, direction: str) -> tuple[float, float]:
    """A pass (or full) line as an interval (low, high)."""
    if direction == "range":
        return float(value[0]), float(value[1])
    if direction == "higher":
        return float(value), _INF
    return -_INF, float(value)  # lower, problem_count


def _unsupported(what: str) -> NotImplementedError:
    return NotImplementedError(f"numpy reference: {what} is not supported")


def compile_framework(spec: Mapping[str, Any]) -> NumpyFramework:
    """Flattens a framework file (the parsed JSON) into arrays; validation is civitas's job."""
    scale = float(spec.get("scale", 100.0))
    weighting = spec.get("weighting", "relative")
    if spec.get("missing", "fail") != "fail":
        raise _unsupported("missing policy other than 'fail'")
    if spec.get("aggregation", "arithmetic") != "arithmetic":
        raise _unsupported("geometric aggregation")

    indicators: list[dict[str, Any]] = []
    category_ids: list[str] = []

    # A node: {"weight": its children's sum, "children": [(local weight, indicator index or
    # node)], "category": its column in category_ids, -1 for the root}.
    def walk(node: Mapping[str, Any], category: int) -> dict[str, Any]:
        if node.get("aggregation", "arithmetic") != "arithmetic":
            raise _unsupported("geometric aggregation")
        children: list[tuple[float, Any]] = []
        for item in node.get("indicators", []):
            if "pass_by_class" in item:
                raise _unsupported("pass_by_class")
            if item.get("missing", "fail") != "fail":
                raise _unsupported("missing policy other than 'fail'")
            if weighting == "points" and "weight" not in item:
                raise ValueError(f"indicator {item['id']!r}: points weighting needs a weight")
            children.append((float(item.get("weight", 1.0)), len(indicators)))
            indicators.append(dict(item))
        for child in node.get("categories", []):
            category_ids.append(child["id"])
            sub = walk(child, len(category_ids) - 1)
            # Points: a category weighs its children's sum; relative: its weight, default 1.
            children.append((sub["weight"] if weighting == "points" else float(child.get("weight", 1.0)), sub))
        return {"weight": sum(w for w, _ in children), "children": children, "category": category}

    root = walk(spec, -1)
    n, k = len(indicators), len(category_ids)
    if n == 0:
        raise ValueError("the framework has no indicators")

    # Effective weights: the product of sibling shares from the top; category_matrix[:, c] the
    # same product from category c down.
    weights = np.zeros(n)
    category_matrix = np.zeros((n, k))

    def shares(node: dict[str, Any], share: float, out: np.ndarray) -> None:
        for w, child in node["children"]:
            s = share * w / node["weight"]
            if isinstance(child, int):
                out[child] = s
            else:
                shares(child, s, out)

    def categories(node: dict[str, Any]) -> None:
        for _, child in node["children"]:
            if not isinstance(child, int):
                shares(child, 1.0, category_matrix[:, child["category"]])
                categories(child)

    shares(root, 1.0, weights)
    categories(root)
    full_points = weights * scale

    line_low = np.empty(n)
    line_high = np.empty(n)
    valid_low = np.full(n, -_INF)
    valid_high = np.full(n, _INF)
    basic = np.zeros(n, dtype=bool)
    # Rule groups, gathered per (rule, direction family) with their parameters by column.
    buckets: dict[str, dict[str, list[Any]]] = {}

    def put(kind: str, i: int, **params: Any) -> None:
        bucket = buckets.setdefault(kind, {"index": []})
        bucket["index"].append(i)
        for name, value in params.items():
            bucket.setdefault(name, []).append(value)

    for i, item in enumerate(indicators):
        direction = item.get("direction", "higher")
        basic[i] = item.get("kind", "general") == "basic"
        if "bounds" in item:
            lo, hi = item["bounds"]
            valid_low[i] = -_INF if lo is None else float(lo)
            valid_high[i] = _INF if hi is None else float(hi)
        if direction == "yes_no":
            line_low[i] = line_high[i] = 1.0
            valid_low[i] = max(valid_low[i], 0.0)
            valid_high[i] = min(valid_high[i], 1.0)
        elif direction == "problem_count":
            line_low[i], line_high[i] = _line(item.get("pass", 0), direction)
            valid_low[i] = max(valid_low[i], 0.0)
        else:
            line_low[i], line_high[i] = _line(item["pass"], direction)

        scoring = item.get("scoring", {})
        rule = scoring.get("rule", "pass_fail")
        family = "higher" if direction == "higher" else "range" if direction == "range" else "lower"
        full = _line(scoring["full"], direction) if "full" in scoring else (line_low[i], line_high[i])
        if rule == "pass_fail":
            put("pass_fail", i)
        elif rule == "yes_no":
            put("yes_no", i)
        elif rule == "linear":
            z = scoring["zero"]
            zero = (float(z[0]), float(z[1])) if direction == "range" else (
                (float(z), _INF) if direction == "higher" else (-_INF, float(z)))
            put("linear_" + family, i, full_low=full[0], full_high=full[1], zero_low=zero[0], zero_high=zero[1])
        elif rule == "proportional":
            put("proportional_" + family, i, target=full[0] if family == "higher" else full[1])
        elif rule == "tiers":
            put("tiers_" + family, i, tiers=[(float(t["at"]), float(t["score"])) for t in scoring["tiers"]])
        elif rule == "deduction":
            put("deduction", i, per_problem=float(scoring["per_problem"]),
                max_deduction=float(scoring.get("max_deduction", _INF)), full_points=full_points[i])
        else:
            raise _unsupported(f"rule {rule!r}")

    groups: list[tuple[str, np.ndarray, dict[str, np.ndarray]]] = []
    for kind, bucket in buckets.items():
        index = np.asarray(bucket.pop("index"), dtype=np.intp)
        params: dict[str, np.ndarray] = {}
        if kind.startswith("tiers_"):
            # Pad to the longest list with tiers nobody reaches: (at = +/-inf, score 0).
            lists = bucket.pop("tiers")
            depth = max(len(t) for t in lists)
            unreachable = _INF if kind == "tiers_higher" else -_INF
            at = np.full((depth, len(lists)), unreachable)
            score = np.zeros((depth, len(lists)))
            for j, tiers in enumerate(lists):
                for t, (a, s) in enumerate(tiers):
                    at[t, j], score[t, j] = a, s
            params = {"at": at, "score": score}
        params.update({name: np.asarray(values, dtype=float) for name, values in bucket.items()})
        groups.append((kind, index, params))

    pass_rules = [(r["rule"], float(r.get("value", 0.0))) for r in spec.get("pass_rules", [])]
    return NumpyFramework(
        id=spec["id"], indicator_ids=[item["id"] for item in indicators], category_ids=category_ids,
        scale=scale, weights=weights, category_matrix=category_matrix, line_low=line_low,
        line_high=line_high, valid_low=valid_low, valid_high=valid_high,
        yes_no=np.flatnonzero([item.get("direction", "higher") == "yes_no" for item in indicators]),
        basic=basic, groups=groups, pass_rules=pass_rules,
        min_coverage=float(spec.get("min_coverage", 0.0)))


# ---- evaluating -----------------------------------------------------------------------------

def _score_group(kind: str, x: np.ndarray, met: np.ndarray, p: Mapping[str, np.ndarray]) -> np.ndarray:
    """Score shares of the columns x (units x group columns) of one rule group."""
    if kind == "pass_fail":
        return met.astype(np.float64)
    if kind == "yes_no":
        return x
    if kind == "linear_higher":
        return np.clip((x - p["zero_low"]) / (p["full_low"] - p["zero_low"]), 0.0, 1.0)
    if kind == "linear_lower":
        return np.clip((p["zero_high"] - x) / (p["zero_high"] - p["full_high"]), 0.0, 1.0)
    if kind == "linear_range":
        below = np.clip((x - p["zero_low"]) / (p["full_low"] - p["zero_low"]), 0.0, 1.0)
        above = np.clip((p["zero_high"] - x) / (p["zero_high"] - p["full_high"]), 0.0, 1.0)
        return np.minimum(below, above)
    if kind == "proportional_higher":
        return np.clip(x / p["target"], 0.0, 1.0)
    if kind == "proportional_lower":
        return np.where(x <= p["target"], 1.0, np.clip(p["target"] / x, 0.0, 1.0))
    if kind in ("tiers_higher", "tiers_lower"):
        s = np.zeros_like(x)
        for at, score in zip(p["at"], p["score"]):  # a loop over tier levels (a handful)
            reached = x >= at if kind == "tiers_higher" else x <= at
            np.maximum(s, np.where(reached, score, 0.0), out=s)
        return s
    if kind == "deduction":
        deducted = np.minimum(p["per_problem"] * x, p["max_deduction"])
        return np.maximum(0.0, p["full_points"] - deducted) / p["full_points"]
    raise _unsupported(f"rule group {kind!r}")


def evaluate(fw: NumpyFramework, values: np.ndarray, *, nan_as_missing: bool = False) -> NumpyResult:
    """Evaluates units x indicators `values` (columns in framework order) as docs/scoring.md says."""
    x = np.asarray(values, dtype=np.float64)
    units, n = x.shape
    if n != len(fw.indicator_ids):
        raise ValueError(f"values have {n} columns; expected {len(fw.indicator_ids)} (framework order)")

    with np.errstate(divide="ignore", invalid="ignore"):
        # Invalid data: NaN (unless missing), infinity, outside the bounds, yes/no not 0 or 1,
        # negative counts (the last two are folded into valid_low/valid_high).
        missing = np.isnan(x)
        bad = np.isinf(x) if nan_as_missing else ~np.isfinite(x)
        bad |= (x < fw.valid_low) | (x > fw.valid_high)
        yn = x[:, fw.yes_no]
        bad[:, fw.yes_no] |= (yn != 0.0) & (yn != 1.0) & ~np.isnan(yn)
        valid = ~bad.any(axis=1)

        met = (x >= fw.line_low) & (x <= fw.line_high)  # NaN compares False: missing is not met
        # Distance below the line plus distance above it (one is 0); NaN stays NaN.
        gaps = np.maximum(fw.line_low - x, 0.0)
        gaps += np.maximum(x - fw.line_high, 0.0)

        scores = np.empty_like(x)
        for kind, index, params in fw.groups:  # a loop over rule groups, not units
            scores[:, index] = _score_group(kind, x[:, index], met[:, index], params)
        if nan_as_missing:
            scores[missing] = 0.0  # missing under "fail": counted, scores 0

        category_scores = np.clip(scores @ fw.category_matrix, 0.0, 1.0)
        totals = np.clip(scores @ fw.weights, 0.0, 1.0) * fw.scale
        coverage = (~missing).astype(np.float64) @ fw.weights if nan_as_missing else np.full(units, fw.weights.sum())
        if fw.min_coverage > 0:
            totals[coverage < fw.min_coverage] = np.nan  # no total below the minimum coverage

    if not valid.all():  # rows with invalid data: nothing is scored
        invalid = ~valid
        scores[invalid] = 0.0
        met[invalid] = False
        gaps[invalid] = np.nan
        category_scores[invalid] = np.nan
        totals[invalid] = np.nan
        coverage[invalid] = 0.0
        missing = missing | invalid[:, None]

    outcomes = met.astype(np.int8)
    outcomes[missing] = -1
    met_count = met.sum(axis=1)
    basic_failed = (~met[:, fw.basic]).sum(axis=1)  # without data counts as failed under "fail"
    general_met = met[:, ~fw.basic].sum(axis=1)
    counted = n  # under "fail" every indicator is counted
    general_counted = int((~fw.basic).sum())

    # The pass decision, in the order of docs/scoring.md; np.select takes the first that holds.
    rule_failed = np.zeros(units, dtype=bool)
    if not fw.pass_rules:
        rule_failed = met_count != counted
    for rule, value in fw.pass_rules:
        if rule == "all_basic_met":
            continue
        if rule == "min_share_met":
            holds = met_count >= value * counted
        elif rule == "min_count_met":
            holds = met_count >= value
        elif rule == "min_share_general_met":
            holds = general_met >= value * general_counted
        elif rule == "min_count_general_met":
            holds = general_met >= value
        elif rule == "min_total":
            holds = totals >= value - 1e-9 * fw.scale
        else:
            raise _unsupported(f"pass rule {rule!r}")
        rule_failed |= ~holds
    no_score = (coverage < fw.min_coverage) | np.isnan(totals)
    decided_by = np.select([~valid, no_score, basic_failed > 0, rule_failed],
                           [_INVALID, _COVERAGE, _VETO, _RULE], _PASSED).astype(np.int8)
    if not valid.all():
        met_count[~valid] = 0
        basic_failed[~valid] = 0

    return NumpyResult(scores=scores, met=met, outcomes=outcomes, gaps=gaps, totals=totals,
                       category_scores=category_scores, coverage=coverage, met_count=met_count,
                       basic_failed=basic_failed, passed=decided_by == _PASSED, decided_by=decided_by,
                       valid=valid)


def numpy_evaluate(spec: Mapping[str, Any], values: np.ndarray, columns: Sequence[str] | None = None,
                   *, nan_as_missing: bool = False) -> NumpyResult:
    """compile_framework then evaluate; `columns` (ids of values' columns) reorders to framework order."""
    fw = compile_framework(spec)
    x = np.asarray(values, dtype=np.float64)
    if columns is not None:
        position = {c: j for j, c in enumerate(columns)}
        if sorted(position) != sorted(fw.indicator_ids):
            raise _unsupported("columns other than every indicator exactly once")
        x = x[:, [position[i] for i in fw.indicator_ids]]
    return evaluate(fw, x, nan_as_missing=nan_as_missing)
