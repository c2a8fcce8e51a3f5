// Reading hostile or careless input: encodings, strict JSON, limits, files that are not regular
// files, and files named outside the referring file's folder. Each case gets a named error.

#include <civitas/io/framework_io.hpp>
#include <civitas/io/observations_io.hpp>
#include <civitas/io/value_table.hpp>
#include "support.hpp"

#include "core/detail/utf8.hpp"

#include <sys/stat.h>
#include <unistd.h>

namespace civitas::test {
namespace {

const std::string framework_text =
    R"({"format": "civitas-framework/1", "id": "t", "name": "T", "reliability": "verified", "indicators": [{"id": "a", "pass": 36}]})";

// The error `make` throws, checked to be of type E at `location` in `file`; its English message.
template <class E, class F>
std::string error_of(F&& make, const std::string& file, const std::string& location) {
    try {
        make();
    } catch (const E& e) {
        if constexpr (std::is_base_of_v<ParseError, E>) {
            EXPECT_EQ(e.file(), file) << e.what();
            EXPECT_EQ(e.location(), location) << e.what();
        }
        EXPECT_EQ(detail::invalid_utf8(e.what()), std::string::npos) << "not UTF-8: " << e.what();
        EXPECT_EQ(detail::invalid_utf8(e.message(Language::zh)), std::string::npos);
        return e.what();
    } catch (const std::exception& e) {
        ADD_FAILURE() << "expected another error type, got: " << e.what();
        return "";
    }
    ADD_FAILURE() << "expected an error at " << location << ", nothing was thrown";
    return "";
}

std::string framework_error(const std::string& text, const std::string& location) {
    return error_of<ParseError>([&] { (void)parse_framework(text, "fw.json"); }, "fw.json", location);
}

// A framework whose root holds categories nested `depth` deep, one indicator at the bottom.
std::string nested_framework(std::size_t depth) {
    std::string open, close;
    for (std::size_t k = 0; k < depth; ++k) {
        open += R"({"id": "c)" + std::to_string(k) + R"(", "categories": [)";
        close += "]}";
    }
    const std::string innermost = R"({"id": "leaf", "indicators": [{"id": "a", "pass": 36}]})";
    return R"({"format": "civitas-framework/1", "id": "t", "name": "T", "reliability": "verified", "categories": [)" + open +
           innermost + close + "]}";
}

TEST(Encoding, Utf16IsNamedWithHowToConvert) {
    std::string utf16 = "\xFF\xFE";
    for (char c : framework_text) utf16 += std::string{c, '\0'};
    const std::string message = error_of<ParseError>([&] { (void)parse_framework(utf16, "fw.json"); }, "fw.json", "");
    EXPECT_TRUE(mentions_all_and_any(message, {"UTF-16LE", "iconv -f UTF-16"}, {}));
    // Without a byte-order mark too.
    EXPECT_TRUE(mentions(error_of<ParseError>([&] { (void)parse_framework(utf16.substr(2), "fw.json"); }, "fw.json", ""), "UTF-16LE"));
    EXPECT_TRUE(mentions(chinese_error([&] { (void)parse_framework(utf16, "fw.json"); }), "编码"));
}

TEST(Encoding, Gb18030IsRecognisedAtItsPlace) {
    // "名称" in GBK is C3 FB B3 C6: an Excel CSV or a JSON file saved on a Chinese Windows.
    const std::string gbk = R"({"format": "civitas-framework/1", "id": "t", "name": ")" + std::string("\xC3\xFB\xB3\xC6") + R"("})";
    const std::string message = framework_error(gbk, "line 1, column 55");
    EXPECT_TRUE(mentions_all_and_any(message, {"GB18030", "iconv -f GB18030 -t UTF-8"}, {}));
}

TEST(Encoding, OtherBytesThatAreNotUtf8AreQuotedVisibly) {
    const std::string message = framework_error("{\"id\": \"a\xFF\"}", "line 1, column 10");
    EXPECT_TRUE(mentions(message, "\\xFF")) << message;
    EXPECT_TRUE(mentions(framework_error(std::string("{\"id\": \"a\0\"}", 12), "line 1, column 10"), "NUL"));
}

TEST(Encoding, AByteOrderMarkIsAccepted) {
    EXPECT_EQ(parse_framework("\xEF\xBB\xBF" + framework_text).id(), "t");
}

TEST(Encoding, FullWidthPunctuationIsNamedWithWhatWasMeant) {
    // Typed with a Chinese input method: a full-width colon, comma and quotes. Columns count characters.
    std::string message = framework_error(R"({"id"：1})", "line 1, column 6");
    EXPECT_TRUE(mentions_all_and_any(message, {"'：'", "U+FF1A", "full-width", "':'"}, {})) << message;
    EXPECT_TRUE(mentions(chinese_error([] { (void)parse_framework(R"({"id"：1})"); }), "全角"));
    message = framework_error("{\"id\": \"t\"，\"name\": \"T\"}", "line 1, column 11");
    EXPECT_TRUE(mentions_all_and_any(message, {"U+FF0C", "','"}, {})) << message;
    message = framework_error("{“id”: 1}", "line 1, column 2");
    EXPECT_TRUE(mentions_all_and_any(message, {"U+201C", "'\"'"}, {})) << message;
}

TEST(StrictJson, AKeyGivenTwiceIsAnError) {
    // Last-wins would validate the line 3 where the author may have meant 36.
    const std::string text = R"({"format": "civitas-framework/1", "id": "t", "name": "T", "reliability": "verified",
        "indicators": [{"id": "a", "pass": 36, "pass": 3}]})";
    EXPECT_TRUE(mentions_all_and_any(framework_error(text, "$.indicators[0].pass"), {"\"pass\"", "twice"}, {}));
}

