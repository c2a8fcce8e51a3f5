#pragma once
// What the commands on the campaign store share: finding the store a campaign file names, its
// submissions for counting (circular, report), and the words for a submission's status.

#include "program.hpp"

#include <civitas/core/message.hpp>
#include <civitas/tracking/campaign.hpp>
#include <civitas/store/campaign_store.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace civitas::cli {

/// The store `campaign_file` names ("store", relative to its folder; inside it unless
/// `allow_outside`). Without SQLite in this build: the library's error, at the file's $.store.
std::filesystem::path store_path(const std::string& campaign_file, bool allow_outside);

/// The store at `path` opened for reading only; none when its file does not exist yet (no submissions).
std::optional<CampaignStore> store_for_reading(const std::filesystem::path& path);

/// The submissions of `campaign`'s store (named by `campaign_file`), read-only, for counting (the
/// circular, the report's circular lines): none when the campaign has no submission schedule;
/// none counted, with a note on `context.err`, when it names no store, its file does not exist
/// yet, or this build has no store.
std::optional<std::vector<SubmissionRecord>> store_submissions(const std::string& campaign_file, bool allow_outside, const Campaign& campaign,
                                                               const Context& context);

/// "active", or "withdrawn by 张敏 on 2026-03-11", in `language`.
std::string status_text(SubmissionStatus status, const std::string& withdrawn_by, const std::optional<Date>& withdrawn_at,
                        Language language);

/// A day as YYYY-MM-DD, "" for none.
std::string day_text(const std::optional<Date>& day);

}  // namespace civitas::cli
