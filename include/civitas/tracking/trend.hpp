#pragma once
/// Trends of one dated series: least-squares slope and compound annual growth over the last N
/// points, projections, the date a line is reached and the rate needed; progress towards a
/// target after the Open SDG progress-status method; and the standards' rules met "by the level
/// or by the trend" and "not above the last five years' average".
/// Formulas, choices, cut-offs and sources: docs/trends.md.
///
/// A series is two vectors of equal length: dates strictly increasing (a repeated or earlier date
/// is a ValidationError naming "dates[i]"; series are never sorted silently, since a series out
/// of order usually means a mistake upstream) and finite values ("values[i]" otherwise).
/// Time is measured in years of 365.25 days from exact day counts.

#include <civitas/core/enums.hpp>
#include <civitas/core/message.hpp>
#include <civitas/export.hpp>
#include <civitas/framework/framework.hpp>
#include <civitas/plan/calendar.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace civitas {

/// Days in the year used to turn day counts into years.
inline constexpr double days_per_year = 365.25;

// ---- trend -----------------------------------------------------------------------------------

/// How a value is carried forward from the latest point.
enum class ProjectionMethod : std::int8_t {
    linear,    ///< latest value + least-squares slope x years
    compound,  ///< latest value x (1 + CAGR) ^ years; none when the CAGR is undefined
};
template <> struct EnumNames<ProjectionMethod> { static constexpr const char* values[] = {"linear", "compound"}; };

/// The trend of the last `points` of a series.
struct CIVITAS_EXPORT Trend {
    int points = 0;              ///< points used, >= 2
    Date first_date;             ///< date of the first point used (t = 0)
    Date last_date;              ///< date of the latest point
    double first_value = 0.0;    ///< value of the first point used
    double last_value = 0.0;     ///< value of the latest point
    double span_years = 0.0;     ///< (last_date - first_date) in days / 365.25, > 0
    double slope = 0.0;          ///< least-squares slope, value units per year
    double intercept = 0.0;      ///< the fitted line's value at first_date
    double r_squared = 0.0;      ///< share of variance the line explains, in [0, 1]; 1 when all values are equal
    std::optional<double> cagr;  ///< (last / first) ^ (1 / span_years) - 1 per year (0.05 = 5 %); none when a value is <= 0
    Message cagr_note;           ///< why `cagr` is none (empty when it is defined)

    /// The fitted line's value at `date` (intercept + slope x years since first_date).
    [[nodiscard]] double fitted(Date date) const;
    /// The value at `date` carried forward from the latest value by `method`; none for compound without a CAGR.
    [[nodiscard]] std::optional<double> project(Date date, ProjectionMethod method = ProjectionMethod::linear) const;
    /// The first day on which the projection from the latest value meets `line` (last_date when it
    /// already does); none when the trend is flat or moves away, or the day is after 9999-12-31.
    [[nodiscard]] std::optional<Date> reach_date(const Interval& line,
                                                 ProjectionMethod method = ProjectionMethod::linear) const;
    /// Value units per year needed from the latest value to meet `line` by `deadline`: 0 when
    /// already met; none when not met and the deadline is not after last_date.
    [[nodiscard]] std::optional<double> required_rate(const Interval& line, Date deadline) const;
    /// Compound growth per year needed from the latest value to meet `line` by `deadline` (0.05 =
    /// 5 %): 0 when already met; none when not met and no time is left, or a value is <= 0.
    [[nodiscard]] std::optional<double> required_growth(const Interval& line, Date deadline) const;

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const Trend& a, const Trend& b);
    friend bool operator!=(const Trend& a, const Trend& b) { return !(a == b); }
};

/// The trend of the last `last_points` points (0: all); ValidationError for a bad series, fewer
/// than 2 points, or `last_points` of 1 or negative.
[[nodiscard]] CIVITAS_EXPORT Trend trend(const std::vector<Date>& dates, const std::vector<double>& values,
                                         int last_points = 0);

/// `Trend(4 points 2016-01-01..2028-01-01, slope 0.275/year, R² 0.6914, CAGR 14.35 %/year)`.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const Trend& trend);

// ---- progress status (Open SDG) ---------------------------------------------------------------

