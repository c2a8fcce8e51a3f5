"""What the public functions that take numbers in bulk accept, and how they refuse the rest.

Accepted: numpy arrays in any layout and numeric dtype, lists, pandas DataFrames (columns are the
criteria, the index the units) and, for a value per column (weights, benefit), a dict or Series
keyed by the DataFrame's column labels; errors then name the column or unit, not a position.
Refused, always with a civitas.ValidationError (never another exception, a crash or a wrong
result): text, bytes, complex numbers, dates, objects that are not numbers, the wrong number of
dimensions, and what Hypothesis makes of all of them in any layout (tests/python/test_bad_inputs.py
covers hostile files; the per-method tests cover NaN and shape errors by position).
"""

from __future__ import annotations

import math
import warnings
from typing import Any, Callable

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import civitas
from civitas import ValidationError

from conftest import demo_spec

X = np.array([[3.0, 20.0, 1.0], [5.0, 35.0, 0.0], [4.0, 28.0, 1.0], [2.0, 40.0, 1.0]])
COLUMNS = ["green", "dust", "office"]
UNITS = ["Lanzhou", "Xining", "Yinchuan", "Xi'an"]
W = np.array([0.5, 0.3, 0.2])
BENEFIT = [True, False, True]


def frame(x: np.ndarray = X) -> pd.DataFrame:
    return pd.DataFrame(x, columns=COLUMNS, index=UNITS)


# ---- DataFrames, Series and dicts --------------------------------------------------------------


@pytest.mark.parametrize("method", [civitas.topsis, civitas.vikor, civitas.grey_relational])
def test_a_dataframe_with_weights_and_benefit_by_label_is_the_array(method: Callable[..., Any]) -> None:
    expected = method(X, W, BENEFIT)
    weights = {"office": 0.2, "green": 0.5, "dust": 0.3}  # another order: matched by label
    benefit = pd.Series({"dust": False, "office": True, "green": True})
    for given in [(frame(), W, BENEFIT), (frame(), weights, benefit), (frame(), pd.Series(weights), dict(benefit)),
                  (X, pd.Series(W), np.array(BENEFIT))]:
        result = method(*given)
        for name in ("s", "r", "q") if method is civitas.vikor else ():
            np.testing.assert_allclose(getattr(result, name), getattr(expected, name), rtol=1e-12)
        if method is not civitas.vikor:
            np.testing.assert_allclose(result, expected, rtol=1e-12)


def test_every_matrix_function_takes_a_dataframe() -> None:
    df = frame()
    np.testing.assert_allclose(civitas.weighted_sum(df, pd.Series(W, index=COLUMNS)), X @ W, rtol=1e-12)
    for method in (civitas.entropy_weights, civitas.critic_weights, civitas.std_weights):
        np.testing.assert_allclose(method(df, {"green": True, "dust": False, "office": True}), method(X, BENEFIT), rtol=1e-12)
    np.testing.assert_allclose(civitas.prepare_topsis(df, dict(zip(COLUMNS, BENEFIT))).closeness(W), civitas.topsis(X, W, BENEFIT))
    shares = X / X.max(axis=0)
    np.testing.assert_allclose(civitas.obstacle_degree(frame(shares), dict(zip(COLUMNS, W))), civitas.obstacle_degree(shares, W))
    change = civitas.score_change_attribution(frame(shares), frame(shares[::-1].copy()), dict(zip(COLUMNS, W)))
    np.testing.assert_allclose(change.change, (shares[::-1] - shares) @ W, atol=1e-12)
    ours = civitas.rank_uncertainty(df, pd.Series(W, index=COLUMNS), dict(zip(COLUMNS, BENEFIT)), draws=50, seed=3)
    plain = civitas.rank_uncertainty(X, W, BENEFIT, draws=50, seed=3)
    np.testing.assert_array_equal(ours.ranks if ours.ranks is not None else [], plain.ranks if plain.ranks is not None else [])
    np.testing.assert_array_equal(ours.median_rank, plain.median_rank)


