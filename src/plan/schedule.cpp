// The schedule of a plan: forward and backward pass (critical path method) on working-day
// numbers, so that every step is integer arithmetic; dates are converted once at each end.

#include <civitas/core/error.hpp>
#include <civitas/plan/plan.hpp>

#include "plan/detail/task_order.hpp"
#include "plan/detail/working_days.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <unordered_map>

namespace civitas {

const ScheduledTask& Schedule::task(const std::string& id) const {
    for (const ScheduledTask& t : tasks)
        if (t.id == id) return t;
    throw NotFoundError(Message("unknown task id '{0}' in the schedule"_en, "进度安排中没有任务 id '{0}'"_zh, {id}));
}

std::string to_string(const Schedule& schedule) {
    std::string path;
    for (const std::string& id : schedule.critical_path) path += (path.empty() ? "" : " -> ") + id;
    return "Schedule(" + std::to_string(schedule.tasks.size()) + " tasks, smallest slack " +
           std::to_string(schedule.smallest_slack) + " working days, critical path " + (path.empty() ? "none" : path) + ")";
}

namespace {

using detail::WorkingDays;

// A dependency as the passes read it: 16 bytes, no pointer into the plan's tasks.
struct Edge {
    std::uint32_t from = 0, to = 0;  // positions in plan.tasks(): `to` waits for `from`
    int lag = 0;                     // as in the Dependency
    bool finish_to_start = true;     // else start to start
    bool working_days = true;        // the lag counts working days, else calendar days
};

// What the passes read of the plan, gathered in one sweep over its tasks (a Task is some 300
// bytes: at 100,000 tasks every sweep over them is a trip to main memory). The dependencies are in
// compressed rows, one array each way rather than a list per task: task i waits for
// in_edges[in_begin[i] .. in_begin[i + 1]) (in the order of its depends_on), and
// out_edges[out_begin[i] .. out_begin[i + 1]) wait for it (in plan order of the dependants).
struct Graph {
    std::vector<std::uint32_t> in_begin, out_begin;
    std::vector<Edge> in_edges, out_edges;
    std::vector<std::size_t> order;                      // each task after those it waits for
    std::vector<std::uint32_t> start_day, due_day;       // day numbers of the planned dates (due: 0 when the duration gives the finish)
    std::vector<std::uint32_t> deadline_day;             // day number of the deadline, 0 for none
    std::vector<int> length;                             // the duration given, 0 for none
    std::vector<unsigned char> milestone;                // 1 for a milestone
    Date first = Date(2000, 1, 1), last = Date(2000, 1, 1);  // the earliest and the latest date given
};

// The tasks in an order along their dependencies, the dependants of task i being
// dependant_at(k) for k in [begin[i], begin[i + 1]). Plan order as far as the dependencies allow:
// a sweep takes each task that waits for nothing more, and a task freed only after the sweep has
// passed it is taken at once, with those it frees in turn (so a plan whose tasks wait only for
// earlier ones is taken as it is, and the passes read their arrays in sequence). Linear; any
// order along the dependencies gives the same schedule. The tasks left over wait, directly or
// not, on a cycle, whatever the order.
template <class DependantAt>
detail::TaskOrder order_tasks(const Plan& plan, const std::vector<std::uint32_t>& begin, DependantAt dependant_at) {
    const std::size_t n = plan.tasks().size();
    std::vector<std::uint32_t> waiting(n);
    for (std::size_t i = 0; i < n; ++i) waiting[i] = static_cast<std::uint32_t>(plan.waits_for(i).size());
    detail::TaskOrder out;
    out.order.reserve(n);
    std::vector<std::uint32_t> freed_behind;
    for (std::uint32_t sweep = 0; sweep < n; ++sweep) {
        if (waiting[sweep] != 0) continue;
        freed_behind.push_back(sweep);
        while (!freed_behind.empty()) {
            const std::uint32_t i = freed_behind.back();
            freed_behind.pop_back();
            out.order.push_back(i);
            for (std::uint32_t k = begin[i]; k < begin[i + 1]; ++k) {
                const std::uint32_t to = dependant_at(k);
                if (--waiting[to] == 0 && to < sweep) freed_behind.push_back(to);
            }
        }
    }
    if (out.order.size() == n) return out;
    // Walk back from the first task still waiting along the tasks it waits for that still wait
    // (a task still waiting always has one) until one repeats; that stretch, turned round, is a cycle.
    std::size_t at = 0;
    while (waiting[at] == 0) ++at;
    std::vector<std::size_t> path;
    std::vector<long> seen_at(n, -1);
    while (seen_at[at] < 0) {
        seen_at[at] = static_cast<long>(path.size());
        path.push_back(at);
        for (const std::size_t from : plan.waits_for(at))
            if (waiting[from] > 0) {
                at = from;
                break;
            }
    }
    out.cycle.push_back(at);
    for (std::size_t k = path.size(); k-- > static_cast<std::size_t>(seen_at[at]);) out.cycle.push_back(path[k]);
    return out;
}

// Positions fit 32 bits: a plan of 2^32 tasks or dependencies would not fit in memory anyway.
void require_32_bit_positions(std::size_t tasks, std::size_t dependencies) {
    constexpr std::size_t most = std::numeric_limits<std::uint32_t>::max() - 1;
    if (tasks > most || dependencies > most)
        throw ValidationError("$.tasks", Message("{0} tasks and {1} dependencies; expected fewer than 2^32 of each"_en,
                                                 "{0} 个任务、{1} 个依赖；每项应少于 2^32 个"_zh,
                                                 {std::to_string(tasks), std::to_string(dependencies)}));
}

Graph graph_of(const Plan& plan) {
    const std::vector<Task>& tasks = plan.tasks();
    const std::size_t n = tasks.size();
    require_32_bit_positions(n, 0);
    Graph g;
    g.in_begin.resize(n + 1);
    g.in_edges.reserve(2 * n);
    g.start_day.resize(n);
    g.due_day.resize(n);
    g.deadline_day.resize(n);
    g.length.resize(n);
    g.milestone.resize(n);
    if (n > 0) g.first = g.last = tasks.front().start;
    for (std::size_t i = 0; i < n; ++i) {
        const Task& task = tasks[i];
        g.start_day[i] = task.start.day_number();  // never a special value: Plan checks the dates
        g.milestone[i] = task.milestone ? 1 : 0;
        g.length[i] = task.duration.value_or(0);
        g.first = std::min(g.first, task.start);
        g.last = std::max(g.last, task.start);
        if (!task.due.is_not_a_date()) {
            g.due_day[i] = task.due.day_number();
            g.last = std::max(g.last, task.due);
        }
        if (task.deadline) {
            g.deadline_day[i] = task.deadline->day_number();
            g.first = std::min(g.first, *task.deadline);
            g.last = std::max(g.last, *task.deadline);
        }
        g.in_begin[i] = static_cast<std::uint32_t>(g.in_edges.size());
        const std::vector<std::size_t>& waits = plan.waits_for(i);
        for (std::size_t k = 0; k < waits.size(); ++k) {
            const Dependency& d = task.depends_on[k];
            g.in_edges.push_back({static_cast<std::uint32_t>(waits[k]), static_cast<std::uint32_t>(i), d.lag,
                                  d.link == Link::finish_to_start, d.unit == LagUnit::working_days});
        }
        require_32_bit_positions(n, g.in_edges.size());
    }
    const std::size_t m = g.in_edges.size();
    g.in_begin[n] = static_cast<std::uint32_t>(m);
    // The same edges by the task waited for: a counting sort, stable, so in plan order of the dependants.
    g.out_begin.assign(n + 1, 0);
    for (const Edge& e : g.in_edges) ++g.out_begin[e.from + 1];
    for (std::size_t i = 0; i < n; ++i) g.out_begin[i + 1] += g.out_begin[i];
    g.out_edges.resize(m);
    std::vector<std::uint32_t> next(g.out_begin.begin(), g.out_begin.end() - 1);
    for (const Edge& e : g.in_edges) g.out_edges[next[e.from]++] = e;

    detail::TaskOrder order = order_tasks(plan, g.out_begin, [&](std::uint32_t k) { return g.out_edges[k].to; });
    if (!order.cycle.empty())
        throw ValidationError("$.tasks", Message("the dependencies form a cycle: {0} (each waits for the one before); expected none"_en,
                                                 "任务依赖形成循环: {0}（每个任务都在等待前一个）；不应有循环"_zh,
                                                 {detail::cycle_text(plan, order.cycle)}));
    g.order = std::move(order.order);
    return g;
}

constexpr int unbounded = std::numeric_limits<int>::max();

// Each task's own bounds in working-day numbers: the passes then touch only these arrays and the edges.
struct Bounds {
    std::vector<int> duration;  // the duration given, else working days from planned start to due, both included (milestones 0)
    std::vector<int> span;      // finish - start: duration - 1, milestones 0
    std::vector<int> start;     // the first working day on or after the planned start
    std::vector<int> deadline;  // the last working day on or before the deadline (a milestone's date: on or after), else unbounded
    std::vector<unsigned char> last;  // 1 for a task no other waits for: the plan's end bounds its latest finish
};

Bounds bounds_of(const Graph& g, WorkingDays& days) {
    const std::size_t n = g.start_day.size();
    const long origin = g.first.day_number();
    Bounds b;
    b.duration.resize(n);
    b.span.resize(n);
    b.start.resize(n);
    b.deadline.assign(n, unbounded);
    b.last.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const long start_offset = static_cast<long>(g.start_day[i]) - origin;
        const int start = days.number_at(start_offset);
        // A task spans its working days, at least one; a milestone finishes on the day it starts.
        if (g.milestone[i]) b.duration[i] = 0;
        else if (g.length[i] > 0) b.duration[i] = g.length[i];
        else b.duration[i] = std::max(1, days.number_at(static_cast<long>(g.due_day[i]) - origin + 1) - start);
        b.span[i] = g.milestone[i] ? 0 : b.duration[i] - 1;
        b.start[i] = start;
        // A milestone's date is a deadline; one on a day off is placed on the next working day, as its earliest start is.
        if (g.milestone[i]) b.deadline[i] = days.number_at(static_cast<long>(g.due_day[i]) - origin);
        if (g.deadline_day[i] != 0)
            b.deadline[i] = std::min(b.deadline[i], days.number_at(static_cast<long>(g.deadline_day[i]) - origin + 1) - 1);
        b.last[i] = g.out_begin[i] == g.out_begin[i + 1] ? 1 : 0;
    }
    return b;
}

struct Pass {
    std::vector<int> earliest_start, earliest_finish, latest_start, latest_finish;
    int end = 0;  // the plan's end: the latest earliest finish
};

// The earliest start that dependency `e` allows its dependant, given the earliest dates of the
// task it waits for.
int earliest_start_after(const Edge& e, const Pass& p, WorkingDays& days) {
    if (e.finish_to_start)
        return e.working_days ? p.earliest_finish[e.from] + 1 + e.lag
                              : days.number_at(days.offset_of(p.earliest_finish[e.from]) + e.lag + 1);
    return e.working_days ? p.earliest_start[e.from] + e.lag : days.number_at(days.offset_of(p.earliest_start[e.from]) + e.lag);
}

// The latest finish that dependency `e` allows the task waited for, its dependant starting on
// working day `dependant_start` (its latest start for the total float, its earliest for the free).
int latest_finish_before(const Edge& e, int dependant_start, const Bounds& b, WorkingDays& days) {
    if (e.finish_to_start)
        return e.working_days ? dependant_start - 1 - e.lag : days.number_at(days.offset_of(dependant_start) - e.lag) - 1;
    const int latest_start = e.working_days ? dependant_start - e.lag : days.number_at(days.offset_of(dependant_start) - e.lag + 1) - 1;
    return latest_start + b.span[e.from];
}

// The latest finish task i is allowed before its dependants start on the days `dependant_start`
// gives: its deadline, the plan's end if nothing waits for it, and each dependency on it.
template <class DependantStart>
int latest_finish_of(std::size_t i, const Graph& g, const Bounds& b, int end, WorkingDays& days, DependantStart dependant_start) {
    int finish = b.deadline[i];
    if (b.last[i]) finish = std::min(finish, end);
    for (std::uint32_t k = g.out_begin[i]; k < g.out_begin[i + 1]; ++k) {
        const Edge& e = g.out_edges[k];
        finish = std::min(finish, latest_finish_before(e, dependant_start(e.to), b, days));
    }
    return finish;
}

// Forward and backward pass; `delay` (task index, working days) pushes one task's start.
Pass run(const Graph& g, const Bounds& b, WorkingDays& days, std::pair<std::size_t, int> delay = {SIZE_MAX, 0}) {
    const std::size_t n = b.start.size();
    Pass p;
    p.earliest_start.resize(n);
    p.earliest_finish.resize(n);
    p.latest_start.resize(n);
    p.latest_finish.resize(n);
    p.end = std::numeric_limits<int>::min();
    for (const std::size_t i : g.order) {
        int start = b.start[i];
        for (std::uint32_t k = g.in_begin[i]; k < g.in_begin[i + 1]; ++k) start = std::max(start, earliest_start_after(g.in_edges[k], p, days));
        if (i == delay.first) start += delay.second;
        p.earliest_start[i] = start;
        p.earliest_finish[i] = start + b.span[i];
        p.end = std::max(p.end, p.earliest_finish[i]);
    }
    for (auto it = g.order.rbegin(); it != g.order.rend(); ++it) {
        const std::size_t i = *it;
        p.latest_finish[i] = latest_finish_of(i, g, b, p.end, days, [&](std::size_t j) { return p.latest_start[j]; });
        p.latest_start[i] = p.latest_finish[i] - b.span[i];
    }
    return p;
}

}  // namespace

