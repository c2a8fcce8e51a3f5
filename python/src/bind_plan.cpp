/// Plans and schedules: Link, LagUnit, Dependency, Task, Title, Phase, Problem, PlanSpec, Plan,
/// ScheduledTask, Schedule, ScheduleChange, DelayImpact, schedule(), what_if_delayed(), plan
/// files, and the status on a date. Dates cross as
/// datetime.date (date_caster.hpp).

#include "bindings.hpp"
#include "date_caster.hpp"

#include <civitas/io/plan_io.hpp>
#include <civitas/plan/plan.hpp>
#include <civitas/plan/status.hpp>

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


struct DependenciesHint {
    static constexpr auto name = py::detail::const_name("collections.abc.Iterable[") + py::detail::make_caster<Dependency>::name +
                                 py::detail::const_name(" | str]");
};
/// A task's dependencies as Python gives them: Dependency objects or bare task ids.
using Dependencies = Typed<DependenciesHint>;

struct BudgetHint {
    static constexpr auto name = py::detail::const_name("float | collections.abc.Iterable[") + py::detail::make_caster<BudgetLine>::name +
                                 py::detail::const_name("] | None");
};
/// A task's budget as Python gives it: an amount (the general fund), BudgetLine objects, or None.
using Budget = Typed<BudgetHint>;

// A task's dependencies from Python: Dependency objects or bare task ids (finish to start, no lag).
std::vector<Dependency> to_dependencies(const Dependencies& items) {
    std::vector<Dependency> out;
    for (py::handle item : items) {
        if (py::isinstance<py::str>(item))
            out.push_back(Dependency{item.cast<std::string>()});
        else if (py::isinstance<Dependency>(item))
            out.push_back(item.cast<Dependency>());
        else
            throw ValidationError("depends_on[" + std::to_string(out.size()) + "]",
                                  Message("{0}; expected a Dependency or a task id (str)"_en, "{0}；应为 Dependency 或任务 id（字符串）"_zh,
                                          {py::repr(item).cast<std::string>()}));
    }
    return out;
}

// A budget as Python gives it: an amount (one line from the general fund) or BudgetLine objects.
std::vector<BudgetLine> to_budget(const Budget& budget) {
    if (budget.is_none()) return {};
    if (py::isinstance<py::float_>(budget) || py::isinstance<py::int_>(budget)) return {{"", budget.cast<double>()}};
    std::vector<BudgetLine> out;
    for (const py::handle item : budget) {
        if (!py::isinstance<BudgetLine>(item))
            throw ValidationError("budget[" + std::to_string(out.size()) + "]",
                                  Message("{0}; expected a BudgetLine"_en, "{0}；应为 BudgetLine"_zh, {py::repr(item).cast<std::string>()}));
        out.push_back(item.cast<BudgetLine>());
    }
    return out;
}

// An unset date (not-a-date) reads as None.
std::optional<Date> date_or_none(const Date& date) { return date.is_special() ? std::nullopt : std::optional<Date>(date); }

