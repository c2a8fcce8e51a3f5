// Dates and working-day calendars: worked examples counted by hand on a 2025 wall calendar
// (国办发明电〔2024〕12号: Spring Festival 2025-01-28..02-04, worked Sun 01-26 and Sat 02-08).

#include "support.hpp"

#include <civitas/io/calendar_io.hpp>
#include <civitas/plan/calendar.hpp>

#include <filesystem>
#include <string>

namespace civitas {
namespace {

using civitas::test::chinese_error;

Date d(const char* iso) { return parse_date(iso, "test"); }

// The Spring Festival part of the 2025 calendar, built in code.
WorkCalendar spring_festival() {
    CalendarSpec spec;
    spec.id = "spring-2025";
    for (Date day = d("2025-01-28"); day <= d("2025-02-04"); day += boost::gregorian::date_duration(1))
        spec.holidays.emplace(day, "春节");
    spec.working_days = {d("2025-01-26"), d("2025-02-08")};
    return WorkCalendar(spec);
}

// The ParseError of parsing `json`, checked for its location; "" when none was thrown.
std::string parse_message(const std::string& json, const std::string& location) {
    return civitas::test::parse_error_at([](const std::string& text, const std::string& file) { (void)parse_calendar(text, file); },
                                         json, "cal.json", location);
}

std::string with(const std::string& fields) {
    return R"({"format": "civitas-calendar/1", "id": "t", )" + fields + "}";
}

TEST(Date, ParsesIsoAndWritesItBack) {
    EXPECT_EQ(d("2025-02-28"), Date(2025, 2, 28));
    EXPECT_EQ(to_iso(Date(2024, 2, 29)), "2024-02-29");
    EXPECT_EQ(to_iso(d("2025-01-01")), "2025-01-01");
}

TEST(Date, RejectsInvalidDatesNamingWhereAndWhy) {
    std::string m = test::validation_message([] { (void)parse_date("2025-02-30", "$.due"); }, "$.due");
    EXPECT_NE(m.find("\"2025-02-30\" is not a date: February 2025 has 28 days"), std::string::npos) << m;
    m = test::validation_message([] { (void)parse_date("2024-02-30", "x"); }, "x");
    EXPECT_NE(m.find("February 2024 has 29 days"), std::string::npos) << m;
    m = test::validation_message([] { (void)parse_date("2025-13-01", "x"); }, "x");
    EXPECT_NE(m.find("month 13 is not in 1..12"), std::string::npos) << m;
    m = test::validation_message([] { (void)parse_date("2025-04-31", "x"); }, "x");
    EXPECT_NE(m.find("April 2025 has 30 days"), std::string::npos) << m;
    m = test::validation_message([] { (void)parse_date("2025-00-10", "x"); }, "x");
    EXPECT_NE(m.find("month 0"), std::string::npos) << m;
    for (const char* bad : {"2025-2-3", "2025/02/03", "20250203", "2025-02-03T00:00", "", "abcd-ef-gh"}) {
        m = test::validation_message([&] { (void)parse_date(bad, "x"); }, "x");
        EXPECT_NE(m.find("expected YYYY-MM-DD"), std::string::npos) << m;
    }
}

TEST(Date, RejectsInvalidDatesInChinese) {
    EXPECT_EQ(chinese_error([] { (void)parse_date("2025-02-30", "$.due"); }), "$.due: \"2025-02-30\" 不是日期: 2025 年 2 月只有 28 天");
    EXPECT_EQ(chinese_error([] { (void)parse_date("2025-13-01", "x"); }), "x: \"2025-13-01\" 不是日期: 月份 13 不在 1..12 之内");
    EXPECT_EQ(chinese_error([] { (void)parse_date("2025/02/03", "x"); }), "x: \"2025/02/03\" 不是日期；应为 YYYY-MM-DD");
}

TEST(WorkCalendar, NoWorkingDayPastTheEndsOfTheRange) {
    // boost's own bad_year escaped here (found by the calendar fuzz target).
    const WorkCalendar calendar;
    EXPECT_EQ(calendar.add_working_days(Date(1400, 1, 3), -2), Date(1400, 1, 1));  // Friday back to Wednesday
    const std::string before = test::validation_message([&] { (void)calendar.add_working_days(Date(1400, 1, 1), -1); }, "date");
    EXPECT_TRUE(test::mentions_all_and_any(before, {"no working day before 1400-01-01"}, {}));
    EXPECT_THROW((void)calendar.next_working_day(Date(9999, 12, 31)), ValidationError);
    EXPECT_THROW((void)calendar.add_working_days(Date(2026, 1, 1), std::numeric_limits<int>::max()), ValidationError);
}

TEST(WorkCalendar, DefaultIsMondayToFriday) {
    const WorkCalendar plain;
    EXPECT_TRUE(plain.is_working_day(d("2025-01-24")));   // Friday
    EXPECT_FALSE(plain.is_working_day(d("2025-01-25")));  // Saturday
    EXPECT_FALSE(plain.is_working_day(d("2025-01-26")));  // Sunday
    EXPECT_EQ(plain.add_working_days(d("2025-01-24"), 1), d("2025-01-27"));
    EXPECT_EQ(plain.add_working_days(d("2025-01-24"), 5), d("2025-01-31"));
    EXPECT_EQ(plain.add_working_days(d("2025-01-27"), -1), d("2025-01-24"));
    EXPECT_EQ(plain.add_working_days(d("2025-01-25"), 0), d("2025-01-27"));  // Saturday: next working day
    EXPECT_EQ(plain.add_working_days(d("2025-01-24"), 0), d("2025-01-24"));
    EXPECT_EQ(plain.working_days_between(d("2025-01-24"), d("2025-01-31")), 5);  // Mon..Fri
    EXPECT_EQ(plain.working_days_between(d("2025-01-31"), d("2025-01-24")), -5);
    EXPECT_EQ(plain.working_days_between(d("2025-01-24"), d("2025-01-24")), 0);
    EXPECT_EQ(plain.weekend(), (std::set<Weekday>{Weekday::Saturday, Weekday::Sunday}));
}

TEST(WorkCalendar, SpringFestival2025WithAdjustedWorkingDays) {
    const WorkCalendar cal = spring_festival();
    EXPECT_TRUE(cal.is_working_day(d("2025-01-26")));  // Sunday, worked (调休)
    EXPECT_TRUE(cal.is_working_day(d("2025-01-27")));
    for (Date day = d("2025-01-28"); day <= d("2025-02-04"); day += boost::gregorian::date_duration(1))
        EXPECT_FALSE(cal.is_working_day(day)) << to_iso(day);
    EXPECT_TRUE(cal.is_working_day(d("2025-02-05")));
    EXPECT_TRUE(cal.is_working_day(d("2025-02-08")));   // Saturday, worked
    EXPECT_FALSE(cal.is_working_day(d("2025-02-09")));  // Sunday

    // Friday 01-24 + 1: Saturday 25 off, Sunday 26 worked.
    EXPECT_EQ(cal.add_working_days(d("2025-01-24"), 1), d("2025-01-26"));
    EXPECT_EQ(cal.add_working_days(d("2025-01-24"), 2), d("2025-01-27"));
    // Monday 01-27 + 1: the whole festival off, Wednesday 02-05.
    EXPECT_EQ(cal.add_working_days(d("2025-01-27"), 1), d("2025-02-05"));
    // 02-05 Wed, 06 Thu, 07 Fri, 08 Sat (worked), 10 Mon.
    EXPECT_EQ(cal.add_working_days(d("2025-01-27"), 4), d("2025-02-08"));
    EXPECT_EQ(cal.add_working_days(d("2025-01-27"), 5), d("2025-02-10"));
    EXPECT_EQ(cal.next_working_day(d("2025-01-27")), d("2025-02-05"));
    EXPECT_EQ(cal.add_working_days(d("2025-01-30"), 0), d("2025-02-05"));  // started in the holiday

    // Backward.
    EXPECT_EQ(cal.add_working_days(d("2025-02-05"), -1), d("2025-01-27"));
    EXPECT_EQ(cal.add_working_days(d("2025-02-05"), -2), d("2025-01-26"));
    EXPECT_EQ(cal.add_working_days(d("2025-02-05"), -3), d("2025-01-24"));
    EXPECT_EQ(cal.previous_working_day(d("2025-02-03")), d("2025-01-27"));

    // (01-24, 02-10]: 26, 27, 05, 06, 07, 08, 10 = 7.
    EXPECT_EQ(cal.working_days_between(d("2025-01-24"), d("2025-02-10")), 7);
    EXPECT_EQ(cal.working_days_between(d("2025-02-10"), d("2025-01-24")), -7);
    EXPECT_EQ(cal.working_days_between(d("2025-01-27"), d("2025-02-04")), 0);
    for (int n : {1, 2, 5, 9, 20})
        EXPECT_EQ(cal.working_days_between(d("2025-01-20"), cal.add_working_days(d("2025-01-20"), n)), n) << n;
    for (int n : {-1, -4, -12})
        EXPECT_EQ(cal.working_days_between(d("2025-02-12"), cal.add_working_days(d("2025-02-12"), n)), n) << n;

    EXPECT_EQ(cal.holidays().size(), 8u);
    EXPECT_EQ(cal.holidays().front(), d("2025-01-28"));
    EXPECT_EQ(cal.adjusted_working_days(), (std::vector<Date>{d("2025-01-26"), d("2025-02-08")}));
}

TEST(WorkCalendar, OtherWeekends) {
    CalendarSpec spec;
    spec.weekend = {Weekday::Friday};
    const WorkCalendar friday_off(spec);
    EXPECT_FALSE(friday_off.is_working_day(d("2025-01-24")));
    EXPECT_TRUE(friday_off.is_working_day(d("2025-01-25")));
    EXPECT_EQ(friday_off.add_working_days(d("2025-01-23"), 1), d("2025-01-25"));
    spec.weekend.clear();
    const WorkCalendar every_day(spec);
    EXPECT_EQ(every_day.working_days_between(d("2025-01-01"), d("2025-12-31")), 364);
}

TEST(WorkCalendar, RejectsContradictions) {
    CalendarSpec both;
    both.holidays.emplace(d("2025-02-08"), "");
    both.working_days = {d("2025-02-08")};
    std::string m = test::validation_message([&] { WorkCalendar{both}; }, "$.working_days");
    EXPECT_NE(m.find("2025-02-08 is both a holiday and an adjusted working day"), std::string::npos) << m;

    CalendarSpec weekday_worked;
    weekday_worked.working_days = {d("2025-01-27")};
    m = test::validation_message([&] { WorkCalendar{weekday_worked}; }, "$.working_days");
    EXPECT_NE(m.find("2025-01-27 is a monday, not a weekend day"), std::string::npos) << m;

    CalendarSpec all_off;
    for (int i = 0; i < 7; ++i) all_off.weekend.insert(static_cast<Weekday>(i));
    m = test::validation_message([&] { WorkCalendar{all_off}; }, "$.weekend");
    EXPECT_NE(m.find("every day of the week"), std::string::npos) << m;

    EXPECT_THROW((void)WorkCalendar().is_working_day(Date()), ValidationError);

    EXPECT_EQ(chinese_error([&] { WorkCalendar{weekday_worked}; }),
              "$.working_days: 2025-01-27 是星期一，不是周末休息日；调休工作日应为调作上班的周末休息日");
    EXPECT_EQ(chinese_error([&] { WorkCalendar{both}; }), "$.working_days: 2025-02-08 既是节假日又是调休工作日；应为二者之一");
}

TEST(CalendarFile, LoadsTheBundled2025Calendar) {
    const WorkCalendar cn = load_calendar(std::filesystem::path("data") / "calendars" / "cn-2025.json");
    EXPECT_EQ(cn.spec().id, "cn-2025");
    EXPECT_NE(cn.spec().source.find("国办发明电〔2024〕12号"), std::string::npos);
    EXPECT_EQ(cn.holidays().size(), 1u + 8u + 3u + 5u + 3u + 8u);
    EXPECT_EQ(cn.adjusted_working_days().size(), 5u);
    EXPECT_EQ(cn.spec().holidays.at(d("2025-01-31")), "春节");
    EXPECT_FALSE(cn.is_working_day(d("2025-01-01")));
    EXPECT_TRUE(cn.is_working_day(d("2025-01-26")));
    EXPECT_FALSE(cn.is_working_day(d("2025-01-28")));
    EXPECT_TRUE(cn.is_working_day(d("2025-02-08")));
    EXPECT_EQ(cn.add_working_days(d("2025-01-27"), 1), d("2025-02-05"));
    EXPECT_TRUE(cn.is_working_day(d("2025-04-27")));   // Sunday before Labour Day
    EXPECT_FALSE(cn.is_working_day(d("2025-05-05")));
    EXPECT_EQ(cn.add_working_days(d("2025-04-30"), 1), d("2025-05-06"));
    EXPECT_TRUE(cn.is_working_day(d("2025-09-28")));
    EXPECT_FALSE(cn.is_working_day(d("2025-10-08")));
    EXPECT_TRUE(cn.is_working_day(d("2025-10-11")));
    // September 30 (Tue) + 1 skips 10-01..08: Thursday 10-09.
    EXPECT_EQ(cn.add_working_days(d("2025-09-30"), 1), d("2025-10-09"));
    // 2025 has 365 days, 104 weekend days, 28 holidays of which 10 on weekends (02-01/02, 04-05/06,
    // 05-03/04, 05-31, 06-01, 10-04/05), 5 worked weekend days: 248, the count the notice implies.
    EXPECT_EQ(cn.working_days_between(d("2024-12-31"), d("2025-12-31")), 365 - 104 - (28 - 10) + 5);
}

TEST(CalendarFile, RoundTripsEqual) {
    const WorkCalendar cn = load_calendar(std::filesystem::path("data") / "calendars" / "cn-2025.json");
    const std::string json = calendar_to_json(cn);
    EXPECT_EQ(parse_calendar(json), cn);
    EXPECT_NE(json.find(R"("from": "2025-01-28")"), std::string::npos) << json;
    const WorkCalendar built = spring_festival();
    EXPECT_EQ(parse_calendar(calendar_to_json(built)), built);
    EXPECT_EQ(parse_calendar(calendar_to_json(WorkCalendar())), WorkCalendar());
    EXPECT_EQ(to_string(cn), "<WorkCalendar 'cn-2025': weekend saturday+sunday, 28 holidays 2025-01-01..2025-10-08, "
                             "5 adjusted working days>");
}

TEST(CalendarFile, ReadsSingleDatesAndOptionalFields) {
    const WorkCalendar cal = parse_calendar(with(R"("weekend": ["sunday"], "holidays": ["2025-01-01", {"from": "2025-05-01"}])"));
    EXPECT_EQ(cal.weekend(), std::set<Weekday>{Weekday::Sunday});
    EXPECT_EQ(cal.holidays(), (std::vector<Date>{d("2025-01-01"), d("2025-05-01")}));
    EXPECT_TRUE(cal.is_working_day(d("2025-01-04")));  // Saturday
}

TEST(CalendarFile, ErrorsNameFilePathAndValue) {
    std::string m = parse_message(with(R"("holidays": ["2025-02-30"])"), "$.holidays[0]");
    EXPECT_NE(m.find("cal.json: $.holidays[0]: \"2025-02-30\" is not a date: February 2025 has 28 days"), std::string::npos) << m;

    m = parse_message(with(R"("holidays": ["2025-01-01", {"from": "2025-01-28", "to": "2025-01-27"}])"), "$.holidays[1].to");
    EXPECT_NE(m.find("\"2025-01-27\" is before from \"2025-01-28\""), std::string::npos) << m;

    m = parse_message(with(R"("holidays": [{"from": "2025-02-01", "to": "2025-02-09"}], "working_days": ["2025-02-08"])"),
                      "$.working_days[0]");
    EXPECT_NE(m.find("2025-02-08 is also a holiday at $.holidays[0]"), std::string::npos) << m;

    m = parse_message(with(R"("weekend": ["saturday", "sundy"])"), "$.weekend[1]");
    EXPECT_NE(m.find("\"sundy\" is not a weekday; expected one of \"monday\""), std::string::npos) << m;

    m = parse_message(with(R"("weekend": ["saturday", 0])"), "$.weekend[1]");
    EXPECT_NE(m.find("0 is not a weekday"), std::string::npos) << m;

    m = parse_message(with(R"("holiday": [])"), "$.holiday");
    EXPECT_NE(m.find("unknown key 'holiday'"), std::string::npos) << m;

    m = parse_message(with(R"("holidays": [{"from": "2025-01-28", "until": "2025-02-04"}])"), "$.holidays[0].until");
    EXPECT_NE(m.find("unknown key 'until'; expected one of: from, to, name"), std::string::npos) << m;

    m = parse_message(with(R"("working_days": ["2025-01-27"])"), "$.working_days[0]");
    EXPECT_NE(m.find("2025-01-27 is a monday, not a weekend day"), std::string::npos) << m;

    m = parse_message(with(R"("holidays": ["2025-01-01", {"from": "2024-12-31", "to": "2025-01-01"}])"), "$.holidays[1]");
    EXPECT_NE(m.find("2025-01-01 is already listed as a holiday at $.holidays[0]"), std::string::npos) << m;

    m = parse_message(with(R"("holidays": [20250101])"), "$.holidays[0]");
    EXPECT_NE(m.find("20250101 is not a date \"YYYY-MM-DD\" or"), std::string::npos) << m;

    m = parse_message(R"({"format": "civitas-calendar/2", "id": "t"})", "$.format");
    EXPECT_NE(m.find("not a format this version reads"), std::string::npos) << m;

    m = parse_message(R"({"format": "civitas-calendar/1"})", "$.id");
    EXPECT_NE(m.find("missing required key 'id'"), std::string::npos) << m;

    m = parse_message(with(R"("weekend": ["monday","tuesday","wednesday","thursday","friday","saturday","sunday"])"), "$.weekend");
    EXPECT_NE(m.find("every day of the week"), std::string::npos) << m;

    parse_message("{\"id\": ", "line 1, column 8");

    // In Chinese: the file, the path, the value and what was expected.
    EXPECT_EQ(chinese_error([] { (void)parse_calendar(with(R"("weekend": ["saturday", "sundy"])"), "cal.json"); }),
              "cal.json: $.weekend[1]: \"sundy\" 不是星期几；应为以下之一: \"monday\", \"tuesday\", \"wednesday\", \"thursday\", "
              "\"friday\", \"saturday\", \"sunday\"");
    EXPECT_EQ(chinese_error([] { (void)parse_calendar(with(R"("holidays": ["2025-01-01", {"from": "2024-12-31", "to": "2025-01-01"}])"),
                                                      "cal.json"); }),
              "cal.json: $.holidays[1]: 2025-01-01 已在 $.holidays[0] 列为节假日；每个日期应只列一次");
    EXPECT_EQ(chinese_error([] { (void)parse_calendar(with(R"("working_days": ["2025-01-27"])"), "cal.json"); }),
              "cal.json: $.working_days[0]: 2025-01-27 是星期一，不是周末休息日；调休工作日应在周末");

    try {
        (void)load_calendar("no/such/calendar.json");
        ADD_FAILURE() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("no/such/calendar.json"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace civitas
