// The HTML of reports built by hand (a Report is plain data): every text escaped, nothing
// fetched, one sheet per page, bars and the marker placed by the numbers, tones carried as classes.

#include "support.hpp"

#include <civitas/report/report.hpp>
#include <civitas/version.hpp>

#include <cmath>
#include <limits>
#include <regex>
#include <string>
#include <vector>

namespace civitas {
namespace {

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t count = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++count;
    return count;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Geometry of the chart's rectangles of one class ("bar" or "track"), top to bottom.
struct Rect {
    double x, y, width, height;
};
std::vector<Rect> rects(const std::string& html, const std::string& kind) {
    const std::regex pattern("<rect class=\"" + kind +
                             "( tone-[a-z]+)?\" x=\"([-0-9.]+)\" y=\"([-0-9.]+)\" width=\"([-0-9.]+)\" height=\"([-0-9.]+)\"/>");
    std::vector<Rect> found;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), pattern); it != std::sregex_iterator(); ++it)
        found.push_back({std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4]), std::stod((*it)[5])});
    return found;
}

Date day(const char* iso) { return parse_date(iso, "test"); }

// A report as build_report fills one: the campaign "lanzhou" on 30 June 2026, in Chinese.
Report report_of(std::vector<TitleReport> titles, std::vector<DepartmentRow> departments = {}) {
    Report report;
    report.campaign = "lanzhou";
    report.name = "兰州市五城联创";
    report.as_of = day("2026-06-30");
    report.language = Language::zh;
    report.titles = std::move(titles);
    report.departments = std::move(departments);
    return report;
}

// A title judged on a framework; its page charts its units (none of them scored).
TitleReport title_of(std::string name, Rag rag = Rag::green, std::vector<UnitStanding> units = {}) {
    TitleReport t;
    t.id = "garden";
    t.name = std::move(name);
    t.framework = "国家园林城市标准";
    t.rag = rag;
    t.reason = "说明";
    t.top_unit = "city";
    t.units = std::move(units);
    return t;
}

// A sub-unit judged by the framework: `met` of `assessed` indicators met, scored `total` when given.
UnitStanding unit_of(std::string name, int met, int assessed, Rag rag = Rag::green, std::optional<double> total = std::nullopt) {
    UnitStanding s;
    s.unit = name;
    s.name = std::move(name);
    s.rag = rag;
    s.met = met;
    s.assessed = assessed;
    s.total = total;
    s.passes_now = rag != Rag::red;
    return s;
}

// The HTML of one title's page whose district chart shows these units.
std::string chart_html(std::vector<UnitStanding> units, std::optional<double> pass_share = std::nullopt) {
    TitleReport t = title_of("国家园林城市", Rag::green, std::move(units));
    t.pass_share = pass_share;
    return render(report_of({t}), ReportFormat::html);
}

// A hostile text in every text of a report that data can reach.
constexpr const char* hostile = "<script>&\"'";
constexpr const char* escaped = "&lt;script&gt;&amp;&quot;&#39;";

Report hostile_report() {
    const std::string h = hostile;
    TitleReport t = title_of(h, Rag::red, {unit_of(h, 1, 2, Rag::red), unit_of("一区", 2, 2)});
    t.framework = h;
    t.reason = h;
    t.indicators = 2;
    t.met = 1;
    ReportItem item;
    item.name = h;
    item.measure = h;
    item.value = 35;
    item.line = Interval::at_least(36);
    item.department = h;
    t.shortfalls = {item};
    t.shortfalls_total = 1;
    OverdueTask late;
    late.id = "plant";
    late.name = h;
    late.responsibility = {{"department", h}, {"leader", h}};
    late.due = day("2026-06-01");
    late.days_late = 20;
    t.overdue = {late};
    t.overdue_total = 1;
    TargetProgress target;
    target.unit = "d1";
    target.indicator = "parks";
    target.department = "gardens";
    target.state = TargetState::off_track;
    t.targets = {target};
    t.targets_total = 1;
    t.indicator_names = {{"parks", h}};
    RoundResult round;
    round.id = "r1";
    round.name = h;
    round.date = day("2026-05-01");
    round.consequences = {h};
    t.rounds = {round};
    DepartmentRow department;
    department.name = h;
    department.leader = h;
    Report report = report_of({t}, {department});
    report.name = h;
    report.campaign = h;
    report.unit_names = {{"d1", h}};
    report.department_names = {{"gardens", h}};
    CampaignEvent event;
    event.date = day("2026-09-01");
    event.title = "garden";
    event.name = h;
    report.next_events = {event};
    report.gaps = {{ReportPart::rounds, "garden", "", Message("{0} is not a round"_en, "{0} 不是测评轮次"_zh, {h})}};
    return report;
}

