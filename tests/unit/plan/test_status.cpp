// A plan's status on a date, worked by hand on a Saturday-Sunday calendar (week of Mon 3 March
// 2025: working days Mon 3 = day 0 ... Fri 7 = day 4, Mon 10 = day 5 ...).

#include <civitas/civitas.hpp>

#include <gtest/gtest.h>

using namespace civitas;

namespace {

Date day(const char* iso) { return parse_date(iso, "test"); }

// A: Mon 3 - Fri 7 (5 days), started, `a_percent` done. B: Mon 10 - Fri 14. C: Mon 3 - Tue 4,
// finished Wed 5 (a working day late), 建设局's. M: a milestone on Fri 7.
Plan plan_of(double a_percent) {
    PlanSpec spec;
    spec.id = "status";
    spec.responsibility_fields = {"department"};
    Task a;
    a.id = "A";
    a.start = day("2025-03-03");
    a.due = day("2025-03-07");
    a.actual_start = day("2025-03-03");
    a.percent_complete = a_percent;
    Task b;
    b.id = "B";
    b.start = day("2025-03-10");
    b.due = day("2025-03-14");
    Task c;
    c.id = "C";
    c.start = day("2025-03-03");
    c.due = day("2025-03-04");
    c.actual_finish = day("2025-03-05");
    c.responsibility = {{"department", "建设局"}};
    Task m;
    m.id = "M";
    m.start = m.due = day("2025-03-07");
    m.milestone = true;
    spec.tasks = {a, b, c, m};
    return Plan(spec);
}

}  // namespace

TEST(Status, StatesAndPlannedProgressOnWednesday) {
    const PlanStatus s = status(plan_of(60), WorkCalendar(), day("2025-03-05"));
    // A: 3 of its 5 working days gone (Mon-Wed): planned 60%, reported 60%: in progress.
    EXPECT_DOUBLE_EQ(s.task("A").planned_percent, 60.0);
    EXPECT_EQ(s.task("A").state, TaskState::in_progress);
    EXPECT_DOUBLE_EQ(s.task("A").weight, 5.0);
    // B has not begun; C finished Wednesday, one working day after its due Tuesday.
    EXPECT_EQ(s.task("B").state, TaskState::not_started);
    EXPECT_DOUBLE_EQ(s.task("B").planned_percent, 0.0);
    EXPECT_EQ(s.task("C").state, TaskState::done);
    EXPECT_DOUBLE_EQ(s.task("C").percent_complete, 100.0);
    EXPECT_EQ(s.task("C").days_late, 1);
    EXPECT_EQ(s.task("M").state, TaskState::not_started);
    EXPECT_DOUBLE_EQ(s.task("M").weight, 0.0);
}

TEST(Status, EarnedValueAndEarnedScheduleOnPlan) {
    const PlanStatus s = status(plan_of(60), WorkCalendar(), day("2025-03-05"));
    // PV = 5 x 0.6 + 2 x 1 = 5 = EV: SPI 1. Planned value by day: A 1 and C 1 on days 0-1, A 1
    // on days 2-4: after 3 days 5, so the earned schedule is 3 days of 3 elapsed: SPI(t) 1.
    EXPECT_DOUBLE_EQ(s.overall.planned_value, 5.0);
    EXPECT_DOUBLE_EQ(s.overall.earned_value, 5.0);
    ASSERT_TRUE(s.overall.spi);
    EXPECT_DOUBLE_EQ(*s.overall.spi, 1.0);
    ASSERT_TRUE(s.overall.spi_t);
    EXPECT_DOUBLE_EQ(*s.overall.spi_t, 1.0);
    // Only C was due: done, but late.
    EXPECT_EQ(s.overall.due, 1);
    EXPECT_EQ(s.overall.done_on_time, 0);
    EXPECT_EQ(s.overall.on_time_rate(), 0.0);
    EXPECT_EQ(s.overall.states.at(TaskState::not_started), 2);
    EXPECT_EQ(s.overall.tasks, 4);
}

TEST(Status, BehindPlanNearTheDueDateIsAtRisk) {
    const PlanStatus s = status(plan_of(40), WorkCalendar(), day("2025-03-05"));
    // A: 40% against 60% planned, due in 2 working days (Thu, Fri): at risk.
    EXPECT_EQ(s.task("A").state, TaskState::at_risk);
    // EV = 5 x 0.4 + 2 = 4, PV 5: SPI 0.8. PV reached 4 after 2 days: SPI(t) = 2 / 3.
    EXPECT_DOUBLE_EQ(*s.overall.spi, 0.8);
    EXPECT_DOUBLE_EQ(*s.overall.spi_t, 2.0 / 3.0);
    // At risk only within the window: with a 1-day window A is merely in progress.
    StatusOptions narrow;
    narrow.at_risk_within = 1;
    EXPECT_EQ(status(plan_of(40), WorkCalendar(), day("2025-03-05"), narrow).task("A").state, TaskState::in_progress);
}

