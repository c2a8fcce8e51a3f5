// A plan's status on a date: task states, planned against earned progress and earned schedule.

#include <civitas/error.hpp>
#include <civitas/status.hpp>

#include "detail/working_days.hpp"

#include <algorithm>

namespace civitas {

std::optional<double> Progress::on_time_rate() const {
    if (due == 0) return std::nullopt;
    return static_cast<double>(done_on_time) / due;
}

const TaskStatus& PlanStatus::task(const std::string& id) const {
    for (const TaskStatus& t : tasks)
        if (t.id == id) return t;
    throw NotFoundError("unknown task id '" + id + "' in the status");
}

namespace {

// A group's planned value per working day, to find when it planned what it has earned: rates
// as differences (a task adds w/d on its first day and takes it off after its last), summed at
// the end.
struct Curve {
    std::vector<double> rate_change;  // change of the daily planned value on each working day
    std::vector<double> lump;         // milestones' values, on their day
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
}

void add_to(Curve& c, const Span& s, double weight) {
    if (weight == 0 || s.last < 0) return;
    const auto first = static_cast<std::size_t>(std::max(s.first, 0));
    const auto end = static_cast<std::size_t>(s.last) + 2;
    if (c.rate_change.size() < end) {
        c.rate_change.resize(end, 0.0);
        c.lump.resize(end, 0.0);
    }
    if (s.duration == 0) {
        c.lump[first] += weight;
        return;
    }
    c.rate_change[first] += weight / s.duration;
    c.rate_change[static_cast<std::size_t>(s.last) + 1] -= weight / s.duration;
}

// Earned schedule / actual time: when the plan meant to have earned what has been earned,
// over the working days elapsed (`elapsed`, counted from the plan's first working day).
void finish(Progress& p, const Curve& c, int elapsed) {
    p.spi = p.planned_value > 0 ? std::optional<double>(p.earned_value / p.planned_value) : std::nullopt;
    if (elapsed <= 0) return;
    double planned = 0;  // planned value after `day` working days
    double rate = 0;     // planned value added per working day
    double earned_schedule = static_cast<double>(c.rate_change.size());
    for (std::size_t day = 0; day < c.rate_change.size(); ++day) {
        rate += c.rate_change[day];
        const double next = planned + rate + c.lump[day];
        if (p.earned_value < next) {
            earned_schedule = static_cast<double>(day) + (p.earned_value - planned) / (next - planned);
            break;
        }
        planned = next;
    }
    p.spi_t = earned_schedule / elapsed;
}

}  // namespace

PlanStatus status(const Plan& plan, const WorkCalendar& calendar, Date as_of, const StatusOptions& options) {
    const PlanSpec& spec = plan.spec();
    PlanStatus out;
    out.as_of = as_of;
    if (spec.tasks.empty()) return out;
    Date first = spec.tasks.front().start, last = spec.tasks.front().due;
    for (const Task& t : spec.tasks) {
        first = std::min(first, t.start);
        last = std::max(last, t.due);
    }
    detail::WorkingDays days(calendar, first, std::max(last, as_of));
    const int origin = days.on_or_after(first);
    const int today = days.on_or_before(as_of);  // the last working day on or before the date
    const int elapsed = today - origin + 1;

    Curve overall_curve;
    std::map<std::string, Curve> phase_curves;
    std::map<std::string, std::map<std::string, Curve>> field_curves;
    for (const Task& task : spec.tasks) {
        Span span;
        span.first = days.on_or_after(task.start) - origin;
        span.duration = task.milestone ? 0 : std::max(1, days.on_or_before(task.due) - days.on_or_after(task.start) + 1);
        span.last = task.milestone ? span.first : span.first + span.duration - 1;

        const int due_day = days.on_or_before(task.due);
        TaskStatus t;
        t.id = task.id;
        t.weight = task.weight.value_or(span.duration);
        const int done_days = std::clamp(today - origin - span.first + 1, 0, span.duration);
        t.planned_percent = task.milestone ? (as_of >= task.due ? 100.0 : 0.0) : 100.0 * done_days / span.duration;
        const bool finished = task.actual_finish && *task.actual_finish <= as_of;
        t.percent_complete = finished ? 100.0 : task.percent_complete;
        const bool done = t.percent_complete >= 100.0;
        const bool started = (task.actual_start && *task.actual_start <= as_of) || t.percent_complete > 0;
        if (done) t.state = TaskState::done;
        else if (as_of > task.due) t.state = TaskState::overdue;
        else if (due_day - today <= options.at_risk_within && t.percent_complete < t.planned_percent)
            t.state = TaskState::at_risk;
        else if (started) t.state = TaskState::in_progress;
        else t.state = TaskState::not_started;
        // Working days in (due, date]: the numbers of the last working days on or before each.
        if (!done && as_of > task.due) t.days_late = today - due_day;
        if (done && task.actual_finish && *task.actual_finish > task.due)
            t.days_late = days.on_or_before(*task.actual_finish) - due_day;

        const bool is_due = task.due <= as_of;
        const bool on_time = done && t.days_late == 0;
        add_to(out.overall, t, is_due, on_time);
        add_to(overall_curve, span, t.weight);
        add_to(out.by_phase[task.phase], t, is_due, on_time);
        add_to(phase_curves[task.phase], span, t.weight);
        for (const auto& [field, value] : task.responsibility) {
            add_to(out.by_responsibility[field][value], t, is_due, on_time);
            add_to(field_curves[field][value], span, t.weight);
        }
        out.tasks.push_back(std::move(t));
    }
    finish(out.overall, overall_curve, elapsed);
    for (auto& [phase, progress] : out.by_phase) finish(progress, phase_curves[phase], elapsed);
    for (auto& [field, values] : out.by_responsibility)
        for (auto& [value, progress] : values) finish(progress, field_curves[field][value], elapsed);
    return out;
}

}  // namespace civitas
