// read_observations_arrow and read_value_table_arrow on Arrow streams built from any bytes: the
// columns' names and types, the batches' lengths, offsets, null counts, buffers (present or null),
// counts of buffers and children, string offsets, string_view lengths and buffer indices, and
// dictionary indices all come from the bytes. Only what the C data interface cannot carry is kept
// honest: every buffer is as long as the lengths claimed make it (a producer lying about that can
// make any consumer read past a buffer). Laws: a result or a civitas::Error; the stream, its
// schema and every batch released; every row either kept or rejected.

#include "fuzz_target.hpp"

#include "../../unit/io/arrow_streams.hpp"

#include <civitas/io/arrow_io.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace civitas;
namespace A = civitas::test::arrow;

namespace {

// The bytes, read one at a time (0 past the end).
struct Bytes {
    std::string_view text;
    std::size_t at = 0;
    std::uint8_t next() { return at < text.size() ? static_cast<std::uint8_t>(text[at++]) : 0; }
    std::vector<std::uint8_t> take(std::size_t n) {
        std::vector<std::uint8_t> out(n);
        for (auto& b : out) b = next();
        return out;
    }
};

const char* const names[] = {"unit", "indicator", "date", "value", "source", "mode", "sample_size", "recorded", "x", "unit"};
const char* const formats[] = {"u", "U", "vu", "c", "C", "s", "i", "l", "L", "f", "g", "tdD", "tdm", "tsn:", "b", "n", "tss:UTC", "+s"};
constexpr std::size_t plain_formats = sizeof formats / sizeof formats[0];

std::size_t width_of(const std::string& format) {
    if (format == "c" || format == "C") return 1;
    if (format == "s") return 2;
    if (format == "i" || format == "f" || format == "tdD") return 4;
    return 8;
}

// A column of `rows` rows (offset included) in `format`, its contents from the bytes.
A::Column column(Bytes& bytes, const std::string& name, const std::string& format, std::int64_t length, std::int64_t offset) {
    A::Column c{name, format, length, static_cast<std::int64_t>(bytes.next() % 3) - 1, offset};
    const auto rows = static_cast<std::size_t>(length + offset);
    c.buffers.push_back(bytes.take((rows + 7) / 8));
    if (format == "n" || format == "+s") {
        c.buffers.clear();
    } else if (format == "b") {
        c.buffers.push_back(bytes.take((rows + 7) / 8));
    } else if (format == "u" || format == "U") {
        std::vector<std::int64_t> offsets(rows + 1);
        std::int64_t most = 0;
        for (auto& o : offsets) most = std::max(most, o = static_cast<std::int64_t>(bytes.next()) - 8);
        c.buffers.push_back(format == "u" ? A::bytes_of(std::vector<std::int32_t>(offsets.begin(), offsets.end())) : A::bytes_of(offsets));
        c.buffers.push_back(bytes.take(static_cast<std::size_t>(most) + 1));
    } else if (format == "vu") {
        std::vector<std::uint8_t> views = bytes.take(16 * rows);
        for (std::size_t r = 0; r < rows; ++r) {  // mostly short or in the buffer, sometimes not
            const std::int32_t size = static_cast<std::int32_t>(views[16 * r] % 24) - 2, buffer = views[16 * r + 8] % 3 == 0 ? 1 : 0,
                               at = views[16 * r + 12] % 40;
            std::memcpy(&views[16 * r], &size, 4);
            if (size > 12) {
                std::memcpy(&views[16 * r + 8], &buffer, 4);
                std::memcpy(&views[16 * r + 12], &at, 4);
            }
        }
        c.buffers.push_back(views);
        c.buffers.push_back(bytes.take(48));
        c.buffers.push_back(A::bytes_of(std::vector<std::int64_t>{48}));
    } else {
        c.buffers.push_back(bytes.take(rows * width_of(format)));
    }
    // Now and then, a buffer given as null or a count that does not match.
    const std::uint8_t lie = bytes.next();
    if (lie % 11 == 1 && !c.buffers.empty()) c.null_buffers.assign(c.buffers.size(), false), c.null_buffers[lie % c.buffers.size()] = true;
    if (lie % 13 == 2) c.n_buffers = std::min<std::int64_t>(static_cast<std::int64_t>(c.buffers.size()), lie % 4);
    if (lie % 17 == 3) c.n_children = 1;
    return c;
}

}  // namespace

CIVITAS_FUZZ_TARGET(arrow_stream) {
    Bytes bytes{text};
    const std::size_t count = bytes.next() % 7 + 1;
    std::vector<std::string> column_names, column_formats;
    std::vector<int> dictionaries;  // per column: 0 none, else the index format's place in `formats` (3..8)
    for (std::size_t c = 0; c < count; ++c) {
        const std::uint8_t pick = bytes.next();
        column_names.push_back(c < 4 && pick % 5 != 0 ? names[c] : names[pick % 10]);
        const std::uint8_t type = bytes.next();
        dictionaries.push_back(type % 5 == 0 ? 3 + type / 5 % 6 : 0);
        column_formats.push_back(dictionaries.back() ? (type % 2 ? "u" : "vu") : formats[type % plain_formats]);
    }
    A::Stream stream;
    const std::size_t batches = bytes.next() % 3;
    std::size_t rows = 0;
    for (std::size_t b = 0; b < batches; ++b) {
        const std::int64_t length = bytes.next() % 9, offset = bytes.next() % 3;  // rows, and rows more in the columns than the batch needs
        rows += static_cast<std::size_t>(length + offset);
        std::vector<A::Column> batch;
        for (std::size_t c = 0; c < count; ++c) {
            const std::int64_t own_offset = bytes.next() % 2;  // the column's own offset, past the batch's
            if (dictionaries[c] != 0) {
                A::Column indices = column(bytes, column_names[c], formats[dictionaries[c]], length + offset, own_offset);
                indices.dictionary = std::make_shared<A::Column>(column(bytes, "", column_formats[c], bytes.next() % 4, 0));
                batch.push_back(std::move(indices));
            } else {
                batch.push_back(column(bytes, column_names[c], column_formats[c], length + offset, own_offset));
            }
        }
        stream.batches.push_back(std::move(batch));
    }
    if (stream.batches.empty()) {
        for (std::size_t c = 0; c < count; ++c) stream.schema.push_back(A::Column{column_names[c], column_formats[c]});
    }
    const std::uint8_t fail = bytes.next();
    if (fail % 7 == 1) stream.fail_at = static_cast<int>(fail / 7 % 3);
    if (fail % 11 == 2) stream.n_children = fail % 4;

    const bool table = fail % 2 == 0;
    ArrowArrayStream s{};
    A::export_stream(std::move(stream), &s);
    try {
        if (table) {
            (void)read_value_table_arrow(&s, "fuzz", column_names.size() > 2 ? column_names[2] : "");
        } else {
            const ObservationLoad load = read_observations_arrow(&s, "fuzz");
            CIVITAS_FUZZ_CHECK(load.store.size() + load.rejected.size() == rows,
                               std::to_string(load.store.size()) + " kept and " + std::to_string(load.rejected.size()) + " rejected of " + std::to_string(rows) + " rows");
        }
    } catch (const civitas::Error&) {
    }
    CIVITAS_FUZZ_CHECK(s.release == nullptr && A::alive.streams == 0 && A::alive.schemas == 0 && A::alive.arrays == 0,
                       "the stream, its schema or a batch was not released");
}
