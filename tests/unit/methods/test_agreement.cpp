// Rank agreement: the published example, hand-checked cases with ties, laws that hold for any
// rankings (against pair-by-pair definitions), the matrix of several rankings, average ranks,
// and the errors bad input gives.

#include <civitas/core/error.hpp>
#include <civitas/core/simd.hpp>
#include <civitas/methods/agreement.hpp>
#include <civitas/methods/ranking.hpp>

#include "support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <string>
#include <vector>

using namespace civitas;

namespace {

using civitas::test::error_path;
using civitas::test::error_message;

using civitas::test::chinese_error;
using civitas::test::vector_of;

using Vector = Eigen::VectorXd;

constexpr CorrelationMethod all_methods[] = {CorrelationMethod::spearman, CorrelationMethod::kendall,
                                             CorrelationMethod::weighted_spearman, CorrelationMethod::ws};

/// A random permutation of 1..n.
Vector permutation(Eigen::Index n, std::mt19937& rng) {
    std::vector<double> ranks(static_cast<std::size_t>(n));
    std::iota(ranks.begin(), ranks.end(), 1.0);
    std::shuffle(ranks.begin(), ranks.end(), rng);
    return Eigen::Map<const Vector>(ranks.data(), n);
}

/// Average ranks of n random scores drawn from `levels` values (many ties when levels is small).
Vector tied_ranking(Eigen::Index n, int levels, std::mt19937& rng) {
    std::uniform_int_distribution<int> draw(0, levels - 1);
    Vector scores(n);
    for (Eigen::Index i = 0; i < n; ++i) scores[i] = draw(rng);
    return average_rank(scores);
}

/// Kendall's tau-b counted pair by pair, from its definition.
double kendall_by_pairs(const Vector& a, const Vector& b) {
    double concordant = 0, discordant = 0, tied_a = 0, tied_b = 0, pairs = 0;
    for (Eigen::Index i = 0; i < a.size(); ++i)
        for (Eigen::Index j = i + 1; j < a.size(); ++j) {
            ++pairs;
            const double da = a[i] - a[j], db = b[i] - b[j];
            tied_a += da == 0;
            tied_b += db == 0;
            concordant += da * db > 0;
            discordant += da * db < 0;
        }
    return (concordant - discordant) / std::sqrt((pairs - tied_a) * (pairs - tied_b));
}

/// Pearson's r, from its definition.
double pearson(const Vector& x, const Vector& y) {
    const Vector cx = x.array() - x.mean(), cy = y.array() - y.mean();
    return cx.dot(cy) / std::sqrt(cx.squaredNorm() * cy.squaredNorm());
}

}  // namespace

// ---- average ranks ----------------------------------------------------------------------------------------------

TEST(AverageRank, TiedUnitsShareTheMeanOfTheirPlaces) {
    const Vector scores = vector_of({30, 20, 20, 10});
    EXPECT_EQ(average_rank(scores), vector_of({1, 2.5, 2.5, 4}));
    EXPECT_EQ(average_rank(scores, true), vector_of({4, 2.5, 2.5, 1}));
    EXPECT_EQ(average_rank(vector_of({7, 7, 7})), vector_of({2, 2, 2}));
}

TEST(AverageRank, MatchesTheMeanOfMinAndOrdinalPlacesOnBothSortingPaths) {
    // From 1,024 scores the order comes from the radix sort, below from comparisons. The mean of a
    // tied group's places is its best place plus (size - 1) / 2: min rank + (ties - 1) / 2.
    std::mt19937 rng(11);
    std::uniform_int_distribution<int> halves(-30, 30);
    for (const Eigen::Index units : {6, 1023, 1024, 3000}) {
        Vector scores(units);
        for (Eigen::Index i = 0; i < units; ++i) scores[i] = 0.5 * halves(rng);
        for (const bool ascending : {false, true}) {
            SCOPED_TRACE(std::to_string(units) + (ascending ? " ascending" : " descending"));
            const Vector ranks = average_rank(scores, ascending);
            const Eigen::VectorXi min = rank(scores, RankMethod::min, ascending);
            for (Eigen::Index i = 0; i < units; ++i) {
                const auto ties = static_cast<double>((scores.array() == scores[i]).count());
                ASSERT_EQ(ranks[i], min[i] + (ties - 1) / 2) << "unit " << i;
            }
            EXPECT_EQ(ranks.sum(), 0.5 * static_cast<double>(units * (units + 1)));
        }
    }
}

