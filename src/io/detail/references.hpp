#pragma once
// Files named inside files (a campaign's plan, framework, calendar, observations and inspections;
// a plan's sub-plans): found beside the file that names them, and kept inside its folder.

#include <civitas/core/limits.hpp>
#include <civitas/core/message.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace civitas::detail {

class JsonNode;

/// Why `reference`, a path written in `referrer` whose folder is `folder`, leads out of that
/// folder: it is absolute, climbs out with "..", or a symbolic link on the way leads out; the
/// empty message when it stays inside. The one rule for reading and for saving.
Message leaves_folder(const std::filesystem::path& folder, const std::string& reference, const std::string& referrer);

/// The folder in which the files named by text read as `file` are found: options.base_folder,
/// else the folder of `file`; none for text given as "<string>" without a base folder.
std::optional<std::filesystem::path> folder_of(const std::string& file, const ReadOptions& options);

/// The file the string at `node` names, relative to `folder`. Refused at the node (ParseError)
/// when there is no folder, or, unless options.allow_outside, when the path is absolute or leads
/// out of the folder after ".." or symbolic links are followed.
std::filesystem::path referenced_file(const JsonNode& node, const std::optional<std::filesystem::path>& folder, const ReadOptions& options);

}  // namespace civitas::detail
