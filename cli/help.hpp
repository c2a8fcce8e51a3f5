#pragma once
// The help of the `civitas` program and of each of its commands, as CLI11 asks for it (--help).

#include <civitas/core/message.hpp>

#include <CLI/CLI.hpp>

#include <string>

namespace civitas::cli {

/// Writes the help from what the registration of the program and its commands says (their
/// descriptions are in the run's language already), with headings in the same language: one
/// formatter for every command, so a new command's help comes with its options. civitas's own
/// rather than CLI11's, whose words (Usage, OPTIONS, REQUIRED, "Print this help message and exit")
/// are English only and change from one CLI11 version to the next. Each option's description sits
/// on the line below its name, so no column has to be as wide as a Chinese value name.
class HelpFormatter : public CLI::FormatterBase {
public:
    /// Headings in `language`.
    explicit HelpFormatter(Language language) : language_(language) {}
    /// The help of `app` (the program, or one of its commands) called `name` ("civitas report").
    std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override;

private:
    Language language_;
};

/// How to call `app` (the program or a command), in `language`: the usage line and where to read
/// more; what follows a usage error.
[[nodiscard]] std::string usage_text(const CLI::App& app, Language language);

}  // namespace civitas::cli
