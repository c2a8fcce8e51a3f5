#pragma once
/// The campaign store: an SQLite database beside the campaign file that keeps every submission a
/// department made (observations, task progress reports, problem rectification updates, spending) with its
/// provenance, every version of every value, and withdrawn submissions marked, never deleted.

#include <civitas/core/enums.hpp>
#include <civitas/core/language.hpp>
#include <civitas/core/message.hpp>
#include <civitas/export.hpp>
#include <civitas/plan/calendar.hpp>
#include <civitas/plan/plan.hpp>
#include <civitas/tracking/campaign.hpp>
#include <civitas/tracking/observations.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace civitas {

/// True when this build of civitas has the campaign store (it was built with SQLite 3; a build
/// from PyPI alone, without the system's libsqlite3-dev, has not).
[[nodiscard]] CIVITAS_EXPORT bool store_available() noexcept;

/// The schema version a store of this civitas has (PRAGMA user_version); older ones are migrated on open.
[[nodiscard]] CIVITAS_EXPORT int store_schema_version() noexcept;

/// Whether a submission's records count.
enum class SubmissionStatus {
    active,     ///< its records count
    withdrawn,  ///< withdrawn: kept, but its records no longer count
};
template <> struct EnumNames<SubmissionStatus> {
    static constexpr const char* values[] = {"active", "withdrawn"};
};

/// A department's report on a task's progress; fields left empty say nothing new.
struct CIVITAS_EXPORT TaskReport {
    std::string task;                      ///< the plan's (qualified) task id
    std::optional<double> percent_complete;  ///< progress in [0, 100]
    std::optional<Date> actual_start;      ///< when it really started
    std::optional<Date> actual_finish;     ///< when it really finished (on or after its start)
    std::optional<Date> reported_on;       ///< when it was reported; none: the submission's day
    friend bool operator==(const TaskReport& a, const TaskReport& b) noexcept {
        return a.task == b.task && a.percent_complete == b.percent_complete && a.actual_start == b.actual_start &&
               a.actual_finish == b.actual_finish && a.reported_on == b.reported_on;
    }
};

/// A department's update on a problem's rectification (整改): closed (销号), or a progress note.
struct CIVITAS_EXPORT ProblemUpdate {
    std::string problem;              ///< the plan's (qualified) problem id
    std::optional<Date> closed;       ///< when it was closed, on or after it was found
    std::string note;                 ///< progress note, UTF-8 ("" when none)
    std::optional<Date> reported_on;  ///< when it was reported; none: the submission's day
    friend bool operator==(const ProblemUpdate& a, const ProblemUpdate& b) noexcept {
        return a.problem == b.problem && a.closed == b.closed && a.note == b.note && a.reported_on == b.reported_on;
    }
};

/// A department's report of money paid for a task out of one of its budget lines (专款专用).
struct CIVITAS_EXPORT SpendingReport {
    std::string task;                 ///< the plan's (qualified) task id
    Date date;                        ///< the day it was paid, on or before the report's day
    double amount = 0.0;              ///< yuan, not 0 (negative: a refund)
    std::string account;              ///< the account of the task's budget line it is paid from ("" the general fund)
    std::string note;                 ///< voucher or purpose, UTF-8 ("" when none)
    std::optional<Date> reported_on;  ///< when it was reported; none: the submission's day
    friend bool operator==(const SpendingReport& a, const SpendingReport& b) noexcept {
        return a.task == b.task && a.date == b.date && a.amount == b.amount && a.account == b.account && a.note == b.note &&
               a.reported_on == b.reported_on;
    }
};

/// One submission of a department: who, when, from which file, and its records.
struct CIVITAS_EXPORT Submission {
    std::string department;              ///< department id of the campaign ("" for none)
    std::string unit;                    ///< unit id it reports for ("" for several or none)
    std::string submitted_by;            ///< who submitted it (a name, UTF-8)
    Date submitted_at;                   ///< the day it was submitted: its values become known on it (`recorded`)
    std::string file;                    ///< the file it came from ("" when none)
    std::string period;                  ///< the period it reports on ("2026-03"; free text)
    std::vector<Observation> observations;  ///< values; `recorded` none: known on `submitted_at`
    std::vector<TaskReport> tasks;       ///< task progress reports
    std::vector<ProblemUpdate> problems;  ///< problem rectification updates
    std::vector<SpendingReport> spending;  ///< money paid for tasks
    friend bool operator==(const Submission& a, const Submission& b) {
        return a.department == b.department && a.unit == b.unit && a.submitted_by == b.submitted_by && a.submitted_at == b.submitted_at &&
               a.file == b.file && a.period == b.period && a.observations == b.observations && a.tasks == b.tasks &&
               a.problems == b.problems && a.spending == b.spending;
    }
};

