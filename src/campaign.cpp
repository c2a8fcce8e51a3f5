// Campaigns: validation of the titles, units, departments, targets and plan against the
// frameworks they name.

#include <civitas/campaign.hpp>
#include <civitas/error.hpp>

#include "detail/number_format.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace civitas {

bool operator==(const CampaignSpec& a, const CampaignSpec& b) noexcept {
    return a.id == b.id && a.name == b.name && a.language == b.language && a.calendar == b.calendar && a.titles == b.titles &&
           a.units == b.units && a.departments == b.departments && a.targets == b.targets && a.plan == b.plan &&
           a.plan_file == b.plan_file && a.observations == b.observations && a.rounds == b.rounds && a.checks == b.checks &&
           a.inspections == b.inspections;
}

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& message) { throw ValidationError(path, message); }

std::string in_quotes(const std::string& text) { return "'" + text + "'"; }

std::string at(const char* list, std::size_t k) { return std::string("$.") + list + "[" + std::to_string(k) + "]"; }

// Checks that the ids of `items` are non-empty and unique; returns them with their positions.
template <class Item>
std::unordered_map<std::string, std::size_t> index_ids(const std::vector<Item>& items, const char* list, const char* what) {
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t k = 0; k < items.size(); ++k) {
        if (items[k].id.empty()) fail(at(list, k) + ".id", "id is empty; expected a non-empty id");
        if (!index.emplace(items[k].id, k).second)
            fail(at(list, k) + ".id", std::string("duplicate ") + what + " id " + in_quotes(items[k].id) + "; expected each " + what + " once");
    }
    return index;
}

// The unit classes a framework's class-dependent lines name.
std::set<std::string> classes_of(const Framework& framework) {
    std::set<std::string> classes;
    for (const Indicator* indicator : framework.indicators())
        for (const auto& [name, line] : indicator->pass_by_class) classes.insert(name);
    return classes;
}

std::vector<Title> plan_titles(const CampaignSpec& spec) {
    std::vector<Title> titles;
    for (const CampaignTitle& t : spec.titles) titles.push_back({t.id, t.name});
    return titles;
}

}  // namespace

