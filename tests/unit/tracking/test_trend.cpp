// Trends, projections, the Open SDG progress status and the standards' level-or-trend and
// history rules (include/civitas/tracking/trend.hpp). Expected numbers are worked by hand in the comments;
// dates four years apart (1461 days = 4 x 365.25) make the years exact.

#include <civitas/core/error.hpp>
#include <civitas/tracking/trend.hpp>

#include "support.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace civitas {
namespace {

using civitas::test::chinese_error;

constexpr double tight = 1e-12;

Date day(int y, int m, int d) {
    return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
}
Date jan1(int year) { return day(year, 1, 1); }

// Expects a ValidationError at `path` whose message contains `text`.
template <class Call>
void expect_invalid(Call call, const std::string& path, const std::string& text) {
    try {
        call();
        ADD_FAILURE() << "no ValidationError (expected at " << path << ")";
    } catch (const ValidationError& error) {
        EXPECT_EQ(error.path(), path) << error.what();
        EXPECT_NE(std::string(error.what()).find(text), std::string::npos) << error.what();
    }
}

// ---- Trend -------------------------------------------------------------------------------------

// t = 0, 4, 8, 12 years; y = 1, 3, 2, 5. t̄ = 6, ȳ = 2.75, Sxx = 36 + 4 + 4 + 36 = 80,
// Sxy = (-6)(-1.75) + (-2)(0.25) + 2(-0.75) + 6(2.25) = 22: slope 22/80 = 0.275 per year,
// intercept 2.75 - 0.275 x 6 = 1.1; SS_tot = 8.75, SS_reg = 0.275 x 22 = 6.05, R² = 6.05/8.75.
// CAGR = (5/1)^(1/12) - 1.
const std::vector<Date> four_dates = {jan1(2016), jan1(2020), jan1(2024), jan1(2028)};
const std::vector<double> four_values = {1.0, 3.0, 2.0, 5.0};

TEST(Trend, LeastSquaresOfFourPointsByHand) {
    const Trend t = trend(four_dates, four_values);
    EXPECT_EQ(t.points, 4);
    EXPECT_EQ(t.first_date, jan1(2016));
    EXPECT_EQ(t.last_date, jan1(2028));
    EXPECT_NEAR(t.span_years, 12.0, tight);
    EXPECT_NEAR(t.slope, 0.275, tight);
    EXPECT_NEAR(t.intercept, 1.1, tight);
    EXPECT_NEAR(t.r_squared, 6.05 / 8.75, tight);
    ASSERT_TRUE(t.cagr.has_value());
    EXPECT_NEAR(*t.cagr, std::pow(5.0, 1.0 / 12.0) - 1.0, tight);  // 14.353 % a year
    EXPECT_TRUE(t.cagr_note.empty());
    EXPECT_EQ(to_string(t), "Trend(4 points 2016-01-01..2028-01-01, slope 0.275/year, R² 0.6914, CAGR 14.35 %/year)");
}

TEST(Trend, ProjectionReachDateAndRateNeededByHand) {
    const Trend t = trend(four_dates, four_values);
    // The fitted line at 2032 (t = 16): 1.1 + 0.275 x 16 = 5.5.
    EXPECT_NEAR(t.fitted(jan1(2032)), 5.5, tight);
    // From the latest value 5 (2028): linear 5 + 0.275 x 4 = 6.1; compound 5 x 5^(4/12) = 5 x cbrt(5).
    EXPECT_NEAR(*t.project(jan1(2032)), 6.1, tight);
    EXPECT_NEAR(*t.project(jan1(2032), ProjectionMethod::compound), 5.0 * std::cbrt(5.0), 1e-10);
    // >= 6.1 is 1.1 / 0.275 = 4 years = 1461 days after 2028-01-01.
    EXPECT_EQ(t.reach_date(Interval::at_least(6.1)), jan1(2032));
    EXPECT_EQ(t.reach_date(Interval::at_least(5.0 * std::cbrt(5.0)), ProjectionMethod::compound), jan1(2032));
    // From 5 to >= 6.1 by 2032: 1.1 / 4 = 0.275 a year, or 1.22^(1/4) - 1 compound.
    EXPECT_NEAR(*t.required_rate(Interval::at_least(6.1), jan1(2032)), 0.275, tight);
    EXPECT_NEAR(*t.required_growth(Interval::at_least(6.1), jan1(2032)), std::pow(1.22, 0.25) - 1.0, tight);
}

TEST(Trend, AlreadyMetMovingAwayAndNoTimeLeft) {
    const Trend t = trend(four_dates, four_values);
    EXPECT_EQ(t.reach_date(Interval::at_least(4.0)), jan1(2028));  // met now: the latest date
    EXPECT_EQ(*t.required_rate(Interval::at_least(4.0), jan1(2030)), 0.0);
    EXPECT_EQ(*t.required_growth(Interval::at_least(4.0), jan1(2030)), 0.0);
    // <= 4 needs falling, the trend rises: never reached.
    EXPECT_FALSE(t.reach_date(Interval::at_most(4.0)).has_value());
    EXPECT_FALSE(t.reach_date(Interval::at_most(4.0), ProjectionMethod::compound).has_value());
    // A range above the latest value is approached from below: its low end, 6.1, in 4 years.
    EXPECT_EQ(t.reach_date(Interval{6.1, 8.0}), jan1(2032));
    // The deadline is not after the latest point: no rate can do it.
    EXPECT_FALSE(t.required_rate(Interval::at_least(6.1), jan1(2028)).has_value());
    EXPECT_FALSE(t.required_growth(Interval::at_least(6.1), day(2027, 6, 1)).has_value());
    // So slow that the day would be after 9999-12-31.
    const Trend slow = trend({jan1(2016), jan1(2020)}, {1.0, 1.0 + 1e-12});
    EXPECT_FALSE(slow.reach_date(Interval::at_least(100.0)).has_value());
}

TEST(Trend, FlatSeriesNeverReachesAndExplainsAllVariance) {
    const Trend t = trend({jan1(2020), jan1(2021), jan1(2022)}, {4.0, 4.0, 4.0});
    EXPECT_EQ(t.slope, 0.0);
    EXPECT_EQ(t.r_squared, 1.0);
    EXPECT_EQ(*t.cagr, 0.0);
    EXPECT_FALSE(t.reach_date(Interval::at_least(5.0)).has_value());
    EXPECT_FALSE(t.reach_date(Interval::at_least(5.0), ProjectionMethod::compound).has_value());
}

TEST(Trend, LastPointsWindow) {
    // The last two points, 2 (2024) and 5 (2028): slope 3/4, an exact fit, CAGR 2.5^(1/4) - 1.
    const Trend t = trend(four_dates, four_values, 2);
    EXPECT_EQ(t.points, 2);
    EXPECT_EQ(t.first_date, jan1(2024));
    EXPECT_NEAR(t.slope, 0.75, tight);
    EXPECT_NEAR(t.r_squared, 1.0, tight);
    EXPECT_NEAR(*t.cagr, std::pow(2.5, 0.25) - 1.0, tight);
    EXPECT_EQ(trend(four_dates, four_values, 10).points, 4);  // more than there are: all
}

TEST(Trend, CompoundGrowthIsUndefinedForValuesNotPositive) {
    const Trend zero_first = trend({jan1(2020), jan1(2021), jan1(2022)}, {0.0, 1.0, 2.0});
    EXPECT_FALSE(zero_first.cagr.has_value());
    EXPECT_NE(zero_first.cagr_note.text(Language::en).find("first value 0 is not positive"), std::string::npos);
    EXPECT_FALSE(zero_first.project(jan1(2025), ProjectionMethod::compound).has_value());
    EXPECT_FALSE(zero_first.reach_date(Interval::at_least(5.0), ProjectionMethod::compound).has_value());
    EXPECT_TRUE(zero_first.project(jan1(2025)).has_value());  // linear still works
    const Trend negative_last = trend({jan1(2020), jan1(2021)}, {2.0, -1.0});
    EXPECT_FALSE(negative_last.cagr.has_value());
    EXPECT_NE(negative_last.cagr_note.text(Language::en).find("latest value -1"), std::string::npos);
    EXPECT_NE(to_string(negative_last).find("no CAGR"), std::string::npos);
}

TEST(Trend, BadSeriesNamesThePositionAndValue) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    expect_invalid([] { (void)trend({jan1(2020), jan1(2022), jan1(2021)}, {1.0, 2.0, 3.0}); }, "dates[2]",
                   "2021-01-01 is before dates[1] 2022-01-01");
    expect_invalid([] { (void)trend({jan1(2020), jan1(2020)}, {1.0, 2.0}); }, "dates[1]", "2020-01-01 repeats dates[0]");
    expect_invalid([nan] { (void)trend({jan1(2020), jan1(2021)}, {1.0, nan}); }, "values[1]", "nan on 2021-01-01");
    expect_invalid([] { (void)trend({jan1(2020), jan1(2021)}, {1.0, std::numeric_limits<double>::infinity()}); },
                   "values[1]", "inf");
    expect_invalid([] { (void)trend({jan1(2020), jan1(2021)}, {1.0}); }, "values", "1 values for 2 dates");
    expect_invalid([] { (void)trend({jan1(2020)}, {1.0}); }, "values", "a trend needs at least 2");
    expect_invalid([] { (void)trend(four_dates, four_values, 1); }, "last_points", "at least 2");
    expect_invalid([] { (void)trend(four_dates, four_values, -3); }, "last_points", "-3");
    expect_invalid([] { (void)trend({Date(boost::gregorian::not_a_date_time), jan1(2021)}, {1.0, 2.0}); }, "dates[0]",
                   "not a date");
    const Trend t = trend(four_dates, four_values);
    expect_invalid([&] { (void)t.reach_date(Interval{5.0, 4.0}); }, "line", "expected low <= high");
    expect_invalid([&] { (void)t.reach_date(Interval{}); }, "line", "open at both ends");

