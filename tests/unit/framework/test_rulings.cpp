// Rulings: outcomes set by rules a unit's latest value cannot show (apply_rulings), and the
// framework fields that declare those rules (scope, subunit_pass, met_by, history_average).
// Worked by hand: three pass/fail indicators of weight 1 (a, b, c: at least 10), so each is
// worth 100 / 3 points and a unit passes when every counted indicator is met.

#include <civitas/io/framework_io.hpp>
#include "support.hpp"


namespace civitas {
namespace {

using test::basic;
using test::flat_spec;
using test::higher;
using test::lower;
using test::mentions;
using test::yes_no;

Framework three(bool b_basic = false) {
    return Framework(flat_spec({higher("a", 10), b_basic ? basic(higher("b", 10)) : higher("b", 10), higher("c", 10)}));
}

BatchEvaluation batch_of(const Framework& f, double a, double b, double c) {
    RowMatrix values(2, 3);
    values << a, b, c, 20, 20, 20;
    return evaluate_many(f, values, {"a", "b", "c"}, {"u", "v"});
}

TEST(Rulings, MetByARuleScoresFullAndPasses) {
    const Framework f = three();
    BatchEvaluation batch = batch_of(f, 12, 8, 15);  // b misses: 2 of 3 met, 66.67 points
    ASSERT_FALSE(batch.passed[0]);
    EXPECT_NEAR(batch.totals(0), 200.0 / 3.0, 1e-9);
    apply_rulings(f, batch, {{"u", "b", RulingKind::level_or_trend, Outcome::met, {}}});
    EXPECT_EQ(batch.outcomes(0, 1), static_cast<std::int8_t>(Outcome::met));
    EXPECT_DOUBLE_EQ(batch.scores(0, 1), 1.0);
    EXPECT_DOUBLE_EQ(batch.gaps(0, 1), 0.0);
    EXPECT_EQ(batch.met(0), 3);
    EXPECT_EQ(batch.assessed(0), 3);
    EXPECT_NEAR(batch.totals(0), 100.0, 1e-9);
    EXPECT_TRUE(batch.passed[0]);
    EXPECT_EQ(batch.decided_by[0], Decision::passed);
    EXPECT_TRUE(batch.renormalised.empty());  // every weight still counts
    const Evaluation e = unit_evaluation(f, batch, 0);
    EXPECT_TRUE(e.passed);
    EXPECT_EQ(e.indicator("b").outcome, Outcome::met);
    EXPECT_DOUBLE_EQ(*e.indicator("b").value, 8.0);  // the value stays as measured
    EXPECT_TRUE(mentions(e.reason.text(Language::en), "passed")) << e.reason.text(Language::en);
    // The other unit is untouched.
    EXPECT_TRUE(batch.passed[1]);
    EXPECT_EQ(batch.met(1), 3);
}

TEST(Rulings, NotMetByARuleLosesThePointsAndFails) {
    const Framework f = three();
    BatchEvaluation batch = batch_of(f, 12, 11, 15);
    ASSERT_TRUE(batch.passed[0]);
    apply_rulings(f, batch, {{"u", "a", RulingKind::subunit, Outcome::not_met, {}}});
    EXPECT_DOUBLE_EQ(batch.scores(0, 0), 0.0);
    EXPECT_EQ(batch.met(0), 2);
    EXPECT_NEAR(batch.totals(0), 200.0 / 3.0, 1e-9);
    EXPECT_FALSE(batch.passed[0]);
    EXPECT_EQ(batch.decided_by[0], Decision::rule);
    EXPECT_TRUE(mentions(unit_evaluation(f, batch, 0).reason.text(Language::en), "2 of 3 indicators met"));
}

TEST(Rulings, ABasicItemRuledNotMetVetoes) {
    const Framework f = three(true);
    BatchEvaluation batch = batch_of(f, 12, 11, 15);
    apply_rulings(f, batch, {{"u", "b", RulingKind::history_average, Outcome::not_met, {}}});
    EXPECT_EQ(batch.basic_failed(0), 1);
    EXPECT_EQ(batch.decided_by[0], Decision::veto);
    EXPECT_EQ(unit_evaluation(f, batch, 0).basic_failed, (std::vector<std::string>{"b"}));
    // Ruled met again: the veto goes.
    apply_rulings(f, batch, {{"u", "b", RulingKind::history_average, Outcome::met, {}}});
    EXPECT_EQ(batch.basic_failed(0), 0);
    EXPECT_TRUE(batch.passed[0]);
}

TEST(Rulings, NotAssessedLeavesTheUnitAndRenormalises) {
    // b is missed (8) but not assessed for u: a and c, both met, carry 50 points each.
    const Framework f = three(true);
    BatchEvaluation batch = batch_of(f, 12, 8, 15);
    ASSERT_EQ(batch.decided_by[0], Decision::veto);
    apply_rulings(f, batch, {{"u", "b", RulingKind::scope, Outcome::missing, {}}});
    EXPECT_EQ(batch.outcomes(0, 1), static_cast<std::int8_t>(Outcome::missing));
    EXPECT_EQ(batch.met(0), 2);
    EXPECT_EQ(batch.assessed(0), 2);
    EXPECT_EQ(batch.basic_failed(0), 0);
    EXPECT_NEAR(batch.coverage(0), 2.0 / 3.0, 1e-12);
    EXPECT_NEAR(batch.totals(0), 100.0, 1e-9);
    EXPECT_TRUE(batch.passed[0]);
    const BatchEvaluation::Matrix full = batch.max_points();
    EXPECT_NEAR(full(0, 0), 50.0, 1e-9);
    EXPECT_DOUBLE_EQ(full(0, 1), 0.0);
    EXPECT_NEAR(full(1, 1), 100.0 / 3.0, 1e-9);  // v keeps the nominal weights
    ASSERT_EQ(batch.not_assessed.count(0), 1u);
    EXPECT_TRUE(batch.not_assessed.at(0)[1]);
    const Evaluation e = unit_evaluation(f, batch, 0);
    EXPECT_FALSE(e.indicator("b").counted);
    EXPECT_DOUBLE_EQ(e.indicator("b").max_points, 0.0);
    EXPECT_TRUE(e.basic_failed.empty());
    // A later ruling cannot bring a cell that is not assessed back.
    apply_rulings(f, batch, {{"u", "b", RulingKind::subunit, Outcome::not_met, {}}});
    EXPECT_TRUE(batch.passed[0]);
}

TEST(Rulings, AnUnchangedOutcomeChangesNothingAndUnknownIdsThrow) {
    const Framework f = three();
    BatchEvaluation batch = batch_of(f, 12, 8, 15);
    const BatchEvaluation before = batch;
    apply_rulings(f, batch, {{"u", "b", RulingKind::subunit, Outcome::not_met, {}}});
    EXPECT_EQ(batch.scores, before.scores);
    EXPECT_EQ(batch.totals(0), before.totals(0));
    EXPECT_THROW(apply_rulings(f, batch, {{"w", "b", RulingKind::subunit, Outcome::met, {}}}), NotFoundError);
    EXPECT_THROW(apply_rulings(f, batch, {{"u", "z", RulingKind::subunit, Outcome::met, {}}}), NotFoundError);
    const Framework other(flat_spec({higher("a", 10), higher("b", 10), higher("c", 10)}, "other"));
    EXPECT_THROW(apply_rulings(other, batch, {}), ValidationError);
}

// ---- the framework fields -----------------------------------------------------------------

const char* const rules_json = R"({
  "format": "civitas-framework/1", "id": "rules", "name": "rules", "reliability": "illustrative",
  "indicators": [
    {"id": "park", "direction": "higher", "pass": 14.8, "subunit_pass": 5.5, "bounds": [0, null]},
    {"id": "gardens", "direction": "higher", "pass": 11, "scope": "top_unit"},
    {"id": "mortality", "direction": "lower", "pass": 5.6, "met_by": "level_or_trend",
     "trend": {"test": "slope", "last_points": 4, "confidence": 0.9}},
    {"id": "incidence", "direction": "lower", "pass": 100, "history_average": {"years": 5, "min_years": 3, "year_value": "mean"}}
  ]
})";

