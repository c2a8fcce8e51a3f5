// WASPAS, EDAS, COPRAS, SPOTIS, CoCoSo and MULTIMOORA: one published worked example each (the
// Python tests add more, and the formulas over random matrices), the layouts of x read alike, and
// the errors bad input gives.

#include <civitas/core/error.hpp>
#include <civitas/methods/ranking.hpp>

#include "support.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace civitas;

namespace {

using civitas::test::chinese_error;
using civitas::test::expect_all_near;
using civitas::test::matrix_of;
using civitas::test::validation_message;
using civitas::test::vector_of;
using Matrix = Eigen::MatrixXd;
using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Vector = Eigen::VectorXd;

std::vector<int> ranks_of(const Vector& scores, bool ascending = false) {
    const Eigen::VectorXi r = rank(scores, RankMethod::min, ascending);
    return {r.data(), r.data() + r.size()};
}

Vector shares(Vector w) { return w / w.sum(); }

}  // namespace

// Chakraborty, Zavadskas & Antucheviciene (2015), "Applications of WASPAS method as a
// multi-criteria decision-making tool", Economic Computation and Economic Cybernetics Studies and
// Research 49(1), 5-22, Example 2, lambda 0.5 (WPM at 0, WSM at 1 in the Python tests).
TEST(Waspas, Chakraborty2015) {
    const Matrix x = matrix_of({{581818, 54.49, 3, 5500}, {595454, 49.73, 3, 4500}, {586060, 51.24, 3, 5000},
                           {522727, 45.71, 3, 5800}, {561818, 52.66, 3, 5200}, {543030, 74.46, 4, 5600},
                           {522727, 75.42, 4, 5800}, {486970, 62.62, 4, 5600}, {509394, 65.87, 4, 6400},
                           {513333, 70.67, 4, 6000}});
    const Vector q = waspas(x, vector_of({0.467, 0.160, 0.095, 0.278}), {false, false, false, true});
    expect_all_near(q, vector_of({0.8584, 0.8169, 0.8419, 0.9417, 0.8638, 0.8278, 0.8503, 0.8949, 0.9027, 0.8740}), 1e-4);
    EXPECT_EQ(ranks_of(q), (std::vector<int>{6, 10, 8, 1, 5, 9, 7, 3, 2, 4}));
    // The same matrix in row-major order (numpy's C order) reads alike, to the bit.
    const RowMajor c_order = x;
    EXPECT_EQ(waspas(MatrixView(c_order), vector_of({0.467, 0.160, 0.095, 0.278}), {false, false, false, true}), q);
}

// Yazdani, Torkayesh, Santibanez-Gonzalez & Otaghsara (2020), "Evaluation of renewable energy
// resources using integrated Shannon Entropy-EDAS model", Sustainable Operations and Computers 1, 35-42.
TEST(Edas, Yazdani2020) {
    const Matrix x = matrix_of({{3873, 39.55, 0.27, 0.87, 150, 0.07, 12, 2130}, {5067, 67.26, 0.23, 0.23, 40, 0.02, 21, 2200},
                           {2213, 24.69, 0.08, 0.17, 200, 0.04, 35, 570}, {6243, 132, 0.07, 0.25, 100, 0.04, 16, 100},
                           {8312, 460.47, 0.05, 0.21, 25, 0.1, 25, 200}});
    const Vector w = shares(vector_of({0.131, 0.113, 0.126, 0.125, 0.126, 0.129, 0.132, 0.117}));
    const Vector score = edas(x, w, {false, false, false, true, true, false, true, true});
    expect_all_near(score, vector_of({0.841, 0.632, 0.883, 0.457, 0.104}), 5e-4);
}

// Kundakci & Isik (2016), "Integration of MACBETH and COPRAS methods to select air compressor for a
// textile company", Decision Science Letters 5(3), 381-394: utility degrees.
TEST(Copras, KundakciIsik2016) {
    const Matrix x = matrix_of({{1543, 2000, 39000, 15, 13.76, 3.86, 5, 3, 5000}, {1496, 3600, 43000, 14, 14, 2.5, 4, 4, 4000},
                           {1584, 3100, 24500, 10, 13.1, 3.7, 2, 2, 3500}, {1560, 2700, 36000, 12, 13.2, 3.2, 3, 3, 3500},
                           {1572, 2500, 31500, 13, 13.3, 3.4, 3, 2, 3500}, {1580, 2400, 20000, 12, 12.8, 3.9, 2, 2, 3000}});
    const Vector w = shares(vector_of({0.2027, 0.1757, 0.1622, 0.1351, 0.1081, 0.0946, 0.0676, 0.0405, 0.0135}));
    const Vector utility = copras(x, w, {false, false, false, true, true, false, true, true, true});
    expect_all_near(utility, vector_of({1, 0.9167, 0.8675, 0.9084, 0.9315, 0.9486}), 1e-4);
    EXPECT_EQ(ranks_of(utility), (std::vector<int>{1, 4, 6, 5, 3, 2}));
}

