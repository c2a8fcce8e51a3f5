// Campaigns (civitas-campaign/1): validation of titles, units, departments, targets and the plan
// against the frameworks they name, the queries, and campaign files: strict reading with the
// file and JSON path in every error, frameworks and calendars by bundled id or by path, the
// plan in place or in its own file, lossless round trips, and the bundled Lanzhou example.
//
// The bundled frameworks and calendars come from CIVITAS_DATA_DIR (set by ctest to data/).

#include "support.hpp"

#include <civitas/io/bundled_data.hpp>
#include <civitas/io/calendar_io.hpp>
#include <civitas/io/campaign_io.hpp>
#include <civitas/io/framework_io.hpp>
#include <civitas/io/plan_io.hpp>
#include <civitas/tracking/campaign.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace civitas {
namespace {

using civitas::test::chinese_error;

using test::TempFolder;

using civitas::test::bounded;
using civitas::test::flat_spec;
using civitas::test::higher;
using civitas::test::mentions_all_and_any;
using civitas::test::observation;
using civitas::test::validation_message;
using Json = nlohmann::ordered_json;

Date day(const char* iso) { return parse_date(iso, "test"); }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const std::filesystem::path repository = std::filesystem::path(CIVITAS_TEST_DATA_DIR) / ".." / "..";
const std::filesystem::path lanzhou = repository / "examples" / "lanzhou" / "campaign.json";

// ---------------------------------------------------------------------------------------------
// Small frameworks and a campaign built in code.

// "green-test": coverage in [0, 100] with class lines (large >= 38, small >= 34, else >= 36),
// and parks (>= 10, bounded below by 0).
Framework green_framework() {
    Indicator coverage = bounded(higher("coverage", 36), 0, 100);
    coverage.pass_by_class = {{"large", Interval::at_least(38)}, {"small", Interval::at_least(34)}};
    Indicator parks = higher("parks", 10);
    parks.bounds = Interval::at_least(0);
    return Framework(flat_spec({coverage, parks}, "green-test"));
}

// "air-test": one indicator, no class lines, no bounds.
Framework air_framework() { return Framework(flat_spec({higher("good_days", 292)}, "air-test")); }

CampaignTitle title(std::string id, std::string framework, TitleDates dates = {}) {
    CampaignTitle t;
    t.id = std::move(id);
    t.name = t.id;
    t.framework = std::move(framework);
    t.dates = dates;
    return t;
}

CampaignUnit unit(std::string id, std::string parent = "", std::map<std::string, std::string> classes = {}) {
    CampaignUnit u;
    u.id = std::move(id);
    u.name = u.id;
    u.parent = std::move(parent);
    u.classes = std::move(classes);
    return u;
}

Target target(std::string title_id, std::string indicator, std::string unit_id, double value, std::string department = "") {
    Target t;
    t.title = std::move(title_id);
    t.indicator = std::move(indicator);
    t.unit = std::move(unit_id);
    t.value = value;
    t.department = std::move(department);
    return t;
}

// Titles garden (green-test), air (air-test), sanitary (no framework); units city > east >
// school and city > west; two departments; four targets.
CampaignSpec city_spec() {
    CampaignSpec spec;
    spec.id = "city";
    spec.name = "示例市创建";
    spec.language = "zh";
    spec.titles = {title("garden", "frameworks/green.json", {day("2025-09-01"), day("2026-08-14"), day("2026-10-30")}),
                   title("air", "air-test"), title("sanitary", "")};
    spec.units = {unit("city"), unit("east", "city", {{"garden", "large"}}), unit("west", "city", {{"garden", "small"}}),
                  unit("school", "east")};
    spec.departments = {{"gardens", "市园林局", "分管副市长", ""}, {"ecology", "市生态环境局", "", ""}};
    Target coverage = target("garden", "coverage", "city", 40, "gardens");
    coverage.deadline = day("2026-06-30");
    spec.targets = {coverage, target("garden", "parks", "", 12), target("garden", "parks", "east", 5),
                    target("air", "good_days", "", 300, "ecology")};
    return spec;
}

std::map<std::string, Framework> city_frameworks() { return {{"garden", green_framework()}, {"air", air_framework()}}; }

Campaign city(CampaignSpec spec = city_spec()) { return Campaign(std::move(spec), city_frameworks()); }

// A plan for the campaign's titles: a milestone and a task, titles implied (empty).
PlanSpec city_plan() {
    PlanSpec plan;
    plan.id = "city-plan";
    Task kickoff;
    kickoff.id = "kickoff";
    kickoff.milestone = true;
    kickoff.start = kickoff.due = day("2025-09-01");
    Task parks;
    parks.id = "parks";
    parks.titles = {"garden"};
    parks.start = day("2025-09-02");
    parks.due = day("2025-12-31");
    parks.depends_on = {{"kickoff"}};
    plan.tasks = {kickoff, parks};
    return plan;
}

// ---------------------------------------------------------------------------------------------
// Campaign: built in code

TEST(Campaign, BuildsFromAValidSpec) {
    const Campaign c = city();
    EXPECT_EQ(c.spec(), city_spec());
    EXPECT_EQ(c.frameworks().size(), 2U);
    EXPECT_EQ(c.framework("garden").id(), "green-test");
    EXPECT_EQ(c.framework("air").id(), "air-test");
    EXPECT_FALSE(c.plan().has_value());
    EXPECT_EQ(c.calendar(), WorkCalendar{});
}

TEST(Campaign, EqualityComparesTheObservationsAndTheRowsLeftOut) {
    ObservationStore some;
    some.add(observation("city", "coverage", day("2025-06-30"), 38.5));
    ObservationStore other;
    other.add(observation("city", "coverage", day("2025-06-30"), 39.0));
    const Campaign with_some(city_spec(), city_frameworks(), {}, std::nullopt, some);
    EXPECT_TRUE(with_some == Campaign(city_spec(), city_frameworks(), {}, std::nullopt, some));
    EXPECT_FALSE(with_some == Campaign(city_spec(), city_frameworks(), {}, std::nullopt, other));
    EXPECT_FALSE(with_some == city());  // none at all
    const std::vector<std::pair<std::string, RejectedRow>> rejected{
        {"obs.csv", RejectedRow{3, 4, "", Message("bad"_en, "坏"_zh)}}};
    const Campaign with_rejected(city_spec(), city_frameworks(), {}, std::nullopt, some, rejected);
    EXPECT_EQ(with_rejected.rejected_observations(), rejected);
    EXPECT_TRUE(with_some != with_rejected);
}

TEST(ObservationStore, EqualWhenTheyHoldTheSameRows) {
    const Observation a = observation("city", "coverage", day("2025-06-30"), 38.5);
    const Observation b = observation("east", "coverage", day("2025-03-31"), 30.0);
    ObservationStore one, two;
    for (ObservationStore* store : {&one, &two}) {
        store->add(a);
        store->add(b);
        store->finalize();
    }
    EXPECT_TRUE(one == two);
    two.add(observation("east", "coverage", day("2025-06-30"), 31.0));
    two.finalize();
    EXPECT_TRUE(one != two);
}

TEST(Campaign, EmptyIdsAreRefused) {
    for (const char* list : {"titles", "units", "departments"}) {
        SCOPED_TRACE(list);
        CampaignSpec spec = city_spec();
        const std::string list_name = list;
        if (list_name == "titles") {
            spec.titles.push_back(title("", ""));
        } else if (list_name == "units") {
            spec.units.push_back(unit(""));
        } else {
            spec.departments.push_back({"", "x", "", ""});
        }
        const std::size_t k = list_name == "titles" ? 3 : list_name == "units" ? 4 : 2;
        const std::string message = validation_message([&] { city(spec); }, "$." + list_name + "[" + std::to_string(k) + "].id");
        EXPECT_TRUE(contains(message, "id is empty; expected a non-empty id")) << message;
    }
}

TEST(Campaign, DuplicateIdsAreRefused) {
    CampaignSpec titles = city_spec();
    titles.titles.push_back(title("air", ""));
    EXPECT_TRUE(contains(validation_message([&] { city(titles); }, "$.titles[3].id"), "duplicate title id 'air'; expected each title once"));

    CampaignSpec units = city_spec();
    units.units.push_back(unit("west", "city"));
    EXPECT_TRUE(contains(validation_message([&] { city(units); }, "$.units[4].id"), "duplicate unit id 'west'; expected each unit once"));

    CampaignSpec departments = city_spec();
    departments.departments.push_back({"gardens", "again", "", ""});
    EXPECT_TRUE(contains(validation_message([&] { city(departments); }, "$.departments[2].id"),
                         "duplicate department id 'gardens'; expected each department once"));

    // The same id in two lists is fine: a title, a unit and a department may share one.
    CampaignSpec shared = city_spec();
    shared.departments.push_back({"city", "市政府", "", ""});
    shared.units.push_back(unit("garden", "city"));
    EXPECT_NO_THROW(city(shared));
}

TEST(Campaign, FrameworksMustMatchTheTitles) {
    // A framework for a title the campaign does not have.
    std::map<std::string, Framework> extra = city_frameworks();
    extra.emplace("nope", air_framework());
    const std::string unknown = validation_message([&] { Campaign{city_spec(), extra}; }, "$.titles");
    EXPECT_TRUE(mentions_all_and_any(unknown, {"unknown title 'nope'"})) << unknown;

    // A title that names a framework but was given none.
    std::map<std::string, Framework> missing = city_frameworks();
    missing.erase("air");
    const std::string not_loaded = validation_message([&] { Campaign{city_spec(), missing}; }, "$.titles[1].framework");
    EXPECT_TRUE(mentions_all_and_any(not_loaded, {"'air-test'", "'air'", "was not loaded"})) << not_loaded;

    // A title without a framework may have one given anyway (nothing is lost by it).
    std::map<std::string, Framework> more = city_frameworks();
    more.emplace("sanitary", air_framework());
    EXPECT_EQ(Campaign(city_spec(), more).framework("sanitary").id(), "air-test");
}

TEST(Campaign, LanguageIsZhOrEn) {
    for (const char* language : {"zh", "en", ""}) {
        CampaignSpec spec = city_spec();
        spec.language = language;
        EXPECT_EQ(city(spec).spec().language, language);
    }
    CampaignSpec spec = city_spec();
    spec.language = "fr";
    const std::string message = validation_message([&] { city(spec); }, "$.language");
    EXPECT_TRUE(contains(message, "\"fr\" is not a report language; expected \"zh\" or \"en\"")) << message;
}

TEST(Campaign, TitleDatesInOrder) {
    CampaignSpec application = city_spec();
    application.titles[0].dates = {day("2025-09-01"), day("2025-08-31"), std::nullopt};
    const std::string a = validation_message([&] { city(application); }, "$.titles[0].dates.application");
    EXPECT_TRUE(contains(a, "2025-08-31 is before the benchmark creation 2025-09-01")) << a;

    CampaignSpec inspection = city_spec();
    inspection.titles[1].dates = {std::nullopt, day("2026-04-30"), day("2026-04-29")};
    const std::string i = validation_message([&] { city(inspection); }, "$.titles[1].dates.inspection");
    EXPECT_TRUE(contains(i, "2026-04-29 is before the application 2026-04-30")) << i;

    // Without an application date, the inspection still comes after the benchmark creation.
    CampaignSpec skipped = city_spec();
    skipped.titles[2].dates = {day("2026-01-01"), std::nullopt, day("2025-12-31")};
    const std::string s = validation_message([&] { city(skipped); }, "$.titles[2].dates.inspection");
    EXPECT_TRUE(contains(s, "2025-12-31 is before the benchmark creation 2026-01-01")) << s;

    // The same day twice, and any single date, are fine.
    CampaignSpec same = city_spec();
    same.titles[0].dates = {day("2026-01-01"), day("2026-01-01"), day("2026-01-01")};
    same.titles[1].dates = {std::nullopt, std::nullopt, day("2020-01-01")};
    same.titles[2].dates = {day("2030-01-01"), std::nullopt, std::nullopt};
    EXPECT_NO_THROW(city(same));
}

TEST(Campaign, UnitsFormATree) {
    CampaignSpec unknown = city_spec();
    unknown.units[3].parent = "north";
    const std::string u = validation_message([&] { city(unknown); }, "$.units[3].parent");
    EXPECT_TRUE(contains(u, "unknown parent unit 'north' of unit 'school'")) << u;

    CampaignSpec after = city_spec();
    after.units[1].parent = "school";  // east under school, which is listed after it (and under east: a loop)
    const std::string a = validation_message([&] { city(after); }, "$.units[1].parent");
    EXPECT_TRUE(contains(a, "parent unit 'school' of unit 'east' is listed after it; expected parents before their units")) << a;

    CampaignSpec itself = city_spec();
    itself.units[2].parent = "west";
    const std::string s = validation_message([&] { city(itself); }, "$.units[2].parent");
    EXPECT_TRUE(contains(s, "'west'")) << s;

    // Several top units are fine (two cities in one campaign).
    CampaignSpec forest = city_spec();
    forest.units.push_back(unit("county"));
    EXPECT_NO_THROW(city(forest));
}

TEST(Campaign, UnitClassesNameAClassOfTheTitlesFramework) {
    CampaignSpec unknown_title = city_spec();
    unknown_title.units[1].classes["forest"] = "large";
    const std::string t = validation_message([&] { city(unknown_title); }, "$.units[1].classes.forest");
    EXPECT_TRUE(contains(t, "unknown title 'forest' in the classes of unit 'east'")) << t;

    CampaignSpec without = city_spec();
    without.units[2].classes["sanitary"] = "large";
    const std::string w = validation_message([&] { city(without); }, "$.units[2].classes.sanitary");
    EXPECT_TRUE(contains(w, "title 'sanitary' has no framework, so no unit classes")) << w;

    CampaignSpec unused = city_spec();
    unused.units[3].classes["garden"] = "medium";
    const std::string n = validation_message([&] { city(unused); }, "$.units[3].classes.garden");
    EXPECT_TRUE(contains(n, "unit class 'medium' is not one framework 'green-test' uses; expected one of: large, small")) << n;

    CampaignSpec no_class_lines = city_spec();
    no_class_lines.units[0].classes["air"] = "large";
    const std::string none = validation_message([&] { city(no_class_lines); }, "$.units[0].classes.air");
    EXPECT_TRUE(contains(none, "(it has no class-dependent lines)")) << none;
}

TEST(Campaign, TargetsNameKnownThings) {
    struct Case {
        std::function<void(Target&)> change;
        std::string path;
        std::string message;
    };
    const std::vector<Case> cases = {
        {[](Target& t) { t.title = "forest"; }, "$.targets[0].title", "unknown title 'forest'; expected a title id of the campaign"},
        {[](Target& t) { t.title = "sanitary"; }, "$.targets[0].title",
         "title 'sanitary' has no framework to hold indicator 'coverage'; expected a title with a framework"},
        {[](Target& t) { t.indicator = "good_days"; }, "$.targets[0].indicator",
         "unknown indicator 'good_days' of framework 'green-test' (title 'garden'); expected one of its indicator ids"},
        {[](Target& t) { t.unit = "north"; }, "$.targets[0].unit", "unknown unit 'north'; expected a unit id of the campaign"},
        {[](Target& t) { t.department = "water"; }, "$.targets[0].department",
         "unknown department 'water'; expected a department id of the campaign"},
        {[](Target& t) { t.value = 100.5; }, "$.targets[0].value",
         "100.5 is outside the bounds of 'coverage'; expected a value in [0, 100]"},
        {[](Target& t) { t.value = -1; }, "$.targets[0].value", "-1 is outside the bounds of 'coverage'"},
        {[](Target& t) { t.value = test::nan_value; }, "$.targets[0].value", "is not a finite number"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.path + " " + c.message);
        CampaignSpec spec = city_spec();
        c.change(spec.targets[0]);
        const std::string message = validation_message([&] { city(spec); }, c.path);
        EXPECT_TRUE(contains(message, c.message)) << message;
    }
    // The bounds are inclusive; an indicator without bounds takes any finite value.
    CampaignSpec edges = city_spec();
    edges.targets[0].value = 100;
    edges.targets[1].value = 0;
    edges.targets[3].value = -1e9;
    EXPECT_NO_THROW(city(edges));
    // A later target is named by its own position.
    CampaignSpec later = city_spec();
    later.targets[2].unit = "north";
    validation_message([&] { city(later); }, "$.targets[2].unit");
}

TEST(Campaign, PlanWrittenInPlaceTakesTheCampaignsTitles) {
    CampaignSpec spec = city_spec();
    spec.plan = city_plan();
    const Campaign c = city(spec);
    ASSERT_TRUE(c.plan().has_value());
    EXPECT_EQ(c.plan()->tasks().size(), 2U);
    ASSERT_EQ(c.plan()->spec().titles.size(), 3U);
    EXPECT_EQ(c.plan()->spec().titles[0].id, "garden");
    EXPECT_EQ(c.plan()->spec().titles[2].id, "sanitary");
    EXPECT_TRUE(c.spec().plan->titles.empty());  // kept as given: implied

    // The same titles written out are fine; others are not.
    CampaignSpec same = city_spec();
    same.plan = city_plan();
    same.plan->titles = {{"garden", "garden"}, {"air", "air"}, {"sanitary", "sanitary"}};
    EXPECT_NO_THROW(city(same));
    CampaignSpec other = city_spec();
    other.plan = city_plan();
    other.plan->titles = {{"garden", "garden"}, {"air", "air"}};
    const std::string message = validation_message([&] { city(other); }, "$.plan.titles");
    EXPECT_TRUE(contains(message, "the plan's titles differ from the campaign's")) << message;
}

TEST(Campaign, ErrorsOfAPlanInPlaceAreUnderPlan) {
    CampaignSpec due = city_spec();
    due.plan = city_plan();
    due.plan->tasks[1].due = day("2025-09-01");
    const std::string d = validation_message([&] { city(due); }, "$.plan.tasks[1].due");
    EXPECT_TRUE(contains(d, "2025-09-01 is before the start 2025-09-02")) << d;
    EXPECT_FALSE(contains(d, "$.tasks")) << d;  // the plan's own path is not repeated in the message

    CampaignSpec title_of_task = city_spec();
    title_of_task.plan = city_plan();
    title_of_task.plan->tasks[1].titles = {"forest"};
    const std::string t = test::validation_message_under([&] { city(title_of_task); }, "$.plan.tasks[1].titles");
    EXPECT_TRUE(contains(t, "'forest'")) << t;

    CampaignSpec sub = city_spec();
    sub.plan = city_plan();
    PlanSpec east;
    east.id = "east";
    Task bad = sub.plan->tasks[1];
    bad.start = day("2025-10-02");
    bad.due = day("2025-10-01");
    east.tasks = {bad};
    sub.plan->subplans = {east};
    validation_message([&] { city(sub); }, "$.plan.subplans[0].tasks[0].due");
}

TEST(Campaign, APlanWhoseDependenciesFormACycleIsRefused) {
    // kickoff waits for parks, which waits for kickoff: the path is kickoff's wait, which closes it.
    CampaignSpec spec = city_spec();
    spec.plan = city_plan();
    spec.plan->tasks[0].milestone = false;
    spec.plan->tasks[0].depends_on = {{"parks"}};
    const std::string m = validation_message([&] { city(spec); }, "$.plan.tasks[0].depends_on[0]");
    EXPECT_TRUE(contains(m, "the plan's dependencies form a cycle: kickoff -> parks -> kickoff (each waits for the one before)")) << m;
    EXPECT_TRUE(contains(chinese_error([&] { city(spec); }), "工作计划的任务依赖形成循环: kickoff -> parks -> kickoff"));

    // Across sub-plans: east/a waits for west/b, which waits for east/a. The plan alone is
    // valid (schedule() names the cycle); the campaign refuses it, at the sub-plan's path.
    CampaignSpec sub = city_spec();
    sub.plan = city_plan();
    PlanSpec east, west;
    east.id = "east";
    west.id = "west";
    Task a = sub.plan->tasks[1];
    a.id = "a";
    a.depends_on = {{"kickoff"}, {"west/b"}};
    Task b = a;
    b.id = "b";
    b.depends_on = {{"east/a"}};
    east.tasks = {a};
    west.tasks = {b};
    sub.plan->subplans = {east, west};
    const std::string s = validation_message([&] { city(sub); }, "$.plan.subplans[0].tasks[0].depends_on[1]");
    EXPECT_TRUE(contains(s, "east/a -> west/b -> east/a")) << s;
    PlanSpec alone = *sub.plan;
    alone.titles = {{"garden", "garden"}, {"air", "air"}, {"sanitary", "sanitary"}};
    EXPECT_NO_THROW(Plan{alone});
    // Given as a loaded plan, the same.
    CampaignSpec named = city_spec();
    named.plan_file = "plan.json";
    validation_message([&] { Campaign{named, city_frameworks(), WorkCalendar{}, Plan(alone)}; }, "$.plan.subplans[0].tasks[0].depends_on[1]");

    // A task waiting for one that depends on a cycle is not itself the cycle: the cycle is named.
    CampaignSpec tail = city_spec();
    tail.plan = city_plan();
    Task late = tail.plan->tasks[1];
    late.id = "late";
    late.depends_on = {{"x"}};
    Task x = late, y = late;
    x.id = "x";
    x.depends_on = {{"y"}};
    y.id = "y";
    y.depends_on = {{"x"}};
    tail.plan->tasks.insert(tail.plan->tasks.begin(), late);
    tail.plan->tasks.push_back(x);
    tail.plan->tasks.push_back(y);
    const std::string t = validation_message([&] { city(tail); }, "$.plan.tasks[3].depends_on[0]");
    EXPECT_TRUE(contains(t, ": x -> y -> x (")) << t;
}

TEST(Campaign, ALongCycleIsNamedShortly) {
    // 20,000 tasks, each waiting for the one before, and the first for the last.
    CampaignSpec spec = city_spec();
    spec.plan = city_plan();
    spec.plan->tasks.clear();
    const int n = 20000;
    for (int i = 0; i < n; ++i) {
        Task t;
        t.id = "t" + std::to_string(i);
        t.start = day("2025-09-01");
        t.due = day("2025-09-05");
        t.depends_on = {{"t" + std::to_string((i + n - 1) % n)}};
        spec.plan->tasks.push_back(std::move(t));
    }
    const std::string m = validation_message([&] { city(spec); }, "$.plan.tasks[0].depends_on[0]");
    EXPECT_TRUE(contains(m, "a cycle: t0 -> t1 -> t2 -> t3 -> t4 -> … -> t19997 -> t19998 -> t19999 -> t0 (each")) << m;
    EXPECT_LT(m.size(), 300U) << m;
}

TEST(Campaign, PlanInPlaceOrPlanFile) {
    // Both at once.
    CampaignSpec both = city_spec();
    both.plan = city_plan();
    both.plan_file = "plan.json";
    const std::string b = validation_message([&] { city(both); }, "$.plan");
    EXPECT_TRUE(contains(b, "both written in place and named as a file")) << b;

    // A plan file without the plan loaded from it.
    CampaignSpec named = city_spec();
    named.plan_file = "plan.json";
    const std::string n = validation_message([&] { city(named); }, "$.plan");
    EXPECT_TRUE(contains(n, "the plan file 'plan.json' was not loaded")) << n;

    // With the plan loaded from it: its titles must be the campaign's.
    PlanSpec loaded = city_plan();
    loaded.titles = {{"garden", "garden"}, {"air", "air"}, {"sanitary", "sanitary"}};
    const Campaign c(named, city_frameworks(), WorkCalendar{}, Plan(loaded));
    EXPECT_EQ(c.plan()->tasks().size(), 2U);
    EXPECT_EQ(c.spec().plan_file, "plan.json");
    loaded.titles[2].name = "国家卫生城市";  // a different name is a different title list
    const std::string d = validation_message([&] { Campaign{named, city_frameworks(), WorkCalendar{}, Plan(loaded)}; }, "$.plan.titles");
    EXPECT_TRUE(contains(d, "expected the same titles, in the same order")) << d;
}

TEST(Campaign, ErrorsReadInChinese) {
    const auto changed = [](const std::function<void(CampaignSpec&)>& change) {
        CampaignSpec spec = city_spec();
        change(spec);
        return chinese_error([&] { city(spec); });
    };
    EXPECT_EQ(changed([](CampaignSpec& s) { s.targets[0].value = 100.5; }),
              "$.targets[0].value: 100.5 超出指标 'coverage' 的取值范围；应为 [0, 100] 之内的值");
    EXPECT_EQ(changed([](CampaignSpec& s) { s.targets[0].indicator = "good_days"; }),
              "$.targets[0].indicator: 测评体系 'green-test'（称号 'garden'）中没有指标 'good_days'；应为该测评体系的指标 id 之一");
    EXPECT_EQ(changed([](CampaignSpec& s) { s.units.push_back(unit("east")); }), "$.units[4].id: 单位 id 'east' 重复；每个单位应只出现一次");
    EXPECT_EQ(changed([](CampaignSpec& s) { s.units[2].classes["garden"] = "medium"; }),
              "$.units[2].classes.garden: 单位类别 'medium' 不是测评体系 'green-test' 使用的类别；应为以下之一: large, small");
    EXPECT_EQ(changed([](CampaignSpec& s) { s.language = "fr"; }), "$.language: \"fr\" 不是可用的报告语言；应为 \"zh\" 或 \"en\"");
    // A fault of the plan in place, under "$.plan".
    EXPECT_EQ(changed([](CampaignSpec& s) {
                  s.plan = city_plan();
                  s.plan->tasks[1].due = day("2025-09-01");
              }),
              "$.plan.tasks[1].due: 2025-09-01 早于任务 'parks' 的开始日期 2025-09-02；截止日期应不早于开始日期");

    // A milestone standing for a check: the check is the campaign's, on its first day, of its title.
    const auto with_check = [&](const std::function<void(Check&, Task&)>& change) {
        return changed([&](CampaignSpec& s) {
            Check pre;
            pre.id = "pre";
            pre.date = day("2025-09-01");
            s.checks = {pre};
            s.plan = city_plan();
            s.plan->tasks[0].check = "pre";
            change(s.checks[0], s.plan->tasks[0]);
        });
    };
    EXPECT_EQ(with_check([](Check&, Task& t) { t.check = "nope"; }),
              "$.plan.tasks[0].check: 里程碑 'kickoff' 的检查 'nope' 未定义；应为创建方案中的检查之一（pre）");
    EXPECT_EQ(with_check([](Check& c, Task&) {
                  c.date = day("2025-08-30");
                  c.end = day("2025-09-05");
              }),
              "$.plan.tasks[0].due: 里程碑 'kickoff' 的日期为 2025-09-01，而检查 'pre' 始于 2025-08-30；里程碑应在检查的第一天 2025-08-30");
    EXPECT_EQ(with_check([](Check& c, Task& t) {
                  c.title = "air";
                  t.titles = {"garden"};
              }),
              "$.plan.tasks[0].titles: 里程碑 'kickoff' 服务于称号 garden，而检查 'pre' 评定称号 'air'；"
              "里程碑应服务于该检查的称号（或不指定称号，即整个创建方案）");
    // ... and the English reads as before.
    try {
        CampaignSpec spec = city_spec();
        spec.plan = city_plan();
        spec.plan->tasks[0].check = "nope";
        city(spec);
        ADD_FAILURE() << "expected ValidationError";
    } catch (const ValidationError& error) {
        EXPECT_EQ(error.what(), std::string("$.plan.tasks[0].check: unknown check 'nope' of milestone 'kickoff'; "
                                            "expected one of the campaign's checks (it has none)"));
        EXPECT_EQ(error.message(Language::zh),
                  "$.plan.tasks[0].check: 里程碑 'kickoff' 的检查 'nope' 未定义；应为创建方案中的检查之一（创建方案未设检查）");
    }

    // Looking up what is not there.
    const Campaign c = city();
    EXPECT_EQ(chinese_error([&] { (void)c.unit_index("north"); }), "创建方案 'city' 中没有单位 'north'");
    EXPECT_EQ(chinese_error([&] { (void)c.framework("sanitary"); }), "创建方案 'city' 的称号 'sanitary' 没有测评体系");
}

// ---------------------------------------------------------------------------------------------
// Campaign: queries

TEST(Campaign, TitleAndUnitIndex) {
    const Campaign c = city();
    EXPECT_EQ(c.title_index("garden"), 0U);
    EXPECT_EQ(c.title_index("sanitary"), 2U);
    EXPECT_EQ(c.unit_index("city"), 0U);
    EXPECT_EQ(c.unit_index("school"), 3U);
    EXPECT_THROW((void)c.title_index("forest"), NotFoundError);
    EXPECT_THROW((void)c.title_index(""), NotFoundError);
    EXPECT_THROW((void)c.unit_index("north"), NotFoundError);
    try {
        (void)c.unit_index("north");
    } catch (const NotFoundError& e) {
        EXPECT_TRUE(mentions_all_and_any(e.what(), {"'north'", "'city'"})) << e.what();
    }
}

TEST(Campaign, Children) {
    CampaignSpec spec = city_spec();
    spec.units.push_back(unit("county"));
    spec.units.push_back(unit("village", "county"));
    const Campaign c = city(spec);
    EXPECT_EQ(c.children(""), (std::vector<std::string>{"city", "county"}));
    EXPECT_EQ(c.children("city"), (std::vector<std::string>{"east", "west"}));
    EXPECT_EQ(c.children("east"), (std::vector<std::string>{"school"}));
    EXPECT_EQ(c.children("county"), (std::vector<std::string>{"village"}));
    EXPECT_TRUE(c.children("school").empty());
    EXPECT_THROW((void)c.children("north"), NotFoundError);
}

TEST(Campaign, UnitClass) {
    const Campaign c = city();
    EXPECT_EQ(c.unit_class("east", "garden"), "large");
    EXPECT_EQ(c.unit_class("west", "garden"), "small");
    EXPECT_EQ(c.unit_class("city", "garden"), "");
    EXPECT_EQ(c.unit_class("east", "air"), "");
    EXPECT_EQ(c.unit_class("east", "sanitary"), "");
    EXPECT_THROW((void)c.unit_class("north", "garden"), NotFoundError);
    EXPECT_THROW((void)c.unit_class("east", "forest"), NotFoundError);
}

TEST(Campaign, TargetsForPreferTheUnitsOwn) {
    CampaignSpec spec = city_spec();
    spec.targets.push_back(target("garden", "parks", "", 14));       // a second every-unit target
    spec.targets.push_back(target("garden", "parks", "east", 6));    // a second own target
    const Campaign c = city(spec);
    const auto east = c.targets_for("garden", "parks", "east");
    ASSERT_EQ(east.size(), 2U);
    EXPECT_EQ(east[0]->value, 5.0);
    EXPECT_EQ(east[1]->value, 6.0);
    EXPECT_EQ(east[0], &c.spec().targets[2]);  // pointers into the campaign's own targets
    const auto west = c.targets_for("garden", "parks", "west");
    ASSERT_EQ(west.size(), 2U);
    EXPECT_EQ(west[0]->value, 12.0);
    EXPECT_EQ(west[1]->value, 14.0);
    EXPECT_EQ(west[0]->unit, "");
    // "" asks for the every-unit targets themselves.
    EXPECT_EQ(c.targets_for("garden", "parks", "").size(), 2U);
    // Only the city has a coverage target: other units have none (no every-unit one).
    ASSERT_EQ(c.targets_for("garden", "coverage", "city").size(), 1U);
    EXPECT_EQ(c.targets_for("garden", "coverage", "city")[0]->deadline, day("2026-06-30"));
    EXPECT_TRUE(c.targets_for("garden", "coverage", "east").empty());
    // The title matters, not only the indicator.
    EXPECT_TRUE(c.targets_for("air", "parks", "west").empty());
    ASSERT_EQ(c.targets_for("air", "good_days", "school").size(), 1U);
    EXPECT_EQ(c.targets_for("air", "good_days", "school")[0]->department, "ecology");
    EXPECT_TRUE(c.targets_for("garden", "nope", "east").empty());
}

TEST(Campaign, FrameworkOfATitle) {
    const Campaign c = city();
    EXPECT_EQ(c.framework("garden"), green_framework());
    try {
        (void)c.framework("sanitary");
        ADD_FAILURE() << "expected NotFoundError for a title without framework";
    } catch (const NotFoundError& e) {
        EXPECT_TRUE(mentions_all_and_any(e.what(), {"'sanitary'", "no framework"})) << e.what();
    }
    EXPECT_THROW((void)c.framework("forest"), NotFoundError);
}

TEST(Campaign, ToString) {
    EXPECT_EQ(to_string(city()), "Campaign('city': 3 titles, 4 units, 4 targets)");
    CampaignSpec spec = city_spec();
    spec.plan = city_plan();
    EXPECT_EQ(to_string(city(spec)), "Campaign('city': 3 titles, 4 units, 4 targets, plan of 2 tasks)");
}

TEST(Campaign, Equality) {
    EXPECT_EQ(city(), city());
    CampaignSpec other = city_spec();
    other.targets[1].value = 13;
    EXPECT_FALSE(city() == city(other));
    CampaignSpec spec = city_spec();
    EXPECT_FALSE(Campaign(spec, city_frameworks()) == Campaign(spec, city_frameworks(), load_bundled_calendar("cn")));
}

// ---------------------------------------------------------------------------------------------
// Campaign files


// The campaign file of the tests: garden judged by frameworks/green.json (a file beside it),
// model by the bundled lanzhou-illustrative, sanitary by its plan only; the bundled "cn" calendar.
const char* const campaign_text = R"({
  "format": "civitas-campaign/1",
  "id": "city",
  "name": "示例市创建",
  "language": "zh",
  "calendar": "cn",
  "titles": [
    {"id": "garden", "name": "国家园林城市", "framework": "frameworks/green.json",
     "dates": {"benchmark": "2025-09-01", "application": "2026-08-14", "inspection": "2026-10-30"}},
    {"id": "model", "name": "国家环保模范城市", "framework": "lanzhou-illustrative"},
    {"id": "sanitary", "name": "国家卫生城市", "dates": {"inspection": "2026-09-15"}}
  ],
  "units": [
    {"id": "city", "name": "示例市"},
    {"id": "east", "name": "东区", "parent": "city", "classes": {"garden": "large"}},
    {"id": "west", "parent": "city", "classes": {"garden": "small"}},
    {"id": "school", "name": "第三中学", "parent": "east"}
  ],
  "departments": [
    {"id": "gardens", "name": "市园林局", "leader": "分管副市长"},
    {"id": "ecology", "name": "市生态环境局"}
  ],
  "targets": [
    {"title": "garden", "indicator": "coverage", "unit": "city", "value": 40, "deadline": "2026-06-30", "department": "gardens"},
    {"title": "garden", "indicator": "parks", "value": 12},
    {"title": "garden", "indicator": "parks", "unit": "east", "value": 5},
    {"title": "model", "indicator": "air_good_days", "value": 300, "department": "ecology"}
  ],
  "observations": ["observations/city.csv"]
})";

