#pragma once
// The commands of the `civitas` program, one file each in this folder. A command is one function
// that adds it to the program (Program::add, program.hpp) with its arguments, options and action,
// which calls the library and writes what it returns. A new command takes a file here with its
// function, a line below, a line in add_commands (commands.cpp: the order `civitas --help` lists
// them in) and one in cli/CMakeLists.txt; its tests go in tests/cli/CMakeLists.txt.

#include "program.hpp"

#include <civitas/report/format.hpp>

namespace civitas::cli {

/// `civitas validate FILE`: checks a framework file and says what it holds.
void add_validate(Program& program);
/// `civitas score FRAMEWORK DATA.csv`: scores each unit of a table against a framework.
void add_score(Program& program);
/// `civitas report CAMPAIGN`: a campaign's report as of a date.
void add_report(Program& program);
/// `civitas circular CAMPAIGN --as-of DATE`: a campaign's supervision circular on a date.
void add_circular(Program& program);
/// `civitas template CAMPAIGN --department ID -o FORM`: a department's submission form.
void add_template(Program& program);
/// `civitas import CAMPAIGN FILE`: a filled form or an observation file into the store.
void add_import(Program& program);
/// Why this program cannot write or read .xlsx forms, and what can.
[[nodiscard]] Message no_workbooks();
/// `civitas list`: the bundled frameworks, work calendars and round schemes.
void add_list(Program& program);
/// `civitas help [COMMAND]`: the same as `civitas [COMMAND] --help` (not listed in the help).
void add_help(Program& program);

/// `civitas history CAMPAIGN --unit U --indicator I`: every version of a value in the campaign store.
void add_history(Program& program);
/// `civitas submissions CAMPAIGN`: the campaign store's submissions; `--withdraw ID` withdraws one.
void add_submissions(Program& program);

/// --csv-raw, as each command writing CSV takes it: cells as they are, not guarded against formulas (csv_field).
CLI::Option* add_csv_raw(Command& command, bool& raw);
/// UsageError unless --csv-raw (`raw`) goes with --format csv.
void check_csv_raw(bool raw, const std::string& format);

/// The document format of --format, else the one -o FILE's extension names (report_format_of),
/// else text; an extension that names none is a UsageError (report, circular).
[[nodiscard]] ReportFormat document_format(const std::string& format, const std::string& output);
/// Writes a rendered document to the standard output, or to `output` whole or not at all and says so.
void write_document(const std::string& text, const std::string& output, const Context& context);

/// Adds every command to `program`, in the order `civitas --help` lists them.
void add_commands(Program& program);

}  // namespace civitas::cli
