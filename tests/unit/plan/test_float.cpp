// Total and free float on a textbook network worked by hand: the Reliable Construction Co.
// project of F. S. Hillier and G. J. Lieberman, "Introduction to Operations Research", chapter
// "Project Management with PERT/CPM" (the house-building example: 14 activities A-N, durations in
// weeks, project length 44 weeks, critical path A-B-C-E-F-J-L-N; the book tabulates each
// activity's earliest and latest start and finish and its slack). Free float is not in the book's
// table; it is worked by hand below from its earliest times (the earliest start of the
// successors, or the project's end, less the earliest finish), as course notes define it.
//
// A calendar with no days off makes one working day one of the book's weeks. The book counts
// time from 0 with a finish at the end of its period; civitas names the days themselves, so
// the book's start ES is day origin + ES and its finish EF is day origin + EF - 1.

#include <civitas/civitas.hpp>

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

using namespace civitas;

namespace {

const Date origin(2025, 1, 6);

struct Activity {
    const char* id;
    int duration;  // weeks
    std::vector<std::string> predecessors;
    // The book's earliest and latest start and finish (weeks from 0), and free float worked by hand.
    int es, ef, ls, lf, free_float;
};

// Hillier and Lieberman's table; slack = LS - ES. Free float by hand:
//   D: G starts 22 = D's EF 22, 0. E: F starts 20 = E's EF, 0 (H 29 later). G: H 29 = 29, 0.
//   H: M 38 = 38, 0. I: J starts 25, I finishes 23: 2. K: N starts 38, K finishes 37: 1.
//   M: no successor, the project ends 44, M finishes 40: 4. The others lie on the critical path: 0.
// D, G and H share the chain's 4 weeks of total float (D-G-H-M) but have no free float: a
// delay of D moves G.
const std::vector<Activity> reliable = {
    {"A", 2, {}, 0, 2, 0, 2, 0},           {"B", 4, {"A"}, 2, 6, 2, 6, 0},
    {"C", 10, {"B"}, 6, 16, 6, 16, 0},     {"D", 6, {"C"}, 16, 22, 20, 26, 0},
    {"E", 4, {"C"}, 16, 20, 16, 20, 0},    {"F", 5, {"E"}, 20, 25, 20, 25, 0},
    {"G", 7, {"D"}, 22, 29, 26, 33, 0},    {"H", 9, {"E", "G"}, 29, 38, 33, 42, 0},
    {"I", 7, {"C"}, 16, 23, 18, 25, 2},    {"J", 8, {"F", "I"}, 25, 33, 25, 33, 0},
    {"K", 4, {"J"}, 33, 37, 34, 38, 1},    {"L", 5, {"J"}, 33, 38, 33, 38, 0},
    {"M", 2, {"H"}, 38, 40, 42, 44, 4},    {"N", 6, {"K", "L"}, 38, 44, 38, 44, 0},
};

WorkCalendar every_day_working() {
    CalendarSpec spec;
    spec.weekend.clear();
    return WorkCalendar(spec);
}

// Each activity a task given by its duration, all free to start at week 0.
Plan reliable_plan() {
    PlanSpec spec;
    spec.id = "reliable";
    for (const Activity& a : reliable) {
        Task t;
        t.id = a.id;
        t.start = origin;
        t.duration = a.duration;
        for (const std::string& p : a.predecessors) t.depends_on.push_back(Dependency{p});
        spec.tasks.push_back(t);
    }
    return Plan(spec);
}

Date week(int n) { return origin + boost::gregorian::days(n); }

}  // namespace

