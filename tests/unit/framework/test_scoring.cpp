// Scoring rules and directions, one indicator at a time. Expected values are computed by hand
// from the table "Score share of an indicator" in docs/scoring.md.

#include "support.hpp"

#include <civitas/civitas.hpp>

#include <gtest/gtest.h>

using namespace civitas;
using namespace civitas::test;

namespace {

/// The result of a one-indicator framework (so P, the full points, is the scale: 100).
IndicatorResult score_of(const Indicator& indicator, double value, const std::string& unit_class = "") {
    const Framework f(flat_spec({indicator}));
    return f.evaluate({{indicator.id, value}}, "unit", unit_class).indicators.at(0);
}

double share(const Indicator& indicator, double value) { return score_of(indicator, value).score; }

}  // namespace

// ---------------------------------------------------------------------------------------------
// Directions: when an indicator is met, and its gap

TEST(Direction, HigherMetAtTheLine) {
    const auto green = higher("green", 36);
    const auto at = score_of(green, 36);
    EXPECT_EQ(at.outcome, Outcome::met);
    EXPECT_EQ(at.score, 1.0);
    ASSERT_TRUE(at.gap.has_value());
    EXPECT_EQ(*at.gap, 0.0);
    EXPECT_TRUE(at.pass == Interval::at_least(36));

    const auto below = score_of(green, 35.5);  // gap 0.5, relative 0.5 / 36
    EXPECT_EQ(below.outcome, Outcome::not_met);
    EXPECT_EQ(below.score, 0.0);
    EXPECT_NEAR(below.gap.value(), 0.5, eps);
    EXPECT_NEAR(below.relative_gap.value(), 0.5 / 36, eps);
}

TEST(Direction, LowerMetAtTheLine) {
    const auto pm = lower("pm25", 35);
    EXPECT_EQ(score_of(pm, 35).outcome, Outcome::met);
    EXPECT_EQ(score_of(pm, 12).outcome, Outcome::met);
    const auto above = score_of(pm, 42);  // gap 7, relative 7 / 35 = 0.2
    EXPECT_EQ(above.outcome, Outcome::not_met);
    EXPECT_NEAR(above.gap.value(), 7.0, eps);
    EXPECT_NEAR(above.relative_gap.value(), 0.2, eps);
    EXPECT_TRUE(above.pass == Interval::at_most(35));
}

TEST(Direction, RangeMetBetweenBothEnds) {
    const auto density = in_range("density", 40, 60);
    EXPECT_EQ(score_of(density, 40).outcome, Outcome::met);
    EXPECT_EQ(score_of(density, 60).outcome, Outcome::met);
    EXPECT_EQ(score_of(density, 50).gap.value(), 0.0);

    const auto low = score_of(density, 38);  // misses the low end 40: gap 2, relative 2 / 40
    EXPECT_EQ(low.outcome, Outcome::not_met);
    EXPECT_NEAR(low.gap.value(), 2.0, eps);
    EXPECT_NEAR(low.relative_gap.value(), 0.05, eps);

    const auto high = score_of(density, 63);  // misses the high end 60: gap 3, relative 3 / 60
    EXPECT_EQ(high.outcome, Outcome::not_met);
    EXPECT_NEAR(high.gap.value(), 3.0, eps);
    EXPECT_NEAR(high.relative_gap.value(), 0.05, eps);
}

TEST(Direction, YesNoMetOnYes) {
    const auto plan = yes_no("green_plan");
    const auto yes = score_of(plan, 1);
    EXPECT_EQ(yes.outcome, Outcome::met);
    EXPECT_EQ(yes.gap.value(), 0.0);
    const auto no = score_of(plan, 0);  // gap 1 for a failed condition
    EXPECT_EQ(no.outcome, Outcome::not_met);
    EXPECT_EQ(no.gap.value(), 1.0);
}

TEST(Direction, ProblemCountAllowsNoneByDefault) {
    const auto litter = problems("litter");
    EXPECT_EQ(score_of(litter, 0).outcome, Outcome::met);
    const auto three = score_of(litter, 3);  // the excess count: 3; the line is 0, so no relative gap
    EXPECT_EQ(three.outcome, Outcome::not_met);
    EXPECT_EQ(three.gap.value(), 3.0);
    EXPECT_FALSE(three.relative_gap.has_value());
    EXPECT_TRUE(three.pass.high == 0.0);
}

