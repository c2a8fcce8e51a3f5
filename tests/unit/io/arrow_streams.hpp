#pragma once
/// Arrow streams built by hand, as a producer exports them through the C stream interface (no
/// Arrow library): columns of any layout, honest or hostile, and counts of what is still alive,
/// so a test sees that the reader released the stream, its schema and every batch.

#include <civitas/io/arrow_io.hpp>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace civitas::test::arrow {

/// Streams, schemas and arrays made and not released yet.
struct Alive {
    int streams = 0, schemas = 0, arrays = 0;
};
inline Alive alive;

/// One column of one batch, and its schema: buffers as bytes, any of them given as null.
struct Column {
    std::string name;
    std::string format;
    std::int64_t length = 0, null_count = 0, offset = 0;
    std::vector<std::vector<std::uint8_t>> buffers;
    std::vector<bool> null_buffers;  // buffer i given as a null pointer
    std::int64_t n_buffers = -1;     // when not -1, the count given (else buffers.size())
    std::int64_t n_children = 0;     // children claimed (none given)
    std::shared_ptr<Column> dictionary;  // the values of a dictionary-encoded column

    Column() = default;
    Column(std::string column_name, std::string column_format, std::int64_t rows = 0, std::int64_t nulls = 0, std::int64_t own_offset = 0)
        : name(std::move(column_name)), format(std::move(column_format)), length(rows), null_count(nulls), offset(own_offset) {}
};

template <class T>
std::vector<std::uint8_t> bytes_of(const std::vector<T>& values) {
    std::vector<std::uint8_t> bytes(values.size() * sizeof(T));
    if (!values.empty()) std::memcpy(bytes.data(), values.data(), bytes.size());
    return bytes;
}

/// A validity bitmap: set for each cell that holds a value.
inline std::vector<std::uint8_t> validity_of(const std::vector<bool>& valid) {
    std::vector<std::uint8_t> bits((valid.size() + 7) / 8 + 1, 0);
    for (std::size_t i = 0; i < valid.size(); ++i)
        if (valid[i]) bits[i / 8] = static_cast<std::uint8_t>(bits[i / 8] | (1u << (i % 8)));
    return bits;
}

/// Text cells (nullopt for null) as utf8 ("u") or large_utf8 ("U").
inline Column text(const std::string& name, const std::vector<std::optional<std::string>>& cells, bool large = false) {
    std::vector<bool> valid;
    std::string data;
    std::vector<std::int64_t> offsets{0};
    std::int64_t nulls = 0;
    for (const auto& cell : cells) {
        valid.push_back(cell.has_value());
        nulls += cell ? 0 : 1;
        if (cell) data += *cell;
        offsets.push_back(static_cast<std::int64_t>(data.size()));
    }
    Column c{name, large ? "U" : "u", static_cast<std::int64_t>(cells.size()), nulls};
    c.buffers.push_back(validity_of(valid));
    if (large) {
        c.buffers.push_back(bytes_of(offsets));
    } else {
        c.buffers.push_back(bytes_of(std::vector<std::int32_t>(offsets.begin(), offsets.end())));
    }
    c.buffers.emplace_back(data.begin(), data.end());
    return c;
}

/// Text cells as string_view ("vu"): short ones inline, the others in one data buffer.
inline Column views(const std::string& name, const std::vector<std::optional<std::string>>& cells) {
    std::vector<bool> valid;
    std::string data;
    std::vector<std::uint8_t> view_bytes;
    std::int64_t nulls = 0;
    for (const auto& cell : cells) {
        valid.push_back(cell.has_value());
        nulls += cell ? 0 : 1;
        std::uint8_t view[16] = {};
        const std::string s = cell.value_or("");
        const auto size = static_cast<std::int32_t>(s.size());
        std::memcpy(view, &size, 4);
        if (s.size() <= 12) {
            std::memcpy(view + 4, s.data(), s.size());
        } else {
            const std::int32_t buffer = 0, offset = static_cast<std::int32_t>(data.size());
            std::memcpy(view + 4, s.data(), 4);
            std::memcpy(view + 8, &buffer, 4);
            std::memcpy(view + 12, &offset, 4);
            data += s;
        }
        view_bytes.insert(view_bytes.end(), view, view + 16);
    }
    Column c{name, "vu", static_cast<std::int64_t>(cells.size()), nulls};
    c.buffers = {validity_of(valid), view_bytes, std::vector<std::uint8_t>(data.begin(), data.end()),
                 bytes_of(std::vector<std::int64_t>{static_cast<std::int64_t>(data.size())})};
    return c;
}

