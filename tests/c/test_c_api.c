/* The C API from C (compiled as C99, not C++): every function of civitas.h, every error path,
   with and without an error out-parameter, and one handle shared by several threads. Run by
   ctest, and under AddressSanitizer (leaks included), UndefinedBehaviorSanitizer and
   ThreadSanitizer by the sanitizer presets. Exits 0 when every check holds; prints each failed
   check with its line. */
#define _POSIX_C_SOURCE 200809L

#include <civitas/civitas.h>

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

#define CHECK(condition)                                                              \
    do {                                                                              \
        if (!(condition)) {                                                           \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
            ++failures;                                                               \
        }                                                                             \
    } while (0)

/* A path under the source tree. */
static const char* repo(const char* relative) {
    static char path[4096];
    snprintf(path, sizeof path, "%s/%s", CIVITAS_REPO_DIR, relative);
    return path;
}

/* True when `text` holds a character of the CJK block (U+4E00..U+9FFF: UTF-8 lead bytes E4..E9). */
static int has_chinese(const char* text) {
    for (; *text != '\0'; ++text) {
        const unsigned char c = (unsigned char)*text;
        if (c >= 0xE4 && c <= 0xE9) return 1;
    }
    return 0;
}

/* Checks that a call failed with `code` and an error whose messages hold `english` and `chinese`
   (either may be NULL: not checked), then frees the error. */
static void check_error(int line, int status, civitas_error* error, int code, const char* english, const char* chinese) {
    if (status != code || error == NULL || civitas_error_code(error) != code) {
        fprintf(stderr, "%s:%d: expected code %d, got status %d and error %p (code %d): %s\n", __FILE__, line, code,
                status, (void*)error, civitas_error_code(error), civitas_error_message(error, "en"));
        ++failures;
        civitas_error_free(error);
        return;
    }
    const char* en = civitas_error_message(error, "en");
    const char* zh = civitas_error_message(error, "zh");
    if ((english != NULL && strstr(en, english) == NULL) || (chinese != NULL && strstr(zh, chinese) == NULL) ||
        !has_chinese(zh) || strcmp(en, zh) == 0) {
        fprintf(stderr, "%s:%d: the messages do not say \"%s\" / \"%s\":\n  en: %s\n  zh: %s\n", __FILE__, line,
                english ? english : "", chinese ? chinese : "", en, zh);
        ++failures;
    }
    /* "zh-CN" and "zh_CN.UTF-8" read Chinese; NULL and anything else English. */
    CHECK(strcmp(civitas_error_message(error, "zh_CN.UTF-8"), zh) == 0);
    CHECK(strcmp(civitas_error_message(error, NULL), en) == 0);
    CHECK(strcmp(civitas_error_message(error, "fr"), en) == 0);
    civitas_error_free(error);
}
/* Runs `call`, which passes &err as its error argument, and checks it fails so. */
#define CHECK_FAILS(code, english, chinese, call)                      \
    do {                                                               \
        civitas_error* err = NULL;                                     \
        const int status_ = (call);                                    \
        check_error(__LINE__, status_, err, code, english, chinese);   \
    } while (0)

/* The number after `"key": ` in a JSON text, NaN when absent or null. */
static double json_number(const char* json, const char* key) {
    char pattern[128];
    snprintf(pattern, sizeof pattern, "\"%s\": ", key);
    const char* at = strstr(json, pattern);
    if (at == NULL) return NAN;
    at += strlen(pattern);
    char* end = NULL;
    const double value = strtod(at, &end);
    return end == at ? NAN : value;
}

static const char small_framework[] =
    "{\"id\": \"small\", \"name\": \"Small\", \"reliability\": \"illustrative\", \"indicators\": ["
    "{\"id\": \"green\", \"pass\": 40, \"pass_by_class\": {\"big\": 45}, \"bounds\": [0, 100]},"
    "{\"id\": \"noise\", \"direction\": \"lower\", \"pass\": 55},"
    "{\"id\": \"plan\", \"direction\": \"yes_no\"}]}";

