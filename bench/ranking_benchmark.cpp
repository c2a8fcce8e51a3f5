// TOPSIS in C++ alone, beside the Python comparison with numpy (bench/python/bench_topsis.py):
// BM_Topsis/units/criteria times civitas::topsis on a row-major matrix (numpy's layout);
// BM_TopsisPrepared/units/criteria/draws times closeness for many weight vectors at once on a
// matrix prepared once (the Monte Carlo case).

#include <civitas/methods/ranking.hpp>

#include <benchmark/benchmark.h>

#include <cmath>
#include <random>

namespace {

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// Positive values, each column on its own scale (as bench_topsis.py, not the same numbers).
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

Eigen::VectorXd make_weights(Eigen::Index criteria, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> unit(0.1, 1.0);
    Eigen::VectorXd w(criteria);
    for (Eigen::Index j = 0; j < criteria; ++j) w[j] = unit(rng);
    return w / w.sum();
}

civitas::Benefit make_benefit(Eigen::Index criteria, std::mt19937_64& rng) {
    civitas::Benefit b(static_cast<std::size_t>(criteria));
    for (auto&& flag : b) flag = std::bernoulli_distribution(0.7)(rng);
    return b;
}

void BM_Topsis(benchmark::State& state) {
    std::mt19937_64 rng(5);
    const RowMajor x = make_matrix(state.range(0), state.range(1), rng);
    const Eigen::VectorXd w = make_weights(state.range(1), rng);
    const civitas::Benefit b = make_benefit(state.range(1), rng);
    for (auto _ : state) benchmark::DoNotOptimize(civitas::topsis(x, w, b));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Topsis)->Args({3000, 200})->Args({300, 200})->Unit(benchmark::kMillisecond);

void BM_TopsisPrepared(benchmark::State& state) {
    std::mt19937_64 rng(6);
    const RowMajor x = make_matrix(state.range(0), state.range(1), rng);
    const civitas::Benefit b = make_benefit(state.range(1), rng);
    Eigen::MatrixXd draws(state.range(2), state.range(1));
    for (Eigen::Index k = 0; k < draws.rows(); ++k) draws.row(k) = make_weights(state.range(1), rng).transpose();
    for (auto _ : state) {
        const civitas::TopsisPrepared prepared(x, b);
        benchmark::DoNotOptimize(prepared.closeness_many(draws));
    }
    state.SetItemsProcessed(state.iterations() * state.range(2));
}
BENCHMARK(BM_TopsisPrepared)->Args({3000, 200, 1000})->Unit(benchmark::kMillisecond);

}  // namespace
