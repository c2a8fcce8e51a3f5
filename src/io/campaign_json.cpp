// Campaign files (civitas-campaign/1): strict reading with JSON paths in errors, following the
// frameworks, calendar and plan the file names; lossless writing with defaults left out.

#include <civitas/core/error.hpp>
#include <civitas/io/assessment_io.hpp>
#include <civitas/io/bundled_data.hpp>
#include <civitas/io/calendar_io.hpp>
#include <civitas/io/campaign_io.hpp>
#include <civitas/io/framework_io.hpp>
#include <civitas/io/observations_io.hpp>
#include <civitas/store/campaign_store.hpp>
#include <civitas/io/plan_io.hpp>
#include <civitas/plan/calendar.hpp>
#include <civitas/tracking/observations.hpp>

#include "io/detail/assessment_reader.hpp"
#include "io/detail/file_text.hpp"
#include "io/detail/file_write.hpp"
#include "io/detail/json_reader.hpp"
#include "io/detail/plan_reader.hpp"
#include "io/detail/plan_writer.hpp"
#include "io/detail/references.hpp"
#include "io/detail/round_scheme_reader.hpp"

#include <filesystem>
#include <limits>

namespace civitas {

using detail::Json;
using Node = detail::JsonNode;
using detail::read_date;

namespace {

std::optional<Date> optional_date(const Node& node, const char* key) {
    return node.has(key) ? std::optional<Date>(read_date(node.at(key))) : std::nullopt;
}

// The file and the path inside it of a campaign error about its plan ("$.plan.subplans[0].tasks[2].due"):
// the plan file's own when the plan is kept in one ("$.subplans[0].tasks[2].due"), and a
// sub-plan file's when the fault is inside one ("$.tasks[2].due"). `file` is where "$.plan" lies.
std::pair<std::string, std::string> locate_in_plan(const PlanSpec& plan, std::string file, bool own_file, const std::string& path) {
    const std::string head = "$.plan";
    std::size_t at = head.size();
    std::string prefix = own_file ? "$" : head;  // the path in `file` of what `at` points to
    const PlanSpec* scope = &plan;
    const std::string key = ".subplans[";
    while (path.compare(at, key.size(), key) == 0) {
        const std::size_t close = path.find(']', at);
        if (close == std::string::npos) break;
        const auto k = static_cast<std::size_t>(std::stoul(path.substr(at + key.size(), close - at - key.size())));
        if (k >= scope->subplans.size()) break;
        const PlanSpec& sub = scope->subplans[k];
        if (sub.file.empty()) {
            prefix += path.substr(at, close + 1 - at);
        } else {
            file = (std::filesystem::path(file).parent_path() / sub.file).string();
            prefix = "$";
        }
        scope = &sub;
        at = close + 1;
    }
    return {file, prefix + path.substr(at)};
}

// "garden-city-2010" is a bundled id; "frameworks/x.json" (a path) a file beside the campaign.
bool names_a_file(const std::string& reference) {
    return reference.find('/') != std::string::npos || reference.find('\\') != std::string::npos ||
           (reference.size() > 5 && reference.compare(reference.size() - 5, 5, ".json") == 0);
}

// What the campaign reads the files it names with: the options, and the folder they are found in.
struct Reading {
    const ReadOptions& options;
    std::optional<std::filesystem::path> folder;

