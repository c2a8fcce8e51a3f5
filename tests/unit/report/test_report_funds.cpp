// The report's funds section, on the bundled example (examples/lanzhou/plan.json: its budgets and
// spending are invented and labelled so; the accounts are the source's: the headquarters' special
// account 创建专户, the cultural undertaking fee 文化事业建设费, and the districts' matching funds).

#include <civitas/civitas.hpp>

#include <gtest/gtest.h>

#include <string>

using namespace civitas;

namespace {

Report lanzhou_year_end(std::optional<Language> language = std::nullopt) {
    static const Campaign campaign = load_campaign("examples/lanzhou/campaign.json");
    ReportOptions options;
    options.language = language;
    return build_report(campaign, parse_date("2025-12-31", "test"), options);
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST(ReportFunds, AccountsDepartmentsAndOverspentLinesOfTheExample) {
    const Report report = lanzhou_year_end();
    ASSERT_EQ(report.accounts.size(), 3U);
    // 创建专户: 0.6 + 1.5 + 30 + 8 + 5.4 + 12 million budgeted; 0.15 + 0.5 + 8 + 6 + 2 + 0.6 + 7 + 6.2 paid by the year's end.
    EXPECT_DOUBLE_EQ(report.accounts.at("创建专户").budget, 57500000);
    EXPECT_DOUBLE_EQ(report.accounts.at("创建专户").spent, 30450000);
    EXPECT_DOUBLE_EQ(report.accounts.at("文化事业建设费").spent, 2000000);
    EXPECT_DOUBLE_EQ(report.accounts.at("区级配套").spent, 9000000);
    ASSERT_TRUE(report.plan);
    EXPECT_DOUBLE_EQ(report.plan->budget, 80700000);
    EXPECT_DOUBLE_EQ(report.plan->spent, 41450000);
    // The Jingou waste plant: 13.2 million paid from a line of 12.
    ASSERT_EQ(report.over_budget_total, 1);
    EXPECT_EQ(report.over_budget[0].id, "jingou_waste_plant");
    EXPECT_DOUBLE_EQ(report.over_budget[0].spent - report.over_budget[0].budget, 1200000);
    // 市住房和城乡建设局 answers for the back alleys: 50 million budgeted, 23 paid, 40% done = 20 earned.
    const auto housing = std::find_if(report.departments.begin(), report.departments.end(),
                                      [](const DepartmentRow& d) { return d.name == "市住房和城乡建设局"; });
    ASSERT_NE(housing, report.departments.end());
    EXPECT_DOUBLE_EQ(housing->budget, 50000000);
    EXPECT_DOUBLE_EQ(housing->spent, 23000000);
    EXPECT_DOUBLE_EQ(housing->budget_earned, 20000000);
}

TEST(ReportFunds, TheSectionReadsInBothLanguages) {
    const std::string zh = render(lanzhou_year_end(Language::zh), ReportFormat::text);
    EXPECT_TRUE(has(zh, "资金使用：预算与支出")) << zh;
    EXPECT_TRUE(has(zh, "合计：预算 8070 万元，已支出 4145 万元（执行率 51.4%）")) << zh;
    EXPECT_TRUE(has(zh, "超预算支出")) << zh;
    EXPECT_TRUE(has(zh, "金沟生活垃圾无害化处理场投入使用")) << zh;
    EXPECT_TRUE(has(zh, "专款专用")) << zh;
    const std::string en = render(lanzhou_year_end(Language::en), ReportFormat::text);
    EXPECT_TRUE(has(en, "Funds: budgets and spending")) << en;
    EXPECT_TRUE(has(en, "In all: budget 80,700,000 yuan, spent 41,450,000 yuan (51.4% of the budget)")) << en;
    EXPECT_TRUE(has(en, "1,200,000")) << en;  // the waste plant's overspending
    const std::string json = render(lanzhou_year_end(), ReportFormat::json);
    EXPECT_TRUE(has(json, "\"over_budget_total\": 1")) << json.substr(0, 400);
}

TEST(ReportFunds, APlanWithoutBudgetsHasNoSection) {
    PlanSpec spec;
    spec.id = "p";
    Task t;
    t.id = "t";
    t.start = parse_date("2025-03-03", "test");
    t.due = parse_date("2025-03-07", "test");
    spec.tasks = {t};
    CampaignSpec campaign;
    campaign.id = "c";
    campaign.units = {{"city", "City", "", {}}};
    const Campaign c(campaign, {}, WorkCalendar(), Plan(spec));
    const Report report = build_report(c, parse_date("2025-03-05", "test"));
    EXPECT_TRUE(report.accounts.empty());
    EXPECT_FALSE(has(render(report, ReportFormat::text), "Funds"));
}
