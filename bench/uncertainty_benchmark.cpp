// Rank uncertainty in C++ alone, beside the Python comparison with numpy
// (bench/python/bench_uncertainty.py): BM_RankUncertainty/units/criteria/draws runs the
// benchmark's settings (Dirichlet weights, both TOPSIS normalisations and the weighted sum drawn
// per draw, top 10, a pass threshold, the sensitivity indices) on one thread per core;
// BM_RankUncertaintyOneThread the same on one thread.

#include <civitas/methods/uncertainty.hpp>

#include <benchmark/benchmark.h>

#include <cmath>
#include <random>

namespace {

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// Positive values, each column on its own scale (as bench_uncertainty.py, not the same numbers).
RowMajor make_matrix(Eigen::Index units, Eigen::Index criteria, std::mt19937_64& rng) {
    std::lognormal_distribution<double> value(0.0, 0.5);
    std::uniform_int_distribution<int> exponent(-2, 4);
    RowMajor x(units, criteria);
    for (Eigen::Index j = 0; j < criteria; ++j) {
        const double scale = std::pow(10.0, exponent(rng));
        for (Eigen::Index i = 0; i < units; ++i) x(i, j) = value(rng) * scale;
    }
    return x;
}

civitas::UncertaintyOptions bench_options(int draws, int threads) {
    civitas::UncertaintyOptions o;
    o.draws = draws;
    o.seed = 20261130;
    o.concentration = 2000.0;
    o.normalizations = {civitas::Normalization::vector, civitas::Normalization::min_max};
    o.methods = {civitas::RankingMethod::topsis, civitas::RankingMethod::weighted_sum};
    o.top_k = 10;
    o.pass_threshold = 0.5;
    o.threads = threads;
    return o;
}

void run(benchmark::State& state, int threads) {
    std::mt19937_64 rng(7);
    const RowMajor x = make_matrix(state.range(0), state.range(1), rng);
    std::uniform_real_distribution<double> unit(0.1, 1.0);
    Eigen::VectorXd w(state.range(1));
    for (Eigen::Index j = 0; j < w.size(); ++j) w[j] = unit(rng);
    w /= w.sum();
    civitas::Benefit benefit(static_cast<std::size_t>(state.range(1)));
    for (auto&& flag : benefit) flag = std::bernoulli_distribution(0.7)(rng);
    const civitas::UncertaintyOptions options = bench_options(static_cast<int>(state.range(2)), threads);
    for (auto _ : state) benchmark::DoNotOptimize(civitas::rank_uncertainty(x, w, benefit, options));
    state.SetItemsProcessed(state.iterations() * state.range(2));
}

void BM_RankUncertainty(benchmark::State& state) { run(state, 0); }
BENCHMARK(BM_RankUncertainty)->Args({3000, 200, 1000})->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_RankUncertaintyOneThread(benchmark::State& state) { run(state, 1); }
BENCHMARK(BM_RankUncertaintyOneThread)->Args({3000, 200, 1000})->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
