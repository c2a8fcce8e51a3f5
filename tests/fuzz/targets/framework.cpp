// parse_framework on any bytes. Laws where it parses: framework_to_json parses back to an equal
// framework; the descriptions render; evaluating every indicator missing, zero, or at its pass
// line throws nothing but civitas::Error, alone or in a batch of those rows, and a row's result
// in the batch is its result alone.

#include "fuzz_target.hpp"

#include <civitas/framework/evaluation.hpp>
#include <civitas/framework/framework.hpp>
#include <civitas/io/framework_io.hpp>

#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

using namespace civitas;

namespace {

// The value a row gives an indicator: NaN (missing), 0, or the finite end of its pass line.
double row_value(const Indicator& indicator, int row) {
    if (row == 0) return std::numeric_limits<double>::quiet_NaN();
    if (row == 1 || !indicator.pass) return 0.0;
    return std::isfinite(indicator.pass->low) ? indicator.pass->low : (std::isfinite(indicator.pass->high) ? indicator.pass->high : 0.0);
}

}  // namespace

CIVITAS_FUZZ_TARGET(framework) {
    std::optional<Framework> parsed;
    try {
        parsed.emplace(parse_framework(text, "fuzz.json"));
    } catch (const civitas::Error&) {
        return;
    }
    const Framework& framework = *parsed;

    const std::string json = framework_to_json(framework);
    CIVITAS_FUZZ_CHECK(parse_framework(json, "written.json") == framework,
                       "framework_to_json does not parse back to an equal framework:\n" + json);
    (void)to_string(framework, Language::en);
    (void)to_string(framework, Language::zh);

    // One class the framework names, if any, besides no class.
    std::string unit_class;
    for (const Indicator* indicator : framework.indicators())
        if (!indicator->pass_by_class.empty()) unit_class = indicator->pass_by_class.begin()->first;

    const std::vector<std::string> ids = framework.indicator_ids();
    const auto n = static_cast<Eigen::Index>(ids.size());
    constexpr int rows = 3;
    RowMatrix values(rows, n);
    for (int row = 0; row < rows; ++row)
        for (Eigen::Index j = 0; j < n; ++j) values(row, j) = row_value(*framework.indicators()[static_cast<std::size_t>(j)], row);
    EvaluateOptions options;
    options.nan_as_missing = true;
    options.threads = 1;
    const std::vector<std::string> units{"a", "b", "c"};
    const std::vector<std::string> classes{unit_class, "", unit_class};

    std::optional<BatchEvaluation> batch;
    try {
        batch.emplace(evaluate_many(framework, values, ids, units, classes, options));
    } catch (const civitas::Error&) {
        return;
    }
    (void)to_string(*batch);
    CIVITAS_FUZZ_CHECK(batch->size() == static_cast<std::size_t>(rows), "the batch has not one result per row");
    for (int row = 0; row < rows; ++row) {
        const auto r = static_cast<std::size_t>(row);
        std::map<std::string, double> alone;
        for (Eigen::Index j = 0; j < n; ++j) alone[ids[static_cast<std::size_t>(j)]] = values(row, j);
        std::optional<Evaluation> single;
        try {
            single.emplace(framework.evaluate(alone, units[r], classes[r], options));
        } catch (const civitas::Error&) {
            CIVITAS_FUZZ_CHECK(!batch->errors[r].empty(), "a row the batch takes is refused alone (row " + std::to_string(row) + ")");
            continue;
        }
        CIVITAS_FUZZ_CHECK(batch->errors[r].empty(), "a row refused in the batch is taken alone (row " + std::to_string(row) + ")");
        CIVITAS_FUZZ_CHECK(single->passed == batch->passed[r], "pass decision differs alone and in the batch (row " + std::to_string(row) + ")");
        CIVITAS_FUZZ_CHECK(fuzz::same_number(single->total.value_or(std::numeric_limits<double>::quiet_NaN()), batch->totals(row)),
                           "total differs alone and in the batch (row " + std::to_string(row) + ")");
        CIVITAS_FUZZ_CHECK(single->met == batch->met(row) && single->assessed == batch->assessed(row),
                           "indicators met or assessed differ alone and in the batch (row " + std::to_string(row) + ")");
        (void)to_string(*single, Language::en);
        (void)to_string(*single, Language::zh);
        (void)evaluation_to_json(*single);
        (void)single->shortfalls();
    }
}
