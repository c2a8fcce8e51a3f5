#pragma once
// CSV records (RFC 4180) read one at a time, with the line each starts on and the reader's
// limits held: the one CSV reader of value tables and submission forms.

#include <civitas/core/error.hpp>
#include <civitas/core/limits.hpp>

#include "core/detail/utf8.hpp"
#include "io/detail/file_text.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace civitas::detail {

/// One record: its first `count` fields (the vector is reused from record to record).
struct Record {
    std::size_t line = 0;  // 1-based line where the record starts
    std::vector<std::string> fields;
    std::size_t count = 0;
};

/// "a cell of more than 65536 bytes ('...')": the error for a cell past Limits::text_bytes.
inline LimitError cell_too_long(const std::string& file, std::size_t line, std::size_t column, std::string_view start, const Limits& limits) {
    return limit_exceeded(file, file_position(line, column),
                          Message("a cell of more than {0} bytes ('{1}')"_en, "单元格超过 {0} 字节（'{1}'）"_zh,
                                  {std::to_string(limits.text_bytes), detail::quote(start.substr(0, 4 * quoted_characters))}),
                          limits.text_bytes, "text_bytes");
}

/// Reads the records of a CSV text one at a time; quoted fields may hold commas, quotes ("") and line
// breaks; a line ends at \n, \r\n or \r. Cells and records are held to the limits.
class RecordReader {
public:
    RecordReader(std::string_view text, const std::string& file, const Limits& limits) : text_(text), file_(file), limits_(limits) {}

    // The next record that is not blank (a line with nothing on it); false at the end.
    bool next(Record& record) {
        while (at_ < text_.size()) {
            read(record);
            if (record.count > 1 || !record.fields[0].empty()) return true;
        }
        return false;
    }

    // The text not read yet.
    [[nodiscard]] std::string_view rest() const noexcept { return text_.substr(at_); }

private:
    void read(Record& record) {
        record.line = line_;
        record.count = 0;
        for (;;) {
            if (record.count == limits_.columns)
                throw limit_exceeded(file_, file_position(record.line), Message("a row of more than {0} columns"_en, "一行超过 {0} 列"_zh, {std::to_string(limits_.columns)}),
                                     limits_.columns, "columns");
            if (record.fields.size() == record.count) record.fields.emplace_back();
            std::string& field = record.fields[record.count++];
            field.clear();
            if (at_ < text_.size() && text_[at_] == '"')
                read_quoted(field, record);
            else
                read_plain(field, record);
            if (at_ < text_.size() && text_[at_] == ',') {
                ++at_;
                continue;
            }
            if (at_ < text_.size() && text_[at_] == '\r') ++at_;
            if (at_ < text_.size() && text_[at_] == '\n') ++at_;
            ++line_;
            return;
        }
    }

    void read_plain(std::string& field, const Record& record) {
        const std::size_t start = at_;
        while (at_ < text_.size() && text_[at_] != ',' && text_[at_] != '\n' && text_[at_] != '\r') ++at_;
        if (at_ - start > limits_.text_bytes) throw cell_too_long(file_, record.line, record.count, text_.substr(start), limits_);
        field.assign(text_.substr(start, at_ - start));
    }

    void read_quoted(std::string& field, const Record& record) {
        const std::size_t open_line = line_;
        ++at_;
        for (;;) {
            const std::size_t close = text_.find('"', at_);
            if (close == std::string_view::npos)
                throw ParseError(file_, file_position(open_line),
                                 Message("quoted field never closed; expected a closing \""_en, "带引号的字段未闭合；应以 \" 结束"_zh));
            if (field.size() + (close - at_) > limits_.text_bytes) throw cell_too_long(file_, record.line, record.count, field + std::string(text_.substr(at_, 400)), limits_);
            line_ += static_cast<std::size_t>(std::count(text_.begin() + static_cast<std::ptrdiff_t>(at_), text_.begin() + static_cast<std::ptrdiff_t>(close), '\n'));
            field.append(text_.substr(at_, close - at_));
            at_ = close + 1;
            if (at_ < text_.size() && text_[at_] == '"') {  // "" is a quote
                field += '"';
                ++at_;
                continue;
            }
            break;
        }
        if (at_ < text_.size() && text_[at_] != ',' && text_[at_] != '\n' && text_[at_] != '\r')
            throw ParseError(file_, file_position(line_),
                             Message("text after a closing quote; expected a comma or the end of the line"_en, "结束引号后还有文字；应为逗号或行尾"_zh));
    }

    std::string_view text_;
    const std::string& file_;
    const Limits& limits_;
    std::size_t at_ = 0;
    std::size_t line_ = 1;
};

}  // namespace civitas::detail