    EXPECT_EQ(chinese_error([] { (void)trend({jan1(2020), jan1(2022), jan1(2021)}, {1.0, 2.0, 3.0}); }),
              "dates[2]: 2021-01-01 早于 dates[1] 2022-01-01；日期应严格递增（请将序列排序，每个日期只保留一个值）");
    EXPECT_EQ(chinese_error([nan] { (void)trend({jan1(2020), jan1(2021)}, {1.0, nan}); }), "values[1]: 2021-01-01 的值为 nan；应为有限数");
    EXPECT_EQ(chinese_error([] { (void)trend({jan1(2020)}, {1.0}); }), "values: 1 个点；趋势至少需要 2 个点");
}

// ---- Progress (Open SDG) -------------------------------------------------------------------------
// Source of the method and the default cut-offs: Open SDG's progress-status methodology
// (open-sdg/open-sdg docs/progress-methodology.md, after Statistics Canada) and its code,
// open-sdg/sdg-build sdg/ProgressMeasure.py: with a target, R = d x CAGR_observed / |CAGR_required|
// with thresholds {high 0.95, med 0.6, low 0}; without, d x CAGR with {1.5 %, 0.5 %, 0}.
// The documentation publishes the thresholds and configuration examples (3.1.1 maternal mortality:
// direction negative, target 70), not worked numbers; the numbers here are worked by hand.

