// The schedule of a plan (forward and backward pass, slack, critical path, what-if), worked by
// hand on a Saturday-Sunday calendar and across the 2025 Spring Festival with its adjusted
// working days (国办发明电〔2024〕12号: holidays Jan 28 - Feb 4, working Sun Jan 26 and Sat Feb 8).

#include <civitas/civitas.hpp>

#include <gtest/gtest.h>

#include <string>

using namespace civitas;

namespace {

Date day(const char* iso) { return parse_date(iso, "test"); }

Task task(std::string id, const char* start, const char* due, std::vector<Dependency> depends_on = {}) {
    Task t;
    t.id = std::move(id);
    t.start = day(start);
    t.due = day(due);
    t.depends_on = std::move(depends_on);
    return t;
}

Task milestone(std::string id, const char* date, std::vector<Dependency> depends_on = {}) {
    Task t = task(std::move(id), date, date, std::move(depends_on));
    t.milestone = true;
    return t;
}

Dependency after(std::string id, int lag = 0, LagUnit unit = LagUnit::working_days) {
    return {std::move(id), Link::finish_to_start, lag, unit};
}

Dependency with_start_of(std::string id, int lag = 0) { return {std::move(id), Link::start_to_start, lag, LagUnit::working_days}; }

Plan plan_of(std::vector<Task> tasks) {
    PlanSpec spec;
    spec.id = "test";
    spec.tasks = std::move(tasks);
    return Plan(spec);
}

// A: Mon 3 - Wed 5 March 2025; B (5 days) after A; C (2 days) a working day after A; D a
// milestone on Fri 14 after B and C. B and C cannot make their due dates.
Plan late_plan() {
    return plan_of({task("A", "2025-03-03", "2025-03-05"), task("B", "2025-03-03", "2025-03-07", {after("A")}),
                    task("C", "2025-03-03", "2025-03-04", {after("A", 1)}),
                    milestone("D", "2025-03-14", {after("B"), after("C")})});
}

}  // namespace

TEST(Schedule, ForwardPassOnAWeekendCalendar) {
    const Schedule s = schedule(late_plan(), WorkCalendar());
    // A: Mon 3 - Wed 5 (3 days). B: the day after A, Thu 6, for 5 working days: Thu 6, Fri 7,
    // Mon 10, Tue 11, Wed 12. C: one working day after that (Fri 7), 2 days: Fri 7, Mon 10.
    // D: its own date, Fri 14, is later than B (Thu 13) and C (Tue 11) allow.
    EXPECT_EQ(s.task("A").duration, 3);
    EXPECT_EQ(s.task("A").earliest_start, day("2025-03-03"));
    EXPECT_EQ(s.task("A").earliest_finish, day("2025-03-05"));
    EXPECT_EQ(s.task("B").duration, 5);
    EXPECT_EQ(s.task("B").earliest_start, day("2025-03-06"));
    EXPECT_EQ(s.task("B").earliest_finish, day("2025-03-12"));
    EXPECT_EQ(s.task("C").earliest_start, day("2025-03-07"));
    EXPECT_EQ(s.task("C").earliest_finish, day("2025-03-10"));
    EXPECT_EQ(s.task("D").duration, 0);
    EXPECT_EQ(s.task("D").earliest_start, day("2025-03-14"));
    EXPECT_EQ(s.task("D").earliest_finish, day("2025-03-14"));
}

