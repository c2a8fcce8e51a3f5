// Titles the campaign runs for (五城联创: a Civilized City, a Sanitary City, ...): which titles a
// task serves, the roll-up by title, validation and plan files.
//
// Worked by hand on the default WorkCalendar (Monday to Friday, no holidays): Mon 3 - Fri 7
// March 2025 is 5 working days.

#include "support.hpp"

#include <civitas/io/plan_io.hpp>

#include <string>

namespace civitas {
namespace {

using Ids = std::vector<std::string>;
using test::validation_message;

Date day(const char* iso) { return parse_date(iso, "test"); }

Task task(std::string id, std::string phase, Ids titles = {}) {
    Task t;
    t.id = std::move(id);
    t.phase = std::move(phase);
    t.titles = std::move(titles);
    t.start = day("2025-03-03");
    t.due = day("2025-03-07");
    return t;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Phases: mobilize (the whole campaign's), civ (文明城市's), san (卫生城市's). Tasks:
//   a  phase civ                         -> civilized (its phase's)
//   b  phase civ, titles sanitary garden -> sanitary, garden (its own win)
//   c  phase mobilize                    -> none
//   d  no phase                          -> none
//   e  phase san                         -> sanitary
//   f  no phase, titles civilized sanitary -> both
PlanSpec titles_spec() {
    PlanSpec spec;
    spec.id = "five-cities";
    spec.titles = {{"civilized", "全国文明城市"}, {"sanitary", "国家卫生城市"}, {"garden", "国家园林城市"}};
    spec.phases = {{"mobilize", "动员部署", ""}, {"civ", "文明城市集中整治", "civilized"}, {"san", "卫生城市集中整治", "sanitary"}};
    spec.tasks = {task("a", "civ"), task("b", "civ", {"sanitary", "garden"}), task("c", "mobilize"), task("d", ""),
                  task("e", "san"), task("f", "", {"civilized", "sanitary"})};
    spec.tasks[0].percent_complete = 100;
    spec.tasks[5].percent_complete = 40;
    return spec;
}

TEST(Title, TitlesOfATaskItsOwnElseItsPhasesElseNone) {
    const Plan plan(titles_spec());
    EXPECT_EQ(plan.titles_of_task(0), (Ids{"civilized"}));
    EXPECT_EQ(plan.titles_of_task(1), (Ids{"sanitary", "garden"}));
    EXPECT_EQ(plan.titles_of_task(2), Ids{});
    EXPECT_EQ(plan.titles_of_task(3), Ids{});
    EXPECT_EQ(plan.titles_of_task(4), (Ids{"sanitary"}));
    EXPECT_EQ(plan.titles_of_task(5), (Ids{"civilized", "sanitary"}));
}

TEST(Title, InASubplanThePhasesAreTheRoots) {
    PlanSpec spec = titles_spec();
    PlanSpec district;
    district.id = "district";
    district.tasks = {task("x", "san"), task("y", "civ", {"garden"})};
    spec.subplans = {district};
    const Plan plan(spec);
    EXPECT_EQ(plan.titles_of_task(plan.task_index("district/x")), (Ids{"sanitary"}));
    EXPECT_EQ(plan.titles_of_task(plan.task_index("district/y")), (Ids{"garden"}));
}

TEST(Title, ByTitleCountsATaskInEachTitleItServes) {
    const PlanStatus s = status(Plan(titles_spec()), WorkCalendar(), day("2025-03-05"));
    // civilized: a, f. sanitary: b, e, f. garden: b. The whole campaign: c, d. Eight counts
    // for six tasks: b and f serve two titles each.
    EXPECT_EQ(s.by_title.size(), 4u);
    EXPECT_EQ(s.by_title.at("civilized").tasks, 2);
    EXPECT_EQ(s.by_title.at("sanitary").tasks, 3);
    EXPECT_EQ(s.by_title.at("garden").tasks, 1);
    EXPECT_EQ(s.by_title.at("").tasks, 2);
    EXPECT_EQ(s.overall.tasks, 6);
    // On Wed 5, 3 of 5 working days gone: each task planned 60% of its weight 5 (3). civilized:
    // PV = 3 + 3 = 6; EV = a 5 x 100% + f 5 x 40% = 7; SPI 7/6. sanitary: PV 9, EV f's 2.
    const Progress& civilized = s.by_title.at("civilized");
    EXPECT_DOUBLE_EQ(civilized.planned_value, 6.0);
    EXPECT_DOUBLE_EQ(civilized.earned_value, 7.0);
    EXPECT_DOUBLE_EQ(*civilized.spi, 7.0 / 6.0);
    EXPECT_EQ(civilized.states.at(TaskState::done), 1);
    EXPECT_DOUBLE_EQ(s.by_title.at("sanitary").planned_value, 9.0);
    EXPECT_DOUBLE_EQ(s.by_title.at("sanitary").earned_value, 2.0);
    // A plan without titles has no roll-up by title (everything is in `overall`).
    PlanSpec plain;
    plain.id = "plain";
    plain.tasks = {task("a", ""), task("b", "")};
    const PlanStatus p = status(Plan(plain), WorkCalendar(), day("2025-03-05"));
    EXPECT_TRUE(p.by_title.empty());
    EXPECT_EQ(p.overall.tasks, 2);
}

TEST(Title, InvalidTitles) {
    PlanSpec spec = titles_spec();
    spec.phases[1].title = "forest";
    std::string m = validation_message([&] { Plan{spec}; }, "$.phases[1].title");
    EXPECT_TRUE(has(m, "unknown title 'forest' of phase 'civ'")) << m;
    spec = titles_spec();
    spec.tasks[3].titles = {"forest"};
    m = validation_message([&] { Plan{spec}; }, "$.tasks[3].titles[0]");
    EXPECT_TRUE(has(m, "unknown title 'forest' of task 'd'")) << m;
    spec = titles_spec();
    spec.titles.push_back({"civilized", "again"});
    m = validation_message([&] { Plan{spec}; }, "$.titles[3].id");
    EXPECT_TRUE(has(m, "duplicate title id 'civilized'")) << m;
    spec = titles_spec();
    spec.tasks[5].titles = {"civilized", "sanitary", "civilized"};
    m = validation_message([&] { Plan{spec}; }, "$.tasks[5].titles[2]");
    EXPECT_TRUE(has(m, "listed twice")) << m;
    spec = titles_spec();
    spec.titles[0].id = "";
    validation_message([&] { Plan{spec}; }, "$.titles[0].id");
    // A sub-plan's task uses the root's titles.
    spec = titles_spec();
    PlanSpec district;
    district.id = "district";
    district.tasks = {task("x", "", {"forest"})};
    spec.subplans = {district};
    validation_message([&] { Plan{spec}; }, "$.subplans[0].tasks[0].titles[0]");
}

TEST(Title, InvalidTitlesReadInChinese) {
    const auto chinese = [](const PlanSpec& spec) { return test::chinese_error([&] { Plan{spec}; }); };
    PlanSpec spec = titles_spec();
    spec.phases[1].title = "forest";
    EXPECT_EQ(chinese(spec), "$.phases[1].title: 阶段 'civ' 的称号 'forest' 未定义；应为计划中的称号之一");
    spec = titles_spec();
    spec.tasks[3].titles = {"forest"};
    EXPECT_EQ(chinese(spec), "$.tasks[3].titles[0]: 任务 'd' 的称号 'forest' 未定义；应为计划中的称号之一");
    spec = titles_spec();
    spec.titles.push_back({"civilized", "again"});
    EXPECT_EQ(chinese(spec), "$.titles[3].id: 称号 id 'civilized' 重复；每个称号应只出现一次");
    spec = titles_spec();
    spec.tasks[5].titles = {"civilized", "sanitary", "civilized"};
    EXPECT_EQ(chinese(spec), "$.tasks[5].titles[2]: 称号 'civilized' 重复列出；每个称号应只列一次");
}

std::string parse_message(const std::string& json, const std::string& location) {
    return test::parse_error_at([](const std::string& text, const std::string& file) { (void)parse_plan(text, file); }, json,
                                "plan.json", location);
}

TEST(Title, PlanFiles) {
    const std::string text = R"({"id": "t", "titles": [{"id": "civilized", "name": "全国文明城市"}, {"id": "sanitary"}],
        "phases": [{"id": "civ", "title": "civilized"}, {"id": "all"}],
        "tasks": [{"id": "a", "phase": "civ", "titles": ["sanitary"], "start": "2025-03-03", "due": "2025-03-07"}]})";
    const Plan plan = parse_plan(text);
    EXPECT_EQ(plan.spec().titles, (std::vector<Title>{{"civilized", "全国文明城市"}, {"sanitary", ""}}));
    EXPECT_EQ(plan.spec().phases[0].title, "civilized");
    EXPECT_EQ(plan.spec().phases[1].title, "");
    EXPECT_EQ(plan.titles_of_task(0), (Ids{"sanitary"}));
    EXPECT_EQ(parse_plan(plan_to_json(plan)), plan);
    EXPECT_EQ(parse_plan(plan_to_json(Plan(titles_spec()))), Plan(titles_spec()));

    const std::string m = parse_message(R"({"id": "t", "titles": [{"id": "civilized"}], "phases": [{"id": "p", "title": "garden"}], "tasks": []})",
                                        "$.phases[0].title");
    EXPECT_TRUE(has(m, "unknown title 'garden'")) << m;
    parse_message(R"({"id": "t", "titles": [{"id": "c"}, {"id": "c"}], "tasks": []})", "$.titles[1].id");
    parse_message(R"({"id": "t", "titles": [{"id": "c", "rank": 1}], "tasks": []})", "$.titles[0].rank");
    parse_message(R"({"id": "t", "titles": [{"name": "c"}], "tasks": []})", "$.titles[0].id");
    parse_message(R"({"id": "t", "titles": [{"id": "c"}], "tasks": [{"id": "a", "titles": ["c", "c"], "start": "2025-03-03", "due": "2025-03-07"}]})",
                  "$.tasks[0].titles[1]");
    parse_message(R"({"id": "t", "titles": [{"id": "c"}], "tasks": [{"id": "a", "titles": ["d"], "start": "2025-03-03", "due": "2025-03-07"}]})",
                  "$.tasks[0].titles[0]");
}

}  // namespace
}  // namespace civitas