// Dezert, Tchamova, Han & Tacnet (2020), "The SPOTIS rank reversal free method for multi-criteria
// decision-making support", FUSION 2020, IEEE: the numerical example (lower is better).
TEST(Spotis, Dezert2020) {
    const Matrix x = matrix_of({{10.5, -3.1, 1.7}, {-4.7, 0, 3.4}, {8.1, 0.3, 1.3}, {3.2, 7.3, -5.3}});
    Eigen::MatrixX2d bounds(3, 2);
    bounds << -5, 12, -6, 10, -8, 5;
    const Vector distance = spotis(x, vector_of({0.2, 0.3, 0.5}), {true, false, true}, bounds);
    expect_all_near(distance, vector_of({0.1989, 0.3705, 0.3063, 0.7491}), 1e-4);
    EXPECT_EQ(ranks_of(distance, true), (std::vector<int>{1, 3, 2, 4}));
}

// Yazdani, Zarate, Zavadskas & Turskis (2019), "A combined compromise solution (CoCoSo) method for
// multi-criteria decision-making problems", Management Decision 57(9), 2501-2519.
TEST(Cocoso, Yazdani2019) {
    const Matrix x = matrix_of({{60, 0.4, 2540, 500, 990}, {6.35, 0.15, 1016, 3000, 1041}, {6.8, 0.1, 1727.2, 1500, 1676},
                           {10, 0.2, 1000, 2000, 965}, {2.5, 0.1, 560, 500, 915}, {4.5, 0.08, 1016, 350, 508},
                           {3, 0.1, 1778, 1000, 920}});
    const Vector k = cocoso(x, vector_of({0.036, 0.192, 0.326, 0.326, 0.12}), {true, false, true, true, true});
    expect_all_near(k, vector_of({2.041, 2.788, 2.882, 2.416, 1.299, 1.443, 2.519}), 5e-4);
}

// Kracka, Brauers & Zavadskas (2010), "Ranking heating losses in a building by applying the
// MULTIMOORA", Engineering Economics 21(4), 352-359: the three parts' ranks and the synthesis.
TEST(Multimoora, KrackaBrauersZavadskas2010) {
    const Matrix x = matrix_of({{33.95, 23.78, 11.45, 39.97, 29.44, 167.10, 3.852}, {38.9, 4.17, 6.32, 0.01, 4.29, 132.52, 25.184},
                           {37.59, 9.36, 8.23, 4.35, 10.22, 136.71, 10.845}, {30.44, 37.59, 13.91, 74.08, 45.10, 198.34, 2.186},
                           {36.21, 14.79, 9.17, 17.77, 17.06, 148.3, 6.610}, {37.8, 8.55, 7.97, 2.35, 9.25, 134.83, 11.935}});
    const MultimooraResult result = multimoora(x, Vector::Constant(7, 1.0 / 7.0), {false, false, false, false, true, false, true});
    const auto list = [](const Eigen::VectorXi& v) { return std::vector<int>(v.data(), v.data() + v.size()); };
    EXPECT_EQ(list(result.ranks_ratio_system), (std::vector<int>{5, 1, 3, 6, 4, 2}));
    EXPECT_EQ(list(result.ranks_reference_point), (std::vector<int>{4, 5, 1, 6, 2, 3}));
    EXPECT_EQ(list(result.ranks_full_multiplicative), (std::vector<int>{5, 1, 3, 6, 4, 2}));
    EXPECT_EQ(list(result.ranks), (std::vector<int>{5, 1, 3, 6, 4, 2}));
    EXPECT_NEAR(std::pow(result.full_multiplicative[1], 7.0), 148689.356, 148689.356 * 1e-4);  // the paper's unweighted form
    EXPECT_EQ(to_string(result), "MULTIMOORA of 6 units: first by dominance row 1");
}

TEST(Aggregation, RejectsValuesOutsideEachMethodsDomain) {
    const Matrix zero_cost = matrix_of({{1, 0}, {2, 1}});
    const Vector half = vector_of({0.5, 0.5});
    validation_message([&] { (void)waspas(zero_cost, half, {true, false}); }, "x[0, 1]");
    validation_message([&] { (void)waspas(zero_cost, half, {true, true}, 2.0); }, "lambda");
    validation_message([&] { (void)multimoora(zero_cost, half); }, "x[0, 1]");
    validation_message([&] { (void)edas(matrix_of({{1, -1}, {2, -2}}), half); }, "x[:, 1]");
    validation_message([&] { (void)copras(zero_cost, half, {true, false}); }, "x[0, :]");
    validation_message([&] { (void)cocoso(matrix_of({{1, 1}, {2, 2}}), half); }, "x[0, :]");
    Eigen::MatrixX2d narrow(2, 2);
    narrow << 0, 1.5, 0, 1;
    validation_message([&] { (void)spotis(zero_cost, half, {}, narrow); }, "x[1, 0]");
    EXPECT_NE(chinese_error([&] { (void)waspas(zero_cost, half, {true, false}); }).find("WASPAS 要求该评价指标的取值 > 0"),
              std::string::npos);
    validation_message([&] { (void)edas(zero_cost, vector_of({0.5, 0.6})); }, "weights");
}
