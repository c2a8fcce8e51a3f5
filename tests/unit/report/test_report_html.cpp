// The HTML renderer of reports, on documents built by hand: every text escaped, nothing fetched,
// one sheet per page, bars and the marker placed by the numbers, tones carried as classes.

#include "report/detail/document.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <regex>
#include <string>
#include <vector>

namespace civitas::detail {
namespace {

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t count = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++count;
    return count;
}

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

Page page_with(Block block, std::string title = "page") {
    Page page;
    page.title = std::move(title);
    page.blocks.push_back(std::move(block));
    return page;
}

Document document_of(std::vector<Page> pages) {
    Document d;
    d.language = "zh-CN";
    d.title = "兰州市五城联创工作报告";
    d.subtitle = "截至 2026年6月30日";
    d.footer = "civitas 测试";
    d.pages = std::move(pages);
    return d;
}

BarChart chart(std::vector<Bar> bars, std::optional<double> marker = std::nullopt, std::string marker_label = "") {
    BarChart c;
    c.caption = "各区达标指标比例";
    c.bars = std::move(bars);
    c.marker = marker;
    c.marker_label = std::move(marker_label);
    return c;
}

// A document where the hostile unit name stands in every text a document has.
constexpr const char* hostile = "<script>&\"'";
constexpr const char* escaped = "&lt;script&gt;&amp;&quot;&#39;";

Document hostile_document() {
    const std::string h = hostile;
    Table table;
    table.header = {h, "值"};
    table.rows = {{Cell{h, Tone::red, false}, Cell{"1", Tone::plain, true}}};
    table.note = h;
    Table empty;
    empty.header = {"x"};
    empty.empty = h;
    Page page;
    page.title = h;
    page.badge = h;
    page.tone = Tone::red;
    page.blocks = {Heading{h}, Paragraph{h, Tone::amber}, Facts{{Fact{h, h, Tone::plain}}}, table, empty,
                   chart({Bar{h, 0.5, h, Tone::green}}, 0.5, h)};
    BarChart& c = std::get<BarChart>(page.blocks.back());
    c.caption = h;
    Document d = document_of({page, page_with(Heading{"二"})});
    d.title = h;
    d.subtitle = h;
    d.footer = h;
    return d;
}

TEST(ReportHtml, EscapesEveryText) {
    const std::string html = render_html(hostile_document());
    // title twice (<title> and the first page's head) and once in the running head of page 2,
    // subtitle on pages 1 and 2, footer on pages 1 and 2, page title, badge, heading, paragraph,
    // fact label and value, table header, cell, note, empty text, bar label, bar value, marker
    // label, caption and its aria-label: 15 on the first page.
    EXPECT_EQ(occurrences(html, escaped), 3u + 2u + 2u + 15u);
    EXPECT_EQ(occurrences(html, "<script"), 0u);
    EXPECT_EQ(occurrences(html, "&\""), 0u);
    EXPECT_EQ(occurrences(html, "&'"), 0u);
}

TEST(ReportHtml, EscapesTheLanguageTag) {
    Document d = document_of({page_with(Heading{"x"})});
    d.language = "en\"><script>";
    const std::string html = render_html(d);
    EXPECT_NE(html.find("<html lang=\"en&quot;&gt;&lt;script&gt;\">"), std::string::npos);
    EXPECT_EQ(occurrences(html, "<script"), 0u);
}

TEST(ReportHtml, IsSelfContained) {
    const std::string html = render_html(hostile_document());
    EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n", 0), 0u);
    for (const char* fetch : {"http:", "https:", "src=", "href=", "<link", "@import", "url(", "<script", "<img", "<iframe", "<object"})
        EXPECT_EQ(occurrences(html, fetch), 0u) << fetch;
    // The browser is told to fetch nothing either.
    EXPECT_NE(html.find("Content-Security-Policy\" content=\"default-src 'none'; script-src 'none'; style-src 'unsafe-inline'\""), std::string::npos);
    EXPECT_EQ(occurrences(html, "<style>"), 1u);
    EXPECT_EQ(occurrences(html, "<svg viewBox="), 1u);
    EXPECT_EQ(html.substr(html.size() - 8), "</html>\n");
}

TEST(ReportHtml, PrintsOneA4SheetPerPage) {
    Page a = page_with(Heading{"一"}, "总览");
    Page b = page_with(Heading{"二"}, "国家园林城市");
    Page c = page_with(Heading{"三"}, "部门责任");
    const std::string html = render_html(document_of({a, b, c}));
    EXPECT_EQ(occurrences(html, "<section class=\"page\">"), 3u);
    EXPECT_EQ(occurrences(html, "</section>"), 3u);
    EXPECT_EQ(occurrences(html, "<footer class=\"page-foot\"><span>civitas 测试</span>"), 3u);
    EXPECT_NE(html.find("<span class=\"page-no\">1 / 3</span>"), std::string::npos);
    EXPECT_NE(html.find("<span class=\"page-no\">3 / 3</span>"), std::string::npos);
    // The document's title heads the first page; the others carry it as a running head.
    EXPECT_EQ(occurrences(html, "<header class=\"doc-head\">"), 1u);
    EXPECT_EQ(occurrences(html, "<header class=\"running\">"), 2u);
    EXPECT_NE(html.find("@page { size: A4; margin: 0; }"), std::string::npos);
    EXPECT_NE(html.find("break-after: page"), std::string::npos);
    EXPECT_NE(html.find("\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\", \"Microsoft YaHei\", \"WenQuanYi Micro Hei\", sans-serif"),
              std::string::npos);

    EXPECT_EQ(occurrences(render_html(document_of({})), "<section"), 0u);
}

TEST(ReportHtml, BarsAreProportionalToTheirShare) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::string html = render_html(document_of({page_with(chart({
        Bar{"城关区", 1.0, "75/75", Tone::green},
        Bar{"七里河区", 0.5, "30/60", Tone::amber},
        Bar{"西固区", 0.25, "15/60", Tone::red},
        Bar{"安宁区", 0.0, "0/60", Tone::red},
        Bar{"红古区", 1.5, "?", Tone::plain},  // out of range: clamped to a full bar
        Bar{"永登县", nan, "无数据", Tone::muted},  // no share: no bar
    }))}));
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
    // The widest value texts ("75/75": 5 x 0.6 em; 无数据: 3 em) take 36 units after a gap of
    // 8, at the right edge of the viewBox (0 0 680 ...).
    EXPECT_EQ(tracks[0].x + full, 680.0 - 8.0 - 36.0);
    EXPECT_NE(html.find("<rect class=\"bar tone-amber\""), std::string::npos);
    EXPECT_NE(html.find(">30/60</text>"), std::string::npos);
}

