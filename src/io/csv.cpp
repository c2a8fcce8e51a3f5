// CSV cells as civitas writes them.

#include <civitas/io/csv.hpp>

#include <string_view>

namespace civitas {

std::string csv_field(const std::string& text, bool raw) {
    const bool formula = !raw && !text.empty() && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos;
    const std::string cell = formula ? "'" + text : text;
    if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (char c : cell) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

}  // namespace civitas
