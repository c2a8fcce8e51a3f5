// Readiness and evaluations as JSON for host systems (docs/format.md, "Readiness as JSON" and
// "Evaluation as JSON"): what is written agrees with the objects, in both languages, with no NaN.

#include "support.hpp"

#include <nlohmann/json.hpp>

namespace civitas::test {
namespace {

using Json = nlohmann::json;

const std::filesystem::path lanzhou = std::filesystem::path(CIVITAS_TEST_DATA_DIR) / ".." / ".." / "examples" / "lanzhou" / "campaign.json";
const std::filesystem::path mini = std::filesystem::path(CIVITAS_TEST_DATA_DIR) / ".." / "cli" / "data" / "mini.json";

// True when the UTF-8 text holds a CJK ideograph (U+4E00 to U+9FFF: three bytes, lead E4 to E9).
bool has_chinese(const std::string& text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 0xE4 && byte <= 0xE9;
    });
}

// The batch's total of unit `row` as the JSON writes it: null where there is none.
Json total_of(const BatchEvaluation& batch, std::size_t row) {
    const double total = batch.totals(static_cast<Eigen::Index>(row));
    return std::isnan(total) ? Json(nullptr) : Json(total);
}

TEST(ReadinessJson, LanzhouAgreesWithTheReadiness) {
    const Campaign campaign = load_campaign(lanzhou);
    const Readiness ready = readiness(campaign, parse_date("2025-12-31", "as_of"));
    const std::string text = readiness_to_json(ready);
    EXPECT_EQ(text.find("NaN"), std::string::npos);
    EXPECT_EQ(text.find("Infinity"), std::string::npos);
    const Json j = Json::parse(text);
    EXPECT_EQ(j["format"], "civitas-readiness/1");
    EXPECT_EQ(j["as_of"], "2025-12-31");
    ASSERT_TRUE(ready.plan);
    EXPECT_EQ(j["plan"]["tasks"], ready.plan->overall.tasks);
    EXPECT_EQ(j["plan"]["due"], ready.plan->overall.due);
    ASSERT_EQ(j["titles"].size(), ready.titles.size());
    std::map<std::string, int> rags;
    int projected = 0, targets = 0, surveys = 0;
    for (std::size_t k = 0; k < ready.titles.size(); ++k) {
        const TitleReadiness& t = ready.titles[k];
        const Json& title = j["titles"][k];
        SCOPED_TRACE(t.title);
        EXPECT_EQ(title["id"], t.title);
        EXPECT_EQ(title["framework"], t.framework ? Json(t.framework->id()) : Json(nullptr));
        EXPECT_EQ(title["inspection"], t.inspection ? Json(to_iso(*t.inspection)) : Json(nullptr));
        ASSERT_EQ(title["units"].size(), t.units.size());
        for (std::size_t u = 0; u < t.units.size(); ++u) {
            const Json& unit = title["units"][u];
            SCOPED_TRACE(t.units[u]);
            EXPECT_EQ(unit["unit"], t.units[u]);
            EXPECT_EQ(unit["rag"], to_string(t.rag[u]));
            ++rags[unit["rag"].get<std::string>()];
            EXPECT_EQ(unit["reason"], t.reasons[u].text(Language::en));
            EXPECT_EQ(unit["reason_zh"], t.reasons[u].text(Language::zh));
            EXPECT_TRUE(has_chinese(unit["reason_zh"].get<std::string>())) << unit["reason_zh"];
            EXPECT_FALSE(has_chinese(unit["reason"].get<std::string>())) << unit["reason"];
            EXPECT_EQ(unit["overdue_tasks"], Json(t.overdue_tasks[u]));
            EXPECT_EQ(unit["facts"]["overdue_tasks"], t.facts[u].overdue_tasks);
            EXPECT_EQ(unit["facts"]["basic_failed"], Json(t.facts[u].basic_failed));
            EXPECT_EQ(unit["facts"]["passes_now"], t.facts[u].passes_now ? Json(*t.facts[u].passes_now) : Json(nullptr));
            if (t.now) {
                EXPECT_EQ(unit["now"]["total"], total_of(*t.now, u));
                EXPECT_EQ(unit["now"]["passed"], static_cast<bool>(t.now->passed[u]));
                EXPECT_EQ(unit["now"]["met"], t.now->met(static_cast<Eigen::Index>(u)));
                EXPECT_EQ(unit["now"]["unit"], t.units[u]);
                EXPECT_TRUE(has_chinese(unit["now"]["reason_zh"].get<std::string>()));
            } else {
                EXPECT_TRUE(unit["now"].is_null());
            }
            if (t.at_inspection) {
                ++projected;
                EXPECT_EQ(unit["at_inspection"]["total"], total_of(*t.at_inspection, u));
                EXPECT_EQ(unit["at_inspection"]["passed"], static_cast<bool>(t.at_inspection->passed[u]));
            } else {
                EXPECT_TRUE(unit["at_inspection"].is_null());
            }
        }
        ASSERT_EQ(title["targets"].size(), t.targets.size());
        for (std::size_t i = 0; i < t.targets.size(); ++i) {
            EXPECT_EQ(title["targets"][i]["state"], to_string(t.targets[i].state));
            EXPECT_EQ(title["targets"][i]["reason_zh"], t.targets[i].reason.text(Language::zh));
        }
        ASSERT_EQ(title["surveys"].size(), t.surveys.size());
        for (std::size_t i = 0; i < t.surveys.size(); ++i)
            EXPECT_EQ(title["surveys"][i]["probability"], t.surveys[i].probability);
        EXPECT_EQ(title["rulings"].size(), t.rulings.size());
        EXPECT_EQ(title["rulings_at_inspection"].size(), t.rulings_at_inspection.size());
        targets += static_cast<int>(t.targets.size());
        surveys += static_cast<int>(t.surveys.size());
    }
    // The example holds what the checks above are about.
    EXPECT_GT(projected, 0);
    EXPECT_GT(targets, 0);
    EXPECT_GT(surveys, 0);
    EXPECT_GT(rags["amber"] + rags["red"], 0);
    // The indent is the caller's; the document is the same.
    const std::string compact = readiness_to_json(ready, -1);
    EXPECT_EQ(compact.find('\n'), std::string::npos);
    EXPECT_EQ(Json::parse(compact), j);
}

