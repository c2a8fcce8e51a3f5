/*
 * civitas.h: the C API of civitas (C99), for hosts in any language (Java, C#, Go, Python, C).
 *
 * The library is C++ inside; this door is plain C with a stable ABI: opaque handles, explicit
 * ownership, no exception crosses it, and every fallible function returns a status code (0 on
 * success) and, through its last argument, an error readable in English and Chinese.
 * Link with libcivitas_c (pkg-config civitas, or the CMake target civitas::c). docs/c-api.md
 * has a complete example.
 *
 * Ownership: a handle from a _load or _parse function is the caller's, freed with its _free
 * function. Every string the library returns through a `char**` is the caller's, freed with
 * civitas_free(). Strings returned as `const char*` belong to the handle or error they came from
 * and live as long as it does. Free functions accept NULL.
 *
 * Errors: a fallible function takes `civitas_error** err` last. On failure it returns one of the
 * CIVITAS_E_ codes and, when err is not NULL, sets *err to a new error the caller frees with
 * civitas_error_free(); on success it leaves *err alone. err may be NULL when only the code is
 * wanted.
 *
 * Threads: loaded frameworks and campaigns are never changed; any number of threads may use one
 * handle at once, as long as none frees it meanwhile. Errors and returned strings belong to the
 * thread that received them.
 *
 * Text is UTF-8 everywhere: paths, JSON, ids, messages, reports.
 */
#ifndef CIVITAS_H
#define CIVITAS_H

#include <stddef.h>

#if defined(_WIN32) || defined(__CYGWIN__)
#    if defined(CIVITAS_C_BUILDING)
#        define CIVITAS_C_API __declspec(dllexport)
#    else
#        define CIVITAS_C_API __declspec(dllimport)
#    endif
#else
#    define CIVITAS_C_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Status codes: 0 is success, every other value names what went wrong. */
#define CIVITAS_OK 0
#define CIVITAS_E_ARGUMENT 1   /* a NULL handle or pointer, an unknown format, a date that is no YYYY-MM-DD */
#define CIVITAS_E_PARSE 2      /* a file that cannot be opened, or text that is not what its format says (names the line or JSON path) */
#define CIVITAS_E_VALIDATION 3 /* a value that breaks a rule of the model (a weight below 0, a unit's invalid data) */
#define CIVITAS_E_NOT_FOUND 4  /* an id that does not exist (indicator, bundled framework) */
#define CIVITAS_E_IO 5         /* the system refused to write a file (disk full, no permission) */
#define CIVITAS_E_LIMIT 6      /* input past a reader's limits (size, nesting, rows, string length) */
#define CIVITAS_E_MEMORY 7     /* out of memory */
#define CIVITAS_E_INTERNAL 8   /* a fault of civitas itself; please report it */
#define CIVITAS_E_INVALID_UNITS 9 /* civitas_evaluate_many: some units' data is invalid, the others were evaluated */

/* An error: a status code and a message in English and in Chinese. */
typedef struct civitas_error civitas_error;
/* A framework (an assessment standard: indicators, pass lines, weights); read-only once loaded. */
typedef struct civitas_framework civitas_framework;
/* A campaign (titles, plan, observations, targets); read-only once loaded. */
typedef struct civitas_campaign civitas_campaign;

/* The library's version as major * 10000 + minor * 100 + patch (0.1.0 is 100). */
CIVITAS_C_API int civitas_version(void);
/* The library's version as text, "major.minor.patch"; a static string. */
CIVITAS_C_API const char* civitas_version_string(void);

/* Frees a string the library returned through a `char**`; NULL does nothing. */
CIVITAS_C_API void civitas_free(void* memory);

/* The error's whole message (with its file, line or JSON path) in `lang`: Chinese for "zh" and
   names starting with "zh" ("zh-CN", "zh_CN.UTF-8"), English for anything else and NULL; "" for a
   NULL error. The text belongs to the error. */
CIVITAS_C_API const char* civitas_error_message(const civitas_error* error, const char* lang);
/* The error's status code (a CIVITAS_E_ value); CIVITAS_OK for a NULL error. */
CIVITAS_C_API int civitas_error_code(const civitas_error* error);
/* Frees an error; NULL does nothing. */
CIVITAS_C_API void civitas_error_free(civitas_error* error);

/* Loads a framework from a file, or a bundled one by id ("civilized-city-2018") when no file of
   that name exists and the name has no folder and does not end in ".json". */
CIVITAS_C_API int civitas_framework_load(const char* path_or_bundled_id, civitas_framework** out, civitas_error** err);
/* Parses framework JSON text of `length` bytes (docs/format.md); errors name "<string>" and the JSON path. */
CIVITAS_C_API int civitas_framework_parse(const char* json, size_t length, civitas_framework** out, civitas_error** err);
/* Frees a framework; NULL does nothing. */
CIVITAS_C_API void civitas_framework_free(civitas_framework* framework);
/* The framework's id; belongs to the framework. NULL for a NULL framework. */
CIVITAS_C_API const char* civitas_framework_id(const civitas_framework* framework);
/* The number of the framework's indicators; 0 for a NULL framework. */
CIVITAS_C_API size_t civitas_framework_indicator_count(const civitas_framework* framework);
/* The id of indicator `index` (file order, from 0); belongs to the framework. NULL past the end. */
CIVITAS_C_API const char* civitas_framework_indicator_id(const civitas_framework* framework, size_t index);

