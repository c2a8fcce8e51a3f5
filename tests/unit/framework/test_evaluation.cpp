// Evaluations of whole units: worked examples computed by hand from docs/scoring.md.

#include "support.hpp"

#include <civitas/civitas.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

using namespace civitas;
using namespace civitas::test;

namespace {

double obstacle_sum(const Evaluation& e) {
    double sum = 0;
    for (const auto& i : e.indicators) sum += i.obstacle;
    return sum;
}

const CategoryResult& category_result(const Evaluation& e, const std::string& id) {
    for (const auto& c : e.categories)
        if (c.id == id) return c;
    throw std::runtime_error("no category " + id);
}

// ---------------------------------------------------------------------------------------------
// (1) Two levels, mixed rules.
//
//   env (weight 3)
//     green         higher >= 36 %, linear zero 20            weight 2
//     aqi           higher >= 300 days, pass_fail              weight 1
//     sanitation (weight 1)
//       toilets     yes_no                                      weight 1
//       litter      problem_count, deduction 2.5 per problem    weight 1
//   mgmt (weight 1)
//     satisfaction  higher >= 80 %, proportional                weight 1
//     noise         lower <= 60 dB, tiers {50: 1.0, 60: 0.6}    weight 1
//
// Effective weights: env 3/4, mgmt 1/4; inside env green 2/4, aqi 1/4, sanitation 1/4.
//   green 0.375, aqi 0.1875, toilets 0.09375, litter 0.09375, satisfaction 0.125, noise 0.125.
// Full points (scale 100): 37.5, 18.75, 9.375, 9.375, 12.5, 12.5.
FrameworkSpec mixed_spec() {
    auto green = with_rule(higher("green", 36, 2.0), ScoringRule::linear(Interval::at_least(20)));
    green.unit = "%";
    auto aqi = higher("aqi", 300, 1.0);
    auto toilets = yes_no("toilets", 1.0);
    auto litter = with_rule(problems("litter", 1.0), ScoringRule::deduction(2.5));
    auto satisfaction = with_rule(higher("satisfaction", 80, 1.0), proportional());
    auto noise = with_rule(lower("noise", 60, 1.0), tiers({{50, 1.0}, {60, 0.6}}));
    auto s = spec_of({category("env", {green, aqi}, 3.0, {category("sanitation", {toilets, litter}, 1.0)}),
                      category("mgmt", {satisfaction, noise}, 1.0)},
                     "mixed");
    return s;
}

}  // namespace

