#pragma once
/// Where a plan stands on a date: each task's state, planned against actual progress, earned
/// value and earned schedule, rolled up by phase and by each responsibility field.

#include <civitas/calendar.hpp>
#include <civitas/enums.hpp>
#include <civitas/export.hpp>
#include <civitas/plan.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace civitas {

/// A task's state on a date, the first that applies in this order.
enum class TaskState {
    done,         ///< 100% complete or actually finished on or before the date
    overdue,      ///< not done and the due date has passed
    at_risk,      ///< due within `at_risk_within` working days and behind its planned progress
    in_progress,  ///< started (actual start on or before the date, or progress above 0)
    not_started,  ///< none of the above
};
template <> struct EnumNames<TaskState> {
    static constexpr const char* values[] = {"done", "overdue", "at_risk", "in_progress", "not_started"};
};

/// Options of a status.
struct CIVITAS_EXPORT StatusOptions {
    int at_risk_within = 5;  ///< working days before the due date in which a task behind plan is at risk
};

/// One task on the status date.
struct CIVITAS_EXPORT TaskStatus {
    std::string id;                  ///< task id
    TaskState state = TaskState::not_started;  ///< its state
    double planned_percent = 0.0;    ///< share of its working days elapsed by the date, in [0, 100] (milestones: 0 or 100)
    double percent_complete = 0.0;   ///< reported progress, in [0, 100] (100 once actually finished)
    double weight = 0.0;             ///< effort weight used (given, else its working days; milestones 0)
    int days_late = 0;               ///< working days past due: to the date when not done, to the actual finish when done late; else 0
};

/// Planned against earned progress of a set of tasks.
struct CIVITAS_EXPORT Progress {
    int tasks = 0;                        ///< tasks counted
    std::map<TaskState, int> states;      ///< tasks in each state
    double planned_value = 0.0;           ///< sum of weight x planned share (PV)
    double earned_value = 0.0;            ///< sum of weight x completed share (EV)
    std::optional<double> spi;            ///< EV / PV; empty when PV is 0
    std::optional<double> spi_t;          ///< earned schedule / actual time (SPI(t)); empty before the first planned working day
    int done_on_time = 0;                 ///< done tasks finished on or before due (no actual finish: counted on time)
    int due = 0;                          ///< tasks due on or before the date
    /// done_on_time / due: the on-time completion rate the circulars rank by; empty when nothing is due.
    [[nodiscard]] std::optional<double> on_time_rate() const;
};

/// A plan's status on a date.
struct CIVITAS_EXPORT PlanStatus {
    Date as_of;                                    ///< the status date
    std::vector<TaskStatus> tasks;                 ///< in plan order
    Progress overall;                              ///< every task
    std::map<std::string, Progress> by_phase;      ///< by phase id ("" for tasks without one)
    std::map<std::string, std::map<std::string, Progress>> by_responsibility;  ///< field -> value -> progress
    /// The task with this id; throws NotFoundError.
    [[nodiscard]] const TaskStatus& task(const std::string& id) const;
};

/// The status of every task on `as_of` (see TaskState for the rules) and its roll-ups.
[[nodiscard]] CIVITAS_EXPORT PlanStatus status(const Plan& plan, const WorkCalendar& calendar, Date as_of,
                                               const StatusOptions& options = {});

}  // namespace civitas
