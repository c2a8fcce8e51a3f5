// Plan files (civitas-plan/1): strict reading with the file, JSON path and value in every error,
// and a lossless round trip.

#include "support.hpp"

#include <civitas/io/calendar_io.hpp>
#include <civitas/io/plan_io.hpp>

#include <filesystem>
#include <string>

namespace civitas {
namespace {

using civitas::test::chinese_error;

const std::filesystem::path sample = std::filesystem::path(CIVITAS_TEST_DATA_DIR) / "plans" / "civilized-city-2025.json";

// The ParseError of parsing `json`, checked for its location; "" when none was thrown.
std::string parse_message(const std::string& json, const std::string& location) {
    return civitas::test::parse_error_at([](const std::string& text, const std::string& file) { (void)parse_plan(text, file); },
                                         json, "plan.json", location);
}

// A plan of phase "p" with these tasks (JSON objects, comma-separated).
std::string with_tasks(const std::string& tasks) {
    return R"({"format": "civitas-plan/1", "id": "t", "responsibility_fields": ["department"],
               "phases": [{"id": "p"}], "tasks": [)" + tasks + "]}";
}

const std::string task_a = R"({"id": "a", "start": "2025-03-03", "due": "2025-03-07"})";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(PlanIo, ReadsTheSamplePlan) {
    const Plan plan = load_plan(sample);
    const PlanSpec& spec = plan.spec();
    EXPECT_EQ(spec.id, "civilized-city-2025");
    EXPECT_EQ(spec.phases.size(), 5U);
    EXPECT_EQ(spec.tasks.size(), 13U);
    const Task& kickoff = spec.tasks[plan.task_index("kickoff")];
    EXPECT_TRUE(kickoff.milestone);
    EXPECT_EQ(kickoff.start, Date(2025, 3, 3));  // a milestone's "due" alone sets its one date
    EXPECT_EQ(kickoff.due, Date(2025, 3, 3));
    EXPECT_EQ(kickoff.percent_complete, 100.0);
    const Task& volunteers = spec.tasks[plan.task_index("volunteers")];
    ASSERT_EQ(volunteers.depends_on.size(), 1U);
    EXPECT_EQ(volunteers.depends_on[0], (Dependency{"public_ads", Link::start_to_start, 20, LagUnit::calendar_days}));
    EXPECT_EQ(spec.tasks[plan.task_index("back_alleys")].depends_on[0], (Dependency{"split_tasks", Link::finish_to_start, 3}));
    EXPECT_EQ(spec.tasks[plan.task_index("market_renovation")].responsibility.at("department"), "市商务局");
    EXPECT_EQ(spec.tasks[plan.task_index("market_renovation")].weight, 3.0);
    EXPECT_FALSE(spec.tasks[plan.task_index("split_tasks")].weight.has_value());
}

TEST(PlanIo, RoundTripIsLossless) {
    const Plan plan = load_plan(sample);
    const std::string text = plan_to_json(plan);
    const Plan again = parse_plan(text);
    EXPECT_EQ(again, plan);
    EXPECT_EQ(plan_to_json(again), text);
    // Defaults are left out: a bare id for a plain dependency, no start for a milestone.
    EXPECT_TRUE(contains(text, R"("depends_on": [
        "kickoff"
      ])")) << text;
    EXPECT_FALSE(contains(text, R"("percent_complete": 0)"));
    EXPECT_FALSE(contains(text, R"("milestone": false)"));
}