Task make_task(std::string id, std::string name, std::string phase, std::vector<std::string> titles,
               std::map<std::string, std::string> responsibility, std::optional<Date> start, std::optional<Date> due,
               std::optional<int> duration, std::optional<Date> deadline, bool milestone, std::string check, std::optional<double> weight,
               std::vector<std::string> indicators, const Dependencies& depends_on, std::optional<Date> actual_start,
               std::optional<Date> actual_finish, double percent_complete, const Budget& budget, std::vector<Spending> spending) {
    Task t;
    t.id = std::move(id);
    t.name = std::move(name);
    t.phase = std::move(phase);
    t.titles = std::move(titles);
    t.responsibility = std::move(responsibility);
    // Without a duration, one date given stands for both (a milestone's date; a one-day task).
    if (start) t.start = *start;
    if (due) t.due = *due;
    if (start && !due && !duration) t.due = *start;
    if (due && !start) t.start = *due;
    t.duration = duration;
    t.deadline = deadline;
    t.milestone = milestone;
    t.check = std::move(check);
    t.weight = weight;
    t.indicators = std::move(indicators);
    t.depends_on = to_dependencies(depends_on);
    t.actual_start = actual_start;
    t.actual_finish = actual_finish;
    t.percent_complete = percent_complete;
    t.budget = to_budget(budget);
    t.spending = std::move(spending);
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

    py::class_<Dependency> dependency_class(m, "Dependency", "A task's wait for another task.");
    py::class_<BudgetLine> budget_class(m, "BudgetLine", "Money set aside for a task from one fund account (专户), spent on it alone (专款专用).");
    py::class_<Spending> spending_class(m, "Spending", "Money paid for a task out of one of its budget lines.");
    py::class_<Task> task_class(m, "Task", "A task or milestone of a plan, pinned to who answers for it (五定).");
    py::class_<Title> title_class(m, "Title", "A title the campaign runs for (a Civilized City, a Sanitary City, ...).");
    py::class_<Phase> phase_class(m, "Phase", "A stage of the campaign, of one title or of the whole campaign.");
    py::class_<Problem> problem_class(m, "Problem", "A problem an inspection found, to be rectified by a deadline and closed (整改销号).");
    py::class_<PlanSpec> spec_class(m, "PlanSpec", "Everything a plan holds, as plain data; `Plan` is its validated form.");
    py::class_<Plan> plan_class(m, "Plan", "A validated plan: unique ids, known phases, dependencies and responsibility fields.");
    py::class_<ScheduledTask> scheduled_class(m, "ScheduledTask", "One task's place in the schedule (working days of the calendar).");
    py::class_<Schedule> sched_class(m, "Schedule", "The schedule of a plan: forward and backward pass over its dependencies.");
    py::class_<ScheduleChange> change_class(m, "ScheduleChange", "A task, or a phase's end, whose earliest finish moves when a task is delayed.");
    py::class_<DelayImpact> impact_class(m, "DelayImpact", "What a delay moves: tasks (plan order), then phase ends (phase order).");

    dependency_class
        .def(py::init([](std::string task, Link link, int lag, LagUnit unit) { return Dependency{std::move(task), link, lag, unit}; }),
             py::arg("task") = "", py::arg("link") = Link::finish_to_start, py::arg("lag") = 0,
             py::arg("unit") = LagUnit::working_days)
        .def_readwrite("task", &Dependency::task, "Id of the task waited for.")
        .def_readwrite("link", &Dependency::link, "How it waits.")
        .def_readwrite("lag", &Dependency::lag, "Extra wait in `unit` (negative: overlap).")
        .def_readwrite("unit", &Dependency::unit, "What the lag counts.")
        .def(py::self == any_object)
        .def("__repr__", &repr_dependency);

    task_class.def(py::init(&make_task), py::arg("id") = "", py::kw_only(), py::arg("name") = "", py::arg("phase") = "",
             py::arg("titles") = std::vector<std::string>(), py::arg("responsibility") = std::map<std::string, std::string>(), py::arg("start") = py::none(),
             py::arg("due") = py::none(), py::arg("duration") = py::none(), py::arg("deadline") = py::none(), py::arg("milestone") = false, py::arg("check") = "", py::arg("weight") = py::none(),
             py::arg("indicators") = std::vector<std::string>(), py::arg("depends_on") = py::tuple(),
             py::arg("actual_start") = py::none(), py::arg("actual_finish") = py::none(), py::arg("percent_complete") = 0.0,
             py::arg("budget") = py::none(), py::arg("spending") = std::vector<Spending>(),
             "start, due, deadline: datetime.date; without a duration, one of start and due alone stands for both (a "
             "milestone's date). duration: working days, instead of or beside due. deadline: the latest allowed finish, apart "
             "from the planned finish due. depends_on: Dependency objects or task ids (finish to start, no lag). budget: "
             "yuan from the general fund, or BudgetLine objects, one per account. spending: Spending objects.")
        .def_readwrite("id", &Task::id, "Unique in the plan.")
        .def_readwrite("name", &Task::name, "Display name.")
        .def_readwrite("phase", &Task::phase, "Phase id, '' for none.")
        .def_readwrite("titles", &Task::titles, "Ids of the titles it serves (empty: its phase's title, if any).")
        .def_readwrite("responsibility", &Task::responsibility, "Who answers for it, by the plan's responsibility fields.")
        .def_property("start", [](const Task& t) { return date_or_none(t.start); },
                      [](Task& t, Date date) { t.start = date; }, "Planned start (None until set).")
        .def_property("due", [](const Task& t) { return date_or_none(t.due); },
                      [](Task& t, std::optional<Date> date) { t.due = date.value_or(Date()); },
                      "Planned finish, a milestone's date (None when the duration gives the finish).")
        .def_readwrite("duration", &Task::duration,
                       "Working days of work in [1, 36600], or None: from start to due, both included (milestones: None).")
        .def_readwrite("deadline", &Task::deadline,
                       "Latest allowed finish, a constraint apart from the planned finish `due`; None for none.")
        .def_readwrite("milestone", &Task::milestone, "A point in time: start == due, no duration.")
        .def_readwrite("check", &Task::check,
                       "Id of the campaign check a milestone stands for ('provincial-2026'), '' for none; milestones only.")
        .def_readwrite("weight", &Task::weight, "Effort weight >= 0, None for the default.")
        .def_readwrite("indicators", &Task::indicators, "Indicator or target ids the task moves.")
        .def_property("depends_on", [](const Task& t) { return t.depends_on; },
                      [](Task& t, const Dependencies& items) { t.depends_on = to_dependencies(items); },
                      "Tasks it waits for (Dependency objects; task ids are accepted when set).")
        .def_readwrite("actual_start", &Task::actual_start, "When it really started, or None.")
        .def_readwrite("actual_finish", &Task::actual_finish, "When it really finished, or None.")
        .def_readwrite("percent_complete", &Task::percent_complete, "Progress in [0, 100].")
        .def_property("budget", [](const Task& t) { return t.budget; }, [](Task& t, const Budget& budget) { t.budget = to_budget(budget); },
                      "The money set aside for it, one BudgetLine per account (an amount is accepted when set: the general fund).")
        .def_readwrite("spending", &Task::spending, "The money paid for it, each Spending from one of its budget lines.")
        .def(py::self == any_object);

    budget_class
        .def(py::init([](double amount, std::string account) { return BudgetLine{std::move(account), amount}; }), py::arg("amount") = 0.0,
             py::kw_only(), py::arg("account") = "")
        .def_readwrite("account", &BudgetLine::account, "The fund account it comes from ('' for the campaign's general fund).")
        .def_readwrite("amount", &BudgetLine::amount, "Yuan, finite and not negative.")
        .def(py::self == any_object)
        .def("__repr__", [](const BudgetLine& b) {
            return "BudgetLine(" + repr_number(b.amount) + (b.account.empty() ? "" : ", account=" + repr_string(b.account)) + ")";
        });

    spending_class
        .def(py::init([](std::optional<Date> date, double amount, std::string account, std::string note) {
                 return Spending{date.value_or(Date()), amount, std::move(account), std::move(note)};
             }),
             py::arg("date") = py::none(), py::arg("amount") = 0.0, py::kw_only(), py::arg("account") = "", py::arg("note") = "",
             "date: datetime.date, the day it was paid.")
        .def_property("date", [](const Spending& s) { return date_or_none(s.date); }, [](Spending& s, Date d) { s.date = d; },
                      "The day it was paid (None until set).")
        .def_readwrite("amount", &Spending::amount, "Yuan, not 0 (negative: a refund).")
        .def_readwrite("account", &Spending::account, "The account of the task's budget line it is paid from.")
        .def_readwrite("note", &Spending::note, "Voucher or purpose ('' when none).")
        .def(py::self == any_object)
        .def("__repr__", [](const Spending& s) {
            return "Spending(" + repr_date(s.date) + ", " + repr_number(s.amount) + (s.account.empty() ? "" : ", account=" + repr_string(s.account)) +
                   (s.note.empty() ? "" : ", note=" + repr_string(s.note)) + ")";
        });

    title_class.def(py::init([](std::string id, std::string name) { return Title{std::move(id), std::move(name)}; }),
              py::arg("id") = "", py::arg("name") = "")
        .def_readwrite("id", &Title::id, "Unique among titles.")
        .def_readwrite("name", &Title::name, "Display name.")
        .def(py::self == any_object)
        .def("__repr__", [](const Title& t) { return "Title(" + repr_string(t.id) + ", " + repr_string(t.name) + ")"; });

    phase_class.def(py::init([](std::string id, std::string name, std::string title) {
                  return Phase{std::move(id), std::move(name), std::move(title)};
              }),
              py::arg("id") = "", py::arg("name") = "", py::kw_only(), py::arg("title") = "")
        .def_readwrite("id", &Phase::id, "Unique among phases.")
        .def_readwrite("name", &Phase::name, "Display name.")
        .def_readwrite("title", &Phase::title, "The title whose stage it is, '' for the whole campaign.")
        .def(py::self == any_object)
        .def("__repr__", [](const Phase& p) {
            return "Phase(" + repr_string(p.id) + ", " + repr_string(p.name) + (p.title.empty() ? "" : ", title=" + repr_string(p.title)) + ")";
        });

    problem_class
        .def(py::init([](std::string id, std::string description, std::string source, std::vector<std::string> titles,
                         std::vector<std::string> indicators, std::map<std::string, std::string> responsibility,
                         std::optional<Date> found, std::optional<Date> deadline, std::optional<Date> closed) {
                 Problem p{std::move(id), std::move(description), std::move(source), std::move(titles), std::move(indicators),
                           std::move(responsibility), found.value_or(Date()), deadline.value_or(Date()), closed};
                 return p;
             }),
             py::arg("id") = "", py::kw_only(), py::arg("description") = "", py::arg("source") = "",
             py::arg("titles") = std::vector<std::string>(), py::arg("indicators") = std::vector<std::string>(),
             py::arg("responsibility") = std::map<std::string, std::string>(), py::arg("found") = py::none(),
             py::arg("deadline") = py::none(), py::arg("closed") = py::none(), "found, deadline, closed: datetime.date.")
        .def_readwrite("id", &Problem::id, "Unique among the plan's problems.")
        .def_readwrite("description", &Problem::description, "What was found.")
        .def_readwrite("source", &Problem::source, "The inspection that found it.")
        .def_readwrite("titles", &Problem::titles, "Ids of the titles it bears on.")
        .def_readwrite("indicators", &Problem::indicators, "Indicator ids it bears on.")
        .def_readwrite("responsibility", &Problem::responsibility, "Who rectifies it.")
        .def_property("found", [](const Problem& p) { return date_or_none(p.found); }, [](Problem& p, Date d) { p.found = d; },
                      "When it was found (None until set).")
        .def_property("deadline", [](const Problem& p) { return date_or_none(p.deadline); },
                      [](Problem& p, Date d) { p.deadline = d; }, "Rectification deadline (None until set).")
        .def_readwrite("closed", &Problem::closed, "When it was closed (销号), or None.")
        .def(py::self == any_object)
        .def("__repr__", [](const Problem& p) {
            return "<civitas.Problem " + repr_string(p.id) + ": due " + (p.deadline.is_special() ? "?" : to_iso(p.deadline)) +
                   (p.closed ? ", closed " + to_iso(*p.closed) : ", open") + ">";
        });

    spec_class.def(py::init([](std::string id, std::string name, std::vector<std::string> fields, std::vector<Title> titles,
                         std::vector<Phase> phases, std::map<std::string, std::string> responsibility, std::vector<Task> tasks,
                         std::vector<Problem> problems, std::vector<PlanSpec> subplans, std::string file) {
                 PlanSpec s;
                 s.id = std::move(id);
                 s.name = std::move(name);
                 s.responsibility_fields = std::move(fields);
                 s.titles = std::move(titles);
                 s.phases = std::move(phases);
                 s.responsibility = std::move(responsibility);
                 s.tasks = std::move(tasks);
                 s.problems = std::move(problems);
                 s.subplans = std::move(subplans);
                 s.file = std::move(file);
                 return s;
             }),
             py::arg("id") = "", py::kw_only(), py::arg("name") = "", py::arg("responsibility_fields") = std::vector<std::string>(),
             py::arg("titles") = std::vector<Title>(), py::arg("phases") = std::vector<Phase>(),
             py::arg("responsibility") = std::map<std::string, std::string>(), py::arg("tasks") = std::vector<Task>(),
             py::arg("problems") = std::vector<Problem>(), py::arg("subplans") = std::vector<PlanSpec>(), py::arg("file") = "")
        .def_readwrite("id", &PlanSpec::id, "Short id (no '/').")
        .def_readwrite("name", &PlanSpec::name, "Display name.")
        .def_readwrite("responsibility_fields", &PlanSpec::responsibility_fields,
                       "Allowed keys of responsibility maps (empty: any); root only.")
        .def_readwrite("titles", &PlanSpec::titles, "The titles the campaign runs for; root only.")
        .def_readwrite("phases", &PlanSpec::phases, "Phases, in order; root only.")
        .def_readwrite("responsibility", &PlanSpec::responsibility, "A sub-plan's default responsibility.")
        .def_readwrite("tasks", &PlanSpec::tasks, "Tasks, in order.")
        .def_readwrite("problems", &PlanSpec::problems, "Inspection problems, in order.")
        .def_readwrite("subplans", &PlanSpec::subplans, "Nested plans (a district's, a school's), in order.")
        .def_readwrite("file", &PlanSpec::file, "A sub-plan kept in its own file: its path relative to the parent's file.")
        .def(py::self == any_object);

    plan_class.def(py::init<PlanSpec>(), py::arg("spec"), "Validates the spec; ValidationError names the task and the field.")
        .def_property_readonly("spec", &Plan::spec, py::return_value_policy::copy, "The plan as plain data (a copy).")
        .def_property_readonly("id", [](const Plan& p) { return p.spec().id; })
        .def_property_readonly("name", [](const Plan& p) { return p.spec().name; })
        .def_property_readonly("tasks", &Plan::tasks, py::return_value_policy::copy,
                               "Every task, sub-plans' included (ids qualified 'district/task', default responsibility filled in); copies.")
        .def_property_readonly("problems", &Plan::problems, py::return_value_policy::copy,
                               "Every problem, sub-plans' included, as for tasks; copies.")
        .def_property_readonly("subplan_paths", &Plan::subplan_paths, "Paths of every sub-plan ('chengguan/school-3'), parents first.")
        .def("subplan_of_task", &Plan::subplan_of_task, py::arg("index"), "Path of the sub-plan of task `index` ('' for the root).")
        .def("subplan_of_problem", &Plan::subplan_of_problem, py::arg("index"), "Path of the sub-plan of problem `index`.")
        .def("titles_of_task", &Plan::titles_of_task, py::arg("index"), "The titles task `index` serves: its own, else its phase's.")
        .def("task_index", &Plan::task_index, py::arg("id"), "Position of a task in `tasks`; NotFoundError for an unknown id.")
        .def("tasks_frame", frame_method<Plan>("civitas._frames", "plan_tasks_frame"),
             "One row per task (index: task id, qualified 'district/task' in sub-plans), sub-plans' included, ready for "
             "a Gantt chart: name, phase, titles (comma-separated), subplan, start, due (`datetime.date`, None when the "
             "duration gives the finish), duration (working days, NaN when not given), deadline (None for none), milestone, "
             "check (the campaign check a milestone stands for, '' for none), weight (NaN when not given), "
             "percent_complete, then one column per responsibility field ('' where a task names nobody).")
        .def("problems_frame", frame_method<Plan>("civitas._frames", "plan_problems_frame"),
             "One row per inspection problem (index: problem id), sub-plans' included: description, source, titles and "
             "indicators (comma-separated), subplan, found, deadline, closed (`datetime.date`, None while open), then "
             "one column per responsibility field.")
        .def("__len__", [](const Plan& p) { return p.tasks().size(); })
        .def(py::self == any_object)
        .def("_repr_html_", html_method("plan_html"), html_doc)
        .def("__repr__", [](const Plan& plan) { return to_string(plan); });

    scheduled_class.def_readonly("id", &ScheduledTask::id)
        .def_readonly("duration", &ScheduledTask::duration,
                      "Working days: the task's duration, else from planned start to due, both included (milestones 0).")
        .def_readonly("earliest_start", &ScheduledTask::earliest_start)
        .def_readonly("earliest_finish", &ScheduledTask::earliest_finish)
        .def_readonly("latest_start", &ScheduledTask::latest_start)
        .def_readonly("latest_finish", &ScheduledTask::latest_finish)
        .def_readonly("slack", &ScheduledTask::slack,
                      "Total float: latest_finish - earliest_finish in working days (negative only where a deadline cannot be met).")
        .def_readonly("free_slack", &ScheduledTask::free_slack,
                      "Free float in working days: how far it can slip without moving a dependant's earliest start, past its "
                      "deadline or the plan's end.")
        .def_readonly("critical", &ScheduledTask::critical, "Slack equals the plan's smallest slack (0 unless a deadline cannot be met).")
        .def("__repr__", [](const ScheduledTask& t) {
            return "<civitas.ScheduledTask " + repr_string(t.id) + ": " + to_iso(t.earliest_start) + " .. " +
                   to_iso(t.earliest_finish) + ", slack " + std::to_string(t.slack) + ", free " + std::to_string(t.free_slack) +
                   (t.critical ? ", critical>" : ">");
        });

    sched_class.def_readonly("tasks", &Schedule::tasks, "One per task, in plan order.")
        .def_readonly("critical_path", &Schedule::critical_path, "The chain of critical tasks that ends last, first task first.")
        .def_readonly("smallest_slack", &Schedule::smallest_slack, "The critical tasks' slack: 0, or negative when a deadline cannot be met.")
        .def("task", &Schedule::task, py::arg("id"), py::return_value_policy::copy, "The task with this id; NotFoundError.")
        .def("to_frame", frame_method<Schedule>("civitas._frames", "schedule_to_frame"),
             "One row per task (index: task id), in plan order: duration (working days), earliest_start, "
             "earliest_finish, latest_start, latest_finish (`datetime.date`), slack (total float) and free_slack (free "
             "float; working days), critical.")
        .def("__len__", [](const Schedule& s) { return s.tasks.size(); })
        .def("_repr_html_", html_method("schedule_html"), html_doc)
        .def("__repr__", [](const Schedule& s) { return to_string(s); });

    change_class.def_readonly("id", &ScheduleChange::id)
        .def_readonly("earliest_finish", &ScheduleChange::earliest_finish, "Before the delay.")
        .def_readonly("delayed_finish", &ScheduleChange::delayed_finish, "After it.")
        .def_readonly("working_days", &ScheduleChange::working_days, "How far it moves.")
        .def_readonly("milestone", &ScheduleChange::milestone)
        .def("__repr__", [](const ScheduleChange& c) {
            return "<civitas.ScheduleChange " + repr_string(c.id) + ": " + to_iso(c.earliest_finish) + " -> " +
                   to_iso(c.delayed_finish) + " (+" + std::to_string(c.working_days) + " working days)>";
        });

    impact_class.def_readonly("tasks", &DelayImpact::tasks, "Every task whose earliest finish moves, in plan order.")
        .def_readonly("phases", &DelayImpact::phases, "Every phase whose end moves, in phase order.")
        .def("__repr__", [](const DelayImpact& d) {
            return "<civitas.DelayImpact: " + std::to_string(d.tasks.size()) + " tasks and " + std::to_string(d.phases.size()) +
                   " phases move>";
        });

    m.def("schedule", &schedule, py::arg("plan"), py::arg("calendar"), py::call_guard<py::gil_scoped_release>(),
          "Forward and backward pass on the calendar's working days; ValidationError naming a cycle.");
    m.def("what_if_delayed", &what_if_delayed, py::arg("plan"), py::arg("calendar"), py::arg("task"), py::arg("working_days"),
          py::call_guard<py::gil_scoped_release>(),
          "Delays a task's earliest start by `working_days`: the tasks and the phase ends that move.");
    m.def(
        "load_plan",
        [](const std::filesystem::path& path, const std::optional<Limits>& limits, bool allow_outside) {
            const ReadOptions options = read_options_of(limits, allow_outside);
            py::gil_scoped_release release;
            return load_plan(path, options);
        },
        py::arg("path"), py::kw_only(), py::arg("limits") = py::none(), py::arg("allow_outside") = false,
        "Reads and validates a plan file and its sub-plan files (inside its folder unless allow_outside); ParseError names "
        "the file, the JSON path and the value.");
    m.def(
        "parse_plan",
        [](std::string_view json, const std::string& file, const std::optional<std::filesystem::path>& base_folder,
           const std::optional<Limits>& limits, bool allow_outside) {
            return parse_plan(json, file, read_options_of(limits, allow_outside, base_folder));
        },
        py::arg("text"), py::arg("file") = "<string>", py::kw_only(), py::arg("base_folder") = py::none(),
        py::arg("limits") = py::none(), py::arg("allow_outside") = false,
        "Parses plan JSON text; sub-plan files are found in base_folder, else in `file`'s folder.");
    m.def("plan_to_json", &plan_to_json, py::arg("plan"), py::arg("indent") = 2,
          "The plan as JSON text with defaults left out, loadable again into an equal plan.");
    m.def(
        "save_plan",
        [](const Plan& plan, const std::filesystem::path& path, bool allow_outside) { save_plan(plan, path, SaveOptions{allow_outside}); },
        py::arg("plan"), py::arg("path"), py::kw_only(), py::arg("allow_outside") = false, py::call_guard<py::gil_scoped_release>(),
        "Writes the plan and its sub-plans kept in files, all or none (a failure leaves every file as it was: "
        "IoError); a sub-plan file outside its parent's folder is a ValidationError unless allow_outside.");

    // Status on a date.
    bind_enum<TaskState>(m, "TaskState", "A task's state on a date: done, overdue, at_risk, in_progress or not_started.");
    py::class_<TaskStatus>(m, "TaskStatus", "One task on the status date.")
        .def_readonly("id", &TaskStatus::id)
        .def_readonly("state", &TaskStatus::state, "Its state (the first of done, overdue, at_risk, in_progress, not_started that applies).")
        .def_readonly("due", &TaskStatus::due, "The date it is due: its deadline, else its planned finish.")
        .def_readonly("planned_percent", &TaskStatus::planned_percent, "Share of its working days elapsed, in [0, 100].")
        .def_readonly("percent_complete", &TaskStatus::percent_complete, "Reported progress, in [0, 100].")
        .def_readonly("weight", &TaskStatus::weight, "Effort weight used (given, else its working days).")
        .def_readonly("days_late", &TaskStatus::days_late, "Working days past `due`.")
        .def_readonly("budget", &TaskStatus::budget, "Yuan in its budget lines.")
        .def_readonly("spent", &TaskStatus::spent, "Yuan paid for it on or before the date (refunds taken off).")
        .def("__repr__", [](const TaskStatus& t) {
            return "<TaskStatus " + repr_string(t.id) + ": " + to_string(t.state) + ", " + repr_number(t.percent_complete) +
                   "% of " + repr_number(t.planned_percent) + "% planned>";
        });
    bind_enum<ProblemState>(m, "ProblemState", "A problem's state on a date: closed, closed_late, overdue or open.");
    py::class_<ProblemStatus>(m, "ProblemStatus", "One problem on the status date.")
        .def_readonly("id", &ProblemStatus::id)
        .def_readonly("state", &ProblemStatus::state)
        .def_readonly("days_late", &ProblemStatus::days_late, "Working days past the deadline.")
        .def("__repr__", [](const ProblemStatus& p) {
            return "<ProblemStatus " + repr_string(p.id) + ": " + to_string(p.state) +
                   (p.days_late > 0 ? ", " + std::to_string(p.days_late) + " working days late>" : ">");
        });
    py::class_<Rectification>(m, "Rectification", "Rectification of a set of problems (整改销号).")
        .def_readonly("found", &Rectification::found, "Problems found on or before the date.")
        .def_readonly("closed", &Rectification::closed, "Of them, closed (late or not).")
        .def_readonly("closed_on_time", &Rectification::closed_on_time, "Closed by their deadline.")
        .def_readonly("overdue", &Rectification::overdue, "Open past their deadline.")
        .def_property_readonly("closure_rate", &Rectification::closure_rate, "closed / found, or None when none was found.");
    py::class_<OverdueTask>(m, "OverdueTask", "A task past due and not done, with who answers for it.")
        .def_readonly("id", &OverdueTask::id)
        .def_readonly("name", &OverdueTask::name)
        .def_readonly("responsibility", &OverdueTask::responsibility, "Department, unit, leader, ...")
        .def_readonly("due", &OverdueTask::due)
        .def_readonly("days_late", &OverdueTask::days_late, "Working days past due.")
        .def_readonly("percent_complete", &OverdueTask::percent_complete)
        .def("__repr__", [](const OverdueTask& t) {
            return "<OverdueTask " + repr_string(t.id) + ": due " + to_iso(t.due) + ", " + std::to_string(t.days_late) +
                   " working days late>";
        });
    py::class_<Progress>(m, "Progress", "Planned against earned progress of a set of tasks, and the rectification of its problems.")
        .def_readonly("tasks", &Progress::tasks)
        .def_readonly("states", &Progress::states, "Tasks in each TaskState.")
        .def_readonly("planned_value", &Progress::planned_value, "PV: sum of weight x planned share.")
        .def_readonly("earned_value", &Progress::earned_value, "EV: sum of weight x completed share.")
        .def_readonly("spi", &Progress::spi, "EV / PV, or None when PV is 0.")
        .def_readonly("spi_t", &Progress::spi_t, "Earned schedule / actual time, or None before the plan begins.")
        .def_readonly("done_on_time", &Progress::done_on_time)
        .def_readonly("due", &Progress::due, "Tasks due on or before the date.")
        .def_readonly("problems", &Progress::problems, "The set's inspection problems.")
        .def_readonly("budget", &Progress::budget, "Yuan budgeted for its tasks (BAC).")
        .def_readonly("budget_planned", &Progress::budget_planned, "Sum of budget x planned share: the work planned by the date, in yuan (PV).")
        .def_readonly("budget_earned", &Progress::budget_earned, "Sum of budget x completed share: the work done, in yuan (EV).")
        .def_readonly("spent", &Progress::spent, "Yuan paid on or before the date (AC).")
        .def_readonly("cpi", &Progress::cpi, "budget_earned / spent, the cost performance index; None while nothing is spent.")
        .def_property_readonly("on_time_rate", &Progress::on_time_rate, "done_on_time / due, or None when nothing is due.")
        .def_property_readonly("spending_rate", &Progress::spending_rate, "spent / budget (预算执行率), or None without a budget.");
    py::class_<AccountFunds>(m, "AccountFunds", "One fund account's money across the plan's tasks.")
        .def_readonly("budget", &AccountFunds::budget, "Yuan in the tasks' budget lines on it.")
        .def_readonly("spent", &AccountFunds::spent, "Yuan paid from it on or before the date.")
        .def_property_readonly("spending_rate", &AccountFunds::spending_rate, "spent / budget, or None when nothing is budgeted on it.")
        .def("__repr__", [](const AccountFunds& a) {
            return "<AccountFunds: spent " + repr_number(a.spent) + " of " + repr_number(a.budget) + " yuan>";
        });
    py::class_<OverBudget>(m, "OverBudget", "A task's budget line paid past its amount on the date, with who answers for the task.")
        .def_readonly("id", &OverBudget::id)
        .def_readonly("name", &OverBudget::name)
        .def_readonly("responsibility", &OverBudget::responsibility, "Department, unit, leader, ...")
        .def_readonly("account", &OverBudget::account, "The budget line's account.")
        .def_readonly("budget", &OverBudget::budget, "Yuan in the line.")
        .def_readonly("spent", &OverBudget::spent, "Yuan paid from it, more than the budget.")
        .def("__repr__", [](const OverBudget& o) {
            return "<OverBudget " + repr_string(o.id) + ": spent " + repr_number(o.spent) + " of " + repr_number(o.budget) + " yuan>";
        });
    py::class_<PlanStatus>(m, "PlanStatus", "A plan's status on a date.")
        .def_readonly("as_of", &PlanStatus::as_of)
        .def_readonly("tasks", &PlanStatus::tasks, "Per task, in the order of Plan.tasks.")
        .def_readonly("problems", &PlanStatus::problems, "Problems found on or before the date, in the order of Plan.problems.")
        .def_readonly("overdue", &PlanStatus::overdue, "Overdue tasks with who answers for them, most days late first.")
        .def_readonly("overall", &PlanStatus::overall)
        .def_readonly("by_phase", &PlanStatus::by_phase, "Progress of tasks by phase id ('' for none).")
        .def_readonly("by_title", &PlanStatus::by_title, "Progress by title id ('' for the whole campaign).")
        .def_readonly("by_subplan", &PlanStatus::by_subplan, "Progress by sub-plan path, sub-plans' included ('' is the root's own).")
        .def_readonly("by_responsibility", &PlanStatus::by_responsibility, "field -> value -> Progress.")
        .def_readonly("by_account", &PlanStatus::by_account, "Fund account -> AccountFunds ('' the general fund); empty without budgets.")
        .def_readonly("over_budget", &PlanStatus::over_budget, "Budget lines paid past their amount, most overspent first.")
        .def("task", &PlanStatus::task, py::arg("id"), py::return_value_policy::copy, "The task with this id; NotFoundError.")
        .def("problem", &PlanStatus::problem, py::arg("id"), py::return_value_policy::copy, "The problem with this id; NotFoundError.")
        .def("to_frame", frame_method<PlanStatus>("civitas._frames", "status_to_frame"),
             "One row per task (index: task id), in plan order: state (name), due (`datetime.date`), planned_percent, "
             "percent_complete, weight, days_late, budget, spent (yuan).")
        .def(
            "rollup_frame",
            [](const PlanStatus& self, const std::string& by) {
                return DataFrame(python_function("civitas._frames", "status_rollup_frame")(self, by));
            },
            py::arg("by") = "phase",
            "One row per phase (`by=\"phase\"`), title (`\"title\"`), sub-plan (`\"subplan\"`) or value of a "
            "responsibility field (`by=\"department\"`, ...): tasks, due, done_on_time, on_time_rate, planned_value, "
            "earned_value, spi, spi_t, a count per task state, then the problems: problems_found, problems_closed, "
            "problems_closed_on_time, problems_overdue, closure_rate, then the money (yuan): budget, budget_planned, "
            "budget_earned, spent, spending_rate, cpi. Sorted by on-time rate, then SPI, best first (as "
            "circulars rank them). NotFoundError for a field the plan does not have.")
        .def("funds_frame", frame_method<PlanStatus>("civitas._frames", "status_funds_frame"),
             "One row per fund account (index: account, '' the general fund): budget and spent (yuan), spending_rate "
             "(spent / budget, NaN without a budget).")
        .def("overdue_frame", frame_method<PlanStatus>("civitas._frames", "status_overdue_frame"),
             "The overdue list of a supervision circular, most days late first (index: task id): name, due, days_late "
             "(working days), percent_complete, then one column per responsibility field the overdue tasks name "
             "(department, unit, leader, ...; '' where a task names nobody).")
        .def("problems_frame", frame_method<PlanStatus>("civitas._frames", "status_problems_frame"),
             "One row per problem found on or before the date (index: problem id): state (name) and days_late (working "
             "days past the deadline). Join with `Plan.problems_frame()` for who and what.")
        .def("__len__", [](const PlanStatus& s) { return s.tasks.size(); })
        .def("_repr_html_", html_method("status_html"), html_doc)
        .def("__repr__", [](const PlanStatus& s) { return to_string(s); });
    m.def(
        "status",
        [](const Plan& plan, const WorkCalendar& calendar, const Date& as_of, int at_risk_within) {
            StatusOptions options;
            options.at_risk_within = at_risk_within;
            return status(plan, calendar, as_of, options);
        },
        py::arg("plan"), py::arg("calendar"), py::arg("as_of"), py::kw_only(), py::arg("at_risk_within") = 5,
        py::call_guard<py::gil_scoped_release>(),
        "Each task's and problem's state on `as_of`, planned against earned progress and earned schedule, the overdue "
        "list, rolled up by phase, title, sub-plan and responsibility.");
}

}  // namespace civitas::python
