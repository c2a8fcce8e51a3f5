#pragma once
/// Enum names as files and Python write them: each enum specialises EnumNames.

#include <cstddef>
#include <iterator>
#include <optional>
#include <string_view>
#include <type_traits>

namespace civitas {

/// Names used in files and Python for the values of each enum, in declaration order.
template <class Enum>
struct EnumNames;
/// Name of an enum value as written in files ("higher", "problem_count", ...).
template <class Enum, class = std::enable_if_t<std::is_enum_v<Enum>>>
[[nodiscard]] const char* to_string(Enum value) noexcept {
    return EnumNames<Enum>::values[static_cast<std::size_t>(value)];
}

/// The enum value with this name; nullopt when there is none.
template <class Enum>
[[nodiscard]] std::optional<Enum> enum_from_string(std::string_view name) noexcept {
    const auto& values = EnumNames<Enum>::values;
    for (std::size_t i = 0; i < std::size(values); ++i)
        if (name == values[i]) return static_cast<Enum>(i);
    return std::nullopt;
}

}  // namespace civitas