TEST(PlanIo, RoundTripKeepsEveryField) {
    PlanSpec spec;
    spec.id = "all";
    spec.phases = {{"p", "阶段", ""}};
    Task a;
    a.id = "a";
    a.start = Date(2025, 3, 1);
    a.due = Date(2025, 3, 20);
    a.weight = 0.1;
    a.percent_complete = 33.3;
    a.actual_start = Date(2025, 3, 2);
    a.actual_finish = Date(2025, 3, 19);
    a.indicators = {"x", "y"};
    a.responsibility = {{"anything", "谁"}};  // no responsibility_fields: any key
    Task b;  // given by its duration, with a deadline
    b.id = "b";
    b.start = Date(2025, 3, 3);
    b.duration = 4;
    b.deadline = Date(2025, 3, 14);
    Task m;
    m.id = "m";
    m.phase = "p";
    m.milestone = true;
    m.start = m.due = Date(2025, 3, 31);
    m.depends_on = {{"a", Link::start_to_start, -2, LagUnit::calendar_days}, {"a", Link::finish_to_start, 0, LagUnit::calendar_days}};
    spec.tasks = {a, b, m};
    const Plan plan(spec);
    EXPECT_EQ(parse_plan(plan_to_json(plan, 0)), plan);
    EXPECT_TRUE(contains(plan_to_json(plan, -1), R"({"id":"b","start":"2025-03-03","duration":4,"deadline":"2025-03-14"})"))
        << plan_to_json(plan, -1);
    EXPECT_EQ(parse_plan(plan_to_json(plan, -1)), plan);
}

TEST(PlanIo, UnknownDependencyNamesTheTaskAndField) {
    const std::string bare = parse_message(with_tasks(task_a + R"(, {"id": "b", "start": "2025-03-10", "due": "2025-03-14",
                                                               "depends_on": ["a", "nope"]})"),
                                           "$.tasks[1].depends_on[1]");
    EXPECT_TRUE(contains(bare, "task 'b' depends on unknown task 'nope'")) << bare;
    EXPECT_TRUE(contains(bare, "plan.json")) << bare;
    const std::string object = parse_message(with_tasks(task_a + R"(, {"id": "b", "start": "2025-03-10", "due": "2025-03-14",
                                                                 "depends_on": [{"task": "nope", "lag": 2}]})"),
                                             "$.tasks[1].depends_on[0].task");
    EXPECT_TRUE(contains(object, "'nope'")) << object;
}

TEST(PlanIo, DueBeforeStart) {
    const std::string message = parse_message(with_tasks(R"({"id": "a", "start": "2025-03-10", "due": "2025-03-07"})"), "$.tasks[0].due");
    EXPECT_TRUE(contains(message, "2025-03-07 is before the start 2025-03-10")) << message;
}

TEST(PlanIo, InvalidDateNamesItsPath) {
    const std::string message = parse_message(with_tasks(R"({"id": "a", "start": "2025-02-30", "due": "2025-03-07"})"), "$.tasks[0].start");
    EXPECT_TRUE(contains(message, "2025-02-30")) << message;
    EXPECT_TRUE(contains(message, "28 days")) << message;
    parse_message(with_tasks(R"({"id": "a", "start": "2025-03-01", "due": "2025-03-07", "actual_finish": "3/7/2025"})"),
                  "$.tasks[0].actual_finish");
    parse_message(with_tasks(R"({"id": "a", "start": 20250301, "due": "2025-03-07"})"), "$.tasks[0].start");
}

TEST(PlanIo, DuplicateIds) {
    const std::string message = parse_message(with_tasks(task_a + ", " + task_a), "$.tasks[1].id");
    EXPECT_TRUE(contains(message, "duplicate task id 'a'")) << message;
    parse_message(R"({"id": "t", "phases": [{"id": "p"}, {"id": "p"}], "tasks": []})", "$.phases[1].id");
    parse_message(R"({"id": "t", "responsibility_fields": ["unit", "unit"], "tasks": []})", "$.responsibility_fields[1]");
}

TEST(PlanIo, UnknownKeys) {
    const std::string message = parse_message(with_tasks(R"({"id": "a", "start": "2025-03-01", "due": "2025-03-07", "owner": "x"})"),
                                              "$.tasks[0].owner");
    EXPECT_TRUE(contains(message, "unknown key 'owner'")) << message;
    parse_message(R"({"id": "t", "tasks": [], "extra": 1})", "$.extra");
    parse_message(with_tasks(R"({"id": "a", "start": "2025-03-01", "due": "2025-03-07", "depends_on": [{"task": "b", "delay": 1}]})"),
                  "$.tasks[0].depends_on[0].delay");
    const std::string field = parse_message(
        with_tasks(R"({"id": "a", "start": "2025-03-01", "due": "2025-03-07", "responsibility": {"dept": "x"}})"),
        "$.tasks[0].responsibility.dept");
    EXPECT_TRUE(contains(field, "unknown responsibility field 'dept'")) << field;
}

