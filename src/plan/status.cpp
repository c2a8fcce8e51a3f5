// A plan's status on a date: task states, planned against earned progress and earned schedule.

#include <civitas/core/error.hpp>
#include <civitas/plan/status.hpp>

#include "core/detail/number_format.hpp"
#include "plan/detail/funds.hpp"
#include "plan/detail/working_days.hpp"

#include <algorithm>
#include <cmath>

namespace civitas {

std::optional<double> Progress::on_time_rate() const {
    if (due == 0) return std::nullopt;
    return static_cast<double>(done_on_time) / due;
}

std::optional<double> Progress::spending_rate() const { return detail::execution_rate(spent, budget); }

std::optional<double> AccountFunds::spending_rate() const { return detail::execution_rate(spent, budget); }

const TaskStatus& PlanStatus::task(const std::string& id) const {
    for (const TaskStatus& t : tasks)
        if (t.id == id) return t;
    throw NotFoundError(Message("unknown task id '{0}' in the status"_en, "进度状态中没有任务 id '{0}'"_zh, {id}));
}

namespace {

// A group's planned value per working day, to find when it planned what it has earned: rates
// as differences (a task adds w/d on its first day and takes it off after its last), summed at
// the end. Only the days where something changes are kept (two per task, one per milestone), so
// a group costs what its tasks do, however long the plan: days between them change nothing.
// `completed` is the day its last task was done, or -1 while any is not done.
struct Curve {
    struct Change {
        int day = 0;
        double rate = 0;  // change of the daily planned value on that day
        double lump = 0;  // milestones' values, on their day
    };
    std::vector<Change> changes;  // in the order the tasks were counted; finish() sorts them by day
    int length = 0;               // the curve runs over days [0, length): one day past the last planned day
    int completed = 0;            // the latest day a task of it was done; -1 once one is not done
};

// One task as numbers: its first and last working day, relative to the plan's first.
struct Span {
    int first = 0, last = 0, duration = 0;
};

void add_to(Progress& p, const TaskStatus& t, bool is_due, bool on_time) {
    ++p.tasks;
    ++p.states[t.state];
    p.planned_value += t.weight * t.planned_percent / 100.0;
    p.earned_value += t.weight * t.percent_complete / 100.0;
    p.due += is_due;
    p.done_on_time += is_due && on_time;
    p.budget += t.budget;
    p.budget_planned += t.budget * t.planned_percent / 100.0;
    p.budget_earned += t.budget * t.percent_complete / 100.0;
    p.spent += t.spent;
}

void add_to(Curve& c, const Span& s, double weight) {
    if (weight == 0 || s.last < 0) return;
    const int first = std::max(s.first, 0);
    c.length = std::max(c.length, s.last + 2);
    if (s.duration == 0) {
        c.changes.push_back({first, 0.0, weight});
        return;
    }
    c.changes.push_back({first, weight / s.duration, 0.0});
    c.changes.push_back({s.last + 1, -weight / s.duration, 0.0});
}

// Earned schedule over actual time, both counted from the group's first planned working day
// (so a group that starts late is not measured against the whole plan's time), and the actual
// time stopping when its last task was done (so a finished group keeps its final SPI(t)).
// `elapsed` is the number of working days from the plan's first to the status date.
void finish(Progress& p, Curve& c, int elapsed) {
    p.spi = p.planned_value > 0 ? std::optional<double>(p.earned_value / p.planned_value) : std::nullopt;
    p.cpi = detail::cost_performance(p.budget_earned, p.spent);
    // One change per day, summed in the order the tasks were counted.
    std::stable_sort(c.changes.begin(), c.changes.end(), [](const Curve::Change& a, const Curve::Change& b) { return a.day < b.day; });
    std::vector<Curve::Change> days;
    for (const Curve::Change& change : c.changes) {
        if (days.empty() || days.back().day != change.day) days.push_back({change.day, 0.0, 0.0});
        days.back().rate += change.rate;
        days.back().lump += change.lump;
    }
    std::size_t e = 0;  // the next day with a change
    while (e < days.size() && days[e].rate == 0 && days[e].lump == 0) ++e;
    if (e == days.size()) return;  // nothing of value planned: no schedule to measure
    const int start = days[e].day;
    int actual = elapsed - start;
    if (c.completed >= 0) actual = std::min(actual, c.completed - start + 1);
    if (actual <= 0) return;
    // The time at which the plan reaches EV. Where the plan stays flat at EV (nothing planned
    // for a while), any time on that stretch fits: the one nearest the actual time is taken,
    // so a group that did all it planned before a pause is on schedule during the pause.
    const double earned = p.earned_value;
    const double tolerance = 1e-9 * std::max(1.0, earned);
    double planned = 0;  // planned value after the days walked
    double rate = 0;     // planned value added per working day
    // All earned: the whole planned span (the curves run one day past the last planned day).
    double earned_schedule = static_cast<double>(c.length - 1 - start);
    // Reached on `day`, the plan going from `before` to `next` that day.
    const auto reached = [&](int day, double before, double next) {
        const double share = next - before > tolerance ? std::clamp((earned - before) / (next - before), 0.0, 1.0) : 1.0;
        earned_schedule = static_cast<double>(day - start) + share;
        if (next - earned > tolerance) return;
        // Reached at the end of `day`: a flat stretch may follow.
        double flat_until = earned_schedule;
        for (int later = day + 1; later < c.length;) {
            if (e < days.size() && days[e].day == later) {
                rate += days[e].rate;
                if (rate + days[e].lump > tolerance) break;
                ++e;
                flat_until = static_cast<double>(later - start + 1);
                ++later;
                continue;
            }
            if (rate > tolerance) break;
            later = e < days.size() ? days[e].day : c.length;  // days without a change, all flat
            flat_until = static_cast<double>(later - start);
        }
        earned_schedule = std::clamp(static_cast<double>(actual), earned_schedule, flat_until);
    };
    for (int day = start; day < c.length;) {
        if (e < days.size() && days[e].day == day) {
            rate += days[e].rate;
            const double next = planned + rate + days[e].lump;
            ++e;
            if (earned > next + tolerance) {
                planned = next;
                ++day;
                continue;
            }
            reached(day, planned, next);
            break;
        }
        // Days without a change up to the next one: the plan grows by `rate` each day.
        const int end = e < days.size() ? days[e].day : c.length;
        const int span = end - day;
        if (rate <= 0 || earned > planned + span * rate + tolerance) {
            planned += span * rate;
            day = end;
            continue;
        }
        // The first of them on which it reaches EV.
        int k = std::clamp(static_cast<int>(std::ceil((earned - tolerance - planned) / rate)), 1, span);
        while (k > 1 && earned <= planned + (k - 1) * rate + tolerance) --k;
        while (k < span && earned > planned + k * rate + tolerance) ++k;
        reached(day + k - 1, planned + (k - 1) * rate, planned + k * rate);
        break;
    }
    p.spi_t = earned_schedule / actual;
}

}  // namespace

namespace {

// A roll-up group while it is counted: its progress and its planned-value curve.
struct Group {
    Progress progress;
    Curve curve;
};

std::map<std::string, Progress> finished(std::map<std::string, Group>& groups, int elapsed) {
    std::map<std::string, Progress> out;
    for (auto& [key, group] : groups) {
        finish(group.progress, group.curve, elapsed);
        out.emplace(key, std::move(group.progress));
    }
    return out;
}

void add_to(Rectification& r, const ProblemStatus& p) {
    ++r.found;
    r.closed += p.state == ProblemState::closed || p.state == ProblemState::closed_late;
    r.closed_on_time += p.state == ProblemState::closed;
    r.overdue += p.state == ProblemState::overdue;
}

// A task's budget and what was paid for it by the date, into its status and the plan's accounts.
void count_funds(const Task& task, Date as_of, TaskStatus& t, PlanStatus& out) {
    for (const BudgetLine& line : task.budget) {
        const double paid = detail::paid_from(task, line.account, as_of);
        t.budget += line.amount;
        t.spent += paid;
        AccountFunds& account = out.by_account[line.account];
        account.budget += line.amount;
        account.spent += paid;
        if (detail::overspent(paid, line.amount)) out.over_budget.push_back({task.id, task.name, task.responsibility, line.account, line.amount, paid});
    }
}

// The groups of the sub-plan at `path` and of every sub-plan above it ("a/b": "a/b", "a").
template <class Visit>
void for_each_subplan_level(const std::string& path, Visit&& visit) {
    if (path.empty()) {
        visit(path);
        return;
    }
    for (std::size_t end = path.size(); end != std::string::npos && end > 0; end = path.rfind('/', end - 1)) visit(path.substr(0, end));
}

}  // namespace

std::optional<double> Rectification::closure_rate() const {
    if (found == 0) return std::nullopt;
    return static_cast<double>(closed) / found;
}

const ProblemStatus& PlanStatus::problem(const std::string& id) const {
    for (const ProblemStatus& p : problems)
        if (p.id == id) return p;
    throw NotFoundError(Message("unknown problem id '{0}' in the status on {1} (a problem found after that date is not counted)"_en,
                                "{1} 的进度状态中没有问题 id '{0}'（该日之后发现的问题不计入）"_zh, {id, to_iso(as_of)}));
}

std::string to_string(const PlanStatus& status) {
    const Progress& p = status.overall;
    auto ratio = [](const std::optional<double>& value) { return value ? detail::format_number(std::round(*value * 100) / 100) : std::string("n/a"); };
    const auto overdue = p.states.count(TaskState::overdue) ? p.states.at(TaskState::overdue) : 0;
    std::string text = "PlanStatus(" + to_iso(status.as_of) + ": " + std::to_string(p.tasks) + " tasks, " + std::to_string(overdue) +
                       " overdue, SPI " + ratio(p.spi) + ", SPI(t) " + ratio(p.spi_t) + ", on time " + std::to_string(p.done_on_time) +
                       "/" + std::to_string(p.due);
    if (p.problems.found > 0)
        text += "; " + std::to_string(p.problems.found) + " problems, " + std::to_string(p.problems.closed) + " closed, " +
                std::to_string(p.problems.overdue) + " overdue";
    if (p.budget > 0 || p.spent != 0)
        text += "; spent " + detail::format_number(p.spent) + " of " + detail::format_number(p.budget) + " yuan, CPI " + ratio(p.cpi);
    return text + ")";
}

PlanStatus status(const Plan& plan, const WorkCalendar& calendar, Date as_of, const StatusOptions& options) {
    const std::vector<Task>& tasks = plan.tasks();
    const std::vector<Problem>& problems = plan.problems();
    PlanStatus out;
    out.as_of = as_of;
    if (tasks.empty() && problems.empty()) return out;
    Date first = as_of, last = as_of;  // the dates numbered in working days
    for (const Task& t : tasks) {
        first = std::min(first, t.start);
        if (!t.due.is_not_a_date()) last = std::max(last, t.due);
        if (t.deadline) last = std::max(last, *t.deadline);
    }
    for (const Problem& p : problems) {
        first = std::min(first, p.found);
        last = std::max({last, p.deadline, p.closed.value_or(p.deadline)});
    }
    detail::WorkingDays days(calendar, first, last);
    // Planned value is counted from the plan's first working day.
    Date start = as_of;
    if (!tasks.empty()) start = std::min_element(tasks.begin(), tasks.end(), [](const Task& a, const Task& b) { return a.start < b.start; })->start;
    const int origin = days.on_or_after(start);
    const int today = days.on_or_before(as_of);  // the last working day on or before the date
    const int elapsed = today - origin + 1;

    Group overall;
    std::map<std::string, Group> phases, titles, subplans;
    std::map<std::string, std::map<std::string, Group>> fields;
    const bool nested = !plan.subplan_paths().empty();
    const bool with_titles = !plan.spec().titles.empty();
    std::vector<std::size_t> overdue;  // positions of the overdue tasks
    out.tasks.reserve(tasks.size());
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        const Task& task = tasks[i];
        // The planned span: from the start to `due`, or over `duration` working days when no due date is given.
        Span span;
        const int first_day = days.on_or_after(task.start);
        span.first = first_day - origin;
        const bool dated = !task.due.is_not_a_date();
        span.duration = task.milestone ? 0 : dated ? std::max(1, days.on_or_before(task.due) - first_day + 1) : *task.duration;
        span.last = task.milestone ? span.first : span.first + span.duration - 1;

        TaskStatus t;
        t.id = task.id;
        // Due on its deadline when it has one, else on its planned finish.
        t.due = task.deadline ? *task.deadline : dated ? task.due : days.date_of(first_day + span.duration - 1);
        const int due_day = days.on_or_before(t.due);
        t.weight = task.weight.value_or(task.duration.value_or(span.duration));
        const int done_days = std::clamp(today - origin - span.first + 1, 0, span.duration);
        t.planned_percent = task.milestone ? (as_of >= task.due ? 100.0 : 0.0) : 100.0 * done_days / span.duration;
        const bool finished_by_date = task.actual_finish && *task.actual_finish <= as_of;
        t.percent_complete = finished_by_date ? 100.0 : task.percent_complete;
        const bool done = t.percent_complete >= 100.0;
        const bool started = (task.actual_start && *task.actual_start <= as_of) || t.percent_complete > 0;
        if (done) t.state = TaskState::done;
        else if (as_of > t.due) t.state = TaskState::overdue;
        else if (due_day - today <= options.at_risk_within && t.percent_complete < t.planned_percent)
            t.state = TaskState::at_risk;
        else if (started) t.state = TaskState::in_progress;
        else t.state = TaskState::not_started;
        // Working days in (due, date]: the numbers of the last working days on or before each.
        if (!done && as_of > t.due) t.days_late = today - due_day;
        if (done && task.actual_finish && *task.actual_finish > t.due)
            t.days_late = days.on_or_before(*task.actual_finish) - due_day;
        if (t.state == TaskState::overdue) overdue.push_back(i);
        count_funds(task, as_of, t, out);

        const bool is_due = t.due <= as_of;
        const bool on_time = done && t.days_late == 0;
        // The day it was done: its actual finish, else (100% reported) its last planned day or today.
        const int done_day = !done ? -1
                             : task.actual_finish && finished_by_date ? days.on_or_before(*task.actual_finish) - origin
                                                                      : std::min(span.last, today - origin);
        auto count = [&](Group& g) {
            add_to(g.progress, t, is_due, on_time);
            add_to(g.curve, span, t.weight);
            g.curve.completed = done_day < 0 || g.curve.completed < 0 ? -1 : std::max(g.curve.completed, done_day);
        };
        count(overall);
        count(phases[task.phase]);
        if (with_titles) {
            const std::vector<std::string>& served = plan.titles_of_task(i);
            if (served.empty()) count(titles[""]);
            for (const std::string& title : served) count(titles[title]);
        }
        if (nested) for_each_subplan_level(plan.subplan_of_task(i), [&](const std::string& path) { count(subplans[path]); });
        for (const auto& [field, value] : task.responsibility) count(fields[field][value]);
        out.tasks.push_back(std::move(t));
    }

