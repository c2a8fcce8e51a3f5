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

struct Edge {
    std::size_t from = 0, to = 0;  // task indices: `to` depends on `from`
    const Dependency* dependency = nullptr;
};

struct Pass {
    std::vector<int> duration, earliest_start, earliest_finish, latest_start, latest_finish;
};

// Forward and backward pass; `delay` (task index, working days) pushes one task's start.
Pass run(const std::vector<Task>& tasks, const std::vector<std::vector<Edge>>& in_edges, const std::vector<std::vector<Edge>>& out_edges,
         const std::vector<std::size_t>& order, WorkingDays& days, std::pair<std::size_t, int> delay = {SIZE_MAX, 0}) {
    const std::size_t n = tasks.size();
    Pass p;
    p.duration.resize(n);
    p.earliest_start.resize(n);
    p.earliest_finish.resize(n);
    p.latest_start.resize(n);
    p.latest_finish.resize(n);
    // Milestones finish on the day they start; a task spans its working days, at least one.
    auto finish_of = [&](std::size_t i, int start) { return tasks[i].milestone ? start : start + p.duration[i] - 1; };
    auto start_of = [&](std::size_t i, int finish) { return tasks[i].milestone ? finish : finish - p.duration[i] + 1; };
    for (std::size_t i = 0; i < n; ++i) {
        const Task& task = tasks[i];
        p.duration[i] = task.milestone ? 0 : std::max(1, days.on_or_before(task.due) - days.on_or_after(task.start) + 1);
    }
    for (std::size_t i : order) {
        const Task& task = tasks[i];
        int start = days.on_or_after(task.start);
        for (const Edge& e : in_edges[i]) {
            const Dependency& d = *e.dependency;
            int earliest;
            if (d.link == Link::finish_to_start) {
                earliest = d.unit == LagUnit::working_days
                               ? p.earliest_finish[e.from] + 1 + d.lag
                               : days.on_or_after(days.date_of(p.earliest_finish[e.from]) + boost::gregorian::days(d.lag + 1));
            } else {
                earliest = d.unit == LagUnit::working_days
                               ? p.earliest_start[e.from] + d.lag
                               : days.on_or_after(days.date_of(p.earliest_start[e.from]) + boost::gregorian::days(d.lag));
            }
            start = std::max(start, earliest);
        }
        if (i == delay.first) start += delay.second;
        p.earliest_start[i] = start;
        p.earliest_finish[i] = finish_of(i, start);
    }
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const std::size_t i = *it;
        // A milestone on a day off is placed on the next working day, as its earliest start is.
        int finish = tasks[i].milestone ? days.on_or_after(tasks[i].due) : days.on_or_before(tasks[i].due);
        for (const Edge& e : out_edges[i]) {
            const Dependency& d = *e.dependency;
            int latest;
            if (d.link == Link::finish_to_start) {
                latest = d.unit == LagUnit::working_days
                             ? p.latest_start[e.to] - 1 - d.lag
                             : days.on_or_before(days.date_of(p.latest_start[e.to]) - boost::gregorian::days(d.lag + 1));
            } else {
                const int latest_start = d.unit == LagUnit::working_days
                                             ? p.latest_start[e.to] - d.lag
                                             : days.on_or_before(days.date_of(p.latest_start[e.to]) - boost::gregorian::days(d.lag));
                latest = finish_of(i, latest_start);
            }
            finish = std::min(finish, latest);
        }
        p.latest_finish[i] = finish;
        p.latest_start[i] = start_of(i, finish);
    }
    return p;
}

struct Graph {
    std::vector<std::vector<Edge>> in_edges, out_edges;
    std::vector<std::size_t> order;
};

Graph graph_of(const Plan& plan) {
    const std::vector<Task>& tasks = plan.tasks();
    const std::size_t n = tasks.size();
    Graph g;
    g.in_edges.resize(n);
    g.out_edges.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t k = 0; k < tasks[i].depends_on.size(); ++k) {
            const Edge e{plan.waits_for(i)[k], i, &tasks[i].depends_on[k]};
            g.in_edges[i].push_back(e);
            g.out_edges[e.from].push_back(e);
        }
    detail::TaskOrder order = detail::task_order(plan);
    if (!order.cycle.empty())
        throw ValidationError("$.tasks", Message("the dependencies form a cycle: {0} (each waits for the one before); expected none"_en,
                                                 "任务依赖形成循环: {0}（每个任务都在等待前一个）；不应有循环"_zh,
                                                 {detail::cycle_text(plan, order.cycle)}));
    g.order = std::move(order.order);
    return g;
}

