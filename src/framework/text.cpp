// Short plain-text views of frameworks and results, shared by C++ users, the CLI and Python's repr.

#include <civitas/framework/evaluation.hpp>
#include <civitas/framework/framework.hpp>

#include "core/detail/number_format.hpp"
#include "core/detail/quantity.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace civitas {

using detail::format_fixed;
using detail::format_number;
using detail::gap_words;
using detail::with_measure;

std::string to_string(const Framework& framework, Language language) {
    const std::string indicators = std::to_string(framework.indicators().size());
    const std::string categories = std::to_string(framework.categories().size());
    if (language == Language::zh)
        return "测评体系 '" + framework.id() + "'：" + indicators + " 个指标，" + categories + " 个类别，满分 " + format_number(framework.scale());
    return "Framework('" + framework.id() + "', " + indicators + " indicators, " + categories + " categories, scale " +
           format_number(framework.scale()) + ")";
}

namespace {

// The summary, with the framework's names, units and directions when there is one.
std::string summary(const Evaluation& e, const Framework* framework, Language language) {
    // Each line in both languages, side by side: {0}, {1}, ... are the values.
    const auto line = [language](const Message& m) { return m.text(language); };
    const bool named = framework && framework->id() == e.framework;
    const auto indicator_of = [&](const IndicatorResult& r) { return named ? &framework->indicator(r.id) : nullptr; };
    const auto label = [&](const IndicatorResult& r) {
        const Indicator* indicator = indicator_of(r);
        return indicator && !indicator->name.empty() && indicator->name != r.id ? r.id + " " + indicator->name : r.id;
    };
    std::ostringstream out;
    const Message unit = e.unit.empty() ? Message("a unit"_en, "单位"_zh) : Message("'{0}'"_en, "单位 '{0}'"_zh, {e.unit});
    const Message verdict = e.passed ? Message("PASSED"_en, "通过"_zh) : Message("NOT PASSED"_en, "未通过"_zh);
    out << line(Message("Evaluation of {0} against '{1}': {2}"_en, "{0}（测评体系 '{1}'）: {2}"_zh, {unit, e.framework, verdict})) << "\n";
    out << "  " << e.reason.text(language) << "\n";
    const Message total = e.total ? Message("{0}"_en, "{0}"_zh, {format_fixed(*e.total, 2)}) : Message("none"_en, "无"_zh);
    out << "  "
        << line(Message("total {0} / {1}; {2} of {3} indicators met, {4} assessed; coverage {5}%"_en,
                        "总分 {0} / {1}；{3} 个指标中 {2} 个达标，{4} 个有数据；数据覆盖 {5}%"_zh,
                        {total, format_number(e.scale), std::to_string(e.met), std::to_string(e.indicators.size()),
                         std::to_string(e.assessed), format_fixed(100 * e.coverage, 1)}))
        << "\n";
    const auto shortfalls = e.shortfalls();
    if (!shortfalls.empty()) {
        out << "  " << line(Message("not met ({0}):"_en, "未达标（{0}）:"_zh, {std::to_string(shortfalls.size())})) << "\n";
        for (const IndicatorResult* r : shortfalls) {
            const Indicator* indicator = indicator_of(*r);
            const std::string measure = indicator ? indicator->unit : std::string();
            const bool yes_no = indicator && indicator->direction == Direction::yes_no;
            const Message value = yes_no ? (*r->value >= 0.5 ? Message("yes"_en, "是"_zh) : Message("no"_en, "否"_zh))
                                         : Message("{0}"_en, "{0}"_zh, {with_measure(format_number(*r->value), measure)});
            const Message pass = yes_no ? Message("yes"_en, "是"_zh) : Message("{0}"_en, "{0}"_zh, {with_measure(to_string(r->pass, language), measure)});
            out << "    " << label(*r) << ": " << line(Message("{0}, pass {1}"_en, "{0}，达标线 {1}"_zh, {value, pass}));
            if (r->gap && !yes_no) out << line(Message(", gap {0}"_en, "，差距 {0}"_zh, {gap_words(format_fixed(*r->gap, 4), measure)}));
            if (r->relative_gap && !yes_no)
                out << line(Message(", relative gap {0}%"_en, "，相对差距 {0}%"_zh, {format_fixed(100 * *r->relative_gap, 1)}));
            out << line(Message(", obstacle {0}%"_en, "，障碍度 {0}%"_zh, {format_fixed(100 * r->obstacle, 1)})) << "\n";
        }
    }
    // Under `fail` a missing item counts as not met: name each, basic items first as the decision does.
    std::vector<const IndicatorResult*> missing;
    for (const IndicatorResult& r : e.indicators)
        if (!r.value && r.counted) missing.push_back(&r);
    if (!missing.empty()) {
        out << "  " << line(Message("no data, counted as not met ({0}):"_en, "无数据，按未达标计（{0}）:"_zh, {std::to_string(missing.size())}))
            << "\n";
        for (const IndicatorResult* r : missing) {
            const bool basic = std::find(e.basic_failed.begin(), e.basic_failed.end(), r->id) != e.basic_failed.end();
            out << "    " << label(*r) << (basic ? line(Message(" (basic item)"_en, "（基本项）"_zh)) : std::string()) << "\n";
        }
    }
    std::string text = out.str();
    text.pop_back();
    return text;
}

}  // namespace

std::string to_string(const Evaluation& e, Language language) { return summary(e, nullptr, language); }

std::string to_string(const Evaluation& e, const Framework& framework, Language language) { return summary(e, &framework, language); }

std::string to_string(const BatchEvaluation& batch) {
    std::size_t passed = 0, invalid = 0;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        passed += batch.passed[i];
        invalid += !batch.errors[i].empty();
    }
    std::string text = "BatchEvaluation('" + batch.framework + "', " + std::to_string(batch.size()) + " units, " +
                       std::to_string(passed) + " passed";
    if (invalid) text += ", " + std::to_string(invalid) + " invalid";
    return text + ")";
}

}  // namespace civitas
