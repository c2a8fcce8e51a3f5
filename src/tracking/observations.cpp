// The observation store: columns, interned names, the index and as-of queries.

#include <civitas/core/error.hpp>
#include <civitas/tracking/observations.hpp>

#include "core/detail/number_format.hpp"
#include "core/detail/parallel.hpp"
#include "tracking/detail/observations_store.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <numeric>
#include <type_traits>
#include <utility>

namespace civitas {

namespace detail {

namespace {

// FNV-1a: short ids, few distinct; good enough and fast.
std::uint32_t hash_name(std::string_view name) noexcept {
    std::uint32_t h = 2166136261u;
    for (const char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
}

}  // namespace

std::int32_t NameTable::find(std::string_view name) const noexcept {
    if (slots_.empty()) return -1;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash_name(name) & mask;; i = (i + 1) & mask) {
        const std::int32_t slot = slots_[i];
        if (slot == 0) return -1;
        if (names_[static_cast<std::size_t>(slot - 1)] == name) return slot - 1;
    }
}

std::int32_t NameTable::intern(std::string_view name) {
    if ((names_.size() + 1) * 2 > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash_name(name) & mask;; i = (i + 1) & mask) {
        const std::int32_t slot = slots_[i];
        if (slot == 0) {
            if (names_.size() >= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max() - 1))
                throw Error(Message("too many distinct names (more than 2^31) in an observation store"_en, "观测数据存储中的不同名称过多（超过 2^31 个）"_zh));
            names_.emplace_back(name);
            slots_[i] = static_cast<std::int32_t>(names_.size());
            return slots_[i] - 1;
        }
        if (names_[static_cast<std::size_t>(slot - 1)] == name) return slot - 1;
    }
}

void NameTable::grow() {
    std::vector<std::int32_t> slots(std::max<std::size_t>(16, slots_.size() * 2), 0);
    const std::size_t mask = slots.size() - 1;
    for (std::size_t id = 0; id < names_.size(); ++id) {
        std::size_t i = hash_name(names_[id]) & mask;
        while (slots[i] != 0) i = (i + 1) & mask;
        slots[i] = static_cast<std::int32_t>(id + 1);
    }
    slots_ = std::move(slots);
}

void append_store(ObservationStore& store, const ObservationStore& part, std::size_t threads) {
    const ObservationColumns& from = ObservationStoreAccess::rows(part);
    ObservationColumns& to = ObservationStoreAccess::columns(store);
    const auto remap = [](NameTable& table, const std::vector<std::string>& names) {
        std::vector<std::int32_t> ids(names.size());
        for (std::size_t i = 0; i < names.size(); ++i) ids[i] = table.intern(names[i]);
        return ids;
    };
    const std::vector<std::int32_t> units = remap(ObservationStoreAccess::units(store), part.units());
    const std::vector<std::int32_t> indicators = remap(ObservationStoreAccess::indicators(store), part.indicators());
    const std::vector<std::int32_t> sources = remap(ObservationStoreAccess::sources(store), part.sources());

    const std::size_t before = to.size(), added = from.size(), after = before + added;
    const std::size_t capacity = to.value.capacity() >= after ? to.value.capacity() : std::max(after, to.value.capacity() + to.value.capacity() / 2);
    const auto mapped = [&](std::vector<std::int32_t>& into, const std::vector<std::int32_t>& ids, const std::vector<std::int32_t>& part_column) {
        into.reserve(capacity);
        for (const std::int32_t id : part_column) into.push_back(ids[static_cast<std::size_t>(id)]);
    };
    const auto copied = [&](auto& into, const auto& part_column) {
        into.reserve(capacity);
        into.insert(into.end(), part_column.begin(), part_column.end());
    };
    // An optional column: stays empty when both are; else filled with `none` where one is.
    const auto optional = [&](auto& into, const auto& part_column, auto none, auto&& convert) {
        if (into.empty() && part_column.empty()) return;
        if (into.empty()) {
            into.reserve(capacity);
            into.assign(before, none);
        }
        if (part_column.empty()) {
            into.resize(after, none);
        } else {
            for (const auto item : part_column) into.push_back(convert(item));
        }
    };
    const auto same = [](auto item) { return item; };
    // Each column a job: they are independent.
    detail::run_parallel(8, added < (std::size_t{1} << 15) ? 1 : threads, [&](std::size_t column, std::size_t) {
        switch (column) {
        case 0: return mapped(to.unit, units, from.unit);
        case 1: return mapped(to.indicator, indicators, from.indicator);
        case 2: return copied(to.date, from.date);
        case 3: return copied(to.value, from.value);
        case 4: return optional(to.source, from.source, std::int32_t{0}, [&](std::int32_t id) { return sources[static_cast<std::size_t>(id)]; });
        case 5: return optional(to.mode, from.mode, std::uint8_t{0}, same);
        case 6: return optional(to.sample_size, from.sample_size, std::int32_t{0}, same);
        default: return optional(to.recorded, from.recorded, ObservationColumns::no_day, same);
        }
    });
}

}  // namespace detail

