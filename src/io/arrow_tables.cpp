// Observations and value tables from Arrow streams, read through the Arrow C data interface with
// no Arrow library. The stream comes from another library (or another language), so nothing it
// says is trusted: every length, offset, buffer, child and index is checked before it is used,
// and a malformed batch is an error, never a read out of bounds. What cannot be checked is the
// size of a buffer, which the interface does not carry: a producer that lies about a length can
// still make a reader read past a buffer, as it can any consumer of the interface.
//
// The cells are read column by column into the row rules shared with the CSV readers
// (io/detail/observation_rows.hpp, io/detail/value_cells.hpp), so a table says what a CSV file
// with the same cells says.

#include <civitas/core/error.hpp>
#include <civitas/io/arrow_io.hpp>

#include "io/detail/file_text.hpp"
#include "io/detail/observation_rows.hpp"
#include "io/detail/value_cells.hpp"
#include "core/detail/parallel.hpp"

#include <cmath>
#include <cstring>
#include <limits>
#include <memory>

namespace civitas {

namespace {

// ---- owning what the producer hands over ------------------------------------------------

// An ArrowSchema or ArrowArray the producer filled in, released when it goes.
template <class Struct>
struct Released {
    Struct value{};
    Released() = default;
    Released(const Released&) = delete;
    Released& operator=(const Released&) = delete;
    ~Released() {
        if (value.release != nullptr) value.release(&value);
    }
};

struct StreamHolder {
    ArrowArrayStream* stream = nullptr;
    explicit StreamHolder(ArrowArrayStream* given) : stream(given) {}
    StreamHolder(const StreamHolder&) = delete;
    StreamHolder& operator=(const StreamHolder&) = delete;
    ~StreamHolder() {
        if (stream != nullptr && stream->release != nullptr) stream->release(stream);
    }
};

// A malformed stream: what is wrong, placed by the caller (column and batch).
struct Malformed {
    Message what;
};

[[noreturn]] void malformed(Message what) { throw Malformed{std::move(what)}; }

// ---- types ----------------------------------------------------------------------------------

enum class Kind : std::uint8_t { other, null, text32, text64, text_view, boolean, i8, u8, i16, u16, i32, u32, i64, u64, f32, f64, date32, date64, timestamp };

bool is_text(Kind k) { return k == Kind::text32 || k == Kind::text64 || k == Kind::text_view; }
bool is_integer(Kind k) { return k >= Kind::i8 && k <= Kind::u64; }
bool is_number(Kind k) { return is_integer(k) || k == Kind::f32 || k == Kind::f64; }
bool is_date(Kind k) { return k == Kind::date32 || k == Kind::date64 || k == Kind::timestamp; }

// One column's type: its kind (the values' kind when dictionary-encoded) and how it is shown.
struct ColumnType {
    Kind kind = Kind::other;
    Kind index = Kind::other;  // the index kind of a dictionary-encoded column, else `other`
    std::int64_t per_day = 0;  // timestamp ticks in a day
    bool zoned = false;        // a timestamp with a time zone
    std::string shown;         // the Arrow type, as pyarrow prints it
};

struct Format {
    const char* format;
    Kind kind;
    const char* shown;
};
constexpr Format formats[] = {{"n", Kind::null, "null"},       {"u", Kind::text32, "string"},    {"U", Kind::text64, "large_string"},
                              {"vu", Kind::text_view, "string_view"}, {"b", Kind::boolean, "bool"}, {"c", Kind::i8, "int8"},
                              {"C", Kind::u8, "uint8"},        {"s", Kind::i16, "int16"},        {"S", Kind::u16, "uint16"},
                              {"i", Kind::i32, "int32"},       {"I", Kind::u32, "uint32"},       {"l", Kind::i64, "int64"},
                              {"L", Kind::u64, "uint64"},      {"f", Kind::f32, "float"},        {"g", Kind::f64, "double"},
                              {"tdD", Kind::date32, "date32[day]"}, {"tdm", Kind::date64, "date64[ms]"}};

ColumnType plain_type(const char* format) {
    ColumnType type;
    if (format == nullptr) malformed(Message("a schema without a format string; expected one"_en, "模式缺少格式字符串；应给出格式字符串"_zh));
    const std::string_view f(format, ::strnlen(format, 256));
    for (const Format& known : formats)
        if (f == known.format) return ColumnType{known.kind, Kind::other, 0, false, known.shown};
    if (f.size() >= 4 && f.substr(0, 2) == "ts" && f[3] == ':') {
        constexpr std::int64_t day = 86400;
        const char unit = f[2];
        const std::int64_t per_day = unit == 's' ? day : unit == 'm' ? day * 1000 : unit == 'u' ? day * 1000000 : unit == 'n' ? day * 1000000000 : 0;
        if (per_day != 0) {
            const std::string_view zone = f.substr(4);
            const char* units = unit == 's' ? "s" : unit == 'm' ? "ms" : unit == 'u' ? "us" : "ns";
            return ColumnType{Kind::timestamp, Kind::other, per_day, !zone.empty(),
                              "timestamp[" + std::string(units) + (zone.empty() ? "" : ", tz=" + std::string(zone)) + "]"};
        }
    }
    type.shown = "format '" + detail::quote(f) + "'";
    return type;
}

// The type of a column from its schema; `other` when civitas reads no such type.
ColumnType column_type(const ArrowSchema& schema) {
    ColumnType type = plain_type(schema.format);
    if (schema.n_children != 0 && type.kind != Kind::other)
        malformed(Message("a {0} column with {1} children; expected none"_en, "{0} 列有 {1} 个子项；应没有子项"_zh, {type.shown, std::to_string(schema.n_children)}));
    if (schema.dictionary == nullptr) return type;
    if (!is_integer(type.kind)) malformed(Message("a dictionary with {0} indices; expected an integer type"_en, "字典的索引类型为 {0}；应为整数类型"_zh, {type.shown}));
    const ArrowSchema& values = *schema.dictionary;
    if (values.dictionary != nullptr) malformed(Message("a dictionary of dictionaries; expected one of values"_en, "字典的值又是字典；应为值"_zh));
    ColumnType value_type = plain_type(values.format);
    if (values.n_children != 0 && value_type.kind != Kind::other)
        malformed(Message("a {0} dictionary with {1} children; expected none"_en, "{0} 字典有 {1} 个子项；应没有子项"_zh, {value_type.shown, std::to_string(values.n_children)}));
    ColumnType dictionary{value_type.kind, type.kind, value_type.per_day, value_type.zoned, "dictionary<values=" + value_type.shown + ", indices=" + type.shown + ">"};
    if (!is_text(value_type.kind)) dictionary.kind = Kind::other;  // only text is read through a dictionary
    return dictionary;
}

// ---- cells ----------------------------------------------------------------------------------

// The cells of one column of one batch, checked against its type before any is read. Rows are
// 0-based within the array (its own offset is added here).
class Cells {
public:
    Cells(const ArrowArray& array, const ColumnType& type, bool is_dictionary_values = false) : array_(array) {
        kind_ = type.index != Kind::other && !is_dictionary_values ? type.index : type.kind;
        if (array.length < 0 || array.offset < 0 || array.null_count < -1 || array.n_buffers < 0 || array.n_children < 0)
            malformed(Message("a negative length, offset, null count or count of buffers or children; expected none"_en, "长度、偏移、空值数、缓冲区数或子项数为负；不应为负"_zh));
        if (array.length > std::numeric_limits<std::int64_t>::max() - array.offset)
            malformed(Message("length and offset {0} + {1} overflow; expected a smaller array"_en, "长度与偏移 {0} + {1} 溢出；数组应更小"_zh,
                              {std::to_string(array.length), std::to_string(array.offset)}));
        if (array.n_children != 0)
            malformed(Message("{0} children; expected none for this type"_en, "有 {0} 个子项；此类型不应有子项"_zh, {std::to_string(array.n_children)}));
        std::int64_t buffers = kind_ == Kind::null ? 0 : is_text(kind_) && kind_ != Kind::text_view ? 3 : 2;
        if (kind_ == Kind::text_view) {
            if (array.n_buffers < 3)
                malformed(Message("{0} buffers; expected 3 or more for string_view"_en, "有 {0} 个缓冲区；string_view 应至少有 3 个"_zh, {std::to_string(array.n_buffers)}));
            buffers = array.n_buffers;
        }
        if (array.n_buffers != buffers)
            malformed(Message("{0} buffers; expected {1}"_en, "有 {0} 个缓冲区；应为 {1} 个"_zh, {std::to_string(array.n_buffers), std::to_string(buffers)}));
        if (buffers > 0 && array.buffers == nullptr) malformed(Message("no buffer list; expected one"_en, "缺少缓冲区列表；应有缓冲区列表"_zh));
        const bool empty = array.length == 0;
        if (buffers > 0) validity_ = array.null_count == 0 ? nullptr : static_cast<const std::uint8_t*>(array.buffers[0]);
        if (buffers > 1) {
            values_ = array.buffers[1];
            if (values_ == nullptr && !empty) malformed(Message("a missing buffer of values or offsets; expected one"_en, "缺少数值或偏移缓冲区；应有该缓冲区"_zh));
        }
        if (is_text(kind_) && kind_ != Kind::text_view) {
            data_ = static_cast<const char*>(array.buffers[2]);
            if (!empty) check_offsets();
        }
        if (kind_ == Kind::text_view) {
            data_buffers_ = array.n_buffers - 3;
            sizes_ = static_cast<const std::int64_t*>(array.buffers[array.n_buffers - 1]);
            if (data_buffers_ > 0 && sizes_ == nullptr)
                malformed(Message("a missing buffer of string_view sizes; expected one"_en, "缺少 string_view 大小缓冲区；应有该缓冲区"_zh));
        }
        if (type.index != Kind::other && !is_dictionary_values) {
            if (array.dictionary == nullptr) malformed(Message("a dictionary-encoded column without a dictionary; expected one"_en, "字典编码的列缺少字典；应有字典"_zh));
            dictionary_ = std::make_unique<Cells>(*array.dictionary, type, true);
        } else if (array.dictionary != nullptr) {
            malformed(Message("a dictionary where the schema has none; expected none"_en, "模式中没有字典，数组却有字典；不应有字典"_zh));
        }
    }