Campaign::Campaign(CampaignSpec spec, std::map<std::string, Framework> frameworks, WorkCalendar calendar, std::optional<Plan> plan,
                   ObservationStore observations)
    : spec_(std::move(spec)),
      frameworks_(std::move(frameworks)),
      calendar_(std::move(calendar)),
      plan_(std::move(plan)),
      observations_(std::move(observations)) {
    observations_.finalize();
    if (!spec_.language.empty() && spec_.language != "zh" && spec_.language != "en")
        fail("$.language", "\"" + spec_.language + "\" is not a report language; expected \"zh\" or \"en\"");
    title_index_ = index_ids(spec_.titles, "titles", "title");
    for (const auto& [title, framework] : frameworks_)
        if (title_index_.count(title) == 0)
            fail("$.titles", "a framework is given for unknown title " + in_quotes(title) + "; expected a title id of the campaign");
    for (std::size_t k = 0; k < spec_.titles.size(); ++k) {
        if (!spec_.titles[k].framework.empty() && frameworks_.count(spec_.titles[k].id) == 0)
            fail(at("titles", k) + ".framework", "framework '" + spec_.titles[k].framework + "' of title " + in_quotes(spec_.titles[k].id) +
                                                     " was not loaded; expected its framework");
        const TitleDates& d = spec_.titles[k].dates;
        if (d.benchmark && d.application && *d.application < *d.benchmark)
            fail(at("titles", k) + ".dates.application", to_iso(*d.application) + " is before the benchmark creation " +
                                                             to_iso(*d.benchmark) + "; expected the application after it");
        if (d.application && d.inspection && *d.inspection < *d.application)
            fail(at("titles", k) + ".dates.inspection", to_iso(*d.inspection) + " is before the application " +
                                                            to_iso(*d.application) + "; expected the inspection after it");
        if (!d.application && d.benchmark && d.inspection && *d.inspection < *d.benchmark)
            fail(at("titles", k) + ".dates.inspection", to_iso(*d.inspection) + " is before the benchmark creation " +
                                                            to_iso(*d.benchmark) + "; expected the inspection after it");
    }

    unit_index_ = index_ids(spec_.units, "units", "unit");
    for (std::size_t k = 0; k < spec_.units.size(); ++k) {
        const CampaignUnit& unit = spec_.units[k];
        if (!unit.parent.empty()) {
            const auto parent = unit_index_.find(unit.parent);
            if (parent == unit_index_.end())
                fail(at("units", k) + ".parent", "unknown parent unit " + in_quotes(unit.parent) + " of unit " + in_quotes(unit.id) +
                                                     "; expected a unit id of the campaign");
            // Parents come first, so a unit's ancestors are all before it: no loops.
            if (parent->second >= k)
                fail(at("units", k) + ".parent", "parent unit " + in_quotes(unit.parent) + " of unit " + in_quotes(unit.id) +
                                                     " is listed after it; expected parents before their units");
        }
        for (const auto& [title, name] : unit.classes) {
            const std::string path = at("units", k) + ".classes." + title;
            const auto found = title_index_.find(title);
            if (found == title_index_.end())
                fail(path, "unknown title " + in_quotes(title) + " in the classes of unit " + in_quotes(unit.id) + "; expected a title id");
            const auto framework = frameworks_.find(title);
            if (framework == frameworks_.end())
                fail(path, "title " + in_quotes(title) + " has no framework, so no unit classes; expected a title with a framework");
            const std::set<std::string> known = classes_of(framework->second);
            if (known.count(name) == 0) {
                std::string list;
                for (const std::string& c : known) list += (list.empty() ? "" : ", ") + c;
                fail(path, "unit class " + in_quotes(name) + " is not one framework '" + framework->second.id() +
                               "' uses; expected one of: " + (list.empty() ? "(it has no class-dependent lines)" : list));
            }
        }
    }

    const auto departments = index_ids(spec_.departments, "departments", "department");
    for (std::size_t k = 0; k < spec_.targets.size(); ++k) {
        const Target& target = spec_.targets[k];
        const std::string path = at("targets", k);
        const auto title = title_index_.find(target.title);
        if (title == title_index_.end())
            fail(path + ".title", "unknown title " + in_quotes(target.title) + "; expected a title id of the campaign");
        const auto with = frameworks_.find(target.title);
        if (with == frameworks_.end())
            fail(path + ".title", "title " + in_quotes(target.title) + " has no framework to hold indicator " +
                                      in_quotes(target.indicator) + "; expected a title with a framework");
        const Framework& framework = with->second;
        const auto ids = framework.indicator_ids();
        if (std::find(ids.begin(), ids.end(), target.indicator) == ids.end())
            fail(path + ".indicator", "unknown indicator " + in_quotes(target.indicator) + " of framework '" + framework.id() +
                                          "' (title " + in_quotes(target.title) + "); expected one of its indicator ids");
        if (!target.unit.empty() && unit_index_.count(target.unit) == 0)
            fail(path + ".unit", "unknown unit " + in_quotes(target.unit) + "; expected a unit id of the campaign");
        if (!target.department.empty() && departments.count(target.department) == 0)
            fail(path + ".department", "unknown department " + in_quotes(target.department) + "; expected a department id of the campaign");
        const Indicator& indicator = framework.indicator(target.indicator);
        if (!std::isfinite(target.value))
            fail(path + ".value", "target of " + in_quotes(target.indicator) + " is not a finite number; expected a value");
        if (indicator.bounds && !indicator.bounds->contains(target.value))
            fail(path + ".value", detail::format_number(target.value) + " is outside the bounds of " + in_quotes(target.indicator) +
                                      "; expected a value in [" + detail::format_number(indicator.bounds->low) + ", " +
                                      detail::format_number(indicator.bounds->high) + "]");
    }

    // The plan: written in place (built here, taking the campaign's titles) or given, loaded
    // from its file, with the campaign's titles.
    if (spec_.plan && !spec_.plan_file.empty())
        fail("$.plan", "the plan is both written in place and named as a file; expected one of them");
    if (spec_.plan && !plan_) {
        PlanSpec plan_spec = *spec_.plan;
        if (plan_spec.titles.empty()) plan_spec.titles = plan_titles(spec_);
        try {
            plan_.emplace(std::move(plan_spec));
        } catch (const ValidationError& error) {
            const std::string message = error.what();
            const std::string prefix = error.path() + ": ";
            throw ValidationError("$.plan" + error.path().substr(1),
                                  message.compare(0, prefix.size(), prefix) == 0 ? message.substr(prefix.size()) : message);
        }
    }
    if (!spec_.plan_file.empty() && !plan_) fail("$.plan", "the plan file '" + spec_.plan_file + "' was not loaded; expected its plan");
    if (plan_ && plan_->spec().titles != plan_titles(spec_))
        fail("$.plan.titles", "the plan's titles differ from the campaign's; expected the same titles, in the same order");
    validate_assessments();
}

