// Writing files (src/io/file_write.cpp) and the save_ functions on top of it: each file whole or
// not at all, keeping its mode and its symbolic links, devices written in place, several files
// committed together or put back, and the files a campaign or plan names kept in its folder.
//
// The tests run as root in CI's container too, so permission tricks are not used to make a write
// fail: the failures are ones root also gets (a target that is a folder, a path through a regular
// file, /dev/full, a file-size limit of the process, a target turned into a folder between
// staging and commit).

#include "support.hpp"

#include "io/detail/file_write.hpp"

#include <civitas/io/campaign_io.hpp>
#include <civitas/io/plan_io.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>

#ifndef _WIN32
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace civitas {
namespace {

#ifndef _WIN32

namespace fs = std::filesystem;
using detail::FileBatch;
using detail::write_file_atomically;
using test::TempFolder;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Everything under `folder`: each entry's relative path, with a regular file's bytes, a link's
// target, "<folder>" or "<special>" (a FIFO).
std::map<std::string, std::string> snapshot(const fs::path& folder) {
    std::map<std::string, std::string> entries;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        const std::string name = entry.path().lexically_relative(folder).generic_string();
        if (entry.is_symlink()) entries[name] = "-> " + fs::read_symlink(entry.path()).string();
        else if (entry.is_directory()) entries[name] = "<folder>";
        else if (entry.is_regular_file()) entries[name] = read(entry.path());
        else entries[name] = "<special>";
    }
    return entries;
}

unsigned mode_of(const fs::path& path) {
    struct stat status {};
    EXPECT_EQ(::stat(path.c_str(), &status), 0);
    return status.st_mode & 07777;
}

// The message of the IoError `write` throws, after checking the error names `file`.
template <class Write>
std::string io_error(Write write, const std::string& file) {
    try {
        write();
    } catch (const IoError& error) {
        EXPECT_EQ(error.file(), file);
        return error.what();
    }
    ADD_FAILURE() << "expected an IoError";
    return "";
}

// Files past `bytes` cannot be written by this process (write() fails with EFBIG, root too) while
// it lives; SIGXFSZ is ignored meanwhile.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        previous_signal_ = std::signal(SIGXFSZ, SIG_IGN);
        ::getrlimit(RLIMIT_FSIZE, &previous_);
        rlimit limit = previous_;
        limit.rlim_cur = bytes;
        EXPECT_EQ(::setrlimit(RLIMIT_FSIZE, &limit), 0);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &previous_);
        std::signal(SIGXFSZ, previous_signal_);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit previous_{};
    void (*previous_signal_)(int);
};

// ---------------------------------------------------------------------------------------------
// One file

TEST(FileWrite, ReplacesTheFileWholeAndKeepsItsMode) {
    const TempFolder folder;
    const fs::path file = folder.write("report.txt", "old");
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    write_file_atomically(file, "new text");
    EXPECT_EQ(read(file), "new text");
    EXPECT_EQ(mode_of(file), 0640u);
    // Nothing but the file: the temporary was renamed over it.
    EXPECT_EQ(snapshot(folder.path()), (std::map<std::string, std::string>{{"report.txt", "new text"}}));
}

TEST(FileWrite, ANewFileGetsTheModeTheUmaskAllows) {
    const TempFolder folder;
    const mode_t mask = ::umask(022);
    write_file_atomically(folder.path() / "new.json", "{}");
    ::umask(027);
    write_file_atomically(folder.path() / "private.json", "{}");
    ::umask(mask);
    EXPECT_EQ(mode_of(folder.path() / "new.json"), 0644u);
    EXPECT_EQ(mode_of(folder.path() / "private.json"), 0640u);
}

TEST(FileWrite, ASymbolicLinkStaysAndTheFileItLeadsToIsReplaced) {
    const TempFolder folder;
    const fs::path real = folder.write("data/real.txt", "old");
    fs::permissions(real, fs::perms::owner_read | fs::perms::owner_write);
    fs::create_directories(folder.path() / "links");
    fs::create_symlink("../data/real.txt", folder.path() / "links" / "report.txt");
    write_file_atomically(folder.path() / "links" / "report.txt", "new");
    EXPECT_EQ(snapshot(folder.path()), (std::map<std::string, std::string>{{"data", "<folder>"},
                                                                           {"data/real.txt", "new"},
                                                                           {"links", "<folder>"},
                                                                           {"links/report.txt", "-> ../data/real.txt"}}));
    EXPECT_EQ(mode_of(real), 0600u);
    // A link to a file not there yet makes the file, and the link stays.
    fs::create_symlink("data/later.txt", folder.path() / "later.txt");
    write_file_atomically(folder.path() / "later.txt", "made");
    EXPECT_TRUE(fs::is_symlink(folder.path() / "later.txt"));
    EXPECT_EQ(read(folder.path() / "data" / "later.txt"), "made");
}

