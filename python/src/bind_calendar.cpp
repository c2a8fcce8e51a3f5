/// Working-day calendars: WorkCalendar, calendar files. Dates cross as datetime.date
/// (date_caster.hpp); weekdays cross as lower-case English names ("saturday").

#include "bindings.hpp"
#include "date_caster.hpp"

#include <civitas/core/error.hpp>
#include <civitas/io/calendar_io.hpp>
#include <civitas/plan/calendar.hpp>

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace civitas::python {

namespace {

// A weekday from a name ("saturday") or an int as Python's date.weekday() numbers them (Monday = 0).
Weekday read_weekday(py::handle item, std::size_t index) {
    const std::string where = "weekend[" + std::to_string(index) + "]";
    if (py::isinstance<py::str>(item)) {
        const auto name = item.cast<std::string>();
        if (const auto day = weekday_from_name(name)) return *day;
        throw ValidationError(where, Message("'{0}' is not a weekday; expected one of 'monday', 'tuesday', 'wednesday', "
                                             "'thursday', 'friday', 'saturday', 'sunday'"_en,
                                             "'{0}' 不是星期名称；应为以下之一: 'monday', 'tuesday', 'wednesday', "
                                             "'thursday', 'friday', 'saturday', 'sunday'"_zh,
                                             {name}));
    }
    if (py::isinstance<py::int_>(item) && !py::isinstance<py::bool_>(item)) {
        const auto number = item.cast<long long>();
        if (number >= 0 && number <= 6) return static_cast<Weekday>((number + 1) % 7);
        throw ValidationError(where, Message("{0} is not a weekday; expected 0 (Monday) .. 6 (Sunday)"_en,
                                             "{0} 不是有效的星期编号；应为 0（星期一）至 6（星期日）"_zh, {std::to_string(number)}));
    }
    throw ValidationError(where, Message("{0}; expected a weekday name or 0 (Monday) .. 6 (Sunday)"_en,
                                         "{0}；应为星期名称或 0（星期一）至 6（星期日）"_zh, {py::repr(item).cast<std::string>()}));
}

// The argument types of WorkCalendar().
struct WeekendHint {
    static constexpr auto name = py::detail::const_name("collections.abc.Iterable[str | int] | None");
};
struct HolidaysHint {
    static constexpr auto name =
        py::detail::const_name("collections.abc.Iterable[datetime.date] | collections.abc.Mapping[datetime.date, str | None]");
};
struct DayListHint {
    static constexpr auto name = py::detail::const_name("collections.abc.Iterable[datetime.date]");
};

WorkCalendar make_calendar(const Typed<WeekendHint>& weekend, const Typed<HolidaysHint>& holidays, const Typed<DayListHint>& working_days,
                           std::string id, std::string name, std::string source) {
    CalendarSpec spec;
    spec.id = std::move(id);
    spec.name = std::move(name);
    spec.source = std::move(source);
    if (!weekend.is_none()) {
        spec.weekend.clear();
        std::size_t index = 0;
        for (py::handle item : weekend) {
            const Weekday day = read_weekday(item, index);
            if (!spec.weekend.insert(day).second)
                throw ValidationError("weekend[" + std::to_string(index) + "]",
                                      Message("'{0}' is listed twice; expected each weekday once"_en, "'{0}' 重复列出；每个星期几只应列出一次"_zh,
                                              {weekday_name(day)}));
            ++index;
        }
    }
    if (py::isinstance<py::dict>(holidays)) {
        for (const auto& [date, label] : holidays.cast<py::dict>())
            spec.holidays.emplace(date_argument(date, "holidays"), label.is_none() ? std::string() : label.cast<std::string>());
    } else {
        for (py::handle date : holidays) spec.holidays.emplace(date_argument(date, "holidays"), "");
    }
    for (py::handle date : working_days) spec.working_days.insert(date_argument(date, "working_days"));
    return WorkCalendar(std::move(spec));
}

std::vector<std::string> weekend_names(const WorkCalendar& calendar) {
    std::vector<std::string> names;
    for (int i = 1; i <= 7; ++i)  // Monday first
        if (calendar.weekend().count(static_cast<Weekday>(i % 7)) != 0) names.emplace_back(weekday_name(static_cast<Weekday>(i % 7)));
    return names;
}

}  // namespace

void register_calendar(py::module_& m) {
    m.attr("calendar_format") = calendar_format;

    py::class_<WorkCalendar>(m, "WorkCalendar",
                             "A validated working-day calendar: weekend days, holidays and adjusted working days (调休).\n"
                             "A date is a working day when it is an adjusted working day, or else when it is neither a "
                             "holiday nor a weekend day.")
        .def(py::init(&make_calendar), py::arg("weekend") = py::none(), py::arg("holidays") = py::tuple(),
             py::arg("working_days") = py::tuple(), py::arg("id") = "", py::arg("name") = "", py::arg("source") = "",
             "weekend: weekday names or ints as date.weekday() (Monday = 0), default Saturday and Sunday; holidays: "
             "dates, or a dict of date to holiday name; working_days: weekend dates that are worked. ValidationError "
             "for a date both holiday and working day, a working day not on the weekend, or a week without working days.")
        .def_property_readonly("id", [](const WorkCalendar& self) { return self.spec().id; })
        .def_property_readonly("name", [](const WorkCalendar& self) { return self.spec().name; })
        .def_property_readonly("source", [](const WorkCalendar& self) { return self.spec().source; })
        .def("weekend", &weekend_names, "Weekend day names, Monday first.")
        .def("holidays", &WorkCalendar::holidays, "Holidays (non-working dates), ascending.")
        .def("holiday_names", [](const WorkCalendar& self) { return self.spec().holidays; },
             "Holidays as a dict of date to name ('' when unnamed).")
        .def("adjusted_working_days", &WorkCalendar::adjusted_working_days, "Adjusted working days (调休), ascending.")
        .def("is_working_day", &WorkCalendar::is_working_day, py::arg("date"),
             "True for an adjusted working day; else False for a holiday or weekend day; else True.")
        .def("next_working_day", &WorkCalendar::next_working_day, py::arg("date"),
             "The first working day strictly after `date`.")
        .def("previous_working_day", &WorkCalendar::previous_working_day, py::arg("date"),
             "The last working day strictly before `date`.")
        .def("add_working_days", &WorkCalendar::add_working_days, py::arg("start"), py::arg("n"),
             "n > 0: the n-th working day strictly after start; n < 0: the |n|-th strictly before; n == 0: start "
             "when it is a working day, else the next working day.")
        .def("working_days_between", &WorkCalendar::working_days_between, py::arg("start"), py::arg("end"),
             "Working days in (start, end]; negative (minus the count in (end, start]) when end < start.")
        .def(py::self == any_object)
        .def("__repr__", [](const WorkCalendar& self) { return to_string(self); });

    m.def(
        "load_calendar",
        [](const std::filesystem::path& path, const std::optional<Limits>& limits) {
            const ReadOptions options = read_options_of(limits);
            py::gil_scoped_release release;
            return load_calendar(path, options);
        },
        py::arg("path"), py::kw_only(), py::arg("limits") = py::none(),
        "Reads and validates a calendar file; ParseError names the file, the JSON path and the value.");
    m.def("parse_calendar",
          [](std::string_view json, const std::string& file, const std::optional<Limits>& limits) {
              return parse_calendar(json, file, read_options_of(limits));
          },
          py::arg("text"), py::arg("file") = "<string>", py::kw_only(), py::arg("limits") = py::none(),
          "Parses calendar JSON text; `file` is the name used in error messages.");
    m.def("calendar_to_json", &calendar_to_json, py::arg("calendar"), py::arg("indent") = 2,
          "The calendar as JSON text, loadable again into an equal calendar.");
}

}  // namespace civitas::python
