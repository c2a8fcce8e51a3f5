#pragma once
// Numbers as people read and write them, whatever the host's locale: std::to_chars and
// std::from_chars never consult setlocale or std::locale::global (printf, strtod and streams
// do: under de_DE they print "4,56" and refuse "4.56").

#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

#if defined(__unix__) || defined(__APPLE__)
#include <locale.h>
#if defined(__APPLE__)
#include <xlocale.h>
#endif
#define CIVITAS_HAS_USELOCALE 1
#endif

namespace civitas::detail {

/// The text of [first, to_chars's end): a helper of the formatters below.
inline std::string chars_text(const char* first, std::to_chars_result result) {
    return std::string(first, static_cast<std::size_t>(result.ptr - first));
}

/// A double as printf's "%.*g" writes it in the "C" locale, `digits` significant digits in [1, 17]:
/// format_significant(2.0 / 3, 4) is "0.6667", format_significant(1e20, 12) "1e+20".
inline std::string format_significant(double value, int digits) {
    char buffer[32];
    return chars_text(buffer, std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, digits));
}

/// Shortest round-tripping text of a double: "36", "4.56", "1e+20", "inf", "nan".
inline std::string format_number(double value) {
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
    if (value == 0) return "0";
    char buffer[32];
    char* const end = buffer + sizeof buffer;
    if (std::abs(value) < 1e15 && value == std::floor(value))
        return chars_text(buffer, std::to_chars(buffer, end, value, std::chars_format::fixed, 0));
    // The fewest "%.*g" digits that read back as `value`; the shortest digits of any form (the
    // bare to_chars) are never more, so the search starts there and nearly always ends there.
    const std::to_chars_result shortest = std::to_chars(buffer, end, value, std::chars_format::scientific);
    int digits = 0;
    for (const char* p = buffer; p != shortest.ptr && *p != 'e'; ++p) digits += *p >= '0' && *p <= '9';
    for (;; ++digits) {
        const std::to_chars_result written = std::to_chars(buffer, end, value, std::chars_format::general, digits);
        double back = 0;
        std::from_chars(buffer, written.ptr, back);
        if (back == value || digits >= 17) return chars_text(buffer, written);
    }
}

/// A value with exactly `decimals` places in [0, 80], rounded as printf's "%.*f" rounds it: (91, 1) -> "91.0".
inline std::string format_decimals(double value, int decimals) {
    char buffer[400];  // the 309 digits of DBL_MAX, a sign, a point and 80 decimals
    const int places = decimals < 0 ? 0 : decimals > 80 ? 80 : decimals;
    return chars_text(buffer, std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, places));
}

/// A value rounded to `decimals` places as format_decimals rounds it, trailing zeros trimmed: 4.560 -> "4.56".
inline std::string format_fixed(double value, int decimals) {
    if (!std::isfinite(value)) return format_number(value);
    std::string text = format_decimals(value, decimals);
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    if (text == "-0") text = "0";
    return text;
}

/// Why parse_decimal refused a text.
enum class NumberProblem { none, empty, not_a_number, not_finite, out_of_range };

/// The plain decimals that fill most files ("61.37", "-2", ".5"): at most 15 digits, at most one
/// '.', no exponent. They are exact as an integer m, and m / 10^k (k <= 15) is one correctly
/// rounded division: the double from_chars gives, for a tenth of its work (Clinger 1990). False,
/// leaving `value` alone, for any other text.
inline bool parse_plain_decimal(const char* first, const char* last, double& value) noexcept {
    static constexpr double powers_of_ten[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    const bool negative = first < last && *first == '-';
    first += negative ? 1 : 0;
    if (last - first > 16) return false;  // more than 15 digits and a point
    unsigned long long mantissa = 0;
    int digits = 0, decimals = -1;  // -1: no point yet
    for (const char* p = first; p < last; ++p) {
        const auto digit = static_cast<unsigned>(*p - '0');
        if (digit < 10) {
            mantissa = mantissa * 10 + digit;
            ++digits;
            decimals += decimals >= 0 ? 1 : 0;
        } else if (*p == '.' && decimals < 0) {
            decimals = 0;
        } else {
            return false;
        }
    }
    if (digits == 0 || digits > 15) return false;
    double parsed = static_cast<double>(mantissa);
    if (decimals > 0) parsed /= powers_of_ten[decimals];
    value = negative ? -parsed : parsed;
    return true;
}

/// Reads a decimal number as a person types it in a spreadsheet, the same in every locale: an
/// optional sign, digits with at most one '.', an optional exponent ("38.5", "-2", "+.5",
/// "1.2e-3"). Refuses spaces, hexadecimal ("0x24"), commas ("38,5", "1,234"), "inf" and "nan"
/// (not_finite) and values beyond a double (out_of_range, "1e999"); `value` is set only on none.
inline NumberProblem parse_decimal(std::string_view text, double& value) noexcept {
    if (text.empty()) return NumberProblem::empty;
    const char* first = text.data();
    const char* const last = first + text.size();
    if (*first == '+' && text.size() > 1 && first[1] != '-') ++first;  // from_chars takes '-' only
    if (parse_plain_decimal(first, last, value)) return NumberProblem::none;
    double parsed = 0;
    const auto [end, error] = std::from_chars(first, last, parsed, std::chars_format::general);
    if (error == std::errc::result_out_of_range && end == last) return NumberProblem::out_of_range;
    if (error != std::errc() || end != last) return NumberProblem::not_a_number;
    if (!std::isfinite(parsed)) return NumberProblem::not_finite;  // from_chars reads "inf", "nan"
    value = parsed;
    return NumberProblem::none;
}

/// parse_decimal's number, or nothing when it refuses the text.
inline std::optional<double> parse_decimal(std::string_view text) noexcept {
    double value = 0;
    if (parse_decimal(text, value) != NumberProblem::none) return std::nullopt;
    return value;
}

/// For its lifetime the calling thread works in the "C" locale (uselocale: the process's locale
/// and the other threads are untouched), for code that follows the locale and cannot be told
/// otherwise: nlohmann's JSON parser takes its decimal point from localeconv(), and where that
/// point is two bytes (ps_AF: "٫") it reads 36.5 as 36.
class ThreadCLocale {
public:
    ThreadCLocale() noexcept {
#ifdef CIVITAS_HAS_USELOCALE
        static const locale_t c_locale = newlocale(LC_ALL_MASK, "C", locale_t{});  // shared by all threads, never freed
        if (c_locale != locale_t{}) previous_ = uselocale(c_locale);
#endif
    }
    ~ThreadCLocale() {
#ifdef CIVITAS_HAS_USELOCALE
        if (previous_ != locale_t{}) uselocale(previous_);
#endif
    }
    ThreadCLocale(const ThreadCLocale&) = delete;
    ThreadCLocale& operator=(const ThreadCLocale&) = delete;

private:
#ifdef CIVITAS_HAS_USELOCALE
    locale_t previous_ = locale_t{};
#endif
};

}  // namespace civitas::detail
