#pragma once
// The rules of an observation row, written once for every tabular reader (CSV text, Arrow
// streams): the columns a table may have, what each cell may hold, and the checks that span a
// row, down to appending it to the store. Inline: the CSV reader calls them 25 million times.

#include <civitas/core/error.hpp>
#include <civitas/tracking/observations.hpp>

#include "core/detail/number_format.hpp"
#include "core/detail/utf8.hpp"
#include "io/detail/file_text.hpp"
#include "plan/detail/date_words.hpp"
#include "tracking/detail/observations_store.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace civitas::detail {

/// The columns of an observation table, in the order their names are listed.
enum ObservationRole : std::uint8_t { role_unit, role_indicator, role_date, role_value, role_source, role_mode, role_sample_size, role_recorded, role_count };
inline constexpr const char* observation_role_names[role_count] = {"unit", "indicator", "date", "value", "source", "mode", "sample_size", "recorded"};
inline constexpr std::size_t required_roles = 4;  // unit, indicator, date, value

/// Input text in a message: in single quotes, cut after 80 characters, control characters escaped.
inline std::string single_quoted(std::string_view text) { return "'" + quote(text) + "'"; }

/// "expected unit, indicator, date and value, and optionally source, ... or recorded".
inline Message expected_observation_columns() {
    const auto list = [](std::size_t from, std::size_t to) {
        std::string joined;
        for (std::size_t r = from; r < to; ++r) joined += (r == from ? "" : ", ") + std::string(observation_role_names[r]);
        return joined;
    };
    return Message("expected {0} and {1}, and optionally {2} or {3}"_en, "应为 {0} 和 {1} 列，可选 {2} 或 {3} 列"_zh,
                   {list(0, required_roles - 1), observation_role_names[required_roles - 1], list(required_roles, role_count - 1),
                    observation_role_names[role_count - 1]});
}

/// The roles of a header's column names, in column order; ParseError for unknown, repeated or
/// missing ones, placed by `where(column)` (1-based; 0 for the header as a whole).
template <class Where>
std::vector<ObservationRole> observation_roles(const std::vector<std::string_view>& names, const std::string& file, Where where) {
    constexpr std::size_t named = 5;  // unknown columns a message names; the others are counted
    std::vector<ObservationRole> roles;
    std::size_t seen[role_count] = {};  // 1-based column of each role, 0 when absent
    Message unknown;                    // "'x' (column 3), 'y' (column 5)": the first few
    std::size_t first_unknown = 0, unknown_count = 0;
    for (std::size_t c = 0; c < names.size(); ++c) {
        const std::string_view name = trim_blanks(names[c]);
        const auto found = std::find_if(std::begin(observation_role_names), std::end(observation_role_names), [&](const char* r) { return name == r; });
        if (found == std::end(observation_role_names)) {
            if (first_unknown == 0) first_unknown = c + 1;
            if (++unknown_count > named) continue;
            Message item("{0} (column {1})"_en, "{0}（第 {1} 列）"_zh, {single_quoted(name), std::to_string(c + 1)});
            unknown = unknown.empty() ? std::move(item) : Message("{0}, {1}"_en, "{0}, {1}"_zh, {std::move(unknown), std::move(item)});
            continue;
        }
        const auto role = static_cast<ObservationRole>(found - std::begin(observation_role_names));
        if (seen[role] != 0)
            throw ParseError(file, where(c + 1),
                             Message("column {0} appears twice (columns {1} and {2}); expected each column once"_en,
                                     "列 {0} 出现两次（第 {1} 列和第 {2} 列）；每列应只出现一次"_zh,
                                     {single_quoted(name), std::to_string(seen[role]), std::to_string(c + 1)}));
        seen[role] = c + 1;
        roles.push_back(role);
    }
    if (unknown_count == 1)
        throw ParseError(file, where(first_unknown), Message("unknown column {0}; {1}"_en, "未知的列 {0}；{1}"_zh, {std::move(unknown), expected_observation_columns()}));
    if (unknown_count > named)
        throw ParseError(file, where(first_unknown),
                         Message("{0} unknown columns, the first {1}; {2}"_en, "{0} 个未知的列，前几个为 {1}；{2}"_zh,
                                 {std::to_string(unknown_count), std::move(unknown), expected_observation_columns()}));
    if (unknown_count > 1)
        throw ParseError(file, where(first_unknown), Message("unknown columns {0}; {1}"_en, "未知的列 {0}；{1}"_zh, {std::move(unknown), expected_observation_columns()}));
    std::string missing;
    for (std::size_t r = 0; r < required_roles; ++r)
        if (seen[r] == 0) missing += (missing.empty() ? "" : ", ") + single_quoted(observation_role_names[r]);
    if (!missing.empty())
        throw ParseError(file, where(0),
                         missing.find(',') == std::string::npos
                             ? Message("missing column {0}; {1}"_en, "缺少列 {0}；{1}"_zh, {missing, expected_observation_columns()})
                             : Message("missing columns {0}; {1}"_en, "缺少列 {0}；{1}"_zh, {missing, expected_observation_columns()}));
    return roles;
}

