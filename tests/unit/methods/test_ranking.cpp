// Rankings: published worked examples (TOPSIS, VIKOR, grey relational analysis), tie rules of
// ranks and awards, laws that hold for any matrix, and the errors bad input gives.

#include <civitas/core/error.hpp>
#include <civitas/methods/ranking.hpp>

#include "support.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace civitas;

namespace {

using civitas::test::error_path;
using civitas::test::error_message;
using civitas::test::expect_all_near;
using civitas::test::vector_of;

using civitas::test::chinese_error;

using Matrix = Eigen::MatrixXd;
using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Vector = Eigen::VectorXd;

std::vector<int> to_vector(const Eigen::VectorXi& v) { return {v.data(), v.data() + v.size()}; }

/// Hwang & Yoon (1981), Multiple Attribute Decision Making: Methods and Applications, Springer,
/// pp. 128-134: four fighter aircraft on max speed (Mach), ferry range (NM), max payload (lb),
/// acquisition cost ($10^6, a cost), reliability and manoeuvrability (qualitative ratings on the
/// book's 1-9 interval scale: low 3, average 5, high 7, very high 9).
Matrix fighter_aircraft() {
    Matrix x(4, 6);
    x << 2.0, 1500, 20000, 5.5, 5, 9,  //
        2.5, 2700, 18000, 6.5, 3, 5,   //
        1.8, 2000, 21000, 4.5, 7, 7,   //
        2.2, 1800, 20000, 5.0, 5, 5;
    return x;
}
const Vector fighter_weights = vector_of({0.2, 0.1, 0.1, 0.1, 0.2, 0.3});
const Benefit fighter_benefit = {true, true, true, false, true, true};

/// A random matrix of positive values with mixed scales per column.
Matrix random_matrix(std::mt19937& rng, Eigen::Index rows, Eigen::Index cols) {
    std::uniform_real_distribution<double> unit(0.05, 1.0), magnitude(-2.0, 3.0);
    Matrix x(rows, cols);
    for (Eigen::Index j = 0; j < cols; ++j) {
        const double scale = std::pow(10.0, magnitude(rng));
        for (Eigen::Index i = 0; i < rows; ++i) x(i, j) = scale * unit(rng);
    }
    return x;
}

Vector random_weights(std::mt19937& rng, Eigen::Index n) {
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    Vector w(n);
    for (Eigen::Index j = 0; j < n; ++j) w[j] = unit(rng);
    return w / w.sum();
}

Benefit random_benefit(std::mt19937& rng, Eigen::Index n) {
    Benefit b(static_cast<std::size_t>(n));
    for (auto&& flag : b) flag = std::bernoulli_distribution(0.6)(rng);
    return b;
}

}  // namespace

// ---- TOPSIS: published examples ---------------------------------------------------------------------

TEST(Topsis, HwangYoonFighterAircraftExample) {
    // The book prints (p. 134) C* = 0.643, 0.268, 0.613, 0.312, so A1 > A3 > A4 > A2. It works
    // with values rounded to 4 decimals (A3 comes out at 0.6135 unrounded), hence 1e-3.
    const Vector c = topsis(fighter_aircraft(), fighter_weights, fighter_benefit);
    expect_all_near(c, vector_of({0.643, 0.268, 0.613, 0.312}), 1e-3);
    EXPECT_EQ(to_vector(rank(c)), (std::vector<int>{1, 4, 2, 3}));
}

TEST(Topsis, HwangYoonFighterAircraftSeparations) {
    // The book's separation measures (p. 133), to 4 decimals: S*_i and S-_i. Its normalised
    // matrix has a few slips in the fourth decimal (cost: 0.5063 for 0.5069), hence 1e-4.
    const TopsisPrepared prepared = prepare_topsis(fighter_aircraft(), fighter_benefit);
    const Eigen::MatrixX2d s = prepared.separations(fighter_weights);
    expect_all_near(s.col(0), vector_of({0.0545, 0.1197, 0.0580, 0.1009}), 1e-4);
    expect_all_near(s.col(1), vector_of({0.0983, 0.0439, 0.0920, 0.0458}), 1e-4);
}

TEST(Topsis, TzengHuangExample) {
    // Tzeng & Huang (2011), Multiple Attribute Decision Making: Methods and Applications, CRC
    // Press, TOPSIS example: four alternatives on three benefit criteria, weights 0.3, 0.4, 0.3;
    // relative closeness 0.5037, 0.6581, 0.7482, 0.3340 (as transcribed in scikit-criteria's
    // tests/agg/test_similarity.py::test_TOPSIS_tzeng2011multiple).
    Matrix x(4, 3);
    x << 5, 8, 4, 7, 6, 8, 8, 8, 6, 7, 4, 6;
    const Vector c = topsis(x, vector_of({0.3, 0.4, 0.3}));
    expect_all_near(c, vector_of({0.5037, 0.6581, 0.7482, 0.3340}), 1e-4);
    EXPECT_EQ(to_vector(rank(c)), (std::vector<int>{3, 2, 1, 4}));
}

// ---- TOPSIS: laws and reuse ---------------------------------------------------------------------------