// A plan for it, to write in place (without "format") or in a file.
const char* const plan_text = R"({
  "id": "city-plan",
  "responsibility_fields": ["department", "unit"],
  "phases": [{"id": "implement"}],
  "tasks": [
    {"id": "kickoff", "due": "2025-09-01", "milestone": true},
    {"id": "parks", "phase": "implement", "titles": ["garden"], "start": "2025-09-02", "due": "2025-12-31",
     "depends_on": ["kickoff"], "responsibility": {"department": "市园林局"}}
  ]
})";

// A sub-plan file for it: districts/east.json.
const char* const east_text = R"({
  "format": "civitas-plan/1",
  "id": "east",
  "responsibility": {"unit": "东区"},
  "tasks": [{"id": "t1", "titles": ["garden"], "start": "2025-09-10", "due": "2025-10-10", "depends_on": ["kickoff"]}]
})";

Json document() { return Json::parse(campaign_text); }
// The plan's kickoff, no longer a milestone, waiting for parks: a cycle.
Json in_place_task() { return Json::parse(R"({"id": "kickoff", "start": "2025-09-01", "due": "2025-09-01", "depends_on": ["parks"]})"); }
Json plan_document() { return Json::parse(plan_text); }

// A folder with frameworks/green.json and observations/city.csv beside where campaign.json goes.
class CampaignFolder : public TempFolder {
public:
    CampaignFolder() {
        write("frameworks/green.json", framework_to_json(green_framework()));
        write("observations/city.csv", "unit,indicator,date,value\neast,coverage,2025-06-30,37.5\n");
    }
    std::string campaign_file() const { return file("campaign.json"); }
    Campaign parse(const Json& campaign) const { return parse_campaign(campaign.dump(2), campaign_file()); }
    // The ParseError of parsing `campaign` here, checked for its file (campaign.json, or `in`
    // relative to the folder) and location; "" when none was thrown.
    std::string error(const Json& campaign, const std::string& location, const std::string& in = "campaign.json") const {
        try {
            (void)parse(campaign);
        } catch (const ParseError& e) {
            EXPECT_EQ(std::filesystem::path(e.file()).lexically_normal(), std::filesystem::path(file(in)).lexically_normal()) << e.what();
            EXPECT_EQ(e.location(), location) << e.what();
            return e.what();
        } catch (const std::exception& e) {
            ADD_FAILURE() << "expected civitas::ParseError at " << location << ", got: " << e.what();
            return "";
        }
        ADD_FAILURE() << "expected civitas::ParseError at " << location << ", nothing was thrown";
        return "";
    }
};

