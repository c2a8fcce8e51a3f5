// Rank uncertainty and attribution: the same result with any number of threads and from the same
// seed, the laws that must hold (no perturbation -> the nominal rank; a dominating unit always
// first; indices in [0, 1], 0 for an input that cannot move a rank, 1 for the only one that
// varies), each draw's ranks against the one-off rankings of ranking.hpp, and exact attribution.

#include <civitas/core/error.hpp>
#include <civitas/methods/attribution.hpp>
#include <civitas/methods/ranking.hpp>
#include <civitas/methods/uncertainty.hpp>

#include "support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace civitas;

namespace {

using civitas::test::error_path;

using civitas::test::chinese_error;

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Vector = Eigen::VectorXd;

/// Positive values on mixed scales, seeded.
RowMajor make_x(Eigen::Index units, Eigen::Index criteria, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::lognormal_distribution<double> value(0.0, 0.5);
    RowMajor x(units, criteria);
    for (Eigen::Index j = 0; j < criteria; ++j) {
        const double scale = std::pow(10.0, static_cast<double>(j % 4) - 1.0);
        for (Eigen::Index i = 0; i < units; ++i) x(i, j) = value(rng) * scale;
    }
    return x;
}

Vector make_weights(Eigen::Index criteria, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> unit(0.2, 1.0);
    Vector w(criteria);
    for (Eigen::Index j = 0; j < criteria; ++j) w[j] = unit(rng);
    return w / w.sum();
}

Benefit mixed_benefit(Eigen::Index criteria) {
    Benefit b(static_cast<std::size_t>(criteria), true);
    for (std::size_t j = 1; j < b.size(); j += 3) b[j] = false;
    return b;
}

/// Every option varied at once: the hardest case for determinism.
UncertaintyOptions everything(int draws, int threads) {
    UncertaintyOptions o;
    o.draws = draws;
    o.seed = 42;
    o.concentration = 40.0;
    o.normalizations = {Normalization::vector, Normalization::min_max};
    o.methods = {RankingMethod::topsis, RankingMethod::weighted_sum, RankingMethod::vikor};
    o.drop_probability = 0.3;
    o.drop_one = true;
    o.top_k = 5;
    o.pass_threshold = 0.5;
    o.keep_ranks = true;
    o.threads = threads;
    return o;
}

void expect_same(const RankUncertainty& a, const RankUncertainty& b) {
    EXPECT_EQ(a.nominal_rank, b.nominal_rank);
    EXPECT_EQ(a.median_rank, b.median_rank);
    EXPECT_EQ(a.rank_low, b.rank_low);
    EXPECT_EQ(a.rank_high, b.rank_high);
    EXPECT_EQ(a.mean_rank, b.mean_rank);
    EXPECT_EQ(a.p_top_k, b.p_top_k);
    EXPECT_EQ(a.p_pass, b.p_pass);
    EXPECT_EQ(a.first_order, b.first_order);  // exact: not within a tolerance
    EXPECT_EQ(a.first_order_by_unit, b.first_order_by_unit);
    EXPECT_EQ(a.weight_first_order, b.weight_first_order);
    EXPECT_EQ(a.drop_one_ranks, b.drop_one_ranks);
    EXPECT_EQ(a.weights, b.weights);
    EXPECT_EQ(a.normalization, b.normalization);
    EXPECT_EQ(a.method, b.method);
    EXPECT_EQ(a.dropped, b.dropped);
    EXPECT_EQ(a.ranks, b.ranks);
}

/// The weights of draw d with its dropped criterion left out, summing to 1.
Vector effective(const RankUncertainty& r, Eigen::Index d) {
    Vector w = r.weights.row(d).transpose();
    if (r.dropped[d] >= 0) w[r.dropped[d]] = 0.0;
    return w / w.sum();
}

/// Min-max normalised values, 1 at each criterion's best (a constant column: 1).
Eigen::MatrixXd min_max(const RowMajor& x, const Benefit& benefit) {
    Eigen::MatrixXd r(x.rows(), x.cols());
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
        const double low = x.col(j).minCoeff(), high = x.col(j).maxCoeff();
        for (Eigen::Index i = 0; i < x.rows(); ++i)
            r(i, j) = high > low ? (benefit[static_cast<std::size_t>(j)] ? x(i, j) - low : high - x(i, j)) / (high - low) : 1.0;
    }
    return r;
}

}  // namespace

// ---- determinism ---------------------------------------------------------------------------------

TEST(RankUncertainty, IdenticalWithOneTwoAndFourThreads) {
    const RowMajor x = make_x(150, 9, 1);
    const Vector w = make_weights(9, 2);
    const Benefit b = mixed_benefit(9);
    const RankUncertainty one = rank_uncertainty(x, w, b, everything(333, 1));
    const RankUncertainty two = rank_uncertainty(x, w, b, everything(333, 2));
    const RankUncertainty four = rank_uncertainty(x, w, b, everything(333, 4));
    expect_same(one, two);
    expect_same(one, four);
}

