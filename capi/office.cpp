// The campaign office through the C API: the supervision circular and imports into the store.

#include "handles.hpp"

#include <civitas/io/campaign_io.hpp>
#include <civitas/io/form_csv.hpp>
#include <civitas/io/store_io.hpp>
#include <civitas/report/circular.hpp>
#include <civitas/store/submission_form.hpp>

using namespace civitas;

extern "C" {

int civitas_circular_render(const civitas_campaign* campaign, const char* as_of, const char* since, const char* format,
                            const char* lang, char** out, size_t* length, civitas_error** err) {
    return capi::guarded(err, [&] {
        capi::clear_out(out, "out");
        if (length != nullptr) *length = 0;
        capi::require(campaign, "campaign");
        CircularOptions options;
        options.language = capi::language_argument(lang);
        if (since != nullptr) options.since = capi::date_argument(since);
        ReportFormat kind = ReportFormat::text;
        if (format != nullptr) kind = capi::format_named(format);
        const std::vector<SubmissionRecord> submissions =
            scheduled_submissions(campaign->file, campaign->campaign).value_or(std::vector<SubmissionRecord>());
        const std::string text = render(build_circular(campaign->campaign, capi::date_argument(as_of), submissions, options), kind);
        *out = capi::copy_out(text);
        if (length != nullptr) *length = text.size();
    });
}

int civitas_store_import(const civitas_campaign* campaign, const char* file, const char* submitted_by, const char* submitted_on,
                         int partial, const char* lang, char** out, civitas_error** err) {
    return capi::guarded(err, [&] {
        capi::clear_out(out, "out");
        capi::require(campaign, "campaign");
        capi::require(file, "file");
        const Language language = capi::language_argument(lang).value_or(Language::en);
        const std::filesystem::path path = std::filesystem::u8path(file);
        CampaignStore store(campaign_store_path(campaign->file));
        Submission provenance;
        if (submitted_by != nullptr) provenance.submitted_by = submitted_by;
        provenance.submitted_at = capi::date_argument(submitted_on);
        ImportOptions options;
        options.partial = partial != 0;
        ImportResult result;
        if (is_csv_form(path)) {
            result = import_form(store, campaign->campaign, read_submission_form(campaign->campaign, read_form_csv(path), path.filename().string()),
                                 provenance, options);
        } else {
            result = store.import_submission(campaign->campaign, read_observation_submission(path, provenance), options);
        }
        *out = capi::copy_out(to_string(result, language));
    });
}

}  // extern "C"
