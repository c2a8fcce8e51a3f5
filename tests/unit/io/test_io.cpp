// Files: framework JSON (errors with file and location, round trips, UTF-8), value tables (CSV),
// bundled frameworks.

#include "support.hpp"

#include <civitas/civitas.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <vector>

using namespace civitas;
using namespace civitas::test;
using Json = nlohmann::ordered_json;

namespace {

/// A framework with an indicator at the top level and a category with two indicators, so that
/// both `$.indicators[0]` and `$.categories[0].indicators[1]` exist in its file.
Framework base_framework() {
    auto s = spec_of({category("env", {higher("green", 36, 2.0), lower("pm25", 35, 1.0)})}, "base");
    s.name = "base";
    s.root.indicators = {yes_no("plan", 1.0)};
    return Framework(s);
}

Json base_json() { return Json::parse(framework_to_json(base_framework())); }

/// Parses `text`, expecting a ParseError; returns it (file "bad.json").
ParseError parse_error_of(const std::string& text) {
    try {
        (void)parse_framework(text, "bad.json");
    } catch (const ParseError& e) {
        return e;
    } catch (const std::exception& e) {
        ADD_FAILURE() << "expected civitas::ParseError, got: " << e.what();
        return ParseError("", "", Message());
    }
    ADD_FAILURE() << "expected civitas::ParseError, nothing was thrown";
    return ParseError("", "", Message());
}


}  // namespace

// ---------------------------------------------------------------------------------------------
// Framework JSON: errors

TEST(FrameworkFile, TheBaseFileParses) {
    // The layout the error paths below rely on: top-level indicators and categories.
    const auto j = base_json();
    ASSERT_TRUE(j.contains("indicators"));
    ASSERT_TRUE(j.contains("categories"));
    EXPECT_EQ(j["format"], framework_format);
    EXPECT_TRUE(parse_framework(j.dump()) == base_framework());
}

TEST(FrameworkFile, MalformedJsonHasLineAndColumn) {
    // The value of "name" is missing: the parser meets '}' at line 4, column 1.
    const std::string text = "{\n  \"id\": \"x\",\n  \"name\": \n}\n";
    const auto e = parse_error_of(text);
    EXPECT_EQ(e.file(), "bad.json");
    EXPECT_EQ(e.location(), "line 4, column 1");
    EXPECT_TRUE(mentions(e.what(), "bad.json")) << e.what();
}

TEST(FrameworkFile, MalformedJsonColumnInsideALine) {
    // A trailing comma inside the array: the parser meets ']' at line 2, column 16.
    //   `  "bounds": [1,]` -> columns: 2 spaces, "bounds" (8 chars) = 10, ':' 11, ' ' 12, '[' 13, '1' 14, ',' 15, ']' 16
    const std::string text = "{\n  \"bounds\": [1,]\n}\n";
    EXPECT_EQ(parse_error_of(text).location(), "line 2, column 16");
}

TEST(FrameworkFile, EmptyText) {
    const auto e = parse_error_of("");
    EXPECT_EQ(e.file(), "bad.json");
    EXPECT_TRUE(mentions(e.location(), "line 1")) << e.location();
}

TEST(FrameworkFile, MissingRequiredField) {
    auto j = base_json();
    j["indicators"][0].erase("id");
    const auto e = parse_error_of(j.dump(2));
    EXPECT_EQ(e.file(), "bad.json");
    EXPECT_EQ(e.location(), "$.indicators[0].id");
    EXPECT_TRUE(mentions_all_and_any(e.what(), {"id"}, {"missing", "required"}));
}

TEST(FrameworkFile, MissingFrameworkId) {
    auto j = base_json();
    j.erase("id");
    EXPECT_EQ(parse_error_of(j.dump(2)).location(), "$.id");
}

TEST(FrameworkFile, WrongType) {
    auto j = base_json();
    j["scale"] = "100";
    const auto e = parse_error_of(j.dump(2));
    EXPECT_EQ(e.location(), "$.scale");
    EXPECT_TRUE(mentions_all_and_any(e.what(), {"100", "number"}));
}

TEST(FrameworkFile, WrongTypeDeepInside) {
    auto j = base_json();
    j["categories"][0]["indicators"][0]["pass"] = "36%";
    const auto e = parse_error_of(j.dump(2));
    EXPECT_EQ(e.location(), "$.categories[0].indicators[0].pass");
    EXPECT_TRUE(mentions_all_and_any(e.what(), {"36%", "number"}));
}

