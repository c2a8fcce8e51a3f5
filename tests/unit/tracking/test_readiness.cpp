// Readiness of a small campaign, worked by hand: one framework title ("garden": a basic item,
// green coverage >= 36 %, bounds [0, 100], inspection 2026-07-01) and one title tracked by its
// plan alone ("sanitary"); units city > d1, d2; the status date is Thursday 2026-01-15.

#include "support.hpp"

#include <civitas/tracking/readiness.hpp>

namespace civitas {
namespace {

using test::basic;
using test::bounded;
using test::flat_spec;
using test::higher;
using test::lower;
using test::mentions;

Date day(const char* iso) { return parse_date(iso, "test"); }

void observe(ObservationStore& store, const char* unit, const char* date, double value, std::optional<Date> recorded = {}) {
    Observation o;
    o.unit = unit;
    o.indicator = "green";
    o.date = day(date);
    o.value = value;
    o.recorded = recorded;
    store.add(o);
}

Task task(const char* id, const char* title, const char* due) {
    Task t;
    t.id = id;
    t.titles = {title};
    t.start = day("2026-01-05");
    t.due = day(due);
    return t;
}

Campaign campaign() {
    CampaignSpec spec;
    spec.id = "small";
    CampaignTitle garden;
    garden.id = "garden";
    garden.framework = "garden.json";
    garden.dates.inspection = day("2026-07-01");
    CampaignTitle sanitary;
    sanitary.id = "sanitary";
    spec.titles = {garden, sanitary};
    spec.units = {{"city", "市", "", {}}, {"d1", "一区", "city", {}}, {"d2", "二区", "city", {}}};
    // Overdue on the 15th: the city's garden task (due Fri 9 January) and d1's sanitary task
    // (due Mon 5 January), in the sub-plan whose id is the unit's.
    PlanSpec plan;
    plan.id = "plan";
    plan.titles = {{"garden", ""}, {"sanitary", ""}};
    plan.tasks = {task("root_task", "garden", "2026-01-09")};
    PlanSpec d1;
    d1.id = "d1";
    d1.tasks = {task("d1_task", "sanitary", "2026-01-05")};
    plan.subplans = {d1};

    ObservationStore store;
    // city: 30, 33, 36.5: meets the line now, rising.
    observe(store, "city", "2025-01-01", 30);
    observe(store, "city", "2025-07-01", 33);
    observe(store, "city", "2026-01-01", 36.5);
    // d1: 34, then 35 365 days later: short now; at 1 per 365 days, 35 + 181 / 365 = 35.5 on 1 July
    // (181 days on): still short.
    observe(store, "d1", "2025-01-01", 34);
    observe(store, "d1", "2026-01-01", 35);
    // d2: 30, then 35: short now; at 5 per 365 days, 35 + 5 x 181 / 365 = 37.5 on 1 July: met.
    // A correction recorded on 1 February makes the January value 36.
    observe(store, "d2", "2025-01-01", 30);
    observe(store, "d2", "2026-01-01", 35);
    observe(store, "d2", "2026-01-01", 36, day("2026-02-01"));

    const Framework framework(flat_spec({basic(bounded(higher("green", 36), 0, 100))}, "garden"));
    return Campaign(spec, {{"garden", framework}}, WorkCalendar(), Plan(plan), store);
}

TEST(Readiness, RedAmberGreenWithTheirReasons) {
    ReadinessOptions options;
    options.known_on = day("2026-01-20");  // before the correction
    const Readiness r = readiness(campaign(), day("2026-01-15"), options);
    const TitleReadiness& garden = r.title("garden");
    ASSERT_EQ(garden.units, (std::vector<std::string>{"city", "d1", "d2"}));
    ASSERT_TRUE(garden.now && garden.at_inspection);
    EXPECT_EQ(garden.inspection, day("2026-07-01"));
    EXPECT_EQ(garden.now->passed, (std::vector<bool>{true, false, false}));
    EXPECT_EQ(garden.at_inspection->passed, (std::vector<bool>{true, false, true}));
    EXPECT_NEAR(garden.at_inspection->values(1, 0), 35.0 + 181.0 / 365.0, 1e-9);
    EXPECT_NEAR(garden.at_inspection->values(2, 0), 35.0 + 5.0 * 181.0 / 365.0, 1e-9);
    // The city passes both, but its overdue garden task makes it amber.
    EXPECT_EQ(garden.rag, (std::vector<Rag>{Rag::amber, Rag::red, Rag::amber}));
    EXPECT_EQ(garden.overdue_tasks[0], (std::vector<std::string>{"root_task"}));
    EXPECT_TRUE(garden.overdue_tasks[1].empty());  // d1's task serves the sanitary title
    EXPECT_TRUE(mentions(garden.reasons[0], "1 overdue task bears on it")) << garden.reasons[0].text(Language::en);
    EXPECT_TRUE(mentions(garden.reasons[1], "fails now and is projected to fail at the inspection (2026-07-01)")) << garden.reasons[1].text(Language::en);
    EXPECT_TRUE(mentions(garden.reasons[1], "1 basic items not met")) << garden.reasons[1].text(Language::en);
    EXPECT_TRUE(mentions(garden.reasons[2], "fails now, projected to pass")) << garden.reasons[2].text(Language::en);
    // The sanitary title has no framework: its tasks alone. The top unit sees every sub-plan's.
    const TitleReadiness& sanitary = r.title("sanitary");
    EXPECT_FALSE(sanitary.now.has_value());
    EXPECT_EQ(sanitary.rag, (std::vector<Rag>{Rag::amber, Rag::amber, Rag::green}));
    EXPECT_EQ(sanitary.overdue_tasks[1], (std::vector<std::string>{"d1/d1_task"}));
    EXPECT_EQ(to_string(r), "Readiness(2026-01-15; garden: 1 red, 2 amber, 0 green; sanitary: 0 red, 2 amber, 1 green)");
}

TEST(Readiness, AsKnownOnALaterDayTheCorrectionCounts) {
    // With every record, d2's January value is 36: it meets the line now and, rising 6 a year,
    // at the inspection: green.
    const Readiness r = readiness(campaign(), day("2026-01-15"));
    const TitleReadiness& garden = r.title("garden");
    EXPECT_DOUBLE_EQ(garden.now->values(2, 0), 36.0);
    EXPECT_EQ(garden.rag[2], Rag::green);
    EXPECT_TRUE(mentions(garden.reasons[2], "passes now and is projected to pass")) << garden.reasons[2].text(Language::en);
}

TEST(Readiness, AfterTheInspectionDateThereIsNoProjection) {
    const Readiness r = readiness(campaign(), day("2026-07-02"));
    const TitleReadiness& garden = r.title("garden");
    EXPECT_FALSE(garden.inspection.has_value());
    EXPECT_FALSE(garden.at_inspection.has_value());
    EXPECT_EQ(garden.rag[1], Rag::red);
    EXPECT_EQ(garden.reasons[1].text(Language::en).rfind("fails now", 0), 0u) << garden.reasons[1].text(Language::en);
    EXPECT_THROW((void)r.title("nope"), NotFoundError);
    ReadinessOptions bad;
    bad.trend_points = 1;
    EXPECT_THROW((void)readiness(campaign(), day("2026-01-15"), bad), ValidationError);
}

// ---- the unit rules, targets and surveys -----------------------------------------------------
// A second campaign, worked by hand: units city > d1, d2; the status date 2026-01-15, the
// inspection 2026-07-01. Five indicators, pass/fail, weight 1 each:
//   park       >= 14.8, sub-units >= 5.5 (subunit_pass)
//   gardens    >= 11, scope top_unit
//   mortality  <= 5.6, met by level or trend (two consecutive falls)
//   incidence  <= 100, not above the mean of the previous 2 years (history_average)
//   happy      >= 90 %, a questionnaire with sample sizes

void add(ObservationStore& store, const char* unit, const char* indicator, const char* date, double value,
         std::optional<int> sample = std::nullopt) {
    Observation o;
    o.unit = unit;
    o.indicator = indicator;
    o.date = day(date);
    o.value = value;
    o.sample_size = sample;
    if (sample) o.mode = AssessmentMode::questionnaire;
    store.add(o);
}

Framework rules_framework() {
    Indicator park = bounded(higher("park", 14.8), 0, 1000);
    park.subunit_pass = Interval::at_least(5.5);
    Indicator gardens = higher("gardens", 11);
    gardens.scope = IndicatorScope::top_unit;
    Indicator mortality = lower("mortality", 5.6);
    mortality.met_by = MetBy::level_or_trend;
    Indicator incidence = lower("incidence", 100);
    incidence.history_average = HistoryAverageRule{2, 2, false};
    Indicator happy = bounded(higher("happy", 90), 0, 100);
    happy.unit = "%";
    happy.mode = "questionnaire";
    return Framework(flat_spec({park, gardens, mortality, incidence, happy}, "rules"));
}

Campaign rules_campaign(std::vector<Target> targets = {}) {
    CampaignSpec spec;
    spec.id = "rules";
    CampaignTitle garden;
    garden.id = "garden";
    garden.framework = "rules.json";
    garden.dates.inspection = day("2026-07-01");
    spec.titles = {garden};
    spec.units = {{"city", "市", "", {}}, {"d1", "一区", "city", {}}, {"d2", "二区", "city", {}}};
    spec.departments = {{"parks", "园林局", "", ""}};
    spec.targets = std::move(targets);
    ObservationStore store;
    // park: the city 15 meets 14.8, but d2's 5 is below the sub-unit line 5.5; d1's 6 meets it.
    add(store, "city", "park", "2026-01-01", 15);
    add(store, "d1", "park", "2026-01-01", 6);
    add(store, "d2", "park", "2026-01-01", 5);
    // gardens: the city 11 (met); the districts' 1 and 2 are not assessed. d1 built its first in
    // the second half of 2025, d2 its two.
    add(store, "city", "gardens", "2025-07-01", 9);
    add(store, "city", "gardens", "2026-01-01", 11);
    add(store, "d1", "gardens", "2025-07-01", 0);
    add(store, "d1", "gardens", "2026-01-01", 1);
    add(store, "d2", "gardens", "2025-07-01", 0);
    add(store, "d2", "gardens", "2026-01-01", 2);
    // mortality: the city 6.0, 5.9, 5.8 falls twice (met by trend); d1 6.0, 6.1, 5.9 rises then
    // falls (not met); d2 5.0 meets the level.
    const char* dates[] = {"2025-01-01", "2025-07-01", "2026-01-01"};
    const double city[] = {6.0, 5.9, 5.8}, d1[] = {6.0, 6.1, 5.9};
    for (int k = 0; k < 3; ++k) {
        add(store, "city", "mortality", dates[k], city[k]);
        add(store, "d1", "mortality", dates[k], d1[k]);
    }
    add(store, "d2", "mortality", "2026-01-01", 5.0);
    // incidence, one value a year: the city 10, 12, then 10 <= mean(10, 12) = 11 (met); d1 10, 10,
    // then 11 > 10 (not met, though far below the line 100); d2 has 2025 alone (the line decides).
    const char* years[] = {"2023-12-31", "2024-12-31", "2025-12-31"};
    const double city_i[] = {10, 12, 10}, d1_i[] = {10, 10, 11};
    for (int k = 0; k < 3; ++k) {
        add(store, "city", "incidence", years[k], city_i[k]);
        add(store, "d1", "incidence", years[k], d1_i[k]);
    }
    add(store, "d2", "incidence", "2025-12-31", 40);
    // happy: the city 89 then 91 % of 400; d1 95 % of 1000; d2 85 % of 400.
    add(store, "city", "happy", "2025-07-01", 89, 400);
    add(store, "city", "happy", "2026-01-01", 91, 400);
    add(store, "d1", "happy", "2026-01-01", 95, 1000);
    add(store, "d2", "happy", "2026-01-01", 85, 400);
    return Campaign(spec, {{"garden", rules_framework()}}, WorkCalendar(), std::nullopt, store);
}

Outcome outcome(const BatchEvaluation& batch, std::size_t unit, const char* id) {
    const auto col = std::find(batch.indicator_ids.begin(), batch.indicator_ids.end(), id) - batch.indicator_ids.begin();
    return static_cast<Outcome>(batch.outcomes(static_cast<Eigen::Index>(unit), col));
}

const Ruling* ruling(const std::vector<Ruling>& rulings, const char* unit, const char* indicator, RulingKind kind) {
    const Ruling* found = nullptr;
    for (const Ruling& r : rulings)
        if (r.unit == unit && r.indicator == indicator && r.kind == kind) found = &r;
    return found;
}

TEST(Readiness, UnitRulesDecideTheOutcomes) {
    const Readiness r = readiness(rules_campaign(), day("2026-01-15"));
    const TitleReadiness& t = r.title("garden");
    const BatchEvaluation& now = *t.now;
    // subunit_pass: the city fails because of d2; d1 meets the sub-unit line, d2 misses it.
    EXPECT_EQ(outcome(now, 0, "park"), Outcome::not_met);
    EXPECT_EQ(outcome(now, 1, "park"), Outcome::met);
    EXPECT_EQ(outcome(now, 2, "park"), Outcome::not_met);
    const Ruling* park = ruling(t.rulings, "city", "park", RulingKind::subunit);
    ASSERT_NE(park, nullptr);
    EXPECT_TRUE(mentions(park->reason, "d2 5")) << park->reason.text(Language::en);
    EXPECT_TRUE(mentions(park->reason, ">= 5.5")) << park->reason.text(Language::en);
    // top_unit: judged for the city only.
    EXPECT_EQ(outcome(now, 0, "gardens"), Outcome::met);
    EXPECT_EQ(outcome(now, 1, "gardens"), Outcome::missing);
    EXPECT_EQ(ruling(t.rulings, "d1", "gardens", RulingKind::scope)->outcome, Outcome::missing);
    // level_or_trend: the city by its two falls, d1 not, d2 by its level.
    EXPECT_EQ(outcome(now, 0, "mortality"), Outcome::met);
    EXPECT_EQ(outcome(now, 1, "mortality"), Outcome::not_met);
    EXPECT_EQ(outcome(now, 2, "mortality"), Outcome::met);
    // history_average: the city 10 <= 11, d1 11 > 10, d2 on its line.
    EXPECT_EQ(outcome(now, 0, "incidence"), Outcome::met);
    EXPECT_EQ(outcome(now, 1, "incidence"), Outcome::not_met);
    EXPECT_EQ(outcome(now, 2, "incidence"), Outcome::met);
    EXPECT_TRUE(mentions(ruling(t.rulings, "d2", "incidence", RulingKind::history_average)->reason, "judged on the line <= 100"));
    // The counts follow. City: park fails, the other four met, 4 of 5, 80 points.
    EXPECT_EQ(now.met(0), 4);
    EXPECT_EQ(now.assessed(0), 5);
    EXPECT_NEAR(now.totals(0), 80.0, 1e-9);
    EXPECT_FALSE(now.passed[0]);
    // d1: gardens not assessed; park and happy met, mortality and incidence not: 2 of 4, 50 points.
    EXPECT_EQ(now.met(1), 2);
    EXPECT_EQ(now.assessed(1), 4);
    EXPECT_NEAR(now.totals(1), 50.0, 1e-9);
    // d2: park (5 < 5.5) and happy (85) miss: 2 of 4.
    EXPECT_EQ(now.met(2), 2);
    // Facts: what a rule decided against the level alone.
    EXPECT_EQ(t.facts[0].ruled_not_met, (std::vector<std::string>{"park"}));
    EXPECT_EQ(t.facts[0].ruled_met, (std::vector<std::string>{"mortality"}));
    EXPECT_EQ(t.facts[1].ruled_met, (std::vector<std::string>{"park"}));  // 6 < 14.8 but >= 5.5
    EXPECT_EQ(t.facts[1].ruled_not_met, (std::vector<std::string>{"mortality", "incidence"}));
    EXPECT_EQ(t.facts[0].passes_now, false);
}

TEST(Readiness, UnitRulesAtTheInspection) {
    const Readiness r = readiness(rules_campaign(), day("2026-01-15"));
    const TitleReadiness& t = r.title("garden");
    const BatchEvaluation& ahead = *t.at_inspection;
    // d1's mortality, projected along the least-squares slope of 6.0, 6.1, 5.9 (-0.1004 a year)
    // to 5.85, still misses 5.6, and its observed trend does not fall twice: not met.
    EXPECT_NEAR(ahead.values(1, 2), 5.85, 0.001);
    EXPECT_EQ(outcome(ahead, 1, "mortality"), Outcome::not_met);
    // The city's mortality: the projected level 5.8 - 0.2 x 181 / 365.25 = 5.70 misses, the
    // observed trend meets.
    EXPECT_EQ(outcome(ahead, 0, "mortality"), Outcome::met);
    // d2's park stays at 5 (one point): the city still fails park at the inspection.
    EXPECT_EQ(outcome(ahead, 0, "park"), Outcome::not_met);
    EXPECT_EQ(outcome(ahead, 1, "gardens"), Outcome::missing);
    ASSERT_NE(ruling(t.rulings_at_inspection, "city", "park", RulingKind::subunit), nullptr);
    EXPECT_EQ(t.rag[0], Rag::red);
    EXPECT_EQ(t.facts[0].passes_at_inspection, false);
}

TEST(SeriesTrends, EverySeriesAsReadinessSeesIt) {
    const Campaign campaign = rules_campaign();
    const Date as_of = day("2026-01-15");
    const std::vector<SeriesTrend> trends = series_trends(campaign, "garden", as_of);
    const auto find = [&](const char* unit, const char* indicator) -> const SeriesTrend* {
        for (const SeriesTrend& t : trends)
            if (t.unit == unit && t.indicator == indicator) return &t;
        return nullptr;
    };
    // Units in the campaign's order, indicators in the framework's; gardens for the city only.
    ASSERT_EQ(trends.size(), 5u + 4u + 4u);
    EXPECT_EQ(trends[0].unit + "/" + trends[0].indicator, "city/park");
    EXPECT_EQ(trends[5].unit + "/" + trends[5].indicator, "d1/park");
    EXPECT_EQ(find("d1", "gardens"), nullptr);
    // The city's happy: 89 then 91 in 184 days, 2 / (184 / 365.25) a year; 91 + 2 x 181 / 184 on 1 July.
    const SeriesTrend* happy = find("city", "happy");
    ASSERT_NE(happy, nullptr);
    EXPECT_EQ(happy->points, 2);
    EXPECT_EQ(happy->latest_date, day("2026-01-01"));
    EXPECT_NEAR(*happy->slope, 2 * 365.25 / 184, 1e-9);
    EXPECT_NEAR(*happy->projected, 91 + 2.0 * 181 / 184, 1e-9);
    EXPECT_EQ(happy->line, Interval::at_least(90));
    EXPECT_EQ(happy->reach_date, day("2026-01-01"));  // 91 meets 90 already
    EXPECT_EQ(happy->progress, ProgressState::target_met);
    // d1's park: one point, judged on the sub-unit line, carried as it is.
    const SeriesTrend* park = find("d1", "park");
    EXPECT_EQ(park->points, 1);
    EXPECT_FALSE(park->slope);
    EXPECT_EQ(park->line, Interval::at_least(5.5));
    EXPECT_EQ(park->projected, 6.0);
    EXPECT_FALSE(park->progress);
    // d1's mortality 6.0, 6.1, 5.9 falls 0.1 a year: 5.6 is reached after the inspection, and the
    // ratio of observed to needed falls short of 0.6 (limited progress).
    const SeriesTrend* mortality = find("d1", "mortality");
    ASSERT_TRUE(mortality->reach_date);
    EXPECT_GT(*mortality->reach_date, day("2026-07-01"));
    EXPECT_EQ(mortality->progress, ProgressState::limited_progress);
    // Every projection is the one readiness evaluates at the inspection.
    const Readiness whole = readiness(campaign, as_of);
    const TitleReadiness& r = whole.title("garden");
    for (const SeriesTrend& t : trends) {
        const auto row = static_cast<Eigen::Index>(campaign.unit_index(t.unit));
        const auto col = std::find(r.at_inspection->indicator_ids.begin(), r.at_inspection->indicator_ids.end(), t.indicator) -
                         r.at_inspection->indicator_ids.begin();
        EXPECT_EQ(*t.projected, r.at_inspection->values(row, col)) << t.unit << "/" << t.indicator;
    }
    // After the inspection date: nothing is projected, progress is judged by direction alone.
    const std::vector<SeriesTrend> late = series_trends(campaign, "garden", day("2026-08-01"));
    EXPECT_FALSE(late[0].projected);
    EXPECT_THROW((void)series_trends(campaign, "nope", as_of), NotFoundError);
    ReadinessOptions one;
    one.trend_points = 1;
    EXPECT_THROW((void)series_trends(campaign, "garden", as_of, one), ValidationError);
}

TEST(Readiness, SurveysCarryTheirSamplingError) {
    const Readiness r = readiness(rules_campaign(), day("2026-01-15"));
    const TitleReadiness& t = r.title("garden");
    ASSERT_EQ(t.surveys.size(), 3u);
    const SurveyCheck& city = t.surveys[0];
    EXPECT_EQ(city.unit, "city");
    EXPECT_EQ(city.sample_size, 400);
    EXPECT_EQ(city.date, day("2026-01-01"));
    // 364 of 400: Beta(365, 37) has mean 0.908 and sd sqrt(0.908 x 0.092 / 403) = 0.0144, so
    // P(p >= 0.9) is about Phi(0.0080 / 0.0144) = Phi(0.56) = 0.71: met, but in doubt.
    EXPECT_NEAR(city.probability, 0.71, 0.03);
    EXPECT_TRUE(city.meets);
    EXPECT_TRUE(city.in_doubt);
    EXPECT_LT(city.low, 90.0);
    EXPECT_GT(city.high, 91.0);
    EXPECT_TRUE(mentions(city.reason, "happy 91.0% (n=400) meets 90% with probability 0.7")) << city.reason.text(Language::en);
    // 950 of 1000: sure; 85 %: misses (not "in doubt", simply not met).
    EXPECT_FALSE(t.surveys[1].in_doubt);
    EXPECT_GT(t.surveys[1].probability, 0.999);
    EXPECT_FALSE(t.surveys[2].meets);
    EXPECT_FALSE(t.surveys[2].in_doubt);
    EXPECT_EQ(t.facts[0].surveys_in_doubt, (std::vector<std::string>{"happy"}));
    EXPECT_TRUE(mentions(t.reasons[0], "with probability")) << t.reasons[0].text(Language::en);
    // With a lower bar of confidence the doubt goes.
    ReadinessOptions lenient;
    lenient.survey_confidence = 0.5;
    EXPECT_FALSE(readiness(rules_campaign(), day("2026-01-15"), lenient).title("garden").surveys[0].in_doubt);
    lenient.survey_confidence = 1.0;
    EXPECT_THROW((void)readiness(rules_campaign(), day("2026-01-15"), lenient), ValidationError);
}

TEST(Readiness, TargetsAreTrackedPerUnit) {
    std::vector<Target> targets;
    targets.push_back({"garden", "gardens", "d1", 2, day("2026-04-30"), ""});
    targets.push_back({"garden", "gardens", "d2", 2, day("2026-04-30"), ""});
    targets.push_back({"garden", "park", "city", 16, day("2026-01-10"), "parks"});
    targets.push_back({"garden", "happy", "", 92, std::nullopt, ""});  // every unit, by the inspection
    targets.push_back({"garden", "happy", "d2", 80, std::nullopt, ""});  // d2's own replaces it
    const Readiness r = readiness(rules_campaign(targets), day("2026-01-15"));
    const TitleReadiness& t = r.title("garden");
    ASSERT_EQ(t.targets.size(), 6u);
    // d1: 0 then 1 in 184 days, 1.985 a year: 1 + 1.985 x 119 / 365.25 = 1.65 on 30 April < 2.
    const TargetProgress& d1 = t.targets[0];
    EXPECT_EQ(d1.unit, "d1");
    EXPECT_EQ(d1.latest, 1.0);
    EXPECT_EQ(d1.latest_date, day("2026-01-01"));
    ASSERT_TRUE(d1.projected);
    EXPECT_NEAR(*d1.projected, 1.0 + (365.25 / 184.0) * 119.0 / 365.25, 1e-9);
    EXPECT_FALSE(d1.on_track);
    EXPECT_EQ(d1.state, TargetState::off_track);
    EXPECT_EQ(t.targets[1].state, TargetState::met);  // d2 has its 2
    // The city's park 15 < 16, due 10 January: overdue.
    EXPECT_EQ(t.targets[2].state, TargetState::overdue);
    EXPECT_EQ(t.targets[2].department, "parks");
    EXPECT_FALSE(t.targets[2].projected.has_value());
    // happy 92 for every unit but d2 (its own), by the inspection 2026-07-01: the city 91 + 2 x
    // 181 / 184 = 92.97 is on track; d1's 95 is met.
    EXPECT_EQ(t.targets[3].unit, "city");
    EXPECT_TRUE(t.targets[3].every_unit);
    EXPECT_EQ(t.targets[3].deadline, day("2026-07-01"));
    EXPECT_NEAR(*t.targets[3].projected, 91.0 + 2.0 * 181.0 / 184.0, 1e-9);
    EXPECT_EQ(t.targets[3].state, TargetState::on_track);
    EXPECT_EQ(t.targets[4].unit, "d1");
    EXPECT_EQ(t.targets[4].state, TargetState::met);
    EXPECT_EQ(t.targets[5].unit, "d2");
    EXPECT_EQ(t.targets[5].state, TargetState::met);
    // Facts and verdicts: the city's overdue target, d1's off-track one.
    EXPECT_EQ(t.facts[0].targets_off_track, (std::vector<std::string>{"park"}));
    EXPECT_EQ(t.facts[1].targets_off_track, (std::vector<std::string>{"gardens"}));
    EXPECT_TRUE(mentions(t.reasons[1], "target gardens >= 2 by 2026-04-30")) << t.reasons[1].text(Language::en);
    EXPECT_TRUE(mentions(t.reasons[1], "off_track")) << t.reasons[1].text(Language::en);
}

TEST(Readiness, AnOffTrackTargetMakesAPassingUnitAmber) {
    // d1 passes once the hard rules are gone: a framework of gardens alone (top_unit: nothing
    // to judge for d1, which then has no counted indicator) would not do, so use happy alone.
    CampaignSpec spec = rules_campaign().spec();
    spec.targets = {{"garden", "happy", "d1", 99, day("2026-06-30"), ""}};
    Indicator happy = bounded(higher("happy", 90), 0, 100);
    const Framework f(flat_spec({happy}, "happy"));
    ObservationStore store;
    add(store, "d1", "happy", "2025-07-01", 95);
    add(store, "d1", "happy", "2026-01-01", 95);
    const Campaign c(spec, {{"garden", f}}, WorkCalendar(), std::nullopt, store);
    const TitleReadiness t = readiness(c, day("2026-01-15")).title("garden");
    EXPECT_TRUE(t.now->passed[1]);
    EXPECT_TRUE(t.at_inspection->passed[1]);
    EXPECT_EQ(t.targets[0].state, TargetState::off_track);  // flat at 95
    EXPECT_EQ(t.rag[1], Rag::amber);
    EXPECT_TRUE(mentions(t.reasons[1], "passes now and is projected to pass")) << t.reasons[1].text(Language::en);
    EXPECT_TRUE(mentions(t.reasons[1], "target happy >= 99 by 2026-06-30")) << t.reasons[1].text(Language::en);
}

TEST(Readiness, SubUnitsOfAFrameworkOfCityWideItemsAreNotJudged) {
    // A framework whose one item is the city's: the districts are judged on their tasks and
    // targets alone (green here), the city on the item (11 of 11: passes).
    CampaignSpec spec = rules_campaign().spec();
    Indicator gardens = higher("gardens", 11);
    gardens.scope = IndicatorScope::top_unit;
    const Framework f(flat_spec({gardens}, "city-only"));
    ObservationStore store;
    add(store, "city", "gardens", "2026-01-01", 11);
    add(store, "d1", "gardens", "2026-01-01", 1);
    const Campaign c(spec, {{"garden", f}}, WorkCalendar(), std::nullopt, store);
    const TitleReadiness t = readiness(c, day("2026-01-15")).title("garden");
    EXPECT_EQ(t.rag, (std::vector<Rag>{Rag::green, Rag::green, Rag::green}));
    EXPECT_EQ(t.facts[0].passes_now, true);
    EXPECT_FALSE(t.facts[1].passes_now.has_value());
    EXPECT_TRUE(mentions(t.reasons[1], "not judged on the framework")) << t.reasons[1].text(Language::en);
}

// ---- messages in Chinese ---------------------------------------------------------------------

TEST(ReadinessMessages, ReadInChinese) {
    const Readiness r = readiness(campaign(), day("2026-07-02"));
    try {
        (void)r.title("nope");
        ADD_FAILURE() << "expected NotFoundError";
    } catch (const NotFoundError& e) {
        EXPECT_EQ(e.what(), std::string("unknown title 'nope' in the readiness"));
        EXPECT_EQ(e.message(Language::zh), "达标预判中没有称号 'nope'");
    }
    ReadinessOptions bad;
    bad.trend_points = 1;
    try {
        (void)readiness(campaign(), day("2026-01-15"), bad);
        ADD_FAILURE() << "expected ValidationError";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.what(), std::string("trend_points: 1 points cannot make a trend; expected 2 or more"));
        EXPECT_EQ(e.message(Language::zh), "trend_points: 1 个点无法构成趋势；应为 2 个或以上");
    }
    ReadinessOptions sure;
    sure.survey_confidence = 1.0;
    try {
        (void)readiness(campaign(), day("2026-01-15"), sure);
        ADD_FAILURE() << "expected ValidationError";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.message(Language::zh), "survey_confidence: 1 超出 (0, 1)；应为 (0, 1) 内的概率");
    }
}

