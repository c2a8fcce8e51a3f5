#include "help.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace civitas::cli {

namespace {

using Entries = std::vector<std::pair<std::string, std::string>>;  // (name, description)

bool is_program(const CLI::App& app) { return app.get_parent() == nullptr; }

// "civitas report".
std::string full_name(const CLI::App& app) {
    return is_program(app) ? app.get_name() : full_name(*app.get_parent()) + " " + app.get_name();
}

// What CLI11 hides from the help: an option or a command in the group "".
bool shown(const CLI::Option* option) { return !option->get_group().empty(); }

std::vector<const CLI::App*> commands_of(const CLI::App& app) {
    return app.get_subcommands([](const CLI::App* command) { return !command->get_group().empty(); });
}

std::vector<const CLI::Option*> arguments_of(const CLI::App& app) {
    return app.get_options([](const CLI::Option* option) { return shown(option) && option->get_positional(); });
}

// The options of `app`: its own in the order they were added, then those every command has
// (--lang), then --version and --help.
std::vector<const CLI::Option*> options_of(const CLI::App& app) {
    std::vector<const CLI::Option*> options =
        app.get_options([](const CLI::Option* option) { return shown(option) && option->nonpositional(); });
    const auto rank = [&app](const CLI::Option* option) {
        if (option == app.get_help_ptr()) return 3;
        if (option == app.get_version_ptr()) return 2;
        return option->check_lname("lang") ? 1 : 0;
    };
    std::stable_sort(options.begin(), options.end(), [&rank](const CLI::Option* a, const CLI::Option* b) { return rank(a) < rank(b); });
    return options;
}

// "report CAMPAIGN": a command and its arguments, an optional one in brackets.
std::string synopsis(const CLI::App& command) {
    std::string text = command.get_name();
    for (const CLI::Option* argument : arguments_of(command))
        text += " " + (argument->get_required() ? argument->get_name() : "[" + argument->get_name() + "]");
    return text;
}

// "-o, --output FILE".
std::string option_synopsis(const CLI::Option& option) {
    std::string text;
    for (const std::string& name : option.get_snames()) text += (text.empty() ? "-" : ", -") + name;
    for (const std::string& name : option.get_lnames()) text += (text.empty() ? "--" : ", --") + name;
    if (option.get_expected_max() != 0) text += " " + option.get_type_name();  // not a flag: its value
    return text;
}

// "usage: civitas report CAMPAIGN [options]".
std::string usage_line(const CLI::App& app, Language language) {
    std::string line = Message("usage: "_en, "用法: "_zh).text(language);
    if (is_program(app))
        return line + app.get_name() + " " + Message("COMMAND ARGUMENTS... [options]"_en, "命令 参数... [选项]"_zh).text(language) + "\n";
    line += full_name(*app.get_parent()) + " " + synopsis(app);
    if (!options_of(app).empty()) line += " " + Message("[options]"_en, "[选项]"_zh).text(language);
    return line + "\n";
}

// Each line of `text` after `margin`.
std::string indented(const std::string& text, const std::string& margin) {
    std::string out;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        out += margin + text.substr(start, end - start) + "\n";
        start = end + 1;
    }
    return out;
}

// The heading, then each entry's name on a line of its own and its description indented below.
std::string section(const Message& heading, const Entries& entries, Language language) {
    if (entries.empty()) return "";
    std::string out = "\n" + heading.text(language) + "\n";
    for (const auto& [name, description] : entries) out += "  " + name + "\n" + indented(description, "      ");
    return out;
}

}  // namespace

std::string HelpFormatter::make_help(const CLI::App* app, std::string /*name: full_name says it*/, CLI::AppFormatMode /*mode*/) const {
    std::string out = usage_line(*app, language_);
    if (!app->get_description().empty()) out += "\n" + indented(app->get_description(), "");
    Entries commands;
    Entries arguments;
    Entries options;
    for (const CLI::App* command : commands_of(*app)) commands.emplace_back(synopsis(*command), command->get_description());
    for (const CLI::Option* argument : arguments_of(*app)) arguments.emplace_back(argument->get_name(), argument->get_description());
    for (const CLI::Option* option : options_of(*app)) options.emplace_back(option_synopsis(*option), option->get_description());
    out += section(Message("commands:"_en, "命令:"_zh), commands, language_);
    out += section(Message("arguments:"_en, "参数:"_zh), arguments, language_);
    out += section(Message("options:"_en, "选项:"_zh), options, language_);
    out += "\n";
    if (!app->get_footer().empty()) out += indented(app->get_footer(), "") + "\n";
    if (is_program(*app))
        out += Message("`civitas COMMAND --help` describes a command's arguments and options.\n"_en,
                       "`civitas 命令 --help` 说明命令的参数和选项。\n"_zh)
                   .text(language_);
    out += Message("Exit status: 0 success, 1 unexpected error, 2 usage error, 3 invalid input, 4 I/O error\n"
                   "(a file or the standard output could not be written).\n"_en,
                   "退出状态: 0 成功，1 意外错误，2 用法错误，3 输入无效，4 输入输出错误（文件或标准输出无法写入）。\n"_zh)
               .text(language_);
    return out;
}

std::string usage_text(const CLI::App& app, Language language) {
    const std::string usage = usage_line(app, language);
    if (!is_program(app))
        return usage + Message("`{0} --help` describes its arguments and options.\n"_en, "`{0} --help` 说明其参数和选项。\n"_zh, {full_name(app)}).text(language);
    std::string names;
    for (const CLI::App* command : commands_of(app)) names += (names.empty() ? "" : ", ") + command->get_name();
    return usage + Message("commands: {0}; `civitas COMMAND --help` describes one.\n"_en, "命令: {0}；`civitas 命令 --help` 说明其用法。\n"_zh, {names})
                       .text(language);
}

}  // namespace civitas::cli
