"""The numpy objective-weight references against published examples, and against civitas when installed."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from numpy.testing import assert_allclose

sys.path.insert(0, str(Path(__file__).resolve().parent))

from numpy_weights import critic_weights, entropy_weights, std_weights  # noqa: E402

# Xu, X. (2004), European Journal of Operational Research 156(2), 530-532: entropy weights of the
# raw values' shares 0.4630, 0.3992, 0.1378, 0.0000.
XU = np.array([[30, 30, 38, 29], [19, 54, 86, 29], [19, 15, 85, 28.9], [68, 70, 60, 29]])
# Tus, A. & Aytac Adali, E. (2019), Opsearch 56(2), 528-538: CRITIC weights with every column
# min-max normalised as a benefit column, 0.157, 0.249, 0.168, 0.121, 0.154, 0.151.
TUS = np.array([[5000, 3, 3, 4, 3, 2], [680, 5, 3, 2, 2, 1], [2000, 3, 2, 3, 4, 3], [600, 4, 3, 1, 2, 2],
                [800, 2, 4, 3, 3, 4]], dtype=float)
# Salabun, Watrobski & Shekhovtsov (2020), Symmetry 12(9), 1549: standard-deviation weights of values
# as given, 0.217, 0.294, 0.488.
SALABUN = np.array([[0.619, 0.449, 0.447], [0.862, 0.466, 0.006], [0.458, 0.698, 0.771], [0.777, 0.631, 0.491],
                    [0.567, 0.992, 0.968]])


def test_published_examples():
    assert_allclose(entropy_weights(XU, normalization="none"), [0.4630, 0.3992, 0.1378, 0.0000], atol=5e-5)
    assert_allclose(critic_weights(TUS), [0.157, 0.249, 0.168, 0.121, 0.154, 0.151], atol=5e-4)
    assert_allclose(std_weights(SALABUN, normalization="none"), [0.217, 0.294, 0.488], atol=5e-4)


def test_cost_column_is_the_negated_benefit_column():
    rng = np.random.default_rng(4)
    x = rng.uniform(1, 10, size=(20, 3))
    negated = x * [1, -1, 1]
    for method in (std_weights, critic_weights, entropy_weights):
        assert_allclose(method(x, [True, False, True]), method(negated), rtol=1e-12)


@pytest.mark.parametrize("normalization", ["min_max", "none"])
def test_same_as_civitas(normalization):
    civitas = pytest.importorskip("civitas")
    rng = np.random.default_rng(11)
    x = rng.lognormal(size=(300, 25)) * 10.0 ** rng.integers(-2, 4, size=25)
    benefit = rng.random(25) < 0.7 if normalization == "min_max" else None
    for ours, theirs in ((civitas.std_weights, std_weights), (civitas.critic_weights, critic_weights),
                         (civitas.entropy_weights, entropy_weights)):
        expected = ours(x, benefit, normalization=normalization)
        # Within 1e-12 of the largest weight: numpy's entropy is off by up to 6e-12 of a small weight.
        assert_allclose(theirs(x, benefit, normalization), expected, rtol=0, atol=1e-12 * expected.max())
