// CSV tables of unit values (RFC 4180). A small reader of our own: the Debian CSV libraries are
// either LGPL (libcsv, awkward to link statically into host systems) or need the column count
// at compile time (fast-cpp-csv-parser); we need line numbers in every error.

#include <civitas/error.hpp>
#include <civitas/io.hpp>

#include "detail/number_format.hpp"
#include "io/file_text.hpp"

#include <limits>
#include <set>

namespace civitas {

namespace {

struct Record {
    std::size_t line = 0;  // 1-based line where the record starts
    std::vector<std::string> fields;
};

// Splits text into records; quoted fields may hold commas, quotes ("") and line breaks.
std::vector<Record> split_records(std::string_view text, const std::string& file) {
    std::vector<Record> records;
    std::size_t i = 0, line = 1;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // UTF-8 byte-order mark
    while (i < text.size()) {
        Record record;
        record.line = line;
        std::string field;
        bool end_of_record = false;
        while (!end_of_record) {
            field.clear();
            if (i < text.size() && text[i] == '"') {
                const std::size_t open_line = line;
                ++i;
                for (;;) {
                    if (i >= text.size())
                        throw ParseError(file, file_position(open_line),
                                         Message("quoted field never closed; expected a closing \"", "带引号的字段未闭合；应以 \" 结束"));
                    if (text[i] == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') {
                            field += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (text[i] == '\n') ++line;
                    field += text[i++];
                }
                if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
                    throw ParseError(file, file_position(line),
                                     Message("text after a closing quote; expected a comma or the end of the line", "结束引号后还有文字；应为逗号或行尾"));
            } else {
                const std::size_t start = i;
                while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') ++i;
                field.assign(text.substr(start, i - start));
            }
            record.fields.push_back(field);
            if (i < text.size() && text[i] == ',') {
                ++i;
            } else {
                if (i < text.size() && text[i] == '\r') ++i;
                if (i < text.size() && text[i] == '\n') ++i;
                ++line;
                end_of_record = true;
            }
        }
        const bool blank = record.fields.size() == 1 && record.fields[0].empty();
        if (!blank) records.push_back(std::move(record));
    }
    return records;
}

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// Lower case of ASCII letters only: std::tolower would follow the host's C locale.
std::string lower_ascii(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

// A cell as a value: NaN when empty (missing data); numbers read as the observation reader reads them.
double read_cell(const std::string& raw, const std::string& file, const Record& record, std::size_t column,
                 const std::string& header) {
    const std::string cell = trim(raw);
    if (cell.empty()) return std::numeric_limits<double>::quiet_NaN();
    const std::string word = lower_ascii(cell);
    if (word == "yes" || word == "true" || cell == "是") return 1.0;
    if (word == "no" || word == "false" || cell == "否") return 0.0;
    double value = 0;
    switch (detail::parse_decimal(cell, value)) {
    case detail::NumberProblem::none: return value;
    case detail::NumberProblem::not_finite:
        throw ParseError(file, file_position(record.line, column + 1),
                         Message("'{0}' in column '{1}' is not a finite number; expected a number, yes/no, or an empty cell for missing data",
                                 "列 '{1}' 中的 '{0}' 不是有限数；应为数字、是/否，缺失数据则留空", {cell, header}));
    case detail::NumberProblem::out_of_range:
        throw ParseError(file, file_position(record.line, column + 1),
                         Message("'{0}' in column '{1}' is out of the range of numbers; expected a number, yes/no, or an empty cell for missing data",
                                 "列 '{1}' 中的 '{0}' 超出数值范围；应为数字、是/否，缺失数据则留空", {cell, header}));
    case detail::NumberProblem::empty:
    case detail::NumberProblem::not_a_number: break;
    }
    throw ParseError(file, file_position(record.line, column + 1),
                     Message("'{0}' in column '{1}' is not a number; expected a number, yes/no, or an empty cell for missing data",
                             "列 '{1}' 中的 '{0}' 不是数字；应为数字、是/否，缺失数据则留空", {cell, header}));
}

}  // namespace

ValueTable parse_value_table(std::string_view csv, const std::string& file, const std::string& class_column, const ReadOptions& options) {
    (void)options;
    csv.remove_prefix(detail::check_utf8(csv, file));
    const std::vector<Record> records = split_records(csv, file);
    if (records.empty())
        throw ParseError(file, file_position(1), Message("the file is empty; expected a header row: unit id, then indicator ids",
                                                         "文件为空；应有表头行: 单位 id，其后为各指标 id"));
    const Record& header = records[0];
    if (header.fields.size() < 2)
        throw ParseError(file, file_position(header.line), Message("the header has one column; expected the unit id column, then indicator ids",
                                                                   "表头只有一列；应先为单位 id 列，其后为各指标 id"));

    ValueTable table;
    std::vector<std::size_t> value_columns;
    std::size_t class_index = 0;
    std::set<std::string> seen;
    for (std::size_t c = 1; c < header.fields.size(); ++c) {
        const std::string name = trim(header.fields[c]);
        const Message where = file_position(header.line, c + 1);
        if (name.empty()) throw ParseError(file, where, Message("empty column name; expected an indicator id", "列名为空；应为指标 id"));
        if (!seen.insert(name).second)
            throw ParseError(file, where, Message("duplicate column '{0}'; expected each indicator once", "列 '{0}' 重复；每个指标应只出现一次", {name}));
        if (!class_column.empty() && name == class_column) {
            class_index = c;
            continue;
        }
        table.columns.push_back(name);
        value_columns.push_back(c);
    }
    if (!class_column.empty() && class_index == 0)
        throw ParseError(file, file_position(header.line), Message("no column '{0}' for unit classes; expected it in the header",
                                                                   "没有单位类别列 '{0}'；表头中应有该列", {class_column}));

    const auto rows = static_cast<Eigen::Index>(records.size() - 1);
    table.values.resize(rows, static_cast<Eigen::Index>(value_columns.size()));
    std::set<std::string> units;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const Record& record = records[r];
        if (record.fields.size() != header.fields.size())
            throw ParseError(file, file_position(record.line), Message("{0} cells; expected {1} as in the header", "{0} 个单元格；应与表头一样为 {1} 个",
                                                                       {std::to_string(record.fields.size()), std::to_string(header.fields.size())}));
        const std::string unit = trim(record.fields[0]);
        if (unit.empty()) throw ParseError(file, file_position(record.line, 1), Message("empty unit id; expected one", "单位 id 为空；应给出单位 id"));
        if (!units.insert(unit).second)
            throw ParseError(file, file_position(record.line, 1),
                             Message("duplicate unit '{0}'; expected each unit once", "单位 '{0}' 重复；每个单位应只出现一次", {unit}));
        table.units.push_back(unit);
        if (class_index) table.classes.push_back(trim(record.fields[class_index]));
        for (std::size_t k = 0; k < value_columns.size(); ++k)
            table.values(static_cast<Eigen::Index>(r - 1), static_cast<Eigen::Index>(k)) =
                read_cell(record.fields[value_columns[k]], file, record, value_columns[k], table.columns[k]);
    }
    return table;
}

ValueTable read_value_table(const std::filesystem::path& path, const std::string& class_column, const ReadOptions& options) {
    return parse_value_table(detail::read_file(path, options.limits.csv_bytes, "csv_bytes"), path.string(), class_column, options);
}

}  // namespace civitas
