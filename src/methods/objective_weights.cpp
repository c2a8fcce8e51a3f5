// Objective weights from data (entropy, CRITIC, standard deviation, MEREC, Gini, CILOS, IDOCRIW)
// and subjective and objective weights combined. Formulas and sources: docs/methods.md, section "Weights".

#include <civitas/core/error.hpp>
#include <civitas/methods/weights.hpp>

#include "core/detail/number_format.hpp"
#include "core/detail/parallel.hpp"
#include "core/detail/simd.hpp"
#include "core/detail/vector_log.hpp"
#include "methods/detail/checks.hpp"

#include <Eigen/LU>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace civitas {

using detail::checked_weights;
using detail::element_path;
using detail::format_number;

namespace {

std::string cell_path(std::ptrdiff_t row, std::ptrdiff_t col) {
    return "x[" + std::to_string(row) + "][" + std::to_string(col) + "]";
}
std::string column_path(std::ptrdiff_t col) { return "x[:, " + std::to_string(col) + "]"; }

bool is_benefit(const Benefit& benefit, std::ptrdiff_t col) { return benefit.empty() || benefit[static_cast<std::size_t>(col)]; }

// `method` names the method in messages ("entropy weights", "熵权法").
void check_shape(const MatrixView& x, const Benefit& benefit, const Message& method) {
    if (x.rows() < 2)
        throw ValidationError("x", Message("{0} rows; {1} need at least 2 units (rows)"_en, "{0} 行；{1}至少需要 2 个评价对象（行）"_zh,
                                           {std::to_string(x.rows()), method}));
    if (x.cols() < 1) throw ValidationError("x", Message("no columns; expected one per criterion"_en, "没有列；应每个评价指标一列"_zh));
    detail::check_benefit(benefit, x.cols());
}

// The checks of each column, column by column and cell by cell, throwing on the first failure.
// The methods run it only when their fast pass over the data saw something wrong, so that the
// message names the same first cell or column whatever the layout; it returns when nothing is
// wrong with the data (the fast pass's sums overflowed).
void throw_first_column_problem(const MatrixView& x, const Benefit& benefit, ObjectiveNormalization normalization,
                                const Message& method) {
    for (std::ptrdiff_t c = 0; c < x.cols(); ++c) {
        if (normalization == ObjectiveNormalization::none && !is_benefit(benefit, c))
            throw ValidationError(element_path("benefit", c),
                                  Message("false, but normalization 'none' uses the values as given: orient cost columns yourself or "
                                          "use 'min_max', which flips them"_en,
                                          "为 false，但 normalization 'none' 直接使用原值: 请自行调整成本型列的方向，或改用会将其翻转的 "
                                          "'min_max'"_zh));
        double low = x(0, c), high = x(0, c);
        for (std::ptrdiff_t r = 0; r < x.rows(); ++r) {
            const double value = x(r, c);
            if (!std::isfinite(value))
                throw ValidationError(cell_path(r, c), Message("{0}; expected a finite number"_en, "{0}；应为有限数"_zh, {format_number(value)}));
            low = std::min(low, value);
            high = std::max(high, value);
        }
        if (!std::isfinite(high - low))
            throw ValidationError(column_path(c), Message("column {0} spans {1} to {2}, more than double precision holds; rescale it"_en,
                                                          "第 {0} 列从 {1} 到 {2}，超出双精度数的范围；请缩放该列"_zh,
                                                          {std::to_string(c), format_number(low), format_number(high)}));
    }
    (void)method;
}

// The columns whose least and greatest values are equal, ascending; a ValidationError naming
// `method` when that is every column (then no weight is defined). The caller has checked that
// every value is finite.
ConstantColumns constant_columns_of(const std::vector<double>& low, const std::vector<double>& high, const Message& method) {
    ConstantColumns constant;
    for (std::size_t c = 0; c < low.size(); ++c)
        if (low[c] == high[c]) constant.push_back(static_cast<std::ptrdiff_t>(c));
    if (constant.size() == low.size())
        throw ValidationError("x", Message("no column varies (each has one value throughout): the data carry no information for {0}; "
                                           "weight the criteria by hand"_en,
                                           "没有一列有变化（每列取值都相同）: 数据对{0}不含信息；请手工赋权"_zh, {method}));
    return constant;
}

// Hands `constant` to the caller when it asked for it.
void report_constant(ConstantColumns constant, ConstantColumns* out) {
    if (out != nullptr) *out = std::move(constant);
}

// What one reading of x found in each column (one entry per column). The sums are of
// y = (x - shift) * scale: shifted by a value of the column, so that a column far from 0 (1e8 plus
// small differences) loses nothing to rounding, and scaled by a power of 2, which is exact.
struct ColumnFigures {
    explicit ColumnFigures(std::ptrdiff_t columns)
        : low(static_cast<std::size_t>(columns)), high(low), shift(low), scale(low), mean(low), squares(low) {}
    std::vector<double> low, high;     // least and greatest value of x
    std::vector<double> shift, scale;  // set by the caller before the reading
    std::vector<double> mean;          // of y (accumulate_moments only)
    std::vector<double> squares;       // the sum of (y - mean)^2 (accumulate_moments only)
};

// x's rows in blocks of about 64 kB (well within the second-level cache), each row's values
// adjacent: read in place when x's columns are (col_stride 1: numpy's layout), else copied block
// by block into a buffer (Eigen's column-major layout, strided views). Every kernel below reads x
// through it, so the same values meet the same operations in the same order, whatever the layout.
// A reader of some columns only (`first_col`, `width`) copies those alone; its blocks hold the
// same rows as a reader of every column, so sums down a column come out the same either way.
class RowBlocks {
public:
    explicit RowBlocks(const MatrixView& x) : RowBlocks(x, 0, x.cols()) {}
    RowBlocks(const MatrixView& x, std::ptrdiff_t first_col, std::ptrdiff_t width)
        : x_(x),
          first_col_(first_col),
          width_(width),
          rows_per_block_(std::clamp<std::ptrdiff_t>(block_values / std::max<std::ptrdiff_t>(x.cols(), 1), 8, 256)) {
        if (x.col_stride() != 1) buffer_.resize(static_cast<std::size_t>(rows_per_block_ * width));
    }

