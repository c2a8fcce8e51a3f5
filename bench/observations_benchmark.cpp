// Observations: reading CSV files and the latest-value matrix, in C++ alone.
//
// BM_ReadObservationsCsv/threads: a file of 500 units x 150 indicators x 12 months (900,000 rows,
// every column, as bench/python/make_observations.py writes them) read from a temporary file;
// or, when CIVITAS_OBSERVATIONS_CSV names a file (the national one), that file.
// BM_LatestMatrix: the latest value of every unit and indicator of that store as of a date.

#include <civitas/observations.hpp>

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

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
        const civitas::ObservationLoad load = civitas::read_observations_csv(path, options);
        rows = load.store.size();
        benchmark::DoNotOptimize(rows);
    }
    const auto bytes = static_cast<std::int64_t>(std::filesystem::file_size(path));
    state.SetBytesProcessed(state.iterations() * bytes);
    state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_ReadObservationsCsv)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_LatestMatrix(benchmark::State& state) {
    const civitas::ObservationLoad load = civitas::read_observations_csv(data_file());
    const civitas::Date as_of(2025, 6, 15);
    for (auto _ : state) {
        const civitas::LatestMatrix matrix = load.store.latest_matrix(as_of);
        benchmark::DoNotOptimize(matrix.values.data());
    }
    state.counters["cells"] = static_cast<double>(load.store.units().size() * load.store.indicators().size());
}
BENCHMARK(BM_LatestMatrix)->Unit(benchmark::kMillisecond);

}  // namespace
