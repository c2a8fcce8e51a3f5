// Survey indicators: confidence intervals of a binomial proportion (Wilson, Agresti-Coull,
// Clopper-Pearson) and the posterior probability that the true proportion meets a line.
// Formulas and sources: docs/trends.md, section "Survey indicators".

#include <civitas/core/error.hpp>
#include <civitas/tracking/survey.hpp>

#include "core/detail/number_format.hpp"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/special_functions/beta.hpp>

#include <algorithm>
#include <cmath>
#include <string>

namespace civitas {

using detail::format_fixed;
using detail::format_number;

namespace {

double scale_of(ProportionScale scale) { return scale == ProportionScale::percent ? 100.0 : 1.0; }

// The estimate as a proportion in [0, 1], after checking it and n.
double checked_proportion(double estimate, double n, ProportionScale scale) {
    const double top = scale_of(scale);
    if (!std::isfinite(estimate) || estimate < 0.0 || estimate > top)
        throw ValidationError("estimate", Message("{0} is outside [0, {1}]; expected a {2}"_en, "{0} 超出 [0, {1}]；应为{2}"_zh,
                                                  {format_number(estimate), format_number(top),
                                                   scale == ProportionScale::percent
                                                       ? Message("percentage"_en, "百分数"_zh)
                                                       : Message("proportion (pass scale='percent' for 0-100)"_en,
                                                                 "比例（0-100 的数值请传入 scale='percent'）"_zh)}));
    if (!std::isfinite(n) || n < 1.0)
        throw ValidationError("n", Message("{0}; expected a sample size of at least 1"_en, "{0}；样本量应至少为 1"_zh, {format_number(n)}));
    return estimate / top;
}

}  // namespace

ProportionInterval proportion_interval(double estimate, double n, double confidence, IntervalMethod method,
                                       ProportionScale scale) {
    const double p = checked_proportion(estimate, n, scale);
    if (!(confidence > 0.0 && confidence < 1.0))
        throw ValidationError("confidence", Message("{0}; expected a level in (0, 1), such as 0.95"_en, "{0}；应为 (0, 1) 内的置信水平，如 0.95"_zh,
                                                    {format_number(confidence)}));
    const double alpha = 1.0 - confidence;
    const double z = boost::math::quantile(boost::math::normal(), 1.0 - alpha / 2.0);
    const double z2 = z * z;
    double low = 0.0, high = 1.0;
    switch (method) {
        case IntervalMethod::wilson: {
            // Wilson (1927): the p0 whose score test |p - p0| / sqrt(p0 (1 - p0) / n) equals z.
            const double denominator = 1.0 + z2 / n;
            const double centre = (p + z2 / (2.0 * n)) / denominator;
            const double half = z / denominator * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
            low = centre - half;
            high = centre + half;
            break;
        }
        case IntervalMethod::agresti_coull: {
            // Agresti & Coull (1998): add z²/2 successes and z²/2 failures, then the Wald interval.
            const double n_tilde = n + z2;
            const double p_tilde = (p * n + z2 / 2.0) / n_tilde;
            const double half = z * std::sqrt(p_tilde * (1.0 - p_tilde) / n_tilde);
            low = p_tilde - half;
            high = p_tilde + half;
            break;
        }
        case IntervalMethod::clopper_pearson: {
            // Clopper & Pearson (1934): beta quantiles, x successes (x = p n, possibly fractional).
            const double x = p * n;
            low = x <= 0.0 ? 0.0 : boost::math::ibeta_inv(x, n - x + 1.0, alpha / 2.0);
            high = x >= n ? 1.0 : boost::math::ibeta_inv(x + 1.0, n - x, 1.0 - alpha / 2.0);
            break;
        }
    }
    // Clipped to [0, 1]; and rounding never leaves the estimate outside its own interval.
    low = std::min(std::max(low, 0.0), p);
    high = std::max(std::min(high, 1.0), p);
    const double top = scale_of(scale);
    ProportionInterval result;
    result.estimate = estimate;
    result.low = low * top;
    result.high = high * top;
    result.n = n;
    result.confidence = confidence;
    result.method = method;
    result.scale = scale;
    return result;
}

double probability_meets(double estimate, double n, const Interval& line, ProportionScale scale) {
    const double p = checked_proportion(estimate, n, scale);
    if (std::isnan(line.low) || std::isnan(line.high) || line.low > line.high)
        throw ValidationError("line", Message("[{0}, {1}] is not an interval; expected low <= high"_en, "[{0}, {1}] 不是区间；应为 low <= high"_zh,
                                              {format_number(line.low), format_number(line.high)}));
    const double top = scale_of(scale);
    const double lo = std::clamp(line.low / top, 0.0, 1.0), hi = std::clamp(line.high / top, 0.0, 1.0);
    // Posterior Beta(x + 1, n - x + 1) of a uniform prior after x successes in n.
    const double x = p * n, a = x + 1.0, b = n - x + 1.0;
    const double below_hi = hi >= 1.0 ? 1.0 : boost::math::ibeta(a, b, hi);
    const double below_lo = lo <= 0.0 ? 0.0 : boost::math::ibeta(a, b, lo);
    // P(theta >= lo) via the complement when the line is open above, for accuracy in the tail.
    const double probability = hi >= 1.0 ? (lo <= 0.0 ? 1.0 : boost::math::ibetac(a, b, lo)) : below_hi - below_lo;
    return std::clamp(probability, 0.0, 1.0);
}

std::string to_string(const ProportionInterval& interval) {
    const int decimals = interval.scale == ProportionScale::percent ? 2 : 4;
    return "ProportionInterval(" + format_number(interval.estimate) + ", n=" + format_number(interval.n) + ", " +
           format_fixed(interval.confidence * 100.0, 2) + " % " + to_string(interval.method) + " [" +
           format_fixed(interval.low, decimals) + ", " + format_fixed(interval.high, decimals) + "]" +
           (interval.scale == ProportionScale::percent ? " %" : "") + ")";
}

}  // namespace civitas