TEST(AverageRank, RejectsNan) {
    EXPECT_EQ(error_path([] { (void)average_rank(vector_of({1, std::nan("")})); }), "scores[1]");
}

// ---- published and hand-checked examples --------------------------------------------------------------------------

TEST(RankCorrelation, SalabunUrbaniakExampleOfOneSwap) {
    // Sałabun & Urbaniak (2020), ICCS 2020, LNCS 12138, pp. 632-645: the reference 1 2 3 4 5 against
    // 1 3 2 4 5 has r_s = 0.9 and r_w = 0.8833 (as its tests quote the paper, the crispyn package's).
    // Exactly: r_w = 1 - 6 (1 (4 + 3) + 1 (3 + 4)) / 720 = 1 - 84/720; WS = 1 - 2^-2/3 - 2^-3/2 = 41/48;
    // tau = (9 - 1) / 10 (one discordant pair of ten).
    const Vector reference = vector_of({1, 2, 3, 4, 5}), test = vector_of({1, 3, 2, 4, 5});
    EXPECT_NEAR(rank_correlation(reference, test, CorrelationMethod::spearman), 0.9, 1e-15);
    EXPECT_NEAR(rank_correlation(reference, test, CorrelationMethod::weighted_spearman), 0.8833, 5e-5);
    EXPECT_NEAR(rank_correlation(reference, test, CorrelationMethod::weighted_spearman), 1 - 84.0 / 720, 1e-15);
    EXPECT_NEAR(rank_correlation(reference, test, CorrelationMethod::ws), 41.0 / 48, 1e-15);
    EXPECT_NEAR(rank_correlation(reference, test, CorrelationMethod::kendall), 0.8, 1e-15);
}

TEST(RankCorrelation, ParadowskiBaczkiewiczWatrobskiExampleOfTwelve) {
    // Paradowski, Bączkiewicz & Wątróbski (2021), "Towards proper consumer choices - MCDM based
    // product selection", Procedia Computer Science 192 (KES 2021): two rankings of 12 products with
    // r_w = 0.96 and WS = 0.90 (to two places, as pyfdm's tests quote the paper), WS with the first
    // as the reference (the other way round it is 0.870).
    const Vector reference = vector_of({7, 11, 2, 1, 4, 9, 6, 3, 5, 10, 8, 12});
    const Vector test = vector_of({7, 11, 3, 2, 4, 9, 6, 1, 5, 10, 8, 12});
    EXPECT_NEAR(rank_correlation(reference, test, CorrelationMethod::weighted_spearman), 0.96, 0.005);
    EXPECT_NEAR(rank_correlation(reference, test, CorrelationMethod::ws), 0.90, 0.005);
    EXPECT_NEAR(rank_correlation(test, reference, CorrelationMethod::ws), 0.870, 0.0005);
    // Exactly: the sum of d^2 ((n - x + 1) + (n - y + 1)) is 1 (10 + 11) + 1 (11 + 12) + 4 (12 + 10)
    // = 132, so r_w = 1 - 6 * 132 / 22,308 (n^4 + n^3 - n^2 - n at n = 12).
    EXPECT_NEAR(rank_correlation(reference, test, CorrelationMethod::weighted_spearman), 1 - 6.0 * 132 / 22308, 1e-15);
}

