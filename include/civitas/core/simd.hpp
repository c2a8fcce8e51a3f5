#pragma once
/// The instruction sets the numerical kernels run with, chosen at run time: the library is built
/// for baseline x86-64 (SSE2), so one binary runs everywhere, and takes AVX2 with FMA, or AVX-512,
/// where the processor has them. Results agree across paths within docs/performance.md's
/// tolerances; on one path they are identical run to run and whatever the number of threads.

#include <civitas/core/enums.hpp>
#include <civitas/export.hpp>

#include <cstdint>
#include <vector>

namespace civitas {

/// An instruction set the kernels can run with.
enum class SimdPath : std::int8_t {
    baseline,  ///< what the library was compiled for (SSE2 on x86-64): every processor
    avx2_fma,  ///< AVX2 and FMA (x86-64 processors since 2013-2015)
    avx512,    ///< AVX-512 F, DQ, VL and BW with AVX2 and FMA, 8 doubles a vector (x86-64-v4: Intel since 2017, AMD Zen 4 on)
};
template <> struct EnumNames<SimdPath> { static constexpr const char* values[] = {"baseline", "avx2_fma", "avx512"}; };

/// The path the kernels run with: the fastest this processor has, unless the environment variable
/// CIVITAS_SIMD named another the processor has when the library first asked ("baseline",
/// "avx2_fma") or use_simd_path() chose one.
[[nodiscard]] CIVITAS_CORE_EXPORT SimdPath simd_path() noexcept;

/// Every path this build and processor can run, baseline first.
[[nodiscard]] CIVITAS_CORE_EXPORT std::vector<SimdPath> available_simd_paths();

/// Run the kernels with `path` from now on, in every thread (to compare paths, or to rule one out);
/// ValidationError when this processor or build lacks it.
CIVITAS_CORE_EXPORT void use_simd_path(SimdPath path);

}  // namespace civitas
