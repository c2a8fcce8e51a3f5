// The observation store as bytes (observations_to_binary, parse_observations_binary): an equal
// store back, and a clear error for bytes it did not write. Also the results' equality of all
// members, NaN (a missing value) equal to NaN.

#include <civitas/core/error.hpp>
#include <civitas/framework/evaluation.hpp>
#include <civitas/io/observations_io.hpp>
#include <civitas/methods/ranking.hpp>
#include <civitas/tracking/observations.hpp>

#include "support.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

namespace civitas {
namespace {

using civitas::test::chinese_error;
using civitas::test::observation;

Date d(const char* iso) { return parse_date(iso, "test"); }

ObservationStore example() {
    ObservationStore store;
    Observation survey = observation("城关区", "满意度", d("2025-06-30"), 86.5, d("2025-07-05"));
    survey.source = "问卷";
    survey.mode = AssessmentMode::questionnaire;
    survey.sample_size = 400;
    store.add(survey);
    store.add(observation("七里河区", "绿化覆盖率", d("2025-03-31"), 35.2));
    store.add(observation("城关区", "绿化覆盖率", d("2024-12-31"), 36.8));
    return store;
}

TEST(ObservationsBinary, RoundTripsToAnEqualStore) {
    const ObservationStore store = example();
    const ObservationStore again = parse_observations_binary(observations_to_binary(store));
    EXPECT_EQ(again, store);
    EXPECT_EQ(again.units(), store.units());
    EXPECT_EQ(again.sources(), store.sources());
    const auto latest = again.latest("城关区", "满意度", d("2025-12-31"));
    ASSERT_TRUE(latest);
    EXPECT_EQ(latest->value, 86.5);
    EXPECT_EQ(latest->mode, AssessmentMode::questionnaire);
    EXPECT_EQ(latest->sample_size, 400);
    EXPECT_EQ(parse_observations_binary(observations_to_binary(ObservationStore())), ObservationStore());
}

TEST(ObservationsBinary, OtherBytesAreAParseErrorWithTheOffset) {
    const std::string bytes = observations_to_binary(example());
    try {
        (void)parse_observations_binary("unit,indicator,date,value\n");
        FAIL() << "expected a ParseError";
    } catch (const ParseError& error) {
        EXPECT_NE(std::string(error.what()).find("not a civitas observation store"), std::string::npos) << error.what();
        EXPECT_EQ(error.location(), "byte 0");
    }
    EXPECT_NE(chinese_error([&] { (void)parse_observations_binary(bytes.substr(0, bytes.size() - 3)); }).find("数据不完整"),
              std::string::npos);
    EXPECT_THROW((void)parse_observations_binary(bytes + "x"), ParseError);
    std::string bad_unit = bytes;
    const std::size_t rows_count = bad_unit.find(std::string("\x03\0\0\0\0\0\0\0", 8), bad_unit.rfind("问卷"));
    ASSERT_NE(rows_count, std::string::npos);
    bad_unit[rows_count + 16] = 9;  // past the rows and the column length: the first row's unit, 9 of 2
    EXPECT_NE(chinese_error([&] { (void)parse_observations_binary(bad_unit); }).find("超出范围"), std::string::npos);
}

TEST(ResultEquality, ComparesEveryMemberWithNanEqualToNan) {
    BatchEvaluation a;
    a.units = {"a", "b"};
    a.values = Eigen::MatrixXd::Constant(2, 2, std::numeric_limits<double>::quiet_NaN());
    a.totals = Eigen::VectorXd::Zero(2);
    BatchEvaluation b = a;
    EXPECT_EQ(a, b);
    b.values(1, 1) = 3.0;
    EXPECT_NE(a, b);
    b = a;
    b.totals.resize(3);
    b.totals.setZero();
    EXPECT_NE(a, b);
    b = a;
    b.errors = {Message("bad"_en, "坏"_zh), Message()};
    EXPECT_NE(a, b);

    Evaluation e;
    e.indicators.push_back(IndicatorResult{});
    Evaluation f = e;
    EXPECT_EQ(e, f);
    f.indicators[0].gap = 1.0;
    EXPECT_NE(e, f);

    Eigen::MatrixXd x(2, 2);
    x << 1.0, 2.0, 3.0, 4.0;
    const TopsisPrepared prepared(x);
    EXPECT_EQ(TopsisPrepared(prepared.to_ideal(), prepared.to_anti_ideal(), prepared.normalization()), prepared);
    EXPECT_THROW(TopsisPrepared(prepared.to_ideal(), Eigen::MatrixXd(1, 2), prepared.normalization()), ValidationError);
}

}  // namespace
}  // namespace civitas