TEST(Progress, RatioOfObservedToRequiredGrowthByHand) {
    // 100 (2016) -> 81 (2020), lower is better, target <= 64 by 2024 (8 years from the base):
    // observed 0.81^(1/4) - 1 = sqrt(0.9) - 1 = -5.1317 %; required 0.64^(1/8) - 1 = 0.8^(1/4) - 1
    // = -5.4258 %; R = -1 x -0.051317 / 0.054258 = 0.9458: just under 0.95, needs acceleration.
    const std::vector<Date> dates = {jan1(2016), jan1(2018), jan1(2020)};
    const std::vector<double> values = {100.0, 90.0, 81.0};
    const ProgressAssessment a = assess_progress(dates, values, Interval::at_most(64.0), jan1(2024));
    EXPECT_EQ(a.state, ProgressState::needs_acceleration);
    EXPECT_EQ(a.measure, GrowthMeasure::compound);
    EXPECT_EQ(a.points, 3);
    EXPECT_NEAR(*a.observed_rate, std::sqrt(0.9) - 1.0, tight);
    EXPECT_NEAR(*a.required_rate, std::pow(0.8, 0.25) - 1.0, tight);
    EXPECT_NEAR(*a.progress_value, (1.0 - std::sqrt(0.9)) / (1.0 - std::pow(0.8, 0.25)), tight);
    EXPECT_NE(a.reason.text(Language::en).find("R = 0.9458, 0.6 <= R < 0.95"), std::string::npos) << a.reason.text(Language::en);
    EXPECT_EQ(a.reason.text(Language::zh).rfind("R = 0.9458，0.6 <= R < 0.95: 自 ", 0), 0u) << a.reason.text(Language::zh);
    // The cut-offs are options: at 0.94 the same series is on track.
    ProgressOptions lenient;
    lenient.on_track_ratio = 0.94;
    EXPECT_EQ(assess_progress(dates, values, Interval::at_most(64.0), jan1(2024), lenient).state, ProgressState::on_track);
    // Open SDG's 3.1.1 example target, <= 70: required 0.7^(1/8) - 1 = -4.360 %, R = 1.1769: on track.
    const ProgressAssessment mmr = assess_progress(dates, values, Interval::at_most(70.0), jan1(2024));
    EXPECT_EQ(mmr.state, ProgressState::on_track);
    EXPECT_NEAR(*mmr.progress_value, (1.0 - std::sqrt(0.9)) / (1.0 - std::pow(0.7, 0.125)), tight);
}

