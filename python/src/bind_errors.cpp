/// The one place C++ exceptions become Python ones:
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

// Borrowed from the module, which holds them for the life of the interpreter.
PyObject* error_type = nullptr;
PyObject* validation_error_type = nullptr;
PyObject* parse_error_type = nullptr;
PyObject* limit_error_type = nullptr;
PyObject* not_found_error_type = nullptr;
PyObject* io_error_type = nullptr;

PyObject* new_exception(py::module_& m, const char* name, py::tuple bases, const char* doc,
                        std::initializer_list<const char*> attributes) {
    const std::string qualified = std::string("civitas.") + name;  // as users see it
    PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases.ptr(), nullptr);
    if (type == nullptr) throw py::error_already_set();
    auto object = py::reinterpret_steal<py::object>(type);
    for (const char* attribute : attributes) object.attr(attribute) = py::str("");  // class defaults
    m.attr(name) = object;
    return type;
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
    const py::handle exception(PyExc_Exception);
    const py::handle value_error(PyExc_ValueError);
    const py::handle lookup_error(PyExc_LookupError);
    const py::handle os_error(PyExc_OSError);

    error_type = new_exception(m, "Error", py::make_tuple(exception),
                               "Base of every error civitas raises; str(error) is the message in English, "
                               "`message_zh` the same in Chinese.",
                               {"message_zh"});
    const py::handle base(error_type);
    validation_error_type = new_exception(
        m, "ValidationError", py::make_tuple(base, value_error),
        "A value breaks a rule of the model; `path` is the JSON path of the offending value.", {"path"});
    parse_error_type = new_exception(
        m, "ParseError", py::make_tuple(base, value_error),
        "A file could not be read or parsed; `file` names it, `location` is the line or JSON path.",
        {"file", "location"});
    limit_error_type = new_exception(
        m, "LimitError", py::make_tuple(py::handle(parse_error_type)),
        "Input past one of the reader's Limits (file size, nesting, rows, columns, string length).",
        {"file", "location"});
    not_found_error_type = new_exception(
        m, "NotFoundError", py::make_tuple(base, lookup_error),
        "An id that was asked for does not exist (indicator, unit, bundled framework).", {});
    io_error_type = new_exception(
        m, "IoError", py::make_tuple(base, os_error),
        "The system refused a read or a write (disk full, no permission); `file` names the file.", {"file"});

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