/// Progress towards a target or in a direction, after the Open SDG progress-status method.
enum class ProgressState : std::int8_t {
    target_met,          ///< the latest value meets the target
    on_track,            ///< substantial progress: ratio >= on_track (0.95), or growth >= 1.5 %/year
    needs_acceleration,  ///< moderate progress: ratio in [0.6, 0.95), or growth in [0.5, 1.5) %/year
    limited_progress,    ///< ratio in [0, 0.6), or growth in [0, 0.5) %/year
    deteriorating,       ///< moving the wrong way: ratio or growth < 0
    too_few_points,      ///< fewer than min_points points: no judgment
};
template <> struct EnumNames<ProgressState> {
    static constexpr const char* values[] = {"target_met",       "on_track",      "needs_acceleration",
                                             "limited_progress", "deteriorating", "too_few_points"};
};

/// How the observed change is measured.
enum class GrowthMeasure : std::int8_t {
    compound,  ///< compound annual growth rates, as Open SDG (needs values > 0, else linear is used)
    linear,    ///< least-squares slope: vs the linear rate needed, or per year relative to the mean |value|
};
template <> struct EnumNames<GrowthMeasure> { static constexpr const char* values[] = {"compound", "linear"}; };

/// Cut-offs and choices of assess_progress(); the defaults are Open SDG's (sdg-build
/// ProgressMeasure.py, Statistics Canada methodology, Open SDG 2.4).
struct CIVITAS_EXPORT ProgressOptions {
    int min_points = 2;                  ///< fewer points: too_few_points; >= 2 (Open SDG: two years of data)
    int last_points = 0;                 ///< points used, the latest ones (0: all; else >= min_points)
    GrowthMeasure measure = GrowthMeasure::compound;  ///< how change is measured
    double on_track_ratio = 0.95;        ///< with a target: ratio R at or above it is on_track
    double acceleration_ratio = 0.60;    ///< with a target: R in [this, on_track_ratio) needs acceleration
    double limited_ratio = 0.0;          ///< with a target: R in [this, acceleration_ratio) is limited; below deteriorating
    double on_track_growth = 0.015;      ///< direction only: growth per year at or above it (1.5 %) is on_track
    double acceleration_growth = 0.005;  ///< direction only: growth in [this, on_track_growth) needs acceleration
    double limited_growth = 0.0;         ///< direction only: growth in [this, acceleration_growth) is limited
    std::optional<double> limit;         ///< direction only: natural limit (100 for a %); positive growth cut-offs scaled by C
};

/// A progress state, the numbers behind it and the reason in words.
struct CIVITAS_EXPORT ProgressAssessment {
    ProgressState state = ProgressState::too_few_points;  ///< the verdict
    Message reason;                               ///< the verdict in words, with the numbers
    int points = 0;                               ///< points used
    GrowthMeasure measure = GrowthMeasure::compound;  ///< the measure used (linear when compound was undefined)
    std::optional<double> observed_rate;          ///< CAGR per year, or slope in value units per year (linear)
    std::optional<double> required_rate;          ///< with a target: the same measure needed from the first point to meet it by the deadline
    std::optional<double> progress_value;         ///< what the cut-offs are applied to: R with a target, the direction-signed growth without
    std::optional<double> scaling;                ///< direction only with a limit: Open SDG's C in [0, 1]

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const ProgressAssessment& a, const ProgressAssessment& b);
    friend bool operator!=(const ProgressAssessment& a, const ProgressAssessment& b) { return !(a == b); }
};

/// Progress towards `target` by `deadline`: target_met when the latest value is inside it, else
/// the ratio R = d x observed / |required| (d = +1 when rising is the way in, -1 when falling)
/// against the ratio cut-offs. A range target is approached from the side the value is on.
/// ValidationError for a bad series or options, or a deadline not after the first point used.
[[nodiscard]] CIVITAS_EXPORT ProgressAssessment assess_progress(const std::vector<Date>& dates,
                                                                const std::vector<double>& values,
                                                                const Interval& target, Date deadline,
                                                                const ProgressOptions& options = {});
/// Progress with no target, only a direction (higher, or lower / problem_count): the growth per
/// year signed by the direction against the growth cut-offs (never target_met).
[[nodiscard]] CIVITAS_EXPORT ProgressAssessment assess_progress(const std::vector<Date>& dates,
                                                                const std::vector<double>& values,
                                                                Direction direction,
                                                                const ProgressOptions& options = {});

