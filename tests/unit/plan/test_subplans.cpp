// Sub-plans (a district's, a school's) that nest: flattening with qualified ids and default
// responsibility, scoped dependency lookup, schedule and status across sub-plans, the overdue
// list, validation, and plan files with sub-plans inline or kept in files of their own.
//
// Worked by hand on the default WorkCalendar (Monday to Friday, no holidays). March 2025:
// Mon 3, Tue 4, Wed 5, Thu 6, Fri 7 | Mon 10 ... Fri 14 | Mon 17 ... Fri 21 | Mon 24 ... Fri 28.

#include "support.hpp"

#include <civitas/io/plan_io.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

namespace civitas {
namespace {

using civitas::test::chinese_error;

using test::TempFolder;

using Who = std::map<std::string, std::string>;

Date day(const char* iso) { return parse_date(iso, "test"); }

Task task(std::string id, const char* start, const char* due, std::vector<std::string> depends_on = {}, Who who = {}) {
    Task t;
    t.id = std::move(id);
    t.start = day(start);
    t.due = day(due);
    for (std::string& other : depends_on) t.depends_on.push_back({std::move(other)});
    t.responsibility = std::move(who);
    return t;
}

Task milestone(std::string id, const char* date, Who who = {}) {
    Task t = task(std::move(id), date, date, {}, std::move(who));
    t.milestone = true;
    return t;
}

PlanSpec subplan(std::string id, Who defaults, std::vector<Task> tasks, std::vector<PlanSpec> subplans = {}) {
    PlanSpec s;
    s.id = std::move(id);
    s.name = s.id;
    s.responsibility = std::move(defaults);
    s.tasks = std::move(tasks);
    s.subplans = std::move(subplans);
    return s;
}

// The city's plan: two root tasks, the 城关区 district with its 第三中学 school, and 西固区.
//
//   kickoff                 milestone Mon 3                                   (root)
//   inspect                 Mon 10 - Fri 14 (5 days), waits for chengguan/school-3/t1 (a qualified id)
//   chengguan/t1            Tue 4 - Mon 10 (5 days), waits for "kickoff" (found in the root)
//   chengguan/t2            Tue 11 - Mon 17 (5 days), waits for "t1" (its own plan's t1)
//   xigu/t1                 Tue 18 - Mon 24 (5 days), waits for "chengguan/t2" (another sub-plan's)
//   chengguan/school-3/t1   Tue 4 - Thu 13 (8 days), waits for "kickoff" (two plans up)
PlanSpec city_spec() {
    PlanSpec spec;
    spec.id = "city";
    spec.name = "城市创建计划";
    spec.responsibility_fields = {"department", "unit", "leader"};
    spec.tasks = {milestone("kickoff", "2025-03-03", {{"department", "市文明办"}}),
                  task("inspect", "2025-03-10", "2025-03-14", {"chengguan/school-3/t1"}, {{"department", "市文明办"}})};
    PlanSpec school = subplan("school-3", {{"unit", "第三中学"}},
                              {task("t1", "2025-03-04", "2025-03-13", {"kickoff"}, {{"leader", "校长"}})});
    PlanSpec chengguan = subplan("chengguan", {{"unit", "城关区"}, {"leader", "城关区区长"}},
                                 {task("t1", "2025-03-04", "2025-03-10", {"kickoff"}, {{"department", "区教育局"}}),
                                  task("t2", "2025-03-11", "2025-03-17", {"t1"}, {{"unit", "城关区住建局"}})},
                                 {school});
    PlanSpec xigu = subplan("xigu", {{"unit", "西固区"}}, {task("t1", "2025-03-18", "2025-03-24", {"chengguan/t2"})});
    spec.subplans = {chengguan, xigu};
    return spec;
}

std::vector<std::string> ids_of(const std::vector<Task>& tasks) {
    std::vector<std::string> ids;
    for (const Task& t : tasks) ids.push_back(t.id);
    return ids;
}

// ---------------------------------------------------------------------------------------------
// Flattening

TEST(Subplan, FlatteningQualifiesIdsRootFirstThenParentsBeforeChildren) {
    const Plan plan(city_spec());
    EXPECT_EQ(ids_of(plan.tasks()), (std::vector<std::string>{"kickoff", "inspect", "chengguan/t1", "chengguan/t2", "xigu/t1",
                                                               "chengguan/school-3/t1"}));
    EXPECT_EQ(plan.subplan_paths(), (std::vector<std::string>{"chengguan", "xigu", "chengguan/school-3"}));
    EXPECT_EQ(plan.subplan_of_task(0), "");
    EXPECT_EQ(plan.subplan_of_task(1), "");
    EXPECT_EQ(plan.subplan_of_task(2), "chengguan");
    EXPECT_EQ(plan.subplan_of_task(3), "chengguan");
    EXPECT_EQ(plan.subplan_of_task(4), "xigu");
    EXPECT_EQ(plan.subplan_of_task(5), "chengguan/school-3");
    EXPECT_THROW((void)plan.subplan_of_task(6), NotFoundError);
    EXPECT_EQ(plan.task_index("chengguan/school-3/t1"), 5u);
    EXPECT_EQ(plan.task_index("xigu/t1"), 4u);
    // A local id is not an id of the whole plan.
    EXPECT_THROW((void)plan.task_index("t1"), NotFoundError);
    // The spec keeps the sub-plans nested as given, ids unqualified.
    EXPECT_EQ(plan.spec().tasks.size(), 2u);
    EXPECT_EQ(plan.spec().subplans[0].subplans[0].tasks[0].id, "t1");
    EXPECT_EQ(to_string(plan), "Plan('city': 6 tasks (1 milestones), 0 phases, 3 sub-plans)");
}

TEST(Subplan, ResponsibilityDefaultsFillTheFieldsATaskLeavesOut) {
    const Plan plan(city_spec());
    const auto who = [&](const std::string& id) { return plan.tasks()[plan.task_index(id)].responsibility; };
    // Root tasks: exactly their own (the root has no defaults).
    EXPECT_EQ(who("kickoff"), (Who{{"department", "市文明办"}}));
    // chengguan/t1 names its department; unit and leader come from 城关区's defaults.
    EXPECT_EQ(who("chengguan/t1"), (Who{{"department", "区教育局"}, {"unit", "城关区"}, {"leader", "城关区区长"}}));
    // chengguan/t2 names its own unit: the task's own field wins over the default.
    EXPECT_EQ(who("chengguan/t2"), (Who{{"unit", "城关区住建局"}, {"leader", "城关区区长"}}));
    // The school's default unit overrides the district's; its leader is inherited from the
    // district's defaults but the task's own leader wins; no department anywhere above.
    EXPECT_EQ(who("chengguan/school-3/t1"), (Who{{"unit", "第三中学"}, {"leader", "校长"}}));
    EXPECT_EQ(who("xigu/t1"), (Who{{"unit", "西固区"}}));
    // The spec is not rewritten: the nested task still holds only its own field.
    EXPECT_EQ(plan.spec().subplans[0].subplans[0].tasks[0].responsibility, (Who{{"leader", "校长"}}));
}

TEST(Subplan, APlanWithoutSubplansIsItsOwnFlatList) {
    PlanSpec spec;
    spec.id = "flat";
    spec.tasks = {task("a", "2025-03-03", "2025-03-07")};
    const Plan plan(spec);
    EXPECT_EQ(&plan.tasks(), &plan.spec().tasks);
    EXPECT_TRUE(plan.subplan_paths().empty());
    EXPECT_EQ(plan.subplan_of_task(0), "");
}

// ---------------------------------------------------------------------------------------------
// Scoped dependency lookup

TEST(Subplan, DependencyLookupOwnPlanFirstThenOutwardsThenQualified) {
    const Plan plan(city_spec());
    const auto waits = [&](const std::string& id) {
        std::vector<std::string> out;
        for (std::size_t k : plan.waits_for(plan.task_index(id))) out.push_back(plan.tasks()[k].id);
        return out;
    };
    EXPECT_EQ(waits("chengguan/t1"), (std::vector<std::string>{"kickoff"}));            // the parent's id
    EXPECT_EQ(waits("chengguan/t2"), (std::vector<std::string>{"chengguan/t1"}));       // the local id
    EXPECT_EQ(waits("chengguan/school-3/t1"), (std::vector<std::string>{"kickoff"}));   // two levels up
    EXPECT_EQ(waits("xigu/t1"), (std::vector<std::string>{"chengguan/t2"}));            // qualified, a sibling's
    EXPECT_EQ(waits("inspect"), (std::vector<std::string>{"chengguan/school-3/t1"}));   // qualified, from the root
}

TEST(Subplan, ALocalIdShadowsTheParentsAndQualifiedIdsAreRelativeToEachEnclosingPlan) {
    // Root: "a", "b". Sub-plan s: "a" and "c" waiting for "a" (its own, not the root's) and "b"
    // (only the root has one). Sub-plan s/u: "e" and "d" waiting for "a" (s's: the nearest
    // enclosing plan that has one), "e" (its own) and "u/e": a qualified id is looked up in each
    // enclosing plan too, so from s/u, "u/e" is found in s as "s/u/e".
    PlanSpec spec;
    spec.id = "scopes";
    spec.tasks = {task("a", "2025-03-03", "2025-03-04"), task("b", "2025-03-03", "2025-03-04")};
    PlanSpec u = subplan("u", {}, {task("e", "2025-03-03", "2025-03-04"), task("d", "2025-03-05", "2025-03-07", {"a", "e", "u/e"})});
    spec.subplans = {subplan("s", {}, {task("a", "2025-03-03", "2025-03-04"), task("c", "2025-03-05", "2025-03-07", {"a", "b"})}, {u})};
    const Plan plan(spec);
    const auto waits = [&](const std::string& id) {
        std::vector<std::string> out;
        for (std::size_t k : plan.waits_for(plan.task_index(id))) out.push_back(plan.tasks()[k].id);
        return out;
    };
    EXPECT_EQ(waits("s/c"), (std::vector<std::string>{"s/a", "b"}));
    EXPECT_EQ(waits("s/u/d"), (std::vector<std::string>{"s/a", "s/u/e", "s/u/e"}));
}

TEST(Subplan, TheSameLocalIdInTwoSubplansIsAllowed) {
    const Plan plan(city_spec());  // chengguan/t1, xigu/t1 and chengguan/school-3/t1
    EXPECT_NE(plan.task_index("chengguan/t1"), plan.task_index("xigu/t1"));
    EXPECT_NE(plan.task_index("chengguan/t1"), plan.task_index("chengguan/school-3/t1"));
}

// ---------------------------------------------------------------------------------------------
// Schedule across sub-plans

TEST(Subplan, ARootTaskWaitsForASchoolsTask) {
    const Schedule s = schedule(Plan(city_spec()), WorkCalendar());
    // kickoff: Mon 3. school-3/t1 waits for it: starts Tue 4, 8 working days (Tue 4 - Fri 7 is
    // 4, Mon 10 - Thu 13 is 4 more): finishes Thu 13.
    EXPECT_EQ(s.task("chengguan/school-3/t1").earliest_start, day("2025-03-04"));
    EXPECT_EQ(s.task("chengguan/school-3/t1").earliest_finish, day("2025-03-13"));
    // inspect was planned Mon 10 - Fri 14 but waits for the school: starts Fri 14, 5 working
    // days Fri 14, Mon 17, Tue 18, Wed 19, Thu 20: finishes Thu 20. Its due date Fri 14 is a
    // planned finish, not a limit; nothing waits for it, so the plan's end bounds it: the
    // district's chain, t1 Tue 4 - Mon 10, t2 Tue 11 - Mon 17, xigu/t1 (waiting for
    // chengguan/t2) Tue 18 - Mon 24, each exactly on its dates, ends last, Mon 24.
    EXPECT_EQ(s.task("inspect").earliest_start, day("2025-03-14"));
    EXPECT_EQ(s.task("inspect").earliest_finish, day("2025-03-20"));
    EXPECT_EQ(s.task("inspect").latest_finish, day("2025-03-24"));
    EXPECT_EQ(s.task("inspect").slack, 2);
    EXPECT_EQ(s.task("inspect").free_slack, 2);
    // Backward: inspect may start Tue 18 (Mon 24 less 4 working days), so the school by Mon 17:
    // total float 2 (Fri 14, Mon 17), free float 0 (inspect starts at the earliest on Fri 14).
    EXPECT_EQ(s.task("chengguan/school-3/t1").latest_finish, day("2025-03-17"));
    EXPECT_EQ(s.task("chengguan/school-3/t1").slack, 2);
    EXPECT_EQ(s.task("chengguan/school-3/t1").free_slack, 0);
    EXPECT_EQ(s.task("chengguan/t2").earliest_finish, day("2025-03-17"));
    EXPECT_EQ(s.task("xigu/t1").earliest_start, day("2025-03-18"));
    EXPECT_EQ(s.task("xigu/t1").earliest_finish, day("2025-03-24"));
    EXPECT_EQ(s.task("xigu/t1").slack, 0);
    EXPECT_EQ(s.task("chengguan/t1").slack, 0);
    EXPECT_EQ(s.task("kickoff").slack, 0);
    EXPECT_EQ(s.smallest_slack, 0);
    EXPECT_EQ(s.critical_path, (std::vector<std::string>{"kickoff", "chengguan/t1", "chengguan/t2", "xigu/t1"}));

    // With Fri 14 a deadline for inspect, the chain into it misses by 4. inspect: Thu 20
    // against Fri 14, -4. It must start Mon 10 (Fri 14 less 4 working days), so the school must
    // finish Fri 7, but finishes Thu 13: -4. kickoff must finish a working day before the
    // school's latest start: Fri 7 less 7 working days is Wed 26 Feb, so by Tue 25 Feb; it is on
    // Mon 3: Wed 26, Thu 27, Fri 28, Mon 3: -4.
    PlanSpec spec = city_spec();
    spec.tasks[1].deadline = day("2025-03-14");
    const Schedule d = schedule(Plan(spec), WorkCalendar());
    EXPECT_EQ(d.task("inspect").slack, -4);
    EXPECT_EQ(d.task("chengguan/school-3/t1").latest_finish, day("2025-03-07"));
    EXPECT_EQ(d.task("chengguan/school-3/t1").slack, -4);
    EXPECT_EQ(d.task("kickoff").latest_finish, day("2025-02-25"));
    EXPECT_EQ(d.task("xigu/t1").slack, 0);
    EXPECT_EQ(d.smallest_slack, -4);
    EXPECT_EQ(d.critical_path, (std::vector<std::string>{"kickoff", "chengguan/school-3/t1", "inspect"}));
}

TEST(Subplan, WhatIfDelayingASubplansTaskByItsQualifiedId) {
    // school-3/t1 one working day later: Wed 5 - Fri 14; inspect Mon 17 - Fri 21. Nothing else.
    const DelayImpact impact = what_if_delayed(Plan(city_spec()), WorkCalendar(), "chengguan/school-3/t1", 1);
    ASSERT_EQ(impact.tasks.size(), 2u);
    EXPECT_EQ(impact.tasks[0].id, "inspect");  // plan order: the root's tasks first
    EXPECT_EQ(impact.tasks[0].delayed_finish, day("2025-03-21"));
    EXPECT_EQ(impact.tasks[1].id, "chengguan/school-3/t1");
    EXPECT_EQ(impact.tasks[1].earliest_finish, day("2025-03-13"));
    EXPECT_EQ(impact.tasks[1].delayed_finish, day("2025-03-14"));
    EXPECT_TRUE(impact.phases.empty());
    EXPECT_THROW((void)what_if_delayed(Plan(city_spec()), WorkCalendar(), "school-3/t1", 1), NotFoundError);
}

// ---------------------------------------------------------------------------------------------
// Status by sub-plan

// The city's plan with progress, for a status on Tue 18 March.
Plan city_with_progress() {
    PlanSpec spec = city_spec();
    spec.tasks[0].percent_complete = 100;                          // kickoff: done
    spec.subplans[0].tasks[0].actual_finish = day("2025-03-10");   // chengguan/t1: done on its due date
    spec.subplans[0].subplans[0].tasks[0].percent_complete = 50;   // school-3/t1: half
    spec.subplans[1].tasks[0].actual_start = day("2025-03-18");    // xigu/t1: started, 20%
    spec.subplans[1].tasks[0].percent_complete = 20;
    return Plan(spec);
}

TEST(Subplan, StatusRollsUpBySubplanADistrictCountingItsSchools) {
    const PlanStatus s = status(city_with_progress(), WorkCalendar(), day("2025-03-18"));
    // On Tue 18: chengguan/t2 (due Mon 17, 0%) 1 working day late; school-3/t1 (due Thu 13)
    // Fri 14, Mon 17, Tue 18: 3 late; inspect (due Fri 14) Mon 17, Tue 18: 2 late. xigu/t1
    // starts today: planned 1 of 5 days = 20%, reported 20%: not behind, so in progress.
    EXPECT_EQ(s.task("chengguan/t2").state, TaskState::overdue);
    EXPECT_EQ(s.task("chengguan/t2").days_late, 1);
    EXPECT_EQ(s.task("chengguan/school-3/t1").days_late, 3);
    EXPECT_EQ(s.task("inspect").days_late, 2);
    EXPECT_EQ(s.task("xigu/t1").state, TaskState::in_progress);
    EXPECT_DOUBLE_EQ(s.task("xigu/t1").planned_percent, 20.0);

    ASSERT_EQ(s.by_subplan.size(), 4u);  // "", chengguan, chengguan/school-3, xigu
    // "" is the root's own tasks only: kickoff (done, no actual finish: on time) and inspect.
    const Progress& root = s.by_subplan.at("");
    EXPECT_EQ(root.tasks, 2);
    EXPECT_EQ(root.states.at(TaskState::done), 1);
    EXPECT_EQ(root.states.at(TaskState::overdue), 1);
    EXPECT_EQ(root.due, 2);
    EXPECT_EQ(root.done_on_time, 1);
    // The district counts its own t1, t2 and its school's t1: weights (working days) 5, 5, 8;
    // all fully planned by Tue 18: PV = 18; EV = 5 x 1 + 5 x 0 + 8 x 0.5 = 9; SPI 0.5.
    const Progress& district = s.by_subplan.at("chengguan");
    EXPECT_EQ(district.tasks, 3);
    EXPECT_EQ(district.states.at(TaskState::done), 1);
    EXPECT_EQ(district.states.at(TaskState::overdue), 2);
    EXPECT_EQ(district.due, 3);
    EXPECT_EQ(district.done_on_time, 1);
    EXPECT_DOUBLE_EQ(district.planned_value, 18.0);
    EXPECT_DOUBLE_EQ(district.earned_value, 9.0);
    ASSERT_TRUE(district.spi);
    EXPECT_DOUBLE_EQ(*district.spi, 0.5);
    const Progress& school = s.by_subplan.at("chengguan/school-3");
    EXPECT_EQ(school.tasks, 1);
    EXPECT_DOUBLE_EQ(school.earned_value, 4.0);
    const Progress& xigu = s.by_subplan.at("xigu");
    EXPECT_EQ(xigu.tasks, 1);
    EXPECT_EQ(xigu.due, 0);
    EXPECT_FALSE(xigu.on_time_rate().has_value());
    EXPECT_EQ(s.overall.tasks, 6);
    // By the filled-in responsibility: 城关区 is the unit of chengguan/t1 only (t2 names its
    // own unit, the school's default unit is 第三中学).
    EXPECT_EQ(s.by_responsibility.at("unit").at("城关区").tasks, 1);
    EXPECT_EQ(s.by_responsibility.at("unit").at("第三中学").tasks, 1);
    EXPECT_EQ(s.by_responsibility.at("leader").at("城关区区长").tasks, 2);
}

// ---------------------------------------------------------------------------------------------
// The overdue list

TEST(Overdue, MostDaysLateFirstThenInPlanOrderWithResponsibility) {
    // Status on Tue 18 March.
    PlanSpec spec;
    spec.id = "overdue";
    spec.responsibility_fields = {"department", "unit", "leader"};
    Task b = task("b-late", "2025-03-03", "2025-03-14", {}, {{"department", "市城管局"}, {"leader", "副市长"}});
    b.percent_complete = 40;                                      // due Fri 14: Mon 17, Tue 18 late: 2
    Task a = task("a-late", "2025-03-10", "2025-03-14");          // also 2 days late: after b, in plan order
    Task done_late = task("done-late", "2025-03-03", "2025-03-07");
    done_late.actual_finish = day("2025-03-17");                  // done (late): not listed
    Task done = task("done", "2025-03-03", "2025-03-07");
    done.percent_complete = 100;                                  // done: not listed
    Task future = task("future", "2025-03-17", "2025-03-21");     // not due yet
    Task today = task("due-today", "2025-03-17", "2025-03-18");   // due on the date: not yet overdue
    spec.tasks = {b, a, done_late, done, future, today};
    Task far = task("late", "2025-03-03", "2025-03-11", {}, {{"department", "区城管局"}});
    far.name = "背街小巷整治";
    far.percent_complete = 75;                                    // due Tue 11: Wed 12 ... Tue 18 = 5 late
    spec.subplans = {subplan("district", {{"unit", "城关区"}, {"leader", "区长"}}, {far})};
    const PlanStatus s = status(Plan(spec), WorkCalendar(), day("2025-03-18"));

    ASSERT_EQ(s.overdue.size(), 3u);
    EXPECT_EQ(s.overdue[0].id, "district/late");
    EXPECT_EQ(s.overdue[0].days_late, 5);
    EXPECT_EQ(s.overdue[0].name, "背街小巷整治");
    EXPECT_EQ(s.overdue[0].due, day("2025-03-11"));
    EXPECT_DOUBLE_EQ(s.overdue[0].percent_complete, 75.0);
    // The sub-plan's defaults are filled in; the task's own department kept.
    EXPECT_EQ(s.overdue[0].responsibility, (Who{{"department", "区城管局"}, {"unit", "城关区"}, {"leader", "区长"}}));
    EXPECT_EQ(s.overdue[1].id, "b-late");
    EXPECT_EQ(s.overdue[1].days_late, 2);
    EXPECT_DOUBLE_EQ(s.overdue[1].percent_complete, 40.0);
    EXPECT_EQ(s.overdue[1].responsibility, (Who{{"department", "市城管局"}, {"leader", "副市长"}}));
    EXPECT_EQ(s.overdue[2].id, "a-late");
    EXPECT_EQ(s.overdue[2].days_late, 2);
    EXPECT_TRUE(s.overdue[2].responsibility.empty());
    // Every task in the list is overdue in the status, and every overdue task is listed.
    int overdue = 0;
    for (const TaskStatus& t : s.tasks) overdue += t.state == TaskState::overdue;
    EXPECT_EQ(overdue, 3);
    EXPECT_EQ(s.task("done-late").days_late, 6);  // Mon 10 ... Fri 14, Mon 17: done 6 working days late
    EXPECT_EQ(s.task("done-late").state, TaskState::done);
}

TEST(Overdue, EmptyWhenNothingIsLate) {
    const PlanStatus s = status(city_with_progress(), WorkCalendar(), day("2025-03-05"));
    EXPECT_TRUE(s.overdue.empty());
}

// ---------------------------------------------------------------------------------------------
// Validation

using test::validation_message;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(Subplan, ASubplanDeclaresNoPhasesTitlesOrResponsibilityFields) {
    PlanSpec spec = city_spec();
    spec.subplans[1].phases = {{"p", "", ""}};
    std::string m = validation_message([&] { Plan{spec}; }, "$.subplans[1].phases");
    EXPECT_TRUE(has(m, "sub-plan 'xigu' declares its own phases")) << m;
    spec = city_spec();
    spec.subplans[0].subplans[0].titles = {{"civilized", ""}};
    m = validation_message([&] { Plan{spec}; }, "$.subplans[0].subplans[0].titles");
    EXPECT_TRUE(has(m, "sub-plan 'school-3' declares its own titles")) << m;
    spec = city_spec();
    spec.subplans[0].responsibility_fields = {"unit"};
    m = validation_message([&] { Plan{spec}; }, "$.subplans[0].responsibility_fields");
    EXPECT_TRUE(has(m, "declares its own responsibility_fields")) << m;
}

TEST(Subplan, DuplicateOrMalformedSubplanIds) {
    PlanSpec spec = city_spec();
    spec.subplans[1].id = "chengguan";
    std::string m = validation_message([&] { Plan{spec}; }, "$.subplans[1].id");
    EXPECT_TRUE(has(m, "duplicate sub-plan id 'chengguan'")) << m;
    // Siblings must differ; a child may share its parent's id (its path differs).
    spec = city_spec();
    spec.subplans[0].subplans[0].id = "chengguan";
    spec.tasks[1].depends_on[0].task = "chengguan/chengguan/t1";
    EXPECT_EQ(Plan(spec).subplan_paths().back(), "chengguan/chengguan");
    spec = city_spec();
    spec.subplans[0].subplans[0].id = "school/3";
    m = validation_message([&] { Plan{spec}; }, "$.subplans[0].subplans[0].id");
    EXPECT_TRUE(has(m, "'school/3' holds '/'")) << m;
    spec = city_spec();
    spec.subplans[1].id = "";
    validation_message([&] { Plan{spec}; }, "$.subplans[1].id");
}

TEST(Subplan, TaskIdsHoldingASlashOrRepeatedInTheirPlan) {
    PlanSpec spec = city_spec();
    spec.subplans[0].tasks[1].id = "t/2";
    std::string m = validation_message([&] { Plan{spec}; }, "$.subplans[0].tasks[1].id");
    EXPECT_TRUE(has(m, "'t/2' holds '/'")) << m;
    // A root task may not pose as a sub-plan's ("chengguan/t1" is no plain id).
    spec = city_spec();
    spec.tasks[1].id = "chengguan/t1";
    validation_message([&] { Plan{spec}; }, "$.tasks[1].id");
    // The same id twice in one sub-plan: a duplicate qualified id.
    spec = city_spec();
    spec.subplans[0].subplans[0].tasks.push_back(task("t1", "2025-03-04", "2025-03-05"));
    m = validation_message([&] { Plan{spec}; }, "$.subplans[0].subplans[0].tasks[1].id");
    EXPECT_TRUE(has(m, "duplicate task id 't1'")) << m;
}

TEST(Subplan, UnknownDependencyInsideASubplanNamesItsPath) {
    PlanSpec spec = city_spec();
    spec.subplans[0].tasks[1].depends_on = {{"nope"}};
    std::string m = validation_message([&] { Plan{spec}; }, "$.subplans[0].tasks[1].depends_on[0].task");
    EXPECT_TRUE(has(m, "task 'chengguan/t2' depends on unknown task 'nope'")) << m;
    // A sibling's local id is not visible: xigu cannot wait for plain "t2" (only chengguan has one).
    spec = city_spec();
    spec.subplans[1].tasks[0].depends_on = {{"t2"}};
    validation_message([&] { Plan{spec}; }, "$.subplans[1].tasks[0].depends_on[0].task");
    // Nor is a child's local id: the root cannot wait for "school-3/t1" (it is "chengguan/school-3/t1").
    spec = city_spec();
    spec.tasks[1].depends_on = {{"school-3/t1"}};
    validation_message([&] { Plan{spec}; }, "$.tasks[1].depends_on[0].task");
    // A task waiting for itself by its qualified id.
    spec = city_spec();
    spec.subplans[1].tasks[0].depends_on = {{"chengguan/t2"}, {"xigu/t1"}};
    m = validation_message([&] { Plan{spec}; }, "$.subplans[1].tasks[0].depends_on[1].task");
    EXPECT_TRUE(has(m, "depends on itself")) << m;
}

TEST(Subplan, DefaultsAndTasksUseTheRootsNames) {
    PlanSpec spec = city_spec();
    spec.subplans[0].responsibility["owner"] = "x";
    std::string m = validation_message([&] { Plan{spec}; }, "$.subplans[0].responsibility.owner");
    EXPECT_TRUE(has(m, "unknown responsibility field 'owner' of sub-plan 'chengguan'")) << m;
    spec = city_spec();
    spec.subplans[0].subplans[0].tasks[0].phase = "implement";
    validation_message([&] { Plan{spec}; }, "$.subplans[0].subplans[0].tasks[0].phase");
    spec = city_spec();
    spec.phases = {{"implement", "", ""}};
    spec.subplans[0].subplans[0].tasks[0].phase = "implement";
    EXPECT_EQ(Plan(spec).tasks()[5].phase, "implement");
    // Only sub-plans have defaults, only sub-plans kept in files name one.
    spec = city_spec();
    spec.responsibility = {{"unit", "市"}};
    validation_message([&] { Plan{spec}; }, "$.responsibility");
    spec = city_spec();
    spec.file = "city.json";
    validation_message([&] { Plan{spec}; }, "$.file");
}

// ---------------------------------------------------------------------------------------------
// Plan files with sub-plans


// main.json: root tasks, an inline sub-plan "xigu" and "chengguan" kept in districts/chengguan.json,
// which keeps its school in schools/school-3.json (relative to itself: districts/schools/).
const std::string main_json = R"({
  "format": "civitas-plan/1", "id": "city", "name": "城市创建计划",
  "responsibility_fields": ["department", "unit", "leader"],
  "tasks": [
    {"id": "kickoff", "due": "2025-03-03", "milestone": true, "responsibility": {"department": "市文明办"}},
    {"id": "inspect", "start": "2025-03-10", "due": "2025-03-14", "depends_on": ["chengguan/school-3/t1"],
     "responsibility": {"department": "市文明办"}}
  ],
  "subplans": [
    {"file": "districts/chengguan.json"},
    {"id": "xigu", "name": "xigu", "responsibility": {"unit": "西固区"},
     "tasks": [{"id": "t1", "start": "2025-03-18", "due": "2025-03-24", "depends_on": ["chengguan/t2"]}]}
  ]
})";

