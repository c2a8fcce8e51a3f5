#pragma once
/// Rankings: weighted sum, TOPSIS, VIKOR, grey relational analysis, WASPAS, EDAS, COPRAS, SPOTIS,
/// CoCoSo, MULTIMOORA and PROMETHEE II of a units-by-criteria matrix; ranks with ties; award
/// tiers and quotas from a ranking. Eigen only, no campaign needed.
/// Formulas, variant choices and sources: docs/methods.md, "Rankings".

#include <civitas/core/enums.hpp>
#include <civitas/core/matrix.hpp>
#include <civitas/export.hpp>

#include <Eigen/Core>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace civitas {

// ---- scores ---------------------------------------------------------------------------------------

/// How TOPSIS makes the criteria comparable.
enum class Normalization : std::int8_t {
    vector,   ///< x / sqrt(sum of x^2) per column (Hwang & Yoon 1981); an all-zero column is rejected
    min_max,  ///< (x - min) / (max - min) per column; a constant column contributes 0 to every distance
};
template <> struct EnumNames<Normalization> { static constexpr const char* values[] = {"vector", "min_max"}; };

/// Weighted sum of framework scores per unit: sum_j w_j x_ij, in the unit of x (no normalisation).
/// Weights: finite, >= 0, summing to 1 within 1e-6 (else ValidationError; divide by the sum first).
[[nodiscard]] CIVITAS_METHODS_EXPORT Eigen::VectorXd weighted_sum(MatrixView x, const Eigen::Ref<const Eigen::VectorXd>& weights);

/// TOPSIS closeness to the ideal per unit, in [0, 1] (1 = the ideal on every weighted criterion).
/// Throws ValidationError for bad shapes, non-finite values, bad weights (see weighted_sum), an
/// all-zero column under vector normalisation, or when no weighted criterion separates the units.
[[nodiscard]] CIVITAS_METHODS_EXPORT Eigen::VectorXd topsis(MatrixView x, const Eigen::Ref<const Eigen::VectorXd>& weights,
                                                            const Benefit& benefit = {},
                                                            Normalization normalization = Normalization::vector);

/// A normalised matrix ready for TOPSIS with many weight vectors: it keeps, per unit and
/// criterion, the squared distances of the normalised value to the (unweighted) ideal and
/// anti-ideal, so that with weights w the squared separations are those matrices times w^2.
class CIVITAS_METHODS_EXPORT TopsisPrepared {
public:
    /// Normalises x once; same checks on x and benefit as topsis().
    explicit TopsisPrepared(MatrixView x, const Benefit& benefit = {},
                            Normalization normalization = Normalization::vector);
    /// One prepared elsewhere, from its to_ideal() and to_anti_ideal() (a copy sent to another
    /// process); ValidationError when their shapes differ.
    TopsisPrepared(Eigen::MatrixXd to_ideal, Eigen::MatrixXd to_anti_ideal, Normalization normalization);

    /// Units (rows of x).
    [[nodiscard]] std::ptrdiff_t units() const noexcept { return to_ideal_.rows(); }
    /// Criteria (columns of x).
    [[nodiscard]] std::ptrdiff_t criteria() const noexcept { return to_ideal_.cols(); }
    /// The normalisation it was prepared with.
    [[nodiscard]] Normalization normalization() const noexcept { return normalization_; }
    /// (r_ij - ideal_j)^2 of the normalised values, units x criteria.
    [[nodiscard]] const Eigen::MatrixXd& to_ideal() const noexcept { return to_ideal_; }
    /// (r_ij - anti_ideal_j)^2 of the normalised values, units x criteria.
    [[nodiscard]] const Eigen::MatrixXd& to_anti_ideal() const noexcept { return to_anti_ideal_; }
    /// Closeness in [0, 1] per unit for one weight vector (rules of weighted_sum); equals topsis().
    [[nodiscard]] Eigen::VectorXd closeness(const Eigen::Ref<const Eigen::VectorXd>& weights) const;
    /// Closeness for many weight vectors at once: `weights` is draws x criteria (a row per draw),
    /// the result units x draws; two matrix products, no re-normalisation.
    [[nodiscard]] Eigen::MatrixXd closeness_many(const Eigen::Ref<const Eigen::MatrixXd>& weights) const;
    /// Weighted Euclidean separations per unit: column 0 to the ideal, column 1 to the anti-ideal.
    [[nodiscard]] Eigen::MatrixX2d separations(const Eigen::Ref<const Eigen::VectorXd>& weights) const;

