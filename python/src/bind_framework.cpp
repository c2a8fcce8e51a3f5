/// The framework model: enums, the value types of a framework file (Interval, Tier,
/// ScoringRule, Indicator, Category, PassRule, FrameworkSpec) and the validated Framework.
///
/// Value types bind 1:1 to the C++ structs with read/write fields. Fields holding lists or
/// dicts return copies (`spec.root.indicators.append(x)` changes nothing: assign the list back);
/// fields holding a struct return a reference (`spec.root.name = "x"` does change `spec`).
/// The C++ field `pass` is `pass_` in Python.

#include "bindings.hpp"

#include <civitas/framework/framework.hpp>
#include <civitas/framework/round_scheme.hpp>
#include <civitas/io/bundled_data.hpp>
#include <civitas/io/framework_io.hpp>

#include <pybind11/operators.h>
#include <pybind11/stl.h>

#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace civitas::python {

std::string repr_number(double value) {
    if (std::isnan(value)) return "float('nan')";
    if (std::isinf(value)) return value > 0 ? "float('inf')" : "-float('inf')";
    return py::repr(py::float_(value)).cast<std::string>();
}

std::string repr_string(const std::string& value) { return py::repr(py::str(value)).cast<std::string>(); }

std::string repr_date(const Date& date) {
    if (date.is_special()) return "None";
    const auto ymd = date.year_month_day();
    return "datetime.date(" + std::to_string(static_cast<int>(ymd.year)) + ", " + std::to_string(static_cast<int>(ymd.month)) +
           ", " + std::to_string(static_cast<int>(ymd.day)) + ")";
}

