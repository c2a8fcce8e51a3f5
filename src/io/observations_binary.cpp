// The observation store as bytes: a tag, a byte-order mark, the three name tables, then each
// column's length and raw values. Copies of memory, no parsing of numbers: a national store
// (25 million rows, 33 bytes a row) goes to another process in seconds (docs/scale.md).
#include <civitas/core/enums.hpp>
#include <civitas/core/error.hpp>
#include <civitas/io/observations_io.hpp>

#include "tracking/detail/observations_store.hpp"

#include <cstdint>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace civitas {

namespace {

using detail::ObservationStoreAccess;

constexpr std::string_view tag = "civitas-observations-binary/1\n";
constexpr std::uint32_t byte_order = 0x01020304;

void put_bytes(std::string& out, const void* data, std::size_t size) {
    if (size > 0) out.append(static_cast<const char*>(data), size);
}

void put_count(std::string& out, std::uint64_t count) { put_bytes(out, &count, sizeof count); }

void put_names(std::string& out, const std::vector<std::string>& names) {
    put_count(out, names.size());
    for (const std::string& name : names) {
        put_count(out, name.size());
        put_bytes(out, name.data(), name.size());
    }
}

template <class T>
void put_column(std::string& out, const std::vector<T>& column) {
    put_count(out, column.size());
    put_bytes(out, column.data(), column.size() * sizeof(T));
}

// Reads the bytes front to back; ParseError at the offset where they stop making sense.
class Reader {
public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}

    [[noreturn]] void fail(const Message& what) const {
        throw ParseError("<binary>", Message("byte {0}"_en, "第 {0} 字节"_zh, {std::to_string(at_)}), what);
    }

    void take(void* to, std::size_t size) {
        if (size > bytes_.size() - at_)
            fail(Message("cut short: {0} bytes wanted, {1} left"_en, "数据不完整：需要 {0} 字节，仅剩 {1} 字节"_zh,
                         {std::to_string(size), std::to_string(bytes_.size() - at_)}));
        if (size > 0) std::memcpy(to, bytes_.data() + at_, size);
        at_ += size;
    }

    std::uint64_t count() {
        std::uint64_t n = 0;
        take(&n, sizeof n);
        return n;
    }

    void names(detail::NameTable& table) {
        const std::uint64_t n = count();
        for (std::uint64_t i = 0; i < n; ++i) {
            std::string name(count_within(1), '\0');
            take(name.data(), name.size());
            if (table.intern(name) != static_cast<std::int32_t>(i))
                fail(Message("the name '{0}' twice in one table"_en, "同一名称表中名称 '{0}' 出现两次"_zh, {name}));
        }
    }

    template <class T>
    void column(std::vector<T>& to, std::size_t rows, bool optional) {
        const std::uint64_t n = count();
        if (n != rows && !(optional && n == 0))
            fail(Message("a column of {0} values in a store of {1} rows"_en, "列有 {0} 个值，而存储有 {1} 行"_zh,
                         {std::to_string(n), std::to_string(rows)}));
        to.resize(static_cast<std::size_t>(n));
        take(to.data(), to.size() * sizeof(T));
    }

    // A count of items of `size` bytes that the bytes left can hold.
    std::size_t count_within(std::size_t size) {
        const std::uint64_t n = count();
        if (n > (bytes_.size() - at_) / size)
            fail(Message("cut short: {0} items announced, fewer left"_en, "数据不完整：声明 {0} 项，剩余不足"_zh, {std::to_string(n)}));
        return static_cast<std::size_t>(n);
    }

    [[nodiscard]] bool done() const noexcept { return at_ == bytes_.size(); }

private:
    std::string_view bytes_;
    std::size_t at_ = 0;
};

void check_indexes(const Reader& reader, const std::vector<std::int32_t>& column, std::size_t names, const Message& what) {
    for (const std::int32_t id : column)
        if (id < 0 || static_cast<std::size_t>(id) >= names)
            reader.fail(Message("{0} index {1} out of range (0 to {2})"_en, "{0}序号 {1} 超出范围（0 至 {2}）"_zh,
                                {what, std::to_string(id), std::to_string(static_cast<long long>(names) - 1)}));
}

}  // namespace

std::string observations_to_binary(const ObservationStore& store) {
    const ObservationColumns& c = ObservationStoreAccess::rows(store);
    std::string out;
    out.reserve(tag.size() + 128 + c.size() * (3 * sizeof(std::int32_t) + sizeof(double)) +
                c.source.size() * 4 + c.mode.size() + c.sample_size.size() * 4 + c.recorded.size() * 4);
    out.append(tag);
    put_bytes(out, &byte_order, sizeof byte_order);
    put_names(out, store.units());
    put_names(out, store.indicators());
    put_names(out, store.sources());
    put_count(out, c.size());
    put_column(out, c.unit);
    put_column(out, c.indicator);
    put_column(out, c.date);
    put_column(out, c.value);
    put_column(out, c.source);
    put_column(out, c.mode);
    put_column(out, c.sample_size);
    put_column(out, c.recorded);
    return out;
}

ObservationStore parse_observations_binary(std::string_view bytes) {
    Reader reader(bytes);
    if (bytes.substr(0, tag.size()) != tag)
        reader.fail(Message("not a civitas observation store (it starts with no '{0}')"_en,
                            "不是 civitas 观测数据存储（开头没有 '{0}'）"_zh, {std::string(tag.substr(0, tag.size() - 1))}));
    std::string head(tag.size(), '\0');
    reader.take(head.data(), head.size());
    std::uint32_t order = 0;
    reader.take(&order, sizeof order);
    if (order != byte_order)
        reader.fail(Message("written on a machine of another byte order"_en, "由字节序不同的机器写出"_zh));

    ObservationStore store;
    reader.names(ObservationStoreAccess::units(store));
    reader.names(ObservationStoreAccess::indicators(store));
    reader.names(ObservationStoreAccess::sources(store));  // a new store's "" is its first name, as written
    const std::size_t rows = static_cast<std::size_t>(reader.count());
    ObservationColumns& c = ObservationStoreAccess::columns(store);
    reader.column(c.unit, rows, false);
    reader.column(c.indicator, rows, false);
    reader.column(c.date, rows, false);
    reader.column(c.value, rows, false);
    reader.column(c.source, rows, true);
    reader.column(c.mode, rows, true);
    reader.column(c.sample_size, rows, true);
    reader.column(c.recorded, rows, true);
    if (!reader.done()) reader.fail(Message("bytes after the last column"_en, "最后一列之后还有多余字节"_zh));
    check_indexes(reader, c.unit, store.units().size(), Message("unit"_en, "单位"_zh));
    check_indexes(reader, c.indicator, store.indicators().size(), Message("indicator"_en, "指标"_zh));
    check_indexes(reader, c.source, store.sources().size(), Message("source"_en, "来源"_zh));
    for (const std::uint8_t mode : c.mode)
        if (mode >= std::size(EnumNames<AssessmentMode>::values))
            reader.fail(Message("assessment mode code {0} out of range"_en, "评估方式代码 {0} 超出范围"_zh, {std::to_string(mode)}));
    return store;
}

}  // namespace civitas
