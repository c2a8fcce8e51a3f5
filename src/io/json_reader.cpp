#include "io/json_reader.hpp"

#include "io/file_text.hpp"

namespace civitas::detail {

Json parse_json(std::string_view text, const std::string& file) {
    try {
        return Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& error) {
        throw ParseError(file, line_and_column(text, error.byte > 0 ? error.byte - 1 : 0),
                         std::string("malformed JSON: ") + error.what());
    } catch (const Json::exception& error) {  // e.g. a number too large for a double
        throw ParseError(file, "", std::string("malformed JSON: ") + error.what() + "; expected finite numbers");
    }
}

}  // namespace civitas::detail
