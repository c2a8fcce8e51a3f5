#pragma once
// The `civitas` program on CLI11: its commands, each registered by a function of its own in
// commands/ (commands.hpp lists them) with its arguments, options and action; the parse; and
// usage errors in both languages, naming the command, with the command's usage.

#include "workbooks.hpp"

#include <civitas/core/message.hpp>
#include <civitas/plan/calendar.hpp>

#include <CLI/CLI.hpp>

#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace civitas::cli {

/// Where a command writes, and in which language.
struct Context {
    std::ostream& out;  ///< the standard output: what the command makes
    std::ostream& err;  ///< the standard error: what it did and what went wrong
    Language language;  ///< of messages: --lang, else the locale's
    std::optional<Language> chosen_language;  ///< --lang when it was given (a report's language)
    const Workbooks& workbooks;  ///< xlsx forms, when whoever runs the program can write and read them
};

/// A mistake in how the program was called (exit 2): `civitas COMMAND: MESSAGE`, then how to call
/// the command. Thrown by the checks of option values and by commands' actions.
struct UsageError {
    Message message;  ///< what is wrong, naming the option or argument and the value
};

/// What a command does once its arguments have parsed: the exit code (ExitCode, cli.hpp).
using Action = std::function<int(const Context&)>;

/// One command, as its function in commands/ registers it. Each method adds an argument or an
/// option to the command's CLI11 subcommand, with the words the help shows for it in the run's
/// language, and returns CLI11's option for anything more (->required(), ->excludes()). Values
/// are checked as they are read: a bad one is a UsageError in both languages, as CLI11's own
/// messages are English only. Options given twice keep the last value.
class Command {
public:
    /// A command on `app` (a CLI11 subcommand), its words in `language`; it takes --lang.
    Command(CLI::App& app, Language language);
    Command(const Command&) = delete;  // CLI11 keeps references to the values it fills in
    Command& operator=(const Command&) = delete;

    /// A positional argument the command needs, written to `value`; `name` is how the help and the
    /// messages show it (CAMPAIGN, 创建方案).
    CLI::Option* argument(std::string& value, const Message& name, const Message& description);
    /// An option with a value (`names`: "-o,--output"); `value_name` as the help shows it (FILE, 文件).
    CLI::Option* option(const std::string& names, std::string& value, const Message& value_name, const Message& description);
    /// An option whose value is one of `allowed` ("--format 'xml' is not one of text, json, csv").
    CLI::Option* choice(const std::string& names, std::string& value, const std::vector<std::string>& allowed,
                        const Message& description);
    /// A date option, YYYY-MM-DD ("--as-of '31/12/2025' is not a date; expected YYYY-MM-DD").
    CLI::Option* date(const std::string& names, std::optional<Date>& value, const Message& description);
    /// A whole number of `least` or more, at most six digits.
    CLI::Option* whole_number(const std::string& names, std::optional<int>& value, int least, const Message& value_name,
                              const Message& description);
    /// An option without a value: true when given; `--flag=yes` is a usage error.
    CLI::Option* flag(const std::string& names, bool& value, const Message& description);
    /// What the command's help says after its options: what is too long for an option's lines.
    void notes(const Message& notes);
    /// What the command does.
    void action(Action action) { action_ = std::move(action); }

    /// The CLI11 subcommand.
    [[nodiscard]] CLI::App& app() noexcept { return *app_; }
    /// The CLI11 subcommand.
    [[nodiscard]] const CLI::App& app() const noexcept { return *app_; }
    /// The action; empty until action() set it.
    [[nodiscard]] const Action& action() const noexcept { return action_; }
    /// --lang as given ("zh", "en"), or empty.
    [[nodiscard]] const std::string& language_option() const noexcept { return language_option_; }

private:
    CLI::App* app_;
    Language language_;
    Action action_;
    std::string language_option_;
};

/// The `civitas` program: the top level (--help, --version, --lang) and its commands.
class Program {
public:
    /// The program, its help and messages in `language`; xlsx forms through `workbooks`.
    explicit Program(Language language, Workbooks workbooks = {});

    /// Adds the command `civitas NAME`, which `summary` describes in one line in `civitas --help`
    /// (in the order the commands were added).
    Command& add(const std::string& name, const Message& summary);
    /// Parses `args` (without the program's name) and runs the command they name: its exit code.
    /// `--help` anywhere prints the help of the command before it; a usage error is told on `err`
    /// with the command's usage (exit 2). The library's errors are left to the caller.
    int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
    /// The help of the command `name` (the program's when empty): what `civitas NAME --help` prints;
    /// UsageError when there is no such command.
    [[nodiscard]] std::string help(const std::string& name) const;
    /// The language of help and messages.
    [[nodiscard]] Language language() const noexcept { return language_; }

private:
    // The command CLI11 has selected, or null.
    [[nodiscard]] Command* selected() const;
    // Tells `message` about `about` (the program or a command) and how to call it: exit 2.
    int refuse(const Message& message, const CLI::App& about, std::ostream& err) const;

    Language language_;
    Workbooks workbooks_;
    std::unique_ptr<CLI::App> app_;
    std::unique_ptr<Command> top_;  // the program's own options: --lang (--help and --version are CLI11's)
    std::vector<std::unique_ptr<Command>> commands_;
};

}  // namespace civitas::cli