TEST(RankUncertainty, IdenticalAcrossThreadsOnEverySimdPathAndAcrossPaths) {
    // On each path: the same bits with one, two and four threads. Across paths the scores differ by
    // rounding (the AVX2 product fuses multiply and add: a relative 1e-13 at most here), so the
    // ranks, and every statistic of them, agree exactly unless two units' scores are that close,
    // which these seeded values are not; the draws themselves do not depend on the path.
    const RowMajor x = make_x(203, 11, 1);
    const Vector w = make_weights(11, 2);
    const Benefit b = mixed_benefit(11);
    test::SimdPathGuard guard;
    use_simd_path(SimdPath::baseline);
    const RankUncertainty base = rank_uncertainty(x, w, b, everything(333, 1));
    for (const SimdPath path : available_simd_paths()) {
        SCOPED_TRACE(to_string(path));
        use_simd_path(path);
        const RankUncertainty one = rank_uncertainty(x, w, b, everything(333, 1));
        expect_same(one, rank_uncertainty(x, w, b, everything(333, 2)));
        expect_same(one, rank_uncertainty(x, w, b, everything(333, 4)));
        expect_same(one, base);
    }
}

TEST(RankUncertainty, SameSeedSameResultOtherSeedOtherDraws) {
    const RowMajor x = make_x(60, 6, 3);
    const Vector w = make_weights(6, 4);
    UncertaintyOptions o = everything(200, 2);
    const RankUncertainty a = rank_uncertainty(x, w, mixed_benefit(6), o);
    const RankUncertainty again = rank_uncertainty(x, w, mixed_benefit(6), o);
    expect_same(a, again);
    o.seed = 43;
    const RankUncertainty other = rank_uncertainty(x, w, mixed_benefit(6), o);
    EXPECT_NE(a.weights, other.weights);
    // Column-major input reads the same numbers: the same result.
    const Eigen::MatrixXd column_major = x;
    o.seed = 42;
    expect_same(a, rank_uncertainty(column_major, w, mixed_benefit(6), o));
}

// ---- laws --------------------------------------------------------------------------------------------

TEST(RankUncertainty, WithoutPerturbationEveryDrawIsTheNominalRanking) {
    const RowMajor x = make_x(80, 7, 5);
    const Vector w = make_weights(7, 6);
    const Benefit b = mixed_benefit(7);
    for (RankingMethod method : {RankingMethod::topsis, RankingMethod::weighted_sum, RankingMethod::vikor}) {
        UncertaintyOptions o;
        o.draws = 50;
        o.perturbation = WeightPerturbation::none;
        o.methods = {method};
        o.top_k = 10;
        const RankUncertainty r = rank_uncertainty(x, w, b, o);
        EXPECT_EQ(r.rank_low, r.nominal_rank) << to_string(method);
        EXPECT_EQ(r.rank_high, r.nominal_rank) << to_string(method);
        EXPECT_EQ(r.median_rank, r.nominal_rank.cast<double>()) << to_string(method);
        for (Eigen::Index i = 0; i < r.p_top_k.size(); ++i) {
            EXPECT_TRUE(r.p_top_k[i] == 0.0 || r.p_top_k[i] == 1.0);
            EXPECT_EQ(r.p_top_k[i] == 1.0, r.nominal_rank[i] <= 10);
        }
        EXPECT_EQ(r.first_order, Vector::Zero(4)) << "nothing varies, nothing is attributed";
    }
}

TEST(RankUncertainty, NominalRankIsTheOneOffRanking) {
    const RowMajor x = make_x(120, 8, 7);
    const Vector w = make_weights(8, 8);
    const Benefit b = mixed_benefit(8);
    UncertaintyOptions o;
    o.draws = 10;
    EXPECT_EQ(rank_uncertainty(x, w, b, o).nominal_rank, rank(topsis(x, w, b)));
    o.normalizations = {Normalization::min_max};
    EXPECT_EQ(rank_uncertainty(x, w, b, o).nominal_rank, rank(topsis(x, w, b, Normalization::min_max)));
    o.methods = {RankingMethod::vikor};
    EXPECT_EQ(rank_uncertainty(x, w, b, o).nominal_rank, rank(vikor(x, w, b).q, RankMethod::min, true));
    o.methods = {RankingMethod::weighted_sum};
    EXPECT_EQ(rank_uncertainty(x, w, b, o).nominal_rank, rank(weighted_sum(min_max(x, b), w)));
}

