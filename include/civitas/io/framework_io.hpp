#pragma once
/// Framework files (JSON) and evaluations as JSON.

#include <civitas/core/limits.hpp>
#include <civitas/export.hpp>
#include <civitas/framework/evaluation.hpp>
#include <civitas/framework/framework.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

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

/// One unit's values as a host sends them (parse_unit_values), ready for Framework::evaluate.
struct CIVITAS_EXPORT UnitValues {
    std::string unit;                      ///< unit id, "" when not given
    std::string unit_class;                ///< unit class, "" when not given
    std::map<std::string, double> values;  ///< by indicator id; ids left out or null are missing data
};

/// Parses one unit's values: a JSON object of indicator id to a number, true / false (1 / 0, for
/// yes/no items) or null (missing), with optional "unit" and "class" strings. ParseError names
/// `file` and the JSON path ("$.green_coverage") of a value that is none of these.
[[nodiscard]] CIVITAS_EXPORT UnitValues parse_unit_values(std::string_view json, const std::string& file = "<string>",
                                                          const ReadOptions& options = {});

/// The evaluation of one unit as JSON text (docs/format.md, "Evaluation as JSON"), its reason and error in English and Chinese.
[[nodiscard]] CIVITAS_EXPORT std::string evaluation_to_json(const Evaluation& evaluation, int indent = 2);

}  // namespace civitas