// `change` applied to a copy of `j`.
Json with(Json j, const std::function<void(Json&)>& change) {
    change(j);
    return j;
}

TEST(CampaignFile, ReadsEveryField) {
    const CampaignFolder folder;
    const Campaign c = folder.parse(document());
    const CampaignSpec& spec = c.spec();
    EXPECT_EQ(spec.id, "city");
    EXPECT_EQ(spec.name, "示例市创建");
    EXPECT_EQ(spec.language, "zh");
    EXPECT_EQ(spec.calendar, "cn");
    ASSERT_EQ(spec.titles.size(), 3U);
    EXPECT_EQ(spec.titles[0], (CampaignTitle{"garden", "国家园林城市", "frameworks/green.json",
                                             {day("2025-09-01"), day("2026-08-14"), day("2026-10-30")}, std::nullopt}));
    EXPECT_EQ(spec.titles[1].framework, "lanzhou-illustrative");
    EXPECT_EQ(spec.titles[2], (CampaignTitle{"sanitary", "国家卫生城市", "", {std::nullopt, std::nullopt, day("2026-09-15")}, std::nullopt}));
    ASSERT_EQ(spec.units.size(), 4U);
    EXPECT_EQ(spec.units[1], (CampaignUnit{"east", "东区", "city", {{"garden", "large"}}}));
    EXPECT_EQ(spec.units[2], (CampaignUnit{"west", "", "city", {{"garden", "small"}}}));
    ASSERT_EQ(spec.departments.size(), 2U);
    EXPECT_EQ(spec.departments[0], (Department{"gardens", "市园林局", "分管副市长", ""}));
    EXPECT_EQ(spec.departments[1], (Department{"ecology", "市生态环境局", "", ""}));
    ASSERT_EQ(spec.targets.size(), 4U);
    Target coverage = target("garden", "coverage", "city", 40, "gardens");
    coverage.deadline = day("2026-06-30");
    EXPECT_EQ(spec.targets[0], coverage);
    EXPECT_EQ(spec.targets[1], target("garden", "parks", "", 12));
    EXPECT_EQ(spec.targets[3], target("model", "air_good_days", "", 300, "ecology"));
    EXPECT_EQ(spec.observations, (std::vector<std::string>{"observations/city.csv"}));
    EXPECT_FALSE(spec.plan.has_value());
    EXPECT_EQ(spec.plan_file, "");
    EXPECT_FALSE(c.plan().has_value());
    // What the file names, loaded.
    EXPECT_EQ(c.frameworks().size(), 2U);
    EXPECT_EQ(c.framework("garden"), green_framework());
    EXPECT_EQ(c.framework("model"), load_bundled_framework("lanzhou-illustrative"));
    EXPECT_EQ(c.frameworks().count("sanitary"), 0U);
    EXPECT_EQ(c.calendar(), load_bundled_calendar("cn"));
    EXPECT_FALSE(c.calendar().is_working_day(day("2025-10-01")));  // National Day
    EXPECT_TRUE(c.calendar().is_working_day(day("2025-09-28")));   // a Sunday worked (调休)
}

