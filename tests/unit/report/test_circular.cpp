// The supervision circular on a small campaign worked by hand. Monday-Friday calendar; the
// circular is on Monday 2026-03-16, `since` defaults to Monday 2026-02-16.
//
// Departments: 建设局 (build, leader 张局长), 园林局 (parks), 一区政府 (gov1, the government of unit
// d1 "一区"), 水务局 (water) and 卫健委 (health) with no work; 交通局 is named by the plan only.
// Tasks (working days late counted on the calendar):
//   t1 修路  建设局, due Fri 13 Feb, 50%: overdue 21 working days now, 1 on the 16th
//   t2 种树  园林局, due 27 Feb, finished 25 Feb: done on time, finished since
//   t3 排水  建设局 and unit 一区 (so 一区政府 too), due 6 Mar, 10%: overdue 6 now, not due on the 16th
//   t4 绿道  园林局, due 6 Feb, finished 10 Feb: done 2 working days late
//   t5 公交  交通局, due 13 Mar, 100% with an actual finish on 20 Mar: not done on the 16th of March (1 day late)
//   t6 巡查  gov1 by id, due 30 Apr
// Problems: p1 园林局 deadline 20 Feb, open (16 working days late now); p2 建设局 deadline 10 Feb,
// closed 2 Mar (14 late; overdue on 16 Feb); p3 unit 一区 deadline 10 Mar, open (4 late).
// Submissions (schedule from January, due the 5th, build / parks / gov1): months due now January
// (5 Feb) and February (5 Mar), on 16 Feb January only. build: Jan on time, Feb late (9 Mar);
// parks: Jan on time (period "" on 4 Feb stands for January), Feb withdrawn: missing; gov1: Jan
// missing, Feb on the due day: on time.

#include <civitas/core/error.hpp>
#include <civitas/report/circular.hpp>
#include <civitas/report/report.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>

