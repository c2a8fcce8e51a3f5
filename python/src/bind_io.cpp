/// Files and bundled data: load/parse/save frameworks, round-scheme files, evaluations as JSON,
/// value tables, the data folders searched for bundled frameworks, calendars and round schemes.

#include <civitas/io/arrow_io.hpp>
#include <civitas/io/bundled_data.hpp>
#include <civitas/io/framework_io.hpp>
#include <civitas/io/round_scheme_io.hpp>
#include <civitas/io/value_table.hpp>

#include "arrow_stream.hpp"
#include "bindings.hpp"

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

namespace civitas::python {

namespace {

/// (units, classes, columns, values): the table's matrix handed to numpy without a copy.
std::tuple<std::vector<std::string>, std::vector<std::string>, std::vector<std::string>, py::array_t<double>> table_tuple(ValueTable&& table) {
    auto* matrix = new RowMatrix(std::move(table.values));
    const py::capsule owner(matrix, [](void* pointer) { delete static_cast<RowMatrix*>(pointer); });
    constexpr auto item = static_cast<py::ssize_t>(sizeof(double));
    const auto rows = static_cast<py::ssize_t>(matrix->rows());
    const auto cols = static_cast<py::ssize_t>(matrix->cols());
    const py::array_t<double> values({rows, cols}, {cols * item, item}, matrix->data(), owner);
    return {std::move(table.units), std::move(table.classes), std::move(table.columns), values};
}

}  // namespace

void register_limits(py::module_& m) {
    py::class_<Limits>(m, "Limits",
                       "Sizes past which a reader refuses its input with LimitError; the defaults leave room for the largest "
                       "real inputs. Pass as `limits=` to any load_, parse_ or read_ function.")
        .def(py::init([](std::size_t depth, std::uint64_t json_bytes, std::uint64_t csv_bytes, std::size_t rows, std::size_t columns,
                         std::size_t cells, std::size_t text_bytes) {
                 if (depth < 1 || depth > max_depth)
                     throw ValidationError("$.depth", Message("{0} is out of range; expected 1 to {1}"_en, "{0} 超出范围；应为 1 到 {1}"_zh,
                                                              {std::to_string(depth), std::to_string(max_depth)}));
                 return Limits{depth, json_bytes, csv_bytes, rows, columns, cells, text_bytes};
             }),
             py::kw_only(), py::arg("depth") = Limits{}.depth, py::arg("json_bytes") = Limits{}.json_bytes,
             py::arg("csv_bytes") = Limits{}.csv_bytes, py::arg("rows") = Limits{}.rows, py::arg("columns") = Limits{}.columns,
             py::arg("cells") = Limits{}.cells, py::arg("text_bytes") = Limits{}.text_bytes)
        .def_readonly("depth", &Limits::depth, "Nesting of categories and sub-plans, 1 to max_depth (64).")
        .def_readwrite("json_bytes", &Limits::json_bytes, "Bytes of one JSON file.")
        .def_readwrite("csv_bytes", &Limits::csv_bytes, "Bytes of one CSV file.")
        .def_readwrite("rows", &Limits::rows, "Data rows of one CSV file, or entries of one observation JSON file.")
        .def_readwrite("columns", &Limits::columns, "Columns of one CSV file.")
        .def_readwrite("cells", &Limits::cells, "Values of one value table (rows x indicator columns).")
        .def_readwrite("text_bytes", &Limits::text_bytes, "Bytes of one string: a JSON string or key, a CSV cell.")
        .def(py::self == any_object)
        .def("__repr__", [](const Limits& l) {
            return "Limits(depth=" + std::to_string(l.depth) + ", json_bytes=" + std::to_string(l.json_bytes) +
                   ", csv_bytes=" + std::to_string(l.csv_bytes) + ", rows=" + std::to_string(l.rows) +
                   ", columns=" + std::to_string(l.columns) + ", cells=" + std::to_string(l.cells) +
                   ", text_bytes=" + std::to_string(l.text_bytes) + ")";
        });
    m.attr("max_depth") = max_depth;
}

void register_io(py::module_& m) {
    m.attr("framework_format") = framework_format;

    m.def(
        "load_framework",
        [](const std::filesystem::path& path, const std::optional<Limits>& limits) {
            const ReadOptions options = read_options_of(limits);
            py::gil_scoped_release release;
            return load_framework(path, options);
        },
        py::arg("path"), py::kw_only(), py::arg("limits") = py::none(),
        "Reads and validates a framework file; ParseError names the file and the JSON path or line, LimitError the limit passed.");
    m.def("parse_framework",
          [](std::string_view json, const std::string& file, const std::optional<Limits>& limits) {
              return parse_framework(json, file, read_options_of(limits));
          },
          py::arg("text"), py::arg("file") = "<string>", py::kw_only(), py::arg("limits") = py::none(),
          "Parses framework JSON text; `file` is the name used in error messages.");
    m.def("framework_to_json", &framework_to_json, py::arg("framework"), py::arg("indent") = 2,
          "The framework as JSON text, loadable again into an equal framework.");
    m.def("save_framework", &save_framework, py::arg("framework"), py::arg("path"),
          py::call_guard<py::gil_scoped_release>(),
          "Writes the framework to a file whole or not at all; IoError names the file and the system's reason.");
    m.attr("round_scheme_format") = round_scheme_format;
    m.def(
        "load_round_scheme",
        [](const std::filesystem::path& path, const std::optional<Limits>& limits) {
            const ReadOptions options = read_options_of(limits);
            py::gil_scoped_release release;
            return load_round_scheme(path, options);
        },
        py::arg("path"), py::kw_only(), py::arg("limits") = py::none(),
        "Reads and validates a round-scheme file; ParseError names the file, the JSON path, the value and what was expected.");
    m.def("parse_round_scheme",
          [](std::string_view json, const std::string& file, const std::optional<Limits>& limits) {
              return parse_round_scheme(json, file, read_options_of(limits));
          },
          py::arg("text"), py::arg("file") = "<string>", py::kw_only(), py::arg("limits") = py::none(),
          "Parses round-scheme JSON text; `file` is the name used in error messages.");
    m.def("round_scheme_to_json", &round_scheme_to_json, py::arg("scheme"), py::arg("indent") = 2,
          "The round scheme as JSON text (with its format tag), defaults left out; parses back equal.");
    m.def("evaluation_to_json",
          [](const FrameworkEvaluation& evaluation, int indent) {
              return evaluation_to_json(static_cast<const Evaluation&>(evaluation), indent);
          },
          py::arg("evaluation"), py::arg("indent") = 2,
          "The evaluation of one unit as JSON text (docs/format.md, \"Evaluation as JSON\"; schema "
          "data/schema/evaluation.schema.json), its reason and error in English and Chinese (reason_zh, error_zh).");
    m.def(
        "load_value_table",
        [](const std::filesystem::path& path, const std::string& class_column, const std::optional<Limits>& limits) {
            const ReadOptions options = read_options_of(limits);
            ValueTable table;
            {
                py::gil_scoped_release release;
                table = load_value_table(path, class_column, options);
            }
            return table_tuple(std::move(table));
        },
        py::arg("path"), py::arg("class_column") = "", py::kw_only(), py::arg("limits") = py::none(),
        "Reads a CSV table of unit values: returns (units, classes, columns, values), values a "
        "float64 array (units x columns) with NaN for empty cells.");
    m.def(
        "parse_value_table",
        [](std::string_view csv, const std::string& file, const std::string& class_column, const std::optional<Limits>& limits) {
            return table_tuple(parse_value_table(csv, file, class_column, read_options_of(limits)));
        },
        py::arg("text"), py::arg("file") = "<string>", py::arg("class_column") = "", py::kw_only(), py::arg("limits") = py::none(),
        "The same as load_value_table, from CSV text.");
    m.def(
        "read_value_table_arrow",
        [](const AnyPython& source, const std::string& name, const std::string& class_column, const std::optional<Limits>& limits) {
            const ReadOptions options = read_options_of(limits);
            ArrowArrayStream stream = arrow_stream_of(source, "source");
            ValueTable table;
            {
                py::gil_scoped_release release;
                table = read_value_table_arrow(&stream, name, class_column, options);
            }
            return table_tuple(std::move(table));
        },
        py::arg("source"), py::arg("name") = "<arrow>", py::arg("class_column") = "", py::kw_only(), py::arg("limits") = py::none(),
        "The same as load_value_table, from a table that exports an Arrow stream (`__arrow_c_stream__`): the first "
        "column holds unit ids (text), the others numbers (any integer or floating-point type, booleans as 1/0, or text "
        "read as CSV cells); nulls are NaN. ParseError names the column, its Arrow type or the row.");

    m.def("release_cached_memory", &release_cached_memory,
          "Frees the memory that finished batches left for reuse by the next batch of the same shape (at most 64 MiB).");
    m.def("data_directories", &data_directories,
          "Folders searched for bundled frameworks, calendars and round schemes: CIVITAS_DATA_DIR, added folders, the "
          "install's share/civitas.");
    m.def("add_data_directory", &add_data_directory, py::arg("directory"),
          "Adds a folder holding `frameworks/`, `calendars/` and `round-schemes/` folders to the search.");
    m.def("bundled_framework_ids", &bundled_framework_ids, "Ids of the bundled frameworks found, sorted.");
    m.def("bundled_framework_path", &bundled_framework_path, py::arg("id"),
          "Path of a bundled framework file by id; raises NotFoundError listing the ids there are.");
    m.def("load_bundled_framework", &load_bundled_framework, py::arg("id"),
          py::call_guard<py::gil_scoped_release>(), "Loads a bundled framework by id.");
    m.def("load_framework_or_bundled", &load_framework_or_bundled, py::arg("path_or_id"),
          py::call_guard<py::gil_scoped_release>(),
          "Loads a framework file, or the bundled framework of that id when no such file exists and the name has no "
          "folder and does not end in \".json\" (what the command line and the C API take).");
    m.def("bundled_calendar_ids", &bundled_calendar_ids, "Ids of the bundled working-day calendars found, sorted.");
    m.def("bundled_calendar_path", &bundled_calendar_path, py::arg("id"),
          "Path of a bundled calendar file by id ('cn-2025'); raises NotFoundError listing the ids there are.");
    m.def("load_bundled_calendar", &load_bundled_calendar, py::arg("id"), py::call_guard<py::gil_scoped_release>(),
          "Loads a bundled working-day calendar by id.");
    m.def("bundled_round_scheme_ids", &bundled_round_scheme_ids, "Ids of the bundled round schemes found, sorted.");
    m.def("bundled_round_scheme_path", &bundled_round_scheme_path, py::arg("id"),
          "Path of a bundled round-scheme file by id ('civilized-city-2018'); raises NotFoundError listing the ids there are.");
    m.def("load_bundled_round_scheme", &load_bundled_round_scheme, py::arg("id"), py::call_guard<py::gil_scoped_release>(),
          "Loads a bundled round scheme by id.");
}

}  // namespace civitas::python
