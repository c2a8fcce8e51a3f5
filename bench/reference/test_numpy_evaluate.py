"""The numpy reference against cases worked by hand from docs/scoring.md.

Run: python -m pytest bench/reference
The last test compares with civitas itself on the same frameworks, when civitas is installed.
"""

from __future__ import annotations

import json
import math
import os
import sys

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from numpy_evaluate import DECISIONS, compile_framework, evaluate  # noqa: E402

nan = math.nan


def decisions(result):
    return [DECISIONS[d] for d in result.decided_by]


# Case 1: two categories with relative weights 2 : 1, so A's indicators weigh 1/3 each and B's
# 1/6 each; P(b2) = 100 / 6 points.
#   a1 higher, pass 60, linear from zero 20:   s = (v - 20) / (60 - 20)
#   a2 lower, pass 10, proportional:            s = 10 / v above 10
#   b1 yes/no, basic, rule yes_no:              s = v
#   b2 problem count (allowed 0), deduction of 2 points a problem, at most 5: s = (P - min(2v, 5)) / P
CASE_1 = {
    "id": "case-1",
    "name": "case 1",
    "reliability": "illustrative",
    "categories": [
        {"id": "A", "weight": 2, "indicators": [
            {"id": "a1", "direction": "higher", "pass": 60, "bounds": [0, 100],
             "scoring": {"rule": "linear", "zero": 20}},
            {"id": "a2", "direction": "lower", "pass": 10, "scoring": {"rule": "proportional"}},
        ]},
        {"id": "B", "indicators": [
            {"id": "b1", "direction": "yes_no", "kind": "basic", "scoring": {"rule": "yes_no"}},
            {"id": "b2", "direction": "problem_count",
             "scoring": {"rule": "deduction", "per_problem": 2, "max_deduction": 5}},
        ]},
    ],
}


def test_case_1_rules_weights_and_decisions():
    fw = compile_framework(CASE_1)
    assert_allclose(fw.weights, [1 / 3, 1 / 3, 1 / 6, 1 / 6], rtol=1e-15)
    values = np.array([
        [40, 20, 1, 2],   # a1 (40-20)/40 = 0.5, a2 10/20 = 0.5, b1 1, b2 (50/3 - 4) / (50/3) = 0.76
        [70, 5, 0, 0],    # everything 1 but the basic b1: veto
        [60, 10, 1, 0],   # every line met exactly: passed
        [30, 40, 1, 10],  # a1 0.25, a2 0.25, b2 capped: (50/3 - 5) / (50/3) = 0.7
    ], dtype=float)
    r = evaluate(fw, values)
    assert_allclose(r.scores, [[0.5, 0.5, 1, 0.76], [1, 1, 0, 1], [1, 1, 1, 1], [0.25, 0.25, 1, 0.7]], rtol=1e-13)
    assert_array_equal(r.outcomes, [[0, 0, 1, 0], [1, 1, 0, 1], [1, 1, 1, 1], [0, 0, 1, 0]])
    assert_allclose(r.gaps, [[20, 10, 0, 2], [0, 0, 1, 0], [0, 0, 0, 0], [30, 30, 0, 10]], rtol=1e-15)
    # A = 0.5, B = (1 + 0.76) / 2 = 0.88: total = 100 (2/3 0.5 + 1/3 0.88) = 188/3
    assert_allclose(r.category_scores, [[0.5, 0.88], [1, 0.5], [1, 1], [0.25, 0.85]], rtol=1e-13)
    assert_allclose(r.totals, [188 / 3, 250 / 3, 100, 45], rtol=1e-13)
    assert_array_equal(r.met_count, [1, 3, 4, 1])
    assert_array_equal(r.basic_failed, [0, 1, 0, 0])
    assert decisions(r) == ["rule", "veto", "passed", "rule"]  # default rule: every indicator met
    assert_array_equal(r.passed, [False, False, True, False])