    [[nodiscard]] std::int64_t length() const noexcept { return array_.length; }

    // Whether row i (0 <= i < length()) is null; a dictionary's index points at a null value too.
    [[nodiscard]] bool null(std::int64_t i) const {
        if (kind_ == Kind::null) return true;
        const std::int64_t at = array_.offset + i;
        if (validity_ != nullptr && (validity_[at >> 3] & (1u << (at & 7))) == 0) return true;
        return dictionary_ != nullptr && dictionary_->null(dictionary_index(i));
    }

    // The text of row i, not null.
    [[nodiscard]] std::string_view text(std::int64_t i) const {
        if (dictionary_ != nullptr) return dictionary_->text(dictionary_index(i));
        const std::int64_t at = array_.offset + i;
        std::int64_t from = 0, to = 0;
        if (kind_ == Kind::text32) {
            from = static_cast<const std::int32_t*>(values_)[at];
            to = static_cast<const std::int32_t*>(values_)[at + 1];
        } else if (kind_ == Kind::text64) {
            from = static_cast<const std::int64_t*>(values_)[at];
            to = static_cast<const std::int64_t*>(values_)[at + 1];
        } else {
            return view(at);
        }
        if (from == to) return {};
        if (data_ == nullptr) malformed(Message("a missing string data buffer; expected one"_en, "缺少字符串数据缓冲区；应有该缓冲区"_zh));
        return {data_ + from, static_cast<std::size_t>(to - from)};
    }

