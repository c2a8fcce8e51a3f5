// Frameworks and evaluations through the C API, and the SIMD path the kernels run with.

#include "handles.hpp"

#include <civitas/core/limits.hpp>
#include <civitas/core/simd.hpp>
#include <civitas/framework/evaluation.hpp>
#include <civitas/io/bundled_data.hpp>
#include <civitas/io/framework_io.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

using namespace civitas;

namespace {

// Refuses a matrix past the limits of a value table read from a file (rows, columns, cells), so
// that no size the caller passes can overflow, and none asks for more than a file could.
void check_size(std::size_t units, std::size_t indicators) {
    const Limits limits;
    const auto refuse = [](Message what) { throw LimitError("values", "", std::move(what)); };
    if (units > limits.rows)
        refuse(Message("{0} units is more than {1}; expected at most {1}"_en, "{0} 个单位超过 {1} 个；最多 {1} 个"_zh,
                       {std::to_string(units), std::to_string(limits.rows)}));
    if (indicators > limits.columns)
        refuse(Message("{0} indicators is more than {1}; expected at most {1}"_en, "{0} 项指标超过 {1} 项；最多 {1} 项"_zh,
                       {std::to_string(indicators), std::to_string(limits.columns)}));
    if (indicators != 0 && units > limits.cells / indicators)
        refuse(Message("{0} units x {1} indicators is more than {2} values; expected at most {2}"_en,
                       "{0} 个单位 x {1} 项指标超过 {2} 个取值；最多 {2} 个"_zh,
                       {std::to_string(units), std::to_string(indicators), std::to_string(limits.cells)}));
}

}  // namespace

extern "C" {

int civitas_framework_load(const char* path_or_bundled_id, civitas_framework** out, civitas_error** err) {
    return capi::guarded(err, [&] {
        capi::clear_out(out, "out");
        capi::require(path_or_bundled_id, "path_or_bundled_id");
        *out = new civitas_framework{load_framework_or_bundled(path_or_bundled_id)};
    });
}

int civitas_framework_parse(const char* json, size_t length, civitas_framework** out, civitas_error** err) {
    return capi::guarded(err, [&] {
        capi::clear_out(out, "out");
        capi::require(json, "json");
        *out = new civitas_framework{parse_framework(std::string_view(json, length))};
    });
}

void civitas_framework_free(civitas_framework* framework) { delete framework; }

const char* civitas_framework_id(const civitas_framework* framework) {
    return framework == nullptr ? nullptr : framework->framework.id().c_str();
}

size_t civitas_framework_indicator_count(const civitas_framework* framework) {
    return framework == nullptr ? 0 : framework->framework.indicators().size();
}

const char* civitas_framework_indicator_id(const civitas_framework* framework, size_t index) {
    if (framework == nullptr || index >= framework->framework.indicators().size()) return nullptr;
    return framework->framework.indicators()[index]->id.c_str();
}

int civitas_evaluate_json(const civitas_framework* framework, const char* values_json, size_t length,
                          char** result_json, civitas_error** err) {
    return capi::guarded(err, [&] {
        capi::clear_out(result_json, "result_json");
        capi::require(framework, "framework");
        capi::require(values_json, "values_json");
        const UnitValues unit = parse_unit_values(std::string_view(values_json, length), "<values>");
        *result_json = capi::copy_out(evaluation_to_json(framework->framework.evaluate(unit.values, unit.unit, unit.unit_class)));
    });
}

int civitas_evaluate_many(const civitas_framework* framework, const double* values, size_t units, size_t indicators,
                          const char* const* indicator_ids, const char* const* classes, double* totals, int* passed,
                          int* met, civitas_error** err) {
    return capi::guarded(err, [&] {
        capi::require(framework, "framework");
        // The results' matrices are as wide as the framework, whatever columns the values have.
        check_size(units, std::max(indicators, framework->framework.indicators().size()));
        if (units != 0 && indicators != 0) capi::require(values, "values");
        if (indicators != 0) capi::require(indicator_ids, "indicator_ids");
        std::vector<std::string> columns;
        columns.reserve(indicators);
        for (std::size_t j = 0; j < indicators; ++j) {
            if (indicator_ids[j] == nullptr)
                throw capi::ArgumentError(Message("indicator_ids[{0}] is NULL; expected an indicator id"_en,
                                                  "indicator_ids[{0}] 为 NULL；应为指标 id"_zh, {std::to_string(j)}));
            columns.emplace_back(indicator_ids[j]);
        }
        std::vector<std::string> unit_classes;
        if (classes != nullptr) {
            unit_classes.reserve(units);
            for (std::size_t i = 0; i < units; ++i) unit_classes.emplace_back(classes[i] == nullptr ? "" : classes[i]);
        }
        EvaluateOptions options;
        options.nan_as_missing = true;
        const auto rows = static_cast<std::ptrdiff_t>(units), cols = static_cast<std::ptrdiff_t>(indicators);
        const BatchEvaluation batch =
            evaluate_many(framework->framework, MatrixView(values, rows, cols, cols, 1), columns, {}, unit_classes, options);
        std::size_t invalid = 0, first_invalid = 0;
        for (std::size_t i = 0; i < units; ++i) {
            const bool valid = batch.errors[i].empty();
            if (!valid && invalid++ == 0) first_invalid = i;
            if (totals != nullptr) totals[i] = valid ? batch.totals[static_cast<std::ptrdiff_t>(i)] : std::nan("");
            if (passed != nullptr) passed[i] = valid && batch.passed[i] ? 1 : 0;
            if (met != nullptr) met[i] = valid ? batch.met[static_cast<std::ptrdiff_t>(i)] : -1;
        }
        if (invalid != 0)
            throw capi::InvalidUnitsError(Message("{0} of {1} units have invalid data; the first, row {2}: {3}"_en,
                                          "{1} 个单位中有 {0} 个数据无效；第一个为第 {2} 行: {3}"_zh,
                                          {std::to_string(invalid), std::to_string(units), std::to_string(first_invalid),
                                           batch.errors[first_invalid]}));
    });
}

void civitas_release_memory(void) { release_cached_memory(); }

const char* civitas_simd_path(void) { return civitas::to_string(civitas::simd_path()); }

int civitas_use_simd_path(const char* path, civitas_error** err) {
    return capi::guarded(err, [&] {
        capi::require(path, "path");
        const auto named = civitas::enum_from_string<civitas::SimdPath>(path);
        if (!named) {
            std::string names;
            for (const char* name : civitas::EnumNames<civitas::SimdPath>::values)
                names += (names.empty() ? "'" : ", '") + std::string(name) + "'";
            throw capi::ArgumentError(Message("path '{0}' is unknown; expected one of {1}"_en, "path '{0}' 未知；应为以下之一: {1}"_zh,
                                              {path, names}));
        }
        civitas::use_simd_path(*named);  // ValidationError, naming the paths there are, when this processor lacks it
    });
}

}  // extern "C"