const std::string chengguan_json = R"({
  "format": "civitas-plan/1", "id": "chengguan", "name": "chengguan",
  "responsibility": {"unit": "城关区", "leader": "城关区区长"},
  "tasks": [
    {"id": "t1", "start": "2025-03-04", "due": "2025-03-10", "depends_on": ["kickoff"], "responsibility": {"department": "区教育局"}},
    {"id": "t2", "start": "2025-03-11", "due": "2025-03-17", "depends_on": ["t1"], "responsibility": {"unit": "城关区住建局"}}
  ],
  "subplans": [{"file": "schools/school-3.json"}]
})";

std::string school_json(const std::string& tasks) {
    return R"({"id": "school-3", "name": "school-3", "responsibility": {"unit": "第三中学"}, "tasks": [)" + tasks + "]}";
}

const std::string school_task = R"({"id": "t1", "start": "2025-03-04", "due": "2025-03-13", "depends_on": ["kickoff"],
                                    "responsibility": {"leader": "校长"}})";

// The files above in `folder`, returning the main file.
std::filesystem::path write_city(const TempFolder& folder, const std::string& school_tasks = school_task) {
    folder.write("districts/chengguan.json", chengguan_json);
    folder.write("districts/schools/school-3.json", school_json(school_tasks));
    return folder.write("main.json", main_json);
}