namespace {

constexpr std::int32_t no_limit = std::numeric_limits<std::int32_t>::max();
constexpr std::uint32_t epoch_day_number = 2440588;  // boost's day number of 1970-01-01

std::int32_t known_limit(const std::optional<Date>& known_on) {
    return known_on ? day_number(*known_on) : no_limit;
}

}  // namespace

bool operator==(const ObservationStore& a, const ObservationStore& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t row = 0; row < a.size(); ++row)
        if (!(a.at(row) == b.at(row))) return false;
    return true;
}

std::int32_t day_number(Date date) {
    if (date.is_special()) throw ValidationError("date", Message("not a date (a special value such as not-a-date-time)"_en, "不是日期（not-a-date-time 等特殊值）"_zh));
    return static_cast<std::int32_t>(date.day_number()) - static_cast<std::int32_t>(epoch_day_number);
}

Date date_of_day(std::int32_t days) {
    return Date(1970, 1, 1) + boost::gregorian::date_duration(days);
}

ObservationStore::ObservationStore() { sources_.intern(""); }

void ObservationStore::add(const Observation& o) {
    if (o.unit.empty()) throw ValidationError("unit", Message("empty unit id; expected one"_en, "单位编号为空；应填写单位编号"_zh));
    if (o.indicator.empty()) throw ValidationError("indicator", Message("empty indicator id; expected one"_en, "指标编号为空；应填写指标编号"_zh));
    if (!std::isfinite(o.value))
        throw ValidationError("value", Message("{0} is not a finite number; expected a number"_en, "{0} 不是有限数；应为数字"_zh,
                                               {detail::format_number(o.value)}));
    if (o.sample_size && *o.sample_size < 1)
        throw ValidationError("sample_size", Message("{0} is not a sample size; expected a whole number from 1 to 2147483647"_en,
                                                     "{0} 不是有效的样本量；应为 1 到 2147483647 之间的整数"_zh, {std::to_string(*o.sample_size)}));
    const std::int32_t date = day_number(o.date);
    std::int32_t recorded = ObservationColumns::no_day;
    if (o.recorded) {
        recorded = day_number(*o.recorded);
        if (recorded < date)
            throw ValidationError("recorded", Message("recorded {0} is before the date {1}; expected on or after it"_en,
                                                      "记录日期 {0} 早于数据日期 {1}；应不早于数据日期"_zh, {to_iso(*o.recorded), to_iso(o.date)}));
    }
    if (static_cast<std::size_t>(o.mode) >= std::size(EnumNames<AssessmentMode>::values))
        throw ValidationError("mode", Message("not an assessment mode"_en, "不是有效的测评方式"_zh));
    detail::ObservationRow row;
    row.unit = units_.intern(o.unit);
    row.indicator = indicators_.intern(o.indicator);
    row.date = date;
    row.value = o.value;
    row.source = sources_.intern(o.source);
    row.mode = static_cast<std::uint8_t>(o.mode);
    row.sample_size = o.sample_size.value_or(0);
    row.recorded = recorded;
    detail::append_row(detail::ObservationStoreAccess::columns(*this), row);
}

void ObservationStore::reserve(std::size_t rows) {
    columns_.unit.reserve(rows);
    columns_.indicator.reserve(rows);
    columns_.date.reserve(rows);
    columns_.value.reserve(rows);
}

void ObservationStore::finalize() { ensure_index(); }

