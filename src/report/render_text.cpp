// Writing a laid-out report as plain text (aligned for Chinese characters) and as Markdown.

#include "report/detail/document.hpp"

#include <algorithm>
#include <cmath>

namespace civitas::detail {

namespace {

constexpr std::size_t max_cell_width = 40;  // text only: longer cells end in "…"
constexpr int bar_width = 24;               // text bars, in characters
constexpr std::size_t page_width = 100;     // text: facts wrap before this column

// The code point starting at text[i], and how many bytes it takes (1 for a stray byte).
std::pair<char32_t, std::size_t> decode(const std::string& text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    if (length == 1 || i + length > text.size()) return {c, 1};
    char32_t code = c & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    return {code, length};
}

bool wide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

}  // namespace

std::string clip_text(const std::string& text, std::size_t width) {
    if (display_width(text) <= width) return text;
    std::string out;
    std::size_t used = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto [code, length] = decode(text, i);
        const std::size_t w = wide(code) ? 2 : 1;
        if (used + w + 1 > width) break;
        out.append(text, i, length);
        used += w;
        i += length;
    }
    return out + "…";
}

namespace {

std::string clip(const std::string& text, std::size_t width) { return clip_text(text, width); }

std::string pad(const std::string& text, std::size_t width, bool right) {
    const std::size_t w = display_width(text);
    const std::string fill(width > w ? width - w : 0, ' ');
    return right ? fill + text : text + fill;
}

std::string repeat(const std::string& piece, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += piece;
    return out;
}

std::string rule(std::size_t width, const char* piece) { return repeat(piece, width) + "\n"; }

void text_table(std::string& out, const Table& table) {
    if (table.rows.empty()) {
        out += "  " + escape_text(table.empty) + "\n";
        return;
    }
    const std::size_t columns = table.header.size();
    std::vector<std::size_t> widths(columns, 0);
    std::vector<std::vector<std::string>> cells;
    for (const auto& row : table.rows) {
        std::vector<std::string> line;
        for (std::size_t c = 0; c < columns; ++c) line.push_back(clip(escape_text(row[c].text), max_cell_width));
        cells.push_back(std::move(line));
    }
    std::vector<std::string> header;
    for (const std::string& h : table.header) header.push_back(escape_text(h));
    for (std::size_t c = 0; c < columns; ++c) {
        widths[c] = display_width(header[c]);
        for (const auto& line : cells) widths[c] = std::max(widths[c], display_width(line[c]));
    }
    auto write = [&](const std::vector<std::string>& line, const std::vector<Cell>* row) {
        std::string text = " ";
        for (std::size_t c = 0; c < columns; ++c) {
            const bool right = row != nullptr && (*row)[c].numeric;
            text += " " + pad(line[c], widths[c], right) + (c + 1 < columns ? " " : "");
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        out += text + "\n";
    };
    write(header, nullptr);
    std::string underline = " ";
    for (std::size_t c = 0; c < columns; ++c) underline += " " + repeat("-", widths[c]) + (c + 1 < columns ? " " : "");
    out += underline + "\n";
    for (std::size_t r = 0; r < cells.size(); ++r) write(cells[r], &table.rows[r]);
    if (!table.note.empty()) out += "  " + escape_text(table.note) + "\n";
}

// The bars as lines of text (Markdown puts them in a code block: the same text).
void text_chart(std::string& out, const BarChart& chart, bool caption = true) {
    if (caption) out += "  " + escape_text(chart.caption) + "\n";
    std::vector<std::string> labels;
    std::size_t label = 0;
    for (const Bar& bar : chart.bars) {
        labels.push_back(clip(escape_text(bar.label), max_cell_width));
        label = std::max(label, display_width(labels.back()));
    }
    for (std::size_t i = 0; i < chart.bars.size(); ++i) {
        const Bar& bar = chart.bars[i];
        const int filled = static_cast<int>(std::lround(std::clamp(std::isfinite(bar.share) ? bar.share : 0.0, 0.0, 1.0) * bar_width));
        out += "  " + pad(labels[i], label, false) + "  " + repeat("█", static_cast<std::size_t>(filled)) +
               repeat("░", static_cast<std::size_t>(bar_width - filled)) + "  " + escape_text(bar.text) + "\n";
    }
}

// Facts on one line, or on several when a line would pass `wrap` columns (0: never); each
// label and value through `escape`.
std::string facts_line(const Facts& facts, const char* between, bool bold, std::size_t wrap,
                       std::string (*escape)(std::string_view)) {
    std::string text, line;
    for (const Fact& fact : facts.facts) {
        const std::string label = escape(fact.label), value = escape(fact.value);
        const std::string piece = bold ? "**" + label + "** " + value : label + ": " + value;
        if (!line.empty() && wrap > 0 && display_width(line) + display_width(between) + display_width(piece) > wrap) {
            text += line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : between) + piece;
    }
    return text + line;
}

std::string markdown(const std::string& text) { return escape_markdown(text); }

void markdown_table(std::string& out, const Table& table) {
    if (table.rows.empty()) {
        out += "*" + markdown(table.empty) + "*\n\n";
        return;
    }
    out += "|";
    for (const std::string& h : table.header) out += " " + markdown(h) + " |";
    out += "\n|";
    for (std::size_t c = 0; c < table.header.size(); ++c) out += table.rows.front()[c].numeric ? " ---: |" : " --- |";
    out += "\n";
    for (const auto& row : table.rows) {
        out += "|";
        for (const Cell& cell : row) out += " " + markdown(cell.text) + " |";
        out += "\n";
    }
    if (!table.note.empty()) out += "\n*" + markdown(table.note) + "*\n";
    out += "\n";
}

// The text chart in a code block. Its lines hold no control character (escape_text), and its
// fence is longer than any run of backticks in them, so nothing in a label can end it.
void markdown_chart(std::string& out, const BarChart& chart) {
    std::string block;
    text_chart(block, chart, false);
    std::size_t longest = 0, run = 0;
    for (const char c : block) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const std::string fence(std::max<std::size_t>(3, longest + 1), '`');
    out += "*" + markdown(chart.caption) + "*\n\n" + fence + "\n" + block + fence + "\n\n";
}

}  // namespace

std::size_t display_width(const std::string& utf8) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto [code, length] = decode(utf8, i);
        width += wide(code) ? 2 : 1;
        i += length;
    }
    return width;
}

