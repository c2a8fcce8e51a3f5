#include "io/detail/file_write.hpp"

#include <civitas/core/error.hpp>

#include "io/detail/references.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <random>
#include <system_error>
#include <utility>

#ifdef _WIN32
#include <fstream>
#else
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace civitas::detail {

namespace fs = std::filesystem;

namespace {

// The system's reason for `error`: "No space left on device".
std::string reason(int error) { return std::generic_category().message(error); }

[[noreturn]] void fail(const fs::path& path, Message message) { throw IoError(path.string(), std::move(message)); }

// A fresh name beside `file` for a temporary (or, with ".old", a kept old file):
// ".NAME.civitas-XXXXXXXX.tmp", NAME cut (on a character boundary) so that it fits a folder entry.
fs::path beside(const fs::path& file, const char* ending) {
    thread_local std::mt19937_64 engine{std::random_device{}()};
    static constexpr char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string name = file.filename().string();
    if (name.size() > 96) {
        std::size_t cut = 96;
        while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
        name.resize(cut);
    }
    std::string suffix(8, '0');
    for (char& c : suffix) c = digits[engine() % 36];
    return file.parent_path() / ("." + name + ".civitas-" + suffix + ending);
}

#ifndef _WIN32

// An open file descriptor, closed at the end of its scope (close() checked where it matters).
class Descriptor {
public:
    explicit Descriptor(int fd) : fd_(fd) {}
    ~Descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    [[nodiscard]] int get() const { return fd_; }
    // Closes now: 0, or the error close() reported (NFS tells a failed write only here).
    int close() {
        const int fd = std::exchange(fd_, -1);
        return ::close(fd) == 0 ? 0 : errno;
    }

private:
    int fd_;
};

// Writes all of `text`: 0, or the error of the write that failed.
int write_all(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t n = ::write(fd, text.data(), std::min<std::size_t>(text.size(), std::size_t{1} << 30));
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        if (n == 0) return EIO;
        text.remove_prefix(static_cast<std::size_t>(n));
    }
    return 0;
}

// Syncs to disk: 0, or the error.
int sync(int fd) {
    while (::fsync(fd) != 0)
        if (errno != EINTR) return errno;
    return 0;
}

// The whole contents of `file`: 0 and the text, or the error.
int read_all(const fs::path& file, std::string& text) {
    Descriptor in(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
    if (in.get() < 0) return errno;
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(in.get(), buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        if (n == 0) return 0;
        text.append(buffer, static_cast<std::size_t>(n));
    }
}

// True when `folder`, its links resolved, is in /proc: a link there (/dev/stdout leads to
// /proc/self/fd/1) names an open file rather than a folder entry, and is written in place.
bool in_proc(const fs::path& folder) {
    char* real = ::realpath(folder.empty() ? "." : folder.c_str(), nullptr);
    if (real == nullptr) return false;
    const std::string text(real);
    std::free(real);
    return text == "/proc" || text.rfind("/proc/", 0) == 0;
}

// What writing `path` replaces.
struct Target {
    fs::path file;          // `path`, or the file its symbolic links lead to
    bool exists = false;
    bool in_place = false;  // a device, FIFO or socket, or an open file named through /proc
    struct stat status {};  // of the existing file
};

Target resolve(const fs::path& path) {
    Target target{path};
    if (::stat(path.c_str(), &target.status) == 0) {
        if (S_ISDIR(target.status.st_mode)) fail(path, Message("is a folder; expected a file"_en, "是文件夹；应为文件"_zh));
        target.exists = true;
        if (!S_ISREG(target.status.st_mode)) {
            target.in_place = true;
            return target;
        }
    } else if (errno != ENOENT) {
        fail(path, Message("cannot write: {0}"_en, "无法写入: {0}"_zh, {reason(errno)}));
    }
    // Follow symbolic links to the file they lead to: it is replaced (or made) in its own folder,
    // and the links stay.
    for (int hops = 0;; ++hops) {
        struct stat link {};
        if (::lstat(target.file.c_str(), &link) != 0 || !S_ISLNK(link.st_mode)) break;
        if (hops == 40) fail(path, Message("cannot write: {0}"_en, "无法写入: {0}"_zh, {reason(ELOOP)}));
        if (in_proc(target.file.parent_path())) {
            target.file = path;
            target.in_place = true;
            return target;
        }
        std::string leads_to(256, '\0');
        for (;;) {
            const ssize_t n = ::readlink(target.file.c_str(), leads_to.data(), leads_to.size());
            if (n < 0) fail(path, Message("cannot write: {0}"_en, "无法写入: {0}"_zh, {reason(errno)}));
            if (static_cast<std::size_t>(n) < leads_to.size()) {
                leads_to.resize(static_cast<std::size_t>(n));
                break;
            }
            leads_to.resize(leads_to.size() * 2);
        }
        const fs::path next(leads_to);
        target.file = next.is_absolute() ? next : target.file.parent_path() / next;
    }
    return target;
}

// Writes `text` to a fresh temporary beside `file`, synced, with the mode, owner and group of
// `like` when given; returns its name. On failure nothing is left and the error names `path`.
fs::path stage(const fs::path& path, const fs::path& file, std::string_view text, const struct stat* like) {
    fs::path temporary;
    int fd = -1;
    for (int attempt = 0; fd < 0; ++attempt) {
        temporary = beside(file, ".tmp");
        // Private until it has the old file's mode: the text is not shown to more readers than before.
        fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY, like ? 0600 : 0666);
        if (fd < 0 && (errno != EEXIST || attempt == 100)) fail(path, Message("cannot write: {0}"_en, "无法写入: {0}"_zh, {reason(errno)}));
    }
    Descriptor out(fd);
    int error = write_all(out.get(), text);
    if (error == 0 && like != nullptr) {
        // Best effort: only root (or the owner, for a group it is in) may give the file away;
        // failing that the file stays the writer's, and 0600 until the chmod, never wider.
        const int chowned = ::fchown(out.get(), like->st_uid, like->st_gid);
        const int chmodded = ::fchmod(out.get(), like->st_mode & 07777);
        (void)chowned;
        (void)chmodded;
    }
    if (error == 0) error = sync(out.get());
    if (const int closed = out.close(); error == 0) error = closed;
    if (error != 0) {
        ::unlink(temporary.c_str());
        fail(path, Message("cannot write: {0}"_en, "无法写入: {0}"_zh, {reason(error)}));
    }
    return temporary;
}

// Writes `text` into the existing non-regular file (or open file) `path`, without replacing it.
void write_in_place(const fs::path& path, const struct stat& status, std::string_view text) {
    // A regular file reached through /proc (-o /dev/stdout with the output redirected to a file)
    // is appended to, as the shell's own descriptor would write.
    const int flags = O_WRONLY | O_CLOEXEC | O_NOCTTY | (S_ISREG(status.st_mode) ? O_APPEND : 0);
    int fd = -1;
    do fd = ::open(path.c_str(), flags);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) fail(path, Message("cannot open for writing: {0}"_en, "无法打开以写入: {0}"_zh, {reason(errno)}));
    Descriptor out(fd);
    int error = write_all(out.get(), text);
    if (error == 0) {
        error = sync(out.get());
        if (error == EINVAL || error == ENOTSUP || error == EROFS) error = 0;  // devices, pipes: nothing to sync
    }
    if (const int closed = out.close(); error == 0) error = closed;
    if (error != 0) fail(path, Message("cannot write: {0}"_en, "无法写入: {0}"_zh, {reason(error)}));
}