    std::filesystem::path file(const Node& node) const { return detail::referenced_file(node, folder, options); }
};

Framework read_framework(const Node& node, const Reading& reading) {
    const std::string reference = node.text();
    if (names_a_file(reference)) return load_framework(reading.file(node), reading.options);  // its errors name its own file
    try {
        return load_bundled_framework(reference);
    } catch (const NotFoundError& error) {
        node.fail(error.detail());
    }
}

WorkCalendar read_calendar(const Node& node, const Reading& reading) {
    const std::string reference = node.text();
    if (names_a_file(reference)) return load_calendar(reading.file(node), reading.options);
    try {
        return load_bundled_calendar(reference);
    } catch (const NotFoundError& error) {
        node.fail(error.detail());
    }
}

CampaignTitle read_title(const Node& node) {
    node.require_object({"id", "name", "framework", "dates", "scheme"});
    CampaignTitle title;
    title.id = node.at("id").text();
    title.name = node.text_or("name");
    title.framework = node.text_or("framework");
    if (node.has("dates")) {
        const Node dates = node.at("dates");
        dates.require_object({"benchmark", "application", "inspection"});
        title.dates.benchmark = optional_date(dates, "benchmark");
        title.dates.application = optional_date(dates, "application");
        title.dates.inspection = optional_date(dates, "inspection");
    }
    if (node.has("scheme")) title.scheme = detail::read_round_scheme_reference(node.at("scheme"));
    return title;
}

CampaignUnit read_unit(const Node& node) {
    node.require_object({"id", "name", "parent", "kind", "classes"});
    CampaignUnit unit;
    unit.id = node.at("id").text();
    unit.name = node.text_or("name");
    unit.parent = node.text_or("parent");
    unit.kind = node.text_or("kind");
    if (node.has("classes")) {
        const Node classes = node.at("classes");
        if (!classes.value().is_object()) classes.expected(Message("an object of title id -> unit class"_en, "对象（称号 id -> 单位类别）"_zh));
        for (const auto& item : classes.value().items())
            unit.classes.emplace(item.key(), Node(item.value(), classes.path() + "." + item.key(), node.file()).text());
    }
    return unit;
}

Target read_target(const Node& node) {
    node.require_object({"title", "indicator", "unit", "value", "deadline", "department"});
    Target target;
    target.title = node.at("title").text();
    target.indicator = node.at("indicator").text();
    target.unit = node.text_or("unit");
    target.value = node.at("value").number();
    target.deadline = optional_date(node, "deadline");
    target.department = node.text_or("department");
    return target;
}

SubmissionSchedule read_submission_schedule(const Node& node) {
    node.require_object({"first_month", "due_day", "departments"});
    SubmissionSchedule schedule;
    const Node month = node.at("first_month");
    const std::string text = month.text();
    const Message not_a_month("\"{0}\" is not a month; expected \"YYYY-MM\""_en, "\"{0}\" 不是月份；应为 \"YYYY-MM\""_zh, {text});
    if (text.size() != 7) month.fail(not_a_month);
    try {
        schedule.first_month = parse_date(text + "-01", month.path());
    } catch (const Error&) {
        month.fail(not_a_month);
    }
    schedule.due_day = static_cast<int>(node.integer_or("due_day", schedule.due_day, 1, 28));
    if (node.has("departments"))
        for (const Node& item : node.at("departments").array()) schedule.departments.push_back(item.text());
    return schedule;
}

AccountabilityRule read_accountability_rule(const Node& node) {
    node.require_object({"id", "name", "days_overdue", "problems_overdue", "late_submissions", "months"});
    AccountabilityRule rule;
    rule.id = node.at("id").text();
    rule.name = node.text_or("name");
    auto count = [&](const char* key) {
        return node.has(key) ? std::optional<int>(static_cast<int>(node.at(key).integer(1, 100000))) : std::nullopt;
    };
    rule.days_overdue = count("days_overdue");
    rule.problems_overdue = count("problems_overdue");
    rule.late_submissions = count("late_submissions");
    rule.months = count("months");
    return rule;
}

Json dates_json(const TitleDates& dates) {
    Json j = Json::object();
    if (dates.benchmark) j["benchmark"] = to_iso(*dates.benchmark);
    if (dates.application) j["application"] = to_iso(*dates.application);
    if (dates.inspection) j["inspection"] = to_iso(*dates.inspection);
    return j;
}

}  // namespace

Campaign parse_campaign(std::string_view text, const std::string& file, const ReadOptions& options) {
    const Json document = detail::parse_json(text, file, options.limits);
    const Reading reading{options, detail::folder_of(file, options)};
    const Node root(document, "$", file);
    root.require_object({"format", "id", "name", "language", "calendar", "titles", "units", "departments", "targets", "plan",
                         "observations", "store", "rounds", "checks", "inspections", "submissions", "accountability"});
    if (root.has("format") && root.at("format").text() != campaign_format)
        root.at("format").fail(Message("\"{0}\" is not a format this version reads; expected \"{1}\""_en,
                                       "\"{0}\" 不是本版本能读取的格式；应为 \"{1}\""_zh, {root.at("format").text(), campaign_format}));
    CampaignSpec spec;
    spec.id = root.at("id").text();
    spec.name = root.text_or("name");
    spec.language = root.text_or("language");
    if (root.has("language") && spec.language != "zh" && spec.language != "en")
        root.at("language").fail(Message("\"{0}\" is not a report language; expected \"zh\" or \"en\""_en,
                                         "\"{0}\" 不是可用的报告语言；应为 \"zh\" 或 \"en\""_zh, {spec.language}));
    std::map<std::string, Framework> frameworks;
    for (const Node& item : root.at("titles").array()) {
        spec.titles.push_back(read_title(item));
        if (item.has("framework")) frameworks.emplace(spec.titles.back().id, read_framework(item.at("framework"), reading));
    }
    WorkCalendar calendar;
    if (root.has("calendar")) {
        spec.calendar = root.at("calendar").text();
        calendar = read_calendar(root.at("calendar"), reading);
    }
    if (root.has("units"))
        for (const Node& item : root.at("units").array()) spec.units.push_back(read_unit(item));
    if (root.has("departments"))
        for (const Node& item : root.at("departments").array()) {
            item.require_object({"id", "name", "leader", "unit"});
            spec.departments.push_back({item.at("id").text(), item.text_or("name"), item.text_or("leader"), item.text_or("unit")});
        }
    if (root.has("targets"))
        for (const Node& item : root.at("targets").array()) spec.targets.push_back(read_target(item));
    if (root.has("observations"))
        for (const Node& item : root.at("observations").array()) spec.observations.push_back(item.text());
    if (root.has("store")) spec.store = root.at("store").text();
    if (root.has("submissions")) spec.submissions = read_submission_schedule(root.at("submissions"));
    if (root.has("accountability"))
        for (const Node& item : root.at("accountability").array()) spec.accountability.push_back(read_accountability_rule(item));
    if (root.has("rounds"))
        for (const Node& item : root.at("rounds").array()) spec.rounds.push_back(detail::read_round(item));
    if (root.has("checks"))
        for (const Node& item : root.at("checks").array()) spec.checks.push_back(detail::read_check(item));
    // Field inspections: written in place, or {"file": "inspections.json"} relative to this file.
    std::vector<std::string> inspection_files;  // the file each inspection was read from
    if (root.has("inspections"))
        for (const Node& item : root.at("inspections").array()) {
            if (!item.value().is_object() || !item.has("file")) {
                spec.inspections.push_back(detail::read_inspection(item, false));
                inspection_files.push_back(file);
                continue;
            }
            item.require_object({"file"});
            const std::string written = item.at("file").text();
            const std::filesystem::path path = reading.file(item.at("file"));
            const std::string inspection_text = [&] {
                try {
                    return detail::read_json_file(path, options.limits);
                } catch (const LimitError&) {
                    throw;
                } catch (const ParseError& error) {
                    item.at("file").fail(Message("cannot read the field-inspection file: {0}"_en, "无法读取实地考察文件: {0}"_zh,
                                                 {error.full_message()}));
                }
            }();
            const std::string inspection_file = path.string();
            const Json inspection_document = detail::parse_json(inspection_text, inspection_file, options.limits);
            spec.inspections.push_back(detail::read_inspection(Node(inspection_document, "$", inspection_file), true));
            spec.inspections.back().file = written;
            inspection_files.push_back(inspection_file);
        }

    const PlanSpec* plan_spec = nullptr;  // the plan read, and the file it was read from
    std::string plan_file = file;
    const auto validated = [&](CampaignSpec checked, std::optional<Plan> plan) {
        try {
            return Campaign(std::move(checked), frameworks, calendar, std::move(plan));
        } catch (const ValidationError& error) {
            // A fault inside an inspection kept in its own file is reported in that file.
            const std::string& path = error.path();
            for (std::size_t k = 0; k < inspection_files.size(); ++k) {
                const std::string prefix = "$.inspections[" + std::to_string(k) + "]";
                const bool inside = path.compare(0, prefix.size(), prefix) == 0 &&
                                    (path.size() == prefix.size() || path[prefix.size()] == '.' || path[prefix.size()] == '[');
                if (inspection_files[k] != file && inside)
                    throw ParseError(inspection_files[k], "$" + path.substr(prefix.size()), error.detail());
            }
            // A fault of the plan the campaign finds (a milestone's check) is reported in the plan's file.
            const bool in_plan = path.compare(0, 6, "$.plan") == 0 && (path.size() == 6 || path[6] == '.' || path[6] == '[');
            if (in_plan && plan_spec != nullptr) {
                auto [where, inside] = locate_in_plan(*plan_spec, plan_file, plan_file != file, path);
                throw ParseError(where, inside, error.detail());
            }
            throw ParseError(file, error.path(), error.detail());
        }
    };

    // The plan takes the campaign's titles when it lists none. The campaign's own rules are
    // checked first, so that a fault of its titles is not reported as one of the plan's.
    std::optional<Plan> plan;
    if (root.has("plan")) {
        (void)validated(spec, std::nullopt);
        std::vector<Title> titles;
        for (const CampaignTitle& t : spec.titles) titles.push_back({t.id, t.name});
        const Node at = root.at("plan");
        if (at.value().is_string()) {
            spec.plan_file = at.text();
            const std::filesystem::path path = reading.file(at);
            const std::string plan_text = [&] {
                try {
                    return detail::read_json_file(path, options.limits);
                } catch (const LimitError&) {
                    throw;
                } catch (const ParseError& error) {
                    at.fail(Message("cannot read the plan file: {0}"_en, "无法读取工作计划文件: {0}"_zh, {error.full_message()}));
                }
            }();
            const Json plan_document = detail::parse_json(plan_text, path.string(), options.limits);
            plan = detail::read_plan(Node(plan_document, "$", path.string()), &titles, options, path.parent_path());
            plan_file = path.string();
        } else {
            plan = detail::read_plan(at, &titles, options, reading.folder);
            spec.plan = plan->spec();
            if (!at.has("titles")) spec.plan->titles.clear();  // as written: the campaign's titles are implied
        }
    }
    // The plan's spec outlives the Plan moved into the campaign, to place errors in its files.
    const std::optional<PlanSpec> read_spec = plan ? std::optional<PlanSpec>(plan->spec()) : std::nullopt;
    if (read_spec) plan_spec = &*read_spec;
    Campaign campaign = validated(std::move(spec), std::move(plan));
    if (!root.has("observations") && campaign.spec().inspections.empty() && !root.has("store")) return campaign;

    // Observation files: CSV or JSON by their ending; bad rows are kept aside with their file.
    ObservationStore observations;
    std::vector<std::pair<std::string, RejectedRow>> rejected;
    const auto items = root.has("observations") ? root.at("observations").array() : std::vector<Node>();
    for (std::size_t k = 0; k < items.size(); ++k) {
        const std::filesystem::path path = reading.file(items[k]);
        const bool json = path.extension() == ".json";
        if (!json && path.extension() != ".csv")
            items[k].fail(Message("\"{0}\" is neither a .csv nor a .json file; expected an observation file"_en,
                                  "\"{0}\" 既不是 .csv 文件也不是 .json 文件；应为观测数据文件"_zh, {campaign.spec().observations[k]}));
        ObservationReadOptions observation_options;
        observation_options.limits = options.limits;
        ObservationLoad load = json ? load_observations_json(path, observation_options) : load_observations_csv(path, observation_options);
        for (RejectedRow& row : load.rejected) rejected.emplace_back(path.string(), std::move(row));
        if (observations.empty()) {
            observations = std::move(load.store);
        } else {
            observations.reserve(observations.size() + load.store.size());
            for (std::size_t row = 0; row < load.store.size(); ++row) observations.add(load.store.at(row));
        }
    }
    // The field inspections' problem counts, per unit (and its ancestors) and indicator.
    for (const Observation& observation : campaign.field_observations()) observations.add(observation);
    // The campaign store: its active observations beside the files', its latest task reports and
    // problem updates applied to the plan. A store not created yet holds nothing; loading never writes.
    std::optional<Plan> plan_now = campaign.plan();
    if (root.has("store")) {
        const Node at = root.at("store");
        const std::filesystem::path path = reading.file(at);
        if (!store_available()) {
            try {
                (void)CampaignStore(path);
            } catch (const IoError& error) {
                at.fail(error.detail());
            }
        }
        if (std::filesystem::exists(path)) {
            StoreOptions read_only;
            read_only.read_only = true;
            const CampaignStore store(path, read_only);
            const ObservationStore stored = store.observations();
            observations.reserve(observations.size() + stored.size());
            for (std::size_t row = 0; row < stored.size(); ++row) observations.add(stored.at(row));
            if (plan_now) plan_now = store.progress(*plan_now);
        }
    }
    return Campaign(campaign.spec(), campaign.frameworks(), campaign.calendar(), std::move(plan_now), std::move(observations),
                    std::move(rejected));
}

Campaign load_campaign(const std::filesystem::path& path, const ReadOptions& options) {
    return parse_campaign(detail::read_json_file(path, options.limits), path.string(), options);
}

std::filesystem::path campaign_store_path(const std::filesystem::path& campaign_file, const ReadOptions& options) {
    const std::string file = campaign_file.string();
    const Json document = detail::parse_json(detail::read_json_file(campaign_file, options.limits), file, options.limits);
    const Node root(document, "$", file);
    if (!root.value().is_object() || !root.has("store"))
        throw ValidationError("$.store", Message("{0} names no campaign store; expected a \"store\" key naming its file (docs/office.md)"_en,
                                                 "{0} 未指定活动数据库；应有 \"store\" 键指定其文件（见 docs/office.md）"_zh, {file}));
    return Reading{options, detail::folder_of(file, options)}.file(root.at("store"));
}

std::optional<std::vector<SubmissionRecord>> scheduled_submissions(const std::filesystem::path& campaign_file, const Campaign& campaign,
                                                                   const ReadOptions& options) {
    if (!campaign.spec().submissions) return std::nullopt;  // nothing is counted without a schedule
    if (campaign.spec().store.empty() || !store_available()) return std::vector<SubmissionRecord>();
    const std::filesystem::path path = campaign_store_path(campaign_file, options);
    if (!std::filesystem::exists(path)) return std::vector<SubmissionRecord>();
    StoreOptions read_only;
    read_only.read_only = true;
    return CampaignStore(path, read_only).submissions();
}

std::string campaign_to_json(const Campaign& campaign, int indent) {
    const CampaignSpec& spec = campaign.spec();
    Json j;
    j["format"] = campaign_format;
    j["id"] = spec.id;
    if (!spec.name.empty()) j["name"] = spec.name;
    if (!spec.language.empty()) j["language"] = spec.language;
    if (!spec.calendar.empty()) j["calendar"] = spec.calendar;
    Json titles = Json::array();
    for (const CampaignTitle& title : spec.titles) {
        Json t;
        t["id"] = title.id;
        if (!title.name.empty()) t["name"] = title.name;
        if (!title.framework.empty()) t["framework"] = title.framework;
        if (const Json dates = dates_json(title.dates); !dates.empty()) t["dates"] = dates;
        if (title.scheme) t["scheme"] = detail::round_scheme_reference_json(*title.scheme);
        titles.push_back(t);
    }
    j["titles"] = titles;
    if (!spec.units.empty()) {
        Json units = Json::array();
        for (const CampaignUnit& unit : spec.units) {
            Json u;
            u["id"] = unit.id;
            if (!unit.name.empty()) u["name"] = unit.name;
            if (!unit.parent.empty()) u["parent"] = unit.parent;
            if (!unit.kind.empty()) u["kind"] = unit.kind;
            if (!unit.classes.empty()) u["classes"] = unit.classes;
            units.push_back(u);
        }
        j["units"] = units;
    }
    if (!spec.departments.empty()) {
        Json departments = Json::array();
        for (const Department& d : spec.departments) {
            Json o;
            o["id"] = d.id;
            if (!d.name.empty()) o["name"] = d.name;
            if (!d.leader.empty()) o["leader"] = d.leader;
            if (!d.unit.empty()) o["unit"] = d.unit;
            departments.push_back(o);
        }
        j["departments"] = departments;
    }
    if (!spec.targets.empty()) {
        Json targets = Json::array();
        for (const Target& target : spec.targets) {
            Json t;
            t["title"] = target.title;
            t["indicator"] = target.indicator;
            if (!target.unit.empty()) t["unit"] = target.unit;
            t["value"] = target.value;
            if (target.deadline) t["deadline"] = to_iso(*target.deadline);
            if (!target.department.empty()) t["department"] = target.department;
            targets.push_back(t);
        }
        j["targets"] = targets;
    }
    if (!spec.plan_file.empty()) {
        j["plan"] = spec.plan_file;
    } else if (campaign.plan()) {
        Limits own;  // our own output: only the nesting is bounded, by the plan's validation
        own.json_bytes = own.text_bytes = std::numeric_limits<std::size_t>::max();
        Json plan = detail::parse_json(plan_to_json(*campaign.plan()), "<plan>", own);
        plan.erase("format");
        if (spec.plan && spec.plan->titles.empty()) plan.erase("titles");
        j["plan"] = plan;
    }
    if (!spec.observations.empty()) j["observations"] = spec.observations;
    if (!spec.store.empty()) j["store"] = spec.store;
    if (spec.submissions) {
        Json schedule;
        schedule["first_month"] = to_iso(spec.submissions->first_month).substr(0, 7);
        schedule["due_day"] = spec.submissions->due_day;
        if (!spec.submissions->departments.empty()) schedule["departments"] = spec.submissions->departments;
        j["submissions"] = schedule;
    }
    if (!spec.accountability.empty()) {
        Json rules = Json::array();
        for (const AccountabilityRule& rule : spec.accountability) {
            Json r;
            r["id"] = rule.id;
            if (!rule.name.empty()) r["name"] = rule.name;
            if (rule.days_overdue) r["days_overdue"] = *rule.days_overdue;
            if (rule.problems_overdue) r["problems_overdue"] = *rule.problems_overdue;
            if (rule.late_submissions) r["late_submissions"] = *rule.late_submissions;
            if (rule.months) r["months"] = *rule.months;
            rules.push_back(r);
        }
        j["accountability"] = rules;
    }
    if (!spec.rounds.empty()) {
        Json rounds = Json::array();
        for (const AssessmentRound& round : spec.rounds) rounds.push_back(detail::round_json(round));
        j["rounds"] = rounds;
    }
    if (!spec.checks.empty()) {
        Json checks = Json::array();
        for (const Check& check : spec.checks) checks.push_back(detail::check_json(check));
        j["checks"] = checks;
    }
    if (!spec.inspections.empty()) {
        Json inspections = Json::array();
        for (const FieldInspection& inspection : spec.inspections)
            inspections.push_back(inspection.file.empty() ? detail::inspection_json(inspection, false) : Json{{"file", inspection.file}});
        j["inspections"] = inspections;
    }
    return j.dump(indent) + "\n";
}

void save_campaign(const Campaign& campaign, const std::filesystem::path& path, const SaveOptions& options) {
    // Every file is staged (written whole beside its target and synced) before any is renamed
    // into place, the campaign file last; if a rename fails the files already replaced are put
    // back. What a crash between the renames leaves: docs/format.md, "Saving".
    const CampaignSpec& spec = campaign.spec();
    detail::FileBatch batch;
    for (std::size_t k = 0; k < spec.inspections.size(); ++k) {
        const FieldInspection& inspection = spec.inspections[k];
        if (inspection.file.empty()) continue;
        const std::string where = "$.inspections[" + std::to_string(k) + "].file";
        batch.add(detail::inside_folder(path.parent_path(), inspection.file, where, path, options), field_inspection_to_json(inspection), true);
    }
    if (const Plan* plan = campaign.plan() ? &*campaign.plan() : nullptr) {
        const std::vector<std::string>& fields = plan->spec().responsibility_fields;
        if (!spec.plan_file.empty()) {
            const std::filesystem::path file = detail::inside_folder(path.parent_path(), spec.plan_file, "$.plan", path, options);
            detail::stage_subplan_files(batch, plan->spec(), fields, file, "$", options);
            batch.add(file, plan_to_json(*plan), true);
        } else {
            // A plan in place whose sub-plans may be kept in files relative to the campaign file.
            detail::stage_subplan_files(batch, plan->spec(), fields, path, "$.plan", options);
        }
    }
    batch.add(path, campaign_to_json(campaign));
    batch.commit();
}

}  // namespace civitas