def test_award_matches_eligible_units_with_a_series_of_scores() -> None:
    scores = pd.Series([90.0, 80.0, 70.0], index=["Lanzhou", "Xining", "Yinchuan"])
    awards = civitas.award(scores, [("first", 1)], eligible={"Yinchuan": True, "Lanzhou": False, "Xining": True})
    assert awards.names == [None, "first", None]
    with pytest.raises(ValidationError) as error:
        civitas.award(scores, [("first", 1)], eligible={"Lanzhou": True, "Xining": True, "Yinchuan": True, "Xi'an": False})
    assert error.value.path == 'eligible["Xi\'an"]'


def test_integer_bool_and_nullable_columns_are_numbers() -> None:
    df = pd.DataFrame({"green": pd.array([3, 5, 4, 2], dtype="Int64"), "dust": X[:, 1].astype(np.int32),
                       "office": X[:, 2].astype(bool)}, index=UNITS)
    np.testing.assert_allclose(civitas.topsis(df, W, BENEFIT), civitas.topsis(X, W, BENEFIT), rtol=1e-12)


def test_errors_name_the_column_or_unit_of_a_dataframe() -> None:
    def path_of(call: Callable[[], object]) -> tuple[str, str, str]:
        with pytest.raises(ValidationError) as error:
            call()
        return error.value.path, str(error.value), error.value.message_zh

    bad = X.copy()
    bad[1, 2] = math.nan
    assert path_of(lambda: civitas.topsis(frame(bad), W))[0] == "x.loc['Xining', 'office']"
    assert path_of(lambda: civitas.critic_weights(frame(bad)))[0] == "x.loc['Xining', 'office']"
    flat = X.copy()
    flat[:, 1] = 0.0
    assert path_of(lambda: civitas.topsis(frame(flat), W))[0] == "x['dust']"  # an all-zero column has no norm
    with pytest.warns(civitas.ConstantColumnWarning, match="column 'dust'"):  # nor variation: weight 0, said by label
        assert civitas.entropy_weights(frame(flat))[1] == 0.0
    assert path_of(lambda: civitas.topsis(frame(), [0.5, -0.3, 0.8]))[0] == "weights['dust']"
    assert path_of(lambda: civitas.topsis(frame(), W, [True, 1, True]))[0] == "benefit['dust']"
    path, english, chinese = path_of(lambda: civitas.topsis(frame(), {"green": 0.5, "dust": 0.5}))
    assert path == "weights" and "no entry for column 'office'" in english and "没有列 'office' 的项" in chinese
    path, english, chinese = path_of(lambda: civitas.topsis(frame(), {**dict(zip(COLUMNS, W)), "noise": 0.0}))
    assert path == "weights['noise']" and "no such column" in english and "没有此列" in chinese
    path, english, _ = path_of(lambda: civitas.topsis(X, dict(zip(COLUMNS, W))))
    assert path == "weights" and "with no labels to match" in english
    words = frame().assign(dust=["a", "b", "c", "d"])
    path, english, chinese = path_of(lambda: civitas.topsis(words, W))
    assert path == "x['dust']" and "a column of" in english and "; expected numbers" in english and "应为数值" in chinese
    assert path_of(lambda: civitas.topsis(frame(), W, {"green": True, "dust": "no", "office": True}))[0] == "benefit['dust']"
    assert path_of(lambda: civitas.topsis(frame()["green"], [1.0]))[0] == "x"
    assert path_of(lambda: civitas.prepare_topsis(X).closeness({"green": 1.0}))[0] == "weights"


