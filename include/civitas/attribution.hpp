#pragma once
/// Why a unit scores what it scores: obstacle degrees per indicator, and a score change between
/// two rounds split exactly into each indicator's contribution. Formulas and sources:
/// docs/methods.md, "Robustness", "Attribution".

#include <civitas/evaluation.hpp>
#include <civitas/export.hpp>
#include <civitas/ranking.hpp>

#include <Eigen/Core>

#include <optional>
#include <string>
#include <vector>

namespace civitas {

/// Obstacle degree of each indicator for each unit: O_ij = w_j (1 - r_ij) / sum_k w_k (1 - r_ik),
/// a share in [0, 1] of the unit's weighted shortfall; a row with no shortfall is all 0.
/// `r`: units x indicators of normalised values in [0, 1] (1 = best); weights as weighted_sum.
[[nodiscard]] CIVITAS_EXPORT Eigen::MatrixXd obstacle_degree(CriteriaView r,
                                                             const Eigen::Ref<const Eigen::VectorXd>& weights);

/// A weighted-sum score change between two rounds, split per unit and indicator. With
/// s = sum_j w_j r_ij in each round, change = s_after - s_before = sum_j (value_effect_ij + weight_effect_ij).
struct CIVITAS_EXPORT ScoreChangeAttribution {
    Eigen::VectorXd before;         ///< per unit: score in the first round
    Eigen::VectorXd after;          ///< per unit: score in the second round
    Eigen::VectorXd change;         ///< per unit: after - before
    Eigen::MatrixXd value_effect;   ///< units x indicators: mean weight x change of the value
    Eigen::MatrixXd weight_effect;  ///< units x indicators: mean value x change of the weight (0 with one set of weights)
    Eigen::MatrixXd contribution;   ///< units x indicators: value_effect + weight_effect; each row sums to change
};

/// Splits the change of sum_j w_j r_ij between rounds (Shapley split of each product: the value
/// effect is the mean of the two weights times the value change, the weight effect the mean of
/// the two values times the weight change). `weights_after` empty: the same weights in both.
/// Throws ValidationError for shapes that differ, non-finite values or bad weights.
[[nodiscard]] CIVITAS_EXPORT ScoreChangeAttribution score_change_attribution(
    CriteriaView before, CriteriaView after, const Eigen::Ref<const Eigen::VectorXd>& weights_before,
    const std::optional<Eigen::VectorXd>& weights_after = std::nullopt);

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
};

/// Per-indicator points difference of two evaluations of the same framework (same indicator ids
/// in the same order, else ValidationError). Under arithmetic aggregation the points add up to
/// the total, so `change` equals `total_change` (up to rounding); not under geometric.
[[nodiscard]] CIVITAS_EXPORT EvaluationChange score_change_attribution(const Evaluation& before,
                                                                       const Evaluation& after);

/// One line per unit with a non-zero change: the change and its largest contributions.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const ScoreChangeAttribution& result);
/// A short table: each indicator's contribution, largest first.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const EvaluationChange& result);

}  // namespace civitas
