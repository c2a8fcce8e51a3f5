// Trends of one dated series, the Open SDG progress status, and the standards' rules met by the
// level or by the trend and relative to history. Formulas, choices and sources: docs/trends.md.

#include <civitas/core/error.hpp>
#include <civitas/tracking/trend.hpp>

#include "core/detail/number_format.hpp"

#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace civitas {

using detail::format_fixed;
using detail::format_number;

namespace {

// ---- series checks ---------------------------------------------------------------------------

std::string at(const char* name, std::size_t index) { return std::string(name) + "[" + std::to_string(index) + "]"; }

// Dates strictly increasing and not special, values finite, as many of each.
void check_series(const std::vector<Date>& dates, const std::vector<double>& values) {
    if (dates.size() != values.size())
        throw ValidationError("values", Message("{0} values for {1} dates; expected one value per date"_en,
                                                "{0} 个值对应 {1} 个日期；应每个日期一个值"_zh,
                                                {std::to_string(values.size()), std::to_string(dates.size())}));
    for (std::size_t i = 0; i < dates.size(); ++i) {
        if (dates[i].is_special())
            throw ValidationError(at("dates", i), Message("not a date; expected a calendar day"_en, "不是日期；应为日历日期"_zh));
        if (!std::isfinite(values[i]))
            throw ValidationError(at("values", i), Message("{0} on {1}; expected a finite number"_en, "{1} 的值为 {0}；应为有限数"_zh,
                                                           {format_number(values[i]), to_iso(dates[i])}));
        if (i > 0 && dates[i] <= dates[i - 1]) {
            std::vector<Message::Argument> arguments{to_iso(dates[i]), at("dates", i - 1), to_iso(dates[i - 1])};
            throw ValidationError(
                at("dates", i),
                dates[i] == dates[i - 1]
                    ? Message("{0} repeats {1} {2}; expected strictly increasing dates (sort the series and keep one value per date)"_en,
                              "{0} 与 {1} {2} 重复；日期应严格递增（请将序列排序，每个日期只保留一个值）"_zh, std::move(arguments))
                    : Message("{0} is before {1} {2}; expected strictly increasing dates (sort the series and keep one value per "
                              "date)"_en,
                              "{0} 早于 {1} {2}；日期应严格递增（请将序列排序，每个日期只保留一个值）"_zh, std::move(arguments)));
        }
    }
}

void check_line(const Interval& line, const char* name) {
    if (std::isnan(line.low) || std::isnan(line.high) || line.low > line.high)
        throw ValidationError(name, Message("[{0}, {1}] is not an interval; expected low <= high"_en, "[{0}, {1}] 不是区间；应为 low <= high"_zh,
                                            {format_number(line.low), format_number(line.high)}));
    if (std::isinf(line.low) && std::isinf(line.high))
        throw ValidationError(name, Message("open at both ends, so every value meets it; expected a line (Interval.at_least, "
                                            "Interval.at_most or a range)"_en,
                                            "两端都开放，任何值都满足；应为一条线（Interval.at_least、Interval.at_most 或一个范围）"_zh));
}

double years_between(Date from, Date to) { return static_cast<double>((to - from).days()) / days_per_year; }

// "1.50 %/year", "每年 1.50%".
Message percent_per_year(double rate) {
    return Message("{0} %/year"_en, "每年 {0}%"_zh, {format_fixed(rate * 100.0, 2)});
}

// "4.0000/year", "每年 4.0000".
Message per_year(double rate) { return Message("{0}/year"_en, "每年 {0}"_zh, {format_fixed(rate, 4)}); }

// ">= 36", or "in [6.5, 8.5]" for a range.
Message describe_line(const Interval& line) {
    if (std::isfinite(line.low) && std::isfinite(line.high)) return Message("in {0}"_en, "在 {0} 内"_zh, {to_string(line)});
    return Message("{0}"_en, "{0}"_zh, {to_string(line)});
}

// A value and its date: "5.8 (2026-01-01)".
std::string dated_value(double value, Date date) { return format_number(value) + " (" + to_iso(date) + ")"; }

// The end of `line` the value must reach (the value is outside the line): low when below it.
double goal_of(const Interval& line, double value) { return value < line.low ? line.low : line.high; }

// ---- least squares ---------------------------------------------------------------------------

struct Fit {
    double slope = 0.0;
    double intercept = 0.0;
    double r_squared = 1.0;
    double residual_ss = 0.0;
    double sxx = 0.0;
};

// Least squares of values[begin, end) on years since dates[begin].
Fit least_squares(const std::vector<Date>& dates, const std::vector<double>& values, std::size_t begin, std::size_t end) {
    const auto n = static_cast<double>(end - begin);
    double mean_t = 0.0, mean_y = 0.0;
    for (std::size_t i = begin; i < end; ++i) {
        mean_t += years_between(dates[begin], dates[i]);
        mean_y += values[i];
    }
    mean_t /= n;
    mean_y /= n;
    double sxx = 0.0, sxy = 0.0, syy = 0.0;
    for (std::size_t i = begin; i < end; ++i) {
        const double dt = years_between(dates[begin], dates[i]) - mean_t, dy = values[i] - mean_y;
        sxx += dt * dt;
        sxy += dt * dy;
        syy += dy * dy;
    }
    Fit fit;
    fit.sxx = sxx;
    fit.slope = sxy / sxx;  // sxx > 0: at least two distinct dates
    fit.intercept = mean_y - fit.slope * mean_t;
    for (std::size_t i = begin; i < end; ++i) {
        const double r = values[i] - (fit.intercept + fit.slope * years_between(dates[begin], dates[i]));
        fit.residual_ss += r * r;
    }
    fit.r_squared = syy > 0.0 ? std::clamp(1.0 - fit.residual_ss / syy, 0.0, 1.0) : 1.0;
    return fit;
}

// First index of the last `last_points` points (0: all).
std::size_t window_start(std::size_t size, int last_points) {
    if (last_points <= 0 || static_cast<std::size_t>(last_points) >= size) return 0;
    return size - static_cast<std::size_t>(last_points);
}

// ---- progress --------------------------------------------------------------------------------

void check_cutoffs(double on_track, double acceleration, double limited, const char* names) {
    if (!std::isfinite(on_track) || !std::isfinite(acceleration) || !std::isfinite(limited) ||
        !(on_track >= acceleration && acceleration >= limited))
        throw ValidationError(names, Message("{0}, {1}, {2}; expected finite cut-offs, on_track >= acceleration >= limited"_en,
                                             "{0}, {1}, {2}；应为有限的分界值，且 on_track >= acceleration >= limited"_zh,
                                             {format_number(on_track), format_number(acceleration), format_number(limited)}));
}

void check_options(const ProgressOptions& options) {
    if (options.min_points < 2)
        throw ValidationError("min_points", Message("{0}; expected at least 2"_en, "{0}；应至少为 2"_zh, {std::to_string(options.min_points)}));
    if (options.last_points != 0 && options.last_points < options.min_points)
        throw ValidationError("last_points", Message("{0}; expected 0 (all points) or at least min_points ({1})"_en,
                                                     "{0}；应为 0（全部点）或至少为 min_points（{1}）"_zh,
                                                     {std::to_string(options.last_points), std::to_string(options.min_points)}));
    check_cutoffs(options.on_track_ratio, options.acceleration_ratio, options.limited_ratio,
                  "on_track_ratio, acceleration_ratio, limited_ratio");
    check_cutoffs(options.on_track_growth, options.acceleration_growth, options.limited_growth,
                  "on_track_growth, acceleration_growth, limited_growth");
    if (options.limit && !std::isfinite(*options.limit))
        throw ValidationError("limit", Message("{0}; expected a finite natural limit"_en, "{0}；应为有限的自然上限"_zh, {format_number(*options.limit)}));
}

ProgressState classify(double value, double on_track, double acceleration, double limited) {
    if (value >= on_track) return ProgressState::on_track;
    if (value >= acceleration) return ProgressState::needs_acceleration;
    if (value >= limited) return ProgressState::limited_progress;
    return ProgressState::deteriorating;
}

// The cut-offs the value fell between, as "0.6 <= R < 0.95"; `number` formats a cut-off.
template <class Format>
Message band(ProgressState state, double on_track, double acceleration, double limited, const Message& symbol, Format number) {
    switch (state) {
        case ProgressState::on_track: return Message("{0} >= {1}"_en, "{0} >= {1}"_zh, {symbol, number(on_track)});
        case ProgressState::needs_acceleration:
            return Message("{1} <= {0} < {2}"_en, "{1} <= {0} < {2}"_zh, {symbol, number(acceleration), number(on_track)});
        case ProgressState::limited_progress:
            return Message("{1} <= {0} < {2}"_en, "{1} <= {0} < {2}"_zh, {symbol, number(limited), number(acceleration)});
        default: return Message("{0} < {1}"_en, "{0} < {1}"_zh, {symbol, number(limited)});
    }
}

Message first_points(const ProgressAssessment& result, int min_points) {
    return Message(result.points == 1 ? "1 point; at least {1} are needed to judge a trend"_en
                                      : "{0} points; at least {1} are needed to judge a trend"_en,
                   "{0} 个点；判断趋势至少需要 {1} 个"_zh, {std::to_string(result.points), std::to_string(min_points)});
}

// Open SDG's scaling factor C for a natural limit (sdg-build ProgressMeasure.py): 1 far from the
// limit, 0 at it, with exponent 4.44.
double limit_scaling(double base, double limit) {
    constexpr double exponent = 4.44;
    const double b = std::abs(base), l = std::abs(limit);
    if (b >= 2.0 * l) return 1.0;
    if (b <= l) return 1.0 - std::pow(b / l, exponent);
    return 1.0 - std::pow((2.0 * l - b) / l, exponent);
}

// ---- level or trend --------------------------------------------------------------------------

void check_options(const LevelOrTrendOptions& options) {
    if (options.changes < 1)
        throw ValidationError("changes", Message("{0}; expected at least 1"_en, "{0}；应至少为 1"_zh, {std::to_string(options.changes)}));
    if (options.last_points < 3)
        throw ValidationError("last_points", Message("{0}; expected at least 3 for a slope test"_en, "{0}；斜率检验应至少有 3 个点"_zh,
                                                     {std::to_string(options.last_points)}));
    if (!(options.confidence > 0.0 && options.confidence < 1.0))
        throw ValidationError("confidence", Message("{0}; expected a level in (0, 1)"_en, "{0}；应为 (0, 1) 内的置信水平"_zh,
                                                    {format_number(options.confidence)}));
}

double year_value(const std::vector<double>& points, YearValue rule) {
    if (rule == YearValue::last) return points.back();
    double sum = 0.0;
    for (double v : points) sum += v;
    return sum / static_cast<double>(points.size());
}

}  // namespace