TEST(Topsis, ClosenessInUnitIntervalAndIdealsReached) {
    std::mt19937 rng(11);
    for (int trial = 0; trial < 30; ++trial) {
        const Matrix x = random_matrix(rng, 40, 7);
        const Vector w = random_weights(rng, 7);
        const Benefit b = random_benefit(rng, 7);
        for (Normalization norm : {Normalization::vector, Normalization::min_max}) {
            const Vector c = topsis(x, w, b, norm);
            EXPECT_GE(c.minCoeff(), 0.0);
            EXPECT_LE(c.maxCoeff(), 1.0);
        }
    }
    // A unit at the ideal on every criterion has closeness 1; one at the anti-ideal, 0.
    Matrix x(3, 2);
    x << 9, 1, 5, 5, 1, 9;
    const Vector c = topsis(x, vector_of({0.5, 0.5}), {true, false});
    EXPECT_DOUBLE_EQ(c[0], 1.0);
    EXPECT_DOUBLE_EQ(c[2], 0.0);
}

TEST(Topsis, RanksUnchangedByPositiveScalingOfAColumn) {
    std::mt19937 rng(12);
    for (int trial = 0; trial < 30; ++trial) {
        Matrix x = random_matrix(rng, 25, 5);
        const Vector w = random_weights(rng, 5);
        const Benefit b = random_benefit(rng, 5);
        const Eigen::VectorXi before = rank(topsis(x, w, b), RankMethod::ordinal);
        x.col(trial % 5) *= std::pow(10.0, trial % 7 - 3) * 1.37;
        EXPECT_EQ(rank(topsis(x, w, b), RankMethod::ordinal), before) << "trial " << trial;
    }
}

TEST(Topsis, DominatingUnitRanksFirst) {
    std::mt19937 rng(13);
    for (int trial = 0; trial < 30; ++trial) {
        Matrix x = random_matrix(rng, 20, 6);
        const Benefit b = random_benefit(rng, 6);
        const Eigen::Index row = trial % 20;
        for (Eigen::Index j = 0; j < 6; ++j)  // at least as good as every other unit on every criterion
            x(row, j) = b[static_cast<std::size_t>(j)] ? x.col(j).maxCoeff() * 1.01 : x.col(j).minCoeff() * 0.99;
        for (Normalization norm : {Normalization::vector, Normalization::min_max}) {
            const Eigen::VectorXi r = rank(topsis(x, random_weights(rng, 6), b, norm));
            EXPECT_EQ(r[row], 1) << "trial " << trial;
        }
    }
}

TEST(Topsis, ConstantColumnUnderMinMaxContributesNothing) {
    std::mt19937 rng(14);
    const Matrix x = random_matrix(rng, 15, 4);
    Matrix with_constant(15, 5);
    with_constant << x.leftCols(2), Vector::Constant(15, 3.5), x.rightCols(2);
    const Vector w = vector_of({0.1, 0.2, 0.3, 0.25, 0.15});
    const Vector rest = vector_of({0.1, 0.2, 0.25, 0.15}) / 0.7;  // closeness does not depend on the weights' scale
    expect_all_near(topsis(with_constant, w, {}, Normalization::min_max), topsis(x, rest, {}, Normalization::min_max),
                1e-12);
}

TEST(Topsis, PreparedMatchesDirectForManyWeights) {
    std::mt19937 rng(15);
    const Matrix x = random_matrix(rng, 50, 8);
    const Benefit b = random_benefit(rng, 8);
    for (Normalization norm : {Normalization::vector, Normalization::min_max}) {
        const TopsisPrepared prepared(x, b, norm);
        Matrix draws(6, 8);
        for (Eigen::Index k = 0; k < draws.rows(); ++k) draws.row(k) = random_weights(rng, 8).transpose();
        const Matrix many = prepared.closeness_many(draws);
        ASSERT_EQ(many.rows(), 50);
        ASSERT_EQ(many.cols(), 6);
        for (Eigen::Index k = 0; k < draws.rows(); ++k) {
            const Vector w = draws.row(k).transpose();
            expect_all_near(many.col(k), topsis(x, w, b, norm), 1e-12);
            expect_all_near(prepared.closeness(w), topsis(x, w, b, norm), 1e-12);
        }
    }
}

