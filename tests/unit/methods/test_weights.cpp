// Weights: AHP (published examples of Saaty, consistency, group, hierarchy, revisions), objective
// weights (published entropy, CRITIC and standard-deviation examples), combined weights, and the
// laws every weighting obeys (positive, sum to one, invariant to a column's unit).
//
// Published figures are printed to 3 or 4 decimals, so each is checked to half a unit of its
// last printed digit.

#include "support.hpp"

#include <civitas/methods/weights.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace civitas;
using namespace civitas::test;

namespace {

using civitas::test::chinese_error;
using civitas::test::matrix_of;

/// A reciprocal matrix from its upper triangle, given row by row (a_ij for j > i).
Eigen::MatrixXd reciprocal(const std::vector<std::vector<double>>& upper) {
    const auto n = static_cast<Eigen::Index>(upper.size()) + 1;
    Eigen::MatrixXd a = Eigen::MatrixXd::Ones(n, n);
    for (Eigen::Index i = 0; i + 1 < n; ++i) {
        const auto& row = upper[static_cast<std::size_t>(i)];
        EXPECT_EQ(static_cast<Eigen::Index>(row.size()), n - 1 - i) << "row " << i << " of the upper triangle";
        for (Eigen::Index j = i + 1; j < n; ++j) {
            a(i, j) = row[static_cast<std::size_t>(j - i - 1)];
            a(j, i) = 1.0 / a(i, j);
        }
    }
    return a;
}

/// Published figures rounded to `decimals` places: each value within half a unit of the last digit.
void expect_printed(const Eigen::VectorXd& actual, const std::vector<double>& printed, int decimals) {
    ASSERT_EQ(actual.size(), static_cast<Eigen::Index>(printed.size()));
    const double half_unit = 0.5 * std::pow(10.0, -decimals) + 1e-12;
    for (std::size_t i = 0; i < printed.size(); ++i)
        EXPECT_NEAR(actual[static_cast<Eigen::Index>(i)], printed[i], half_unit) << "entry " << i;
}

void expect_weights(const Eigen::VectorXd& w) {
    EXPECT_NEAR(w.sum(), 1.0, 1e-12);
    for (Eigen::Index i = 0; i < w.size(); ++i) {
        EXPECT_TRUE(std::isfinite(w[i])) << "entry " << i;
        EXPECT_GE(w[i], 0.0) << "entry " << i;
    }
}

// Saaty, T.L. (2008), Decision making with the analytic hierarchy process, Int. J. Services
// Sciences 1(1), 83-98, Table 2 "Which drink is consumed more in the US?": coffee, wine, tea,
// beer, sodas, milk, water.
Eigen::MatrixXd saaty_2008_drinks() {
    return reciprocal({{9, 5, 2, 1, 1, 0.5},
                       {1.0 / 3, 1.0 / 9, 1.0 / 9, 1.0 / 9, 1.0 / 9},
                       {1.0 / 3, 1.0 / 4, 1.0 / 3, 1.0 / 9},
                       {1.0 / 2, 1, 1.0 / 3},
                       {2, 1.0 / 2},
                       {1.0 / 3}});
}

// Saaty, T.L. (1990), How to make a decision: the analytic hierarchy process, European Journal of
// Operational Research 48, 9-26: the eight criteria for buying a house (size, transportation,
// neighbourhood, age, yard space, modern facilities, general condition, financing).
Eigen::MatrixXd saaty_1990_house() {
    return reciprocal({{5, 3, 7, 6, 6, 1.0 / 3, 1.0 / 4},
                       {1.0 / 3, 5, 3, 3, 1.0 / 5, 1.0 / 7},
                       {6, 3, 4, 6, 1.0 / 5},
                       {1.0 / 3, 1.0 / 4, 1.0 / 7, 1.0 / 8},
                       {1.0 / 2, 1.0 / 5, 1.0 / 6},
                       {1.0 / 5, 1.0 / 6},
                       {1.0 / 2}});
}

/// A consistent matrix a_ij = v_i / v_j.
Eigen::MatrixXd consistent(const Eigen::VectorXd& v) { return v * v.cwiseInverse().transpose(); }

/// A random reciprocal matrix with entries from Saaty's 1-9 scale and their reciprocals.
Eigen::MatrixXd random_judgments(std::mt19937& rng, Eigen::Index n) {
    std::uniform_int_distribution<int> grade(1, 9);
    std::bernoulli_distribution invert(0.5);
    Eigen::MatrixXd a = Eigen::MatrixXd::Ones(n, n);
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = i + 1; j < n; ++j) {
            const double g = grade(rng);
            a(i, j) = invert(rng) ? 1.0 / g : g;
            a(j, i) = 1.0 / a(i, j);
        }
    }
    return a;
}

Eigen::VectorXd random_positive(std::mt19937& rng, Eigen::Index n) {
    std::uniform_real_distribution<double> value(0.05, 10.0);
    Eigen::VectorXd v(n);
    for (Eigen::Index i = 0; i < n; ++i) v[i] = value(rng);
    return v;
}

Eigen::MatrixXd random_table(std::mt19937& rng, Eigen::Index rows, Eigen::Index cols) {
    std::uniform_real_distribution<double> value(-50.0, 200.0);
    Eigen::MatrixXd x(rows, cols);
    for (Eigen::Index r = 0; r < rows; ++r)
        for (Eigen::Index c = 0; c < cols; ++c) x(r, c) = value(rng);
    return x;
}

Eigen::VectorXd vec(std::initializer_list<double> values) {
    Eigen::VectorXd v(static_cast<Eigen::Index>(values.size()));
    Eigen::Index i = 0;
    for (double value : values) v[i++] = value;
    return v;
}

}  // namespace

// ---- AHP: published examples -----------------------------------------------------------------

TEST(Ahp, ConsistencyRatioOfSaatyDrinkExample) {
    // Saaty (2008), Table 2: derived scale .177 .019 .042 .116 .190 .129 .327, "consistency ratio of .022".
    const AhpResult result = ahp(saaty_2008_drinks());
    expect_printed(result.weights, {0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327}, 3);
    EXPECT_NEAR(result.consistency_ratio, 0.022, 0.0005);
    EXPECT_DOUBLE_EQ(result.random_index, 1.32);
    EXPECT_TRUE(result.acceptable());
    EXPECT_EQ(result.method, AhpMethod::eigenvector);
}

TEST(Ahp, ConsistencyRatioOfSaatyHouseExample) {
    // Saaty (1990), the criteria for buying a house: priorities .173 .054 .188 .018 .031 .036 .167
    // .333; lambda_max = 9.669, C.I. = 0.238, C.R. = 0.169 (too inconsistent).
    const AhpResult result = ahp(saaty_1990_house());
    expect_printed(result.weights, {0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333}, 3);
    EXPECT_NEAR(result.lambda_max, 9.669, 0.0005);
    EXPECT_NEAR(result.consistency_index, 0.238, 0.0005);
    EXPECT_NEAR(result.consistency_ratio, 0.169, 0.0005);
    EXPECT_FALSE(result.acceptable());
    EXPECT_NE(to_string(result).find("revise"), std::string::npos) << to_string(result);
}

TEST(Ahp, HierarchyOfSaatyBestCityExample) {
    // Saaty (2005), Theory and Applications of the Analytic Network Process, RWS Publications: the
    // best city to live in. Criteria culture, family, housing, jobs, transportation; alternatives
    // Bethesda, Boston, Pittsburgh, Santa Fe; overall priorities .229 .275 .385 .111. (The same
    // figures are checked by the AHPy package's test suite.)
    const Eigen::MatrixXd criteria = reciprocal({{1.0 / 5, 3, 1.0 / 2, 5}, {7, 1, 7}, {1.0 / 4, 3}, {7}});
    const std::vector<Eigen::MatrixXd> cities = {
        reciprocal({{1.0 / 2, 1, 1.0 / 2}, {2.5, 1}, {1.0 / 2.5}}),         // culture
        reciprocal({{2, 1.0 / 3, 4}, {1.0 / 8, 2}, {9}}),                   // family
        reciprocal({{5, 1.0 / 2, 2.5}, {1.0 / 9, 1.0 / 4}, {7}}),           // housing
        reciprocal({{1.0 / 2, 3, 4}, {6, 8}, {1}}),                         // jobs
        reciprocal({{1.5, 1.0 / 2, 4}, {1.0 / 3.5, 2.5}, {9}}),             // transportation
    };
    const HierarchicalAhp result = hierarchical_ahp(criteria, cities);
    ASSERT_EQ(result.global_weights.size(), 20);
    expect_weights(result.global_weights);
    Eigen::VectorXd overall = Eigen::VectorXd::Zero(4);
    for (Eigen::Index k = 0; k < 5; ++k) overall += result.global_weights.segment(4 * k, 4);
    expect_printed(overall, {0.229, 0.275, 0.385, 0.111}, 3);
    EXPECT_EQ(result.indicators.size(), 5u);
}

TEST(Ahp, RandomIndexTables) {
    // Saaty (1980): RI for n = 3..10 is .58 .90 1.12 1.24 1.32 1.41 1.45 1.49.
    const std::vector<double> saaty = {0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49};
    for (int n = 3; n <= 10; ++n) EXPECT_DOUBLE_EQ(random_index(n), saaty[static_cast<std::size_t>(n - 3)]) << n;
    // Donegan & Dodd (1991): 0.4914 at n = 3, 1.4969 at n = 15.
    EXPECT_DOUBLE_EQ(random_index(3, RandomIndexTable::donegan_dodd), 0.4914);
    EXPECT_DOUBLE_EQ(random_index(15, RandomIndexTable::donegan_dodd), 1.4969);
    for (int n = 1; n <= 2; ++n) EXPECT_EQ(random_index(n), 0.0);
    for (int n = 2; n <= saaty_table_size; ++n) EXPECT_GE(random_index(n), random_index(n - 1) - 0.031) << "roughly rising, n=" << n;
    validation_message([] { (void)random_index(16); }, "n");
    validation_message([] { (void)random_index(0); }, "n");
    // Donegan & Dodd beyond 15, as tabulated (and as ahpy's dd index uses them): 1.5078 at 16,
    // 1.5371 at 20, 1.5772 at 30, 1.6339 at 100; linear in between (22: 2/5 of the way to 25).
    EXPECT_DOUBLE_EQ(random_index(16, RandomIndexTable::donegan_dodd), 1.5078);
    EXPECT_DOUBLE_EQ(random_index(20, RandomIndexTable::donegan_dodd), 1.5371);
    EXPECT_DOUBLE_EQ(random_index(30, RandomIndexTable::donegan_dodd), 1.5772);
    EXPECT_DOUBLE_EQ(random_index(100, RandomIndexTable::donegan_dodd), 1.6339);
    EXPECT_NEAR(random_index(22, RandomIndexTable::donegan_dodd), 1.5371 + 0.4 * (1.5619 - 1.5371), 1e-12);
    EXPECT_NEAR(random_index(95, RandomIndexTable::donegan_dodd), (1.6213 + 1.6339) / 2, 1e-12);
    EXPECT_TRUE(mentions(validation_message([] { (void)random_index(101, RandomIndexTable::donegan_dodd); }, "n"), "1 to 100"));
}

