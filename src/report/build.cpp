// Building a campaign's report: readiness on the date turned into the lists an official reads.

#include "report/detail/document.hpp"
#include "report/detail/words.hpp"

#include "tracking/detail/readiness_parts.hpp"

#include <civitas/core/error.hpp>
#include <civitas/core/language.hpp>
#include <civitas/framework/evaluation.hpp>
#include <civitas/report/report.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace civitas {

namespace {

namespace words = detail::words;

std::size_t top_unit(const CampaignSpec& spec) {
    for (std::size_t u = 0; u < spec.units.size(); ++u)
        if (spec.units[u].parent.empty()) return u;
    return 0;
}

// The name of each campaign department, by id.
std::unordered_map<std::string, std::string> department_names(const CampaignSpec& spec) {
    std::unordered_map<std::string, std::string> names;
    for (const Department& d : spec.departments) names.emplace(d.id, d.name);
    return names;
}

// The department answering for each indicator of a title in a unit: that of the first target
// naming one among the unit's own targets, else among those for every unit (as targets_for).
std::unordered_map<std::string, std::string> departments_of(const CampaignSpec& spec, const std::string& title, const std::string& unit,
                                                            const std::unordered_map<std::string, std::string>& names) {
    std::unordered_map<std::string, std::string> own, every;
    std::unordered_set<std::string> with_own;  // indicators with a target of the unit's own
    for (const Target& t : spec.targets) {
        if (t.title != title) continue;
        if (t.unit == unit) with_own.insert(t.indicator);
        if (t.department.empty() || (t.unit != unit && !t.unit.empty())) continue;
        const auto name = names.find(t.department);
        (t.unit == unit ? own : every).emplace(t.indicator, name == names.end() ? t.department : name->second);
    }
    for (auto& [indicator, department] : every)
        if (with_own.count(indicator) == 0) own.emplace(indicator, std::move(department));
    return own;
}

std::optional<double> finite(double value) { return std::isnan(value) ? std::nullopt : std::optional<double>(value); }

// What item_of needs of a title once, not per item: departments and the rules that decided each
// indicator of the unit (the last ruling of a cell wins, as apply_rulings lets it).
struct ItemContext {
    std::unordered_map<std::string, std::string> departments;
    std::unordered_map<std::string, RulingKind> rules;
};

ReportItem item_of(const Campaign& campaign, const TitleReadiness& ready, const ItemContext& context, const Evaluation& now,
                   std::size_t unit, std::size_t column, const std::optional<Date>& known_on, Date as_of) {
    const Framework& framework = *ready.framework;
    const IndicatorResult& result = now.indicators[column];
    const Indicator& indicator = framework.indicator(result.id);
    const CampaignUnit& u = campaign.spec().units[unit];
    ReportItem item;
    item.unit = u.id;
    item.unit_name = u.name.empty() ? u.id : u.name;
    item.indicator = indicator.id;
    item.name = indicator.name.empty() ? indicator.id : indicator.name;
    item.measure = indicator.unit;
    item.direction = indicator.direction;
    item.basic = indicator.kind == ItemKind::basic;
    item.value = result.value;
    if (result.value)
        if (const auto latest = campaign.observations().latest(u.id, indicator.id, as_of, known_on)) item.value_date = latest->date;
    item.met = result.outcome == Outcome::met;
    if (ready.at_inspection) {
        const auto row = static_cast<Eigen::Index>(unit), col = static_cast<Eigen::Index>(column);
        item.projected = finite(ready.at_inspection->values(row, col));
        if (item.projected) item.projected_met = ready.at_inspection->outcomes(row, col) == static_cast<std::int8_t>(Outcome::met);
    }
    item.line = result.pass;
    item.gap = result.gap;
    item.relative_gap = result.relative_gap;
    if (const auto department = context.departments.find(indicator.id); department != context.departments.end())
        item.department = department->second;
    if (const auto rule = context.rules.find(indicator.id); rule != context.rules.end()) item.rule = rule->second;
    return item;
}

// Basic items first, then the largest relative gap (items without one after), then framework order.
void sort_items(std::vector<ReportItem>& items, const Framework& framework) {
    auto position = [&](const std::string& id) { return framework.indicator_index(id); };
    std::stable_sort(items.begin(), items.end(), [&](const ReportItem& a, const ReportItem& b) {
        const double ga = a.relative_gap ? *a.relative_gap : -1.0, gb = b.relative_gap ? *b.relative_gap : -1.0;
        return std::make_tuple(!a.basic, -ga, position(a.indicator)) < std::make_tuple(!b.basic, -gb, position(b.indicator));
    });
}

template <class T>
void truncate(std::vector<T>& items, int& total, int max_items) {
    total = static_cast<int>(items.size());
    if (items.size() > static_cast<std::size_t>(max_items)) items.resize(static_cast<std::size_t>(max_items));
}

// The verdict in words of the report's language.
// `failed`: the title's evaluation could not be computed.
std::string reason_of(Language language, const TitleReadiness& ready, std::size_t u, bool failed) {
    std::vector<Message> parts;
    const bool judged = ready.now && (u >= ready.facts.size() || ready.facts[u].passes_now.has_value());
    if (failed) {
        parts.push_back(words::evaluation_not_computed);
    } else if (!ready.now) {
        parts.push_back(words::no_framework);
    } else if (!judged) {
        parts.push_back(words::city_only);
    } else {
        const bool now = ready.now->passed[u];
        const bool ahead = ready.at_inspection ? ready.at_inspection->passed[u] : now;
        if (!ready.at_inspection) parts.push_back(now ? words::passes_now : words::fails_now);
        else if (!now) parts.push_back(ahead ? words::fails_now_passes_ahead : words::fails_now_and_ahead);
        else parts.push_back(ahead ? words::passes_now_and_ahead : words::passes_now_fails_ahead);
        const int basic = ready.now->basic_failed(static_cast<Eigen::Index>(u));
        if (!now && basic > 0) parts.push_back(words::basic_items_failed(basic));
    }
    if (u < ready.facts.size()) {
        if (const std::size_t n = ready.facts[u].targets_off_track.size(); n > 0) parts.push_back(words::targets_off_track(n));
        if (const std::size_t n = ready.facts[u].surveys_in_doubt.size(); n > 0) parts.push_back(words::surveys_in_doubt(n));
    }
    parts.push_back(words::tasks_overdue(ready.overdue_tasks[u].size()));
    std::string text;
    for (const Message& part : parts) text += (text.empty() ? "" : words::separator.text(language)) + part.text(language);
    return text;
}

std::vector<UnitStanding> standings(const Campaign& campaign, const TitleReadiness& ready, std::size_t top) {
    const CampaignSpec& spec = campaign.spec();
    std::vector<UnitStanding> rows;
    for (const std::string& id : campaign.children(spec.units[top].id)) {
        const std::size_t u = campaign.unit_index(id);
        const auto row = static_cast<Eigen::Index>(u);
        UnitStanding s;
        s.unit = id;
        s.name = spec.units[u].name.empty() ? id : spec.units[u].name;
        s.rag = ready.rag[u];
        s.overdue_tasks = static_cast<int>(ready.overdue_tasks[u].size());
        // A unit the framework does not judge (city-wide items only) has no evaluation to show.
        const bool judged = ready.now && (u >= ready.facts.size() || ready.facts[u].passes_now.has_value());
        if (judged) {
            s.met = ready.now->met(row);
            s.assessed = ready.now->assessed(row);
            s.total = finite(ready.now->totals(row));
            s.passes_now = ready.now->passed[u];
            if (ready.at_inspection) s.passes_at_inspection = ready.at_inspection->passed[u];
        }
        rows.push_back(std::move(s));
    }
    // Best first: verdict, share met, score, fewest overdue tasks; equal keys share a rank.
    auto key = [](const UnitStanding& s) {
        const double share = s.assessed > 0 ? static_cast<double>(s.met) / s.assessed : 0.0;
        return std::make_tuple(static_cast<int>(s.rag), -share, s.total ? -*s.total : 0.0, s.total ? 0 : 1, s.overdue_tasks);
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const UnitStanding& a, const UnitStanding& b) { return key(a) < key(b); });
    for (std::size_t i = 0; i < rows.size(); ++i)
        rows[i].rank = i > 0 && key(rows[i]) == key(rows[i - 1]) ? rows[i - 1].rank : static_cast<int>(i) + 1;
    return rows;
}

