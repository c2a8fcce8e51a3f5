// Messages in Chinese and English, and the errors that carry them (include/civitas/core/message.hpp,
// include/civitas/core/error.hpp).

#include <civitas/core/error.hpp>
#include <civitas/core/language.hpp>
#include <civitas/core/message.hpp>
#include <civitas/io/framework_io.hpp>

#include <gtest/gtest.h>

#include <string>

namespace civitas {
namespace {

TEST(Message, FillsItsHolesInEitherLanguage) {
    const Message m("{0} is not {1}; expected {1}"_en, "{0} 不是{1}；应为{1}"_zh, {"36", Message("a string"_en, "字符串"_zh)});
    EXPECT_EQ(m.text(Language::en), "36 is not a string; expected a string");
    EXPECT_EQ(m.text(Language::zh), "36 不是字符串；应为字符串");
}

TEST(Message, ValuesReadTheSameInBothLanguagesAndPhrasesNest) {
    const Message inner("between {0} and {1}"_en, "介于 {0} 与 {1} 之间"_zh, {"0", "100"});
    const Message outer("'{0}' must be {1}"_en, "'{0}' 应{1}"_zh, {std::string("园林绿地率"), inner});
    EXPECT_EQ(outer.text(Language::en), "'园林绿地率' must be between 0 and 100");
    EXPECT_EQ(outer.text(Language::zh), "'园林绿地率' 应介于 0 与 100 之间");
}

TEST(Message, TextThatOnlyLooksLikeAHoleIsKept) {
    // {2} has no argument, {x} and "{" are no holes: all copied as written.
    const Message m("{0} {2} {x} {"_en, "{0} {2} {x} {"_zh, {"a"});
    EXPECT_EQ(m.text(Language::en), "a {2} {x} {");
    EXPECT_EQ(m.text(Language::zh), "a {2} {x} {");
}

TEST(Message, TheDefaultIsEmpty) {
    const Message none;
    EXPECT_TRUE(none.empty());
    EXPECT_EQ(none.text(Language::zh), "");
    EXPECT_FALSE(Message("x"_en, "甲"_zh).empty());
}

TEST(Message, FilePositions) {
    EXPECT_EQ(file_position(12).text(Language::en), "line 12");
    EXPECT_EQ(file_position(12, 3).text(Language::en), "line 12, column 3");
    EXPECT_EQ(file_position(12, 3).text(Language::zh), "第 12 行第 3 列");
}

TEST(Message, LanguageOfTextIsChineseForACjkIdeograph) {
    EXPECT_EQ(language_of_text("兰州市"), Language::zh);
    EXPECT_EQ(language_of_text("Lanzhou 一"), Language::zh);     // U+4E00, the first
    EXPECT_EQ(language_of_text("\xE9\xBF\xBF"), Language::zh);  // U+9FFF, the last
    EXPECT_EQ(language_of_text("Lanzhou"), Language::en);
    EXPECT_EQ(language_of_text(""), Language::en);
    EXPECT_EQ(language_of_text("\xE4\xB7\xBF"), Language::en);  // U+4DFF, just before the block
    EXPECT_EQ(language_of_text("\xE3\x80\x82"), Language::en);  // U+3002 "。": punctuation, not a character
    EXPECT_EQ(language_of_text("\xE4\xB8"), Language::en);      // cut short
}

TEST(Message, ToldKeepsEachLanguagesText) {
    const Message message = told("no value for 'pm25'", "'pm25' 没有数值");
    EXPECT_EQ(message.text(Language::en), "no value for 'pm25'");
    EXPECT_EQ(message.text(Language::zh), "'pm25' 没有数值");
    EXPECT_EQ(message, told("no value for 'pm25'", "'pm25' 没有数值"));
    EXPECT_NE(message, told("no value for 'pm25'", "'pm10' 没有数值"));
}

TEST(Errors, SayWhereInFrontOfWhatInTheReadersLanguage) {
    const Message what("-2 is negative; expected a positive number"_en, "-2 为负数；应为正数"_zh);

    const ValidationError validation("$.indicators[1].weight", what);
    EXPECT_STREQ(validation.what(), "$.indicators[1].weight: -2 is negative; expected a positive number");
    EXPECT_EQ(validation.message(Language::zh), "$.indicators[1].weight: -2 为负数；应为正数");
    EXPECT_EQ(validation.detail().text(Language::zh), "-2 为负数；应为正数");
    EXPECT_EQ(validation.path(), "$.indicators[1].weight");

    const ParseError parse("garden.csv", file_position(3, 2), what);
    EXPECT_STREQ(parse.what(), "garden.csv: line 3, column 2: -2 is negative; expected a positive number");
    EXPECT_EQ(parse.message(Language::zh), "garden.csv: 第 3 行第 2 列: -2 为负数；应为正数");
    EXPECT_EQ(parse.location(), "line 3, column 2");
    EXPECT_EQ(parse.full_message().text(Language::zh), parse.message(Language::zh));  // quotable whole
    EXPECT_EQ(parse.file(), "garden.csv");

    const ParseError whole_file("garden.json", "", Message("read failed"_en, "读取失败"_zh));
    EXPECT_STREQ(whole_file.what(), "garden.json: read failed");
    EXPECT_EQ(whole_file.message(Language::zh), "garden.json: 读取失败");

    const NotFoundError missing(Message("no bundled framework '{0}'"_en, "没有内置测评体系 '{0}'"_zh, {"x"}));
    EXPECT_EQ(missing.message(Language::zh), "没有内置测评体系 'x'");
    EXPECT_EQ(missing.message(Language::en), missing.what());
}

TEST(Errors, AFileErrorReadsInChinese) {
    try {
        (void)parse_framework("{\n  \"id\": \"x\",\n  \"name\": 3\n}", "mini.json");
        FAIL() << "expected a ParseError";
    } catch (const ParseError& error) {
        EXPECT_STREQ(error.what(), "mini.json: $.name: 3 is not a string; expected a string");
        EXPECT_EQ(error.message(Language::zh), "mini.json: $.name: 3 不是字符串；应为字符串");
    }
    try {
        (void)parse_framework("{\n  \"id\": \"x\",,\n}", "broken.json");
        FAIL() << "expected a ParseError";
    } catch (const ParseError& error) {
        EXPECT_EQ(error.location(), "line 2, column 13");
        EXPECT_EQ(error.message(Language::zh).rfind("broken.json: 第 2 行第 13 列: JSON 格式错误: ", 0), 0u) << error.message(Language::zh);
    }
}

}  // namespace
}  // namespace civitas
