#include "cli.hpp"

#include <civitas/civitas.hpp>

#include "detail/number_format.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <iomanip>
#include <locale>
#include <ostream>
#include <sstream>

namespace civitas::cli {

namespace {

// How to call the command, in both languages.
Message usage() {
    return Message(
    "usage: civitas validate FILE [--lang zh|en]\n"
    "       civitas score FRAMEWORK DATA.csv [--format text|json|csv] [--class-column NAME] [--lang zh|en]\n"
    "       civitas report CAMPAIGN [--as-of DATE] [--known-on DATE] [--format text|markdown|html|json]\n"
    "                      [-o FILE] [--lang zh|en] [--max-items N]\n"
    "       civitas list\n"
    "       civitas --version | --help\n"
    "\n"
    "FRAMEWORK is a framework file (.json) or the id of a bundled framework (see `civitas list`).\n"
    "DATA.csv has the unit id in its first column and indicator ids as the other column names.\n"
    "CAMPAIGN is a campaign file (.json); the report is as of DATE (YYYY-MM-DD, default today), in\n"
    "the format FILE's extension names (.html, .md, .json) or text, in the campaign's language.\n"
    "Messages are in English, or Chinese under --lang zh or a zh locale (LANG, LC_ALL).\n"
    "Exit status: 0 success, 2 usage error, 3 invalid input.\n",
    "用法: civitas validate 文件 [--lang zh|en]\n"
    "      civitas score 测评体系 数据.csv [--format text|json|csv] [--class-column 列名] [--lang zh|en]\n"
    "      civitas report 创建方案 [--as-of 日期] [--known-on 日期] [--format text|markdown|html|json]\n"
    "                     [-o 文件] [--lang zh|en] [--max-items N]\n"
    "      civitas list\n"
    "      civitas --version | --help\n"
    "\n"
    "测评体系为测评体系文件（.json）或内置测评体系的标识（见 `civitas list`）。\n"
    "数据.csv 第一列为单位标识，其余各列列名为指标标识。\n"
    "创建方案为创建方案文件（.json）；报告截至“日期”（YYYY-MM-DD，默认今天），格式按输出文件的\n"
    "扩展名（.html、.md、.json）确定，否则为纯文本；报告语言默认取创建方案的语言。\n"
    "提示信息为中文（--lang zh 或 zh 区域设置）或英文（--lang en）。\n"
    "退出状态: 0 成功，2 用法错误，3 输入无效。\n");
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

// A framework by path, or by bundled id when no such file exists and the name has no '/' or '.json'.
Framework framework_from(const std::string& name) {
    const std::filesystem::path path(name);
    std::error_code ec;
    const bool looks_like_path = path.has_parent_path() || path.extension() == ".json";
    if (looks_like_path || std::filesystem::exists(path, ec)) return load_framework(path);
    return load_bundled_framework(name);
}

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

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
};

Arguments parse_arguments(const std::vector<std::string>& args, const std::vector<std::string>& takes_value) {
    Arguments parsed;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.size() < 2 || arg[0] != '-') {
            parsed.positional.push_back(arg);
            continue;
        }
        const std::size_t equals = arg.find('=');
        const std::string name = arg.substr(0, equals);
        if (std::find(takes_value.begin(), takes_value.end(), name) == takes_value.end())
            throw UsageError{Message("unknown option '{0}'", "未知选项 '{0}'", {arg})};
        if (equals != std::string::npos) parsed.options[name] = arg.substr(equals + 1);
        else if (i + 1 < args.size()) parsed.options[name] = args[++i];
        else throw UsageError{Message("{0} needs a value", "{0} 需要一个值", {name})};
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
    throw UsageError{Message("{0} '{1}' is not one of {2}", "{0} '{1}' 不在可选值之中: {2}", {option, found->second, names})};
}

std::optional<Date> date_option(const Arguments& parsed, const std::string& option) {
    const auto found = parsed.options.find(option);
    if (found == parsed.options.end()) return std::nullopt;
    try {
        return parse_date(found->second, option);
    } catch (const Error&) {
        throw UsageError{Message("{0} '{1}' is not a date; expected YYYY-MM-DD", "{0} '{1}' 不是日期；应为 YYYY-MM-DD", {option, found->second})};
    }
}

int validate(const std::vector<std::string>& args, std::ostream& out, Language lang) {
    const Arguments parsed = parse_arguments(args, {"--lang"});
    if (parsed.positional.size() != 1) throw UsageError{Message("validate takes one FILE", "validate 需要一个文件")};
    (void)choice(parsed, "--lang", {"zh", "en"}, "");  // only checked: language_of already chose
    const std::string& file = parsed.positional[0];
    const Framework framework = load_framework(file);
    out << file << ": " << Message("valid", "有效").text(lang) << ": " << to_string(framework, lang) << "\n";
    return success;
}

int list(const std::vector<std::string>& args, std::ostream& out, Language lang) {
    if (args.size() != 1) throw UsageError{Message("list takes no arguments", "list 不带参数")};
    out << Message("frameworks:", "测评体系:").text(lang) << "\n";
    for (const std::string& id : bundled_framework_ids()) {
        const Framework framework = load_bundled_framework(id);
        out << id << "\t" << to_string(framework.spec().reliability) << "\t" << framework.name() << "\n";
    }
    out << "\n" << Message("calendars:", "工作日历:").text(lang) << "\n";
    for (const std::string& id : bundled_calendar_ids()) out << id << "\t" << to_string(load_bundled_calendar(id)) << "\n";
    return success;
}

int score(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, Language lang) {
    const Arguments parsed = parse_arguments(args, {"--format", "--class-column", "--lang"});
    if (parsed.positional.size() != 2) throw UsageError{Message("score takes FRAMEWORK and DATA.csv", "score 需要测评体系和数据.csv 两个参数")};
    (void)choice(parsed, "--lang", {"zh", "en"}, "");  // only checked: language_of already chose
    const std::string format = choice(parsed, "--format", {"text", "json", "csv"}, "text");
    const auto class_option = parsed.options.find("--class-column");
    const std::string class_column = class_option == parsed.options.end() ? "" : class_option->second;
    const std::vector<std::string>& positional = parsed.positional;

    const Framework framework = framework_from(positional[0]);
    const ValueTable table = read_value_table(positional[1], class_column);
    EvaluateOptions options;
    options.nan_as_missing = true;  // the table reader turns empty cells into NaN and rejects written NaNs
    const BatchEvaluation batch = evaluate_many(framework, table.values, table.columns, table.units, table.classes, options);

    if (format == "json") {
        nlohmann::ordered_json document;
        document["framework"] = framework.id();
        document["units"] = nlohmann::ordered_json::array();
        for (std::size_t r = 0; r < batch.size(); ++r)
            document["units"].push_back(nlohmann::ordered_json::parse(evaluation_to_json(unit_evaluation(framework, batch, r))));
        out << document.dump(2) << "\n";
    } else if (format == "csv") {
        out << "unit,total,passed,decided_by,met,assessed,indicators,coverage,basic_failed,reason\n";
        for (std::size_t r = 0; r < batch.size(); ++r) {
            const Evaluation e = unit_evaluation(framework, batch, r);
            std::string basic;
            for (const std::string& id : e.basic_failed) basic += (basic.empty() ? "" : ";") + id;
            // Numbers become text here: `out` is the host's stream, in the host's locale.
            out << csv_field(e.unit) << "," << (e.total ? number_text(*e.total) : "") << "," << (e.passed ? "true" : "false")
                << "," << to_string(e.decided_by) << "," << std::to_string(e.met) << "," << std::to_string(e.assessed) << ","
                << std::to_string(e.indicators.size()) << ","
                << number_text(e.coverage) << "," << csv_field(basic) << "," << csv_field(e.reason.text(Language::en)) << "\n";
        }
    } else {
        out << to_string(framework, lang) << ": " << framework.name() << "\n";
        for (std::size_t r = 0; r < batch.size(); ++r) out << "\n" << to_string(unit_evaluation(framework, batch, r), lang) << "\n";
    }
    int status = success;
    for (std::size_t r = 0; r < batch.size(); ++r)
        if (!batch.errors[r].empty()) {
            err << "civitas: " << Message("{0}: unit '{1}': {2}", "{0}: 单位 '{1}': {2}", {positional[1], batch.units[r], batch.errors[r]}).text(lang)
                << "\n";
            status = invalid_input;
        }
    return status;
}

int report(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, Language lang) {
    const Arguments parsed =
        parse_arguments(args, {"--as-of", "--known-on", "--format", "-o", "--output", "--lang", "--max-items"});
    if (parsed.positional.size() != 1) throw UsageError{Message("report takes one CAMPAIGN file", "report 需要一个创建方案文件")};
    std::string output;
    for (const char* option : {"-o", "--output"})
        if (const auto found = parsed.options.find(option); found != parsed.options.end()) output = found->second;
    const std::string format = choice(parsed, "--format", {"text", "markdown", "html", "json"}, to_string(report_format_of(output)));
    const std::string language = choice(parsed, "--lang", {"zh", "en"}, "");
    ReportOptions options;
    if (!language.empty()) options.language = language == "zh" ? Language::zh : Language::en;
    options.readiness.known_on = date_option(parsed, "--known-on");
    if (const auto found = parsed.options.find("--max-items"); found != parsed.options.end()) {
        const std::string& text = found->second;
        if (text.empty() || text.size() > 6 || text.find_first_not_of("0123456789") != std::string::npos || std::stoi(text) < 1)
            throw UsageError{Message("{0} '{1}' is not a whole number of 1 or more", "{0} '{1}' 不是大于等于 1 的整数", {"--max-items", text})};
        options.max_items = std::stoi(text);
    }
    const Date as_of = date_option(parsed, "--as-of").value_or(boost::gregorian::day_clock::local_day());

    const Campaign campaign = load_campaign(parsed.positional[0]);
    const auto& rejected = campaign.rejected_observations();
    if (!rejected.empty())
        err << "civitas: "
            << Message("{0} rows of the observation files were left out; the first: {1}: {2}", "观测数据文件中有 {0} 行被剔除；第一行: {1}: {2}",
                       {std::to_string(rejected.size()), rejected.front().first, to_string(rejected.front().second, lang)})
                   .text(lang)
            << "\n";
    const Report built = build_report(campaign, as_of, options);
    const ReportFormat kind = *enum_from_string<ReportFormat>(format);
    const std::string text = render(built, kind);
    if (output.empty()) {
        out << text;
    } else {
        write_report_file(text, output);
        err << "civitas: " << Message("wrote {0}", "已写入 {0}", {output}).text(lang) << "\n";
    }
    return success;
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const detail::ThreadCLocale c_numbers;  // the host's locale never changes a number read or written
    const Language lang = language_of(args);
    try {
        if (args.empty()) throw UsageError{Message("no command given", "未给出命令")};
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
        throw UsageError{Message("unknown command '{0}'", "未知命令 '{0}'", {command})};
    } catch (const UsageError& error) {
        err << "civitas: " << error.message.text(lang) << "\n" << usage().text(lang);
        return usage_error;
    } catch (const Error& error) {
        err << "civitas: " << error.message(lang) << "\n";
        return invalid_input;
    } catch (const std::exception& error) {
        err << "civitas: " << Message("unexpected error: {0}", "意外错误: {0}", {error.what()}).text(lang) << "\n";
        return failure;
    }
}

}  // namespace civitas::cli
