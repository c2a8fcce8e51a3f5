"""The numpy ranking references against published examples, and against civitas when installed."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

sys.path.insert(0, str(Path(__file__).resolve().parent))

from numpy_rankings import dense_rank, grey_relational, vikor, weighted_sum  # noqa: E402

# Opricovic & Tzeng (2007), Extended VIKOR method in comparison with outranking methods, EJOR
# 178(2), 514-529: six reservoir systems on eight criteria; printed to 3 decimals with equal weights:
# S 0.692 0.700 0.290 0.423 0.280 0.346, R 0.125 0.125 0.121 0.125 0.067 0.125, Q 0.991 1 0.473 0.670 0 0.578.
RESERVOIRS = np.array([[4184.3, 2914.0, 407.2, 251.0, 195, 244, 15, 2.41],
                       [5211.9, 3630.0, 501.7, 308.3, 282, 346, 21, 1.41],
                       [5021.3, 3920.5, 504.0, 278.6, 12, 56, 3, 4.42],
                       [5566.1, 3957.9, 559.5, 335.3, 167, 268, 16, 3.36],
                       [5060.5, 3293.5, 514.1, 284.2, 69, 90, 7, 4.04],
                       [4317.9, 2925.9, 432.8, 239.3, 12, 55, 3, 4.36]])
RESERVOIR_BENEFIT = [True, False, True, True, False, False, False, True]
# Si & Sun, 数学建模算法与应用 (National Defense Industry Press): six parts suppliers on nine criteria,
# equal weights, rho 0.5; grades as printed 0.462992 0.555994 0.649074 0.652723 0.493562 0.613015.
SUPPLIERS = np.array([[0.83, 326, 21, 3.2, 0.20, 0.15, 250, 0.23, 0.87],
                      [0.90, 295, 38, 2.4, 0.25, 0.20, 180, 0.15, 0.95],
                      [0.99, 340, 25, 2.2, 0.12, 0.14, 300, 0.27, 0.99],
                      [0.92, 287, 19, 2.0, 0.33, 0.09, 200, 0.30, 0.89],
                      [0.87, 310, 27, 0.9, 0.20, 0.15, 150, 0.18, 0.82],
                      [0.95, 303, 10, 1.7, 0.09, 0.17, 175, 0.26, 0.94]])
SUPPLIER_BENEFIT = [True, False, False, False, True, True, True, True, True]


def test_vikor_opricovic_tzeng_2004():
    # Section 5: risk (a cost) and altitude, equal weights: S 0.5 0.375 0.5, R 0.5 0.25 0.5, Q 1 0 1.
    s, r, q = vikor([[1, 3000], [2, 3750], [5, 4500]], [0.5, 0.5], [False, True])
    assert_allclose(s, [0.5, 0.375, 0.5], atol=1e-12)
    assert_allclose(r, [0.5, 0.25, 0.5], atol=1e-12)
    assert_allclose(q, [1.0, 0.0, 1.0], atol=1e-12)


def test_vikor_opricovic_tzeng_2007():
    s, r, q = vikor(RESERVOIRS, np.full(8, 1 / 8), RESERVOIR_BENEFIT)
    assert_allclose(s, [0.692, 0.700, 0.290, 0.423, 0.280, 0.346], atol=6e-4)
    assert_allclose(r, [0.125, 0.125, 0.121, 0.125, 0.067, 0.125], atol=6e-4)
    assert_allclose(q, [0.991, 1.000, 0.473, 0.670, 0.000, 0.578], atol=6e-4)


def test_grey_relational_suppliers():
    grades = grey_relational(SUPPLIERS, np.full(9, 1 / 9), SUPPLIER_BENEFIT)
    assert_allclose(grades, [0.462992, 0.555994, 0.649074, 0.652723, 0.493562, 0.613015], atol=1e-6)


def test_weighted_sum_and_dense_rank_by_hand():
    assert_allclose(weighted_sum([[80, 90, 70], [60, 100, 50]], [0.5, 0.3, 0.2]), [81.0, 70.0], rtol=1e-15)
    assert_array_equal(dense_rank([70.5, 92.0, 70.5, 81.0, 92.0]), [3, 1, 3, 2, 1])


def test_same_as_civitas():
    civitas = pytest.importorskip("civitas")
    rng = np.random.default_rng(11)
    x = rng.lognormal(size=(300, 25)) * 10.0 ** rng.integers(-2, 4, size=25)
    w = rng.dirichlet(np.ones(25))
    benefit = rng.random(25) < 0.7
    assert_allclose(civitas.weighted_sum(x, w), weighted_sum(x, w), rtol=1e-12, atol=0)
    result = civitas.vikor(x, w, benefit, v=0.3)
    for ours, theirs in zip((result.s, result.r, result.q), vikor(x, w, benefit, v=0.3)):
        assert_allclose(ours, theirs, rtol=0, atol=1e-12)  # S, R and Q lie in [0, 1]
    assert_allclose(civitas.grey_relational(x, w, benefit, rho=0.4), grey_relational(x, w, benefit, rho=0.4),
                    rtol=1e-12, atol=0)
    points = np.round(rng.uniform(60, 100, size=300), 1)  # printed to 0.1: many ties
    assert_array_equal(civitas.rank(points, method="dense"), dense_rank(points))
