#include "framework/detail/decision.hpp"

#include "core/detail/number_format.hpp"

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
    return Message("the batch was evaluated with framework '{0}', not '{1}'"_en, "该批次是按测评体系 '{0}' 测评的，而不是 '{1}'"_zh,
                   {batch_framework, framework});
}

Message reason(const CompiledFramework& c, const Tally& t, const Verdict& v, const std::vector<std::string>& basic_failed) {
    const FrameworkSpec& spec = c.spec;
    const auto count = [](int n) { return std::to_string(n); };
    const auto share = [](int part, int whole) { return percent(whole ? double(part) / whole : 0); };
    switch (v.decided_by) {
        case Decision::invalid: return Message("invalid data"_en, "数据无效"_zh);
        case Decision::coverage:
            if (t.counted == 0) return Message("no score: no indicator has data"_en, "无得分: 没有指标有数据"_zh);
            return Message("no score: data cover {0} of the weight, below the minimum {1}"_en, "无得分: 有数据的指标占权重 {0}，低于最低要求 {1}"_zh,
                           {percent(t.coverage), percent(spec.min_coverage)});
        case Decision::veto: {
            std::string list;
            for (const std::string& id : basic_failed) list += (list.empty() ? "" : ", ") + id;
            return Message("failed: basic items not met: {0}"_en, "未通过: 基本指标未达标: {0}"_zh, {list});
        }
        case Decision::rule: {
            if (v.failed_rule < 0)
                return Message("failed: {0} of {1} indicators met; every one must be"_en, "未通过: {1} 个指标中 {0} 个达标；应全部达标"_zh,
                               {count(t.met), count(t.counted)});
            const PassRule& rule = spec.pass_rules[static_cast<std::size_t>(v.failed_rule)];
            const std::string name = to_string(rule.type);
            switch (rule.type) {
                case PassRuleType::min_share_met:
                    return Message("failed: {0} of {1} indicators met ({2}), below {3} ({4})"_en, "未通过: {1} 个指标中 {0} 个达标（{2}），低于 {3}（{4}）"_zh,
                                   {count(t.met), count(t.counted), share(t.met, t.counted), percent(rule.value), name});
                case PassRuleType::min_count_met:
                    return Message("failed: {0} indicators met, below {1} ({2})"_en, "未通过: {0} 个指标达标，低于 {1} 个（{2}）"_zh,
                                   {count(t.met), format_number(rule.value), name});
                case PassRuleType::min_share_general_met:
                    return Message("failed: {0} of {1} general items met ({2}), below {3} ({4})"_en,
                                   "未通过: {1} 个一般指标中 {0} 个达标（{2}），低于 {3}（{4}）"_zh,
                                   {count(t.general_met), count(t.general_counted), share(t.general_met, t.general_counted),
                                    percent(rule.value), name});
                case PassRuleType::min_count_general_met:
                    return Message("failed: {0} general items met, below {1} ({2})"_en, "未通过: {0} 个一般指标达标，低于 {1} 个（{2}）"_zh,
                                   {count(t.general_met), format_number(rule.value), name});
                case PassRuleType::min_total:
                    return Message("failed: total {0} below {1} ({2})"_en, "未通过: 总分 {0}，低于 {1}（{2}）"_zh,
                                   {format_fixed(t.total, 2), format_number(rule.value), name});
                case PassRuleType::all_basic_met: break;
            }
            return Message("failed ({0})"_en, "未通过（{0}）"_zh, {name});
        }
        case Decision::passed: break;
    }
    if (spec.pass_rules.empty())
        return Message("passed: all {0} counted indicators met"_en, "通过: 计入的 {0} 个指标全部达标"_zh, {count(t.counted)});
    return Message("passed: all {0} pass rules hold"_en, "通过: {0} 条通过规则全部满足"_zh, {std::to_string(spec.pass_rules.size())});
}

}  // namespace civitas::detail