TEST(ReadinessJson, WithoutPlanFrameworkOrInspectionWritesNull) {
    Readiness ready;
    ready.as_of = parse_date("2026-03-01", "as_of");
    TitleReadiness t;
    t.title = "sanitary";
    t.units = {"lanzhou"};
    t.rag = {Rag::amber};
    t.reasons = {Message("2 overdue tasks"_en, "2 项任务逾期"_zh)};
    t.facts = {UnitFacts{}};
    t.facts[0].overdue_tasks = 2;
    t.overdue_tasks = {{"t1", "t2"}};
    ready.titles.push_back(t);
    const Json j = Json::parse(readiness_to_json(ready));
    EXPECT_TRUE(j["plan"].is_null());
    const Json& title = j["titles"][0];
    EXPECT_TRUE(title["framework"].is_null());
    EXPECT_TRUE(title["inspection"].is_null());
    const Json& unit = title["units"][0];
    EXPECT_EQ(unit["rag"], "amber");
    EXPECT_EQ(unit["reason_zh"], "2 项任务逾期");
    EXPECT_TRUE(unit["now"].is_null());
    EXPECT_TRUE(unit["at_inspection"].is_null());
    EXPECT_TRUE(unit["facts"]["passes_now"].is_null());
    EXPECT_EQ(unit["overdue_tasks"], Json({"t1", "t2"}));

    // Per-unit lists of another length than the units are refused, naming the title.
    ready.titles[0].rag.push_back(Rag::red);
    try {
        (void)readiness_to_json(ready);
        FAIL() << "no error";
    } catch (const ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("titles[0]: title 'sanitary' has 1 units"), std::string::npos) << e.what();
        EXPECT_NE(e.message(Language::zh).find("称号 'sanitary'"), std::string::npos);
    }
}

TEST(EvaluationJson, ReasonAndErrorInBothLanguages) {
    const Framework f = load_framework(mini);
    Eigen::MatrixXd values(2, 3);
    values << 5, 0, 1,  //
        3, -1, 1;       // -1 problems: invalid data
    const BatchEvaluation batch = evaluate_many(f, values, {"coverage", "toilets", "plan"}, {"城关区", "七里河区"});
    const Json valid = Json::parse(evaluation_to_json(unit_evaluation(f, batch, 0)));
    EXPECT_EQ(valid["decided_by"], "passed");
    EXPECT_TRUE(has_chinese(valid["reason_zh"].get<std::string>())) << valid["reason_zh"];
    EXPECT_FALSE(valid.contains("error"));
    EXPECT_FALSE(valid.contains("error_zh"));

    const Evaluation bad = unit_evaluation(f, batch, 1);
    const Json invalid = Json::parse(evaluation_to_json(bad));
    EXPECT_EQ(invalid["decided_by"], "invalid");
    EXPECT_EQ(invalid["error"], bad.error.text(Language::en));
    EXPECT_EQ(invalid["error_zh"], bad.error.text(Language::zh));
    EXPECT_NE(invalid["error"].get<std::string>().find("negative"), std::string::npos) << invalid["error"];
    EXPECT_NE(invalid["error_zh"].get<std::string>().find("负数"), std::string::npos) << invalid["error_zh"];
    EXPECT_TRUE(invalid["total"].is_null());
}

}  // namespace
}  // namespace civitas::test
