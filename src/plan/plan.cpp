// Plans: validation with JSON paths, and the flattening of sub-plans into one list of tasks.

#include <civitas/core/error.hpp>
#include <civitas/core/limits.hpp>
#include <civitas/plan/plan.hpp>

#include "plan/detail/funds.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace civitas {

bool operator==(const Task& a, const Task& b) noexcept {
    return a.id == b.id && a.name == b.name && a.phase == b.phase && a.titles == b.titles &&
           a.responsibility == b.responsibility && a.start == b.start && a.due == b.due && a.duration == b.duration && a.deadline == b.deadline &&
           a.milestone == b.milestone &&
           a.check == b.check && a.weight == b.weight && a.indicators == b.indicators && a.depends_on == b.depends_on &&
           a.actual_start == b.actual_start && a.actual_finish == b.actual_finish && a.percent_complete == b.percent_complete &&
           a.budget == b.budget && a.spending == b.spending;
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

[[noreturn]] void fail(const std::string& path, Message message) { throw ValidationError(path, std::move(message)); }

// The longest duration a task may give, in working days: as far as a lag may reach (100 years of days).
constexpr int max_duration = 36600;

// What a message is about: "task 'a'" / "任务 'a'", "problem 'p1'", "sub-plan 'chengguan'".
Message task_named(const std::string& id) { return Message("task '{0}'"_en, "任务 '{0}'"_zh, {id}); }
Message problem_named(const std::string& id) { return Message("problem '{0}'"_en, "问题 '{0}'"_zh, {id}); }
Message subplan_named(const std::string& id) { return Message("sub-plan '{0}'"_en, "子计划 '{0}'"_zh, {id}); }

void check_date(const Date& date, const std::string& path) {
    if (date.is_special()) fail(path, Message("not a date; expected a date YYYY-MM-DD"_en, "不是日期；应为 YYYY-MM-DD 格式的日期"_zh));
}

void check_id(const std::string& id, const std::string& path) {
    if (id.empty()) fail(path, Message("id is empty; expected a non-empty id"_en, "id 为空；应为非空的 id"_zh));
    if (id.find('/') != std::string::npos)
        fail(path, Message("id '{0}' holds '/'; expected an id without '/' (it separates sub-plans)"_en,
                           "id '{0}' 含有 '/'；id 中不应含 '/'（它用于分隔子计划）"_zh, {id}));
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

    void check_responsibility(const std::map<std::string, std::string>& who, const std::string& path, const Message& owner) const {
        for (const auto& [field, value] : who)
            if (!fields_.empty() && fields_.count(field) == 0)
                fail(path + ".responsibility." + field,
                     Message("unknown responsibility field '{0}' of {1}; expected one of the plan's responsibility_fields"_en,
                             "{1} 的责任字段 '{0}' 未定义；应为计划 responsibility_fields 中的字段之一"_zh, {field, owner}));
    }

    void check_titles(const std::vector<std::string>& ids, const std::string& path, const Message& owner) const {
        std::set<std::string> seen;
        for (std::size_t k = 0; k < ids.size(); ++k) {
            const std::string at = path + ".titles[" + std::to_string(k) + "]";
            if (titles_.count(ids[k]) == 0)
                fail(at, Message("unknown title '{0}' of {1}; expected one of the plan's titles"_en,
                                 "{1} 的称号 '{0}' 未定义；应为计划中的称号之一"_zh, {ids[k], owner}));
            if (!seen.insert(ids[k]).second)
                fail(at, Message("title '{0}' is listed twice; expected each title once"_en, "称号 '{0}' 重复列出；每个称号应只列一次"_zh, {ids[k]}));
        }
    }

    void check_task(const Task& task, const std::string& path) const {
        const Message owner = task_named(task.id);
        check_date(task.start, path + ".start");
        if (task.milestone && task.duration)
            fail(path + ".duration", Message("milestone '{0}' has a duration of {1} working days; expected none (a milestone is a point in time)"_en,
                                             "里程碑 '{0}' 有 {1} 个工作日的工期；里程碑是时间点，不应有工期"_zh,
                                             {task.id, std::to_string(*task.duration)}));
        if (task.duration && (*task.duration < 1 || *task.duration > max_duration))
            fail(path + ".duration", Message("{0} working days for {1}; expected a whole number of working days in [1, {2}]"_en,
                                             "{1} 的工期为 {0} 个工作日；应为 [1, {2}] 之内的整数个工作日"_zh,
                                             {std::to_string(*task.duration), owner, std::to_string(max_duration)}));
        if (task.due.is_not_a_date() && !task.duration && !task.milestone)
            fail(path + ".due", Message("{0} has neither a due date nor a duration; expected \"due\" (its planned finish) or \"duration\" (working days)"_en,
                                        "{0} 既无计划完成日期也无工期；应给出 \"due\"（计划完成日期）或 \"duration\"（工作日数）"_zh, {owner}));
        if (task.milestone || !task.due.is_not_a_date()) check_date(task.due, path + ".due");
        if (task.deadline) check_date(*task.deadline, path + ".deadline");
        if (!task.due.is_special() && task.due < task.start)
            fail(path + ".due", Message("{0} is before the start {1} of {2}; expected a due date on or after the start"_en,
                                        "{0} 早于{2} 的开始日期 {1}；截止日期应不早于开始日期"_zh,
                                        {to_iso(task.due), to_iso(task.start), owner}));
        if (task.milestone && task.start != task.due)
            fail(path + ".due", Message("milestone '{0}' spans {1} to {2}; expected one date (start equal to due)"_en,
                                        "里程碑 '{0}' 跨越 {1} 至 {2}；应为单一日期（开始日期等于截止日期）"_zh,
                                        {task.id, to_iso(task.start), to_iso(task.due)}));
        if (!task.check.empty() && !task.milestone)
            fail(path + ".check",
                 Message("{0} names check '{1}' but is not a milestone; expected \"check\" on a milestone only (a check is one date)"_en,
                         "{0} 指定了检查 '{1}'，但不是里程碑；\"check\" 只应用于里程碑（检查只有一个日期）"_zh, {owner, task.check}));
        if (!task.phase.empty() && phases_.count(task.phase) == 0)
            fail(path + ".phase", Message("unknown phase '{0}' of {1}; expected one of the plan's phases"_en,
                                          "{1} 的阶段 '{0}' 未定义；应为计划中的阶段之一"_zh, {task.phase, owner}));
        check_titles(task.titles, path, owner);
        check_responsibility(task.responsibility, path, owner);
        if (task.weight && !(std::isfinite(*task.weight) && *task.weight >= 0))
            fail(path + ".weight", Message("weight of {0} is not a number >= 0; expected an effort weight >= 0"_en,
                                           "{0} 的权重不是 >= 0 的数；应为 >= 0 的工作量权重"_zh, {owner}));
        if (!(task.percent_complete >= 0 && task.percent_complete <= 100))
            fail(path + ".percent_complete", Message("progress of {0} is outside [0, 100]; expected a percentage"_en,
                                                     "{0} 的完成进度不在 [0, 100] 之内；应为百分比"_zh, {owner}));
        if (task.actual_start) check_date(*task.actual_start, path + ".actual_start");
        if (task.actual_finish) {
            check_date(*task.actual_finish, path + ".actual_finish");
            if (task.actual_start && *task.actual_finish < *task.actual_start)
                fail(path + ".actual_finish", Message("{0} is before the actual start {1}; expected a finish on or after the start"_en,
                                                      "{0} 早于实际开始日期 {1}；实际完成日期应不早于实际开始日期"_zh,
                                                      {to_iso(*task.actual_finish), to_iso(*task.actual_start)}));
        }
        check_funds(task, path, owner);
    }

    // Budget lines on distinct accounts; each payment from one of them (专款专用).
    static void check_funds(const Task& task, const std::string& path, const Message& owner) {
        std::set<std::string> accounts;
        for (std::size_t k = 0; k < task.budget.size(); ++k) {
            const std::string at = path + ".budget[" + std::to_string(k) + "]";
            if (auto fault = detail::budget_fault(task.budget[k], owner)) fail(at + "." + fault->field, std::move(fault->message));
            if (!accounts.insert(task.budget[k].account).second)
                fail(at + ".account", Message("{0} has two budget lines in {1}; expected one line per account"_en,
                                              "{1} 中{0} 有两条预算明细；每个资金来源应只有一条"_zh,
                                              {detail::account_named(task.budget[k].account), owner}));
        }
        for (std::size_t k = 0; k < task.spending.size(); ++k) {
            const std::string at = path + ".spending[" + std::to_string(k) + "]";
            check_date(task.spending[k].date, at + ".date");
            if (auto fault = detail::spending_fault(task, task.spending[k], owner)) fail(at + "." + fault->field, std::move(fault->message));
        }
        if (auto fault = detail::balance_fault(task, owner)) fail(path + ".spending", std::move(fault->message));
    }

    void check_problem(const Problem& problem, const std::string& path) const {
        const Message owner = problem_named(problem.id);
        check_date(problem.found, path + ".found");
        check_date(problem.deadline, path + ".deadline");
        if (problem.deadline < problem.found)
            fail(path + ".deadline", Message("{0} is before {1}, when {2} was found; expected a deadline on or after it"_en,
                                             "{0} 早于{2} 的发现日期 {1}；整改期限应不早于发现日期"_zh,
                                             {to_iso(problem.deadline), to_iso(problem.found), owner}));
        if (problem.closed) {
            check_date(*problem.closed, path + ".closed");
            if (*problem.closed < problem.found)
                fail(path + ".closed", Message("{0} is before {1}, when {2} was found; expected a closing date on or after it"_en,
                                               "{0} 早于{2} 的发现日期 {1}；销号日期应不早于发现日期"_zh,
                                               {to_iso(*problem.closed), to_iso(problem.found), owner}));
        }
        check_titles(problem.titles, path, owner);
        check_responsibility(problem.responsibility, path, owner);
    }

private:
    std::set<std::string> fields_;
    const std::set<std::string>& titles_;
    const std::set<std::string>& phases_;
};

Message no_task_at(std::size_t index, const std::string& plan) {
    return Message("no task at position {0} in plan '{1}'"_en, "计划 '{1}' 中没有序号为 {0} 的任务"_zh, {std::to_string(index), plan});
}

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
            fail(path, Message("duplicate title id '{0}'; expected each title once"_en, "称号 id '{0}' 重复；每个称号应只出现一次"_zh,
                               {spec_.titles[k].id}));
    }
    for (std::size_t k = 0; k < spec_.phases.size(); ++k) {
        const Phase& phase = spec_.phases[k];
        const std::string path = "$.phases[" + std::to_string(k) + "]";
        check_id(phase.id, path + ".id");
        if (!phases.insert(phase.id).second)
            fail(path + ".id", Message("duplicate phase id '{0}'; expected each phase once"_en, "阶段 id '{0}' 重复；每个阶段应只出现一次"_zh, {phase.id}));
        if (!phase.title.empty() && titles.count(phase.title) == 0)
            fail(path + ".title", Message("unknown title '{0}' of phase '{1}'; expected one of the plan's titles"_en,
                                          "阶段 '{1}' 的称号 '{0}' 未定义；应为计划中的称号之一"_zh, {phase.title, phase.id}));
        phase_index_.emplace(phase.id, k);
        phase_titles_.push_back(phase.title.empty() ? std::vector<std::string>{} : std::vector<std::string>{phase.title});
    }
    const Checker checker(spec_, titles, phases);
    if (!spec_.responsibility.empty())
        fail("$.responsibility", Message("the root plan has default responsibility; expected it on sub-plans only (tasks name theirs)"_en,
                                         "总计划设置了默认责任；默认责任只应设在子计划上（任务各自写明责任）"_zh));
    if (!spec_.file.empty())
        fail("$.file", Message("the root plan names a file; expected \"file\" on sub-plans only"_en, "总计划指定了文件；\"file\" 只应用于子计划"_zh));

    // Every plan and sub-plan, parents first, each with its merged default responsibility.
    std::vector<Scope> scopes{{&spec_, "$", "", 0}};
    std::vector<std::map<std::string, std::string>> defaults{{}};
    std::vector<std::size_t> depths{0};  // how deep each scope lies among sub-plans
    for (std::size_t s = 0; s < scopes.size(); ++s) {
        const Scope scope = scopes[s];
        const PlanSpec& plan = *scope.spec;
        if (s > 0) {
            check_id(plan.id, scope.path + ".id");
            if (!plan.responsibility_fields.empty() || !plan.titles.empty() || !plan.phases.empty()) {
                const char* key = !plan.responsibility_fields.empty() ? ".responsibility_fields" : !plan.titles.empty() ? ".titles" : ".phases";
                fail(scope.path + key, Message("sub-plan '{0}' declares its own {1}; expected none (a sub-plan uses the root plan's)"_en,
                                               "子计划 '{0}' 自行声明了 {1}；不应声明（子计划沿用总计划的）"_zh,
                                               {plan.id, std::string(key).substr(1)}));
            }
            checker.check_responsibility(plan.responsibility, scope.path, subplan_named(plan.id));
            subplan_paths_.push_back(scope.prefix.substr(0, scope.prefix.size() - 1));
        }
        std::set<std::string> sibling_ids;
        for (std::size_t k = 0; k < plan.subplans.size(); ++k) {
            const std::string path = scope.path + ".subplans[" + std::to_string(k) + "]";
            if (!sibling_ids.insert(plan.subplans[k].id).second)
                fail(path + ".id", Message("duplicate sub-plan id '{0}'; expected each sub-plan once"_en,
                                           "子计划 id '{0}' 重复；每个子计划应只出现一次"_zh, {plan.subplans[k].id}));
            if (depths[s] + 1 > max_depth)
                fail(path, Message("sub-plans nested {0} deep; expected at most {1}"_en, "子计划嵌套 {0} 层；应不超过 {1} 层"_zh,
                                   {std::to_string(depths[s] + 1), std::to_string(max_depth)}));
            scopes.push_back({&plan.subplans[k], path, scope.prefix + plan.subplans[k].id + "/", s});
            defaults.push_back(filled(plan.subplans[k].responsibility, defaults[s]));
            depths.push_back(depths[s] + 1);
        }
    }

    // Each task or problem: its id, unique once qualified, and its own rules; with sub-plans, a
    // copy with the qualified id and the sub-plan's default responsibility filled in.
    std::unordered_map<std::string, std::size_t> problem_ids;
    auto take = [&](std::size_t s, const auto& items, const char* key, const auto& duplicate,
                    std::unordered_map<std::string, std::size_t>& ids, auto& flat, std::vector<std::size_t>& subplan_of,
                    const auto& check) {
        const Scope& scope = scopes[s];
        for (std::size_t k = 0; k < items.size(); ++k) {
            const auto& item = items[k];
            const std::string path = scope.path + "." + key + "[" + std::to_string(k) + "]";
            check_id(item.id, path + ".id");
            if (!ids.emplace(scope.prefix + item.id, ids.size()).second)
                fail(path + ".id", duplicate(item.id));
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
        take(s, scopes[s].spec->tasks, "tasks",
             [](const std::string& id) {
                 return Message("duplicate task id '{0}'; expected each task once"_en, "任务 id '{0}' 重复；每个任务应只出现一次"_zh, {id});
             },
             index_, tasks_, subplan_of_task_,
             [&](const Task& task, const std::string& path) { checker.check_task(task, path); });
        take(s, scopes[s].spec->problems, "problems",
             [](const std::string& id) {
                 return Message("duplicate problem id '{0}'; expected each problem once"_en, "问题 id '{0}' 重复；每个问题应只出现一次"_zh, {id});
             },
             problem_ids, problems_, subplan_of_problem_,
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
                    fail(path, Message("task '{0}' depends on unknown task '{1}'; expected a task id of the plan"_en,
                                       "任务 '{0}' 的前置任务 '{1}' 不存在；应为计划中的任务 id"_zh, {all[i].id, other}));
                fail(path, Message("task '{0}' depends on itself; expected another task"_en, "任务 '{0}' 依赖自身；前置任务应为其他任务"_zh, {all[i].id}));
            }
            waits_for_[i].push_back(found->second);
        }
    }
}

const std::string& Plan::subplan_of_task(std::size_t index) const {
    static const std::string root;
    if (index >= tasks().size()) throw NotFoundError(no_task_at(index, spec_.id));
    return subplan_of_task_.empty() || subplan_of_task_[index] == 0 ? root : subplan_paths_[subplan_of_task_[index] - 1];
}

const std::string& Plan::subplan_of_problem(std::size_t index) const {
    static const std::string root;
    if (index >= problems().size())
        throw NotFoundError(Message("no problem at position {0} in plan '{1}'"_en, "计划 '{1}' 中没有序号为 {0} 的问题"_zh,
                                    {std::to_string(index), spec_.id}));
    return subplan_of_problem_.empty() || subplan_of_problem_[index] == 0 ? root : subplan_paths_[subplan_of_problem_[index] - 1];
}

const std::vector<std::string>& Plan::titles_of_task(std::size_t index) const {
    if (index >= tasks().size()) throw NotFoundError(no_task_at(index, spec_.id));
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
    if (found == index_.end())
        throw NotFoundError(Message("unknown task id '{0}' in plan '{1}'"_en, "计划 '{1}' 中没有 id 为 '{0}' 的任务"_zh, {id, spec_.id}));
    return found->second;
}

}  // namespace civitas
