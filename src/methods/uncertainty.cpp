// Monte Carlo rank uncertainty.
//
// The draws are cut into fixed blocks of 256 (whatever the number of threads); threads take
// blocks in turn. Within a block the draws are grouped by model (TOPSIS with one or the other
// normalisation, weighted sum, VIKOR) and each group is scored with one matrix product on
// matrices prepared once (TopsisPrepared::closeness_many for TOPSIS). Every draw is then ranked
// with a radix sort into a row of a draws x units rank matrix, with buffers allocated once per
// thread. Each draw's randomness comes from its own stream, each block's arithmetic depends on
// the block alone, and every sum over draws is either of integers or taken in a fixed order, so
// the result is the same with any number of threads.
//
// After the draws: per-unit statistics (order statistics by counting) and the first-order
// sensitivity indices, parallel over units.

#include <civitas/core/error.hpp>
#include <civitas/methods/uncertainty.hpp>

#include "core/detail/number_format.hpp"
#include "core/detail/parallel.hpp"
#include "core/detail/simd.hpp"
#include "methods/detail/checks.hpp"
#include "methods/detail/product.hpp"
#include "methods/detail/promethee.hpp"
#include "methods/detail/radix_order.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <iomanip>
#include <limits>
#include <locale>
#include <numeric>
#include <sstream>
#include <type_traits>
#include <utility>

namespace civitas {

namespace {

constexpr double weight_sum_tolerance = 1e-6;  // as ranking.cpp
constexpr int block_draws = 256;               // draws per block: fixed, so results do not depend on threads
constexpr int factor_count = 4;                // UncertainFactor values

std::string format(double value) { return detail::format_significant(value, 12); }

// ---- random streams -------------------------------------------------------------------------------

/// splitmix64 (Steele, Lea & Flood 2014): seeds the per-draw generators.
struct SplitMix64 {
    std::uint64_t x;
    std::uint64_t next() noexcept {
        std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31U);
    }
};

/// xoshiro256** 1.0 (Blackman & Vigna 2021), with the variates the draws need, all written here
/// so that a seed gives the same numbers with any standard library.
class Stream {
public:
    /// The stream of draw `draw` under `seed`: four splitmix64 outputs started from a hash of
    /// the seed plus the draw index times an odd constant.
    Stream(std::uint64_t seed, std::uint64_t draw) noexcept {
        SplitMix64 key{seed};
        SplitMix64 start{key.next() + draw * 0xD1B54A32D192ED03ULL};
        for (auto& word : s_) word = start.next();
    }
    std::uint64_t next() noexcept {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17U;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    /// Uniform in [0, 1), 53 random bits.
    double uniform() noexcept { return static_cast<double>(next() >> 11U) * 0x1.0p-53; }
    /// Uniform integer in [0, n) (Lemire's multiply-shift on 32 bits; n < 2^32).
    std::size_t below(std::size_t n) noexcept {
        return static_cast<std::size_t>(((next() >> 32U) * static_cast<std::uint64_t>(n)) >> 32U);
    }
    /// Standard normal (Marsaglia's polar method; the second value is kept for the next call).
    double normal() noexcept {
        if (has_spare_) {
            has_spare_ = false;
            return spare_;
        }
        double u = 0.0, v = 0.0, s = 0.0;
        do {
            u = 2.0 * uniform() - 1.0;
            v = 2.0 * uniform() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        const double factor = std::sqrt(-2.0 * std::log(s) / s);
        spare_ = v * factor;
        has_spare_ = true;
        return u * factor;
    }
    /// log of a Gamma(alpha, 1) variate, alpha > 0 (Marsaglia & Tsang 2000; for alpha < 1 their
    /// boost G(alpha + 1) U^(1/alpha), taken in logs so that tiny shapes do not underflow to 0).
    double log_gamma(double alpha) noexcept {
        if (alpha < 1.0) return log_gamma(alpha + 1.0) + std::log(1.0 - uniform()) / alpha;
        const double d = alpha - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
        for (;;) {
            double z = 0.0, v = 0.0;
            do {
                z = normal();
                v = 1.0 + c * z;
            } while (v <= 0.0);
            v = v * v * v;
            const double u = 1.0 - uniform();  // (0, 1]
            if (u < 1.0 - 0.0331 * z * z * z * z) return std::log(d * v);
            if (std::log(u) < 0.5 * z * z + d * (1.0 - v + std::log(v))) return std::log(d * v);
        }
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) noexcept {
        return (x << static_cast<unsigned>(k)) | (x >> static_cast<unsigned>(64 - k));
    }
    std::array<std::uint64_t, 4> s_{};
    double spare_ = 0.0;
    bool has_spare_ = false;
};

// ---- ranking one draw -------------------------------------------------------------------------------

/// Buffers to rank one draw's scores, allocated once per thread.
class Ranker {
public:
    explicit Ranker(std::size_t units) : order_(units) {}

    /// Writes the "min" ranks (1 = highest score, ties share the best place) of `scores` to `ranks`.
    void rank(const double* scores, std::int32_t* ranks) {
        order_.sort(scores, false);
        const std::vector<std::uint64_t>& keys = order_.keys();
        const std::vector<std::uint32_t>& rows = order_.rows();
        std::int32_t current = 1;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (i > 0 && keys[i] != keys[i - 1]) current = static_cast<std::int32_t>(i) + 1;
            ranks[rows[i]] = current;
        }
    }

private:
    detail::RadixOrder order_;
};

// ---- the models -----------------------------------------------------------------------------------

/// A draw's model: the method and, for TOPSIS, the normalisation.
struct Variant {
    RankingMethod method = RankingMethod::topsis;
    Normalization normalization = Normalization::vector;
    [[nodiscard]] int code() const noexcept {
        return method == RankingMethod::topsis ? static_cast<int>(normalization) : 1 + static_cast<int>(method);
    }
};
/// topsis/vector, topsis/min_max, then each other method.
constexpr int variant_codes = 1 + static_cast<int>(std::size(EnumNames<RankingMethod>::values));

/// lambda of WASPAS and CoCoSo in the draws: their functions' default.
constexpr double draw_lambda = 0.5;

/// What every draw shares: the prepared matrices of each model in use.
struct Models {
    std::array<std::optional<TopsisPrepared>, 2> topsis;  ///< by Normalization
    Eigen::MatrixXd r;          ///< min-max normalised values, 1 at each criterion's best (constant: 1)
    Eigen::MatrixXd shortfall;  ///< 1 - r: VIKOR's (f* - f) / (f* - f-)
    double vikor_v = 0.5;
    Eigen::MatrixXd ratio, log_ratio;     ///< WASPAS: x / max or min / x, and its logarithm (lowest() for 0)
    Eigen::MatrixXd above, below;         ///< EDAS: PDA and NDA, the distances from each column's average
    Eigen::MatrixXd gains, costs;         ///< COPRAS: x / column total on benefit columns, on cost columns (0 elsewhere)
    Eigen::MatrixXd distance;             ///< SPOTIS: |x - best| / range
    Eigen::MatrixXd level, log_level;     ///< CoCoSo: min-max r (constant: 1) and its logarithm (lowest() for 0)
    Eigen::MatrixXd net_flow;             ///< PROMETHEE: each criterion's net flow

