/// Trends and survey indicators: ProjectionMethod, ProgressState, GrowthMeasure, TrendTest,
/// YearValue, IntervalMethod, ProportionScale; Trend / trend(), ProgressAssessment /
/// assess_progress(), LevelOrTrend / level_or_trend(), HistoryAverage / history_average(),
/// ProportionInterval / proportion_interval() and probability_meets().
///
/// Dates are a sequence of datetime.date or a numpy datetime64 array (any unit whose values are
/// whole days; pandas' datetime64 columns too); values a sequence or array of numbers. Options
/// take the enum or its name ("compound"). Formulas and sources: docs/trends.md.

#include "bindings.hpp"
#include "date_caster.hpp"

#include <civitas/core/error.hpp>
#include <civitas/tracking/survey.hpp>
#include <civitas/tracking/trend.hpp>

#include <pybind11/stl.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace civitas::python {

namespace {

/// Dates from a numpy (or pandas) datetime64 array: whole days only, no NaT.
std::vector<Date> datetime64_dates(const py::object& dates) {
    const py::module_ numpy = py::module_::import("numpy");
    const py::array array = numpy.attr("asarray")(dates);
    if (array.ndim() != 1)
        throw ValidationError("dates", Message("an array of {0} dimensions; expected 1"_en, "数组为 {0} 维；应为 1 维"_zh, {std::to_string(array.ndim())}));
    const py::array days = array.attr("astype")("datetime64[D]");
    const py::array nat = numpy.attr("isnat")(array);
    const py::array same = py::array(days.attr("astype")(array.dtype())).attr("__eq__")(array);
    const auto count = static_cast<std::size_t>(array.shape(0));
    const auto ints = py::array_t<std::int64_t>(days.attr("view")("int64"));
    const auto is_nat = nat.cast<py::array_t<bool>>();
    const auto whole = same.cast<py::array_t<bool>>();
    std::vector<Date> result;
    result.reserve(count);
    const Date epoch(1970, 1, 1);
    for (std::size_t i = 0; i < count; ++i) {
        const std::string where = "dates[" + std::to_string(i) + "]";
        if (is_nat.at(static_cast<py::ssize_t>(i))) throw ValidationError(where, Message("NaT; expected a date"_en, "NaT；应为日期"_zh));
        if (!whole.at(static_cast<py::ssize_t>(i)))
            throw ValidationError(where, Message("{0} has a time of day; expected whole days (datetime64[D])"_en, "{0} 含有时刻；应为整日（datetime64[D]）"_zh,
                                                 {py::str(array[py::int_(i)]).cast<std::string>()}));
        const auto offset = ints.at(static_cast<py::ssize_t>(i));
        if (offset < -200000 || offset > 2900000)  // about 1422 .. 9909: outside the dates civitas handles
            throw ValidationError(where, Message("{0} is outside the dates civitas handles; expected years 1400..9999"_en,
                                                 "{0} 超出 civitas 可处理的日期范围；年份应为 1400..9999"_zh,
                                                 {py::str(days[py::int_(i)]).cast<std::string>()}));
        result.push_back(epoch + boost::gregorian::date_duration(static_cast<long>(offset)));
    }
    return result;
}

/// Dates from a sequence of datetime.date or a datetime64 array.
std::vector<Date> read_dates(const py::object& dates) {
    if (py::hasattr(dates, "dtype") && py::str(dates.attr("dtype").attr("kind")).cast<std::string>() == "M")
        return datetime64_dates(dates);
    if (py::isinstance<py::str>(dates) || !py::isinstance<py::iterable>(dates))
        throw ValidationError("dates", Message("{0}; expected a sequence of datetime.date or a datetime64 array"_en,
                                               "{0}；应为 datetime.date 序列或 datetime64 数组"_zh, {py::repr(dates).cast<std::string>()}));
    std::vector<Date> result;
    for (py::handle item : py::iter(dates)) result.push_back(date_argument(item, "dates[" + std::to_string(result.size()) + "]"));
    return result;
}

/// Values from a sequence or array of numbers (copied into doubles).
std::vector<double> read_values(const py::object& values) {
    if (py::isinstance<py::str>(values))
        throw ValidationError("values", Message("a str; expected a sequence of numbers"_en, "为字符串；应为数值序列"_zh));
    const auto array = vector_array(values, "values");
    return {array.data(), array.data() + array.shape(0)};
}

ProgressAssessment progress(const Dates& dates, const ArrayLike& values, const std::optional<Interval>& target,
                            const std::optional<Date>& deadline, const std::optional<EnumOrName<Direction>>& direction,
                            int min_points, int last_points, const EnumOrName<GrowthMeasure>& measure, double on_track_ratio, double acceleration_ratio,
                            double limited_ratio, double on_track_growth, double acceleration_growth,
                            double limited_growth, std::optional<double> limit) {
    ProgressOptions options;
    options.min_points = min_points;
    options.last_points = last_points;
    options.measure = enum_argument<GrowthMeasure>(measure, "measure");
    options.on_track_ratio = on_track_ratio;
    options.acceleration_ratio = acceleration_ratio;
    options.limited_ratio = limited_ratio;
    options.on_track_growth = on_track_growth;
    options.acceleration_growth = acceleration_growth;
    options.limited_growth = limited_growth;
    options.limit = limit;
    const std::vector<Date> d = read_dates(dates);
    const std::vector<double> v = read_values(values);
    if (target) {
        if (direction)
            throw ValidationError("direction", Message("given with a target; the target's side sets the direction"_en,
                                                       "不应与目标同时给出；方向由目标的上下限决定"_zh));
        if (!deadline) throw ValidationError("deadline", Message("missing; a target needs the date it must be met by"_en, "缺失；给出目标须同时给出达成期限"_zh));
        return assess_progress(d, v, *target, *deadline, options);
    }
    if (!direction)
        throw ValidationError("target", Message("neither a target (with a deadline) nor a direction was given; expected one"_en,
                                               "既未给出目标（及期限）也未给出方向；应给出其一"_zh));
    if (deadline) throw ValidationError("deadline", Message("given without a target; expected a target too, or no deadline"_en,
                                                 "给出了期限但未给出目标；应同时给出目标，或不给出期限"_zh));
    return assess_progress(d, v, enum_argument<Direction>(*direction, "direction"), options);
}

}  // namespace