TEST(ReportHtml, EscapesEveryText) {
    const std::string html = render(hostile_report(), ReportFormat::html);
    const std::string e = escaped;
    // The campaign's name: the document's title, its head and the running heads; the campaign's
    // id in the footers; the title's name, reason and framework; names in table cells and bar
    // labels; a gap's reason.
    EXPECT_TRUE(has(html, "<title>" + e + "创建工作报告</title>")) << html;
    EXPECT_TRUE(has(html, "<p class=\"doc-title\">" + e + "创建工作报告</p>")) << html;
    EXPECT_EQ(occurrences(html, "<header class=\"running\"><span>" + e + "创建工作报告</span>"), 2u) << html;
    EXPECT_EQ(occurrences(html, " · " + e + " · 2026-06-30</span>"), 3u) << html;
    EXPECT_TRUE(has(html, "<h1>" + e + "</h1>")) << html;
    EXPECT_TRUE(has(html, "<p class=\"callout tone-red\">" + e + "</p>")) << html;
    EXPECT_TRUE(has(html, "<span class=\"value\">" + e + "</span>")) << html;
    EXPECT_TRUE(has(html, "<td class=\"tone-red\">" + e + "</td>")) << html;  // the consequences
    EXPECT_TRUE(has(html, "<td>" + e + "</td>")) << html;
    EXPECT_TRUE(has(html, "<td class=\"wrap\">检查：" + e + "</td>")) << html;  // the event
    EXPECT_EQ(occurrences(html, "text-anchor=\"end\">" + e + "</text>"), 2u) << html;  // both charts
    EXPECT_TRUE(has(html, "未能计算：" + e + " 不是测评轮次</p>")) << html;
    // Nothing appears as written, and nothing is escaped twice.
    EXPECT_EQ(occurrences(html, "<script"), 0u);
    EXPECT_EQ(occurrences(html, "&\""), 0u);
    EXPECT_EQ(occurrences(html, "&'"), 0u);
    EXPECT_EQ(occurrences(html, "&amp;lt;"), 0u);
    // The report's own words are escaped too.
    Report english = hostile_report();
    english.language = Language::en;
    EXPECT_TRUE(has(render(english, ReportFormat::html), "counted by the plan&#39;s department"));
}

TEST(ReportHtml, NamesTheLanguage) {
    Report report = report_of({});
    EXPECT_TRUE(has(render(report, ReportFormat::html), "<html lang=\"zh-CN\">"));
    report.language = Language::en;
    EXPECT_TRUE(has(render(report, ReportFormat::html), "<html lang=\"en\">"));
}

TEST(ReportHtml, IsSelfContained) {
    const std::string html = render(hostile_report(), ReportFormat::html);
    EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n", 0), 0u);
    for (const char* fetch : {"http:", "https:", "src=", "href=", "<link", "@import", "url(", "<script", "<img", "<iframe", "<object"})
        EXPECT_EQ(occurrences(html, fetch), 0u) << fetch;
    // The browser is told to fetch nothing either.
    EXPECT_NE(html.find("Content-Security-Policy\" content=\"default-src 'none'; script-src 'none'; style-src 'unsafe-inline'\""), std::string::npos);
    EXPECT_EQ(occurrences(html, "<style>"), 1u);
    // The charts are inline SVG: the overview's and the title's districts.
    EXPECT_EQ(occurrences(html, "<svg viewBox="), 2u);
    EXPECT_EQ(html.substr(html.size() - 8), "</html>\n");
}

