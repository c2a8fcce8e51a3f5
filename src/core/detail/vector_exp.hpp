#pragma once
// The exponential written so that a loop calling it vectorises (inside detail::run_simd), the
// companion of vector_log.hpp: no branches, no calls, no tables. std::exp is a call into libm,
// which keeps a loop scalar.

#include "core/detail/vector_log.hpp"

#include <cstdint>
#include <cstring>

namespace civitas::detail {

/// e^x for x in [-708, 709] (a normal result), within 2 ulp of the correctly rounded value; x is
/// clamped to that range (so below -708 the result is about 3e-308, not 0: callers that need an
/// exact 0 choose it themselves). Cody & Waite's reduction x = k ln 2 + r with |r| <= ln 2 / 2
/// (k rounded by the 1.5 x 2^52 trick, ln 2 in two parts) and e^r by its Taylor series to r^13,
/// whose remainder is below 2^-57 there; then 2^k is put into the exponent bits.
inline double vector_exp(double x) noexcept {
    constexpr double lowest = -708.0, highest = 709.0;
    x = x < lowest ? lowest : x;
    x = x > highest ? highest : x;
    constexpr double log2e = 1.4426950408889634074, round_magic = 0x1.8p52;
    const double shifted = x * log2e + round_magic;
    const double k = shifted - round_magic;  // x / ln 2 rounded to a whole number
    const double r = (x - k * ln2_hi) - k * ln2_lo;
    // 1 + r + r^2/2! + ... + r^13/13!, by Horner's rule.
    double p = 1.0 / 6227020800.0;
    p = p * r + 1.0 / 479001600.0;
    p = p * r + 1.0 / 39916800.0;
    p = p * r + 1.0 / 3628800.0;
    p = p * r + 1.0 / 362880.0;
    p = p * r + 1.0 / 40320.0;
    p = p * r + 1.0 / 5040.0;
    p = p * r + 1.0 / 720.0;
    p = p * r + 1.0 / 120.0;
    p = p * r + 1.0 / 24.0;
    p = p * r + 1.0 / 6.0;
    p = p * r + 0.5;
    p = p * r + 1.0;
    p = p * r + 1.0;
    // 2^k from k's bits in `shifted` (its low bits hold k + 2^51 * 3 as an integer): the biased
    // exponent k + 1023 shifted into place.
    std::uint64_t k_bits = 0;
    std::memcpy(&k_bits, &shifted, sizeof k_bits);
    const std::uint64_t scale_bits = (k_bits + 1023U) << 52U;
    double scale = 0;
    std::memcpy(&scale, &scale_bits, sizeof scale);
    return p * scale;
}

}  // namespace civitas::detail
