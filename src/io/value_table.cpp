// CSV tables of unit values (RFC 4180). A small reader of our own: the Debian CSV libraries are
// either LGPL (libcsv, awkward to link statically into host systems) or need the column count
// at compile time (fast-cpp-csv-parser); we need line numbers in every error.
//
// The text is read one record at a time straight into the table (the header kept, one record's
// fields reused), so a table takes about its text plus 8 bytes a value: the rows are counted
// before the values are read, and the matrix is made once.

#include <civitas/core/error.hpp>
#include <civitas/io/value_table.hpp>

#include "core/detail/number_format.hpp"
#include "core/detail/utf8.hpp"
#include "io/detail/csv_records.hpp"
#include "io/detail/file_text.hpp"
#include "io/detail/value_cells.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <set>
#include <unordered_set>

namespace civitas {

namespace {

using detail::limit_exceeded;

using detail::Record;
using detail::RecordReader;

// At least the number of records in `text` (lines that hold something, outside quoted fields),
// counting no further than `most` + 1. Exact but for lines ended by a lone \r.
std::size_t count_records(std::string_view text, std::size_t most) {
    std::size_t records = 0;
    bool quoted = false;  // inside a quoted field at the start of the line
    const char* p = text.data();
    const char* const end = p + text.size();
    while (p < end && records <= most) {
        const auto* newline = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        const char* line_end = newline ? newline : end;
        if (!quoted && line_end > p && !(line_end - p == 1 && *p == '\r')) ++records;
        if (std::count(p, line_end, '"') % 2 != 0) quoted = !quoted;
        p = newline ? newline + 1 : end;
    }
    return records;
}


}  // namespace

namespace detail {

std::string_view checked_name(std::string_view raw, const std::string& file, const Message::Argument& where) {
    const std::string_view name = trim_spaces(raw);
    if (Message problem = text_problem(name); !problem.empty()) throw ParseError(file, where, std::move(problem));
    return name;
}

// Lower case of ASCII letters only: std::tolower would follow the host's C locale.
std::string lower_ascii(std::string_view text) {
    std::string lower(text);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return lower;
}

// A cell as a value: NaN when empty (missing data); numbers read as the observation reader reads them.
double value_cell(std::string_view raw, const std::string& file, const Message::Argument& where, const std::string& header) {
    const std::string_view cell = trim_blanks(raw);
    if (cell.empty()) return std::numeric_limits<double>::quiet_NaN();
    double value = 0;
    const NumberProblem problem = parse_decimal(cell, value);
    if (problem == NumberProblem::none) return value;
    if (cell.size() <= 5) {
        const std::string word = lower_ascii(cell);
        if (word == "yes" || word == "true" || cell == "是") return 1.0;
        if (word == "no" || word == "false" || cell == "否") return 0.0;
    }
    const std::string shown = quote(cell), column_name = quote(header);
    switch (problem) {
    case NumberProblem::not_finite:
        throw ParseError(file, where,
                         Message("'{0}' in column '{1}' is not a finite number; expected a number, yes/no, or an empty cell for missing data"_en,
                                 "列 '{1}' 中的 '{0}' 不是有限数；应为数字、是/否，缺失数据则留空"_zh, {shown, column_name}));
    case NumberProblem::out_of_range:
        throw ParseError(file, where,
                         Message("'{0}' in column '{1}' is out of the range of numbers; expected a number, yes/no, or an empty cell for missing data"_en,
                                 "列 '{1}' 中的 '{0}' 超出数值范围；应为数字、是/否，缺失数据则留空"_zh, {shown, column_name}));
    default: break;
    }
    throw ParseError(file, where,
                     Message("'{0}' in column '{1}' is not a number; expected a number, yes/no, or an empty cell for missing data"_en,
                             "列 '{1}' 中的 '{0}' 不是数字；应为数字、是/否，缺失数据则留空"_zh, {shown, column_name}));
}

TableHeader read_table_header(const std::vector<std::string_view>& names, const std::string& file, const std::function<Message::Argument(std::size_t)>& where,
                              const std::string& class_column) {
    TableHeader header;
    std::set<std::string_view> seen;
    for (std::size_t c = 1; c < names.size(); ++c) {
        const std::string_view name = checked_name(names[c], file, where(c + 1));
        if (name.empty()) throw ParseError(file, where(c + 1), Message("empty column name; expected an indicator id"_en, "列名为空；应为指标 id"_zh));
        if (!seen.insert(name).second)
            throw ParseError(file, where(c + 1),
                             Message("duplicate column '{0}'; expected each indicator once"_en, "列 '{0}' 重复；每个指标应只出现一次"_zh, {quote(name)}));
        if (!class_column.empty() && name == class_column) {
            header.class_index = c;
            continue;
        }
        header.columns.emplace_back(name);
        header.value_columns.push_back(c);
    }
    if (!class_column.empty() && header.class_index == 0)
        throw ParseError(file, where(0), Message("no column '{0}' for unit classes; expected it in the header"_en,
                                                 "没有单位类别列 '{0}'；表头中应有该列"_zh, {quote(class_column)}));
    return header;
}

UnitIds::UnitIds(std::vector<std::string>& units, std::size_t capacity) : units_(units), seen_(capacity, Hash{&units}, Equal{&units}) {}

void UnitIds::add(std::string_view raw, const std::string& file, const Message::Argument& where) {
    const std::string_view unit = checked_name(raw, file, where);
    if (unit.empty()) throw ParseError(file, where, Message("empty unit id; expected one"_en, "单位 id 为空；应给出单位 id"_zh));
    units_.emplace_back(unit);
    if (!seen_.insert(units_.size() - 1).second) {
        units_.pop_back();
        throw ParseError(file, where, Message("duplicate unit '{0}'; expected each unit once"_en, "单位 '{0}' 重复；每个单位应只出现一次"_zh, {quote(unit)}));
    }
}

}  // namespace detail

ValueTable parse_value_table(std::string_view csv, const std::string& file, const std::string& class_column, const ReadOptions& options) {
    const Limits& limits = options.limits;
    if (csv.size() > limits.csv_bytes)
        throw limit_exceeded(file, "", Message("the text holds {0} bytes"_en, "文本有 {0} 字节"_zh, {std::to_string(csv.size())}), limits.csv_bytes, "csv_bytes");
    csv.remove_prefix(detail::check_utf8(csv, file));
    RecordReader reader(csv, file, limits);
    Record header;
    if (!reader.next(header))
        throw ParseError(file, file_position(1), Message("the file is empty; expected a header row: unit id, then indicator ids"_en,
                                                         "文件为空；应有表头行: 单位 id，其后为各指标 id"_zh));
    if (header.count < 2)
        throw ParseError(file, file_position(header.line), Message("the header has one column; expected the unit id column, then indicator ids"_en,
                                                                   "表头只有一列；应先为单位 id 列，其后为各指标 id"_zh));

    std::vector<std::string_view> names(header.fields.begin(), header.fields.begin() + static_cast<std::ptrdiff_t>(header.count));
    detail::TableHeader columns = detail::read_table_header(names, file, [&](std::size_t c) -> Message::Argument { return file_position(header.line, c); }, class_column);
    ValueTable table;
    table.columns = std::move(columns.columns);
    const std::vector<std::size_t>& value_columns = columns.value_columns;
    const std::size_t class_index = columns.class_index;

    // Room for every row at once: rows are counted first (within the limits), the matrix made once.
    const std::size_t width = value_columns.size();
    const std::size_t most_rows = width == 0 ? limits.rows : std::min<std::size_t>(limits.rows, limits.cells / width);
    std::size_t capacity = std::min(count_records(reader.rest(), most_rows), most_rows);
    table.values.resize(static_cast<Eigen::Index>(capacity), static_cast<Eigen::Index>(width));
    table.units.reserve(capacity);
    if (class_index) table.classes.reserve(capacity);
    detail::UnitIds units(table.units, capacity);

    Record record;
    std::size_t rows = 0;
    while (reader.next(record)) {
        if (rows == limits.rows)
            throw limit_exceeded(file, file_position(record.line), Message("data row {0}"_en, "第 {0} 个数据行"_zh, {std::to_string(rows + 1)}), limits.rows,
                                 "rows");
        if (width != 0 && static_cast<std::uint64_t>(rows + 1) * width > limits.cells)
            throw limit_exceeded(file, file_position(record.line),
                                 Message("{0} rows of {1} values"_en, "{0} 行、每行 {1} 个数值"_zh, {std::to_string(rows + 1), std::to_string(width)}),
                                 limits.cells, "cells");
        if (record.count != header.count)
            throw ParseError(file, file_position(record.line), Message("{0} cells; expected {1} as in the header"_en, "{0} 个单元格；应与表头一样为 {1} 个"_zh,
                                                                       {std::to_string(record.count), std::to_string(header.count)}));
        units.add(record.fields[0], file, file_position(record.line, 1));
        if (class_index)  // read like the values around it: blanks around it are not part of it
            table.classes.emplace_back(detail::checked_name(detail::trim_blanks(record.fields[class_index]), file, file_position(record.line, class_index + 1)));
        if (rows == capacity) {  // more records than counted (lines ended by a lone \r): grow
            capacity = std::min(std::max<std::size_t>(2 * capacity, 16), most_rows);
            table.values.conservativeResize(static_cast<Eigen::Index>(capacity), static_cast<Eigen::Index>(width));
        }
        double* values = table.values.data() + rows * width;
        for (std::size_t k = 0; k < width; ++k)
            values[k] = detail::value_cell(record.fields[value_columns[k]], file, file_position(record.line, value_columns[k] + 1), table.columns[k]);
        ++rows;
    }
    if (rows < capacity) table.values.conservativeResize(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(width));
    return table;
}

ValueTable load_value_table(const std::filesystem::path& path, const std::string& class_column, const ReadOptions& options) {
    return parse_value_table(detail::read_file(path, options.limits.csv_bytes, "csv_bytes"), path.string(), class_column, options);
}

}  // namespace civitas
