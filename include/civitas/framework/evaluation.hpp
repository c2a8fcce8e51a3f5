#pragma once
/// Evaluating units against a framework: scores, gaps, obstacle degrees and the pass decision.

#include <civitas/core/matrix.hpp>
#include <civitas/core/message.hpp>
#include <civitas/export.hpp>
#include <civitas/framework/framework.hpp>

#include <Eigen/Core>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace civitas {

/// Where one indicator stands.
enum class Outcome : std::int8_t {
    missing = -1,  ///< no data
    not_met = 0,   ///< has data, misses the pass line
    met = 1,       ///< has data, meets the pass line
};
/// "met", "not_met" or "missing".
[[nodiscard]] CIVITAS_EXPORT const char* to_string(Outcome value) noexcept;
/// The Outcome with this name; nullopt when there is none.
[[nodiscard]] CIVITAS_EXPORT std::optional<Outcome> outcome_from_string(std::string_view name) noexcept;

/// One indicator's result for one unit.
struct CIVITAS_EXPORT IndicatorResult {
    std::string id;                         ///< indicator id
    std::optional<double> value;            ///< measured value, empty when missing
    Outcome outcome = Outcome::missing;     ///< met, not met or missing
    bool counted = true;                    ///< false when missing data is skipped (left out of shares and weights)
    double score = 0.0;                     ///< score share in [0, 1] of the indicator's full points
    double points = 0.0;                    ///< weighted contribution on the framework's scale
    double max_points = 0.0;                ///< full points on the scale, after any renormalisation
    Interval pass;                          ///< pass line applied (for the unit's class)
    std::optional<double> gap;              ///< distance to the pass line in the indicator's unit, 0 when met
    std::optional<double> relative_gap;     ///< gap / |pass line|; empty when that line is 0, for yes/no, or without data
    std::optional<bool> meets_improvement;  ///< whether the improvement line is met, when there is one
    double obstacle = 0.0;                  ///< share in [0, 1] of all points lost that this indicator loses

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const IndicatorResult& a, const IndicatorResult& b);
    friend bool operator!=(const IndicatorResult& a, const IndicatorResult& b) { return !(a == b); }
};

/// One category's subtotal for one unit; all zero when nothing below it is counted.
struct CIVITAS_EXPORT CategoryResult {
    std::string id;           ///< category id
    std::string name;         ///< category name
    int depth = 1;            ///< 1 for top-level categories
    double score = 0.0;       ///< aggregated score share in [0, 1]
    double points = 0.0;      ///< score share x the category's full points
    double max_points = 0.0;  ///< the category's full points on the scale
    int met = 0;              ///< indicators met below it
    int assessed = 0;         ///< indicators with data below it
    int indicators = 0;       ///< indicators below it

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const CategoryResult& a, const CategoryResult& b);
    friend bool operator!=(const CategoryResult& a, const CategoryResult& b) { return !(a == b); }
};

/// Which rule decided the pass decision.
enum class Decision : std::int8_t {
    passed,         ///< every rule held
    coverage,       ///< too little data (min_coverage)
    veto,           ///< a basic item failed or had no data
    rule,           ///< a pass rule failed (see `failed_rule`)
    invalid,        ///< the unit's data was invalid (batch only; see `error`)
};
template <> struct EnumNames<Decision> {
    static constexpr const char* values[] = {"passed", "coverage", "veto", "rule", "invalid"};
};

