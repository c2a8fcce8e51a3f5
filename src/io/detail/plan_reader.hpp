#pragma once
// Reading a plan from a JSON value: a plan file's root, or the "plan" of a campaign file.

#include <civitas/plan/plan.hpp>

#include "io/detail/json_reader.hpp"

#include <filesystem>
#include <optional>
#include <vector>

namespace civitas::detail {

/// Reads and validates the plan at `node`, following its sub-plan files (found in `folder`, the
/// folder of node.file(), within `options`). With `titles`, a plan that lists none takes these,
/// and one that lists others is an error. ParseError names the file (a sub-plan's own when the
/// fault is there) and the path.
Plan read_plan(const JsonNode& node, const std::vector<Title>* titles, const ReadOptions& options,
               const std::optional<std::filesystem::path>& folder);

}  // namespace civitas::detail
