#pragma once
/// Matrices of units by columns as the numerical code reads them: numpy's row-major layout, the
/// one read-only view every function that takes a matrix (evaluation, weights, rankings) takes,
/// and the criteria's directions.

#include <civitas/export.hpp>

#include <Eigen/Core>

#include <cstddef>
#include <memory>
#include <type_traits>
#include <vector>

namespace civitas {

/// Row-major matrix type (numpy's default layout).
using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// A read-only units-by-columns matrix of doubles (units by rows). Any Eigen matrix, map, Ref or
/// block of doubles with direct access is read in place, in either layout; any other expression
/// is evaluated once into storage the view keeps; raw memory is read with any strides.
class CIVITAS_CORE_EXPORT MatrixView {
public:
    /// An empty 0 x 0 view.
    MatrixView() noexcept = default;

    /// A view of raw memory: element (r, c) is data[r * row_stride + c * col_stride] (strides in elements).
    MatrixView(const double* data, std::ptrdiff_t rows, std::ptrdiff_t cols, std::ptrdiff_t row_stride,
               std::ptrdiff_t col_stride) noexcept
        : data_(data), rows_(rows), cols_(cols), row_stride_(row_stride), col_stride_(col_stride) {}

    /// A view of any Eigen expression; implicit, so Eigen matrices pass straight to the functions that take a view.
    template <class Derived>
    MatrixView(const Eigen::DenseBase<Derived>& matrix) {  // NOLINT(google-explicit-constructor)
        if constexpr ((Derived::Flags & Eigen::DirectAccessBit) != 0 &&
                      std::is_same_v<typename Derived::Scalar, double>) {
            set(matrix.derived());
        } else {
            owned_ = std::make_shared<const Eigen::MatrixXd>(matrix.derived().template cast<double>());
            set(*owned_);
        }
    }

    /// Units (rows).
    [[nodiscard]] std::ptrdiff_t rows() const noexcept { return rows_; }
    /// Columns.
    [[nodiscard]] std::ptrdiff_t cols() const noexcept { return cols_; }
    /// Element (r, c).
    [[nodiscard]] double operator()(std::ptrdiff_t r, std::ptrdiff_t c) const noexcept {
        return data_[r * row_stride_ + c * col_stride_];
    }
    /// Element (0, 0); null for an empty view of raw memory.
    [[nodiscard]] const double* data() const noexcept { return data_; }
    /// Element (r, 0); row r holds cols() values col_stride() apart.
    [[nodiscard]] const double* row(std::ptrdiff_t r) const noexcept { return data_ + r * row_stride_; }
    /// Elements from one row to the next within a column.
    [[nodiscard]] std::ptrdiff_t row_stride() const noexcept { return row_stride_; }
    /// Elements from one column to the next within a row (1 for row-major data).
    [[nodiscard]] std::ptrdiff_t col_stride() const noexcept { return col_stride_; }

private:
    template <class M>
    void set(const M& m) noexcept {
        data_ = m.data();
        rows_ = m.rows();
        cols_ = m.cols();
        const std::ptrdiff_t inner = m.innerStride(), outer = m.outerStride();
        row_stride_ = M::IsRowMajor ? outer : inner;
        col_stride_ = M::IsRowMajor ? inner : outer;
    }

    const double* data_ = nullptr;
    std::ptrdiff_t rows_ = 0, cols_ = 0, row_stride_ = 0, col_stride_ = 0;
    std::shared_ptr<const Eigen::MatrixXd> owned_;  ///< the evaluated expression, when there was no direct access
};

/// Criterion directions: true where higher is better (benefit), false where lower is (cost).
/// Empty means every criterion is a benefit.
using Benefit = std::vector<bool>;

}  // namespace civitas
