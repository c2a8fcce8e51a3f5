/// Observations over time: Observation, LatestValue, LatestMatrix, TrendMatrix,
/// RejectedRow, ObservationStore, ObservationLoad, and the CSV and JSON readers.
///
/// Dates cross one at a time as datetime.date (date_caster.hpp); a series' dates cross in bulk as
/// a numpy datetime64[D] array. LatestMatrix's values and ages are read-only numpy views into the
/// C++ matrices (no copy), which they keep alive; so are TrendMatrix's. The readers, latest_matrix
/// and trend_matrix release the GIL.

#include "arrow_stream.hpp"
#include "bindings.hpp"
#include "date_caster.hpp"

#include <civitas/io/arrow_io.hpp>
#include <civitas/io/observations_io.hpp>
#include <civitas/tracking/observations.hpp>

#include <pybind11/operators.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <cstdint>
#include <locale>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace civitas::python {

namespace {

std::string repr(const Observation& o) {
    std::ostringstream text;
    text.imbue(std::locale::classic());  // not the host's locale (digit groups, decimal comma)
    text << "Observation(" << repr_string(o.unit) << ", " << repr_string(o.indicator) << ", " << repr_date(o.date) << ", "
         << repr_number(o.value);
    if (!o.source.empty()) text << ", source=" << repr_string(o.source);
    if (o.mode != AssessmentMode::unspecified) text << ", mode=AssessmentMode." << to_string(o.mode);
    if (o.sample_size) text << ", sample_size=" << *o.sample_size;
    if (o.recorded) text << ", recorded=" << repr_date(*o.recorded);
    text << ")";
    return text.str();
}

std::string repr(const LatestValue& v) {
    std::ostringstream text;
    text.imbue(std::locale::classic());  // not the host's locale (digit groups, decimal comma)
    text << "LatestValue(value=" << repr_number(v.value) << ", date=" << repr_date(v.date) << ", age_days=" << v.age_days
         << ", source=" << repr_string(v.source) << ", mode=AssessmentMode." << to_string(v.mode)
         << ", sample_size=" << (v.sample_size ? std::to_string(*v.sample_size) : "None")
         << ", recorded=" << (v.recorded ? repr_date(*v.recorded) : "None") << ")";
    return text.str();
}

struct DayArrayHint {
    static constexpr auto name = py::detail::const_name("numpy.typing.NDArray[numpy.datetime64]");
};
/// A numpy datetime64[D] array.
using DayArray = Typed<DayArrayHint>;

/// Days since 1970-01-01 as numpy datetime64[D].
DayArray day_array(const std::vector<Date>& dates) {
    py::array_t<std::int64_t> days(static_cast<py::ssize_t>(dates.size()));
    auto out = days.mutable_unchecked<1>();
    for (std::size_t i = 0; i < dates.size(); ++i) out(static_cast<py::ssize_t>(i)) = day_number(dates[i]);
    return DayArray(days.attr("view")("datetime64[D]"));
}

template <class T>
py::array_t<T> copy_array(const std::vector<T>& column) {
    py::array_t<T> array(static_cast<py::ssize_t>(column.size()));
    if (!column.empty()) std::copy(column.begin(), column.end(), array.mutable_data());
    return array;
}

ObservationReadOptions read_options(int threads, std::size_t block_bytes, const std::optional<Limits>& limits) {
    ObservationReadOptions options;
    if (limits) options.limits = *limits;
    options.threads = threads;
    options.block_bytes = block_bytes;
    return options;
}

}  // namespace

