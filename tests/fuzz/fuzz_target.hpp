#pragma once
// What every fuzz target shares. A target is written once, as
//
//     CIVITAS_FUZZ_TARGET(framework) { ... body using `text` (std::string_view) ... }
//
// and built twice: with libFuzzer (preset `fuzz`, CIVITAS_FUZZ_LIBFUZZER defined) it becomes
// LLVMFuzzerTestOneInput; in every other build it registers itself with the replay driver
// (replay.cpp), which runs it over its corpus and regression inputs under ctest.
//
// The contract a target checks: civitas input gives a result or a civitas::Error, nothing else.
// A body catches civitas::Error only where the library may throw it; any exception escaping the
// body, a broken law (CIVITAS_FUZZ_CHECK), a crash, a leak, undefined behaviour or a timeout is a
// finding. Escaping exceptions are caught nowhere, on purpose: std::terminate then runs where the
// exception was thrown, so the report's stack shows the throw and the terminate message its
// type and what().

#include <civitas/core/error.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace civitas {
class Framework;
}  // namespace civitas

namespace civitas::fuzz {

/// The function a target defines: one input, as bytes.
using TargetFunction = void (*)(std::string_view text);

/// The input being run, for messages (set by the replay driver; "" under libFuzzer, which names it itself).
inline std::string& current_input() {
    static std::string name;
    return name;
}

/// Reports a finding and aborts, so that libFuzzer saves the input and ctest fails.
[[noreturn]] inline void fail(const char* target, const std::string& what) {
    std::fprintf(stderr, "\n==civitas-fuzz== finding in target '%s'%s%s: %s\n", target,
                 current_input().empty() ? "" : " on ", current_input().c_str(), what.c_str());
    std::fflush(stderr);
    std::abort();
}

/// Folder of the files that campaign and plan inputs may name (tests/fuzz/files).
inline const char* files_folder() { return CIVITAS_FUZZ_FILES_DIR; }

/// True when a number is the same in both, NaN equal to NaN.
inline bool same_number(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

/// A CSV field in double quotes, its quotes doubled (RFC 4180).
inline std::string csv_field(const std::string& field) {
    std::string out = "\"";
    for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

/// A number with every digit it needs to read back the same (17 significant).
inline std::string exact_number(double value) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return buffer;
}

/// True when a run steps around the known bugs of known-failures.txt, so that it finds new bugs
/// instead of the known ones again and again: under libFuzzer when CIVITAS_FUZZ_AVOID_KNOWN=1
/// (scripts/fuzz.sh sets it unless FUZZ_AVOID_KNOWN=0); in the replay for the corpus, whose
/// inputs the runs found that way, and never for the regression inputs, which stay in
/// known-failures.txt until the fix. Delete an avoidance with the fix of its bug.
bool avoid_known();
/// Sets what avoid_known() says from now on (the replay sets it for each folder).
void set_avoid_known(bool avoid);

/// Registers a target with the replay driver.
bool register_target(const char* name, TargetFunction body);

/// The bundled lanzhou-illustrative framework, loaded once: what the targets that evaluate score against.
const Framework& scoring_framework();

}  // namespace civitas::fuzz

#define CIVITAS_FUZZ_CONCAT_(a, b) a##b
#define CIVITAS_FUZZ_CONCAT(a, b) CIVITAS_FUZZ_CONCAT_(a, b)

/// A law of the target: a finding when `condition` is false.
#define CIVITAS_FUZZ_CHECK(condition, what) \
    ((condition) ? (void)0 : ::civitas::fuzz::fail(civitas_fuzz_target_name, std::string("law broken: ") + (what)))

#ifdef CIVITAS_FUZZ_LIBFUZZER
#define CIVITAS_FUZZ_TARGET(name)                                                                   \
    [[maybe_unused]] static constexpr const char* civitas_fuzz_target_name = #name;                \
    static void civitas_fuzz_body(std::string_view text);                                          \
    extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {            \
        civitas_fuzz_body(std::string_view(reinterpret_cast<const char*>(data), size));            \
        return 0;                                                                                  \
    }                                                                                              \
    static void civitas_fuzz_body(std::string_view text)
#else
#define CIVITAS_FUZZ_TARGET(name)                                                                   \
    [[maybe_unused]] static constexpr const char* civitas_fuzz_target_name = #name;                \
    static void civitas_fuzz_body(std::string_view text);                                          \
    [[maybe_unused]] static const bool CIVITAS_FUZZ_CONCAT(civitas_fuzz_registered_, name) =         \
        ::civitas::fuzz::register_target(#name, &civitas_fuzz_body);                               \
    static void civitas_fuzz_body(std::string_view text)
#endif
