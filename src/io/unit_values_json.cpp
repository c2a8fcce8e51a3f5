// One unit's values as JSON, as hosts that speak JSON (the C API) send them.

#include "io/detail/json_reader.hpp"

#include <civitas/io/framework_io.hpp>

namespace civitas {

UnitValues parse_unit_values(std::string_view json, const std::string& file, const ReadOptions& options) {
    const detail::Json document = detail::parse_json(json, file, options.limits);
    const detail::JsonNode root(document, "$", file);
    if (!document.is_object()) root.expected(Message("an object of indicator id to value"_en, "由指标 id 到取值的对象"_zh));
    UnitValues unit;
    for (const auto& member : document.items()) {
        const detail::JsonNode node(member.value(), "$." + detail::quote(member.key()), file);
        const detail::Json& value = member.value();
        if (member.key() == "unit" && value.is_string()) {
            unit.unit = node.text();
        } else if (member.key() == "class" && value.is_string()) {
            unit.unit_class = node.text();
        } else if (value.is_number()) {
            unit.values.emplace(member.key(), value.get<double>());
        } else if (value.is_boolean()) {
            unit.values.emplace(member.key(), value.get<bool>() ? 1.0 : 0.0);
        } else if (!value.is_null()) {
            node.expected(Message("a number, true / false or null"_en, "数字、true / false 或 null"_zh));
        }
    }
    return unit;
}

}  // namespace civitas