TEST(ReportHtml, PrintsOneA4SheetPerPage) {
    // The overview, a page per title, the departments.
    const std::string html = render(report_of({title_of("国家园林城市")}), ReportFormat::html);
    const std::string footer = std::string("civitas ") + version + " 生成 · lanzhou · 2026-06-30";
    EXPECT_EQ(occurrences(html, "<section class=\"page\">"), 3u);
    EXPECT_EQ(occurrences(html, "</section>"), 3u);
    EXPECT_EQ(occurrences(html, "<footer class=\"page-foot\"><span>" + footer + "</span>"), 3u) << html;
    EXPECT_NE(html.find("<span class=\"page-no\">1 / 3</span>"), std::string::npos);
    EXPECT_NE(html.find("<span class=\"page-no\">3 / 3</span>"), std::string::npos);
    // The document's title heads the first page; the others carry it as a running head.
    EXPECT_EQ(occurrences(html, "<header class=\"doc-head\">"), 1u);
    EXPECT_EQ(occurrences(html, "<header class=\"running\">"), 2u);
    EXPECT_NE(html.find("@page { size: A4; margin: 0; }"), std::string::npos);
    EXPECT_NE(html.find("break-after: page"), std::string::npos);
    EXPECT_NE(html.find("\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\", \"Microsoft YaHei\", \"WenQuanYi Micro Hei\", sans-serif"),
              std::string::npos);

    // Without titles: the overview and the departments.
    const std::string bare = render(report_of({}), ReportFormat::html);
    EXPECT_EQ(occurrences(bare, "<section class=\"page\">"), 2u);
    EXPECT_NE(bare.find("<span class=\"page-no\">2 / 2</span>"), std::string::npos);
}

TEST(ReportHtml, BarsAreProportionalToTheirShare) {
    // Scored districts: the bars are total / scale (100).
    const double nan = std::numeric_limits<double>::quiet_NaN();
    TitleReport t = title_of("国家园林城市", Rag::green,
                             {
                                 unit_of("城关区", 0, 0, Rag::green, 100),
                                 unit_of("七里河区", 0, 0, Rag::amber, 50),
                                 unit_of("西固区", 0, 0, Rag::amber, 25),
                                 unit_of("安宁区", 0, 0, Rag::amber, 0),
                                 unit_of("红古区", 0, 0, Rag::green, 150),  // out of range: clamped to a full bar
                                 unit_of("永登县", 0, 0, Rag::green, nan),  // no share: no bar
                             });
    t.total = 80;
    const std::string html = render(report_of({t}), ReportFormat::html);
    const std::vector<Rect> bars = rects(html, "bar");
    const std::vector<Rect> tracks = rects(html, "track");
    ASSERT_EQ(bars.size(), 6u);
    ASSERT_EQ(tracks.size(), 6u);
    const double full = tracks[0].width;
    ASSERT_GT(full, 100.0);
    const double expected[] = {1.0, 0.5, 0.25, 0.0, 1.0, 0.0};
    for (std::size_t i = 0; i < bars.size(); ++i) {
        EXPECT_NEAR(bars[i].width, expected[i] * full, 0.01) << i;
        EXPECT_EQ(bars[i].x, tracks[i].x) << i;
        EXPECT_EQ(tracks[i].width, full) << i;
        if (i > 0) {
            EXPECT_GT(bars[i].y, bars[i - 1].y) << "top to bottom";
        }
    }
    // Labels end 8 units before the bars; the longest (七里河区, four wide characters at 12
    // units each) sets the label column: 48 + 8.
    EXPECT_EQ(bars[0].x, 56.0);
    // The widest value texts ("100", "nan": 3 x 0.6 em, 21.6 units) take 22 units after a gap of
    // 8, at the right edge of the viewBox (0 0 680 ...).
    EXPECT_EQ(tracks[0].x + full, 680.0 - 8.0 - 22.0);
    EXPECT_NE(html.find("<rect class=\"bar tone-amber\""), std::string::npos);
    EXPECT_NE(html.find(">50</text>"), std::string::npos);
}

