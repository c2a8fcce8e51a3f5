#pragma once
/// Plan files (civitas-plan/1): phases and tasks with responsibility, dates and dependencies.

#include <civitas/core/limits.hpp>
#include <civitas/export.hpp>
#include <civitas/plan/plan.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace civitas {

/// Version tag written in every plan file ("format": "civitas-plan/1").
inline constexpr const char* plan_format = "civitas-plan/1";

/// Reads and validates a plan file, and the sub-plan files it names ({"file": ...}, relative to
/// it and inside its folder unless options.allow_outside); ParseError names the file (a
/// sub-plan's own), the JSON path and the value.
[[nodiscard]] CIVITAS_EXPORT Plan load_plan(const std::filesystem::path& path, const ReadOptions& options = {});
/// Parses plan JSON text; `file` is the name used in error messages, and sub-plan files are found
/// in options.base_folder, else in the folder of `file` (none for "<string>").
[[nodiscard]] CIVITAS_EXPORT Plan parse_plan(std::string_view json, const std::string& file = "<string>",
                                             const ReadOptions& options = {});
/// The plan as JSON text with defaults left out, loadable again into an equal plan (sub-plans
/// kept in files are written as {"file": ...}: save_plan writes those files too).
[[nodiscard]] CIVITAS_EXPORT std::string plan_to_json(const Plan& plan, int indent = 2);
/// Writes the plan to `path`, and each sub-plan kept in a file to its path relative to its
/// parent's file, all or none (docs/format.md, "Saving"); a sub-plan file outside its parent's
/// folder is a ValidationError unless options.allow_outside; a failed write an IoError.
CIVITAS_EXPORT void save_plan(const Plan& plan, const std::filesystem::path& path, const SaveOptions& options = {});

}  // namespace civitas
