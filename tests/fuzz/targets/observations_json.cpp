// parse_observations_json on any bytes. Laws where it reads: the store answers its queries,
// latest() agreeing with latest_matrix(); written out as CSV (every field quoted) the good rows
// read back as the same rows.

#include "fuzz_target.hpp"
#include "observations_laws.hpp"

#include <civitas/tracking/observations.hpp>
#include <civitas/io/observations_io.hpp>

#include <cstdio>
#include <optional>
#include <string>

using namespace civitas;

namespace {

// The rows of a store as a CSV file with every column.
std::string as_csv(const ObservationStore& store) {
    std::string csv = "unit,indicator,date,value,source,mode,sample_size,recorded\n";
    for (std::size_t row = 0; row < store.size(); ++row) {
        const Observation o = store.at(row);
        csv += fuzz::csv_field(o.unit) + "," + fuzz::csv_field(o.indicator) + "," + to_iso(o.date) + "," + fuzz::exact_number(o.value) + "," +
               fuzz::csv_field(o.source) + "," + (o.mode == AssessmentMode::unspecified ? "" : to_string(o.mode)) + "," +
               (o.sample_size ? std::to_string(*o.sample_size) : "") + "," + (o.recorded ? to_iso(*o.recorded) : "") + "\n";
    }
    return csv;
}

}  // namespace

CIVITAS_FUZZ_TARGET(observations_json) {
    std::optional<ObservationLoad> load;
    try {
        load.emplace(parse_observations_json(text, "fuzz.json"));
    } catch (const civitas::Error&) {
        return;
    }
    fuzz::query("observations_json", *load);

    const std::string csv = as_csv(load->store);
    ObservationLoad again = parse_observations_csv(csv, "written.csv");
    CIVITAS_FUZZ_CHECK(again.rejected.empty(), "a row read from JSON is rejected from CSV: " +
                                                   (again.rejected.empty() ? std::string() : to_string(again.rejected.front())));
    ObservationLoad good{load->store, {}};
    // The CSV holds the rows in index order, so the names come in another order of first appearance.
    const std::string difference = fuzz::load_difference(good, again, false);
    CIVITAS_FUZZ_CHECK(difference.empty(), "the rows written as CSV read back differently: " + difference);
}
