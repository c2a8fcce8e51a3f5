// Hostile names in a campaign built in memory (the file readers refuse control characters in
// names; a campaign built in code is not read from a file): markup, Markdown syntax, a newline
// that would close the chart's code fence, terminal controls (ESC, BEL, DEL, a C1 control, a
// right-to-left override). Every format, in both languages: the text holds no control
// character, the Markdown no markup of its own making from data, the HTML none unescaped, the
// JSON gives the names back as they are. tests/python/test_report_escaping.py renders the
// Markdown with a CommonMark renderer.

#include "support.hpp"

#include <civitas/report/report.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace civitas {
namespace {

using test::higher;

Date day(const char* iso) { return parse_date(iso, "test"); }

const std::string campaign_name = "<script>alert(1)</script> **粗体** [x](javascript:alert(1))";
const std::string title_name = "# 标题 <img src=x onerror=alert(1)>";
const std::string city_name = "市\x1b[31m红\x1b[0m\x07";
const std::string d1_name = "一区\n```\n<script>x</script>";
const std::string d2_name = "二区 | `code` ~~del~~ _em_";
const std::string department_name = "园林局 ![i](javascript:alert(2))";
const std::string leader_name = "\xE2\x80\xAE副市长\x7F\xC2\x9B";  // U+202E, DEL, U+009B (CSI)
const std::string task_name = "1. <b>种树</b>\r";
const std::string other_department = "建设局 &lt;script&gt;";
const std::string indicator_name = "    绿化 *覆盖* \\*";
const std::string framework_name = "<iframe src=x>";
const std::string check_name = "<a href=\"javascript:alert(3)\">检查</a>";

void observe(ObservationStore& store, const char* unit, const char* indicator, const char* date, double value) {
    Observation o;
    o.unit = unit;
    o.indicator = indicator;
    o.date = day(date);
    o.value = value;
    store.add(o);
}

// The campaign of test_report.cpp (a title, a city and two districts, two items, two tasks, a
// target), every name hostile, and a check ahead.
Campaign hostile_campaign() {
    CampaignSpec spec;
    spec.id = "hostile";
    spec.name = campaign_name;
    CampaignTitle garden;
    garden.id = "garden";
    garden.name = title_name;
    garden.framework = "garden.json";
    garden.dates.inspection = day("2026-07-01");
    spec.titles = {garden};
    spec.units = {{"city", city_name, "", {}}, {"d1", d1_name, "city", {}}, {"d2", d2_name, "city", {}}};
    spec.departments = {{"gardens", department_name, leader_name, ""}};
    Target parks;
    parks.title = "garden";
    parks.indicator = "parks";
    parks.unit = "city";
    parks.value = 12;
    parks.department = "gardens";
    spec.targets = {parks};
    Check check;
    check.id = "pre";
    check.name = check_name;
    check.date = day("2026-03-02");
    spec.checks = {check};
    PlanSpec plan;
    plan.id = "plan";
    plan.titles = {{"garden", title_name}};
    Task plant;
    plant.id = "plant";
    plant.name = task_name;
    plant.titles = {"garden"};
    plant.responsibility = {{"department", department_name}, {"leader", leader_name}};
    plant.start = day("2026-01-05");
    plant.due = day("2026-01-09");
    plant.percent_complete = 40;
    Task build = plant;
    build.id = "build";
    build.responsibility = {{"department", other_department}, {"leader", "> 引用 &amp;"}};
    build.due = day("2026-01-12");
    plan.tasks = {plant, build};

    ObservationStore store;
    observe(store, "city", "green", "2025-07-01", 33);
    observe(store, "city", "green", "2026-01-01", 35);
    observe(store, "city", "parks", "2026-01-01", 9);
    observe(store, "d1", "green", "2025-12-01", 37);
    observe(store, "d1", "parks", "2025-12-01", 12);
    observe(store, "d2", "green", "2025-12-01", 35);
    observe(store, "d2", "parks", "2025-12-01", 12);
    Indicator green = test::basic(test::bounded(higher("green", 36), 0, 100));
    green.name = indicator_name;
    green.unit = "%<s>";
    Indicator new_parks = higher("parks", 10);
    new_parks.name = "新建公园 <u>";
    FrameworkSpec framework = test::flat_spec({green, new_parks}, "garden");
    framework.name = framework_name;
    return Campaign(spec, {{"garden", Framework(framework)}}, WorkCalendar(), Plan(plan), store);
}

const Date as_of = day("2026-01-15");

std::vector<Report> reports() {
    std::vector<Report> out;
    for (const Language language : {Language::zh, Language::en}) {
        ReportOptions options;
        options.language = language;
        out.push_back(build_report(hostile_campaign(), as_of, options));
    }
    return out;
}

// The first byte that is a control character other than a newline (C0, DEL, or a C1 control
// in UTF-8), as its position; npos when none.
std::size_t control_byte(const std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\n') || c == 0x7F) return i;
        if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F) return i;
    }
    return std::string::npos;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(ReportEscaping, TextShowsControlCharactersVisibly) {
    for (const Report& report : reports()) {
        const std::string text = render(report, ReportFormat::text);
        EXPECT_EQ(control_byte(text), std::string::npos) << text.substr(control_byte(text), 40);
        EXPECT_FALSE(has(text, "\xE2\x80\xAE")) << "a right-to-left override";
        EXPECT_TRUE(has(text, "市\\x1B[31m红\\x1B[0m\\x07")) << text;             // ESC and BEL
        EXPECT_TRUE(has(text, "一区\\x0A```\\x0A<script>x</script>")) << text;  // a newline inside a name
        EXPECT_TRUE(has(text, "\\u202E副市长\\x7F\\u009B")) << text;
        EXPECT_TRUE(has(text, "1. <b>种树</b>\\x0D")) << text;
        // Everything else is shown as written: the text is no markup language.
        EXPECT_TRUE(has(text, campaign_name)) << text;
        EXPECT_TRUE(has(text, title_name)) << text;
    }
}

