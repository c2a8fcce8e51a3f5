#pragma once
// The natural logarithm written so that a loop calling it vectorises (inside detail::run_simd):
// no branches, no calls, no tables. std::log is a call into libm, which keeps a loop scalar.

#include <cstdint>
#include <cstring>

namespace civitas::detail {

/// ln 2 in two parts: ln2_hi ends in zero bits, so k * ln2_hi is exact for whole |k| < 2000.
inline constexpr double ln2_hi = 6.93147180369123816490e-01;  // 0x3fe62e42fee00000
inline constexpr double ln2_lo = 1.90821492927058770002e-10;  // 0x3dea39ef35793c76

/// x = 2^k (1 + f) with 1 + f in [sqrt(2)/2, sqrt(2)) (cut at the significand's first 20 bits,
/// so within 1e-6 of it), and the pieces of ln(1 + f) below.
struct LogReduction {
    double k, f, half_f_squared, s, r;
};

/// fdlibm's e_log.c (Sun Microsystems 1993, as in FreeBSD and musl), with the branches turned into
/// bit operations: for finite x >= 2^-1022 (a normal double), x = 2^k (1 + f), s = f / (2 + f), and
/// ln(1 + f) = f - f^2/2 + s (f^2/2 + r) with r = R(s^2) a minimax polynomial (error below
/// 2^-58.45). k is less exponent_offset, a whole number.
inline LogReduction reduce_for_log(double x, double exponent_offset) noexcept {
    constexpr double lg1 = 6.666666666666735130e-01, lg2 = 3.999999999940941908e-01, lg3 = 2.857142874366239149e-01,
                     lg4 = 2.222219843214978396e-01, lg5 = 1.818357216161805012e-01, lg6 = 1.531383769920937332e-01,
                     lg7 = 1.479819860511658591e-01;
    constexpr std::uint64_t mantissa_bits = 0x000fffffffffffffULL, one_bits = 0x3ff0000000000000ULL,
                            exponent_one = 0x0010000000000000ULL;
    constexpr std::uint64_t to_half_sqrt2 = 0x00095f6400000000ULL;  // carries into the exponent when 1 + f >= sqrt(2)

    std::uint64_t bits = 0;
    std::memcpy(&bits, &x, sizeof bits);
    const std::uint64_t mantissa = bits & mantissa_bits;
    const std::uint64_t halve = (mantissa + to_half_sqrt2) & exponent_one;  // 1 + f >= sqrt(2): divide it by 2
    const std::uint64_t reduced_bits = mantissa | (halve ^ one_bits);
    double reduced = 0;
    std::memcpy(&reduced, &reduced_bits, sizeof reduced);
    // k as a double without an int64 conversion (AVX2 has none): 2^52 + e read from its bits, less 2^52.
    const std::uint64_t magic_bits = 0x4330000000000000ULL | ((bits + halve) >> 52);  // halve adds 1 to the exponent
    double magic = 0;
    std::memcpy(&magic, &magic_bits, sizeof magic);

    LogReduction t{};
    t.k = magic - ((0x1p52 + 1023.0) - exponent_offset);  // one subtraction when the offset is a constant
    t.f = reduced - 1.0;
    t.half_f_squared = 0.5 * t.f * t.f;
    t.s = t.f / (2.0 + t.f);
    const double z = t.s * t.s;
    const double w = z * z;
    const double t1 = w * (lg2 + w * (lg4 + w * lg6));
    const double t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)));
    t.r = t2 + t1;
    return t;
}

/// ln(x) + exponent_offset * ln 2 for finite x >= 2^-1022 (a normal double), within 1 ulp of the
/// correctly rounded value; exponent_offset is a whole number. Smaller x gives a value for
/// 2^-1022 times x's significand: vector_log() scales those first.
inline double vector_log_of_normal(double x, double exponent_offset = 0.0) noexcept {
    const LogReduction t = reduce_for_log(x, exponent_offset);
    return t.k * ln2_hi - ((t.half_f_squared - (t.s * (t.half_f_squared + t.r) + t.k * ln2_lo)) - t.f);
}

/// ln x in two parts for finite x >= 2^-1022: returns ln(1 + f), within 1 ulp, and sets `k`, a
/// whole number, so that ln x = k ln 2 + ln(1 + f) with 1 + f about in [sqrt(2)/2, sqrt(2)). For sums of
/// many logarithms: sum c_i k_i is taken times ln 2 once, two operations a term fewer.
inline double vector_log_parts(double x, double& k) noexcept {
    const LogReduction t = reduce_for_log(x, 0.0);
    k = t.k;
    return t.f - (t.half_f_squared - t.s * (t.half_f_squared + t.r));
}

/// ln x for finite x >= 0, within 1 ulp of the correctly rounded value (the tests compare it with
/// std::log over every binade, subnormals included); a finite number below ln(2^-1074) for x = 0,
/// so that x * vector_log(x) is exactly 0 there. Negative x, infinity and NaN give meaningless
/// values: the caller rules them out.
inline double vector_log(double x) noexcept {
    // Subnormal x (and 0) is scaled by 2^54 first. The choice is made with a mask of bits, not with
    // `?:` or a comparison: GCC would move the multiplication into a branch, which the vectoriser
    // cannot take, and SSE2 has no 64-bit integer comparison.
    std::uint64_t plain_bits = 0, up_bits = 0;
    std::memcpy(&plain_bits, &x, sizeof plain_bits);
    const std::uint64_t subnormal = 0 - (((plain_bits >> 52) - 1) >> 63);  // all ones when the exponent field is 0
    const double up = x * 0x1p54;
    std::memcpy(&up_bits, &up, sizeof up_bits);
    const std::uint64_t scaled_bits = (up_bits & subnormal) | (plain_bits & ~subnormal);
    constexpr double minus_54 = -54.0;
    std::uint64_t offset_bits = 0;
    std::memcpy(&offset_bits, &minus_54, sizeof offset_bits);
    offset_bits &= subnormal;  // -54 or +0
    double scaled = 0, offset = 0;
    std::memcpy(&scaled, &scaled_bits, sizeof scaled);
    std::memcpy(&offset, &offset_bits, sizeof offset);
    return vector_log_of_normal(scaled, offset);
}

}  // namespace civitas::detail
