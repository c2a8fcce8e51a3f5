// Rankings: weighted sum, TOPSIS, VIKOR, grey relational analysis, ranks and awards.
//
// x is read a row at a time (numpy's C order is the common case): one pass gathers each
// column's minimum, maximum and sum of squares, a second computes every unit's result from its
// row. A strided row (column-major input) is first copied into a small buffer.

#include <civitas/core/error.hpp>
#include <civitas/methods/ranking.hpp>

#include "core/detail/number_format.hpp"
#include "core/detail/simd.hpp"
#include "methods/detail/checks.hpp"
#include "methods/detail/criteria.hpp"
#include "methods/detail/product.hpp"
#include "methods/detail/radix_order.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <locale>
#include <numeric>
#include <set>
#include <sstream>
#include <type_traits>
#include <utility>
#include <vector>

namespace civitas {

using namespace detail;  // the shared checks and helpers of methods/detail/criteria.hpp

namespace detail {

namespace {

/// Adds `R` rows to the minimum, maximum and sum of squares of each column, the squares row after
/// row. NaN and infinity propagate into the squares (column_stats checks them). The accumulators
/// are copied to locals: std::min's reference into one row or another would not vectorise.
template <std::size_t R>
inline void add_rows(const double* const (&rows)[R], std::ptrdiff_t n, double* __restrict low, double* __restrict high,
                     double* __restrict squares) {
    for (std::ptrdiff_t j = 0; j < n; ++j) {
        double least = low[j], most = high[j], sum = squares[j];
        for (const double* row : rows) {
            const double v = row[j];
            least = v < least ? v : least;
            most = most < v ? v : most;
            sum += v * v;
        }
        low[j] = least;
        high[j] = most;
        squares[j] = sum;
    }
}

}  // namespace

ColumnStats column_stats(const MatrixView& x, bool need_squares) {
    const std::ptrdiff_t n = x.cols();
    ColumnStats s{Array::Constant(n, std::numeric_limits<double>::infinity()),
                  Array::Constant(n, -std::numeric_limits<double>::infinity()), Array::Zero(n)};
    // Column accumulators side by side, so that each row adds in one vectorised loop; four rows a
    // pass over them when rows are contiguous, so that each accumulator is loaded and stored once
    // per four rows (those loads and stores are the limit).
    detail::run_simd([&] {
        double* low = s.min.data();
        double* high = s.max.data();
        double* squares = s.sum_squares.data();
        if (x.col_stride() != 1) {
            for_each_row(x, [&](std::ptrdiff_t, const ConstRow& row) {
                const double* const one[1] = {row.data()};
                add_rows(one, n, low, high, squares);
            });
            return;
        }
        std::ptrdiff_t i = 0;
        for (; i + 4 <= x.rows(); i += 4) {
            const double* const four[4] = {x.row(i), x.row(i + 1), x.row(i + 2), x.row(i + 3)};
            add_rows(four, n, low, high, squares);
        }
        for (; i < x.rows(); ++i) {
            const double* const one[1] = {x.row(i)};
            add_rows(one, n, low, high, squares);
        }
    });
    for (std::ptrdiff_t j = 0; j < n; ++j) {
        if (std::isfinite(s.sum_squares[j])) continue;
        for (std::ptrdiff_t i = 0; i < x.rows(); ++i)
            for (std::ptrdiff_t k = 0; k < n; ++k)
                if (!std::isfinite(x(i, k)))
                    throw ValidationError(cell_path(i, k), Message("value {0} (unit {1}, criterion {2}); expected a finite number"_en,
                                                              "取值 {0}（评价对象 {1}，评价指标 {2}）；应为有限数"_zh,
                                                              {format_value(x(i, k)), std::to_string(i), std::to_string(k)}));
        if (need_squares)
            throw ValidationError(column_path(j),
                                  Message("the sum of squares overflows (values up to {0}); expected values that can be squared and "
                                          "summed: rescale the column"_en,
                                          "平方和溢出（取值最大达 {0}）；应为可平方求和的取值: 请缩放该列"_zh,
                                          {format_value(std::max(std::abs(s.min[j]), std::abs(s.max[j])))}));
    }
    return s;
}

[[noreturn]] void throw_indistinct(const char* method) {
    throw ValidationError("x", Message("no criterion with a positive weight tells the units apart (each is constant); {0} needs at "
                                       "least one that varies"_en,
                                       "没有权重为正的评价指标能区分各评价对象（每个都是常数）；{0} 至少需要一个有变化的评价指标"_zh,
                                       {method}));
}

}  // namespace detail

namespace {

/// Four doubles: one register on the AVX2 path, two on SSE2 (GCC and Clang's vector extension).
/// The row kernels keep their partial sums in such vectors, criterion j in lane j mod 4 (or mod 8
/// over two vectors), and the criteria after the last full vector in a scalar sum of their own:
/// a fixed order (lane_total), so a row's result is the same wherever the row is. The vectoriser
/// reorders no floating-point sum by itself, and left to itself it interleaved TOPSIS' lanes
/// with shuffles. Passed by reference only: a function taking or returning one by value changes
/// its ABI with the path.
using Lanes = double __attribute__((vector_size(32)));
constexpr std::ptrdiff_t lane_width = 4;
/// Two doubles, half of Lanes: the width at which `a > b ? a : b` is one maxpd on either path
/// (on four lanes SSE2 code compares and chooses element by element).
using HalfLanes = double __attribute__((vector_size(16)));

/// The total of partial sums in lanes (a kernel with two vectors adds them first) and of the last
/// criteria's terms (`rest`).
inline double lane_total(const Lanes& sums, double rest) noexcept {
    return ((sums[0] + sums[1]) + (sums[2] + sums[3])) + rest;
}

/// How each column becomes r_ij = (x_ij - offset_j) / divisor_j, and its best and worst r.
struct ColumnScale {
    Array offset, divisor, best, worst;  ///< divisor 0 marks a constant min-max column (r = 0)
    Array best_value, worst_value;       ///< the values of x at the best and worst r
    bool constant = false;               ///< some divisor is 0
};

ColumnScale topsis_scale(const MatrixView& x, const Benefit& benefit, Normalization normalization) {
    const ColumnStats s = column_stats(x, normalization == Normalization::vector);
    const std::ptrdiff_t n = x.cols();
    ColumnScale c{Array::Zero(n), Array::Zero(n), Array::Zero(n), Array::Zero(n), Array::Zero(n), Array::Zero(n)};
    for (std::ptrdiff_t j = 0; j < n; ++j) {
        double r_max = 0.0, r_min = 0.0;
        if (normalization == Normalization::vector) {
            if (s.sum_squares[j] == 0.0)
                throw ValidationError(column_path(j), Message("every value is 0; vector normalisation divides by the column's norm: "
                                                         "drop the criterion or use normalization min_max"_en,
                                                         "所有取值均为 0；向量归一化要除以该列的范数: 请删去该评价指标或改用 "
                                                         "normalization min_max"_zh));
            c.divisor[j] = std::sqrt(s.sum_squares[j]);
            r_max = s.max[j] / c.divisor[j];
            r_min = s.min[j] / c.divisor[j];
        } else {
            c.offset[j] = s.min[j];
            c.divisor[j] = spread(s.max[j] - s.min[j]);  // 0 for a constant column: it contributes 0
            if (c.divisor[j] > 0.0) r_max = (s.max[j] - s.min[j]) / c.divisor[j];
            c.constant = c.constant || c.divisor[j] == 0.0;
        }
        c.best[j] = is_benefit(benefit, j) ? r_max : r_min;
        c.worst[j] = is_benefit(benefit, j) ? r_min : r_max;
        c.best_value[j] = is_benefit(benefit, j) ? s.max[j] : s.min[j];
        c.worst_value[j] = is_benefit(benefit, j) ? s.min[j] : s.max[j];
    }
    return c;
}

/// Normalised row: (x - offset) / divisor, 0 where the divisor is 0.
void normalise_row(const ConstRow& row, const ColumnScale& c, RowArray& out) {
    out = (row - c.offset.transpose()) / c.divisor.transpose();
    if (!c.constant) return;
    for (Eigen::Index j = 0; j < out.size(); ++j)
        if (c.divisor[j] == 0.0) out[j] = 0.0;
}

Eigen::VectorXd closeness_from(const Eigen::ArrayXd& to_ideal, const Eigen::ArrayXd& to_anti_ideal) {
    const Eigen::ArrayXd total = to_ideal + to_anti_ideal;
    if ((total == 0.0).any()) throw_indistinct("TOPSIS");
    return (to_anti_ideal / total).matrix();
}

/// rank() sorts this many scores or more with detail::RadixOrder, fewer by comparison: below it,
/// the radix sort's 48 KB of counts cost more than the comparisons. Both put ties in row order.
constexpr Eigen::Index radix_sort_from = 1024;

/// Order of rows by score, best first; equal scores by id when `ids` is given, else by row.
std::vector<std::size_t> score_order(const Eigen::Ref<const Eigen::VectorXd>& s, bool ascending,
                                     const std::vector<std::string>& ids) {
    std::vector<std::size_t> order(static_cast<std::size_t>(s.size()));
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto index = [](std::size_t i) { return static_cast<Eigen::Index>(i); };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const double sa = s[index(a)], sb = s[index(b)];
        if (sa != sb) return ascending ? sa < sb : sa > sb;
        return !ids.empty() && ids[a] < ids[b];
    });
    return order;
}

