#pragma once
/// Observations and value tables from Arrow streams (the Arrow C stream interface): what pyarrow,
/// polars, pandas and DuckDB export, and what a C++ host with Arrow exports from its tables
/// (arrow::ExportRecordBatchReader). No Arrow library is needed: the interface is a stable C ABI.

#include <civitas/core/limits.hpp>
#include <civitas/export.hpp>
#include <civitas/io/observations_io.hpp>
#include <civitas/io/value_table.hpp>

#include <cstdint>
#include <string>

// The Arrow C data and stream interfaces, declared as the Arrow specification asks of a consumer
// (https://arrow.apache.org/docs/format/CDataInterface.html): guarded, so that they coexist with
// Arrow's own declaration of the same structs (arrow/c/abi.h).
#ifdef __cplusplus
extern "C" {
#endif

#ifndef ARROW_C_DATA_INTERFACE
#define ARROW_C_DATA_INTERFACE

#define ARROW_FLAG_DICTIONARY_ORDERED 1
#define ARROW_FLAG_NULLABLE 2
#define ARROW_FLAG_MAP_KEYS_SORTED 4

struct ArrowSchema {
    // Array type description
    const char* format;
    const char* name;
    const char* metadata;
    int64_t flags;
    int64_t n_children;
    struct ArrowSchema** children;
    struct ArrowSchema* dictionary;

    // Release callback
    void (*release)(struct ArrowSchema*);
    // Opaque producer-specific data
    void* private_data;
};

struct ArrowArray {
    // Array data description
    int64_t length;
    int64_t null_count;
    int64_t offset;
    int64_t n_buffers;
    int64_t n_children;
    const void** buffers;
    struct ArrowArray** children;
    struct ArrowArray* dictionary;

    // Release callback
    void (*release)(struct ArrowArray*);
    // Opaque producer-specific data
    void* private_data;
};

#endif  // ARROW_C_DATA_INTERFACE

#ifndef ARROW_C_STREAM_INTERFACE
#define ARROW_C_STREAM_INTERFACE

struct ArrowArrayStream {
    // Callbacks providing stream functionality
    int (*get_schema)(struct ArrowArrayStream*, struct ArrowSchema* out);
    int (*get_next)(struct ArrowArrayStream*, struct ArrowArray* out);
    const char* (*get_last_error)(struct ArrowArrayStream*);

    // Release callback
    void (*release)(struct ArrowArrayStream*);

    // Opaque producer-specific data
    void* private_data;
};

#endif  // ARROW_C_STREAM_INTERFACE

#ifdef __cplusplus
}
#endif

namespace civitas {

/// Reads observations from an Arrow stream of record batches whose columns are those of the CSV
/// format (unit, indicator, date, value, and optionally source, mode, sample_size, recorded, by
/// name, in any order), with the same rules. Types: ids, mode and source as utf8, large_utf8,
/// string_view or dictionary-encoded text (any integer index); dates as date32, date64,
/// timestamps without a time zone (at midnight) or "YYYY-MM-DD" text; value as any integer or
/// floating-point type or text; sample_size as any integer type or text. A null is an empty
/// cell. A bad row is left out and listed in `rejected` with `path` "column[row]" (0-based row,
/// counted over the whole stream); a column of another type, a bad set of columns, an error of
/// the stream or a malformed batch (offsets, lengths, buffers, children) throws ParseError naming
/// `source`. The stream is consumed: it and every array it gave are released, also on error.
/// Batches are read a window of about a million rows at a time, each window split at batches
/// between `options.threads` threads (0: up to 2); results do not depend on it.
[[nodiscard]] CIVITAS_EXPORT ObservationLoad read_observations_arrow(ArrowArrayStream* stream, const std::string& source = "<arrow>",
                                                                     const ObservationReadOptions& options = {});

/// Reads a value table from an Arrow stream: the first column holds unit ids (text), the others
/// indicator values (any integer or floating-point type, booleans as 1/0, or text read as the
/// CSV reader reads a cell); nulls and NaN are missing values. `class_column`, when not empty,
/// names a text column holding unit classes. ParseError names the column and the 0-based row;
/// the stream is consumed as by read_observations_arrow.
[[nodiscard]] CIVITAS_EXPORT ValueTable read_value_table_arrow(ArrowArrayStream* stream, const std::string& source = "<arrow>",
                                                               const std::string& class_column = "", const ReadOptions& options = {});

}  // namespace civitas
