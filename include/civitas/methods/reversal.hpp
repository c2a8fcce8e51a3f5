#pragma once
/// Rank reversal: whether the order of two units changes when a third is left out or copied, the
/// classic test of a ranking method's stability (Belton & Gear 1983; Wang & Triantaphyllou 2008).
/// Eigen only. Method, definitions and sources: docs/methods.md, "Rank reversal".

#include <civitas/core/enums.hpp>
#include <civitas/core/matrix.hpp>
#include <civitas/export.hpp>
#include <civitas/methods/ranking.hpp>
#include <civitas/methods/uncertainty.hpp>

#include <Eigen/Core>

#include <cstdint>
#include <string>
#include <vector>

namespace civitas {

/// What was done to the units before ranking them again.
enum class ReversalTest : std::int8_t {
    removal,  ///< one unit left out
    copy,     ///< an exact copy of one unit added (Belton & Gear's test)
};
template <> struct EnumNames<ReversalTest> { static constexpr const char* values[] = {"removal", "copy"}; };

/// One reversal: after the test on `unit`, `better` (ranked above `worse` on all the units) is
/// ranked below it. Rows of x, 0-based.
struct CIVITAS_METHODS_EXPORT RankReversal {
    ReversalTest test = ReversalTest::removal;  ///< what was done
    int unit = 0;                               ///< the unit left out or copied
    int better = 0;                             ///< above `worse` on all the units, below it after the test
    int worse = 0;                              ///< below `better` on all the units, above it after the test

    friend bool operator==(const RankReversal& a, const RankReversal& b) {
        return a.test == b.test && a.unit == b.unit && a.better == b.better && a.worse == b.worse;
    }
    friend bool operator!=(const RankReversal& a, const RankReversal& b) { return !(a == b); }
};

/// Choices for rank_reversal().
struct CIVITAS_METHODS_EXPORT RankReversalOptions {
    RankingMethod method = RankingMethod::topsis;  ///< the ranking tested, scored as in rank_uncertainty (TOPSIS: vector normalisation)
    bool copies = true;                            ///< also add a copy of each unit in turn
    std::vector<PreferenceFunction> preferences;   ///< PROMETHEE's preference functions (rules of promethee())
    double vikor_v = 0.5;                          ///< VIKOR's v, in [0, 1]
    int max_listed = 1000;                         ///< reversals listed at most (all are counted), >= 0
};

/// Every unit left out in turn (and, with `copies`, copied in turn), the others ranked again and
/// compared pair by pair with their order on all the units. Ties are not reversals: a pair tied
/// before or after counts for neither.
struct CIVITAS_METHODS_EXPORT RankReversalReport {
    RankingMethod method = RankingMethod::topsis;  ///< the ranking tested
    Eigen::VectorXi ranks;              ///< per unit: its rank on all the units ("min" ties, 1 = best)
    Eigen::VectorXi removal;            ///< per unit: pairs of the other units reversed when it is left out
    Eigen::VectorXi copy;               ///< per unit: pairs reversed when a copy of it is added; empty without copies
    std::vector<RankReversal> reversals;  ///< the reversals, by test, unit, then the better unit's rank (at most max_listed)
    long long total = 0;                ///< every reversal counted, listed or not

    /// True when no test reversed any pair.
    [[nodiscard]] bool stable() const noexcept { return total == 0; }

    /// Equal when every member is.
    friend CIVITAS_METHODS_EXPORT bool operator==(const RankReversalReport& a, const RankReversalReport& b);
    friend bool operator!=(const RankReversalReport& a, const RankReversalReport& b) { return !(a == b); }
};

/// Rank reversal of `method` on units x criteria `x` with `weights` (rules of that method's own
/// function; at least 3 units, so that two remain when one is left out). Costs two rankings per
/// unit (one without copies): units^2 x criteria in all.
[[nodiscard]] CIVITAS_METHODS_EXPORT RankReversalReport rank_reversal(MatrixView x,
                                                                      const Eigen::Ref<const Eigen::VectorXd>& weights,
                                                                      const Benefit& benefit = {},
                                                                      const RankReversalOptions& options = {});

/// One line: the method, the tests and the reversals found.
[[nodiscard]] CIVITAS_METHODS_EXPORT std::string to_string(const RankReversalReport& report);

}  // namespace civitas
