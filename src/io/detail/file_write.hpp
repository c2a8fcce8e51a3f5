#pragma once
// Writing files, the one place civitas does: each file whole or not at all, several files
// together or none of them, and what is left after a crash said in docs/format.md ("Saving").

#include <civitas/core/limits.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace civitas::detail {

/// Writes `text` to `path` whole or not at all: a temporary file beside it, synced, given the
/// old file's mode (and owner and group when the process may), renamed over it, then the folder
/// synced. A symbolic link stays and the file it leads to is replaced; a device, FIFO or socket
/// (/dev/null, /dev/stdout) is written in place; a folder is refused. Every failure is an IoError
/// naming `path` and the system's reason, and leaves the file as it was and no temporary behind.
void write_file_atomically(const std::filesystem::path& path, std::string_view text);

/// `folder / reference`, a file a saved file names (a plan, sub-plan or inspection file): a
/// ValidationError at `where` (its JSON path in the saved file) when `reference` is absolute or
/// leads out of `folder` once normalised and its symbolic links resolved, unless
/// `options.allow_outside`. `referrer` is the file that names it, for the message.
std::filesystem::path inside_folder(const std::filesystem::path& folder, const std::string& reference, const std::string& where,
                                    const std::filesystem::path& referrer, const SaveOptions& options);

/// Files saved together, all or none: add() stages each (written whole to a temporary beside it
/// and synced); commit() renames them into place in the order added, and if one fails puts back
/// the files already replaced (their old contents are kept until every rename succeeded).
/// A batch dropped without commit() removes its temporaries and the folders it made.
class FileBatch {
public:
    FileBatch() = default;
    ~FileBatch();
    FileBatch(const FileBatch&) = delete;
    FileBatch& operator=(const FileBatch&) = delete;

    /// Stages `text` for `path`, making its missing folders when `make_folders`.
    void add(const std::filesystem::path& path, std::string_view text, bool make_folders = false);
    /// Puts every staged file in place; on an IoError every file is as it was before.
    void commit();

private:
    struct Staged {
        std::filesystem::path path;       // as the caller named it, for messages
        std::filesystem::path file;       // the file replaced: `path`, or where its symbolic links lead
        std::filesystem::path temporary;  // the staged text; empty for a file written in place
        std::filesystem::path backup;     // the old file, kept while the batch commits
        std::string text;                 // for a file written in place (a device, a FIFO), written at commit
        bool existed = false;
        bool in_place = false;
        bool renamed = false;
    };
    void undo(std::size_t renamed, std::string& trouble);
    void discard() noexcept;

    std::vector<Staged> staged_;
    std::vector<std::filesystem::path> made_folders_;  // outermost first
    bool done_ = false;
};

}  // namespace civitas::detail