def test_evaluate_reads_a_dict_and_a_series_alike(demo: civitas.Framework) -> None:
    values = {"a1": 40.0, "a2": 3, "b1": np.float32(1.0), "b2": None}
    from_dict = demo.evaluate(values)
    from_series = demo.evaluate(pd.Series(values, dtype=object))
    assert from_dict.total == from_series.total and from_dict.indicator("b2").outcome == civitas.Outcome.missing
    assert demo.evaluate({**values, "b2": pd.NA}).total == from_dict.total
    for bad, path in [({1: 2.0}, "indicator ids"), ({"a1": "40"}, "a1"), ({"a1": b"4"}, "a1"), ({"a1": 1j}, "a1"),
                      ({"\udc80": 1.0}, "indicator ids")]:
        # an object index: with pyarrow installed, pandas would store str labels as Arrow strings,
        # which cannot hold a lone surrogate
        series = pd.Series(list(bad.values()), index=pd.Index(list(bad), dtype=object), dtype=object)
        for given in (bad, series) if not isinstance(next(iter(bad)), int) else (bad,):
            with pytest.raises(ValidationError) as error:
                demo.evaluate(given)
            assert error.value.path == path, given
    with pytest.raises(civitas.NotFoundError):
        demo.evaluate({"zz": 1.0})
    with pytest.raises(ValidationError, match="^values: a DataFrame; expected a mapping or a pandas Series"):
        demo.evaluate(pd.DataFrame({"a1": [40.0]}))  # a table is evaluate_many's
    with pytest.raises(ValidationError, match="^a1: a ndarray; expected a number$"):
        demo.evaluate({"a1": np.zeros((3, 3))})  # a value whose repr takes lines is named by its type


def test_ahp_takes_lists_and_refuses_what_is_no_matrix() -> None:
    assert civitas.ahp([[1, 3], [1 / 3, 1]]).weights.tolist() == pytest.approx([0.75, 0.25])
    for bad, path in [("abc", "matrix"), ([[1, "3"], [1, 1]], "matrix"), (np.array([[1, "3"], [1, 1]], dtype=object), "matrix[0, 1]"),
                      (np.ones((2, 2, 2)), "matrix"), ({"a": 1}, "matrix")]:
        with pytest.raises(ValidationError) as error:
            civitas.ahp(bad)
        assert error.value.path == path
    with pytest.raises(ValidationError) as error:
        civitas.group_ahp("ab")
    assert error.value.path == "matrices"
    with pytest.raises(ValidationError) as error:
        civitas.hierarchical_weights([1.0], [np.array([0.5, "x"], dtype=object)])
    assert error.value.path == "indicator_weights[0][1]"


# ---- hostile arrays: Hypothesis ------------------------------------------------------------------

HOSTILE = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

DTYPES = [np.float64, np.float32, np.float16, np.int64, np.uint8, np.bool_, np.complex128, np.dtype("datetime64[D]"),
          np.dtype("timedelta64[s]"), np.dtype("U3"), np.dtype("S3"), np.dtype(object)]
OBJECTS = st.one_of(st.floats(), st.integers(-(2**70), 2**70), st.none(), st.text(max_size=3), st.booleans(),
                    st.complex_numbers(allow_nan=True))


@st.composite
def hostile_arrays(draw: st.DrawFn, max_dims: int = 3, min_dims: int = 0) -> np.ndarray:
    """An array of any dtype and `min_dims` to `max_dims` dimensions (sides 0 to 4) with NaN, inf and huge
    values, in C order, Fortran order, strided, reversed, read-only or broadcast (zero strides)."""
    dtype = np.dtype(draw(st.sampled_from(DTYPES)))
    shape = draw(hnp.array_shapes(min_dims=min_dims, max_dims=max_dims, min_side=0, max_side=4))
    elements = OBJECTS if dtype == object else None
    a = draw(hnp.arrays(dtype, shape, elements=elements))
    layout = draw(st.sampled_from(["c", "fortran", "strided", "reversed", "readonly", "broadcast"]))
    if layout == "fortran":
        a = np.asfortranarray(a)
    elif layout == "strided" and a.ndim:
        a = np.repeat(a, 2, axis=-1)[..., ::2]
    elif layout == "reversed" and a.ndim:
        a = a[::-1]
    elif layout == "readonly":
        a = a.copy()
        a.setflags(write=False)
    elif layout == "broadcast" and a.ndim and a.shape[0] == 1:
        a = np.broadcast_to(a, (3, *a.shape[1:]))
    return a


