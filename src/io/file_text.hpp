#pragma once
// Reading whole text files, and locating a byte offset as a line and column.

#include <civitas/message.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace civitas::detail {

/// The whole file as bytes; ParseError naming the file when it cannot be read.
std::string read_file(const std::filesystem::path& path);
/// "line L, column C" (1-based, columns in UTF-8 characters) of a byte offset in text.
Message line_and_column(std::string_view text, std::size_t offset);

}  // namespace civitas::detail