TEST(Evaluation, MixedRulesTwoLevels) {
    const Framework f(mixed_spec());
    // Values and score shares:
    //   green 32         -> (32 - 20) / (36 - 20) = 0.75   not met, gap 4, relative 4/36
    //   aqi 310          -> 1                                met, gap 0
    //   toilets 0        -> 0                                not met, gap 1
    //   litter 3         -> (9.375 - 7.5) / 9.375 = 0.2     not met, gap 3, no relative gap (line 0)
    //   satisfaction 72  -> 72 / 80 = 0.9                    not met, gap 8, relative 0.1
    //   noise 55         -> tier 60 reached, 50 not: 0.6     met, gap 0
    const auto e = f.evaluate({{"green", 32},
                               {"aqi", 310},
                               {"toilets", 0},
                               {"litter", 3},
                               {"satisfaction", 72},
                               {"noise", 55}},
                              "lanzhou");
    EXPECT_EQ(e.framework, "mixed");
    EXPECT_EQ(e.unit, "lanzhou");
    EXPECT_EQ(e.scale, 100.0);
    ASSERT_EQ(e.indicators.size(), 6u);

    struct Expected {
        const char* id;
        double score, points, max_points;
        Outcome outcome;
        double gap;
    };
    // points = s x max_points: 0.75 x 37.5 = 28.125; 18.75; 0; 0.2 x 9.375 = 1.875;
    // 0.9 x 12.5 = 11.25; 0.6 x 12.5 = 7.5.  Sum 67.5.
    const Expected expected[] = {
        {"green", 0.75, 28.125, 37.5, Outcome::not_met, 4.0},
        {"aqi", 1.0, 18.75, 18.75, Outcome::met, 0.0},
        {"toilets", 0.0, 0.0, 9.375, Outcome::not_met, 1.0},
        {"litter", 0.2, 1.875, 9.375, Outcome::not_met, 3.0},
        {"satisfaction", 0.9, 11.25, 12.5, Outcome::not_met, 8.0},
        {"noise", 0.6, 7.5, 12.5, Outcome::met, 0.0},
    };
    for (const auto& x : expected) {
        SCOPED_TRACE(x.id);
        const auto& r = e.indicator(x.id);
        EXPECT_NEAR(r.score, x.score, eps);
        EXPECT_NEAR(r.points, x.points, eps);
        EXPECT_NEAR(r.max_points, x.max_points, eps);
        EXPECT_EQ(r.outcome, x.outcome);
        EXPECT_TRUE(r.counted);
        ASSERT_TRUE(r.gap.has_value());
        EXPECT_NEAR(*r.gap, x.gap, eps);
    }
    EXPECT_NEAR(e.indicator("green").relative_gap.value(), 4.0 / 36, eps);
    EXPECT_NEAR(e.indicator("satisfaction").relative_gap.value(), 0.1, eps);
    EXPECT_FALSE(e.indicator("litter").relative_gap.has_value());
    EXPECT_EQ(e.indicator("green").value, std::optional<double>(32.0));

    // Category subtotals (arithmetic):
    //   sanitation: 0.5 x 0 + 0.5 x 0.2 = 0.1;               max 18.75, points 1.875
    //   env: 0.5 x 0.75 + 0.25 x 1 + 0.25 x 0.1 = 0.65;      max 75,    points 48.75
    //   mgmt: 0.5 x 0.9 + 0.5 x 0.6 = 0.75;                  max 25,    points 18.75
    ASSERT_EQ(e.categories.size(), 3u);
    EXPECT_EQ(e.categories[0].id, "env");  // depth first
    EXPECT_EQ(e.categories[1].id, "sanitation");
    EXPECT_EQ(e.categories[2].id, "mgmt");
    const auto& env = category_result(e, "env");
    const auto& sanitation = category_result(e, "sanitation");
    const auto& mgmt = category_result(e, "mgmt");
    EXPECT_EQ(env.depth, 1);
    EXPECT_EQ(sanitation.depth, 2);
    EXPECT_EQ(mgmt.depth, 1);
    EXPECT_NEAR(sanitation.score, 0.1, eps);
    EXPECT_NEAR(sanitation.points, 1.875, eps);
    EXPECT_NEAR(sanitation.max_points, 18.75, eps);
    EXPECT_NEAR(env.score, 0.65, eps);
    EXPECT_NEAR(env.points, 48.75, eps);
    EXPECT_NEAR(env.max_points, 75.0, eps);
    EXPECT_NEAR(mgmt.score, 0.75, eps);
    EXPECT_NEAR(mgmt.points, 18.75, eps);
    EXPECT_NEAR(mgmt.max_points, 25.0, eps);
    // met / assessed / indicators below each category
    EXPECT_EQ(env.met, 1);
    EXPECT_EQ(env.assessed, 4);
    EXPECT_EQ(env.indicators, 4);
    EXPECT_EQ(sanitation.met, 0);
    EXPECT_EQ(sanitation.assessed, 2);
    EXPECT_EQ(sanitation.indicators, 2);
    EXPECT_EQ(mgmt.met, 1);
    EXPECT_EQ(mgmt.assessed, 2);

    // Total: 0.75 x 0.65 + 0.25 x 0.75 = 0.675 -> 67.5 points.
    ASSERT_TRUE(e.total.has_value());
    EXPECT_NEAR(*e.total, 67.5, eps);
    double points = 0;
    for (const auto& r : e.indicators) points += r.points;
    EXPECT_NEAR(points, 67.5, eps);  // arithmetic: the points add up to the total
    EXPECT_EQ(e.met, 2);
    EXPECT_EQ(e.assessed, 6);
    EXPECT_NEAR(e.coverage, 1.0, eps);

    // Obstacle degrees: lost = green 9.375, aqi 0, toilets 9.375, litter 7.5, satisfaction 1.25,
    // noise 5; sum 32.5 = 100 - 67.5.
    EXPECT_NEAR(e.indicator("green").obstacle, 9.375 / 32.5, eps);
    EXPECT_EQ(e.indicator("aqi").obstacle, 0.0);
    EXPECT_NEAR(e.indicator("toilets").obstacle, 9.375 / 32.5, eps);
    EXPECT_NEAR(e.indicator("litter").obstacle, 7.5 / 32.5, eps);
    EXPECT_NEAR(e.indicator("satisfaction").obstacle, 1.25 / 32.5, eps);
    EXPECT_NEAR(e.indicator("noise").obstacle, 5.0 / 32.5, eps);
    EXPECT_NEAR(obstacle_sum(e), 1.0, eps);

    // Shortfalls in framework order: green, toilets, litter, satisfaction.
    const auto shortfalls = e.shortfalls();
    ASSERT_EQ(shortfalls.size(), 4u);
    EXPECT_EQ(shortfalls[0]->id, "green");
    EXPECT_EQ(shortfalls[1]->id, "toilets");
    EXPECT_EQ(shortfalls[2]->id, "litter");
    EXPECT_EQ(shortfalls[3]->id, "satisfaction");

    // No pass rules: "every counted indicator met" fails.
    EXPECT_FALSE(e.passed);
    EXPECT_EQ(e.decided_by, Decision::rule);
    EXPECT_TRUE(e.basic_failed.empty());
    EXPECT_FALSE(e.reason.empty());
    EXPECT_TRUE(e.error.empty());
    EXPECT_FALSE(to_string(e).empty());
}

TEST(Evaluation, NothingLostMeansNoObstacle) {
    const Framework f(mixed_spec());
    const auto e = f.evaluate(
        {{"green", 40}, {"aqi", 320}, {"toilets", 1}, {"litter", 0}, {"satisfaction", 90}, {"noise", 45}});
    EXPECT_NEAR(e.total.value(), 100.0, eps);
    for (const auto& r : e.indicators) EXPECT_EQ(r.obstacle, 0.0) << r.id;
    EXPECT_TRUE(e.passed);
    EXPECT_EQ(e.decided_by, Decision::passed);
    EXPECT_TRUE(e.shortfalls().empty());
}

TEST(Evaluation, UnknownIndicatorResultThrowsNotFound) {
    const Framework f(mixed_spec());
    const auto e = f.evaluate({{"green", 40}});
    EXPECT_THROW((void)e.indicator("trees"), NotFoundError);
}

// ---------------------------------------------------------------------------------------------
// (2) The Lanzhou garden-city gap: 8 categories, 75 indicators, 68 met and 7 not met.