/// Why text is no date, in the words of parse_date (with the text in single quotes like the
/// other messages of rejected rows), always saying what was expected.
inline Message observation_date_problem(std::string_view text) {
    if (text.empty()) return Message("empty date; expected YYYY-MM-DD"_en, "日期为空；应为 YYYY-MM-DD"_zh);
    Message problem = date_problem(text, single_quoted(text), true);
    if (problem.empty()) return Message("{0} is not a date; expected YYYY-MM-DD"_en, "{0} 不是日期；应为 YYYY-MM-DD"_zh, {single_quoted(text)});
    return problem;
}

/// "YYYY-MM-DD" of days since 1970-01-01.
inline std::string iso_of_day(std::int64_t day) {
    day += 719468;  // days_from_civil, inverted
    const std::int64_t era = (day >= 0 ? day : day - 146096) / 146097, doe = day - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153, mday = doy - (153 * mp + 2) / 5 + 1, month = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    char text[80];
    std::snprintf(text, sizeof text, "%04lld-%02lld-%02lld", static_cast<long long>(year), static_cast<long long>(month), static_cast<long long>(mday));
    return text;
}

/// A date given as days since 1970-01-01 (typed columns), held to the years parse_day reads
/// (1400 to 9999); else why not.
inline bool check_day(std::int64_t day, std::int32_t& out, Message& problem) {
    constexpr std::int64_t first = days_from_civil(1400, 1, 1), last = days_from_civil(9999, 12, 31);
    if (day < first || day > last) {
        problem = Message("{0} is out of the range of dates; expected a date from 1400-01-01 to 9999-12-31"_en, "{0} 超出日期范围；应为 1400-01-01 至 9999-12-31 之间的日期"_zh,
                          {day < -1'000'000'000 || day > 1'000'000'000 ? "day " + std::to_string(day) : iso_of_day(day)});
        return false;
    }
    out = static_cast<std::int32_t>(day);
    return true;
}

/// A finite number (typed columns); else why not.
inline bool check_value(double value, double& out, Message& problem) {
    if (!std::isfinite(value)) {
        char shown[32];
        std::snprintf(shown, sizeof shown, "%g", value);
        problem = Message("{0} is not a finite number; expected a number"_en, "{0} 不是有限数；应为数字"_zh, {single_quoted(shown)});
        return false;
    }
    out = value;
    return true;
}

/// A finite number as parse_decimal reads it (value tables read theirs the same way); else why not.
inline bool parse_observation_value(std::string_view text, double& value, Message& problem) {
    switch (parse_decimal(text, value)) {
    case NumberProblem::none: return true;
    case NumberProblem::empty: problem = Message("empty value; expected a number"_en, "数值为空；应为数字"_zh); break;
    case NumberProblem::out_of_range:
        problem = Message("{0} is out of the range of numbers; expected a number"_en, "{0} 超出数值范围；应为数字"_zh, {single_quoted(text)});
        break;
    case NumberProblem::not_finite:
        problem = Message("{0} is not a finite number; expected a number"_en, "{0} 不是有限数；应为数字"_zh, {single_quoted(text)});
        break;
    case NumberProblem::not_a_number:
        problem = Message("{0} is not a number; expected a number"_en, "{0} 不是数字；应为数字"_zh, {single_quoted(text)});
        break;
    }
    return false;
}