    std::ptrdiff_t rows_per_block() const noexcept { return rows_per_block_; }

    // Rows [first, first + count), count <= rows_per_block(): where row `first` starts (at column
    // first_col), and in `row_stride` how far apart the rows are.
    const double* rows(std::ptrdiff_t first, std::ptrdiff_t count, std::ptrdiff_t& row_stride) {
        if (buffer_.empty()) {
            row_stride = x_.row_stride();
            return x_.row(first) + first_col_;
        }
        const std::ptrdiff_t in_row = x_.row_stride(), in_col = x_.col_stride();
        double* out = buffer_.data();
        for (std::ptrdiff_t c = 0; c < width_; ++c) {
            const double* in = x_.row(first) + (first_col_ + c) * in_col;
            for (std::ptrdiff_t r = 0; r < count; ++r) out[r * width_ + c] = in[r * in_row];
        }
        row_stride = width_;
        return out;
    }

    // Calls kernel(row, stride, rows) for every row of x, `rows` (4, then 1 for the last) at a time
    // from `row`, `stride` apart, block by block.
    template <class Kernel>
    void for_each_row(Kernel&& kernel);

private:
    static constexpr std::ptrdiff_t block_values = 8192;  // 64 kB: measured a little faster than 16 or 32 kB
    const MatrixView& x_;
    std::ptrdiff_t first_col_, width_;
    std::ptrdiff_t rows_per_block_;
    std::vector<double> buffer_;
};

// The loops over the columns, which the kernels below run inside detail::run_simd: each takes
// `Rows` rows (1 or 4) `stride` apart from `row`, so that an accumulator is loaded and stored once
// for four values. Their arrays are declared not to overlap (__restrict, kept when `flatten`
// inlines them): otherwise GCC must compare every pair of arrays at run time before it
// vectorises, and it gives up beyond ten pairs.

// Calls kernel(std::true_type) when some scale is not 1, else kernel(std::false_type): the values
// as read (scale 1, the usual case) skip a multiplication per value.
template <class Kernel>
inline void with_scaling(const std::vector<double>& scale, Kernel&& kernel) {
    if (std::all_of(scale.begin(), scale.end(), [](double s) { return s == 1.0; }))
        kernel(std::false_type{});
    else
        kernel(std::true_type{});
}

// Calls kernel(r, rows) for rows [r, r + rows) of [0, count): rows = 4 while four are left, then 1.
template <class Kernel>
inline void in_fours(std::ptrdiff_t count, Kernel&& kernel) {
    std::ptrdiff_t r = 0;
    for (; r + 4 <= count; r += 4) kernel(r, std::integral_constant<int, 4>{});
    for (; r < count; ++r) kernel(r, std::integral_constant<int, 1>{});
}

template <class Kernel>
void RowBlocks::for_each_row(Kernel&& kernel) {
    for (std::ptrdiff_t first = 0; first < x_.rows(); first += rows_per_block_) {
        const std::ptrdiff_t count = std::min(rows_per_block_, x_.rows() - first);
        std::ptrdiff_t stride = 0;
        const double* const block = rows(first, count, stride);
        in_fours(count, [&](std::ptrdiff_t r, auto group) { kernel(block + r * stride, stride, group); });
    }
}

// low and high so far, and `sum` of y = (x - shift) * scale (x - shift unless Scaled).
template <int Rows, bool Scaled>
inline void widen_ranges_and_sum(const double* __restrict row, std::ptrdiff_t stride, std::ptrdiff_t cols,
                                 const double* __restrict shift, const double* __restrict scale, double* __restrict low,
                                 double* __restrict high, double* __restrict sum) {
    for (std::ptrdiff_t c = 0; c < cols; ++c) {
        double least = low[c], greatest = high[c], total = 0.0;
        for (int r = 0; r < Rows; ++r) {
            const double v = row[r * stride + c];
            least = v < least ? v : least;
            greatest = v > greatest ? v : greatest;
            total += (v - shift[c]) * (Scaled ? scale[c] : 1.0);
        }
        low[c] = least;
        high[c] = greatest;
        sum[c] += total;
    }
}

// `squares` of y's deviations from `mean`.
template <int Rows, bool Scaled>
inline void add_squared_deviations(const double* __restrict row, std::ptrdiff_t stride, std::ptrdiff_t cols,
                                   const double* __restrict shift, const double* __restrict scale, const double* __restrict mean,
                                   double* __restrict squares) {
    for (std::ptrdiff_t c = 0; c < cols; ++c) {
        double total = 0.0;
        for (int r = 0; r < Rows; ++r) {
            const double d = (row[r * stride + c] - shift[c]) * (Scaled ? scale[c] : 1.0) - mean[c];
            total += d * d;
        }
        squares[c] += total;
    }
}

// A block's mean and squared deviations merged into the running ones (Chan, Golub & LeVeque 1979):
// `before` rows so far, `in_block` rows in the block.
inline void merge_block(std::ptrdiff_t cols, double before, double in_block, const double* __restrict block_mean,
                        const double* __restrict block_squares, double* __restrict mean, double* __restrict squares) {
    const double after = before + in_block;
    const double weight_of_block = in_block / after, weight_of_gap = before * in_block / after;
    for (std::ptrdiff_t c = 0; c < cols; ++c) {
        const double gap = block_mean[c] - mean[c];
        mean[c] += gap * weight_of_block;
        squares[c] += block_squares[c] + gap * gap * weight_of_gap;
    }
}

// `sum` of z = (x - shift) * scale, and z ln z in two sums, `z_k` of z k and `z_log_rest` of
// z ln(1 + f) where z = 2^k (1 + f) (vector_log_parts): sum z ln z = ln 2 sum z k + sum z ln(1 + f),
// two operations a value fewer than a whole logarithm. z lies in [0, 2); x * scale unless
// Shifted (the values as given, where the subtraction of 0 would cost a tenth of the loop). The
// logarithm is of z + 2^-1022, which is z itself above 2^-968 and a normal number below: 0 ln 0 =
// 0 comes out exactly, terms below 2^-960 change by less than themselves, and no z needs
// vector_log's scaling of subnormals (a fifth of the loop's instructions; a comparison would stop
// the vectoriser).
template <int Rows, bool Shifted>
inline void add_z_log_z(const double* __restrict row, std::ptrdiff_t stride, std::ptrdiff_t cols, const double* __restrict shift,
                        const double* __restrict scale, double* __restrict sum, double* __restrict z_k,
                        double* __restrict z_log_rest) {
    constexpr double smallest_normal = 0x1p-1022;
    for (std::ptrdiff_t c = 0; c < cols; ++c) {
        double total = 0.0, exponents = 0.0, rests = 0.0;
        for (int r = 0; r < Rows; ++r) {
            const double z = (Shifted ? row[r * stride + c] - shift[c] : row[r * stride + c]) * scale[c];
            double k = 0.0;
            const double rest = detail::vector_log_parts(z + smallest_normal, k);
            total += z;
            exponents += z * k;
            rests += z * rest;
        }
        sum[c] += total;
        z_k[c] += exponents;
        z_log_rest[c] += rests;
    }
}

// The row's centred y, d = (x - shift) * scale - mean, into `centred`; returns sum_c d_c * a_c, summed
// in 8 fixed lanes (vectorised, and in the same order on every path).
template <bool Scaled>
inline double centre_and_standardise(const double* __restrict row, std::ptrdiff_t cols, const double* __restrict shift,
                                     const double* __restrict scale, const double* __restrict mean, const double* __restrict a,
                                     double* __restrict centred) {
    constexpr std::ptrdiff_t lanes = 8;
    double lane[lanes] = {};
    std::ptrdiff_t c = 0;
    for (; c + lanes <= cols; c += lanes)
        for (std::ptrdiff_t l = 0; l < lanes; ++l) {
            const double d = (row[c + l] - shift[c + l]) * (Scaled ? scale[c + l] : 1.0) - mean[c + l];
            centred[c + l] = d;
            lane[l] += d * a[c + l];
        }
    for (; c < cols; ++c) {
        const double d = (row[c] - shift[c]) * (Scaled ? scale[c] : 1.0) - mean[c];
        centred[c] = d;
        lane[c % lanes] += d * a[c];
    }
    return ((lane[0] + lane[1]) + (lane[2] + lane[3])) + ((lane[4] + lane[5]) + (lane[6] + lane[7]));
}

// total += sum over the rows r of centred row r * factor[r] (the rows `cols` apart).
template <int Rows>
inline void add_multiples(const double* __restrict centred, std::ptrdiff_t cols, const double* __restrict factor,
                          double* __restrict total) {
    for (std::ptrdiff_t c = 0; c < cols; ++c) {
        double products = 0.0;
        for (int r = 0; r < Rows; ++r) products += centred[r * cols + c] * factor[r];
        total[c] += products;
    }
}

// low and high of x, and the mean and squared deviations of y (shift and scale set by the caller).
// Each block of rows is read twice from the cache, for its mean and then for the deviations from
// it, and merged into the running figures: the data are read from memory once, as accurately as
// by two passes over whole columns.
void accumulate_moments(const MatrixView& x, ColumnFigures& figures) {
    const std::ptrdiff_t cols = x.cols();
    RowBlocks blocks(x);
    std::fill(figures.low.begin(), figures.low.end(), std::numeric_limits<double>::infinity());
    std::fill(figures.high.begin(), figures.high.end(), -std::numeric_limits<double>::infinity());
    std::fill(figures.mean.begin(), figures.mean.end(), 0.0);
    std::fill(figures.squares.begin(), figures.squares.end(), 0.0);
    std::vector<double> block_mean(static_cast<std::size_t>(cols)), block_squares(block_mean);
    with_scaling(figures.scale, [&](auto scaled) {
        constexpr bool Scaled = decltype(scaled)::value;
        detail::run_simd([&] {
            for (std::ptrdiff_t first = 0; first < x.rows(); first += blocks.rows_per_block()) {
                const std::ptrdiff_t count = std::min(blocks.rows_per_block(), x.rows() - first);
                std::ptrdiff_t stride = 0;
                const double* const block = blocks.rows(first, count, stride);
                std::fill(block_mean.begin(), block_mean.end(), 0.0);
                std::fill(block_squares.begin(), block_squares.end(), 0.0);
                in_fours(count, [&](std::ptrdiff_t r, auto group) {
                    widen_ranges_and_sum<decltype(group)::value, Scaled>(block + r * stride, stride, cols, figures.shift.data(),
                                                                         figures.scale.data(), figures.low.data(),
                                                                         figures.high.data(), block_mean.data());
                });
                const auto in_block = static_cast<double>(count);
                for (double& sum : block_mean) sum /= in_block;
                in_fours(count, [&](std::ptrdiff_t r, auto group) {
                    add_squared_deviations<decltype(group)::value, Scaled>(block + r * stride, stride, cols, figures.shift.data(),
                                                                           figures.scale.data(), block_mean.data(),
                                                                           block_squares.data());
                });
                merge_block(cols, static_cast<double>(first), in_block, block_mean.data(), block_squares.data(),
                            figures.mean.data(), figures.squares.data());
            }
        });
    });
}

// 2^-e with 2^e <= range < 2^(e + 1) (range > 0 and finite): a scale that brings values of that
// range into [0, 2) exactly. e stops at -1023, whose 2^1023 is the largest power of 2.
double power_of_two_below(double range) { return std::ldexp(1.0, -std::max(std::ilogb(range), -1023)); }

// Sets shift and scale so that y = (x - low) * 2^-e lies in [0, 2): min-max normalisation up to a
// power of 2, where no sum can overflow or lose digits to underflow.
void scale_to_unit_range(ColumnFigures& figures) {
    for (std::size_t c = 0; c < figures.low.size(); ++c) {
        figures.shift[c] = figures.low[c];
        figures.scale[c] = power_of_two_below(figures.high[c] - figures.low[c]);
    }
}

// True when a column needs a closer look: a value that is not finite (then `sums` is not either),
// a span beyond double precision, a cost column with 'none', or (with `squares`, for a column that
// varies) squared deviations so large or small that they overflowed or lost digits. A column that
// does not vary is no problem: it gets weight 0.
bool needs_a_closer_look(const ColumnFigures& figures, const std::vector<double>& sums, const Benefit& benefit,
                         ObjectiveNormalization normalization, bool squares) {
    constexpr double smallest_exact_squares = 0x1p-900;  // below it, squared deviations may be subnormal
    for (std::size_t c = 0; c < figures.low.size(); ++c) {
        const auto col = static_cast<std::ptrdiff_t>(c);
        const bool varies = figures.high[c] > figures.low[c];
        if (!std::isfinite(sums[c]) || !std::isfinite(figures.high[c] - figures.low[c]) || !(figures.high[c] >= figures.low[c]) ||
            (normalization == ObjectiveNormalization::none && !is_benefit(benefit, col)) ||
            (squares && varies &&
             !(figures.squares[c] >= smallest_exact_squares && figures.squares[c] < std::numeric_limits<double>::infinity())))
            return true;
    }
    return false;
}

// Checks x and measures its columns for the methods built on standard deviations: low, high,
// and the mean and squared deviations of y, shifted by the first row's values (scale 1).
ColumnFigures moments_of_columns(const MatrixView& x, const Benefit& benefit, ObjectiveNormalization normalization,
                                 const Message& method) {
    check_shape(x, benefit, method);
    ColumnFigures figures(x.cols());
    for (std::ptrdiff_t c = 0; c < x.cols(); ++c) {
        figures.shift[static_cast<std::size_t>(c)] = x(0, c);
        figures.scale[static_cast<std::size_t>(c)] = 1.0;
    }
    accumulate_moments(x, figures);
    if (needs_a_closer_look(figures, figures.mean, benefit, normalization, true)) {
        throw_first_column_problem(x, benefit, normalization, method);
        // The data are valid but the sums of the values as given overflowed or underflowed. With
        // min_max the methods measure normalised columns, so measure those; with 'none', the
        // values as given, whose figures then give the "too large" error.
        if (normalization == ObjectiveNormalization::min_max) {
            scale_to_unit_range(figures);
            accumulate_moments(x, figures);
        }
    }
    return figures;
}

// Sample standard deviation of each normalised column (the divisor cancels in every weight): of
// y, divided by y's scale and, with min_max, by the column's span; 0 for a column that does not vary.
Eigen::VectorXd normalised_std(const ColumnFigures& figures, std::ptrdiff_t rows, ObjectiveNormalization normalization) {
    Eigen::VectorXd sigma(static_cast<Eigen::Index>(figures.low.size()));
    for (std::size_t c = 0; c < figures.low.size(); ++c) {
        const double span = normalization == ObjectiveNormalization::min_max ? figures.high[c] - figures.low[c] : 1.0;
        sigma[static_cast<Eigen::Index>(c)] =
            figures.high[c] == figures.low[c] ? 0.0
                                              : std::sqrt(figures.squares[c] / static_cast<double>(rows - 1)) / (figures.scale[c] * span);
    }
    return sigma;
}

// `scores` / sum(scores); an error naming `method` when they are all zero or overflowed, so no
// NaN ever reaches a result.
Eigen::VectorXd shares_of(Eigen::VectorXd scores, const Message& method, const Message& why_zero) {
    if (!scores.allFinite())
        throw ValidationError("x", Message("{0}: the values are too large to compute with in double precision; rescale them"_en,
                                           "{0}: 取值过大，无法用双精度数计算；请缩放取值"_zh, {method}));
    scores = scores.cwiseMax(0.0);  // rounding can leave -1e-17 where the exact value is 0
    const double total = scores.sum();
    if (!(total > 0)) throw ValidationError("x", Message("{0}: {1}"_en, "{0}: {1}"_zh, {method, why_zero}));
    return scores / total;
}

}  // namespace