TEST(StrictJson, DeepNestingIsALimitErrorNotACrash) {
    // 7,000 nested categories killed the process (the recursive reader ran out of stack).
    std::string message = error_of<LimitError>([&] { (void)parse_framework(nested_framework(7000), "fw.json"); }, "fw.json",
                                                [] {
                                                    std::string path = "$";
                                                    for (int k = 0; k < 72; ++k) path += ".categories[0]";
                                                    return path;
                                                }());
    EXPECT_TRUE(mentions_all_and_any(message, {"nested more than 144 deep", "Limits::depth"}, {})) << message;
    // Arrays alone, a million deep.
    const std::string arrays = std::string(1000000, '[') + std::string(1000000, ']');
    EXPECT_THROW((void)parse_framework(arrays), LimitError);
}

TEST(StrictJson, CategoriesDeeperThanTheLimitAreNamed) {
    EXPECT_EQ(parse_framework(nested_framework(63)).id(), "t");  // the root, 63 categories and the leaf: 64 levels
    std::string path = "$";
    for (int k = 0; k < 65; ++k) path += ".categories[0]";
    const std::string message =
        error_of<LimitError>([&] { (void)parse_framework(nested_framework(64), "fw.json"); }, "fw.json", path);
    EXPECT_TRUE(mentions_all_and_any(message, {"categories nested 65 deep", "the limit is 64 (Limits::depth)"}, {})) << message;
    ReadOptions shallow;
    shallow.limits.depth = 3;
    EXPECT_THROW((void)parse_framework(nested_framework(3), "fw.json", shallow), LimitError);
    EXPECT_EQ(parse_framework(nested_framework(2), "fw.json", shallow).id(), "t");
}

TEST(StrictJson, LongStringsAndKeysAreRefusedAndQuotedShort) {
    ReadOptions small;
    small.limits.text_bytes = 20;
    const std::string text = R"({"format": "civitas-framework/1", "id": "t", "name": "a name of twenty-four!!!", "reliability": "verified"})";
    const std::string message = error_of<LimitError>([&] { (void)parse_framework(text, "fw.json", small); }, "fw.json", "$.name");
    EXPECT_TRUE(mentions_all_and_any(message, {"24 bytes", "Limits::text_bytes"}, {})) << message;
    // An unknown key of 200,000 characters is quoted at 80 characters, not echoed whole.
    const std::string key(200000, 'k');
    const std::string long_key = R"({"format": "civitas-framework/1", ")" + key + R"(": 1})";
    const std::string unknown = framework_error(long_key, "$." + std::string(80, 'k') + "…");
    EXPECT_LT(unknown.size(), 1000u);
}

