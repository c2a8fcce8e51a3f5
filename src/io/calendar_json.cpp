// Calendar files (civitas-calendar/1): strict reading with JSON paths in errors, lossless writing.

#include <civitas/calendar.hpp>
#include <civitas/error.hpp>

#include "io/file_text.hpp"
#include "io/json_reader.hpp"

#include <map>

namespace civitas {

using detail::describe;
using detail::Json;
using Node = detail::JsonNode;
using detail::read_date;

namespace {

// Where each date was listed, so a second listing can name the first.
using Seen = std::map<Date, std::string>;

void note(Seen& seen, Date date, const Node& node, const char* what) {
    const auto [at, inserted] = seen.emplace(date, node.path());
    if (!inserted) node.fail(to_iso(date) + " is already listed as " + what + " at " + at->second + "; expected each date once");
}

CalendarSpec read_spec(const Node& root) {
    root.require_object({"format", "id", "name", "source", "weekend", "holidays", "working_days"});
    if (root.has("format") && root.at("format").text() != calendar_format)
        root.at("format").fail("\"" + root.at("format").text() + "\" is not a format this version reads; expected \"" +
                               calendar_format + "\"");
    CalendarSpec spec;
    spec.id = root.at("id").text();
    spec.name = root.text_or("name");
    spec.source = root.text_or("source");
    if (root.has("weekend")) {
        spec.weekend.clear();
        for (const Node& item : root.at("weekend").array()) {
            const auto day = item.value().is_string() ? weekday_from_name(item.text()) : std::nullopt;
            if (!day) item.fail(describe(item.value()) + " is not a weekday; expected one of \"monday\", \"tuesday\", "
                                "\"wednesday\", \"thursday\", \"friday\", \"saturday\", \"sunday\"");
            if (!spec.weekend.insert(*day).second) item.fail(describe(item.value()) + " is listed twice; expected each weekday once");
        }
        if (spec.weekend.size() == 7)
            root.at("weekend").fail("every day of the week is a weekend day; expected at least one working weekday");
    }
    Seen holidays;
    if (root.has("holidays"))
        for (const Node& item : root.at("holidays").array()) {
            if (item.value().is_string()) {
                const Date date = read_date(item);
                note(holidays, date, item, "a holiday");
                spec.holidays.emplace(date, "");
                continue;
            }
            if (!item.value().is_object()) item.expected("a date \"YYYY-MM-DD\" or {\"from\", \"to\", \"name\"}");
            item.require_object({"from", "to", "name"});
            const Date from = read_date(item.at("from"));
            const Date to = item.has("to") ? read_date(item.at("to")) : from;
            if (to < from)
                item.at("to").fail("\"" + to_iso(to) + "\" is before from \"" + to_iso(from) + "\"; expected a date on or after from");
            const std::string name = item.text_or("name");
            for (Date date = from; date <= to; date += boost::gregorian::date_duration(1)) {
                note(holidays, date, item, "a holiday");
                spec.holidays.emplace(date, name);
            }
        }
    Seen working;
    if (root.has("working_days"))
        for (const Node& item : root.at("working_days").array()) {
            const Date date = read_date(item);
            if (const auto holiday = holidays.find(date); holiday != holidays.end())
                item.fail(to_iso(date) + " is also a holiday at " + holiday->second +
                          "; expected a date to be a holiday or an adjusted working day, not both");
            note(working, date, item, "a working day");
            if (spec.weekend.count(date.day_of_week().as_enum()) == 0)
                item.fail(to_iso(date) + " is a " + weekday_name(date.day_of_week().as_enum()) +
                          ", not a weekend day; expected an adjusted working day to fall on the weekend");
            spec.working_days.insert(date);
        }
    return spec;
}

}  // namespace

WorkCalendar parse_calendar(std::string_view text, const std::string& file) {
    const Json document = detail::parse_json(text, file);
    CalendarSpec spec = read_spec(Node(document, "$", file));
    try {
        return WorkCalendar(std::move(spec));
    } catch (const ValidationError& error) {
        throw ParseError(file, error.path(), detail::validation_message(error));
    }
}

WorkCalendar load_calendar(const std::filesystem::path& path) {
    return parse_calendar(detail::read_file(path), path.string());
}

std::string calendar_to_json(const WorkCalendar& calendar, int indent) {
    const CalendarSpec& spec = calendar.spec();
    Json j;
    j["format"] = calendar_format;
    j["id"] = spec.id;
    if (!spec.name.empty()) j["name"] = spec.name;
    if (!spec.source.empty()) j["source"] = spec.source;
    Json weekend = Json::array();
    for (int i = 1; i <= 7; ++i)  // Monday first
        if (spec.weekend.count(static_cast<Weekday>(i % 7)) != 0) weekend.push_back(weekday_name(static_cast<Weekday>(i % 7)));
    j["weekend"] = weekend;
    // Runs of consecutive dates with one name become {"from", "to", "name"}; a lone unnamed date a string.
    Json holidays = Json::array();
    for (auto it = spec.holidays.begin(); it != spec.holidays.end();) {
        auto last = it;
        for (auto next = std::next(it); next != spec.holidays.end() && next->second == it->second &&
                                        next->first == last->first + boost::gregorian::date_duration(1);
             ++next)
            last = next;
        if (last == it && it->second.empty()) {
            holidays.push_back(to_iso(it->first));
        } else {
            Json range;
            range["from"] = to_iso(it->first);
            range["to"] = to_iso(last->first);
            if (!it->second.empty()) range["name"] = it->second;
            holidays.push_back(range);
        }
        it = std::next(last);
    }
    j["holidays"] = holidays;
    Json working = Json::array();
    for (Date date : spec.working_days) working.push_back(to_iso(date));
    j["working_days"] = working;
    return j.dump(indent) + "\n";
}

}  // namespace civitas
