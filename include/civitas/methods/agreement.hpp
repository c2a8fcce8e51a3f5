#pragma once
/// Rank agreement: how far two rankings of the same units agree (Spearman's rho, Kendall's tau-b,
/// the weighted rank correlation r_w and Sałabun's WS), for two rankings or for every pair of
/// several (methods, years, weightings). Eigen only, no campaign needed.
/// Formulas, ties and sources: docs/methods.md, "Rank agreement".

#include <civitas/core/enums.hpp>
#include <civitas/core/matrix.hpp>
#include <civitas/export.hpp>

#include <Eigen/Core>

#include <cstdint>

namespace civitas {

/// Which coefficient rank_correlation() computes. Rankings are ranks with 1 = best.
enum class CorrelationMethod : std::int8_t {
    spearman,           ///< Spearman's rho: Pearson's r of the average ranks (ties share the mean of their places), in [-1, 1]
    kendall,            ///< Kendall's tau-b (ties corrected), in [-1, 1]; O(n log n) (Knight 1966)
    weighted_spearman,  ///< r_w (Pinto da Costa & Soares 2005): disagreements near the top weigh more; ranks in [1, n]
    ws,                 ///< WS (Sałabun & Urbaniak 2020): similarity to a reference ranking, top places weigh 2^-rank; ranks in [1, n]
};
template <> struct EnumNames<CorrelationMethod> {
    static constexpr const char* values[] = {"spearman", "kendall", "weighted_spearman", "ws"};
};

/// Agreement of ranking `b` with ranking `a` (one rank per unit, same units in the same order).
/// spearman and kendall read any finite numbers and depend only on their order (ranks, or scores
/// on both sides); weighted_spearman and ws read the values as ranks in [1, n], 1 = best, ties
/// best given as average ranks (average_rank). ws is asymmetric: `a` is the reference. Throws
/// ValidationError for different lengths, fewer than 2 units, a non-finite value, a ranking
/// with every unit tied (spearman, kendall: undefined), or a rank outside [1, n] (weighted_spearman, ws).
[[nodiscard]] CIVITAS_METHODS_EXPORT double rank_correlation(const Eigen::Ref<const Eigen::VectorXd>& a,
                                                             const Eigen::Ref<const Eigen::VectorXd>& b,
                                                             CorrelationMethod method = CorrelationMethod::spearman);

/// Agreement of every pair of rankings: `rankings` is units x rankings (a column per ranking),
/// the result rankings x rankings with entry (i, j) = rank_correlation(column i, column j), 1 on
/// the diagonal; symmetric but for ws, whose row is the reference. Same rules per column as
/// rank_correlation (paths `rankings[:, j]`, `rankings[i, j]`); at least one column.
[[nodiscard]] CIVITAS_METHODS_EXPORT Eigen::MatrixXd rank_correlation_matrix(
    MatrixView rankings, CorrelationMethod method = CorrelationMethod::spearman);

}  // namespace civitas
