#pragma once
// The circular's rows and accountability steps as JSON, written once for the circular and the
// report's "circular" and "actions".

#include <civitas/report/circular.hpp>

#include "io/detail/result_json.hpp"

#include <vector>

namespace civitas::detail {

/// The rows of a circular's ranking (the circular's and the report's "circular").
Json circular_rows_json(const std::vector<CircularRow>& rows);
/// A circular's accountability steps, each reason in English and Chinese.
Json circular_actions_json(const std::vector<CircularAction>& actions);

}  // namespace civitas::detail
