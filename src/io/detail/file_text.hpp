#pragma once
// Reading whole text files within the reader's limits, checking their encoding, and locating a
// byte offset as a line and column.

#include <civitas/core/error.hpp>
#include <civitas/core/limits.hpp>
#include <civitas/core/message.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace civitas::detail {

/// "what; the limit is 64 (Limits::depth)": the error for input past one of the Limits.
LimitError limit_exceeded(const std::string& file, Message::Argument location, Message what, std::uint64_t limit, const char* member);

/// A regular file open for reading, closed when destroyed. Folders, FIFOs, devices and sockets
/// are refused: reading them could block forever or never end.
class InputFile {
public:
    /// Opens `path`; ParseError when it cannot be opened or is not a regular file, LimitError
    /// when it holds more than `max_bytes` (`member` names the Limits member, "json_bytes").
    InputFile(const std::filesystem::path& path, std::uint64_t max_bytes, const char* member);
    ~InputFile();
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;

    /// Reads up to `size` bytes; 0 at the end. ParseError when the system fails, LimitError
    /// past `max_bytes` (a file that grows while it is read).
    std::size_t read(char* buffer, std::size_t size);
    /// Bytes in the file when it was opened.
    [[nodiscard]] std::uint64_t size() const noexcept { return size_; }

private:
    std::string name_;
    int descriptor_ = -1;
    std::uint64_t size_ = 0;
    std::uint64_t max_bytes_ = 0;
    std::uint64_t read_ = 0;
    const char* member_;
};

/// The whole file as bytes (see InputFile).
std::string read_file(const std::filesystem::path& path, std::uint64_t max_bytes, const char* member);
/// A JSON file whole, within `limits.json_bytes`.
std::string read_json_file(const std::filesystem::path& path, const Limits& limits);

/// Bytes of a UTF-8 byte-order mark at the start of `text` (0 or 3); ParseError naming the file
/// when the text is UTF-16 or UTF-32 (and how to convert it). Enough for readers that check the
/// UTF-8 of every field they keep.
std::size_t check_encoding(std::string_view text, const std::string& file);
/// check_encoding, then the whole text: ParseError at the line and column of a NUL byte or of
/// bytes that are not UTF-8 (saying when they look like GB18030, and how to convert).
std::size_t check_utf8(std::string_view text, const std::string& file);

/// ParseError naming GB18030 (and how to convert) when the first bytes of `text` that are not
/// UTF-8 look like it: for readers that check the start of a file and then only the fields they
/// keep. `text` should end at a line break (a character cut at its end is no evidence).
void refuse_gb18030(std::string_view text, const std::string& file);

/// `text` without the characters `around` says at either end. A loop over the bytes, not
/// find_first_not_of (that calls memchr once a byte), inline: every cell of a CSV file is trimmed.
template <class Around>
std::string_view trim_any(std::string_view text, Around around) noexcept {
    std::size_t first = 0, last = text.size();
    while (first < last && around(text[first])) ++first;
    while (last > first && around(text[last - 1])) --last;
    return text.substr(first, last - first);
}

/// A CSV cell without the spaces around it: ids keep every other character (a tab left in one
/// is a control character, refused).
inline std::string_view trim_spaces(std::string_view text) noexcept {
    return trim_any(text, [](char c) { return c == ' '; });
}
/// A CSV cell without the spaces and tabs around it: numbers, dates and words.
inline std::string_view trim_blanks(std::string_view text) noexcept {
    return trim_any(text, [](char c) { return c == ' ' || c == '\t'; });
}

/// Why `text` cannot be kept as an id or a name: bytes that are not UTF-8 (saying when they look
/// like GB18030) or a control character other than those in `allowed` (see control_character);
/// an empty Message when it can. The message quotes `text` in single quotes (detail::quote).
Message text_problem(std::string_view text, std::string_view allowed = {});

/// "line L, column C" (1-based; columns count UTF-8 characters, not bytes) of a byte offset.
Message line_and_column(std::string_view text, std::size_t offset);

}  // namespace civitas::detail
