#pragma once
// The command line run in process (cli::run) for the CLI's tests: its exit code and what it wrote.

#include <cli.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace civitas::test {

/// What a run of the program gave.
struct Result {
    int code;         ///< the exit code
    std::string out;  ///< the standard output
    std::string err;  ///< the standard error
};

/// Runs `civitas ARGS...` in process.
inline Result run(const std::vector<std::string>& args) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = cli::run(args, out, err);
    return {code, out.str(), err.str()};
}

}  // namespace civitas::test
