// Plan files (civitas-plan/1): strict reading with JSON paths in errors, lossless writing with
// defaults left out.

#include <civitas/core/error.hpp>
#include <civitas/io/plan_io.hpp>
#include <civitas/plan/plan.hpp>

#include "io/detail/file_text.hpp"
#include "io/detail/file_write.hpp"
#include "io/detail/json_reader.hpp"
#include "io/detail/plan_reader.hpp"
#include "io/detail/plan_writer.hpp"
#include "io/detail/references.hpp"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <map>
#include <set>

namespace civitas {

using detail::describe;
using detail::Json;
using Node = detail::JsonNode;
using detail::read_date;

namespace {

std::optional<Date> optional_date(const Node& node, const char* key) {
    return node.has(key) ? std::optional<Date>(read_date(node.at(key))) : std::nullopt;
}

bool read_bool(const Node& node) {
    if (!node.value().is_boolean()) node.expected(Message("true or false"_en, "true 或 false"_zh));
    return node.value().get<bool>();
}

// A whole number of days: 1.5 (or 1.0) is refused rather than rounded.
int read_int(const Node& node) {
    const Json& value = node.value();
    if (!value.is_number_integer()) node.expected(Message("an integer"_en, "整数"_zh));
    const auto number = value.is_number_unsigned() ? static_cast<long long>(std::min<unsigned long long>(
                                                         value.get<unsigned long long>(), std::numeric_limits<long long>::max()))
                                                   : value.get<long long>();
    if (number < -36600 || number > 36600)
        node.fail(Message("{0} is out of range; expected a lag of at most 36600 days either way"_en, "{0} 超出范围；时滞应在前后 36600 天之内"_zh,
                          {describe(value)}));
    return static_cast<int>(number);
}

// `what` names one item ("title", "称号").
std::vector<std::string> read_ids(const Node& node, const Message& what) {
    std::vector<std::string> ids;
    std::set<std::string> seen;
    for (const Node& item : node.array()) {
        ids.push_back(item.text());
        if (!seen.insert(ids.back()).second)
            item.fail(Message("{0} is listed twice; expected each {1} once"_en, "{0} 重复列出；每个{1}应只列一次"_zh, {describe(item.value()), what}));
    }
    return ids;
}

// {"department": "市文明办", "leader": "..."}: every value a string.
std::map<std::string, std::string> read_responsibility(const Node& node) {
    std::map<std::string, std::string> who;
    if (!node.has("responsibility")) return who;
    const Node object = node.at("responsibility");
    if (!object.value().is_object()) object.expected(Message("an object"_en, "对象"_zh));
    for (const auto& item : object.value().items())
        who.emplace(item.key(), Node(item.value(), object.path() + "." + item.key(), node.file()).text());
    return who;
}

Dependency read_dependency(const Node& node, const std::string& file, std::set<std::string>& shorthand) {
    Dependency d;
    if (node.value().is_string()) {  // "id": finish to start, no lag
        d.task = node.text();
        shorthand.insert(file + "\n" + node.path());
        return d;
    }
    if (!node.value().is_object())
        node.expected(Message("a task id or {\"task\", \"link\", \"lag\", \"unit\"}"_en, "任务 id 或 {\"task\", \"link\", \"lag\", \"unit\"}"_zh));
    node.require_object({"task", "link", "lag", "unit"});
    d.task = node.at("task").text();
    d.link = node.enum_or("link", Link::finish_to_start);
    if (node.has("lag")) d.lag = read_int(node.at("lag"));
    d.unit = node.enum_or("unit", LagUnit::working_days);
    return d;
}

// "budget": 1200000 (one line from the general fund), or [{"account": "创建专户", "amount": 1200000}, ...].
std::vector<BudgetLine> read_budget(const Node& node) {
    if (node.value().is_number()) return {{"", node.number()}};
    if (!node.value().is_array())
        node.expected(Message("an amount in yuan or an array of {\"account\", \"amount\"}"_en, "金额（元）或 {\"account\", \"amount\"} 数组"_zh));
    std::vector<BudgetLine> lines;
    for (const Node& item : node.array()) {
        item.require_object({"account", "amount"});
        lines.push_back({item.text_or("account"), item.at("amount").number()});
    }
    return lines;
}

// "spending": [{"date": "2025-03-10", "amount": 300000, "account": "创建专户", "note": "..."}].
std::vector<Spending> read_spending(const Node& node) {
    std::vector<Spending> paid;
    for (const Node& item : node.array()) {
        item.require_object({"date", "amount", "account", "note"});
        paid.push_back({read_date(item.at("date")), item.at("amount").number(), item.text_or("account"), item.prose_or("note")});
    }
    return paid;
}

Task read_task(const Node& node, const std::string& file, std::set<std::string>& shorthand) {
    node.require_object({"id", "name", "phase", "titles", "responsibility", "start", "due", "duration", "deadline", "milestone", "check",
                         "weight", "indicators", "depends_on", "actual_start", "actual_finish", "percent_complete", "budget", "spending"});
    Task task;
    task.id = node.at("id").text();
    task.name = node.text_or("name");
    task.phase = node.text_or("phase");
    if (node.has("titles")) task.titles = read_ids(node.at("titles"), Message("title"_en, "称号"_zh));
    task.responsibility = read_responsibility(node);
    if (node.has("milestone")) task.milestone = read_bool(node.at("milestone"));
    if (node.has("check")) {
        task.check = node.at("check").text();
        if (task.check.empty())
            node.at("check").fail(Message("the check id is empty; expected the id of one of the campaign's checks, or no \"check\""_en,
                                          "检查 id 为空；应为创建方案中某项检查的 id，或不写 \"check\""_zh));
    }
    if (node.has("duration"))
        task.duration = detail::read_int(node.at("duration"), 1, 36600, Message("a duration in working days"_en, "以工作日计的工期"_zh));
    // A task gives its finish as "due", or its length as "duration" (or both); Plan says which is missing.
    if (task.milestone || node.has("due")) task.due = read_date(node.at("due"));
    // A milestone is one date: "due" alone (a "start", if given, must be the same day).
    task.start = task.milestone && !node.has("start") ? task.due : read_date(node.at("start"));
    task.deadline = optional_date(node, "deadline");
    task.weight = node.optional_number("weight");
    if (node.has("indicators")) task.indicators = read_ids(node.at("indicators"), Message("indicator"_en, "指标"_zh));
    if (node.has("depends_on"))
        for (const Node& item : node.at("depends_on").array()) task.depends_on.push_back(read_dependency(item, file, shorthand));
    task.actual_start = optional_date(node, "actual_start");
    task.actual_finish = optional_date(node, "actual_finish");
    task.percent_complete = node.number_or("percent_complete", 0.0);
    if (node.has("budget")) task.budget = read_budget(node.at("budget"));
    if (node.has("spending")) task.spending = read_spending(node.at("spending"));
    return task;
}

Problem read_problem(const Node& node) {
    node.require_object({"id", "description", "source", "titles", "indicators", "responsibility", "found", "deadline", "closed"});
    Problem problem;
    problem.id = node.at("id").text();
    problem.description = node.prose_or("description");
    problem.source = node.prose_or("source");
    if (node.has("titles")) problem.titles = read_ids(node.at("titles"), Message("title"_en, "称号"_zh));
    if (node.has("indicators")) problem.indicators = read_ids(node.at("indicators"), Message("indicator"_en, "指标"_zh));
    problem.responsibility = read_responsibility(node);
    problem.found = read_date(node.at("found"));
    problem.deadline = read_date(node.at("deadline"));
    problem.closed = optional_date(node, "closed");
    return problem;
}

// Which file each plan and sub-plan was read from, to place validation errors in the right file.
struct FileTree {
    std::string file;
    std::vector<FileTree> subplans;
};

// Reads plan files, following sub-plans kept in files of their own.
class PlanReader {
public:
    // Dependencies written as a bare task id: "file\npath", to name "depends_on[0]" in errors.
    std::set<std::string> shorthand;

