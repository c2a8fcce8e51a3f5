"""Weights from Python: AHP on Saaty's published examples, incomplete and large matrices, group and
hierarchical AHP, revisions, objective weights checked against a small numpy implementation and
pymcdm over Hypothesis-generated arrays, constant columns, combined weights, and the errors bad
input gets."""

from __future__ import annotations

import math
import warnings

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import civitas
from civitas import AhpMethod, ConstantColumnWarning, ObjectiveNormalization, RandomIndexTable, ValidationError


Array = npt.NDArray[np.float64]


def reciprocal(upper: list[list[float]]) -> Array:
    """A reciprocal matrix from its upper triangle, row by row."""
    n = len(upper) + 1
    a = np.ones((n, n))
    for i, row in enumerate(upper):
        for j, value in enumerate(row, start=i + 1):
            a[i, j] = value
            a[j, i] = 1.0 / value
    return a


# Saaty (2008), Int. J. Services Sciences 1(1), 83-98, Table 2: which drink is consumed more in the US
# (coffee, wine, tea, beer, sodas, milk, water).
DRINKS = reciprocal([[9, 5, 2, 1, 1, 1 / 2], [1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9], [1 / 3, 1 / 4, 1 / 3, 1 / 9],
                     [1 / 2, 1, 1 / 3], [2, 1 / 2], [1 / 3]])
# Saaty (1990), EJOR 48, 9-26: the eight criteria for buying a house.
HOUSE = reciprocal([[5, 3, 7, 6, 6, 1 / 3, 1 / 4], [1 / 3, 5, 3, 3, 1 / 5, 1 / 7], [6, 3, 4, 6, 1 / 5],
                    [1 / 3, 1 / 4, 1 / 7, 1 / 8], [1 / 2, 1 / 5, 1 / 6], [1 / 5, 1 / 6], [1 / 2]])


# ---- a small numpy implementation to compare with ------------------------------------------------


def oriented(x: Array, benefit: list[bool] | None) -> Array:
    low, high = x.min(axis=0), x.max(axis=0)
    z = (x - low) / (high - low)
    if benefit is not None:
        z[:, ~np.asarray(benefit)] = 1.0 - z[:, ~np.asarray(benefit)]
    return z


def numpy_entropy(z: Array) -> Array:
    p = z / z.sum(axis=0)
    logs = np.log(p, out=np.zeros_like(p), where=p > 0)
    e = -(p * logs).sum(axis=0) / math.log(z.shape[0])
    d = 1.0 - e
    return d / d.sum()


def numpy_critic(z: Array) -> Array:
    c = z.std(axis=0) * (1.0 - np.corrcoef(z, rowvar=False)).sum(axis=0)
    return c / c.sum()


def numpy_std(z: Array) -> Array:
    s = z.std(axis=0)
    return s / s.sum()


def data(min_rows: int = 2, min_cols: int = 1) -> st.SearchStrategy[Array]:
    shapes = st.tuples(st.integers(min_rows, 12), st.integers(min_cols, 6))
    values = st.floats(-1e3, 1e3, allow_nan=False).map(lambda v: round(v, 3))
    return hnp.arrays(np.float64, shapes, elements=values)


def varies(x: Array) -> bool:
    spread = x.max(axis=0) - x.min(axis=0)
    return bool(np.all(spread > 1e-6 * np.maximum(1.0, np.abs(x).max(axis=0))))


# ---- AHP -----------------------------------------------------------------------------------------


def test_saaty_drinks_example() -> None:
    # Saaty (2008), Table 2: .177 .019 .042 .116 .190 .129 .327 with a consistency ratio of .022.
    result = civitas.ahp(DRINKS)
    np.testing.assert_allclose(result.weights, [0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327], atol=5e-4)
    assert result.consistency_ratio == pytest.approx(0.022, abs=5e-4)
    assert result.acceptable
    assert result.method is AhpMethod.eigenvector
    assert result.table is RandomIndexTable.saaty
    assert "AhpResult(eigenvector, n=7" in repr(result)


def test_saaty_house_example_needs_revising() -> None:
    # Saaty (1990): lambda_max 9.669, C.I. 0.238, C.R. 0.169.
    result = civitas.ahp(HOUSE)
    np.testing.assert_allclose(result.weights, [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333], atol=5e-4)
    assert (result.lambda_max, result.consistency_index, result.consistency_ratio) == pytest.approx(
        (9.669, 0.238, 0.169), abs=5e-4)
    assert not result.acceptable
    top = civitas.revision_suggestions(HOUSE)[0]
    assert (top.row, top.col, top.value) == (2, 6, 6.0)
    assert top.consistent_value == pytest.approx(result.weights[2] / result.weights[6])
    assert top.consistency_ratio < 0.1
    assert "ComparisonRevision(row=2, col=6" in repr(top)


