#pragma once
/// Campaign plans: titles, phases, tasks and milestones with responsibility and dependencies,
/// inspection problems to rectify, and sub-plans (a district's, a school's) that nest; their
/// schedule (earliest and latest dates, total and free float, the critical path) on a working-day calendar.

#include <civitas/core/enums.hpp>
#include <civitas/export.hpp>
#include <civitas/plan/calendar.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace civitas {

/// How a task waits for another.
enum class Link {
    finish_to_start,  ///< starts after the other finishes (plus the lag)
    start_to_start,   ///< starts when the other starts (plus the lag)
};
template <> struct EnumNames<Link> { static constexpr const char* values[] = {"finish_to_start", "start_to_start"}; };

/// What a lag counts.
enum class LagUnit {
    working_days,   ///< working days of the plan's calendar
    calendar_days,  ///< days on the calendar, working or not
};
template <> struct EnumNames<LagUnit> { static constexpr const char* values[] = {"working_days", "calendar_days"}; };

/// A task's wait for another task.
struct CIVITAS_EXPORT Dependency {
    std::string task;                       ///< id of the task waited for
    Link link = Link::finish_to_start;      ///< how
    int lag = 0;                            ///< extra wait (negative: overlap), in `unit`
    LagUnit unit = LagUnit::working_days;   ///< what the lag counts
    friend bool operator==(const Dependency& a, const Dependency& b) noexcept {
        return a.task == b.task && a.link == b.link && a.lag == b.lag && a.unit == b.unit;
    }
};

/// Money set aside for a task from one fund account (专户). Earmarked (专款专用): the account's
/// money in this line is spent on this task alone.
struct CIVITAS_EXPORT BudgetLine {
    std::string account;  ///< the fund account it comes from ("" for the campaign's general fund); unique on its task
    double amount = 0.0;  ///< yuan, finite and not negative
    friend bool operator==(const BudgetLine& a, const BudgetLine& b) noexcept { return a.account == b.account && a.amount == b.amount; }
};

/// Money paid for a task out of one of its budget lines.
struct CIVITAS_EXPORT Spending {
    Date date;            ///< the day it was paid
    double amount = 0.0;  ///< yuan, finite and not 0 (negative: a refund)
    std::string account;  ///< the account of the task's budget line it is paid from
    std::string note;     ///< voucher or purpose, UTF-8 ("" when none)
    friend bool operator==(const Spending& a, const Spending& b) noexcept {
        return a.date == b.date && a.amount == b.amount && a.account == b.account && a.note == b.note;
    }
};

/// A task or milestone of a plan, pinned to who answers for it (the "five fixes", 五定).
struct CIVITAS_EXPORT Task {
    std::string id;                                     ///< unique in the plan
    std::string name;                                   ///< UTF-8 display name
    std::string phase;                                  ///< phase id, "" for none
    std::vector<std::string> titles;                    ///< ids of the titles it serves (empty: its phase's title, if any)
    std::map<std::string, std::string> responsibility;  ///< e.g. department, unit, leader (field names are the plan's)
    Date start;                                         ///< planned start
    Date due;                                           ///< planned finish (a milestone's date); not-a-date when `duration` gives the finish
    std::optional<int> duration;                        ///< working days of work, in [1, 36600]; absent: from start to due, both included; none on milestones
    std::optional<Date> deadline;                       ///< latest allowed finish, a constraint apart from the planned finish `due`
    bool milestone = false;                             ///< a point in time: start == due, no duration; its date is a deadline
    std::string check;                                  ///< id of the campaign check a milestone stands for ("provincial-2026"), "" for none; milestones only
    std::optional<double> weight;                       ///< effort weight (default: its working days; milestones 0)
    std::vector<std::string> indicators;                ///< indicator or target ids the task moves
    std::vector<Dependency> depends_on;                 ///< tasks it waits for
    std::optional<Date> actual_start;                   ///< when it really started
    std::optional<Date> actual_finish;                  ///< when it really finished
    double percent_complete = 0.0;                      ///< progress in [0, 100]
    std::vector<BudgetLine> budget;                     ///< the money set aside for it, one line per account
    std::vector<Spending> spending;                     ///< the money paid for it, each from one of its budget lines

    friend bool operator==(const Task& a, const Task& b) noexcept;
    friend bool operator!=(const Task& a, const Task& b) noexcept { return !(a == b); }
};

/// A title the campaign runs for (a Civilized City, a Sanitary City, ...): five at once in 五城联创.
struct CIVITAS_EXPORT Title {
    std::string id;    ///< unique among titles
    std::string name;  ///< UTF-8 display name
    friend bool operator==(const Title& a, const Title& b) noexcept { return a.id == b.id && a.name == b.name; }
};