TEST(Rulings, FrameworkFieldsReadAndWriteBack) {
    const Framework f = parse_framework(rules_json);
    const Indicator& park = f.indicator("park");
    ASSERT_TRUE(park.subunit_pass);
    EXPECT_EQ(*park.subunit_pass, Interval::at_least(5.5));
    EXPECT_EQ(park.scope, IndicatorScope::every_unit);
    EXPECT_EQ(f.indicator("gardens").scope, IndicatorScope::top_unit);
    const Indicator& mortality = f.indicator("mortality");
    EXPECT_EQ(mortality.met_by, MetBy::level_or_trend);
    EXPECT_TRUE(mortality.trend.slope_test);
    EXPECT_EQ(mortality.trend.last_points, 4);
    EXPECT_DOUBLE_EQ(mortality.trend.confidence, 0.9);
    const Indicator& incidence = f.indicator("incidence");
    ASSERT_TRUE(incidence.history_average);
    EXPECT_EQ(incidence.history_average->years, 5);
    EXPECT_EQ(incidence.history_average->min_years, 3);
    EXPECT_TRUE(incidence.history_average->year_mean);
    EXPECT_EQ(parse_framework(framework_to_json(f)), f);
    EXPECT_NE(f.indicator("gardens"), f.indicator("park"));
}