// The ParseError `load` throws, checked for its file and location; its message.
template <class Load>
std::string load_error(Load&& load, const std::filesystem::path& file, const std::string& location) {
    try {
        load();
    } catch (const ParseError& e) {
        EXPECT_EQ(e.file(), file.string()) << e.what();
        EXPECT_EQ(e.location(), location) << e.what();
        return e.what();
    } catch (const std::exception& e) {
        ADD_FAILURE() << "expected a ParseError at " << location << ", got: " << e.what();
        return "";
    }
    ADD_FAILURE() << "expected a ParseError at " << location << ", nothing was thrown";
    return "";
}

TEST(Subplan, FilesInlineAndKeptInTheirOwnFilesReadAsTheSamePlan) {
    const TempFolder folder;
    const Plan plan = load_plan(write_city(folder));
    // The same plan as city_spec(), but for where the district and its school are kept.
    PlanSpec expected = city_spec();
    expected.subplans[0].file = "districts/chengguan.json";
    expected.subplans[0].subplans[0].file = "schools/school-3.json";
    EXPECT_EQ(plan.spec(), expected);
    EXPECT_EQ(plan.tasks(), Plan(expected).tasks());
    EXPECT_EQ(plan.tasks()[5].responsibility, (Who{{"unit", "第三中学"}, {"leader", "校长"}}));
    // And it schedules the same: inspect waits for the school's task (see above).
    EXPECT_EQ(schedule(plan, WorkCalendar()).task("inspect").earliest_finish, day("2025-03-20"));
}