TEST(FrameworkFile, UnknownKey) {
    auto j = base_json();
    j["indicators"][0]["colour"] = "red";
    const auto e = parse_error_of(j.dump(2));
    EXPECT_EQ(e.location().rfind("$.indicators[0]", 0), 0u) << e.location();
    // names the key and the keys that were expected
    EXPECT_TRUE(mentions_all_and_any(e.what(), {"colour", "direction", "weight", "pass", "scoring"}));
}

TEST(FrameworkFile, UnknownTopLevelKey) {
    auto j = base_json();
    j["indicator"] = Json::array();
    const auto e = parse_error_of(j.dump(2));
    EXPECT_EQ(e.location().rfind("$", 0), 0u) << e.location();
    EXPECT_TRUE(mentions_all_and_any(e.what(), {"\'indicator\'", "indicators", "categories"}, {}));
}

TEST(FrameworkFile, BadEnumValueListsTheNames) {
    auto j = base_json();
    j["categories"][0]["indicators"][0]["direction"] = "upward";
    const auto e = parse_error_of(j.dump(2));
    EXPECT_EQ(e.location(), "$.categories[0].indicators[0].direction");
    EXPECT_TRUE(mentions_all_and_any(e.what(), {"upward", "higher", "lower", "range", "yes_no", "problem_count"}));
}

TEST(FrameworkFile, BadRuleName) {
    auto j = base_json();
    j["categories"][0]["indicators"][1]["scoring"] = {{"rule", "quadratic"}};
    const auto e = parse_error_of(j.dump(2));
    EXPECT_EQ(e.location(), "$.categories[0].indicators[1].scoring.rule");
    EXPECT_TRUE(mentions_all_and_any(e.what(), {"quadratic", "pass_fail", "linear", "proportional", "tiers", "deduction"}));
}

TEST(FrameworkFile, NegativeWeight) {
    auto j = base_json();
    j["categories"][0]["indicators"][1]["weight"] = -2;
    const auto e = parse_error_of(j.dump(2));
    EXPECT_EQ(e.file(), "bad.json");
    EXPECT_EQ(e.location(), "$.categories[0].indicators[1].weight");
    EXPECT_TRUE(mentions_all_and_any(e.what(), {"-2"}, {"positive", "> 0", ">0", "greater than"}));
}

TEST(FrameworkFile, ValidationErrorsBecomeParseErrorsAtTheirPath) {
    auto j = base_json();
    j["categories"][0]["indicators"][1]["id"] = "green";  // duplicate id
    EXPECT_EQ(parse_error_of(j.dump(2)).location(), "$.categories[0].indicators[1].id");
}

TEST(FrameworkFile, UnknownFormatVersion) {
    auto j = base_json();
    j["format"] = "civitas-framework/9";
    const auto e = parse_error_of(j.dump(2));
    EXPECT_EQ(e.location(), "$.format");
    EXPECT_TRUE(mentions_all_and_any(e.what(), {"civitas-framework/9", "civitas-framework/1"}));
}

TEST(FrameworkFile, LoadingABadFileNamesIt) {
    TempFolder folder;
    const auto path = folder.path() / "broken.json";
    std::ofstream(path) << "{ \"id\": ";
    try {
        (void)load_framework(path);
        ADD_FAILURE() << "expected ParseError";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.file(), path.string());
        EXPECT_TRUE(mentions(e.what(), "broken.json")) << e.what();
    }
}

TEST(FrameworkFile, LoadingAMissingFileThrows) {
    TempFolder folder;
    try {
        (void)load_framework(folder.path() / "absent.json");
        ADD_FAILURE() << "expected an error";
    } catch (const civitas::Error& e) {
        EXPECT_TRUE(mentions(e.what(), "absent.json")) << e.what();
    }
}

// ---------------------------------------------------------------------------------------------
// Framework JSON: reading by hand-written text, round trips

