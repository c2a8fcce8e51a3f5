#pragma once
// Laws shared by the two observation targets (CSV and JSON): two loads are the same, and the
// store answers its queries.

#include "fuzz_target.hpp"

#include <civitas/tracking/observations.hpp>
#include <civitas/io/observations_io.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace civitas::fuzz {

/// The names sorted.
inline std::vector<std::string> sorted(std::vector<std::string> names) {
    std::sort(names.begin(), names.end());
    return names;
}

/// Why two loads differ, "" when they are the same: rows (in index order), names (in order of
/// first appearance when `same_order`, else as sets), rejected rows with their places and
/// messages.
inline std::string load_difference(const ObservationLoad& a, const ObservationLoad& b, bool same_order = true) {
    if (a.store.size() != b.store.size())
        return std::to_string(a.store.size()) + " rows against " + std::to_string(b.store.size());
    const auto names = [&](const std::vector<std::string>& list) { return same_order ? list : sorted(list); };
    if (names(a.store.units()) != names(b.store.units()) || names(a.store.indicators()) != names(b.store.indicators()) ||
        names(a.store.sources()) != names(b.store.sources()))
        return same_order ? "the units, indicators or sources, or their order, differ" : "the units, indicators or sources differ";
    for (std::size_t row = 0; row < a.store.size(); ++row)
        if (a.store.at(row) != b.store.at(row)) return "row " + std::to_string(row) + " differs";
    if (a.rejected.size() != b.rejected.size())
        return std::to_string(a.rejected.size()) + " rows rejected against " + std::to_string(b.rejected.size());
    // Every place, and the messages of the first and last 50 (a message is costly to compare).
    const std::size_t n = a.rejected.size();
    for (std::size_t i = 0; i < n; ++i)
        if (a.rejected[i].line != b.rejected[i].line || a.rejected[i].column != b.rejected[i].column ||
            a.rejected[i].path != b.rejected[i].path || ((i < 50 || i + 50 >= n) && a.rejected[i] != b.rejected[i]))
            return "rejected row " + std::to_string(i) + ": '" + to_string(a.rejected[i]) + "' against '" + to_string(b.rejected[i]) + "'";
    return "";
}

/// Queries a loaded store the way a report does, and checks what latest() says against the matrix.
inline void query(const char* target, const ObservationLoad& load) {
    (void)to_string(load, Language::en);
    (void)to_string(load, Language::zh);
    const ObservationStore& store = load.store;
    if (store.empty()) return;
    const Date as_of(2026, 1, 15);
    const Observation first = store.at(0);
    (void)store.series(first.unit, first.indicator);
    (void)store.series(first.unit, first.indicator, first.date);
    const auto latest = store.latest(first.unit, first.indicator, as_of);
    if (store.units().size() * store.indicators().size() > 10000) return;  // the matrices are units x indicators
    const LatestMatrix matrix = store.latest_matrix(as_of);
    const auto u = static_cast<Eigen::Index>(std::find(matrix.units.begin(), matrix.units.end(), first.unit) - matrix.units.begin());
    const auto i = static_cast<Eigen::Index>(
        std::find(matrix.indicators.begin(), matrix.indicators.end(), first.indicator) - matrix.indicators.begin());
    if (u >= matrix.values.rows() || i >= matrix.values.cols())
        fail(target, "law broken: latest_matrix has no cell for a unit and indicator of the store");
    if (!same_number(latest ? latest->value : std::numeric_limits<double>::quiet_NaN(), matrix.values(u, i)))
        fail(target, "law broken: latest() and latest_matrix() disagree for '" + first.unit + "', '" + first.indicator + "'");
    (void)store.trend_matrix(store.units(), store.indicators(), as_of, 3).project(Date(2026, 9, 30));
}

}  // namespace civitas::fuzz
