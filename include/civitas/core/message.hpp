#pragma once
/// Messages in both of civitas's languages: a fixed sentence written in Chinese and in English,
/// and the values it names, so that an error reads in the language of whoever reads it.

#include <civitas/core/enums.hpp>
#include <civitas/export.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace civitas {

/// The languages civitas writes its messages and reports in.
enum class Language : std::int8_t {
    zh,  ///< Chinese: 2026年9月30日
    en,  ///< English: 30 Sep 2026
};
template <> struct EnumNames<Language> { static constexpr const char* values[] = {"zh", "en"}; };

class English;
class Chinese;
/// The suffixes of a Message's two sentences; code outside namespace civitas writes
/// `using namespace civitas::literals;`.
inline namespace literals {
/// An English sentence of a Message; only a string literal has a suffix.
[[nodiscard]] constexpr English operator""_en(const char* text, std::size_t) noexcept;
/// A Chinese sentence of a Message.
[[nodiscard]] constexpr Chinese operator""_zh(const char* text, std::size_t) noexcept;
}  // namespace literals

/// A sentence in English, from a string literal with the suffix _en: "{0} is not a number"_en.
/// Only a literal can make one, so the text it points to lives as long as the program.
class English {
public:
    /// The sentence.
    [[nodiscard]] constexpr const char* text() const noexcept { return text_; }

private:
    constexpr explicit English(const char* text) noexcept : text_(text) {}
    friend constexpr English literals::operator""_en(const char* text, std::size_t) noexcept;
    const char* text_;
};

/// The same sentence in Chinese, from a string literal with the suffix _zh: "{0} 不是数字"_zh.
class Chinese {
public:
    /// The sentence.
    [[nodiscard]] constexpr const char* text() const noexcept { return text_; }

private:
    constexpr explicit Chinese(const char* text) noexcept : text_(text) {}
    friend constexpr Chinese literals::operator""_zh(const char* text, std::size_t) noexcept;
    const char* text_;
};

inline namespace literals {
constexpr English operator""_en(const char* text, std::size_t) noexcept { return English(text); }
constexpr Chinese operator""_zh(const char* text, std::size_t) noexcept { return Chinese(text); }
}  // namespace literals

/// A sentence with numbered holes, written in English and in Chinese ("{0} is not a number"_en,
/// "{0} 不是数字"_zh), and what fills the holes: values that read the same in both languages (an
/// id, a JSON path, "36") or phrases that are Messages themselves ("an object", "对象"), told in
/// the sentence's language. The sentences are string literals (the suffixes see to it): they are
/// kept, not copied, and cannot dangle.
class CIVITAS_CORE_EXPORT Message {
public:
    class Argument;

    /// No message: empty in both languages.
    Message() = default;
    /// The sentence in both languages; {0}, {1}, ... stand for `arguments` in order.
    Message(English english, Chinese chinese, std::vector<Argument> arguments = {})
        : english_(english.text()), chinese_(chinese.text()), arguments_(std::move(arguments)) {}

    /// The sentence in `language`, its holes filled in.
    [[nodiscard]] std::string text(Language language) const;
    /// True for the empty message.
    [[nodiscard]] bool empty() const noexcept { return english_ == nullptr; }

    /// Equal when they read the same in both languages.
    friend bool operator==(const Message& a, const Message& b) {
        return a.text(Language::en) == b.text(Language::en) && a.text(Language::zh) == b.text(Language::zh);
    }
    /// Not equal in one of the languages.
    friend bool operator!=(const Message& a, const Message& b) { return !(a == b); }

private:
    const char* english_ = nullptr;
    const char* chinese_ = nullptr;
    std::vector<Argument> arguments_;
};

/// What fills a hole: a value written as given, or a phrase told in the sentence's language.
class CIVITAS_CORE_EXPORT Message::Argument {
public:
    /// A value, the same in every language (an id, a path, a number already formatted); control
    /// characters and bytes that are not UTF-8 are written visibly (\x1B, \xFF), so a message is
    /// always valid UTF-8 and safe to print.
    Argument(std::string value);
    /// A value, the same in every language.
    Argument(const char* value) : Argument(std::string(value)) {}
    /// A phrase, told in the language of the sentence it fills.
    Argument(Message phrase) : phrase_{std::move(phrase)} {}

    /// The argument in `language`.
    [[nodiscard]] std::string text(Language language) const { return phrase_.empty() ? value_ : phrase_.front().text(language); }

private:
    std::string value_;
    std::vector<Message> phrase_;  // empty, or the one phrase
};

/// The parts one after the other, separated by "; " ("；" in Chinese); empty for no parts.
[[nodiscard]] CIVITAS_CORE_EXPORT Message join(std::vector<Message> parts);

/// Where in a text file: "line 12" or "line 12, column 3" (column 0: the whole line), "第 12 行第 3 列".
[[nodiscard]] CIVITAS_CORE_EXPORT Message file_position(std::size_t line, std::size_t column = 0);
/// A message already told in both languages, its two texts kept as given (one read back from a
/// saved result, such as a pickle).
[[nodiscard]] CIVITAS_CORE_EXPORT Message told(std::string english, std::string chinese);

}  // namespace civitas