namespace civitas {
namespace {

Date day(const char* iso) { return parse_date(iso, "test"); }

Task task(const char* id, const char* name, std::map<std::string, std::string> responsibility, const char* due, double percent,
          const char* finished = nullptr) {
    Task t;
    t.id = id;
    t.name = name;
    t.responsibility = std::move(responsibility);
    t.start = day("2026-01-05");
    t.due = day(due);
    t.percent_complete = percent;
    if (finished) t.actual_finish = day(finished);
    return t;
}

Problem problem(const char* id, const char* description, std::map<std::string, std::string> responsibility, const char* deadline,
                const char* closed = nullptr) {
    Problem p;
    p.id = id;
    p.description = description;
    p.responsibility = std::move(responsibility);
    p.found = day("2026-01-10");
    p.deadline = day(deadline);
    if (closed) p.closed = day(closed);
    return p;
}

AccountabilityRule rule(const char* id, const char* name) {
    AccountabilityRule r;
    r.id = id;
    r.name = name;
    return r;
}

Campaign campaign() {
    CampaignSpec spec;
    spec.id = "small";
    spec.name = "小城创建";
    spec.titles = {{"garden", "国家园林城市", "", {}, std::nullopt}};
    spec.units = {{"city", "市", "", {}}, {"d1", "一区", "city", {}}};
    spec.departments = {{"build", "建设局", "张局长", ""},
                        {"parks", "园林局", "", ""},
                        {"gov1", "一区政府", "", "d1"},
                        {"water", "水务局", "", ""},
                        {"health", "卫健委", "", ""}};
    SubmissionSchedule schedule;
    schedule.first_month = day("2026-01-01");
    schedule.due_day = 5;
    schedule.departments = {"build", "parks", "gov1"};
    spec.submissions = schedule;
    AccountabilityRule remind = rule("remind", "提醒");
    remind.late_submissions = 1;
    remind.months = 1;
    AccountabilityRule criticise = rule("criticise", "通报批评");
    criticise.problems_overdue = 1;
    criticise.days_overdue = 5;
    AccountabilityRule talk = rule("talk", "约谈");
    talk.days_overdue = 20;
    spec.accountability = {remind, criticise, talk};

    PlanSpec plan;
    plan.id = "plan";
    plan.titles = {{"garden", "国家园林城市"}};
    plan.tasks = {task("t1", "修路", {{"department", "建设局"}, {"leader", "李副市长"}}, "2026-02-13", 50),
                  task("t2", "种树", {{"department", "园林局"}}, "2026-02-27", 100, "2026-02-25"),
                  task("t3", "排水", {{"department", "建设局"}, {"unit", "一区"}}, "2026-03-06", 10),
                  task("t4", "绿道", {{"department", "园林局"}}, "2026-02-06", 100, "2026-02-10"),
                  task("t5", "公交", {{"department", "交通局"}}, "2026-03-13", 100, "2026-03-20"),
                  task("t6", "巡查", {{"department", "gov1"}}, "2026-04-30", 0)};
    plan.problems = {problem("p1", "垃圾堆放", {{"department", "园林局"}}, "2026-02-20"),
                     problem("p2", "路面破损", {{"department", "建设局"}}, "2026-02-10", "2026-03-02"),
                     problem("p3", "污水", {{"unit", "d1"}}, "2026-03-10")};
    return Campaign(spec, {}, WorkCalendar(), Plan(plan));
}

SubmissionRecord submission(std::int64_t id, const char* department, const char* at, const char* period) {
    SubmissionRecord s;
    s.id = id;
    s.department = department;
    s.submitted_at = day(at);
    s.period = period;
    return s;
}

std::vector<SubmissionRecord> submissions() {
    SubmissionRecord withdrawn = submission(4, "parks", "2026-03-04", "2026-02");
    withdrawn.status = SubmissionStatus::withdrawn;
    withdrawn.withdrawn_at = day("2026-03-06");
    return {submission(1, "build", "2026-02-03", "2026-01"), submission(2, "build", "2026-03-09", "2026-02"),
            submission(3, "parks", "2026-02-04", ""),        withdrawn,
            submission(5, "gov1", "2026-03-05", "2026-02")};
}

const Date as_of = day("2026-03-16");

const CircularRow& row(const Circular& c, const std::string& name) {
    for (const CircularRow& r : c.rows)
        if (r.name == name) return r;
    throw std::runtime_error("no row " + name);
}

TEST(Circular, RowsWorkedByHand) {
    const Circular c = build_circular(campaign(), as_of, submissions());
    EXPECT_EQ(c.since, day("2026-02-16"));
    EXPECT_EQ(c.language, Language::zh);
    EXPECT_TRUE(c.schedule);
    ASSERT_EQ(c.rows.size(), 6u);

    const CircularRow& build = row(c, "建设局");
    EXPECT_EQ(build.department, "build");
    EXPECT_EQ(build.leader, "张局长");
    EXPECT_EQ(build.tasks_due, 2);
    EXPECT_EQ(build.done_on_time, 0);
    EXPECT_EQ(build.on_time_rate, 0.0);
    EXPECT_EQ(build.overdue, 2);
    EXPECT_EQ(build.most_days_overdue, 21);
    EXPECT_EQ(build.problems_overdue, 0);  // p2 was closed (late)
    EXPECT_TRUE(build.submits);
    EXPECT_EQ(build.submissions_due, 2);
    EXPECT_EQ(build.submissions_late, 1);
    EXPECT_EQ(build.submissions_missing, 0);

    const CircularRow& parks = row(c, "园林局");
    EXPECT_EQ(parks.tasks_due, 2);
    EXPECT_EQ(parks.done_on_time, 1);  // t2 on time, t4 two days late
    EXPECT_EQ(parks.on_time_rate, 0.5);
    EXPECT_EQ(parks.overdue, 0);
    EXPECT_EQ(parks.problems_overdue, 1);
    EXPECT_EQ(parks.submissions_late, 0);  // January's has no period: it stands for the month before February
    EXPECT_EQ(parks.submissions_missing, 1);  // February's was withdrawn

    const CircularRow& government = row(c, "一区政府");
    EXPECT_EQ(government.tasks_due, 1);  // t3 through its unit 一区; t6 (by id) is not due
    EXPECT_EQ(government.overdue, 1);
    EXPECT_EQ(government.most_days_overdue, 6);
    EXPECT_EQ(government.problems_overdue, 1);  // p3 through its unit d1
    EXPECT_EQ(government.submissions_late, 0);  // February's on the due day
    EXPECT_EQ(government.submissions_missing, 1);

    const CircularRow& transport = row(c, "交通局");  // named by the plan only
    EXPECT_EQ(transport.department, "");
    EXPECT_FALSE(transport.submits);
    EXPECT_EQ(transport.overdue, 1);  // its actual finish (20 March) is after the date
    EXPECT_EQ(transport.most_days_overdue, 1);

    const CircularRow& water = row(c, "水务局");
    EXPECT_EQ(water.tasks_due, 0);
    EXPECT_FALSE(water.on_time_rate.has_value());
    EXPECT_FALSE(water.submits);
}

TEST(Circular, RanksAndTiesNowAndSince) {
    const Circular c = build_circular(campaign(), as_of, submissions());
    std::vector<std::tuple<std::string, int, int>> ranks;
    for (const CircularRow& r : c.rows) ranks.emplace_back(r.name, r.rank, r.rank_since);
    // Now: the two without work tie first (by name); then fewer problems, fewer overdue tasks.
    // On 16 Feb: 交通局 had nothing due yet and tied first with them.
    const std::vector<std::tuple<std::string, int, int>> expected{
        {"卫健委", 1, 1}, {"水务局", 1, 1}, {"园林局", 3, 4}, {"交通局", 4, 1}, {"一区政府", 5, 5}, {"建设局", 6, 6}};
    EXPECT_EQ(ranks, expected);
    ASSERT_EQ(c.changes.improved.size(), 1u);
    EXPECT_EQ(c.changes.improved[0], (RankChange{"园林局", 4, 3}));
    ASSERT_EQ(c.changes.slipped.size(), 1u);
    EXPECT_EQ(c.changes.slipped[0], (RankChange{"交通局", 1, 4}));
}

TEST(Circular, OverdueWorkNamed) {
    const Circular c = build_circular(campaign(), as_of, submissions());
    ASSERT_EQ(c.overdue.size(), 3u);
    EXPECT_EQ(c.overdue_total, 3);
    EXPECT_EQ(c.overdue[0].id, "t1");
    EXPECT_EQ(c.overdue[0].days_late, 21);
    EXPECT_EQ(c.overdue[0].leader, "李副市长");  // its own
    EXPECT_EQ(c.overdue[1].id, "t3");
    EXPECT_EQ(c.overdue[1].leader, "张局长");  // its department's
    EXPECT_EQ(c.overdue[1].due, day("2026-03-06"));
    EXPECT_EQ(c.overdue[2].id, "t5");
    EXPECT_EQ(c.overdue[2].leader, "");
    ASSERT_EQ(c.problems.size(), 2u);
    EXPECT_EQ(c.problems[0].id, "p1");
    EXPECT_EQ(c.problems[0].days_late, 16);
    EXPECT_EQ(c.problems[1].id, "p3");
    EXPECT_EQ(c.problems[1].days_late, 4);

    CircularOptions one;
    one.max_items = 1;
    const Circular short_lists = build_circular(campaign(), as_of, submissions(), one);
    EXPECT_EQ(short_lists.overdue.size(), 1u);
    EXPECT_EQ(short_lists.overdue_total, 3);
    EXPECT_EQ(short_lists.problems_total, 2);
}

TEST(Circular, ChangesSince) {
    const Circular c = build_circular(campaign(), as_of, submissions());
    ASSERT_EQ(c.changes.finished.size(), 1u);
    EXPECT_EQ(c.changes.finished[0].id, "t2");
    EXPECT_EQ(c.changes.finished[0].finished, day("2026-02-25"));
    EXPECT_EQ(c.changes.finished[0].days_late, 0);
    ASSERT_EQ(c.changes.newly_overdue.size(), 2u);
    EXPECT_EQ(c.changes.newly_overdue[0].id, "t3");  // most days late first
    EXPECT_EQ(c.changes.newly_overdue[1].id, "t5");
    ASSERT_EQ(c.changes.closed.size(), 1u);
    EXPECT_EQ(c.changes.closed[0].id, "p2");
    EXPECT_EQ(c.changes.closed[0].closed, day("2026-03-02"));
    EXPECT_EQ(c.changes.closed[0].days_late, 14);

    // From 1 March: t2 was done then, p2 still open, t3 not yet due.
    CircularOptions march;
    march.since = day("2026-03-01");
    const Circular later = build_circular(campaign(), as_of, submissions(), march);
    EXPECT_TRUE(later.changes.finished.empty());
    EXPECT_EQ(later.changes.newly_overdue.size(), 2u);
    EXPECT_EQ(later.changes.closed.size(), 1u);
}

TEST(Circular, ActionsAndTheirReasons) {
    const Circular c = build_circular(campaign(), as_of, submissions());
    ASSERT_EQ(c.actions.size(), 3u);  // in ranking order
    EXPECT_EQ(c.actions[0].name, "园林局");
    EXPECT_EQ(c.actions[0].rule, "criticise");  // it meets 提醒 too: the last met wins
    ASSERT_EQ(c.actions[0].reasons.size(), 1u);
    EXPECT_EQ(c.actions[0].reasons[0].text(Language::en), "problems open past their deadline: 1 (rule: 1)");

    EXPECT_EQ(c.actions[1].department, "gov1");
    EXPECT_EQ(c.actions[1].rule_name, "通报批评");
    ASSERT_EQ(c.actions[1].reasons.size(), 2u);
    EXPECT_EQ(c.actions[1].reasons[0].text(Language::en), "task 排水 6 working days overdue (rule: 5)");
    EXPECT_EQ(c.actions[1].reasons[0].text(Language::zh), "任务“排水”逾期 6 个工作日（规则：5）");

    EXPECT_EQ(c.actions[2].name, "建设局");
    EXPECT_EQ(c.actions[2].rule, "talk");
    ASSERT_EQ(c.actions[2].reasons.size(), 1u);
    EXPECT_EQ(c.actions[2].reasons[0].text(Language::en), "task 修路 21 working days overdue (rule: 20)");

    // 一区政府's missing January is outside 提醒's last month; over every month it counts.
    CampaignSpec spec = campaign().spec();
    spec.accountability = {rule("remind", "提醒")};
    spec.accountability[0].late_submissions = 1;
    const Campaign every_month(spec, {}, WorkCalendar(), campaign().plan());
    const Circular all = build_circular(every_month, as_of, submissions());
    std::vector<std::string> reminded;
    for (const CircularAction& a : all.actions) reminded.push_back(a.name + ": " + a.reasons.at(0).text(Language::en));
    EXPECT_EQ(reminded, (std::vector<std::string>{"园林局: submissions late or missing in the last 2 months due: 1 (rule: 1)",
                                                  "一区政府: submissions late or missing in the last 2 months due: 1 (rule: 1)",
                                                  "建设局: submissions late or missing in the last 2 months due: 1 (rule: 1)"}));
}

TEST(Circular, SubmissionsWithdrawnLaterStillCountedEarlier) {
    // Withdrawn on 6 March: on 5 March (its due day) parks' February submission was active.
    CircularOptions options;
    options.since = day("2026-03-01");
    const Circular c = build_circular(campaign(), day("2026-03-05"), submissions(), options);
    EXPECT_EQ(row(c, "园林局").submissions_due, 2);
    EXPECT_EQ(row(c, "园林局").submissions_missing, 0);
    // Without any submission every month due is missing.
    const Circular none = build_circular(campaign(), as_of, {});
    EXPECT_EQ(row(none, "建设局").submissions_missing, 2);
    EXPECT_EQ(row(none, "水务局").submissions_due, 0);
}

TEST(Circular, RefusesSinceNotBeforeAndNoRows) {
    CircularOptions same;
    same.since = as_of;
    EXPECT_THROW((void)build_circular(campaign(), as_of, {}, same), ValidationError);
    CircularOptions none;
    none.max_items = 0;
    EXPECT_THROW((void)build_circular(campaign(), as_of, {}, none), ValidationError);
    // A month before the 31st of March is the last day of February.
    EXPECT_EQ(build_circular(campaign(), day("2026-03-31")).since, day("2026-02-28"));
}

TEST(Circular, TextInBothLanguages) {
    const Circular zh = build_circular(campaign(), as_of, submissions());
    const std::string text = render(zh, ReportFormat::text);
    for (const char* expected : {"小城创建督查通报", "数据截至2026年3月16日", "排名", "逾期事项", "2026年2月16日以来的变化", "问责", "约谈",
                                 "任务“修路”逾期 21 个工作日（规则：20）", "1 / 0（应报 2）", "新销号的问题"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected;
    CircularOptions english;
    english.language = Language::en;
    const Circular en = build_circular(campaign(), as_of, submissions(), english);
    const std::string words = render(en, ReportFormat::text);
    for (const char* expected : {"小城创建 — supervision circular", "Data as of 16 Mar 2026", "Ranking", "Since 16 Feb 2026",
                                 "Accountability", "task 修路 21 working days overdue (rule: 20)", "1 / 0 of 2", "Problems closed"})
        EXPECT_NE(words.find(expected), std::string::npos) << expected;
    EXPECT_NE(render(en, ReportFormat::markdown).find("| Rank |"), std::string::npos);
    const std::string html = render(zh, ReportFormat::html);
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(html.find("督查通报"), std::string::npos);
    EXPECT_EQ(to_string(zh), "Circular('small' on 2026-03-16 since 2026-02-16: 6 departments, 3 overdue tasks, 3 actions)");
}

TEST(Circular, JsonKeys) {
    const Circular c = build_circular(campaign(), as_of, submissions());
    const nlohmann::ordered_json j = nlohmann::ordered_json::parse(render(c, ReportFormat::json));
    EXPECT_EQ(j.at("format"), "civitas-circular/1");
    EXPECT_EQ(j.at("as_of"), "2026-03-16");
    EXPECT_EQ(j.at("since"), "2026-02-16");
    std::vector<std::string> keys;
    for (const auto& [key, value] : j.items()) keys.push_back(key);
    EXPECT_EQ(keys, (std::vector<std::string>{"format", "generator", "campaign", "name", "as_of", "since", "language", "schedule", "rows",
                                              "overdue", "overdue_total", "problems", "problems_total", "changes", "actions"}));
    const auto& first = j.at("rows").at(0);
    EXPECT_EQ(first.at("name"), "卫健委");
    EXPECT_TRUE(first.at("on_time_rate").is_null());
    EXPECT_TRUE(first.at("submissions_due").is_null());  // it does not submit
    const auto& transport = j.at("rows").at(3);
    EXPECT_TRUE(transport.at("department").is_null());
    EXPECT_EQ(j.at("rows").at(5).at("submissions_late"), 1);
    EXPECT_EQ(j.at("changes").at("closed").at(0).at("closed"), "2026-03-02");
    EXPECT_EQ(j.at("actions").at(2).at("reasons_zh").at(0), "任务“修路”逾期 21 个工作日（规则：20）");
    EXPECT_EQ(render(c, ReportFormat::json), render(build_circular(campaign(), as_of, submissions()), ReportFormat::json));
}

TEST(Circular, TheReportCarriesItsLines) {
    ReportOptions options;
    options.submissions = submissions();
    options.max_items = 2;
    const Report report = build_report(campaign(), as_of, options);
    ASSERT_EQ(report.circular.size(), 2u);  // the bottom of the ranking, worst first
    EXPECT_EQ(report.circular[0].name, "建设局");
    EXPECT_GE(report.circular[0].rank, report.circular[1].rank);
    for (const CircularRow& row : report.circular)
        EXPECT_GT(row.overdue + row.problems_overdue + row.submissions_late + row.submissions_missing, 0) << row.name;
    ASSERT_EQ(report.actions.size(), 3u);
    EXPECT_EQ(report.actions[2].rule, "talk");
    EXPECT_NE(render(report, ReportFormat::text).find("督查通报"), std::string::npos);
    // Without the submissions they are not counted.
    const Report unsubmitted = build_report(campaign(), as_of);
    EXPECT_FALSE(unsubmitted.circular[0].submits);
}

// Property: whatever departments a plan names, by id or by name, each campaign department and
// each name the plan gives that the campaign does not list is exactly one row.
TEST(Circular, EveryDepartmentOfThePlanAppearsOnce) {
    std::mt19937 random(7);
    const std::vector<std::string> names{"build", "建设局", "parks", "园林局", "交通局", "公安局", "gov1", "一区政府", "教育局"};
    for (int round = 0; round < 40; ++round) {
        CampaignSpec spec = campaign().spec();
        PlanSpec plan = campaign().plan()->spec();
        plan.tasks.clear();
        plan.problems.clear();
        const int n = 1 + static_cast<int>(random() % 12);
        std::set<std::string> expected{"建设局", "园林局", "一区政府", "水务局", "卫健委"};
        for (int k = 0; k < n; ++k) {
            const std::string name = names[random() % names.size()];
            const std::string id = "t" + std::to_string(k);
            plan.tasks.push_back(task(id.c_str(), "x", {{"department", name}}, random() % 2 ? "2026-02-13" : "2026-04-30", 0));
            if (name != "build" && name != "parks" && name != "gov1") expected.insert(name);
        }
        const Campaign c(spec, {}, WorkCalendar(), Plan(plan));
        const Circular circular = build_circular(c, as_of, submissions());
        std::multiset<std::string> rows;
        for (const CircularRow& r : circular.rows) rows.insert(r.name);
        EXPECT_EQ(std::set<std::string>(rows.begin(), rows.end()), expected);
        EXPECT_EQ(rows.size(), expected.size());
        for (std::size_t k = 1; k < circular.rows.size(); ++k) EXPECT_LE(circular.rows[k - 1].rank, circular.rows[k].rank);
    }
}

}  // namespace
}  // namespace civitas
