// Observations from CSV (RFC 4180). Built for national files (25 million rows): the file is read
// in blocks and parsed in place. The usual line (no quote, no blank around a cell, plain numbers
// and dates) is read cell by cell straight from the text, each byte looked at once; any other
// line without quotes is split at its commas with no copy and read by the rules every tabular
// reader shares (detail/observation_rows.hpp), which also word what is wrong; lines with quotes
// take the general path (fields may hold commas, "" and line breaks). Ids are interned through
// a hash table of names, with the last id of each column remembered (files usually repeat it). A
// block is split at a line boundary between two threads when no quote precedes the split; the
// second thread's rows are appended after the first's, so the result is the same with one
// thread or two.

#include <civitas/core/error.hpp>
#include <civitas/io/observations_io.hpp>
#include <civitas/tracking/observations.hpp>

#include "core/detail/number_format.hpp"
#include "core/detail/parallel.hpp"
#include "core/detail/utf8.hpp"
#include "io/detail/file_text.hpp"
#include "io/detail/json_reader.hpp"
#include "plan/detail/date_words.hpp"
#include "io/detail/observation_rows.hpp"
#include "tracking/detail/observations_store.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <utility>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace civitas {

namespace {

using detail::ObservationRow;
using detail::ObservationStoreAccess;

// Input past one of the Limits, found while parsing: turned into a LimitError by the reader,
// which knows the file and (for the rows of a second thread) where the lines start.
struct LimitHit {
    std::size_t line;    // 1-based, or relative to the start of the text parsed
    std::size_t column;  // 1-based, 0 for the whole row
    Message what;
    std::uint64_t limit;
    const char* member;
    std::size_t part = 0;  // the part of a block it was found in, when a block is cut among threads
};

LimitHit cell_too_long(std::size_t line, std::size_t column, std::string_view start, const Limits& limits, bool quoted = false) {
    const std::string size = std::to_string(limits.text_bytes), shown = detail::quote(start.substr(0, 4 * quoted_characters));
    return LimitHit{line, column,
                    quoted ? Message("a quoted cell of more than {0} bytes ('{1}'; is a closing quote missing?)"_en, "带引号的单元格超过 {0} 字节（'{1}'；是否缺少闭合引号？）"_zh,
                                     {size, shown})
                           : Message("a cell of more than {0} bytes ('{1}')"_en, "单元格超过 {0} 字节（'{1}'）"_zh, {size, shown}),
                    limits.text_bytes, "text_bytes"};
}

LimitHit too_many_columns(std::size_t line, const Limits& limits) {
    return LimitHit{line, 0, Message("a row of more than {0} columns"_en, "一行超过 {0} 列"_zh, {std::to_string(limits.columns)}), limits.columns,
                    "columns"};
}

using detail::ObservationRole;
using detail::role_count;
using detail::single_quoted;

// ---- records with quotes ------------------------------------------------------------------

enum class RecordStatus { complete, incomplete, broken };

// One record read by the general path: fields unescaped; a broken one says where and why.
struct Record {
    std::vector<std::string> fields;  // the first `count` are this record's (the vector is reused)
    std::size_t count = 0;
    std::size_t lines = 0;          // line breaks passed, the record's own included
    std::size_t broken_column = 0;  // 1-based, when broken
    Message problem;                // when broken
};

// Reads one record from p (RFC 4180), starting at line `line`. Incomplete when more text could
// change it and the text is not final; broken (p moved past the bad line) on an unclosed quote
// or text after one. LimitHit for a cell or a record past the limits, complete or not.
RecordStatus read_record(const char*& p, const char* end, bool final, Record& record, std::size_t line, const Limits& limits) {
    record.count = 0;
    record.lines = 0;
    for (;;) {
        if (record.count == limits.columns) throw too_many_columns(line, limits);
        if (record.fields.size() <= record.count) record.fields.emplace_back();
        std::string& field = record.fields[record.count];
        field.clear();
        ++record.count;
        if (p < end && *p == '"') {
            ++p;
            for (;;) {
                if (p >= end) {
                    if (!final) return RecordStatus::incomplete;
                    record.broken_column = record.count;
                    record.problem = Message("quoted field never closed; expected a closing \""_en, "带引号的字段没有闭合；应有闭合的 \""_zh);
                    return RecordStatus::broken;
                }
                if (*p == '"') {
                    if (p + 1 >= end && !final) return RecordStatus::incomplete;
                    if (p + 1 < end && p[1] == '"') {
                        field += '"';
                        p += 2;
                        if (field.size() > limits.text_bytes) throw cell_too_long(line, record.count, field, limits, true);
                        continue;
                    }
                    ++p;
                    break;
                }
                if (*p == '\n') ++record.lines;
                field += *p++;
                if (field.size() > limits.text_bytes) throw cell_too_long(line, record.count, field, limits, true);
            }
            if (p < end && *p == '\r' && (p + 1 >= end || p[1] == '\n')) ++p;
            if (p >= end && !final) return RecordStatus::incomplete;
            if (p < end && *p != ',' && *p != '\n') {
                const char* newline = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
                if (newline == nullptr && !final) return RecordStatus::incomplete;
                p = newline ? newline + 1 : end;
                ++record.lines;
                record.broken_column = record.count;
                record.problem = Message("text after a closing quote; expected a comma or the end of the line"_en,
                                         "闭合引号后还有文字；应为逗号或行尾"_zh);
                return RecordStatus::broken;
            }
        } else {
            const char* start = p;
            while (p < end && *p != ',' && *p != '\n') ++p;
            const char* field_end = p > start && p[-1] == '\r' && (p == end || *p == '\n') ? p - 1 : p;  // a line's \r is not the field's
            if (static_cast<std::size_t>(field_end - start) > limits.text_bytes)
                throw cell_too_long(line, record.count, std::string_view(start, static_cast<std::size_t>(field_end - start)), limits);
            if (p >= end && !final) return RecordStatus::incomplete;
            field.assign(detail::trim_spaces(std::string_view(start, static_cast<std::size_t>(field_end - start))));
        }
        if (p < end && *p == ',') {
            ++p;
            continue;
        }
        if (p < end) ++p;  // the line break
        ++record.lines;
        return RecordStatus::complete;
    }
}

// ---- rows ---------------------------------------------------------------------------------

// Where one thread's rows go, with its rows counted against `max_rows` (a second thread's sink
// is given blocks that cannot pass it).
struct Sink : detail::ObservationSink {
    Sink(ObservationStore& store, std::vector<RejectedRow>& rejected_rows, const Limits& reader_limits, std::size_t most_rows)
        : ObservationSink(store, rejected_rows), limits(reader_limits), max_rows(most_rows) {}