TEST(RankUncertainty, EachDrawRanksAsTheOneOffMethodsWithItsWeights) {
    const RowMajor x = make_x(70, 6, 9);
    const Vector w = make_weights(6, 10);
    const Benefit b = mixed_benefit(6);
    const RankUncertainty r = rank_uncertainty(x, w, b, everything(120, 2));
    int checked = 0;
    for (Eigen::Index d = 0; d < r.draws; ++d) {
        const Vector wd = effective(r, d);
        const auto k = static_cast<std::size_t>(d);
        Eigen::VectorXi expected;
        switch (r.method[k]) {
        case RankingMethod::topsis: expected = rank(topsis(x, wd, b, r.normalization[k])); break;
        case RankingMethod::weighted_sum: expected = rank(weighted_sum(min_max(x, b), wd)); break;
        case RankingMethod::vikor: expected = rank(vikor(x, wd, b).q, RankMethod::min, true); break;
        default: ADD_FAILURE() << "a method not drawn from"; break;
        }
        EXPECT_EQ(Eigen::VectorXi(r.ranks.row(d).transpose().cast<int>()), expected) << "draw " << d;
        ++checked;
    }
    EXPECT_EQ(checked, 120);
    // All three methods, both normalisations and some drops occurred.
    EXPECT_GT((r.dropped.array() >= 0).count(), 10);
    EXPECT_NE(std::count(r.method.begin(), r.method.end(), RankingMethod::vikor), 0);
    EXPECT_NE(std::count(r.normalization.begin(), r.normalization.end(), Normalization::min_max), 0);
}

TEST(RankUncertainty, TheOtherMethodsDrawAsTheirFunctions) {
    // WASPAS, EDAS, COPRAS, SPOTIS, CoCoSo and PROMETHEE (V-shape) in the draws rank as their own
    // functions do with the draw's weights (drops included: a dropped criterion has weight 0).
    const RowMajor x = make_x(60, 6, 21);
    const Vector w = make_weights(6, 22);
    const Benefit b = mixed_benefit(6);
    UncertaintyOptions o;
    o.draws = 150;
    o.seed = 5;
    o.concentration = 30.0;
    o.methods = {RankingMethod::waspas, RankingMethod::edas, RankingMethod::copras, RankingMethod::spotis,
                 RankingMethod::cocoso, RankingMethod::promethee};
    o.preferences = {PreferenceFunction{PreferenceShape::v_shape, 0.0, 0.3, 0.0}};
    o.drop_probability = 0.2;
    o.keep_ranks = true;
    o.threads = 2;
    const RankUncertainty r = rank_uncertainty(x, w, b, o);
    std::set<RankingMethod> seen;
    for (Eigen::Index d = 0; d < r.draws; ++d) {
        const Vector wd = effective(r, d);
        const auto k = static_cast<std::size_t>(d);
        Vector scores;
        bool ascending = false;
        switch (r.method[k]) {
        case RankingMethod::waspas: scores = waspas(x, wd, b); break;
        case RankingMethod::edas: scores = edas(x, wd, b); break;
        case RankingMethod::copras: scores = copras(x, wd, b); break;
        case RankingMethod::spotis: scores = spotis(x, wd, b), ascending = true; break;
        case RankingMethod::cocoso: scores = cocoso(x, wd, b); break;
        case RankingMethod::promethee: scores = promethee(x, wd, b, o.preferences).net; break;
        default: ADD_FAILURE() << "a method not drawn from"; continue;
        }
        seen.insert(r.method[k]);
        EXPECT_EQ(Eigen::VectorXi(r.ranks.row(d).transpose().cast<int>()), rank(scores, RankMethod::min, ascending))
            << "draw " << d << ", " << to_string(r.method[k]);
    }
    EXPECT_EQ(seen.size(), 6U);
    // The nominal ranking is each first method's own.
    o.methods = {RankingMethod::promethee};
    EXPECT_EQ(rank_uncertainty(x, w, b, o).nominal_rank, rank(promethee(x, w, b, o.preferences).net));
    o.methods = {RankingMethod::spotis};
    EXPECT_EQ(rank_uncertainty(x, w, b, o).nominal_rank, rank(spotis(x, w, b), RankMethod::min, true));
}

TEST(RankUncertainty, EachMethodsInputRulesApply) {
    RowMajor x = make_x(10, 3, 4);
    const Vector w = make_weights(3, 5);
    UncertaintyOptions o;
    o.draws = 5;
    x(2, 1) = 0.0;  // a cost value of 0
    const auto path = [&](RankingMethod m) {
        o.methods = {m};
        try {
            (void)rank_uncertainty(x, w, mixed_benefit(3), o);
        } catch (const ValidationError& e) {
            return e.path();
        }
        return std::string("(no error)");
    };
    EXPECT_EQ(path(RankingMethod::waspas), "x[2, 1]");
    EXPECT_EQ(path(RankingMethod::copras), "x[2, :]");  // copras() itself: unit 2 has no weighted cost
    EXPECT_EQ(path(RankingMethod::spotis), "(no error)");
    // With two cost criteria copras() accepts the 0, but a draw may weigh that criterion alone.
    RowMajor wider = make_x(10, 5, 4);
    wider(2, 1) = 0.0;
    o.methods = {RankingMethod::copras};
    try {
        (void)copras(wider, make_weights(5, 5), mixed_benefit(5));
        (void)rank_uncertainty(wider, make_weights(5, 5), mixed_benefit(5), o);
        ADD_FAILURE() << "no error";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.path(), "x[2, 1]");
        EXPECT_NE(std::string(e.what()).find("COPRAS in rank_uncertainty needs cost values > 0"), std::string::npos);
    }
    o.preferences = {PreferenceFunction{PreferenceShape::gaussian, 0.0, 0.0, 0.0}};
    EXPECT_EQ(path(RankingMethod::promethee), "preferences[0].s");
}

