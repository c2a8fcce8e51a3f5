// Campaigns: validation of the titles, units, departments, targets and plan against the
// frameworks they name.

#include <civitas/core/error.hpp>
#include <civitas/tracking/campaign.hpp>

#include "core/detail/number_format.hpp"
#include "plan/detail/task_order.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace civitas {

bool operator==(const CampaignSpec& a, const CampaignSpec& b) noexcept {
    return a.id == b.id && a.name == b.name && a.language == b.language && a.calendar == b.calendar && a.titles == b.titles &&
           a.units == b.units && a.departments == b.departments && a.targets == b.targets && a.plan == b.plan &&
           a.plan_file == b.plan_file && a.observations == b.observations && a.store == b.store && a.rounds == b.rounds && a.checks == b.checks &&
           a.inspections == b.inspections && a.submissions == b.submissions && a.accountability == b.accountability;
}

namespace {

[[noreturn]] void fail(const std::string& path, Message message) { throw ValidationError(path, std::move(message)); }

// "unknown title 'x'; expected a title id of the campaign", for the places that name a title.
Message unknown_title(const std::string& title) {
    return Message("unknown title '{0}'; expected a title id of the campaign"_en, "称号 '{0}' 未定义；应为创建方案中的称号 id"_zh, {title});
}

// "unknown unit 'x'; expected a unit id of the campaign".
Message unknown_unit(const std::string& unit) {
    return Message("unknown unit '{0}'; expected a unit id of the campaign"_en, "单位 '{0}' 未定义；应为创建方案中的单位 id"_zh, {unit});
}

std::string at(const char* list, std::size_t k) { return std::string("$.") + list + "[" + std::to_string(k) + "]"; }

// Checks that the ids of `items` are non-empty and unique; returns them with their positions.
// `what` names one item ("title", "称号").
template <class Item>
std::unordered_map<std::string, std::size_t> index_ids(const std::vector<Item>& items, const char* list, const Message& what) {
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t k = 0; k < items.size(); ++k) {
        if (items[k].id.empty()) fail(at(list, k) + ".id", Message("id is empty; expected a non-empty id"_en, "id 为空；应为非空的 id"_zh));
        if (!index.emplace(items[k].id, k).second)
            fail(at(list, k) + ".id",
                 Message("duplicate {0} id '{1}'; expected each {0} once"_en, "{0} id '{1}' 重复；每个{0}应只出现一次"_zh, {what, items[k].id}));
    }
    return index;
}

// The unit classes a framework's class-dependent lines name.
std::set<std::string> classes_of(const Framework& framework) {
    std::set<std::string> classes;
    for (const Indicator* indicator : framework.indicators()) {
        for (const auto& [name, line] : indicator->pass_by_class) classes.insert(name);
        classes.insert(indicator->classes_without_line.begin(), indicator->classes_without_line.end());
    }
    return classes;
}

std::vector<Title> plan_titles(const CampaignSpec& spec) {
    std::vector<Title> titles;
    for (const CampaignTitle& t : spec.titles) titles.push_back({t.id, t.name});
    return titles;
}

// Calls `visit(index, task, path)` for each task of the plan as written, with its position in
// plan.tasks() and its path inside the campaign ("$.plan.subplans[0].tasks[2]"): sub-plans are
// walked in the order Plan flattens them (breadth first). `visit` returns false to stop.
template <class Visit>
void for_each_plan_task(const Plan& plan, Visit&& visit) {
    std::vector<std::pair<const PlanSpec*, std::string>> scopes{{&plan.spec(), "$.plan"}};
    std::size_t index = 0;
    for (std::size_t s = 0; s < scopes.size(); ++s) {
        const PlanSpec* scope = scopes[s].first;  // copies: emplace_back below may move the vector
        const std::string scope_path = scopes[s].second;
        for (std::size_t k = 0; k < scope->subplans.size(); ++k)
            scopes.emplace_back(&scope->subplans[k], scope_path + ".subplans[" + std::to_string(k) + "]");
        for (std::size_t k = 0; k < scope->tasks.size(); ++k, ++index)
            if (!visit(index, scope->tasks[k], [&, k = k] { return scope_path + ".tasks[" + std::to_string(k) + "]"; })) return;
    }
}

