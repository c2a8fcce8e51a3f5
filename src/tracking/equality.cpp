// operator== of the tracking results: every member, as core/detail/equal.hpp compares them.

#include <civitas/tracking/observations.hpp>
#include <civitas/tracking/readiness.hpp>
#include <civitas/tracking/survey.hpp>
#include <civitas/tracking/trend.hpp>

#include "core/detail/equal.hpp"

#include <tuple>

namespace civitas {

bool operator==(const LatestValue& a, const LatestValue& b) {
    return detail::same_members(std::tie(a.value, a.date, a.age_days, a.source, a.mode, a.sample_size, a.recorded),
                                std::tie(b.value, b.date, b.age_days, b.source, b.mode, b.sample_size, b.recorded));
}

bool operator==(const LatestMatrix& a, const LatestMatrix& b) {
    return detail::same_members(std::tie(a.units, a.indicators, a.values, a.ages),
                                std::tie(b.units, b.indicators, b.values, b.ages));
}

bool operator==(const TrendMatrix& a, const TrendMatrix& b) {
    return detail::same_members(std::tie(a.as_of, a.units, a.indicators, a.values, a.ages, a.points, a.slopes),
                                std::tie(b.as_of, b.units, b.indicators, b.values, b.ages, b.points, b.slopes));
}

bool operator==(const ObservationLoad& a, const ObservationLoad& b) {
    return detail::same_members(std::tie(a.store, a.rejected),
                                std::tie(b.store, b.rejected));
}

bool operator==(const TitleReadiness& a, const TitleReadiness& b) {
    return detail::same_members(std::tie(a.title, a.inspection, a.framework, a.units, a.now, a.at_inspection, a.rag,
                                         a.reasons, a.overdue_tasks, a.targets, a.surveys, a.rulings,
                                         a.rulings_at_inspection, a.facts),
                                std::tie(b.title, b.inspection, b.framework, b.units, b.now, b.at_inspection, b.rag,
                                         b.reasons, b.overdue_tasks, b.targets, b.surveys, b.rulings,
                                         b.rulings_at_inspection, b.facts));
}

bool operator==(const Readiness& a, const Readiness& b) {
    return detail::same_members(std::tie(a.as_of, a.titles, a.plan),
                                std::tie(b.as_of, b.titles, b.plan));
}

bool operator==(const ProportionInterval& a, const ProportionInterval& b) {
    return detail::same_members(std::tie(a.estimate, a.low, a.high, a.n, a.confidence, a.method, a.scale),
                                std::tie(b.estimate, b.low, b.high, b.n, b.confidence, b.method, b.scale));
}

bool operator==(const Trend& a, const Trend& b) {
    return detail::same_members(std::tie(a.points, a.first_date, a.last_date, a.first_value, a.last_value, a.span_years,
                                         a.slope, a.intercept, a.r_squared, a.cagr, a.cagr_note),
                                std::tie(b.points, b.first_date, b.last_date, b.first_value, b.last_value, b.span_years,
                                         b.slope, b.intercept, b.r_squared, b.cagr, b.cagr_note));
}

bool operator==(const ProgressAssessment& a, const ProgressAssessment& b) {
    return detail::same_members(std::tie(a.state, a.reason, a.points, a.measure, a.observed_rate, a.required_rate,
                                         a.progress_value, a.scaling),
                                std::tie(b.state, b.reason, b.points, b.measure, b.observed_rate, b.required_rate,
                                         b.progress_value, b.scaling));
}

bool operator==(const LevelOrTrend& a, const LevelOrTrend& b) {
    return detail::same_members(std::tie(a.met, a.met_by_level, a.met_by_trend, a.latest, a.slope, a.p_value, a.reason),
                                std::tie(b.met, b.met_by_level, b.met_by_trend, b.latest, b.slope, b.p_value, b.reason));
}

bool operator==(const HistoryAverage& a, const HistoryAverage& b) {
    return detail::same_members(std::tie(a.assessable, a.met, a.year, a.latest, a.average, a.years_used, a.reason),
                                std::tie(b.assessable, b.met, b.year, b.latest, b.average, b.years_used, b.reason));
}

}  // namespace civitas
