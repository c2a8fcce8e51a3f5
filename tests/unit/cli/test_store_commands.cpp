// The commands on the campaign store in process (cli/commands/history.cpp, submissions.cpp):
// the text tables they print, what they write as JSON against what the store holds, and that
// only a withdrawal writes. The program's outputs are tested in tests/cli.

#include "cli/in_process.hpp"
#include "support.hpp"

#include <cli.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace civitas {
namespace {

using test::TempFolder;

using test::Result;
using test::run;

TEST(CliTable, AlignsColumnsByDisplayWidth) {
    // A Chinese character takes two columns; numbers (and their heading) to the right; no padding
    // at a line's end.
    EXPECT_EQ(cli::text_table({"name", "n", "note"}, {{"王伟", "7", "x"}, {"Li", "12", ""}}, {false, true, false}),
              "name   n  note\n"
              "----  --  ----\n"
              "王伟   7  x\n"
              "Li    12\n");
    EXPECT_EQ(cli::text_table({"报送人", "id"}, {{"ab", "1"}}, {false, true}),
              "报送人  id\n"
              "------  --\n"
              "ab       1\n");
    // A cell cannot move the cursor or break the table: control characters are shown.
    EXPECT_EQ(cli::text_table({"a", "b"}, {{"x\ny", "\x1b[2J"}}, {false, false}),
              "a     b\n"
              "----  -------\n"
              "x\\ny  \\x1B[2J\n");
    EXPECT_EQ(cli::text_table({"a"}, {}, {false}), "a\n-\n");
}

#if CIVITAS_TEST_HAS_STORE

const char* const campaign_text = R"({
  "format": "civitas-campaign/1",
  "id": "city",
  "titles": [{"id": "garden", "framework": "lanzhou-illustrative"}],
  "units": [{"id": "city"}, {"id": "east", "parent": "city"}],
  "departments": [{"id": "gardens", "name": "市园林局"}],
  "store": "store/campaign.db"
})";

Date day(const char* iso) { return parse_date(iso, "test"); }

Submission coverage(const char* by, const char* at, double value) {
    Submission s;
    s.department = "gardens";
    s.submitted_by = by;
    s.submitted_at = day(at);
    s.file = "gardens.xlsx";
    s.period = "2026-01";
    s.observations.push_back({"east", "built_up_green_coverage", day("2026-01-31"), value, "", AssessmentMode::unspecified, std::nullopt, std::nullopt});
    return s;
}

TEST(CliStoreCommands, ReadingNeverMakesTheStore) {
    const TempFolder folder;
    const std::string campaign = folder.write("campaign.json", campaign_text).string();
    const Result listed = run({"submissions", campaign, "--lang", "en"});
    EXPECT_EQ(listed.code, cli::success) << listed.err;
    EXPECT_EQ(listed.out, "no submissions yet in the campaign store " + folder.file("store/campaign.db") + "\n");
    const Result history = run({"history", campaign, "--unit", "east", "--indicator", "built_up_green_coverage", "--format", "json"});
    EXPECT_EQ(history.code, cli::success) << history.err;
    EXPECT_EQ(history.out, "[]\n");
    // Nor does withdrawing from a store that has no submissions yet.
    const Result withdrawn = run({"submissions", campaign, "--withdraw", "1", "--by", "张敏", "--lang", "zh"});
    EXPECT_EQ(withdrawn.code, cli::invalid_input);
    EXPECT_EQ(withdrawn.err, "civitas: " + folder.file("store/campaign.db") + ": 没有编号为 1 的报送：活动数据库中尚无报送；应为其中某次报送的编号\n");
    EXPECT_FALSE(std::filesystem::exists(folder.path() / "store"));
}

TEST(CliStoreCommands, SayWhatTheStoreHoldsAndWithdraw) {
    const TempFolder folder;
    const std::filesystem::path campaign_file = folder.write("campaign.json", campaign_text);
    const std::string campaign = campaign_file.string();
    std::filesystem::create_directories(folder.path() / "store");
    {
        CampaignStore store(folder.path() / "store" / "campaign.db");
        const Campaign loaded = load_campaign(campaign_file);
        store.import_submission(loaded, coverage("王伟", "2026-02-05", 37.5));
        store.import_submission(loaded, coverage("李娜", "2026-02-10", 38.25));
    }
    const Result withdrawn = run({"submissions", campaign, "--withdraw", "2", "--by", "张敏", "--format", "json"});
    ASSERT_EQ(withdrawn.code, cli::success) << withdrawn.err;
    const nlohmann::json record = nlohmann::json::parse(withdrawn.out);
    EXPECT_EQ(record.at("id"), 2);
    EXPECT_EQ(record.at("status"), "withdrawn");
    EXPECT_EQ(record.at("withdrawn_by"), "张敏");
    // --on defaults to today.
    EXPECT_EQ(record.at("withdrawn_at"), to_iso(boost::gregorian::day_clock::local_day()));

    // What the commands print is what the store holds, withdrawal included.
    StoreOptions reading;
    reading.read_only = true;
    const CampaignStore store(folder.path() / "store" / "campaign.db", reading);
    const Result listed = run({"submissions", campaign, "--format", "json"});
    ASSERT_EQ(listed.code, cli::success) << listed.err;
    const nlohmann::json records = nlohmann::json::parse(listed.out);
    const std::vector<SubmissionRecord> held = store.submissions();
    ASSERT_EQ(records.size(), held.size());
    for (std::size_t k = 0; k < held.size(); ++k) {
        EXPECT_EQ(records[k].at("id"), held[k].id);
        EXPECT_EQ(records[k].at("submitted_by"), held[k].submitted_by);
        EXPECT_EQ(records[k].at("submitted_at"), to_iso(held[k].submitted_at));
        EXPECT_EQ(records[k].at("observations"), held[k].observations);
        EXPECT_EQ(records[k].at("status"), to_string(held[k].status));
    }
    const Result history = run({"history", campaign, "--unit", "east", "--indicator", "built_up_green_coverage", "--format", "json"});
    ASSERT_EQ(history.code, cli::success) << history.err;
    const nlohmann::json versions = nlohmann::json::parse(history.out);
    ASSERT_EQ(versions.size(), 2U);
    EXPECT_EQ(versions[0].at("value"), 37.5);
    EXPECT_EQ(versions[0].at("status"), "active");
    EXPECT_EQ(versions[1].at("value"), 38.25);
    EXPECT_EQ(versions[1].at("recorded"), "2026-02-10");
    EXPECT_EQ(versions[1].at("submitted_by"), "李娜");
    EXPECT_EQ(versions[1].at("status"), "withdrawn");
    // The table marks the withdrawn version.
    const Result table = run({"history", campaign, "--unit", "east", "--indicator", "built_up_green_coverage", "--lang", "en"});
    EXPECT_NE(table.out.find("2 versions (1 withdrawn)"), std::string::npos) << table.out;
    EXPECT_NE(table.out.find("  38.25  2026-02-10           2  gardens     李娜          gardens.xlsx  withdrawn\n"), std::string::npos) << table.out;
}

#endif

}  // namespace
}  // namespace civitas
