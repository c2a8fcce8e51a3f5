// The observation store (as-of queries, corrections, the latest-value matrix) and its CSV and
// JSON readers (bad rows with line and column, quoted fields, BOM, header errors, threads).

#include <civitas/core/error.hpp>
#include <civitas/io/observations_io.hpp>
#include <civitas/tracking/observations.hpp>

#include "io/detail/observation_rows.hpp"
#include "support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace civitas {
namespace {

using civitas::test::chinese_error;
using civitas::test::observation;

Date d(const char* iso) { return parse_date(iso, "test"); }

Observation obs(std::string unit, std::string indicator, const char* date, double value,
                std::optional<Date> recorded = std::nullopt) {
    return observation(std::move(unit), std::move(indicator), d(date), value, recorded);
}

// Unit A, indicator g: 10 on Jan 31, 12 on Feb 28 (known Mar 5, corrected to 12.5 on Mar 20),
// 15 on Mar 31. Unit B, indicator h: 7 on Feb 15. Added out of order on purpose.
ObservationStore worked_example() {
    ObservationStore store;
    store.add(obs("A", "g", "2025-03-31", 15.0));
    store.add(obs("B", "h", "2025-02-15", 7.0));
    store.add(obs("A", "g", "2025-02-28", 12.5, d("2025-03-20")));
    store.add(obs("A", "g", "2025-01-31", 10.0));
    store.add(obs("A", "g", "2025-02-28", 12.0, d("2025-03-05")));
    return store;
}

TEST(ObservationStore, LatestOnOrBeforeTheDateWithItsAge) {
    const ObservationStore store = worked_example();
    EXPECT_EQ(store.size(), 5u);
    EXPECT_EQ(store.units(), (std::vector<std::string>{"A", "B"}));
    EXPECT_EQ(store.indicators(), (std::vector<std::string>{"g", "h"}));

    // Mar 15: the Feb 28 value, as corrected (12.5); Mar 15 - Feb 28 = 15 days.
    const auto mid_march = store.latest("A", "g", d("2025-03-15"));
    ASSERT_TRUE(mid_march);
    EXPECT_EQ(mid_march->value, 12.5);
    EXPECT_EQ(mid_march->date, d("2025-02-28"));
    EXPECT_EQ(mid_march->age_days, 15);
    EXPECT_EQ(mid_march->recorded, d("2025-03-20"));

    // On the date itself: age 0. Before the first: nothing.
    const auto end_of_march = store.latest("A", "g", d("2025-03-31"));
    ASSERT_TRUE(end_of_march);
    EXPECT_EQ(end_of_march->value, 15.0);
    EXPECT_EQ(end_of_march->age_days, 0);
    EXPECT_FALSE(store.latest("A", "g", d("2025-01-30")));
    // A year on, the last value is 365 days old.
    EXPECT_EQ(store.latest("A", "g", d("2026-03-31"))->age_days, 365);

    // Unknown ids and pairs without data: nothing.
    EXPECT_FALSE(store.latest("A", "h", d("2025-12-31")));
    EXPECT_FALSE(store.latest("Z", "g", d("2025-12-31")));
    EXPECT_FALSE(store.latest("A", "zz", d("2025-12-31")));
}

TEST(ObservationStore, CorrectionsAreSeenAsKnownOnADay) {
    const ObservationStore store = worked_example();
    // Known on Mar 10: the first Feb 28 record (12), the correction of Mar 20 is not yet known.
    EXPECT_EQ(store.latest("A", "g", d("2025-03-15"), d("2025-03-10"))->value, 12.0);
    EXPECT_EQ(store.latest("A", "g", d("2025-03-15"), d("2025-03-20"))->value, 12.5);
    // Known on Mar 1: nothing of Feb 28 is known yet (recorded Mar 5): back to Jan 31, 43 days old.
    const auto early = store.latest("A", "g", d("2025-03-15"), d("2025-03-01"));
    ASSERT_TRUE(early);
    EXPECT_EQ(early->value, 10.0);
    EXPECT_EQ(early->age_days, 43);

    // The series resolves corrections the same way; values without a recorded date are known on their date.
    const ObservationSeries latest = store.series("A", "g");
    EXPECT_EQ(latest.dates, (std::vector<Date>{d("2025-01-31"), d("2025-02-28"), d("2025-03-31")}));
    EXPECT_EQ(latest.values, (std::vector<double>{10.0, 12.5, 15.0}));
    const ObservationSeries on_march_10 = store.series("A", "g", d("2025-03-10"));
    EXPECT_EQ(on_march_10.dates, (std::vector<Date>{d("2025-01-31"), d("2025-02-28")}));
    EXPECT_EQ(on_march_10.values, (std::vector<double>{10.0, 12.0}));
    EXPECT_TRUE(store.series("A", "g", d("2025-01-30")).dates.empty());
    EXPECT_TRUE(store.series("nobody", "g").values.empty());
}

TEST(ObservationStore, ALaterRecordWithoutRecordedDateCorrectsAnEarlierOne) {
    ObservationStore store;
    store.add(obs("A", "g", "2025-01-31", 1.0));
    store.add(obs("A", "g", "2025-01-31", 2.0));
    store.add(obs("A", "g", "2025-01-31", 3.0));
    EXPECT_EQ(store.latest("A", "g", d("2025-02-01"))->value, 3.0);
    EXPECT_EQ(store.series("A", "g").values, std::vector<double>{3.0});
    EXPECT_EQ(store.size(), 3u);  // the history is kept
}

TEST(ObservationStore, LatestMatrixHasUnitsByRowsIndicatorsByColumns) {
    const ObservationStore store = worked_example();
    const LatestMatrix m = store.latest_matrix({"B", "A", "nobody"}, {"g", "h", "none"}, d("2025-03-15"));
    ASSERT_EQ(m.values.rows(), 3);
    ASSERT_EQ(m.values.cols(), 3);
    EXPECT_TRUE(std::isnan(m.values(0, 0)));  // B has no g
    EXPECT_EQ(m.values(0, 1), 7.0);           // B h: Feb 15, 28 days before Mar 15
    EXPECT_EQ(m.ages(0, 1), 28.0);
    EXPECT_EQ(m.values(1, 0), 12.5);
    EXPECT_EQ(m.ages(1, 0), 15.0);
    EXPECT_TRUE(std::isnan(m.values(1, 1)));
    EXPECT_TRUE(std::isnan(m.ages(1, 1)));
    for (Eigen::Index c = 0; c < 3; ++c) EXPECT_TRUE(std::isnan(m.values(2, c)));
    for (Eigen::Index r = 0; r < 3; ++r) EXPECT_TRUE(std::isnan(m.values(r, 2)));

    const LatestMatrix known_earlier = store.latest_matrix({"A"}, {"g"}, d("2025-03-15"), d("2025-03-10"));
    EXPECT_EQ(known_earlier.values(0, 0), 12.0);
    // Every unit and indicator, in order of first appearance.
    const LatestMatrix all = store.latest_matrix(d("2025-12-31"));
    EXPECT_EQ(all.units, store.units());
    EXPECT_EQ(all.indicators, store.indicators());
    EXPECT_EQ(all.values(0, 0), 15.0);
    EXPECT_EQ(all.ages(0, 0), 275.0);  // Mar 31 to Dec 31
}

TEST(ObservationStore, AnswersDoNotDependOnTheOrderOfAdding) {
    std::mt19937 random(7);
    std::vector<Observation> rows;
    for (int u = 0; u < 6; ++u)
        for (int i = 0; i < 4; ++i)
            for (int m = 1; m <= 12; ++m) {
                Observation o = obs("u" + std::to_string(u), "i" + std::to_string(i), "2024-01-01", u * 100 + i * 10 + m);
                o.date = d("2024-01-01") + boost::gregorian::months(m - 1);
                if (m % 4 == 0) o.recorded = o.date + boost::gregorian::days(m);
                rows.push_back(o);
            }
    ObservationStore ordered;
    for (const auto& o : rows) ordered.add(o);
    std::shuffle(rows.begin(), rows.end(), random);
    ObservationStore shuffled;
    for (const auto& o : rows) shuffled.add(o);
    for (const char* day : {"2023-12-31", "2024-03-15", "2024-06-01", "2025-01-01"}) {
        const LatestMatrix a = ordered.latest_matrix(ordered.units(), ordered.indicators(), d(day), d("2024-08-01"));
        const LatestMatrix b = shuffled.latest_matrix(ordered.units(), ordered.indicators(), d(day), d("2024-08-01"));
        for (Eigen::Index k = 0; k < a.values.size(); ++k) {
            const double x = a.values.data()[k], y = b.values.data()[k];
            EXPECT_TRUE(x == y || (std::isnan(x) && std::isnan(y))) << day << " cell " << k;
        }
    }
    EXPECT_EQ(ordered.latest_matrix(d("2023-12-31")).values.array().isNaN().count(), 24);
    // Index order: indicator, unit (ids, in order of first appearance), date.
    const auto id = [](const std::vector<std::string>& names, const std::string& name) {
        return std::find(names.begin(), names.end(), name) - names.begin();
    };
    for (std::size_t r = 1; r < shuffled.size(); ++r) {
        const Observation a = shuffled.at(r - 1), b = shuffled.at(r);
        const auto key = [&](const Observation& o) {
            return std::make_tuple(id(shuffled.indicators(), o.indicator), id(shuffled.units(), o.unit), o.date);
        };
        EXPECT_LE(key(a), key(b));
    }
}

// The index against its definition: the rows stably sorted by (indicator, unit, date, known day),
// ids in order of first appearance, rows equal in all four kept in the order they were added (the
// later one is the correction). Above 32,768 rows the index is built on two threads; with more
// (unit, indicator) pairs than its table takes it sorts by unit, then indicator.
void expect_index_order(int units, int indicators, std::size_t rows, unsigned seed) {
    std::mt19937 random(seed);
    std::vector<Observation> added;
    ObservationStore store;
    for (std::size_t r = 0; r < rows; ++r) {
        Observation o = obs("u" + std::to_string(random() % static_cast<unsigned>(units)),
                            "i" + std::to_string(random() % static_cast<unsigned>(indicators)), "2024-01-01", static_cast<double>(r));
        o.date += boost::gregorian::days(static_cast<long>(random() % 20));
        if (random() % 3 == 0) o.recorded = o.date + boost::gregorian::days(static_cast<long>(random() % 3));
        added.push_back(o);
        store.add(o);
    }
    const auto id = [](const std::vector<std::string>& names, const std::string& name) {
        return std::find(names.begin(), names.end(), name) - names.begin();
    };
    const auto key = [&](const Observation& o) {
        return std::make_tuple(id(store.indicators(), o.indicator), id(store.units(), o.unit), o.date, o.recorded.value_or(o.date));
    };
    std::vector<std::tuple<std::ptrdiff_t, std::ptrdiff_t, Date, Date, double>> expected;
    for (const Observation& o : added) expected.push_back(std::tuple_cat(key(o), std::make_tuple(o.value)));
    std::stable_sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) {
        return std::make_tuple(std::get<0>(a), std::get<1>(a), std::get<2>(a), std::get<3>(a)) <
               std::make_tuple(std::get<0>(b), std::get<1>(b), std::get<2>(b), std::get<3>(b));
    });
    ASSERT_EQ(store.size(), rows);
    for (std::size_t r = 0; r < rows; ++r) {
        const Observation o = store.at(r);
        ASSERT_EQ(std::tuple_cat(key(o), std::make_tuple(o.value)), expected[r]) << "row " << r;
    }
}