Eigen::VectorXd entropy_weights(MatrixView x, const Benefit& benefit, ObjectiveNormalization normalization,
                                ConstantColumns* constant_columns) {
    const Message method("entropy weights"_en, "熵权法"_zh);
    check_shape(x, benefit, method);
    const auto cols = static_cast<std::size_t>(x.cols());
    const bool as_given = normalization == ObjectiveNormalization::none;
    ColumnFigures figures(x.cols());
    std::fill(figures.low.begin(), figures.low.end(), std::numeric_limits<double>::infinity());
    std::fill(figures.high.begin(), figures.high.end(), -std::numeric_limits<double>::infinity());
    for (std::size_t c = 0; c < cols; ++c) figures.shift[c] = x(0, static_cast<std::ptrdiff_t>(c));
    // Two passes over each group of columns, one for the range, one for the logarithms (the cost:
    // a few dozen operations each). The columns are cut into groups that threads take in turn,
    // each group summed over the rows in the same blocks and order whatever the number of threads,
    // so the weights are the same bits on one thread or many. The checks come after: a bad value
    // only makes the logarithms meaningless, and the error is then the one a check first would give.
    // `probe` is the sum of x less the first row's: finite unless a value is NaN or infinite (or the
    // sum overflows, which the closer look then finds harmless).
    std::vector<double> probe(cols, 0.0), total(cols, 0.0), z_k(cols, 0.0), z_log_rest(cols, 0.0);
    constexpr std::ptrdiff_t group_columns = 32, cells_for_threads = 1 << 17;
    const std::ptrdiff_t groups = x.rows() * x.cols() >= cells_for_threads ? (x.cols() + group_columns - 1) / group_columns : 1;
    const std::ptrdiff_t per_group = ((x.cols() + groups - 1) / groups + 7) / 8 * 8;  // whole vectors a group
    const auto sum_group = [&](std::size_t group, std::size_t) {
        const std::ptrdiff_t first_col = static_cast<std::ptrdiff_t>(group) * per_group;
        const std::ptrdiff_t width = std::min(per_group, x.cols() - first_col);
        if (width <= 0) return;
        const auto at = [&](std::vector<double>& figure) { return figure.data() + first_col; };
        RowBlocks blocks(x, first_col, width);
        detail::run_simd([&] {
            blocks.for_each_row([&](const double* row, std::ptrdiff_t stride, auto rows) {
                widen_ranges_and_sum<decltype(rows)::value, false>(row, stride, width, at(figures.shift), at(figures.scale),
                                                                   at(figures.low), at(figures.high), at(probe));
            });
        });
        // Shares are unchanged by scaling a column: z = (x - low) * 2^-e (benefit), (x - high) * -2^-e
        // (cost) or x * 2^-e ('none'), which lies in [0, 2), and sum_i p_ij ln p_ij = sum z ln z / Z - ln Z
        // with Z = sum z.
        for (auto c = static_cast<std::size_t>(first_col); c < static_cast<std::size_t>(first_col + width); ++c) {
            const bool flip = !is_benefit(benefit, static_cast<std::ptrdiff_t>(c));
            const double range = as_given ? figures.high[c] : figures.high[c] - figures.low[c];
            figures.shift[c] = as_given ? 0.0 : flip ? figures.high[c] : figures.low[c];
            figures.scale[c] = (flip && !as_given ? -1.0 : 1.0) * power_of_two_below(range);
        }
        const auto sum_logs = [&](auto shifted) {
            detail::run_simd([&] {
                blocks.for_each_row([&](const double* row, std::ptrdiff_t stride, auto rows) {
                    add_z_log_z<decltype(rows)::value, decltype(shifted)::value>(
                        row, stride, width, at(figures.shift), at(figures.scale), at(total), at(z_k), at(z_log_rest));
                });
            });
        };
        if (as_given) sum_logs(std::false_type{});  // shift 0
        else sum_logs(std::true_type{});
    };
    const auto jobs = static_cast<std::size_t>(groups);
    detail::run_parallel(jobs, detail::thread_count(0, jobs), sum_group);
    if (needs_a_closer_look(figures, probe, benefit, normalization, false)) throw_first_column_problem(x, benefit, normalization, method);
    ConstantColumns constant = constant_columns_of(figures.low, figures.high, method);
    if (as_given) {
        for (std::size_t c = 0; c < cols; ++c) {
            if (!(figures.low[c] < 0)) continue;
            for (std::ptrdiff_t r = 0; r < x.rows(); ++r) {
                const double value = x(r, static_cast<std::ptrdiff_t>(c));
                if (value < 0)
                    throw ValidationError(cell_path(r, static_cast<std::ptrdiff_t>(c)),
                                          Message("{0}; entropy weights on values as given need values >= 0 (shares of the column total)"_en,
                                                  "{0}；直接对原值使用熵权法需要取值 >= 0（即占该列总和的比例）"_zh, {format_number(value)}));
            }
        }
    }
    const double k = 1.0 / std::log(static_cast<double>(x.rows()));
    Eigen::VectorXd divergence(x.cols());
    for (std::size_t c = 0; c < cols; ++c) {
        if (figures.low[c] == figures.high[c]) {  // every share 1/m: e_j = 1 exactly
            divergence[static_cast<Eigen::Index>(c)] = 0.0;
            continue;
        }
        if (!std::isfinite(total[c] / figures.scale[c]))  // only values as given can sum beyond double precision
            throw ValidationError(column_path(static_cast<std::ptrdiff_t>(c)),
                                  Message("column {0} sums to more than double precision holds; rescale it"_en,
                                          "第 {0} 列之和超出双精度数的范围；请缩放该列"_zh, {std::to_string(c)}));
        const double z_log_z = z_k[c] * detail::ln2_hi + (z_k[c] * detail::ln2_lo + z_log_rest[c]);
        const double entropy = std::log(total[c]) - z_log_z / total[c];  // total > 0: the column varies and is >= 0
        divergence[static_cast<Eigen::Index>(c)] = std::max(0.0, 1.0 - k * entropy);
    }
    Eigen::VectorXd weights = shares_of(divergence, method,
                                        Message("every column spreads its total evenly over the units"_en, "每列的总和都平均分布在各评价对象上"_zh));
    report_constant(std::move(constant), constant_columns);
    return weights;
}

