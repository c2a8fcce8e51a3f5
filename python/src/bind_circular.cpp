/// The supervision circular: CircularRow, CircularTask, CircularProblem, RankChange,
/// CircularChanges, CircularAction, Circular, build_circular(); rendering as text, Markdown, HTML or JSON.

#include "bindings.hpp"
#include "date_caster.hpp"

#include <civitas/report/circular.hpp>
#include <civitas/report/report.hpp>

#include <pybind11/operators.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace civitas::python {

namespace {

ReportFormat format_named(const std::string& name) {
    if (const auto format = enum_from_string<ReportFormat>(name)) return *format;
    throw ValidationError("format", Message("'{0}' is not one of text, markdown, html, json"_en, "'{0}' 不在可选值之中: text, markdown, html, json"_zh, {name}));
}

std::vector<std::string> texts(const std::vector<Message>& messages, Language language) {
    std::vector<std::string> out;
    for (const Message& message : messages) out.push_back(message.text(language));
    return out;
}

}  // namespace

void register_circular(py::module_& m) {
    // Registered here, before the report: the circular's classes come first, as the report holds some.
    bind_enum<Language>(m, "Language", "The language of a report's fixed strings, numbers and dates: zh or en.");
    bind_enum<ReportFormat>(m, "ReportFormat", "How a report is written: text, markdown, html or json.");

    py::class_<CircularRow>(m, "CircularRow", "A department's row in the circular's ranking.")
        .def_readonly("department", &CircularRow::department, "The campaign's department id, '' for a plan department it does not list.")
        .def_readonly("name", &CircularRow::name)
        .def_readonly("leader", &CircularRow::leader, "Who answers for it, '' when not known.")
        .def_readonly("tasks_due", &CircularRow::tasks_due, "Its tasks due on or before the date.")
        .def_readonly("done_on_time", &CircularRow::done_on_time, "Of them, done by their due date.")
        .def_readonly("on_time_rate", &CircularRow::on_time_rate, "done_on_time / tasks_due in [0, 1]; None when nothing is due.")
        .def_readonly("overdue", &CircularRow::overdue, "Its tasks overdue now.")
        .def_readonly("most_days_overdue", &CircularRow::most_days_overdue, "Working days overdue of its most overdue task.")
        .def_readonly("problems_overdue", &CircularRow::problems_overdue, "Its problems open past their deadline.")
        .def_readonly("submits", &CircularRow::submits, "The campaign has a submission schedule and the department submits.")
        .def_readonly("submissions_due", &CircularRow::submissions_due, "Months whose submission was due on or before the date.")
        .def_readonly("submissions_late", &CircularRow::submissions_late, "Of them, submitted after the due day.")
        .def_readonly("submissions_missing", &CircularRow::submissions_missing, "Of them, not submitted by the date.")
        .def_readonly("rank", &CircularRow::rank, "1 = best; equal rows share the smaller rank (1, 2, 2, 4).")
        .def_readonly("rank_since", &CircularRow::rank_since, "Its rank on the `since` date.")
        .def(py::self == any_object)
        .def("__repr__", [](const CircularRow& r) {
            return "<civitas.CircularRow " + std::to_string(r.rank) + " " + repr_string(r.name) + ">";
        });

    py::class_<CircularTask>(m, "CircularTask", "An overdue task, or one that changed, as the circular names it.")
        .def_readonly("id", &CircularTask::id)
        .def_readonly("name", &CircularTask::name)
        .def_readonly("department", &CircularTask::department, "Its responsibility 'department', '' when none.")
        .def_readonly("leader", &CircularTask::leader, "Its responsibility 'leader', else its department's leader.")
        .def_readonly("due", &CircularTask::due)
        .def_readonly("days_late", &CircularTask::days_late, "Working days past due (at the finish for finished tasks).")
        .def_readonly("finished", &CircularTask::finished, "Its actual finish, or None.")
        .def(py::self == any_object)
        .def("__repr__", [](const CircularTask& t) { return "<civitas.CircularTask " + repr_string(t.id) + ">"; });

    py::class_<CircularProblem>(m, "CircularProblem", "A problem open past its deadline, or closed since.")
        .def_readonly("id", &CircularProblem::id)
        .def_readonly("description", &CircularProblem::description)
        .def_readonly("department", &CircularProblem::department, "Its responsibility 'department', '' when none.")
        .def_readonly("deadline", &CircularProblem::deadline)
        .def_readonly("days_late", &CircularProblem::days_late, "Working days past the deadline.")
        .def_readonly("closed", &CircularProblem::closed, "When it was closed, or None.")
        .def(py::self == any_object)
        .def("__repr__", [](const CircularProblem& p) { return "<civitas.CircularProblem " + repr_string(p.id) + ">"; });

    py::class_<RankChange>(m, "RankChange", "A department whose rank moved between `since` and the date.")
        .def_readonly("name", &RankChange::name)
        .def_readonly("before", &RankChange::before, "Rank on `since`.")
        .def_readonly("after", &RankChange::after, "Rank on the date.")
        .def(py::self == any_object)
        .def("__repr__", [](const RankChange& c) {
            return "<civitas.RankChange " + repr_string(c.name) + " " + std::to_string(c.before) + " -> " + std::to_string(c.after) + ">";
        });

    py::class_<CircularChanges>(m, "CircularChanges", "What changed in (since, as_of].")
        .def_readonly("finished", &CircularChanges::finished, "Tasks done on the date and not on `since` (CircularTask).")
        .def_readonly("newly_overdue", &CircularChanges::newly_overdue, "Tasks overdue on the date and not on `since`.")
        .def_readonly("closed", &CircularChanges::closed, "Problems closed since (CircularProblem).")
        .def_readonly("improved", &CircularChanges::improved, "Departments ranked better than on `since` (RankChange).")
        .def_readonly("slipped", &CircularChanges::slipped, "Departments ranked worse.")
        .def_readonly("finished_total", &CircularChanges::finished_total)
        .def_readonly("newly_overdue_total", &CircularChanges::newly_overdue_total)
        .def_readonly("closed_total", &CircularChanges::closed_total)
        .def(py::self == any_object)
        .def("__repr__", [](const CircularChanges& c) {
            return "<civitas.CircularChanges " + std::to_string(c.finished_total) + " finished, " + std::to_string(c.newly_overdue_total) +
                   " newly overdue, " + std::to_string(c.closed_total) + " closed>";
        });

    py::class_<CircularAction>(m, "CircularAction", "The accountability step a department is given, and why.")
        .def_readonly("department", &CircularAction::department, "The campaign's department id, '' for a plan department it does not list.")
        .def_readonly("name", &CircularAction::name)
        .def_readonly("rule", &CircularAction::rule, "The rule's id.")
        .def_readonly("rule_name", &CircularAction::rule_name)
        .def_property_readonly(
            "reasons", [](const CircularAction& a) { return texts(a.reasons, Language::en); }, "Each condition it meets, in English.")
        .def_property_readonly(
            "reasons_zh", [](const CircularAction& a) { return texts(a.reasons, Language::zh); }, "The same in Chinese.")
        .def(py::self == any_object)
        .def("__repr__", [](const CircularAction& a) {
            return "<civitas.CircularAction " + repr_string(a.name) + " " + repr_string(a.rule) + ">";
        });

    py::class_<Circular>(m, "Circular", "A campaign's supervision circular (督查通报) on a date.")
        .def_readonly("campaign", &Circular::campaign)
        .def_readonly("name", &Circular::name)
        .def_readonly("as_of", &Circular::as_of)
        .def_readonly("since", &Circular::since, "The date changes and earlier ranks are counted from.")
        .def_readonly("language", &Circular::language)
        .def_readonly("schedule", &Circular::schedule, "The campaign has a submission schedule (submissions are counted).")
        .def_readonly("rows", &Circular::rows, "The ranking (CircularRow), best first.")
        .def_readonly("overdue", &Circular::overdue, "Overdue tasks (CircularTask), most days late first.")
        .def_readonly("overdue_total", &Circular::overdue_total)
        .def_readonly("problems", &Circular::problems, "Problems open past their deadline (CircularProblem), most days late first.")
        .def_readonly("problems_total", &Circular::problems_total)
        .def_readonly("changes", &Circular::changes, "What changed since `since` (CircularChanges).")
        .def_readonly("actions", &Circular::actions, "Accountability steps (CircularAction), in ranking order.")
        .def(
            "render", [](const Circular& c, const std::string& format) { return render(c, format_named(format)); },
            py::arg("format") = "text", "The circular as text, markdown, html (one self-contained file) or json.")
        .def(
            "save",
            [](const Circular& c, const std::filesystem::path& path, std::optional<std::string> format) {
                save_report_text(render(c, format ? format_named(*format) : report_format_of(path.string())), path.string());
            },
            py::arg("path"), py::arg("format") = py::none(),
            "Writes the circular whole or not at all; the format defaults to the extension's, as Report.save.")
        .def(py::self == any_object)
        .def("__repr__", [](const Circular& c) { return "<civitas." + to_string(c) + ">"; });

    m.def(
        "build_circular",
        [](const Campaign& campaign, const Date& as_of, const std::vector<SubmissionRecord>& submissions, std::optional<Date> since,
           std::optional<std::string> language, std::size_t max_items) {
            CircularOptions options;
            options.since = since;
            if (language) {
                const auto found = enum_from_string<Language>(*language);
                if (!found) throw ValidationError("language", Message("'{0}' is not one of zh, en"_en, "'{0}' 不在可选值之中: zh, en"_zh, {*language}));
                options.language = *found;
            }
            options.max_items = max_items;
            py::gil_scoped_release release;
            return build_circular(campaign, as_of, submissions, options);
        },
        py::arg("campaign"), py::arg("as_of"), py::arg("submissions") = std::vector<SubmissionRecord>(), py::kw_only(),
        py::arg("since") = py::none(), py::arg("language") = py::none(), py::arg("max_items") = 50,
        "The supervision circular of `campaign` on `as_of`: its departments ranked by overdue tasks, problems past "
        "deadline and late submissions (`submissions`: CampaignStore.submissions()), the overdue work named, what "
        "changed since `since` (default: a month earlier) and the accountability steps its rules give. `language` is "
        "'zh' or 'en' (default: the campaign's).");
}

}  // namespace civitas::python