TEST(ObservationStore, IndexIsTheStableOrderOfIndicatorUnitDateAndKnownDay) {
    expect_index_order(30, 20, 2'000, 1);             // one thread, a table of pairs
    expect_index_order(300, 40, 60'000, 2);           // two threads, a table of pairs
    expect_index_order(1'500, 1'000, 40'000, 3);      // two threads, more pairs than the table takes
}

TEST(ObservationStore, AddValidates) {
    ObservationStore store;
    EXPECT_THROW(store.add(obs("", "g", "2025-01-01", 1.0)), ValidationError);
    EXPECT_THROW(store.add(obs("A", "", "2025-01-01", 1.0)), ValidationError);
    EXPECT_THROW(store.add(obs("A", "g", "2025-01-01", std::nan(""))), ValidationError);
    EXPECT_THROW(store.add(obs("A", "g", "2025-01-01", 1.0, d("2024-12-31"))), ValidationError);
    Observation no_sample = obs("A", "g", "2025-01-01", 1.0);
    no_sample.sample_size = 0;
    EXPECT_THROW(store.add(no_sample), ValidationError);
    EXPECT_EQ(chinese_error([&] { store.add(obs("", "g", "2025-01-01", 1.0)); }), "unit: 单位编号为空；应填写单位编号");
    EXPECT_EQ(chinese_error([&] { store.add(obs("A", "g", "2025-01-01", 1.0, d("2024-12-31"))); }),
              "recorded: 记录日期 2024-12-31 早于数据日期 2025-01-01；应不早于数据日期");
    EXPECT_EQ(store.size(), 0u);
    // An observation comes back as it went in.
    Observation full = obs("A", "g", "2025-01-01", 1.5, d("2025-01-09"));
    full.source = "市统计局";
    full.mode = AssessmentMode::questionnaire;
    full.sample_size = 400;
    store.add(full);
    EXPECT_EQ(store.at(0), full);
    EXPECT_EQ(store.sources(), (std::vector<std::string>{"", "市统计局"}));
}

// ---- CSV ----------------------------------------------------------------------------------

std::string message_of(const RejectedRow& row) { return to_string(row); }

TEST(ObservationCsv, ReadsEveryColumnInAnyOrder) {
    const ObservationLoad load = parse_observations_csv(
        "recorded,value,unit,date,indicator,mode,sample_size,source\n"
        "2025-07-10,86.5,城关区,2025-06-30,satisfaction,questionnaire,1200,第三方调查\n"
        ",38.2,城关区,2025-03-31,green,,,\n");
    EXPECT_TRUE(load.rejected.empty());
    ASSERT_EQ(load.store.size(), 2u);
    Observation survey = obs("城关区", "satisfaction", "2025-06-30", 86.5, d("2025-07-10"));
    survey.mode = AssessmentMode::questionnaire;
    survey.sample_size = 1200;
    survey.source = "第三方调查";
    // Index order: indicators in order of first appearance (satisfaction first).
    EXPECT_EQ(load.store.at(0), survey);
    EXPECT_EQ(load.store.at(1), obs("城关区", "green", "2025-03-31", 38.2));
    EXPECT_EQ(to_string(load), "2 observations, no rows rejected");
}

TEST(ObservationCsv, EveryKindOfBadRowIsReportedWithItsLineAndColumnAndTheRestKept) {
    const std::string text =
        "unit,indicator,date,value,mode,sample_size,recorded\n"  // line 1
        "A,g,2025-01-31,1,,,\n"                                   // 2 good
        "A,g,2025-01-31\n"                                        // 3 too few fields
        ",g,2025-01-31,1,,,\n"                                    // 4 empty unit
        "A,,2025-01-31,1,,,\n"                                    // 5 empty indicator
        "A,g,2025/01/31,1,,,\n"                                   // 6 date shape
        "A,g,2025-02-29,1,,,\n"                                   // 7 no such day
        "A,g,2025-01-31,,,,\n"                                    // 8 empty value
        "A,g,2025-01-31,\"3,1\",,,\n"                             // 9 not a number (quoted comma)
        "A,g,2025-01-31,nan,,,\n"                                 // 10 NaN
        "A,g,2025-01-31,-inf,,,\n"                                // 11 infinity
        "A,g,2025-01-31,1,phone,,\n"                              // 12 unknown mode
        "A,g,2025-01-31,1,questionnaire,0,\n"                     // 13 sample size 0
        "A,g,2025-01-31,1,questionnaire,12.5,\n"                  // 14 sample size not whole
        "A,g,2025-01-31,1,,,2025-01-30\n"                         // 15 recorded before date
        "A,g,2025-01-31,1,,,2025-13-01\n"                         // 16 bad recorded date
        "A,\"g\"x,2025-01-31,1,,,\n"                              // 17 text after a closing quote
        "A,g,2025-01-31,1e999,,,\n"                               // 18 out of range
        "A,g,2025-02-28,2,,,\n"                                   // 19 good
        "A,g,2025-03-31,3,,,\"2025-04-01\n";                      // 20 quote never closed
    const ObservationLoad load = parse_observations_csv(text, "bad.csv");
    EXPECT_EQ(load.store.size(), 2u);
    std::vector<std::string> got;
    for (const RejectedRow& row : load.rejected) got.push_back(message_of(row));
    const std::vector<std::string> expected = {
        "line 3: 3 fields; expected 7 as in the header",
        "line 4, column 1: empty unit id; expected one",
        "line 5, column 2: empty indicator id; expected one",
        "line 6, column 3: '2025/01/31' is not a date; expected YYYY-MM-DD",
        "line 7, column 3: '2025-02-29' is not a date: February 2025 has 28 days; expected YYYY-MM-DD",
        "line 8, column 4: empty value; expected a number",
        "line 9, column 4: '3,1' is not a number; expected a number",
        "line 10, column 4: 'nan' is not a finite number; expected a number",
        "line 11, column 4: '-inf' is not a finite number; expected a number",
        "line 12, column 5: 'phone' is not an assessment mode; expected one of unspecified, field_inspection, "
        "document_review, questionnaire, online_survey, statistics",
        "line 13, column 6: '0' is not a sample size; expected a whole number from 1 to 2147483647",
        "line 14, column 6: '12.5' is not a sample size; expected a whole number from 1 to 2147483647",
        "line 15, column 7: recorded 2025-01-30 is before the date 2025-01-31; expected on or after it",
        "line 16, column 7: '2025-13-01' is not a date: month 13 is not in 1..12; expected YYYY-MM-DD",
        "line 17, column 2: text after a closing quote; expected a comma or the end of the line",
        "line 18, column 4: '1e999' is out of the range of numbers; expected a number",
        "line 20, column 7: quoted field never closed; expected a closing \"",
    };
    EXPECT_EQ(got, expected);
    EXPECT_EQ(load.rejected[7].line, 10u);
    EXPECT_EQ(load.rejected[7].column, 4u);
    EXPECT_EQ(to_string(load), "2 observations, 17 rows rejected (first: line 3: 3 fields; expected 7 as in the header)");

    // The same in Chinese; rows compare equal by their English.
    EXPECT_EQ(to_string(load.rejected[4], Language::zh), "第 7 行第 3 列: '2025-02-29' 不是日期: 2025 年 2 月只有 28 天；应为 YYYY-MM-DD");
    EXPECT_EQ(to_string(load.rejected[6], Language::zh), "第 9 行第 4 列: '3,1' 不是数字；应为数字");
    EXPECT_EQ(to_string(load.rejected[9], Language::zh),
              "第 12 行第 5 列: 'phone' 不是有效的测评方式；应为以下之一: unspecified, field_inspection, document_review, "
              "questionnaire, online_survey, statistics");
    EXPECT_EQ(load.rejected[16].message.text(Language::zh), "带引号的字段没有闭合；应有闭合的 \"");
    EXPECT_EQ(to_string(load, Language::zh), "2 条观测数据，剔除 17 行（首个: 第 3 行: 3 个字段；应与表头一致，为 7 个）");
    EXPECT_EQ(load.rejected, parse_observations_csv(text, "bad.csv").rejected);
}

TEST(ObservationCsv, QuotedFieldsMayHoldCommasQuotesAndLineBreaks) {
    const ObservationLoad load = parse_observations_csv(
        "unit,indicator,date,value,source\r\n"
        "\"兰州市, 城关区\",g,2025-01-31,1,\"the \"\"annual\"\" survey\"\r\n"
        "B,g,2025-01-31,\" 2.5\",\"two\r\nlines\"\r\n"
        "C,g,2025-01-31,x,\r\n");  // line 5: the line breaks inside quotes count
    ASSERT_EQ(load.store.size(), 2u);
    EXPECT_EQ(load.store.units(), (std::vector<std::string>{"兰州市, 城关区", "B"}));
    EXPECT_EQ(load.store.at(0).source, "the \"annual\" survey");
    EXPECT_EQ(load.store.at(1).source, "two\r\nlines");
    ASSERT_EQ(load.rejected.size(), 1u);
    EXPECT_EQ(message_of(load.rejected[0]), "line 5, column 4: 'x' is not a number; expected a number");
    // Blanks around unquoted fields are ignored (and around numbers and dates, quoted or not).
    EXPECT_EQ(parse_observations_csv("unit,indicator,date,value\n A , g ,2025-01-31, 4 \n").store.at(0),
              obs("A", "g", "2025-01-31", 4.0));
}

TEST(ObservationCsv, AcceptsAByteOrderMarkAndBlankLines) {
    const ObservationLoad load = parse_observations_csv("\xEF\xBB\xBFunit,indicator,date,value\n\nA,g,2025-01-31,+1.5\n\n");
    EXPECT_TRUE(load.rejected.empty());
    EXPECT_EQ(load.store.at(0), obs("A", "g", "2025-01-31", 1.5));
}

void expect_parse_error(const std::string& text, const std::string& location, const std::string& message) {
    try {
        (void)parse_observations_csv(text, "obs.csv");
        ADD_FAILURE() << "no ParseError for: " << text;
    } catch (const ParseError& error) {
        EXPECT_EQ(error.file(), "obs.csv");
        EXPECT_EQ(error.location(), location) << error.what();
        EXPECT_NE(std::string(error.what()).find(message), std::string::npos) << error.what();
    }
}

TEST(ObservationCsv, HeaderErrorsNameTheColumns) {
    expect_parse_error("", "line 1", "the file is empty; expected a header row: unit,indicator,date,value");
    expect_parse_error("\n\r\n", "line 1", "the file is empty");
    expect_parse_error("unit,indicator,date,value,colour,weight\n", "line 1, column 5",
                       "unknown columns 'colour' (column 5), 'weight' (column 6); expected unit, indicator, date and value, "
                       "and optionally source, mode, sample_size or recorded");
    expect_parse_error("unit,indicator,value\n", "line 1", "missing column 'date'");
    expect_parse_error("unit,value\n", "line 1", "missing columns 'indicator', 'date'");
    expect_parse_error("unit,indicator,date,value,date\n", "line 1, column 5",
                       "column 'date' appears twice (columns 3 and 5); expected each column once");
    expect_parse_error("\n\nunit,\"indicator\"x,date,value\n", "line 3, column 2", "text after a closing quote");
    // A header alone is an empty store.
    const ObservationLoad empty = parse_observations_csv("unit,indicator,date,value\n");
    EXPECT_TRUE(empty.store.empty());
    EXPECT_EQ(to_string(empty), "0 observations, no rows rejected");
    EXPECT_THROW((void)load_observations_csv(CIVITAS_TEST_DATA_DIR "/observations/no-such-file.csv"), ParseError);

    EXPECT_EQ(chinese_error([] { (void)parse_observations_csv("unit,indicator,date,value,colour,weight\n", "obs.csv"); }),
              "obs.csv: 第 1 行第 5 列: 未知的列 'colour'（第 5 列）, 'weight'（第 6 列）；应为 unit, indicator, date 和 value 列，"
              "可选 source, mode, sample_size 或 recorded 列");
    EXPECT_EQ(chinese_error([] { (void)parse_observations_csv("unit,indicator,date,value,date\n", "obs.csv"); }),
              "obs.csv: 第 1 行第 5 列: 列 'date' 出现两次（第 3 列和第 5 列）；每列应只出现一次");
    EXPECT_EQ(chinese_error([] { (void)parse_observations_csv("", "obs.csv"); }),
              "obs.csv: 第 1 行: 文件为空；应有表头行: unit,indicator,date,value，可选 source,mode,sample_size,recorded");
}

// A few thousand rows with quotes, corrections, bad rows and blank lines here and there.
// Good rows and bad ones; `quotes`: with a quoted source (and a line break in it) every 97 rows,
// which keeps a block from being cut among threads before it.
std::string mixed_file(int rows, bool quotes = true) {
    std::mt19937 random(11);
    std::ostringstream text;
    text << "unit,indicator,date,value,source,mode,sample_size,recorded\n";
    for (int r = 0; r < rows; ++r) {
        const int unit = static_cast<int>(random() % 50), indicator = static_cast<int>(random() % 12);
        const int month = 1 + static_cast<int>(random() % 12);
        text << "u" << unit << ",ind" << indicator << ",2024-" << (month < 10 ? "0" : "") << month << "-15,"
             << static_cast<int>(random() % 1000) / 10.0 << ",";
        switch (r % 97) {
        case 3: text << (quotes ? "\"a, quoted\nsource\",questionnaire,120,\n" : "a source,questionnaire,120,\n"); break;
        case 5: text << "src,,,2024-12-31\n"; break;
        case 7: text << "src,,zero,\n"; break;  // bad sample size
        case 11: text << "\n"; break;           // too few fields
        default: text << (r % 3 == 0 ? "stats" : "") << "," << (r % 5 == 0 ? "statistics" : "") << ",,\n";
        }
        if (r % 501 == 0) text << "\n";
    }
    return text.str();
}

void expect_same(const ObservationLoad& a, const ObservationLoad& b) {
    EXPECT_EQ(a.store.units(), b.store.units());
    EXPECT_EQ(a.store.indicators(), b.store.indicators());
    EXPECT_EQ(a.store.sources(), b.store.sources());
    const ObservationColumns &x = a.store.columns(), &y = b.store.columns();
    EXPECT_EQ(x.unit, y.unit);
    EXPECT_EQ(x.indicator, y.indicator);
    EXPECT_EQ(x.date, y.date);
    EXPECT_EQ(x.value, y.value);
    EXPECT_EQ(x.source, y.source);
    EXPECT_EQ(x.mode, y.mode);
    EXPECT_EQ(x.sample_size, y.sample_size);
    EXPECT_EQ(x.recorded, y.recorded);
    EXPECT_EQ(a.rejected, b.rejected);
}

TEST(ObservationCsv, TwoThreadsAndAnyBlockSizeGiveTheSameResult) {
    const std::string text = mixed_file(40000);
    ObservationReadOptions one;
    one.threads = 1;
    const ObservationLoad reference = parse_observations_csv(text, "<string>", one);
    ASSERT_GT(reference.store.size(), 35000u);
    ASSERT_GT(reference.rejected.size(), 700u);
    EXPECT_GT(reference.store.columns().sample_size.size(), 0u);
    for (const int threads : {1, 2, 3, 4}) {
        for (const std::size_t block : {std::size_t{4096}, std::size_t{100000}, std::size_t{300000}, std::size_t{16} << 20}) {
            ObservationReadOptions options;
            options.threads = threads;
            options.block_bytes = block;
            SCOPED_TRACE("threads " + std::to_string(threads) + ", block " + std::to_string(block));
            expect_same(parse_observations_csv(text, "<string>", options), reference);
        }
    }
    // And as a file, read in blocks (the next one read while a block is parsed).
    const std::string path = testing::TempDir() + "civitas_observations_mixed.csv";
    std::ofstream(path, std::ios::binary) << text;
    for (const int threads : {1, 2}) {
        for (const std::size_t block : {std::size_t{4096}, std::size_t{200000}}) {
            ObservationReadOptions options;
            options.threads = threads;
            options.block_bytes = block;
            SCOPED_TRACE("file, threads " + std::to_string(threads) + ", block " + std::to_string(block));
            expect_same(load_observations_csv(path, options), reference);
        }
    }
    std::remove(path.c_str());
}

TEST(ObservationCsv, AFileRecordLongerThanTheRoomKeptForItIsReadWhole) {
    // A block's unfinished record is carried before the next block, in 64 KiB of room that is
    // widened when a record is longer: a 300 kB source among short lines, in 4 KiB blocks.
    std::string text = "unit,indicator,date,value,source\n";
    for (int i = 0; i < 3000; ++i) text += "u" + std::to_string(i % 7) + ",i,2026-01-" + std::to_string(10 + i % 20) + "," + std::to_string(i) + ",s\n";
    text += "u1,i,2026-02-01,1,\"" + std::string(300000, 'x') + "\"\n";
    for (int i = 0; i < 3000; ++i) text += "u" + std::to_string(i % 5) + ",j,2026-03-" + std::to_string(10 + i % 20) + "," + std::to_string(i) + ",\n";
    ObservationReadOptions options;
    options.limits.text_bytes = 1 << 20;
    options.block_bytes = 4096;
    const ObservationLoad reference = parse_observations_csv(text, "<string>", options);
    ASSERT_EQ(reference.store.size(), 6001u);
    ASSERT_TRUE(reference.rejected.empty());
    const std::string path = testing::TempDir() + "civitas_observations_long_record.csv";
    std::ofstream(path, std::ios::binary) << text;
    for (const int threads : {1, 2}) {
        options.threads = threads;
        expect_same(load_observations_csv(path, options), reference);
    }
    std::remove(path.c_str());
}

// The usual line is read by a shortcut (observations_csv.cpp, read_plain_line) and every other
// one by the rules all readers share; a line whose first cell is quoted always takes the general
// way. So the same rows with the unit quoted and unquoted must give the same store and the same
// rejections, word for word: cells drawn from plain forms and every near miss (blanks, signs,
// exponents, long digits, \r\n, bad dates, modes, sample sizes and recorded dates).
TEST(ObservationCsv, TheUsualLineAndTheGeneralWayReadAlike) {
    const std::vector<std::vector<std::string>> forms = {
        {"i1", "i2", " i3", "i4 ", "\ti5", "", "指标"},
        {"2025-01-31", "2024-02-29", "2023-02-29", " 2025-03-31", "2025-3-31", "", "2025-01-31\t", "20250131"},
        {"61.37", "-2", "0", "7.", ".5", "+4", "1e3", "-0.0", " 3.5", "3.5 ", "1234567890123456", "12345678901234567", "x", "", "1,5",
         "0.1000000000000000055511151231257827", "-", "."},
        {"nbs", "", " site", "web\t", "sûr"},
        {"statistics", "online_survey", "", " field_inspection", "survey", "Statistics"},
        {"", "800", "0", "1234567890", "999999999", " 12", "-3", "12a"},
        {"", "2025-02-01", "2025-01-01", "2025-13-01", " 2025-02-01"},
    };
    std::mt19937 random(20261206);
    std::string plain = "unit,indicator,date,value,source,mode,sample_size,recorded\n", quoted = plain;
    for (int line = 0; line < 20000; ++line) {
        std::string rest;
        for (const std::vector<std::string>& cells : forms) rest += "," + cells[random() % cells.size()];
        const std::string end = random() % 10 == 0 ? "\r\n" : "\n";
        const std::string unit = "u" + std::to_string(random() % 50);
        plain += unit + rest + end;
        quoted += "\"" + unit + "\"" + rest + end;
    }
    ObservationReadOptions one;
    one.threads = 1;
    const ObservationLoad shortcut = parse_observations_csv(plain, "<string>", one);
    const ObservationLoad general = parse_observations_csv(quoted, "<string>", one);
    ASSERT_GT(shortcut.store.size(), 1000u);
    ASSERT_GT(shortcut.rejected.size(), 1000u);
    expect_same(shortcut, general);
    ASSERT_EQ(shortcut.rejected.size(), general.rejected.size());
    for (std::size_t i = 0; i < shortcut.rejected.size(); ++i)
        ASSERT_EQ(to_string(shortcut.rejected[i], Language::zh), to_string(general.rejected[i], Language::zh)) << to_string(general.rejected[i]);
}

// The readers compare each row's ids with the last row's a word at a time: every length, a
// difference at every position.
TEST(ObservationCsv, IdsAreComparedWholeAtEveryLength) {
    for (std::size_t n = 0; n <= 24; ++n) {
        std::string a(n, 'x');
        for (std::size_t i = 0; i < n; ++i) a[i] = static_cast<char>('a' + i);
        EXPECT_TRUE(detail::ObservationSink::same_text(a, std::string(a))) << a;
        EXPECT_FALSE(detail::ObservationSink::same_text(a, a + "z")) << a;
        for (std::size_t i = 0; i < n; ++i) {
            std::string b = a;
            b[i] = '#';
            EXPECT_FALSE(detail::ObservationSink::same_text(a, b)) << a << " against " << b;
        }
    }
}

TEST(ObservationCsv, ANegativeThreadCountIsRejected) {
    ObservationReadOptions options;
    options.threads = -1;
    try {
        (void)parse_observations_csv("unit,indicator,date,value\n", "<string>", options);
        ADD_FAILURE() << "expected ValidationError";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.path(), "threads");
        EXPECT_EQ(e.message(Language::zh), "threads: 取值 -1；应为 0（至多 2 个）或更多");
    }
}

TEST(ObservationCsv, AnyNumberOfThreadsGivesTheSameResult) {
    // No quotes: every block of 128 KiB or more is cut at line breaks into a part per thread.
    const std::string text = mixed_file(60000, false);
    ASSERT_EQ(text.find('"'), std::string::npos);
    ObservationReadOptions one;
    one.threads = 1;
    const ObservationLoad reference = parse_observations_csv(text, "<string>", one);
    ASSERT_GT(reference.store.size(), 50000u);
    ASSERT_GT(reference.rejected.size(), 1000u);
    for (const int threads : {2, 3, 4, 7, 16}) {
        for (const std::size_t block : {std::size_t{200000}, std::size_t{700000}, std::size_t{16} << 20}) {
            ObservationReadOptions options;
            options.threads = threads;
            options.block_bytes = block;
            SCOPED_TRACE("threads " + std::to_string(threads) + ", block " + std::to_string(block));
            expect_same(parse_observations_csv(text, "<string>", options), reference);
        }
    }
}

TEST(ObservationCsv, ALimitPassedInALaterPartIsNamedAtItsLine) {
    // A cell past Limits::text_bytes near the end: the part that finds it counts lines from its
    // own start; the error names the file's line, whatever the threads.
    std::string text = mixed_file(60000, false);
    const std::size_t line = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    text += "u1,ind1,2024-01-15,1," + std::string(300, 's') + ",,,\n";
    const std::string more = mixed_file(200, false);
    text += more.substr(more.find('\n') + 1);  // without its header
    std::string reference;
    for (const int threads : {1, 2, 4, 5}) {
        ObservationReadOptions options;
        options.threads = threads;
        options.limits.text_bytes = 256;
        SCOPED_TRACE("threads " + std::to_string(threads));
        try {
            (void)parse_observations_csv(text, "<string>", options);
            ADD_FAILURE() << "expected LimitError";
        } catch (const LimitError& e) {
            EXPECT_NE(std::string(e.what()).find("line " + std::to_string(line) + ","), std::string::npos) << e.what();
            if (reference.empty()) reference = e.what();
            EXPECT_EQ(e.what(), reference);
        }
    }
}

TEST(ObservationCsv, TheExampleFilesLoad) {
    const ObservationLoad districts = load_observations_csv(CIVITAS_TEST_DATA_DIR "/observations/districts.csv");
    EXPECT_TRUE(districts.rejected.empty());
    EXPECT_EQ(districts.store.size(), 9u);
    // 七里河区 green coverage on Jun 30 was corrected on Aug 15 (34.0 -> 34.6).
    EXPECT_EQ(districts.store.latest("七里河区", "built_up_green_coverage", d("2025-07-31"))->value, 34.6);
    EXPECT_EQ(districts.store.latest("七里河区", "built_up_green_coverage", d("2025-07-31"), d("2025-07-31"))->value, 34.0);

    const ObservationLoad bad = load_observations_csv(CIVITAS_TEST_DATA_DIR "/observations/with-errors.csv");
    EXPECT_EQ(bad.store.size(), 2u);
    EXPECT_EQ(to_string(bad), "2 observations, 4 rows rejected (first: line 3, column 3: '2025-02-30' is not a date: "
                              "February 2025 has 28 days; expected YYYY-MM-DD)");
}

TEST(ObservationCsv, TheSummaryUsesThousandsSeparators) {
    std::ostringstream text;
    text << "unit,indicator,date,value\n";
    for (int i = 0; i < 1234; ++i) text << "u" << i << ",g,2025-01-31," << i << "\n";
    text << "x,g,2025-01-31,abc\n";
    EXPECT_EQ(to_string(parse_observations_csv(text.str())),
              "1,234 observations, 1 row rejected (first: line 1236, column 4: 'abc' is not a number; expected a number)");
}

// ---- JSON ---------------------------------------------------------------------------------

TEST(ObservationJson, ReadsEntriesAndRejectsBadOnesByPath) {
    const ObservationLoad load = load_observations_json(CIVITAS_TEST_DATA_DIR "/observations/districts.json");
    ASSERT_EQ(load.store.size(), 2u);
    ASSERT_EQ(load.rejected.size(), 1u);
    EXPECT_EQ(message_of(load.rejected[0]), "$.observations[2].value: \"34.0\" is not a number; expected a number");
    EXPECT_EQ(to_string(load.rejected[0], Language::zh), "$.observations[2].value: \"34.0\" 不是数字；应为数字");
    const auto satisfaction = load.store.latest("城关区", "public_satisfaction_greening", d("2025-12-31"));
    ASSERT_TRUE(satisfaction);
    EXPECT_EQ(satisfaction->sample_size, 1200);
    EXPECT_EQ(satisfaction->mode, AssessmentMode::questionnaire);
    EXPECT_EQ(satisfaction->source, "第三方调查");
    EXPECT_EQ(satisfaction->age_days, 184);

    const ObservationLoad bad = parse_observations_json(
        R"({"format": "civitas-observations/1", "observations": [
            {"unit": "A", "indicator": "g", "date": "2025-02-30", "value": 1},
            {"unit": "A", "indicator": "g", "date": "2025-01-31", "value": 1, "sample_size": 1.5},
            {"unit": "A", "indicator": "g", "date": "2025-01-31", "value": 1, "mode": "phone"},
            {"unit": "A", "indicator": "g", "date": "2025-01-31", "value": 1, "recorded": "2025-01-01"},
            {"unit": "A", "indicator": "g", "date": "2025-01-31", "value": 1, "colour": "red"},
            {"unit": "A", "indicator": "g", "date": "2025-01-31", "value": 2}]})");
    EXPECT_EQ(bad.store.size(), 1u);
    std::vector<std::string> paths;
    for (const RejectedRow& row : bad.rejected) paths.push_back(row.path);
    EXPECT_EQ(paths, (std::vector<std::string>{"$.observations[0].date", "$.observations[1].sample_size",
                                               "$.observations[2].mode", "$.observations[3].recorded",
                                               "$.observations[4].colour"}));
    EXPECT_EQ(to_string(bad.rejected[1], Language::zh), "$.observations[1].sample_size: 1.5 不是有效的样本量；应为 1 到 2147483647 之间的整数");
    EXPECT_EQ(to_string(bad.rejected[3], Language::zh),
              "$.observations[3].recorded: 记录日期 2025-01-01 早于数据日期 2025-01-31；应不早于数据日期");
    EXPECT_THROW((void)parse_observations_json(R"({"format": "civitas-plan/1", "observations": []})"), ParseError);
    EXPECT_THROW((void)parse_observations_json(R"({"format": "civitas-observations/1", "observations": [)"), ParseError);
}

}  // namespace
}  // namespace civitas
