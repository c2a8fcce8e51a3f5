// The campaign store: imports as one transaction, versions and known_on, withdrawals, migrations,
// concurrent writers (threads and processes), failures of the database, and campaigns that name a store.

#include "support.hpp"

#include <civitas/store/campaign_store.hpp>

#include <atomic>
#include <thread>

#if CIVITAS_TEST_HAS_STORE
#include "store/detail/schema.hpp"

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace civitas {
namespace {

using test::TempFolder;

Date day(const char* iso) { return parse_date(iso, "test"); }

// The store a campaign file names: its "store" key alone, by the rules of loading.
TEST(CampaignStorePath, IsFoundBesideTheCampaignFileFromItsStoreKeyAlone) {
    const TempFolder folder;
    // Nothing else of the file is read: a campaign this small would not load.
    const std::filesystem::path file = folder.write("city/campaign.json", R"({"store": "data/./campaign.db", "titles": 3})");
    EXPECT_EQ(campaign_store_path(file), folder.path() / "city" / "data" / "campaign.db");
    EXPECT_FALSE(std::filesystem::exists(folder.path() / "city" / "data"));  // named, not made
}

TEST(CampaignStorePath, AFileNamingNoStoreIsAValidationErrorAtDollarStore) {
    const TempFolder folder;
    const std::filesystem::path file = folder.write("campaign.json", R"({"format": "civitas-campaign/1", "id": "city", "titles": []})");
    try {
        (void)campaign_store_path(file);
        FAIL() << "a store was found in a file that names none";
    } catch (const ValidationError& error) {
        EXPECT_EQ(error.path(), "$.store");
        EXPECT_EQ(error.message(Language::en), "$.store: " + file.string() + " names no campaign store; expected a \"store\" key naming its file (docs/office.md)");
        EXPECT_EQ(error.message(Language::zh), "$.store: " + file.string() + " 未指定活动数据库；应有 \"store\" 键指定其文件（见 docs/office.md）");
    }
    const std::filesystem::path list = folder.write("list.json", R"(["store"])");
    EXPECT_THROW((void)campaign_store_path(list), ValidationError);
}

TEST(CampaignStorePath, KeepsInsideTheFolderUnlessAllowed) {
    const TempFolder folder;
    const std::filesystem::path file = folder.write("city/campaign.json", R"({"store": "../elsewhere.db"})");
    try {
        (void)campaign_store_path(file);
        FAIL() << "a store outside the campaign's folder was allowed";
    } catch (const ParseError& error) {
        EXPECT_EQ(error.file(), file.string());
        EXPECT_EQ(error.location(), "$.store");
        EXPECT_NE(std::string(error.what()).find("\"../elsewhere.db\" leads out of the folder"), std::string::npos) << error.what();
    }
    ReadOptions outside;
    outside.allow_outside = true;
    EXPECT_EQ(campaign_store_path(file, outside).lexically_normal(), folder.path() / "elsewhere.db");
}

TEST(CampaignStorePath, AFileThatCannotBeReadOrAStoreThatIsNoPathIsAParseError) {
    const TempFolder folder;
    EXPECT_THROW((void)campaign_store_path(folder.path() / "missing.json"), ParseError);
    EXPECT_THROW((void)campaign_store_path(folder.write("bad.json", R"({"store": )")), ParseError);
    for (const char* text : {R"({"store": 7})", R"({"store": ""})"}) {
        try {
            (void)campaign_store_path(folder.write("campaign.json", text));
            FAIL() << text;
        } catch (const ParseError& error) {
            EXPECT_EQ(error.location(), "$.store") << text;
        }
    }
}

#if !CIVITAS_TEST_HAS_STORE

TEST(CampaignStore, WithoutSqliteSaysWhatToInstall) {
    EXPECT_FALSE(store_available());
    try {
        (void)CampaignStore("campaign.db");
        FAIL() << "opened a store without SQLite";
    } catch (const IoError& error) {
        EXPECT_NE(std::string(error.what()).find("libsqlite3-dev"), std::string::npos) << error.what();
        EXPECT_NE(error.message(Language::zh).find("libsqlite3-dev"), std::string::npos);
    }
}

#else

const char* const campaign_text = R"({
  "format": "civitas-campaign/1",
  "id": "city",
  "titles": [{"id": "garden", "name": "国家园林城市", "framework": "lanzhou-illustrative"}],
  "units": [{"id": "city"}, {"id": "east", "parent": "city"}, {"id": "west", "parent": "city"}],
  "departments": [{"id": "gardens", "name": "市园林局"}, {"id": "housing", "name": "市住建局"}],
  "plan": {
    "id": "plan",
    "tasks": [
      {"id": "parks", "start": "2026-01-05", "due": "2026-03-31"},
      {"id": "trees", "start": "2026-01-05", "due": "2026-06-30", "responsibility": {"department": "gardens"},
       "budget": [{"account": "创建专户", "amount": 500000}]}
    ],
    "problems": [
      {"id": "dust", "description": "工地扬尘", "source": "2026年1月督查", "found": "2026-01-10", "deadline": "2026-02-10"}
    ]
  },
  "store": "campaign.db"
})";