TEST(Direction, ProblemCountWithAnAllowance) {
    auto litter = problems("litter");
    litter.pass = Interval::at_most(2);
    EXPECT_EQ(score_of(litter, 2).outcome, Outcome::met);
    const auto five = score_of(litter, 5);  // excess 3, relative 3 / 2
    EXPECT_EQ(five.outcome, Outcome::not_met);
    EXPECT_EQ(five.gap.value(), 3.0);
    EXPECT_NEAR(five.relative_gap.value(), 1.5, eps);
}

TEST(Direction, LowerWithALineOfZeroHasNoRelativeGap) {
    const auto accidents = lower("major_accidents", 0);
    const auto one = score_of(accidents, 1);
    EXPECT_EQ(one.gap.value(), 1.0);
    EXPECT_FALSE(one.relative_gap.has_value());
}

TEST(Direction, MetIndicatorHasZeroRelativeGap) {
    // evaluation.hpp: relative_gap = gap / |pass line|, empty only when the line is 0 or data missing.
    const auto met = score_of(higher("green", 36), 40);
    EXPECT_EQ(met.gap.value(), 0.0);
    EXPECT_EQ(met.relative_gap.value(), 0.0);
}

// ---------------------------------------------------------------------------------------------
// pass_fail

TEST(Scoring, PassFailEachDirection) {
    EXPECT_EQ(share(higher("h", 10), 10), 1.0);
    EXPECT_EQ(share(higher("h", 10), 9.99), 0.0);
    EXPECT_EQ(share(lower("l", 10), 10), 1.0);
    EXPECT_EQ(share(lower("l", 10), 10.01), 0.0);
    EXPECT_EQ(share(in_range("r", 40, 60), 45), 1.0);
    EXPECT_EQ(share(in_range("r", 40, 60), 61), 0.0);
    EXPECT_EQ(share(problems("p"), 0), 1.0);
    EXPECT_EQ(share(problems("p"), 1), 0.0);
    EXPECT_EQ(share(with_rule(yes_no("y"), ScoringRule::pass_fail()), 1), 1.0);
    EXPECT_EQ(share(with_rule(yes_no("y"), ScoringRule::pass_fail()), 0), 0.0);
}

// ---------------------------------------------------------------------------------------------
// linear

TEST(Scoring, LinearHigher) {
    // F = [36, inf) (the pass line), Z = [20, inf). Below F: (v - 20) / (36 - 20).
    const auto green = with_rule(higher("green", 36), ScoringRule::linear(Interval::at_least(20)));
    EXPECT_NEAR(share(green, 28), 0.5, eps);     // 8 / 16
    EXPECT_NEAR(share(green, 32), 0.75, eps);    // 12 / 16
    EXPECT_NEAR(share(green, 31.44), 0.715, eps);  // 11.44 / 16
    EXPECT_EQ(share(green, 36), 1.0);
    EXPECT_EQ(share(green, 50), 1.0);             // inside F
    EXPECT_EQ(share(green, 20), 0.0);             // "a value of 20 or less scores 0"
    EXPECT_EQ(share(green, 5), 0.0);              // clamped at 0
    EXPECT_EQ(score_of(green, 32).outcome, Outcome::not_met);
}

TEST(Scoring, LinearHigherWithAFullLineAboveThePassLine) {
    // pass >= 36, F = [40, inf), Z = [20, inf): 38 is met but scores (38 - 20) / (40 - 20) = 0.9.
    const auto green =
        with_rule(higher("green", 36), ScoringRule::linear(Interval::at_least(20), Interval::at_least(40)));
    const auto r = score_of(green, 38);
    EXPECT_EQ(r.outcome, Outcome::met);
    EXPECT_NEAR(r.score, 0.9, eps);
    EXPECT_EQ(share(green, 45), 1.0);
    EXPECT_NEAR(share(green, 30), 0.5, eps);  // 10 / 20
}

TEST(Scoring, LinearLower) {
    // F = (-inf, 10], Z = (-inf, 30]. Above F: (30 - v) / (30 - 10).
    const auto pm = with_rule(lower("pm", 10), ScoringRule::linear(Interval::at_most(30)));
    EXPECT_NEAR(share(pm, 15), 0.75, eps);
    EXPECT_NEAR(share(pm, 25), 0.25, eps);
    EXPECT_EQ(share(pm, 10), 1.0);
    EXPECT_EQ(share(pm, 2), 1.0);   // inside F
    EXPECT_EQ(share(pm, 30), 0.0);
    EXPECT_EQ(share(pm, 45), 0.0);  // clamped at 0
}

