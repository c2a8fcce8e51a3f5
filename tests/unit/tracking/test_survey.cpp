// Survey indicators (include/civitas/tracking/survey.hpp): confidence intervals of a proportion against
// published worked examples, and the probability that the true proportion meets a line.

#include <civitas/core/error.hpp>
#include <civitas/tracking/survey.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

namespace civitas {
namespace {

// Published limits are rounded to 4 decimals.
constexpr double published = 5e-5;

struct Example {
    double successes;
    double n;
    double low;
    double high;
};

// Newcombe, R.G. (1998), Two-sided confidence intervals for the single proportion: comparison of
// seven methods, Statistics in Medicine 17, 857-872, Table II: 95 % intervals for 81/263, 15/148,
// 0/20 and 1/29. Method 3 is the Wilson score interval, method 5 the Clopper-Pearson interval.
constexpr Example newcombe_wilson[] = {
    {81, 263, 0.2553, 0.3662}, {15, 148, 0.0624, 0.1605}, {0, 20, 0.0, 0.1611}, {1, 29, 0.0061, 0.1718}};
constexpr Example newcombe_clopper_pearson[] = {
    {81, 263, 0.2527, 0.3676}, {15, 148, 0.0578, 0.1617}, {0, 20, 0.0, 0.1684}, {1, 29, 0.0009, 0.1776}};

TEST(Survey, WilsonIntervalMatchesNewcombe1998) {
    for (const Example& e : newcombe_wilson) {
        const ProportionInterval ci = proportion_interval(e.successes / e.n, e.n);
        EXPECT_NEAR(ci.low, e.low, published) << e.successes << "/" << e.n;
        EXPECT_NEAR(ci.high, e.high, published) << e.successes << "/" << e.n;
        EXPECT_EQ(ci.method, IntervalMethod::wilson);
        EXPECT_EQ(ci.confidence, 0.95);
    }
}

TEST(Survey, ClopperPearsonIntervalMatchesNewcombe1998) {
    for (const Example& e : newcombe_clopper_pearson) {
        const ProportionInterval ci = proportion_interval(e.successes / e.n, e.n, 0.95, IntervalMethod::clopper_pearson);
        EXPECT_NEAR(ci.low, e.low, published) << e.successes << "/" << e.n;
        EXPECT_NEAR(ci.high, e.high, published) << e.successes << "/" << e.n;
    }
    // Conover (1999) tables, as worked at influentialpoints.com: 5 of 25, 95 %: 0.068 to 0.407.
    const ProportionInterval ci = proportion_interval(0.2, 25, 0.95, IntervalMethod::clopper_pearson);
    EXPECT_NEAR(ci.low, 0.068, 5e-4);
    EXPECT_NEAR(ci.high, 0.407, 5e-4);
}

TEST(Survey, AgrestiCoullSharesWilsonsCentreAndIsWider) {
    // Both are centred on (x + z²/2) / (n + z²); Agresti-Coull's half-width z sqrt(p~(1 - p~)/(n + z²))
    // is the larger (Brown, Cai & DasGupta 2001, Statistical Science 16(2), section 4.1), so it
    // contains the Wilson interval; it is clipped at 0 for 0/20.
    for (const Example& e : newcombe_wilson) {
        const ProportionInterval wilson = proportion_interval(e.successes / e.n, e.n);
        const ProportionInterval ac = proportion_interval(e.successes / e.n, e.n, 0.95, IntervalMethod::agresti_coull);
        EXPECT_LE(ac.low, wilson.low + 1e-15);
        EXPECT_GE(ac.high, wilson.high - 1e-15);
        if (ac.low > 0.0) {
            EXPECT_NEAR((ac.low + ac.high) / 2, (wilson.low + wilson.high) / 2, 1e-12);
        }
    }
    EXPECT_EQ(proportion_interval(0.0, 20, 0.95, IntervalMethod::agresti_coull).low, 0.0);
}

TEST(Survey, PercentScaleAndConfidenceLevel) {
    // The frameworks write satisfaction as a percentage: 90 on the percent scale is 0.9.
    const ProportionInterval percent = proportion_interval(90.0, 400, 0.95, IntervalMethod::wilson, ProportionScale::percent);
    const ProportionInterval proportion = proportion_interval(0.9, 400);
    EXPECT_NEAR(percent.low, 100.0 * proportion.low, 1e-10);
    EXPECT_NEAR(percent.high, 100.0 * proportion.high, 1e-10);
    EXPECT_EQ(percent.estimate, 90.0);
    EXPECT_EQ(to_string(percent), "ProportionInterval(90, n=400, 95 % wilson [86.67, 92.57] %)");
    EXPECT_EQ(to_string(proportion_interval(81.0 / 263.0, 263)),
              "ProportionInterval(0.30798479087452474, n=263, 95 % wilson [0.2553, 0.3662])");
    // A higher level gives a wider interval.
    const ProportionInterval wider = proportion_interval(0.9, 400, 0.99);
    EXPECT_LT(wider.low, proportion.low);
    EXPECT_GT(wider.high, proportion.high);
}

TEST(Survey, ProbabilityOfMeetingTheLineFromTheBetaPosterior) {
    // 10 of 10 satisfied: posterior Beta(11, 1) with cdf x^11, so P(theta >= 0.9) = 1 - 0.9^11.
    EXPECT_NEAR(probability_meets(1.0, 10, Interval::at_least(0.9)), 1.0 - std::pow(0.9, 11), 1e-12);
    // 0 of 10 with a line "at most 10 %": Beta(1, 11), P(theta <= 0.1) = 1 - 0.9^11.
    EXPECT_NEAR(probability_meets(0.0, 10, Interval::at_most(0.1)), 1.0 - std::pow(0.9, 11), 1e-12);
    // 50 of 100 against 50 %: Beta(51, 51) is symmetric about 1/2.
    EXPECT_NEAR(probability_meets(0.5, 100, Interval::at_least(0.5)), 0.5, 1e-12);
    // On the percent scale, the same numbers.
    EXPECT_NEAR(probability_meets(100.0, 10, Interval::at_least(90.0), ProportionScale::percent), 1.0 - std::pow(0.9, 11),
                1e-12);
    // A range is the difference of the two tails; the whole scale is certain.
    const double above = probability_meets(0.92, 300, Interval::at_least(0.9));
    const double below = probability_meets(0.92, 300, Interval::at_most(0.95));
    const double between = probability_meets(0.92, 300, Interval{0.9, 0.95});
    EXPECT_NEAR(between, above + below - 1.0, 1e-12);
    EXPECT_EQ(probability_meets(0.92, 300, Interval{-1.0, 2.0}), 1.0);
}

TEST(Survey, ProbabilityFallsAsTheLineRises) {
    double previous = 1.0;
    for (double line = 0.80; line <= 0.99; line += 0.01) {
        const double p = probability_meets(0.9, 200, Interval::at_least(line));
        EXPECT_LE(p, previous) << line;
        previous = p;
    }
    // More respondents make a 92 % estimate surer of ">= 90 %".
    EXPECT_LT(probability_meets(0.92, 50, Interval::at_least(0.9)), probability_meets(0.92, 2000, Interval::at_least(0.9)));
}

TEST(Survey, BadInputNamesTheArgumentAndValue) {
    const auto expect_invalid = [](auto call, const std::string& path, const std::string& text) {
        try {
            call();
            ADD_FAILURE() << "no ValidationError at " << path;
        } catch (const ValidationError& error) {
            EXPECT_EQ(error.path(), path);
            EXPECT_NE(std::string(error.what()).find(text), std::string::npos) << error.what();
        }
    };
    expect_invalid([] { (void)proportion_interval(90.0, 100); }, "estimate", "90 is outside [0, 1]");
    expect_invalid([] { (void)proportion_interval(120.0, 100, 0.95, IntervalMethod::wilson, ProportionScale::percent); },
                   "estimate", "120 is outside [0, 100]");
    expect_invalid([] { (void)proportion_interval(-0.1, 100); }, "estimate", "-0.1");
    expect_invalid([] { (void)proportion_interval(std::numeric_limits<double>::quiet_NaN(), 100); }, "estimate", "nan");
    expect_invalid([] { (void)proportion_interval(0.5, 0); }, "n", "0; expected a sample size of at least 1");
    expect_invalid([] { (void)proportion_interval(0.5, 100, 1.0); }, "confidence", "(0, 1)");
    expect_invalid([] { (void)probability_meets(0.5, 0.5, Interval::at_least(0.5)); }, "n", "0.5");
    expect_invalid([] { (void)probability_meets(0.5, 10, Interval{0.9, 0.1}); }, "line", "low <= high");
}

}  // namespace
}  // namespace civitas