    /// Equal when prepared the same: same distances (NaN equal to NaN) and normalisation.
    friend CIVITAS_METHODS_EXPORT bool operator==(const TopsisPrepared& a, const TopsisPrepared& b);
    friend bool operator!=(const TopsisPrepared& a, const TopsisPrepared& b) { return !(a == b); }

private:
    Eigen::MatrixXd to_ideal_;       ///< (r_ij - ideal_j)^2, units x criteria
    Eigen::MatrixXd to_anti_ideal_;  ///< (r_ij - anti_ideal_j)^2
    Normalization normalization_ = Normalization::vector;
};

/// The same as TopsisPrepared(x, benefit, normalization).
[[nodiscard]] CIVITAS_METHODS_EXPORT TopsisPrepared prepare_topsis(MatrixView x, const Benefit& benefit = {},
                                                                   Normalization normalization = Normalization::vector);

/// VIKOR's measures per unit and its compromise solution (Opricovic & Tzeng 2004).
struct CIVITAS_METHODS_EXPORT VikorResult {
    Eigen::VectorXd s;  ///< group utility S_i = sum_j w_j (f*_j - f_ij) / (f*_j - f-_j), in [0, 1]; lower is better
    Eigen::VectorXd r;  ///< individual regret R_i = max_j of the same terms, in [0, 1]; lower is better
    Eigen::VectorXd q;  ///< Q_i = v (S_i - S*) / (S- - S*) + (1 - v) (R_i - R*) / (R- - R*), in [0, 1]; lower is better
    double v = 0.5;     ///< weight of the strategy of the majority (S) against the regret (R), in [0, 1]
    bool acceptable_advantage = false;  ///< C1: Q(A2) - Q(A1) >= 1 / (units - 1), A1 and A2 first and second by Q
    bool acceptable_stability = false;  ///< C2: A1 is also best (lowest) by S or by R
    std::vector<std::size_t> compromise;  ///< the compromise solution, rows in Q order (ties by row): {A1} when
                                          ///< C1 and C2 hold, {A1, A2} when only C2 fails, else A1..AM with
                                          ///< Q(AM) - Q(A1) < 1 / (units - 1)

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_METHODS_EXPORT bool operator==(const VikorResult& a, const VikorResult& b);
    friend bool operator!=(const VikorResult& a, const VikorResult& b) { return !(a == b); }
};

/// VIKOR with v in [0, 1]; a constant column contributes 0. Throws ValidationError as topsis()
/// does, for fewer than 2 units, and when all units have the same S or the same R (Q is 0/0).
[[nodiscard]] CIVITAS_METHODS_EXPORT VikorResult vikor(MatrixView x, const Eigen::Ref<const Eigen::VectorXd>& weights,
                                                       const Benefit& benefit = {}, double v = 0.5);

/// Grey relational grades per unit (Deng 1989; Kuo, Yang & Huang 2008), in (0, 1]: min-max
/// normalisation to the reference 1, deviations D_ij = 1 - r_ij, coefficients
/// (D_min + rho D_max) / (D_ij + rho D_max), grade = sum_j w_j coefficient_ij. rho in (0, 1].
/// A constant column has every unit at the reference (coefficient 1). Throws ValidationError as
/// topsis() does, and when every column is constant.
[[nodiscard]] CIVITAS_METHODS_EXPORT Eigen::VectorXd grey_relational(MatrixView x,
                                                                     const Eigen::Ref<const Eigen::VectorXd>& weights,
                                                                     const Benefit& benefit = {}, double rho = 0.5);

/// WASPAS (Zavadskas, Turskis, Antucheviciene & Zakarevicius 2012) per unit, higher is better:
/// r_ij = x_ij / max_i x_ij for a benefit, min_i x_ij / x_ij for a cost, then
/// Q_i = lambda sum_j w_j r_ij + (1 - lambda) prod_j r_ij^w_j. lambda 1 is the weighted sum model
/// (WSM), 0 the weighted product model (WPM). Benefit values must be >= 0 with a positive
/// maximum, cost values > 0; lambda in [0, 1]. Throws ValidationError as topsis() does.
[[nodiscard]] CIVITAS_METHODS_EXPORT Eigen::VectorXd waspas(MatrixView x, const Eigen::Ref<const Eigen::VectorXd>& weights,
                                                            const Benefit& benefit = {}, double lambda = 0.5);