    // One more data row at `line`; LimitHit past max_rows.
    void count_row(std::size_t line) {
        if (rows == max_rows) too_many_rows(line);
        ++rows;
    }

    // Out of line, so that count_row, called for every row, is inlined.
    [[noreturn, gnu::cold, gnu::noinline]] void too_many_rows(std::size_t line) const {
        throw LimitHit{line, 0, Message("data row {0}"_en, "第 {0} 个数据行"_zh, {std::to_string(rows + 1)}), limits.rows, "rows"};
    }

    const Limits& limits;
    std::size_t max_rows;
    std::size_t rows = 0;  // data rows seen, rejected ones included
    Record record;  // the general path's fields
    Message problem;  // why the row at hand is bad: one object for every row, not one a row
};

// The header's columns, and turning the fields of a row into a row of the store.
class RowParser {
public:
    explicit RowParser(std::vector<ObservationRole> roles) : roles_(std::move(roles)) {
        for (std::size_t c = 0; c < roles_.size(); ++c) column_of_[roles_[c]] = c;
    }

    std::size_t columns() const noexcept { return roles_.size(); }

    // Parses [p, end) from line `line` (1-based, or relative); stops before an incomplete last
    // record unless `final`. Returns where it stopped; `lines` gets the line breaks passed.
    const char* parse(const char* p, const char* end, bool final, std::size_t line, Sink& sink, std::size_t& lines) const {
        const std::size_t first_line = line;
        std::string_view fields[role_count + 1];
        const char* quote = p;  // the next '"' at or after p, or end
        bool quote_known = false;
        const std::size_t max_cell = sink.limits.text_bytes;
        while (p < end) {
            if (!quote_known || quote < p) {
                quote = static_cast<const char*>(std::memchr(p, '"', static_cast<std::size_t>(end - p)));
                if (quote == nullptr) quote = end;
                quote_known = true;
            }
            ObservationRow row;
            detail::RowIds ids;
            if (const char* plain_end = read_plain_line(p, end, final, row, ids); plain_end != nullptr && quote >= plain_end &&
                static_cast<std::size_t>(plain_end - p) <= max_cell) {
                sink.count_row(line);
                finish_row(row, ids, line, sink);
                p = plain_end == end ? end : plain_end + 1;
                ++line;
                continue;
            }
            const char* newline = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
            const char* line_end = newline ? newline : end;
            if (quote >= line_end) {  // no quote: split in place
                if (newline == nullptr && !final) {  // the line goes on in the next block: within the limits so far?
                    check_partial_line(p, end, line, sink.limits);
                    break;
                }
                if (line_end > p && line_end[-1] == '\r') --line_end;  // \r\n
                std::size_t count = 0;
                for (const char* field = p;;) {
                    if (count == sink.limits.columns) throw too_many_columns(line, sink.limits);
                    const char* comma = static_cast<const char*>(std::memchr(field, ',', static_cast<std::size_t>(line_end - field)));
                    const char* field_end = comma ? comma : line_end;
                    const auto size = static_cast<std::size_t>(field_end - field);
                    if (size > max_cell) throw cell_too_long(line, count + 1, std::string_view(field, size), sink.limits);
                    if (count <= role_count) fields[count] = detail::trim_spaces(std::string_view(field, size));
                    ++count;
                    if (comma == nullptr) break;
                    field = comma + 1;
                }
                if (count > 1 || !fields[0].empty()) take(fields, count, line, sink);
                p = newline ? newline + 1 : end;
                ++line;
                continue;
            }
            const char* start = p;
            const RecordStatus status = read_record(p, end, final, sink.record, line, sink.limits);
            if (status == RecordStatus::incomplete) {
                p = start;
                break;
            }
            Record& record = sink.record;
            if (status == RecordStatus::broken) {
                sink.count_row(line);
                sink.rejected.push_back(RejectedRow{line, record.broken_column, "", record.problem});
            } else if (record.count > 1 || !record.fields[0].empty()) {
                const std::size_t count = std::min<std::size_t>(record.count, role_count + 1);
                for (std::size_t i = 0; i < count; ++i) fields[i] = record.fields[i];
                take(fields, record.count, line, sink);
            }
            line += record.lines;
        }
        lines = line - first_line;
        return p;
    }

private:
    // The usual line read straight from the text, each byte looked at once: the header's number
    // of cells, no quote, no \r, no blank at a cell's ends, numbers without exponent, dates as
    // YYYY-MM-DD, known modes. Its cells go to `row` and `ids` (as constructed); returns where it
    // ends (its '\n', or `end` when final). Null for any other line, or one that goes on past `end`:
    // the general way below then reads it again and says what is wrong, so both ways give the same
    // rows and the same rejections.
    const char* read_plain_line(const char* p, const char* end, bool final, ObservationRow& row, detail::RowIds& ids) const noexcept {
        const std::size_t last = roles_.size() - 1;
        for (std::size_t c = 0;; ++c) {
            const char* cell_end = find_separator(p, end);
            if (cell_end == end ? !(final && c == last) : (*cell_end == '\n') != (c == last)) return nullptr;
            const std::string_view text(p, static_cast<std::size_t>(cell_end - p));
            if (!text.empty() && (!plain_edge(text.front()) || !plain_edge(text.back()))) return nullptr;
            if (!read_plain_cell(roles_[c], text, row, ids)) return nullptr;
            if (c == last) return cell_end;
            p = cell_end + 1;
        }
    }

