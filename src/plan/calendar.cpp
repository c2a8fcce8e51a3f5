// Dates and working-day calendars.

#include <civitas/core/error.hpp>
#include <civitas/plan/calendar.hpp>

#include "plan/detail/date_words.hpp"

#include <array>
#include <cstdio>
#include <stdexcept>

namespace civitas {

namespace {

constexpr std::array<const char*, 7> weekday_names = {"sunday", "monday", "tuesday", "wednesday",
                                                     "thursday", "friday", "saturday"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int digits(std::string_view text, std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
    return value;
}

void require_date(Date date, const char* what) {
    if (date.is_special())
        throw ValidationError(what, Message("not a date (a special value such as not-a-date-time)"_en, "不是日期（not-a-date-time 等特殊值）"_zh));
}

}  // namespace

Message detail::date_problem(std::string_view iso, const Message::Argument& shown, bool say_expected) {
    const auto with_expectation = [say_expected](Message reason) {
        return say_expected ? Message("{0}; expected YYYY-MM-DD"_en, "{0}；应为 YYYY-MM-DD"_zh, {std::move(reason)}) : reason;
    };
    const bool shape = iso.size() == 10 && iso[4] == '-' && iso[7] == '-' && is_digit(iso[0]) && is_digit(iso[1]) &&
                       is_digit(iso[2]) && is_digit(iso[3]) && is_digit(iso[5]) && is_digit(iso[6]) &&
                       is_digit(iso[8]) && is_digit(iso[9]);
    if (!shape) return Message("{0} is not a date; expected YYYY-MM-DD"_en, "{0} 不是日期；应为 YYYY-MM-DD"_zh, {shown});
    const int year = digits(iso, 0, 4), month = digits(iso, 5, 2), day = digits(iso, 8, 2);
    if (year < 1400)
        return with_expectation(Message("{0} is not a date: year {1} is outside 1400..9999"_en, "{0} 不是日期: 年份 {1} 不在 1400..9999 之内"_zh,
                       {shown, std::to_string(year)}));
    if (month < 1 || month > 12)
        return with_expectation(Message("{0} is not a date: month {1} is not in 1..12"_en, "{0} 不是日期: 月份 {1} 不在 1..12 之内"_zh,
                       {shown, std::to_string(month)}));
    const int last = boost::gregorian::gregorian_calendar::end_of_month_day(
        static_cast<unsigned short>(year), static_cast<unsigned short>(month));
    if (day < 1 || day > last) {
        // The month as a phrase: "February 2025" / "2025 年 2 月".
        static const std::array<Message, 12> months = {
            Message("January"_en, "1 月"_zh), Message("February"_en, "2 月"_zh), Message("March"_en, "3 月"_zh),     Message("April"_en, "4 月"_zh),
            Message("May"_en, "5 月"_zh),     Message("June"_en, "6 月"_zh),     Message("July"_en, "7 月"_zh),      Message("August"_en, "8 月"_zh),
            Message("September"_en, "9 月"_zh), Message("October"_en, "10 月"_zh), Message("November"_en, "11 月"_zh), Message("December"_en, "12 月"_zh)};
        return with_expectation(Message("{0} is not a date: {1} {2} has {3} days"_en, "{0} 不是日期: {2} 年 {1}只有 {3} 天"_zh,
                       {shown, months[static_cast<std::size_t>(month - 1)], std::to_string(year), std::to_string(last)}));
    }
    return {};
}

Message detail::weekday_phrase(Weekday day) {
    switch (day) {
    case Weekday::Sunday: return Message("sunday"_en, "星期日"_zh);
    case Weekday::Monday: return Message("monday"_en, "星期一"_zh);
    case Weekday::Tuesday: return Message("tuesday"_en, "星期二"_zh);
    case Weekday::Wednesday: return Message("wednesday"_en, "星期三"_zh);
    case Weekday::Thursday: return Message("thursday"_en, "星期四"_zh);
    case Weekday::Friday: return Message("friday"_en, "星期五"_zh);
    case Weekday::Saturday: return Message("saturday"_en, "星期六"_zh);
    }
    return Message("?"_en, "?"_zh);
}

Date parse_date(std::string_view iso, const std::string& where) {
    const std::string quoted = "\"" + std::string(iso) + "\"";
    if (Message problem = detail::date_problem(iso, quoted); !problem.empty()) throw ValidationError(where, std::move(problem));
    try {
        return Date(static_cast<unsigned short>(digits(iso, 0, 4)), static_cast<unsigned short>(digits(iso, 5, 2)),
                    static_cast<unsigned short>(digits(iso, 8, 2)));
    } catch (const std::out_of_range& error) {  // boost's bad_year, bad_month, bad_day_of_month
        throw ValidationError(where, Message("{0} is not a date: {1}"_en, "{0} 不是日期: {1}"_zh, {quoted, error.what()}));
    }
}

std::string to_iso(Date date) {
    require_date(date, "date");
    const auto ymd = date.year_month_day();
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", static_cast<int>(ymd.year), static_cast<int>(ymd.month),
                  static_cast<int>(ymd.day));
    return text;
}

const char* weekday_name(Weekday day) noexcept {
    const auto index = static_cast<std::size_t>(day);
    return index < weekday_names.size() ? weekday_names[index] : "?";
}

std::optional<Weekday> weekday_from_name(std::string_view name) noexcept {
    for (std::size_t i = 0; i < weekday_names.size(); ++i)
        if (name == weekday_names[i]) return static_cast<Weekday>(i);
    return std::nullopt;
}

WorkCalendar::WorkCalendar(CalendarSpec spec) : spec_(std::move(spec)) {
    for (Weekday day : spec_.weekend)
        if (static_cast<int>(day) < 0 || static_cast<int>(day) > 6)
            throw ValidationError("$.weekend", Message("{0} is not a weekday; expected 0 (Sunday) .. 6 (Saturday)"_en,
                                                       "{0} 不是星期几；应为 0（星期日）.. 6（星期六）"_zh,
                                                       {std::to_string(static_cast<int>(day))}));
    if (spec_.weekend.size() == 7)
        throw ValidationError("$.weekend", Message("every day of the week is a weekend day; expected at least one working weekday"_en,
                                                   "一周七天都是周末休息日；应至少有一个工作日"_zh));
    for (const auto& [date, name] : spec_.holidays) require_date(date, "$.holidays");
    for (Date date : spec_.working_days) {
        require_date(date, "$.working_days");
        if (spec_.holidays.count(date) != 0)
            throw ValidationError("$.working_days", Message("{0} is both a holiday and an adjusted working day; expected one or the other"_en,
                                                            "{0} 既是节假日又是调休工作日；应为二者之一"_zh, {to_iso(date)}));
        if (spec_.weekend.count(date.day_of_week().as_enum()) == 0)
            throw ValidationError("$.working_days",
                                  Message("{0} is a {1}, not a weekend day; an adjusted working day is a weekend day that is worked"_en,
                                          "{0} 是{1}，不是周末休息日；调休工作日应为调作上班的周末休息日"_zh,
                                          {to_iso(date), detail::weekday_phrase(date.day_of_week().as_enum())}));
    }
}

std::vector<Date> WorkCalendar::holidays() const {
    std::vector<Date> dates;
    dates.reserve(spec_.holidays.size());
    for (const auto& item : spec_.holidays) dates.push_back(item.first);
    return dates;
}

std::vector<Date> WorkCalendar::adjusted_working_days() const {
    return {spec_.working_days.begin(), spec_.working_days.end()};
}

bool WorkCalendar::is_working_day(Date date) const {
    require_date(date, "date");
    if (spec_.working_days.count(date) != 0) return true;
    if (spec_.holidays.count(date) != 0) return false;
    return spec_.weekend.count(date.day_of_week().as_enum()) == 0;
}

namespace {

// The day after (`forward`) or before `date`; ValidationError past the calendar's range, years
// 1400..9999, where boost would throw its own exception.
Date step(Date date, bool forward) {
    const Date edge = forward ? Date(9999, 12, 31) : Date(1400, 1, 1);
    if (date == edge)
        throw ValidationError("date", Message("no working day {1} {0}; expected dates in the years 1400..9999"_en,
                                              "{0}{1}没有工作日；日期应在 1400..9999 年之内"_zh,
                                              {to_iso(edge), forward ? Message("after"_en, "之后"_zh) : Message("before"_en, "之前"_zh)}));
    return forward ? date + boost::gregorian::date_duration(1) : date - boost::gregorian::date_duration(1);
}

}  // namespace

// Day by day: a calendar has at least one working weekday, so a working day is at most a
// week plus the longest run of holidays away.
Date WorkCalendar::next_working_day(Date date) const {
    require_date(date, "date");
    do date = step(date, true);
    while (!is_working_day(date));
    return date;
}

Date WorkCalendar::previous_working_day(Date date) const {
    require_date(date, "date");
    do date = step(date, false);
    while (!is_working_day(date));
    return date;
}

Date WorkCalendar::add_working_days(Date start, int n) const {
    if (n == 0) return is_working_day(start) ? start : next_working_day(start);
    Date date = start;
    for (int i = 0; i < n; ++i) date = next_working_day(date);
    for (int i = 0; i > n; --i) date = previous_working_day(date);
    return date;
}

int WorkCalendar::working_days_between(Date from, Date to) const {
    require_date(from, "from");
    require_date(to, "to");
    if (to < from) return -working_days_between(to, from);
    int count = 0;
    const boost::gregorian::date_duration day(1);
    for (Date date = from + day; date <= to; date += day) count += is_working_day(date) ? 1 : 0;
    return count;
}

std::string to_string(const WorkCalendar& calendar) {
    const CalendarSpec& spec = calendar.spec();
    std::string text = "<WorkCalendar";
    if (!spec.id.empty()) text += " '" + spec.id + "'";
    text += ": weekend ";
    std::string days;
    for (int i = 1; i <= 7; ++i) {  // Monday first
        const auto day = static_cast<Weekday>(i % 7);
        if (spec.weekend.count(day) != 0) days += (days.empty() ? "" : "+") + std::string(weekday_name(day));
    }
    text += days.empty() ? "none" : days;
    text += ", " + std::to_string(spec.holidays.size()) + " holidays";
    if (!spec.holidays.empty())
        text += " " + to_iso(spec.holidays.begin()->first) + ".." + to_iso(spec.holidays.rbegin()->first);
    text += ", " + std::to_string(spec.working_days.size()) + " adjusted working days>";
    return text;
}

}  // namespace civitas