TEST(Ahp, AlternativeRandomIndexChangesOnlyTheRatio) {
    AhpOptions options;
    options.random_index = RandomIndexTable::donegan_dodd;
    const AhpResult saaty = ahp(saaty_2008_drinks());
    const AhpResult dd = ahp(saaty_2008_drinks(), options);
    EXPECT_EQ(dd.table, RandomIndexTable::donegan_dodd);
    EXPECT_TRUE(dd.weights.isApprox(saaty.weights, 1e-14));
    EXPECT_DOUBLE_EQ(dd.consistency_index, saaty.consistency_index);
    EXPECT_NEAR(dd.consistency_ratio, saaty.consistency_index / 1.2519, 1e-15);
    EXPECT_NEAR(dd.consistency_ratio, 0.0235, 0.00005);  // AHPy's value for this matrix with its 'dd' table
}

TEST(Ahp, GeometricMeanIsTheNormalisedRowGeometricMean) {
    const Eigen::MatrixXd a = saaty_1990_house();
    const AhpResult result = ahp(a, AhpMethod::geometric_mean);
    EXPECT_EQ(result.method, AhpMethod::geometric_mean);
    Eigen::VectorXd expected(a.rows());
    for (Eigen::Index i = 0; i < a.rows(); ++i) {
        double product = 1.0;
        for (Eigen::Index j = 0; j < a.cols(); ++j) product *= a(i, j);
        expected[i] = std::pow(product, 1.0 / static_cast<double>(a.cols()));
    }
    expected /= expected.sum();
    EXPECT_TRUE(result.weights.isApprox(expected, 1e-12));
    // lambda_max and CR are properties of the matrix, the same whatever the weights.
    EXPECT_NEAR(result.consistency_ratio, ahp(a).consistency_ratio, 1e-12);
}

TEST(Ahp, OneAndTwoElementsAreAlwaysConsistent) {
    Eigen::MatrixXd one(1, 1);
    one << 1;
    const AhpResult single = ahp(one);
    EXPECT_EQ(single.weights.size(), 1);
    EXPECT_DOUBLE_EQ(single.weights[0], 1.0);
    EXPECT_EQ(single.consistency_ratio, 0.0);
    EXPECT_TRUE(single.acceptable());

    Eigen::MatrixXd two(2, 2);
    two << 1, 4, 0.25, 1;
    for (AhpMethod method : {AhpMethod::eigenvector, AhpMethod::geometric_mean}) {
        const AhpResult pair = ahp(two, method);
        EXPECT_NEAR(pair.weights[0], 0.8, 1e-12);
        EXPECT_NEAR(pair.weights[1], 0.2, 1e-12);
        EXPECT_NEAR(pair.lambda_max, 2.0, 1e-12);
        EXPECT_EQ(pair.consistency_index, 0.0);
        EXPECT_EQ(pair.consistency_ratio, 0.0);
    }
}

// ---- AHP: laws -------------------------------------------------------------------------------

TEST(AhpProperties, ConsistentMatrixHasZeroRatioAndWeightsOfAnyColumn) {
    std::mt19937 rng(20240501);
    for (int trial = 0; trial < 60; ++trial) {
        const Eigen::Index n = 1 + trial % saaty_table_size;
        const Eigen::VectorXd v = random_positive(rng, n);
        const Eigen::MatrixXd a = consistent(v);
        for (AhpMethod method : {AhpMethod::eigenvector, AhpMethod::geometric_mean}) {
            const AhpResult result = ahp(a, method);
            EXPECT_NEAR(result.lambda_max, static_cast<double>(n), 1e-9 * static_cast<double>(n)) << "n=" << n;
            EXPECT_NEAR(result.consistency_ratio, 0.0, 1e-9) << "n=" << n;
            for (Eigen::Index j = 0; j < n; ++j) {
                const Eigen::VectorXd column = a.col(j) / a.col(j).sum();
                EXPECT_TRUE(result.weights.isApprox(column, 1e-10)) << "n=" << n << " column " << j;
            }
        }
    }
}

TEST(AhpProperties, WeightsArePositiveAndSumToOne) {
    std::mt19937 rng(7);
    for (int trial = 0; trial < 100; ++trial) {
        const Eigen::Index n = 2 + trial % (saaty_table_size - 1);
        const Eigen::MatrixXd a = random_judgments(rng, n);
        for (AhpMethod method : {AhpMethod::eigenvector, AhpMethod::geometric_mean}) {
            const AhpResult result = ahp(a, method);
            expect_weights(result.weights);
            EXPECT_GT(result.weights.minCoeff(), 0.0);
            EXPECT_GE(result.lambda_max, static_cast<double>(n) - 1e-9);
            EXPECT_GE(result.consistency_ratio, 0.0);
            // The eigenvector satisfies A w = lambda_max w.
            if (method == AhpMethod::eigenvector) {
                EXPECT_TRUE((a * result.weights).isApprox(result.lambda_max * result.weights, 1e-9));
            }
        }
    }
}

TEST(AhpProperties, RelabellingElementsPermutesWeights) {
    std::mt19937 rng(11);
    const Eigen::MatrixXd a = random_judgments(rng, 6);
    Eigen::PermutationMatrix<Eigen::Dynamic> p(6);
    p.indices() << 3, 0, 5, 1, 4, 2;
    const Eigen::MatrixXd permuted = p * a * p.transpose();
    const AhpResult original = ahp(a);
    const AhpResult relabelled = ahp(permuted);
    EXPECT_TRUE(relabelled.weights.isApprox(p * original.weights, 1e-10));
    EXPECT_NEAR(relabelled.consistency_ratio, original.consistency_ratio, 1e-10);
}

// ---- AHP: bad input --------------------------------------------------------------------------

TEST(Ahp, RejectsMatricesThatAreNotPositiveReciprocal) {
    EXPECT_TRUE(mentions(validation_message([] { (void)ahp(Eigen::MatrixXd(2, 3)); }, "matrix"), "2 x 3"));
    EXPECT_TRUE(mentions(validation_message([] { (void)ahp(Eigen::MatrixXd()); }, "matrix"), "empty"));
    EXPECT_TRUE(mentions(validation_message([] { (void)ahp(Eigen::MatrixXd::Ones(16, 16)); }, "matrix"), "stops at 15"));
    EXPECT_TRUE(mentions(validation_message([] { (void)ahp(Eigen::MatrixXd::Ones(101, 101)); }, "matrix"), "at most 100"));

    Eigen::MatrixXd a = saaty_2008_drinks();
    a(1, 4) = -9;
    EXPECT_TRUE(mentions(validation_message([&] { (void)ahp(a); }, "matrix[1][4]"), "-9"));
    a = saaty_2008_drinks();
    a(2, 3) = 0;
    validation_message([&] { (void)ahp(a); }, "matrix[2][3]");
    a = saaty_2008_drinks();
    a(5, 0) = nan_value;
    EXPECT_TRUE(mentions(validation_message([&] { (void)ahp(a); }, "matrix[5][0]"), "nan"));
    a = saaty_2008_drinks();
    a(3, 3) = 2;
    EXPECT_TRUE(mentions(validation_message([&] { (void)ahp(a); }, "matrix[3][3]"), "diagonal"));

    // Not reciprocal: the message names both entries and both values.
    a = saaty_2008_drinks();
    a(2, 0) = 0.5;  // a_02 is 5
    const std::string message = validation_message([&] { (void)ahp(a); }, "matrix[2][0]");
    EXPECT_TRUE(mentions(message, "matrix[0][2] is 5")) << message;
    EXPECT_TRUE(mentions(message, "matrix[2][0] is 0.5")) << message;
    EXPECT_TRUE(mentions(message, "0.2")) << message;
    EXPECT_EQ(chinese_error([&] { (void)ahp(a); }),
              "matrix[2][0]: matrix[0][2] 为 5，而 matrix[2][0] 为 0.5；应为 1/5 = 0.2（比较矩阵互反: a_ji = 1/a_ij，a_ij x a_ji 的误差不超过 "
              "0.01）");
    EXPECT_EQ(chinese_error([] { (void)ahp(Eigen::MatrixXd(2, 3)); }), "matrix: 2 x 3；两两比较矩阵应为方阵");
}

TEST(Ahp, ReciprocalToleranceAcceptsRoundedEntries) {
    Eigen::MatrixXd a = saaty_2008_drinks();
    a(1, 0) = 0.111;  // 1/9 to three decimals below the diagonal; a_01 is 9
    EXPECT_TRUE(ahp(a).weights.isApprox(ahp(saaty_2008_drinks()).weights, 1e-14)) << "the upper triangle is used";
    a(1, 2) = 0.32;  // a_21 is 3: 3 x 0.32 = 0.96
    const std::string message = validation_message([&] { (void)ahp(a); }, "matrix[2][1]");
    EXPECT_TRUE(mentions(message, "within 0.01")) << message;
    AhpOptions lenient;
    lenient.reciprocal_tolerance = 0.05;
    EXPECT_NO_THROW((void)ahp(a, lenient));
    lenient.reciprocal_tolerance = -1;
    validation_message([&] { (void)ahp(a, lenient); }, "reciprocal_tolerance");
}

