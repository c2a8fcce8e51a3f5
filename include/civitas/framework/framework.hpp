#pragma once
/// Assessment frameworks (测评体系): a tree of weighted categories whose leaves are indicators.

#include <civitas/core/enums.hpp>
#include <civitas/core/interval.hpp>
#include <civitas/core/message.hpp>
#include <civitas/export.hpp>
#include <civitas/framework/round_scheme.hpp>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <set>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace civitas {

namespace detail {
struct CompiledFramework;
}

class BatchEvaluation;
class Evaluation;
struct EvaluateOptions;

/// Which values are better, and so how the pass line reads.
enum class Direction {
    higher,         ///< higher is better: pass when value >= line
    lower,          ///< lower is better: pass when value <= line
    range,          ///< pass when low <= value <= high
    yes_no,         ///< a condition: value 1 (yes) passes, 0 (no) fails
    problem_count,  ///< problems found on inspection (>= 0): pass when count <= allowed (default 0)
};

/// Basic items (基本项) veto the title when failed; general items (一般项) count towards shares.
enum class ItemKind { general, basic };

/// How an indicator's measured value becomes a score share in [0, 1].
enum class RuleType {
    pass_fail,     ///< 1 when the pass line is met, else 0
    linear,        ///< 0 at `zero`, 1 at `full` (default the pass line), linear between, clamped
    proportional,  ///< value / target for higher, target / value for lower, capped at 1
    tiers,         ///< the best tier reached: higher needs value >= at, lower value <= at
    deduction,     ///< full points minus `per_problem` points per problem, floored at 0, capped
    yes_no,        ///< 1 for yes, 0 for no (direction yes_no only)
};

/// One step of a tiered rule.
struct CIVITAS_EXPORT Tier {
    double at = 0.0;     ///< value that reaches the tier, in the indicator's unit
    double score = 0.0;  ///< score share in [0, 1] for reaching it
    friend bool operator==(const Tier& a, const Tier& b) noexcept {
        return a.at == b.at && a.score == b.score;
    }
};

/// Scoring rule of one indicator; which fields matter depends on `type`.
struct CIVITAS_EXPORT ScoringRule {
    RuleType type = RuleType::pass_fail;  ///< the rule
    std::optional<Interval> zero;         ///< linear: values outside score 0 (higher: [floor, inf))
    std::optional<Interval> full;         ///< linear, proportional: values inside score 1 (default: pass line)
    std::vector<Tier> tiers;              ///< tiers: steps, any order
    double per_problem = 0.0;             ///< deduction: points deducted per problem, > 0
    std::optional<double> max_deduction;  ///< deduction: most points deducted in all (default: full points)

    /// Pass/fail scoring.
    [[nodiscard]] static ScoringRule pass_fail() { return {}; }
    /// Linear from `zero` (score 0) to the pass line or `full` (score 1).
    [[nodiscard]] static ScoringRule linear(Interval zero, std::optional<Interval> full = std::nullopt);
    /// Deduction of `per_problem` points per problem, at most `max_deduction` points.
    [[nodiscard]] static ScoringRule deduction(double per_problem, std::optional<double> max_deduction = std::nullopt);
    friend bool operator==(const ScoringRule& a, const ScoringRule& b) noexcept;
    friend bool operator!=(const ScoringRule& a, const ScoringRule& b) noexcept { return !(a == b); }
};

/// What missing data means.
enum class MissingPolicy {
    fail,  ///< counts as not met, scores 0
    skip,  ///< left out; sibling weights renormalised
};

/// How a category combines its children's score shares.
enum class Aggregation {
    arithmetic,  ///< weighted arithmetic mean
    geometric,   ///< weighted geometric mean (a zero child gives zero)
};

/// How weights are read.
enum class Weighting {
    relative,  ///< weights normalised among siblings at each level
    points,    ///< indicator weights are points adding up to the scale; a category's points, if given, equal its children's sum
};

/// How far a framework or indicator can be trusted (the tags of docs/sources.md).
enum class Reliability {
    verified,      ///< read in an official or authoritative text [V]
    secondary,     ///< from a secondary copy [S]
    unverified,    ///< not verified [U]
    illustrative,  ///< made up or taken from a campaign document for illustration, not official
};