TEST(CampaignFile, LoadCampaignReadsTheFileItNames) {
    const CampaignFolder folder;
    const std::filesystem::path path = folder.write("campaign.json", document().dump(2));
    const Campaign loaded = load_campaign(path);
    EXPECT_EQ(loaded, folder.parse(document()));
    EXPECT_EQ(loaded.framework("garden"), green_framework());
    try {
        (void)load_campaign(folder.path() / "missing.json");
        ADD_FAILURE() << "expected a ParseError";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.file(), (folder.path() / "missing.json").string());
    }
}

TEST(CampaignFile, FrameworkPathsAreRelativeToTheCampaignFile) {
    const CampaignFolder folder;
    // The same text read as the file of a sub-folder finds no frameworks/green.json there ...
    const Json doc = with(document(), [](Json& j) { j.erase("observations"); });
    try {
        (void)parse_campaign(doc.dump(), folder.file("nested/campaign.json"));
        ADD_FAILURE() << "expected a ParseError for nested/frameworks/green.json";
    } catch (const ParseError& e) {
        EXPECT_TRUE(contains(e.what(), "green.json")) << e.what();
        EXPECT_TRUE(contains(e.what(), "nested")) << e.what();
    }
    // ... and "../frameworks/green.json" only when files outside its folder are allowed.
    std::filesystem::create_directories(folder.path() / "nested");
    const Json up = with(doc, [](Json& j) { j["titles"][0]["framework"] = "../frameworks/green.json"; });
    EXPECT_THROW((void)parse_campaign(up.dump(), folder.file("nested/campaign.json")), ParseError);
    ReadOptions outside;
    outside.allow_outside = true;
    const Campaign nested = parse_campaign(up.dump(), folder.file("nested/campaign.json"), outside);
    EXPECT_EQ(nested.framework("garden"), green_framework());
    EXPECT_EQ(nested.spec().titles[0].framework, "../frameworks/green.json");  // kept as written
    // A name ending in .json without a folder is a file beside the campaign file, not a bundled id.
    folder.write("green.json", framework_to_json(green_framework()));
    const Campaign beside = folder.parse(with(doc, [](Json& j) { j["titles"][0]["framework"] = "green.json"; }));
    EXPECT_EQ(beside.framework("garden"), green_framework());
    // A bundled framework works wherever the campaign file is.
    const Json bundled = with(doc, [](Json& j) {
        j["titles"][0]["framework"] = "garden-city-2010";
        j["units"][1].erase("classes");
        j["units"][2].erase("classes");
        j["targets"] = Json::array();
    });
    EXPECT_EQ(parse_campaign(bundled.dump(), "/nowhere/campaign.json").framework("garden"), load_bundled_framework("garden-city-2010"));
}

TEST(CampaignFile, UnknownBundledFrameworkListsTheIds) {
    const CampaignFolder folder;
    const std::string message =
        folder.error(with(document(), [](Json& j) { j["titles"][1]["framework"] = "no-such-framework"; }), "$.titles[1].framework");
    EXPECT_TRUE(mentions_all_and_any(message, {"'no-such-framework'", "garden-city-2010", "lanzhou-illustrative",
                                               "civilized-city-annual-2018"}))
        << message;
    // An empty name is neither a bundled id nor a file.
    folder.error(with(document(), [](Json& j) { j["titles"][1]["framework"] = ""; }), "$.titles[1].framework");
}

TEST(CampaignFile, FrameworkFileErrorsNameThatFile) {
    const CampaignFolder folder;
    // A file that is not there.
    try {
        (void)folder.parse(with(document(), [](Json& j) { j["titles"][0]["framework"] = "frameworks/missing.json"; }));
        ADD_FAILURE() << "expected a ParseError";
    } catch (const ParseError& e) {
        EXPECT_TRUE(contains(e.what(), "missing.json")) << e.what();
    }
    // A framework file with a fault: the error is that file's, at its own path.
    Json bad = Json::parse(framework_to_json(green_framework()));
    bad["owner"] = "市园林局";
    folder.write("frameworks/bad.json", bad.dump(2));
    const std::string message =
        folder.error(with(document(), [](Json& j) { j["titles"][0]["framework"] = "frameworks/bad.json"; }), "$.owner", "frameworks/bad.json");
    EXPECT_TRUE(contains(message, "unknown key 'owner'")) << message;
}