namespace {

struct GardenShortfall {
    const char* id;
    double line;
    double value;
    double gap;
};

// The 7 indicators not met (DOMAIN.md); the lines and values beyond the first two are
// illustrative. Framework order: the first five sit in "green_space", waste in "municipal",
// heat metering in "energy".
const GardenShortfall garden_shortfalls[] = {
    {"green_coverage", 36, 31.44, 4.56},      // 36 - 31.44
    {"green_space_ratio", 31, 28.63, 2.37},   // 31 - 28.63
    {"park_service_radius", 70, 64.5, 5.5},   // 70 - 64.5
    {"shaded_road", 60, 51, 9},               // 60 - 51
    {"shaded_parking", 30, 12, 18},           // 30 - 12
    {"waste_harmless", 85, 80.3, 4.7},        // 85 - 80.3
    {"heat_metering", 35, 20, 15},            // 35 - 20
};

/// 8 categories of 8 + 14 + 9 + 10 + 8 + 12 + 7 + 7 = 75 indicators, each category weighted by
/// its size so that every indicator weighs 1/75. Every indicator: higher, pass_fail.
/// Fillers pass at 50; the unit's values: 60 for fillers, the table above for the 7.
struct Garden {
    FrameworkSpec spec;
    std::map<std::string, double> values;
};

Garden garden_city() {
    const std::pair<const char*, int> categories[] = {
        {"management", 8}, {"green_space", 14}, {"ecology", 9},      {"municipal", 10},
        {"energy", 8},     {"construction", 12}, {"landscape", 7}, {"livelihood", 7},
    };
    Garden g;
    g.spec.id = "garden-city-test";
    g.spec.name = "国家园林城市标准 (test)";
    for (const auto& [cat, size] : categories) {
        std::vector<Indicator> indicators;
        std::vector<const GardenShortfall*> own;
        if (std::string(cat) == "green_space")
            for (int k = 0; k < 5; ++k) own.push_back(&garden_shortfalls[k]);
        if (std::string(cat) == "municipal") own.push_back(&garden_shortfalls[5]);
        if (std::string(cat) == "energy") own.push_back(&garden_shortfalls[6]);
        for (const auto* s : own) {
            auto i = higher(s->id, s->line);
            i.unit = "%";
            indicators.push_back(i);
            g.values[s->id] = s->value;
        }
        for (int k = static_cast<int>(own.size()); k < size; ++k) {
            const std::string id = std::string(cat) + "_" + std::to_string(k);
            indicators.push_back(higher(id, 50));
            g.values[id] = 60;
        }
        g.spec.root.categories.push_back(category(cat, indicators, static_cast<double>(size)));
    }
    return g;
}

}  // namespace

TEST(Evaluation, GardenCityGapOfLanzhou) {
    const auto garden = garden_city();
    const Framework f(garden.spec);
    ASSERT_EQ(f.indicators().size(), 75u);
    for (double w : f.effective_weights()) EXPECT_NEAR(w, 1.0 / 75, eps);

    const auto e = f.evaluate(garden.values, "兰州");
    EXPECT_EQ(e.met, 68);
    EXPECT_EQ(e.assessed, 75);
    // 68 of 75 at 100/75 points each: 90.666...
    EXPECT_NEAR(e.total.value(), 68.0 * 100.0 / 75.0, eps);

    const auto shortfalls = e.shortfalls();
    ASSERT_EQ(shortfalls.size(), 7u);
    for (std::size_t k = 0; k < 7; ++k) {
        const auto& expected = garden_shortfalls[k];
        SCOPED_TRACE(expected.id);
        EXPECT_EQ(shortfalls[k]->id, expected.id);
        EXPECT_EQ(shortfalls[k]->outcome, Outcome::not_met);
        EXPECT_NEAR(shortfalls[k]->gap.value(), expected.gap, eps);
        EXPECT_NEAR(shortfalls[k]->relative_gap.value(), expected.gap / expected.line, eps);
        EXPECT_NEAR(shortfalls[k]->obstacle, 1.0 / 7, eps);  // each loses 100/75 of 7 x 100/75
    }
    EXPECT_NEAR(e.indicator("green_coverage").gap.value(), 4.56, eps);
    EXPECT_NEAR(e.indicator("green_space_ratio").gap.value(), 2.37, eps);
    EXPECT_NEAR(obstacle_sum(e), 1.0, eps);

    // green_space: 9 of 14 met -> score 9/14, max 14 x 100/75 = 18.667, points 9 x 100/75 = 12.
    const auto& green = category_result(e, "green_space");
    EXPECT_EQ(green.met, 9);
    EXPECT_EQ(green.indicators, 14);
    EXPECT_NEAR(green.score, 9.0 / 14, eps);
    EXPECT_NEAR(green.points, 12.0, eps);
    EXPECT_NEAR(green.max_points, 1400.0 / 75, eps);
    EXPECT_EQ(category_result(e, "management").met, 8);

    // Default rule: every indicator met -> not passed.
    EXPECT_FALSE(e.passed);
    EXPECT_EQ(e.decided_by, Decision::rule);
}

TEST(Evaluation, GardenCityPassesAShareRule) {
    auto garden = garden_city();
    garden.spec.pass_rules = {{PassRuleType::min_share_met, 0.9}};  // 68 / 75 = 0.9067
    const auto e = Framework(garden.spec).evaluate(garden.values);
    EXPECT_TRUE(e.passed);
    EXPECT_EQ(e.decided_by, Decision::passed);
}

// ---------------------------------------------------------------------------------------------
// (3) Veto: a basic item not met fails the unit whatever the total.

namespace {

/// b1 basic yes/no; g1..g4 general, higher >= 10, pass_fail; equal weights (20 points each).
FrameworkSpec veto_spec(std::vector<PassRule> rules) {
    auto s = flat_spec({basic(yes_no("b1")), higher("g1", 10), higher("g2", 10), higher("g3", 10), higher("g4", 10)},
                       "veto");
    s.pass_rules = std::move(rules);
    return s;
}

}  // namespace

TEST(Veto, FailedBasicItemFailsAHighTotal) {
    // b1 = 0, g1..g4 met: total 80 >= 60, yet not passed.
    const Framework f(veto_spec({{PassRuleType::min_total, 60}}));
    const auto e = f.evaluate({{"b1", 0}, {"g1", 20}, {"g2", 20}, {"g3", 20}, {"g4", 20}});
    EXPECT_NEAR(e.total.value(), 80.0, eps);
    EXPECT_FALSE(e.passed);
    EXPECT_EQ(e.decided_by, Decision::veto);
    EXPECT_EQ(e.basic_failed, std::vector<std::string>{"b1"});
    EXPECT_FALSE(e.failed_rule.has_value());
}

