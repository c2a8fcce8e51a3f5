// Where bundled frameworks, calendars and round schemes are found.

#include <civitas/core/error.hpp>
#include <civitas/io/bundled_data.hpp>
#include <civitas/io/calendar_io.hpp>
#include <civitas/io/framework_io.hpp>
#include <civitas/io/round_scheme_io.hpp>

#include <algorithm>
#include <cstdlib>
#include <string>

#ifdef _WIN32
#define NOMINMAX
#include <windows.h>
#else
#include <dlfcn.h>
#ifdef __linux__
#include <link.h>
#endif
#endif
#include <mutex>
#include <set>

namespace civitas {

namespace {

std::mutex added_mutex;
std::vector<std::filesystem::path>& added_directories() {
    static std::vector<std::filesystem::path> directories;
    return directories;
}

#ifdef _WIN32
constexpr char path_separator = ';';
#else
constexpr char path_separator = ':';
#endif

// The file this code was loaded from: the shared library, or the program a static library is
// linked into; empty when the system does not say.
std::filesystem::path module_file() {
#ifdef _WIN32
    HMODULE module = nullptr;
    if (!GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                            reinterpret_cast<LPCWSTR>(&module_file), &module))
        return {};
    std::wstring name(32768, L'\0');
    const DWORD length = GetModuleFileNameW(module, name.data(), static_cast<DWORD>(name.size()));
    if (length == 0 || length == name.size()) return {};
    name.resize(length);
    return std::filesystem::path(name);
#else
    Dl_info info{};
    void* const address = reinterpret_cast<void*>(&module_file);
#ifdef __linux__
    // The link map names a shared library by the path it was opened by (relative, from the folder
    // the process was in then, when ctypes or JNA opened it so) and the main program by "" (dladdr
    // gives it as it was started, "civitas" found on PATH): the system knows where that one is.
    link_map* map = nullptr;
    if (dladdr1(address, &info, reinterpret_cast<void**>(&map), RTLD_DL_LINKMAP) == 0) return {};
    std::error_code ec;
    if (map != nullptr && map->l_name != nullptr && *map->l_name != '\0') {
        auto library = std::filesystem::canonical(map->l_name, ec);
        if (!ec) return library;
    }
    auto program = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) return program;
    return {};
#else
    if (dladdr(address, &info) == 0 || info.dli_fname == nullptr) return {};
    const std::filesystem::path file(info.dli_fname);
    if (file.is_absolute()) return file;
    return {};
#endif
#endif
}

// The install's data folder, found from where the library is: the first share/civitas beside
// one of the three folders above the module (lib/, lib/<arch>/ or bin/ under the prefix; the
// build tree holds a share/civitas of its own). Nothing of the build machine is compiled in.
std::vector<std::filesystem::path> installed_data_directories() {
    std::filesystem::path folder = module_file().parent_path();
    for (int up = 0; up < 3 && !folder.empty(); ++up, folder = folder.parent_path()) {
        const auto candidate = folder.parent_path() / "share" / "civitas";
        std::error_code ec;
        if (std::filesystem::is_directory(candidate, ec)) return {candidate};
        if (folder == folder.parent_path()) break;
    }
    return {};
}

}  // namespace

std::vector<std::filesystem::path> data_directories() {
    std::vector<std::filesystem::path> directories;
    if (const char* env = std::getenv("CIVITAS_DATA_DIR")) {
        const std::string list = env;
        for (std::size_t start = 0; start <= list.size();) {
            const std::size_t end = std::min(list.find(path_separator, start), list.size());
            if (end > start) directories.emplace_back(list.substr(start, end - start));
            start = end + 1;
        }
    }
    {
        std::lock_guard<std::mutex> lock(added_mutex);
        const auto& added = added_directories();
        directories.insert(directories.end(), added.begin(), added.end());
    }
    // Found once: where the library is does not change while it runs.
    static const std::vector<std::filesystem::path> installed = installed_data_directories();
    directories.insert(directories.end(), installed.begin(), installed.end());
    return directories;
}

