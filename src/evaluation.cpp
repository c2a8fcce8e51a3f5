#include <civitas/error.hpp>
#include <civitas/evaluation.hpp>

#include "detail/compiled_framework.hpp"
#include "detail/number_format.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <unordered_set>

namespace civitas {

using detail::CompiledFramework;
using detail::CompiledIndicator;
using detail::format_fixed;
using detail::format_number;

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
    throw NotFoundError("unknown indicator id '" + id + "' in the evaluation of framework '" + framework + "'");
}

std::vector<const IndicatorResult*> Evaluation::shortfalls() const {
    std::vector<const IndicatorResult*> out;
    for (const IndicatorResult& result : indicators)
        if (result.outcome == Outcome::not_met) out.push_back(&result);
    return out;
}

bool BatchEvaluation::ok() const noexcept {
    return std::all_of(errors.begin(), errors.end(), [](const std::string& e) { return e.empty(); });
}

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// Pass lines by indicator for one unit class (nullptr: no line).
using LineTable = std::vector<const Interval*>;

LineTable lines_for_class(const CompiledFramework& c, const std::string& unit_class) {
    LineTable lines(c.items.size(), nullptr);
    for (std::size_t i = 0; i < c.items.size(); ++i) {
        const auto& by_class = c.indicators[i]->pass_by_class;
        const auto found = unit_class.empty() ? by_class.end() : by_class.find(unit_class);
        lines[i] = found != by_class.end() ? &found->second : (c.items[i].pass ? &*c.items[i].pass : nullptr);
    }
    return lines;
}

// Score share in [0, 1] of a valid value.
double score_of(const CompiledIndicator& item, double x, const Interval* line, bool met) {
    const Indicator& indicator = *item.indicator;
    const ScoringRule& rule = indicator.scoring;
    switch (rule.type) {
        case RuleType::pass_fail: return met ? 1.0 : 0.0;
        case RuleType::yes_no: return x;
        case RuleType::linear: {
            const Interval& full = rule.full ? *rule.full : *line;
            const Interval& zero = *rule.zero;
            double s = 1.0;
            if (x < full.low) s = (x - zero.low) / (full.low - zero.low);
            else if (x > full.high) s = (zero.high - x) / (zero.high - full.high);
            return std::clamp(s, 0.0, 1.0);
        }
        case RuleType::proportional: {
            const Interval& full = rule.full ? *rule.full : *line;
            if (indicator.direction == Direction::higher) return std::clamp(x / full.low, 0.0, 1.0);
            return x <= full.high ? 1.0 : std::clamp(full.high / x, 0.0, 1.0);
        }
        case RuleType::tiers: {
            double s = 0.0;
            for (const Tier& tier : item.tiers)
                if (indicator.direction == Direction::higher ? x >= tier.at : x <= tier.at) s = std::max(s, tier.score);
            return s;
        }
        case RuleType::deduction: {
            double deducted = rule.per_problem * x;
            if (rule.max_deduction) deducted = std::min(deducted, *rule.max_deduction);
            return std::max(0.0, item.full_points - deducted) / item.full_points;
        }
    }
    return 0.0;
}

// Why a value is not valid for an indicator, or "" when it is.
std::string value_problem(const Indicator& indicator, double x, bool nan_as_missing) {
    const std::string where = "indicator '" + indicator.id + "': value ";
    if (std::isnan(x))
        return nan_as_missing ? "" : where + "nan is not a number; expected a number, or no value for missing data (nan_as_missing treats NaN as missing)";
    if (std::isinf(x)) return where + format_number(x) + " is infinite; expected a finite number";
    if (indicator.direction == Direction::yes_no && x != 0.0 && x != 1.0)
        return where + format_number(x) + " is not yes or no; expected 1 (yes) or 0 (no)";
    if (indicator.direction == Direction::problem_count && x < 0)
        return where + format_number(x) + " is negative; expected a count of problems >= 0";
    if (indicator.bounds && !indicator.bounds->contains(x))
        return where + format_number(x) + " lies outside the bounds [" + format_number(indicator.bounds->low) + ", " +
               format_number(indicator.bounds->high) + "]; expected a value within them";
    return "";
}