TEST(CampaignFile, Calendar) {
    const CampaignFolder folder;
    const std::string unknown = folder.error(with(document(), [](Json& j) { j["calendar"] = "mars"; }), "$.calendar");
    EXPECT_TRUE(mentions_all_and_any(unknown, {"'mars'", "cn-2025", "cn"})) << unknown;

    // A calendar file beside the campaign file.
    const std::filesystem::path bundled = repository / "data" / "calendars" / "cn-2025.json";
    std::ifstream in(bundled, std::ios::binary);
    const std::string calendar_text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_FALSE(calendar_text.empty());
    folder.write("calendars/mine.json", calendar_text);
    const Campaign mine = folder.parse(with(document(), [](Json& j) { j["calendar"] = "calendars/mine.json"; }));
    EXPECT_EQ(mine.spec().calendar, "calendars/mine.json");
    EXPECT_EQ(mine.calendar(), load_calendar(bundled));

    // None: Monday to Friday, no holidays.
    const Campaign none = folder.parse(with(document(), [](Json& j) { j.erase("calendar"); }));
    EXPECT_EQ(none.spec().calendar, "");
    EXPECT_EQ(none.calendar(), WorkCalendar{});
    EXPECT_TRUE(none.calendar().is_working_day(day("2025-10-01")));   // a Wednesday
    EXPECT_TRUE(none.calendar().is_working_day(day("2025-09-29")));   // a Monday
    EXPECT_FALSE(none.calendar().is_working_day(day("2025-09-28")));  // a Sunday
    EXPECT_FALSE(none.calendar().is_working_day(day("2025-10-04")));  // a Saturday
    EXPECT_FALSE(contains(campaign_to_json(none), "\"calendar\""));
}

TEST(CampaignFile, Language) {
    const CampaignFolder folder;
    EXPECT_EQ(folder.parse(with(document(), [](Json& j) { j["language"] = "en"; })).spec().language, "en");
    EXPECT_EQ(folder.parse(with(document(), [](Json& j) { j.erase("language"); })).spec().language, "");
    for (const char* language : {"fr", "ZH", "zh-CN", ""}) {
        SCOPED_TRACE(language);
        const std::string message = folder.error(with(document(), [&](Json& j) { j["language"] = language; }), "$.language");
        EXPECT_TRUE(contains(message, std::string("\"") + language + "\" is not a report language; expected \"zh\" or \"en\"")) << message;
    }
    folder.error(with(document(), [](Json& j) { j["language"] = 1; }), "$.language");
}

TEST(CampaignFile, UnknownKeysAreRefused) {
    const CampaignFolder folder;
    const std::vector<std::pair<std::function<void(Json&)>, std::string>> cases = {
        {[](Json& j) { j["owner"] = "x"; }, "$.owner"},
        {[](Json& j) { j["titles"][0]["owner"] = "x"; }, "$.titles[0].owner"},
        {[](Json& j) { j["titles"][0]["dates"]["owner"] = "2026-01-01"; }, "$.titles[0].dates.owner"},
        {[](Json& j) { j["units"][3]["owner"] = "x"; }, "$.units[3].owner"},
        {[](Json& j) { j["departments"][1]["owner"] = "x"; }, "$.departments[1].owner"},
        {[](Json& j) { j["targets"][2]["owner"] = "x"; }, "$.targets[2].owner"},
    };
    for (const auto& [change, location] : cases) {
        SCOPED_TRACE(location);
        const std::string message = folder.error(with(document(), change), location);
        EXPECT_TRUE(contains(message, "unknown key 'owner'; expected one of: ")) << message;
    }
}

TEST(CampaignFile, ShapesAndTypes) {
    const CampaignFolder folder;
    const std::vector<std::tuple<std::function<void(Json&)>, std::string, std::string>> cases = {
        {[](Json& j) { j["format"] = "civitas-campaign/2"; }, "$.format", "\"civitas-campaign/2\" is not a format this version reads"},
        {[](Json& j) { j["format"] = "civitas-plan/1"; }, "$.format", "expected \"civitas-campaign/1\""},
        {[](Json& j) { j.erase("id"); }, "$.id", "missing required key 'id'"},
        {[](Json& j) { j["id"] = 7; }, "$.id", "7 is not a string"},
        {[](Json& j) { j.erase("titles"); }, "$.titles", "missing required key 'titles'"},
        {[](Json& j) { j["titles"] = Json::object(); }, "$.titles", "is not an array"},
        {[](Json& j) { j["titles"][1].erase("id"); }, "$.titles[1].id", "missing required key 'id'"},
        {[](Json& j) { j["titles"][0]["dates"]["inspection"] = "2026-02-30"; }, "$.titles[0].dates.inspection", "2026-02-30"},
        {[](Json& j) { j["titles"][0]["dates"] = "2026-01-01"; }, "$.titles[0].dates", "is not an object"},
        {[](Json& j) { j["titles"][0]["framework"] = 3; }, "$.titles[0].framework", "3 is not a string"},
        {[](Json& j) { j["units"] = "city"; }, "$.units", "is not an array"},
        {[](Json& j) { j["units"][1]["classes"] = "large"; }, "$.units[1].classes", "an object of title id -> unit class"},
        {[](Json& j) { j["units"][1]["classes"]["garden"] = 1; }, "$.units[1].classes.garden", "1 is not a string"},
        {[](Json& j) { j["units"][1]["parent"] = nullptr; }, "$.units[1].parent", "null is not a string"},
        {[](Json& j) { j["departments"][0].erase("id"); }, "$.departments[0].id", "missing required key 'id'"},
        {[](Json& j) { j["targets"][1].erase("value"); }, "$.targets[1].value", "missing required key 'value'"},
        {[](Json& j) { j["targets"][1]["value"] = "12"; }, "$.targets[1].value", "\"12\" is not a number"},
        {[](Json& j) { j["targets"][1].erase("indicator"); }, "$.targets[1].indicator", "missing required key 'indicator'"},
        {[](Json& j) { j["targets"][1]["deadline"] = "2026/06/30"; }, "$.targets[1].deadline", "2026/06/30"},
        {[](Json& j) { j["observations"] = Json::array({1}); }, "$.observations[0]", "1 is not a string"},
        {[](Json& j) { j["plan"] = 1; }, "$.plan", "is not an object"},
        {[](Json& j) { j["plan"] = Json::array(); }, "$.plan", "is not an object"},
    };
    for (const auto& [change, location, part] : cases) {
        SCOPED_TRACE(location + ": " + part);
        const std::string message = folder.error(with(document(), change), location);
        EXPECT_TRUE(contains(message, part)) << message;
    }
    // Malformed JSON names the line and column.
    try {
        (void)parse_campaign("{\n  \"id\": \"x\",\n  \"titles\": [,]\n}", "broken.json");
        ADD_FAILURE() << "expected a ParseError";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.file(), "broken.json");
        EXPECT_TRUE(contains(e.location(), "line 3")) << e.what();
    }
}

TEST(CampaignFile, ValidationErrorsNameTheCampaignFileAndPath) {
    const CampaignFolder folder;
    const std::vector<std::tuple<std::function<void(Json&)>, std::string, std::string>> cases = {
        {[](Json& j) { j["titles"][2]["id"] = "garden"; }, "$.titles[2].id", "duplicate title id 'garden'"},
        {[](Json& j) { j["titles"][2]["id"] = ""; }, "$.titles[2].id", "id is empty"},
        {[](Json& j) { j["units"][3]["id"] = "east"; }, "$.units[3].id", "duplicate unit id 'east'"},
        {[](Json& j) { j["units"][0]["id"] = ""; }, "$.units[0].id", "id is empty"},
        {[](Json& j) { j["departments"][1]["id"] = "gardens"; }, "$.departments[1].id", "duplicate department id 'gardens'"},
        {[](Json& j) { j["departments"][1]["id"] = ""; }, "$.departments[1].id", "id is empty"},
        {[](Json& j) { j["units"][3]["parent"] = "north"; }, "$.units[3].parent", "unknown parent unit 'north' of unit 'school'"},
        {[](Json& j) { j["units"][0]["parent"] = "east"; }, "$.units[0].parent", "is listed after it"},
        {[](Json& j) { j["units"][0]["classes"] = {{"forest", "large"}}; }, "$.units[0].classes.forest", "unknown title 'forest'"},
        {[](Json& j) { j["units"][0]["classes"] = {{"sanitary", "large"}}; }, "$.units[0].classes.sanitary",
         "title 'sanitary' has no framework"},
        {[](Json& j) { j["units"][2]["classes"]["garden"] = "medium"; }, "$.units[2].classes.garden",
         "unit class 'medium' is not one framework 'green-test' uses; expected one of: large, small"},
        {[](Json& j) { j["units"][2]["classes"]["model"] = "large"; }, "$.units[2].classes.model",
         "(it has no class-dependent lines)"},
        {[](Json& j) { j["targets"][1]["title"] = "forest"; }, "$.targets[1].title", "unknown title 'forest'"},
        {[](Json& j) { j["targets"][1]["title"] = "sanitary"; }, "$.targets[1].title", "title 'sanitary' has no framework"},
        {[](Json& j) { j["targets"][3]["indicator"] = "coverage"; }, "$.targets[3].indicator",
         "unknown indicator 'coverage' of framework 'lanzhou-illustrative' (title 'model')"},
        {[](Json& j) { j["targets"][1]["unit"] = "north"; }, "$.targets[1].unit", "unknown unit 'north'"},
        {[](Json& j) { j["targets"][1]["department"] = "water"; }, "$.targets[1].department", "unknown department 'water'"},
        {[](Json& j) { j["targets"][3]["value"] = 367; }, "$.targets[3].value",
         "367 is outside the bounds of 'air_good_days'; expected a value in [0, 366]"},
        {[](Json& j) { j["targets"][0]["value"] = -0.5; }, "$.targets[0].value", "-0.5 is outside the bounds of 'coverage'"},
        {[](Json& j) { j["titles"][0]["dates"]["application"] = "2025-08-31"; }, "$.titles[0].dates.application",
         "2025-08-31 is before the benchmark creation 2025-09-01"},
        {[](Json& j) { j["titles"][0]["dates"]["inspection"] = "2026-08-13"; }, "$.titles[0].dates.inspection",
         "2026-08-13 is before the application 2026-08-14"},
        {[](Json& j) { j["titles"][2]["dates"]["benchmark"] = "2026-09-16"; }, "$.titles[2].dates.inspection",
         "2026-09-15 is before the benchmark creation 2026-09-16"},
    };
    for (const auto& [change, location, part] : cases) {
        SCOPED_TRACE(location + ": " + part);
        const std::string message = folder.error(with(document(), change), location);
        EXPECT_TRUE(contains(message, part)) << message;
        EXPECT_TRUE(contains(message, folder.campaign_file() + ": " + location + ": ")) << message;
        // With a plan written in place (which takes the titles), the campaign's fault still comes first.
        const auto& edit = change;  // a structured binding cannot be captured before C++20
        const std::string with_plan = folder.error(with(document(), [&](Json& j) {
                                                       edit(j);
                                                       j["plan"] = plan_document();
                                                   }),
                                                   location);
        EXPECT_TRUE(contains(with_plan, part)) << with_plan;
    }
}

// The office's rules: a district's government, the monthly submissions and accountability steps.
Json office_document() {
    Json j = document();
    j["departments"].push_back(Json::parse(R"({"id": "east_government", "name": "东区人民政府", "leader": "东区区长", "unit": "east"})"));
    j["submissions"] = Json::parse(R"({"first_month": "2026-01", "due_day": 10, "departments": ["gardens", "east_government"]})");
    j["accountability"] = Json::parse(R"([{"id": "reminder", "name": "提醒", "days_overdue": 1},
        {"id": "criticism", "name": "通报批评", "days_overdue": 15, "problems_overdue": 2},
        {"id": "admonition", "name": "约谈", "late_submissions": 3, "months": 6}])");
    return j;
}