// `failed`: readiness could not evaluate the title on its framework. Gaps met on the way (its
// rounds) are added to `gaps`.
TitleReport title_report(const Campaign& campaign, const Readiness& all, const TitleReadiness& ready, std::size_t top,
                         Language language, const ReportOptions& options, bool failed, std::vector<ReportGap>& gaps) {
    const CampaignSpec& spec = campaign.spec();
    const CampaignTitle& title = spec.titles[campaign.title_index(ready.title)];
    TitleReport page;
    page.id = title.id;
    page.name = title.name.empty() ? title.id : title.name;
    page.dates = title.dates;
    if (ready.inspection) page.days_to_inspection = static_cast<int>((*ready.inspection - all.as_of).days());
    page.top_unit = spec.units[top].id;
    page.rag = ready.rag[top];
    page.reason = reason_of(language, ready, top, failed);
    if (failed) page.rag = std::max(page.rag, Rag::amber);  // not known to be green
    const auto row = static_cast<Eigen::Index>(top);

    if (ready.framework && ready.now) {
        const Framework& framework = *ready.framework;
        page.framework = framework.name().empty() ? framework.id() : framework.name();
        page.indicators = static_cast<int>(ready.now->indicator_ids.size());
        page.met = ready.now->met(row);
        page.assessed = ready.now->assessed(row);
        page.basic_failed = ready.now->basic_failed(row);
        page.total = finite(ready.now->totals(row));
        page.scale = framework.scale();
        for (const PassRule& rule : framework.spec().pass_rules) {
            if (rule.type == PassRuleType::min_total) page.pass_total = rule.value;
            if (rule.type == PassRuleType::min_share_met) page.pass_share = rule.value;
        }
        page.passes_now = ready.now->passed[top];
        if (ready.at_inspection) page.passes_at_inspection = ready.at_inspection->passed[top];

        const Evaluation now = unit_evaluation(framework, *ready.now, top);
        ItemContext context;
        context.departments = departments_of(spec, title.id, page.top_unit, department_names(spec));
        for (const Ruling& ruling : ready.rulings)
            if (ruling.unit == page.top_unit) context.rules[ruling.indicator] = ruling.kind;
        for (std::size_t k = 0; k < now.indicators.size(); ++k) {
            const auto column = static_cast<Eigen::Index>(k);
            const bool short_now = now.indicators[k].outcome == Outcome::not_met;
            const bool short_ahead =
                ready.at_inspection && ready.at_inspection->outcomes(row, column) == static_cast<std::int8_t>(Outcome::not_met);
            if (!short_now && !short_ahead) continue;
            const ReportItem item = item_of(campaign, ready, context, now, top, k, options.readiness.known_on, all.as_of);
            if (short_now) page.shortfalls.push_back(item);
            else page.off_track.push_back(item);  // met now, projected to miss
        }
        sort_items(page.shortfalls, framework);
        sort_items(page.off_track, framework);
    } else {
        page.passes_now = true;
    }
    truncate(page.shortfalls, page.shortfalls_total, options.max_items);
    truncate(page.off_track, page.off_track_total, options.max_items);

    if (all.plan) {
        const std::unordered_set<std::string_view> bearing(ready.overdue_tasks[top].begin(), ready.overdue_tasks[top].end());
        for (const OverdueTask& late : all.plan->overdue)
            if (bearing.count(late.id) != 0) page.overdue.push_back(late);
    }
    truncate(page.overdue, page.overdue_total, options.max_items);
    page.units = standings(campaign, ready, top);

    // Targets that need action: overdue, then off track, then without data (met and on-track ones
    // are left out: the page must fit one sheet); surveys in doubt, then not met.
    for (const TargetProgress& target : ready.targets)
        if (target.state != TargetState::met && target.state != TargetState::on_track) page.targets.push_back(target);
    auto severity = [](TargetState s) {
        switch (s) {
        case TargetState::overdue: return 0;
        case TargetState::off_track: return 1;
        case TargetState::no_data: return 2;
        case TargetState::on_track: return 3;
        case TargetState::met: break;
        }
        return 4;
    };
    std::stable_sort(page.targets.begin(), page.targets.end(),
                     [&](const TargetProgress& a, const TargetProgress& b) { return severity(a.state) < severity(b.state); });
    truncate(page.targets, page.targets_total, options.max_items);
    for (const SurveyCheck& survey : ready.surveys)
        if (survey.in_doubt || !survey.meets) page.surveys.push_back(survey);
    std::stable_sort(page.surveys.begin(), page.surveys.end(), [](const SurveyCheck& a, const SurveyCheck& b) {
        return std::make_tuple(!a.in_doubt, a.meets) < std::make_tuple(!b.in_doubt, b.meets);
    });
    truncate(page.surveys, page.surveys_total, options.max_items);
    if (ready.framework) {
        auto name_of = [&](const std::string& id) {
            const Indicator& indicator = ready.framework->indicator(id);
            page.indicator_names[id] = indicator.name.empty() ? id : indicator.name;
        };
        for (const TargetProgress& t : page.targets) name_of(t.indicator);
        for (const SurveyCheck& s : page.surveys) name_of(s.indicator);
    }

    if (campaign.has_round_scheme(title.id)) {
        try {
            const RoundScheme& scheme = campaign.round_scheme(title.id);
            for (const AssessmentRound& round : campaign.rounds(title.id)) {
                if (round.date > all.as_of) continue;
                RoundResult result{round.id, round.name.empty() ? round.id : round.name, round.kind, round.date,
                                   round_total(round, scheme), scheme.full_points(), {}};
                for (const ConsequenceRule& rule : consequences(round, scheme))
                    result.consequences.push_back(rule.name.empty() ? rule.id : rule.name);
                page.rounds.push_back(std::move(result));
            }
            std::stable_sort(page.rounds.begin(), page.rounds.end(),
                             [](const RoundResult& a, const RoundResult& b) { return a.date < b.date; });
        } catch (const Error& error) {
            page.rounds.clear();
            gaps.push_back({ReportPart::rounds, title.id, "", error.full_message()});
        }
    }
    return page;
}

