#include <civitas/error.hpp>
#include <civitas/framework.hpp>

#include "detail/compiled_framework.hpp"
#include "detail/number_format.hpp"

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
           a.pass == b.pass && a.pass_by_class == b.pass_by_class && a.bounds == b.bounds &&
           a.improvement == b.improvement && a.kind == b.kind && a.weight == b.weight &&
           a.scoring == b.scoring && a.mode == b.mode && a.missing == b.missing &&
           a.reliability == b.reliability && a.notes == b.notes && a.source == b.source && a.scope == b.scope &&
           a.subunit_pass == b.subunit_pass && a.met_by == b.met_by && a.trend == b.trend &&
           a.history_average == b.history_average;
}

bool operator==(const Category& a, const Category& b) noexcept {
    return a.id == b.id && a.name == b.name && a.weight == b.weight && a.aggregation == b.aggregation &&
           a.categories == b.categories && a.indicators == b.indicators && a.notes == b.notes;
}

bool operator==(const FrameworkSpec& a, const FrameworkSpec& b) noexcept {
    return a.id == b.id && a.name == b.name && a.edition == b.edition && a.issuer == b.issuer &&
           a.source == b.source && a.reliability == b.reliability && a.notes == b.notes &&
           a.scale == b.scale && a.weighting == b.weighting && a.missing == b.missing &&
           a.min_coverage == b.min_coverage && a.pass_rules == b.pass_rules && a.root == b.root;
}

// ---- validation -------------------------------------------------------------------------

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& message) {
    throw ValidationError(path, message);
}

std::string quoted(const std::string& text) { return "'" + text + "'"; }

std::string interval_text(const Interval& line) {
    if (std::isinf(line.high) && line.high > 0 && std::isfinite(line.low)) return ">= " + format_number(line.low);
    if (std::isinf(line.low) && line.low < 0 && std::isfinite(line.high)) return "<= " + format_number(line.high);
    return "[" + format_number(line.low) + ", " + format_number(line.high) + "]";
}

void check_positive(double value, const std::string& path) {
    if (!std::isfinite(value)) fail(path, format_number(value) + " is not finite; expected a positive number");
    if (value < 0) fail(path, format_number(value) + " is negative; expected a positive number");
    if (value == 0) fail(path, "0 is not positive; expected a positive number");
}

void check_id(const std::string& id, const std::string& path, std::set<std::string>& seen) {
    if (id.empty()) fail(path, "id is empty; expected a non-empty id");
    if (std::isspace(static_cast<unsigned char>(id.front())) || std::isspace(static_cast<unsigned char>(id.back())))
        fail(path, quoted(id) + " starts or ends with white space; expected an id without surrounding spaces");
    for (char c : id)
        if (static_cast<unsigned char>(c) < 0x20) fail(path, quoted(id) + " holds a control character; expected printable text");
    if (!seen.insert(id).second) fail(path, "duplicate id " + quoted(id) + "; expected ids unique across categories and indicators");
}

// A pass, improvement or full line has the shape its direction reads.
void check_line(Direction direction, const Interval& line, const std::string& path) {
    const bool low_finite = std::isfinite(line.low), high_finite = std::isfinite(line.high);
    const bool low_open = std::isinf(line.low) && line.low < 0, high_open = std::isinf(line.high) && line.high > 0;
    switch (direction) {
        case Direction::higher:
            if (!low_finite || !high_open)
                fail(path, interval_text(line) + " does not suit direction 'higher'; expected one finite number, the least passing value");
            break;
        case Direction::lower:
        case Direction::problem_count:
            if (!high_finite || !low_open)
                fail(path, interval_text(line) + " does not suit direction '" + to_string(direction) +
                               "'; expected one finite number, the greatest passing value");
            if (direction == Direction::problem_count && line.high < 0)
                fail(path, format_number(line.high) + " is negative; expected an allowed count >= 0");
            break;
        case Direction::range:
            if (!low_finite || !high_finite)
                fail(path, interval_text(line) + " does not suit direction 'range'; expected [low, high], both finite");
            if (line.low > line.high)
                fail(path, interval_text(line) + " has low > high; expected [low, high] with low <= high");
            break;
        case Direction::yes_no: fail(path, "a yes/no condition has no pass line; expected none");
    }
}

