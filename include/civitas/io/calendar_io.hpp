#pragma once
/// Working-day calendar files (JSON).

#include <civitas/core/limits.hpp>
#include <civitas/export.hpp>
#include <civitas/plan/calendar.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace civitas {

/// Version tag written in every calendar file ("format": "civitas-calendar/1").
inline constexpr const char* calendar_format = "civitas-calendar/1";

/// Reads and validates a calendar file; ParseError names the file, the JSON path and the value.
[[nodiscard]] CIVITAS_EXPORT WorkCalendar load_calendar(const std::filesystem::path& path, const ReadOptions& options = {});
/// Parses calendar JSON text; `file` is the name used in error messages.
[[nodiscard]] CIVITAS_EXPORT WorkCalendar parse_calendar(std::string_view json, const std::string& file = "<string>",
                                                         const ReadOptions& options = {});
/// The calendar as JSON text (runs of consecutive holidays with one name as ranges), loadable again into an equal calendar.
[[nodiscard]] CIVITAS_EXPORT std::string calendar_to_json(const WorkCalendar& calendar, int indent = 2);

}  // namespace civitas
