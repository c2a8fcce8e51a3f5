// The schedule's integer arithmetic against the calendar's own day-by-day walk: the working-day
// table (src/plan/detail/working_days.hpp) date by date over the bundled China calendar of 2025
// and 2026 (国办发明电〔2024〕12号 and the notice of 2025-11-04: holidays, adjusted working
// weekends, the New Year across the year boundary), and the schedule of a large random plan
// against a reference computed in dates with WorkCalendar's functions alone.

#include <civitas/civitas.hpp>

#include "plan/detail/working_days.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <random>
#include <string>
#include <vector>

using namespace civitas;

namespace {

using boost::gregorian::days;

const WorkCalendar& china() {
    static const WorkCalendar calendar = load_calendar("data/calendars/cn.json");
    return calendar;
}

Date day(const char* iso) { return parse_date(iso, "test"); }

// The first working day on or after `date`, the last on or before it, by the calendar's walk.
Date first_on_or_after(const WorkCalendar& c, Date date) { return c.is_working_day(date) ? date : c.next_working_day(date); }
Date last_on_or_before(const WorkCalendar& c, Date date) { return c.is_working_day(date) ? date : c.previous_working_day(date); }
// Working day `working` moved by n working days.
Date shift(const WorkCalendar& c, Date working, int n) { return n == 0 ? working : c.add_working_days(working, n); }

// Every member, for a failure's message.
std::string text(const ScheduledTask& t) {
    return t.id + ": duration " + std::to_string(t.duration) + ", earliest " + to_iso(t.earliest_start) + ".." + to_iso(t.earliest_finish) +
           ", latest " + to_iso(t.latest_start) + ".." + to_iso(t.latest_finish) + ", slack " + std::to_string(t.slack) +
           ", free " + std::to_string(t.free_slack) + (t.critical ? ", critical" : "");
}

}  // namespace

TEST(WorkingDays, TableEqualsTheCalendarsDayByDayWalk) {
    const WorkCalendar& c = china();
    ASSERT_FALSE(c.is_working_day(day("2026-01-01")));  // New Year's Day, a Thursday
    ASSERT_TRUE(c.is_working_day(day("2026-01-04")));   // an adjusted working Sunday
    ASSERT_TRUE(c.is_working_day(day("2025-02-08")));   // an adjusted working Saturday
    const Date origin = day("2025-12-30");
    // Built for one day, so that the tables grow both ways as dates reach them, in jumps: the
    // dates are visited in a scrambled order.
    detail::WorkingDays table(c, origin, origin);
    std::vector<Date> dates;
    for (Date d = day("2024-11-01"); d <= day("2027-02-28"); d += days(1)) dates.push_back(d);
    std::shuffle(dates.begin(), dates.end(), std::mt19937(15));
    const int origin_number = table.on_or_before(origin);
    for (const Date d : dates) {
        SCOPED_TRACE(to_iso(d));
        const int after = table.on_or_after(d), before = table.on_or_before(d);
        ASSERT_EQ(table.date_of(after), first_on_or_after(c, d));
        ASSERT_EQ(table.date_of(before), last_on_or_before(c, d));
        ASSERT_EQ(after - before, c.is_working_day(d) ? 0 : 1);
        ASSERT_EQ(table.number_at((d - origin).days()), after);
        ASSERT_EQ(table.offset_of(after), (first_on_or_after(c, d) - origin).days());
        // Numbers count working days: (origin, d] holds before - N(origin) of them.
        ASSERT_EQ(before - origin_number, c.working_days_between(origin, d));
        for (const int n : {-23, -1, 1, 23})
            ASSERT_EQ(table.date_of((n > 0 ? before : after) + n), c.add_working_days(d, n)) << n << " working days";
        ASSERT_EQ(table.date_of(after), c.add_working_days(d, 0));
    }
}