namespace detail {

TaskOrder task_order(const Plan& plan) {
    const std::size_t n = plan.tasks().size();
    std::size_t m = 0;
    for (std::size_t i = 0; i < n; ++i) m += plan.waits_for(i).size();
    require_32_bit_positions(n, m);
    // Per task, those waiting for it, in plan order: a counting sort in compressed rows.
    std::vector<std::uint32_t> begin(n + 1, 0), dependants(m);
    for (std::size_t i = 0; i < n; ++i)
        for (const std::size_t from : plan.waits_for(i)) ++begin[from + 1];
    for (std::size_t i = 0; i < n; ++i) begin[i + 1] += begin[i];
    std::vector<std::uint32_t> next(begin.begin(), begin.end() - 1);
    for (std::size_t i = 0; i < n; ++i)
        for (const std::size_t from : plan.waits_for(i)) dependants[next[from]++] = static_cast<std::uint32_t>(i);
    return order_tasks(plan, begin, [&](std::uint32_t k) { return dependants[k]; });
}

std::string cycle_text(const Plan& plan, const std::vector<std::size_t>& cycle) {
    // A long cycle is named by its first five tasks and its last three, then the first again (a
    // message stays short).
    constexpr std::size_t head = 5, tail = 4;
    std::string text;
    for (std::size_t k = 0; k < cycle.size(); ++k) {
        if (cycle.size() > head + tail + 3 && k == head) {
            text += " -> …";
            k = cycle.size() - tail - 1;
            continue;
        }
        text += (text.empty() ? "" : " -> ") + plan.tasks()[cycle[k]].id;
    }
    return text;
}

}  // namespace detail