    // False for the bytes a plain cell cannot start or end with: the blanks the general way trims
    // and a \r (of a \r\n line, which it leaves out). One look-up a byte.
    static bool plain_edge(char c) noexcept {
        static constexpr auto table = [] {
            std::array<bool, 256> edge{};
            for (std::size_t b = 0; b < edge.size(); ++b) edge[b] = b != ' ' && b != '\t' && b != '\r';
            return edge;
        }();
        return table[static_cast<unsigned char>(c)];
    }

    // One cell of a plain line (read_plain_line), without the messages of read_text_cell: false
    // for anything that needs them, or that only the general readers take (exponents, signs).
    static bool read_plain_cell(ObservationRole role, std::string_view text, ObservationRow& row, detail::RowIds& ids) noexcept {
        switch (role) {
        case detail::role_unit: ids.unit = text; return !text.empty();
        case detail::role_indicator: ids.indicator = text; return !text.empty();
        case detail::role_source: ids.source = text; return true;
        case detail::role_date: return detail::parse_day(text, row.date);
        case detail::role_value: return detail::parse_plain_decimal(text.data(), text.data() + text.size(), row.value);
        case detail::role_mode:
            if (!text.empty()) {
                const auto mode = enum_from_string<AssessmentMode>(text);
                if (!mode) return false;
                row.mode = static_cast<std::uint8_t>(*mode);
            }
            return true;
        case detail::role_sample_size: return text.empty() || detail::read_sample_size(text, row.sample_size);
        case detail::role_recorded: return text.empty() || detail::parse_day(text, row.recorded);
        case detail::role_count: break;
        }
        return false;
    }