TEST(RankUncertainty, StatisticsAreTheDocumentedOrderStatistics) {
    const RowMajor x = make_x(40, 5, 11);
    const Vector w = make_weights(5, 12);
    for (int draws : {1, 2, 7, 20, 101}) {
        UncertaintyOptions o = everything(draws, 2);
        o.concentration = 5.0;
        const RankUncertainty r = rank_uncertainty(x, w, mixed_benefit(5), o);
        const int low = (5 * draws + 99) / 100 - 1, high = (95 * draws + 99) / 100 - 1;
        for (Eigen::Index i = 0; i < x.rows(); ++i) {
            std::vector<int> y;
            for (Eigen::Index d = 0; d < draws; ++d) y.push_back(r.ranks(d, i));
            std::sort(y.begin(), y.end());
            const double median = 0.5 * (y[static_cast<std::size_t>((draws - 1) / 2)] + y[static_cast<std::size_t>(draws / 2)]);
            EXPECT_EQ(r.median_rank[i], median);
            EXPECT_EQ(r.rank_low[i], y[static_cast<std::size_t>(low)]);
            EXPECT_EQ(r.rank_high[i], y[static_cast<std::size_t>(high)]);
            EXPECT_EQ(r.p_top_k[i], static_cast<double>(std::count_if(y.begin(), y.end(), [](int v) { return v <= 5; })) / draws);
            EXPECT_LE(r.rank_low[i], r.median_rank[i]);
            EXPECT_GE(r.rank_high[i], r.median_rank[i]);
        }
    }
}

TEST(RankUncertainty, PassIsTheShareOfDrawsScoringAtLeastTheThreshold) {
    const RowMajor x = make_x(50, 5, 13);
    const Vector w = make_weights(5, 14);
    const Benefit b = mixed_benefit(5);
    UncertaintyOptions o;
    o.draws = 64;
    o.pass_threshold = 0.45;
    o.concentration = 10.0;
    const RankUncertainty r = rank_uncertainty(x, w, b, o);
    Eigen::VectorXd passes = Eigen::VectorXd::Zero(50);
    for (Eigen::Index d = 0; d < o.draws; ++d)
        passes += (topsis(x, effective(r, d), b).array() >= 0.45).cast<double>().matrix();
    EXPECT_EQ(r.p_pass, passes / o.draws);
    EXPECT_GT(r.p_pass.maxCoeff(), 0.0);
    EXPECT_LT(r.p_pass.minCoeff(), 1.0);
}

TEST(RankUncertainty, ADominatingUnitIsAlwaysFirst) {
    RowMajor x = make_x(60, 6, 15);
    const Benefit b = mixed_benefit(6);
    for (Eigen::Index j = 0; j < 6; ++j)  // row 0: strictly best on every criterion
        x(0, j) = b[static_cast<std::size_t>(j)] ? x.col(j).maxCoeff() * 1.5 : x.col(j).minCoeff() * 0.5;
    const RankUncertainty r = rank_uncertainty(x, make_weights(6, 16), b, everything(200, 2));
    EXPECT_EQ(r.nominal_rank[0], 1);
    EXPECT_EQ(r.median_rank[0], 1.0);
    EXPECT_EQ(r.rank_high[0], 1);
    EXPECT_EQ(r.p_top_k[0], 1.0);
    EXPECT_TRUE((r.drop_one_ranks.row(0).array() == 1).all());
}

TEST(RankUncertainty, TheOnlyVaryingInputExplainsEverything) {
    const RowMajor x = make_x(80, 6, 17);
    const Vector w = make_weights(6, 18);
    UncertaintyOptions o;
    o.draws = 300;
    o.perturbation = WeightPerturbation::none;
    o.methods = {RankingMethod::topsis, RankingMethod::vikor};
    const RankUncertainty r = rank_uncertainty(x, w, mixed_benefit(6), o);
    EXPECT_NEAR(r.first_order[static_cast<int>(UncertainFactor::method)], 1.0, 1e-12);
    EXPECT_EQ(r.first_order[static_cast<int>(UncertainFactor::weights)], 0.0);
    EXPECT_EQ(r.first_order[static_cast<int>(UncertainFactor::normalization)], 0.0);
    EXPECT_EQ(r.first_order[static_cast<int>(UncertainFactor::dropped_indicator)], 0.0);
}

