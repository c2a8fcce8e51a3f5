#pragma once
/// Submissions to the campaign store from observation files (CSV, JSON) and tables already read.

#include <civitas/core/limits.hpp>
#include <civitas/export.hpp>
#include <civitas/store/campaign_store.hpp>
#include <civitas/tracking/observations.hpp>

#include <filesystem>
#include <string>

namespace civitas {

/// A submission of every observation in an observation file (CSV or JSON by its ending, as a
/// campaign's observation files): `provenance` gives who, when and the rest (its records are
/// replaced), its `file` the file's name when empty. A file with a row that cannot be read is
/// refused whole: ParseError naming the file and the first such row.
[[nodiscard]] CIVITAS_EXPORT Submission read_observation_submission(const std::filesystem::path& path, Submission provenance,
                                                                     const ReadOptions& options = {});
/// A submission of observations already read (an Arrow table through read_observations_arrow):
/// ParseError naming `file` and the first rejected row when there is one.
[[nodiscard]] CIVITAS_EXPORT Submission observation_submission(const ObservationLoad& load, Submission provenance,
                                                                const std::string& file);

}  // namespace civitas