constexpr const char* coverage = "built_up_green_coverage";  // a % in [0, 100]

// A folder with campaign.json (naming the store campaign.db beside it), loaded.
class StoreFolder : public TempFolder {
public:
    StoreFolder() : campaign_file(write("campaign.json", campaign_text)), campaign(load_campaign(campaign_file)) {}
    std::filesystem::path database() const { return path() / "campaign.db"; }
    std::filesystem::path campaign_file;
    Campaign campaign;
};

Observation value(const std::string& unit, Date date, double v, const char* indicator = coverage) {
    Observation o;
    o.unit = unit;
    o.indicator = indicator;
    o.date = date;
    o.value = v;
    return o;
}

Submission submission(const char* by, Date at, std::vector<Observation> observations = {}) {
    Submission s;
    s.department = "gardens";
    s.submitted_by = by;
    s.submitted_at = at;
    s.file = "gardens-2026-02.xlsx";
    s.period = "2026-02";
    s.observations = std::move(observations);
    return s;
}

// `count` observations of a unit's coverage, one a day from 2020-01-01, values 30, 30.01, ... 39.99, 30, ...
std::vector<Observation> many(std::size_t count, const std::string& unit = "east") {
    std::vector<Observation> rows;
    for (std::size_t k = 0; k < count; ++k)
        rows.push_back(value(unit, day("2020-01-01") + boost::gregorian::days(static_cast<long>(k)), 30 + 0.01 * static_cast<double>(k % 1000)));
    return rows;
}

TEST(CampaignStore, ImportsASubmissionWithItsProvenance) {
    StoreFolder folder;
    CampaignStore store(folder.database());
    EXPECT_TRUE(store_available());
    EXPECT_EQ(store.schema_version(), store_schema_version());
    Submission s = submission("王伟", day("2026-02-05"), {value("east", day("2026-01-31"), 37.5), value("west", day("2026-01-31"), 35)});
    s.tasks.push_back({"parks", 100.0, day("2026-01-06"), day("2026-02-03"), std::nullopt});
    s.tasks.push_back({"trees", 40.0, std::nullopt, std::nullopt, std::nullopt});
    s.problems.push_back({"dust", day("2026-02-01"), "围挡已补齐", std::nullopt});
    const ImportResult result = store.import_submission(folder.campaign, s);
    EXPECT_EQ(result.submission, 1);
    EXPECT_EQ(result.observations, 2U);
    EXPECT_EQ(result.task_reports, 2U);
    EXPECT_EQ(result.problem_updates, 1U);
    ASSERT_EQ(result.new_values.size(), 2U);
    EXPECT_EQ(result.new_values[0], (ValueChange{"east", coverage, day("2026-01-31"), std::nullopt, 37.5}));
    EXPECT_TRUE(result.corrections.empty());
    EXPECT_EQ(result.tasks_finished, std::vector<std::string>{"parks"});
    EXPECT_EQ(result.problems_closed, std::vector<std::string>{"dust"});
    EXPECT_NE(to_string(result).find("2 observations (2 new, 0 corrections), 2 task reports (1 finished), 1 problem updates (1 closed)"),
              std::string::npos) << to_string(result);
    EXPECT_NE(to_string(result, Language::zh).find("观测值 2 条（新增 2 条，更正 0 条）"), std::string::npos);

    const std::vector<SubmissionRecord> records = store.submissions();
    ASSERT_EQ(records.size(), 1U);
    const SubmissionRecord& r = records[0];
    EXPECT_EQ(r.id, 1);
    EXPECT_EQ(r.department, "gardens");
    EXPECT_EQ(r.submitted_by, "王伟");
    EXPECT_EQ(r.submitted_at, day("2026-02-05"));
    EXPECT_EQ(r.file, "gardens-2026-02.xlsx");
    EXPECT_EQ(r.period, "2026-02");
    EXPECT_EQ(r.status, SubmissionStatus::active);
    EXPECT_EQ(r.observations, 2U);
    EXPECT_EQ(r.task_reports, 2U);
    EXPECT_EQ(r.problem_updates, 1U);
    EXPECT_THROW((void)store.submission(7), NotFoundError);

    // A second report of a finished task is no news; the stored records keep their report dates.
    Submission again = submission("王伟", day("2026-02-12"));
    again.tasks.push_back({"parks", 100.0, std::nullopt, std::nullopt, std::nullopt});
    EXPECT_TRUE(store.import_submission(folder.campaign, again).tasks_finished.empty());
    const std::vector<TaskReport> reports = store.task_reports();
    ASSERT_EQ(reports.size(), 3U);
    EXPECT_EQ(reports[0].reported_on, day("2026-02-05"));
    EXPECT_EQ(reports[2].reported_on, day("2026-02-12"));
}