void Campaign::validate_assessments() {
    // Round schemes: the title's own, else the bundled default of the civilized city.
    for (std::size_t k = 0; k < spec_.titles.size(); ++k) {
        const CampaignTitle& title = spec_.titles[k];
        if (title.scheme) {
            validate(*title.scheme, at("titles", k) + ".scheme");
            schemes_.emplace(title.id, *title.scheme);
        } else if (const auto framework = frameworks_.find(title.id);
                   framework != frameworks_.end() && framework->second.id() == "civilized-city-annual-2018") {
            schemes_.emplace(title.id, civilized_city_scheme());
        }
    }
    const auto known_title = [&](const std::string& path, const std::string& title) {
        if (title_index_.count(title) == 0) fail(path, "unknown title " + in_quotes(title) + "; expected a title id of the campaign");
    };
    const auto index_rounds = index_ids(spec_.rounds, "rounds", "round");
    for (std::size_t k = 0; k < spec_.rounds.size(); ++k) {
        const AssessmentRound& round = spec_.rounds[k];
        known_title(at("rounds", k) + ".title", round.title);
        const auto scheme = schemes_.find(round.title);
        if (scheme == schemes_.end())
            fail(at("rounds", k) + ".title", "title " + in_quotes(round.title) +
                                                 " has no round scheme; expected a title with a \"scheme\" (or the civilized city's framework)");
        validate(round, scheme->second, at("rounds", k));
    }
    (void)index_ids(spec_.checks, "checks", "check");
    for (std::size_t k = 0; k < spec_.checks.size(); ++k) {
        const Check& check = spec_.checks[k];
        if (!check.title.empty()) known_title(at("checks", k) + ".title", check.title);
        if (check.date.is_special()) fail(at("checks", k) + ".date", "the date is not a day; expected a date");
        if (check.end && *check.end < check.date)
            fail(at("checks", k) + ".end", to_iso(*check.end) + " is before the first day " + to_iso(check.date) +
                                               "; expected the window's last day on or after its first");
    }
    (void)index_ids(spec_.inspections, "inspections", "inspection");
    for (std::size_t k = 0; k < spec_.inspections.size(); ++k) {
        const FieldInspection& inspection = spec_.inspections[k];
        const std::string path = at("inspections", k);
        validate(inspection, path);
        if (!inspection.title.empty()) known_title(path + ".title", inspection.title);
        if (!inspection.round.empty()) {
            const auto round = index_rounds.find(inspection.round);
            if (round == index_rounds.end())
                fail(path + ".round", "unknown round " + in_quotes(inspection.round) + "; expected a round id of the campaign");
            if (!inspection.title.empty() && spec_.rounds[round->second].title != inspection.title)
                fail(path + ".round", "round " + in_quotes(inspection.round) + " judges title " +
                                          in_quotes(spec_.rounds[round->second].title) + ", not " + in_quotes(inspection.title) +
                                          "; expected a round of the inspection's title");
        }
        for (std::size_t s = 0; s < inspection.sites.size(); ++s)
            if (unit_index_.count(inspection.sites[s].unit) == 0)
                fail(path + ".sites[" + std::to_string(s) + "].unit",
                     "unknown unit " + in_quotes(inspection.sites[s].unit) + "; expected a unit id of the campaign");
        // The indicators counted must be problem counts of the title's framework, when it has one.
        const auto framework = frameworks_.find(inspection.title);
        if (inspection.title.empty() || framework == frameworks_.end()) continue;
        const auto check_indicator = [&](const std::string& where, const std::string& id) {
            const auto ids = framework->second.indicator_ids();
            if (std::find(ids.begin(), ids.end(), id) == ids.end())
                fail(where, "unknown indicator " + in_quotes(id) + " of framework '" + framework->second.id() + "' (title " +
                                in_quotes(inspection.title) + "); expected one of its problem_count indicators");
            if (framework->second.indicator(id).direction != Direction::problem_count)
                fail(where, "indicator " + in_quotes(id) + " of framework '" + framework->second.id() + "' is " +
                                to_string(framework->second.indicator(id).direction) +
                                ", not a count of problems; expected a problem_count indicator");
        };
        for (std::size_t i = 0; i < inspection.indicators.size(); ++i)
            check_indicator(path + ".indicators[" + std::to_string(i) + "]", inspection.indicators[i]);
        for (std::size_t p = 0; p < inspection.problems.size(); ++p)
            check_indicator(path + ".problems[" + std::to_string(p) + "].indicator", inspection.problems[p].indicator);
    }
}

