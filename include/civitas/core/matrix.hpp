#pragma once
/// Matrices of units by columns as the numerical code reads them: numpy's row-major layout and
/// a strided read-only view of any layout, shared by evaluation, weights and rankings.

#include <civitas/export.hpp>

#include <Eigen/Core>

#include <cstddef>

namespace civitas {

/// Row-major matrix type (numpy's default layout).
using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// A read-only view of a units-by-columns matrix of doubles with any strides (in elements),
/// so Eigen matrices of either layout and numpy arrays are read without copies.
struct CIVITAS_CORE_EXPORT MatrixView {
    const double* data = nullptr;   ///< element (0, 0)
    std::ptrdiff_t rows = 0;        ///< units
    std::ptrdiff_t cols = 0;        ///< columns
    std::ptrdiff_t row_stride = 0;  ///< elements from one row to the next
    std::ptrdiff_t col_stride = 0;  ///< elements from one column to the next

    /// Element (r, c).
    [[nodiscard]] double operator()(std::ptrdiff_t r, std::ptrdiff_t c) const noexcept {
        return data[r * row_stride + c * col_stride];
    }
    /// A view of any Eigen expression with direct access (Matrix, Map, Ref, blocks).
    template <class Derived>
    [[nodiscard]] static MatrixView of(const Eigen::DenseBase<Derived>& matrix) noexcept {
        const Derived& m = matrix.derived();
        const std::ptrdiff_t inner = m.innerStride(), outer = m.outerStride();
        return Derived::IsRowMajor ? MatrixView{m.data(), m.rows(), m.cols(), outer, inner}
                                   : MatrixView{m.data(), m.rows(), m.cols(), inner, outer};
    }
};

}  // namespace civitas
