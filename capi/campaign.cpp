// Campaigns, their report and their readiness through the C API.

#include "handles.hpp"

#include <civitas/io/campaign_io.hpp>
#include <civitas/io/readiness_io.hpp>
#include <civitas/report/report.hpp>
#include <civitas/tracking/readiness.hpp>

#include "core/detail/utf8.hpp"

#include <filesystem>

using namespace civitas;

namespace civitas::capi {

ReportFormat format_named(const char* text) {
    if (const auto parsed = enum_from_string<ReportFormat>(text)) return *parsed;
    std::string names;
    for (const char* name : EnumNames<ReportFormat>::values) names += (names.empty() ? "\"" : ", \"") + std::string(name) + "\"";
    throw ArgumentError(Message("format \"{0}\" is not one of {1}"_en, "format \"{0}\" 不在可选值之中: {1}"_zh, {detail::quote(text), names}));
}

std::optional<Language> language_argument(const char* lang) {
    if (lang == nullptr) return std::nullopt;
    if (const auto language = language_named(lang)) return language;
    throw ArgumentError(Message("lang \"{0}\" is not a language; expected \"zh\" or \"en\" (or a name that starts with one, \"zh-CN\")"_en,
                                "lang \"{0}\" 不是可用的语言；应为 \"zh\" 或 \"en\"（或以其开头的名称，如 \"zh-CN\"）"_zh,
                                {detail::quote(lang)}));
}

}  // namespace civitas::capi

extern "C" {

int civitas_campaign_load(const char* path, civitas_campaign** out, civitas_error** err) {
    return capi::guarded(err, [&] {
        capi::clear_out(out, "out");
        capi::require(path, "path");
        const std::filesystem::path file = std::filesystem::u8path(path);  // UTF-8 on every system
        *out = new civitas_campaign{load_campaign(file), file};
    });
}

void civitas_campaign_free(civitas_campaign* campaign) { delete campaign; }

int civitas_report_render(const civitas_campaign* campaign, const char* as_of, const char* format, const char* lang,
                          char** out, size_t* length, civitas_error** err) {
    return capi::guarded(err, [&] {
        capi::clear_out(out, "out");
        if (length != nullptr) *length = 0;
        capi::require(campaign, "campaign");
        const Date date = capi::date_argument(as_of);
        const ReportFormat kind = format == nullptr ? ReportFormat::text : capi::format_named(format);
        ReportOptions options;
        options.language = capi::language_argument(lang);
        options.submissions = scheduled_submissions(campaign->file, campaign->campaign);
        const std::string text = render(build_report(campaign->campaign, date, options), kind);
        *out = capi::copy_out(text);
        if (length != nullptr) *length = text.size();
    });
}

int civitas_readiness_json(const civitas_campaign* campaign, const char* as_of, char** out, civitas_error** err) {
    return capi::guarded(err, [&] {
        capi::clear_out(out, "out");
        capi::require(campaign, "campaign");
        *out = capi::copy_out(readiness_to_json(readiness(campaign->campaign, capi::date_argument(as_of))));
    });
}

}  // extern "C"