def encodable(a: np.ndarray) -> bool:
    """False for text holding a lone surrogate, which pandas 3's Arrow-backed strings cannot hold."""
    if a.dtype.kind != "U":
        return True
    try:
        "".join(a.ravel().tolist()).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def hostile(max_dims: int = 3) -> st.SearchStrategy[Any]:
    """Hostile arrays, the same as nested lists, as DataFrames, and things that are no array at all."""
    arrays = hostile_arrays(max_dims)
    tables = hostile_arrays(2, min_dims=2).filter(lambda a: a.dtype.kind not in "mM" and encodable(a)).map(lambda a: pd.DataFrame(a, columns=[f"c{j}" for j in range(a.shape[1])]))
    return st.one_of(
        arrays,
        arrays.map(lambda a: a.tolist()),
        tables,
        st.sampled_from([None, "abc", b"ab", {"a": 1.0}, {1.0, 2.0}, 3, 1.5, 1j, [[1.0, 2.0], [3.0]], [["a", "b"]],
                         [[None, 1.0]], object(), pd.Series([1.0, 2.0])]),
    )


def assert_refused_or_numbers(call: Callable[[], Any]) -> None:
    """`call()` raises civitas.ValidationError, or returns a result whose arrays hold no NaN
    where numbers are documented (every function here documents finite results)."""
    try:
        result = call()
    except ValidationError as error:
        assert error.message_zh and str(error), repr(error)
        assert error.path and "[]" not in error.path, error.path  # names the argument or an entry of it
        return
    for value in [result] if isinstance(result, np.ndarray) else [getattr(result, n, None) for n in ("weights", "s", "r", "q", "change")]:
        if isinstance(value, np.ndarray) and value.dtype.kind == "f":
            assert not np.isnan(value).any(), (result, value)


DEMO = civitas.Framework(demo_spec())  # conftest's demo framework, made once for Hypothesis
GOOD_X = X
GOOD_W = W
TWO = np.array([[0.5, 0.5], [0.25, 0.75]])

MATRIX_CALLS: dict[str, Callable[[Any], Any]] = {
    "weighted_sum": lambda x: civitas.weighted_sum(x, GOOD_W),
    "topsis": lambda x: civitas.topsis(x, GOOD_W),
    "topsis min_max": lambda x: civitas.topsis(x, GOOD_W, normalization="min_max"),
    "prepare_topsis": lambda x: civitas.prepare_topsis(x).closeness(GOOD_W),
    "vikor": lambda x: civitas.vikor(x, GOOD_W),
    "grey_relational": lambda x: civitas.grey_relational(x, GOOD_W),
    "waspas": lambda x: civitas.waspas(x, GOOD_W),
    "edas": lambda x: civitas.edas(x, GOOD_W),
    "copras": lambda x: civitas.copras(x, GOOD_W),
    "spotis": lambda x: civitas.spotis(x, GOOD_W),
    "cocoso": lambda x: civitas.cocoso(x, GOOD_W),
    "multimoora": lambda x: civitas.multimoora(x, GOOD_W).ranks,
    "promethee": lambda x: civitas.promethee(x, GOOD_W, preference="gaussian", s=1.0).net,
    "entropy_weights": civitas.entropy_weights,
    "critic_weights": civitas.critic_weights,
    "std_weights": civitas.std_weights,
    "merec_weights": civitas.merec_weights,
    "gini_weights": civitas.gini_weights,
    "cilos_weights": civitas.cilos_weights,
    "idocriw_weights": civitas.idocriw_weights,
    "rank_correlation_matrix": lambda x: civitas.rank_correlation_matrix(x, "kendall"),
    "ahp": civitas.ahp,
    "group_ahp": lambda x: civitas.group_ahp([x, x]),
    "revision_suggestions": civitas.revision_suggestions,
    "rank_uncertainty": lambda x: civitas.rank_uncertainty(x, GOOD_W, draws=5),
    "obstacle_degree": lambda x: civitas.obstacle_degree(x, GOOD_W),
    "score_change_attribution": lambda x: civitas.score_change_attribution(x, x, GOOD_W),
}

