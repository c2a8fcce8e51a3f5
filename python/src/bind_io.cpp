/// Files and bundled frameworks: load/parse/save frameworks, evaluations as JSON, value tables,
/// the data folders searched for bundled framework ids.

#include "bindings.hpp"

#include <civitas/io.hpp>

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace civitas::python {

namespace {

/// (units, classes, columns, values): the table's matrix handed to numpy without a copy.
py::tuple table_tuple(ValueTable&& table) {
    auto* matrix = new RowMatrix(std::move(table.values));
    const py::capsule owner(matrix, [](void* pointer) { delete static_cast<RowMatrix*>(pointer); });
    constexpr auto item = static_cast<py::ssize_t>(sizeof(double));
    const auto rows = static_cast<py::ssize_t>(matrix->rows());
    const auto cols = static_cast<py::ssize_t>(matrix->cols());
    const py::array_t<double> values({rows, cols}, {cols * item, item}, matrix->data(), owner);
    return py::make_tuple(std::move(table.units), std::move(table.classes), std::move(table.columns), values);
}

}  // namespace

void register_io(py::module_& m) {
    m.attr("framework_format") = framework_format;

    m.def("load_framework", &load_framework, py::arg("path"), py::call_guard<py::gil_scoped_release>(),
          "Reads and validates a framework file; ParseError names the file and the JSON path or line.");
    m.def("parse_framework",
          [](std::string_view json, const std::string& file) { return parse_framework(json, file); },
          py::arg("text"), py::arg("file") = "<string>",
          "Parses framework JSON text; `file` is the name used in error messages.");
    m.def("framework_to_json", &framework_to_json, py::arg("framework"), py::arg("indent") = 2,
          "The framework as JSON text, loadable again into an equal framework.");
    m.def("save_framework", &save_framework, py::arg("framework"), py::arg("path"),
          py::call_guard<py::gil_scoped_release>(),
          "Writes the framework to a file whole or not at all; IoError names the file and the system's reason.");
    m.def("evaluation_to_json",
          [](const FrameworkEvaluation& evaluation, int indent) {
              return evaluation_to_json(static_cast<const Evaluation&>(evaluation), indent);
          },
          py::arg("evaluation"), py::arg("indent") = 2, "The evaluation of one unit as JSON text.");
    m.def(
        "read_value_table",
        [](const std::filesystem::path& path, const std::string& class_column) {
            ValueTable table;
            {
                py::gil_scoped_release release;
                table = read_value_table(path, class_column);
            }
            return table_tuple(std::move(table));
        },
        py::arg("path"), py::arg("class_column") = "",
        "Reads a CSV table of unit values: returns (units, classes, columns, values), values a "
        "float64 array (units x columns) with NaN for empty cells.");
    m.def(
        "parse_value_table",
        [](std::string_view csv, const std::string& file, const std::string& class_column) {
            return table_tuple(parse_value_table(csv, file, class_column));
        },
        py::arg("text"), py::arg("file") = "<string>", py::arg("class_column") = "",
        "The same as read_value_table, from CSV text.");

    m.def("release_cached_memory", &release_cached_memory,
          "Frees the memory that finished batches left for reuse by the next batch of the same shape (at most 64 MiB).");
    m.def("data_directories", &data_directories,
          "Folders searched for bundled frameworks and calendars: CIVITAS_DATA_DIR, added folders, build-time folders.");
    m.def("add_data_directory", &add_data_directory, py::arg("directory"),
          "Adds a folder holding `frameworks/` and `calendars/` folders to the search.");
    m.def("bundled_framework_ids", &bundled_framework_ids, "Ids of the bundled frameworks found, sorted.");
    m.def("bundled_framework_path", &bundled_framework_path, py::arg("id"),
          "Path of a bundled framework file by id; raises NotFoundError listing the ids there are.");
    m.def("load_bundled_framework", &load_bundled_framework, py::arg("id"),
          py::call_guard<py::gil_scoped_release>(), "Loads a bundled framework by id.");
    m.def("bundled_calendar_ids", &bundled_calendar_ids, "Ids of the bundled working-day calendars found, sorted.");
    m.def("bundled_calendar_path", &bundled_calendar_path, py::arg("id"),
          "Path of a bundled calendar file by id ('cn-2025'); raises NotFoundError listing the ids there are.");
    m.def("load_bundled_calendar", &load_bundled_calendar, py::arg("id"), py::call_guard<py::gil_scoped_release>(),
          "Loads a bundled working-day calendar by id.");
}

}  // namespace civitas::python