TEST(RankUncertainty, AFactorThatCannotMoveARankScoresNearZero) {
    // The normalisation only matters to TOPSIS: with the weighted sum alone it changes nothing.
    const RowMajor x = make_x(100, 6, 19);
    const Vector w = make_weights(6, 20);
    UncertaintyOptions o;
    o.draws = 600;
    o.concentration = 30.0;
    o.methods = {RankingMethod::weighted_sum};
    o.normalizations = {Normalization::vector, Normalization::min_max};
    o.drop_probability = 0.5;
    const RankUncertainty r = rank_uncertainty(x, w, mixed_benefit(6), o);
    const double normalization = r.first_order[static_cast<int>(UncertainFactor::normalization)];
    EXPECT_GE(normalization, 0.0);
    EXPECT_LT(normalization, 0.01);
    EXPECT_GT(r.first_order[static_cast<int>(UncertainFactor::weights)], 0.05);
    EXPECT_GT(r.first_order[static_cast<int>(UncertainFactor::dropped_indicator)], 0.05);
    for (Eigen::Index f = 0; f < 4; ++f) {
        EXPECT_GE(r.first_order[f], 0.0);
        EXPECT_LE(r.first_order[f], 1.0);
    }
    EXPECT_TRUE((r.first_order_by_unit.array() >= 0.0).all() && (r.first_order_by_unit.array() <= 1.0).all());
    EXPECT_TRUE((r.weight_first_order.array() >= 0.0).all() && (r.weight_first_order.array() <= 1.0).all());
    // The group's index is the sum of the single weights' (before clipping each).
    EXPECT_GE(r.first_order[0] + 1e-12, r.weight_first_order.sum() - static_cast<double>(r.weight_first_order.size()) * 1e-3);
}

TEST(RankUncertainty, AHeavierWeightMattersMore) {
    // Criterion 0 carries most of the weight; its weight's index is the largest.
    const RowMajor x = make_x(100, 4, 21);
    Vector w(4);
    w << 0.55, 0.15, 0.15, 0.15;
    UncertaintyOptions o;
    o.draws = 900;
    o.perturbation = WeightPerturbation::uniform;
    o.share = 0.5;
    const RankUncertainty r = rank_uncertainty(x, w, {}, o);
    Eigen::Index top = 0;
    r.weight_first_order.maxCoeff(&top);
    EXPECT_EQ(top, 0) << r.weight_first_order.transpose();
    EXPECT_GT(r.first_order[0], 0.5);
}

TEST(RankUncertainty, DirichletDrawsHaveTheNominalMeanAndTheDocumentedVariance) {
    const RowMajor x = make_x(5, 4, 23);
    Vector w(4);
    w << 0.4, 0.3, 0.2, 0.1;
    UncertaintyOptions o;
    o.draws = 20000;
    o.concentration = 50.0;
    o.sensitivity = false;
    const RankUncertainty r = rank_uncertainty(x, w, {}, o);
    for (Eigen::Index j = 0; j < 4; ++j) {
        const Eigen::ArrayXd column = r.weights.col(j).array();
        const double mean = column.mean(), variance = (column - mean).square().mean();
        const double expected = w[j] * (1 - w[j]) / (o.concentration + 1);
        EXPECT_NEAR(mean, w[j], 4 * std::sqrt(expected / o.draws)) << j;
        EXPECT_NEAR(variance / expected, 1.0, 0.05) << j;
    }
    // Tiny shapes (concentration 0.01: alpha down to 0.001) still give weights summing to 1, no NaN.
    o.concentration = 0.01;
    o.draws = 200;
    const RankUncertainty tiny = rank_uncertainty(x, w, {}, o);
    EXPECT_TRUE(tiny.weights.allFinite());
    EXPECT_LT((tiny.weights.rowwise().sum().array() - 1.0).abs().maxCoeff(), 1e-12);
}

TEST(RankUncertainty, UniformDrawsStayWithinTheShare) {
    const RowMajor x = make_x(5, 3, 25);
    Vector w(3);
    w << 0.5, 0.3, 0.2;
    UncertaintyOptions o;
    o.draws = 2000;
    o.perturbation = WeightPerturbation::uniform;
    o.share = 0.25;
    o.sensitivity = false;
    const RankUncertainty r = rank_uncertainty(x, w, {}, o);
    const double widest = 1.25 / 0.75;  // one weight up by the share, another down
    for (Eigen::Index d = 0; d < o.draws; ++d) {
        EXPECT_NEAR(r.weights.row(d).sum(), 1.0, 1e-12);
        for (Eigen::Index j = 1; j < 3; ++j) {
            const double ratio = (r.weights(d, j) / r.weights(d, 0)) / (w[j] / w[0]);
            EXPECT_LE(ratio, widest + 1e-12);
            EXPECT_GE(ratio, 1 / widest - 1e-12);
        }
    }
}

TEST(RankUncertainty, DropOneRanksAsTheMatrixWithoutThatCriterion) {
    const RowMajor x = make_x(90, 6, 27);
    const Vector w = make_weights(6, 28);
    const Benefit b = mixed_benefit(6);
    UncertaintyOptions o;
    o.draws = 5;
    o.drop_one = true;
    const RankUncertainty r = rank_uncertainty(x, w, b, o);
    ASSERT_EQ(r.drop_one_ranks.rows(), 90);
    ASSERT_EQ(r.drop_one_ranks.cols(), 6);
    for (Eigen::Index j = 0; j < 6; ++j) {
        RowMajor without(90, 5);
        Vector wj(5);
        Benefit bj;
        for (Eigen::Index k = 0, c = 0; k < 6; ++k) {
            if (k == j) continue;
            without.col(c) = x.col(k);
            wj[c] = w[k];
            bj.push_back(b[static_cast<std::size_t>(k)]);
            ++c;
        }
        EXPECT_EQ(Eigen::VectorXi(r.drop_one_ranks.col(j)), rank(topsis(without, wj / wj.sum(), bj))) << j;
    }
}