/// Which units an indicator judges in a campaign of several units (city and districts).
enum class IndicatorScope : std::int8_t {
    every_unit,  ///< every unit is judged on it (the default)
    top_unit,    ///< a city-wide item: judged for the campaign's top unit only; other units leave it out (not assessed)
};

/// How an indicator's line is met.
enum class MetBy : std::int8_t {
    level,           ///< the latest value meets the line (the default)
    level_or_trend,  ///< the latest value meets the line, or the series' trend goes the right way ("<= 5.6 or falling")
};

/// The trend test of `met_by: level_or_trend`, as the framework file gives it (LevelOrTrendOptions in trend.hpp).
struct CIVITAS_EXPORT TrendRule {
    bool slope_test = false;   ///< false: the last `changes` changes all move the right way; true: least-squares slope test
    int changes = 2;           ///< consecutive test: changes that must all move the right way, >= 1
    int last_points = 5;       ///< slope test: points in the fit, >= 3
    double confidence = 0.95;  ///< slope test: one-sided confidence in (0, 1)
    friend bool operator==(const TrendRule& a, const TrendRule& b) noexcept {
        return a.slope_test == b.slope_test && a.changes == b.changes && a.last_points == b.last_points &&
               a.confidence == b.confidence;
    }
    friend bool operator!=(const TrendRule& a, const TrendRule& b) noexcept { return !(a == b); }
};

/// "Not above (lower) / not below (higher) the average of the previous years" (HistoryAverageOptions in trend.hpp).
struct CIVITAS_EXPORT HistoryAverageRule {
    int years = 5;           ///< previous calendar years averaged, >= 1
    int min_years = 5;       ///< of those, years that must have data, in [1, years]
    bool year_mean = false;  ///< a year's value: the mean of its points (true) or its last point (false)
    friend bool operator==(const HistoryAverageRule& a, const HistoryAverageRule& b) noexcept {
        return a.years == b.years && a.min_years == b.min_years && a.year_mean == b.year_mean;
    }
    friend bool operator!=(const HistoryAverageRule& a, const HistoryAverageRule& b) noexcept { return !(a == b); }
};

/// An indicator: a measured value, its direction, pass line, weight and scoring rule.
struct CIVITAS_EXPORT Indicator {
    std::string id;                                 ///< unique in the framework, no surrounding spaces
    std::string name;                               ///< UTF-8 display name
    std::string unit;                               ///< unit of the value ("%", "m²/person", "")
    Direction direction = Direction::higher;        ///< which values are better
    std::optional<Interval> pass;                   ///< pass line; none for yes_no; problem_count defaults to at most 0
    std::map<std::string, Interval> pass_by_class;  ///< pass line by unit class (size band, north/south), overriding `pass`
    std::set<std::string> classes_without_line;     ///< unit classes whose line the source does not give (`null` in the file's pass_by_class): a unit of one is not judged on the indicator (invalid data), never on `pass`
    std::optional<Interval> bounds;                 ///< values possible at all (e.g. [0, 100] for a %); others are invalid data
    std::optional<Interval> improvement;            ///< optional higher line (提升项), e.g. >= 40% vs >= 36%
    ItemKind kind = ItemKind::general;              ///< basic (veto) or general
    std::optional<double> weight;                   ///< relative weight (default 1) or points (required)
    ScoringRule scoring;                            ///< how the value scores
    std::string mode;                               ///< assessment mode: field_inspection, document_review, questionnaire, online_survey, ...
    std::optional<MissingPolicy> missing;           ///< overrides the framework's policy
    std::optional<Reliability> reliability;         ///< overrides the framework's tag
    std::string notes;                              ///< free text
    std::string source;                             ///< where the line comes from
    IndicatorScope scope = IndicatorScope::every_unit;  ///< which units of a campaign it judges
    std::optional<Interval> subunit_pass;           ///< line of every direct sub-unit; the top unit meets the item only when its own value meets `pass` and every sub-unit with data meets this
    MetBy met_by = MetBy::level;                    ///< met by the level alone, or by the level or the trend
    TrendRule trend;                                ///< the trend test of met_by level_or_trend
    std::optional<HistoryAverageRule> history_average;  ///< met when the latest year is not worse than the mean of the previous years