TEST(Scoring, LinearRange) {
    // F = [40, 60], Z = [20, 80].
    // below: (v - 20) / (40 - 20); above: (80 - v) / (80 - 60).
    const auto density = with_rule(in_range("density", 40, 60), ScoringRule::linear(Interval{20, 80}));
    EXPECT_NEAR(share(density, 30), 0.5, eps);
    EXPECT_NEAR(share(density, 35), 0.75, eps);
    EXPECT_NEAR(share(density, 75), 0.25, eps);
    EXPECT_NEAR(share(density, 62), 0.9, eps);
    EXPECT_EQ(share(density, 50), 1.0);
    EXPECT_EQ(share(density, 10), 0.0);  // clamped below
    EXPECT_EQ(share(density, 90), 0.0);  // clamped above
}

TEST(Scoring, LinearProblemCount) {
    // problem_count: F = (-inf, 0] (allowed 0), Z = (-inf, 10]: (10 - v) / 10.
    const auto litter = with_rule(problems("litter"), ScoringRule::linear(Interval::at_most(10)));
    EXPECT_NEAR(share(litter, 4), 0.6, eps);
    EXPECT_EQ(share(litter, 0), 1.0);
    EXPECT_EQ(share(litter, 12), 0.0);
}

// ---------------------------------------------------------------------------------------------
// proportional

TEST(Scoring, ProportionalHigher) {
    // v / F.low with F = [80, inf), capped at 1.
    const auto satisfaction = with_rule(higher("satisfaction", 80), proportional());
    EXPECT_NEAR(share(satisfaction, 60), 0.75, eps);
    EXPECT_NEAR(share(satisfaction, 72), 0.9, eps);
    EXPECT_EQ(share(satisfaction, 80), 1.0);
    EXPECT_EQ(share(satisfaction, 95), 1.0);
    EXPECT_EQ(share(satisfaction, 0), 0.0);
}

TEST(Scoring, ProportionalLower) {
    // 1 when v <= 20, else 20 / v.
    const auto pm = with_rule(lower("pm", 20), proportional());
    EXPECT_NEAR(share(pm, 25), 0.8, eps);
    EXPECT_NEAR(share(pm, 80), 0.25, eps);
    EXPECT_EQ(share(pm, 20), 1.0);
    EXPECT_EQ(share(pm, 10), 1.0);
    EXPECT_EQ(share(pm, 0), 1.0);
}

TEST(Scoring, ProportionalProblemCount) {
    auto litter = with_rule(problems("litter"), proportional());
    litter.pass = Interval::at_most(2);
    EXPECT_NEAR(share(litter, 4), 0.5, eps);  // 2 / 4
    EXPECT_NEAR(share(litter, 8), 0.25, eps);
    EXPECT_EQ(share(litter, 1), 1.0);
}

TEST(Scoring, ProportionalWithAFullInterval) {
    // F = [100, inf) instead of the pass line 80: 80 is met and scores 80 / 100.
    auto satisfaction = with_rule(higher("satisfaction", 80), proportional());
    satisfaction.scoring.full = Interval::at_least(100);
    const auto r = score_of(satisfaction, 80);
    EXPECT_EQ(r.outcome, Outcome::met);
    EXPECT_NEAR(r.score, 0.8, eps);
}

// ---------------------------------------------------------------------------------------------
// tiers

TEST(Scoring, TiersHigher) {
    // Tiers in any order: 90 -> 1.0, 60 -> 0.6, 80 -> 0.8; reached when v >= at.
    const auto rate = with_rule(higher("rate", 80), tiers({{90, 1.0}, {60, 0.6}, {80, 0.8}}));
    EXPECT_NEAR(share(rate, 85), 0.8, eps);
    EXPECT_NEAR(share(rate, 60), 0.6, eps);
    EXPECT_NEAR(share(rate, 79.9), 0.6, eps);
    EXPECT_NEAR(share(rate, 90), 1.0, eps);
    EXPECT_NEAR(share(rate, 99), 1.0, eps);
    EXPECT_EQ(share(rate, 59.9), 0.0);  // none reached
}

TEST(Scoring, TiersLower) {
    // reached when v <= at: 10 -> 1.0, 20 -> 0.5.
    const auto noise = with_rule(lower("noise", 20), tiers({{20, 0.5}, {10, 1.0}}));
    EXPECT_NEAR(share(noise, 15), 0.5, eps);
    EXPECT_NEAR(share(noise, 20), 0.5, eps);
    EXPECT_NEAR(share(noise, 10), 1.0, eps);
    EXPECT_NEAR(share(noise, 3), 1.0, eps);
    EXPECT_EQ(share(noise, 25), 0.0);
}