TEST(CampaignStore, ACorrectionIsANewVersionAndKnownOnSeesTheOldValue) {
    StoreFolder folder;
    CampaignStore store(folder.database());
    (void)store.import_submission(folder.campaign, submission("王伟", day("2026-02-01"), {value("east", day("2026-01-31"), 37.5)}));
    const ImportResult fix = store.import_submission(folder.campaign, submission("李娜", day("2026-02-10"), {value("east", day("2026-01-31"), 38.2)}));
    ASSERT_EQ(fix.corrections.size(), 1U);
    EXPECT_EQ(fix.corrections[0], (ValueChange{"east", coverage, day("2026-01-31"), 37.5, 38.2}));
    EXPECT_TRUE(fix.new_values.empty());

    const std::vector<ObservationVersion> history = store.history("east", coverage);
    ASSERT_EQ(history.size(), 2U);
    EXPECT_EQ(history[0].observation.value, 37.5);
    EXPECT_EQ(history[0].submitted_by, "王伟");
    EXPECT_EQ(history[0].observation.recorded, day("2026-02-01"));
    EXPECT_EQ(history[1].observation.value, 38.2);
    EXPECT_EQ(history[1].submitted_by, "李娜");
    EXPECT_EQ(history[1].submission, 2);
    EXPECT_EQ(history[1].department, "gardens");
    EXPECT_EQ(history[1].file, "gardens-2026-02.xlsx");
    EXPECT_TRUE(store.history("west", coverage).empty());

    const ObservationStore observations = store.observations();
    EXPECT_EQ(observations.latest("east", coverage, day("2026-03-01"))->value, 38.2);
    EXPECT_EQ(observations.latest("east", coverage, day("2026-03-01"), day("2026-02-05"))->value, 37.5);
    EXPECT_FALSE(observations.latest("east", coverage, day("2026-03-01"), day("2026-01-31")).has_value());
}

TEST(CampaignStore, AnInvalidRecordLeavesNothingAndIsNamedInBothLanguages) {
    StoreFolder folder;
    CampaignStore store(folder.database());
    std::vector<Observation> rows = many(600);
    rows[499].value = 130;  // outside [0, 100]
    try {
        (void)store.import_submission(folder.campaign, submission("王伟", day("2026-02-05"), rows));
        FAIL() << "an invalid record was imported";
    } catch (const ValidationError& error) {
        const std::string english = error.what();
        EXPECT_NE(english.find("gardens-2026-02.xlsx: observations[499] (east, built_up_green_coverage, 2021-05-14)"), std::string::npos) << english;
        EXPECT_NE(english.find("130"), std::string::npos) << english;
        EXPECT_NE(english.find("bounds"), std::string::npos) << english;
        const std::string chinese = error.message(Language::zh);
        EXPECT_NE(chinese.find("observations[499]"), std::string::npos) << chinese;
        EXPECT_NE(chinese.find("超出指标的取值范围"), std::string::npos) << chinese;
    }
    EXPECT_TRUE(store.submissions().empty());
    EXPECT_TRUE(store.history("east", coverage).empty());

    // Records of every kind are checked: an unknown unit, indicator, task and problem, dates.
    const auto refused = [&](Submission s, const std::string& record) {
        try {
            (void)store.import_submission(folder.campaign, s);
            return std::string("imported");
        } catch (const ValidationError& error) {
            return std::string(error.what()).find(record) != std::string::npos ? std::string() : std::string(error.what());
        }
    };
    EXPECT_EQ(refused(submission("x", day("2026-02-05"), {value("north", day("2026-01-31"), 1)}), "observations[0] (north"), "");
    EXPECT_EQ(refused(submission("x", day("2026-02-05"), {value("east", day("2026-01-31"), 1, "no_such")}), "is not in the frameworks"), "");
    EXPECT_EQ(refused(submission("x", day("2026-02-05"), {value("east", day("2026-03-01"), 1)}), "after it became known"), "");
    Submission task = submission("x", day("2026-02-05"));
    task.tasks.push_back({"no-such-task", 50.0, std::nullopt, std::nullopt, std::nullopt});
    EXPECT_EQ(refused(task, "tasks[0]: task \"no-such-task\" is not in the campaign's plan"), "");
    task.tasks[0] = {"parks", 120.0, std::nullopt, std::nullopt, std::nullopt};
    EXPECT_EQ(refused(task, "tasks[0]: progress 120"), "");
    task.tasks[0] = {"parks", std::nullopt, day("2026-02-01"), day("2026-01-20"), std::nullopt};
    EXPECT_EQ(refused(task, "before the actual start"), "");
    Submission problem = submission("x", day("2026-02-05"));
    problem.problems.push_back({"dust", day("2026-01-02"), "", std::nullopt});
    EXPECT_EQ(refused(problem, "problems[0]: problem \"dust\": closed on 2026-01-02"), "");
    Submission department = submission("x", day("2026-02-05"));
    department.department = "police";
    EXPECT_EQ(refused(department, "submission.department"), "");
    EXPECT_TRUE(store.submissions().empty());
}

