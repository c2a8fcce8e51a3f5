#pragma once
/// Weights: AHP from pairwise comparisons (eigenvector or geometric mean, complete or incomplete,
/// consistency ratio, group and hierarchical AHP, which comparison to revise), objective weights
/// from data (entropy, CRITIC, standard deviation, MEREC, Gini, CILOS, IDOCRIW) and subjective and
/// objective weights combined.
/// Formulas, variants and sources: docs/methods.md, section "Weights".

#include <civitas/core/enums.hpp>
#include <civitas/core/matrix.hpp>
#include <civitas/export.hpp>

#include <Eigen/Core>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace civitas {

// ---- AHP -------------------------------------------------------------------------------------

/// How AHP turns a comparison matrix into weights.
enum class AhpMethod : std::int8_t {
    eigenvector,     ///< principal right eigenvector, normalised to sum 1 (Saaty 1977)
    geometric_mean,  ///< geometric mean of each row, normalised to sum 1 (Crawford & Williams 1985)
};
template <> struct EnumNames<AhpMethod> { static constexpr const char* values[] = {"eigenvector", "geometric_mean"}; };

/// Which table of random indices RI(n) divides the consistency index.
enum class RandomIndexTable : std::int8_t {
    saaty,         ///< Saaty (1980) for n <= 10, extended to 15 by Saaty's later estimates (0.58 at n = 3); n <= 15
    donegan_dodd,  ///< Donegan & Dodd (1991), from 100,000 random matrices per size (0.4914 at n = 3); n <= 100
};
template <> struct EnumNames<RandomIndexTable> { static constexpr const char* values[] = {"saaty", "donegan_dodd"}; };

/// Largest comparison matrix accepted: Donegan & Dodd's (1991) table stops at 100 (Saaty's at 15).
inline constexpr int ahp_max_size = 100;
/// Largest matrix Saaty's table covers; beyond it only RandomIndexTable::donegan_dodd has RI(n).
inline constexpr int saaty_table_size = 15;
/// Saaty's threshold: judgments with a consistency ratio at or above it should be revised.
inline constexpr double ahp_acceptable_ratio = 0.1;

/// Choices for ahp() and the functions built on it.
struct CIVITAS_METHODS_EXPORT AhpOptions {
    AhpMethod method = AhpMethod::eigenvector;            ///< how weights are derived
    RandomIndexTable random_index = RandomIndexTable::saaty;  ///< table for the consistency ratio
    double reciprocal_tolerance = 0.01;  ///< largest |a_ij * a_ji - 1| accepted (0.333 for 1/3 passes), >= 0
};

/// The random index RI(n) of a table for an n x n matrix, n in [1, 15] (saaty) or [1, 100]
/// (donegan_dodd: tabulated for n <= 20 and 25, 30, 40, ..., 100, linear in between as ahpy does);
/// 0 for n = 1 and 2.
[[nodiscard]] CIVITAS_METHODS_EXPORT double random_index(int n, RandomIndexTable table = RandomIndexTable::saaty);

/// Weights and consistency of one pairwise comparison matrix.
struct CIVITAS_METHODS_EXPORT AhpResult {
    Eigen::VectorXd weights;         ///< one per row of the matrix, each in (0, 1), sum 1
    double lambda_max = 0.0;         ///< principal eigenvalue of the matrix, >= n (whatever the method)
    double consistency_index = 0.0;  ///< CI = (lambda_max - n) / (n - 1), >= 0; 0 for n <= 2
    double random_index = 0.0;       ///< RI(n) from the chosen table; 0 for n <= 2
    double consistency_ratio = 0.0;  ///< CR = CI / RI(n), >= 0; 0 for n <= 2
    AhpMethod method = AhpMethod::eigenvector;            ///< how the weights were derived
    RandomIndexTable table = RandomIndexTable::saaty;     ///< which RI table was used

    /// True when CR < 0.1 (Saaty's rule); false is the warning state: revise the judgments.
    [[nodiscard]] bool acceptable() const noexcept { return consistency_ratio < ahp_acceptable_ratio; }

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_METHODS_EXPORT bool operator==(const AhpResult& a, const AhpResult& b);
    friend bool operator!=(const AhpResult& a, const AhpResult& b) { return !(a == b); }
};