/// Fixed-width cells of type T (nullopt for null), with an Arrow format ("l", "g", "tdD", ...).
template <class T>
Column fixed(const std::string& name, const std::string& format, const std::vector<std::optional<T>>& cells) {
    std::vector<bool> valid;
    std::vector<T> values;
    std::int64_t nulls = 0;
    for (const auto& cell : cells) {
        valid.push_back(cell.has_value());
        nulls += cell ? 0 : 1;
        values.push_back(cell.value_or(T{}));
    }
    Column c{name, format, static_cast<std::int64_t>(cells.size()), nulls};
    c.buffers = {validity_of(valid), bytes_of(values)};
    return c;
}

/// Text cells dictionary-encoded with index type I (format `index_format`); index -1 for null.
template <class I>
Column dictionary(const std::string& name, const std::string& index_format, const std::vector<I>& indices, const std::vector<std::string>& values) {
    std::vector<std::optional<I>> cells;
    for (const I i : indices) cells.push_back(i < 0 ? std::nullopt : std::optional<I>(i));
    Column c = fixed<I>(name, index_format, cells);
    std::vector<std::optional<std::string>> words(values.begin(), values.end());
    c.dictionary = std::make_shared<Column>(text("", words));
    return c;
}

// ---- export through the C interface ------------------------------------------------------

namespace detail {

inline void release_child_schema(ArrowSchema* schema) { schema->release = nullptr; }
inline void release_child_array(ArrowArray* array) { array->release = nullptr; }

// Everything a schema tree points at, freed by its top's release.
struct SchemaOwner {
    std::vector<std::unique_ptr<ArrowSchema>> nodes;
    std::vector<ArrowSchema*> children;
    std::vector<std::string> strings;
};

inline void release_schema(ArrowSchema* schema) {
    delete static_cast<SchemaOwner*>(schema->private_data);
    schema->release = nullptr;
    --alive.schemas;
}

inline ArrowSchema* child_schema(SchemaOwner& owner, const Column& column) {
    owner.nodes.push_back(std::make_unique<ArrowSchema>());
    ArrowSchema* s = owner.nodes.back().get();
    *s = ArrowSchema{};
    s->format = column.format.c_str();
    s->name = column.name.c_str();
    s->flags = ARROW_FLAG_NULLABLE;
    s->release = release_child_schema;
    if (column.dictionary) s->dictionary = child_schema(owner, *column.dictionary);
    return s;
}

inline void export_schema(const std::vector<Column>& columns, ArrowSchema* out) {
    auto* owner = new SchemaOwner;
    owner->strings.reserve(columns.size());
    for (const Column& column : columns) owner->children.push_back(child_schema(*owner, column));
    *out = ArrowSchema{};
    out->format = "+s";
    out->name = "";
    out->n_children = static_cast<std::int64_t>(columns.size());
    out->children = owner->children.data();
    out->release = release_schema;
    out->private_data = owner;
    ++alive.schemas;
}

// Everything a batch points at, freed by its top's release.
struct ArrayOwner {
    std::vector<Column> columns;
    std::vector<std::unique_ptr<ArrowArray>> nodes;
    std::vector<std::unique_ptr<std::vector<const void*>>> buffer_lists;
    std::vector<ArrowArray*> children;
    const void* top_buffers[1] = {nullptr};
};

inline void release_array(ArrowArray* array) {
    delete static_cast<ArrayOwner*>(array->private_data);
    array->release = nullptr;
    --alive.arrays;
}

inline ArrowArray* child_array(ArrayOwner& owner, const Column& column) {
    owner.nodes.push_back(std::make_unique<ArrowArray>());
    ArrowArray* a = owner.nodes.back().get();
    *a = ArrowArray{};
    a->length = column.length;
    a->null_count = column.null_count;
    a->offset = column.offset;
    owner.buffer_lists.push_back(std::make_unique<std::vector<const void*>>());
    for (std::size_t b = 0; b < column.buffers.size(); ++b) {
        const bool null = b < column.null_buffers.size() && column.null_buffers[b];
        owner.buffer_lists.back()->push_back(null ? nullptr : column.buffers[b].data());
    }
    a->n_buffers = column.n_buffers >= 0 ? column.n_buffers : static_cast<std::int64_t>(column.buffers.size());
    a->buffers = owner.buffer_lists.back()->data();
    a->n_children = column.n_children;
    a->release = release_child_array;
    if (column.dictionary) a->dictionary = child_array(owner, *column.dictionary);
    return a;
}

inline void export_batch(const std::vector<Column>& columns, ArrowArray* out, std::int64_t n_children) {
    auto* owner = new ArrayOwner;
    owner->columns = columns;  // the buffers live as long as the batch
    for (const Column& column : owner->columns) owner->children.push_back(child_array(*owner, column));
    *out = ArrowArray{};
    out->length = columns.empty() ? 0 : columns.front().length;
    out->n_buffers = 1;
    out->buffers = owner->top_buffers;
    out->n_children = n_children >= 0 ? n_children : static_cast<std::int64_t>(columns.size());
    out->children = owner->children.data();
    out->release = release_array;
    out->private_data = owner;
    ++alive.arrays;
}

}  // namespace detail