def test_method_and_table_by_name_or_enum() -> None:
    by_name = civitas.ahp(HOUSE, "geometric_mean", random_index="donegan_dodd")
    by_enum = civitas.ahp(HOUSE, AhpMethod.geometric_mean, random_index=RandomIndexTable.donegan_dodd)
    np.testing.assert_array_equal(by_name.weights, by_enum.weights)
    assert by_name.method is AhpMethod.geometric_mean
    gm = np.exp(np.log(HOUSE).mean(axis=1))
    np.testing.assert_allclose(by_name.weights, gm / gm.sum(), rtol=1e-12)
    assert by_name.random_index == civitas.random_index(8, "donegan_dodd") == 1.3171
    with pytest.raises(ValidationError, match="unknown value 'power'; expected one of 'eigenvector', 'geometric_mean'") as error:
        civitas.ahp(HOUSE, "power")
    assert error.value.path == "method"
    with pytest.raises(ValidationError, match="expected a str or civitas.AhpMethod, got int") as error:
        civitas.ahp(HOUSE, 3)
    assert error.value.path == "method"


def test_result_weights_are_read_only() -> None:
    weights = civitas.ahp(DRINKS).weights
    assert weights.dtype == np.float64 and weights.shape == (7,)
    with pytest.raises(ValueError):
        weights[0] = 1.0


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        (lambda a: a[:, :5], "matrix", "7 x 5"),
        (lambda a: np.where(np.eye(7, dtype=bool), 2.0, a), "matrix[0][0]", "diagonal"),
        (lambda a: np.where(a == 9, -9.0, a), "matrix[0][1]", "-9"),
        (lambda a: np.where(np.isclose(a, 0.2), math.nan, a), "matrix[2][0]", "nan"),
        (lambda a: np.where(np.isclose(a, 0.2), 0.5, a), "matrix[2][0]", "matrix[0][2] is 5 but matrix[2][0] is 0.5"),
    ],
)
def test_bad_matrices_name_the_entry(change, path: str, words: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as error:
        civitas.ahp(change(DRINKS.copy()))
    assert error.value.path == path
    assert words in str(error.value)


def test_too_many_elements() -> None:
    with pytest.raises(ValidationError, match="Saaty's random index table stops at 15"):
        civitas.ahp(np.ones((16, 16)))
    with pytest.raises(ValidationError, match="at most 100 x 100"):
        civitas.ahp(np.ones((101, 101)), random_index="donegan_dodd")
    # Donegan & Dodd (1991) as ahpy tabulates them beyond 15, linear in between.
    assert civitas.random_index(16, "donegan_dodd") == 1.5078
    assert civitas.random_index(35, "donegan_dodd") == pytest.approx((1.5772 + 1.5976) / 2)
    v = np.linspace(1, 3, 30)
    result = civitas.ahp(np.outer(v, 1 / v), random_index="donegan_dodd")
    np.testing.assert_allclose(result.weights, v / v.sum(), rtol=1e-10)
    assert result.random_index == 1.5772


# ahpy 2.1's README, "Missing Pairwise Comparisons": the (c, d) comparison left out.
AHPY_MISSING = np.array([[1, 1, 5, 2], [1, 1, 3, 4], [1 / 5, 1 / 3, 1, 0], [1 / 2, 1 / 4, 0, 1]])


def test_incomplete_matrix_ahpy_example() -> None:
    # ahpy: a .3738, b .392, c .0985, d .1357, CR .0372 (Donegan & Dodd), by the completion with the
    # least lambda_max; Harker's method: .3736 .3921 .0982 .1361, and the same CR to four decimals.
    result = civitas.ahp(AHPY_MISSING, random_index="donegan_dodd")
    np.testing.assert_allclose(result.weights, [0.3738, 0.392, 0.0985, 0.1357], atol=5e-4)
    np.testing.assert_allclose(result.weights, [0.3736, 0.3921, 0.0982, 0.1361], atol=5e-5)
    assert result.consistency_ratio == pytest.approx(0.0372, abs=5e-5)
    # Harker's matrix: the diagonal 1 + the number missing in the row, computed here with numpy.
    b = AHPY_MISSING.copy()
    np.fill_diagonal(b, 1 + (AHPY_MISSING == 0).sum(axis=1))
    values, vectors = np.linalg.eig(b)
    k = int(np.argmax(values.real))
    np.testing.assert_allclose(result.weights, vectors[:, k].real / vectors[:, k].real.sum(), rtol=1e-10)
    assert result.lambda_max == pytest.approx(values[k].real, rel=1e-12)
    nan = np.where(AHPY_MISSING == 0, math.nan, AHPY_MISSING)
    np.testing.assert_array_equal(civitas.ahp(nan).weights, civitas.ahp(AHPY_MISSING).weights)
    # Geometric mean: least squares of the logarithms over the comparisons made.
    gm = civitas.ahp(AHPY_MISSING, "geometric_mean")
    np.testing.assert_allclose(gm.weights, [0.3742, 0.3916, 0.0988, 0.1353], atol=5e-5)


def test_incomplete_matrix_must_connect_every_element() -> None:
    a = np.ones((4, 4))
    a[np.ix_([0, 1], [2, 3])] = 0
    a[np.ix_([2, 3], [0, 1])] = 0
    with pytest.raises(ValidationError, match="element 2 is not compared") as error:
        civitas.ahp(a)
    assert error.value.path == "matrix"
    assert "元素 2" in error.value.message_zh
    a[1, 2] = 3
    with pytest.raises(ValidationError, match="left out is 0 or NaN in both places") as error:
        civitas.ahp(a)
    assert error.value.path == "matrix[2][1]"


@settings(max_examples=60, deadline=None)
@given(hnp.arrays(np.float64, st.integers(1, 15), elements=st.floats(0.05, 20.0)), st.sampled_from(list(AhpMethod)))
def test_consistent_matrix_gives_its_ratios(v: Array, method: AhpMethod) -> None:
    result = civitas.ahp(np.outer(v, 1.0 / v), method)
    np.testing.assert_allclose(result.weights, v / v.sum(), rtol=1e-9)
    assert result.consistency_ratio == pytest.approx(0.0, abs=1e-9)
    assert result.acceptable


def test_group_ahp_is_ahp_of_the_geometric_mean() -> None:
    experts = [DRINKS, HOUSE[:7, :7]]
    mean = np.exp((np.log(experts[0]) + np.log(experts[1])) / 2)
    np.testing.assert_allclose(civitas.aggregate_judgments(experts), mean, rtol=1e-12)
    np.testing.assert_allclose(civitas.group_ahp(experts).weights, civitas.ahp(mean).weights, rtol=1e-12)
    weighted = civitas.group_ahp(experts, [1, 0])
    np.testing.assert_allclose(weighted.weights, civitas.ahp(DRINKS).weights, rtol=1e-12)
    with pytest.raises(ValidationError) as error:
        civitas.group_ahp([DRINKS, HOUSE])
    assert error.value.path == "matrices[1]"


def test_best_city_hierarchy() -> None:
    # Saaty (2005), Theory and Applications of the ANP: overall priorities .229 .275 .385 .111.
    criteria = reciprocal([[1 / 5, 3, 1 / 2, 5], [7, 1, 7], [1 / 4, 3], [7]])
    cities = [reciprocal([[1 / 2, 1, 1 / 2], [2.5, 1], [1 / 2.5]]), reciprocal([[2, 1 / 3, 4], [1 / 8, 2], [9]]),
              reciprocal([[5, 1 / 2, 2.5], [1 / 9, 1 / 4], [7]]), reciprocal([[1 / 2, 3, 4], [6, 8], [1]]),
              reciprocal([[1.5, 1 / 2, 4], [1 / 3.5, 2.5], [9]])]
    result = civitas.hierarchical_ahp(criteria, cities)
    np.testing.assert_allclose(result.global_weights.reshape(5, 4).sum(axis=0), [0.229, 0.275, 0.385, 0.111], atol=5e-4)
    assert len(result.indicators) == 5
    np.testing.assert_allclose(
        result.global_weights,
        civitas.hierarchical_weights(result.categories.weights, [r.weights for r in result.indicators]))
    assert "HierarchicalAhp(5 categories, 20 indicators" in repr(result)


# ---- objective weights ---------------------------------------------------------------------------


def test_published_objective_examples() -> None:
    # Xu (2004), EJOR 156(2), 530-532: entropy weights of the values as given.
    xu = np.array([[30, 30, 38, 29], [19, 54, 86, 29], [19, 15, 85, 28.9], [68, 70, 60, 29]])
    np.testing.assert_allclose(civitas.entropy_weights(xu, normalization="none"), [0.4630, 0.3992, 0.1378, 0.0], atol=5e-5)
    # Tus & Aytac Adali (2019), Opsearch 56(2), 528-538: CRITIC weights.
    tus = np.array([[5000, 3, 3, 4, 3, 2], [680, 5, 3, 2, 2, 1], [2000, 3, 2, 3, 4, 3], [600, 4, 3, 1, 2, 2],
                    [800, 2, 4, 3, 3, 4]])
    np.testing.assert_allclose(civitas.critic_weights(tus), [0.157, 0.249, 0.168, 0.121, 0.154, 0.151], atol=5e-4)
    # Salabun, Watrobski & Shekhovtsov (2020), Symmetry 12(9), 1549: standard-deviation weights.
    salabun = np.array([[0.619, 0.449, 0.447], [0.862, 0.466, 0.006], [0.458, 0.698, 0.771], [0.777, 0.631, 0.491],
                        [0.567, 0.992, 0.968]])
    np.testing.assert_allclose(civitas.std_weights(salabun, normalization=ObjectiveNormalization.none),
                               [0.217, 0.294, 0.488], atol=5e-4)


@settings(max_examples=80, deadline=None)
@given(data(min_cols=2), st.data())
def test_objective_weights_match_numpy(x: Array, draw: st.DataObject) -> None:
    assume(varies(x))
    benefit = draw.draw(st.lists(st.booleans(), min_size=x.shape[1], max_size=x.shape[1]))
    z = oriented(x, benefit)
    np.testing.assert_allclose(civitas.entropy_weights(x, benefit), numpy_entropy(z), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(civitas.std_weights(x, benefit), numpy_std(z), rtol=1e-9, atol=1e-12)
    information = z.std(axis=0) * (1.0 - np.corrcoef(z, rowvar=False)).sum(axis=0)
    if information.sum() > 1e-6:  # not (almost) perfectly correlated columns
        np.testing.assert_allclose(civitas.critic_weights(x, benefit), numpy_critic(z), rtol=1e-6, atol=1e-9)
    for weights in (civitas.entropy_weights(x, benefit), civitas.std_weights(x, benefit)):
        assert weights.sum() == pytest.approx(1.0) and np.all(weights >= 0)


@settings(max_examples=60, deadline=None)
@given(data(), st.floats(1e-3, 1e3), st.data())
def test_entropy_weights_unchanged_by_positive_scaling_of_a_column(x: Array, factor: float, draw: st.DataObject) -> None:
    assume(varies(x))
    column = draw.draw(st.integers(0, x.shape[1] - 1))
    scaled = x.copy()
    scaled[:, column] *= factor
    np.testing.assert_allclose(civitas.entropy_weights(scaled), civitas.entropy_weights(x), rtol=1e-8, atol=1e-12)
    positive = x - x.min() + 1.0
    scaled_positive = positive.copy()
    scaled_positive[:, column] *= factor
    np.testing.assert_allclose(civitas.entropy_weights(scaled_positive, normalization="none"),
                               civitas.entropy_weights(positive, normalization="none"), rtol=1e-8, atol=1e-12)


def test_any_layout_or_dtype_gives_the_same_weights() -> None:
    rng = np.random.default_rng(5)
    x = rng.integers(0, 100, size=(9, 4)).astype(np.float64)
    expected = civitas.critic_weights(x, [True, False, True, True])
    bigger = np.zeros((18, 10))
    bigger[::2, 1:9:2] = x
    for same in (np.asfortranarray(x), bigger[::2, 1:9:2], x.astype(np.int64), x.astype(np.float32), x.tolist(),
                 x[::-1]):  # reversed rows: a negative stride, and the order of units does not matter
        np.testing.assert_allclose(civitas.critic_weights(same, np.array([True, False, True, True])), expected, rtol=1e-12)


def test_objective_weights_reject_bad_data() -> None:
    x = np.array([[1.0, 5, 3], [2, 5, 1], [3, 5, 2]])
    with pytest.raises(ValidationError, match="no column varies") as error:
        civitas.entropy_weights(np.full((3, 2), 5.0))
    assert error.value.path == "x"
    x[1, 1] = 7
    x[2, 0] = math.nan
    with pytest.raises(ValidationError) as error:
        civitas.critic_weights(x)
    assert error.value.path == "x[2][0]"
    x[2, 0] = 3
    with pytest.raises(ValidationError) as error:
        civitas.std_weights(x, [True, False])
    assert error.value.path == "benefit"
    with pytest.raises(ValidationError, match="1 is not a boolean; expected True or False") as error:
        civitas.std_weights(x, [1, 0, 1])
    assert error.value.path == "benefit[0]"
    with pytest.raises(ValidationError) as error:
        civitas.entropy_weights(x, [True, False, True], normalization="none")
    assert error.value.path == "benefit[1]"
    with pytest.raises(ValidationError) as error:
        civitas.entropy_weights(np.ones(4))
    assert error.value.path == "x"
    with pytest.raises(ValidationError) as error:
        civitas.entropy_weights(x, normalization="z_score")
    assert error.value.path == "normalization"


# ---- constant columns ----------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["entropy_weights", "std_weights", "critic_weights", "gini_weights", "merec_weights",
                                    "cilos_weights", "idocriw_weights"])
