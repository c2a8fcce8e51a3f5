#pragma once
/// Which of civitas's languages a text is written in, for what is shown when nothing says which.

#include <civitas/core/message.hpp>
#include <civitas/export.hpp>

#include <string_view>

namespace civitas {

/// Chinese when the text has a Chinese character (CJK Unified Ideographs, U+4E00..U+9FFF), else
/// English: the language of a report, a table or a plot whose campaign sets none.
[[nodiscard]] CIVITAS_CORE_EXPORT Language language_of_text(std::string_view text) noexcept;

}  // namespace civitas
