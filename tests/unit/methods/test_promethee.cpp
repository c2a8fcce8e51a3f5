// PROMETHEE II: published worked examples for every preference function, the sorted-criterion
// flows equal to the table of every pair (the textbooks' way) on random matrices with ties, the
// laws of the flows, and the errors bad input gives.

#include <civitas/core/error.hpp>
#include <civitas/methods/ranking.hpp>

#include "support.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
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
using Vector = Eigen::VectorXd;

PreferenceFunction shape(PreferenceShape s, double q = 0.0, double p = 0.0, double spread = 0.0) {
    return PreferenceFunction{s, q, p, spread};
}

/// P(d) as the textbooks write it, for the table of pairs.
double preference(const PreferenceFunction& f, double d) {
    if (d <= 0.0) return 0.0;
    switch (f.shape) {
    case PreferenceShape::usual: return 1.0;
    case PreferenceShape::u_shape: return d > f.q ? 1.0 : 0.0;
    case PreferenceShape::v_shape: return d > f.p ? 1.0 : d / f.p;
    case PreferenceShape::level: return d > f.p ? 1.0 : d > f.q ? 0.5 : 0.0;
    case PreferenceShape::linear: return d > f.p ? 1.0 : d > f.q ? (d - f.q) / (f.p - f.q) : 0.0;
    case PreferenceShape::gaussian: return 1.0 - std::exp(-d * d / (2.0 * f.s * f.s));
    }
    return 0.0;
}

/// The flows from the m x m table of every pair (Brans & Vincke 1985), each divided by m - 1.
PrometheeFlows pairwise_flows(const Matrix& x, const Vector& w, const Benefit& benefit, const std::vector<PreferenceFunction>& f) {
    const Eigen::Index m = x.rows();
    PrometheeFlows out{Vector::Zero(m), Vector::Zero(m), Vector::Zero(m)};
    for (Eigen::Index a = 0; a < m; ++a)
        for (Eigen::Index b = 0; b < m; ++b) {
            double pi = 0.0;
            for (Eigen::Index j = 0; j < x.cols(); ++j) {
                const double d = benefit.empty() || benefit[static_cast<std::size_t>(j)] ? x(a, j) - x(b, j) : x(b, j) - x(a, j);
                pi += w[j] * preference(f.size() == 1 ? f[0] : f[static_cast<std::size_t>(j)], d);
            }
            out.positive[a] += pi / static_cast<double>(m - 1);
            out.negative[b] += pi / static_cast<double>(m - 1);
        }
    out.net = out.positive - out.negative;
    return out;
}

}  // namespace

// Zhao, Peng & Li (2013), "Revised PROMETHEE II for improving efficiency in emergency response",
// Procedia Computer Science 17, 181-188 (as in pymcdm's tests): the usual criterion.
TEST(Promethee, UsualCriterionOfZhaoPengLi2013) {
    const PrometheeFlows flows = promethee(matrix_of({{4, 3, 2}, {3, 2, 4}, {5, 1, 3}}), vector_of({0.5, 0.3, 0.2}));
    expect_all_near(flows.net, vector_of({0.1, -0.3, 0.2}), 1e-12);
}

// Papathanasiou & Ploskas (2018), Multiple Criteria Decision Aid: Methods, Examples and Python
// Implementations, Springer, ch. 3 "PROMETHEE", main example: linear preference with q = 1, p = 2.
TEST(Promethee, LinearPreferenceOfPapathanasiouPloskas2018) {
    const Matrix x = matrix_of({{8, 7, 2, 1}, {5, 3, 7, 5}, {7, 5, 6, 4}, {9, 9, 7, 3}, {11, 10, 3, 7}, {6, 9, 5, 4}});
    const PrometheeFlows flows = promethee(x, vector_of({0.4, 0.3, 0.1, 0.2}), {}, {shape(PreferenceShape::linear, 1, 2)});
    expect_all_near(flows.net, vector_of({-0.26, -0.52, -0.22, 0.36, 0.7, -0.06}), 1e-12);
    const Eigen::VectorXi ranks = rank(flows.net);
    EXPECT_EQ(std::vector<int>(ranks.data(), ranks.data() + ranks.size()), (std::vector<int>{5, 6, 4, 2, 1, 3}));
}

