#pragma once
/// Survey indicators (satisfaction rates) measured on a sample: a confidence interval for the
/// proportion and the probability that the true proportion meets the line.
/// Formulas, choices and sources: docs/trends.md, section "Survey indicators".
///
/// Values are proportions in [0, 1] unless `scale` says percent ([0, 100], as the frameworks
/// write "satisfaction >= 90 %"); results come back on the same scale. The sample size n may
/// be fractional (an effective sample size after weighting) but must be >= 1.

#include <civitas/core/enums.hpp>
#include <civitas/export.hpp>
#include <civitas/framework/framework.hpp>

#include <cstdint>
#include <string>

namespace civitas {

/// How a proportion is written.
enum class ProportionScale : std::int8_t {
    proportion,  ///< in [0, 1]: 0.9
    percent,     ///< in [0, 100]: 90
};
template <> struct EnumNames<ProportionScale> { static constexpr const char* values[] = {"proportion", "percent"}; };

/// Which confidence interval for a binomial proportion.
enum class IntervalMethod : std::int8_t {
    wilson,           ///< Wilson (1927) score interval; the default (Newcombe 1998, Brown, Cai & DasGupta 2001)
    agresti_coull,    ///< Agresti & Coull (1998): Wald interval around (x + z²/2) / (n + z²), clipped to [0, 1]
    clopper_pearson,  ///< Clopper & Pearson (1934) "exact" interval from beta quantiles (conservative)
};
template <> struct EnumNames<IntervalMethod> {
    static constexpr const char* values[] = {"wilson", "agresti_coull", "clopper_pearson"};
};

/// A proportion estimated from a sample, with its confidence interval.
struct CIVITAS_EXPORT ProportionInterval {
    double estimate = 0.0;    ///< the observed proportion, on `scale`
    double low = 0.0;         ///< lower confidence limit, on `scale`, <= estimate
    double high = 0.0;        ///< upper confidence limit, on `scale`, >= estimate
    double n = 0.0;           ///< sample size, >= 1
    double confidence = 0.95; ///< two-sided confidence level in (0, 1)
    IntervalMethod method = IntervalMethod::wilson;       ///< how the interval was computed
    ProportionScale scale = ProportionScale::proportion;  ///< scale of estimate, low and high

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const ProportionInterval& a, const ProportionInterval& b);
    friend bool operator!=(const ProportionInterval& a, const ProportionInterval& b) { return !(a == b); }
};

/// Confidence interval of a proportion observed as `estimate` in a sample of n. ValidationError
/// for an estimate outside the scale or not finite, n < 1, or confidence outside (0, 1).
[[nodiscard]] CIVITAS_EXPORT ProportionInterval proportion_interval(
    double estimate, double n, double confidence = 0.95, IntervalMethod method = IntervalMethod::wilson,
    ProportionScale scale = ProportionScale::proportion);

/// Probability in [0, 1] that the true proportion lies inside `line` (on `scale`), from the
/// Beta(x + 1, n - x + 1) posterior of a uniform prior with x = estimate x n successes (Bayes
/// 1763, Laplace). Same ValidationErrors as proportion_interval().
[[nodiscard]] CIVITAS_EXPORT double probability_meets(double estimate, double n, const Interval& line,
                                                      ProportionScale scale = ProportionScale::proportion);

/// `ProportionInterval(0.308, n=263, 95 % wilson [0.2553, 0.3662])`.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const ProportionInterval& interval);

}  // namespace civitas
