// The campaign store on SQLite 3 (built when CMake found SQLite; else store_unavailable.cpp).

#include <civitas/core/error.hpp>
#include <civitas/store/campaign_store.hpp>

#include "core/detail/number_format.hpp"
#include "plan/detail/funds.hpp"
#include "store/detail/schema.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <set>
#include <utility>

namespace civitas {

bool store_available() noexcept { return true; }
int store_schema_version() noexcept { return static_cast<int>(detail::store_migrations.size()); }

namespace {

// SQLite's failure on `db` as an IoError naming the database file and SQLite's reason.
[[noreturn]] void fail(sqlite3* db, const std::string& file, const char* doing) {
    const std::string reason = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    throw IoError(file, Message("the campaign store failed while {0}: {1}"_en, "活动数据库在{0}时出错: {1}"_zh,
                                {doing, reason}));
}

// A prepared statement, finalized at the end of its scope; columns and parameters count from 0.
class Statement {
public:
    Statement(sqlite3* db, const std::string& file, const char* sql) : db_(db), file_(file) {
        if (sqlite3_prepare_v2(db, sql, -1, &statement_, nullptr) != SQLITE_OK) fail(db_, file_, "preparing a query");
    }
    ~Statement() { sqlite3_finalize(statement_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int at, const std::string& text) {
        check(sqlite3_bind_text(statement_, at + 1, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
        return *this;
    }
    Statement& bind(int at, double value) { check(sqlite3_bind_double(statement_, at + 1, value)); return *this; }
    Statement& bind(int at, std::int64_t value) { check(sqlite3_bind_int64(statement_, at + 1, value)); return *this; }
    Statement& bind(int at, const std::optional<Date>& date) {
        if (date) return bind(at, to_iso(*date));
        check(sqlite3_bind_null(statement_, at + 1));
        return *this;
    }
    Statement& bind(int at, const std::optional<double>& value) {
        if (value) return bind(at, *value);
        check(sqlite3_bind_null(statement_, at + 1));
        return *this;
    }
    // The next row: true while there is one.
    bool step() {
        const int code = sqlite3_step(statement_);
        if (code == SQLITE_ROW) return true;
        if (code == SQLITE_DONE) return false;
        fail(db_, file_, "reading or writing");
    }
    void reset() {
        sqlite3_reset(statement_);
        sqlite3_clear_bindings(statement_);
    }
    bool null(int at) const { return sqlite3_column_type(statement_, at) == SQLITE_NULL; }
    std::string text(int at) const {
        const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(statement_, at));
        return bytes != nullptr ? std::string(bytes, static_cast<std::size_t>(sqlite3_column_bytes(statement_, at))) : std::string();
    }
    double real(int at) const { return sqlite3_column_double(statement_, at); }
    std::int64_t integer(int at) const { return sqlite3_column_int64(statement_, at); }
    Date date(int at) const { return parse_date(text(at), file_); }
    std::optional<Date> optional_date(int at) const { return null(at) ? std::nullopt : std::optional<Date>(date(at)); }
    std::optional<double> optional_real(int at) const { return null(at) ? std::nullopt : std::optional<double>(real(at)); }

private:
    void check(int code) {
        if (code != SQLITE_OK) fail(db_, file_, "binding a value");
    }
    sqlite3* db_;
    const std::string& file_;
    sqlite3_stmt* statement_ = nullptr;
};

std::string number(double value) { return detail::format_number(value); }

}  // namespace

struct CampaignStore::Impl {
    std::filesystem::path path;
    std::string file;  // path as a string, for messages
    sqlite3* db = nullptr;
    bool blank = false;  // read-only, and no writer has committed the schema yet: a store that holds nothing
    mutable std::mutex mutex;

    ~Impl() { sqlite3_close_v2(db); }

    // Tables in the database (none in a file whose schema no one has committed yet).
    [[nodiscard]] std::int64_t table_count() const {
        Statement count(db, file, "SELECT count(*) FROM sqlite_master WHERE type = 'table'");
        count.step();
        return count.integer(0);
    }

