// Attribution: obstacle degrees and score changes split per indicator.

#include <civitas/core/error.hpp>
#include <civitas/methods/attribution.hpp>

#include "core/detail/number_format.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <locale>
#include <numeric>
#include <sstream>

namespace civitas {

namespace {

constexpr double weight_sum_tolerance = 1e-6;  // as ranking.cpp

std::string format(double value) { return detail::format_significant(value, 12); }

void check_weights(const Eigen::Ref<const Eigen::VectorXd>& w, Eigen::Index criteria, const std::string& name) {
    if (w.size() != criteria)
        throw ValidationError(name, Message("{0} weights for {1} indicators (columns); expected one per indicator"_en,
                                            "{0} 个权重对应 {1} 个指标（列）；应每个指标一个权重"_zh,
                                            {std::to_string(w.size()), std::to_string(criteria)}));
    double sum = 0.0;
    for (Eigen::Index j = 0; j < w.size(); ++j) {
        if (!std::isfinite(w[j]) || w[j] < 0.0)
            throw ValidationError(name + "[" + std::to_string(j) + "]",
                                  Message("value {0}; expected a finite weight >= 0"_en, "取值 {0}；应为 >= 0 的有限权重"_zh, {format(w[j])}));
        sum += w[j];
    }
    if (std::abs(sum - 1.0) > weight_sum_tolerance)
        throw ValidationError(name, Message("the weights sum to {0}; expected 1 (within 1e-6): divide them by their sum first"_en,
                                            "权重之和为 {0}；应为 1（误差不超过 1e-6）: 请先将各权重除以其和"_zh, {format(sum)}));
}

/// The matrix as a column-major copy, every value finite (and in [0, 1] when `shares`).
Eigen::MatrixXd finite_copy(const MatrixView& x, const std::string& name, bool shares) {
    if (x.rows() < 1 || x.cols() < 1)
        throw ValidationError(name, Message("the matrix is {0} x {1}; expected at least one unit (row) and one indicator (column)"_en,
                                            "矩阵为 {0} x {1}；应至少有一个单位（行）和一个指标（列）"_zh,
                                            {std::to_string(x.rows()), std::to_string(x.cols())}));
    Eigen::MatrixXd out(x.rows(), x.cols());
    for (Eigen::Index i = 0; i < x.rows(); ++i)
        for (Eigen::Index j = 0; j < x.cols(); ++j) {
            const double v = x(i, j);
            const bool ok = shares ? v >= 0.0 && v <= 1.0 : std::isfinite(v);
            if (!ok)
                throw ValidationError(name + "[" + std::to_string(i) + ", " + std::to_string(j) + "]",
                                      shares ? Message("value {0}; expected a normalised value in [0, 1] (1 = best)"_en,
                                                       "取值 {0}；应为 [0, 1] 内的归一化值（1 为最好）"_zh, {format(v)})
                                             : Message("value {0}; expected a finite number"_en, "取值 {0}；应为有限数"_zh, {format(v)}));
            out(i, j) = v;
        }
    return out;
}

}  // namespace

Eigen::MatrixXd obstacle_degree(MatrixView r, const Eigen::Ref<const Eigen::VectorXd>& weights) {
    const Eigen::MatrixXd values = finite_copy(r, "r", true);
    check_weights(weights, values.cols(), "weights");
    // Weighted shortfall w_j (1 - r_ij), then each row divided by its sum (0 when nothing is short).
    Eigen::MatrixXd out = (1.0 - values.array()).matrix() * weights.asDiagonal();
    for (Eigen::Index i = 0; i < out.rows(); ++i) {
        const double lost = out.row(i).sum();
        if (lost > 0.0) out.row(i) /= lost;
        else out.row(i).setZero();
    }
    return out;
}

ScoreChangeAttribution score_change_attribution(MatrixView before, MatrixView after,
                                                const Eigen::Ref<const Eigen::VectorXd>& weights_before,
                                                const std::optional<Eigen::VectorXd>& weights_after) {
    const Eigen::MatrixXd r0 = finite_copy(before, "before", false);
    const Eigen::MatrixXd r1 = finite_copy(after, "after", false);
    if (r0.rows() != r1.rows() || r0.cols() != r1.cols())
        throw ValidationError("after", Message("a {0} x {1} matrix; expected the shape of before, {2} x {3}"_en,
                                               "{0} x {1} 矩阵；应与 before 形状相同，为 {2} x {3}"_zh,
                                               {std::to_string(r1.rows()), std::to_string(r1.cols()), std::to_string(r0.rows()),
                                                std::to_string(r0.cols())}));
    check_weights(weights_before, r0.cols(), "weights_before");
    const Eigen::VectorXd w0 = weights_before;
    const Eigen::VectorXd w1 = weights_after ? *weights_after : w0;
    if (weights_after) check_weights(w1, r0.cols(), "weights_after");

    ScoreChangeAttribution out;
    out.before = r0 * w0;
    out.after = r1 * w1;
    out.change = out.after - out.before;
    // w1 r1 - w0 r0 = (w0 + w1)/2 (r1 - r0) + (r0 + r1)/2 (w1 - w0), term by term.
    out.value_effect = (r1 - r0) * (0.5 * (w0 + w1)).asDiagonal();
    out.weight_effect = (0.5 * (r0 + r1)) * (w1 - w0).asDiagonal();
    out.contribution = out.value_effect + out.weight_effect;
    return out;
}

std::string to_string(const ScoreChangeAttribution& result) {
    std::ostringstream text;
    text.imbue(std::locale::classic());  // not the host's locale (digit groups, decimal comma)
    const Eigen::Index units = result.change.size(), n = result.contribution.cols();
    text << "ScoreChangeAttribution: " << units << " units x " << n << " indicators";
    const Eigen::Index shown = std::min<Eigen::Index>(units, 10);
    for (Eigen::Index i = 0; i < shown; ++i) {
        std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
        std::iota(order.begin(), order.end(), Eigen::Index{0});
        std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) {
            return std::abs(result.contribution(i, a)) > std::abs(result.contribution(i, b));
        });
        text << "\n  row " << i << ": " << std::showpos << std::setprecision(4) << result.change[i] << " =";
        const std::size_t top = std::min<std::size_t>(3, order.size());
        for (std::size_t k = 0; k < top; ++k)
            text << " " << result.contribution(i, order[k]) << " [" << std::noshowpos << order[k] << std::showpos << "]";
        if (order.size() > top) text << " ...";
        text << std::noshowpos;
    }
    if (units > shown) text << "\n  ... (" << units - shown << " more units)";
    return text.str();
}

}  // namespace civitas