TEST(Ahp, ExtremeRatiosNeverGiveNaN) {
    // Far outside Saaty's 1/9..9: either a result with finite, positive weights, or civitas::Error.
    std::mt19937 rng(13);
    std::uniform_real_distribution<double> exponent(-300.0, 300.0);
    for (int trial = 0; trial < 30; ++trial) {
        const Eigen::Index n = 3 + trial % 6;
        Eigen::MatrixXd a = Eigen::MatrixXd::Ones(n, n);
        for (Eigen::Index i = 0; i < n; ++i)
            for (Eigen::Index j = i + 1; j < n; ++j) {
                a(i, j) = std::pow(10.0, exponent(rng));
                a(j, i) = 1.0 / a(i, j);
            }
        try {
            const AhpResult result = ahp(a);
            EXPECT_TRUE(result.weights.allFinite());
            EXPECT_GT(result.weights.minCoeff(), 0.0);
            EXPECT_TRUE(std::isfinite(result.consistency_ratio));
            for (const ComparisonRevision& r : revision_suggestions(a)) EXPECT_TRUE(std::isfinite(r.consistency_ratio));
        } catch (const Error& error) {
            EXPECT_TRUE(mentions(error.what(), "orders of magnitude")) << error.what();
        }
    }
}

// ---- group AHP -------------------------------------------------------------------------------

TEST(GroupAhp, GeometricMeanOfJudgments) {
    Eigen::MatrixXd low(2, 2), high(2, 2);
    low << 1, 2, 0.5, 1;
    high << 1, 8, 0.125, 1;
    const Eigen::MatrixXd equal = aggregate_judgments({low, high});
    EXPECT_NEAR(equal(0, 1), 4.0, 1e-12);  // sqrt(2 x 8)
    EXPECT_NEAR(equal(1, 0), 0.25, 1e-12);
    const Eigen::MatrixXd weighted = aggregate_judgments({low, high}, vec({3, 1}));
    EXPECT_NEAR(weighted(0, 1), std::pow(2.0, 0.75) * std::pow(8.0, 0.25), 1e-12);
    const AhpResult group = group_ahp({low, high});
    EXPECT_NEAR(group.weights[0], 0.8, 1e-12);
}

TEST(GroupAhp, AggregateStaysReciprocalAndOneExpertIsThemself) {
    std::mt19937 rng(3);
    std::vector<Eigen::MatrixXd> experts;
    for (int k = 0; k < 4; ++k) experts.push_back(random_judgments(rng, 5));
    const Eigen::MatrixXd g = aggregate_judgments(experts, vec({1, 2, 3, 4}));
    EXPECT_TRUE((g.cwiseProduct(g.transpose())).isApprox(Eigen::MatrixXd::Ones(5, 5), 1e-12));
    // Weight on a single expert gives that expert's matrix and weights.
    const AhpResult only_second = group_ahp(experts, vec({0, 1, 0, 0}));
    EXPECT_TRUE(only_second.weights.isApprox(ahp(experts[1]).weights, 1e-12));
    // Unanimous experts: the group has their weights.
    const AhpResult unanimous = group_ahp({experts[0], experts[0], experts[0]});
    EXPECT_TRUE(unanimous.weights.isApprox(ahp(experts[0]).weights, 1e-12));
}

TEST(GroupAhp, RejectsMismatchedExperts) {
    std::mt19937 rng(5);
    const Eigen::MatrixXd three = random_judgments(rng, 3), four = random_judgments(rng, 4);
    EXPECT_TRUE(mentions(validation_message([&] { (void)group_ahp({three, four}); }, "matrices[1]"), "4 x 4"));
    validation_message([&] { (void)group_ahp({three, three}, vec({1})); }, "expert_weights");
    validation_message([&] { (void)group_ahp({three, three}, vec({1, -1})); }, "expert_weights[1]");
    validation_message([&] { (void)group_ahp({three, three}, vec({0, 0})); }, "expert_weights");
    validation_message([&] { (void)group_ahp({}); }, "matrices");
    Eigen::MatrixXd bad = three;
    bad(0, 1) = nan_value;
    validation_message([&] { (void)group_ahp({three, bad}); }, "matrices[1][0][1]");
}

// ---- hierarchy -------------------------------------------------------------------------------

TEST(HierarchicalWeights, MultipliesCategoryAndLocalWeights) {
    const Eigen::VectorXd global = hierarchical_weights(vec({0.6, 0.4}), {vec({0.5, 0.5}), vec({0.25, 0.25, 0.5})});
    expect_printed(global, {0.3, 0.3, 0.1, 0.1, 0.2}, 12);
    // Three-decimal weights that sum to 0.999 are rescaled; the result sums to exactly one.
    const Eigen::VectorXd rounded = hierarchical_weights(vec({0.333, 0.333, 0.333}), {vec({1}), vec({1}), vec({1})});
    expect_weights(rounded);
    EXPECT_NEAR(rounded[0], 1.0 / 3, 1e-12);
}

TEST(HierarchicalWeights, RejectsMismatchedLevels) {
    validation_message([] { (void)hierarchical_weights(vec({0.5, 0.5}), {vec({1})}); }, "indicator_weights");
    EXPECT_TRUE(mentions(validation_message([] { (void)hierarchical_weights(vec({60, 40}), {vec({1}), vec({1})}); },
                                            "category_weights"),
                         "sum to 100"));
    validation_message([] { (void)hierarchical_weights(vec({0.5, 0.5}), {vec({1}), vec({0.7, 0.7})}); }, "indicator_weights[1]");
    Eigen::MatrixXd two(2, 2);
    two << 1, 3, 1.0 / 3, 1;
    validation_message([&] { (void)hierarchical_ahp(two, {two}); }, "indicators");
    Eigen::MatrixXd bad = two;
    bad(1, 0) = 3;
    validation_message([&] { (void)hierarchical_ahp(two, {two, bad}); }, "indicators[1][1][0]");
    EXPECT_TRUE(hierarchical_ahp(two, {two, two}).acceptable());
}

// ---- which comparison to revise ----------------------------------------------------------------

TEST(AhpRevision, FindsThePerturbedJudgment) {
    Eigen::MatrixXd a = consistent(vec({1, 2, 3, 4, 5}));
    a(0, 3) *= 4;  // one judgment four times off
    a(3, 0) = 1.0 / a(0, 3);
    const double before = ahp(a).consistency_ratio;
    const std::vector<ComparisonRevision> revisions = revision_suggestions(a);
    ASSERT_EQ(revisions.size(), 10u);
    EXPECT_EQ(revisions.front().row, 0);
    EXPECT_EQ(revisions.front().col, 3);
    EXPECT_DOUBLE_EQ(revisions.front().value, a(0, 3));
    EXPECT_LT(revisions.front().consistency_ratio, before / 4);
    for (std::size_t k = 1; k < revisions.size(); ++k)
        EXPECT_LE(revisions[k - 1].consistency_ratio, revisions[k].consistency_ratio);
}

TEST(AhpRevision, SaatyHouseExampleHasOneJudgmentToRevise) {
    // Computed (and checked with numpy): in Saaty's (1990) house example, neighbourhood (2) against
    // general condition (6), judged 6, disagrees most with the weights (implied 1.13); revising
    // it alone brings CR from 0.169 to 0.090, below 0.1.
    const Eigen::MatrixXd a = saaty_1990_house();
    const AhpResult result = ahp(a);
    const std::vector<ComparisonRevision> revisions = revision_suggestions(a);
    ASSERT_EQ(revisions.size(), 28u);
    const ComparisonRevision& top = revisions.front();
    EXPECT_EQ(top.row, 2);
    EXPECT_EQ(top.col, 6);
    EXPECT_DOUBLE_EQ(top.value, 6.0);
    EXPECT_NEAR(top.consistent_value, result.weights[2] / result.weights[6], 1e-12);
    EXPECT_NEAR(top.deviation, 6.0 * result.weights[6] / result.weights[2], 1e-12);
    EXPECT_NEAR(top.consistency_ratio, 0.090, 0.0005);
    // The same pair has the largest deviation |a_ij w_j / w_i - 1| (Saaty's epsilon_ij).
    for (const ComparisonRevision& r : revisions)
        EXPECT_LE(std::abs(std::log(r.deviation)), std::abs(std::log(top.deviation)) + 1e-12);
    EXPECT_NE(to_string(top).find("row=2, col=6"), std::string::npos) << to_string(top);
}

// ---- entropy weights -------------------------------------------------------------------------

TEST(Entropy, XuExampleWithValuesAsGiven) {
    // Xu, X. (2004), A note on the subjective and objective integrated approach to determine
    // attribute weights, European Journal of Operational Research 156(2), 530-532: entropy
    // weights 0.4630, 0.3992, 0.1378, 0.0000 (shares of the raw values; the same figures are
    // checked by the pyrepo-mcda package's tests).
    Eigen::MatrixXd x(4, 4);
    x << 30, 30, 38, 29,  //
        19, 54, 86, 29,   //
        19, 15, 85, 28.9, //
        68, 70, 60, 29;
    const Eigen::VectorXd w = entropy_weights(x, {}, ObjectiveNormalization::none);
    expect_printed(w, {0.4630, 0.3992, 0.1378, 0.0000}, 4);
    expect_weights(w);
}

TEST(Entropy, ZavadskasPodvezkoExampleWithValuesAsGiven) {
    // Zavadskas, E.K. & Podvezko, V. (2016), Integrated determination of objective criteria weights
    // in MCDM, Int. J. Information Technology & Decision Making 15(2), 267-283: entropy weights
    // 0.1146, 0.1981, 0.4185, 0.2689 from the shares of the values as given (the entropy measures
    // spread, so the paper's cost columns 1 and 3 enter unflipped).
    Eigen::MatrixXd x(4, 4);
    x << 3.0, 100, 10, 7,  //
        2.5, 80, 8, 5,     //
        1.8, 50, 20, 11,   //
        2.2, 70, 12, 9;
    expect_printed(entropy_weights(x, {}, ObjectiveNormalization::none), {0.1146, 0.1981, 0.4185, 0.2689}, 4);
}

TEST(Entropy, MinMaxIsEntropyOfTheRescaledColumns) {
    // Independent computation of the min_max variant on a small matrix.
    Eigen::MatrixXd x(4, 3);
    x << 10, 5, 300,  //
        20, 3, 100,   //
        40, 4, 200,   //
        30, 1, 400;
    const std::vector<bool> benefit = {true, false, true};
    Eigen::VectorXd d(3);
    for (Eigen::Index c = 0; c < 3; ++c) {
        const double lo = x.col(c).minCoeff(), hi = x.col(c).maxCoeff();
        Eigen::VectorXd z(4);
        for (Eigen::Index r = 0; r < 4; ++r) z[r] = benefit[static_cast<std::size_t>(c)] ? (x(r, c) - lo) / (hi - lo) : (hi - x(r, c)) / (hi - lo);
        double e = 0;
        for (Eigen::Index r = 0; r < 4; ++r) {
            const double p = z[r] / z.sum();
            if (p > 0) e -= p * std::log(p) / std::log(4.0);
        }
        d[c] = 1 - e;
    }
    EXPECT_TRUE(entropy_weights(x, benefit).isApprox(d / d.sum(), 1e-12));
}

