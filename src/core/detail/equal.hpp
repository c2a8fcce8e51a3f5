#pragma once
// Member-by-member equality for the result types (operator== of Evaluation, Schedule, ...).
// A result's matrices hold NaN where a value is missing, so two NaN cells are the same value
// here; everything else compares with its own ==.

#include <Eigen/Core>

#include <cstddef>
#include <map>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace civitas::detail {

template <class T>
[[nodiscard]] bool same(const T& a, const T& b);
template <class T>
[[nodiscard]] bool same(const std::optional<T>& a, const std::optional<T>& b);
template <class T>
[[nodiscard]] bool same(const std::vector<T>& a, const std::vector<T>& b);
template <class K, class V>
[[nodiscard]] bool same(const std::map<K, V>& a, const std::map<K, V>& b);

template <class T>
[[nodiscard]] bool same_dense(const Eigen::DenseBase<T>& a, const Eigen::DenseBase<T>& b) {
    if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
    for (Eigen::Index j = 0; j < a.cols(); ++j)
        for (Eigen::Index i = 0; i < a.rows(); ++i)
            if (!same(a(i, j), b(i, j))) return false;
    return true;
}

/// True when `a` and `b` hold the same value: NaN is NaN, containers equal entry by entry.
template <class T>
bool same(const T& a, const T& b) {
    if constexpr (std::is_floating_point_v<T>) {
        return a == b || (a != a && b != b);
    } else if constexpr (std::is_base_of_v<Eigen::DenseBase<T>, T>) {
        return same_dense(a, b);
    } else {
        return a == b;
    }
}

template <class T>
bool same(const std::optional<T>& a, const std::optional<T>& b) {
    return a.has_value() == b.has_value() && (!a || same(*a, *b));
}

template <class T>
bool same(const std::vector<T>& a, const std::vector<T>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!same(a[i], b[i])) return false;
    return true;
}

template <class K, class V>
bool same(const std::map<K, V>& a, const std::map<K, V>& b) {
    if (a.size() != b.size()) return false;
    for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j)
        if (!(i->first == j->first) || !same(i->second, j->second)) return false;
    return true;
}

/// True when every member of `a` is the same as that of `b`; the members as `std::tie` gives them.
template <class... Members>
[[nodiscard]] bool same_members(const std::tuple<const Members&...>& a, const std::tuple<const Members&...>& b) {
    return std::apply([&](const auto&... x) { return std::apply([&](const auto&... y) { return (same(x, y) && ...); }, b); }, a);
}

}  // namespace civitas::detail
