#pragma once
/// Closed intervals: pass lines, bounds and targets ("at least 36", "at most 5.6", [6.5, 8.5]).

#include <civitas/core/message.hpp>
#include <civitas/export.hpp>

#include <limits>
#include <string>

namespace civitas {

/// Positive infinity, the open end of an interval.
inline constexpr double unbounded = std::numeric_limits<double>::infinity();

/// A closed interval [low, high]; an open end is +/-infinity.
struct CIVITAS_CORE_EXPORT Interval {
    double low = -unbounded;   ///< lower end, -infinity when open
    double high = unbounded;   ///< upper end, +infinity when open

    /// [line, +inf): "at least line".
    [[nodiscard]] static Interval at_least(double line) noexcept { return {line, unbounded}; }
    /// (-inf, line]: "at most line".
    [[nodiscard]] static Interval at_most(double line) noexcept { return {-unbounded, line}; }
    /// True when low <= value <= high.
    [[nodiscard]] bool contains(double value) const noexcept { return low <= value && value <= high; }
    /// Distance from value to the interval, 0 inside.
    [[nodiscard]] double distance(double value) const noexcept {
        return value < low ? low - value : (value > high ? value - high : 0.0);
    }
    friend bool operator==(const Interval& a, const Interval& b) noexcept {
        return a.low == b.low && a.high == b.high;
    }
    friend bool operator!=(const Interval& a, const Interval& b) noexcept { return !(a == b); }
};

/// A line as people write it: ">= 36", "<= 5.6", "[6.5, 8.5]"; "any" ("不限") when open at both ends.
[[nodiscard]] CIVITAS_CORE_EXPORT std::string to_string(const Interval& line, Language language = Language::en);

}  // namespace civitas
