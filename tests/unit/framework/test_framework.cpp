// Frameworks: construction, validation (each bad case: ValidationError, its path, and a message
// naming the offending value and what was expected), effective weights and lookups.
// Expected values come from docs/scoring.md, computed by hand.

#include "support.hpp"

#include <civitas/civitas.hpp>

#include <gtest/gtest.h>

#include <numeric>

using namespace civitas;
using namespace civitas::test;

namespace {

using civitas::test::chinese_error;

/// Two categories: env {green, aqi}, mgmt {satisfaction}.
FrameworkSpec small_spec() {
    return spec_of({category("env", {higher("green", 36), higher("aqi", 300)}),
                    category("mgmt", {higher("satisfaction", 80)})});
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Construction of valid frameworks

TEST(Framework, BuildsFromAValidSpec) {
    const Framework f(small_spec());
    EXPECT_EQ(f.id(), "test");
    EXPECT_EQ(f.scale(), 100.0);
    ASSERT_EQ(f.indicators().size(), 3u);
    EXPECT_EQ(f.indicator_ids(), (std::vector<std::string>{"green", "aqi", "satisfaction"}));
    ASSERT_EQ(f.categories().size(), 2u);
    EXPECT_EQ(f.categories()[0]->id, "env");
    EXPECT_EQ(f.categories()[1]->id, "mgmt");
}

TEST(Framework, CopiesCompareEqual) {
    const Framework f(small_spec());
    const Framework g = f;  // NOLINT(performance-unnecessary-copy-initialization)
    EXPECT_TRUE(f == g);
    auto other = small_spec();
    other.root.categories[0].indicators[0].pass = Interval::at_least(40);
    EXPECT_TRUE(f != Framework(other));
}

TEST(Framework, ToStringIsTheOneLineSummary) {
    // framework.hpp: `Framework('garden-city-2010', 13 indicators, 3 categories, scale 100)`.
    EXPECT_EQ(to_string(Framework(small_spec())), "Framework('test', 3 indicators, 2 categories, scale 100)");
}

TEST(Framework, ProblemCountWithoutPassLineAllowsNone) {
    // problem_count: "count <= allowed (the pass line, default 0)".
    const Framework f(flat_spec({problems("litter")}));
    EXPECT_TRUE(f.evaluate({{"litter", 0}}).indicators[0].outcome == Outcome::met);
    EXPECT_TRUE(f.evaluate({{"litter", 1}}).indicators[0].outcome == Outcome::not_met);
}

TEST(Framework, ClassLinesWithoutADefaultLineAreValid) {
    // "a unit with a class uses that line when there is one, else the indicator's pass; no line
    // at all is invalid data": a framework with only class lines is a valid framework.
    auto park = higher("park", 0);
    park.pass.reset();
    park.pass_by_class = {{"small", Interval::at_least(7.5)}, {"large", Interval::at_least(8.0)}};
    EXPECT_NO_THROW(Framework(flat_spec({park})));
}

TEST(Framework, EnumNamesRoundTrip) {
    EXPECT_STREQ(to_string(Direction::problem_count), "problem_count");
    EXPECT_STREQ(to_string(RuleType::tiers), "tiers");
    EXPECT_STREQ(to_string(PassRuleType::min_share_general_met), "min_share_general_met");
    EXPECT_EQ(enum_from_string<Direction>("yes_no"), Direction::yes_no);
    EXPECT_EQ(enum_from_string<Aggregation>("geometric"), Aggregation::geometric);
    EXPECT_FALSE(enum_from_string<Direction>("upward").has_value());
}

// ---------------------------------------------------------------------------------------------
// Validation: each bad case

TEST(FrameworkValidation, DuplicateIndicatorId) {
    auto s = spec_of({category("env", {higher("green", 36), higher("aqi", 300)}),
                      category("mgmt", {higher("green", 80)})});
    const auto message = validation_message([&] { Framework f(s); }, "$.categories[1].indicators[0].id");
    EXPECT_TRUE(mentions_all_and_any(message, {"green"}, {"unique", "duplicate", "already", "twice", "more than once"}));
}

TEST(FrameworkValidation, DuplicateCategoryId) {
    auto s = spec_of({category("env", {higher("green", 36)}), category("env", {higher("aqi", 300)})});
    const auto message = validation_message([&] { Framework f(s); }, "$.categories[1].id");
    EXPECT_TRUE(mentions_all_and_any(message, {"env"}, {"unique", "duplicate", "already", "twice", "more than once"}));
}

TEST(FrameworkValidation, IndicatorIdSameAsACategoryId) {
    // docs/format.md: ids are unique across all categories and indicators.
    auto s = spec_of({category("green", {higher("green", 36)})});
    const auto message = validation_message_under([&] { Framework f(s); }, "$.categories[0]");
    EXPECT_TRUE(mentions_all_and_any(message, {"green"}, {"unique", "duplicate", "already", "twice", "more than once"}));
}

TEST(FrameworkValidation, ImprovementLineLooserThanThePassLine) {
    // docs/format.md: an improvement line is at least as strict as every pass line.
    auto green = higher("green", 36);
    green.improvement = Interval::at_least(30);
    const auto message = validation_message_under([&] { Framework f(flat_spec({green})); }, "$.indicators[0].improvement");
    EXPECT_TRUE(mentions_all_and_any(message, {"30", "36"}));
}

TEST(FrameworkValidation, NegativeIndicatorWeight) {
    auto s = spec_of({category("env", {higher("green", 36), higher("aqi", 300, -1.5)})});
    const auto message = validation_message([&] { Framework f(s); }, "$.categories[0].indicators[1].weight");
    EXPECT_TRUE(mentions_all_and_any(message, {"-1.5"}, {"positive", "> 0", ">0", "greater than"}));
}

TEST(FrameworkValidation, ZeroIndicatorWeight) {
    auto s = spec_of({category("env", {higher("green", 36), higher("aqi", 300, 0.0)})});
    const auto message = validation_message([&] { Framework f(s); }, "$.categories[0].indicators[1].weight");
    EXPECT_TRUE(mentions_all_and_any(message, {"0"}, {"positive", "> 0", ">0", "greater than"}));
}

TEST(FrameworkValidation, NegativeCategoryWeight) {
    auto s = spec_of({category("env", {higher("green", 36)}), category("mgmt", {higher("aqi", 300)}, -2.0)});
    const auto message = validation_message([&] { Framework f(s); }, "$.categories[1].weight");
    EXPECT_TRUE(mentions_all_and_any(message, {"-2"}, {"positive", "> 0", ">0", "greater than"}));
}

TEST(FrameworkValidation, ZeroCategoryWeight) {
    auto s = spec_of({category("env", {higher("green", 36)}, 0.0), category("mgmt", {higher("aqi", 300)})});
    const auto message = validation_message([&] { Framework f(s); }, "$.categories[0].weight");
    EXPECT_TRUE(mentions_all_and_any(message, {"0"}, {"positive", "> 0", ">0", "greater than"}));
}

TEST(FrameworkValidation, EmptyFramework) {
    FrameworkSpec s;
    s.id = "empty";
    const auto message = validation_message_under([&] { Framework f(s); }, "$");
    EXPECT_TRUE(mentions_all_and_any(message, {}, {"no indicator", "empty", "at least one"}));
}

TEST(FrameworkValidation, EmptyCategory) {
    auto s = spec_of({category("env", {higher("green", 36)}), category("hollow", {})});
    const auto message = validation_message_under([&] { Framework f(s); }, "$.categories[1]");
    EXPECT_TRUE(mentions_all_and_any(message, {}, {"empty", "no indicator", "at least one"}));
}

TEST(FrameworkValidation, EmptySubcategory) {
    auto s = spec_of({category("env", {higher("green", 36)}, std::nullopt, {category("hollow", {})})});
    const auto message = validation_message_under([&] { Framework f(s); }, "$.categories[0].categories[0]");
    EXPECT_TRUE(mentions_all_and_any(message, {}, {"empty", "no indicator", "at least one"}));
}

TEST(FrameworkValidation, PassLineMissingForHigher) {
    auto green = higher("green", 36);
    green.pass.reset();
    auto s = spec_of({category("env", {higher("aqi", 300), green})});
    const auto message = validation_message([&] { Framework f(s); }, "$.categories[0].indicators[1].pass");
    EXPECT_TRUE(mentions_all_and_any(message, {"pass"}, {"higher", "green", "required", "missing", "needs"}));
}

TEST(FrameworkValidation, PassLineMissingForLower) {
    auto pm = lower("pm25", 35);
    pm.pass.reset();
    const auto message = validation_message([&] { Framework f(flat_spec({pm})); }, "$.indicators[0].pass");
    EXPECT_TRUE(mentions_all_and_any(message, {"pass"}, {"lower", "pm25", "required", "missing", "needs"}));
}

TEST(FrameworkValidation, RangeWithLowAboveHigh) {
    auto s = flat_spec({higher("green", 36), in_range("density", 80, 60)});
    const auto message = validation_message([&] { Framework f(s); }, "$.indicators[1].pass");
    EXPECT_TRUE(mentions_all_and_any(message, {"80", "60"}));
}

TEST(FrameworkValidation, PassLineOutsideBounds) {
    auto s = flat_spec({bounded(higher("green", 120), 0, 100)});
    const auto message = validation_message([&] { Framework f(s); }, "$.indicators[0].pass");
    EXPECT_TRUE(mentions_all_and_any(message, {"120", "100"}));
}

TEST(FrameworkValidation, ClassPassLineOutsideBounds) {
    auto green = bounded(higher("green", 36), 0, 100);
    green.pass_by_class = {{"north", Interval::at_least(130)}};
    const auto message = validation_message_under([&] { Framework f(flat_spec({green})); }, "$.indicators[0].pass");
    EXPECT_TRUE(mentions_all_and_any(message, {"130", "100"}));
}

TEST(FrameworkValidation, LinearRuleWithoutZero) {
    ScoringRule linear;
    linear.type = RuleType::linear;
    auto s = flat_spec({with_rule(higher("green", 36), linear)});
    const auto message = validation_message_under([&] { Framework f(s); }, "$.indicators[0].scoring");
    EXPECT_TRUE(mentions_all_and_any(message, {"zero"}));
}

TEST(FrameworkValidation, LinearRuleWithZeroInsideTheFullIntervalHigher) {
    // higher: F = [36, inf), Z = [40, inf): the zero point lies inside F.
    auto s = flat_spec({with_rule(higher("green", 36), ScoringRule::linear(Interval::at_least(40)))});
    const auto message = validation_message_under([&] { Framework f(s); }, "$.indicators[0].scoring");
    EXPECT_TRUE(mentions_all_and_any(message, {"40"}, {"36", "full", "pass"}));
}

TEST(FrameworkValidation, LinearRuleWithZeroEqualToTheLine) {
    // Z.low == F.low would divide by zero.
    auto s = flat_spec({with_rule(higher("green", 36), ScoringRule::linear(Interval::at_least(36)))});
    const auto message = validation_message_under([&] { Framework f(s); }, "$.indicators[0].scoring");
    EXPECT_TRUE(mentions_all_and_any(message, {"36"}));
}

TEST(FrameworkValidation, LinearRuleWithZeroInsideTheFullIntervalLower) {
    // lower: F = (-inf, 10], Z = (-inf, 5].
    auto s = flat_spec({with_rule(lower("pm", 10), ScoringRule::linear(Interval::at_most(5)))});
    const auto message = validation_message_under([&] { Framework f(s); }, "$.indicators[0].scoring");
    EXPECT_TRUE(mentions_all_and_any(message, {"5"}, {"10", "full", "pass"}));
}

TEST(FrameworkValidation, LinearRuleWithZeroInsideTheFullIntervalRange) {
    // range: F = [40, 60], Z = [45, 80]: 45 lies inside F.
    auto s = flat_spec({with_rule(in_range("density", 40, 60), ScoringRule::linear(Interval{45, 80}))});
    const auto message = validation_message_under([&] { Framework f(s); }, "$.indicators[0].scoring");
    EXPECT_TRUE(mentions_all_and_any(message, {"45"}, {"40", "full", "pass"}));
}

TEST(FrameworkValidation, DeductionOnAHigherIndicator) {
    auto s = flat_spec({with_rule(higher("green", 36), ScoringRule::deduction(2))});
    const auto message = validation_message_under([&] { Framework f(s); }, "$.indicators[0].scoring");
    EXPECT_TRUE(mentions_all_and_any(message, {"deduction", "problem_count"}));
}

TEST(FrameworkValidation, DeductionWithoutPositivePerProblem) {
    auto s = flat_spec({with_rule(problems("litter"), ScoringRule::deduction(0))});
    const auto message = validation_message_under([&] { Framework f(s); }, "$.indicators[0].scoring");
    EXPECT_TRUE(mentions_all_and_any(message, {"per_problem"}, {"positive", "> 0", ">0", "greater than"}));
}

TEST(FrameworkValidation, YesNoRuleOnAHigherIndicator) {
    auto s = flat_spec({with_rule(higher("green", 36), yes_no_rule())});
    const auto message = validation_message_under([&] { Framework f(s); }, "$.indicators[0].scoring");
    EXPECT_TRUE(mentions_all_and_any(message, {"yes_no", "higher"}));
}

TEST(FrameworkValidation, TierScoreAboveOne) {
    auto s = flat_spec({with_rule(higher("green", 36), tiers({{30, 0.5}, {36, 1.5}}))});
    const auto message = validation_message_under([&] { Framework f(s); }, "$.indicators[0].scoring");
    EXPECT_TRUE(mentions_all_and_any(message, {"1.5"}));
}

TEST(FrameworkValidation, PointsNotAddingUpToTheScale) {
    // 30 + 30 = 60 points against a scale of 100.
    auto s = flat_spec({higher("green", 36, 30.0), higher("aqi", 300, 30.0)});
    s.weighting = Weighting::points;
    const auto message = validation_message_under([&] { Framework f(s); }, "$");
    EXPECT_TRUE(mentions_all_and_any(message, {"60", "100"}));
}

TEST(FrameworkValidation, CategoryPointsNotEqualToItsChildren) {
    // The category says 50 points, its indicators have 30 + 30 = 60.
    auto s = spec_of({category("env", {higher("green", 36, 30.0), higher("aqi", 300, 30.0)}, 50.0),
                      category("mgmt", {higher("satisfaction", 80, 50.0)})});
    s.weighting = Weighting::points;
    const auto message = validation_message_under([&] { Framework f(s); }, "$.categories[0]");
    EXPECT_TRUE(mentions_all_and_any(message, {"50", "60"}));
}

TEST(FrameworkValidation, PointsRequireAnIndicatorWeight) {
    auto s = flat_spec({higher("green", 36, 100.0), higher("aqi", 300)});
    s.weighting = Weighting::points;
    const auto message = validation_message([&] { Framework f(s); }, "$.indicators[1].weight");
    EXPECT_TRUE(mentions_all_and_any(message, {}, {"points", "required", "missing"}));
}

TEST(FrameworkValidation, MinCoverageAboveOne) {
    auto s = small_spec();
    s.min_coverage = 1.5;
    const auto message = validation_message([&] { Framework f(s); }, "$.min_coverage");
    EXPECT_TRUE(mentions_all_and_any(message, {"1.5"}, {"[0, 1]", "[0,1]", "between 0 and 1", "0 and 1"}));
}

TEST(FrameworkValidation, MinCoverageBelowZero) {
    auto s = small_spec();
    s.min_coverage = -0.25;
    const auto message = validation_message([&] { Framework f(s); }, "$.min_coverage");
    EXPECT_TRUE(mentions_all_and_any(message, {"-0.25"}, {"[0, 1]", "[0,1]", "between 0 and 1", "0 and 1"}));
}

TEST(FrameworkValidation, NonPositiveScale) {
    auto s = small_spec();
    s.scale = 0;
    const auto message = validation_message([&] { Framework f(s); }, "$.scale");
    EXPECT_TRUE(mentions_all_and_any(message, {"0"}, {"positive", "> 0", ">0", "greater than"}));
}

TEST(FrameworkValidation, ErrorsDeriveFromCivitasError) {
    auto s = small_spec();
    s.min_coverage = 2;
    EXPECT_THROW(Framework{s}, civitas::Error);
    EXPECT_THROW(Framework{s}, std::runtime_error);
}

// ---------------------------------------------------------------------------------------------
// Effective weights

TEST(EffectiveWeights, RelativeNested) {
    // A (weight 2): a1 (1), a2 (3); B (weight 1): b1 (1), subcategory B1 (1): b2, b3.
    // Top: A = 2/3, B = 1/3.
    // a1 = 2/3 * 1/4 = 1/6; a2 = 2/3 * 3/4 = 1/2;
    // b1 = 1/3 * 1/2 = 1/6; b2 = b3 = 1/3 * 1/2 * 1/2 = 1/12.   Sum = 2/12+6/12+2/12+1/12+1/12 = 1.
    auto s = spec_of({category("A", {higher("a1", 1, 1.0), higher("a2", 1, 3.0)}, 2.0),
                      category("B", {higher("b1", 1)}, 1.0, {category("B1", {higher("b2", 1), higher("b3", 1)}, 1.0)})});
    const Framework f(s);
    const auto& w = f.effective_weights();
    ASSERT_EQ(w.size(), 5u);
    EXPECT_NEAR(w[f.indicator_index("a1")], 1.0 / 6, eps);
    EXPECT_NEAR(w[f.indicator_index("a2")], 1.0 / 2, eps);
    EXPECT_NEAR(w[f.indicator_index("b1")], 1.0 / 6, eps);
    EXPECT_NEAR(w[f.indicator_index("b2")], 1.0 / 12, eps);
    EXPECT_NEAR(w[f.indicator_index("b3")], 1.0 / 12, eps);
    EXPECT_NEAR(std::accumulate(w.begin(), w.end(), 0.0), 1.0, eps);
}

TEST(EffectiveWeights, RelativeDefaultsToEqualShares) {
    const Framework f(flat_spec({higher("a", 1), higher("b", 1), higher("c", 1), higher("d", 1)}));
    for (double w : f.effective_weights()) EXPECT_NEAR(w, 0.25, eps);
}

TEST(EffectiveWeights, Points) {
    // Points / scale: 20, 30, 10, 40 of 100. Category B gives its points (50) explicitly.
    auto s = spec_of({category("A", {higher("a1", 1, 20.0), higher("a2", 1, 30.0)}),
                      category("B", {higher("b1", 1, 10.0), higher("b2", 1, 40.0)}, 50.0)});
    s.weighting = Weighting::points;
    const Framework f(s);
    const auto& w = f.effective_weights();
    ASSERT_EQ(w.size(), 4u);
    EXPECT_NEAR(w[f.indicator_index("a1")], 0.2, eps);
    EXPECT_NEAR(w[f.indicator_index("a2")], 0.3, eps);
    EXPECT_NEAR(w[f.indicator_index("b1")], 0.1, eps);
    EXPECT_NEAR(w[f.indicator_index("b2")], 0.4, eps);
}

TEST(EffectiveWeights, PointsOnAnotherScale) {
    // The 2011 civilized-city system: 100 basic + 20 featured points = scale 120.
    // 60 / 120 = 0.5, 40 / 120 = 1/3, 20 / 120 = 1/6.
    auto s = spec_of({category("basic", {higher("a", 1, 60.0), higher("b", 1, 40.0)}),
                      category("featured", {higher("c", 1, 20.0)})});
    s.weighting = Weighting::points;
    s.scale = 120;
    const Framework f(s);
    const auto& w = f.effective_weights();
    EXPECT_NEAR(w[f.indicator_index("a")], 0.5, eps);
    EXPECT_NEAR(w[f.indicator_index("b")], 1.0 / 3, eps);
    EXPECT_NEAR(w[f.indicator_index("c")], 1.0 / 6, eps);
}

// ---------------------------------------------------------------------------------------------
// Lookups

TEST(FrameworkLookup, IndicatorIndexAndIndicator) {
    const Framework f(small_spec());
    EXPECT_EQ(f.indicator_index("green"), 0u);
    EXPECT_EQ(f.indicator_index("aqi"), 1u);
    EXPECT_EQ(f.indicator_index("satisfaction"), 2u);
    EXPECT_EQ(f.indicator("aqi").id, "aqi");
    ASSERT_TRUE(f.indicator("aqi").pass.has_value());
    EXPECT_EQ(f.indicator("aqi").pass->low, 300.0);
    EXPECT_EQ(f.indicators()[2]->id, "satisfaction");
}

TEST(FrameworkLookup, UnknownIdThrowsNotFound) {
    const Framework f(small_spec());
    try {
        (void)f.indicator_index("noise");
        ADD_FAILURE() << "expected NotFoundError";
    } catch (const NotFoundError& e) {
        EXPECT_TRUE(mentions(e.what(), "noise")) << e.what();
    }
    EXPECT_THROW((void)f.indicator("noise"), NotFoundError);
    EXPECT_THROW((void)f.indicator("noise"), civitas::Error);
}

TEST(FrameworkLookup, IndicatorPathsAndCategories) {
    auto s = spec_of({category("A", {higher("a1", 1)}),
                      category("B", {}, std::nullopt, {category("B1", {higher("b1", 1), higher("b2", 1)})})});
    s.root.indicators = {higher("top", 1)};
    const Framework f(s);
    EXPECT_EQ(f.indicator_path(f.indicator_index("a1")), "$.categories[0].indicators[0]");
    EXPECT_EQ(f.indicator_path(f.indicator_index("b2")), "$.categories[1].categories[0].indicators[1]");
    EXPECT_EQ(f.indicator_path(f.indicator_index("top")), "$.indicators[0]");
    EXPECT_EQ(f.indicator_categories(f.indicator_index("b2")), (std::vector<std::string>{"B", "B1"}));
    EXPECT_EQ(f.indicator_categories(f.indicator_index("a1")), (std::vector<std::string>{"A"}));
    EXPECT_TRUE(f.indicator_categories(f.indicator_index("top")).empty());
    ASSERT_EQ(f.categories().size(), 3u);  // depth first: A, B, B1
    EXPECT_EQ(f.categories()[0]->id, "A");
    EXPECT_EQ(f.categories()[1]->id, "B");
    EXPECT_EQ(f.categories()[2]->id, "B1");
}

TEST(Framework, IdMayEqualAnIndicatorId) {
    // The framework's id names the file, not a node of the tree: an indicator may share it.
    const Framework f = parse_framework(R"({"id": "t", "name": "t", "reliability": "illustrative",
        "indicators": [{"id": "t", "pass": 1}]})");
    EXPECT_EQ(f.indicator("t").id, "t");
}

// ---------------------------------------------------------------------------------------------
// Messages in Chinese: the same errors, as a Chinese reader sees them

namespace {

}  // namespace

TEST(FrameworkMessages, ValidationErrorsReadInChinese) {
    auto duplicate = spec_of({category("env", {higher("green", 36), higher("aqi", 300)}), category("mgmt", {higher("green", 80)})});
    EXPECT_EQ(chinese_error([&] { Framework f(duplicate); }),
              "$.categories[1].indicators[0].id: id 'green' 重复；类别和指标的 id 应互不相同");

    auto negative = spec_of({category("env", {higher("green", 36), higher("aqi", 300, -1.5)})});
    EXPECT_EQ(chinese_error([&] { Framework f(negative); }), "$.categories[0].indicators[1].weight: -1.5 为负数；应为正数");

    auto green = higher("green", 36);
    green.improvement = Interval::at_least(30);
    EXPECT_EQ(chinese_error([&] { Framework f(flat_spec({green})); }),
              "$.indicators[0].improvement: >= 30 比达标线 >= 36 宽松；改进线应至少与达标线同样严格");

    auto tiered = higher("green", 36);
    tiered.scoring.type = RuleType::tiers;
    tiered.scoring.tiers = {{30, 1.5}};
    const std::string tiers = chinese_error([&] { Framework f(flat_spec({tiered})); });
    EXPECT_EQ(tiers, "$.indicators[0].scoring.tiers[0].score: 1.5 超出 [0, 1]；应为 [0, 1] 内的得分比例");
}

TEST(FrameworkMessages, RuleNamesStayAsWrittenAndTheSentenceIsChinese) {
    // The rule and direction names are the file's words, the same in both languages.
    auto flag = higher("flag", 1);
    flag.direction = Direction::yes_no;
    flag.pass.reset();
    flag.scoring.type = RuleType::linear;
    flag.scoring.zero = Interval::at_least(0);
    std::string english;
    try {
        Framework f(flat_spec({flag}));
    } catch (const ValidationError& e) {
        english = e.what();
        EXPECT_EQ(e.message(Language::en), english);
        EXPECT_EQ(e.message(Language::zh), "$.indicators[0].scoring.rule: 规则 'linear' 不适用于方向 'yes_no'；应为 'yes_no' 或 'pass_fail'");
    }
    EXPECT_EQ(english, "$.indicators[0].scoring.rule: rule 'linear' does not apply to direction 'yes_no'; expected 'yes_no' or 'pass_fail'");

    const Framework f(small_spec());
    EXPECT_EQ(chinese_error([&] { (void)f.indicator_index("noise"); }), "测评体系 'test' 中没有指标 id 'noise'");
}

// The line a unit is judged on (unit_line), every branch: a sub-unit's own line, a class's line,
// the default, a problem count's and a yes/no condition's, and none.
TEST(UnitLine, OneRuleForEveryUnit) {
    Indicator park;
    park.id = "park";
    park.pass = Interval::at_least(9.0);
    park.pass_by_class = {{"large", Interval::at_least(8.0)}, {"small", Interval::at_least(10.0)}};
    park.subunit_pass = Interval::at_least(5.5);
    EXPECT_EQ(unit_line(park), Interval::at_least(9.0));                     // the default
    EXPECT_EQ(unit_line(park, "large"), Interval::at_least(8.0));            // the class's
    EXPECT_EQ(unit_line(park, "medium"), Interval::at_least(9.0));           // no line of its own: the default
    EXPECT_EQ(unit_line(park, "small", true), Interval::at_least(5.5));      // a sub-unit: its own line first
    park.subunit_pass.reset();
    EXPECT_EQ(unit_line(park, "small", true), Interval::at_least(10.0));     // none: as any unit of its class

    Indicator by_class_only;
    by_class_only.pass_by_class = {{"north", Interval::at_least(30.0)}};
    EXPECT_EQ(unit_line(by_class_only, "north"), Interval::at_least(30.0));
    EXPECT_EQ(unit_line(by_class_only, "south"), std::nullopt);              // no line for that class

    Indicator problems;
    problems.direction = Direction::problem_count;
    EXPECT_EQ(unit_line(problems), Interval::at_most(0.0));
    problems.pass = Interval::at_most(2.0);
    EXPECT_EQ(unit_line(problems), Interval::at_most(2.0));

    Indicator condition;
    condition.direction = Direction::yes_no;
    EXPECT_EQ(unit_line(condition, "large", true), (Interval{1.0, 1.0}));  // met by yes
}