    // `folder` is where the files named in `file` (the text read first) are found.
    PlanReader(const ReadOptions& options, std::string file, std::optional<std::filesystem::path> folder)
        : options_(options), file_(std::move(file)), folder_(std::move(folder)) {}

    PlanSpec read_root(const Node& root, FileTree& tree) {
        root.require_object({"format", "id", "name", "responsibility_fields", "titles", "phases", "tasks", "problems", "subplans"});
        check_format(root);
        // The main file heads the chain too: a sub-plan file naming it again is a loop.
        std::error_code ec;
        if (auto key = std::filesystem::weakly_canonical(root.file(), ec); !ec) open_files_.push_back(std::move(key));
        PlanSpec spec;
        if (root.has("responsibility_fields")) spec.responsibility_fields = read_ids(root.at("responsibility_fields"), Message("field"_en, "字段"_zh));
        if (root.has("titles"))
            for (const Node& item : root.at("titles").array()) {
                item.require_object({"id", "name"});
                spec.titles.push_back({item.at("id").text(), item.text_or("name")});
            }
        if (root.has("phases"))
            for (const Node& item : root.at("phases").array()) {
                item.require_object({"id", "name", "title"});
                spec.phases.push_back({item.at("id").text(), item.text_or("name"), item.text_or("title")});
            }
        read_body(root, spec, tree, 0);
        return spec;
    }

private:
    const ReadOptions& options_;
    std::string file_;
    std::optional<std::filesystem::path> folder_;
    std::vector<std::filesystem::path> open_files_;  // the chain of files being read, to refuse a loop