TEST(RankCorrelation, WeightedCoefficientsSeeWhereTheSwapIs) {
    // The point of r_w and WS: swapping the first two places (2 1 3 4 5) and the last two
    // (1 2 3 5 4) both give r_s = 0.9, but the swap at the top costs more. By hand:
    // r_w = 1 - 6 * 18 / 720 = 0.85 and 1 - 6 * 6 / 720 = 0.95; WS = 1 - 2^-1/4 - 2^-2/3 = 19/24
    // and 1 - 2^-4/3 - 2^-5/4 = 373/384.
    const Vector reference = vector_of({1, 2, 3, 4, 5}), top = vector_of({2, 1, 3, 4, 5}), bottom = vector_of({1, 2, 3, 5, 4});
    EXPECT_NEAR(rank_correlation(reference, top), 0.9, 1e-15);
    EXPECT_NEAR(rank_correlation(reference, bottom), 0.9, 1e-15);
    EXPECT_NEAR(rank_correlation(reference, top, CorrelationMethod::weighted_spearman), 0.85, 1e-15);
    EXPECT_NEAR(rank_correlation(reference, bottom, CorrelationMethod::weighted_spearman), 0.95, 1e-15);
    EXPECT_NEAR(rank_correlation(reference, top, CorrelationMethod::ws), 19.0 / 24, 1e-15);
    EXPECT_NEAR(rank_correlation(reference, bottom, CorrelationMethod::ws), 373.0 / 384, 1e-15);
}

TEST(RankCorrelation, TiesByHand) {
    // a = 1 2 2 3 and b = 1 1 2 3. tau-b: of 6 pairs, one tied in a, one tied in b, the other 4
    // concordant: 4 / sqrt(5 * 5) = 0.8. rho: average ranks 1 2.5 2.5 4 and 1.5 1.5 3 4, centred
    // -1.5 0 0 1.5 and -1 -1 0.5 1.5: 3.75 / sqrt(4.5 * 4.5) = 5/6.
    const Vector a = vector_of({1, 2, 2, 3}), b = vector_of({1, 1, 2, 3});
    EXPECT_NEAR(rank_correlation(a, b, CorrelationMethod::kendall), 0.8, 1e-15);
    EXPECT_NEAR(rank_correlation(a, b, CorrelationMethod::spearman), 5.0 / 6, 1e-15);
    // spearman and kendall read only the order: scores, min ranks or average ranks give the same.
    EXPECT_NEAR(rank_correlation(vector_of({9.5, 7, 7, 1}), vector_of({-3, -3, 0.25, 8}), CorrelationMethod::spearman), -5.0 / 6, 1e-15);
    EXPECT_NEAR(rank_correlation(vector_of({1, 2.5, 2.5, 4}), b, CorrelationMethod::kendall), 0.8, 1e-15);
}

// ---- laws ------------------------------------------------------------------------------------------------------------

TEST(RankCorrelation, IdenticalRankingsAgreeFullyAndReversedOnesFullyDisagree) {
    std::mt19937 rng(3);
    for (const Eigen::Index n : {2, 3, 10, 57}) {
        const Vector x = permutation(n, rng), tied = tied_ranking(n, 4, rng);
        for (const CorrelationMethod method : all_methods) {
            SCOPED_TRACE(std::string(to_string(method)) + " n=" + std::to_string(n));
            EXPECT_NEAR(rank_correlation(x, x, method), 1.0, 1e-12);
            if (method == CorrelationMethod::spearman || method == CorrelationMethod::kendall) {
                const Vector reversed = static_cast<double>(n + 1) - x.array();
                EXPECT_NEAR(rank_correlation(x, reversed, method), -1.0, 1e-12);
                if (tied.maxCoeff() > tied.minCoeff()) {
                    EXPECT_NEAR(rank_correlation(tied, tied, method), 1.0, 1e-12);
                    EXPECT_NEAR(rank_correlation(tied, static_cast<double>(n + 1) - tied.array(), method), -1.0, 1e-12);
                }
            }
        }
    }
}

