// Objective weights from data (entropy, CRITIC, standard deviation) and subjective and objective
// weights combined. Formulas and sources: docs/methods.md, section "Weights".

#include <civitas/error.hpp>
#include <civitas/weights.hpp>

#include "detail/number_format.hpp"
#include "detail/weight_checks.hpp"

#include <algorithm>
#include <cmath>
#include <string>
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

// The columns of `x` on one scale, oriented so that higher is better: the matrix every method
// measures. `method` names the method in messages ("entropy weights").
Eigen::MatrixXd normalised_columns(const MatrixView& x, const std::vector<bool>& benefit,
                                   ObjectiveNormalization normalization, const std::string& method) {
    if (x.rows < 2)
        throw ValidationError("x", std::to_string(x.rows) + " rows; " + method + " need at least 2 units (rows)");
    if (x.cols < 1) throw ValidationError("x", "no columns; expected one per criterion");
    if (!benefit.empty() && static_cast<std::ptrdiff_t>(benefit.size()) != x.cols)
        throw ValidationError("benefit", std::to_string(benefit.size()) + " flags for " + std::to_string(x.cols) +
                                             " columns; expected one per column (true: higher is better)");
    Eigen::MatrixXd z(x.rows, x.cols);
    for (std::ptrdiff_t c = 0; c < x.cols; ++c) {
        const bool higher_is_better = benefit.empty() || benefit[static_cast<std::size_t>(c)];
        if (normalization == ObjectiveNormalization::none && !higher_is_better)
            throw ValidationError(element_path("benefit", c),
                                  "false, but normalization 'none' uses the values as given: orient cost columns "
                                  "yourself or use 'min_max', which flips them");
        double low = x(0, c), high = x(0, c);
        for (std::ptrdiff_t r = 0; r < x.rows; ++r) {
            const double value = x(r, c);
            if (!std::isfinite(value)) throw ValidationError(cell_path(r, c), format_number(value) + "; expected a finite number");
            low = std::min(low, value);
            high = std::max(high, value);
            z(r, c) = value;
        }
        if (!std::isfinite(high - low))
            throw ValidationError(column_path(c), "column " + std::to_string(c) + " spans " + format_number(low) + " to " +
                                                      format_number(high) + ", more than double precision holds; rescale it");
        if (high == low)
            throw ValidationError(column_path(c), "column " + std::to_string(c) + " does not vary (every value is " +
                                                      format_number(low) + "): it carries no information for " +
                                                      method + "; leave it out or weight it by hand");
        if (normalization == ObjectiveNormalization::min_max) {
            if (higher_is_better)
                z.col(c) = (z.col(c).array() - low) / (high - low);
            else
                z.col(c) = (high - z.col(c).array()) / (high - low);
        }
    }
    return z;
}

// Sample standard deviation of each column (the divisor cancels in every weight).
Eigen::VectorXd column_std(const Eigen::MatrixXd& z) {
    const Eigen::MatrixXd centred = z.rowwise() - z.colwise().mean();
    return (centred.colwise().squaredNorm() / static_cast<double>(z.rows() - 1)).array().sqrt().transpose();
}

// `scores` / sum(scores); an error naming `method` when they are all zero or overflowed, so no
// NaN ever reaches a result.
Eigen::VectorXd shares_of(Eigen::VectorXd scores, const std::string& method, const std::string& why_zero) {
    if (!scores.allFinite())
        throw ValidationError("x", method + ": the values are too large to compute with in double precision; rescale them");
    scores = scores.cwiseMax(0.0);  // rounding can leave -1e-17 where the exact value is 0
    const double total = scores.sum();
    if (!(total > 0)) throw ValidationError("x", method + ": " + why_zero);
    return scores / total;
}

}  // namespace