TEST(FileWrite, AFolderIsRefused) {
    const TempFolder folder;
    fs::create_directories(folder.path() / "report.html");
    const std::string target = folder.file("report.html");
    const std::string what = io_error([&] { write_file_atomically(target, "x"); }, target);
    EXPECT_EQ(what, target + ": is a folder; expected a file");
    EXPECT_EQ(snapshot(folder.path()), (std::map<std::string, std::string>{{"report.html", "<folder>"}}));
}

TEST(FileWrite, FailuresNameTheFileAndTheSystemsReasonAndLeaveNothing) {
    const TempFolder folder;
    folder.write("plain.txt", "kept");
    const std::string through = folder.file("plain.txt/report.txt");
    EXPECT_EQ(io_error([&] { write_file_atomically(through, "x"); }, through), through + ": cannot write: Not a directory");
    const std::string missing = folder.file("no-such-folder/report.txt");
    EXPECT_EQ(io_error([&] { write_file_atomically(missing, "x"); }, missing), missing + ": cannot write: No such file or directory");
    try {
        write_file_atomically(missing, "x");
    } catch (const IoError& error) {
        EXPECT_EQ(error.message(Language::zh), missing + ": 无法写入: No such file or directory");
    }
    EXPECT_EQ(snapshot(folder.path()), (std::map<std::string, std::string>{{"plain.txt", "kept"}}));
}

TEST(FileWrite, AFailedWriteLeavesTheOldFileAndNoTemporary) {
    const TempFolder folder;
    const fs::path file = folder.write("plan.json", "old contents");
    const std::string big(4096, 'x');
    std::string what;
    {
        const FileSizeLimit limit(1024);
        what = io_error([&] { write_file_atomically(file, big); }, file.string());
    }
    EXPECT_EQ(what, file.string() + ": cannot write: File too large");
    EXPECT_EQ(snapshot(folder.path()), (std::map<std::string, std::string>{{"plan.json", "old contents"}}));
}

TEST(FileWrite, DevicesAreWrittenInPlaceNeverReplaced) {
    if (!fs::exists("/dev/null") || !fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/null or /dev/full";
    write_file_atomically("/dev/null", "into nothing");
    EXPECT_TRUE(fs::is_character_file("/dev/null"));
    EXPECT_EQ(io_error([] { write_file_atomically("/dev/full", "x"); }, "/dev/full"), "/dev/full: cannot write: No space left on device");
    EXPECT_TRUE(fs::is_character_file("/dev/full"));
}

TEST(FileWrite, AFifoIsWrittenInPlace) {
    const TempFolder folder;
    const fs::path fifo = folder.path() / "pipe";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    std::string received;
    std::thread reader([&] { received = read(fifo); });
    write_file_atomically(fifo, "through the pipe");
    reader.join();
    EXPECT_EQ(received, "through the pipe");
    EXPECT_TRUE(fs::is_fifo(fifo));
    EXPECT_EQ(snapshot(folder.path()).size(), 1u);
}

// ---------------------------------------------------------------------------------------------
// Several files

TEST(FileBatch, CommitsEveryFileInOrder) {
    const TempFolder folder;
    folder.write("a.json", "old a");
    FileBatch batch;
    batch.add(folder.path() / "a.json", "new a");
    batch.add(folder.path() / "sub" / "deeper" / "b.json", "new b", true);
    // Staged, not yet in place.
    EXPECT_EQ(read(folder.path() / "a.json"), "old a");
    EXPECT_FALSE(fs::exists(folder.path() / "sub" / "deeper" / "b.json"));
    batch.commit();
    EXPECT_EQ(snapshot(folder.path()), (std::map<std::string, std::string>{
                                           {"a.json", "new a"}, {"sub", "<folder>"}, {"sub/deeper", "<folder>"}, {"sub/deeper/b.json", "new b"}}));
}

// The temporary staged for `file` (".NAME.civitas-XXXXXXXX.tmp" beside it).
fs::path staged_for(const fs::path& file) {
    for (const auto& entry : fs::directory_iterator(file.parent_path())) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("." + file.filename().string() + ".civitas-", 0) == 0 && entry.path().extension() == ".tmp") return entry.path();
    }
    ADD_FAILURE() << "no temporary for " << file;
    return {};
}

