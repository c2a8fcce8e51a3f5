#include <civitas/core/error.hpp>
#include <civitas/core/limits.hpp>
#include <civitas/framework/framework.hpp>

#include "core/detail/number_format.hpp"
#include "core/detail/utf8.hpp"
#include "framework/detail/compiled_framework.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace civitas {

using detail::format_number;

// ---- equality and factories -------------------------------------------------------------

ScoringRule ScoringRule::linear(Interval zero, std::optional<Interval> full) {
    ScoringRule rule;
    rule.type = RuleType::linear;
    rule.zero = zero;
    rule.full = full;
    return rule;
}

ScoringRule ScoringRule::deduction(double per_problem, std::optional<double> max_deduction) {
    ScoringRule rule;
    rule.type = RuleType::deduction;
    rule.per_problem = per_problem;
    rule.max_deduction = max_deduction;
    return rule;
}

bool operator==(const ScoringRule& a, const ScoringRule& b) noexcept {
    return a.type == b.type && a.zero == b.zero && a.full == b.full && a.tiers == b.tiers &&
           a.per_problem == b.per_problem && a.max_deduction == b.max_deduction;
}

bool operator==(const Indicator& a, const Indicator& b) noexcept {
    return a.id == b.id && a.name == b.name && a.unit == b.unit && a.direction == b.direction &&
           a.pass == b.pass && a.pass_by_class == b.pass_by_class && a.classes_without_line == b.classes_without_line && a.bounds == b.bounds &&
           a.improvement == b.improvement && a.kind == b.kind && a.weight == b.weight &&
           a.scoring == b.scoring && a.mode == b.mode && a.missing == b.missing &&
           a.reliability == b.reliability && a.notes == b.notes && a.source == b.source && a.scope == b.scope &&
           a.subunit_pass == b.subunit_pass && a.met_by == b.met_by && a.trend == b.trend &&
           a.history_average == b.history_average;
}

std::optional<Interval> unit_line(const Indicator& indicator, const std::string& unit_class, bool sub_unit) {
    if (sub_unit && indicator.subunit_pass) return indicator.subunit_pass;
    if (indicator.classes_without_line.count(unit_class) != 0) return std::nullopt;  // the source gives no line: none is guessed
    if (const auto found = indicator.pass_by_class.find(unit_class); found != indicator.pass_by_class.end()) return found->second;
    if (indicator.pass) return indicator.pass;
    if (indicator.direction == Direction::problem_count) return Interval::at_most(0);
    if (indicator.direction == Direction::yes_no) return Interval{1, 1};
    return std::nullopt;
}

bool operator==(const Category& a, const Category& b) noexcept {
    return a.id == b.id && a.name == b.name && a.weight == b.weight && a.aggregation == b.aggregation &&
           a.categories == b.categories && a.indicators == b.indicators && a.notes == b.notes;
}

bool operator==(const FrameworkSpec& a, const FrameworkSpec& b) noexcept {
    return a.id == b.id && a.name == b.name && a.edition == b.edition && a.issuer == b.issuer &&
           a.source == b.source && a.reliability == b.reliability && a.notes == b.notes &&
           a.scale == b.scale && a.weighting == b.weighting && a.missing == b.missing &&
           a.min_coverage == b.min_coverage && a.pass_rules == b.pass_rules && a.round_scheme == b.round_scheme && a.root == b.root;
}

// ---- validation -------------------------------------------------------------------------