TEST(RankCorrelation, AgreesWithTheDefinitionsOnRandomRankingsWithTies) {
    // Kendall's tau-b against its pair-by-pair count, rho against Pearson's r of the average ranks,
    // on rankings with many ties and without, below and above 1,024 units (where ranks are radix-sorted).
    std::mt19937 rng(29);
    for (const Eigen::Index n : {2, 5, 17, 64, 301, 1500}) {
        for (const int levels : {2, 3, 7, 1000}) {
            const Vector a = tied_ranking(n, levels, rng), b = tied_ranking(n, levels, rng);
            if (a.maxCoeff() == a.minCoeff() || b.maxCoeff() == b.minCoeff()) continue;
            SCOPED_TRACE("n=" + std::to_string(n) + " levels=" + std::to_string(levels));
            EXPECT_NEAR(rank_correlation(a, b, CorrelationMethod::kendall), kendall_by_pairs(a, b), 1e-12);
            EXPECT_NEAR(rank_correlation(a, b, CorrelationMethod::spearman), pearson(a, b), 1e-12);
        }
    }
}

TEST(RankCorrelation, SpearmanKendallAndRwAreSymmetricAndWsIsNot) {
    std::mt19937 rng(5);
    for (int trial = 0; trial < 20; ++trial) {
        const Vector a = permutation(12, rng), b = permutation(12, rng);
        for (const CorrelationMethod method :
             {CorrelationMethod::spearman, CorrelationMethod::kendall, CorrelationMethod::weighted_spearman})
            EXPECT_NEAR(rank_correlation(a, b, method), rank_correlation(b, a, method), 1e-12) << to_string(method);
    }
    const Vector reference = vector_of({1, 2, 3, 4, 5}), test = vector_of({2, 1, 3, 4, 5}), other = vector_of({1, 3, 2, 4, 5});
    EXPECT_NEAR(rank_correlation(reference, test, CorrelationMethod::ws), rank_correlation(test, reference, CorrelationMethod::ws),
                1e-15);  // a swap of two: both ways the same terms
    EXPECT_NE(rank_correlation(test, other, CorrelationMethod::ws), rank_correlation(other, test, CorrelationMethod::ws));
}

TEST(RankCorrelation, WsLiesInZeroToOneForPermutationsAndAverageRanks) {
    // Each term is at most 2^-x_i (y_i is in [1, n]), and the 2^-x_i of a permutation or of average
    // ranks sum to at most 1 - 2^-n: WS > 0. Ties given as min ranks break it: every unit tied at 1.
    std::mt19937 rng(13);
    for (int trial = 0; trial < 200; ++trial) {
        const Eigen::Index n = 2 + trial % 40;
        const Vector x = trial % 2 ? permutation(n, rng) : tied_ranking(n, 1 + trial % 5, rng);
        const Vector reversed = static_cast<double>(n + 1) - x.array();
        for (const Vector& y : {permutation(n, rng), tied_ranking(n, 3, rng), reversed}) {
            const double value = rank_correlation(x, y, CorrelationMethod::ws);
            EXPECT_GT(value, 0.0) << "trial " << trial;
            EXPECT_LE(value, 1.0) << "trial " << trial;
        }
    }
    EXPECT_NEAR(rank_correlation(vector_of({1, 1, 1, 1, 1}), vector_of({1, 2, 3, 4, 5}), CorrelationMethod::ws), -0.25, 1e-15);
}

// ---- the matrix ---------------------------------------------------------------------------------------------------------

