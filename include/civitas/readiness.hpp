#pragma once
/// Readiness of a campaign on a date: for each title and unit, the framework evaluation on the
/// latest values, the evaluation projected to the inspection date from each series' trend, the
/// overdue tasks that bear on it, and red / amber / green with the reason.

#include <civitas/campaign.hpp>
#include <civitas/enums.hpp>
#include <civitas/evaluation.hpp>
#include <civitas/export.hpp>
#include <civitas/status.hpp>

#include <optional>
#include <string>
#include <vector>

namespace civitas {

/// Red, amber, green: how a title stands for a unit.
enum class Rag : std::int8_t {
    green,  ///< passes now and at the inspection date, no overdue task bears on it
    amber,  ///< one of the two fails, or overdue tasks bear on it
    red,    ///< fails now and is projected to fail at the inspection date
};
template <> struct EnumNames<Rag> { static constexpr const char* values[] = {"green", "amber", "red"}; };

/// Options of a readiness.
struct CIVITAS_EXPORT ReadinessOptions {
    std::optional<Date> known_on;  ///< reproduce the report as the data was known on this day (none: all records)
    int trend_points = 5;          ///< the last points of a series its trend is fitted on (>= 2)
    StatusOptions status;          ///< options of the plan's status
};

/// One title on the status date: its evaluations for every unit, and each unit's verdict.
struct CIVITAS_EXPORT TitleReadiness {
    std::string title;                             ///< title id
    std::optional<Date> inspection;                ///< the inspection date projected to, when the title has one after the status date
    std::optional<Framework> framework;            ///< the framework that judges it; none for a title tracked by its plan alone
    std::vector<std::string> units;                ///< the campaign's units, in order (the rows below)
    std::optional<BatchEvaluation> now;            ///< the evaluation on the latest values; none for a title without framework
    std::optional<BatchEvaluation> at_inspection;  ///< the evaluation on the values projected to the inspection date
    std::vector<Rag> rag;                          ///< per unit
    std::vector<std::string> reasons;              ///< per unit, in words (English)
    std::vector<std::vector<std::string>> overdue_tasks;  ///< per unit, ids of the overdue tasks that bear on it
};

/// A campaign's readiness on a date.
struct CIVITAS_EXPORT Readiness {
    Date as_of;                         ///< the status date
    std::vector<TitleReadiness> titles;  ///< in the campaign's order
    std::optional<PlanStatus> plan;     ///< the plan's status on the date, when the campaign has a plan
    /// The readiness of a title; throws NotFoundError.
    [[nodiscard]] const TitleReadiness& title(const std::string& id) const;
};

/// Readiness of every title and unit on `as_of`. Values are each series' latest on or before the
/// date; a projected value continues the least-squares line through the series' last
/// `trend_points` points (up to the date) to the inspection date, clamped to the indicator's
/// bounds (yes/no and problem counts keep their latest value; one point stays as it is). Tasks
/// bear on a title when they serve it or no title; on a unit when the unit is the top unit, or
/// the sub-plan whose id is the unit's (and its sub-plans). Red: fails now and at inspection;
/// amber: fails one of them, or overdue tasks bear on it; green: otherwise. A title without a
/// framework is judged on its tasks alone: amber with overdue tasks, else green.
[[nodiscard]] CIVITAS_EXPORT Readiness readiness(const Campaign& campaign, Date as_of, const ReadinessOptions& options = {});

/// One line: `Readiness(2025-12-31; garden_city: 1 red, 3 amber, 1 green; ...)`.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const Readiness& readiness);

}  // namespace civitas