    void execute(const char* sql, const char* doing) const {
        char* error = nullptr;
        if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
            const std::string reason = error != nullptr ? error : sqlite3_errmsg(db);
            sqlite3_free(error);
            throw IoError(file, Message("the campaign store failed while {0}: {1}"_en, "活动数据库在{0}时出错: {1}"_zh, {doing, reason}));
        }
    }
    int user_version() const {
        Statement query(db, file, "PRAGMA user_version");
        query.step();
        return static_cast<int>(query.integer(0));
    }
    // Runs `work` in one write transaction, taken at once (BEGIN IMMEDIATE) so that two writers
    // wait for each other through the busy timeout instead of failing on a lock upgrade.
    template <class Work>
    auto write(Work&& work) const {
        execute("BEGIN IMMEDIATE", "starting a transaction");
        try {
            if constexpr (std::is_void_v<decltype(work())>) {
                work();
                execute("COMMIT", "committing");
            } else {
                auto result = work();
                execute("COMMIT", "committing");
                return result;
            }
        } catch (...) {
            if (sqlite3_get_autocommit(db) == 0) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    }
    void migrate() const {
        write([&] {
            const int version = user_version();
            const int known = store_schema_version();
            if (version > known)
                throw IoError(file, Message("the campaign store has schema version {0}, newer than this civitas reads ({1}); expected a store of version {1} or older: update civitas"_en,
                                            "活动数据库的结构版本为 {0}，高于本版本 civitas 能读取的版本 ({1})；应为 {1} 或更早的版本：请更新 civitas"_zh,
                                            {std::to_string(version), std::to_string(known)}));
            for (int k = version; k < known; ++k) execute(detail::store_migrations[static_cast<std::size_t>(k)], "migrating the schema");
            if (version != known) execute(("PRAGMA user_version = " + std::to_string(known)).c_str(), "migrating the schema");
        });
    }
};

CampaignStore::CampaignStore(const std::filesystem::path& path, const StoreOptions& options) : impl_(std::make_unique<Impl>()) {
    impl_->path = path;
    impl_->file = path.string();
    const int flags = options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(impl_->file.c_str(), &impl_->db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
        fail(impl_->db, impl_->file, "opening");
    sqlite3_extended_result_codes(impl_->db, 1);
    sqlite3_busy_timeout(impl_->db, std::max(0, options.busy_timeout_ms));
    impl_->execute("PRAGMA foreign_keys = ON", "opening");
    if (!options.read_only) {
        // WAL: readers see the last commit while a writer writes; the mode is kept in the file.
        impl_->execute("PRAGMA journal_mode = WAL", "setting WAL mode");
        impl_->execute("PRAGMA synchronous = NORMAL", "opening");
        impl_->migrate();
    } else if (const int version = impl_->user_version(); version == 0 && impl_->table_count() == 0) {
        // A file another writer has just made and not yet given its schema (or an empty file): it
        // holds nothing yet, as a store not made at all.
        impl_->blank = true;
    } else if (version != store_schema_version()) {
        throw IoError(impl_->file, Message("the campaign store has schema version {0}; expected version {1} (open it for writing once to migrate it)"_en,
                                           "活动数据库的结构版本为 {0}；应为版本 {1}（以可写方式打开一次即可迁移）"_zh,
                                           {std::to_string(version), std::to_string(store_schema_version())}));
    }
    if (options.max_bytes > 0) {
        Statement size(impl_->db, impl_->file, "PRAGMA page_size");
        size.step();
        const std::int64_t pages = std::max<std::int64_t>(1, options.max_bytes / std::max<std::int64_t>(1, size.integer(0)));
        impl_->execute(("PRAGMA max_page_count = " + std::to_string(pages)).c_str(), "limiting the size");
    }
}

CampaignStore::~CampaignStore() = default;
CampaignStore::CampaignStore(CampaignStore&&) noexcept = default;
CampaignStore& CampaignStore::operator=(CampaignStore&&) noexcept = default;

const std::filesystem::path& CampaignStore::path() const noexcept { return impl_->path; }

int CampaignStore::schema_version() const {
    const std::lock_guard lock(impl_->mutex);
    return impl_->user_version();
}

namespace {

// What a submission's records are checked against: the campaign's ids, indicators and plan.
struct Known {
    explicit Known(const Campaign& campaign) {
        for (const CampaignUnit& unit : campaign.spec().units) units.insert(unit.id);
        for (const Department& department : campaign.spec().departments) departments.insert(department.id);
        for (const auto& [title, framework] : campaign.frameworks())
            for (const std::string& id : framework.indicator_ids()) indicators.emplace(id, &framework.indicator(id));
    }
    std::set<std::string> units, departments;
    std::map<std::string, const Indicator*> indicators;  // the first title's, when several share an id
};

std::optional<Message> check_observation(const Known& known, const Observation& o, Date submitted_at) {
    if (!known.units.count(o.unit))
        return Message("unit \"{0}\" is not a unit of the campaign; expected one of its units' ids"_en,
                       "单位 \"{0}\" 不是本活动的单位；应为活动中单位的 id"_zh, {o.unit});
    const auto indicator = known.indicators.find(o.indicator);
    if (indicator == known.indicators.end())
        return Message("indicator \"{0}\" is not in the frameworks of the campaign's titles; expected one of their indicator ids"_en,
                       "指标 \"{0}\" 不在本活动各称号的指标体系中；应为其中的指标 id"_zh, {o.indicator});
    if (o.date.is_special()) return Message("the date is missing; expected a day (YYYY-MM-DD)"_en, "缺少日期；应为日期 (YYYY-MM-DD)"_zh);
    if (!std::isfinite(o.value))
        return Message("{0} of {1} is not a number; expected a finite value"_en, "{1} 的值 {0} 不是数字；应为有限数值"_zh,
                       {number(o.value), o.indicator});
    if (const auto& bounds = indicator->second->bounds; bounds && !bounds->contains(o.value))
        return Message("{0} of {1} on {2} is outside the indicator's bounds {3}; expected a value within them"_en,
                       "{2} 的 {1} 值 {0} 超出指标的取值范围 {3}；应在范围之内"_zh,
                       {number(o.value), o.indicator, to_iso(o.date), to_string(*bounds)});
    if (o.sample_size && *o.sample_size < 1)
        return Message("sample size {0} is below 1; expected at least 1"_en, "样本量 {0} 小于 1；应至少为 1"_zh,
                       {std::to_string(*o.sample_size)});
    const Date recorded = o.recorded.value_or(submitted_at);
    if (recorded.is_special() || recorded < o.date)
        return Message("the value of {0} is dated {1}, after it became known ({2}); expected a date on or before the submission's"_en,
                       "{0} 的数值日期为 {1}，晚于其得知日期 ({2})；日期应不晚于报送日期"_zh,
                       {o.indicator, to_iso(o.date), recorded.is_special() ? std::string("?") : to_iso(recorded)});
    return std::nullopt;
}

std::optional<Message> check_task(const Campaign& campaign, const TaskReport& report, Date reported_on) {
    if (!campaign.plan())
        return Message("task \"{0}\": the campaign has no plan; expected task reports only for a campaign with a plan"_en,
                       "任务 \"{0}\"：本活动没有工作计划；只有有计划的活动才能报送任务进度"_zh, {report.task});
    std::size_t index = 0;
    try {
        index = campaign.plan()->task_index(report.task);
    } catch (const NotFoundError&) {
        return Message("task \"{0}\" is not in the campaign's plan; expected a task id of its plan"_en,
                       "任务 \"{0}\" 不在本活动的工作计划中；应为计划中的任务 id"_zh, {report.task});
    }
    const Task& task = campaign.plan()->tasks()[index];
    if (!report.percent_complete && !report.actual_start && !report.actual_finish)
        return Message("the report on task \"{0}\" says nothing; expected a percent complete or an actual date"_en,
                       "任务 \"{0}\" 的报告没有内容；应有完成百分比或实际日期"_zh, {report.task});
    if (report.percent_complete && !(*report.percent_complete >= 0 && *report.percent_complete <= 100))
        return Message("progress {0} of task \"{1}\" is outside [0, 100]; expected a percentage"_en,
                       "任务 \"{1}\" 的进度 {0} 超出 [0, 100]；应为百分比"_zh, {number(*report.percent_complete), report.task});
    for (const auto& date : {report.actual_start, report.actual_finish})
        if (date && (date->is_special() || *date > reported_on))
            return Message("task \"{0}\": the actual date {1} is after the report's date {2}; expected a day on or before it"_en,
                           "任务 \"{0}\"：实际日期 {1} 晚于报告日期 {2}；应不晚于报告日期"_zh,
                           {report.task, date->is_special() ? std::string("?") : to_iso(*date), to_iso(reported_on)});
    const std::optional<Date> start = report.actual_start ? report.actual_start : task.actual_start;
    if (report.actual_finish && start && *report.actual_finish < *start)
        return Message("task \"{0}\": the actual finish {1} is before the actual start {2}; expected a finish on or after the start"_en,
                       "任务 \"{0}\"：实际完成日期 {1} 早于实际开始日期 {2}；完成应不早于开始"_zh,
                       {report.task, to_iso(*report.actual_finish), to_iso(*start)});
    return std::nullopt;
}

std::optional<Message> check_problem(const Campaign& campaign, const ProblemUpdate& update, Date reported_on) {
    const Problem* problem = nullptr;
    if (campaign.plan())
        for (const Problem& p : campaign.plan()->problems())
            if (p.id == update.problem) problem = &p;
    if (problem == nullptr)
        return Message("problem \"{0}\" is not in the campaign's plan; expected a problem id of its plan"_en,
                       "问题 \"{0}\" 不在本活动的工作计划中；应为计划中的问题 id"_zh, {update.problem});
    if (!update.closed && update.note.empty())
        return Message("the update on problem \"{0}\" says nothing; expected a closing date or a note"_en,
                       "问题 \"{0}\" 的整改情况没有内容；应有销号日期或进展说明"_zh, {update.problem});
    if (update.closed && (update.closed->is_special() || *update.closed < problem->found || *update.closed > reported_on))
        return Message("problem \"{0}\": closed on {1}, expected a day between when it was found ({2}) and the report's date ({3})"_en,
                       "问题 \"{0}\"：销号日期 {1} 有误，应在发现日期 ({2}) 与报告日期 ({3}) 之间"_zh,
                       {update.problem, update.closed->is_special() ? std::string("?") : to_iso(*update.closed), to_iso(problem->found),
                        to_iso(reported_on)});
    return std::nullopt;
}

// A task as the store's messages name it: task "trees".
Message task_quoted(const std::string& id) { return Message("task \"{0}\""_en, "任务 \"{0}\""_zh, {id}); }

// A payment against the plan's task as it stands with the payments before it (`task`: the plan's,
// with the store's and this submission's earlier payments), which it joins when it passes.
std::optional<Message> check_spending(Task& task, const SpendingReport& report, Date reported_on) {
    const Message owner = task_quoted(report.task);
    if (report.date.is_special())
        return Message("the payment for task \"{0}\" has no date; expected the day it was paid"_en,
                       "任务 \"{0}\" 的支出没有日期；应填写支出日期"_zh, {report.task});
    if (report.date > reported_on)
        return Message("task \"{0}\": paid on {1}, after the report's date {2}; expected a day on or before it"_en,
                       "任务 \"{0}\"：支出日期 {1} 晚于报告日期 {2}；应不晚于报告日期"_zh,
                       {report.task, to_iso(report.date), to_iso(reported_on)});
    task.spending.push_back({report.date, report.amount, report.account, report.note});
    auto fault = detail::added_payment_fault(task, owner);
    if (!fault) return std::nullopt;
    task.spending.pop_back();
    return std::move(fault->message);
}

// The plan's task a record names, or why there is none (the same words as for task reports).
std::optional<Message> unknown_task(const Campaign& campaign, const std::string& id) {
    if (!campaign.plan())
        return Message("task \"{0}\": the campaign has no plan; expected payments only for a campaign with a plan"_en,
                       "任务 \"{0}\"：本活动没有工作计划；只有有计划的活动才能报送经费支出"_zh, {id});
    try {
        (void)campaign.plan()->task_index(id);
    } catch (const NotFoundError&) {
        return Message("task \"{0}\" is not in the campaign's plan; expected a task id of its plan"_en,
                       "任务 \"{0}\" 不在本活动的工作计划中；应为计划中的任务 id"_zh, {id});
    }
    return std::nullopt;
}

// "observations[3] (east, coverage, 2025-06-30)": the record and what it is about.
std::string observation_record(std::size_t k, const Observation& o) {
    return "observations[" + std::to_string(k) + "] (" + o.unit + ", " + o.indicator + ", " +
           (o.date.is_special() ? std::string("?") : to_iso(o.date)) + ")";
}

}  // namespace

ImportResult CampaignStore::import_submission(const Campaign& campaign, const Submission& submission, const ImportOptions& options) {
    if (submission.submitted_at.is_special())
        throw ValidationError("submission.submitted_at", Message("the submission's day is missing; expected a day (YYYY-MM-DD)"_en,
                                                                  "缺少报送日期；应为日期 (YYYY-MM-DD)"_zh));
    const Known known(campaign);
    if (!submission.department.empty() && !known.departments.count(submission.department))
        throw ValidationError("submission.department", Message("department \"{0}\" is not a department of the campaign; expected one of its departments' ids"_en,
                                                               "部门 \"{0}\" 不是本活动的部门；应为活动中部门的 id"_zh, {submission.department}));
    if (!submission.unit.empty() && !known.units.count(submission.unit))
        throw ValidationError("submission.unit", Message("unit \"{0}\" is not a unit of the campaign; expected one of its units' ids"_en,
                                                         "单位 \"{0}\" 不是本活动的单位；应为活动中单位的 id"_zh, {submission.unit}));

    // Every record is checked before anything is written.
    ImportResult result;
    std::vector<bool> keep_observation(submission.observations.size()), keep_task(submission.tasks.size()),
        keep_problem(submission.problems.size()), keep_spending(submission.spending.size());
    const auto reject = [&](const std::string& record, Message message) {
        if (!options.partial) {
            const std::string where = submission.file.empty() ? record : submission.file + ": " + record;
            throw ValidationError(where, std::move(message));
        }
        result.rejected.push_back({record, std::move(message)});
    };
    for (std::size_t k = 0; k < submission.observations.size(); ++k) {
        if (auto problem = check_observation(known, submission.observations[k], submission.submitted_at))
            reject(observation_record(k, submission.observations[k]), std::move(*problem));
        else
            keep_observation[k] = true;
    }
    for (std::size_t k = 0; k < submission.tasks.size(); ++k) {
        if (auto problem = check_task(campaign, submission.tasks[k], submission.tasks[k].reported_on.value_or(submission.submitted_at)))
            reject("tasks[" + std::to_string(k) + "]", std::move(*problem));
        else
            keep_task[k] = true;
    }
    for (std::size_t k = 0; k < submission.problems.size(); ++k) {
        if (auto problem = check_problem(campaign, submission.problems[k], submission.problems[k].reported_on.value_or(submission.submitted_at)))
            reject("problems[" + std::to_string(k) + "]", std::move(*problem));
        else
            keep_problem[k] = true;
    }
    std::map<std::string, Task> paid_tasks;  // the tasks paid for, with the payments checked so far
    for (std::size_t k = 0; k < submission.spending.size(); ++k) {
        const SpendingReport& paid = submission.spending[k];
        std::optional<Message> problem = unknown_task(campaign, paid.task);
        if (!problem) {
            const auto task = paid_tasks.try_emplace(paid.task, campaign.plan()->tasks()[campaign.plan()->task_index(paid.task)]).first;
            problem = check_spending(task->second, paid, paid.reported_on.value_or(submission.submitted_at));
        }
        if (problem)
            reject("spending[" + std::to_string(k) + "]", std::move(*problem));
        else
            keep_spending[k] = true;
    }

    const std::lock_guard lock(impl_->mutex);
    sqlite3* db = impl_->db;
    const std::string& file = impl_->file;
    return impl_->write([&] {
        Statement insert(db, file, "INSERT INTO submissions (department, unit, submitted_by, submitted_at, file, period) VALUES (?, ?, ?, ?, ?, ?)");
        insert.bind(0, submission.department).bind(1, submission.unit).bind(2, submission.submitted_by)
            .bind(3, to_iso(submission.submitted_at)).bind(4, submission.file).bind(5, submission.period);
        insert.step();
        result.submission = sqlite3_last_insert_rowid(db);

        Statement current(db, file,
                          "SELECT o.value FROM observations o JOIN submissions s ON s.id = o.submission "
                          "WHERE s.status = 'active' AND o.unit = ? AND o.indicator = ? AND o.date = ? "
                          "ORDER BY o.recorded DESC, o.submission DESC, o.id DESC LIMIT 1");
        Statement add(db, file,
                      "INSERT INTO observations (submission, unit, indicator, date, value, source, mode, sample_size, recorded) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        for (std::size_t k = 0; k < submission.observations.size(); ++k) {
            if (!keep_observation[k]) continue;
            const Observation& o = submission.observations[k];
            current.reset();
            current.bind(0, o.unit).bind(1, o.indicator).bind(2, to_iso(o.date));
            const std::optional<double> old = current.step() ? std::optional<double>(current.real(0)) : std::nullopt;
            add.reset();
            add.bind(0, result.submission).bind(1, o.unit).bind(2, o.indicator).bind(3, to_iso(o.date)).bind(4, o.value)
                .bind(5, o.source).bind(6, std::string(to_string(o.mode))).bind(8, to_iso(o.recorded.value_or(submission.submitted_at)));
            if (o.sample_size) add.bind(7, static_cast<std::int64_t>(*o.sample_size));
            add.step();
            ++result.observations;
            if (!old)
                result.new_values.push_back({o.unit, o.indicator, o.date, std::nullopt, o.value});
            else if (*old != o.value)
                result.corrections.push_back({o.unit, o.indicator, o.date, old, o.value});
        }

        Statement was_finished(db, file,
                               "SELECT 1 FROM task_reports t JOIN submissions s ON s.id = t.submission "
                               "WHERE s.status = 'active' AND t.task = ? AND (t.actual_finish IS NOT NULL OR t.percent_complete >= 100) LIMIT 1");
        Statement report(db, file,
                         "INSERT INTO task_reports (submission, task, percent_complete, actual_start, actual_finish, reported_on) VALUES (?, ?, ?, ?, ?, ?)");
        for (std::size_t k = 0; k < submission.tasks.size(); ++k) {
            if (!keep_task[k]) continue;
            const TaskReport& t = submission.tasks[k];
            was_finished.reset();
            was_finished.bind(0, t.task);
            const bool before = was_finished.step();
            report.reset();
            report.bind(0, result.submission).bind(1, t.task).bind(2, t.percent_complete).bind(3, t.actual_start)
                .bind(4, t.actual_finish).bind(5, to_iso(t.reported_on.value_or(submission.submitted_at)));
            report.step();
            ++result.task_reports;
            const bool finished = t.actual_finish || (t.percent_complete && *t.percent_complete >= 100);
            if (finished && !before) result.tasks_finished.push_back(t.task);
        }

        Statement was_closed(db, file,
                             "SELECT 1 FROM problem_updates p JOIN submissions s ON s.id = p.submission "
                             "WHERE s.status = 'active' AND p.problem = ? AND p.closed IS NOT NULL LIMIT 1");
        Statement update(db, file, "INSERT INTO problem_updates (submission, problem, closed, note, reported_on) VALUES (?, ?, ?, ?, ?)");
        for (std::size_t k = 0; k < submission.problems.size(); ++k) {
            if (!keep_problem[k]) continue;
            const ProblemUpdate& p = submission.problems[k];
            was_closed.reset();
            was_closed.bind(0, p.problem);
            const bool before = was_closed.step();
            update.reset();
            update.bind(0, result.submission).bind(1, p.problem).bind(2, p.closed).bind(3, p.note)
                .bind(4, to_iso(p.reported_on.value_or(submission.submitted_at)));
            update.step();
            ++result.problem_updates;
            if (p.closed && !before) result.problems_closed.push_back(p.problem);
        }

        Statement pay(db, file, "INSERT INTO spending (submission, task, date, amount, account, note, reported_on) VALUES (?, ?, ?, ?, ?, ?, ?)");
        for (std::size_t k = 0; k < submission.spending.size(); ++k) {
            if (!keep_spending[k]) continue;
            const SpendingReport& s = submission.spending[k];
            pay.reset();
            pay.bind(0, result.submission).bind(1, s.task).bind(2, to_iso(s.date)).bind(3, s.amount).bind(4, s.account).bind(5, s.note)
                .bind(6, to_iso(s.reported_on.value_or(submission.submitted_at)));
            pay.step();
            ++result.spending_reports;
        }
        return result;
    });
}

namespace {

constexpr const char* submission_columns =
    "SELECT id, department, unit, submitted_by, submitted_at, file, period, status, withdrawn_by, withdrawn_at, "
    "(SELECT COUNT(*) FROM observations WHERE submission = s.id), (SELECT COUNT(*) FROM task_reports WHERE submission = s.id), "
    "(SELECT COUNT(*) FROM problem_updates WHERE submission = s.id), (SELECT COUNT(*) FROM spending WHERE submission = s.id) "
    "FROM submissions s ";

SubmissionRecord submission_of(const Statement& row) {
    SubmissionRecord r;
    r.id = row.integer(0);
    r.department = row.text(1);
    r.unit = row.text(2);
    r.submitted_by = row.text(3);
    r.submitted_at = row.date(4);
    r.file = row.text(5);
    r.period = row.text(6);
    r.status = row.text(7) == "withdrawn" ? SubmissionStatus::withdrawn : SubmissionStatus::active;
    r.withdrawn_by = row.text(8);
    r.withdrawn_at = row.optional_date(9);
    r.observations = static_cast<std::size_t>(row.integer(10));
    r.task_reports = static_cast<std::size_t>(row.integer(11));
    r.problem_updates = static_cast<std::size_t>(row.integer(12));
    r.spending_reports = static_cast<std::size_t>(row.integer(13));
    return r;
}

}  // namespace

std::vector<SubmissionRecord> CampaignStore::submissions() const {
    const std::lock_guard lock(impl_->mutex);
    if (impl_->blank) return {};
    Statement query(impl_->db, impl_->file, (std::string(submission_columns) + "ORDER BY id").c_str());
    std::vector<SubmissionRecord> records;
    while (query.step()) records.push_back(submission_of(query));
    return records;
}

SubmissionRecord CampaignStore::submission(std::int64_t id) const {
    const std::lock_guard lock(impl_->mutex);
    std::optional<Statement> query;
    if (!impl_->blank) {
        query.emplace(impl_->db, impl_->file, (std::string(submission_columns) + "WHERE id = ?").c_str());
        query->bind(0, id);
    }
    if (!query || !query->step())
        throw NotFoundError(Message("{0}: there is no submission {1}; expected the id of a submission of the store"_en,
                                    "{0}：没有编号为 {1} 的报送；应为数据库中报送的编号"_zh, {impl_->file, std::to_string(id)}));
    return submission_of(*query);
}

void CampaignStore::withdraw(std::int64_t id, const std::string& by, Date on) {
    if (on.is_special())
        throw ValidationError("withdraw.on", Message("the day of withdrawal is missing; expected a day (YYYY-MM-DD)"_en,
                                                     "缺少撤回日期；应为日期 (YYYY-MM-DD)"_zh));
    const SubmissionRecord record = submission(id);
    if (record.status == SubmissionStatus::withdrawn)
        throw ValidationError("withdraw.id", Message("submission {0} was withdrawn already, by {1} on {2}; expected an active submission"_en,
                                                     "报送 {0} 已于 {2} 由 {1} 撤回；应为有效的报送"_zh,
                                                     {std::to_string(id), record.withdrawn_by, to_iso(*record.withdrawn_at)}));
    const std::lock_guard lock(impl_->mutex);
    impl_->write([&] {
        Statement update(impl_->db, impl_->file,
                         "UPDATE submissions SET status = 'withdrawn', withdrawn_by = ?, withdrawn_at = ? WHERE id = ? AND status = 'active'");
        update.bind(0, by).bind(1, to_iso(on)).bind(2, id);
        update.step();
    });
}

namespace {

constexpr const char* observation_columns =
    "SELECT o.unit, o.indicator, o.date, o.value, o.source, o.mode, o.sample_size, o.recorded, o.submission, s.department, "
    "s.submitted_by, s.file, s.status FROM observations o JOIN submissions s ON s.id = o.submission ";

Observation observation_of(const Statement& row) {
    Observation o;
    o.unit = row.text(0);
    o.indicator = row.text(1);
    o.date = row.date(2);
    o.value = row.real(3);
    o.source = row.text(4);
    o.mode = enum_from_string<AssessmentMode>(row.text(5)).value_or(AssessmentMode::unspecified);
    if (!row.null(6)) o.sample_size = static_cast<int>(row.integer(6));
    o.recorded = row.date(7);
    return o;
}

}  // namespace

std::vector<ObservationVersion> CampaignStore::history(const std::string& unit, const std::string& indicator) const {
    const std::lock_guard lock(impl_->mutex);
    if (impl_->blank) return {};
    Statement query(impl_->db, impl_->file,
                    (std::string(observation_columns) +
                     "WHERE o.unit = ? AND o.indicator = ? ORDER BY o.date, o.recorded, o.submission, o.id").c_str());
    query.bind(0, unit).bind(1, indicator);
    std::vector<ObservationVersion> versions;
    while (query.step()) {
        ObservationVersion v;
        v.observation = observation_of(query);
        v.submission = query.integer(8);
        v.department = query.text(9);
        v.submitted_by = query.text(10);
        v.file = query.text(11);
        v.status = query.text(12) == "withdrawn" ? SubmissionStatus::withdrawn : SubmissionStatus::active;
        versions.push_back(std::move(v));
    }
    return versions;
}

ObservationStore CampaignStore::observations() const {
    const std::lock_guard lock(impl_->mutex);
    if (impl_->blank) return ObservationStore();
    // Import order, so that of two versions recorded on one day the later import wins (the
    // ObservationStore's tie rule: the one added last).
    Statement query(impl_->db, impl_->file,
                    (std::string(observation_columns) + "WHERE s.status = 'active' ORDER BY o.submission, o.id").c_str());
    ObservationStore store;
    while (query.step()) store.add(observation_of(query));
    store.finalize();
    return store;
}

std::vector<TaskReport> CampaignStore::task_reports() const {
    const std::lock_guard lock(impl_->mutex);
    if (impl_->blank) return {};
    Statement query(impl_->db, impl_->file,
                    "SELECT t.task, t.percent_complete, t.actual_start, t.actual_finish, t.reported_on FROM task_reports t "
                    "JOIN submissions s ON s.id = t.submission WHERE s.status = 'active' ORDER BY t.reported_on, t.submission, t.id");
    std::vector<TaskReport> reports;
    while (query.step())
        reports.push_back({query.text(0), query.optional_real(1), query.optional_date(2), query.optional_date(3), query.date(4)});
    return reports;
}

std::vector<ProblemUpdate> CampaignStore::problem_updates() const {
    const std::lock_guard lock(impl_->mutex);
    if (impl_->blank) return {};
    Statement query(impl_->db, impl_->file,
                    "SELECT p.problem, p.closed, p.note, p.reported_on FROM problem_updates p "
                    "JOIN submissions s ON s.id = p.submission WHERE s.status = 'active' ORDER BY p.reported_on, p.submission, p.id");
    std::vector<ProblemUpdate> updates;
    while (query.step()) updates.push_back({query.text(0), query.optional_date(1), query.text(2), query.date(3)});
    return updates;
}

std::vector<SpendingReport> CampaignStore::spending_reports() const {
    const std::lock_guard lock(impl_->mutex);
    if (impl_->blank) return {};
    Statement query(impl_->db, impl_->file,
                    "SELECT p.task, p.date, p.amount, p.account, p.note, p.reported_on FROM spending p "
                    "JOIN submissions s ON s.id = p.submission WHERE s.status = 'active' ORDER BY p.reported_on, p.submission, p.id");
    std::vector<SpendingReport> payments;
    while (query.step()) payments.push_back({query.text(0), query.date(1), query.real(2), query.text(3), query.text(4), query.date(5)});
    return payments;
}

namespace {

// The plan spec's task or problem with a qualified id ("chengguan/school-3/t1"), or nullptr.
template <class Item>
Item* find_qualified(PlanSpec& spec, const std::string& id, std::vector<Item> PlanSpec::*items) {
    PlanSpec* plan = &spec;
    std::size_t from = 0;
    for (std::size_t slash = id.find('/'); slash != std::string::npos; slash = id.find('/', from)) {
        const std::string part = id.substr(from, slash - from);
        const auto sub = std::find_if(plan->subplans.begin(), plan->subplans.end(), [&](const PlanSpec& s) { return s.id == part; });
        if (sub == plan->subplans.end()) return nullptr;
        plan = &*sub;
        from = slash + 1;
    }
    const std::string own = id.substr(from);
    auto& list = plan->*items;
    const auto found = std::find_if(list.begin(), list.end(), [&](const Item& item) { return item.id == own; });
    return found == list.end() ? nullptr : &*found;
}

}  // namespace

Plan CampaignStore::progress(const Plan& plan, std::optional<Date> as_of) const {
    PlanSpec spec = plan.spec();
    // Reports come by report date, then import order: each one applied overrides the fields it gives.
    for (const TaskReport& report : task_reports()) {
        if (as_of && *report.reported_on > *as_of) continue;
        Task* task = find_qualified(spec, report.task, &PlanSpec::tasks);
        if (task == nullptr) continue;
        if (report.percent_complete) task->percent_complete = *report.percent_complete;
        if (report.actual_start) task->actual_start = report.actual_start;
        if (report.actual_finish) task->actual_finish = report.actual_finish;
        if (task->actual_start && task->actual_finish && *task->actual_finish < *task->actual_start) task->actual_start = task->actual_finish;
    }
    for (const ProblemUpdate& update : problem_updates()) {
        if (as_of && *update.reported_on > *as_of) continue;
        Problem* problem = find_qualified(spec, update.problem, &PlanSpec::problems);
        if (problem != nullptr && update.closed) problem->closed = update.closed;
    }
    // A payment the plan's budget no longer allows is never dropped: the campaign says which.
    std::map<std::string, Task*> paid_tasks;  // by id, to check each one's balance once, after all its payments
    for (const SpendingReport& paid : spending_reports()) {
        if (as_of && *paid.reported_on > *as_of) continue;
        Task* task = find_qualified(spec, paid.task, &PlanSpec::tasks);
        if (task == nullptr) continue;
        task->spending.push_back({paid.date, paid.amount, paid.account, paid.note});
        paid_tasks.emplace(paid.task, task);
        if (auto fault = detail::spending_fault(*task, task->spending.back(), task_quoted(paid.task)))
            throw ValidationError(impl_->file, Message("the payment of {0} yuan for task \"{1}\" reported on {2} no longer fits the plan: {3}; expected the "
                                                       "plan to keep the budget line it was paid from, or its submission withdrawn"_en,
                                                       "{2} 报送的任务 \"{1}\" 支出 {0} 元与计划不再相符：{3}；计划应保留其所用的预算明细，或撤回该报送"_zh,
                                                       {detail::format_number(paid.amount), paid.task, to_iso(*paid.reported_on), fault->message}));
    }
    for (const auto& [id, task] : paid_tasks)
        if (auto fault = detail::balance_fault(*task, task_quoted(id)))
            throw ValidationError(impl_->file, Message("the payments for task \"{0}\" no longer fit the plan: {1}; expected the plan's own payments to leave "
                                                       "room for the refunds reported, or a submission withdrawn"_en,
                                                       "任务 \"{0}\" 的支出与计划不再相符：{1}；计划自身的支出应容纳所报送的退回，或撤回相应报送"_zh,
                                                       {id, fault->message}));
    return Plan(std::move(spec));
}

}  // namespace civitas
