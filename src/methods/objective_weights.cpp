// Objective weights from data (entropy, CRITIC, standard deviation) and subjective and objective
// weights combined. Formulas and sources: docs/methods.md, section "Weights".

#include <civitas/core/error.hpp>
#include <civitas/methods/weights.hpp>

#include "core/detail/number_format.hpp"
#include "methods/detail/checks.hpp"

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
// measures. `method` names the method in messages ("entropy weights", "熵权法").
Eigen::MatrixXd normalised_columns(const MatrixView& x, const Benefit& benefit,
                                   ObjectiveNormalization normalization, const Message& method) {
    if (x.rows() < 2)
        throw ValidationError("x", Message("{0} rows; {1} need at least 2 units (rows)"_en, "{0} 行；{1}至少需要 2 个评价对象（行）"_zh,
                                           {std::to_string(x.rows()), method}));
    if (x.cols() < 1) throw ValidationError("x", Message("no columns; expected one per criterion"_en, "没有列；应每个评价指标一列"_zh));
    detail::check_benefit(benefit, x.cols());
    Eigen::MatrixXd z(x.rows(), x.cols());
    for (std::ptrdiff_t c = 0; c < x.cols(); ++c) {
        const bool higher_is_better = benefit.empty() || benefit[static_cast<std::size_t>(c)];
        if (normalization == ObjectiveNormalization::none && !higher_is_better)
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
            z(r, c) = value;
        }
        if (!std::isfinite(high - low))
            throw ValidationError(column_path(c), Message("column {0} spans {1} to {2}, more than double precision holds; rescale it"_en,
                                                          "第 {0} 列从 {1} 到 {2}，超出双精度数的范围；请缩放该列"_zh,
                                                          {std::to_string(c), format_number(low), format_number(high)}));
        if (high == low)
            throw ValidationError(column_path(c),
                                  Message("column {0} does not vary (every value is {1}): it carries no information for {2}; leave it "
                                          "out or weight it by hand"_en,
                                          "第 {0} 列没有变化（所有取值均为 {1}）: 对{2}不含信息；请删去该列或手工赋权"_zh,
                                          {std::to_string(c), format_number(low), method}));
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

Eigen::VectorXd entropy_weights(MatrixView x, const Benefit& benefit, ObjectiveNormalization normalization) {
    const Message method("entropy weights"_en, "熵权法"_zh);
    const Eigen::MatrixXd z = normalised_columns(x, benefit, normalization, method);
    if (normalization == ObjectiveNormalization::none) {
        for (Eigen::Index c = 0; c < z.cols(); ++c)
            for (Eigen::Index r = 0; r < z.rows(); ++r)
                if (z(r, c) < 0)
                    throw ValidationError(cell_path(r, c),
                                          Message("{0}; entropy weights on values as given need values >= 0 (shares of the column total)"_en,
                                                  "{0}；直接对原值使用熵权法需要取值 >= 0（即占该列总和的比例）"_zh, {format_number(z(r, c))}));
    }
    const double k = 1.0 / std::log(static_cast<double>(z.rows()));
    Eigen::VectorXd divergence(z.cols());
    for (Eigen::Index c = 0; c < z.cols(); ++c) {
        const double total = z.col(c).sum();  // > 0: the column varies and is >= 0
        if (!std::isfinite(total))
            throw ValidationError(column_path(c), Message("column {0} sums to more than double precision holds; rescale it"_en,
                                                          "第 {0} 列之和超出双精度数的范围；请缩放该列"_zh, {std::to_string(c)}));
        double entropy = 0.0;
        for (Eigen::Index r = 0; r < z.rows(); ++r) {
            const double p = z(r, c) / total;
            if (p > 0) entropy -= p * std::log(p);  // 0 ln 0 = 0
        }
        divergence[c] = std::max(0.0, 1.0 - k * entropy);
    }
    return shares_of(divergence, method,
                     Message("every column spreads its total evenly over the units"_en, "每列的总和都平均分布在各评价对象上"_zh));
}

Eigen::VectorXd critic_weights(MatrixView x, const Benefit& benefit, ObjectiveNormalization normalization) {
    const Message method("CRITIC weights"_en, "CRITIC 权重法"_zh);
    const Eigen::MatrixXd z = normalised_columns(x, benefit, normalization, method);
    if (z.cols() < 2)
        throw ValidationError("x", Message("1 column; CRITIC weights measure conflict between criteria and need at least 2"_en,
                                           "只有 1 列；CRITIC 权重法衡量评价指标之间的冲突性，至少需要 2 列"_zh));
    const Eigen::VectorXd sigma = column_std(z);
    const Eigen::MatrixXd centred = z.rowwise() - z.colwise().mean();
    const Eigen::MatrixXd covariance = centred.transpose() * centred / static_cast<double>(z.rows() - 1);
    const Eigen::MatrixXd correlation = covariance.array() / (sigma * sigma.transpose()).array();
    const Eigen::VectorXd conflict = (1.0 - correlation.array()).matrix().rowwise().sum();
    const Eigen::VectorXd information = sigma.cwiseProduct(conflict);
    return shares_of(information, method,
                     Message("the columns are perfectly correlated, so there is no conflict to weigh"_en, "各列完全相关，没有可衡量的冲突性"_zh));
}

Eigen::VectorXd std_weights(MatrixView x, const Benefit& benefit, ObjectiveNormalization normalization) {
    const Message method("standard-deviation weights"_en, "标准差权重法"_zh);
    const Eigen::MatrixXd z = normalised_columns(x, benefit, normalization, method);
    return shares_of(column_std(z), method, Message("no column varies"_en, "没有一列有变化"_zh));
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