void check_inside(const std::optional<Interval>& bounds, double value, const std::string& path) {
    if (bounds && std::isfinite(value) && !bounds->contains(value))
        fail(path, format_number(value) + " lies outside the indicator's bounds " + interval_text(*bounds) +
                       "; expected a value within them");
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
        fail(path, interval_text(improvement) + " is looser than the pass line " + interval_text(pass) +
                       "; expected an improvement line at least as strict");
}

void check_scoring(const Indicator& indicator, const std::vector<Interval>& lines, const std::string& path) {
    const ScoringRule& rule = indicator.scoring;
    const Direction direction = indicator.direction;
    const std::string rule_path = path + ".scoring";
    const std::string rule_name = std::string("rule '") + to_string(rule.type) + "'";
    auto not_with = [&](const char* what) {
        fail(rule_path + ".rule", rule_name + " does not apply to direction '" + to_string(direction) + "'; expected " + what);
    };
    if (rule.type != RuleType::linear && rule.zero) fail(rule_path + ".zero", "'zero' is given but only the linear rule reads it");
    if (rule.type != RuleType::linear && rule.type != RuleType::proportional && rule.full)
        fail(rule_path + ".full", "'full' is given but only the linear and proportional rules read it");
    if (rule.type != RuleType::tiers && !rule.tiers.empty()) fail(rule_path + ".tiers", "'tiers' is given but only the tiers rule reads it");
    if (rule.type != RuleType::deduction && (rule.per_problem != 0 || rule.max_deduction))
        fail(rule_path + ".per_problem", "'per_problem' or 'max_deduction' is given but only the deduction rule reads them");

    std::vector<Interval> full_lines = lines;
    if (rule.full) {
        check_line(direction, *rule.full, rule_path + ".full");
        check_line_in_bounds(indicator.bounds, *rule.full, rule_path + ".full");
        full_lines = {*rule.full};
    }
    switch (rule.type) {
        case RuleType::pass_fail: break;
        case RuleType::yes_no:
            if (direction != Direction::yes_no) not_with("'pass_fail', 'linear', 'proportional' or 'tiers'");
            break;
        case RuleType::linear: {
            if (direction == Direction::yes_no) not_with("'yes_no' or 'pass_fail'");
            if (!rule.zero) fail(rule_path + ".zero", "the linear rule needs 'zero', the value that scores nothing");
            const Interval& zero = *rule.zero;
            for (const Interval& full : full_lines) {
                const bool below_ok = std::isinf(full.low) ? std::isinf(zero.low)
                                                           : std::isfinite(zero.low) && zero.low < full.low;
                const bool above_ok = std::isinf(full.high) ? std::isinf(zero.high)
                                                            : std::isfinite(zero.high) && zero.high > full.high;
                if (!below_ok || !above_ok)
                    fail(rule_path + ".zero", interval_text(zero) + " does not lie strictly outside the full-score line " +
                                                  interval_text(full) + "; expected a zero point on the worse side of it");
            }
            break;
        }
        case RuleType::proportional:
            if (direction == Direction::yes_no || direction == Direction::range)
                not_with("'pass_fail', 'linear' or 'tiers'");
            for (const Interval& full : full_lines) {
                const double target = direction == Direction::higher ? full.low : full.high;
                if (!(target > 0))
                    fail(rule_path, "the proportional rule needs a positive target, got " + format_number(target) +
                                        "; expected a target > 0");
            }
            break;
        case RuleType::tiers:
            if (direction == Direction::yes_no || direction == Direction::range) not_with("'pass_fail' or 'linear'");
            if (rule.tiers.empty()) fail(rule_path + ".tiers", "no tiers; expected at least one {at, score}");
            for (std::size_t k = 0; k < rule.tiers.size(); ++k) {
                const std::string tier_path = rule_path + ".tiers[" + std::to_string(k) + "]";
                if (!std::isfinite(rule.tiers[k].at)) fail(tier_path + ".at", format_number(rule.tiers[k].at) + " is not finite; expected a number");
                check_inside(indicator.bounds, rule.tiers[k].at, tier_path + ".at");
                const double score = rule.tiers[k].score;
                if (!(score >= 0 && score <= 1)) fail(tier_path + ".score", format_number(score) + " is outside [0, 1]; expected a score share in [0, 1]");
            }
            break;
        case RuleType::deduction:
            if (direction != Direction::problem_count) not_with("direction 'problem_count'");
            check_positive(rule.per_problem, rule_path + ".per_problem");
            if (rule.max_deduction) check_positive(*rule.max_deduction, rule_path + ".max_deduction");
            break;
    }
}

