// evaluate_many: many units at once equal one-by-one Framework::evaluate.

#include "support.hpp"

#include <civitas/civitas.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <type_traits>
#include <utility>

using namespace civitas;
using namespace civitas::test;

namespace {

// Framework order: green, aqi, plan, litter, satisfaction, park.
//   env: green (linear, >= 36, zero 20, bounds [0, 100]), aqi (>= 300, missing: skip), plan (basic yes/no)
//   mgmt: litter (deduction 10 per problem, cap 30), satisfaction (proportional >= 80),
//         park (>= 8.0, class "small" >= 7.5)
Framework batch_framework() {
    auto green = bounded(with_rule(higher("green", 36), ScoringRule::linear(Interval::at_least(20))), 0, 100);
    auto aqi = higher("aqi", 300);
    aqi.missing = MissingPolicy::skip;
    auto plan = basic(yes_no("plan"));
    auto litter = with_rule(problems("litter"), ScoringRule::deduction(10, 30));
    auto satisfaction = with_rule(higher("satisfaction", 80), proportional());
    auto park = higher("park", 8.0);
    park.pass_by_class = {{"small", Interval::at_least(7.5)}};
    auto s = spec_of({category("env", {green, aqi, plan}, 2.0), category("mgmt", {litter, satisfaction, park})}, "batch");
    s.pass_rules = {{PassRuleType::min_total, 60}};
    return Framework(s);
}

// Columns in another order than the framework's, without aqi (missing for every unit).
const std::vector<std::string> columns = {"park", "satisfaction", "green", "litter", "plan"};
const std::vector<std::string> units = {"城关区", "七里河区", "西固区", "安宁区"};
const std::vector<std::string> classes = {"small", "", "large", "small"};

Eigen::MatrixXd batch_values() {
    Eigen::MatrixXd v(4, 5);
    //    park  satisfaction green litter plan
    v << 7.8, 72, 32, 1, 1,  //
        8.5, 90, 41, 0, 1,   //
        7.0, 60, 25, 5, 0,   //
        7.6, 85, 36, 2, 1;
    return v;
}

/// evaluate_many as a caller writes it.
template <class Matrix>
BatchEvaluation many(const Framework& f, const Matrix& v, const std::vector<std::string>& cols,
                     const std::vector<std::string>& u = {}, const std::vector<std::string>& c = {},
                     const EvaluateOptions& options = {}) {
    return evaluate_many(f, v, cols, u, c, options);
}

std::map<std::string, double> row_values(const Eigen::MatrixXd& v, Eigen::Index row, bool nan_as_missing = false) {
    std::map<std::string, double> values;
    for (std::size_t j = 0; j < columns.size(); ++j) {
        const double x = v(row, static_cast<Eigen::Index>(j));
        if (nan_as_missing && std::isnan(x)) continue;
        values[columns[j]] = x;
    }
    return values;
}

/// Every matrix entry of `batch` row `row` equals the one-by-one evaluation `e`.
void expect_row_matches(const BatchEvaluation& batch, std::size_t row, const Evaluation& e) {
    const auto r = static_cast<Eigen::Index>(row);
    SCOPED_TRACE("row " + std::to_string(row));
    EXPECT_EQ(batch.units[row], e.unit);
    ASSERT_EQ(batch.indicator_ids.size(), e.indicators.size());
    const BatchEvaluation::Matrix points = batch.points(), max_points = batch.max_points();
    for (std::size_t j = 0; j < e.indicators.size(); ++j) {
        const auto c = static_cast<Eigen::Index>(j);
        const auto& x = e.indicators[j];
        SCOPED_TRACE(x.id);
        EXPECT_EQ(batch.indicator_ids[j], x.id);
        if (x.value) EXPECT_EQ(batch.values(r, c), *x.value);
        else EXPECT_TRUE(std::isnan(batch.values(r, c)));
        EXPECT_NEAR(batch.scores(r, c), x.score, 1e-12);
        EXPECT_NEAR(points(r, c), x.points, 1e-12);
        EXPECT_NEAR(max_points(r, c), x.max_points, 1e-12);
        if (x.gap) EXPECT_NEAR(batch.gaps(r, c), *x.gap, 1e-12);
        else EXPECT_TRUE(std::isnan(batch.gaps(r, c)));
        EXPECT_EQ(static_cast<int>(batch.outcomes(r, c)), static_cast<int>(x.outcome));
    }
    ASSERT_EQ(batch.category_ids.size(), e.categories.size());
    for (std::size_t k = 0; k < e.categories.size(); ++k) {
        EXPECT_EQ(batch.category_ids[k], e.categories[k].id);
        EXPECT_NEAR(batch.category_scores(r, static_cast<Eigen::Index>(k)), e.categories[k].score, 1e-12);
    }
    if (e.total) EXPECT_NEAR(batch.totals(r), *e.total, 1e-12);
    else EXPECT_TRUE(std::isnan(batch.totals(r)));
    EXPECT_NEAR(batch.coverage(r), e.coverage, 1e-12);
    EXPECT_EQ(batch.met(r), e.met);
    EXPECT_EQ(batch.assessed(r), e.assessed);
    EXPECT_EQ(batch.basic_failed(r), static_cast<int>(e.basic_failed.size()));
    EXPECT_EQ(batch.passed[row], e.passed);
    EXPECT_EQ(batch.decided_by[row], e.decided_by);
}

template <class Matrix, class = void>
struct callable_with : std::false_type {};
template <class Matrix>
struct callable_with<Matrix, std::void_t<decltype(evaluate_many(std::declval<const Framework&>(),
                                                               std::declval<const Matrix&>(),
                                                               std::declval<const std::vector<std::string>&>()))>>
    : std::true_type {};

}  // namespace