// Counts that the pass decision reads.
struct Tally {
    int counted = 0, met = 0, assessed = 0;
    int general_counted = 0, general_met = 0, basic_failed = 0;
    double total = nan;
    double coverage = 0.0;
};

struct Verdict {
    Decision decided_by = Decision::passed;
    int failed_rule = -1;
};

Verdict decide(const CompiledFramework& c, const Tally& t) {
    const FrameworkSpec& spec = c.spec;
    if (t.counted == 0 || t.coverage < spec.min_coverage || std::isnan(t.total)) return {Decision::coverage};
    if (t.basic_failed > 0) return {Decision::veto};
    if (spec.pass_rules.empty()) return t.met == t.counted ? Verdict{} : Verdict{Decision::rule};
    for (std::size_t k = 0; k < spec.pass_rules.size(); ++k) {
        const PassRule& rule = spec.pass_rules[k];
        bool holds = true;
        switch (rule.type) {
            case PassRuleType::all_basic_met: break;
            case PassRuleType::min_share_met: holds = t.met >= rule.value * t.counted; break;
            case PassRuleType::min_count_met: holds = t.met >= rule.value; break;
            case PassRuleType::min_share_general_met: holds = t.general_met >= rule.value * t.general_counted; break;
            case PassRuleType::min_count_general_met: holds = t.general_met >= rule.value; break;
            case PassRuleType::min_total: holds = t.total >= rule.value - 1e-9 * spec.scale; break;
        }
        if (!holds) return {Decision::rule, static_cast<int>(k)};
    }
    return {};
}

std::string percent(double share) { return format_fixed(100.0 * share, 1) + "%"; }

std::string reason_text(const CompiledFramework& c, const Tally& t, const Verdict& v, const std::vector<std::string>& basic_failed) {
    const FrameworkSpec& spec = c.spec;
    switch (v.decided_by) {
        case Decision::invalid: return "invalid data";
        case Decision::coverage:
            if (t.counted == 0) return "no score: no indicator has data";
            return "no score: data cover " + percent(t.coverage) + " of the weight, below the minimum " + percent(spec.min_coverage);
        case Decision::veto: {
            std::string list;
            for (const std::string& id : basic_failed) list += (list.empty() ? "" : ", ") + id;
            return "failed: basic items not met: " + list;
        }
        case Decision::rule: {
            if (v.failed_rule < 0)
                return "failed: " + std::to_string(t.met) + " of " + std::to_string(t.counted) + " indicators met; every one must be";
            const PassRule& rule = spec.pass_rules[static_cast<std::size_t>(v.failed_rule)];
            const std::string name = std::string(" (") + to_string(rule.type) + ")";
            switch (rule.type) {
                case PassRuleType::min_share_met:
                    return "failed: " + std::to_string(t.met) + " of " + std::to_string(t.counted) + " indicators met (" +
                           percent(t.counted ? double(t.met) / t.counted : 0) + "), below " + percent(rule.value) + name;
                case PassRuleType::min_count_met:
                    return "failed: " + std::to_string(t.met) + " indicators met, below " + format_number(rule.value) + name;
                case PassRuleType::min_share_general_met:
                    return "failed: " + std::to_string(t.general_met) + " of " + std::to_string(t.general_counted) +
                           " general items met (" + percent(t.general_counted ? double(t.general_met) / t.general_counted : 0) +
                           "), below " + percent(rule.value) + name;
                case PassRuleType::min_count_general_met:
                    return "failed: " + std::to_string(t.general_met) + " general items met, below " + format_number(rule.value) + name;
                case PassRuleType::min_total:
                    return "failed: total " + format_fixed(t.total, 2) + " below " + format_number(rule.value) + name;
                case PassRuleType::all_basic_met: break;
            }
            return "failed" + name;
        }
        case Decision::passed: break;
    }
    if (spec.pass_rules.empty())
        return "passed: all " + std::to_string(t.counted) + " counted indicators met";
    return "passed: all " + std::to_string(spec.pass_rules.size()) + " pass rules hold";
}