TEST(RankUncertainty, NeverANaN) {
    // A constant column, a zero weight, ties between identical units.
    RowMajor x = make_x(30, 5, 29);
    x.col(2).setConstant(3.0);
    x.row(7) = x.row(3);
    Vector w(5);
    w << 0.3, 0.2, 0.2, 0.3, 0.0;
    const RankUncertainty r = rank_uncertainty(x, w, mixed_benefit(5), everything(150, 2));
    EXPECT_TRUE(r.median_rank.allFinite() && r.p_top_k.allFinite() && r.p_pass.allFinite());
    EXPECT_TRUE(r.first_order.allFinite() && r.first_order_by_unit.allFinite() && r.weight_first_order.allFinite());
    EXPECT_EQ(r.ranks.col(7), r.ranks.col(3)) << "identical units tie in every draw";
    EXPECT_TRUE((r.weights.col(4).array() == 0.0).all()) << "a zero weight stays 0";
    EXPECT_EQ(r.weight_first_order[4], 0.0);
    EXPECT_FALSE(to_string(r).empty());
}

TEST(RankUncertainty, BadInputNamesTheArgument) {
    const RowMajor x = make_x(10, 3, 31);
    const Vector w = make_weights(3, 32);
    const auto path = [&](auto change) {
        UncertaintyOptions o;
        o.draws = 10;
        change(o);
        return error_path([&] { (void)rank_uncertainty(x, w, {}, o); });
    };
    EXPECT_EQ(path([](UncertaintyOptions& o) { o.draws = 0; }), "draws");
    EXPECT_EQ(path([](UncertaintyOptions& o) { o.concentration = 0.0; }), "concentration");
    EXPECT_EQ(path([](UncertaintyOptions& o) { o.concentration = -1.0; }), "concentration");
    EXPECT_EQ(path([](UncertaintyOptions& o) { o.concentration = std::nan(""); }), "concentration");
    EXPECT_EQ(path([](UncertaintyOptions& o) { o.share = 0.0; }), "share");
    EXPECT_EQ(path([](UncertaintyOptions& o) { o.share = 1.0; }), "share");
    EXPECT_EQ(path([](UncertaintyOptions& o) { o.top_k = 0; }), "top_k");
    EXPECT_EQ(path([](UncertaintyOptions& o) { o.top_k = 11; }), "top_k");
    EXPECT_EQ(path([](UncertaintyOptions& o) { o.drop_probability = 1.0; }), "drop_probability");
    EXPECT_EQ(path([](UncertaintyOptions& o) { o.pass_threshold = std::nan(""); }), "pass_threshold");
    EXPECT_EQ(path([](UncertaintyOptions& o) { o.methods.clear(); }), "methods");
    EXPECT_EQ(path([](UncertaintyOptions& o) { o.normalizations.clear(); }), "normalizations");
    UncertaintyOptions few;
    few.draws = 10;
    few.top_k = 11;
    EXPECT_EQ(chinese_error([&] { (void)rank_uncertainty(x, w, {}, few); }), "top_k: 取值 11；k 应在 [1, 10] 内（10 为评价对象个数）");
    few.top_k = 1;
    few.draws = 0;
    EXPECT_EQ(chinese_error([&] { (void)rank_uncertainty(x, w, {}, few); }), "draws: 取值 0；抽样次数应至少为 1");
    EXPECT_EQ(path([](UncertaintyOptions& o) { o.vikor_v = 1.5; }), "vikor_v");
    EXPECT_EQ(path([](UncertaintyOptions& o) { o.threads = -1; }), "threads");
    EXPECT_EQ(path([](UncertaintyOptions&) {}), "(no error)");

    EXPECT_EQ(error_path([&] { (void)rank_uncertainty(x, Vector(w * 0.9), {}, {}); }), "weights");
    EXPECT_EQ(error_path([&] { (void)rank_uncertainty(x, make_weights(4, 1), {}, {}); }), "weights");
    Vector negative = w;
    negative[0] = -0.1;
    negative[1] += 0.1 + w[0];
    EXPECT_EQ(error_path([&] { (void)rank_uncertainty(x, negative, {}, {}); }), "weights[0]");
    EXPECT_EQ(error_path([&] { (void)rank_uncertainty(x, w, Benefit{true}, {}); }), "benefit");
    RowMajor bad = x;
    bad(4, 1) = std::nan("");
    EXPECT_EQ(error_path([&] { (void)rank_uncertainty(bad, w, {}, {}); }), "x[4, 1]");
    // One varying criterion cannot survive being dropped.
    RowMajor flat = x;
    flat.col(1).setConstant(2.0);
    flat.col(2).setConstant(2.0);
    UncertaintyOptions drop;
    drop.drop_one = true;
    EXPECT_EQ(error_path([&] { (void)rank_uncertainty(flat, w, {}, drop); }), "x");
}