TEST(ReportHtml, LabelColumnFollowsTextWidth) {
    // Latin characters count 0.6 em: "abcde" is 3 ems = 36 units at 12; five Chinese characters 60.
    const std::string latin = render_html(document_of({page_with(chart({Bar{"abcde", 1.0, "", Tone::plain}}))}));
    const std::string chinese = render_html(document_of({page_with(chart({Bar{"国家园林城", 1.0, "", Tone::plain}}))}));
    EXPECT_EQ(rects(latin, "bar").at(0).x, 36.0 + 8.0);
    EXPECT_EQ(rects(chinese, "bar").at(0).x, 60.0 + 8.0);
    // No value texts: the track runs to the right edge.
    EXPECT_EQ(rects(chinese, "track").at(0).width, 680.0 - 68.0);
}

TEST(ReportHtml, LongLabelsAreCutWithTheWholeNameAsTooltip) {
    const std::string name(60, 'x');
    const std::string html = render_html(document_of({page_with(chart({Bar{name, 0.5, "1", Tone::plain}}))}));
    EXPECT_NE(html.find("<title>" + name + ": 1</title>"), std::string::npos);
    EXPECT_NE(html.find("\xE2\x80\xA6</text>"), std::string::npos);  // the ellipsis
    // The label column stops at 36 % of the width: 245 units (ceil of 0.36 * 680 / 12 ems).
    EXPECT_EQ(rects(html, "bar").at(0).x, std::ceil(0.36 * 680) + 8.0);

    // Value texts stop at 20 %: 136 units, 11.33 ems; 30 digits are cut to 17 and an ellipsis.
    const std::string value(30, '9');
    const std::string cut = render_html(document_of({page_with(chart({Bar{"城关区", 0.5, value, Tone::plain}}))}));
    EXPECT_NE(cut.find(">" + std::string(17, '9') + "\xE2\x80\xA6</text>"), std::string::npos);
    EXPECT_NE(cut.find("<title>城关区: " + value + "</title>"), std::string::npos);
    const Rect track = rects(cut, "track").at(0);
    EXPECT_EQ(track.x + track.width, 680.0 - 8.0 - 136.0);
}

