#pragma once
// How a kernel runs on the path simd_path() chose: written once as a lambda of plain loops, then
// compiled twice, for baseline and for AVX2 with FMA, by instantiating it inside functions built
// for each target (GCC and Clang's target attribute; `flatten` inlines the lambda and what it
// calls, so the vectoriser sees it with the target's instructions). Everything else the library
// instantiates stays baseline code, so no AVX2 copy of a shared template can reach a processor
// without it. Eigen chooses its packets at compile time: a kernel meant for the AVX2 path is
// written as loops, not Eigen expressions.

#include <civitas/core/simd.hpp>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define CIVITAS_SIMD_AVX2_FMA 1
#define CIVITAS_TARGET_AVX2_FMA __attribute__((target("avx2,fma"), flatten))
#define CIVITAS_TARGET_BASELINE __attribute__((flatten))
#else
#define CIVITAS_SIMD_AVX2_FMA 0
#define CIVITAS_TARGET_AVX2_FMA
#define CIVITAS_TARGET_BASELINE
#endif

namespace civitas::detail {

template <class Kernel>
CIVITAS_TARGET_BASELINE decltype(auto) run_baseline(Kernel&& kernel) {
    return kernel();
}

#if CIVITAS_SIMD_AVX2_FMA
template <class Kernel>
CIVITAS_TARGET_AVX2_FMA decltype(auto) run_avx2_fma(Kernel&& kernel) {
    return kernel();
}
#endif

/// kernel() compiled for the path simd_path() names.
template <class Kernel>
decltype(auto) run_simd(Kernel&& kernel) {
#if CIVITAS_SIMD_AVX2_FMA
    if (simd_path() == SimdPath::avx2_fma) return run_avx2_fma(kernel);
#endif
    return run_baseline(kernel);
}

}  // namespace civitas::detail