TEST(Progress, EachBandOfTheRatioTable) {
    // Higher is better: 100 (2016), target >= 200 by 2024, required 2^(1/8) - 1 = 9.05 % a year.
    // Latest (2020) 141: R = (1.41^(1/4) - 1) / 0.0905 = 0.991; 130: 0.749; 110: 0.266; 95: < 0.
    const auto state_at = [](double latest) {
        return assess_progress({jan1(2016), jan1(2020)}, {100.0, latest}, Interval::at_least(200.0), jan1(2024)).state;
    };
    EXPECT_EQ(state_at(200.0), ProgressState::target_met);
    EXPECT_EQ(state_at(141.0), ProgressState::on_track);
    EXPECT_EQ(state_at(130.0), ProgressState::needs_acceleration);
    EXPECT_EQ(state_at(110.0), ProgressState::limited_progress);
    EXPECT_EQ(state_at(95.0), ProgressState::deteriorating);
    EXPECT_EQ(state_at(100.0), ProgressState::limited_progress);  // R = 0 sits in [0, 0.6)
}

TEST(Progress, RangeTargetIsApproachedFromTheSideTheValueIsOn) {
    // Target [40, 60]; from 100 down to 81 over 4 years towards 60 by 2024 (8 years).
    const ProgressAssessment a = assess_progress({jan1(2016), jan1(2020)}, {100.0, 81.0}, Interval{40.0, 60.0}, jan1(2024));
    EXPECT_NEAR(*a.progress_value, (1.0 - std::sqrt(0.9)) / (1.0 - std::pow(0.6, 0.125)), tight);
    const ProgressAssessment inside = assess_progress({jan1(2016), jan1(2020)}, {100.0, 50.0}, Interval{40.0, 60.0}, jan1(2024));
    EXPECT_EQ(inside.state, ProgressState::target_met);
}

TEST(Progress, DirectionOnlyUsesTheGrowthTable) {
    // 100 -> 104 in 4 years: (1.04)^(1/4) - 1 = 0.985 % a year: in [0.5 %, 1.5 %) when rising is
    // better; -0.985 % when falling is better. 100 -> 110: 2.41 %; 100 -> 101: 0.249 %.
    const auto state = [](double latest, Direction direction) {
        return assess_progress({jan1(2016), jan1(2020)}, {100.0, latest}, direction).state;
    };
    EXPECT_EQ(state(104.0, Direction::higher), ProgressState::needs_acceleration);
    EXPECT_EQ(state(104.0, Direction::lower), ProgressState::deteriorating);
    EXPECT_EQ(state(110.0, Direction::higher), ProgressState::on_track);
    EXPECT_EQ(state(101.0, Direction::higher), ProgressState::limited_progress);
    EXPECT_EQ(state(90.0, Direction::problem_count), ProgressState::on_track);
    const ProgressAssessment a = assess_progress({jan1(2016), jan1(2020)}, {100.0, 104.0}, Direction::higher);
    EXPECT_NEAR(*a.progress_value, std::pow(1.04, 0.25) - 1.0, tight);
    EXPECT_FALSE(a.required_rate.has_value());
    EXPECT_NE(to_string(a).find("ProgressAssessment(needs_acceleration: growth the right way (rising) 0.99 %/year"),
              std::string::npos)
        << to_string(a);
}

