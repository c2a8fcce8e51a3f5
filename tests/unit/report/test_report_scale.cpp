// The report of a large generated plan, checked against what it must say worked out here
// independently: 30,000 tasks in one chain (each waits for the one before) spread over the root
// plan and two district sub-plans, due dates running backwards along the chain (so the overdue
// list, most days late first, is not the plan's order), every fifth task done. build_report used
// to take time quadratic in the tasks (bench/README.md has the figures); this checks that the
// linear version says exactly the same: the overdue list, its order, who it bears on, the
// departments' counts.

#include "support.hpp"

#include <civitas/report/report.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace civitas {
namespace {

constexpr int tasks = 30000;
const Date first_due(2020, 1, 6);                                 // a Monday
const Date as_of = first_due + boost::gregorian::days(3750);      // about half the tasks are due by then
const char* const plans[] = {"", "d1", "d2"};                    // task i is in plans[i % 3]

Date due_of(int i) { return first_due + boost::gregorian::days((tasks - 1 - i) / 4); }  // four tasks a day, the last first
bool done(int i) { return i % 5 == 0; }
std::string department_of(int i) { return "部门 " + std::to_string(i % 7); }
std::string qualified(int i) {
    const std::string plan = plans[i % 3];
    return (plan.empty() ? "" : plan + "/") + "t" + std::to_string(i);
}

Campaign chain_campaign() {
    CampaignSpec spec;
    spec.id = "chain";
    spec.name = "长链计划";
    CampaignTitle title;
    title.id = "garden";
    title.name = "国家园林城市";
    spec.titles = {title};
    spec.units = {{"city", "市", "", {}}, {"d1", "一区", "city", {}}, {"d2", "二区", "city", {}}, {"d3", "三区", "city", {}}};
    PlanSpec plan;
    plan.id = "plan";
    plan.titles = {{"garden", "国家园林城市"}};
    plan.subplans.resize(2);
    plan.subplans[0].id = "d1";
    plan.subplans[1].id = "d2";
    for (int i = 0; i < tasks; ++i) {
        Task t;
        t.id = "t" + std::to_string(i);
        t.name = "任务 " + std::to_string(i);
        t.due = due_of(i);
        t.start = t.due - boost::gregorian::days(3);
        t.percent_complete = done(i) ? 100 : (i % 4) * 20;
        t.responsibility = {{"department", department_of(i)}, {"leader", "领导 " + std::to_string(i % 7)}};
        if (i > 0) t.depends_on = {{qualified(i - 1)}};
        (i % 3 == 0 ? plan : plan.subplans[static_cast<std::size_t>(i % 3 - 1)]).tasks.push_back(std::move(t));
    }
    return Campaign(spec, {}, WorkCalendar(), Plan(std::move(plan)));
}

TEST(ReportScale, TheOverdueListOfALongChainIsExactlyWhatItShouldBe) {
    // Working days (Monday to Friday) in (due, as_of], counted day by day.
    std::map<Date, int> working_days_after;  // due date -> working days late on as_of
    int count = 0;
    for (Date d = as_of; d >= first_due; d -= boost::gregorian::days(1)) {
        working_days_after[d] = count;
        const auto weekday = d.day_of_week().as_number();
        count += weekday != 0 && weekday != 6;
    }
    // The overdue tasks in the flattened plan's order (the root's, then d1's, then d2's), then
    // most days late first, ties in that order.
    struct Late {
        std::string id;
        int days;
        int plan;
        std::string department;
    };
    std::vector<Late> expected;
    for (int p = 0; p < 3; ++p)
        for (int i = p; i < tasks; i += 3)
            if (!done(i) && due_of(i) < as_of) expected.push_back({qualified(i), working_days_after.at(due_of(i)), p, department_of(i)});
    std::stable_sort(expected.begin(), expected.end(), [](const Late& a, const Late& b) { return a.days > b.days; });
    ASSERT_GT(expected.size(), 10000U);

    ReportOptions options;
    options.max_items = tasks;
    const Report report = build_report(chain_campaign(), as_of, options);
    ASSERT_TRUE(report.gaps.empty());
    ASSERT_EQ(report.titles.size(), 1U);
    const TitleReport& title = report.titles[0];
    ASSERT_EQ(title.overdue.size(), expected.size());
    EXPECT_EQ(title.overdue_total, static_cast<int>(expected.size()));
    for (std::size_t k = 0; k < expected.size(); ++k) {
        ASSERT_EQ(title.overdue[k].id, expected[k].id) << "at " << k;
        ASSERT_EQ(title.overdue[k].days_late, expected[k].days) << expected[k].id;
    }
    EXPECT_EQ(title.overdue.front().days_late, working_days_after.at(first_due));

    // Each district bears the overdue tasks of its sub-plan; d3, with none, none.
    std::map<std::string, int> per_unit;
    for (const UnitStanding& s : title.units) per_unit[s.unit] = s.overdue_tasks;
    for (int p = 1; p < 3; ++p)
        EXPECT_EQ(per_unit.at(plans[p]), std::count_if(expected.begin(), expected.end(), [&](const Late& l) { return l.plan == p; }));
    EXPECT_EQ(per_unit.at("d3"), 0);

    // Departments: their overdue tasks and the most days late.
    ASSERT_EQ(report.departments.size(), 7U);
    for (const DepartmentRow& row : report.departments) {
        int overdue = 0, most = 0;
        for (const Late& l : expected)
            if (l.department == row.name) {
                ++overdue;
                most = std::max(most, l.days);
            }
        EXPECT_EQ(row.overdue, overdue) << row.name;
        EXPECT_EQ(row.most_days_late, most) << row.name;
        EXPECT_EQ(row.tasks, tasks / 7 + (std::stoi(row.name.substr(row.name.size() - 1)) < tasks % 7 ? 1 : 0)) << row.name;
    }
    ASSERT_TRUE(report.plan.has_value());
    EXPECT_EQ(report.plan->states.at(TaskState::overdue), static_cast<int>(expected.size()));
    EXPECT_EQ(report.plan->states.at(TaskState::done), tasks / 5);

    // Every format writes the whole list; the JSON lists it in the same order.
    const auto json = nlohmann::json::parse(render(report, ReportFormat::json));
    ASSERT_EQ(json["titles"][0]["overdue"].size(), expected.size());
    EXPECT_EQ(json["titles"][0]["overdue"].back()["id"], expected.back().id);
    for (const ReportFormat format : {ReportFormat::text, ReportFormat::markdown, ReportFormat::html})
        EXPECT_TRUE(test::mentions(render(report, format), "任务 " + expected.back().id.substr(expected.back().id.find('t') + 1)));
}

}  // namespace
}  // namespace civitas
