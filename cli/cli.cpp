#include "cli.hpp"

#include <civitas/civitas.hpp>

#include "core/detail/number_format.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <map>
#include <optional>
#include <iomanip>
#include <locale>
#include <ostream>
#include <set>
#include <sstream>
#include <string_view>
#include <system_error>

namespace civitas::cli {

namespace {

// How to call the command, in both languages.
Message usage() {
    return Message("usage: civitas validate FILE [--lang zh|en]\n"
    "       civitas score FRAMEWORK DATA.csv [--format text|json|csv [--csv-raw]] [--class-column NAME] [--lang zh|en]\n"
    "       civitas report CAMPAIGN [--as-of DATE] [--known-on DATE] [--format text|markdown|html|json]\n"
    "                      [-o FILE] [--lang zh|en] [--max-items N] [--allow-outside]\n"
    "       civitas list\n"
    "       civitas --version | --help\n"
    "\n"
    "FRAMEWORK is a framework file (.json) or the id of a bundled framework (see `civitas list`).\n"
    "DATA.csv has the unit id in its first column and indicator ids as the other column names.\n"
    "In CSV a text cell starting with = + - @, a tab or a carriage return gets a leading ' so that\n"
    "spreadsheets do not run it as a formula; --csv-raw writes cells unchanged, for programs.\n"
    "CAMPAIGN is a campaign file (.json); the report is as of DATE (YYYY-MM-DD, default today), in\n"
    "the campaign's language and in the format --format names, else the one FILE's extension names\n"
    "(.txt or none, .md, .html, .json; any other is a usage error). FILE is replaced whole or not at\n"
    "all; a device such as /dev/null or /dev/stdout is written in place. The files a campaign names\n"
    "must lie in its folder or below; --allow-outside lets it name any file.\n"
    "Messages are in English, or Chinese under --lang zh or a zh locale (LANG, LC_ALL).\n"
    "Exit status: 0 success, 1 unexpected error, 2 usage error, 3 invalid input, 4 I/O error\n"
    "(a file or the standard output could not be written).\n"_en,
    "用法: civitas validate 文件 [--lang zh|en]\n"
    "      civitas score 测评体系 数据.csv [--format text|json|csv [--csv-raw]] [--class-column 列名] [--lang zh|en]\n"
    "      civitas report 创建方案 [--as-of 日期] [--known-on 日期] [--format text|markdown|html|json]\n"
    "                     [-o 文件] [--lang zh|en] [--max-items N] [--allow-outside]\n"
    "      civitas list\n"
    "      civitas --version | --help\n"
    "\n"
    "测评体系为测评体系文件（.json）或内置测评体系的标识（见 `civitas list`）。\n"
    "数据.csv 第一列为单位标识，其余各列列名为指标标识。\n"
    "CSV 中以 = + - @、制表符或回车开头的文本单元格前加 '，以免电子表格将其作为公式执行；\n"
    "--csv-raw 原样输出，供程序读取。\n"
    "创建方案为创建方案文件（.json）；报告截至“日期”（YYYY-MM-DD，默认今天），报告语言默认取\n"
    "创建方案的语言；格式由 --format 指定，否则按输出文件的扩展名确定（.txt 或无扩展名、.md、\n"
    ".html、.json；其他扩展名为用法错误）。输出文件整体替换，不会只写一半；/dev/null、\n"
    "/dev/stdout 等设备直接写入。创建方案引用的文件须位于其所在文件夹或子文件夹中；\n"
    "--allow-outside 允许引用任意文件。\n"
    "提示信息为中文（--lang zh 或 zh 区域设置）或英文（--lang en）。\n"
    "退出状态: 0 成功，1 意外错误，2 用法错误，3 输入无效，4 输入输出错误（文件或标准输出无法写入）。\n"_zh);
}

// The language of messages: --lang anywhere in the arguments, else the locale's (LC_ALL,
// LC_MESSAGES, LANG: the first that is set), Chinese when it starts with "zh".
Language language_of(const std::vector<std::string>& args) {
    const auto named = [](const std::string& name) { return name.rfind("zh", 0) == 0 ? Language::zh : Language::en; };
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--lang" && i + 1 < args.size()) return named(args[i + 1]);
        if (args[i].rfind("--lang=", 0) == 0) return named(args[i].substr(7));
    }
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value != nullptr && *value != '\0') return named(value);
    }
    return Language::en;
}

struct UsageError {
    Message message;
};

std::string number_text(double value) {
    std::ostringstream out;
    out.imbue(std::locale::classic());  // not the host's locale (digit groups, decimal comma)
    out << std::setprecision(10) << value;
    return out.str();
}