static void test_version(void) {
    int major = -1, minor = -1, patch = -1;
    CHECK(sscanf(civitas_version_string(), "%d.%d.%d", &major, &minor, &patch) == 3);
    CHECK(civitas_version() == major * 10000 + minor * 100 + patch);
    CHECK(civitas_version() >= 100);
}

/* The SIMD path: a name, every known path chosen where the processor has it, others refused. */
static void test_simd_path(void) {
    static const char* const paths[] = {"baseline", "avx2_fma", "avx512"};
    const char* start = civitas_simd_path();
    int known = 0;
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; ++i) known |= strcmp(start, paths[i]) == 0;
    CHECK(known);
    CHECK(civitas_use_simd_path("baseline", NULL) == CIVITAS_OK);
    CHECK(strcmp(civitas_simd_path(), "baseline") == 0);
    for (size_t i = 1; i < sizeof paths / sizeof paths[0]; ++i) {
        if (civitas_use_simd_path(paths[i], NULL) == CIVITAS_OK) {
            CHECK(strcmp(civitas_simd_path(), paths[i]) == 0);
        } else {
            char expected[64];
            snprintf(expected, sizeof expected, "'%s' is not available on this processor", paths[i]);
            CHECK_FAILS(CIVITAS_E_VALIDATION, expected, paths[i], civitas_use_simd_path(paths[i], &err));
        }
    }
    CHECK_FAILS(CIVITAS_E_ARGUMENT, "path 'neon' is unknown; expected one of 'baseline', 'avx2_fma', 'avx512'", "未知",
                civitas_use_simd_path("neon", &err));
    CHECK_FAILS(CIVITAS_E_ARGUMENT, "path is NULL", "path", civitas_use_simd_path(NULL, &err));
    CHECK(civitas_use_simd_path(start, NULL) == CIVITAS_OK);
    CHECK(strcmp(civitas_simd_path(), start) == 0);
}

static void test_nulls_are_harmless(void) {
    civitas_free(NULL);
    civitas_error_free(NULL);
    civitas_framework_free(NULL);
    civitas_campaign_free(NULL);
    CHECK(strcmp(civitas_error_message(NULL, "en"), "") == 0);
    CHECK(civitas_error_code(NULL) == CIVITAS_OK);
    CHECK(civitas_framework_id(NULL) == NULL);
    CHECK(civitas_framework_indicator_count(NULL) == 0);
    CHECK(civitas_framework_indicator_id(NULL, 0) == NULL);
}

static void test_framework_load(void) {
    civitas_framework* framework = NULL;
    civitas_error* error = NULL;
    /* A bundled framework by id: the library finds its data beside itself, no environment needed. */
    CHECK(civitas_framework_load("garden-city-2010", &framework, &error) == CIVITAS_OK);
    CHECK(error == NULL);
    CHECK(framework != NULL && strcmp(civitas_framework_id(framework), "garden-city-2010") == 0);
    CHECK(civitas_framework_indicator_count(framework) > 10);
    civitas_framework_free(framework);

    /* The same by path. */
    framework = NULL;
    CHECK(civitas_framework_load(repo("data/frameworks/lanzhou-illustrative.json"), &framework, NULL) == CIVITAS_OK);
    CHECK(framework != NULL && strcmp(civitas_framework_id(framework), "lanzhou-illustrative") == 0);
    civitas_framework_free(framework);

    /* An unknown id: the message lists the ids there are. */
    framework = (civitas_framework*)&error; /* a stale value the failed call must clear */
    const int status = civitas_framework_load("no-such-framework", &framework, &error);
    CHECK(framework == NULL);
    check_error(__LINE__, status, error, CIVITAS_E_NOT_FOUND, "garden-city-2010", "no-such-framework");

    /* A file that is not there, one that is not JSON, one that breaks a rule: each names the file. */
    CHECK_FAILS(CIVITAS_E_PARSE, "no/such/file.json", "no/such/file.json",
                civitas_framework_load("no/such/file.json", &framework, &err));
    CHECK_FAILS(CIVITAS_E_PARSE, "not-json.json: line 2", "not-json.json",
                civitas_framework_load(repo("tests/c/data/not-json.json"), &framework, &err));
    CHECK_FAILS(CIVITAS_E_PARSE, "$.indicators[1].weight", "$.indicators[1].weight",
                civitas_framework_load(repo("tests/c/data/negative-weight.json"), &framework, &err));

    /* The NULL err form: only the code. */
    CHECK(civitas_framework_load("no-such-framework", &framework, NULL) == CIVITAS_E_NOT_FOUND);
    CHECK(framework == NULL);

    /* NULL arguments. */
    CHECK_FAILS(CIVITAS_E_ARGUMENT, "path_or_bundled_id", "NULL",
                civitas_framework_load(NULL, &framework, &err));
    CHECK_FAILS(CIVITAS_E_ARGUMENT, "out", "NULL",
                civitas_framework_load("garden-city-2010", NULL, &err));
}