TEST(ReportHtml, LabelColumnFollowsTextWidth) {
    // Latin characters count 0.6 em: "abcde" is 3 ems = 36 units at 12; five Chinese characters 60.
    const std::string latin = chart_html({unit_of("abcde", 1, 1)});
    const std::string chinese = chart_html({unit_of("国家园林城", 1, 1)});
    EXPECT_EQ(rects(latin, "bar").at(0).x, 36.0 + 8.0);
    EXPECT_EQ(rects(chinese, "bar").at(0).x, 60.0 + 8.0);
    // The value text ("1/1": 1.8 ems, 22 units) and its gap take the rest of the width.
    EXPECT_EQ(rects(chinese, "track").at(0).width, 680.0 - 68.0 - 8.0 - 22.0);
}

TEST(ReportHtml, LongLabelsAreCutWithTheWholeNameAsTooltip) {
    const std::string name(60, 'x');
    const std::string html = chart_html({unit_of(name, 1, 2)});
    EXPECT_NE(html.find("<title>" + name + ": 1/2</title>"), std::string::npos);
    EXPECT_NE(html.find("\xE2\x80\xA6</text>"), std::string::npos);  // the ellipsis
    // The label column stops at 36 % of the width: 245 units (ceil of 0.36 * 680 / 12 ems).
    EXPECT_EQ(rects(html, "bar").at(0).x, std::ceil(0.36 * 680) + 8.0);

    // Value texts stop at 20 %: 136 units, 11.33 ems; 21 characters are cut to 17 and an ellipsis.
    const std::string cut = chart_html({unit_of("城关区", 2147483647, 2147483647)});
    EXPECT_NE(cut.find(">2147483647/214748\xE2\x80\xA6</text>"), std::string::npos) << cut;
    EXPECT_NE(cut.find("<title>城关区: 2147483647/2147483647</title>"), std::string::npos);
    const Rect track = rects(cut, "track").at(0);
    EXPECT_EQ(track.x + track.width, 680.0 - 8.0 - 136.0);
}

TEST(ReportHtml, MarkerStandsAtItsShareOfTheTrack) {
    const std::string html = chart_html({unit_of("城关区", 19, 20), unit_of("西固区", 12, 20, Rag::amber)}, 0.9);
    const Rect track = rects(html, "track").at(0);
    const std::regex line("<line class=\"marker\" x1=\"([0-9.]+)\" y1=\"([0-9.]+)\" x2=\"([0-9.]+)\" y2=\"([0-9.]+)\"/>");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(html, m, line));
    const double x1 = std::stod(m[1]), y1 = std::stod(m[2]), x2 = std::stod(m[3]), y2 = std::stod(m[4]);
    EXPECT_NEAR(x1, track.x + 0.9 * track.width, 0.01);
    EXPECT_EQ(x1, x2);
    // It spans both bars.
    const Rect last = rects(html, "track").at(1);
    EXPECT_LT(y1, track.y);
    EXPECT_GT(y2, last.y + last.height);
    EXPECT_NE(html.find("text-anchor=\"middle\">通过线</text>"), std::string::npos);

    const std::string none = chart_html({unit_of("城关区", 19, 20)});
    EXPECT_EQ(occurrences(none, "class=\"marker"), 0u);
}

TEST(ReportHtml, EmptyTableShowsItsEmptyText) {
    // No titles and no departments: both tables show their empty text.
    const std::string html = render(report_of({}), ReportFormat::html);
    EXPECT_EQ(occurrences(html, "<p class=\"empty\">无</p>"), 2u);
    EXPECT_EQ(occurrences(html, "<table>"), 0u);
    EXPECT_EQ(occurrences(html, "<th"), 0u);
    EXPECT_EQ(occurrences(html, "class=\"note\""), 0u);
}