// Options and positional arguments of a command; `takes_value` names the options with a value.
struct Arguments {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;
    std::set<std::string> flags;
};

// `flags` names the options without a value.
Arguments parse_arguments(const std::vector<std::string>& args, const std::vector<std::string>& takes_value,
                          const std::vector<std::string>& flags = {}) {
    Arguments parsed;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.size() < 2 || arg[0] != '-') {
            parsed.positional.push_back(arg);
            continue;
        }
        const std::size_t equals = arg.find('=');
        const std::string name = arg.substr(0, equals);
        if (std::find(flags.begin(), flags.end(), name) != flags.end()) {
            if (equals != std::string::npos) throw UsageError{Message("{0} takes no value"_en, "{0} 不带值"_zh, {name})};
            parsed.flags.insert(name);
            continue;
        }
        if (std::find(takes_value.begin(), takes_value.end(), name) == takes_value.end())
            throw UsageError{Message("unknown option '{0}'"_en, "未知选项 '{0}'"_zh, {arg})};
        if (equals != std::string::npos) parsed.options[name] = arg.substr(equals + 1);
        else if (i + 1 < args.size()) parsed.options[name] = args[++i];
        else throw UsageError{Message("{0} needs a value"_en, "{0} 需要一个值"_zh, {name})};
    }
    return parsed;
}

std::string choice(const Arguments& parsed, const std::string& option, const std::vector<std::string>& allowed,
                   const std::string& fallback) {
    const auto found = parsed.options.find(option);
    if (found == parsed.options.end()) return fallback;
    if (std::find(allowed.begin(), allowed.end(), found->second) != allowed.end()) return found->second;
    std::string names;
    for (const std::string& a : allowed) names += (names.empty() ? "" : ", ") + a;
    throw UsageError{Message("{0} '{1}' is not one of {2}"_en, "{0} '{1}' 不在可选值之中: {2}"_zh, {option, found->second, names})};
}

std::optional<Date> date_option(const Arguments& parsed, const std::string& option) {
    const auto found = parsed.options.find(option);
    if (found == parsed.options.end()) return std::nullopt;
    try {
        return parse_date(found->second, option);
    } catch (const Error&) {
        throw UsageError{Message("{0} '{1}' is not a date; expected YYYY-MM-DD"_en, "{0} '{1}' 不是日期；应为 YYYY-MM-DD"_zh, {option, found->second})};
    }
}

int validate(const std::vector<std::string>& args, std::ostream& out, Language lang) {
    const Arguments parsed = parse_arguments(args, {"--lang"});
    if (parsed.positional.size() != 1) throw UsageError{Message("validate takes one FILE"_en, "validate 需要一个文件"_zh)};
    (void)choice(parsed, "--lang", {"zh", "en"}, "");  // only checked: language_of already chose
    const std::string& file = parsed.positional[0];
    const Framework framework = load_framework(file);
    out << file << ": " << Message("valid"_en, "有效"_zh).text(lang) << ": " << to_string(framework, lang) << "\n";
    return success;
}

int list(const std::vector<std::string>& args, std::ostream& out, Language lang) {
    if (args.size() != 1) throw UsageError{Message("list takes no arguments"_en, "list 不带参数"_zh)};
    out << Message("frameworks:"_en, "测评体系:"_zh).text(lang) << "\n";
    for (const std::string& id : bundled_framework_ids()) {
        const Framework framework = load_bundled_framework(id);
        out << id << "\t" << to_string(framework.spec().reliability) << "\t" << framework.name() << "\n";
    }
    out << "\n" << Message("calendars:"_en, "工作日历:"_zh).text(lang) << "\n";
    for (const std::string& id : bundled_calendar_ids()) out << id << "\t" << to_string(load_bundled_calendar(id)) << "\n";
    out << "\n" << Message("round schemes:"_en, "计分方案:"_zh).text(lang) << "\n";
    for (const std::string& id : bundled_round_scheme_ids()) out << id << "\t" << load_bundled_round_scheme(id).name << "\n";
    return success;
}