TEST(WorkingDays, ReachesAHundredYearsEachWayAndNoFurther) {
    const Date origin = day("2025-06-30");
    const WorkCalendar weekdays_only;
    detail::WorkingDays table(weekdays_only, origin, origin);
    const long limit = 100L * 366;
    // Working days in [origin, origin + limit), and minus those in [origin - limit, origin).
    EXPECT_EQ(table.number_at(limit), weekdays_only.working_days_between(origin - days(1), origin + days(limit - 1)));
    EXPECT_EQ(table.number_at(-limit), -weekdays_only.working_days_between(origin - days(limit + 1), origin - days(1)));
    EXPECT_THROW((void)table.number_at(limit + 1), ValidationError);
    EXPECT_THROW((void)table.number_at(-limit - 1), ValidationError);
    EXPECT_THROW((void)table.date_of(30000), ValidationError);  // working day 30,000 is past 2140
}

namespace {

// A random plan over the year boundary: tasks start from June 2025 to June 2026 (some on
// holidays and weekends), last up to 25 days, one in twelve a milestone; each dependency is on a
// task earlier in a hidden order (mostly one starting two weeks or so before), which the plan's
// order scrambles; both links and both lag units,
// lags from -2 to 4, now and then the same pair twice. `rank[i]`: task i's place in the hidden order.
Plan random_plan(std::size_t tasks, std::size_t dependencies, std::vector<std::size_t>& rank) {
    std::mt19937 rng(2026);
    std::vector<std::size_t> position(tasks);  // position in the plan of the k-th task of the hidden order
    for (std::size_t k = 0; k < tasks; ++k) position[k] = k;
    std::shuffle(position.begin(), position.end(), rng);
    rank.assign(tasks, 0);
    for (std::size_t k = 0; k < tasks; ++k) rank[position[k]] = k;
    PlanSpec spec;
    spec.id = "random";
    spec.tasks.resize(tasks);
    const Date first = day("2025-06-02");
    for (std::size_t k = 0; k < tasks; ++k) {
        Task& t = spec.tasks[position[k]];
        t.id = "t" + std::to_string(k);
        t.start = first + days(static_cast<long>(365 * k / tasks) + static_cast<long>(rng() % 15));
        t.milestone = rng() % 12 == 0;
        t.due = t.milestone ? t.start : t.start + days(static_cast<long>(rng() % 26));
        // Some tasks give their length in working days, some of them instead of a due date;
        // some have a deadline apart from the due date.
        if (!t.milestone && rng() % 5 == 0) {
            t.duration = 1 + static_cast<int>(rng() % 20);
            if (rng() % 2 == 0) t.due = Date();
        }
        if (rng() % 6 == 0) t.deadline = t.start + days(static_cast<long>(rng() % 30));
    }
    for (std::size_t d = 0; d < dependencies; ++d) {
        const std::size_t to = 1 + rng() % (tasks - 1);
        // Mostly on a task that starts about two weeks earlier, as in a real plan.
        const std::size_t gap = tasks / 25 + rng() % 40;
        const std::size_t from = to > gap ? to - gap : rng() % to;
        Dependency dependency{spec.tasks[position[from]].id, rng() % 3 == 0 ? Link::start_to_start : Link::finish_to_start,
                              static_cast<int>(rng() % 7) - 2, rng() % 3 == 0 ? LagUnit::calendar_days : LagUnit::working_days};
        std::vector<Dependency>& waits = spec.tasks[position[to]].depends_on;
        waits.push_back(dependency);
        if (rng() % 50 == 0) waits.push_back(dependency);
    }
    return Plan(std::move(spec));
}

// The critical path method in dates, every step by the calendar's walk, in the hidden order;
// `delayed` (task position, working days) pushes one task's earliest start. The rules are
// schedule()'s, as include/civitas/plan/plan.hpp states them.
Schedule reference_schedule(const Plan& plan, const WorkCalendar& c, const std::vector<std::size_t>& rank,
                            std::pair<std::size_t, int> delayed = {SIZE_MAX, 0}) {
    const std::vector<Task>& tasks = plan.tasks();
    const std::size_t n = tasks.size();
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[rank[i]] = i;
    std::vector<std::vector<std::pair<std::size_t, const Dependency*>>> dependants(n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t k = 0; k < tasks[i].depends_on.size(); ++k) dependants[plan.waits_for(i)[k]].push_back({i, &tasks[i].depends_on[k]});
    Schedule s;
    s.tasks.resize(n);
    std::vector<int> span(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Task& task = tasks[i];
        s.tasks[i].id = task.id;
        if (task.milestone) s.tasks[i].duration = 0;
        else if (task.duration) s.tasks[i].duration = *task.duration;
        else s.tasks[i].duration = std::max(1, c.working_days_between(first_on_or_after(c, task.start), last_on_or_before(c, task.due)) + 1);
        span[i] = task.milestone ? 0 : s.tasks[i].duration - 1;
    }
    const auto earliest_start_after = [&](const Dependency& d, const ScheduledTask& before) {
        const bool working = d.unit == LagUnit::working_days;
        if (d.link == Link::finish_to_start)
            return working ? shift(c, before.earliest_finish, 1 + d.lag) : first_on_or_after(c, before.earliest_finish + days(d.lag + 1));
        return working ? shift(c, before.earliest_start, d.lag) : first_on_or_after(c, before.earliest_start + days(d.lag));
    };
    for (const std::size_t i : order) {
        ScheduledTask& t = s.tasks[i];
        t.earliest_start = first_on_or_after(c, tasks[i].start);
        for (std::size_t k = 0; k < tasks[i].depends_on.size(); ++k)
            t.earliest_start = std::max(t.earliest_start, earliest_start_after(tasks[i].depends_on[k], s.tasks[plan.waits_for(i)[k]]));
        if (i == delayed.first) t.earliest_start = shift(c, t.earliest_start, delayed.second);
        t.earliest_finish = shift(c, t.earliest_start, span[i]);
    }
    // The plan's end: the latest earliest finish.
    Date end = n == 0 ? Date() : s.tasks[0].earliest_finish;
    for (const ScheduledTask& t : s.tasks) end = std::max(end, t.earliest_finish);
    // The latest finish task i may have with its dependants starting on `start_of(dependant)`:
    // its deadline (a milestone's date), the plan's end when nothing waits for it, each dependency.
    const auto latest_finish = [&](std::size_t i, auto start_of) {
        std::optional<Date> finish;
        const auto bound_by = [&](Date d) { finish = finish ? std::min(*finish, d) : d; };
        if (tasks[i].milestone) bound_by(first_on_or_after(c, tasks[i].due));
        if (tasks[i].deadline) bound_by(last_on_or_before(c, *tasks[i].deadline));
        if (dependants[i].empty()) bound_by(end);
        for (const auto& [to, d] : dependants[i]) {
            const Date after_start = start_of(s.tasks[to]);
            const bool working = d->unit == LagUnit::working_days;
            if (d->link == Link::finish_to_start) {
                bound_by(working ? shift(c, after_start, -1 - d->lag) : last_on_or_before(c, after_start - days(d->lag + 1)));
            } else {
                const Date latest_start = working ? shift(c, after_start, -d->lag) : last_on_or_before(c, after_start - days(d->lag));
                bound_by(shift(c, latest_start, span[i]));
            }
        }
        return *finish;
    };
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const std::size_t i = *it;
        ScheduledTask& t = s.tasks[i];
        t.latest_finish = latest_finish(i, [](const ScheduledTask& after) { return after.latest_start; });
        t.latest_start = shift(c, t.latest_finish, -span[i]);
        t.slack = c.working_days_between(t.earliest_finish, t.latest_finish);
    }
    for (std::size_t i = 0; i < n; ++i)
        s.tasks[i].free_slack = c.working_days_between(
            s.tasks[i].earliest_finish, latest_finish(i, [](const ScheduledTask& after) { return after.earliest_start; }));
    s.smallest_slack = n == 0 ? 0 : std::min_element(s.tasks.begin(), s.tasks.end(), [](const auto& a, const auto& b) { return a.slack < b.slack; })->slack;
    std::size_t at = SIZE_MAX;
    for (std::size_t i = 0; i < n; ++i) {
        s.tasks[i].critical = s.tasks[i].slack == s.smallest_slack;
        if (s.tasks[i].critical && (at == SIZE_MAX || s.tasks[i].earliest_finish > s.tasks[at].earliest_finish)) at = i;
    }
    // Back from the critical task that finishes last through the first critical task it waits for
    // that set its earliest start.
    while (at != SIZE_MAX) {
        s.critical_path.insert(s.critical_path.begin(), tasks[at].id);
        std::size_t next = SIZE_MAX;
        for (std::size_t k = 0; k < tasks[at].depends_on.size() && next == SIZE_MAX; ++k) {
            const std::size_t from = plan.waits_for(at)[k];
            if (s.tasks[from].critical && earliest_start_after(tasks[at].depends_on[k], s.tasks[from]) == s.tasks[at].earliest_start) next = from;
        }
        at = next;
    }
    return s;
}

}  // namespace

