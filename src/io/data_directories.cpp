// Where bundled frameworks are found.

#include <civitas/error.hpp>
#include <civitas/io.hpp>

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <set>

namespace civitas {

namespace {

std::mutex added_mutex;
std::vector<std::filesystem::path>& added_directories() {
    static std::vector<std::filesystem::path> directories;
    return directories;
}

}  // namespace

std::vector<std::filesystem::path> data_directories() {
    std::vector<std::filesystem::path> directories;
    if (const char* env = std::getenv("CIVITAS_DATA_DIR")) {
        std::string list = env;
        for (std::size_t start = 0; start <= list.size();) {
            const std::size_t end = std::min(list.find(':', start), list.size());
            if (end > start) directories.emplace_back(list.substr(start, end - start));
            start = end + 1;
        }
    }
    {
        std::lock_guard<std::mutex> lock(added_mutex);
        const auto& added = added_directories();
        directories.insert(directories.end(), added.begin(), added.end());
    }
#ifdef CIVITAS_INSTALL_DATADIR
    directories.emplace_back(CIVITAS_INSTALL_DATADIR);
#endif
#ifdef CIVITAS_SOURCE_DATADIR
    directories.emplace_back(CIVITAS_SOURCE_DATADIR);
#endif
    return directories;
}

void add_data_directory(const std::filesystem::path& directory) {
    std::lock_guard<std::mutex> lock(added_mutex);
    auto& added = added_directories();
    if (std::find(added.begin(), added.end(), directory) == added.end()) added.push_back(directory);
}

std::vector<std::string> bundled_framework_ids() {
    std::set<std::string> ids;
    for (const auto& directory : data_directories()) {
        std::error_code ec;
        for (std::filesystem::directory_iterator it(directory / "frameworks", ec), end; !ec && it != end; it.increment(ec))
            if (it->path().extension() == ".json") ids.insert(it->path().stem().string());
    }
    return {ids.begin(), ids.end()};
}

std::filesystem::path bundled_framework_path(const std::string& id) {
    if (id.empty() || id.front() == '.' || id.find_first_of("/\\") != std::string::npos)
        throw NotFoundError("'" + id + "' is not a bundled framework id; expected a name such as 'garden-city-2016'");
    for (const auto& directory : data_directories()) {
        const auto path = directory / "frameworks" / (id + ".json");
        std::error_code ec;
        if (std::filesystem::is_regular_file(path, ec)) return path;
    }
    std::string list;
    for (const std::string& known : bundled_framework_ids()) list += (list.empty() ? "" : ", ") + known;
    throw NotFoundError("no bundled framework '" + id + "'; expected one of: " + (list.empty() ? "(none found)" : list));
}

Framework load_bundled_framework(const std::string& id) { return load_framework(bundled_framework_path(id)); }

}  // namespace civitas
