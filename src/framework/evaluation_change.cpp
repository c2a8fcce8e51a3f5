// A unit's framework points change between two evaluations, split per indicator.

#include <civitas/core/error.hpp>
#include <civitas/framework/evaluation_change.hpp>

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <locale>
#include <numeric>
#include <sstream>

namespace civitas {

EvaluationChange score_change_attribution(const Evaluation& before, const Evaluation& after) {
    if (before.indicators.size() != after.indicators.size())
        throw ValidationError("after", Message("{0} indicators; expected the {1} of before (the same framework)"_en,
                                               "{0} 个指标；应与 before 一样为 {1} 个（同一测评体系）"_zh,
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
                                  Message("indicator '{0}'; expected '{1}' (the same framework, in the same order)"_en,
                                          "指标 '{0}'；应为 '{1}'（同一测评体系，顺序相同）"_zh, {b.id, a.id}));
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
