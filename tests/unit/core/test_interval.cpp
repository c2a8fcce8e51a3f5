// Intervals: the line a value is judged against, and how it reads.

#include <civitas/core/interval.hpp>

#include <gtest/gtest.h>

namespace civitas {
namespace {

TEST(Interval, ContainsItsEndsAndMeasuresTheDistanceToThem) {
    const Interval range{6.5, 8.5};
    EXPECT_TRUE(range.contains(6.5));
    EXPECT_TRUE(range.contains(8.5));
    EXPECT_FALSE(range.contains(8.6));
    EXPECT_DOUBLE_EQ(range.distance(9.0), 0.5);
    EXPECT_DOUBLE_EQ(range.distance(6.0), 0.5);
    EXPECT_EQ(range.distance(7.0), 0.0);
    EXPECT_EQ(Interval::at_least(36), (Interval{36, unbounded}));
}

TEST(Interval, ReadsAsALineInBothLanguages) {
    EXPECT_EQ(to_string(Interval::at_least(36)), ">= 36");
    EXPECT_EQ(to_string(Interval::at_most(5.6)), "<= 5.6");
    EXPECT_EQ(to_string(Interval{6.5, 8.5}), "[6.5, 8.5]");
    EXPECT_EQ(to_string(Interval{}), "any");
    EXPECT_EQ(to_string(Interval{}, Language::zh), "不限");
    // A malformed interval, as an error message shows it, reads as it is.
    EXPECT_EQ(to_string(Interval{5, -unbounded}), "[5, -inf]");
}

}  // namespace
}  // namespace civitas
