#pragma once
// Saving a plan's sub-plan files, alone (save_plan) or with a campaign (save_campaign).

#include <civitas/core/limits.hpp>
#include <civitas/plan/plan.hpp>

#include "io/detail/file_write.hpp"

#include <filesystem>
#include <string>

namespace civitas::detail {

/// Stages in `batch` every sub-plan of `spec` kept in a file, deepest first, each relative to the
/// folder of the file that names it (`referrer` for the top ones) and refused outside it unless
/// options.allow_outside; `where` is the JSON path of `spec` in `referrer` ("$", "$.plan").
void stage_subplan_files(FileBatch& batch, const PlanSpec& spec, const std::vector<std::string>& fields,
                         const std::filesystem::path& referrer, const std::string& where, const SaveOptions& options);

}  // namespace civitas::detail
