// How each language writes the report's dates and numbers.

#include "report/detail/formats.hpp"
#include "report/detail/words.hpp"

#include "core/detail/number_format.hpp"
#include "core/detail/quantity.hpp"

#include <cmath>

namespace civitas::detail {

namespace {

const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

const char* language_tag(Language language) { return language == Language::en ? "en" : "zh-CN"; }

std::string format_date(Language language, Date date) {
    const auto ymd = date.year_month_day();
    if (language == Language::en)
        return std::to_string(ymd.day) + " " + months[ymd.month - 1] + " " + std::to_string(ymd.year);
    return std::to_string(ymd.year) + "年" + std::to_string(ymd.month) + "月" + std::to_string(ymd.day) + "日";
}

std::string format_share(Language language, double share) { return format_value(language, share * 100, 1) + "%"; }

std::string format_money(Language language, double yuan) {
    return language == Language::zh ? format_value(language, yuan / 1e4, 6) : format_value(language, yuan, 2);
}

std::string format_value(Language language, double value, int decimals) {
    std::string text = format_fixed(value, decimals);
    if (language != Language::en || !std::isfinite(value)) return text;
    const std::size_t sign = text[0] == '-' ? 1 : 0;
    std::size_t end = text.find('.');
    if (end == std::string::npos) end = text.size();
    for (std::size_t at = end; at > sign + 3; at -= 3) text.insert(at - 3, ",");
    return text;
}

std::string format_line(Language language, const Interval& line, Direction direction, const std::string& measure) {
    if (direction == Direction::yes_no) return words::yes.text(language);
    const bool low = std::isfinite(line.low), high = std::isfinite(line.high);
    if (low && high && line.low == line.high) return with_measure(format_value(language, line.low), measure);
    if (low && high) return with_measure(format_value(language, line.low) + "–" + format_value(language, line.high), measure);
    if (low) return "≥ " + with_measure(format_value(language, line.low), measure);
    if (high) return "≤ " + with_measure(format_value(language, line.high), measure);
    return "—";
}

std::string format_gap(Language language, double gap, const std::string& measure) {
    return gap_words(format_value(language, gap), measure).text(language);
}

std::string format_measure(Language language, double value, Direction direction, const std::string& measure) {
    if (direction == Direction::yes_no) return (value >= 0.5 ? words::yes : words::no).text(language);
    return with_measure(format_value(language, value), measure);
}

}  // namespace civitas::detail
