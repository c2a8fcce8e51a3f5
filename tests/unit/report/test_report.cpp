// The campaign report on a small campaign worked by hand. One title "garden" (国家园林城市,
// inspection 2026-07-01) judged by two items: green coverage >= 36 % (basic, bounds [0, 100])
// and new parks >= 10; units 市 > 一区, 二区; the report date is Thursday 2026-01-15.
//
// City: green 30, 33, 35 on 2025-01-01, 2025-07-01, 2026-01-01 (days 0, 181, 365): short by 1
// (1/36 = 2.8 %); the least-squares slope is Sxy/Sxx = 912/66614 a day, and the projection
// continues it from the latest value: 35 + 181 x 912/66614 = 37.48 on 1 July: met then. Parks 8 then 9 (184 days
// apart): short by 1 (10 %); 9 + 181/184 = 9.984 on 1 July: still short, so off track. The city
// fails now (a basic item) and at the inspection: red. 一区 (green 37, parks 12): green;
// 二区 (green 35, parks 12): fails now and at the inspection (one point stays as it is): red.
// Plan: "plant" (园林局, due Friday 9 January, not done: 4 working days late on the 15th) and
// "build" (建设局, due 27 February). The campaign's target: parks 12 for the city by 园林局, by
// the inspection date: projected 9.98, off track.

#include "support.hpp"

