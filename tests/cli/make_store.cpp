// Makes the campaign store the CLI tests read: `civitas_cli_make_store FOLDER` writes
// FOLDER/campaign.json (naming campaign.db beside it) and a store of three submissions of one
// value (east's green coverage on 2026-01-31): 37.5 by 王伟, corrected to 38.2 by 李娜, then to 39
// by 赵强 from a file whose name a spreadsheet would run as a formula, withdrawn by 张敏.
// Anything already in FOLDER is replaced.
#include <civitas/civitas.hpp>

#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace {

const char* const campaign_text = R"({
  "format": "civitas-campaign/1",
  "id": "city",
  "titles": [{"id": "garden", "name": "国家园林城市", "framework": "lanzhou-illustrative"}],
  "units": [{"id": "city"}, {"id": "east", "parent": "city"}, {"id": "west", "parent": "city"}],
  "departments": [{"id": "gardens", "name": "市园林局"}, {"id": "housing", "name": "市住建局"}],
  "store": "campaign.db"
}
)";

civitas::Date day(const char* iso) { return civitas::parse_date(iso, "make_store"); }

civitas::Submission submission(const char* department, const char* unit, const char* by, const char* at, const char* file,
                               const char* period, std::vector<std::pair<const char*, double>> values) {
    civitas::Submission s;
    s.department = department;
    s.unit = unit;
    s.submitted_by = by;
    s.submitted_at = day(at);
    s.file = file;
    s.period = period;
    for (const auto& [where, value] : values) {
        civitas::Observation o;
        o.unit = where;
        o.indicator = "built_up_green_coverage";
        o.date = day("2026-01-31");
        o.value = value;
        s.observations.push_back(o);
    }
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: civitas_cli_make_store FOLDER\n";
        return 2;
    }
    try {
        const std::filesystem::path folder = argv[1];
        std::filesystem::remove_all(folder);
        std::filesystem::create_directories(folder);
        std::ofstream(folder / "campaign.json", std::ios::binary) << campaign_text;
        const civitas::Campaign campaign = civitas::load_campaign(folder / "campaign.json");
        civitas::CampaignStore store(folder / "campaign.db");
        store.import_submission(campaign, submission("gardens", "", "王伟", "2026-02-05", "gardens-2026-01.xlsx", "2026-01",
                                                     {{"east", 37.5}, {"west", 35}}));
        store.import_submission(campaign, submission("gardens", "east", "李娜", "2026-02-10", "gardens-fix.xlsx", "2026-01", {{"east", 38.2}}));
        store.import_submission(campaign, submission("housing", "east", "赵强", "2026-02-12", "=cmd.xlsx", "2026-01", {{"east", 39}}));
        store.withdraw(3, "张敏", day("2026-02-13"));
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "civitas_cli_make_store: " << error.what() << "\n";
        return 1;
    }
}
