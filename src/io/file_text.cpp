#include "io/file_text.hpp"

#include <civitas/error.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace civitas::detail {

std::string read_file(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw ParseError(path.string(), "", Message("is a directory; expected a file", "是文件夹；应为文件"));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ParseError(path.string(), "", Message("cannot open: {0}", "无法打开: {0}", {std::strerror(errno)}));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw ParseError(path.string(), "", Message("read failed", "读取失败"));
    return buffer.str();
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