# Case 2: two levels (env holds ph and the subcategory air), weights env : service = 1 : 3, so
# ph 1/8, good_days and pm25 1/16 each, plan, complaints and green 1/4 each; pass rules
# min_total 60 then min_share_general_met 0.5 (5 general items: plan is basic).
CASE_2 = {
    "id": "case-2",
    "name": "case 2",
    "reliability": "illustrative",
    "pass_rules": [{"rule": "all_basic_met"}, {"rule": "min_total", "value": 60},
                   {"rule": "min_share_general_met", "value": 0.5}],
    "categories": [
        {"id": "env", "indicators": [
            {"id": "ph", "direction": "range", "pass": [6.5, 8.5], "scoring": {"rule": "linear", "zero": [5, 10]}},
        ], "categories": [
            {"id": "air", "indicators": [
                {"id": "good_days", "direction": "higher", "pass": 80,
                 "scoring": {"rule": "tiers", "tiers": [{"at": 80, "score": 1}, {"at": 60, "score": 0.5}]}},
                {"id": "pm25", "direction": "lower", "pass": 35,
                 "scoring": {"rule": "tiers", "tiers": [{"at": 35, "score": 1}, {"at": 50, "score": 0.6},
                                                        {"at": 75, "score": 0.2}]}},
            ]},
        ]},
        {"id": "service", "weight": 3, "indicators": [
            {"id": "plan", "direction": "yes_no", "kind": "basic"},
            {"id": "complaints", "direction": "problem_count", "pass": 2, "scoring": {"rule": "proportional"}},
            {"id": "green", "direction": "higher", "pass": 40, "scoring": {"rule": "proportional", "full": 50}},
        ]},
    ],
}


def test_case_2_two_levels_tiers_range_and_pass_rules():
    fw = compile_framework(CASE_2)
    assert fw.category_ids == ["env", "air", "service"]
    assert_allclose(fw.weights, [1 / 8, 1 / 16, 1 / 16, 1 / 4, 1 / 4, 1 / 4], rtol=1e-15)
    values = np.array([
        [9, 70, 40, 1, 4, 45],   # ph (10-9)/(10-8.5) = 2/3; tiers 0.5 and 0.6; complaints 2/4; green 45/50
        [7, 85, 30, 1, 1, 38],   # all 1 but green 38/50 = 0.76 (not met)
        [4, 50, 80, 1, 0, 10],   # ph, good_days, pm25 score 0; green 0.2
    ], dtype=float)
    r = evaluate(fw, values)
    assert_allclose(r.scores, [[2 / 3, 0.5, 0.6, 1, 0.5, 0.9], [1, 1, 1, 1, 1, 0.76], [0, 0, 0, 1, 1, 0.2]],
                    rtol=1e-13)
    assert_allclose(r.gaps, [[0.5, 10, 5, 0, 2, 0], [0, 0, 0, 0, 0, 2], [2.5, 30, 45, 0, 0, 30]], rtol=1e-15)
    # air = (0.5 + 0.6) / 2 = 0.55, env = (2/3 + 0.55) / 2, service = (1 + 0.5 + 0.9) / 3 = 0.8
    env = (2 / 3 + 0.55) / 2
    assert_allclose(r.category_scores, [[env, 0.55, 0.8], [1, 1, 0.92], [0, 0, 2.2 / 3]], rtol=1e-13)
    assert_allclose(r.totals, [100 * (env / 4 + 0.6), 94, 55], rtol=1e-13)
    assert_array_equal(r.met_count, [2, 5, 2])
    # Row 0: total 75.2 holds, 1 of 5 general met fails; row 2: total 55 < 60 fails.
    assert decisions(r) == ["rule", "passed", "rule"]


