/// Campaigns: TitleDates, CampaignTitle, CampaignUnit, Department, Target, CampaignSpec,
/// Campaign and campaign files. Dates cross as datetime.date (date_caster.hpp).

#include "bindings.hpp"
#include "date_caster.hpp"

#include <civitas/io/campaign_io.hpp>
#include <civitas/io/observations_io.hpp>
#include <civitas/tracking/campaign.hpp>
#include <civitas/tracking/observations.hpp>

#include <pybind11/operators.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace civitas::python {

void register_campaign(py::module_& m) {
    m.attr("campaign_format") = campaign_format;

    py::class_<TitleDates>(m, "TitleDates", "The dates of a title's drive: benchmark creation, application, inspection.")
        .def(py::init([](std::optional<Date> benchmark, std::optional<Date> application, std::optional<Date> inspection) {
                 return TitleDates{benchmark, application, inspection};
             }),
             py::kw_only(), py::arg("benchmark") = py::none(), py::arg("application") = py::none(), py::arg("inspection") = py::none())
        .def_readwrite("benchmark", &TitleDates::benchmark, "When benchmark creation (对标创建) starts, or None.")
        .def_readwrite("application", &TitleDates::application, "When the city applies for assessment, or None.")
        .def_readwrite("inspection", &TitleDates::inspection, "When the inspection judges it, or None.")
        .def(py::self == any_object);

    py::class_<CampaignTitle>(m, "CampaignTitle", "A title the campaign runs for, judged by a framework.")
        .def(py::init([](std::string id, std::string name, std::string framework, TitleDates dates, std::optional<RoundScheme> scheme) {
                 return CampaignTitle{std::move(id), std::move(name), std::move(framework), dates, std::move(scheme)};
             }),
             py::arg("id") = "", py::kw_only(), py::arg("name") = "", py::arg("framework") = "", py::arg_v("dates", TitleDates{}, "TitleDates()"),
             py::arg("scheme") = py::none())
        .def_readwrite("id", &CampaignTitle::id, "Unique among titles; the plan's title ids are these.")
        .def_readwrite("name", &CampaignTitle::name, "Display name.")
        .def_readwrite("framework", &CampaignTitle::framework, "A bundled framework id or a path relative to the campaign file; '' for none.")
        .def_readwrite("dates", &CampaignTitle::dates, "The drive's dates.")
        .def_readwrite("scheme", &CampaignTitle::scheme,
                       "How its rounds are scored (RoundScheme), or None: the one its framework names (FrameworkSpec.round_scheme).")
        .def(py::self == any_object)
        .def("__repr__", [](const CampaignTitle& t) {
            return "CampaignTitle(" + repr_string(t.id) + ", name=" + repr_string(t.name) + ", framework=" + repr_string(t.framework) + ")";
        });

    py::class_<CampaignUnit>(m, "CampaignUnit", "A unit assessed or answering for work: the city, a district, a school.")
        .def(py::init([](std::string id, std::string name, std::string parent, std::map<std::string, std::string> classes,
                         std::string kind) {
                 return CampaignUnit{std::move(id), std::move(name), std::move(parent), std::move(classes), std::move(kind)};
             }),
             py::arg("id") = "", py::kw_only(), py::arg("name") = "", py::arg("parent") = "",
             py::arg("classes") = std::map<std::string, std::string>(), py::arg("kind") = "")
        .def_readwrite("id", &CampaignUnit::id, "Unique among units.")
        .def_readwrite("name", &CampaignUnit::name, "Display name.")
        .def_readwrite("parent", &CampaignUnit::parent, "Id of the unit it belongs to, '' for the top.")
        .def_readwrite("classes", &CampaignUnit::classes, "Title id -> the unit's class in that title's framework.")
        .def_readwrite("kind", &CampaignUnit::kind, "What sort of unit: 'city', 'district', 'county', 'school', ... (any word); '' when not said.")
        .def(py::self == any_object)
        .def("__repr__", [](const CampaignUnit& u) {
            return "CampaignUnit(" + repr_string(u.id) + ", name=" + repr_string(u.name) + ", parent=" + repr_string(u.parent) + ")";
        });

    py::class_<Department>(m, "Department",
                           "A department (a bureau, or a district's government with `unit`) that answers for tasks and targets.")
        .def(py::init([](std::string id, std::string name, std::string leader, std::string unit) {
                 return Department{std::move(id), std::move(name), std::move(leader), std::move(unit)};
             }),
             py::arg("id") = "", py::kw_only(), py::arg("name") = "", py::arg("leader") = "", py::arg("unit") = "")
        .def_readwrite("id", &Department::id, "Unique among departments.")
        .def_readwrite("name", &Department::name, "Display name.")
        .def_readwrite("leader", &Department::leader, "Who answers for it, '' when not given.")
        .def_readwrite("unit", &Department::unit, "The unit it answers for as a whole (a district's government), '' for none.")
        .def(py::self == any_object)
        .def("__repr__", [](const Department& d) { return "Department(" + repr_string(d.id) + ", name=" + repr_string(d.name) + ")"; });

    py::class_<Target>(m, "Target", "A campaign's own goal for an indicator, possibly stricter than the pass line.")
        .def(py::init([](std::string title, std::string indicator, double value, std::string unit, std::optional<Date> deadline,
                         std::string department) {
                 return Target{std::move(title), std::move(indicator), std::move(unit), value, deadline, std::move(department)};
             }),
             py::arg("title") = "", py::arg("indicator") = "", py::arg("value") = 0.0, py::kw_only(), py::arg("unit") = "",
             py::arg("deadline") = py::none(), py::arg("department") = "")
        .def_readwrite("title", &Target::title, "Title id.")
        .def_readwrite("indicator", &Target::indicator, "Indicator id of that title's framework.")
        .def_readwrite("unit", &Target::unit, "Unit id, '' for every unit.")
        .def_readwrite("value", &Target::value, "The value to reach, in the indicator's unit and direction.")
        .def_readwrite("deadline", &Target::deadline, "By when; None: the title's inspection date.")
        .def_readwrite("department", &Target::department, "Department id answering for it, '' for none.")
        .def(py::self == any_object)
        .def("__repr__", [](const Target& t) {
            return "Target(" + repr_string(t.title) + ", " + repr_string(t.indicator) + ", " + repr_number(t.value) +
                   (t.unit.empty() ? "" : ", unit=" + repr_string(t.unit)) + ")";
        });

    py::class_<SubmissionSchedule>(m, "SubmissionSchedule",
                                   "When departments submit: one submission a month from first_month, due by due_day of the next month.")
        .def(py::init([](Date first_month, int due_day, std::vector<std::string> departments) {
                 return SubmissionSchedule{first_month, due_day, std::move(departments)};
             }),
             py::arg("first_month"), py::kw_only(), py::arg("due_day") = 5, py::arg("departments") = std::vector<std::string>())
        .def_readwrite("first_month", &SubmissionSchedule::first_month, "The first day of the first month whose submission is due.")
        .def_readwrite("due_day", &SubmissionSchedule::due_day, "The day of the following month (1-28) by which a month's submission is due.")
        .def_readwrite("departments", &SubmissionSchedule::departments, "Ids of the departments that submit; empty: every department.")
        .def(py::self == any_object);

    py::class_<AccountabilityRule>(m, "AccountabilityRule",
                                   "An accountability step (问责) taken against a department meeting any of its conditions.")
        .def(py::init([](std::string id, std::string name, std::optional<int> days_overdue, std::optional<int> problems_overdue,
                         std::optional<int> late_submissions, std::optional<int> months) {
                 return AccountabilityRule{std::move(id), std::move(name), days_overdue, problems_overdue, late_submissions, months};
             }),
             py::arg("id") = "", py::kw_only(), py::arg("name") = "", py::arg("days_overdue") = py::none(),
             py::arg("problems_overdue") = py::none(), py::arg("late_submissions") = py::none(), py::arg("months") = py::none())
        .def_readwrite("id", &AccountabilityRule::id, "Unique among the rules.")
        .def_readwrite("name", &AccountabilityRule::name, "Display name ('约谈').")
        .def_readwrite("days_overdue", &AccountabilityRule::days_overdue, "Met by a task at least this many working days overdue, or None.")
        .def_readwrite("problems_overdue", &AccountabilityRule::problems_overdue, "Met by at least this many problems open past their deadline, or None.")
        .def_readwrite("late_submissions", &AccountabilityRule::late_submissions, "Met by at least this many late or missing submissions, or None.")
        .def_readwrite("months", &AccountabilityRule::months, "Late submissions counted over the last this many months due; None: all.")
        .def(py::self == any_object);

    py::class_<CampaignSpec>(m, "CampaignSpec", "Everything a campaign file says, as plain data; `Campaign` is its validated form.")
        .def(py::init([](std::string id, std::string name, std::string language, std::string calendar, std::vector<CampaignTitle> titles,
                         std::vector<CampaignUnit> units, std::vector<Department> departments, std::vector<Target> targets,
                         std::optional<PlanSpec> plan, std::string plan_file, std::vector<std::string> observations,
                         std::string store, std::vector<AssessmentRound> rounds, std::vector<Check> checks, std::vector<FieldInspection> inspections,
                         std::optional<SubmissionSchedule> submissions, std::vector<AccountabilityRule> accountability) {
                 CampaignSpec s;
                 s.id = std::move(id);
                 s.name = std::move(name);
                 s.language = std::move(language);
                 s.calendar = std::move(calendar);
                 s.titles = std::move(titles);
                 s.units = std::move(units);
                 s.departments = std::move(departments);
                 s.targets = std::move(targets);
                 s.plan = std::move(plan);
                 s.plan_file = std::move(plan_file);
                 s.observations = std::move(observations);
                 s.store = std::move(store);
                 s.rounds = std::move(rounds);
                 s.checks = std::move(checks);
                 s.inspections = std::move(inspections);
                 s.submissions = std::move(submissions);
                 s.accountability = std::move(accountability);
                 return s;
             }),
             py::arg("id") = "", py::kw_only(), py::arg("name") = "", py::arg("language") = "", py::arg("calendar") = "",
             py::arg("titles") = std::vector<CampaignTitle>(), py::arg("units") = std::vector<CampaignUnit>(),
             py::arg("departments") = std::vector<Department>(), py::arg("targets") = std::vector<Target>(),
             py::arg("plan") = py::none(), py::arg("plan_file") = "", py::arg("observations") = std::vector<std::string>(),
             py::arg("store") = "", py::arg("rounds") = py::list(), py::arg("checks") = py::list(), py::arg("inspections") = py::list(),
             py::arg("submissions") = py::none(), py::arg("accountability") = std::vector<AccountabilityRule>())
        .def_readwrite("id", &CampaignSpec::id, "Short id.")
        .def_readwrite("name", &CampaignSpec::name, "Display name.")
        .def_readwrite("language", &CampaignSpec::language, "Language of reports: 'zh', 'en' or '' (from the names).")
        .def_readwrite("calendar", &CampaignSpec::calendar, "A bundled calendar id or a path relative to the campaign file; '' for Monday-Friday.")
        .def_readwrite("titles", &CampaignSpec::titles, "Titles, in order.")
        .def_readwrite("units", &CampaignSpec::units, "Units, parents before children.")
        .def_readwrite("departments", &CampaignSpec::departments, "Departments, in order.")
        .def_readwrite("targets", &CampaignSpec::targets, "Targets, in order.")
        .def_readwrite("plan", &CampaignSpec::plan, "The plan written in place, or None.")
        .def_readwrite("plan_file", &CampaignSpec::plan_file, "Or the plan's own file, relative to the campaign file.")
        .def_readwrite("observations", &CampaignSpec::observations, "Observation files, relative to the campaign file.")
        .def_readwrite("store", &CampaignSpec::store, "The campaign store (an SQLite file) relative to the campaign file, '' for none.")
        .def_readwrite("rounds", &CampaignSpec::rounds, "Scored rounds (AssessmentRound), in order.")
        .def_readwrite("checks", &CampaignSpec::checks, "Dated checks (Check), in order.")
        .def_readwrite("inspections", &CampaignSpec::inspections, "Field inspections (FieldInspection), in place or each in its file.")
        .def_readwrite("submissions", &CampaignSpec::submissions, "When departments submit (SubmissionSchedule), or None.")
        .def_readwrite("accountability", &CampaignSpec::accountability, "Accountability steps (AccountabilityRule), mildest first.")
        .def(py::self == any_object);

    py::class_<Campaign>(m, "Campaign", "A validated campaign with its frameworks, calendar and plan loaded.")
        .def(py::init<CampaignSpec, std::map<std::string, Framework>, WorkCalendar, std::optional<Plan>, ObservationStore>(),
             py::arg("spec"), py::arg("frameworks") = std::map<std::string, Framework>(), py::arg_v("calendar", WorkCalendar(), "WorkCalendar()"),
             py::arg("plan") = py::none(), py::arg_v("observations", ObservationStore(), "ObservationStore()"),
             "Validates the spec against the frameworks (by title id), the calendar and the plan; ValidationError names the path.")
        .def_property_readonly("spec", &Campaign::spec, py::return_value_policy::copy, "The campaign as plain data (a copy).")
        .def_property_readonly("id", [](const Campaign& c) { return c.spec().id; })
        .def_property_readonly("name", [](const Campaign& c) { return c.spec().name; })
        .def_property_readonly("titles", [](const Campaign& c) { return c.spec().titles; }, "The titles, in order (copies).")
        .def_property_readonly("units", [](const Campaign& c) { return c.spec().units; }, "The units, in order (copies).")
        .def_property_readonly("departments", [](const Campaign& c) { return c.spec().departments; }, "The departments (copies).")
        .def_property_readonly("targets", [](const Campaign& c) { return c.spec().targets; }, "The targets (copies).")
        .def_property_readonly("frameworks", &Campaign::frameworks, "Frameworks by title id.")
        .def("framework", &Campaign::framework, py::arg("title"), py::return_value_policy::copy,
             "The framework of a title; NotFoundError for an unknown title or one without a framework.")
        .def_property_readonly("calendar", &Campaign::calendar, "The working-day calendar.")
        .def_property_readonly("plan", &Campaign::plan, "The plan, or None.")
        .def_property_readonly("observations", &Campaign::observations, py::return_value_policy::reference_internal,
                               "The observations of its units (all observation files together).")
        .def_property_readonly("rejected_observations", &Campaign::rejected_observations, py::return_value_policy::copy,
                               "Rows of the observation files that were left out: (file, RejectedRow) pairs.")
        .def("title_index", &Campaign::title_index, py::arg("id"), "Position of a title; NotFoundError.")
        .def("unit_index", &Campaign::unit_index, py::arg("id"), "Position of a unit; NotFoundError.")
        .def("children", &Campaign::children, py::arg("unit") = "", "Ids of the units directly under `unit` ('' for the top).")
        .def("unit_class", &Campaign::unit_class, py::arg("unit"), py::arg("title"), "The unit's class in a title's framework, '' for none.")
        .def("targets_for",
             [](const Campaign& c, const std::string& title, const std::string& indicator, const std::string& unit) {
                 std::vector<Target> out;
                 for (const Target* t : c.targets_for(title, indicator, unit)) out.push_back(*t);
                 return out;
             },
             py::arg("title"), py::arg("indicator"), py::arg("unit"), "The targets for a unit: its own, else those for every unit.")
        .def(
            "responsible_department",
            [](const Campaign& c, const std::map<std::string, std::string>& responsibility) -> std::optional<Department> {
                const Department* d = c.responsible_department(responsibility);
                return d == nullptr ? std::nullopt : std::optional<Department>(*d);
            },
            py::arg("responsibility"),
            "The department answering for work with these responsibility fields (a task's): the one whose id or name is "
            "'department', else the one whose unit's id or name is 'unit'; None when none is.")
        .def("units_frame", frame_method<Campaign>("civitas._frames", "campaign_units_frame"),
             "One row per unit (index: unit id), parents first: name, parent ('' for the top), then one column per "
             "title with the unit's class in that title's framework ('' for none).")
        .def("targets_frame", frame_method<Campaign>("civitas._frames", "campaign_targets_frame"),
             "One row per target, in file order: title, indicator, name (the indicator's), unit ('' for every unit), "
             "value, deadline (`datetime.date`; the title's inspection date when the target gives none) and "
             "department.")
        .def(py::self == any_object)
        .def("__repr__", [](const Campaign& c) { return to_string(c); });

    m.def(
        "load_campaign",
        [](const std::filesystem::path& path, const std::optional<Limits>& limits, bool allow_outside) {
            const ReadOptions options = read_options_of(limits, allow_outside);
            py::gil_scoped_release release;
            return load_campaign(path, options);
        },
        py::arg("path"), py::kw_only(), py::arg("limits") = py::none(), py::arg("allow_outside") = false,
        "Reads and validates a campaign file with the frameworks, calendar, plan, inspections and observations it names, "
        "all inside its folder unless allow_outside.");
    m.def(
        "campaign_store_path",
        [](const std::filesystem::path& path, bool allow_outside) { return campaign_store_path(path, read_options_of(std::nullopt, allow_outside)); },
        py::arg("path"), py::kw_only(), py::arg("allow_outside") = false, py::call_guard<py::gil_scoped_release>(),
        "The campaign store a campaign file names (its \"store\" key), relative to the file's folder and inside it unless "
        "allow_outside; ValidationError naming \"$.store\" when it names none.");
    m.def(
        "parse_campaign",
        [](std::string_view json, const std::string& file, const std::optional<std::filesystem::path>& base_folder,
           const std::optional<Limits>& limits, bool allow_outside) {
            const ReadOptions options = read_options_of(limits, allow_outside, base_folder);
            py::gil_scoped_release release;
            return parse_campaign(json, file, options);
        },
        py::arg("text"), py::arg("file") = "<string>", py::kw_only(), py::arg("base_folder") = py::none(),
        py::arg("limits") = py::none(), py::arg("allow_outside") = false,
        "Parses campaign JSON text; the files it names are found in base_folder, else in `file`'s folder (text given "
        "as '<string>' without a base folder may name none).");
    m.def("campaign_to_json", &campaign_to_json, py::arg("campaign"), py::arg("indent") = 2,
          "The campaign as JSON text, loadable again into an equal campaign.");
    m.def(
        "save_campaign",
        [](const Campaign& campaign, const std::filesystem::path& path, bool allow_outside) {
            save_campaign(campaign, path, SaveOptions{allow_outside});
        },
        py::arg("campaign"), py::arg("path"), py::kw_only(), py::arg("allow_outside") = false, py::call_guard<py::gil_scoped_release>(),
        "Writes the campaign file with its inspection, plan and sub-plan files, all or none (a failure leaves every "
        "file as it was: IoError); a file it names outside its folder is a ValidationError unless allow_outside.");
}

}  // namespace civitas::python
