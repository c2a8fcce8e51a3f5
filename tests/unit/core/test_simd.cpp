// The SIMD path (core/simd.hpp, core/detail/simd.hpp): chosen once, changed on request, refused
// where the processor lacks it, and a kernel run on each path gives the same sums.

#include <civitas/core/error.hpp>
#include <civitas/core/simd.hpp>

#include "core/detail/simd.hpp"
#include "support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace civitas {
namespace {

using test::SimdPathGuard;

TEST(Simd, BaselineIsAlwaysAvailableAndFirst) {
    const std::vector<SimdPath> paths = available_simd_paths();
    ASSERT_FALSE(paths.empty());
    EXPECT_EQ(paths.front(), SimdPath::baseline);
    EXPECT_NE(std::find(paths.begin(), paths.end(), simd_path()), paths.end());
}

TEST(Simd, UseSimdPathSwitchesEveryAvailablePath) {
    SimdPathGuard guard;
    for (const SimdPath path : available_simd_paths()) {
        use_simd_path(path);
        EXPECT_EQ(simd_path(), path);
    }
}

TEST(Simd, UnavailablePathIsRefusedByName) {
    const std::vector<SimdPath> paths = available_simd_paths();
    std::optional<SimdPath> missing;
    for (const SimdPath path : {SimdPath::avx2_fma, SimdPath::avx512})
        if (std::find(paths.begin(), paths.end(), path) == paths.end() && !missing) missing = path;
    if (!missing) GTEST_SKIP() << "this processor has AVX2, FMA and AVX-512: every path is available";
    SimdPathGuard guard;
    use_simd_path(SimdPath::baseline);
    try {
        use_simd_path(*missing);
        FAIL() << "expected ValidationError";
    } catch (const ValidationError& error) {
        EXPECT_NE(std::string(error.what()).find(to_string(*missing)), std::string::npos) << error.what();
    }
    EXPECT_EQ(simd_path(), SimdPath::baseline);
}

TEST(Simd, TheFastestPathIsTheDefault) {
    if (std::getenv("CIVITAS_SIMD") != nullptr) GTEST_SKIP() << "CIVITAS_SIMD chose the path";
    // The tests that change the path restore it (SimdPathGuard), so this is the one chosen at start.
    EXPECT_EQ(simd_path(), available_simd_paths().back());
}

TEST(Simd, PathsAreListedSlowestFirst) {
    const std::vector<SimdPath> paths = available_simd_paths();
    EXPECT_TRUE(std::is_sorted(paths.begin(), paths.end()));
    // Each wider path needs the instructions of the one before it.
    if (std::find(paths.begin(), paths.end(), SimdPath::avx512) != paths.end()) {
        EXPECT_NE(std::find(paths.begin(), paths.end(), SimdPath::avx2_fma), paths.end());
    }
}

TEST(Simd, KernelGivesTheSameResultOnEveryPath) {
    // Sums of integers are exact on every path, fused or not.
    std::vector<double> values(1003);
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<double>(i % 17);
    SimdPathGuard guard;
    std::vector<double> sums;
    for (const SimdPath path : available_simd_paths()) {
        use_simd_path(path);
        sums.push_back(detail::run_simd([&] {
            double total = 0;
            for (const double v : values) total += v * v + 1.0;
            return total;
        }));
    }
    double expected = 0;
    for (const double v : values) expected += v * v + 1.0;
    for (const double sum : sums) EXPECT_EQ(sum, expected);
}

}  // namespace
}  // namespace civitas