void register_trend(py::module_& m) {
    bind_enum<ProjectionMethod>(m, "ProjectionMethod",
                                "How a value is carried forward from the latest point: linear (slope) or compound (CAGR).");
    bind_enum<ProgressState>(m, "ProgressState",
                             "Progress after the Open SDG method: target_met, on_track, needs_acceleration, "
                             "limited_progress, deteriorating, too_few_points.");
    bind_enum<GrowthMeasure>(m, "GrowthMeasure", "How change is measured: compound (CAGR, Open SDG) or linear (slope).");
    bind_enum<TrendTest>(m, "TrendTest",
                         "How 'falling' or 'rising' is judged: consecutive changes, or a significant slope.");
    bind_enum<YearValue>(m, "YearValue", "A calendar year's value when it has several points: last or mean.");
    bind_enum<IntervalMethod>(m, "IntervalMethod",
                              "Confidence interval of a proportion: wilson, agresti_coull, clopper_pearson.");
    bind_enum<ProportionScale>(m, "ProportionScale", "How a proportion is written: proportion (0-1) or percent (0-100).");

    py::class_<Trend> trend_binding(m, "Trend", "The least-squares trend and compound growth of the last points of a series.");
    trend_binding
        .def_readonly("points", &Trend::points, "Points used (>= 2).")
        .def_readonly("first_date", &Trend::first_date, "Date of the first point used (t = 0).")
        .def_readonly("last_date", &Trend::last_date, "Date of the latest point.")
        .def_readonly("first_value", &Trend::first_value, "Value of the first point used.")
        .def_readonly("last_value", &Trend::last_value, "Value of the latest point.")
        .def_readonly("span_years", &Trend::span_years, "Years (days / 365.25) from the first to the latest point.")
        .def_readonly("slope", &Trend::slope, "Least-squares slope, value units per year.")
        .def_readonly("intercept", &Trend::intercept, "The fitted line's value at first_date.")
        .def_readonly("r_squared", &Trend::r_squared, "Share of variance explained, in [0, 1]; 1 when all values are equal.")
        .def_readonly("cagr", &Trend::cagr, "Compound annual growth rate (0.05 = 5 %), None when a value is <= 0.")
        .def("fitted", &Trend::fitted, py::arg("date"), "The fitted line's value at `date`.")
        .def(
            "project",
            [](const Trend& self, Date date, const EnumOrName<ProjectionMethod>& method) {
                return self.project(date, enum_argument<ProjectionMethod>(method, "method"));
            },
            py::arg("date"), py::arg("method") = "linear",
            "The value at `date` carried forward from the latest value; None for compound without a CAGR.")
        .def(
            "reach_date",
            [](const Trend& self, const Interval& line, const EnumOrName<ProjectionMethod>& method) {
                return self.reach_date(line, enum_argument<ProjectionMethod>(method, "method"));
            },
            py::arg("line"), py::arg("method") = "linear",
            "The first day the projection meets `line` (last_date when already met); None when flat or moving away.")
        .def("required_rate", &Trend::required_rate, py::arg("line"), py::arg("deadline"),
             "Value units per year needed from the latest value to meet `line` by `deadline`; 0 when met, None "
             "when no time is left.")
        .def("required_growth", &Trend::required_growth, py::arg("line"), py::arg("deadline"),
             "Compound growth per year needed to meet `line` by `deadline`; 0 when met, None when no time is left "
             "or a value is <= 0.")
        .def("__repr__", [](const Trend& self) { return to_string(self); });
    def_message(trend_binding, "cagr_note", &Trend::cagr_note, "Why cagr is None ('' when it is defined), in English.",
                "Why cagr is None ('' when it is defined), in Chinese.");

    m.def(
        "trend",
        [](const Dates& dates, const ArrayLike& values, int last_points) {
            return trend(read_dates(dates), read_values(values), last_points);
        },
        py::arg("dates"), py::arg("values"), py::arg("last_points") = 0,
        "The trend of the last `last_points` points (0: all). Dates strictly increasing (ValidationError "
        "naming dates[i] otherwise), values finite, at least 2 points.");

    py::class_<ProgressAssessment> progress_assessment(m, "ProgressAssessment", "A progress state (Open SDG method), the numbers behind it and the reason.");
    progress_assessment
        .def_readonly("state", &ProgressAssessment::state, "The verdict (ProgressState).")
        .def_readonly("points", &ProgressAssessment::points, "Points used.")
        .def_readonly("measure", &ProgressAssessment::measure, "The measure used (linear when compound was undefined).")
        .def_readonly("observed_rate", &ProgressAssessment::observed_rate,
                      "CAGR per year, or slope in value units per year (linear).")
        .def_readonly("required_rate", &ProgressAssessment::required_rate,
                      "With a target: the same measure needed from the first point to meet it by the deadline.")
        .def_readonly("progress_value", &ProgressAssessment::progress_value,
                      "What the cut-offs are applied to: R with a target, the direction-signed growth without.")
        .def_readonly("scaling", &ProgressAssessment::scaling, "Direction only with a limit: Open SDG's C in [0, 1].")
        .def("__repr__", [](const ProgressAssessment& self) { return to_string(self); });
    def_message(progress_assessment, "reason", &ProgressAssessment::reason, "The verdict in words, with the numbers, in English.", "The verdict in words, with the numbers, in Chinese.");

    const ProgressOptions defaults;
    m.def("assess_progress", &progress, py::arg("dates"), py::arg("values"), py::arg("target") = py::none(),
          py::arg("deadline") = py::none(), py::kw_only(), py::arg("direction") = py::none(),
          py::arg("min_points") = defaults.min_points, py::arg("last_points") = defaults.last_points,
          py::arg("measure") = "compound", py::arg("on_track_ratio") = defaults.on_track_ratio,
          py::arg("acceleration_ratio") = defaults.acceleration_ratio, py::arg("limited_ratio") = defaults.limited_ratio,
          py::arg("on_track_growth") = defaults.on_track_growth,
          py::arg("acceleration_growth") = defaults.acceleration_growth,
          py::arg("limited_growth") = defaults.limited_growth, py::arg("limit") = py::none(),
          "Progress after the Open SDG method: towards `target` (an Interval) by `deadline`, or with no target "
          "in a `direction` ('higher', 'lower'). Cut-offs default to Open SDG's (0.95 / 0.6 / 0 on the ratio; "
          "1.5 % / 0.5 % / 0 a year on the growth).");

    py::class_<LevelOrTrend> level_or_trend_binding(m, "LevelOrTrend", "Whether a line met 'by the level or by the trend' is met, and how.");
    level_or_trend_binding
        .def_readonly("met", &LevelOrTrend::met, "met_by_level or met_by_trend.")
        .def_readonly("met_by_level", &LevelOrTrend::met_by_level, "The latest value is inside the line.")
        .def_readonly("met_by_trend", &LevelOrTrend::met_by_trend, "The trend goes the right way.")
        .def_readonly("latest", &LevelOrTrend::latest, "The latest value.")
        .def_readonly("slope", &LevelOrTrend::slope, "Slope test: value units per year (None for the consecutive test).")
        .def_readonly("p_value", &LevelOrTrend::p_value, "Slope test: one-sided p of 'no trend the right way'.")
        .def("__repr__", [](const LevelOrTrend& self) { return to_string(self); });
    def_message(level_or_trend_binding, "reason", &LevelOrTrend::reason, "In words, with the numbers, in English.", "In words, with the numbers, in Chinese.");

    const LevelOrTrendOptions trend_defaults;
    m.def(
        "level_or_trend",
        [](const Dates& dates, const ArrayLike& values, const Interval& line, const EnumOrName<TrendTest>& test, int changes,
           int last_points, double confidence) {
            LevelOrTrendOptions options;
            options.test = enum_argument<TrendTest>(test, "test");
            options.changes = changes;
            options.last_points = last_points;
            options.confidence = confidence;
            return level_or_trend(read_dates(dates), read_values(values), line, options);
        },
        py::arg("dates"), py::arg("values"), py::arg("line"), py::kw_only(), py::arg("test") = "consecutive",
        py::arg("changes") = trend_defaults.changes, py::arg("last_points") = trend_defaults.last_points,
        py::arg("confidence") = trend_defaults.confidence,
        "'<= 5.6 or falling': met when the latest value is inside `line`, or the trend goes the right way "
        "(consecutive: each of the last `changes` changes; slope: a one-sided t test on the last `last_points`).");

    py::class_<HistoryAverage> history_average_binding(m, "HistoryAverage", "The latest year's value against the mean of the previous years.");
    history_average_binding
        .def_readonly("assessable", &HistoryAverage::assessable, "Enough previous years had data.")
        .def_readonly("met", &HistoryAverage::met, "Assessable and not above (lower) / not below (higher) the average.")
        .def_readonly("year", &HistoryAverage::year, "The latest calendar year.")
        .def_readonly("latest", &HistoryAverage::latest, "That year's value.")
        .def_readonly("average", &HistoryAverage::average, "Mean of the previous years' values (None when none).")
        .def_readonly("years_used", &HistoryAverage::years_used, "Previous years with data, ascending.")
        .def("__repr__", [](const HistoryAverage& self) { return to_string(self); });
    def_message(history_average_binding, "reason", &HistoryAverage::reason, "In words, with the numbers, in English.", "In words, with the numbers, in Chinese.");

    const HistoryAverageOptions history_defaults;
    m.def(
        "history_average",
        [](const Dates& dates, const ArrayLike& values, int years, int min_years, const EnumOrName<YearValue>& year_value,
           const EnumOrName<Direction>& direction) {
            HistoryAverageOptions options;
            options.years = years;
            options.min_years = min_years;
            options.year_value = enum_argument<YearValue>(year_value, "year_value");
            options.direction = enum_argument<Direction>(direction, "direction");
            return history_average(read_dates(dates), read_values(values), options);
        },
        py::arg("dates"), py::arg("values"), py::kw_only(), py::arg("years") = history_defaults.years,
        py::arg("min_years") = history_defaults.min_years, py::arg("year_value") = "last",
        py::arg("direction") = "lower",
        "'Not above the last five years' average': the latest point's calendar year against the mean of the "
        "`years` calendar years before it.");

    py::class_<ProportionInterval>(m, "ProportionInterval", "A proportion from a sample, with its confidence interval (on the scale given).")
        .def_readonly("estimate", &ProportionInterval::estimate, "The observed proportion, on `scale`.")
        .def_readonly("low", &ProportionInterval::low, "Lower confidence limit, on `scale`.")
        .def_readonly("high", &ProportionInterval::high, "Upper confidence limit, on `scale`.")
        .def_readonly("n", &ProportionInterval::n, "Sample size (>= 1).")
        .def_readonly("confidence", &ProportionInterval::confidence, "Two-sided confidence level in (0, 1).")
        .def_readonly("method", &ProportionInterval::method, "How the interval was computed.")
        .def_readonly("scale", &ProportionInterval::scale, "Scale of estimate, low and high.")
        .def("__repr__", [](const ProportionInterval& self) { return to_string(self); });

    m.def(
        "proportion_interval",
        [](double estimate, double n, double confidence, const EnumOrName<IntervalMethod>& method,
           const EnumOrName<ProportionScale>& scale) {
            return proportion_interval(estimate, n, confidence, enum_argument<IntervalMethod>(method, "method"),
                                       enum_argument<ProportionScale>(scale, "scale"));
        },
        py::arg("estimate"), py::arg("n"), py::arg("confidence") = 0.95, py::kw_only(), py::arg("method") = "wilson",
        py::arg("scale") = "proportion",
        "Confidence interval of a proportion observed in a sample of n (Wilson by default). `estimate` is in "
        "[0, 1], or in [0, 100] with scale='percent'.");
    m.def(
        "probability_meets",
        [](double estimate, double n, const Interval& line, const EnumOrName<ProportionScale>& scale) {
            return probability_meets(estimate, n, line, enum_argument<ProportionScale>(scale, "scale"));
        },
        py::arg("estimate"), py::arg("n"), py::arg("line"), py::kw_only(), py::arg("scale") = "proportion",
        "Probability that the true proportion is inside `line`, from the Beta(x + 1, n - x + 1) posterior of a "
        "uniform prior (x = estimate x n).");
}

}  // namespace civitas::python