namespace {

[[noreturn]] void fail(const std::string& path, Message message) { throw ValidationError(path, std::move(message)); }

// "a yes/no condition has no pass line; expected none", said of pass, pass_by_class and subunit_pass.
Message no_pass_line() { return Message("a yes/no condition has no pass line; expected none"_en, "是否类条件没有达标线；不应给出"_zh); }

// "0.5 is outside [0, 1]; expected a share in [0, 1]".
Message share_outside(double value) {
    return Message("{0} is outside [0, 1]; expected a share in [0, 1]"_en, "{0} 超出 [0, 1]；应为 [0, 1] 内的比例"_zh, {format_number(value)});
}

void check_positive(double value, const std::string& path) {
    if (!std::isfinite(value)) fail(path, Message("{0} is not finite; expected a positive number"_en, "{0} 不是有限数；应为正数"_zh, {format_number(value)}));
    if (value < 0) fail(path, Message("{0} is negative; expected a positive number"_en, "{0} 为负数；应为正数"_zh, {format_number(value)}));
    if (value == 0) fail(path, Message("0 is not positive; expected a positive number"_en, "0 不是正数；应为正数"_zh));
}

void check_id(const std::string& id, const std::string& path, std::set<std::string>& seen) {
    if (id.empty()) fail(path, Message("id is empty; expected a non-empty id"_en, "id 为空；应为非空的 id"_zh));
    // ASCII white space only: std::isspace follows the host's locale, and under a Latin-1 one
    // takes the last byte of a character such as "丠" (E4 B8 A0) for a no-break space.
    const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    if (space(id.front()) || space(id.back()))
        fail(path, Message("'{0}' starts or ends with white space; expected an id without surrounding spaces"_en,
                           "'{0}' 首尾有空白字符；应为首尾不含空格的 id"_zh, {id}));
    for (char c : id)
        if (static_cast<unsigned char>(c) < 0x20)
            fail(path, Message("'{0}' holds a control character; expected printable text"_en, "'{0}' 含有控制字符；应为可打印的文本"_zh, {id}));
    if (!seen.insert(id).second)
        fail(path, Message("duplicate id '{0}'; expected ids unique across categories and indicators"_en,
                           "id '{0}' 重复；类别和指标的 id 应互不相同"_zh, {id}));
}

// A pass, improvement or full line has the shape its direction reads.
void check_line(Direction direction, const Interval& line, const std::string& path) {
    const bool low_finite = std::isfinite(line.low), high_finite = std::isfinite(line.high);
    const bool low_open = std::isinf(line.low) && line.low < 0, high_open = std::isinf(line.high) && line.high > 0;
    switch (direction) {
        case Direction::higher:
            if (!low_finite || !high_open)
                fail(path, Message("{0} does not suit direction 'higher'; expected one finite number, the least passing value"_en,
                                   "{0} 不适用于方向 'higher'；应为一个有限数，即达标的最小值"_zh, {to_string(line)}));
            break;
        case Direction::lower:
        case Direction::problem_count:
            if (!high_finite || !low_open)
                fail(path, Message("{0} does not suit direction '{1}'; expected one finite number, the greatest passing value"_en,
                                   "{0} 不适用于方向 '{1}'；应为一个有限数，即达标的最大值"_zh, {to_string(line), to_string(direction)}));
            if (direction == Direction::problem_count && line.high < 0)
                fail(path, Message("{0} is negative; expected an allowed count >= 0"_en, "{0} 为负数；应为 >= 0 的允许个数"_zh,
                                   {format_number(line.high)}));
            break;
        case Direction::range:
            if (!low_finite || !high_finite)
                fail(path, Message("{0} does not suit direction 'range'; expected [low, high], both finite"_en,
                                   "{0} 不适用于方向 'range'；应为 [low, high]，两端均为有限数"_zh, {to_string(line)}));
            if (line.low > line.high)
                fail(path, Message("{0} has low > high; expected [low, high] with low <= high"_en,
                                   "{0} 的下限大于上限；应为 low <= high 的 [low, high]"_zh, {to_string(line)}));
            break;
        case Direction::yes_no: fail(path, no_pass_line());
    }
}

void check_inside(const std::optional<Interval>& bounds, double value, const std::string& path) {
    if (bounds && std::isfinite(value) && !bounds->contains(value))
        fail(path, Message("{0} lies outside the indicator's bounds {1}; expected a value within them"_en,
                           "{0} 超出指标的取值范围 {1}；应在该范围内"_zh, {format_number(value), to_string(*bounds)}));
}

void check_line_in_bounds(const std::optional<Interval>& bounds, const Interval& line, const std::string& path) {
    check_inside(bounds, line.low, path);
    check_inside(bounds, line.high, path);
}

// The improvement line is at least as strict as the pass line.
void check_improvement(Direction direction, const Interval& pass, const Interval& improvement, const std::string& path) {
    const bool stricter = direction == Direction::higher ? improvement.low >= pass.low
                          : direction == Direction::range ? improvement.low >= pass.low && improvement.high <= pass.high
                                                          : improvement.high <= pass.high;
    if (!stricter)
        fail(path, Message("{0} is looser than the pass line {1}; expected an improvement line at least as strict"_en,
                           "{0} 比达标线 {1} 宽松；改进线应至少与达标线同样严格"_zh, {to_string(improvement), to_string(pass)}));
}

void check_scoring(const Indicator& indicator, const std::vector<Interval>& lines, const std::string& path) {
    const ScoringRule& rule = indicator.scoring;
    const Direction direction = indicator.direction;
    const std::string rule_path = path + ".scoring";
    // `what`: the rules or the direction that would suit, a phrase ("'pass_fail' or 'linear'").
    auto not_with = [&](Message what) {
        fail(rule_path + ".rule", Message("rule '{0}' does not apply to direction '{1}'; expected {2}"_en, "规则 '{0}' 不适用于方向 '{1}'；应为 {2}"_zh,
                                          {to_string(rule.type), to_string(direction), std::move(what)}));
    };
    if (rule.type != RuleType::linear && rule.zero)
        fail(rule_path + ".zero", Message("'zero' is given but only the linear rule reads it"_en, "给出了 'zero'，但只有 linear 规则读取该项"_zh));
    if (rule.type != RuleType::linear && rule.type != RuleType::proportional && rule.full)
        fail(rule_path + ".full", Message("'full' is given but only the linear and proportional rules read it"_en,
                                          "给出了 'full'，但只有 linear 和 proportional 规则读取该项"_zh));
    if (rule.type != RuleType::tiers && !rule.tiers.empty())
        fail(rule_path + ".tiers", Message("'tiers' is given but only the tiers rule reads it"_en, "给出了 'tiers'，但只有 tiers 规则读取该项"_zh));
    if (rule.type != RuleType::deduction && (rule.per_problem != 0 || rule.max_deduction))
        fail(rule_path + ".per_problem", Message("'per_problem' or 'max_deduction' is given but only the deduction rule reads them"_en,
                                                 "给出了 'per_problem' 或 'max_deduction'，但只有 deduction 规则读取这两项"_zh));

    std::vector<Interval> full_lines = lines;
    if (rule.full) {
        check_line(direction, *rule.full, rule_path + ".full");
        check_line_in_bounds(indicator.bounds, *rule.full, rule_path + ".full");
        full_lines = {*rule.full};
    }
    switch (rule.type) {
        case RuleType::pass_fail: break;
        case RuleType::yes_no:
            if (direction != Direction::yes_no)
                not_with(Message("'pass_fail', 'linear', 'proportional' or 'tiers'"_en, "'pass_fail'、'linear'、'proportional' 或 'tiers'"_zh));
            break;
        case RuleType::linear: {
            if (direction == Direction::yes_no) not_with(Message("'yes_no' or 'pass_fail'"_en, "'yes_no' 或 'pass_fail'"_zh));
            if (!rule.zero)
                fail(rule_path + ".zero", Message("the linear rule needs 'zero', the value that scores nothing"_en, "linear 规则需要 'zero'，即得零分的值"_zh));
            const Interval& zero = *rule.zero;
            for (const Interval& full : full_lines) {
                const bool below_ok = std::isinf(full.low) ? std::isinf(zero.low)
                                                           : std::isfinite(zero.low) && zero.low < full.low;
                const bool above_ok = std::isinf(full.high) ? std::isinf(zero.high)
                                                            : std::isfinite(zero.high) && zero.high > full.high;
                if (!below_ok || !above_ok)
                    fail(rule_path + ".zero",
                         Message("{0} does not lie strictly outside the full-score line {1}; expected a zero point on the worse side of it"_en,
                                 "{0} 未严格位于满分线 {1} 之外；零分点应在满分线较差的一侧"_zh, {to_string(zero), to_string(full)}));
            }
            break;
        }
        case RuleType::proportional:
            if (direction == Direction::yes_no || direction == Direction::range)
                not_with(Message("'pass_fail', 'linear' or 'tiers'"_en, "'pass_fail'、'linear' 或 'tiers'"_zh));
            for (const Interval& full : full_lines) {
                const double target = direction == Direction::higher ? full.low : full.high;
                if (!(target > 0))
                    fail(rule_path, Message("the proportional rule needs a positive target, got {0}; expected a target > 0"_en,
                                            "proportional 规则需要正的目标值，实际为 {0}；目标值应 > 0"_zh, {format_number(target)}));
            }
            break;
        case RuleType::tiers:
            if (direction == Direction::yes_no || direction == Direction::range) not_with(Message("'pass_fail' or 'linear'"_en, "'pass_fail' 或 'linear'"_zh));
            if (rule.tiers.empty()) fail(rule_path + ".tiers", Message("no tiers; expected at least one {at, score}"_en, "没有分档；应至少有一档 {at, score}"_zh));
            for (std::size_t k = 0; k < rule.tiers.size(); ++k) {
                const std::string tier_path = rule_path + ".tiers[" + std::to_string(k) + "]";
                if (!std::isfinite(rule.tiers[k].at))
                    fail(tier_path + ".at", Message("{0} is not finite; expected a number"_en, "{0} 不是有限数；应为数字"_zh, {format_number(rule.tiers[k].at)}));
                check_inside(indicator.bounds, rule.tiers[k].at, tier_path + ".at");
                const double score = rule.tiers[k].score;
                if (!(score >= 0 && score <= 1))
                    fail(tier_path + ".score", Message("{0} is outside [0, 1]; expected a score share in [0, 1]"_en,
                                                       "{0} 超出 [0, 1]；应为 [0, 1] 内的得分比例"_zh, {format_number(score)}));
            }
            break;
        case RuleType::deduction:
            if (direction != Direction::problem_count) not_with(Message("direction 'problem_count'"_en, "方向 'problem_count'"_zh));
            check_positive(rule.per_problem, rule_path + ".per_problem");
            if (rule.max_deduction) check_positive(*rule.max_deduction, rule_path + ".max_deduction");
            break;
    }
}

// The rules that need several units or the history (scope, subunit_pass, met_by, history_average).
void check_rules(const Indicator& indicator, const std::string& path) {
    const Direction direction = indicator.direction;
    if (indicator.subunit_pass) {
        if (direction == Direction::yes_no) fail(path + ".subunit_pass", no_pass_line());
        if (indicator.scope == IndicatorScope::top_unit)
            fail(path + ".subunit_pass", Message("a top_unit item judges no sub-unit; expected no subunit_pass, or scope 'every_unit'"_en,
                                                 "top_unit 指标不评判下级单位；不应给出 subunit_pass，或应将 scope 设为 'every_unit'"_zh));
        check_line(direction, *indicator.subunit_pass, path + ".subunit_pass");
        check_line_in_bounds(indicator.bounds, *indicator.subunit_pass, path + ".subunit_pass");
    }
    if (indicator.met_by == MetBy::level_or_trend) {
        if (direction == Direction::yes_no)
            fail(path + ".met_by", Message("a yes/no condition has no trend; expected met_by 'level' for direction 'yes_no'"_en,
                                           "是否类条件没有趋势；方向 'yes_no' 的 met_by 应为 'level'"_zh));
        if (indicator.history_average)
            fail(path + ".met_by", Message("'level_or_trend' with history_average; expected one of the two rules"_en,
                                           "'level_or_trend' 与 history_average 同时给出；两种规则只应选用其一"_zh));
    }
    const TrendRule& t = indicator.trend;
    if (t.changes < 1)
        fail(path + ".trend.changes", Message("{0} changes; expected 1 or more"_en, "{0} 次变化；应为 1 次或以上"_zh, {std::to_string(t.changes)}));
    if (t.last_points < 3)
        fail(path + ".trend.last_points", Message("{0} points; expected 3 or more"_en, "{0} 个点；应为 3 个或以上"_zh, {std::to_string(t.last_points)}));
    if (!(t.confidence > 0 && t.confidence < 1))
        fail(path + ".trend.confidence", Message("{0} is outside (0, 1); expected a confidence level in (0, 1)"_en,
                                                 "{0} 超出 (0, 1)；应为 (0, 1) 内的置信水平"_zh, {format_number(t.confidence)}));
    if (indicator.history_average) {
        const HistoryAverageRule& h = *indicator.history_average;
        if (direction != Direction::higher && direction != Direction::lower && direction != Direction::problem_count)
            fail(path + ".history_average",
                 Message("direction '{0}' has no side to compare with an average; expected 'higher', 'lower' or 'problem_count'"_en,
                         "方向 '{0}' 无法与平均值比较优劣；应为 'higher'、'lower' 或 'problem_count'"_zh, {to_string(direction)}));
        if (h.years < 1)
            fail(path + ".history_average.years", Message("{0} years; expected 1 or more"_en, "{0} 年；应为 1 年或以上"_zh, {std::to_string(h.years)}));
        if (h.min_years < 1 || h.min_years > h.years)
            fail(path + ".history_average.min_years",
                 Message("{0} is outside [1, {1}]; expected at most `years` and at least 1"_en, "{0} 超出 [1, {1}]；应不小于 1 且不大于 `years`"_zh,
                         {std::to_string(h.min_years), std::to_string(h.years)}));
    }
}

void check_indicator(const Indicator& indicator, const std::string& path) {
    if (indicator.bounds) {
        const Interval& b = *indicator.bounds;
        if (std::isnan(b.low) || std::isnan(b.high) || b.low > b.high)
            fail(path + ".bounds", Message("{0} is not an interval; expected [low, high] with low <= high"_en,
                                           "{0} 不是区间；应为 low <= high 的 [low, high]"_zh, {to_string(b)}));
    }
    std::vector<Interval> lines;  // every pass line the indicator can apply
    if (indicator.direction == Direction::yes_no) {
        if (indicator.pass) fail(path + ".pass", no_pass_line());
        if (!indicator.pass_by_class.empty() || !indicator.classes_without_line.empty()) fail(path + ".pass_by_class", no_pass_line());
        if (indicator.improvement)
            fail(path + ".improvement", Message("a yes/no condition has no improvement line; expected none"_en, "是否类条件没有改进线；不应给出"_zh));
    } else {
        if (indicator.pass) {
            check_line(indicator.direction, *indicator.pass, path + ".pass");
            check_line_in_bounds(indicator.bounds, *indicator.pass, path + ".pass");
            lines.push_back(*indicator.pass);
        } else if (indicator.pass_by_class.empty() && indicator.direction != Direction::problem_count) {
            fail(path + ".pass", Message("no pass line; expected 'pass' (or 'pass_by_class') for direction '{0}'"_en,
                                         "缺少达标线；方向 '{0}' 应给出 'pass'（或 'pass_by_class'）"_zh, {to_string(indicator.direction)}));
        } else if (indicator.direction == Direction::problem_count && indicator.pass_by_class.empty()) {
            lines.push_back(Interval::at_most(0));
        }
        for (const auto& [unit_class, line] : indicator.pass_by_class) {
            const std::string class_path = path + ".pass_by_class." + unit_class;
            if (unit_class.empty()) fail(path + ".pass_by_class", Message("empty class name; expected a class name"_en, "单位类别名称为空；应为类别名称"_zh));
            check_line(indicator.direction, line, class_path);
            check_line_in_bounds(indicator.bounds, line, class_path);
            lines.push_back(line);
        }
        for (const std::string& unit_class : indicator.classes_without_line) {
            if (unit_class.empty()) fail(path + ".pass_by_class", Message("empty class name; expected a class name"_en, "单位类别名称为空；应为类别名称"_zh));
            if (indicator.pass_by_class.count(unit_class) != 0)
                fail(path + ".pass_by_class." + unit_class,
                     Message("class '{0}' has a line and is also marked as having none; expected one or the other"_en,
                             "类别 '{0}' 既有达标线又被标为没有达标线；应只取其一"_zh, {unit_class}));
        }
        if (indicator.improvement) {
            check_line(indicator.direction, *indicator.improvement, path + ".improvement");
            check_line_in_bounds(indicator.bounds, *indicator.improvement, path + ".improvement");
            for (const Interval& line : lines) check_improvement(indicator.direction, line, *indicator.improvement, path + ".improvement");
        }
    }
    check_scoring(indicator, lines, path);
    check_rules(indicator, path);
}

// ---- compilation ------------------------------------------------------------------------

class Compiler {
public:
    explicit Compiler(detail::CompiledFramework& out) : out_(out) {}

