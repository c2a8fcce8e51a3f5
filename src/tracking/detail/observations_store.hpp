#pragma once
// What the observation readers need of the store: its columns and name tables to append rows
// with ids already interned, and merging a store parsed by another thread into it.

#include <civitas/tracking/observations.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace civitas::detail {

/// One row with interned ids, ready to append.
struct ObservationRow {
    std::int32_t unit = 0;
    std::int32_t indicator = 0;
    std::int32_t date = 0;
    double value = 0.0;
    std::int32_t source = 0;
    std::uint8_t mode = 0;
    std::int32_t sample_size = 0;
    std::int32_t recorded = ObservationColumns::no_day;
};

template <class T>
void start_optional(std::vector<T>& column, T value, T none, std::size_t rows_before, std::size_t capacity);

/// Appends to an optional column: nothing while every value is `none`; on the first other
/// value the column is filled with `none` for the rows before it (`rows_before`).
template <class T>
void append_optional(std::vector<T>& column, T value, T none, std::size_t rows_before, std::size_t capacity) {
    if (!column.empty()) return column.push_back(value);
    if (value != none) start_optional(column, value, none, rows_before, capacity);
}

/// append_optional's first value other than `none`: out of line, as it comes once a column.
template <class T>
[[gnu::noinline]] void start_optional(std::vector<T>& column, T value, T none, std::size_t rows_before, std::size_t capacity) {
    column.reserve(capacity);
    column.assign(rows_before, none);
    column.push_back(value);
}

/// Appends one row to the columns.
inline void append_row(ObservationColumns& columns, const ObservationRow& row) {
    const std::size_t rows = columns.value.size(), capacity = columns.value.capacity();
    columns.unit.push_back(row.unit);
    columns.indicator.push_back(row.indicator);
    columns.date.push_back(row.date);
    append_optional(columns.source, row.source, std::int32_t{0}, rows, capacity);
    append_optional(columns.mode, row.mode, std::uint8_t{0}, rows, capacity);
    append_optional(columns.sample_size, row.sample_size, std::int32_t{0}, rows, capacity);
    append_optional(columns.recorded, row.recorded, ObservationColumns::no_day, rows, capacity);
    columns.value.push_back(row.value);  // last: its size is the row count
}

/// The readers' way into a store.
struct ObservationStoreAccess {
    /// The columns, for appending; marks the index stale.
    static ObservationColumns& columns(ObservationStore& store) {
        store.index_.ready.store(false);
        return store.columns_;
    }
    /// The columns as they are (not necessarily in index order), for reading.
    static const ObservationColumns& rows(const ObservationStore& store) { return store.columns_; }
    static NameTable& units(ObservationStore& store) { return store.units_; }
    static NameTable& indicators(ObservationStore& store) { return store.indicators_; }
    static NameTable& sources(ObservationStore& store) { return store.sources_; }
};

/// Appends every row of `part` to `store` in order, interning its names (so ids stay in order of
/// first appearance as if the rows had been added one by one), a column a job on up to `threads`.
void append_store(ObservationStore& store, const ObservationStore& part, std::size_t threads = 1);

/// Days since 1970-01-01 of year-month-day (proleptic Gregorian); the date is assumed valid.
constexpr std::int32_t days_from_civil(int year, int month, int day) noexcept {
    year -= month <= 2 ? 1 : 0;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const int yoe = year - era * 400;
    const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/// Days in a month of a year.
constexpr int days_in_month(int year, int month) noexcept {
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

/// "YYYY-MM-DD" exactly, years 1400..9999, as days since 1970-01-01; false when it is no such date.
inline bool parse_day(std::string_view text, std::int32_t& day) noexcept {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    int digits[8];
    constexpr int at[8] = {0, 1, 2, 3, 5, 6, 8, 9};
    for (int i = 0; i < 8; ++i) {
        const int d = text[static_cast<std::size_t>(at[i])] - '0';
        if (d < 0 || d > 9) return false;
        digits[i] = d;
    }
    const int year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
    const int month = digits[4] * 10 + digits[5], mday = digits[6] * 10 + digits[7];
    if (year < 1400 || month < 1 || month > 12 || mday < 1 || mday > days_in_month(year, month)) return false;
    day = days_from_civil(year, month, mday);
    return true;
}

}  // namespace civitas::detail
