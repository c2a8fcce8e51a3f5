// detail::vector_exp, the exponential CoCoSo's powers vectorise: within 2 ulp of std::exp (glibc's,
// within about 0.5 ulp of the exact value) over its whole range on every SIMD path, exact at 0,
// clamped (never infinite or NaN) outside it, and its powers exp(w ln r) within a few ulp of std::pow.

#include "support.hpp"

#include "core/detail/simd.hpp"
#include "core/detail/vector_exp.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

namespace civitas {
namespace {

using test::SimdPathGuard;

std::int64_t ulps_apart(double a, double b) {
    std::int64_t ia = 0, ib = 0;
    std::memcpy(&ia, &a, sizeof ia);
    std::memcpy(&ib, &b, sizeof ib);
    return ia > ib ? ia - ib : ib - ia;  // positive doubles (every e^x) order as their bits
}

TEST(VectorExp, WithinTwoUlpOfStdExpOnEveryPath) {
    std::vector<double> xs;
    std::mt19937_64 rng(20261207);
    std::uniform_real_distribution<double> whole(-708.0, 709.0), small(-1.0, 1.0), tiny(-1e-10, 1e-10);
    for (int i = 0; i < 400000; ++i) xs.push_back(whole(rng));
    for (int i = 0; i < 200000; ++i) xs.push_back(small(rng));
    for (int i = 0; i < 20000; ++i) xs.push_back(tiny(rng));
    for (int k = -1021; k <= 1022; ++k) xs.push_back(k * 0.6931471805599453);  // where the reduction's k steps
    xs.push_back(-708.0);
    xs.push_back(709.0);
    SimdPathGuard guard;
    for (const SimdPath path : available_simd_paths()) {
        use_simd_path(path);
        std::vector<double> out(xs.size());
        detail::run_simd([&] {
            for (std::size_t i = 0; i < xs.size(); ++i) out[i] = detail::vector_exp(xs[i]);
        });
        std::int64_t worst = 0;
        double worst_at = 0;
        for (std::size_t i = 0; i < xs.size(); ++i) {
            const std::int64_t apart = ulps_apart(out[i], std::exp(xs[i]));
            if (apart > worst) {
                worst = apart;
                worst_at = xs[i];
            }
        }
        EXPECT_LE(worst, 2) << "path " << to_string(path) << ": " << worst << " ulps at " << std::hexfloat << worst_at;
    }
}

TEST(VectorExp, ExactAtZeroAndClampedOutsideItsRange) {
    EXPECT_EQ(detail::vector_exp(0.0), 1.0);
    EXPECT_EQ(detail::vector_exp(-1e300), detail::vector_exp(-708.0));
    EXPECT_GT(detail::vector_exp(-1e300), 0.0);
    EXPECT_TRUE(std::isfinite(detail::vector_exp(1e300)));
    EXPECT_EQ(detail::vector_exp(1e300), detail::vector_exp(709.0));
    EXPECT_EQ(detail::vector_exp(std::numeric_limits<double>::lowest()), detail::vector_exp(-708.0));
}

TEST(VectorExp, PowersOfSharesAreStdPows) {
    // r^w = exp(w ln r) for r in (0, 1] and w in [0, 1], as CoCoSo takes them. The rounding of
    // w ln r (about |w ln r| 2^-53) becomes a relative error of e^(w ln r): the bound grows with it.
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> exponent(-40.0, 0.0), weight(0.0, 1.0);
    for (int i = 0; i < 200000; ++i) {
        const double r = std::exp2(exponent(rng)), w = weight(rng);
        const double y = w * std::log(r), exact = std::pow(r, w);
        const double bound = (4.0 + 2.0 * std::abs(y)) * 0x1p-53 * exact;
        ASSERT_NEAR(detail::vector_exp(w * detail::vector_log(r)), exact, bound) << std::hexfloat << r << " ^ " << w;
    }
}

}  // namespace
}  // namespace civitas