TEST(StrictJson, AnObjectOfManyKeysIsReadWhole) {
    // Each key is appended, not searched for first: 100,000 classes read in linear time (the
    // search made it quadratic, hours for a million keys).
    std::string classes;
    for (int k = 0; k < 100000; ++k) classes += (k ? ", \"c" : "\"c") + std::to_string(k) + "\": " + std::to_string(k % 50);
    const std::string text = R"({"format": "civitas-framework/1", "id": "t", "name": "T", "reliability": "verified",
        "indicators": [{"id": "a", "pass": 36, "pass_by_class": {)" + classes + "}}]}";
    const Framework framework = parse_framework(text);
    EXPECT_EQ(framework.indicator("a").pass_by_class.size(), 100000u);
    EXPECT_EQ(framework.indicator("a").pass_by_class.at("c99999"), Interval::at_least(49));
}

TEST(StrictJson, ControlCharactersAreRefusedInNamesAndAllowedInNotes) {
    const std::string escape = R"({"format": "civitas-framework/1", "id": "t", "name": "T\u001b[31m", "reliability": "verified"})";
    const std::string message = framework_error(escape, "$.name");
    EXPECT_TRUE(mentions_all_and_any(message, {"U+001B", "T\\x1B[31m"}, {})) << message;
    EXPECT_EQ(message.find('\x1B'), std::string::npos);  // the message itself is safe to print
    const std::string notes = R"({"format": "civitas-framework/1", "id": "t", "name": "T", "notes": "one\ntwo\tthree",
        "reliability": "verified", "indicators": [{"id": "a", "pass": 36}]})";
    EXPECT_EQ(parse_framework(notes).spec().notes, "one\ntwo\tthree");
}

TEST(StrictJson, WholeNumbersAreWholeAndInRange) {
    const auto with_trend = [](const std::string& changes) {
        return R"({"format": "civitas-framework/1", "id": "t", "name": "T", "reliability": "verified", "indicators": [{"id": "a",
            "pass": 36, "met_by": "level_or_trend", "trend": {"changes": )" + changes + "}}]}";
    };
    EXPECT_TRUE(mentions(framework_error(with_trend("2.5"), "$.indicators[0].trend.changes"), "whole number"));
    EXPECT_TRUE(mentions(framework_error(with_trend("1e300"), "$.indicators[0].trend.changes"), "whole number"));
    EXPECT_TRUE(mentions(framework_error(with_trend("9999999999"), "$.indicators[0].trend.changes"), "out of range"));
    EXPECT_TRUE(mentions(framework_error(with_trend("1e400"), "line 2, column 78"), "finite"));
}

TEST(InputFiles, OnlyRegularFilesAreRead) {
    const TempFolder folder;
    // A FIFO with no writer would block a plain open forever.
    const std::string fifo = folder.file("framework.json");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    EXPECT_TRUE(mentions(error_of<ParseError>([&] { (void)load_framework(fifo); }, fifo, ""), "FIFO"));
    // /dev/zero never ends.
    EXPECT_TRUE(mentions(error_of<ParseError>([] { (void)load_framework("/dev/zero"); }, "/dev/zero", ""), "character device"));
    EXPECT_TRUE(mentions(error_of<ParseError>([&] { (void)load_framework(folder.path()); }, folder.path().string(), ""), "folder"));
}

TEST(InputFiles, AFileLargerThanTheLimitIsNotRead) {
    const TempFolder folder;
    const std::string file = folder.write("fw.json", framework_text).string();
    ReadOptions small;
    small.limits.json_bytes = 64;
    const std::string message = error_of<LimitError>([&] { (void)load_framework(file, small); }, file, "");
    EXPECT_TRUE(mentions_all_and_any(message, {std::to_string(framework_text.size()) + " bytes", "the limit is 64 (Limits::json_bytes)"}, {}));
    EXPECT_EQ(load_framework(file).id(), "t");
}

