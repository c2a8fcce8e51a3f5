// Inspection problems with rectification deadlines and closure (整改销号): their states on a
// date, the rectification counts and closure rate, their roll-ups, validation and plan files.
//
// Worked by hand on the default WorkCalendar (Monday to Friday, no holidays). March 2025:
// Mon 3, Tue 4, Wed 5, Thu 6, Fri 7 | Mon 10 ... Fri 14 | Mon 17 ... Fri 21 | Mon 24 ... Fri 28 | Mon 31.

#include "support.hpp"

#include <civitas/io/plan_io.hpp>

#include <string>

namespace civitas {
namespace {

using Who = std::map<std::string, std::string>;
using test::validation_message;

Date day(const char* iso) { return parse_date(iso, "test"); }

Problem problem(std::string id, const char* found, const char* deadline, std::optional<const char*> closed = std::nullopt,
                std::vector<std::string> titles = {}, Who who = {}) {
    Problem p;
    p.id = std::move(id);
    p.description = "问题 " + p.id;
    p.source = "2025 省级暗访";
    p.found = day(found);
    p.deadline = day(deadline);
    if (closed) p.closed = day(*closed);
    p.titles = std::move(titles);
    p.responsibility = std::move(who);
    return p;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Titles 文明城市 and 卫生城市; one task, done, in the 文明城市's phase; seven problems:
//
//   id  found    deadline  closed   titles                 responsibility
//   P1  Mon 3    Fri 14    Thu 13   civilized              城管局
//   P2  Mon 3    Fri 7     Wed 12   civilized, sanitary    城管局
//   P3  Mon 10   Thu 13    -        sanitary               卫健委
//   P4  Mon 17   Mon 31    -        -                      卫健委
//   P5  Thu 20   Fri 28    -        civilized              城管局
//   P6  Mon 3    Fri 7     Fri 21   civilized              -
//   P7  Mon 3    Tue 18    Tue 18   civilized              城管局, 城关区
PlanSpec problems_spec() {
    PlanSpec spec;
    spec.id = "problems";
    spec.responsibility_fields = {"department", "unit"};
    spec.titles = {{"civilized", "全国文明城市"}, {"sanitary", "国家卫生城市"}};
    spec.phases = {{"implement", "集中整治", "civilized"}};
    Task t;
    t.id = "t";
    t.phase = "implement";
    t.start = day("2025-03-03");
    t.due = day("2025-03-07");
    t.percent_complete = 100;
    spec.tasks = {t};
    const Who city{{"department", "城管局"}}, health{{"department", "卫健委"}};
    spec.problems = {problem("P1", "2025-03-03", "2025-03-14", "2025-03-13", {"civilized"}, city),
                     problem("P2", "2025-03-03", "2025-03-07", "2025-03-12", {"civilized", "sanitary"}, city),
                     problem("P3", "2025-03-10", "2025-03-13", std::nullopt, {"sanitary"}, health),
                     problem("P4", "2025-03-17", "2025-03-31", std::nullopt, {}, health),
                     problem("P5", "2025-03-20", "2025-03-28", std::nullopt, {"civilized"}, city),
                     problem("P6", "2025-03-03", "2025-03-07", "2025-03-21", {"civilized"}),
                     problem("P7", "2025-03-03", "2025-03-18", "2025-03-18", {"civilized"}, {{"department", "城管局"}, {"unit", "城关区"}})};
    return spec;
}

// ---------------------------------------------------------------------------------------------
// States on a date

TEST(Problem, StatesOnWednesday19March) {
    const PlanStatus s = status(Plan(problems_spec()), WorkCalendar(), day("2025-03-19"));
    // P1: closed Thu 13, before its deadline Fri 14: closed, not late.
    EXPECT_EQ(s.problem("P1").state, ProblemState::closed);
    EXPECT_EQ(s.problem("P1").days_late, 0);
    // P2: deadline Fri 7, closed Wed 12: Mon 10, Tue 11, Wed 12 = 3 working days late.
    EXPECT_EQ(s.problem("P2").state, ProblemState::closed_late);
    EXPECT_EQ(s.problem("P2").days_late, 3);
    // P3: deadline Thu 13, still open on Wed 19: Fri 14, Mon 17, Tue 18, Wed 19 = 4 late.
    EXPECT_EQ(s.problem("P3").state, ProblemState::overdue);
    EXPECT_EQ(s.problem("P3").days_late, 4);
    // P4: deadline Mon 31 still ahead: open.
    EXPECT_EQ(s.problem("P4").state, ProblemState::open);
    EXPECT_EQ(s.problem("P4").days_late, 0);
    // P5: found Thu 20, after the date: not counted at all.
    EXPECT_THROW((void)s.problem("P5"), NotFoundError);
    // P6: closed Fri 21, after the date, so open on Wed 19, past its deadline Fri 7:
    // Mon 10 ... Fri 14 (5) and Mon 17, Tue 18, Wed 19 (3) = 8 late.
    EXPECT_EQ(s.problem("P6").state, ProblemState::overdue);
    EXPECT_EQ(s.problem("P6").days_late, 8);
    // P7: closed on its deadline day: on time.
    EXPECT_EQ(s.problem("P7").state, ProblemState::closed);
    EXPECT_EQ(s.problem("P7").days_late, 0);
    // In plan order, without P5.
    ASSERT_EQ(s.problems.size(), 6u);
    EXPECT_EQ(s.problems[3].id, "P4");
    EXPECT_EQ(s.problems[4].id, "P6");
}

TEST(Problem, StatesTwoDaysLater) {
    const PlanStatus s = status(Plan(problems_spec()), WorkCalendar(), day("2025-03-21"));
    // Fri 21: P6 is now closed, late: Mon 10 ... Fri 14, Mon 17 ... Fri 21 = 10 working days.
    EXPECT_EQ(s.problem("P6").state, ProblemState::closed_late);
    EXPECT_EQ(s.problem("P6").days_late, 10);
    // P5, found Thu 20 with its deadline Fri 28 ahead, is counted and open.
    EXPECT_EQ(s.problem("P5").state, ProblemState::open);
    // P3 is 2 more working days late: 6.
    EXPECT_EQ(s.problem("P3").days_late, 6);
    EXPECT_EQ(s.overall.problems.found, 7);
}

TEST(Problem, NothingFoundYet) {
    const PlanStatus s = status(Plan(problems_spec()), WorkCalendar(), day("2025-02-28"));
    EXPECT_TRUE(s.problems.empty());
    EXPECT_EQ(s.overall.problems.found, 0);
    EXPECT_FALSE(s.overall.problems.closure_rate().has_value());
    EXPECT_THROW((void)s.problem("P1"), NotFoundError);
}

// ---------------------------------------------------------------------------------------------
// Rectification counts

TEST(Problem, ClosureRateIsClosedOverFound) {
    EXPECT_FALSE(Rectification{}.closure_rate().has_value());
    Rectification r;
    r.found = 4;
    r.closed = 3;
    r.closed_on_time = 1;
    ASSERT_TRUE(r.closure_rate());
    EXPECT_DOUBLE_EQ(*r.closure_rate(), 0.75);
}

TEST(Problem, RectificationOverall) {
    const PlanStatus s = status(Plan(problems_spec()), WorkCalendar(), day("2025-03-19"));
    // Found by Wed 19: P1, P2, P3, P4, P6, P7 (6). Closed: P1, P2, P7 (3), on time P1, P7 (2).
    // Open past the deadline: P3, P6 (2). Closure rate 3 / 6.
    const Rectification& r = s.overall.problems;
    EXPECT_EQ(r.found, 6);
    EXPECT_EQ(r.closed, 3);
    EXPECT_EQ(r.closed_on_time, 2);
    EXPECT_EQ(r.overdue, 2);
    ASSERT_TRUE(r.closure_rate());
    EXPECT_DOUBLE_EQ(*r.closure_rate(), 0.5);
    // Problems are no tasks: the overall task counts are the one task's.
    EXPECT_EQ(s.overall.tasks, 1);
    EXPECT_EQ(s.overall.due, 1);
}

TEST(Problem, ByTitleAndByResponsibilityButNotByPhase) {
    const PlanStatus s = status(Plan(problems_spec()), WorkCalendar(), day("2025-03-19"));
    // 文明城市: P1 (closed), P2 (late), P6 (overdue), P7 (closed): 4 found, 3 closed, 2 on
    // time, 1 overdue, rate 3/4. It also counts task t, through its phase's title.
    const Progress& civilized = s.by_title.at("civilized");
    EXPECT_EQ(civilized.problems.found, 4);
    EXPECT_EQ(civilized.problems.closed, 3);
    EXPECT_EQ(civilized.problems.closed_on_time, 2);
    EXPECT_EQ(civilized.problems.overdue, 1);
    EXPECT_DOUBLE_EQ(*civilized.problems.closure_rate(), 0.75);
    EXPECT_EQ(civilized.tasks, 1);
    // 卫生城市: P2 (late) and P3 (overdue): 2 found, 1 closed, none on time, rate 1/2.
    const Progress& sanitary = s.by_title.at("sanitary");
    EXPECT_EQ(sanitary.problems.found, 2);
    EXPECT_EQ(sanitary.problems.closed, 1);
    EXPECT_EQ(sanitary.problems.closed_on_time, 0);
    EXPECT_EQ(sanitary.problems.overdue, 1);
    EXPECT_EQ(sanitary.tasks, 0);
    // The whole campaign's (no title): P4, open.
    const Progress& campaign = s.by_title.at("");
    EXPECT_EQ(campaign.problems.found, 1);
    EXPECT_EQ(campaign.problems.closed, 0);
    EXPECT_DOUBLE_EQ(*campaign.problems.closure_rate(), 0.0);
    EXPECT_EQ(s.by_title.size(), 3u);
    // 城管局: P1, P2, P7 (P5 not yet found): 3 found, all closed, 2 on time: rate 1.
    const Rectification& city = s.by_responsibility.at("department").at("城管局").problems;
    EXPECT_EQ(city.found, 3);
    EXPECT_EQ(city.closed, 3);
    EXPECT_EQ(city.closed_on_time, 2);
    EXPECT_DOUBLE_EQ(*city.closure_rate(), 1.0);
    // 卫健委: P3 (overdue), P4 (open): rate 0.
    const Rectification& health = s.by_responsibility.at("department").at("卫健委").problems;
    EXPECT_EQ(health.found, 2);
    EXPECT_EQ(health.overdue, 1);
    EXPECT_DOUBLE_EQ(*health.closure_rate(), 0.0);
    EXPECT_EQ(s.by_responsibility.at("department").size(), 2u);  // P6 names no department
    EXPECT_EQ(s.by_responsibility.at("unit").at("城关区").problems.found, 1);
    // Phases hold tasks only: the one phase counts task t and no problem.
    ASSERT_EQ(s.by_phase.size(), 1u);
    EXPECT_EQ(s.by_phase.at("implement").tasks, 1);
    EXPECT_EQ(s.by_phase.at("implement").problems.found, 0);
}

TEST(Problem, BySubplanWithQualifiedIdsAndFilledResponsibility) {
    // No tasks at all: a plan of problems only. Root R closed on its deadline Fri 7. District
    // (unit 城关区): Q1 open past Fri 7. Its school (leader 校长): Q1 closed Mon 10, deadline Fri 14.
    PlanSpec spec;
    spec.id = "nested";
    spec.responsibility_fields = {"unit", "leader"};
    spec.problems = {problem("R", "2025-03-03", "2025-03-07", "2025-03-07")};
    PlanSpec school;
    school.id = "school";
    school.responsibility = {{"leader", "校长"}};
    school.problems = {problem("Q1", "2025-03-03", "2025-03-14", "2025-03-10")};
    PlanSpec district;
    district.id = "district";
    district.responsibility = {{"unit", "城关区"}};
    district.problems = {problem("Q1", "2025-03-03", "2025-03-07")};
    district.subplans = {school};
    spec.subplans = {district};
    const Plan plan(spec);
    ASSERT_EQ(plan.problems().size(), 3u);
    EXPECT_EQ(plan.problems()[1].id, "district/Q1");
    EXPECT_EQ(plan.problems()[2].id, "district/school/Q1");
    EXPECT_EQ(plan.problems()[2].responsibility, (Who{{"unit", "城关区"}, {"leader", "校长"}}));
    EXPECT_EQ(plan.subplan_of_problem(0), "");
    EXPECT_EQ(plan.subplan_of_problem(2), "district/school");
    EXPECT_THROW((void)plan.subplan_of_problem(3), NotFoundError);
    EXPECT_EQ(plan.spec().subplans[0].problems[0].id, "Q1");  // the spec keeps local ids

    const PlanStatus s = status(plan, WorkCalendar(), day("2025-03-19"));
    // district/Q1: Mon 10 ... Fri 14, Mon 17, Tue 18, Wed 19 = 8 working days late.
    EXPECT_EQ(s.problem("district/Q1").state, ProblemState::overdue);
    EXPECT_EQ(s.problem("district/Q1").days_late, 8);
    EXPECT_EQ(s.problem("district/school/Q1").state, ProblemState::closed);
    EXPECT_EQ(s.problem("R").state, ProblemState::closed);
    // "" is the root's own; the district counts its school's.
    EXPECT_EQ(s.by_subplan.at("").problems.found, 1);
    EXPECT_EQ(s.by_subplan.at("").problems.closed, 1);
    EXPECT_EQ(s.by_subplan.at("district").problems.found, 2);
    EXPECT_EQ(s.by_subplan.at("district").problems.closed, 1);
    EXPECT_EQ(s.by_subplan.at("district").problems.overdue, 1);
    EXPECT_EQ(s.by_subplan.at("district/school").problems.found, 1);
    EXPECT_EQ(s.by_subplan.at("district/school").problems.closed_on_time, 1);
    EXPECT_EQ(s.by_subplan.at("district").tasks, 0);
    // 城关区 answers for both of the district's (its school's by default).
    EXPECT_EQ(s.by_responsibility.at("unit").at("城关区").problems.found, 2);
    EXPECT_EQ(s.by_responsibility.at("leader").at("校长").problems.found, 1);
    EXPECT_EQ(s.overall.problems.found, 3);
    EXPECT_EQ(s.overall.tasks, 0);
    EXPECT_EQ(to_string(plan), "Plan('nested': 0 tasks (0 milestones), 0 phases, 3 problems, 2 sub-plans)");
}

// ---------------------------------------------------------------------------------------------
// Validation

TEST(Problem, InvalidProblemsNameTheProblemAndField) {
    const auto with = [](std::vector<Problem> problems) {
        PlanSpec spec = problems_spec();
        spec.problems = std::move(problems);
        return spec;
    };
    std::string m = validation_message([&] { Plan{with({problem("p", "2025-03-10", "2025-03-07")})}; }, "$.problems[0].deadline");
    EXPECT_TRUE(has(m, "2025-03-07 is before 2025-03-10, when problem 'p' was found")) << m;
    m = validation_message([&] { Plan{with({problem("p", "2025-03-10", "2025-03-14", "2025-03-07")})}; }, "$.problems[0].closed");
    EXPECT_TRUE(has(m, "2025-03-07 is before 2025-03-10")) << m;
    // Closed after found but before the deadline, or after it, is fine.
    EXPECT_NO_THROW(Plan{with({problem("p", "2025-03-10", "2025-03-14", "2025-03-10"), problem("q", "2025-03-10", "2025-03-14", "2025-04-01")})});
    m = validation_message([&] { Plan{with({problem("p", "2025-03-03", "2025-03-07", std::nullopt, {"garden"})})}; }, "$.problems[0].titles[0]");
    EXPECT_TRUE(has(m, "unknown title 'garden' of problem 'p'")) << m;
    validation_message([&] { Plan{with({problem("p", "2025-03-03", "2025-03-07", std::nullopt, {"civilized", "civilized"})})}; },
                       "$.problems[0].titles[1]");
    m = validation_message([&] { Plan{with({problem("p", "2025-03-03", "2025-03-07", std::nullopt, {}, {{"owner", "x"}})})}; },
                           "$.problems[0].responsibility.owner");
    EXPECT_TRUE(has(m, "unknown responsibility field 'owner' of problem 'p'")) << m;
    m = validation_message([&] { Plan{with({problem("p", "2025-03-03", "2025-03-07"), problem("p", "2025-03-04", "2025-03-07")})}; },
                           "$.problems[1].id");
    EXPECT_TRUE(has(m, "duplicate problem id 'p'")) << m;
    validation_message([&] { Plan{with({problem("a/b", "2025-03-03", "2025-03-07")})}; }, "$.problems[0].id");
    validation_message([&] { Plan{with({problem("", "2025-03-03", "2025-03-07")})}; }, "$.problems[0].id");
    Problem undated = problem("p", "2025-03-03", "2025-03-07");
    undated.found = Date();
    m = validation_message([&] { Plan{with({undated})}; }, "$.problems[0].found");
    EXPECT_TRUE(has(m, "not a date")) << m;
    // A task and a problem may share an id: they are different lists.
    EXPECT_NO_THROW(Plan{with({problem("t", "2025-03-03", "2025-03-07")})});
}

TEST(Problem, InvalidProblemsReadInChinese) {
    const auto chinese = [](std::vector<Problem> problems) {
        PlanSpec spec = problems_spec();
        spec.problems = std::move(problems);
        return test::chinese_error([&] { Plan{spec}; });
    };
    EXPECT_EQ(chinese({problem("p", "2025-03-10", "2025-03-07")}),
              "$.problems[0].deadline: 2025-03-07 早于问题 'p' 的发现日期 2025-03-10；整改期限应不早于发现日期");
    EXPECT_EQ(chinese({problem("p", "2025-03-10", "2025-03-14", "2025-03-07")}),
              "$.problems[0].closed: 2025-03-07 早于问题 'p' 的发现日期 2025-03-10；销号日期应不早于发现日期");
    EXPECT_EQ(chinese({problem("p", "2025-03-03", "2025-03-07", std::nullopt, {"garden"})}),
              "$.problems[0].titles[0]: 问题 'p' 的称号 'garden' 未定义；应为计划中的称号之一");
    EXPECT_EQ(chinese({problem("p", "2025-03-03", "2025-03-07", std::nullopt, {}, {{"owner", "x"}})}),
              "$.problems[0].responsibility.owner: 问题 'p' 的责任字段 'owner' 未定义；应为计划 responsibility_fields 中的字段之一");
    EXPECT_EQ(chinese({problem("p", "2025-03-03", "2025-03-07"), problem("p", "2025-03-04", "2025-03-07")}),
              "$.problems[1].id: 问题 id 'p' 重复；每个问题应只出现一次");
}

TEST(Problem, InvalidProblemsInASubplan) {
    PlanSpec spec = problems_spec();
    PlanSpec district;
    district.id = "district";
    district.problems = {problem("P1", "2025-03-03", "2025-03-07"),  // the root's id again: fine
                         problem("q", "2025-03-10", "2025-03-07")};
    spec.subplans = {district};
    validation_message([&] { Plan{spec}; }, "$.subplans[0].problems[1].deadline");
    spec.subplans[0].problems[1] = problem("P1", "2025-03-03", "2025-03-07");
    std::string m = validation_message([&] { Plan{spec}; }, "$.subplans[0].problems[1].id");
    EXPECT_TRUE(has(m, "duplicate problem id 'P1'")) << m;
    spec.subplans[0].problems[1] = problem("q", "2025-03-03", "2025-03-07", std::nullopt, {"garden"});
    validation_message([&] { Plan{spec}; }, "$.subplans[0].problems[1].titles[0]");
}

// ---------------------------------------------------------------------------------------------
// Plan files

std::string parse_message(const std::string& json, const std::string& location) {
    return test::parse_error_at([](const std::string& text, const std::string& file) { (void)parse_plan(text, file); }, json,
                                "plan.json", location);
}

std::string with_problems(const std::string& problems) {
    return R"({"format": "civitas-plan/1", "id": "t", "responsibility_fields": ["department"],
               "titles": [{"id": "civilized", "name": "全国文明城市"}], "tasks": [], "problems": [)" + problems + "]}";
}

TEST(Problem, ReadFromAPlanFile) {
    const Plan plan = parse_plan(with_problems(R"(
        {"id": "p1", "description": "背街小巷垃圾堆放", "source": "2025 省级暗访", "titles": ["civilized"],
         "indicators": ["field_inspection"], "responsibility": {"department": "城管局"},
         "found": "2025-03-03", "deadline": "2025-03-14", "closed": "2025-03-13"},
        {"id": "p2", "found": "2025-03-03", "deadline": "2025-03-03"})"));
    ASSERT_EQ(plan.problems().size(), 2u);
    const Problem& p1 = plan.problems()[0];
    EXPECT_EQ(p1.description, "背街小巷垃圾堆放");
    EXPECT_EQ(p1.source, "2025 省级暗访");
    EXPECT_EQ(p1.titles, (std::vector<std::string>{"civilized"}));
    EXPECT_EQ(p1.indicators, (std::vector<std::string>{"field_inspection"}));
    EXPECT_EQ(p1.responsibility, (Who{{"department", "城管局"}}));
    EXPECT_EQ(p1.found, day("2025-03-03"));
    EXPECT_EQ(p1.deadline, day("2025-03-14"));
    EXPECT_EQ(p1.closed, day("2025-03-13"));
    const Problem& p2 = plan.problems()[1];
    EXPECT_TRUE(p2.description.empty());
    EXPECT_TRUE(p2.titles.empty());
    EXPECT_FALSE(p2.closed.has_value());
}

TEST(Problem, FileErrorsNameTheJsonPath) {
    const std::string ok = R"({"id": "p", "found": "2025-03-10", "deadline": "2025-03-14"})";
    std::string m = parse_message(with_problems(ok + R"(, {"id": "q", "found": "2025-03-10", "deadline": "2025-03-07"})"),
                                  "$.problems[1].deadline");
    EXPECT_TRUE(has(m, "2025-03-07 is before 2025-03-10")) << m;
    EXPECT_TRUE(has(m, "plan.json")) << m;
    parse_message(with_problems(R"({"id": "p", "found": "2025-03-10", "deadline": "2025-03-14", "closed": "2025-03-07"})"),
                  "$.problems[0].closed");
    m = parse_message(with_problems(R"({"id": "p", "found": "2025-03-10", "deadline": "2025-03-14", "owner": "x"})"),
                      "$.problems[0].owner");
    EXPECT_TRUE(has(m, "unknown key 'owner'")) << m;
    m = parse_message(with_problems(R"({"id": "p", "found": "2025-02-30", "deadline": "2025-03-14"})"), "$.problems[0].found");
    EXPECT_TRUE(has(m, "28 days")) << m;
    parse_message(with_problems(R"({"id": "p", "found": "2025-03-10"})"), "$.problems[0].deadline");
    parse_message(with_problems(R"({"id": "p", "found": "2025-03-10", "deadline": "2025-03-14", "titles": ["civilized", "civilized"]})"),
                  "$.problems[0].titles[1]");
    m = parse_message(with_problems(R"({"id": "p", "found": "2025-03-10", "deadline": "2025-03-14", "titles": ["sanitary"]})"),
                      "$.problems[0].titles[0]");
    EXPECT_TRUE(has(m, "unknown title 'sanitary'")) << m;
    parse_message(with_problems(R"({"id": "p", "found": "2025-03-10", "deadline": "2025-03-14", "responsibility": {"unit": "x"}})"),
                  "$.problems[0].responsibility.unit");
    parse_message(with_problems(ok + ", " + ok), "$.problems[1].id");
    parse_message(with_problems(R"("p")"), "$.problems[0]");
    // In an inline sub-plan.
    parse_message(R"({"id": "t", "tasks": [], "subplans": [{"id": "d", "problems": [
                     {"id": "p", "found": "2025-03-10", "deadline": "2025-03-07"}]}]})",
                  "$.subplans[0].problems[0].deadline");
}

TEST(Problem, RoundTripKeepsEveryField) {
    PlanSpec spec = problems_spec();
    spec.problems[0].indicators = {"field_inspection", "public_survey"};
    PlanSpec district;
    district.id = "district";
    district.responsibility = {{"unit", "城关区"}};
    district.problems = {problem("Q1", "2025-03-03", "2025-03-07", "2025-03-10", {"sanitary"})};
    spec.subplans = {district};
    const Plan plan(spec);
    const std::string text = plan_to_json(plan);
    EXPECT_EQ(parse_plan(text), plan);
    EXPECT_EQ(parse_plan(plan_to_json(plan, -1)), plan);
    EXPECT_EQ(plan_to_json(parse_plan(text)), text);
    // An open problem has no "closed" key.
    PlanSpec open = problems_spec();
    open.problems = {problem("p", "2025-03-03", "2025-03-07")};
    EXPECT_FALSE(has(plan_to_json(Plan(open)), "closed"));
}

}  // namespace
}  // namespace civitas
