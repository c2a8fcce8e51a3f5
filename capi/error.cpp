// Errors, status codes, strings and the version: what every function of the C API shares.

#include "handles.hpp"

#include "core/detail/utf8.hpp"

#include <civitas/version.hpp>

#include <cstdlib>
#include <cstring>
#include <new>

namespace civitas::capi {

// Handed out when not even an error can be allocated; civitas_error_free leaves it alone.
static civitas_error out_of_memory{CIVITAS_E_MEMORY, "out of memory", "内存不足"};

namespace {

// The code and message of the exception in flight.
std::pair<int, Message> classified() {
    try {
        throw;
    } catch (const LimitError& error) {
        return {CIVITAS_E_LIMIT, error.full_message()};
    } catch (const ParseError& error) {
        return {CIVITAS_E_PARSE, error.full_message()};
    } catch (const ValidationError& error) {
        return {CIVITAS_E_VALIDATION, error.full_message()};
    } catch (const NotFoundError& error) {
        return {CIVITAS_E_NOT_FOUND, error.full_message()};
    } catch (const IoError& error) {
        return {CIVITAS_E_IO, error.full_message()};
    } catch (const ArgumentError& error) {
        return {CIVITAS_E_ARGUMENT, error.full_message()};
    } catch (const InvalidUnitsError& error) {
        return {CIVITAS_E_INVALID_UNITS, error.full_message()};
    } catch (const Error& error) {  // input the computation cannot take (AHP comparisons beyond doubles)
        return {CIVITAS_E_VALIDATION, error.full_message()};
    } catch (const std::bad_alloc&) {
        return {CIVITAS_E_MEMORY, Message("out of memory"_en, "内存不足"_zh)};
    } catch (const std::exception& error) {
        return {CIVITAS_E_INTERNAL, Message("internal error: {0}; please report it"_en, "内部错误: {0}；请报告此问题"_zh, {std::string(error.what())})};
    } catch (...) {
        return {CIVITAS_E_INTERNAL, Message("internal error of an unknown kind; please report it"_en, "未知类型的内部错误；请报告此问题"_zh)};
    }
}

}  // namespace

int failure(civitas_error** err) noexcept {
    int code = CIVITAS_E_MEMORY;
    try {
        auto [classified_code, message] = classified();
        code = classified_code;
        if (err != nullptr) *err = new civitas_error{code, message.text(Language::en), message.text(Language::zh)};
    } catch (...) {  // no memory left for the message
        code = CIVITAS_E_MEMORY;  // as the error says
        if (err != nullptr) *err = &out_of_memory;
    }
    return code;
}

void require(const void* pointer, const char* name) {
    if (pointer == nullptr)
        throw ArgumentError(Message("{0} is NULL; expected a pointer"_en, "{0} 为 NULL；应为有效指针"_zh, {std::string(name)}));
}

char* copy_out(const std::string& text) {
    char* copy = static_cast<char*>(std::malloc(text.size() + 1));
    if (copy == nullptr) throw std::bad_alloc();
    std::memcpy(copy, text.c_str(), text.size() + 1);
    return copy;
}

Date date_argument(const char* as_of) {
    if (as_of == nullptr) return boost::gregorian::day_clock::local_day();
    try {
        return parse_date(as_of, "as_of");
    } catch (const ValidationError&) {
        throw ArgumentError(Message("as_of \"{0}\" is not a date; expected YYYY-MM-DD"_en, "as_of \"{0}\" 不是日期；应为 YYYY-MM-DD"_zh,
                                    {detail::quote(as_of)}));
    }
}

std::optional<Language> language_named(const char* lang) noexcept {
    if (lang == nullptr) return std::nullopt;
    if (std::strncmp(lang, "zh", 2) == 0) return Language::zh;
    if (std::strncmp(lang, "en", 2) == 0) return Language::en;
    return std::nullopt;
}

}  // namespace civitas::capi

using namespace civitas;

extern "C" {

int civitas_version(void) { return CIVITAS_VERSION_MAJOR * 10000 + CIVITAS_VERSION_MINOR * 100 + CIVITAS_VERSION_PATCH; }

const char* civitas_version_string(void) { return civitas::version; }

void civitas_free(void* memory) { std::free(memory); }

const char* civitas_error_message(const civitas_error* error, const char* lang) {
    if (error == nullptr) return "";
    return capi::language_named(lang) == Language::zh ? error->chinese.c_str() : error->english.c_str();
}

int civitas_error_code(const civitas_error* error) { return error == nullptr ? CIVITAS_OK : error->code; }

void civitas_error_free(civitas_error* error) {
    if (error != &capi::out_of_memory) delete error;
}

}  // extern "C"