// Syncs a folder, so that the names renamed into it survive a power loss: 0 or the error.
int sync_folder(const fs::path& folder) {
    Descriptor in(::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (in.get() < 0) return 0;  // a folder one may write but not read: the rename stands, unsynced
    const int error = sync(in.get());
    return error == EINVAL || error == ENOTSUP ? 0 : error;
}

#endif

}  // namespace

fs::path inside_folder(const fs::path& folder, const std::string& reference, const std::string& where, const fs::path& referrer,
                       const SaveOptions& options) {
    if (!options.allow_outside)
        if (Message why = leaves_folder(folder, reference, referrer.string()); !why.empty()) throw ValidationError(where, std::move(why));
    return folder / reference;
}

void write_file_atomically(const fs::path& path, std::string_view text) {
    FileBatch batch;
    batch.add(path, text);
    batch.commit();
}

FileBatch::~FileBatch() {
    if (!done_) discard();
}

#ifndef _WIN32

void FileBatch::add(const fs::path& path, std::string_view text, bool make_folders) {
    if (make_folders) {
        std::vector<fs::path> missing;  // innermost first
        for (fs::path folder = path.parent_path(); !folder.empty(); folder = folder.parent_path()) {
            struct stat status {};
            if (::stat(folder.c_str(), &status) == 0) {
                if (!S_ISDIR(status.st_mode))
                    fail(path, Message("cannot make the folder {0}: {1}"_en, "无法创建文件夹 {0}: {1}"_zh, {folder.string(), reason(ENOTDIR)}));
                break;
            }
            if (errno != ENOENT) fail(path, Message("cannot make the folder {0}: {1}"_en, "无法创建文件夹 {0}: {1}"_zh, {folder.string(), reason(errno)}));
            missing.push_back(folder);
            if (folder == folder.parent_path()) break;
        }
        for (auto folder = missing.rbegin(); folder != missing.rend(); ++folder) {
            if (::mkdir(folder->c_str(), 0777) == 0) made_folders_.push_back(*folder);
            else if (errno != EEXIST) fail(path, Message("cannot make the folder {0}: {1}"_en, "无法创建文件夹 {0}: {1}"_zh, {folder->string(), reason(errno)}));
        }
    }
    const Target target = resolve(path);
    Staged staged;
    staged.path = path;
    staged.file = target.file;
    staged.existed = target.exists;
    staged.in_place = target.in_place;
    if (target.in_place) staged.text = std::string(text);
    else staged.temporary = stage(path, target.file, text, target.exists ? &target.status : nullptr);
    staged_.push_back(std::move(staged));
}