static void test_framework_parse(void) {
    civitas_framework* framework = NULL;
    civitas_error* error = NULL;
    CHECK(civitas_framework_parse(small_framework, strlen(small_framework), &framework, &error) == CIVITAS_OK);
    CHECK(error == NULL && framework != NULL);
    CHECK(strcmp(civitas_framework_id(framework), "small") == 0);
    CHECK(civitas_framework_indicator_count(framework) == 3);
    CHECK(strcmp(civitas_framework_indicator_id(framework, 0), "green") == 0);
    CHECK(strcmp(civitas_framework_indicator_id(framework, 2), "plan") == 0);
    CHECK(civitas_framework_indicator_id(framework, 3) == NULL);
    civitas_framework_free(framework);

    /* The length bounds the text: the same text cut short is malformed, at its line and column. */
    CHECK_FAILS(CIVITAS_E_PARSE, "<string>: line 1, column", "<string>",
                civitas_framework_parse(small_framework, 20, &framework, &err));
    CHECK(framework == NULL);

    /* A full-width comma typed for an ASCII one is named as such. */
    static const char fullwidth[] = "{\"id\": \"x\"\xEF\xBC\x8C \"name\": \"x\"}";
    CHECK_FAILS(CIVITAS_E_PARSE, "line 1", "，",
                civitas_framework_parse(fullwidth, strlen(fullwidth), &framework, &err));

    /* A string past the readers' limit of 64 KiB. */
    const size_t size = 70 * 1024;
    char* huge = malloc(size + 16);
    CHECK(huge != NULL);
    if (huge != NULL) {
        strcpy(huge, "{\"id\": \"");
        memset(huge + 8, 'x', size);
        strcpy(huge + 8 + size, "\"}");
        CHECK_FAILS(CIVITAS_E_LIMIT, "65536", "65536",
                civitas_framework_parse(huge, strlen(huge), &framework, &err));
        free(huge);
    }
    CHECK_FAILS(CIVITAS_E_ARGUMENT, "json", "json",
                civitas_framework_parse(NULL, 0, &framework, &err));
    CHECK(civitas_framework_parse("{", 1, &framework, NULL) == CIVITAS_E_PARSE);
}