// ---- obstacle degree --------------------------------------------------------------------------------

TEST(ObstacleDegree, IsTheWeightedShortfallShare) {
    // Worked by hand: w = (0.5, 0.3, 0.2), r = (0.6, 0.2, 1.0): shortfalls 0.2, 0.24, 0 of 0.44.
    Eigen::MatrixXd r(2, 3);
    r << 0.6, 0.2, 1.0,  //
        1.0, 1.0, 1.0;   // nothing short: all 0
    Vector w(3);
    w << 0.5, 0.3, 0.2;
    const Eigen::MatrixXd o = obstacle_degree(r, w);
    EXPECT_NEAR(o(0, 0), 0.2 / 0.44, 1e-15);
    EXPECT_NEAR(o(0, 1), 0.24 / 0.44, 1e-15);
    EXPECT_EQ(o(0, 2), 0.0);
    EXPECT_NEAR(o.row(0).sum(), 1.0, 1e-15);
    EXPECT_EQ(o.row(1), Eigen::RowVector3d::Zero());
}

TEST(ObstacleDegree, MatchesTheEvaluationsObstacle) {
    using namespace civitas::test;
    const Framework f(flat_spec({with_rule(higher("a", 10.0, 2.0), proportional()),
                                 with_rule(lower("b", 5.0, 1.0), proportional()), higher("c", 1.0, 1.0)}));
    const Evaluation e = f.evaluate({{"a", 6.0}, {"b", 8.0}, {"c", 0.0}});
    Eigen::MatrixXd r(1, 3);
    Vector w(3);
    for (Eigen::Index j = 0; j < 3; ++j) {
        r(0, j) = e.indicators[static_cast<std::size_t>(j)].score;
        w[j] = f.effective_weights()[static_cast<std::size_t>(j)];
    }
    const Eigen::MatrixXd o = obstacle_degree(r, w);
    for (Eigen::Index j = 0; j < 3; ++j) EXPECT_NEAR(o(0, j), e.indicators[static_cast<std::size_t>(j)].obstacle, 1e-12) << j;
}

TEST(ObstacleDegree, BadInputNamesTheArgument) {
    Eigen::MatrixXd r(1, 2);
    r << 0.5, 1.2;
    Vector w(2);
    w << 0.5, 0.5;
    EXPECT_EQ(error_path([&] { (void)obstacle_degree(r, w); }), "r[0, 1]");
    EXPECT_EQ(chinese_error([&] { (void)obstacle_degree(r, w); }), "r[0, 1]: 取值 1.2；应为 [0, 1] 内的归一化值（1 为最好）");
    r(0, 1) = std::nan("");
    EXPECT_EQ(error_path([&] { (void)obstacle_degree(r, w); }), "r[0, 1]");
    r(0, 1) = 0.5;
    EXPECT_EQ(error_path([&] { (void)obstacle_degree(r, Vector(w * 2)); }), "weights");
    EXPECT_EQ(error_path([&] { (void)obstacle_degree(r, Vector::Ones(3) / 3); }), "weights");
}

// ---- score change attribution ----------------------------------------------------------------------

TEST(Attribution, WorkedExampleIsTheShapleySplit) {
    // Worked by hand: w 0.5 -> 0.6 and 0.5 -> 0.4; r 0.4 -> 0.7 and 0.8 -> 0.8.
    // Score 0.6 -> 0.74. Indicator 0: value first 0.5 x 0.3 = 0.15 then weight 0.1 x 0.7 = 0.07;
    // weight first 0.1 x 0.4 = 0.04 then value 0.6 x 0.3 = 0.18. Shapley: the mean of the two
    // orders (Shorrocks 2013), value 0.165, weight 0.055. Indicator 1: weight -0.1 x 0.8 = -0.08.
    Eigen::MatrixXd r0(1, 2), r1(1, 2);
    r0 << 0.4, 0.8;
    r1 << 0.7, 0.8;
    Vector w0(2), w1(2);
    w0 << 0.5, 0.5;
    w1 << 0.6, 0.4;
    const ScoreChangeAttribution a = score_change_attribution(r0, r1, w0, w1);
    EXPECT_NEAR(a.before[0], 0.6, 1e-15);
    EXPECT_NEAR(a.after[0], 0.74, 1e-15);
    EXPECT_NEAR(a.change[0], 0.14, 1e-15);
    EXPECT_NEAR(a.value_effect(0, 0), 0.165, 1e-15);
    EXPECT_NEAR(a.weight_effect(0, 0), 0.055, 1e-15);
    EXPECT_NEAR(a.value_effect(0, 1), 0.0, 1e-15);
    EXPECT_NEAR(a.weight_effect(0, 1), -0.08, 1e-15);
    // The same as averaging the two orders of change, computed directly.
    for (Eigen::Index j = 0; j < 2; ++j) {
        const double value_first = w0[j] * (r1(0, j) - r0(0, j)), weight_then = (w1[j] - w0[j]) * r1(0, j);
        const double weight_first = (w1[j] - w0[j]) * r0(0, j), value_then = w1[j] * (r1(0, j) - r0(0, j));
        EXPECT_NEAR(a.value_effect(0, j), 0.5 * (value_first + value_then), 1e-15);
        EXPECT_NEAR(a.weight_effect(0, j), 0.5 * (weight_then + weight_first), 1e-15);
    }
}

