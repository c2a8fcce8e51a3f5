// Numbers as text (src/core/detail/number_format.hpp): the shortest round-tripping text, fixed
// decimals rounded as printf rounds them, and the one decimal reader that value tables and
// observation files share. The same in every host locale: see tests/locale.

#include <civitas/core/error.hpp>
#include <civitas/io/observations_io.hpp>
#include <civitas/io/value_table.hpp>
#include <civitas/tracking/observations.hpp>

#include "core/detail/number_format.hpp"
#include "support.hpp"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace civitas {
namespace {

using detail::format_decimals;
using detail::format_fixed;
using detail::format_number;
using detail::format_significant;
using detail::NumberProblem;
using detail::parse_plain_decimal;
using detail::parse_decimal;

// ---------------------------------------------------------------------------------------------
// Writing

TEST(NumberFormat, ShortestText) {
    EXPECT_EQ(format_number(36), "36");
    EXPECT_EQ(format_number(4.56), "4.56");
    EXPECT_EQ(format_number(0.1), "0.1");
    EXPECT_EQ(format_number(-2.5), "-2.5");
    EXPECT_EQ(format_number(0.0), "0");
    EXPECT_EQ(format_number(-0.0), "0");
    EXPECT_EQ(format_number(1.0 / 3), "0.3333333333333333");
    EXPECT_EQ(format_number(0.0001), "0.0001");  // as "%g" writes it (not "1e-04")
    EXPECT_EQ(format_number(123456789012345.0), "123456789012345");
    EXPECT_EQ(format_number(1e15), "1e+15");
    EXPECT_EQ(format_number(1e20), "1e+20");
    EXPECT_EQ(format_number(std::numeric_limits<double>::denorm_min()), "5e-324");
    EXPECT_EQ(format_number(std::numeric_limits<double>::max()), "1.7976931348623157e+308");
    EXPECT_EQ(format_number(std::numeric_limits<double>::quiet_NaN()), "nan");
    EXPECT_EQ(format_number(std::numeric_limits<double>::infinity()), "inf");
    EXPECT_EQ(format_number(-std::numeric_limits<double>::infinity()), "-inf");
}

// The double `text` reads as, through std::from_chars (no locale); NaN when it is no number.
double read_back(const std::string& text) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() ? value : std::numeric_limits<double>::quiet_NaN();
}

TEST(NumberFormat, ReadsBackAsTheSameDoubleWithTheFewestDigits) {
    // Random bit patterns and values with few decimals: the text reads back exactly, and with one
    // significant digit fewer it would not (whole numbers below 1e15 are written whole).
    std::mt19937_64 random(11);
    int shortened = 0;
    for (int i = 0; i < 20000; ++i) {
        double value = 0;
        if (i % 2 == 0) {
            const std::uint64_t bits = random();
            std::memcpy(&value, &bits, sizeof value);
            if (!std::isfinite(value)) continue;
        } else {
            value = static_cast<double>(random() % 10000000) / 1000.0;
        }
        const std::string text = format_number(value);
        ASSERT_EQ(read_back(text), value) << text;
        if (std::abs(value) < 1e15 && value == std::floor(value)) continue;
        std::string digits;
        for (const char c : text.substr(0, text.find('e')))
            if (c >= '0' && c <= '9' && !(digits.empty() && c == '0')) digits += c;
        if (digits.size() < 2) continue;
        const std::string shorter = format_significant(value, static_cast<int>(digits.size()) - 1);
        ASSERT_NE(read_back(shorter), value) << text << " could be " << shorter;
        ++shortened;
    }
    EXPECT_GT(shortened, 15000);
}

