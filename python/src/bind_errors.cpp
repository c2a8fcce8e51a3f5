/// The one place C++ exceptions become Python ones (the classes are civitas/_errors.py's):
///   civitas::Error           -> civitas.Error(Exception), with .message_zh (the message in Chinese)
///   civitas::ValidationError -> civitas.ValidationError(Error, ValueError), with .path
///   civitas::ParseError      -> civitas.ParseError(Error, ValueError), with .file and .location
///   civitas::LimitError      -> civitas.LimitError(ParseError), input past a reader's Limits
///   civitas::NotFoundError   -> civitas.NotFoundError(Error, LookupError)
///   civitas::IoError         -> civitas.IoError(Error, OSError), with .file
///   std::filesystem::filesystem_error -> OSError(errno, message, filename)
/// Other standard exceptions keep pybind11's mapping (std::out_of_range -> IndexError, ...).

#include "bindings.hpp"

#include <civitas/core/error.hpp>

#include <Python.h>

#include <exception>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <utility>

namespace civitas::python {

namespace {

// The classes of civitas._errors, held for the life of the interpreter.
PyObject* error_type = nullptr;
PyObject* validation_error_type = nullptr;
PyObject* parse_error_type = nullptr;
PyObject* limit_error_type = nullptr;
PyObject* not_found_error_type = nullptr;
PyObject* io_error_type = nullptr;

// The class `name` of `errors`, also bound in `m` (so that it is in civitas._core.__all__); the
// reference returned is never given back.
PyObject* error_class(py::module_& m, const py::module_& errors, const char* name) {
    py::object type = errors.attr(name);
    m.attr(name) = type;
    return type.release().ptr();
}

// A Python str of bytes from civitas: any byte that is not UTF-8 (a file name can hold one) is
// kept as a lone surrogate, as os.fsdecode does, so no UnicodeDecodeError escapes.
py::str text(const std::string& bytes) {
    PyObject* decoded = PyUnicode_DecodeUTF8(bytes.data(), static_cast<Py_ssize_t>(bytes.size()), "surrogateescape");
    if (decoded == nullptr) throw py::error_already_set();
    return py::reinterpret_steal<py::str>(decoded);
}

// Raises `type` with the English message; `message_zh` carries the Chinese one.
void raise(PyObject* type, const Error& error,
           std::initializer_list<std::pair<const char*, const std::string*>> attributes = {}) {
    py::object instance = py::handle(type)(text(error.what()));
    instance.attr("message_zh") = text(error.message(Language::zh));
    for (const auto& [name, value] : attributes) instance.attr(name) = text(*value);
    PyErr_SetObject(type, instance.ptr());
}

}  // namespace

void register_errors(py::module_& m) {
    const auto errors = py::module_::import("civitas._errors");
    error_type = error_class(m, errors, "Error");
    validation_error_type = error_class(m, errors, "ValidationError");
    parse_error_type = error_class(m, errors, "ParseError");
    limit_error_type = error_class(m, errors, "LimitError");
    not_found_error_type = error_class(m, errors, "NotFoundError");
    io_error_type = error_class(m, errors, "IoError");

    py::register_exception_translator([](std::exception_ptr pointer) {
        if (!pointer) return;
        try {
            std::rethrow_exception(pointer);
        } catch (const LimitError& error) {
            raise(limit_error_type, error, {{"file", &error.file()}, {"location", &error.location()}});
        } catch (const ParseError& error) {
            raise(parse_error_type, error, {{"file", &error.file()}, {"location", &error.location()}});
        } catch (const ValidationError& error) {
            raise(validation_error_type, error, {{"path", &error.path()}});
        } catch (const NotFoundError& error) {
            raise(not_found_error_type, error);
        } catch (const IoError& error) {
            raise(io_error_type, error, {{"file", &error.file()}});
        } catch (const Error& error) {
            raise(error_type, error);
        } catch (const std::filesystem::filesystem_error& error) {
            const py::object os_error = py::handle(PyExc_OSError)(
                error.code().value(), error.what(), py::str(error.path1().u8string()));
            PyErr_SetObject(py::type::handle_of(os_error).ptr(), os_error.ptr());  // FileNotFoundError, ...
        }
    });
}

}  // namespace civitas::python
