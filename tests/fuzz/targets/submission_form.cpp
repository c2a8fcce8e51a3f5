// read_form_csv and read_submission_form on any bytes: a filled CSV submission form whose sheets
// are the input's parts, split at form feeds (cover, indicators, tasks, problems; a sheet whose
// part is missing is left out), read against a small campaign on the bundled lanzhou-illustrative
// framework. Laws where it reads: every record is a row of the department's form (its unit and
// indicator, task or problem) and within the cell rules (a value within the indicator's bounds,
// progress in [0, 100], a finish not before its start); every refused cell says what is wrong in
// both languages; the same sheets read twice give the same reading.

#include "fuzz_target.hpp"

#include <civitas/io/campaign_io.hpp>
#include <civitas/io/form_csv.hpp>
#include <civitas/store/submission_form.hpp>

#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <unistd.h>

using namespace civitas;

namespace {

const char* const campaign_text = R"({
  "id": "city",
  "titles": [{"id": "garden", "framework": "lanzhou-illustrative"}],
  "units": [{"id": "city", "name": "示例市"}, {"id": "east", "name": "东区", "parent": "city"}],
  "departments": [{"id": "gardens", "name": "市园林局"}, {"id": "east_government", "unit": "east"}],
  "targets": [
    {"title": "garden", "indicator": "built_up_green_coverage", "value": 40, "department": "gardens"},
    {"title": "garden", "indicator": "dedicated_funds", "unit": "city", "value": 1, "department": "gardens"},
    {"title": "garden", "indicator": "green_space_encroachments", "unit": "east", "value": 0}
  ],
  "plan": {
    "id": "plan",
    "responsibility_fields": ["department", "unit"],
    "tasks": [
      {"id": "parks", "start": "2026-01-05", "due": "2026-03-31", "responsibility": {"department": "市园林局"}},
      {"id": "roads", "start": "2026-01-05", "due": "2026-06-30", "responsibility": {"unit": "东区"}}
    ],
    "problems": [{"id": "dust", "found": "2026-01-10", "deadline": "2026-02-10", "responsibility": {"department": "gardens"}}]
  }
})";

const Campaign& campaign() {
    static const Campaign loaded = parse_campaign(campaign_text, (std::filesystem::path(fuzz::files_folder()) / "form-campaign.json").string());
    return loaded;
}

// A folder of this process's own for the form's files.
const std::filesystem::path& folder() {
    static const std::filesystem::path made = [] {
        std::string pattern = (std::filesystem::temp_directory_path() / "civitas-fuzz-form-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) std::abort();
        return std::filesystem::path(pattern);
    }();
    return made;
}

}  // namespace

CIVITAS_FUZZ_TARGET(submission_form) {
    const char* const sheets[] = {"cover", "indicators", "tasks", "problems"};
    const std::filesystem::path form = folder() / "form.csv";
    std::size_t start = 0;
    for (const char* sheet : sheets) {
        const std::filesystem::path file = form_csv_file(form, sheet);
        std::filesystem::remove(file);
        if (start > text.size()) continue;  // a part the input does not have: the sheet is left out
        const std::size_t end = std::min(text.find('\f', start), text.size());
        std::ofstream(file, std::ios::binary).write(text.data() + start, static_cast<std::streamsize>(end - start));
        start = end + 1;
    }
    std::optional<FormReading> reading;
    std::vector<FilledSheet> filled;
    try {
        filled = read_form_csv(form);
        reading.emplace(read_submission_form(campaign(), filled, "form.csv"));
    } catch (const civitas::Error&) {
        return;
    }
    const Submission& s = reading->submission;
    const SubmissionForm rows = submission_form(campaign(), s.department, FormOptions{s.period, Language::zh, std::nullopt});
    std::set<std::pair<std::string, std::string>> indicators;
    for (const auto& row : rows.sheets[1].cells) indicators.emplace(row[0], row[2]);
    for (const Observation& o : s.observations) {
        CIVITAS_FUZZ_CHECK(indicators.count({o.unit, o.indicator}) == 1, "a value for a row the form does not have: " + o.unit + " " + o.indicator);
        const Indicator& indicator = campaign().framework("garden").indicator(o.indicator);
        CIVITAS_FUZZ_CHECK(std::isfinite(o.value) && (!indicator.bounds || indicator.bounds->contains(o.value)),
                           "a value outside the indicator's bounds");
    }
    for (const TaskReport& t : s.tasks) {
        CIVITAS_FUZZ_CHECK(t.task == "parks" || t.task == "roads", "a report on a task of no form: " + t.task);
        CIVITAS_FUZZ_CHECK(!t.percent_complete || (*t.percent_complete >= 0 && *t.percent_complete <= 100), "progress outside [0, 100]");
        CIVITAS_FUZZ_CHECK(!t.actual_start || !t.actual_finish || *t.actual_start <= *t.actual_finish, "a finish before its start");
    }
    for (const ProblemUpdate& p : s.problems) CIVITAS_FUZZ_CHECK(p.problem == "dust", "an update on a problem of no form: " + p.problem);
    for (const CellError& error : reading->errors)
        CIVITAS_FUZZ_CHECK(!to_string(error, Language::en).empty() && !to_string(error, Language::zh).empty(), "a refused cell without words");
    CIVITAS_FUZZ_CHECK(read_submission_form(campaign(), filled, "form.csv") == *reading, "the same sheets read twice differ");
}