TEST(Batch, PlainMatricesNeedNoCast) {
    // A caller passes an Eigen::MatrixXd or a RowMatrix as is (two overloads taking
    // Eigen::Ref<const ...> made both calls ambiguous).
    EXPECT_TRUE((callable_with<Eigen::MatrixXd>::value)) << "evaluate_many(f, Eigen::MatrixXd, columns) is ambiguous";
    EXPECT_TRUE((callable_with<RowMatrix>::value)) << "evaluate_many(f, RowMatrix, columns) is ambiguous";
}

TEST(Batch, ColumnMajorEqualsOneByOne) {
    const auto f = batch_framework();
    const auto v = batch_values();
    const auto batch = many(f, v, columns, units, classes);
    ASSERT_EQ(batch.size(), 4u);
    EXPECT_TRUE(batch.ok());
    EXPECT_EQ(batch.framework, "batch");
    EXPECT_EQ(batch.indicator_ids, f.indicator_ids());
    EXPECT_EQ(batch.category_ids, (std::vector<std::string>{"env", "mgmt"}));
    EXPECT_EQ(batch.units, units);
    EXPECT_EQ(batch.classes, classes);
    EXPECT_EQ(batch.values.rows(), 4);
    EXPECT_EQ(batch.values.cols(), 6);
    for (std::size_t i = 0; i < units.size(); ++i) {
        const auto one = f.evaluate(row_values(v, static_cast<Eigen::Index>(i)), units[i], classes[i]);
        expect_same_evaluation(unit_evaluation(f, batch, i), one);
        expect_row_matches(batch, i, one);
        EXPECT_TRUE(batch.errors[i].empty());
    }
    EXPECT_FALSE(to_string(batch).empty());
}

TEST(Batch, HandComputedRow) {
    // Row 0 (城关区, small): aqi skipped, so env = {green, plan} with weights renormalised.
    // green 32 -> (32 - 20) / 16 = 0.75, plan 1 -> 1: env = 0.875.
    // litter 1 -> (P - 10) / P with P = 1/3 x 1/3 x 100 = 11.11: 0.1; satisfaction 72/80 = 0.9;
    // park 7.8 >= 7.5 (class small) -> 1: mgmt = (0.1 + 0.9 + 1) / 3 = 2/3.
    // total = 2/3 x 0.875 + 1/3 x 2/3 = 0.583333 + 0.222222 = 0.805556 -> 80.5556.
    const auto f = batch_framework();
    const auto batch = many(f, batch_values(), columns, units, classes);
    const auto litter = static_cast<Eigen::Index>(position(batch.indicator_ids, "litter"));
    const auto park = static_cast<Eigen::Index>(position(batch.indicator_ids, "park"));
    EXPECT_NEAR(batch.scores(0, litter), 0.1, eps);
    EXPECT_EQ(batch.outcomes(0, park), static_cast<std::int8_t>(Outcome::met));
    EXPECT_EQ(batch.outcomes(1, park), static_cast<std::int8_t>(Outcome::met));       // 8.5 >= 8.0
    EXPECT_EQ(batch.outcomes(2, park), static_cast<std::int8_t>(Outcome::not_met));   // 7.0 < 8.0 (large)
    EXPECT_EQ(batch.outcomes(3, park), static_cast<std::int8_t>(Outcome::met));       // 7.6 >= 7.5 (small)
    EXPECT_NEAR(batch.totals(0), 100.0 * (2.0 / 3 * 0.875 + 1.0 / 3 * 2.0 / 3), eps);
    EXPECT_NEAR(batch.coverage(0), 1.0 - 2.0 / 3 / 3, eps);  // aqi weighs 2/3 x 1/3
    // Row 2: plan 0 (basic) -> veto.
    EXPECT_FALSE(batch.passed[2]);
    EXPECT_EQ(batch.decided_by[2], Decision::veto);
    EXPECT_EQ(batch.basic_failed(2), 1);
}

