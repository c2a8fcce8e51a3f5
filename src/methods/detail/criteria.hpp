#pragma once
// What every ranking method does with its units x criteria matrix before scoring: check the
// shapes and the weights, read it a row at a time, gather each column's range, and name a bad
// cell or column in the error. Shared by ranking.cpp, aggregation.cpp and promethee.cpp.

#include <civitas/core/error.hpp>
#include <civitas/core/matrix.hpp>

#include "core/detail/number_format.hpp"
#include "methods/detail/checks.hpp"

#include <Eigen/Core>

#include <cmath>
#include <cstddef>
#include <limits>
#include <string>

namespace civitas::detail {

using Array = Eigen::ArrayXd;
using RowArray = Eigen::Array<double, 1, Eigen::Dynamic>;
using ConstRow = Eigen::Map<const RowArray>;

/// A rankings' weights may miss 1 by this much (rounding of printed weights); more is a mistake.
inline constexpr double ranking_weight_tolerance = 1e-6;

/// A value as the rankings' messages show it: 12 significant digits.
inline std::string format_value(double value) { return format_significant(value, 12); }

/// "x[row, col]", one cell of x.
inline std::string cell_path(std::ptrdiff_t row, std::ptrdiff_t col) {
    return "x[" + std::to_string(row) + ", " + std::to_string(col) + "]";
}

/// "x[:, col]", one column of x.
inline std::string column_path(std::ptrdiff_t col) { return "x[:, " + std::to_string(col) + "]"; }

/// True when criterion j is a benefit (higher is better); an empty `benefit` means all are.
inline bool is_benefit(const Benefit& benefit, std::ptrdiff_t j) {
    return benefit.empty() || benefit[static_cast<std::size_t>(j)];
}

/// Calls f(i, row) for every row as a contiguous 1 x n array (strided rows are copied first).
template <class F>
void for_each_row(const MatrixView& x, F&& f) {
    const std::ptrdiff_t n = x.cols();
    if (x.col_stride() == 1) {
        for (std::ptrdiff_t i = 0; i < x.rows(); ++i) f(i, ConstRow(x.row(i), n));
        return;
    }
    RowArray buffer(n);
    for (std::ptrdiff_t i = 0; i < x.rows(); ++i) {
        for (std::ptrdiff_t j = 0; j < n; ++j) buffer[j] = x(i, j);
        f(i, ConstRow(buffer.data(), n));
    }
}

/// ValidationError unless x has a unit and a criterion, `weights` one entry per criterion and
/// `benefit` none or one flag per criterion.
inline void check_shape(const MatrixView& x, std::ptrdiff_t weights, const Benefit& benefit) {
    if (x.rows() < 1 || x.cols() < 1)
        throw ValidationError("x", Message("the matrix is {0} x {1}; expected at least one unit (row) and one criterion (column)"_en,
                                           "矩阵为 {0} x {1}；应至少有一个评价对象（行）和一个评价指标（列）"_zh,
                                           {std::to_string(x.rows()), std::to_string(x.cols())}));
    if (weights != x.cols())
        throw ValidationError("weights", Message("{0} weights for {1} criteria (columns of x); expected one per criterion"_en,
                                                 "{0} 个权重对应 {1} 个评价指标（x 的列）；应每个评价指标一个权重"_zh,
                                                 {std::to_string(weights), std::to_string(x.cols())}));
    check_benefit(benefit, x.cols());
}

/// A ranking's weights: finite, >= 0, summing to 1 within ranking_weight_tolerance. `path` names
/// the vector ("weights", "weights[3]").
template <class Vector>
void check_weights(const Vector& w, const std::string& path) {
    double sum = 0.0;
    for (Eigen::Index j = 0; j < w.size(); ++j) {
        if (!std::isfinite(w[j]))
            throw ValidationError(path + "[" + std::to_string(j) + "]",
                                  Message("value {0}; expected a finite weight"_en, "取值 {0}；应为有限的权重"_zh, {format_value(w[j])}));
        if (w[j] < 0.0)
            throw ValidationError(path + "[" + std::to_string(j) + "]",
                                  Message("value {0}; expected a weight >= 0"_en, "取值 {0}；应为 >= 0 的权重"_zh, {format_value(w[j])}));
        sum += w[j];
    }
    if (std::abs(sum - 1.0) > ranking_weight_tolerance)
        throw ValidationError(path, Message("the weights sum to {0}; expected 1 (within 1e-6): divide them by their sum first"_en,
                                            "权重之和为 {0}；应为 1（误差不超过 1e-6）: 请先将各权重除以其和"_zh, {format_value(sum)}));
}

/// A column's spread (max - min, either sign) as the methods count it: one below the smallest
/// normal double (2.2e-308) is rounding, not variation, and counts as 0, so that the column is
/// constant; its reciprocal, which the kernels multiply by, would overflow to infinity.
inline double spread(double span) noexcept { return std::abs(span) < std::numeric_limits<double>::min() ? 0.0 : span; }

/// Minimum, maximum and sum of squares of each column.
struct ColumnStats {
    Array min, max, sum_squares;
};

/// One pass over x (vectorised on the SIMD path). A NaN or infinity throws, naming the first such
/// cell (in row order); with `need_squares`, so does a column whose sum of squares overflows.
ColumnStats column_stats(const MatrixView& x, bool need_squares);

/// ValidationError: no criterion with a positive weight varies, so `method` cannot tell the units apart.
[[noreturn]] void throw_indistinct(const char* method);

}  // namespace civitas::detail