/// A stage of the campaign (plan and mobilise, split tasks, implement, self-check, consolidate).
struct CIVITAS_EXPORT Phase {
    std::string id;     ///< unique among phases
    std::string name;   ///< UTF-8 display name
    std::string title;  ///< the title whose stage it is, "" for a stage of the whole campaign
    friend bool operator==(const Phase& a, const Phase& b) noexcept {
        return a.id == b.id && a.name == b.name && a.title == b.title;
    }
};

/// A problem an inspection found, to be rectified by a deadline and then closed (整改销号).
struct CIVITAS_EXPORT Problem {
    std::string id;                                     ///< unique among the plan's problems
    std::string description;                            ///< what was found, UTF-8
    std::string source;                                 ///< the inspection that found it ("2025 provincial pre-check")
    std::vector<std::string> titles;                    ///< ids of the titles it bears on
    std::vector<std::string> indicators;                ///< indicator ids it bears on
    std::map<std::string, std::string> responsibility;  ///< who rectifies it (the plan's responsibility fields)
    Date found;                                         ///< when it was found
    Date deadline;                                      ///< rectification deadline, on or after `found`
    std::optional<Date> closed;                         ///< when it was closed (销号), on or after `found`

    friend bool operator==(const Problem& a, const Problem& b) noexcept;
    friend bool operator!=(const Problem& a, const Problem& b) noexcept { return !(a == b); }
};

/// Everything a plan holds, as plain data; `Plan` is its validated form. A sub-plan is a
/// PlanSpec too: it uses the root's titles, phases and responsibility fields (it declares none),
/// and its `responsibility` fills the fields its tasks and problems leave out.
struct CIVITAS_EXPORT PlanSpec {
    std::string id;                                     ///< short id (no '/'; a sub-plan's is unique among its siblings)
    std::string name;                                   ///< UTF-8 name
    std::vector<std::string> responsibility_fields;     ///< allowed keys of responsibility maps (empty: any); root only
    std::vector<Title> titles;                          ///< the titles the campaign runs for; root only
    std::vector<Phase> phases;                          ///< in order; root only
    std::map<std::string, std::string> responsibility;  ///< a sub-plan's defaults ("unit": "城关区")
    std::vector<Task> tasks;                            ///< in file order
    std::vector<Problem> problems;                      ///< inspection problems to rectify, in file order
    std::vector<PlanSpec> subplans;                     ///< nested plans, in file order
    std::string file;                                   ///< a sub-plan kept in its own file: the path as written, relative to the parent's file

    friend bool operator==(const PlanSpec& a, const PlanSpec& b) noexcept;
    friend bool operator!=(const PlanSpec& a, const PlanSpec& b) noexcept { return !(a == b); }
};

/// A validated plan: unique ids, known titles, phases, dependencies and responsibility fields,
/// a start and a due date or a duration, due not before start, milestones on one date, `check` on milestones only, progress in
/// [0, 100], deadlines not before a problem was found, budget lines of finite amounts not below 0
/// on distinct accounts, and spending of a finite amount other than 0 from an account of its task's budget. Cycles are found by `schedule`; the
/// check a milestone names is checked by the campaign (a plan alone cannot know the checks).
///
/// Sub-plans are flattened: `tasks()` and `problems()` hold every one, the root's first, with
/// ids qualified by the sub-plan path ("chengguan/school-3/t1") and the sub-plans' default
/// responsibility filled in. A dependency id is looked up in its own plan, then outwards to
/// the root; a qualified id reaches into any sub-plan.
class CIVITAS_EXPORT Plan {
public:
    /// Validates `spec`; ValidationError names the task and the field ("$.subplans[0].tasks[3].due").
    explicit Plan(PlanSpec spec);
    /// The plan as plain data, sub-plans nested as given.
    [[nodiscard]] const PlanSpec& spec() const noexcept { return spec_; }
    /// Every task of the plan and its sub-plans, ids qualified, responsibility filled in.
    [[nodiscard]] const std::vector<Task>& tasks() const noexcept { return spec_.subplans.empty() ? spec_.tasks : tasks_; }
    /// Every problem of the plan and its sub-plans, ids qualified, responsibility filled in.
    [[nodiscard]] const std::vector<Problem>& problems() const noexcept { return spec_.subplans.empty() ? spec_.problems : problems_; }
    /// Path of the sub-plan task `index` belongs to ("chengguan/school-3"), "" for the root.
    [[nodiscard]] const std::string& subplan_of_task(std::size_t index) const;
    /// Path of the sub-plan problem `index` belongs to, "" for the root.
    [[nodiscard]] const std::string& subplan_of_problem(std::size_t index) const;
    /// Paths of every sub-plan, parents before their children.
    [[nodiscard]] const std::vector<std::string>& subplan_paths() const noexcept { return subplan_paths_; }
    /// The titles task `index` serves: its own, else its phase's, else none (the whole campaign).
    [[nodiscard]] const std::vector<std::string>& titles_of_task(std::size_t index) const;
    /// Position of a task in `tasks()` by its (qualified) id; throws NotFoundError.
    [[nodiscard]] std::size_t task_index(const std::string& id) const;
    /// Positions of the tasks that task `index` waits for, parallel to its `depends_on`.
    [[nodiscard]] const std::vector<std::size_t>& waits_for(std::size_t index) const { return waits_for_.at(index); }
    friend bool operator==(const Plan& a, const Plan& b) noexcept { return a.spec_ == b.spec_; }

private:
    PlanSpec spec_;
    std::vector<Task> tasks_;          // flattened, only when there are sub-plans
    std::vector<Problem> problems_;    // flattened, only when there are sub-plans
    std::vector<std::string> subplan_paths_;
    std::vector<std::size_t> subplan_of_task_;     // 0 for the root, else 1 + index into subplan_paths_
    std::vector<std::size_t> subplan_of_problem_;  // likewise
    std::unordered_map<std::string, std::size_t> index_;
    std::unordered_map<std::string, std::size_t> phase_index_;
    std::vector<std::vector<std::string>> phase_titles_;  // per phase: {its title}, or {} for the whole campaign
    std::vector<std::vector<std::size_t>> waits_for_;
};

