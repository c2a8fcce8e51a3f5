// Objective weights in C++ alone, beside the Python comparison with numpy, pymcdm and
// scikit-criteria (bench/python/bench_weights.py): BM_<Method>Weights/units/criteria/normalization
// times civitas::<method>_weights on a row-major matrix (numpy's layout), with normalization 0 for
// min_max (a mix of benefit and cost columns) and 1 for none (every column a benefit);
// BM_StdWeightsColumnMajor the same on a column-major matrix (Eigen's layout).

#include <civitas/methods/weights.hpp>

#include <benchmark/benchmark.h>

#include <cmath>
#include <random>

namespace {

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// Positive values, each column on its own scale (as bench_weights.py, not the same numbers).
RowMajor make_matrix(Eigen::Index units, Eigen::Index criteria) {
    std::mt19937_64 rng(7);
    std::lognormal_distribution<double> value(0.0, 0.5);
    std::uniform_int_distribution<int> exponent(-2, 4);
    RowMajor x(units, criteria);
    for (Eigen::Index j = 0; j < criteria; ++j) {
        const double scale = std::pow(10.0, exponent(rng));
        for (Eigen::Index i = 0; i < units; ++i) x(i, j) = value(rng) * scale;
    }
    return x;
}

/// 70% benefit columns for min_max; all benefit for none (which refuses cost columns).
civitas::Benefit make_benefit(Eigen::Index criteria, civitas::ObjectiveNormalization normalization) {
    std::mt19937_64 rng(8);
    civitas::Benefit b(static_cast<std::size_t>(criteria), true);
    if (normalization == civitas::ObjectiveNormalization::min_max)
        for (auto&& flag : b) flag = std::bernoulli_distribution(0.7)(rng);
    return b;
}

template <class Method>
void run(benchmark::State& state, Method method) {
    const RowMajor x = make_matrix(state.range(0), state.range(1));
    const auto normalization = static_cast<civitas::ObjectiveNormalization>(state.range(2));
    const civitas::Benefit b = make_benefit(state.range(1), normalization);
    for (auto _ : state) benchmark::DoNotOptimize(method(x, b, normalization));
    state.SetItemsProcessed(state.iterations() * state.range(0) * state.range(1));
}

void BM_StdWeights(benchmark::State& state) { run(state, civitas::std_weights); }
void BM_CriticWeights(benchmark::State& state) { run(state, civitas::critic_weights); }
void BM_EntropyWeights(benchmark::State& state) { run(state, civitas::entropy_weights); }
BENCHMARK(BM_StdWeights)->Args({3000, 200, 0})->Args({3000, 200, 1})->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CriticWeights)->Args({3000, 200, 0})->Args({3000, 200, 1})->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_EntropyWeights)->Args({3000, 200, 0})->Args({3000, 200, 1})->Unit(benchmark::kMicrosecond);

void BM_StdWeightsColumnMajor(benchmark::State& state) {
    const Eigen::MatrixXd x = make_matrix(state.range(0), state.range(1));
    const civitas::Benefit b = make_benefit(state.range(1), civitas::ObjectiveNormalization::min_max);
    for (auto _ : state) benchmark::DoNotOptimize(civitas::std_weights(x, b));
    state.SetItemsProcessed(state.iterations() * state.range(0) * state.range(1));
}
BENCHMARK(BM_StdWeightsColumnMajor)->Args({3000, 200})->Unit(benchmark::kMicrosecond);

}  // namespace