TEST(FileBatch, AFailedRenamePutsBackTheFilesAlreadyReplaced) {
    const TempFolder folder;
    const fs::path a = folder.write("a.json", "old a");
    const fs::path c = folder.write("c.json", "old c");
    fs::permissions(a, fs::perms::owner_read | fs::perms::owner_write);
    const auto before = snapshot(folder.path());
    {
        FileBatch batch;
        batch.add(a, "new a");
        batch.add(folder.path() / "new" / "b.json", "new b", true);
        batch.add(c, "new c");
        // c's staged file disappears before the commit: its rename fails, after a and b were
        // renamed into place.
        fs::remove(staged_for(c));
        const std::string what = io_error([&] { batch.commit(); }, c.string());
        EXPECT_EQ(what, c.string() + ": cannot replace: No such file or directory");
    }
    EXPECT_EQ(snapshot(folder.path()), before);  // a put back, b and its folder gone, nothing else left
    EXPECT_EQ(mode_of(a), 0600u);
}

TEST(FileBatch, ATargetThatBecameAFolderStopsTheCommitBeforeAnyRename) {
    const TempFolder folder;
    const fs::path a = folder.write("a.json", "old a");
    const fs::path c = folder.write("c.json", "old c");
    {
        FileBatch batch;
        batch.add(a, "new a");
        batch.add(c, "new c");
        fs::remove(c);
        fs::create_directory(c);
        EXPECT_EQ(io_error([&] { batch.commit(); }, c.string()), c.string() + ": cannot keep the old file while saving: Is a directory");
    }
    EXPECT_EQ(snapshot(folder.path()), (std::map<std::string, std::string>{{"a.json", "old a"}, {"c.json", "<folder>"}}));
}

TEST(FileBatch, ABatchNotCommittedLeavesNothing) {
    const TempFolder folder;
    folder.write("a.json", "old a");
    const auto before = snapshot(folder.path());
    {
        FileBatch batch;
        batch.add(folder.path() / "a.json", "new a");
        batch.add(folder.path() / "x" / "y" / "b.json", "new b", true);
    }
    EXPECT_EQ(snapshot(folder.path()), before);
}

// ---------------------------------------------------------------------------------------------
// save_plan and save_campaign

Task task(std::string id) {
    Task t;
    t.id = std::move(id);
    t.start = parse_date("2025-03-03", "test");
    t.due = parse_date("2025-03-07", "test");
    return t;
}

// A plan with a sub-plan kept in `a` holding one kept in `b` (relative to a's folder), and one in place.
Plan plan_in_files(const std::string& a, const std::string& b) {
    PlanSpec inner;
    inner.id = "school";
    inner.file = b;
    inner.tasks = {task("s1")};
    PlanSpec district;
    district.id = "district";
    district.file = a;
    district.tasks = {task("d1")};
    district.subplans = {inner};
    PlanSpec here;
    here.id = "here";
    here.tasks = {task("h1")};
    PlanSpec spec;
    spec.id = "city";
    spec.tasks = {task("c1")};
    spec.subplans = {district, here};
    return Plan(spec);
}

TEST(Saving, SavePlanWritesEveryFileOrNone) {
    const TempFolder folder;
    const fs::path main = folder.path() / "plan.json";
    save_plan(plan_in_files("districts/a.json", "schools/b.json"), main);
    EXPECT_EQ(load_plan(main), plan_in_files("districts/a.json", "schools/b.json"));
    const auto saved = snapshot(folder.path());
    EXPECT_EQ(saved.size(), 5u);  // plan.json, districts/, districts/a.json, districts/schools/, districts/schools/b.json

    // The inner sub-plan's file is now a folder: refused while staging, and nothing changes,
    // though the others could have been written.
    fs::remove(folder.path() / "districts" / "schools" / "b.json");
    fs::create_directory(folder.path() / "districts" / "schools" / "b.json");
    const auto before = snapshot(folder.path());
    const std::string b = (folder.path() / "districts" / "schools/b.json").string();
    EXPECT_EQ(io_error([&] { save_plan(plan_in_files("districts/a.json", "schools/b.json"), main); }, b), b + ": is a folder; expected a file");
    EXPECT_EQ(snapshot(folder.path()), before);

    // A new sub-plan folder that would go through a regular file: nothing changes, no folder made.
    const std::string c = (folder.path() / "districts/a.json/b.json").string();
    EXPECT_EQ(io_error([&] { save_plan(plan_in_files("districts/a.json/c.json", "b.json"), main); }, c),
              c + ": cannot make the folder " + (folder.path() / "districts/a.json").string() + ": Not a directory");
    EXPECT_EQ(snapshot(folder.path()), before);
}