TEST(Subplan, AnErrorInASubplanFileNamesThatFileAndItsOwnPath) {
    const TempFolder folder;
    const std::filesystem::path school = folder.path() / "districts" / "schools" / "school-3.json";
    // Due before start, in the school's file: "$.tasks[0].due" of that file, not of main.json.
    std::filesystem::path main = write_city(folder, R"({"id": "t1", "start": "2025-03-13", "due": "2025-03-04"})");
    std::string m = load_error([&] { (void)load_plan(main); }, school, "$.tasks[0].due");
    EXPECT_TRUE(has(m, "school-3.json")) << m;
    EXPECT_TRUE(has(m, "2025-03-04 is before the start 2025-03-13")) << m;
    // An unknown dependency written as a bare id: "depends_on[1]", the string itself.
    main = write_city(folder, school_task + R"(, {"id": "t2", "start": "2025-03-04", "due": "2025-03-13", "depends_on": ["t1", "nope"]})");
    m = load_error([&] { (void)load_plan(main); }, school, "$.tasks[1].depends_on[1]");
    EXPECT_TRUE(has(m, "task 'chengguan/school-3/t2' depends on unknown task 'nope'")) << m;
    // Written as an object: "depends_on[0].task".
    main = write_city(folder, school_task + R"(, {"id": "t2", "start": "2025-03-04", "due": "2025-03-13", "depends_on": [{"task": "nope"}]})");
    load_error([&] { (void)load_plan(main); }, school, "$.tasks[1].depends_on[0].task");
    // A reading error (an unknown key) in the district's file.
    folder.write("districts/chengguan.json", R"({"id": "chengguan", "phases": [], "tasks": []})");
    load_error([&] { (void)load_plan(main); }, folder.path() / "districts" / "chengguan.json", "$.phases");
    // A sub-plan's default responsibility with an unknown field, in the district's file.
    folder.write("districts/chengguan.json", R"({"id": "chengguan", "responsibility": {"owner": "x"}, "tasks": []})");
    load_error([&] { (void)load_plan(main); }, folder.path() / "districts" / "chengguan.json", "$.responsibility.owner");
    // Another format in a sub-plan file.
    folder.write("districts/chengguan.json", R"({"format": "civitas-plan/9", "id": "chengguan", "tasks": []})");
    load_error([&] { (void)load_plan(main); }, folder.path() / "districts" / "chengguan.json", "$.format");
}