/// How a submission is imported.
struct CIVITAS_EXPORT ImportOptions {
    bool partial = false;  ///< keep the valid records and return the rejected; else any invalid record refuses all
};

/// A record of a submission that was refused, and why.
struct CIVITAS_EXPORT RejectedRecord {
    std::string record;  ///< which: "observations[499]", "tasks[2]", "problems[0]", "spending[1]"
    Message message;     ///< what is wrong, naming the value and what was expected
    friend bool operator==(const RejectedRecord& a, const RejectedRecord& b) { return a.record == b.record && a.message == b.message; }
};
/// "observations[499]: 130 is outside ...", or in Chinese.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const RejectedRecord& record, Language language = Language::en);

/// A value an import brought: new, or a correction of the value known before.
struct CIVITAS_EXPORT ValueChange {
    std::string unit;                 ///< unit id
    std::string indicator;            ///< indicator id
    Date date;                        ///< the day the value describes
    std::optional<double> old_value;  ///< the value known before (corrections only)
    double new_value = 0.0;           ///< the value now
    friend bool operator==(const ValueChange& a, const ValueChange& b) noexcept {
        return a.unit == b.unit && a.indicator == b.indicator && a.date == b.date && a.old_value == b.old_value && a.new_value == b.new_value;
    }
};

/// What an import changed.
struct CIVITAS_EXPORT ImportResult {
    std::int64_t submission = 0;                 ///< the new submission's id; 0 when nothing was stored
    std::size_t observations = 0;                ///< observations stored
    std::size_t task_reports = 0;                ///< task reports stored
    std::size_t problem_updates = 0;             ///< problem updates stored
    std::size_t spending_reports = 0;            ///< payments stored
    std::vector<ValueChange> new_values;         ///< values for a unit, indicator and date that had none
    std::vector<ValueChange> corrections;        ///< values that replaced another (old and new)
    std::vector<std::string> tasks_finished;     ///< tasks reported finished (100% or an actual finish) for the first time
    std::vector<std::string> problems_closed;    ///< problems reported closed for the first time
    std::vector<RejectedRecord> rejected;        ///< records left out (partial imports only)
    friend bool operator==(const ImportResult& a, const ImportResult& b) {
        return a.submission == b.submission && a.observations == b.observations && a.task_reports == b.task_reports &&
               a.problem_updates == b.problem_updates && a.spending_reports == b.spending_reports && a.new_values == b.new_values && a.corrections == b.corrections &&
               a.tasks_finished == b.tasks_finished && a.problems_closed == b.problems_closed && a.rejected == b.rejected;
    }
};
/// "submission 7: 12 observations (10 new, 2 corrections), 3 task reports (1 finished), ..., 2 payments", or in Chinese.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const ImportResult& result, Language language = Language::en);

/// A submission as the store keeps it.
struct CIVITAS_EXPORT SubmissionRecord {
    std::int64_t id = 0;                      ///< its id, increasing in the order of imports
    std::string department;                   ///< department id
    std::string unit;                         ///< unit id
    std::string submitted_by;                 ///< who submitted it
    Date submitted_at;                        ///< when
    std::string file;                         ///< from which file
    std::string period;                       ///< the period it reports on
    SubmissionStatus status = SubmissionStatus::active;  ///< active or withdrawn
    std::string withdrawn_by;                 ///< who withdrew it ("" while active)
    std::optional<Date> withdrawn_at;         ///< when it was withdrawn
    std::size_t observations = 0;             ///< observations it holds
    std::size_t task_reports = 0;             ///< task reports it holds
    std::size_t problem_updates = 0;          ///< problem updates it holds
    std::size_t spending_reports = 0;         ///< payments it holds
    friend bool operator==(const SubmissionRecord& a, const SubmissionRecord& b) {
        return a.id == b.id && a.department == b.department && a.unit == b.unit && a.submitted_by == b.submitted_by &&
               a.submitted_at == b.submitted_at && a.file == b.file && a.period == b.period && a.status == b.status &&
               a.withdrawn_by == b.withdrawn_by && a.withdrawn_at == b.withdrawn_at && a.observations == b.observations &&
               a.task_reports == b.task_reports && a.problem_updates == b.problem_updates && a.spending_reports == b.spending_reports;
    }
};