// ---- Trend -----------------------------------------------------------------------------------

double Trend::fitted(Date date) const { return intercept + slope * years_between(first_date, date); }

std::optional<double> Trend::project(Date date, ProjectionMethod method) const {
    const double years = years_between(last_date, date);
    if (method == ProjectionMethod::linear) return last_value + slope * years;
    if (!cagr) return std::nullopt;
    return last_value * std::pow(1.0 + *cagr, years);
}

std::optional<Date> Trend::reach_date(const Interval& line, ProjectionMethod method) const {
    check_line(line, "line");
    if (line.contains(last_value)) return last_date;
    const double goal = goal_of(line, last_value);
    double years = 0.0;
    if (method == ProjectionMethod::linear) {
        if ((goal - last_value) * slope <= 0.0) return std::nullopt;  // flat or moving away
        years = (goal - last_value) / slope;
    } else {
        if (!cagr || goal <= 0.0) return std::nullopt;
        const double needed = std::log(goal / last_value), per_year = std::log1p(*cagr);
        if (needed * per_year <= 0.0) return std::nullopt;
        years = needed / per_year;
    }
    // The first whole day on which the projection meets the line (a hair of tolerance so that an
    // exact 4 years is 1461 days, not 1462).
    const double days = std::ceil(years * days_per_year - 1e-9);
    const double room = static_cast<double>((Date(9999, 12, 31) - last_date).days());
    if (!(days <= room)) return std::nullopt;
    return last_date + boost::gregorian::date_duration(static_cast<long>(days));
}