    // The integer of row i, not null (unsigned 64-bit values past the signed range saturate).
    [[nodiscard]] std::int64_t integer(std::int64_t i) const {
        const std::int64_t at = array_.offset + i;
        switch (kind_) {
        case Kind::i8: return static_cast<const std::int8_t*>(values_)[at];
        case Kind::u8: return static_cast<const std::uint8_t*>(values_)[at];
        case Kind::i16: return static_cast<const std::int16_t*>(values_)[at];
        case Kind::u16: return static_cast<const std::uint16_t*>(values_)[at];
        case Kind::i32:
        case Kind::date32: return static_cast<const std::int32_t*>(values_)[at];
        case Kind::u32: return static_cast<const std::uint32_t*>(values_)[at];
        case Kind::u64: {
            const std::uint64_t v = static_cast<const std::uint64_t*>(values_)[at];
            return v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) ? std::numeric_limits<std::int64_t>::max() : static_cast<std::int64_t>(v);
        }
        default: return static_cast<const std::int64_t*>(values_)[at];  // i64, date64, timestamp
        }
    }

    // The number of row i, not null.
    [[nodiscard]] double number(std::int64_t i) const {
        const std::int64_t at = array_.offset + i;
        switch (kind_) {
        case Kind::f32: return static_cast<const float*>(values_)[at];
        case Kind::f64: return static_cast<const double*>(values_)[at];
        case Kind::u64: return static_cast<double>(static_cast<const std::uint64_t*>(values_)[at]);
        case Kind::boolean: return (static_cast<const std::uint8_t*>(values_)[at >> 3] >> (at & 7)) & 1u;
        default: return static_cast<double>(integer(i));
        }
    }

private:
    // String offsets from 0 that do not decrease, over the rows of the array, checked before any is read.
    void check_offsets() const {
        const auto check = [&](const auto* offsets) {
            for (std::int64_t i = 0; i < array_.length; ++i) {
                const std::int64_t from = offsets[array_.offset + i], to = offsets[array_.offset + i + 1];
                if (from < 0 || to < from)
                    malformed(Message("string offsets {0} to {1} at row {2}; expected offsets that do not decrease, from 0"_en,
                                      "第 {2} 行的字符串偏移为 {0} 至 {1}；偏移应从 0 起且不递减"_zh, {std::to_string(from), std::to_string(to), std::to_string(i)}));
            }
        };
        if (kind_ == Kind::text32)
            check(static_cast<const std::int32_t*>(values_));
        else
            check(static_cast<const std::int64_t*>(values_));
    }