TEST(Progress, NaturalLimitScalesThePositiveCutOffs) {
    // Satisfaction 96 -> 97 % in 4 years, limit 100: C = 1 - (96/100)^4.44 = 0.1658 (sdg-build's
    // coefficient, exponent 4.44), so 1.5 % becomes 0.249 %, and the observed (97/96)^(1/4) - 1 =
    // 0.259 % is on track; without the limit it is limited progress.
    const std::vector<Date> dates = {jan1(2016), jan1(2020)};
    const std::vector<double> values = {96.0, 97.0};
    EXPECT_EQ(assess_progress(dates, values, Direction::higher).state, ProgressState::limited_progress);
    ProgressOptions with_limit;
    with_limit.limit = 100.0;
    const ProgressAssessment a = assess_progress(dates, values, Direction::higher, with_limit);
    EXPECT_NEAR(*a.scaling, 1.0 - std::pow(0.96, 4.44), tight);
    EXPECT_EQ(a.state, ProgressState::on_track);
    // At the limit C = 0: holding it (growth >= 0) is on track, falling still deteriorates.
    EXPECT_EQ(assess_progress(dates, {100.0, 100.0}, Direction::higher, with_limit).state, ProgressState::on_track);
    EXPECT_EQ(assess_progress(dates, {100.0, 99.0}, Direction::higher, with_limit).state, ProgressState::deteriorating);
}

TEST(Progress, TooFewPointsIsItsOwnState) {
    const ProgressAssessment one = assess_progress({jan1(2020)}, {50.0}, Interval::at_least(60.0), jan1(2024));
    EXPECT_EQ(one.state, ProgressState::too_few_points);
    EXPECT_EQ(one.points, 1);
    EXPECT_FALSE(one.progress_value.has_value());
    EXPECT_NE(one.reason.text(Language::en).find("1 point; at least 2"), std::string::npos) << one.reason.text(Language::en);
    // Meeting the target needs no trend (Open SDG checks it first).
    EXPECT_EQ(assess_progress({jan1(2020)}, {70.0}, Interval::at_least(60.0), jan1(2024)).state, ProgressState::target_met);
    EXPECT_EQ(assess_progress({}, {}, Interval::at_least(60.0), jan1(2024)).state, ProgressState::too_few_points);
    ProgressOptions three;
    three.min_points = 3;
    EXPECT_EQ(assess_progress({jan1(2016), jan1(2020)}, {100.0, 81.0}, Direction::lower, three).state,
              ProgressState::too_few_points);
    // The window counts: four points, the last two used, three required.
    three.last_points = 3;
    EXPECT_EQ(assess_progress(four_dates, four_values, Direction::higher, three).points, 3);
}

TEST(Progress, LinearRatesWhenCompoundGrowthIsUndefined) {
    // Problems found 6, 4, 3 (2016, 2020, 2024), target <= 0 by 2032: a zero target has no compound
    // growth, so the linear rates are compared. Slope: t̄ = 4, Sxy = -4(5/3) + 4(-4/3) = -12,
    // Sxx = 32: -0.375 a year; needed (0 - 6) / 16 years = -0.375: R = 1, on track.
    const ProgressAssessment a =
        assess_progress({jan1(2016), jan1(2020), jan1(2024)}, {6.0, 4.0, 3.0}, Interval::at_most(0.0), jan1(2032));
    EXPECT_EQ(a.measure, GrowthMeasure::linear);
    EXPECT_NEAR(*a.observed_rate, -0.375, tight);
    EXPECT_NEAR(*a.required_rate, -0.375, tight);
    EXPECT_NEAR(*a.progress_value, 1.0, tight);
    EXPECT_EQ(a.state, ProgressState::on_track);
    EXPECT_NE(a.reason.text(Language::en).find("linear rates"), std::string::npos) << a.reason.text(Language::en);
    // Direction only, a count reaching zero: slope / mean |value| = -0.375 / (13/3) per year.
    const ProgressAssessment d = assess_progress({jan1(2016), jan1(2020), jan1(2024)}, {6.0, 4.0, 0.0}, Direction::lower);
    EXPECT_EQ(d.measure, GrowthMeasure::linear);
    EXPECT_EQ(d.state, ProgressState::on_track);
}