TEST(Topsis, EverySimdPathGivesTheSameRanksAndClosenessWithinRounding) {
    // Tolerance 1e-12 on closeness (in [0, 1]): the AVX2 path fuses each multiply and add (FMA),
    // and its matrix product sums in another order than Eigen's on the baseline, so the sums of
    // squares differ by a few units in the last place (about 1e-15 relative for 37 criteria);
    // ranks agree unless two units are that close, which these seeded values are not. The AVX-512
    // path gives the AVX2 path's bits (the same fused operations in the same order, in blocks of
    // 16 units rather than 8). On one path a result is the same bits run to run. 301 units, 37
    // criteria and 7 draws leave tails to every block of the kernels.
    std::mt19937 rng(29);
    const Matrix x = random_matrix(rng, 301, 37);
    const Benefit b = random_benefit(rng, 37);
    const Vector w = random_weights(rng, 37);
    Matrix draws(7, 37);
    for (Eigen::Index k = 0; k < draws.rows(); ++k) draws.row(k) = random_weights(rng, 37).transpose();
    test::SimdPathGuard guard;
    for (Normalization norm : {Normalization::vector, Normalization::min_max}) {
        use_simd_path(SimdPath::baseline);
        const Vector base = topsis(x, w, b, norm);
        const Matrix base_many = TopsisPrepared(x, b, norm).closeness_many(draws);
        std::map<SimdPath, std::pair<Vector, Matrix>> by_path;
        for (const SimdPath path : available_simd_paths()) {
            SCOPED_TRACE(to_string(path));
            use_simd_path(path);
            const Vector direct = topsis(x, w, b, norm);
            EXPECT_EQ(direct, topsis(x, w, b, norm));
            expect_all_near(direct, base, 1e-12);
            EXPECT_EQ(rank(direct), rank(base));
            const TopsisPrepared prepared(x, b, norm);
            const Matrix many = prepared.closeness_many(draws);
            EXPECT_EQ(many, prepared.closeness_many(draws));
            for (Eigen::Index k = 0; k < draws.rows(); ++k) {
                expect_all_near(many.col(k), base_many.col(k), 1e-12);
                EXPECT_EQ(rank(many.col(k)), rank(base_many.col(k)));
            }
            by_path[path] = {direct, many};
        }
        if (by_path.count(SimdPath::avx512) != 0) {
            EXPECT_EQ(by_path[SimdPath::avx512].first, by_path[SimdPath::avx2_fma].first);
            EXPECT_EQ(by_path[SimdPath::avx512].second, by_path[SimdPath::avx2_fma].second);
        }
    }
}

TEST(Topsis, ReadsEveryLayoutAlike) {
    std::mt19937 rng(16);
    const Matrix x = random_matrix(rng, 30, 6);
    const RowMajor row_major = x;
    const Vector w = random_weights(rng, 6);
    const Vector expected = topsis(x, w);
    expect_all_near(topsis(row_major, w), expected, 1e-15);
    expect_all_near(topsis(x * 3.0, w), expected, 1e-12);  // an expression: evaluated once by the view
    const Matrix wide = random_matrix(rng, 30, 9);
    Matrix padded = wide;
    padded.leftCols(6) = x;
    expect_all_near(topsis(padded.leftCols(6), w), expected, 1e-15);  // a block with an outer stride
    expect_all_near(topsis(MatrixView(row_major), w), expected, 1e-15);  // the view evaluation and weights take
}

// ---- TOPSIS: bad input ---------------------------------------------------------------------------------------

TEST(Topsis, RejectsBadInputNamingTheLocation) {
    Matrix x = fighter_aircraft();
    EXPECT_EQ(error_path([&] { (void)topsis(x, vector_of({0.5, 0.5})); }), "weights");
    EXPECT_EQ(error_path([&] { (void)topsis(x, fighter_weights, {true, false}); }), "benefit");
    EXPECT_EQ(error_path([&] { (void)topsis(Matrix(0, 6), fighter_weights); }), "x");

    Matrix bad = x;
    bad(2, 4) = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(error_path([&] { (void)topsis(bad, fighter_weights); }), "x[2, 4]");
    EXPECT_NE(error_message([&] { (void)topsis(bad, fighter_weights); }).find("expected a finite number"),
              std::string::npos);
    bad(2, 4) = -std::numeric_limits<double>::infinity();
    EXPECT_EQ(error_path([&] { (void)topsis(bad, fighter_weights, {}, Normalization::min_max); }), "x[2, 4]");

    EXPECT_EQ(error_path([&] { (void)topsis(x, vector_of({0.3, 0.1, 0.1, 0.1, 0.5, -0.1})); }), "weights[5]");
    EXPECT_EQ(error_path([&] { (void)topsis(x, vector_of({0.2, 0.1, 0.1, 0.1, 0.2, 0.2})); }), "weights");
    EXPECT_NE(error_message([&] { (void)topsis(x, fighter_weights * 2.0); }).find("sum to 2"), std::string::npos);

    Matrix zero = x;
    zero.col(3).setZero();
    EXPECT_EQ(error_path([&] { (void)topsis(zero, fighter_weights); }), "x[:, 3]");
    EXPECT_NO_THROW((void)topsis(zero, fighter_weights, {}, Normalization::min_max));

    Matrix huge = x;
    huge(0, 1) = 1e200;
    EXPECT_EQ(error_path([&] { (void)topsis(huge, fighter_weights); }), "x[:, 1]");
}

TEST(Topsis, RejectsBadInputInChinese) {
    const Matrix x = fighter_aircraft();
    EXPECT_EQ(chinese_error([&] { (void)topsis(x, vector_of({0.5, 0.5})); }),
              "weights: 2 个权重对应 6 个评价指标（x 的列）；应每个评价指标一个权重");
    EXPECT_EQ(chinese_error([&] { (void)topsis(x, fighter_weights * 2.0); }),
              "weights: 权重之和为 2；应为 1（误差不超过 1e-6）: 请先将各权重除以其和");
    Matrix bad = x;
    bad(2, 4) = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(chinese_error([&] { (void)topsis(bad, fighter_weights); }), "x[2, 4]: 取值 nan（评价对象 2，评价指标 4）；应为有限数");
}