    // Where the files named in `node`'s file are found.
    std::optional<std::filesystem::path> folder_for(const Node& node) const {
        if (node.file() == file_) return folder_;
        return std::filesystem::path(node.file()).parent_path();
    }

    static void check_format(const Node& node) {
        if (node.has("format") && node.at("format").text() != plan_format)
            node.at("format").fail(Message("\"{0}\" is not a format this version reads; expected \"{1}\""_en,
                                           "\"{0}\" 不是本版本能读取的格式；应为 \"{1}\""_zh, {node.at("format").text(), plan_format}));
    }

    // What a plan and a sub-plan share: id, name, tasks, problems and sub-plans.
    // `depth`: how deep `spec` lies among sub-plans (0 for the plan itself).
    void read_body(const Node& node, PlanSpec& spec, FileTree& tree, std::size_t depth) {
        spec.id = node.at("id").text();
        spec.name = node.text_or("name");
        if (node.has("tasks"))
            for (const Node& item : node.at("tasks").array()) spec.tasks.push_back(read_task(item, node.file(), shorthand));
        if (node.has("problems"))
            for (const Node& item : node.at("problems").array()) spec.problems.push_back(read_problem(item));
        if (node.has("subplans"))
            for (const Node& item : node.at("subplans").array()) {
                if (depth + 1 > options_.limits.depth)
                    throw detail::limit_exceeded(item.file(), item.path(), Message("sub-plans nested {0} deep"_en, "子计划嵌套 {0} 层"_zh, {std::to_string(depth + 1)}),
                                                 options_.limits.depth, "depth");
                tree.subplans.emplace_back();
                spec.subplans.push_back(read_subplan(item, tree.subplans.back(), depth + 1));
            }
    }