TEST(Progress, BaseOnTheTargetEdgeDecidesByDirection) {
    // The first point is exactly on the line, the latest has slipped: no change was needed, so the
    // sign of the change decides (the ratio would divide by zero).
    const ProgressAssessment a = assess_progress({jan1(2016), jan1(2020)}, {60.0, 58.0}, Interval::at_least(60.0), jan1(2024));
    EXPECT_EQ(a.state, ProgressState::deteriorating);
    EXPECT_FALSE(a.progress_value.has_value());
}

TEST(Progress, BadOptionsAndArguments) {
    const std::vector<Date> dates = {jan1(2016), jan1(2020)};
    const std::vector<double> values = {100.0, 81.0};
    ProgressOptions options;
    options.min_points = 1;
    expect_invalid([&] { (void)assess_progress(dates, values, Direction::lower, options); }, "min_points", "at least 2");
    options = {};
    options.acceleration_ratio = 0.99;
    expect_invalid([&] { (void)assess_progress(dates, values, Direction::lower, options); },
                   "on_track_ratio, acceleration_ratio, limited_ratio", "on_track >= acceleration >= limited");
    options = {};
    options.last_points = 1;
    expect_invalid([&] { (void)assess_progress(dates, values, Direction::lower, options); }, "last_points", "min_points");
    expect_invalid([&] { (void)assess_progress(dates, values, Direction::range); }, "direction", "give a target");
    expect_invalid([&] { (void)assess_progress(dates, values, Interval::at_most(60.0), jan1(2016)); }, "deadline",
                   "is not after the first point used (2016-01-01)");
    EXPECT_EQ(chinese_error([&] { (void)assess_progress(dates, values, Interval::at_most(60.0), jan1(2016)); }),
              "deadline: 2016-01-01 不晚于所用的第一个点（2016-01-01）；期限应更晚");
    EXPECT_EQ(chinese_error([&] { (void)assess_progress(dates, values, Direction::range); }),
              "direction: 'range' 没有单一的改进方向；应为 'higher'、'lower' 或 'problem_count'，或给出目标");
    expect_invalid([&] { (void)assess_progress({jan1(2020), jan1(2019)}, values, Direction::lower); }, "dates[1]",
                   "is before");
}

// ---- Level or trend --------------------------------------------------------------------------------
// docs/sources.md#national-sanitary-city, National Sanitary City standard (全爱卫发〔2021〕6号) [S]: "infant mortality 5.6‰ or
// falling"; Ecological Civilization Demonstration Zone [S]: "good-air-day ratio >= 90 %, or keep
// improving".

const std::vector<Date> three_years = {jan1(2021), jan1(2022), jan1(2023)};

TEST(LevelOrTrend, InfantMortalityMetByLevelByTrendOrNeither) {
    const Interval line = Interval::at_most(5.6);
    const LevelOrTrend level = level_or_trend(three_years, {6.1, 5.9, 5.4}, line);
    EXPECT_TRUE(level.met);
    EXPECT_TRUE(level.met_by_level);
    const LevelOrTrend falling = level_or_trend(three_years, {7.2, 6.8, 6.3}, line);
    EXPECT_TRUE(falling.met);
    EXPECT_FALSE(falling.met_by_level);
    EXPECT_TRUE(falling.met_by_trend);
    EXPECT_EQ(to_string(falling), "LevelOrTrend(met by trend: the latest value 6.3 (2023-01-01) does not meet <= 5.6; "
                                  "each of the last 2 changes is falling)");
    const LevelOrTrend neither = level_or_trend(three_years, {6.5, 6.2, 6.4}, line);
    EXPECT_FALSE(neither.met);
    EXPECT_NE(neither.reason.text(Language::en).find("1 of the last 2 changes is not falling"), std::string::npos) << neither.reason.text(Language::en);
    // A flat year is not falling.
    EXPECT_FALSE(level_or_trend(three_years, {6.5, 6.2, 6.2}, line).met);
}

