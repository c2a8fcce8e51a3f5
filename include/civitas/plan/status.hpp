#pragma once
/// Where a plan stands on a date: each task's state, planned against actual progress, earned
/// value and earned schedule, money budgeted against money spent, inspection problems and their
/// rectification, rolled up by phase, title, sub-plan and each responsibility field; the overdue
/// list a supervision circular prints and the budget lines overspent.

#include <civitas/core/enums.hpp>
#include <civitas/export.hpp>
#include <civitas/plan/calendar.hpp>
#include <civitas/plan/plan.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace civitas {

/// A task's state on a date, the first that applies in this order.
enum class TaskState {
    done,         ///< 100% complete or actually finished on or before the date
    overdue,      ///< not done and the date it is due (TaskStatus::due) has passed
    at_risk,      ///< due within `at_risk_within` working days and behind its planned progress
    in_progress,  ///< started (actual start on or before the date, or progress above 0)
    not_started,  ///< none of the above
};
template <> struct EnumNames<TaskState> {
    static constexpr const char* values[] = {"done", "overdue", "at_risk", "in_progress", "not_started"};
};

/// A problem's state on a date, the first that applies in this order.
enum class ProblemState {
    closed,       ///< closed (销号) on or before its deadline
    closed_late,  ///< closed, after its deadline
    overdue,      ///< open and the deadline has passed
    open,         ///< open, the deadline still ahead
};
template <> struct EnumNames<ProblemState> { static constexpr const char* values[] = {"closed", "closed_late", "overdue", "open"}; };

/// Options of a status.
struct CIVITAS_EXPORT StatusOptions {
    int at_risk_within = 5;  ///< working days before the due date in which a task behind plan is at risk
};

/// One task on the status date.
struct CIVITAS_EXPORT TaskStatus {
    std::string id;                  ///< task id
    TaskState state = TaskState::not_started;  ///< its state
    Date due;                        ///< the date it is due: its deadline, else its planned finish (`due`, or the last of its `duration` working days)
    double planned_percent = 0.0;    ///< share of its working days elapsed by the date, in [0, 100] (milestones: 0 or 100)
    double percent_complete = 0.0;   ///< reported progress, in [0, 100] (100 once actually finished)
    double weight = 0.0;             ///< effort weight used (given, else its working days; milestones 0)
    int days_late = 0;               ///< working days past `due`: to the date when not done, to the actual finish when done late; else 0
    double budget = 0.0;             ///< yuan in its budget lines
    double spent = 0.0;              ///< yuan paid for it on or before the date (refunds taken off)

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const TaskStatus& a, const TaskStatus& b);
    friend bool operator!=(const TaskStatus& a, const TaskStatus& b) { return !(a == b); }
};

/// One problem on the status date (only problems found on or before it are counted).
struct CIVITAS_EXPORT ProblemStatus {
    std::string id;                           ///< problem id (qualified in sub-plans)
    ProblemState state = ProblemState::open;  ///< its state
    int days_late = 0;                        ///< working days past the deadline: to the date when open, to the closing when closed late; else 0

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const ProblemStatus& a, const ProblemStatus& b);
    friend bool operator!=(const ProblemStatus& a, const ProblemStatus& b) { return !(a == b); }
};

/// Rectification of a set of problems (整改销号).
struct CIVITAS_EXPORT Rectification {
    int found = 0;           ///< problems found on or before the date
    int closed = 0;          ///< of them, closed on or before the date (late or not)
    int closed_on_time = 0;  ///< closed on or before their deadline
    int overdue = 0;         ///< open past their deadline
    /// closed / found, the closure rate (销号率); empty when nothing was found.
    [[nodiscard]] std::optional<double> closure_rate() const;

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const Rectification& a, const Rectification& b);
    friend bool operator!=(const Rectification& a, const Rectification& b) { return !(a == b); }
};

/// Planned against earned progress of a set of tasks, and the rectification of its problems.
struct CIVITAS_EXPORT Progress {
    int tasks = 0;                        ///< tasks counted
    std::map<TaskState, int> states;      ///< tasks in each state
    double planned_value = 0.0;           ///< sum of weight x planned share (PV)
    double earned_value = 0.0;            ///< sum of weight x completed share (EV)
    std::optional<double> spi;            ///< EV / PV; empty when PV is 0
    std::optional<double> spi_t;          ///< earned schedule / actual time (SPI(t)); empty before the first planned working day
    int done_on_time = 0;                 ///< done tasks finished on or before they are due (no actual finish: counted on time)
    int due = 0;                          ///< tasks due (TaskStatus::due) on or before the date
    Rectification problems;               ///< the set's inspection problems
    double budget = 0.0;                  ///< yuan budgeted for its tasks (BAC)
    double budget_planned = 0.0;          ///< sum of budget x planned share: the money's worth of work planned by the date (PV in yuan)
    double budget_earned = 0.0;           ///< sum of budget x completed share: the money's worth of work done (EV in yuan)
    double spent = 0.0;                   ///< yuan paid on or before the date (AC)
    std::optional<double> cpi;            ///< budget_earned / spent, the cost performance index; empty while nothing is spent
    /// done_on_time / due: the on-time completion rate the circulars rank by; empty when nothing is due.
    [[nodiscard]] std::optional<double> on_time_rate() const;
    /// spent / budget, the budget's execution rate (预算执行率); empty without a budget.
    [[nodiscard]] std::optional<double> spending_rate() const;

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const Progress& a, const Progress& b);
    friend bool operator!=(const Progress& a, const Progress& b) { return !(a == b); }
};