void check_scores(const Eigen::Ref<const Eigen::VectorXd>& scores) {
    for (Eigen::Index i = 0; i < scores.size(); ++i)
        if (std::isnan(scores[i]))
            throw ValidationError("scores[" + std::to_string(i) + "]",
                                  Message("value nan; expected a number to rank"_en, "取值为 nan；应为可排序的数字"_zh));
}

void check_ids(const std::vector<std::string>& ids, Eigen::Index units) {
    if (ids.empty()) return;
    if (static_cast<Eigen::Index>(ids.size()) != units)
        throw ValidationError("ids", Message("{0} ids for {1} units; expected one per unit or none"_en,
                                             "{0} 个编号对应 {1} 个评价对象；应每个评价对象一个编号，或不提供"_zh,
                                             {std::to_string(ids.size()), std::to_string(units)}));
    std::set<std::string> seen;
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (!seen.insert(ids[i]).second)
            throw ValidationError("ids[" + std::to_string(i) + "]",
                                  Message("duplicate id '{0}'; expected unique ids"_en, "编号 '{0}' 重复；编号应唯一"_zh, {ids[i]}));
}

}  // namespace

// ---- weighted sum ----------------------------------------------------------------------------------

namespace {

/// Rows a weighted sum takes at once, sharing the loads of the weights: one multiply and add a
/// cell leaves loads the limit, and a row alone would wait on each addition.
constexpr std::ptrdiff_t sum_block = 8;

/// out[r] = sum_j w_j rows[r][j] for sum_block rows, each in one vector of partial sums (lane_total).
inline void weighted_rows(const double* const (&rows)[sum_block], const double* __restrict w, std::ptrdiff_t n,
                          double* out) {
    Lanes sums[sum_block] = {};
    std::ptrdiff_t j = 0;
    for (; j + lane_width <= n; j += lane_width) {
        Lanes weight;
        std::memcpy(&weight, w + j, sizeof weight);
        for (std::ptrdiff_t r = 0; r < sum_block; ++r) {
            Lanes value;
            std::memcpy(&value, rows[r] + j, sizeof value);
            sums[r] += value * weight;
        }
    }
    double rest[sum_block] = {};
    for (; j < n; ++j)
        for (std::ptrdiff_t r = 0; r < sum_block; ++r) rest[r] += rows[r][j] * w[j];
    for (std::ptrdiff_t r = 0; r < sum_block; ++r) out[r] = lane_total(sums[r], rest[r]);
}

}  // namespace