TEST(Subplan, AnErrorInAnInlineSubplanNamesTheMainFile) {
    const TempFolder folder;
    write_city(folder);
    std::string text = main_json;
    text.replace(text.find(R"(["chengguan/t2"])"), 16, R"(["t2"])");  // xigu has no t2 of its own
    const std::filesystem::path main = folder.write("main.json", text);
    const std::string m = load_error([&] { (void)load_plan(main); }, main, "$.subplans[1].tasks[0].depends_on[0]");
    EXPECT_TRUE(has(m, "unknown task 't2'")) << m;
}

TEST(Subplan, ASubplanFileIncludingItselfIsAnError) {
    const TempFolder folder;
    const std::filesystem::path loop = folder.write("loop.json", R"({"id": "loop", "tasks": [], "subplans": [{"file": "loop.json"}]})");
    const std::filesystem::path main = folder.write("main.json", R"({"id": "city", "tasks": [], "subplans": [{"file": "loop.json"}]})");
    const std::string m = load_error([&] { (void)load_plan(main); }, loop, "$.subplans[0].file");
    EXPECT_TRUE(has(m, "loop")) << m;
}

TEST(Subplan, ASubplanFileIncludingTheMainFileIsAnError) {
    // main.json -> back.json -> main.json: the loop is named where it closes, in back.json.
    const TempFolder folder;
    const std::filesystem::path back = folder.write("back.json", R"({"id": "back", "tasks": [], "subplans": [{"file": "main.json"}]})");
    const std::filesystem::path main = folder.write(
        "main.json", R"({"format": "civitas-plan/1", "id": "city", "responsibility_fields": ["unit"], "tasks": [], "subplans": [{"file": "back.json"}]})");
    const std::string m = load_error([&] { (void)load_plan(main); }, back, "$.subplans[0].file");
    EXPECT_TRUE(has(m, "loop")) << m;
}

