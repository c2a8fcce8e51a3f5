#pragma once
// Dates in the words of messages: why a text is no date (parse_date's reasons, for readers that
// show the text their own way, as the CSV reader does with '...') and weekdays as phrases.

#include <civitas/core/message.hpp>
#include <civitas/plan/calendar.hpp>

#include <string_view>

namespace civitas::detail {

/// Why `iso` is not a date "YYYY-MM-DD" in years 1400..9999, naming it as `shown`
/// ("\"2025-02-30\" is not a date: February 2025 has 28 days"); the empty Message when it is one.
/// With `say_expected`, every reason ends by saying what was expected ("; expected YYYY-MM-DD").
[[nodiscard]] Message date_problem(std::string_view iso, const Message::Argument& shown, bool say_expected = false);

/// A weekday as a phrase: "monday" / "星期一".
[[nodiscard]] Message weekday_phrase(Weekday day);

}  // namespace civitas::detail