TEST(Entropy, ReadsAnyLayoutInPlace) {
    std::mt19937 rng(9);
    const Eigen::MatrixXd x = random_table(rng, 12, 5);
    const Eigen::VectorXd expected = entropy_weights(x);
    const RowMatrix row_major = x;
    EXPECT_TRUE(entropy_weights(row_major).isApprox(expected, 1e-14));
    // A block of a bigger matrix, and a strided view, are read through MatrixView without copies.
    Eigen::MatrixXd bigger = Eigen::MatrixXd::Zero(20, 9);
    bigger.block(3, 2, 12, 5) = x;
    EXPECT_TRUE(entropy_weights(bigger.block(3, 2, 12, 5)).isApprox(expected, 1e-14));
    EXPECT_TRUE(entropy_weights(MatrixView(x)).isApprox(expected, 1e-14));
    // An expression is evaluated first.
    EXPECT_TRUE(entropy_weights(2.0 * x).isApprox(expected, 1e-12));
}

TEST(EntropyProperties, UnchangedByPositiveScalingOfAColumn) {
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> factor(0.01, 100.0);
    for (int trial = 0; trial < 40; ++trial) {
        const Eigen::Index rows = 2 + trial % 9, cols = 1 + trial % 6;
        Eigen::MatrixXd x = random_table(rng, rows, cols);
        std::vector<bool> benefit(static_cast<std::size_t>(cols));
        for (std::size_t c = 0; c < benefit.size(); ++c) benefit[c] = (trial + c) % 3 != 0;
        const Eigen::VectorXd w = entropy_weights(x, benefit);
        expect_weights(w);
        Eigen::MatrixXd scaled = x;
        scaled.col(trial % cols) *= factor(rng);
        EXPECT_TRUE(entropy_weights(scaled, benefit).isApprox(w, 1e-10)) << "trial " << trial;
        // Values as given: shares do not change when a column is scaled either.
        const Eigen::MatrixXd positive = x.array() + 60.0;
        const Eigen::VectorXd raw = entropy_weights(positive, {}, ObjectiveNormalization::none);
        expect_weights(raw);
        Eigen::MatrixXd positive_scaled = positive;
        positive_scaled.col(trial % cols) *= factor(rng);
        EXPECT_TRUE(entropy_weights(positive_scaled, {}, ObjectiveNormalization::none).isApprox(raw, 1e-10));
    }
}

TEST(EntropyProperties, CostColumnIsTheFlippedBenefitColumn) {
    std::mt19937 rng(4);
    const Eigen::MatrixXd x = random_table(rng, 10, 4);
    Eigen::MatrixXd negated = x;
    negated.col(1) = -negated.col(1);
    EXPECT_TRUE(entropy_weights(x, {true, false, true, true}).isApprox(entropy_weights(negated), 1e-12));
    EXPECT_TRUE(critic_weights(x, {true, false, true, true}).isApprox(critic_weights(negated), 1e-12));
}

TEST(Entropy, RejectsDataItCannotWeigh) {
    Eigen::MatrixXd x(3, 3);
    x << 1, 5, 3,  //
        2, 5, 1,   //
        3, 5, 2;
    // A column that does not vary gets weight 0 (and is reported); every column constant is an error.
    const Eigen::MatrixXd flat = Eigen::MatrixXd::Constant(3, 2, 5.0);
    const std::string none_varies = validation_message([&] { (void)entropy_weights(flat); }, "x");
    EXPECT_TRUE(mentions(none_varies, "no column varies")) << none_varies;
    EXPECT_EQ(chinese_error([&] { (void)entropy_weights(flat); }), "x: 没有一列有变化（每列取值都相同）: 数据对熵权法不含信息；请手工赋权");
    EXPECT_EQ(chinese_error([&] { (void)entropy_weights(x.topRows(1)); }), "x: 1 行；熵权法至少需要 2 个评价对象（行）");
    validation_message([&] { (void)critic_weights(flat); }, "x");
    validation_message([&] { (void)std_weights(flat); }, "x");
    EXPECT_NO_THROW((void)entropy_weights(x));

    x(1, 1) = 7;
    x(2, 0) = nan_value;
    EXPECT_TRUE(mentions(validation_message([&] { (void)entropy_weights(x); }, "x[2][0]"), "nan"));
    x(2, 0) = std::numeric_limits<double>::infinity();
    validation_message([&] { (void)critic_weights(x); }, "x[2][0]");
    x(2, 0) = 3;
    validation_message([&] { (void)entropy_weights(x, {true, false}); }, "benefit");
    validation_message([&] { (void)entropy_weights(x.topRows(1)); }, "x");
    x(0, 2) = -3;
    EXPECT_TRUE(mentions(validation_message([&] { (void)entropy_weights(x, {}, ObjectiveNormalization::none); }, "x[0][2]"),
                         ">= 0"));
    validation_message([&] { (void)std_weights(x, {true, false, true}, ObjectiveNormalization::none); }, "benefit[1]");
    EXPECT_NO_THROW((void)entropy_weights(x, {true, false, true}));
}

TEST(Entropy, RejectsValuesBeyondDoublePrecision) {
    Eigen::MatrixXd x(3, 2);
    x << 1e308, 1,  //
        -1e308, 2,  //
        0, 3;
    EXPECT_TRUE(mentions(validation_message([&] { (void)entropy_weights(x); }, "x[:, 0]"), "rescale"));
    x.col(0) << 1e308, 1.5e308, 1.7e308;
    EXPECT_TRUE(mentions(validation_message([&] { (void)entropy_weights(x, {}, ObjectiveNormalization::none); }, "x[:, 0]"),
                         "rescale"));
    EXPECT_TRUE(mentions(validation_message([&] { (void)critic_weights(x, {}, ObjectiveNormalization::none); }, "x"),
                         "rescale"));
    EXPECT_TRUE(mentions(validation_message([&] { (void)std_weights(x, {}, ObjectiveNormalization::none); }, "x"), "rescale"));
    // Rescaled, the same data are weighed.
    EXPECT_NO_THROW((void)entropy_weights(x / 1e300, {}, ObjectiveNormalization::none));
    EXPECT_NO_THROW((void)critic_weights(x));
}

// ---- CRITIC weights --------------------------------------------------------------------------

TEST(Critic, TusAytacAdaliExample) {
    // Tus, A. & Aytac Adali, E. (2019), The new combination with CRITIC and WASPAS methods for the
    // time and attendance software selection problem, Opsearch 56(2), 528-538: CRITIC weights
    // 0.157, 0.249, 0.168, 0.121, 0.154, 0.151 (Diakoulaki et al.'s min-max normalisation of every
    // column as a benefit column reproduces them; so do pyrepo-mcda's tests).
    Eigen::MatrixXd x(5, 6);
    x << 5000, 3, 3, 4, 3, 2,  //
        680, 5, 3, 2, 2, 1,    //
        2000, 3, 2, 3, 4, 3,   //
        600, 4, 3, 1, 2, 2,    //
        800, 2, 4, 3, 3, 4;
    const Eigen::VectorXd w = critic_weights(x);
    expect_printed(w, {0.157, 0.249, 0.168, 0.121, 0.154, 0.151}, 3);
    expect_weights(w);
}

TEST(CriticProperties, UnchangedByUnitsAndPositiveAndSumToOne) {
    std::mt19937 rng(77);
    std::uniform_real_distribution<double> factor(0.01, 100.0), shift(-1000.0, 1000.0);
    for (int trial = 0; trial < 40; ++trial) {
        const Eigen::Index rows = 3 + trial % 8, cols = 2 + trial % 5;
        const Eigen::MatrixXd x = random_table(rng, rows, cols);
        const Eigen::VectorXd w = critic_weights(x);
        expect_weights(w);
        Eigen::MatrixXd changed_units = x;
        changed_units.col(trial % cols) = changed_units.col(trial % cols).array() * factor(rng) + shift(rng);
        EXPECT_TRUE(critic_weights(changed_units).isApprox(w, 1e-9)) << "trial " << trial;
        EXPECT_TRUE(std_weights(changed_units).isApprox(std_weights(x), 1e-9)) << "trial " << trial;
    }
}

TEST(Critic, RejectsDataWithoutConflict) {
    Eigen::MatrixXd one(4, 1);
    one << 1, 2, 3, 4;
    EXPECT_TRUE(mentions(validation_message([&] { (void)critic_weights(one); }, "x"), "at least 2"));
    Eigen::MatrixXd correlated(4, 2);
    correlated << 1, 3, 2, 5, 3, 7, 4, 9;  // second = 2 x first + 1
    EXPECT_TRUE(mentions(validation_message([&] { (void)critic_weights(correlated); }, "x"), "perfectly correlated"));
}

// ---- standard-deviation weights --------------------------------------------------------------

TEST(StdWeights, SalabunExampleWithValuesAsGiven) {
    // Salabun, W., Watrobski, J. & Shekhovtsov, A. (2020), Are MCDA methods benchmarkable? A
    // comparative study of TOPSIS, VIKOR, COPRAS, and PROMETHEE II methods, Symmetry 12(9), 1549:
    // standard-deviation weights 0.217, 0.294, 0.488 of a matrix already in [0, 1].
    Eigen::MatrixXd x(5, 3);
    x << 0.619, 0.449, 0.447,  //
        0.862, 0.466, 0.006,   //
        0.458, 0.698, 0.771,   //
        0.777, 0.631, 0.491,   //
        0.567, 0.992, 0.968;
    expect_printed(std_weights(x, {}, ObjectiveNormalization::none), {0.217, 0.294, 0.488}, 3);
}

// ---- objective weights: the fast reading against the definitions -------------------------------
//
// The implementation never builds the normalised matrix: it reads x by rows, in blocks, with
// per-column sums of shifted values, CRITIC's correlation row sums without the correlation
// matrix, and entropy's sum p ln p as sum z ln z / Z - ln Z. These tests hold it to the formulas
// of docs/methods.md computed the plain way in long double (normalised copy, full correlation
// matrix, std::log of each share), on every layout and SIMD path.