void ObservationStore::ensure_index() const {
    if (index_.ready.load(std::memory_order_acquire)) return;
    const std::lock_guard<std::mutex> lock(index_.mutex);
    if (index_.ready.load(std::memory_order_relaxed)) return;
    // Sorting reorders rows but changes no answer: logically const.
    const_cast<ObservationStore*>(this)->build_index();
    index_.ready.store(true, std::memory_order_release);
}

const ObservationColumns& ObservationStore::columns() const {
    ensure_index();
    return columns_;
}

namespace {

// When a record became known: its recorded date, else its date.
std::int32_t known_day(const ObservationColumns& c, std::size_t row) noexcept {
    const std::int32_t recorded = c.recorded.empty() ? ObservationColumns::no_day : c.recorded[row];
    return recorded == ObservationColumns::no_day ? c.date[row] : recorded;
}

// A stable counting sort of `order` by key(row): rows with equal keys keep their order.
template <class Key>
std::vector<std::uint32_t> counting_sort(const std::vector<std::uint32_t>& order, std::size_t keys, Key key) {
    std::vector<std::size_t> start(keys + 1, 0);
    for (const std::uint32_t row : order) ++start[static_cast<std::size_t>(key(row)) + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<std::uint32_t> sorted(order.size());
    for (const std::uint32_t row : order) sorted[start[static_cast<std::size_t>(key(row))]++] = row;
    return sorted;
}

// The rows 0..n-1 in the stable order of key(row) < keys, counted and placed on `threads` threads,
// each taking a slice of rows with cursors of its own (a key's rows of the first slice placed
// before those of the second: the order of one thread); and where each key's rows begin (keys + 1
// entries, the last n).
template <class Key>
std::vector<std::uint32_t> counting_sort_rows(std::size_t n, std::size_t keys, std::size_t threads, Key key,
                                              std::vector<std::size_t>& key_begin) {
    const auto slice = [n, threads](std::size_t t) { return n / threads * t + std::min(t, n % threads); };
    std::vector<std::vector<std::uint32_t>> cursor(threads, std::vector<std::uint32_t>(keys, 0));
    detail::run_parallel(threads, threads, [&](std::size_t t, std::size_t) {
        std::uint32_t* count = cursor[t].data();
        for (std::size_t row = slice(t), end = slice(t + 1); row < end; ++row) ++count[key(row)];
    });
    key_begin.assign(keys + 1, 0);
    std::uint32_t placed = 0;
    for (std::size_t k = 0; k < keys; ++k) {
        key_begin[k] = placed;
        for (std::vector<std::uint32_t>& thread_cursor : cursor) placed += std::exchange(thread_cursor[k], placed);
    }
    key_begin[keys] = n;
    std::vector<std::uint32_t> order(n);
    detail::run_parallel(threads, threads, [&](std::size_t t, std::size_t) {
        std::uint32_t* next = cursor[t].data();
        for (std::size_t row = slice(t), end = slice(t + 1); row < end; ++row) order[next[key(row)]++] = static_cast<std::uint32_t>(row);
    });
    return order;
}

// `column` put in `order`: gathered into `scratch` (a worker's buffer of 8 bytes a row, shared
// by the columns it gathers, so its pages are faulted in once rather than once a column: a
// national store's columns are 100 MB each), then copied back.
template <class T>
void permute(std::vector<T>& column, const std::vector<std::uint32_t>& order, std::unique_ptr<unsigned char[]>& scratch) {
    static_assert(std::is_trivially_copyable_v<T> && sizeof(T) <= sizeof(std::uint64_t));
    if (column.empty()) return;
    if (!scratch) scratch.reset(new unsigned char[order.size() * sizeof(std::uint64_t)]);
    unsigned char* out = scratch.get();
    for (std::size_t i = 0; i < order.size(); ++i) std::memcpy(out + i * sizeof(T), &column[order[i]], sizeof(T));
    std::memcpy(column.data(), out, order.size() * sizeof(T));
}

// Rows [begin, begin + order.size()) of a column put in `order` (offsets from begin).
template <class T>
void permute_range(std::vector<T>& column, std::size_t begin, const std::vector<std::uint32_t>& order, std::vector<T>& scratch) {
    if (column.empty()) return;
    scratch.resize(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) scratch[i] = column[begin + order[i]];
    std::copy(scratch.begin(), scratch.end(), column.begin() + static_cast<std::ptrdiff_t>(begin));
}

// Rows [begin, end) (one unit and indicator) put in (date, known day) order, stably, unless
// they are in it already (as a file written in date order leaves them).
void sort_run_by_day(ObservationColumns& c, std::size_t begin, std::size_t end) {
    const auto by_day = [&c](std::size_t a, std::size_t b) {
        if (c.date[a] != c.date[b]) return c.date[a] < c.date[b];
        return known_day(c, a) < known_day(c, b);
    };
    std::size_t row = begin + 1;
    while (row < end && !by_day(row, row - 1)) ++row;
    if (row >= end) return;
    std::vector<std::uint32_t> run(end - begin);
    std::iota(run.begin(), run.end(), 0u);
    std::stable_sort(run.begin(), run.end(), [&](std::uint32_t a, std::uint32_t b) { return by_day(begin + a, begin + b); });
    std::vector<std::int32_t> ints;
    std::vector<double> doubles;
    std::vector<std::uint8_t> bytes;
    permute_range(c.date, begin, run, ints);
    permute_range(c.value, begin, run, doubles);
    permute_range(c.source, begin, run, ints);
    permute_range(c.mode, begin, run, bytes);
    permute_range(c.sample_size, begin, run, ints);
    permute_range(c.recorded, begin, run, ints);
}

}  // namespace

void ObservationStore::build_index() {
    ObservationColumns& c = columns_;
    const std::size_t n = c.size();
    if (n > std::numeric_limits<std::uint32_t>::max()) throw Error(Message("more than 2^32 observations in one store"_en, "一个存储中的观测数据超过 2^32 条"_zh));
    // Two threads at most (as the readers use) from 32,768 rows: a thread's start costs more than
    // sorting a smaller store.
    constexpr std::size_t rows_for_threads = std::size_t{1} << 15;
    const std::size_t threads = n < rows_for_threads ? 1 : detail::thread_count(0, 2);
    const auto less = [&c](std::size_t a, std::size_t b) {
        if (c.indicator[a] != c.indicator[b]) return c.indicator[a] < c.indicator[b];
        if (c.unit[a] != c.unit[b]) return c.unit[a] < c.unit[b];
        if (c.date[a] != c.date[b]) return c.date[a] < c.date[b];
        return known_day(c, a) < known_day(c, b);
    };
    bool sorted = true;
    for (std::size_t i = 1; i < n && sorted; ++i) sorted = !less(i, i - 1);
    groups_.clear();
    const auto group_by_scan = [&] {
        for (std::size_t i = 0; i < n; ++i)
            if (i == 0 || c.unit[i] != c.unit[i - 1] || c.indicator[i] != c.indicator[i - 1])
                groups_.push_back(Group{c.unit[i], c.indicator[i], i});
    };
    if (sorted) {
        group_by_scan();
    } else {
        // (indicator, unit) by stable counting sorts: one on the pair when there are not too many
        // pairs for its table (each pair's run then known from the table: its unit and indicator
        // columns are written, not gathered), else by unit then by indicator. The other columns
        // are gathered in that order, one column a job, then each run put in (date, known day)
        // order in place, reading the columns in sequence rather than through the permutation.
        const std::size_t units = units_.names().size(), indicators = indicators_.names().size();
        const bool by_pair = indicators == 0 || units <= std::max<std::size_t>(n / 2, std::size_t{1} << 20) / indicators;
        std::vector<std::uint32_t> order;
        if (by_pair) {
            std::vector<std::size_t> pair_begin;
            order = counting_sort_rows(n, units * indicators, threads, [&c, units](std::size_t r) {
                return static_cast<std::size_t>(c.indicator[r]) * units + static_cast<std::size_t>(c.unit[r]);
            }, pair_begin);
            for (std::size_t k = 0; k < units * indicators; ++k)
                if (pair_begin[k + 1] > pair_begin[k])
                    groups_.push_back(Group{static_cast<std::int32_t>(k % units), static_cast<std::int32_t>(k / units), pair_begin[k]});
        } else {
            order.resize(n);
            std::iota(order.begin(), order.end(), 0u);
            order = counting_sort(order, units, [&c](std::uint32_t r) { return c.unit[r]; });
            order = counting_sort(order, indicators, [&c](std::uint32_t r) { return c.indicator[r]; });
        }
        constexpr std::size_t columns = 8;
        std::vector<std::unique_ptr<unsigned char[]>> scratch(threads);
        const auto fill = [&](std::vector<std::int32_t>& column, std::int32_t Group::*id) {
            for (std::size_t g = 0; g < groups_.size(); ++g)
                std::fill(column.begin() + static_cast<std::ptrdiff_t>(groups_[g].begin),
                          column.begin() + static_cast<std::ptrdiff_t>(g + 1 < groups_.size() ? groups_[g + 1].begin : n), groups_[g].*id);
        };
        detail::run_parallel(columns, threads, [&](std::size_t column, std::size_t worker) {
            auto& buffer = scratch[worker];
            switch (column) {
            case 0: return by_pair ? fill(c.unit, &Group::unit) : permute(c.unit, order, buffer);
            case 1: return by_pair ? fill(c.indicator, &Group::indicator) : permute(c.indicator, order, buffer);
            case 2: return permute(c.date, order, buffer);
            case 3: return permute(c.value, order, buffer);
            case 4: return permute(c.source, order, buffer);
            case 5: return permute(c.mode, order, buffer);
            case 6: return permute(c.sample_size, order, buffer);
            default: return permute(c.recorded, order, buffer);
            }
        });
        std::vector<std::uint32_t>().swap(order);
        if (!by_pair) group_by_scan();
        // The runs in day order, cut in halves of about as many rows.
        const auto first_group_from = [&](std::size_t row) {
            return static_cast<std::size_t>(std::lower_bound(groups_.begin(), groups_.end(), row,
                                                             [](const Group& g, std::size_t r) { return g.begin < r; }) - groups_.begin());
        };
        detail::run_parallel(threads, threads, [&](std::size_t part, std::size_t) {
            const std::size_t last = part + 1 == threads ? groups_.size() : first_group_from(n / threads * (part + 1));
            for (std::size_t g = first_group_from(n / threads * part); g < last; ++g)
                sort_run_by_day(c, groups_[g].begin, g + 1 < groups_.size() ? groups_[g + 1].begin : n);
        });
    }
    groups_.shrink_to_fit();
    indicator_groups_.assign(indicators_.names().size() + 1, 0);
    for (const Group& g : groups_) ++indicator_groups_[static_cast<std::size_t>(g.indicator) + 1];
    std::partial_sum(indicator_groups_.begin(), indicator_groups_.end(), indicator_groups_.begin());
}

const ObservationStore::Group* ObservationStore::find_group(std::int32_t unit, std::int32_t indicator) const noexcept {
    if (unit < 0 || indicator < 0) return nullptr;
    const Group* first = groups_.data() + indicator_groups_[static_cast<std::size_t>(indicator)];
    const Group* last = groups_.data() + indicator_groups_[static_cast<std::size_t>(indicator) + 1];
    const Group* found = std::lower_bound(first, last, unit, [](const Group& g, std::int32_t u) { return g.unit < u; });
    return found != last && found->unit == unit ? found : nullptr;
}

std::size_t ObservationStore::group_end(const Group* group) const noexcept {
    return group + 1 == groups_.data() + groups_.size() ? columns_.size() : (group + 1)->begin;
}

std::ptrdiff_t ObservationStore::latest_row(const Group* group, std::int32_t as_of, std::int32_t known_on) const noexcept {
    const auto begin = columns_.date.begin() + static_cast<std::ptrdiff_t>(group->begin);
    const auto end = columns_.date.begin() + static_cast<std::ptrdiff_t>(group_end(group));
    // Rows are in (date, known day) order: the first visible one from the last on or before
    // as_of, going back, is the latest value as known then.
    for (auto row = std::upper_bound(begin, end, as_of) - columns_.date.begin(); row > static_cast<std::ptrdiff_t>(group->begin);) {
        --row;
        if (known_day(columns_, static_cast<std::size_t>(row)) <= known_on) return row;
    }
    return -1;
}

Observation ObservationStore::at(std::size_t row) const {
    ensure_index();
    if (row >= size()) throw NotFoundError(Message("observation {0} out of range for a store of {1}"_en, "观测数据 {0} 超出范围（存储共 {1} 条）"_zh,
                                                      {std::to_string(row), std::to_string(size())}));
    const ObservationColumns& c = columns_;
    Observation o;
    o.unit = units_.names()[static_cast<std::size_t>(c.unit[row])];
    o.indicator = indicators_.names()[static_cast<std::size_t>(c.indicator[row])];
    o.date = date_of_day(c.date[row]);
    o.value = c.value[row];
    if (!c.source.empty()) o.source = sources_.names()[static_cast<std::size_t>(c.source[row])];
    if (!c.mode.empty()) o.mode = static_cast<AssessmentMode>(c.mode[row]);
    if (!c.sample_size.empty() && c.sample_size[row] != 0) o.sample_size = c.sample_size[row];
    if (!c.recorded.empty() && c.recorded[row] != ObservationColumns::no_day) o.recorded = date_of_day(c.recorded[row]);
    return o;
}

ObservationSeries ObservationStore::series(std::string_view unit, std::string_view indicator, std::optional<Date> known_on) const {
    ensure_index();
    ObservationSeries series;
    const Group* group = find_group(units_.find(unit), indicators_.find(indicator));
    if (group == nullptr) return series;
    const std::int32_t limit = known_limit(known_on);
    std::int32_t last_day = 0;
    for (std::size_t row = group->begin, end = group_end(group); row < end; ++row) {
        if (known_day(columns_, row) > limit) continue;
        // Rows of one date come in the order they became known: the last visible one wins.
        if (!series.values.empty() && columns_.date[row] == last_day) {
            series.values.back() = columns_.value[row];
            continue;
        }
        last_day = columns_.date[row];
        series.dates.push_back(date_of_day(last_day));
        series.values.push_back(columns_.value[row]);
    }
    return series;
}

std::optional<LatestValue> ObservationStore::latest(std::string_view unit, std::string_view indicator, Date as_of,
                                                    std::optional<Date> known_on) const {
    ensure_index();
    const Group* group = find_group(units_.find(unit), indicators_.find(indicator));
    if (group == nullptr) return std::nullopt;
    const std::int32_t day = day_number(as_of);
    const std::ptrdiff_t found = latest_row(group, day, known_limit(known_on));
    if (found < 0) return std::nullopt;
    const Observation o = at(static_cast<std::size_t>(found));
    LatestValue latest;
    latest.value = o.value;
    latest.date = o.date;
    latest.age_days = day - columns_.date[static_cast<std::size_t>(found)];
    latest.source = o.source;
    latest.mode = o.mode;
    latest.sample_size = o.sample_size;
    latest.recorded = o.recorded;
    return latest;
}

LatestMatrix ObservationStore::latest_matrix(const std::vector<std::string>& units, const std::vector<std::string>& indicators,
                                             Date as_of, std::optional<Date> known_on) const {
    ensure_index();
    const std::int32_t day = day_number(as_of), limit = known_limit(known_on);
    LatestMatrix result;
    result.units = units;
    result.indicators = indicators;
    const auto rows = static_cast<Eigen::Index>(units.size()), cols = static_cast<Eigen::Index>(indicators.size());
    result.values.setConstant(rows, cols, std::numeric_limits<double>::quiet_NaN());
    result.ages.setConstant(rows, cols, std::numeric_limits<double>::quiet_NaN());
    std::vector<std::int32_t> unit_ids(units.size());
    for (std::size_t r = 0; r < units.size(); ++r) unit_ids[r] = units_.find(units[r]);
    // For each indicator, the group of each unit by a dense table (reset after), not a search.
    std::vector<std::int32_t> group_of(units_.names().size(), -1);
    for (Eigen::Index col = 0; col < cols; ++col) {
        const std::int32_t indicator = indicators_.find(indicators[static_cast<std::size_t>(col)]);
        if (indicator < 0) continue;
        const std::size_t first = indicator_groups_[static_cast<std::size_t>(indicator)];
        const std::size_t last = indicator_groups_[static_cast<std::size_t>(indicator) + 1];
        for (std::size_t g = first; g < last; ++g) group_of[static_cast<std::size_t>(groups_[g].unit)] = static_cast<std::int32_t>(g);
        for (Eigen::Index row = 0; row < rows; ++row) {
            const std::int32_t unit = unit_ids[static_cast<std::size_t>(row)];
            if (unit < 0 || group_of[static_cast<std::size_t>(unit)] < 0) continue;
            const std::ptrdiff_t found = latest_row(&groups_[static_cast<std::size_t>(group_of[static_cast<std::size_t>(unit)])], day, limit);
            if (found < 0) continue;
            result.values(row, col) = columns_.value[static_cast<std::size_t>(found)];
            result.ages(row, col) = static_cast<double>(day - columns_.date[static_cast<std::size_t>(found)]);
        }
        for (std::size_t g = first; g < last; ++g) group_of[static_cast<std::size_t>(groups_[g].unit)] = -1;
    }
    return result;
}

LatestMatrix ObservationStore::latest_matrix(Date as_of, std::optional<Date> known_on) const {
    return latest_matrix(units(), indicators(), as_of, known_on);
}

namespace {

// Years of 365.25 days, as civitas::days_per_year (trend.hpp; this layer sits below it).
constexpr double days_in_year = 365.25;

// The least-squares slope of values on years since days[0], summed in the order and the way
// trend() sums them, so that the two agree to the last bit.
double least_squares_slope(const std::int32_t* days, const double* values, std::size_t n) noexcept {
    const auto count = static_cast<double>(n);
    double mean_t = 0.0, mean_y = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        mean_t += static_cast<double>(days[i] - days[0]) / days_in_year;
        mean_y += values[i];
    }
    mean_t /= count;
    mean_y /= count;
    double sxx = 0.0, sxy = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double dt = static_cast<double>(days[i] - days[0]) / days_in_year - mean_t, dy = values[i] - mean_y;
        sxx += dt * dt;
        sxy += dt * dy;
    }
    return sxy / sxx;  // sxx > 0: distinct days
}

}  // namespace

