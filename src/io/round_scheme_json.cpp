// Round schemes in JSON: round-scheme files (civitas-round-scheme/1), a campaign title's
// "scheme" and a framework's "round_scheme", read by one reader with JSON paths in errors.

#include <civitas/core/error.hpp>
#include <civitas/io/bundled_data.hpp>
#include <civitas/io/round_scheme_io.hpp>

#include "framework/detail/years.hpp"
#include "io/detail/file_text.hpp"
#include "io/detail/json_reader.hpp"
#include "io/detail/round_scheme_reader.hpp"

namespace civitas {

namespace detail {

RoundScheme read_round_scheme(const JsonNode& node) {
    node.require_object({"format", "id", "name", "parts", "year_weights", "first_year", "consequences", "source"});
    if (node.has("format") && node.at("format").text() != round_scheme_format)
        node.at("format").fail(Message("\"{0}\" is not a format this version reads; expected \"{1}\""_en, "\"{0}\" 不是本版本能读取的格式；应为 \"{1}\""_zh,
                                       {node.at("format").text(), round_scheme_format}));
    RoundScheme scheme;
    scheme.id = node.text_or("id");
    scheme.name = node.text_or("name");
    for (const JsonNode& item : node.at("parts").array()) {
        item.require_object({"id", "name", "mode", "full_points"});
        scheme.parts.push_back({item.at("id").text(), item.text_or("name"),
                                item.enum_or<AssessmentMode>("mode", AssessmentMode::unspecified), item.at("full_points").number()});
    }
    if (node.has("year_weights"))
        for (const JsonNode& item : node.at("year_weights").array()) scheme.year_weights.push_back(item.number());
    if (node.has("first_year"))
        scheme.first_year = read_int(node.at("first_year"), first_plausible_year, last_plausible_year, Message("a year"_en, "年份"_zh));
    if (node.has("consequences"))
        for (const JsonNode& item : node.at("consequences").array()) {
            item.require_object({"id", "name", "below", "flag", "months"});
            ConsequenceRule rule;
            rule.id = item.at("id").text();
            rule.name = item.text_or("name");
            rule.below = item.optional_number("below");
            rule.flag = item.text_or("flag");
            if (item.has("months")) rule.months = read_int(item.at("months"), 1, 1200, Message("months"_en, "月数"_zh));
            scheme.consequences.push_back(std::move(rule));
        }
    scheme.source = node.prose_or("source");
    checked(node, [&] { validate(scheme); });
    return scheme;
}

Json round_scheme_json(const RoundScheme& scheme) {
    Json j = Json::object();
    if (!scheme.id.empty()) j["id"] = scheme.id;
    if (!scheme.name.empty()) j["name"] = scheme.name;
    Json parts = Json::array();
    for (const RoundPart& part : scheme.parts) {
        Json p;
        p["id"] = part.id;
        if (!part.name.empty()) p["name"] = part.name;
        if (part.mode != AssessmentMode::unspecified) p["mode"] = to_string(part.mode);
        p["full_points"] = part.full_points;
        parts.push_back(p);
    }
    j["parts"] = parts;
    if (!scheme.year_weights.empty()) j["year_weights"] = scheme.year_weights;
    if (scheme.first_year) j["first_year"] = *scheme.first_year;
    if (!scheme.consequences.empty()) {
        Json rules = Json::array();
        for (const ConsequenceRule& rule : scheme.consequences) {
            Json r;
            r["id"] = rule.id;
            if (!rule.name.empty()) r["name"] = rule.name;
            if (rule.below) r["below"] = *rule.below;
            if (!rule.flag.empty()) r["flag"] = rule.flag;
            if (rule.months) r["months"] = *rule.months;
            rules.push_back(r);
        }
        j["consequences"] = rules;
    }
    if (!scheme.source.empty()) j["source"] = scheme.source;
    return j;
}

RoundScheme read_round_scheme_reference(const JsonNode& node) {
    if (!node.value().is_string()) return read_round_scheme(node);
    try {
        return load_bundled_round_scheme(node.text());
    } catch (const NotFoundError& error) {
        node.fail(error.detail());
    }
}

Json round_scheme_reference_json(const RoundScheme& scheme) {
    return is_bundled_round_scheme(scheme) ? Json(scheme.id) : round_scheme_json(scheme);
}

}  // namespace detail

RoundScheme parse_round_scheme(std::string_view json, const std::string& file, const ReadOptions& options) {
    const detail::Json document = detail::parse_json(json, file, options.limits);
    return detail::read_round_scheme(detail::JsonNode(document, "$", file));
}

RoundScheme load_round_scheme(const std::filesystem::path& path, const ReadOptions& options) {
    return parse_round_scheme(detail::read_json_file(path, options.limits), path.string(), options);
}

std::string round_scheme_to_json(const RoundScheme& scheme, int indent) {
    detail::Json j;
    j["format"] = round_scheme_format;
    j.update(detail::round_scheme_json(scheme));
    return j.dump(indent) + "\n";
}

}  // namespace civitas