/// What the objective-weight methods are defined as, in long double: the reference.
struct DefinedWeights {
    using LongMatrix = Eigen::Matrix<long double, Eigen::Dynamic, Eigen::Dynamic>;
    using LongVector = Eigen::Matrix<long double, Eigen::Dynamic, 1>;

    DefinedWeights(const Eigen::MatrixXd& x, const Benefit& benefit, ObjectiveNormalization normalization)
        : z(x.cast<long double>()) {
        for (Eigen::Index c = 0; c < z.cols(); ++c) {
            if (normalization == ObjectiveNormalization::none) continue;
            const long double low = z.col(c).minCoeff(), high = z.col(c).maxCoeff();
            const bool higher_is_better = benefit.empty() || benefit[static_cast<std::size_t>(c)];
            if (higher_is_better)
                z.col(c) = (z.col(c).array() - low) / (high - low);
            else
                z.col(c) = (high - z.col(c).array()) / (high - low);
        }
    }

    [[nodiscard]] LongVector sigma() const {
        const LongMatrix centred = z.rowwise() - z.colwise().mean();
        return (centred.colwise().squaredNorm() / static_cast<long double>(z.rows() - 1)).array().sqrt().transpose();
    }
    [[nodiscard]] Eigen::VectorXd std_weights() const { return shares(sigma()); }
    [[nodiscard]] Eigen::VectorXd critic_weights() const {
        const LongVector s = sigma();
        const LongMatrix centred = z.rowwise() - z.colwise().mean();
        const LongMatrix correlation =
            (centred.transpose() * centred / static_cast<long double>(z.rows() - 1)).array() / (s * s.transpose()).array();
        return shares(s.cwiseProduct((1.0L - correlation.array()).matrix().rowwise().sum()));
    }
    [[nodiscard]] Eigen::VectorXd entropy_weights() const {
        LongVector divergence(z.cols());
        for (Eigen::Index c = 0; c < z.cols(); ++c) {
            long double entropy = 0;
            for (Eigen::Index r = 0; r < z.rows(); ++r) {
                const long double p = z(r, c) / z.col(c).sum();
                if (p > 0) entropy -= p * std::log(p);
            }
            divergence[c] = 1 - entropy / std::log(static_cast<long double>(z.rows()));
        }
        return shares(divergence);
    }

    LongMatrix z;  ///< the normalised columns

private:
    static Eigen::VectorXd shares(const LongVector& scores) { return (scores / scores.sum()).cast<double>(); }
};

/// Every weight within `relative` x the largest weight of the reference.
void expect_near_weights(const Eigen::VectorXd& actual, const Eigen::VectorXd& reference, double relative, const std::string& what) {
    ASSERT_EQ(actual.size(), reference.size()) << what;
    const double tolerance = relative * reference.cwiseAbs().maxCoeff();
    for (Eigen::Index i = 0; i < actual.size(); ++i) EXPECT_NEAR(actual[i], reference[i], tolerance) << what << ", weight " << i;
}

/// Positive values on mixed scales (1e-2 to 1e4), as the benchmarks draw them.
Eigen::MatrixXd lognormal_table(std::mt19937& rng, Eigen::Index rows, Eigen::Index cols) {
    std::lognormal_distribution<double> value(0.0, 0.5);
    std::uniform_int_distribution<int> exponent(-2, 4);
    Eigen::MatrixXd x(rows, cols);
    for (Eigen::Index c = 0; c < cols; ++c) {
        const double scale = std::pow(10.0, exponent(rng));
        for (Eigen::Index r = 0; r < rows; ++r) x(r, c) = value(rng) * scale;
    }
    return x;
}

Benefit mixed_benefit(std::mt19937& rng, Eigen::Index cols) {
    Benefit b(static_cast<std::size_t>(cols));
    for (std::size_t c = 0; c < b.size(); ++c) b[c] = std::bernoulli_distribution(0.7)(rng);
    return b;
}

TEST(ObjectiveWeights, EqualTheDefinitionsOnShapesAroundTheBlocksAndLanes) {
    // 1e-12 relative: rounding only. Shapes on both sides of 8 columns (CRITIC's lanes) and of
    // the row blocks (32 rows at 256 columns, 256 rows at 9 columns) and of the groups of 4 rows.
    std::mt19937 rng(15);
    for (const auto& [rows, cols] : std::vector<std::pair<Eigen::Index, Eigen::Index>>{
             {2, 1}, {3, 2}, {5, 7}, {17, 8}, {33, 9}, {300, 37}, {257, 9}, {40, 256}, {1000, 203}}) {
        const Eigen::MatrixXd x = lognormal_table(rng, rows, cols);
        const Benefit benefit = mixed_benefit(rng, cols);
        const std::string shape = std::to_string(rows) + " x " + std::to_string(cols);
        const DefinedWeights min_max(x, benefit, ObjectiveNormalization::min_max), none(x, {}, ObjectiveNormalization::none);
        expect_near_weights(std_weights(x, benefit), min_max.std_weights(), 1e-12, "std, min_max, " + shape);
        expect_near_weights(std_weights(x, {}, ObjectiveNormalization::none), none.std_weights(), 1e-12, "std, none, " + shape);
        expect_near_weights(entropy_weights(x, benefit), min_max.entropy_weights(), 1e-12, "entropy, min_max, " + shape);
        expect_near_weights(entropy_weights(x, {}, ObjectiveNormalization::none), none.entropy_weights(), 1e-12,
                            "entropy, none, " + shape);
        if (cols < 2) continue;
        expect_near_weights(critic_weights(x, benefit), min_max.critic_weights(), 1e-12, "CRITIC, min_max, " + shape);
        expect_near_weights(critic_weights(x, {}, ObjectiveNormalization::none), none.critic_weights(), 1e-12,
                            "CRITIC, none, " + shape);
    }
}

TEST(ObjectiveWeights, BadlyScaledColumnsLoseNothing) {
    // 1e8 plus differences of order 1: sums of squares taken as sum x^2 - m mean^2 would lose
    // all 16 digits here (x^2 ~ 1e16, the variance ~ 0.1); shifted sums lose none.
    std::mt19937 rng(8);
    std::uniform_real_distribution<double> noise(0.0, 1.0);
    Eigen::MatrixXd x(500, 6);
    for (Eigen::Index c = 0; c < x.cols(); ++c)
        for (Eigen::Index r = 0; r < x.rows(); ++r) x(r, c) = 1e8 * static_cast<double>(c + 1) + noise(rng) * static_cast<double>(c + 1);
    const Benefit benefit = {true, false, true, true, false, true};
    const DefinedWeights min_max(x, benefit, ObjectiveNormalization::min_max), none(x, {}, ObjectiveNormalization::none);
    expect_near_weights(std_weights(x, benefit), min_max.std_weights(), 1e-12, "std, min_max");
    expect_near_weights(std_weights(x, {}, ObjectiveNormalization::none), none.std_weights(), 1e-12, "std, none");
    expect_near_weights(critic_weights(x, benefit), min_max.critic_weights(), 1e-12, "CRITIC, min_max");
    expect_near_weights(critic_weights(x, {}, ObjectiveNormalization::none), none.critic_weights(), 1e-12, "CRITIC, none");
    expect_near_weights(entropy_weights(x, benefit), min_max.entropy_weights(), 1e-12, "entropy, min_max");
    // (Entropy of these values as given is 1 - 1e-17: every method's divergence is rounding there.)
}

TEST(ObjectiveWeights, ExtremeMagnitudesAreMeasuredOnTheNormalisedColumns) {
    // Values near 1e300 (their squares overflow) and near 1e-160 (their squares underflow): with
    // min_max the weights are those of the normalised columns, as for any other values.
    std::mt19937 rng(30);
    std::uniform_real_distribution<double> value(1.0, 9.0);
    Eigen::MatrixXd x(50, 3);
    for (Eigen::Index r = 0; r < x.rows(); ++r) x.row(r) << value(rng) * 1e300, value(rng) * 1e-160, value(rng);
    const DefinedWeights reference(x, {true, false, true}, ObjectiveNormalization::min_max);
    expect_near_weights(std_weights(x, {true, false, true}), reference.std_weights(), 1e-12, "std");
    expect_near_weights(critic_weights(x, {true, false, true}), reference.critic_weights(), 1e-12, "CRITIC");
    expect_near_weights(entropy_weights(x, {true, false, true}), reference.entropy_weights(), 1e-12, "entropy");
}

TEST(ObjectiveWeights, EveryLayoutGivesIdenticalWeights) {
    // Row-major (numpy), column-major (Eigen), a block of a bigger matrix and every other column
    // of raw memory: the same values meet the same operations in the same order.
    std::mt19937 rng(21);
    const Eigen::MatrixXd x = lognormal_table(rng, 300, 37);
    const Benefit benefit = mixed_benefit(rng, 37);
    const RowMatrix row_major = x;
    Eigen::MatrixXd bigger = Eigen::MatrixXd::Zero(310, 40);
    bigger.block(4, 2, 300, 37) = x;
    std::vector<double> interleaved(300 * 74, -1.0);
    for (Eigen::Index r = 0; r < 300; ++r)
        for (Eigen::Index c = 0; c < 37; ++c) interleaved[static_cast<std::size_t>(r * 74 + 2 * c)] = x(r, c);
    const MatrixView every_other(interleaved.data(), 300, 37, 74, 2);
    for (const auto normalization : {ObjectiveNormalization::min_max, ObjectiveNormalization::none}) {
        const Benefit b = normalization == ObjectiveNormalization::none ? Benefit{} : benefit;
        for (const auto method : {&std_weights, &critic_weights, &entropy_weights}) {
            const Eigen::VectorXd expected = method(row_major, b, normalization, nullptr);
            EXPECT_EQ(method(x, b, normalization, nullptr), expected);
            EXPECT_EQ(method(bigger.block(4, 2, 300, 37), b, normalization, nullptr), expected);
            EXPECT_EQ(method(every_other, b, normalization, nullptr), expected);
        }
    }
}