/* Evaluates one unit. `values_json` (`length` bytes) is a JSON object of indicator id to a number,
   true / false (yes/no items) or null (missing), with optional "unit" and "class" strings:
   {"unit": "lanzhou", "green_coverage": 40.1, "sewage_treatment": 96}. Ids left out are missing
   data. *result_json receives the evaluation as JSON (docs/format.md, "Evaluation as JSON"),
   freed with civitas_free(). An unknown indicator id is CIVITAS_E_NOT_FOUND. */
CIVITAS_C_API int civitas_evaluate_json(const civitas_framework* framework, const char* values_json, size_t length,
                                        char** result_json, civitas_error** err);

/* Evaluates many units at once. `values` is a row-major matrix of `units` rows and `indicators`
   columns; column j holds indicator `indicator_ids[j]` (any order; indicators left out are missing
   data) and NaN is a missing value. `classes` is NULL or one unit class per row (NULL or "" for
   none). Results go into the caller's buffers of `units` entries, each of which may be NULL when
   not wanted: `totals` (on the framework's scale; NaN when no total is given), `passed` (1 or 0)
   and `met` (indicators met). An unknown id is CIVITAS_E_NOT_FOUND, a repeated one
   CIVITAS_E_VALIDATION; on these and every other failure the buffers are left untouched. When
   some units' data is invalid (a value outside an indicator's bounds), the others are evaluated:
   every buffer is filled (those units: total NaN, passed 0, met -1, which marks them) and the
   function returns CIVITAS_E_INVALID_UNITS with an error naming the first such unit by its row
   and saying how many there are. Large batches run on one thread per core. */
CIVITAS_C_API int civitas_evaluate_many(const civitas_framework* framework, const double* values, size_t units,
                                        size_t indicators, const char* const* indicator_ids, const char* const* classes,
                                        double* totals, int* passed, int* met, civitas_error** err);

/* Frees the memory finished batches keep for the next batch of the same shape (at most 64 MiB). */
CIVITAS_C_API void civitas_release_memory(void);

/* The instruction set the numerical kernels run with: "avx512" where the processor has AVX-512
   (F, DQ, VL, BW), else "avx2_fma" where it has AVX2 and FMA, else "baseline" (SSE2 on x86-64);
   the environment variable CIVITAS_SIMD ("baseline" or "avx2_fma"), set before the library is
   loaded, chooses a slower one. A static string: not freed. */
CIVITAS_C_API const char* civitas_simd_path(void);

/* Runs the kernels with `path` ("baseline", "avx2_fma" or "avx512") from now on, in every thread; results
   agree across paths within docs/performance.md's tolerances. CIVITAS_E_ARGUMENT for NULL or an
   unknown name, CIVITAS_E_VALIDATION for a path this processor lacks. */
CIVITAS_C_API int civitas_use_simd_path(const char* path, civitas_error** err);

/* Loads a campaign file with the plan, observation and inspection files it names (docs/format.md);
   the files it names must lie in its folder or below. */
CIVITAS_C_API int civitas_campaign_load(const char* path, civitas_campaign** out, civitas_error** err);
/* Frees a campaign; NULL does nothing. */
CIVITAS_C_API void civitas_campaign_free(civitas_campaign* campaign);

/* Renders the campaign's report on `as_of` ("YYYY-MM-DD"; NULL: today on this machine's clock) as
   `format` ("text", "markdown", "html" or "json"; NULL: "text") in `lang` ("zh" or "en", or a
   name that starts with one, "zh-CN"; NULL: the campaign's language). *out receives the report (NUL-terminated, freed with civitas_free()),
   and *length, when `length` is not NULL, its size in bytes without the NUL. */
CIVITAS_C_API int civitas_report_render(const civitas_campaign* campaign, const char* as_of, const char* format,
                                        const char* lang, char** out, size_t* length, civitas_error** err);

/* The campaign's readiness on `as_of` ("YYYY-MM-DD"; NULL: today) as JSON (docs/format.md,
   "Readiness as JSON"): each title's red / amber / green per unit with the reasons in both
   languages, its evaluations now and projected to the inspection, targets and surveys. *out is
   freed with civitas_free(). */
CIVITAS_C_API int civitas_readiness_json(const civitas_campaign* campaign, const char* as_of, char** out,
                                         civitas_error** err);

/* The campaign's supervision circular (督查通报) on `as_of` ("YYYY-MM-DD"; NULL: today), with the
   changes since `since` (NULL: the same day a month earlier), counting the submissions of the store
   its file names (none when it names none or the store is not made yet), as `format` and in `lang`
   as civitas_report_render takes them (docs/office.md, "The circular"). *out is freed with
   civitas_free(); *length, when not NULL, receives its size in bytes. */
CIVITAS_C_API int civitas_circular_render(const civitas_campaign* campaign, const char* as_of, const char* since, const char* format,
                                          const char* lang, char** out, size_t* length, civitas_error** err);

/* Imports `file` into the store the campaign's file names, in one transaction: a filled CSV
   submission form (any file of it; docs/office.md, "Submission forms") or an observation file
   (CSV or JSON). `submitted_by` (NULL: the form's cover) and `submitted_on` ("YYYY-MM-DD"; NULL:
   today) are its provenance. Any refused cell or record refuses it all (CIVITAS_E_PARSE or
   CIVITAS_E_VALIDATION naming each, nothing stored) unless `partial` is not 0, which stores the
   rest. *out receives what changed as one line in `lang` (NULL: English), freed with civitas_free().
   The campaign handle is not updated: load the campaign again to see the new values. */
CIVITAS_C_API int civitas_store_import(const civitas_campaign* campaign, const char* file, const char* submitted_by,
                                       const char* submitted_on, int partial, const char* lang, char** out, civitas_error** err);

#ifdef __cplusplus
}
#endif

#endif /* CIVITAS_H */