TEST(FrameworkFile, HandWrittenFile) {
    // The format of data/frameworks/*.json: a number for one-sided lines, [low, high] for range,
    // `zero` as a number for one-sided rules.
    const std::string text = R"({
  "format": "civitas-framework/1",
  "id": "hand",
  "name": "国家园林城市标准（测试）",
  "reliability": "illustrative",
  "pass_rules": [{"rule": "min_total", "value": 60}],
  "categories": [
    {"id": "greening", "name": "绿地建设", "weight": 3, "indicators": [
      {"id": "green", "name": "建成区绿化覆盖率", "unit": "%", "direction": "higher", "pass": 36,
       "improvement": 40, "bounds": [0, 100], "kind": "basic",
       "scoring": {"rule": "linear", "zero": 20}},
      {"id": "density", "direction": "range", "pass": [40, 60], "bounds": [0, null]}
    ]},
    {"id": "sanitation", "name": "市容环境", "indicators": [
      {"id": "litter", "direction": "problem_count", "scoring": {"rule": "deduction", "per_problem": 2, "max_deduction": 5}}
    ]}
  ]
})";
    const Framework f = parse_framework(text, "hand.json");
    EXPECT_EQ(f.id(), "hand");
    EXPECT_EQ(f.name(), "国家园林城市标准（测试）");
    ASSERT_EQ(f.indicators().size(), 3u);
    const auto& green = f.indicator("green");
    EXPECT_EQ(green.name, "建成区绿化覆盖率");
    EXPECT_TRUE(green.pass == Interval::at_least(36));
    EXPECT_TRUE(green.improvement == Interval::at_least(40));
    EXPECT_TRUE(green.bounds == (Interval{0, 100}));
    EXPECT_EQ(green.kind, ItemKind::basic);
    EXPECT_EQ(green.scoring.type, RuleType::linear);
    EXPECT_TRUE(green.scoring.zero == Interval::at_least(20));
    EXPECT_TRUE(f.indicator("density").pass == (Interval{40, 60}));
    EXPECT_TRUE(f.indicator("density").bounds == (Interval{0, unbounded}));
    EXPECT_EQ(f.indicator("litter").scoring.per_problem, 2.0);
    EXPECT_EQ(f.indicator("litter").scoring.max_deduction, std::optional<double>(5.0));
    ASSERT_EQ(f.spec().pass_rules.size(), 1u);
    EXPECT_TRUE(f.spec().pass_rules[0] == (PassRule{PassRuleType::min_total, 60}));
    // greening 3/4: green, density 3/8 each; sanitation 1/4.
    EXPECT_NEAR(f.effective_weights()[f.indicator_index("green")], 0.375, eps);
    EXPECT_NEAR(f.effective_weights()[f.indicator_index("litter")], 0.25, eps);
}

TEST(FrameworkFile, ChineseNamesRoundTrip) {
    auto green = higher("green_coverage", 36);
    green.name = "建成区绿化覆盖率";
    green.unit = "m²/人";
    green.notes = "植被垂直投影面积 / 建成区面积 × 100%";
    auto s = spec_of({category("greening", {green})}, "garden");
    s.name = "国家园林城市标准";
    s.issuer = "住房和城乡建设部";
    s.root.categories[0].name = "绿地建设";
    const Framework f(s);

    const auto json = framework_to_json(f);
    EXPECT_NE(json.find("建成区绿化覆盖率"), std::string::npos) << "UTF-8 written as is";
    const auto again = parse_framework(json);
    EXPECT_TRUE(again == f);
    EXPECT_EQ(again.name(), "国家园林城市标准");
    EXPECT_EQ(again.indicator("green_coverage").name, "建成区绿化覆盖率");
    EXPECT_EQ(again.indicator("green_coverage").unit, "m²/人");
    EXPECT_EQ(again.categories()[0]->name, "绿地建设");

    // The same text with \u escapes reads into the same UTF-8.
    const auto escaped = Json::parse(json).dump(2, ' ', true);
    EXPECT_EQ(escaped.find("建"), std::string::npos);
    EXPECT_TRUE(parse_framework(escaped) == f);
}

TEST(FrameworkFile, SaveThenLoadIsEqual) {
    TempFolder folder;
    const auto path = folder.path() / "saved.json";
    const auto f = base_framework();
    save_framework(f, path);
    EXPECT_TRUE(load_framework(path) == f);
    // Saving again over the file replaces it.
    auto s = f.spec();
    s.name = "renamed 改名";
    save_framework(Framework(s), path);
    EXPECT_EQ(load_framework(path).name(), "renamed 改名");
    // No temporary files are left behind.
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder.path())) files += entry.is_regular_file();
    EXPECT_EQ(files, 1);
}

