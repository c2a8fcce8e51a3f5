#pragma once
/// CSV cells as civitas writes them (RFC 4180), safe to open in a spreadsheet program.

#include <civitas/export.hpp>

#include <string>

namespace civitas {

/// One CSV cell: quoted when it holds a comma, quote or line break; and unless `raw`, a text
/// starting with = + - @, a tab or a carriage return (a formula to a spreadsheet) gets a leading
/// ' (OWASP, "CSV injection"). Numbers the program formats itself are written raw.
[[nodiscard]] CIVITAS_EXPORT std::string csv_field(const std::string& text, bool raw = false);

}  // namespace civitas