/// One task's place in the schedule. Dates are working days of the calendar.
struct CIVITAS_EXPORT ScheduledTask {
    std::string id;           ///< task id
    int duration = 0;         ///< its `duration`, else working days from planned start to due, both included (milestones 0)
    Date earliest_start;      ///< as early as its planned start and its dependencies allow
    Date earliest_finish;     ///< earliest_start plus the duration
    Date latest_start;        ///< as late as its dependants, its deadline (a milestone's date) and the plan's end allow
    Date latest_finish;       ///< latest_start plus the duration
    int slack = 0;            ///< total float in working days: latest_finish - earliest_finish (negative only where a deadline cannot be met)
    int free_slack = 0;       ///< free float in working days: how far it can slip without moving a dependant's earliest start, past its deadline or the plan's end
    bool critical = false;    ///< slack equals the plan's smallest slack (0 unless a deadline cannot be met)

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const ScheduledTask& a, const ScheduledTask& b);
    friend bool operator!=(const ScheduledTask& a, const ScheduledTask& b) { return !(a == b); }
};

/// The schedule of a plan: the forward and backward pass over its dependencies.
struct CIVITAS_EXPORT Schedule {
    std::vector<ScheduledTask> tasks;     ///< in plan order
    std::vector<std::string> critical_path;  ///< the chain of critical tasks that ends last, first task first
    int smallest_slack = 0;               ///< the critical tasks' slack: 0, or negative when a deadline cannot be met
    /// The task with this id; throws NotFoundError.
    [[nodiscard]] const ScheduledTask& task(const std::string& id) const;

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const Schedule& a, const Schedule& b);
    friend bool operator!=(const Schedule& a, const Schedule& b) { return !(a == b); }
};

/// One line: `Plan('civilized-city-2025': 13 tasks (4 milestones), 5 phases)`.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const Plan& plan);
/// One line: tasks, the smallest slack and the critical path.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const Schedule& schedule);

/// Forward and backward pass on the calendar's working days (critical path method). Throws
/// ValidationError naming a cycle ("cycle: a -> b -> a") or a date, lag or duration that leaves
/// the calendar's range.
[[nodiscard]] CIVITAS_EXPORT Schedule schedule(const Plan& plan, const WorkCalendar& calendar);

/// A task, or a phase's end, whose earliest finish moves when a task is delayed.
struct CIVITAS_EXPORT ScheduleChange {
    std::string id;           ///< the task or phase that moves
    Date earliest_finish;     ///< before the delay (a phase: its last task's earliest finish)
    Date delayed_finish;      ///< after it
    int working_days = 0;     ///< how far it moves
    bool milestone = false;   ///< a milestone (tasks only)

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const ScheduleChange& a, const ScheduleChange& b);
    friend bool operator!=(const ScheduleChange& a, const ScheduleChange& b) { return !(a == b); }
};

/// What a delay moves: tasks and milestones in plan order, then phase ends in phase order.
struct CIVITAS_EXPORT DelayImpact {
    std::vector<ScheduleChange> tasks;   ///< every task whose earliest finish moves
    std::vector<ScheduleChange> phases;  ///< every phase whose end (latest earliest finish of its tasks) moves

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const DelayImpact& a, const DelayImpact& b);
    friend bool operator!=(const DelayImpact& a, const DelayImpact& b) { return !(a == b); }
};

/// What-if: delays `task`'s earliest start by `working_days` and lists what moves.
[[nodiscard]] CIVITAS_EXPORT DelayImpact what_if_delayed(const Plan& plan, const WorkCalendar& calendar,
                                                         const std::string& task, int working_days);

}  // namespace civitas