// Tasks and problems by the plan's department field; targets by the campaign's department.
std::vector<DepartmentRow> department_rows(const Campaign& campaign, const Readiness& ready) {
    const CampaignSpec& spec = campaign.spec();
    std::map<std::string, DepartmentRow> rows;
    auto row = [&](const std::string& name) -> DepartmentRow& {
        DepartmentRow& r = rows[name];
        r.name = name;
        return r;
    };
    if (ready.plan && campaign.plan()) {
        const auto by = ready.plan->by_responsibility.find("department");
        if (by != ready.plan->by_responsibility.end())
            for (const auto& [name, progress] : by->second) {
                if (name.empty()) continue;
                DepartmentRow& r = row(name);
                r.tasks = progress.tasks;
                const auto done = progress.states.find(TaskState::done);
                r.done = done == progress.states.end() ? 0 : done->second;
                const auto overdue = progress.states.find(TaskState::overdue);
                r.overdue = overdue == progress.states.end() ? 0 : overdue->second;
                r.due = progress.due;
                r.done_on_time = progress.done_on_time;
                r.problems = progress.problems.found;
                r.problems_open = progress.problems.found - progress.problems.closed;
                r.budget = progress.budget;
                r.budget_earned = progress.budget_earned;
                r.spent = progress.spent;
            }
        for (const OverdueTask& late : ready.plan->overdue) {
            const auto department = late.responsibility.find("department");
            if (department == late.responsibility.end() || department->second.empty()) continue;
            DepartmentRow& r = row(department->second);
            r.most_days_late = std::max(r.most_days_late, late.days_late);
            const auto leader = late.responsibility.find("leader");
            if (r.leader.empty() && leader != late.responsibility.end()) r.leader = leader->second;
        }
    }
    const auto names = department_names(spec);
    const std::size_t top = top_unit(spec);
    for (const Target& target : spec.targets) {
        if (target.department.empty()) continue;
        const auto named = names.find(target.department);
        DepartmentRow& r = row(named == names.end() ? target.department : named->second);
        const TitleReadiness& title = ready.titles[campaign.title_index(target.title)];
        const std::size_t u = target.unit.empty() ? top : campaign.unit_index(target.unit);
        ++r.targets;
        if (!title.now || u >= spec.units.size()) continue;  // no evaluation, or no unit at all to evaluate
        const std::size_t k = title.framework->indicator_index(target.indicator);
        const double value = title.now->values(static_cast<Eigen::Index>(u), static_cast<Eigen::Index>(k));
        const Direction direction = title.framework->indicator(target.indicator).direction;
        const bool lower = direction == Direction::lower || direction == Direction::problem_count;
        if (std::isnan(value) || (lower ? value > target.value : value < target.value)) ++r.targets_short;
    }
    for (const Department& d : spec.departments) {
        const auto found = rows.find(d.name);
        if (found != rows.end() && !d.leader.empty()) found->second.leader = d.leader;
    }
    std::vector<DepartmentRow> out;
    for (auto& [name, r] : rows) out.push_back(std::move(r));
    std::stable_sort(out.begin(), out.end(), [](const DepartmentRow& a, const DepartmentRow& b) {
        return std::make_tuple(-a.overdue, -a.targets_short, -a.most_days_late, -a.problems_open) <
               std::make_tuple(-b.overdue, -b.targets_short, -b.most_days_late, -b.problems_open);
    });
    return out;
}

}  // namespace