const RoundScheme& Campaign::round_scheme(const std::string& title) const {
    (void)title_index(title);
    const auto found = schemes_.find(title);
    if (found == schemes_.end()) throw NotFoundError("title '" + title + "' of campaign '" + spec_.id + "' has no round scheme");
    return found->second;
}

bool Campaign::has_round_scheme(const std::string& title) const { return schemes_.count(title) != 0; }

std::vector<AssessmentRound> Campaign::rounds(const std::string& title) const {
    if (!title.empty()) (void)title_index(title);
    std::vector<AssessmentRound> out;
    for (const AssessmentRound& round : spec_.rounds)
        if (title.empty() || round.title == title) out.push_back(round);
    return out;
}

CycleStanding Campaign::cycle_standing(const std::string& title) const {
    return civitas::cycle_standing(round_scheme(title), spec_.rounds, title);
}

const FieldInspection& Campaign::inspection(const std::string& id) const {
    for (const FieldInspection& inspection : spec_.inspections)
        if (inspection.id == id) return inspection;
    throw NotFoundError("unknown field inspection '" + id + "' in campaign '" + spec_.id + "'");
}

namespace {

std::map<std::string, std::string> parents_of(const CampaignSpec& spec) {
    std::map<std::string, std::string> parents;
    for (const CampaignUnit& unit : spec.units)
        if (!unit.parent.empty()) parents.emplace(unit.id, unit.parent);
    return parents;
}

}  // namespace

std::vector<FieldRollup> Campaign::field_rollup(const std::string& id) const {
    return civitas::field_rollup(inspection(id), parents_of(spec_));
}