    // The first comma or line break at or after p, or `end`: 16 bytes at a time (SSE2, in every
    // x86-64 processor) where 16 remain.
    static const char* find_separator(const char* p, const char* end) noexcept {
#ifdef __SSE2__
        const __m128i comma = _mm_set1_epi8(','), newline = _mm_set1_epi8('\n');
        for (; end - p >= 16; p += 16) {
            const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
            const int found = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(chunk, comma), _mm_cmpeq_epi8(chunk, newline)));
            if (found != 0) return p + __builtin_ctz(static_cast<unsigned>(found));
        }
#endif
        while (p < end && *p != ',' && *p != '\n') ++p;
        return p;
    }

    // LimitHit when the start of a line without quotes already holds a cell or more columns past the limits.
    static void check_partial_line(const char* p, const char* end, std::size_t line, const Limits& limits) {
        std::size_t count = 0;
        for (const char* field = p;;) {
            if (count == limits.columns) throw too_many_columns(line, limits);
            const char* comma = static_cast<const char*>(std::memchr(field, ',', static_cast<std::size_t>(end - field)));
            // A \r at the end of the block may be the first half of the line's \r\n, not the cell's.
            const char* field_end = comma ? comma : end > field && end[-1] == '\r' ? end - 1 : end;
            const auto size = static_cast<std::size_t>(field_end - field);
            if (size > limits.text_bytes) throw cell_too_long(line, count + 1, std::string_view(field, size), limits);
            ++count;
            if (comma == nullptr) return;
            field = comma + 1;
        }
    }

    static void reject(Sink& sink, std::size_t line, std::size_t column, Message message) {
        sink.rejected.push_back(RejectedRow{line, column, "", std::move(message)});
    }

    void take(const std::string_view* fields, std::size_t count, std::size_t line, Sink& sink) const {
        sink.count_row(line);
        if (count != roles_.size()) {
            const std::string have = std::to_string(count), want = std::to_string(roles_.size());
            return reject(sink, line, 0,
                          count == 1 ? Message("{0} field; expected {1} as in the header"_en, "{0} 个字段；应与表头一致，为 {1} 个"_zh, {have, want})
                                     : Message("{0} fields; expected {1} as in the header"_en, "{0} 个字段；应与表头一致，为 {1} 个"_zh, {have, want}));
        }
        ObservationRow row;
        detail::RowIds ids;
        Message& problem = sink.problem;  // set only for a bad row, then moved out
        for (std::size_t c = 0; c < roles_.size(); ++c)
            if (!detail::read_text_cell(roles_[c], fields[c], row, ids, problem)) return reject(sink, line, c + 1, std::move(problem));
        finish_row(row, ids, line, sink);
    }

    // A row whose cells were read: the checks that span it, then into the store.
    void finish_row(ObservationRow& row, const detail::RowIds& ids, std::size_t line, Sink& sink) const {
        ObservationRole bad = role_count;
        if (!detail::take_row(sink, row, ids, bad, sink.problem)) return reject(sink, line, column_of_[bad] + 1, std::move(sink.problem));
    }

    std::vector<ObservationRole> roles_;
    std::size_t column_of_[role_count] = {};
};

