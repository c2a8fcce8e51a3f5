// The replay driver: runs fuzz targets over saved inputs without libFuzzer, so that the corpus
// and every past finding are tested in every build (ctest: Fuzz.replay.<target>).
//
//     civitas_fuzz_replay <target> [--avoid-known | --no-avoid-known] <file or folder>...
//
// --avoid-known makes the targets step around known bugs for the inputs after it, as the fuzz
// runs that found them did (the corpus); --no-avoid-known stops it (the regression inputs).
// Inputs listed in known-failures.txt are skipped, each with the issue that will fix it. A
// finding ends the program after the line naming its input (see fuzz_target.hpp).

#include "fuzz_target.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace civitas::fuzz {

namespace {

std::map<std::string, TargetFunction>& targets() {
    static std::map<std::string, TargetFunction> registered;
    return registered;
}

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// "target/file name" of each input known to fail today, from known-failures.txt (the text
// before '#' on each line; blank lines and comments skipped).
std::set<std::string> known_failures() {
    std::set<std::string> known;
    std::ifstream in(std::filesystem::path(CIVITAS_FUZZ_DIR) / "known-failures.txt");
    for (std::string line; std::getline(in, line);) {
        line = line.substr(0, line.find('#'));
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos) continue;
        known.insert(line.substr(first, line.find_last_not_of(" \t\r") - first + 1));
    }
    return known;
}

}  // namespace

bool register_target(const char* name, TargetFunction body) {
    targets().emplace(name, body);
    return true;
}

}  // namespace civitas::fuzz

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    using namespace civitas::fuzz;
    if (argc < 2 || targets().count(argv[1]) == 0) {
        std::fprintf(stderr, "usage: %s <target> <file or folder>...\ntargets:", argv[0]);
        for (const auto& [name, body] : targets()) std::fprintf(stderr, " %s", name.c_str());
        std::fprintf(stderr, "\n");
        return 2;
    }
    const std::string target = argv[1];
    const TargetFunction body = targets()[target];
    const std::set<std::string> known = known_failures();

    // Each input with whether the targets step around known bugs for it.
    std::vector<std::pair<fs::path, bool>> inputs;
    bool avoid = avoid_known();
    for (int i = 2; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument == "--avoid-known" || argument == "--no-avoid-known") {
            avoid = argument == "--avoid-known";
            continue;
        }
        const fs::path given(argument);
        std::vector<fs::path> found;
        if (fs::is_directory(given)) {
            for (const auto& entry : fs::recursive_directory_iterator(given))
                if (entry.is_regular_file()) found.push_back(entry.path());
        } else if (fs::is_regular_file(given)) {
            found.push_back(given);
        } else {
            std::fprintf(stderr, "%s: no such file or folder\n", argv[i]);
            return 2;
        }
        std::sort(found.begin(), found.end());
        for (fs::path& path : found) inputs.emplace_back(std::move(path), avoid);
    }

    std::size_t replayed = 0, skipped = 0;
    for (const auto& [input, avoiding] : inputs) {
        if (known.count(target + "/" + input.filename().string()) != 0) {
            std::printf("skipped (known failure, see known-failures.txt): %s\n", input.string().c_str());
            ++skipped;
            continue;
        }
        // Named before it runs: a crash or an escaping exception ends the program without a word of ours.
        std::printf("input: %s\n", input.string().c_str());
        std::fflush(stdout);
        current_input() = input.string();
        set_avoid_known(avoiding);
        body(read(input));
        ++replayed;
    }
    std::printf("%s: %zu inputs replayed without a finding, %zu known failures skipped\n", target.c_str(), replayed, skipped);
    return 0;
}
