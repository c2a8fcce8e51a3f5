// Plans: validation with JSON paths, and the flattening of sub-plans into one list of tasks.

#include <civitas/error.hpp>
#include <civitas/plan.hpp>

#include <algorithm>
#include <cmath>
#include <set>

namespace civitas {

bool operator==(const Task& a, const Task& b) noexcept {
    return a.id == b.id && a.name == b.name && a.phase == b.phase && a.titles == b.titles &&
           a.responsibility == b.responsibility && a.start == b.start && a.due == b.due && a.milestone == b.milestone &&
           a.weight == b.weight && a.indicators == b.indicators && a.depends_on == b.depends_on &&
           a.actual_start == b.actual_start && a.actual_finish == b.actual_finish && a.percent_complete == b.percent_complete;
}

bool operator==(const Problem& a, const Problem& b) noexcept {
    return a.id == b.id && a.description == b.description && a.source == b.source && a.titles == b.titles &&
           a.indicators == b.indicators && a.responsibility == b.responsibility && a.found == b.found &&
           a.deadline == b.deadline && a.closed == b.closed;
}

bool operator==(const PlanSpec& a, const PlanSpec& b) noexcept {
    return a.id == b.id && a.name == b.name && a.responsibility_fields == b.responsibility_fields && a.titles == b.titles &&
           a.phases == b.phases && a.responsibility == b.responsibility && a.tasks == b.tasks && a.problems == b.problems &&
           a.subplans == b.subplans && a.file == b.file;
}

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& message) { throw ValidationError(path, message); }

std::string in_quotes(const std::string& text) { return "'" + text + "'"; }

void check_date(const Date& date, const std::string& path) {
    if (date.is_special()) fail(path, "not a date; expected a date YYYY-MM-DD");
}

void check_id(const std::string& id, const std::string& path) {
    if (id.empty()) fail(path, "id is empty; expected a non-empty id");
    if (id.find('/') != std::string::npos)
        fail(path, "id " + in_quotes(id) + " holds '/'; expected an id without '/' (it separates sub-plans)");
}

// Where a flattened task or problem came from: its plan (a scope) and its position there.
struct Origin {
    std::size_t scope = 0;
    std::size_t position = 0;
};

// A plan or sub-plan while flattening: its JSON path, its id prefix ("chengguan/") and parent.
struct Scope {
    const PlanSpec* spec = nullptr;
    std::string path;
    std::string prefix;
    std::size_t parent = 0;  // the root is its own parent
};

// Checks one plan or sub-plan and everything under it, against the root's names.
class Checker {
public:
    Checker(const PlanSpec& root, const std::set<std::string>& titles, const std::set<std::string>& phases)
        : fields_(root.responsibility_fields.begin(), root.responsibility_fields.end()), titles_(titles), phases_(phases) {}

    void check_responsibility(const std::map<std::string, std::string>& who, const std::string& path, const std::string& owner) const {
        for (const auto& [field, value] : who)
            if (!fields_.empty() && fields_.count(field) == 0)
                fail(path + ".responsibility." + field, "unknown responsibility field " + in_quotes(field) + " of " + owner +
                                                            "; expected one of the plan's responsibility_fields");
    }

    void check_titles(const std::vector<std::string>& ids, const std::string& path, const std::string& owner) const {
        std::set<std::string> seen;
        for (std::size_t k = 0; k < ids.size(); ++k) {
            const std::string at = path + ".titles[" + std::to_string(k) + "]";
            if (titles_.count(ids[k]) == 0)
                fail(at, "unknown title " + in_quotes(ids[k]) + " of " + owner + "; expected one of the plan's titles");
            if (!seen.insert(ids[k]).second) fail(at, "title " + in_quotes(ids[k]) + " is listed twice; expected each title once");
        }
    }

    void check_task(const Task& task, const std::string& path) const {
        const std::string owner = "task " + in_quotes(task.id);
        check_date(task.start, path + ".start");
        check_date(task.due, path + ".due");
        if (task.due < task.start)
            fail(path + ".due", to_iso(task.due) + " is before the start " + to_iso(task.start) + " of " + owner +
                                    "; expected a due date on or after the start");
        if (task.milestone && task.start != task.due)
            fail(path + ".due", "milestone " + in_quotes(task.id) + " spans " + to_iso(task.start) + " to " + to_iso(task.due) +
                                    "; expected one date (start equal to due)");
        if (!task.phase.empty() && phases_.count(task.phase) == 0)
            fail(path + ".phase", "unknown phase " + in_quotes(task.phase) + " of " + owner + "; expected one of the plan's phases");
        check_titles(task.titles, path, owner);
        check_responsibility(task.responsibility, path, owner);
        if (task.weight && !(std::isfinite(*task.weight) && *task.weight >= 0))
            fail(path + ".weight", "weight of " + owner + " is not a number >= 0; expected an effort weight >= 0");
        if (!(task.percent_complete >= 0 && task.percent_complete <= 100))
            fail(path + ".percent_complete", "progress of " + owner + " is outside [0, 100]; expected a percentage");
        if (task.actual_start) check_date(*task.actual_start, path + ".actual_start");
        if (task.actual_finish) {
            check_date(*task.actual_finish, path + ".actual_finish");
            if (task.actual_start && *task.actual_finish < *task.actual_start)
                fail(path + ".actual_finish", to_iso(*task.actual_finish) + " is before the actual start " +
                                                  to_iso(*task.actual_start) + "; expected a finish on or after the start");
        }
    }

