#include "program.hpp"

#include "cli.hpp"
#include "help.hpp"

#include <civitas/core/error.hpp>
#include <civitas/version.hpp>

#include <algorithm>
#include <ostream>

namespace civitas::cli {

namespace {

// The name messages give an option of `names` ("-o,--output"): its long name, else the first.
std::string option_name(const std::string& names) {
    std::string first;
    for (std::size_t start = 0; start <= names.size();) {
        const std::size_t end = std::min(names.find(',', start), names.size());
        const std::string name = names.substr(start, end - start);
        if (name.rfind("--", 0) == 0) return name;
        if (first.empty()) first = name;
        start = end + 1;
    }
    return first;
}

// The name before '=' in "--format=csv".
std::string name_in(const std::string& argument) { return argument.substr(0, argument.find('=')); }

bool looks_like_an_option(const std::string& argument) { return argument.size() > 1 && argument[0] == '-'; }

// Why CLI11 refused the arguments, in civitas's words and both languages, and which command (or
// the program) the mistake is in. CLI11's own messages are English only and worded differently
// from one version to the next, so what they would name is found again in the parse's state:
// the arguments left over, the required ones still missing, the option that ran out of arguments.
std::pair<Message, const CLI::App*> refusal(const CLI::ParseError& error, const CLI::App& program, const CLI::App* command,
                                            const std::vector<std::string>& args) {
    const CLI::App& within = command != nullptr ? *command : program;
    // Arguments left over, whatever CLI11 stopped at (it checks what is missing first): an
    // unknown option tells more than the argument it may have been meant to stand before.
    for (const CLI::App* holder : {command, &program}) {
        if (holder == nullptr || holder->remaining_size() == 0) continue;
        const std::string extra = holder->remaining().front();
        // What CLI11 hands back to the program after `--` still came after the command's name.
        const CLI::App* about = holder;
        if (about == &program && command != nullptr &&
            std::find(args.begin(), args.end(), command->get_name()) < std::find(args.begin(), args.end(), extra))
            about = command;
        if (looks_like_an_option(extra)) return {Message("unknown option '{0}'"_en, "未知选项 '{0}'"_zh, {extra}), about};
        if (about == &program) return {Message("unknown command '{0}'"_en, "未知命令 '{0}'"_zh, {extra}), about};
        return {Message("unexpected argument '{0}'"_en, "多余的参数 '{0}'"_zh, {extra}), about};
    }
    if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
        for (const CLI::Option* option : within.get_options())
            if (option->get_required() && option->count() == 0)
                return {option->get_positional() ? Message("missing argument {0}"_en, "缺少参数 {0}"_zh, {option->get_name()})
                                                 : Message("missing option {0}"_en, "缺少选项 {0}"_zh, {option->get_name()}),
                        &within};
    }
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr && !args.empty()) {
        // A flag given a value (`--csv-raw=yes`) stops the parse where it stands; else an option
        // that needs a value found none: it was the last argument.
        for (const std::string& argument : args) {
            const std::size_t equals = argument.find('=');
            if (equals == std::string::npos || !looks_like_an_option(argument) || argument.substr(equals + 1) == "true") continue;
            const CLI::Option* option = within.get_option_no_throw(name_in(argument));
            if (option != nullptr && option->get_expected_max() == 0)
                return {Message("{0} takes no value"_en, "{0} 不带值"_zh, {name_in(argument)}), &within};
        }
        return {Message("{0} needs a value"_en, "{0} 需要一个值"_zh, {name_in(args.back())}), &within};
    }
    // Not met with the options Command makes; told as CLI11 tells it.
    return {Message("invalid arguments: {0}"_en, "参数无效: {0}"_zh, {error.what()}), &within};
}

const Message& language_description() {
    static const Message description(
        "the language of messages, zh or en; default the locale's (LC_ALL, LC_MESSAGES, LANG):\n"
        "Chinese when it starts with zh"_en,
        "提示信息的语言，zh 或 en；默认取区域设置（LC_ALL、LC_MESSAGES、LANG），\n"
        "以 zh 开头时为中文"_zh);
    return description;
}

}  // namespace

Command::Command(CLI::App& app, Language language) : app_(&app), language_(language) {
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    choice("--lang", language_option_, {"zh", "en"}, language_description());
}

CLI::Option* Command::argument(std::string& value, const Message& name, const Message& description) {
    return app_->add_option(name.text(language_), value, description.text(language_))->required();
}

CLI::Option* Command::option(const std::string& names, std::string& value, const Message& value_name, const Message& description) {
    return app_->add_option(names, value, description.text(language_))->type_name(value_name.text(language_));
}

CLI::Option* Command::choice(const std::string& names, std::string& value, const std::vector<std::string>& allowed,
                             const Message& description) {
    std::string listed;
    std::string alternatives;
    for (const std::string& one : allowed) {
        listed += (listed.empty() ? "" : ", ") + one;
        alternatives += (alternatives.empty() ? "" : "|") + one;
    }
    const auto read = [&value, allowed, listed, name = option_name(names)](const std::string& text) {
        if (std::find(allowed.begin(), allowed.end(), text) == allowed.end())
            throw UsageError{Message("{0} '{1}' is not one of {2}"_en, "{0} '{1}' 不在可选值之中: {2}"_zh, {name, text, listed})};
        value = text;
    };
    return app_->add_option_function<std::string>(names, read, description.text(language_))->type_name(alternatives);
}

