#pragma once
// The civitas command line, as a function so the executable and the Python package share it.

#include <civitas/core/message.hpp>
#include <civitas/io/csv.hpp>

#include "workbooks.hpp"

#include <cstdio>
#include <iosfwd>
#include <streambuf>
#include <string>
#include <vector>

namespace civitas::cli {

/// Exit codes of the command line.
enum ExitCode : int { success = 0, failure = 1, usage_error = 2, invalid_input = 3, io_error = 4 };

/// Runs `civitas ARGS...` (without the program name), writing to `out` and `err`. When `out`
/// fails (a full disk, /dev/full) the exit code is io_error and `err` says why: the reason is
/// the system's when `out` writes through a FileOutput. xlsx forms go through `workbooks`.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Workbooks& workbooks = {});

/// Tells on `err` that the standard output could not be written ("civitas: <stdout>: cannot
/// write: REASON", in the language `args` ask for) and returns io_error.
int output_failed(const std::vector<std::string>& args, const Message::Argument& reason, std::ostream& err);

/// One CSV cell, safe in a spreadsheet (the library's).
using civitas::csv_field;

/// Rows under a header as plain text for a terminal: columns two spaces apart, aligned by display
/// width (a Chinese character counts two), those `right` marks (numbers) to the right, a rule of
/// dashes under the header, control characters in cells written visibly ("\n", "\x1B").
std::string text_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                       const std::vector<bool>& right);

/// A stream buffer writing to a C stream (the standard output) that keeps the system's reason
/// (errno) of the first write or flush that failed; later output is dropped.
class FileOutput : public std::streambuf {
public:
    /// Writes to `file`, which stays open.
    explicit FileOutput(std::FILE* file) : file_(file) {}
    /// 0, or the errno of the first failure.
    [[nodiscard]] int error() const noexcept { return error_; }

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* text, std::streamsize count) override;
    int sync() override;

private:
    std::FILE* file_;
    int error_ = 0;
};

}  // namespace civitas::cli
