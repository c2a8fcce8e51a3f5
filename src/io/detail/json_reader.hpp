#pragma once
// Reading JSON files strictly: every value carries its JSON path, so an error names the file,
// the path ("$.indicators[3].pass"), the value and what was expected. Shared by the readers of
// framework and calendar files.

#include <civitas/core/error.hpp>
#include <civitas/core/limits.hpp>
#include <civitas/framework/framework.hpp>
#include <civitas/plan/calendar.hpp>

#include "core/detail/number_format.hpp"
#include "core/detail/utf8.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace civitas::detail {

using Json = nlohmann::ordered_json;

/// Adds `key` to `object` without looking for it first (ordered_json's operator[] searches every
/// key, so filling an object that way is quadratic): the caller knows the key is new.
inline Json& append_member(Json& object, std::string key, Json value) {
    auto& members = static_cast<Json::object_t::Container&>(object.get_ref<Json::object_t&>());
    members.emplace_back(std::move(key), std::move(value));
    return members.back().second;
}

/// A value as an error message shows it: "\"abc\"", 36, true, null, "an array" ("数组").
inline Message::Argument describe(const Json& value) {
    if (value.is_string()) return "\"" + quote(value.get_ref<const std::string&>()) + "\"";
    if (value.is_number()) return format_number(value.get<double>());
    if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
    if (value.is_null()) return "null";
    return value.is_array() ? Message("an array"_en, "数组"_zh) : Message("an object"_en, "对象"_zh);
}

/// A JSON value with its path, for reading with errors that say where.
class JsonNode {
public:
    JsonNode(const Json& value, std::string path, const std::string& file) : value_(value), path_(std::move(path)), file_(file) {}

    [[noreturn]] void fail(Message message) const { throw ParseError(file_, path_, std::move(message)); }
    /// "36 is not a string; expected a string", where `what` is the phrase ("a string").
    [[noreturn]] void expected(Message what) const {
        fail(Message("{0} is not {1}; expected {1}"_en, "{0} 不是{1}；应为{1}"_zh, {describe(value_), std::move(what)}));
    }

    const Json& value() const { return value_; }
    const std::string& file() const { return file_; }
    const std::string& path() const { return path_; }

    void require_object(std::initializer_list<const char*> keys) const {
        if (!value_.is_object()) expected(Message("an object"_en, "对象"_zh));
        for (const auto& item : value_.items()) {
            bool known = false;
            for (const char* key : keys) known = known || item.key() == key;
            if (!known) {
                std::string list;
                for (const char* key : keys) list += (list.empty() ? "" : ", ") + std::string(key);
                JsonNode(item.value(), path_ + "." + quote(item.key()), file_)
                    .fail(Message("unknown key '{0}'; expected one of: {1}"_en, "未知的键 '{0}'；应为以下之一: {1}"_zh, {quote(item.key()), list}));
            }
        }
    }
    bool has(const char* key) const { return value_.contains(key); }
    JsonNode at(const char* key) const {
        if (!has(key)) JsonNode(value_, path_ + "." + key, file_).fail(Message("missing required key '{0}'"_en, "缺少必需的键 '{0}'"_zh, {key}));
        return JsonNode(value_.at(key), path_ + "." + key, file_);
    }
    JsonNode at(std::size_t index) const { return JsonNode(value_.at(index), path_ + "[" + std::to_string(index) + "]", file_); }

    /// A string for a name or an id: no control characters (not even a line break).
    std::string text() const { return checked_text(""); }
    /// A string of free text (notes, sources, descriptions): line breaks and tabs allowed.
    std::string prose() const { return checked_text("\n\t"); }
    /// A whole number in [low, high]; 1.5 (or 1.0) is refused rather than rounded.
    long long integer(long long low, long long high) const {
        if (!value_.is_number_integer()) expected(Message("a whole number"_en, "整数"_zh));
        const bool fits = value_.is_number_unsigned()
                              ? value_.get<unsigned long long>() <= static_cast<unsigned long long>(high) &&
                                    (low <= 0 || value_.get<unsigned long long>() >= static_cast<unsigned long long>(low))
                              : value_.get<long long>() >= low && value_.get<long long>() <= high;
        if (!fits)
            fail(Message("{0} is out of range; expected a whole number from {1} to {2}"_en, "{0} 超出范围；应为 {1} 到 {2} 之间的整数"_zh,
                         {describe(value_), std::to_string(low), std::to_string(high)}));
        return value_.get<long long>();
    }
    double number() const {
        if (!value_.is_number()) expected(Message("a number"_en, "数字"_zh));
        return value_.get<double>();
    }
    std::vector<JsonNode> array() const {
        if (!value_.is_array()) expected(Message("an array"_en, "数组"_zh));
        std::vector<JsonNode> items;
        for (std::size_t i = 0; i < value_.size(); ++i) items.push_back(at(i));
        return items;
    }
    template <class Enum>
    Enum enumeration() const {
        if (value_.is_string())
            if (auto parsed = enum_from_string<Enum>(value_.get<std::string>())) return *parsed;
        std::string list;
        for (const char* name : EnumNames<Enum>::values) list += (list.empty() ? "" : ", ") + std::string("\"") + name + "\"";
        fail(Message("{0} is not a known value; expected one of {1}"_en, "{0} 不是可识别的取值；应为以下之一: {1}"_zh, {describe(value_), list}));
    }