std::optional<double> Trend::required_rate(const Interval& line, Date deadline) const {
    check_line(line, "line");
    if (line.contains(last_value)) return 0.0;
    const double years = years_between(last_date, deadline);
    if (years <= 0.0) return std::nullopt;
    return (goal_of(line, last_value) - last_value) / years;
}

std::optional<double> Trend::required_growth(const Interval& line, Date deadline) const {
    check_line(line, "line");
    if (line.contains(last_value)) return 0.0;
    const double years = years_between(last_date, deadline);
    const double goal = goal_of(line, last_value);
    if (years <= 0.0 || last_value <= 0.0 || goal <= 0.0) return std::nullopt;
    return std::pow(goal / last_value, 1.0 / years) - 1.0;
}

Trend trend(const std::vector<Date>& dates, const std::vector<double>& values, int last_points) {
    check_series(dates, values);
    if (last_points < 0 || last_points == 1)
        throw ValidationError("last_points", Message("{0}; expected 0 (all points) or at least 2"_en, "{0}；应为 0（全部点）或至少为 2"_zh,
                                                     {std::to_string(last_points)}));
    if (dates.size() < 2)
        throw ValidationError("values", dates.size() == 1
                                            ? Message("{0} point; a trend needs at least 2"_en, "{0} 个点；趋势至少需要 2 个点"_zh, {"1"})
                                            : Message("{0} points; a trend needs at least 2"_en, "{0} 个点；趋势至少需要 2 个点"_zh,
                                                      {std::to_string(dates.size())}));
    const std::size_t begin = window_start(dates.size(), last_points), end = dates.size();
    const Fit fit = least_squares(dates, values, begin, end);
    Trend t;
    t.points = static_cast<int>(end - begin);
    t.first_date = dates[begin];
    t.last_date = dates[end - 1];
    t.first_value = values[begin];
    t.last_value = values[end - 1];
    t.span_years = years_between(t.first_date, t.last_date);
    t.slope = fit.slope;
    t.intercept = fit.intercept;
    t.r_squared = fit.r_squared;
    if (t.first_value <= 0.0)
        t.cagr_note = Message("the first value {0} is not positive, so no compound growth rate"_en, "首个值 {0} 不是正数，无法计算复合增长率"_zh,
                              {format_number(t.first_value)});
    else if (t.last_value <= 0.0)
        t.cagr_note = Message("the latest value {0} is not positive, so no compound growth rate"_en, "最新值 {0} 不是正数，无法计算复合增长率"_zh,
                              {format_number(t.last_value)});
    else
        t.cagr = std::pow(t.last_value / t.first_value, 1.0 / t.span_years) - 1.0;
    return t;
}

