#pragma once
// How one value scores: pass lines by unit class, the values an indicator accepts, and the
// scoring rules, shared by the column kernels of a batch and the unit-by-unit path.

#include <civitas/core/message.hpp>
#include <civitas/framework/framework.hpp>

#include "framework/detail/compiled_framework.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace civitas::detail {

// Pass lines by indicator for one unit class (unit_line), none where there is no line. A yes/no
// condition is scored by its value, so it has none here.
using LineTable = std::vector<std::optional<Interval>>;

inline LineTable lines_for_class(const CompiledFramework& c, const std::string& unit_class) {
    LineTable lines(c.items.size());
    for (std::size_t i = 0; i < c.items.size(); ++i)
        if (c.indicators[i]->direction != Direction::yes_no) lines[i] = unit_line(*c.indicators[i], unit_class);
    return lines;
}

/// Why a value is not valid for an indicator, or the empty message when it is.
Message value_problem(const Indicator& indicator, double x, bool nan_as_missing);

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
// compiler keeps them in registers across a column (the outputs cannot alias them), and
// arranged so that no rule needs a branch on the direction: an open side contributes +inf to
// a minimum instead of being skipped.
struct RuleParams {
    double line_low, line_high;      // pass line
    double below_from, below_scale;  // linear: (x - below_from) * below_scale + below_open ramps up to 1 at the full line
    double above_to, above_scale;    // linear: (above_to - x) * above_scale + above_open ramps down from 1
    double below_open, above_open;   // +inf for an open side (its ramp never binds), else 0
    double rise_scale, rise_open;    // proportional, higher: x * rise_scale + rise_open (rise_open = +inf for lower)
    double fall_target;              // proportional, lower: full_high / x above full_high (+inf for higher)
    double direction_sign;           // tiers: +1 when higher values reach a tier, -1 when lower ones do
    double per_problem, max_deduction, full_points;
    const Tier* tiers;
    std::size_t tier_count;

    RuleParams(const CompiledIndicator& item, const Interval& line) {
        const ScoringRule& rule = item.indicator->scoring;
        const Interval full = rule.full ? *rule.full : line;
        const Interval zero = rule.zero ? *rule.zero : Interval{};
        const bool higher = item.indicator->direction == Direction::higher;
        line_low = line.low;
        line_high = line.high;
        const bool below = std::isfinite(full.low), above = std::isfinite(full.high);
        below_from = below ? zero.low : 0.0;
        below_scale = below ? 1.0 / (full.low - zero.low) : 0.0;
        below_open = below ? 0.0 : unbounded;
        above_to = above ? zero.high : 0.0;
        above_scale = above ? 1.0 / (zero.high - full.high) : 0.0;
        above_open = above ? 0.0 : unbounded;
        rise_scale = higher ? 1.0 / full.low : 0.0;
        rise_open = higher ? 0.0 : unbounded;
        fall_target = higher ? unbounded : full.high;
        direction_sign = higher ? 1.0 : -1.0;
        per_problem = rule.per_problem;
        max_deduction = rule.max_deduction ? *rule.max_deduction : unbounded;
        full_points = item.full_points;
        tiers = item.tiers.data();
        tier_count = item.tiers.size();
    }
};

// Score share of a valid (finite) value under rule R; the switch is resolved at compile time.
// Written without branches so that column loops vectorise; `met` is 1.0 or 0.0.
template <RuleType R>
inline double rule_score(const RuleParams& p, double x, double met) {
    if constexpr (R == RuleType::pass_fail) {
        return met;
    } else if constexpr (R == RuleType::yes_no) {
        return x;
    } else if constexpr (R == RuleType::linear) {
        // The smaller of the two sides' ramps, capped at 1: equal to the piecewise rule because
        // each ramp is >= 1 on the full-score side of its end.
        const double below = (x - p.below_from) * p.below_scale + p.below_open;
        const double above = (p.above_to - x) * p.above_scale + p.above_open;
        return std::max(0.0, std::min(1.0, std::min(below, above)));
    } else if constexpr (R == RuleType::proportional) {
        const double rise = x * p.rise_scale + p.rise_open;
        const double fall = x <= p.fall_target ? 1.0 : p.fall_target / x;
        return std::max(0.0, std::min(1.0, std::min(rise, fall)));
    } else if constexpr (R == RuleType::tiers) {
        double s = 0.0;
        for (std::size_t k = 0; k < p.tier_count; ++k)  // the sign of x - at is exact
            s = std::max(s, (x - p.tiers[k].at) * p.direction_sign >= 0.0 ? p.tiers[k].score : 0.0);
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