TEST(Schedule, BackwardPassFloatAndCriticalPath) {
    const Schedule s = schedule(late_plan(), WorkCalendar());
    // Due dates are planned finishes, not limits: only D's date (a milestone's) and the plan's
    // end bound the latest dates. The plan ends with D, Fri 14: D latest Fri 14, float 0. B
    // must finish the working day before, Thu 13: total float Wed 12 -> Thu 13 = 1, and free
    // float 1 (D starts Fri 14 at the earliest). C likewise by Thu 13: Mon 10 -> Thu 13 = 3. A:
    // B must start by Fri 7 (Thu 13 less 5 days: Fri 7, Mon 10, ..., Thu 13), so A by Thu 6;
    // C by Wed 12, a working day after A: A by Mon 10; A by Thu 6, total float 1. A's free
    // float is 0: B and C start at the earliest the day (two days) after A finishes.
    EXPECT_EQ(s.task("D").latest_finish, day("2025-03-14"));
    EXPECT_EQ(s.task("D").slack, 0);
    EXPECT_EQ(s.task("D").free_slack, 0);
    EXPECT_EQ(s.task("B").latest_finish, day("2025-03-13"));
    EXPECT_EQ(s.task("B").latest_start, day("2025-03-07"));
    EXPECT_EQ(s.task("B").slack, 1);
    EXPECT_EQ(s.task("B").free_slack, 1);
    EXPECT_EQ(s.task("C").latest_finish, day("2025-03-13"));
    EXPECT_EQ(s.task("C").slack, 3);
    EXPECT_EQ(s.task("C").free_slack, 3);
    EXPECT_EQ(s.task("A").latest_finish, day("2025-03-06"));
    EXPECT_EQ(s.task("A").slack, 1);
    EXPECT_EQ(s.task("A").free_slack, 0);
    // Nothing misses a deadline: the smallest float is 0, D's alone; D's own date set its start.
    EXPECT_EQ(s.smallest_slack, 0);
    EXPECT_TRUE(s.task("D").critical);
    for (const char* id : {"A", "B", "C"}) EXPECT_FALSE(s.task(id).critical) << id;
    EXPECT_EQ(s.critical_path, (std::vector<std::string>{"D"}));
}

TEST(Schedule, DeadlinesThatCannotBeMetGiveNegativeFloat) {
    // The plan above with deadlines on B (Fri 7) and C (Tue 4), before they can finish. D:
    // float 0. B: Wed 12 -> Fri 7 = -3. C: Mon 10 -> Tue 4 = -4. A: B must start Mon 3 (Fri 7
    // less 5 days), so A by Fri 28 Feb; C must start Mon 3, a working day after A: A by Thu 27
    // Feb, total float Thu 27 Feb -> Wed 5 Mar = -4. Free float: B and C finish past their own
    // deadlines by as much, A still 0 (B and C start as soon as it allows).
    std::vector<Task> tasks = late_plan().spec().tasks;
    tasks[1].deadline = day("2025-03-07");
    tasks[2].deadline = day("2025-03-04");
    const Schedule s = schedule(plan_of(tasks), WorkCalendar());
    EXPECT_EQ(s.task("D").slack, 0);
    EXPECT_EQ(s.task("B").latest_finish, day("2025-03-07"));
    EXPECT_EQ(s.task("B").latest_start, day("2025-03-03"));
    EXPECT_EQ(s.task("B").slack, -3);
    EXPECT_EQ(s.task("B").free_slack, -3);
    EXPECT_EQ(s.task("C").latest_finish, day("2025-03-04"));
    EXPECT_EQ(s.task("C").slack, -4);
    EXPECT_EQ(s.task("C").free_slack, -4);
    EXPECT_EQ(s.task("A").latest_finish, day("2025-02-27"));
    EXPECT_EQ(s.task("A").slack, -4);
    EXPECT_EQ(s.task("A").free_slack, 0);
    // The smallest float is the chain that misses by most: A -> C.
    EXPECT_EQ(s.smallest_slack, -4);
    EXPECT_TRUE(s.task("A").critical);
    EXPECT_TRUE(s.task("C").critical);
    EXPECT_FALSE(s.task("B").critical);
    EXPECT_FALSE(s.task("D").critical);
    EXPECT_EQ(s.critical_path, (std::vector<std::string>{"A", "C"}));
    EXPECT_EQ(to_string(s), "Schedule(4 tasks, smallest slack -4 working days, critical path A -> C)");
}