Eigen::VectorXd critic_weights(MatrixView x, const Benefit& benefit, ObjectiveNormalization normalization,
                               ConstantColumns* constant_columns) {
    const Message method("CRITIC weights"_en, "CRITIC 权重法"_zh);
    const ColumnFigures figures = moments_of_columns(x, benefit, normalization, method);
    ConstantColumns constant = constant_columns_of(figures.low, figures.high, method);
    if (x.cols() - static_cast<std::ptrdiff_t>(constant.size()) < 2)
        throw ValidationError("x", Message("{0} column(s) that vary; CRITIC weights measure conflict between criteria and need at least 2"_en,
                                           "只有 {0} 列有变化；CRITIC 权重法衡量评价指标之间的冲突性，至少需要 2 列"_zh,
                                           {std::to_string(x.cols() - static_cast<std::ptrdiff_t>(constant.size()))}));
    if (!constant.empty()) {
        // A constant column's correlations are 0/0: CRITIC is that of the columns that vary, and
        // the constant ones get 0 (their sigma is 0 whatever their correlations would be).
        std::vector<std::ptrdiff_t> kept;
        for (std::ptrdiff_t c = 0, next = 0; c < x.cols(); ++c) {
            if (next < static_cast<std::ptrdiff_t>(constant.size()) && constant[static_cast<std::size_t>(next)] == c) ++next;
            else kept.push_back(c);
        }
        Eigen::MatrixXd varying(x.rows(), static_cast<Eigen::Index>(kept.size()));
        Benefit kept_benefit;
        for (std::size_t k = 0; k < kept.size(); ++k) {
            for (std::ptrdiff_t r = 0; r < x.rows(); ++r) varying(r, static_cast<Eigen::Index>(k)) = x(r, kept[k]);
            kept_benefit.push_back(is_benefit(benefit, kept[k]));
        }
        const Eigen::VectorXd part = critic_weights(varying, kept_benefit, normalization);
        Eigen::VectorXd weights = Eigen::VectorXd::Zero(x.cols());
        for (std::size_t k = 0; k < kept.size(); ++k) weights[kept[k]] = part[static_cast<Eigen::Index>(k)];
        report_constant(std::move(constant), constant_columns);
        return weights;
    }
    // sum_k r_jk without the n x n correlation matrix: with c the centred y and u_ij = c_ij * a_j
    // the standardised normalised values (a_j = +-1 / sigma_y, negative for a flipped cost
    // column), sum_k r_jk = sum_i u_ij s_i / (m - 1) where s_i = sum_k u_ik. O(m n), not O(m n^2).
    const auto cols = static_cast<std::size_t>(x.cols());
    const double rows = static_cast<double>(x.rows());
    std::vector<double> standardise(cols), products(cols, 0.0), centred(4 * cols);  // centred y of up to 4 rows
    for (std::size_t c = 0; c < cols; ++c) {
        const bool flip = normalization == ObjectiveNormalization::min_max && !is_benefit(benefit, static_cast<std::ptrdiff_t>(c));
        standardise[c] = (flip ? -1.0 : 1.0) / std::sqrt(figures.squares[c] / (rows - 1));
    }
    RowBlocks blocks(x);
    with_scaling(figures.scale, [&](auto scaled) {
        constexpr bool Scaled = decltype(scaled)::value;
        detail::run_simd([&] {
            blocks.for_each_row([&](const double* row, std::ptrdiff_t stride, auto group) {
                constexpr int in_group = decltype(group)::value;
                double sums[in_group];
                for (int k = 0; k < in_group; ++k)
                    sums[k] = centre_and_standardise<Scaled>(row + k * stride, x.cols(), figures.shift.data(), figures.scale.data(),
                                                             figures.mean.data(), standardise.data(), centred.data() + k * x.cols());
                add_multiples<in_group>(centred.data(), x.cols(), sums, products.data());
            });
        });
    });
    // Perfectly correlated columns have every conflict 0 (one column's conflict is 0 only when all
    // are); the row sums carry rounding of about (m + n) n eps, so conflicts within that are 0.
    const auto n = static_cast<double>(cols);
    const double rounding = 4.0 * std::numeric_limits<double>::epsilon() * (rows + n) * n;
    const Eigen::VectorXd sigma = normalised_std(figures, x.rows(), normalization);
    Eigen::VectorXd conflict(x.cols());
    for (std::size_t c = 0; c < cols; ++c) conflict[static_cast<Eigen::Index>(c)] = n - standardise[c] * products[c] / (rows - 1);
    if (conflict.maxCoeff() <= rounding) conflict.setZero();
    const Eigen::VectorXd information = sigma.cwiseProduct(conflict);
    Eigen::VectorXd weights = shares_of(
        information, method,
        Message("the columns are perfectly correlated, so there is no conflict to weigh"_en, "各列完全相关，没有可衡量的冲突性"_zh));
    report_constant(std::move(constant), constant_columns);
    return weights;
}