Language detail::report_language(const CampaignSpec& spec, std::optional<Language> chosen) {
    if (chosen) return *chosen;
    if (spec.language == "en") return Language::en;
    if (spec.language == "zh") return Language::zh;
    if (language_of_text(spec.name) == Language::zh) return Language::zh;
    for (const CampaignTitle& t : spec.titles)
        if (language_of_text(t.name) == Language::zh) return Language::zh;
    return Language::en;
}

bool operator==(const ReportItem& a, const ReportItem& b) noexcept {
    return a.unit == b.unit && a.unit_name == b.unit_name && a.indicator == b.indicator && a.name == b.name &&
           a.measure == b.measure && a.direction == b.direction && a.basic == b.basic && a.value == b.value && a.met == b.met && a.projected_met == b.projected_met && a.value_date == b.value_date &&
           a.projected == b.projected && a.line.low == b.line.low && a.line.high == b.line.high && a.gap == b.gap &&
           a.relative_gap == b.relative_gap && a.department == b.department && a.rule == b.rule;
}

bool operator==(const UnitStanding& a, const UnitStanding& b) noexcept {
    return a.unit == b.unit && a.name == b.name && a.rank == b.rank && a.rag == b.rag && a.met == b.met &&
           a.assessed == b.assessed && a.total == b.total && a.passes_now == b.passes_now &&
           a.passes_at_inspection == b.passes_at_inspection && a.overdue_tasks == b.overdue_tasks;
}