    std::int64_t dictionary_index(std::int64_t i) const {
        const std::int64_t index = integer(i);
        if (index < 0 || index >= dictionary_->length())
            malformed(Message("dictionary index {0} at row {1}; expected 0 to {2}"_en, "第 {1} 行的字典索引为 {0}；应为 0 至 {2}"_zh,
                              {std::to_string(index), std::to_string(i), std::to_string(dictionary_->length() - 1)}));
        return index;
    }

    std::string_view view(std::int64_t at) const {
        const auto* view = static_cast<const std::uint8_t*>(values_) + 16 * at;
        std::int32_t size = 0;
        std::memcpy(&size, view, 4);
        if (size < 0) malformed(Message("a string_view of length {0}; expected a length of 0 or more"_en, "string_view 长度为 {0}；长度应不小于 0"_zh, {std::to_string(size)}));
        if (size <= 12) return {reinterpret_cast<const char*>(view + 4), static_cast<std::size_t>(size)};
        std::int32_t buffer = 0, offset = 0;
        std::memcpy(&buffer, view + 8, 4);
        std::memcpy(&offset, view + 12, 4);
        if (buffer < 0 || buffer >= data_buffers_ || offset < 0 || static_cast<std::int64_t>(offset) + size > sizes_[buffer])
            malformed(Message("a string_view of {0} bytes at {1} in buffer {2}, past the buffers given; expected one within them"_en,
                              "string_view 位于缓冲区 {2} 的 {1} 处，长 {0} 字节，超出所给缓冲区；应在缓冲区之内"_zh,
                              {std::to_string(size), std::to_string(offset), std::to_string(buffer)}));
        const auto* data = static_cast<const char*>(array_.buffers[2 + buffer]);
        if (data == nullptr) malformed(Message("a missing string_view data buffer; expected one"_en, "缺少 string_view 数据缓冲区；应有该缓冲区"_zh));
        return {data + offset, static_cast<std::size_t>(size)};
    }

    const ArrowArray& array_;
    Kind kind_ = Kind::other;
    const std::uint8_t* validity_ = nullptr;
    const void* values_ = nullptr;
    const char* data_ = nullptr;
    const std::int64_t* sizes_ = nullptr;
    std::int64_t data_buffers_ = 0;
    std::unique_ptr<Cells> dictionary_;
};

// ---- streams --------------------------------------------------------------------------------

// "column 'value'" and "column 'value', batch 3": where a stream's problems are.
Message column_place(std::string_view name) { return Message("column {0}"_en, "列 {0}"_zh, {detail::single_quoted(name)}); }
Message batch_place(std::string_view name, std::size_t batch) {
    return Message("column {0}, batch {1}"_en, "列 {0}，第 {1} 批"_zh, {detail::single_quoted(name), std::to_string(batch)});
}

// One record batch, held until its rows are read, with its columns' cells checked.
struct Batch {
    Released<ArrowArray> holder;
    std::vector<Cells> cells;  // one per column
    std::size_t number = 0;    // 1-based, in the stream
    std::size_t first_row = 0;  // rows of the stream before it

    Batch() = default;
    Batch(const Batch&) = delete;
    Batch& operator=(const Batch&) = delete;
    ~Batch() { cells.clear(); }  // before the arrays they point into are released

    [[nodiscard]] std::int64_t rows() const noexcept { return holder.value.length; }
    // Row i of the batch in its columns' own rows (a struct's row i is its children's offset + i).
    [[nodiscard]] std::int64_t at(std::int64_t i) const noexcept { return holder.value.offset + i; }
};

// Reads a stream: its columns' names and types once, then its batches, each with its columns'
// cells checked. Releases the stream, the schema and each batch.
class StreamReader {
public:
    StreamReader(ArrowArrayStream* stream, std::string source) : owner_(stream), stream_(stream), source_(std::move(source)) {
        if (stream_ == nullptr || stream_->release == nullptr)
            throw ParseError(source_, "", Message("a released or missing stream; expected an Arrow stream not read before"_en, "流已释放或缺失；应为未读过的 Arrow 流"_zh));
        if (stream_->get_schema == nullptr || stream_->get_next == nullptr)
            throw ParseError(source_, "", Message("a stream without get_schema or get_next; expected both"_en, "流缺少 get_schema 或 get_next；两者都应有"_zh));
        const int code = stream_->get_schema(stream_, &schema_.value);
        if (code != 0) schema_.value.release = nullptr;  // not valid after an error: not released
        check(code, schema_.value.release != nullptr, "get_schema");
        const ArrowSchema& schema = schema_.value;
        if (schema.format == nullptr || std::strcmp(schema.format, "+s") != 0 || schema.n_children < 0 || (schema.n_children > 0 && schema.children == nullptr))
            throw ParseError(source_, "",
                             Message("a stream of {0}; expected a table (a stream of record batches, Arrow format '+s')"_en, "流的类型为 {0}；应为表（记录批次流，Arrow 格式 '+s'）"_zh,
                                     {schema.format == nullptr ? std::string("nothing") : "'" + detail::quote(schema.format) + "'"}));
        for (std::int64_t c = 0; c < schema.n_children; ++c) {
            const ArrowSchema* child = schema.children[c];
            if (child == nullptr) throw ParseError(source_, "", Message("column {0} has no schema; expected one"_en, "第 {0} 列没有模式；应有模式"_zh, {std::to_string(c + 1)}));
            names_.emplace_back(child->name == nullptr ? "" : std::string(child->name, ::strnlen(child->name, 1 << 16)));
            try {
                types_.push_back(column_type(*child));
            } catch (const Malformed& bad) {
                throw ParseError(source_, column_place(names_.back()), bad.what);
            }
        }
    }