// Working space for one unit, reused across units.
struct Scratch {
    explicit Scratch(const CompiledFramework& c)
        : has(c.items.size()), counted(c.items.size()), node_score(c.nodes.size()), node_sum(c.nodes.size()),
          node_share(c.nodes.size()) {}
    std::vector<char> has, counted;
    std::vector<double> node_score, node_sum, node_share;
};

// The shape of a batch, filled before the units are evaluated.
void allocate(BatchEvaluation& out, const CompiledFramework& c, Eigen::Index rows) {
    const auto n = static_cast<Eigen::Index>(c.items.size());
    const auto k = static_cast<Eigen::Index>(c.categories.size());
    out.framework = c.spec.id;
    for (const Indicator* indicator : c.indicators) out.indicator_ids.push_back(indicator->id);
    for (const Category* category : c.categories) out.category_ids.push_back(category->id);
    out.values.resize(rows, n);
    out.scores.resize(rows, n);
    out.points.resize(rows, n);
    out.max_points.resize(rows, n);
    out.gaps.resize(rows, n);
    out.outcomes.resize(rows, n);
    out.category_scores.resize(rows, k);
    out.totals.resize(rows);
    out.coverage.resize(rows);
    out.met.resize(rows);
    out.assessed.resize(rows);
    out.basic_failed.resize(rows);
    out.passed.assign(static_cast<std::size_t>(rows), false);
    out.decided_by.assign(static_cast<std::size_t>(rows), Decision::passed);
    out.errors.assign(static_cast<std::size_t>(rows), std::string());
}

void mark_invalid(BatchEvaluation& out, Eigen::Index r, std::string error) {
    out.scores.row(r).setZero();
    out.points.row(r).setZero();
    out.max_points.row(r).setZero();
    out.gaps.row(r).setConstant(nan);
    out.outcomes.row(r).setConstant(static_cast<std::int8_t>(Outcome::missing));
    out.category_scores.row(r).setConstant(nan);
    out.totals(r) = nan;
    out.coverage(r) = 0;
    out.met(r) = out.assessed(r) = out.basic_failed(r) = 0;
    out.passed[static_cast<std::size_t>(r)] = false;
    out.decided_by[static_cast<std::size_t>(r)] = Decision::invalid;
    out.errors[static_cast<std::size_t>(r)] = std::move(error);
}

