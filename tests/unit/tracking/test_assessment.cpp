// Assessment rounds and field inspections: the civilized city's round scheme (40 + 40 + 20
// points, years 15% / 25% / 60%, the negative list), round totals and consequences, the cycle
// standing and the points the remaining years need (worked by hand below), field-inspection
// records (validation, coverage of mandatory site types, roll-up per unit and indicator into
// observations), their files, and the campaign's rounds, checks, inspections and events.
//
// The bundled frameworks come from CIVITAS_DATA_DIR (set by ctest to data/).

#include "support.hpp"

#include <civitas/io/assessment_io.hpp>
#include <civitas/io/bundled_data.hpp>
#include <civitas/io/campaign_io.hpp>
#include <civitas/tracking/assessment.hpp>
#include <civitas/tracking/campaign.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

namespace civitas {
namespace {

using civitas::test::chinese_error;

using test::TempFolder;

using civitas::test::mentions_all_and_any;
using civitas::test::validation_message;

Date day(const char* iso) { return parse_date(iso, "test"); }

// The bundled scheme of the civilized city (data/round-schemes/civilized-city-2018.json).
RoundScheme civilized_city_scheme() { return load_bundled_round_scheme("civilized-city-2018"); }

// A civilized-city annual test with its three part scores.
AssessmentRound annual(std::string id, const char* date, double document, double field, double questionnaire) {
    AssessmentRound r;
    r.id = std::move(id);
    r.title = "civilized";
    r.kind = AssessmentKind::annual_test;
    r.date = day(date);
    r.parts = {{"document_review", document}, {"field_inspection", field}, {"questionnaire", questionnaire}};
    return r;
}

std::vector<std::string> ids_of(const std::vector<ConsequenceRule>& rules) {
    std::vector<std::string> ids;
    for (const ConsequenceRule& rule : rules) ids.push_back(rule.id);
    return ids;
}

// ---------------------------------------------------------------------------------------------
// The scheme

TEST(RoundScheme, CivilizedCityScheme) {
    const RoundScheme s = civilized_city_scheme();
    EXPECT_EQ(s.id, "civilized-city-2018");
    ASSERT_EQ(s.parts.size(), 3U);
    EXPECT_EQ(s.parts[0].id, "document_review");
    EXPECT_EQ(s.parts[0].full_points, 40.0);
    EXPECT_EQ(s.parts[1].mode, AssessmentMode::field_inspection);
    EXPECT_EQ(s.parts[1].full_points, 40.0);
    EXPECT_EQ(s.parts[2].full_points, 20.0);
    EXPECT_EQ(s.full_points(), 100.0);
    EXPECT_EQ(s.year_weights, (std::vector<double>{0.15, 0.25, 0.60}));
    ASSERT_EQ(s.consequences.size(), 3U);
    EXPECT_EQ(s.consequences[0].below, 80.0);
    EXPECT_EQ(s.consequences[1].id, "suspension");
    EXPECT_EQ(s.consequences[1].below, 70.0);
    EXPECT_EQ(s.consequences[1].months, 12);
    EXPECT_EQ(s.consequences[2].flag, "falsified_materials");
    EXPECT_NO_THROW(validate(s));
    // Its parts are the indicators of the bundled framework of one year's test, which names it.
    const Framework framework = load_bundled_framework("civilized-city-annual-2018");
    for (const RoundPart& part : s.parts) EXPECT_EQ(framework.indicator(part.id).weight, part.full_points) << part.id;
    EXPECT_EQ(framework.spec().round_scheme, s);
    EXPECT_TRUE(mentions_all_and_any([] {
        try {
            (void)load_bundled_round_scheme("garden");
        } catch (const NotFoundError& e) {
            return std::string(e.what());
        }
        return std::string();
    }(), {"garden", "civilized-city-2018"}));
    EXPECT_EQ(s.part("questionnaire").name, "入户问卷调查");
    EXPECT_THROW((void)s.part("online"), NotFoundError);
}

TEST(RoundScheme, ValidationNamesThePath) {
    RoundScheme s = civilized_city_scheme();
    s.parts[1].full_points = 0;
    EXPECT_TRUE(mentions_all_and_any(validation_message([&] { validate(s); }, "$.parts[1].full_points"), {"> 0"}));
    s = civilized_city_scheme();
    s.parts[2].id = "document_review";
    EXPECT_TRUE(mentions_all_and_any(validation_message([&] { validate(s); }, "$.parts[2].id"), {"duplicate", "document_review"}));
    s = civilized_city_scheme();
    s.parts.clear();
    (void)validation_message([&] { validate(s); }, "$.parts");
    s = civilized_city_scheme();
    s.year_weights = {0.15, 0.25, 0.5};
    EXPECT_TRUE(mentions_all_and_any(validation_message([&] { validate(s); }, "$.year_weights"), {"0.9", "sum to 1"}));
    s.year_weights = {0.5, -0.5, 1.0};
    (void)validation_message([&] { validate(s); }, "$.year_weights[1]");
    s = civilized_city_scheme();
    s.consequences[0].flag = "late";
    EXPECT_TRUE(mentions_all_and_any(validation_message([&] { validate(s, "$.titles[0].scheme"); }, "$.titles[0].scheme.consequences[0]"),
                                     {"both", "exactly one"}));
    s = civilized_city_scheme();
    s.consequences[1].months = 0;
    (void)validation_message([&] { validate(s); }, "$.consequences[1].months");
}

// ---------------------------------------------------------------------------------------------
// Rounds: totals and consequences, worked by hand

TEST(AssessmentRound, TotalIsTheSumOfThePartsOnceAllAreIn) {
    const RoundScheme s = civilized_city_scheme();
    // 30.5 + 32 + 16 = 78.5.
    AssessmentRound r = annual("y2025", "2025-11-30", 30.5, 32, 16);
    EXPECT_EQ(round_total(r, s), 78.5);
    // A part still missing: no total yet, and no score consequence.
    r.parts.erase("questionnaire");
    EXPECT_EQ(round_total(r, s), std::nullopt);
    EXPECT_TRUE(consequences(r, s).empty());
    // Only the published total known.
    r.parts.clear();
    r.total = 83;
    EXPECT_EQ(round_total(r, s), 83.0);
}

TEST(AssessmentRound, NegativeListConsequences) {
    const RoundScheme s = civilized_city_scheme();
    // 78.5 < 80: public criticism; not < 70.
    EXPECT_EQ(ids_of(consequences(annual("a", "2025-11-30", 30.5, 32, 16), s)), (std::vector<std::string>{"public_criticism"}));
    // 25 + 28 + 12 = 65 < 70: criticism and suspension for 12 months, mildest first.
    const auto severe = consequences(annual("b", "2025-11-30", 25, 28, 12), s);
    EXPECT_EQ(ids_of(severe), (std::vector<std::string>{"public_criticism", "suspension"}));
    EXPECT_EQ(severe.back().months, 12);
    // The lines are strict: exactly 80 brings nothing, exactly 70 criticism only.
    EXPECT_TRUE(consequences(annual("c", "2025-11-30", 32, 32, 16), s).empty());
    EXPECT_EQ(ids_of(consequences(annual("d", "2025-11-30", 28, 28, 14), s)), (std::vector<std::string>{"public_criticism"}));
    // Falsified materials bring criticism whatever the score (85 here).
    AssessmentRound flagged = annual("e", "2025-11-30", 34, 35, 16);
    flagged.flags = {"falsified_materials"};
    const auto by_flag = consequences(flagged, s);
    ASSERT_EQ(by_flag.size(), 1U);
    EXPECT_EQ(by_flag[0].flag, "falsified_materials");
    EXPECT_EQ(by_flag[0].name, "通报批评");
}

TEST(AssessmentRound, ValidationAgainstTheScheme) {
    const RoundScheme s = civilized_city_scheme();
    AssessmentRound r = annual("y2025", "2025-11-30", 30.5, 41, 16);
    EXPECT_TRUE(mentions_all_and_any(validation_message([&] { validate(r, s, "$.rounds[0]"); }, "$.rounds[0].parts.field_inspection"),
                                     {"41", "[0, 40]"}));
    r = annual("y2025", "2025-11-30", 30.5, 32, 16);
    r.parts["online"] = 3;
    EXPECT_TRUE(mentions_all_and_any(validation_message([&] { validate(r, s); }, "$.parts.online"), {"online", "questionnaire"}));
    r = annual("y2025", "2025-11-30", 30.5, 32, 16);
    r.total = 80;
    EXPECT_TRUE(mentions_all_and_any(validation_message([&] { validate(r, s); }, "$.total"), {"80", "78.5"}));
    r.total = 78.5;
    EXPECT_NO_THROW(validate(r, s));
    r.total = 101;
    r.parts.clear();
    EXPECT_TRUE(mentions_all_and_any(validation_message([&] { validate(r, s); }, "$.total"), {"101", "[0, 100]"}));
    r = annual("y2025", "2025-11-30", 30.5, 32, 16);
    r.flags = {"late_filing"};
    EXPECT_TRUE(mentions_all_and_any(validation_message([&] { validate(r, s); }, "$.flags[0]"), {"late_filing", "falsified_materials"}));
    r.flags.clear();
    r.id.clear();
    (void)validation_message([&] { validate(r, s); }, "$.id");
}

TEST(AssessmentRound, ToString) {
    AssessmentRound r = annual("y2025", "2025-11-30", 30.5, 32, 16);
    EXPECT_EQ(to_string(r), "AssessmentRound('y2025', civilized, annual_test, 2025-11-30, parts 78.5)");
    r.total = 78.5;
    EXPECT_EQ(to_string(r), "AssessmentRound('y2025', civilized, annual_test, 2025-11-30, total 78.5)");
}

// ---------------------------------------------------------------------------------------------
// The cycle, worked by hand: 2024 scored 85, 2025 scored 78.5, 2026 not yet.
// secured = 0.15 x 85 + 0.25 x 78.5 = 12.75 + 19.625 = 32.375; remaining weight 0.60;
// best possible = 32.375 + 0.60 x 100 = 92.375; to reach 80 the last year needs
// (80 - 32.375) / 0.60 = 79.375; 95 needs 104.375 > 100: out of reach.

std::vector<AssessmentRound> two_years() {
    return {annual("y2024", "2024-11-30", 34, 35, 16), annual("y2025", "2025-11-30", 30.5, 32, 16)};
}

TEST(Cycle, StandingWithAYearMissingIsNotRenormalised) {
    const RoundScheme s = civilized_city_scheme();
    const CycleStanding c = cycle_standing(s, two_years());
    EXPECT_EQ(c.first_year, 2024);
    ASSERT_EQ(c.scores.size(), 3U);
    EXPECT_EQ(c.scores[0], 85.0);
    EXPECT_EQ(c.scores[1], 78.5);
    EXPECT_EQ(c.scores[2], std::nullopt);
    EXPECT_NEAR(c.secured, 32.375, 1e-12);
    EXPECT_NEAR(c.remaining_weight, 0.60, 1e-12);
    EXPECT_EQ(c.total, std::nullopt);  // not (12.75 + 19.625) / 0.4 = 80.9375
    EXPECT_NEAR(c.best_possible, 92.375, 1e-12);
}

TEST(Cycle, PointsNeededInTheLastYear) {
    const RoundScheme s = civilized_city_scheme();
    const CycleStanding c = cycle_standing(s, two_years());
    const CycleNeed need = points_needed(c, s, 80);
    EXPECT_EQ(need.years, (std::vector<int>{2026}));
    EXPECT_NEAR(need.needed, 79.375, 1e-12);
    EXPECT_TRUE(need.reachable);
    EXPECT_FALSE(need.secured);
    const CycleNeed high = points_needed(c, s, 95);
    EXPECT_NEAR(high.needed, 104.375, 1e-12);
    EXPECT_FALSE(high.reachable);
    const CycleNeed low = points_needed(c, s, 30);  // already 32.375 in hand
    EXPECT_TRUE(low.secured);
    EXPECT_TRUE(low.reachable);
    EXPECT_LT(low.needed, 0.0);
}

TEST(Cycle, TwoYearsMissingNeedTheSameScoreInEach) {
    // Only 2024 (85): secured 12.75, remaining 0.85; 80 needs (80 - 12.75) / 0.85 = 79.1176...
    const RoundScheme s = civilized_city_scheme();
    const CycleStanding c = cycle_standing(s, {annual("y2024", "2024-11-30", 34, 35, 16)});
    const CycleNeed need = points_needed(c, s, 80);
    EXPECT_EQ(need.years, (std::vector<int>{2025, 2026}));
    EXPECT_NEAR(need.needed, 67.25 / 0.85, 1e-12);
}

TEST(Cycle, CompleteCycleTotal) {
    // 2026 scores 90: 32.375 + 0.60 x 90 = 86.375.
    const RoundScheme s = civilized_city_scheme();
    std::vector<AssessmentRound> rounds = two_years();
    rounds.push_back(annual("y2026", "2026-11-30", 36, 36, 18));
    // A mock test and another title's test do not count.
    AssessmentRound mock = annual("mock", "2026-06-01", 20, 20, 10);
    mock.kind = AssessmentKind::mock_test;
    AssessmentRound other = annual("other", "2026-06-02", 20, 20, 10);
    other.title = "garden";
    rounds.push_back(mock);
    rounds.push_back(other);
    const CycleStanding c = cycle_standing(s, rounds, "civilized");
    ASSERT_TRUE(c.total.has_value());
    EXPECT_NEAR(*c.total, 86.375, 1e-12);
    EXPECT_EQ(c.remaining_weight, 0.0);
    EXPECT_NEAR(c.best_possible, 86.375, 1e-12);
    const CycleNeed need = points_needed(c, s, 85);
    EXPECT_TRUE(need.years.empty());
    EXPECT_TRUE(std::isnan(need.needed));
    EXPECT_TRUE(need.secured);
    EXPECT_FALSE(points_needed(c, s, 90).reachable);
}

TEST(Cycle, FirstYearAndCountingYear) {
    RoundScheme s = civilized_city_scheme();
    s.first_year = 2023;  // 2023 missing, 2024 and 2025 in: secured 0.25 x 85 + 0.60 x 78.5
    CycleStanding c = cycle_standing(s, two_years());
    EXPECT_EQ(c.scores[0], std::nullopt);
    EXPECT_NEAR(c.secured, 21.25 + 47.1, 1e-12);
    // A test held in January counts for the year it says.
    std::vector<AssessmentRound> rounds = two_years();
    rounds[1].date = day("2026-01-15");
    rounds[1].year = 2025;
    s.first_year.reset();
    c = cycle_standing(s, rounds);
    EXPECT_EQ(c.scores[1], 78.5);
    // Two annual tests for one year are refused.
    rounds[0].year = 2025;
    EXPECT_TRUE(mentions_all_and_any(validation_message([&] { (void)cycle_standing(s, rounds); }, "$.rounds"), {"y2024", "y2025", "2025"}));
    s.year_weights.clear();
    (void)validation_message([&] { (void)cycle_standing(s, two_years()); }, "$.year_weights");
}

// ---------------------------------------------------------------------------------------------
// Field inspections

// Four sites in three districts; problems worked by hand in the roll-up tests.
FieldInspection inspection() {
    FieldInspection f;
    f.id = "fi-2025";
    f.title = "garden";
    f.date = day("2025-11-20");
    f.source = "第三方暗访（测试）";
    f.mandatory = {"hospital", "station", "market"};
    f.indicators = {"street_cleanliness_problems", "green_space_encroachments"};
    f.sites = {{"s1", "chengguan", "square", "东方红广场", std::nullopt},
               {"s2", "chengguan", "hospital", "", day("2025-11-21")},
               {"s3", "qilihe", "park", "", std::nullopt},
               {"s4", "xigu", "station", "", std::nullopt}};
    f.problems = {{"s1", "street_cleanliness_problems", "垃圾桶满溢", 2, 0.5},
                  {"s2", "street_cleanliness_problems", "地面烟头", 1, 0.25},
                  {"s3", "green_space_encroachments", "绿地内停车", 1, 0.25}};
    return f;
}

TEST(FieldInspection, MissingMandatorySiteTypes) {
    FieldInspection f = inspection();
    EXPECT_EQ(missing_site_types(f), (std::vector<std::string>{"market"}));
    f.sites.push_back({"s5", "anning", "market", "", std::nullopt});
    EXPECT_TRUE(missing_site_types(f).empty());
    f.sites.clear();
    f.problems.clear();
    EXPECT_EQ(missing_site_types(f), (std::vector<std::string>{"hospital", "station", "market"}));
}

TEST(FieldInspection, RollupPerUnitAndIndicator) {
    const std::vector<FieldRollup> rows = field_rollup(inspection());
    // chengguan: 2 sites, 2 + 1 = 3 street problems, 0.5 + 0.25 = 0.75 points; qilihe: 1 encroachment.
    const std::vector<FieldRollup> expected = {
        {"chengguan", "street_cleanliness_problems", 2, 3, 0.75}, {"chengguan", "green_space_encroachments", 2, 0, 0.0},
        {"qilihe", "street_cleanliness_problems", 1, 0, 0.0},      {"qilihe", "green_space_encroachments", 1, 1, 0.25},
        {"xigu", "street_cleanliness_problems", 1, 0, 0.0},        {"xigu", "green_space_encroachments", 1, 0, 0.0}};
    EXPECT_EQ(rows, expected);
}

TEST(FieldInspection, RollupCountsForAncestors) {
    const std::map<std::string, std::string> parents = {{"chengguan", "lanzhou"}, {"qilihe", "lanzhou"}, {"xigu", "lanzhou"}};
    const std::vector<FieldRollup> rows = field_rollup(inspection(), parents);
    ASSERT_EQ(rows.size(), 8U);
    // Units in order of first appearance: chengguan, then its parent lanzhou, qilihe, xigu.
    EXPECT_EQ(rows[2], (FieldRollup{"lanzhou", "street_cleanliness_problems", 4, 3, 0.75}));
    EXPECT_EQ(rows[3], (FieldRollup{"lanzhou", "green_space_encroachments", 4, 1, 0.25}));
    EXPECT_EQ(rows[4].unit, "qilihe");
}

TEST(FieldInspection, IndicatorsDefaultToThoseOfTheProblems) {
    FieldInspection f = inspection();
    f.indicators.clear();
    const std::vector<FieldRollup> rows = field_rollup(f);
    ASSERT_EQ(rows.size(), 6U);
    EXPECT_EQ(rows[0].indicator, "street_cleanliness_problems");
    EXPECT_EQ(rows[1].indicator, "green_space_encroachments");
}

TEST(FieldInspection, ObservationsOfTheRollup) {
    const std::vector<Observation> rows = field_observations(inspection());
    ASSERT_EQ(rows.size(), 6U);
    EXPECT_EQ(rows[0].unit, "chengguan");
    EXPECT_EQ(rows[0].indicator, "street_cleanliness_problems");
    EXPECT_EQ(rows[0].value, 3.0);
    EXPECT_EQ(rows[0].date, day("2025-11-20"));  // the inspection's date, not a site's
    EXPECT_EQ(rows[0].mode, AssessmentMode::field_inspection);
    EXPECT_EQ(rows[0].source, "第三方暗访（测试）");
    EXPECT_EQ(rows[0].sample_size, 2);
    EXPECT_EQ(rows[3].value, 1.0);
    FieldInspection anonymous = inspection();
    anonymous.source.clear();
    EXPECT_EQ(field_observations(anonymous)[0].source, "field inspection fi-2025");
    // They go into a store like any other observation.
    ObservationStore store;
    for (const Observation& o : rows) store.add(o);
    EXPECT_EQ(store.latest("xigu", "green_space_encroachments", day("2025-12-31"))->value, 0.0);
}

TEST(FieldInspection, ValidationNamesThePath) {
    FieldInspection f = inspection();
    f.problems[1].site = "s9";
    EXPECT_TRUE(mentions_all_and_any(validation_message([&] { validate(f); }, "$.problems[1].site"), {"s9"}));
    f = inspection();
    f.sites[3].id = "s1";
    EXPECT_TRUE(mentions_all_and_any(validation_message([&] { validate(f); }, "$.sites[3].id"), {"duplicate", "s1"}));
    f = inspection();
    f.sites[0].type.clear();
    (void)validation_message([&] { validate(f); }, "$.sites[0].type");
    f = inspection();
    f.problems[0].count = 0;
    EXPECT_TRUE(mentions_all_and_any(validation_message([&] { validate(f); }, "$.problems[0].count"), {"from 1 to 1000000"}));
    // Counts whose sum would pass an int (UBSan found the overflow in the roll-up) are refused.
    f = inspection();
    const InspectionProblem many = f.problems[0];
    f.problems.assign(101, many);
    for (InspectionProblem& p : f.problems) p.count = 1000000;
    EXPECT_TRUE(mentions_all_and_any(validation_message([&] { validate(f); }, "$.problems[100].count"), {"more than 100000000"}));
    f = inspection();
    f.problems[2].deduction = -1;
    (void)validation_message([&] { validate(f); }, "$.problems[2].deduction");
    f = inspection();
    f.problems[2].indicator = "waterlogging_points";
    EXPECT_TRUE(mentions_all_and_any(validation_message([&] { validate(f, "$.inspections[0]"); }, "$.inspections[0].problems[2].indicator"),
                                     {"waterlogging_points", "street_cleanliness_problems"}));
    EXPECT_EQ(to_string(inspection()), "FieldInspection('fi-2025', 2025-11-20, 4 sites, 4 problems)");
}

// ---------------------------------------------------------------------------------------------
// Field-inspection files


// The ParseError of `parse`, checked for its file and location.
template <class F>
std::string parse_error(F&& parse, const std::string& file, const std::string& location) {
    try {
        parse();
    } catch (const ParseError& e) {
        EXPECT_EQ(std::filesystem::path(e.file()).filename(), std::filesystem::path(file).filename()) << e.what();
        EXPECT_EQ(e.location(), location) << e.what();
        return e.what();
    } catch (const std::exception& e) {
        ADD_FAILURE() << "expected civitas::ParseError at " << location << ", got: " << e.what();
        return "";
    }
    ADD_FAILURE() << "expected civitas::ParseError at " << location << ", nothing was thrown";
    return "";
}

TEST(FieldInspectionFile, RoundTrip) {
    const FieldInspection f = inspection();
    const std::string text = field_inspection_to_json(f);
    EXPECT_EQ(parse_field_inspection(text), f);
    EXPECT_NE(text.find("\"format\": \"civitas-inspection/1\""), std::string::npos);
    EXPECT_EQ(text.find("\"count\": 1"), std::string::npos);  // the default is left out
    const TempFolder folder;
    EXPECT_EQ(load_field_inspection(folder.write("inspection.json", text).string()), f);
}

// The example inspection's file text with its first `from` replaced by `to`.
std::string inspection_text_with(const std::string& from, const std::string& to) {
    std::string text = field_inspection_to_json(inspection());
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
}

TEST(FieldInspectionFile, ErrorsNameTheFilePathValueAndExpectation) {
    EXPECT_TRUE(mentions_all_and_any(
        parse_error([&] { (void)parse_field_inspection(inspection_text_with("\"count\": 2", "\"count\": 0"), "f.json"); }, "f.json", "$.problems[0].count"),
        {"f.json", "0", "[1, 1000000]"}));
    EXPECT_TRUE(mentions_all_and_any(
        parse_error([&] { (void)parse_field_inspection(inspection_text_with("\"site\": \"s3\"", "\"site\": \"s7\""), "f.json"); }, "f.json",
                    "$.problems[2].site"),
        {"s7", "expected a site id"}));
    EXPECT_TRUE(mentions_all_and_any(
        parse_error([&] { (void)parse_field_inspection(inspection_text_with("\"date\": \"2025-11-20\"", "\"date\": \"2025-11-31\""), "f.json"); },
                    "f.json", "$.date"),
        {"2025-11-31"}));
    EXPECT_TRUE(mentions_all_and_any(
        parse_error([&] { (void)parse_field_inspection(inspection_text_with("\"unit\": \"xigu\"", "\"unit\": 3"), "f.json"); }, "f.json",
                    "$.sites[3].unit"),
        {"3", "a string"}));
    EXPECT_TRUE(mentions_all_and_any(
        parse_error([&] { (void)parse_field_inspection(inspection_text_with("\"format\": \"civitas-inspection/1\"", "\"format\": \"civitas-inspection/2\""), "f.json"); },
                    "f.json", "$.format"),
        {"civitas-inspection/2", "civitas-inspection/1"}));
    EXPECT_TRUE(mentions_all_and_any(
        parse_error([&] { (void)parse_field_inspection(inspection_text_with("\"type\": \"park\"", "\"kind\": \"park\""), "f.json"); }, "f.json",
                    "$.sites[2].kind"),
        {"unknown key", "type"}));
}

// ---------------------------------------------------------------------------------------------
// Messages in Chinese: values, paths and files as in English, the sentence in Chinese

TEST(AssessmentMessages, SchemesAndRoundsReadInChinese) {
    RoundScheme s = civilized_city_scheme();
    s.parts[2].id = "document_review";
    EXPECT_EQ(chinese_error([&] { validate(s); }), "$.parts[2].id: 测评部分 id 'document_review' 重复；每个部分应只出现一次");
    s = civilized_city_scheme();
    s.consequences[0].flag = "late";
    EXPECT_EQ(chinese_error([&] { validate(s); }),
              "$.consequences[0]: 该规则同时给出了分数线和标记；\"below\"（分数线）与 \"flag\" 应恰好给出其一");
    s = civilized_city_scheme();
    s.year_weights = {0.15, 0.25, 0.5};
    EXPECT_EQ(chinese_error([&] { validate(s); }), "$.year_weights: 各年权重合计为 0.9；合计应为 1");

    s = civilized_city_scheme();
    AssessmentRound r = annual("t2026", "2026-10-01", 30, 30, 10);
    r.parts.emplace("online", 5);
    r.flags = {"late"};
    EXPECT_EQ(chinese_error([&] { validate(r, s); }),
              "$.parts.online: 计分方案中没有测评部分 'online'；应为以下之一: 'document_review', 'field_inspection', 'questionnaire'");
    r.parts.erase("online");
    EXPECT_EQ(chinese_error([&] { validate(r, s); }),
              "$.flags[0]: 未知标记 'late'；应为计分方案处理规则中的标记: 'falsified_materials'");
    EXPECT_EQ(chinese_error([&] { (void)s.part("online"); }), "计分方案 'civilized-city-2018' 中没有测评部分 'online'");
}

TEST(AssessmentMessages, InspectionFilesReadInChinese) {
    try {
        (void)parse_field_inspection(inspection_text_with("\"count\": 2", "\"count\": 0"), "f.json");
        ADD_FAILURE() << "expected ParseError";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.what(), std::string("f.json: $.problems[0].count: 0 is out of range; expected a count of problems in [1, 1000000]"));
        EXPECT_EQ(e.message(Language::zh), "f.json: $.problems[0].count: 0 超出范围；应为 [1, 1000000] 内的问题个数");
    }
    EXPECT_EQ(chinese_error([&] { (void)parse_field_inspection(inspection_text_with("\"site\": \"s3\"", "\"site\": \"s7\""), "f.json"); }),
              "f.json: $.problems[2].site: 未知点位 's7'；应为本次实地考察的点位 id");
    FieldInspection f = inspection();
    f.sites[1].id = "s1";
    EXPECT_EQ(chinese_error([&] { validate(f); }), "$.sites[1].id: 点位 id 's1' 重复；每个点位应只出现一次");
}

// ---------------------------------------------------------------------------------------------
// In a campaign

// Titles civilized (civilized-city-annual-2018: the bundled scheme by default) and garden
// (lanzhou-illustrative, no scheme); lanzhou with three districts.
CampaignSpec campaign_spec() {
    CampaignSpec spec;
    spec.id = "lz";
    CampaignTitle civilized;
    civilized.id = "civilized";
    civilized.framework = "civilized-city-annual-2018";
    civilized.dates = {day("2025-07-01"), day("2026-04-30"), day("2026-09-30")};
    CampaignTitle garden;
    garden.id = "garden";
    garden.framework = "lanzhou-illustrative";
    garden.dates.inspection = day("2026-10-30");
    spec.titles = {civilized, garden};
    spec.units = {{"lanzhou", "兰州市", "", {}}, {"chengguan", "城关区", "lanzhou", {}}, {"qilihe", "七里河区", "lanzhou", {}},
                  {"xigu", "西固区", "lanzhou", {}}};
    spec.rounds = two_years();
    spec.checks = {{"precheck", "civilized", AssessmentKind::provincial_precheck, day("2026-05-10"), day("2026-06-15"), "省级预检", ""},
                   {"national", "civilized", AssessmentKind::national_check, day("2026-07-01"), day("2026-09-30"), "国家测评", ""}};
    spec.inspections = {inspection()};
    return spec;
}

std::map<std::string, Framework> campaign_frameworks() {
    return {{"civilized", load_bundled_framework("civilized-city-annual-2018")}, {"garden", load_bundled_framework("lanzhou-illustrative")}};
}

TEST(CampaignAssessment, DefaultSchemeOfTheCivilizedCity) {
    const Campaign c(campaign_spec(), campaign_frameworks());
    EXPECT_TRUE(c.has_round_scheme("civilized"));
    EXPECT_EQ(c.round_scheme("civilized"), civilized_city_scheme());
    EXPECT_FALSE(c.has_round_scheme("garden"));
    EXPECT_THROW((void)c.round_scheme("garden"), NotFoundError);
    EXPECT_THROW((void)c.round_scheme("unknown"), NotFoundError);
    EXPECT_EQ(c.rounds("civilized").size(), 2U);
    EXPECT_TRUE(c.rounds("garden").empty());
    EXPECT_NEAR(c.cycle_standing("civilized").secured, 32.375, 1e-12);
    // A scheme of its own wins.
    CampaignSpec spec = campaign_spec();
    RoundScheme own = civilized_city_scheme();
    own.id.clear();
    own.year_weights = {0.5, 0.5};
    spec.titles[0].scheme = own;
    const Campaign custom(spec, campaign_frameworks());
    EXPECT_NEAR(*custom.cycle_standing("civilized").total, (85 + 78.5) / 2, 1e-12);
}

TEST(CampaignAssessment, TheDefaultIsTheSchemeTheFrameworkNames) {
    // The garden city's framework given a default of its own: its title takes it, and a title's
    // own scheme still wins over its framework's.
    std::map<std::string, Framework> frameworks = campaign_frameworks();
    FrameworkSpec garden = frameworks.at("garden").spec();
    RoundScheme mock;
    mock.name = "模拟测评";
    mock.parts = {{"field", "", AssessmentMode::field_inspection, 60.0}, {"documents", "", AssessmentMode::document_review, 40.0}};
    garden.round_scheme = mock;
    frameworks.insert_or_assign("garden", Framework(garden));
    const Campaign c(campaign_spec(), frameworks);
    EXPECT_EQ(c.round_scheme("garden"), mock);
    EXPECT_EQ(c.round_scheme("civilized"), civilized_city_scheme());

    CampaignSpec spec = campaign_spec();
    RoundScheme own = mock;
    own.name = "自评";
    own.parts[0].full_points = 50.0;
    own.parts[1].full_points = 50.0;
    spec.titles[1].scheme = own;
    const Campaign custom(spec, frameworks);
    EXPECT_EQ(custom.round_scheme("garden"), own);

    // Without a default of its own, the framework leaves its titles without rounds.
    frameworks.insert_or_assign("civilized", Framework([] {
                                    FrameworkSpec none = load_bundled_framework("civilized-city-annual-2018").spec();
                                    none.round_scheme.reset();
                                    return none;
                                }()));
    EXPECT_TRUE(mentions_all_and_any(validation_message([&] { Campaign(campaign_spec(), frameworks); }, "$.rounds[0].title"),
                                     {"civilized", "no round scheme", "round_scheme"}));
}

TEST(CampaignAssessment, ValidationNamesThePath) {
    CampaignSpec spec = campaign_spec();
    spec.rounds[1].title = "garden";
    EXPECT_TRUE(mentions_all_and_any(validation_message([&] { Campaign(spec, campaign_frameworks()); }, "$.rounds[1].title"),
                                     {"garden", "no round scheme"}));
    spec = campaign_spec();
    spec.rounds[1].parts["questionnaire"] = 21;
    (void)validation_message([&] { Campaign(spec, campaign_frameworks()); }, "$.rounds[1].parts.questionnaire");
    spec = campaign_spec();
    spec.rounds[1].id = "y2024";
    (void)validation_message([&] { Campaign(spec, campaign_frameworks()); }, "$.rounds[1].id");
    spec = campaign_spec();
    spec.titles[0].scheme = civilized_city_scheme();
    spec.titles[0].scheme->parts[0].full_points = -40;
    (void)validation_message([&] { Campaign(spec, campaign_frameworks()); }, "$.titles[0].scheme.parts[0].full_points");
    spec = campaign_spec();
    spec.checks[0].end = day("2026-05-01");
    EXPECT_TRUE(mentions_all_and_any(validation_message([&] { Campaign(spec, campaign_frameworks()); }, "$.checks[0].end"),
                                     {"2026-05-01", "2026-05-10"}));
    spec = campaign_spec();
    spec.checks[1].title = "sanitary";
    (void)validation_message([&] { Campaign(spec, campaign_frameworks()); }, "$.checks[1].title");
    spec = campaign_spec();
    spec.inspections[0].sites[2].unit = "anning";
    EXPECT_TRUE(mentions_all_and_any(validation_message([&] { Campaign(spec, campaign_frameworks()); }, "$.inspections[0].sites[2].unit"),
                                     {"anning"}));
    spec = campaign_spec();
    spec.inspections[0].indicators.push_back("built_up_green_coverage");
    EXPECT_TRUE(mentions_all_and_any(validation_message([&] { Campaign(spec, campaign_frameworks()); }, "$.inspections[0].indicators[2]"),
                                     {"built_up_green_coverage", "problem_count"}));
    spec = campaign_spec();
    spec.inspections[0].round = "y2025";  // a round of the civilized city, not of the garden city
    EXPECT_TRUE(mentions_all_and_any(validation_message([&] { Campaign(spec, campaign_frameworks()); }, "$.inspections[0].round"),
                                     {"y2025", "civilized", "garden"}));
    spec.inspections[0].round = "y2030";
    (void)validation_message([&] { Campaign(spec, campaign_frameworks()); }, "$.inspections[0].round");
    spec = campaign_spec();
    spec.inspections[0].problems[0].count = 0;
    (void)validation_message([&] { Campaign(spec, campaign_frameworks()); }, "$.inspections[0].problems[0].count");
}

TEST(CampaignAssessment, FieldRollupWithTheUnitTree) {
    const Campaign c(campaign_spec(), campaign_frameworks());
    const std::vector<FieldRollup> rows = c.field_rollup("fi-2025");
    ASSERT_EQ(rows.size(), 8U);
    EXPECT_EQ(rows[2], (FieldRollup{"lanzhou", "street_cleanliness_problems", 4, 3, 0.75}));
    EXPECT_EQ(c.field_observations().size(), 8U);
    EXPECT_THROW((void)c.field_rollup("nope"), NotFoundError);
}

TEST(CampaignAssessment, EventsInDateOrder) {
    const Campaign c(campaign_spec(), campaign_frameworks());
    const std::vector<CampaignEvent> events = c.events();
    std::vector<std::string> seen;
    for (const CampaignEvent& e : events)
        seen.push_back(to_iso(e.date) + " " + e.title + " " + to_string(e.kind) + (e.id.empty() ? "" : " " + e.id));
    EXPECT_EQ(seen, (std::vector<std::string>{
                        "2024-11-30 civilized round y2024",
                        "2025-07-01 civilized benchmark",
                        "2025-11-20 garden field_inspection fi-2025",
                        "2025-11-30 civilized round y2025",
                        "2026-04-30 civilized application",
                        "2026-05-10 civilized check precheck",
                        "2026-07-01 civilized check national",
                        "2026-09-30 civilized inspection",
                        "2026-10-30 garden inspection",
                    }));
    EXPECT_EQ(events[5].end, day("2026-06-15"));
    EXPECT_EQ(events[5].assessment, AssessmentKind::provincial_precheck);
    EXPECT_EQ(events[5].name, "省级预检");
    EXPECT_EQ(events[0].assessment, AssessmentKind::annual_test);
    // From a day: the pre-check's window is still open on 2026-06-01.
    const std::vector<CampaignEvent> next = c.events(day("2026-06-01"));
    ASSERT_EQ(next.size(), 4U);
    EXPECT_EQ(next[0].id, "precheck");
    EXPECT_EQ(c.events(day("2026-10-31")).size(), 0U);
}

TEST(CampaignAssessment, FileRoundTripWithAnInspectionFileAndSchemes) {
    const TempFolder folder;
    CampaignSpec spec = campaign_spec();
    spec.inspections[0].file = "inspections/fi-2025.json";
    FieldInspection inline_one = inspection();
    inline_one.id = "fi-2026";
    inline_one.date = day("2026-03-15");
    inline_one.round.clear();
    spec.inspections.push_back(inline_one);
    RoundScheme own;
    own.name = "园林城市模拟测评";
    own.parts = {{"all", "", AssessmentMode::field_inspection, 10}};
    own.consequences = {{"warning", "预警", 6.0, "", std::nullopt}};
    spec.titles[1].scheme = own;
    AssessmentRound mock;
    mock.id = "g-mock";
    mock.title = "garden";
    mock.kind = AssessmentKind::mock_test;
    mock.date = day("2026-03-20");
    mock.parts = {{"all", 5.5}};
    mock.source = "synthetic";
    spec.rounds.push_back(mock);
    const Campaign c(spec, campaign_frameworks());
    EXPECT_EQ(consequences(mock, c.round_scheme("garden")).size(), 1U);
    const std::filesystem::path file = folder.path() / "campaign.json";
    save_campaign(c, file);
    EXPECT_TRUE(std::filesystem::exists(folder.path() / "inspections" / "fi-2025.json"));
    const Campaign again = load_campaign(file);
    // The same campaign, with the field inspections' roll-ups as its observations (the reader
    // adds them; checked below).
    EXPECT_EQ(again, Campaign(c.spec(), c.frameworks(), c.calendar(), c.plan(), again.observations()));
    EXPECT_FALSE(again == c);
    EXPECT_EQ(campaign_to_json(again), campaign_to_json(c));
    // The bundled default stays implied; a scheme of its own is written in place.
    const std::string text = campaign_to_json(c);
    EXPECT_EQ(text.find("civilized-city-2018"), std::string::npos);
    EXPECT_NE(text.find("园林城市模拟测评"), std::string::npos);
    EXPECT_NE(text.find("\"file\": \"inspections/fi-2025.json\""), std::string::npos);
    // A title naming the bundled scheme keeps naming it.
    spec.titles[0].scheme = civilized_city_scheme();
    const Campaign named(spec, campaign_frameworks());
    const std::string named_text = campaign_to_json(named);
    EXPECT_NE(named_text.find("\"scheme\": \"civilized-city-2018\""), std::string::npos);
    const Campaign parsed = parse_campaign(named_text, file.string());
    EXPECT_EQ(parsed, Campaign(named.spec(), named.frameworks(), named.calendar(), named.plan(), parsed.observations()));
    // The loaded campaign's observations hold both inspections' roll-ups (8 rows each).
    EXPECT_EQ(again.observations().size(), 16U);
    EXPECT_EQ(again.observations().latest("lanzhou", "street_cleanliness_problems", day("2025-12-31"))->value, 3.0);
    EXPECT_EQ(again.observations().latest("lanzhou", "street_cleanliness_problems", day("2025-12-31"))->mode,
              AssessmentMode::field_inspection);
}

TEST(CampaignAssessment, ErrorsInAnInspectionFileNameThatFile) {
    const TempFolder folder;
    CampaignSpec spec = campaign_spec();
    spec.inspections[0].file = "fi.json";
    const Campaign c(spec, campaign_frameworks());
    const std::filesystem::path file = folder.path() / "campaign.json";
    save_campaign(c, file);
    // A fault the file alone shows, and one only the campaign shows (an unknown unit).
    FieldInspection bad = inspection();
    bad.problems[0].count = 0;
    std::string text = field_inspection_to_json(bad);
    folder.write("fi.json", text);
    EXPECT_TRUE(mentions_all_and_any(parse_error([&] { (void)load_campaign(file); }, "fi.json", "$.problems[0].count"), {"fi.json"}));
    bad = inspection();
    bad.sites[3].unit = "anning";
    folder.write("fi.json", field_inspection_to_json(bad));
    EXPECT_TRUE(mentions_all_and_any(parse_error([&] { (void)load_campaign(file); }, "fi.json", "$.sites[3].unit"), {"anning"}));
    std::filesystem::remove(folder.path() / "fi.json");
    EXPECT_TRUE(mentions_all_and_any(parse_error([&] { (void)load_campaign(file); }, "campaign.json", "$.inspections[0].file"),
                                     {"fi.json", "cannot read"}));
}

TEST(CampaignAssessment, BadRoundsInTheCampaignFile) {
    const TempFolder folder;
    const Campaign c(campaign_spec(), campaign_frameworks());
    std::string text = campaign_to_json(c);
    const auto replaced = [&](const std::string& from, const std::string& to) {
        std::string t = text;
        const auto at = t.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        return t.replace(at, from.size(), to);
    };
    const std::string file = (folder.path() / "campaign.json").string();
    EXPECT_TRUE(mentions_all_and_any(
        parse_error([&] { (void)parse_campaign(replaced("\"field_inspection\": 32.0", "\"field_inspection\": 45.0"), file); }, "campaign.json",
                    "$.rounds[1].parts.field_inspection"),
        {"45", "[0, 40]"}));
    EXPECT_TRUE(mentions_all_and_any(
        parse_error([&] { (void)parse_campaign(replaced("\"kind\": \"provincial_precheck\"", "\"kind\": \"precheck\""), file); },
                    "campaign.json", "$.checks[0].kind"),
        {"precheck", "provincial_precheck"}));
    EXPECT_TRUE(mentions_all_and_any(
        parse_error([&] { (void)parse_campaign(replaced("\"framework\": \"lanzhou-illustrative\"",
                                                        "\"framework\": \"lanzhou-illustrative\", \"scheme\": \"garden-2016\""),
                                               file); },
                    "campaign.json", "$.titles[1].scheme"),
        {"garden-2016", "civilized-city-2018"}));
}

// ---------------------------------------------------------------------------------------------
// Checks on the plan: a milestone standing for a check, which tasks depend on like any task.

Task task(std::string id, const char* start, const char* due, std::vector<std::string> depends_on = {}) {
    Task t;
    t.id = std::move(id);
    t.start = day(start);
    t.due = day(due);
    t.titles = {"civilized"};
    for (std::string& other : depends_on) t.depends_on.push_back({std::move(other)});
    return t;
}

Task check_milestone(std::string id, const char* date, std::string check, std::vector<std::string> depends_on = {}) {
    Task t = task(std::move(id), date, date, std::move(depends_on));
    t.milestone = true;
    t.check = std::move(check);
    return t;
}

// Self-check Mon 2026-04-27 .. Fri 05-08 (10 working days), the pre-check milestone on its
// first day (Sun 05-10; a milestone on a day off is placed on Mon 05-11), then rectification Tue
// 05-12 .. Mon 05-25 (10 working days), each waiting for the one before; Saturday and Sunday off.
PlanSpec precheck_plan(const char* self_check_due = "2026-05-08") {
    PlanSpec plan;
    plan.id = "precheck-plan";
    plan.tasks = {task("self_check", "2026-04-27", self_check_due), check_milestone("precheck", "2026-05-10", "precheck", {"self_check"}),
                  task("rectify", "2026-05-12", "2026-05-25", {"precheck"})};
    return plan;
}

Campaign with_plan(PlanSpec plan) {
    CampaignSpec spec = campaign_spec();
    spec.plan = std::move(plan);
    return Campaign(spec, campaign_frameworks());
}

TEST(CampaignCheckMilestone, ScheduleShowsWhetherTheWorkBeforeThePreCheckMakesIt) {
    // On time: self_check finishes Fri 05-08; the pre-check milestone starts and finishes on the
    // next working day, Mon 05-11 (also its latest: the first working day on or after 05-10);
    // rectification starts the day after, Tue 05-12, and finishes on its 10th working day,
    // Mon 05-25, its due date. Every slack is 0: all three are critical.
    const Campaign on_time = with_plan(precheck_plan());
    const Schedule s = schedule(*on_time.plan(), on_time.calendar());
    EXPECT_EQ(s.task("self_check").earliest_finish, day("2026-05-08"));
    EXPECT_EQ(s.task("precheck").earliest_start, day("2026-05-11"));
    EXPECT_EQ(s.task("precheck").latest_finish, day("2026-05-11"));
    EXPECT_EQ(s.task("rectify").earliest_start, day("2026-05-12"));
    EXPECT_EQ(s.task("rectify").earliest_finish, day("2026-05-25"));
    for (const char* id : {"self_check", "precheck", "rectify"}) EXPECT_EQ(s.task(id).slack, 0) << id;
    EXPECT_EQ(s.critical_path, (std::vector<std::string>{"self_check", "precheck", "rectify"}));

    // Late: self_check planned to Tue 05-12 (12 working days) cannot make the pre-check. The
    // milestone's earliest is Wed 05-13 against its latest Mon 05-11: slack -2 working days (Tue
    // 05-12, Wed 05-13). self_check must finish by the working day before the pre-check, Fri
    // 05-08, and finishes Tue 05-12: -2 (Mon 05-11, Tue 05-12). Rectification starts Thu 05-14
    // and finishes on its 10th working day, Wed 05-27, 2 working days after its due Mon 05-25:
    // a due date is a planned finish, not a limit, and rectification ends the plan: float 0.
    const Campaign late = with_plan(precheck_plan("2026-05-12"));
    const Schedule l = schedule(*late.plan(), late.calendar());
    EXPECT_EQ(l.task("self_check").earliest_finish, day("2026-05-12"));
    EXPECT_EQ(l.task("self_check").latest_finish, day("2026-05-08"));
    EXPECT_EQ(l.task("precheck").earliest_finish, day("2026-05-13"));
    EXPECT_EQ(l.task("precheck").latest_finish, day("2026-05-11"));
    EXPECT_EQ(l.task("rectify").earliest_start, day("2026-05-14"));
    EXPECT_EQ(l.task("rectify").earliest_finish, day("2026-05-27"));
    for (const char* id : {"self_check", "precheck"}) EXPECT_EQ(l.task(id).slack, -2) << id;
    EXPECT_EQ(l.task("rectify").slack, 0);
    EXPECT_EQ(l.smallest_slack, -2);
    EXPECT_EQ(l.critical_path, (std::vector<std::string>{"self_check", "precheck"}));
}

TEST(CampaignCheckMilestone, ADelayBeforeThePreCheckMovesItAndWhatFollows) {
    // self_check 3 working days late: it finishes Wed 05-13 instead of Fri 05-08, the pre-check
    // milestone Thu 05-14 instead of Mon 05-11, rectification Thu 05-28 instead of Mon 05-25.
    const Campaign c = with_plan(precheck_plan());
    const DelayImpact impact = what_if_delayed(*c.plan(), c.calendar(), "self_check", 3);
    ASSERT_EQ(impact.tasks.size(), 3U);
    EXPECT_EQ(impact.tasks[0].id, "self_check");
    EXPECT_EQ(impact.tasks[0].delayed_finish, day("2026-05-13"));
    EXPECT_EQ(impact.tasks[1].id, "precheck");
    EXPECT_TRUE(impact.tasks[1].milestone);
    EXPECT_EQ(impact.tasks[1].earliest_finish, day("2026-05-11"));
    EXPECT_EQ(impact.tasks[1].delayed_finish, day("2026-05-14"));
    EXPECT_EQ(impact.tasks[2].id, "rectify");
    EXPECT_EQ(impact.tasks[2].delayed_finish, day("2026-05-28"));
    for (const ScheduleChange& change : impact.tasks) EXPECT_EQ(change.working_days, 3) << change.id;
    // Rectification itself late moves nothing before the pre-check.
    const DelayImpact after = what_if_delayed(*c.plan(), c.calendar(), "rectify", 3);
    ASSERT_EQ(after.tasks.size(), 1U);
    EXPECT_EQ(after.tasks[0].id, "rectify");
}

TEST(CampaignCheckMilestone, TheCampaignChecksTheMilestone) {
    // The check must be one of the campaign's.
    PlanSpec plan = precheck_plan();
    plan.tasks[1].check = "nope";
    EXPECT_TRUE(mentions_all_and_any(validation_message([&] { (void)with_plan(plan); }, "$.plan.tasks[1].check"),
                                     {"unknown check 'nope'", "milestone 'precheck'", "precheck, national"}));
    // On the check's first day: 2026-05-10, not the Monday after.
    plan = precheck_plan();
    plan.tasks[1].start = plan.tasks[1].due = day("2026-05-11");
    const std::string date = validation_message([&] { (void)with_plan(plan); }, "$.plan.tasks[1].due");
    EXPECT_TRUE(mentions_all_and_any(date, {"2026-05-11", "check 'precheck' opens on 2026-05-10", "expected the milestone on the check's first day"}))
        << date;
    // Serving the check's title: its own titles, or its phase's.
    plan = precheck_plan();
    plan.tasks[1].titles = {"garden"};
    EXPECT_TRUE(mentions_all_and_any(validation_message([&] { (void)with_plan(plan); }, "$.plan.tasks[1].titles"),
                                     {"serves garden", "judges title 'civilized'"}));
    plan = precheck_plan();
    plan.phases = {{"garden_stage", "园林城市迎检", "garden"}};
    plan.tasks[1].titles.clear();
    plan.tasks[1].phase = "garden_stage";
    EXPECT_TRUE(mentions_all_and_any(validation_message([&] { (void)with_plan(plan); }, "$.plan.tasks[1].phase"),
                                     {"garden (its phase's title)", "'civilized'"}));
    // No title at all: a milestone of the whole campaign may stand for any check.
    plan = precheck_plan();
    plan.tasks[1].titles.clear();
    EXPECT_EQ(with_plan(plan).plan()->tasks()[1].check, "precheck");
    // A check of every title takes any milestone on its day.
    CampaignSpec spec = campaign_spec();
    spec.checks[0].title.clear();
    plan = precheck_plan();
    plan.tasks[1].titles = {"garden"};
    spec.plan = plan;
    EXPECT_NO_THROW(Campaign(spec, campaign_frameworks()));
    // In a sub-plan: the path in the campaign, the id qualified.
    PlanSpec district;
    district.id = "chengguan";
    district.tasks = {check_milestone("pre", "2026-07-02", "national")};
    plan = precheck_plan();
    plan.subplans = {district};
    EXPECT_TRUE(mentions_all_and_any(validation_message([&] { (void)with_plan(plan); }, "$.plan.subplans[0].tasks[0].due"),
                                     {"milestone 'chengguan/pre'", "2026-07-02", "check 'national' opens on 2026-07-01"}));
    // A plan given ready-made (as from its own file) is checked the same way.
    plan = precheck_plan();
    plan.titles = {{"civilized", ""}, {"garden", ""}};
    plan.tasks[1].check = "nope";
    const Plan ready(plan);  // a plan alone accepts any check id
    EXPECT_EQ(ready.tasks()[1].check, "nope");
    CampaignSpec given = campaign_spec();
    given.plan_file = "plan.json";
    (void)validation_message([&] { (void)Campaign(given, campaign_frameworks(), {}, ready); }, "$.plan.tasks[1].check");
}

TEST(CampaignCheckMilestone, EventsListEachCheckOnce) {
    const Campaign without(campaign_spec(), campaign_frameworks());
    const Campaign with = with_plan(precheck_plan());
    EXPECT_EQ(with.events(), without.events());
    const auto events = with.events();
    EXPECT_EQ(std::count_if(events.begin(), events.end(), [](const CampaignEvent& e) { return e.id == "precheck"; }), 1);
}

TEST(CampaignCheckMilestone, ErrorsInThePlanFilesNameThoseFiles) {
    // The campaign keeps its plan in plan.json, and a district's sub-plan in plans/chengguan.json.
    const TempFolder folder;
    CampaignSpec spec = campaign_spec();
    spec.plan_file = "plan.json";
    PlanSpec plan = precheck_plan();
    plan.titles = {{"civilized", ""}, {"garden", ""}};
    PlanSpec district;
    district.id = "chengguan";
    district.file = "plans/chengguan.json";
    district.tasks = {check_milestone("national_start", "2026-07-01", "national", {"rectify"})};
    plan.subplans = {district};
    const Campaign c(spec, campaign_frameworks(), {}, Plan(plan));
    const std::filesystem::path file = folder.path() / "campaign.json";
    save_campaign(c, file);
    const Campaign again = load_campaign(file);
    EXPECT_EQ(again, Campaign(c.spec(), c.frameworks(), c.calendar(), c.plan(), again.observations()));
    EXPECT_EQ(again.plan()->tasks()[3].check, "national");
    const auto edit = [&](const std::string& relative, const std::string& from, const std::string& to) {
        const std::filesystem::path path = folder.path() / relative;
        std::ifstream in(path, std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const auto at = text.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        folder.write(relative, text.replace(at, from.size(), to));
    };
    edit("plan.json", "\"check\": \"precheck\"", "\"check\": \"pre\"");
    EXPECT_TRUE(mentions_all_and_any(parse_error([&] { (void)load_campaign(file); }, "plan.json", "$.tasks[1].check"),
                                     {"unknown check 'pre'", "plan.json"}));
    edit("plan.json", "\"check\": \"pre\"", "\"check\": \"precheck\"");
    edit("plans/chengguan.json", "\"due\": \"2026-07-01\"", "\"due\": \"2026-07-03\"");
    EXPECT_TRUE(mentions_all_and_any(parse_error([&] { (void)load_campaign(file); }, "chengguan.json", "$.tasks[0].due"),
                                     {"milestone 'chengguan/national_start' is dated 2026-07-03", "2026-07-01"}));
}

// ---------------------------------------------------------------------------------------------
// The Lanzhou example: synthetic rounds 2024 (33.5 + 31 + 17 = 81.5) and 2025 (31 + 31.5 + 16 =
// 78.5, below 80: public criticism), the seed's assessment windows, a mock field inspection.

TEST(CampaignAssessment, LanzhouExample) {
    const std::filesystem::path file = std::filesystem::path(CIVITAS_TEST_DATA_DIR) / ".." / ".." / "examples" / "lanzhou" / "campaign.json";
    const Campaign c = load_campaign(file);
    EXPECT_EQ(c.round_scheme("civilized_city"), civilized_city_scheme());  // the bundled default
    const auto rounds = c.rounds("civilized_city");
    ASSERT_EQ(rounds.size(), 2U);
    EXPECT_EQ(round_total(rounds[0], c.round_scheme("civilized_city")), 81.5);
    EXPECT_EQ(round_total(rounds[1], c.round_scheme("civilized_city")), 78.5);
    EXPECT_TRUE(consequences(rounds[0], c.round_scheme("civilized_city")).empty());
    EXPECT_EQ(ids_of(consequences(rounds[1], c.round_scheme("civilized_city"))), (std::vector<std::string>{"public_criticism"}));
    // secured 0.15 x 81.5 + 0.25 x 78.5 = 12.225 + 19.625 = 31.85; 80 needs (80 - 31.85) / 0.6 = 80.25 in 2026.
    const CycleStanding standing = c.cycle_standing("civilized_city");
    EXPECT_EQ(standing.first_year, 2024);
    EXPECT_NEAR(standing.secured, 31.85, 1e-12);
    const CycleNeed need = points_needed(standing, c.round_scheme("civilized_city"), 80);
    EXPECT_EQ(need.years, (std::vector<int>{2026}));
    EXPECT_NEAR(need.needed, 80.25, 1e-9);
    // The mock inspection: 12 sites, taxis not sampled; 1 + 1 + 1 + 0 = 3 street-cleanliness problems in the city.
    const FieldInspection& fi = c.inspection("lz-2026-mock-fi");
    EXPECT_EQ(fi.sites.size(), 12U);
    EXPECT_EQ(missing_site_types(fi), (std::vector<std::string>{"taxi"}));
    const auto rows = c.field_rollup("lz-2026-mock-fi");
    ASSERT_EQ(rows.size(), 15U);  // chengguan, lanzhou, qilihe, xigu, anning x 3 indicators
    EXPECT_EQ(rows[3], (FieldRollup{"lanzhou", "street_cleanliness_problems", 12, 3, rows[3].deduction}));
    EXPECT_NEAR(rows[3].deduction, 0.3, 1e-12);
    EXPECT_EQ(rows[4], (FieldRollup{"lanzhou", "construction_dust_problems", 12, 2, 0.2}));
    EXPECT_EQ(c.observations().latest("xigu", "construction_dust_problems", day("2026-07-31"))->value, 1.0);
    EXPECT_EQ(c.observations().latest("xigu", "construction_dust_problems", day("2026-07-31"))->date, day("2026-07-15"));
    EXPECT_EQ(c.observations().latest("anning", "street_cleanliness_problems", day("2026-07-31"))->value, 0.0);
    // Dated after 2026-06-30, it leaves the example's status on that day as it was.
    EXPECT_EQ(c.observations().latest("xigu", "construction_dust_problems", day("2026-06-30"))->date, day("2025-12-31"));
    // Next events on 2026-05-01: the provincial pre-check first.
    const auto next = c.events(day("2026-05-01"));
    ASSERT_FALSE(next.empty());
    EXPECT_EQ(next[0].id, "provincial-2026");
    EXPECT_EQ(next[0].end, day("2026-06-15"));
}

}  // namespace
}  // namespace civitas
