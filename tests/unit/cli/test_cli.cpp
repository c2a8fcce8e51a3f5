// The command line in process (cli/cli.hpp): CSV cells neutralised against spreadsheet formulas,
// exit code 4 and the system's reason when the standard output or -o FILE cannot be written,
// and -o FILE's extension. The program itself is tested in tests/cli and tests/python/test_cli.py.

#include "support.hpp"

#include <cli.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace civitas {
namespace {

using test::TempFolder;

const std::string lanzhou = (std::filesystem::path(CIVITAS_TEST_DATA_DIR) / ".." / ".." / "examples" / "lanzhou" / "campaign.json").string();

struct Result {
    int code;
    std::string out;
    std::string err;
};

Result run(const std::vector<std::string>& args) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = cli::run(args, out, err);
    return {code, out.str(), err.str()};
}

TEST(CliCsv, ACellAFormulaWouldStartWithGetsAQuote) {
    // OWASP, "CSV Injection": = + - @, tab and carriage return start a formula in spreadsheets.
    EXPECT_EQ(cli::csv_field("=HYPERLINK(\"http://x\",\"y\")", false), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    EXPECT_EQ(cli::csv_field("+1+1", false), "'+1+1");
    EXPECT_EQ(cli::csv_field("-2+3", false), "'-2+3");
    EXPECT_EQ(cli::csv_field("@SUM(A1)", false), "'@SUM(A1)");
    EXPECT_EQ(cli::csv_field("\t=1+1", false), "'\t=1+1");
    EXPECT_EQ(cli::csv_field("\r=1+1", false), "\"'\r=1+1\"");
    EXPECT_EQ(cli::csv_field("=cmd|' /C calc'!A0", false), "'=cmd|' /C calc'!A0");
    // Other text as it is, quoted when it must be.
    EXPECT_EQ(cli::csv_field("城关区", false), "城关区");
    EXPECT_EQ(cli::csv_field("a=b-c", false), "a=b-c");
    EXPECT_EQ(cli::csv_field("", false), "");
    EXPECT_EQ(cli::csv_field("a,b", false), "\"a,b\"");
    EXPECT_EQ(cli::csv_field("'=quoted", false), "'=quoted");
}

TEST(CliCsv, RawCellsAreWrittenUnchanged) {
    EXPECT_EQ(cli::csv_field("=HYPERLINK(\"http://x\")", true), "\"=HYPERLINK(\"\"http://x\"\")\"");
    EXPECT_EQ(cli::csv_field("+1+1", true), "+1+1");
    EXPECT_EQ(cli::csv_field("-2+3", true), "-2+3");
    EXPECT_EQ(cli::csv_field("@SUM(A1)", true), "@SUM(A1)");
    EXPECT_EQ(cli::csv_field("\tx", true), "\tx");
    EXPECT_EQ(cli::csv_field("\rx", true), "\"\rx\"");
}

TEST(CliCsv, ScoreNeutralisesUnitIdsUnlessRaw) {
    const TempFolder folder;
    folder.write("f.json", R"({"id": "f", "name": "F", "reliability": "illustrative",
        "indicators": [{"id": "x", "name": "X", "pass": 1}]})");
    folder.write("d.csv", "unit,x\n=1+1,2\n@SUM(A1),0\nplain,3\n");
    const Result guarded = run({"score", folder.file("f.json"), folder.file("d.csv"), "--format", "csv"});
    EXPECT_EQ(guarded.code, 0) << guarded.err;
    EXPECT_NE(guarded.out.find("\n'=1+1,100,true,"), std::string::npos) << guarded.out;
    EXPECT_NE(guarded.out.find("\n'@SUM(A1),0,false,"), std::string::npos) << guarded.out;
    EXPECT_NE(guarded.out.find("\nplain,100,true,"), std::string::npos) << guarded.out;
    const Result raw = run({"score", folder.file("f.json"), folder.file("d.csv"), "--format", "csv", "--csv-raw"});
    EXPECT_EQ(raw.code, 0) << raw.err;
    EXPECT_NE(raw.out.find("\n=1+1,100,true,"), std::string::npos) << raw.out;
    EXPECT_NE(raw.out.find("\n@SUM(A1),0,false,"), std::string::npos) << raw.out;
    // --csv-raw goes with CSV only, and takes no value.
    EXPECT_EQ(run({"score", folder.file("f.json"), folder.file("d.csv"), "--csv-raw"}).code, cli::usage_error);
    EXPECT_EQ(run({"score", folder.file("f.json"), folder.file("d.csv"), "--format", "csv", "--csv-raw=yes"}).code, cli::usage_error);
}

