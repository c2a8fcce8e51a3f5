// Calendar files (civitas-calendar/1): strict reading with JSON paths in errors, lossless writing.

#include <civitas/core/error.hpp>
#include <civitas/io/calendar_io.hpp>
#include <civitas/plan/calendar.hpp>

#include "io/detail/file_text.hpp"
#include "io/detail/json_reader.hpp"
#include "plan/detail/date_words.hpp"

#include <map>

namespace civitas {

using detail::describe;
using detail::Json;
using Node = detail::JsonNode;
using detail::read_date;

namespace {

// The most holidays one calendar lists: 100 years of days.
constexpr long max_calendar_days = 36600;

// Where each date was listed, so a second listing can name the first.
using Seen = std::map<Date, std::string>;

// `what` is the phrase for the list: "a holiday" / "节假日".
void note(Seen& seen, Date date, const Node& node, const Message& what) {
    const auto [at, inserted] = seen.emplace(date, node.path());
    if (!inserted)
        node.fail(Message("{0} is already listed as {1} at {2}; expected each date once"_en, "{0} 已在 {2} 列为{1}；每个日期应只列一次"_zh,
                          {to_iso(date), what, at->second}));
}

Message holiday_phrase() { return Message("a holiday"_en, "节假日"_zh); }

CalendarSpec read_spec(const Node& root) {
    root.require_object({"format", "id", "name", "source", "weekend", "holidays", "working_days"});
    if (root.has("format") && root.at("format").text() != calendar_format)
        root.at("format").fail(Message("\"{0}\" is not a format this version reads; expected \"{1}\""_en,
                                       "\"{0}\" 不是本版本可读取的格式；应为 \"{1}\""_zh, {root.at("format").text(), calendar_format}));
    CalendarSpec spec;
    spec.id = root.at("id").text();
    spec.name = root.text_or("name");
    spec.source = root.prose_or("source");
    if (root.has("weekend")) {
        spec.weekend.clear();
        for (const Node& item : root.at("weekend").array()) {
            const auto day = item.value().is_string() ? weekday_from_name(item.text()) : std::nullopt;
            if (!day)
                item.fail(Message("{0} is not a weekday; expected one of {1}"_en, "{0} 不是星期几；应为以下之一: {1}"_zh,
                                  {describe(item.value()),
                                   "\"monday\", \"tuesday\", \"wednesday\", \"thursday\", \"friday\", \"saturday\", \"sunday\""}));
            if (!spec.weekend.insert(*day).second)
                item.fail(Message("{0} is listed twice; expected each weekday once"_en, "{0} 重复列出；每个星期几应只列一次"_zh,
                                  {describe(item.value())}));
        }
        if (spec.weekend.size() == 7)
            root.at("weekend").fail(Message("every day of the week is a weekend day; expected at least one working weekday"_en,
                                            "一周七天都是周末休息日；应至少有一个工作日"_zh));
    }
    Seen holidays;
    if (root.has("holidays"))
        for (const Node& item : root.at("holidays").array()) {
            if (item.value().is_string()) {
                const Date date = read_date(item);
                note(holidays, date, item, holiday_phrase());
                spec.holidays.emplace(date, "");
                continue;
            }
            if (!item.value().is_object())
                item.expected(Message("a date \"YYYY-MM-DD\" or {\"from\", \"to\", \"name\"}"_en,
                                      "日期 \"YYYY-MM-DD\" 或 {\"from\", \"to\", \"name\"}"_zh));
            item.require_object({"from", "to", "name"});
            const Date from = read_date(item.at("from"));
            const Date to = item.has("to") ? read_date(item.at("to")) : from;
            if (to < from)
                item.at("to").fail(Message("\"{0}\" is before from \"{1}\"; expected a date on or after from"_en,
                                           "\"{0}\" 早于 from \"{1}\"；应为不早于 from 的日期"_zh, {to_iso(to), to_iso(from)}));
            // A calendar is a few years of holidays; a range of centuries would hold millions of days.
            if ((to - from).days() + 1 > max_calendar_days - static_cast<long>(spec.holidays.size()))
                item.at("to").fail(Message("the calendar would hold more than {0} holidays (100 years); expected ranges of holidays, not of years"_en,
                                           "工作日历的节假日将超过 {0} 天（100 年）；应列出节假日的区间，而非多年的区间"_zh,
                                           {std::to_string(max_calendar_days)}));
            const std::string name = item.text_or("name");
            for (Date date = from; date <= to; date += boost::gregorian::date_duration(1)) {
                note(holidays, date, item, holiday_phrase());
                spec.holidays.emplace(date, name);
            }
        }
    Seen working;
    if (root.has("working_days"))
        for (const Node& item : root.at("working_days").array()) {
            const Date date = read_date(item);
            if (const auto holiday = holidays.find(date); holiday != holidays.end())
                item.fail(Message("{0} is also a holiday at {1}; expected a date to be a holiday or an adjusted working day, not both"_en,
                                  "{0} 在 {1} 也列为节假日；同一日期应为节假日或调休工作日，不能二者皆是"_zh, {to_iso(date), holiday->second}));
            note(working, date, item, Message("a working day"_en, "工作日"_zh));
            if (spec.weekend.count(date.day_of_week().as_enum()) == 0)
                item.fail(Message("{0} is a {1}, not a weekend day; expected an adjusted working day to fall on the weekend"_en,
                                  "{0} 是{1}，不是周末休息日；调休工作日应在周末"_zh, {to_iso(date), detail::weekday_phrase(date.day_of_week().as_enum())}));
            spec.working_days.insert(date);
        }
    return spec;
}

}  // namespace

WorkCalendar parse_calendar(std::string_view text, const std::string& file, const ReadOptions& options) {
    const Json document = detail::parse_json(text, file, options.limits);
    CalendarSpec spec = read_spec(Node(document, "$", file));
    try {
        return WorkCalendar(std::move(spec));
    } catch (const ValidationError& error) {
        throw ParseError(file, error.path(), error.detail());
    }
}

WorkCalendar load_calendar(const std::filesystem::path& path, const ReadOptions& options) {
    return parse_calendar(detail::read_json_file(path, options.limits), path.string(), options);
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