std::string to_string(const Trend& t) {
    return "Trend(" + std::to_string(t.points) + " points " + to_iso(t.first_date) + ".." + to_iso(t.last_date) +
           ", slope " + format_fixed(t.slope, 4) + "/year, R² " + format_fixed(t.r_squared, 4) + ", " +
           (t.cagr ? "CAGR " + percent_per_year(*t.cagr).text(Language::en) : "no CAGR: " + t.cagr_note.text(Language::en)) + ")";
}

// ---- progress --------------------------------------------------------------------------------

ProgressAssessment assess_progress(const std::vector<Date>& dates, const std::vector<double>& values,
                                   const Interval& target, Date deadline, const ProgressOptions& options) {
    check_series(dates, values);
    check_options(options);
    check_line(target, "target");
    if (deadline.is_special()) throw ValidationError("deadline", Message("not a date; expected a calendar day"_en, "不是日期；应为日历日期"_zh));
    ProgressAssessment result;
    const std::size_t begin = window_start(dates.size(), options.last_points), end = dates.size();
    result.points = static_cast<int>(end - begin);
    // Meeting the target needs no trend (as in Open SDG, where it is checked first).
    if (!values.empty() && target.contains(values.back())) {
        result.state = ProgressState::target_met;
        result.reason = Message("the latest value {0} meets the target {1}"_en, "最新值 {0} 已达到目标 {1}"_zh,
                                {dated_value(values.back(), dates.back()), describe_line(target)});
        return result;
    }
    if (result.points < options.min_points) {
        result.reason = first_points(result, options.min_points);
        return result;
    }
    const Date base_date = dates[begin];
    if (deadline <= base_date)
        throw ValidationError("deadline", Message("{0} is not after the first point used ({1}); expected a later deadline"_en,
                                                  "{0} 不晚于所用的第一个点（{1}）；期限应更晚"_zh,
                                                  {to_iso(deadline), to_iso(base_date)}));
    const double base = values[begin], latest = values.back();
    const double goal = goal_of(target, latest);
    const double d = goal > latest ? 1.0 : -1.0;  // rising (+1) or falling (-1) is the way in
    const double span = years_between(base_date, dates.back()), horizon = years_between(base_date, deadline);

    Message fallback;  // empty unless the measure falls back
    result.measure = options.measure;
    if (options.measure == GrowthMeasure::compound && !(base > 0.0 && latest > 0.0 && goal > 0.0)) {
        result.measure = GrowthMeasure::linear;
        const Message which = base <= 0.0     ? Message("the first value {0}"_en, "首个值 {0}"_zh, {format_number(base)})
                              : latest <= 0.0 ? Message("the latest value {0}"_en, "最新值 {0}"_zh, {format_number(latest)})
                                              : Message("the target {0}"_en, "目标 {0}"_zh, {format_number(goal)});
        fallback = Message(" (linear rates: compound growth needs positive values, and {0} is not)"_en,
                           "（按线性速率: 复合增长需要正值，而{0}不是）"_zh, {which});
    }
    double observed = 0.0, required = 0.0;
    std::string unit;
    if (result.measure == GrowthMeasure::compound) {
        observed = std::pow(latest / base, 1.0 / span) - 1.0;
        required = std::pow(goal / base, 1.0 / horizon) - 1.0;
    } else {
        observed = least_squares(dates, values, begin, end).slope;
        required = (goal - base) / horizon;
    }
    result.observed_rate = observed;
    result.required_rate = required;
    const auto rate = [&](double r) { return result.measure == GrowthMeasure::compound ? percent_per_year(r) : per_year(r); };
    const Message context("the observed {0} from {1} against the {2} needed to reach {3} by {4}{5}"_en,
                          "自 {1} 起实际变化 {0}，而在 {4} 前达到 {3} 需要 {2}{5}"_zh,
                          {rate(observed), dated_value(base, base_date), rate(required), describe_line(target), to_iso(deadline),
                           fallback});
    if (required == 0.0) {  // the first point sits on the target's edge: only the sign of the change counts
        const double signed_change = d * observed;
        result.state = signed_change > 0.0   ? ProgressState::on_track
                       : signed_change == 0.0 ? ProgressState::limited_progress
                                              : ProgressState::deteriorating;
        result.reason = Message("no change is needed from the first point, so the direction decides: {0}"_en,
                                "从首个点起无需变化，由方向决定: {0}"_zh, {context});
        return result;
    }
    const double ratio = d * observed / std::abs(required);
    result.progress_value = ratio;
    result.state = classify(ratio, options.on_track_ratio, options.acceleration_ratio, options.limited_ratio);
    result.reason = Message("R = {0}, {1}: {2}"_en, "R = {0}，{1}: {2}"_zh,
                            {format_fixed(ratio, 4),
                             band(result.state, options.on_track_ratio, options.acceleration_ratio, options.limited_ratio,
                                  Message("R"_en, "R"_zh), [](double x) { return Message::Argument(format_number(x)); }),
                             context});
    return result;
}