    /// Scores (units x draws, higher is better) of the draws whose effective weights are the rows of w.
    void score(const Variant& variant, const Eigen::MatrixXd& w, Eigen::MatrixXd& out) const {
        switch (variant.method) {
        case RankingMethod::topsis:
            out = topsis[static_cast<std::size_t>(variant.normalization)]->closeness_many(w);
            return;
        case RankingMethod::weighted_sum:
            detail::multiply_by_rows(r, w, false, out);
            return;
        case RankingMethod::vikor: {
            detail::multiply_by_rows(shortfall, w, false, out);  // S per unit and draw
            const Eigen::Index units = shortfall.rows();
            Eigen::ArrayXd regret(units);
            for (Eigen::Index d = 0; d < w.rows(); ++d) {
                regret.setZero();
                for (Eigen::Index j = 0; j < shortfall.cols(); ++j)
                    if (w(d, j) > 0.0) regret = regret.max(w(d, j) * shortfall.col(j).array());
                auto s = out.col(d).array();
                const double s_best = s.minCoeff(), s_span = s.maxCoeff() - s_best;
                const double r_best = regret.minCoeff(), r_span = regret.maxCoeff() - r_best;
                // A constant S (or R) across units says nothing about the order: its term is 0.
                Eigen::ArrayXd q = Eigen::ArrayXd::Zero(units);
                if (s_span > 0.0) q += vikor_v * (s - s_best) / s_span;
                if (r_span > 0.0) q += (1.0 - vikor_v) * (regret - r_best) / r_span;
                s = 1.0 - q;
            }
            return;
        }
        case RankingMethod::waspas: {
            Eigen::MatrixXd product;
            detail::multiply_by_rows(ratio, w, false, out);
            detail::multiply_by_rows(log_ratio, w, false, product);
            out = draw_lambda * out.array() + (1.0 - draw_lambda) * product.array().exp();
            return;
        }
        case RankingMethod::edas: {
            Eigen::MatrixXd negative;
            detail::multiply_by_rows(above, w, false, out);
            detail::multiply_by_rows(below, w, false, negative);
            for (Eigen::Index d = 0; d < w.rows(); ++d) {
                auto sp = out.col(d).array();
                const auto sn = negative.col(d).array();
                const double sp_max = sp.maxCoeff(), sn_max = sn.maxCoeff();
                const Eigen::ArrayXd positive_part = sp_max > 0.0 ? Eigen::ArrayXd(sp / sp_max) : Eigen::ArrayXd::Zero(sp.size());
                const Eigen::ArrayXd negative_part = sn_max > 0.0 ? Eigen::ArrayXd(1.0 - sn / sn_max) : Eigen::ArrayXd::Ones(sp.size());
                sp = (positive_part + negative_part) / 2.0;
            }
            return;
        }
        case RankingMethod::copras: {
            Eigen::MatrixXd minus;
            detail::multiply_by_rows(gains, w, false, out);
            detail::multiply_by_rows(costs, w, false, minus);
            for (Eigen::Index d = 0; d < w.rows(); ++d) {
                auto q = out.col(d).array();
                const auto m = minus.col(d).array();
                if (m.maxCoeff() > 0.0) q += m.sum() / (m * m.inverse().sum());  // cost values > 0: every m > 0
                q /= q.maxCoeff();
            }
            return;
        }
        case RankingMethod::spotis:
            detail::multiply_by_rows(distance, w, false, out);
            out = 1.0 - out.array();
            return;
        case RankingMethod::cocoso: {
            detail::multiply_by_rows(level, w, false, out);  // S per unit and draw
            const Eigen::Index units = level.rows();
            Eigen::ArrayXd p(units);
            for (Eigen::Index d = 0; d < w.rows(); ++d) {
                p.setZero();
                for (Eigen::Index j = 0; j < level.cols(); ++j)
                    p += w(d, j) == 0.0 ? Eigen::ArrayXd::Ones(units) : Eigen::ArrayXd((w(d, j) * log_level.col(j).array()).exp());
                auto s = out.col(d).array();
                // A unit worst on every criterion the draw weighs (S = 0) would make k_b infinite: it
                // scores 0, and k_b divides by the smallest S and P of the others.
                const Eigen::Array<bool, Eigen::Dynamic, 1> scored = s > 0.0;
                double s_min = std::numeric_limits<double>::infinity(), p_min = s_min;
                for (Eigen::Index i = 0; i < units; ++i)
                    if (scored[i]) {
                        s_min = std::min(s_min, s[i]);
                        p_min = std::min(p_min, p[i]);
                    }
                const Eigen::ArrayXd total = s + p;
                const Eigen::ArrayXd k_a = total / total.sum();
                const Eigen::ArrayXd k_b = s / s_min + p / p_min;
                const Eigen::ArrayXd k_c = (draw_lambda * s + (1.0 - draw_lambda) * p) /
                                           (draw_lambda * s.maxCoeff() + (1.0 - draw_lambda) * p.maxCoeff());
                const Eigen::ArrayXd k = scored.select((k_a * k_b * k_c).pow(1.0 / 3.0) + (k_a + k_b + k_c) / 3.0, 0.0);
                s = k / k.maxCoeff();
            }
            return;
        }
        case RankingMethod::promethee:
            detail::multiply_by_rows(net_flow, w, false, out);
            out = (1.0 + out.array()) / 2.0;
            return;
        }
    }
};

/// The draw's weights with criterion `dropped` (or none, -1) left out and the rest rescaled to sum to 1.
void effective_weights(const double* w, Eigen::Index n, int dropped, double* out) {
    double sum = 0.0;
    for (Eigen::Index j = 0; j < n; ++j) {
        out[j] = j == dropped ? 0.0 : w[j];
        sum += out[j];
    }
    for (Eigen::Index j = 0; j < n; ++j) out[j] /= sum;
}

// ---- validation ------------------------------------------------------------------------------------

void check_options(const UncertaintyOptions& o) {
    if (o.draws < 1)
        throw ValidationError("draws", Message("value {0}; expected at least 1 draw"_en, "取值 {0}；抽样次数应至少为 1"_zh,
                                               {std::to_string(o.draws)}));
    if (!(o.concentration > 0.0) || !std::isfinite(o.concentration))
        throw ValidationError("concentration", Message("value {0}; expected a finite number > 0"_en, "取值 {0}；应为 > 0 的有限数"_zh,
                                                       {format(o.concentration)}));
    if (!(o.share > 0.0 && o.share < 1.0))
        throw ValidationError("share", Message("value {0}; expected a share in (0, 1)"_en, "取值 {0}；应为 (0, 1) 内的比例"_zh, {format(o.share)}));
    if (o.normalizations.empty())
        throw ValidationError("normalizations", Message("empty; expected at least one normalisation"_en, "为空；应至少有一种归一化方法"_zh));
    if (o.methods.empty()) throw ValidationError("methods", Message("empty; expected at least one method"_en, "为空；应至少有一种方法"_zh));
    if (!(o.drop_probability >= 0.0 && o.drop_probability < 1.0))
        throw ValidationError("drop_probability", Message("value {0}; expected a probability in [0, 1)"_en, "取值 {0}；应为 [0, 1) 内的概率"_zh,
                                                          {format(o.drop_probability)}));
    if (o.pass_threshold && !std::isfinite(*o.pass_threshold))
        throw ValidationError("pass_threshold", Message("value {0}; expected a finite score"_en, "取值 {0}；应为有限的得分"_zh,
                                                        {format(*o.pass_threshold)}));
    if (!(o.vikor_v >= 0.0 && o.vikor_v <= 1.0))
        throw ValidationError("vikor_v", Message("value {0}; expected a weight in [0, 1]"_en, "取值 {0}；应为 [0, 1] 内的权重"_zh, {format(o.vikor_v)}));
    if (o.threads < 0)
        throw ValidationError("threads", Message("value {0}; expected 0 (one per core) or more"_en, "取值 {0}；应为 0（每个核一个）或更多"_zh,
                                                 {std::to_string(o.threads)}));
}

void check_weights(const Eigen::Ref<const Eigen::VectorXd>& w, Eigen::Index criteria) {
    if (w.size() != criteria)
        throw ValidationError("weights", Message("{0} weights for {1} criteria (columns of x); expected one per criterion"_en,
                                                 "{0} 个权重对应 {1} 个评价指标（x 的列）；应每个评价指标一个权重"_zh,
                                                 {std::to_string(w.size()), std::to_string(criteria)}));
    double sum = 0.0;
    for (Eigen::Index j = 0; j < w.size(); ++j) {
        if (!std::isfinite(w[j]) || w[j] < 0.0)
            throw ValidationError("weights[" + std::to_string(j) + "]",
                                  Message("value {0}; expected a finite weight >= 0"_en, "取值 {0}；应为 >= 0 的有限权重"_zh, {format(w[j])}));
        sum += w[j];
    }
    if (std::abs(sum - 1.0) > weight_sum_tolerance)
        throw ValidationError("weights", Message("the weights sum to {0}; expected 1 (within 1e-6): divide them by their sum first"_en,
                                                 "权重之和为 {0}；应为 1（误差不超过 1e-6）: 请先将各权重除以其和"_zh, {format(sum)}));
}

// ---- the other methods' matrices --------------------------------------------------------------------

/// ln v, with lowest() for 0 so that a weight of 0 times it is 0 (not 0 x -inf) and any positive
/// weight makes the product 0.
double log_or_lowest(double v) { return v > 0.0 ? std::log(v) : std::numeric_limits<double>::lowest(); }

/// The matrices of WASPAS, EDAS, COPRAS, SPOTIS, CoCoSo and PROMETHEE for the methods in use,
/// after each method's own checks with the nominal weights (so the errors are its function's).
void prepare_other_methods(MatrixView x, const Eigen::Ref<const Eigen::VectorXd>& weights, const Benefit& benefit,
                           const UncertaintyOptions& options, const Eigen::ArrayXd& low, const Eigen::ArrayXd& high, Models& models) {
    const auto uses = [&](RankingMethod m) { return std::find(options.methods.begin(), options.methods.end(), m) != options.methods.end(); };
    const Eigen::Index units = x.rows(), n = x.cols();
    const auto higher = [&](Eigen::Index j) { return benefit.empty() || benefit[static_cast<std::size_t>(j)]; };
    if (uses(RankingMethod::waspas)) {
        (void)waspas(x, weights, benefit);
        models.ratio.resize(units, n);
        models.log_ratio.resize(units, n);
        for (Eigen::Index j = 0; j < n; ++j)
            for (Eigen::Index i = 0; i < units; ++i) {
                const double r = higher(j) ? x(i, j) / high[j] : low[j] / x(i, j);
                models.ratio(i, j) = r;
                models.log_ratio(i, j) = log_or_lowest(r);
            }
    }
    if (uses(RankingMethod::edas)) {
        (void)edas(x, weights, benefit);
        models.above = Eigen::MatrixXd::Zero(units, n);
        models.below = Eigen::MatrixXd::Zero(units, n);
        for (Eigen::Index j = 0; j < n; ++j) {
            if (low[j] == high[j]) continue;  // at its average everywhere
            double sum = 0.0;
            for (Eigen::Index i = 0; i < units; ++i) sum += x(i, j);
            const double average = sum / static_cast<double>(units), direction = higher(j) ? 1.0 : -1.0;
            for (Eigen::Index i = 0; i < units; ++i) {
                const double d = direction * ((x(i, j) - average) / average);
                models.above(i, j) = std::max(d, 0.0);
                models.below(i, j) = std::max(-d, 0.0);
            }
        }
    }
    if (uses(RankingMethod::copras)) {
        (void)copras(x, weights, benefit);
        for (Eigen::Index j = 0; j < n; ++j)
            if (!higher(j) && !(low[j] > 0.0))
                for (Eigen::Index i = 0; i < units; ++i)
                    if (!(x(i, j) > 0.0))
                        throw ValidationError("x[" + std::to_string(i) + ", " + std::to_string(j) + "]",
                                              Message("value {0} on a cost criterion; COPRAS in rank_uncertainty needs cost values > 0, "
                                                      "since a draw may weigh this criterion alone among the costs"_en,
                                                      "成本型评价指标的取值为 {0}；rank_uncertainty 中的 COPRAS 要求成本型取值 > 0，因为某次抽样"
                                                      "可能只有该成本型评价指标有权重"_zh,
                                                      {format(x(i, j))}));
        models.gains = Eigen::MatrixXd::Zero(units, n);
        models.costs = Eigen::MatrixXd::Zero(units, n);
        for (Eigen::Index j = 0; j < n; ++j) {
            double sum = 0.0;
            for (Eigen::Index i = 0; i < units; ++i) sum += x(i, j);
            Eigen::MatrixXd& part = higher(j) ? models.gains : models.costs;
            for (Eigen::Index i = 0; i < units; ++i) part(i, j) = x(i, j) / sum;
        }
    }
    if (uses(RankingMethod::spotis)) {
        (void)spotis(x, weights, benefit);
        models.distance = Eigen::MatrixXd::Zero(units, n);
        for (Eigen::Index j = 0; j < n; ++j) {
            const double range = high[j] - low[j], best = higher(j) ? high[j] : low[j];
            if (range > 0.0)
                for (Eigen::Index i = 0; i < units; ++i) models.distance(i, j) = std::abs(x(i, j) - best) / range;
        }
    }
    if (uses(RankingMethod::cocoso)) {
        (void)cocoso(x, weights, benefit);
        models.level.resize(units, n);
        models.log_level.resize(units, n);
        for (Eigen::Index j = 0; j < n; ++j) {
            const double range = high[j] - low[j];
            for (Eigen::Index i = 0; i < units; ++i) {
                const double r = range > 0.0 ? (higher(j) ? x(i, j) - low[j] : high[j] - x(i, j)) / range : 1.0;
                models.level(i, j) = r;
                models.log_level(i, j) = log_or_lowest(r);
            }
        }
    }
    if (uses(RankingMethod::promethee)) {
        const detail::CriterionFlows flows = detail::promethee_criterion_flows(x, benefit, options.preferences, Eigen::VectorXd());
        models.net_flow = flows.positive - flows.negative;
    }
}

// ---- sensitivity ----------------------------------------------------------------------------------

/// Bias-corrected between-level variance of one unit's rank for one factor (Kelley's epsilon^2
/// numerator over N): (SS_between - (L - 1) / (N - L) SS_within) / N. `level_sums` and
/// `level_counts` hold each level's sum of ranks and number of draws; `sum` and `sum_squares`
/// the unit's totals. 0 when fewer than 2 levels occur or there are not more draws than levels.
double between_variance(const std::int64_t* level_sums, const std::int64_t* level_counts, std::size_t levels,
                        std::int64_t n, std::int64_t sum, double ss_total) {
    double between = 0.0;
    std::int64_t present = 0;
    for (std::size_t l = 0; l < levels; ++l) {
        if (level_counts[l] == 0) continue;
        ++present;
        const auto deviation = static_cast<double>(n * level_sums[l] - level_counts[l] * sum);  // exact integer
        between += deviation * deviation / static_cast<double>(level_counts[l]);
    }
    if (present < 2 || n <= present) return 0.0;
    between /= static_cast<double>(n) * static_cast<double>(n);
    const double within = std::max(0.0, ss_total - between);
    return (between - static_cast<double>(present - 1) / static_cast<double>(n - present) * within) / static_cast<double>(n);
}

/// acc[u] = sum over k in [from, to) of rows[order[k] * stride + u], u < width: a bin's sums of
/// ranks for a tile of units, `bytes` bytes of sums at a time (64 for an AVX-512 register, 32 for
/// AVX2, 16 for SSE2).
template <std::size_t bytes, class Acc>
void bin_sums(const std::int32_t* rows, std::size_t stride, const std::int32_t* order, std::int64_t from, std::int64_t to,
              std::size_t width, Acc* acc) {
    std::size_t u0 = 0;
#if defined(__GNUC__)
    if constexpr (std::is_same_v<Acc, std::int32_t>) {
        // 32 units at a time in 32 / lanes vectors (GCC/Clang vector extensions; the sizes are
        // spelled out, as GCC does not take a vector_size that depends on a template parameter).
        using Lanes16 = std::int32_t __attribute__((vector_size(16)));
        using Lanes32 = std::int32_t __attribute__((vector_size(32)));
        using Lanes64 = std::int32_t __attribute__((vector_size(64)));
        using Lanes = std::conditional_t<bytes == 64, Lanes64, std::conditional_t<bytes == 32, Lanes32, Lanes16>>;
        constexpr std::size_t lanes = sizeof(Lanes) / sizeof(std::int32_t), group = 32 / lanes;
        for (; u0 + group * lanes <= width; u0 += group * lanes) {
            Lanes sum[group] = {};
            for (std::int64_t k = from; k < to; ++k) {
                const std::int32_t* row = rows + static_cast<std::size_t>(order[k]) * stride + u0;
                for (std::size_t g = 0; g < group; ++g) {
                    Lanes value;
                    std::memcpy(&value, row + g * lanes, sizeof value);
                    sum[g] += value;
                }
            }
            std::memcpy(acc + u0, sum, sizeof sum);
        }
    }
#endif
    for (std::size_t u = u0; u < width; ++u) acc[u] = 0;
    if (u0 == width) return;
    for (std::int64_t k = from; k < to; ++k) {
        const std::int32_t* row = rows + static_cast<std::size_t>(order[k]) * stride;
        for (std::size_t u = u0; u < width; ++u) acc[u] += static_cast<Acc>(row[u]);
    }
}

double clip01(double value) noexcept { return std::min(1.0, std::max(0.0, value)); }

}  // namespace

// ---- the analysis ------------------------------------------------------------------------------------

RankUncertainty rank_uncertainty(MatrixView x, const Eigen::Ref<const Eigen::VectorXd>& weights, const Benefit& benefit,
                                 const UncertaintyOptions& options) {
    check_options(options);
    if (x.rows() < 1 || x.cols() < 1)
        throw ValidationError("x", Message("the matrix is {0} x {1}; expected at least one unit (row) and one criterion (column)"_en,
                                           "矩阵为 {0} x {1}；应至少有一个评价对象（行）和一个评价指标（列）"_zh,
                                           {std::to_string(x.rows()), std::to_string(x.cols())}));
    check_weights(weights, x.cols());
    detail::check_benefit(benefit, x.cols());
    const Eigen::Index units = x.rows(), n = x.cols();
    if (units > std::numeric_limits<std::int32_t>::max() / 2)
        throw ValidationError("x", Message("{0} units; expected fewer than 2^30"_en, "{0} 个评价对象；应少于 2^30 个"_zh, {std::to_string(units)}));
    if (options.top_k < 1 || options.top_k > units)
        throw ValidationError("top_k", Message("value {0}; expected k in [1, {1}] (the number of units)"_en,
                                               "取值 {0}；k 应在 [1, {1}] 内（{1} 为评价对象个数）"_zh,
                                               {std::to_string(options.top_k), std::to_string(units)}));
    const int draws = options.draws;
    const auto N = static_cast<std::int64_t>(draws);

    // Column minima and maxima (and the check for NaN and infinity).
    Eigen::ArrayXd low = Eigen::ArrayXd::Constant(n, std::numeric_limits<double>::infinity());
    Eigen::ArrayXd high = -low;
    for (Eigen::Index i = 0; i < units; ++i)
        for (Eigen::Index j = 0; j < n; ++j) {
            const double v = x(i, j);
            if (!std::isfinite(v))
                throw ValidationError("x[" + std::to_string(i) + ", " + std::to_string(j) + "]",
                                      Message("value {0} (unit {1}, criterion {2}); expected a finite number"_en,
                                              "取值 {0}（评价对象 {1}，评价指标 {2}）；应为有限数"_zh,
                                              {format(v), std::to_string(i), std::to_string(j)}));
            low[j] = std::min(low[j], v);
            high[j] = std::max(high[j], v);
        }
    // Criteria that tell units apart, among those with a positive weight.
    std::vector<int> positive;
    int varying = 0;
    for (Eigen::Index j = 0; j < n; ++j) {
        if (weights[j] > 0.0) {
            positive.push_back(static_cast<int>(j));
            varying += high[j] > low[j];
        }
    }
    const bool drops = options.drop_probability > 0.0 || options.drop_one;
    if (varying < (drops ? 2 : 1))
        throw ValidationError("x", drops ? Message("{0} criteria with a positive weight tell the units apart; ranking needs at least "
                                                   "one, and two when indicators are dropped"_en,
                                                   "权重为正且能区分各评价对象的评价指标有 {0} 个；排序至少需要一个，剔除指标时至少需要两个"_zh,
                                                   {std::to_string(varying)})
                                         : Message("{0} criteria with a positive weight tell the units apart; ranking needs at least one"_en,
                                                   "权重为正且能区分各评价对象的评价指标有 {0} 个；排序至少需要一个"_zh,
                                                   {std::to_string(varying)}));

    // The models in use.
    Models models;
    models.vikor_v = options.vikor_v;
    bool use_topsis = false, use_sum = false, use_vikor = false;
    for (RankingMethod m : options.methods) {
        use_topsis = use_topsis || m == RankingMethod::topsis;
        use_sum = use_sum || m == RankingMethod::weighted_sum;
        use_vikor = use_vikor || m == RankingMethod::vikor;
    }
    if (use_topsis)
        for (Normalization norm : options.normalizations) {
            auto& slot = models.topsis[static_cast<std::size_t>(norm)];
            if (!slot) slot.emplace(x, benefit, norm);
        }
    prepare_other_methods(x, weights, benefit, options, low, high, models);
    if (use_sum || use_vikor) {
        models.r.resize(units, n);
        for (Eigen::Index j = 0; j < n; ++j) {
            const bool higher = benefit.empty() || benefit[static_cast<std::size_t>(j)];
            const double span = high[j] - low[j];
            for (Eigen::Index i = 0; i < units; ++i)
                models.r(i, j) = span > 0.0 ? (higher ? x(i, j) - low[j] : high[j] - x(i, j)) / span : 1.0;
        }
        if (use_vikor) models.shortfall = 1.0 - models.r.array();
        if (!use_sum) models.r.resize(0, 0);
    }

    RankUncertainty result;
    result.draws = draws;
    result.top_k = options.top_k;
    result.pass_threshold = options.pass_threshold;
    result.weights.resize(draws, n);
    result.normalization.resize(static_cast<std::size_t>(draws));
    result.method.resize(static_cast<std::size_t>(draws));
    result.dropped = Eigen::VectorXi::Constant(draws, -1);
    Eigen::Matrix<std::int32_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> ranks(draws, units);

    const std::size_t threads = detail::thread_count(options.threads, static_cast<std::size_t>(draws));
    const Variant nominal{options.methods.front(), options.normalizations.front()};
    const auto U = static_cast<std::size_t>(units);

    // Ranks for a set of draws given their variants and effective weights (rows of `effective`),
    // written to rows `rows` of `out`; pass counts added to `passes` when given.
    struct Workspace {
        explicit Workspace(std::size_t u) : ranker(u), passes(u, 0) {}
        Ranker ranker;
        std::vector<std::int32_t> passes;
        Eigen::MatrixXd w, scores;
        std::vector<Eigen::Index> members;
    };
    std::vector<Workspace> spaces;
    spaces.reserve(threads);
    for (std::size_t t = 0; t < threads; ++t) spaces.emplace_back(U);
    const auto rank_group = [&](Workspace& ws, const std::vector<Variant>& variant, const RowMatrix& effective,
                                Eigen::Index first, Eigen::Index count, std::int32_t* out, bool count_passes) {
        for (int code = 0; code < variant_codes; ++code) {
            ws.members.clear();
            for (Eigen::Index d = first; d < first + count; ++d)
                if (variant[static_cast<std::size_t>(d)].code() == code) ws.members.push_back(d);
            if (ws.members.empty()) continue;
            const auto m = static_cast<Eigen::Index>(ws.members.size());
            ws.w.resize(m, n);
            for (Eigen::Index k = 0; k < m; ++k) ws.w.row(k) = effective.row(ws.members[static_cast<std::size_t>(k)]);
            models.score(variant[static_cast<std::size_t>(ws.members[0])], ws.w, ws.scores);
            for (Eigen::Index k = 0; k < m; ++k) {
                const double* s = ws.scores.col(k).data();
                ws.ranker.rank(s, out + ws.members[static_cast<std::size_t>(k)] * units);
                if (count_passes && options.pass_threshold) {
                    const double threshold = *options.pass_threshold;
                    for (std::size_t i = 0; i < U; ++i) ws.passes[i] += s[i] >= threshold;
                }
            }
        }
    };

    // The nominal ranking.
    {
        RowMatrix w0 = weights.transpose();
        Eigen::Matrix<std::int32_t, 1, Eigen::Dynamic> row(units);
        rank_group(spaces[0], {nominal}, w0, 0, 1, row.data(), false);
        result.nominal_rank = row.transpose().cast<int>();
    }

    // The draws.
    {
        RowMatrix effective(draws, n);
        std::vector<Variant> variant(static_cast<std::size_t>(draws));
        const std::size_t blocks = (static_cast<std::size_t>(draws) + block_draws - 1) / block_draws;
        const std::size_t choose_norm = options.normalizations.size(), choose_method = options.methods.size();
        detail::run_parallel(blocks, threads, [&](std::size_t block, std::size_t t) {
            const auto first = static_cast<Eigen::Index>(block * block_draws);
            const Eigen::Index count = std::min<Eigen::Index>(block_draws, draws - first);
            for (Eigen::Index d = first; d < first + count; ++d) {
                Stream stream(options.seed, static_cast<std::uint64_t>(d));
                const auto k = static_cast<std::size_t>(d);
                result.normalization[k] = options.normalizations[choose_norm > 1 ? stream.below(choose_norm) : 0];
                result.method[k] = options.methods[choose_method > 1 ? stream.below(choose_method) : 0];
                if (options.drop_probability > 0.0 && stream.uniform() < options.drop_probability)
                    result.dropped[d] = positive[stream.below(positive.size())];
                double* w = result.weights.row(d).data();
                switch (options.perturbation) {
                case WeightPerturbation::none:
                    for (Eigen::Index j = 0; j < n; ++j) w[j] = weights[j];
                    break;
                case WeightPerturbation::dirichlet: {
                    double top = -std::numeric_limits<double>::infinity();
                    for (Eigen::Index j = 0; j < n; ++j) {
                        w[j] = weights[j] > 0.0 ? stream.log_gamma(options.concentration * weights[j])
                                                : -std::numeric_limits<double>::infinity();
                        top = std::max(top, w[j]);
                    }
                    double sum = 0.0;
                    for (Eigen::Index j = 0; j < n; ++j) sum += (w[j] = std::exp(w[j] - top));
                    for (Eigen::Index j = 0; j < n; ++j) w[j] /= sum;
                    break;
                }
                case WeightPerturbation::uniform: {
                    double sum = 0.0;
                    for (Eigen::Index j = 0; j < n; ++j)
                        sum += (w[j] = weights[j] * (1.0 + options.share * (2.0 * stream.uniform() - 1.0)));
                    for (Eigen::Index j = 0; j < n; ++j) w[j] /= sum;
                    break;
                }
                }
                effective_weights(w, n, result.dropped[d], effective.row(d).data());
                variant[k] = {result.method[k], result.normalization[k]};
            }
            rank_group(spaces[t], variant, effective, first, count, ranks.data(), true);
        });
    }

    // Each criterion left out in turn, nominal settings.
    if (options.drop_one) {
        RowMatrix effective(n, n);
        const RowMatrix w0 = weights.transpose();
        for (Eigen::Index j = 0; j < n; ++j) effective_weights(w0.data(), n, static_cast<int>(j), effective.row(j).data());
        const std::vector<Variant> variant(static_cast<std::size_t>(n), nominal);
        Eigen::Matrix<std::int32_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> dropped(n, units);
        const std::size_t blocks = (static_cast<std::size_t>(n) + block_draws - 1) / block_draws;
        detail::run_parallel(blocks, threads, [&](std::size_t block, std::size_t t) {
            const auto first = static_cast<Eigen::Index>(block * block_draws);
            rank_group(spaces[t], variant, effective, first, std::min<Eigen::Index>(block_draws, n - first), dropped.data(),
                       false);
        });
        result.drop_one_ranks = dropped.transpose().cast<int>();
    }

    // ---- per-unit statistics and the discrete factors' sensitivity --------------------------------
    result.median_rank.resize(units);
    result.rank_low.resize(units);
    result.rank_high.resize(units);
    result.mean_rank.resize(units);
    result.p_top_k.resize(units);
    std::vector<std::int64_t> sums(U), sum_squares(U);
    Eigen::MatrixXd variance_parts = Eigen::MatrixXd::Zero(units, factor_count);  // unclipped V_X,i
    Eigen::VectorXd ss_total(units);
    // Levels of the discrete factors per draw.
    std::vector<std::int32_t> level_norm(static_cast<std::size_t>(draws)), level_method(static_cast<std::size_t>(draws)),
        level_drop(static_cast<std::size_t>(draws));
    for (std::size_t d = 0; d < static_cast<std::size_t>(draws); ++d) {
        level_norm[d] = static_cast<std::int32_t>(result.normalization[d]);
        level_method[d] = static_cast<std::int32_t>(result.method[d]);
        level_drop[d] = result.dropped[static_cast<Eigen::Index>(d)] + 1;
    }
    const std::array<const std::vector<std::int32_t>*, 3> discrete{&level_norm, &level_method, &level_drop};
    const std::array<std::size_t, 3> discrete_levels{std::size(EnumNames<Normalization>::values), std::size(EnumNames<RankingMethod>::values),
                                                     static_cast<std::size_t>(n) + 1};
    std::array<std::vector<std::int64_t>, 3> level_counts;
    for (std::size_t f = 0; f < 3; ++f) {
        level_counts[f].assign(discrete_levels[f], 0);
        for (std::int32_t level : *discrete[f]) ++level_counts[f][static_cast<std::size_t>(level)];
    }
    {
        // Ranks by unit (a transposed copy) for the order statistics.
        const std::size_t tile = 256;
        const std::size_t tiles = (U + tile - 1) / tile;
        const auto low_index = static_cast<std::size_t>((5 * N + 99) / 100 - 1);
        const auto high_index = static_cast<std::size_t>((95 * N + 99) / 100 - 1);
        const auto middle = static_cast<std::size_t>(N / 2);
        // The order statistics wanted, as positions in the sorted ranks (ascending).
        const std::array<std::size_t, 4> wanted{low_index, static_cast<std::size_t>((N - 1) / 2), middle, high_index};
        std::vector<std::vector<std::int32_t>> buffers(threads, std::vector<std::int32_t>(static_cast<std::size_t>(draws)));
        std::vector<std::vector<std::int32_t>> histograms(threads, std::vector<std::int32_t>(U));
        const std::size_t most_levels = *std::max_element(discrete_levels.begin(), discrete_levels.end());
        std::vector<std::vector<std::int64_t>> level_buffers(threads, std::vector<std::int64_t>(most_levels));
        detail::run_parallel(tiles, threads, [&](std::size_t block, std::size_t t) {
            std::vector<std::int32_t>& y = buffers[t];
            std::vector<std::int64_t>& level_sum = level_buffers[t];
            for (std::size_t i = block * tile; i < std::min(U, (block + 1) * tile); ++i) {
                const auto row = static_cast<Eigen::Index>(i);
                std::int64_t sum = 0, squares = 0, top = 0;
                std::int32_t lowest = std::numeric_limits<std::int32_t>::max(), highest = 0;
                for (std::size_t d = 0; d < y.size(); ++d) {
                    const std::int32_t v = ranks(static_cast<Eigen::Index>(d), row);
                    y[d] = v;
                    sum += v;
                    squares += static_cast<std::int64_t>(v) * v;
                    top += v <= options.top_k;
                    lowest = std::min(lowest, v);
                    highest = std::max(highest, v);
                }
                sums[i] = sum;
                sum_squares[i] = squares;
                const double total = static_cast<double>(N * squares - sum * sum) / static_cast<double>(N);  // exact numerator
                ss_total[row] = total;
                result.mean_rank[row] = static_cast<double>(sum) / static_cast<double>(N);
                result.p_top_k[row] = static_cast<double>(top) / static_cast<double>(N);
                if (options.sensitivity && total > 0.0) {
                    for (std::size_t f = 0; f < 3; ++f) {
                        std::fill(level_sum.begin(), level_sum.begin() + static_cast<std::ptrdiff_t>(discrete_levels[f]), 0);
                        const std::vector<std::int32_t>& level = *discrete[f];
                        for (std::size_t d = 0; d < y.size(); ++d) level_sum[static_cast<std::size_t>(level[d])] += y[d];
                        variance_parts(row, static_cast<Eigen::Index>(f + 1)) =
                            between_variance(level_sum.data(), level_counts[f].data(), discrete_levels[f], N, sum, total);
                    }
                }
                // Order statistics by counting: ranks are integers in [lowest, highest].
                std::vector<std::int32_t>& count = histograms[t];
                const auto span = static_cast<std::size_t>(highest - lowest) + 1;
                std::fill(count.begin(), count.begin() + static_cast<std::ptrdiff_t>(span), 0);
                for (const std::int32_t v : y) ++count[static_cast<std::size_t>(v - lowest)];
                std::array<std::int32_t, 4> found{};
                std::size_t next = 0, seen = 0;
                for (std::size_t r = 0; r < span && next < wanted.size(); ++r) {
                    seen += static_cast<std::size_t>(count[r]);
                    while (next < wanted.size() && wanted[next] < seen) found[next++] = lowest + static_cast<std::int32_t>(r);
                }
                result.rank_low[row] = found[0];
                result.median_rank[row] = 0.5 * (static_cast<double>(found[1]) + static_cast<double>(found[2]));
                result.rank_high[row] = found[3];
            }
        });
    }
    if (options.pass_threshold) {
        result.p_pass.resize(units);
        for (std::size_t i = 0; i < U; ++i) {
            std::int64_t passed = 0;
            for (const Workspace& ws : spaces) passed += ws.passes[i];
            result.p_pass[static_cast<Eigen::Index>(i)] = static_cast<double>(passed) / static_cast<double>(N);
        }
    }

    // ---- the weights' sensitivity: each weight's draws cut into sqrt(draws) equal-count bins -------
    result.weight_first_order = Eigen::VectorXd::Zero(n);
    const auto bins = static_cast<std::int64_t>(std::sqrt(static_cast<double>(N)));
    if (options.sensitivity && options.perturbation != WeightPerturbation::none && bins >= 2 && N > bins) {
        // Draws in order of each weight (ties by draw), for the weights that vary.
        std::vector<Eigen::Index> varied;
        for (Eigen::Index j = 0; j < n; ++j)
            if (result.weights.col(j).minCoeff() < result.weights.col(j).maxCoeff()) varied.push_back(j);
        std::vector<std::vector<std::int32_t>> order(varied.size(), std::vector<std::int32_t>(static_cast<std::size_t>(draws)));
        detail::run_parallel(varied.size(), threads, [&](std::size_t v, std::size_t) {
            std::vector<std::int32_t>& o = order[v];
            std::iota(o.begin(), o.end(), 0);
            const auto column = result.weights.col(varied[v]);
            std::stable_sort(o.begin(), o.end(), [&](std::int32_t a, std::int32_t b) { return column[a] < column[b]; });
        });
        std::vector<std::int64_t> bin_start(static_cast<std::size_t>(bins) + 1);
        for (std::int64_t b = 0; b <= bins; ++b) bin_start[static_cast<std::size_t>(b)] = b * N / bins;

        const std::size_t tile = 128;
        const std::size_t tiles = (U + tile - 1) / tile;
        Eigen::MatrixXd by_weight = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(tiles), n);  // sum over a tile's units
        const double correction = static_cast<double>(bins - 1) / static_cast<double>(N - bins);
        const double nn = static_cast<double>(N) * static_cast<double>(N);
        // A bin's sum of ranks is at most draws x units: 32-bit sums (twice the additions per
        // instruction) whenever that fits.
        const bool narrow = N * static_cast<std::int64_t>(units) < std::numeric_limits<std::int32_t>::max();
        const auto weight_tile = [&](std::size_t block, auto accumulator) {
            using Acc = decltype(accumulator);
            const std::size_t begin = block * tile, width = std::min(U, begin + tile) - begin;
            std::vector<Acc> acc(width);
            std::vector<double> between(width);
            for (std::size_t v = 0; v < varied.size(); ++v) {
                std::fill(between.begin(), between.end(), 0.0);
                const std::vector<std::int32_t>& o = order[v];
                for (std::int64_t b = 0; b < bins; ++b) {
                    const std::int64_t from = bin_start[static_cast<std::size_t>(b)], to = bin_start[static_cast<std::size_t>(b) + 1];
                    switch (simd_path()) {
                    case SimdPath::avx512:
                        detail::run_simd([&] { bin_sums<64>(ranks.data() + begin, U, o.data(), from, to, width, acc.data()); });
                        break;
                    case SimdPath::avx2_fma:
                        detail::run_simd([&] { bin_sums<32>(ranks.data() + begin, U, o.data(), from, to, width, acc.data()); });
                        break;
                    case SimdPath::baseline: bin_sums<16>(ranks.data() + begin, U, o.data(), from, to, width, acc.data()); break;
                    }
                    const std::int64_t count = to - from;
                    for (std::size_t u = 0; u < width; ++u) {
                        const auto deviation = static_cast<double>(N * static_cast<std::int64_t>(acc[u]) - count * sums[begin + u]);
                        between[u] += deviation * deviation / static_cast<double>(count);
                    }
                }
                double tile_sum = 0.0;
                for (std::size_t u = 0; u < width; ++u) {
                    const auto row = static_cast<Eigen::Index>(begin + u);
                    const double total = ss_total[row];
                    if (total <= 0.0) continue;
                    const double b = between[u] / nn;
                    const double part = (b - correction * std::max(0.0, total - b)) / static_cast<double>(N);
                    variance_parts(row, 0) += part;
                    tile_sum += part;
                }
                by_weight(static_cast<Eigen::Index>(block), varied[v]) = tile_sum;
            }
        };
        detail::run_parallel(tiles, threads, [&](std::size_t block, std::size_t) {
            if (narrow) weight_tile(block, std::int32_t{0});
            else weight_tile(block, std::int64_t{0});
        });
        const double all = ss_total.sum() / static_cast<double>(N);
        if (all > 0.0)
            for (Eigen::Index j = 0; j < n; ++j) result.weight_first_order[j] = clip01(by_weight.col(j).sum() / all);
    }