TEST(NumberFormat, FixedDecimalsRoundAsPrintfDoes) {
    EXPECT_EQ(format_fixed(4.560, 4), "4.56");
    EXPECT_EQ(format_fixed(2.5, 0), "2");     // an exact tie goes to the even digit
    EXPECT_EQ(format_fixed(3.5, 0), "4");
    EXPECT_EQ(format_fixed(0.125, 2), "0.12");
    EXPECT_EQ(format_fixed(1.005, 2), "1");   // 1.005 is 1.00499999999999989... as a double
    EXPECT_EQ(format_fixed(-0.001, 2), "0");  // no "-0"
    EXPECT_EQ(format_fixed(7.93, 2), "7.93");
    EXPECT_EQ(format_fixed(std::numeric_limits<double>::quiet_NaN(), 2), "nan");
    EXPECT_EQ(format_decimals(91, 1), "91.0");
    EXPECT_EQ(format_decimals(0.86, 2), "0.86");
    EXPECT_EQ(format_decimals(-1234567.891, 2), "-1234567.89");
    // Large values are written whole (a fixed buffer once cut them at 63 characters).
    const std::string big = format_fixed(1e300, 2);
    EXPECT_EQ(big.size(), 301u);
    EXPECT_EQ(big.substr(0, 17), "10000000000000000");
}

TEST(NumberFormat, SignificantDigitsAsPercentG) {
    EXPECT_EQ(format_significant(2.0 / 3, 4), "0.6667");
    EXPECT_EQ(format_significant(1e20, 12), "1e+20");
    EXPECT_EQ(format_significant(0.1 + 0.2, 12), "0.3");
    EXPECT_EQ(format_significant(1234567.125, 10), "1234567.125");
    EXPECT_EQ(format_significant(12345678901.0, 10), "1.23456789e+10");
}

// ---------------------------------------------------------------------------------------------
// Reading

NumberProblem problem_of(const std::string& text) {
    double value = -1;
    const NumberProblem problem = parse_decimal(text, value);
    if (problem != NumberProblem::none) {
        EXPECT_EQ(value, -1) << "'" << text << "' set the value though refused";
    }
    return problem;
}

TEST(DecimalReader, AcceptsWhatPeopleTypeInASpreadsheet) {
    const std::vector<std::pair<std::string, double>> accepted = {
        {"38.5", 38.5}, {"-2", -2},      {"+2", 2},           {"+.5", 0.5},         {"-.5", -0.5},
        {"5.", 5},      {"007", 7},      {"0", 0},            {"-0", -0.0},         {"1.2e-3", 0.0012},
        {"1E5", 1e5},   {"2.5e+1", 25},  {"31.44", 31.44},    {"1e-310", 1e-310},   {"1.7976931348623157e308", 1.7976931348623157e308},
    };
    for (const auto& [text, expected] : accepted) {
        EXPECT_EQ(parse_decimal(text), expected) << "'" << text << "'";
        EXPECT_EQ(problem_of(text), NumberProblem::none) << "'" << text << "'";
    }
}

// The plain decimals' shortcut (one integer, one division) gives the double from_chars gives,
// bit for bit, up to the 15 digits it takes: random digits, points and signs, and the edges.
TEST(DecimalReader, PlainDecimalsReadAsFromCharsReadsThem) {
    std::mt19937_64 random(20261206);
    std::vector<std::string> texts = {"0.1", "0.3", "-0.0", "999999999999999", "99999999999999.9", ".000000000000001",
                                      "123456789012345", "4503599627370497", "9007199254740993", "0.1000000000000000055511151231257827"};
    for (int i = 0; i < 200000; ++i) {
        std::string text = random() % 4 == 0 ? "-" : "";
        const int digits = 1 + static_cast<int>(random() % 17);
        const int point = static_cast<int>(random() % (digits + 2)) - 1;  // -1: none
        for (int d = 0; d < digits; ++d) {
            if (d == point) text += '.';
            text += static_cast<char>('0' + random() % 10);
        }
        if (point == digits) text += '.';
        texts.push_back(text);
    }
    for (const std::string& text : texts) {
        double expected = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), expected);
        ASSERT_TRUE(error == std::errc() && end == text.data() + text.size()) << text;
        double shortcut = 0;
        if (!parse_plain_decimal(text.data(), text.data() + text.size(), shortcut)) continue;  // left to from_chars
        ASSERT_EQ(std::memcmp(&shortcut, &expected, sizeof(double)), 0) << "'" << text << "': " << shortcut << " against " << expected;
        double through_reader = 0;
        ASSERT_EQ(parse_decimal(text, through_reader), NumberProblem::none);
        ASSERT_EQ(std::memcmp(&through_reader, &expected, sizeof(double)), 0) << text;
    }
}

