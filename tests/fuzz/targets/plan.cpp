// parse_plan on any bytes, as a file in tests/fuzz/files (the sub-plan files its inputs name are
// there; the reader refuses any file outside that folder). Laws
// where it parses: plan_to_json parses back to an equal plan; scheduling on a Monday-Friday
// calendar gives a schedule or a civitas::Error, and a schedule keeps its own rules (start
// before finish, slack = latest - earliest finish, critical = least slack, 0 <= free float <= total
// float without deadlines); the status on a fixed date builds, and its money adds up (the plan's
// budget and spending are the tasks', the accounts' budgets sum to the plan's, an overspent line
// is paid past its amount).

#include "fuzz_target.hpp"

#include <civitas/plan/plan.hpp>
#include <civitas/io/plan_io.hpp>
#include <civitas/plan/status.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

using namespace civitas;

CIVITAS_FUZZ_TARGET(plan) {
    const std::string file = std::string(fuzz::files_folder()) + "/plan.json";
    std::optional<Plan> parsed;
    try {
        parsed.emplace(parse_plan(text, file));
    } catch (const civitas::Error&) {
        return;
    }
    const Plan& plan = *parsed;

    const std::string json = plan_to_json(plan);
    CIVITAS_FUZZ_CHECK(parse_plan(json, file) == plan, "plan_to_json does not parse back to an equal plan:\n" + json);
    (void)to_string(plan);

    const WorkCalendar calendar;
    std::optional<Schedule> scheduled;
    try {
        scheduled.emplace(schedule(plan, calendar));
    } catch (const civitas::Error&) {
    }
    if (scheduled) {
        CIVITAS_FUZZ_CHECK(scheduled->tasks.size() == plan.tasks().size(), "the schedule has not one entry per task");
        // Without deadlines (no task's, no milestone's date) float is never negative and free float never exceeds total.
        bool bounded = false;
        for (const Task& task : plan.tasks()) bounded = bounded || task.deadline || task.milestone;
        for (const ScheduledTask& task : scheduled->tasks) {
            if (!bounded)
                CIVITAS_FUZZ_CHECK(0 <= task.free_slack && task.free_slack <= task.slack,
                                   "task '" + task.id + "': free float outside [0, total float] in a plan without deadlines");
            CIVITAS_FUZZ_CHECK(task.earliest_start <= task.earliest_finish && task.latest_start <= task.latest_finish,
                               "task '" + task.id + "' finishes before it starts");
            CIVITAS_FUZZ_CHECK(task.slack == calendar.working_days_between(task.earliest_finish, task.latest_finish),
                               "task '" + task.id + "': slack is not latest finish - earliest finish");
            CIVITAS_FUZZ_CHECK(task.critical == (task.slack == scheduled->smallest_slack),
                               "task '" + task.id + "': critical is not 'has the smallest slack'");
        }
        (void)to_string(*scheduled);
    }

    std::optional<PlanStatus> now;
    try {
        now.emplace(status(plan, calendar, Date(2026, 1, 15)));
    } catch (const civitas::Error&) {
        return;
    }
    (void)to_string(*now);
    // Sums in another order differ by rounding only: amounts are within 1e15 and counted in yuan.
    const auto near = [](double a, double b) { return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)}); };
    double budget = 0, spent = 0, accounts = 0;
    for (const TaskStatus& t : now->tasks) {
        budget += t.budget;
        spent += t.spent;
    }
    for (const auto& [account, funds] : now->by_account) accounts += funds.budget;
    CIVITAS_FUZZ_CHECK(near(budget, now->overall.budget) && near(spent, now->overall.spent), "the plan's money is not its tasks'");
    CIVITAS_FUZZ_CHECK(near(accounts, now->overall.budget), "the accounts' budgets do not add up to the plan's");
    for (const OverBudget& line : now->over_budget)
        CIVITAS_FUZZ_CHECK(line.spent > line.budget, "task '" + line.id + "': a line listed overspent is not");
}
