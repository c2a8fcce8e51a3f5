#pragma once
// Writing whole files: nothing half-written is ever left where a file was.

#include <filesystem>
#include <string_view>

namespace civitas::detail {

/// Writes `text` to a temporary file beside `path`, then renames it over `path`.
void write_file_atomically(const std::filesystem::path& path, std::string_view text);

}  // namespace civitas::detail
