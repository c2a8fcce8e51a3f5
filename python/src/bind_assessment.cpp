/// Assessment rounds and field inspections: AssessmentKind, AssessmentRound, CycleStanding,
/// CycleNeed, Check, InspectionSite, InspectionProblem, FieldInspection, FieldRollup, EventKind,
/// CampaignEvent, and the functions on them (the round schemes are bind_round_scheme.cpp's). Dates cross as datetime.date (date_caster.hpp).

#include "bindings.hpp"
#include "date_caster.hpp"

#include <civitas/io/assessment_io.hpp>
#include <civitas/tracking/assessment.hpp>
#include <civitas/tracking/campaign.hpp>

#include <pybind11/operators.h>
#include <pybind11/stl.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace civitas::python {

namespace {

std::string repr_optional_number(const std::optional<double>& value) { return value ? repr_number(*value) : "None"; }

}  // namespace

void register_assessment(py::module_& m) {
    bind_enum<AssessmentKind>(m, "AssessmentKind",
                              "What kind of assessment a round or check is: annual_test, provincial_precheck, national_check, ...");
    bind_enum<EventKind>(m, "EventKind", "What a dated event of a campaign is: benchmark, application, inspection, check, round, field_inspection.");
    m.attr("inspection_format") = inspection_format;

    py::class_<AssessmentRound>(m, "AssessmentRound", "A scored round: one dated assessment of a title, with its part scores.")
        .def(py::init([](std::string id, std::string title, Date date, AssessmentKind kind, std::map<std::string, double> parts,
                         std::optional<double> total, std::optional<int> year, std::string name, std::vector<std::string> flags,
                         std::string source) {
                 AssessmentRound r;
                 r.id = std::move(id);
                 r.title = std::move(title);
                 r.kind = kind;
                 r.date = date;
                 r.year = year;
                 r.name = std::move(name);
                 r.parts = std::move(parts);
                 r.total = total;
                 r.flags = std::move(flags);
                 r.source = std::move(source);
                 return r;
             }),
             py::arg("id"), py::arg("title"), py::arg("date"), py::kw_only(), py::arg("kind") = AssessmentKind::annual_test,
             py::arg("parts") = std::map<std::string, double>(), py::arg("total") = py::none(), py::arg("year") = py::none(),
             py::arg("name") = "", py::arg("flags") = std::vector<std::string>(), py::arg("source") = "")
        .def_readwrite("id", &AssessmentRound::id, "Unique among the campaign's rounds.")
        .def_readwrite("title", &AssessmentRound::title, "Title id.")
        .def_readwrite("kind", &AssessmentRound::kind, "Annual tests count in the cycle total.")
        .def_readwrite("date", &AssessmentRound::date, "When it was held (datetime.date).")
        .def_readwrite("year", &AssessmentRound::year, "The assessment year it counts for; None: the date's year.")
        .def_readwrite("name", &AssessmentRound::name, "Display name.")
        .def_readwrite("parts", &AssessmentRound::parts, "Part id -> points.")
        .def_readwrite("total", &AssessmentRound::total, "The total when only it is known, or None.")
        .def_readwrite("flags", &AssessmentRound::flags, "Flags a consequence rule names ('falsified_materials').")
        .def_readwrite("source", &AssessmentRound::source, "Where the scores come from.")
        .def("total_in", [](const AssessmentRound& r, const RoundScheme& s) { return round_total(r, s); }, py::arg("scheme"),
             "The round's total under a scheme: the given total, else the parts' sum once all are in; None while a part is missing.")
        .def("consequences", [](const AssessmentRound& r, const RoundScheme& s) { return consequences(r, s); }, py::arg("scheme"),
             "The consequence rules it triggers, mildest first.")
        .def("validate", [](const AssessmentRound& r, const RoundScheme& s) { validate(r, s); }, py::arg("scheme"),
             "Checks the round against a scheme; ValidationError names the path ('$.parts.field_inspection').")
        .def_property_readonly("assessment_year", [](const AssessmentRound& r) { return assessment_year(r); },
                               "The year it counts for: `year`, else the date's year.")
        .def(py::self == any_object)
        .def("__repr__", [](const AssessmentRound& r) { return to_string(r); });

    py::class_<CycleStanding>(m, "CycleStanding", "A cycle's standing: each year's score, what is secured, the total once complete.")
        .def_readonly("first_year", &CycleStanding::first_year, "Calendar year of the cycle's first year.")
        .def_readonly("scores", &CycleStanding::scores, "Per year of the cycle: the annual test's total, or None.")
        .def_readonly("weights", &CycleStanding::weights, "Per year: the scheme's weight.")
        .def_readonly("secured", &CycleStanding::secured, "Sum of weight x score over the years with a score (points).")
        .def_readonly("remaining_weight", &CycleStanding::remaining_weight, "Sum of the weights of the years without a score.")
        .def_readonly("total", &CycleStanding::total, "The cycle total; None until every year has a score (no renormalising).")
        .def_readonly("best_possible", &CycleStanding::best_possible, "Most the cycle total can still reach.")
        .def_property_readonly("years", [](const CycleStanding& c) {
            std::vector<int> years;
            for (std::size_t k = 0; k < c.scores.size(); ++k) years.push_back(c.first_year + static_cast<int>(k));
            return years;
        }, "The calendar years of the cycle.")
        .def(py::self == any_object)
        .def("__repr__", [](const CycleStanding& c) {
            return "CycleStanding(first_year=" + std::to_string(c.first_year) + ", secured=" + repr_number(c.secured) +
                   ", remaining_weight=" + repr_number(c.remaining_weight) + ", total=" + repr_optional_number(c.total) + ")";
        });
    m.def("cycle_standing", &cycle_standing, py::arg("scheme"), py::arg("rounds"), py::arg("title") = "",
          "The cycle standing from the annual tests of `title` (all when ''); a missing year is not renormalised away.");

    py::class_<CycleNeed>(m, "CycleNeed", "What the remaining years need for the cycle total to reach a line.")
        .def_readonly("line", &CycleNeed::line, "The cycle line asked about (points).")
        .def_readonly("years", &CycleNeed::years, "Calendar years still without a score.")
        .def_readonly("needed", &CycleNeed::needed, "Score each remaining year needs; <= 0 when secured, above full points when out of reach; NaN when none remains.")
        .def_readonly("secured", &CycleNeed::secured, "The line is reached whatever the remaining years score.")
        .def_readonly("reachable", &CycleNeed::reachable, "Full points in every remaining year reach it.")
        .def(py::self == any_object)
        .def("__repr__", [](const CycleNeed& n) {
            return "CycleNeed(line=" + repr_number(n.line) + ", needed=" + repr_number(n.needed) +
                   ", reachable=" + (n.reachable ? "True" : "False") + ", secured=" + (n.secured ? "True" : "False") + ")";
        });
    m.def("points_needed", &points_needed, py::arg("standing"), py::arg("scheme"), py::arg("line"),
          "The score each remaining year needs for the cycle total to reach `line`.");

    py::class_<Check>(m, "Check", "A dated check on the way to a title: the provincial pre-check, the national check.")
        .def(py::init([](std::string id, Date date, AssessmentKind kind, std::string title, std::optional<Date> end, std::string name,
                         std::string notes) {
                 return Check{std::move(id), std::move(title), kind, date, end, std::move(name), std::move(notes)};
             }),
             py::arg("id"), py::arg("date"), py::kw_only(), py::arg("kind") = AssessmentKind::other, py::arg("title") = "",
             py::arg("end") = py::none(), py::arg("name") = "", py::arg("notes") = "")
        .def_readwrite("id", &Check::id, "Unique among the campaign's checks.")
        .def_readwrite("title", &Check::title, "Title id, '' for every title.")
        .def_readwrite("kind", &Check::kind, "What kind of check.")
        .def_readwrite("date", &Check::date, "First day.")
        .def_readwrite("end", &Check::end, "Last day of a window, or None.")
        .def_readwrite("name", &Check::name, "Display name.")
        .def_readwrite("notes", &Check::notes, "Free text.")
        .def(py::self == any_object)
        .def("__repr__", [](const Check& c) {
            return "Check(" + repr_string(c.id) + ", " + to_iso(c.date) + ", kind=AssessmentKind." + to_string(c.kind) + ")";
        });

    py::class_<InspectionSite>(m, "InspectionSite", "A site sampled by a field inspection.")
        .def(py::init([](std::string id, std::string unit, std::string type, std::string name, std::optional<Date> date) {
                 return InspectionSite{std::move(id), std::move(unit), std::move(type), std::move(name), date};
             }),
             py::arg("id"), py::arg("unit"), py::arg("type"), py::kw_only(), py::arg("name") = "", py::arg("date") = py::none())
        .def_readwrite("id", &InspectionSite::id, "Unique in the inspection.")
        .def_readwrite("unit", &InspectionSite::unit, "Unit id the site belongs to.")
        .def_readwrite("type", &InspectionSite::type, "Site type: square, park, street, station, hospital, market, school, ...")
        .def_readwrite("name", &InspectionSite::name, "Display name.")
        .def_readwrite("date", &InspectionSite::date, "Day visited; None: the inspection's date.")
        .def(py::self == any_object)
        .def("__repr__", [](const InspectionSite& s) {
            return "InspectionSite(" + repr_string(s.id) + ", " + repr_string(s.unit) + ", " + repr_string(s.type) + ")";
        });

    py::class_<InspectionProblem>(m, "InspectionProblem", "A problem found at a site.")
        .def(py::init([](std::string site, std::string indicator, std::string description, int count, std::optional<double> deduction) {
                 return InspectionProblem{std::move(site), std::move(indicator), std::move(description), count, deduction};
             }),
             py::arg("site"), py::arg("indicator"), py::kw_only(), py::arg("description") = "", py::arg("count") = 1,
             py::arg("deduction") = py::none())
        .def_readwrite("site", &InspectionProblem::site, "Site id.")
        .def_readwrite("indicator", &InspectionProblem::indicator, "Indicator id it counts against.")
        .def_readwrite("description", &InspectionProblem::description, "What was found.")
        .def_readwrite("count", &InspectionProblem::count, "How many, >= 1.")
        .def_readwrite("deduction", &InspectionProblem::deduction, "Points deducted for them in all, or None.")
        .def(py::self == any_object)
        .def("__repr__", [](const InspectionProblem& p) {
            return "InspectionProblem(" + repr_string(p.site) + ", " + repr_string(p.indicator) + ", count=" + std::to_string(p.count) +
                   ", deduction=" + repr_optional_number(p.deduction) + ")";
        });

    py::class_<FieldRollup>(m, "FieldRollup", "Problems and deductions of one unit and indicator in an inspection.")
        .def_readonly("unit", &FieldRollup::unit, "Unit id.")
        .def_readonly("indicator", &FieldRollup::indicator, "Indicator id.")
        .def_readonly("sites", &FieldRollup::sites, "Sites of the unit sampled (sub-units' included when rolled up).")
        .def_readonly("problems", &FieldRollup::problems, "Problems found.")
        .def_readonly("deduction", &FieldRollup::deduction, "Points deducted.")
        .def(py::self == any_object)
        .def("__repr__", [](const FieldRollup& r) {
            return "FieldRollup(" + repr_string(r.unit) + ", " + repr_string(r.indicator) + ", sites=" + std::to_string(r.sites) +
                   ", problems=" + std::to_string(r.problems) + ", deduction=" + repr_number(r.deduction) + ")";
        });

    py::class_<FieldInspection>(m, "FieldInspection", "A field inspection: sites sampled, mandatory site types, problems found.")
        .def(py::init([](std::string id, Date date, std::vector<InspectionSite> sites, std::vector<InspectionProblem> problems,
                         std::string title, std::string round, std::string name, std::string source, std::vector<std::string> mandatory,
                         std::vector<std::string> indicators, std::string file) {
                 FieldInspection f;
                 f.id = std::move(id);
                 f.title = std::move(title);
                 f.round = std::move(round);
                 f.date = date;
                 f.name = std::move(name);
                 f.source = std::move(source);
                 f.mandatory = std::move(mandatory);
                 f.indicators = std::move(indicators);
                 f.sites = std::move(sites);
                 f.problems = std::move(problems);
                 f.file = std::move(file);
                 validate(f);
                 return f;
             }),
             py::arg("id"), py::arg("date"), py::arg("sites") = std::vector<InspectionSite>(),
             py::arg("problems") = std::vector<InspectionProblem>(), py::kw_only(), py::arg("title") = "", py::arg("round") = "",
             py::arg("name") = "", py::arg("source") = "", py::arg("mandatory") = std::vector<std::string>(),
             py::arg("indicators") = std::vector<std::string>(), py::arg("file") = "",
             "A validated inspection; ValidationError names the path ('$.problems[2].site').")
        .def_readwrite("id", &FieldInspection::id, "Unique among the campaign's inspections.")
        .def_readwrite("title", &FieldInspection::title, "Title id whose framework the indicators belong to, '' when not said.")
        .def_readwrite("round", &FieldInspection::round, "Id of the round it belongs to, ''.")
        .def_readwrite("date", &FieldInspection::date, "The inspection's date: the date of its observations.")
        .def_readwrite("name", &FieldInspection::name, "Display name.")
        .def_readwrite("source", &FieldInspection::source, "Who inspected: the source of its observations.")
        .def_readwrite("mandatory", &FieldInspection::mandatory, "Site types it must sample.")
        .def_readwrite("indicators", &FieldInspection::indicators, "Indicators checked at every site; empty: those of its problems.")
        .def_readwrite("sites", &FieldInspection::sites, "The sites sampled.")
        .def_readwrite("problems", &FieldInspection::problems, "The problems found.")
        .def_readwrite("file", &FieldInspection::file, "The file it is kept in, relative to the campaign file; '' in place.")
        .def("missing_site_types", [](const FieldInspection& f) { return missing_site_types(f); },
             "Mandatory site types no site was sampled of.")
        .def("rollup", [](const FieldInspection& f, const std::map<std::string, std::string>& parents) { return field_rollup(f, parents); },
             py::arg("parents") = std::map<std::string, std::string>(),
             "Problems per unit and indicator (zeros included); with parents (unit -> parent) also for every ancestor.")
        .def("observations",
             [](const FieldInspection& f, const std::map<std::string, std::string>& parents) { return field_observations(f, parents); },
             py::arg("parents") = std::map<std::string, std::string>(),
             "The roll-up as observations (value = problems, mode field_inspection, the inspection's date).")
        .def("validate", [](const FieldInspection& f) { validate(f); }, "Checks the inspection; ValidationError names the path.")
        .def(py::self == any_object)
        .def("__repr__", [](const FieldInspection& f) { return to_string(f); });
    m.def("load_field_inspection",
          [](const std::string& path, const std::optional<Limits>& limits) { return load_field_inspection(path, read_options_of(limits)); },
          py::arg("path"), py::kw_only(), py::arg("limits") = py::none(),
          "Reads a field-inspection file (civitas-inspection/1); ParseError names the file, the path and the value.");
    m.def("parse_field_inspection",
          [](const std::string& text, const std::string& file, const std::optional<Limits>& limits) {
              return parse_field_inspection(text, file, read_options_of(limits));
          },
          py::arg("text"), py::arg("file") = "<string>", py::kw_only(), py::arg("limits") = py::none(),
          "Parses field-inspection JSON text.");
    m.def("field_inspection_to_json", &field_inspection_to_json, py::arg("inspection"), py::arg("indent") = 2,
          "The inspection as JSON text, loadable again into an equal inspection.");

    py::class_<CampaignEvent>(m, "CampaignEvent", "A dated event of a campaign, for 'next events'.")
        .def_readonly("date", &CampaignEvent::date, "The day (a window's first day).")
        .def_readonly("end", &CampaignEvent::end, "A window's last day, or None.")
        .def_readonly("title", &CampaignEvent::title, "Title id, '' for every title.")
        .def_readonly("kind", &CampaignEvent::kind, "What it is.")
        .def_readonly("assessment", &CampaignEvent::assessment, "For checks and rounds: the kind of assessment, else None.")
        .def_readonly("id", &CampaignEvent::id, "The check's, round's or inspection's id; '' for title dates.")
        .def_readonly("name", &CampaignEvent::name, "Display name.")
        .def(py::self == any_object)
        .def("__repr__", [](const CampaignEvent& e) {
            return "CampaignEvent(" + to_iso(e.date) + ", " + repr_string(e.title) + ", EventKind." + to_string(e.kind) +
                   (e.id.empty() ? "" : ", " + repr_string(e.id)) + ")";
        });

}