TEST(Saving, APlanFileTooLargeToWriteLeavesTheOldFiles) {
    const TempFolder folder;
    const fs::path main = folder.path() / "plan.json";
    save_plan(plan_in_files("a.json", "b.json"), main);
    const auto before = snapshot(folder.path());
    // Sub-plan files small enough, the main file not: they are staged, then it fails.
    PlanSpec spec = plan_in_files("a.json", "b.json").spec();
    spec.name = std::string(4096, 'n');
    std::string what;
    {
        const FileSizeLimit limit(2048);
        what = io_error([&] { save_plan(Plan(spec), main); }, main.string());
    }
    EXPECT_EQ(what, main.string() + ": cannot write: File too large");
    EXPECT_EQ(snapshot(folder.path()), before);
}

TEST(Saving, SubPlanFilesStayInTheirParentsFolder) {
    const TempFolder folder;
    const TempFolder elsewhere;
    fs::create_directories(folder.path() / "plans");
    const fs::path main = folder.path() / "plans" / "plan.json";
    const auto refused = [&](const Plan& plan, const std::string& where) {
        try {
            save_plan(plan, main);
            ADD_FAILURE() << "expected a ValidationError at " << where;
        } catch (const ValidationError& error) {
            EXPECT_EQ(error.path(), where);
            EXPECT_TRUE(has(error.what(), "the folder of " + folder.path().string())) << error.what();
        }
    };
    refused(plan_in_files("../a.json", "b.json"), "$.subplans[0].file");
    refused(plan_in_files("sub/../../a.json", "b.json"), "$.subplans[0].file");
    refused(plan_in_files((elsewhere.path() / "a.json").string(), "b.json"), "$.subplans[0].file");
    // A nested sub-plan's file is taken from its parent's folder and may not leave it either.
    refused(plan_in_files("districts/a.json", "../b.json"), "$.subplans[0].subplans[0].file");
    // A symbolic link in the folder that leads out of it.
    fs::create_directory_symlink(elsewhere.path(), folder.path() / "plans" / "out");
    refused(plan_in_files("out/a.json", "b.json"), "$.subplans[0].file");
    EXPECT_EQ(snapshot(folder.path()), (std::map<std::string, std::string>{{"plans", "<folder>"}, {"plans/out", "-> " + elsewhere.path().string()}}));
    EXPECT_TRUE(snapshot(elsewhere.path()).empty());
    // "sub/../a.json" stays inside; and with allow_outside the files go where they say.
    save_plan(plan_in_files("sub/../a.json", "b.json"), main);
    EXPECT_TRUE(fs::is_regular_file(folder.path() / "plans" / "a.json"));
    save_plan(plan_in_files("../a.json", "plans/out/b.json"), main, SaveOptions{true});
    EXPECT_TRUE(fs::is_regular_file(folder.path() / "a.json"));
    EXPECT_TRUE(fs::is_regular_file(elsewhere.path() / "b.json"));
}

// The Lanzhou example copied to a fresh folder: campaign.json, inspections.json, plan.json,
// plans/chengguan.json, observations.csv.
class LanzhouFolder : public TempFolder {
public:
    LanzhouFolder() {
        fs::copy(fs::path(CIVITAS_TEST_DATA_DIR) / ".." / ".." / "examples" / "lanzhou", path(), fs::copy_options::recursive);
    }
    [[nodiscard]] fs::path campaign_file() const { return path() / "campaign.json"; }
};

// `campaign` with its spec changed by `change`.
template <class Change>
Campaign changed(const Campaign& campaign, Change change) {
    CampaignSpec spec = campaign.spec();
    change(spec);
    return Campaign(spec, campaign.frameworks(), campaign.calendar(), campaign.plan(), campaign.observations());
}