static void test_evaluate(void) {
    civitas_framework* framework = NULL;
    CHECK(civitas_framework_parse(small_framework, strlen(small_framework), &framework, NULL) == CIVITAS_OK);
    if (framework == NULL) return;

    /* One unit from JSON: green met, noise 60 above its line of 55, plan true (yes). */
    static const char values[] = "{\"unit\": \"lanzhou\", \"green\": 41.5, \"noise\": 60, \"plan\": true}";
    char* result = NULL;
    civitas_error* error = NULL;
    CHECK(civitas_evaluate_json(framework, values, strlen(values), &result, &error) == CIVITAS_OK);
    CHECK(error == NULL && result != NULL);
    if (result != NULL) {
        CHECK(strstr(result, "\"unit\": \"lanzhou\"") != NULL);
        CHECK(json_number(result, "met") == 2);
        CHECK(fabs(json_number(result, "total") - 200.0 / 3.0) < 1e-9); /* equal weights: 2 of 3 */
        CHECK(strstr(result, "\"outcome\": \"not_met\"") != NULL);
    }

    /* The same unit through the matrix door agrees; NaN is missing data. */
    const char* ids[] = {"plan", "green", "noise"};
    const double matrix[] = {1, 41.5, 60,     /* the unit above */
                             0, 30, NAN,      /* plan not met, green not met, noise missing */
                             1, 100, 20};     /* everything met */
    double totals[3] = {-1, -1, -1};
    int passed[3] = {-1, -1, -1}, met[3] = {-1, -1, -1};
    CHECK(civitas_evaluate_many(framework, matrix, 3, 3, ids, NULL, totals, passed, met, &error) == CIVITAS_OK);
    CHECK(error == NULL);
    if (result != NULL) CHECK(fabs(totals[0] - json_number(result, "total")) < 1e-12);
    CHECK(met[0] == 2 && met[1] == 0 && met[2] == 3);
    CHECK(fabs(totals[2] - 100.0) < 1e-12);
    CHECK(passed[2] == 1 && passed[1] == 0);
    civitas_free(result);

    /* Buffers not wanted may be NULL; no units is no work. */
    CHECK(civitas_evaluate_many(framework, matrix, 3, 3, ids, NULL, NULL, NULL, met, NULL) == CIVITAS_OK);
    CHECK(civitas_evaluate_many(framework, NULL, 0, 3, ids, NULL, NULL, NULL, NULL, NULL) == CIVITAS_OK);

    /* Classes pick class lines: a big city's green line is 45, so 41.5 misses it. */
    const char* classes[] = {"big", NULL, ""};
    CHECK(civitas_evaluate_many(framework, matrix, 3, 3, ids, classes, totals, passed, met, NULL) == CIVITAS_OK);
    CHECK(met[0] == 1 && met[1] == 0 && met[2] == 3);

    /* A unit with invalid data (a yes/no value of 2): the others are still evaluated, and -1 met
       marks it. */
    const double bad[] = {1, 41.5, 60, 2, 50, 50};
    totals[1] = -1;
    CHECK_FAILS(CIVITAS_E_INVALID_UNITS, "1 of 2 units", "第 1 行",
                civitas_evaluate_many(framework, bad, 2, 3, ids, NULL, totals, passed, met, &err));
    CHECK(met[0] == 2 && isnan(totals[1]) && passed[1] == 0 && met[1] == -1);
    civitas_release_memory();

    /* Column ids: unknown, repeated, NULL; on these failures the buffers are left untouched. */
    totals[0] = -7;
    met[0] = -7;
    const char* unknown[] = {"plan", "greeen", "noise"};
    CHECK_FAILS(CIVITAS_E_NOT_FOUND, "greeen", "greeen",
                civitas_evaluate_many(framework, matrix, 3, 3, unknown, NULL, totals, NULL, NULL, &err));
    const char* twice[] = {"plan", "green", "green"};
    CHECK_FAILS(CIVITAS_E_VALIDATION, "green", "green",
                civitas_evaluate_many(framework, matrix, 3, 3, twice, NULL, totals, NULL, NULL, &err));
    CHECK(totals[0] == -7 && met[0] == -7);
    const char* hole[] = {"plan", NULL, "noise"};
    CHECK_FAILS(CIVITAS_E_ARGUMENT, "indicator_ids[1]", "indicator_ids[1]",
                civitas_evaluate_many(framework, matrix, 3, 3, hole, NULL, totals, NULL, NULL, &err));
    CHECK_FAILS(CIVITAS_E_ARGUMENT, "values", "values",
                civitas_evaluate_many(framework, NULL, 3, 3, ids, NULL, totals, NULL, NULL, &err));
    /* A matrix too large to address is refused before anything is read. */
    CHECK_FAILS(CIVITAS_E_LIMIT, "units", "单位",
                civitas_evaluate_many(framework, matrix, (size_t)-1 / 2, 3, ids, NULL, totals, NULL, NULL, &err));
    CHECK_FAILS(CIVITAS_E_LIMIT, "units", "单位",
                civitas_evaluate_many(framework, NULL, (size_t)-1, 0, NULL, NULL, NULL, NULL, NULL, &err));
    CHECK_FAILS(CIVITAS_E_LIMIT, "values", "取值",
                civitas_evaluate_many(framework, matrix, 20000, 9000, ids, NULL, NULL, NULL, NULL, &err));

    /* Values JSON: an unknown id, a value of the wrong type, not an object, malformed. */
    static const char unknown_json[] = "{\"greeen\": 41.5}";
    CHECK_FAILS(CIVITAS_E_NOT_FOUND, "greeen", "greeen",
                civitas_evaluate_json(framework, unknown_json, strlen(unknown_json), &result, &err));
    CHECK(result == NULL);
    static const char wrong_type[] = "{\"green\": \"41.5\"}";
    CHECK_FAILS(CIVITAS_E_PARSE, "$.green", "$.green",
                civitas_evaluate_json(framework, wrong_type, strlen(wrong_type), &result, &err));
    static const char not_object[] = "[41.5]";
    CHECK_FAILS(CIVITAS_E_PARSE, "an object", "对象",
                civitas_evaluate_json(framework, not_object, strlen(not_object), &result, &err));
    static const char out_of_bounds[] = "{\"green\": 140}";
    CHECK_FAILS(CIVITAS_E_VALIDATION, "green", "green",
                civitas_evaluate_json(framework, out_of_bounds, strlen(out_of_bounds), &result, &err));
    CHECK(civitas_evaluate_json(framework, "{", 1, &result, NULL) == CIVITAS_E_PARSE);
    CHECK_FAILS(CIVITAS_E_ARGUMENT, "framework", "framework",
                civitas_evaluate_json(NULL, values, strlen(values), &result, &err));
    civitas_framework_free(framework);
}