/// `ProgressAssessment(needs_acceleration, R=0.9458: ...)`.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const ProgressAssessment& assessment);

// ---- rules of the standards ------------------------------------------------------------------

/// How "falling" or "rising" is judged.
enum class TrendTest : std::int8_t {
    consecutive,  ///< each of the last `changes` point-to-point changes moves the right way (strictly)
    slope,        ///< the least-squares slope of the last `last_points` points has the right sign at `confidence` (one-sided t test)
};
template <> struct EnumNames<TrendTest> { static constexpr const char* values[] = {"consecutive", "slope"}; };

/// Choices of level_or_trend().
struct CIVITAS_EXPORT LevelOrTrendOptions {
    TrendTest test = TrendTest::consecutive;  ///< how the trend is judged
    int changes = 2;                          ///< consecutive: changes that must all move the right way, >= 1
    int last_points = 5;                      ///< slope: points in the fit, >= 3
    double confidence = 0.95;                 ///< slope: one-sided confidence in (0, 1)
};

/// Whether a line met "by the level or by the trend" is met, and how.
struct CIVITAS_EXPORT LevelOrTrend {
    bool met = false;           ///< met_by_level or met_by_trend
    bool met_by_level = false;  ///< the latest value is inside the line
    bool met_by_trend = false;  ///< the trend goes the right way
    double latest = 0.0;        ///< the latest value
    std::optional<double> slope;    ///< slope test: value units per year
    std::optional<double> p_value;  ///< slope test: one-sided p of "no trend the right way"
    Message reason;             ///< in words, with the numbers

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const LevelOrTrend& a, const LevelOrTrend& b);
    friend bool operator!=(const LevelOrTrend& a, const LevelOrTrend& b) { return !(a == b); }
};

/// "Infant mortality <= 5.6‰ or falling", "good-air days >= 90 % or rising": met when the latest
/// value is inside `line`, or when the trend goes the right way (falling for at_most, rising for
/// at_least; for a range, towards it from the side the latest value is on). Too few points for
/// the trend test means not met by trend. ValidationError for a bad series or options.
[[nodiscard]] CIVITAS_EXPORT LevelOrTrend level_or_trend(const std::vector<Date>& dates,
                                                         const std::vector<double>& values, const Interval& line,
                                                         const LevelOrTrendOptions& options = {});

/// `LevelOrTrend(met by trend: ...)`.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const LevelOrTrend& result);

/// Which value stands for a calendar year that has several points.
enum class YearValue : std::int8_t {
    last,  ///< the year's latest point
    mean,  ///< the mean of the year's points
};
template <> struct EnumNames<YearValue> { static constexpr const char* values[] = {"last", "mean"}; };

/// Choices of history_average().
struct CIVITAS_EXPORT HistoryAverageOptions {
    int years = 5;                          ///< previous calendar years averaged, >= 1
    int min_years = 5;                      ///< of those, years that must have data, in [1, years]
    YearValue year_value = YearValue::last;  ///< a year's value when it has several points
    Direction direction = Direction::lower;  ///< lower: "not above" the average; higher: "not below"
};

/// The latest year's value against the mean of the previous years' values.
struct CIVITAS_EXPORT HistoryAverage {
    bool assessable = false;  ///< enough previous years had data
    bool met = false;         ///< assessable and not above (lower) / not below (higher) the average; ties meet
    int year = 0;             ///< the latest calendar year
    double latest = 0.0;      ///< that year's value
    std::optional<double> average;  ///< mean of the previous years' values that exist
    std::vector<int> years_used;    ///< previous years with data, ascending
    Message reason;           ///< in words, with the numbers

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const HistoryAverage& a, const HistoryAverage& b);
    friend bool operator!=(const HistoryAverage& a, const HistoryAverage& b) { return !(a == b); }
};

/// "Not above the last five years' average": the year of the latest point is the latest year;
/// the values of calendar years year-5 .. year-1 that have points are averaged (a year's value
/// per `year_value`). ValidationError for a bad series or options.
[[nodiscard]] CIVITAS_EXPORT HistoryAverage history_average(const std::vector<Date>& dates,
                                                            const std::vector<double>& values,
                                                            const HistoryAverageOptions& options = {});

/// `HistoryAverage(met: 2024 value 3.1 <= 3.4, mean of 2019-2023)`.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const HistoryAverage& result);

}  // namespace civitas
