"""WASPAS, EDAS, COPRAS, SPOTIS, CoCoSo and MULTIMOORA from Python: each method's published worked
example (the source cited with it), equality with a plain numpy transcription of the published
formulas over Hypothesis-generated matrices, laws every method keeps, and the errors bad input gets.
The comparison with pymcdm and scikit-criteria at scale is the bench suite's (bench_rankings.py)."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from numpy.testing import assert_allclose, assert_array_equal

import civitas
from civitas import ValidationError


def shares(weights: list[float]) -> np.ndarray:
    """Published weights (printed to 3 or 4 decimals, summing to 0.999 or 1.001) as shares summing to 1."""
    w = np.asarray(weights, dtype=float)
    return w / w.sum()


def benefit_of(types: list[int]) -> list[bool]:
    return [t == 1 for t in types]


# ---- plain numpy transcriptions of the published formulas -------------------------------------------


def numpy_waspas(x: np.ndarray, w: np.ndarray, benefit: np.ndarray, lam: float) -> np.ndarray:
    r = np.where(benefit, x / x.max(axis=0), x.min(axis=0) / x)
    return lam * (r * w).sum(axis=1) + (1 - lam) * np.prod(r**w, axis=1)


def edas_distances(x: np.ndarray, benefit: np.ndarray) -> np.ndarray:
    """(x - AV) / AV in each criterion's direction; 0 in a column that does not vary."""
    av = x.mean(axis=0)
    d = np.where(benefit, (x - av) / av, (av - x) / av)
    return np.where(np.ptp(x, axis=0) > 0, d, 0.0)


def numpy_edas(x: np.ndarray, w: np.ndarray, benefit: np.ndarray) -> np.ndarray:
    d = edas_distances(x, benefit)
    sp, sn = (w * np.maximum(d, 0)).sum(axis=1), (w * np.maximum(-d, 0)).sum(axis=1)
    above = sp / sp.max() if sp.max() > 0 else np.zeros_like(sp)  # a sum 0 for every unit says nothing
    below = 1 - sn / sn.max() if sn.max() > 0 else np.ones_like(sn)
    return (above + below) / 2


def numpy_copras(x: np.ndarray, w: np.ndarray, benefit: np.ndarray) -> np.ndarray:
    d = w * x / x.sum(axis=0)
    plus, minus = d[:, benefit].sum(axis=1), d[:, ~benefit].sum(axis=1)
    q = plus + minus.min() * minus.sum() / (minus * (minus.min() / minus).sum())  # the textbook's form
    return q / q.max()