def test_constant_column_gets_zero_with_a_warning(method: str) -> None:
    x = np.array([[1.0, 5, 3, 2], [2, 5, 1, 4], [3, 5, 2, 3], [4, 5, 6, 1]])
    weigh = getattr(civitas, method)
    with pytest.warns(ConstantColumnWarning, match="column 1 of x does not vary, so its weight is 0") as caught:
        weights = weigh(x)
    assert weights[1] == 0.0 and weights.sum() == pytest.approx(1.0)
    warning = caught[0].message
    assert isinstance(warning, ConstantColumnWarning) and warning.columns == (1,)
    assert "第 1 列没有变化" in warning.message_zh
    if method in ("entropy_weights", "std_weights", "critic_weights", "gini_weights"):
        # The other columns weigh as if the constant one were left out.
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            np.testing.assert_allclose(weights[[0, 2, 3]], weigh(x[:, [0, 2, 3]]), rtol=1e-12)


def test_constant_column_of_a_data_frame_is_named_by_its_label() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"green": [1.0, 2, 3], "flat": [4.0, 4, 4], "noise": [3.0, 1, 2]})
    with pytest.warns(ConstantColumnWarning, match="column 'flat' of x"):
        civitas.entropy_weights(frame)


# ---- MEREC, Gini, CILOS, IDOCRIW -------------------------------------------------------------------