TEST(FrameworkFile, RoundTripKeepsEveryField) {
    auto green = with_rule(higher("green", 36, 2.5), ScoringRule::linear(Interval::at_least(20), Interval::at_least(40)));
    green.bounds = Interval{0, 100};
    green.improvement = Interval::at_least(40);
    green.pass_by_class = {{"north", Interval::at_least(34)}, {"south", Interval::at_least(38)}};
    green.classes_without_line = {"west"};
    green.mode = "document_review";
    green.missing = MissingPolicy::skip;
    green.reliability = Reliability::secondary;
    green.source = "docs/sources.md#national-garden-city";
    green.notes = "note";
    auto density = with_rule(in_range("density", 40, 60), ScoringRule::linear(Interval{20, 80}));
    auto litter = basic(with_rule(problems("litter"), ScoringRule::deduction(2.5, 10)));
    litter.pass = Interval::at_most(1);
    auto rate = with_rule(higher("rate", 80), tiers({{90, 1.0}, {60, 0.6}}));
    auto pm = with_rule(lower("pm", 35), proportional());
    auto plan = yes_no("plan");
    auto geo = category("geo", {rate, pm});
    geo.aggregation = Aggregation::geometric;
    geo.notes = "geometric";
    auto s = spec_of({category("A", {green, density}, 2.0, {geo}), category("B", {litter, plan}, 1.0)}, "full");
    s.name = "Full";
    s.edition = "2016";
    s.issuer = "issuer";
    s.source = "source";
    s.reliability = Reliability::unverified;
    s.notes = "notes";
    s.scale = 120;
    s.missing = MissingPolicy::skip;
    s.min_coverage = 0.6;
    s.pass_rules = {{PassRuleType::all_basic_met, 0}, {PassRuleType::min_total, 72.5}, {PassRuleType::min_share_met, 0.8}};
    const Framework f(s);
    const auto again = parse_framework(framework_to_json(f));
    EXPECT_TRUE(again == f);
    EXPECT_TRUE(again.indicator("green") == f.indicator("green"));
    EXPECT_EQ(framework_to_json(again), framework_to_json(f));
}

TEST(BundledFrameworks, CoverageOfAFullRowIsExactlyOne) {
    // The 26 items of lanzhou-environmental-illustrative in five categories of 3, 5, 6, 7 and 5: their
    // shares sum to 1.0000000000000002 in floating point; coverage is a share, at most 1.
    const Framework f = load_bundled_framework("lanzhou-environmental-illustrative");
    std::map<std::string, double> values;
    for (const Indicator* indicator : f.indicators()) {
        if (indicator->direction == Direction::yes_no) values[indicator->id] = 1;
        else values[indicator->id] = indicator->direction == Direction::lower ? indicator->pass->high : indicator->pass->low;
    }
    const Evaluation e = f.evaluate(values, "city");
    EXPECT_EQ(e.coverage, 1.0);
    EXPECT_TRUE(e.passed);
    values.erase("area_noise");
    EXPECT_LT(f.evaluate(values, "city").coverage, 1.0);
}

TEST(FrameworkFile, AClassWithoutALineIsNullInPassByClass) {
    // format.md: "A class whose line the source does not give is written with the line null".
    const Framework f = parse_framework(R"({"id": "g", "name": "g", "reliability": "secondary", "indicators": [
        {"id": "park", "pass": 9, "pass_by_class": {"small": 7.5, "large": null}}]})");
    const Indicator& park = f.indicator("park");
    EXPECT_EQ(park.pass_by_class, (std::map<std::string, Interval>{{"small", Interval::at_least(7.5)}}));
    EXPECT_EQ(park.classes_without_line, (std::set<std::string>{"large"}));
    EXPECT_TRUE(Json::parse(framework_to_json(f))["indicators"][0]["pass_by_class"]["large"].is_null());
    // Neither the class-free line nor any other stands in for the unknown one.
    EXPECT_FALSE(unit_line(park, "large").has_value());
    EXPECT_EQ(unit_line(park, "other"), Interval::at_least(9));
    try {
        (void)f.evaluate({{"park", 20}}, "甲市", "large");
        ADD_FAILURE() << "expected a ValidationError";
    } catch (const ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("indicator 'park': no pass line is known for unit class 'large' (the framework marks "
                                             "it unknown: its source does not give it); expected the item judged by hand"),
                  std::string::npos)
            << e.what();
        EXPECT_NE(e.message(Language::zh).find("达标线未知"), std::string::npos) << e.message(Language::zh);
    }
    EXPECT_TRUE(f.evaluate({{"park", 8}}, "乙市", "small").passed);
    // A class cannot have a line and be unknown at once.
    Indicator both = park;
    both.classes_without_line.insert("small");
    auto spec = f.spec();
    spec.root.indicators = {both};
    try {
        (void)Framework(spec);
        ADD_FAILURE() << "expected a ValidationError";
    } catch (const ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("$.indicators[0].pass_by_class.small"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("also marked as having none"), std::string::npos) << e.what();
    }
    // Nor can a class without a name be unknown.
    Indicator unnamed = park;
    unnamed.classes_without_line = {""};
    spec.root.indicators = {unnamed};
    try {
        (void)Framework(spec);
        ADD_FAILURE() << "expected a ValidationError";
    } catch (const ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("$.indicators[0].pass_by_class: empty class name; expected a class name"), std::string::npos)
            << e.what();
        EXPECT_NE(e.message(Language::zh).find("单位类别名称为空"), std::string::npos) << e.message(Language::zh);
    }
}