// The plan's dependencies form no cycle (a plan alone may hold one, which schedule() names; a
// campaign reports on its plan, so it refuses one). The path is that of the dependency that
// closes the cycle: the first task's wait for the last.
void check_dependencies(const Plan& plan) {
    const detail::TaskOrder order = detail::task_order(plan);
    if (order.cycle.empty()) return;
    const std::size_t first = order.cycle.front(), last = order.cycle[order.cycle.size() - 2];
    const std::vector<std::size_t>& waits = plan.waits_for(first);
    const auto k = static_cast<std::size_t>(std::find(waits.begin(), waits.end(), last) - waits.begin());
    for_each_plan_task(plan, [&](std::size_t index, const Task&, const auto& path) {
        if (index != first) return true;
        fail(path() + ".depends_on[" + std::to_string(k) + "]",
             Message("the plan's dependencies form a cycle: {0} (each waits for the one before); expected none"_en,
                     "工作计划的任务依赖形成循环: {0}（每个任务都在等待前一个）；不应有循环"_zh, {detail::cycle_text(plan, order.cycle)}));
    });
}

// The milestones of the plan that name a check: the check is one of the campaign's, the
// milestone falls on its first day, and serves its title (when both name titles). Paths are the
// plan's inside the campaign ("$.plan.subplans[0].tasks[2].due").
void check_milestones(const CampaignSpec& spec, const Plan& plan) {
    std::unordered_map<std::string, std::size_t> checks;
    for (std::size_t k = 0; k < spec.checks.size(); ++k) checks.emplace(spec.checks[k].id, k);
    for_each_plan_task(plan, [&](std::size_t index, const Task& task, const auto& task_path) {
        if (task.check.empty()) return true;
        const std::string path = task_path();
        const Message owner("milestone '{0}'"_en, "里程碑 '{0}'"_zh, {plan.tasks()[index].id});
        const auto found = checks.find(task.check);
        if (found == checks.end()) {
            std::string known;
            for (const Check& check : spec.checks) known += (known.empty() ? "" : ", ") + check.id;
            fail(path + ".check", Message("unknown check '{0}' of {1}; expected one of the campaign's checks ({2})"_en,
                                          "{1} 的检查 '{0}' 未定义；应为创建方案中的检查之一（{2}）"_zh,
                                          {task.check, owner,
                                           known.empty() ? Message::Argument(Message("it has none"_en, "创建方案未设检查"_zh))
                                                         : Message::Argument(known)}));
        }
        const Check& check = spec.checks[found->second];
        if (task.due != check.date)
            fail(path + ".due", Message("{0} is dated {1} but check '{2}' {3} {4}; expected the milestone on the check's first day, {4}"_en,
                                        "{0} 的日期为 {1}，而检查 '{2}' {3} {4}；里程碑应在检查的第一天 {4}"_zh,
                                        {owner, to_iso(task.due), check.id,
                                         check.end ? Message("opens on"_en, "始于"_zh) : Message("is on"_en, "定于"_zh), to_iso(check.date)}));
        const std::vector<std::string>& titles = plan.titles_of_task(index);
        if (!check.title.empty() && !titles.empty() && std::find(titles.begin(), titles.end(), check.title) == titles.end()) {
            std::string served;
            for (const std::string& title : titles) served += (served.empty() ? "" : ", ") + title;
            fail(path + (task.titles.empty() ? ".phase" : ".titles"),
                 Message("{0} serves {1}{2} but check '{3}' judges title '{4}'; expected the milestone to serve the check's title "
                         "(or no title: the whole campaign)"_en,
                         "{0} 服务于称号 {1}{2}，而检查 '{3}' 评定称号 '{4}'；里程碑应服务于该检查的称号（或不指定称号，即整个创建方案）"_zh,
                         {owner, served,
                          task.titles.empty() ? Message::Argument(Message(" (its phase's title)"_en, "（所属阶段的称号）"_zh))
                                              : Message::Argument(""),
                          check.id, check.title}));
        }
        return true;
    });
}

}  // namespace