def numpy_spotis(x: np.ndarray, w: np.ndarray, benefit: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    ideal = np.where(benefit, bounds[:, 1], bounds[:, 0])
    return (w * np.abs(x - ideal) / (bounds[:, 1] - bounds[:, 0])).sum(axis=1)


def numpy_cocoso(x: np.ndarray, w: np.ndarray, benefit: np.ndarray, lam: float) -> np.ndarray:
    low, high = x.min(axis=0), x.max(axis=0)
    r = np.where(benefit, x - low, high - x) / (high - low)
    s, p = (w * r).sum(axis=1), (r**w).sum(axis=1)
    ka = (s + p) / (s + p).sum()
    kb = s / s.min() + p / p.min()
    kc = (lam * s + (1 - lam) * p) / (lam * s.max() + (1 - lam) * p.max())
    return np.cbrt(ka * kb * kc) + (ka + kb + kc) / 3


def numpy_multimoora(x: np.ndarray, w: np.ndarray, benefit: np.ndarray):
    r = x / np.sqrt((x**2).sum(axis=0))
    sign = np.where(benefit, 1.0, -1.0)
    ratio = (sign * w * r).sum(axis=1)
    best = np.where(benefit, r.max(axis=0), r.min(axis=0))
    reference = (w * np.abs(best - r)).max(axis=1)
    fmf = np.exp((sign * w * np.log(r)).sum(axis=1))
    return ratio, reference, fmf


# ---- published worked examples -----------------------------------------------------------------------

# Chakraborty, Zavadskas & Antucheviciene (2015), "Applications of WASPAS method as a multi-criteria
# decision-making tool", Economic Computation and Economic Cybernetics Studies and Research 49(1), 5-22,
# Example 2 (as transcribed in scikit-criteria's tests/agg/test_waspas.py), lambda 0, 0.5 and 1.
CHAKRABORTY = np.array([[581818, 54.49, 3, 5500], [595454, 49.73, 3, 4500], [586060, 51.24, 3, 5000],
                        [522727, 45.71, 3, 5800], [561818, 52.66, 3, 5200], [543030, 74.46, 4, 5600],
                        [522727, 75.42, 4, 5800], [486970, 62.62, 4, 5600], [509394, 65.87, 4, 6400],
                        [513333, 70.67, 4, 6000]], dtype=float)
CHAKRABORTY_WEIGHTS = [0.467, 0.160, 0.095, 0.278]
CHAKRABORTY_TYPES = [-1, -1, -1, 1]


@pytest.mark.parametrize(
    "lam, published",
    [(0.0, [0.8578, 0.8144, 0.8408, 0.9413, 0.8632, 0.8241, 0.8454, 0.8915, 0.8987, 0.8697]),
     (0.5, [0.8584, 0.8169, 0.8419, 0.9417, 0.8638, 0.8278, 0.8503, 0.8949, 0.9027, 0.8740]),
     (1.0, [0.8590, 0.8194, 0.8430, 0.9420, 0.8645, 0.8315, 0.8552, 0.8983, 0.9067, 0.8784])],
)
def test_waspas_reproduces_chakraborty_2015(lam: float, published: list[float]) -> None:
    q = civitas.waspas(CHAKRABORTY, CHAKRABORTY_WEIGHTS, benefit_of(CHAKRABORTY_TYPES), lam=lam)
    assert_allclose(q, published, atol=1e-4)
    assert_array_equal(civitas.rank(q), [6, 10, 8, 1, 5, 9, 7, 3, 2, 4])  # the same ranking for every lambda


def test_waspas_reproduces_chakraborty_2015_example_1() -> None:
    # Chakraborty et al. (2015), Example 1 (pymcdm's TestWASPAS), lambda 0.5.
    x = np.array([[30, 23, 5, 0.745, 0.745, 1500, 5000], [18, 13, 15, 0.745, 0.745, 1300, 6000],
                  [15, 12, 10, 0.500, 0.500, 950, 7000], [25, 20, 13, 0.745, 0.745, 1200, 4000],
                  [14, 18, 14, 0.255, 0.745, 950, 3500], [17, 15, 9, 0.745, 0.500, 1250, 5250],
                  [23, 18, 20, 0.500, 0.745, 1100, 3000], [16, 8, 14, 0.255, 0.500, 1500, 3000]])
    # The published weights sum to 0.9955 and WASPAS is computed with them as printed; civitas takes
    # shares, so the published Q is rebuilt from the two parts: with w = w_printed / total, the
    # printed sum is total x WSM(w) and the printed product WPM(w)^total.
    printed = np.array([0.1181, 0.1181, 0.0445, 0.1181, 0.2861, 0.2861, 0.0445])
    total = printed.sum()
    benefit = [True] * 5 + [False] * 2
    wsm = civitas.waspas(x, printed / total, benefit, lam=1.0)
    wpm = civitas.waspas(x, printed / total, benefit, lam=0.0)
    q = 0.5 * total * wsm + 0.5 * wpm**total
    assert_allclose(q, [0.8329, 0.7884, 0.6987, 0.8831, 0.7971, 0.7036, 0.8728, 0.5749], atol=1e-4)


def test_edas_reproduces_yazdani_2020() -> None:
    # Yazdani, Torkayesh, Santibanez-Gonzalez & Otaghsara (2020), "Evaluation of renewable energy resources
    # using integrated Shannon Entropy-EDAS model", Sustainable Operations and Computers 1, 35-42.
    x = np.array([[3873, 39.55, 0.27, 0.87, 150, 0.07, 12, 2130], [5067, 67.26, 0.23, 0.23, 40, 0.02, 21, 2200],
                  [2213, 24.69, 0.08, 0.17, 200, 0.04, 35, 570], [6243, 132, 0.07, 0.25, 100, 0.04, 16, 100],
                  [8312, 460.47, 0.05, 0.21, 25, 0.1, 25, 200]])
    w = shares([0.131, 0.113, 0.126, 0.125, 0.126, 0.129, 0.132, 0.117])  # EDAS does not change when w is scaled
    score = civitas.edas(x, w, benefit_of([-1, -1, -1, 1, 1, -1, 1, 1]))
    assert_allclose(score, [0.841, 0.632, 0.883, 0.457, 0.104], atol=5e-4)
    assert_array_equal(civitas.rank(score), [2, 3, 1, 4, 5])


def test_edas_reproduces_ersoy_2021() -> None:
    # Ersoy (2021), "Equipment selection for an e-commerce company using entropy-based TOPSIS, EDAS and CODAS
    # methods during the COVID-19", LogForum 17(3) (as in pyrepo-mcda's tests).
    x = np.array([[256, 8, 41, 1.6, 1.77, 7347.16], [256, 8, 32, 1.0, 1.8, 6919.99], [256, 8, 53, 1.6, 1.9, 8400],
                  [256, 8, 41, 1.0, 1.75, 6808.9], [512, 8, 35, 1.6, 1.7, 8479.99], [256, 4, 35, 1.6, 1.7, 7499.99]])
    w = shares([0.405, 0.221, 0.134, 0.199, 0.007, 0.034])
    score = civitas.edas(x, w, benefit_of([1, 1, 1, 1, -1, -1]))
    assert_allclose(score, [0.414, 0.130, 0.461, 0.212, 0.944, 0.043], atol=5e-4)


def test_copras_reproduces_kundakci_isik_2016() -> None:
    # Kundakci & Isik (2016), "Integration of MACBETH and COPRAS methods to select air compressor for a
    # textile company", Decision Science Letters 5(3), 381-394: utility degrees N_i (pymcdm 1.4 gives
    # [0.9459, 1.0, 0.8192, ...] here: its Q adds the costs' share instead of inverting it).
    x = np.array([[1543, 2000, 39000, 15, 13.76, 3.86, 5, 3, 5000], [1496, 3600, 43000, 14, 14, 2.5, 4, 4, 4000],
                  [1584, 3100, 24500, 10, 13.1, 3.7, 2, 2, 3500], [1560, 2700, 36000, 12, 13.2, 3.2, 3, 3, 3500],
                  [1572, 2500, 31500, 13, 13.3, 3.4, 3, 2, 3500], [1580, 2400, 20000, 12, 12.8, 3.9, 2, 2, 3000]])
    w = shares([0.2027, 0.1757, 0.1622, 0.1351, 0.1081, 0.0946, 0.0676, 0.0405, 0.0135])
    utility = civitas.copras(x, w, benefit_of([-1, -1, -1, 1, 1, -1, 1, 1, 1]))
    assert_allclose(utility, [1, 0.9167, 0.8675, 0.9084, 0.9315, 0.9486], atol=1e-4)
    assert_array_equal(civitas.rank(utility), [1, 4, 6, 5, 3, 2])


def test_copras_reproduces_goswami_mitra_2020() -> None:
    # Goswami & Mitra (2020), "Selecting the best mobile model by applying AHP-COPRAS and AHP-ARAS decision
    # making methodology", International Journal of Data and Network Science 4(1), 27-42.
    x = np.array([[80, 16, 2, 5], [110, 32, 2, 9], [130, 64, 4, 9], [185, 64, 4, 1], [135, 64, 3, 4],
                  [140, 32, 3, 5], [185, 64, 6, 7], [110, 16, 3, 3], [120, 16, 4, 3], [340, 128, 6, 5]], dtype=float)
    w = shares([0.60338, 0.13639, 0.19567, 0.06456])
    utility = civitas.copras(x, w, benefit_of([-1, 1, 1, 1]))
    assert_allclose(utility, [1, 0.85262, 0.91930, 0.68523, 0.80515, 0.72587, 0.83436, 0.79758, 0.79097, 0.79533],
                    atol=1e-5)


def test_spotis_reproduces_dezert_2020() -> None:
    # Dezert, Tchamova, Han & Tacnet (2020), "The SPOTIS rank reversal free method for multi-criteria
    # decision-making support", FUSION 2020, IEEE: the numerical example, then the cars with the ideal
    # solution point and with an expected solution point.
    x = np.array([[10.5, -3.1, 1.7], [-4.7, 0, 3.4], [8.1, 0.3, 1.3], [3.2, 7.3, -5.3]])
    distance = civitas.spotis(x, [0.2, 0.3, 0.5], [True, False, True], bounds=[[-5, 12], [-6, 10], [-8, 5]])
    assert_allclose(distance, [0.1989, 0.3705, 0.3063, 0.7491], atol=1e-4)
    assert_array_equal(civitas.rank(distance, ascending=True), [1, 3, 2, 4])

    cars = np.array([[15000, 4.3, 99, 42, 737], [15290, 5.0, 116, 42, 892], [15350, 5.0, 114, 45, 952],
                     [15490, 5.3, 123, 45, 1120]], dtype=float)
    bounds = [[14000, 16000], [3, 8], [80, 140], [35, 60], [650, 1300]]
    w = shares([0.2941, 0.2353, 0.2353, 0.0588, 0.1765])
    benefit = benefit_of([-1, -1, -1, 1, 1])
    assert_allclose(civitas.spotis(cars, w, benefit, bounds=bounds), [0.4779, 0.5781, 0.5558, 0.5801], atol=1e-4)
    expected_point = [15300, 4, 115, 50, 900]
    assert_allclose(civitas.spotis(cars, w, benefit, bounds=bounds, ideal=expected_point),
                    [0.1841, 0.0734, 0.0842, 0.1920], atol=1e-4)


def test_cocoso_reproduces_yazdani_2019() -> None:
    # Yazdani, Zarate, Zavadskas & Turskis (2019), "A combined compromise solution (CoCoSo) method for
    # multi-criteria decision-making problems", Management Decision 57(9), 2501-2519.
    x = np.array([[60, 0.4, 2540, 500, 990], [6.35, 0.15, 1016, 3000, 1041], [6.8, 0.1, 1727.2, 1500, 1676],
                  [10, 0.2, 1000, 2000, 965], [2.5, 0.1, 560, 500, 915], [4.5, 0.08, 1016, 350, 508],
                  [3, 0.1, 1778, 1000, 920]])
    k = civitas.cocoso(x, [0.036, 0.192, 0.326, 0.326, 0.12], benefit_of([1, -1, 1, 1, 1]))
    assert_allclose(k, [2.041, 2.788, 2.882, 2.416, 1.299, 1.443, 2.519], atol=5e-4)
    assert_array_equal(civitas.rank(k), [5, 2, 1, 4, 7, 6, 3])


def test_multimoora_reproduces_kracka_brauers_zavadskas_2010() -> None:
    # Kracka, Brauers & Zavadskas (2010), "Ranking heating losses in a building by applying the MULTIMOORA",
    # Inzinerine Ekonomika - Engineering Economics 21(4), 352-359 (as in scikit-criteria's tests): equal
    # weights. With w = 1/7 the full multiplicative form is the 7th root of the paper's unweighted one.
    x = np.array([[33.95, 23.78, 11.45, 39.97, 29.44, 167.10, 3.852], [38.9, 4.17, 6.32, 0.01, 4.29, 132.52, 25.184],
                  [37.59, 9.36, 8.23, 4.35, 10.22, 136.71, 10.845], [30.44, 37.59, 13.91, 74.08, 45.10, 198.34, 2.186],
                  [36.21, 14.79, 9.17, 17.77, 17.06, 148.3, 6.610], [37.8, 8.55, 7.97, 2.35, 9.25, 134.83, 11.935]])
    result = civitas.multimoora(x, np.full(7, 1 / 7), benefit_of([-1, -1, -1, -1, 1, -1, 1]))
    assert_allclose(result.full_multiplicative**7, [3.4343, 148689.356, 120.3441, 0.7882, 16.2917, 252.9155], rtol=1e-4)
    assert_array_equal(result.ranks_ratio_system, [5, 1, 3, 6, 4, 2])
    assert_array_equal(result.ranks_reference_point, [4, 5, 1, 6, 2, 3])
    assert_array_equal(result.ranks_full_multiplicative, [5, 1, 3, 6, 4, 2])
    assert_array_equal(result.ranks, [5, 1, 3, 6, 4, 2])


def test_multimoora_reproduces_karabasevic_2015() -> None:
    # Karabasevic, Stanujkic, Urosevic & Maksimovic (2015), "Selection of candidates in the mining industry
    # based on the application of the SWARA and the MULTIMOORA methods", Acta Montanistica Slovaca 20(2):
    # ratio system and reference point to 3 decimals, the final ranking. (The paper's full multiplicative
    # form multiplies w_j r_ij, in which the weights change no rank; civitas raises r_ij to w_j.)
    x = np.array([[4, 3, 3, 4, 3, 2, 4], [3, 3, 4, 3, 5, 4, 4], [5, 4, 4, 5, 5, 5, 4]], dtype=float)
    printed = np.array([0.215, 0.215, 0.159, 0.133, 0.102, 0.102, 0.073])  # summing to 0.999
    result = civitas.multimoora(x, printed / printed.sum())
    # Both parts are linear in the weights: the paper's, with the weights as printed, are these times 0.999.
    assert_allclose(result.ratio_system * printed.sum(), [0.494, 0.527, 0.677], atol=5e-4)
    assert_allclose(result.reference_point * printed.sum(), [0.046, 0.061, 0.000], atol=5e-4)
    assert_array_equal(result.ranks_ratio_system, [3, 2, 1])
    assert_array_equal(result.ranks_reference_point, [2, 3, 1])
    assert_array_equal(result.ranks_full_multiplicative, [3, 2, 1])
    assert_array_equal(result.ranks, [3, 2, 1])
    assert_array_equal(result.dominance, [0, 1, 2])


# ---- the published formulas, over many matrices -------------------------------------------------------

positive_matrices = st.integers(2, 9).flatmap(
    lambda units: st.integers(1, 6).flatmap(
        lambda criteria: st.tuples(
            hnp.arrays(np.float64, (units, criteria), elements=st.floats(0.5, 1000.0)),
            hnp.arrays(np.float64, criteria, elements=st.floats(0.05, 1.0)),
            hnp.arrays(np.bool_, criteria),
        )
    )
)


@settings(max_examples=150, deadline=None)
@given(positive_matrices, st.sampled_from([0.0, 0.3, 0.5, 1.0]))
def test_methods_equal_their_numpy_transcriptions(case, lam: float) -> None:
    x, w, benefit = case
    w = w / w.sum()
    assert_allclose(civitas.waspas(x, w, benefit, lam=lam), numpy_waspas(x, w, benefit, lam), rtol=1e-12)
    bounds = np.column_stack([x.min(axis=0) - 1, x.max(axis=0) + 1])
    assert_allclose(civitas.spotis(x, w, benefit, bounds=bounds), numpy_spotis(x, w, benefit, bounds), rtol=1e-12, atol=1e-15)
    ratio, reference, fmf = numpy_multimoora(x, w, benefit)
    result = civitas.multimoora(x, w, benefit)
    assert_allclose(result.ratio_system, ratio, rtol=1e-11, atol=1e-14)
    assert_allclose(result.reference_point, reference, rtol=1e-12, atol=1e-15)
    assert_allclose(result.full_multiplicative, fmf, rtol=1e-12)
    varies = np.ptp(x, axis=0) > 0
    if np.abs(w * edas_distances(x, benefit)).sum(axis=1).max() > 0:
        assert_allclose(civitas.edas(x, w, benefit), numpy_edas(x, w, benefit), rtol=1e-12, atol=1e-14)
    if not benefit.all():
        assert_allclose(civitas.copras(x, w, benefit), numpy_copras(x, w, benefit), rtol=1e-12)
    if varies.all():
        low = np.where(benefit, x - x.min(axis=0), x.max(axis=0) - x)
        if ((w * low).sum(axis=1) > 0).all():
            assert_allclose(civitas.cocoso(x, w, benefit, lam=lam), numpy_cocoso(x, w, benefit, lam), rtol=1e-11)


def test_copras_without_cost_criteria_is_the_weighted_share() -> None:
    x = np.array([[2.0, 3.0], [4.0, 1.0], [4.0, 4.0]])
    w = np.array([0.5, 0.5])
    d = (w * x / x.sum(axis=0)).sum(axis=1)
    assert_allclose(civitas.copras(x, w), d / d.max(), rtol=1e-15)


def test_spotis_without_bounds_takes_the_data_range_and_a_constant_column_adds_nothing() -> None:
    x = np.array([[1.0, 5.0, 7.0], [3.0, 5.0, 9.0], [2.0, 5.0, 8.0]])
    w = np.array([0.5, 0.25, 0.25])
    assert_allclose(civitas.spotis(x, w), [0.5 + 0.25, 0.0, 0.25 + 0.125])


def test_spotis_with_fixed_bounds_keeps_ranks_when_a_unit_is_added() -> None:
    # SPOTIS' point (Dezert et al. 2020): with bounds fixed in advance, a unit's distance is its own.
    rng = np.random.default_rng(7)
    x = rng.uniform(0, 10, (8, 4))
    w = np.full(4, 0.25)
    bounds = np.tile([0.0, 10.0], (4, 1))
    before = civitas.spotis(x, w, bounds=bounds)
    after = civitas.spotis(np.vstack([x, rng.uniform(0, 10, (1, 4))]), w, bounds=bounds)
    assert_array_equal(after[:8], before)


def test_cocoso_gives_a_constant_column_the_best_normalised_value() -> None:
    # A column that does not vary has every unit at its best (r = 1), as in pymcdm's min-max normalisation.
    x = np.array([[1.0, 3.0], [2.0, 3.0], [3.0, 3.0]])
    w = np.array([0.6, 0.4])
    r = np.column_stack([[0.0, 0.5, 1.0], np.ones(3)])
    s, p = (w * r).sum(axis=1), (r**w).sum(axis=1)
    ka = (s + p) / (s + p).sum()
    kb = s / s.min() + p / p.min()
    kc = (s + p) / (s.max() + p.max())
    assert_allclose(civitas.cocoso(x, w), np.cbrt(ka * kb * kc) + (ka + kb + kc) / 3, rtol=1e-14)


def test_results_pickle_and_compare() -> None:
    x = np.array([[4.0, 3, 3], [3, 3, 4], [5, 4, 4]])
    result = civitas.multimoora(x, np.full(3, 1 / 3))
    copy = pickle.loads(pickle.dumps(result))
    assert copy == result
    assert_array_equal(copy.ranks, result.ranks)
    assert repr(result).startswith("MULTIMOORA of 3 units")


def test_dataframes_name_the_offending_cell() -> None:
    pd = pytest.importorskip("pandas")
    x = pd.DataFrame({"green": [1.0, 2.0, 3.0], "cost": [1.0, 0.0, 2.0]}, index=["a", "b", "c"])
    with pytest.raises(ValidationError, match=r"x\.loc\['b', 'cost'\].*WASPAS needs values > 0"):
        civitas.waspas(x, [0.5, 0.5], [True, False])


# ---- errors -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call, path, english, chinese",
    [
        (lambda: civitas.waspas([[1.0, 0.0], [2.0, 1.0]], [0.5, 0.5], [True, False]), "x[0, 1]",
         "WASPAS needs values > 0", "WASPAS 要求该评价指标的取值 > 0"),
        (lambda: civitas.waspas([[1.0, 1.0], [2.0, 1.0]], [0.5, 0.5], lam=1.5), "lambda",
         "expected a weight in [0, 1]", "应为 [0, 1] 内的权重"),
        (lambda: civitas.waspas([[0.0, 1.0], [0.0, 2.0]], [0.5, 0.5]), "x[:, 0]",
         "every value is 0", "所有取值均为 0"),
        (lambda: civitas.edas([[1.0, -1.0], [2.0, -2.0]], [0.5, 0.5]), "x[:, 1]",
         "the average is -1.5", "平均值为 -1.5"),
        (lambda: civitas.edas([[1.0, 2.0], [1.0, 2.0]], [0.5, 0.5]), "x",
         "EDAS needs at least one that varies", "EDAS 至少需要一个有变化的评价指标"),
        (lambda: civitas.copras([[1.0, -1.0], [2.0, 2.0]], [0.5, 0.5], [True, False]), "x[0, 1]",
         "COPRAS needs values >= 0", "COPRAS 要求该评价指标的取值 >= 0"),
        (lambda: civitas.copras([[1.0, 0.0], [2.0, 2.0]], [0.5, 0.5], [True, False]), "x[0, :]",
         "unit 0 has 0 on every weighted cost criterion", "评价对象 0 在所有有权重的成本型评价指标上均为 0"),
        (lambda: civitas.spotis([[1.0], [2.0]], [1.0], bounds=[[0, 1.5]]), "x[1, 0]",
         "outside the criterion's bounds [0, 1.5]", "超出该评价指标的界限 [0, 1.5]"),
        (lambda: civitas.spotis([[1.0], [2.0]], [1.0], bounds=[[3, 0]]), "bounds[0]",
         "expected finite bounds with min < max", "应为有限的界限且 min < max"),
        (lambda: civitas.spotis([[1.0], [2.0]], [1.0], bounds=[[0, 3]], ideal=[4]), "ideal[0]",
         "expected a point within the criterion's bounds [0, 3]", "应在该评价指标的界限 [0, 3] 之内"),
        (lambda: civitas.spotis([[1.0], [2.0]], [1.0], bounds=[[0, 3, 4]]), "bounds",
         "3 columns; expected 2", "为 3 列"),
        (lambda: civitas.cocoso([[1.0, 1.0], [2.0, 2.0]], [0.5, 0.5]), "x[0, :]",
         "unit 0 is the worst on every weighted criterion", "评价对象 0 在所有有权重的评价指标上均为最差"),
        (lambda: civitas.multimoora([[1.0, 0.0], [2.0, 1.0]], [0.5, 0.5]), "x[0, 1]",
         "MULTIMOORA needs values > 0", "MULTIMOORA 要求该评价指标的取值 > 0"),
        (lambda: civitas.edas([[1.0, float("nan")], [2.0, 1.0]], [0.5, 0.5]), "x[0, 1]",
         "expected a finite number", "应为有限数"),
        (lambda: civitas.copras([[1.0, 2.0], [2.0, 1.0]], [0.5, 0.6]), "weights",
         "the weights sum to 1.1", "权重之和为 1.1"),
    ],
)
def test_errors_name_the_value_in_both_languages(call, path: str, english: str, chinese: str) -> None:
    with pytest.raises(ValidationError) as caught:
        call()
    assert caught.value.path == path
    assert english in str(caught.value)
    assert chinese in caught.value.message_zh
