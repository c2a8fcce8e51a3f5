#include "core/detail/utf8.hpp"

#include <civitas/core/language.hpp>

#include <cstdio>

namespace civitas::detail {

bool control_code(char32_t code) noexcept {
    return code < 0x20 || (code >= 0x7F && code <= 0x9F) || code == 0x2028 || code == 0x2029 || (code >= 0x202A && code <= 0x202E) ||
           (code >= 0x2066 && code <= 0x2069);
}

namespace {

unsigned char byte(std::string_view text, std::size_t at) { return static_cast<unsigned char>(text[at]); }

bool continuation(std::string_view text, std::size_t at) { return at < text.size() && (byte(text, at) & 0xC0) == 0x80; }

// The code point of a well-formed character of `length` bytes at text[at].
char32_t decode(std::string_view text, std::size_t at, std::size_t length) {
    if (length == 1) return byte(text, at);
    char32_t code = byte(text, at) & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (byte(text, at + k) & 0x3F);
    return code;
}

bool forbidden(char32_t code, std::string_view allowed) {
    if (code < 0x20) return allowed.find(static_cast<char>(code)) == std::string_view::npos;
    return control_code(code);
}

std::string escaped(char32_t code) {
    switch (code) {
        case '\n': return "\\n";
        case '\t': return "\\t";
        case '\r': return "\\r";
        default: break;
    }
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, code < 0x80 ? "\\x%02X" : "\\u%04X", static_cast<unsigned>(code));
    return buffer;
}

}  // namespace

std::size_t utf8_length(std::string_view text, std::size_t at) noexcept {
    const unsigned char lead = byte(text, at);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    if (lead >= 0xC2 && lead <= 0xDF) length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF) length = 3;
    else if (lead >= 0xF0 && lead <= 0xF4) length = 4;
    else return 0;  // a continuation byte, an overlong lead (C0, C1) or past U+10FFFF (F5..FF)
    for (std::size_t k = 1; k < length; ++k)
        if (!continuation(text, at + k)) return 0;
    const unsigned char second = byte(text, at + 1);
    if (lead == 0xE0 && second < 0xA0) return 0;  // overlong
    if (lead == 0xED && second > 0x9F) return 0;  // a surrogate
    if (lead == 0xF0 && second < 0x90) return 0;  // overlong
    if (lead == 0xF4 && second > 0x8F) return 0;  // past U+10FFFF
    return length;
}

std::size_t invalid_utf8(std::string_view text) noexcept {
    std::size_t at = 0;
    while (at < text.size()) {
        // Eight ASCII bytes at a time: most of what civitas reads is ASCII.
        while (at + 8 <= text.size()) {
            unsigned long long word = 0;
            for (std::size_t k = 0; k < 8; ++k) word |= static_cast<unsigned long long>(byte(text, at + k)) << (8 * k);
            if ((word & 0x8080808080808080ull) != 0) break;
            at += 8;
        }
        if (at >= text.size()) break;
        const std::size_t length = utf8_length(text, at);
        if (length == 0) return at;
        at += length;
    }
    return std::string_view::npos;
}

std::size_t control_character(std::string_view text, std::string_view allowed) noexcept {
    for (std::size_t at = 0; at < text.size();) {
        const unsigned char lead = byte(text, at);
        if (lead >= 0x20 && lead < 0x7F) {
            ++at;
            continue;
        }
        const std::size_t length = utf8_length(text, at);
        if (length == 0) return at;
        if (forbidden(decode(text, at, length), allowed)) return at;
        at += length;
    }
    return std::string_view::npos;
}

std::string printable(std::string_view text) {
    if (control_character(text) == std::string_view::npos) return std::string(text);
    return quote(text, std::string_view::npos);
}

std::string quote(std::string_view text, std::size_t characters) {
    bool plain = text.size() <= characters;
    for (std::size_t at = 0; plain && at < text.size(); ++at) plain = byte(text, at) >= 0x20 && byte(text, at) < 0x7F;
    if (plain) return std::string(text);
    std::string out;
    std::size_t count = 0;
    for (std::size_t at = 0; at < text.size(); ++count) {
        if (count == characters) return out + "…";
        const std::size_t length = utf8_length(text, at);
        if (length == 0) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned>(byte(text, at)));
            out += buffer;  // a byte, not a character
            ++at;
            continue;
        }
        const char32_t code = decode(text, at, length);
        if (forbidden(code, {})) out += escaped(code);
        else out.append(text.substr(at, length));
        at += length;
    }
    return out;
}

std::string code_point_name(std::string_view text, std::size_t at) {
    const std::size_t length = utf8_length(text, at);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", length == 0 ? 0xFFFDu : static_cast<unsigned>(decode(text, at, length)));
    return buffer;
}

}  // namespace civitas::detail

namespace civitas {

Language language_of_text(std::string_view text) noexcept {
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t length = detail::utf8_length(text, at);
        if (length == 3) {
            const char32_t code = detail::decode(text, at, length);
            if (code >= 0x4E00 && code <= 0x9FFF) return Language::zh;
        }
        at += length == 0 ? 1 : length;
    }
    return Language::en;
}

}  // namespace civitas