std::string edited(const std::string& from, const std::string& to) {
    std::string text = rules_json;
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
}

TEST(Rulings, FrameworkFieldsAreValidated) {
    auto message = [](const std::string& json) -> std::string {
        try {
            (void)parse_framework(json, "rules.json");
        } catch (const ParseError& error) {
            return error.what();
        }
        return "";
    };
    // A city-wide item has no sub-unit line.
    EXPECT_TRUE(mentions(message(edited(R"("scope": "top_unit")", R"("scope": "top_unit", "subunit_pass": 3)")),
                         "$.indicators[1].subunit_pass"));
    // Both rules on one indicator.
    EXPECT_TRUE(mentions(message(edited(R"("met_by": "level_or_trend",)", R"("met_by": "level_or_trend", "history_average": {},)")),
                         "$.indicators[2].met_by"));
    EXPECT_TRUE(mentions(message(edited(R"("test": "slope")", R"("test": "steep")")), "consecutive"));
    EXPECT_TRUE(mentions(message(edited(R"("last_points": 4)", R"("last_points": 2)")), "$.indicators[2].trend.last_points"));
    EXPECT_TRUE(mentions(message(edited(R"("min_years": 3)", R"("min_years": 6)")), "$.indicators[3].history_average.min_years"));
    EXPECT_TRUE(mentions(message(edited(R"("scope": "top_unit")", R"("scope": "everywhere")")), "top_unit"));
    // yes/no has no trend and no sub-unit line; a range has no side for an average.
    Indicator flag = yes_no("flag");
    flag.met_by = MetBy::level_or_trend;
    EXPECT_THROW((void)Framework(flat_spec({flag})), ValidationError);
    Indicator ph = test::in_range("ph", 6.5, 8.5);
    ph.history_average = HistoryAverageRule{};
    EXPECT_THROW((void)Framework(flat_spec({ph})), ValidationError);
    Indicator low = lower("low", 5);
    low.subunit_pass = Interval::at_least(3);  // the wrong side for direction lower
    EXPECT_THROW((void)Framework(flat_spec({low})), ValidationError);
}

}  // namespace
}  // namespace civitas
