#pragma once
/// Files: frameworks as JSON, unit values as CSV, results as JSON.

#include <civitas/calendar.hpp>
#include <civitas/evaluation.hpp>
#include <civitas/export.hpp>
#include <civitas/framework.hpp>
#include <civitas/limits.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace civitas {

/// Version tag written in every framework file ("format": "civitas-framework/1").
inline constexpr const char* framework_format = "civitas-framework/1";

/// Reads and validates a framework file; ParseError names the file and the JSON path or line,
/// LimitError the limit the file is past.
[[nodiscard]] CIVITAS_EXPORT Framework load_framework(const std::filesystem::path& path, const ReadOptions& options = {});
/// Parses framework JSON text; `file` is the name used in error messages.
[[nodiscard]] CIVITAS_EXPORT Framework parse_framework(std::string_view json, const std::string& file = "<string>",
                                                       const ReadOptions& options = {});
/// The framework as JSON text, loadable again into an equal framework.
[[nodiscard]] CIVITAS_EXPORT std::string framework_to_json(const Framework& framework, int indent = 2);
/// Writes the framework to a file whole or not at all (docs/format.md, "Saving"); IoError on failure.
CIVITAS_EXPORT void save_framework(const Framework& framework, const std::filesystem::path& path);

/// The evaluation of one unit as JSON text.
[[nodiscard]] CIVITAS_EXPORT std::string evaluation_to_json(const Evaluation& evaluation, int indent = 2);

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
[[nodiscard]] CIVITAS_EXPORT ValueTable read_value_table(const std::filesystem::path& path,
                                                         const std::string& class_column = "", const ReadOptions& options = {});
/// The same from text; `file` is the name used in error messages.
[[nodiscard]] CIVITAS_EXPORT ValueTable parse_value_table(std::string_view csv, const std::string& file = "<string>",
                                                          const std::string& class_column = "", const ReadOptions& options = {});

/// Folders searched for bundled frameworks and calendars: CIVITAS_DATA_DIR (':'-separated), folders added
/// by add_data_directory, then the install folder and (for builds used in place) the source
/// tree's data folder, as known at build time.
[[nodiscard]] CIVITAS_EXPORT std::vector<std::filesystem::path> data_directories();
/// Adds a folder holding `frameworks/` and `calendars/` folders to the search (the Python package does).
CIVITAS_EXPORT void add_data_directory(const std::filesystem::path& directory);
/// Ids of the bundled frameworks found, sorted.
[[nodiscard]] CIVITAS_EXPORT std::vector<std::string> bundled_framework_ids();
/// Path of a bundled framework file by id; throws NotFoundError listing the ids there are.
[[nodiscard]] CIVITAS_EXPORT std::filesystem::path bundled_framework_path(const std::string& id);
/// Loads a bundled framework by id.
[[nodiscard]] CIVITAS_EXPORT Framework load_bundled_framework(const std::string& id);
/// Ids of the bundled working-day calendars found (`calendars/` of the data directories), sorted.
[[nodiscard]] CIVITAS_EXPORT std::vector<std::string> bundled_calendar_ids();
/// Path of a bundled calendar file by id ("cn-2025"); throws NotFoundError listing the ids there are.
[[nodiscard]] CIVITAS_EXPORT std::filesystem::path bundled_calendar_path(const std::string& id);
/// Loads a bundled calendar by id.
[[nodiscard]] CIVITAS_EXPORT WorkCalendar load_bundled_calendar(const std::string& id);

}  // namespace civitas
