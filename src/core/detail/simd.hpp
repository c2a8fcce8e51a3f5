#pragma once
// How a kernel runs on the path simd_path() chose: written once as a lambda of plain loops, then
// compiled three times, for baseline, for AVX2 with FMA and for AVX-512, by instantiating it inside
// functions built for each target (GCC and Clang's target attribute; `flatten` inlines the lambda
// and what it calls, so the vectoriser sees it with the target's instructions: GCC all it calls,
// Clang only the calls in the lambda itself, so a helper of a kernel is always_inline). Everything else the
// library instantiates stays baseline code, so no AVX2 or AVX-512 copy of a shared template can
// reach a processor without it. Eigen chooses its packets at compile time: a kernel meant for the
// wider paths is written as loops, not Eigen expressions.

#include <civitas/core/simd.hpp>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define CIVITAS_SIMD_X86 1
#define CIVITAS_TARGET_AVX2_FMA __attribute__((target("avx2,fma"), flatten))
#define CIVITAS_AVX512_FEATURES "avx512f,avx512dq,avx512vl,avx512bw,avx2,fma"
#if defined(__clang__)
// Clang takes no tuning in the target attribute; its default tuning keeps 512-bit vectors.
#define CIVITAS_TARGET_AVX512 __attribute__((target(CIVITAS_AVX512_FEATURES), flatten))
#else
// prefer-vector-width=512: GCC's tunings that favour 256-bit vectors on AVX-512 processors (-mtune=
// skylake-avx512 and the like) would otherwise keep this copy at the AVX2 path's width.
#define CIVITAS_TARGET_AVX512 \
    __attribute__((target(CIVITAS_AVX512_FEATURES ",prefer-vector-width=512"), flatten))
#endif
#define CIVITAS_TARGET_BASELINE __attribute__((flatten))
#else
#define CIVITAS_SIMD_X86 0
#define CIVITAS_TARGET_BASELINE
#endif

namespace civitas::detail {

template <class Kernel>
CIVITAS_TARGET_BASELINE decltype(auto) run_baseline(Kernel&& kernel) {
    return kernel();
}

#if CIVITAS_SIMD_X86
template <class Kernel>
CIVITAS_TARGET_AVX2_FMA decltype(auto) run_avx2_fma(Kernel&& kernel) {
    return kernel();
}

template <class Kernel>
CIVITAS_TARGET_AVX512 decltype(auto) run_avx512(Kernel&& kernel) {
    return kernel();
}
#endif

/// kernel() compiled for the path simd_path() names.
template <class Kernel>
decltype(auto) run_simd(Kernel&& kernel) {
#if CIVITAS_SIMD_X86
    switch (simd_path()) {
    case SimdPath::avx512: return run_avx512(kernel);
    case SimdPath::avx2_fma: return run_avx2_fma(kernel);
    case SimdPath::baseline: break;
    }
#endif
    return run_baseline(kernel);
}

}  // namespace civitas::detail