Campaign::Campaign(CampaignSpec spec, std::map<std::string, Framework> frameworks, WorkCalendar calendar, std::optional<Plan> plan,
                   ObservationStore observations, std::vector<std::pair<std::string, RejectedRow>> rejected_observations)
    : spec_(std::move(spec)),
      frameworks_(std::move(frameworks)),
      calendar_(std::move(calendar)),
      plan_(std::move(plan)),
      observations_(std::move(observations)),
      rejected_(std::move(rejected_observations)) {
    observations_.finalize();
    if (!spec_.language.empty() && spec_.language != "zh" && spec_.language != "en")
        fail("$.language", Message("\"{0}\" is not a report language; expected \"zh\" or \"en\""_en,
                                   "\"{0}\" 不是可用的报告语言；应为 \"zh\" 或 \"en\""_zh, {spec_.language}));
    title_index_ = index_ids(spec_.titles, "titles", Message("title"_en, "称号"_zh));
    for (const auto& [title, framework] : frameworks_)
        if (title_index_.count(title) == 0)
            fail("$.titles", Message("a framework is given for unknown title '{0}'; expected a title id of the campaign"_en,
                                     "为未定义的称号 '{0}' 提供了测评体系；应为创建方案中的称号 id"_zh, {title}));
    for (std::size_t k = 0; k < spec_.titles.size(); ++k) {
        if (!spec_.titles[k].framework.empty() && frameworks_.count(spec_.titles[k].id) == 0)
            fail(at("titles", k) + ".framework", Message("framework '{0}' of title '{1}' was not loaded; expected its framework"_en,
                                                         "称号 '{1}' 的测评体系 '{0}' 未加载；应提供该测评体系"_zh,
                                                         {spec_.titles[k].framework, spec_.titles[k].id}));
        const TitleDates& d = spec_.titles[k].dates;
        if (d.benchmark && d.application && *d.application < *d.benchmark)
            fail(at("titles", k) + ".dates.application",
                 Message("{0} is before the benchmark creation {1}; expected the application after it"_en,
                         "{0} 早于对标创建启动日期 {1}；申报日期应在其之后"_zh, {to_iso(*d.application), to_iso(*d.benchmark)}));
        if (d.application && d.inspection && *d.inspection < *d.application)
            fail(at("titles", k) + ".dates.inspection",
                 Message("{0} is before the application {1}; expected the inspection after it"_en,
                         "{0} 早于申报日期 {1}；检查日期应在其之后"_zh, {to_iso(*d.inspection), to_iso(*d.application)}));
        if (!d.application && d.benchmark && d.inspection && *d.inspection < *d.benchmark)
            fail(at("titles", k) + ".dates.inspection",
                 Message("{0} is before the benchmark creation {1}; expected the inspection after it"_en,
                         "{0} 早于对标创建启动日期 {1}；检查日期应在其之后"_zh, {to_iso(*d.inspection), to_iso(*d.benchmark)}));
    }

    unit_index_ = index_ids(spec_.units, "units", Message("unit"_en, "单位"_zh));
    for (std::size_t k = 0; k < spec_.units.size(); ++k) {
        const CampaignUnit& unit = spec_.units[k];
        if (!unit.parent.empty()) {
            const auto parent = unit_index_.find(unit.parent);
            if (parent == unit_index_.end())
                fail(at("units", k) + ".parent", Message("unknown parent unit '{0}' of unit '{1}'; expected a unit id of the campaign"_en,
                                                         "单位 '{1}' 的上级单位 '{0}' 未定义；应为创建方案中的单位 id"_zh, {unit.parent, unit.id}));
            // Parents come first, so a unit's ancestors are all before it: no loops.
            if (parent->second >= k)
                fail(at("units", k) + ".parent", Message("parent unit '{0}' of unit '{1}' is listed after it; expected parents before their units"_en,
                                                         "单位 '{1}' 的上级单位 '{0}' 列在其后；上级单位应列在下级单位之前"_zh, {unit.parent, unit.id}));
        }
        for (const auto& [title, name] : unit.classes) {
            const std::string path = at("units", k) + ".classes." + title;
            const auto found = title_index_.find(title);
            if (found == title_index_.end())
                fail(path, Message("unknown title '{0}' in the classes of unit '{1}'; expected a title id"_en,
                                   "单位 '{1}' 的单位类别中称号 '{0}' 未定义；应为称号 id"_zh, {title, unit.id}));
            const auto framework = frameworks_.find(title);
            if (framework == frameworks_.end())
                fail(path, Message("title '{0}' has no framework, so no unit classes; expected a title with a framework"_en,
                                   "称号 '{0}' 没有测评体系，因而没有单位类别；应为有测评体系的称号"_zh, {title}));
            const std::set<std::string> known = classes_of(framework->second);
            if (known.count(name) == 0) {
                std::string list;
                for (const std::string& c : known) list += (list.empty() ? "" : ", ") + c;
                fail(path, Message("unit class '{0}' is not one framework '{1}' uses; expected one of: {2}"_en,
                                   "单位类别 '{0}' 不是测评体系 '{1}' 使用的类别；应为以下之一: {2}"_zh,
                                   {name, framework->second.id(),
                                    list.empty() ? Message::Argument(Message("(it has no class-dependent lines)"_en, "（该测评体系没有按类别设定的达标线）"_zh))
                                                 : Message::Argument(list)}));
            }
        }
    }

    const auto departments = index_ids(spec_.departments, "departments", Message("department"_en, "责任部门"_zh));
    for (std::size_t k = 0; k < spec_.departments.size(); ++k)
        if (!spec_.departments[k].unit.empty() && unit_index_.count(spec_.departments[k].unit) == 0)
            fail(at("departments", k) + ".unit", unknown_unit(spec_.departments[k].unit));
    if (spec_.submissions) {
        const SubmissionSchedule& schedule = *spec_.submissions;
        if (schedule.due_day < 1 || schedule.due_day > 28)
            fail("$.submissions.due_day", Message("{0} is not a day every month has; expected a day from 1 to 28"_en,
                                                  "{0} 不是每个月都有的日期；应为 1 到 28 之间的日期"_zh, {std::to_string(schedule.due_day)}));
        if (schedule.first_month.day() != 1)
            fail("$.submissions.first_month", Message("{0} is not the first day of a month; expected a month (\"2026-01\")"_en,
                                                      "{0} 不是月份的第一天；应为月份（\"2026-01\"）"_zh, {to_iso(schedule.first_month)}));
        for (std::size_t k = 0; k < schedule.departments.size(); ++k)
            if (departments.count(schedule.departments[k]) == 0)
                fail("$.submissions.departments[" + std::to_string(k) + "]",
                     Message("unknown department '{0}'; expected a department id of the campaign"_en,
                             "责任部门 '{0}' 未定义；应为创建方案中的责任部门 id"_zh, {schedule.departments[k]}));
    }
    (void)index_ids(spec_.accountability, "accountability", Message("accountability rule"_en, "问责规则"_zh));
    for (std::size_t k = 0; k < spec_.accountability.size(); ++k) {
        const AccountabilityRule& rule = spec_.accountability[k];
        const std::string path = at("accountability", k);
        if (!rule.days_overdue && !rule.problems_overdue && !rule.late_submissions)
            fail(path, Message("rule '{0}' has no condition; expected days_overdue, problems_overdue or late_submissions"_en,
                               "问责规则 '{0}' 没有触发条件；应给出 days_overdue、problems_overdue 或 late_submissions"_zh, {rule.id}));
        const std::pair<const char*, const std::optional<int>*> counts[] = {{"days_overdue", &rule.days_overdue},
                                                                             {"problems_overdue", &rule.problems_overdue},
                                                                             {"late_submissions", &rule.late_submissions},
                                                                             {"months", &rule.months}};
        for (const auto& [field, count] : counts)
            if (*count && **count < 1)
                fail(path + "." + field, Message("{0} is not a positive count; expected a whole number of at least 1"_en,
                                                 "{0} 不是正的计数；应为不小于 1 的整数"_zh, {std::to_string(**count)}));
        if (rule.months && !rule.late_submissions)
            fail(path + ".months", Message("months counts late submissions, which rule '{0}' does not; expected late_submissions beside it"_en,
                                           "months 用于统计迟报次数，而问责规则 '{0}' 没有 late_submissions；应与 late_submissions 同时给出"_zh,
                                           {rule.id}));
        if (rule.late_submissions && !spec_.submissions)
            fail(path + ".late_submissions", Message("late submissions need the campaign's submission schedule; expected \"submissions\" in the campaign"_en,
                                                     "迟报次数需要创建方案的报送安排；应在创建方案中给出 \"submissions\""_zh));
    }
    for (std::size_t k = 0; k < spec_.targets.size(); ++k) {
        const Target& target = spec_.targets[k];
        const std::string path = at("targets", k);
        const auto title = title_index_.find(target.title);
        if (title == title_index_.end())
            fail(path + ".title", unknown_title(target.title));
        const auto with = frameworks_.find(target.title);
        if (with == frameworks_.end())
            fail(path + ".title", Message("title '{0}' has no framework to hold indicator '{1}'; expected a title with a framework"_en,
                                          "称号 '{0}' 没有测评体系，无法容纳指标 '{1}'；应为有测评体系的称号"_zh, {target.title, target.indicator}));
        const Framework& framework = with->second;
        const auto ids = framework.indicator_ids();
        if (std::find(ids.begin(), ids.end(), target.indicator) == ids.end())
            fail(path + ".indicator", Message("unknown indicator '{0}' of framework '{1}' (title '{2}'); expected one of its indicator ids"_en,
                                              "测评体系 '{1}'（称号 '{2}'）中没有指标 '{0}'；应为该测评体系的指标 id 之一"_zh,
                                              {target.indicator, framework.id(), target.title}));
        if (!target.unit.empty() && unit_index_.count(target.unit) == 0)
            fail(path + ".unit", unknown_unit(target.unit));
        if (!target.department.empty() && departments.count(target.department) == 0)
            fail(path + ".department", Message("unknown department '{0}'; expected a department id of the campaign"_en,
                                               "责任部门 '{0}' 未定义；应为创建方案中的责任部门 id"_zh, {target.department}));
        const Indicator& indicator = framework.indicator(target.indicator);
        if (!std::isfinite(target.value))
            fail(path + ".value", Message("target of '{0}' is not a finite number; expected a value"_en, "指标 '{0}' 的目标不是有限数值；应为数值"_zh,
                                          {target.indicator}));
        if (indicator.bounds && !indicator.bounds->contains(target.value))
            fail(path + ".value", Message("{0} is outside the bounds of '{1}'; expected a value in [{2}, {3}]"_en,
                                          "{0} 超出指标 '{1}' 的取值范围；应为 [{2}, {3}] 之内的值"_zh,
                                          {detail::format_number(target.value), target.indicator, detail::format_number(indicator.bounds->low),
                                           detail::format_number(indicator.bounds->high)}));
    }

    // The plan: written in place (built here, taking the campaign's titles) or given, loaded
    // from its file, with the campaign's titles.
    if (spec_.plan && !spec_.plan_file.empty())
        fail("$.plan", Message("the plan is both written in place and named as a file; expected one of them"_en,
                               "工作计划既直接写入又指定为文件；应二者取一"_zh));
    if (spec_.plan && !plan_) {
        PlanSpec plan_spec = *spec_.plan;
        if (plan_spec.titles.empty()) plan_spec.titles = plan_titles(spec_);
        try {
            plan_.emplace(std::move(plan_spec));
        } catch (const ValidationError& error) {
            throw ValidationError("$.plan" + error.path().substr(1), error.detail());
        }
    }
    if (!spec_.plan_file.empty() && !plan_)
        fail("$.plan", Message("the plan file '{0}' was not loaded; expected its plan"_en, "工作计划文件 '{0}' 未加载；应提供其中的工作计划"_zh,
                               {spec_.plan_file}));
    if (plan_ && plan_->spec().titles != plan_titles(spec_))
        fail("$.plan.titles", Message("the plan's titles differ from the campaign's; expected the same titles, in the same order"_en,
                                      "工作计划的称号与创建方案的不一致；应为相同的称号，且顺序相同"_zh));
    validate_assessments();
    if (plan_) {
        check_dependencies(*plan_);
        check_milestones(spec_, *plan_);
    }
}