    void check_problem(const Problem& problem, const std::string& path) const {
        const std::string owner = "problem " + in_quotes(problem.id);
        check_date(problem.found, path + ".found");
        check_date(problem.deadline, path + ".deadline");
        if (problem.deadline < problem.found)
            fail(path + ".deadline", to_iso(problem.deadline) + " is before " + to_iso(problem.found) + ", when " + owner +
                                         " was found; expected a deadline on or after it");
        if (problem.closed) {
            check_date(*problem.closed, path + ".closed");
            if (*problem.closed < problem.found)
                fail(path + ".closed", to_iso(*problem.closed) + " is before " + to_iso(problem.found) + ", when " + owner +
                                           " was found; expected a closing date on or after it");
        }
        check_titles(problem.titles, path, owner);
        check_responsibility(problem.responsibility, path, owner);
    }

private:
    std::set<std::string> fields_;
    const std::set<std::string>& titles_;
    const std::set<std::string>& phases_;
};

// `who` with the fields it leaves out taken from `defaults`.
std::map<std::string, std::string> filled(std::map<std::string, std::string> who, const std::map<std::string, std::string>& defaults) {
    for (const auto& [field, value] : defaults) who.emplace(field, value);
    return who;
}

}  // namespace

Plan::Plan(PlanSpec spec) : spec_(std::move(spec)) {
    std::set<std::string> titles, phases;
    for (std::size_t k = 0; k < spec_.titles.size(); ++k) {
        const std::string path = "$.titles[" + std::to_string(k) + "].id";
        check_id(spec_.titles[k].id, path);
        if (!titles.insert(spec_.titles[k].id).second)
            fail(path, "duplicate title id " + in_quotes(spec_.titles[k].id) + "; expected each title once");
    }
    for (std::size_t k = 0; k < spec_.phases.size(); ++k) {
        const Phase& phase = spec_.phases[k];
        const std::string path = "$.phases[" + std::to_string(k) + "]";
        check_id(phase.id, path + ".id");
        if (!phases.insert(phase.id).second) fail(path + ".id", "duplicate phase id " + in_quotes(phase.id) + "; expected each phase once");
        if (!phase.title.empty() && titles.count(phase.title) == 0)
            fail(path + ".title", "unknown title " + in_quotes(phase.title) + " of phase " + in_quotes(phase.id) +
                                      "; expected one of the plan's titles");
        phase_index_.emplace(phase.id, k);
        phase_titles_.push_back(phase.title.empty() ? std::vector<std::string>{} : std::vector<std::string>{phase.title});
    }
    const Checker checker(spec_, titles, phases);
    if (!spec_.responsibility.empty())
        fail("$.responsibility", "the root plan has default responsibility; expected it on sub-plans only (tasks name theirs)");
    if (!spec_.file.empty()) fail("$.file", "the root plan names a file; expected \"file\" on sub-plans only");

    // Every plan and sub-plan, parents first, each with its merged default responsibility.
    std::vector<Scope> scopes{{&spec_, "$", "", 0}};
    std::vector<std::map<std::string, std::string>> defaults{{}};
    for (std::size_t s = 0; s < scopes.size(); ++s) {
        const Scope scope = scopes[s];
        const PlanSpec& plan = *scope.spec;
        if (s > 0) {
            check_id(plan.id, scope.path + ".id");
            if (!plan.responsibility_fields.empty() || !plan.titles.empty() || !plan.phases.empty()) {
                const char* key = !plan.responsibility_fields.empty() ? ".responsibility_fields" : !plan.titles.empty() ? ".titles" : ".phases";
                fail(scope.path + key, "sub-plan " + in_quotes(plan.id) + " declares its own " + std::string(key).substr(1) +
                                           "; expected none (a sub-plan uses the root plan's)");
            }
            checker.check_responsibility(plan.responsibility, scope.path, "sub-plan " + in_quotes(plan.id));
            subplan_paths_.push_back(scope.prefix.substr(0, scope.prefix.size() - 1));
        }
        std::set<std::string> sibling_ids;
        for (std::size_t k = 0; k < plan.subplans.size(); ++k) {
            const std::string path = scope.path + ".subplans[" + std::to_string(k) + "]";
            if (!sibling_ids.insert(plan.subplans[k].id).second)
                fail(path + ".id", "duplicate sub-plan id " + in_quotes(plan.subplans[k].id) + "; expected each sub-plan once");
            scopes.push_back({&plan.subplans[k], path, scope.prefix + plan.subplans[k].id + "/", s});
            defaults.push_back(filled(plan.subplans[k].responsibility, defaults[s]));
        }
    }

    // Each task or problem: its id, unique once qualified, and its own rules; with sub-plans, a
    // copy with the qualified id and the sub-plan's default responsibility filled in.
    std::unordered_map<std::string, std::size_t> problem_ids;
    auto take = [&](std::size_t s, const auto& items, const char* key, const std::string& what,
                    std::unordered_map<std::string, std::size_t>& ids, auto& flat, std::vector<std::size_t>& subplan_of,
                    const auto& check) {
        const Scope& scope = scopes[s];
        for (std::size_t k = 0; k < items.size(); ++k) {
            const auto& item = items[k];
            const std::string path = scope.path + "." + key + "[" + std::to_string(k) + "]";
            check_id(item.id, path + ".id");
            if (!ids.emplace(scope.prefix + item.id, ids.size()).second)
                fail(path + ".id", "duplicate " + what + " id " + in_quotes(item.id) + "; expected each " + what + " once");
            check(item, path);
            if (spec_.subplans.empty()) continue;
            flat.push_back(item);
            flat.back().id = scope.prefix + item.id;
            flat.back().responsibility = filled(item.responsibility, defaults[s]);
            subplan_of.push_back(s);
        }
    };
    std::vector<Origin> origins;  // of each task in tasks(), when there are sub-plans
    for (std::size_t s = 0; s < scopes.size(); ++s) {
        take(s, scopes[s].spec->tasks, "tasks", "task", index_, tasks_, subplan_of_task_,
             [&](const Task& task, const std::string& path) { checker.check_task(task, path); });
        take(s, scopes[s].spec->problems, "problems", "problem", problem_ids, problems_, subplan_of_problem_,
             [&](const Problem& problem, const std::string& path) { checker.check_problem(problem, path); });
        if (!spec_.subplans.empty())
            for (std::size_t k = 0; k < scopes[s].spec->tasks.size(); ++k) origins.push_back({s, k});
    }

    // Dependencies: the id in the task's own plan, then outwards to the root.
    const std::vector<Task>& all = tasks();
    waits_for_.resize(all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Origin origin = origins.empty() ? Origin{0, i} : origins[i];
        for (std::size_t d = 0; d < all[i].depends_on.size(); ++d) {
            const std::string& other = all[i].depends_on[d].task;
            auto found = index_.end();
            for (std::size_t s = origin.scope;; s = scopes[s].parent) {
                found = index_.find(scopes[s].prefix + other);
                if (found != index_.end() || s == 0) break;
            }
            if (found == index_.end() || found->second == i) {
                const std::string path = scopes[origin.scope].path + ".tasks[" + std::to_string(origin.position) +
                                         "].depends_on[" + std::to_string(d) + "].task";
                if (found == index_.end())
                    fail(path, "task " + in_quotes(all[i].id) + " depends on unknown task " + in_quotes(other) +
                                   "; expected a task id of the plan");
                fail(path, "task " + in_quotes(all[i].id) + " depends on itself; expected another task");
            }
            waits_for_[i].push_back(found->second);
        }
    }
}

