// parse_value_table on any bytes. Laws where it parses: one row per unit and one column per
// indicator, values finite or NaN; written back as CSV (every field quoted, numbers to 17
// digits) it reads back equal; its first value column may be read as the class column instead
// and the others keep their values; when every column is an indicator of the bundled
// lanzhou-illustrative framework (as in examples/scoring), the table evaluates, or fails with a
// civitas::Error.

#include "fuzz_target.hpp"

#include <civitas/framework/evaluation.hpp>
#include <civitas/io/value_table.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>

using namespace civitas;

namespace {

std::string as_csv(const ValueTable& table) {
    std::string csv = fuzz::csv_field("unit");
    for (const std::string& column : table.columns) csv += "," + fuzz::csv_field(column);
    csv += "\n";
    for (Eigen::Index r = 0; r < table.values.rows(); ++r) {
        csv += fuzz::csv_field(table.units[static_cast<std::size_t>(r)]);
        for (Eigen::Index c = 0; c < table.values.cols(); ++c) {
            csv += ",";
            if (std::isnan(table.values(r, c))) continue;
            csv += fuzz::exact_number(table.values(r, c));
        }
        csv += "\n";
    }
    return csv;
}

bool same_values(const RowMatrix& a, const RowMatrix& b) {
    if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
    for (Eigen::Index r = 0; r < a.rows(); ++r)
        for (Eigen::Index c = 0; c < a.cols(); ++c)
            if (!fuzz::same_number(a(r, c), b(r, c))) return false;
    return true;
}

// The matrix less its first column (a copy: Eigen's blocks of an empty matrix offset a null pointer).
RowMatrix without_first_column(const RowMatrix& values) {
    RowMatrix rest(values.rows(), values.cols() - 1);
    for (Eigen::Index r = 0; r < values.rows(); ++r)
        for (Eigen::Index c = 1; c < values.cols(); ++c) rest(r, c - 1) = values(r, c);
    return rest;
}


}  // namespace

CIVITAS_FUZZ_TARGET(value_table) {
    std::optional<ValueTable> parsed;
    try {
        parsed.emplace(parse_value_table(text, "fuzz.csv"));
    } catch (const civitas::Error&) {
        return;
    }
    const ValueTable& table = *parsed;
    CIVITAS_FUZZ_CHECK(table.values.rows() == static_cast<Eigen::Index>(table.units.size()) &&
                           table.values.cols() == static_cast<Eigen::Index>(table.columns.size()) && table.classes.empty(),
                       "the table's shape does not match its units and columns");
    for (Eigen::Index r = 0; r < table.values.rows(); ++r)
        for (Eigen::Index c = 0; c < table.values.cols(); ++c)
            CIVITAS_FUZZ_CHECK(!std::isinf(table.values(r, c)), "an infinite value was read");

    const std::string csv = as_csv(table);
    std::optional<ValueTable> again;
    try {
        again.emplace(parse_value_table(csv, "written.csv"));
    } catch (const civitas::Error& error) {
        fuzz::fail("value_table", std::string("law broken: the table written as CSV does not read back: ") + error.what() + "\n" + csv);
    }
    CIVITAS_FUZZ_CHECK(again->units == table.units && again->columns == table.columns && same_values(again->values, table.values),
                       "the table written as CSV reads back different:\n" + csv);

    if (!table.columns.empty()) {
        std::optional<ValueTable> with_class;
        try {
            with_class.emplace(parse_value_table(text, "fuzz.csv", table.columns.front()));
        } catch (const civitas::Error& error) {
            fuzz::fail("value_table", std::string("law broken: a value column cannot be read as the class column: ") + error.what());
        }
        CIVITAS_FUZZ_CHECK(with_class->units == table.units && with_class->classes.size() == table.units.size() &&
                               std::equal(with_class->columns.begin(), with_class->columns.end(), table.columns.begin() + 1,
                                          table.columns.end()) &&
                               same_values(with_class->values, without_first_column(table.values)),
                           "read with a class column, the other columns change");
    }

    const Framework& framework = fuzz::scoring_framework();
    const std::vector<std::string> ids = framework.indicator_ids();
    if (std::all_of(table.columns.begin(), table.columns.end(),
                    [&](const std::string& column) { return std::find(ids.begin(), ids.end(), column) != ids.end(); })) {
        EvaluateOptions options;
        options.nan_as_missing = true;
        options.threads = 1;
        try {
            (void)evaluate_many(framework, table.values, table.columns, table.units, {}, options);
        } catch (const civitas::Error&) {
        }
    }
}