// A campaign file in its own folder, with a framework beside it and secrets elsewhere.
class Confined : public ::testing::Test {
protected:
    TempFolder outside;
    TempFolder folder;
    std::string campaign_file = folder.file("campaign.json");

    Confined() {
        folder.write("frameworks/fw.json", framework_text);
        outside.write("fw.json", framework_text);
        outside.write("secret.csv", "db_password=hunter2,unit,indicator,date,value\n");
    }
    // The campaign naming `framework` for its one title (and `observations`, when given).
    std::string campaign(const std::string& framework, const std::string& observations = "") const {
        std::string text = R"({"format": "civitas-campaign/1", "id": "c", "titles": [{"id": "garden", "framework": ")" + framework + R"("}])";
        if (!observations.empty()) text += R"(, "observations": [")" + observations + R"("])";
        return text + "}";
    }
    std::string refused(const std::string& text, const std::string& location) const {
        return error_of<ParseError>([&] { (void)parse_campaign(text, campaign_file); }, campaign_file, location);
    }
};

TEST_F(Confined, AbsolutePathsAreRefusedUnlessAllowed) {
    const std::string absolute = outside.file("fw.json");
    EXPECT_TRUE(mentions(refused(campaign(absolute), "$.titles[0].framework"), "absolute path"));
    ReadOptions allowed;
    allowed.allow_outside = true;
    EXPECT_EQ(parse_campaign(campaign(absolute), campaign_file, allowed).framework("garden").id(), "t");
}

TEST_F(Confined, PathsThatClimbOutAreRefused) {
    const std::string up = std::filesystem::relative(outside.path(), folder.path()).string() + "/fw.json";  // "../civitas-.../fw.json"
    EXPECT_TRUE(mentions(refused(campaign(up), "$.titles[0].framework"), "leads out of the folder"));
    // ".." that stays inside is fine.
    EXPECT_EQ(parse_campaign(campaign("frameworks/../frameworks/fw.json"), campaign_file).framework("garden").id(), "t");
}

TEST_F(Confined, SymbolicLinksOutAreRefusedAndLinksInsideFollowed) {
    std::filesystem::create_symlink(outside.path() / "fw.json", folder.path() / "link.json");
    EXPECT_TRUE(mentions(refused(campaign("link.json"), "$.titles[0].framework"), "symbolic link"));
    std::filesystem::create_symlink(folder.path() / "frameworks", folder.path() / "inside");
    EXPECT_EQ(parse_campaign(campaign("inside/fw.json"), campaign_file).framework("garden").id(), "t");
}

TEST_F(Confined, ErrorsDoNotEchoAnotherFilesContents) {
    // Observations at "../secret.csv" are refused before they are read ...
    const std::string up = std::filesystem::relative(outside.path(), folder.path()).string() + "/secret.csv";
    const std::string message = refused(campaign("frameworks/fw.json", up), "$.observations[0]");
    EXPECT_FALSE(mentions(message, "hunter2")) << message;
}

TEST_F(Confined, TextWithoutAFolderNamesNoFiles) {
    const std::string text = campaign("frameworks/fw.json");
    const std::string message =
        error_of<ParseError>([&] { (void)parse_campaign(text); }, "<string>", "$.titles[0].framework");
    EXPECT_TRUE(mentions(message, "base folder")) << message;
    ReadOptions based;
    based.base_folder = folder.path();
    EXPECT_EQ(parse_campaign(text, "<string>", based).framework("garden").id(), "t");
    // Bundled ids need no folder.
    EXPECT_EQ(parse_campaign(campaign("garden-city-2010")).framework("garden").id(), "garden-city-2010");
}

