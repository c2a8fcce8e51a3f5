// Plan files (civitas-plan/1): strict reading with JSON paths in errors, lossless writing with
// defaults left out.

#include <civitas/error.hpp>
#include <civitas/plan.hpp>
#include <civitas/plan_io.hpp>

#include "io/file_text.hpp"
#include "io/json_reader.hpp"

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
    if (!node.value().is_boolean()) node.expected("true or false");
    return node.value().get<bool>();
}

// A whole number of days: 1.5 (or 1.0) is refused rather than rounded.
int read_int(const Node& node) {
    const Json& value = node.value();
    if (!value.is_number_integer()) node.expected("an integer");
    const auto number = value.is_number_unsigned() ? static_cast<long long>(std::min<unsigned long long>(
                                                         value.get<unsigned long long>(), std::numeric_limits<long long>::max()))
                                                   : value.get<long long>();
    if (number < -36600 || number > 36600) node.fail(describe(value) + " is out of range; expected a lag of at most 36600 days either way");
    return static_cast<int>(number);
}

std::vector<std::string> read_ids(const Node& node, const char* what) {
    std::vector<std::string> ids;
    std::set<std::string> seen;
    for (const Node& item : node.array()) {
        ids.push_back(item.text());
        if (!seen.insert(ids.back()).second) item.fail(describe(item.value()) + " is listed twice; expected each " + what + " once");
    }
    return ids;
}

Dependency read_dependency(const Node& node, std::set<std::string>& shorthand) {
    Dependency d;
    if (node.value().is_string()) {  // "id": finish to start, no lag
        d.task = node.text();
        shorthand.insert(node.path());
        return d;
    }
    if (!node.value().is_object()) node.expected("a task id or {\"task\", \"link\", \"lag\", \"unit\"}");
    node.require_object({"task", "link", "lag", "unit"});
    d.task = node.at("task").text();
    d.link = node.enum_or("link", Link::finish_to_start);
    if (node.has("lag")) d.lag = read_int(node.at("lag"));
    d.unit = node.enum_or("unit", LagUnit::working_days);
    return d;
}

Task read_task(const Node& node, std::set<std::string>& shorthand) {
    node.require_object({"id", "name", "phase", "responsibility", "start", "due", "milestone", "weight", "indicators",
                         "depends_on", "actual_start", "actual_finish", "percent_complete"});
    Task task;
    task.id = node.at("id").text();
    task.name = node.text_or("name");
    task.phase = node.text_or("phase");
    if (node.has("responsibility")) {
        const Node who = node.at("responsibility");
        if (!who.value().is_object()) who.expected("an object");
        for (const auto& item : who.value().items())
            task.responsibility.emplace(item.key(), Node(item.value(), who.path() + "." + item.key(), node.file()).text());
    }
    if (node.has("milestone")) task.milestone = read_bool(node.at("milestone"));
    task.due = read_date(node.at("due"));
    // A milestone is one date: "due" alone (a "start", if given, must be the same day).
    task.start = task.milestone && !node.has("start") ? task.due : read_date(node.at("start"));
    task.weight = node.optional_number("weight");
    if (node.has("indicators")) task.indicators = read_ids(node.at("indicators"), "indicator");
    if (node.has("depends_on"))
        for (const Node& item : node.at("depends_on").array()) task.depends_on.push_back(read_dependency(item, shorthand));
    task.actual_start = optional_date(node, "actual_start");
    task.actual_finish = optional_date(node, "actual_finish");
    task.percent_complete = node.number_or("percent_complete", 0.0);
    return task;
}

PlanSpec read_spec(const Node& root, std::set<std::string>& shorthand) {
    root.require_object({"format", "id", "name", "responsibility_fields", "phases", "tasks"});
    if (root.has("format") && root.at("format").text() != plan_format)
        root.at("format").fail("\"" + root.at("format").text() + "\" is not a format this version reads; expected \"" +
                               plan_format + "\"");
    PlanSpec spec;
    spec.id = root.at("id").text();
    spec.name = root.text_or("name");
    if (root.has("responsibility_fields")) spec.responsibility_fields = read_ids(root.at("responsibility_fields"), "field");
    if (root.has("phases"))
        for (const Node& item : root.at("phases").array()) {
            item.require_object({"id", "name"});
            spec.phases.push_back({item.at("id").text(), item.text_or("name")});
        }
    for (const Node& item : root.at("tasks").array()) spec.tasks.push_back(read_task(item, shorthand));
    return spec;
}

Json dependency_json(const Dependency& d) {
    if (d.link == Link::finish_to_start && d.lag == 0 && d.unit == LagUnit::working_days) return d.task;
    Json j;
    j["task"] = d.task;
    if (d.link != Link::finish_to_start) j["link"] = to_string(d.link);
    if (d.lag != 0) j["lag"] = d.lag;
    if (d.unit != LagUnit::working_days) j["unit"] = to_string(d.unit);
    return j;
}

Json task_json(const Task& task, const std::vector<std::string>& fields) {
    Json j;
    j["id"] = task.id;
    if (!task.name.empty()) j["name"] = task.name;
    if (!task.phase.empty()) j["phase"] = task.phase;
    if (!task.responsibility.empty()) {
        // The plan's fields in their order, then any others (a plan without a field list).
        Json who = Json::object();
        for (const std::string& field : fields)
            if (const auto found = task.responsibility.find(field); found != task.responsibility.end()) who[field] = found->second;
        for (const auto& [field, value] : task.responsibility)
            if (!who.contains(field)) who[field] = value;
        j["responsibility"] = who;
    }
    if (!task.milestone || task.start != task.due) j["start"] = to_iso(task.start);
    j["due"] = to_iso(task.due);
    if (task.milestone) j["milestone"] = true;
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
    return j;
}

}  // namespace

Plan parse_plan(std::string_view text, const std::string& file) {
    const Json document = detail::parse_json(text, file);
    std::set<std::string> shorthand;  // paths of dependencies written as a bare task id
    PlanSpec spec = read_spec(Node(document, "$", file), shorthand);
    try {
        return Plan(std::move(spec));
    } catch (const ValidationError& error) {
        // "$.tasks[3].depends_on[0].task" is "$.tasks[3].depends_on[0]" where the file wrote a bare id.
        std::string path = error.path();
        const std::string suffix = ".task";
        if (path.size() > suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0 &&
            shorthand.count(path.substr(0, path.size() - suffix.size())) != 0)
            path.resize(path.size() - suffix.size());
        throw ParseError(file, path, detail::validation_message(error));
    }
}

Plan load_plan(const std::filesystem::path& path) { return parse_plan(detail::read_file(path), path.string()); }

std::string plan_to_json(const Plan& plan, int indent) {
    const PlanSpec& spec = plan.spec();
    Json j;
    j["format"] = plan_format;
    j["id"] = spec.id;
    if (!spec.name.empty()) j["name"] = spec.name;
    if (!spec.responsibility_fields.empty()) j["responsibility_fields"] = spec.responsibility_fields;
    if (!spec.phases.empty()) {
        Json phases = Json::array();
        for (const Phase& phase : spec.phases) {
            Json p;
            p["id"] = phase.id;
            if (!phase.name.empty()) p["name"] = phase.name;
            phases.push_back(p);
        }
        j["phases"] = phases;
    }
    Json tasks = Json::array();
    for (const Task& task : spec.tasks) tasks.push_back(task_json(task, spec.responsibility_fields));
    j["tasks"] = tasks;
    return j.dump(indent) + "\n";
}

}  // namespace civitas