// The Markdown without its fenced code blocks (whose text is shown as it is), and the blocks.
std::pair<std::string, std::vector<std::string>> outside_code(const std::string& markdown) {
    std::string outside, fence;
    std::vector<std::string> blocks;
    std::size_t at = 0;
    while (at < markdown.size()) {
        const std::size_t end = std::min(markdown.find('\n', at), markdown.size());
        const std::string line = markdown.substr(at, end - at);
        at = end + 1;
        if (fence.empty() && line.rfind("```", 0) == 0) {
            fence = line;
            blocks.emplace_back();
        } else if (!fence.empty() && line == fence) {
            fence.clear();
        } else {
            (fence.empty() ? outside : blocks.back()) += line + "\n";
        }
    }
    EXPECT_TRUE(fence.empty()) << "a code block left open";
    return {outside, blocks};
}

TEST(ReportEscaping, MarkdownHoldsNoMarkupFromData) {
    for (const Report& report : reports()) {
        const std::string markdown = render(report, ReportFormat::markdown);
        EXPECT_EQ(control_byte(markdown), std::string::npos) << markdown.substr(control_byte(markdown), 40);
        const auto [outside, blocks] = outside_code(markdown);
        for (const char* tag : {"<script", "<img", "<iframe", "<a ", "<b>", "<s>", "<u>", "**粗体**", "_em_", "~~del~~"})
            EXPECT_FALSE(has(outside, tag)) << tag << "\n" << outside;
        for (std::size_t at = outside.find("]("); at != std::string::npos; at = outside.find("](", at + 1))
            EXPECT_EQ(outside[at - 1], '\\') << outside.substr(at - 10, 20);  // "\](": no link
        // Every line of a chart's code block is a bar: a name cannot end the block or add a line.
        ASSERT_FALSE(blocks.empty());
        for (const std::string& block : blocks)
            for (std::size_t at = 0; at < block.size(); at = block.find('\n', at) + 1) {
                const std::string line = block.substr(at, block.find('\n', at) - at);
                EXPECT_TRUE(line.rfind("  ", 0) == 0 && (has(line, "█") || has(line, "░"))) << line;
            }
        EXPECT_TRUE(has(markdown, "&lt;script&gt;alert(1)&lt;/script&gt; \\*\\*粗体\\*\\* \\[x\\](javascript:alert(1))")) << markdown;
        EXPECT_TRUE(has(markdown, "二区 \\| \\`code\\` \\~\\~del\\~\\~ \\_em\\_")) << markdown;
        // A table cell's pipes are escaped: every row has as many cell separators as the header.
        EXPECT_TRUE(has(markdown, "建设局 &amp;lt;script&amp;gt;")) << markdown;
        // The chart's code block: the newline in 一区's name is not one, and the fence is longer
        // than the backticks of the name, so the block ends where it should.
        EXPECT_TRUE(has(markdown, "\n````\n")) << markdown;
        EXPECT_TRUE(has(markdown, "一区\\x0A```\\x0A<script>x</script>")) << markdown;
        // The heading's '#' is escaped, not a closing sequence or a heading of its own.
        EXPECT_TRUE(has(markdown, "\\# 标题 &lt;img src=x onerror=alert(1)&gt;")) << markdown;
    }
}