// ---------------------------------------------------------------------------------------------
// Value tables (CSV)

TEST(ValueTable, HeaderAndValues) {
    const auto t = parse_value_table("unit,green,aqi\nlanzhou,31.44,300\nxian,40,-2.5e1\n");
    EXPECT_EQ(t.units, (std::vector<std::string>{"lanzhou", "xian"}));
    EXPECT_EQ(t.columns, (std::vector<std::string>{"green", "aqi"}));
    EXPECT_TRUE(t.classes.empty());
    ASSERT_EQ(t.values.rows(), 2);
    ASSERT_EQ(t.values.cols(), 2);
    EXPECT_EQ(t.values(0, 0), 31.44);
    EXPECT_EQ(t.values(0, 1), 300.0);
    EXPECT_EQ(t.values(1, 0), 40.0);
    EXPECT_EQ(t.values(1, 1), -25.0);
}

TEST(ValueTable, ByteOrderMarkAndCrLf) {
    const auto t = parse_value_table("\xEF\xBB\xBFunit,green\r\nlanzhou,31.44\r\n");
    EXPECT_EQ(t.columns, std::vector<std::string>{"green"});
    EXPECT_EQ(t.units, std::vector<std::string>{"lanzhou"});
    EXPECT_EQ(t.values(0, 0), 31.44);
}

TEST(ValueTable, NoFinalNewline) {
    const auto t = parse_value_table("unit,green\nlanzhou,31.44");
    EXPECT_EQ(t.values(0, 0), 31.44);
}

TEST(ValueTable, QuotedCellsWithCommasAndQuotes) {
    const auto t = parse_value_table(
        "unit,\"green, %\",aqi\n"
        "\"Lanzhou, Gansu\",\"31.44\",300\n"
        "\"the \"\"new\"\" district\",40,280\n");
    EXPECT_EQ(t.columns, (std::vector<std::string>{"green, %", "aqi"}));
    EXPECT_EQ(t.units, (std::vector<std::string>{"Lanzhou, Gansu", "the \"new\" district"}));
    EXPECT_EQ(t.values(0, 0), 31.44);
    EXPECT_EQ(t.values(1, 1), 280.0);
}

TEST(ValueTable, EmptyCellsAreMissing) {
    const auto t = parse_value_table("unit,a,b,c\nx,,2,\ny,1,,3\n");
    EXPECT_TRUE(std::isnan(t.values(0, 0)));
    EXPECT_EQ(t.values(0, 1), 2.0);
    EXPECT_TRUE(std::isnan(t.values(0, 2)));
    EXPECT_TRUE(std::isnan(t.values(1, 1)));
    EXPECT_EQ(t.values(1, 2), 3.0);
}

TEST(ValueTable, YesNoTrueFalse) {
    const auto t = parse_value_table("unit,a,b,c,d\nx,yes,no,true,false\n");
    EXPECT_EQ(t.values(0, 0), 1.0);
    EXPECT_EQ(t.values(0, 1), 0.0);
    EXPECT_EQ(t.values(0, 2), 1.0);
    EXPECT_EQ(t.values(0, 3), 0.0);
}