TEST(Schedule, ATaskWithRoomBeforeTheInspectionHasPositiveFloat) {
    // The inspection opens Mon 17 March 2025 (a check milestone). "prepare" runs Mon 3 - Fri 7
    // and must be done before "rectify", Mon 10 - Fri 14, which the inspection waits for.
    // "signs" (3 working days from Mon 3, due Wed 5) is needed only by the inspection: it could
    // slip to Fri 14, 7 working days (Thu 6 .. Fri 14), without moving it. Under the old rule
    // (a due date caps the latest finish) it showed 0 and was critical.
    Task inspection = milestone("inspection", "2025-03-17", {after("rectify"), after("signs")});
    inspection.check = "provincial-2025";
    Task signs = task("signs", "2025-03-03", "2025-03-03");
    signs.due = Date();  // given by its duration instead
    signs.duration = 3;
    const Plan plan = plan_of({task("prepare", "2025-03-03", "2025-03-07"), task("rectify", "2025-03-10", "2025-03-14", {after("prepare")}),
                               signs, inspection});
    const Schedule s = schedule(plan, WorkCalendar());
    EXPECT_EQ(s.task("signs").duration, 3);
    EXPECT_EQ(s.task("signs").earliest_finish, day("2025-03-05"));
    EXPECT_EQ(s.task("signs").latest_finish, day("2025-03-14"));
    EXPECT_EQ(s.task("signs").slack, 7);
    EXPECT_EQ(s.task("signs").free_slack, 7);
    EXPECT_FALSE(s.task("signs").critical);
    // The chain into the inspection has no room: float 0, critical.
    for (const char* id : {"prepare", "rectify", "inspection"}) {
        EXPECT_EQ(s.task(id).slack, 0) << id;
        EXPECT_TRUE(s.task(id).critical) << id;
    }
    EXPECT_EQ(s.critical_path, (std::vector<std::string>{"prepare", "rectify", "inspection"}));
    // A delay within the float moves nothing but the task; one past it moves the inspection.
    const DelayImpact within = what_if_delayed(plan, WorkCalendar(), "signs", 7);
    ASSERT_EQ(within.tasks.size(), 1u);
    EXPECT_EQ(within.tasks[0].id, "signs");
    const DelayImpact past = what_if_delayed(plan, WorkCalendar(), "signs", 8);
    ASSERT_EQ(past.tasks.size(), 2u);
    EXPECT_EQ(past.tasks[1].id, "inspection");
    EXPECT_EQ(past.tasks[1].working_days, 1);
}

TEST(Schedule, ADeadlineBoundsTheLatestFinishApartFromTheDueDate) {
    // "report" is planned Mon 3 - Wed 5 March 2025 and nothing waits for it; the plan ends with
    // "survey", Mon 3 - Fri 14. Without a deadline "report" may finish as late as the plan's end
    // (total and free float 7); a deadline of Mon 10 leaves it 3.
    Task report = task("report", "2025-03-03", "2025-03-05");
    const Task survey = task("survey", "2025-03-03", "2025-03-14");
    EXPECT_EQ(schedule(plan_of({report, survey}), WorkCalendar()).task("report").slack, 7);
    EXPECT_EQ(schedule(plan_of({report, survey}), WorkCalendar()).task("report").free_slack, 7);
    report.deadline = day("2025-03-10");
    const Schedule s = schedule(plan_of({report, survey}), WorkCalendar());
    EXPECT_EQ(s.task("report").latest_finish, day("2025-03-10"));
    EXPECT_EQ(s.task("report").slack, 3);
    EXPECT_EQ(s.task("report").free_slack, 3);
    // A deadline on a day off is the working day before it: Sun 9 is Fri 7.
    report.deadline = day("2025-03-09");
    EXPECT_EQ(schedule(plan_of({report, survey}), WorkCalendar()).task("report").latest_finish, day("2025-03-07"));
}

TEST(Schedule, ADurationBesideTheDatesIsTheLengthOfTheWork) {
    // Planned over Mon 3 - Fri 14 March 2025 (10 working days), but 4 days of work: the
    // schedule takes 4 days (Mon 3 - Thu 6), and the milestone after it on Fri 14 leaves it 5
    // working days of float (Fri 7, Mon 10 .. Thu 13).
    Task work = task("work", "2025-03-03", "2025-03-14");
    work.duration = 4;
    const Schedule s = schedule(plan_of({work, milestone("done", "2025-03-14", {after("work")})}), WorkCalendar());
    EXPECT_EQ(s.task("work").duration, 4);
    EXPECT_EQ(s.task("work").earliest_finish, day("2025-03-06"));
    EXPECT_EQ(s.task("work").slack, 5);
}

