#pragma once
/// Unit values as a CSV table: one row per unit, one column per indicator.

#include <civitas/core/limits.hpp>
#include <civitas/core/matrix.hpp>
#include <civitas/export.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace civitas {

/// Unit values read from a table: one row per unit, one column per indicator id.
struct CIVITAS_EXPORT ValueTable {
    std::vector<std::string> units;    ///< first column, one per row
    std::vector<std::string> classes;  ///< unit classes when a class column was named, else empty
    std::vector<std::string> columns;  ///< indicator ids, header order
    RowMatrix values;                  ///< NaN for empty cells (missing data: evaluate with nan_as_missing)
};

/// Reads a CSV table (RFC 4180, UTF-8, optional BOM): the first column holds unit ids, the
/// others indicator ids. Cells are numbers, yes/no/true/false (1/0), or empty for missing.
/// `class_column`, when not empty, names a column holding unit classes.
/// ParseError names the file, line and column of the first bad cell.
[[nodiscard]] CIVITAS_EXPORT ValueTable load_value_table(const std::filesystem::path& path,
                                                         const std::string& class_column = "", const ReadOptions& options = {});
/// The same from text; `file` is the name used in error messages.
[[nodiscard]] CIVITAS_EXPORT ValueTable parse_value_table(std::string_view csv, const std::string& file = "<string>",
                                                          const std::string& class_column = "", const ReadOptions& options = {});

}  // namespace civitas