TEST(Status, OverdueCountsWorkingDaysLate) {
    const PlanStatus s = status(plan_of(60), WorkCalendar(), day("2025-03-10"));
    // A was due Fri 7 and is not done on Mon 10: 1 working day late. M passed unreached.
    EXPECT_EQ(s.task("A").state, TaskState::overdue);
    EXPECT_EQ(s.task("A").days_late, 1);
    EXPECT_EQ(s.task("M").state, TaskState::overdue);
    EXPECT_DOUBLE_EQ(s.task("M").planned_percent, 100.0);
    EXPECT_EQ(s.overall.due, 3);  // A, C and M
}

TEST(Status, ATaskIsDueOnItsDeadlineElseOnItsPlannedFinish) {
    // A with a deadline of Wed 12 (its planned finish stays Fri 7): on Mon 10 it is behind its
    // plan (60% of 100% planned) and due within 5 working days: at risk, not overdue; due Wed 12.
    // On Thu 13 it is overdue by 1 working day. D is given by its duration: 4 working days from
    // Mon 3, so due Thu 6; not done on Mon 10: overdue by 2 (Fri 7, Mon 10), weight 4.
    PlanSpec spec = plan_of(60).spec();
    spec.tasks[0].deadline = day("2025-03-12");
    Task d;
    d.id = "D";
    d.start = day("2025-03-03");
    d.duration = 4;
    spec.tasks.push_back(d);
    const Plan plan(spec);
    const PlanStatus monday = status(plan, WorkCalendar(), day("2025-03-10"));
    EXPECT_EQ(monday.task("A").due, day("2025-03-12"));
    EXPECT_EQ(monday.task("A").state, TaskState::at_risk);
    EXPECT_EQ(monday.task("A").days_late, 0);
    EXPECT_DOUBLE_EQ(monday.task("A").planned_percent, 100.0);
    EXPECT_EQ(monday.task("D").due, day("2025-03-06"));
    EXPECT_EQ(monday.task("D").state, TaskState::overdue);
    EXPECT_EQ(monday.task("D").days_late, 2);
    EXPECT_DOUBLE_EQ(monday.task("D").weight, 4.0);
    ASSERT_EQ(monday.overdue.size(), 2u);  // D and M (A is not due yet)
    EXPECT_EQ(monday.overdue[0].id, "D");
    EXPECT_EQ(monday.overdue[0].due, day("2025-03-06"));
    const PlanStatus thursday = status(plan, WorkCalendar(), day("2025-03-13"));
    EXPECT_EQ(thursday.task("A").state, TaskState::overdue);
    EXPECT_EQ(thursday.task("A").days_late, 1);
}

TEST(Status, RollUpsByPhaseAndResponsibility) {
    const PlanStatus s = status(plan_of(60), WorkCalendar(), day("2025-03-05"));
    const Progress& builders = s.by_responsibility.at("department").at("建设局");
    EXPECT_EQ(builders.tasks, 1);
    EXPECT_EQ(builders.due, 1);
    EXPECT_EQ(builders.on_time_rate(), 0.0);
    EXPECT_DOUBLE_EQ(builders.earned_value, 2.0);
    EXPECT_EQ(s.by_phase.at("").tasks, 4);
    EXPECT_THROW((void)s.task("Z"), NotFoundError);
}