// The header's columns; ParseError for unknown, repeated or missing ones.
std::vector<ObservationRole> read_header(const Record& header, std::size_t line, const std::string& file) {
    const std::vector<std::string_view> names(header.fields.begin(), header.fields.begin() + static_cast<std::ptrdiff_t>(header.count));
    return detail::observation_roles(names, file, [&](std::size_t column) { return file_position(line, column); });
}

// Feeds text to the parser a window at a time; the file reader and parse_observations_csv share it.
class CsvReader {
public:
    CsvReader(std::string file, const ObservationReadOptions& options, std::size_t size_hint)
        : file_(std::move(file)),
          limits_(options.limits),
          size_hint_(size_hint),
          main_sink_(load_.store, load_.rejected, limits_, limits_.rows) {
        if (options.threads < 0)
            throw ValidationError("threads", Message("value {0}; expected 0 (up to 2) or more"_en, "取值 {0}；应为 0（至多 2 个）或更多"_zh,
                                                     {std::to_string(options.threads)}));
        // By default two threads at most (when the machine has them), else as many as asked for.
        threads_ = options.threads > 0 ? options.threads : static_cast<int>(detail::thread_count(0, 2));
    }

    // Parses what it can of [begin, end) (all of it when `final`); returns the bytes consumed.
    // LimitError for input past the limits. `alongside`, when given, is run once as well, by a
    // worker done with its part of the text when the text is cut among threads (the file reader
    // reads its next block so).
    std::size_t feed(const char* begin, const char* end, bool final, const std::function<void()>* alongside = nullptr) {
        try {
            alongside_ = alongside;
            const std::size_t consumed = feed_text(begin, end, final);
            if (alongside_ != nullptr) (*std::exchange(alongside_, nullptr))();
            return consumed;
        } catch (const LimitHit& hit) {
            throw detail::limit_exceeded(file_, file_position(hit.line, hit.column), hit.what, hit.limit, hit.member);
        }
    }

    ObservationLoad finish() {
        if (!parser_)
            throw ParseError(file_, file_position(1),
                             Message("the file is empty; expected a header row: {0} and optionally {1}"_en,
                                     "文件为空；应有表头行: {0}，可选 {1}"_zh, {"unit,indicator,date,value", "source,mode,sample_size,recorded"}));
        load_.store.finalize();
        return std::move(load_);
    }

private:
    static constexpr std::ptrdiff_t min_split_bytes = 1 << 16;  // below this one thread is as quick
    // The start of the file checked for its encoding (check_start), whatever the block size: the
    // reader waits for this much, or the whole file, before it reads the header.
    static constexpr std::ptrdiff_t start_bytes = 1 << 16;

