#pragma once
/// How far a ranking can be trusted: a Monte Carlo uncertainty analysis that perturbs the
/// weights, switches normalisation and aggregation and drops indicators, with per-unit rank
/// statistics and first-order sensitivity indices of the uncertain inputs. Eigen only.
/// Method, estimator and sources: docs/methods.md, "Robustness".

#include <civitas/core/enums.hpp>
#include <civitas/export.hpp>
#include <civitas/methods/ranking.hpp>

#include <Eigen/Core>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace civitas {

/// How each draw perturbs the nominal weights.
enum class WeightPerturbation : std::int8_t {
    none,       ///< every draw uses the nominal weights
    dirichlet,  ///< w ~ Dirichlet(concentration x w0): mean w0, Var w_j = w0_j (1 - w0_j) / (concentration + 1)
    uniform,    ///< w_j = w0_j (1 + u_j), u_j ~ U(-share, share), then divided by their sum
};
template <> struct EnumNames<WeightPerturbation> {
    static constexpr const char* values[] = {"none", "dirichlet", "uniform"};
};

/// How a draw turns criteria into a score (each higher-is-better, in [0, 1]). Each method's input
/// rules are its own function's (ranking.hpp), checked once with the nominal weights.
enum class RankingMethod : std::int8_t {
    topsis,        ///< TOPSIS closeness under the draw's normalisation
    weighted_sum,  ///< sum_j w_j r_ij of min-max normalised values (r = 1 at each criterion's best)
    vikor,         ///< 1 - Q of VIKOR (v = UncertaintyOptions::vikor_v); a term whose S or R is constant is 0
    waspas,        ///< WASPAS' Q with lambda 0.5
    edas,          ///< EDAS' appraisal score; a term whose SP or SN is 0 for every unit is 0
    copras,        ///< COPRAS' utility degree; cost values must be > 0 (a draw may weigh one cost criterion alone)
    spotis,        ///< 1 - SPOTIS' distance, bounds the data's range
    cocoso,        ///< CoCoSo's k / max k with lambda 0.5; a unit worst on every criterion a draw weighs scores 0
    promethee,     ///< (1 + net flow) / 2 of PROMETHEE II with UncertaintyOptions::preferences
};
template <> struct EnumNames<RankingMethod> {
    static constexpr const char* values[] = {"topsis", "weighted_sum", "vikor", "waspas", "edas", "copras", "spotis", "cocoso", "promethee"};
};

/// What to vary and what to report. Each draw picks its normalisation and method uniformly from
/// the lists (the first entries make the nominal ranking) and drops one indicator with
/// probability drop_probability.
struct CIVITAS_METHODS_EXPORT UncertaintyOptions {
    int draws = 1000;                                              ///< Monte Carlo draws, >= 1
    std::uint64_t seed = 0;                                        ///< the same seed gives the same result, whatever `threads`
    WeightPerturbation perturbation = WeightPerturbation::dirichlet;  ///< how the weights vary
    double concentration = 100.0;                                  ///< Dirichlet concentration, > 0 (larger: closer to w0)
    double share = 0.2;                                            ///< uniform half-width as a share of each weight, in (0, 1)
    std::vector<Normalization> normalizations{Normalization::vector};  ///< TOPSIS normalisations to draw from, not empty
    std::vector<RankingMethod> methods{RankingMethod::topsis};     ///< aggregations to draw from, not empty
    double drop_probability = 0.0;  ///< in [0, 1): chance a draw leaves out one indicator (uniform among positive weights)
    bool drop_one = false;          ///< also rank with each indicator left out in turn (deterministic, nominal settings)
    int top_k = 1;                  ///< places counted as "top", in [1, units]
    std::optional<double> pass_threshold;  ///< a unit passes a draw when its score >= this (scores in [0, 1])
    double vikor_v = 0.5;           ///< VIKOR's weight of the group utility, in [0, 1]
    std::vector<PreferenceFunction> preferences;  ///< PROMETHEE's preference functions (rules of promethee()); empty: usual
    bool sensitivity = true;        ///< compute the first-order sensitivity indices
    bool keep_ranks = false;        ///< keep every draw's ranks (draws x units)
    int threads = 0;                ///< 0: one per core; results never depend on it
};