void FileBatch::commit() {
    // Keep each file about to be replaced (when there are several: one file alone is never half
    // replaced) under a second name, a hard link to it, or failing that (a file system without
    // hard links, another user's file) a copy with its mode.
    if (staged_.size() > 1)
        for (Staged& s : staged_) {
            if (!s.existed || s.in_place) continue;
            for (int attempt = 0; s.backup.empty(); ++attempt) {
                const fs::path backup = beside(s.file, ".old");
                if (::link(s.file.c_str(), backup.c_str()) == 0) {
                    s.backup = backup;
                } else if (errno != EEXIST || attempt == 100) {
                    struct stat status {};
                    std::string old;
                    int error = ::stat(s.file.c_str(), &status) == 0 ? read_all(s.file, old) : errno;
                    if (error == ENOENT) break;  // gone meanwhile: nothing to keep
                    if (error != 0)
                        fail(s.path, Message("cannot keep the old file while saving: {0}"_en, "保存时无法保留原文件: {0}"_zh, {reason(error)}));
                    s.backup = stage(s.path, s.file, old, &status);
                }
            }
        }
    // Rename every staged file into place, in order.
    std::size_t renamed = 0;
    try {
        for (; renamed < staged_.size(); ++renamed) {
            Staged& s = staged_[renamed];
            if (s.in_place) continue;
            if (::rename(s.temporary.c_str(), s.file.c_str()) != 0)
                fail(s.path, Message("cannot replace: {0}"_en, "无法替换: {0}"_zh, {reason(errno)}));
            s.renamed = true;
            s.temporary.clear();
        }
        // Files written in place (devices, FIFOs) cannot be taken back: last, once the rest stands.
        for (const Staged& s : staged_) {
            if (!s.in_place) continue;
            struct stat status {};
            if (::stat(s.path.c_str(), &status) != 0) fail(s.path, Message("cannot open for writing: {0}"_en, "无法打开以写入: {0}"_zh, {reason(errno)}));
            write_in_place(s.path, status, s.text);
        }
    } catch (const IoError& error) {
        std::string trouble;
        undo(renamed, trouble);
        discard();
        done_ = true;
        if (trouble.empty()) throw;
        throw IoError(error.file(), Message("{0}; and some files could not be put back: {1}"_en, "{0}；且部分文件未能恢复: {1}"_zh,
                                            {error.detail(), trouble}));
    }
    done_ = true;
    // Make the new names last, then drop the old files.
    std::vector<fs::path> folders;
    for (const Staged& s : staged_)
        if (s.renamed) folders.push_back(s.file.parent_path());
    for (const fs::path& folder : made_folders_) folders.push_back(folder.parent_path());
    std::sort(folders.begin(), folders.end());
    folders.erase(std::unique(folders.begin(), folders.end()), folders.end());
    for (const Staged& s : staged_)
        if (!s.backup.empty()) ::unlink(s.backup.c_str());
    for (const fs::path& folder : folders)
        if (const int error = sync_folder(folder); error != 0)
            fail(staged_.back().path, Message("written, but the folder {0} could not be synced to disk: {1}"_en,
                                              "已写入，但文件夹 {0} 未能同步到磁盘: {1}"_zh, {folder.string(), reason(error)}));
}