    // feed, with LimitHit for input past the limits.
    std::size_t feed_text(const char* begin, const char* end, bool final) {
        const char* p = begin;
        if (!parser_) {
            if (at_start_) {
                if (end - p < start_bytes && !final) return 0;
                p += detail::check_encoding(std::string_view(p, static_cast<std::size_t>(end - p)), file_);
                check_start(p, end, final);
                at_start_ = false;
            }
            if (!read_header_record(p, end, final)) return static_cast<std::size_t>(p - begin);
            reserve(p, end);
        }
        // Several threads only where the parts cannot pass the rows limit (a row takes 2 bytes at least).
        const std::size_t rows_left = limits_.rows - std::min(main_sink_.rows, limits_.rows);
        if (threads_ >= 2 && end - p >= 2 * min_split_bytes && static_cast<std::size_t>(end - p) / 2 + 1 <= rows_left) {
            const std::vector<const char*> cuts = cut_at_lines(p, end);
            if (!cuts.empty()) return static_cast<std::size_t>(parse_in_parts(p, cuts, end, final) - begin);
        }
        std::size_t lines = 0;
        p = parser_->parse(p, end, final, line_, main_sink_, lines);
        line_ += lines;
        return static_cast<std::size_t>(p - begin);
    }

    // The first 64 KiB (to a line break): the whole file is refused when its first bytes that
    // are not UTF-8 read as GB18030, rather than rejecting every row; other bad bytes reject their row.
    void check_start(const char* p, const char* end, bool final) const {
        std::string_view start(p, std::min(static_cast<std::size_t>(end - p), static_cast<std::size_t>(start_bytes)));
        const bool whole = final && start.size() == static_cast<std::size_t>(end - p);
        // Lines ended by a lone CR (CSV for classic Mac OS): the first line would never end.
        const std::string_view first_line = start.substr(0, start.find('\n'));
        if (const std::size_t cr = first_line.find('\r');
            cr != std::string_view::npos && (cr + 1 < first_line.size() || (cr + 1 == start.size() && whole)))
            throw ParseError(file_, file_position(line_, static_cast<std::size_t>(std::count(first_line.begin(), first_line.begin() + static_cast<std::ptrdiff_t>(cr), ',')) + 1),
                             Message("a carriage return inside the first line: lines end with a lone CR (classic Mac OS); expected lines ending in LF or CR LF"_en,
                                     "首行中有回车符: 各行以单独的 CR 结尾（旧版 Mac OS）；各行应以 LF 或 CR LF 结尾"_zh));
        if (!whole) start = start.substr(0, start.rfind('\n') + 1);  // npos + 1 == 0
        detail::refuse_gb18030(start, file_);
    }

    // Reads the header (skipping blank lines); false when more text is needed.
    bool read_header_record(const char*& p, const char* end, bool final) {
        Record header;
        for (;;) {
            if (p >= end) return false;
            const char* start = p;
            const RecordStatus status = read_record(p, end, final, header, line_, limits_);
            if (status == RecordStatus::incomplete) {
                p = start;
                return false;
            }
            if (status == RecordStatus::broken)
                throw ParseError(file_, file_position(line_, header.broken_column), header.problem);
            const bool blank = header.count == 1 && header.fields[0].empty();
            if (!blank) {
                parser_ = std::make_unique<RowParser>(read_header(header, line_, file_));
                line_ += header.lines;
                return true;
            }
            line_ += header.lines;
        }
    }

    // Room for the rows the file will hold, from the length of the first lines.
    void reserve(const char* p, const char* end) {
        const std::size_t sample = std::min<std::size_t>(static_cast<std::size_t>(end - p), 1 << 20);
        const auto lines = static_cast<std::size_t>(std::count(p, p + sample, '\n'));
        if (lines < 16 || size_hint_ == 0) return;
        const std::size_t rows = size_hint_ / std::max<std::size_t>(1, sample / lines);
        load_.store.reserve(rows + rows / 20 + 1024);  // capacity never touched costs no memory
    }