    void run() {
        const FrameworkSpec& spec = out_.spec;
        if (spec.id.empty()) fail("$.id", Message("id is empty; expected a non-empty id"_en, "id 为空；应为非空的 id"_zh));
        if (!std::isfinite(spec.scale) || spec.scale <= 0)
            fail("$.scale", Message("{0} is not a positive number; expected a scale > 0"_en, "{0} 不是正数；满分值应 > 0"_zh, {format_number(spec.scale)}));
        if (!(spec.min_coverage >= 0 && spec.min_coverage <= 1))
            fail("$.min_coverage", share_outside(spec.min_coverage));
        out_.nodes.push_back({});
        out_.nodes[0].category = &spec.root;
        out_.nodes[0].aggregation = spec.root.aggregation;
        walk(spec.root, 0, "$");
        if (out_.indicators.empty()) fail("$", Message("the framework has no indicators; expected at least one"_en, "测评体系没有指标；应至少有一个"_zh));
        if (spec.weighting == Weighting::points) {
            const double total = out_.nodes[0].local_weight;
            if (std::abs(total - spec.scale) > 1e-6 * spec.scale)
                fail("$", Message("indicator points add up to {0}; expected the scale, {1}"_en, "指标分值合计为 {0}；应等于满分值 {1}"_zh,
                                  {format_number(total), format_number(spec.scale)}));
        }
        assign_shares(0, 1.0);
        for (std::size_t i = 0; i < out_.items.size(); ++i) {
            out_.effective_weights.push_back(out_.items[i].share);
            out_.items[i].full_points = out_.items[i].share * spec.scale;
            out_.index.emplace(out_.indicators[i]->id, i);
        }
        check_pass_rules();
        if (spec.round_scheme) civitas::validate(*spec.round_scheme, "$.round_scheme");
    }

private:
    // Visits a category's indicators, then its subcategories (depth first); returns nothing,
    // fills node `node` with its children and, under points weighting, its points.
    void walk(const Category& category, int node, const std::string& path) {
        const bool points = out_.spec.weighting == Weighting::points;
        if (category.indicators.empty() && category.categories.empty() && node != 0)
            fail(path, Message("category '{0}' is empty; expected indicators or subcategories"_en, "类别 '{0}' 为空；应包含指标或子类别"_zh, {category.id}));
        out_.nodes[node].first_indicator = static_cast<int>(out_.items.size());
        double sum = 0;
        for (std::size_t k = 0; k < category.indicators.size(); ++k) {
            const Indicator& indicator = category.indicators[k];
            const std::string item_path = path + ".indicators[" + std::to_string(k) + "]";
            check_id(indicator.id, item_path + ".id", seen_);
            if (indicator.weight) check_positive(*indicator.weight, item_path + ".weight");
            else if (points)
                fail(item_path + ".weight", Message("no points; expected a weight (points) for every indicator under points weighting"_en,
                                                    "没有分值；按分值赋权时每个指标都应给出权重（分值）"_zh));
            check_indicator(indicator, item_path);
            detail::CompiledIndicator item;
            item.indicator = &indicator;
            item.parent = node;
            item.local_weight = indicator.weight.value_or(1.0);
            item.missing = indicator.missing.value_or(out_.spec.missing);
            item.basic = indicator.kind == ItemKind::basic;
            item.tiers = indicator.scoring.tiers;
            std::stable_sort(item.tiers.begin(), item.tiers.end(), [](const Tier& a, const Tier& b) { return a.at < b.at; });
            if (!item.basic) ++out_.general_count;
            sum += item.local_weight;
            out_.nodes[node].child_indicators.push_back(static_cast<int>(out_.items.size()));
            out_.items.push_back(std::move(item));
            out_.indicators.push_back(&indicator);
            out_.indicator_paths.push_back(item_path);
        }
        for (std::size_t k = 0; k < category.categories.size(); ++k) {
            const Category& child = category.categories[k];
            const std::string child_path = path + ".categories[" + std::to_string(k) + "]";
            check_id(child.id, child_path + ".id", seen_);
            if (child.weight) check_positive(*child.weight, child_path + ".weight");
            const int child_node = static_cast<int>(out_.nodes.size());
            out_.nodes.push_back({});
            out_.nodes[child_node].category = &child;
            out_.nodes[child_node].parent = node;
            out_.nodes[child_node].depth = out_.nodes[node].depth + 1;
            if (static_cast<std::size_t>(out_.nodes[child_node].depth) > max_depth)
                fail(child_path, Message("categories nested {0} deep; expected at most {1}"_en, "类别嵌套 {0} 层；应不超过 {1} 层"_zh,
                                         {std::to_string(out_.nodes[child_node].depth), std::to_string(max_depth)}));
            out_.nodes[child_node].aggregation = child.aggregation;
            out_.nodes[node].child_categories.push_back(child_node);
            out_.categories.push_back(&child);
            walk(child, child_node, child_path);
            sum += out_.nodes[child_node].local_weight;
        }
        out_.nodes[node].end_indicator = static_cast<int>(out_.items.size());
        if (!std::isfinite(sum))
            fail(path, Message("the weights under '{0}' add up to more than the largest number; expected weights with a finite total"_en,
                               "'{0}' 之下的权重合计超出数值上限；权重合计应为有限数"_zh, {category.id.empty() ? out_.spec.id : category.id}));
        if (node == 0) {
            out_.nodes[node].local_weight = points ? sum : 1.0;
        } else if (points) {
            if (category.weight && std::abs(*category.weight - sum) > 1e-9 * std::max(1.0, sum))
                fail(path + ".weight", Message("{0} points differ from its children's sum {1}; expected the sum or no weight"_en,
                                               "{0} 分与其下级合计 {1} 不符；应等于该合计，或不给出权重"_zh,
                                               {format_number(*category.weight), format_number(sum)}));
            out_.nodes[node].local_weight = sum;
        } else {
            out_.nodes[node].local_weight = category.weight.value_or(1.0);
        }
    }