Eigen::VectorXd weighted_sum(MatrixView x, const Eigen::Ref<const Eigen::VectorXd>& weights) {
    check_shape(x, weights.size(), {});
    check_weights(weights, "weights");
    const std::ptrdiff_t units = x.rows(), n = x.cols();
    Eigen::VectorXd out(units);
    if (simd_path() == SimdPath::baseline) {
        // Eigen's SSE2 sums, a row at a time: the blocks below need AVX2's sixteen wide registers.
        const RowArray w = weights.transpose().array();
        for_each_row(x, [&](std::ptrdiff_t i, const ConstRow& row) { out[i] = (row * w).sum(); });
    } else {
        // Strided rows (column-major input) are copied, a block at a time. The last block repeats
        // the last row where the units run out; each row's sum is its own, so the repeats change
        // nothing.
        const bool contiguous = x.col_stride() == 1;
        RowArray copies(contiguous ? 0 : sum_block * n);
        detail::run_simd([&] {
            double last[sum_block];
            for (std::ptrdiff_t i = 0; i < units; i += sum_block) {
                const double* block[sum_block];
                for (std::ptrdiff_t r = 0; r < sum_block; ++r) {
                    const std::ptrdiff_t row = std::min(i + r, units - 1);
                    if (contiguous) {
                        block[r] = x.row(row);
                    } else {
                        for (std::ptrdiff_t j = 0; j < n; ++j) copies[r * n + j] = x(row, j);
                        block[r] = copies.data() + r * n;
                    }
                }
                const bool full = i + sum_block <= units;
                weighted_rows(block, weights.data(), n, full ? out.data() + i : last);
                if (!full) std::copy(last, last + (units - i), out.data() + i);
            }
        });
    }
    if (!out.allFinite()) column_stats(x, false);  // names the NaN or infinity
    return out;
}

// ---- TOPSIS ------------------------------------------------------------------------------------------

Eigen::VectorXd topsis(MatrixView x, const Eigen::Ref<const Eigen::VectorXd>& weights, const Benefit& benefit,
                       Normalization normalization) {
    check_shape(x, weights.size(), benefit);
    check_weights(weights, "weights");
    const ColumnScale c = topsis_scale(x, benefit, normalization);
    // Weighted distances to the ideals w (r - best) = (x - x at best) w / divisor (0 for a
    // constant column; w >= 0 keeps the weighted ideal the best): exactly 0 at an ideal, on every
    // path, whether or not a multiply and an add are fused.
    const std::ptrdiff_t n = x.cols();
    RowArray scale(n);
    for (std::ptrdiff_t j = 0; j < n; ++j) scale[j] = c.divisor[j] == 0.0 ? 0.0 : weights[j] / c.divisor[j];
    Eigen::ArrayXd to_ideal(x.rows()), to_anti_ideal(x.rows());
    detail::run_simd([&] {
        const double* __restrict factor = scale.data();
        const double* __restrict best = c.best_value.data();
        const double* __restrict worst = c.worst_value.data();
        for_each_row(x, [&](std::ptrdiff_t i, const ConstRow& row) {
            // Sums of squares in lanes, two vectors of them (lane_total).
            const double* __restrict v = row.data();
            Lanes near[2] = {}, far[2] = {};
            std::ptrdiff_t j = 0;
            for (; j + 2 * lane_width <= n; j += 2 * lane_width)
                for (std::ptrdiff_t h = 0; h < 2; ++h) {
                    Lanes value, by, to_best, to_worst;
                    const std::ptrdiff_t at = j + h * lane_width;
                    std::memcpy(&value, v + at, sizeof value);
                    std::memcpy(&by, factor + at, sizeof by);
                    std::memcpy(&to_best, best + at, sizeof to_best);
                    std::memcpy(&to_worst, worst + at, sizeof to_worst);
                    to_best = (value - to_best) * by;
                    to_worst = (value - to_worst) * by;
                    near[h] += to_best * to_best;
                    far[h] += to_worst * to_worst;
                }
            double near_rest = 0.0, far_rest = 0.0;
            for (; j < n; ++j) {
                const double to_best = (v[j] - best[j]) * factor[j], to_worst = (v[j] - worst[j]) * factor[j];
                near_rest += to_best * to_best;
                far_rest += to_worst * to_worst;
            }
            to_ideal[i] = std::sqrt(lane_total(near[0] + near[1], near_rest));
            to_anti_ideal[i] = std::sqrt(lane_total(far[0] + far[1], far_rest));
        });
    });
    return closeness_from(to_ideal, to_anti_ideal);
}