TEST(Topsis, RejectsUnitsNoWeightedCriterionSeparates) {
    Matrix x(3, 2);
    x << 1, 5, 2, 5, 3, 5;  // only column 0 varies, and it has no weight
    EXPECT_EQ(error_path([&] { (void)topsis(x, vector_of({0.0, 1.0})); }), "x");
    EXPECT_EQ(error_path([&] { (void)prepare_topsis(x).closeness(vector_of({0.0, 1.0})); }), "x");
    EXPECT_NO_THROW((void)topsis(x, vector_of({0.5, 0.5})));
    Matrix draws(2, 2);
    draws << 0.5, 0.5, 0.0, 1.0;
    EXPECT_EQ(error_path([&] { (void)prepare_topsis(x).closeness_many(draws); }), "x");
    draws(1, 0) = 0.7;
    EXPECT_EQ(error_path([&] { (void)prepare_topsis(x).closeness_many(draws); }), "weights[1]");
}

// ---- weighted sum ------------------------------------------------------------------------------------------------

TEST(WeightedSum, SumsWeightedScores) {
    Matrix x(2, 3);
    x << 80, 90, 70, 60, 100, 50;
    expect_all_near(weighted_sum(x, vector_of({0.5, 0.3, 0.2})), vector_of({81.0, 70.0}), 1e-12);
    x(1, 2) = std::numeric_limits<double>::infinity();
    EXPECT_EQ(error_path([&] { (void)weighted_sum(x, vector_of({0.5, 0.3, 0.2})); }), "x[1, 2]");
    EXPECT_EQ(error_path([&] { (void)weighted_sum(x, vector_of({0.5, 0.3})); }), "weights");
}

TEST(WeightedSum, EveryLayoutAndBlockOfRowsGivesTheSameSums) {
    // 301 units (blocks of 8 rows and 5 left over) on 37 criteria (four-lane vectors and 1 left
    // over): each row's sum is its own, so row-major, column-major (rows copied) and a row alone
    // give the same bits; and each is the exact sum within rounding.
    std::mt19937 rng(41);
    const Matrix x = random_matrix(rng, 301, 37);
    const RowMajor row_major = x;
    const Vector w = random_weights(rng, 37);
    const Vector sums = weighted_sum(row_major, w);
    EXPECT_EQ(weighted_sum(x, w), sums);
    for (const Eigen::Index unit : {0, 7, 8, 296, 300}) {
        EXPECT_EQ(weighted_sum(row_major.row(unit), w)[0], sums[unit]);
        long double exact = 0.0L;
        for (Eigen::Index j = 0; j < 37; ++j) exact += static_cast<long double>(x(unit, j)) * w[j];
        EXPECT_NEAR(sums[unit], static_cast<double>(exact), 1e-14 * sums[unit]);
    }
}

// ---- VIKOR -------------------------------------------------------------------------------------------------------

TEST(Vikor, OpricovicTzeng2004Example) {
    // Opricovic & Tzeng (2004), Compromise solution by MCDM methods: A comparative analysis of
    // VIKOR and TOPSIS, EJOR 156(2), 445-455, section 5: A1..A3 on risk (a cost) 1, 2, 5 and
    // altitude 3000, 3750, 4500 m, equal weights, v = 0.5. Printed: S = 0.5, 0.375, 0.5;
    // R = 0.5, 0.25, 0.5; Q = 1, 0, 1; A2 is the compromise solution.
    Matrix x(3, 2);
    x << 1, 3000, 2, 3750, 5, 4500;
    const VikorResult result = vikor(x, vector_of({0.5, 0.5}), {false, true});
    expect_all_near(result.s, vector_of({0.5, 0.375, 0.5}), 1e-12);
    expect_all_near(result.r, vector_of({0.5, 0.25, 0.5}), 1e-12);
    expect_all_near(result.q, vector_of({1.0, 0.0, 1.0}), 1e-12);
    EXPECT_TRUE(result.acceptable_advantage);
    EXPECT_TRUE(result.acceptable_stability);
    EXPECT_EQ(result.compromise, (std::vector<std::size_t>{1}));
    EXPECT_EQ(to_vector(rank(result.q, RankMethod::min, true)), (std::vector<int>{2, 1, 2}));
}