Schedule schedule(const Plan& plan, const WorkCalendar& calendar) {
    const std::vector<Task>& tasks = plan.tasks();
    const Graph g = graph_of(plan);
    WorkingDays days(calendar, g.first, g.last);
    const Bounds b = bounds_of(g, days);
    const Pass p = run(g, b, days);

    Schedule s;
    const std::size_t n = tasks.size();
    s.smallest_slack = std::numeric_limits<int>::max();
    for (std::size_t i = 0; i < n; ++i) s.smallest_slack = std::min(s.smallest_slack, p.latest_finish[i] - p.earliest_finish[i]);
    if (n == 0) s.smallest_slack = 0;
    s.tasks.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        ScheduledTask& t = s.tasks[i];
        t.id = tasks[i].id;
        t.duration = b.duration[i];
        t.earliest_start = days.date_of(p.earliest_start[i]);
        t.earliest_finish = days.date_of(p.earliest_finish[i]);
        t.latest_start = days.date_of(p.latest_start[i]);
        t.latest_finish = days.date_of(p.latest_finish[i]);
        t.slack = p.latest_finish[i] - p.earliest_finish[i];
        t.free_slack = latest_finish_of(i, g, b, p.end, days, [&](std::size_t j) { return p.earliest_start[j]; }) - p.earliest_finish[i];
        t.critical = t.slack == s.smallest_slack;
    }
    // The critical path: from the critical task that finishes last (first in plan order on a
    // tie), back through the critical task each one waits for that set its earliest start.
    std::size_t at = SIZE_MAX;
    for (std::size_t i = 0; i < n; ++i)
        if (s.tasks[i].critical && (at == SIZE_MAX || p.earliest_finish[i] > p.earliest_finish[at])) at = i;
    while (at != SIZE_MAX) {
        s.critical_path.push_back(tasks[at].id);
        std::size_t next = SIZE_MAX;
        for (std::uint32_t k = g.in_begin[at]; k < g.in_begin[at + 1]; ++k) {
            const Edge& e = g.in_edges[k];
            if (!s.tasks[e.from].critical) continue;
            const int bound = earliest_start_after(e, p, days);
            if (bound == p.earliest_start[at]) {
                next = e.from;
                break;
            }
        }
        at = next;
    }
    std::reverse(s.critical_path.begin(), s.critical_path.end());
    return s;
}