TEST(Schedule, AHugeDurationIsRefusedCleanly) {
    Task t = task("long", "2025-03-03", "2025-03-03");
    t.duration = 36600;  // allowed by the plan, but 36600 working days run past 100 years
    try {
        (void)schedule(plan_of({t}), WorkCalendar());
        FAIL() << "expected ValidationError";
    } catch (const ValidationError& error) {
        EXPECT_NE(std::string(error.what()).find("expected dates and lags of a campaign"), std::string::npos) << error.what();
    }
}

TEST(Schedule, AcrossTheSpringFestivalWithAdjustedWorkingDays) {
    const WorkCalendar cn2025 = load_calendar("data/calendars/cn-2025.json");
    const Plan plan = plan_of({
        task("H", "2025-01-24", "2025-01-24"),
        task("I", "2025-01-24", "2025-01-27", {after("H")}),
        task("J", "2025-02-01", "2025-02-10", {after("I", 3, LagUnit::calendar_days)}),
        task("K", "2025-02-03", "2025-02-12", {with_start_of("J", 2)}),
    });
    const Schedule s = schedule(plan, cn2025);
    // H: Fri 24 Jan. I starts the next working day, the adjusted Sunday 26; its 3 working days
    // (Fri 24, Sun 26, Mon 27 as planned) run Sun 26, Mon 27, then Wed 5 Feb after the holiday.
    EXPECT_EQ(s.task("I").earliest_start, day("2025-01-26"));
    EXPECT_EQ(s.task("I").duration, 3);
    EXPECT_EQ(s.task("I").earliest_finish, day("2025-02-05"));
    // J waits 3 calendar days after Wed 5 Feb: from Sun 9, so Mon 10. Its duration: working days
    // from Wed 5 (first after the planned Sat 1) to Mon 10: 5, 6, 7, 8 (adjusted Sat), 10 = 5;
    // so Mon 10 - Fri 14.
    EXPECT_EQ(s.task("J").duration, 5);
    EXPECT_EQ(s.task("J").earliest_start, day("2025-02-10"));
    EXPECT_EQ(s.task("J").earliest_finish, day("2025-02-14"));
    // K starts 2 working days after J starts: Wed 12. Duration Wed 5 - Wed 12: 5, 6, 7, 8, 10,
    // 11, 12 = 7, so Wed 12 - Thu 20.
    EXPECT_EQ(s.task("K").earliest_start, day("2025-02-12"));
    EXPECT_EQ(s.task("K").duration, 7);
    EXPECT_EQ(s.task("K").earliest_finish, day("2025-02-20"));
}

TEST(Schedule, CycleIsAnErrorNamingIt) {
    const Plan plan = plan_of({task("a", "2025-03-03", "2025-03-04", {after("c")}), task("b", "2025-03-03", "2025-03-04", {after("a")}),
                               task("c", "2025-03-03", "2025-03-04", {after("b")}), task("d", "2025-03-03", "2025-03-04")});
    try {
        (void)schedule(plan, WorkCalendar());
        FAIL() << "expected ValidationError";
    } catch (const ValidationError& error) {
        const std::string what = error.what();
        EXPECT_NE(what.find("cycle"), std::string::npos) << what;
        EXPECT_NE(what.find("a -> b -> c -> a"), std::string::npos) << what;
    }
}

TEST(Schedule, WhatIfADelayMovesWhatDependsOnIt) {
    // Delay A's start by 2 working days: A Wed 5 - Fri 7; B Mon 10 - Fri 14 (was Wed 12); C
    // Tue 11 - Wed 12 (was Mon 10); D can no longer be on Fri 14: after B, Mon 17, 1 working
    // day later.
    const auto changes = what_if_delayed(late_plan(), WorkCalendar(), "A", 2).tasks;
    ASSERT_EQ(changes.size(), 4u);
    EXPECT_EQ(changes[0].id, "A");
    EXPECT_EQ(changes[0].delayed_finish, day("2025-03-07"));
    EXPECT_EQ(changes[1].id, "B");
    EXPECT_EQ(changes[1].delayed_finish, day("2025-03-14"));
    EXPECT_EQ(changes[2].id, "C");
    EXPECT_EQ(changes[2].delayed_finish, day("2025-03-12"));
    EXPECT_EQ(changes[3].id, "D");
    EXPECT_TRUE(changes[3].milestone);
    EXPECT_EQ(changes[3].earliest_finish, day("2025-03-14"));
    EXPECT_EQ(changes[3].delayed_finish, day("2025-03-17"));
    EXPECT_EQ(changes[3].working_days, 1);
    EXPECT_THROW((void)what_if_delayed(late_plan(), WorkCalendar(), "Z", 1), NotFoundError);
}

