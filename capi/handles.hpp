#pragma once
// What the C API's opaque handles hold, and the one door through which C++ exceptions leave as
// status codes: every function of civitas.h runs its body in `guarded`.

#include <civitas/civitas.h>
#include <civitas/core/error.hpp>
#include <civitas/framework/framework.hpp>
#include <civitas/plan/calendar.hpp>
#include <civitas/report/format.hpp>
#include <civitas/tracking/campaign.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

struct civitas_error {
    int code;
    std::string english;
    std::string chinese;
};

struct civitas_framework {
    civitas::Framework framework;
};

struct civitas_campaign {
    civitas::Campaign campaign;
    std::filesystem::path file;  // the campaign file, for the store it names
};

namespace civitas::capi {

/// A caller's mistake at the door (a NULL pointer, an unknown format): CIVITAS_E_ARGUMENT.
class ArgumentError : public Error {
public:
    using Error::Error;
};

/// Some units of a batch have invalid data, the others were evaluated: CIVITAS_E_INVALID_UNITS.
class InvalidUnitsError : public Error {
public:
    using Error::Error;
};

/// The status code of the exception in flight, with *err set to a new error when err is not
/// NULL. Called only from a catch block.
int failure(civitas_error** err) noexcept;

/// Runs `body`: CIVITAS_OK when it returns, else the code of what it threw (failure()).
template <class Body>
int guarded(civitas_error** err, Body&& body) noexcept {
    try {
        std::forward<Body>(body)();
        return CIVITAS_OK;
    } catch (...) {
        return failure(err);
    }
}

/// Throws ArgumentError when `pointer` is NULL: "{name} is NULL".
void require(const void* pointer, const char* name);
/// Sets *out to NULL, so that a failed call leaves no stale handle; throws when out is NULL.
template <class T>
void clear_out(T** out, const char* name) {
    require(out, name);
    *out = nullptr;
}
/// A copy of `text` the caller frees with civitas_free, NUL-terminated.
char* copy_out(const std::string& text);
/// The date `as_of` names ("YYYY-MM-DD"), today on this machine's clock for NULL; ArgumentError otherwise.
Date date_argument(const char* as_of);
/// The report format `text` names ("text", "markdown", "html", "json"), else ArgumentError listing them.
ReportFormat format_named(const char* text);
/// The language `lang` names (language_named), none for NULL; ArgumentError for anything else.
std::optional<Language> language_argument(const char* lang);
/// The language `lang` names: "zh" and names that start with it ("zh-CN", "zh_CN.UTF-8") are
/// Chinese, "en" and names that start with it English; none for NULL or anything else.
std::optional<Language> language_named(const char* lang) noexcept;

}  // namespace civitas::capi