TEST_F(Confined, SubPlanFilesStayInTheirPlansFolder) {
    folder.write("plan.json", R"({"format": "civitas-plan/1", "id": "p", "subplans": [{"file": "../p2.json"}]})");
    const std::string plan_file = folder.file("plan.json");
    const std::string message = error_of<ParseError>([&] { (void)load_plan(plan_file); }, plan_file, "$.subplans[0].file");
    EXPECT_TRUE(mentions(message, "leads out of the folder")) << message;
    // parse_plan of text finds sub-plans in its base folder only.
    folder.write("sub/s.json", R"({"format": "civitas-plan/1", "id": "s", "tasks": [{"id": "b", "start": "2026-01-05", "due": "2026-01-09"}]})");
    const std::string text = R"({"format": "civitas-plan/1", "id": "p", "subplans": [{"file": "sub/s.json"}]})";
    EXPECT_THROW((void)parse_plan(text), ParseError);
    ReadOptions based;
    based.base_folder = folder.path();
    EXPECT_EQ(parse_plan(text, "<string>", based).spec().subplans.at(0).id, "s");
}

TEST_F(Confined, SubPlansNestedPastTheLimitAreALimitError) {
    // 8,000 nested in-place sub-plans crashed load_plan and civitas report.
    std::string open, close;
    for (int k = 0; k < 8000; ++k) {
        open += R"({"id": "s)" + std::to_string(k) + R"(", "subplans": [)";
        close += "]}";
    }
    const std::string plan = R"({"format": "civitas-plan/1", "id": "p", "subplans": [)" + open + close + "]}";
    EXPECT_THROW((void)parse_plan(plan), LimitError);
    std::string path = "$";
    for (int k = 0; k < 65; ++k) path += ".subplans[0]";
    std::string open65, close65;
    for (int k = 0; k < 65; ++k) {
        open65 += R"({"id": "s)" + std::to_string(k) + R"(", "subplans": [)";
        close65 += "]}";
    }
    const std::string deep = R"({"format": "civitas-plan/1", "id": "p", "subplans": [)" + open65 + close65 + "]}";
    EXPECT_TRUE(mentions(error_of<LimitError>([&] { (void)parse_plan(deep, "plan.json"); }, "plan.json", path), "sub-plans nested 65 deep"));
}

// ---- CSV: observations and value tables -------------------------------------------------------

ObservationReadOptions csv_options(int threads, Limits limits = {}) {
    ObservationReadOptions options;
    options.threads = threads;
    options.limits = limits;
    return options;
}

TEST(CsvReading, AHeaderOfManyUnknownColumnsNamesTheFirstAndCountsTheRest) {
    // Was quadratic: each unknown column copied the message about the ones before it (a fuzz finding).
    std::string header = "unit,indicator,date,value";
    for (int k = 0; k < 9000; ++k) header += ",x" + std::to_string(k);
    const std::string message =
        error_of<ParseError>([&] { (void)parse_observations_csv(header + "\n", "obs.csv"); }, "obs.csv", "line 1, column 5");
    EXPECT_TRUE(mentions_all_and_any(message, {"9000 unknown columns", "'x0' (column 5)", "'x4' (column 9)"}, {})) << message;
    EXPECT_FALSE(mentions(message, "'x5'")) << message;
}

TEST(CsvReading, IdsThatAreNotTextLeaveTheirRowOut) {
    const std::string csv = std::string("unit,indicator,date,value,source\n") +
                            "u\tv,a,2026-01-05,1,\n"          // a tab in an id (Excel's text export, a formula's defusing tab)
                            "u,a\xFF,2026-01-05,2,\n"         // a byte that is not UTF-8
                            "u,a,2026-01-05,3,\"two\nlines\"\n"  // a source may hold line breaks
                            "u,a,2026-01-06, 4\t,\n";          // numbers may have blanks around them
    for (int threads : {1, 2}) {
        const ObservationLoad load = parse_observations_csv(csv, "obs.csv", csv_options(threads));
        ASSERT_EQ(load.rejected.size(), 2u) << to_string(load);
        EXPECT_EQ(to_string(load.rejected[0]), "line 2, column 1: 'u\\tv' holds the control character U+0009; expected text without control characters");
        EXPECT_EQ(to_string(load.rejected[1]), "line 3, column 2: 'a\\xFF' is not UTF-8 (the byte \\xFF); expected UTF-8 text");
        EXPECT_EQ(load.store.size(), 2u);
        EXPECT_EQ(load.store.units(), std::vector<std::string>{"u"});
    }
}

