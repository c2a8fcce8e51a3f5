// Rank reversal: the counts equal a check of every pair after every test, a hand-worked case of
// the weighted sum on min-max values (whose ranges move when the best unit leaves), methods that
// cannot reverse (the weighted sum of values as given is not among them: each unit's score is its
// own), ties that are not reversals, the listing's limit, and the errors.

#include <civitas/core/error.hpp>
#include <civitas/methods/reversal.hpp>

#include "support.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

using namespace civitas;

namespace {

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

RowMajor random_x(Eigen::Index m, Eigen::Index n, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> value(1.0, 10.0);
    RowMajor x(m, n);
    for (Eigen::Index i = 0; i < m; ++i)
        for (Eigen::Index j = 0; j < n; ++j) x(i, j) = value(rng);
    return x;
}

/// The reversals of one test found pair by pair: ranks before (all units) and after, by unit.
long long pairs_reversed(const Eigen::VectorXi& before, const std::vector<int>& after_of_unit, int skip) {
    long long count = 0;
    for (int a = 0; a < before.size(); ++a)
        for (int b = 0; b < before.size(); ++b)
            if (a != skip && b != skip && before[a] < before[b] && after_of_unit[static_cast<std::size_t>(a)] > after_of_unit[static_cast<std::size_t>(b)])
                ++count;
    return count;
}

}  // namespace

TEST(RankReversal, CountsAreThoseOfEveryPair) {
    for (RankingMethod method : {RankingMethod::topsis, RankingMethod::vikor, RankingMethod::edas, RankingMethod::copras,
                                 RankingMethod::promethee, RankingMethod::weighted_sum}) {
        const RowMajor x = random_x(12, 4, 3 + static_cast<unsigned>(method));
        const Eigen::Vector4d w(0.4, 0.3, 0.2, 0.1);
        const Benefit benefit{true, false, true, true};
        RankReversalOptions o;
        o.method = method;
        const RankReversalReport report = rank_reversal(x, w, benefit, o);
        SCOPED_TRACE(to_string(method));
        long long total = 0;
        for (int unit = 0; unit < 12; ++unit) {
            // Leave `unit` out by hand and rank again with the same method.
            RowMajor without(11, 4);
            std::vector<int> after(12, 0);
            for (int i = 0, k = 0; i < 12; ++i)
                if (i != unit) without.row(k++) = x.row(i);
            RankReversalOptions alone = o;
            alone.copies = false;
            const RankReversalReport smaller = rank_reversal(without, w, benefit, alone);
            for (int i = 0, k = 0; i < 12; ++i)
                if (i != unit) after[static_cast<std::size_t>(i)] = smaller.ranks[k++];
            EXPECT_EQ(report.removal[unit], pairs_reversed(report.ranks, after, unit)) << "unit " << unit;
            total += report.removal[unit] + report.copy[unit];
        }
        EXPECT_EQ(report.total, total);
        long long listed_removals = 0;
        for (const RankReversal& r : report.reversals) {
            EXPECT_LT(report.ranks[r.better], report.ranks[r.worse]);
            listed_removals += r.test == ReversalTest::removal;
        }
        EXPECT_EQ(listed_removals, report.removal.sum());
    }
}

TEST(RankReversal, MinMaxWeightedSumReversesWhenARangeMoves) {
    // Worked by hand: A = (9, 10), B = (2, 6), C = (10, 6), weights 0.6 and 0.4. On all three the
    // ranges are [2, 10] and [6, 10]: A 0.6 x 7/8 + 0.4 = 0.925, B 0, C 0.6, so A is above C.
    // Without B the first range shrinks to [9, 10]: A 0.4, C 0.6, so C is above A: one reversal.
    RowMajor x(3, 2);
    x << 9, 10, 2, 6, 10, 6;
    RankReversalOptions o;
    o.method = RankingMethod::weighted_sum;
    o.copies = false;
    const RankReversalReport report = rank_reversal(x, Eigen::Vector2d(0.6, 0.4), {}, o);
    EXPECT_EQ(report.ranks, Eigen::Vector3i(1, 3, 2));
    EXPECT_EQ(report.removal, Eigen::Vector3i(0, 1, 0));
    ASSERT_EQ(report.reversals.size(), 1U);
    EXPECT_EQ(report.reversals[0], (RankReversal{ReversalTest::removal, 1, 0, 2}));
    EXPECT_FALSE(report.stable());
    EXPECT_EQ(to_string(report), "Rank reversal of weighted_sum on 3 units: 1 pair reversed by leaving units out (1 of 3 units)");
}

TEST(RankReversal, SpotisWithFixedRangesAndIdenticalUnitsDoNotReverse) {
    // SPOTIS scores each unit against the criteria's ranges: removing a unit that sets no range
    // changes nothing. Here every removal keeps the ranges (two units share each extreme).
    RowMajor x(5, 2);
    x << 1, 9, 1, 9, 9, 1, 9, 1, 5, 5;
    RankReversalOptions o;
    o.method = RankingMethod::spotis;
    const RankReversalReport report = rank_reversal(x, Eigen::Vector2d(0.6, 0.4), {}, o);
    EXPECT_TRUE(report.stable());
    EXPECT_EQ(report.removal.sum(), 0);
    EXPECT_EQ(report.copy.sum(), 0);
    EXPECT_EQ(to_string(report), "Rank reversal of spotis on 5 units: no pair reversed by leaving a unit out or copying one");
}

TEST(RankReversal, ListsAtMostMaxListedButCountsAll) {
    const RowMajor x = random_x(40, 5, 11);
    const Eigen::VectorXd w = Eigen::VectorXd::Constant(5, 0.2);
    RankReversalOptions o;
    o.method = RankingMethod::vikor;
    const RankReversalReport all = rank_reversal(x, w, {}, o);
    o.max_listed = 2;
    const RankReversalReport few = rank_reversal(x, w, {}, o);
    EXPECT_EQ(few.total, all.total);
    EXPECT_EQ(few.reversals.size(), std::min<std::size_t>(2, all.reversals.size()));
    if (!few.reversals.empty()) {
        EXPECT_EQ(few.reversals[0], all.reversals[0]);
    }
}

TEST(RankReversal, RejectsBadInput) {
    const RowMajor two = random_x(2, 2, 1);
    const auto path = [](auto&& f) {
        try {
            f();
        } catch (const ValidationError& e) {
            return e.path();
        }
        return std::string("(no error)");
    };
    EXPECT_EQ(path([&] { (void)rank_reversal(two, Eigen::Vector2d(0.5, 0.5)); }), "x");
    const RowMajor x = random_x(5, 2, 2);
    RankReversalOptions o;
    o.max_listed = -1;
    EXPECT_EQ(path([&] { (void)rank_reversal(x, Eigen::Vector2d(0.5, 0.5), {}, o); }), "max_listed");
    EXPECT_EQ(path([&] { (void)rank_reversal(x, Eigen::Vector2d(0.5, 0.6)); }), "weights");  // the method's own check
    EXPECT_NE(civitas::test::chinese_error([&] { (void)rank_reversal(two, Eigen::Vector2d(0.5, 0.5)); }).find("秩反转检验至少需要 3 个"),
              std::string::npos);
}