TEST(Entropy, ColumnGroupsOnThreadsGiveTheSameBitsInEveryLayout) {
    // 2,100 x 70 is past the size where the logarithms are shared among threads in groups of
    // columns (147,000 cells; groups of 24, 24 and 22 columns): each column is summed in the same
    // row blocks whichever thread takes it, so every call and every layout gives the same bits,
    // and they are the definition's within rounding.
    std::mt19937 rng(33);
    const Eigen::MatrixXd x = lognormal_table(rng, 2100, 70);
    const RowMatrix row_major = x;
    const Benefit benefit = mixed_benefit(rng, 70);
    for (const auto normalization : {ObjectiveNormalization::min_max, ObjectiveNormalization::none}) {
        const Benefit b = normalization == ObjectiveNormalization::none ? Benefit{} : benefit;
        const Eigen::VectorXd first = entropy_weights(row_major, b, normalization);
        expect_near_weights(first, DefinedWeights(x, b, normalization).entropy_weights(), 1e-12, to_string(normalization));
        for (int call = 0; call < 3; ++call) {
            EXPECT_EQ(entropy_weights(row_major, b, normalization), first);
            EXPECT_EQ(entropy_weights(x, b, normalization), first);
        }
    }
    // The groups are measured before the data are checked; the error is still the first in column
    // order: a NaN in the third group, found before a negative value in the second, which only
    // values as given refuse.
    RowMatrix bad = row_major;
    bad(1500, 60) = nan_value;
    bad(10, 30) = -1.0;
    for (const auto normalization : {ObjectiveNormalization::min_max, ObjectiveNormalization::none})
        EXPECT_TRUE(mentions(validation_message([&] { (void)entropy_weights(bad, {}, normalization); }, "x[1500][60]"), "nan"));
    bad(1500, 60) = 1.0;
    EXPECT_TRUE(mentions(validation_message([&] { (void)entropy_weights(bad, {}, ObjectiveNormalization::none); }, "x[10][30]"), ">= 0"));
    EXPECT_NO_THROW((void)entropy_weights(bad));
}

TEST(ObjectiveWeights, SimdPathsAgreeAndRepeatExactly) {
    // No sum is reassociated on either path (per-column sums run down the rows; CRITIC's row sums
    // use 8 fixed lanes), but GCC fuses a * b + c into one rounding on the AVX2 path, which the
    // baseline cannot: the paths differ by rounding, within 1e-13 of the largest weight. The
    // AVX-512 path fuses the same operations as the AVX2 path, in vectors twice as wide: the same
    // bits. On one path a result is identical run to run (no threads, no order that depends on timing).
    std::mt19937 rng(5);
    const Eigen::MatrixXd x = lognormal_table(rng, 700, 53);
    const RowMatrix row_major = x;
    const Benefit benefit = mixed_benefit(rng, 53);
    test::SimdPathGuard guard;
    std::vector<Eigen::VectorXd> baseline;
    std::map<SimdPath, std::vector<Eigen::VectorXd>> by_path;
    for (const SimdPath path : available_simd_paths()) {
        use_simd_path(path);
        std::vector<Eigen::VectorXd> weights;
        for (const auto method : {&std_weights, &critic_weights, &entropy_weights}) {
            weights.push_back(method(row_major, benefit, ObjectiveNormalization::min_max, nullptr));
            EXPECT_EQ(method(row_major, benefit, ObjectiveNormalization::min_max, nullptr), weights.back()) << to_string(path);
            weights.push_back(method(row_major, {}, ObjectiveNormalization::none, nullptr));
        }
        if (baseline.empty()) baseline = weights;
        for (std::size_t i = 0; i < weights.size(); ++i)
            expect_near_weights(weights[i], baseline[i], 1e-13, std::string(to_string(path)) + ", case " + std::to_string(i));
        by_path[path] = weights;
    }
    if (by_path.count(SimdPath::avx512) != 0) {
        EXPECT_EQ(by_path[SimdPath::avx512], by_path[SimdPath::avx2_fma]);
    }
}

TEST(ObjectiveWeights, ProblemsAreNamedInColumnOrderWhateverTheLayout) {
    // The fast pass only sees that something is wrong; the message still names the first problem
    // column by column, as the methods check them. A constant column (1) is no problem: the NaN in
    // column 3 is named.
    Eigen::MatrixXd x(40, 5);
    std::mt19937 rng(2);
    x = lognormal_table(rng, 40, 5);
    x.col(1).setConstant(4.0);
    x(0, 3) = nan_value;
    const RowMatrix row_major = x;
    for (const auto method : {&std_weights, &critic_weights, &entropy_weights, &gini_weights}) {
        EXPECT_TRUE(mentions(validation_message([&] { (void)method(row_major, {}, ObjectiveNormalization::min_max, nullptr); }, "x[0][3]"),
                             "nan"));
        EXPECT_TRUE(mentions(validation_message([&] { (void)method(x, {}, ObjectiveNormalization::min_max, nullptr); }, "x[0][3]"),
                             "nan"));
    }
    for (const auto method : {&merec_weights, &cilos_weights, &idocriw_weights})
        EXPECT_TRUE(mentions(validation_message([&] { (void)method(row_major, {}, nullptr); }, "x[0][3]"), "nan"));
    x.col(1) = lognormal_table(rng, 40, 1);
    x(7, 2) = std::numeric_limits<double>::infinity();  // column 2 before column 3, though row 7 after row 0
    const RowMatrix with_infinity = x;
    for (const auto method : {&std_weights, &critic_weights, &entropy_weights, &gini_weights})
        EXPECT_TRUE(mentions(validation_message([&] { (void)method(with_infinity, {}, ObjectiveNormalization::none, nullptr); }, "x[7][2]"),
                             "inf"));
    x(7, 2) = 1.0;
    x(0, 3) = 2.0;
    x(30, 1) = -1.0;
    x(2, 4) = -3.0;
    const RowMatrix negative = x;
    EXPECT_TRUE(mentions(validation_message([&] { (void)entropy_weights(negative, {}, ObjectiveNormalization::none); }, "x[30][1]"),
                         ">= 0"));
}

TEST(Critic, PerfectlyCorrelatedColumnsAreRejectedAtAnySize) {
    // Columns that are increasing affine functions of one another (a cost column decreasing, under
    // min_max) carry no conflict whatever rounding the row sums pick up.
    std::mt19937 rng(12);
    std::uniform_real_distribution<double> value(0.0, 100.0);
    for (const Eigen::Index rows : {4, 50, 3000}) {
        Eigen::MatrixXd x(rows, 6);
        for (Eigen::Index r = 0; r < rows; ++r) {
            const double v = value(rng);
            x.row(r) << v, 3 * v + 1, 0.001 * v - 7, 1e4 * v, -2 * v, v / 3;
        }
        EXPECT_TRUE(mentions(validation_message([&] { (void)critic_weights(x, {true, true, true, true, false, true}); }, "x"),
                             "perfectly correlated"))
            << rows << " rows";
    }
}

// ---- constant columns ------------------------------------------------------------------------

TEST(ObjectiveWeights, ConstantColumnGetsZeroAndIsReported) {
    // A column that does not vary carries no information: weight 0, the others as if it were left
    // out (for CRITIC by definition, for the others because their weights are shares of per-column
    // figures), and the caller is told which.
    std::mt19937 rng(21);
    const Eigen::MatrixXd varying = lognormal_table(rng, 12, 3);
    Eigen::MatrixXd x(12, 5);
    x << varying.col(0), Eigen::VectorXd::Constant(12, 7.0), varying.col(1), varying.col(2), Eigen::VectorXd::Constant(12, 2.5);
    const Benefit benefit = {true, false, false, true, true};
    const Benefit kept = {true, false, true};
    for (const auto normalization : {ObjectiveNormalization::min_max, ObjectiveNormalization::none}) {
        const Benefit b = normalization == ObjectiveNormalization::none ? Benefit{} : benefit;
        const Benefit k = normalization == ObjectiveNormalization::none ? Benefit{} : kept;
        for (const auto method : {&std_weights, &critic_weights, &entropy_weights, &gini_weights}) {
            ConstantColumns constant;
            const Eigen::VectorXd w = method(x, b, normalization, &constant);
            EXPECT_EQ(constant, (ConstantColumns{1, 4}));
            EXPECT_EQ(w[1], 0.0);
            EXPECT_EQ(w[4], 0.0);
            expect_weights(w);
            const Eigen::VectorXd without = method(varying, k, normalization, nullptr);
            EXPECT_NEAR(w[0], without[0], 1e-12);
            EXPECT_NEAR(w[2], without[1], 1e-12);
            EXPECT_NEAR(w[3], without[2], 1e-12);
        }
    }
    for (const auto method : {&merec_weights, &cilos_weights, &idocriw_weights}) {
        ConstantColumns constant;
        const Eigen::VectorXd w = method(x, benefit, &constant);
        EXPECT_EQ(constant, (ConstantColumns{1, 4}));
        EXPECT_EQ(w[1], 0.0);
        EXPECT_EQ(w[4], 0.0);
        expect_weights(w);
    }
    // Without the out parameter the weights are the same.
    EXPECT_EQ(entropy_weights(x, benefit), entropy_weights(x, benefit, ObjectiveNormalization::min_max, nullptr));
    // Every column varying: nothing reported.
    ConstantColumns none = {3};
    (void)std_weights(varying, {}, ObjectiveNormalization::min_max, &none);
    EXPECT_TRUE(none.empty());
    // Fewer than two columns that vary: CRITIC has no conflict to measure.
    Eigen::MatrixXd one_varies(4, 2);
    one_varies << 1, 3, 2, 3, 3, 3, 5, 3;
    EXPECT_TRUE(mentions(validation_message([&] { (void)critic_weights(one_varies); }, "x"), "1 column(s) that vary"));
    const Eigen::VectorXd only = entropy_weights(one_varies);
    EXPECT_EQ(only[0], 1.0);
    EXPECT_EQ(only[1], 0.0);
}

// ---- MEREC -----------------------------------------------------------------------------------

TEST(Merec, KeshavarzGhorabaeeExample) {
    // Keshavarz-Ghorabaee, M., Amiri, M., Zavadskas, E.K., Turskis, Z. & Antucheviciene, J. (2021),
    // Determination of objective weights using a new method based on the removal effects of
    // criteria (MEREC), Symmetry 13(4), 525: the illustrative example (five alternatives, criteria
    // 1-2 benefit, 3-4 cost), weights 0.5752, 0.0141, 0.4016, 0.0091 (pymcdm's tests check the same).
    Eigen::MatrixXd x(5, 4);
    x << 450, 8000, 54, 145,  //
        10, 9100, 2, 160,     //
        100, 8200, 31, 153,   //
        220, 9300, 1, 162,    //
        5, 8400, 23, 158;
    const Eigen::VectorXd w = merec_weights(x, {true, true, false, false});
    expect_printed(w, {0.5752, 0.0141, 0.4016, 0.0091}, 4);
    expect_weights(w);
}