TEST(RankCorrelationMatrix, EachEntryIsTheCoefficientOfItsPairWithTheReferenceByRow) {
    // The same bits as rank_correlation of the pair: on few and many columns (the references go
    // four at a time, with a remainder), large enough for threads (units x columns^2 from 10^6),
    // above 1,075 units (WS skips the units whose 2^-rank is 0), in numpy's layout (by rows), on
    // every SIMD path.
    std::mt19937 rng(17);
    test::SimdPathGuard guard;
    for (const SimdPath path : available_simd_paths())
    for (const auto& [units, columns] : {std::pair<Eigen::Index, Eigen::Index>{40, 4}, {9, 13}, {1000, 32}, {1200, 3}}) {
        Eigen::MatrixXd rankings(units, columns);
        for (Eigen::Index j = 0; j < columns; ++j)
            rankings.col(j) = j % 2 ? tied_ranking(units, 6, rng) : permutation(units, rng);
        const RowMatrix row_major = rankings;
        for (const CorrelationMethod method : all_methods) {
            use_simd_path(path);
            SCOPED_TRACE(std::string(to_string(method)) + " on " + to_string(path) + ", " + std::to_string(units) + " x " + std::to_string(columns));
            const Eigen::MatrixXd matrix = rank_correlation_matrix(row_major, method);
            ASSERT_EQ(matrix.rows(), columns);
            ASSERT_EQ(matrix.cols(), columns);
            for (Eigen::Index i = 0; i < columns; ++i)
                for (Eigen::Index j = 0; j < columns; ++j) {
                    if (i == j || (columns > 20 && i > 1 && i < columns - 1 && j > 0)) continue;  // some rows: the pairs are slow in Debug
                    ASSERT_EQ(matrix(i, j), rank_correlation(rankings.col(i), rankings.col(j), method)) << i << ", " << j;
                }
            EXPECT_EQ(matrix.diagonal(), Vector::Ones(columns));
            if (method != CorrelationMethod::ws) {
                EXPECT_EQ(matrix, matrix.transpose());
            }
        }
    }
    EXPECT_EQ(rank_correlation_matrix(permutation(5, rng)), Eigen::MatrixXd::Ones(1, 1));
}

// ---- errors ---------------------------------------------------------------------------------------------------------------

