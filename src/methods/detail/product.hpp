#pragma once
// The matrix product of the Monte Carlo rankings (TOPSIS separations, weighted sums, VIKOR's S for
// many weight vectors at once), with a kernel for each SIMD path.

#include <Eigen/Core>

namespace civitas::detail {

/// out = a * b^T (units x draws), b holding one weight vector per row (draws x criteria), each
/// weight squared first when `square_b`. On the AVX2 and AVX-512 paths a blocked loop kernel with
/// FMA (the same bits on both), on the baseline path Eigen's product: the two agree to rounding (a
/// relative 1e-13 for weights summing to 1), and each is the same run to run, whatever the number
/// of threads.
void multiply_by_rows(const Eigen::MatrixXd& a, const Eigen::Ref<const Eigen::MatrixXd>& b, bool square_b,
                      Eigen::MatrixXd& out);

}  // namespace civitas::detail