/// AHP weights of a positive reciprocal matrix (a_ij: how many times i outweighs j, a_ji = 1/a_ij).
/// ValidationError names the entry for a matrix that is not square, 1 to 100 rows (15 with Saaty's
/// table), positive and finite, 1 on the diagonal and reciprocal within the tolerance. The upper
/// triangle is used (a_ji is taken as exactly 1/a_ij once the check passes).
/// Incomplete matrices: a comparison left out is 0 or NaN in both a_ij and a_ji (ahpy accepts them
/// too). Eigenvector: Harker's (1987) method, b_ii = 1 + the number missing in row i, missing
/// entries 0, then the principal eigenvector; geometric mean: logarithmic least squares over the
/// comparisons given (Kwiesielewicz 1996; Bozoki, Fulop & Ronyai 2010), the row geometric mean when
/// none is missing. Both need the comparisons to connect every element (else a ValidationError
/// naming one that cannot be reached from element 0). lambda_max, CI and CR are those of the matrix
/// completed with a_ij = w_i / w_j for each missing pair (for Harker's weights, Harker's own
/// eigenvalue).
[[nodiscard]] CIVITAS_METHODS_EXPORT AhpResult ahp(const Eigen::MatrixXd& matrix, const AhpOptions& options = {});
/// The same with only the method chosen.
[[nodiscard]] CIVITAS_METHODS_EXPORT AhpResult ahp(const Eigen::MatrixXd& matrix, AhpMethod method);

/// Several experts' matrices combined entry by entry by the weighted geometric mean
/// (Aczel & Saaty 1983); `expert_weights` are relative (any positive scale), empty for equal.
/// Every matrix must be complete.
[[nodiscard]] CIVITAS_METHODS_EXPORT Eigen::MatrixXd aggregate_judgments(const std::vector<Eigen::MatrixXd>& matrices,
                                                                         const Eigen::VectorXd& expert_weights = {},
                                                                         double reciprocal_tolerance = 0.01);
/// Group AHP: ahp() of aggregate_judgments(matrices, expert_weights).
[[nodiscard]] CIVITAS_METHODS_EXPORT AhpResult group_ahp(const std::vector<Eigen::MatrixXd>& matrices,
                                                         const Eigen::VectorXd& expert_weights = {},
                                                         const AhpOptions& options = {});

/// Global weights of a two-level hierarchy: category_weights[k] x indicator_weights[k][i], in
/// category order then indicator order. Each vector must sum to 1 within 1e-3 (it is then
/// rescaled to exactly 1); the result sums to 1.
[[nodiscard]] CIVITAS_METHODS_EXPORT Eigen::VectorXd hierarchical_weights(const Eigen::VectorXd& category_weights,
                                                                          const std::vector<Eigen::VectorXd>& indicator_weights);

/// AHP on a two-level hierarchy: one matrix for the categories, one per category for its indicators.
struct CIVITAS_METHODS_EXPORT HierarchicalAhp {
    AhpResult categories;               ///< the category level
    std::vector<AhpResult> indicators;  ///< one per category, in order
    Eigen::VectorXd global_weights;     ///< category weight x local indicator weight, sum 1

    /// True when every matrix of the hierarchy has CR < 0.1.
    [[nodiscard]] bool acceptable() const noexcept;

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_METHODS_EXPORT bool operator==(const HierarchicalAhp& a, const HierarchicalAhp& b);
    friend bool operator!=(const HierarchicalAhp& a, const HierarchicalAhp& b) { return !(a == b); }
};
/// AHP of each matrix and the global weights; ValidationError names the matrix ("indicators[2][0][1]").
[[nodiscard]] CIVITAS_METHODS_EXPORT HierarchicalAhp hierarchical_ahp(const Eigen::MatrixXd& categories,
                                                                      const std::vector<Eigen::MatrixXd>& indicators,
                                                                      const AhpOptions& options = {});