// The rules that need several units or the history (scope, subunit_pass, met_by, history_average).
void check_rules(const Indicator& indicator, const std::string& path) {
    const Direction direction = indicator.direction;
    if (indicator.subunit_pass) {
        if (direction == Direction::yes_no) fail(path + ".subunit_pass", "a yes/no condition has no pass line; expected none");
        if (indicator.scope == IndicatorScope::top_unit)
            fail(path + ".subunit_pass", "a top_unit item judges no sub-unit; expected no subunit_pass, or scope 'every_unit'");
        check_line(direction, *indicator.subunit_pass, path + ".subunit_pass");
        check_line_in_bounds(indicator.bounds, *indicator.subunit_pass, path + ".subunit_pass");
    }
    if (indicator.met_by == MetBy::level_or_trend) {
        if (direction == Direction::yes_no)
            fail(path + ".met_by", "a yes/no condition has no trend; expected met_by 'level' for direction 'yes_no'");
        if (indicator.history_average)
            fail(path + ".met_by", "'level_or_trend' with history_average; expected one of the two rules");
    }
    const TrendRule& t = indicator.trend;
    if (t.changes < 1) fail(path + ".trend.changes", std::to_string(t.changes) + " changes; expected 1 or more");
    if (t.last_points < 3) fail(path + ".trend.last_points", std::to_string(t.last_points) + " points; expected 3 or more");
    if (!(t.confidence > 0 && t.confidence < 1))
        fail(path + ".trend.confidence", format_number(t.confidence) + " is outside (0, 1); expected a confidence level in (0, 1)");
    if (indicator.history_average) {
        const HistoryAverageRule& h = *indicator.history_average;
        if (direction != Direction::higher && direction != Direction::lower && direction != Direction::problem_count)
            fail(path + ".history_average", std::string("direction '") + to_string(direction) +
                                                "' has no side to compare with an average; expected 'higher', 'lower' or 'problem_count'");
        if (h.years < 1) fail(path + ".history_average.years", std::to_string(h.years) + " years; expected 1 or more");
        if (h.min_years < 1 || h.min_years > h.years)
            fail(path + ".history_average.min_years",
                 std::to_string(h.min_years) + " is outside [1, " + std::to_string(h.years) + "]; expected at most `years` and at least 1");
    }
}