    StreamReader(const StreamReader&) = delete;
    StreamReader& operator=(const StreamReader&) = delete;
    ~StreamReader() = default;  // the cells, the batch, the schema, then the stream released (also when the constructor throws)

    [[nodiscard]] const std::string& source() const noexcept { return source_; }
    [[nodiscard]] const std::vector<std::string>& names() const noexcept { return names_; }
    [[nodiscard]] const std::vector<ColumnType>& types() const noexcept { return types_; }

    // The next batch; null at the end of the stream.
    std::unique_ptr<Batch> next() {
        auto batch = std::make_unique<Batch>();
        ArrowArray& array = batch->holder.value;
        const int code = stream_->get_next(stream_, &array);
        if (code != 0) array.release = nullptr;  // not valid after an error: not released
        check(code, true, "get_next");
        if (array.release == nullptr) return nullptr;  // the end of the stream
        batch->number = ++batches_;
        batch->first_row = rows_;
        if (array.length < 0 || array.offset < 0 || array.length > std::numeric_limits<std::int64_t>::max() - array.offset || array.n_children != static_cast<std::int64_t>(names_.size()) ||
            (array.n_children > 0 && array.children == nullptr) || (array.null_count != 0 && array.n_buffers > 0 && array.buffers != nullptr && array.buffers[0] != nullptr))
            throw ParseError(source_, Message("batch {0}"_en, "第 {0} 批"_zh, {std::to_string(batches_)}),
                             Message("a batch of length {0}, offset {1}, {2} columns and {3} null rows; expected a record batch of {4} columns"_en,
                                     "批次长度为 {0}、偏移 {1}、{2} 列、{3} 个空行；应为 {4} 列的记录批次"_zh,
                                     {std::to_string(array.length), std::to_string(array.offset), std::to_string(array.n_children), std::to_string(array.null_count),
                                      std::to_string(names_.size())}));
        rows_ += static_cast<std::size_t>(array.length);
        batch->cells.reserve(names_.size());
        for (std::size_t c = 0; c < names_.size(); ++c) {
            const ArrowArray* child = array.children[c];
            try {
                if (child == nullptr) malformed(Message("a missing column array; expected one"_en, "缺少列数组；应有列数组"_zh));
                batch->cells.emplace_back(*child, types_[c]);
                if (child->length < array.offset + array.length)
                    malformed(Message("{0} rows; expected {1} as in the batch"_en, "有 {0} 行；应与批次一致，为 {1} 行"_zh,
                                      {std::to_string(child->length), std::to_string(array.offset + array.length)}));
            } catch (const Malformed& bad) {
                throw ParseError(source_, batch_place(names_[c], batches_), bad.what);
            }
        }
        return batch;
    }

    // Rows of the batches read so far.
    [[nodiscard]] std::size_t rows() const noexcept { return rows_; }

    // Places a Malformed found while reading the cells of column c of a batch.
    [[noreturn]] void fail(std::size_t c, const Batch& batch, const Malformed& bad) const { throw ParseError(source_, batch_place(names_[c], batch.number), bad.what); }

    // ParseError for a column of a type not read as `role`.
    [[noreturn]] void wrong_type(std::size_t c, const Message& expected) const {
        throw ParseError(source_, column_place(names_[c]),
                         Message("Arrow type {0}; expected {1}"_en, "Arrow 类型为 {0}；应为 {1}"_zh, {types_[c].shown, expected}));
    }

private:
    // An error of the producer's: the code it returned and its message.
    void check(int code, bool made, const char* call) {
        if (code == 0 && made) return;
        std::string said;
        if (code != 0 && stream_->get_last_error != nullptr)
            if (const char* error = stream_->get_last_error(stream_)) said = detail::quote(std::string_view(error, ::strnlen(error, 4096)));
        throw ParseError(source_, "",
                         said.empty() ? Message("the stream's {0} failed (error {1}); expected it to succeed"_en, "流的 {0} 失败（错误 {1}）；应成功"_zh, {call, std::to_string(code)})
                                      : Message("the stream's {0} failed (error {1}): {2}"_en, "流的 {0} 失败（错误 {1}）: {2}"_zh, {call, std::to_string(code), said}));
    }

