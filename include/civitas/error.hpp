#pragma once
/// Errors thrown by civitas: every one derives from civitas::Error.

#include <civitas/export.hpp>

#include <stdexcept>
#include <string>

namespace civitas {

/// Base of every error civitas throws.
class CIVITAS_EXPORT Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A value breaks a rule of the model; `path` says where ("$.categories[0].indicators[2].weight").
class CIVITAS_EXPORT ValidationError : public Error {
public:
    ValidationError(std::string path, const std::string& message);
    /// JSON-path of the offending value, "$" for the whole object.
    [[nodiscard]] const std::string& path() const noexcept { return path_; }

private:
    std::string path_;
};

/// A file could not be read or parsed; names the file and the line or JSON path.
class CIVITAS_EXPORT ParseError : public Error {
public:
    ParseError(std::string file, std::string location, const std::string& message);
    /// File name as given by the caller ("<string>" for in-memory text).
    [[nodiscard]] const std::string& file() const noexcept { return file_; }
    /// "line 12", "line 12, column 3" or a JSON path such as "$.indicators[3].pass".
    [[nodiscard]] const std::string& location() const noexcept { return location_; }

private:
    std::string file_;
    std::string location_;
};

/// An id that was asked for does not exist (indicator, unit, bundled framework).
class CIVITAS_EXPORT NotFoundError : public Error {
public:
    using Error::Error;
};

}  // namespace civitas
