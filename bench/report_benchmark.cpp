// The campaign report of a national-scale plan: build_report and its four renderings for a plan
// of 10,000 and 100,000 tasks, as one chain (each task waits for the one before) and as
// independent tasks spread over the districts' sub-plans. Target: under a second for 100,000.
//
// The campaign: two titles, each judged by a framework of 20 indicators with an inspection ahead;
// a city and 16 districts with six monthly observations of every indicator; 30 departments with
// their leaders; a target per indicator for every unit. The plan's tasks run over two years, the
// report date in the middle: a third are done, about half of the others overdue.

#include <civitas/civitas.hpp>

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

namespace {

using civitas::Date;

constexpr int districts = 16;
constexpr int indicators = 20;
constexpr int departments = 30;
const Date as_of(2026, 1, 15);

civitas::Framework make_framework(const std::string& id) {
    civitas::FrameworkSpec spec;
    spec.id = id;
    spec.name = id;
    for (int k = 0; k < indicators; ++k) {
        civitas::Indicator i;
        i.id = id + "-i" + std::to_string(k);
        i.name = "指标 " + std::to_string(k);
        i.direction = civitas::Direction::higher;
        i.pass = civitas::Interval::at_least(50);
        i.bounds = civitas::Interval{0, 100};
        i.unit = "%";
        spec.root.indicators.push_back(std::move(i));
    }
    return civitas::Framework(std::move(spec));
}

// `chain`: task i waits for task i - 1, all in the root plan; otherwise no dependencies and the
// tasks spread over one sub-plan per district (named as the district's unit, so they bear on it).
civitas::Campaign make_campaign(int tasks, bool chain) {
    civitas::CampaignSpec spec;
    spec.id = "bench";
    spec.name = "全国规模创建";
    std::map<std::string, civitas::Framework> frameworks;
    for (const char* title : {"garden", "civilized"}) {
        civitas::CampaignTitle t;
        t.id = title;
        t.name = title;
        t.framework = std::string(title) + ".json";
        t.dates.inspection = Date(2026, 9, 30);
        spec.titles.push_back(t);
        frameworks.emplace(title, make_framework(title));
    }
    spec.units.push_back({"city", "市", "", {}});
    for (int d = 0; d < districts; ++d) spec.units.push_back({"d" + std::to_string(d), "区 " + std::to_string(d), "city", {}});
    for (int d = 0; d < departments; ++d)
        spec.departments.push_back({"dep" + std::to_string(d), "部门 " + std::to_string(d), "领导 " + std::to_string(d), ""});
    for (const auto& [title, framework] : frameworks)
        for (const std::string& indicator : framework.indicator_ids()) {
            civitas::Target target;
            target.title = title;
            target.indicator = indicator;
            target.value = 60;
            target.department = "dep" + std::to_string(target.indicator.size() % departments);
            spec.targets.push_back(target);
        }

    civitas::ObservationStore store;
    for (const civitas::CampaignUnit& unit : spec.units)
        for (const auto& [title, framework] : frameworks)
            for (const std::string& indicator : framework.indicator_ids())
                for (int month = 0; month < 6; ++month) {
                    civitas::Observation o;
                    o.unit = unit.id;
                    o.indicator = indicator;
                    o.date = Date(2025, static_cast<unsigned short>(7 + month), 1);
                    o.value = 40 + static_cast<double>((unit.id.size() * 7 + indicator.size() * 3 + static_cast<std::size_t>(month) * 2) % 25);
                    store.add(o);
                }

    civitas::PlanSpec plan;
    plan.id = "plan";
    plan.titles = {{"garden", "garden"}, {"civilized", "civilized"}};
    if (!chain)
        for (int d = 0; d < districts; ++d) {
            civitas::PlanSpec sub;
            sub.id = "d" + std::to_string(d);
            plan.subplans.push_back(std::move(sub));
        }
    const Date first(2025, 1, 2);
    for (int i = 0; i < tasks; ++i) {
        civitas::Task t;
        t.id = "t" + std::to_string(i);
        t.name = "任务 " + std::to_string(i);
        t.titles = {i % 2 == 0 ? "garden" : "civilized"};
        t.responsibility = {{"department", "部门 " + std::to_string(i % departments)}, {"leader", "领导 " + std::to_string(i % 60)}};
        t.start = first + boost::gregorian::days(static_cast<long>(730.0 * i / tasks));
        t.due = t.start + boost::gregorian::days(10 + i % 20);
        t.percent_complete = i % 3 == 0 ? 100 : (i % 7) * 10;
        if (chain) {
            if (i > 0) t.depends_on.push_back({"t" + std::to_string(i - 1), civitas::Link::finish_to_start, 0, civitas::LagUnit::working_days});
            plan.tasks.push_back(std::move(t));
        } else {
            plan.subplans[static_cast<std::size_t>(i % districts)].tasks.push_back(std::move(t));
        }
    }
    return civitas::Campaign(spec, std::move(frameworks), civitas::WorkCalendar(), civitas::Plan(std::move(plan)), std::move(store));
}

// build_report alone.
void BM_BuildReport(benchmark::State& state) {
    const civitas::Campaign campaign = make_campaign(static_cast<int>(state.range(0)), state.range(1) == 1);
    for (auto _ : state) benchmark::DoNotOptimize(civitas::build_report(campaign, as_of));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

// build_report and the report in every format: what `civitas report` does after loading.
void BM_Report(benchmark::State& state) {
    const civitas::Campaign campaign = make_campaign(static_cast<int>(state.range(0)), state.range(1) == 1);
    for (auto _ : state) {
        const civitas::Report report = civitas::build_report(campaign, as_of);
        for (const auto format : {civitas::ReportFormat::text, civitas::ReportFormat::markdown, civitas::ReportFormat::html,
                                  civitas::ReportFormat::json})
            benchmark::DoNotOptimize(civitas::render(report, format));
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

// Building the campaign (plan validation included) from its plain data.
void BM_MakeCampaign(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(make_campaign(static_cast<int>(state.range(0)), state.range(1) == 1));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

}  // namespace

// Arguments: tasks, 1 for a chain / 0 for independent tasks in the districts' sub-plans.
BENCHMARK(BM_BuildReport)->ArgsProduct({{10000, 100000}, {1, 0}})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Report)->ArgsProduct({{10000, 100000}, {1, 0}})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MakeCampaign)->ArgsProduct({{100000}, {1, 0}})->Unit(benchmark::kMillisecond);
