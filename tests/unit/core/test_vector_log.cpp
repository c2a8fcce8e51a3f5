// detail::vector_log, the logarithm the entropy weights vectorise: within 1 ulp of std::log
// (glibc's, itself within about 0.5 ulp of the exact value) over every binade of the positive
// doubles, subnormals included, on every SIMD path, and so is its two-part form for sums; exact
// where the exact value is a double; and x * vector_log(x) is 0 at x = 0, as entropy's 0 ln 0 = 0
// needs.

#include "support.hpp"

#include "core/detail/simd.hpp"
#include "core/detail/vector_log.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

namespace civitas {
namespace {

using test::SimdPathGuard;


/// Doubles between a and b (both finite and of one sign): the distance in units in the last place.
std::int64_t ulps_apart(double a, double b) {
    std::int64_t ia = 0, ib = 0;
    std::memcpy(&ia, &a, sizeof ia);
    std::memcpy(&ib, &b, sizeof ib);
    if (ia < 0) ia = std::numeric_limits<std::int64_t>::min() - ia;  // negative doubles: ordered as integers too
    if (ib < 0) ib = std::numeric_limits<std::int64_t>::min() - ib;
    return ia > ib ? ia - ib : ib - ia;
}

/// Every power of 2 from the smallest subnormal to 2^1023 and its neighbours, 1 and its
/// neighbours, the largest double, and a million random bit patterns of positive finite doubles.
std::vector<double> wide_range_of_arguments() {
    std::vector<double> xs;
    for (int e = -1074; e <= 1023; ++e) {
        const double p = std::ldexp(1.0, e);
        xs.push_back(p);
        xs.push_back(std::nextafter(p, 0.0));
        xs.push_back(std::nextafter(p, std::numeric_limits<double>::infinity()));
        xs.push_back(p * 1.4142135623730951);  // near where the reduction switches to 1 + f < sqrt(2)
    }
    xs.push_back(std::numeric_limits<double>::max());
    xs.push_back(std::numeric_limits<double>::denorm_min());
    std::mt19937_64 rng(20261206);
    for (int i = 0; i < 1000000; ++i) {
        const std::uint64_t bits = rng() >> 1;  // sign bit clear
        double x = 0;
        std::memcpy(&x, &bits, sizeof x);
        if (std::isfinite(x)) xs.push_back(x);
    }
    std::uniform_real_distribution<double> near_one(0.9, 1.1);
    for (int i = 0; i < 100000; ++i) xs.push_back(near_one(rng));
    xs.erase(std::remove_if(xs.begin(), xs.end(), [](double x) { return !(x > 0); }), xs.end());
    return xs;
}

TEST(VectorLog, WithinOneUlpOfStdLogOnEveryPath) {
    const std::vector<double> xs = wide_range_of_arguments();
    SimdPathGuard guard;
    for (const SimdPath path : available_simd_paths()) {
        use_simd_path(path);
        std::vector<double> logs(xs.size());
        detail::run_simd([&] {
            for (std::size_t i = 0; i < xs.size(); ++i) logs[i] = detail::vector_log(xs[i]);
        });
        std::int64_t worst = 0;
        double worst_at = 0;
        for (std::size_t i = 0; i < xs.size(); ++i) {
            const std::int64_t apart = ulps_apart(logs[i], std::log(xs[i]));
            if (apart > worst) {
                worst = apart;
                worst_at = xs[i];
            }
        }
        EXPECT_LE(worst, 1) << "path " << to_string(path) << ": " << worst << " ulps at " << std::hexfloat << worst_at;
    }
}

TEST(VectorLog, PartsAreTheExponentAndTheLogarithmOfTheReducedValueOnEveryPath) {
    // ln x = k ln 2 + ln(1 + f) with x = 2^k (1 + f), 1 + f within 1e-6 of [sqrt(2)/2, sqrt(2))
    // (fdlibm cuts at the significand's first 20 bits): k is whole and the returned part is within
    // 1 ulp of std::log(1 + f), 1 + f = x 2^-k being exact.
    std::vector<double> xs = wide_range_of_arguments();
    xs.erase(std::remove_if(xs.begin(), xs.end(), [](double x) { return x < std::numeric_limits<double>::min(); }), xs.end());
    SimdPathGuard guard;
    for (const SimdPath path : available_simd_paths()) {
        use_simd_path(path);
        std::vector<double> rests(xs.size()), ks(xs.size());
        detail::run_simd([&] {
            for (std::size_t i = 0; i < xs.size(); ++i) rests[i] = detail::vector_log_parts(xs[i], ks[i]);
        });
        std::int64_t worst = 0;
        double worst_at = 0;
        for (std::size_t i = 0; i < xs.size(); ++i) {
            ASSERT_EQ(ks[i], std::nearbyint(ks[i])) << std::hexfloat << xs[i];
            const double reduced = std::ldexp(xs[i], -static_cast<int>(ks[i]));
            ASSERT_GE(reduced, std::sqrt(0.5) - 1e-6) << std::hexfloat << xs[i];
            ASSERT_LT(reduced, std::sqrt(2.0)) << std::hexfloat << xs[i];
            const std::int64_t apart = ulps_apart(rests[i], std::log(reduced));
            if (apart > worst) {
                worst = apart;
                worst_at = xs[i];
            }
        }
        EXPECT_LE(worst, 1) << "path " << to_string(path) << ": " << worst << " ulps at " << std::hexfloat << worst_at;
    }
}

TEST(VectorLog, ExactWhereTheLogarithmIsADoubleAndZeroTimesItIsZero) {
    EXPECT_EQ(detail::vector_log(1.0), 0.0);
    EXPECT_EQ(detail::vector_log(2.0), std::log(2.0));
    EXPECT_EQ(detail::vector_log(0.5), -std::log(2.0));
    const double at_zero = detail::vector_log(0.0);
    EXPECT_TRUE(std::isfinite(at_zero));
    EXPECT_LT(at_zero, std::log(std::numeric_limits<double>::denorm_min()));  // below every other value
    EXPECT_EQ(0.0 * at_zero, 0.0);
}

}  // namespace
}  // namespace civitas
