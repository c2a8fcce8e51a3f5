#pragma once
// UTF-8 as civitas reads and prints it: every input is checked, every message is valid UTF-8 and
// safe to print on a terminal (no control characters, no bidirectional overrides).

#include <civitas/core/limits.hpp>
#include <civitas/export.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace civitas::detail {

/// Bytes of the well-formed UTF-8 character at text[at] (1 to 4), or 0 when the bytes there are
/// not one (a stray continuation byte, an overlong form, a surrogate, past U+10FFFF, cut short).
[[nodiscard]] CIVITAS_CORE_EXPORT std::size_t utf8_length(std::string_view text, std::size_t at) noexcept;
/// Offset of the first byte that is not well-formed UTF-8, or npos.
[[nodiscard]] CIVITAS_CORE_EXPORT std::size_t invalid_utf8(std::string_view text) noexcept;
/// True for a character a terminal or a renderer may act on instead of showing: C0 controls,
/// DEL, C1 controls, the line and paragraph separators (U+2028, U+2029) and the bidirectional
/// embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069), which reorder what is shown.
[[nodiscard]] CIVITAS_CORE_EXPORT bool control_code(char32_t code) noexcept;
/// Offset of the first character that should never be in a name: a control_code other than the
/// C0 controls in `allowed` (e.g. "\n\t" for prose); npos when there is none. `text` must be valid UTF-8.
[[nodiscard]] CIVITAS_CORE_EXPORT std::size_t control_character(std::string_view text, std::string_view allowed = {}) noexcept;
/// The text safe to print: control characters as \n, \t, \x1B or \u202E, bytes that are not
/// UTF-8 as \xFF; always valid UTF-8. Text that needs nothing is returned as it is.
[[nodiscard]] CIVITAS_CORE_EXPORT std::string printable(std::string_view text);
/// printable(text) cut after `characters` characters, then "…": how a message quotes input.
[[nodiscard]] CIVITAS_CORE_EXPORT std::string quote(std::string_view text, std::size_t characters = quoted_characters);
/// "U+FF1A": the code point of the UTF-8 character at text[at] (which must be well formed).
[[nodiscard]] CIVITAS_CORE_EXPORT std::string code_point_name(std::string_view text, std::size_t at);

}  // namespace civitas::detail