Eigen::VectorXd entropy_weights(MatrixView x, const std::vector<bool>& benefit, ObjectiveNormalization normalization) {
    const Eigen::MatrixXd z = normalised_columns(x, benefit, normalization, "entropy weights");
    if (normalization == ObjectiveNormalization::none) {
        for (Eigen::Index c = 0; c < z.cols(); ++c)
            for (Eigen::Index r = 0; r < z.rows(); ++r)
                if (z(r, c) < 0)
                    throw ValidationError(cell_path(r, c), format_number(z(r, c)) +
                                                               "; entropy weights on values as given need values >= 0 "
                                                               "(shares of the column total)");
    }
    const double k = 1.0 / std::log(static_cast<double>(z.rows()));
    Eigen::VectorXd divergence(z.cols());
    for (Eigen::Index c = 0; c < z.cols(); ++c) {
        const double total = z.col(c).sum();  // > 0: the column varies and is >= 0
        if (!std::isfinite(total))
            throw ValidationError(column_path(c), "column " + std::to_string(c) +
                                                      " sums to more than double precision holds; rescale it");
        double entropy = 0.0;
        for (Eigen::Index r = 0; r < z.rows(); ++r) {
            const double p = z(r, c) / total;
            if (p > 0) entropy -= p * std::log(p);  // 0 ln 0 = 0
        }
        divergence[c] = std::max(0.0, 1.0 - k * entropy);
    }
    return shares_of(divergence, "entropy weights", "every column spreads its total evenly over the units");
}

Eigen::VectorXd critic_weights(MatrixView x, const std::vector<bool>& benefit, ObjectiveNormalization normalization) {
    const Eigen::MatrixXd z = normalised_columns(x, benefit, normalization, "CRITIC weights");
    if (z.cols() < 2)
        throw ValidationError("x", "1 column; CRITIC weights measure conflict between criteria and need at least 2");
    const Eigen::VectorXd sigma = column_std(z);
    const Eigen::MatrixXd centred = z.rowwise() - z.colwise().mean();
    const Eigen::MatrixXd covariance = centred.transpose() * centred / static_cast<double>(z.rows() - 1);
    const Eigen::MatrixXd correlation = covariance.array() / (sigma * sigma.transpose()).array();
    const Eigen::VectorXd conflict = (1.0 - correlation.array()).matrix().rowwise().sum();
    const Eigen::VectorXd information = sigma.cwiseProduct(conflict);
    return shares_of(information, "CRITIC weights", "the columns are perfectly correlated, so there is no conflict to weigh");
}

Eigen::VectorXd std_weights(MatrixView x, const std::vector<bool>& benefit, ObjectiveNormalization normalization) {
    const Eigen::MatrixXd z = normalised_columns(x, benefit, normalization, "standard-deviation weights");
    return shares_of(column_std(z), "standard-deviation weights", "no column varies");
}

namespace {

void check_same_size(const Eigen::VectorXd& subjective, const Eigen::VectorXd& objective) {
    if (subjective.size() != objective.size())
        throw ValidationError("objective", std::to_string(objective.size()) + " weights but subjective has " +
                                               std::to_string(subjective.size()) + "; expected one per criterion in both");
}

}  // namespace

Eigen::VectorXd combine_weights_linear(const Eigen::VectorXd& subjective, const Eigen::VectorXd& objective, double alpha) {
    const Eigen::VectorXd s = checked_weights(subjective, "subjective");
    const Eigen::VectorXd o = checked_weights(objective, "objective");
    check_same_size(s, o);
    if (!(alpha >= 0 && alpha <= 1))
        throw ValidationError("alpha", format_number(alpha) + "; expected the share of the subjective weights, in [0, 1]");
    return alpha * s + (1.0 - alpha) * o;
}

Eigen::VectorXd combine_weights_multiplicative(const Eigen::VectorXd& subjective, const Eigen::VectorXd& objective) {
    const Eigen::VectorXd s = checked_weights(subjective, "subjective");
    const Eigen::VectorXd o = checked_weights(objective, "objective");
    check_same_size(s, o);
    const Eigen::VectorXd product = s.cwiseProduct(o);
    const double total = product.sum();
    if (!(total > 0))
        throw ValidationError("objective", "no criterion has weight in both subjective and objective; "
                                           "the multiplicative combination would be 0/0");
    return product / total;
}

}  // namespace civitas
