// The campaign store of a civitas built without SQLite 3 (a build from PyPI alone, where no
// SQLite library can be found): every use says what to install.

#include <civitas/core/error.hpp>
#include <civitas/store/campaign_store.hpp>

#include "store/detail/schema.hpp"

namespace civitas {

bool store_available() noexcept { return false; }
int store_schema_version() noexcept { return static_cast<int>(detail::store_migrations.size()); }

namespace {

[[noreturn]] void unavailable(const std::string& file) {
    throw IoError(file, Message("this civitas was built without SQLite 3, so it has no campaign store; expected a build with it: install libsqlite3-dev (Debian) or SQLite's development files, then build civitas again"_en,
                                "本 civitas 构建时没有 SQLite 3，因此没有活动数据库；请安装 libsqlite3-dev（Debian）或 SQLite 的开发文件后重新构建 civitas"_zh));
}

}  // namespace

struct CampaignStore::Impl {
    std::filesystem::path path;
};

CampaignStore::CampaignStore(const std::filesystem::path& path, const StoreOptions&) { unavailable(path.string()); }
CampaignStore::~CampaignStore() = default;
CampaignStore::CampaignStore(CampaignStore&&) noexcept = default;
CampaignStore& CampaignStore::operator=(CampaignStore&&) noexcept = default;
const std::filesystem::path& CampaignStore::path() const noexcept { return impl_->path; }
int CampaignStore::schema_version() const { unavailable(impl_->path.string()); }
ImportResult CampaignStore::import_submission(const Campaign&, const Submission&, const ImportOptions&) { unavailable(impl_->path.string()); }
std::vector<SubmissionRecord> CampaignStore::submissions() const { unavailable(impl_->path.string()); }
SubmissionRecord CampaignStore::submission(std::int64_t) const { unavailable(impl_->path.string()); }
void CampaignStore::withdraw(std::int64_t, const std::string&, Date) { unavailable(impl_->path.string()); }
std::vector<ObservationVersion> CampaignStore::history(const std::string&, const std::string&) const { unavailable(impl_->path.string()); }
ObservationStore CampaignStore::observations() const { unavailable(impl_->path.string()); }
std::vector<TaskReport> CampaignStore::task_reports() const { unavailable(impl_->path.string()); }
std::vector<ProblemUpdate> CampaignStore::problem_updates() const { unavailable(impl_->path.string()); }
std::vector<SpendingReport> CampaignStore::spending_reports() const { unavailable(impl_->path.string()); }
Plan CampaignStore::progress(const Plan&, std::optional<Date>) const { unavailable(impl_->path.string()); }

}  // namespace civitas