ProgressAssessment assess_progress(const std::vector<Date>& dates, const std::vector<double>& values,
                                   Direction direction, const ProgressOptions& options) {
    check_series(dates, values);
    check_options(options);
    if (direction != Direction::higher && direction != Direction::lower && direction != Direction::problem_count)
        throw ValidationError("direction", Message("'{0}' has no single way to improve; expected 'higher', 'lower' or 'problem_count', "
                                                   "or give a target"_en,
                                                   "'{0}' 没有单一的改进方向；应为 'higher'、'lower' 或 'problem_count'，或给出目标"_zh,
                                                   {to_string(direction)}));
    const double d = direction == Direction::higher ? 1.0 : -1.0;
    ProgressAssessment result;
    const std::size_t begin = window_start(dates.size(), options.last_points), end = dates.size();
    result.points = static_cast<int>(end - begin);
    if (result.points < options.min_points) {
        result.reason = first_points(result, options.min_points);
        return result;
    }
    const double base = values[begin], latest = values.back();
    const double span = years_between(dates[begin], dates.back());
    Message fallback;  // empty unless the measure falls back
    result.measure = options.measure;
    if (options.measure == GrowthMeasure::compound && !(base > 0.0 && latest > 0.0)) {
        result.measure = GrowthMeasure::linear;
        const Message which = base <= 0.0 ? Message("the first value {0}"_en, "首个值 {0}"_zh, {format_number(base)})
                                          : Message("the latest value {0}"_en, "最新值 {0}"_zh, {format_number(latest)});
        fallback = Message(" (linear: compound growth needs positive values, and {0} is not)"_en,
                           "（按线性: 复合增长需要正值，而{0}不是）"_zh, {which});
    }
    double growth = 0.0;
    Message how;
    if (result.measure == GrowthMeasure::compound) {
        result.observed_rate = std::pow(latest / base, 1.0 / span) - 1.0;
        growth = *result.observed_rate;
        how = Message("compound growth from {0} to {1}"_en, "从 {0} 到 {1} 的复合增长"_zh,
                      {dated_value(base, dates[begin]), dated_value(latest, dates.back())});
    } else {
        const double slope = least_squares(dates, values, begin, end).slope;
        double mean_abs = 0.0;
        for (std::size_t i = begin; i < end; ++i) mean_abs += std::abs(values[i]);
        mean_abs /= static_cast<double>(end - begin);
        result.observed_rate = slope;
        growth = mean_abs > 0.0 ? slope / mean_abs : 0.0;
        how = Message("slope {0} relative to the mean level {1}{2}"_en, "斜率 {0}，相对于平均水平 {1}{2}"_zh,
                      {per_year(slope), format_fixed(mean_abs, 4), fallback});
    }
    const double signed_growth = d * growth;
    result.progress_value = signed_growth;
    double on_track = options.on_track_growth, acceleration = options.acceleration_growth, limited = options.limited_growth;
    Message scaled;  // empty without a limit
    if (options.limit) {
        const double c = limit_scaling(base, *options.limit);
        result.scaling = c;
        // Only cut-offs above zero are scaled (movement the right way); C = 0 at the limit.
        if (on_track > 0.0) on_track *= c;
        if (acceleration > 0.0) acceleration *= c;
        if (limited > 0.0) limited *= c;
        scaled = Message("; positive cut-offs scaled by C = {0} for the limit {1}"_en, "；正的分界值按上限 {1} 乘以 C = {0}"_zh,
                         {format_fixed(c, 4), format_number(*options.limit)});
    }
    result.state = classify(signed_growth, on_track, acceleration, limited);
    const Message way = d > 0 ? Message("rising"_en, "上升"_zh) : Message("falling"_en, "下降"_zh);
    result.reason = Message("growth the right way ({0}) {1}, {2}: {3}{4}"_en, "向正确方向（{0}）的增长 {1}，{2}: {3}{4}"_zh,
                            {way, percent_per_year(signed_growth),
                             band(result.state, on_track, acceleration, limited, Message("growth"_en, "增长率"_zh),
                                  [](double x) { return Message::Argument(percent_per_year(x)); }),
                             how, scaled});
    return result;
}