TEST(LevelOrTrend, GoodAirDaysRising) {
    const Interval line = Interval::at_least(90.0);
    EXPECT_TRUE(level_or_trend(three_years, {86.0, 87.5, 88.9}, line).met_by_trend);
    EXPECT_FALSE(level_or_trend(three_years, {88.9, 87.5, 86.0}, line).met);
}

TEST(LevelOrTrend, NumberOfChangesIsConfigurable) {
    LevelOrTrendOptions one;
    one.changes = 1;
    EXPECT_TRUE(level_or_trend(three_years, {6.2, 6.4, 6.1}, Interval::at_most(5.6), one).met_by_trend);
    EXPECT_FALSE(level_or_trend(three_years, {6.2, 6.4, 6.1}, Interval::at_most(5.6)).met_by_trend);  // default 2
    // Two points cannot show two changes.
    const LevelOrTrend short_series = level_or_trend({jan1(2022), jan1(2023)}, {7.0, 6.0}, Interval::at_most(5.6));
    EXPECT_FALSE(short_series.met);
    EXPECT_NE(short_series.reason.text(Language::en).find("too few points"), std::string::npos);
}

TEST(LevelOrTrend, SlopeTestByHand) {
    // t = 0, 4, 8, 12, 16 years; y = 7.0, 6.6, 6.8, 6.2, 6.0. Sxx = 160, Sxy = -9.6: slope -0.06 a
    // year; residuals 0, -0.16, 0.28, -0.08, -0.04, SS = 0.112, se = sqrt(0.112 / 3 / 160) = 0.015275,
    // t = 3.928 on 3 degrees of freedom. Student's t table: t(0.975, 3) = 3.182, t(0.99, 3) = 4.541,
    // so the one-sided p is between 0.01 and 0.025: falling at 95 %, not at 99 %.
    const std::vector<Date> dates = {jan1(2008), jan1(2012), jan1(2016), jan1(2020), jan1(2024)};
    const std::vector<double> values = {7.0, 6.6, 6.8, 6.2, 6.0};
    LevelOrTrendOptions slope;
    slope.test = TrendTest::slope;
    const LevelOrTrend r = level_or_trend(dates, values, Interval::at_most(5.6), slope);
    EXPECT_NEAR(*r.slope, -0.06, tight);
    EXPECT_GT(*r.p_value, 0.01);
    EXPECT_LT(*r.p_value, 0.025);
    EXPECT_TRUE(r.met_by_trend);
    slope.confidence = 0.99;
    EXPECT_FALSE(level_or_trend(dates, values, Interval::at_most(5.6), slope).met);
    // The consecutive test fails on the same series: 6.6 -> 6.8 rose.
    LevelOrTrendOptions four;
    four.changes = 4;
    EXPECT_FALSE(level_or_trend(dates, values, Interval::at_most(5.6), four).met);
    // Points exactly on a falling line: p = 0.
    slope.confidence = 0.95;
    const LevelOrTrend exact = level_or_trend(three_years, {7.0, 6.5, 6.0}, Interval::at_most(5.6), slope);
    EXPECT_TRUE(exact.met_by_trend);
    EXPECT_EQ(*exact.p_value, 0.0);
}

TEST(LevelOrTrend, RangeAndBadInput) {
    // Below [20, 30]: rising is the way in.
    EXPECT_TRUE(level_or_trend(three_years, {15.0, 17.0, 19.0}, Interval{20.0, 30.0}).met_by_trend);
    const LevelOrTrend inside = level_or_trend(three_years, {25.0, 24.0, 23.0}, Interval{20.0, 30.0});
    EXPECT_TRUE(inside.met_by_level);
    EXPECT_FALSE(inside.met_by_trend);
    expect_invalid([] { (void)level_or_trend({}, {}, Interval::at_most(5.6)); }, "values", "no points");
    LevelOrTrendOptions bad;
    bad.changes = 0;
    expect_invalid([&] { (void)level_or_trend(three_years, {1.0, 2.0, 3.0}, Interval::at_most(5.6), bad); }, "changes",
                   "at least 1");
    bad = {};
    bad.confidence = 1.0;
    expect_invalid([&] { (void)level_or_trend(three_years, {1.0, 2.0, 3.0}, Interval::at_most(5.6), bad); }, "confidence",
                   "(0, 1)");
}