// Brans, Vincke & Mareschal (1986), "How to select and how to rank projects: The PROMETHEE method",
// EJOR 24(2), 228-238, Tables 1-2: six hydro-power projects, six criteria, one of each preference
// function. The paper's level plateau runs from q to q + p and its linear criterion rises over
// (s, s + r): in today's thresholds level q = 1, p = 6 and linear q = 5, p = 50. Its flows are sums
// over the other five projects (not divided by m - 1) of the preference indices printed to 3 decimals.
TEST(Promethee, SixPreferenceFunctionsOfBransVinckeMareschal1986) {
    const Matrix x = matrix_of({{80, 90, 60, 5.4, 8, 5},
                           {65, 58, 20, 9.7, 1, 1},
                           {83, 60, 40, 7.2, 4, 7},
                           {40, 80, 100, 7.5, 7, 10},
                           {52, 72, 60, 2.0, 3, 8},
                           {94, 96, 70, 3.6, 5, 6}});
    const Benefit benefit{false, true, false, false, false, true};
    const std::vector<PreferenceFunction> f{shape(PreferenceShape::u_shape, 10),    shape(PreferenceShape::v_shape, 0, 30),
                                            shape(PreferenceShape::linear, 5, 50),  shape(PreferenceShape::level, 1, 6),
                                            shape(PreferenceShape::usual),          shape(PreferenceShape::gaussian, 0, 0, 5)};
    const PrometheeFlows flows = promethee(x, Vector::Constant(6, 1.0 / 6.0), benefit, f);
    expect_all_near(flows.positive * 5.0, vector_of({1.099, 1.980, 1.234, 1.644, 2.274, 1.500}), 3e-3);
    expect_all_near(flows.negative * 5.0, vector_of({1.827, 1.895, 1.681, 1.746, 0.808, 1.774}), 3e-3);
    const Eigen::VectorXi ranks = rank(flows.net);  // A5 > A2 > A4 > A6 > A3 > A1
    EXPECT_EQ(std::vector<int>(ranks.data(), ranks.data() + ranks.size()), (std::vector<int>{6, 2, 5, 3, 1, 4}));
    expect_all_near(flows.net, pairwise_flows(x, Vector::Constant(6, 1.0 / 6.0), benefit, f).net, 1e-14);
}

// Ziemba, Watrobski, Ziolo & Karczmarczyk (2017), "Using the PROSA method in offshore wind farm
// location problems", Energies 10(11), 1755 (PROMETHEE II results, as in pyrepo-mcda's tests):
// V-shape with a threshold p per criterion.
TEST(Promethee, VShapeOfZiemba2017) {
    const Matrix x = matrix_of({{16347, 9, 73.8, 36.7, 1.5, 3730, 2, 1, 38.8, 4, 1720524, 40012},
                           {14219, 8.5, 55, 36, 2, 3240, 1, 1, 33.1, 2, 1496512, 34803},
                           {8160, 9, 64.8, 28.5, 2, 1860, 2, 2, 45.8, 4, 858830, 19973},
                           {8160, 8.5, 62.5, 29.5, 1.5, 1860, 1, 3, 27.3, 3, 858830, 19973}});
    Vector w = vector_of({20, 5, 5, 1.67, 1.67, 11.67, 11.67, 5, 5, 16.67, 8.33, 8.33});
    w /= w.sum();
    const Benefit benefit{false, false, false, false, false, true, false, false, true, false, true, true};
    const double p[] = {7280, 4, 13.4, 7.4, 3, 1662, 3, 3, 13.8, 3, 766240, 17820};
    std::vector<PreferenceFunction> f;
    for (double threshold : p) f.push_back(shape(PreferenceShape::v_shape, 0, threshold));
    expect_all_near(promethee(x, w, benefit, f).net, vector_of({-0.0445, 0.1884, -0.0954, -0.0485}), 1e-4);
}

// Ziemba (2019), "Towards strong sustainability management - A generalized PROSA method",
// Sustainability 11(6), 1555 (PROMETHEE II results, as in pyrepo-mcda's tests): linear preference
// with q and p per criterion.
TEST(Promethee, LinearOfZiemba2019) {
    const Matrix by_criterion = matrix_of({{38723, 34913, 25596, 34842, 22570, 39773, 19500, 34525, 16486},
                                      {33207, 32085, 2123, 32095, 1445, 17485, 868, 16958, 958},
                                      {0, 0.2, 5, 0.2, 0.2, 0.2, 99, 99, 99},
                                      {3375, 3127, 3547, 3115, 3090, 4135, 3160, 4295, 3653},
                                      {11.36, 12.78, 12.78, 12.86, 12.86, 17, 12.86, 17, 12.86},
                                      {-320.9, -148.4, -148.4, -9.9, -9.9, 0, -9.9, 0, -9.9},
                                      {203.7, 463, 356.2, 552.5, 295, 383, 264, 352, 264},
                                      {0, 11.7, 44.8, 11.7, 95.9, 95.9, 116.8, 116.8, 164.9},
                                      {0, 4.9, 10.7, 5.4, 11.2, 11.2, 11.2, 11.2, 11.2},
                                      {1, 1, 1, 3.5, 4, 4, 4, 4, 4},
                                      {21.5, 47.9, 27.7, 39.7, 1.5, 22.7, 2.7, 23.9, 1},
                                      {0, 3.7, 4.5, 10.3, 11.5, 11.5, 11.3, 11.3, 11.4}});
    const Matrix x = by_criterion.transpose();
    Vector w = vector_of({0.3333, 0.1667, 0.1667, 0.3333, 0.25, 0.75, 1, 1, 0.4, 0.20, 0.40, 1});
    w /= w.sum();
    const Benefit benefit{false, false, true, false, true, true, false, true, true, false, false, true};
    const double p[] = {2100, 5000, 50, 200, 5, 20, 100, 80, 4, 2, 23, 3};
    const double q[] = {420, 1000, 10, 40, 1, 7, 50, 20, 1, 1, 4.6, 1};
    std::vector<PreferenceFunction> f;
    for (int j = 0; j < 12; ++j) f.push_back(shape(PreferenceShape::linear, q[j], p[j]));
    expect_all_near(promethee(x, w, benefit, f).net,
                vector_of({-0.4143, -0.5056, -0.2317, -0.2892, 0.3313, 0.0619, 0.4296, 0.1626, 0.4554}), 1e-4);
}