TEST(Veto, ComesBeforeTheRules) {
    // min_total 90 fails too, but the veto is checked first.
    const Framework f(veto_spec({{PassRuleType::min_total, 90}}));
    const auto e = f.evaluate({{"b1", 0}, {"g1", 20}, {"g2", 20}, {"g3", 20}, {"g4", 20}});
    EXPECT_EQ(e.decided_by, Decision::veto);
}

TEST(Veto, AppliesEvenWhenAllBasicMetIsNotListed) {
    const Framework f(veto_spec({{PassRuleType::min_count_met, 1}}));
    const auto e = f.evaluate({{"b1", 0}, {"g1", 20}, {"g2", 20}, {"g3", 20}, {"g4", 20}});
    EXPECT_FALSE(e.passed);
    EXPECT_EQ(e.decided_by, Decision::veto);
}

TEST(Veto, BasicItemWithoutDataUnderFail) {
    const Framework f(veto_spec({{PassRuleType::min_total, 60}}));
    const auto e = f.evaluate({{"g1", 20}, {"g2", 20}, {"g3", 20}, {"g4", 20}});
    EXPECT_EQ(e.indicator("b1").outcome, Outcome::missing);
    EXPECT_FALSE(e.passed);
    EXPECT_EQ(e.decided_by, Decision::veto);
    EXPECT_EQ(e.basic_failed, std::vector<std::string>{"b1"});
}

TEST(Veto, BasicItemWithoutDataUnderSkipDoesNotVeto) {
    // "a basic item is not met or, under fail, has no data": under skip a missing basic item is
    // left out; g1..g4 met give 100 on what is counted.
    auto s = veto_spec({{PassRuleType::min_total, 60}});
    s.missing = MissingPolicy::skip;
    const auto e = Framework(s).evaluate({{"g1", 20}, {"g2", 20}, {"g3", 20}, {"g4", 20}});
    EXPECT_NEAR(e.total.value(), 100.0, eps);
    EXPECT_TRUE(e.passed);
    EXPECT_EQ(e.decided_by, Decision::passed);
}

TEST(Veto, BasicItemMetLetsTheRulesDecide) {
    const Framework f(veto_spec({{PassRuleType::min_total, 60}}));
    const auto e = f.evaluate({{"b1", 1}, {"g1", 20}, {"g2", 20}, {"g3", 5}, {"g4", 5}});  // 60 points
    EXPECT_TRUE(e.basic_failed.empty());
    EXPECT_TRUE(e.passed);
    EXPECT_EQ(e.decided_by, Decision::passed);
}

// ---------------------------------------------------------------------------------------------
// (4) Pass rules.

namespace {

/// b1 basic, g1..g4 general, all higher >= 10 pass_fail, 20 points each. The unit below meets
/// b1, g1, g2, g3 and misses g4: total 80, 4 of 5 met, 3 of 4 general met.
const std::map<std::string, double> rule_unit = {{"b1", 20}, {"g1", 20}, {"g2", 20}, {"g3", 20}, {"g4", 5}};

Evaluation with_rules(std::vector<PassRule> rules) {
    auto s = flat_spec({basic(higher("b1", 10)), higher("g1", 10), higher("g2", 10), higher("g3", 10), higher("g4", 10)},
                       "rules");
    s.pass_rules = std::move(rules);
    return Framework(s).evaluate(rule_unit);
}

void expect_passes(const std::vector<PassRule>& rules) {
    const auto e = with_rules(rules);
    EXPECT_TRUE(e.passed) << e.reason.text(Language::en);
    EXPECT_EQ(e.decided_by, Decision::passed);
    EXPECT_FALSE(e.failed_rule.has_value());
}

void expect_fails_on(const std::vector<PassRule>& rules, const PassRule& failing) {
    const auto e = with_rules(rules);
    EXPECT_FALSE(e.passed);
    EXPECT_EQ(e.decided_by, Decision::rule);
    ASSERT_TRUE(e.failed_rule.has_value());
    EXPECT_TRUE(*e.failed_rule == failing) << to_string(e.failed_rule->type) << " " << e.failed_rule->value;
    EXPECT_FALSE(e.reason.empty());
}

}  // namespace

TEST(PassRules, MinTotal) {
    expect_passes({{PassRuleType::min_total, 80}});
    expect_passes({{PassRuleType::min_total, 80 + 1e-8}});  // within 1e-9 x 100 = 1e-7
    expect_fails_on({{PassRuleType::min_total, 80 + 1e-6}}, {PassRuleType::min_total, 80 + 1e-6});  // beyond 1e-7
    expect_fails_on({{PassRuleType::min_total, 80.5}}, {PassRuleType::min_total, 80.5});
}

TEST(PassRules, MinShareGeneralMet) {
    expect_passes({{PassRuleType::min_share_general_met, 0.75}});  // 3 / 4
    expect_fails_on({{PassRuleType::min_share_general_met, 0.8}}, {PassRuleType::min_share_general_met, 0.8});
}

TEST(PassRules, MinShareMet) {
    expect_passes({{PassRuleType::min_share_met, 0.8}});  // 4 / 5
    expect_fails_on({{PassRuleType::min_share_met, 0.85}}, {PassRuleType::min_share_met, 0.85});
}

TEST(PassRules, MinCountMet) {
    expect_passes({{PassRuleType::min_count_met, 4}});
    expect_fails_on({{PassRuleType::min_count_met, 5}}, {PassRuleType::min_count_met, 5});
}