    // ---- the indices: variance-weighted over units, clipped to [0, 1] ------------------------------
    result.first_order = Eigen::VectorXd::Zero(factor_count);
    result.first_order_by_unit = Eigen::MatrixXd::Zero(units, factor_count);
    if (options.sensitivity) {
        const double all = ss_total.sum() / static_cast<double>(N);
        for (Eigen::Index f = 0; f < factor_count; ++f) {
            if (all > 0.0) result.first_order[f] = clip01(variance_parts.col(f).sum() / all);
            for (Eigen::Index i = 0; i < units; ++i) {
                const double variance = ss_total[i] / static_cast<double>(N);
                if (variance > 0.0) result.first_order_by_unit(i, f) = clip01(variance_parts(i, f) / variance);
            }
        }
    }
    if (options.keep_ranks) result.ranks = std::move(ranks);
    return result;
}

// ---- text --------------------------------------------------------------------------------------------

std::string to_string(const RankUncertainty& result) {
    const Eigen::Index units = result.nominal_rank.size();
    std::ostringstream text;
    text.imbue(std::locale::classic());  // not the host's locale (digit groups, decimal comma)
    text << "RankUncertainty: " << units << " units, " << result.draws << " draws; top " << result.top_k;
    if (result.pass_threshold) text << ", pass at score >= " << format(*result.pass_threshold);
    text << "\n  first-order indices:";
    for (Eigen::Index f = 0; f < result.first_order.size(); ++f)
        text << " " << EnumNames<UncertainFactor>::values[f] << " " << std::fixed << std::setprecision(3)
             << result.first_order[f];
    // The least certain units: widest 5-95% interval, then by row.
    std::vector<Eigen::Index> rows(static_cast<std::size_t>(units));
    std::iota(rows.begin(), rows.end(), Eigen::Index{0});
    const auto width = [&](Eigen::Index i) { return result.rank_high[i] - result.rank_low[i]; };
    std::stable_sort(rows.begin(), rows.end(), [&](Eigen::Index a, Eigen::Index b) { return width(a) > width(b); });
    text << "\n  row  nominal  median  5%-95%   P(top " << result.top_k << ")";
    const std::size_t shown = std::min<std::size_t>(5, rows.size());
    for (std::size_t k = 0; k < shown; ++k) {
        const Eigen::Index i = rows[k];
        std::ostringstream interval;
        interval.imbue(std::locale::classic());  // not the host's locale (digit groups, decimal comma)
        interval << result.rank_low[i] << "-" << result.rank_high[i];
        text << "\n  " << std::setw(3) << i << "  " << std::setw(7) << result.nominal_rank[i] << "  " << std::setw(6)
             << std::setprecision(1) << result.median_rank[i] << "  " << std::setw(7) << interval.str() << "  "
             << std::setprecision(3) << result.p_top_k[i];
    }
    if (rows.size() > shown) text << "\n  ... (" << rows.size() - shown << " more; widest intervals shown)";
    return text.str();
}

}  // namespace civitas
