// Hostile input: files mutated at random (byte flips, cuts, inserted tokens) must give a
// civitas::Error or a valid framework that round-trips; never another exception or a crash
// (the sanitizer runs of CI watch for the rest). Seeds are fixed, so a failure reproduces.

#include "support.hpp"

#include <civitas/civitas.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <fstream>
#include <random>
#include <sstream>

using namespace civitas;

namespace {

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string mutate(std::string text, std::mt19937& rng) {
    static const char* const tokens[] = {"-1", "1e400", "-1e308", "null", "true", "\"\"", "[]", "{}", "1e-320",
                                         "99999999999999999999", "\"range\"", "\"tiers\"", "\"\\u0000\"", ",", "\""};
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !text.empty(); ++e) {
        const std::size_t at = rng() % text.size();
        switch (rng() % 5) {
            case 0: text[at] = static_cast<char>(rng() % 256); break;
            case 1: text.erase(at, 1 + rng() % 8); break;
            case 2: text.insert(at, 1, "{}[],:\"0-9eE.\n"[rng() % 14]); break;
            case 3: text.resize(at); break;
            default: text.insert(at, tokens[rng() % std::size(tokens)]); break;
        }
    }
    return text;
}

std::vector<std::filesystem::path> files(const std::filesystem::path& folder, const std::string& extension) {
    std::vector<std::filesystem::path> found;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        if (entry.path().extension() == extension) found.push_back(entry.path());
    std::sort(found.begin(), found.end());
    return found;
}

constexpr int mutations_per_file = 400;

}  // namespace

TEST(HostileInput, MutatedFrameworkFilesFailCleanlyOrRoundTrip) {
    auto paths = files("data/frameworks", ".json");
    const auto examples = files(std::filesystem::path(CIVITAS_TEST_DATA_DIR) / "format-examples", ".json");
    paths.insert(paths.end(), examples.begin(), examples.end());
    ASSERT_GE(paths.size(), 5u);
    std::mt19937 rng(20261128);
    int parsed = 0, rejected = 0;
    for (const auto& path : paths) {
        const std::string original = read(path);
        for (int i = 0; i < mutations_per_file; ++i) {
            const std::string text = mutate(original, rng);
            try {
                const Framework framework = parse_framework(text, "mutated.json");
                EXPECT_TRUE(parse_framework(framework_to_json(framework)) == framework) << text;
                std::map<std::string, double> values;
                for (const Indicator* indicator : framework.indicators()) values[indicator->id] = 1.0;
                try {
                    (void)framework.evaluate(values);
                } catch (const Error&) {  // a value of 1 may be invalid for a mutated indicator
                }
                ++parsed;
            } catch (const Error& error) {
                EXPECT_NE(std::string(error.what()).find("mutated.json"), std::string::npos) << error.what();
                ++rejected;
            } catch (const std::exception& error) {
                ADD_FAILURE() << "not a civitas::Error: " << error.what() << "\ninput:\n" << text.substr(0, 300);
            }
        }
    }
    EXPECT_GT(parsed, 0);    // some mutations keep a valid file: the round trip was exercised
    EXPECT_GT(rejected, 0);
}

TEST(HostileInput, MutatedValueTablesFailCleanly) {
    const auto paths = files(std::filesystem::path(CIVITAS_TEST_DATA_DIR) / "format-examples", ".csv");
    ASSERT_FALSE(paths.empty());
    std::mt19937 rng(7);
    for (const auto& path : paths) {
        const std::string original = read(path);
        for (int i = 0; i < mutations_per_file; ++i) {
            const std::string text = mutate(original, rng);
            try {
                const ValueTable table = parse_value_table(text, "mutated.csv", rng() % 2 ? "class" : "");
                EXPECT_EQ(static_cast<std::size_t>(table.values.rows()), table.units.size());
                EXPECT_EQ(static_cast<std::size_t>(table.values.cols()), table.columns.size());
            } catch (const ParseError& error) {
                EXPECT_EQ(error.file(), "mutated.csv");
            } catch (const std::exception& error) {
                ADD_FAILURE() << "not a ParseError: " << error.what() << "\ninput:\n" << text.substr(0, 300);
            }
        }
    }
}
