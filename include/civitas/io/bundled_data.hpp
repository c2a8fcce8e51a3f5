#pragma once
/// The data bundled with civitas (frameworks, calendars, round schemes) and the folders it is looked for in.

#include <civitas/export.hpp>
#include <civitas/framework/framework.hpp>
#include <civitas/framework/round_scheme.hpp>
#include <civitas/plan/calendar.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace civitas {

/// Folders searched for bundled frameworks, calendars and round schemes, in order: those of CIVITAS_DATA_DIR
/// (separated by ':', on Windows by ';'), those added by add_data_directory, then the install's
/// own: the first share/civitas found from the folder of the library (or of the program it is
/// linked into) and the two above it, so an installed copy can be moved.
[[nodiscard]] CIVITAS_EXPORT std::vector<std::filesystem::path> data_directories();
/// Adds a folder holding `frameworks/`, `calendars/` and `round-schemes/` folders to the search (the Python package does).
CIVITAS_EXPORT void add_data_directory(const std::filesystem::path& directory);
/// Ids of the bundled frameworks found, sorted.
[[nodiscard]] CIVITAS_EXPORT std::vector<std::string> bundled_framework_ids();
/// Path of a bundled framework file by id; throws NotFoundError listing the ids there are.
[[nodiscard]] CIVITAS_EXPORT std::filesystem::path bundled_framework_path(const std::string& id);
/// Loads a bundled framework by id.
[[nodiscard]] CIVITAS_EXPORT Framework load_bundled_framework(const std::string& id);
/// Loads a framework file, or the bundled framework of that id when no such file exists and the
/// name has no folder and does not end in ".json" (what the command line and the C API take).
[[nodiscard]] CIVITAS_EXPORT Framework load_framework_or_bundled(const std::string& path_or_id);
/// Ids of the bundled working-day calendars found (`calendars/` of the data directories), sorted.
[[nodiscard]] CIVITAS_EXPORT std::vector<std::string> bundled_calendar_ids();
/// Path of a bundled calendar file by id ("cn-2025"); throws NotFoundError listing the ids there are.
[[nodiscard]] CIVITAS_EXPORT std::filesystem::path bundled_calendar_path(const std::string& id);
/// Loads a bundled calendar by id.
[[nodiscard]] CIVITAS_EXPORT WorkCalendar load_bundled_calendar(const std::string& id);
/// Ids of the bundled round schemes found (`round-schemes/` of the data directories), sorted.
[[nodiscard]] CIVITAS_EXPORT std::vector<std::string> bundled_round_scheme_ids();
/// Path of a bundled round-scheme file by id ("civilized-city-2018"); throws NotFoundError listing the ids there are.
[[nodiscard]] CIVITAS_EXPORT std::filesystem::path bundled_round_scheme_path(const std::string& id);
/// Loads a bundled round scheme by id (the default a framework names in its "round_scheme").
[[nodiscard]] CIVITAS_EXPORT RoundScheme load_bundled_round_scheme(const std::string& id);
/// True when `scheme` is the bundled round scheme of its id, unchanged: files then name it by the id.
[[nodiscard]] CIVITAS_EXPORT bool is_bundled_round_scheme(const RoundScheme& scheme);

}  // namespace civitas
