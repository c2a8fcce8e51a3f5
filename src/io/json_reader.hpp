#pragma once
// Reading JSON files strictly: every value carries its JSON path, so an error names the file,
// the path ("$.indicators[3].pass"), the value and what was expected. Shared by the readers of
// framework and calendar files.

#include <civitas/calendar.hpp>
#include <civitas/error.hpp>
#include <civitas/framework.hpp>

#include "detail/number_format.hpp"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace civitas::detail {

using Json = nlohmann::ordered_json;

/// A value as an error message shows it: "\"abc\"", 36, true, null, "an array".
inline std::string describe(const Json& value) {
    if (value.is_string()) return "\"" + value.get<std::string>() + "\"";
    if (value.is_number()) return format_number(value.get<double>());
    if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
    if (value.is_null()) return "null";
    return value.is_array() ? "an array" : "an object";
}

/// A JSON value with its path, for reading with errors that say where.
class JsonNode {
public:
    JsonNode(const Json& value, std::string path, const std::string& file) : value_(value), path_(std::move(path)), file_(file) {}

    [[noreturn]] void fail(const std::string& message) const { throw ParseError(file_, path_, message); }
    [[noreturn]] void expected(const std::string& what) const { fail(describe(value_) + " is not " + what + "; expected " + what); }

    const Json& value() const { return value_; }
    const std::string& file() const { return file_; }
    const std::string& path() const { return path_; }

    void require_object(std::initializer_list<const char*> keys) const {
        if (!value_.is_object()) expected("an object");
        for (const auto& item : value_.items()) {
            bool known = false;
            for (const char* key : keys) known = known || item.key() == key;
            if (!known) {
                std::string list;
                for (const char* key : keys) list += (list.empty() ? "" : ", ") + std::string(key);
                JsonNode(item.value(), path_ + "." + item.key(), file_).fail("unknown key '" + item.key() + "'; expected one of: " + list);
            }
        }
    }
    bool has(const char* key) const { return value_.contains(key); }
    JsonNode at(const char* key) const {
        if (!has(key)) JsonNode(value_, path_ + "." + key, file_).fail(std::string("missing required key '") + key + "'");
        return JsonNode(value_.at(key), path_ + "." + key, file_);
    }
    JsonNode at(std::size_t index) const { return JsonNode(value_.at(index), path_ + "[" + std::to_string(index) + "]", file_); }

    std::string text() const {
        if (!value_.is_string()) expected("a string");
        return value_.get<std::string>();
    }
    double number() const {
        if (!value_.is_number()) expected("a number");
        return value_.get<double>();
    }
    std::vector<JsonNode> array() const {
        if (!value_.is_array()) expected("an array");
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
        fail(describe(value_) + " is not a known value; expected one of " + list);
    }

    std::string text_or(const char* key, std::string fallback = "") const { return has(key) ? at(key).text() : fallback; }
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
    const Json& value_;
    std::string path_;
    const std::string& file_;
};

/// The message of a ValidationError without its path prefix (the path goes into a ParseError).
inline std::string validation_message(const ValidationError& error) {
    const std::string what = error.what();
    const std::string prefix = error.path() + ": ";
    return what.compare(0, prefix.size(), prefix) == 0 ? what.substr(prefix.size()) : what;
}

/// A date "YYYY-MM-DD" at a node; errors name the node's path and why the text is no date.
inline Date read_date(const JsonNode& node) {
    if (!node.value().is_string()) node.expected("a date \"YYYY-MM-DD\"");
    try {
        return parse_date(node.value().get<std::string>(), node.path());
    } catch (const ValidationError& error) {
        node.fail(validation_message(error));
    }
}

/// Parses JSON text; malformed text is a ParseError at the line and column where it breaks.
Json parse_json(std::string_view text, const std::string& file);

}  // namespace civitas::detail