TEST(PassRules, MinCountGeneralMet) {
    expect_passes({{PassRuleType::min_count_general_met, 3}});
    expect_fails_on({{PassRuleType::min_count_general_met, 4}}, {PassRuleType::min_count_general_met, 4});
}

TEST(PassRules, AllBasicMetListed) { expect_passes({{PassRuleType::all_basic_met, 0}}); }

TEST(PassRules, FirstFailingRuleInFileOrderDecides) {
    expect_fails_on({{PassRuleType::min_count_met, 1}, {PassRuleType::min_total, 99}, {PassRuleType::min_share_met, 0.95}},
                    {PassRuleType::min_total, 99});
    expect_passes({{PassRuleType::min_count_met, 4}, {PassRuleType::min_total, 75}, {PassRuleType::min_share_met, 0.8}});
}

// The reason in words, in English and Chinese, for each way a unit passes or fails (numbers
// lose their trailing zeros); the unit has total 80, 4 of 5 indicators met and 3 of 4 general items met.
TEST(PassRules, TheReasonSaysWhyInBothLanguages) {
    const auto reason = [](const std::vector<PassRule>& rules, Language language) {
        return with_rules(rules).reason.text(language);
    };
    EXPECT_EQ(reason({{PassRuleType::min_total, 80.5}}, Language::en), "failed: total 80 below 80.5 (min_total)");
    EXPECT_EQ(reason({{PassRuleType::min_total, 80.5}}, Language::zh), "未通过: 总分 80，低于 80.5（min_total）");
    EXPECT_EQ(reason({{PassRuleType::min_share_met, 0.85}}, Language::en),
              "failed: 4 of 5 indicators met (80%), below 85% (min_share_met)");
    EXPECT_EQ(reason({{PassRuleType::min_share_met, 0.85}}, Language::zh), "未通过: 5 个指标中 4 个达标（80%），低于 85%（min_share_met）");
    EXPECT_EQ(reason({{PassRuleType::min_count_met, 5}}, Language::en), "failed: 4 indicators met, below 5 (min_count_met)");
    EXPECT_EQ(reason({{PassRuleType::min_count_met, 5}}, Language::zh), "未通过: 4 个指标达标，低于 5 个（min_count_met）");
    EXPECT_EQ(reason({{PassRuleType::min_share_general_met, 0.8}}, Language::en),
              "failed: 3 of 4 general items met (75%), below 80% (min_share_general_met)");
    EXPECT_EQ(reason({{PassRuleType::min_count_general_met, 4}}, Language::zh),
              "未通过: 3 个一般指标达标，低于 4 个（min_count_general_met）");
    EXPECT_EQ(reason({}, Language::en), "failed: 4 of 5 indicators met; every one must be");
    EXPECT_EQ(reason({}, Language::zh), "未通过: 5 个指标中 4 个达标；应全部达标");
    EXPECT_EQ(reason({{PassRuleType::min_total, 80}}, Language::en), "passed: all 1 pass rules hold");
    EXPECT_EQ(reason({{PassRuleType::min_total, 80}}, Language::zh), "通过: 1 条通过规则全部满足");

    auto s = flat_spec({basic(higher("b1", 10)), higher("g1", 10)}, "rules");
    const Evaluation vetoed = Framework(s).evaluate({{"b1", 5}, {"g1", 20}});
    EXPECT_EQ(vetoed.reason.text(Language::en), "failed: basic items not met: b1");
    EXPECT_EQ(vetoed.reason.text(Language::zh), "未通过: 基本指标未达标: b1");
}

// The text view (the command line's `score` output) in both languages.
TEST(PassRules, TheTextViewInBothLanguages) {
    const Evaluation e = with_rules({{PassRuleType::min_total, 80.5}});
    const std::string english = to_string(e);
    const std::string chinese = to_string(e, Language::zh);
    EXPECT_EQ(english.substr(0, english.find("    g4")),
              "Evaluation of a unit against 'rules': NOT PASSED\n"
              "  failed: total 80 below 80.5 (min_total)\n"
              "  total 80 / 100; 4 of 5 indicators met, 5 assessed; coverage 100%\n"
              "  not met (1):\n");
    EXPECT_EQ(chinese.substr(0, chinese.find("    g4")),
              "单位（测评体系 'rules'）: 未通过\n"
              "  未通过: 总分 80，低于 80.5（min_total）\n"
              "  总分 80 / 100；5 个指标中 4 个达标，5 个有数据；数据覆盖 100%\n"
              "  未达标（1）:\n");
    const std::size_t g4 = chinese.find("    g4");
    EXPECT_EQ(chinese.substr(g4, chinese.find("，障碍度") - g4), "    g4: 5，达标线 >= 10，差距 5，相对差距 50%");
}

// With its framework the view writes as an office does: a percentage's gap in percentage points (个百分点)
// beside the relative gap, a yes/no line as "yes" (是), and under `fail` each item without data named.
TEST(PassRules, TheTextViewWithItsFramework) {
    Indicator green = basic(higher("green", 36));
    green.name = "建成区绿化覆盖率";
    green.unit = "%";
    Indicator plan = yes_no("plan");
    plan.name = "绿地系统规划";
    Indicator toilets = basic(higher("toilets", 10));
    auto spec = flat_spec({green, plan, toilets, higher("parks", 5)}, "office");
    spec.missing = MissingPolicy::fail;
    const Framework framework(spec);
    const Evaluation e = framework.evaluate({{"green", 31.44}, {"plan", 0}, {"parks", 6}});

    const std::string chinese = to_string(e, framework, Language::zh);
    EXPECT_NE(chinese.find("    green 建成区绿化覆盖率: 31.44%，达标线 >= 36%，差距 4.56 个百分点，相对差距 12.7%，障碍度"), std::string::npos)
        << chinese;
    EXPECT_NE(chinese.find("    plan 绿地系统规划: 否，达标线 是，障碍度"), std::string::npos) << chinese;
    EXPECT_NE(chinese.find("  无数据，按未达标计（1）:\n    toilets（基本项）"), std::string::npos) << chinese;
    EXPECT_EQ(chinese.find("不限"), std::string::npos) << chinese;

    const std::string english = to_string(e, framework, Language::en);
    EXPECT_NE(english.find("gap 4.56 percentage points, relative gap 12.7%"), std::string::npos) << english;
    EXPECT_NE(english.find("    plan 绿地系统规划: no, pass yes, obstacle"), std::string::npos) << english;
    EXPECT_NE(english.find("  no data, counted as not met (1):\n    toilets (basic item)"), std::string::npos) << english;

    // Without the framework the items are named by id alone, still each one.
    EXPECT_NE(to_string(e).find("  no data, counted as not met (1):\n    toilets (basic item)"), std::string::npos);
}

