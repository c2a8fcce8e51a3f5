#include "cli.hpp"

#include <csignal>
#include <cstdio>
#include <iostream>

int main(int argc, char** argv) {
    // A reader that goes away (`civitas score ... | head`) is a failed write, exit code io_error,
    // not death by SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);
    std::ios::sync_with_stdio(false);
    // The standard output through a buffer that keeps why a write failed (a full disk, /dev/full):
    // run() then exits with io_error and says so.
    civitas::cli::FileOutput output(stdout);
    std::ostream out(&output);
    return civitas::cli::run(std::vector<std::string>(argv + 1, argv + argc), out, std::cerr);
}
