#pragma once
// The years an assessment may count for: a round scheme's first year, a round's year.

#include <civitas/core/message.hpp>

namespace civitas::detail {

/// Earliest plausible assessment year.
inline constexpr int first_plausible_year = 1900;
/// Latest plausible assessment year.
inline constexpr int last_plausible_year = 2200;

/// True when `year` is in [first_plausible_year, last_plausible_year].
[[nodiscard]] inline bool plausible_year(int year) noexcept { return year >= first_plausible_year && year <= last_plausible_year; }

/// "1850 is not a plausible year; expected a year in [1900, 2200]".
[[nodiscard]] Message implausible_year(int year);

}  // namespace civitas::detail