TEST(ReportEscaping, HtmlEscapesEveryPayload) {
    for (const Report& report : reports()) {
        const std::string html = render(report, ReportFormat::html);
        EXPECT_EQ(control_byte(html), std::string::npos) << html.substr(control_byte(html), 40);
        // The payloads with markup do not appear as written; the tags they hold appear nowhere.
        for (const std::string& payload : {campaign_name, title_name, d1_name, check_name, framework_name, task_name})
            EXPECT_FALSE(has(html, payload)) << payload;
        for (const char* tag : {"<script", "<img", "<iframe", "<a ", "<b>", "<s>", "<u>"}) EXPECT_FALSE(has(html, tag)) << tag;
        EXPECT_TRUE(has(html, "&lt;a href=&quot;javascript:alert(3)&quot;&gt;")) << html;
        EXPECT_TRUE(has(html, "&lt;script&gt;alert(1)&lt;/script&gt; **粗体** [x](javascript:alert(1))")) << html;
        EXPECT_TRUE(has(html, "市\\x1B[31m红\\x1B[0m\\x07")) << html;
        EXPECT_TRUE(has(html, "script-src 'none'")) << html;
    }
}

TEST(ReportEscaping, JsonGivesTheNamesBackAsTheyAre) {
    for (const Report& report : reports()) {
        const auto json = nlohmann::json::parse(render(report, ReportFormat::json));
        EXPECT_EQ(json["name"], campaign_name);
        EXPECT_EQ(json["titles"][0]["name"], title_name);
        EXPECT_EQ(json["unit_names"]["city"], city_name);
        EXPECT_EQ(json["unit_names"]["d1"], d1_name);
        EXPECT_EQ(json["titles"][0]["overdue"][0]["name"], task_name);
        EXPECT_EQ(json["titles"][0]["overdue"][0]["responsibility"]["leader"], leader_name);
        EXPECT_EQ(json["next_events"][0]["name"], check_name);
    }
    // Bytes that are not UTF-8 (the readers refuse them; code may not) become U+FFFD, not an exception.
    Report broken = reports().front();
    broken.name = "名\xFF\xC0";
    const auto json = nlohmann::json::parse(render(broken, ReportFormat::json));
    EXPECT_EQ(json["name"], "名\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_TRUE(has(render(broken, ReportFormat::text), "名\\xFF\\xC0"));
}

// A report built by hand with a title page per text, the text its reason: the page's paragraph.
Report reasons_report(const std::vector<std::string>& reasons) {
    Report report;
    report.campaign = "reasons";
    report.name = "理由";
    report.as_of = as_of;
    for (const std::string& reason : reasons) {
        TitleReport t;
        t.id = "t" + std::to_string(report.titles.size());
        t.name = "称号";
        t.reason = reason;
        report.titles.push_back(t);
    }
    return report;
}

TEST(ReportEscaping, EachFormatEscapesItsOwnWay) {
    // Text: control characters, separators, bidirectional controls and bytes that are not UTF-8
    // written visibly, everything else as it is. A paragraph is a line of its own.
    const std::vector<std::pair<std::string, std::string>> text_cases = {
        {"a\x1b[0m\tb\n\x7f\xC2\x85\xE2\x80\xA8\xE2\x81\xA6\xFF中", "a\\x1B[0m\\x09b\\x0A\\x7F\\u0085\\u2028\\u2066\\xFF中"},
        {"\xE4\xB8", "\\xE4\\xB8"},  // a character cut short
        {"\xC0\xAF", "\\xC0\\xAF"},  // an overlong '/'
    };
    // Markdown: what would start a block defused, the characters of inline syntax escaped; a
    // paragraph stands between empty lines.
    const std::vector<std::pair<std::string, std::string>> markdown_cases = {
        {"- a", "\\- a"},
        {"2026. 年", "2026\\. 年"},
        {"3) x", "3\\) x"},
        {"  code", "&#32;&#32;code"},
        {"1.5 - 2.5", "1.5 - 2.5"},  // only what would start a block
        {"a\\b `c` *d* _e_ [f] |g| ~h~ #i <j> &k", "a\\\\b \\`c\\` \\*d\\* \\_e\\_ \\[f\\] \\|g\\| \\~h\\~ \\#i &lt;j&gt; &amp;k"},
        {"x\ny", "x\\x0Ay"},
    };
    // HTML: markup characters as entities, control characters as in text.
    const std::string html_case = "<a href='x'>&\"\x1b</a>";
    std::vector<std::string> reasons;
    for (const auto& [data, shown] : text_cases) reasons.push_back(data);
    for (const auto& [data, shown] : markdown_cases) reasons.push_back(data);
    reasons.push_back(html_case);
    const Report report = reasons_report(reasons);

    const std::string text = render(report, ReportFormat::text);
    for (const auto& [data, shown] : text_cases) EXPECT_TRUE(has(text, "\n" + shown + "\n")) << shown << "\n" << text;
    const std::string markdown = render(report, ReportFormat::markdown);
    for (const auto& [data, shown] : markdown_cases) EXPECT_TRUE(has(markdown, "\n\n" + shown + "\n\n")) << shown << "\n" << markdown;
    const std::string html = render(report, ReportFormat::html);
    EXPECT_TRUE(has(html, ">&lt;a href=&#39;x&#39;&gt;&amp;&quot;\\x1B&lt;/a&gt;</p>")) << html;
}

}  // namespace
}  // namespace civitas