TopsisPrepared::TopsisPrepared(MatrixView x, const Benefit& benefit, Normalization normalization)
    : normalization_(normalization) {
    check_shape(x, x.cols(), benefit);
    const ColumnScale c = topsis_scale(x, benefit, normalization);
    to_ideal_.resize(x.rows(), x.cols());
    to_anti_ideal_.resize(x.rows(), x.cols());
    const RowArray best = c.best.transpose(), worst = c.worst.transpose();
    RowArray r(x.cols());
    for_each_row(x, [&](std::ptrdiff_t i, const ConstRow& row) {
        normalise_row(row, c, r);
        to_ideal_.row(i) = (r - best).square().matrix();
        to_anti_ideal_.row(i) = (r - worst).square().matrix();
    });
}

TopsisPrepared::TopsisPrepared(Eigen::MatrixXd to_ideal, Eigen::MatrixXd to_anti_ideal, Normalization normalization)
    : to_ideal_(std::move(to_ideal)), to_anti_ideal_(std::move(to_anti_ideal)), normalization_(normalization) {
    if (to_ideal_.rows() != to_anti_ideal_.rows() || to_ideal_.cols() != to_anti_ideal_.cols())
        throw ValidationError("to_anti_ideal", Message("{0} x {1}; expected the shape of to_ideal, {2} x {3}"_en,
                                                       "为 {0} x {1}；应与 to_ideal 同形，即 {2} x {3}"_zh,
                                                       {std::to_string(to_anti_ideal_.rows()), std::to_string(to_anti_ideal_.cols()),
                                                        std::to_string(to_ideal_.rows()), std::to_string(to_ideal_.cols())}));
}

TopsisPrepared prepare_topsis(MatrixView x, const Benefit& benefit, Normalization normalization) {
    return TopsisPrepared(x, benefit, normalization);
}

Eigen::MatrixX2d TopsisPrepared::separations(const Eigen::Ref<const Eigen::VectorXd>& weights) const {
    if (weights.size() != criteria())
        throw ValidationError("weights", Message("{0} weights for {1} criteria; expected one per criterion"_en,
                                                 "{0} 个权重对应 {1} 个评价指标；应每个评价指标一个权重"_zh,
                                                 {std::to_string(weights.size()), std::to_string(criteria())}));
    check_weights(weights, "weights");
    // (w r - w best)^2 = w^2 (r - best)^2: with w >= 0 the weighted ideal is w times the ideal.
    const Eigen::VectorXd squared = weights.array().square().matrix();
    Eigen::MatrixX2d out(units(), 2);
    out.col(0) = (to_ideal_ * squared).array().sqrt().matrix();
    out.col(1) = (to_anti_ideal_ * squared).array().sqrt().matrix();
    return out;
}

Eigen::VectorXd TopsisPrepared::closeness(const Eigen::Ref<const Eigen::VectorXd>& weights) const {
    const Eigen::MatrixX2d d = separations(weights);
    return closeness_from(d.col(0).array(), d.col(1).array());
}

Eigen::MatrixXd TopsisPrepared::closeness_many(const Eigen::Ref<const Eigen::MatrixXd>& weights) const {
    if (weights.cols() != criteria())
        throw ValidationError("weights", Message("a {0} x {1} matrix; expected draws x {2} (one weight per criterion in each row)"_en,
                                                 "{0} x {1} 矩阵；应为 抽样次数 x {2}（每行每个评价指标一个权重）"_zh,
                                                 {std::to_string(weights.rows()), std::to_string(weights.cols()),
                                                  std::to_string(criteria())}));
    for (Eigen::Index k = 0; k < weights.rows(); ++k)
        check_weights(weights.row(k), "weights[" + std::to_string(k) + "]");
    // (w r - w best)^2 = w^2 (r - best)^2, summed over the criteria: one product for each ideal.
    Eigen::MatrixXd to_ideal, to_anti_ideal;
    detail::multiply_by_rows(to_ideal_, weights, true, to_ideal);
    detail::multiply_by_rows(to_anti_ideal_, weights, true, to_anti_ideal);
    const Eigen::ArrayXXd near = to_ideal.array().sqrt(), far = to_anti_ideal.array().sqrt();
    const Eigen::ArrayXXd total = near + far;
    if ((total == 0.0).any()) throw_indistinct("TOPSIS");
    return (far / total).matrix();
}

// ---- VIKOR ---------------------------------------------------------------------------------------------

