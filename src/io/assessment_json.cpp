// Assessment values in JSON: rounds, checks and field inspections, in campaign files and in
// field-inspection files (civitas-inspection/1); round schemes are round_scheme_json.cpp's.

#include <civitas/core/error.hpp>
#include <civitas/io/assessment_io.hpp>
#include <civitas/tracking/assessment.hpp>

#include "framework/detail/years.hpp"
#include "io/detail/assessment_reader.hpp"
#include "io/detail/file_text.hpp"
#include "io/detail/json_reader.hpp"

namespace civitas {

namespace detail {

namespace {

using Node = JsonNode;

std::optional<Date> optional_date(const Node& node, const char* key) {
    return node.has(key) ? std::optional<Date>(read_date(node.at(key))) : std::nullopt;
}

std::vector<std::string> read_texts(const Node& node) {
    std::vector<std::string> out;
    for (const Node& item : node.array()) out.push_back(item.text());
    return out;
}

}  // namespace

AssessmentRound read_round(const Node& node) {
    node.require_object({"id", "title", "kind", "date", "year", "name", "parts", "total", "flags", "source"});
    AssessmentRound round;
    round.id = node.at("id").text();
    round.title = node.at("title").text();
    round.kind = node.enum_or<AssessmentKind>("kind", AssessmentKind::annual_test);
    round.date = read_date(node.at("date"));
    if (node.has("year")) round.year = read_int(node.at("year"), first_plausible_year, last_plausible_year, Message("a year"_en, "年份"_zh));
    round.name = node.text_or("name");
    if (node.has("parts")) {
        const Node parts = node.at("parts");
        if (!parts.value().is_object()) parts.expected(Message("an object of part id -> points"_en, "以测评部分 id 为键、分值为值的对象"_zh));
        for (const auto& entry : parts.value().items())
            round.parts.emplace(entry.key(), Node(entry.value(), parts.path() + "." + entry.key(), node.file()).number());
    }
    round.total = node.optional_number("total");
    if (node.has("flags")) round.flags = read_texts(node.at("flags"));
    round.source = node.prose_or("source");
    return round;
}

Json round_json(const AssessmentRound& round) {
    Json j;
    j["id"] = round.id;
    j["title"] = round.title;
    if (round.kind != AssessmentKind::annual_test) j["kind"] = to_string(round.kind);
    j["date"] = to_iso(round.date);
    if (round.year) j["year"] = *round.year;
    if (!round.name.empty()) j["name"] = round.name;
    if (!round.parts.empty()) {
        Json parts = Json::object();
        for (const auto& [id, score] : round.parts) parts[id] = score;
        j["parts"] = parts;
    }
    if (round.total) j["total"] = *round.total;
    if (!round.flags.empty()) j["flags"] = round.flags;
    if (!round.source.empty()) j["source"] = round.source;
    return j;
}

Check read_check(const Node& node) {
    node.require_object({"id", "title", "kind", "date", "end", "name", "notes"});
    Check check;
    check.id = node.at("id").text();
    check.title = node.text_or("title");
    check.kind = node.enum_or<AssessmentKind>("kind", AssessmentKind::other);
    check.date = read_date(node.at("date"));
    check.end = optional_date(node, "end");
    check.name = node.text_or("name");
    check.notes = node.prose_or("notes");
    return check;
}

Json check_json(const Check& check) {
    Json j;
    j["id"] = check.id;
    if (!check.title.empty()) j["title"] = check.title;
    if (check.kind != AssessmentKind::other) j["kind"] = to_string(check.kind);
    j["date"] = to_iso(check.date);
    if (check.end) j["end"] = to_iso(*check.end);
    if (!check.name.empty()) j["name"] = check.name;
    if (!check.notes.empty()) j["notes"] = check.notes;
    return j;
}

FieldInspection read_inspection(const Node& node, bool file_root) {
    if (file_root) {
        node.require_object({"format", "id", "title", "round", "date", "name", "source", "mandatory", "indicators", "sites", "problems"});
        if (node.has("format") && node.at("format").text() != inspection_format)
            node.at("format").fail(Message("\"{0}\" is not a format this version reads; expected \"{1}\""_en, "\"{0}\" 不是本版本能读取的格式；应为 \"{1}\""_zh,
                                           {node.at("format").text(), inspection_format}));
    } else {
        node.require_object({"id", "title", "round", "date", "name", "source", "mandatory", "indicators", "sites", "problems"});
    }
    FieldInspection inspection;
    inspection.id = node.at("id").text();
    inspection.title = node.text_or("title");
    inspection.round = node.text_or("round");
    inspection.date = read_date(node.at("date"));
    inspection.name = node.text_or("name");
    inspection.source = node.prose_or("source");
    if (node.has("mandatory")) inspection.mandatory = read_texts(node.at("mandatory"));
    if (node.has("indicators")) inspection.indicators = read_texts(node.at("indicators"));
    if (node.has("sites"))
        for (const Node& item : node.at("sites").array()) {
            item.require_object({"id", "unit", "type", "name", "date"});
            inspection.sites.push_back(
                {item.at("id").text(), item.at("unit").text(), item.at("type").text(), item.text_or("name"), optional_date(item, "date")});
        }
    if (node.has("problems"))
        for (const Node& item : node.at("problems").array()) {
            item.require_object({"site", "indicator", "description", "count", "deduction"});
            InspectionProblem problem;
            problem.site = item.at("site").text();
            problem.indicator = item.at("indicator").text();
            problem.description = item.prose_or("description");
            if (item.has("count")) problem.count = read_int(item.at("count"), 1, 1000000, Message("a count of problems"_en, "问题个数"_zh));
            problem.deduction = item.optional_number("deduction");
            inspection.problems.push_back(std::move(problem));
        }
    checked(node, [&] { validate(inspection); });
    return inspection;
}

Json inspection_json(const FieldInspection& inspection, bool file_root) {
    Json j;
    if (file_root) j["format"] = inspection_format;
    j["id"] = inspection.id;
    if (!inspection.title.empty()) j["title"] = inspection.title;
    if (!inspection.round.empty()) j["round"] = inspection.round;
    j["date"] = to_iso(inspection.date);
    if (!inspection.name.empty()) j["name"] = inspection.name;
    if (!inspection.source.empty()) j["source"] = inspection.source;
    if (!inspection.mandatory.empty()) j["mandatory"] = inspection.mandatory;
    if (!inspection.indicators.empty()) j["indicators"] = inspection.indicators;
    if (!inspection.sites.empty()) {
        Json sites = Json::array();
        for (const InspectionSite& site : inspection.sites) {
            Json s;
            s["id"] = site.id;
            s["unit"] = site.unit;
            s["type"] = site.type;
            if (!site.name.empty()) s["name"] = site.name;
            if (site.date) s["date"] = to_iso(*site.date);
            sites.push_back(s);
        }
        j["sites"] = sites;
    }
    if (!inspection.problems.empty()) {
        Json problems = Json::array();
        for (const InspectionProblem& problem : inspection.problems) {
            Json p;
            p["site"] = problem.site;
            p["indicator"] = problem.indicator;
            if (!problem.description.empty()) p["description"] = problem.description;
            if (problem.count != 1) p["count"] = problem.count;
            if (problem.deduction) p["deduction"] = *problem.deduction;
            problems.push_back(p);
        }
        j["problems"] = problems;
    }
    return j;
}

}  // namespace detail

FieldInspection parse_field_inspection(const std::string& json, const std::string& file, const ReadOptions& options) {
    const detail::Json document = detail::parse_json(json, file, options.limits);
    return detail::read_inspection(detail::JsonNode(document, "$", file), true);
}

FieldInspection load_field_inspection(const std::string& path, const ReadOptions& options) {
    return parse_field_inspection(detail::read_json_file(path, options.limits), path, options);
}

std::string field_inspection_to_json(const FieldInspection& inspection, int indent) {
    return detail::inspection_json(inspection, true).dump(indent) + "\n";
}

}  // namespace civitas