void register_observations(py::module_& m) {
    m.attr("observations_format") = observations_format;

    py::class_<Observation> observation(m, "Observation", "One measured value of one indicator for one unit on one date.");
    py::class_<LatestValue> latest_value(m, "LatestValue", "The value of a series as of a date, as it was known on a day.");
    py::class_<LatestMatrix> latest_matrix(m, "LatestMatrix",
                                           "Latest values of many units (rows) and indicators (columns) as of a date.");
    py::class_<TrendMatrix> trend_matrix(m, "TrendMatrix",
                                         "Latest values and least-squares trends of many units (rows) and indicators (columns).");
    py::class_<RejectedRow> rejected_row(m, "RejectedRow", "A row of an observation file that was left out, and why.");
    py::class_<ObservationStore> store(m, "ObservationStore",
                                       "Observations in columns, with as-of queries; corrections keep the history.");
    py::class_<ObservationLoad> load(m, "ObservationLoad", "Observations read from a file, and the rows that were left out.");

    observation
        .def(py::init([](std::string unit, std::string indicator, Date date, double value, std::string source, AssessmentMode mode,
                         std::optional<int> sample_size, std::optional<Date> recorded) {
                 return Observation{std::move(unit), std::move(indicator), date, value, std::move(source), mode, sample_size, recorded};
             }),
             py::arg("unit"), py::arg("indicator"), py::arg("date"), py::arg("value"), py::kw_only(), py::arg("source") = "",
             py::arg("mode") = AssessmentMode::unspecified, py::arg("sample_size") = py::none(), py::arg("recorded") = py::none(),
             "date, recorded: datetime.date. Validated when added to a store.")
        .def_readwrite("unit", &Observation::unit, "Unit id.")
        .def_readwrite("indicator", &Observation::indicator, "Indicator id.")
        .def_readwrite("date", &Observation::date, "The day the value describes.")
        .def_readwrite("value", &Observation::value, "The value, in the indicator's unit.")
        .def_readwrite("source", &Observation::source, "Where it comes from ('' when not said).")
        .def_readwrite("mode", &Observation::mode, "How it was obtained.")
        .def_readwrite("sample_size", &Observation::sample_size, "Respondents or sites sampled (>= 1), or None.")
        .def_readwrite("recorded", &Observation::recorded, "When the value became known (>= date), or None: known on `date`.")
        .def(py::self == any_object)
        .def("__repr__", [](const Observation& self) { return repr(self); });

    latest_value.def_readonly("value", &LatestValue::value, "The value.")
        .def_readonly("date", &LatestValue::date, "The day it describes (<= as_of).")
        .def_readonly("age_days", &LatestValue::age_days, "as_of - date, in days.")
        .def_readonly("source", &LatestValue::source, "Where it comes from.")
        .def_readonly("mode", &LatestValue::mode, "How it was obtained.")
        .def_readonly("sample_size", &LatestValue::sample_size, "Sample size, or None.")
        .def_readonly("recorded", &LatestValue::recorded, "When it became known, or None.")
        .def("__repr__", [](const LatestValue& self) { return repr(self); });

    latest_matrix.def_readonly("units", &LatestMatrix::units, "Unit ids, one per row.")
        .def_readonly("indicators", &LatestMatrix::indicators, "Indicator ids, one per column.")
        .def_property_readonly("values", [](const py::object& self) { return readonly_view(self.cast<const LatestMatrix&>().values, self); },
                               "float64 (units, indicators): latest value on or before as_of, NaN where none (a view).")
        .def_property_readonly("ages", [](const py::object& self) { return readonly_view(self.cast<const LatestMatrix&>().ages, self); },
                               "float64 (units, indicators): days from that value's date to as_of, NaN where none (a view).")
        .def("to_frame", frame_method<LatestMatrix>("civitas._observations", "matrix_to_frame"),
             "The latest values: a row per unit, a column per indicator, NaN where none.")
        .def("ages_frame", frame_method<LatestMatrix>("civitas._observations", "matrix_ages_frame"),
             "The ages in days of the latest values: a row per unit, a column per indicator, NaN where none.")
        .def("__repr__", [](const LatestMatrix& self) {
            return "<LatestMatrix " + std::to_string(self.units.size()) + " units x " + std::to_string(self.indicators.size()) +
                   " indicators, " + std::to_string(self.values.size() - self.values.array().isNaN().count()) + " with values>";
        });

    const auto view = [](RowMatrix TrendMatrix::*member) {
        return [member](const py::object& self) { return readonly_view(self.cast<const TrendMatrix&>().*member, self); };
    };
    trend_matrix.def_readonly("as_of", &TrendMatrix::as_of, "The date asked.")
        .def_readonly("units", &TrendMatrix::units, "Unit ids, one per row.")
        .def_readonly("indicators", &TrendMatrix::indicators, "Indicator ids, one per column.")
        .def_property_readonly("values", view(&TrendMatrix::values),
                               "float64 (units, indicators): latest value on or before as_of, NaN where none (a view).")
        .def_property_readonly("ages", view(&TrendMatrix::ages),
                               "float64 (units, indicators): days from that value's date to as_of, NaN where none (a view).")
        .def_property_readonly("points", view(&TrendMatrix::points),
                               "float64 (units, indicators): points the trend is fitted on, 0 where no value (a view).")
        .def_property_readonly("slopes", view(&TrendMatrix::slopes),
                               "float64 (units, indicators): least-squares slope per year of 365.25 days, NaN under 2 "
                               "points (a view).")
        .def(
            "project",
            [](const TrendMatrix& self, Date date) {
                RowMatrix projected;
                {
                    py::gil_scoped_release release;
                    projected = self.project(date);
                }
                return owned_array(std::move(projected));
            },
            py::arg("date"),
            "float64 (units, indicators): value + slope x years from the value's date to `date` where there are 2 "
            "points or more, the value where one, NaN where none.")
        .def("__repr__", [](const TrendMatrix& self) {
            return "<TrendMatrix " + std::to_string(self.units.size()) + " units x " + std::to_string(self.indicators.size()) +
                   " indicators as of " + to_iso(self.as_of) + ", " +
                   std::to_string((self.points.array() >= 2.0).count()) + " with a trend>";
        });

    rejected_row.def_readonly("line", &RejectedRow::line, "CSV: 1-based line where the row starts; 0 in JSON and Arrow tables.")
        .def_readonly("column", &RejectedRow::column, "CSV: 1-based column of the offending field; 0 for the whole row, in JSON and in Arrow tables.")
        .def_readonly("path", &RejectedRow::path, "JSON: path of the offending value; Arrow tables: the column and the 0-based row ('value[41]'); '' in CSV.")
        .def_property_readonly(
            "message", [](const RejectedRow& self) { return self.message.text(Language::en); }, "What is wrong and what was expected.")
        .def_property_readonly(
            "message_zh", [](const RejectedRow& self) { return self.message.text(Language::zh); }, "The message in Chinese.")
        .def(py::self == any_object)
        .def("__str__", [](const RejectedRow& self) { return to_string(self); })
        .def("__repr__", [](const RejectedRow& self) { return "<RejectedRow " + to_string(self) + ">"; });

    store.def(py::init<>())
        .def("add", &ObservationStore::add, py::arg("observation"),
             "Adds one observation; ValidationError for an empty id, a value not finite, recorded before date, sample_size < 1.")
        .def("finalize", &ObservationStore::finalize, py::call_guard<py::gil_scoped_release>(),
             "Sorts into index order and builds the lookup (the first query does it otherwise).")
        .def("__len__", &ObservationStore::size, "Number of records (corrections included).")
        .def_property_readonly("units", &ObservationStore::units, "Unit ids in order of first appearance.")
        .def_property_readonly("indicators", &ObservationStore::indicators, "Indicator ids in order of first appearance.")
        .def_property_readonly("sources", &ObservationStore::sources, "Sources in order of first appearance; '' first.")
        .def(
            "__getitem__",
            [](const ObservationStore& self, py::ssize_t row) {
                const auto size = static_cast<py::ssize_t>(self.size());
                if (row < 0) row += size;
                if (row < 0 || row >= size) throw py::index_error("observation " + std::to_string(row) + " out of range");
                return self.at(static_cast<std::size_t>(row));
            },
            py::arg("row"), "Record `row` in index order (indicator, unit, date, recorded).")
        .def(
            "series",
            [](const ObservationStore& self, const std::string& unit, const std::string& indicator, std::optional<Date> known_on) {
                const ObservationSeries series = self.series(unit, indicator, known_on);
                return std::make_pair(day_array(series.dates), copy_array(series.values));
            },
            py::arg("unit"), py::arg("indicator"), py::kw_only(), py::arg("known_on") = py::none(),
            "(dates, values): numpy datetime64[D] and float64 arrays in date order, one value per date, as known on "
            "`known_on` (None: everything recorded). Empty for unknown ids.")
        .def("latest", &ObservationStore::latest, py::arg("unit"), py::arg("indicator"), py::arg("as_of"), py::kw_only(),
             py::arg("known_on") = py::none(),
             "The latest value dated on or before `as_of`, as known on `known_on`; None when there is none.")
        .def(
            "latest_matrix",
            [](const ObservationStore& self, Date as_of, std::optional<std::vector<std::string>> units,
               std::optional<std::vector<std::string>> indicators, std::optional<Date> known_on) {
                py::gil_scoped_release release;
                return self.latest_matrix(units ? *units : self.units(), indicators ? *indicators : self.indicators(), as_of, known_on);
            },
            py::arg("as_of"), py::arg("units") = py::none(), py::arg("indicators") = py::none(), py::kw_only(),
            py::arg("known_on") = py::none(),
            "Latest values of every unit (rows) and indicator (columns) asked (None: all of the store, in order of "
            "first appearance) as of `as_of`, as known on `known_on`; NaN where there is none.")
        .def(
            "trend_matrix",
            [](const ObservationStore& self, Date as_of, std::optional<std::vector<std::string>> units,
               std::optional<std::vector<std::string>> indicators, int points, std::optional<Date> known_on) {
                py::gil_scoped_release release;
                return self.trend_matrix(units ? *units : self.units(), indicators ? *indicators : self.indicators(), as_of, points,
                                         known_on);
            },
            py::arg("as_of"), py::arg("units") = py::none(), py::arg("indicators") = py::none(), py::kw_only(),
            py::arg("points") = 5, py::arg("known_on") = py::none(),
            "Latest value and least-squares line through the last `points` dates on or before `as_of` (as known on "
            "`known_on`) of every unit (rows) and indicator (columns) asked (None: all of the store), in one pass; the "
            "same numbers as trend() of each series. ValidationError when points < 1.")
        .def("memory_bytes", &ObservationStore::memory_bytes, "Bytes held by the columns, names and index.")
        .def(py::self == any_object, "The same observations row by row, in the stores' row order.")
        .def(
            "_columns",
            [](const ObservationStore& self) {
                const ObservationColumns& c = self.columns();
                py::dict columns;
                columns["unit"] = copy_array(c.unit);
                columns["indicator"] = copy_array(c.indicator);
                columns["date"] = copy_array(c.date);
                columns["value"] = copy_array(c.value);
                columns["source"] = copy_array(c.source);
                columns["mode"] = copy_array(c.mode);
                columns["sample_size"] = copy_array(c.sample_size);
                columns["recorded"] = copy_array(c.recorded);
                return columns;
            },
            "The rows as columns in index order (copies): ids as int32 codes, dates as days since 1970-01-01; an "
            "optional column is empty when every row has its default.")
        .def("to_frame", frame_method<ObservationStore>("civitas._observations", "store_to_frame"),
             "Every record (corrections included) in index order (indicator, unit, date, recorded): unit, indicator, "
             "source and mode as categoricals, date and recorded as datetime64 (NaT: none), value float64, "
             "sample_size nullable Int32 (<NA>: none).")
        .def("__repr__", [](const ObservationStore& self) {
            return "<ObservationStore " + std::to_string(self.size()) + " observations, " + std::to_string(self.units().size()) +
                   " units, " + std::to_string(self.indicators().size()) + " indicators>";
        });

    load.def_readonly("store", &ObservationLoad::store, "The good rows.")
        .def_readonly("rejected", &ObservationLoad::rejected, "The bad rows, in file order.")
        .def("rejected_frame", frame_method<ObservationLoad>("civitas._observations", "load_rejected_frame"),
             "The rows left out: line, column (CSV), path (JSON) and message, in file order.")
        .def("__str__", [](const ObservationLoad& self) { return to_string(self); })
        .def("__repr__", [](const ObservationLoad& self) { return "<ObservationLoad " + to_string(self) + ">"; });

    m.def(
        "load_observations_csv",
        [](const std::filesystem::path& path, int threads, std::size_t block_bytes, const std::optional<Limits>& limits) {
            const ObservationReadOptions options = read_options(threads, block_bytes, limits);
            py::gil_scoped_release release;
            return load_observations_csv(path, options);
        },
        py::arg("path"), py::kw_only(), py::arg("threads") = 0, py::arg("block_bytes") = ObservationReadOptions{}.block_bytes,
        py::arg("limits") = py::none(),
        "Reads observations from CSV (header: unit, indicator, date, value, and optionally source, mode, sample_size, "
        "recorded). Bad rows are left out and listed in `rejected`; a bad header raises ParseError.");
    m.def(
        "parse_observations_csv",
        [](std::string_view text, const std::string& file, int threads, const std::optional<Limits>& limits) {
            const ObservationReadOptions options = read_options(threads, ObservationReadOptions{}.block_bytes, limits);
            py::gil_scoped_release release;
            return parse_observations_csv(text, file, options);
        },
        py::arg("text"), py::arg("file") = "<string>", py::kw_only(), py::arg("threads") = 0, py::arg("limits") = py::none(),
        "The same as load_observations_csv, from CSV text.");
    m.def(
        "load_observations_json",
        [](const std::filesystem::path& path, const std::optional<Limits>& limits) {
            const ObservationReadOptions options = read_options(0, ObservationReadOptions{}.block_bytes, limits);
            py::gil_scoped_release release;
            return load_observations_json(path, options);
        },
        py::arg("path"), py::kw_only(), py::arg("limits") = py::none(),
        "Reads observations from JSON ({\"format\": \"civitas-observations/1\", \"observations\": [...]}); bad entries are "
          "listed in `rejected` with their JSON path.");
    m.def(
        "parse_observations_json",
        [](std::string_view text, const std::string& file, const std::optional<Limits>& limits) {
            const ObservationReadOptions options = read_options(0, ObservationReadOptions{}.block_bytes, limits);
            py::gil_scoped_release release;
            return parse_observations_json(text, file, options);
        },
        py::arg("text"), py::arg("file") = "<string>", py::kw_only(), py::arg("limits") = py::none(),
        "The same as load_observations_json, from JSON text.");
    m.def(
        "read_observations_arrow",
        [](const AnyPython& source, const std::string& name, const std::optional<Limits>& limits) {
            const ObservationReadOptions options = read_options(0, ObservationReadOptions{}.block_bytes, limits);
            ArrowArrayStream stream = arrow_stream_of(source, "source");
            py::gil_scoped_release release;
            return read_observations_arrow(&stream, name, options);
        },
        py::arg("source"), py::arg("name") = "<arrow>", py::kw_only(), py::arg("limits") = py::none(),
        "Reads observations from a table that exports an Arrow stream (`__arrow_c_stream__`: a pyarrow Table or "
        "RecordBatchReader, a polars or pandas DataFrame, a DuckDB result), in C++ without a loop in Python. Its columns "
        "are those of the CSV format, by name, with the same rules: ids as text (dictionary-encoded too), dates as "
        "date32, date64, timestamps without a time zone or 'YYYY-MM-DD' text, value as any number, nulls as empty cells. "
        "Bad rows are left out and listed in `rejected` with `path` 'column[row]' (0-based); a column of another type "
        "raises ParseError naming it, its Arrow type and what is accepted; `name` is the source's name in errors.");
    m.def(
        "read_observations",
        [](const AnyPython& source, int threads, const std::optional<Limits>& limits) {
            return Instance<ObservationLoad>(
                python_function("civitas._observations", "read_observations")(source, py::arg("threads") = threads, py::arg("limits") = limits));
        },
        py::arg("source"), py::kw_only(), py::arg("threads") = 0, py::arg("limits") = py::none(),
        "Reads observations from `source`: a path to a CSV, JSON or Parquet file (Parquet is read with pyarrow, which "
        "must be installed), or a table that exports an Arrow stream (see read_observations_arrow). The file's kind "
        "comes from its suffix (.csv, .json, .parquet or .pq). `threads` is the CSV reader's.");
}

}  // namespace civitas::python
