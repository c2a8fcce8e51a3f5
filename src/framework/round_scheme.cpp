// Round schemes: their scale, their parts, and the checks of validate().

#include <civitas/core/error.hpp>
#include <civitas/framework/round_scheme.hpp>

#include "core/detail/number_format.hpp"
#include "framework/detail/years.hpp"

#include <cmath>
#include <set>

namespace civitas {

namespace {

[[noreturn]] void fail(const std::string& path, Message message) { throw ValidationError(path, std::move(message)); }

std::string number(double value) { return detail::format_number(value); }

std::string item(const std::string& path, const char* list, std::size_t k) {
    return path + "." + list + "[" + std::to_string(k) + "]";
}

}  // namespace

namespace detail {

Message implausible_year(int year) {
    return Message("{0} is not a plausible year; expected a year in [{1}, {2}]"_en, "{0} 不是合理的年份；应为 [{1}, {2}] 内的年份"_zh,
                   {std::to_string(year), std::to_string(first_plausible_year), std::to_string(last_plausible_year)});
}

}  // namespace detail

double RoundScheme::full_points() const noexcept {
    double sum = 0.0;
    for (const RoundPart& part : parts) sum += part.full_points;
    return sum;
}

const RoundPart& RoundScheme::part(const std::string& part_id) const {
    for (const RoundPart& part : parts)
        if (part.id == part_id) return part;
    throw NotFoundError(Message("unknown part '{0}' of round scheme '{1}'"_en, "计分方案 '{1}' 中没有测评部分 '{0}'"_zh, {part_id, id}));
}

void validate(const RoundScheme& scheme, const std::string& path) {
    if (scheme.parts.empty())
        fail(path + ".parts", Message("the scheme has no parts; expected at least one part with its full points"_en,
                                      "计分方案没有测评部分；应至少有一个部分及其满分"_zh));
    std::set<std::string> ids;
    for (std::size_t k = 0; k < scheme.parts.size(); ++k) {
        const RoundPart& part = scheme.parts[k];
        const std::string at = item(path, "parts", k);
        if (part.id.empty()) fail(at + ".id", Message("id is empty; expected a non-empty part id"_en, "id 为空；应为非空的测评部分 id"_zh));
        if (!ids.insert(part.id).second)
            fail(at + ".id", Message("duplicate part id '{0}'; expected each part once"_en, "测评部分 id '{0}' 重复；每个部分应只出现一次"_zh, {part.id}));
        if (!std::isfinite(part.full_points) || part.full_points <= 0)
            fail(at + ".full_points", Message("{0} is not a positive number of points; expected full points > 0"_en, "{0} 不是正的分值；满分应 > 0"_zh,
                                              {number(part.full_points)}));
    }
    double sum = 0.0;
    for (std::size_t k = 0; k < scheme.year_weights.size(); ++k) {
        const double w = scheme.year_weights[k];
        if (!std::isfinite(w) || w <= 0)
            fail(path + ".year_weights[" + std::to_string(k) + "]",
                 Message("{0} is not a positive weight; expected a weight > 0"_en, "{0} 不是正的权重；权重应 > 0"_zh, {number(w)}));
        sum += w;
    }
    if (!scheme.year_weights.empty() && std::abs(sum - 1.0) > 1e-9)
        fail(path + ".year_weights", Message("the year weights sum to {0}; expected them to sum to 1"_en, "各年权重合计为 {0}；合计应为 1"_zh, {number(sum)}));
    if (scheme.first_year && !detail::plausible_year(*scheme.first_year))
        fail(path + ".first_year", detail::implausible_year(*scheme.first_year));
    for (std::size_t k = 0; k < scheme.consequences.size(); ++k) {
        const ConsequenceRule& rule = scheme.consequences[k];
        const std::string at = item(path, "consequences", k);
        if (rule.id.empty())
            fail(at + ".id", Message("id is empty; expected what follows, e.g. \"public_criticism\""_en, "id 为空；应为处理结果的 id，如 \"public_criticism\""_zh));
        if (rule.below.has_value() == !rule.flag.empty())
            fail(at, Message("the rule gives {0}; expected exactly one of \"below\" (a score line) or \"flag\""_en,
                             "该规则{0}；\"below\"（分数线）与 \"flag\" 应恰好给出其一"_zh,
                             {rule.below ? Message("both a line and a flag"_en, "同时给出了分数线和标记"_zh)
                                         : Message("neither a line nor a flag"_en, "既未给出分数线也未给出标记"_zh)}));
        if (rule.below && !std::isfinite(*rule.below))
            fail(at + ".below", Message("{0} is not a finite score line; expected points"_en, "{0} 不是有限的分数线；应为分值"_zh, {number(*rule.below)}));
        if (rule.months && *rule.months < 1)
            fail(at + ".months", Message("{0} is not a duration; expected months >= 1"_en, "{0} 不是有效时长；月数应 >= 1"_zh, {std::to_string(*rule.months)}));
    }
}

}  // namespace civitas
