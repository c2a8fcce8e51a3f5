#include "io/detail/references.hpp"

#include "core/detail/utf8.hpp"
#include "io/detail/json_reader.hpp"

namespace civitas::detail {

namespace {

// True when `path` (lexically normal) climbs out of the folder it is relative to.
bool climbs_out(const std::filesystem::path& path) { return path.empty() || *path.begin() == ".."; }

}  // namespace

std::optional<std::filesystem::path> folder_of(const std::string& file, const ReadOptions& options) {
    if (!options.base_folder.empty()) return options.base_folder;
    if (file == "<string>") return std::nullopt;
    return std::filesystem::path(file).parent_path();
}

Message leaves_folder(const std::filesystem::path& folder, const std::string& reference, const std::string& referrer) {
    const std::filesystem::path relative(reference);
    if (relative.is_absolute() || relative.has_root_name() || relative.has_root_directory())
        return Message("\"{0}\" is an absolute path; expected a path relative to the folder of {1}, inside it "
                       "(allow_outside, or --allow-outside, lets a file name any file)"_en,
                       "\"{0}\" 是绝对路径；应为相对于 {1} 所在文件夹、且在其中的路径（allow_outside 或 --allow-outside 允许引用任意文件）"_zh,
                       {reference, referrer});
    const std::filesystem::path normal = relative.lexically_normal();
    if (climbs_out(normal))
        return Message("\"{0}\" leads out of the folder of {1}; expected a file in it or below "
                       "(allow_outside, or --allow-outside, lets a file name any file)"_en,
                       "\"{0}\" 指向 {1} 所在文件夹之外；应为该文件夹或其子文件夹中的文件（allow_outside 或 --allow-outside 允许引用任意文件）"_zh,
                       {reference, referrer});
    // Symbolic links: the file they lead to must lie inside the folder too.
    const std::filesystem::path base = folder.empty() ? std::filesystem::path(".") : folder;
    std::error_code folder_error, file_error;
    const std::filesystem::path real_folder = std::filesystem::weakly_canonical(base, folder_error);
    const std::filesystem::path real_file = std::filesystem::weakly_canonical(base / normal, file_error);
    if (!folder_error && !file_error && climbs_out(real_file.lexically_relative(real_folder)))
        return Message("\"{0}\" leads out of the folder of {1} through a symbolic link (to {2}); expected a file in it or below "
                       "(allow_outside, or --allow-outside, lets a file name any file)"_en,
                       "\"{0}\" 经符号链接指向 {1} 所在文件夹之外（{2}）；应为该文件夹或其子文件夹中的文件（allow_outside 或 --allow-outside 允许引用任意文件）"_zh,
                       {reference, referrer, quote(real_file.string())});
    return {};
}

std::filesystem::path referenced_file(const JsonNode& node, const std::optional<std::filesystem::path>& folder, const ReadOptions& options) {
    const std::string written = node.text();
    if (written.empty()) node.fail(Message("an empty file name; expected a path"_en, "文件名为空；应为路径"_zh));
    if (!folder)
        node.fail(Message("names the file \"{0}\", but the text was given without a folder to find it in; expected a base folder "
                          "(ReadOptions::base_folder; base_folder= in Python)"_en,
                          "引用了文件 \"{0}\"，但给出文本时没有指明在哪个文件夹中查找；应指定基准文件夹（ReadOptions::base_folder；Python 中为 base_folder=）"_zh,
                          {written}));
    if (options.allow_outside) return *folder / written;
    if (Message why = leaves_folder(*folder, written, node.file()); !why.empty()) node.fail(std::move(why));
    return *folder / std::filesystem::path(written).lexically_normal();
}

}  // namespace civitas::detail