VikorResult vikor(MatrixView x, const Eigen::Ref<const Eigen::VectorXd>& weights, const Benefit& benefit, double v) {
    check_shape(x, weights.size(), benefit);
    check_weights(weights, "weights");
    if (!(v >= 0.0 && v <= 1.0))
        throw ValidationError("v", Message("value {0}; expected a weight in [0, 1]"_en, "取值 {0}；应为 [0, 1] 内的权重"_zh, {format_value(v)}));
    if (x.rows() < 2) throw ValidationError("x", Message("one unit; VIKOR compares at least 2"_en, "只有一个评价对象；VIKOR 至少比较 2 个"_zh));
    const ColumnStats s = column_stats(x, false);
    // d_ij = w_j (f*_j - f_ij) / (f*_j - f-_j) = (f*_j - f_ij) factor_j, no division per cell; a
    // constant column has factor 0: its terms are 0. Each d_ij >= 0, so R starts at 0.
    const std::ptrdiff_t n = x.cols();
    RowArray best(n), factor(n);
    for (std::ptrdiff_t j = 0; j < n; ++j) {
        best[j] = is_benefit(benefit, j) ? s.max[j] : s.min[j];
        const double span = spread(is_benefit(benefit, j) ? s.max[j] - s.min[j] : s.min[j] - s.max[j]);
        factor[j] = span == 0.0 ? 0.0 : weights[j] / span;
    }
    VikorResult result;
    result.v = v;
    result.s.resize(x.rows());
    result.r.resize(x.rows());
    detail::run_simd([&] {
        const double* __restrict top = best.data();
        const double* __restrict by = factor.data();
        for_each_row(x, [&](std::ptrdiff_t i, const ConstRow& row) {
            // S in lanes, two vectors of them (lane_total); R's maximum in half vectors (HalfLanes),
            // which no order changes.
            const double* __restrict value = row.data();
            Lanes sum[2] = {};
            HalfLanes regret[4] = {};
            std::ptrdiff_t j = 0;
            for (; j + 2 * lane_width <= n; j += 2 * lane_width)
                for (std::ptrdiff_t h = 0; h < 2; ++h) {
                    Lanes d, at_best, scale;
                    const std::ptrdiff_t at = j + h * lane_width;
                    std::memcpy(&d, value + at, sizeof d);
                    std::memcpy(&at_best, top + at, sizeof at_best);
                    std::memcpy(&scale, by + at, sizeof scale);
                    d = (at_best - d) * scale;
                    sum[h] += d;
                    HalfLanes halves[2];
                    std::memcpy(halves, &d, sizeof d);
                    for (std::ptrdiff_t q = 0; q < 2; ++q)
                        regret[2 * h + q] = halves[q] > regret[2 * h + q] ? halves[q] : regret[2 * h + q];
                }
            double rest = 0.0, most = 0.0;
            for (; j < n; ++j) {
                const double d = (top[j] - value[j]) * by[j];
                rest += d;
                most = std::max(most, d);
            }
            for (const HalfLanes& lanes : regret) most = std::max({most, lanes[0], lanes[1]});
            result.s[i] = lane_total(sum[0] + sum[1], rest);
            result.r[i] = most;
        });
    });
    const double s_best = result.s.minCoeff(), s_worst = result.s.maxCoeff();
    const double r_best = result.r.minCoeff(), r_worst = result.r.maxCoeff();
    // S and R lie in [0, 1]; spreads at the level of rounding would make Q noise.
    constexpr double same = 1e-12;
    if (s_worst - s_best <= same)
        throw ValidationError("x", Message("every unit has the same group utility S = {0} (within 1e-12); VIKOR's Q divides by "
                                           "max S - min S"_en,
                                           "所有评价对象的群体效用 S 都等于 {0}（误差在 1e-12 以内）；VIKOR 的 Q 要除以 max S - min S"_zh,
                                           {format_value(s_best)}));
    if (r_worst - r_best <= same)
        throw ValidationError("x", Message("every unit has the same individual regret R = {0} (within 1e-12); VIKOR's Q divides "
                                           "by max R - min R"_en,
                                           "所有评价对象的个体遗憾 R 都等于 {0}（误差在 1e-12 以内）；VIKOR 的 Q 要除以 max R - min R"_zh,
                                           {format_value(r_best)}));
    result.q = v * (result.s.array() - s_best) / (s_worst - s_best) +
               (1.0 - v) * (result.r.array() - r_best) / (r_worst - r_best);

    // The compromise solution (Opricovic & Tzeng 2004, section 3, step 5).
    const std::vector<std::size_t> order = score_order(result.q, true, {});
    const auto q = [&](std::size_t k) { return result.q[static_cast<Eigen::Index>(order[k])]; };
    const double dq = 1.0 / static_cast<double>(x.rows() - 1);
    constexpr double rounding = 1e-12;  // Q differences equal to DQ in exact arithmetic count as reaching it
    const auto first = static_cast<Eigen::Index>(order[0]);
    result.acceptable_advantage = q(1) - q(0) >= dq - rounding;
    result.acceptable_stability = result.s[first] == s_best || result.r[first] == r_best;
    result.compromise.push_back(order[0]);
    if (!result.acceptable_advantage) {
        for (std::size_t k = 1; k < order.size() && q(k) - q(0) < dq - rounding; ++k) result.compromise.push_back(order[k]);
    } else if (!result.acceptable_stability) {
        result.compromise.push_back(order[1]);
    }
    return result;
}

// ---- grey relational analysis ---------------------------------------------------------------------------

