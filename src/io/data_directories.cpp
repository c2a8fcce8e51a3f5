// Where bundled frameworks and calendars are found.

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

namespace {

// Ids of the JSON files in `folder` ("frameworks", "calendars") of every data directory, sorted.
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
// `what` names the kind of file: "framework" ("测评体系"), "calendar" ("工作日历").
std::filesystem::path bundled_path(const char* folder, const Message& what, const std::string& id, const char* example) {
    if (id.empty() || id.front() == '.' || id.find_first_of("/\\") != std::string::npos)
        throw NotFoundError(Message("'{0}' is not a bundled {1} id; expected a name such as '{2}'", "'{0}' 不是内置{1}的 id；应为名称，如 '{2}'",
                                    {id, what, example}));
    for (const auto& directory : data_directories()) {
        const auto path = directory / folder / (id + ".json");
        std::error_code ec;
        if (std::filesystem::is_regular_file(path, ec)) return path;
    }
    std::string list;
    for (const std::string& known : bundled_ids(folder)) list += (list.empty() ? "" : ", ") + known;
    throw NotFoundError(Message("no bundled {0} '{1}'; expected one of: {2}", "没有内置{0} '{1}'；应为以下之一: {2}",
                                {what, id, list.empty() ? Message::Argument(Message("(none found)", "（未找到）")) : Message::Argument(list)}));
}

}  // namespace

std::vector<std::string> bundled_framework_ids() { return bundled_ids("frameworks"); }

std::filesystem::path bundled_framework_path(const std::string& id) {
    return bundled_path("frameworks", Message("framework", "测评体系"), id, "garden-city-2016");
}

Framework load_bundled_framework(const std::string& id) { return load_framework(bundled_framework_path(id)); }

std::vector<std::string> bundled_calendar_ids() { return bundled_ids("calendars"); }

std::filesystem::path bundled_calendar_path(const std::string& id) {
    return bundled_path("calendars", Message("calendar", "工作日历"), id, "cn-2025");
}

WorkCalendar load_bundled_calendar(const std::string& id) { return load_calendar(bundled_calendar_path(id)); }

}  // namespace civitas
