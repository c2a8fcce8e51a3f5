#pragma once
// How one value scores: pass lines by unit class, the values an indicator accepts, and the
// scoring rules, shared by the column kernels of a batch and the unit-by-unit path.

#include <civitas/framework.hpp>

#include "detail/compiled_framework.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace civitas::detail {

// Pass lines by indicator for one unit class (nullptr: no line).
using LineTable = std::vector<const Interval*>;

inline LineTable lines_for_class(const CompiledFramework& c, const std::string& unit_class) {
    LineTable lines(c.items.size(), nullptr);
    for (std::size_t i = 0; i < c.items.size(); ++i) {
        const auto& by_class = c.indicators[i]->pass_by_class;
        const auto found = unit_class.empty() ? by_class.end() : by_class.find(unit_class);
        lines[i] = found != by_class.end() ? &found->second : (c.items[i].pass ? &*c.items[i].pass : nullptr);
    }
    return lines;
}

/// Why a value is not valid for an indicator, or "" when it is.
std::string value_problem(const Indicator& indicator, double x, bool nan_as_missing);

// Values an indicator can take at all: its bounds and its direction's domain, finite.
struct Domain {
    double low = -std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::max();
};

inline Domain domain_of(const Indicator& indicator) {
    Domain d;
    if (indicator.bounds) {
        d.low = std::max(d.low, indicator.bounds->low);
        d.high = std::min(d.high, indicator.bounds->high);
    }
    if (indicator.direction == Direction::yes_no) {
        d.low = std::max(d.low, 0.0);
        d.high = std::min(d.high, 1.0);
    }
    if (indicator.direction == Direction::problem_count) d.low = std::max(d.low, 0.0);
    return d;
}

// An indicator's scoring parameters as plain numbers, copied out of the model so that the
// compiler keeps them in registers across a column (the outputs cannot alias them).
struct RuleParams {
    double line_low, line_high;  // pass line
    double full_low, full_high;  // full-score interval (linear, proportional)
    double zero_low, zero_high;  // zero-score interval (linear)
    double per_problem, max_deduction, full_points;
    double below_scale, above_scale;  // linear: 1 / (full - zero) on each side, 0 where that side is open
    bool higher;
    const Tier* tiers;
    std::size_t tier_count;

    RuleParams(const CompiledIndicator& item, const Interval& line) {
        const ScoringRule& rule = item.indicator->scoring;
        const Interval full = rule.full ? *rule.full : line;
        const Interval zero = rule.zero ? *rule.zero : Interval{};
        line_low = line.low;
        line_high = line.high;
        full_low = full.low;
        full_high = full.high;
        zero_low = zero.low;
        zero_high = zero.high;
        per_problem = rule.per_problem;
        max_deduction = rule.max_deduction ? *rule.max_deduction : unbounded;
        full_points = item.full_points;
        below_scale = std::isfinite(full_low) ? 1.0 / (full_low - zero_low) : 0.0;
        above_scale = std::isfinite(full_high) ? 1.0 / (zero_high - full_high) : 0.0;
        higher = item.indicator->direction == Direction::higher;
        tiers = item.tiers.data();
        tier_count = item.tiers.size();
    }
};

// Score share of a valid value under rule R; the switch is resolved at compile time. Written
// without branches on the value so that column loops vectorise; `met` is 1.0 or 0.0.
template <RuleType R>
inline double rule_score(const RuleParams& p, double x, double met) {
    if constexpr (R == RuleType::pass_fail) {
        return met;
    } else if constexpr (R == RuleType::yes_no) {
        return x;
    } else if constexpr (R == RuleType::linear) {
        // The smaller of the two sides' linear ramps, capped at 1: equal to the piecewise rule
        // because each ramp is >= 1 on the full-score side of its end.
        const double below = p.below_scale != 0.0 ? (x - p.zero_low) * p.below_scale : 1.0;
        const double above = p.above_scale != 0.0 ? (p.zero_high - x) * p.above_scale : 1.0;
        return std::max(0.0, std::min(1.0, std::min(below, above)));
    } else if constexpr (R == RuleType::proportional) {
        const double s = p.higher ? x / p.full_low : (x <= p.full_high ? 1.0 : p.full_high / x);
        return std::max(0.0, std::min(1.0, s));
    } else if constexpr (R == RuleType::tiers) {
        double s = 0.0;
        for (std::size_t k = 0; k < p.tier_count; ++k) {
            const bool reached = p.higher ? x >= p.tiers[k].at : x <= p.tiers[k].at;
            s = std::max(s, reached ? p.tiers[k].score : 0.0);
        }
        return s;
    } else {
        return std::max(0.0, p.full_points - std::min(p.per_problem * x, p.max_deduction)) / p.full_points;
    }
}

// Score share in [0, 1] of a valid value, for the unit-by-unit path.
inline double score_of(const CompiledIndicator& item, double x, const Interval* line, bool met) {
    const RuleParams p(item, line ? *line : Interval{});
    switch (item.indicator->scoring.type) {
        case RuleType::pass_fail: return rule_score<RuleType::pass_fail>(p, x, met ? 1.0 : 0.0);
        case RuleType::yes_no: return rule_score<RuleType::yes_no>(p, x, met ? 1.0 : 0.0);
        case RuleType::linear: return rule_score<RuleType::linear>(p, x, met ? 1.0 : 0.0);
        case RuleType::proportional: return rule_score<RuleType::proportional>(p, x, met ? 1.0 : 0.0);
        case RuleType::tiers: return rule_score<RuleType::tiers>(p, x, met ? 1.0 : 0.0);
        case RuleType::deduction: return rule_score<RuleType::deduction>(p, x, met ? 1.0 : 0.0);
    }
    return 0.0;
}

}  // namespace civitas::detail