Eigen::VectorXd grey_relational(MatrixView x, const Eigen::Ref<const Eigen::VectorXd>& weights,
                                const Benefit& benefit, double rho) {
    check_shape(x, weights.size(), benefit);
    check_weights(weights, "weights");
    if (!(rho > 0.0 && rho <= 1.0))
        throw ValidationError("rho", Message("value {0}; expected a distinguishing coefficient in (0, 1]"_en,
                                             "取值 {0}；应为 (0, 1] 内的分辨系数"_zh, {format_value(rho)}));
    const ColumnStats s = column_stats(x, false);
    // Deviation from the reference 1 of the normalised value: D_ij = 1 - r_ij, i.e.
    // (max - x) / span for a benefit and (x - min) / span for a cost; 0 for a constant column.
    // Every varying column has a unit at the reference (D = 0) and one at the far end (D = 1),
    // so the two-level minimum and maximum deviations are D_min = 0 and D_max = 1. Per cell
    // w_j g_ij = numerator_j / ((anchor_j - x_ij) scale_j + rho D_max), scale_j = +-1 / span_j
    // (0 for a constant column): one division a cell.
    constexpr double d_min = 0.0, d_max = 1.0;
    const std::ptrdiff_t n = x.cols();
    RowArray anchor(n), scale(n), numerator(n);
    bool varies = false;
    for (std::ptrdiff_t j = 0; j < n; ++j) {
        const bool higher = is_benefit(benefit, j);
        const double span = spread(s.max[j] - s.min[j]);
        anchor[j] = higher ? s.max[j] : s.min[j];
        scale[j] = span == 0.0 ? 0.0 : (higher ? 1.0 : -1.0) / span;
        numerator[j] = weights[j] * (d_min + rho * d_max);
        varies = varies || span > 0.0;
    }
    if (!varies)
        throw ValidationError("x", Message("every criterion is constant; grey relational analysis needs one that varies"_en,
                                           "所有评价指标都是常数；灰色关联分析至少需要一个有变化的评价指标"_zh));
    const double shift = rho * d_max;
    Eigen::VectorXd grades(x.rows());
    detail::run_simd([&] {
        const double* __restrict reference = anchor.data();
        const double* __restrict by = scale.data();
        const double* __restrict above = numerator.data();
        for_each_row(x, [&](std::ptrdiff_t i, const ConstRow& row) {
            const double* __restrict value = row.data();  // grades in lanes, two vectors of them (lane_total)
            Lanes sum[2] = {};
            std::ptrdiff_t j = 0;
            for (; j + 2 * lane_width <= n; j += 2 * lane_width)
                for (std::ptrdiff_t h = 0; h < 2; ++h) {
                    Lanes deviation, at, factor, top;
                    const std::ptrdiff_t k = j + h * lane_width;
                    std::memcpy(&deviation, value + k, sizeof deviation);
                    std::memcpy(&at, reference + k, sizeof at);
                    std::memcpy(&factor, by + k, sizeof factor);
                    std::memcpy(&top, above + k, sizeof top);
                    deviation = (at - deviation) * factor;
                    sum[h] += top / (deviation + shift);
                }
            double rest = 0.0;
            for (; j < n; ++j) rest += above[j] / ((reference[j] - value[j]) * by[j] + shift);
            grades[i] = lane_total(sum[0] + sum[1], rest);
        });
    });
    return grades;
}

// ---- ranks -----------------------------------------------------------------------------------------------

namespace {

/// Rows best first, equal scores by row: by radix from radix_sort_from scores, else by comparison.
std::vector<std::size_t> best_first(const Eigen::Ref<const Eigen::VectorXd>& scores, bool ascending) {
    if (scores.size() < radix_sort_from) return score_order(scores, ascending, {});
    detail::RadixOrder radix(static_cast<std::size_t>(scores.size()));
    radix.sort(scores.data(), ascending);
    return {radix.rows().begin(), radix.rows().end()};
}

}  // namespace

Eigen::VectorXi rank(const Eigen::Ref<const Eigen::VectorXd>& scores, RankMethod method, bool ascending,
                     const std::vector<std::string>& ids) {
    check_scores(scores);
    check_ids(ids, scores.size());
    const bool ordinal = method == RankMethod::ordinal;
    const std::vector<std::size_t> order =
        ordinal && !ids.empty() ? score_order(scores, ascending, ids) : best_first(scores, ascending);
    Eigen::VectorXi ranks(scores.size());
    int group = 0;
    for (std::size_t k = 0; k < order.size();) {
        std::size_t end = k + 1;
        const double value = scores[static_cast<Eigen::Index>(order[k])];
        while (end < order.size() && scores[static_cast<Eigen::Index>(order[end])] == value) ++end;
        ++group;
        for (std::size_t t = k; t < end; ++t) {
            const int position = static_cast<int>(t) + 1;
            ranks[static_cast<Eigen::Index>(order[t])] =
                method == RankMethod::min ? static_cast<int>(k) + 1 : method == RankMethod::dense ? group : position;
        }
        k = end;
    }
    return ranks;
}

Eigen::VectorXd average_rank(const Eigen::Ref<const Eigen::VectorXd>& scores, bool ascending) {
    check_scores(scores);
    const std::vector<std::size_t> order = best_first(scores, ascending);
    Eigen::VectorXd ranks(scores.size());
    for (std::size_t k = 0; k < order.size();) {
        std::size_t end = k + 1;
        const double value = scores[static_cast<Eigen::Index>(order[k])];
        while (end < order.size() && scores[static_cast<Eigen::Index>(order[end])] == value) ++end;
        const double mean = 0.5 * static_cast<double>(k + 1 + end);  // of places k + 1 to end
        for (std::size_t t = k; t < end; ++t) ranks[static_cast<Eigen::Index>(order[t])] = mean;
        k = end;
    }
    return ranks;
}

// ---- awards ------------------------------------------------------------------------------------------------

AwardTier AwardTier::places(std::string name, int count) { return AwardTier{std::move(name), count, std::nullopt}; }

AwardTier AwardTier::capped(std::string name, double share) {
    return AwardTier{std::move(name), std::nullopt, share};
}

const std::string& Awards::tier_name(std::size_t row) const {
    static const std::string none;
    const int t = tier.at(row);
    return t < 0 ? none : tier_names[static_cast<std::size_t>(t)];
}