// A title passed on its total (the Civilized City's annual test, whose three modes count as met only
// at full marks) stands by its score against the line, not by "0/3 met", on the overview and its page.
TEST(ReportHtml, APointsBasedTitleHeadlinesItsScoreAgainstTheLine) {
    TitleReport civilized = title_of("全国文明城市", Rag::amber);
    civilized.indicators = 3;
    civilized.met = 0;
    civilized.assessed = 3;
    civilized.total = 79.3;
    civilized.pass_total = 80;
    TitleReport garden = title_of("国家园林城市", Rag::red);
    garden.indicators = 75;
    garden.met = 68;
    garden.assessed = 75;
    const std::string text = render(report_of({civilized, garden}), ReportFormat::text);
    EXPECT_NE(text.find("79.3 分（达标线 80 分）"), std::string::npos) << text;
    EXPECT_NE(text.find("68/75"), std::string::npos) << text;
    EXPECT_EQ(text.find("0/3"), std::string::npos) << text;
    EXPECT_NE(text.find("得分: 79.3 分（达标线 80 分）"), std::string::npos) << text;

    Report english = report_of({civilized});
    english.language = Language::en;
    const std::string html = render(english, ReportFormat::html);
    EXPECT_NE(html.find("79.3 (line 80)"), std::string::npos) << html;
    EXPECT_EQ(html.find("0/3"), std::string::npos) << html;
}

TEST(ReportHtml, TablesAlignNumbersAndCarryNotes) {
    ReportItem green;
    green.name = "绿化覆盖率";
    green.measure = "%";
    green.value = 35;
    green.line = Interval::at_least(36);
    green.gap = 1;
    green.relative_gap = 1.0 / 36;
    green.projected = 37;
    green.projected_met = true;
    green.department = "园林局";
    ReportItem parks = green;
    parks.name = "新建公园";
    parks.basic = true;
    parks.projected_met = false;
    parks.department = "";
    TitleReport t = title_of("国家园林城市");
    t.shortfalls = {green, parks};
    t.shortfalls_total = 5;
    const std::string html = render(report_of({t}), ReportFormat::html);
    EXPECT_NE(html.find("<thead><tr><th scope=\"col\">指标</th><th scope=\"col\" class=\"num\">现值</th><th scope=\"col\" class=\"num\">达标线</th>"
                        "<th scope=\"col\" class=\"num\">差距</th><th scope=\"col\" class=\"num\">相对差距</th><th scope=\"col\" class=\"num\">检查日预计</th><th scope=\"col\">责任部门</th></tr></thead>"),
              std::string::npos)
        << html;
    EXPECT_NE(html.find("<tr><td>绿化覆盖率</td><td class=\"num\">35%</td><td class=\"num\">≥ 36%</td><td class=\"num tone-red\">1 个百分点</td><td class=\"num tone-red\">2.8%</td>"
                        "<td class=\"num tone-green\">37%</td><td>园林局</td></tr>"),
              std::string::npos)
        << html;
    EXPECT_NE(html.find("<tr><td class=\"tone-red\">新建公园（基本项）</td><td class=\"num\">35%</td><td class=\"num\">≥ 36%</td>"
                        "<td class=\"num tone-red\">1 个百分点</td><td class=\"num tone-red\">2.8%</td><td class=\"num tone-red\">37%</td><td class=\"tone-muted\">—</td></tr>"),
              std::string::npos)
        << html;
    EXPECT_NE(html.find("</table>\n<p class=\"note\">仅列前 2 项，共 5 项</p>"), std::string::npos);
    // The stylesheet right-aligns them.
    EXPECT_NE(html.find("th.num, td.num { text-align: right;"), std::string::npos);
}