    // Where [p, end) is cut into up to threads_ parts of about equal size, each at least
    // min_split_bytes: after line breaks with no quote before them in the block (a quoted cell may
    // hold a line break). Empty: one part.
    [[nodiscard]] std::vector<const char*> cut_at_lines(const char* p, const char* end) const {
        const auto size = static_cast<std::size_t>(end - p);
        const std::size_t parts = std::min<std::size_t>(static_cast<std::size_t>(threads_), size / min_split_bytes);
        std::vector<const char*> cuts;
        for (std::size_t k = 1; k < parts; ++k) {
            const char* target = std::max(p + size * k / parts, cuts.empty() ? p : cuts.back());
            const void* newline = std::memchr(target, '\n', static_cast<std::size_t>(end - target));
            if (newline == nullptr) break;
            cuts.push_back(static_cast<const char*>(newline) + 1);
        }
        if (cuts.empty()) return cuts;
        if (const void* quote = std::memchr(p, '"', static_cast<std::size_t>(cuts.back() - p)))
            cuts.erase(std::upper_bound(cuts.begin(), cuts.end(), static_cast<const char*>(quote)), cuts.end());
        return cuts;
    }

    // [p, cuts[0]) into the file's store, each further part into a store of its own, then
    // appended in order; the parts run on up to threads_ threads (core/detail/parallel.hpp).
    // Every part but the last ends at a line break, so is parsed whole.
    const char* parse_in_parts(const char* p, const std::vector<const char*>& cuts, const char* end, bool final) {
        const std::size_t parts = cuts.size() + 1;
        std::vector<ObservationStore> stores(parts - 1);
        spare_columns_.resize(std::max(spare_columns_.size(), parts - 1));
        for (std::size_t i = 0; i + 1 < parts; ++i) ObservationStoreAccess::columns(stores[i]) = std::move(spare_columns_[i]);
        std::vector<std::vector<RejectedRow>> rejected(parts - 1);
        std::vector<Sink> sinks;
        sinks.reserve(parts - 1);
        for (std::size_t i = 0; i + 1 < parts; ++i)
            sinks.emplace_back(stores[i], rejected[i], limits_, std::numeric_limits<std::size_t>::max());
        std::vector<std::size_t> lines(parts, 0);
        const char* stop = end;
        const std::function<void()>* alongside = std::exchange(alongside_, nullptr);
        try {
            detail::run_parallel(parts + (alongside != nullptr ? 1 : 0), static_cast<std::size_t>(threads_), [&](std::size_t part, std::size_t) {
                if (part == parts) return (*alongside)();
                const char* from = part == 0 ? p : cuts[part - 1];
                const bool last = part + 1 == parts;
                const char* to = last ? end : cuts[part];
                try {
                    if (part == 0)
                        parser_->parse(from, to, false, line_, main_sink_, lines[0]);
                    else if (last)
                        stop = parser_->parse(from, to, final, 0, sinks[part - 1], lines[part]);
                    else
                        parser_->parse(from, to, false, 0, sinks[part - 1], lines[part]);
                } catch (LimitHit& hit) {
                    hit.part = part;
                    throw;
                }
            });
        } catch (LimitHit& hit) {
            // A later part counts its lines from its own start: add those of the parts before it
            // (each of which was parsed whole, as an error in a part stops only the parts after it).
            if (hit.part > 0)
                for (std::size_t i = 0; i < hit.part; ++i) hit.line += i == 0 ? line_ + lines[0] : lines[i];
            throw;
        }
        line_ += lines[0];
        for (std::size_t i = 1; i < parts; ++i) {
            main_sink_.rows += sinks[i - 1].rows;
            detail::append_store(load_.store, stores[i - 1], static_cast<std::size_t>(threads_));
            spare_columns_[i - 1] = emptied(std::move(ObservationStoreAccess::columns(stores[i - 1])));
            for (RejectedRow& row : rejected[i - 1]) {
                row.line += line_;
                load_.rejected.push_back(std::move(row));
            }
            line_ += lines[i];
        }
        return stop;
    }