TEST(CsvReading, OtherEncodingsAreNamedWithoutAByteOrderMark) {
    const auto widen = [](const std::string& text, std::size_t width) {  // little-endian UTF-16 or UTF-32 of ASCII and of 单位
        std::string out;
        for (std::size_t k = 0; k < text.size(); ++k) {
            if (text.compare(k, 6, "单位") == 0) {
                out += width == 2 ? std::string("\x55\x53\x4D\x4F", 4) : std::string("\x55\x53\0\0\x4D\x4F\0\0", 8);
                k += 5;
                continue;
            }
            out += text[k];
            out += std::string(width - 1, '\0');
        }
        return out;
    };
    const std::string csv = "单位,indicator,date,value\n";
    EXPECT_TRUE(mentions(error_of<ParseError>([&] { (void)parse_observations_csv(widen(csv, 2), "obs.csv"); }, "obs.csv", ""), "UTF-16LE"));
    EXPECT_TRUE(mentions(error_of<ParseError>([&] { (void)parse_observations_csv(widen(csv, 4), "obs.csv"); }, "obs.csv", ""), "UTF-32LE"));
    EXPECT_TRUE(mentions(error_of<ParseError>([&] { (void)parse_value_table(widen("unit,a\nu,1\n", 4), "t.csv"); }, "t.csv", ""), "UTF-32LE"));
    // A character cut short at the end of the file is named as such, not as GB18030.
    const ObservationLoad load = parse_observations_csv("unit,indicator,date,value,source\nu,a,2026-01-05,1,\xE5\x85", "obs.csv");
    ASSERT_EQ(load.rejected.size(), 1u);
    EXPECT_TRUE(mentions(to_string(load.rejected[0]), "cut short")) << to_string(load.rejected[0]);
}

TEST(CsvReading, LimitsHoldWhereverTheyAreCrossedAndOnEveryThreadCount) {
    // Past 128 KiB the text is split between two threads: a long cell in the second half is
    // named at its own line either way.
    std::string csv = "unit,indicator,date,value,source\n";
    std::size_t line = 1;
    while (csv.size() < (std::size_t{1} << 18)) {
        csv += "u,a,2026-01-05,1,s\n";
        ++line;
    }
    csv += "u,a,2026-01-05,1," + std::string(100, 's') + "\n";
    const std::string where = "line " + std::to_string(line + 1) + ", column 5";
    Limits limits;
    limits.text_bytes = 64;
    for (int threads : {1, 2})
        EXPECT_TRUE(mentions(error_of<LimitError>([&] { (void)parse_observations_csv(csv, "obs.csv", csv_options(threads, limits)); }, "obs.csv", where),
                             "Limits::text_bytes"));
    limits = {};
    limits.rows = 1000;
    for (int threads : {1, 2})
        EXPECT_TRUE(mentions(error_of<LimitError>([&] { (void)parse_observations_csv(csv, "obs.csv", csv_options(threads, limits)); }, "obs.csv", "line 1002"),
                             "Limits::rows"));
    limits = {};
    limits.csv_bytes = 1000;  // text, like files, is held to the size limit
    EXPECT_TRUE(mentions(error_of<LimitError>([&] { (void)parse_observations_csv(csv, "obs.csv", csv_options(1, limits)); }, "obs.csv", ""), "Limits::csv_bytes"));
    ReadOptions read;
    read.limits.csv_bytes = 10;
    EXPECT_TRUE(mentions(error_of<LimitError>([&] { (void)parse_value_table("unit,a\nu,1\n", "t.csv", "", read); }, "t.csv", ""), "Limits::csv_bytes"));
}