TEST(ReportHtml, OnlyLongTextsWrap) {
    // Cells up to 9 ems stay on one line (a date: 4 wide characters and 6 digits at 0.6, 7.6
    // ems); longer ones wrap, and so do headers over 6 ems. Numbers never wrap.
    TitleReport t = title_of("国家园林城市");
    t.dates.inspection = day("2026-04-30");
    t.framework = "全国文明城市年度测评（2018—2020年创建周期）";
    t.total = 79.3;
    OverdueTask late;
    late.id = "ads";
    late.name = "公益广告和“讲文明树新风”宣传覆盖广场";
    late.due = day("2026-04-30");
    late.days_late = 40;
    t.overdue = {late};
    t.overdue_total = 1;
    DepartmentRow department;
    department.name = "文明办";
    department.most_days_late = 40;
    const std::string html = render(report_of({t}, {department}), ReportFormat::html);
    EXPECT_NE(html.find("<td class=\"wrap\">公益广告"), std::string::npos) << html;
    EXPECT_NE(html.find("<td>国家园林城市</td><td>2026年4月30日</td>"), std::string::npos) << html;
    EXPECT_NE(html.find("<th scope=\"col\" class=\"num\">逾期工作日</th>"), std::string::npos) << html;
    EXPECT_NE(html.find("<th scope=\"col\" class=\"num wrap\">最长逾期（工作日）</th>"), std::string::npos) << html;
    EXPECT_NE(html.find("<td class=\"num\">2026年4月30日</td><td class=\"num tone-red\">40</td>"), std::string::npos) << html;
    // The stylesheet keeps cells on one line unless they carry the wrap class.
    const std::size_t td_rule = html.find("\ntd {");
    ASSERT_NE(td_rule, std::string::npos);
    EXPECT_NE(html.substr(td_rule, html.find('}', td_rule) - td_rule).find("white-space: nowrap"), std::string::npos);

    // A long key figure (a framework's name) takes a wide box.
    EXPECT_NE(html.find("<div class=\"fact wide\"><span class=\"label\">测评体系</span>"), std::string::npos);
    EXPECT_NE(html.find("<div class=\"fact\"><span class=\"label\">得分</span>"), std::string::npos);
}

TEST(ReportHtml, TonesBecomeClassesTheStylesheetColours) {
    TitleReport amber = title_of("国家园林城市", Rag::amber, {unit_of("城关区", 9, 10)});
    amber.reason = "基本项未达标";
    Report report = report_of({title_of("全国文明城市", Rag::red), amber, title_of("国家卫生城市", Rag::red)});
    report.plan = Progress{};
    report.plan->tasks = 9;
    report.gaps = {{ReportPart::departments, "", "", Message("no departments"_en, "无责任部门"_zh)}};
    const std::string html = render(report, ReportFormat::html);
    EXPECT_NE(html.find("<h1>国家园林城市</h1><span class=\"badge tone-amber\">黄</span>"), std::string::npos);
    EXPECT_NE(html.find("<div class=\"fact tone-red\"><span class=\"label\">红</span><span class=\"value\">2</span></div>"),
              std::string::npos);
    EXPECT_NE(html.find("<div class=\"fact tone-amber\"><span class=\"label\">黄</span><span class=\"value\">1</span></div>"),
              std::string::npos);
    EXPECT_NE(html.find("<div class=\"fact\"><span class=\"label\">任务</span>"), std::string::npos);
    EXPECT_NE(html.find("<div class=\"fact tone-muted\"><span class=\"label\">绿</span><span class=\"value\">0</span></div>"),
              std::string::npos);
    EXPECT_NE(html.find("<p class=\"callout tone-amber\">基本项未达标</p>"), std::string::npos);
    EXPECT_NE(html.find("<p class=\"callout tone-red\">责任部门表未能计算：无责任部门</p>"), std::string::npos);
    EXPECT_NE(html.find("<p class=\"callout tone-muted\">任务与问题按工作计划的责任部门统计"), std::string::npos);
    EXPECT_NE(html.find("<rect class=\"bar tone-green\""), std::string::npos);
    for (const char* rule : {"--red: #", "--amber: #", "--green: #", ".badge.tone-red", ".badge.tone-amber", ".badge.tone-green",
                             ".fact.tone-red", "td.tone-red", "svg .bar.tone-red", "svg .bar.tone-amber", "svg .bar.tone-green"})
        EXPECT_NE(html.find(rule), std::string::npos) << rule;
    // A badge on each title's page, none on the overview's or the departments'.
    EXPECT_EQ(occurrences(html, "class=\"badge"), 3u);
}

TEST(ReportHtml, SameReportSameBytes) {
    const Report report = hostile_report();
    EXPECT_EQ(render(report, ReportFormat::html), render(report, ReportFormat::html));
    EXPECT_EQ(render(report, ReportFormat::html), render(Report(report), ReportFormat::html));
}

}  // namespace
}  // namespace civitas
