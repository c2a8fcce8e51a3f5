#pragma once
// PROMETHEE's flows criterion by criterion, before the weights: promethee() weighs them once,
// rank_uncertainty() once per draw (the flows are linear in the weights).

#include <civitas/core/matrix.hpp>
#include <civitas/methods/ranking.hpp>

#include <Eigen/Core>

#include <vector>

namespace civitas::detail {

/// Each unit's positive and negative flow on each criterion alone (units x criteria, divided by units - 1).
struct CriterionFlows {
    Eigen::MatrixXd positive, negative;
};

/// The flows of every criterion whose weight is not 0 (all when `weights` is empty; the others stay 0).
/// Checks x's values, at least 2 units and the preference functions (ValidationError as promethee()).
CriterionFlows promethee_criterion_flows(MatrixView x, const Benefit& benefit, const std::vector<PreferenceFunction>& preferences,
                                         const Eigen::Ref<const Eigen::VectorXd>& weights);

}  // namespace civitas::detail
