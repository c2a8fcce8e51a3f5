// parse_unit_values on any bytes: one unit's values as a host sends them (the C API's
// civitas_evaluate_json). Laws where it parses: written back as JSON (numbers to 17 digits) the
// values read back equal; evaluated against the bundled lanzhou-illustrative framework they give
// an evaluation whose JSON is written, or a civitas::Error (an unknown id, a value out of bounds).

#include "fuzz_target.hpp"

#include <civitas/io/framework_io.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <optional>
#include <string>

using namespace civitas;

namespace {

std::string as_json(const UnitValues& unit) {
    nlohmann::ordered_json document = nlohmann::ordered_json::object();
    for (const auto& [id, value] : unit.values) document[id] = value;
    if (!unit.values.count("unit")) document["unit"] = unit.unit;
    if (!unit.values.count("class")) document["class"] = unit.unit_class;
    return document.dump();
}


}  // namespace

CIVITAS_FUZZ_TARGET(unit_values) {
    std::optional<UnitValues> parsed;
    try {
        parsed.emplace(parse_unit_values(text, "fuzz.json"));
    } catch (const civitas::Error&) {
        return;
    }
    const UnitValues& unit = *parsed;

    // Finite values only round-trip through JSON text; an overflowing number ("1e999") is infinite.
    bool finite = true;
    for (const auto& entry : unit.values) finite = finite && std::isfinite(entry.second);
    if (finite && !unit.values.count("unit") && !unit.values.count("class")) {
        const std::string json = as_json(unit);
        std::optional<UnitValues> again;
        try {
            again.emplace(parse_unit_values(json, "written.json"));
        } catch (const civitas::Error& error) {
            fuzz::fail("unit_values", std::string("law broken: the values written as JSON do not read back: ") + error.what() + "\n" + json);
        }
        CIVITAS_FUZZ_CHECK(again->unit == unit.unit && again->unit_class == unit.unit_class && again->values == unit.values,
                           "the values written as JSON read back different:\n" + json);
    }

    try {
        const Evaluation evaluation = fuzz::scoring_framework().evaluate(unit.values, unit.unit, unit.unit_class);
        CIVITAS_FUZZ_CHECK(!evaluation_to_json(evaluation).empty(), "the evaluation's JSON is empty");
    } catch (const civitas::Error&) {
    }
}