const std::string& Plan::subplan_of_task(std::size_t index) const {
    static const std::string root;
    if (index >= tasks().size()) throw NotFoundError("no task at position " + std::to_string(index) + " in plan '" + spec_.id + "'");
    return subplan_of_task_.empty() || subplan_of_task_[index] == 0 ? root : subplan_paths_[subplan_of_task_[index] - 1];
}

const std::string& Plan::subplan_of_problem(std::size_t index) const {
    static const std::string root;
    if (index >= problems().size())
        throw NotFoundError("no problem at position " + std::to_string(index) + " in plan '" + spec_.id + "'");
    return subplan_of_problem_.empty() || subplan_of_problem_[index] == 0 ? root : subplan_paths_[subplan_of_problem_[index] - 1];
}

const std::vector<std::string>& Plan::titles_of_task(std::size_t index) const {
    if (index >= tasks().size()) throw NotFoundError("no task at position " + std::to_string(index) + " in plan '" + spec_.id + "'");
    const Task& task = tasks()[index];
    if (!task.titles.empty() || task.phase.empty()) return task.titles;
    return phase_titles_[phase_index_.at(task.phase)];
}

std::string to_string(const Plan& plan) {
    const auto& tasks = plan.tasks();
    const auto milestones = std::count_if(tasks.begin(), tasks.end(), [](const Task& t) { return t.milestone; });
    std::string text = "Plan('" + plan.spec().id + "': " + std::to_string(tasks.size()) + " tasks (" + std::to_string(milestones) +
                       " milestones), " + std::to_string(plan.spec().phases.size()) + " phases";
    if (!plan.problems().empty()) text += ", " + std::to_string(plan.problems().size()) + " problems";
    if (!plan.subplan_paths().empty()) text += ", " + std::to_string(plan.subplan_paths().size()) + " sub-plans";
    return text + ")";
}

std::size_t Plan::task_index(const std::string& id) const {
    const auto found = index_.find(id);
    if (found == index_.end()) throw NotFoundError("unknown task id '" + id + "' in plan '" + spec_.id + "'");
    return found->second;
}

}  // namespace civitas
