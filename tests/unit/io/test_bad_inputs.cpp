// The hostile and careless files of tests/data/bad/ (issue 11), read from C++: each case of
// tests/data/bad/cases.json gives the error it names (type, file, place, words in English and
// Chinese) or the documented safe result. tests/python/test_bad_inputs.py reads the same
// manifest from Python and the command line.

#include <civitas/io/assessment_io.hpp>
#include <civitas/io/calendar_io.hpp>
#include <civitas/io/framework_io.hpp>
#include <civitas/io/observations_io.hpp>
#include <civitas/io/value_table.hpp>
#include "support.hpp"

#include "core/detail/utf8.hpp"

#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <fstream>
#include <set>
#include <sstream>
#include <typeinfo>

namespace civitas::test {
namespace {

using Json = nlohmann::json;

const std::filesystem::path bad_folder = std::filesystem::path(CIVITAS_TEST_DATA_DIR) / "bad";

// One entry of the manifest, and its test name ("framework_utf16le_bom_json").
struct Case {
    Json entry;
    std::string name;
};

// gtest prints a case by its name, not its bytes.
void PrintTo(const Case& c, std::ostream* out) { *out << c.name; }

std::string test_name(const Json& entry) {
    std::string name = entry.at("file").get<std::string>();
    if (entry.contains("options"))
        for (const auto& item : entry.at("options").items()) name += "_" + item.key();
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
}

std::vector<Case> load_cases() {
    std::ifstream in(bad_folder / "cases.json", std::ios::binary);
    if (!in) return {};
    const Json manifest = Json::parse(in);
    std::vector<Case> cases;
    for (const Json& entry : manifest.at("cases")) cases.push_back({entry, test_name(entry)});
    return cases;
}

ReadOptions read_options(const Json& entry) {
    ReadOptions options;
    if (!entry.contains("options")) return options;
    const Json& given = entry.at("options");
    options.allow_outside = given.value("allow_outside", false);
    if (given.contains("limits"))
        for (const auto& item : given.at("limits").items()) {
            const auto value = item.value().get<std::uint64_t>();
            Limits& limits = options.limits;
            if (item.key() == "depth") limits.depth = static_cast<std::size_t>(value);
            else if (item.key() == "json_bytes") limits.json_bytes = value;
            else if (item.key() == "csv_bytes") limits.csv_bytes = value;
            else if (item.key() == "rows") limits.rows = static_cast<std::size_t>(value);
            else if (item.key() == "columns") limits.columns = static_cast<std::size_t>(value);
            else if (item.key() == "cells") limits.cells = static_cast<std::size_t>(value);
            else if (item.key() == "text_bytes") limits.text_bytes = static_cast<std::size_t>(value);
            else ADD_FAILURE() << "unknown limit " << item.key();
        }
    return options;
}

std::string file_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// What a reader gave when it did not throw: observations kept and left out, or the units of a table.
struct Outcome {
    std::optional<ObservationLoad> observations;
    std::optional<ValueTable> table;
};

// Reads the case's file, found in `root`, with its reader, as the manifest says.
Outcome read(const Json& entry, const std::filesystem::path& root) {
    const std::string reader = entry.at("reader").get<std::string>();
    const std::filesystem::path path = root / entry.at("file").get<std::string>();
    const ReadOptions options = read_options(entry);
    const bool text = entry.contains("options") && entry.at("options").value("text", false);
    Outcome outcome;
    if (reader == "framework") {
        (void)load_framework(path, options);
    } else if (reader == "calendar") {
        (void)load_calendar(path, options);
    } else if (reader == "plan") {
        if (text) (void)parse_plan(file_text(path), "<string>", options);
        else (void)load_plan(path, options);
    } else if (reader == "campaign") {
        if (text) (void)parse_campaign(file_text(path), "<string>", options);
        else (void)load_campaign(path, options);
    } else if (reader == "inspection") {
        (void)load_field_inspection(path.string(), options);
    } else if (reader == "observations_csv" || reader == "observations_json") {
        ObservationReadOptions observation_options;
        observation_options.limits = options.limits;
        outcome.observations =
            reader == "observations_csv" ? load_observations_csv(path, observation_options) : load_observations_json(path, observation_options);
    } else if (reader == "values") {
        const std::string class_column = entry.contains("options") ? entry.at("options").value("class_column", "") : "";
        outcome.table = load_value_table(path, class_column, options);
    } else {
        ADD_FAILURE() << "unknown reader " << reader;
    }
    return outcome;
}

// The file an error should name: the case's own unless the manifest names another (an absolute
// path as it is, "<string>" for text, else relative to `root`).
std::string expected_file(const Json& entry, const std::filesystem::path& root) {
    const Json& expect = entry.at("expect");
    const std::string named = expect.contains("file") ? expect.at("file").get<std::string>() : entry.at("file").get<std::string>();
    if (named == "<string>" || (!named.empty() && named[0] == '/')) return named;
    return (root / named).string();
}

// True when `error` is exactly of the class the manifest names.
bool is_class(const Error& error, const std::string& name) {
    if (name == "LimitError") return dynamic_cast<const LimitError*>(&error) != nullptr;
    if (name == "ParseError") return dynamic_cast<const ParseError*>(&error) != nullptr && dynamic_cast<const LimitError*>(&error) == nullptr;
    if (name == "ValidationError") return dynamic_cast<const ValidationError*>(&error) != nullptr;
    if (name == "NotFoundError") return dynamic_cast<const NotFoundError*>(&error) != nullptr;
    if (name == "IoError") return dynamic_cast<const IoError*>(&error) != nullptr;
    return false;
}

// Both languages of a message: valid UTF-8, no control character, none of the `absent` words.
void expect_printable(const std::string& text, const Json& expect) {
    EXPECT_EQ(detail::invalid_utf8(text), std::string::npos) << "not UTF-8: " << text;
    EXPECT_EQ(detail::control_character(text), std::string::npos) << "a control character in: " << text;
    if (!expect.contains("absent")) return;
    for (const Json& word : expect.at("absent")) {
        EXPECT_FALSE(mentions(text, word.get<std::string>())) << "echoes " << word << ": " << text;
    }
}

void expect_error(const Json& entry, const Error& error, const std::filesystem::path& root) {
    const Json& expect = entry.at("expect");
    const std::string english = error.what(), chinese = error.message(Language::zh);
    EXPECT_TRUE(is_class(error, expect.at("error").get<std::string>()))
        << "expected " << expect.at("error") << ", got " << typeid(error).name() << ": " << english;
    const std::string location = expect.at("location").get<std::string>();
    if (const auto* parse = dynamic_cast<const ParseError*>(&error)) {
        EXPECT_EQ(parse->file(), expected_file(entry, root)) << english;
        EXPECT_EQ(parse->location(), location) << english;
        // "file: place: message", the place left out when there is none.
        const std::string head = parse->file() + ": " + (location.empty() ? "" : location + ": ");
        EXPECT_EQ(english.rfind(head, 0), 0u) << "does not start with \"" << head << "\": " << english;
    }
    EXPECT_TRUE(mentions(english, expect.at("en").get<std::string>())) << "English: " << english;
    EXPECT_NE(chinese.find(expect.at("zh").get<std::string>()), std::string::npos) << "Chinese: " << chinese;
    expect_printable(english, expect);
    expect_printable(chinese, expect);
}

void expect_result(const Json& entry, const Outcome& outcome) {
    const Json& expect = entry.at("expect");
    if (expect.contains("kept")) {
        ASSERT_TRUE(outcome.observations.has_value()) << "kept is for observation files";
        EXPECT_EQ(outcome.observations->store.size(), expect.at("kept").get<std::size_t>());
    }
    if (expect.contains("rejected")) {
        ASSERT_TRUE(outcome.observations.has_value()) << "rejected is for observation files";
        const std::vector<RejectedRow>& rejected = outcome.observations->rejected;
        const Json& rows = expect.at("rejected");
        ASSERT_EQ(rejected.size(), rows.size()) << to_string(*outcome.observations);
        for (std::size_t k = 0; k < rows.size(); ++k) {
            const RejectedRow& row = rejected[k];
            const Json& want = rows[k];
            const std::string english = to_string(row), chinese = to_string(row, Language::zh);
            EXPECT_EQ(row.line, want.value("line", std::size_t{0})) << english;
            EXPECT_EQ(row.column, want.value("column", std::size_t{0})) << english;
            EXPECT_EQ(row.path, want.value("path", std::string())) << english;
            EXPECT_TRUE(mentions(english, want.at("en").get<std::string>())) << english;
            EXPECT_NE(chinese.find(want.at("zh").get<std::string>()), std::string::npos) << chinese;
            expect_printable(english, expect);
            expect_printable(chinese, expect);
        }
    } else if (outcome.observations) {
        EXPECT_TRUE(outcome.observations->rejected.empty()) << to_string(*outcome.observations);
    }
    if (expect.contains("units")) {
        ASSERT_TRUE(outcome.table.has_value()) << "units is for value tables";
        EXPECT_EQ(outcome.table->units.size(), expect.at("units").get<std::size_t>());
    }
}

class BadInput : public ::testing::TestWithParam<Case> {};

TEST_P(BadInput, GivesItsNamedErrorOrSafeResult) {
    const Json& entry = GetParam().entry;
    if (entry.contains("known_defect")) GTEST_SKIP() << "known defect: " << entry.at("known_defect").get<std::string>();
    const bool error_expected = entry.at("expect").contains("error");
    SCOPED_TRACE(entry.at("file").get<std::string>() + ": " + entry.at("why").get<std::string>());
    // A FIFO cannot be kept in git: the case is read in a copy of its folder where one is made.
    std::optional<TempFolder> copy;
    std::filesystem::path root = bad_folder;
    if (entry.contains("make_fifo")) {
        copy.emplace();
        root = copy->path();
        const std::string file = entry.at("file").get<std::string>(), fifo = entry.at("make_fifo").get<std::string>();
        if (file != fifo) copy->write(file, file_text(bad_folder / file));
        std::filesystem::create_directories((root / fifo).parent_path());
        ASSERT_EQ(::mkfifo((root / fifo).c_str(), 0600), 0) << fifo;
    }
    try {
        const Outcome outcome = read(entry, root);
        if (error_expected) ADD_FAILURE() << "expected " << entry.at("expect").at("error") << ", nothing was thrown";
        else expect_result(entry, outcome);
    } catch (const Error& error) {
        if (error_expected) expect_error(entry, error, root);
        else ADD_FAILURE() << "expected a safe result, got: " << error.what();
    } catch (const std::exception& error) {
        ADD_FAILURE() << "a raw exception that is not a civitas::Error: " << typeid(error).name() << ": " << error.what();
    }
}

INSTANTIATE_TEST_SUITE_P(Manifest, BadInput, ::testing::ValuesIn(load_cases()),
                         [](const ::testing::TestParamInfo<Case>& param) { return param.param.name; });

TEST(BadInputManifest, HoldsTheCasesOfIssue11) {
    const std::vector<Case> cases = load_cases();
    ASSERT_FALSE(cases.empty()) << "no " << (bad_folder / "cases.json");
    std::set<std::string> names, files;
    for (const Case& c : cases) {
        EXPECT_TRUE(names.insert(c.name).second) << "two cases named " << c.name;
        const std::string name = c.entry.at("file").get<std::string>();
        if (c.entry.value("make_fifo", "") == name) continue;  // made by the test
        const std::filesystem::path file = bad_folder / name;
        EXPECT_TRUE(std::filesystem::exists(file)) << file;
        if (std::filesystem::is_regular_file(file)) files.insert(name);
    }
    EXPECT_GE(files.size(), 60u);
    // Symbolic links out of their folder, as git stores them.
    EXPECT_TRUE(std::filesystem::is_symlink(bad_folder / "campaign/links/outside-framework.json"));
    EXPECT_TRUE(std::filesystem::is_symlink(bad_folder / "plan/links/outside-plan.json"));
}

}  // namespace
}  // namespace civitas::test