/// The result of evaluating one unit.
class CIVITAS_EXPORT Evaluation {
public:
    std::string framework;                    ///< framework id
    std::string unit;                         ///< unit id ("" when not given)
    std::vector<IndicatorResult> indicators;  ///< in framework order
    std::vector<CategoryResult> categories;   ///< in framework order (depth first)
    std::optional<double> total;              ///< total on the framework's scale; empty below min coverage
    double scale = 100.0;                     ///< the framework's scale
    int met = 0;                              ///< indicators met
    int assessed = 0;                         ///< indicators with data
    double coverage = 0.0;                    ///< share in [0, 1] of nominal weight with data
    std::vector<std::string> basic_failed;    ///< counted basic items not met (under `fail`, also those without data)
    bool passed = false;                      ///< the pass decision
    Decision decided_by = Decision::passed;   ///< what decided it
    std::optional<PassRule> failed_rule;      ///< the first failing pass rule, when decided_by is rule
    Message reason;                           ///< the decision in words ("failed: total 78.50 below 80 (min_total)")
    Message error;                            ///< why the data was invalid, when decided_by is invalid (else empty)

    /// Result for one indicator id; throws NotFoundError.
    [[nodiscard]] const IndicatorResult& indicator(const std::string& id) const;
    /// Indicators not met (with data), in framework order.
    [[nodiscard]] std::vector<const IndicatorResult*> shortfalls() const;

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const Evaluation& a, const Evaluation& b);
    friend bool operator!=(const Evaluation& a, const Evaluation& b) { return !(a == b); }
};

/// Results for many units at once; rows are units, columns indicators (framework order).
class CIVITAS_EXPORT BatchEvaluation {
public:
    using Matrix = Eigen::MatrixXd;
    using Vector = Eigen::VectorXd;
    using OutcomeMatrix = Eigen::Matrix<std::int8_t, Eigen::Dynamic, Eigen::Dynamic>;

    BatchEvaluation() = default;
    BatchEvaluation(const BatchEvaluation&) = default;
    BatchEvaluation(BatchEvaluation&&) noexcept = default;
    BatchEvaluation& operator=(const BatchEvaluation&) = default;
    BatchEvaluation& operator=(BatchEvaluation&&) noexcept = default;
    /// Hands the large matrices to a small cache that the next batch of the same shape reuses.
    ~BatchEvaluation();

    std::string framework;                   ///< framework id
    std::vector<std::string> units;          ///< unit ids, one per row ("0", "1", ... when none were given)
    std::vector<std::string> classes;        ///< unit classes, one per row ("" for none)
    std::vector<std::string> indicator_ids;  ///< framework order
    std::vector<std::string> category_ids;   ///< framework order
    Matrix values;                           ///< values as read, NaN where missing
    Matrix scores;                           ///< score shares in [0, 1]
    Vector full_points;                      ///< nominal full points of each indicator (effective weight x scale)
    std::map<std::size_t, Vector> renormalised;  ///< full points of the units (by row) whose skipped indicators renormalised the weights
    Matrix gaps;                             ///< gaps in each indicator's unit, NaN where missing
    OutcomeMatrix outcomes;                  ///< Outcome codes: 1 met, 0 not met, -1 missing
    Matrix category_scores;                  ///< units x categories, score shares
    Vector totals;                           ///< totals on the scale, NaN where no score is given
    Vector coverage;                         ///< share of nominal weight with data
    Eigen::VectorXi met;                     ///< indicators met per unit
    Eigen::VectorXi assessed;                ///< indicators with data per unit
    Eigen::VectorXi basic_failed;            ///< basic items failed per unit
    std::vector<bool> passed;                ///< pass decision per unit
    std::vector<Decision> decided_by;        ///< what decided it
    std::vector<Message> errors;             ///< why the unit's data was invalid, one per unit (empty when valid)
    std::map<std::size_t, std::vector<bool>> not_assessed;  ///< rows (by index) with cells a ruling left out: a flag per indicator

    /// Number of units.
    [[nodiscard]] std::size_t size() const noexcept { return units.size(); }
    /// True when every unit's data was valid.
    [[nodiscard]] bool ok() const noexcept;
    /// Full points of each indicator for each unit, after renormalisation (0 where skipped or invalid).
    [[nodiscard]] Matrix max_points() const;
    /// Weighted contributions on the scale: scores x max_points().
    [[nodiscard]] Matrix points() const;

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const BatchEvaluation& a, const BatchEvaluation& b);
    friend bool operator!=(const BatchEvaluation& a, const BatchEvaluation& b) { return !(a == b); }
};