namespace {

// ---- eval-able reprs ---------------------------------------------------------------------------
// Each names the type as `civitas` exports it and shows only the fields that differ from the
// default, so `eval(repr(x)) == x` in a namespace holding civitas' names.

template <class Enum>
struct EnumTypeName;
#define CIVITAS_ENUM_TYPE_NAME(Enum) \
    template <>                      \
    struct EnumTypeName<Enum> {      \
        static constexpr const char* value = #Enum; \
    }
CIVITAS_ENUM_TYPE_NAME(Direction);
CIVITAS_ENUM_TYPE_NAME(ItemKind);
CIVITAS_ENUM_TYPE_NAME(RuleType);
CIVITAS_ENUM_TYPE_NAME(MissingPolicy);
CIVITAS_ENUM_TYPE_NAME(Aggregation);
CIVITAS_ENUM_TYPE_NAME(Weighting);
CIVITAS_ENUM_TYPE_NAME(Reliability);
CIVITAS_ENUM_TYPE_NAME(PassRuleType);
CIVITAS_ENUM_TYPE_NAME(IndicatorScope);
CIVITAS_ENUM_TYPE_NAME(MetBy);
#undef CIVITAS_ENUM_TYPE_NAME

std::string repr(double value) { return repr_number(value); }
std::string repr(int value) { return std::to_string(value); }
std::string repr(bool value) { return value ? "True" : "False"; }
std::string repr(const std::string& value) { return repr_string(value); }
template <class Enum, std::enable_if_t<std::is_enum_v<Enum>, int> = 0>
std::string repr(Enum value) {
    return std::string(EnumTypeName<Enum>::value) + "." + to_string(value);
}
std::string repr(const Interval& value);
std::string repr(const Tier& value);
std::string repr(const ScoringRule& value);
std::string repr(const PassRule& value);
std::string repr(const TrendRule& value);
std::string repr(const HistoryAverageRule& value);
std::string repr(const Indicator& value);
std::string repr(const Category& value);
std::string repr(const std::map<std::string, Interval>& value);
std::string repr(const std::set<std::string>& value);
// The reprs bound with RoundPart and ConsequenceRule (bind_round_scheme.cpp).
std::string repr(const RoundPart& value) { return py::repr(py::cast(value)).cast<std::string>(); }
std::string repr(const ConsequenceRule& value) { return py::repr(py::cast(value)).cast<std::string>(); }
std::string repr(const RoundScheme& value);
template <class T>
std::string repr(const std::optional<T>& value);
template <class T>
std::string repr(const std::vector<T>& value);

template <class T>
std::string repr(const std::optional<T>& value) {
    return value ? repr(*value) : std::string("None");
}

template <class T>
std::string repr(const std::vector<T>& value) {
    std::string text = "[";
    for (std::size_t i = 0; i < value.size(); ++i) text += (i ? ", " : "") + repr(value[i]);
    return text + "]";
}

std::string repr(const std::map<std::string, Interval>& value) {
    std::string text = "{";
    bool first = true;
    for (const auto& [key, interval] : value) {
        text += (first ? "" : ", ") + repr(key) + ": " + repr(interval);
        first = false;
    }
    return text + "}";
}

// A Python set literal, {'a', 'b'}; only written when not empty (kw_unless), where {} would be a dict.
std::string repr(const std::set<std::string>& value) {
    std::string text = "{";
    bool first = true;
    for (const std::string& item : value) {
        text += (first ? "" : ", ") + repr(item);
        first = false;
    }
    return text + "}";
}

/// Builds `Type(a=1, b='x')`.
class Repr {
public:
    explicit Repr(const char* type) : text_(type) { text_ += '('; }
    template <class T>
    Repr& arg(const T& value) {
        separate();
        text_ += repr(value);
        return *this;
    }
    template <class T>
    Repr& kw(const char* key, const T& value) {
        separate();
        text_ += key;
        text_ += '=';
        text_ += repr(value);
        return *this;
    }
    /// The field only when it differs from its default.
    template <class T>
    Repr& kw_unless(const char* key, const T& value, const T& default_value) {
        if (!(value == default_value)) kw(key, value);
        return *this;
    }
    [[nodiscard]] std::string str() const { return text_ + ')'; }

private:
    void separate() {
        if (!first_) text_ += ", ";
        first_ = false;
    }
    std::string text_;
    bool first_ = true;
};

std::string repr(const Interval& value) {
    const bool open_low = value.low == -unbounded;
    const bool open_high = value.high == unbounded;
    if (open_low && open_high) return "Interval()";
    if (open_high) return "Interval.at_least(" + repr(value.low) + ")";
    if (open_low) return "Interval.at_most(" + repr(value.high) + ")";
    return Repr("Interval").arg(value.low).arg(value.high).str();
}

std::string repr(const Tier& value) { return Repr("Tier").kw("at", value.at).kw("score", value.score).str(); }

std::string repr(const PassRule& value) {
    return Repr("PassRule").kw("type", value.type).kw("value", value.value).str();
}

std::string repr(const ScoringRule& value) {
    const ScoringRule d;
    return Repr("ScoringRule")
        .kw_unless("type", value.type, d.type)
        .kw_unless("zero", value.zero, d.zero)
        .kw_unless("full", value.full, d.full)
        .kw_unless("tiers", value.tiers, d.tiers)
        .kw_unless("per_problem", value.per_problem, d.per_problem)
        .kw_unless("max_deduction", value.max_deduction, d.max_deduction)
        .str();
}

std::string repr(const TrendRule& value) {
    const TrendRule d;
    return Repr("TrendRule")
        .kw_unless("slope_test", value.slope_test, d.slope_test)
        .kw_unless("changes", value.changes, d.changes)
        .kw_unless("last_points", value.last_points, d.last_points)
        .kw_unless("confidence", value.confidence, d.confidence)
        .str();
}

std::string repr(const HistoryAverageRule& value) {
    const HistoryAverageRule d;
    return Repr("HistoryAverageRule")
        .kw_unless("years", value.years, d.years)
        .kw_unless("min_years", value.min_years, d.min_years)
        .kw_unless("year_mean", value.year_mean, d.year_mean)
        .str();
}

std::string repr(const Indicator& value) {
    const Indicator d;
    return Repr("Indicator")
        .kw("id", value.id)
        .kw_unless("name", value.name, d.name)
        .kw_unless("unit", value.unit, d.unit)
        .kw_unless("direction", value.direction, d.direction)
        .kw_unless("pass_", value.pass, d.pass)
        .kw_unless("pass_by_class", value.pass_by_class, d.pass_by_class)
        .kw_unless("classes_without_line", value.classes_without_line, d.classes_without_line)
        .kw_unless("bounds", value.bounds, d.bounds)
        .kw_unless("improvement", value.improvement, d.improvement)
        .kw_unless("kind", value.kind, d.kind)
        .kw_unless("weight", value.weight, d.weight)
        .kw_unless("scoring", value.scoring, d.scoring)
        .kw_unless("mode", value.mode, d.mode)
        .kw_unless("missing", value.missing, d.missing)
        .kw_unless("reliability", value.reliability, d.reliability)
        .kw_unless("notes", value.notes, d.notes)
        .kw_unless("source", value.source, d.source)
        .kw_unless("scope", value.scope, d.scope)
        .kw_unless("subunit_pass", value.subunit_pass, d.subunit_pass)
        .kw_unless("met_by", value.met_by, d.met_by)
        .kw_unless("trend", value.trend, d.trend)
        .kw_unless("history_average", value.history_average, d.history_average)
        .str();
}

std::string repr(const Category& value) {
    const Category d;
    return Repr("Category")
        .kw_unless("id", value.id, d.id)
        .kw_unless("name", value.name, d.name)
        .kw_unless("weight", value.weight, d.weight)
        .kw_unless("aggregation", value.aggregation, d.aggregation)
        .kw_unless("categories", value.categories, d.categories)
        .kw_unless("indicators", value.indicators, d.indicators)
        .kw_unless("notes", value.notes, d.notes)
        .str();
}

// A bundled scheme as files name it, by its id; any other as its constructor.
std::string repr(const RoundScheme& value) {
    if (is_bundled_round_scheme(value)) return "load_bundled_round_scheme(" + repr_string(value.id) + ")";
    const RoundScheme d;
    return Repr("RoundScheme")
        .arg(value.parts)
        .arg(value.year_weights)
        .arg(value.consequences)
        .kw_unless("id", value.id, d.id)
        .kw_unless("name", value.name, d.name)
        .kw_unless("first_year", value.first_year, d.first_year)
        .kw_unless("source", value.source, d.source)
        .str();
}

std::string repr(const FrameworkSpec& value) {
    const FrameworkSpec d;
    return Repr("FrameworkSpec")
        .kw_unless("id", value.id, d.id)
        .kw_unless("name", value.name, d.name)
        .kw_unless("edition", value.edition, d.edition)
        .kw_unless("issuer", value.issuer, d.issuer)
        .kw_unless("source", value.source, d.source)
        .kw_unless("reliability", value.reliability, d.reliability)
        .kw_unless("notes", value.notes, d.notes)
        .kw_unless("scale", value.scale, d.scale)
        .kw_unless("weighting", value.weighting, d.weighting)
        .kw_unless("missing", value.missing, d.missing)
        .kw_unless("min_coverage", value.min_coverage, d.min_coverage)
        .kw_unless("pass_rules", value.pass_rules, d.pass_rules)
        .kw_unless("round_scheme", value.round_scheme, d.round_scheme)
        .kw_unless("root", value.root, d.root)
        .str();
}

// ---- helpers -----------------------------------------------------------------------------------

/// An enum of the model, under the Python name its repr uses.
template <class Enum>
void bind_enum(py::module_& m, const char* doc) {
    civitas::python::bind_enum<Enum>(m, EnumTypeName<Enum>::value, doc);
}

/// `==`, `copy.copy`, `copy.deepcopy` and `__repr__` of a value type.
template <class T, class Class>
void value_type(Class& cls) {
    cls.def(py::self == any_object)  // Python derives != from ==
        .def("__copy__", [](const T& self) { return T(self); })
        .def("__deepcopy__", [](const T& self, const py::dict&) { return T(self); }, py::arg("memo"))
        .def("__repr__", [](const T& self) { return repr(self); });
}

}  // namespace