std::vector<Observation> Campaign::field_observations() const {
    const auto parents = parents_of(spec_);
    std::vector<Observation> out;
    for (const FieldInspection& inspection : spec_.inspections) {
        std::vector<Observation> rows = civitas::field_observations(inspection, parents);
        out.insert(out.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
    }
    return out;
}

std::vector<CampaignEvent> Campaign::events(std::optional<Date> from) const {
    std::vector<CampaignEvent> out;
    for (const CampaignTitle& title : spec_.titles) {
        if (title.dates.benchmark) out.push_back({*title.dates.benchmark, std::nullopt, title.id, EventKind::benchmark, std::nullopt, "", ""});
        if (title.dates.application)
            out.push_back({*title.dates.application, std::nullopt, title.id, EventKind::application, std::nullopt, "", ""});
        if (title.dates.inspection)
            out.push_back({*title.dates.inspection, std::nullopt, title.id, EventKind::inspection, std::nullopt, "", ""});
    }
    for (const Check& check : spec_.checks)
        out.push_back({check.date, check.end, check.title, EventKind::check, check.kind, check.id, check.name});
    for (const AssessmentRound& round : spec_.rounds)
        out.push_back({round.date, std::nullopt, round.title, EventKind::round, round.kind, round.id, round.name});
    for (const FieldInspection& inspection : spec_.inspections)
        out.push_back({inspection.date, std::nullopt, inspection.title, EventKind::field_inspection, std::nullopt, inspection.id,
                       inspection.name});
    std::stable_sort(out.begin(), out.end(), [](const CampaignEvent& a, const CampaignEvent& b) { return a.date < b.date; });
    if (from)
        out.erase(std::remove_if(out.begin(), out.end(), [&](const CampaignEvent& e) { return e.end.value_or(e.date) < *from; }),
                  out.end());
    return out;
}

const Framework& Campaign::framework(const std::string& title) const {
    (void)title_index(title);
    const auto found = frameworks_.find(title);
    if (found == frameworks_.end()) throw NotFoundError("title '" + title + "' of campaign '" + spec_.id + "' has no framework");
    return found->second;
}

std::size_t Campaign::title_index(const std::string& id) const {
    const auto found = title_index_.find(id);
    if (found == title_index_.end()) throw NotFoundError("unknown title '" + id + "' in campaign '" + spec_.id + "'");
    return found->second;
}

std::size_t Campaign::unit_index(const std::string& id) const {
    const auto found = unit_index_.find(id);
    if (found == unit_index_.end()) throw NotFoundError("unknown unit '" + id + "' in campaign '" + spec_.id + "'");
    return found->second;
}

std::vector<std::string> Campaign::children(const std::string& unit) const {
    if (!unit.empty()) (void)unit_index(unit);
    std::vector<std::string> out;
    for (const CampaignUnit& u : spec_.units)
        if (u.parent == unit) out.push_back(u.id);
    return out;
}

std::string Campaign::unit_class(const std::string& unit, const std::string& title) const {
    (void)title_index(title);
    const auto& classes = spec_.units[unit_index(unit)].classes;
    const auto found = classes.find(title);
    return found == classes.end() ? std::string() : found->second;
}

std::vector<const Target*> Campaign::targets_for(const std::string& title, const std::string& indicator, const std::string& unit) const {
    std::vector<const Target*> own, every;
    for (const Target& t : spec_.targets) {
        if (t.title != title || t.indicator != indicator) continue;
        if (t.unit == unit) own.push_back(&t);
        else if (t.unit.empty()) every.push_back(&t);
    }
    return own.empty() ? every : own;
}

std::string to_string(const Campaign& campaign) {
    const CampaignSpec& spec = campaign.spec();
    std::string text = "Campaign('" + spec.id + "': " + std::to_string(spec.titles.size()) + " titles, " +
                       std::to_string(spec.units.size()) + " units, " + std::to_string(spec.targets.size()) + " targets";
    if (campaign.plan()) text += ", plan of " + std::to_string(campaign.plan()->tasks().size()) + " tasks";
    if (!campaign.observations().empty()) text += ", " + std::to_string(campaign.observations().size()) + " observations";
    return text + ")";
}

}  // namespace civitas
