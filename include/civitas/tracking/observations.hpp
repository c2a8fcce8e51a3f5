#pragma once
/// Observations over time: a columnar store of (unit, indicator, date, value, source, assessment
/// mode, sample size, recorded date) with as-of queries, corrections that keep the history, and
/// the CSV and JSON readers that fill it.

#include <civitas/core/enums.hpp>
#include <civitas/core/limits.hpp>
#include <civitas/core/matrix.hpp>
#include <civitas/core/message.hpp>
#include <civitas/export.hpp>
#include <civitas/framework/round_scheme.hpp>
#include <civitas/plan/calendar.hpp>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace civitas {

/// One measured value of one indicator for one unit on one date.
struct CIVITAS_EXPORT Observation {
    std::string unit;                                  ///< unit id (not empty)
    std::string indicator;                             ///< indicator id (not empty)
    Date date;                                         ///< the day the value describes
    double value = 0.0;                                ///< the value, finite, in the indicator's unit
    std::string source;                                ///< where it comes from ("" when not said)
    AssessmentMode mode = AssessmentMode::unspecified;  ///< how it was obtained
    std::optional<int> sample_size;                    ///< respondents or sites sampled, >= 1, for survey indicators
    std::optional<Date> recorded;                      ///< when the value became known (>= date); none: known on `date`

    friend bool operator==(const Observation& a, const Observation& b) noexcept {
        return a.unit == b.unit && a.indicator == b.indicator && a.date == b.date && a.value == b.value &&
               a.source == b.source && a.mode == b.mode && a.sample_size == b.sample_size && a.recorded == b.recorded;
    }
    friend bool operator!=(const Observation& a, const Observation& b) noexcept { return !(a == b); }
};

/// The value of a series as of a date, as it was known on a day.
struct CIVITAS_EXPORT LatestValue {
    double value = 0.0;                                ///< the value
    Date date;                                         ///< the day it describes (<= as_of)
    int age_days = 0;                                  ///< as_of - date, in days (>= 0)
    std::string source;                                ///< where it comes from ("" when not said)
    AssessmentMode mode = AssessmentMode::unspecified;  ///< how it was obtained
    std::optional<int> sample_size;                    ///< sample size, when given
    std::optional<Date> recorded;                      ///< when it became known, when given

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const LatestValue& a, const LatestValue& b);
    friend bool operator!=(const LatestValue& a, const LatestValue& b) { return !(a == b); }
};

/// A series in date order, one value per date, corrections resolved.
struct CIVITAS_EXPORT ObservationSeries {
    std::vector<Date> dates;     ///< ascending, each once
    std::vector<double> values;  ///< one per date
};

/// Latest values of many units and indicators at once: units by rows, indicators by columns.
struct CIVITAS_EXPORT LatestMatrix {
    std::vector<std::string> units;       ///< one per row, as asked
    std::vector<std::string> indicators;  ///< one per column, as asked
    RowMatrix values;                     ///< latest value on or before as_of; NaN where none
    RowMatrix ages;                       ///< days from that value's date to as_of; NaN where none

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const LatestMatrix& a, const LatestMatrix& b);
    friend bool operator!=(const LatestMatrix& a, const LatestMatrix& b) { return !(a == b); }
};

/// Latest values and least-squares trends of many units and indicators at once (units by rows,
/// indicators by columns), each over the last points of its series on or before as_of.
struct CIVITAS_EXPORT TrendMatrix {
    Date as_of;                           ///< the date asked
    std::vector<std::string> units;       ///< one per row, as asked
    std::vector<std::string> indicators;  ///< one per column, as asked
    RowMatrix values;                     ///< latest value on or before as_of; NaN where none
    RowMatrix ages;                       ///< days from that value's date to as_of; NaN where none
    RowMatrix points;                     ///< points the trend is fitted on (0 where no value, 1 where a single one)
    RowMatrix slopes;                     ///< least-squares slope over those points, value units per year of 365.25 days; NaN under 2 points

    /// The values carried to `date` along the slopes: value + slope x (date - value's date) / 365.25
    /// where there are 2 points or more (as `trend(...).project(date)`), the value itself where
    /// there is one, NaN where none.
    [[nodiscard]] RowMatrix project(Date date) const;

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const TrendMatrix& a, const TrendMatrix& b);
    friend bool operator!=(const TrendMatrix& a, const TrendMatrix& b) { return !(a == b); }
};