static void test_campaign(void) {
    civitas_campaign* campaign = NULL;
    civitas_error* error = NULL;
    CHECK(civitas_campaign_load(repo("examples/lanzhou/campaign.json"), &campaign, &error) == CIVITAS_OK);
    CHECK(error == NULL && campaign != NULL);
    if (campaign == NULL) return;

    /* Every format in both languages; the length is the text's. */
    const char* formats[] = {"text", "markdown", "html", "json"};
    for (int f = 0; f < 4; ++f) {
        for (int l = 0; l < 2; ++l) {
            char* report = NULL;
            size_t length = 0;
            const char* lang = l == 0 ? "zh" : "en";
            CHECK(civitas_report_render(campaign, "2025-12-31", formats[f], lang, &report, &length, &error) == CIVITAS_OK);
            CHECK(error == NULL && report != NULL);
            if (report == NULL) continue;
            CHECK(length == strlen(report) && length > 1000);
            if (f == 2) CHECK(strncmp(report, "<!DOCTYPE html>", 15) == 0);
            if (f == 3) CHECK(strstr(report, "\"civitas-report/1\"") != NULL);
            /* The plan's money: 41.45 million paid of 80.7, one line overspent (the 金沟 plant). */
            if (f == 3) CHECK(strstr(report, "\"spent\": 41450000.0") != NULL && strstr(report, "\"over_budget_total\": 1") != NULL);
            if (f == 0 && l == 0) CHECK(strstr(report, "兰州") != NULL && strstr(report, "超预算支出") != NULL);
            if (f == 0 && l == 1) CHECK(strstr(report, "campaign report") != NULL && strstr(report, "31 Dec 2025") != NULL);
            civitas_free(report);
        }
    }
    /* Defaults: text, the campaign's language (Chinese); the length may be left out. */
    char* report = NULL;
    CHECK(civitas_report_render(campaign, "2025-12-31", NULL, NULL, &report, NULL, NULL) == CIVITAS_OK);
    CHECK(report != NULL && has_chinese(report));
    civitas_free(report);

    /* A host's locale name reads as its language. */
    char* chinese = NULL;
    CHECK(civitas_report_render(campaign, "2025-12-31", "text", "zh", &chinese, NULL, NULL) == CIVITAS_OK);
    CHECK(civitas_report_render(campaign, "2025-12-31", "text", "zh_CN.UTF-8", &report, NULL, NULL) == CIVITAS_OK);
    CHECK(chinese != NULL && report != NULL && strcmp(chinese, report) == 0);
    civitas_free(chinese);
    civitas_free(report);

    /* Bad arguments. */
    size_t length = 99;
    CHECK_FAILS(CIVITAS_E_ARGUMENT, "2025-13-01", "YYYY-MM-DD",
                civitas_report_render(campaign, "2025-13-01", "text", "zh", &report, &length, &err));
    CHECK(report == NULL && length == 0);
    CHECK_FAILS(CIVITAS_E_ARGUMENT, "\"pdf\"", "\"markdown\"",
                civitas_report_render(campaign, "2025-12-31", "pdf", "zh", &report, NULL, &err));
    CHECK_FAILS(CIVITAS_E_ARGUMENT, "\"fr\"", "\"zh\"",
                civitas_report_render(campaign, "2025-12-31", "text", "fr", &report, NULL, &err));
    CHECK_FAILS(CIVITAS_E_ARGUMENT, "campaign", "campaign",
                civitas_report_render(NULL, "2025-12-31", "text", "zh", &report, NULL, &err));
    CHECK_FAILS(CIVITAS_E_ARGUMENT, "out", "out",
                civitas_report_render(campaign, "2025-12-31", "text", "zh", NULL, NULL, &err));

    /* The readiness as JSON: red / amber / green per unit, the reasons in both languages. */
    char* readiness = NULL;
    CHECK(civitas_readiness_json(campaign, "2025-12-31", &readiness, &error) == CIVITAS_OK);
    CHECK(error == NULL && readiness != NULL);
    if (readiness != NULL) {
        CHECK(strstr(readiness, "\"format\": \"civitas-readiness/1\"") != NULL);
        CHECK(strstr(readiness, "\"as_of\": \"2025-12-31\"") != NULL);
        CHECK(strstr(readiness, "\"rag\": \"red\"") != NULL && strstr(readiness, "\"reason_zh\"") != NULL);
        CHECK(has_chinese(readiness) && strstr(readiness, "NaN") == NULL);
    }
    civitas_free(readiness);
    CHECK(civitas_readiness_json(campaign, NULL, &readiness, NULL) == CIVITAS_OK); /* today */
    civitas_free(readiness);
    CHECK_FAILS(CIVITAS_E_ARGUMENT, "31/12/2025", "YYYY-MM-DD",
                civitas_readiness_json(campaign, "31/12/2025", &readiness, &err));
    CHECK(readiness == NULL);
    CHECK_FAILS(CIVITAS_E_ARGUMENT, "campaign", "campaign", civitas_readiness_json(NULL, "2025-12-31", &readiness, &err));
    CHECK_FAILS(CIVITAS_E_ARGUMENT, "out", "out", civitas_readiness_json(campaign, "2025-12-31", NULL, &err));
    civitas_campaign_free(campaign);

    /* Campaign files that cannot be loaded name the file. */
    campaign = (civitas_campaign*)&report; /* a stale value the failed call must clear */
    CHECK_FAILS(CIVITAS_E_PARSE, "no-such-campaign.json", "no-such-campaign.json",
                civitas_campaign_load(repo("tests/c/data/no-such-campaign.json"), &campaign, &err));
    CHECK(campaign == NULL);
    CHECK_FAILS(CIVITAS_E_PARSE, "line 2", "not-json.json",
                civitas_campaign_load(repo("tests/c/data/not-json.json"), &campaign, &err));
    CHECK(civitas_campaign_load(NULL, &campaign, NULL) == CIVITAS_E_ARGUMENT);
}