// Every string of the document goes through escape_text (render_text) or escape_markdown
// (render_markdown): the layout's words and the data they hold alike.
std::string render_text(const Document& document) {
    const std::string title = escape_text(document.title);
    std::string out = title + "\n" + escape_text(document.subtitle) + "\n";
    const std::size_t width = std::max<std::size_t>(display_width(title), 72);
    out += rule(width, "=");
    for (const Page& page : document.pages) {
        const std::string heading = escape_text(page.title) + (page.badge.empty() ? "" : " [" + escape_text(page.badge) + "]");
        out += "\n" + heading + "\n" + rule(display_width(heading), "-");
        for (const Block& block : page.blocks) {
            if (const auto* h = std::get_if<Heading>(&block)) out += "\n" + escape_text(h->text) + "\n";
            else if (const auto* p = std::get_if<Paragraph>(&block)) out += escape_text(p->text) + "\n";
            else if (const auto* f = std::get_if<Facts>(&block)) out += facts_line(*f, "   ", false, page_width, escape_text) + "\n";
            else if (const auto* t = std::get_if<Table>(&block)) text_table(out, *t);
            else if (const auto* c = std::get_if<BarChart>(&block)) text_chart(out, *c);
        }
    }
    return out + "\n" + escape_text(document.footer) + "\n";
}

std::string render_markdown(const Document& document) {
    std::string out = "# " + markdown(document.title) + "\n\n*" + markdown(document.subtitle) + "*\n";
    for (const Page& page : document.pages) {
        out += "\n## " + markdown(page.title) + (page.badge.empty() ? "" : " — " + markdown(page.badge)) + "\n\n";
        for (const Block& block : page.blocks) {
            if (const auto* h = std::get_if<Heading>(&block)) out += "### " + markdown(h->text) + "\n\n";
            else if (const auto* p = std::get_if<Paragraph>(&block)) out += markdown(p->text) + "\n\n";
            else if (const auto* f = std::get_if<Facts>(&block)) out += facts_line(*f, " · ", true, 0, escape_markdown) + "\n\n";
            else if (const auto* t = std::get_if<Table>(&block)) markdown_table(out, *t);
            else if (const auto* c = std::get_if<BarChart>(&block)) markdown_chart(out, *c);
        }
    }
    return out + "---\n\n*" + markdown(document.footer) + "*\n";
}

}  // namespace civitas::detail
