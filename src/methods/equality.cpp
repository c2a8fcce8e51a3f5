// operator== of the methods results: every member, as core/detail/equal.hpp compares them.

#include <civitas/methods/attribution.hpp>
#include <civitas/methods/ranking.hpp>
#include <civitas/methods/reversal.hpp>
#include <civitas/methods/uncertainty.hpp>
#include <civitas/methods/weights.hpp>

#include "core/detail/equal.hpp"

#include <tuple>

namespace civitas {

bool operator==(const ScoreChangeAttribution& a, const ScoreChangeAttribution& b) {
    return detail::same_members(std::tie(a.before, a.after, a.change, a.value_effect, a.weight_effect, a.contribution),
                                std::tie(b.before, b.after, b.change, b.value_effect, b.weight_effect, b.contribution));
}

bool operator==(const VikorResult& a, const VikorResult& b) {
    return detail::same_members(std::tie(a.s, a.r, a.q, a.v, a.acceptable_advantage, a.acceptable_stability, a.compromise),
                                std::tie(b.s, b.r, b.q, b.v, b.acceptable_advantage, b.acceptable_stability, b.compromise));
}

bool operator==(const Awards& a, const Awards& b) {
    return detail::same_members(std::tie(a.tier_names, a.tier, a.ranks, a.quota, a.awarded, a.eligible, a.ineligible),
                                std::tie(b.tier_names, b.tier, b.ranks, b.quota, b.awarded, b.eligible, b.ineligible));
}

bool operator==(const MultimooraResult& a, const MultimooraResult& b) {
    return detail::same_members(std::tie(a.ratio_system, a.reference_point, a.full_multiplicative, a.ranks_ratio_system,
                                         a.ranks_reference_point, a.ranks_full_multiplicative, a.dominance, a.ranks),
                                std::tie(b.ratio_system, b.reference_point, b.full_multiplicative, b.ranks_ratio_system,
                                         b.ranks_reference_point, b.ranks_full_multiplicative, b.dominance, b.ranks));
}

bool operator==(const PrometheeFlows& a, const PrometheeFlows& b) {
    return detail::same_members(std::tie(a.positive, a.negative, a.net), std::tie(b.positive, b.negative, b.net));
}

bool operator==(const RankReversalReport& a, const RankReversalReport& b) {
    return detail::same_members(std::tie(a.method, a.ranks, a.removal, a.copy, a.reversals, a.total),
                                std::tie(b.method, b.ranks, b.removal, b.copy, b.reversals, b.total));
}

bool operator==(const RankUncertainty& a, const RankUncertainty& b) {
    return detail::same_members(std::tie(a.draws, a.top_k, a.pass_threshold, a.nominal_rank, a.median_rank, a.rank_low,
                                         a.rank_high, a.mean_rank, a.p_top_k, a.p_pass, a.first_order, a.first_order_by_unit,
                                         a.weight_first_order, a.drop_one_ranks, a.weights, a.normalization, a.method,
                                         a.dropped, a.ranks),
                                std::tie(b.draws, b.top_k, b.pass_threshold, b.nominal_rank, b.median_rank, b.rank_low,
                                         b.rank_high, b.mean_rank, b.p_top_k, b.p_pass, b.first_order, b.first_order_by_unit,
                                         b.weight_first_order, b.drop_one_ranks, b.weights, b.normalization, b.method,
                                         b.dropped, b.ranks));
}

bool operator==(const AhpResult& a, const AhpResult& b) {
    return detail::same_members(std::tie(a.weights, a.lambda_max, a.consistency_index, a.random_index, a.consistency_ratio,
                                         a.method, a.table),
                                std::tie(b.weights, b.lambda_max, b.consistency_index, b.random_index, b.consistency_ratio,
                                         b.method, b.table));
}

bool operator==(const HierarchicalAhp& a, const HierarchicalAhp& b) {
    return detail::same_members(std::tie(a.categories, a.indicators, a.global_weights),
                                std::tie(b.categories, b.indicators, b.global_weights));
}

bool operator==(const ComparisonRevision& a, const ComparisonRevision& b) {
    return detail::same_members(std::tie(a.row, a.col, a.value, a.consistent_value, a.deviation, a.consistency_ratio),
                                std::tie(b.row, b.col, b.value, b.consistent_value, b.deviation, b.consistency_ratio));
}

bool operator==(const TopsisPrepared& a, const TopsisPrepared& b) {
    return a.normalization() == b.normalization() && detail::same(a.to_ideal(), b.to_ideal()) &&
           detail::same(a.to_anti_ideal(), b.to_anti_ideal());
}

}  // namespace civitas