TEST(ReadinessMessages, ReasonsReadInBothLanguages) {
    const Readiness r = readiness(rules_campaign({{"garden", "gardens", "d1", 2, day("2026-04-30"), ""}}), day("2026-01-15"));
    const TitleReadiness& t = r.title("garden");
    // The city fails park through d2 (the sub-unit rule), and its mortality is met by the trend.
    const Ruling* park = ruling(t.rulings, "city", "park", RulingKind::subunit);
    EXPECT_EQ(park->reason.text(Language::en), "meets its own line >= 14.8 (15); sub-units below the sub-unit line >= 5.5: d2 5");
    EXPECT_EQ(park->reason.text(Language::zh), "达到本级标准 >= 14.8（15）；低于下级单位标准 >= 5.5 的下级单位: d2 5");
    const Ruling* mortality = ruling(t.rulings, "city", "mortality", RulingKind::level_or_trend);
    EXPECT_EQ(mortality->reason.text(Language::zh), "最新值 5.8 (2026-01-01) 未达到 <= 5.6；最近 2 次变化均为下降");
    const Ruling* gardens = ruling(t.rulings, "d1", "gardens", RulingKind::scope);
    EXPECT_EQ(gardens->reason.text(Language::zh), "全市性指标: 只评价最上级单位，此处不评价");
    // The unit's verdict and the target behind it, part by part: d1 built 1 garden in 184 days,
    // 1 + 365.25 / 184 x 119 / 365.25 = 1.65 by 30 April.
    EXPECT_EQ(t.reasons[0].text(Language::zh).rfind("目前未达标，预计迎检时（2026-07-01）仍未达标；", 0), 0u) << t.reasons[0].text(Language::zh);
    EXPECT_EQ(t.targets[0].reason.text(Language::zh), "目标 gardens >= 2（期限 2026-04-30）: 最新 1（2026-01-01），预计 1.65: off_track");
    EXPECT_TRUE(mentions(t.reasons[1], "target gardens >= 2 by 2026-04-30: latest 1 (2026-01-01), projected 1.65: off_track"))
        << t.reasons[1].text(Language::en);
    // A survey item, in Chinese.
    for (const SurveyCheck& c : t.surveys)
        if (c.unit == "city") {
            EXPECT_EQ(c.reason.text(Language::zh), "happy 91.0%（n=400）以概率 0.72 达到 90%");
        }
}

TEST(ReadinessMessages, SurveyChecksReadInChinese) {
    // The sampling checks readiness makes of its surveys (src/tracking/survey.cpp).
    try {
        (void)proportion_interval(120, 400);
        ADD_FAILURE() << "expected ValidationError";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.what(), std::string("estimate: 120 is outside [0, 1]; expected a proportion (pass scale='percent' for 0-100)"));
        EXPECT_EQ(e.message(Language::zh), "estimate: 120 超出 [0, 1]；应为比例（0-100 的数值请传入 scale='percent'）");
    }
    try {
        (void)proportion_interval(0.9, 0);
        ADD_FAILURE() << "expected ValidationError";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.message(Language::zh), "n: 0；样本量应至少为 1");
    }
}

}  // namespace
}  // namespace civitas
