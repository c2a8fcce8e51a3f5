#pragma once
/// Campaign files (civitas-campaign/1): titles with their frameworks and dates, units,
/// departments, targets, the plan (in place or in its own file) and the observation files.

#include <civitas/core/limits.hpp>
#include <civitas/export.hpp>
#include <civitas/store/campaign_store.hpp>
#include <civitas/tracking/campaign.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace civitas {

/// Version tag written in every campaign file ("format": "civitas-campaign/1").
inline constexpr const char* campaign_format = "civitas-campaign/1";

/// Reads and validates a campaign file with what it names: frameworks (bundled ids, or paths
/// relative to the file), the calendar, the plan and its sub-plan files, inspections and
/// observations, all inside the file's folder unless options.allow_outside. ParseError names the
/// file (the named file's own when the fault is there), the JSON path and the value.
[[nodiscard]] CIVITAS_EXPORT Campaign load_campaign(const std::filesystem::path& path, const ReadOptions& options = {});
/// The campaign store a campaign file names: its top-level "store" key, relative to the file's
/// folder and inside it unless options.allow_outside (the rules of load_campaign), read without
/// loading the rest. ValidationError naming "$.store" when the file names no store; ParseError
/// for a file that cannot be read or a path that leads out of its folder.
[[nodiscard]] CIVITAS_EXPORT std::filesystem::path campaign_store_path(const std::filesystem::path& campaign_file,
                                                                       const ReadOptions& options = {});
/// The submissions of the store `campaign_file` names, to count in a circular (and the report's
/// lines): none when `campaign` has no submission schedule; empty when the file names no store,
/// the store's file does not exist yet, or this build has no store. Opens the store read-only.
[[nodiscard]] CIVITAS_EXPORT std::optional<std::vector<SubmissionRecord>> scheduled_submissions(
    const std::filesystem::path& campaign_file, const Campaign& campaign, const ReadOptions& options = {});
/// Parses campaign JSON text; `file` is the name used in messages. The files the text names are
/// found in options.base_folder, else in the folder of `file`; text given as "<string>" without
/// a base folder may name none.
[[nodiscard]] CIVITAS_EXPORT Campaign parse_campaign(std::string_view json, const std::string& file = "<string>",
                                                     const ReadOptions& options = {});
/// The campaign as JSON text, defaults left out, naming its frameworks, calendar, plan file and
/// observation files as it was given them; loadable again into an equal campaign.
[[nodiscard]] CIVITAS_EXPORT std::string campaign_to_json(const Campaign& campaign, int indent = 2);
/// Writes the campaign file, its inspection files, and its plan file and sub-plan files when
/// they are kept in files, all or none (docs/format.md, "Saving"). A file named outside the
/// folder of the file naming it is a ValidationError unless options.allow_outside; a failed
/// write an IoError. Observation files are named, not written: they are the campaign's data.
CIVITAS_EXPORT void save_campaign(const Campaign& campaign, const std::filesystem::path& path, const SaveOptions& options = {});

}  // namespace civitas