ZAVADSKAS_PODVEZKO = np.array([[3, 100, 10, 7], [2.5, 80, 8, 5], [1.8, 50, 20, 11], [2.2, 70, 12, 9]])


def test_published_examples_of_the_new_methods() -> None:
    # Keshavarz-Ghorabaee et al. (2021), Symmetry 13(4), 525: MEREC's illustrative example.
    merec = np.array([[450, 8000, 54, 145], [10, 9100, 2, 160], [100, 8200, 31, 153], [220, 9300, 1, 162],
                      [5, 8400, 23, 158]])
    np.testing.assert_allclose(civitas.merec_weights(merec, [True, True, False, False]),
                               [0.5752, 0.0141, 0.4016, 0.0091], atol=5e-5)
    # Zavadskas & Podvezko (2016), IJITDM 15(2), 267-283: entropy (values as given), CILOS, IDOCRIW.
    benefit = [False, True, False, True]
    np.testing.assert_allclose(civitas.entropy_weights(ZAVADSKAS_PODVEZKO, normalization="none"),
                               [0.1146, 0.1981, 0.4185, 0.2689], atol=5e-5)
    np.testing.assert_allclose(civitas.cilos_weights(ZAVADSKAS_PODVEZKO, benefit), [0.3343, 0.2199, 0.1957, 0.2501],
                               atol=5e-5)
    np.testing.assert_allclose(civitas.idocriw_weights(ZAVADSKAS_PODVEZKO, benefit), [0.1658, 0.1886, 0.3545, 0.2911],
                               atol=1e-4)
    # Gini: pymcdm's own example (it cites no publication), values as given.
    gini = np.array([[5, 6, 7], [5.5, 6.1, 8], [4, 5, 9]])
    np.testing.assert_allclose(civitas.gini_weights(gini, normalization="none"), [0.412, 0.2562, 0.3319], atol=5e-5)