TEST(Vikor, OpricovicTzeng2007ExtendedExample) {
    // Opricovic & Tzeng (2007), Extended VIKOR method in comparison with outranking methods,
    // EJOR 178(2), 514-529: six reservoir systems on eight criteria, printed to 3 decimals for
    // two weight sets (as transcribed in scikit-criteria's tests/agg/test_vikor.py).
    Matrix x(6, 8);
    x << 4184.3, 2914.0, 407.2, 251.0, 195, 244, 15, 2.41,  //
        5211.9, 3630.0, 501.7, 308.3, 282, 346, 21, 1.41,   //
        5021.3, 3920.5, 504.0, 278.6, 12, 56, 3, 4.42,      //
        5566.1, 3957.9, 559.5, 335.3, 167, 268, 16, 3.36,   //
        5060.5, 3293.5, 514.1, 284.2, 69, 90, 7, 4.04,      //
        4317.9, 2925.9, 432.8, 239.3, 12, 55, 3, 4.36;
    const Benefit b = {true, false, true, true, false, false, false, true};

    const VikorResult equal = vikor(x, Vector::Constant(8, 1.0 / 8), b);
    expect_all_near(equal.s, vector_of({0.692, 0.700, 0.290, 0.423, 0.280, 0.346}), 6e-4);
    expect_all_near(equal.r, vector_of({0.125, 0.125, 0.121, 0.125, 0.067, 0.125}), 6e-4);
    expect_all_near(equal.q, vector_of({0.991, 1.000, 0.473, 0.670, 0.000, 0.578}), 6e-4);
    EXPECT_TRUE(equal.acceptable_advantage);
    EXPECT_TRUE(equal.acceptable_stability);
    EXPECT_EQ(equal.compromise, (std::vector<std::size_t>{4}));

    // Environmental criteria weighted twice: A5's advantage over A3 is below DQ = 1/5, so the
    // compromise is the set A5, A3, A6 (Q within DQ of the best).
    const VikorResult green = vikor(x, vector_of({1, 1, 1, 1, 2, 2, 2, 2}) / 12.0, b);
    expect_all_near(green.q, vector_of({0.684, 1.000, 0.147, 0.554, 0.041, 0.191}), 6e-4);
    EXPECT_FALSE(green.acceptable_advantage);
    EXPECT_TRUE(green.acceptable_stability);
    EXPECT_EQ(green.compromise, (std::vector<std::size_t>{4, 2, 5}));
}

TEST(Vikor, StabilityFailsWhenTheBestQIsNotBestBySOrR) {
    // Five units, five cost criteria, equal weights: A4 is first by Q with an advantage of
    // at least DQ = 0.25 but is neither best by S (A3) nor by R (A5): the compromise is {A4, A5}.
    Matrix x(5, 5);
    x << 1, 101, 1, 101, 1,  //
        101, 1, 101, 1, 101,  //
        1, 1, 1, 1, 101,      //
        11, 11, 11, 16, 61,   //
        56, 56, 56, 56, 56;
    const VikorResult result = vikor(x, Vector::Constant(5, 0.2), Benefit(5, false));
    EXPECT_TRUE(result.acceptable_advantage);
    EXPECT_FALSE(result.acceptable_stability);
    EXPECT_EQ(result.compromise, (std::vector<std::size_t>{3, 4}));
    EXPECT_NE(to_string(result).find("acceptable stability no"), std::string::npos);
}

TEST(Vikor, MeasuresInUnitInterval) {
    std::mt19937 rng(21);
    for (int trial = 0; trial < 20; ++trial) {
        const Matrix x = random_matrix(rng, 30, 6);
        const Vector w = random_weights(rng, 6);
        const Benefit b = random_benefit(rng, 6);
        const VikorResult result = vikor(x, w, b, 0.3);
        EXPECT_GE(result.q.minCoeff(), 0.0);
        EXPECT_LE(result.q.maxCoeff(), 1.0);
        const VikorResult by_s = vikor(x, w, b, 1.0);  // Q is then S rescaled to [0, 1]
        EXPECT_DOUBLE_EQ(by_s.q.minCoeff(), 0.0);
        EXPECT_DOUBLE_EQ(by_s.q.maxCoeff(), 1.0);
        EXPECT_EQ(rank(by_s.q, RankMethod::ordinal, true), rank(by_s.s, RankMethod::ordinal, true));
        EXPECT_GE(result.s.minCoeff(), 0.0);
        EXPECT_LE(result.s.maxCoeff(), 1.0 + 1e-12);
        EXPECT_LE((result.r - result.s).maxCoeff(), 1e-12);  // R is one of the terms S sums
    }
}

TEST(Vikor, RejectsEqualSOrRAndBadParameters) {
    Matrix x(2, 2);
    x << 1, 0, 0, 1;  // each unit best on one criterion: same S and R
    EXPECT_NE(error_message([&] { (void)vikor(x, vector_of({0.5, 0.5})); }).find("same group utility S"), std::string::npos);
    Matrix one(1, 2);
    one << 1, 2;
    EXPECT_EQ(error_path([&] { (void)vikor(one, vector_of({0.5, 0.5})); }), "x");
    EXPECT_EQ(error_path([&] { (void)vikor(x, vector_of({0.5, 0.5}), {}, 1.5); }), "v");
    Matrix y(3, 2);
    y << 1, 0, 0, 1, 0, 0;  // S = 0.5, 0.5, 1 but R = 0.5 for all
    EXPECT_NE(error_message([&] { (void)vikor(y, vector_of({0.5, 0.5})); }).find("same individual regret R"),
              std::string::npos);
}

