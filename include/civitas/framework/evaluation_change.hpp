#pragma once
/// A unit's framework points change between two evaluations, split per indicator into the
/// change of its score share and the change of its weight (the Shapley split of
/// civitas/methods/attribution.hpp). Formulas and sources: docs/methods.md, "Attribution".

#include <civitas/export.hpp>
#include <civitas/framework/evaluation.hpp>

#include <Eigen/Core>

#include <optional>
#include <string>
#include <vector>

namespace civitas {

/// One unit's framework points change between two evaluations, per indicator.
struct CIVITAS_EXPORT EvaluationChange {
    std::vector<std::string> indicators;  ///< indicator ids, framework order
    Eigen::VectorXd points_before;        ///< points per indicator in the first evaluation
    Eigen::VectorXd points_after;         ///< points per indicator in the second
    Eigen::VectorXd value_effect;         ///< mean max_points x change of the score share
    Eigen::VectorXd weight_effect;        ///< mean score share x change of max_points (renormalisation, new weights)
    Eigen::VectorXd contribution;         ///< points_after - points_before = value_effect + weight_effect
    double change = 0.0;                  ///< sum of contribution: the change of the summed points
    std::optional<double> total_change;   ///< after.total - before.total when both have a total

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const EvaluationChange& a, const EvaluationChange& b);
    friend bool operator!=(const EvaluationChange& a, const EvaluationChange& b) { return !(a == b); }
};

/// Per-indicator points difference of two evaluations of the same framework (same indicator ids
/// in the same order, else ValidationError). Under arithmetic aggregation the points add up to
/// the total, so `change` equals `total_change` (up to rounding); not under geometric.
[[nodiscard]] CIVITAS_EXPORT EvaluationChange score_change_attribution(const Evaluation& before,
                                                                       const Evaluation& after);

/// A short table: each indicator's contribution, largest first.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const EvaluationChange& result);

}  // namespace civitas
