// civitas::evaluate_many on a synthetic framework of mixed rules in two levels: the C++-only
// figure beside the Python comparison (bench/python/bench_evaluate.py).
//
// The framework and values are made here with the same shape and mix as
// bench/python/make_benchmark_data.py (not the same numbers: that one uses numpy's generator).
// To time the Python script's exact files instead, write them with
//   python bench/python/make_benchmark_data.py --out DIR
// and run with CIVITAS_BENCH_DATA=DIR: BM_EvaluateManyFiles then evaluates DIR/framework.json
// against DIR/values.csv.

#include <civitas/civitas.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace {

using civitas::Direction;
using civitas::Interval;
using civitas::RuleType;

/// Deterministic random numbers from the raw output of mt19937_64 (whose sequence the standard
/// fixes), so every platform builds the same framework.
class Random {
public:
    explicit Random(std::uint64_t seed) : engine_(seed) {}
    /// Uniform in [low, high).
    double uniform(double low = 0.0, double high = 1.0) {
        return low + (high - low) * static_cast<double>(engine_() >> 11) * 0x1.0p-53;
    }
    /// Standard normal (Box-Muller).
    double normal() {
        const double u = 1.0 - uniform(), v = uniform();
        return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
    }
    /// Index drawn with the given weights (summing to 1).
    std::size_t pick(const std::vector<double>& weights) {
        double u = uniform();
        for (std::size_t k = 0; k + 1 < weights.size(); ++k) {
            if (u < weights[k]) return k;
            u -= weights[k];
        }
        return weights.size() - 1;
    }

private:
    std::mt19937_64 engine_;
};

double round1(double x) { return std::round(x * 10.0) / 10.0; }
double round2(double x) { return std::round(x * 100.0) / 100.0; }

/// An indicator with the spread of its values (in its unit) and, for ranges, centre and half width.
struct Generated {
    civitas::Indicator indicator;
    double sigma = 1.0;
    double centre = 0.0;
    double half = 0.0;
};

civitas::Tier tier(double at, double score) { return {at, score}; }

Generated make_indicator(Random& rng, int number) {
    static const Direction directions[] = {Direction::higher, Direction::lower, Direction::range, Direction::yes_no,
                                           Direction::problem_count};
    Generated g;
    civitas::Indicator& i = g.indicator;
    i.id = "i" + std::string(number < 10 ? "00" : number < 100 ? "0" : "") + std::to_string(number);
    i.name = "indicator " + std::to_string(number);
    i.direction = directions[rng.pick({0.40, 0.20, 0.10, 0.15, 0.15})];
    if (rng.uniform() < 0.06) i.kind = civitas::ItemKind::basic;
    i.weight = round1(rng.uniform(0.5, 3.0));
    civitas::ScoringRule& rule = i.scoring;
    switch (i.direction) {
        case Direction::higher: {
            const double line = round1(rng.uniform(30, 70));
            g.sigma = round1(rng.uniform(2, 8));
            i.pass = Interval::at_least(line);
            i.bounds = Interval{0, 100};
            switch (rng.pick({0.25, 0.25, 0.25, 0.25})) {
                case 1:
                    rule = civitas::ScoringRule::linear(Interval::at_least(round1(line - 3 * g.sigma)));
                    if (rng.uniform() < 0.3) rule.full = Interval::at_least(round1(line + g.sigma));
                    break;
                case 2:
                    rule.type = RuleType::proportional;
                    if (rng.uniform() < 0.3) rule.full = Interval::at_least(round1(line + g.sigma));
                    break;
                case 3:
                    rule.type = RuleType::tiers;
                    rule.tiers = {tier(round1(line - 2 * g.sigma), 0.4), tier(line, 0.8), tier(round1(line + g.sigma), 1)};
                    break;
                default: break;
            }
            break;
        }
        case Direction::lower: {
            const double line = round1(rng.uniform(15, 60));
            g.sigma = round1(rng.uniform(1, 5));
            i.pass = Interval::at_most(line);
            i.bounds = Interval{0, civitas::unbounded};
            switch (rng.pick({0.25, 0.25, 0.25, 0.25})) {
                case 1: rule = civitas::ScoringRule::linear(Interval::at_most(round1(line + 3 * g.sigma))); break;
                case 2: rule.type = RuleType::proportional; break;
                case 3:
                    rule.type = RuleType::tiers;
                    rule.tiers = {tier(round1(line - g.sigma), 1), tier(line, 0.7), tier(round1(line + 2 * g.sigma), 0.3)};
                    break;
                default: break;
            }
            break;
        }
        case Direction::range: {
            g.centre = round1(rng.uniform(10, 50));
            g.half = round1(rng.uniform(1, 5));
            g.sigma = round1(rng.uniform(0.5, 2));
            i.pass = Interval{round1(g.centre - g.half), round1(g.centre + g.half)};
            i.bounds = Interval{0, civitas::unbounded};
            if (rng.uniform() < 0.6)
                rule = civitas::ScoringRule::linear(
                    Interval{round1(g.centre - g.half - 3 * g.sigma), round1(g.centre + g.half + 3 * g.sigma)});
            break;
        }
        case Direction::yes_no:
            if (rng.uniform() < 0.6) rule.type = RuleType::yes_no;
            break;
        case Direction::problem_count: {
            static const double allowances[] = {0, 0, 1, 2};
            const double allowed = allowances[rng.pick({0.25, 0.25, 0.25, 0.25})];
            if (allowed > 0) i.pass = Interval::at_most(allowed);
            g.sigma = 1.5;
            std::size_t kind = rng.pick({1.0 / 6, 2.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6});
            if (kind == 4 && allowed == 0) kind = 1;  // proportional needs a positive target
            switch (kind) {
                case 1: {
                    const double per_problem = round2(rng.uniform(0.05, 0.3));
                    std::optional<double> cap;
                    if (rng.uniform() < 0.5) cap = round2(rng.uniform(0.2, 0.5));
                    rule = civitas::ScoringRule::deduction(per_problem, cap);
                    break;
                }
                case 2:
                    rule.type = RuleType::tiers;
                    rule.tiers = {tier(allowed, 1), tier(allowed + 2, 0.5), tier(allowed + 5, 0.2)};
                    break;
                case 3: rule = civitas::ScoringRule::linear(Interval::at_most(allowed + 6)); break;
                case 4: rule.type = RuleType::proportional; break;
                default: break;
            }
            break;
        }
    }
    return g;
}