TEST(RankingSimdPaths, WeightedSumVikorAndGreyRelationalAgreeWithinRounding) {
    // R is the same on every path (each term is a difference times a factor, no sum); S and Q
    // within 1e-12 (they lie in [0, 1]): the AVX2 path fuses each addition of a term into S with
    // its product (FMA), which moves S by a few units in the last place. The compromise and the
    // ranks by Q agree unless two units are that close, which these seeded values are not. On one
    // path a result is the same bits run to run. 301 units and 37 criteria leave a tail to every
    // loop; the weighted sum and grey relational grades are checked alike (relative 1e-13, 1e-12).
    std::mt19937 rng(43);
    const Matrix x = random_matrix(rng, 301, 37);
    const Benefit b = random_benefit(rng, 37);
    const Vector w = random_weights(rng, 37);
    test::SimdPathGuard guard;
    use_simd_path(SimdPath::baseline);
    const VikorResult base = vikor(x, w, b);
    const Vector base_sums = weighted_sum(x, w), base_grades = grey_relational(x, w, b);
    for (const SimdPath path : available_simd_paths()) {
        SCOPED_TRACE(to_string(path));
        use_simd_path(path);
        const VikorResult result = vikor(x, w, b);
        EXPECT_EQ(result, vikor(x, w, b));
        EXPECT_EQ(result.r, base.r);
        expect_all_near(result.s, base.s, 1e-12);
        expect_all_near(result.q, base.q, 1e-12);
        EXPECT_EQ(result.compromise, base.compromise);
        EXPECT_EQ(rank(result.q, RankMethod::min, true), rank(base.q, RankMethod::min, true));
        const Vector sums = weighted_sum(x, w);
        EXPECT_EQ(sums, weighted_sum(x, w));
        expect_all_near(sums, base_sums, 1e-13 * base_sums.maxCoeff());
        const Vector grades = grey_relational(x, w, b);
        EXPECT_EQ(grades, grey_relational(x, w, b));
        expect_all_near(grades, base_grades, 1e-12);
        EXPECT_EQ(rank(grades), rank(base_grades));
    }
}

// ---- grey relational analysis ----------------------------------------------------------------------------------

TEST(GreyRelational, SupplierSelectionExample) {
    // Si Shoukui & Sun Xijing, 数学建模算法与应用 (Mathematical modelling algorithms and
    // applications), National Defense Industry Press: choosing one of six parts suppliers on nine
    // criteria (price, location and after-sales service are costs), equal weights, rho = 0.5.
    // Grades as printed in the worked example of xyfJASON/mathematical-modeling-python
    // (灰色关联分析法), which follows the book: 0.462992, 0.555994, 0.649074, 0.652723,
    // 0.493562, 0.613015, so supplier 4 > 3 > 6 > 2 > 5 > 1.
    Matrix criteria_by_supplier(9, 6);
    criteria_by_supplier << 0.83, 0.9, 0.99, 0.92, 0.87, 0.95,  //
        326, 295, 340, 287, 310, 303,                           //
        21, 38, 25, 19, 27, 10,                                 //
        3.2, 2.4, 2.2, 2, 0.9, 1.7,                             //
        0.2, 0.25, 0.12, 0.33, 0.2, 0.09,                       //
        0.15, 0.2, 0.14, 0.09, 0.15, 0.17,                      //
        250, 180, 300, 200, 150, 175,                           //
        0.23, 0.15, 0.27, 0.3, 0.18, 0.26,                      //
        0.87, 0.95, 0.99, 0.89, 0.82, 0.94;
    const Benefit b = {true, false, false, false, true, true, true, true, true};
    const Vector grades = grey_relational(criteria_by_supplier.transpose(), Vector::Constant(9, 1.0 / 9), b);
    expect_all_near(grades, vector_of({0.462992, 0.555994, 0.649074, 0.652723, 0.493562, 0.613015}), 1e-6);
    EXPECT_EQ(to_vector(rank(grades)), (std::vector<int>{6, 4, 2, 1, 5, 3}));
}

TEST(GreyRelational, GradesInRangeAndConstantColumnAtReference) {
    std::mt19937 rng(31);
    for (int trial = 0; trial < 20; ++trial) {
        const double rho = 0.1 + 0.045 * trial;
        const Vector g = grey_relational(random_matrix(rng, 20, 5), random_weights(rng, 5), random_benefit(rng, 5), rho);
        EXPECT_GE(g.minCoeff(), rho / (1.0 + rho) - 1e-12);  // every coefficient is in [rho / (1 + rho), 1]
        EXPECT_LE(g.maxCoeff(), 1.0 + 1e-12);
    }
    Matrix x(3, 2);
    x << 1, 7, 2, 7, 3, 7;
    // Column 1 is constant: coefficient 1 for everyone. Column 0: D = 1, 0.5, 0 -> rho / (D + rho).
    expect_all_near(grey_relational(x, vector_of({0.5, 0.5})), vector_of({0.5 * (0.5 / 1.5) + 0.5, 0.5 * 0.5 + 0.5, 1.0}), 1e-12);
    EXPECT_EQ(error_path([&] { (void)grey_relational(x, vector_of({0.5, 0.5}), {}, 0.0); }), "rho");
    x.col(0).setConstant(2.0);
    EXPECT_EQ(error_path([&] { (void)grey_relational(x, vector_of({0.5, 0.5})); }), "x");
}

// ---- ranks ---------------------------------------------------------------------------------------------------------