    // A sub-plan written in place, or {"file": "districts/chengguan.json"} relative to this file.
    PlanSpec read_subplan(const Node& node, FileTree& tree, std::size_t depth) {
        if (!node.value().is_object() || !node.has("file")) {
            node.require_object({"id", "name", "responsibility", "tasks", "problems", "subplans"});
            PlanSpec spec;
            spec.responsibility = read_responsibility(node);
            tree.file = node.file();
            read_body(node, spec, tree, depth);
            return spec;
        }
        node.require_object({"file"});
        const std::string written = node.at("file").text();
        const std::filesystem::path path = detail::referenced_file(node.at("file"), folder_for(node), options_);
        const std::filesystem::path key = std::filesystem::weakly_canonical(path);
        if (std::find(open_files_.begin(), open_files_.end(), key) != open_files_.end())
            node.at("file").fail(Message("\"{0}\" is a file already being read (the sub-plan files form a loop); expected another plan file"_en,
                                         "\"{0}\" 是正在读取的文件（子计划文件构成循环）；应为另一个计划文件"_zh, {written}));
        const std::string text = [&] {
            try {
                return detail::read_json_file(path, options_.limits);
            } catch (const LimitError&) {
                throw;
            } catch (const ParseError& error) {
                node.at("file").fail(Message("cannot read the sub-plan file: {0}"_en, "无法读取子计划文件: {0}"_zh, {error.full_message()}));
            }
        }();
        const std::string file = path.string();
        const Json document = detail::parse_json(text, file, options_.limits);
        const Node root(document, "$", file);
        root.require_object({"format", "id", "name", "responsibility", "tasks", "problems", "subplans"});
        check_format(root);
        open_files_.push_back(key);
        PlanSpec spec;
        spec.responsibility = read_responsibility(root);
        spec.file = written;
        tree.file = file;
        read_body(root, spec, tree, depth);
        open_files_.pop_back();
        return spec;
    }
};

Json dependency_json(const Dependency& d) {
    if (d.link == Link::finish_to_start && d.lag == 0 && d.unit == LagUnit::working_days) return d.task;
    Json j;
    j["task"] = d.task;
    if (d.link != Link::finish_to_start) j["link"] = to_string(d.link);
    if (d.lag != 0) j["lag"] = d.lag;
    if (d.unit != LagUnit::working_days) j["unit"] = to_string(d.unit);
    return j;
}

// The plan's fields in their order, then any others (a plan without a field list).
Json responsibility_json(const std::map<std::string, std::string>& who, const std::vector<std::string>& fields) {
    Json j = Json::object();
    for (const std::string& field : fields)
        if (const auto found = who.find(field); found != who.end()) j[field] = found->second;
    for (const auto& [field, value] : who)
        if (!j.contains(field)) j[field] = value;
    return j;
}

Json task_json(const Task& task, const std::vector<std::string>& fields) {
    Json j;
    j["id"] = task.id;
    if (!task.name.empty()) j["name"] = task.name;
    if (!task.phase.empty()) j["phase"] = task.phase;
    if (!task.titles.empty()) j["titles"] = task.titles;
    if (!task.responsibility.empty()) j["responsibility"] = responsibility_json(task.responsibility, fields);
    if (!task.milestone || task.start != task.due) j["start"] = to_iso(task.start);
    if (!task.due.is_not_a_date()) j["due"] = to_iso(task.due);
    if (task.duration) j["duration"] = *task.duration;
    if (task.deadline) j["deadline"] = to_iso(*task.deadline);
    if (task.milestone) j["milestone"] = true;
    if (!task.check.empty()) j["check"] = task.check;
    if (task.weight) j["weight"] = *task.weight;
    if (!task.indicators.empty()) j["indicators"] = task.indicators;
    if (!task.depends_on.empty()) {
        Json deps = Json::array();
        for (const Dependency& d : task.depends_on) deps.push_back(dependency_json(d));
        j["depends_on"] = deps;
    }
    if (task.actual_start) j["actual_start"] = to_iso(*task.actual_start);
    if (task.actual_finish) j["actual_finish"] = to_iso(*task.actual_finish);
    if (task.percent_complete != 0.0) j["percent_complete"] = task.percent_complete;
    if (task.budget.size() == 1 && task.budget[0].account.empty()) j["budget"] = task.budget[0].amount;
    else if (!task.budget.empty()) {
        Json lines = Json::array();
        for (const BudgetLine& line : task.budget) lines.push_back({{"account", line.account}, {"amount", line.amount}});
        j["budget"] = lines;
    }
    if (!task.spending.empty()) {
        Json paid = Json::array();
        for (const Spending& s : task.spending) {
            Json one = {{"date", to_iso(s.date)}, {"amount", s.amount}};
            if (!s.account.empty()) one["account"] = s.account;
            if (!s.note.empty()) one["note"] = s.note;
            paid.push_back(one);
        }
        j["spending"] = paid;
    }
    return j;
}

Json problem_json(const Problem& problem, const std::vector<std::string>& fields) {
    Json j;
    j["id"] = problem.id;
    if (!problem.description.empty()) j["description"] = problem.description;
    if (!problem.source.empty()) j["source"] = problem.source;
    if (!problem.titles.empty()) j["titles"] = problem.titles;
    if (!problem.indicators.empty()) j["indicators"] = problem.indicators;
    if (!problem.responsibility.empty()) j["responsibility"] = responsibility_json(problem.responsibility, fields);
    j["found"] = to_iso(problem.found);
    j["deadline"] = to_iso(problem.deadline);
    if (problem.closed) j["closed"] = to_iso(*problem.closed);
    return j;
}

// A plan or sub-plan's own content; sub-plans kept in files are written as {"file": ...}.
void write_body(Json& j, const PlanSpec& spec, const std::vector<std::string>& fields) {
    if (!spec.tasks.empty() || spec.subplans.empty()) {
        Json tasks = Json::array();
        for (const Task& task : spec.tasks) tasks.push_back(task_json(task, fields));
        j["tasks"] = tasks;
    }
    if (!spec.problems.empty()) {
        Json problems = Json::array();
        for (const Problem& problem : spec.problems) problems.push_back(problem_json(problem, fields));
        j["problems"] = problems;
    }
    if (!spec.subplans.empty()) {
        Json subplans = Json::array();
        for (const PlanSpec& sub : spec.subplans) {
            Json s;
            if (!sub.file.empty()) {
                s["file"] = sub.file;
            } else {
                s["id"] = sub.id;
                if (!sub.name.empty()) s["name"] = sub.name;
                if (!sub.responsibility.empty()) s["responsibility"] = responsibility_json(sub.responsibility, fields);
                write_body(s, sub, fields);
            }
            subplans.push_back(s);
        }
        j["subplans"] = subplans;
    }
}

// A sub-plan kept in its own file, as that file's text.
std::string subplan_file_json(const PlanSpec& sub, const std::vector<std::string>& fields, int indent) {
    Json j;
    j["format"] = plan_format;
    j["id"] = sub.id;
    if (!sub.name.empty()) j["name"] = sub.name;
    if (!sub.responsibility.empty()) j["responsibility"] = responsibility_json(sub.responsibility, fields);
    write_body(j, sub, fields);
    return j.dump(indent) + "\n";
}

// The file and JSON path inside it of a validation error's path in the whole plan:
// "$.subplans[1].tasks[0].due" is "$.tasks[0].due" of the sub-plan's own file.
std::pair<std::string, std::string> locate(const FileTree& root, std::string path) {
    const FileTree* tree = &root;
    std::string file = root.file;
    std::size_t at = 1;  // after "$"
    const std::string key = ".subplans[";
    while (path.compare(at, key.size(), key) == 0) {
        const std::size_t close = path.find(']', at);
        const auto k = static_cast<std::size_t>(std::stoul(path.substr(at + key.size(), close - at - key.size())));
        if (k >= tree->subplans.size()) break;
        tree = &tree->subplans[k];
        at = close + 1;
        if (tree->file != file) {
            file = tree->file;
            path = "$" + path.substr(at);
            at = 1;
        }
    }
    return {file, path};
}

}  // namespace

Plan detail::read_plan(const JsonNode& node, const std::vector<Title>* titles, const ReadOptions& options,
                       const std::optional<std::filesystem::path>& folder) {
    PlanReader reader(options, node.file(), folder);
    FileTree tree{node.file(), {}};
    PlanSpec spec = reader.read_root(node, tree);
    if (titles != nullptr) {
        if (spec.titles.empty()) {
            spec.titles = *titles;
        } else if (spec.titles != *titles) {
            std::string expected;
            for (const Title& title : *titles) expected += (expected.empty() ? "" : ", ") + title.id;
            node.at("titles").fail(Message("the plan's titles differ from the campaign's; expected the same titles ({0}) or none (the campaign's are used)"_en,
                                           "工作计划的称号与创建方案的不一致；应为相同的称号（{0}），或不列称号（沿用创建方案的）"_zh, {expected}));
        }
    }
    try {
        return Plan(std::move(spec));
    } catch (const ValidationError& error) {
        auto [where, path] = locate(tree, error.path());
        if (where == node.file()) path = node.path() + path.substr(1);  // a plan inside a larger file
        // "...depends_on[0].task" is "...depends_on[0]" where the file wrote a bare id.
        const std::string suffix = ".task";
        if (path.size() > suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0 &&
            reader.shorthand.count(where + "\n" + path.substr(0, path.size() - suffix.size())) != 0)
            path.resize(path.size() - suffix.size());
        throw ParseError(where, path, error.detail());
    }
}

Plan parse_plan(std::string_view text, const std::string& file, const ReadOptions& options) {
    const Json document = detail::parse_json(text, file, options.limits);
    return detail::read_plan(Node(document, "$", file), nullptr, options, detail::folder_of(file, options));
}

Plan load_plan(const std::filesystem::path& path, const ReadOptions& options) {
    return parse_plan(detail::read_json_file(path, options.limits), path.string(), options);
}

std::string plan_to_json(const Plan& plan, int indent) {
    const PlanSpec& spec = plan.spec();
    Json j;
    j["format"] = plan_format;
    j["id"] = spec.id;
    if (!spec.name.empty()) j["name"] = spec.name;
    if (!spec.responsibility_fields.empty()) j["responsibility_fields"] = spec.responsibility_fields;
    if (!spec.titles.empty()) {
        Json titles = Json::array();
        for (const Title& title : spec.titles) {
            Json t;
            t["id"] = title.id;
            if (!title.name.empty()) t["name"] = title.name;
            titles.push_back(t);
        }
        j["titles"] = titles;
    }
    if (!spec.phases.empty()) {
        Json phases = Json::array();
        for (const Phase& phase : spec.phases) {
            Json p;
            p["id"] = phase.id;
            if (!phase.name.empty()) p["name"] = phase.name;
            if (!phase.title.empty()) p["title"] = phase.title;
            phases.push_back(p);
        }
        j["phases"] = phases;
    }
    write_body(j, spec, spec.responsibility_fields);
    return j.dump(indent) + "\n";
}

void detail::stage_subplan_files(FileBatch& batch, const PlanSpec& spec, const std::vector<std::string>& fields,
                                 const std::filesystem::path& referrer, const std::string& where, const SaveOptions& options) {
    for (std::size_t k = 0; k < spec.subplans.size(); ++k) {
        const PlanSpec& sub = spec.subplans[k];
        const std::string at = where + ".subplans[" + std::to_string(k) + "]";
        if (sub.file.empty()) {
            stage_subplan_files(batch, sub, fields, referrer, at, options);
            continue;
        }
        const std::filesystem::path file = inside_folder(referrer.parent_path(), sub.file, at + ".file", referrer, options);
        stage_subplan_files(batch, sub, fields, file, at, options);
        batch.add(file, subplan_file_json(sub, fields, 2), true);
    }
}

void save_plan(const Plan& plan, const std::filesystem::path& path, const SaveOptions& options) {
    // Every file is staged (written whole beside its target and synced) before any is renamed
    // into place; sub-plan files first, so the main file never names a sub-plan file that is not
    // there yet. What a crash between the renames leaves: docs/format.md, "Saving".
    detail::FileBatch batch;
    detail::stage_subplan_files(batch, plan.spec(), plan.spec().responsibility_fields, path, "$", options);
    batch.add(path, plan_to_json(plan));
    batch.commit();
}

}  // namespace civitas