TEST(Plan, InvalidPlansNameTheTaskAndField) {
    auto expect_invalid = [](std::vector<Task> tasks, const std::string& path, const std::string& part) {
        try {
            (void)plan_of(std::move(tasks));
            ADD_FAILURE() << "expected ValidationError at " << path;
        } catch (const ValidationError& error) {
            EXPECT_EQ(error.path(), path) << error.what();
            EXPECT_NE(std::string(error.what()).find(part), std::string::npos) << error.what();
        }
    };
    expect_invalid({task("a", "2025-03-05", "2025-03-03")}, "$.tasks[0].due", "2025-03-03 is before the start 2025-03-05 of task 'a'");
    expect_invalid({task("a", "2025-03-03", "2025-03-04"), task("a", "2025-03-03", "2025-03-04")}, "$.tasks[1].id", "duplicate task id 'a'");
    expect_invalid({task("a", "2025-03-03", "2025-03-04", {after("x")})}, "$.tasks[0].depends_on[0].task",
                   "task 'a' depends on unknown task 'x'");
    expect_invalid({task("a", "2025-03-03", "2025-03-04", {after("a")})}, "$.tasks[0].depends_on[0].task", "depends on itself");
    Task spread = milestone("m", "2025-03-03");
    spread.due = day("2025-03-04");
    expect_invalid({spread}, "$.tasks[0].due", "milestone 'm' spans 2025-03-03 to 2025-03-04");
    Task progress = task("p", "2025-03-03", "2025-03-04");
    progress.percent_complete = 120;
    expect_invalid({progress}, "$.tasks[0].percent_complete", "outside [0, 100]");
    Task undated = task("u", "2025-03-03", "2025-03-04");
    undated.due = Date();
    expect_invalid({undated}, "$.tasks[0].due", "task 'u' has neither a due date nor a duration");
    Task empty = task("e", "2025-03-03", "2025-03-04");
    empty.duration = 0;
    expect_invalid({empty}, "$.tasks[0].duration", "0 working days for task 'e'; expected a whole number of working days in [1, 36600]");
    Task lasting = milestone("m", "2025-03-03");
    lasting.duration = 2;
    expect_invalid({lasting}, "$.tasks[0].duration", "milestone 'm' has a duration of 2 working days");
}

TEST(Schedule, SummariesInOneLine) {
    EXPECT_EQ(to_string(late_plan()), "Plan('test': 4 tasks (1 milestones), 0 phases)");
    EXPECT_EQ(to_string(schedule(late_plan(), WorkCalendar())),
              "Schedule(4 tasks, smallest slack 0 working days, critical path D)");
}