void register_assessment_queries(py::module_& m) {
    py::class_<Campaign> campaign = py::reinterpret_borrow<py::class_<Campaign>>(m.attr("Campaign"));
    campaign
        .def("round_scheme", &Campaign::round_scheme, py::arg("title"), py::return_value_policy::copy,
             "The title's round scheme (its own, else the one its framework names); NotFoundError.")
        .def("has_round_scheme", &Campaign::has_round_scheme, py::arg("title"), "True when the title has a round scheme.")
        .def("rounds", &Campaign::rounds, py::arg("title") = "", "The rounds of a title (every title when ''), in file order.")
        .def_property_readonly("checks", [](const Campaign& c) { return c.spec().checks; }, "The dated checks (copies).")
        .def_property_readonly("inspections", [](const Campaign& c) { return c.spec().inspections; }, "The field inspections (copies).")
        .def("cycle_standing", &Campaign::cycle_standing, py::arg("title"), "The cycle standing of a title from its annual tests.")
        .def("inspection", &Campaign::inspection, py::arg("id"), py::return_value_policy::copy, "The inspection with this id; NotFoundError.")
        .def("field_rollup", &Campaign::field_rollup, py::arg("inspection"),
             "An inspection's problems per unit and indicator, also counted for the units' ancestors.")
        .def("field_observations", &Campaign::field_observations,
             "Every inspection's roll-up as observations (load_campaign adds them to `observations`).")
        .def("events", &Campaign::events, py::arg("from_date") = py::none(),
             "Every dated event by date; only those on or after `from_date` (an open window counts) when given.")
        .def(
            "rounds_frame",
            [](const Campaign& self, const std::string& title) {
                return DataFrame(python_function("civitas._assessment", "rounds_frame")(self, title));
            },
            py::arg("title") = "",
            "One row per round (of `title`, every title when ''): title, id, kind (name), date (`datetime.date`), year "
            "(the assessment year), name, one column per part of the title's scheme (NaN where not given), total (NaN "
            "while a part is missing), consequences (the names of the rules it triggers, joined by ', ') and flags.")
        .def(
            "events_frame",
            [](const Campaign& self, const std::optional<Date>& from_date) {
                return DataFrame(python_function("civitas._assessment", "events_frame")(self, from_date));
            },
            py::arg("from_date") = py::none(),
            "Every dated event of the campaign by date (`Campaign.events`): date and end (`datetime.date`, end None for "
            "one day), title, kind and assessment (names; assessment '' for title dates and inspections), id and name. "
            "With `from_date`, only events on or after it (a window still open counts): the report's \"next events\".")
        .def(
            "field_frame",
            [](const Campaign& self, const std::optional<std::string>& inspection) {
                return DataFrame(python_function("civitas._assessment", "field_frame")(self, inspection));
            },
            py::arg("inspection") = py::none(),
            "Field problems by unit and indicator: one row per inspection, unit (districts and, rolled up, their "
            "ancestors) and indicator checked, with date, title, sites, problems and deduction (points). Only "
            "`inspection` when given.");
}

}  // namespace civitas::python