// Evaluates unit r; `column_of[i]` is the data column of indicator i or -1.
void evaluate_unit(const CompiledFramework& c, const MatrixView& data, const std::vector<std::ptrdiff_t>& column_of,
                   const LineTable& lines, const EvaluateOptions& options, BatchEvaluation& out, Eigen::Index r,
                   Scratch& s) {
    const auto n = c.items.size();
    Tally t;
    // 1. Each indicator on its own.
    for (std::size_t i = 0; i < n; ++i) {
        const auto col = static_cast<Eigen::Index>(i);
        const CompiledIndicator& item = c.items[i];
        const Indicator& indicator = *item.indicator;
        const double x = column_of[i] < 0 ? nan : data(r, column_of[i]);
        out.values(r, col) = x;
        if (column_of[i] >= 0) {
            std::string problem = value_problem(indicator, x, options.nan_as_missing);
            if (!problem.empty()) return mark_invalid(out, r, std::move(problem));
        }
        const bool has = !std::isnan(x);
        s.has[i] = has;
        s.counted[i] = has || item.missing == MissingPolicy::fail;
        if (!has) {
            out.scores(r, col) = 0;
            out.gaps(r, col) = nan;
            out.outcomes(r, col) = static_cast<std::int8_t>(Outcome::missing);
        } else {
            const Interval* line = lines[i];
            bool met;
            double gap;
            if (indicator.direction == Direction::yes_no) {
                met = x == 1.0;
                gap = met ? 0.0 : 1.0;
            } else {
                if (!line) {
                    return mark_invalid(out, r, "indicator '" + indicator.id + "': unit class '" +
                                                    out.classes[static_cast<std::size_t>(r)] +
                                                    "' has no pass line and the indicator has no default; expected a class among its pass_by_class");
                }
                met = line->contains(x);
                gap = line->distance(x);
            }
            out.scores(r, col) = score_of(item, x, line, met);
            out.gaps(r, col) = gap;
            out.outcomes(r, col) = static_cast<std::int8_t>(met ? Outcome::met : Outcome::not_met);
            ++t.assessed;
            t.coverage += item.share;
            if (met) ++t.met;
            if (!item.basic && met) ++t.general_met;
        }
        if (s.counted[i]) {
            ++t.counted;
            if (item.basic) {
                if (!(has && out.outcomes(r, col) == static_cast<std::int8_t>(Outcome::met))) ++t.basic_failed;
            } else {
                ++t.general_counted;
            }
        }
    }
    // 2. Categories bottom up (children come after their parents in `nodes`).
    for (std::size_t k = c.nodes.size(); k-- > 0;) {
        const auto& node = c.nodes[k];
        double sum = 0, weighted = 0;
        bool zero = false;
        auto add = [&](double w, double score) {
            sum += w;
            if (node.aggregation == Aggregation::arithmetic) weighted += w * score;
            else if (score <= 0) zero = true;
            else weighted += w * std::log(score);
        };
        for (int i : node.child_indicators)
            if (s.counted[static_cast<std::size_t>(i)]) add(c.items[static_cast<std::size_t>(i)].local_weight, out.scores(r, i));
        for (int child : node.child_categories)
            if (s.node_sum[static_cast<std::size_t>(child)] > 0)
                add(c.nodes[static_cast<std::size_t>(child)].local_weight, s.node_score[static_cast<std::size_t>(child)]);
        s.node_sum[k] = sum;
        double score = 0;
        if (sum > 0) score = node.aggregation == Aggregation::arithmetic ? weighted / sum : (zero ? 0.0 : std::exp(weighted / sum));
        s.node_score[k] = std::clamp(score, 0.0, 1.0);
        if (k > 0) out.category_scores(r, static_cast<Eigen::Index>(k - 1)) = sum > 0 ? s.node_score[k] : nan;
    }
    // 3. Realised weights top down.
    const double scale = c.spec.scale;
    s.node_share[0] = s.node_sum[0] > 0 ? 1.0 : 0.0;
    for (std::size_t k = 0; k < c.nodes.size(); ++k) {
        const auto& node = c.nodes[k];
        const double sum = s.node_sum[k];
        for (int child : node.child_categories) {
            const auto ch = static_cast<std::size_t>(child);
            s.node_share[ch] = s.node_sum[ch] > 0 ? s.node_share[k] * c.nodes[ch].local_weight / sum : 0.0;
        }
        for (int i : node.child_indicators) {
            const auto ii = static_cast<std::size_t>(i);
            const double share = s.counted[ii] ? s.node_share[k] * c.items[ii].local_weight / sum : 0.0;
            out.max_points(r, i) = share * scale;
            out.points(r, i) = share * scale * out.scores(r, i);
        }
    }
    t.total = s.node_sum[0] > 0 && t.coverage >= c.spec.min_coverage ? s.node_score[0] * scale : nan;
    out.totals(r) = t.total;
    out.coverage(r) = t.coverage;
    out.met(r) = t.met;
    out.assessed(r) = t.assessed;
    out.basic_failed(r) = t.basic_failed;
    const Verdict verdict = decide(c, t);
    out.decided_by[static_cast<std::size_t>(r)] = verdict.decided_by;
    out.passed[static_cast<std::size_t>(r)] = verdict.decided_by == Decision::passed;
}

