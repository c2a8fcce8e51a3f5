// PROMETHEE II's flows without the pairs. The flows are sums over criteria of each criterion's
// own flows, and on one criterion a unit's preference over all others is a function of where the
// others' values lie: after sorting the criterion's values once, the units beyond a threshold are
// counted by a binary search and the linear parts of V-shape and linear preferences are sums of
// values over a range, read from prefix sums. So a criterion costs m log m, not m^2 (pymcdm and
// the textbooks build the m x m table of every pair); only the Gaussian's curve needs the pairs.

#include <civitas/core/error.hpp>
#include <civitas/methods/ranking.hpp>

#include "methods/detail/criteria.hpp"
#include "methods/detail/promethee.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <locale>
#include <sstream>
#include <string>
#include <vector>

namespace civitas {

using namespace detail;  // the shared checks and helpers of methods/detail/criteria.hpp

namespace {

/// ValidationError unless f's thresholds suit its shape; `path` names it ("preferences[2]").
void check_preference(const PreferenceFunction& f, const std::string& path) {
    const auto fail = [&](const char* field, Message message) {
        throw ValidationError(path + "." + field, std::move(message));
    };
    const auto args = [&](double value) { return std::vector<Message::Argument>{format_value(value), to_string(f.shape)}; };
    const bool uses_q = f.shape == PreferenceShape::u_shape || f.shape == PreferenceShape::level || f.shape == PreferenceShape::linear;
    const bool uses_p = f.shape == PreferenceShape::v_shape || f.shape == PreferenceShape::level || f.shape == PreferenceShape::linear;
    if (uses_q && !(std::isfinite(f.q) && f.q >= 0.0))
        fail("q", Message("value {0} for a {1} preference; expected an indifference threshold q >= 0"_en,
                               "取值 {0}（{1} 型偏好函数）；应为无差异阈值 q >= 0"_zh, args(f.q)));
    if (uses_p && !(std::isfinite(f.p) && f.p > 0.0))
        fail("p", Message("value {0} for a {1} preference; expected a preference threshold p > 0"_en,
                               "取值 {0}（{1} 型偏好函数）；应为严格偏好阈值 p > 0"_zh, args(f.p)));
    if (uses_q && uses_p && !(f.p > f.q))
        fail("p", Message("value {0} for a {1} preference; expected a preference threshold p > q"_en,
                               "取值 {0}（{1} 型偏好函数）；应为严格偏好阈值 p > q"_zh, args(f.p)));
    if (f.shape == PreferenceShape::gaussian && !(std::isfinite(f.s) && f.s > 0.0))
        fail("s", Message("value {0} for a {1} preference; expected the Gaussian's spread s > 0"_en,
                               "取值 {0}（{1} 型偏好函数）；应为高斯函数的参数 s > 0"_zh, args(f.s)));
}

/// One criterion's values, sorted, with running sums for the sums of values over a range. The
/// sums restart, from the run's first value, wherever two neighbours lie more than twice `width`
/// apart: a range the preference functions sum over holds values less than `width` apart (the
/// rising part of V-shape and linear), so it lies within one run, and a value far from it (1e300
/// among tens) cannot swallow its digits. `width` is p - q (V-shape: p), infinite when nothing is summed.
class SortedCriterion {
public:
    SortedCriterion(std::vector<double> values, double width)
        : sorted_(std::move(values)), running_(sorted_.size(), 0.0), start_(sorted_.size(), 0) {
        std::sort(sorted_.begin(), sorted_.end());
        for (std::size_t k = 0; k < sorted_.size(); ++k) {
            const bool restart = k == 0 || !(sorted_[k] - sorted_[k - 1] <= 2.0 * width);
            start_[k] = restart ? k : start_[k - 1];
            running_[k] = (restart ? 0.0 : running_[k - 1]) + (sorted_[k] - sorted_[start_[k]]);
        }
    }

