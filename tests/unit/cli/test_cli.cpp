// The command line in process (cli/cli.hpp): CSV cells neutralised against spreadsheet formulas,
// exit code 4 and the system's reason when the standard output or -o FILE cannot be written,
// -o FILE's extension, each command's help and the usage errors that name the command. The
// program itself is tested in tests/cli and tests/python/test_cli.py.

#include "cli/in_process.hpp"
#include "support.hpp"

#include <cli.hpp>

#include <civitas/version.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace civitas {
namespace {

using test::TempFolder;

const std::string lanzhou = (std::filesystem::path(CIVITAS_TEST_DATA_DIR) / ".." / ".." / "examples" / "lanzhou" / "campaign.json").string();

using test::Result;
using test::run;

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
    EXPECT_EQ(pdf.err.rfind("civitas report: " + folder.file("report.pdf") + ": '.pdf' is not the extension of a report format; expected .txt or "
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

const std::vector<std::string> commands = {"validate", "score", "report", "circular", "template", "import", "submissions", "history", "list"};

TEST(CliHelp, TheProgramsHelpListsTheCommands) {
    const Result help = run({"--help", "--lang", "en"});
    EXPECT_EQ(help.code, cli::success);
    EXPECT_EQ(help.err, "");
    EXPECT_EQ(help.out.rfind("usage: civitas COMMAND ARGUMENTS... [options]\n", 0), 0u) << help.out;
    const std::size_t listed = help.out.find("\ncommands:\n");
    ASSERT_NE(listed, std::string::npos) << help.out;
    std::size_t at = listed;
    for (const std::string& command : commands) {  // in the order they were added
        at = help.out.find("\n  " + command, at + 1);
        EXPECT_NE(at, std::string::npos) << command << " not listed in order:\n" << help.out;
    }
    EXPECT_EQ(help.out.find("\n  help"), std::string::npos) << "the help command is not listed";
    EXPECT_NE(help.out.find("\nExit status: 0 success, 1 unexpected error, 2 usage error, 3 invalid input, 4 I/O error\n"), std::string::npos);
    // "help" as the first argument, and no argument but --help under the Chinese locale's --lang.
    EXPECT_EQ(run({"help", "--lang", "en"}).out, help.out);
    const Result chinese = run({"--help", "--lang", "zh"});
    EXPECT_EQ(chinese.out.rfind("用法: civitas 命令 参数... [选项]\n", 0), 0u) << chinese.out;
    EXPECT_NE(chinese.out.find("\n命令:\n  validate 文件\n"), std::string::npos) << chinese.out;
    EXPECT_NE(chinese.out.find("\n退出状态: 0 成功，1 意外错误，2 用法错误，3 输入无效，4 输入输出错误"), std::string::npos) << chinese.out;
}

TEST(CliHelp, EveryCommandHasItsOwnHelpInBothLanguages) {
    for (const std::string& command : commands) {
        const Result english = run({command, "--help", "--lang", "en"});
        EXPECT_EQ(english.code, cli::success) << command;
        EXPECT_EQ(english.err, "") << command;
        EXPECT_EQ(english.out.rfind("usage: civitas " + command + " ", 0), 0u) << english.out;
        EXPECT_NE(english.out.find("\noptions:\n"), std::string::npos) << english.out;
        EXPECT_NE(english.out.find("\n  --lang zh|en\n"), std::string::npos) << english.out;
        EXPECT_NE(english.out.find("\n  -h, --help\n      prints this help\n"), std::string::npos) << english.out;
        EXPECT_EQ(english.out.find("Print this help"), std::string::npos) << "CLI11's own words:\n" << english.out;
        const Result chinese = run({command, "--help", "--lang", "zh"});
        EXPECT_EQ(chinese.code, cli::success) << command;
        EXPECT_EQ(chinese.out.rfind("用法: civitas " + command + " ", 0), 0u) << chinese.out;
        EXPECT_NE(chinese.out.find("\n选项:\n"), std::string::npos) << chinese.out;
        EXPECT_NE(chinese.out.find("\n  -h, --help\n      显示本说明\n"), std::string::npos) << chinese.out;
        // The same text, asked for three ways; --help wins over the arguments still missing.
        EXPECT_EQ(run({"--help", command, "--lang", "en"}).out, english.out) << command;
        EXPECT_EQ(run({"help", command, "--lang", "en"}).out, english.out) << command;
        EXPECT_EQ(run({command, "-h", "--lang", "en"}).out, english.out) << command;
    }
    // A command's own options, with their values' names, in the language asked for.
    const Result report = run({"report", "--help", "--lang", "zh"});
    EXPECT_NE(report.out.find("\n参数:\n  创建方案\n"), std::string::npos) << report.out;
    for (const char* option : {"\n  --as-of 日期\n", "\n  --known-on 日期\n", "\n  --format text|markdown|html|json\n", "\n  -o, --output 文件\n",
                               "\n  --max-items N\n", "\n  --allow-outside\n"})
        EXPECT_NE(report.out.find(option), std::string::npos) << option << " in\n" << report.out;
}

TEST(CliUsage, AnUnknownOptionNamesTheCommand) {
    const Result english = run({"report", lanzhou, "--colour", "--lang", "en"});
    EXPECT_EQ(english.code, cli::usage_error);
    EXPECT_EQ(english.out, "");
    EXPECT_EQ(english.err, "civitas report: unknown option '--colour'\n"
                           "usage: civitas report CAMPAIGN [options]\n"
                           "`civitas report --help` describes its arguments and options.\n");
    const Result chinese = run({"score", "--colour=red", "--lang", "zh"});
    EXPECT_EQ(chinese.code, cli::usage_error);
    EXPECT_EQ(chinese.err, "civitas score: 未知选项 '--colour=red'\n"
                           "用法: civitas score 测评体系 数据.csv [选项]\n"
                           "`civitas score --help` 说明其参数和选项。\n");
    // Before any command, the program's own; an unknown command likewise.
    EXPECT_EQ(run({"--colour", "report", lanzhou, "--lang", "en"}).err.rfind("civitas: unknown option '--colour'\nusage: civitas COMMAND", 0), 0u);
    EXPECT_EQ(run({"frobnicate", "--lang", "en"}).err,
              "civitas: unknown command 'frobnicate'\n"
              "usage: civitas COMMAND ARGUMENTS... [options]\n"
              "commands: validate, score, report, circular, template, import, submissions, history, list; `civitas COMMAND --help` describes one.\n");
}

TEST(CliUsage, AMissingOrSurplusArgumentNamesTheCommand) {
    EXPECT_EQ(run({"report", "--lang", "en"}).err.rfind("civitas report: missing argument CAMPAIGN\nusage: civitas report CAMPAIGN [options]\n", 0), 0u);
    EXPECT_EQ(run({"report", "--lang", "zh"}).err.rfind("civitas report: 缺少参数 创建方案\n用法: civitas report 创建方案 [选项]\n", 0), 0u);
    EXPECT_EQ(run({"score", "f.json", "--lang", "en"}).err.rfind("civitas score: missing argument DATA.csv\n", 0), 0u);
    EXPECT_EQ(run({"validate", "a.json", "b.json", "--lang", "en"}).err.rfind("civitas validate: unexpected argument 'b.json'\n", 0), 0u);
    // After `--` too, though CLI11 hands such an argument back to the program.
    EXPECT_EQ(run({"--lang", "en", "validate", "a.json", "--", "b.json"}).err.rfind("civitas validate: unexpected argument 'b.json'\n", 0), 0u);
    // One command at a time: a second command's name is an argument too many of the first.
    const Result twice = run({"list", "list", "--lang", "en"});
    EXPECT_EQ(twice.code, cli::usage_error);
    EXPECT_EQ(twice.err.rfind("civitas list: unexpected argument 'list'\n", 0), 0u) << twice.err;
    EXPECT_EQ(run({"--lang", "en"}).err.rfind("civitas: no command given\nusage: civitas COMMAND", 0), 0u);
}

TEST(CliUsage, OptionValuesAreCheckedAndNamed) {
    const auto error = [](std::vector<std::string> args) {
        args.insert(args.begin(), {"--lang", "en"});  // the program's option: the command's arguments stay last
        const Result result = run(args);
        EXPECT_EQ(result.code, cli::usage_error) << result.err;
        return result.err.substr(0, result.err.find('\n'));
    };
    EXPECT_EQ(error({"report", lanzhou, "--as-of"}), "civitas report: --as-of needs a value");
    EXPECT_EQ(error({"report", lanzhou, "-o"}), "civitas report: -o needs a value");
    EXPECT_EQ(error({"report", lanzhou, "--as-of", "31/12/2025"}), "civitas report: --as-of '31/12/2025' is not a date; expected YYYY-MM-DD");
    EXPECT_EQ(error({"report", lanzhou, "--known-on=2025-02-30"}), "civitas report: --known-on '2025-02-30' is not a date; expected YYYY-MM-DD");
    EXPECT_EQ(error({"report", lanzhou, "--max-items", "0"}), "civitas report: --max-items '0' is not a whole number of 1 or more");
    EXPECT_EQ(error({"report", lanzhou, "--max-items", "1234567"}), "civitas report: --max-items '1234567' is not a whole number of 1 or more");
    EXPECT_EQ(error({"report", lanzhou, "--format", "pdf"}), "civitas report: --format 'pdf' is not one of text, markdown, html, json");
    EXPECT_EQ(error({"report", lanzhou, "--allow-outside=yes"}), "civitas report: --allow-outside takes no value");
    EXPECT_EQ(error({"list", "--lang", "fr"}), "civitas list: --lang 'fr' is not one of zh, en");
}

TEST(CliUsage, AnOptionGivenTwiceKeepsTheLastValue) {
    const TempFolder folder;
    folder.write("f.json", R"({"id": "f", "name": "F", "reliability": "illustrative", "indicators": [{"id": "x", "name": "X", "pass": 1}]})");
    folder.write("d.csv", "unit,x\na,2\n");
    const Result csv = run({"score", folder.file("f.json"), folder.file("d.csv"), "--format", "json", "--format=csv"});
    EXPECT_EQ(csv.code, cli::success) << csv.err;
    EXPECT_EQ(csv.out.rfind("unit,total,passed,", 0), 0u) << csv.out;
}

// A copy of the Lanzhou example with its store empty, in a folder of its own, and beside it the
// same campaign naming no store.
class OfficeFolder : public TempFolder {
public:
    OfficeFolder() {
        std::filesystem::copy(std::filesystem::path(lanzhou).parent_path(), path() / "lanzhou", std::filesystem::copy_options::recursive);
        std::filesystem::remove(path() / "lanzhou" / "lanzhou.db");
        std::string text = read("lanzhou/campaign.json");
        const std::string store = "\"store\": \"lanzhou.db\",";
        write("lanzhou/without-store.json", text.replace(text.find(store), store.size(), ""));
    }
    [[nodiscard]] std::string campaign() const { return file("lanzhou/campaign.json"); }
    [[nodiscard]] std::string read(const std::string& relative) const {
        std::ifstream in(path() / relative, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }
};

TEST(CliOffice, ATemplateWrittenAsCsvIsFilledAndImported) {
    const OfficeFolder folder;
    const Result made = run({"template", folder.campaign(), "--department", "gardens", "--period", "2026-03", "-o", folder.file("gardens.csv"), "--lang", "en"});
    ASSERT_EQ(made.code, cli::success) << made.err;
    EXPECT_EQ(made.err.rfind("civitas: wrote " + folder.file("gardens.cover.csv") + " …: ", 0), 0u) << made.err;
    std::string indicators = folder.read("gardens.indicators.csv");
    EXPECT_NE(indicators.find("Unit id,Unit,Indicator id,Indicator,Measure,Pass line,Target,Last value,Last date,Value,Date of value,Source\r\n"),
              std::string::npos) << indicators;
    const std::string row = "lanzhou,兰州市,built_up_green_coverage,";
    const std::size_t at = indicators.find(row);
    ASSERT_NE(at, std::string::npos) << indicators;
    const std::size_t end = indicators.find("\r\n", at);
    std::string line = indicators.substr(at, end - at);
    line.replace(line.find(",,2026-03-31,"), std::string(",,2026-03-31,").size(), ",38.5,2026-03-31,");
    if (!CIVITAS_TEST_HAS_STORE) GTEST_SKIP() << "built without SQLite";
    folder.write("gardens.indicators.csv", indicators.substr(0, at) + line + indicators.substr(end));
    const Result imported = run({"import", folder.campaign(), folder.file("gardens.tasks.csv"), "--submitted-by", "王伟",
                                 "--submitted-on", "2026-04-03", "--lang", "en"});
    ASSERT_EQ(imported.code, cli::success) << imported.err;
    EXPECT_EQ(imported.out, "submission 1: 1 observations (1 new, 0 corrections), 0 task reports (0 finished), 0 problem updates (0 closed), 0 payments, 0 records rejected\n"
                            "  new: lanzhou built_up_green_coverage 2026-03-31 = 38.5\n");
    // A bad cell: every one named on its own line, nothing imported (exit 3).
    line.replace(line.find(",38.5,"), std::string(",38.5,").size(), ",385,");
    folder.write("gardens.indicators.csv", indicators.substr(0, at) + line + indicators.substr(end));
    const Result refused = run({"import", folder.campaign(), folder.file("gardens.csv"), "--submitted-on", "2026-04-04", "--lang", "zh"});
    EXPECT_EQ(refused.code, cli::invalid_input);
    EXPECT_EQ(refused.err, "civitas: gardens.csv：1 个单元格有误，未导入任何数据：\n"
                           "  工作表 indicators，单元格 J2（Value）：385 超出 [0, 100]；应为该范围内的值\n");
    const Result partial = run({"import", folder.campaign(), folder.file("gardens.csv"), "--submitted-on", "2026-04-04", "--partial", "--lang", "en"});
    EXPECT_EQ(partial.code, cli::success) << partial.err;
    EXPECT_NE(partial.out.find("  left out: sheet indicators, cell J2 (Value): 385 is outside [0, 100]"), std::string::npos) << partial.out;
}

TEST(CliOffice, WhatTheProgramCannotDoIsAUsageError) {
    const OfficeFolder folder;
    const auto error = [&](const std::vector<std::string>& args) {
        const Result result = run(args);
        EXPECT_EQ(result.code, cli::usage_error) << result.err;
        return result.err.substr(0, result.err.find('\n'));
    };
    EXPECT_EQ(error({"template", folder.campaign(), "--department", "gardens", "-o", folder.file("g.xlsx"), "--lang", "en"}),
              "civitas template: this civitas cannot write or read .xlsx: run the civitas command of the Python package with its "
              "office extra (pip install 'civitas[office]'), or use a .csv form");
    EXPECT_EQ(error({"template", folder.campaign(), "--department", "gardens", "-o", folder.file("g.ods"), "--lang", "en"}),
              "civitas template: -o " + folder.file("g.ods") + ": a form is written as .xlsx or .csv; expected a file name ending in one of them");
    EXPECT_EQ(error({"template", folder.campaign(), "--department", "gardens", "--period", "2026-3", "-o", folder.file("g.csv"), "--lang", "en"}),
              "civitas template: --period: \"2026-3\" is not a month; expected \"YYYY-MM\"");
    EXPECT_EQ(error({"template", folder.campaign(), "-o", folder.file("g.csv"), "--lang", "en"}), "civitas template: missing option --department");
    EXPECT_EQ(error({"import", folder.campaign(), folder.file("g.xlsx"), "--lang", "en"}).rfind("civitas import: this civitas cannot write or read .xlsx", 0), 0u);
    const Result unknown = run({"template", folder.campaign(), "--department", "forestry", "-o", folder.file("g.csv"), "--lang", "en"});
    EXPECT_EQ(unknown.code, cli::invalid_input);
    EXPECT_EQ(unknown.err.rfind("civitas: department: unknown department 'forestry'; expected one of: headquarters_office, ", 0), 0u) << unknown.err;
    const std::string without = folder.file("lanzhou/without-store.json");
    const Result no_store = run({"import", without, folder.file("g.csv"), "--lang", "en"});
    EXPECT_EQ(no_store.code, cli::invalid_input);
    EXPECT_EQ(no_store.err, "civitas: $.store: " + without + " names no campaign store; expected a \"store\" key naming its file (docs/office.md)\n");
}

TEST(CliUsage, TheVersionGoesToTheStandardOutput) {
    const Result version = run({"--version"});
    EXPECT_EQ(version.code, cli::success);
    EXPECT_EQ(version.out, std::string("civitas ") + civitas::version + "\n");
    EXPECT_EQ(version.err, "");
}

}  // namespace
}  // namespace civitas
