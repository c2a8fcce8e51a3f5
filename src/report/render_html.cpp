// A laid-out report as one self-contained HTML file: inline CSS and SVG, no script, nothing
// fetched (a Content-Security-Policy forbids it), one A4 sheet per page, verdict words beside
// every colour so a greyscale print still reads.

#include "report/detail/document.hpp"

#include "core/detail/number_format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <type_traits>
#include <vector>

namespace civitas::detail {

namespace {

// The stylesheet. Colours are chosen to print well and to stay apart in greyscale (red dark,
// green middle, amber light); the verdict word always goes with them. The sheet is sized in mm
// so that one `.page` is exactly one A4 sheet on paper and a centred sheet on screen.
constexpr const char* stylesheet = R"css(
:root {
  --red: #b42318; --red-tint: #fbe5e2;
  --amber: #f2b200; --amber-tint: #fdf3d6;
  --green: #2e7d32; --green-tint: #e3f1e4;
  --plain: #44546a; --muted: #9aa3ad; --muted-tint: #f1f2f4;
  --ink: #1d2430; --soft: #5a6472; --rule: #c9ced6; --paper: #ffffff; --desk: #e6e8eb;
}
@page { size: A4; margin: 0; }
* { box-sizing: border-box; }
html { background: var(--desk); color: var(--ink); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; padding: 8mm 0;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  font-size: 9.5pt; line-height: 1.45; font-variant-numeric: tabular-nums;
}
.page {
  position: relative; width: 210mm; max-width: 100%; min-height: 297mm; margin: 0 auto 8mm; padding: 11mm 14mm 14mm;
  background: var(--paper); box-shadow: 0 1px 4px rgba(0, 0, 0, 0.18);
}
.doc-head { border-bottom: 2pt solid var(--ink); padding-bottom: 2mm; margin-bottom: 4mm; }
.doc-title { font-size: 17pt; font-weight: 700; margin: 0; line-height: 1.25; }
.doc-subtitle { margin: 1mm 0 0; color: var(--soft); }
.running { display: flex; justify-content: space-between; gap: 6mm; color: var(--soft); font-size: 8pt;
  border-bottom: 0.75pt solid var(--rule); padding-bottom: 1.2mm; margin-bottom: 4mm; }
.page-title { display: flex; align-items: center; gap: 3mm; margin: 0 0 3mm; }
h1 { font-size: 14pt; margin: 0; line-height: 1.3; }
h2 { font-size: 10.5pt; margin: 2.6mm 0 1mm; padding-bottom: 0.6mm; border-bottom: 0.75pt solid var(--rule); break-after: avoid; }
p { margin: 0 0 2mm; }
.badge { display: inline-block; padding: 0.4mm 3mm; border-radius: 1mm; font-weight: 700; font-size: 10.5pt;
  color: #fff; background: var(--plain); white-space: nowrap; }
.badge.tone-green { background: var(--green); }
.badge.tone-amber { background: var(--amber); color: var(--ink); }
.badge.tone-red { background: var(--red); }
.badge.tone-muted { background: var(--muted); }
.facts { display: flex; flex-wrap: wrap; gap: 2mm; margin: 0 0 2.5mm; break-inside: avoid; }
.fact { flex: 1 1 30mm; min-width: 28mm; border: 0.75pt solid var(--rule); border-left: 2mm solid var(--plain);
  padding: 1mm 2.2mm; background: var(--paper); }
.fact.wide { flex: 3 1 62mm; }
.fact .label { display: block; color: var(--soft); font-size: 7.5pt; line-height: 1.3; }
.fact .value { display: block; font-size: 11.5pt; font-weight: 700; line-height: 1.25; }
.fact.wide .value { font-size: 9.5pt; line-height: 1.35; }
.fact.tone-green { border-left-color: var(--green); }
.fact.tone-amber { border-left-color: var(--amber); }
.fact.tone-red { border-left-color: var(--red); }
.fact.tone-muted { border-left-color: var(--muted); color: var(--soft); }
.fact.tone-red .value { color: var(--red); }
.fact.tone-green .value { color: var(--green); }
.callout { padding: 1.5mm 3mm; border-left: 1.5mm solid var(--plain); background: var(--muted-tint); }
.callout.tone-green { border-left-color: var(--green); background: var(--green-tint); }
.callout.tone-amber { border-left-color: var(--amber); background: var(--amber-tint); }
.callout.tone-red { border-left-color: var(--red); background: var(--red-tint); }
.callout.tone-muted { border-left-color: var(--muted); color: var(--soft); }
p.tone-muted { color: var(--soft); }
.table-block { margin: 0 0 2.5mm; break-inside: avoid; }
table { width: 100%; border-collapse: collapse; font-size: 8pt; line-height: 1.2; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { text-align: left; font-weight: 700; color: var(--soft); border-bottom: 1pt solid var(--ink); padding: 0.6mm 1.2mm; vertical-align: bottom;
  white-space: nowrap; }
th.wrap { white-space: normal; }
td { border-bottom: 0.5pt solid var(--rule); padding: 0.3mm 1.2mm; vertical-align: top; white-space: nowrap; }
td.wrap { white-space: normal; overflow-wrap: anywhere; }
th.num, td.num { text-align: right; }
td.tone-green { color: var(--green); }
td.tone-red { color: var(--red); }
td.tone-muted { color: var(--muted); }
td.tone-green::before, td.tone-amber::before, td.tone-red::before { content: ""; display: inline-block;
  width: 2.2mm; height: 2.2mm; border-radius: 50%; margin-right: 1.2mm; vertical-align: -0.2mm; }
td.tone-green::before { background: var(--green); }
td.tone-amber::before { background: var(--amber); box-shadow: inset 0 0 0 0.3mm #8a6500; }
td.tone-red::before { background: var(--red); }
.empty { color: var(--soft); font-style: italic; padding: 1mm 1.5mm; border-bottom: 0.5pt solid var(--rule); margin: 0; }
.note { color: var(--soft); font-size: 8pt; margin: 0.8mm 0 0; }
figure.chart { margin: 2.5mm 0; break-inside: avoid; }
figure.chart figcaption { font-weight: 700; font-size: 9pt; color: var(--soft); margin: 0 0 1mm; }
figure.chart svg { display: block; width: 100%; height: auto; }
svg text { fill: var(--ink); font-size: 12px; }
svg text.value { fill: var(--soft); }
svg text.marker-label { fill: var(--ink); font-size: 11px; }
svg .track { fill: #eef0f3; }
svg .bar { fill: var(--plain); }
svg .bar.tone-green { fill: var(--green); }
svg .bar.tone-amber { fill: var(--amber); }
svg .bar.tone-red { fill: var(--red); }
svg .bar.tone-muted { fill: var(--muted); }
svg .marker { stroke: var(--ink); stroke-width: 1.2; stroke-dasharray: 4 3; }
.page-foot { position: absolute; left: 14mm; right: 14mm; bottom: 7mm; padding-top: 1mm; border-top: 0.75pt solid var(--rule);
  color: var(--soft); font-size: 7.5pt; line-height: 1.3; display: flex; justify-content: space-between; gap: 6mm; }
.page-no { white-space: nowrap; }
@media screen and (max-width: 210mm) {
  body { padding: 0; }
  .page { min-height: 0; margin: 0 0 4mm; padding: 6mm; }
  .page-foot { position: static; margin-top: 4mm; }
  .table-block { overflow-x: auto; }
  th, td { white-space: normal; }
}
@media print {
  html, body { background: none; }
  body { padding: 0; }
  .page { margin: 0; box-shadow: none; break-after: page; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
  .page:last-child { break-after: auto; }
}
)css";

const char* tone_name(Tone tone) {
    switch (tone) {
        case Tone::green: return "green";
        case Tone::amber: return "amber";
        case Tone::red: return "red";
        case Tone::muted: return "muted";
        case Tone::plain: break;
    }
    return "plain";
}

// "tone-red" for a class list, "" for plain.
std::string tone_class(Tone tone) { return tone == Tone::plain ? std::string() : std::string("tone-") + tone_name(tone); }

// ` class="a b"` of the non-empty names, "" when all are empty.
std::string class_attribute(std::initializer_list<std::string> names) {
    std::string list;
    for (const std::string& name : names)
        if (!name.empty()) list += (list.empty() ? "" : " ") + name;
    return list.empty() ? list : " class=\"" + list + "\"";
}

// A number for SVG geometry: two decimals at most, no locale.
std::string number(double value) { return format_fixed(value, 2); }

// ---- text width in the chart -----------------------------------------------------------------

// The code points of a UTF-8 string; a malformed byte stands for itself.
std::vector<std::uint32_t> code_points(const std::string& text, std::vector<std::size_t>* starts = nullptr) {
    std::vector<std::uint32_t> points;
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        std::size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 1;
        if (i + length > text.size()) length = 1;
        std::uint32_t point = length == 1 ? byte : length == 2 ? (byte & 0x1Fu) : length == 3 ? (byte & 0x0Fu) : (byte & 0x07u);
        for (std::size_t k = 1; k < length; ++k) point = (point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
        if (starts) starts->push_back(i);
        points.push_back(point);
        i += length;
    }
    return points;
}

// East Asian wide and full-width characters, which take about one em.
bool wide(std::uint32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

double em_width(std::uint32_t c) { return wide(c) ? 1.0 : 0.6; }

// Estimated width of `text` in ems: wide characters 1, others 0.6.
double text_ems(const std::string& text) {
    double ems = 0;
    for (const std::uint32_t c : code_points(text)) ems += em_width(c);
    return ems;
}

// `text` cut to at most `ems` wide, with an ellipsis when cut.
std::string fit(const std::string& text, double ems) {
    if (text_ems(text) <= ems) return text;
    std::vector<std::size_t> starts;
    const std::vector<std::uint32_t> points = code_points(text, &starts);
    double used = 1.0;  // the ellipsis
    std::size_t k = 0;
    while (k < points.size() && used + em_width(points[k]) <= ems) used += em_width(points[k++]);
    return text.substr(0, k < starts.size() ? starts[k] : text.size()) + "\xE2\x80\xA6";
}

// ---- blocks -------------------------------------------------------------------------------

// Table cells up to this wide (in ems) stay on one line ("2026年10月30日", "● 不通过"); wider ones wrap.
constexpr double nowrap_ems = 9;
// Headers up to this wide stay on one line ("逾期工作日").
constexpr double nowrap_header_ems = 6;
// A key figure wider than this (a framework's name) takes a wider box in smaller type.
constexpr double wide_fact_ems = 9;

// Chart geometry, in the SVG's own units (its viewBox; about CSS pixels at 100 %).
constexpr double chart_width = 680;
constexpr double font_size = 12;          // matches `svg text` in the stylesheet
constexpr double marker_font_size = 11;   // matches `svg text.marker-label`
constexpr double row_height = 18;
constexpr double bar_height = 12;
constexpr double gap = 8;

void write_chart(std::string& out, const BarChart& chart) {
    double label_ems = 0, value_ems = 0;
    for (const Bar& bar : chart.bars) {
        label_ems = std::max(label_ems, text_ems(bar.label));
        value_ems = std::max(value_ems, text_ems(bar.text));
    }
    // Labels take at most 36 % of the width and value texts 20 %; longer ones are cut.
    const double max_label_ems = 0.36 * chart_width / font_size;
    const double max_value_ems = 0.2 * chart_width / font_size;
    label_ems = std::min(label_ems, max_label_ems);
    value_ems = std::min(value_ems, max_value_ems);
    const double label_width = std::ceil(label_ems * font_size);
    const double value_width = std::ceil(value_ems * font_size);
    const double x0 = label_width + (label_width > 0 ? gap : 0);
    const double span = std::max(chart_width - x0 - (value_width > 0 ? value_width + gap : 0), 40.0);
    const bool marked = chart.marker && std::isfinite(*chart.marker);
    const double top = marked && !chart.marker_label.empty() ? 18 : 4;
    const double height = top + static_cast<double>(chart.bars.size()) * row_height + 4;

    out += "<figure class=\"chart\">\n";
    if (!chart.caption.empty()) out += "<figcaption>" + escape_html(chart.caption) + "</figcaption>\n";
    out += "<svg viewBox=\"0 0 " + number(chart_width) + " " + number(height) + "\" role=\"img\"";
    if (!chart.caption.empty()) out += " aria-label=\"" + escape_html(chart.caption) + "\"";
    out += ">\n";
    for (std::size_t i = 0; i < chart.bars.size(); ++i) {
        const Bar& bar = chart.bars[i];
        const double share = std::isfinite(bar.share) ? std::clamp(bar.share, 0.0, 1.0) : 0.0;
        const double y = top + static_cast<double>(i) * row_height;
        const double bar_y = y + (row_height - bar_height) / 2;
        const double baseline = y + row_height / 2 + font_size * 0.36;
        const std::string label = fit(bar.label, max_label_ems);
        out += "<g class=\"row\">";
        if (label != bar.label || fit(bar.text, max_value_ems) != bar.text)
            out += "<title>" + escape_html(bar.label) + (bar.text.empty() ? "" : ": " + escape_html(bar.text)) + "</title>";
        out += "<text class=\"label\" x=\"" + number(label_width) + "\" y=\"" + number(baseline) + "\" text-anchor=\"end\">" +
               escape_html(label) + "</text>";
        out += "<rect class=\"track\" x=\"" + number(x0) + "\" y=\"" + number(bar_y) + "\" width=\"" + number(span) +
               "\" height=\"" + number(bar_height) + "\"/>";
        out += "<rect" + class_attribute({"bar", tone_class(bar.tone)}) + " x=\"" + number(x0) + "\" y=\"" + number(bar_y) + "\" width=\"" +
               number(share * span) + "\" height=\"" + number(bar_height) + "\"/>";
        if (!bar.text.empty())
            out += "<text class=\"value\" x=\"" + number(x0 + span + gap) + "\" y=\"" + number(baseline) + "\">" +
                   escape_html(fit(bar.text, max_value_ems)) + "</text>";
        out += "</g>\n";
    }
    if (marked) {
        const double x = x0 + std::clamp(*chart.marker, 0.0, 1.0) * span;
        const double bottom = height - 2;
        out += "<line class=\"marker\" x1=\"" + number(x) + "\" y1=\"" + number(top - 3) + "\" x2=\"" + number(x) + "\" y2=\"" +
               number(bottom) + "\"/>";
        if (!chart.marker_label.empty()) {
            // Centred on the line, kept inside the chart.
            const double half = text_ems(chart.marker_label) * marker_font_size / 2;
            const double centre = std::clamp(x, half, chart_width - half);
            out += "<text class=\"marker-label\" x=\"" + number(centre) + "\" y=\"" + number(marker_font_size) + "\" text-anchor=\"middle\">" +
                   escape_html(chart.marker_label) + "</text>";
        }
    }
    out += "</svg>\n</figure>\n";
}

void write_table(std::string& out, const Table& table) {
    // A column is right-aligned when its cells are numeric (its header too).
    std::vector<bool> numeric(table.header.size(), !table.rows.empty());
    for (const auto& row : table.rows)
        for (std::size_t c = 0; c < numeric.size(); ++c)
            if (c >= row.size() || !row[c].numeric) numeric[c] = false;

    out += "<div class=\"table-block\">\n";
    if (table.rows.empty()) {
        out += "<p class=\"empty\">" + escape_html(table.empty) + "</p>\n";
    } else {
        out += "<table>\n";
        if (!table.header.empty()) {
            out += "<thead><tr>";
            for (std::size_t c = 0; c < table.header.size(); ++c)
                out += "<th scope=\"col\"" +
                       class_attribute({numeric[c] ? "num" : "", text_ems(table.header[c]) > nowrap_header_ems ? "wrap" : ""}) + ">" +
                       escape_html(table.header[c]) + "</th>";
            out += "</tr></thead>\n";
        }
        out += "<tbody>\n";
        for (const auto& row : table.rows) {
            out += "<tr>";
            const std::size_t columns = std::max(row.size(), table.header.size());
            for (std::size_t c = 0; c < columns; ++c) {
                if (c >= row.size()) {
                    out += "<td></td>";
                    continue;
                }
                const Cell& cell = row[c];
                const char* wrapping = cell.numeric ? "num" : text_ems(cell.text) > nowrap_ems ? "wrap" : "";
                out += "<td" + class_attribute({wrapping, tone_class(cell.tone)}) + ">" + escape_html(cell.text) + "</td>";
            }
            out += "</tr>\n";
        }
        out += "</tbody>\n</table>\n";
    }
    if (!table.note.empty()) out += "<p class=\"note\">" + escape_html(table.note) + "</p>\n";
    out += "</div>\n";
}

void write_block(std::string& out, const Block& block) {
    std::visit(
        [&out](const auto& b) {
            using T = std::decay_t<decltype(b)>;
            if constexpr (std::is_same_v<T, Heading>) {
                out += "<h2>" + escape_html(b.text) + "</h2>\n";
            } else if constexpr (std::is_same_v<T, Paragraph>) {
                if (b.tone == Tone::plain)
                    out += "<p>" + escape_html(b.text) + "</p>\n";
                else
                    out += "<p" + class_attribute({"callout", tone_class(b.tone)}) + ">" + escape_html(b.text) + "</p>\n";
            } else if constexpr (std::is_same_v<T, Facts>) {
                out += "<div class=\"facts\">\n";
                for (const Fact& f : b.facts)
                    out += "<div" + class_attribute({"fact", text_ems(f.value) > wide_fact_ems ? "wide" : "", tone_class(f.tone)}) +
                           "><span class=\"label\">" + escape_html(f.label) +
                           "</span><span class=\"value\">" + escape_html(f.value) + "</span></div>\n";
                out += "</div>\n";
            } else if constexpr (std::is_same_v<T, Table>) {
                write_table(out, b);
            } else {
                write_chart(out, b);
            }
        },
        block);
}

}  // namespace

std::string render_html(const Document& document) {
    std::string out;
    out += "<!DOCTYPE html>\n<html lang=\"" + escape_html(document.language) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    // Nothing may be fetched or run: no scripts (said outright), fonts, images or style sheets from anywhere.
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'none'; style-src 'unsafe-inline'\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>" + escape_html(document.title) + "</title>\n<style>" + std::string(stylesheet) + "</style>\n</head>\n<body>\n";
    const std::size_t pages = document.pages.size();
    for (std::size_t i = 0; i < pages; ++i) {
        const Page& page = document.pages[i];
        out += "<section class=\"page\">\n";
        if (i == 0) {
            out += "<header class=\"doc-head\"><p class=\"doc-title\">" + escape_html(document.title) + "</p>";
            if (!document.subtitle.empty()) out += "<p class=\"doc-subtitle\">" + escape_html(document.subtitle) + "</p>";
            out += "</header>\n";
        } else {
            out += "<header class=\"running\"><span>" + escape_html(document.title) + "</span><span>" + escape_html(document.subtitle) +
                   "</span></header>\n";
        }
        out += "<div class=\"page-title\"><h1>" + escape_html(page.title) + "</h1>";
        if (!page.badge.empty()) out += "<span" + class_attribute({"badge", tone_class(page.tone)}) + ">" + escape_html(page.badge) + "</span>";
        out += "</div>\n";
        for (const Block& block : page.blocks) write_block(out, block);
        out += "<footer class=\"page-foot\"><span>" + escape_html(document.footer) + "</span><span class=\"page-no\">" +
               std::to_string(i + 1) + " / " + std::to_string(pages) + "</span></footer>\n";
        out += "</section>\n";
    }
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace civitas::detail