TEST(RankCorrelation, ErrorsNameTheRankingAndTheEntry) {
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    EXPECT_EQ(error_path([&] { (void)rank_correlation(vector_of({1, 2, 3}), vector_of({1, 2})); }), "b");
    EXPECT_EQ(error_message([&] { (void)rank_correlation(vector_of({1, 2, 3}), vector_of({1, 2})); }),
              "b: 2 ranks for the 3 units of a; expected one rank per unit in both");
    EXPECT_EQ(chinese_error([&] { (void)rank_correlation(vector_of({1, 2, 3}), vector_of({1, 2})); }),
              "b: 2 个名次对应 a 的 3 个评价对象；两个排名应各有每个评价对象的一个名次");
    EXPECT_EQ(error_message([&] { (void)rank_correlation(vector_of({1}), vector_of({1})); }),
              "a: too few units (1); expected at least 2 to compare rankings");
    EXPECT_EQ(chinese_error([&] { (void)rank_correlation(vector_of({1}), vector_of({1})); }), "a: 评价对象过少（1 个）；比较排名至少需要 2 个");
    for (const CorrelationMethod method : all_methods) {
        SCOPED_TRACE(to_string(method));
        EXPECT_EQ(error_path([&] { (void)rank_correlation(vector_of({1, nan, 3}), vector_of({1, 2, 3}), method); }), "a[1]");
        EXPECT_EQ(error_path([&] { (void)rank_correlation(vector_of({1, 2, 3}), vector_of({1, 2, inf}), method); }), "b[2]");
    }
    EXPECT_EQ(error_message([&] { (void)rank_correlation(vector_of({1, nan}), vector_of({1, 2})); }), "a[1]: value nan; expected a finite rank");
    EXPECT_EQ(chinese_error([&] { (void)rank_correlation(vector_of({1, nan}), vector_of({1, 2})); }), "a[1]: 取值为 nan；应为有限的名次");
    // All tied: spearman and kendall are 0/0; r_w and WS are defined.
    for (const CorrelationMethod method : {CorrelationMethod::spearman, CorrelationMethod::kendall}) {
        EXPECT_EQ(error_path([&] { (void)rank_correlation(vector_of({1, 2, 3}), vector_of({2, 2, 2}), method); }), "b");
        EXPECT_EQ(error_path([&] { (void)rank_correlation(vector_of({4, 4}), vector_of({1, 2}), method); }), "a");
    }
    EXPECT_EQ(error_message([&] { (void)rank_correlation(vector_of({1, 2, 3}), vector_of({2, 2, 2}), CorrelationMethod::kendall); }),
              "b: every unit tied (all 2); kendall is undefined for a ranking without order");
    EXPECT_EQ(chinese_error([&] { (void)rank_correlation(vector_of({1, 2, 3}), vector_of({2, 2, 2}), CorrelationMethod::kendall); }),
              "b: 所有评价对象并列（均为 2）；没有先后的排名无法计算 kendall");
    EXPECT_NEAR(rank_correlation(vector_of({2, 2, 2}), vector_of({1, 2, 3}), CorrelationMethod::weighted_spearman), 0.5, 1e-15);  // 1 - 6 * 8 / 96
    // Ranks outside [1, n] for the weighted coefficients (scores are not ranks).
    for (const CorrelationMethod method : {CorrelationMethod::weighted_spearman, CorrelationMethod::ws}) {
        EXPECT_EQ(error_path([&] { (void)rank_correlation(vector_of({1, 2, 4}), vector_of({1, 2, 3}), method); }), "a[2]");
        EXPECT_EQ(error_path([&] { (void)rank_correlation(vector_of({1, 2, 3}), vector_of({0.5, 2, 3}), method); }), "b[0]");
        EXPECT_EQ(rank_correlation(vector_of({1, 2, 4}), vector_of({1, 2, 3}), CorrelationMethod::spearman), 1.0);
    }
    EXPECT_EQ(error_message([&] { (void)rank_correlation(vector_of({1, 2, 4}), vector_of({1, 2, 3}), CorrelationMethod::ws); }),
              "a[2]: rank 4 outside [1, 3]; ws reads ranks from 1 (best) to the number of units (give ties as average ranks)");
    EXPECT_EQ(chinese_error([&] { (void)rank_correlation(vector_of({1, 2, 4}), vector_of({1, 2, 3}), CorrelationMethod::ws); }),
              "a[2]: 名次 4 超出 [1, 3]；ws 要求名次从 1（最好）到评价对象个数（并列请用平均名次）");
    EXPECT_EQ(error_path([] { (void)rank_correlation(vector_of({1, 2}), vector_of({1, 2}), static_cast<CorrelationMethod>(9)); }), "method");
}

TEST(RankCorrelationMatrix, ErrorsNameTheColumnAndTheCell) {
    Eigen::MatrixXd rankings(3, 3);
    rankings << 1, 3, 2,  //
        2, 2, 2,          //
        3, 1, 2;
    EXPECT_EQ(error_path([&] { (void)rank_correlation_matrix(rankings); }), "rankings[:, 2]");
    EXPECT_EQ(error_message([&] { (void)rank_correlation_matrix(rankings); }),
              "rankings[:, 2]: every unit tied (all 2); spearman is undefined for a ranking without order");
    EXPECT_NO_THROW((void)rank_correlation_matrix(rankings, CorrelationMethod::ws));
    rankings(1, 1) = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(error_path([&] { (void)rank_correlation_matrix(rankings, CorrelationMethod::ws); }), "rankings[1, 1]");
    rankings(1, 1) = 7;
    EXPECT_EQ(error_path([&] { (void)rank_correlation_matrix(rankings, CorrelationMethod::weighted_spearman); }), "rankings[1, 1]");
    EXPECT_EQ(error_path([] { (void)rank_correlation_matrix(Eigen::MatrixXd(1, 3)); }), "rankings[:, 0]");
    EXPECT_EQ(error_path([] { (void)rank_correlation_matrix(Eigen::MatrixXd(5, 0)); }), "rankings");
    EXPECT_EQ(chinese_error([] { (void)rank_correlation_matrix(Eigen::MatrixXd(5, 0)); }), "rankings: 没有排名；应每列一个排名");
}
