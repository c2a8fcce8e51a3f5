#include <civitas/error.hpp>
#include <civitas/plan.hpp>

#include <algorithm>
#include <cmath>
#include <set>

namespace civitas {

bool operator==(const Task& a, const Task& b) noexcept {
    return a.id == b.id && a.name == b.name && a.phase == b.phase && a.responsibility == b.responsibility &&
           a.start == b.start && a.due == b.due && a.milestone == b.milestone && a.weight == b.weight &&
           a.indicators == b.indicators && a.depends_on == b.depends_on && a.actual_start == b.actual_start &&
           a.actual_finish == b.actual_finish && a.percent_complete == b.percent_complete;
}

bool operator==(const PlanSpec& a, const PlanSpec& b) noexcept {
    return a.id == b.id && a.name == b.name && a.responsibility_fields == b.responsibility_fields &&
           a.phases == b.phases && a.tasks == b.tasks;
}

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& message) { throw ValidationError(path, message); }

std::string in_quotes(const std::string& text) { return "'" + text + "'"; }

void check_date(const Date& date, const std::string& path) {
    if (date.is_special()) fail(path, "not a date; expected a date YYYY-MM-DD");
}

}  // namespace

Plan::Plan(PlanSpec spec) : spec_(std::move(spec)) {
    std::set<std::string> phases;
    for (std::size_t k = 0; k < spec_.phases.size(); ++k) {
        const std::string path = "$.phases[" + std::to_string(k) + "].id";
        if (spec_.phases[k].id.empty()) fail(path, "id is empty; expected a non-empty id");
        if (!phases.insert(spec_.phases[k].id).second)
            fail(path, "duplicate phase id " + in_quotes(spec_.phases[k].id) + "; expected each phase once");
    }
    const std::set<std::string> fields(spec_.responsibility_fields.begin(), spec_.responsibility_fields.end());
    for (std::size_t k = 0; k < spec_.tasks.size(); ++k) {
        const Task& task = spec_.tasks[k];
        const std::string path = "$.tasks[" + std::to_string(k) + "]";
        if (task.id.empty()) fail(path + ".id", "id is empty; expected a non-empty id");
        if (!index_.emplace(task.id, k).second)
            fail(path + ".id", "duplicate task id " + in_quotes(task.id) + "; expected each task once");
        check_date(task.start, path + ".start");
        check_date(task.due, path + ".due");
        if (task.due < task.start)
            fail(path + ".due", to_iso(task.due) + " is before the start " + to_iso(task.start) + " of task " +
                                    in_quotes(task.id) + "; expected a due date on or after the start");
        if (task.milestone && task.start != task.due)
            fail(path + ".due", "milestone " + in_quotes(task.id) + " spans " + to_iso(task.start) + " to " + to_iso(task.due) +
                                    "; expected one date (start equal to due)");
        if (!task.phase.empty() && phases.count(task.phase) == 0)
            fail(path + ".phase", "unknown phase " + in_quotes(task.phase) + " of task " + in_quotes(task.id) +
                                      "; expected one of the plan's phases");
        for (const auto& [field, value] : task.responsibility)
            if (!fields.empty() && fields.count(field) == 0)
                fail(path + ".responsibility." + field, "unknown responsibility field " + in_quotes(field) + " of task " +
                                                            in_quotes(task.id) + "; expected one of the plan's responsibility_fields");
        if (task.weight && !(std::isfinite(*task.weight) && *task.weight >= 0))
            fail(path + ".weight", "weight of task " + in_quotes(task.id) + " is not a number >= 0; expected an effort weight >= 0");
        if (!(task.percent_complete >= 0 && task.percent_complete <= 100))
            fail(path + ".percent_complete", "progress of task " + in_quotes(task.id) + " is outside [0, 100]; expected a percentage");
        if (task.actual_start) check_date(*task.actual_start, path + ".actual_start");
        if (task.actual_finish) {
            check_date(*task.actual_finish, path + ".actual_finish");
            if (task.actual_start && *task.actual_finish < *task.actual_start)
                fail(path + ".actual_finish", to_iso(*task.actual_finish) + " is before the actual start " +
                                                  to_iso(*task.actual_start) + "; expected a finish on or after the start");
        }
    }
    waits_for_.resize(spec_.tasks.size());
    for (std::size_t k = 0; k < spec_.tasks.size(); ++k) {
        const Task& task = spec_.tasks[k];
        for (std::size_t d = 0; d < task.depends_on.size(); ++d) {
            const std::string& other = task.depends_on[d].task;
            const auto found = index_.find(other);
            if (found == index_.end() || other == task.id) {
                const std::string path = "$.tasks[" + std::to_string(k) + "].depends_on[" + std::to_string(d) + "].task";
                if (found == index_.end())
                    fail(path, "task " + in_quotes(task.id) + " depends on unknown task " + in_quotes(other) + "; expected a task id of the plan");
                fail(path, "task " + in_quotes(task.id) + " depends on itself; expected another task");
            }
            waits_for_[k].push_back(found->second);
        }
    }
}

std::string to_string(const Plan& plan) {
    const PlanSpec& spec = plan.spec();
    const auto milestones = std::count_if(spec.tasks.begin(), spec.tasks.end(), [](const Task& t) { return t.milestone; });
    return "Plan('" + spec.id + "': " + std::to_string(spec.tasks.size()) + " tasks (" + std::to_string(milestones) +
           " milestones), " + std::to_string(spec.phases.size()) + " phases)";
}

std::size_t Plan::task_index(const std::string& id) const {
    const auto found = index_.find(id);
    if (found == index_.end()) throw NotFoundError("unknown task id '" + id + "' in plan '" + spec_.id + "'");
    return found->second;
}

}  // namespace civitas