Eigen::VectorXd std_weights(MatrixView x, const Benefit& benefit, ObjectiveNormalization normalization,
                            ConstantColumns* constant_columns) {
    const Message method("standard-deviation weights"_en, "标准差权重法"_zh);
    const ColumnFigures figures = moments_of_columns(x, benefit, normalization, method);
    ConstantColumns constant = constant_columns_of(figures.low, figures.high, method);
    Eigen::VectorXd weights =
        shares_of(normalised_std(figures, x.rows(), normalization), method, Message("no column varies"_en, "没有一列有变化"_zh));
    report_constant(std::move(constant), constant_columns);
    return weights;
}

namespace {

// Least and greatest value of each column, after checking the shape and that every value is
// finite and (`positive`) > 0 or (not `positive`) >= 0; cells are checked column by column, so the
// first bad one named is the same whatever the layout. `why` says what needs the sign.
ColumnFigures ranges_of_positive(const MatrixView& x, const Benefit& benefit, const Message& method, bool positive,
                                 const Message& why) {
    check_shape(x, benefit, method);
    ColumnFigures figures(x.cols());
    std::fill(figures.low.begin(), figures.low.end(), std::numeric_limits<double>::infinity());
    std::fill(figures.high.begin(), figures.high.end(), -std::numeric_limits<double>::infinity());
    std::vector<double> probe(static_cast<std::size_t>(x.cols()), 0.0);
    std::fill(figures.shift.begin(), figures.shift.end(), 0.0);
    std::fill(figures.scale.begin(), figures.scale.end(), 1.0);
    RowBlocks blocks(x);
    detail::run_simd([&] {
        blocks.for_each_row([&](const double* row, std::ptrdiff_t stride, auto rows) {
            widen_ranges_and_sum<decltype(rows)::value, false>(row, stride, x.cols(), figures.shift.data(), figures.scale.data(),
                                                               figures.low.data(), figures.high.data(), probe.data());
        });
    });
    bool fine = true;
    for (std::size_t c = 0; c < probe.size(); ++c)
        fine = fine && !std::isnan(probe[c]) && std::isfinite(figures.low[c]) && std::isfinite(figures.high[c]) &&
               (positive ? figures.low[c] > 0 : figures.low[c] >= 0);
    if (fine) return figures;
    for (std::ptrdiff_t c = 0; c < x.cols(); ++c) {
        for (std::ptrdiff_t r = 0; r < x.rows(); ++r) {
            const double value = x(r, c);
            if (!std::isfinite(value))
                throw ValidationError(cell_path(r, c), Message("{0}; expected a finite number"_en, "{0}；应为有限数"_zh, {format_number(value)}));
            if (positive ? !(value > 0) : !(value >= 0))
                throw ValidationError(cell_path(r, c),
                                      Message("{0}; {1} need values {2} ({3})"_en, "{0}；{1}要求取值 {2}（{3}）"_zh,
                                              {format_number(value), method, positive ? "> 0" : ">= 0", why}));
        }
    }
    return figures;  // not reached: some cell was bad
}

}  // namespace