TEST(CampaignFile, SubmissionScheduleAndAccountabilityRules) {
    const CampaignFolder folder;
    const Campaign c = folder.parse(office_document());
    const CampaignSpec& spec = c.spec();
    EXPECT_EQ(spec.departments[2], (Department{"east_government", "东区人民政府", "东区区长", "east"}));
    ASSERT_TRUE(spec.submissions);
    EXPECT_EQ(*spec.submissions, (SubmissionSchedule{day("2026-01-01"), 10, {"gardens", "east_government"}}));
    ASSERT_EQ(spec.accountability.size(), 3U);
    EXPECT_EQ(spec.accountability[0], (AccountabilityRule{"reminder", "提醒", 1, std::nullopt, std::nullopt, std::nullopt}));
    EXPECT_EQ(spec.accountability[1], (AccountabilityRule{"criticism", "通报批评", 15, 2, std::nullopt, std::nullopt}));
    EXPECT_EQ(spec.accountability[2], (AccountabilityRule{"admonition", "约谈", std::nullopt, std::nullopt, 3, 6}));
    // Written back as read, the default due day left out.
    const std::string text = campaign_to_json(c);
    EXPECT_EQ(parse_campaign(text, folder.campaign_file()).spec(), spec);
    const Json j = Json::parse(text);
    EXPECT_EQ(j["submissions"], office_document()["submissions"]);
    EXPECT_EQ(j["accountability"], office_document()["accountability"]);
    EXPECT_EQ(j["departments"][2]["unit"], "east");
    Json fives = office_document();
    fives["submissions"] = Json::parse(R"({"first_month": "2026-03"})");
    fives.erase("accountability");
    const Campaign every = folder.parse(fives);
    EXPECT_EQ(*every.spec().submissions, (SubmissionSchedule{day("2026-03-01"), 5, {}}));
    EXPECT_EQ(Json::parse(campaign_to_json(every))["submissions"], Json::parse(R"({"first_month": "2026-03", "due_day": 5})"));
}

TEST(CampaignFile, SubmissionScheduleAndAccountabilityErrorsNameTheirPath) {
    const CampaignFolder folder;
    const std::vector<std::tuple<std::function<void(Json&)>, std::string, std::string>> cases = {
        {[](Json& j) { j["departments"][2]["unit"] = "north"; }, "$.departments[2].unit", "unknown unit 'north'"},
        {[](Json& j) { j["submissions"]["first_month"] = "2026-1"; }, "$.submissions.first_month", "\"2026-1\" is not a month; expected \"YYYY-MM\""},
        {[](Json& j) { j["submissions"]["first_month"] = "2026-13"; }, "$.submissions.first_month", "\"2026-13\" is not a month"},
        {[](Json& j) { j["submissions"]["due_day"] = 29; }, "$.submissions.due_day", "expected a whole number from 1 to 28"},
        {[](Json& j) { j["submissions"]["departments"][1] = "water"; }, "$.submissions.departments[1]", "unknown department 'water'"},
        {[](Json& j) { j["submissions"]["weekly"] = true; }, "$.submissions.weekly", "unknown key 'weekly'"},
        {[](Json& j) { j["accountability"][1]["id"] = "reminder"; }, "$.accountability[1].id", "duplicate accountability rule id 'reminder'"},
        {[](Json& j) { j["accountability"][0] = Json::parse(R"({"id": "note"})"); }, "$.accountability[0]", "rule 'note' has no condition"},
        {[](Json& j) { j["accountability"][0]["days_overdue"] = 0; }, "$.accountability[0].days_overdue", "expected a whole number from 1"},
        {[](Json& j) { j["accountability"][0]["months"] = 3; }, "$.accountability[0].months", "months counts late submissions"},
        {[](Json& j) { j.erase("submissions"); }, "$.accountability[2].late_submissions", "late submissions need the campaign's submission schedule"},
    };
    for (const auto& [change, path, says] : cases) {
        const std::string message = folder.error(with(office_document(), change), path);
        EXPECT_NE(message.find(says), std::string::npos) << message;
    }
}

TEST(Campaign, ResponsibleDepartmentByIdNameOrUnit) {
    const CampaignFolder folder;
    const Campaign c = folder.parse(office_document());
    const auto of = [&](std::map<std::string, std::string> responsibility) {
        const Department* d = c.responsible_department(responsibility);
        return d == nullptr ? std::string("-") : d->id;
    };
    EXPECT_EQ(of({{"department", "gardens"}}), "gardens");
    EXPECT_EQ(of({{"department", "市园林局"}, {"unit", "东区"}}), "gardens");      // the department field wins
    EXPECT_EQ(of({{"department", "东区园林科"}, {"unit", "东区"}}), "east_government");  // a district's own office: its government
    EXPECT_EQ(of({{"unit", "east"}}), "east_government");
    EXPECT_EQ(of({{"department", "市委宣传部"}}), "-");  // a department the campaign does not list
    EXPECT_EQ(of({{"unit", "west"}}), "-");            // a unit no department answers for
    EXPECT_EQ(of({}), "-");
}

TEST(CampaignFile, PlanInPlaceTakesTheCampaignsTitles) {
    const CampaignFolder folder;
    const Campaign c = folder.parse(with(document(), [](Json& j) { j["plan"] = plan_document(); }));
    ASSERT_TRUE(c.plan().has_value());
    EXPECT_EQ(c.plan()->tasks().size(), 2U);
    ASSERT_EQ(c.plan()->spec().titles.size(), 3U);
    EXPECT_EQ(c.plan()->spec().titles[0], (Title{"garden", "国家园林城市"}));
    ASSERT_TRUE(c.spec().plan.has_value());
    EXPECT_TRUE(c.spec().plan->titles.empty());  // as written
    EXPECT_EQ(c.spec().plan->tasks, c.plan()->spec().tasks);
    EXPECT_EQ(c.spec().plan_file, "");
    EXPECT_EQ(to_string(folder.parse(with(document(), [](Json& j) {
                  j["plan"] = plan_document();
                  j.erase("observations");
              }))),
              "Campaign('city': 3 titles, 4 units, 4 targets, plan of 2 tasks)");

    // The campaign's titles written out again are fine, and kept; a "format" is allowed.
    const Campaign explicit_titles = folder.parse(with(document(), [](Json& j) {
        j["plan"] = plan_document();
        j["plan"]["format"] = "civitas-plan/1";
        j["plan"]["titles"] = Json::parse(R"([{"id": "garden", "name": "国家园林城市"}, {"id": "model", "name": "国家环保模范城市"},
                                              {"id": "sanitary", "name": "国家卫生城市"}])");
    }));
    EXPECT_EQ(explicit_titles.spec().plan->titles.size(), 3U);
    EXPECT_EQ(explicit_titles.plan(), c.plan());
}

TEST(CampaignFile, ErrorsOfAPlanInPlaceAreInTheCampaignFile) {
    const CampaignFolder folder;
    const std::vector<std::tuple<std::function<void(Json&)>, std::string, std::string>> cases = {
        {[](Json& p) { p["tasks"][1]["due"] = "2025-09-01"; }, "$.plan.tasks[1].due", "2025-09-01 is before the start 2025-09-02"},
        {[](Json& p) { p["tasks"][0]["owner"] = "x"; }, "$.plan.tasks[0].owner", "unknown key 'owner'"},
        {[](Json& p) { p["tasks"][1]["depends_on"] = Json::array({"nope"}); }, "$.plan.tasks[1].depends_on[0]",
         "depends on unknown task 'nope'"},
        {[](Json& p) { p["tasks"][1]["titles"] = Json::array({"forest"}); }, "$.plan.tasks[1].titles[0]", "'forest'"},
        {[](Json& p) { p["tasks"][1]["start"] = "2025-02-30"; }, "$.plan.tasks[1].start", "2025-02-30"},
        {[](Json& p) { p["titles"] = Json::parse(R"([{"id": "garden"}, {"id": "model"}])"); }, "$.plan.titles",
         "the plan's titles differ from the campaign's; expected the same titles (garden, model, sanitary)"},
        {[](Json& p) { p["format"] = "civitas-plan/2"; }, "$.plan.format", "not a format this version reads"},
        {[](Json& p) { p.erase("id"); }, "$.plan.id", "missing required key 'id'"},
        {[](Json& p) {
             p["subplans"] = Json::parse(R"([{"id": "east", "tasks": [{"id": "t1", "start": "2025-10-02", "due": "2025-10-01"}]}])");
         },
         "$.plan.subplans[0].tasks[0].due", "2025-10-01 is before the start 2025-10-02"},
    };
    for (const auto& [change, location, part] : cases) {
        SCOPED_TRACE(location + ": " + part);
        const auto& edit = change;  // a structured binding cannot be captured before C++20
        const Json doc = with(document(), [&](Json& j) { j["plan"] = with(plan_document(), edit); });
        const std::string message = folder.error(doc, location);
        EXPECT_TRUE(contains(message, part)) << message;
    }
}

TEST(CampaignFile, PlanInPlaceWithASubPlanFile) {
    const CampaignFolder folder;
    const Json doc = with(document(), [](Json& j) {
        j["plan"] = plan_document();
        j["plan"]["subplans"] = Json::parse(R"([{"file": "districts/east.json"}])");
    });
    folder.write("districts/east.json", east_text);
    const Campaign c = folder.parse(doc);
    ASSERT_EQ(c.plan()->tasks().size(), 3U);
    EXPECT_EQ(c.plan()->tasks()[2].id, "east/t1");
    EXPECT_EQ(c.plan()->tasks()[2].responsibility.at("unit"), "东区");
    EXPECT_EQ(c.spec().plan->subplans.at(0).file, "districts/east.json");

    // A fault in the sub-plan file is that file's, at its own path.
    const std::vector<std::tuple<std::function<void(Json&)>, std::string, std::string>> cases = {
        {[](Json& s) { s["tasks"][0]["due"] = "2025-09-09"; }, "$.tasks[0].due", "2025-09-09 is before the start 2025-09-10"},
        {[](Json& s) { s["tasks"][0]["depends_on"] = Json::array({"nope"}); }, "$.tasks[0].depends_on[0]", "unknown task 'nope'"},
        {[](Json& s) { s["owner"] = "x"; }, "$.owner", "unknown key 'owner'"},
        {[](Json& s) { s["tasks"][0]["titles"] = Json::array({"forest"}); }, "$.tasks[0].titles[0]", "'forest'"},
    };
    for (const auto& [change, location, part] : cases) {
        SCOPED_TRACE(location + ": " + part);
        folder.write("districts/east.json", with(Json::parse(east_text), change).dump(2));
        const std::string message = folder.error(doc, location, "districts/east.json");
        EXPECT_TRUE(contains(message, part)) << message;
    }
    // A sub-plan file that is not there: the campaign file's fault.
    std::filesystem::remove(folder.path() / "districts" / "east.json");
    folder.error(doc, "$.plan.subplans[0].file");
}