TEST(Schedule, WhatIfMovesPhaseEndsThatDependOnTheDelay) {
    // Phases prepare, build, check, wrapup, empty (no tasks). Weekend calendar, March 2025.
    //   A (prepare) Mon 3 - Wed 5 (3 days)        B (prepare) Mon 3 - Fri 7 (5 days)
    //   C (build)   Thu 6 - Wed 12 (5 days), after A: starts Thu 6, finishes Wed 12
    //   D (check)   milestone Fri 14, after C (Thu 13 would do): Fri 14
    //   E (wrapup)  Mon 3 - Tue 4, on its own
    // Phase ends before: prepare Fri 7 (B), build Wed 12, check Fri 14, wrapup Tue 4.
    // Delay A by 2 working days: A Wed 5 - Fri 7; C Mon 10 - Fri 14; D after C: Mon 17.
    // prepare still ends Fri 7 (A now ends with B): it does not move although A does.
    // build Wed 12 -> Fri 14 (Thu 13, Fri 14: 2 days); check Fri 14 -> Mon 17 (1 day).
    auto in = [](Task t, const char* phase) {
        t.phase = phase;
        return t;
    };
    PlanSpec spec;
    spec.id = "phases";
    spec.phases = {{"prepare", "", ""}, {"build", "", ""}, {"check", "", ""}, {"wrapup", "", ""}, {"empty", "", ""}};
    spec.tasks = {in(task("A", "2025-03-03", "2025-03-05"), "prepare"), in(task("B", "2025-03-03", "2025-03-07"), "prepare"),
                  in(task("C", "2025-03-06", "2025-03-12", {after("A")}), "build"),
                  in(milestone("D", "2025-03-14", {after("C")}), "check"), in(task("E", "2025-03-03", "2025-03-04"), "wrapup")};
    const Plan plan(spec);
    const DelayImpact impact = what_if_delayed(plan, WorkCalendar(), "A", 2);
    ASSERT_EQ(impact.tasks.size(), 3u);
    EXPECT_EQ(impact.tasks[0].id, "A");
    EXPECT_EQ(impact.tasks[0].earliest_finish, day("2025-03-05"));
    EXPECT_EQ(impact.tasks[0].delayed_finish, day("2025-03-07"));
    EXPECT_EQ(impact.tasks[1].id, "C");
    EXPECT_EQ(impact.tasks[1].delayed_finish, day("2025-03-14"));
    EXPECT_EQ(impact.tasks[2].id, "D");
    EXPECT_EQ(impact.tasks[2].delayed_finish, day("2025-03-17"));
    ASSERT_EQ(impact.phases.size(), 2u);
    EXPECT_EQ(impact.phases[0].id, "build");
    EXPECT_EQ(impact.phases[0].earliest_finish, day("2025-03-12"));
    EXPECT_EQ(impact.phases[0].delayed_finish, day("2025-03-14"));
    EXPECT_EQ(impact.phases[0].working_days, 2);
    EXPECT_FALSE(impact.phases[0].milestone);
    EXPECT_EQ(impact.phases[1].id, "check");
    EXPECT_EQ(impact.phases[1].earliest_finish, day("2025-03-14"));
    EXPECT_EQ(impact.phases[1].delayed_finish, day("2025-03-17"));
    EXPECT_EQ(impact.phases[1].working_days, 1);
    // A delay of 3 moves prepare too: A Thu 6 - Mon 10, past B's Fri 7 (1 working day).
    const DelayImpact longer = what_if_delayed(plan, WorkCalendar(), "A", 3);
    ASSERT_EQ(longer.phases.size(), 3u);
    EXPECT_EQ(longer.phases[0].id, "prepare");
    EXPECT_EQ(longer.phases[0].earliest_finish, day("2025-03-07"));
    EXPECT_EQ(longer.phases[0].delayed_finish, day("2025-03-10"));
    EXPECT_EQ(longer.phases[0].working_days, 1);
    // No delay moves nothing.
    const DelayImpact none = what_if_delayed(plan, WorkCalendar(), "A", 0);
    EXPECT_TRUE(none.tasks.empty());
    EXPECT_TRUE(none.phases.empty());
}

// ---- messages in Chinese ---------------------------------------------------------------------

TEST(ScheduleMessages, ReadInChinese) {
    const Plan plan = plan_of({task("a", "2025-03-03", "2025-03-04", {after("c")}), task("b", "2025-03-03", "2025-03-04", {after("a")}),
                               task("c", "2025-03-03", "2025-03-04", {after("b")}), task("d", "2025-03-03", "2025-03-04")});
    try {
        (void)schedule(plan, WorkCalendar());
        ADD_FAILURE() << "expected ValidationError";
    } catch (const ValidationError& error) {
        EXPECT_EQ(error.what(), std::string("$.tasks: the dependencies form a cycle: a -> b -> c -> a (each waits for the one before); expected none"));
        EXPECT_EQ(error.message(Language::zh), "$.tasks: 任务依赖形成循环: a -> b -> c -> a（每个任务都在等待前一个）；不应有循环");
    }
    const Schedule s = schedule(late_plan(), WorkCalendar());
    try {
        (void)s.task("Z");
        ADD_FAILURE() << "expected NotFoundError";
    } catch (const NotFoundError& error) {
        EXPECT_EQ(error.what(), std::string("unknown task id 'Z' in the schedule"));
        EXPECT_EQ(error.message(Language::zh), "进度安排中没有任务 id 'Z'");
    }
}
