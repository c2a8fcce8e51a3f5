#pragma once
/// Observation files: CSV and JSON.

#include <civitas/core/limits.hpp>
#include <civitas/export.hpp>
#include <civitas/tracking/observations.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace civitas {

/// How observation files are read.
struct CIVITAS_EXPORT ObservationReadOptions {
    Limits limits;                      ///< sizes past which the file is refused (csv_bytes or json_bytes, rows, columns, text_bytes)
    int threads = 0;                    ///< parsing threads: 0 for up to 2 (when the machine has them), else that many
    std::size_t block_bytes = 16 << 20;  ///< bytes read and parsed at a time (each cut at line breaks into a part per thread, of 64 KiB at least)
};

/// Reads observations from CSV (RFC 4180, UTF-8, optional BOM). Header: unit, indicator, date,
/// value, and optionally source, mode, sample_size, recorded, in any order. A bad row is left out
/// and listed in `rejected`; a bad header (unknown, missing or repeated columns), an empty file
/// or an unreadable one throws ParseError. Results do not depend on `options`.
[[nodiscard]] CIVITAS_EXPORT ObservationLoad load_observations_csv(const std::filesystem::path& path,
                                                                    const ObservationReadOptions& options = {});
/// The same from text; `file` is the name used in error messages.
[[nodiscard]] CIVITAS_EXPORT ObservationLoad parse_observations_csv(std::string_view csv,
                                                                     const std::string& file = "<string>",
                                                                     const ObservationReadOptions& options = {});

/// Version tag of observation JSON files ("format": "civitas-observations/1").
inline constexpr const char* observations_format = "civitas-observations/1";

/// Reads observations from JSON: {"format": "civitas-observations/1", "observations": [{"unit": ..,
/// "indicator": .., "date": "YYYY-MM-DD", "value": .., "source"?, "mode"?, "sample_size"?,
/// "recorded"?}, ...]}. A bad entry is left out and listed with its JSON path; malformed JSON or a
/// bad top level throws ParseError.
[[nodiscard]] CIVITAS_EXPORT ObservationLoad load_observations_json(const std::filesystem::path& path,
                                                                     const ObservationReadOptions& options = {});
/// The same from text; `file` is the name used in error messages.
[[nodiscard]] CIVITAS_EXPORT ObservationLoad parse_observations_json(std::string_view json,
                                                                      const std::string& file = "<string>",
                                                                      const ObservationReadOptions& options = {});

/// The store as bytes: its names and columns as they are in memory, in this machine's byte order
/// (a store sent to another process, a pickle); parse_observations_binary reads them back.
[[nodiscard]] CIVITAS_EXPORT std::string observations_to_binary(const ObservationStore& store);
/// A store from the bytes observations_to_binary wrote; ParseError naming the byte offset for
/// anything else (another format, another byte order, cut short, an index out of range).
[[nodiscard]] CIVITAS_EXPORT ObservationStore parse_observations_binary(std::string_view bytes);

}  // namespace civitas
