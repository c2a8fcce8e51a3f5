// Framework files (civitas-framework/1): strict reading with JSON paths in errors, lossless writing.

#include <civitas/core/error.hpp>
#include <civitas/io/framework_io.hpp>

#include "core/detail/number_format.hpp"
#include "io/detail/file_text.hpp"
#include "io/detail/file_write.hpp"
#include "io/detail/json_reader.hpp"
#include "io/detail/round_scheme_reader.hpp"

#include <cmath>

namespace civitas {

using detail::format_number;
using detail::Json;
using Node = detail::JsonNode;

namespace {

// ---- reading ----------------------------------------------------------------------------

// A line: a number for one-sided directions, [low, high] for range.
Interval read_line(const Node& node, Direction direction) {
    if (direction == Direction::range) {
        if (!node.value().is_array() || node.value().size() != 2) node.expected(Message("[low, high]"_en, "数组 [low, high]"_zh));
        return {node.at(std::size_t{0}).number(), node.at(std::size_t{1}).number()};
    }
    if (!node.value().is_number()) node.expected(Message("a number (direction '{0}')"_en, "数字（方向 '{0}'）"_zh, {to_string(direction)}));
    const double line = node.number();
    return direction == Direction::higher ? Interval::at_least(line) : Interval::at_most(line);
}

// [low, high] where null is an open end.
Interval read_bounds(const Node& node) {
    if (!node.value().is_array() || node.value().size() != 2)
        node.expected(Message("[low, high] (null for an open end)"_en, "[low, high]（null 表示该端不设限）"_zh));
    const Node low = node.at(std::size_t{0}), high = node.at(std::size_t{1});
    return {low.value().is_null() ? -unbounded : low.number(), high.value().is_null() ? unbounded : high.number()};
}

ScoringRule read_scoring(const Node& node, Direction direction) {
    node.require_object({"rule", "zero", "full", "tiers", "per_problem", "max_deduction"});
    ScoringRule rule;
    rule.type = node.enum_or("rule", RuleType::pass_fail);
    if (node.has("zero")) {
        const Node zero = node.at("zero");
        if (direction == Direction::range) rule.zero = read_line(zero, direction);
        else if (direction == Direction::higher) rule.zero = Interval::at_least(zero.number());
        else rule.zero = Interval::at_most(zero.number());
    }
    if (node.has("full")) rule.full = read_line(node.at("full"), direction);
    if (node.has("tiers"))
        for (const Node& tier : node.at("tiers").array()) {
            tier.require_object({"at", "score"});
            rule.tiers.push_back({tier.at("at").number(), tier.at("score").number()});
        }
    rule.per_problem = node.number_or("per_problem", 0.0);
    rule.max_deduction = node.optional_number("max_deduction");
    return rule;
}

Indicator read_indicator(const Node& node) {
    node.require_object({"id", "name", "unit", "direction", "pass", "pass_by_class", "bounds", "improvement", "kind",
                         "weight", "scoring", "mode", "missing", "reliability", "notes", "source", "scope", "subunit_pass",
                         "met_by", "trend", "history_average"});
    Indicator indicator;
    indicator.id = node.at("id").text();
    indicator.name = node.text_or("name");
    indicator.unit = node.text_or("unit");
    indicator.direction = node.enum_or("direction", Direction::higher);
    if (node.has("pass")) indicator.pass = read_line(node.at("pass"), indicator.direction);
    if (node.has("pass_by_class")) {
        const Node classes = node.at("pass_by_class");
        if (!classes.value().is_object()) classes.expected(Message("an object of class name to pass line"_en, "以类别名称为键、达标线为值的对象"_zh));
        for (const auto& item : classes.value().items()) {
            if (item.value().is_null()) {  // a band whose line the source does not give
                indicator.classes_without_line.insert(item.key());
                continue;
            }
            indicator.pass_by_class[item.key()] =
                read_line(Node(item.value(), classes.path() + "." + item.key(), node.file()), indicator.direction);
        }
    }
    if (node.has("bounds")) indicator.bounds = read_bounds(node.at("bounds"));
    if (node.has("improvement")) indicator.improvement = read_line(node.at("improvement"), indicator.direction);
    indicator.kind = node.enum_or("kind", ItemKind::general);
    indicator.weight = node.optional_number("weight");
    if (node.has("scoring")) indicator.scoring = read_scoring(node.at("scoring"), indicator.direction);
    indicator.mode = node.text_or("mode");
    indicator.missing = node.optional_enum<MissingPolicy>("missing");
    indicator.reliability = node.optional_enum<Reliability>("reliability");
    indicator.notes = node.prose_or("notes");
    indicator.source = node.prose_or("source");
    indicator.scope = node.enum_or("scope", IndicatorScope::every_unit);
    if (node.has("subunit_pass")) indicator.subunit_pass = read_line(node.at("subunit_pass"), indicator.direction);
    indicator.met_by = node.enum_or("met_by", MetBy::level);
    if (node.has("trend")) {
        const Node trend = node.at("trend");
        trend.require_object({"test", "changes", "last_points", "confidence"});
        if (trend.has("test")) {
            const std::string test = trend.at("test").text();
            if (test != "consecutive" && test != "slope") trend.at("test").expected(Message("\"consecutive\" or \"slope\""_en, "\"consecutive\" 或 \"slope\""_zh));
            indicator.trend.slope_test = test == "slope";
        }
        indicator.trend.changes = static_cast<int>(trend.integer_or("changes", 2, 1, 1000));
        indicator.trend.last_points = static_cast<int>(trend.integer_or("last_points", 5, 3, 1000));
        indicator.trend.confidence = trend.number_or("confidence", 0.95);
    }
    if (node.has("history_average")) {
        const Node history = node.at("history_average");
        history.require_object({"years", "min_years", "year_value"});
        HistoryAverageRule rule;
        rule.years = static_cast<int>(history.integer_or("years", 5, 1, 1000));
        rule.min_years = static_cast<int>(history.integer_or("min_years", rule.years, 1, 1000));
        if (history.has("year_value")) {
            const std::string value = history.at("year_value").text();
            if (value != "last" && value != "mean") history.at("year_value").expected(Message("\"last\" or \"mean\""_en, "\"last\" 或 \"mean\""_zh));
            rule.year_mean = value == "mean";
        }
        indicator.history_average = rule;
    }
    return indicator;
}

// Categories nest at most `limits.depth` deep (`depth` is the level of `category`: 0 for the root).
void read_children(const Node& node, Category& category, std::size_t depth, const Limits& limits) {
    if (node.has("indicators"))
        for (const Node& item : node.at("indicators").array()) category.indicators.push_back(read_indicator(item));
    if (node.has("categories"))
        for (const Node& item : node.at("categories").array()) {
            item.require_object({"id", "name", "weight", "aggregation", "notes", "categories", "indicators"});
            Category child;
            child.id = item.at("id").text();
            child.name = item.text_or("name");
            child.weight = item.optional_number("weight");
            child.aggregation = item.enum_or("aggregation", Aggregation::arithmetic);
            child.notes = item.prose_or("notes");
            if (depth + 1 > limits.depth)
                throw detail::limit_exceeded(item.file(), item.path(), Message("categories nested {0} deep"_en, "类别嵌套 {0} 层"_zh, {std::to_string(depth + 1)}),
                                             limits.depth, "depth");
            read_children(item, child, depth + 1, limits);
            category.categories.push_back(std::move(child));
        }
}

FrameworkSpec read_spec(const Node& root, const Limits& limits) {
    root.require_object({"format", "id", "name", "edition", "issuer", "source", "reliability", "notes", "scale", "weighting",
                         "missing", "min_coverage", "aggregation", "pass_rules", "round_scheme", "categories", "indicators"});
    if (root.has("format") && root.at("format").text() != framework_format)
        root.at("format").fail(Message("\"{0}\" is not a format this version reads; expected \"{1}\""_en, "\"{0}\" 不是本版本能读取的格式；应为 \"{1}\""_zh,
                                       {root.at("format").text(), framework_format}));
    FrameworkSpec spec;
    spec.id = root.at("id").text();
    spec.name = root.at("name").text();
    spec.edition = root.text_or("edition");
    spec.issuer = root.text_or("issuer");
    spec.source = root.prose_or("source");
    spec.reliability = root.at("reliability").enumeration<Reliability>();
    spec.notes = root.prose_or("notes");
    spec.scale = root.number_or("scale", 100.0);
    spec.weighting = root.enum_or("weighting", Weighting::relative);
    spec.missing = root.enum_or("missing", MissingPolicy::fail);
    spec.min_coverage = root.number_or("min_coverage", 0.0);
    spec.root.id = spec.id;
    spec.root.name = spec.name;
    spec.root.aggregation = root.enum_or("aggregation", Aggregation::arithmetic);
    if (root.has("pass_rules"))
        for (const Node& item : root.at("pass_rules").array()) {
            item.require_object({"rule", "value"});
            PassRule rule;
            rule.type = item.at("rule").enumeration<PassRuleType>();
            rule.value = rule.type == PassRuleType::all_basic_met ? item.number_or("value", 0.0) : item.at("value").number();
            spec.pass_rules.push_back(rule);
        }
    if (root.has("round_scheme")) spec.round_scheme = detail::read_round_scheme_reference(root.at("round_scheme"));
    read_children(root, spec.root, 0, limits);
    return spec;
}

// ---- writing ----------------------------------------------------------------------------

Json write_number(double value) {
    // Whole numbers are written without a fraction so files stay as people wrote them.
    if (std::abs(value) < 9e15 && value == std::floor(value)) return static_cast<std::int64_t>(value);
    return value;
}

Json write_line(const Interval& line, Direction direction) {
    if (direction == Direction::range) return Json::array({write_number(line.low), write_number(line.high)});
    return write_number(direction == Direction::higher ? line.low : line.high);
}

Json write_end(double value) { return std::isinf(value) ? Json(nullptr) : write_number(value); }

Json write_indicator(const Indicator& indicator) {
    Json j;
    j["id"] = indicator.id;
    if (!indicator.name.empty()) j["name"] = indicator.name;
    if (!indicator.unit.empty()) j["unit"] = indicator.unit;
    j["direction"] = to_string(indicator.direction);
    if (indicator.pass) j["pass"] = write_line(*indicator.pass, indicator.direction);
    if (!indicator.pass_by_class.empty() || !indicator.classes_without_line.empty()) {
        Json classes = Json::object();
        for (const auto& [name, line] : indicator.pass_by_class) classes[name] = write_line(line, indicator.direction);
        for (const std::string& name : indicator.classes_without_line) classes[name] = nullptr;
        j["pass_by_class"] = classes;
    }
    if (indicator.bounds) j["bounds"] = Json::array({write_end(indicator.bounds->low), write_end(indicator.bounds->high)});
    if (indicator.improvement) j["improvement"] = write_line(*indicator.improvement, indicator.direction);
    if (indicator.kind != ItemKind::general) j["kind"] = to_string(indicator.kind);
    if (indicator.weight) j["weight"] = write_number(*indicator.weight);
    const ScoringRule& rule = indicator.scoring;
    if (rule != ScoringRule{}) {
        Json s;
        s["rule"] = to_string(rule.type);
        if (rule.zero) {
            const Direction d = indicator.direction;
            s["zero"] = d == Direction::range ? write_line(*rule.zero, d)
                                              : write_number(d == Direction::higher ? rule.zero->low : rule.zero->high);
        }
        if (rule.full) s["full"] = write_line(*rule.full, indicator.direction);
        if (!rule.tiers.empty()) {
            Json tiers = Json::array();
            for (const Tier& tier : rule.tiers) tiers.push_back({{"at", write_number(tier.at)}, {"score", write_number(tier.score)}});
            s["tiers"] = tiers;
        }
        if (rule.per_problem != 0) s["per_problem"] = write_number(rule.per_problem);
        if (rule.max_deduction) s["max_deduction"] = write_number(*rule.max_deduction);
        j["scoring"] = s;
    }
    if (!indicator.mode.empty()) j["mode"] = indicator.mode;
    if (indicator.missing) j["missing"] = to_string(*indicator.missing);
    if (indicator.reliability) j["reliability"] = to_string(*indicator.reliability);
    if (!indicator.notes.empty()) j["notes"] = indicator.notes;
    if (!indicator.source.empty()) j["source"] = indicator.source;
    if (indicator.scope != IndicatorScope::every_unit) j["scope"] = to_string(indicator.scope);
    if (indicator.subunit_pass) j["subunit_pass"] = write_line(*indicator.subunit_pass, indicator.direction);
    if (indicator.met_by != MetBy::level) j["met_by"] = to_string(indicator.met_by);
    if (indicator.trend != TrendRule{}) {
        Json t;
        t["test"] = indicator.trend.slope_test ? "slope" : "consecutive";
        t["changes"] = indicator.trend.changes;
        t["last_points"] = indicator.trend.last_points;
        t["confidence"] = write_number(indicator.trend.confidence);
        j["trend"] = t;
    }
    if (indicator.history_average) {
        Json h;
        h["years"] = indicator.history_average->years;
        h["min_years"] = indicator.history_average->min_years;
        h["year_value"] = indicator.history_average->year_mean ? "mean" : "last";
        j["history_average"] = h;
    }
    return j;
}

void write_children(const Category& category, Json& j) {
    if (!category.indicators.empty()) {
        Json items = Json::array();
        for (const Indicator& indicator : category.indicators) items.push_back(write_indicator(indicator));
        j["indicators"] = items;
    }
    if (!category.categories.empty()) {
        Json items = Json::array();
        for (const Category& child : category.categories) {
            Json c;
            c["id"] = child.id;
            if (!child.name.empty()) c["name"] = child.name;
            if (child.weight) c["weight"] = write_number(*child.weight);
            if (child.aggregation != Aggregation::arithmetic) c["aggregation"] = to_string(child.aggregation);
            if (!child.notes.empty()) c["notes"] = child.notes;
            write_children(child, c);
            items.push_back(c);
        }
        j["categories"] = items;
    }
}


}  // namespace

Framework parse_framework(std::string_view text, const std::string& file, const ReadOptions& options) {
    const Json document = detail::parse_json(text, file, options.limits);
    const FrameworkSpec spec = read_spec(Node(document, "$", file), options.limits);
    try {
        return Framework(spec);
    } catch (const ValidationError& error) {
        throw ParseError(file, error.path(), error.detail());
    }
}

Framework load_framework(const std::filesystem::path& path, const ReadOptions& options) {
    return parse_framework(detail::read_json_file(path, options.limits), path.string(), options);
}

std::string framework_to_json(const Framework& framework, int indent) {
    const FrameworkSpec& spec = framework.spec();
    Json j;
    j["format"] = framework_format;
    j["id"] = spec.id;
    j["name"] = spec.name;
    if (!spec.edition.empty()) j["edition"] = spec.edition;
    if (!spec.issuer.empty()) j["issuer"] = spec.issuer;
    if (!spec.source.empty()) j["source"] = spec.source;
    j["reliability"] = to_string(spec.reliability);
    if (!spec.notes.empty()) j["notes"] = spec.notes;
    j["scale"] = write_number(spec.scale);
    j["weighting"] = to_string(spec.weighting);
    j["missing"] = to_string(spec.missing);
    if (spec.min_coverage != 0) j["min_coverage"] = write_number(spec.min_coverage);
    if (spec.root.aggregation != Aggregation::arithmetic) j["aggregation"] = to_string(spec.root.aggregation);
    if (!spec.pass_rules.empty()) {
        Json rules = Json::array();
        for (const PassRule& rule : spec.pass_rules) {
            Json r;
            r["rule"] = to_string(rule.type);
            if (rule.type != PassRuleType::all_basic_met) r["value"] = write_number(rule.value);
            rules.push_back(r);
        }
        j["pass_rules"] = rules;
    }
    if (spec.round_scheme) j["round_scheme"] = detail::round_scheme_reference_json(*spec.round_scheme);
    write_children(spec.root, j);
    return j.dump(indent) + "\n";
}

void save_framework(const Framework& framework, const std::filesystem::path& path) {
    detail::write_file_atomically(path, framework_to_json(framework));
}

}  // namespace civitas
