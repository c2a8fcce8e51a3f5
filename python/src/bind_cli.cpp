/// _cli_run: the `civitas` command-line program, run in process (`python -m civitas`).

#include "bindings.hpp"

#include <cli.hpp>

#include <pybind11/stl.h>

#include <locale>
#include <sstream>
#include <string>
#include <vector>

namespace civitas::python {

namespace {

/// Writes UTF-8 bytes to a Python text stream: to its binary buffer when it has one (so the
/// bytes pass unchanged whatever the stream's encoding), else as text.
void write_to(const char* name, const std::string& text) {
    if (text.empty()) return;
    const py::object stream = py::module_::import("sys").attr(name);
    if (stream.is_none()) return;
    if (py::hasattr(stream, "buffer")) {
        stream.attr("flush")();
        const py::object buffer = stream.attr("buffer");
        buffer.attr("write")(py::bytes(text));
        buffer.attr("flush")();
    } else {
        stream.attr("write")(py::bytes(text).attr("decode")("utf-8", "replace"));
        stream.attr("flush")();
    }
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
            {
                py::gil_scoped_release release;
                code = cli::run(args, out, err);
            }
            write_to("stdout", out.str());
            write_to("stderr", err.str());
            return code;
        },
        py::arg("argv"),
        "Runs the command-line program with these arguments (without the program name); "
        "returns the exit code.");
}

}  // namespace civitas::python