/// What replacing one judgment a_ij (i < j) by its consistent value w_i / w_j would do.
struct CIVITAS_METHODS_EXPORT ComparisonRevision {
    int row = 0;                     ///< i, 0-based, row < col
    int col = 0;                     ///< j, 0-based
    double value = 0.0;              ///< a_ij as judged
    double consistent_value = 0.0;   ///< w_i / w_j from the current weights
    double deviation = 0.0;          ///< a_ij * w_j / w_i: 1 when the judgment agrees with the weights
    double consistency_ratio = 0.0;  ///< CR of the matrix with a_ij := w_i / w_j and a_ji := w_j / w_i

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_METHODS_EXPORT bool operator==(const ComparisonRevision& a, const ComparisonRevision& b);
    friend bool operator!=(const ComparisonRevision& a, const ComparisonRevision& b) { return !(a == b); }
};
/// Every comparison above the diagonal, the one whose revision lowers the consistency ratio most
/// first (ties by row, then column). The matrix must be complete.
[[nodiscard]] CIVITAS_METHODS_EXPORT std::vector<ComparisonRevision> revision_suggestions(const Eigen::MatrixXd& matrix,
                                                                                          const AhpOptions& options = {});

/// `AhpResult(eigenvector, n=7, lambda_max=7.1766, CI=0.0294, CR=0.0223 (acceptable, RI saaty), weights=[...])`.
[[nodiscard]] CIVITAS_METHODS_EXPORT std::string to_string(const AhpResult& result);
/// `HierarchicalAhp(3 categories, 6 indicators, largest CR 0.0158: acceptable)`.
[[nodiscard]] CIVITAS_METHODS_EXPORT std::string to_string(const HierarchicalAhp& result);
/// `ComparisonRevision(row=2, col=6, value=6, consistent_value=1.1275, deviation=5.3214, consistency_ratio=0.09)`.
[[nodiscard]] CIVITAS_METHODS_EXPORT std::string to_string(const ComparisonRevision& revision);

// ---- objective weights -----------------------------------------------------------------------

/// How objective-weight methods put the columns on one scale before measuring them.
enum class ObjectiveNormalization : std::int8_t {
    min_max,  ///< benefit (x - min) / (max - min), cost (max - x) / (max - min): [0, 1], higher is better
    none,     ///< the values as given: already comparable and oriented (every column a benefit column)
};
template <> struct EnumNames<ObjectiveNormalization> { static constexpr const char* values[] = {"min_max", "none"}; };

/// Indices of the columns an objective-weight method gave weight 0 because they do not vary
/// (every value the same), ascending; empty when every column varies.
using ConstantColumns = std::vector<std::ptrdiff_t>;

/// Entropy weights of the columns of `x` (units by rows, criteria by columns): w_j = (1 - e_j) /
/// sum(1 - e_k) with e_j the normalised Shannon entropy of column j's shares p_ij = z_ij / sum_i z_ij.
/// `benefit` has one flag per column (true: higher is better), empty for all benefit. Default
/// min_max: z is the column rescaled to [0, 1], cost columns flipped (as Chinese textbooks do);
/// `none` takes shares of the values as given, which must be >= 0 (Hwang & Yoon 1981, the
/// published examples). A column that does not vary gets weight 0 and is listed in
/// `constant_columns` when given; ValidationError for fewer than 2 rows, NaN or infinity, or no
/// column that varies. From 131,072 cells the columns are shared among the cores; same bits.
[[nodiscard]] CIVITAS_METHODS_EXPORT Eigen::VectorXd entropy_weights(
    MatrixView x, const Benefit& benefit = {},
    ObjectiveNormalization normalization = ObjectiveNormalization::min_max, ConstantColumns* constant_columns = nullptr);
/// CRITIC weights (Diakoulaki, Mavrotas & Papayannakis 1995): C_j = sigma_j x sum_k (1 - r_jk) on the
/// normalised columns (default min_max, as the paper), w_j = C_j / sum C_k. A column that does not
/// vary gets weight 0 and the others are those of x without it (its correlations are undefined);
/// needs 2+ columns that vary and are not all perfectly correlated.
[[nodiscard]] CIVITAS_METHODS_EXPORT Eigen::VectorXd critic_weights(
    MatrixView x, const Benefit& benefit = {},
    ObjectiveNormalization normalization = ObjectiveNormalization::min_max, ConstantColumns* constant_columns = nullptr);
