"""PROMETHEE II from Python: the published examples, the flows of every pair from a plain numpy table
over Hypothesis-generated matrices (ties and thresholds met exactly included), the preference
functions given by name or enum, one for all or one per criterion, PROMETHEE in rank_uncertainty, and
the errors bad input gets. The C++ tests (tests/unit/methods/test_promethee.cpp) add the six-function
example of Brans, Vincke & Mareschal (1986) and the Ziemba examples."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from numpy.testing import assert_allclose, assert_array_equal

import civitas
from civitas import PreferenceShape, ValidationError


def preference(shape: str, d: np.ndarray, q: float, p: float, s: float) -> np.ndarray:
    """P(d) as Brans & Vincke (1985) define it, for a table of differences."""
    positive = d > 0
    if shape == "usual":
        out = positive * 1.0
    elif shape == "u_shape":
        out = (d > q) * 1.0
    elif shape == "v_shape":
        out = np.where(d > p, 1.0, np.where(positive, d / p, 0.0))
    elif shape == "level":
        out = np.where(d > p, 1.0, np.where(d > q, 0.5, 0.0))
    elif shape == "linear":
        out = np.where(d > p, 1.0, np.where(d > q, (d - q) / (p - q), 0.0))
    else:
        out = np.where(positive, 1.0 - np.exp(-d * d / (2 * s * s)), 0.0)
    return out


def numpy_flows(x, w, benefit, shapes, q, p, s):
    m = x.shape[0]
    pi = np.zeros((m, m))
    for j in range(x.shape[1]):
        d = x[:, j][:, None] - x[:, j][None, :]
        if not benefit[j]:
            d = -d
        pi += w[j] * preference(shapes[j], d, q[j], p[j], s[j])
    plus, minus = pi.sum(axis=1) / (m - 1), pi.sum(axis=0) / (m - 1)
    return plus, minus, plus - minus


def test_usual_criterion_of_zhao_peng_li_2013() -> None:
    # Zhao, Peng & Li (2013), "Revised PROMETHEE II for improving efficiency in emergency response",
    # Procedia Computer Science 17, 181-188 (as in pymcdm's tests).
    flows = civitas.promethee([[4, 3, 2], [3, 2, 4], [5, 1, 3]], [0.5, 0.3, 0.2])
    assert_allclose(flows.net, [0.1, -0.3, 0.2], atol=1e-12)
    assert flows.net.sum() == pytest.approx(0.0, abs=1e-12)


def test_linear_preference_of_papathanasiou_ploskas_2018() -> None:
    # Papathanasiou & Ploskas (2018), Multiple Criteria Decision Aid, Springer, ch. 3: q = 1, p = 2.
    x = np.array([[8, 7, 2, 1], [5, 3, 7, 5], [7, 5, 6, 4], [9, 9, 7, 3], [11, 10, 3, 7], [6, 9, 5, 4]], dtype=float)
    flows = civitas.promethee(x, [0.4, 0.3, 0.1, 0.2], preference="linear", q=1, p=2)
    assert_allclose(flows.net, [-0.26, -0.52, -0.22, 0.36, 0.7, -0.06], atol=1e-12)
    assert_array_equal(civitas.rank(flows.net), [5, 6, 4, 2, 1, 3])
    # The same given per criterion, by enum.
    same = civitas.promethee(x, [0.4, 0.3, 0.1, 0.2], preference=[PreferenceShape.linear] * 4, q=[1] * 4, p=np.full(4, 2.0))
    assert same == flows


shapes = st.sampled_from(["usual", "u_shape", "v_shape", "level", "linear", "gaussian"])
matrices = st.integers(2, 12).flatmap(
    lambda units: st.integers(1, 4).flatmap(
        lambda criteria: st.tuples(
            hnp.arrays(np.float64, (units, criteria), elements=st.integers(0, 6).map(lambda v: v * 0.5)),
            hnp.arrays(np.float64, criteria, elements=st.floats(0.05, 1.0)),
            hnp.arrays(np.bool_, criteria),
            st.lists(shapes, min_size=criteria, max_size=criteria),
            hnp.arrays(np.float64, criteria, elements=st.integers(0, 3).map(lambda v: v * 0.5)),
            hnp.arrays(np.float64, criteria, elements=st.integers(1, 4).map(lambda v: v * 0.5)),
        )
    )
)


@settings(max_examples=200, deadline=None)
@given(matrices)
def test_flows_are_those_of_the_table_of_every_pair(case) -> None:
    x, w, benefit, kinds, q, width = case
    w = w / w.sum()
    p = q + width  # p > q >= 0; differences land on both thresholds exactly (multiples of 0.5)
    s = width
    flows = civitas.promethee(x, w, benefit, preference=kinds, q=q, p=p, s=s)
    plus, minus, net = numpy_flows(x, w, benefit, kinds, q, p, s)
    assert_allclose(flows.positive, plus, atol=1e-13)
    assert_allclose(flows.negative, minus, atol=1e-13)
    assert_allclose(flows.net, net, atol=1e-13)


def test_rank_uncertainty_draws_promethee_with_its_preference_functions() -> None:
    rng = np.random.default_rng(3)
    x = rng.uniform(0, 10, (30, 4))
    w = np.array([0.4, 0.3, 0.2, 0.1])
    result = civitas.rank_uncertainty(x, w, methods="promethee", preference="v_shape", p=3.0, draws=40, seed=1,
                                      perturbation="none", keep_ranks=True)
    nominal = civitas.rank(civitas.promethee(x, w, preference="v_shape", p=3.0).net)
    assert_array_equal(result.nominal_rank, nominal)
    assert_array_equal(result.ranks[7], nominal)  # no perturbation: every draw is the nominal ranking
    result = civitas.rank_uncertainty(x, w, methods=["waspas", "edas", "copras", "spotis", "cocoso"], draws=60, seed=2)
    drawn = {civitas.RankingMethod(int(code)) for code in result.method}
    assert drawn == {civitas.RankingMethod.waspas, civitas.RankingMethod.edas, civitas.RankingMethod.copras,
                     civitas.RankingMethod.spotis, civitas.RankingMethod.cocoso}


@pytest.mark.parametrize(
    "kwargs, path, english, chinese",
    [
        ({"preference": "v_shape"}, "preferences[0].p", "expected a preference threshold p > 0", "应为严格偏好阈值 p > 0"),
        ({"preference": "level", "q": 2, "p": 1}, "preferences[0].p", "expected a preference threshold p > q",
         "应为严格偏好阈值 p > q"),
        ({"preference": "u_shape", "q": -1}, "preferences[0].q", "expected an indifference threshold q >= 0",
         "应为无差异阈值 q >= 0"),
        ({"preference": "gaussian"}, "preferences[0].s", "expected the Gaussian's spread s > 0", "应为高斯函数的参数 s > 0"),
        ({"preference": "sigmoid"}, "preference", "unknown value 'sigmoid'", "未知的取值 'sigmoid'"),
        ({"preference": ["usual"]}, "preference", "1 preference functions for 2 criteria", "1 个偏好函数对应 2 个评价指标"),
        ({"q": [1, 2, 3]}, "q", "3 values for 2 criteria", "3 个取值对应 2 个评价指标"),
    ],
)
def test_errors_name_the_function_in_both_languages(kwargs, path: str, english: str, chinese: str) -> None:
    with pytest.raises(ValidationError) as caught:
        civitas.promethee([[1.0, 2.0], [2.0, 1.0]], [0.5, 0.5], **kwargs)
    assert caught.value.path == path
    assert english in str(caught.value)
    assert chinese in caught.value.message_zh


def test_one_unit_is_refused() -> None:
    with pytest.raises(ValidationError, match="one unit; PROMETHEE compares at least 2"):
        civitas.promethee([[1.0, 2.0]], [0.5, 0.5])