TEST(PassRules, DefaultRuleEveryCountedIndicatorMet) {
    const auto failing = with_rules({});
    EXPECT_FALSE(failing.passed);
    EXPECT_EQ(failing.decided_by, Decision::rule);

    auto s = flat_spec({basic(higher("b1", 10)), higher("g1", 10), higher("g2", 10)}, "rules");
    const auto all_met = Framework(s).evaluate({{"b1", 10}, {"g1", 10}, {"g2", 11}});
    EXPECT_TRUE(all_met.passed);
    EXPECT_EQ(all_met.decided_by, Decision::passed);

    // Under skip, a missing indicator is not counted, so it does not block the default rule.
    s.missing = MissingPolicy::skip;
    const auto skipped = Framework(s).evaluate({{"b1", 10}, {"g1", 10}});
    EXPECT_TRUE(skipped.passed);
    // Under fail it is counted and not met.
    s.missing = MissingPolicy::fail;
    const auto failed = Framework(s).evaluate({{"b1", 10}, {"g1", 10}});
    EXPECT_FALSE(failed.passed);
    EXPECT_EQ(failed.decided_by, Decision::rule);
}

TEST(PassRules, SharesDivideByCountedIndicators) {
    // Under skip, g4 missing: counted general items g1, g2, g3 (g3 not met): 2 / 3 >= 0.66.
    auto s = flat_spec({basic(higher("b1", 10)), higher("g1", 10), higher("g2", 10), higher("g3", 10), higher("g4", 10)});
    s.missing = MissingPolicy::skip;
    s.pass_rules = {{PassRuleType::min_share_general_met, 0.66}};
    const auto e = Framework(s).evaluate({{"b1", 20}, {"g1", 20}, {"g2", 20}, {"g3", 5}});
    EXPECT_TRUE(e.passed) << e.reason.text(Language::en);
    s.pass_rules = {{PassRuleType::min_share_general_met, 0.67}};
    EXPECT_FALSE(Framework(s).evaluate({{"b1", 20}, {"g1", 20}, {"g2", 20}, {"g3", 5}}).passed);
}

// ---------------------------------------------------------------------------------------------
// (5) Missing data.
//
//   A (weight 1): a1, a2      B (weight 1): b1, b2      all higher >= 10, pass_fail, weight 1
//   Unit: a1 = 20 (met), a2 missing, b1 = 20 (met), b2 = 5 (not met).

namespace {

FrameworkSpec missing_spec(MissingPolicy policy, double min_coverage = 0) {
    auto s = spec_of({category("A", {higher("a1", 10), higher("a2", 10)}), category("B", {higher("b1", 10), higher("b2", 10)})},
                     "missing");
    s.missing = policy;
    s.min_coverage = min_coverage;
    return s;
}

const std::map<std::string, double> missing_unit = {{"a1", 20}, {"b1", 20}, {"b2", 5}};

}  // namespace

TEST(MissingData, FailCountsAsNotMet) {
    // a2 counted with score 0: total = 25 x (1 + 0 + 1 + 0) = 50. Coverage 3/4.
    const auto e = Framework(missing_spec(MissingPolicy::fail)).evaluate(missing_unit);
    const auto& a2 = e.indicator("a2");
    EXPECT_EQ(a2.outcome, Outcome::missing);
    EXPECT_TRUE(a2.counted);
    EXPECT_FALSE(a2.value.has_value());
    EXPECT_FALSE(a2.gap.has_value());
    EXPECT_FALSE(a2.relative_gap.has_value());
    EXPECT_EQ(a2.score, 0.0);
    EXPECT_NEAR(a2.max_points, 25.0, eps);
    EXPECT_EQ(a2.points, 0.0);
    EXPECT_NEAR(e.total.value(), 50.0, eps);
    EXPECT_EQ(e.met, 2);
    EXPECT_EQ(e.assessed, 3);
    EXPECT_NEAR(e.coverage, 0.75, eps);
    // Lost: a2 25, b2 25 -> 0.5 each.
    EXPECT_NEAR(a2.obstacle, 0.5, eps);
    EXPECT_NEAR(e.indicator("b2").obstacle, 0.5, eps);
    // Shortfalls are indicators not met *with data*.
    const auto shortfalls = e.shortfalls();
    ASSERT_EQ(shortfalls.size(), 1u);
    EXPECT_EQ(shortfalls[0]->id, "b2");
    // A: 0.5 x 1 + 0.5 x 0 = 0.5; assessed 1 of 2.
    EXPECT_NEAR(category_result(e, "A").score, 0.5, eps);
    EXPECT_EQ(category_result(e, "A").assessed, 1);
    EXPECT_EQ(category_result(e, "A").indicators, 2);
    EXPECT_FALSE(e.passed);  // default rule: a2 counted and not met
}