std::string to_string(const ProgressAssessment& a) {
    return std::string("ProgressAssessment(") + to_string(a.state) + ": " + a.reason.text(Language::en) + ")";
}

// ---- level or trend --------------------------------------------------------------------------

LevelOrTrend level_or_trend(const std::vector<Date>& dates, const std::vector<double>& values, const Interval& line,
                            const LevelOrTrendOptions& options) {
    check_series(dates, values);
    check_line(line, "line");
    check_options(options);
    if (values.empty()) throw ValidationError("values", Message("no points; expected at least 1"_en, "没有点；应至少有 1 个"_zh));
    LevelOrTrend result;
    result.latest = values.back();
    result.met_by_level = line.contains(result.latest);
    const Message level = result.met_by_level
                              ? Message("the latest value {0} meets {1}"_en, "最新值 {0} 达到 {1}"_zh,
                                        {dated_value(result.latest, dates.back()), describe_line(line)})
                              : Message("the latest value {0} does not meet {1}"_en, "最新值 {0} 未达到 {1}"_zh,
                                        {dated_value(result.latest, dates.back()), describe_line(line)});

    // The way the trend must go: falling for "at most", rising for "at least", towards a range.
    double d = 0.0;
    if (std::isinf(line.low)) d = -1.0;
    else if (std::isinf(line.high)) d = 1.0;
    else if (result.latest < line.low) d = 1.0;
    else if (result.latest > line.high) d = -1.0;
    const Message way = d > 0 ? Message("rising"_en, "上升"_zh) : Message("falling"_en, "下降"_zh);

    Message trend_text;
    if (d == 0.0) {
        trend_text = Message("inside the range no trend is asked for"_en, "在范围之内，不要求趋势"_zh);
    } else if (options.test == TrendTest::consecutive) {
        const auto k = static_cast<std::size_t>(options.changes);
        if (values.size() < k + 1) {
            trend_text = Message(k == 1 ? "too few points for the trend ({0}; {1} are needed for 1 change)"_en
                                        : "too few points for the trend ({0}; {1} are needed for {2} changes)"_en,
                                 "点数不足以判断趋势（{0} 个；{2} 次变化需要 {1} 个点）"_zh,
                                 {std::to_string(values.size()), std::to_string(k + 1), std::to_string(k)});
        } else {
            std::size_t wrong = 0;
            for (std::size_t i = values.size() - k; i < values.size(); ++i)
                if (!(d * (values[i] - values[i - 1]) > 0.0)) ++wrong;
            result.met_by_trend = wrong == 0;
            trend_text = result.met_by_trend
                             ? Message("each of the last {0} changes is {1}"_en, "最近 {0} 次变化均为{1}"_zh, {std::to_string(k), way})
                             : Message(wrong == 1 ? "{0} of the last {1} changes is not {2}"_en : "{0} of the last {1} changes are not {2}"_en,
                                       "最近 {1} 次变化中有 {0} 次不是{2}"_zh, {std::to_string(wrong), std::to_string(k), way});
        }
    } else {
        const std::size_t begin = window_start(values.size(), options.last_points), end = values.size();
        const std::size_t n = end - begin;
        if (n < 3) {
            trend_text = Message("too few points for the slope test ({0}; at least 3 are needed)"_en,
                                 "点数不足以做斜率检验（{0} 个；至少需要 3 个）"_zh, {std::to_string(n)});
        } else {
            const Fit fit = least_squares(dates, values, begin, end);
            const double dof = static_cast<double>(n - 2);
            const double se = std::sqrt(fit.residual_ss / dof / fit.sxx);
            const double toward = d * fit.slope;
            double p = 0.0;
            if (se > 0.0) {
                const boost::math::students_t distribution(dof);
                p = boost::math::cdf(boost::math::complement(distribution, toward / se));
            } else {
                p = toward > 0.0 ? 0.0 : 1.0;  // points exactly on a line
            }
            result.slope = fit.slope;
            result.p_value = p;
            result.met_by_trend = toward > 0.0 && p < 1.0 - options.confidence;
            const std::vector<Message::Argument> numbers{std::to_string(n), per_year(fit.slope), format_fixed(p, 4),
                                                         format_number(1.0 - options.confidence), way};
            trend_text = result.met_by_trend
                             ? Message("the slope of the last {0} points is {1}, one-sided p = {2} < {3}: significantly {4}"_en,
                                       "最近 {0} 个点的斜率为 {1}，单侧 p = {2} < {3}: 显著{4}"_zh, numbers)
                             : Message("the slope of the last {0} points is {1}, one-sided p = {2} >= {3}: not significantly {4}"_en,
                                       "最近 {0} 个点的斜率为 {1}，单侧 p = {2} >= {3}: 未显著{4}"_zh, numbers);
        }
    }
    result.met = result.met_by_level || result.met_by_trend;
    result.reason = Message("{0}; {1}"_en, "{0}；{1}"_zh, {level, trend_text});
    return result;
}