Awards award(const Eigen::Ref<const Eigen::VectorXd>& scores, const std::vector<AwardTier>& tiers,
             const std::vector<bool>& eligible, bool ascending, BoundaryTies ties,
             const std::vector<std::string>& ids) {
    check_scores(scores);
    check_ids(ids, scores.size());
    const auto units = static_cast<std::size_t>(scores.size());
    if (!eligible.empty() && eligible.size() != units)
        throw ValidationError("eligible", Message("{0} flags for {1} units; expected one per unit or none"_en,
                                                  "{0} 个标记对应 {1} 个评价对象；应每个评价对象一个标记，或不提供"_zh,
                                                  {std::to_string(eligible.size()), std::to_string(units)}));
    if (tiers.empty()) throw ValidationError("tiers", Message("no tier; expected at least one"_en, "没有奖项等级；应至少有一个"_zh));

    Awards out;
    for (std::size_t t = 0; t < tiers.size(); ++t) {
        const AwardTier& tier = tiers[t];
        const std::string path = "tiers[" + std::to_string(t) + "]";
        if (tier.name.empty()) throw ValidationError(path + ".name", Message("empty; expected the tier's name"_en, "为空；应为奖项等级的名称"_zh));
        if (!tier.count && !tier.share)
            throw ValidationError(path, Message("neither count nor share; expected at least one"_en, "既无 count 也无 share；应至少有其一"_zh));
        int quota = std::numeric_limits<int>::max();
        if (tier.count) {
            if (*tier.count < 0)
                throw ValidationError(path + ".count", Message("{0}; expected >= 0"_en, "{0}；应 >= 0"_zh, {std::to_string(*tier.count)}));
            quota = *tier.count;
        }
        if (tier.share) {
            const double share = *tier.share;
            if (!(share > 0.0 && share <= 1.0))
                throw ValidationError(path + ".share", Message("value {0}; expected a share in (0, 1]"_en, "取值 {0}；应为 (0, 1] 内的比例"_zh,
                                                               {format_value(share)}));
            // A cap: rounded down (the epsilon keeps 0.29 x 100 at 29, not 28.999...).
            quota = std::min(quota, static_cast<int>(std::floor(share * static_cast<double>(units) + 1e-9)));
        }
        out.tier_names.push_back(tier.name);
        out.quota.push_back(quota);
    }
    out.awarded.assign(tiers.size(), 0);
    out.tier.assign(units, -1);
    out.ranks = Eigen::VectorXi::Zero(scores.size());

    // Eligible units, best first; with by_id, ties in id order (else row order).
    std::vector<std::size_t> order;
    for (std::size_t i : score_order(scores, ascending, ties == BoundaryTies::by_id ? ids : std::vector<std::string>{}))
        if (eligible.empty() || eligible[i]) order.push_back(i);
    out.eligible = static_cast<int>(order.size());
    out.ineligible = static_cast<int>(units) - out.eligible;

    std::size_t t = 0;
    std::vector<int> left = out.quota;
    for (std::size_t k = 0; k < order.size();) {
        const double value = scores[static_cast<Eigen::Index>(order[k])];
        std::size_t end = k + 1;
        while (end < order.size() && scores[static_cast<Eigen::Index>(order[end])] == value) ++end;
        for (std::size_t u = k; u < end; ++u) out.ranks[static_cast<Eigen::Index>(order[u])] = static_cast<int>(k) + 1;
        // The units that move together: the tied group, or one unit at a time under by_id.
        for (std::size_t from = k; from < end;) {
            const std::size_t to = ties == BoundaryTies::by_id ? from + 1 : end;
            const int size = static_cast<int>(to - from);
            while (t < tiers.size() && (left[t] == 0 || (ties == BoundaryTies::demote && size > left[t]))) ++t;
            if (t < tiers.size()) {
                for (std::size_t u = from; u < to; ++u) out.tier[order[u]] = static_cast<int>(t);
                out.awarded[t] += size;
                left[t] = std::max(0, left[t] - size);
            }
            from = to;
        }
        k = end;
    }
    return out;
}

// ---- text ------------------------------------------------------------------------------------------------------

std::string to_string(const VikorResult& result) {
    std::ostringstream text;
    text.imbue(std::locale::classic());  // not the host's locale (digit groups, decimal comma)
    text << "VIKOR of " << result.q.size() << " units (v = " << format_value(result.v) << "): compromise row";
    text << (result.compromise.size() == 1 ? " " : "s ");
    for (std::size_t k = 0; k < result.compromise.size(); ++k) text << (k ? ", " : "") << result.compromise[k];
    text << "; acceptable advantage " << (result.acceptable_advantage ? "yes" : "no") << ", acceptable stability "
         << (result.acceptable_stability ? "yes" : "no");
    return text.str();
}

std::string to_string(const Awards& awards) {
    int given = 0;
    for (int n : awards.awarded) given += n;
    std::ostringstream text;
    text.imbue(std::locale::classic());  // not the host's locale (digit groups, decimal comma)
    text << "Awards: " << given << " of " << awards.tier.size() << " units (" << awards.eligible << " eligible, "
         << awards.ineligible << " not)";
    for (std::size_t t = 0; t < awards.tier_names.size(); ++t)
        text << "\n  " << awards.tier_names[t] << ": " << awards.awarded[t] << " of " << awards.quota[t] << " places";
    return text.str();
}

std::string to_string(const TopsisPrepared& prepared) {
    return "TopsisPrepared(" + std::to_string(prepared.units()) + " units x " + std::to_string(prepared.criteria()) +
           " criteria, " + to_string(prepared.normalization()) + " normalisation)";
}

