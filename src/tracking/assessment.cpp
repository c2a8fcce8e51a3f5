// Assessment rounds (totals, consequences, the cycle total and what the remaining years need)
// and field inspections (validation, coverage of mandatory site types, roll-up).

#include <civitas/core/error.hpp>
#include <civitas/tracking/assessment.hpp>

#include "core/detail/number_format.hpp"
#include "framework/detail/years.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

namespace civitas {

namespace {

[[noreturn]] void fail(const std::string& path, Message message) { throw ValidationError(path, std::move(message)); }

std::string in_quotes(const std::string& text) { return "'" + text + "'"; }

// "the date is not a day; expected a date".
Message not_a_day() { return Message("the date is not a day; expected a date"_en, "日期无效；应为有效日期"_zh); }

std::string number(double value) { return detail::format_number(value); }

std::string item(const std::string& path, const char* list, std::size_t k) {
    return path + "." + list + "[" + std::to_string(k) + "]";
}

// The flags the scheme's rules name.
std::set<std::string> flags_of(const RoundScheme& scheme) {
    std::set<std::string> flags;
    for (const ConsequenceRule& rule : scheme.consequences)
        if (!rule.flag.empty()) flags.insert(rule.flag);
    return flags;
}

Message::Argument listed(const std::set<std::string>& names) {
    std::string list;
    for (const std::string& name : names) list += (list.empty() ? "" : ", ") + in_quotes(name);
    if (list.empty()) return Message("(none)"_en, "（无）"_zh);
    return list;
}

}  // namespace

void validate(const AssessmentRound& round, const RoundScheme& scheme, const std::string& path) {
    if (round.id.empty()) fail(path + ".id", Message("id is empty; expected a non-empty round id"_en, "id 为空；应为非空的测评轮次 id"_zh));
    if (round.date.is_special()) fail(path + ".date", not_a_day());
    if (round.year && !detail::plausible_year(*round.year)) fail(path + ".year", detail::implausible_year(*round.year));
    for (const auto& [id, score] : round.parts) {
        const std::string at = path + ".parts." + id;
        const auto part = std::find_if(scheme.parts.begin(), scheme.parts.end(), [&wanted = id](const RoundPart& p) { return p.id == wanted; });
        if (part == scheme.parts.end()) {
            std::set<std::string> known;
            for (const RoundPart& p : scheme.parts) known.insert(p.id);
            fail(at, Message("unknown part '{0}' of the round scheme; expected one of: {1}"_en, "计分方案中没有测评部分 '{0}'；应为以下之一: {1}"_zh,
                             {id, listed(known)}));
        }
        if (!std::isfinite(score) || score < 0 || score > part->full_points)
            fail(at, Message("{0} points is outside the part's range; expected points in [0, {1}]"_en, "{0} 分超出该部分的分值范围；应为 [0, {1}] 内的分值"_zh,
                             {number(score), number(part->full_points)}));
    }
    if (round.total) {
        const double full = scheme.full_points();
        if (!std::isfinite(*round.total) || *round.total < 0 || *round.total > full)
            fail(path + ".total", Message("{0} points is outside the round's range; expected points in [0, {1}]"_en,
                                          "{0} 分超出本轮测评的分值范围；应为 [0, {1}] 内的分值"_zh, {number(*round.total), number(full)}));
        if (round.parts.size() == scheme.parts.size()) {
            double sum = 0.0;
            for (const auto& [id, score] : round.parts) sum += score;
            if (std::abs(sum - *round.total) > 1e-6)
                fail(path + ".total", Message("{0} differs from the sum of the parts {1}; expected the total to equal the parts' sum"_en,
                                              "{0} 与各部分合计 {1} 不符；总分应等于各部分之和"_zh, {number(*round.total), number(sum)}));
        }
    }
    const std::set<std::string> known = flags_of(scheme);
    for (std::size_t k = 0; k < round.flags.size(); ++k)
        if (known.count(round.flags[k]) == 0)
            fail(path + ".flags[" + std::to_string(k) + "]",
                 Message("unknown flag '{0}'; expected a flag a consequence rule of the scheme names: {1}"_en,
                         "未知标记 '{0}'；应为计分方案处理规则中的标记: {1}"_zh, {round.flags[k], listed(known)}));
}

int assessment_year(const AssessmentRound& round) {
    return round.year ? *round.year : static_cast<int>(round.date.year());
}

std::optional<double> round_total(const AssessmentRound& round, const RoundScheme& scheme) {
    if (round.total) return round.total;
    double sum = 0.0;
    for (const RoundPart& part : scheme.parts) {
        const auto found = round.parts.find(part.id);
        if (found == round.parts.end()) return std::nullopt;
        sum += found->second;
    }
    return sum;
}

std::vector<ConsequenceRule> consequences(const AssessmentRound& round, const RoundScheme& scheme) {
    const std::optional<double> total = round_total(round, scheme);
    std::vector<ConsequenceRule> out;
    for (const ConsequenceRule& rule : scheme.consequences) {
        const bool by_score = rule.below && total && *total < *rule.below;
        const bool by_flag = !rule.flag.empty() && std::find(round.flags.begin(), round.flags.end(), rule.flag) != round.flags.end();
        if (by_score || by_flag) out.push_back(rule);
    }
    return out;
}

CycleStanding cycle_standing(const RoundScheme& scheme, const std::vector<AssessmentRound>& rounds, const std::string& title) {
    if (scheme.year_weights.empty())
        fail("$.year_weights", Message("the round scheme '{0}' has no year weights; expected weights to compute a cycle total"_en,
                                       "计分方案 '{0}' 没有各年权重；计算周期总分需要权重"_zh, {scheme.id}));
    std::vector<const AssessmentRound*> annual;
    for (const AssessmentRound& round : rounds)
        if (round.kind == AssessmentKind::annual_test && (title.empty() || round.title == title)) annual.push_back(&round);
    CycleStanding standing;
    standing.weights = scheme.year_weights;
    const int years = static_cast<int>(scheme.year_weights.size());
    if (scheme.first_year) {
        standing.first_year = *scheme.first_year;
    } else if (!annual.empty()) {
        standing.first_year = assessment_year(*annual.front());
        for (const AssessmentRound* round : annual) standing.first_year = std::min(standing.first_year, assessment_year(*round));
    }
    standing.scores.assign(scheme.year_weights.size(), std::nullopt);
    std::vector<std::string> counted(scheme.year_weights.size());
    for (const AssessmentRound* round : annual) {
        const int k = assessment_year(*round) - standing.first_year;
        if (k < 0 || k >= years) continue;
        if (!counted[k].empty())
            fail("$.rounds", Message("annual tests '{0}' and '{1}' both count for {2}; expected one annual test a year"_en,
                                     "年度测评 '{0}' 和 '{1}' 都计入 {2} 年；每年应只有一次年度测评"_zh,
                                     {counted[k], round->id, std::to_string(assessment_year(*round))}));
        counted[k] = round->id;
        standing.scores[k] = round_total(*round, scheme);
    }
    bool complete = true;
    for (std::size_t k = 0; k < standing.scores.size(); ++k) {
        if (standing.scores[k]) {
            standing.secured += standing.weights[k] * *standing.scores[k];
        } else {
            standing.remaining_weight += standing.weights[k];
            complete = false;
        }
    }
    // A missing year is not renormalised away: the standard defines the cycle total on all its
    // years, so until they are in there is only what is secured and the best still possible.
    if (complete) standing.total = standing.secured;
    standing.best_possible = standing.secured + standing.remaining_weight * scheme.full_points();
    return standing;
}

CycleNeed points_needed(const CycleStanding& standing, const RoundScheme& scheme, double line) {
    if (!std::isfinite(line)) fail("$.line", Message("{0} is not a finite line; expected points"_en, "{0} 不是有限的分数线；应为分值"_zh, {number(line)}));
    CycleNeed need;
    need.line = line;
    for (std::size_t k = 0; k < standing.scores.size(); ++k)
        if (!standing.scores[k]) need.years.push_back(standing.first_year + static_cast<int>(k));
    need.secured = standing.secured >= line;
    if (standing.remaining_weight <= 0) {
        need.needed = std::nan("");
        need.reachable = need.secured;
        return need;
    }
    need.needed = (line - standing.secured) / standing.remaining_weight;
    need.reachable = need.secured || need.needed <= scheme.full_points() + 1e-9;
    return need;
}

void validate(const FieldInspection& inspection, const std::string& path) {
    if (inspection.id.empty()) fail(path + ".id", Message("id is empty; expected a non-empty inspection id"_en, "id 为空；应为非空的实地考察 id"_zh));
    if (inspection.date.is_special()) fail(path + ".date", not_a_day());
    for (std::size_t k = 0; k < inspection.mandatory.size(); ++k)
        if (inspection.mandatory[k].empty())
            fail(path + ".mandatory[" + std::to_string(k) + "]",
                 Message("the site type is empty; expected a type such as \"hospital\""_en, "点位类型为空；应为类型，如 \"hospital\""_zh));
    const std::set<std::string> checked(inspection.indicators.begin(), inspection.indicators.end());
    for (std::size_t k = 0; k < inspection.indicators.size(); ++k)
        if (inspection.indicators[k].empty())
            fail(path + ".indicators[" + std::to_string(k) + "]", Message("the indicator id is empty; expected an indicator id"_en, "指标 id 为空；应为指标 id"_zh));
    std::unordered_map<std::string, std::size_t> sites;
    for (std::size_t k = 0; k < inspection.sites.size(); ++k) {
        const InspectionSite& site = inspection.sites[k];
        const std::string at = item(path, "sites", k);
        if (site.id.empty()) fail(at + ".id", Message("id is empty; expected a non-empty site id"_en, "id 为空；应为非空的点位 id"_zh));
        if (!sites.emplace(site.id, k).second)
            fail(at + ".id", Message("duplicate site id '{0}'; expected each site once"_en, "点位 id '{0}' 重复；每个点位应只出现一次"_zh, {site.id}));
        if (site.unit.empty())
            fail(at + ".unit", Message("the site's unit is empty; expected the unit id it belongs to"_en, "点位的单位为空；应为其所属单位的 id"_zh));
        if (site.type.empty())
            fail(at + ".type", Message("the site's type is empty; expected a type such as \"park\" or \"hospital\""_en,
                                       "点位类型为空；应为类型，如 \"park\" 或 \"hospital\""_zh));
        if (site.date && site.date->is_special()) fail(at + ".date", not_a_day());
    }
    long long total = 0;  // every sum of counts stays far inside an int
    for (std::size_t k = 0; k < inspection.problems.size(); ++k) {
        const InspectionProblem& problem = inspection.problems[k];
        const std::string at = item(path, "problems", k);
        if (sites.count(problem.site) == 0)
            fail(at + ".site",
                 Message("unknown site '{0}'; expected a site id of the inspection"_en, "未知点位 '{0}'；应为本次实地考察的点位 id"_zh, {problem.site}));
        if (problem.indicator.empty())
            fail(at + ".indicator", Message("the indicator id is empty; expected the indicator it counts against"_en, "指标 id 为空；应为该问题所计入的指标"_zh));
        if (!checked.empty() && checked.count(problem.indicator) == 0)
            fail(at + ".indicator", Message("indicator '{0}' is not among the inspection's indicators; expected one of: {1}"_en,
                                            "指标 '{0}' 不在本次实地考察的指标之列；应为以下之一: {1}"_zh, {problem.indicator, listed(checked)}));
        if (problem.count < 1 || problem.count > 1000000)
            fail(at + ".count", Message("{0} is not a number of problems; expected a count from 1 to 1000000"_en,
                                        "{0} 不是有效的问题个数；个数应在 1 到 1000000 之间"_zh, {std::to_string(problem.count)}));
        total += problem.count;
        if (total > 100000000)
            fail(at + ".count", Message("the inspection's problems add up to more than 100000000; expected a count of problems found on sites"_en,
                                        "本次实地考察的问题合计超过 100000000 个；应为点位上发现的问题个数"_zh));
        if (problem.deduction && (!std::isfinite(*problem.deduction) || *problem.deduction < 0))
            fail(at + ".deduction", Message("{0} is not a deduction; expected points >= 0"_en, "{0} 不是有效的扣分；应为 >= 0 的分值"_zh,
                                            {number(*problem.deduction)}));
    }
}

std::vector<std::string> missing_site_types(const FieldInspection& inspection) {
    std::set<std::string> sampled;
    for (const InspectionSite& site : inspection.sites) sampled.insert(site.type);
    std::vector<std::string> missing;
    for (const std::string& type : inspection.mandatory)
        if (sampled.count(type) == 0 && std::find(missing.begin(), missing.end(), type) == missing.end()) missing.push_back(type);
    return missing;
}

std::vector<FieldRollup> field_rollup(const FieldInspection& inspection, const std::map<std::string, std::string>& parents) {
    // The unit and its ancestors (a loop in `parents` stops at the first repeat).
    const auto chain = [&](const std::string& unit) {
        std::vector<std::string> units{unit};
        for (auto up = parents.find(unit); up != parents.end() && !up->second.empty(); up = parents.find(up->second)) {
            if (std::find(units.begin(), units.end(), up->second) != units.end()) break;
            units.push_back(up->second);
        }
        return units;
    };
    std::vector<std::string> units, indicators = inspection.indicators;
    std::map<std::string, int> sites_of;
    std::unordered_map<std::string, const InspectionSite*> site_by_id;
    for (const InspectionSite& site : inspection.sites) {
        site_by_id.emplace(site.id, &site);
        for (const std::string& unit : chain(site.unit)) {
            if (sites_of.count(unit) == 0) units.push_back(unit);
            ++sites_of[unit];
        }
    }
    for (const InspectionProblem& problem : inspection.problems)
        if (std::find(indicators.begin(), indicators.end(), problem.indicator) == indicators.end()) indicators.push_back(problem.indicator);
    std::map<std::pair<std::string, std::string>, std::pair<int, double>> found;
    for (const InspectionProblem& problem : inspection.problems) {
        const auto site = site_by_id.find(problem.site);
        if (site == site_by_id.end())
            fail("$.problems", Message("unknown site '{0}' of inspection '{1}'; expected a site id"_en, "实地考察 '{1}' 中没有点位 '{0}'；应为点位 id"_zh,
                                       {problem.site, inspection.id}));
        for (const std::string& unit : chain(site->second->unit)) {
            auto& [count, deduction] = found[{unit, problem.indicator}];
            count += problem.count;
            deduction += problem.deduction.value_or(0.0);
        }
    }
    std::vector<FieldRollup> rows;
    for (const std::string& unit : units)
        for (const std::string& indicator : indicators) {
            FieldRollup row{unit, indicator, sites_of[unit], 0, 0.0};
            if (const auto hit = found.find({unit, indicator}); hit != found.end()) {
                row.problems = hit->second.first;
                row.deduction = hit->second.second;
            }
            rows.push_back(std::move(row));
        }
    return rows;
}

std::vector<Observation> field_observations(const FieldInspection& inspection, const std::map<std::string, std::string>& parents) {
    std::vector<Observation> out;
    for (const FieldRollup& row : field_rollup(inspection, parents)) {
        Observation o;
        o.unit = row.unit;
        o.indicator = row.indicator;
        o.date = inspection.date;
        o.value = row.problems;
        o.source = inspection.source.empty() ? "field inspection " + inspection.id : inspection.source;
        o.mode = AssessmentMode::field_inspection;
        if (row.sites >= 1) o.sample_size = row.sites;
        out.push_back(std::move(o));
    }
    return out;
}

std::string to_string(const AssessmentRound& round) {
    std::string text = "AssessmentRound('" + round.id + "', " + round.title + ", " + civitas::to_string(round.kind) + ", " +
                       to_iso(round.date);
    double sum = 0.0;
    for (const auto& [id, score] : round.parts) sum += score;
    if (round.total) text += ", total " + number(*round.total);
    else if (!round.parts.empty()) text += ", parts " + number(sum);
    return text + ")";
}

std::string to_string(const FieldInspection& inspection) {
    int problems = 0;
    for (const InspectionProblem& p : inspection.problems) problems += p.count;
    return "FieldInspection('" + inspection.id + "', " + to_iso(inspection.date) + ", " + std::to_string(inspection.sites.size()) +
           " sites, " + std::to_string(problems) + " problems)";
}

}  // namespace civitas