bool operator==(const TitleReport& a, const TitleReport& b) noexcept {
    return a.id == b.id && a.name == b.name && a.framework == b.framework && a.dates == b.dates &&
           a.days_to_inspection == b.days_to_inspection && a.top_unit == b.top_unit && a.rag == b.rag &&
           a.reason == b.reason && a.met == b.met && a.assessed == b.assessed && a.indicators == b.indicators &&
           a.basic_failed == b.basic_failed && a.total == b.total && a.scale == b.scale &&
           a.pass_total == b.pass_total && a.pass_share == b.pass_share && a.passes_now == b.passes_now &&
           a.passes_at_inspection == b.passes_at_inspection && a.shortfalls == b.shortfalls && a.off_track == b.off_track &&
           a.overdue == b.overdue && a.shortfalls_total == b.shortfalls_total &&
           a.off_track_total == b.off_track_total && a.overdue_total == b.overdue_total && a.units == b.units &&
           a.targets == b.targets && a.targets_total == b.targets_total && a.surveys == b.surveys &&
           a.surveys_total == b.surveys_total && a.rounds == b.rounds && a.indicator_names == b.indicator_names;
}

bool operator==(const DepartmentRow& a, const DepartmentRow& b) noexcept {
    return a.name == b.name && a.leader == b.leader && a.tasks == b.tasks && a.done == b.done && a.due == b.due &&
           a.done_on_time == b.done_on_time && a.overdue == b.overdue && a.most_days_late == b.most_days_late &&
           a.problems == b.problems && a.problems_open == b.problems_open && a.targets == b.targets &&
           a.targets_short == b.targets_short && a.budget == b.budget && a.budget_earned == b.budget_earned && a.spent == b.spent;
}

