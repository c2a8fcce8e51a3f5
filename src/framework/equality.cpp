// operator== of the framework results: every member, as core/detail/equal.hpp compares them.

#include <civitas/framework/evaluation.hpp>
#include <civitas/framework/evaluation_change.hpp>

#include "core/detail/equal.hpp"

#include <tuple>

namespace civitas {

bool operator==(const IndicatorResult& a, const IndicatorResult& b) {
    return detail::same_members(std::tie(a.id, a.value, a.outcome, a.counted, a.score, a.points, a.max_points, a.pass, a.gap,
                                         a.relative_gap, a.meets_improvement, a.obstacle),
                                std::tie(b.id, b.value, b.outcome, b.counted, b.score, b.points, b.max_points, b.pass, b.gap,
                                         b.relative_gap, b.meets_improvement, b.obstacle));
}

bool operator==(const CategoryResult& a, const CategoryResult& b) {
    return detail::same_members(std::tie(a.id, a.name, a.depth, a.score, a.points, a.max_points, a.met, a.assessed,
                                         a.indicators),
                                std::tie(b.id, b.name, b.depth, b.score, b.points, b.max_points, b.met, b.assessed,
                                         b.indicators));
}

bool operator==(const Evaluation& a, const Evaluation& b) {
    return detail::same_members(std::tie(a.framework, a.unit, a.indicators, a.categories, a.total, a.scale, a.met,
                                         a.assessed, a.coverage, a.basic_failed, a.passed, a.decided_by, a.failed_rule,
                                         a.reason, a.error),
                                std::tie(b.framework, b.unit, b.indicators, b.categories, b.total, b.scale, b.met,
                                         b.assessed, b.coverage, b.basic_failed, b.passed, b.decided_by, b.failed_rule,
                                         b.reason, b.error));
}

bool operator==(const BatchEvaluation& a, const BatchEvaluation& b) {
    return detail::same_members(std::tie(a.framework, a.units, a.classes, a.indicator_ids, a.category_ids, a.values,
                                         a.scores, a.full_points, a.renormalised, a.gaps, a.outcomes, a.category_scores,
                                         a.totals, a.coverage, a.met, a.assessed, a.basic_failed, a.passed, a.decided_by,
                                         a.errors, a.not_assessed),
                                std::tie(b.framework, b.units, b.classes, b.indicator_ids, b.category_ids, b.values,
                                         b.scores, b.full_points, b.renormalised, b.gaps, b.outcomes, b.category_scores,
                                         b.totals, b.coverage, b.met, b.assessed, b.basic_failed, b.passed, b.decided_by,
                                         b.errors, b.not_assessed));
}

bool operator==(const EvaluationChange& a, const EvaluationChange& b) {
    return detail::same_members(std::tie(a.indicators, a.points_before, a.points_after, a.value_effect, a.weight_effect,
                                         a.contribution, a.change, a.total_change),
                                std::tie(b.indicators, b.points_before, b.points_after, b.value_effect, b.weight_effect,
                                         b.contribution, b.change, b.total_change));
}

}  // namespace civitas