TEST(Status, EarnedScheduleOfAGroupCountsFromItsOwnStartAndStopsWhenItIsDone) {
    // On Fri 14 March (working days 0..9 gone). "early": A Mon 3 - Fri 7 (weight 5), finished
    // Fri 7. "late": B Mon 10 - Fri 21 (weight 10, 1 a day from day 5), 20% done. "gate": a
    // milestone (weight 0) on Fri 14.
    PlanSpec spec;
    spec.id = "groups";
    spec.phases = {{"early", "", ""}, {"late", "", ""}, {"gate", "", ""}};
    Task a;
    a.id = "A";
    a.phase = "early";
    a.start = day("2025-03-03");
    a.due = day("2025-03-07");
    a.actual_finish = day("2025-03-07");
    Task b;
    b.id = "B";
    b.phase = "late";
    b.start = day("2025-03-10");
    b.due = day("2025-03-21");
    b.percent_complete = 20;
    Task m;
    m.id = "M";
    m.phase = "gate";
    m.start = m.due = day("2025-03-14");
    m.milestone = true;
    spec.tasks = {a, b, m};
    const PlanStatus s = status(Plan(spec), WorkCalendar(), day("2025-03-14"));
    // early: earned all 5, its schedule is its 5 days; done on day 4, so the actual time is 5
    // days (not the 10 gone since): SPI(t) 1.
    EXPECT_DOUBLE_EQ(*s.by_phase.at("early").spi_t, 1.0);
    // late: EV 2 = its plan after 2 of its days; 5 of its days gone (days 5..9): 0.4.
    EXPECT_DOUBLE_EQ(*s.by_phase.at("late").spi_t, 0.4);
    EXPECT_DOUBLE_EQ(*s.by_phase.at("late").spi, 0.4);
    // gate: nothing of value planned, so no schedule to measure.
    EXPECT_FALSE(s.by_phase.at("gate").spi_t.has_value());
    EXPECT_FALSE(s.by_phase.at("gate").spi.has_value());
    // overall: EV 7 = the plan after 7 days (5 of A, 2 of B); 10 days gone: 0.7.
    EXPECT_DOUBLE_EQ(*s.overall.spi_t, 0.7);
    // Before "late" begins (on Fri 7) it has no actual time yet.
    const PlanStatus friday = status(Plan(spec), WorkCalendar(), day("2025-03-07"));
    EXPECT_FALSE(friday.by_phase.at("late").spi_t.has_value());
    EXPECT_DOUBLE_EQ(*friday.by_phase.at("early").spi_t, 1.0);
}

TEST(Status, EarnedScheduleOnAPauseInThePlan) {
    // One phase: A Mon 3 - Fri 7 (weight 5) finished Fri 7, nothing planned Mon 10 - Fri 14, C
    // Mon 17 - Fri 21 (weight 5) not begun. On Fri 14 (10 working days gone) the plan has
    // reached EV 5 at the end of day 4 and stays there until day 10: the group did all it
    // planned, so the earned schedule is the actual time, 10 days: SPI(t) 1, as SPI.
    PlanSpec spec;
    spec.id = "pause";
    Task a;
    a.id = "A";
    a.start = day("2025-03-03");
    a.due = day("2025-03-07");
    a.actual_finish = day("2025-03-07");
    Task c;
    c.id = "C";
    c.start = day("2025-03-17");
    c.due = day("2025-03-21");
    spec.tasks = {a, c};
    const PlanStatus friday = status(Plan(spec), WorkCalendar(), day("2025-03-14"));
    EXPECT_DOUBLE_EQ(*friday.overall.spi, 1.0);
    EXPECT_DOUBLE_EQ(*friday.overall.spi_t, 1.0);
    // On Wed 19 (13 days gone) C should be 3 days in but has not begun: EV 5 was planned by the
    // end of the pause, day 10: 10 / 13. SPI: 5 / 8.
    const PlanStatus wednesday = status(Plan(spec), WorkCalendar(), day("2025-03-19"));
    EXPECT_DOUBLE_EQ(*wednesday.overall.spi_t, 10.0 / 13.0);
    EXPECT_DOUBLE_EQ(*wednesday.overall.spi, 5.0 / 8.0);
    // On Tue 4 A is 30% done against 40% planned: EV 1.5 reached on day 1.5 of 2: 0.75.
    spec.tasks[0].actual_finish.reset();
    spec.tasks[0].percent_complete = 30;
    const PlanStatus tuesday = status(Plan(spec), WorkCalendar(), day("2025-03-04"));
    EXPECT_DOUBLE_EQ(*tuesday.overall.spi_t, 0.75);
}

// ---- messages in Chinese ---------------------------------------------------------------------

TEST(StatusMessages, UnknownIdsReadInChinese) {
    const PlanStatus s = status(plan_of(60), WorkCalendar(), day("2025-03-05"));
    try {
        (void)s.task("Z");
        ADD_FAILURE() << "expected NotFoundError";
    } catch (const NotFoundError& e) {
        EXPECT_EQ(e.what(), std::string("unknown task id 'Z' in the status"));
        EXPECT_EQ(e.message(Language::zh), "进度状态中没有任务 id 'Z'");
    }
    try {
        (void)s.problem("p9");
        ADD_FAILURE() << "expected NotFoundError";
    } catch (const NotFoundError& e) {
        EXPECT_EQ(e.what(), std::string("unknown problem id 'p9' in the status on 2025-03-05 (a problem found after that date is not counted)"));
        EXPECT_EQ(e.message(Language::zh), "2025-03-05 的进度状态中没有问题 id 'p9'（该日之后发现的问题不计入）");
    }
}