/// The uncertain inputs the sensitivity indices are given for, in this order.
enum class UncertainFactor : std::int8_t { weights, normalization, method, dropped_indicator };
template <> struct EnumNames<UncertainFactor> {
    static constexpr const char* values[] = {"weights", "normalization", "method", "dropped_indicator"};
};

/// Per-unit rank statistics over the draws (ranks 1 = best, ties "min" as in rank()), what each
/// draw used, and which input drives the rank changes.
struct CIVITAS_METHODS_EXPORT RankUncertainty {
    int draws = 0;                   ///< draws made
    int top_k = 1;                   ///< k of p_top_k
    std::optional<double> pass_threshold;  ///< threshold of p_pass, when given
    Eigen::VectorXi nominal_rank;    ///< per unit: rank with the nominal weights, first normalisation and method
    Eigen::VectorXd median_rank;     ///< per unit: median over draws (mean of the middle two for an even count)
    Eigen::VectorXi rank_low;        ///< per unit: 5% rank, the ceil(0.05 draws)-th smallest rank
    Eigen::VectorXi rank_high;       ///< per unit: 95% rank, the ceil(0.95 draws)-th smallest rank
    Eigen::VectorXd mean_rank;       ///< per unit: mean rank over draws
    Eigen::VectorXd p_top_k;         ///< per unit: share of draws with rank <= top_k, in [0, 1]
    Eigen::VectorXd p_pass;          ///< per unit: share of draws with score >= pass_threshold; empty without one

    /// First-order sensitivity index of each UncertainFactor on the ranks, in [0, 1] (0 for a
    /// factor that does not vary): bias-corrected correlation ratio, variance-weighted over units.
    Eigen::VectorXd first_order;
    Eigen::MatrixXd first_order_by_unit;  ///< units x factors: the same per unit (0 where the rank never changes)
    Eigen::VectorXd weight_first_order;   ///< per criterion: first-order index of that single weight, in [0, 1]

    /// Ranks with each criterion left out (units x criteria, nominal settings); empty unless drop_one.
    Eigen::MatrixXi drop_one_ranks;

    RowMatrix weights;                          ///< draws x criteria: each draw's perturbed weights (before any drop)
    std::vector<Normalization> normalization;   ///< per draw
    std::vector<RankingMethod> method;          ///< per draw
    Eigen::VectorXi dropped;                    ///< per draw: criterion left out, -1 for none
    Eigen::Matrix<std::int32_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> ranks;  ///< draws x units; empty unless keep_ranks

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_METHODS_EXPORT bool operator==(const RankUncertainty& a, const RankUncertainty& b);
    friend bool operator!=(const RankUncertainty& a, const RankUncertainty& b) { return !(a == b); }
};

/// Monte Carlo rank uncertainty of units x criteria `x` around the nominal `weights` (rules of
/// weighted_sum: >= 0, summing to 1 within 1e-6). Draw d uses its own random stream (xoshiro256**
/// seeded from splitmix64 of the seed and d), so the result depends on the seed, never on threads.
/// Throws ValidationError naming the argument for bad shapes, values, weights or options.
[[nodiscard]] CIVITAS_METHODS_EXPORT RankUncertainty rank_uncertainty(MatrixView x,
                                                                      const Eigen::Ref<const Eigen::VectorXd>& weights,
                                                                      const Benefit& benefit = {},
                                                                      const UncertaintyOptions& options = {});

/// A short table: draws, the sensitivity indices and the least certain units.
[[nodiscard]] CIVITAS_METHODS_EXPORT std::string to_string(const RankUncertainty& result);

}  // namespace civitas
