#include "io/json_reader.hpp"

#include "io/file_text.hpp"

namespace civitas::detail {

Json parse_json(std::string_view text, const std::string& file) {
    const ThreadCLocale c_numbers;  // nlohmann reads numbers with the locale's decimal point
    try {
        return Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& error) {
        // nlohmann's own words say what broke; they stay English in both languages.
        throw ParseError(file, line_and_column(text, error.byte > 0 ? error.byte - 1 : 0),
                         Message("malformed JSON: {0}", "JSON 格式错误: {0}", {error.what()}));
    } catch (const Json::exception& error) {  // e.g. a number too large for a double
        throw ParseError(file, "", Message("malformed JSON: {0}; expected finite numbers", "JSON 格式错误: {0}；数值应为有限数", {error.what()}));
    }
}

}  // namespace civitas::detail