    [[nodiscard]] std::size_t size() const noexcept { return sorted_.size(); }

    /// Units k with v - x_k > t (k below the result, in sorted order): v - x_k falls as x_k rises,
    /// and computing it as the pairs' tables do keeps their ties at a threshold.
    [[nodiscard]] std::size_t below(double v, double t) const {
        return static_cast<std::size_t>(std::partition_point(sorted_.begin(), sorted_.end(), [&](double x) { return v - x > t; }) -
                                        sorted_.begin());
    }
    /// The first unit k (in sorted order) with x_k - v > t; those from it on are the units with x_k - v > t.
    [[nodiscard]] std::size_t above(double v, double t) const {
        return static_cast<std::size_t>(std::partition_point(sorted_.begin(), sorted_.end(), [&](double x) { return !(x - v > t); }) -
                                        sorted_.begin());
    }
    /// Sum of (v - x_k) over sorted positions [from, to), a range within one run.
    [[nodiscard]] double gap_sum(double v, std::size_t from, std::size_t to) const {
        if (from >= to) return 0.0;
        const std::size_t first = start_[from];
        const double base = sorted_[first];
        const double before = from == first ? 0.0 : running_[from - 1];
        return static_cast<double>(to - from) * (v - base) - (running_[to - 1] - before);
    }
    /// The value at sorted position k.
    [[nodiscard]] double operator[](std::size_t k) const { return sorted_[k]; }

private:
    std::vector<double> sorted_;
    std::vector<double> running_;     ///< sum of (x - the run's first value) from the run's start to k, inclusive
    std::vector<std::size_t> start_;  ///< the position where k's run starts
};

/// How much a unit of value v is preferred to all others (`plus`) and all others to it (`minus`)
/// on one criterion: sums of P(v - x_k) and of P(x_k - v) over every k.
void preference_sums(const SortedCriterion& c, const PreferenceFunction& f, double v, double& plus, double& minus) {
    const std::size_t m = c.size();
    switch (f.shape) {
    case PreferenceShape::usual:
        plus = static_cast<double>(c.below(v, 0.0));
        minus = static_cast<double>(m - c.above(v, 0.0));
        return;
    case PreferenceShape::u_shape:
        plus = static_cast<double>(c.below(v, f.q));
        minus = static_cast<double>(m - c.above(v, f.q));
        return;
    case PreferenceShape::level: {
        const std::size_t strong = c.below(v, f.p), weak = c.below(v, f.q);
        plus = static_cast<double>(strong) + 0.5 * static_cast<double>(weak - strong);
        const std::size_t weak_above = c.above(v, f.q), strong_above = c.above(v, f.p);
        minus = static_cast<double>(m - strong_above) + 0.5 * static_cast<double>(strong_above - weak_above);
        return;
    }
    case PreferenceShape::v_shape:
    case PreferenceShape::linear: {
        // 1 beyond p; (d - q) / (p - q) in (q, p] (q = 0 for the V-shape).
        const double q = f.shape == PreferenceShape::v_shape ? 0.0 : f.q;
        const double span = f.p - q;
        const std::size_t strong = c.below(v, f.p), weak = c.below(v, q);
        const double rising = c.gap_sum(v, strong, weak) - q * static_cast<double>(weak - strong);
        plus = static_cast<double>(strong) + rising / span;
        const std::size_t weak_above = c.above(v, q), strong_above = c.above(v, f.p);
        const double rising_above = -c.gap_sum(v, weak_above, strong_above) - q * static_cast<double>(strong_above - weak_above);
        minus = static_cast<double>(m - strong_above) + rising_above / span;
        return;
    }
    case PreferenceShape::gaussian: {
        const double scale = 1.0 / (2.0 * f.s * f.s);
        plus = 0.0;
        minus = 0.0;
        for (std::size_t k = 0; k < m; ++k) {
            const double d = v - c[k];
            if (d > 0.0) plus += 1.0 - std::exp(-d * d * scale);
            else if (d < 0.0) minus += 1.0 - std::exp(-d * d * scale);
        }
        return;
    }
    }
}

}  // namespace

namespace detail {

CriterionFlows promethee_criterion_flows(MatrixView x, const Benefit& benefit, const std::vector<PreferenceFunction>& preferences,
                                         const Eigen::Ref<const Eigen::VectorXd>& weights) {
    const std::ptrdiff_t m = x.rows(), n = x.cols();
    if (m < 2) throw ValidationError("x", Message("one unit; PROMETHEE compares at least 2"_en, "只有一个评价对象；PROMETHEE 至少比较 2 个"_zh));
    column_stats(x, false);  // names a NaN or infinity
    const auto count = static_cast<std::ptrdiff_t>(preferences.size());
    if (count != 0 && count != 1 && count != n)
        throw ValidationError("preferences", Message("{0} preference functions for {1} criteria; expected none (usual), one for all "
                                                     "or one per criterion"_en,
                                                     "{0} 个偏好函数对应 {1} 个评价指标；应不提供（usual）、全部共用一个或每个评价指标一个"_zh,
                                                     {std::to_string(count), std::to_string(n)}));
    for (std::ptrdiff_t j = 0; j < count; ++j) check_preference(preferences[static_cast<std::size_t>(j)], "preferences[" + std::to_string(j) + "]");

    CriterionFlows flows{Eigen::MatrixXd::Zero(m, n), Eigen::MatrixXd::Zero(m, n)};
    const double others = static_cast<double>(m - 1);
    std::vector<double> column(static_cast<std::size_t>(m));
    for (std::ptrdiff_t j = 0; j < n; ++j) {
        if (weights.size() > 0 && weights[j] == 0.0) continue;
        const PreferenceFunction f = count == 0 ? PreferenceFunction{} : preferences[static_cast<std::size_t>(count == 1 ? 0 : j)];
        // A cost criterion's difference x_k - x_i is the benefit difference of -x, exactly.
        const double direction = is_benefit(benefit, j) ? 1.0 : -1.0;
        for (std::ptrdiff_t i = 0; i < m; ++i) column[static_cast<std::size_t>(i)] = direction * x(i, j);
        const double width = f.shape == PreferenceShape::v_shape ? f.p
                             : f.shape == PreferenceShape::linear ? f.p - f.q
                                                                  : std::numeric_limits<double>::infinity();
        const SortedCriterion sorted(column, width);
        for (std::ptrdiff_t i = 0; i < m; ++i) {
            double plus = 0.0, minus = 0.0;
            preference_sums(sorted, f, column[static_cast<std::size_t>(i)], plus, minus);
            flows.positive(i, j) = plus / others;
            flows.negative(i, j) = minus / others;
        }
    }
    return flows;
}

}  // namespace detail

PrometheeFlows promethee(MatrixView x, const Eigen::Ref<const Eigen::VectorXd>& weights, const Benefit& benefit,
                         const std::vector<PreferenceFunction>& preferences) {
    check_shape(x, weights.size(), benefit);
    check_weights(weights, "weights");
    const CriterionFlows by_criterion = promethee_criterion_flows(x, benefit, preferences, weights);
    PrometheeFlows flows;
    flows.positive = by_criterion.positive * weights;
    flows.negative = by_criterion.negative * weights;
    flows.net = flows.positive - flows.negative;
    return flows;
}

std::string to_string(const PrometheeFlows& flows) {
    std::ostringstream text;
    text.imbue(std::locale::classic());  // not the host's locale (digit groups, decimal comma)
    text << "PROMETHEE flows of " << flows.net.size() << " units";
    if (flows.net.size() > 0) {
        Eigen::Index best = 0;
        const double top = flows.net.maxCoeff(&best);
        text << ": best row " << best << " (net flow " << format_value(top) << ")";
    }
    return text.str();
}

}  // namespace civitas