/// A framework of `indicators` indicators in `categories` categories, every third split into
/// two subcategories, with the pass rules of the Python benchmark; and a value matrix.
struct Benchmark {
    civitas::Framework framework;
    std::vector<std::string> columns;
    civitas::RowMatrix values;  // numpy's layout: units by rows
};

Benchmark make_benchmark(int units, int indicators, int categories = 10, std::uint64_t seed = 20240601) {
    Random rng(seed);
    civitas::FrameworkSpec spec;
    spec.id = "bench-" + std::to_string(indicators);
    spec.name = "Benchmark framework";
    spec.reliability = civitas::Reliability::illustrative;
    spec.pass_rules = {{civitas::PassRuleType::all_basic_met, 0},
                       {civitas::PassRuleType::min_share_general_met, 0.8},
                       {civitas::PassRuleType::min_total, 70}};
    std::vector<Generated> made;
    int number = 0;
    auto fill = [&](civitas::Category& category, int count) {
        for (int k = 0; k < count; ++k) {
            made.push_back(make_indicator(rng, ++number));
            category.indicators.push_back(made.back().indicator);
        }
    };
    for (int c = 0; c < categories; ++c) {
        const int size = indicators / categories + (c < indicators % categories ? 1 : 0);
        civitas::Category category;
        category.id = "c" + std::to_string(c + 1);
        category.weight = round1(rng.uniform(1, 3));
        if (c % 3 == 1 && size >= 6) {
            const int direct = size / 3, rest = size - direct;
            fill(category, direct);
            for (int s = 0; s < 2; ++s) {
                civitas::Category sub;
                sub.id = category.id + "s" + std::to_string(s + 1);
                sub.weight = round1(rng.uniform(0.5, 2));
                fill(sub, s == 0 ? rest / 2 : rest - rest / 2);
                category.categories.push_back(std::move(sub));
            }
        } else {
            fill(category, size);
        }
        spec.root.categories.push_back(std::move(category));
    }
    Benchmark b{civitas::Framework(std::move(spec)), {}, civitas::RowMatrix(units, indicators)};
    b.columns = b.framework.indicator_ids();  // framework order: a category's indicators, then its subcategories'
    // `made` is in creation order, which is the framework order too (indicators before subcategories).
    for (int r = 0; r < units; ++r) {
        const double level = 1.2 + 0.6 * rng.normal();
        for (int j = 0; j < indicators; ++j) {
            const Generated& g = made[static_cast<std::size_t>(j)];
            const civitas::Indicator& i = g.indicator;
            const double z = level + rng.normal() + (i.kind == civitas::ItemKind::basic ? 1.5 : 0.0);
            double v = 0;
            switch (i.direction) {
                case Direction::higher: v = std::clamp(round1(i.pass->low + g.sigma * z), 0.0, 100.0); break;
                case Direction::lower: v = std::max(0.0, round1(i.pass->high - g.sigma * z)); break;
                case Direction::range: {
                    const double off = g.half * std::exp(std::min(-g.sigma * z / g.half, 5.0));
                    v = std::max(0.0, round1(g.centre + (rng.uniform() < 0.5 ? -off : off)));
                    break;
                }
                case Direction::yes_no: v = z > 0 ? 1.0 : 0.0; break;
                case Direction::problem_count:
                    v = std::max(0.0, std::floor((i.pass ? i.pass->high : 0.0) + 0.5 - g.sigma * z));
                    break;
            }
            b.values(r, j) = v;
        }
    }
    return b;
}