TEST(CampaignStore, APartialImportKeepsTheValidRecordsAndListsTheRejected) {
    StoreFolder folder;
    CampaignStore store(folder.database());
    Submission s = submission("王伟", day("2026-02-05"), {value("east", day("2026-01-31"), 37.5), value("west", day("2026-01-31"), -4)});
    s.tasks.push_back({"nope", 10.0, std::nullopt, std::nullopt, std::nullopt});
    const ImportResult result = store.import_submission(folder.campaign, s, ImportOptions{true});
    EXPECT_EQ(result.observations, 1U);
    EXPECT_EQ(result.task_reports, 0U);
    ASSERT_EQ(result.rejected.size(), 2U);
    EXPECT_EQ(result.rejected[0].record, "observations[1] (west, built_up_green_coverage, 2026-01-31)");
    EXPECT_NE(to_string(result.rejected[0]).find("-4"), std::string::npos);
    EXPECT_EQ(result.rejected[1].record, "tasks[0]");
    EXPECT_NE(to_string(result.rejected[1], Language::zh).find("不在本活动的工作计划中"), std::string::npos);
    EXPECT_EQ(store.submissions().at(0).observations, 1U);
}

TEST(CampaignStore, AFullDatabaseFailsTheImportAndLeavesNothing) {
    StoreFolder folder;
    (void)CampaignStore(folder.database());  // created, at its empty size
    StoreOptions small;
    small.max_bytes = static_cast<std::int64_t>(std::filesystem::file_size(folder.database())) + 64 * 1024;
    CampaignStore store(folder.database(), small);
    try {
        (void)store.import_submission(folder.campaign, submission("王伟", day("2080-01-01"), many(20000)));
        FAIL() << "20,000 rows fit in 64 KiB";
    } catch (const IoError& error) {
        EXPECT_EQ(error.file(), folder.database().string());
        EXPECT_NE(std::string(error.what()).find("full"), std::string::npos) << error.what();
        EXPECT_NE(error.message(Language::zh).find("活动数据库"), std::string::npos);
    }
    const CampaignStore again(folder.database());
    EXPECT_TRUE(again.submissions().empty());
    EXPECT_TRUE(again.history("east", coverage).empty());
    // The store still takes what fits.
    EXPECT_EQ(store.import_submission(folder.campaign, submission("王伟", day("2026-02-05"), many(10))).observations, 10U);
}

TEST(CampaignStore, AReadOnlyStoreRefusesAnImport) {
    StoreFolder folder;
    (void)CampaignStore(folder.database());
    StoreOptions read_only;
    read_only.read_only = true;
    CampaignStore store(folder.database(), read_only);
    EXPECT_THROW((void)store.import_submission(folder.campaign, submission("王伟", day("2026-02-05"), many(3))), IoError);
    EXPECT_TRUE(store.submissions().empty());
    EXPECT_THROW((void)CampaignStore(folder.path() / "missing.db", read_only), IoError);
}