TEST(ReportHtml, MarkerStandsAtItsShareOfTheTrack) {
    const std::string html = render_html(document_of({page_with(chart(
        {Bar{"城关区", 0.95, "95%", Tone::green}, Bar{"西固区", 0.6, "60%", Tone::red}}, 0.9, "达标线 90%"))}));
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
    EXPECT_NE(html.find("text-anchor=\"middle\">达标线 90%</text>"), std::string::npos);

    const std::string none = render_html(document_of({page_with(chart({Bar{"城关区", 0.95, "95%", Tone::green}}))}));
    EXPECT_EQ(occurrences(none, "class=\"marker"), 0u);
}

TEST(ReportHtml, EmptyTableShowsItsEmptyText) {
    Table table;
    table.header = {"任务", "责任部门", "逾期天数"};
    table.empty = "无";
    table.note = "";
    const std::string html = render_html(document_of({page_with(table)}));
    EXPECT_NE(html.find("<p class=\"empty\">无</p>"), std::string::npos);
    EXPECT_EQ(occurrences(html, "<table>"), 0u);
    EXPECT_EQ(occurrences(html, "<th"), 0u);
    EXPECT_EQ(occurrences(html, "class=\"note\""), 0u);
}

TEST(ReportHtml, TablesAlignNumbersAndCarryNotes) {
    Table table;
    table.header = {"区县", "达标", "判定"};
    table.rows = {{Cell{"城关区", Tone::plain, false}, Cell{"70 / 75", Tone::plain, true}, Cell{"绿", Tone::green, false}},
                  {Cell{"西固区", Tone::plain, false}, Cell{"61 / 75", Tone::red, true}, Cell{"红", Tone::red, false}}};
    table.note = "显示 2 / 5";
    const std::string html = render_html(document_of({page_with(table)}));
    EXPECT_NE(html.find("<thead><tr><th scope=\"col\">区县</th><th scope=\"col\" class=\"num\">达标</th><th scope=\"col\">判定</th></tr></thead>"),
              std::string::npos);
    EXPECT_NE(html.find("<tr><td>城关区</td><td class=\"num\">70 / 75</td><td class=\"tone-green\">绿</td></tr>"), std::string::npos);
    EXPECT_NE(html.find("<tr><td>西固区</td><td class=\"num tone-red\">61 / 75</td><td class=\"tone-red\">红</td></tr>"), std::string::npos);
    EXPECT_NE(html.find("</table>\n<p class=\"note\">显示 2 / 5</p>"), std::string::npos);
    EXPECT_EQ(occurrences(html, "class=\"empty\""), 0u);
    // The stylesheet right-aligns them.
    EXPECT_NE(html.find("th.num, td.num { text-align: right;"), std::string::npos);
}

