#include "io/detail/file_text.hpp"

#include "core/detail/utf8.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace civitas::detail {

namespace {

// What a file that is not a regular one is, for the message.
Message kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return Message("a folder"_en, "文件夹"_zh);
    if (S_ISFIFO(mode)) return Message("a FIFO (named pipe)"_en, "命名管道（FIFO）"_zh);
    if (S_ISCHR(mode)) return Message("a character device"_en, "字符设备"_zh);
    if (S_ISBLK(mode)) return Message("a block device"_en, "块设备"_zh);
    if (S_ISSOCK(mode)) return Message("a socket"_en, "套接字"_zh);
    return Message("not a regular file"_en, "非普通文件"_zh);
}

// ParseError for a text in an encoding other than UTF-8: `encoding` names it, `from` is iconv's name for it.
[[noreturn]] void wrong_encoding(const std::string& file, const char* encoding, const char* from, Message::Argument at = "") {
    throw ParseError(file, std::move(at), Message("the file is {0}; expected UTF-8: save it as UTF-8 (in Excel: \"CSV UTF-8\") or convert it with iconv -f {1} -t UTF-8"_en,
                                       "文件为 {0} 编码；应为 UTF-8: 请另存为 UTF-8（Excel 中选“CSV UTF-8”），或用 iconv -f {1} -t UTF-8 转换"_zh,
                                       {encoding, from}));
}

// True when the bytes at `at` begin a UTF-8 character that ends too soon: a lead byte and some
// but not all of the continuation bytes it announces, or a lead byte at the very end (text cut in
// the middle of a character). A lead byte followed at once by another character is more likely
// GB18030 or Latin-1.
bool cut_short(std::string_view text, std::size_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    const std::size_t length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    if (length == 0) return false;
    std::size_t k = 1;
    while (k < length && at + k < text.size() && (static_cast<unsigned char>(text[at + k]) & 0xC0) == 0x80) ++k;
    return k < length && (k > 1 || at + k == text.size());
}

// True when the bytes at `at` read as GB18030 two-byte characters (lead 81-FE, trail 40-FE but 7F).
bool looks_like_gb18030(std::string_view text, std::size_t at) {
    std::size_t pairs = 0;
    while (at + 1 < text.size() && pairs < 8) {
        const auto lead = static_cast<unsigned char>(text[at]), trail = static_cast<unsigned char>(text[at + 1]);
        if (lead < 0x80) break;
        if (lead == 0x80 || lead == 0xFF || trail < 0x40 || trail == 0x7F || trail == 0xFF) return false;
        at += 2;
        ++pairs;
    }
    return pairs > 0;
}

}  // namespace

LimitError limit_exceeded(const std::string& file, Message::Argument location, Message what, std::uint64_t limit, const char* member) {
    return LimitError(file, std::move(location),
                      Message("{0}; the limit is {1} (Limits::{2})"_en, "{0}；上限为 {1}（Limits::{2}）"_zh, {std::move(what), std::to_string(limit), member}));
}

InputFile::InputFile(const std::filesystem::path& path, std::uint64_t max_bytes, const char* member)
    : name_(path.string()), max_bytes_(max_bytes), member_(member) {
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting forever.
    descriptor_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (descriptor_ < 0) throw ParseError(name_, "", Message("cannot open: {0}"_en, "无法打开: {0}"_zh, {std::strerror(errno)}));
    struct stat status {};
    if (::fstat(descriptor_, &status) != 0) {
        const int error = errno;
        ::close(descriptor_);
        throw ParseError(name_, "", Message("cannot open: {0}"_en, "无法打开: {0}"_zh, {std::strerror(error)}));
    }
    if (!S_ISREG(status.st_mode)) {
        ::close(descriptor_);
        throw ParseError(name_, "", Message("is {0}; expected a regular file"_en, "是{0}；应为普通文件"_zh, {kind_of(status.st_mode)}));
    }
    size_ = static_cast<std::uint64_t>(status.st_size);
    if (size_ > max_bytes_) {
        ::close(descriptor_);
        throw limit_exceeded(name_, "", Message("the file holds {0} bytes"_en, "文件有 {0} 字节"_zh, {std::to_string(size_)}), max_bytes_, member_);
    }
}

InputFile::~InputFile() {
    if (descriptor_ >= 0) ::close(descriptor_);
}

std::size_t InputFile::read(char* buffer, std::size_t size) {
    for (;;) {
        const ssize_t got = ::read(descriptor_, buffer, size);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) throw ParseError(name_, "", Message("read failed: {0}"_en, "读取失败: {0}"_zh, {std::strerror(errno)}));
        read_ += static_cast<std::uint64_t>(got);
        if (read_ > max_bytes_)
            throw limit_exceeded(name_, "", Message("the file grew past {0} bytes while read"_en, "读取时文件增长超过 {0} 字节"_zh, {std::to_string(max_bytes_)}),
                                 max_bytes_, member_);
        return static_cast<std::size_t>(got);
    }
}

std::string read_file(const std::filesystem::path& path, std::uint64_t max_bytes, const char* member) {
    InputFile in(path, max_bytes, member);
    std::string text;
    text.resize(static_cast<std::size_t>(std::min<std::uint64_t>(in.size(), max_bytes)) + 1);
    std::size_t held = 0;
    for (;;) {
        if (held == text.size()) text.resize(text.size() * 2);
        const std::size_t got = in.read(text.data() + held, text.size() - held);
        if (got == 0) break;
        held += got;
    }
    text.resize(held);
    return text;
}