TEST(PlanIo, BadEnumListsTheNames) {
    const std::string message = parse_message(
        with_tasks(task_a + R"(, {"id": "b", "start": "2025-03-10", "due": "2025-03-14", "depends_on": [{"task": "a", "link": "finish_to_finish"}]})"),
        "$.tasks[1].depends_on[0].link");
    EXPECT_TRUE(contains(message, R"("finish_to_finish" is not a known value; expected one of "finish_to_start", "start_to_start")")) << message;
    parse_message(with_tasks(task_a + R"(, {"id": "b", "start": "2025-03-10", "due": "2025-03-14", "depends_on": [{"task": "a", "unit": "weeks"}]})"),
                  "$.tasks[1].depends_on[0].unit");
}

TEST(PlanIo, LagMustBeAnInteger) {
    const auto dep = [](const std::string& lag) {
        return with_tasks(task_a + R"(, {"id": "b", "start": "2025-03-10", "due": "2025-03-14", "depends_on": [{"task": "a", "lag": )" +
                          lag + "}]}");
    };
    const std::string message = parse_message(dep("1.5"), "$.tasks[1].depends_on[0].lag");
    EXPECT_TRUE(contains(message, "1.5 is not an integer")) << message;
    parse_message(dep("\"2\""), "$.tasks[1].depends_on[0].lag");
    parse_message(dep("99999999999"), "$.tasks[1].depends_on[0].lag");
    EXPECT_EQ(parse_plan(dep("-2")).spec().tasks[1].depends_on[0].lag, -2);
}

TEST(PlanIo, OtherRules) {
    parse_message(R"({"format": "civitas-plan/2", "id": "t", "tasks": []})", "$.format");
    parse_message(R"({"tasks": []})", "$.id");
    parse_message(with_tasks(R"({"id": "a", "due": "2025-03-07"})"), "$.tasks[0].start");  // only milestones may leave it out
    parse_message(with_tasks(R"({"id": "m", "start": "2025-03-01", "due": "2025-03-07", "milestone": true})"), "$.tasks[0].due");
    parse_message(with_tasks(R"({"id": "a", "start": "2025-03-01", "due": "2025-03-07", "milestone": "yes"})"), "$.tasks[0].milestone");
    parse_message(with_tasks(R"({"id": "a", "start": "2025-03-01", "due": "2025-03-07", "phase": "q"})"), "$.tasks[0].phase");
    parse_message(with_tasks(R"({"id": "a", "start": "2025-03-01", "due": "2025-03-07", "percent_complete": 101})"),
                  "$.tasks[0].percent_complete");
    parse_message(with_tasks(R"({"id": "a", "start": "2025-03-01", "due": "2025-03-07", "weight": -1})"), "$.tasks[0].weight");
    parse_message(with_tasks(R"({"id": "a", "start": "2025-03-01", "due": "2025-03-07", "depends_on": ["a"]})"),
                  "$.tasks[0].depends_on[0]");
    parse_message("{\"id\": \"t\",\n \"tasks\": [}", "line 2, column 12");
}

TEST(PlanIo, MilestoneNamingACheckRoundTrips) {
    // "check" is read, kept and written back; a plan alone accepts any check id (it cannot know
    // the campaign's checks), but only on a milestone.
    const Plan plan = parse_plan(with_tasks(task_a + R"(, {"id": "pre", "due": "2026-05-10", "milestone": true,
                                                          "check": "provincial-2026", "depends_on": ["a"]})"));
    EXPECT_EQ(plan.spec().tasks[1].check, "provincial-2026");
    EXPECT_EQ(plan.spec().tasks[0].check, "");
    const std::string text = plan_to_json(plan);
    EXPECT_TRUE(contains(text, R"("check": "provincial-2026")")) << text;
    EXPECT_EQ(parse_plan(text), plan);
    EXPECT_EQ(plan_to_json(parse_plan(text)), text);
    EXPECT_FALSE(contains(plan_to_json(parse_plan(with_tasks(task_a))), "\"check\""));  // none: not written
    // Two plans differing only in the check are different plans.
    PlanSpec other = plan.spec();
    other.tasks[1].check = "national-2026";
    EXPECT_FALSE(Plan(other) == plan);
}

