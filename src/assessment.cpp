// Assessment rounds (scheme, totals, consequences, the cycle total and what the remaining years
// need) and field inspections (validation, coverage of mandatory site types, roll-up).

#include <civitas/assessment.hpp>
#include <civitas/error.hpp>

#include "detail/number_format.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

namespace civitas {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& message) { throw ValidationError(path, message); }

std::string in_quotes(const std::string& text) { return "'" + text + "'"; }

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

std::string listed(const std::set<std::string>& names) {
    std::string list;
    for (const std::string& name : names) list += (list.empty() ? "" : ", ") + in_quotes(name);
    return list.empty() ? "(none)" : list;
}

}  // namespace

double RoundScheme::full_points() const noexcept {
    double sum = 0.0;
    for (const RoundPart& part : parts) sum += part.full_points;
    return sum;
}

const RoundPart& RoundScheme::part(const std::string& part_id) const {
    for (const RoundPart& part : parts)
        if (part.id == part_id) return part;
    throw NotFoundError("unknown part '" + part_id + "' of round scheme '" + id + "'");
}

void validate(const RoundScheme& scheme, const std::string& path) {
    if (scheme.parts.empty()) fail(path + ".parts", "the scheme has no parts; expected at least one part with its full points");
    std::set<std::string> ids;
    for (std::size_t k = 0; k < scheme.parts.size(); ++k) {
        const RoundPart& part = scheme.parts[k];
        const std::string at = item(path, "parts", k);
        if (part.id.empty()) fail(at + ".id", "id is empty; expected a non-empty part id");
        if (!ids.insert(part.id).second) fail(at + ".id", "duplicate part id " + in_quotes(part.id) + "; expected each part once");
        if (!std::isfinite(part.full_points) || part.full_points <= 0)
            fail(at + ".full_points", number(part.full_points) + " is not a positive number of points; expected full points > 0");
    }
    double sum = 0.0;
    for (std::size_t k = 0; k < scheme.year_weights.size(); ++k) {
        const double w = scheme.year_weights[k];
        if (!std::isfinite(w) || w <= 0)
            fail(path + ".year_weights[" + std::to_string(k) + "]", number(w) + " is not a positive weight; expected a weight > 0");
        sum += w;
    }
    if (!scheme.year_weights.empty() && std::abs(sum - 1.0) > 1e-9)
        fail(path + ".year_weights", "the year weights sum to " + number(sum) + "; expected them to sum to 1");
    if (scheme.first_year && (*scheme.first_year < 1900 || *scheme.first_year > 2200))
        fail(path + ".first_year", std::to_string(*scheme.first_year) + " is not a plausible year; expected a year in [1900, 2200]");
    for (std::size_t k = 0; k < scheme.consequences.size(); ++k) {
        const ConsequenceRule& rule = scheme.consequences[k];
        const std::string at = item(path, "consequences", k);
        if (rule.id.empty()) fail(at + ".id", "id is empty; expected what follows, e.g. \"public_criticism\"");
        if (rule.below.has_value() == !rule.flag.empty())
            fail(at, "the rule gives " + std::string(rule.below ? "both a line and a flag" : "neither a line nor a flag") +
                         "; expected exactly one of \"below\" (a score line) or \"flag\"");
        if (rule.below && !std::isfinite(*rule.below))
            fail(at + ".below", number(*rule.below) + " is not a finite score line; expected points");
        if (rule.months && *rule.months < 1)
            fail(at + ".months", std::to_string(*rule.months) + " is not a duration; expected months >= 1");
    }
}

RoundScheme civilized_city_scheme() {
    RoundScheme s;
    s.id = "civilized-city-2018";
    s.name = "全国文明城市年度测评（2018—2020年创建周期）";
    s.parts = {{"document_review", "网上材料审核", AssessmentMode::document_review, 40.0},
               {"field_inspection", "实地暗访考察", AssessmentMode::field_inspection, 40.0},
               {"questionnaire", "入户问卷调查", AssessmentMode::questionnaire, 20.0}};
    s.year_weights = {0.15, 0.25, 0.60};
    s.consequences = {{"public_criticism", "通报批评", 80.0, "", std::nullopt},
                      {"suspension", "暂停资格", 70.0, "", 12},
                      {"public_criticism", "通报批评", std::nullopt, "falsified_materials", std::nullopt}};
    s.source = "Central Civilization Office (中央文明办), annual test of the 2018-2020 cycle, as recorded in STANDARDS.md [V]: "
               "document review 40 + field inspection 40 + questionnaire 20; cycle total 15% / 25% / 60%; negative list "
               "below 80 public criticism, below 70 qualification suspended for one year, falsified materials public criticism.";
    return s;
}

std::vector<std::string> bundled_round_schemes() { return {"civilized-city-2018"}; }

RoundScheme bundled_round_scheme(const std::string& id) {
    if (id == "civilized-city-2018") return civilized_city_scheme();
    std::string list;
    for (const std::string& known : bundled_round_schemes()) list += (list.empty() ? "" : ", ") + in_quotes(known);
    throw NotFoundError("no bundled round scheme '" + id + "'; expected one of: " + list);
}

