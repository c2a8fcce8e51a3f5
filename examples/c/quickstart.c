/* civitas from C: score a city against a bundled framework, score three districts at once,
   read an error in both languages, and render a campaign's report in Chinese.
   Build: cc quickstart.c $(pkg-config --cflags --libs civitas) -o quickstart
   Run:   ./quickstart [CAMPAIGN.json]   (default: examples/lanzhou/campaign.json) */
#include <civitas/civitas.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Prints a failed call's error in English and Chinese, frees it, and returns its code. */
static int report_error(const char* what, civitas_error* error) {
    fprintf(stderr, "%s failed (code %d):\n  %s\n  %s\n", what, civitas_error_code(error),
            civitas_error_message(error, "en"), civitas_error_message(error, "zh"));
    const int code = civitas_error_code(error);
    civitas_error_free(error);
    return code;
}

int main(int argc, char** argv) {
    const char* campaign_path = argc > 1 ? argv[1] : "examples/lanzhou/campaign.json";
    civitas_error* error = NULL;
    printf("civitas %s\n", civitas_version_string());

    /* A bundled framework by id; the handle is ours to free. */
    civitas_framework* framework = NULL;
    if (civitas_framework_load("lanzhou-illustrative", &framework, &error) != CIVITAS_OK)
        return report_error("loading the framework", error);

    /* One city from JSON: indicator id to value; the result is the evaluation as JSON. */
    const char* city = "{\"unit\": \"lanzhou\", \"built_up_green_coverage\": 31.44, \"built_up_green_space_ratio\": 28.63}";
    char* result = NULL;
    if (civitas_evaluate_json(framework, city, strlen(city), &result, &error) != CIVITAS_OK) {
        civitas_framework_free(framework);
        return report_error("evaluating the city", error);
    }
    printf("%.300s...\n", result);
    civitas_free(result);

    /* Three districts at once: a row-major matrix, NaN for a missing value. */
    const char* ids[] = {"built_up_green_coverage", "built_up_green_space_ratio"};
    const double values[] = {38.2, 33.0, 30.1, NAN, 41.0, 35.5};
    double totals[3];
    int passed[3], met[3];
    if (civitas_evaluate_many(framework, values, 3, 2, ids, NULL, totals, passed, met, &error) != CIVITAS_OK) {
        civitas_framework_free(framework);
        return report_error("evaluating the districts", error);
    }
    for (int i = 0; i < 3; ++i) printf("district %d: total %.2f, %d met, passed %d\n", i, totals[i], met[i], passed[i]);

    /* An unknown indicator: the error names it, in both languages. */
    const char* typo = "{\"built_up_green_coverag\": 31.44}";
    if (civitas_evaluate_json(framework, typo, strlen(typo), &result, &error) != CIVITAS_OK)
        report_error("evaluating with a typo", error);
    civitas_free(result); /* NULL after a failure */
    civitas_framework_free(framework);

    /* A campaign's report in Chinese, as of a date. */
    civitas_campaign* campaign = NULL;
    if (civitas_campaign_load(campaign_path, &campaign, &error) != CIVITAS_OK)
        return report_error("loading the campaign", error);
    char* report = NULL;
    size_t length = 0;
    if (civitas_report_render(campaign, "2025-12-31", "text", "zh", &report, &length, &error) != CIVITAS_OK) {
        civitas_campaign_free(campaign);
        return report_error("rendering the report", error);
    }
    int lines = 0;
    size_t end = 0;
    while (end < length && lines < 8) lines += report[end++] == '\n';
    printf("the report: %zu bytes; its first lines:\n%.*s", length, (int)end, report);
    civitas_free(report);
    civitas_campaign_free(campaign);
    return 0;
}