TEST(Merec, EqualsTheDefinition) {
    // S_i and S'_ij computed as written, with the criterion removed.
    std::mt19937 rng(31);
    const Eigen::MatrixXd x = lognormal_table(rng, 9, 5);
    const Benefit benefit = {true, false, true, false, false};
    const auto n = static_cast<double>(x.cols());
    Eigen::MatrixXd normalised(x.rows(), x.cols());
    for (Eigen::Index c = 0; c < x.cols(); ++c)
        for (Eigen::Index r = 0; r < x.rows(); ++r)
            normalised(r, c) = benefit[static_cast<std::size_t>(c)] ? x.col(c).minCoeff() / x(r, c) : x(r, c) / x.col(c).maxCoeff();
    Eigen::VectorXd effect = Eigen::VectorXd::Zero(x.cols());
    for (Eigen::Index r = 0; r < x.rows(); ++r) {
        double all = 0;
        for (Eigen::Index c = 0; c < x.cols(); ++c) all += std::abs(std::log(normalised(r, c)));
        const double s = std::log(1 + all / n);
        for (Eigen::Index j = 0; j < x.cols(); ++j) effect[j] += std::abs(std::log(1 + (all - std::abs(std::log(normalised(r, j)))) / n) - s);
    }
    EXPECT_TRUE(merec_weights(x, benefit).isApprox(effect / effect.sum(), 1e-12));
    Eigen::MatrixXd bad = x;
    bad(3, 2) = 0;
    EXPECT_TRUE(mentions(validation_message([&] { (void)merec_weights(bad); }, "x[3][2]"), "> 0"));
}

// ---- Gini ------------------------------------------------------------------------------------

TEST(Gini, PymcdmExampleWithValuesAsGiven) {
    // pymcdm's own test (a 3 x 3 matrix, 0.412, 0.2562, 0.3319, "without reference"); the published
    // example is the next test.
    Eigen::MatrixXd x(3, 3);
    x << 5, 6, 7,  //
        5.5, 6.1, 8,  //
        4, 5, 9;
    expect_printed(gini_weights(x, {}, ObjectiveNormalization::none), {0.4120, 0.2562, 0.3319}, 4);
}

TEST(Gini, BaczkiewiczEtAlCameraSelection) {
    // Bączkiewicz, Wątróbski, Kizielewicz & Sałabun (2021), "Towards Reliable Results - A
    // Comparative Analysis of Selected MCDA Techniques in the Camera Selection Problem", LNBIP 442,
    // pp. 143-165, doi:10.1007/978-3-030-98997-2_7: 20 cameras x 11 criteria, Gini weights printed
    // to four places (as pyrepo-mcda's test_weighting_methods.py quotes the paper), the values as
    // given (no normalisation; the criteria's directions do not enter).
    const Eigen::MatrixXd x = matrix_of({{29.4, 83, 47, 114, 12, 30, 120, 240, 170, 90, 1717.75},
                                         {30, 38.1, 124.7, 117, 16, 60, 60, 60, 93, 70, 2389},
                                         {29.28, 59.27, 41.13, 58, 16, 30, 60, 120, 170, 78, 239.99},
                                         {33.6, 71, 55, 159, 23.6, 60, 240, 240, 132, 140, 2099},
                                         {21, 59, 41, 66, 16, 24, 60, 120, 170, 70, 439},
                                         {35, 65, 42, 134, 12, 60, 240, 240, 145, 60, 1087},
                                         {47, 79, 54, 158, 19, 60, 120, 120, 360, 72, 2499},
                                         {28.3, 62.3, 44.9, 116, 12, 30, 60, 60, 130, 90, 999.99},
                                         {36.9, 28.6, 121.6, 130, 12, 60, 120, 120, 80, 80, 1099},
                                         {32, 59, 41, 60, 16, 30, 120, 120, 170, 60, 302.96},
                                         {28.4, 66.3, 48.6, 126, 12, 60, 240, 240, 132, 135, 1629},
                                         {29.8, 46, 113, 47, 18, 50, 50, 50, 360, 72, 2099},
                                         {20.2, 64, 80, 70, 8, 24, 60, 120, 166, 480, 699.99},
                                         {33, 60, 44, 59, 12, 30, 60, 120, 170, 90, 388},
                                         {29, 59, 41, 55, 16, 30, 60, 120, 170, 120, 299},
                                         {29, 59, 41, 182, 12, 30, 30, 60, 94, 140, 249},
                                         {29.8, 59.2, 41, 65, 16, 30, 60, 120, 160, 90, 219.99},
                                         {28.8, 62.5, 41, 70, 12, 60, 120, 120, 170, 138, 1399.99},
                                         {24, 40, 59, 60, 12, 10, 30, 30, 140, 78, 269.99},
                                         {30, 60, 45, 201, 16, 30, 30, 30, 170, 90, 199.99}});
    expect_printed(gini_weights(x, {}, ObjectiveNormalization::none),
                   {0.0362, 0.0437, 0.0848, 0.0984, 0.0480, 0.0842, 0.1379, 0.1125, 0.0745, 0.1107, 0.1690}, 4);
}

TEST(Gini, EqualsTheDefinitionOnBothNormalisations) {
    std::mt19937 rng(8);
    const Eigen::MatrixXd x = lognormal_table(rng, 11, 4);
    const Benefit benefit = {true, false, true, false};
    const auto gini_of = [](const Eigen::VectorXd& z) {
        double sum = 0;
        for (Eigen::Index i = 0; i < z.size(); ++i)
            for (Eigen::Index k = 0; k < z.size(); ++k) sum += std::abs(z[i] - z[k]);
        return sum / (2.0 * static_cast<double>(z.size() * z.size()) * z.mean());
    };
    Eigen::VectorXd raw(4), scaled(4);
    for (Eigen::Index c = 0; c < 4; ++c) {
        raw[c] = gini_of(x.col(c));
        const double lo = x.col(c).minCoeff(), hi = x.col(c).maxCoeff();
        const Eigen::VectorXd up = (x.col(c).array() - lo) / (hi - lo);
        const Eigen::VectorXd down = (hi - x.col(c).array()) / (hi - lo);
        const Eigen::VectorXd z = benefit[static_cast<std::size_t>(c)] ? up : down;
        scaled[c] = gini_of(z);
    }
    EXPECT_TRUE(gini_weights(x, {}, ObjectiveNormalization::none).isApprox(raw / raw.sum(), 1e-12));
    EXPECT_TRUE(gini_weights(x, benefit).isApprox(scaled / scaled.sum(), 1e-12));
    Eigen::MatrixXd negative = x;
    negative(2, 1) = -1;
    EXPECT_TRUE(mentions(validation_message([&] { (void)gini_weights(negative, {}, ObjectiveNormalization::none); }, "x[2][1]"), ">= 0"));
    EXPECT_NO_THROW((void)gini_weights(negative));
}

// ---- CILOS and IDOCRIW -----------------------------------------------------------------------

namespace {

Eigen::MatrixXd zavadskas_podvezko_2016() {
    Eigen::MatrixXd x(4, 4);
    x << 3.0, 100, 10, 7,  //
        2.5, 80, 8, 5,     //
        1.8, 50, 20, 11,   //
        2.2, 70, 12, 9;
    return x;
}

}  // namespace

TEST(Cilos, ZavadskasPodvezkoExample) {
    // Zavadskas, E.K. & Podvezko, V. (2016), Integrated determination of objective criteria weights
    // in MCDM, Int. J. Information Technology & Decision Making 15(2), 267-283: the worked example
    // (criteria 1 and 3 minimised), CILOS weights 0.3343, 0.2199, 0.1957, 0.2501 and IDOCRIW
    // weights 0.1658, 0.1886, 0.3545, 0.2911 (from the entropy weights 0.1146, 0.1981, 0.4185,
    // 0.2689 above); pymcdm's tests check the same figures (IDOCRIW's second as 0.1885, see below).
    const Eigen::MatrixXd x = zavadskas_podvezko_2016();
    const Benefit benefit = {false, true, false, true};
    const Eigen::VectorXd q = cilos_weights(x, benefit);
    expect_printed(q, {0.3343, 0.2199, 0.1957, 0.2501}, 4);
    expect_weights(q);
    const Eigen::VectorXd w = idocriw_weights(x, benefit);
    // 0.18852 rounds to 0.1885; the paper prints 0.1886 from its rounded intermediate figures.
    EXPECT_NEAR(w[1], 0.1886, 1e-4);
    expect_printed(Eigen::Vector3d(w[0], w[2], w[3]), {0.1658, 0.3545, 0.2911}, 4);
    expect_weights(w);
    const Eigen::VectorXd e = entropy_weights(x, {}, ObjectiveNormalization::none);
    EXPECT_TRUE(w.isApprox(q.cwiseProduct(e) / q.cwiseProduct(e).sum(), 1e-14));
}

TEST(Cilos, SolvesTheImpactLossSystem) {
    // F q = 0 with F = P - diag(column sums of P), checked on the result.
    std::mt19937 rng(17);
    const Eigen::MatrixXd x = lognormal_table(rng, 10, 6);
    const Benefit benefit = {true, false, true, true, false, true};
    const Eigen::VectorXd q = cilos_weights(x, benefit);
    expect_weights(q);
    Eigen::MatrixXd y = x;
    for (Eigen::Index c = 0; c < x.cols(); ++c)
        if (!benefit[static_cast<std::size_t>(c)]) y.col(c) = x.col(c).minCoeff() * x.col(c).cwiseInverse();
    for (Eigen::Index c = 0; c < x.cols(); ++c) y.col(c) /= y.col(c).sum();
    Eigen::MatrixXd p(6, 6);
    for (Eigen::Index k = 0; k < 6; ++k) {
        Eigen::Index best = 0;
        y.col(k).maxCoeff(&best);
        for (Eigen::Index j = 0; j < 6; ++j) p(k, j) = (y.col(j).maxCoeff() - y(best, j)) / y.col(j).maxCoeff();
    }
    Eigen::MatrixXd f = p;
    for (Eigen::Index j = 0; j < 6; ++j) f(j, j) -= p.col(j).sum();
    EXPECT_LT((f * q).norm(), 1e-12);
}