// ---- Not above the last five years' average ----------------------------------------------------------
// docs/sources.md#national-sanitary-city [S]: "class A/B notifiable infectious disease incidence not above the 5-year average".

TEST(TrendHistoryAverage, LatestYearAgainstThePreviousFive) {
    // 2019-2023: 3.0, 3.2, 3.6, 3.4, 3.8, mean 17 / 5 = 3.4; 2017 is older than five years.
    std::vector<Date> dates = {jan1(2017), jan1(2019), jan1(2020), jan1(2021), jan1(2022), jan1(2023), jan1(2024)};
    std::vector<double> values = {9.0, 3.0, 3.2, 3.6, 3.4, 3.8, 3.1};
    const HistoryAverage met = history_average(dates, values);
    EXPECT_TRUE(met.assessable);
    EXPECT_TRUE(met.met);
    EXPECT_EQ(met.year, 2024);
    EXPECT_EQ(met.latest, 3.1);
    EXPECT_NEAR(*met.average, 3.4, tight);
    EXPECT_EQ(met.years_used, (std::vector<int>{2019, 2020, 2021, 2022, 2023}));
    EXPECT_EQ(to_string(met), "HistoryAverage(met: 2024 value 3.1 <= the mean 3.4 of 5 years in 2019-2023)");
    values.back() = 3.5;
    EXPECT_FALSE(history_average(dates, values).met);
    // Ties meet ("not above"): 3, 4, 5, 4, 4 average 4.
    EXPECT_TRUE(history_average(dates, {0.0, 3.0, 4.0, 5.0, 4.0, 4.0, 4.0}).met);
    // Higher is better: "not below".
    HistoryAverageOptions higher;
    higher.direction = Direction::higher;
    EXPECT_TRUE(history_average(dates, values, higher).met);  // 3.5 >= 3.4
}

TEST(TrendHistoryAverage, HowYearsAreFormedFromDatedPoints) {
    // Several points in a year: the year's last point by default, or their mean.
    const std::vector<Date> dates = {day(2019, 6, 30), day(2020, 6, 30), day(2021, 6, 30), day(2022, 6, 30),
                                     day(2023, 3, 31), day(2023, 12, 31), day(2024, 1, 31), day(2024, 6, 30)};
    const std::vector<double> values = {4.0, 4.0, 4.0, 4.0, 1.0, 6.0, 3.9, 3.0};
    const HistoryAverage last = history_average(dates, values);
    EXPECT_EQ(last.latest, 3.0);
    EXPECT_NEAR(*last.average, (4.0 * 4 + 6.0) / 5.0, tight);
    EXPECT_TRUE(last.assessable);  // 2019, 2020, 2021, 2022 and 2023 all have points
    HistoryAverageOptions mean;
    mean.year_value = YearValue::mean;
    const HistoryAverage averaged = history_average(dates, values, mean);
    EXPECT_NEAR(averaged.latest, 3.45, tight);
    EXPECT_NEAR(*averaged.average, (4.0 * 4 + 3.5) / 5.0, tight);
}

TEST(TrendHistoryAverage, MissingYearsMakeItNotAssessable) {
    const std::vector<Date> dates = {jan1(2021), jan1(2022), jan1(2023), jan1(2024)};
    const std::vector<double> values = {3.0, 3.2, 3.4, 3.0};
    const HistoryAverage r = history_average(dates, values);
    EXPECT_FALSE(r.assessable);
    EXPECT_FALSE(r.met);
    EXPECT_NE(r.reason.text(Language::en).find("only 3 of the 5 years 2019-2023 have data"), std::string::npos) << r.reason.text(Language::en);
    HistoryAverageOptions three;
    three.min_years = 3;
    EXPECT_TRUE(history_average(dates, values, three).met);
    three.min_years = 6;
    expect_invalid([&] { (void)history_average(dates, values, three); }, "min_years", "1 .. years (5)");
}

}  // namespace
}  // namespace civitas