/// One version of a value, with its provenance.
struct CIVITAS_EXPORT ObservationVersion {
    Observation observation;                  ///< the value; `recorded` is the day it became known
    std::int64_t submission = 0;              ///< the submission it came in
    std::string department;                   ///< the submission's department
    std::string submitted_by;                 ///< who submitted it
    std::string file;                         ///< from which file
    SubmissionStatus status = SubmissionStatus::active;  ///< withdrawn versions no longer count
    friend bool operator==(const ObservationVersion& a, const ObservationVersion& b) {
        return a.observation == b.observation && a.submission == b.submission && a.department == b.department &&
               a.submitted_by == b.submitted_by && a.file == b.file && a.status == b.status;
    }
};

/// How a store is opened.
struct CIVITAS_EXPORT StoreOptions {
    bool read_only = false;       ///< open for reading only (a report); the file must exist
    int busy_timeout_ms = 30000;  ///< how long a writer waits for another writer before failing
    std::int64_t max_bytes = 0;   ///< the database grows no larger (0: no limit); an import past it fails and leaves nothing
};

/// An open campaign store. Opening creates the file when it is missing (unless read-only),
/// migrates an older schema in order, and sets WAL mode, a busy timeout and foreign keys, so that
/// readers (a report) and a writer (an import) run at once, and writers in other threads or
/// processes wait for each other. One object is used by one thread at a time (calls are
/// serialised by a lock); other threads open their own. SQLite's failures are IoErrors naming the file.
class CIVITAS_EXPORT CampaignStore {
public:
    /// Opens or creates the store at `path`; IoError when it cannot (or was written by a newer civitas).
    explicit CampaignStore(const std::filesystem::path& path, const StoreOptions& options = {});
    ~CampaignStore();
    CampaignStore(CampaignStore&&) noexcept;
    CampaignStore& operator=(CampaignStore&&) noexcept;
    CampaignStore(const CampaignStore&) = delete;
    CampaignStore& operator=(const CampaignStore&) = delete;

    /// The database file.
    [[nodiscard]] const std::filesystem::path& path() const noexcept;
    /// The schema version of the file (after migrations: store_schema_version()).
    [[nodiscard]] int schema_version() const;

    /// Validates every record of `submission` against `campaign` (known department and units,
    /// indicators of its titles' frameworks, values within the indicator's bounds, known tasks
    /// and problems of its plan, consistent dates, payments from an account of their task's budget) and stores it in one transaction. Any invalid
    /// record: ValidationError naming it ("observations[499]") and nothing stored, unless
    /// options.partial, which stores the valid ones and lists the rejected. A failure of the
    /// database (full, read-only) is an IoError and leaves nothing either.
    ImportResult import_submission(const Campaign& campaign, const Submission& submission, const ImportOptions& options = {});

    /// Every submission, in the order they were imported.
    [[nodiscard]] std::vector<SubmissionRecord> submissions() const;
    /// One submission; NotFoundError for an unknown id.
    [[nodiscard]] SubmissionRecord submission(std::int64_t id) const;
    /// Marks a submission withdrawn by `by` on `on`: its records stay, but no longer count.
    /// NotFoundError for an unknown id, ValidationError when it is withdrawn already.
    void withdraw(std::int64_t id, const std::string& by, Date on);

    /// Every version of one unit's indicator, withdrawn ones included, by date, then in the order
    /// they became known (recorded, then submission).
    [[nodiscard]] std::vector<ObservationVersion> history(const std::string& unit, const std::string& indicator) const;
    /// The observations of the active submissions, each known on its `recorded` day, in import
    /// order (a correction later than what it corrects): as known_on queries expect.
    [[nodiscard]] ObservationStore observations() const;
    /// The task reports of the active submissions, `reported_on` filled in, by report date then import order.
    [[nodiscard]] std::vector<TaskReport> task_reports() const;
    /// The problem updates of the active submissions, `reported_on` filled in, by report date then import order.
    [[nodiscard]] std::vector<ProblemUpdate> problem_updates() const;
    /// The payments of the active submissions, `reported_on` filled in, by report date then import order.
    [[nodiscard]] std::vector<SpendingReport> spending_reports() const;
    /// `plan` with the reports of the active submissions reported on or before `as_of` (all when
    /// none) applied: for each task and field, the latest report that gives it (percent complete,
    /// actual start, actual finish); for each problem, the latest closing date; each payment added
    /// to its task's spending. Reports of tasks or problems the plan does not have, and payments
    /// from an account their task no longer budgets, are left out.
    [[nodiscard]] Plan progress(const Plan& plan, std::optional<Date> as_of = std::nullopt) const;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace civitas