void validate(const AssessmentRound& round, const RoundScheme& scheme, const std::string& path) {
    if (round.id.empty()) fail(path + ".id", "id is empty; expected a non-empty round id");
    if (round.date.is_special()) fail(path + ".date", "the date is not a day; expected a date");
    if (round.year && (*round.year < 1900 || *round.year > 2200))
        fail(path + ".year", std::to_string(*round.year) + " is not a plausible year; expected a year in [1900, 2200]");
    for (const auto& [id, score] : round.parts) {
        const std::string at = path + ".parts." + id;
        const auto part = std::find_if(scheme.parts.begin(), scheme.parts.end(), [&](const RoundPart& p) { return p.id == id; });
        if (part == scheme.parts.end()) {
            std::set<std::string> known;
            for (const RoundPart& p : scheme.parts) known.insert(p.id);
            fail(at, "unknown part " + in_quotes(id) + " of the round scheme; expected one of: " + listed(known));
        }
        if (!std::isfinite(score) || score < 0 || score > part->full_points)
            fail(at, number(score) + " points is outside the part's range; expected points in [0, " + number(part->full_points) + "]");
    }
    if (round.total) {
        const double full = scheme.full_points();
        if (!std::isfinite(*round.total) || *round.total < 0 || *round.total > full)
            fail(path + ".total", number(*round.total) + " points is outside the round's range; expected points in [0, " + number(full) + "]");
        if (round.parts.size() == scheme.parts.size()) {
            double sum = 0.0;
            for (const auto& [id, score] : round.parts) sum += score;
            if (std::abs(sum - *round.total) > 1e-6)
                fail(path + ".total", number(*round.total) + " differs from the sum of the parts " + number(sum) +
                                          "; expected the total to equal the parts' sum");
        }
    }
    const std::set<std::string> known = flags_of(scheme);
    for (std::size_t k = 0; k < round.flags.size(); ++k)
        if (known.count(round.flags[k]) == 0)
            fail(path + ".flags[" + std::to_string(k) + "]",
                 "unknown flag " + in_quotes(round.flags[k]) + "; expected a flag a consequence rule of the scheme names: " + listed(known));
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
        fail("$.year_weights", "the round scheme '" + scheme.id + "' has no year weights; expected weights to compute a cycle total");
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
            fail("$.rounds", "annual tests " + in_quotes(counted[k]) + " and " + in_quotes(round->id) + " both count for " +
                                 std::to_string(assessment_year(*round)) + "; expected one annual test a year");
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
    if (!std::isfinite(line)) fail("$.line", number(line) + " is not a finite line; expected points");
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
    if (inspection.id.empty()) fail(path + ".id", "id is empty; expected a non-empty inspection id");
    if (inspection.date.is_special()) fail(path + ".date", "the date is not a day; expected a date");
    for (std::size_t k = 0; k < inspection.mandatory.size(); ++k)
        if (inspection.mandatory[k].empty())
            fail(path + ".mandatory[" + std::to_string(k) + "]", "the site type is empty; expected a type such as \"hospital\"");
    const std::set<std::string> checked(inspection.indicators.begin(), inspection.indicators.end());
    for (std::size_t k = 0; k < inspection.indicators.size(); ++k)
        if (inspection.indicators[k].empty())
            fail(path + ".indicators[" + std::to_string(k) + "]", "the indicator id is empty; expected an indicator id");
    std::unordered_map<std::string, std::size_t> sites;
    for (std::size_t k = 0; k < inspection.sites.size(); ++k) {
        const InspectionSite& site = inspection.sites[k];
        const std::string at = item(path, "sites", k);
        if (site.id.empty()) fail(at + ".id", "id is empty; expected a non-empty site id");
        if (!sites.emplace(site.id, k).second) fail(at + ".id", "duplicate site id " + in_quotes(site.id) + "; expected each site once");
        if (site.unit.empty()) fail(at + ".unit", "the site's unit is empty; expected the unit id it belongs to");
        if (site.type.empty()) fail(at + ".type", "the site's type is empty; expected a type such as \"park\" or \"hospital\"");
        if (site.date && site.date->is_special()) fail(at + ".date", "the date is not a day; expected a date");
    }
    for (std::size_t k = 0; k < inspection.problems.size(); ++k) {
        const InspectionProblem& problem = inspection.problems[k];
        const std::string at = item(path, "problems", k);
        if (sites.count(problem.site) == 0)
            fail(at + ".site", "unknown site " + in_quotes(problem.site) + "; expected a site id of the inspection");
        if (problem.indicator.empty()) fail(at + ".indicator", "the indicator id is empty; expected the indicator it counts against");
        if (!checked.empty() && checked.count(problem.indicator) == 0)
            fail(at + ".indicator", "indicator " + in_quotes(problem.indicator) +
                                        " is not among the inspection's indicators; expected one of: " + listed(checked));
        if (problem.count < 1)
            fail(at + ".count", std::to_string(problem.count) + " is not a number of problems; expected a count >= 1");
        if (problem.deduction && (!std::isfinite(*problem.deduction) || *problem.deduction < 0))
            fail(at + ".deduction", number(*problem.deduction) + " is not a deduction; expected points >= 0");
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
            fail("$.problems", "unknown site " + in_quotes(problem.site) + " of inspection " + in_quotes(inspection.id) + "; expected a site id");
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
