// Results of one unit: the full Evaluation of a batch row, and Framework::evaluate.

#include <civitas/core/error.hpp>
#include <civitas/framework/evaluation.hpp>

#include "core/detail/utf8.hpp"
#include "framework/detail/compiled_framework.hpp"
#include "framework/detail/decision.hpp"
#include "framework/detail/scoring.hpp"

#include <cmath>

namespace civitas {

using detail::CompiledFramework;
using detail::CompiledIndicator;
using detail::LineTable;
using detail::Tally;
using detail::Verdict;
using detail::decide;
using detail::lines_for_class;
using detail::other_framework;

const char* to_string(Outcome value) noexcept {
    switch (value) {
        case Outcome::met: return "met";
        case Outcome::not_met: return "not_met";
        case Outcome::missing: break;
    }
    return "missing";
}

std::optional<Outcome> outcome_from_string(std::string_view name) noexcept {
    if (name == "met") return Outcome::met;
    if (name == "not_met") return Outcome::not_met;
    if (name == "missing") return Outcome::missing;
    return std::nullopt;
}

const IndicatorResult& Evaluation::indicator(const std::string& id) const {
    for (const IndicatorResult& result : indicators)
        if (result.id == id) return result;
    throw NotFoundError(Message("unknown indicator id '{0}' in the evaluation of framework '{1}'"_en, "测评体系 '{1}' 的测评结果中没有指标 id '{0}'"_zh,
                                {detail::quote(id), framework}));
}

std::vector<const IndicatorResult*> Evaluation::shortfalls() const {
    std::vector<const IndicatorResult*> out;
    for (const IndicatorResult& result : indicators)
        if (result.outcome == Outcome::not_met) out.push_back(&result);
    return out;
}

Evaluation unit_evaluation(const Framework& framework, const BatchEvaluation& batch, std::size_t row) {
    const CompiledFramework& c = framework.compiled();
    if (batch.framework != c.spec.id || batch.indicator_ids.size() != c.items.size())
        throw ValidationError("batch", other_framework(batch.framework, c.spec.id));
    if (row >= batch.size())
        throw NotFoundError(Message("row {0} is outside the batch of {1} units"_en, "第 {0} 行超出本批次范围（共 {1} 个单位）"_zh,
                                    {std::to_string(row), std::to_string(batch.size())}));
    const auto r = static_cast<Eigen::Index>(row);
    Evaluation e;
    e.framework = c.spec.id;
    e.unit = batch.units[row];
    e.scale = c.spec.scale;
    e.decided_by = batch.decided_by[row];
    e.passed = batch.passed[row];
    e.error = batch.errors[row];
    if (!std::isnan(batch.totals(r))) e.total = batch.totals(r);
    e.met = batch.met(r);
    e.assessed = batch.assessed(r);
    e.coverage = batch.coverage(r);

    const LineTable lines = lines_for_class(c, batch.classes[row]);
    Tally t;
    t.total = batch.totals(r);
    t.coverage = e.coverage;
    t.met = e.met;
    t.assessed = e.assessed;
    double lost_total = 0;
    const auto left_out = batch.not_assessed.find(row);
    for (std::size_t i = 0; i < c.items.size(); ++i) {
        const auto col = static_cast<Eigen::Index>(i);
        const CompiledIndicator& item = c.items[i];
        const Indicator& indicator = *item.indicator;
        IndicatorResult result;
        result.id = indicator.id;
        const double x = batch.values(r, col);
        if (!std::isnan(x) && e.error.empty()) result.value = x;
        result.outcome = static_cast<Outcome>(batch.outcomes(r, col));
        const bool assessed = left_out == batch.not_assessed.end() || !left_out->second[i];
        result.counted = e.error.empty() && assessed && (result.value || item.missing == MissingPolicy::fail);
        result.score = batch.scores(r, col);
        const auto renormalised = batch.renormalised.find(row);
        result.max_points = renormalised != batch.renormalised.end() ? renormalised->second(col) : batch.full_points(col);
        result.points = result.score * result.max_points;
        if (lines[i]) result.pass = *lines[i];
        if (!std::isnan(batch.gaps(r, col))) {
            result.gap = batch.gaps(r, col);
            if (*result.gap == 0) {
                result.relative_gap = 0.0;
            } else if (indicator.direction != Direction::yes_no && lines[i]) {
                const double end = *result.value < lines[i]->low ? lines[i]->low : lines[i]->high;
                if (end != 0) result.relative_gap = *result.gap / std::abs(end);
            }
        }
        if (result.value && indicator.improvement) result.meets_improvement = indicator.improvement->contains(*result.value);
        if (result.counted) {
            ++t.counted;
            if (item.basic) {
                if (result.outcome != Outcome::met) {
                    ++t.basic_failed;
                    e.basic_failed.push_back(indicator.id);
                }
            } else {
                ++t.general_counted;
                if (result.outcome == Outcome::met) ++t.general_met;
            }
        }
        lost_total += result.max_points - result.points;
        e.indicators.push_back(std::move(result));
    }
    for (IndicatorResult& result : e.indicators)
        result.obstacle = lost_total > 0 ? (result.max_points - result.points) / lost_total : 0.0;

    for (std::size_t k = 1; k < c.nodes.size(); ++k) {
        const auto& node = c.nodes[k];
        CategoryResult category;
        category.id = node.category->id;
        category.name = node.category->name;
        category.depth = node.depth;
        const double score = batch.category_scores(r, static_cast<Eigen::Index>(k - 1));
        category.score = std::isnan(score) ? 0.0 : score;
        for (int i = node.first_indicator; i < node.end_indicator; ++i) {
            const IndicatorResult& result = e.indicators[static_cast<std::size_t>(i)];
            category.max_points += result.max_points;
            category.met += result.outcome == Outcome::met;
            category.assessed += result.value.has_value() && result.outcome != Outcome::missing;
            ++category.indicators;
        }
        category.points = category.score * category.max_points;
        e.categories.push_back(std::move(category));
    }

    Verdict verdict{e.decided_by, -1};
    if (verdict.decided_by == Decision::rule) verdict = decide(c, t);
    if (verdict.failed_rule >= 0) e.failed_rule = c.spec.pass_rules[static_cast<std::size_t>(verdict.failed_rule)];
    e.reason = e.error.empty() ? detail::reason(c, t, verdict, e.basic_failed)
                               : Message("invalid data: {0}"_en, "数据无效: {0}"_zh, {e.error});
    return e;
}

Evaluation Framework::evaluate(const std::map<std::string, double>& values, const std::string& unit,
                               const std::string& unit_class, const EvaluateOptions& options) const {
    RowMatrix row(1, static_cast<Eigen::Index>(values.size()));
    std::vector<std::string> columns;
    columns.reserve(values.size());
    Eigen::Index j = 0;
    for (const auto& [id, value] : values) {
        columns.push_back(id);
        row(0, j++) = value;
    }
    const BatchEvaluation batch = evaluate_many(*this, row, columns, {unit}, {unit_class}, options);
    if (!batch.errors[0].empty()) throw ValidationError(unit.empty() ? "values" : "values of unit '" + unit + "'", batch.errors[0]);
    return unit_evaluation(*this, batch, 0);
}

}  // namespace civitas