TEST(MissingData, SkipRenormalisesSiblings) {
    // a2 left out: inside A, a1 takes weight 1 -> A = 1; B = 0.5 x 1 + 0.5 x 0 = 0.5.
    // Total = 0.5 x 1 + 0.5 x 0.5 = 0.75 -> 75. max_points: a1 50, a2 0, b1 25, b2 25.
    // Coverage stays nominal: 3/4.
    const auto e = Framework(missing_spec(MissingPolicy::skip)).evaluate(missing_unit);
    const auto& a2 = e.indicator("a2");
    EXPECT_EQ(a2.outcome, Outcome::missing);
    EXPECT_FALSE(a2.counted);
    EXPECT_EQ(a2.max_points, 0.0);
    EXPECT_EQ(a2.points, 0.0);
    EXPECT_EQ(a2.obstacle, 0.0);
    EXPECT_NEAR(e.indicator("a1").max_points, 50.0, eps);
    EXPECT_NEAR(e.indicator("a1").points, 50.0, eps);
    EXPECT_NEAR(e.indicator("b1").max_points, 25.0, eps);
    EXPECT_NEAR(e.indicator("b2").max_points, 25.0, eps);
    EXPECT_NEAR(e.total.value(), 75.0, eps);
    EXPECT_NEAR(category_result(e, "A").score, 1.0, eps);
    EXPECT_NEAR(category_result(e, "B").score, 0.5, eps);
    EXPECT_NEAR(e.coverage, 0.75, eps);
    EXPECT_EQ(e.assessed, 3);
    EXPECT_NEAR(e.indicator("b2").obstacle, 1.0, eps);  // the only points lost
}

TEST(MissingData, SkipLeavesAnEmptyCategoryOut) {
    // a1 and a2 missing: A is left out of the root; B takes weight 1.
    // Total = 0.5 x 100 = 50; b1 and b2 max 50 each; coverage 1/2.
    const auto e = Framework(missing_spec(MissingPolicy::skip)).evaluate({{"b1", 20}, {"b2", 5}});
    EXPECT_NEAR(e.total.value(), 50.0, eps);
    EXPECT_NEAR(e.indicator("b1").max_points, 50.0, eps);
    EXPECT_NEAR(e.indicator("b2").max_points, 50.0, eps);
    EXPECT_NEAR(e.coverage, 0.5, eps);
}

TEST(MissingData, IndicatorOverridesTheFrameworkPolicy) {
    // Framework fail, a2 skip: the same numbers as SkipRenormalisesSiblings.
    auto s = missing_spec(MissingPolicy::fail);
    s.root.categories[0].indicators[1].missing = MissingPolicy::skip;
    const auto e = Framework(s).evaluate(missing_unit);
    EXPECT_FALSE(e.indicator("a2").counted);
    EXPECT_NEAR(e.total.value(), 75.0, eps);

    // And the other way round: framework skip, a2 fail -> 50.
    auto t = missing_spec(MissingPolicy::skip);
    t.root.categories[0].indicators[1].missing = MissingPolicy::fail;
    EXPECT_NEAR(Framework(t).evaluate(missing_unit).total.value(), 50.0, eps);
}

TEST(MissingData, BelowMinCoverageNoTotal) {
    // coverage 0.75 < 0.8: no total, decided by coverage.
    for (auto policy : {MissingPolicy::skip, MissingPolicy::fail}) {
        const auto e = Framework(missing_spec(policy, 0.8)).evaluate(missing_unit);
        EXPECT_NEAR(e.coverage, 0.75, eps);
        EXPECT_FALSE(e.total.has_value());
        EXPECT_FALSE(e.passed);
        EXPECT_EQ(e.decided_by, Decision::coverage);
    }
}

TEST(MissingData, AtMinCoverageATotal) {
    // coverage 0.75 is not below 0.75.
    const auto e = Framework(missing_spec(MissingPolicy::skip, 0.75)).evaluate(missing_unit);
    ASSERT_TRUE(e.total.has_value());
    EXPECT_NEAR(*e.total, 75.0, eps);
    EXPECT_NE(e.decided_by, Decision::coverage);
}

TEST(MissingData, NothingCountedNoTotal) {
    const auto e = Framework(missing_spec(MissingPolicy::skip)).evaluate({});
    EXPECT_FALSE(e.total.has_value());
    EXPECT_EQ(e.coverage, 0.0);
    EXPECT_FALSE(e.passed);
    EXPECT_EQ(e.decided_by, Decision::coverage);
}

TEST(MissingData, CoverageUsesNominalWeights) {
    // A weight 3, B weight 1: a1 = a2 = 3/8, b1 = b2 = 1/8. a2 missing -> coverage 5/8.
    auto s = missing_spec(MissingPolicy::skip);
    s.root.categories[0].weight = 3.0;
    const auto e = Framework(s).evaluate(missing_unit);
    EXPECT_NEAR(e.coverage, 5.0 / 8, eps);
}

// ---------------------------------------------------------------------------------------------
// (6) Geometric aggregation.
//
//   G (weight 1, geometric): g1 (weight 1), g2 (weight 3)    both linear higher >= 100, zero 0
//   R (weight 1, arithmetic): r1 pass_fail
//   g1 = 6.25 -> s = 0.0625; g2 = 100 -> s = 1.  G = 0.0625^(1/4) x 1^(3/4) = 0.5.
//   Total = 0.5 x 0.5 + 0.5 x 1 = 0.75 -> 75.

namespace {

FrameworkSpec geometric_spec() {
    const auto rule = ScoringRule::linear(Interval::at_least(0));
    auto g = category("G", {with_rule(higher("g1", 100, 1.0), rule), with_rule(higher("g2", 100, 3.0), rule)});
    g.aggregation = Aggregation::geometric;
    return spec_of({g, category("R", {higher("r1", 10)})}, "geometric");
}

}  // namespace