/// Evaluates many units: `values` has a row per unit and a column per id in `columns`.
/// Columns may come in any order and leave indicators out (missing data); an unknown id throws
/// NotFoundError, a repeated one ValidationError. A unit with invalid data gets `errors[i]` and
/// decided_by invalid; the others are still evaluated. `units` and `classes` are empty or have
/// one entry per row ("" for a unit without class).
[[nodiscard]] CIVITAS_EXPORT BatchEvaluation evaluate_many(
    const Framework& framework, MatrixView values, const std::vector<std::string>& columns,
    const std::vector<std::string>& units = {}, const std::vector<std::string>& classes = {},
    const EvaluateOptions& options = {});

/// Frees the memory that finished batches left for reuse (at most 64 MiB is ever kept).
CIVITAS_EXPORT void release_cached_memory() noexcept;

/// Which rule a ruling applies.
enum class RulingKind : std::int8_t {
    scope,            ///< a top_unit item left out of a sub-unit (not assessed)
    subunit,          ///< subunit_pass: the top unit's item needs every direct sub-unit to meet its line
    level_or_trend,   ///< met_by level_or_trend: met by the level or the trend of the series
    history_average,  ///< history_average: the latest year against the mean of the previous years
};
template <> struct EnumNames<RulingKind> {
    static constexpr const char* values[] = {"scope", "subunit", "level_or_trend", "history_average"};
};

/// An outcome decided by a rule that one unit's latest value cannot show (several units, the history).
struct CIVITAS_EXPORT Ruling {
    std::string unit;                    ///< unit id, a row of the batch
    std::string indicator;               ///< indicator id
    RulingKind kind = RulingKind::subunit;  ///< the rule
    Outcome outcome = Outcome::met;      ///< met, not met, or missing: not assessed (left out of the unit's counts and weights)
    Message reason;                      ///< in words, with the numbers
    friend bool operator==(const Ruling& a, const Ruling& b) {
        return a.unit == b.unit && a.indicator == b.indicator && a.kind == b.kind && a.outcome == b.outcome &&
               a.reason == b.reason;
    }
    friend bool operator!=(const Ruling& a, const Ruling& b) noexcept { return !(a == b); }
};

/// Sets the outcome of the cells the rulings name and recomputes what depends on them, for each
/// row touched: a cell whose outcome changes scores as pass/fail (1 met, 0 not met; its gap 0
/// when met); a cell not assessed (outcome missing) scores 0, leaves the unit's counts, coverage
/// and weights (its siblings renormalised, as missing data under `skip`) and is flagged in
/// `not_assessed`; then the category scores, total, coverage, met / assessed / basic_failed
/// counts and the pass decision are computed again as evaluate_many does. A ruling that keeps a
/// cell's outcome changes nothing. Rows with invalid data are left alone. NotFoundError for an
/// unknown unit or indicator; ValidationError when the batch is not of this framework.
CIVITAS_EXPORT void apply_rulings(const Framework& framework, BatchEvaluation& batch, const std::vector<Ruling>& rulings);

/// The full result of unit `row` of a batch, equal to evaluating that unit alone.
[[nodiscard]] CIVITAS_EXPORT Evaluation unit_evaluation(const Framework& framework,
                                                        const BatchEvaluation& batch, std::size_t row);

/// A short text table of the evaluation, for terminals and `repr`, in English or Chinese: the
/// shortfalls with their lines, gaps and obstacle degrees, then the items without data that count as not met.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const Evaluation& evaluation, Language language = Language::en);
/// The same with the framework's names and units: yes/no lines read "yes", a percentage's gap is in percentage points.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const Evaluation& evaluation, const Framework& framework,
                                                   Language language = Language::en);
/// One line: number of units, passed, mean total.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const BatchEvaluation& batch);

}  // namespace civitas