int score(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, Language lang) {
    const Arguments parsed = parse_arguments(args, {"--format", "--class-column", "--lang"}, {"--csv-raw"});
    if (parsed.positional.size() != 2) throw UsageError{Message("score takes FRAMEWORK and DATA.csv"_en, "score 需要测评体系和数据.csv 两个参数"_zh)};
    (void)choice(parsed, "--lang", {"zh", "en"}, "");  // only checked: language_of already chose
    const std::string format = choice(parsed, "--format", {"text", "json", "csv"}, "text");
    const bool raw = parsed.flags.count("--csv-raw") != 0;
    if (raw && format != "csv") throw UsageError{Message("--csv-raw goes with --format csv"_en, "--csv-raw 只能与 --format csv 一起使用"_zh)};
    const auto class_option = parsed.options.find("--class-column");
    const std::string class_column = class_option == parsed.options.end() ? "" : class_option->second;
    const std::vector<std::string>& positional = parsed.positional;

    const Framework framework = load_framework_or_bundled(positional[0]);
    const ValueTable table = load_value_table(positional[1], class_column);
    EvaluateOptions options;
    options.nan_as_missing = true;  // the table reader turns empty cells into NaN and rejects written NaNs
    const BatchEvaluation batch = [&] {
        try {
            return evaluate_many(framework, table.values, table.columns, table.units, table.classes, options);
        } catch (const NotFoundError& error) {  // a column that is no indicator: a fault of the table
            throw ParseError(positional[1], file_position(1),
                             Message("{0}; expected one of its indicators (civitas validate lists them) or --class-column"_en,
                                     "{0}；应为其中的指标（civitas validate 可列出），或用 --class-column 指定类别列"_zh, {error.full_message()}));
        }
    }();

    if (format == "json") {  // written unit by unit: memory does not grow with the table
        out << "{\n  \"framework\": " << nlohmann::ordered_json(framework.id()).dump() << ",\n  \"units\": [";
        for (std::size_t r = 0; r < batch.size(); ++r) {
            std::string unit = evaluation_to_json(unit_evaluation(framework, batch, r), 2);
            for (std::size_t at = unit.find('\n'); at != std::string::npos; at = unit.find('\n', at + 5)) unit.replace(at, 1, "\n    ");
            out << (r == 0 ? "\n    " : ",\n    ") << unit;
        }
        out << (batch.size() == 0 ? "]\n}\n" : "\n  ]\n}\n");
    } else if (format == "csv") {
        out << "unit,total,passed,decided_by,met,assessed,indicators,coverage,basic_failed,reason\n";
        for (std::size_t r = 0; r < batch.size(); ++r) {
            const Evaluation e = unit_evaluation(framework, batch, r);
            std::string basic;
            for (const std::string& id : e.basic_failed) basic += (basic.empty() ? "" : ";") + id;
            out << csv_field(e.unit, raw) << "," << (e.total ? number_text(*e.total) : "") << "," << (e.passed ? "true" : "false")
                << "," << to_string(e.decided_by) << "," << std::to_string(e.met) << "," << std::to_string(e.assessed) << ","
                << std::to_string(e.indicators.size()) << "," << number_text(e.coverage) << "," << csv_field(basic, raw) << ","
                << csv_field(e.reason.text(Language::en), raw) << "\n";
        }
    } else {
        out << to_string(framework, lang) << ": " << framework.name() << "\n";
        for (std::size_t r = 0; r < batch.size(); ++r) out << "\n" << to_string(unit_evaluation(framework, batch, r), lang) << "\n";
    }
    int status = success;
    for (std::size_t r = 0; r < batch.size(); ++r)
        if (!batch.errors[r].empty()) {
            err << "civitas: " << Message("{0}: unit '{1}': {2}"_en, "{0}: 单位 '{1}': {2}"_zh, {positional[1], batch.units[r], batch.errors[r]}).text(lang)
                << "\n";
            status = invalid_input;
        }
    return status;
}