TEST(ValueTable, BadNumberNamesLineAndColumn) {
    // Line 3, second column (the cell "abc").
    try {
        (void)parse_value_table("unit,green,aqi\nlanzhou,31.44,300\nxian,abc,280\n", "values.csv");
        ADD_FAILURE() << "expected ParseError";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.file(), "values.csv");
        EXPECT_EQ(e.location(), "line 3, column 2");
        EXPECT_TRUE(mentions_all_and_any(e.what(), {"abc", "values.csv"}, {"number"}));
    }
}

TEST(ValueTable, NaNTextIsNotANumber) {
    EXPECT_THROW((void)parse_value_table("unit,green\nlanzhou,nan\n"), ParseError);
    EXPECT_THROW((void)parse_value_table("unit,green\nlanzhou,inf\n"), ParseError);
    EXPECT_THROW((void)parse_value_table("unit,green\nlanzhou,12abc\n"), ParseError);
}

TEST(ValueTable, RaggedRow) {
    try {
        (void)parse_value_table("unit,a,b\nx,1,2\ny,1\n", "ragged.csv");
        ADD_FAILURE() << "expected ParseError";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.file(), "ragged.csv");
        EXPECT_TRUE(mentions(e.location(), "line 3")) << e.location();
    }
    EXPECT_THROW((void)parse_value_table("unit,a,b\nx,1,2,3\n"), ParseError);
}

TEST(ValueTable, DuplicateColumn) {
    try {
        (void)parse_value_table("unit,green,aqi,green\nx,1,2,3\n");
        ADD_FAILURE() << "expected ParseError";
    } catch (const ParseError& e) {
        EXPECT_TRUE(mentions(e.location(), "line 1")) << e.location();
        EXPECT_TRUE(mentions(e.what(), "green")) << e.what();
    }
}

TEST(ValueTable, ClassColumn) {
    const auto t = parse_value_table("unit,class,green\n兰州,land-80-100,31.44\n西宁,land-lt-80,40\n", "<string>", "class");
    EXPECT_EQ(t.columns, std::vector<std::string>{"green"});
    EXPECT_EQ(t.units, (std::vector<std::string>{"兰州", "西宁"}));
    EXPECT_EQ(t.classes, (std::vector<std::string>{"land-80-100", "land-lt-80"}));
    ASSERT_EQ(t.values.cols(), 1);
    EXPECT_EQ(t.values(1, 0), 40.0);
}

TEST(ValueTable, ClassColumnNotInTheHeader) {
    EXPECT_THROW((void)parse_value_table("unit,green\nx,1\n", "<string>", "class"), ParseError);
}

TEST(ValueTable, ReadFromAFile) {
    const auto t = load_value_table(std::filesystem::path(CIVITAS_TEST_DATA_DIR) / "values" / "lanzhou-districts.csv",
                                    "class");
    EXPECT_EQ(t.units, (std::vector<std::string>{"城关区", "七里河区", "西固区", "安宁区"}));
    EXPECT_EQ(t.columns, (std::vector<std::string>{"green", "aqi", "plan"}));
    EXPECT_EQ(t.classes, (std::vector<std::string>{"large", "large", "medium", ""}));
    EXPECT_EQ(t.values(0, 0), 31.44);
    EXPECT_TRUE(std::isnan(t.values(1, 1)));
    EXPECT_EQ(t.values(2, 2), 0.0);  // "no"
    EXPECT_EQ(t.values(3, 2), 1.0);  // "yes"
}

TEST(ValueTable, FeedsABatch) {
    // The table's row-major values go straight into evaluate_many.
    const Framework f(flat_spec({higher("green", 36), higher("aqi", 300), yes_no("plan")}));
    const auto t = load_value_table(std::filesystem::path(CIVITAS_TEST_DATA_DIR) / "values" / "lanzhou-districts.csv",
                                    "class");
    EvaluateOptions options;
    options.nan_as_missing = true;
    const auto batch = evaluate_many(f, t.values, t.columns, t.units, t.classes, options);
    ASSERT_EQ(batch.size(), 4u);
    EXPECT_TRUE(batch.ok());
    EXPECT_EQ(batch.outcomes(1, 1), static_cast<std::int8_t>(Outcome::missing));
}

// ---------------------------------------------------------------------------------------------
// Evaluation JSON