TEST(Float, ReliableConstructionProjectOfHillierAndLieberman) {
    const Schedule s = schedule(reliable_plan(), every_day_working());
    for (const Activity& a : reliable) {
        const ScheduledTask& t = s.task(a.id);
        EXPECT_EQ(t.duration, a.duration) << a.id;
        EXPECT_EQ(t.earliest_start, week(a.es)) << a.id;
        EXPECT_EQ(t.earliest_finish, week(a.ef - 1)) << a.id;
        EXPECT_EQ(t.latest_start, week(a.ls)) << a.id;
        EXPECT_EQ(t.latest_finish, week(a.lf - 1)) << a.id;
        EXPECT_EQ(t.slack, a.ls - a.es) << a.id;
        EXPECT_EQ(t.free_slack, a.free_float) << a.id;
        EXPECT_EQ(t.critical, a.ls == a.es) << a.id;
    }
    EXPECT_EQ(s.smallest_slack, 0);
    EXPECT_EQ(s.critical_path, (std::vector<std::string>{"A", "B", "C", "E", "F", "J", "L", "N"}));
}

TEST(Float, AHandoverBeforeTheProjectCanEndGivesNegativeFloat) {
    // The book asks whether the house can be done in 40 weeks. A milestone at the start of week 40
    // after M and N (the handover, as a campaign's inspection date): the critical path misses it
    // by 4 weeks (float -4 along A-B-C-E-F-J-L-N and the handover), the chain D-G-H-M keeps 0 of
    // its 4, K's 1 becomes -3 and I's 2 becomes -2. Free float is measured against the earliest
    // dates, which the handover does not move: M keeps 4, I 2, N has 0 (the handover waits for it),
    // and the handover itself, 4 weeks past its date, -4.
    PlanSpec spec = reliable_plan().spec();
    Task handover;
    handover.id = "handover";
    handover.milestone = true;
    handover.start = handover.due = week(40);
    handover.depends_on = {Dependency{"M"}, Dependency{"N"}};
    spec.tasks.push_back(handover);
    const Schedule s = schedule(Plan(spec), every_day_working());
    EXPECT_EQ(s.task("handover").earliest_start, week(44));
    EXPECT_EQ(s.task("handover").latest_start, week(40));
    EXPECT_EQ(s.smallest_slack, -4);
    for (const char* id : {"A", "B", "C", "E", "F", "J", "L", "N", "handover"}) {
        EXPECT_EQ(s.task(id).slack, -4) << id;
        EXPECT_TRUE(s.task(id).critical) << id;
    }
    for (const char* id : {"D", "G", "H", "M"}) {
        EXPECT_EQ(s.task(id).slack, 0) << id;
        EXPECT_FALSE(s.task(id).critical) << id;
    }
    EXPECT_EQ(s.task("K").slack, -3);
    EXPECT_EQ(s.task("I").slack, -2);
    EXPECT_EQ(s.task("N").free_slack, 0);
    EXPECT_EQ(s.task("M").free_slack, 4);
    EXPECT_EQ(s.task("I").free_slack, 2);
    EXPECT_EQ(s.task("handover").free_slack, -4);
    EXPECT_EQ(s.critical_path, (std::vector<std::string>{"A", "B", "C", "E", "F", "J", "L", "N", "handover"}));
}

TEST(Float, FreeFloatIsTheDelayThatMovesNoSuccessor) {
    // On the book's network, each activity delayed in turn; without deadlines 0 <= free <= total.
    const Plan plan = reliable_plan();
    for (const Activity& a : reliable) {
        const DelayImpact impact = what_if_delayed(plan, every_day_working(), a.id, a.free_float);
        // A delay of exactly its free float moves only itself (when it moves at all).
        for (const ScheduleChange& c : impact.tasks) EXPECT_EQ(c.id, a.id) << a.id;
        // One day more moves a successor (M and N have none: they move the project's end).
        const DelayImpact more = what_if_delayed(plan, every_day_working(), a.id, a.free_float + 1);
        const bool last = a.id == std::string("M") || a.id == std::string("N");
        EXPECT_EQ(more.tasks.size() >= 2u, !last) << a.id;
        ASSERT_FALSE(more.tasks.empty()) << a.id;
        EXPECT_EQ(more.tasks.front().id, std::string(a.id)) << a.id;
    }
    const Schedule s = schedule(plan, every_day_working());
    for (const ScheduledTask& t : s.tasks) {
        EXPECT_GE(t.free_slack, 0) << t.id;
        EXPECT_LE(t.free_slack, t.slack) << t.id;
    }
}