    StreamHolder owner_;
    ArrowArrayStream* stream_;
    std::string source_;
    Released<ArrowSchema> schema_;
    std::vector<std::string> names_;
    std::vector<ColumnType> types_;
    std::size_t rows_ = 0;
    std::size_t batches_ = 0;
};

// ---- observations -----------------------------------------------------------------------------

// The types a column may have as `role`, in a message.
Message accepted_types(detail::ObservationRole role) {
    switch (role) {
    case detail::role_date:
    case detail::role_recorded:
        return Message("date32, date64, a timestamp without a time zone, or text YYYY-MM-DD"_en, "date32、date64、不带时区的 timestamp，或 YYYY-MM-DD 文本"_zh);
    case detail::role_value: return Message("a number (any integer or floating-point type) or text"_en, "数字（任一整数或浮点类型）或文本"_zh);
    case detail::role_sample_size: return Message("a whole number (any integer type) or text"_en, "整数（任一整数类型）或文本"_zh);
    default: return Message("text (string, large_string, string_view or dictionary-encoded text)"_en, "文本（string、large_string、string_view 或字典编码的文本）"_zh);
    }
}

bool accepted(detail::ObservationRole role, const ColumnType& type) {
    if (type.kind == Kind::null || is_text(type.kind)) return true;
    if (type.index != Kind::other) return false;
    switch (role) {
    case detail::role_date:
    case detail::role_recorded: return is_date(type.kind) && !type.zoned;
    case detail::role_value: return is_number(type.kind);
    case detail::role_sample_size: return is_integer(type.kind);
    default: return false;
    }
}

// The day of a typed date cell; false, with why, for a time of day or a day out of range.
bool read_day(const Cells& cells, const ColumnType& type, std::int64_t i, std::int32_t& day, Message& problem) {
    const std::int64_t ticks = cells.integer(i);
    if (type.kind == Kind::date32) return detail::check_day(ticks, day, problem);
    const std::int64_t per_day = type.kind == Kind::date64 ? 86'400'000 : type.per_day;
    std::int64_t days = ticks / per_day, rest = ticks % per_day;
    if (rest < 0) --days, rest += per_day;
    if (rest != 0 && type.kind == Kind::timestamp) {
        const std::int64_t seconds = rest / (per_day / 86400);
        char time[16];
        std::snprintf(time, sizeof time, "%02d:%02d:%02d", static_cast<int>(seconds / 3600), static_cast<int>(seconds / 60 % 60), static_cast<int>(seconds % 60));
        problem = Message("{0} has a time of day ({1}); expected a date (a timestamp at midnight)"_en, "{0} 含有时刻（{1}）；应为日期（零点的时间戳）"_zh,
                          {detail::single_quoted(detail::iso_of_day(days)), time});
        return false;
    }
    return detail::check_day(days, day, problem);
}

// One cell of column c, role `role`, into the row; false, with why, when it is bad.
bool read_cell(const StreamReader& reader, const Batch& batch, std::size_t c, detail::ObservationRole role, std::int64_t i, detail::ObservationRow& row,
               detail::RowIds& ids, Message& problem, const Limits& limits) {
    const Cells& cells = batch.cells[c];
    const ColumnType& type = reader.types()[c];
    const std::int64_t at = batch.at(i);
    if (cells.null(at)) return detail::read_text_cell(role, {}, row, ids, problem);  // as an empty cell
    if (type.kind != Kind::null && is_text(type.kind)) {
        const std::string_view text = cells.text(at);
        if (text.size() > limits.text_bytes)
            throw detail::limit_exceeded(reader.source(), Message("{0}[{1}]"_en, "{0}[{1}]"_zh, {reader.names()[c], std::to_string(batch.first_row + static_cast<std::size_t>(i))}),
                                         Message("a cell of more than {0} bytes ('{1}')"_en, "单元格超过 {0} 字节（'{1}'）"_zh,
                                                 {std::to_string(limits.text_bytes), detail::quote(text.substr(0, 4 * quoted_characters))}),
                                         limits.text_bytes, "text_bytes");
        return detail::read_text_cell(role, text, row, ids, problem);
    }
    switch (role) {
    case detail::role_date: return read_day(cells, type, at, row.date, problem);
    case detail::role_recorded: return read_day(cells, type, at, row.recorded, problem);
    case detail::role_value: return detail::check_value(cells.number(at), row.value, problem);
    case detail::role_sample_size: return detail::check_sample_size(cells.integer(at), row.sample_size, problem);
    default: return true;  // not reached: other roles take text only
    }
}

// The rows of a batch into `sink`, the bad ones into `rejected` with their column and row.
void read_batch(const StreamReader& reader, const Batch& batch, const std::vector<detail::ObservationRole>& roles, const std::vector<std::size_t>& column_of,
                detail::ObservationSink& sink, std::vector<RejectedRow>& rejected, const Limits& limits) {
    const auto reject = [&](std::size_t c, std::int64_t i, Message problem) {
        rejected.push_back(RejectedRow{0, 0, reader.names()[c] + "[" + std::to_string(batch.first_row + static_cast<std::size_t>(i)) + "]", std::move(problem)});
    };
    std::size_t c = 0;
    try {
        for (std::int64_t i = 0; i < batch.rows(); ++i) {
            detail::ObservationRow row;
            detail::RowIds ids;
            Message problem;
            bool good = true;
            for (c = 0; c < roles.size() && good; ++c)
                if (!read_cell(reader, batch, c, roles[c], i, row, ids, problem, limits)) {
                    reject(c, i, std::move(problem));
                    good = false;
                }
            detail::ObservationRole bad = detail::role_count;
            if (good && !detail::take_row(sink, row, ids, bad, problem)) reject(column_of[bad], i, std::move(problem));
        }
    } catch (const Malformed& bad) {
        reader.fail(c, batch, bad);
    }
}

// ---- value tables -----------------------------------------------------------------------------

bool value_type(const ColumnType& type) { return type.kind == Kind::null || is_text(type.kind) || (type.index == Kind::other && (is_number(type.kind) || type.kind == Kind::boolean)); }

}  // namespace

