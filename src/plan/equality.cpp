// operator== of the plan results: every member, as core/detail/equal.hpp compares them.

#include <civitas/plan/plan.hpp>
#include <civitas/plan/status.hpp>

#include "core/detail/equal.hpp"

#include <tuple>

namespace civitas {

bool operator==(const ScheduledTask& a, const ScheduledTask& b) {
    return detail::same_members(std::tie(a.id, a.duration, a.earliest_start, a.earliest_finish, a.latest_start,
                                         a.latest_finish, a.slack, a.free_slack, a.critical),
                                std::tie(b.id, b.duration, b.earliest_start, b.earliest_finish, b.latest_start,
                                         b.latest_finish, b.slack, b.free_slack, b.critical));
}

bool operator==(const Schedule& a, const Schedule& b) {
    return detail::same_members(std::tie(a.tasks, a.critical_path, a.smallest_slack),
                                std::tie(b.tasks, b.critical_path, b.smallest_slack));
}

bool operator==(const ScheduleChange& a, const ScheduleChange& b) {
    return detail::same_members(std::tie(a.id, a.earliest_finish, a.delayed_finish, a.working_days, a.milestone),
                                std::tie(b.id, b.earliest_finish, b.delayed_finish, b.working_days, b.milestone));
}

bool operator==(const DelayImpact& a, const DelayImpact& b) {
    return detail::same_members(std::tie(a.tasks, a.phases),
                                std::tie(b.tasks, b.phases));
}

bool operator==(const TaskStatus& a, const TaskStatus& b) {
    return detail::same_members(std::tie(a.id, a.state, a.due, a.planned_percent, a.percent_complete, a.weight, a.days_late, a.budget, a.spent),
                                std::tie(b.id, b.state, b.due, b.planned_percent, b.percent_complete, b.weight, b.days_late, b.budget, b.spent));
}

bool operator==(const ProblemStatus& a, const ProblemStatus& b) {
    return detail::same_members(std::tie(a.id, a.state, a.days_late),
                                std::tie(b.id, b.state, b.days_late));
}

bool operator==(const Rectification& a, const Rectification& b) {
    return detail::same_members(std::tie(a.found, a.closed, a.closed_on_time, a.overdue),
                                std::tie(b.found, b.closed, b.closed_on_time, b.overdue));
}

bool operator==(const Progress& a, const Progress& b) {
    return detail::same_members(std::tie(a.tasks, a.states, a.planned_value, a.earned_value, a.spi, a.spi_t, a.done_on_time,
                                         a.due, a.problems, a.budget, a.budget_planned, a.budget_earned, a.spent, a.cpi),
                                std::tie(b.tasks, b.states, b.planned_value, b.earned_value, b.spi, b.spi_t, b.done_on_time,
                                         b.due, b.problems, b.budget, b.budget_planned, b.budget_earned, b.spent, b.cpi));
}

bool operator==(const OverdueTask& a, const OverdueTask& b) {
    return detail::same_members(std::tie(a.id, a.name, a.responsibility, a.due, a.days_late, a.percent_complete),
                                std::tie(b.id, b.name, b.responsibility, b.due, b.days_late, b.percent_complete));
}

bool operator==(const AccountFunds& a, const AccountFunds& b) {
    return detail::same_members(std::tie(a.budget, a.spent), std::tie(b.budget, b.spent));
}

bool operator==(const OverBudget& a, const OverBudget& b) {
    return detail::same_members(std::tie(a.id, a.name, a.responsibility, a.account, a.budget, a.spent),
                                std::tie(b.id, b.name, b.responsibility, b.account, b.budget, b.spent));
}

bool operator==(const PlanStatus& a, const PlanStatus& b) {
    return detail::same_members(std::tie(a.as_of, a.tasks, a.problems, a.overdue, a.overall, a.by_phase, a.by_title,
                                         a.by_subplan, a.by_responsibility, a.by_account, a.over_budget),
                                std::tie(b.as_of, b.tasks, b.problems, b.overdue, b.overall, b.by_phase, b.by_title,
                                         b.by_subplan, b.by_responsibility, b.by_account, b.over_budget));
}

}  // namespace civitas