    void assign_shares(int node, double share) {
        detail::CompiledCategory& category = out_.nodes[node];
        category.share = share;
        double sum = 0;
        for (int i : category.child_indicators) sum += out_.items[i].local_weight;
        for (int c : category.child_categories) sum += out_.nodes[c].local_weight;
        for (int i : category.child_indicators) out_.items[i].share = share * out_.items[i].local_weight / sum;
        for (int c : category.child_categories) assign_shares(c, share * out_.nodes[c].local_weight / sum);
    }

    void check_pass_rules() {
        const auto count = static_cast<double>(out_.items.size());
        for (std::size_t k = 0; k < out_.spec.pass_rules.size(); ++k) {
            const PassRule& rule = out_.spec.pass_rules[k];
            const std::string path = "$.pass_rules[" + std::to_string(k) + "].value";
            const double v = rule.value;
            switch (rule.type) {
                case PassRuleType::all_basic_met: break;
                case PassRuleType::min_share_met:
                case PassRuleType::min_share_general_met:
                    if (!(v >= 0 && v <= 1)) fail(path, share_outside(v));
                    break;
                case PassRuleType::min_count_met:
                case PassRuleType::min_count_general_met: {
                    const double most = rule.type == PassRuleType::min_count_met ? count : out_.general_count;
                    if (!(v >= 0 && v <= most))
                        fail(path, Message("{0} is outside [0, {1}]; expected a count no larger than the indicators there are"_en,
                                           "{0} 超出 [0, {1}]；应为不超过指标总数的个数"_zh, {format_number(v), format_number(most)}));
                    break;
                }
                case PassRuleType::min_total:
                    if (!(v >= 0 && v <= out_.spec.scale))
                        fail(path, Message("{0} is outside [0, {1}]; expected points on the framework's scale"_en,
                                           "{0} 超出 [0, {1}]；应为测评体系满分以内的分值"_zh, {format_number(v), format_number(out_.spec.scale)}));
                    break;
            }
        }
    }