/// A task past due and not done, with who answers for it: a line of a supervision circular.
struct CIVITAS_EXPORT OverdueTask {
    std::string id;                                     ///< task id (qualified in sub-plans)
    std::string name;                                   ///< its name
    std::map<std::string, std::string> responsibility;  ///< department, unit, leader, ... (sub-plan defaults filled in)
    Date due;                                           ///< the date it is due (its deadline, else its planned finish)
    int days_late = 0;                                  ///< working days past due on the status date
    double percent_complete = 0.0;                      ///< reported progress, in [0, 100)

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const OverdueTask& a, const OverdueTask& b);
    friend bool operator!=(const OverdueTask& a, const OverdueTask& b) { return !(a == b); }
};

/// One fund account's money across the plan's tasks.
struct CIVITAS_EXPORT AccountFunds {
    double budget = 0.0;  ///< yuan in the tasks' budget lines on it
    double spent = 0.0;   ///< yuan paid from it on or before the date
    /// spent / budget (预算执行率); empty when nothing is budgeted on it.
    [[nodiscard]] std::optional<double> spending_rate() const;

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const AccountFunds& a, const AccountFunds& b);
    friend bool operator!=(const AccountFunds& a, const AccountFunds& b) { return !(a == b); }
};

/// A task's budget line paid past its amount on the date, with who answers for the task.
struct CIVITAS_EXPORT OverBudget {
    std::string id;                                     ///< task id (qualified in sub-plans)
    std::string name;                                   ///< its name
    std::map<std::string, std::string> responsibility;  ///< who answers for it (sub-plan defaults filled in)
    std::string account;                                ///< the budget line's account
    double budget = 0.0;                                ///< yuan in the line
    double spent = 0.0;                                 ///< yuan paid from it, more than `budget`

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const OverBudget& a, const OverBudget& b);
    friend bool operator!=(const OverBudget& a, const OverBudget& b) { return !(a == b); }
};

/// A plan's status on a date.
struct CIVITAS_EXPORT PlanStatus {
    Date as_of;                                    ///< the status date
    std::vector<TaskStatus> tasks;                 ///< in the order of Plan::tasks()
    std::vector<ProblemStatus> problems;           ///< problems found on or before the date, in the order of Plan::problems()
    std::vector<OverdueTask> overdue;              ///< overdue tasks, most days late first (then in plan order)
    Progress overall;                              ///< every task and problem
    std::map<std::string, Progress> by_phase;      ///< tasks by phase id ("" for tasks without one)
    std::map<std::string, Progress> by_title;      ///< by title id, a task in each title it serves ("" for the whole campaign); empty without titles
    std::map<std::string, Progress> by_subplan;    ///< by sub-plan path, a sub-plan's counting its own sub-plans' ("" is the root's own); empty without sub-plans
    std::map<std::string, std::map<std::string, Progress>> by_responsibility;  ///< field -> value -> progress
    std::map<std::string, AccountFunds> by_account;  ///< each fund account named by a budget line ("" the general fund); empty without budgets
    std::vector<OverBudget> over_budget;           ///< budget lines paid past their amount, most overspent (yuan) first, then in plan order
    /// The task with this id; throws NotFoundError.
    [[nodiscard]] const TaskStatus& task(const std::string& id) const;
    /// The problem with this id; throws NotFoundError (also for one found after the date).
    [[nodiscard]] const ProblemStatus& problem(const std::string& id) const;

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const PlanStatus& a, const PlanStatus& b);
    friend bool operator!=(const PlanStatus& a, const PlanStatus& b) { return !(a == b); }
};

/// One line: `PlanStatus(2025-06-30: 13 tasks, 2 overdue, SPI 0.93, SPI(t) 0.91, on time 4/5; 3 problems, 1 overdue; spent 300000 of 1200000 yuan, CPI 1.1)`.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const PlanStatus& status);

/// The status of every task on `as_of` (see TaskState for the rules) and its roll-ups.
[[nodiscard]] CIVITAS_EXPORT PlanStatus status(const Plan& plan, const WorkCalendar& calendar, Date as_of,
                                               const StatusOptions& options = {});

}  // namespace civitas