TEST(CsvReading, TheSameWhateverTheBlockSize) {
    // Cells up to the limit in a CRLF file: a block that ends between \r and \n must not count
    // the \r as the cell's (found by review); quoted cells of "" count every quote.
    Limits limits;
    limits.text_bytes = 10;
    std::string csv = "unit,indicator,date,value\r\n";
    while (csv.size() < 80000) csv += "u,a,2026-01-05,1234567.89\r\n";
    for (std::size_t block = 4096; block < 4096 + 30; ++block) {
        ObservationReadOptions options = csv_options(1, limits);
        options.block_bytes = block;
        EXPECT_EQ(parse_observations_csv(csv, "obs.csv", options).rejected.size(), 0u) << "block " << block;
    }
    std::string quotes = "unit,indicator,date,value,source\nu,a,2026-01-05,1,\"";
    for (int k = 0; k < 20; ++k) quotes += "\"\"";
    EXPECT_TRUE(mentions(error_of<LimitError>([&] { (void)parse_observations_csv(quotes + "\"\n", "obs.csv", csv_options(1, limits)); }, "obs.csv",
                                              "line 2, column 5"),
                         "Limits::text_bytes"));
    // Lines ended by a lone CR, in a file longer than the first block: named as such.
    std::string mac = "unit,indicator,date,value\r";
    while (mac.size() < 100000) mac += "u,a,2026-01-05,1\r";
    EXPECT_TRUE(mentions(error_of<ParseError>([&] { (void)parse_observations_csv(mac, "obs.csv"); }, "obs.csv", "line 1, column 4"), "lone CR"));
}

TEST(CsvReading, ValueTablesReadEveryLineEndingAndHoldIdsToText) {
    // Lines ended by a lone \r (old Mac, some exports) are more than the rows counted in advance.
    const ValueTable table = parse_value_table("unit,a,b\ru1,1,2\ru2,3,\"4\"\r", "t.csv");
    EXPECT_EQ(table.units, (std::vector<std::string>{"u1", "u2"}));
    ASSERT_EQ(table.values.rows(), 2);
    EXPECT_EQ(table.values(1, 0), 3.0);
    EXPECT_EQ(table.values(1, 1), 4.0);
    for (const char* end : {"\n", "\r\n", "\r"}) {
        const std::string csv = std::string("unit,a") + end + "u,1" + end + "v,zz" + end;
        EXPECT_TRUE(mentions(error_of<ParseError>([&] { (void)parse_value_table(csv, "t.csv"); }, "t.csv", "line 3, column 2"), "'zz'"));
    }
    // An id holding a line break, a tab or an escape is refused at its place.
    EXPECT_TRUE(mentions(error_of<ParseError>([&] { (void)parse_value_table("unit,a\n\"u\nv\",1\n", "t.csv"); }, "t.csv", "line 2, column 1"),
                         "U+000A"));
    EXPECT_TRUE(mentions(error_of<ParseError>([&] { (void)parse_value_table("unit,a\x1B[2J\nu,1\n", "t.csv"); }, "t.csv", "line 1, column 2"),
                         "U+001B"));
    Limits limits;
    limits.text_bytes = 8;
    ReadOptions read;
    read.limits = limits;
    EXPECT_TRUE(mentions(error_of<LimitError>([&] { (void)parse_value_table("unit,a\n\"" + std::string(20, 'u') + "\",1\n", "t.csv", "", read); },
                                              "t.csv", "line 2, column 1"),
                         "Limits::text_bytes"));
}

TEST(Messages, ValuesAreAlwaysPrintableUtf8) {
    const Message m("unknown unit '{0}'"_en, "未知单位 '{0}'"_zh, {std::string("a\x1B[2J\x07\xFFz")});
    EXPECT_EQ(m.text(Language::en), "unknown unit 'a\\x1B[2J\\x07\\xFFz'");
    EXPECT_EQ(detail::quote("城" + std::string(100, 'x')), "城" + std::string(79, 'x') + "…");  // cut between characters
    EXPECT_EQ(detail::quote(std::string(80, 'x')), std::string(80, 'x'));
    EXPECT_EQ(detail::printable("right\u202Eleft"), "right\\u202Eleft");  // a bidirectional override
    EXPECT_EQ(detail::printable("one\u2028two"), "one\\u2028two");           // a line separator
}

}  // namespace
}  // namespace civitas::test