/// The store's rows as columns (index order once finalized). Dates are days since 1970-01-01.
/// An optional column is empty when every row has its default (so files without it cost nothing).
struct CIVITAS_EXPORT ObservationColumns {
    std::vector<std::int32_t> unit;         ///< index into ObservationStore::units()
    std::vector<std::int32_t> indicator;    ///< index into ObservationStore::indicators()
    std::vector<std::int32_t> date;         ///< days since 1970-01-01
    std::vector<double> value;              ///< the values
    std::vector<std::int32_t> source;       ///< index into ObservationStore::sources() (0 is ""); empty: all 0
    std::vector<std::uint8_t> mode;         ///< AssessmentMode codes; empty: all unspecified
    std::vector<std::int32_t> sample_size;  ///< sample sizes, 0 for none; empty: all none
    std::vector<std::int32_t> recorded;     ///< days since 1970-01-01, no_day for none; empty: all none

    /// Marks "no recorded date" in `recorded`.
    static constexpr std::int32_t no_day = INT32_MIN;
    /// Number of rows.
    [[nodiscard]] std::size_t size() const noexcept { return value.size(); }
};

namespace detail {

/// Interned names: ids in order of first appearance, found by an open-addressing hash table.
class CIVITAS_EXPORT NameTable {
public:
    /// The id of `name`, adding it when new.
    std::int32_t intern(std::string_view name);
    /// The id of `name`, or -1.
    [[nodiscard]] std::int32_t find(std::string_view name) const noexcept;
    /// Names by id.
    [[nodiscard]] const std::vector<std::string>& names() const noexcept { return names_; }

private:
    void grow();
    std::vector<std::string> names_;
    std::vector<std::int32_t> slots_;  // id + 1 per slot, 0 for empty; size a power of two
};

/// Guards the lazy index of a store; copies start unlocked and carry the flag.
struct CIVITAS_EXPORT IndexState {
    IndexState() = default;
    IndexState(const IndexState& other) noexcept : ready(other.ready.load()) {}
    IndexState& operator=(const IndexState& other) noexcept {
        ready.store(other.ready.load());
        return *this;
    }
    std::mutex mutex;                 ///< held while the index is built
    std::atomic<bool> ready{true};    ///< true when rows are in index order and groups are built
};

struct ObservationStoreAccess;

}  // namespace detail

/// Observations in columns: ids interned, dates as day numbers, optional columns only when used.
/// Queries see rows in index order (indicator, unit, date, recorded, then insertion order), built
/// by finalize() or by the first query after an add; queries on a finalized store may run in
/// parallel, and a query on an unfinalized one builds the index under a lock.
class CIVITAS_EXPORT ObservationStore {
public:
    /// An empty store.
    ObservationStore();
    /// Adds one observation; ValidationError when a unit or indicator id is empty, the value not
    /// finite, the date or recorded date special, recorded before date, or sample_size < 1.
    void add(const Observation& observation);
    /// Reserves room for `rows` observations.
    void reserve(std::size_t rows);
    /// Sorts the rows into index order and builds the lookup; cheap when nothing was added since.
    void finalize();

    /// Number of records (corrections included).
    [[nodiscard]] std::size_t size() const noexcept { return columns_.size(); }
    /// True when there are none.
    [[nodiscard]] bool empty() const noexcept { return columns_.size() == 0; }
    /// Unit ids in order of first appearance.
    [[nodiscard]] const std::vector<std::string>& units() const noexcept { return units_.names(); }
    /// Indicator ids in order of first appearance.
    [[nodiscard]] const std::vector<std::string>& indicators() const noexcept { return indicators_.names(); }
    /// Sources in order of first appearance; "" is always the first.
    [[nodiscard]] const std::vector<std::string>& sources() const noexcept { return sources_.names(); }
    /// The rows as columns, in index order.
    [[nodiscard]] const ObservationColumns& columns() const;
    /// Record `row` (index order), as an Observation.
    [[nodiscard]] Observation at(std::size_t row) const;

