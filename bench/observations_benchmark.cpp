// Observations: reading CSV files and the latest-value matrix, in C++ alone.
//
// BM_ReadObservationsCsv/threads: a file of 500 units x 150 indicators x 12 months (900,000 rows,
// every column, as bench/python/make_observations.py writes them) read from a temporary file;
// or, when CIVITAS_OBSERVATIONS_CSV names a file (the national one), that file.
// BM_LatestMatrix: the latest value of every unit and indicator of that store as of a date.
// BM_TrendMatrix: the least-squares line through the last 5 points of every unit and indicator
// of that store as of a date, projected to a later date (readiness's projection).
// BM_IndexObservations: finalize() (sorting into index order, the groups) of that store's rows
// added unit by unit, as the files list them; the reader's index step, apart from parsing.

#include <civitas/tracking/observations.hpp>
#include <civitas/io/observations_io.hpp>

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace {

// The synthetic file: same columns and shape of rows as make_observations.py (not the same numbers).
std::string synthetic_csv(int units, int indicators, int months) {
    static const char* modes[] = {"statistics", "document_review", "field_inspection", "questionnaire", "online_survey"};
    static const char* sources[] = {"nbs", "audit", "site", "survey", "web"};
    std::mt19937 random(20260415);
    std::string text = "unit,indicator,date,value,source,mode,sample_size,recorded\n";
    char line[160];
    for (int u = 0; u < units; ++u)
        for (int i = 0; i < indicators; ++i) {
            const int kind = i % 5;
            for (int m = 0; m < months; ++m) {
                const civitas::Date end = civitas::Date(2021 + (m + 1) / 12, (m + 1) % 12 + 1, 1) - boost::gregorian::days(1);
                const double value = std::round((50.0 + static_cast<double>(random() % 4000) / 100.0) * 100.0) / 100.0;
                const bool survey = kind >= 3;
                std::snprintf(line, sizeof line, "u%05d,ind%03d,%s,%.2f,%s,%s,%s,\n", u, i + 1, civitas::to_iso(end).c_str(), value,
                              sources[kind], modes[kind], survey ? "800" : "");
                text += line;
            }
        }
    return text;
}

const std::string& data_file() {
    static const std::string path = [] {
        if (const char* given = std::getenv("CIVITAS_OBSERVATIONS_CSV")) return std::string(given);
        const std::string temporary = (std::filesystem::temp_directory_path() / "civitas_bench_observations.csv").string();
        std::ofstream(temporary, std::ios::binary) << synthetic_csv(500, 150, 12);
        std::atexit([] { std::remove((std::filesystem::temp_directory_path() / "civitas_bench_observations.csv").string().c_str()); });
        return temporary;
    }();
    return path;
}

void BM_ReadObservationsCsv(benchmark::State& state) {
    const std::string& path = data_file();
    civitas::ObservationReadOptions options;
    options.threads = static_cast<int>(state.range(0));
    std::size_t rows = 0;
    for (auto _ : state) {
        const civitas::ObservationLoad load = civitas::load_observations_csv(path, options);
        rows = load.store.size();
        benchmark::DoNotOptimize(rows);
    }
    const auto bytes = static_cast<std::int64_t>(std::filesystem::file_size(path));
    state.SetBytesProcessed(state.iterations() * bytes);
    state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_ReadObservationsCsv)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_LatestMatrix(benchmark::State& state) {
    const civitas::ObservationLoad load = civitas::load_observations_csv(data_file());
    const civitas::Date as_of(2025, 6, 15);
    for (auto _ : state) {
        const civitas::LatestMatrix matrix = load.store.latest_matrix(as_of);
        benchmark::DoNotOptimize(matrix.values.data());
    }
    state.counters["cells"] = static_cast<double>(load.store.units().size() * load.store.indicators().size());
}
BENCHMARK(BM_LatestMatrix)->Unit(benchmark::kMillisecond);

void BM_TrendMatrix(benchmark::State& state) {
    const civitas::ObservationLoad load = civitas::load_observations_csv(data_file());
    const civitas::Date as_of(2025, 6, 15), inspection(2026, 6, 30);
    for (auto _ : state) {
        const civitas::TrendMatrix matrix = load.store.trend_matrix(load.store.units(), load.store.indicators(), as_of, 5);
        const civitas::RowMatrix projected = matrix.project(inspection);
        benchmark::DoNotOptimize(projected.data());
    }
    state.counters["cells"] = static_cast<double>(load.store.units().size() * load.store.indicators().size());
}
BENCHMARK(BM_TrendMatrix)->Unit(benchmark::kMillisecond);

void BM_IndexObservations(benchmark::State& state) {
    const civitas::ObservationLoad load = civitas::load_observations_csv(data_file());
    // The rows unit by unit (a stable counting sort of the index order by unit): the file's order.
    const std::vector<std::int32_t>& unit = load.store.columns().unit;
    std::vector<std::size_t> start(load.store.units().size() + 1, 0), order(unit.size());
    for (const std::int32_t u : unit) ++start[static_cast<std::size_t>(u) + 1];
    for (std::size_t u = 1; u < start.size(); ++u) start[u] += start[u - 1];
    for (std::size_t row = 0; row < unit.size(); ++row) order[start[static_cast<std::size_t>(unit[row])]++] = row;
    for (auto _ : state) {
        state.PauseTiming();
        civitas::ObservationStore store;
        store.reserve(order.size());
        for (const std::size_t row : order) store.add(load.store.at(row));
        state.ResumeTiming();
        store.finalize();
        benchmark::DoNotOptimize(store.size());
    }
    state.counters["rows"] = static_cast<double>(order.size());
}
BENCHMARK(BM_IndexObservations)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
