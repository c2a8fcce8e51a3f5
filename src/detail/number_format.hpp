#pragma once
// Numbers as people read them: the shortest text that reads back as the same double.

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace civitas::detail {

/// Shortest round-tripping text of a double: "36", "4.56", "inf", "nan".
inline std::string format_number(double value) {
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
    char buffer[32];
    if (std::abs(value) < 1e15 && value == std::floor(value)) {
        std::snprintf(buffer, sizeof buffer, "%.0f", value);
        return value == 0 ? "0" : buffer;
    }
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
        if (std::strtod(buffer, nullptr) == value) break;
    }
    return buffer;
}

/// A value rounded to `decimals` places, trailing zeros trimmed: 4.560 -> "4.56".
inline std::string format_fixed(double value, int decimals) {
    if (!std::isfinite(value)) return format_number(value);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text = buffer;
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    if (text == "-0") text = "0";
    return text;
}

}  // namespace civitas::detail
