// Readiness of a small campaign, worked by hand: one framework title ("garden": a basic item,
// green coverage >= 36 %, bounds [0, 100], inspection 2026-07-01) and one title tracked by its
// plan alone ("sanitary"); units city > d1, d2; the status date is Thursday 2026-01-15.

#include "support.hpp"

#include <civitas/readiness.hpp>

namespace civitas {
namespace {

using test::basic;
using test::bounded;
using test::flat_spec;
using test::higher;
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
    EXPECT_TRUE(mentions(garden.reasons[0], "1 overdue task bears on it")) << garden.reasons[0];
    EXPECT_TRUE(mentions(garden.reasons[1], "fails now and is projected to fail at the inspection (2026-07-01)")) << garden.reasons[1];
    EXPECT_TRUE(mentions(garden.reasons[1], "1 basic items not met")) << garden.reasons[1];
    EXPECT_TRUE(mentions(garden.reasons[2], "fails now, projected to pass")) << garden.reasons[2];
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
    EXPECT_TRUE(mentions(garden.reasons[2], "passes now and is projected to pass")) << garden.reasons[2];
}

TEST(Readiness, AfterTheInspectionDateThereIsNoProjection) {
    const Readiness r = readiness(campaign(), day("2026-07-02"));
    const TitleReadiness& garden = r.title("garden");
    EXPECT_FALSE(garden.inspection.has_value());
    EXPECT_FALSE(garden.at_inspection.has_value());
    EXPECT_EQ(garden.rag[1], Rag::red);
    EXPECT_EQ(garden.reasons[1].rfind("fails now", 0), 0u) << garden.reasons[1];
    EXPECT_THROW((void)r.title("nope"), NotFoundError);
    ReadinessOptions bad;
    bad.trend_points = 1;
    EXPECT_THROW((void)readiness(campaign(), day("2026-01-15"), bad), ValidationError);
}

}  // namespace
}  // namespace civitas
