#pragma once
/// The one type caster for dates: civitas::Date (boost::gregorian::date) <-> datetime.date.
/// A datetime.datetime is refused (it is a date subclass, but its time would be dropped silently),
/// as is anything else: pybind11 then raises TypeError.

#include <civitas/plan/calendar.hpp>

#include <pybind11/pybind11.h>

#include <datetime.h>

#include <stdexcept>
#include <string>

namespace pybind11::detail {

// CPython's date macros cast in the C style.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
template <>
struct type_caster<civitas::Date> {
    PYBIND11_TYPE_CASTER(civitas::Date, const_name("datetime.date"));

    // PyDateTimeAPI is static per translation unit: import it where it is used.
    static void import_datetime() {
        if (!PyDateTimeAPI) { PyDateTime_IMPORT; }
        if (!PyDateTimeAPI) throw error_already_set();
    }

    bool load(handle source, bool /*convert*/) {
        import_datetime();
        if (!source || !PyDate_Check(source.ptr()) || PyDateTime_Check(source.ptr())) return false;
        try {
            value = civitas::Date(static_cast<unsigned short>(PyDateTime_GET_YEAR(source.ptr())),
                                  static_cast<unsigned short>(PyDateTime_GET_MONTH(source.ptr())),
                                  static_cast<unsigned short>(PyDateTime_GET_DAY(source.ptr())));
        } catch (const std::out_of_range&) {  // boost's bad_year: dates before 1400
            throw value_error(str(source).cast<std::string>() + " is outside the dates civitas handles; expected years 1400..9999");
        }
        return true;
    }

    static handle cast(const civitas::Date& date, return_value_policy /*policy*/, handle /*parent*/) {
        import_datetime();
        if (date.is_special()) throw value_error("not a date (a special value such as not-a-date-time)");
        const auto ymd = date.year_month_day();
        return PyDate_FromDate(static_cast<int>(ymd.year), static_cast<int>(ymd.month), static_cast<int>(ymd.day));
    }
};
#pragma GCC diagnostic pop

}  // namespace pybind11::detail