TEST(Rank, TieRulesOfTheRankingArticle) {
    // The tie strategies as the Wikipedia article "Ranking" illustrates them: A ahead of B and C
    // (tied) ahead of D ranks 1224 (standard competition), 1223 (dense) and 1234 (ordinal).
    const Vector scores = vector_of({30, 20, 20, 10});
    EXPECT_EQ(to_vector(rank(scores, RankMethod::min)), (std::vector<int>{1, 2, 2, 4}));
    EXPECT_EQ(to_vector(rank(scores, RankMethod::dense)), (std::vector<int>{1, 2, 2, 3}));
    EXPECT_EQ(to_vector(rank(scores, RankMethod::ordinal)), (std::vector<int>{1, 2, 3, 4}));
}

TEST(Rank, OrdinalOrdersTiesByIdThenRowAndAscendingRanksLowFirst) {
    const Vector scores = vector_of({5, 9, 5, 9, 1});
    EXPECT_EQ(to_vector(rank(scores, RankMethod::ordinal, false, {"e", "d", "c", "b", "a"})),
              (std::vector<int>{4, 2, 3, 1, 5}));
    EXPECT_EQ(to_vector(rank(scores, RankMethod::ordinal)), (std::vector<int>{3, 1, 4, 2, 5}));
    EXPECT_EQ(to_vector(rank(scores, RankMethod::min, true)), (std::vector<int>{2, 4, 2, 4, 1}));
    EXPECT_EQ(to_vector(rank(scores, RankMethod::dense, true)), (std::vector<int>{2, 3, 2, 3, 1}));
}

TEST(Rank, EveryCountOfScoresRanksAsTheDefinitionsSay) {
    // From 1,024 scores rank() sorts by radix, below by comparison: both against the definitions,
    // counted pair by pair. Scores printed to 0.5 (many ties), with -0.0 beside 0.0 (equal) and
    // both infinities.
    std::mt19937 rng(47);
    std::uniform_int_distribution<int> halves(-40, 40);
    for (const Eigen::Index units : {5, 1023, 1024}) {
        Vector scores(units);
        for (Eigen::Index i = 0; i < units; ++i) scores[i] = 0.5 * halves(rng);
        scores[1] = -0.0;
        scores[2] = 0.0;
        scores[3] = std::numeric_limits<double>::infinity();
        scores[4] = -std::numeric_limits<double>::infinity();
        for (const bool ascending : {false, true}) {
            SCOPED_TRACE(std::to_string(units) + (ascending ? " ascending" : " descending"));
            const auto better = [&](double a, double b) { return ascending ? a < b : a > b; };
            std::vector<int> min(static_cast<std::size_t>(units)), dense(min.size()), ordinal(min.size());
            for (Eigen::Index i = 0; i < units; ++i) {
                std::set<double> better_values;
                int ahead = 0, tied_before = 0;
                for (Eigen::Index k = 0; k < units; ++k) {
                    if (better(scores[k], scores[i])) {
                        ++ahead;
                        better_values.insert(scores[k]);
                    }
                    tied_before += k < i && scores[k] == scores[i];
                }
                min[static_cast<std::size_t>(i)] = ahead + 1;
                dense[static_cast<std::size_t>(i)] = static_cast<int>(better_values.size()) + 1;
                ordinal[static_cast<std::size_t>(i)] = ahead + tied_before + 1;
            }
            EXPECT_EQ(to_vector(rank(scores, RankMethod::min, ascending)), min);
            EXPECT_EQ(to_vector(rank(scores, RankMethod::dense, ascending)), dense);
            EXPECT_EQ(to_vector(rank(scores, RankMethod::ordinal, ascending)), ordinal);
        }
    }
}

TEST(Rank, RejectsNanAndBadIds) {
    const Vector scores = vector_of({1, std::numeric_limits<double>::quiet_NaN()});
    EXPECT_EQ(error_path([&] { (void)rank(scores); }), "scores[1]");
    EXPECT_EQ(error_path([&] { (void)rank(vector_of({1, 2}), RankMethod::ordinal, false, {"a"}); }), "ids");
    EXPECT_EQ(error_path([&] { (void)rank(vector_of({1, 2}), RankMethod::ordinal, false, {"a", "a"}); }), "ids[1]");
}

// ---- awards ----------------------------------------------------------------------------------------------------------

namespace {
std::vector<AwardTier> county_contest() {
    return {AwardTier::places("特等奖", 1), AwardTier::places("一等奖", 5), AwardTier::places("二等奖", 10),
            AwardTier::places("三等奖", 25), AwardTier::places("优秀奖", 100)};
}
}  // namespace

TEST(Award, CountyContestFillsEachTierInOrder) {
    Vector scores(200);
    for (Eigen::Index i = 0; i < 200; ++i) scores[i] = static_cast<double>((i * 37) % 200);  // distinct
    const Awards awards = award(scores, county_contest());
    EXPECT_EQ(awards.awarded, (std::vector<int>{1, 5, 10, 25, 100}));
    EXPECT_EQ(awards.quota, (std::vector<int>{1, 5, 10, 25, 100}));
    for (Eigen::Index i = 0; i < 200; ++i) {
        const int r = awards.ranks[i];
        const int expected = r == 1 ? 0 : r <= 6 ? 1 : r <= 16 ? 2 : r <= 41 ? 3 : r <= 141 ? 4 : -1;
        EXPECT_EQ(awards.tier[static_cast<std::size_t>(i)], expected) << "rank " << r;
    }
    EXPECT_NE(to_string(awards).find("一等奖: 5 of 5 places"), std::string::npos);
}

