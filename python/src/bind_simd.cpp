/// civitas.simd_path, available_simd_paths and use_simd_path: which instruction set the numerical
/// kernels run with (core/simd.hpp), by name.
#include "bindings.hpp"

#include <civitas/core/simd.hpp>

#include <string>
#include <vector>

namespace civitas::python {

void register_simd(py::module_& m) {
    m.def(
        "simd_path", [] { return std::string(to_string(simd_path())); },
        "The instruction set the numerical kernels run with: 'avx512' where the processor has AVX-512 (F, DQ, VL, BW), "
        "else 'avx2_fma' where it has AVX2 and FMA, else 'baseline' (SSE2 on x86-64); the environment variable "
        "CIVITAS_SIMD ('baseline' or 'avx2_fma'), set before civitas is imported, or use_simd_path() chooses a slower "
        "one. Results agree across paths within docs/performance.md's tolerances.");
    m.def(
        "available_simd_paths",
        [] {
            std::vector<std::string> names;
            for (const SimdPath path : civitas::available_simd_paths()) names.emplace_back(to_string(path));
            return names;
        },
        "Every path this processor and build can run, 'baseline' first.");
    m.def(
        "use_simd_path", [](const std::string& path) { civitas::use_simd_path(enum_argument<SimdPath>(py::str(path), "path")); },
        py::arg("path"),
        "Run the kernels with `path` ('baseline', 'avx2_fma' or 'avx512') from now on, in every thread; ValidationError when this "
        "processor lacks it or the name is unknown.");
}

}  // namespace civitas::python
