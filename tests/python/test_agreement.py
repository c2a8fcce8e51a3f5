"""Rank agreement and average ranks from Python: the published example, agreement with
scipy.stats (spearmanr, kendalltau) and pymcdm.correlations on Hypothesis-generated rankings with
ties, the laws each coefficient keeps, the matrix of several rankings (arrays and DataFrames),
`rank(method="average")`, and every error in both languages."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from numpy.testing import assert_allclose, assert_array_equal
from scipy import stats

import civitas
from civitas import CorrelationMethod, ValidationError


Array = npt.NDArray[np.float64]
METHODS = ["spearman", "kendall", "weighted_spearman", "ws"]


@st.composite
def rankings(draw: st.DrawFn, min_units: int = 2, max_units: int = 40, count: int = 2) -> list[Array]:
    """`count` rankings of the same units as average ranks (1 = best), with many ties or none."""
    n = draw(st.integers(min_units, max_units))
    levels = draw(st.sampled_from([2, 3, 5, n]))
    out = []
    for _ in range(count):
        scores = draw(hnp.arrays(np.int64, n, elements=st.integers(0, levels - 1)))
        out.append(civitas.rank(scores, method="average"))
    return out


def permutation(n: int, rng: np.random.Generator) -> Array:
    return rng.permutation(n).astype(np.float64) + 1


# ---- average ranks -------------------------------------------------------------------------------------------


def test_average_ranks_share_the_mean_of_their_places() -> None:
    ranks = civitas.rank([91.5, 88.0, 88.0, 79.5], method="average")
    assert ranks.dtype == np.float64
    assert_array_equal(ranks, [1, 2.5, 2.5, 4])
    assert_array_equal(civitas.rank([91.5, 88.0, 88.0, 79.5], "average", ascending=True), [4, 2.5, 2.5, 1])
    assert civitas.rank([1, 2], "min").dtype == np.int32


@settings(max_examples=60, deadline=None)
@given(hnp.arrays(np.float64, st.integers(1, 2000), elements=st.integers(-20, 20).map(float)), st.booleans())
def test_average_ranks_are_scipys(scores: Array, ascending: bool) -> None:
    # scipy.stats.rankdata ranks the lowest first: the highest is best unless ascending. Past 1,023
    # scores civitas sorts by radix, below by comparison.
    expected = stats.rankdata(scores if ascending else -scores, method="average")
    assert_array_equal(civitas.rank(scores, "average", ascending=ascending), expected)


def test_average_ranks_reject_nan_and_unknown_methods() -> None:
    with pytest.raises(ValidationError) as error:
        civitas.rank([1.0, math.nan], "average")
    assert error.value.path == "scores[1]"
    with pytest.raises(ValidationError) as error:
        civitas.rank([1.0, 2.0], "mean")
    assert str(error.value) == "method: unknown value 'mean'; expected one of 'min', 'dense', 'ordinal', 'average'"
    assert error.value.message_zh == "method: 未知的取值 'mean'；应为以下之一: 'min', 'dense', 'ordinal', 'average'"


# ---- the published example and hand-checked values ---------------------------------------------------------


def test_salabun_urbaniak_example_of_one_swap() -> None:
    # Sałabun & Urbaniak (2020), A New Coefficient of Rankings Similarity in Decision-Making Problems,
    # ICCS 2020, LNCS 12138, pp. 632-645: 1 2 3 4 5 against 1 3 2 4 5 has r_s = 0.9 and r_w = 0.8833
    # (the values the crispyn package's tests quote from it). WS = 1 - 2^-2/3 - 2^-3/2 = 41/48 by hand.
    reference, test = [1, 2, 3, 4, 5], [1, 3, 2, 4, 5]
    assert civitas.rank_correlation(reference, test) == pytest.approx(0.9, abs=1e-15)
    assert round(civitas.rank_correlation(reference, test, "weighted_spearman"), 4) == 0.8833
    assert civitas.rank_correlation(reference, test, CorrelationMethod.ws) == pytest.approx(41 / 48, abs=1e-15)
    assert civitas.rank_correlation(reference, test, "kendall") == pytest.approx(0.8, abs=1e-15)


def test_weighted_coefficients_see_where_the_swap_is() -> None:
    # A swap at the top and one at the bottom: the same rho (0.9), not the same r_w or WS.
    reference = [1, 2, 3, 4, 5]
    top, bottom = [2, 1, 3, 4, 5], [1, 2, 3, 5, 4]
    assert civitas.rank_correlation(reference, top) == pytest.approx(civitas.rank_correlation(reference, bottom))
    assert civitas.rank_correlation(reference, top, "weighted_spearman") == pytest.approx(0.85)
    assert civitas.rank_correlation(reference, bottom, "weighted_spearman") == pytest.approx(0.95)
    assert civitas.rank_correlation(reference, top, "ws") == pytest.approx(19 / 24)
    assert civitas.rank_correlation(reference, bottom, "ws") == pytest.approx(373 / 384)


# ---- against scipy and pymcdm --------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(rankings())
def test_spearman_and_kendall_are_scipys(pair: list[Array]) -> None:
    a, b = pair
    assume(np.ptp(a) > 0 and np.ptp(b) > 0)
    assert civitas.rank_correlation(a, b, "spearman") == pytest.approx(stats.spearmanr(a, b).statistic, abs=1e-12)
    assert civitas.rank_correlation(a, b, "kendall") == pytest.approx(stats.kendalltau(a, b).statistic, abs=1e-12)
    # rho and tau read only the order: min ranks, or the scores behind them, give the same values.
    assert civitas.rank_correlation(-a * 3 + 7, -b, "spearman") == pytest.approx(stats.spearmanr(a, b).statistic, abs=1e-12)
    assert civitas.rank_correlation(stats.rankdata(a, "min"), b, "kendall") == pytest.approx(
        stats.kendalltau(a, b).statistic, abs=1e-12)


@settings(max_examples=150, deadline=None)
@given(rankings())
def test_weighted_coefficients_and_spearman_are_pymcdms(pair: list[Array]) -> None:
    # pymcdm 1.4 reads the ranks as given: on average ranks its spearman is rho; its r_w and WS are
    # the formulas civitas uses. Its kendall_tau is tau-a (ties not corrected): equal without ties.
    pymcdm_correlations = pytest.importorskip("pymcdm.correlations")  # bench/requirements.txt, which `make test` installs
    a, b = pair
    assert civitas.rank_correlation(a, b, "weighted_spearman") == pytest.approx(pymcdm_correlations.weighted_spearman(a, b),
                                                                                 abs=1e-12)
    assert civitas.rank_correlation(a, b, "ws") == pytest.approx(pymcdm_correlations.ws(a, b), abs=1e-12)
    if np.ptp(a) > 0 and np.ptp(b) > 0:
        assert civitas.rank_correlation(a, b) == pytest.approx(pymcdm_correlations.spearman(a, b), abs=1e-12)
    if len(np.unique(a)) == len(a) and len(np.unique(b)) == len(b):
        assert civitas.rank_correlation(a, b, "kendall") == pytest.approx(pymcdm_correlations.kendall_tau(a, b), abs=1e-12)


def test_kendall_is_scipys_on_three_thousand_counties() -> None:
    # The size the users rank (3,000 counties), with ties: Knight's O(n log n) count.
    rng = np.random.default_rng(3000)
    a = civitas.rank(rng.integers(0, 400, 3000), "average")
    b = civitas.rank(a + rng.normal(0, 300, 3000).round(), "average")
    assert civitas.rank_correlation(a, b, "kendall") == pytest.approx(stats.kendalltau(a, b).statistic, abs=1e-12)
    assert civitas.rank_correlation(a, b) == pytest.approx(stats.spearmanr(a, b).statistic, abs=1e-12)


# ---- laws ------------------------------------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(rankings())
def test_symmetric_but_ws(pair: list[Array]) -> None:
    a, b = pair
    assume(np.ptp(a) > 0 and np.ptp(b) > 0)
    for method in ["spearman", "kendall", "weighted_spearman"]:
        assert civitas.rank_correlation(a, b, method) == pytest.approx(civitas.rank_correlation(b, a, method), abs=1e-12)


@settings(max_examples=150, deadline=None)
@given(rankings())
def test_ws_lies_in_zero_to_one_for_average_ranks(pair: list[Array]) -> None:
    # Checked, not assumed: each term is at most 2^-x_i, and the 2^-x_i of average ranks sum to at
    # most 1 - 2^-n (convexity), so 0 < WS <= 1, reversed or not.
    a, b = pair
    for y in (b, len(b) + 1 - b, a):
        assert 0 < civitas.rank_correlation(a, y, "ws") <= 1
    assert civitas.rank_correlation(a, a, "ws") == 1


def test_ws_can_leave_zero_to_one_when_ties_are_min_ranks() -> None:
    # Every unit tied at 1 (a "min" ranking) weighs each as the best: WS = 1 - (0 + .25 + .5 + .75 + 1) / 2.
    assert civitas.rank_correlation([1, 1, 1, 1, 1], [1, 2, 3, 4, 5], "ws") == pytest.approx(-0.25)


@pytest.mark.parametrize("method", METHODS)
def test_identical_rankings_agree_fully_and_reversed_ones_disagree_fully(method: str) -> None:
    rng = np.random.default_rng(7)
    for n in (2, 3, 11, 250):
        x = permutation(n, rng)
        assert civitas.rank_correlation(x, x, method) == pytest.approx(1.0, abs=1e-12)
        if method in ("spearman", "kendall"):
            assert civitas.rank_correlation(x, n + 1 - x, method) == pytest.approx(-1.0, abs=1e-12)


# ---- the matrix --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
def test_matrix_is_every_pair_with_the_reference_by_row(method: str) -> None:
    rng = np.random.default_rng(11)
    columns = [permutation(30, rng), civitas.rank(rng.integers(0, 5, 30), "average"), permutation(30, rng)]
    matrix = civitas.rank_correlation_matrix(np.column_stack(columns), method)
    assert matrix.shape == (3, 3)
    for i in range(3):
        for j in range(3):
            assert matrix[i, j] == pytest.approx(civitas.rank_correlation(columns[i], columns[j], method), abs=1e-12)
    assert_array_equal(np.diag(matrix), 1.0)
    if method != "ws":
        assert_array_equal(matrix, matrix.T)
    if method == "spearman":
        assert_allclose(matrix, stats.spearmanr(np.column_stack(columns)).statistic, atol=1e-12)


def test_matrix_of_a_dataframe_is_labelled_by_its_columns() -> None:
    years = pd.DataFrame({"2023": [1, 2, 3, 4, 5], "2024": [1, 3, 2, 4, 5], "2025": [2, 1, 3, 5, 4]},
                         index=["城关区", "七里河区", "西固区", "安宁区", "红古区"])
    frame = civitas.rank_correlation_matrix(years, "ws")
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.index) == list(frame.columns) == ["2023", "2024", "2025"]
    assert frame.loc["2023", "2024"] == pytest.approx(41 / 48)
    assert frame.loc["2024", "2025"] == pytest.approx(civitas.rank_correlation(years["2024"], years["2025"], "ws"))
    frame.loc["2023", "2023"] = 0.5  # a DataFrame of its own, writable
    with pytest.raises(ValidationError) as error:
        civitas.rank_correlation_matrix(years.assign(**{"2024": [1, 3, None, 4, 5]}), "kendall")
    assert error.value.path == "rankings.loc['西固区', '2024']"
    with pytest.raises(ValidationError) as error:
        civitas.rank_correlation_matrix(years.assign(**{"2025": [3, 3, 3, 3, 3]}))
    assert error.value.path == "rankings['2025']"


def test_two_series_are_matched_by_their_index() -> None:
    a = pd.Series([1, 2, 3, 4], index=["a", "b", "c", "d"])
    shuffled = pd.Series([4, 2, 3, 1], index=["d", "b", "c", "a"])
    assert civitas.rank_correlation(a, shuffled) == 1.0
    assert civitas.rank_correlation(a.to_numpy(), shuffled.to_numpy()) == pytest.approx(-0.8)
    with pytest.raises(ValidationError) as error:
        civitas.rank_correlation(a, pd.Series([1, 2, 3, 4], index=["a", "b", "c", "e"]))
    assert error.value.path == "b"
    assert str(error.value) == "b: a Series whose index is not a's; expected the same units, each once, in any order"
    assert error.value.message_zh == "b: Series 的索引与 a 的不同；应为相同的评价对象，各一次，顺序不限"


# ---- errors ------------------------------------------------------------------------------------------------------

ERRORS: dict[str, tuple[Callable[[], object], str, str, str]] = {
    "lengths": (
        lambda: civitas.rank_correlation([1, 2, 3], [1, 2]),
        "b",
        "b: 2 ranks for the 3 units of a; expected one rank per unit in both",
        "b: 2 个名次对应 a 的 3 个评价对象；两个排名应各有每个评价对象的一个名次",
    ),
    "too few": (
        lambda: civitas.rank_correlation([1], [1]),
        "a",
        "a: too few units (1); expected at least 2 to compare rankings",
        "a: 评价对象过少（1 个）；比较排名至少需要 2 个",
    ),
    "nan": (
        lambda: civitas.rank_correlation([1, 2, 3], [1, math.nan, 3], "kendall"),
        "b[1]",
        "b[1]: value nan; expected a finite rank",
        "b[1]: 取值为 nan；应为有限的名次",
    ),
    "all tied": (
        lambda: civitas.rank_correlation([2, 2, 2], [1, 2, 3]),
        "a",
        "a: every unit tied (all 2); spearman is undefined for a ranking without order",
        "a: 所有评价对象并列（均为 2）；没有先后的排名无法计算 spearman",
    ),
    "outside 1..n": (
        lambda: civitas.rank_correlation([1, 2, 3], [0, 2, 3], "weighted_spearman"),
        "b[0]",
        "b[0]: rank 0 outside [1, 3]; weighted_spearman reads ranks from 1 (best) to the number of units "
        "(give ties as average ranks)",
        "b[0]: 名次 0 超出 [1, 3]；weighted_spearman 要求名次从 1（最好）到评价对象个数（并列请用平均名次）",
    ),
    "matrix column": (
        lambda: civitas.rank_correlation_matrix([[1, 5, 2], [2, 5, 1]]),
        "rankings[:, 1]",
        "rankings[:, 1]: every unit tied (all 5); spearman is undefined for a ranking without order",
        "rankings[:, 1]: 所有评价对象并列（均为 5）；没有先后的排名无法计算 spearman",
    ),
    "matrix cell": (
        lambda: civitas.rank_correlation_matrix([[1, 2], [2, 3]], "ws"),
        "rankings[1, 1]",
        "rankings[1, 1]: rank 3 outside [1, 2]; ws reads ranks from 1 (best) to the number of units "
        "(give ties as average ranks)",
        "rankings[1, 1]: 名次 3 超出 [1, 2]；ws 要求名次从 1（最好）到评价对象个数（并列请用平均名次）",
    ),
    "no ranking": (
        lambda: civitas.rank_correlation_matrix(np.empty((4, 0))),
        "rankings",
        "rankings: no ranking; expected a column per ranking",
        "rankings: 没有排名；应每列一个排名",
    ),
    "method": (
        lambda: civitas.rank_correlation([1, 2], [2, 1], "pearson"),
        "method",
        "method: unknown value 'pearson'; expected one of 'spearman', 'kendall', 'weighted_spearman', 'ws'",
        "method: 未知的取值 'pearson'；应为以下之一: 'spearman', 'kendall', 'weighted_spearman', 'ws'",
    ),
    "not a matrix": (
        lambda: civitas.rank_correlation_matrix([1, 2, 3]),
        "rankings",
        "rankings: an array of 1 dimensions; expected 2 (units by rows, rankings by columns)",
        "rankings: 数组为 1 维；应为 2 维（行为评价对象，列为排名）",
    ),
}


@pytest.mark.parametrize("case", list(ERRORS))
def test_errors_name_the_place_in_both_languages(case: str) -> None:
    call, path, english, chinese = ERRORS[case]
    with pytest.raises(ValidationError) as error:
        call()
    assert error.value.path == path
    assert str(error.value) == english
    assert error.value.message_zh == chinese
