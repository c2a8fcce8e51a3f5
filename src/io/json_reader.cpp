#include "io/detail/json_reader.hpp"

#include "core/detail/utf8.hpp"
#include "io/detail/file_text.hpp"

#include <unordered_set>

namespace civitas::detail {

namespace {

// Full-width punctuation a Chinese input method types where JSON needs ASCII, and what was meant.
struct FullWidth {
    char32_t code;
    const char* meant;
};
constexpr FullWidth full_width[] = {
    {0xFF1A, ":"}, {0xFF0C, ","}, {0x3001, ","}, {0x201C, "\""}, {0x201D, "\""}, {0x2018, "\""}, {0x2019, "\""},
    {0xFF02, "\""}, {0xFF5B, "{"}, {0xFF5D, "}"}, {0xFF3B, "["}, {0xFF3D, "]"}, {0x3010, "["}, {0x3011, "]"},
    {0xFF1B, ","}, {0x3000, " "}, {0xFF0E, "."}, {0xFF0D, "-"},
};

// The full-width character that starts at text[at], if it is one of those.
const FullWidth* full_width_at(std::string_view text, std::size_t at) {
    const std::size_t length = utf8_length(text, at);
    if (length < 2) return nullptr;
    char32_t code = static_cast<unsigned char>(text[at]) & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (static_cast<unsigned char>(text[at + k]) & 0x3F);
    for (const FullWidth& f : full_width)
        if (f.code == code) return &f;
    return nullptr;
}

// nlohmann's message without its "[json.exception...] parse error at line 1, column 5: " head
// (the place is ours, counted in characters), quoted safely.
std::string parser_words(const std::string& what) {
    std::size_t from = what.find("] ");
    from = from == std::string::npos ? 0 : from + 2;
    if (const std::size_t column = what.find(", column ", from); column != std::string::npos)
        if (const std::size_t colon = what.find(": ", column); colon != std::string::npos) from = colon + 2;
    return quote(std::string_view(what).substr(from), 2 * quoted_characters);
}

// Builds the document, refusing what nlohmann's own builder would accept silently: a key given
// twice, nesting past the limit, a string past the limit. It knows the JSON path of every value,
// so its errors say where. It appends each key without searching the object for it (the key is
// known to be new), so an object of a million keys takes linear time, not quadratic.
class StrictBuilder {
public:
    StrictBuilder(Json& result, std::string_view text, const std::string& file, const Limits& limits)
        : root_(result), text_(text), file_(file), limits_(limits), max_nesting_(2 * limits.depth + 16) {}

    bool null() { return put(nullptr); }
    bool boolean(bool v) { return put(v); }
    bool number_integer(Json::number_integer_t v) { return put(v); }
    bool number_unsigned(Json::number_unsigned_t v) { return put(v); }
    bool number_float(Json::number_float_t v, const std::string& /*text*/) { return put(v); }
    bool string(std::string& v) {
        if (v.size() > limits_.text_bytes) {
            begin();
            throw limit_exceeded(file_, path(), Message("a string of {0} bytes (\"{1}\")"_en, "字符串长 {0} 字节（\"{1}\"）"_zh, {std::to_string(v.size()), quote(v)}),
                                 limits_.text_bytes, "text_bytes");
        }
        return put(std::move(v));
    }
    bool binary(Json::binary_t& /*v*/) { return put(nullptr); }  // not in JSON text
    bool start_object(std::size_t /*size*/) { return open(Json::object(), true); }
    bool key(std::string& k) {
        Frame& frame = frames_.back();
        frame.key = quote(k);  // for the path of an error about this key
        if (k.size() > limits_.text_bytes)
            throw limit_exceeded(file_, path(), Message("a key of {0} bytes (\"{1}\")"_en, "键长 {0} 字节（\"{1}\"）"_zh, {std::to_string(k.size()), quote(k)}),
                                 limits_.text_bytes, "text_bytes");
        if (!frame.keys.insert(k).second)
            throw ParseError(file_, path(), Message("the key \"{0}\" is given twice in this object; expected each key once"_en,
                                                    "键 \"{0}\" 在同一对象中出现两次；每个键应只出现一次"_zh, {quote(k)}));
        frame.member = &append_member(*frame.value, std::move(k), nullptr);
        return true;
    }
    bool end_object() { return close(); }
    bool start_array(std::size_t /*size*/) { return open(Json::array(), false); }
    bool end_array() { return close(); }
    bool parse_error(std::size_t position, const std::string& /*last_token*/, const nlohmann::detail::exception& error) {
        // The lexer has read the byte that broke the text: find the character it belongs to.
        std::size_t at = std::min(position > 0 ? position - 1 : 0, text_.size());
        while (at > 0 && at < text_.size() && (static_cast<unsigned char>(text_[at]) & 0xC0) == 0x80) --at;
        if (const FullWidth* f = at < text_.size() ? full_width_at(text_, at) : nullptr)
            throw ParseError(file_, line_and_column(text_, at),
                             Message("'{0}' ({1}) is a full-width character, as a Chinese input method types it; expected the ASCII '{2}'"_en,
                                     "'{0}'（{1}）是中文输入法输入的全角字符；应为半角的 '{2}'"_zh,
                                     {std::string(text_.substr(at, utf8_length(text_, at))), code_point_name(text_, at), f->meant}));
        if (error.id == 406)  // a number too large for a double
            throw ParseError(file_, line_and_column(text_, at),
                             Message("malformed JSON: {0}; expected finite numbers"_en, "JSON 格式错误: {0}；数值应为有限数"_zh, {parser_words(error.what())}));
        throw ParseError(file_, line_and_column(text_, at), Message("malformed JSON: {0}"_en, "JSON 格式错误: {0}"_zh, {parser_words(error.what())}));
    }

private:
    struct Frame {
        Json* value = nullptr;   // the object or array being filled
        bool object = false;
        std::size_t count = 0;   // values begun in an array
        std::string key;         // the key of the value being read in an object, quoted
        Json* member = nullptr;  // where that value goes
        std::unordered_set<std::string> keys;
    };