/// EDAS appraisal score per unit in [0, 1], higher is better (Keshavarz Ghorabaee, Zavadskas,
/// Olfat & Turskis 2015): distances from each column's average AV_j, PDA_ij = max(0, x_ij - AV_j)
/// / AV_j (AV_j - x_ij for a cost) and NDA_ij the other side; SP_i = sum_j w_j PDA_ij, SN_i alike;
/// AS_i = (SP_i / max SP + 1 - SN_i / max SN) / 2 (a sum 0 for every unit gives its term 0, or 1 for
/// SN). Every column's average must be positive.
[[nodiscard]] CIVITAS_METHODS_EXPORT Eigen::VectorXd edas(MatrixView x, const Eigen::Ref<const Eigen::VectorXd>& weights,
                                                          const Benefit& benefit = {});

/// COPRAS utility degree per unit in [0, 1], higher is better (Zavadskas, Kaklauskas & Sarka
/// 1994): d_ij = w_j x_ij / sum_i x_ij, S+_i and S-_i the sums over benefit and cost criteria,
/// Q_i = S+_i + sum_k S-_k / (S-_i sum_k 1 / S-_k), utility Q_i / max Q. Values must be >= 0
/// with a positive column sum, and every unit's S- positive when a cost criterion has weight.
[[nodiscard]] CIVITAS_METHODS_EXPORT Eigen::VectorXd copras(MatrixView x, const Eigen::Ref<const Eigen::VectorXd>& weights,
                                                            const Benefit& benefit = {});

/// SPOTIS distance to the ideal per unit in [0, 1], lower is better (Dezert, Tchamova, Han &
/// Tacnet 2020): sum_j w_j |x_ij - S*_j| / (max_j - min_j), S* the best bound of each criterion
/// (or `ideal`). `bounds` is criteria x 2 (min, max) and must hold every value; empty takes each
/// column's own range (then, unlike with fixed bounds, adding a unit can reverse ranks).
[[nodiscard]] CIVITAS_METHODS_EXPORT Eigen::VectorXd spotis(MatrixView x, const Eigen::Ref<const Eigen::VectorXd>& weights,
                                                            const Benefit& benefit = {},
                                                            const Eigen::Ref<const Eigen::MatrixX2d>& bounds = Eigen::MatrixX2d(),
                                                            const Eigen::Ref<const Eigen::VectorXd>& ideal = Eigen::VectorXd());

/// CoCoSo score per unit, higher is better (Yazdani, Zarate, Zavadskas & Turskis 2019): min-max
/// normalised r, S_i = sum_j w_j r_ij, P_i = sum_j r_ij^w_j, k_a = (S + P) / sum (S + P),
/// k_b = S / min S + P / min P, k_c = (lambda S + (1 - lambda) P) / (lambda max S + (1 - lambda)
/// max P), k = (k_a k_b k_c)^(1/3) + (k_a + k_b + k_c) / 3. lambda in [0, 1]. A unit worst on every
/// weighted criterion (S = 0) is rejected: k_b divides by it.
[[nodiscard]] CIVITAS_METHODS_EXPORT Eigen::VectorXd cocoso(MatrixView x, const Eigen::Ref<const Eigen::VectorXd>& weights,
                                                            const Benefit& benefit = {}, double lambda = 0.5);

/// MULTIMOORA's three rankings and their synthesis (Brauers & Zavadskas 2010, 2011).
struct CIVITAS_METHODS_EXPORT MultimooraResult {
    Eigen::VectorXd ratio_system;          ///< y_i = sum_benefit w_j r_ij - sum_cost w_j r_ij, r = x / column norm; higher is better
    Eigen::VectorXd reference_point;       ///< max_j w_j |r*_j - r_ij|, r* each column's best r; lower is better
    Eigen::VectorXd full_multiplicative;   ///< prod_benefit r_ij^w_j / prod_cost r_ij^w_j; higher is better (ranked by its
                                           ///< logarithm, so that one overflowing to infinity for absurd scales ranks right)
    Eigen::VectorXi ranks_ratio_system;    ///< competition ranks ("1224") of each part, 1 = best
    Eigen::VectorXi ranks_reference_point;
    Eigen::VectorXi ranks_full_multiplicative;
    Eigen::VectorXi dominance;             ///< units each one dominates: better in more of the three ranks than worse
    Eigen::VectorXi ranks;                 ///< the synthesis: competition ranks by dominance, 1 = best

    /// Equal when every member is.
    friend CIVITAS_METHODS_EXPORT bool operator==(const MultimooraResult& a, const MultimooraResult& b);
    friend bool operator!=(const MultimooraResult& a, const MultimooraResult& b) { return !(a == b); }
};