def positive_data() -> st.SearchStrategy[Array]:
    shapes = st.tuples(st.integers(3, 12), st.integers(2, 6))
    return hnp.arrays(np.float64, shapes, elements=st.floats(0.5, 1e3).map(lambda v: round(v, 2)))


@settings(max_examples=80, deadline=None)
@given(positive_data(), st.data())
def test_new_methods_match_pymcdm(x: Array, draw: st.DataObject) -> None:
    # pymcdm 1.4 under the same settings: MEREC, CILOS and IDOCRIW with types +1 / -1, Gini on the
    # values as given (pymcdm has no normalisation for it). Differences: pymcdm's entropy gives a
    # column holding a 0 entropy 0 (weight near the largest) where civitas takes 0 ln 0 = 0, which
    # positive data never meet; and pymcdm's CILOS returns an arbitrary vector of the null space
    # when it is not one-dimensional, where civitas raises. Constant columns are left out here:
    # pymcdm divides 0 by 0 for some of them.
    pymcdm_weights = pytest.importorskip("pymcdm.weights")  # bench/requirements.txt, which `make test` installs
    assume(varies(x))
    benefit = draw.draw(st.lists(st.booleans(), min_size=x.shape[1], max_size=x.shape[1]))
    types = np.where(benefit, 1, -1)
    np.testing.assert_allclose(civitas.merec_weights(x, benefit), pymcdm_weights.merec_weights(x, types), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(civitas.gini_weights(x, normalization="none"), pymcdm_weights.gini_weights(x), rtol=1e-9,
                               atol=1e-12)
    try:
        q = civitas.cilos_weights(x, benefit)
    except ValidationError as error:
        assert "best on every criterion" in str(error)
        return
    reference = pymcdm_weights.cilos_weights(x, types)
    assume(reference.shape == q.shape)
    np.testing.assert_allclose(q, reference, rtol=1e-7, atol=1e-9)
    np.testing.assert_allclose(civitas.idocriw_weights(x, benefit), pymcdm_weights.idocriw_weights(x, types), rtol=1e-7,
                               atol=1e-9)


@settings(max_examples=60, deadline=None)
@given(data(min_cols=2), st.data())
def test_gini_min_max_is_gini_of_the_rescaled_columns(x: Array, draw: st.DataObject) -> None:
    assume(varies(x))
    benefit = draw.draw(st.lists(st.booleans(), min_size=x.shape[1], max_size=x.shape[1]))
    z = oriented(x, benefit)
    g = np.abs(z[:, None, :] - z[None, :, :]).sum(axis=(0, 1)) / (2 * z.shape[0] ** 2 * z.mean(axis=0))
    np.testing.assert_allclose(civitas.gini_weights(x, benefit), g / g.sum(), rtol=1e-9, atol=1e-12)


def test_new_methods_reject_values_they_cannot_take() -> None:
    x = ZAVADSKAS_PODVEZKO.copy()
    x[2, 1] = 0
    for method in (civitas.merec_weights, civitas.cilos_weights, civitas.idocriw_weights):
        with pytest.raises(ValidationError, match="> 0") as error:
            method(x)
        assert error.value.path == "x[2][1]"
    x[2, 1] = -1
    with pytest.raises(ValidationError, match=">= 0") as error:
        civitas.gini_weights(x, normalization="none")
    assert error.value.path == "x[2][1]"
    with pytest.raises(ValidationError, match="best on every criterion"):
        civitas.cilos_weights(np.array([[5.0, 1], [3, 2], [1, 3]]), [True, False])


# ---- combined weights ----------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(hnp.arrays(np.float64, st.integers(1, 10), elements=st.floats(0.01, 10.0)), st.data(), st.floats(0.0, 1.0))
def test_combined_weights(s: Array, draw: st.DataObject, alpha: float) -> None:
    o = draw.draw(hnp.arrays(np.float64, s.shape, elements=st.floats(0.01, 10.0)))
    s, o = s / s.sum(), o / o.sum()
    np.testing.assert_allclose(civitas.combine_weights_linear(s, o, alpha), alpha * s + (1 - alpha) * o, atol=1e-12)
    np.testing.assert_allclose(civitas.combine_weights_multiplicative(s, o), s * o / (s * o).sum(), rtol=1e-12)


def test_combined_weights_reject_points() -> None:
    with pytest.raises(ValidationError, match="sum to 100") as error:
        civitas.combine_weights_linear([40, 60], [0.5, 0.5])
    assert error.value.path == "subjective"
    np.testing.assert_allclose(civitas.combine_weights_linear([0.333, 0.333, 0.333], [1 / 3] * 3), [1 / 3] * 3)