Eigen::VectorXd merec_weights(MatrixView x, const Benefit& benefit, ConstantColumns* constant_columns) {
    const Message method("MEREC weights"_en, "MEREC 权重法"_zh);
    const ColumnFigures figures = ranges_of_positive(
        x, benefit, method, true, Message("their logarithms measure each unit's performance"_en, "以对数衡量各评价对象的表现"_zh));
    ConstantColumns constant = constant_columns_of(figures.low, figures.high, method);
    // |ln n_ij| = ln x_ij - ln min_j (benefit: n = min / x) or ln max_j - ln x_ij (cost: n = x / max),
    // and S_i - S'_ij = ln((n + T_i) / (n + T_i - L_ij)) = log1p(L_ij / (n + T_i - L_ij)) with
    // T_i = sum_j L_ij: one logarithm a cell for each, and no difference of two close logarithms.
    const std::ptrdiff_t rows = x.rows(), cols = x.cols();
    const auto n = static_cast<double>(cols);
    std::vector<double> anchor(static_cast<std::size_t>(cols)), sign(static_cast<std::size_t>(cols));
    for (std::ptrdiff_t c = 0; c < cols; ++c) {
        const auto k = static_cast<std::size_t>(c);
        const bool up = is_benefit(benefit, c);
        anchor[k] = std::log(up ? figures.low[k] : figures.high[k]);
        sign[k] = up ? 1.0 : -1.0;
    }
    Eigen::VectorXd effect = Eigen::VectorXd::Zero(cols);
    std::vector<double> losses(static_cast<std::size_t>(cols));
    for (std::ptrdiff_t r = 0; r < rows; ++r) {
        double total = 0.0;
        for (std::ptrdiff_t c = 0; c < cols; ++c) {
            const auto k = static_cast<std::size_t>(c);
            const double loss = std::max(0.0, sign[k] * (std::log(x(r, c)) - anchor[k]));
            losses[k] = loss;
            total += loss;
        }
        for (std::ptrdiff_t c = 0; c < cols; ++c) {
            const double loss = losses[static_cast<std::size_t>(c)];
            effect[c] += std::log1p(loss / (n + total - loss));
        }
    }
    for (const std::ptrdiff_t c : constant) effect[c] = 0.0;  // ln(x / x) rounds to 0 already; exactly 0 here
    Eigen::VectorXd weights =
        shares_of(effect, method, Message("no criterion's removal changes any unit's performance"_en, "删去任何评价指标都不改变各评价对象的表现"_zh));
    report_constant(std::move(constant), constant_columns);
    return weights;
}