/// A sample size, a whole number from 1 to INT32_MAX (typed columns); else why not.
inline bool check_sample_size(std::int64_t n, std::int32_t& size, Message& problem, std::string_view shown = {}) {
    if (n < 1 || n > INT32_MAX) {
        problem = Message("{0} is not a sample size; expected a whole number from 1 to 2147483647"_en, "{0} 不是有效的样本量；应为 1 到 2147483647 之间的整数"_zh,
                          {single_quoted(shown.empty() ? std::string_view(std::to_string(n)) : shown)});
        return false;
    }
    size = static_cast<std::int32_t>(n);
    return true;
}

/// A sample size written as digits only, from 1 to INT32_MAX; false for any other text.
inline bool read_sample_size(std::string_view text, std::int32_t& size) noexcept {
    if (text.empty() || text.size() > 10) return false;
    std::int64_t n = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return false;
        n = n * 10 + (c - '0');
    }
    if (n < 1 || n > INT32_MAX) return false;
    size = static_cast<std::int32_t>(n);
    return true;
}

/// The same from text, saying why not.
inline bool parse_sample_size(std::string_view text, std::int32_t& size, Message& problem) {
    return read_sample_size(text, size) || check_sample_size(0, size, problem, text);
}

/// The ids of a row, as text, until the row is taken.
struct RowIds {
    std::string_view unit, indicator, source;
};

/// One cell given as text (CSV cells; text columns of typed tables) into `row` and `ids`: ids as
/// they are, other cells without the blanks around them; an empty cell is a missing optional one.
/// False, with the reason, when the cell is bad.
inline bool read_text_cell(ObservationRole role, std::string_view cell, ObservationRow& row, RowIds& ids, Message& problem) {
    const std::string_view text = role == role_unit || role == role_indicator || role == role_source ? cell : trim_blanks(cell);
    switch (role) {
    case role_unit:
        if (text.empty()) return problem = Message("empty unit id; expected one"_en, "单位编号为空；应填写单位编号"_zh), false;
        ids.unit = text;
        return true;
    case role_indicator:
        if (text.empty()) return problem = Message("empty indicator id; expected one"_en, "指标编号为空；应填写指标编号"_zh), false;
        ids.indicator = text;
        return true;
    case role_date:
        if (!parse_day(text, row.date)) return problem = observation_date_problem(text), false;
        return true;
    case role_value: return parse_observation_value(text, row.value, problem);
    case role_source: ids.source = text; return true;
    case role_mode:
        if (!text.empty()) {
            const auto parsed = enum_from_string<AssessmentMode>(text);
            if (!parsed) {
                std::string list;
                for (const char* name : EnumNames<AssessmentMode>::values) list += (list.empty() ? "" : ", ") + std::string(name);
                problem = Message("{0} is not an assessment mode; expected one of {1}"_en, "{0} 不是有效的测评方式；应为以下之一: {1}"_zh, {single_quoted(text), list});
                return false;
            }
            row.mode = static_cast<std::uint8_t>(*parsed);
        }
        return true;
    case role_sample_size: return text.empty() || parse_sample_size(text, row.sample_size, problem);
    case role_recorded:
        if (!text.empty() && !parse_day(text, row.recorded)) return problem = observation_date_problem(text), false;
        return true;
    case role_count: break;
    }
    return true;
}