// Puts back the files of the first `count` staged ones that were renamed into place, last first.
void FileBatch::undo(std::size_t count, std::string& trouble) {
    for (std::size_t k = count; k-- > 0;) {
        Staged& s = staged_[k];
        if (!s.renamed) continue;
        bool put_back = true;
        if (!s.backup.empty()) {
            put_back = ::rename(s.backup.c_str(), s.file.c_str()) == 0;
            if (put_back) s.backup.clear();
        } else if (!s.existed) {
            put_back = ::unlink(s.file.c_str()) == 0;
        }
        if (!put_back) {
            trouble += (trouble.empty() ? "" : ", ") + s.file.string();
            if (!s.backup.empty()) trouble += " (" + s.backup.string() + ")";
        }
        s.renamed = !put_back;
    }
}

// Removes the temporaries, the kept old files no longer needed, and the folders made (if empty).
void FileBatch::discard() noexcept {
    for (Staged& s : staged_) {
        if (!s.temporary.empty()) ::unlink(s.temporary.c_str());
        if (!s.backup.empty() && !s.renamed) ::unlink(s.backup.c_str());
    }
    for (auto folder = made_folders_.rbegin(); folder != made_folders_.rend(); ++folder) ::rmdir(folder->c_str());
}

#else  // Windows: a temporary renamed over the file; no rollback of several files.

void FileBatch::add(const fs::path& path, std::string_view text, bool make_folders) {
    std::error_code ec;
    if (make_folders && path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
    if (fs::is_directory(path, ec)) fail(path, Message("is a folder; expected a file"_en, "是文件夹；应为文件"_zh));
    Staged staged;
    staged.path = path;
    staged.file = path;
    staged.temporary = beside(path, ".tmp");
    std::ofstream out(staged.temporary, std::ios::binary | std::ios::trunc);
    if (out) out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (out) out.flush();
    if (!out) {
        const int error = errno;
        out.close();
        fs::remove(staged.temporary, ec);
        fail(path, Message("cannot write: {0}"_en, "无法写入: {0}"_zh, {reason(error)}));
    }
    staged_.push_back(std::move(staged));
}

void FileBatch::commit() {
    done_ = true;
    for (Staged& s : staged_) {
        std::error_code ec;
        fs::rename(s.temporary, s.file, ec);
        if (ec) {
            discard();
            fail(s.path, Message("cannot replace: {0}"_en, "无法替换: {0}"_zh, {ec.message()}));
        }
        s.temporary.clear();
    }
}

void FileBatch::undo(std::size_t, std::string&) {}

void FileBatch::discard() noexcept {
    for (Staged& s : staged_) {
        std::error_code ec;
        if (!s.temporary.empty()) fs::remove(s.temporary, ec);
    }
}

#endif

}  // namespace civitas::detail