TEST(EvaluationFile, IsJsonNamingTheFrameworkAndUnit) {
    const auto f = base_framework();
    const auto e = f.evaluate({{"green", 31.44}, {"pm25", 30}, {"plan", 1}}, "兰州");
    const auto text = evaluation_to_json(e);
    Json j;
    ASSERT_NO_THROW(j = Json::parse(text)) << text;
    EXPECT_NE(text.find("base"), std::string::npos);
    EXPECT_NE(text.find("兰州"), std::string::npos);
    EXPECT_NE(text.find("green"), std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// Bundled frameworks

TEST(BundledFrameworks, ContainTheLanzhouExample) {
    const auto ids = bundled_framework_ids();
    EXPECT_NE(std::find(ids.begin(), ids.end(), "lanzhou-illustrative"), ids.end())
        << "data/frameworks/lanzhou-illustrative.json is missing";
    EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
}

TEST(BundledFrameworks, EveryOneLoads) {
    const auto ids = bundled_framework_ids();
    EXPECT_FALSE(ids.empty());
    for (const auto& id : ids) {
        SCOPED_TRACE(id);
        try {
            const auto f = load_bundled_framework(id);
            EXPECT_EQ(f.id(), id) << "the file name and the framework id differ";
            EXPECT_FALSE(f.indicators().empty());
            EXPECT_NEAR(std::accumulate(f.effective_weights().begin(), f.effective_weights().end(), 0.0), 1.0, eps);
            // The saved form reads back equal.
            EXPECT_TRUE(parse_framework(framework_to_json(f)) == f);
        } catch (const std::exception& e) {
            ADD_FAILURE() << e.what();
        }
    }
}

TEST(BundledFrameworks, SearchStartsWithTheEnvironment) {
    const char* env = std::getenv("CIVITAS_DATA_DIR");
    ASSERT_NE(env, nullptr) << "ctest sets CIVITAS_DATA_DIR";
    const auto directories = data_directories();
    ASSERT_FALSE(directories.empty());
    EXPECT_EQ(directories.front(), std::filesystem::path(env));
}

// Sets an environment variable for one test, and puts back what was there.
class ScopedEnvironment {
public:
    ScopedEnvironment(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        set(value);
    }
    ~ScopedEnvironment() { set(old_ ? old_->c_str() : nullptr); }
    ScopedEnvironment(const ScopedEnvironment&) = delete;
    ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

private:
    void set(const char* value) const {
#ifdef _WIN32
        _putenv_s(name_, value ? value : "");
#else
        if (value)
            setenv(name_, value, 1);
        else
            unsetenv(name_);
#endif
    }
    const char* name_;
    std::optional<std::string> old_;
};

TEST(BundledFrameworks, TheEnvironmentSeparatesFoldersAsThePlatformDoes) {
#ifdef _WIN32
    const ScopedEnvironment env("CIVITAS_DATA_DIR", "C:\\one;D:\\two");
    const std::vector<std::filesystem::path> expected{"C:\\one", "D:\\two"};
#else
    const ScopedEnvironment env("CIVITAS_DATA_DIR", "/one:/two::");
    const std::vector<std::filesystem::path> expected{"/one", "/two"};
#endif
    const auto directories = data_directories();
    ASSERT_GE(directories.size(), 2u);
    EXPECT_EQ(std::vector<std::filesystem::path>(directories.begin(), directories.begin() + 2), expected);
}

TEST(BundledFrameworks, TheInstallsDataIsFoundFromWhereTheProgramIs) {
    // No environment: the bundled data is the share/civitas beside the program's folder (here the
    // build tree's, a link to the source tree's data/), not a path compiled in.
    const ScopedEnvironment env("CIVITAS_DATA_DIR", nullptr);
    const auto directories = data_directories();
    ASSERT_FALSE(directories.empty());
    const std::filesystem::path found = directories.back();
    EXPECT_EQ(found.filename(), "civitas");
    EXPECT_EQ(found.parent_path().filename(), "share");
    EXPECT_TRUE(std::filesystem::equivalent(found, std::filesystem::path(CIVITAS_TEST_DATA_DIR) / ".." / ".." / "data"))
        << found;
    const auto ids = bundled_framework_ids();
    EXPECT_NE(std::find(ids.begin(), ids.end(), "garden-city-2010"), ids.end());
    EXPECT_EQ(bundled_framework_path("garden-city-2010"), found / "frameworks" / "garden-city-2010.json");
}

TEST(BundledFrameworks, UnknownIdListsTheKnownOnes) {
    try {
        (void)bundled_framework_path("no-such-framework");
        ADD_FAILURE() << "expected NotFoundError";
    } catch (const NotFoundError& e) {
        EXPECT_TRUE(mentions(e.what(), "no-such-framework")) << e.what();
        for (const auto& id : bundled_framework_ids()) EXPECT_TRUE(mentions(e.what(), id)) << e.what();
    }
    EXPECT_THROW((void)load_bundled_framework("../secrets"), NotFoundError);
}

TEST(BundledFrameworks, AddedDirectoryIsSearched) {
    TempFolder folder;
    std::filesystem::create_directories(folder.path() / "frameworks");
    auto s = base_framework().spec();
    s.id = "added-test-framework";
    save_framework(Framework(s), folder.path() / "frameworks" / "added-test-framework.json");
    add_data_directory(folder.path());
    const auto ids = bundled_framework_ids();
    EXPECT_NE(std::find(ids.begin(), ids.end(), "added-test-framework"), ids.end());
    EXPECT_EQ(load_bundled_framework("added-test-framework").id(), "added-test-framework");
}

TEST(FrameworkJson, NumberTooLargeIsAParseError) {
    // Found by mutating bundled files: nlohmann reports overflow as out_of_range, not parse_error.
    try {
        (void)parse_framework(R"({"id": "x", "name": "x", "reliability": "illustrative",
            "indicators": [{"id": "a", "pass": 1e400}]})", "huge.json");
        FAIL() << "expected ParseError";
    } catch (const ParseError& error) {
        EXPECT_EQ(error.file(), "huge.json");
        EXPECT_NE(std::string(error.what()).find("number overflow"), std::string::npos) << error.what();
        EXPECT_NE(std::string(error.what()).find("expected finite numbers"), std::string::npos) << error.what();
    }
}

// ---------------------------------------------------------------------------------------------
// Messages in Chinese: the file, the place and the values as in English, the sentence in Chinese

TEST(FrameworkFileMessages, ReadInChinese) {
    auto j = base_json();
    j["categories"][0]["indicators"][0]["pass"] = "36%";
    EXPECT_EQ(parse_error_of(j.dump(2)).message(Language::zh),
              "bad.json: $.categories[0].indicators[0].pass: \"36%\" 不是数字（方向 'higher'）；应为数字（方向 'higher'）");

    j = base_json();
    j["format"] = "civitas-framework/9";
    EXPECT_EQ(parse_error_of(j.dump(2)).message(Language::zh),
              "bad.json: $.format: \"civitas-framework/9\" 不是本版本能读取的格式；应为 \"civitas-framework/1\"");

    // A validation error of the framework keeps its Chinese when it becomes a ParseError.
    j = base_json();
    j["categories"][0]["indicators"][1]["weight"] = -2;
    const ParseError negative = parse_error_of(j.dump(2));
    EXPECT_EQ(negative.what(), std::string("bad.json: $.categories[0].indicators[1].weight: -2 is negative; expected a positive number"));
    EXPECT_EQ(negative.message(Language::zh), "bad.json: $.categories[0].indicators[1].weight: -2 为负数；应为正数");
}

TEST(ValueTableMessages, ReadInChinese) {
    try {
        (void)parse_value_table("unit,green,aqi\nlanzhou,31.44,300\nxian,abc,280\n", "values.csv");
        ADD_FAILURE() << "expected ParseError";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.location(), "line 3, column 2");
        EXPECT_EQ(e.message(Language::zh), "values.csv: 第 3 行第 2 列: 列 'green' 中的 'abc' 不是数字；应为数字、是/否，缺失数据则留空");
    }
    try {
        (void)parse_value_table("unit,a,b\nx,1,2\ny,1\n", "ragged.csv");
        ADD_FAILURE() << "expected ParseError";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.what(), std::string("ragged.csv: line 3: 2 cells; expected 3 as in the header"));
        EXPECT_EQ(e.message(Language::zh), "ragged.csv: 第 3 行: 2 个单元格；应与表头一样为 3 个");
    }
}

TEST(BundledFrameworksMessages, ReadInChinese) {
    try {
        (void)bundled_framework_path("../secrets");
        ADD_FAILURE() << "expected NotFoundError";
    } catch (const NotFoundError& e) {
        EXPECT_EQ(e.what(), std::string("'../secrets' is not a bundled framework id; expected a name such as 'garden-city-2010'"));
        EXPECT_EQ(e.message(Language::zh), "'../secrets' 不是内置测评体系的 id；应为名称，如 'garden-city-2010'");
    }
}