    friend bool operator==(const Indicator& a, const Indicator& b) noexcept;
    friend bool operator!=(const Indicator& a, const Indicator& b) noexcept { return !(a == b); }
};

/// The line a unit is judged on for an indicator, the one rule scoring, readiness, reports and
/// Python share: for a unit below the campaign's top one (`sub_unit`), the indicator's
/// `subunit_pass` when it has one; else its `pass_by_class` line for `unit_class`, else `pass`; a
/// problem count without one is judged on at most 0, a yes/no condition on yes ([1, 1]). None
/// when the indicator has no line for that class, or marks the class's line unknown
/// (`classes_without_line`).
[[nodiscard]] CIVITAS_EXPORT std::optional<Interval> unit_line(const Indicator& indicator, const std::string& unit_class = "",
                                                               bool sub_unit = false);

/// A category: a weighted group of indicators and subcategories.
struct CIVITAS_EXPORT Category {
    std::string id;                                    ///< unique in the framework
    std::string name;                                  ///< UTF-8 display name
    std::optional<double> weight;                      ///< relative weight (default 1) or points (default: children's sum)
    Aggregation aggregation = Aggregation::arithmetic;  ///< how children combine
    std::vector<Category> categories;                  ///< subcategories
    std::vector<Indicator> indicators;                 ///< indicators directly in this category
    std::string notes;                                 ///< free text

    friend bool operator==(const Category& a, const Category& b) noexcept;
    friend bool operator!=(const Category& a, const Category& b) noexcept { return !(a == b); }
};

/// Conditions a unit must satisfy to pass, besides the veto of basic items, which always applies.
enum class PassRuleType {
    all_basic_met,          ///< every basic item met (always applied; may be listed to show it)
    min_share_met,          ///< at least `value` (in [0, 1]) of the counted indicators met
    min_count_met,          ///< at least `value` indicators met
    min_share_general_met,  ///< at least `value` (in [0, 1]) of the counted general items met
    min_count_general_met,  ///< at least `value` general items met
    min_total,              ///< total score >= `value` points on the framework's scale
};

/// One pass rule.
struct CIVITAS_EXPORT PassRule {
    PassRuleType type = PassRuleType::all_basic_met;  ///< the condition
    double value = 0.0;                               ///< its threshold
    friend bool operator==(const PassRule& a, const PassRule& b) noexcept {
        return a.type == b.type && a.value == b.value;
    }
};

/// Everything a framework file holds, as plain data; `Framework` is its validated form.
struct CIVITAS_EXPORT FrameworkSpec {
    std::string id;                                   ///< short id ("garden-city-2010")
    std::string name;                                 ///< UTF-8 title ("国家园林城市标准")
    std::string edition;                              ///< edition or year
    std::string issuer;                               ///< issuing body
    std::string source;                               ///< where it comes from
    Reliability reliability = Reliability::illustrative;  ///< trust tag
    std::string notes;                                ///< free text
    double scale = 100.0;                             ///< points of a perfect score, > 0
    Weighting weighting = Weighting::relative;        ///< how weights read
    MissingPolicy missing = MissingPolicy::fail;      ///< default for missing data
    double min_coverage = 0.0;                        ///< share of weight with data below which no score is given, [0, 1]
    std::vector<PassRule> pass_rules;                 ///< besides the veto; empty means "every counted indicator met"
    std::optional<RoundScheme> round_scheme;          ///< how a campaign scores the rounds of a title it judges when the title has no scheme of its own; none: none
    Category root;                                    ///< top level (its id, name, weight unused)

    friend bool operator==(const FrameworkSpec& a, const FrameworkSpec& b) noexcept;
    friend bool operator!=(const FrameworkSpec& a, const FrameworkSpec& b) noexcept { return !(a == b); }
};

/// Options of an evaluation.
struct CIVITAS_EXPORT EvaluateOptions {
    bool nan_as_missing = false;  ///< NaN marks missing data; otherwise NaN is an error
    int threads = 0;              ///< threads of a batch: 0 picks (one per core for large batches), 1 none; results never depend on it
};