void add_data_directory(const std::filesystem::path& directory) {
    std::lock_guard<std::mutex> lock(added_mutex);
    auto& added = added_directories();
    if (std::find(added.begin(), added.end(), directory) == added.end()) added.push_back(directory);
}

namespace {

// Ids of the JSON files in `folder` ("frameworks", "calendars", "round-schemes") of every data directory, sorted.
std::vector<std::string> bundled_ids(const char* folder) {
    std::set<std::string> ids;
    for (const auto& directory : data_directories()) {
        std::error_code ec;
        for (std::filesystem::directory_iterator it(directory / folder, ec), end; !ec && it != end; it.increment(ec))
            if (it->path().extension() == ".json") ids.insert(it->path().stem().string());
    }
    return {ids.begin(), ids.end()};
}

// The first `folder/id.json` of the data directories; NotFoundError listing the ids there are.
// `what` names the kind of file: "framework" ("测评体系"), "calendar" ("工作日历"), "round scheme" ("计分方案").
std::filesystem::path bundled_path(const char* folder, const Message& what, const std::string& id, const char* example) {
    if (id.empty() || id.front() == '.' || id.find_first_of("/\\") != std::string::npos)
        throw NotFoundError(Message("'{0}' is not a bundled {1} id; expected a name such as '{2}'"_en, "'{0}' 不是内置{1}的 id；应为名称，如 '{2}'"_zh,
                                    {id, what, example}));
    for (const auto& directory : data_directories()) {
        const auto path = directory / folder / (id + ".json");
        std::error_code ec;
        if (std::filesystem::is_regular_file(path, ec)) return path;
    }
    std::string list;
    for (const std::string& known : bundled_ids(folder)) list += (list.empty() ? "" : ", ") + known;
    throw NotFoundError(Message("no bundled {0} '{1}'; expected one of: {2}"_en, "没有内置{0} '{1}'；应为以下之一: {2}"_zh,
                                {what, id, list.empty() ? Message::Argument(Message("(none found)"_en, "（未找到）"_zh)) : Message::Argument(list)}));
}

}  // namespace

std::vector<std::string> bundled_framework_ids() { return bundled_ids("frameworks"); }

std::filesystem::path bundled_framework_path(const std::string& id) {
    return bundled_path("frameworks", Message("framework"_en, "测评体系"_zh), id, "garden-city-2010");
}

Framework load_bundled_framework(const std::string& id) { return load_framework(bundled_framework_path(id)); }

Framework load_framework_or_bundled(const std::string& path_or_id) {
    const std::filesystem::path path = std::filesystem::u8path(path_or_id);  // UTF-8 on every system
    std::error_code ec;
    const bool looks_like_path = path.has_parent_path() || path.extension() == ".json";
    if (looks_like_path || std::filesystem::exists(path, ec)) return load_framework(path);
    return load_bundled_framework(path_or_id);
}

std::vector<std::string> bundled_calendar_ids() { return bundled_ids("calendars"); }

std::filesystem::path bundled_calendar_path(const std::string& id) {
    return bundled_path("calendars", Message("calendar"_en, "工作日历"_zh), id, "cn-2025");
}

WorkCalendar load_bundled_calendar(const std::string& id) { return load_calendar(bundled_calendar_path(id)); }

std::vector<std::string> bundled_round_scheme_ids() { return bundled_ids("round-schemes"); }

std::filesystem::path bundled_round_scheme_path(const std::string& id) {
    return bundled_path("round-schemes", Message("round scheme"_en, "计分方案"_zh), id, "civilized-city-2018");
}

RoundScheme load_bundled_round_scheme(const std::string& id) { return load_round_scheme(bundled_round_scheme_path(id)); }

bool is_bundled_round_scheme(const RoundScheme& scheme) {
    const std::vector<std::string> ids = bundled_round_scheme_ids();
    return std::find(ids.begin(), ids.end(), scheme.id) != ids.end() && load_bundled_round_scheme(scheme.id) == scheme;
}

}  // namespace civitas
