// parse_date on any bytes. Laws where it parses: the text is exactly the date's ISO form
// (to_iso gives it back), the date is a real day in the years 1400..9999, and its day number
// converts back to it.

#include "fuzz_target.hpp"

#include <civitas/plan/calendar.hpp>
#include <civitas/tracking/observations.hpp>

#include <string>

using namespace civitas;

CIVITAS_FUZZ_TARGET(date) {
    Date date;
    try {
        date = parse_date(text, "$.date");
    } catch (const civitas::Error&) {
        return;
    }
    CIVITAS_FUZZ_CHECK(!date.is_special(), "parse_date gave a special date");
    CIVITAS_FUZZ_CHECK(to_iso(date) == text, "to_iso(parse_date(text)) is " + to_iso(date) + ", not the text");
    CIVITAS_FUZZ_CHECK(date.year() >= 1400 && date.year() <= 9999, "the year is outside 1400..9999");
    CIVITAS_FUZZ_CHECK(date_of_day(day_number(date)) == date, "the day number does not convert back");
}