TEST(PlanIo, CheckOnlyOnAMilestone) {
    const std::string message = parse_message(
        with_tasks(R"({"id": "a", "start": "2026-05-04", "due": "2026-05-08", "check": "provincial-2026"})"), "$.tasks[0].check");
    EXPECT_TRUE(contains(message, "task 'a' names check 'provincial-2026' but is not a milestone")) << message;
    parse_message(with_tasks(R"({"id": "m", "due": "2026-05-10", "milestone": true, "check": ""})"), "$.tasks[0].check");
    parse_message(with_tasks(R"({"id": "m", "due": "2026-05-10", "milestone": true, "check": 7})"), "$.tasks[0].check");
    // In code, the same rule holds: ValidationError names the field.
    PlanSpec spec;
    spec.id = "p";
    Task task;
    task.id = "a";
    task.start = Date(2026, 5, 4);
    task.due = Date(2026, 5, 8);
    task.check = "provincial-2026";
    spec.tasks = {task};
    const std::string in_code = civitas::test::validation_message([&] { (void)Plan(spec); }, "$.tasks[0].check");
    EXPECT_TRUE(contains(in_code, "expected \"check\" on a milestone only")) << in_code;
    spec.tasks[0].milestone = true;
    spec.tasks[0].start = spec.tasks[0].due;
    EXPECT_EQ(Plan(spec).tasks()[0].check, "provincial-2026");
}

TEST(PlanIo, ErrorsReadInChinese) {
    const auto parsed = [](const std::string& json) { return chinese_error([&] { (void)parse_plan(json, "plan.json"); }); };
    EXPECT_EQ(parsed(with_tasks(R"({"id": "a", "start": "2025-03-10", "due": "2025-03-07"})")),
              "plan.json: $.tasks[0].due: 2025-03-07 早于任务 'a' 的开始日期 2025-03-10；截止日期应不早于开始日期");
    EXPECT_EQ(parsed(with_tasks(task_a + R"(, {"id": "b", "start": "2025-03-10", "due": "2025-03-14", "depends_on": ["a", "nope"]})")),
              "plan.json: $.tasks[1].depends_on[1]: 任务 'b' 的前置任务 'nope' 不存在；应为计划中的任务 id");
    EXPECT_EQ(parsed(with_tasks(task_a + ", " + task_a)), "plan.json: $.tasks[1].id: 任务 id 'a' 重复；每个任务应只出现一次");
    EXPECT_EQ(parsed(with_tasks(R"({"id": "a", "start": "2026-05-04", "due": "2026-05-08", "check": "provincial-2026"})")),
              "plan.json: $.tasks[0].check: 任务 'a' 指定了检查 'provincial-2026'，但不是里程碑；\"check\" 只应用于里程碑（检查只有一个日期）");
    // What the reader itself refuses: a value of the wrong kind, a repeated id, an empty check.
    EXPECT_EQ(parsed(with_tasks(task_a + R"(, {"id": "b", "start": "2025-03-10", "due": "2025-03-14", "depends_on": [{"task": "a", "lag": 1.5}]})")),
              "plan.json: $.tasks[1].depends_on[0].lag: 1.5 不是整数；应为整数");
    EXPECT_EQ(parsed(with_tasks(R"({"id": "a", "start": "2025-03-01", "due": "2025-03-07", "titles": ["x", "x"]})")),
              "plan.json: $.tasks[0].titles[1]: \"x\" 重复列出；每个称号应只列一次");
    EXPECT_EQ(parsed(with_tasks(R"({"id": "m", "due": "2026-05-10", "milestone": true, "check": ""})")),
              "plan.json: $.tasks[0].check: 检查 id 为空；应为创建方案中某项检查的 id，或不写 \"check\"");
    EXPECT_EQ(parsed(R"({"format": "civitas-plan/2", "id": "t", "tasks": []})"),
              "plan.json: $.format: \"civitas-plan/2\" 不是本版本能读取的格式；应为 \"civitas-plan/1\"");
    // The English stays as it was.
    try {
        (void)parse_plan(with_tasks(R"({"id": "a", "start": "2025-03-01", "due": "2025-03-07", "weight": -1})"), "plan.json");
        ADD_FAILURE() << "expected ParseError";
    } catch (const ParseError& error) {
        EXPECT_EQ(error.what(), std::string("plan.json: $.tasks[0].weight: weight of task 'a' is not a number >= 0; expected an effort weight >= 0"));
        EXPECT_EQ(error.message(Language::zh), "plan.json: $.tasks[0].weight: 任务 'a' 的权重不是 >= 0 的数；应为 >= 0 的工作量权重");
    }
    // Looking up what is not there.
    const Plan plan = parse_plan(with_tasks(task_a));
    EXPECT_EQ(chinese_error([&] { (void)plan.task_index("zz"); }), "计划 't' 中没有 id 为 'zz' 的任务");
    EXPECT_EQ(chinese_error([&] { (void)plan.subplan_of_task(3); }), "计划 't' 中没有序号为 3 的任务");
}