TEST(Scoring, TiersProblemCount) {
    // 0 problems -> 1.0, up to 2 -> 0.7, up to 5 -> 0.3.
    auto litter = with_rule(problems("litter"), tiers({{0, 1.0}, {2, 0.7}, {5, 0.3}}));
    EXPECT_NEAR(share(litter, 0), 1.0, eps);
    EXPECT_NEAR(share(litter, 1), 0.7, eps);
    EXPECT_NEAR(share(litter, 4), 0.3, eps);
    EXPECT_EQ(share(litter, 6), 0.0);
}

// ---------------------------------------------------------------------------------------------
// deduction: (P - min(per_problem x v, max_deduction)) / P, floored at 0

TEST(Scoring, DeductionWithoutCap) {
    // One indicator: P = 100. 20 points per problem.
    const auto litter = with_rule(problems("litter"), ScoringRule::deduction(20));
    EXPECT_EQ(share(litter, 0), 1.0);
    EXPECT_NEAR(share(litter, 1), 0.8, eps);  // (100 - 20) / 100
    EXPECT_NEAR(share(litter, 3), 0.4, eps);  // (100 - 60) / 100
    EXPECT_EQ(share(litter, 5), 0.0);         // (100 - 100) / 100
    EXPECT_EQ(share(litter, 6), 0.0);         // floored at 0
}

TEST(Scoring, DeductionWithCap) {
    // P = 100, 20 per problem, at most 50 deducted.
    const auto litter = with_rule(problems("litter"), ScoringRule::deduction(20, 50));
    EXPECT_NEAR(share(litter, 1), 0.8, eps);  // (100 - 20) / 100
    EXPECT_NEAR(share(litter, 3), 0.5, eps);  // (100 - min(60, 50)) / 100
    EXPECT_NEAR(share(litter, 30), 0.5, eps);
}

TEST(Scoring, DeductionUsesTheIndicatorsFullPoints) {
    // Points weighting: litter 10 points, green 90 points; P(litter) = 10.
    // 2 per problem: 3 problems -> (10 - 6) / 10 = 0.4; 6 problems -> floored at 0.
    // Capped at 5: 3 problems -> (10 - 5) / 10 = 0.5; 1 problem -> (10 - 2) / 10 = 0.8.
    auto make = [](ScoringRule rule) {
        auto s = flat_spec({with_rule(problems("litter", 10.0), std::move(rule)), higher("green", 36, 90.0)});
        s.weighting = Weighting::points;
        return Framework(s);
    };
    const auto plain = make(ScoringRule::deduction(2));
    EXPECT_NEAR(plain.evaluate({{"litter", 3}, {"green", 40}}).indicator("litter").score, 0.4, eps);
    EXPECT_NEAR(plain.evaluate({{"litter", 3}, {"green", 40}}).indicator("litter").points, 4.0, eps);
    EXPECT_EQ(plain.evaluate({{"litter", 6}, {"green", 40}}).indicator("litter").score, 0.0);
    const auto capped = make(ScoringRule::deduction(2, 5));
    EXPECT_NEAR(capped.evaluate({{"litter", 3}, {"green", 40}}).indicator("litter").score, 0.5, eps);
    EXPECT_NEAR(capped.evaluate({{"litter", 1}, {"green", 40}}).indicator("litter").score, 0.8, eps);
}

TEST(Scoring, DeductionFullPointsAreNominalUnderSkip) {
    // docs/scoring.md, Weights: "An indicator's full points P = effective weight x scale", the
    // nominal weight, while max_points is after renormalisation. Three equal indicators, x missing
    // and skipped: P(litter) = 100/3, max_points(litter) = 50.
    // 1 problem at 10 points: s = (100/3 - 10) / (100/3) = 0.7 (not (50 - 10) / 50 = 0.8).
    auto s = flat_spec({with_rule(problems("litter"), ScoringRule::deduction(10)), higher("x", 1), higher("y", 1)});
    s.missing = MissingPolicy::skip;
    const auto e = Framework(s).evaluate({{"litter", 1}, {"y", 1}});
    const auto& litter = e.indicator("litter");
    EXPECT_NEAR(litter.max_points, 50.0, eps);
    EXPECT_NEAR(litter.score, 0.7, eps);
    EXPECT_NEAR(litter.points, 35.0, eps);
    EXPECT_NEAR(e.total.value(), 85.0, eps);  // 35 + 50
}

