#pragma once
/// Errors thrown by civitas: every one derives from civitas::Error, and every message can be
/// read in Chinese or English (`what()` is the English).

#include <civitas/core/message.hpp>
#include <civitas/export.hpp>

#include <stdexcept>
#include <string>

namespace civitas {

/// Base of every error civitas throws.
class CIVITAS_CORE_EXPORT Error : public std::runtime_error {
public:
    /// An error saying `message`.
    explicit Error(Message message);

    /// The whole message in `language`, with its file, line or path; `what()` is the English.
    [[nodiscard]] std::string message(Language language) const { return whole_.text(language); }
    /// The whole message as a Message, to quote inside another one ("cannot read the plan file: {0}").
    [[nodiscard]] const Message& full_message() const noexcept { return whole_; }
    /// What is wrong, without the file, line or path in front.
    [[nodiscard]] const Message& detail() const noexcept { return detail_; }

protected:
    /// An error whose whole message puts a place in front of `detail`.
    Error(Message whole, Message detail);

private:
    Message whole_;
    Message detail_;
};

/// A value breaks a rule of the model; `path` says where ("$.categories[0].indicators[2].weight").
class CIVITAS_CORE_EXPORT ValidationError : public Error {
public:
    /// "path: message".
    ValidationError(std::string path, Message message);
    /// JSON-path of the offending value, "$" for the whole object.
    [[nodiscard]] const std::string& path() const noexcept { return path_; }

private:
    std::string path_;
};

/// A file could not be read or parsed; names the file and the line or JSON path.
class CIVITAS_CORE_EXPORT ParseError : public Error {
public:
    /// "file: location: message"; the location is a JSON path ("$.indicators[3].pass"), a
    /// `file_position` ("line 12, column 3") or empty.
    ParseError(std::string file, Message::Argument location, Message message);
    /// File name as given by the caller ("<string>" for in-memory text).
    [[nodiscard]] const std::string& file() const noexcept { return file_; }
    /// "line 12", "line 12, column 3" or a JSON path such as "$.indicators[3].pass", in English.
    [[nodiscard]] const std::string& location() const noexcept { return location_; }

private:
    std::string file_;
    std::string location_;
};

/// Input past one of the reader's Limits (size, nesting, rows, columns, string length).
class CIVITAS_CORE_EXPORT LimitError : public ParseError {
public:
    using ParseError::ParseError;
};

/// The system refused a read or a write (disk full, no permission, not a regular file); the
/// message names the file and the system's reason.
class CIVITAS_CORE_EXPORT IoError : public Error {
public:
    /// "file: message".
    IoError(std::string file, Message message);
    /// The file as given by the caller ("<stdout>" for the standard output).
    [[nodiscard]] const std::string& file() const noexcept { return file_; }

private:
    std::string file_;
};

/// An id that was asked for does not exist (indicator, unit, bundled framework).
class CIVITAS_CORE_EXPORT NotFoundError : public Error {
public:
    using Error::Error;
};

}  // namespace civitas