TEST(Aggregation, Geometric) {
    const auto e = Framework(geometric_spec()).evaluate({{"g1", 6.25}, {"g2", 100}, {"r1", 10}});
    EXPECT_NEAR(e.indicator("g1").score, 0.0625, eps);
    EXPECT_NEAR(category_result(e, "G").score, 0.5, eps);
    EXPECT_NEAR(category_result(e, "G").points, 25.0, eps);
    EXPECT_NEAR(e.total.value(), 75.0, eps);
    // points = s x max_points: g1 max 0.5 x 0.25 x 100 = 12.5, points 0.78125.
    EXPECT_NEAR(e.indicator("g1").max_points, 12.5, eps);
    EXPECT_NEAR(e.indicator("g1").points, 0.78125, eps);
}

TEST(Aggregation, GeometricZeroChildGivesZero) {
    const auto e = Framework(geometric_spec()).evaluate({{"g1", 0}, {"g2", 100}, {"r1", 10}});
    EXPECT_EQ(category_result(e, "G").score, 0.0);
    EXPECT_NEAR(e.total.value(), 50.0, eps);
}

TEST(Aggregation, GeometricAtTheTop) {
    // Root geometric over two equally weighted indicators: sqrt(0.25 x 1) = 0.5 -> 50.
    auto s = flat_spec({with_rule(higher("x", 100), ScoringRule::linear(Interval::at_least(0))), higher("y", 1)});
    s.root.aggregation = Aggregation::geometric;
    EXPECT_NEAR(Framework(s).evaluate({{"x", 25}, {"y", 1}}).total.value(), 50.0, eps);
}

// ---------------------------------------------------------------------------------------------
// (7) Invalid data.

namespace {

Framework invalid_framework() {
    return Framework(flat_spec({bounded(higher("green", 36), 0, 100), yes_no("plan"), problems("litter")}, "invalid"));
}

}  // namespace

TEST(InvalidData, NaNIsAnError) {
    EXPECT_THROW((void)invalid_framework().evaluate({{"green", nan_value}, {"plan", 1}, {"litter", 0}}), ValidationError);
}

TEST(InvalidData, NaNAsMissing) {
    EvaluateOptions options;
    options.nan_as_missing = true;
    const auto e = invalid_framework().evaluate({{"green", nan_value}, {"plan", 1}, {"litter", 0}}, "u", "", options);
    EXPECT_EQ(e.indicator("green").outcome, Outcome::missing);
    EXPECT_FALSE(e.indicator("green").value.has_value());
    EXPECT_EQ(e.assessed, 2);
    // The same as leaving it out.
    expect_same_evaluation(e, invalid_framework().evaluate({{"plan", 1}, {"litter", 0}}, "u"));
}

TEST(InvalidData, InfinityIsAnError) {
    EvaluateOptions options;
    options.nan_as_missing = true;
    EXPECT_THROW((void)invalid_framework().evaluate({{"litter", unbounded}}), ValidationError);
    EXPECT_THROW((void)invalid_framework().evaluate({{"litter", unbounded}}, "", "", options), ValidationError);
}

TEST(InvalidData, UnknownIdIsNotFound) {
    try {
        (void)invalid_framework().evaluate({{"green", 40}, {"greem", 40}});
        ADD_FAILURE() << "expected NotFoundError";
    } catch (const NotFoundError& e) {
        EXPECT_TRUE(mentions(e.what(), "greem")) << e.what();
    }
}

TEST(InvalidData, YesNoValueMustBeZeroOrOne) {
    try {
        (void)invalid_framework().evaluate({{"plan", 0.5}});
        ADD_FAILURE() << "expected ValidationError";
    } catch (const ValidationError& e) {
        EXPECT_TRUE(mentions_all_and_any(e.what(), {"plan", "0.5"}));
    }
}

TEST(InvalidData, ValueOutsideBounds) {
    try {
        (void)invalid_framework().evaluate({{"green", 120}});
        ADD_FAILURE() << "expected ValidationError";
    } catch (const ValidationError& e) {
        EXPECT_TRUE(mentions_all_and_any(e.what(), {"green", "120"}));
    }
    EXPECT_THROW((void)invalid_framework().evaluate({{"green", -0.5}}), ValidationError);
    EXPECT_NO_THROW((void)invalid_framework().evaluate({{"green", 100}}));  // the bound itself is possible
}

TEST(InvalidData, NegativeCountIsAnError) {
    EXPECT_THROW((void)invalid_framework().evaluate({{"litter", -1}}), ValidationError);
}

// ---------------------------------------------------------------------------------------------
// Messages in Chinese

TEST(InvalidDataMessages, ReadInChinese) {
    try {
        (void)invalid_framework().evaluate({{"plan", 0.5}});
        ADD_FAILURE() << "expected ValidationError";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.what(), std::string("values: indicator 'plan': value 0.5 is not yes or no; expected 1 (yes) or 0 (no)"));
        EXPECT_EQ(e.message(Language::zh), "values: 指标 'plan': 值 0.5 不是“是”或“否”；应为 1（是）或 0（否）");
    }
    try {
        (void)invalid_framework().evaluate({{"green", 120}});
        ADD_FAILURE() << "expected ValidationError";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.message(Language::zh), "values: 指标 'green': 值 120 超出取值范围 [0, 100]；应在该范围内");
    }
    const auto e = invalid_framework().evaluate({{"green", 40}}, "u");
    try {
        (void)e.indicator("greem");
        ADD_FAILURE() << "expected NotFoundError";
    } catch (const NotFoundError& error) {
        EXPECT_EQ(error.message(Language::zh), "测评体系 'invalid' 的测评结果中没有指标 id 'greem'");
    }
}