void register_framework(py::module_& m) {
    bind_enum<Direction>(m, "Which values are better, and so how the pass line reads.");
    bind_enum<ItemKind>(m, "Basic items (基本项) veto the title when failed; general items (一般项) count towards shares.");
    bind_enum<RuleType>(m, "How an indicator's measured value becomes a score share in [0, 1].");
    bind_enum<MissingPolicy>(m, "What missing data means: fail (scores 0, not met) or skip (left out, weights renormalised).");
    bind_enum<Aggregation>(m, "How a category combines its children's score shares.");
    bind_enum<Weighting>(m, "How weights are read: relative among siblings, or points adding up to the scale.");
    bind_enum<Reliability>(m, "How far a framework or indicator can be trusted.");
    bind_enum<PassRuleType>(m, "Conditions a unit must satisfy to pass, besides the veto of basic items.");
    bind_enum<IndicatorScope>(m, "Which units of a campaign an indicator judges: every_unit, or top_unit (city-wide items).");
    bind_enum<MetBy>(m, "How an indicator's line is met: by the level, or by the level or the trend.");

    // Declare every class before any signature mentions it.
    py::class_<Interval> interval(m, "Interval", "A closed interval [low, high]; an open end is +/-inf.");
    py::class_<Tier> tier(m, "Tier", "One step of a tiered rule: reaching `at` scores `score` (a share in [0, 1]).");
    py::class_<ScoringRule> rule(m, "ScoringRule", "Scoring rule of one indicator; which fields matter depends on `type`.");
    py::class_<TrendRule> trend_rule(m, "TrendRule", "The trend test of met_by level_or_trend (LevelOrTrendOptions as data).");
    py::class_<HistoryAverageRule> history_rule(
        m, "HistoryAverageRule", "Not above (lower) / not below (higher) the mean of the previous years (HistoryAverageOptions as data).");
    py::class_<Indicator> indicator(m, "Indicator", "An indicator: a measured value, its direction, pass line, weight and scoring rule.");
    py::class_<Category> category(m, "Category", "A category: a weighted group of indicators and subcategories.");
    py::class_<PassRule> pass_rule(m, "PassRule", "One pass rule: a condition and its threshold.");
    py::class_<FrameworkSpec> spec(m, "FrameworkSpec", "Everything a framework file holds, as plain data; `Framework` is its validated form.");
    py::class_<Framework> framework(m, "Framework", "A validated, immutable assessment framework.");

    interval
        .def(py::init([](double low, double high) { return Interval{low, high}; }),
             py::arg("low") = -unbounded, py::arg("high") = unbounded)
        .def_readwrite("low", &Interval::low, "Lower end, -inf when open.")
        .def_readwrite("high", &Interval::high, "Upper end, +inf when open.")
        .def_static("at_least", &Interval::at_least, py::arg("line"), "[line, +inf): at least `line`.")
        .def_static("at_most", &Interval::at_most, py::arg("line"), "(-inf, line]: at most `line`.")
        .def("contains", &Interval::contains, py::arg("value"), "True when low <= value <= high.")
        .def("__contains__", &Interval::contains, py::arg("value"))
        .def("distance", &Interval::distance, py::arg("value"), "Distance from value to the interval, 0 inside.")
        .def("__str__", [](const Interval& self) { return to_string(self); }, "The line as people write it: '>= 36', '<= 5.6', '[6.5, 8.5]', 'any'.")
        .def(py::pickle([](const Interval& self) { return py::make_tuple(self.low, self.high); },
                        [](const py::tuple& state) {
                            return Interval{state[0].cast<double>(), state[1].cast<double>()};
                        }));
    value_type<Interval>(interval);

    tier.def(py::init([](double at, double score) { return Tier{at, score}; }), py::arg("at") = 0.0,
             py::arg("score") = 0.0)
        .def_readwrite("at", &Tier::at, "Value that reaches the tier, in the indicator's unit.")
        .def_readwrite("score", &Tier::score, "Score share in [0, 1] for reaching it.")
        .def(py::pickle([](const Tier& self) { return py::make_tuple(self.at, self.score); },
                        [](const py::tuple& state) {
                            return Tier{state[0].cast<double>(), state[1].cast<double>()};
                        }));
    value_type<Tier>(tier);

    rule.def(py::init([](RuleType type, std::optional<Interval> zero, std::optional<Interval> full,
                         std::vector<Tier> tiers, double per_problem, std::optional<double> max_deduction) {
                 ScoringRule r;
                 r.type = type;
                 r.zero = zero;
                 r.full = full;
                 r.tiers = std::move(tiers);
                 r.per_problem = per_problem;
                 r.max_deduction = max_deduction;
                 return r;
             }),
             py::arg("type") = RuleType::pass_fail, py::arg("zero") = py::none(), py::arg("full") = py::none(),
             py::arg("tiers") = std::vector<Tier>{}, py::arg("per_problem") = 0.0,
             py::arg("max_deduction") = py::none())
        .def_readwrite("type", &ScoringRule::type, "The rule.")
        .def_readwrite("zero", &ScoringRule::zero, "linear: values outside score 0 (higher: [floor, inf)).")
        .def_readwrite("full", &ScoringRule::full, "linear, proportional: values inside score 1 (default: the pass line).")
        .def_readwrite("tiers", &ScoringRule::tiers, "tiers: the steps, any order (a copy; assign a new list to change).")
        .def_readwrite("per_problem", &ScoringRule::per_problem, "deduction: points deducted per problem, > 0.")
        .def_readwrite("max_deduction", &ScoringRule::max_deduction, "deduction: most points deducted (default: full points).")
        .def_static("pass_fail", &ScoringRule::pass_fail, "Pass/fail scoring.")
        .def_static("linear", &ScoringRule::linear, py::arg("zero"), py::arg("full") = py::none(),
                    "Linear from `zero` (score 0) to the pass line or `full` (score 1).")
        .def_static("deduction", &ScoringRule::deduction, py::arg("per_problem"),
                    py::arg("max_deduction") = py::none(),
                    "Deduction of `per_problem` points per problem, at most `max_deduction` points.");
    value_type<ScoringRule>(rule);

    trend_rule
        .def(py::init([](bool slope_test, int changes, int last_points, double confidence) {
                 return TrendRule{slope_test, changes, last_points, confidence};
             }),
             py::kw_only(), py::arg("slope_test") = false, py::arg("changes") = 2, py::arg("last_points") = 5,
             py::arg("confidence") = 0.95)
        .def_readwrite("slope_test", &TrendRule::slope_test, "True: the least-squares slope test; False: consecutive changes.")
        .def_readwrite("changes", &TrendRule::changes, "Consecutive test: changes that must all move the right way, >= 1.")
        .def_readwrite("last_points", &TrendRule::last_points, "Slope test: points in the fit, >= 3.")
        .def_readwrite("confidence", &TrendRule::confidence, "Slope test: one-sided confidence in (0, 1).");
    value_type<TrendRule>(trend_rule);

    history_rule
        .def(py::init([](int years, std::optional<int> min_years, bool year_mean) {
                 return HistoryAverageRule{years, min_years.value_or(years), year_mean};
             }),
             py::kw_only(), py::arg("years") = 5, py::arg("min_years") = py::none(), py::arg("year_mean") = false)
        .def_readwrite("years", &HistoryAverageRule::years, "Previous calendar years averaged, >= 1.")
        .def_readwrite("min_years", &HistoryAverageRule::min_years, "Of those, years that must have data, in [1, years].")
        .def_readwrite("year_mean", &HistoryAverageRule::year_mean, "A year's value: the mean of its points (True) or its last (False).");
    value_type<HistoryAverageRule>(history_rule);

    indicator
        .def(py::init([](std::string id, std::string name, std::string unit, Direction direction,
                         std::optional<Interval> pass, std::map<std::string, Interval> pass_by_class,
                         std::set<std::string> classes_without_line, std::optional<Interval> bounds, std::optional<Interval> improvement, ItemKind kind,
                         std::optional<double> weight, ScoringRule scoring, std::string mode,
                         std::optional<MissingPolicy> missing, std::optional<Reliability> reliability,
                         std::string notes, std::string source, IndicatorScope scope,
                         std::optional<Interval> subunit_pass, MetBy met_by, TrendRule trend,
                         std::optional<HistoryAverageRule> history_average) {
                 Indicator i;
                 i.id = std::move(id);
                 i.name = std::move(name);
                 i.unit = std::move(unit);
                 i.direction = direction;
                 i.pass = pass;
                 i.pass_by_class = std::move(pass_by_class);
                 i.classes_without_line = std::move(classes_without_line);
                 i.bounds = bounds;
                 i.improvement = improvement;
                 i.kind = kind;
                 i.weight = weight;
                 i.scoring = std::move(scoring);
                 i.mode = std::move(mode);
                 i.missing = missing;
                 i.reliability = reliability;
                 i.notes = std::move(notes);
                 i.source = std::move(source);
                 i.scope = scope;
                 i.subunit_pass = subunit_pass;
                 i.met_by = met_by;
                 i.trend = trend;
                 i.history_average = history_average;
                 return i;
             }),
             py::arg("id") = "", py::kw_only(), py::arg("name") = "", py::arg("unit") = "",
             py::arg("direction") = Direction::higher, py::arg("pass_") = py::none(),
             py::arg("pass_by_class") = std::map<std::string, Interval>{},
             py::arg("classes_without_line") = std::set<std::string>{}, py::arg("bounds") = py::none(),
             py::arg("improvement") = py::none(), py::arg("kind") = ItemKind::general,
             py::arg("weight") = py::none(), py::arg("scoring") = ScoringRule{}, py::arg("mode") = "",
             py::arg("missing") = py::none(), py::arg("reliability") = py::none(), py::arg("notes") = "",
             py::arg("source") = "", py::arg("scope") = IndicatorScope::every_unit, py::arg("subunit_pass") = py::none(),
             py::arg("met_by") = MetBy::level, py::arg("trend") = TrendRule{}, py::arg("history_average") = py::none())
        .def_readwrite("id", &Indicator::id, "Unique in the framework.")
        .def_readwrite("name", &Indicator::name, "Display name.")
        .def_readwrite("unit", &Indicator::unit, "Unit of the value ('%', 'm²/person', '').")
        .def_readwrite("direction", &Indicator::direction, "Which values are better.")
        .def_readwrite("pass_", &Indicator::pass, "Pass line (C++ `pass`); None for yes_no.")
        .def_readwrite("pass_by_class", &Indicator::pass_by_class, "Pass line by unit class, overriding `pass_` (a copy).")
        .def_readwrite("classes_without_line", &Indicator::classes_without_line,
                       "Unit classes whose line the source does not give (null in the file's pass_by_class): a unit of one is "
                       "not judged on the indicator (invalid data), never on `pass_` (a copy).")
        .def_readwrite("bounds", &Indicator::bounds, "Values possible at all; others are invalid data.")
        .def_readwrite("improvement", &Indicator::improvement, "Optional higher line (提升项).")
        .def_readwrite("kind", &Indicator::kind, "Basic (veto) or general.")
        .def_readwrite("weight", &Indicator::weight, "Relative weight (default 1) or points.")
        .def_readwrite("scoring", &Indicator::scoring, "How the value scores.")
        .def_readwrite("mode", &Indicator::mode, "Assessment mode: field_inspection, document_review, ...")
        .def_readwrite("missing", &Indicator::missing, "Overrides the framework's missing-data policy.")
        .def_readwrite("reliability", &Indicator::reliability, "Overrides the framework's trust tag.")
        .def_readwrite("notes", &Indicator::notes, "Free text.")
        .def_readwrite("source", &Indicator::source, "Where the line comes from.")
        .def_readwrite("scope", &Indicator::scope, "Which units of a campaign it judges (IndicatorScope).")
        .def_readwrite("subunit_pass", &Indicator::subunit_pass,
                       "Line of every direct sub-unit; the top unit meets the item only when its own value meets `pass_` and "
                       "every sub-unit with data meets this.")
        .def_readwrite("met_by", &Indicator::met_by, "Met by the level alone, or by the level or the trend (MetBy).")
        .def_readwrite("trend", &Indicator::trend, "The trend test of met_by level_or_trend (TrendRule).")
        .def_readwrite("history_average", &Indicator::history_average,
                       "Met when the latest year is not worse than the mean of the previous years (HistoryAverageRule), or None.");
    value_type<Indicator>(indicator);
    m.def("unit_line", &unit_line, py::arg("indicator"), py::arg("unit_class") = "", py::arg("sub_unit") = false,
          "The line a unit is judged on: for a sub-unit, subunit_pass when the indicator has one; else the class's "
          "pass_by_class line, else pass_; a problem count without one at most 0, a yes/no condition yes ([1, 1]); "
          "None when there is no line for that class.");

    category
        .def(py::init([](std::string id, std::string name, std::optional<double> weight, Aggregation aggregation,
                         std::vector<Category> categories, std::vector<Indicator> indicators, std::string notes) {
                 Category c;
                 c.id = std::move(id);
                 c.name = std::move(name);
                 c.weight = weight;
                 c.aggregation = aggregation;
                 c.categories = std::move(categories);
                 c.indicators = std::move(indicators);
                 c.notes = std::move(notes);
                 return c;
             }),
             py::arg("id") = "", py::kw_only(), py::arg("name") = "", py::arg("weight") = py::none(),
             py::arg("aggregation") = Aggregation::arithmetic, py::arg("categories") = std::vector<Category>{},
             py::arg("indicators") = std::vector<Indicator>{}, py::arg("notes") = "")
        .def_readwrite("id", &Category::id, "Unique in the framework.")
        .def_readwrite("name", &Category::name, "Display name.")
        .def_readwrite("weight", &Category::weight, "Relative weight (default 1) or points (default: children's sum).")
        .def_readwrite("aggregation", &Category::aggregation, "How children combine.")
        .def_readwrite("categories", &Category::categories, "Subcategories (a copy; assign a new list to change).")
        .def_readwrite("indicators", &Category::indicators, "Indicators directly here (a copy; assign a new list to change).")
        .def_readwrite("notes", &Category::notes, "Free text.");
    value_type<Category>(category);

    pass_rule
        .def(py::init([](PassRuleType type, double value) { return PassRule{type, value}; }),
             py::arg("type") = PassRuleType::all_basic_met, py::arg("value") = 0.0)
        .def_readwrite("type", &PassRule::type, "The condition.")
        .def_readwrite("value", &PassRule::value, "Its threshold (a share in [0, 1], a count or points).")
        .def(py::pickle([](const PassRule& self) { return py::make_tuple(self.type, self.value); },
                        [](const py::tuple& state) {
                            return PassRule{state[0].cast<PassRuleType>(), state[1].cast<double>()};
                        }));
    value_type<PassRule>(pass_rule);

    spec.def(py::init([](std::string id, std::string name, std::string edition, std::string issuer,
                         std::string source, Reliability reliability, std::string notes, double scale,
                         Weighting weighting, MissingPolicy missing, double min_coverage,
                         std::vector<PassRule> pass_rules, Category root, std::optional<RoundScheme> round_scheme) {
                 FrameworkSpec s;
                 s.id = std::move(id);
                 s.name = std::move(name);
                 s.edition = std::move(edition);
                 s.issuer = std::move(issuer);
                 s.source = std::move(source);
                 s.reliability = reliability;
                 s.notes = std::move(notes);
                 s.scale = scale;
                 s.weighting = weighting;
                 s.missing = missing;
                 s.min_coverage = min_coverage;
                 s.pass_rules = std::move(pass_rules);
                 s.root = std::move(root);
                 s.round_scheme = std::move(round_scheme);
                 return s;
             }),
             py::arg("id") = "", py::kw_only(), py::arg("name") = "", py::arg("edition") = "",
             py::arg("issuer") = "", py::arg("source") = "", py::arg("reliability") = Reliability::illustrative,
             py::arg("notes") = "", py::arg("scale") = 100.0, py::arg("weighting") = Weighting::relative,
             py::arg("missing") = MissingPolicy::fail, py::arg("min_coverage") = 0.0,
             py::arg("pass_rules") = std::vector<PassRule>{}, py::arg("root") = Category{}, py::arg("round_scheme") = py::none())
        .def_readwrite("id", &FrameworkSpec::id, "Short id ('garden-city-2010').")
        .def_readwrite("name", &FrameworkSpec::name, "Title ('国家园林城市标准').")
        .def_readwrite("edition", &FrameworkSpec::edition, "Edition or year.")
        .def_readwrite("issuer", &FrameworkSpec::issuer, "Issuing body.")
        .def_readwrite("source", &FrameworkSpec::source, "Where it comes from.")
        .def_readwrite("reliability", &FrameworkSpec::reliability, "Trust tag.")
        .def_readwrite("notes", &FrameworkSpec::notes, "Free text.")
        .def_readwrite("scale", &FrameworkSpec::scale, "Points of a perfect score, > 0.")
        .def_readwrite("weighting", &FrameworkSpec::weighting, "How weights read.")
        .def_readwrite("missing", &FrameworkSpec::missing, "Default for missing data.")
        .def_readwrite("min_coverage", &FrameworkSpec::min_coverage, "Share in [0, 1] of weight with data below which no score is given.")
        .def_readwrite("pass_rules", &FrameworkSpec::pass_rules, "Besides the veto; empty means every counted indicator met (a copy).")
        .def_readwrite("root", &FrameworkSpec::root, "The top level (its id, name and weight are unused).")
        .def_readwrite("round_scheme", &FrameworkSpec::round_scheme,
                       "How a campaign scores the rounds of a title it judges when the title has no scheme of its own; None: none.");
    value_type<FrameworkSpec>(spec);

    framework
        .def(py::init<FrameworkSpec>(), py::arg("spec"),
             "Validates `spec`; raises ValidationError naming the JSON path of the first problem.")
        // A copy: a Framework is immutable, and a reference would let Python change it.
        .def_property_readonly("spec", [](const Framework& self) { return self.spec(); },
                               "The framework as plain data (a copy).")
        .def_property_readonly("id", &Framework::id)
        .def_property_readonly("name", &Framework::name)
        .def_property_readonly("scale", &Framework::scale, "Points of a perfect score.")
        .def_property_readonly("indicator_ids", &Framework::indicator_ids, "Indicator ids in file order (depth first).")
        .def_property_readonly(
            "effective_weights",
            [](const py::object& self) {
                const auto& weights = self.cast<const Framework&>().effective_weights();
                py::array_t<double> view({static_cast<py::ssize_t>(weights.size())}, {static_cast<py::ssize_t>(sizeof(double))},
                                         weights.data(), self);
                make_readonly(view);
                return view;
            },
            "Share in [0, 1] of each indicator in the total, in indicator order; sums to 1 "
            "(a read-only view).")
        .def_property_readonly(
            "indicators",
            [](const Framework& self) {
                std::vector<Indicator> copies;
                copies.reserve(self.indicators().size());
                for (const Indicator* i : self.indicators()) copies.push_back(*i);
                return copies;
            },
            "Indicators in file order (depth first), as copies.")
        .def_property_readonly(
            "categories",
            [](const Framework& self) {
                std::vector<Category> copies;
                copies.reserve(self.categories().size());
                for (const Category* c : self.categories()) copies.push_back(*c);
                return copies;
            },
            "Categories in file order (depth first), without the root, as copies.")
        .def("indicator", [](const Framework& self, const std::string& id) { return self.indicator(id); },
             py::arg("id"), "The indicator with this id (a copy); raises NotFoundError.")
        .def("indicator_index", &Framework::indicator_index, py::arg("id"),
             "Position of an indicator in `indicator_ids`; raises NotFoundError.")
        .def("indicator_path", &Framework::indicator_path, py::arg("index"),
             "JSON path of an indicator in the framework file.")
        .def("indicator_categories", &Framework::indicator_categories, py::arg("index"),
             "Category ids on the way from the top to the indicator's parent.")
        .def("__len__", [](const Framework& self) { return self.indicators().size(); }, "Number of indicators.")
        .def("__contains__",
             [](const Framework& self, const std::string& id) {
                 for (const Indicator* i : self.indicators())
                     if (i->id == id) return true;
                 return false;
             },
             py::arg("id"))
        .def("_repr_html_", html_method("framework_html"), html_doc)
        .def("__repr__", [](const Framework& self) { return to_string(self); })
        .def(py::self == any_object)
        .def("__copy__", [](const Framework& self) { return self; })
        .def("__deepcopy__", [](const Framework& self, const py::dict&) { return self; }, py::arg("memo"))
        .def(py::pickle([](const Framework& self) { return framework_to_json(self); },
                        [](const std::string& json) { return parse_framework(json, "<pickle>"); }));
}

}  // namespace civitas::python