RowMatrix TrendMatrix::project(Date date) const {
    const std::int32_t ahead = day_number(date) - day_number(as_of);
    RowMatrix out = values;
    for (Eigen::Index r = 0; r < out.rows(); ++r)
        for (Eigen::Index c = 0; c < out.cols(); ++c) {
            if (points(r, c) < 2.0) continue;
            // Days from the latest value's date to `date`, exactly (ages are whole days).
            const std::int32_t days = ahead + static_cast<std::int32_t>(ages(r, c));
            out(r, c) = values(r, c) + slopes(r, c) * (static_cast<double>(days) / days_in_year);
        }
    return out;
}

TrendMatrix ObservationStore::trend_matrix(const std::vector<std::string>& units, const std::vector<std::string>& indicators,
                                           Date as_of, int points, std::optional<Date> known_on) const {
    if (points < 1) throw ValidationError("points", Message("{0} points; expected 1 or more"_en, "{0} 个点；应至少为 1 个"_zh, {std::to_string(points)}));
    ensure_index();
    const std::int32_t day = day_number(as_of), limit = known_limit(known_on);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    TrendMatrix result;
    result.as_of = as_of;
    result.units = units;
    result.indicators = indicators;
    const auto rows = static_cast<Eigen::Index>(units.size()), cols = static_cast<Eigen::Index>(indicators.size());
    result.values.setConstant(rows, cols, nan);
    result.ages.setConstant(rows, cols, nan);
    result.points.setZero(rows, cols);
    result.slopes.setConstant(rows, cols, nan);
    std::vector<std::int32_t> unit_ids(units.size());
    for (std::size_t r = 0; r < units.size(); ++r) unit_ids[r] = units_.find(units[r]);
    // No series has more points than the store has rows: a larger `points` takes them all.
    const std::size_t wanted = std::min(static_cast<std::size_t>(points), std::max<std::size_t>(columns_.size(), 1));
    std::vector<std::int32_t> days(wanted);
    std::vector<double> values(wanted);
    std::vector<std::int32_t> group_of(units_.names().size(), -1);
    const ObservationColumns& c = columns_;
    for (Eigen::Index col = 0; col < cols; ++col) {
        const std::int32_t indicator = indicators_.find(indicators[static_cast<std::size_t>(col)]);
        if (indicator < 0) continue;
        const std::size_t first = indicator_groups_[static_cast<std::size_t>(indicator)];
        const std::size_t last = indicator_groups_[static_cast<std::size_t>(indicator) + 1];
        for (std::size_t g = first; g < last; ++g) group_of[static_cast<std::size_t>(groups_[g].unit)] = static_cast<std::int32_t>(g);
        for (Eigen::Index row = 0; row < rows; ++row) {
            const std::int32_t unit = unit_ids[static_cast<std::size_t>(row)];
            if (unit < 0 || group_of[static_cast<std::size_t>(unit)] < 0) continue;
            const Group* group = &groups_[static_cast<std::size_t>(group_of[static_cast<std::size_t>(unit)])];
            const auto begin = static_cast<std::ptrdiff_t>(group->begin);
            // Back from the last row on or before as_of: rows of one date come in the order they
            // became known, so the first visible one met is the one series() keeps. Collected
            // newest first into the back of the buffers, so that they end in date order.
            std::size_t found = 0;
            for (auto r = std::upper_bound(c.date.begin() + begin, c.date.begin() + static_cast<std::ptrdiff_t>(group_end(group)), day) -
                          c.date.begin();
                 r > begin && found < wanted;) {
                const auto at = static_cast<std::size_t>(--r);
                if (known_day(c, at) > limit) continue;
                if (found > 0 && c.date[at] == days[wanted - found]) continue;
                ++found;
                days[wanted - found] = c.date[at];
                values[wanted - found] = c.value[at];
            }
            if (found == 0) continue;
            result.values(row, col) = values[wanted - 1];
            result.ages(row, col) = static_cast<double>(day - days[wanted - 1]);
            result.points(row, col) = static_cast<double>(found);
            if (found >= 2) result.slopes(row, col) = least_squares_slope(&days[wanted - found], &values[wanted - found], found);
        }
        for (std::size_t g = first; g < last; ++g) group_of[static_cast<std::size_t>(groups_[g].unit)] = -1;
    }
    return result;
}

