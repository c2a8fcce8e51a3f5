#pragma once
/// Field-inspection files (JSON).

#include <civitas/core/limits.hpp>
#include <civitas/export.hpp>
#include <civitas/tracking/assessment.hpp>

#include <string>

namespace civitas {

/// Version tag of field-inspection files ("format": "civitas-inspection/1").
inline constexpr const char* inspection_format = "civitas-inspection/1";
/// Reads a field-inspection file (one inspection); ParseError names the file, the JSON path, the
/// value and what was expected. `file` is left "" (the campaign reader sets it).
[[nodiscard]] CIVITAS_EXPORT FieldInspection load_field_inspection(const std::string& path, const ReadOptions& options = {});
/// The same from JSON text; `file` is the name used in messages.
[[nodiscard]] CIVITAS_EXPORT FieldInspection parse_field_inspection(const std::string& json, const std::string& file = "<string>",
                                                                    const ReadOptions& options = {});
/// The inspection as JSON text (with its format tag), defaults left out; parses back equal.
[[nodiscard]] CIVITAS_EXPORT std::string field_inspection_to_json(const FieldInspection& inspection, int indent = 2);

}  // namespace civitas