ObservationLoad read_observations_arrow(ArrowArrayStream* stream, const std::string& source, const ObservationReadOptions& options) {
    StreamReader reader(stream, source);
    std::vector<std::string_view> names(reader.names().begin(), reader.names().end());
    const std::vector<detail::ObservationRole> roles = detail::observation_roles(names, source, [&](std::size_t column) -> Message::Argument {
        if (column == 0) return Message("the columns"_en, "各列"_zh);
        return column_place(names[column - 1]);
    });
    std::vector<std::size_t> column_of(detail::role_count, 0);
    for (std::size_t c = 0; c < roles.size(); ++c) {
        if (!accepted(roles[c], reader.types()[c])) reader.wrong_type(c, accepted_types(roles[c]));
        column_of[roles[c]] = c;
    }
    if (options.threads < 0)
        throw ValidationError("threads", Message("value {0}; expected 0 (up to 2) or more"_en, "取值 {0}；应为 0（至多 2 个）或更多"_zh, {std::to_string(options.threads)}));
    const std::size_t threads = options.threads > 0 ? static_cast<std::size_t>(options.threads) : detail::thread_count(0, 2);
    ObservationLoad load;
    detail::ObservationSink sink(load.store, load.rejected);
    // The batches are read a window at a time, each window cut at batches into a part per thread:
    // the first part into the result, each other into a store of its own appended after it in
    // order (as the CSV reader does with its blocks), so the result does not depend on the threads.
    constexpr std::size_t window_rows = 1 << 20;
    std::vector<std::unique_ptr<Batch>> window;
    std::size_t held = 0;
    for (bool more = true; more;) {
        std::unique_ptr<Batch> batch = reader.next();
        more = batch != nullptr;
        if (more) {
            if (reader.rows() > options.limits.rows)
                throw detail::limit_exceeded(source, "", Message("{0} rows or more"_en, "{0} 行或更多"_zh, {std::to_string(reader.rows())}), options.limits.rows, "rows");
            held += static_cast<std::size_t>(batch->rows());
            window.push_back(std::move(batch));
            if (held < window_rows) continue;
        }
        // Cuts: part k reads window[cut[k], cut[k + 1]), of about held / parts rows each.
        std::vector<std::size_t> cuts{0};
        const std::size_t parts = std::min(threads, window.size());
        for (std::size_t i = 0, rows = 0; i < window.size() && cuts.size() < parts; ++i) {
            rows += static_cast<std::size_t>(window[i]->rows());
            if (rows * parts >= held * cuts.size() && i + 1 < window.size()) cuts.push_back(i + 1);
        }
        cuts.push_back(window.size());
        std::vector<ObservationStore> stores(cuts.size() - 2);
        std::vector<std::vector<RejectedRow>> rejected(cuts.size() - 2);
        std::vector<detail::ObservationSink> sinks;
        sinks.reserve(stores.size());
        for (std::size_t k = 0; k < stores.size(); ++k) sinks.emplace_back(stores[k], rejected[k]);
        detail::run_parallel(cuts.size() - 1, threads, [&](std::size_t part, std::size_t) {
            for (std::size_t i = cuts[part]; i < cuts[part + 1]; ++i)
                read_batch(reader, *window[i], roles, column_of, part == 0 ? sink : sinks[part - 1], part == 0 ? load.rejected : rejected[part - 1],
                           options.limits);
        });
        for (std::size_t k = 0; k < stores.size(); ++k) {
            detail::append_store(load.store, stores[k], threads);
            load.rejected.insert(load.rejected.end(), std::make_move_iterator(rejected[k].begin()), std::make_move_iterator(rejected[k].end()));
        }
        window.clear();
        held = 0;
    }
    load.store.finalize();
    return load;
}

