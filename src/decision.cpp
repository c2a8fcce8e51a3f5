#include "detail/decision.hpp"

#include "detail/number_format.hpp"

#include <cmath>

namespace civitas::detail {

namespace {

std::string percent(double share) { return format_fixed(100.0 * share, 1) + "%"; }

}  // namespace

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

Message other_framework(const std::string& batch_framework, const std::string& framework) {
    return Message("the batch was evaluated with framework '{0}', not '{1}'", "该批次是按测评体系 '{0}' 测评的，而不是 '{1}'",
                   {batch_framework, framework});
}

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

}  // namespace civitas::detail
