/// The campaign store: SubmissionStatus, TaskReport, ProblemUpdate, SpendingReport, Submission, RejectedRecord,
/// ValueChange, ImportResult, SubmissionRecord, ObservationVersion and CampaignStore.

#include "bindings.hpp"

#include <civitas/io/campaign_io.hpp>
#include <civitas/io/store_io.hpp>
#include <civitas/store/campaign_store.hpp>

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

namespace civitas::python {

void register_store(py::module_& m) {
    m.def("store_available", &store_available,
          "True when this civitas has the campaign store (it was built with SQLite 3; a build from PyPI alone without "
          "the system's libsqlite3-dev has not).");
    m.def("store_schema_version", &store_schema_version, "The schema version of a store of this civitas (older ones are migrated on open).");

    bind_enum<SubmissionStatus>(m, "SubmissionStatus", "Whether a submission's records count: active or withdrawn.");

    py::class_<TaskReport>(m, "TaskReport", "A department's report on a task's progress; fields left None say nothing new.")
        .def(py::init([](std::string task, std::optional<double> percent_complete, std::optional<Date> actual_start,
                         std::optional<Date> actual_finish, std::optional<Date> reported_on) {
                 return TaskReport{std::move(task), percent_complete, actual_start, actual_finish, reported_on};
             }),
             py::arg("task"), py::kw_only(), py::arg("percent_complete") = py::none(), py::arg("actual_start") = py::none(),
             py::arg("actual_finish") = py::none(), py::arg("reported_on") = py::none())
        .def_readwrite("task", &TaskReport::task, "The plan's (qualified) task id.")
        .def_readwrite("percent_complete", &TaskReport::percent_complete, "Progress in [0, 100], or None.")
        .def_readwrite("actual_start", &TaskReport::actual_start, "When it really started, or None.")
        .def_readwrite("actual_finish", &TaskReport::actual_finish, "When it really finished, or None.")
        .def_readwrite("reported_on", &TaskReport::reported_on, "When it was reported; None: the submission's day.")
        .def(py::self == any_object);

    py::class_<ProblemUpdate>(m, "ProblemUpdate", "A department's update on a problem's rectification: closed, or a note.")
        .def(py::init([](std::string problem, std::optional<Date> closed, std::string note, std::optional<Date> reported_on) {
                 return ProblemUpdate{std::move(problem), closed, std::move(note), reported_on};
             }),
             py::arg("problem"), py::kw_only(), py::arg("closed") = py::none(), py::arg("note") = "", py::arg("reported_on") = py::none())
        .def_readwrite("problem", &ProblemUpdate::problem, "The plan's (qualified) problem id.")
        .def_readwrite("closed", &ProblemUpdate::closed, "When it was closed (销号), or None.")
        .def_readwrite("note", &ProblemUpdate::note, "Progress note ('' when none).")
        .def_readwrite("reported_on", &ProblemUpdate::reported_on, "When it was reported; None: the submission's day.")
        .def(py::self == any_object);

    py::class_<SpendingReport>(m, "SpendingReport", "A department's report of money paid for a task out of one of its budget lines.")
        .def(py::init([](std::string task, Date date, double amount, std::string account, std::string note, std::optional<Date> reported_on) {
                 return SpendingReport{std::move(task), date, amount, std::move(account), std::move(note), reported_on};
             }),
             py::arg("task"), py::arg("date"), py::arg("amount"), py::kw_only(), py::arg("account") = "", py::arg("note") = "",
             py::arg("reported_on") = py::none())
        .def_readwrite("task", &SpendingReport::task, "The plan's (qualified) task id.")
        .def_readwrite("date", &SpendingReport::date, "The day it was paid, on or before the report's day.")
        .def_readwrite("amount", &SpendingReport::amount, "Yuan, not 0 (negative: a refund).")
        .def_readwrite("account", &SpendingReport::account, "The account of the task's budget line it is paid from ('' the general fund).")
        .def_readwrite("note", &SpendingReport::note, "Voucher or purpose ('' when none).")
        .def_readwrite("reported_on", &SpendingReport::reported_on, "When it was reported; None: the submission's day.")
        .def(py::self == any_object);

    py::class_<Submission>(m, "Submission", "One submission of a department: who, when, from which file, and its records.")
        .def(py::init([](std::string department, std::string unit, std::string submitted_by, Date submitted_at, std::string file,
                         std::string period, std::vector<Observation> observations, std::vector<TaskReport> tasks,
                         std::vector<ProblemUpdate> problems, std::vector<SpendingReport> spending) {
                 return Submission{std::move(department), std::move(unit), std::move(submitted_by), submitted_at, std::move(file),
                                   std::move(period), std::move(observations), std::move(tasks), std::move(problems), std::move(spending)};
             }),
             py::kw_only(), py::arg("department") = "", py::arg("unit") = "", py::arg("submitted_by") = "", py::arg("submitted_at"),
             py::arg("file") = "", py::arg("period") = "", py::arg("observations") = std::vector<Observation>(),
             py::arg("tasks") = std::vector<TaskReport>(), py::arg("problems") = std::vector<ProblemUpdate>(),
             py::arg("spending") = std::vector<SpendingReport>())
        .def_readwrite("department", &Submission::department, "Department id ('' for none).")
        .def_readwrite("unit", &Submission::unit, "Unit id it reports for ('' for several or none).")
        .def_readwrite("submitted_by", &Submission::submitted_by, "Who submitted it.")
        .def_readwrite("submitted_at", &Submission::submitted_at, "The day it was submitted: its values become known on it.")
        .def_readwrite("file", &Submission::file, "The file it came from ('' when none).")
        .def_readwrite("period", &Submission::period, "The period it reports on ('2026-03').")
        .def_readwrite("observations", &Submission::observations, "Values (Observation); recorded None: known on submitted_at.")
        .def_readwrite("tasks", &Submission::tasks, "Task progress reports (TaskReport).")
        .def_readwrite("problems", &Submission::problems, "Problem rectification updates (ProblemUpdate).")
        .def_readwrite("spending", &Submission::spending, "Money paid for tasks (SpendingReport).");

    py::class_<RejectedRecord> rejected_record(m, "RejectedRecord", "A record of a submission that was refused, and why.");
    rejected_record
        .def_readonly("record", &RejectedRecord::record, "Which: 'observations[499] (east, coverage, 2026-01-31)', 'tasks[2]'.")
        .def("__str__", [](const RejectedRecord& r) { return to_string(r); }, "'observations[499] ...: 130 is outside ...'.")
        .def("__repr__", [](const RejectedRecord& r) { return "RejectedRecord(" + repr_string(to_string(r)) + ")"; });
    def_message(rejected_record, "message", &RejectedRecord::message, "What is wrong, in English.", "What is wrong, in Chinese.");

    py::class_<ValueChange>(m, "ValueChange", "A value an import brought: new, or a correction of the value known before.")
        .def_readonly("unit", &ValueChange::unit, "Unit id.")
        .def_readonly("indicator", &ValueChange::indicator, "Indicator id.")
        .def_readonly("date", &ValueChange::date, "The day the value describes.")
        .def_readonly("old_value", &ValueChange::old_value, "The value known before (corrections), else None.")
        .def_readonly("new_value", &ValueChange::new_value, "The value now.")
        .def(py::self == any_object)
        .def("__repr__", [](const ValueChange& c) {
            return "ValueChange(" + repr_string(c.unit) + ", " + repr_string(c.indicator) + ", " + to_iso(c.date) + ", " +
                   (c.old_value ? repr_number(*c.old_value) : std::string("None")) + " -> " + repr_number(c.new_value) + ")";
        });

    py::class_<ImportResult>(m, "ImportResult", "What an import changed.")
        .def_readonly("submission", &ImportResult::submission, "The new submission's id.")
        .def_readonly("observations", &ImportResult::observations, "Observations stored.")
        .def_readonly("task_reports", &ImportResult::task_reports, "Task reports stored.")
        .def_readonly("problem_updates", &ImportResult::problem_updates, "Problem updates stored.")
        .def_readonly("spending_reports", &ImportResult::spending_reports, "Payments stored.")
        .def_readonly("new_values", &ImportResult::new_values, "Values where there was none (ValueChange).")
        .def_readonly("corrections", &ImportResult::corrections, "Values that replaced another (ValueChange, old and new).")
        .def_readonly("tasks_finished", &ImportResult::tasks_finished, "Tasks reported finished for the first time.")
        .def_readonly("problems_closed", &ImportResult::problems_closed, "Problems reported closed for the first time.")
        .def_readonly("rejected", &ImportResult::rejected, "Records left out (partial imports only).")
        .def("__str__", [](const ImportResult& r) { return to_string(r); }, "One line: 'submission 7: 12 observations (10 new, 2 corrections), ...'.")
        .def_property_readonly("summary_zh", [](const ImportResult& r) { return to_string(r, Language::zh); }, "The same line in Chinese.")
        .def("__repr__", [](const ImportResult& r) { return "ImportResult(" + repr_string(to_string(r)) + ")"; });

    py::class_<SubmissionRecord>(m, "SubmissionRecord", "A submission as the store keeps it.")
        .def_readonly("id", &SubmissionRecord::id, "Its id, increasing in the order of imports.")
        .def_readonly("department", &SubmissionRecord::department, "Department id.")
        .def_readonly("unit", &SubmissionRecord::unit, "Unit id.")
        .def_readonly("submitted_by", &SubmissionRecord::submitted_by, "Who submitted it.")
        .def_readonly("submitted_at", &SubmissionRecord::submitted_at, "When.")
        .def_readonly("file", &SubmissionRecord::file, "From which file.")
        .def_readonly("period", &SubmissionRecord::period, "The period it reports on.")
        .def_readonly("status", &SubmissionRecord::status, "SubmissionStatus.active or .withdrawn.")
        .def_readonly("withdrawn_by", &SubmissionRecord::withdrawn_by, "Who withdrew it ('' while active).")
        .def_readonly("withdrawn_at", &SubmissionRecord::withdrawn_at, "When it was withdrawn, or None.")
        .def_readonly("observations", &SubmissionRecord::observations, "Observations it holds.")
        .def_readonly("task_reports", &SubmissionRecord::task_reports, "Task reports it holds.")
        .def_readonly("problem_updates", &SubmissionRecord::problem_updates, "Problem updates it holds.")
        .def_readonly("spending_reports", &SubmissionRecord::spending_reports, "Payments it holds.")
        .def("__repr__", [](const SubmissionRecord& r) {
            return "SubmissionRecord(" + std::to_string(r.id) + ", " + repr_string(r.department) + ", by " + repr_string(r.submitted_by) +
                   " on " + to_iso(r.submitted_at) + ", " + to_string(r.status) + ")";
        });

    py::class_<ObservationVersion>(m, "ObservationVersion", "One version of a value, with its provenance.")
        .def_readonly("observation", &ObservationVersion::observation, "The value; recorded is the day it became known.")
        .def_readonly("submission", &ObservationVersion::submission, "The submission it came in.")
        .def_readonly("department", &ObservationVersion::department, "The submission's department.")
        .def_readonly("submitted_by", &ObservationVersion::submitted_by, "Who submitted it.")
        .def_readonly("file", &ObservationVersion::file, "From which file.")
        .def_readonly("status", &ObservationVersion::status, "Withdrawn versions no longer count.");

    py::class_<CampaignStore>(m, "CampaignStore",
                              "An open campaign store (SQLite, WAL mode): submissions with their provenance and every version of "
                              "every value. Created when missing (unless read_only), older schemas migrated on open.")
        .def(py::init([](const std::filesystem::path& path, bool read_only, int busy_timeout_ms, std::int64_t max_bytes) {
                 StoreOptions options;
                 options.read_only = read_only;
                 options.busy_timeout_ms = busy_timeout_ms;
                 options.max_bytes = max_bytes;
                 return CampaignStore(path, options);
             }),
             py::arg("path"), py::kw_only(), py::arg("read_only") = false, py::arg("busy_timeout_ms") = 30000, py::arg("max_bytes") = 0)
        .def_property_readonly("path", &CampaignStore::path, "The database file.")
        .def_property_readonly("schema_version", &CampaignStore::schema_version, "The schema version of the file.")
        .def(
            "import_submission",
            [](CampaignStore& store, const Campaign& campaign, const Submission& submission, bool partial) {
                py::gil_scoped_release release;
                return store.import_submission(campaign, submission, ImportOptions{partial});
            },
            py::arg("campaign"), py::arg("submission"), py::kw_only(), py::arg("partial") = false,
            "Validates every record against the campaign and stores them in one transaction. An invalid record: "
            "ValidationError naming it and nothing stored, unless partial=True (the valid ones stored, the rest in `rejected`).")
        .def("submissions", &CampaignStore::submissions, "Every submission (SubmissionRecord), in import order.")
        .def("submission", &CampaignStore::submission, py::arg("id"), "One submission; NotFoundError for an unknown id.")
        .def("withdraw", &CampaignStore::withdraw, py::arg("id"), py::kw_only(), py::arg("by"), py::arg("on"),
             "Marks a submission withdrawn by `by` on `on` (datetime.date): kept, but its records no longer count.")
        .def("history", &CampaignStore::history, py::arg("unit"), py::arg("indicator"),
             "Every version (ObservationVersion) of one unit's indicator, withdrawn ones included, by date then as they became known.")
        .def("observations", &CampaignStore::observations, "The active submissions' observations as an ObservationStore (known_on works).")
        .def("task_reports", &CampaignStore::task_reports, "The active submissions' task reports, by report date.")
        .def("problem_updates", &CampaignStore::problem_updates, "The active submissions' problem updates, by report date.")
        .def("spending_reports", &CampaignStore::spending_reports, "The active submissions' payments (SpendingReport), by report date.")
        .def("progress", &CampaignStore::progress, py::arg("plan"), py::arg("as_of") = py::none(),
             "The plan with the active reports of on or before as_of (all when None) applied.");

    m.def(
        "read_observation_submission",
        [](const std::filesystem::path& path, Submission provenance) { return read_observation_submission(path, std::move(provenance)); },
        py::arg("path"), py::arg("provenance"),
        "A Submission of every observation in a CSV or JSON observation file, with the provenance given (file: the file's name "
        "when ''); ParseError naming the first row that cannot be read.");
    m.def(
        "scheduled_submissions",
        [](const std::filesystem::path& path, const Campaign& campaign, bool allow_outside) {
            return scheduled_submissions(path, campaign, read_options_of(std::nullopt, allow_outside));
        },
        py::arg("path"), py::arg("campaign"), py::kw_only(), py::arg("allow_outside") = false,
        "The submissions of the store the campaign file names, to count in a circular or a report "
        "(build_circular(campaign, as_of, ...), build_report(..., submissions=...)): None when the campaign has no "
        "submission schedule; [] when it names no store or the store is not made yet.");
    m.def("observation_submission", &observation_submission, py::arg("load"), py::arg("provenance"), py::arg("file"),
          "A Submission of observations already read (an ObservationLoad, e.g. from read_observations_arrow).");
}

}  // namespace civitas::python
