#pragma once
/// Why a unit scores what it scores: obstacle degrees per indicator, and a score change between
/// two rounds split exactly into each indicator's contribution (of two evaluations of a framework:
/// civitas/framework/evaluation_change.hpp). Formulas and sources:
/// docs/methods.md, "Robustness", "Attribution".

#include <civitas/export.hpp>
#include <civitas/methods/ranking.hpp>

#include <Eigen/Core>

#include <optional>
#include <string>
#include <vector>

namespace civitas {

/// Obstacle degree of each indicator for each unit: O_ij = w_j (1 - r_ij) / sum_k w_k (1 - r_ik),
/// a share in [0, 1] of the unit's weighted shortfall; a row with no shortfall is all 0.
/// `r`: units x indicators of normalised values in [0, 1] (1 = best); weights as weighted_sum.
[[nodiscard]] CIVITAS_METHODS_EXPORT Eigen::MatrixXd obstacle_degree(MatrixView r,
                                                                     const Eigen::Ref<const Eigen::VectorXd>& weights);

/// A weighted-sum score change between two rounds, split per unit and indicator. With
/// s = sum_j w_j r_ij in each round, change = s_after - s_before = sum_j (value_effect_ij + weight_effect_ij).
struct CIVITAS_METHODS_EXPORT ScoreChangeAttribution {
    Eigen::VectorXd before;         ///< per unit: score in the first round
    Eigen::VectorXd after;          ///< per unit: score in the second round
    Eigen::VectorXd change;         ///< per unit: after - before
    Eigen::MatrixXd value_effect;   ///< units x indicators: mean weight x change of the value
    Eigen::MatrixXd weight_effect;  ///< units x indicators: mean value x change of the weight (0 with one set of weights)
    Eigen::MatrixXd contribution;   ///< units x indicators: value_effect + weight_effect; each row sums to change

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_METHODS_EXPORT bool operator==(const ScoreChangeAttribution& a, const ScoreChangeAttribution& b);
    friend bool operator!=(const ScoreChangeAttribution& a, const ScoreChangeAttribution& b) { return !(a == b); }
};

/// Splits the change of sum_j w_j r_ij between rounds (Shapley split of each product: the value
/// effect is the mean of the two weights times the value change, the weight effect the mean of
/// the two values times the weight change). `weights_after` empty: the same weights in both.
/// Throws ValidationError for shapes that differ, non-finite values or bad weights.
[[nodiscard]] CIVITAS_METHODS_EXPORT ScoreChangeAttribution score_change_attribution(
    MatrixView before, MatrixView after, const Eigen::Ref<const Eigen::VectorXd>& weights_before,
    const std::optional<Eigen::VectorXd>& weights_after = std::nullopt);

/// One line per unit with a non-zero change: the change and its largest contributions.
[[nodiscard]] CIVITAS_METHODS_EXPORT std::string to_string(const ScoreChangeAttribution& result);

}  // namespace civitas