TEST(Attribution, ContributionsAddUpToTheChange) {
    std::mt19937_64 rng(33);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    Eigen::MatrixXd r0(40, 12), r1(40, 12);
    for (Eigen::Index i = 0; i < 40; ++i)
        for (Eigen::Index j = 0; j < 12; ++j) {
            r0(i, j) = unit(rng);
            r1(i, j) = unit(rng);
        }
    const Vector w0 = make_weights(12, 34), w1 = make_weights(12, 35);
    const ScoreChangeAttribution a = score_change_attribution(r0, r1, w0, w1);
    for (Eigen::Index i = 0; i < 40; ++i) {
        EXPECT_NEAR(a.contribution.row(i).sum(), a.change[i], 1e-14) << i;
        EXPECT_NEAR(a.after[i] - a.before[i], a.change[i], 0.0);
    }
    // One set of weights: no weight effect, and each contribution is w_j times the value change.
    const ScoreChangeAttribution same = score_change_attribution(r0, r1, w0);
    EXPECT_EQ(same.weight_effect, Eigen::MatrixXd::Zero(40, 12));
    for (Eigen::Index j = 0; j < 12; ++j)
        EXPECT_EQ(same.contribution.col(j), Eigen::VectorXd((r1.col(j) - r0.col(j)) * w0[j]));
    EXPECT_FALSE(to_string(a).empty());
}

TEST(Attribution, BadInputNamesTheArgument) {
    const Eigen::MatrixXd r0 = Eigen::MatrixXd::Constant(2, 3, 0.5);
    const Vector w = Vector::Ones(3) / 3;
    EXPECT_EQ(error_path([&] { (void)score_change_attribution(r0, Eigen::MatrixXd::Zero(2, 2), w); }), "after");
    EXPECT_EQ(chinese_error([&] { (void)score_change_attribution(r0, Eigen::MatrixXd::Zero(2, 2), w); }),
              "after: 2 x 2 矩阵；应与 before 形状相同，为 2 x 3");
    EXPECT_EQ(error_path([&] { (void)score_change_attribution(r0, r0, Vector(w * 3)); }), "weights_before");
    EXPECT_EQ(error_path([&] { (void)score_change_attribution(r0, r0, w, Vector(Vector::Ones(3))); }), "weights_after");
    Eigen::MatrixXd bad = r0;
    bad(1, 2) = std::numeric_limits<double>::infinity();
    EXPECT_EQ(error_path([&] { (void)score_change_attribution(bad, r0, w); }), "before[1, 2]");
}

TEST(Attribution, EvaluationChangeIsThePointsDifferencePerIndicator) {
    using namespace civitas::test;
    const Framework f(spec_of({category("env", {with_rule(higher("green", 36.0), proportional()),
                                               with_rule(lower("pm25", 35.0), proportional())}, 2.0),
                               category("service", {higher("libraries", 1.0), yes_no("open_data")}, 1.0)}));
    const Evaluation round1 = f.evaluate({{"green", 30.0}, {"pm25", 50.0}, {"libraries", 0.0}, {"open_data", 1.0}});
    const Evaluation round2 = f.evaluate({{"green", 34.0}, {"pm25", 40.0}, {"libraries", 2.0}, {"open_data", 1.0}});
    const EvaluationChange c = score_change_attribution(round1, round2);
    ASSERT_EQ(c.indicators.size(), 4U);
    EXPECT_EQ(c.indicators[0], "green");
    for (Eigen::Index j = 0; j < 4; ++j) {
        const auto k = static_cast<std::size_t>(j);
        EXPECT_EQ(c.contribution[j], round2.indicators[k].points - round1.indicators[k].points);
        EXPECT_NEAR(c.value_effect[j] + c.weight_effect[j], c.contribution[j], 1e-12);
        EXPECT_EQ(c.weight_effect[j], 0.0) << "same framework, nothing skipped: max points unchanged";
    }
    EXPECT_EQ(c.contribution[3], 0.0);
    EXPECT_GT(c.contribution[2], 0.0);
    ASSERT_TRUE(c.total_change.has_value());
    EXPECT_NEAR(c.change, *c.total_change, 1e-9) << "arithmetic aggregation: points add up to the total";
    EXPECT_FALSE(to_string(c).empty());

    const Framework other(flat_spec({higher("x", 1.0)}));
    EXPECT_EQ(error_path([&] { (void)score_change_attribution(round1, other.evaluate({{"x", 1.0}})); }), "after");
}
