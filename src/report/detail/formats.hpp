#pragma once
// How each language writes what is not a sentence: its tag, dates, numbers, pass lines and
// measured values. The report's words and sentences are in words.hpp.

#include <civitas/core/message.hpp>
#include <civitas/framework/framework.hpp>
#include <civitas/plan/calendar.hpp>

#include <string>

namespace civitas::detail {

/// The BCP 47 tag of a language: "zh-CN", "en".
[[nodiscard]] const char* language_tag(Language language);

/// A date as the language writes it: 2026年9月30日, 30 Sep 2026.
[[nodiscard]] std::string format_date(Language language, Date date);

/// A number rounded to `decimals` places, trailing zeros trimmed, thousands grouped in English.
[[nodiscard]] std::string format_value(Language language, double value, int decimals = 2);

/// A share in [0, 1] as a percentage to one decimal, trailing zeros trimmed: 0.514 -> "51.4%".
[[nodiscard]] std::string format_share(Language language, double share);

/// An amount of money to the fen: yuan with thousands grouped in English ("13,200,000.5"), 万元 in
/// Chinese ("1320.00005"), trailing zeros trimmed; the unit is the column's.
[[nodiscard]] std::string format_money(Language language, double yuan);

/// A pass line: "≥ 36", "≤ 5.6", "35–40", with the unit of measure.
[[nodiscard]] std::string format_line(Language language, const Interval& line, Direction direction, const std::string& measure);

/// A gap to a line with its unit; a percentage's gap in percentage points ("4.56 个百分点").
[[nodiscard]] std::string format_gap(Language language, double gap, const std::string& measure);

/// A measured value with its unit; yes/no read as words.
[[nodiscard]] std::string format_measure(Language language, double value, Direction direction, const std::string& measure);

}  // namespace civitas::detail