/* Several threads share one framework and one campaign: each result equals the one-thread result. */
struct shared_handles {
    const civitas_framework* framework;
    const civitas_campaign* campaign;
    const char* expected_evaluation;
    const char* expected_report;
};

/* Writes `text` to `folder`/`name`. */
static void write_file(const char* folder, const char* name, const char* text) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", folder, name);
    FILE* file = fopen(path, "wb");
    CHECK(file != NULL);
    if (file == NULL) return;
    fputs(text, file);
    fclose(file);
}

/* The office's loop: an observation file imported into the store the campaign names, all or
   nothing; the circular counting the store's submissions; the Lanzhou example's circular. */
static void test_office(void) {
    civitas_campaign* lanzhou = NULL;
    CHECK(civitas_campaign_load(repo("examples/lanzhou/campaign.json"), &lanzhou, NULL) == CIVITAS_OK);
    char* circular = NULL;
    size_t length = 0;
    civitas_error* error = NULL;
    CHECK(civitas_circular_render(lanzhou, "2025-12-31", NULL, "json", "en", &circular, &length, &error) == CIVITAS_OK);
    CHECK(error == NULL && circular != NULL && length == strlen(circular));
    if (circular != NULL) {
        CHECK(strstr(circular, "\"format\": \"civitas-circular/1\"") != NULL);
        CHECK(strstr(circular, "\"submissions_late\": 2") != NULL); /* the example's store is read */
    }
    civitas_free(circular);
    CHECK(civitas_circular_render(lanzhou, "2025-12-31", "2025-11-30", NULL, "zh", &circular, NULL, NULL) == CIVITAS_OK);
    CHECK(circular != NULL && strstr(circular, "督查通报") != NULL);
    civitas_free(circular);
    CHECK_FAILS(CIVITAS_E_ARGUMENT, "\"pdf\"", "\"pdf\"", civitas_circular_render(lanzhou, "2025-12-31", NULL, "pdf", NULL, &circular, NULL, &err));
    CHECK_FAILS(CIVITAS_E_ARGUMENT, "campaign", "campaign", civitas_circular_render(NULL, NULL, NULL, NULL, NULL, &circular, NULL, &err));
    civitas_campaign_free(lanzhou);

    char folder[] = "/tmp/civitas-c-office-XXXXXX";
    CHECK(mkdtemp(folder) != NULL);
    write_file(folder, "campaign.json",
               "{\"id\": \"city\", \"titles\": [{\"id\": \"garden\", \"framework\": \"lanzhou-illustrative\"}],\n"
               " \"units\": [{\"id\": \"city\"}, {\"id\": \"east\", \"parent\": \"city\"}], \"departments\": [{\"id\": \"gardens\"}],\n"
               " \"store\": \"city.db\"}\n");
    write_file(folder, "good.csv", "unit,indicator,date,value\neast,built_up_green_coverage,2026-02-28,37.5\n");
    write_file(folder, "bad.csv", "unit,indicator,date,value\neast,built_up_green_coverage,2026-02-28,38\neast,built_up_green_coverage,2026-03-31,130\n");
    char path[4096];
    snprintf(path, sizeof path, "%s/campaign.json", folder);
    civitas_campaign* campaign = NULL;
    CHECK(civitas_campaign_load(path, &campaign, NULL) == CIVITAS_OK);
    char* changed = NULL;
    snprintf(path, sizeof path, "%s/good.csv", folder);
    CHECK(civitas_store_import(campaign, path, "王伟", "2026-03-03", 0, "en", &changed, &error) == CIVITAS_OK);
    CHECK(changed != NULL && strcmp(changed, "submission 1: 1 observations (1 new, 0 corrections), 0 task reports (0 finished), "
                                             "0 problem updates (0 closed), 0 payments, 0 records rejected") == 0);
    civitas_free(changed);
    /* A value outside its bounds refuses the whole file; partial takes the rest. */
    snprintf(path, sizeof path, "%s/bad.csv", folder);
    CHECK_FAILS(CIVITAS_E_VALIDATION, "130", "130", civitas_store_import(campaign, path, "王伟", "2026-04-03", 0, "zh", &changed, &err));
    CHECK(changed == NULL);
    CHECK(civitas_store_import(campaign, path, "王伟", "2026-04-03", 1, "zh", &changed, NULL) == CIVITAS_OK);
    CHECK(changed != NULL && strstr(changed, "报送 2：观测值 1 条（新增 0 条，更正 1 条）") != NULL);
    civitas_free(changed);
    CHECK_FAILS(CIVITAS_E_ARGUMENT, "file", "file", civitas_store_import(campaign, NULL, NULL, NULL, 0, NULL, &changed, &err));
    CHECK_FAILS(CIVITAS_E_ARGUMENT, "31/12/2025", "YYYY-MM-DD", civitas_store_import(campaign, path, NULL, "31/12/2025", 0, NULL, &changed, &err));
    civitas_campaign_free(campaign);
    snprintf(path, sizeof path, "rm -rf '%s'", folder);
    CHECK(system(path) == 0);
}

