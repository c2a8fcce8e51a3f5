#pragma once
/// The data bundled with civitas (frameworks, calendars) and the folders it is looked for in.

#include <civitas/export.hpp>
#include <civitas/framework/framework.hpp>
#include <civitas/plan/calendar.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace civitas {

/// Folders searched for bundled frameworks and calendars, in order: those of CIVITAS_DATA_DIR
/// (separated by ':', on Windows by ';'), those added by add_data_directory, then the install's
/// own: the first share/civitas found from the folder of the library (or of the program it is
/// linked into) and the two above it, so an installed copy can be moved.
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
