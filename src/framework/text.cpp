// Short plain-text views of frameworks and results, shared by C++ users, the CLI and Python's repr.

#include <civitas/framework/evaluation.hpp>
#include <civitas/framework/framework.hpp>

#include "core/detail/number_format.hpp"

#include <cmath>
#include <sstream>

namespace civitas {

using detail::format_fixed;
using detail::format_number;

std::string to_string(const Framework& framework, Language language) {
    const std::string indicators = std::to_string(framework.indicators().size());
    const std::string categories = std::to_string(framework.categories().size());
    if (language == Language::zh)
        return "测评体系 '" + framework.id() + "'：" + indicators + " 个指标，" + categories + " 个类别，满分 " + format_number(framework.scale());
    return "Framework('" + framework.id() + "', " + indicators + " indicators, " + categories + " categories, scale " +
           format_number(framework.scale()) + ")";
}

std::string to_string(const Evaluation& e, Language language) {
    // Each line in both languages, side by side: {0}, {1}, ... are the values.
    const auto line = [language](const Message& m) { return m.text(language); };
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
            out << "    " << r->id << ": "
                << line(Message("{0}, pass {1}"_en, "{0}，达标线 {1}"_zh, {format_number(*r->value), to_string(r->pass, language)}));
            if (r->gap) out << line(Message(", gap {0}"_en, "，差距 {0}"_zh, {format_fixed(*r->gap, 4)}));
            if (r->relative_gap) out << line(Message(" ({0}%)"_en, "（{0}%）"_zh, {format_fixed(100 * *r->relative_gap, 1)}));
            out << line(Message(", obstacle {0}%"_en, "，障碍度 {0}%"_zh, {format_fixed(100 * r->obstacle, 1)})) << "\n";
        }
    }
    std::string text = out.str();
    text.pop_back();
    return text;
}

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
