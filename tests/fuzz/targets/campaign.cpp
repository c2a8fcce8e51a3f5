// parse_campaign on any bytes, as a file in tests/fuzz/files (the frameworks, calendar, plan,
// observation and inspection files its inputs name are there; bundled ids come from data/).
// The reader refuses any file outside that folder (issue 11's confinement). Laws where it
// parses: campaign_to_json parses back to an equal campaign; the report on a fixed date builds
// and renders in every format (the JSON one is JSON), for campaigns small enough to keep executions fast.

#include "fuzz_target.hpp"

#include <civitas/tracking/campaign.hpp>
#include <civitas/io/campaign_io.hpp>
#include <civitas/report/report.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

using namespace civitas;

namespace {

// A report of more than this many tasks, units, targets and titles together is not built: the
// report's cost grows faster than linearly with the plan today (issue 11).
constexpr std::size_t report_size_limit = 300;

std::size_t size_of(const Campaign& campaign) {
    const CampaignSpec& spec = campaign.spec();
    std::size_t size = spec.units.size() + spec.targets.size() + spec.titles.size() + spec.checks.size() + spec.rounds.size();
    if (campaign.plan()) size += campaign.plan()->tasks().size() + campaign.plan()->problems().size();
    return size;
}

}  // namespace

CIVITAS_FUZZ_TARGET(campaign) {
    const std::string file = std::string(fuzz::files_folder()) + "/campaign.json";
    std::optional<Campaign> parsed;
    try {
        parsed.emplace(parse_campaign(text, file));
    } catch (const civitas::Error&) {
        return;
    }
    const Campaign& campaign = *parsed;

    const std::string json = campaign_to_json(campaign);
    CIVITAS_FUZZ_CHECK(parse_campaign(json, file) == campaign, "campaign_to_json does not parse back to an equal campaign:\n" + json);
    (void)to_string(campaign);
    (void)campaign.events();

    if (size_of(campaign) > report_size_limit) return;
    const Date as_of(2026, 1, 15);
    std::optional<Report> report;
    try {
        report.emplace(build_report(campaign, as_of));
    } catch (const civitas::Error&) {
        return;
    }
    for (ReportFormat format : {ReportFormat::text, ReportFormat::markdown, ReportFormat::html}) (void)render(*report, format);
    const std::string report_json = render(*report, ReportFormat::json);
    CIVITAS_FUZZ_CHECK(nlohmann::json::accept(report_json), "the JSON report is not JSON:\n" + report_json);
    (void)to_string(*report);
}