TEST(Subplan, AMissingSubplanFileNamesTheFileKey) {
    const TempFolder folder;
    const std::filesystem::path main = folder.write("main.json", R"({"id": "city", "tasks": [],
        "subplans": [{"id": "a", "tasks": []}, {"file": "districts/missing.json"}]})");
    const std::string m = load_error([&] { (void)load_plan(main); }, main, "$.subplans[1].file");
    EXPECT_TRUE(has(m, "missing.json")) << m;
    // {"file"} with other keys is refused: a sub-plan is inline or in a file, not both.
    const std::filesystem::path both = folder.write("both.json", R"({"id": "city", "tasks": [],
        "subplans": [{"file": "a.json", "id": "a"}]})");
    load_error([&] { (void)load_plan(both); }, both, "$.subplans[0].id");
}

TEST(Subplan, ErrorsReadInChinese) {
    PlanSpec spec = city_spec();
    spec.subplans[1].phases = {{"p", "", ""}};
    EXPECT_EQ(chinese_error([&] { Plan{spec}; }), "$.subplans[1].phases: 子计划 'xigu' 自行声明了 phases；不应声明（子计划沿用总计划的）");
    spec = city_spec();
    spec.subplans[1].id = "chengguan";
    EXPECT_EQ(chinese_error([&] { Plan{spec}; }), "$.subplans[1].id: 子计划 id 'chengguan' 重复；每个子计划应只出现一次");
    spec = city_spec();
    spec.subplans[0].responsibility = {{"owner", "x"}};
    EXPECT_EQ(chinese_error([&] { Plan{spec}; }),
              "$.subplans[0].responsibility.owner: 子计划 'chengguan' 的责任字段 'owner' 未定义；应为计划 responsibility_fields 中的字段之一");
    spec = city_spec();
    spec.subplans[0].subplans[0].id = "school/3";
    EXPECT_EQ(chinese_error([&] { Plan{spec}; }),
              "$.subplans[0].subplans[0].id: id 'school/3' 含有 '/'；id 中不应含 '/'（它用于分隔子计划）");

    // Sub-plan files: a loop, and a file that is not there.
    const TempFolder folder;
    const std::filesystem::path back = folder.write("back.json", R"({"id": "back", "tasks": [], "subplans": [{"file": "main.json"}]})");
    const std::filesystem::path main = folder.write("main.json", R"({"id": "city", "tasks": [], "subplans": [{"file": "back.json"}]})");
    EXPECT_EQ(chinese_error([&] { (void)load_plan(main); }),
              back.string() + ": $.subplans[0].file: \"main.json\" 是正在读取的文件（子计划文件构成循环）；应为另一个计划文件");
    const std::filesystem::path lost = folder.write("lost.json", R"({"id": "city", "tasks": [], "subplans": [{"file": "districts/missing.json"}]})");
    EXPECT_EQ(chinese_error([&] { (void)load_plan(lost); }),
              lost.string() + ": $.subplans[0].file: 无法读取子计划文件: " + (folder.path() / "districts/missing.json").string() +
                  ": 无法打开: " + std::strerror(ENOENT));
}

