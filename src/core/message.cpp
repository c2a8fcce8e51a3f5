#include <civitas/core/message.hpp>

#include "core/detail/utf8.hpp"

namespace civitas {

std::string Message::text(Language language) const {
    if (empty()) return {};
    const char* pattern = language == Language::zh ? chinese_ : english_;
    std::string out;
    for (const char* c = pattern; *c != '\0'; ++c) {
        // "{k}" with one digit k names argument k; anything else is copied as it stands.
        if (c[0] == '{' && c[1] >= '0' && c[1] <= '9' && c[2] == '}') {
            const auto k = static_cast<std::size_t>(c[1] - '0');
            if (k < arguments_.size()) {
                out += arguments_[k].text(language);
                c += 2;
                continue;
            }
        }
        out += *c;
    }
    return out;
}

Message::Argument::Argument(std::string value)
    : value_(detail::control_character(value) == std::string::npos ? std::move(value) : detail::printable(value)) {}

Message join(std::vector<Message> parts) {
    if (parts.empty()) return {};
    Message joined = std::move(parts.front());
    for (std::size_t i = 1; i < parts.size(); ++i) joined = Message("{0}; {1}"_en, "{0}；{1}"_zh, {std::move(joined), std::move(parts[i])});
    return joined;
}

Message told(std::string english, std::string chinese) {
    // The one sentence whose holes differ between its languages: each shows its own text.
    return Message("{0}"_en, "{1}"_zh, {std::move(english), std::move(chinese)});
}

Message file_position(std::size_t line, std::size_t column) {
    if (column == 0) return Message("line {0}"_en, "第 {0} 行"_zh, {std::to_string(line)});
    return Message("line {0}, column {1}"_en, "第 {0} 行第 {1} 列"_zh, {std::to_string(line), std::to_string(column)});
}

}  // namespace civitas