/// A stream of batches of the same columns; the schema is the first batch's (or `schema`).
struct Stream {
    explicit Stream(std::vector<Column> schema_columns = {}, std::vector<std::vector<Column>> stream_batches = {})
        : schema(std::move(schema_columns)), batches(std::move(stream_batches)) {}

    std::vector<Column> schema;                // the columns the schema describes
    std::vector<std::vector<Column>> batches;  // the batches, in order
    int fail_schema = 0;                       // error code get_schema returns (0: none)
    int fail_at = -1;                          // get_next fails when asked for this batch
    std::string error = "disk on fire";        // what get_last_error then says
    std::int64_t n_children = -1;              // when not -1, the child count each batch claims
    std::size_t next = 0;
};

namespace detail {

inline Stream& stream_of(ArrowArrayStream* s) { return *static_cast<Stream*>(s->private_data); }

inline int get_schema(ArrowArrayStream* s, ArrowSchema* out) {
    Stream& stream = stream_of(s);
    if (stream.fail_schema != 0) return stream.fail_schema;
    export_schema(stream.schema.empty() && !stream.batches.empty() ? stream.batches.front() : stream.schema, out);
    return 0;
}

inline int get_next(ArrowArrayStream* s, ArrowArray* out) {
    Stream& stream = stream_of(s);
    if (static_cast<int>(stream.next) == stream.fail_at) return EIO;
    if (stream.next == stream.batches.size()) {
        out->release = nullptr;
        return 0;
    }
    export_batch(stream.batches[stream.next++], out, stream.n_children);
    return 0;
}

inline const char* last_error(ArrowArrayStream* s) { return stream_of(s).error.c_str(); }

inline void release_stream(ArrowArrayStream* s) {
    delete static_cast<Stream*>(s->private_data);
    s->release = nullptr;
    --alive.streams;
}

}  // namespace detail

/// `stream` exported into `out`, as a producer hands it over.
inline void export_stream(Stream stream, ArrowArrayStream* out) {
    out->get_schema = detail::get_schema;
    out->get_next = detail::get_next;
    out->get_last_error = detail::last_error;
    out->release = detail::release_stream;
    out->private_data = new Stream(std::move(stream));
    ++alive.streams;
}

}  // namespace civitas::test::arrow