    detail::CompiledFramework& out_;
    std::set<std::string> seen_;
};

}  // namespace

// ---- Framework --------------------------------------------------------------------------

Framework::Framework(FrameworkSpec spec) {
    // The root stands for the framework itself: its own id, name, weight and notes are not kept.
    spec.root.id = spec.id;
    spec.root.name = spec.name;
    spec.root.weight.reset();
    spec.root.notes.clear();
    for (PassRule& rule : spec.pass_rules)
        if (rule.type == PassRuleType::all_basic_met) rule.value = 0;
    auto compiled = std::make_shared<detail::CompiledFramework>(std::move(spec));
    Compiler(*compiled).run();
    compiled_ = std::move(compiled);
}

const FrameworkSpec& Framework::spec() const noexcept { return compiled_->spec; }
const std::vector<const Indicator*>& Framework::indicators() const noexcept { return compiled_->indicators; }
const std::vector<const Category*>& Framework::categories() const noexcept { return compiled_->categories; }
const std::vector<double>& Framework::effective_weights() const noexcept { return compiled_->effective_weights; }

std::vector<std::string> Framework::indicator_ids() const {
    std::vector<std::string> ids;
    ids.reserve(compiled_->indicators.size());
    for (const Indicator* indicator : compiled_->indicators) ids.push_back(indicator->id);
    return ids;
}

std::size_t Framework::indicator_index(const std::string& id) const {
    const auto found = compiled_->index.find(id);
    if (found == compiled_->index.end())
        throw NotFoundError(Message("unknown indicator id '{0}' in framework '{1}'"_en, "测评体系 '{1}' 中没有指标 id '{0}'"_zh, {detail::quote(id), this->id()}));
    return found->second;
}

const Indicator& Framework::indicator(const std::string& id) const { return *compiled_->indicators[indicator_index(id)]; }

const std::string& Framework::indicator_path(std::size_t index) const { return compiled_->indicator_paths.at(index); }

std::vector<std::string> Framework::indicator_categories(std::size_t index) const {
    std::vector<std::string> ids;
    for (int node = compiled_->items.at(index).parent; node > 0; node = compiled_->nodes[node].parent)
        ids.push_back(compiled_->nodes[node].category->id);
    std::reverse(ids.begin(), ids.end());
    return ids;
}

}  // namespace civitas