    /// The series of one unit and indicator in date order as known on `known_on` (no limit when
    /// empty): for each date the record recorded last on or before `known_on` wins (ties: the one
    /// added last); records recorded after it are invisible. Empty for unknown ids.
    [[nodiscard]] ObservationSeries series(std::string_view unit, std::string_view indicator,
                                           std::optional<Date> known_on = std::nullopt) const;
    /// The latest value dated on or before `as_of`, as known on `known_on`; nullopt when there is
    /// none (or the ids are unknown).
    [[nodiscard]] std::optional<LatestValue> latest(std::string_view unit, std::string_view indicator, Date as_of,
                                                    std::optional<Date> known_on = std::nullopt) const;
    /// latest() for every unit and indicator asked, at once; NaN value and age where there is
    /// none (unknown ids included). The input of evaluate_many for every unit.
    [[nodiscard]] LatestMatrix latest_matrix(const std::vector<std::string>& units,
                                             const std::vector<std::string>& indicators, Date as_of,
                                             std::optional<Date> known_on = std::nullopt) const;
    /// latest_matrix for all units and indicators of the store, in order of first appearance.
    [[nodiscard]] LatestMatrix latest_matrix(Date as_of, std::optional<Date> known_on = std::nullopt) const;
    /// For every unit and indicator asked, the last `points` dates of its series on or before
    /// `as_of` as known on `known_on` (each date's value as series() gives it) and the
    /// least-squares line through them, in one pass: the same numbers as `trend()` of the last
    /// `points` points of series(), cell by cell. ValidationError when `points` < 1.
    [[nodiscard]] TrendMatrix trend_matrix(const std::vector<std::string>& units, const std::vector<std::string>& indicators,
                                           Date as_of, int points = 5, std::optional<Date> known_on = std::nullopt) const;

    /// Bytes held by the columns, names and index (capacity, not just size).
    [[nodiscard]] std::size_t memory_bytes() const noexcept;

    /// The same observations row by row, in the stores' row order (the order rows were added in,
    /// then the index order once finalized: the same rows added in the same order compare equal).
    friend CIVITAS_EXPORT bool operator==(const ObservationStore& a, const ObservationStore& b);
    /// Not the same observations.
    friend bool operator!=(const ObservationStore& a, const ObservationStore& b) { return !(a == b); }

private:
    friend struct detail::ObservationStoreAccess;
    struct Group {
        std::int32_t unit;
        std::int32_t indicator;
        std::size_t begin;  // first row; the next group's begin ends it
    };
    void ensure_index() const;
    void build_index();
    [[nodiscard]] const Group* find_group(std::int32_t unit, std::int32_t indicator) const noexcept;
    [[nodiscard]] std::size_t group_end(const Group* group) const noexcept;
    [[nodiscard]] std::ptrdiff_t latest_row(const Group* group, std::int32_t as_of, std::int32_t known_on) const noexcept;

    ObservationColumns columns_;
    detail::NameTable units_, indicators_, sources_;
    std::vector<Group> groups_;                     // index order, one per (indicator, unit)
    std::vector<std::size_t> indicator_groups_;     // groups of indicator i: [indicator_groups_[i], [i + 1])
    mutable detail::IndexState index_;
};

/// Days since 1970-01-01 of a date; ValidationError for a special value.
[[nodiscard]] CIVITAS_EXPORT std::int32_t day_number(Date date);
/// The date `days` after 1970-01-01.
[[nodiscard]] CIVITAS_EXPORT Date date_of_day(std::int32_t days);

/// A row of an observation file that was left out, and why.
struct CIVITAS_EXPORT RejectedRow {
    std::size_t line = 0;    ///< CSV: 1-based line where the row starts; 0 in JSON and Arrow tables
    std::size_t column = 0;  ///< CSV: 1-based column of the offending field; 0 for the whole row, in JSON and in Arrow tables
    std::string path;        ///< JSON: path of the offending value ("$.observations[3].value"); Arrow: column and 0-based row ("value[41]"); "" in CSV
    Message message;         ///< what is wrong and what was expected, in Chinese and English

    /// Equal place and equal English message.
    friend CIVITAS_EXPORT bool operator==(const RejectedRow& a, const RejectedRow& b);
    friend bool operator!=(const RejectedRow& a, const RejectedRow& b) { return !(a == b); }
};
/// Where and what: "line 12, column 4: '3,1' is not a number; expected a number" (CSV),
/// "$.observations[3].value: ..." (JSON); in Chinese "第 12 行第 4 列: '3,1' 不是数字；应为数字".
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const RejectedRow& row, Language language = Language::en);

/// Observations read from a file, and the rows that were left out.
struct CIVITAS_EXPORT ObservationLoad {
    ObservationStore store;             ///< the good rows, finalized
    std::vector<RejectedRow> rejected;  ///< the bad rows, in file order

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const ObservationLoad& a, const ObservationLoad& b);
    friend bool operator!=(const ObservationLoad& a, const ObservationLoad& b) { return !(a == b); }
};
/// "25,000,000 observations, 3 rows rejected (first: line 12, column 4: ...)", or in Chinese.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const ObservationLoad& load, Language language = Language::en);

}  // namespace civitas