/// MULTIMOORA. Values must be > 0 (the multiplicative form divides by and takes powers of them).
[[nodiscard]] CIVITAS_METHODS_EXPORT MultimooraResult multimoora(MatrixView x, const Eigen::Ref<const Eigen::VectorXd>& weights,
                                                                 const Benefit& benefit = {});

/// PROMETHEE's preference functions P(d) of a difference d between two units on one criterion
/// (Brans & Vincke 1985), each 0 for d <= 0.
enum class PreferenceShape : std::int8_t {
    usual,     ///< type I: 1 for d > 0
    u_shape,   ///< type II (quasi-criterion): 1 for d > q
    v_shape,   ///< type III: d / p up to p, then 1
    level,     ///< type IV: 1/2 for q < d <= p, 1 above p
    linear,    ///< type V (V-shape with indifference): (d - q) / (p - q) for q < d <= p, 1 above p
    gaussian,  ///< type VI: 1 - exp(-d^2 / (2 s^2))
};
template <> struct EnumNames<PreferenceShape> {
    static constexpr const char* values[] = {"usual", "u_shape", "v_shape", "level", "linear", "gaussian"};
};

/// One criterion's preference function and its thresholds, in the unit of the criterion.
struct CIVITAS_METHODS_EXPORT PreferenceFunction {
    PreferenceShape shape = PreferenceShape::usual;  ///< the function
    double q = 0.0;  ///< indifference threshold, >= 0 (u_shape, level, linear)
    double p = 0.0;  ///< preference threshold, > q (v_shape, level, linear)
    double s = 0.0;  ///< the Gaussian's spread, > 0 (gaussian)

    friend bool operator==(const PreferenceFunction& a, const PreferenceFunction& b) {
        return a.shape == b.shape && a.q == b.q && a.p == b.p && a.s == b.s;
    }
    friend bool operator!=(const PreferenceFunction& a, const PreferenceFunction& b) { return !(a == b); }
};

/// PROMETHEE's outranking flows per unit, each averaged over the other units (divided by units - 1).
struct CIVITAS_METHODS_EXPORT PrometheeFlows {
    Eigen::VectorXd positive;  ///< phi+_i = sum_k pi(i, k) / (m - 1), in [0, 1]: how much i outranks the others
    Eigen::VectorXd negative;  ///< phi-_i = sum_k pi(k, i) / (m - 1), in [0, 1]: how much the others outrank i
    Eigen::VectorXd net;       ///< phi_i = phi+_i - phi-_i, in [-1, 1]: PROMETHEE II's complete ranking, higher is better

    /// Equal when every member is.
    friend CIVITAS_METHODS_EXPORT bool operator==(const PrometheeFlows& a, const PrometheeFlows& b);
    friend bool operator!=(const PrometheeFlows& a, const PrometheeFlows& b) { return !(a == b); }
};

/// PROMETHEE II (Brans & Vincke 1985): pi(i, k) = sum_j w_j P_j(d_j(i, k)) with d the difference
/// in the criterion's direction, and the flows. `preferences` is empty (usual for every
/// criterion), one function for all, or one per criterion. Needs at least 2 units. Each
/// criterion is sorted once, so the cost grows as units x log(units) x criteria (units squared
/// for a Gaussian criterion), not as the pairs.
[[nodiscard]] CIVITAS_METHODS_EXPORT PrometheeFlows promethee(MatrixView x, const Eigen::Ref<const Eigen::VectorXd>& weights,
                                                              const Benefit& benefit = {},
                                                              const std::vector<PreferenceFunction>& preferences = {});

// ---- ranks ----------------------------------------------------------------------------------------

/// How rank() numbers tied units (equal scores, compared exactly).
enum class RankMethod : std::int8_t {
    min,      ///< competition "1224": a tied group shares the best rank of its places
    dense,    ///< "1223": a tied group shares one rank, the next group takes the next number
    ordinal,  ///< "1234": every unit its own rank; ties ordered by unit id (byte order), else by row
};
template <> struct EnumNames<RankMethod> { static constexpr const char* values[] = {"min", "dense", "ordinal"}; };

/// Ranks with 1 = best: the highest score, or the lowest when `ascending` (VIKOR's Q, costs).
/// `ids` is empty or one unique id per unit (used by ordinal only). NaN scores throw ValidationError.
[[nodiscard]] CIVITAS_METHODS_EXPORT Eigen::VectorXi rank(const Eigen::Ref<const Eigen::VectorXd>& scores,
                                                          RankMethod method = RankMethod::min, bool ascending = false,
                                                          const std::vector<std::string>& ids = {});