    std::string text_or(const char* key, std::string fallback = "") const { return has(key) ? at(key).text() : fallback; }
    std::string prose_or(const char* key) const { return has(key) ? at(key).prose() : std::string(); }
    long long integer_or(const char* key, long long fallback, long long low, long long high) const {
        return has(key) ? at(key).integer(low, high) : fallback;
    }
    double number_or(const char* key, double fallback) const { return has(key) ? at(key).number() : fallback; }
    std::optional<double> optional_number(const char* key) const {
        return has(key) ? std::optional<double>(at(key).number()) : std::nullopt;
    }
    template <class Enum>
    Enum enum_or(const char* key, Enum fallback) const { return has(key) ? at(key).enumeration<Enum>() : fallback; }
    template <class Enum>
    std::optional<Enum> optional_enum(const char* key) const {
        return has(key) ? std::optional<Enum>(at(key).enumeration<Enum>()) : std::nullopt;
    }

private:
    std::string checked_text(std::string_view allowed) const {
        if (!value_.is_string()) expected(Message("a string"_en, "字符串"_zh));
        const std::string& text = value_.get_ref<const std::string&>();
        if (const std::size_t at = control_character(text, allowed); at != std::string::npos)
            fail(Message("\"{0}\" holds the control character {1}; expected text without control characters"_en,
                         "\"{0}\" 含有控制字符 {1}；文本中不应有控制字符"_zh, {quote(text), code_point_name(text, at)}));
        return text;
    }

    const Json& value_;
    std::string path_;
    const std::string& file_;
};

/// A date "YYYY-MM-DD" at a node; errors name the node's path and why the text is no date.
inline Date read_date(const JsonNode& node) {
    if (!node.value().is_string()) node.expected(Message("a date \"YYYY-MM-DD\""_en, "日期 \"YYYY-MM-DD\""_zh));
    try {
        return parse_date(node.value().get<std::string>(), node.path());
    } catch (const ValidationError& error) {
        node.fail(error.detail());
    }
}

/// An integer in [low, high] at a node; `what` names it ("a year", "年份"):
/// "1850 is out of range; expected a year in [1900, 2200]".
inline int read_int(const JsonNode& node, long long low, long long high, Message what) {
    const Json& value = node.value();
    if (!value.is_number_integer()) node.expected(Message("an integer"_en, "整数"_zh));
    const long long number = value.is_number_unsigned()
                                 ? static_cast<long long>(std::min<unsigned long long>(value.get<unsigned long long>(),
                                                                                       std::numeric_limits<long long>::max()))
                                 : value.get<long long>();
    if (number < low || number > high)
        node.fail(Message("{0} is out of range; expected {1} in [{2}, {3}]"_en, "{0} 超出范围；应为 [{2}, {3}] 内的{1}"_zh,
                          {describe(value), std::move(what), std::to_string(low), std::to_string(high)}));
    return static_cast<int>(number);
}

/// Runs `check` (a validate() call), re-raising its ValidationError as a ParseError of the node's
/// file at its path under the node's.
template <class Check>
void checked(const JsonNode& node, Check&& check) {
    try {
        check();
    } catch (const ValidationError& error) {
        throw ParseError(node.file(), node.path() + error.path().substr(1), error.detail());
    }
}

/// Parses JSON text strictly: UTF-8 only (a byte-order mark allowed), no key twice in an object,
/// nesting and strings within `limits`. Malformed text is a ParseError at the line and column
/// (in characters) where it breaks, naming full-width punctuation typed for ASCII.
Json parse_json(std::string_view text, const std::string& file, const Limits& limits);

}  // namespace civitas::detail