static void* use_handles(void* argument) {
    struct shared_handles* shared = argument;
    int mismatches = 0;
    for (int round = 0; round < 3; ++round) {
        static const char values[] = "{\"green\": 41.5, \"noise\": 60, \"plan\": true}";
        char* evaluation = NULL;
        char* report = NULL;
        if (civitas_evaluate_json(shared->framework, values, strlen(values), &evaluation, NULL) != CIVITAS_OK ||
            strcmp(evaluation, shared->expected_evaluation) != 0)
            ++mismatches;
        if (civitas_report_render(shared->campaign, "2025-12-31", "json", "en", &report, NULL, NULL) != CIVITAS_OK ||
            strcmp(report, shared->expected_report) != 0)
            ++mismatches;
        civitas_free(evaluation);
        civitas_free(report);
        const char* ids[] = {"green", "noise", "plan"};
        const double rows[] = {41.5, 60, 1, 30, 50, 0};
        double totals[2] = {0, 0};
        if (civitas_evaluate_many(shared->framework, rows, 2, 3, ids, NULL, totals, NULL, NULL, NULL) != CIVITAS_OK ||
            fabs(totals[0] - 200.0 / 3.0) > 1e-12 || fabs(totals[1] - 100.0 / 3.0) > 1e-12)
            ++mismatches;
    }
    return (void*)(size_t)mismatches;
}

