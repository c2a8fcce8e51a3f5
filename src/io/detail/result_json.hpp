#pragma once
// The JSON of results that several writers share (the evaluation, the report, the circular, readiness): each
// object and each rule for missing numbers, dates and messages written once.

#include <civitas/core/interval.hpp>
#include <civitas/core/message.hpp>
#include <civitas/framework/evaluation.hpp>
#include <civitas/plan/calendar.hpp>
#include <civitas/plan/status.hpp>
#include <civitas/tracking/readiness.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace civitas::detail {

using Json = nlohmann::ordered_json;

/// The value, or null when it is missing.
template <class T>
Json optional_json(const std::optional<T>& value) {
    return value ? Json(*value) : Json(nullptr);
}
/// The date as "YYYY-MM-DD", or null when it is missing.
Json optional_date(const std::optional<Date>& date);
/// A line's end: the number, or null for an open end (infinite) or NaN.
Json bound(double value);
/// A line as {"low": ..., "high": ...} (the report's form), open ends null.
Json line_object(const Interval& line);
/// A line as [low, high] (the evaluation's form), open ends null.
Json line_pair(const Interval& line);
/// Adds `key` (English) and `key`_zh (Chinese) to `object`.
void put_message(Json& object, const std::string& key, const Message& message);

/// One unit's evaluation, the object evaluation_to_json writes.
Json evaluation_json(const Evaluation& evaluation);
/// A campaign target for one unit, without its reason (the report's form).
Json target_json(const TargetProgress& target);
/// A survey item of one unit, without its reason (the report's form).
Json survey_json(const SurveyCheck& survey);
/// Planned against earned progress of a set of tasks and its problems.
Json progress_json(const Progress& progress);


}  // namespace civitas::detail