void Campaign::validate_assessments() {
    // Round schemes: the title's own, else the default its framework names.
    for (std::size_t k = 0; k < spec_.titles.size(); ++k) {
        const CampaignTitle& title = spec_.titles[k];
        if (title.scheme) {
            validate(*title.scheme, at("titles", k) + ".scheme");
            schemes_.emplace(title.id, *title.scheme);
        } else if (const auto framework = frameworks_.find(title.id);
                   framework != frameworks_.end() && framework->second.spec().round_scheme) {
            schemes_.emplace(title.id, *framework->second.spec().round_scheme);
        }
    }
    const auto known_title = [&](const std::string& path, const std::string& title) {
        if (title_index_.count(title) == 0) fail(path, unknown_title(title));
    };
    const auto index_rounds = index_ids(spec_.rounds, "rounds", Message("round"_en, "测评轮次"_zh));
    for (std::size_t k = 0; k < spec_.rounds.size(); ++k) {
        const AssessmentRound& round = spec_.rounds[k];
        known_title(at("rounds", k) + ".title", round.title);
        const auto scheme = schemes_.find(round.title);
        if (scheme == schemes_.end())
            fail(at("rounds", k) + ".title",
                 Message("title '{0}' has no round scheme; expected a title with a \"scheme\", or judged by a framework that names a \"round_scheme\""_en,
                         "称号 '{0}' 没有计分方案；应为设有 \"scheme\" 的称号，或其测评体系指定了 \"round_scheme\""_zh, {round.title}));
        validate(round, scheme->second, at("rounds", k));
    }
    (void)index_ids(spec_.checks, "checks", Message("check"_en, "检查"_zh));
    for (std::size_t k = 0; k < spec_.checks.size(); ++k) {
        const Check& check = spec_.checks[k];
        if (!check.title.empty()) known_title(at("checks", k) + ".title", check.title);
        if (check.date.is_special())
            fail(at("checks", k) + ".date", Message("the date is not a day; expected a date"_en, "该日期不是具体的某一天；应为日期"_zh));
        if (check.end && *check.end < check.date)
            fail(at("checks", k) + ".end", Message("{0} is before the first day {1}; expected the window's last day on or after its first"_en,
                                                   "{0} 早于首日 {1}；检查时段的最后一天应不早于第一天"_zh, {to_iso(*check.end), to_iso(check.date)}));
    }
    (void)index_ids(spec_.inspections, "inspections", Message("inspection"_en, "实地考察"_zh));
    for (std::size_t k = 0; k < spec_.inspections.size(); ++k) {
        const FieldInspection& inspection = spec_.inspections[k];
        const std::string path = at("inspections", k);
        validate(inspection, path);
        if (!inspection.title.empty()) known_title(path + ".title", inspection.title);
        if (!inspection.round.empty()) {
            const auto round = index_rounds.find(inspection.round);
            if (round == index_rounds.end())
                fail(path + ".round", Message("unknown round '{0}'; expected a round id of the campaign"_en,
                                              "测评轮次 '{0}' 未定义；应为创建方案中的测评轮次 id"_zh, {inspection.round}));
            if (!inspection.title.empty() && spec_.rounds[round->second].title != inspection.title)
                fail(path + ".round", Message("round '{0}' judges title '{1}', not '{2}'; expected a round of the inspection's title"_en,
                                              "测评轮次 '{0}' 评定的是称号 '{1}'，不是 '{2}'；应为本次实地考察所属称号的测评轮次"_zh,
                                              {inspection.round, spec_.rounds[round->second].title, inspection.title}));
        }
        for (std::size_t s = 0; s < inspection.sites.size(); ++s)
            if (unit_index_.count(inspection.sites[s].unit) == 0)
                fail(path + ".sites[" + std::to_string(s) + "].unit", unknown_unit(inspection.sites[s].unit));
        // The indicators counted must be problem counts of the title's framework, when it has one.
        const auto framework = frameworks_.find(inspection.title);
        if (inspection.title.empty() || framework == frameworks_.end()) continue;
        const auto check_indicator = [&](const std::string& where, const std::string& id) {
            const auto ids = framework->second.indicator_ids();
            if (std::find(ids.begin(), ids.end(), id) == ids.end())
                fail(where, Message("unknown indicator '{0}' of framework '{1}' (title '{2}'); expected one of its problem_count indicators"_en,
                                    "测评体系 '{1}'（称号 '{2}'）中没有指标 '{0}'；应为该测评体系中 problem_count 类型的指标之一"_zh,
                                    {id, framework->second.id(), inspection.title}));
            if (framework->second.indicator(id).direction != Direction::problem_count)
                fail(where, Message("indicator '{0}' of framework '{1}' is {2}, not a count of problems; expected a problem_count indicator"_en,
                                    "测评体系 '{1}' 的指标 '{0}' 是 {2} 类型，不是问题计数；应为 problem_count 类型的指标"_zh,
                                    {id, framework->second.id(), to_string(framework->second.indicator(id).direction)}));
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
    if (found == schemes_.end())
        throw NotFoundError(Message("title '{0}' of campaign '{1}' has no round scheme"_en, "创建方案 '{1}' 的称号 '{0}' 没有计分方案"_zh,
                                    {title, spec_.id}));
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
    throw NotFoundError(Message("unknown field inspection '{0}' in campaign '{1}'"_en, "创建方案 '{1}' 中没有实地考察 '{0}'"_zh, {id, spec_.id}));
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
    if (found == frameworks_.end())
        throw NotFoundError(Message("title '{0}' of campaign '{1}' has no framework"_en, "创建方案 '{1}' 的称号 '{0}' 没有测评体系"_zh, {title, spec_.id}));
    return found->second;
}

std::size_t Campaign::title_index(const std::string& id) const {
    const auto found = title_index_.find(id);
    if (found == title_index_.end())
        throw NotFoundError(Message("unknown title '{0}' in campaign '{1}'"_en, "创建方案 '{1}' 中没有称号 '{0}'"_zh, {id, spec_.id}));
    return found->second;
}

std::size_t Campaign::unit_index(const std::string& id) const {
    const auto found = unit_index_.find(id);
    if (found == unit_index_.end())
        throw NotFoundError(Message("unknown unit '{0}' in campaign '{1}'"_en, "创建方案 '{1}' 中没有单位 '{0}'"_zh, {id, spec_.id}));
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

const Department* Campaign::responsible_department(const std::map<std::string, std::string>& responsibility) const {
    const auto field = [&](const char* name) {
        const auto found = responsibility.find(name);
        return found == responsibility.end() ? std::string() : found->second;
    };
    const std::string department = field("department");
    if (!department.empty())
        for (const Department& d : spec_.departments)
            if (d.id == department || d.name == department) return &d;
    const std::string unit = field("unit");
    if (!unit.empty())
        for (const Department& d : spec_.departments) {
            if (d.unit.empty()) continue;
            const CampaignUnit& own = spec_.units[unit_index_.at(d.unit)];
            if (own.id == unit || own.name == unit) return &d;
        }
    return nullptr;
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

bool operator==(const Campaign& a, const Campaign& b) {
    return a.spec_ == b.spec_ && a.frameworks_ == b.frameworks_ && a.calendar_ == b.calendar_ && a.plan_ == b.plan_ &&
           a.observations_ == b.observations_ && a.rejected_ == b.rejected_;
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