TEST(Batch, RowMajorEqualsColumnMajor) {
    const auto f = batch_framework();
    const Eigen::MatrixXd v = batch_values();
    const RowMatrix rows = v;
    const auto by_column = many(f, v, columns, units, classes);
    const auto by_row = many(f, rows, columns, units, classes);
    ASSERT_EQ(by_row.size(), 4u);
    for (std::size_t i = 0; i < 4; ++i) {
        const auto one = f.evaluate(row_values(v, static_cast<Eigen::Index>(i)), units[i], classes[i]);
        expect_same_evaluation(unit_evaluation(f, by_row, i), one);
        expect_same_evaluation(unit_evaluation(f, by_row, i), unit_evaluation(f, by_column, i));
        expect_row_matches(by_row, i, one);
    }
}

TEST(Batch, AllColumnsInFrameworkOrder) {
    const auto f = batch_framework();
    const std::vector<std::string> all = f.indicator_ids();  // green, aqi, plan, litter, satisfaction, park
    Eigen::MatrixXd v(2, 6);
    v << 40, 310, 1, 0, 85, 9,  //
        30, 280, 1, 4, 70, 7;
    const auto batch = many(f, v, all, {"a", "b"});
    for (Eigen::Index i = 0; i < 2; ++i) {
        std::map<std::string, double> values;
        for (std::size_t j = 0; j < all.size(); ++j) values[all[j]] = v(i, static_cast<Eigen::Index>(j));
        const auto one = f.evaluate(values, batch.units[static_cast<std::size_t>(i)]);
        expect_same_evaluation(unit_evaluation(f, batch, static_cast<std::size_t>(i)), one);
        expect_row_matches(batch, static_cast<std::size_t>(i), one);
    }
}

TEST(Batch, WithoutUnitIdsHasARowPerUnit) {
    // The ids the batch gives unnamed units are not specified; there is one per row.
    const auto f = batch_framework();
    const auto batch = many(f, batch_values(), columns);
    ASSERT_EQ(batch.size(), 4u);
    ASSERT_EQ(batch.units.size(), 4u);
    ASSERT_EQ(batch.classes.size(), 4u);
    for (const auto& c : batch.classes) EXPECT_EQ(c, "");
    for (std::size_t i = 0; i < 4; ++i) {
        const auto one = f.evaluate(row_values(batch_values(), static_cast<Eigen::Index>(i)), batch.units[i]);
        expect_same_evaluation(unit_evaluation(f, batch, i), one);
    }
}

TEST(Batch, BadRowGetsAnErrorOthersAreEvaluated) {
    const auto f = batch_framework();
    Eigen::MatrixXd v = batch_values();
    v(1, 4) = 0.5;  // plan: a yes/no value other than 0 or 1
    v(3, 2) = nan_value;  // green: NaN is invalid without nan_as_missing
    const auto batch = many(f, v, columns, units, classes);
    EXPECT_FALSE(batch.ok());
    for (std::size_t bad : {1u, 3u}) {
        SCOPED_TRACE(bad);
        EXPECT_FALSE(batch.errors[bad].empty());
        EXPECT_FALSE(batch.passed[bad]);
        EXPECT_EQ(batch.decided_by[bad], Decision::invalid);
        EXPECT_TRUE(std::isnan(batch.totals(static_cast<Eigen::Index>(bad))));
        const auto e = unit_evaluation(f, batch, bad);
        EXPECT_EQ(e.decided_by, Decision::invalid);
        EXPECT_FALSE(e.passed);
        EXPECT_FALSE(e.error.empty());
        EXPECT_EQ(e.unit, units[bad]);
    }
    EXPECT_TRUE(mentions(batch.errors[1].text(Language::en), "plan")) << batch.errors[1].text(Language::en);
    for (std::size_t good : {0u, 2u}) {
        EXPECT_TRUE(batch.errors[good].empty());
        const auto one = f.evaluate(row_values(v, static_cast<Eigen::Index>(good)), units[good], classes[good]);
        expect_same_evaluation(unit_evaluation(f, batch, good), one);
        expect_row_matches(batch, good, one);
    }
}