TEST(Scoring, DeductionWithAnAllowanceStillDeductsEveryProblem) {
    // The pass line decides "met"; the score is the deduction formula: 1 problem of 2 allowed
    // is met and scores (100 - 20) / 100.
    auto litter = with_rule(problems("litter"), ScoringRule::deduction(20));
    litter.pass = Interval::at_most(2);
    const auto r = score_of(litter, 1);
    EXPECT_EQ(r.outcome, Outcome::met);
    EXPECT_NEAR(r.score, 0.8, eps);
}

// ---------------------------------------------------------------------------------------------
// yes_no

TEST(Scoring, YesNo) {
    const auto plan = yes_no("green_plan");
    EXPECT_EQ(share(plan, 1), 1.0);
    EXPECT_EQ(share(plan, 0), 0.0);
}

// ---------------------------------------------------------------------------------------------
// Class-dependent pass lines

namespace {

/// Park green space per person: default >= 8.0; class "small" (construction land < 80 m²/person)
/// has its own line >= 7.5.
Indicator park_green() {
    auto park = higher("park_green", 8.0);
    park.unit = "m²/person";
    park.pass_by_class = {{"small", Interval::at_least(7.5)}};
    return park;
}

}  // namespace

TEST(ClassPassLine, UnitClassWithItsOwnLine) {
    const auto r = score_of(park_green(), 7.8, "small");
    EXPECT_EQ(r.outcome, Outcome::met);
    EXPECT_TRUE(r.pass == Interval::at_least(7.5));
    EXPECT_EQ(r.gap.value(), 0.0);
}

TEST(ClassPassLine, UnitClassWithoutItsOwnLineUsesTheDefault) {
    const auto r = score_of(park_green(), 7.8, "medium");  // gap 8.0 - 7.8 = 0.2
    EXPECT_EQ(r.outcome, Outcome::not_met);
    EXPECT_TRUE(r.pass == Interval::at_least(8.0));
    EXPECT_NEAR(r.gap.value(), 0.2, eps);
}

TEST(ClassPassLine, UnitWithoutClassUsesTheDefault) {
    const auto r = score_of(park_green(), 7.8);
    EXPECT_EQ(r.outcome, Outcome::not_met);
    EXPECT_TRUE(r.pass == Interval::at_least(8.0));
}

TEST(ClassPassLine, NoLineAtAllIsInvalidData) {
    auto park = park_green();
    park.pass.reset();
    const Framework f(flat_spec({park}));
    EXPECT_EQ(f.evaluate({{"park_green", 7.8}}, "a", "small").indicators[0].outcome, Outcome::met);
    EXPECT_THROW((void)f.evaluate({{"park_green", 7.8}}, "b", "medium"), ValidationError);
    EXPECT_THROW((void)f.evaluate({{"park_green", 7.8}}, "c"), ValidationError);
}

TEST(ClassPassLine, ClassLineDrivesTheScoreToo) {
    // linear with Z = [5.5, inf) and F = the applied pass line:
    // class small: (7.0 - 5.5) / (7.5 - 5.5) = 0.75; default: (7.0 - 5.5) / (8.0 - 5.5) = 0.6.
    const auto park = with_rule(park_green(), ScoringRule::linear(Interval::at_least(5.5)));
    EXPECT_NEAR(score_of(park, 7.0, "small").score, 0.75, eps);
    EXPECT_NEAR(score_of(park, 7.0).score, 0.6, eps);
}

// ---------------------------------------------------------------------------------------------
// Improvement line (提升项)

TEST(ImprovementLine, HigherLine) {
    // Green coverage: basic >= 36%, improvement >= 40%.
    auto green = higher("green", 36);
    green.improvement = Interval::at_least(40);
    const auto basic_only = score_of(green, 38);
    EXPECT_EQ(basic_only.outcome, Outcome::met);
    EXPECT_EQ(basic_only.meets_improvement, std::optional<bool>(false));
    EXPECT_EQ(score_of(green, 41).meets_improvement, std::optional<bool>(true));
    EXPECT_EQ(score_of(green, 40).meets_improvement, std::optional<bool>(true));
    EXPECT_EQ(score_of(green, 30).meets_improvement, std::optional<bool>(false));
}

TEST(ImprovementLine, LowerLine) {
    auto pm = lower("pm", 35);
    pm.improvement = Interval::at_most(25);
    EXPECT_EQ(score_of(pm, 30).meets_improvement, std::optional<bool>(false));
    EXPECT_EQ(score_of(pm, 20).meets_improvement, std::optional<bool>(true));
}

TEST(ImprovementLine, AbsentWithoutALine) {
    EXPECT_FALSE(score_of(higher("green", 36), 41).meets_improvement.has_value());
}
