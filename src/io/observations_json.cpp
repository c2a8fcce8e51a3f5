// Observations from JSON: {"format": "civitas-observations/1", "observations": [...]}. A bad
// entry is rejected with its JSON path and the others are kept, as in CSV.

#include <civitas/core/error.hpp>
#include <civitas/io/observations_io.hpp>
#include <civitas/tracking/observations.hpp>

#include "io/detail/file_text.hpp"
#include "io/detail/json_reader.hpp"

#include <cmath>
#include <limits>

namespace civitas {

namespace {

using detail::JsonNode;

Observation read_observation(const JsonNode& node) {
    node.require_object({"unit", "indicator", "date", "value", "source", "mode", "sample_size", "recorded"});
    Observation o;
    o.unit = node.at("unit").text();
    if (o.unit.empty()) node.at("unit").fail(Message("empty unit id; expected one"_en, "单位编号为空；应填写单位编号"_zh));
    o.indicator = node.at("indicator").text();
    if (o.indicator.empty()) node.at("indicator").fail(Message("empty indicator id; expected one"_en, "指标编号为空；应填写指标编号"_zh));
    o.date = detail::read_date(node.at("date"));
    o.value = node.at("value").number();
    o.source = node.prose_or("source");
    o.mode = node.enum_or("mode", AssessmentMode::unspecified);
    if (node.has("sample_size")) {
        const JsonNode size = node.at("sample_size");
        const auto& v = size.value();
        if (!v.is_number_integer() || v.get<std::int64_t>() < 1 || v.get<std::int64_t>() > std::numeric_limits<int>::max())
            size.fail(Message("{0} is not a sample size; expected a whole number from 1 to 2147483647"_en, "{0} 不是有效的样本量；应为 1 到 2147483647 之间的整数"_zh,
                              {detail::describe(v)}));
        o.sample_size = v.get<int>();
    }
    if (node.has("recorded")) {
        o.recorded = detail::read_date(node.at("recorded"));
        if (*o.recorded < o.date)
            node.at("recorded").fail(Message("recorded {0} is before the date {1}; expected on or after it"_en,
                                             "记录日期 {0} 早于数据日期 {1}；应不早于数据日期"_zh, {to_iso(*o.recorded), to_iso(o.date)}));
    }
    return o;
}

}  // namespace

ObservationLoad parse_observations_json(std::string_view json, const std::string& file, const ObservationReadOptions& options) {
    const detail::Json document = detail::parse_json(json, file, options.limits);
    const JsonNode root(document, "$", file);
    root.require_object({"format", "observations"});
    const JsonNode format = root.at("format");
    if (format.text() != observations_format)
        format.fail(Message("{0} is not an observations file format; expected \"{1}\""_en, "{0} 不是观测数据文件格式；应为 \"{1}\""_zh,
                            {detail::describe(format.value()), observations_format}));
    const std::vector<JsonNode> entries = root.at("observations").array();
    if (entries.size() > options.limits.rows)
        throw detail::limit_exceeded(file, root.at("observations").path(), Message("{0} observations"_en, "{0} 条观测数据"_zh, {std::to_string(entries.size())}),
                                     options.limits.rows, "rows");
    ObservationLoad load;
    load.store.reserve(entries.size());
    for (const JsonNode& entry : entries) {
        try {
            load.store.add(read_observation(entry));
        } catch (const ParseError& error) {
            load.rejected.push_back(RejectedRow{0, 0, error.location(), error.detail()});
        }
    }
    load.store.finalize();
    return load;
}

ObservationLoad load_observations_json(const std::filesystem::path& path, const ObservationReadOptions& options) {
    return parse_observations_json(detail::read_json_file(path, options.limits), path.string(), options);
}

}  // namespace civitas
