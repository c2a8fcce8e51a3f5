#pragma once
// Reading and writing the assessment values of a campaign file (rounds, checks, field
// inspections) and field-inspection files, as JSON values with paths in errors.

#include <civitas/tracking/assessment.hpp>

#include "io/detail/json_reader.hpp"

namespace civitas::detail {

/// A round: {"id", "title", "kind"?, "date", "year"?, "name"?, "parts"?, "total"?, "flags"?, "source"?}.
AssessmentRound read_round(const JsonNode& node);
/// A round as JSON, defaults left out.
Json round_json(const AssessmentRound& round);
/// A check: {"id", "title"?, "kind"?, "date", "end"?, "name"?, "notes"?}.
Check read_check(const JsonNode& node);
/// A check as JSON, defaults left out.
Json check_json(const Check& check);
/// An inspection's content (a file's root when `file_root`, which may carry "format"), checked by
/// validate(); ParseError names the node's file and the path.
FieldInspection read_inspection(const JsonNode& node, bool file_root);
/// An inspection's content as JSON, without "file"; with the format tag when `file_root`.
Json inspection_json(const FieldInspection& inspection, bool file_root);

}  // namespace civitas::detail