/// Standard-deviation weights: w_j = sigma_j / sum sigma_k of the normalised columns. Default
/// min_max (each column rescaled to [0, 1] first); `none` uses the values as given (the published
/// examples). A column that does not vary gets weight 0 (listed in `constant_columns`).
[[nodiscard]] CIVITAS_METHODS_EXPORT Eigen::VectorXd std_weights(
    MatrixView x, const Benefit& benefit = {},
    ObjectiveNormalization normalization = ObjectiveNormalization::min_max, ConstantColumns* constant_columns = nullptr);
/// MEREC weights (Keshavarz-Ghorabaee et al. 2021): n_ij = min_j / x_ij (benefit) or x_ij / max_j
/// (cost), S_i = ln(1 + (1/n) sum_j |ln n_ij|), S'_ij the same without criterion j, E_j = sum_i
/// |S'_ij - S_i|, w_j = E_j / sum E_k. Its own normalisation: values must be > 0. A column that
/// does not vary has E_j = 0 (listed in `constant_columns`).
[[nodiscard]] CIVITAS_METHODS_EXPORT Eigen::VectorXd merec_weights(MatrixView x, const Benefit& benefit = {},
                                                                   ConstantColumns* constant_columns = nullptr);
/// Gini weights: G_j = sum_i sum_k |z_ij - z_kj| / (2 m^2 mean_j) of each column, w_j = G_j / sum
/// G_k. Default min_max (z in [0, 1], cost columns flipped); `none` takes the values as given
/// (>= 0, as pymcdm's gini_weights). A column that does not vary gets weight 0. O(m log m) a column.
[[nodiscard]] CIVITAS_METHODS_EXPORT Eigen::VectorXd gini_weights(
    MatrixView x, const Benefit& benefit = {},
    ObjectiveNormalization normalization = ObjectiveNormalization::min_max, ConstantColumns* constant_columns = nullptr);
/// CILOS weights (Zavadskas & Podvezko 2016): cost columns become min_j / x_ij, each column is
/// divided by its sum, a_kj is the value in column j of the unit best on criterion k, p_kj =
/// (a_jj - a_kj) / a_jj the relative impact loss, and q solves F q = 0, sum q = 1 with F = P -
/// diag(sum_k p_kj). Values must be > 0. A column that does not vary gets weight 0 (the system is
/// solved without it); ValidationError when q is not unique (one unit best on every criterion).
[[nodiscard]] CIVITAS_METHODS_EXPORT Eigen::VectorXd cilos_weights(MatrixView x, const Benefit& benefit = {},
                                                                   ConstantColumns* constant_columns = nullptr);
/// IDOCRIW weights (Zavadskas & Podvezko 2016): entropy weights of the values as given (`none`,
/// as the paper) times CILOS weights, normalised: w_j = e_j q_j / sum e_k q_k. Values must be > 0.
[[nodiscard]] CIVITAS_METHODS_EXPORT Eigen::VectorXd idocriw_weights(MatrixView x, const Benefit& benefit = {},
                                                                     ConstantColumns* constant_columns = nullptr);

// ---- combined weights ------------------------------------------------------------------------

/// alpha x subjective + (1 - alpha) x objective, alpha in [0, 1]. Both vectors: same size, >= 0,
/// finite, summing to 1 within 1e-3 (then rescaled to exactly 1; further off is a ValidationError).
[[nodiscard]] CIVITAS_METHODS_EXPORT Eigen::VectorXd combine_weights_linear(const Eigen::VectorXd& subjective,
                                                                            const Eigen::VectorXd& objective, double alpha = 0.5);
/// subjective x objective / sum(subjective x objective), element-wise; the same checks, and some
/// criterion must have weight in both.
[[nodiscard]] CIVITAS_METHODS_EXPORT Eigen::VectorXd combine_weights_multiplicative(const Eigen::VectorXd& subjective,
                                                                                    const Eigen::VectorXd& objective);

}  // namespace civitas