    for (std::size_t i = 0; i < problems.size(); ++i) {
        const Problem& problem = problems[i];
        if (problem.found > as_of) continue;
        ProblemStatus p;
        p.id = problem.id;
        const int deadline_day = days.on_or_before(problem.deadline);
        if (problem.closed && *problem.closed <= as_of) {
            p.state = *problem.closed > problem.deadline ? ProblemState::closed_late : ProblemState::closed;
            if (p.state == ProblemState::closed_late) p.days_late = days.on_or_before(*problem.closed) - deadline_day;
        } else if (as_of > problem.deadline) {
            p.state = ProblemState::overdue;
            p.days_late = today - deadline_day;
        }
        auto count = [&](Group& g) { add_to(g.progress.problems, p); };
        count(overall);
        if (with_titles && problem.titles.empty()) count(titles[""]);
        for (const std::string& title : problem.titles) count(titles[title]);
        if (nested) for_each_subplan_level(plan.subplan_of_problem(i), [&](const std::string& path) { count(subplans[path]); });
        for (const auto& [field, value] : problem.responsibility) count(fields[field][value]);
        out.problems.push_back(std::move(p));
    }

    std::stable_sort(out.over_budget.begin(), out.over_budget.end(),
                     [](const OverBudget& a, const OverBudget& b) { return a.spent - a.budget > b.spent - b.budget; });
    std::stable_sort(overdue.begin(), overdue.end(), [&](std::size_t a, std::size_t b) { return out.tasks[a].days_late > out.tasks[b].days_late; });
    out.overdue.reserve(overdue.size());
    for (const std::size_t i : overdue)
        out.overdue.push_back({tasks[i].id, tasks[i].name, tasks[i].responsibility, out.tasks[i].due, out.tasks[i].days_late,
                               out.tasks[i].percent_complete});
    finish(overall.progress, overall.curve, elapsed);
    out.overall = std::move(overall.progress);
    out.by_phase = finished(phases, elapsed);
    out.by_title = finished(titles, elapsed);
    out.by_subplan = finished(subplans, elapsed);
    for (auto& [field, values] : fields) out.by_responsibility.emplace(field, finished(values, elapsed));
    return out;
}

}  // namespace civitas