TEST(Subplan, OneFileUsedByTwoSubplansIsNoLoop) {
    // Both districts keep the same school file (a diamond, not a loop): two sub-plans, two paths.
    const TempFolder folder;
    folder.write("school.json", R"({"id": "school", "tasks": [{"id": "t", "start": "2025-03-03", "due": "2025-03-07"}]})");
    folder.write("a.json", R"({"id": "a", "tasks": [], "subplans": [{"file": "school.json"}]})");
    folder.write("b.json", R"({"id": "b", "tasks": [], "subplans": [{"file": "school.json"}]})");
    const Plan plan = load_plan(folder.write("main.json", R"({"id": "city", "tasks": [], "subplans": [{"file": "a.json"}, {"file": "b.json"}]})"));
    EXPECT_EQ(ids_of(plan.tasks()), (std::vector<std::string>{"a/school/t", "b/school/t"}));
}

TEST(Subplan, ValidationErrorsAboutASubplanFileItselfAreInThatFile) {
    const TempFolder folder;
    // Two sub-plans with the id "a", the second kept in a file: named in that file at "$.id".
    const std::filesystem::path a = folder.write("a.json", R"({"id": "a", "tasks": []})");
    std::filesystem::path main = folder.write("main.json", R"({"id": "city", "tasks": [], "subplans": [{"id": "a"}, {"file": "a.json"}]})");
    std::string m = load_error([&] { (void)load_plan(main); }, a, "$.id");
    EXPECT_TRUE(has(m, "duplicate sub-plan id 'a'")) << m;
    // An inline sub-plan inside a file-kept one: its errors are in the file that holds it.
    const std::filesystem::path district = folder.write("district.json", R"({"id": "district", "tasks": [], "subplans": [
        {"id": "school", "tasks": [{"id": "t", "start": "2025-03-07", "due": "2025-03-03"}, {"id": "u", "start": "2025-03-03", "due": "2025-03-07", "depends_on": ["v"]}]}]})");
    main = folder.write("main.json", R"({"id": "city", "tasks": [], "subplans": [{"file": "district.json"}]})");
    load_error([&] { (void)load_plan(main); }, district, "$.subplans[0].tasks[0].due");
    folder.write("district.json", R"({"id": "district", "tasks": [], "subplans": [
        {"id": "school", "tasks": [{"id": "u", "start": "2025-03-03", "due": "2025-03-07", "depends_on": ["v"]}]}]})");
    m = load_error([&] { (void)load_plan(main); }, district, "$.subplans[0].tasks[0].depends_on[0]");
    EXPECT_TRUE(has(m, "task 'district/school/u' depends on unknown task 'v'")) << m;
}

