#pragma once
/// Dates and working-day calendars: weekends, public holidays and adjusted working days (调休).

#include <civitas/core/limits.hpp>
#include <civitas/export.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace civitas {

/// A calendar day (proleptic Gregorian, years 1400..9999); `datetime.date` in Python.
using Date = boost::gregorian::date;
/// A day of the week, boost's numbering: Sunday = 0 .. Saturday = 6.
using Weekday = boost::date_time::weekdays;

/// Parses exactly "YYYY-MM-DD"; ValidationError at `where` naming the text and why ("February 2025 has 28 days").
[[nodiscard]] CIVITAS_EXPORT Date parse_date(std::string_view iso, const std::string& where);
/// "YYYY-MM-DD"; ValidationError for a special value (not-a-date, infinities).
[[nodiscard]] CIVITAS_EXPORT std::string to_iso(Date date);
/// Lower-case English name of a weekday: "monday" .. "sunday".
[[nodiscard]] CIVITAS_EXPORT const char* weekday_name(Weekday day) noexcept;
/// The weekday named (lower-case English, "monday" .. "sunday"), or nothing.
[[nodiscard]] CIVITAS_EXPORT std::optional<Weekday> weekday_from_name(std::string_view name) noexcept;

/// What a calendar is made of, before validation (the contents of a calendar file).
struct CIVITAS_EXPORT CalendarSpec {
    std::string id;                                          ///< short id ("cn-2025"), may be empty
    std::string name;                                        ///< human-readable name
    std::string source;                                      ///< where the dates come from (notice, URL)
    std::set<Weekday> weekend{Weekday::Saturday, Weekday::Sunday};  ///< days off every week
    std::map<Date, std::string> holidays;                    ///< non-working dates, each with a name ("" when none)
    std::set<Date> working_days;                             ///< adjusted working days (调休): weekend dates that are worked

    friend bool operator==(const CalendarSpec& a, const CalendarSpec& b) noexcept {
        return a.id == b.id && a.name == b.name && a.source == b.source && a.weekend == b.weekend &&
               a.holidays == b.holidays && a.working_days == b.working_days;
    }
    friend bool operator!=(const CalendarSpec& a, const CalendarSpec& b) noexcept { return !(a == b); }
};

/// A validated working-day calendar. A date is a working day when it is an adjusted working
/// day, or else when it is neither a holiday nor a weekend day.
class CIVITAS_EXPORT WorkCalendar {
public:
    /// Saturday and Sunday off, no holidays.
    WorkCalendar() = default;
    /// Validates `spec`: not every weekday a weekend day (ValidationError at "$.weekend"); every
    /// date valid; an adjusted working day falls on a weekend day and is not also a holiday
    /// (ValidationError at "$.working_days" naming the date).
    explicit WorkCalendar(CalendarSpec spec);

    /// The calendar's contents as given.
    [[nodiscard]] const CalendarSpec& spec() const noexcept { return spec_; }
    /// Weekend days (days off every week), Sunday first.
    [[nodiscard]] const std::set<Weekday>& weekend() const noexcept { return spec_.weekend; }
    /// Holidays (non-working dates), ascending.
    [[nodiscard]] std::vector<Date> holidays() const;
    /// Adjusted working days (调休), ascending.
    [[nodiscard]] std::vector<Date> adjusted_working_days() const;

    /// True for an adjusted working day; else false for a holiday or weekend day; else true.
    [[nodiscard]] bool is_working_day(Date date) const;
    /// The first working day strictly after `date` (whether or not `date` itself is one).
    [[nodiscard]] Date next_working_day(Date date) const;
    /// The last working day strictly before `date`.
    [[nodiscard]] Date previous_working_day(Date date) const;
    /// "Due in n working days": n > 0 the n-th working day strictly after `start`; n < 0 the
    /// |n|-th working day strictly before it; n == 0 `start` itself when it is a working day,
    /// else the next working day (a task started on a holiday starts on the next working day).
    [[nodiscard]] Date add_working_days(Date start, int n) const;
    /// Working days in (from, to] (`from` excluded, `to` included); minus the count in (to, from]
    /// when to < from; 0 when equal. So working_days_between(d, add_working_days(d, n)) == n for n != 0.
    [[nodiscard]] int working_days_between(Date from, Date to) const;

    friend bool operator==(const WorkCalendar& a, const WorkCalendar& b) noexcept { return a.spec_ == b.spec_; }
    friend bool operator!=(const WorkCalendar& a, const WorkCalendar& b) noexcept { return !(a == b); }

private:
    CalendarSpec spec_;
};

/// One line describing the calendar: id, weekend, how many holidays and adjusted working days, span.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const WorkCalendar& calendar);

}  // namespace civitas
