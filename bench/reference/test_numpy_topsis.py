"""The numpy TOPSIS reference against a published example, and against civitas when installed."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from numpy.testing import assert_allclose

sys.path.insert(0, str(Path(__file__).resolve().parent))

from numpy_topsis import topsis  # noqa: E402

# Hwang & Yoon (1981), Multiple Attribute Decision Making, pp. 128-134: the fighter aircraft
# example; the book prints C* = 0.643, 0.268, 0.613, 0.312 (from values rounded to 4 decimals).
FIGHTERS = np.array([
    [2.0, 1500, 20000, 5.5, 5, 9],
    [2.5, 2700, 18000, 6.5, 3, 5],
    [1.8, 2000, 21000, 4.5, 7, 7],
    [2.2, 1800, 20000, 5.0, 5, 5],
])
FIGHTER_WEIGHTS = np.array([0.2, 0.1, 0.1, 0.1, 0.2, 0.3])
FIGHTER_BENEFIT = np.array([True, True, True, False, True, True])


def test_hwang_yoon_fighter_aircraft():
    assert_allclose(topsis(FIGHTERS, FIGHTER_WEIGHTS, FIGHTER_BENEFIT), [0.643, 0.268, 0.613, 0.312], atol=1e-3)


def test_min_max_constant_column_contributes_nothing():
    rng = np.random.default_rng(3)
    x = rng.uniform(1, 10, size=(12, 3))
    with_constant = np.column_stack([x, np.full(12, 4.0)])
    w = np.array([0.2, 0.3, 0.1, 0.4])
    assert_allclose(topsis(with_constant, w, normalization="min_max"),
                    topsis(x, w[:3] / 0.6, normalization="min_max"), rtol=1e-12)


@pytest.mark.parametrize("normalization", ["vector", "min_max"])
def test_same_as_civitas(normalization):
    civitas = pytest.importorskip("civitas")
    rng = np.random.default_rng(11)
    x = rng.lognormal(size=(300, 25)) * 10.0 ** rng.integers(-2, 4, size=25)
    w = rng.dirichlet(np.ones(25))
    benefit = rng.random(25) < 0.7
    assert_allclose(civitas.topsis(x, w, benefit, normalization=normalization),
                    topsis(x, w, benefit, normalization), rtol=1e-12, atol=0)