DelayImpact what_if_delayed(const Plan& plan, const WorkCalendar& calendar, const std::string& task, int working_days) {
    const std::vector<Task>& tasks = plan.tasks();
    const std::size_t delayed = plan.task_index(task);
    const Graph g = graph_of(plan);
    WorkingDays days(calendar, g.first, g.last);
    const Bounds b = bounds_of(g, days);
    const Pass before = run(g, b, days);
    const Pass after = run(g, b, days, {delayed, working_days});
    DelayImpact impact;
    const std::vector<Phase>& phases = plan.spec().phases;
    std::vector<int> phase_end_before(phases.size(), std::numeric_limits<int>::min()), phase_end_after = phase_end_before;
    std::unordered_map<std::string, std::size_t> phase_index;
    for (std::size_t k = 0; k < phases.size(); ++k) phase_index.emplace(phases[k].id, k);
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        if (after.earliest_finish[i] != before.earliest_finish[i])
            impact.tasks.push_back({tasks[i].id, days.date_of(before.earliest_finish[i]), days.date_of(after.earliest_finish[i]),
                                    after.earliest_finish[i] - before.earliest_finish[i], tasks[i].milestone});
        if (tasks[i].phase.empty()) continue;
        const std::size_t k = phase_index.at(tasks[i].phase);
        phase_end_before[k] = std::max(phase_end_before[k], before.earliest_finish[i]);
        phase_end_after[k] = std::max(phase_end_after[k], after.earliest_finish[i]);
    }
    for (std::size_t k = 0; k < phases.size(); ++k)
        if (phase_end_after[k] != phase_end_before[k])
            impact.phases.push_back({phases[k].id, days.date_of(phase_end_before[k]), days.date_of(phase_end_after[k]),
                                     phase_end_after[k] - phase_end_before[k], false});
    return impact;
}

}  // namespace civitas