TEST(Batch, NaNAsMissing) {
    const auto f = batch_framework();
    Eigen::MatrixXd v = batch_values();
    v(3, 2) = nan_value;  // green missing for 安宁区 (policy fail)
    EvaluateOptions options;
    options.nan_as_missing = true;
    const auto batch = many(f, v, columns, units, classes, options);
    EXPECT_TRUE(batch.ok());
    const auto green = static_cast<Eigen::Index>(position(batch.indicator_ids, "green"));
    EXPECT_EQ(batch.outcomes(3, green), static_cast<std::int8_t>(Outcome::missing));
    for (std::size_t i = 0; i < 4; ++i) {
        const auto one =
            f.evaluate(row_values(v, static_cast<Eigen::Index>(i), true), units[i], classes[i], options);
        expect_same_evaluation(unit_evaluation(f, batch, i), one);
        expect_row_matches(batch, i, one);
    }
}

TEST(Batch, UnknownColumnThrows) {
    // evaluation.hpp: an unknown id throws NotFoundError.
    const auto f = batch_framework();
    auto bad = columns;
    bad[1] = "satisfactoin";
    try {
        (void)many(f, batch_values(), bad, units, classes);
        ADD_FAILURE() << "expected NotFoundError";
    } catch (const NotFoundError& e) {
        EXPECT_TRUE(mentions(e.what(), "satisfactoin")) << e.what();
    }
}

TEST(Batch, DuplicateColumnThrows) {
    // evaluation.hpp: a repeated id throws ValidationError.
    const auto f = batch_framework();
    auto bad = columns;
    bad[1] = "green";
    try {
        (void)many(f, batch_values(), bad, units, classes);
        ADD_FAILURE() << "expected ValidationError";
    } catch (const ValidationError& e) {
        EXPECT_TRUE(mentions(e.what(), "green")) << e.what();
    }
}

TEST(Batch, ColumnCountMismatchThrows) {
    const auto f = batch_framework();
    const std::vector<std::string> four(columns.begin(), columns.end() - 1);
    EXPECT_THROW((void)many(f, batch_values(), four, units, classes), civitas::Error);
}

TEST(Batch, UnitsSizeMismatchThrows) {
    const auto f = batch_framework();
    const std::vector<std::string> three(units.begin(), units.end() - 1);
    EXPECT_THROW((void)many(f, batch_values(), columns, three, classes), civitas::Error);
}

TEST(Batch, ClassesSizeMismatchThrows) {
    const auto f = batch_framework();
    const std::vector<std::string> two(classes.begin(), classes.begin() + 2);
    EXPECT_THROW((void)many(f, batch_values(), columns, units, two), civitas::Error);
}

TEST(Batch, UnitEvaluationRowOutOfRangeThrows) {
    const auto f = batch_framework();
    const auto batch = many(f, batch_values(), columns, units, classes);
    EXPECT_ANY_THROW((void)unit_evaluation(f, batch, 4));
}

TEST(Batch, StridedViewOfABlock) {
    // Rows 1..2 of a larger matrix, through a MatrixView of a block (strides of the parent).
    const auto f = batch_framework();
    Eigen::MatrixXd big(6, 7);
    big.setConstant(-99);
    big.block(1, 1, 4, 5) = batch_values();
    const auto batch = evaluate_many(f, MatrixView(big.block(2, 1, 2, 5)), columns, {units[1], units[2]},
                                     {classes[1], classes[2]});
    ASSERT_EQ(batch.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        const auto one = f.evaluate(row_values(batch_values(), static_cast<Eigen::Index>(i + 1)), units[i + 1],
                                    classes[i + 1]);
        expect_same_evaluation(unit_evaluation(f, batch, i), one);
        expect_row_matches(batch, i, one);
    }
}