static void test_threads(void) {
    civitas_framework* framework = NULL;
    civitas_campaign* campaign = NULL;
    CHECK(civitas_framework_parse(small_framework, strlen(small_framework), &framework, NULL) == CIVITAS_OK);
    CHECK(civitas_campaign_load(repo("examples/lanzhou/campaign.json"), &campaign, NULL) == CIVITAS_OK);
    if (framework == NULL || campaign == NULL) {
        civitas_framework_free(framework);
        civitas_campaign_free(campaign);
        return;
    }
    static const char values[] = "{\"green\": 41.5, \"noise\": 60, \"plan\": true}";
    char* evaluation = NULL;
    char* report = NULL;
    CHECK(civitas_evaluate_json(framework, values, strlen(values), &evaluation, NULL) == CIVITAS_OK);
    CHECK(civitas_report_render(campaign, "2025-12-31", "json", "en", &report, NULL, NULL) == CIVITAS_OK);
    struct shared_handles shared = {framework, campaign, evaluation, report};
    pthread_t threads[4];
    for (int t = 0; t < 4; ++t) CHECK(pthread_create(&threads[t], NULL, use_handles, &shared) == 0);
    for (int t = 0; t < 4; ++t) {
        void* mismatches = NULL;
        CHECK(pthread_join(threads[t], &mismatches) == 0);
        CHECK(mismatches == NULL);
    }
    civitas_free(evaluation);
    civitas_free(report);
    civitas_framework_free(framework);
    civitas_campaign_free(campaign);
}

int main(void) {
    test_version();
    test_simd_path();
    test_nulls_are_harmless();
    test_framework_load();
    test_framework_parse();
    test_evaluate();
    test_campaign();
    test_office();
    test_threads();
    if (failures != 0) {
        fprintf(stderr, "%d checks failed\n", failures);
        return 1;
    }
    printf("every check of the C API held\n");
    return 0;
}