#ifndef _WIN32

TEST(CliOutput, AFullStandardOutputExits4WithTheReason) {
    if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> full(std::fopen("/dev/full", "w"), &std::fclose);
    ASSERT_NE(full, nullptr);
    for (const auto& [args, message] :
         std::vector<std::pair<std::vector<std::string>, std::string>>{
             {{"--help", "--lang", "en"}, "civitas: <stdout>: cannot write: No space left on device\n"},
             {{"--help", "--lang", "zh"}, "civitas: <stdout>: 无法写入: No space left on device\n"},
             {{"report", lanzhou, "--as-of", "2025-12-31", "--lang", "en"}, "civitas: <stdout>: cannot write: No space left on device\n"}}) {
        cli::FileOutput buffer(full.get());
        std::ostream out(&buffer);
        std::ostringstream err;
        EXPECT_EQ(cli::run(args, out, err), cli::io_error);
        EXPECT_EQ(err.str(), message);
        std::clearerr(full.get());
    }
}

#endif

// A stream that refuses everything, without a reason to give.
class Refusing : public std::streambuf {
protected:
    int_type overflow(int_type) override { return traits_type::eof(); }
};

TEST(CliOutput, AnyFailingOutputStreamExits4) {
    Refusing refusing;
    std::ostream out(&refusing);
    std::ostringstream err;
    EXPECT_EQ(cli::run({"--version"}, out, err), cli::io_error);
    EXPECT_EQ(err.str(), "civitas: <stdout>: cannot write: the output stream failed\n");
}

TEST(CliOutput, AnOutputFileThatCannotBeWrittenExits4) {
    const TempFolder folder;
    std::filesystem::create_directory(folder.path() / "report.html");
    const Result into_folder = run({"report", lanzhou, "--as-of", "2025-12-31", "--lang", "en", "-o", folder.file("report.html")});
    EXPECT_EQ(into_folder.code, cli::io_error);
    EXPECT_EQ(into_folder.err, "civitas: " + folder.file("report.html") + ": is a folder; expected a file\n");
    const Result no_folder = run({"report", lanzhou, "--as-of", "2025-12-31", "--lang", "zh", "-o", folder.file("none/report.html")});
    EXPECT_EQ(no_folder.code, cli::io_error);
    EXPECT_EQ(no_folder.err, "civitas: " + folder.file("none/report.html") + ": 无法写入: No such file or directory\n");
}

TEST(CliOutput, AnOutputFileNamesItsFormat) {
    const TempFolder folder;
    const Result pdf = run({"report", lanzhou, "--as-of", "2025-12-31", "--lang", "en", "-o", folder.file("report.pdf")});
    EXPECT_EQ(pdf.code, cli::usage_error);
    EXPECT_EQ(pdf.err.rfind("civitas: " + folder.file("report.pdf") + ": '.pdf' is not the extension of a report format; expected .txt or "
                            "none (text), .md or .markdown, .html or .htm, .json, or a format named explicitly (with --format)\nusage:",
                            0),
              0u)
        << pdf.err;
    EXPECT_FALSE(std::filesystem::exists(folder.file("report.pdf")));
    // Named explicitly, any name will do; .txt and no extension are text, in any case.
    EXPECT_EQ(run({"report", lanzhou, "--as-of", "2025-12-31", "--format", "html", "-o", folder.file("report.pdf")}).code, cli::success);
    EXPECT_EQ(run({"report", lanzhou, "--as-of", "2025-12-31", "-o", folder.file("report.TXT")}).code, cli::success);
    EXPECT_EQ(run({"report", lanzhou, "--as-of", "2025-12-31", "-o", folder.file("REPORT.HTML")}).code, cli::success);
    EXPECT_EQ(run({"report", lanzhou, "--as-of", "2025-12-31", "-o", folder.file("report")}).code, cli::success);
    std::ifstream html(folder.file("REPORT.HTML"));
    std::string first;
    std::getline(html, first);
    EXPECT_EQ(first, "<!DOCTYPE html>");
}

}  // namespace
}  // namespace civitas