BatchEvaluation run_batch(const Framework& framework, const MatrixView& data, const std::vector<std::string>& columns,
                          const std::vector<std::string>& units, const std::vector<std::string>& classes,
                          const EvaluateOptions& options) {
    const CompiledFramework& c = framework.compiled();
    const Eigen::Index rows = data.rows;
    if (static_cast<std::size_t>(data.cols) != columns.size())
        throw ValidationError("columns", "the data have " + std::to_string(data.cols) + " columns but " +
                                             std::to_string(columns.size()) + " column ids were given; expected one id per column");
    if (!units.empty() && units.size() != static_cast<std::size_t>(rows))
        throw ValidationError("units", std::to_string(units.size()) + " unit ids for " + std::to_string(rows) +
                                           " rows; expected one id per row or none");
    if (!classes.empty() && classes.size() != static_cast<std::size_t>(rows))
        throw ValidationError("classes", std::to_string(classes.size()) + " unit classes for " + std::to_string(rows) +
                                             " rows; expected one class per row or none");
    std::vector<std::ptrdiff_t> column_of(c.items.size(), -1);
    for (std::size_t j = 0; j < columns.size(); ++j) {
        const std::size_t i = framework.indicator_index(columns[j]);  // throws NotFoundError
        if (column_of[i] >= 0)
            throw ValidationError("columns[" + std::to_string(j) + "]", "duplicate column '" + columns[j] + "'; expected each indicator once");
        column_of[i] = static_cast<std::ptrdiff_t>(j);
    }

    BatchEvaluation out;
    allocate(out, c, rows);
    if (units.empty())
        for (Eigen::Index r = 0; r < rows; ++r) out.units.push_back(std::to_string(r));
    else
        out.units = units;
    out.classes = classes.empty() ? std::vector<std::string>(static_cast<std::size_t>(rows)) : classes;

    std::unordered_map<std::string, LineTable> lines_by_class;
    Scratch scratch(c);
    for (Eigen::Index r = 0; r < rows; ++r) {
        const std::string& unit_class = out.classes[static_cast<std::size_t>(r)];
        auto found = lines_by_class.find(unit_class);
        if (found == lines_by_class.end()) found = lines_by_class.emplace(unit_class, lines_for_class(c, unit_class)).first;
        evaluate_unit(c, data, column_of, found->second, options, out, r, scratch);
    }
    return out;
}

}  // namespace

BatchEvaluation evaluate_many(const Framework& framework, MatrixView values, const std::vector<std::string>& columns,
                              const std::vector<std::string>& units, const std::vector<std::string>& classes,
                              const EvaluateOptions& options) {
    return run_batch(framework, values, columns, units, classes, options);
}

Evaluation unit_evaluation(const Framework& framework, const BatchEvaluation& batch, std::size_t row) {
    const CompiledFramework& c = framework.compiled();
    if (batch.framework != c.spec.id || batch.indicator_ids.size() != c.items.size())
        throw ValidationError("batch", "the batch was evaluated with framework '" + batch.framework + "', not '" + c.spec.id + "'");
    if (row >= batch.size())
        throw NotFoundError("row " + std::to_string(row) + " is outside the batch of " + std::to_string(batch.size()) + " units");
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
    for (std::size_t i = 0; i < c.items.size(); ++i) {
        const auto col = static_cast<Eigen::Index>(i);
        const CompiledIndicator& item = c.items[i];
        const Indicator& indicator = *item.indicator;
        IndicatorResult result;
        result.id = indicator.id;
        const double x = batch.values(r, col);
        if (!std::isnan(x) && e.error.empty()) result.value = x;
        result.outcome = static_cast<Outcome>(batch.outcomes(r, col));
        result.counted = e.error.empty() && (result.value || item.missing == MissingPolicy::fail);
        result.score = batch.scores(r, col);
        result.points = batch.points(r, col);
        result.max_points = batch.max_points(r, col);
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
            category.assessed += result.value.has_value();
            ++category.indicators;
        }
        category.points = category.score * category.max_points;
        e.categories.push_back(std::move(category));
    }

    Verdict verdict{e.decided_by, -1};
    if (verdict.decided_by == Decision::rule) verdict = decide(c, t);
    if (verdict.failed_rule >= 0) e.failed_rule = c.spec.pass_rules[static_cast<std::size_t>(verdict.failed_rule)];
    e.reason = e.error.empty() ? reason_text(c, t, verdict, e.basic_failed) : "invalid data: " + e.error;
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