WorkingDays working_days_for(const std::vector<Task>& tasks, const WorkCalendar& calendar) {
    Date first = tasks.empty() ? Date(2000, 1, 1) : tasks.front().start;
    Date last = first;
    for (const Task& task : tasks) {
        first = std::min(first, task.start);
        last = std::max(last, task.due);
    }
    return WorkingDays(calendar, first, last);
}

}  // namespace

namespace detail {

TaskOrder task_order(const Plan& plan) {
    const std::size_t n = plan.tasks().size();
    std::vector<std::vector<std::size_t>> dependants(n);  // per task, those waiting for it, in plan order
    std::vector<std::size_t> waiting(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        for (const std::size_t from : plan.waits_for(i)) {
            dependants[from].push_back(i);
            ++waiting[i];
        }
    TaskOrder out;
    out.order.reserve(n);
    std::vector<std::size_t> ready;
    for (std::size_t i = n; i-- > 0;)
        if (waiting[i] == 0) ready.push_back(i);
    while (!ready.empty()) {
        const std::size_t i = ready.back();
        ready.pop_back();
        out.order.push_back(i);
        for (const std::size_t to : dependants[i])
            if (--waiting[to] == 0) ready.push_back(to);
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
    WorkingDays days = working_days_for(tasks, calendar);
    const Pass p = run(tasks, g.in_edges, g.out_edges, g.order, days);

    Schedule s;
    const std::size_t n = tasks.size();
    s.smallest_slack = std::numeric_limits<int>::max();
    for (std::size_t i = 0; i < n; ++i) s.smallest_slack = std::min(s.smallest_slack, p.latest_finish[i] - p.earliest_finish[i]);
    if (n == 0) s.smallest_slack = 0;
    s.tasks.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        ScheduledTask t;
        t.id = tasks[i].id;
        t.duration = p.duration[i];
        t.earliest_start = days.date_of(p.earliest_start[i]);
        t.earliest_finish = days.date_of(p.earliest_finish[i]);
        t.latest_start = days.date_of(p.latest_start[i]);
        t.latest_finish = days.date_of(p.latest_finish[i]);
        t.slack = p.latest_finish[i] - p.earliest_finish[i];
        t.critical = t.slack == s.smallest_slack;
        s.tasks.push_back(std::move(t));
    }
    // The critical path: from the critical task that finishes last (first in plan order on a
    // tie), back through the critical task each one waits for that set its earliest start.
    std::size_t at = SIZE_MAX;
    for (std::size_t i = 0; i < n; ++i)
        if (s.tasks[i].critical && (at == SIZE_MAX || p.earliest_finish[i] > p.earliest_finish[at])) at = i;
    while (at != SIZE_MAX) {
        s.critical_path.push_back(tasks[at].id);
        std::size_t next = SIZE_MAX;
        for (const Edge& e : g.in_edges[at]) {
            if (!s.tasks[e.from].critical) continue;
            const Dependency& d = *e.dependency;
            const bool working = d.unit == LagUnit::working_days;
            const int bound = d.link == Link::finish_to_start
                                  ? (working ? p.earliest_finish[e.from] + 1 + d.lag
                                             : days.on_or_after(days.date_of(p.earliest_finish[e.from]) + boost::gregorian::days(d.lag + 1)))
                                  : (working ? p.earliest_start[e.from] + d.lag
                                             : days.on_or_after(days.date_of(p.earliest_start[e.from]) + boost::gregorian::days(d.lag)));
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
    WorkingDays days = working_days_for(tasks, calendar);
    const Pass before = run(tasks, g.in_edges, g.out_edges, g.order, days);
    const Pass after = run(tasks, g.in_edges, g.out_edges, g.order, days, {delayed, working_days});
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