def test_case_3_invalid_data_and_missing_values():
    fw = compile_framework(CASE_1)
    values = np.array([
        [120, 5, 1, 0],    # a1 outside its bounds [0, 100]
        [40, 20, 0.5, 0],  # yes/no neither 0 nor 1
        [40, 20, 1, -1],   # negative count
        [40, 20, 1, np.inf],
        [nan, 5, 1, 0],    # NaN: invalid, or a1 missing (scores 0, not met) with nan_as_missing
        [40, 20, nan, 0],  # the basic item b1 missing: veto under "fail"
    ])
    strict = evaluate(fw, values)
    assert_array_equal(strict.valid, [False] * 6)
    assert decisions(strict) == ["invalid"] * 6
    assert np.isnan(strict.totals).all() and np.isnan(strict.gaps).all()
    assert_array_equal(strict.outcomes, -np.ones((6, 4)))

    r = evaluate(fw, values, nan_as_missing=True)
    assert_array_equal(r.valid, [False, False, False, False, True, True])
    assert_array_equal(r.outcomes[4:], [[-1, 1, 1, 1], [0, 0, -1, 1]])
    assert_allclose(r.scores[4:], [[0, 1, 1, 1], [0.5, 0.5, 0, 1]], rtol=1e-15)
    assert np.isnan(r.gaps[4, 0]) and np.isnan(r.gaps[5, 2])
    # Row 4: A = (0 + 1) / 2, B = 1: 100 (1/3 + 1/3) = 200/3; row 5: A = 0.5, B = 0.5: 50.
    assert_allclose(r.totals[4:], [200 / 3, 50], rtol=1e-13)
    assert_allclose(r.coverage[4:], [2 / 3, 5 / 6], rtol=1e-13)
    assert decisions(r)[4:] == ["rule", "veto"]


def test_points_weighting_deduction_uses_full_points():
    # As tests/unit/framework/test_scoring.cpp: litter 10 points, green 90; 2 per problem: 3 -> (10 - 6) / 10.
    spec = {"id": "points", "name": "points", "reliability": "illustrative", "weighting": "points",
            "indicators": [
                {"id": "litter", "direction": "problem_count", "weight": 10,
                 "scoring": {"rule": "deduction", "per_problem": 2}},
                {"id": "green", "direction": "higher", "pass": 36, "weight": 90}]}
    r = evaluate(compile_framework(spec), np.array([[3.0, 40.0], [6.0, 40.0]]))
    assert_allclose(r.scores[:, 0], [0.4, 0.0], rtol=1e-13, atol=0)
    assert_allclose(r.totals, [94, 90], rtol=1e-13)


@pytest.mark.parametrize("spec", [CASE_1, CASE_2], ids=["case-1", "case-2"])
@pytest.mark.parametrize("nan_as_missing", [False, True])
def test_same_as_civitas(spec, nan_as_missing):
    """The hand-worked cases give the same in civitas (skipped when it is not installed)."""
    civitas = pytest.importorskip("civitas")
    fw = compile_framework(spec)
    rng = np.random.default_rng(7)
    n = len(fw.indicator_ids)
    # Values on, near and far from the lines, a few invalid, a few NaN.
    base = np.where(np.isfinite(fw.line_low), fw.line_low, fw.line_high)
    values = base + rng.choice([-30, -2, -0.5, 0, 0.5, 2, 30], size=(200, n))
    values[:, fw.yes_no] = rng.choice([0.0, 1.0], size=(200, len(fw.yes_no)))
    values[rng.random(values.shape) < 0.02] = nan
    values = np.round(values, 1)
    ref = evaluate(fw, values, nan_as_missing=nan_as_missing)
    batch = civitas.parse_framework(json.dumps(spec)).evaluate_many(
        values, columns=fw.indicator_ids, nan_as_missing=nan_as_missing)
    assert_array_equal(np.asarray(batch.passed), ref.passed)
    assert [d.name for d in batch.decided_by] == decisions(ref)
    assert_array_equal(batch.outcomes, ref.outcomes)
    assert_array_equal(batch.met, ref.met_count)
    for name in ("scores", "gaps", "totals", "category_scores", "coverage"):
        assert_allclose(getattr(batch, name), getattr(ref, name), rtol=1e-12, atol=0, equal_nan=True, err_msg=name)