std::string read_json_file(const std::filesystem::path& path, const Limits& limits) {
    return read_file(path, limits.json_bytes, "json_bytes");
}

std::size_t check_encoding(std::string_view text, const std::string& file) {
    const auto starts = [&](std::string_view head) { return text.substr(0, head.size()) == head; };
    using namespace std::string_view_literals;
    if (starts("\xFF\xFE\0\0"sv)) wrong_encoding(file, "UTF-32LE", "UTF-32");
    if (starts("\0\0\xFE\xFF"sv)) wrong_encoding(file, "UTF-32BE", "UTF-32");
    if (starts("\xFF\xFE"sv)) wrong_encoding(file, "UTF-16LE", "UTF-16");
    if (starts("\xFE\xFF"sv)) wrong_encoding(file, "UTF-16BE", "UTF-16");
    // UTF-32 without a byte-order mark: every four bytes hold two NULs at the same end (any
    // character of Chinese or English text is below U+10000).
    const std::size_t head = std::min<std::size_t>(text.size(), 512);
    const auto utf32 = [&](std::size_t first_nul) {
        if (head < 4) return false;
        for (std::size_t k = 0; k + 4 <= head; k += 4)
            if (text[k + first_nul] != '\0' || text[k + first_nul + 1] != '\0') return false;
        return true;
    };
    if (utf32(2)) wrong_encoding(file, "UTF-32LE", "UTF-32LE");
    if (utf32(0)) wrong_encoding(file, "UTF-32BE", "UTF-32BE");
    // UTF-16 without a byte-order mark: NULs in the odd bytes (little-endian) or the even ones
    // (big-endian), from ASCII characters (commas, digits, line breaks) among Chinese ones.
    // At least one in eight of those bytes, so that a stray NUL in UTF-8 is named as a NUL.
    std::size_t even = 0, odd = 0;
    for (std::size_t k = 0; k < head; ++k)
        if (text[k] == '\0') ++(k % 2 == 0 ? even : odd);
    if (odd >= 2 && odd * 16 >= head && odd >= 4 * even) wrong_encoding(file, "UTF-16LE", "UTF-16LE");
    if (even >= 2 && even * 16 >= head && even >= 4 * odd) wrong_encoding(file, "UTF-16BE", "UTF-16BE");
    return starts("\xEF\xBB\xBF"sv) ? 3 : 0;
}

std::size_t check_utf8(std::string_view text, const std::string& file) {
    const std::size_t start = check_encoding(text, file);
    const std::size_t nul = text.find('\0', start);
    const std::size_t bad = invalid_utf8(text.substr(start));
    const std::size_t at = std::min(nul, bad == std::string_view::npos ? bad : start + bad);
    if (at == std::string_view::npos) return start;
    if (at == nul)
        throw ParseError(file, line_and_column(text, at),
                         Message("a NUL byte; expected text (is this a binary file, or UTF-16?)"_en, "NUL 字节；应为文本（是否为二进制文件或 UTF-16 编码？）"_zh));
    if (cut_short(text, at))
        throw ParseError(file, line_and_column(text, at),
                         Message("a UTF-8 character is cut short (bytes {0}); expected whole characters (was the text cut in the middle of one?)"_en,
                                 "UTF-8 字符不完整（字节 {0}）；字符应完整（文本是否在字符中间被截断？）"_zh,
                                 {quote(text.substr(at, std::min<std::size_t>(3, text.size() - at)))}));
    if (looks_like_gb18030(text, at)) wrong_encoding(file, "GB18030 (GBK)", "GB18030", line_and_column(text, at));
    throw ParseError(file, line_and_column(text, at),
                     Message("the byte {0} is not UTF-8; expected UTF-8 text"_en, "字节 {0} 不是 UTF-8；应为 UTF-8 文本"_zh, {quote(text.substr(at, 1))}));
}

void refuse_gb18030(std::string_view text, const std::string& file) {
    const std::size_t at = invalid_utf8(text);
    if (at != std::string_view::npos && !cut_short(text, at) && looks_like_gb18030(text, at)) wrong_encoding(file, "GB18030 (GBK)", "GB18030", line_and_column(text, at));
}

Message text_problem(std::string_view text, std::string_view allowed) {
    const std::size_t at = control_character(text, allowed);
    if (at == std::string_view::npos) return Message();
    const std::string shown = "'" + quote(text) + "'";
    if (utf8_length(text, at) != 0)
        return Message("{0} holds the control character {1}; expected text without control characters"_en, "{0} 含有控制字符 {1}；文本中不应有控制字符"_zh,
                       {shown, code_point_name(text, at)});
    if (cut_short(text, at))
        return Message("{0} ends with a UTF-8 character cut short; expected whole characters"_en, "{0} 末尾的 UTF-8 字符不完整；字符应完整"_zh, {shown});
    if (looks_like_gb18030(text, at))
        return Message("{0} is not UTF-8 but looks like GB18030 (GBK); expected UTF-8: save the file as UTF-8 or convert it with iconv -f GB18030 -t UTF-8"_en,
                       "{0} 不是 UTF-8，像是 GB18030（GBK）编码；应为 UTF-8: 请另存为 UTF-8，或用 iconv -f GB18030 -t UTF-8 转换"_zh, {shown});
    return Message("{0} is not UTF-8 (the byte {1}); expected UTF-8 text"_en, "{0} 不是 UTF-8（字节 {1}）；应为 UTF-8 文本"_zh,
                   {shown, quote(text.substr(at, 1))});
}

Message line_and_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;  // count UTF-8 characters, not bytes
        }
    }
    return file_position(line, column);
}

}  // namespace civitas::detail