TEST(Cilos, RejectsAUnitBestOnEveryCriterion) {
    Eigen::MatrixXd x(3, 2);
    x << 5, 1,  //
        3, 2,   //
        1, 3;
    EXPECT_TRUE(mentions(validation_message([&] { (void)cilos_weights(x, {true, false}); }, "x"), "best on every criterion"));
    EXPECT_NO_THROW((void)cilos_weights(x));
    x(1, 1) = -2;
    EXPECT_TRUE(mentions(validation_message([&] { (void)idocriw_weights(x); }, "x[1][1]"), "> 0"));
}

// ---- AHP: incomplete matrices ----------------------------------------------------------------

TEST(AhpIncomplete, AhpyReadmeExampleByHarkersMethod) {
    // ahpy 2.1's README, "Missing Pairwise Comparisons": the 4 x 4 matrix without (c, d) gives
    // weights a .3738, b .392, c .0985, d .1357 and CR .0372 (Donegan & Dodd). ahpy completes the
    // matrix by minimising lambda_max (Bozoki, Fulop & Ronyai 2010); Harker's method gives
    // a .3736, b .3921, c .0982, d .1361, within 5e-4 of them, and the same CR to four decimals.
    Eigen::MatrixXd a(4, 4);
    a << 1, 1, 5, 2,  //
        1, 1, 3, 4,   //
        1.0 / 5, 1.0 / 3, 1, 0,  //
        1.0 / 2, 1.0 / 4, 0, 1;
    AhpOptions options;
    options.random_index = RandomIndexTable::donegan_dodd;
    const AhpResult result = ahp(a, options);
    expect_printed(result.weights, {0.3736, 0.3921, 0.0982, 0.1361}, 4);
    for (Eigen::Index i = 0; i < 4; ++i) EXPECT_NEAR(result.weights[i], Eigen::Vector4d(0.3738, 0.392, 0.0985, 0.1357)[i], 5e-4);
    EXPECT_NEAR(result.consistency_ratio, 0.0372, 5e-5);
    // Harker's eigenvalue is that of the matrix completed with w_c / w_d.
    Eigen::MatrixXd completed = a;
    completed(2, 3) = result.weights[2] / result.weights[3];
    completed(3, 2) = 1.0 / completed(2, 3);
    EXPECT_NEAR(result.lambda_max, ahp(completed, options).lambda_max, 1e-10);
    // NaN is missing too; the geometric mean is the least squares fit over the comparisons made.
    Eigen::MatrixXd with_nan = a;
    with_nan(2, 3) = with_nan(3, 2) = nan_value;
    EXPECT_TRUE(ahp(with_nan, options).weights.isApprox(result.weights, 1e-14));
    options.method = AhpMethod::geometric_mean;
    expect_printed(ahp(a, options).weights, {0.3742, 0.3916, 0.0988, 0.1353}, 4);
}

TEST(AhpIncomplete, ConsistentJudgmentsAreRecoveredFromASpanningSet) {
    // From consistent judgments a_ij = v_i / v_j, any connected set of them determines v.
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> value(0.2, 5.0);
    std::bernoulli_distribution keep(0.4);
    for (int trial = 0; trial < 30; ++trial) {
        const Eigen::Index n = 3 + trial % 20;
        Eigen::VectorXd v(n);
        for (Eigen::Index i = 0; i < n; ++i) v[i] = value(rng);
        Eigen::MatrixXd a = v * v.cwiseInverse().transpose();
        for (Eigen::Index i = 0; i < n; ++i)
            for (Eigen::Index j = i + 2; j < n; ++j)  // the chain (i, i + 1) always kept: connected
                if (!keep(rng)) a(i, j) = a(j, i) = 0;
        AhpOptions options;
        options.random_index = RandomIndexTable::donegan_dodd;
        for (const auto method : {AhpMethod::eigenvector, AhpMethod::geometric_mean}) {
            options.method = method;
            const AhpResult result = ahp(a, options);
            EXPECT_TRUE(result.weights.isApprox(v / v.sum(), 1e-9)) << "trial " << trial;
            EXPECT_NEAR(result.consistency_ratio, 0.0, 1e-9);
        }
    }
}

TEST(AhpIncomplete, DisconnectedOrHalfMissingComparisonsAreNamed) {
    Eigen::MatrixXd a = Eigen::MatrixXd::Ones(4, 4);
    a(0, 2) = a(2, 0) = a(0, 3) = a(3, 0) = a(1, 2) = a(1, 3) = a(2, 1) = a(3, 1) = 0;  // {0, 1} and {2, 3}
    const std::string message = validation_message([&] { (void)ahp(a); }, "matrix");
    EXPECT_TRUE(mentions(message, "element 2 is not compared")) << message;
    EXPECT_EQ(chinese_error([&] { (void)ahp(a); }),
              "matrix: 元素 2 与元素 0 之间没有直接或经由其他元素的比较: 已做的比较无法确定其权重；请补充一个将两者联系起来的比较");
    a(1, 2) = 2;  // a_21 still 0
    EXPECT_TRUE(mentions(validation_message([&] { (void)ahp(a); }, "matrix[2][1]"), "left out is 0 or NaN in both places"));
    // Group AHP and revisions need complete matrices.
    a(2, 1) = 0.5;
    EXPECT_NO_THROW((void)ahp(a));
    validation_message([&] { (void)revision_suggestions(a); }, "matrix[0][2]");
    validation_message([&] { (void)aggregate_judgments({a}); }, "matrices[0][0][2]");
}

TEST(Ahp, LargeMatricesUseDoneganDodd) {
    // Beyond 15 x 15 only Donegan & Dodd's table has RI(n): a consistent 40 x 40 matrix, then one
    // judgment changed.
    Eigen::VectorXd v = Eigen::VectorXd::LinSpaced(40, 1.0, 4.0);
    Eigen::MatrixXd a = v * v.cwiseInverse().transpose();
    AhpOptions options;
    options.random_index = RandomIndexTable::donegan_dodd;
    AhpResult result = ahp(a, options);
    EXPECT_TRUE(result.weights.isApprox(v / v.sum(), 1e-10));
    EXPECT_EQ(result.random_index, 1.5976);
    a(0, 39) = 9;
    a(39, 0) = 1.0 / 9;
    result = ahp(a, options);
    EXPECT_GT(result.consistency_ratio, 0.0);
    EXPECT_NEAR(result.consistency_ratio, result.consistency_index / 1.5976, 1e-15);
    EXPECT_TRUE(mentions(validation_message([&] { (void)ahp(a); }, "matrix"), "donegan_dodd"));
}

// ---- combined weights ------------------------------------------------------------------------

TEST(CombinedWeights, LinearAndMultiplicative) {
    const Eigen::VectorXd s = vec({0.2, 0.8}), o = vec({0.6, 0.4});
    expect_printed(combine_weights_linear(s, o, 0.5), {0.4, 0.6}, 12);
    expect_printed(combine_weights_linear(s, o, 1.0), {0.2, 0.8}, 12);
    expect_printed(combine_weights_linear(s, o, 0.0), {0.6, 0.4}, 12);
    expect_printed(combine_weights_multiplicative(s, o), {0.12 / 0.44, 0.32 / 0.44}, 12);
}

TEST(CombinedWeightsProperties, SumToOneAndLieBetweenTheInputs) {
    std::mt19937 rng(21);
    std::uniform_real_distribution<double> share(0.0, 1.0);
    for (int trial = 0; trial < 50; ++trial) {
        const Eigen::Index n = 1 + trial % 12;
        Eigen::VectorXd s = random_positive(rng, n), o = random_positive(rng, n);
        s /= s.sum();
        o /= o.sum();
        const double alpha = share(rng);
        const Eigen::VectorXd linear = combine_weights_linear(s, o, alpha);
        const Eigen::VectorXd product = combine_weights_multiplicative(s, o);
        expect_weights(linear);
        expect_weights(product);
        for (Eigen::Index i = 0; i < n; ++i) {
            EXPECT_GE(linear[i], std::min(s[i], o[i]) - 1e-15);
            EXPECT_LE(linear[i], std::max(s[i], o[i]) + 1e-15);
        }
    }
}

TEST(CombinedWeights, RejectsOrRescalesWeightsThatDoNotSumToOne) {
    // Within 1e-3 of one (three-decimal rounding) they are rescaled...
    const Eigen::VectorXd w = combine_weights_linear(vec({0.333, 0.333, 0.333}), vec({0.5, 0.25, 0.25}), 0.5);
    expect_weights(w);
    EXPECT_NEAR(w[0], 0.5 / 3 + 0.25, 1e-12);
    // ...further off they are rejected, with the sum in the message.
    EXPECT_TRUE(mentions(validation_message([] { (void)combine_weights_linear(vec({20, 80}), vec({0.5, 0.5})); }, "subjective"),
                         "sum to 100"));
    EXPECT_EQ(chinese_error([] { (void)combine_weights_linear(vec({20, 80}), vec({0.5, 0.5})); }),
              "subjective: 权重之和为 100；应为 1（误差不超过 0.001）: 请给出比例，而非分值或百分数");
    validation_message([] { (void)combine_weights_multiplicative(vec({0.5, 0.5}), vec({0.5, 0.6})); }, "objective");
    validation_message([] { (void)combine_weights_linear(vec({0.5, 0.5}), vec({1})); }, "objective");
    validation_message([] { (void)combine_weights_linear(vec({1.5, -0.5}), vec({0.5, 0.5})); }, "subjective[1]");
    validation_message([] { (void)combine_weights_linear(vec({nan_value, 1}), vec({0.5, 0.5})); }, "subjective[0]");
    validation_message([] { (void)combine_weights_linear(vec({0.5, 0.5}), vec({0.5, 0.5}), 1.5); }, "alpha");
    validation_message([] { (void)combine_weights_linear(vec({0.5, 0.5}), vec({0.5, 0.5}), nan_value); }, "alpha");
    validation_message([] { (void)combine_weights_multiplicative(vec({1, 0}), vec({0, 1})); }, "objective");
    validation_message([] { (void)combine_weights_linear(Eigen::VectorXd(), Eigen::VectorXd()); }, "subjective");
}