    // Columns emptied with their room kept: the next block's parts are parsed into them, so
    // their pages are not asked of the system again for every block.
    static ObservationColumns emptied(ObservationColumns columns) {
        columns.unit.clear();
        columns.indicator.clear();
        columns.date.clear();
        columns.value.clear();
        columns.source.clear();
        columns.mode.clear();
        columns.sample_size.clear();
        columns.recorded.clear();
        return columns;
    }

    std::string file_;
    Limits limits_;
    std::size_t size_hint_ = 0;
    int threads_ = 1;
    bool at_start_ = true;
    std::size_t line_ = 1;
    std::unique_ptr<RowParser> parser_;
    const std::function<void()>* alongside_ = nullptr;  // feed's, until run
    ObservationLoad load_;
    Sink main_sink_;
    std::vector<ObservationColumns> spare_columns_;  // a part's columns after it was appended (emptied)
};

}  // namespace

ObservationLoad parse_observations_csv(std::string_view csv, const std::string& file, const ObservationReadOptions& options) {
    if (csv.size() > options.limits.csv_bytes)
        throw detail::limit_exceeded(file, "", Message("the text holds {0} bytes"_en, "文本有 {0} 字节"_zh, {std::to_string(csv.size())}), options.limits.csv_bytes,
                                     "csv_bytes");
    CsvReader reader(file, options, csv.size());
    const std::size_t block = std::max<std::size_t>(options.block_bytes, 1 << 12);
    std::size_t window = block;
    for (std::size_t position = 0;;) {
        const std::size_t end = std::min(csv.size(), position + window);
        const bool final = end == csv.size();
        const std::size_t consumed = reader.feed(csv.data() + position, csv.data() + end, final);
        position += consumed;
        if (final) break;
        window = consumed == 0 ? window * 2 : block;  // a record longer than the window: widen it
    }
    return reader.finish();
}

ObservationLoad load_observations_csv(const std::filesystem::path& path, const ObservationReadOptions& options) {
    detail::InputFile in(path, options.limits.csv_bytes, "csv_bytes");
    CsvReader reader(path.string(), options, static_cast<std::size_t>(in.size()));
    const std::size_t block = std::max<std::size_t>(options.block_bytes, 1 << 12);
    {  // the buffers freed before the index is built (the peak of memory)
        // Two buffers: the next block is read into one while the other is parsed. Each keeps room
        // before its block for the record the block before leaves unfinished (widened when a record
        // is longer).
        struct Buffer {
            std::vector<char> bytes;
            std::size_t room;
        };
        Buffer first{std::vector<char>((1 << 16) + block), 1 << 16}, second = first;
        Buffer* current = &first;
        Buffer* next = &second;
        std::size_t begin = current->room, held = in.read(current->bytes.data() + begin, block);
        for (bool final = held == 0;;) {
            std::size_t got = 0;
            const std::function<void()> read_next = [&] { got = in.read(next->bytes.data() + next->room, block); };
            const char* text = current->bytes.data() + begin;
            const std::size_t consumed = reader.feed(text, text + held, final, final ? nullptr : &read_next);
            if (final) break;
            const std::size_t tail = held - consumed;
            if (tail > next->room) {
                const std::size_t room = std::max(tail, 2 * next->room);
                next->bytes.insert(next->bytes.begin(), room - next->room, '\0');
                next->room = room;
            }
            begin = next->room - tail;
            std::memcpy(next->bytes.data() + begin, text + consumed, tail);
            held = tail + got;
            final = got == 0;
            std::swap(current, next);
        }
    }
    return reader.finish();
}

}  // namespace civitas