TEST(Subplan, ACycleAcrossSubplansNamesTheQualifiedIds) {
    // chengguan/t1 -> chengguan/t2 -> xigu/t1, and now chengguan/t1 waits for xigu/t1.
    PlanSpec spec = city_spec();
    spec.subplans[0].tasks[0].depends_on = {{"xigu/t1"}};
    const Plan plan(spec);
    try {
        (void)schedule(plan, WorkCalendar());
        ADD_FAILURE() << "expected a cycle";
    } catch (const ValidationError& error) {
        const std::string what = error.what();
        EXPECT_TRUE(has(what, "cycle")) << what;
        EXPECT_TRUE(has(what, "chengguan/t1 -> chengguan/t2 -> xigu/t1 -> chengguan/t1") ||
                    has(what, "chengguan/t2 -> xigu/t1 -> chengguan/t1 -> chengguan/t2") ||
                    has(what, "xigu/t1 -> chengguan/t1 -> chengguan/t2 -> xigu/t1"))
            << what;
    }
}

TEST(Subplan, RoundTripThroughJsonText) {
    const TempFolder folder;
    const std::filesystem::path main = write_city(folder);
    const Plan plan = load_plan(main);
    const std::string text = plan_to_json(plan);
    // Sub-plans kept in files stay references; the inline one is written in place.
    EXPECT_TRUE(has(text, R"("file": "districts/chengguan.json")")) << text;
    EXPECT_TRUE(has(text, R"("id": "xigu")")) << text;
    EXPECT_FALSE(has(text, R"("id": "school-3")")) << text;
    // Parsed as if it were the main file (so the references resolve), it is the same plan.
    EXPECT_EQ(parse_plan(text, main.string()), plan);
    // A plan of inline sub-plans alone round-trips from any name.
    const Plan inline_plan(city_spec());
    EXPECT_EQ(parse_plan(plan_to_json(inline_plan)), inline_plan);
    EXPECT_EQ(parse_plan(plan_to_json(inline_plan, -1)), inline_plan);
}

TEST(Subplan, SavePlanWritesTheMainFileAndTheSubplanFiles) {
    const TempFolder source;
    const Plan plan = load_plan(write_city(source));
    const TempFolder target;
    const std::filesystem::path main = target.path() / "out" / "city.json";
    save_plan(plan, main);
    EXPECT_TRUE(std::filesystem::is_regular_file(main));
    EXPECT_TRUE(std::filesystem::is_regular_file(target.path() / "out" / "districts" / "chengguan.json"));
    EXPECT_TRUE(std::filesystem::is_regular_file(target.path() / "out" / "districts" / "schools" / "school-3.json"));
    const Plan again = load_plan(main);
    EXPECT_EQ(again, plan);
    EXPECT_EQ(again.tasks(), plan.tasks());
    // No temporary files are left behind: just the three files and their folders.
    int files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(target.path())) files += entry.is_regular_file();
    EXPECT_EQ(files, 3);
    // Saving again over the files gives the same plan.
    save_plan(again, main);
    EXPECT_EQ(load_plan(main), plan);
}

}  // namespace
}  // namespace civitas