// ---- the product of many weight vectors -----------------------------------------------------------

namespace detail {

namespace {

constexpr Eigen::Index product_draws = 4;  // a block of the output: this many draws by 2 vectors of units, in registers

// out(u0 + u, d0 + d) for u < 2 * Lanes' doubles and d < D: the sums over the criteria in order,
// from `panel`, the block's weights criterion by criterion (product_draws apart). The vectors are
// GCC and Clang's extension, so that the block's sums stay in registers: with plain loops over 16
// units, GCC kept AVX-512's in memory and ran 4 times slower. Always inlined, as the lambda that
// calls it: Clang's `flatten` inlines only the calls in the kernel itself, and an unoptimised
// build would run the blocks as baseline code beside a tail compiled for the path.
template <int D, class Lanes>
__attribute__((always_inline)) inline void product_block(const double* __restrict a, Eigen::Index lda, Eigen::Index n, const double* __restrict panel,
                          Eigen::Index u0, Eigen::Index d0, double* __restrict out, Eigen::Index ldo) {
    constexpr Eigen::Index lanes = sizeof(Lanes) / sizeof(double);
    Lanes acc[D][2] = {};
    for (Eigen::Index k = 0; k < n; ++k) {
        Lanes first, second;  // one vector at a time: copying both at once stalled on the stack
        std::memcpy(&first, a + k * lda + u0, sizeof first);
        std::memcpy(&second, a + k * lda + u0 + lanes, sizeof second);
        const double* weight = panel + k * product_draws;
        for (int d = 0; d < D; ++d) {
            acc[d][0] += first * weight[d];
            acc[d][1] += second * weight[d];
        }
    }
    for (int d = 0; d < D; ++d)
        for (int v = 0; v < 2; ++v) std::memcpy(out + (d0 + d) * ldo + u0 + v * lanes, &acc[d][v], sizeof(Lanes));
}
}  // namespace

void multiply_by_rows(const Eigen::MatrixXd& a, const Eigen::Ref<const Eigen::MatrixXd>& b, bool square_b,
                      Eigen::MatrixXd& out) {
    const Eigen::Index units = a.rows(), n = a.cols(), m = b.rows();
    if (simd_path() == SimdPath::baseline) {  // Eigen's product: SSE2 packets chosen at compile time
        if (square_b) out.noalias() = a * b.array().square().matrix().transpose();
        else out.noalias() = a * b.transpose();
        return;
    }
    out.resize(units, m);
    // The weights in panels of product_draws draws, criterion by criterion (the last panel padded with 0).
    const Eigen::Index panels = (m + product_draws - 1) / product_draws;
    std::vector<double> packed(static_cast<std::size_t>(panels * n * product_draws), 0.0);
    for (Eigen::Index d = 0; d < m; ++d)
        for (Eigen::Index k = 0; k < n; ++k) {
            const double w = b(d, k);
            packed[static_cast<std::size_t>((d / product_draws) * n * product_draws + k * product_draws + d % product_draws)] =
                square_b ? w * w : w;
        }
    run_simd([&] {
        const double* __restrict values = a.data();
        const double* __restrict weights = packed.data();
        double* __restrict result = out.data();
        // Blocks of 2 vectors of units (the vector type named by a null pointer: a vector passed by
        // value would change the baseline copy's calling convention): returns the units they cover.
        const auto in_blocks = [&](auto* vector) __attribute__((always_inline)) {
            using Lanes = std::remove_pointer_t<decltype(vector)>;
            constexpr Eigen::Index block_units = 2 * sizeof(Lanes) / sizeof(double);
            const Eigen::Index full_units = units - units % block_units;
            for (Eigen::Index u0 = 0; u0 < full_units; u0 += block_units)
                for (Eigen::Index p = 0; p < panels; ++p) {
                    const double* panel = weights + p * n * product_draws;
                    const Eigen::Index d0 = p * product_draws;
                    switch (std::min(product_draws, m - d0)) {
                    case 4: product_block<4, Lanes>(values, units, n, panel, u0, d0, result, units); break;
                    case 3: product_block<3, Lanes>(values, units, n, panel, u0, d0, result, units); break;
                    case 2: product_block<2, Lanes>(values, units, n, panel, u0, d0, result, units); break;
                    default: product_block<1, Lanes>(values, units, n, panel, u0, d0, result, units); break;
                    }
                }
            return full_units;
        };
        // Eight accumulators keep two FMA units with four cycles' latency busy: 4 draws by 2
        // vectors of units, 8 units in AVX2's vectors, 16 in AVX-512's. Each sum runs over the
        // criteria in the same order either way, so the block's size changes no bit.
        using Lanes4 = double __attribute__((vector_size(32)));
        using Lanes8 = double __attribute__((vector_size(64)));
        const Eigen::Index full_units = simd_path() == SimdPath::avx512 ? in_blocks(static_cast<Lanes8*>(nullptr))
                                                                        : in_blocks(static_cast<Lanes4*>(nullptr));
        // The last units, one at a time: the same sums in the same order.
        for (Eigen::Index u = full_units; u < units; ++u)
            for (Eigen::Index d = 0; d < m; ++d) {
                const double* panel = weights + (d / product_draws) * n * product_draws + d % product_draws;
                double sum = 0.0;
                for (Eigen::Index k = 0; k < n; ++k) sum += values[k * units + u] * panel[k * product_draws];
                result[d * units + u] = sum;
            }
    });
}

}  // namespace detail

}  // namespace civitas
