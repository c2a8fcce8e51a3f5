#pragma once
/// Plan files (civitas-plan/1): phases and tasks with responsibility, dates and dependencies.

#include <civitas/export.hpp>
#include <civitas/plan.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace civitas {

/// Version tag written in every plan file ("format": "civitas-plan/1").
inline constexpr const char* plan_format = "civitas-plan/1";

/// Reads and validates a plan file; ParseError names the file, the JSON path and the value.
[[nodiscard]] CIVITAS_EXPORT Plan load_plan(const std::filesystem::path& path);
/// Parses plan JSON text; `file` is the name used in error messages.
[[nodiscard]] CIVITAS_EXPORT Plan parse_plan(std::string_view json, const std::string& file = "<string>");
/// The plan as JSON text with defaults left out, loadable again into an equal plan.
[[nodiscard]] CIVITAS_EXPORT std::string plan_to_json(const Plan& plan, int indent = 2);

}  // namespace civitas
