// Observations from JSON: {"format": "civitas-observations/1", "observations": [...]}. A bad
// entry is rejected with its JSON path and the others are kept, as in CSV.

#include <civitas/error.hpp>
#include <civitas/observations.hpp>

#include "io/file_text.hpp"
#include "io/json_reader.hpp"

#include <cmath>
#include <limits>

namespace civitas {

namespace {

using detail::JsonNode;

Observation read_observation(const JsonNode& node) {
    node.require_object({"unit", "indicator", "date", "value", "source", "mode", "sample_size", "recorded"});
    Observation o;
    o.unit = node.at("unit").text();
    if (o.unit.empty()) node.at("unit").fail("empty unit id; expected one");
    o.indicator = node.at("indicator").text();
    if (o.indicator.empty()) node.at("indicator").fail("empty indicator id; expected one");
    o.date = detail::read_date(node.at("date"));
    o.value = node.at("value").number();
    o.source = node.text_or("source");
    o.mode = node.enum_or("mode", AssessmentMode::unspecified);
    if (node.has("sample_size")) {
        const JsonNode size = node.at("sample_size");
        const auto& v = size.value();
        if (!v.is_number_integer() || v.get<std::int64_t>() < 1 || v.get<std::int64_t>() > std::numeric_limits<int>::max())
            size.fail(detail::describe(v) + " is not a sample size; expected a whole number >= 1");
        o.sample_size = v.get<int>();
    }
    if (node.has("recorded")) {
        o.recorded = detail::read_date(node.at("recorded"));
        if (*o.recorded < o.date)
            node.at("recorded").fail("recorded " + to_iso(*o.recorded) + " is before the date " + to_iso(o.date) +
                                     "; expected on or after it");
    }
    return o;
}

}  // namespace

ObservationLoad parse_observations_json(std::string_view json, const std::string& file) {
    const detail::Json document = detail::parse_json(json, file);
    const JsonNode root(document, "$", file);
    root.require_object({"format", "observations"});
    const JsonNode format = root.at("format");
    if (format.text() != observations_format)
        format.fail(detail::describe(format.value()) + " is not an observations file format; expected \"" +
                    std::string(observations_format) + "\"");
    const std::vector<JsonNode> entries = root.at("observations").array();
    ObservationLoad load;
    load.store.reserve(entries.size());
    for (const JsonNode& entry : entries) {
        try {
            load.store.add(read_observation(entry));
        } catch (const ParseError& error) {
            const std::string prefix = error.file() + ": " + error.location() + ": ";
            const std::string what = error.what();
            load.rejected.push_back(RejectedRow{0, 0, error.location(), what.compare(0, prefix.size(), prefix) == 0 ? what.substr(prefix.size()) : what});
        }
    }
    load.store.finalize();
    return load;
}

ObservationLoad read_observations_json(const std::filesystem::path& path) {
    return parse_observations_json(detail::read_file(path), path.string());
}

}  // namespace civitas