TEST(ReportHtml, OnlyLongTextsWrap) {
    // Cells up to 9 ems stay on one line (a date: 4 wide characters and 6 digits at 0.6, 7.6
    // ems); longer ones wrap, and so do headers over 6 ems. Numbers never wrap.
    Table table;
    table.header = {"任务", "截止日期", "最长逾期（工作日）"};
    table.rows = {{Cell{"公益广告和“讲文明树新风”宣传覆盖广场", Tone::plain, false}, Cell{"2026年4月30日", Tone::plain, false},
                   Cell{"40", Tone::red, true}}};
    const std::string html = render_html(document_of({page_with(table)}));
    EXPECT_NE(html.find("<th scope=\"col\">任务</th><th scope=\"col\">截止日期</th><th scope=\"col\" class=\"num wrap\">最长逾期（工作日）</th>"),
              std::string::npos);
    EXPECT_NE(html.find("<td class=\"wrap\">公益广告"), std::string::npos);
    EXPECT_NE(html.find("<td>2026年4月30日</td><td class=\"num tone-red\">40</td>"), std::string::npos);
    // The stylesheet keeps cells on one line unless they carry the wrap class.
    const std::size_t td_rule = html.find("\ntd {");
    ASSERT_NE(td_rule, std::string::npos);
    EXPECT_NE(html.substr(td_rule, html.find('}', td_rule) - td_rule).find("white-space: nowrap"), std::string::npos);

    // A long key figure (a framework's name) takes a wide box.
    const std::string facts = render_html(document_of(
        {page_with(Facts{{Fact{"测评体系", "全国文明城市年度测评（2018—2020年创建周期）", Tone::plain}, Fact{"得分", "79.3", Tone::plain}}})}));
    EXPECT_NE(facts.find("<div class=\"fact wide\"><span class=\"label\">测评体系</span>"), std::string::npos);
    EXPECT_NE(facts.find("<div class=\"fact\"><span class=\"label\">得分</span>"), std::string::npos);
}

TEST(ReportHtml, TonesBecomeClassesTheStylesheetColours) {
    Page page = page_with(Facts{{Fact{"红", "2", Tone::red}, Fact{"黄", "1", Tone::amber}, Fact{"任务", "9", Tone::plain},
                                 Fact{"问题", "0", Tone::muted}}},
                          "国家园林城市");
    page.badge = "黄";
    page.tone = Tone::amber;
    page.blocks.push_back(Paragraph{"基本项未达标", Tone::red});
    page.blocks.push_back(Paragraph{"说明", Tone::plain});
    page.blocks.push_back(chart({Bar{"城关区", 0.9, "", Tone::green}}));
    const std::string html = render_html(document_of({page}));
    EXPECT_NE(html.find("<h1>国家园林城市</h1><span class=\"badge tone-amber\">黄</span>"), std::string::npos);
    EXPECT_NE(html.find("<div class=\"fact tone-red\"><span class=\"label\">红</span><span class=\"value\">2</span></div>"),
              std::string::npos);
    EXPECT_NE(html.find("<div class=\"fact tone-amber\">"), std::string::npos);
    EXPECT_NE(html.find("<div class=\"fact\"><span class=\"label\">任务</span>"), std::string::npos);
    EXPECT_NE(html.find("<div class=\"fact tone-muted\">"), std::string::npos);
    EXPECT_NE(html.find("<p class=\"callout tone-red\">基本项未达标</p>"), std::string::npos);
    EXPECT_NE(html.find("<p>说明</p>"), std::string::npos);
    EXPECT_NE(html.find("<rect class=\"bar tone-green\""), std::string::npos);
    for (const char* rule : {"--red: #", "--amber: #", "--green: #", ".badge.tone-red", ".badge.tone-amber", ".badge.tone-green",
                             ".fact.tone-red", "td.tone-red", "svg .bar.tone-red", "svg .bar.tone-amber", "svg .bar.tone-green"})
        EXPECT_NE(html.find(rule), std::string::npos) << rule;
    // No badge, no badge element.
    EXPECT_EQ(occurrences(render_html(document_of({page_with(Heading{"x"})})), "class=\"badge"), 0u);
}

TEST(ReportHtml, SameDocumentSameBytes) {
    const Document d = hostile_document();
    EXPECT_EQ(render_html(d), render_html(d));
    EXPECT_EQ(render_html(d), render_html(Document(d)));
}

}  // namespace
}  // namespace civitas::detail