TEST(DecimalReader, RefusesEveryOtherForm) {
    const std::vector<std::pair<std::string, NumberProblem>> refused = {
        {"", NumberProblem::empty},
        {"0x24", NumberProblem::not_a_number},        // strtod read hexadecimal
        {"0X1p3", NumberProblem::not_a_number},
        {"38,5", NumberProblem::not_a_number},        // a decimal comma
        {"1,234", NumberProblem::not_a_number},       // a thousands separator
        {"1.234.567", NumberProblem::not_a_number},
        {"1 234", NumberProblem::not_a_number},
        {" 5", NumberProblem::not_a_number},          // readers trim their cells first
        {"5 ", NumberProblem::not_a_number},
        {"\t5", NumberProblem::not_a_number},
        {"+", NumberProblem::not_a_number},
        {"-", NumberProblem::not_a_number},
        {".", NumberProblem::not_a_number},
        {"++5", NumberProblem::not_a_number},
        {"+-5", NumberProblem::not_a_number},
        {"--5", NumberProblem::not_a_number},
        {"1e", NumberProblem::not_a_number},
        {"1e+", NumberProblem::not_a_number},
        {"1.2.3", NumberProblem::not_a_number},
        {"12abc", NumberProblem::not_a_number},
        {"5%", NumberProblem::not_a_number},
        {"1_000", NumberProblem::not_a_number},
        {"\xEF\xBC\x93\xEF\xBC\x98", NumberProblem::not_a_number},  // full-width "３８"
        {"inf", NumberProblem::not_finite},
        {"-Infinity", NumberProblem::not_finite},
        {"+inf", NumberProblem::not_finite},
        {"nan", NumberProblem::not_finite},
        {"NaN", NumberProblem::not_finite},
        {"nan(1)", NumberProblem::not_finite},
        {"1e999", NumberProblem::out_of_range},
        {"-1e999", NumberProblem::out_of_range},
        {"1e-400", NumberProblem::out_of_range},      // too small to tell from 0
        {"1e999x", NumberProblem::not_a_number},
    };
    for (const auto& [text, problem] : refused) {
        EXPECT_EQ(problem_of(text), problem) << "'" << text << "'";
        EXPECT_FALSE(parse_decimal(text).has_value()) << "'" << text << "'";
    }
}

// The error a value table with `cell` in column 'green' of line 3 gives, in one language.
std::string value_table_error(const std::string& cell, Language language) {
    try {
        (void)parse_value_table("unit,green\nx,1\ny," + cell + "\n", "values.csv");
    } catch (const ParseError& e) {
        EXPECT_EQ(e.location(), "line 3, column 2");
        return e.message(language);
    }
    ADD_FAILURE() << cell << " was read";
    return "";
}

