// Which instruction set the kernels run with (core/simd.hpp): decided once from the processor and
// CIVITAS_SIMD, changed only by use_simd_path.

#include <civitas/core/error.hpp>
#include <civitas/core/simd.hpp>

#include "core/detail/simd.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <string>

namespace civitas {

namespace {

// Every path, slowest first.
constexpr SimdPath all_paths[] = {SimdPath::baseline, SimdPath::avx2_fma, SimdPath::avx512};

// __builtin_cpu_supports also asks whether the system saves the registers (XGETBV): a processor
// with AVX-512 under a system that does not save its registers reports it missing.
bool processor_has(SimdPath path) noexcept {
#if CIVITAS_SIMD_X86
    const bool avx2_fma = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    switch (path) {
    case SimdPath::baseline: return true;
    case SimdPath::avx2_fma: return avx2_fma;
    case SimdPath::avx512:
        return avx2_fma && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
               __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512bw");
    }
    return false;
#else
    return path == SimdPath::baseline;
#endif
}

// The fastest path the processor has, or the one CIVITAS_SIMD names when the processor has it.
SimdPath initial_path() noexcept {
    SimdPath best = SimdPath::baseline;
    for (const SimdPath path : all_paths)
        if (processor_has(path)) best = path;
    if (const char* named = std::getenv("CIVITAS_SIMD")) {
        const auto path = enum_from_string<SimdPath>(named);
        if (path && processor_has(*path)) best = *path;
    }
    return best;
}

std::atomic<SimdPath>& chosen_path() noexcept {
    static std::atomic<SimdPath> path{initial_path()};
    return path;
}

std::string available_names() {
    std::string names;
    for (const SimdPath path : available_simd_paths()) names += (names.empty() ? "" : ", ") + std::string(to_string(path));
    return names;
}

}  // namespace

SimdPath simd_path() noexcept { return chosen_path().load(std::memory_order_relaxed); }

std::vector<SimdPath> available_simd_paths() {
    std::vector<SimdPath> paths;
    for (const SimdPath path : all_paths)
        if (processor_has(path)) paths.push_back(path);
    return paths;
}

void use_simd_path(SimdPath path) {
    if (!processor_has(path))
        throw ValidationError("path", Message("'{0}' is not available on this processor or build; available: {1}"_en,
                                              "'{0}' 在本处理器或本构建上不可用；可用的: {1}"_zh,
                                              {to_string(path), available_names()}));
    chosen_path().store(path, std::memory_order_relaxed);
}

}  // namespace civitas
