// Helpers of the fuzz targets that are not the targets' own (see fuzz_target.hpp).

#include "fuzz_target.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace civitas::fuzz {

namespace {

bool outside(const std::string& name) {
    return !name.empty() && (name.front() == '/' || name.front() == '\\' || name.find("..") != std::string::npos);
}

}  // namespace

namespace {

bool& avoiding_known() {
    static bool avoid = [] {
        const char* value = std::getenv("CIVITAS_FUZZ_AVOID_KNOWN");
        return value != nullptr && std::string(value) == "1";
    }();
    return avoid;
}

}  // namespace

bool avoid_known() { return avoiding_known(); }

void set_avoid_known(bool avoid) { avoiding_known() = avoid; }

std::size_t nesting_depth(std::string_view text) {
    std::size_t depth = 0, deepest = 0;
    for (char c : text) {
        if (c == '[' || c == '{') deepest = std::max(deepest, ++depth);
        if ((c == ']' || c == '}') && depth > 0) --depth;
    }
    return deepest;
}

bool names_outside_file(std::string_view text) {
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::exception&) {
        // Not JSON to nlohmann: a stricter look at the bytes, in case the library's reader
        // accepts what nlohmann does not. A string that starts with '/', '\' or an escape, or
        // any "..", counts as outside.
        return text.find("..") != std::string_view::npos || text.find("\"/") != std::string_view::npos ||
               text.find("\"\\") != std::string_view::npos || text.find("\\u") != std::string_view::npos;
    }
    // Every string and key, without recursion: inputs nest as deep as they like.
    std::vector<const nlohmann::json*> pending{&document};
    while (!pending.empty()) {
        const nlohmann::json& value = *pending.back();
        pending.pop_back();
        if (value.is_string() && outside(value.get_ref<const std::string&>())) return true;
        if (value.is_object())
            for (auto item = value.begin(); item != value.end(); ++item) {
                if (outside(item.key())) return true;
                pending.push_back(&item.value());
            }
        if (value.is_array())
            for (const auto& item : value) pending.push_back(&item);
    }
    return false;
}

}  // namespace civitas::fuzz