#include <civitas/report/report.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace civitas {
namespace {

using test::basic;
using test::bounded;
using test::flat_spec;
using test::higher;
using test::mentions;

Date day(const char* iso) { return parse_date(iso, "test"); }

void observe(ObservationStore& store, const char* unit, const char* indicator, const char* date, double value) {
    Observation o;
    o.unit = unit;
    o.indicator = indicator;
    o.date = day(date);
    o.value = value;
    store.add(o);
}

Task task(const char* id, const char* name, const char* department, const char* due, double percent) {
    Task t;
    t.id = id;
    t.name = name;
    t.titles = {"garden"};
    t.responsibility = {{"department", department}, {"leader", "分管副市长"}};
    t.start = day("2026-01-05");
    t.due = day(due);
    t.percent_complete = percent;
    return t;
}

// `d2_green`: 二区's green coverage (35; above 100 the framework refuses it).
Campaign campaign(double d2_green = 35) {
    CampaignSpec spec;
    spec.id = "small";
    spec.name = "小城创建";
    CampaignTitle garden;
    garden.id = "garden";
    garden.name = "国家园林城市";
    garden.framework = "garden.json";
    garden.dates.inspection = day("2026-07-01");
    spec.titles = {garden};
    spec.units = {{"city", "市", "", {}}, {"d1", "一区", "city", {}}, {"d2", "二区", "city", {}}};
    spec.departments = {{"gardens", "园林局", "副市长", ""}};
    Target parks;
    parks.title = "garden";
    parks.indicator = "parks";
    parks.unit = "city";
    parks.value = 12;
    parks.department = "gardens";
    spec.targets = {parks};
    PlanSpec plan;
    plan.id = "plan";
    plan.titles = {{"garden", "国家园林城市"}};
    plan.tasks = {task("plant", "新建公园", "园林局", "2026-01-09", 40), task("build", "改造道路", "建设局", "2026-02-27", 20)};

    ObservationStore store;
    observe(store, "city", "green", "2025-01-01", 30);
    observe(store, "city", "green", "2025-07-01", 33);
    observe(store, "city", "green", "2026-01-01", 35);
    observe(store, "city", "parks", "2025-07-01", 8);
    observe(store, "city", "parks", "2026-01-01", 9);
    observe(store, "d1", "green", "2025-12-01", 37);
    observe(store, "d1", "parks", "2025-12-01", 12);
    observe(store, "d2", "green", "2025-12-01", d2_green);
    observe(store, "d2", "parks", "2025-12-01", 12);

    Indicator green = basic(bounded(higher("green", 36), 0, 100));
    green.name = "建成区绿化覆盖率";
    green.unit = "%";
    Indicator new_parks = higher("parks", 10);
    new_parks.name = "新建公园";
    new_parks.unit = "个";
    const Framework framework(flat_spec({green, new_parks}, "garden"));
    return Campaign(spec, {{"garden", framework}}, WorkCalendar(), Plan(plan), store);
}

const Date as_of = day("2026-01-15");

TEST(Report, TitlePageWorkedByHand) {
    const Report report = build_report(campaign(), as_of);
    EXPECT_EQ(report.language, Language::zh);  // the names are Chinese
    ASSERT_EQ(report.titles.size(), 1u);
    const TitleReport& t = report.titles[0];
    EXPECT_EQ(t.rag, Rag::red);
    EXPECT_EQ(t.reason, "当前不通过，预计到检查时仍不通过；1 项基本项未达标；1 项创建目标偏离进度；1 项相关任务逾期");
    EXPECT_EQ(t.days_to_inspection, 167);
    EXPECT_EQ(t.met, 0);
    EXPECT_EQ(t.assessed, 2);
    EXPECT_EQ(t.basic_failed, 1);
    EXPECT_FALSE(t.passes_now);
    EXPECT_EQ(t.passes_at_inspection, false);

    ASSERT_EQ(t.shortfalls.size(), 2u);
    const ReportItem& green = t.shortfalls[0];  // the basic item first
    EXPECT_EQ(green.indicator, "green");
    EXPECT_TRUE(green.basic);
    EXPECT_DOUBLE_EQ(*green.value, 35.0);
    EXPECT_EQ(green.value_date, day("2026-01-01"));
    EXPECT_DOUBLE_EQ(*green.gap, 1.0);
    EXPECT_NEAR(*green.relative_gap, 1.0 / 36.0, 1e-12);
    EXPECT_NEAR(*green.projected, 35.0 + 181.0 * 912.0 / 66614.0, 1e-9);
    EXPECT_EQ(green.projected_met, true);
    EXPECT_EQ(green.department, "");
    const ReportItem& parks = t.shortfalls[1];
    EXPECT_EQ(parks.indicator, "parks");
    EXPECT_NEAR(*parks.projected, 9.0 + 181.0 / 184.0, 1e-9);
    EXPECT_EQ(parks.projected_met, false);
    EXPECT_EQ(parks.department, "园林局");  // the target's department
    EXPECT_TRUE(t.off_track.empty());  // both are short now; off_track holds items met now that will slip

    // The target (parks 12 by the inspection date) is projected to 9.98: off track.
    ASSERT_EQ(t.targets.size(), 1u);
    EXPECT_EQ(t.targets[0].state, TargetState::off_track);
    EXPECT_NEAR(*t.targets[0].projected, 9.0 + 181.0 / 184.0, 1e-9);
    EXPECT_EQ(t.indicator_names.at("parks"), "新建公园");
    EXPECT_TRUE(t.surveys.empty());
    EXPECT_TRUE(t.rounds.empty());

    ASSERT_EQ(t.overdue.size(), 1u);
    EXPECT_EQ(t.overdue[0].id, "plant");
    EXPECT_EQ(t.overdue[0].days_late, 4);

    ASSERT_EQ(t.units.size(), 2u);
    EXPECT_EQ(t.units[0].unit, "d1");
    EXPECT_EQ(t.units[0].rank, 1);
    EXPECT_EQ(t.units[0].rag, Rag::green);
    EXPECT_EQ(t.units[0].met, 2);
    EXPECT_EQ(t.units[1].unit, "d2");
    EXPECT_EQ(t.units[1].rank, 2);
    EXPECT_EQ(t.units[1].rag, Rag::red);
    EXPECT_EQ(t.units[1].met, 1);
    EXPECT_EQ(t.units[1].passes_at_inspection, false);
}

TEST(Report, DepartmentsAnswerForTasksAndTargets) {
    const Report report = build_report(campaign(), as_of);
    ASSERT_EQ(report.departments.size(), 2u);
    const DepartmentRow& gardens = report.departments[0];  // the one with an overdue task first
    EXPECT_EQ(gardens.name, "园林局");
    EXPECT_EQ(gardens.leader, "副市长");  // the campaign's department overrides the task's leader
    EXPECT_EQ(gardens.tasks, 1);
    EXPECT_EQ(gardens.overdue, 1);
    EXPECT_EQ(gardens.most_days_late, 4);
    EXPECT_EQ(gardens.targets, 1);
    EXPECT_EQ(gardens.targets_short, 1);  // parks 9 < 12
    const DepartmentRow& building = report.departments[1];
    EXPECT_EQ(building.name, "建设局");
    EXPECT_EQ(building.tasks, 1);
    EXPECT_EQ(building.overdue, 0);
    EXPECT_EQ(building.targets, 0);
    ASSERT_TRUE(report.plan.has_value());
    EXPECT_EQ(report.plan->tasks, 2);
}

TEST(Report, ListsAreCutToMaxItemsAndSaySo) {
    ReportOptions options;
    options.max_items = 1;
    const Report report = build_report(campaign(), as_of, options);
    EXPECT_EQ(report.titles[0].shortfalls.size(), 1u);
    EXPECT_EQ(report.titles[0].shortfalls_total, 2);
    EXPECT_TRUE(mentions(render(report, ReportFormat::text), "仅列前 1 项，共 2 项"));
    options.max_items = 0;
    EXPECT_THROW((void)build_report(campaign(), as_of, options), ValidationError);
}

TEST(Report, EnglishWordsDatesAndNumbers) {
    ReportOptions options;
    options.language = Language::en;
    const Report report = build_report(campaign(), as_of, options);
    EXPECT_EQ(report.titles[0].reason, "fails now and is projected to fail at the inspection; 1 basic item not met; "
                                       "1 target off track; 1 overdue task bears on it");
    const std::string text = render(report, ReportFormat::text);
    EXPECT_TRUE(mentions(text, "Data as of 15 Jan 2026")) << text;
    EXPECT_TRUE(mentions(text, "国家园林城市 [red]")) << text;
}

// A report built by hand: one title, inspected on 30 September 2026, short on items of each kind of line.
Report items_report(Language language) {
    const auto item = [](const char* name, double value, Interval line, Direction direction, const char* measure) {
        ReportItem i;
        i.name = name;
        i.value = value;
        i.line = line;
        i.direction = direction;
        i.measure = measure;
        return i;
    };
    TitleReport t;
    t.id = "garden";
    t.name = "国家园林城市";
    t.framework = "garden";
    t.dates.inspection = day("2026-09-30");
    t.shortfalls = {item("甲", 1234567.891, Interval::at_least(36), Direction::higher, "%"),
                    item("乙", -1234.5, Interval{35, 40}, Direction::range, "m²"),
                    item("丙", 1, Interval::at_least(0.5), Direction::yes_no, ""),
                    item("丁", 0, Interval::at_least(0.5), Direction::yes_no, "")};
    t.shortfalls_total = 4;
    Report report;
    report.campaign = "small";
    report.name = "小城创建";
    report.as_of = as_of;
    report.language = language;
    report.titles = {t};
    return report;
}

TEST(Report, DatesAndNumbersAsEachLanguageWritesThem) {
    // Markdown cells show each value and line whole: "| value | line |".
    const std::string zh = render(items_report(Language::zh), ReportFormat::markdown);
    EXPECT_TRUE(mentions(zh, "**检查日期** 2026年9月30日")) << zh;
    EXPECT_TRUE(mentions(zh, "| 甲 | 1234567.89% | ≥ 36% |")) << zh;
    EXPECT_TRUE(mentions(zh, "| 乙 | -1234.5 m² | 35–40 m² |")) << zh;
    EXPECT_TRUE(mentions(zh, "| 丙 | 是 | 是 |")) << zh;
    EXPECT_TRUE(mentions(zh, "| 丁 | 否 | 是 |")) << zh;
    const std::string en = render(items_report(Language::en), ReportFormat::markdown);
    EXPECT_TRUE(mentions(en, "**Inspection** 30 Sep 2026")) << en;
    EXPECT_TRUE(mentions(en, "| 甲 | 1,234,567.89% | ≥ 36% |")) << en;
    EXPECT_TRUE(mentions(en, "| 乙 | -1,234.5 m² | 35–40 m² |")) << en;
    EXPECT_TRUE(mentions(en, "| 丙 | yes | yes |")) << en;
    EXPECT_TRUE(mentions(en, "| 丁 | no | yes |")) << en;
}

// What the report could not compute is said in its overview, in every format and both
// languages; the rest of the report is kept.
TEST(Report, ACampaignWithoutUnitsSaysSo) {
    // It crashed (the city was looked up as the first of no units).
    const Campaign bare = parse_campaign(R"({"format": "civitas-campaign/1", "id": "c", "titles": [{"id": "garden", "framework": "garden-city-2010"}]})");
    const Report report = build_report(bare, day("2026-01-01"));
    ASSERT_EQ(report.gaps.size(), 1u);
    EXPECT_EQ(report.gaps[0].part, ReportPart::title_evaluation);
    EXPECT_EQ(report.gaps[0].reason.text(Language::en), "the campaign lists no units; expected at least the city");
    ASSERT_EQ(report.titles.size(), 1u);
    EXPECT_EQ(report.titles[0].rag, Rag::amber);
    for (const ReportFormat format : {ReportFormat::text, ReportFormat::markdown, ReportFormat::html, ReportFormat::json})
        EXPECT_TRUE(mentions(render(report, format), "expected at least the city"));
}

TEST(Report, APartThatCannotBeComputedIsSaid) {
    // The plan's status more than 100 years after the plan cannot be counted in working days.
    const Report report = build_report(campaign(), day("2130-01-15"));
    ASSERT_EQ(report.gaps.size(), 1u);
    const ReportGap& gap = report.gaps[0];
    EXPECT_EQ(gap.part, ReportPart::plan_status);
    EXPECT_EQ(gap.title, "");
    EXPECT_EQ(gap.unit, "");
    EXPECT_TRUE(mentions(gap.reason.text(Language::en), "within 100 years")) << gap.reason.text(Language::en);
    EXPECT_FALSE(report.plan.has_value());
    ASSERT_EQ(report.titles.size(), 1u);  // the titles are still evaluated
    EXPECT_EQ(report.titles[0].assessed, 2);
    EXPECT_TRUE(report.titles[0].overdue.empty());
    for (const ReportFormat format : {ReportFormat::text, ReportFormat::markdown, ReportFormat::html}) {
        const std::string out = render(report, format);
        EXPECT_TRUE(mentions(out, "未能计算的部分")) << out;
        EXPECT_TRUE(mentions(out, "工作计划进度未能计算：")) << out;
        EXPECT_TRUE(mentions(out, "100 年以内")) << out;
    }
    const auto json = nlohmann::json::parse(render(report, ReportFormat::json));
    ASSERT_EQ(json["gaps"].size(), 1u);
    EXPECT_EQ(json["gaps"][0]["part"], "plan_status");
    EXPECT_TRUE(json["gaps"][0]["title"].is_null());
    EXPECT_EQ(json["gaps"][0]["reason"], gap.reason.text(Language::en));
    EXPECT_EQ(json["gaps"][0]["reason_zh"], gap.reason.text(Language::zh));
    ReportOptions english;
    english.language = Language::en;
    const std::string text = render(build_report(campaign(), day("2130-01-15"), english), ReportFormat::text);
    EXPECT_TRUE(mentions(text, "\nNot computed\n")) << text;
    EXPECT_TRUE(mentions(text, "The plan's status could not be computed: $.tasks: the schedule reaches")) << text;

    // A unit whose data the framework refuses (coverage 135 % where the bounds are [0, 100]): its
    // evaluation is named, on the overview and on its title's page.
    const Report refused = build_report(campaign(135), as_of);
    ASSERT_EQ(refused.gaps.size(), 1u);
    EXPECT_EQ(refused.gaps[0].part, ReportPart::unit_evaluation);
    EXPECT_EQ(refused.gaps[0].title, "garden");
    EXPECT_EQ(refused.gaps[0].unit, "d2");
    EXPECT_TRUE(mentions(refused.gaps[0].reason.text(Language::en), "135")) << refused.gaps[0].reason.text(Language::en);
    const std::string out = render(refused, ReportFormat::text);
    const std::string line = "二区在国家园林城市中的测评未能计算：" + refused.gaps[0].reason.text(Language::zh);
    const std::size_t first = out.find(line);
    ASSERT_NE(first, std::string::npos) << out;
    EXPECT_NE(out.find(line, first + 1), std::string::npos) << out;  // the title's page says it too
    EXPECT_TRUE(build_report(campaign(), as_of).gaps.empty());
}

TEST(Report, TextColumnsAlignForChineseCharacters) {
    const std::string text = render(build_report(campaign(), as_of), ReportFormat::text);
    // A Chinese character (full-width brackets included) takes two columns, "≥" and "%" one:
    // "建成区绿化覆盖率（基本项）" 26, "≥ 36%" 5, "2026年1月9日" 12.
    // The gap of a percentage in percentage points (个百分点), the relative gap in its own column.
    EXPECT_TRUE(mentions(text, "\n  指标                        现值  达标线   差距        相对差距  检查日预计  责任部门\n"
                               "  --------------------------  ----  -------  ----------  --------  ----------  --------\n"
                               "  建成区绿化覆盖率（基本项）   35%    ≥ 36%  1 个百分点      2.8%      37.48%  —\n"
                               "  新建公园                    9 个  ≥ 10 个        1 个       10%     9.98 个  园林局\n"))
        << text;
    EXPECT_TRUE(mentions(text, "\n  新建公园  园林局    分管副市长  2026年1月9日           4   40%\n")) << text;
    // The ranking: rank right-aligned under 名次 (4 columns), names padded to 4 columns.
    EXPECT_TRUE(mentions(text, "\n  名次  单位  状态  达标  得分  当前    检查时（预计）  逾期任务\n")) << text;
    EXPECT_TRUE(mentions(text, "\n     1  一区  绿     2/2   100  通过    通过                   0\n")) << text;
    EXPECT_TRUE(mentions(text, "\n     2  二区  红     1/2    50  不通过  不通过                 0\n")) << text;
}

TEST(Report, MarkdownAndJsonSayTheSame) {
    const Report report = build_report(campaign(), as_of);
    const std::string markdown = render(report, ReportFormat::markdown);
    EXPECT_TRUE(mentions(markdown, "## 国家园林城市 — 红")) << markdown;
    EXPECT_TRUE(mentions(markdown, "| 名次 | 单位 | 状态 |")) << markdown;
    EXPECT_TRUE(mentions(markdown, "| ---: | --- | --- |")) << markdown;

    const auto json = nlohmann::json::parse(render(report, ReportFormat::json));
    EXPECT_EQ(json["format"], "civitas-report/1");
    EXPECT_EQ(json["as_of"], "2026-01-15");
    EXPECT_EQ(json["language"], "zh");
    const auto& title = json["titles"][0];
    EXPECT_EQ(title["rag"], "red");
    EXPECT_EQ(title["shortfalls"][0]["indicator"], "green");
    EXPECT_DOUBLE_EQ(title["shortfalls"][0]["gap"].get<double>(), 1.0);
    EXPECT_EQ(title["shortfalls"][0]["line"]["low"], 36.0);
    EXPECT_TRUE(title["shortfalls"][0]["line"]["high"].is_null());
    EXPECT_EQ(title["overdue"][0]["responsibility"]["department"], "园林局");
    EXPECT_EQ(title["units"][1]["rank"], 2);
    EXPECT_EQ(json["departments"][0]["targets_short"], 1);
    // The same report gives the same bytes.
    EXPECT_EQ(render(report, ReportFormat::json), render(build_report(campaign(), as_of), ReportFormat::json));
    EXPECT_EQ(report, build_report(campaign(), as_of));
}

TEST(Report, FormatFollowsTheFileExtension) {
    EXPECT_EQ(report_format_of("out/report.html"), ReportFormat::html);
    EXPECT_EQ(report_format_of("report.htm"), ReportFormat::html);
    EXPECT_EQ(report_format_of("report.md"), ReportFormat::markdown);
    EXPECT_EQ(report_format_of("report.json"), ReportFormat::json);
    EXPECT_EQ(report_format_of("report.txt"), ReportFormat::text);
    EXPECT_EQ(report_format_of("report"), ReportFormat::text);
    EXPECT_EQ(report_format_of(""), ReportFormat::text);
    EXPECT_EQ(report_format_of("REPORT.HTML"), ReportFormat::html);
    EXPECT_EQ(report_format_of("report.Markdown"), ReportFormat::markdown);
    // Any other extension is not silently text.
    try {
        (void)report_format_of("out/report.pdf");
        ADD_FAILURE() << "expected a ValidationError";
    } catch (const ValidationError& error) {
        EXPECT_EQ(error.path(), "out/report.pdf");
        EXPECT_EQ(error.message(Language::zh), "out/report.pdf: '.pdf' 不是报告格式的扩展名；应为 .txt 或无扩展名（纯文本）、.md 或 "
                                               ".markdown、.html 或 .htm、.json，或明确指定格式");
    }
    EXPECT_THROW((void)report_format_of("report.html.bak"), ValidationError);
}

TEST(Report, WrittenWholeOrNotAtAll) {
    const test::TempFolder folder;
    const std::string path = folder.file("report.html");
    save_report_text("<p>one</p>", path);
    save_report_text("<p>two</p>", path);
    std::ifstream in(path);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(text, "<p>two</p>");
    EXPECT_THROW(save_report_text("x", folder.file("no-such-folder/report.html")), IoError);
    // Nothing but the report is left: no temporary file from either write.
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(folder.path()), std::filesystem::directory_iterator()), 1);
}

}  // namespace
}  // namespace civitas
