#pragma once
// Checks shared by the methods: the criteria's directions, a vector of weights given by the
// caller, and how to name the offending value in a ValidationError.

#include <civitas/core/error.hpp>
#include <civitas/core/matrix.hpp>

#include "core/detail/number_format.hpp"

#include <Eigen/Core>

#include <cmath>
#include <string>

namespace civitas::detail {

/// How far from 1 the sum of given weights may be before it is an error rather than rounding
/// (published weights printed to three decimals sum to 0.999 or 1.001).
inline constexpr double weight_sum_tolerance = 1e-3;

/// `name[index]`, the path of one entry.
inline std::string element_path(const std::string& name, Eigen::Index index) {
    return name + "[" + std::to_string(index) + "]";
}

/// ValidationError unless `benefit` is empty or has one flag per column of a matrix of `columns`.
inline void check_benefit(const Benefit& benefit, std::ptrdiff_t columns) {
    if (!benefit.empty() && static_cast<std::ptrdiff_t>(benefit.size()) != columns)
        throw ValidationError("benefit", Message("{0} flags for {1} criteria (columns of x); expected one per criterion "
                                                 "(true: higher is better) or none"_en,
                                                 "{0} 个标记对应 {1} 个评价指标（x 的列）；应每个评价指标一个标记（true: 越高越好），或不提供"_zh,
                                                 {std::to_string(benefit.size()), std::to_string(columns)}));
}

/// `weights` checked (non-empty, finite, >= 0, sum 1 within the tolerance) and rescaled to sum
/// exactly 1. `name` is the argument's name in messages.
inline Eigen::VectorXd checked_weights(const Eigen::VectorXd& weights, const std::string& name) {
    if (weights.size() == 0)
        throw ValidationError(name, Message("no weights given; expected one per criterion"_en, "未提供权重；应每个评价指标一个权重"_zh));
    for (Eigen::Index i = 0; i < weights.size(); ++i) {
        const double w = weights[i];
        if (!std::isfinite(w))
            throw ValidationError(element_path(name, i),
                                  Message("{0}; expected a finite weight >= 0"_en, "{0}；应为 >= 0 的有限权重"_zh, {format_number(w)}));
        if (w < 0)
            throw ValidationError(element_path(name, i),
                                  Message("{0} is negative; expected a weight >= 0"_en, "{0} 为负数；应为 >= 0 的权重"_zh, {format_number(w)}));
    }
    const double sum = weights.sum();
    if (std::abs(sum - 1.0) > weight_sum_tolerance)
        throw ValidationError(name, Message("weights sum to {0}; expected 1 (within 0.001): give shares, not points or percentages"_en,
                                            "权重之和为 {0}；应为 1（误差不超过 0.001）: 请给出比例，而非分值或百分数"_zh,
                                            {format_number(sum)}));
    return weights / sum;
}

}  // namespace civitas::detail