CLI::Option* Command::date(const std::string& names, std::optional<Date>& value, const Message& description) {
    const auto read = [&value, name = option_name(names)](const std::string& text) {
        try {
            value = parse_date(text, name);
        } catch (const Error&) {
            throw UsageError{Message("{0} '{1}' is not a date; expected YYYY-MM-DD"_en, "{0} '{1}' 不是日期；应为 YYYY-MM-DD"_zh, {name, text})};
        }
    };
    return app_->add_option_function<std::string>(names, read, description.text(language_))
        ->type_name(Message("DATE"_en, "日期"_zh).text(language_));
}

CLI::Option* Command::whole_number(const std::string& names, std::optional<int>& value, int least, const Message& value_name,
                                   const Message& description) {
    const auto read = [&value, least, name = option_name(names)](const std::string& text) {
        if (text.empty() || text.size() > 6 || text.find_first_not_of("0123456789") != std::string::npos || std::stoi(text) < least)
            throw UsageError{Message("{0} '{1}' is not a whole number of {2} or more"_en, "{0} '{1}' 不是大于等于 {2} 的整数"_zh,
                                     {name, text, std::to_string(least)})};
        value = std::stoi(text);
    };
    return app_->add_option_function<std::string>(names, read, description.text(language_))->type_name(value_name.text(language_));
}

CLI::Option* Command::flag(const std::string& names, bool& value, const Message& description) {
    return app_->add_flag(names, value, description.text(language_))->disable_flag_override();
}

void Command::notes(const Message& notes) { app_->footer(notes.text(language_)); }

Program::Program(Language language, Workbooks workbooks)
    : language_(language), workbooks_(std::move(workbooks)), app_(std::make_unique<CLI::App>("", "civitas")) {
    CLI::App& app = *app_;
    app.formatter(std::make_shared<HelpFormatter>(language));
    // Set before the commands are added: they inherit these.
    app.set_help_flag("-h,--help", Message("prints this help"_en, "显示本说明"_zh).text(language));
    app.allow_windows_style_options(false);  // "/path" is a file, on Windows too
    app.require_subcommand(0, 1);            // one command; a second command's name is an argument of the first
    app.set_version_flag("--version", std::string("civitas ") + version,
                         Message("prints the version of civitas"_en, "显示 civitas 的版本"_zh).text(language));
    top_ = std::make_unique<Command>(app, language);
}

Command& Program::add(const std::string& name, const Message& summary) {
    CLI::App* app = app_->add_subcommand(name, summary.text(language_));
    app->footer("");  // not the program's
    commands_.push_back(std::make_unique<Command>(*app, language_));
    return *commands_.back();
}

Command* Program::selected() const {
    const std::vector<CLI::App*> chosen = app_->get_subcommands();
    if (chosen.empty()) return nullptr;
    for (const auto& command : commands_)
        if (&command->app() == chosen.front()) return command.get();
    return nullptr;
}

std::string Program::help(const std::string& name) const {
    const CLI::App* app = app_.get();
    for (const auto& command : commands_)
        if (command->app().get_name() == name) app = &command->app();
    if (!name.empty() && app == app_.get()) throw UsageError{Message("unknown command '{0}'"_en, "未知命令 '{0}'"_zh, {name})};
    return app_->get_formatter()->make_help(app, app == app_.get() ? app_->get_name() : app_->get_name() + " " + name,
                                            CLI::AppFormatMode::Normal);
}

int Program::refuse(const Message& message, const CLI::App& about, std::ostream& err) const {
    err << "civitas" << (&about == app_.get() ? "" : " " + about.get_name()) << ": " << message.text(language_) << "\n"
        << usage_text(about, language_);
    return usage_error;
}

int Program::run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    try {
        try {
            app_->parse(std::vector<std::string>(args.rbegin(), args.rend()));  // CLI11 takes them last first
        } catch (const CLI::CallForHelp&) {
            out << app_->help();  // the selected command's, if any
            return success;
        } catch (const CLI::CallForVersion& call) {
            out << call.what() << "\n";  // "civitas 0.1.0"
            return success;
        } catch (const CLI::ParseError& error) {
            const Command* command = selected();
            const auto [message, about] = refusal(error, *app_, command != nullptr ? &command->app() : nullptr, args);
            return refuse(message, *about, err);
        }
        Command* command = selected();
        if (command == nullptr) throw UsageError{Message("no command given"_en, "未给出命令"_zh)};
        const std::string& chosen = !command->language_option().empty() ? command->language_option() : top_->language_option();
        std::optional<Language> chosen_language;
        if (!chosen.empty()) chosen_language = chosen == "zh" ? Language::zh : Language::en;
        return command->action()(Context{out, err, language_, chosen_language, workbooks_});
    } catch (const UsageError& error) {
        const Command* command = selected();
        return refuse(error.message, command != nullptr ? command->app() : *app_, err);
    }
}

}  // namespace civitas::cli