int report(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, Language lang) {
    const Arguments parsed =
        parse_arguments(args, {"--as-of", "--known-on", "--format", "-o", "--output", "--lang", "--max-items"}, {"--allow-outside"});
    if (parsed.positional.size() != 1) throw UsageError{Message("report takes one CAMPAIGN file"_en, "report 需要一个创建方案文件"_zh)};
    std::string output;
    for (const char* option : {"-o", "--output"})
        if (const auto found = parsed.options.find(option); found != parsed.options.end()) output = found->second;
    std::string format = choice(parsed, "--format", {"text", "markdown", "html", "json"}, "");
    if (format.empty()) {
        try {
            format = to_string(report_format_of(output));
        } catch (const ValidationError& error) {
            throw UsageError{Message("{0} (with --format)"_en, "{0}（用 --format）"_zh, {error.full_message()})};
        }
    }
    const std::string language = choice(parsed, "--lang", {"zh", "en"}, "");
    ReportOptions options;
    if (!language.empty()) options.language = language == "zh" ? Language::zh : Language::en;
    options.readiness.known_on = date_option(parsed, "--known-on");
    if (const auto found = parsed.options.find("--max-items"); found != parsed.options.end()) {
        const std::string& text = found->second;
        if (text.empty() || text.size() > 6 || text.find_first_not_of("0123456789") != std::string::npos || std::stoi(text) < 1)
            throw UsageError{Message("{0} '{1}' is not a whole number of 1 or more"_en, "{0} '{1}' 不是大于等于 1 的整数"_zh, {"--max-items", text})};
        options.max_items = std::stoi(text);
    }
    const Date as_of = date_option(parsed, "--as-of").value_or(boost::gregorian::day_clock::local_day());

    ReadOptions reading;
    reading.allow_outside = parsed.flags.count("--allow-outside") != 0;
    const Campaign campaign = load_campaign(parsed.positional[0], reading);
    const auto& rejected = campaign.rejected_observations();
    if (!rejected.empty())
        err << "civitas: "
            << Message("{0} rows of the observation files were left out; the first: {1}: {2}"_en, "观测数据文件中有 {0} 行被剔除；第一行: {1}: {2}"_zh,
                       {std::to_string(rejected.size()), rejected.front().first, to_string(rejected.front().second, lang)})
                   .text(lang)
            << "\n";
    const Report built = build_report(campaign, as_of, options);
    const ReportFormat kind = *enum_from_string<ReportFormat>(format);
    const std::string text = render(built, kind);
    if (output.empty()) {
        out << text;
    } else {
        save_report_text(text, output);
        err << "civitas: " << Message("wrote {0}"_en, "已写入 {0}"_zh, {output}).text(lang) << "\n";
    }
    return success;
}

int run_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, Language lang) {
    try {
        if (args.empty()) throw UsageError{Message("no command given"_en, "未给出命令"_zh)};
        const std::string& command = args[0];
        if (command == "--help" || command == "-h" || command == "help") {
            out << usage().text(lang);
            return success;
        }
        if (command == "--version") {
            out << "civitas " << version << "\n";
            return success;
        }
        if (command == "validate") return validate(args, out, lang);
        if (command == "score") return score(args, out, err, lang);
        if (command == "report") return report(args, out, err, lang);
        if (command == "list") return list(args, out, lang);
        throw UsageError{Message("unknown command '{0}'"_en, "未知命令 '{0}'"_zh, {command})};
    } catch (const UsageError& error) {
        err << "civitas: " << error.message.text(lang) << "\n" << usage().text(lang);
        return usage_error;
    } catch (const IoError& error) {
        err << "civitas: " << error.message(lang) << "\n";
        return io_error;
    } catch (const Error& error) {
        err << "civitas: " << error.message(lang) << "\n";
        return invalid_input;
    } catch (const std::exception& error) {
        err << "civitas: " << Message("unexpected error: {0}"_en, "意外错误: {0}"_zh, {error.what()}).text(lang) << "\n";
        return failure;
    }
}

}  // namespace

std::string csv_field(const std::string& text, bool raw) {
    const bool formula = !raw && !text.empty() && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos;
    const std::string cell = formula ? "'" + text : text;
    if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (char c : cell) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

int output_failed(const std::vector<std::string>& args, const Message::Argument& reason, std::ostream& err) {
    const IoError error("<stdout>", Message("cannot write: {0}"_en, "无法写入: {0}"_zh, {reason}));
    err << "civitas: " << error.message(language_of(args)) << "\n";
    err.flush();
    return io_error;
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const detail::ThreadCLocale c_numbers;  // the host's locale never changes a number read or written
    const int code = run_command(args, out, err, language_of(args));
    out.flush();
    if (out) return code;
    const auto* file = dynamic_cast<const FileOutput*>(out.rdbuf());
    if (file != nullptr && file->error() != 0) return output_failed(args, std::generic_category().message(file->error()), err);
    return output_failed(args, Message("the output stream failed"_en, "输出流写入失败"_zh), err);
}

FileOutput::int_type FileOutput::overflow(int_type c) {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char one = traits_type::to_char_type(c);
    return xsputn(&one, 1) == 1 ? c : traits_type::eof();
}

std::streamsize FileOutput::xsputn(const char* text, std::streamsize count) {
    if (error_ != 0) return 0;
    errno = 0;
    const std::size_t written = std::fwrite(text, 1, static_cast<std::size_t>(count), file_);
    if (written != static_cast<std::size_t>(count)) error_ = errno != 0 ? errno : EIO;
    return static_cast<std::streamsize>(written);
}

int FileOutput::sync() {
    if (error_ != 0) return -1;
    errno = 0;
    if (std::fflush(file_) == 0) return 0;
    error_ = errno != 0 ? errno : EIO;
    return -1;
}

}  // namespace civitas::cli