TEST(Batch, EmptyBatch) {
    const auto f = batch_framework();
    const Eigen::MatrixXd none(0, 5);
    const auto batch = many(f, none, columns);
    EXPECT_EQ(batch.size(), 0u);
    EXPECT_TRUE(batch.ok());
    EXPECT_EQ(batch.totals.size(), 0);
}

TEST(Batch, ReusedBuffersHoldNothingOfTheLastBatch) {
    // Large result matrices of a finished batch are reused by the next batch of the same shape
    // (release_cached_memory frees them): the second batch must equal a batch on fresh memory.
    const auto f = batch_framework();
    const Eigen::Index rows = 30000;  // 30,000 x 6 doubles: above the cache's 1 MiB threshold
    const Eigen::MatrixXd first = batch_values().colwise().replicate(rows / 4);
    Eigen::MatrixXd second = first;
    second.col(2).setConstant(45.0);                        // green met everywhere
    for (Eigen::Index r = 0; r < rows; r += 3) second(r, 3) = -1;  // invalid counts on a third of the units
    const std::vector<std::string> row_classes(static_cast<std::size_t>(rows), "small");
    auto same = [](const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
        return ((a.array() == b.array()) || (a.array().isNaN() && b.array().isNaN())).all();
    };

    release_cached_memory();
    const BatchEvaluation fresh = many(f, second, columns, {}, row_classes);
    { const BatchEvaluation warm_up = many(f, first, columns, {}, row_classes); }  // leaves its buffers behind
    const BatchEvaluation reused = many(f, second, columns, {}, row_classes);
    EXPECT_TRUE(same(reused.values, fresh.values));
    EXPECT_TRUE(same(reused.scores, fresh.scores));
    EXPECT_TRUE(same(reused.gaps, fresh.gaps));
    EXPECT_TRUE(reused.outcomes == fresh.outcomes);
    EXPECT_TRUE(same(reused.totals, fresh.totals));
    EXPECT_EQ(reused.errors, fresh.errors);
    EXPECT_EQ(std::count_if(fresh.errors.begin(), fresh.errors.end(), [](const Message& e) { return !e.empty(); }),
              rows / 3);
    release_cached_memory();
}

// ---------------------------------------------------------------------------------------------
// Messages in Chinese: why a unit's data was invalid, as the command line prints it under --lang zh

TEST(BatchMessages, InvalidUnitsSayWhyInChinese) {
    const auto f = batch_framework();
    Eigen::MatrixXd v = batch_values();
    v(1, 4) = 0.5;        // plan: a yes/no value other than 0 or 1
    v(3, 2) = nan_value;  // green: NaN is invalid without nan_as_missing
    const auto batch = many(f, v, columns, units, classes);
    EXPECT_EQ(batch.errors[1].text(Language::en), "indicator 'plan': value 0.5 is not yes or no; expected 1 (yes) or 0 (no)");
    EXPECT_EQ(batch.errors[1].text(Language::zh), "指标 'plan': 值 0.5 不是“是”或“否”；应为 1（是）或 0（否）");
    EXPECT_EQ(batch.errors[3].text(Language::zh),
              "指标 'green': 值 nan 不是数字；应为数字，缺失数据则不填值（nan_as_missing 将 NaN 视为缺失）");
    EXPECT_EQ(batch.errors[0].text(Language::zh), "");
    // The unit's Evaluation carries the same message; its reason stays English.
    const auto e = unit_evaluation(f, batch, 1);
    EXPECT_EQ(e.error, batch.errors[1]);
    EXPECT_EQ(e.reason.text(Language::en), "invalid data: " + batch.errors[1].text(Language::en));
    EXPECT_EQ(e.reason.text(Language::zh), "数据无效: " + batch.errors[1].text(Language::zh));
}

TEST(BatchMessages, ShapeErrorsReadInChinese) {
    const auto f = batch_framework();
    try {
        (void)many(f, batch_values(), columns, {"a", "b"});
        ADD_FAILURE() << "expected ValidationError";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.what(), std::string("units: 2 unit ids for 4 rows; expected one id per row or none"));
        EXPECT_EQ(e.message(Language::zh), "units: 2 个单位 id 对应 4 行；应每行一个 id，或不给出");
    }
    const auto batch = many(f, batch_values(), columns, units, classes);
    try {
        (void)unit_evaluation(f, batch, 9);
        ADD_FAILURE() << "expected NotFoundError";
    } catch (const NotFoundError& e) {
        EXPECT_EQ(e.message(Language::zh), "第 9 行超出本批次范围（共 4 个单位）");
    }
}
