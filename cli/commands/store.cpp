#include "store.hpp"

#include <civitas/core/error.hpp>
#include <civitas/io/campaign_io.hpp>

#include <ostream>

namespace civitas::cli {

std::filesystem::path store_path(const std::string& campaign_file, bool allow_outside) {
    ReadOptions reading;
    reading.allow_outside = allow_outside;
    std::filesystem::path path = campaign_store_path(campaign_file, reading);
    if (!store_available()) {
        try {
            (void)CampaignStore(path);
        } catch (const IoError& error) {
            throw ParseError(campaign_file, "$.store", error.detail());  // as load_campaign says it
        }
    }
    return path;
}

std::optional<CampaignStore> store_for_reading(const std::filesystem::path& path) {
    if (!std::filesystem::exists(path)) return std::nullopt;
    StoreOptions options;
    options.read_only = true;
    return CampaignStore(path, options);
}

std::string status_text(SubmissionStatus status, const std::string& withdrawn_by, const std::optional<Date>& withdrawn_at,
                        Language language) {
    if (status == SubmissionStatus::active) return Message("active"_en, "有效"_zh).text(language);
    return Message("withdrawn by {0} on {1}"_en, "已由 {0} 于 {1} 撤回"_zh, {withdrawn_by, day_text(withdrawn_at)}).text(language);
}

std::optional<std::vector<SubmissionRecord>> store_submissions(const std::string& file, bool allow_outside, const Campaign& campaign,
                                                               const Context& context) {
    ReadOptions reading;
    reading.allow_outside = allow_outside;
    std::optional<std::vector<SubmissionRecord>> submissions = scheduled_submissions(file, campaign, reading);
    if (!submissions || !submissions->empty()) return submissions;
    // None counted: say why, when it is not that the store holds none yet.
    const auto note = [&](const Message& message) { context.err << "civitas: " << message.text(context.language) << "\n"; };
    if (campaign.spec().store.empty())
        note(Message("the campaign names no store: no submission is counted, every one due is missing"_en,
                     "创建方案未指定活动数据库：不计入任何报送，应报的均计为未报"_zh));
    else if (!store_available())
        note(Message("this civitas was built without the campaign store: no submission is counted"_en,
                     "此 civitas 构建时未包含活动数据库：不计入任何报送"_zh));
    else if (const std::filesystem::path path = store_path(file, allow_outside); !std::filesystem::exists(path))
        note(Message("the store {0} does not exist yet: no submission is counted, every one due is missing"_en,
                     "活动数据库 {0} 尚不存在：不计入任何报送，应报的均计为未报"_zh, {path.string()}));
    return submissions;
}

std::string day_text(const std::optional<Date>& day) { return day ? to_iso(*day) : std::string(); }

}  // namespace civitas::cli
