#pragma once
/// The formats the report and the circular are written in.

#include <civitas/core/enums.hpp>

#include <cstdint>

namespace civitas {

/// How a report or a circular is written out.
enum class ReportFormat : std::int8_t {
    text,      ///< plain text for a terminal, columns aligned for Chinese characters
    markdown,  ///< Markdown tables
    html,      ///< one self-contained HTML file: inline CSS and SVG, one A4 page per title
    json,      ///< the data (schema data/schema/report.schema.json, circular.schema.json)
};
template <> struct EnumNames<ReportFormat> { static constexpr const char* values[] = {"text", "markdown", "html", "json"}; };

}  // namespace civitas