VECTOR_CALLS: dict[str, Callable[[Any], Any]] = {
    "weights of weighted_sum": lambda v: civitas.weighted_sum(GOOD_X, v),
    "weights of topsis": lambda v: civitas.topsis(GOOD_X, v),
    "benefit of topsis": lambda v: civitas.topsis(GOOD_X, GOOD_W, v),
    "weights of vikor": lambda v: civitas.vikor(GOOD_X, v),
    "benefit of entropy_weights": lambda v: civitas.entropy_weights(GOOD_X, v),
    "closeness": lambda v: civitas.prepare_topsis(GOOD_X).closeness(v),
    "separations": lambda v: civitas.prepare_topsis(GOOD_X).separations(v),
    "rank": civitas.rank,
    "award": lambda v: civitas.award(v, [("first", 1)]),
    "eligible of award": lambda v: civitas.award([3.0, 2.0, 1.0], [("first", 1)], eligible=v),
    "combine_weights_linear": lambda v: civitas.combine_weights_linear(v, [0.5, 0.5]),
    "combine_weights_multiplicative": lambda v: civitas.combine_weights_multiplicative([0.5, 0.5], v),
    "hierarchical_weights": lambda v: civitas.hierarchical_weights([1.0], [v]),
    "expert_weights": lambda v: civitas.aggregate_judgments([TWO, TWO], v),
    "weights of rank_uncertainty": lambda v: civitas.rank_uncertainty(GOOD_X, v, draws=5),
}


@pytest.mark.parametrize("name", list(MATRIX_CALLS))
@HOSTILE
@given(x=hostile())
def test_hostile_matrices_are_refused_or_computed(name: str, x: Any) -> None:
    with warnings.catch_warnings():  # a constant column's weight of 0 is said, not refused
        warnings.simplefilter("ignore", civitas.ConstantColumnWarning)
        assert_refused_or_numbers(lambda: MATRIX_CALLS[name](x))


@pytest.mark.parametrize("name", list(VECTOR_CALLS))
@HOSTILE
@given(v=hostile(max_dims=2))
def test_hostile_vectors_are_refused_or_computed(name: str, v: Any) -> None:
    assert_refused_or_numbers(lambda: VECTOR_CALLS[name](v))


@HOSTILE
@given(x=hostile())
def test_hostile_tables_for_evaluate_many(x: Any) -> None:
    # evaluate_many documents invalid cells as per-unit errors, not an exception.
    try:
        batch = DEMO.evaluate_many(x, columns=None if isinstance(x, pd.DataFrame) else ["a1", "a2", "b1"])
    except (ValidationError, civitas.NotFoundError):
        return
    assert len(batch.errors) == len(batch) == batch.values.shape[0]


@HOSTILE
@given(values=st.one_of(
    hostile(max_dims=1),
    st.dictionaries(st.one_of(st.sampled_from(["a1", "a2", "b1", "b2"]), st.text(max_size=2), st.integers()),
                    OBJECTS, max_size=5),
))
def test_hostile_values_for_evaluate(values: Any) -> None:
    try:
        result = DEMO.evaluate(values)
    except (ValidationError, civitas.NotFoundError):
        return
    assert result.total is None or math.isfinite(result.total)
