/// _cli_run: the `civitas` command-line program, run in process (`python -m civitas`).

#include "bindings.hpp"

#include <cli.hpp>

#include <civitas/core/error.hpp>

#include <pybind11/stl.h>

#include <locale>
#include <sstream>
#include <string>
#include <vector>

namespace civitas::python {

namespace {

/// Writes UTF-8 bytes to a Python text stream: to its binary buffer when it has one (so the
/// bytes pass unchanged whatever the stream's encoding), else as text. Returns "" or, when the
/// stream refused them (OSError: a full disk, /dev/full, a closed pipe), the system's reason.
std::string write_to(const char* name, const std::string& text) {
    if (text.empty()) return "";
    const py::object stream = py::module_::import("sys").attr(name);
    if (stream.is_none()) return "";
    try {
        if (py::hasattr(stream, "buffer")) {
            stream.attr("flush")();
            const py::object buffer = stream.attr("buffer");
            buffer.attr("write")(py::bytes(text));
            buffer.attr("flush")();
        } else {
            stream.attr("write")(py::bytes(text).attr("decode")("utf-8", "replace"));
            stream.attr("flush")();
        }
    } catch (py::error_already_set& error) {
        if (!error.matches(PyExc_OSError)) throw;
        const py::object reason = error.value().attr("strerror");
        return reason.is_none() ? py::str(error.value()).cast<std::string>() : reason.cast<std::string>();
    }
    return "";
}

// A Python error of the xlsx workbooks as the program tells errors: a refused write an IoError
// naming the file (exit 4); anything else, a missing openpyxl too (its message says what to
// install), invalid input (exit 3).
[[noreturn]] void rethrow(py::error_already_set& error, const std::string& path) {
    const std::string english = py::str(error.value()).cast<std::string>();
    const std::string chinese = py::hasattr(error.value(), "message_zh") ? py::str(error.value().attr("message_zh")).cast<std::string>() : english;
    if (error.matches(PyExc_OSError) && !py::hasattr(error.value(), "message_zh"))
        throw IoError(path, Message("cannot write the workbook: {0}"_en, "无法写入工作簿: {0}"_zh, {english}));
    throw Error(told(english, chinese));
}

// The workbooks of civitas._office (openpyxl), called with the GIL held.
cli::Workbooks python_workbooks() {
    cli::Workbooks workbooks;
    workbooks.write = [](const SubmissionForm& form, const std::string& path) {
        const py::gil_scoped_acquire gil;
        try {
            py::module_::import("civitas._office").attr("write_xlsx")(form, path);
        } catch (py::error_already_set& error) {
            rethrow(error, path);
        }
    };
    workbooks.read = [](const std::string& path) {
        const py::gil_scoped_acquire gil;
        try {
            return py::module_::import("civitas._office").attr("read_xlsx")(path).cast<std::vector<FilledSheet>>();
        } catch (py::error_already_set& error) {
            rethrow(error, path);
        }
    };
    return workbooks;
}

}  // namespace

void register_cli(py::module_& m) {
    m.def(
        "_cli_run",
        [](const std::vector<std::string>& args) {
            std::ostringstream out;
            out.imbue(std::locale::classic());  // not the host's locale (digit groups, decimal comma)
            std::ostringstream err;
            err.imbue(std::locale::classic());  // not the host's locale (digit groups, decimal comma)
            int code = 0;
            const cli::Workbooks workbooks = python_workbooks();
            {
                py::gil_scoped_release release;
                code = cli::run(args, out, err, workbooks);
            }
            if (const std::string reason = write_to("stdout", out.str()); !reason.empty()) {
                code = cli::output_failed(args, reason, err);
            }
            (void)write_to("stderr", err.str());
            return code;
        },
        py::arg("argv"),
        "Runs the command-line program with these arguments (without the program name); "
        "returns the exit code (4 when sys.stdout refused the output).");
}

}  // namespace civitas::python