std::string to_string(const LevelOrTrend& r) {
    const char* verdict = r.met_by_level ? "met by level" : r.met_by_trend ? "met by trend" : "not met";
    return std::string("LevelOrTrend(") + verdict + ": " + r.reason.text(Language::en) + ")";
}

// ---- history average -------------------------------------------------------------------------

HistoryAverage history_average(const std::vector<Date>& dates, const std::vector<double>& values,
                               const HistoryAverageOptions& options) {
    check_series(dates, values);
    if (values.empty()) throw ValidationError("values", Message("no points; expected at least 1"_en, "没有点；应至少有 1 个"_zh));
    if (options.years < 1)
        throw ValidationError("years", Message("{0}; expected at least 1"_en, "{0}；应至少为 1"_zh, {std::to_string(options.years)}));
    if (options.min_years < 1 || options.min_years > options.years)
        throw ValidationError("min_years", Message("{0}; expected 1 .. years ({1})"_en, "{0}；应为 1 .. years（{1}）"_zh,
                                                   {std::to_string(options.min_years), std::to_string(options.years)}));
    if (options.direction != Direction::higher && options.direction != Direction::lower &&
        options.direction != Direction::problem_count)
        throw ValidationError("direction", Message("'{0}'; expected 'lower' (not above the average) or 'higher' (not below)"_en,
                                                   "'{0}'；应为 'lower'（不高于平均值）或 'higher'（不低于平均值）"_zh,
                                                   {to_string(options.direction)}));
    std::map<int, std::vector<double>> by_year;
    for (std::size_t i = 0; i < dates.size(); ++i) by_year[static_cast<int>(dates[i].year())].push_back(values[i]);

    HistoryAverage result;
    result.year = static_cast<int>(dates.back().year());
    result.latest = year_value(by_year[result.year], options.year_value);
    double sum = 0.0;
    for (int y = result.year - options.years; y < result.year; ++y) {
        const auto found = by_year.find(y);
        if (found == by_year.end()) continue;
        result.years_used.push_back(y);
        sum += year_value(found->second, options.year_value);
    }
    const int first = result.year - options.years, last = result.year - 1;
    const std::string period = std::to_string(first) + "-" + std::to_string(last);
    const auto used = static_cast<int>(result.years_used.size());
    if (used > 0) result.average = sum / static_cast<double>(used);
    result.assessable = used >= options.min_years;
    const bool lower = options.direction != Direction::higher;
    if (!result.assessable) {
        result.reason = Message("only {0} of the {1} years {2} have data; at least {3} are needed"_en,
                                "{2} 的 {1} 年中只有 {0} 年有数据；至少需要 {3} 年"_zh,
                                {std::to_string(used), std::to_string(options.years), period, std::to_string(options.min_years)});
        return result;
    }
    result.met = lower ? result.latest <= *result.average : result.latest >= *result.average;
    const char* sign = lower ? (result.met ? "<=" : ">") : (result.met ? ">=" : "<");
    result.reason = Message(used == 1 ? "{0} value {1} {2} the mean {3} of {4} year in {5}"_en
                                      : "{0} value {1} {2} the mean {3} of {4} years in {5}"_en,
                            "{0} 年的值 {1} {2} {5} 中 {4} 年的平均值 {3}"_zh,
                            {std::to_string(result.year), format_number(result.latest), sign, format_fixed(*result.average, 4),
                             std::to_string(used), period});
    return result;
}

std::string to_string(const HistoryAverage& r) {
    return std::string("HistoryAverage(") + (r.met ? "met" : r.assessable ? "not met" : "not assessable") + ": " +
           r.reason.text(Language::en) + ")";
}

}  // namespace civitas