void check_indicator(const Indicator& indicator, const std::string& path) {
    if (indicator.bounds) {
        const Interval& b = *indicator.bounds;
        if (std::isnan(b.low) || std::isnan(b.high) || b.low > b.high)
            fail(path + ".bounds", interval_text(b) + " is not an interval; expected [low, high] with low <= high");
    }
    std::vector<Interval> lines;  // every pass line the indicator can apply
    if (indicator.direction == Direction::yes_no) {
        if (indicator.pass) fail(path + ".pass", "a yes/no condition has no pass line; expected none");
        if (!indicator.pass_by_class.empty()) fail(path + ".pass_by_class", "a yes/no condition has no pass line; expected none");
        if (indicator.improvement) fail(path + ".improvement", "a yes/no condition has no improvement line; expected none");
    } else {
        if (indicator.pass) {
            check_line(indicator.direction, *indicator.pass, path + ".pass");
            check_line_in_bounds(indicator.bounds, *indicator.pass, path + ".pass");
            lines.push_back(*indicator.pass);
        } else if (indicator.pass_by_class.empty() && indicator.direction != Direction::problem_count) {
            fail(path + ".pass", "no pass line; expected 'pass' (or 'pass_by_class') for direction '" +
                                     std::string(to_string(indicator.direction)) + "'");
        } else if (indicator.direction == Direction::problem_count && indicator.pass_by_class.empty()) {
            lines.push_back(Interval::at_most(0));
        }
        for (const auto& [unit_class, line] : indicator.pass_by_class) {
            const std::string class_path = path + ".pass_by_class." + unit_class;
            if (unit_class.empty()) fail(path + ".pass_by_class", "empty class name; expected a class name");
            check_line(indicator.direction, line, class_path);
            check_line_in_bounds(indicator.bounds, line, class_path);
            lines.push_back(line);
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
        if (spec.id.empty()) fail("$.id", "id is empty; expected a non-empty id");
        if (!std::isfinite(spec.scale) || spec.scale <= 0)
            fail("$.scale", format_number(spec.scale) + " is not a positive number; expected a scale > 0");
        if (!(spec.min_coverage >= 0 && spec.min_coverage <= 1))
            fail("$.min_coverage", format_number(spec.min_coverage) + " is outside [0, 1]; expected a share in [0, 1]");
        out_.nodes.push_back({});
        out_.nodes[0].category = &spec.root;
        out_.nodes[0].aggregation = spec.root.aggregation;
        walk(spec.root, 0, "$");
        if (out_.indicators.empty()) fail("$", "the framework has no indicators; expected at least one");
        if (spec.weighting == Weighting::points) {
            const double total = out_.nodes[0].local_weight;
            if (std::abs(total - spec.scale) > 1e-6 * spec.scale)
                fail("$", "indicator points add up to " + format_number(total) + "; expected the scale, " + format_number(spec.scale));
        }
        assign_shares(0, 1.0);
        for (std::size_t i = 0; i < out_.items.size(); ++i) {
            out_.effective_weights.push_back(out_.items[i].share);
            out_.items[i].full_points = out_.items[i].share * spec.scale;
            out_.index.emplace(out_.indicators[i]->id, i);
        }
        check_pass_rules();
    }

private:
    // Visits a category's indicators, then its subcategories (depth first); returns nothing,
    // fills node `node` with its children and, under points weighting, its points.
    void walk(const Category& category, int node, const std::string& path) {
        const bool points = out_.spec.weighting == Weighting::points;
        if (category.indicators.empty() && category.categories.empty() && node != 0)
            fail(path, "category " + quoted(category.id) + " is empty; expected indicators or subcategories");
        out_.nodes[node].first_indicator = static_cast<int>(out_.items.size());
        double sum = 0;
        for (std::size_t k = 0; k < category.indicators.size(); ++k) {
            const Indicator& indicator = category.indicators[k];
            const std::string item_path = path + ".indicators[" + std::to_string(k) + "]";
            check_id(indicator.id, item_path + ".id", seen_);
            if (indicator.weight) check_positive(*indicator.weight, item_path + ".weight");
            else if (points) fail(item_path + ".weight", "no points; expected a weight (points) for every indicator under points weighting");
            check_indicator(indicator, item_path);
            detail::CompiledIndicator item;
            item.indicator = &indicator;
            item.parent = node;
            item.local_weight = indicator.weight.value_or(1.0);
            item.missing = indicator.missing.value_or(out_.spec.missing);
            item.basic = indicator.kind == ItemKind::basic;
            item.pass = indicator.pass;
            if (!item.pass && indicator.direction == Direction::problem_count) item.pass = Interval::at_most(0);
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
            out_.nodes[child_node].aggregation = child.aggregation;
            out_.nodes[node].child_categories.push_back(child_node);
            out_.categories.push_back(&child);
            walk(child, child_node, child_path);
            sum += out_.nodes[child_node].local_weight;
        }
        out_.nodes[node].end_indicator = static_cast<int>(out_.items.size());
        if (node == 0) {
            out_.nodes[node].local_weight = points ? sum : 1.0;
        } else if (points) {
            if (category.weight && std::abs(*category.weight - sum) > 1e-9 * std::max(1.0, sum))
                fail(path + ".weight", format_number(*category.weight) + " points differ from its children's sum " +
                                           format_number(sum) + "; expected the sum or no weight");
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
                    if (!(v >= 0 && v <= 1)) fail(path, format_number(v) + " is outside [0, 1]; expected a share in [0, 1]");
                    break;
                case PassRuleType::min_count_met:
                case PassRuleType::min_count_general_met: {
                    const double most = rule.type == PassRuleType::min_count_met ? count : out_.general_count;
                    if (!(v >= 0 && v <= most))
                        fail(path, format_number(v) + " is outside [0, " + format_number(most) +
                                       "]; expected a count no larger than the indicators there are");
                    break;
                }
                case PassRuleType::min_total:
                    if (!(v >= 0 && v <= out_.spec.scale))
                        fail(path, format_number(v) + " is outside [0, " + format_number(out_.spec.scale) +
                                       "]; expected points on the framework's scale");
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
        throw NotFoundError("unknown indicator id '" + id + "' in framework '" + this->id() + "'");
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
