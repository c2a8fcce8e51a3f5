/// Readiness: Rag, TargetState, RulingKind, Ruling, TargetProgress, SurveyCheck, UnitFacts,
/// TitleReadiness, Readiness, readiness(), readiness_to_json() and trend_frame() (the DataFrames are built by
/// python/civitas/_readiness.py). Evaluations cross as BatchEvaluation (with their framework),
/// dates as datetime.date.

#include "bindings.hpp"
#include "date_caster.hpp"

#include <civitas/io/readiness_io.hpp>
#include <civitas/tracking/readiness.hpp>

#include <pybind11/operators.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>

namespace civitas::python {

namespace {

// A title's evaluation as Python's BatchEvaluation, which keeps its framework.
std::optional<FrameworkBatch> batch_of(const TitleReadiness& t, const std::optional<BatchEvaluation>& batch) {
    if (!batch || !t.framework) return std::nullopt;
    return FrameworkBatch(*batch, *t.framework);
}

}  // namespace

void register_readiness(py::module_& m) {
    bind_enum<Rag>(m, "Rag", "Red, amber, green: how a title stands for a unit.");
    bind_enum<TargetState>(m, "TargetState", "Where a campaign target stands for a unit: met, on_track, off_track, overdue, no_data.");
    bind_enum<RulingKind>(m, "RulingKind", "Which rule a ruling applies: scope, subunit, level_or_trend, history_average.");

    py::class_<Ruling> ruling(m, "Ruling", "An outcome decided by a rule one unit's latest value cannot show (several units, the history).");
    ruling
        .def_readonly("unit", &Ruling::unit)
        .def_readonly("indicator", &Ruling::indicator)
        .def_readonly("kind", &Ruling::kind, "The rule (RulingKind).")
        .def_readonly("outcome", &Ruling::outcome, "met, not_met, or missing: not assessed (left out of the unit).")
        .def(py::self == any_object)
        .def("__repr__", [](const Ruling& r) {
            return "<civitas.Ruling " + repr_string(r.unit) + " " + repr_string(r.indicator) + " " + to_string(r.kind) + ": " +
                   to_string(r.outcome) + ">";
        });
    def_message(ruling, "reason", &Ruling::reason, "In words, with the numbers, in English.", "In words, with the numbers, in Chinese.");

    py::class_<TargetProgress> target_progress(m, "TargetProgress", "One campaign target for one unit, on the status date.");
    target_progress
        .def_readonly("indicator", &TargetProgress::indicator)
        .def_readonly("unit", &TargetProgress::unit, "The unit it is tracked for.")
        .def_readonly("every_unit", &TargetProgress::every_unit, "The campaign gave it for every unit.")
        .def_readonly("target", &TargetProgress::target, "The value to reach.")
        .def_readonly("line", &TargetProgress::line, "The target as a line in the indicator's direction (Interval).")
        .def_readonly("deadline", &TargetProgress::deadline, "The target's deadline, else the title's inspection date, or None.")
        .def_readonly("department", &TargetProgress::department)
        .def_readonly("latest", &TargetProgress::latest, "The latest value on or before the status date, or None.")
        .def_readonly("latest_date", &TargetProgress::latest_date, "Its date, or None.")
        .def_readonly("projected", &TargetProgress::projected, "The value projected to the deadline, or None.")
        .def_readonly("met_now", &TargetProgress::met_now)
        .def_readonly("on_track", &TargetProgress::on_track, "Met now, or projected to meet it by the deadline.")
        .def_readonly("state", &TargetProgress::state, "TargetState.")
        .def(py::self == any_object)
        .def("__repr__", [](const TargetProgress& t) {
            return "<civitas.TargetProgress " + repr_string(t.indicator) + " " + repr_string(t.unit) + ": " + to_string(t.state) + ">";
        });
    def_message(target_progress, "reason", &TargetProgress::reason, "In words, with the numbers, in English.", "In words, with the numbers, in Chinese.");

    py::class_<SurveyCheck> survey_check(m, "SurveyCheck", "A survey item of one unit: how sure its latest estimate is to meet the line.");
    survey_check
        .def_readonly("unit", &SurveyCheck::unit)
        .def_readonly("indicator", &SurveyCheck::indicator)
        .def_readonly("date", &SurveyCheck::date, "Date of the latest estimate.")
        .def_readonly("estimate", &SurveyCheck::estimate, "The latest value, in the indicator's unit.")
        .def_readonly("sample_size", &SurveyCheck::sample_size)
        .def_readonly("line", &SurveyCheck::line, "The line the unit is judged on (Interval).")
        .def_readonly("low", &SurveyCheck::low, "Lower end of the confidence interval (Wilson).")
        .def_readonly("high", &SurveyCheck::high, "Upper end of the confidence interval.")
        .def_readonly("probability", &SurveyCheck::probability, "Probability that the true value meets the line.")
        .def_readonly("meets", &SurveyCheck::meets, "The estimate meets the line.")
        .def_readonly("in_doubt", &SurveyCheck::in_doubt, "Meets, but with probability below survey_confidence.")
        .def(py::self == any_object)
        .def("__repr__", [](const SurveyCheck& c) {
            return "<civitas.SurveyCheck " + repr_string(c.indicator) + " " + repr_string(c.unit) + ": " + c.reason.text(Language::en) + ">";
        });
    def_message(survey_check, "reason", &SurveyCheck::reason, "In words, with the numbers, in English.", "In words, with the numbers, in Chinese.");

    py::class_<UnitFacts>(m, "UnitFacts", "The facts behind one unit's verdict, for reports that word their own reasons.")
        .def_readonly("passes_now", &UnitFacts::passes_now, "Passes on the latest values; None without a framework.")
        .def_readonly("passes_at_inspection", &UnitFacts::passes_at_inspection, "Passes on the projected values; None without a projection.")
        .def_readonly("basic_failed", &UnitFacts::basic_failed, "Basic items not met now (ids).")
        .def_readonly("overdue_tasks", &UnitFacts::overdue_tasks, "How many overdue tasks bear on the unit.")
        .def_readonly("targets_off_track", &UnitFacts::targets_off_track, "Indicator ids of its targets off track or overdue.")
        .def_readonly("surveys_in_doubt", &UnitFacts::surveys_in_doubt, "Indicator ids of its survey items in doubt.")
        .def_readonly("ruled_not_met", &UnitFacts::ruled_not_met, "Indicator ids a rule judges not met now.")
        .def_readonly("ruled_met", &UnitFacts::ruled_met, "Indicator ids a rule judges met now though the level alone misses.")
        .def(py::self == any_object)
        .def("__repr__", [](const UnitFacts& f) {
            return std::string("<civitas.UnitFacts passes_now=") + (f.passes_now ? (*f.passes_now ? "True" : "False") : "None") + ">";
        });

    py::class_<TitleReadiness> title_readiness(m, "TitleReadiness", "One title on the status date: its evaluations and each unit's verdict.");
    title_readiness
        .def_readonly("title", &TitleReadiness::title)
        .def_readonly("inspection", &TitleReadiness::inspection, "The inspection date projected to, or None.")
        .def_readonly("framework", &TitleReadiness::framework, "The framework that judges it, or None.")
        .def_readonly("units", &TitleReadiness::units, "The campaign's units, in order.")
        .def_property_readonly("now", [](const TitleReadiness& t) { return batch_of(t, t.now); },
                               "The evaluation on the latest values (BatchEvaluation), or None without a framework.")
        .def_property_readonly("at_inspection", [](const TitleReadiness& t) { return batch_of(t, t.at_inspection); },
                               "The evaluation on the values projected to the inspection date, or None.")
        .def_readonly("rag", &TitleReadiness::rag, "Rag per unit.")
        .def_readonly("overdue_tasks", &TitleReadiness::overdue_tasks, "Per unit, ids of the overdue tasks that bear on it.")
        .def_readonly("targets", &TitleReadiness::targets, "The campaign's targets of this title, per unit they apply to (TargetProgress).")
        .def_readonly("surveys", &TitleReadiness::surveys, "Survey items with a sample size, per unit (SurveyCheck).")
        .def_readonly("rulings", &TitleReadiness::rulings, "Outcomes `now` takes from the unit rules (Ruling).")
        .def_readonly("rulings_at_inspection", &TitleReadiness::rulings_at_inspection, "The same rules on the projected values.")
        .def_readonly("facts", &TitleReadiness::facts, "Per unit, the facts behind `rag` and `reasons` (UnitFacts).")
        .def("_repr_html_", html_method("title_readiness_html"), html_doc)
        .def("__repr__", [](const TitleReadiness& t) {
            return "<civitas.TitleReadiness " + repr_string(t.title) + ": " + std::to_string(t.units.size()) + " units>";
        });
    def_messages(title_readiness, "reasons", &TitleReadiness::reasons, "Per unit, the verdict in words, in English.",
                 "Per unit, the verdict in words, in Chinese.");

    py::class_<Readiness>(m, "Readiness", "A campaign's readiness on a date.")
        .def_readonly("as_of", &Readiness::as_of)
        .def_readonly("titles", &Readiness::titles, "Per title, in the campaign's order.")
        .def_readonly("plan", &Readiness::plan, "The plan's status on the date (PlanStatus), or None.")
        .def("title", &Readiness::title, py::arg("id"), py::return_value_policy::copy, "The readiness of a title; NotFoundError.")
        .def("to_frame", frame_method<Readiness>("civitas._frames", "readiness_to_frame"),
             "One row per title and unit, titles in the campaign's order: title, unit, rag (name), reason, passed_now "
             "and passed_at_inspection (None without a framework or projection), met and assessed indicators now, "
             "total now and at the inspection date (NaN where none), overdue_tasks (how many bear on it).")
        .def("targets_frame", frame_method<Readiness>("civitas._readiness", "targets_frame"),
             "One row per title, target and unit it applies to (`TitleReadiness.targets`): title, indicator, unit, "
             "every_unit, target, line (text), deadline (`datetime.date` or None), department, latest and projected "
             "(NaN where none), latest_date, met_now, on_track, state (name) and reason.")
        .def("surveys_frame", frame_method<Readiness>("civitas._readiness", "surveys_frame"),
             "One row per title, unit and survey item with a sample size (`TitleReadiness.surveys`): title, unit, "
             "indicator, date, estimate, sample_size, line (text), low and high (the confidence interval), probability "
             "(that the true value meets the line), meets, in_doubt and reason.")
        .def(
            "rulings_frame",
            [](const Readiness& self, bool at_inspection) {
                return DataFrame(python_function("civitas._readiness", "rulings_frame")(self, at_inspection));
            },
            py::arg("at_inspection") = false,
            "One row per ruling (`TitleReadiness.rulings`, or `rulings_at_inspection`): title, unit, indicator, kind "
            "(scope, subunit, level_or_trend, history_average), outcome (met, not_met, missing: not assessed) and "
            "reason.")
        .def("facts_frame", frame_method<Readiness>("civitas._readiness", "facts_frame"),
             "One row per title and unit (`TitleReadiness.facts`), for reports that word their own reasons: title, "
             "unit, rag, passes_now and passes_at_inspection (None where unknown), basic_failed, targets_off_track, "
             "surveys_in_doubt, ruled_not_met, ruled_met (lists of indicator ids) and overdue_tasks (a count).")
        .def("_repr_html_", html_method("readiness_html"), html_doc)
        .def("__repr__", [](const Readiness& r) { return to_string(r); });

    py::class_<SeriesTrend>(m, "SeriesTrend", "The trend of one unit's series of a title's framework, as readiness sees it on a date.")
        .def_readonly("unit", &SeriesTrend::unit)
        .def_readonly("indicator", &SeriesTrend::indicator)
        .def_readonly("points", &SeriesTrend::points, "Points the trend is fitted on: the last `trend_points` on or before the date.")
        .def_readonly("latest", &SeriesTrend::latest, "The latest value on or before the date.")
        .def_readonly("latest_date", &SeriesTrend::latest_date, "Its date.")
        .def_readonly("slope", &SeriesTrend::slope, "Least-squares slope, value units per year; None under 2 points.")
        .def_readonly("projected", &SeriesTrend::projected,
                      "The value readiness projects to the title's inspection date; None without one after the date.")
        .def_readonly("line", &SeriesTrend::line, "The line the unit is judged on (unit_line), or None.")
        .def_readonly("reach_date", &SeriesTrend::reach_date,
                      "The first day the projection meets the line (latest_date when the latest value does); None when it never does.")
        .def_readonly("progress", &SeriesTrend::progress,
                      "ProgressState towards the line by the inspection date, else in the indicator's direction; None "
                      "under 2 points or without either.")
        .def(py::self == any_object)
        .def("__repr__", [](const SeriesTrend& t) {
            return "<civitas.SeriesTrend " + repr_string(t.unit) + " " + repr_string(t.indicator) + ": " + std::to_string(t.points) +
                   " points>";
        });

    m.def(
        "series_trends",
        [](const Campaign& campaign, const std::string& title, const Date& as_of, std::optional<Date> known_on, int trend_points) {
            ReadinessOptions options;
            options.known_on = known_on;
            options.trend_points = trend_points;
            return series_trends(campaign, title, as_of, options);
        },
        py::arg("campaign"), py::arg("title"), py::arg("as_of"), py::kw_only(), py::arg("known_on") = py::none(),
        py::arg("trend_points") = 5, py::call_guard<py::gil_scoped_release>(),
        "The trend of every series of a title's framework with a value on or before `as_of` (SeriesTrend): units in the "
        "campaign's order, indicators in the framework's, a top_unit item for top units only; the projection is "
        "readiness's. `trend_frame` gives the same as a DataFrame.");

    m.def(
        "readiness",
        [](const Campaign& campaign, const Date& as_of, std::optional<Date> known_on, int trend_points, int at_risk_within,
           double survey_confidence, double survey_interval) {
            ReadinessOptions options;
            options.known_on = known_on;
            options.trend_points = trend_points;
            options.status.at_risk_within = at_risk_within;
            options.survey_confidence = survey_confidence;
            options.survey_interval = survey_interval;
            return readiness(campaign, as_of, options);
        },
        py::arg("campaign"), py::arg("as_of"), py::kw_only(), py::arg("known_on") = py::none(), py::arg("trend_points") = 5,
        py::arg("at_risk_within") = 5, py::arg("survey_confidence") = 0.8, py::arg("survey_interval") = 0.95,
        py::call_guard<py::gil_scoped_release>(),
        "Readiness of every title and unit on `as_of`: the evaluation now and projected to the inspection date, the "
        "overdue tasks that bear on it, the framework's unit rules (rulings), the campaign's targets, the survey items' "
        "sampling error, and red / amber / green with the reason. `known_on` reproduces it as the data was known on "
        "that day; a survey item met with probability below `survey_confidence` makes the unit amber.");

    m.attr("readiness_format") = readiness_format;
    m.def("readiness_to_json", &readiness_to_json, py::arg("readiness"), py::arg("indent") = 2,
          "The readiness as JSON text (civitas-readiness/1; docs/format.md, \"Readiness as JSON\"): each title's "
          "rag per unit with the reasons in English and Chinese (reason, reason_zh), the facts, the evaluations now "
          "and at the inspection date, targets, surveys, rulings, and the plan's progress. Missing numbers are null.");

    m.def(
        "trend_frame",
        [](const Campaign& campaign, const std::string& title, const Date& as_of, int trend_points, std::optional<Date> known_on) {
            return DataFrame(python_function("civitas._readiness", "trend_frame")(
                campaign, title, as_of, py::arg("trend_points") = trend_points, py::arg("known_on") = known_on));
        },
        py::arg("campaign"), py::arg("title"), py::arg("as_of"), py::kw_only(), py::arg("trend_points") = 5,
        py::arg("known_on") = py::none(),
        "The trend of every series of a title's framework, one row per unit and indicator with data on or before "
        "`as_of` (units in the campaign's order, indicators in the framework's): unit, indicator, points (used in the "
        "fit, at most `trend_points`), latest, latest_date, slope (value units per year, NaN under 2 points), "
        "projected (to the title's inspection date as readiness projects: along the slope, clamped to the bounds; "
        "yes/no and problem counts keep their latest value; NaN without an inspection date after `as_of`), line (the "
        "unit's line as text: sub-units on `subunit_pass`), reach_date (the first day the projection meets the line; "
        "None when it never does), and progress (the Open SDG progress state towards the line by the inspection "
        "date, or in the indicator's direction without one; '' for yes/no and ranges without a deadline). Top-unit "
        "items appear for the top unit only.");
}

}  // namespace civitas::python
