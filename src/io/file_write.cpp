#include "io/file_write.hpp"

#include <civitas/error.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>

namespace civitas::detail {

void write_file_atomically(const std::filesystem::path& path, std::string_view text) {
    std::random_device random;
    std::filesystem::path temporary = path;
    temporary += ".tmp" + std::to_string(random());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) throw Error(Message("{0}: cannot write: {1}", "{0}: 无法写入: {1}", {path.string(), std::strerror(errno)}));
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.flush();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            throw Error(Message("{0}: write failed", "{0}: 写入失败", {path.string()}));
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        throw Error(Message("{0}: cannot replace: {1}", "{0}: 无法替换: {1}", {path.string(), ec.message()}));
    }
}

}  // namespace civitas::detail