TEST(DecimalReader, EachRefusalOfAValueTableNamesLineColumnAndCell) {
    struct Case {
        std::string cell, shown, en, zh;
    };
    const std::string expected_en = "; expected a number, yes/no, or an empty cell for missing data";
    const std::string expected_zh = "；应为数字、是/否，缺失数据则留空";
    const std::vector<Case> cases = {
        {"0x24", "0x24", "is not a number", "不是数字"},
        {"\"38,5\"", "38,5", "is not a number", "不是数字"},
        {"\"1,234\"", "1,234", "is not a number", "不是数字"},
        {"12abc", "12abc", "is not a number", "不是数字"},
        {"1e", "1e", "is not a number", "不是数字"},
        {"banana", "banana", "is not a number", "不是数字"},  // once "not finite", for the "nan" in it
        {"nan", "nan", "is not a finite number", "不是有限数"},
        {"-Infinity", "-Infinity", "is not a finite number", "不是有限数"},
        {"1e999", "1e999", "is out of the range of numbers", "超出数值范围"},
        {"1e-400", "1e-400", "is out of the range of numbers", "超出数值范围"},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(value_table_error(c.cell, Language::en),
                  "values.csv: line 3, column 2: '" + c.shown + "' in column 'green' " + c.en + expected_en);
        EXPECT_EQ(value_table_error(c.cell, Language::zh),
                  "values.csv: 第 3 行第 2 列: 列 'green' 中的 '" + c.shown + "' " + c.zh + expected_zh);
    }
}

TEST(DecimalReader, ValueTablesKeepTheirWordsAndBlanks) {
    const ValueTable t = parse_value_table("unit,a,b,c,d,e,f,g\nx,YES,No,True,FALSE,是,否, \t\ny,\" 38.5 \",+1,-0.25,1e3,.5,5.,\n");
    EXPECT_EQ(t.values(0, 0), 1.0);
    EXPECT_EQ(t.values(0, 1), 0.0);
    EXPECT_EQ(t.values(0, 2), 1.0);
    EXPECT_EQ(t.values(0, 3), 0.0);
    EXPECT_EQ(t.values(0, 4), 1.0);
    EXPECT_EQ(t.values(0, 5), 0.0);
    EXPECT_TRUE(std::isnan(t.values(0, 6)));  // blank: missing
    EXPECT_EQ(t.values(1, 0), 38.5);          // spaces around a number are trimmed
    EXPECT_EQ(t.values(1, 1), 1.0);
    EXPECT_EQ(t.values(1, 2), -0.25);
    EXPECT_EQ(t.values(1, 3), 1000.0);
    EXPECT_EQ(t.values(1, 4), 0.5);
    EXPECT_EQ(t.values(1, 5), 5.0);
    EXPECT_TRUE(std::isnan(t.values(1, 6)));
}

TEST(DecimalReader, ValueTablesReadNumbersAsObservationFilesDo) {
    // Each text through both readers: taken by both with the same value, or refused by both.
    const std::vector<std::string> texts = {"38.5", "-2", "+2", "+.5", "5.", "1e-310", "1E5", "0x24", "\"38,5\"", "\"1,234\"",
                                            "1e",   "+-5", "inf", "-nan", "1e999", "1e-400", "12abc", "\" 7 \"", "0X10"};
    for (const std::string& text : texts) {
        const ObservationLoad load = parse_observations_csv("unit,indicator,date,value\nx,g,2025-01-31," + text + "\n");
        std::optional<double> from_table;
        try {
            from_table = parse_value_table("unit,g\nx," + text + "\n").values(0, 0);
        } catch (const ParseError&) {
        }
        ASSERT_EQ(load.store.size() == 1, from_table.has_value()) << text;
        if (from_table) {
            EXPECT_EQ(load.store.at(0).value, *from_table) << text;
        }
    }
}

TEST(DecimalReader, ObservationRowsRefuseHexadecimal) {
    const ObservationLoad load = parse_observations_csv("unit,indicator,date,value\nx,g,2025-01-31,0x24\nx,g,2025-02-28,36\n", "o.csv");
    EXPECT_EQ(load.store.size(), 1u);
    ASSERT_EQ(load.rejected.size(), 1u);
    EXPECT_EQ(to_string(load.rejected[0]), "line 2, column 4: '0x24' is not a number; expected a number");
    EXPECT_EQ(to_string(load.rejected[0], Language::zh), "第 2 行第 4 列: '0x24' 不是数字；应为数字");
}

}  // namespace
}  // namespace civitas
