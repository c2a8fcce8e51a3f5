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
    const CampaignSpec& spec = campaign.spec();
    if (!spec.submissions) return std::nullopt;  // nothing is counted without a schedule
    const auto note = [&](const Message& message) { context.err << "civitas: " << message.text(context.language) << "\n"; };
    if (spec.store.empty()) {
        note(Message("the campaign names no store: no submission is counted, every one due is missing"_en,
                     "创建方案未指定活动数据库：不计入任何报送，应报的均计为未报"_zh));
        return std::vector<SubmissionRecord>();
    }
    if (!store_available()) {
        note(Message("this civitas was built without the campaign store: no submission is counted"_en,
                     "此 civitas 构建时未包含活动数据库：不计入任何报送"_zh));
        return std::vector<SubmissionRecord>();
    }
    const std::filesystem::path path = store_path(file, allow_outside);
    const std::optional<CampaignStore> store = store_for_reading(path);
    if (!store) {
        note(Message("the store {0} does not exist yet: no submission is counted, every one due is missing"_en,
                     "活动数据库 {0} 尚不存在：不计入任何报送，应报的均计为未报"_zh, {path.string()}));
        return std::vector<SubmissionRecord>();
    }
    return store->submissions();
}

std::string day_text(const std::optional<Date>& day) { return day ? to_iso(*day) : std::string(); }

}  // namespace civitas::cli
