#pragma once
// A number with its unit of measure, and a gap to a line as an office writes it: the gap of a
// percentage is in percentage points (个百分点), since "4.56%" would read as a share of the line.

#include <civitas/core/message.hpp>

#include <string>

namespace civitas::detail {

/// "36%", "5.5 m²/人", "12": the number and its unit, with no space before % and ‰.
inline std::string with_measure(const std::string& number, const std::string& measure) {
    if (measure.empty()) return number;
    if (measure == "%" || measure == "‰") return number + measure;
    return number + " " + measure;
}

/// A gap in words: "4.56 percentage points" / "4.56 个百分点" for "%", per-mille points for "‰", else with_measure.
inline Message gap_words(const std::string& number, const std::string& measure) {
    const bool one = number == "1";
    if (measure == "%")
        return one ? Message("1 percentage point"_en, "1 个百分点"_zh) : Message("{0} percentage points"_en, "{0} 个百分点"_zh, {number});
    if (measure == "‰")
        return one ? Message("1 per-mille point"_en, "1 个千分点"_zh) : Message("{0} per-mille points"_en, "{0} 个千分点"_zh, {number});
    return Message("{0}"_en, "{0}"_zh, {with_measure(number, measure)});
}

}  // namespace civitas::detail
