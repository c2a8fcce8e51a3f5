#pragma once
/// Round-scheme files (JSON): a scheme in the form a campaign title's "scheme" is written in place,
/// with its format tag; the bundled ones are found by id (<civitas/io/bundled_data.hpp>).

#include <civitas/core/limits.hpp>
#include <civitas/export.hpp>
#include <civitas/framework/round_scheme.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace civitas {

/// Version tag written in every round-scheme file ("format": "civitas-round-scheme/1").
inline constexpr const char* round_scheme_format = "civitas-round-scheme/1";

/// Reads and validates a round-scheme file; ParseError names the file, the JSON path, the value
/// and what was expected.
[[nodiscard]] CIVITAS_EXPORT RoundScheme load_round_scheme(const std::filesystem::path& path, const ReadOptions& options = {});
/// Parses round-scheme JSON text; `file` is the name used in error messages.
[[nodiscard]] CIVITAS_EXPORT RoundScheme parse_round_scheme(std::string_view json, const std::string& file = "<string>",
                                                            const ReadOptions& options = {});
/// The scheme as JSON text (with its format tag), defaults left out; parses back equal.
[[nodiscard]] CIVITAS_EXPORT std::string round_scheme_to_json(const RoundScheme& scheme, int indent = 2);

}  // namespace civitas