/// A validated, immutable assessment framework; cheap to copy.
class CIVITAS_EXPORT Framework {
public:
    /// Validates `spec`; throws ValidationError naming the JSON path of the first problem.
    explicit Framework(FrameworkSpec spec);

    /// The framework as plain data.
    [[nodiscard]] const FrameworkSpec& spec() const noexcept;
    [[nodiscard]] const std::string& id() const noexcept { return spec().id; }
    [[nodiscard]] const std::string& name() const noexcept { return spec().name; }
    [[nodiscard]] double scale() const noexcept { return spec().scale; }

    /// Indicators depth first: a category's own indicators, then its subcategories' in order.
    [[nodiscard]] const std::vector<const Indicator*>& indicators() const noexcept;
    /// Categories depth first (parents before children), without the root.
    [[nodiscard]] const std::vector<const Category*>& categories() const noexcept;
    /// Indicator ids in file order.
    [[nodiscard]] std::vector<std::string> indicator_ids() const;
    /// Position of an indicator in `indicators()`; throws NotFoundError.
    [[nodiscard]] std::size_t indicator_index(const std::string& id) const;
    /// The indicator with this id; throws NotFoundError.
    [[nodiscard]] const Indicator& indicator(const std::string& id) const;
    /// Share in [0, 1] of each indicator in the total, in `indicators()` order; sums to 1.
    [[nodiscard]] const std::vector<double>& effective_weights() const noexcept;
    /// JSON path of an indicator in the framework file ("$.categories[0].indicators[2]").
    [[nodiscard]] const std::string& indicator_path(std::size_t index) const;
    /// Category ids on the way from the top to the indicator's parent.
    [[nodiscard]] std::vector<std::string> indicator_categories(std::size_t index) const;

    /// Evaluates one unit; values keyed by indicator id, absent ids are missing data.
    /// Throws NotFoundError for an unknown id and ValidationError for a bad value.
    [[nodiscard]] Evaluation evaluate(const std::map<std::string, double>& values,
                                      const std::string& unit = "", const std::string& unit_class = "",
                                      const EvaluateOptions& options = {}) const;

    /// Internal compiled form, for the evaluation engine.
    [[nodiscard]] const detail::CompiledFramework& compiled() const noexcept { return *compiled_; }

    friend bool operator==(const Framework& a, const Framework& b) noexcept { return a.spec() == b.spec(); }
    friend bool operator!=(const Framework& a, const Framework& b) noexcept { return !(a == b); }

private:
    std::shared_ptr<const detail::CompiledFramework> compiled_;
};

template <> struct EnumNames<Direction> {
    static constexpr const char* values[] = {"higher", "lower", "range", "yes_no", "problem_count"};
};
template <> struct EnumNames<IndicatorScope> { static constexpr const char* values[] = {"every_unit", "top_unit"}; };
template <> struct EnumNames<MetBy> { static constexpr const char* values[] = {"level", "level_or_trend"}; };
template <> struct EnumNames<ItemKind> { static constexpr const char* values[] = {"general", "basic"}; };
template <> struct EnumNames<RuleType> {
    static constexpr const char* values[] = {"pass_fail", "linear", "proportional", "tiers", "deduction", "yes_no"};
};
template <> struct EnumNames<MissingPolicy> { static constexpr const char* values[] = {"fail", "skip"}; };
template <> struct EnumNames<Aggregation> { static constexpr const char* values[] = {"arithmetic", "geometric"}; };
template <> struct EnumNames<Weighting> { static constexpr const char* values[] = {"relative", "points"}; };
template <> struct EnumNames<Reliability> {
    static constexpr const char* values[] = {"verified", "secondary", "unverified", "illustrative"};
};
template <> struct EnumNames<PassRuleType> {
    static constexpr const char* values[] = {"all_basic_met",         "min_share_met",         "min_count_met",
                                             "min_share_general_met", "min_count_general_met", "min_total"};
};

/// One-line summary: `Framework('garden-city-2010', 13 indicators, 3 categories, scale 100)`, or
/// in Chinese `测评体系 'garden-city-2010'：13 个指标，3 个类别，满分 100`.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const Framework& framework, Language language = Language::en);

}  // namespace civitas