/// Fractional ranks with 1 = best, ordered as rank() orders them (`ascending` likewise): a tied
/// group shares the mean of its places ("1 2.5 2.5 4"), so the ranks sum to n (n + 1) / 2
/// whatever the ties. The ranks Spearman's rho correlates (rank_correlation). NaN throws ValidationError.
[[nodiscard]] CIVITAS_METHODS_EXPORT Eigen::VectorXd average_rank(const Eigen::Ref<const Eigen::VectorXd>& scores,
                                                                  bool ascending = false);

// ---- awards -----------------------------------------------------------------------------------------

/// One award tier, best first in a list: at most `count` units and at most `share` of the units
/// assessed (floor of share x units); at least one of the two is given.
struct CIVITAS_METHODS_EXPORT AwardTier {
    std::string name;            ///< shown in results ("特等奖", "一等奖", "全国文明城市")
    std::optional<int> count;    ///< places, >= 0
    std::optional<double> share; ///< cap as a share in (0, 1] of all units assessed (eligible or not)

    /// A tier of `count` places.
    [[nodiscard]] static AwardTier places(std::string name, int count);
    /// A tier capped at `share` of the units assessed.
    [[nodiscard]] static AwardTier capped(std::string name, double share);
    friend bool operator==(const AwardTier& a, const AwardTier& b) {
        return a.name == b.name && a.count == b.count && a.share == b.share;
    }
    friend bool operator!=(const AwardTier& a, const AwardTier& b) { return !(a == b); }
};

/// What happens to a group of tied units that does not fit in what is left of a tier's places.
enum class BoundaryTies : std::int8_t {
    demote,  ///< the whole group goes down to the next tier with room (a quota is never exceeded; places may stay empty)
    admit,   ///< the whole group gets the tier, exceeding its quota (later tiers keep their own quotas)
    by_id,   ///< ties are ordered by unit id (else by row) and the quota is filled exactly
};
template <> struct EnumNames<BoundaryTies> { static constexpr const char* values[] = {"demote", "admit", "by_id"}; };

/// Award tiers given to ranked units.
struct CIVITAS_METHODS_EXPORT Awards {
    std::vector<std::string> tier_names;  ///< the tiers, best first
    std::vector<int> tier;                ///< per unit: index into tier_names, -1 for no award
    Eigen::VectorXi ranks;                ///< per unit: competition rank ("1224") among eligible units, 0 if ineligible
    std::vector<int> quota;               ///< places of each tier (after the share cap)
    std::vector<int> awarded;             ///< units given each tier (above quota only under admit)
    int eligible = 0;                     ///< units allowed an award
    int ineligible = 0;                   ///< units excluded (a failed veto item, ...)

    /// Tier name of unit `row`, "" for none.
    [[nodiscard]] const std::string& tier_name(std::size_t row) const;

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_METHODS_EXPORT bool operator==(const Awards& a, const Awards& b);
    friend bool operator!=(const Awards& a, const Awards& b) { return !(a == b); }
};

/// Gives tiers in order of score (highest first, lowest when `ascending`) to eligible units:
/// each tier takes the next tied groups while it has places, ties at a boundary as `ties` says.
/// `eligible` is empty (all) or one flag per unit; an ineligible unit gets no award and takes no place.
[[nodiscard]] CIVITAS_METHODS_EXPORT Awards award(const Eigen::Ref<const Eigen::VectorXd>& scores,
                                                  const std::vector<AwardTier>& tiers,
                                                  const std::vector<bool>& eligible = {}, bool ascending = false,
                                                  BoundaryTies ties = BoundaryTies::demote,
                                                  const std::vector<std::string>& ids = {});

/// One line: units, v, the compromise and both conditions.
[[nodiscard]] CIVITAS_METHODS_EXPORT std::string to_string(const VikorResult& result);
/// A short table: each tier with its places and units given, then eligibility.
[[nodiscard]] CIVITAS_METHODS_EXPORT std::string to_string(const Awards& awards);
/// One line: units, criteria, normalisation.
[[nodiscard]] CIVITAS_METHODS_EXPORT std::string to_string(const TopsisPrepared& prepared);
/// One line: units and the synthesis' first units.
[[nodiscard]] CIVITAS_METHODS_EXPORT std::string to_string(const MultimooraResult& result);
/// One line: units and the best by net flow.
[[nodiscard]] CIVITAS_METHODS_EXPORT std::string to_string(const PrometheeFlows& flows);

}  // namespace civitas
