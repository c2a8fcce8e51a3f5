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
