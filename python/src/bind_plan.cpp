/// Plans and schedules: Link, LagUnit, Dependency, Task, Phase, PlanSpec, Plan, ScheduledTask,
/// Schedule, ScheduleChange, schedule(), what_if_delayed() and plan files. Dates cross as
/// datetime.date (date_caster.hpp).

#include "bindings.hpp"
#include "date_caster.hpp"

#include <civitas/plan.hpp>
#include <civitas/plan_io.hpp>
#include <civitas/status.hpp>

#include <pybind11/operators.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace civitas::python {

namespace {


// A task's dependencies from Python: Dependency objects or bare task ids (finish to start, no lag).
std::vector<Dependency> to_dependencies(const py::iterable& items) {
    std::vector<Dependency> out;
    for (py::handle item : items) {
        if (py::isinstance<py::str>(item))
            out.push_back(Dependency{item.cast<std::string>()});
        else if (py::isinstance<Dependency>(item))
            out.push_back(item.cast<Dependency>());
        else
            throw py::type_error("depends_on: expected Dependency or a task id (str), got " + py::repr(item).cast<std::string>());
    }
    return out;
}

// An unset date (not-a-date) reads as None.
py::object date_or_none(const Date& date) { return date.is_special() ? py::none() : py::cast(date); }

Task make_task(std::string id, std::string name, std::string phase, std::map<std::string, std::string> responsibility,
               std::optional<Date> start, std::optional<Date> due, bool milestone, std::optional<double> weight,
               std::vector<std::string> indicators, const py::iterable& depends_on, std::optional<Date> actual_start,
               std::optional<Date> actual_finish, double percent_complete) {
    Task t;
    t.id = std::move(id);
    t.name = std::move(name);
    t.phase = std::move(phase);
    t.responsibility = std::move(responsibility);
    // One date given stands for both (a milestone's date; a one-day task).
    if (start) t.start = *start;
    if (due) t.due = *due;
    if (start && !due) t.due = *start;
    if (due && !start) t.start = *due;
    t.milestone = milestone;
    t.weight = weight;
    t.indicators = std::move(indicators);
    t.depends_on = to_dependencies(depends_on);
    t.actual_start = actual_start;
    t.actual_finish = actual_finish;
    t.percent_complete = percent_complete;
    return t;
}

std::string repr_dependency(const Dependency& d) {
    std::string out = "Dependency(" + repr_string(d.task);
    if (d.link != Link::finish_to_start) out += std::string(", link=Link.") + to_string(d.link);
    if (d.lag != 0) out += ", lag=" + std::to_string(d.lag);
    if (d.unit != LagUnit::working_days) out += std::string(", unit=LagUnit.") + to_string(d.unit);
    return out + ")";
}


}  // namespace