std::size_t ObservationStore::memory_bytes() const noexcept {
    const auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
    const auto names = [&bytes](const std::vector<std::string>& v) {
        std::size_t total = bytes(v);
        for (const std::string& s : v) total += s.capacity() > 15 ? s.capacity() + 1 : 0;
        return total;
    };
    const ObservationColumns& c = columns_;
    return bytes(c.unit) + bytes(c.indicator) + bytes(c.date) + bytes(c.value) + bytes(c.source) + bytes(c.mode) +
           bytes(c.sample_size) + bytes(c.recorded) + names(units()) + names(indicators()) + names(sources()) +
           bytes(groups_) + bytes(indicator_groups_) + 2 * (units().size() + indicators().size() + sources().size()) * sizeof(std::int32_t);
}

namespace {

// "line 12, column 4: ..." (CSV) or "$.observations[3].value: ..." (JSON).
Message placed(const RejectedRow& row) {
    Message::Argument where = row.path.empty() ? Message::Argument(file_position(row.line, row.column)) : Message::Argument(row.path);
    return Message("{0}: {1}"_en, "{0}: {1}"_zh, {std::move(where), row.message});
}

std::string with_thousands(std::size_t n) {
    std::string digits = std::to_string(n), text;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) text += ',';
        text += digits[i];
    }
    return text;
}

}  // namespace

bool operator==(const RejectedRow& a, const RejectedRow& b) {
    return a.line == b.line && a.column == b.column && a.path == b.path && a.message.text(Language::en) == b.message.text(Language::en);
}

std::string to_string(const RejectedRow& row, Language language) { return placed(row).text(language); }

std::string to_string(const ObservationLoad& load, Language language) {
    const std::size_t count = load.store.size(), rejected = load.rejected.size();
    const std::string n = with_thousands(count), r = with_thousands(rejected);
    const Message kept = count == 1 ? Message("{0} observation"_en, "{0} 条观测数据"_zh, {n}) : Message("{0} observations"_en, "{0} 条观测数据"_zh, {n});
    if (rejected == 0) return Message("{0}, no rows rejected"_en, "{0}，无剔除行"_zh, {kept}).text(language);
    const Message left_out = rejected == 1 ? Message("{0} row rejected"_en, "剔除 {0} 行"_zh, {r}) : Message("{0} rows rejected"_en, "剔除 {0} 行"_zh, {r});
    return Message("{0}, {1} (first: {2})"_en, "{0}，{1}（首个: {2}）"_zh, {kept, left_out, placed(load.rejected.front())}).text(language);
}

}  // namespace civitas
