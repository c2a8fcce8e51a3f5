#pragma once
// The civitas command line, as a function so the executable and the Python package share it.

#include <iosfwd>
#include <string>
#include <vector>

namespace civitas::cli {

/// Exit codes of the command line.
enum ExitCode : int { success = 0, failure = 1, usage_error = 2, invalid_input = 3 };

/// Runs `civitas ARGS...` (without the program name), writing to `out` and `err`.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace civitas::cli