void register_plan(py::module_& m) {
    m.attr("plan_format") = plan_format;
    bind_enum<Link>(m, "Link", "How a task waits for another: finish_to_start or start_to_start (plus the lag).");
    bind_enum<LagUnit>(m, "LagUnit", "What a lag counts: working_days of the calendar, or calendar_days.");

    py::class_<Dependency> dependency(m, "Dependency", "A task's wait for another task.");
    py::class_<Task> task(m, "Task", "A task or milestone of a plan, pinned to who answers for it (五定).");
    py::class_<Phase> phase(m, "Phase", "A stage of the campaign.");
    py::class_<PlanSpec> spec(m, "PlanSpec", "Everything a plan holds, as plain data; `Plan` is its validated form.");
    py::class_<Plan> plan(m, "Plan", "A validated plan: unique ids, known phases, dependencies and responsibility fields.");
    py::class_<ScheduledTask> scheduled(m, "ScheduledTask", "One task's place in the schedule (working days of the calendar).");
    py::class_<Schedule> sched(m, "Schedule", "The schedule of a plan: forward and backward pass over its dependencies.");
    py::class_<ScheduleChange> change(m, "ScheduleChange", "A task whose earliest finish moves when another task is delayed.");

    dependency
        .def(py::init([](std::string task, Link link, int lag, LagUnit unit) { return Dependency{std::move(task), link, lag, unit}; }),
             py::arg("task") = "", py::arg("link") = Link::finish_to_start, py::arg("lag") = 0,
             py::arg("unit") = LagUnit::working_days)
        .def_readwrite("task", &Dependency::task, "Id of the task waited for.")
        .def_readwrite("link", &Dependency::link, "How it waits.")
        .def_readwrite("lag", &Dependency::lag, "Extra wait in `unit` (negative: overlap).")
        .def_readwrite("unit", &Dependency::unit, "What the lag counts.")
        .def(py::self == py::self)
        .def("__repr__", &repr_dependency);

    task.def(py::init(&make_task), py::arg("id") = "", py::kw_only(), py::arg("name") = "", py::arg("phase") = "",
             py::arg("responsibility") = std::map<std::string, std::string>(), py::arg("start") = py::none(),
             py::arg("due") = py::none(), py::arg("milestone") = false, py::arg("weight") = py::none(),
             py::arg("indicators") = std::vector<std::string>(), py::arg("depends_on") = py::tuple(),
             py::arg("actual_start") = py::none(), py::arg("actual_finish") = py::none(), py::arg("percent_complete") = 0.0,
             "start, due: datetime.date; one of them alone stands for both (a milestone's date). depends_on: "
             "Dependency objects or task ids (finish to start, no lag).")
        .def_readwrite("id", &Task::id, "Unique in the plan.")
        .def_readwrite("name", &Task::name, "Display name.")
        .def_readwrite("phase", &Task::phase, "Phase id, '' for none.")
        .def_readwrite("responsibility", &Task::responsibility, "Who answers for it, by the plan's responsibility fields.")
        .def_property("start", [](const Task& t) { return date_or_none(t.start); },
                      [](Task& t, Date date) { t.start = date; }, "Planned start (None until set).")
        .def_property("due", [](const Task& t) { return date_or_none(t.due); }, [](Task& t, Date date) { t.due = date; },
                      "Planned finish, a milestone's date (None until set).")
        .def_readwrite("milestone", &Task::milestone, "A point in time: start == due, no duration.")
        .def_readwrite("weight", &Task::weight, "Effort weight >= 0, None for the default.")
        .def_readwrite("indicators", &Task::indicators, "Indicator or target ids the task moves.")
        .def_property("depends_on", [](const Task& t) { return t.depends_on; },
                      [](Task& t, const py::iterable& items) { t.depends_on = to_dependencies(items); },
                      "Tasks it waits for (Dependency objects; task ids are accepted when set).")
        .def_readwrite("actual_start", &Task::actual_start, "When it really started, or None.")
        .def_readwrite("actual_finish", &Task::actual_finish, "When it really finished, or None.")
        .def_readwrite("percent_complete", &Task::percent_complete, "Progress in [0, 100].")
        .def(py::self == py::self);

    phase.def(py::init([](std::string id, std::string name) { return Phase{std::move(id), std::move(name)}; }),
              py::arg("id") = "", py::arg("name") = "")
        .def_readwrite("id", &Phase::id, "Unique among phases.")
        .def_readwrite("name", &Phase::name, "Display name.")
        .def(py::self == py::self)
        .def("__repr__", [](const Phase& p) { return "Phase(" + repr_string(p.id) + ", " + repr_string(p.name) + ")"; });

    spec.def(py::init([](std::string id, std::string name, std::vector<std::string> fields, std::vector<Phase> phases,
                         std::vector<Task> tasks) {
                 return PlanSpec{std::move(id), std::move(name), std::move(fields), std::move(phases), std::move(tasks)};
             }),
             py::arg("id") = "", py::kw_only(), py::arg("name") = "", py::arg("responsibility_fields") = std::vector<std::string>(),
             py::arg("phases") = std::vector<Phase>(), py::arg("tasks") = std::vector<Task>())
        .def_readwrite("id", &PlanSpec::id, "Short id.")
        .def_readwrite("name", &PlanSpec::name, "Display name.")
        .def_readwrite("responsibility_fields", &PlanSpec::responsibility_fields,
                       "Allowed keys of Task.responsibility (empty: any).")
        .def_readwrite("phases", &PlanSpec::phases, "Phases, in order.")
        .def_readwrite("tasks", &PlanSpec::tasks, "Tasks, in order.")
        .def(py::self == py::self);

    plan.def(py::init<PlanSpec>(), py::arg("spec"), "Validates the spec; ValidationError names the task and the field.")
        .def_property_readonly("spec", &Plan::spec, "The plan as plain data (a copy).")
        .def_property_readonly("id", [](const Plan& p) { return p.spec().id; })
        .def_property_readonly("name", [](const Plan& p) { return p.spec().name; })
        .def_property_readonly("tasks", [](const Plan& p) { return p.spec().tasks; }, "The tasks, in order (copies).")
        .def("task_index", &Plan::task_index, py::arg("id"), "Position of a task; NotFoundError for an unknown id.")
        .def("__len__", [](const Plan& p) { return p.spec().tasks.size(); })
        .def(py::self == py::self)
        .def("__repr__", [](const Plan& plan) { return to_string(plan); });

    scheduled.def_readonly("id", &ScheduledTask::id)
        .def_readonly("duration", &ScheduledTask::duration, "Working days from planned start to due (milestones 0).")
        .def_readonly("earliest_start", &ScheduledTask::earliest_start)
        .def_readonly("earliest_finish", &ScheduledTask::earliest_finish)
        .def_readonly("latest_start", &ScheduledTask::latest_start)
        .def_readonly("latest_finish", &ScheduledTask::latest_finish)
        .def_readonly("slack", &ScheduledTask::slack, "latest_finish - earliest_finish in working days (negative: late).")
        .def_readonly("critical", &ScheduledTask::critical, "Slack equals the plan's smallest slack.")
        .def("__repr__", [](const ScheduledTask& t) {
            return "<civitas.ScheduledTask " + repr_string(t.id) + ": " + to_iso(t.earliest_start) + " .. " +
                   to_iso(t.earliest_finish) + ", slack " + std::to_string(t.slack) + (t.critical ? ", critical>" : ">");
        });

    sched.def_readonly("tasks", &Schedule::tasks, "One per task, in plan order.")
        .def_readonly("critical_path", &Schedule::critical_path, "The chain of critical tasks that ends last, first task first.")
        .def_readonly("smallest_slack", &Schedule::smallest_slack, "The critical tasks' slack.")
        .def("task", &Schedule::task, py::arg("id"), py::return_value_policy::copy, "The task with this id; NotFoundError.")
        .def("__len__", [](const Schedule& s) { return s.tasks.size(); })
        .def("__repr__", [](const Schedule& s) { return to_string(s); });

    change.def_readonly("id", &ScheduleChange::id)
        .def_readonly("earliest_finish", &ScheduleChange::earliest_finish, "Before the delay.")
        .def_readonly("delayed_finish", &ScheduleChange::delayed_finish, "After it.")
        .def_readonly("working_days", &ScheduleChange::working_days, "How far it moves.")
        .def_readonly("milestone", &ScheduleChange::milestone)
        .def("__repr__", [](const ScheduleChange& c) {
            return "<civitas.ScheduleChange " + repr_string(c.id) + ": " + to_iso(c.earliest_finish) + " -> " +
                   to_iso(c.delayed_finish) + " (+" + std::to_string(c.working_days) + " working days)>";
        });

    m.def("schedule", &schedule, py::arg("plan"), py::arg("calendar"), py::call_guard<py::gil_scoped_release>(),
          "Forward and backward pass on the calendar's working days; ValidationError naming a cycle.");
    m.def("what_if_delayed", &what_if_delayed, py::arg("plan"), py::arg("calendar"), py::arg("task"), py::arg("working_days"),
          py::call_guard<py::gil_scoped_release>(),
          "Delays a task's earliest start by `working_days`; every task whose earliest finish moves, in plan order.");
    m.def("load_plan", &load_plan, py::arg("path"), py::call_guard<py::gil_scoped_release>(),
          "Reads and validates a plan file; ParseError names the file, the JSON path and the value.");
    m.def("parse_plan", [](std::string_view json, const std::string& file) { return parse_plan(json, file); }, py::arg("text"),
          py::arg("file") = "<string>", "Parses plan JSON text; `file` is the name used in error messages.");
    m.def("plan_to_json", &plan_to_json, py::arg("plan"), py::arg("indent") = 2,
          "The plan as JSON text with defaults left out, loadable again into an equal plan.");

    // Status on a date.
    bind_enum<TaskState>(m, "TaskState", "A task's state on a date: done, overdue, at_risk, in_progress or not_started.");
    py::class_<TaskStatus>(m, "TaskStatus", "One task on the status date.")
        .def_readonly("id", &TaskStatus::id)
        .def_readonly("state", &TaskStatus::state, "Its state (the first of done, overdue, at_risk, in_progress, not_started that applies).")
        .def_readonly("planned_percent", &TaskStatus::planned_percent, "Share of its working days elapsed, in [0, 100].")
        .def_readonly("percent_complete", &TaskStatus::percent_complete, "Reported progress, in [0, 100].")
        .def_readonly("weight", &TaskStatus::weight, "Effort weight used (given, else its working days).")
        .def_readonly("days_late", &TaskStatus::days_late, "Working days past due.")
        .def("__repr__", [](const TaskStatus& t) {
            return "<TaskStatus " + repr_string(t.id) + ": " + to_string(t.state) + ", " + repr_number(t.percent_complete) +
                   "% of " + repr_number(t.planned_percent) + "% planned>";
        });
    py::class_<Progress>(m, "Progress", "Planned against earned progress of a set of tasks.")
        .def_readonly("tasks", &Progress::tasks)
        .def_readonly("states", &Progress::states, "Tasks in each TaskState.")
        .def_readonly("planned_value", &Progress::planned_value, "PV: sum of weight x planned share.")
        .def_readonly("earned_value", &Progress::earned_value, "EV: sum of weight x completed share.")
        .def_readonly("spi", &Progress::spi, "EV / PV, or None when PV is 0.")
        .def_readonly("spi_t", &Progress::spi_t, "Earned schedule / actual time, or None before the plan begins.")
        .def_readonly("done_on_time", &Progress::done_on_time)
        .def_readonly("due", &Progress::due, "Tasks due on or before the date.")
        .def_property_readonly("on_time_rate", &Progress::on_time_rate, "done_on_time / due, or None when nothing is due.");
    py::class_<PlanStatus>(m, "PlanStatus", "A plan's status on a date.")
        .def_readonly("as_of", &PlanStatus::as_of)
        .def_readonly("tasks", &PlanStatus::tasks, "Per task, in plan order.")
        .def_readonly("overall", &PlanStatus::overall)
        .def_readonly("by_phase", &PlanStatus::by_phase, "Progress by phase id ('' for none).")
        .def_readonly("by_responsibility", &PlanStatus::by_responsibility, "field -> value -> Progress.")
        .def("task", &PlanStatus::task, py::arg("id"), py::return_value_policy::copy, "The task with this id; NotFoundError.")
        .def("__len__", [](const PlanStatus& s) { return s.tasks.size(); });
    m.def(
        "status",
        [](const Plan& plan, const WorkCalendar& calendar, const Date& as_of, int at_risk_within) {
            StatusOptions options;
            options.at_risk_within = at_risk_within;
            return status(plan, calendar, as_of, options);
        },
        py::arg("plan"), py::arg("calendar"), py::arg("as_of"), py::kw_only(), py::arg("at_risk_within") = 5,
        "Each task's state on `as_of`, planned against earned progress and earned schedule, rolled up by phase and responsibility.");
}

}  // namespace civitas::python