TEST(PrometheeProperties, SortedCriteriaGiveTheFlowsOfEveryPair) {
    // Small whole numbers, so that many differences equal the thresholds exactly (the boundaries of
    // level and U-shape) and many values tie.
    std::mt19937_64 random(20261207);
    std::uniform_int_distribution<int> value(0, 8);
    std::uniform_real_distribution<double> weight(0.0, 1.0);
    for (int trial = 0; trial < 200; ++trial) {
        const int m = 2 + trial % 17, n = 1 + trial % 5;
        Matrix x(m, n);
        for (Eigen::Index i = 0; i < m; ++i)
            for (Eigen::Index j = 0; j < n; ++j) x(i, j) = value(random) * 0.5;
        Vector w(n);
        for (Eigen::Index j = 0; j < n; ++j) w[j] = weight(random);
        w /= w.sum();
        Benefit benefit;
        for (int j = 0; j < n; ++j) benefit.push_back(random() % 2 == 0);
        std::vector<PreferenceFunction> f;
        for (int j = 0; j < n; ++j) {
            const auto kind = static_cast<PreferenceShape>((trial + j) % 6);
            f.push_back(shape(kind, 0.5 * (trial % 3), 0.5 * (trial % 3) + 1.0 + 0.5 * (j % 2), 1.0 + j));
        }
        const PrometheeFlows fast = promethee(x, w, benefit, f), pairs = pairwise_flows(x, w, benefit, f);
        SCOPED_TRACE("trial " + std::to_string(trial));
        expect_all_near(fast.positive, pairs.positive, 1e-13);
        expect_all_near(fast.negative, pairs.negative, 1e-13);
        expect_all_near(fast.net, pairs.net, 1e-13);
        EXPECT_NEAR(fast.net.sum(), 0.0, 1e-12);  // every pair's preference counts once for and once against
        EXPECT_LE(fast.positive.maxCoeff(), 1.0 + 1e-15);
        EXPECT_GE(fast.negative.minCoeff(), 0.0);
    }
}

TEST(PrometheeProperties, LargeOffsetsLoseNoDigits) {
    // Values near 1e9 with differences of a few units: the running sums start from the run's first value.
    Matrix x(5, 1);
    x << 1e9 + 0.5, 1e9 + 1.75, 1e9 + 3.0, 1e9, 1e9 + 2.25;
    const std::vector<PreferenceFunction> f{shape(PreferenceShape::v_shape, 0, 2)};
    expect_all_near(promethee(x, vector_of({1.0}), {}, f).net, pairwise_flows(x, vector_of({1.0}), {}, f).net, 1e-12);
}

TEST(Promethee, RejectsBadInput) {
    const Matrix x = matrix_of({{1, 2}, {2, 1}});
    validation_message([&] { (void)promethee(matrix_of({{1, 2}}), vector_of({0.5, 0.5})); }, "x");
    validation_message([&] { (void)promethee(x, vector_of({0.5, 0.5}), {}, {shape(PreferenceShape::v_shape)}); }, "preferences[0].p");
    validation_message([&] { (void)promethee(x, vector_of({0.5, 0.5}), {}, {shape(PreferenceShape::level, 2, 1)}); }, "preferences[0].p");
    validation_message([&] { (void)promethee(x, vector_of({0.5, 0.5}), {}, {shape(PreferenceShape::u_shape, -1)}); }, "preferences[0].q");
    validation_message([&] { (void)promethee(x, vector_of({0.5, 0.5}), {}, {shape(PreferenceShape::gaussian)}); }, "preferences[0].s");
    validation_message([&] { (void)promethee(x, vector_of({0.5, 0.5}), {}, std::vector<PreferenceFunction>(3)); }, "preferences");
    Matrix bad = x;
    bad(1, 0) = std::nan("");
    validation_message([&] { (void)promethee(bad, vector_of({0.5, 0.5})); }, "x[1, 0]");
    EXPECT_NE(chinese_error([&] { (void)promethee(x, vector_of({0.5, 0.5}), {}, {shape(PreferenceShape::level, 2, 1)}); })
                  .find("严格偏好阈值 p > q"),
              std::string::npos);
}
