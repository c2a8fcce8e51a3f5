// A line as people write it.

#include <civitas/core/interval.hpp>

#include "core/detail/number_format.hpp"

#include <cmath>

namespace civitas {

using detail::format_number;

std::string to_string(const Interval& line, Language language) {
    // Only a properly open end reads as one: an error message may show [5, -inf] as it is.
    const bool open_low = line.low == -unbounded, open_high = line.high == unbounded;
    if (open_low && open_high) return language == Language::zh ? "不限" : "any";
    if (open_high && std::isfinite(line.low)) return ">= " + format_number(line.low);
    if (open_low && std::isfinite(line.high)) return "<= " + format_number(line.high);
    return "[" + format_number(line.low) + ", " + format_number(line.high) + "]";
}

}  // namespace civitas
