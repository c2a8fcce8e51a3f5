#pragma once
// A report laid out as pages of plain blocks (headings, facts, tables, bar charts) with every
// string already in the report's language. layout() fills it from a Report; one renderer per
// format writes it, so text, Markdown and HTML always say the same thing.

#include <civitas/export.hpp>
#include <civitas/report/report.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace civitas::detail {

/// The colour a cell, fact or bar carries.
enum class Tone { plain, green, amber, red, muted };

/// A table cell.
struct Cell {
    std::string text;           ///< as shown
    Tone tone = Tone::plain;    ///< its colour
    bool numeric = false;       ///< right-aligned
};

/// A labelled value in a row of key figures.
struct Fact {
    std::string label;         ///< "达标指标"
    std::string value;         ///< "68 / 75"
    Tone tone = Tone::plain;   ///< its colour
};

/// A sub-heading inside a page.
struct Heading {
    std::string text;
};

/// A paragraph of running text.
struct Paragraph {
    std::string text;
    Tone tone = Tone::plain;  ///< a coloured call-out when not plain
};

/// A row of key figures.
struct Facts {
    std::vector<Fact> facts;
};

/// A table; an empty one shows `empty` instead.
struct Table {
    std::vector<std::string> header;       ///< column names
    std::vector<std::vector<Cell>> rows;   ///< each as long as the header
    std::string empty;                     ///< shown when there are no rows ("无")
    std::string note;                      ///< under the table ("showing 12 of 30"), "" for none
};

/// One bar of a chart: a share in [0, 1] with its label.
struct Bar {
    std::string label;        ///< unit or indicator name
    double share = 0.0;       ///< bar length, in [0, 1]
    std::string text;         ///< value written at the bar's end ("68/75")
    Tone tone = Tone::plain;  ///< its colour
};

/// Horizontal bars with an optional marker line (the pass share).
struct BarChart {
    std::string caption;            ///< above the chart
    std::vector<Bar> bars;          ///< top to bottom
    std::optional<double> marker;   ///< a vertical line at this share, when given
    std::string marker_label;       ///< what the marker means
};

/// Anything a page holds.
using Block = std::variant<Heading, Paragraph, Facts, Table, BarChart>;

/// One printed page (A4 in HTML).
struct Page {
    std::string title;           ///< page heading
    std::string badge;           ///< the verdict word ("红"), "" for none
    Tone tone = Tone::plain;     ///< the badge's colour
    std::vector<Block> blocks;   ///< top to bottom
};

/// A whole report, laid out.
struct Document {
    std::string language;       ///< BCP 47 tag: "zh-CN" or "en"
    std::string title;          ///< the document's title
    std::string subtitle;       ///< report date and data basis
    std::vector<Page> pages;    ///< overview, one page per title, departments
    std::string footer;         ///< printed at the foot of every page
};

/// Lays a report out in its language.
[[nodiscard]] Document layout(const Report& report);
/// Lays a circular out in its language.
[[nodiscard]] Document layout(const Circular& circular);

/// The accountability steps of a circular, one paragraph each, added to `blocks` (the circular's page
/// and the report's section; paragraphs, as reasons are longer than a table's cell).
void actions_blocks(std::vector<Block>& blocks, Language language, const std::vector<CircularAction>& actions);

/// Plain text, columns aligned by display width (a Chinese character counts two).
[[nodiscard]] std::string render_text(const Document& document);
/// Markdown with pipe tables.
[[nodiscard]] std::string render_markdown(const Document& document);
/// One self-contained HTML file: inline CSS and SVG, nothing fetched, A4 pages.
[[nodiscard]] std::string render_html(const Document& document);
/// The report's data as JSON (schema data/schema/report.schema.json).
[[nodiscard]] std::string render_json(const Report& report);
/// The circular's data as JSON (schema data/schema/circular.schema.json).
[[nodiscard]] std::string render_json(const Circular& circular);

/// The language of a campaign's report and circular: `chosen`, else the campaign's, else Chinese
/// when its name or a title's has Chinese characters, else English.
[[nodiscard]] Language report_language(const CampaignSpec& spec, std::optional<Language> chosen);
/// The circular on `as_of`; `submissions` null: submissions are not counted (the report's lines
/// without the store's submissions).
[[nodiscard]] Circular circular(const Campaign& campaign, Date as_of, const std::vector<SubmissionRecord>* submissions,
                                const CircularOptions& options);

/// Text for a terminal: control characters (C0, newline and tab included, DEL, C1), the line and
/// paragraph separators, bidirectional controls and bytes that are not UTF-8 written visibly
/// ("\x1B", "\u202E"); everything else as it is.
[[nodiscard]] std::string escape_text(std::string_view data);
/// Markdown that CommonMark renders as the literal text: `&`, `<`, `>` as entities, the
/// characters of emphasis, code, links, tables, strikethrough and headings backslash-escaped,
/// what would start a block at a line's beginning defused, control characters as escape_text.
[[nodiscard]] std::string escape_markdown(std::string_view data);
/// HTML content and attribute values: `&`, `<`, `>`, `"`, `'` as entities, control characters as escape_text.
[[nodiscard]] std::string escape_html(std::string_view data);

/// Columns a string takes in a terminal: 2 for East Asian wide and full-width characters, else 1.
/// Exported for the command line's tables (cli/cli.hpp, text_table).
[[nodiscard]] CIVITAS_EXPORT std::size_t display_width(const std::string& utf8);
/// At most `width` columns of `utf8`, ending in "…" when cut.
[[nodiscard]] std::string clip_text(const std::string& utf8, std::size_t width);

}  // namespace civitas::detail
