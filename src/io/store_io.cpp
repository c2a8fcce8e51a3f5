// Submissions from observation files.

#include <civitas/core/error.hpp>
#include <civitas/io/observations_io.hpp>
#include <civitas/io/store_io.hpp>

#include <utility>

namespace civitas {

Submission observation_submission(const ObservationLoad& load, Submission provenance, const std::string& file) {
    if (!load.rejected.empty()) {
        const RejectedRow& first = load.rejected.front();
        const Message::Argument where = !first.path.empty() ? Message::Argument(first.path)
                                                            : Message::Argument(file_position(first.line, first.column));
        throw ParseError(file, where,
                         Message("{0} (and {1} rows in all cannot be read); expected every row readable, as a submission is imported whole"_en,
                                 "{0}（共 {1} 行无法读取）；报送须整体导入，每一行都应可读"_zh,
                                 {first.message, std::to_string(load.rejected.size())}));
    }
    provenance.observations.clear();
    provenance.tasks.clear();
    provenance.problems.clear();
    provenance.observations.reserve(load.store.size());
    for (std::size_t row = 0; row < load.store.size(); ++row) provenance.observations.push_back(load.store.at(row));
    if (provenance.file.empty()) provenance.file = file;
    return provenance;
}

Submission read_observation_submission(const std::filesystem::path& path, Submission provenance, const ReadOptions& options) {
    const bool json = path.extension() == ".json";
    if (!json && path.extension() != ".csv")
        throw ParseError(path.string(), "", Message("\"{0}\" is neither a .csv nor a .json file; expected an observation file"_en,
                                                    "\"{0}\" 既不是 .csv 文件也不是 .json 文件；应为观测数据文件"_zh, {path.string()}));
    ObservationReadOptions read;
    read.limits = options.limits;
    const ObservationLoad load = json ? load_observations_json(path, read) : load_observations_csv(path, read);
    if (provenance.file.empty()) provenance.file = path.filename().string();
    return observation_submission(load, std::move(provenance), path.string());
}

}  // namespace civitas