/// Where one reader's rows go: the store's columns and name tables, the rows rejected, and the
/// last id of each name column (files usually repeat it).
struct ObservationSink {
    ObservationSink(ObservationStore& store, std::vector<RejectedRow>& rejected_rows)
        : columns(ObservationStoreAccess::columns(store)),
          units(ObservationStoreAccess::units(store)),
          indicators(ObservationStoreAccess::indicators(store)),
          sources(ObservationStoreAccess::sources(store)),
          rejected(rejected_rows) {}

    /// The id of a name already in `table` (the last one of its column first), or -1.
    static std::int32_t find(const NameTable& table, std::int32_t last, std::string_view name) noexcept {
        if (last >= 0 && same_text(table.names()[static_cast<std::size_t>(last)], name)) return last;
        return table.find(name);
    }

    /// a == b, compared a word at a time with no call: ids are short, and three are compared a row.
    static bool same_text(std::string_view a, std::string_view b) noexcept {
        const std::size_t n = a.size();
        if (n != b.size()) return false;
        const auto word = [](const char* at, auto bytes) {
            decltype(bytes) w;
            std::memcpy(&w, at, sizeof w);
            return w;
        };
        if (n >= 8) {  // whole words, the last one overlapping the one before
            for (std::size_t i = 0; i + 8 < n; i += 8)
                if (word(a.data() + i, std::uint64_t{}) != word(b.data() + i, std::uint64_t{})) return false;
            return word(a.data() + n - 8, std::uint64_t{}) == word(b.data() + n - 8, std::uint64_t{});
        }
        if (n >= 4)  // two overlapping half words
            return word(a.data(), std::uint32_t{}) == word(b.data(), std::uint32_t{}) &&
                   word(a.data() + n - 4, std::uint32_t{}) == word(b.data() + n - 4, std::uint32_t{});
        for (std::size_t i = 0; i < n; ++i)
            if (a[i] != b[i]) return false;
        return true;
    }

    ObservationColumns& columns;
    NameTable& units;
    NameTable& indicators;
    NameTable& sources;
    std::vector<RejectedRow>& rejected;
    std::int32_t last_unit = -1, last_indicator = -1, last_source = -1;
};

/// The checks that span a row once its cells are read (recorded not before the date; ids UTF-8
/// without control characters, checked once, when first seen), then the row appended with its
/// ids interned. False, with the role at fault and why, when the row is bad: nothing is interned
/// before the row is taken.
inline bool take_row(ObservationSink& sink, ObservationRow& row, const RowIds& ids, ObservationRole& bad, Message& problem) {
    if (row.recorded != ObservationColumns::no_day && row.recorded < row.date) {
        bad = role_recorded;
        problem = Message("recorded {0} is before the date {1}; expected on or after it"_en, "记录日期 {0} 早于数据日期 {1}；应不早于数据日期"_zh,
                          {iso_of_day(row.recorded), iso_of_day(row.date)});
        return false;
    }
    // A source may hold line breaks (\r\n from spreadsheets too) and tabs.
    const std::int32_t unit = ObservationSink::find(sink.units, sink.last_unit, ids.unit);
    if (unit < 0 && !(problem = text_problem(ids.unit)).empty()) return bad = role_unit, false;
    const std::int32_t indicator = ObservationSink::find(sink.indicators, sink.last_indicator, ids.indicator);
    if (indicator < 0 && !(problem = text_problem(ids.indicator)).empty()) return bad = role_indicator, false;
    std::int32_t source = 0;
    if (!ids.source.empty()) {
        source = ObservationSink::find(sink.sources, sink.last_source, ids.source);
        if (source < 0 && !(problem = text_problem(ids.source, "\n\r\t")).empty()) return bad = role_source, false;
    }
    row.unit = sink.last_unit = unit >= 0 ? unit : sink.units.intern(ids.unit);
    row.indicator = sink.last_indicator = indicator >= 0 ? indicator : sink.indicators.intern(ids.indicator);
    if (!ids.source.empty()) row.source = sink.last_source = source >= 0 ? source : sink.sources.intern(ids.source);
    append_row(sink.columns, row);
    return true;
}

}  // namespace civitas::detail