bool operator==(const Report& a, const Report& b) noexcept {
    return a.campaign == b.campaign && a.name == b.name && a.as_of == b.as_of && a.known_on == b.known_on &&
           a.language == b.language && a.titles == b.titles && a.departments == b.departments && a.plan == b.plan &&
           a.rejected_observations == b.rejected_observations && a.next_events == b.next_events && a.unit_names == b.unit_names &&
           a.department_names == b.department_names && a.gaps == b.gaps && a.circular == b.circular && a.actions == b.actions &&
           a.accounts == b.accounts && a.over_budget == b.over_budget && a.over_budget_total == b.over_budget_total;
}

Report build_report(const Campaign& campaign, Date as_of, const ReportOptions& options) {
    if (options.max_items < 1)
        throw ValidationError("max_items", Message("{0} rows cannot show a list; expected 1 or more"_en, "{0} 行无法显示列表；应为 1 行或以上"_zh,
                                                   {std::to_string(options.max_items)}));
    const CampaignSpec& spec = campaign.spec();
    std::vector<detail::ReadinessFailure> failures;
    const Readiness ready = detail::readiness(campaign, as_of, options.readiness, &failures);
    Report report;
    report.campaign = spec.id;
    report.name = spec.name.empty() ? spec.id : spec.name;
    report.as_of = as_of;
    report.known_on = options.readiness.known_on;
    report.language = detail::report_language(spec, options.language);
    if (ready.plan) {
        report.plan = ready.plan->overall;
        report.accounts = ready.plan->by_account;
        report.over_budget_total = static_cast<int>(ready.plan->over_budget.size());
        report.over_budget.assign(ready.plan->over_budget.begin(),
                                  ready.plan->over_budget.begin() + std::min<std::ptrdiff_t>(options.max_items, report.over_budget_total));
    }
    report.rejected_observations = static_cast<int>(campaign.rejected_observations().size());
    const std::size_t top = top_unit(spec);
    for (const CampaignUnit& unit : spec.units) report.unit_names[unit.id] = unit.name.empty() ? unit.id : unit.name;
    for (const Department& d : spec.departments) report.department_names[d.id] = d.name.empty() ? d.id : d.name;
    // What could not be computed is said, not left out: the plan's status, a title's evaluation,
    // a unit whose data the framework refuses; then anything else that fails on the way.
    std::set<std::string> failed_titles;
    for (const detail::ReadinessFailure& failure : failures) {
        if (!failure.title.empty()) failed_titles.insert(failure.title);
        report.gaps.push_back({failure.title.empty() ? ReportPart::plan_status : ReportPart::title_evaluation, failure.title, "",
                               failure.reason});
    }
    for (const TitleReadiness& title : ready.titles) {
        for (std::size_t u = 0; title.now && u < title.units.size(); ++u) {
            if (!title.now->errors[u].empty())
                report.gaps.push_back({ReportPart::unit_evaluation, title.title, title.units[u], title.now->errors[u]});
            else if (title.at_inspection && !title.at_inspection->errors[u].empty())
                report.gaps.push_back({ReportPart::unit_projection, title.title, title.units[u], title.at_inspection->errors[u]});
        }
        const bool failed = failed_titles.count(title.title) != 0;
        // The title's page as far as it goes without its evaluation.
        const auto unevaluated = [&] {
            const CampaignTitle& t = spec.titles[campaign.title_index(title.title)];
            TitleReport page;
            page.id = t.id;
            page.name = t.name.empty() ? t.id : t.name;
            page.dates = t.dates;
            if (!spec.units.empty()) page.top_unit = spec.units[top].id;
            page.rag = Rag::amber;
            page.reason = words::evaluation_not_computed.text(report.language);
            report.titles.push_back(std::move(page));
        };
        if (spec.units.empty()) {
            report.gaps.push_back({ReportPart::title_evaluation, title.title, "",
                                   Message("the campaign lists no units; expected at least the city"_en, "创建方案未列出任何单位；应至少列出城市本身"_zh)});
            unevaluated();
            continue;
        }
        try {
            report.titles.push_back(title_report(campaign, ready, title, top, report.language, options, failed, report.gaps));
        } catch (const Error& error) {
            if (!failed) report.gaps.push_back({ReportPart::title_evaluation, title.title, "", error.full_message()});
            unevaluated();
        }
    }
    try {
        report.departments = department_rows(campaign, ready);
    } catch (const Error& error) {
        report.departments.clear();
        report.gaps.push_back({ReportPart::departments, "", "", error.full_message()});
    }
    try {
        CircularOptions circular;
        circular.language = report.language;
        Circular lines = detail::circular(campaign, as_of, options.submissions ? &*options.submissions : nullptr, circular);
        // The bottom of the ranking, worst first: the departments the circular names.
        for (auto row = lines.rows.rbegin(); row != lines.rows.rend() && report.circular.size() < static_cast<std::size_t>(options.max_items); ++row)
            if (row->overdue > 0 || row->problems_overdue > 0 || row->submissions_late + row->submissions_missing > 0)
                report.circular.push_back(std::move(*row));
        report.actions = std::move(lines.actions);
    } catch (const Error& error) {
        report.circular.clear();
        report.actions.clear();
        // The plan's status that failed above fails here too: said once.
        if (std::none_of(report.gaps.begin(), report.gaps.end(), [](const ReportGap& g) { return g.part == ReportPart::plan_status; }))
            report.gaps.push_back({ReportPart::departments, "", "", error.full_message()});
    }
    try {
        for (const CampaignEvent& event : campaign.events(as_of + boost::gregorian::days(1))) {
            if (report.next_events.size() >= static_cast<std::size_t>(options.max_items)) break;
            report.next_events.push_back(event);
        }
    } catch (const Error& error) {
        report.next_events.clear();
        report.gaps.push_back({ReportPart::next_events, "", "", error.full_message()});
    }
    return report;
}

std::string render(const Report& report, ReportFormat format) {
    switch (format) {
    case ReportFormat::json: return detail::render_json(report);
    case ReportFormat::html: return detail::render_html(detail::layout(report));
    case ReportFormat::markdown: return detail::render_markdown(detail::layout(report));
    case ReportFormat::text: break;
    }
    return detail::render_text(detail::layout(report));
}

std::string to_string(const Report& report) {
    std::string text = "Report('" + report.campaign + "' on " + to_iso(report.as_of) + ": " +
                       std::to_string(report.titles.size()) + " titles";
    for (const TitleReport& t : report.titles) text += std::string(t.id == report.titles.front().id ? "; " : ", ") + t.id + " " + to_string(t.rag);
    return text + ")";
}

}  // namespace civitas