TEST(PlanIo, SampleSchedulesOnTheBundledCalendar) {
    const Plan plan = load_plan(sample);
    const WorkCalendar calendar = load_calendar(std::filesystem::path(CIVITAS_TEST_DATA_DIR) / ".." / ".." / "data" / "calendars" / "cn-2025.json");
    const Schedule s = schedule(plan, calendar);
    EXPECT_EQ(s.tasks.size(), plan.spec().tasks.size());
    // kickoff: milestone on Monday 2025-03-03; work_plan waits for it: the next working day.
    EXPECT_EQ(s.task("kickoff").earliest_finish, Date(2025, 3, 3));
    EXPECT_EQ(s.task("work_plan").earliest_start, Date(2025, 3, 4));
}

TEST(PlanIo, DurationAndDeadline) {
    const Plan plan = parse_plan(with_tasks(R"({"id": "a", "start": "2025-03-03", "duration": 3, "deadline": "2025-03-07"})"));
    const Task& a = plan.tasks()[0];
    EXPECT_TRUE(a.due.is_not_a_date());
    EXPECT_EQ(a.duration, 3);
    EXPECT_EQ(a.deadline, Date(2025, 3, 7));
    const std::string zero = parse_message(with_tasks(R"({"id": "a", "start": "2025-03-03", "duration": 0})"), "$.tasks[0].duration");
    EXPECT_TRUE(contains(zero, "0 is out of range; expected a duration in working days in [1, 36600]")) << zero;
    parse_message(with_tasks(R"({"id": "a", "start": "2025-03-03", "duration": 2.5})"), "$.tasks[0].duration");
    parse_message(with_tasks(R"({"id": "a", "start": "2025-03-03", "duration": 36601})"), "$.tasks[0].duration");
    parse_message(with_tasks(R"({"id": "a", "start": "2025-03-03", "duration": 2, "deadline": "soon"})"), "$.tasks[0].deadline");
    const std::string neither = parse_message(with_tasks(R"({"id": "a", "start": "2025-03-03"})"), "$.tasks[0].due");
    EXPECT_TRUE(contains(neither, "task 'a' has neither a due date nor a duration")) << neither;
    const std::string milestone = parse_message(with_tasks(R"({"id": "m", "due": "2025-03-03", "milestone": true, "duration": 1})"),
                                                "$.tasks[0].duration");
    EXPECT_TRUE(contains(milestone, "milestone 'm' has a duration of 1 working days")) << milestone;
    // A milestone still needs its date.
    parse_message(with_tasks(R"({"id": "m", "milestone": true})"), "$.tasks[0].due");
}

}  // namespace
}  // namespace civitas
