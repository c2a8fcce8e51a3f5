/// The campaign report: Language, ReportFormat, ReportItem, UnitStanding, TitleReport, ReportPart,
/// ReportGap, DepartmentRow, Report, build_report(); rendering as text, Markdown, HTML or JSON.

#include "bindings.hpp"
#include "date_caster.hpp"

#include <civitas/report/report.hpp>

#include <pybind11/operators.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <optional>
#include <string>

namespace civitas::python {

namespace {

ReportFormat format_named(const std::string& name) {
    if (const auto format = enum_from_string<ReportFormat>(name)) return *format;
    throw ValidationError("format", Message("'{0}' is not one of text, markdown, html, json"_en, "'{0}' 不在可选值之中: text, markdown, html, json"_zh, {name}));
}

}  // namespace

void register_report(py::module_& m) {
    py::class_<ReportItem>(m, "ReportItem", "One indicator of one unit that misses its pass line now or at the inspection.")
        .def_readonly("unit", &ReportItem::unit)
        .def_readonly("unit_name", &ReportItem::unit_name)
        .def_readonly("indicator", &ReportItem::indicator)
        .def_readonly("name", &ReportItem::name)
        .def_readonly("measure", &ReportItem::measure, "The indicator's unit of measure.")
        .def_readonly("direction", &ReportItem::direction)
        .def_readonly("basic", &ReportItem::basic, "A basic (veto) item.")
        .def_readonly("value", &ReportItem::value, "Latest value, or None.")
        .def_readonly("value_date", &ReportItem::value_date, "The day the latest value describes, or None.")
        .def_readonly("met", &ReportItem::met, "The latest value meets the line.")
        .def_readonly("projected", &ReportItem::projected, "Value projected to the inspection date, or None.")
        .def_readonly("projected_met", &ReportItem::projected_met, "Whether the projected value meets the line, or None.")
        .def_readonly("line", &ReportItem::line, "The pass line applied (Interval).")
        .def_readonly("gap", &ReportItem::gap, "Distance to the line now, in the indicator's unit.")
        .def_readonly("relative_gap", &ReportItem::relative_gap, "gap / |line|, or None.")
        .def_readonly("department", &ReportItem::department, "The department of the campaign's target, '' when none.")
        .def_readonly("rule", &ReportItem::rule, "The framework rule (RulingKind) that decided its outcome now, or None.")
        .def(py::self == any_object)
        .def("__repr__", [](const ReportItem& i) {
            return "<civitas.ReportItem " + repr_string(i.unit) + " " + repr_string(i.indicator) + ">";
        });

    py::class_<UnitStanding>(m, "UnitStanding", "A unit's row in a title's district ranking.")
        .def_readonly("unit", &UnitStanding::unit)
        .def_readonly("name", &UnitStanding::name)
        .def_readonly("rank", &UnitStanding::rank, "1 = best; ties share the smaller rank.")
        .def_readonly("rag", &UnitStanding::rag)
        .def_readonly("met", &UnitStanding::met)
        .def_readonly("assessed", &UnitStanding::assessed)
        .def_readonly("total", &UnitStanding::total)
        .def_readonly("passes_now", &UnitStanding::passes_now)
        .def_readonly("passes_at_inspection", &UnitStanding::passes_at_inspection)
        .def_readonly("overdue_tasks", &UnitStanding::overdue_tasks)
        .def(py::self == any_object)
        .def("__repr__", [](const UnitStanding& s) {
            return "<civitas.UnitStanding " + std::to_string(s.rank) + " " + repr_string(s.unit) + " " + to_string(s.rag) + ">";
        });

    py::class_<RoundResult>(m, "RoundResult", "A scored assessment round of a title, as a report shows it.")
        .def_readonly("id", &RoundResult::id)
        .def_readonly("name", &RoundResult::name)
        .def_readonly("kind", &RoundResult::kind, "AssessmentKind.")
        .def_readonly("date", &RoundResult::date)
        .def_readonly("total", &RoundResult::total, "Its total, when every part is known, else None.")
        .def_readonly("scale", &RoundResult::scale, "The scheme's full points.")
        .def_readonly("consequences", &RoundResult::consequences, "Names of the consequences it triggers, mildest first.")
        .def(py::self == any_object)
        .def("__repr__", [](const RoundResult& r) { return "<civitas.RoundResult " + repr_string(r.id) + ">"; });

    py::class_<TitleReport>(m, "TitleReport", "One title's page of a report.")
        .def_readonly("id", &TitleReport::id)
        .def_readonly("name", &TitleReport::name)
        .def_readonly("framework", &TitleReport::framework, "The framework's name, '' for a title tracked by its plan only.")
        .def_readonly("dates", &TitleReport::dates)
        .def_readonly("days_to_inspection", &TitleReport::days_to_inspection)
        .def_readonly("top_unit", &TitleReport::top_unit)
        .def_readonly("rag", &TitleReport::rag, "The top unit's verdict.")
        .def_readonly("reason", &TitleReport::reason, "Why, in the report's language.")
        .def_readonly("met", &TitleReport::met)
        .def_readonly("assessed", &TitleReport::assessed)
        .def_readonly("indicators", &TitleReport::indicators)
        .def_readonly("basic_failed", &TitleReport::basic_failed)
        .def_readonly("total", &TitleReport::total)
        .def_readonly("scale", &TitleReport::scale)
        .def_readonly("pass_total", &TitleReport::pass_total)
        .def_readonly("pass_share", &TitleReport::pass_share)
        .def_readonly("passes_now", &TitleReport::passes_now)
        .def_readonly("passes_at_inspection", &TitleReport::passes_at_inspection)
        .def_readonly("shortfalls", &TitleReport::shortfalls, "The top unit's items short now (list of ReportItem).")
        .def_readonly("off_track", &TitleReport::off_track, "Items projected to miss at the inspection.")
        .def_readonly("overdue", &TitleReport::overdue, "Overdue tasks that bear on the title (list of OverdueTask).")
        .def_readonly("shortfalls_total", &TitleReport::shortfalls_total)
        .def_readonly("off_track_total", &TitleReport::off_track_total)
        .def_readonly("overdue_total", &TitleReport::overdue_total)
        .def_readonly("units", &TitleReport::units, "The district ranking (list of UnitStanding), best first.")
        .def_readonly("targets", &TitleReport::targets, "The campaign's targets (TargetProgress), overdue and off track first.")
        .def_readonly("targets_total", &TitleReport::targets_total)
        .def_readonly("surveys", &TitleReport::surveys, "Survey items (SurveyCheck), in doubt first, then not met.")
        .def_readonly("surveys_total", &TitleReport::surveys_total)
        .def_readonly("rounds", &TitleReport::rounds, "The title's scored rounds (RoundResult), in date order.")
        .def_readonly("indicator_names", &TitleReport::indicator_names, "Names of the indicators its targets and surveys name.")
        .def(py::self == any_object)
        .def("__repr__", [](const TitleReport& t) {
            return "<civitas.TitleReport " + repr_string(t.id) + " " + to_string(t.rag) + ">";
        });

    bind_enum<ReportPart>(m, "ReportPart",
                          "A part of a report that can fail to be computed: plan_status, title_evaluation, unit_evaluation, "
                          "unit_projection, rounds, departments, next_events.");

    py::class_<ReportGap>(m, "ReportGap", "A part the report could not compute, and why (the report says so instead of leaving it out).")
        .def_readonly("part", &ReportGap::part, "What is missing (ReportPart).")
        .def_readonly("title", &ReportGap::title, "The title it belongs to, '' for a part of the whole campaign.")
        .def_readonly("unit", &ReportGap::unit, "The unit, for unit_evaluation and unit_projection; else ''.")
        .def_property_readonly(
            "reason", [](const ReportGap& g) { return g.reason.text(Language::en); }, "Why, in English.")
        .def_property_readonly(
            "reason_zh", [](const ReportGap& g) { return g.reason.text(Language::zh); }, "Why, in Chinese.")
        .def(py::self == any_object)
        .def("__repr__", [](const ReportGap& g) {
            return std::string("<civitas.ReportGap ") + to_string(g.part) + (g.title.empty() ? "" : " " + repr_string(g.title)) +
                   (g.unit.empty() ? "" : " " + repr_string(g.unit)) + ">";
        });

    py::class_<DepartmentRow>(m, "DepartmentRow", "A department's row in the accountability table.")
        .def_readonly("name", &DepartmentRow::name)
        .def_readonly("leader", &DepartmentRow::leader)
        .def_readonly("tasks", &DepartmentRow::tasks)
        .def_readonly("done", &DepartmentRow::done)
        .def_readonly("due", &DepartmentRow::due)
        .def_readonly("done_on_time", &DepartmentRow::done_on_time)
        .def_readonly("overdue", &DepartmentRow::overdue)
        .def_readonly("most_days_late", &DepartmentRow::most_days_late)
        .def_readonly("problems", &DepartmentRow::problems)
        .def_readonly("problems_open", &DepartmentRow::problems_open)
        .def_readonly("targets", &DepartmentRow::targets)
        .def_readonly("targets_short", &DepartmentRow::targets_short)
        .def_readonly("budget", &DepartmentRow::budget, "Yuan budgeted for its tasks.")
        .def_readonly("budget_earned", &DepartmentRow::budget_earned, "The work it has done, in yuan of budget (EV).")
        .def_readonly("spent", &DepartmentRow::spent, "Yuan paid for its tasks by the report date.")
        .def(py::self == any_object)
        .def("__repr__", [](const DepartmentRow& d) { return "<civitas.DepartmentRow " + repr_string(d.name) + ">"; });

    py::class_<Report>(m, "Report", "A campaign's report on a date: a page per title and the departments' table.")
        .def_readonly("campaign", &Report::campaign)
        .def_readonly("name", &Report::name)
        .def_readonly("as_of", &Report::as_of)
        .def_readonly("known_on", &Report::known_on)
        .def_readonly("language", &Report::language)
        .def_readonly("titles", &Report::titles)
        .def_readonly("departments", &Report::departments)
        .def_readonly("plan", &Report::plan, "The whole plan's Progress, or None.")
        .def_readonly("rejected_observations", &Report::rejected_observations)
        .def_readonly("gaps", &Report::gaps, "Parts that could not be computed (ReportGap), in the order met; empty when whole.")
        .def_readonly("next_events", &Report::next_events, "Dated events after the report date (CampaignEvent), soonest first.")
        .def_readonly("unit_names", &Report::unit_names, "Display name of each unit id.")
        .def_readonly("department_names", &Report::department_names, "Display name of each campaign department id.")
        .def_readonly("circular", &Report::circular,
                      "The supervision circular's ranking on the report date (CircularRow), best first, at most max_items rows.")
        .def_readonly("actions", &Report::actions, "The accountability steps the circular gives on the report date (CircularAction).")
        .def_readonly("accounts", &Report::accounts, "Fund account -> AccountFunds ('' the general fund); empty without budgets.")
        .def_readonly("over_budget", &Report::over_budget, "Budget lines paid past their amount (OverBudget), most overspent first, at most max_items.")
        .def_readonly("over_budget_total", &Report::over_budget_total, "All budget lines paid past their amount.")
        .def(
            "render", [](const Report& r, const std::string& format) { return render(r, format_named(format)); },
            py::arg("format") = "text", "The report as text, markdown, html (one self-contained file) or json.")
        .def(
            "save",
            [](const Report& r, const std::filesystem::path& path, std::optional<std::string> format) {
                save_report_text(render(r, format ? format_named(*format) : report_format_of(path.string())), path.string());
            },
            py::arg("path"), py::arg("format") = py::none(),
            "Writes the report whole or not at all (a device such as /dev/null is written in place; IoError on "
            "failure); the format defaults to the extension's (.html/.htm, .md/.markdown, .json, .txt or none for "
            "text; any other is a ValidationError).")
        .def(py::self == any_object)
        .def("_repr_html_", html_method("report_html"), html_doc)
        .def("__repr__", [](const Report& r) { return "<civitas." + to_string(r) + ">"; });

    m.def(
        "build_report",
        [](const Campaign& campaign, const Date& as_of, std::optional<std::string> language, std::optional<Date> known_on,
           int max_items, int trend_points, std::optional<std::vector<SubmissionRecord>> submissions) {
            ReportOptions options;
            if (language) {
                const auto found = enum_from_string<Language>(*language);
                if (!found) throw ValidationError("language", Message("'{0}' is not one of zh, en"_en, "'{0}' 不在可选值之中: zh, en"_zh, {*language}));
                options.language = *found;
            }
            options.readiness.known_on = known_on;
            options.readiness.trend_points = trend_points;
            options.max_items = max_items;
            options.submissions = std::move(submissions);
            py::gil_scoped_release release;
            return build_report(campaign, as_of, options);
        },
        py::arg("campaign"), py::arg("as_of"), py::kw_only(), py::arg("language") = py::none(),
        py::arg("known_on") = py::none(), py::arg("max_items") = 8, py::arg("trend_points") = 5, py::arg("submissions") = py::none(),
        "The report of `campaign` on `as_of`: per title where the city stands, what is short and by how much, what is "
        "off track for the inspection, overdue tasks and who answers for them, a district ranking; and a department "
        "accountability table with the supervision circular's top lines. `language` is 'zh' or 'en' (default: the "
        "campaign's); `submissions` (CampaignStore.submissions()) are counted in the circular's lines, None: not counted.");
}

}  // namespace civitas::python