Eigen::VectorXd gini_weights(MatrixView x, const Benefit& benefit, ObjectiveNormalization normalization,
                             ConstantColumns* constant_columns) {
    const Message method("Gini weights"_en, "基尼系数权重法"_zh);
    const bool as_given = normalization == ObjectiveNormalization::none;
    ColumnFigures figures = as_given ? ranges_of_positive(x, benefit, method, false,
                                                          Message("the Gini coefficient of values as given measures shares of their total"_en,
                                                                  "原值的基尼系数以占总和的比例衡量差异"_zh))
                                     : moments_of_columns(x, benefit, normalization, method);
    if (as_given) {
        for (std::ptrdiff_t c = 0; c < x.cols(); ++c)
            if (!is_benefit(benefit, c)) throw_first_column_problem(x, benefit, normalization, method);
    }
    ConstantColumns constant = constant_columns_of(figures.low, figures.high, method);
    // G = sum_i sum_k |z_i - z_k| / (2 m^2 mean z). The double sum is 2 sum_i (2i - m + 1) y_(i) over
    // the sorted column (0-based), unchanged by a shift, so it is taken of y = x - min (exact
    // differences for columns far from 0); min_max divides both sums by the span, which cancels:
    // G = D / (2 m^2 (mean x - min)) for a benefit column, D / (2 m^2 (max - mean x)) for a cost one.
    const std::ptrdiff_t rows = x.rows();
    const auto m = static_cast<double>(rows);
    Eigen::VectorXd gini = Eigen::VectorXd::Zero(x.cols());
    std::vector<double> sorted(static_cast<std::size_t>(rows));
    for (std::ptrdiff_t c = 0; c < x.cols(); ++c) {
        const auto k = static_cast<std::size_t>(c);
        if (figures.low[k] == figures.high[k]) continue;
        for (std::ptrdiff_t r = 0; r < rows; ++r) sorted[static_cast<std::size_t>(r)] = x(r, c) - figures.low[k];
        std::sort(sorted.begin(), sorted.end());
        double differences = 0.0, total = 0.0;
        for (std::ptrdiff_t r = 0; r < rows; ++r) {
            const double y = sorted[static_cast<std::size_t>(r)];
            differences += (2.0 * static_cast<double>(r) - m + 1.0) * y;
            total += y;
        }
        double level = total;  // m (mean x - min)
        if (as_given) level = total + m * figures.low[k];                       // m mean x
        else if (!is_benefit(benefit, c)) level = m * (figures.high[k] - figures.low[k]) - total;  // m (max - mean x)
        gini[c] = differences / (m * level);  // 2 D' / (2 m^2 mean), D' = the half sum above
    }
    Eigen::VectorXd weights = shares_of(gini, method, Message("no column varies"_en, "没有一列有变化"_zh));
    report_constant(std::move(constant), constant_columns);
    return weights;
}