TEST(CampaignFile, APlanCycleIsTheFileItIsIn) {
    const CampaignFolder folder;
    // In place: the campaign file, at the plan's path in it.
    const Json in_place = with(document(), [](Json& j) {
        j["plan"] = plan_document();
        j["plan"]["tasks"][0] = in_place_task();
    });
    const std::string m = folder.error(in_place, "$.plan.tasks[0].depends_on[0]");
    EXPECT_TRUE(contains(m, "the plan's dependencies form a cycle: kickoff -> parks -> kickoff")) << m;

    // In the plan file, and in a sub-plan file of it: that file, at its own path.
    const Json doc = with(document(), [](Json& j) { j["plan"] = "plan.json"; });
    Json plan = plan_document();
    plan["format"] = "civitas-plan/1";
    plan["subplans"] = Json::parse(R"([{"file": "districts/east.json"}])");
    folder.write("plan.json", with(plan, [](Json& p) { p["tasks"][0] = in_place_task(); }).dump(2));
    folder.write("districts/east.json", east_text);
    folder.error(doc, "$.tasks[0].depends_on[0]", "plan.json");
    folder.write("plan.json", plan.dump(2));
    folder.write("districts/east.json", with(Json::parse(east_text), [](Json& s) {
                                            s["tasks"].push_back(Json::parse(
                                                R"({"id": "t2", "start": "2025-09-10", "due": "2025-10-10", "depends_on": ["t1"]})"));
                                            s["tasks"][0]["depends_on"].push_back("t2");
                                        }).dump(2));
    const std::string e = folder.error(doc, "$.tasks[0].depends_on[1]", "districts/east.json");
    EXPECT_TRUE(contains(e, "east/t1 -> east/t2 -> east/t1")) << e;
}

TEST(CampaignFile, PlanFile) {
    const CampaignFolder folder;
    const Json doc = with(document(), [](Json& j) { j["plan"] = "plan.json"; });
    Json plan = plan_document();
    plan["format"] = "civitas-plan/1";
    plan["subplans"] = Json::parse(R"([{"file": "districts/east.json"}])");
    folder.write("plan.json", plan.dump(2));
    folder.write("districts/east.json", east_text);
    const Campaign c = folder.parse(doc);
    EXPECT_EQ(c.spec().plan_file, "plan.json");
    EXPECT_FALSE(c.spec().plan.has_value());
    ASSERT_TRUE(c.plan().has_value());
    EXPECT_EQ(c.plan()->tasks().size(), 3U);
    EXPECT_EQ(c.plan()->spec().titles.size(), 3U);  // the campaign's, implied

    // The plan file with the campaign's titles written out is the same plan.
    Json same = plan;
    same["titles"] = Json::parse(R"([{"id": "garden", "name": "国家园林城市"}, {"id": "model", "name": "国家环保模范城市"},
                                     {"id": "sanitary", "name": "国家卫生城市"}])");
    folder.write("plan.json", same.dump(2));
    EXPECT_EQ(folder.parse(doc), c);

    // Other titles: the plan file's fault, at its "$.titles".
    Json other = plan;
    other["titles"] = Json::parse(R"([{"id": "garden", "name": "国家园林城市"}, {"id": "model", "name": "国家环保模范城市"}])");
    folder.write("plan.json", other.dump(2));
    const std::string titles = folder.error(doc, "$.titles", "plan.json");
    EXPECT_TRUE(contains(titles, "the plan's titles differ from the campaign's")) << titles;
    other["titles"][1]["name"] = "国家卫生城市";
    other["titles"].push_back(Json::parse(R"({"id": "sanitary", "name": "国家卫生城市"})"));
    folder.write("plan.json", other.dump(2));
    folder.error(doc, "$.titles", "plan.json");

    // A fault in the plan file, and in its sub-plan file.
    Json bad = plan;
    bad["tasks"][1]["due"] = "2025-09-01";
    folder.write("plan.json", bad.dump(2));
    const std::string due = folder.error(doc, "$.tasks[1].due", "plan.json");
    EXPECT_TRUE(contains(due, "2025-09-01 is before the start 2025-09-02")) << due;
    folder.write("plan.json", plan.dump(2));
    folder.write("districts/east.json", with(Json::parse(east_text), [](Json& s) { s["tasks"][0]["due"] = "2025-09-09"; }).dump(2));
    folder.error(doc, "$.tasks[0].due", "districts/east.json");
    folder.write("districts/east.json", east_text);

    // Malformed JSON in the plan file names that file and the line.
    folder.write("plan.json", "{\n  \"id\": \"p\",\n}");
    try {
        (void)folder.parse(doc);
        ADD_FAILURE() << "expected a ParseError";
    } catch (const ParseError& e) {
        EXPECT_EQ(std::filesystem::path(e.file()), folder.path() / "plan.json");
        EXPECT_TRUE(contains(e.location(), "line 3")) << e.what();
    }

    // A plan file that is not there: the campaign file's fault, at "$.plan".
    std::filesystem::remove(folder.path() / "plan.json");
    const std::string missing = folder.error(doc, "$.plan");
    EXPECT_TRUE(contains(missing, "cannot read the plan file")) << missing;
    EXPECT_TRUE(contains(missing, "plan.json")) << missing;
}

TEST(CampaignFile, ErrorsReadInChinese) {
    const CampaignFolder folder;
    const std::string file = folder.campaign_file();
    const auto parsed = [&](const Json& campaign) { return chinese_error([&] { (void)folder.parse(campaign); }); };
    EXPECT_EQ(parsed(with(document(), [](Json& j) { j["format"] = "civitas-campaign/2"; })),
              file + ": $.format: \"civitas-campaign/2\" 不是本版本能读取的格式；应为 \"civitas-campaign/1\"");
    EXPECT_EQ(parsed(with(document(), [](Json& j) { j["observations"] = Json::array({"observations/city.txt"}); })),
              file + ": $.observations[0]: \"observations/city.txt\" 既不是 .csv 文件也不是 .json 文件；应为观测数据文件");
    EXPECT_EQ(parsed(with(document(), [](Json& j) { j["units"][1]["classes"] = "large"; })),
              file + ": $.units[1].classes: \"large\" 不是对象（称号 id -> 单位类别）；应为对象（称号 id -> 单位类别）");
    // Validation in the campaign file, at its path.
    EXPECT_EQ(parsed(with(document(), [](Json& j) { j["targets"][1]["unit"] = "north"; })),
              file + ": $.targets[1].unit: 单位 'north' 未定义；应为创建方案中的单位 id");
    // A plan file that is not there: why it cannot be read, in Chinese too.
    const std::string missing = (folder.path() / "plan.json").string();
    EXPECT_EQ(parsed(with(document(), [](Json& j) { j["plan"] = "plan.json"; })),
              file + ": $.plan: 无法读取工作计划文件: " + missing + ": 无法打开: " + std::strerror(ENOENT));
}

TEST(CampaignFile, RoundTripIsLossless) {
    const CampaignFolder folder;
    const Campaign c = folder.parse(document());
    const std::string text = campaign_to_json(c);
    const Campaign again = parse_campaign(text, folder.campaign_file());
    EXPECT_EQ(again, c);
    EXPECT_EQ(again.spec(), c.spec());
    EXPECT_EQ(campaign_to_json(again), text);
    EXPECT_EQ(parse_campaign(campaign_to_json(c, 0), folder.campaign_file()), c);
    EXPECT_EQ(parse_campaign(campaign_to_json(c, -1), folder.campaign_file()), c);
    // Written as given, defaults left out.
    const Json j = Json::parse(text);
    EXPECT_EQ(j["format"], "civitas-campaign/1");
    EXPECT_EQ(j["titles"][0]["framework"], "frameworks/green.json");
    EXPECT_EQ(j["calendar"], "cn");
    EXPECT_FALSE(j["titles"][1].contains("dates"));
    EXPECT_FALSE(j["titles"][2].contains("framework"));
    EXPECT_FALSE(j["titles"][2]["dates"].contains("benchmark"));
    EXPECT_FALSE(j["units"][0].contains("parent"));
    EXPECT_FALSE(j["units"][0].contains("classes"));
    EXPECT_FALSE(j["units"][2].contains("name"));
    EXPECT_FALSE(j["departments"][1].contains("leader"));
    EXPECT_FALSE(j["targets"][1].contains("unit"));
    EXPECT_FALSE(j["targets"][1].contains("deadline"));
    EXPECT_FALSE(j["targets"][1].contains("department"));
    EXPECT_FALSE(j.contains("plan"));
    EXPECT_EQ(j["observations"], Json::array({"observations/city.csv"}));
    // A bare campaign: only the format, the id and the titles.
    const Campaign bare = folder.parse(Json::parse(R"({"id": "bare", "titles": []})"));
    EXPECT_EQ(Json::parse(campaign_to_json(bare)), Json::parse(R"({"format": "civitas-campaign/1", "id": "bare", "titles": []})"));
}

TEST(CampaignFile, RoundTripOfACampaignBuiltInCode) {
    // Frameworks by bundled id so that the text loads anywhere.
    CampaignSpec spec = city_spec();
    spec.titles[0].framework = "garden-city-2010";
    spec.titles[1].framework = "lanzhou-illustrative";
    spec.units[1].classes.clear();
    spec.units[2].classes.clear();
    spec.targets = {target("air", "air_good_days", "east", 300.5, "ecology")};
    spec.units[3].kind = "school";  // the unit's kind is written and read back
    spec.calendar = "cn";
    spec.plan = city_plan();
    const Campaign c(spec,
                     {{"garden", load_bundled_framework("garden-city-2010")}, {"air", load_bundled_framework("lanzhou-illustrative")}},
                     load_bundled_calendar("cn"));
    const Campaign again = parse_campaign(campaign_to_json(c));
    EXPECT_EQ(again, c);
    EXPECT_EQ(again.spec().targets[0].value, 300.5);
    EXPECT_EQ(again.spec().units[3].kind, "school");
    EXPECT_EQ(Json::parse(campaign_to_json(c))["units"][3]["kind"], "school");
    EXPECT_FALSE(Json::parse(campaign_to_json(c))["units"][0].contains("kind"));  // not said: not written
}

TEST(CampaignFile, RoundTripWithThePlanInPlace) {
    const CampaignFolder folder;
    folder.write("districts/east.json", east_text);
    for (const bool titles : {false, true}) {
        SCOPED_TRACE(titles ? "titles written" : "titles implied");
        const Json doc = with(document(), [&](Json& j) {
            j["plan"] = plan_document();
            j["plan"]["subplans"] = Json::parse(R"([{"file": "districts/east.json"}, {"id": "west", "tasks": []}])");
            if (titles)
                j["plan"]["titles"] = Json::parse(R"([{"id": "garden", "name": "国家园林城市"}, {"id": "model", "name": "国家环保模范城市"},
                                                      {"id": "sanitary", "name": "国家卫生城市"}])");
        });
        const Campaign c = folder.parse(doc);
        const std::string text = campaign_to_json(c);
        EXPECT_EQ(parse_campaign(text, folder.campaign_file()), c);
        const Json j = Json::parse(text);
        ASSERT_TRUE(j["plan"].is_object());
        EXPECT_EQ(j["plan"].contains("titles"), titles);
        EXPECT_FALSE(j["plan"].contains("format"));
        EXPECT_EQ(j["plan"]["subplans"][0], Json::parse(R"({"file": "districts/east.json"})"));
        EXPECT_EQ(campaign_to_json(parse_campaign(text, folder.campaign_file())), text);
    }
}