TEST(Schedule, LargeRandomPlanEqualsAReferenceComputedInDates) {
    std::vector<std::size_t> rank;
    const Plan plan = random_plan(1500, 3750, rank);
    const Schedule expected = reference_schedule(plan, china(), rank);
    const Schedule got = schedule(plan, china());
    ASSERT_EQ(got.tasks.size(), expected.tasks.size());
    for (std::size_t i = 0; i < got.tasks.size(); ++i)
        ASSERT_TRUE(got.tasks[i] == expected.tasks[i]) << text(got.tasks[i]) << "\nexpected " << text(expected.tasks[i]);
    EXPECT_EQ(got.smallest_slack, expected.smallest_slack);
    EXPECT_EQ(got.critical_path, expected.critical_path);
    // The plan is one that tests the rules: dependencies push starts, dates cross the year, slack
    // goes negative, the critical path is a chain.
    const auto count = [&](auto predicate) { return std::count_if(got.tasks.begin(), got.tasks.end(), predicate); };
    EXPECT_GT(count([&](const ScheduledTask& t) { return t.earliest_start > first_on_or_after(china(), plan.tasks()[plan.task_index(t.id)].start); }), 500);
    EXPECT_GT(count([](const ScheduledTask& t) { return t.earliest_finish.year() == 2026 && t.latest_finish.year() == 2025; }), 10);
    const auto in_the_calendar = [](Date d) { return d.year() == 2025 || d.year() == 2026; };
    EXPECT_GT(count([&](const ScheduledTask& t) { return in_the_calendar(t.earliest_start) && in_the_calendar(t.latest_finish); }), 1200);
    EXPECT_LT(got.smallest_slack, 0);
    EXPECT_GT(got.critical_path.size(), 1u);
    // Float both ways: room before the deadlines, tasks that share their total float with what
    // follows them (free float below total), and deadlines missed.
    EXPECT_GT(count([](const ScheduledTask& t) { return t.slack > 0; }), 200);
    EXPECT_GT(count([](const ScheduledTask& t) { return t.free_slack >= 0 && t.free_slack < t.slack; }), 50);
    EXPECT_GT(count([](const ScheduledTask& t) { return t.slack < 0; }), 1000);
}

TEST(Schedule, WhatIfOnALargeRandomPlanEqualsTheReference) {
    std::vector<std::size_t> rank;
    const Plan plan = random_plan(600, 1500, rank);
    const Schedule before = reference_schedule(plan, china(), rank);
    for (const std::size_t delayed : {std::size_t{0}, std::size_t{17}, std::size_t{301}}) {
        const Schedule after = reference_schedule(plan, china(), rank, {delayed, 9});
        const DelayImpact impact = what_if_delayed(plan, china(), plan.tasks()[delayed].id, 9);
        std::vector<ScheduleChange> expected;
        for (std::size_t i = 0; i < plan.tasks().size(); ++i) {
            const Date was = before.tasks[i].earliest_finish, now = after.tasks[i].earliest_finish;
            if (was != now) expected.push_back({plan.tasks()[i].id, was, now, china().working_days_between(was, now), plan.tasks()[i].milestone});
        }
        EXPECT_EQ(impact.tasks, expected) << "delaying " << plan.tasks()[delayed].id;
        EXPECT_FALSE(expected.empty());
    }
}