TEST(Saving, SaveCampaignWritesEveryFileOrNone) {
    const LanzhouFolder folder;
    const Campaign campaign = load_campaign(folder.campaign_file());
    save_campaign(campaign, folder.campaign_file());
    const auto before = snapshot(folder.path());
    EXPECT_EQ(load_campaign(folder.campaign_file()), campaign);

    // Saved with a changed name: all five files would be rewritten, but the sub-plan file is now
    // a folder: nothing changes.
    const Campaign renamed = changed(campaign, [](CampaignSpec& spec) { spec.name += " (renamed)"; });
    fs::rename(folder.path() / "plans" / "chengguan.json", folder.path() / "chengguan.json.saved");
    fs::create_directory(folder.path() / "plans" / "chengguan.json");
    auto blocked = snapshot(folder.path());
    const std::string sub = (folder.path() / "plans/chengguan.json").string();
    EXPECT_EQ(io_error([&] { save_campaign(renamed, folder.campaign_file()); }, sub), sub + ": is a folder; expected a file");
    EXPECT_EQ(snapshot(folder.path()), blocked);

    // The campaign file too large to write (a file-size limit): the inspection, plan and
    // sub-plan files were staged, none is replaced.
    fs::remove(folder.path() / "plans" / "chengguan.json");
    fs::rename(folder.path() / "chengguan.json.saved", folder.path() / "plans" / "chengguan.json");
    EXPECT_EQ(snapshot(folder.path()), before);
    rlim_t largest = 0;
    for (const char* file : {"campaign.json", "plan.json", "inspections.json", "plans/chengguan.json"})
        largest = std::max(largest, static_cast<rlim_t>(fs::file_size(folder.path() / file)));
    std::string what;
    {
        const FileSizeLimit limit(largest + 16);
        const Campaign longer = changed(campaign, [&](CampaignSpec& spec) { spec.name += std::string(largest + 100, 'x'); });
        what = io_error([&] { save_campaign(longer, folder.campaign_file()); }, folder.campaign_file().string());
    }
    EXPECT_EQ(what, folder.campaign_file().string() + ": cannot write: File too large");
    EXPECT_EQ(snapshot(folder.path()), before);

    save_campaign(renamed, folder.campaign_file());
    EXPECT_EQ(load_campaign(folder.campaign_file()), renamed);
}

TEST(Saving, ACampaignsFilesStayInItsFolder) {
    const LanzhouFolder folder;
    const TempFolder elsewhere;
    const Campaign campaign = load_campaign(folder.campaign_file());
    const auto before = snapshot(folder.path());
    const auto refused = [&](const Campaign& c, const std::string& where) {
        try {
            save_campaign(c, folder.campaign_file());
            ADD_FAILURE() << "expected a ValidationError at " << where;
        } catch (const ValidationError& error) {
            EXPECT_EQ(error.path(), where);
            EXPECT_TRUE(has(error.what(), "the folder of " + folder.path().string())) << error.what();
        }
        EXPECT_EQ(snapshot(folder.path()), before);
        EXPECT_TRUE(snapshot(elsewhere.path()).empty());
    };
    refused(changed(campaign, [&](CampaignSpec& s) { s.plan_file = (elsewhere.path() / "plan.json").string(); }), "$.plan");
    refused(changed(campaign, [&](CampaignSpec& s) { s.plan_file = "../" + elsewhere.path().filename().string() + "/plan.json"; }), "$.plan");
    refused(changed(campaign, [&](CampaignSpec& s) { s.inspections[0].file = (elsewhere.path() / "i.json").string(); }),
            "$.inspections[0].file");
    // The plan's sub-plan file, relative to the plan file.
    PlanSpec plan = campaign.plan()->spec();
    for (PlanSpec& sub : plan.subplans)
        if (!sub.file.empty()) sub.file = "../../" + sub.file;
    const Campaign outside(campaign.spec(), campaign.frameworks(), campaign.calendar(), Plan(plan), campaign.observations());
    refused(outside, "$.subplans[0].file");
    // allow_outside writes them where they say.
    save_campaign(changed(campaign, [&](CampaignSpec& s) { s.inspections[0].file = (elsewhere.path() / "i.json").string(); }),
                  folder.campaign_file(), SaveOptions{true});
    EXPECT_TRUE(fs::is_regular_file(elsewhere.path() / "i.json"));
}

#endif

}  // namespace
}  // namespace civitas