namespace {

// CILOS weights of x (checked: finite, > 0) with `constant` its constant columns.
Eigen::VectorXd cilos_of_checked(const MatrixView& x, const Benefit& benefit, const ColumnFigures& figures,
                                 const ConstantColumns& constant, const Message& method) {
    // y = x (benefit) or min / x (cost), each column's best max_j y at the first unit reaching it.
    // Sum normalisation cancels in p_kj = (a_jj - a_kj) / a_jj = 1 - y(best_k, j) / max_j y.
    std::vector<std::ptrdiff_t> kept;
    for (std::ptrdiff_t c = 0, next = 0; c < x.cols(); ++c) {
        if (next < static_cast<std::ptrdiff_t>(constant.size()) && constant[static_cast<std::size_t>(next)] == c) ++next;
        else kept.push_back(c);
    }
    const auto n = static_cast<Eigen::Index>(kept.size());
    Eigen::VectorXd weights = Eigen::VectorXd::Zero(x.cols());
    if (n == 1) {
        weights[kept.front()] = 1.0;
        return weights;
    }
    std::vector<std::ptrdiff_t> best(kept.size(), 0);
    for (std::size_t k = 0; k < kept.size(); ++k) {
        const std::ptrdiff_t c = kept[k];
        const double target = is_benefit(benefit, c) ? figures.high[static_cast<std::size_t>(c)] : figures.low[static_cast<std::size_t>(c)];
        std::ptrdiff_t r = 0;
        while (x(r, c) != target) ++r;
        best[k] = r;
    }
    // y(best_k, j) / max_j y: x / max (benefit), or (min / x) / 1 = min / x (cost).
    Eigen::MatrixXd f(n, n);
    for (Eigen::Index k = 0; k < n; ++k) {
        for (Eigen::Index j = 0; j < n; ++j) {
            const std::ptrdiff_t c = kept[static_cast<std::size_t>(j)];
            const double value = x(best[static_cast<std::size_t>(k)], c);
            const double share = is_benefit(benefit, c) ? value / figures.high[static_cast<std::size_t>(c)]
                                                        : figures.low[static_cast<std::size_t>(c)] / value;
            f(k, j) = k == j ? 0.0 : 1.0 - share;
        }
    }
    // F = P - diag(column sums of P): its columns sum to 0, so one row is redundant; replaced by
    // sum q = 1, the system has one solution exactly when F has rank n - 1.
    const Eigen::RowVectorXd lost = f.colwise().sum();
    for (Eigen::Index j = 0; j < n; ++j) f(j, j) = -lost[j];
    f.row(n - 1).setOnes();
    Eigen::VectorXd rhs = Eigen::VectorXd::Zero(n);
    rhs[n - 1] = 1.0;
    // Partial pivoting (blocked, several times faster than full pivoting at 200 criteria); a
    // reciprocal condition number at rounding level is a singular system.
    const Eigen::PartialPivLU<Eigen::MatrixXd> lu(f);
    const Eigen::VectorXd solution = lu.solve(rhs);
    if (!(lu.rcond() > 1e-12) || !solution.allFinite())
        throw ValidationError("x", Message("{0}: the impact losses do not determine one set of weights (as when a unit is best on every "
                                           "criterion, so that choosing it loses nothing); use another method"_en,
                                           "{0}: 影响损失不能确定唯一的一组权重（例如某评价对象在所有评价指标上都最好，选它没有任何损失）；请改用其他方法"_zh,
                                           {method}));
    const Eigen::VectorXd q = solution.cwiseMax(0.0);  // rounding can leave -1e-17 where the exact value is 0
    const double total = q.sum();
    for (Eigen::Index j = 0; j < n; ++j) weights[kept[static_cast<std::size_t>(j)]] = q[j] / total;
    return weights;
}

const Message& cilos_sign_reason() {
    static const Message why("cost columns become min / x"_en, "成本型列取 min / x"_zh);
    return why;
}

}  // namespace

Eigen::VectorXd cilos_weights(MatrixView x, const Benefit& benefit, ConstantColumns* constant_columns) {
    const Message method("CILOS weights"_en, "CILOS 权重法"_zh);
    const ColumnFigures figures = ranges_of_positive(x, benefit, method, true, cilos_sign_reason());
    ConstantColumns constant = constant_columns_of(figures.low, figures.high, method);
    Eigen::VectorXd weights = cilos_of_checked(x, benefit, figures, constant, method);
    report_constant(std::move(constant), constant_columns);
    return weights;
}

Eigen::VectorXd idocriw_weights(MatrixView x, const Benefit& benefit, ConstantColumns* constant_columns) {
    const Message method("IDOCRIW weights"_en, "IDOCRIW 权重法"_zh);
    const ColumnFigures figures = ranges_of_positive(x, benefit, method, true, cilos_sign_reason());
    ConstantColumns constant = constant_columns_of(figures.low, figures.high, method);
    const Eigen::VectorXd q = cilos_of_checked(x, benefit, figures, constant, method);
    const Eigen::VectorXd e = entropy_weights(x, {}, ObjectiveNormalization::none);  // shares of the values as given, as the paper
    Eigen::VectorXd weights = shares_of(q.cwiseProduct(e), method,
                                        Message("no criterion has weight in both entropy and CILOS"_en, "没有评价指标在熵权法和 CILOS 中同时有权重"_zh));
    report_constant(std::move(constant), constant_columns);
    return weights;
}

namespace {

void check_same_size(const Eigen::VectorXd& subjective, const Eigen::VectorXd& objective) {
    if (subjective.size() != objective.size())
        throw ValidationError("objective", Message("{0} weights but subjective has {1}; expected one per criterion in both"_en,
                                                   "有 {0} 个权重，而 subjective 有 {1} 个；两者都应每个评价指标一个权重"_zh,
                                                   {std::to_string(objective.size()), std::to_string(subjective.size())}));
}

}  // namespace

Eigen::VectorXd combine_weights_linear(const Eigen::VectorXd& subjective, const Eigen::VectorXd& objective, double alpha) {
    const Eigen::VectorXd s = checked_weights(subjective, "subjective");
    const Eigen::VectorXd o = checked_weights(objective, "objective");
    check_same_size(s, o);
    if (!(alpha >= 0 && alpha <= 1))
        throw ValidationError("alpha", Message("{0}; expected the share of the subjective weights, in [0, 1]"_en,
                                               "{0}；应为主观权重所占比例，在 [0, 1] 内"_zh, {format_number(alpha)}));
    return alpha * s + (1.0 - alpha) * o;
}

Eigen::VectorXd combine_weights_multiplicative(const Eigen::VectorXd& subjective, const Eigen::VectorXd& objective) {
    const Eigen::VectorXd s = checked_weights(subjective, "subjective");
    const Eigen::VectorXd o = checked_weights(objective, "objective");
    check_same_size(s, o);
    const Eigen::VectorXd product = s.cwiseProduct(o);
    const double total = product.sum();
    if (!(total > 0))
        throw ValidationError("objective", Message("no criterion has weight in both subjective and objective; the multiplicative "
                                                   "combination would be 0/0"_en,
                                                   "没有评价指标在 subjective 和 objective 中同时有权重；乘法合成将为 0/0"_zh));
    return product / total;
}

}  // namespace civitas
