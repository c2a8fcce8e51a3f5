#include "store.hpp"

#include <civitas/core/error.hpp>
#include <civitas/io/campaign_io.hpp>

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

std::string day_text(const std::optional<Date>& day) { return day ? to_iso(*day) : std::string(); }

}  // namespace civitas::cli
