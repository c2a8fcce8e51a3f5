// Attribution: obstacle degrees and score changes split per indicator.

#include <civitas/attribution.hpp>
#include <civitas/error.hpp>

#include "detail/number_format.hpp"

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
        throw ValidationError(name, Message("{0} weights for {1} indicators (columns); expected one per indicator",
                                            "{0} 个权重对应 {1} 个指标（列）；应每个指标一个权重",
                                            {std::to_string(w.size()), std::to_string(criteria)}));
    double sum = 0.0;
    for (Eigen::Index j = 0; j < w.size(); ++j) {
        if (!std::isfinite(w[j]) || w[j] < 0.0)
            throw ValidationError(name + "[" + std::to_string(j) + "]",
                                  Message("value {0}; expected a finite weight >= 0", "取值 {0}；应为 >= 0 的有限权重", {format(w[j])}));
        sum += w[j];
    }
    if (std::abs(sum - 1.0) > weight_sum_tolerance)
        throw ValidationError(name, Message("the weights sum to {0}; expected 1 (within 1e-6): divide them by their sum first",
                                            "权重之和为 {0}；应为 1（误差不超过 1e-6）: 请先将各权重除以其和", {format(sum)}));
}

/// The matrix as a column-major copy, every value finite (and in [0, 1] when `shares`).
Eigen::MatrixXd finite_copy(const CriteriaView& x, const std::string& name, bool shares) {
    if (x.rows() < 1 || x.cols() < 1)
        throw ValidationError(name, Message("the matrix is {0} x {1}; expected at least one unit (row) and one indicator (column)",
                                            "矩阵为 {0} x {1}；应至少有一个单位（行）和一个指标（列）",
                                            {std::to_string(x.rows()), std::to_string(x.cols())}));
    Eigen::MatrixXd out(x.rows(), x.cols());
    for (Eigen::Index i = 0; i < x.rows(); ++i)
        for (Eigen::Index j = 0; j < x.cols(); ++j) {
            const double v = x(i, j);
            const bool ok = shares ? v >= 0.0 && v <= 1.0 : std::isfinite(v);
            if (!ok)
                throw ValidationError(name + "[" + std::to_string(i) + ", " + std::to_string(j) + "]",
                                      shares ? Message("value {0}; expected a normalised value in [0, 1] (1 = best)",
                                                       "取值 {0}；应为 [0, 1] 内的归一化值（1 为最好）", {format(v)})
                                             : Message("value {0}; expected a finite number", "取值 {0}；应为有限数", {format(v)}));
            out(i, j) = v;
        }
    return out;
}

}  // namespace

Eigen::MatrixXd obstacle_degree(CriteriaView r, const Eigen::Ref<const Eigen::VectorXd>& weights) {
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

ScoreChangeAttribution score_change_attribution(CriteriaView before, CriteriaView after,
                                                const Eigen::Ref<const Eigen::VectorXd>& weights_before,
                                                const std::optional<Eigen::VectorXd>& weights_after) {
    const Eigen::MatrixXd r0 = finite_copy(before, "before", false);
    const Eigen::MatrixXd r1 = finite_copy(after, "after", false);
    if (r0.rows() != r1.rows() || r0.cols() != r1.cols())
        throw ValidationError("after", Message("a {0} x {1} matrix; expected the shape of before, {2} x {3}",
                                               "{0} x {1} 矩阵；应与 before 形状相同，为 {2} x {3}",
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

EvaluationChange score_change_attribution(const Evaluation& before, const Evaluation& after) {
    if (before.indicators.size() != after.indicators.size())
        throw ValidationError("after", Message("{0} indicators; expected the {1} of before (the same framework)",
                                               "{0} 个指标；应与 before 一样为 {1} 个（同一测评体系）",
                                               {std::to_string(after.indicators.size()), std::to_string(before.indicators.size())}));
    const auto n = static_cast<Eigen::Index>(before.indicators.size());
    EvaluationChange out;
    out.points_before.resize(n);
    out.points_after.resize(n);
    out.value_effect.resize(n);
    out.weight_effect.resize(n);
    for (Eigen::Index j = 0; j < n; ++j) {
        const IndicatorResult& a = before.indicators[static_cast<std::size_t>(j)];
        const IndicatorResult& b = after.indicators[static_cast<std::size_t>(j)];
        if (a.id != b.id)
            throw ValidationError("after.indicators[" + std::to_string(j) + "]",
                                  Message("indicator '{0}'; expected '{1}' (the same framework, in the same order)",
                                          "指标 '{0}'；应为 '{1}'（同一测评体系，顺序相同）", {b.id, a.id}));
        out.indicators.push_back(a.id);
        out.points_before[j] = a.points;
        out.points_after[j] = b.points;
        // points = score x max_points in each evaluation: the same Shapley split as for weights.
        out.value_effect[j] = 0.5 * (a.max_points + b.max_points) * (b.score - a.score);
        out.weight_effect[j] = 0.5 * (a.score + b.score) * (b.max_points - a.max_points);
    }
    out.contribution = out.points_after - out.points_before;
    out.change = out.contribution.sum();
    if (before.total && after.total) out.total_change = *after.total - *before.total;
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

std::string to_string(const EvaluationChange& result) {
    std::ostringstream text;
    text.imbue(std::locale::classic());  // not the host's locale (digit groups, decimal comma)
    text << "EvaluationChange: " << std::showpos << std::setprecision(6) << result.change << std::noshowpos
         << " points over " << result.indicators.size() << " indicators";
    if (result.total_change) text << " (total " << std::showpos << *result.total_change << std::noshowpos << ")";
    std::vector<std::size_t> order(result.indicators.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::abs(result.contribution[static_cast<Eigen::Index>(a)]) >
               std::abs(result.contribution[static_cast<Eigen::Index>(b)]);
    });
    const std::size_t top = std::min<std::size_t>(10, order.size());
    for (std::size_t k = 0; k < top; ++k) {
        const auto j = static_cast<Eigen::Index>(order[k]);
        text << "\n  " << result.indicators[order[k]] << ": " << std::showpos << result.contribution[j]
             << " (value " << result.value_effect[j] << ", weight " << result.weight_effect[j] << ")" << std::noshowpos;
    }
    if (order.size() > top) text << "\n  ... (" << order.size() - top << " more)";
    return text.str();
}

}  // namespace civitas
