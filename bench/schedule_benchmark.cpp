// Scheduling a national-scale plan: 100,000 tasks with 200,000 dependencies on the 2025 China
// calendar (forward and backward pass, slack, critical path). Target: under 200 ms.

#include <civitas/civitas.hpp>

#include <benchmark/benchmark.h>

#include <random>

namespace {

civitas::Plan make_plan(int tasks, int dependencies) {
    std::mt19937 rng(2025);
    civitas::PlanSpec spec;
    spec.id = "bench";
    const civitas::Date first(2025, 1, 2);
    for (int i = 0; i < tasks; ++i) {
        civitas::Task t;
        t.id = "t" + std::to_string(i);
        // Later tasks start later, so that dependencies (always on an earlier task) make sense.
        t.start = first + boost::gregorian::days(static_cast<long>(300.0 * i / tasks) + static_cast<long>(rng() % 20));
        t.due = t.start + boost::gregorian::days(static_cast<long>(rng() % 30));
        t.milestone = rng() % 20 == 0;
        if (t.milestone) t.due = t.start;
        spec.tasks.push_back(std::move(t));
    }
    for (int d = 0; d < dependencies; ++d) {
        const int to = 1 + static_cast<int>(rng() % static_cast<unsigned>(tasks - 1));
        // Mostly on tasks due about ten days before this one starts, as in a real plan.
        const int from = std::max(0, to - tasks / 30 - static_cast<int>(rng() % 2000));
        civitas::Dependency dep{"t" + std::to_string(from), rng() % 4 == 0 ? civitas::Link::start_to_start : civitas::Link::finish_to_start,
                                static_cast<int>(rng() % 3), rng() % 5 == 0 ? civitas::LagUnit::calendar_days : civitas::LagUnit::working_days};
        spec.tasks[static_cast<std::size_t>(to)].depends_on.push_back(std::move(dep));
    }
    return civitas::Plan(std::move(spec));
}

void BM_Schedule(benchmark::State& state) {
    const auto tasks = static_cast<int>(state.range(0)), dependencies = static_cast<int>(state.range(1));
    const civitas::Plan plan = make_plan(tasks, dependencies);
    // Run from the repository root (as `make bench` does) for the bundled 2025 calendar.
    const civitas::WorkCalendar calendar = civitas::load_calendar("data/calendars/cn-2025.json");
    for (auto _ : state) benchmark::DoNotOptimize(civitas::schedule(plan, calendar));
    state.SetItemsProcessed(state.iterations() * tasks);
}

void BM_Status(benchmark::State& state) {
    const auto tasks = static_cast<int>(state.range(0)), dependencies = static_cast<int>(state.range(1));
    const civitas::Plan plan = make_plan(tasks, dependencies);
    const civitas::WorkCalendar calendar = civitas::load_calendar("data/calendars/cn-2025.json");
    for (auto _ : state) benchmark::DoNotOptimize(civitas::status(plan, calendar, civitas::Date(2025, 6, 30)));
    state.SetItemsProcessed(state.iterations() * tasks);
}

}  // namespace
BENCHMARK(BM_Status)->Args({100000, 200000})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Schedule)->Args({100000, 200000})->Args({10000, 20000})->Unit(benchmark::kMillisecond);
