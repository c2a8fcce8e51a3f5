// Escaping for each output format, written once: every string a renderer takes from the laid-out
// report (names, ids, departments, leaders, reasons, anything that came from input) goes
// through the function of its format, so that what a campaign file says is shown as written and
// never acts as markup or as a terminal command.

#include "core/detail/utf8.hpp"
#include "report/detail/document.hpp"

#include <cstdint>
#include <cstdio>

namespace civitas::detail {

namespace {

// One step through UTF-8: the code point at text[i] and its length; `valid` is false for a
// byte that does not start a well-formed sequence (then length 1).
struct Step {
    char32_t code = 0;
    std::size_t length = 1;
    bool valid = false;
};

Step step(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) return {c, 1, true};
    const std::size_t length = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return {c, 1, false};
    char32_t code = c & (0xFFu >> (length + 1));
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xC0) != 0x80) return {c, 1, false};
        code = (code << 6) | (next & 0x3Fu);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not well formed.
    const char32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < least[length] || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return {c, 1, false};
    return {code, length, true};
}

// Characters a terminal or a renderer may act on instead of showing (detail::control_code):
// newline and tab included, since inside a data string they would break the layout.
bool acts(char32_t c) { return detail::control_code(c); }

// "\x1B" for a byte (a control character or a byte that is not UTF-8), "\u0085" for a code point.
std::string visible(const Step& s) {
    char buffer[16];
    if (!s.valid || s.code < 0x80) std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned>(s.code));
    else std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(s.code));
    return buffer;
}

bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string escape_text(std::string_view data) {
    std::string out;
    out.reserve(data.size());
    for (std::size_t i = 0; i < data.size();) {
        const Step s = step(data, i);
        if (!s.valid || acts(s.code)) out += visible(s);
        else out.append(data, i, s.length);
        i += s.length;
    }
    return out;
}

std::string escape_markdown(std::string_view data) {
    std::string out;
    out.reserve(data.size() + data.size() / 8);
    // What would start a block at the beginning of a line: leading spaces (four make a code
    // block), a list marker, a thematic break or setext underline ("- ", "---", "=="), an
    // ordered list's "1. " or "1) ". A string may begin a line. ("-3.5" and "1.5" stay as they are.)
    std::size_t i = 0;
    for (; i < data.size() && data[i] == ' '; ++i) out += "&#32;";
    if (i < data.size() && (data[i] == '-' || data[i] == '+' || data[i] == '=') &&
        !(i + 1 < data.size() && (ascii_digit(data[i + 1]) || data[i + 1] == '.'))) {
        out += '\\';
        out += data[i++];
    }
    std::size_t digits = i;
    while (digits < data.size() && ascii_digit(data[digits])) ++digits;
    if (digits > i && digits < data.size() && (data[digits] == '.' || data[digits] == ')') &&
        (digits + 1 == data.size() || data[digits + 1] == ' ')) {
        out.append(data, i, digits - i);
        out += '\\';
        out += data[digits];
        i = digits + 1;
    }
    for (; i < data.size();) {
        const Step s = step(data, i);
        if (!s.valid || acts(s.code)) {
            out += visible(s);  // a backslash before a letter is shown as it is
        } else if (s.code == '&') {
            out += "&amp;";
        } else if (s.code == '<') {
            out += "&lt;";
        } else if (s.code == '>') {
            out += "&gt;";
        } else if (s.code == '\\' || s.code == '`' || s.code == '*' || s.code == '_' || s.code == '[' || s.code == ']' ||
                   s.code == '|' || s.code == '~' || s.code == '#') {
            // Emphasis, code spans, links and images, table cells, strikethrough, heading closers.
            out += '\\';
            out += static_cast<char>(s.code);
        } else {
            out.append(data, i, s.length);
        }
        i += s.length;
    }
    return out;
}

std::string escape_html(std::string_view data) {
    std::string out;
    out.reserve(data.size());
    for (std::size_t i = 0; i < data.size();) {
        const Step s = step(data, i);
        if (!s.valid || acts(s.code)) out += visible(s);
        else if (s.code == '&') out += "&amp;";
        else if (s.code == '<') out += "&lt;";
        else if (s.code == '>') out += "&gt;";
        else if (s.code == '"') out += "&quot;";
        else if (s.code == '\'') out += "&#39;";
        else out.append(data, i, s.length);
        i += s.length;
    }
    return out;
}

}  // namespace civitas::detail