TEST(Award, ShareCapIsRoundedDown) {
    // National titles capped at 10% of those assessed: 37 units -> 3; 0.29 x 100 -> 29.
    EXPECT_EQ(award(Vector::LinSpaced(37, 1, 37), {AwardTier::capped("全国文明城市", 0.10)}).quota, std::vector<int>{3});
    EXPECT_EQ(award(Vector::LinSpaced(100, 1, 100), {AwardTier::capped("t", 0.29)}).quota, std::vector<int>{29});
    AwardTier both{"t", 5, 0.10};
    EXPECT_EQ(award(Vector::LinSpaced(100, 1, 100), {both}).quota, std::vector<int>{5});
}

TEST(Award, TiesAtATierBoundary) {
    // Places 2 and 3 tie; tier "first" has 2 places.
    const Vector scores = vector_of({90, 80, 80, 70, 60});
    const std::vector<AwardTier> tiers = {AwardTier::places("first", 2), AwardTier::places("second", 2)};
    // demote: the tied pair does not fit in the one place left, so both go down; "first" keeps an empty place.
    const Awards demote = award(scores, tiers);
    EXPECT_EQ(demote.tier, (std::vector<int>{0, 1, 1, -1, -1}));
    EXPECT_EQ(demote.awarded, (std::vector<int>{1, 2}));
    // admit: both get "first" (3 of 2 places); "second" keeps its own 2 places.
    const Awards admit = award(scores, tiers, {}, false, BoundaryTies::admit);
    EXPECT_EQ(admit.tier, (std::vector<int>{0, 0, 0, 1, 1}));
    EXPECT_EQ(admit.awarded, (std::vector<int>{3, 2}));
    // by_id: the tie is broken by id ("b" < "c"), quotas filled exactly.
    const Awards by_id = award(scores, tiers, {}, false, BoundaryTies::by_id, {"a", "c", "b", "d", "e"});
    EXPECT_EQ(by_id.tier, (std::vector<int>{0, 1, 0, 1, -1}));
    EXPECT_EQ(to_vector(by_id.ranks), (std::vector<int>{1, 2, 2, 4, 5}));
}

TEST(Award, DemotedGroupThatFitsNoTierGetsNone) {
    const Vector scores = vector_of({5, 5, 5, 1});
    const Awards awards = award(scores, {AwardTier::places("a", 1), AwardTier::places("b", 2)});
    EXPECT_EQ(awards.tier, (std::vector<int>{-1, -1, -1, -1}));  // a lower-scoring unit never overtakes a tie
}

TEST(Award, IneligibleUnitsTakeNoPlace) {
    const Vector scores = vector_of({99, 98, 97, 96});
    const Awards awards = award(scores, {AwardTier::places("first", 2)}, {false, true, true, true});
    EXPECT_EQ(awards.tier, (std::vector<int>{-1, 0, 0, -1}));
    EXPECT_EQ(to_vector(awards.ranks), (std::vector<int>{0, 1, 2, 3}));
    EXPECT_EQ(awards.eligible, 3);
    EXPECT_EQ(awards.ineligible, 1);
    EXPECT_EQ(awards.tier_name(1), "first");
    EXPECT_EQ(awards.tier_name(0), "");
    // Lower is better (a VIKOR Q): the two lowest eligible scores win.
    EXPECT_EQ(award(scores, {AwardTier::places("first", 2)}, {}, true).tier, (std::vector<int>{-1, -1, 0, 0}));
}

TEST(Award, RejectsBadTiers) {
    const Vector scores = vector_of({1, 2});
    EXPECT_EQ(error_path([&] { (void)award(scores, {}); }), "tiers");
    EXPECT_EQ(error_path([&] { (void)award(scores, {AwardTier{"a", std::nullopt, std::nullopt}}); }), "tiers[0]");
    EXPECT_EQ(error_path([&] { (void)award(scores, {AwardTier::places("a", 1), AwardTier::places("b", -1)}); }),
              "tiers[1].count");
    EXPECT_EQ(error_path([&] { (void)award(scores, {AwardTier::capped("a", 1.5)}); }), "tiers[0].share");
    EXPECT_EQ(error_path([&] { (void)award(scores, {AwardTier::places("", 1)}); }), "tiers[0].name");
    EXPECT_EQ(error_path([&] { (void)award(scores, {AwardTier::places("a", 1)}, {true}); }), "eligible");
    EXPECT_EQ(chinese_error([&] { (void)award(scores, {AwardTier::capped("a", 1.5)}); }), "tiers[0].share: 取值 1.5；应为 (0, 1] 内的比例");
    EXPECT_EQ(chinese_error([&] { (void)award(scores, {AwardTier::places("a", 1)}, {true}); }),
              "eligible: 1 个标记对应 2 个评价对象；应每个评价对象一个标记，或不提供");
}
