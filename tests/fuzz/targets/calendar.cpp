// parse_calendar on any bytes. Laws where it parses: calendar_to_json parses back to an equal
// calendar; holidays are not working days, adjusted working days are; adding working days
// throws nothing but civitas::Error and lands on a working day, and counting them undoes it
// (working_days_between(d, add_working_days(d, n)) == n, forwards, and backwards from a working
// day) around the calendar's dates.

#include "fuzz_target.hpp"

#include <civitas/plan/calendar.hpp>
#include <civitas/io/calendar_io.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

using namespace civitas;

CIVITAS_FUZZ_TARGET(calendar) {
    std::optional<WorkCalendar> parsed;
    try {
        parsed.emplace(parse_calendar(text, "fuzz.json"));
    } catch (const civitas::Error&) {
        return;
    }
    const WorkCalendar& calendar = *parsed;

    const std::string json = calendar_to_json(calendar);
    CIVITAS_FUZZ_CHECK(parse_calendar(json, "written.json") == calendar, "calendar_to_json does not parse back to an equal calendar:\n" + json);
    (void)to_string(calendar);

    const std::vector<Date> holidays = calendar.holidays();
    const std::vector<Date> adjusted = calendar.adjusted_working_days();
    for (Date day : holidays) CIVITAS_FUZZ_CHECK(!calendar.is_working_day(day), "holiday " + to_iso(day) + " is a working day");
    for (Date day : adjusted) CIVITAS_FUZZ_CHECK(calendar.is_working_day(day), "adjusted working day " + to_iso(day) + " is not a working day");

    std::vector<Date> starts{Date(2025, 1, 1)};
    if (!holidays.empty()) starts.push_back(holidays.front());
    if (!adjusted.empty()) starts.push_back(adjusted.back());
    for (Date start : starts) {
        for (int n : {1, 3, 10, -1, -7}) {
            Date end;
            try {
                end = calendar.add_working_days(start, n);
            } catch (const civitas::Error&) {
                continue;  // the calendar's range ends
            }
            // calendar.hpp states this for every n != 0; backwards from a day off it is one short
            // (the start is not counted), so it is checked forwards, and backwards from a working day.
            if (n > 0 || calendar.is_working_day(start))
                CIVITAS_FUZZ_CHECK(calendar.working_days_between(start, end) == n,
                                   "working_days_between(" + to_iso(start) + ", add_working_days(.., " + std::to_string(n) + ")) != n");
            CIVITAS_FUZZ_CHECK(calendar.is_working_day(end), to_iso(end) + " = add_working_days(" + to_iso(start) + ", " +
                                                                 std::to_string(n) + ") is not a working day");
        }
    }
}