void report(benchmark::State& state, const civitas::BatchEvaluation& last, std::ptrdiff_t units, std::ptrdiff_t indicators) {
    state.SetItemsProcessed(state.iterations() * units * indicators);  // indicator values per second
    state.counters["units"] = static_cast<double>(units);
    state.counters["indicators"] = static_cast<double>(indicators);
    state.counters["passed"] = static_cast<double>(std::count(last.passed.begin(), last.passed.end(), true)) /
                               static_cast<double>(std::max<std::ptrdiff_t>(units, 1));
}

/// evaluate_many on a units x indicators row-major matrix (the layout numpy hands over).
void BM_EvaluateMany(benchmark::State& state) {
    const auto units = static_cast<int>(state.range(0)), indicators = static_cast<int>(state.range(1));
    const Benchmark b = make_benchmark(units, indicators);
    civitas::BatchEvaluation last;
    for (auto _ : state) {
        last = civitas::evaluate_many(b.framework, b.values, b.columns);
        benchmark::DoNotOptimize(last.totals.data());
    }
    if (!last.ok()) state.SkipWithError("invalid benchmark data");
    report(state, last, units, indicators);
}
BENCHMARK(BM_EvaluateMany)->Args({3000, 200})->Args({300, 200})->Args({3000, 50})->Unit(benchmark::kMillisecond);

/// The same on a column-major matrix (Eigen's default), to show the cost of the layout.
void BM_EvaluateManyColumnMajor(benchmark::State& state) {
    const auto units = static_cast<int>(state.range(0)), indicators = static_cast<int>(state.range(1));
    const Benchmark b = make_benchmark(units, indicators);
    const Eigen::MatrixXd values = b.values;
    civitas::BatchEvaluation last;
    for (auto _ : state) {
        last = civitas::evaluate_many(b.framework, values, b.columns);
        benchmark::DoNotOptimize(last.totals.data());
    }
    report(state, last, units, indicators);
}
BENCHMARK(BM_EvaluateManyColumnMajor)->Args({3000, 200})->Unit(benchmark::kMillisecond);

/// parse_framework of the 200-indicator framework's JSON (done once per framework in Python).
void BM_ParseFramework(benchmark::State& state) {
    const Benchmark b = make_benchmark(1, static_cast<int>(state.range(0)));
    const std::string json = civitas::framework_to_json(b.framework);
    for (auto _ : state) benchmark::DoNotOptimize(civitas::parse_framework(json));
}
BENCHMARK(BM_ParseFramework)->Arg(200)->Unit(benchmark::kMicrosecond);

/// evaluate_many on files written by make_benchmark_data.py, when CIVITAS_BENCH_DATA names their folder.
void BM_EvaluateManyFiles(benchmark::State& state) {
    const char* folder = std::getenv("CIVITAS_BENCH_DATA");
    if (!folder || !*folder) {
        state.SkipWithError("CIVITAS_BENCH_DATA is not set (see the comment at the top of this file)");
        for (auto _ : state) {
        }
        return;
    }
    const std::filesystem::path dir(folder);
    const civitas::Framework framework = civitas::load_framework(dir / "framework.json");
    const civitas::ValueTable table = civitas::load_value_table(dir / "values.csv");
    civitas::BatchEvaluation last;
    for (auto _ : state) {
        last = civitas::evaluate_many(framework, table.values, table.columns);
        benchmark::DoNotOptimize(last.totals.data());
    }
    if (!last.ok()) state.SkipWithError("invalid data in CIVITAS_BENCH_DATA");
    report(state, last, table.values.rows(), table.values.cols());
}
BENCHMARK(BM_EvaluateManyFiles)->Unit(benchmark::kMillisecond);

}  // namespace