    // A value begins: in an array it takes the next index.
    void begin() {
        if (!frames_.empty() && !frames_.back().object) ++frames_.back().count;
    }
    // Where the value that begins now goes: the root, the array's new last element, the object's member.
    Json* slot() {
        if (frames_.empty()) return &root_;
        Frame& frame = frames_.back();
        if (frame.object) return frame.member;
        frame.value->get_ref<Json::array_t&>().emplace_back();
        return &frame.value->get_ref<Json::array_t&>().back();
    }
    bool put(Json value) {
        begin();
        *slot() = std::move(value);
        return true;
    }
    bool open(Json container, bool object) {
        begin();
        if (frames_.size() >= max_nesting_)
            throw limit_exceeded(file_, path(),
                                 Message("values nested more than {0} deep (JSON may nest twice as deep as categories or sub-plans, plus 16)"_en,
                                         "值嵌套超过 {0} 层（JSON 嵌套层数上限为类别或子计划层数的两倍加 16）"_zh, {std::to_string(max_nesting_)}),
                                 limits_.depth, "depth");
        Json* value = slot();
        *value = std::move(container);
        frames_.push_back(Frame{value, object, 0, {}, nullptr, {}});
        return true;
    }
    bool close() {
        frames_.pop_back();
        return true;
    }
    // The JSON path of the value being read: "$.tasks[3].due".
    std::string path() const {
        std::string out = "$";
        for (const Frame& frame : frames_) {
            if (frame.object) out += "." + frame.key;
            else if (frame.count > 0) out += "[" + std::to_string(frame.count - 1) + "]";
        }
        return out;
    }

    Json& root_;
    std::string_view text_;
    const std::string& file_;
    const Limits& limits_;
    std::size_t max_nesting_;
    std::vector<Frame> frames_;
};

}  // namespace

Json parse_json(std::string_view text, const std::string& file, const Limits& limits) {
    const ThreadCLocale c_numbers;  // nlohmann reads numbers with the locale's decimal point
    const std::string_view body = text.substr(check_utf8(text, file));
    Json document;
    StrictBuilder builder(document, body, file, limits);
    // The builder throws civitas errors itself; nlohmann's own exceptions (an object too large
    // for the machine) are turned into a ParseError without a place.
    try {
        Json::sax_parse(body, &builder, nlohmann::detail::input_format_t::json, true, false);
    } catch (const Json::exception& error) {
        throw ParseError(file, "", Message("malformed JSON: {0}"_en, "JSON 格式错误: {0}"_zh, {parser_words(error.what())}));
    }
    return document;
}

}  // namespace civitas::detail