TEST(CampaignFile, RoundTripWithAPlanFile) {
    const CampaignFolder folder;
    Json plan = plan_document();
    plan["subplans"] = Json::parse(R"([{"file": "districts/east.json"}])");
    folder.write("plan.json", plan.dump(2));
    folder.write("districts/east.json", east_text);
    const Campaign c = folder.parse(with(document(), [](Json& j) { j["plan"] = "plan.json"; }));
    const std::string text = campaign_to_json(c);
    EXPECT_EQ(Json::parse(text)["plan"], "plan.json");
    EXPECT_EQ(parse_campaign(text, folder.campaign_file()), c);
}

// The files under `folder`, relative, sorted.
std::vector<std::string> files_under(const std::filesystem::path& folder) {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
        if (entry.is_regular_file()) files.push_back(entry.path().lexically_relative(folder).generic_string());
    std::sort(files.begin(), files.end());
    return files;
}

TEST(CampaignFile, SaveWritesTheCampaignAndItsPlanFiles) {
    const CampaignFolder source;
    Json plan = plan_document();
    plan["subplans"] = Json::parse(R"([{"file": "districts/east.json"}])");
    source.write("plan.json", plan.dump(2));
    source.write("districts/east.json", east_text);
    const Campaign c = source.parse(with(document(), [](Json& j) { j["plan"] = "plan.json"; }));

    const CampaignFolder target;  // a fresh folder with only frameworks/green.json, which the campaign names
    save_campaign(c, target.path() / "campaign.json");
    // (The frameworks and observation files it names are not the campaign's to write.)
    EXPECT_EQ(files_under(target.path()), (std::vector<std::string>{"campaign.json", "districts/east.json", "frameworks/green.json",
                                                                    "observations/city.csv", "plan.json"}));
    EXPECT_EQ(load_campaign(target.path() / "campaign.json"), c);
    EXPECT_EQ(load_plan(target.path() / "plan.json"), *c.plan());
    // Saving again over the files gives the same files.
    std::ifstream first(target.path() / "campaign.json");
    const std::string before((std::istreambuf_iterator<char>(first)), std::istreambuf_iterator<char>());
    save_campaign(load_campaign(target.path() / "campaign.json"), target.path() / "campaign.json");
    std::ifstream second(target.path() / "campaign.json");
    EXPECT_EQ(std::string((std::istreambuf_iterator<char>(second)), std::istreambuf_iterator<char>()), before);
}

TEST(CampaignFile, SaveWritesTheSubPlanFilesOfAPlanInPlace) {
    const CampaignFolder source;
    source.write("districts/east.json", east_text);
    const Campaign c = source.parse(with(document(), [](Json& j) {
        j["plan"] = plan_document();
        j["plan"]["subplans"] = Json::parse(R"([{"file": "districts/east.json"}])");
    }));
    const CampaignFolder target;
    save_campaign(c, target.path() / "campaign.json");
    EXPECT_EQ(files_under(target.path()), (std::vector<std::string>{"campaign.json", "districts/east.json", "frameworks/green.json",
                                                                    "observations/city.csv"}));
    EXPECT_EQ(load_campaign(target.path() / "campaign.json"), c);
}

TEST(CampaignFile, SaveWithoutAPlan) {
    const CampaignFolder source;
    const Campaign c = source.parse(document());
    const CampaignFolder target;
    save_campaign(c, target.path() / "campaign.json");
    EXPECT_EQ(files_under(target.path()), (std::vector<std::string>{"campaign.json", "frameworks/green.json", "observations/city.csv"}));
    EXPECT_EQ(load_campaign(target.path() / "campaign.json"), c);
}

// ---------------------------------------------------------------------------------------------
// The bundled example, examples/lanzhou/campaign.json

TEST(CampaignFile, RoundTripWithRoundsChecksAndInspections) {
    // The test campaign with a scheme of its own for "model", a round, a check and an inspection
    // in place and one in its own file (new optional keys of civitas-campaign/1).
    const CampaignFolder folder;
    folder.write("inspections/east.json", R"({"format": "civitas-inspection/1", "id": "fi-east", "title": "model",
        "date": "2026-03-01", "sites": [{"id": "s1", "unit": "east", "type": "street"}],
        "problems": [{"site": "s1", "indicator": "street_cleanliness_problems", "count": 2}]})");
    const Json j = with(document(), [](Json& d) {
        d["titles"][1]["scheme"] = Json::parse(R"({"name": "模拟测评", "parts": [{"id": "all", "mode": "field_inspection", "full_points": 10}],
            "year_weights": [0.4, 0.6], "first_year": 2025, "consequences": [{"id": "warning", "name": "预警", "below": 6}]})");
        d["rounds"] = Json::parse(R"([{"id": "m1", "title": "model", "kind": "mock_test", "date": "2025-11-30", "parts": {"all": 5.5},
            "source": "synthetic"}, {"id": "m2", "title": "model", "date": "2025-12-10", "total": 7}])");
        d["checks"] = Json::parse(R"([{"id": "pre", "title": "model", "kind": "provincial_precheck", "date": "2026-05-10",
            "end": "2026-06-15", "name": "省级预检"}, {"id": "all", "date": "2026-07-01"}])");
        d["inspections"] = Json::parse(R"([{"id": "fi-west", "title": "model", "date": "2026-02-01", "mandatory": ["hospital"],
            "sites": [{"id": "w1", "unit": "west", "type": "park", "name": "西区公园", "date": "2026-02-02"}],
            "problems": [{"site": "w1", "indicator": "green_space_encroachments", "description": "绿地内停车", "deduction": 0.2}]},
            {"file": "inspections/east.json"}])");
    });
    const Campaign c = folder.parse(j);
    ASSERT_EQ(c.spec().rounds.size(), 2U);
    EXPECT_EQ(c.spec().rounds[0].kind, AssessmentKind::mock_test);
    EXPECT_EQ(c.spec().checks[1].kind, AssessmentKind::other);
    EXPECT_EQ(c.spec().inspections[1].file, "inspections/east.json");
    EXPECT_EQ(c.round_scheme("model").year_weights, (std::vector<double>{0.4, 0.6}));
    // m2 is the 2025 annual test of the cycle 2025-2026: 0.4 x 7 = 2.8 secured.
    EXPECT_NEAR(c.cycle_standing("model").secured, 2.8, 1e-12);
    const std::string text = campaign_to_json(c);
    const Campaign again = parse_campaign(text, folder.campaign_file());
    EXPECT_EQ(again, c);
    EXPECT_EQ(campaign_to_json(again), text);
    const Json written = Json::parse(text);
    EXPECT_EQ(written["inspections"][1], Json::parse(R"({"file": "inspections/east.json"})"));
    EXPECT_FALSE(written["rounds"][1].contains("kind"));  // annual_test, the default
    EXPECT_FALSE(written["checks"][1].contains("kind"));  // other, the default
    EXPECT_FALSE(written["titles"][0].contains("scheme"));
    // The inspections' counts joined the observation file's row: west and its parent city, east and city.
    EXPECT_EQ(again.observations().latest("city", "street_cleanliness_problems", day("2026-03-31"))->value, 2.0);
    EXPECT_EQ(again.observations().latest("west", "green_space_encroachments", day("2026-03-31"))->value, 1.0);
    EXPECT_EQ(again.observations().size(), 1U + 2U + 2U);
}

TEST(CampaignFile, LanzhouExample) {
    const Campaign c = load_campaign(lanzhou);
    const CampaignSpec& spec = c.spec();
    EXPECT_EQ(spec.id, "lanzhou-five-cities");
    EXPECT_EQ(spec.language, "zh");
    ASSERT_EQ(spec.titles.size(), 5U);
    ASSERT_EQ(spec.units.size(), 7U);  // the city, four districts, a county and a school
    EXPECT_EQ(spec.units[0].kind, "city");
    EXPECT_EQ(spec.units[5], (CampaignUnit{"yuzhong", "榆中县", "lanzhou", {}, "county"}));
    EXPECT_EQ(spec.units[6], (CampaignUnit{"chengguan_school", "城关区某小学", "chengguan", {}, "school"}));
    EXPECT_EQ(spec.departments.size(), 12U);  // ten bureaus and two districts' governments
    EXPECT_EQ(spec.departments[11].unit, "qilihe");
    EXPECT_EQ(spec.store, "lanzhou.db");
    ASSERT_TRUE(spec.submissions);
    EXPECT_EQ(spec.submissions->departments.size(), 6U);  // four bureaus and two districts submit monthly
    EXPECT_EQ(spec.accountability.size(), 3U);
    EXPECT_EQ(spec.plan_file, "plan.json");
    ASSERT_TRUE(c.plan().has_value());
    EXPECT_EQ(c.plan()->tasks().size(), 65U);  // with the checks' milestones and the county's three tasks
    EXPECT_EQ(c.frameworks().size(), 5U);  // every title is judged by a framework
    EXPECT_EQ(c.framework("sanitary_city").id(), "sanitary-city-2021");
    EXPECT_EQ(c.framework("environmental_model_city").id(), "lanzhou-environmental-illustrative");
    EXPECT_EQ(c.framework("garden_city").id(), load_bundled_framework("lanzhou-illustrative").id());
    EXPECT_EQ(c.calendar(), load_bundled_calendar("cn"));
    EXPECT_EQ(c.title_index("sanitary_city"), 1U);
    EXPECT_EQ(c.children(""), (std::vector<std::string>{"lanzhou"}));
    EXPECT_EQ(c.children("lanzhou"), (std::vector<std::string>{"chengguan", "qilihe", "xigu", "anning", "yuzhong"}));
    EXPECT_EQ(c.children("chengguan"), (std::vector<std::string>{"chengguan_school"}));
    const auto chengguan = c.targets_for("garden_city", "theme_gardens_new", "chengguan");
    ASSERT_EQ(chengguan.size(), 1U);
    EXPECT_EQ(chengguan[0]->value, 5.0);
    EXPECT_EQ(chengguan[0]->deadline, day("2026-04-30"));
    const auto city_target = c.targets_for("garden_city", "theme_gardens_new", "lanzhou");
    ASSERT_EQ(city_target.size(), 1U);
    EXPECT_EQ(city_target[0]->value, 11.0);
    const auto sewage = c.targets_for("garden_city", "sewage_treatment_rate", "xigu");  // a target for every unit
    ASSERT_EQ(sewage.size(), 1U);
    EXPECT_EQ(sewage[0]->department, "water");
    EXPECT_EQ(to_string(c).rfind("Campaign('lanzhou-five-cities': 5 titles, 7 units, 11 targets, plan of 65 tasks", 0), 0U) << to_string(c);
}

TEST(CampaignFile, LanzhouExampleRoundTripsAndSaves) {
    const Campaign c = load_campaign(lanzhou);
    EXPECT_EQ(parse_campaign(campaign_to_json(c), lanzhou.string()), c);
    const TempFolder target;
    save_campaign(c, target.path() / "campaign.json");
    EXPECT_EQ(files_under(target.path()),
              (std::vector<std::string>{"campaign.json", "inspections.json", "plan.json", "plans/chengguan.json"}));
    // The observation files and the store it names are not the campaign's to write: copied here.
    std::vector<std::string> data = c.spec().observations;
    data.push_back(c.spec().store);
    for (const std::string& file : data) {
        std::filesystem::create_directories((target.path() / file).parent_path());
        std::filesystem::copy_file(lanzhou.parent_path() / file, target.path() / file);
    }
    EXPECT_EQ(load_campaign(target.path() / "campaign.json"), c);
}

}  // namespace
}  // namespace civitas