ValueTable read_value_table_arrow(ArrowArrayStream* stream, const std::string& source, const std::string& class_column, const ReadOptions& options) {
    StreamReader reader(stream, source);
    const std::vector<std::string>& names = reader.names();
    if (names.size() < 2)
        throw ParseError(source, "", Message("a table of {0} columns; expected the unit id column, then indicator ids"_en, "表有 {0} 列；应先为单位 id 列，其后为各指标 id"_zh,
                                             {std::to_string(names.size())}));
    const std::vector<std::string_view> views(names.begin(), names.end());
    detail::TableHeader header = detail::read_table_header(views, source, [&](std::size_t column) -> Message::Argument {
        if (column == 0) return Message("the columns"_en, "各列"_zh);
        return column_place(names[column - 1]);
    }, class_column);
    const auto text_expected = Message("text (string, large_string, string_view or dictionary-encoded text)"_en, "文本（string、large_string、string_view 或字典编码的文本）"_zh);
    if (!is_text(reader.types()[0].kind)) reader.wrong_type(0, text_expected);
    if (header.class_index != 0 && !(is_text(reader.types()[header.class_index].kind) || reader.types()[header.class_index].kind == Kind::null))
        reader.wrong_type(header.class_index, text_expected);
    for (const std::size_t c : header.value_columns)
        if (!value_type(reader.types()[c]))
            reader.wrong_type(c, Message("a number (any integer or floating-point type), a boolean, or text"_en, "数字（任一整数或浮点类型）、布尔值或文本"_zh));

    ValueTable table;
    table.columns = std::move(header.columns);
    const std::size_t width = header.value_columns.size();
    const std::size_t most_rows = width == 0 ? options.limits.rows : std::min<std::size_t>(options.limits.rows, options.limits.cells / width);
    std::vector<double> values;
    detail::UnitIds units(table.units, 0);
    std::size_t row_number = 0;
    while (const std::unique_ptr<Batch> batch = reader.next()) {
        const std::int64_t rows = batch->rows();
        if (static_cast<std::uint64_t>(rows) > most_rows - std::min(row_number, most_rows))
            throw detail::limit_exceeded(source, "", Message("{0} rows of {1} values"_en, "{0} 行、每行 {1} 个数值"_zh, {std::to_string(row_number + static_cast<std::size_t>(rows)), std::to_string(width)}),
                                         width != 0 && most_rows < options.limits.rows ? options.limits.cells : options.limits.rows,
                                         width != 0 && most_rows < options.limits.rows ? "cells" : "rows");
        values.reserve(values.size() + static_cast<std::size_t>(rows) * width);
        std::size_t c = 0;
        try {
            for (std::int64_t i = 0; i < rows; ++i) {
                const std::int64_t at = batch->at(i);
                const auto where = [&](std::size_t column) {
                    return Message("column {0}, row {1}"_en, "列 {0}，第 {1} 行"_zh, {detail::single_quoted(names[column]), std::to_string(row_number + static_cast<std::size_t>(i))});
                };
                c = 0;
                const Cells& unit = batch->cells[0];
                units.add(unit.null(at) ? std::string_view() : unit.text(at), source, where(0));
                if (header.class_index != 0) {
                    c = header.class_index;
                    const Cells& cls = batch->cells[c];
                    table.classes.emplace_back(cls.null(at) ? std::string_view() : detail::checked_name(detail::trim_blanks(cls.text(at)), source, where(c)));
                }
                for (std::size_t k = 0; k < width; ++k) {
                    c = header.value_columns[k];
                    const Cells& cells = batch->cells[c];
                    const Kind kind = reader.types()[c].kind;
                    double value = std::numeric_limits<double>::quiet_NaN();
                    if (!cells.null(at)) {
                        if (is_text(kind))
                            value = detail::value_cell(cells.text(at), source, where(c), table.columns[k]);
                        else if (const double number = cells.number(at); std::isinf(number))
                            value = detail::value_cell(number > 0 ? "inf" : "-inf", source, where(c), table.columns[k]);  // refused as in CSV
                        else
                            value = number;  // NaN: missing
                    }
                    values.push_back(value);
                }
            }
        } catch (const Malformed& bad) {
            reader.fail(c, *batch, bad);
        }
        row_number += static_cast<std::size_t>(rows);
    }
    table.values = Eigen::Map<const RowMatrix>(values.data(), static_cast<Eigen::Index>(row_number), static_cast<Eigen::Index>(width));
    return table;
}

}  // namespace civitas