// A file no writer has given its schema yet (made a moment ago by an importer in another process,
// or empty) reads as a store that holds nothing, as a campaign loaded meanwhile expects; a file
// that is some other database is still refused.
TEST(CampaignStore, AFileWithoutItsSchemaYetReadsAsEmpty) {
    StoreFolder folder;
    StoreOptions read_only;
    read_only.read_only = true;
    folder.write("campaign.db", "");
    const CampaignStore blank(folder.database(), read_only);
    EXPECT_TRUE(blank.submissions().empty());
    EXPECT_TRUE(blank.history("east", coverage).empty());
    EXPECT_EQ(blank.observations().size(), 0U);
    EXPECT_TRUE(blank.task_reports().empty());
    EXPECT_TRUE(blank.problem_updates().empty());
    EXPECT_THROW((void)blank.submission(1), NotFoundError);
    EXPECT_EQ(load_campaign(folder.campaign_file).observations().size(), 0U);
    sqlite3* other = nullptr;
    ASSERT_EQ(sqlite3_open((folder.path() / "other.db").string().c_str(), &other), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other, "CREATE TABLE notes (text TEXT)", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(other);
    EXPECT_THROW((void)CampaignStore(folder.path() / "other.db", read_only), IoError);
}

TEST(CampaignStore, AWithdrawnSubmissionIsKeptButNoLongerCounts) {
    StoreFolder folder;
    CampaignStore store(folder.database());
    (void)store.import_submission(folder.campaign, submission("王伟", day("2026-02-01"), {value("east", day("2026-01-31"), 37.5)}));
    Submission wrong = submission("李娜", day("2026-02-10"), {value("east", day("2026-01-31"), 83.7)});
    wrong.tasks.push_back({"parks", 100.0, std::nullopt, std::nullopt, std::nullopt});
    (void)store.import_submission(folder.campaign, wrong);
    store.withdraw(2, "办公室张敏", day("2026-02-11"));

    const SubmissionRecord record = store.submission(2);
    EXPECT_EQ(record.status, SubmissionStatus::withdrawn);
    EXPECT_EQ(record.withdrawn_by, "办公室张敏");
    EXPECT_EQ(record.withdrawn_at, day("2026-02-11"));
    EXPECT_EQ(record.observations, 1U);  // kept
    EXPECT_EQ(store.observations().latest("east", coverage, day("2026-03-01"))->value, 37.5);
    EXPECT_TRUE(store.task_reports().empty());
    const std::vector<ObservationVersion> history = store.history("east", coverage);
    ASSERT_EQ(history.size(), 2U);
    EXPECT_EQ(history[1].status, SubmissionStatus::withdrawn);
    // The next correction is of the value that counts.
    const ImportResult fix = store.import_submission(folder.campaign, submission("李娜", day("2026-02-12"), {value("east", day("2026-01-31"), 38.7)}));
    ASSERT_EQ(fix.corrections.size(), 1U);
    EXPECT_EQ(fix.corrections[0].old_value, 37.5);

    try {
        store.withdraw(2, "someone", day("2026-02-12"));
        FAIL() << "withdrawn twice";
    } catch (const ValidationError& error) {
        EXPECT_NE(std::string(error.what()).find("办公室张敏 on 2026-02-11"), std::string::npos) << error.what();
    }
    EXPECT_THROW(store.withdraw(99, "someone", day("2026-02-12")), NotFoundError);
}

// Runs `sql` on the database at `path` with SQLite itself.
void run_sql(const std::filesystem::path& path, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.string().c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    const int code = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    const std::string message = error != nullptr ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    ASSERT_EQ(code, SQLITE_OK) << message;
}

TEST(CampaignStore, MigratesAVersionOneDatabase) {
    StoreFolder folder;
    run_sql(folder.database(), std::string(detail::store_migrations[0]) +
                                   "INSERT INTO submissions (department, submitted_by, submitted_at, file) VALUES ('gardens', '王伟', '2025-12-05', 'old.csv');"
                                   "INSERT INTO observations (submission, unit, indicator, date, value, recorded) "
                                   "VALUES (1, 'east', 'built_up_green_coverage', '2025-11-30', 36.1, '2025-12-05');"
                                   "PRAGMA user_version = 1;");
    StoreOptions read_only;
    read_only.read_only = true;
    EXPECT_THROW((void)CampaignStore(folder.database(), read_only), IoError);  // not migrated by a reader
    CampaignStore store(folder.database());
    EXPECT_EQ(store.schema_version(), store_schema_version());
    const std::vector<ObservationVersion> history = store.history("east", coverage);
    ASSERT_EQ(history.size(), 1U);
    EXPECT_EQ(history[0].observation.value, 36.1);
    EXPECT_EQ(history[0].file, "old.csv");
    Submission s = submission("王伟", day("2026-02-05"));
    s.tasks.push_back({"trees", 20.0, std::nullopt, std::nullopt, std::nullopt});
    EXPECT_EQ(store.import_submission(folder.campaign, s).task_reports, 1U);
    EXPECT_EQ(store.task_reports().size(), 1U);
}

TEST(CampaignStore, RefusesAStoreOfANewerSchemaAndAnyChangeOfAValue) {
    StoreFolder folder;
    {
        CampaignStore store(folder.database());
        (void)store.import_submission(folder.campaign, submission("王伟", day("2026-02-05"), many(1)));
    }
    // Rows are never updated or deleted, even by hand.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(folder.database().string().c_str(), &db), SQLITE_OK);
    EXPECT_NE(sqlite3_exec(db, "UPDATE observations SET value = 1", nullptr, nullptr, nullptr), SQLITE_OK);
    EXPECT_NE(std::string(sqlite3_errmsg(db)).find("a correction is a new version"), std::string::npos);
    EXPECT_NE(sqlite3_exec(db, "DELETE FROM submissions", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    run_sql(folder.database(), "PRAGMA user_version = 99;");
    try {
        (void)CampaignStore(folder.database());
        FAIL() << "opened a store of schema 99";
    } catch (const IoError& error) {
        EXPECT_NE(std::string(error.what()).find("schema version 99"), std::string::npos) << error.what();
        EXPECT_NE(error.message(Language::zh).find("结构版本为 99"), std::string::npos);
    }
}

TEST(CampaignStore, ConcurrentImportersInThreadsAllLandWhileAReaderReads) {
    StoreFolder folder;
    (void)CampaignStore(folder.database());
    constexpr int per_writer = 25;
    std::atomic<bool> writing{true};
    std::atomic<int> reads{0};
    std::vector<std::string> failures(3);
    const auto writer = [&](int which) {
        try {
            CampaignStore store(folder.database());
            for (int k = 0; k < per_writer; ++k)
                (void)store.import_submission(folder.campaign, submission(which == 0 ? "east-writer" : "west-writer", day("2026-02-05"),
                                                                          many(200, which == 0 ? "east" : "west")));
        } catch (const std::exception& error) {
            failures[static_cast<std::size_t>(which)] = error.what();
        }
    };
    std::thread reader([&] {
        try {
            StoreOptions read_only;
            read_only.read_only = true;
            const CampaignStore store(folder.database(), read_only);
            while (writing) {
                const ObservationStore seen = store.observations();
                if (seen.size() % 200 != 0) throw std::runtime_error("saw half an import: " + std::to_string(seen.size()));
                ++reads;
            }
        } catch (const std::exception& error) {
            failures[2] = error.what();
        }
    });
    std::thread east(writer, 0), west(writer, 1);
    east.join();
    west.join();
    writing = false;
    reader.join();
    EXPECT_EQ(failures, std::vector<std::string>(3));
    EXPECT_GT(reads.load(), 0);
    const CampaignStore store(folder.database());
    EXPECT_EQ(store.submissions().size(), 2U * per_writer);
    EXPECT_EQ(store.observations().size(), 2U * per_writer * 200);
}

TEST(CampaignStore, ConcurrentImportersInTwoProcessesAllLand) {
    StoreFolder folder;
    (void)CampaignStore(folder.database());
    constexpr int per_process = 20;
    std::vector<pid_t> children;
    for (const char* unit : {"east", "west"}) {
        const pid_t child = fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            int status = 0;
            try {
                CampaignStore store(folder.database());
                for (int k = 0; k < per_process; ++k)
                    (void)store.import_submission(folder.campaign, submission(unit, day("2026-02-05"), many(100, unit)));
            } catch (...) {
                status = 1;
            }
            _exit(status);
        }
        children.push_back(child);
    }
    for (const pid_t child : children) {
        int status = 0;
        ASSERT_EQ(waitpid(child, &status, 0), child);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "an importing process failed";
    }
    const CampaignStore store(folder.database());
    EXPECT_EQ(store.submissions().size(), 2U * per_process);
    EXPECT_EQ(store.history("east", coverage).size(), per_process * 100U);
    EXPECT_EQ(store.history("west", coverage).size(), per_process * 100U);
}

TEST(CampaignStore, ACampaignThatNamesAStoreLoadsItsObservationsAndProgress) {
    StoreFolder folder;
    EXPECT_TRUE(folder.campaign.observations().empty());  // no store file yet: nothing, and none created
    EXPECT_FALSE(std::filesystem::exists(folder.database()));
    {
        CampaignStore store(folder.database());
        Submission s = submission("王伟", day("2026-02-05"), {value("east", day("2026-01-31"), 37.5)});
        s.tasks.push_back({"parks", 60.0, day("2026-01-06"), std::nullopt, std::nullopt});
        (void)store.import_submission(folder.campaign, s);
        Submission later = submission("王伟", day("2026-03-20"));
        later.tasks.push_back({"parks", std::nullopt, std::nullopt, day("2026-03-18"), std::nullopt});
        later.problems.push_back({"dust", day("2026-02-08"), "", std::nullopt});
        (void)store.import_submission(folder.campaign, later);
    }
    const Campaign campaign = load_campaign(folder.campaign_file);
    EXPECT_EQ(campaign.spec().store, "campaign.db");
    EXPECT_EQ(campaign.observations().latest("east", coverage, day("2026-02-28"))->value, 37.5);
    const Task& parks = campaign.plan()->tasks()[campaign.plan()->task_index("parks")];
    EXPECT_EQ(parks.percent_complete, 60.0);
    EXPECT_EQ(parks.actual_start, day("2026-01-06"));
    EXPECT_EQ(parks.actual_finish, day("2026-03-18"));
    EXPECT_EQ(campaign.plan()->problems()[0].closed, day("2026-02-08"));
    // As of a day before the later report, only the first applies.
    const CampaignStore store(folder.database());
    const Plan early = store.progress(*folder.campaign.plan(), day("2026-02-10"));
    EXPECT_EQ(early.tasks()[0].percent_complete, 60.0);
    EXPECT_FALSE(early.tasks()[0].actual_finish.has_value());
    EXPECT_FALSE(early.problems()[0].closed.has_value());
    // The campaign file keeps naming its store.
    EXPECT_NE(campaign_to_json(campaign).find("\"store\": \"campaign.db\""), std::string::npos);
    const Campaign again = parse_campaign(campaign_to_json(campaign), folder.campaign_file.string());
    EXPECT_EQ(again.spec().store, "campaign.db");
    EXPECT_EQ(again.plan(), campaign.plan());
}

TEST(CampaignStore, PaymentsAreImportedCheckedAndAddedToTheirTask) {
    StoreFolder folder;
    {
        CampaignStore store(folder.database());
        Submission s = submission("王伟", day("2026-02-05"));
        s.spending.push_back({"trees", day("2026-02-03"), 120000, "创建专户", "苗木采购", std::nullopt});
        s.spending.push_back({"trees", day("2026-02-04"), -20000, "创建专户", "退回", std::nullopt});
        const ImportResult result = store.import_submission(folder.campaign, s);
        EXPECT_EQ(result.spending_reports, 2U);
        EXPECT_NE(to_string(result).find("2 payments"), std::string::npos) << to_string(result);
        EXPECT_NE(to_string(result, Language::zh).find("经费支出 2 笔"), std::string::npos);
        EXPECT_EQ(store.submissions()[0].spending_reports, 2U);
        const std::vector<SpendingReport> paid = store.spending_reports();
        ASSERT_EQ(paid.size(), 2U);
        EXPECT_EQ(paid[0].reported_on, day("2026-02-05"));
        EXPECT_EQ(paid[1].note, "退回");
        Submission later = submission("王伟", day("2026-03-02"));
        later.spending.push_back({"trees", day("2026-03-01"), 50000, "创建专户", "", std::nullopt});
        (void)store.import_submission(folder.campaign, later);
        // Earlier than the second report, only the first counts.
        const Plan early = store.progress(*folder.campaign.plan(), day("2026-02-28"));
        EXPECT_EQ(early.tasks()[1].spending.size(), 2U);
    }
    // A campaign naming the store sees the payments in its plan, and the status counts them.
    const Campaign campaign = load_campaign(folder.campaign_file);
    const Task& trees = campaign.plan()->tasks()[campaign.plan()->task_index("trees")];
    ASSERT_EQ(trees.spending.size(), 3U);
    const PlanStatus now = status(*campaign.plan(), campaign.calendar(), day("2026-03-31"));
    EXPECT_DOUBLE_EQ(now.task("trees").spent, 150000);
    EXPECT_DOUBLE_EQ(now.by_account.at("创建专户").budget, 500000);
}

TEST(CampaignStore, APaymentBreakingTheEarmarkIsRefusedNamingItsRecord) {
    StoreFolder folder;
    CampaignStore store(folder.database());
    const auto refusal = [&](SpendingReport paid, Language language = Language::en) {
        Submission s = submission("王伟", day("2026-02-05"));
        s.file.clear();
        s.spending.push_back(std::move(paid));
        try {
            (void)store.import_submission(folder.campaign, s);
        } catch (const ValidationError& error) {
            return error.message(language);
        }
        return std::string("imported");
    };
    EXPECT_EQ(refusal({"trees", day("2026-02-03"), 100, "区级配套", "", std::nullopt}),
              "spending[0]: account '区级配套' is not in the budget of task \"trees\"; expected one of: account '创建专户' (earmarked: money "
              "is spent from its own line)");
    EXPECT_EQ(refusal({"trees", day("2026-02-03"), 100, "区级配套", "", std::nullopt}, Language::zh),
              "spending[0]: 账户 '区级配套' 不在任务 \"trees\" 的预算中；应为以下之一：账户 '创建专户'（专款专用）");
    EXPECT_NE(refusal({"parks", day("2026-02-03"), 100, "", "", std::nullopt}).find("task \"parks\" has no budget"), std::string::npos);
    EXPECT_NE(refusal({"trees", day("2026-02-03"), 0, "创建专户", "", std::nullopt}).find("0 yuan paid"), std::string::npos);
    EXPECT_NE(refusal({"trees", day("2026-02-09"), 100, "创建专户", "", std::nullopt}).find("paid on 2026-02-09, after the report's date 2026-02-05"),
              std::string::npos);
    EXPECT_NE(refusal({"roads", day("2026-02-03"), 100, "", "", std::nullopt}).find("task \"roads\" is not in the campaign's plan"),
              std::string::npos);
    EXPECT_EQ(refusal({"trees", Date(), 100, "创建专户", "", std::nullopt}, Language::zh), "spending[0]: 任务 \"trees\" 的支出没有日期；应填写支出日期");
    EXPECT_TRUE(store.submissions().empty());  // nothing was stored
}

TEST(CampaignStore, APaymentThePlanNoLongerAllowsFailsTheLoadNamingIt) {
    // Paid from 创建专户, then the plan drops the line: the payment is not lost, the load says why.
    StoreFolder folder;
    {
        CampaignStore store(folder.database());
        Submission s = submission("王伟", day("2026-02-05"));
        s.spending.push_back({"trees", day("2026-02-03"), 1000, "创建专户", "", std::nullopt});
        (void)store.import_submission(folder.campaign, s);
    }
    std::string text = campaign_text;
    text.replace(text.find("创建专户"), std::string("创建专户").size(), "区级配套");
    folder.write("campaign.json", text);
    try {
        (void)load_campaign(folder.campaign_file);
        FAIL() << "loaded a payment from a line the plan no longer has";
    } catch (const Error& error) {
        EXPECT_NE(std::string(error.what()).find("the payment of 1000 yuan for task \"trees\" reported on 2026-02-05 no longer fits the plan: "
                                                 "account '创建专户' is not in the budget of task \"trees\""),
                  std::string::npos) << error.what();
    }
}

TEST(CampaignStore, ARefundThePlanNoLongerCoversFailsTheLoadNamingIt) {
    // A refund of 500 against the plan's own payment of 1000; then the plan's payment is taken out.
    StoreFolder folder;
    std::string paid = campaign_text;
    const std::string line = R"("amount": 500000}])";
    paid.replace(paid.find(line), line.size(), line + R"(, "spending": [{"date": "2026-01-20", "amount": 1000, "account": "创建专户"}])");
    const Campaign with_payment = parse_campaign(paid, folder.campaign_file.string());
    {
        CampaignStore store(folder.database());
        Submission s = submission("王伟", day("2026-02-05"));
        s.spending.push_back({"trees", day("2026-02-03"), -500, "创建专户", "退回", std::nullopt});
        ASSERT_EQ(store.import_submission(with_payment, s).spending_reports, 1U);
        // The same refund against the plan without its payment is refused at import, naming the record.
        try {
            (void)store.import_submission(folder.campaign, s);
            FAIL() << "imported a refund of more than was paid";
        } catch (const ValidationError& error) {
            EXPECT_NE(std::string(error.what()).find("spending[0]: the refunds of task \"trees\" from account '创建专户' exceed what was paid by 2026-02-03"),
                      std::string::npos) << error.what();
        }
    }
    try {
        (void)load_campaign(folder.campaign_file);  // campaign_text: the plan has no payment of its own
        FAIL() << "loaded a refund the plan no longer covers";
    } catch (const Error& error) {
        EXPECT_NE(std::string(error.what()).find("the payments for task \"trees\" no longer fit the plan: the refunds of task \"trees\" from "
                                                 "account '创建专户' exceed what was paid by 2026-02-03 (-500 yuan in all)"),
                  std::string::npos) << error.what();
        EXPECT_NE(error.message(Language::zh).find("任务 \"trees\" 的支出与计划不再相符"), std::string::npos) << error.message(Language::zh);
    }
}

TEST(CampaignStore, MigratesAVersionTwoDatabaseToKeepPayments) {
    StoreFolder folder;
    run_sql(folder.database(), std::string(detail::store_migrations[0]) + detail::store_migrations[1] +
                                   "INSERT INTO submissions (department, submitted_by, submitted_at) VALUES ('gardens', '王伟', '2026-01-05');"
                                   "INSERT INTO task_reports (submission, task, percent_complete, reported_on) VALUES (1, 'trees', 10, '2026-01-05');"
                                   "PRAGMA user_version = 2;");
    CampaignStore store(folder.database());
    EXPECT_EQ(store.schema_version(), 3);
    EXPECT_EQ(store.task_reports().size(), 1U);
    EXPECT_EQ(store.submissions()[0].spending_reports, 0U);
    Submission s = submission("王伟", day("2026-02-05"));
    s.spending.push_back({"trees", day("2026-02-03"), 1000, "创建专户", "", std::nullopt});
    EXPECT_EQ(store.import_submission(folder.campaign, s).spending_reports, 1U);
    // Payments are never changed or deleted, even by hand.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(folder.database().string().c_str(), &db), SQLITE_OK);
    EXPECT_NE(sqlite3_exec(db, "UPDATE spending SET amount = 1", nullptr, nullptr, nullptr), SQLITE_OK);
    EXPECT_NE(std::string(sqlite3_errmsg(db)).find("a correction is a refund and a new payment"), std::string::npos);
    EXPECT_NE(sqlite3_exec(db, "DELETE FROM spending", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
}

TEST(CampaignStore, AStoreOutsideTheCampaignFolderIsRefused) {
    TempFolder folder;
    std::string text = campaign_text;
    text.replace(text.find("\"campaign.db\""), 13, "\"../elsewhere.db\"");
    const std::filesystem::path file = folder.write("campaign.json", text);
    try {
        (void)load_campaign(file);
        FAIL() << "a store outside the folder was opened";
    } catch (const ParseError& error) {
        EXPECT_EQ(error.location(), "$.store");
    }
}

TEST(CampaignStore, ImportsAnObservationFile) {
    StoreFolder folder;
    const std::filesystem::path csv = folder.write("east.csv", "unit,indicator,date,value\neast,built_up_green_coverage,2026-01-31,37.5\n"
                                                                "west,built_up_green_coverage,2026-01-31,35\n");
    Submission provenance = submission("王伟", day("2026-02-05"));
    provenance.file.clear();  // the file's own name
    const Submission s = read_observation_submission(csv, provenance);
    EXPECT_EQ(s.file, "east.csv");
    EXPECT_EQ(s.submitted_by, "王伟");
    ASSERT_EQ(s.observations.size(), 2U);
    CampaignStore store(folder.database());
    EXPECT_EQ(store.import_submission(folder.campaign, s).new_values.size(), 2U);
    EXPECT_EQ(store.submissions()[0].file, "east.csv");

    const std::filesystem::path bad = folder.write("bad.csv", "unit,indicator,date,value\neast,built_up_green_coverage,2026-01-31,3x\n");
    try {
        (void)read_observation_submission(bad, submission("王伟", day("2026-02-05")));
        FAIL() << "a file with an unreadable row became a submission";
    } catch (const ParseError& error) {
        EXPECT_EQ(error.file(), bad.string());
        EXPECT_NE(std::string(error.what()).find("line 2"), std::string::npos) << error.what();
        EXPECT_NE(error.message(Language::zh).find("第 2 行"), std::string::npos) << error.message(Language::zh);
    }
}

#endif

}  // namespace
}  // namespace civitas
