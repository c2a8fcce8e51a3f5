/// Results: Outcome, Decision, IndicatorResult, CategoryResult, Evaluation, BatchEvaluation;
/// Framework.evaluate / evaluate_many and the entry points they reach, _evaluate / _evaluate_many
/// (the reading of mappings, Series and DataFrames is python/civitas/_frames.py's).
///
/// Batch input is read in place through civitas::MatrixView whatever the strides.
/// Results are read-only. BatchEvaluation's matrices are read-only numpy views into the C++
/// object, which they keep alive; `passed` is a bool array copied from std::vector<bool>.

#include "bindings.hpp"

#include <civitas/core/error.hpp>
#include <civitas/framework/evaluation.hpp>

#include <pybind11/stl.h>

#include <algorithm>
#include <cstdint>
#include <locale>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace civitas::python {

namespace {

// The argument types of Framework.evaluate and evaluate_many.
struct UnitValuesHint {
    static constexpr auto name = py::detail::const_name("collections.abc.Mapping[str, float | None] | pandas.Series");
};
struct UnitTableHint {
    static constexpr auto name = py::detail::const_name("pandas.DataFrame | numpy.typing.ArrayLike");
};
struct UnitClassesHint {
    static constexpr auto name = py::detail::const_name("str | collections.abc.Sequence[str]");
};

std::string format_optional(const std::optional<double>& value) {
    return value ? repr_number(*value) : std::string("None");
}

std::string repr(const IndicatorResult& r) {
    std::ostringstream text;
    text.imbue(std::locale::classic());  // not the host's locale (digit groups, decimal comma)
    text << "IndicatorResult(id=" << repr_string(r.id) << ", value=" << format_optional(r.value)
         << ", outcome=Outcome." << to_string(r.outcome) << ", score=" << repr_number(r.score)
         << ", points=" << repr_number(r.points) << ", max_points=" << repr_number(r.max_points)
         << ", gap=" << format_optional(r.gap) << ")";
    return text.str();
}

std::string repr(const CategoryResult& r) {
    std::ostringstream text;
    text.imbue(std::locale::classic());  // not the host's locale (digit groups, decimal comma)
    text << "CategoryResult(id=" << repr_string(r.id) << ", name=" << repr_string(r.name)
         << ", score=" << repr_number(r.score) << ", points=" << repr_number(r.points)
         << ", max_points=" << repr_number(r.max_points) << ", met=" << r.met << ", assessed=" << r.assessed
         << ", indicators=" << r.indicators << ")";
    return text.str();
}

/// Index into a batch, negative from the end as Python does; IndexError when out of range.
std::size_t batch_row(const BatchEvaluation& batch, py::ssize_t row) {
    const auto size = static_cast<py::ssize_t>(batch.size());
    if (row < 0) row += size;
    if (row < 0 || row >= size) throw py::index_error("unit " + std::to_string(row) + " out of range for a batch of " + std::to_string(size));
    return static_cast<std::size_t>(row);
}

/// Whether `value` is None, pandas.NA or pandas.NaT: missing data whatever `nan_as_missing` says
/// (as _frames._is_na; pandas is not imported for it).
bool is_na(PyObject* value) {
    if (value == Py_None) return true;
    const std::string_view type = Py_TYPE(value)->tp_name;
    const std::string_view name = type.substr(type.rfind('.') + 1);  // the whole name when there is no dot
    return name == "NAType" || name == "NaTType";
}

/// repr() of a value for a message, or "a <type>" when that takes more than a line (as _frames._shown).
std::string shown(const py::handle& value) {
    const auto text = py::repr(value).cast<std::string>();
    const auto characters = std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; });  // UTF-8
    return text.find('\n') == std::string::npos && characters <= 80 ? text : "a " + type_name(value);
}

/// A dict of indicator id -> value read as _frames.evaluate reads any mapping, without a loop in
/// Python (the small call's cost): keys must be str, None / pandas.NA values are left out, the
/// others must be numbers (float() of them; not str or bytes).
std::map<std::string, double> dict_values(const py::dict& values) {
    std::map<std::string, double> out;
    PyObject* key = nullptr;
    PyObject* value = nullptr;
    Py_ssize_t position = 0;
    while (PyDict_Next(values.ptr(), &position, &key, &value)) {
        Py_ssize_t size = 0;
        const char* text = PyUnicode_Check(key) ? PyUnicode_AsUTF8AndSize(key, &size) : nullptr;
        if (text == nullptr) {
            PyErr_Clear();  // not a str, or a str with a lone surrogate
            throw ValidationError("indicator ids", Message("{0}; expected a str"_en, "{0}；应为字符串"_zh, {py::repr(key).cast<std::string>()}));
        }
        std::string id(text, static_cast<std::size_t>(size));
        if (is_na(value)) continue;
        double number = 0;
        if (PyFloat_CheckExact(value)) {
            number = PyFloat_AS_DOUBLE(value);
        } else {
            PyObject* converted = PyUnicode_Check(value) || PyBytes_Check(value) ? nullptr : PyNumber_Float(value);
            if (converted == nullptr) {
                PyErr_Clear();
                throw ValidationError(id, Message("{0}; expected a number"_en, "{0}；应为数值"_zh, {shown(value)}));
            }
            number = PyFloat_AS_DOUBLE(converted);
            Py_DECREF(converted);
        }
        out.emplace(std::move(id), number);
    }
    return out;
}

FrameworkEvaluation evaluate_one(const Framework& framework, const std::map<std::string, double>& values, const std::string& unit,
                                 const std::string& unit_class, bool nan_as_missing) {
    Evaluation result;
    {
        py::gil_scoped_release release;
        result = framework.evaluate(values, unit, unit_class, EvaluateOptions{nan_as_missing});
    }
    return FrameworkEvaluation(std::move(result), framework);
}

FrameworkBatch evaluate_array(const Framework& framework, const ArrayLike& values,
                              const std::vector<std::string>& columns, const std::vector<std::string>& units,
                              const std::vector<std::string>& classes, bool nan_as_missing, int threads) {
    const MatrixArgument data = matrix_argument(values, "data", Message("indicators"_en, "指标"_zh));
    EvaluateOptions options;
    options.nan_as_missing = nan_as_missing;
    options.threads = threads;
    BatchEvaluation batch;
    {
        py::gil_scoped_release release;  // `data` holds the array meanwhile
        batch = evaluate_many(framework, data.view, columns, units, classes, options);
    }
    return FrameworkBatch(std::move(batch), framework);
}

}  // namespace

void register_evaluation(py::module_& m) {
    py::native_enum<Outcome>(m, "Outcome", "enum.Enum", "Where one indicator stands: met, not met or missing data.")
        .value("missing", Outcome::missing, "no data")
        .value("not_met", Outcome::not_met, "has data, misses the pass line")
        .value("met", Outcome::met, "has data, meets the pass line")
        .finalize();
    bind_enum<Decision>(m, "Decision", "Which rule decided the pass decision.");

    py::class_<IndicatorResult> indicator_result(m, "IndicatorResult", "One indicator's result for one unit.");
    py::class_<CategoryResult> category_result(m, "CategoryResult", "One category's subtotal for one unit.");
    py::class_<FrameworkEvaluation> evaluation(m, "Evaluation", "The result of evaluating one unit.");
    py::class_<FrameworkBatch> batch(m, "BatchEvaluation",
                                     "Results for many units; rows are units, columns indicators (framework order).");

    indicator_result.def_readonly("id", &IndicatorResult::id, "Indicator id.")
        .def_readonly("value", &IndicatorResult::value, "Measured value, None when missing.")
        .def_readonly("outcome", &IndicatorResult::outcome, "Met, not met or missing.")
        .def_readonly("counted", &IndicatorResult::counted, "False when missing data is skipped.")
        .def_readonly("score", &IndicatorResult::score, "Score share in [0, 1].")
        .def_readonly("points", &IndicatorResult::points, "Weighted contribution on the framework's scale.")
        .def_readonly("max_points", &IndicatorResult::max_points, "Full points on the scale, after renormalisation.")
        .def_property_readonly("pass_", [](const IndicatorResult& self) { return self.pass; },
                               "Pass line applied (for the unit's class).")
        .def_readonly("gap", &IndicatorResult::gap, "Distance to the pass line in the indicator's unit, 0 when met.")
        .def_readonly("relative_gap", &IndicatorResult::relative_gap, "gap / |pass line|; None when the line is 0 or data missing.")
        .def_readonly("meets_improvement", &IndicatorResult::meets_improvement, "Whether the improvement line is met, when there is one.")
        .def_readonly("obstacle", &IndicatorResult::obstacle, "Share in [0, 1] of all points lost that this indicator loses.")
        .def("__repr__", [](const IndicatorResult& self) { return repr(self); });

    category_result.def_readonly("id", &CategoryResult::id, "Category id.")
        .def_readonly("name", &CategoryResult::name, "Category name.")
        .def_readonly("depth", &CategoryResult::depth, "1 for top-level categories.")
        .def_readonly("score", &CategoryResult::score, "Aggregated score share in [0, 1].")
        .def_readonly("points", &CategoryResult::points, "Score share x the category's full points.")
        .def_readonly("max_points", &CategoryResult::max_points, "The category's full points on the scale.")
        .def_readonly("met", &CategoryResult::met, "Indicators met below it.")
        .def_readonly("assessed", &CategoryResult::assessed, "Indicators with data below it.")
        .def_readonly("indicators", &CategoryResult::indicators, "Indicators below it.")
        .def("__repr__", [](const CategoryResult& self) { return repr(self); });

    evaluation.def_readonly("framework", &Evaluation::framework, "Framework id.")
        .def_readonly("unit", &Evaluation::unit, "Unit id ('' when not given).")
        .def_readonly("indicators", &Evaluation::indicators, "Indicator results in framework order.")
        .def_readonly("categories", &Evaluation::categories, "Category results in framework order (depth first).")
        .def_readonly("total", &Evaluation::total, "Total on the framework's scale; None below min coverage.")
        .def_readonly("scale", &Evaluation::scale, "The framework's scale.")
        .def_readonly("met", &Evaluation::met, "Indicators met.")
        .def_readonly("assessed", &Evaluation::assessed, "Indicators with data.")
        .def_readonly("coverage", &Evaluation::coverage, "Share in [0, 1] of nominal weight with data.")
        .def_readonly("basic_failed", &Evaluation::basic_failed, "Basic items not met or without data.")
        .def_readonly("passed", &Evaluation::passed, "The pass decision.")
        .def_readonly("decided_by", &Evaluation::decided_by, "What decided it.")
        .def_property_readonly("failed_rule", [](const FrameworkEvaluation& self) { return self.failed_rule; },
                               "The first failing pass rule when decided_by is Decision.rule, else None (a copy).")
        .def_property_readonly(
            "reason", [](const FrameworkEvaluation& self) { return self.reason.text(Language::en); }, "The decision in words, English.")
        .def_property_readonly(
            "reason_zh", [](const FrameworkEvaluation& self) { return self.reason.text(Language::zh); }, "The decision in words, Chinese.")
        .def_property_readonly("error", [](const FrameworkEvaluation& self) { return self.error.text(Language::en); },
                               "Why the data was invalid, when decided_by is Decision.invalid, else ''.")
        .def_property_readonly("_framework", [](const FrameworkEvaluation& self) { return self.source; },
                               "The Framework evaluated against.")
        .def("indicator", &Evaluation::indicator, py::arg("id"), py::return_value_policy::reference_internal,
             "Result for one indicator id; raises NotFoundError.")
        .def("shortfalls", &Evaluation::shortfalls, py::return_value_policy::reference_internal,
             "Indicators not met (with data), in framework order.")
        .def("to_frame", frame_method<FrameworkEvaluation>("civitas._frames", "evaluation_to_frame"),
             "One row per indicator (index: indicator id), in framework order: name, category (the parent category's "
             "id), kind, direction, unit, value, outcome, counted, score, points, max_points, pass_low, pass_high, gap, "
             "relative_gap, meets_improvement, obstacle. Missing numbers are NaN; `meets_improvement` is a nullable "
             "boolean.")
        .def(
            "to_dict",
            [](const FrameworkEvaluation& self) { return JsonObject(python_function("civitas._frames", "evaluation_to_dict")(self)); },
            "The evaluation as plain Python data, the same as its JSON (`evaluation_to_json`).")
        .def("_repr_html_", html_method("evaluation_html"), html_doc)
        .def("__repr__", [](const FrameworkEvaluation& self) { return to_string(static_cast<const Evaluation&>(self), self.source); });

    batch.def_readonly("framework", &BatchEvaluation::framework, "Framework id.")
        .def_readonly("units", &BatchEvaluation::units, "Unit ids, one per row.")
        .def_readonly("classes", &BatchEvaluation::classes, "Unit classes, one per row ('' for none).")
        .def_readonly("indicator_ids", &BatchEvaluation::indicator_ids, "Indicator ids, framework order.")
        .def_readonly("category_ids", &BatchEvaluation::category_ids, "Category ids, framework order.")
        .def_property_readonly("values", [](const py::object& self) { return readonly_view(self.cast<const FrameworkBatch&>().values, self); },
                               "float64 (units, indicators): values as read, NaN where missing.")
        .def_property_readonly("scores", [](const py::object& self) { return readonly_view(self.cast<const FrameworkBatch&>().scores, self); },
                               "float64 (units, indicators): score shares in [0, 1].")
        .def_property_readonly("points", [](const FrameworkBatch& self) { return owned_array(self.points()); },
                               "float64 (units, indicators): weighted contributions on the scale (computed on access).")
        .def_property_readonly("max_points", [](const FrameworkBatch& self) { return owned_array(self.max_points()); },
                               "float64 (units, indicators): full points after renormalisation, 0 where skipped (computed on access).")
        .def_property_readonly("full_points", [](const py::object& self) { return readonly_view(self.cast<const FrameworkBatch&>().full_points, self); },
                               "float64 (indicators,): nominal full points of each indicator.")
        .def_property_readonly("gaps", [](const py::object& self) { return readonly_view(self.cast<const FrameworkBatch&>().gaps, self); },
                               "float64 (units, indicators): gaps in each indicator's unit, NaN where missing.")
        .def_property_readonly("outcomes", [](const py::object& self) { return readonly_view(self.cast<const FrameworkBatch&>().outcomes, self); },
                               "int8 (units, indicators): Outcome codes, 1 met, 0 not met, -1 missing.")
        .def_property_readonly("category_scores", [](const py::object& self) { return readonly_view(self.cast<const FrameworkBatch&>().category_scores, self); },
                               "float64 (units, categories): score shares.")
        .def_property_readonly("totals", [](const py::object& self) { return readonly_view(self.cast<const FrameworkBatch&>().totals, self); },
                               "float64 (units,): totals on the scale, NaN where no score is given.")
        .def_property_readonly("coverage", [](const py::object& self) { return readonly_view(self.cast<const FrameworkBatch&>().coverage, self); },
                               "float64 (units,): share of nominal weight with data.")
        .def_property_readonly("met", [](const py::object& self) { return readonly_view(self.cast<const FrameworkBatch&>().met, self); },
                               "int32 (units,): indicators met.")
        .def_property_readonly("assessed", [](const py::object& self) { return readonly_view(self.cast<const FrameworkBatch&>().assessed, self); },
                               "int32 (units,): indicators with data.")
        .def_property_readonly("basic_failed", [](const py::object& self) { return readonly_view(self.cast<const FrameworkBatch&>().basic_failed, self); },
                               "int32 (units,): basic items failed.")
        .def_property_readonly(
            "passed",
            [](const FrameworkBatch& self) {
                py::array_t<bool> passed(static_cast<py::ssize_t>(self.passed.size()));
                auto out = passed.mutable_unchecked<1>();
                for (std::size_t i = 0; i < self.passed.size(); ++i) out(static_cast<py::ssize_t>(i)) = self.passed[i];
                return passed;
            },
            "bool (units,): the pass decision (a copy).")
        .def_readonly("decided_by", &BatchEvaluation::decided_by, "What decided each unit's decision.")
        .def_property_readonly(
            "errors",
            [](const FrameworkBatch& self) {
                std::vector<std::string> errors;
                errors.reserve(self.errors.size());
                for (const Message& error : self.errors) errors.push_back(error.text(Language::en));
                return errors;
            },
            "'' or why the unit's data was invalid, per unit (a copy).")
        .def_property_readonly("ok", &BatchEvaluation::ok, "True when every unit's data was valid.")
        .def_property_readonly("_framework", [](const FrameworkBatch& self) { return self.source; },
                               "The Framework evaluated against.")
        .def(
            "unit",
            [](const FrameworkBatch& self, py::ssize_t row) {
                const std::size_t index = batch_row(self, row);
                return FrameworkEvaluation(unit_evaluation(self.source, self, index), self.source);
            },
            py::arg("row"), "The full result of unit `row`, equal to evaluating that unit alone.")
        .def(
            "__getitem__",
            [](const FrameworkBatch& self, py::ssize_t row) {
                const std::size_t index = batch_row(self, row);
                return FrameworkEvaluation(unit_evaluation(self.source, self, index), self.source);
            },
            py::arg("row"))
        .def("to_frame", frame_method<FrameworkBatch>("civitas._frames", "batch_to_frame"),
             "One row per unit (index: unit id): class, total, passed, met, assessed, basic_failed, coverage, "
             "decided_by, error. `total` is NaN where no score is given.")
        .def(
            "to_dict",
            [](const FrameworkBatch& self) { return JsonObject(python_function("civitas._frames", "batch_to_dict")(self)); },
            "Every unit's full evaluation as plain Python data, as `civitas score --format json` writes it: "
            "{\"framework\": id, \"units\": [evaluation dict, ...]}.")
        .def("scores_frame", frame_method<FrameworkBatch>("civitas._frames", "scores_frame"),
             "Score shares in [0, 1], units x indicators.")
        .def("points_frame", frame_method<FrameworkBatch>("civitas._frames", "points_frame"),
             "Weighted contributions on the framework's scale, units x indicators.")
        .def("values_frame", frame_method<FrameworkBatch>("civitas._frames", "values_frame"),
             "Values as read (NaN where missing), units x indicators.")
        .def("gaps_frame", frame_method<FrameworkBatch>("civitas._frames", "gaps_frame"),
             "Gaps to the pass line in each indicator's unit (0 when met, NaN where missing), units x indicators.")
        .def("outcomes_frame", frame_method<FrameworkBatch>("civitas._frames", "outcomes_frame"),
             "'met', 'not_met' or 'missing', units x indicators.")
        .def("category_scores_frame", frame_method<FrameworkBatch>("civitas._frames", "category_scores_frame"),
             "Category score shares in [0, 1], units x categories.")
        .def("__len__", &BatchEvaluation::size, "Number of units.")
        .def("_repr_html_", html_method("batch_html"), html_doc)
        .def("__repr__", [](const FrameworkBatch& self) { return to_string(static_cast<const BatchEvaluation&>(self)); });

    auto framework = py::reinterpret_borrow<py::class_<Framework>>(m.attr("Framework"));
    framework
        .def(
            "_evaluate",
            &evaluate_one,
            py::arg("values"), py::arg("unit") = "", py::arg("unit_class") = "", py::arg("nan_as_missing") = false,
            "Evaluates one unit; values keyed by indicator id, absent ids are missing data. "
            "Raises NotFoundError for an unknown id and ValidationError for a bad value.")
        .def("_evaluate_many", &evaluate_array, py::arg("values"), py::arg("columns"),
             py::arg("units") = std::vector<std::string>{}, py::arg("classes") = std::vector<std::string>{},
             py::arg("nan_as_missing") = false, py::arg("threads") = 0,
             "Evaluates many units: `values` (float64, C or Fortran order, read in place) has a row "
             "per unit and a column per id in `columns`. Units with invalid data get an error "
             "and Decision.invalid; the others are still evaluated.")
        .def(
            "evaluate",
            [](const Framework& self, const Typed<UnitValuesHint>& values, const std::optional<std::string>& unit,
               const std::string& unit_class, bool nan_as_missing) {
                if (PyDict_Check(values.ptr()))  // the common case, read here: a small call stays small
                    return Instance<FrameworkEvaluation>(
                        py::cast(evaluate_one(self, dict_values(values), unit.value_or(""), unit_class, nan_as_missing)));
                return Instance<FrameworkEvaluation>(python_function("civitas._frames", "evaluate")(
                    self, values, unit, unit_class, py::arg("nan_as_missing") = nan_as_missing));
            },
            py::arg("values"), py::arg("unit") = py::none(), py::arg("unit_class") = "", py::kw_only(),
            py::arg("nan_as_missing") = false,
            "Evaluates one unit.\n\n"
            "`values` maps indicator ids to values: a dict, any Mapping, or a pandas Series indexed by indicator id. "
            "An id that is absent, or whose value is None or `pandas.NA`, is missing data. NaN is invalid data "
            "(ValidationError) unless `nan_as_missing` is true, when it is missing data as in pandas. `unit` defaults "
            "to the Series' name when it is a str.\n\n"
            "Raises NotFoundError for an unknown indicator id, ValidationError for an invalid value.")
        .def(
            "evaluate_many",
            [](const Framework& self, const Typed<UnitTableHint>& data, const std::optional<Strings>& columns,
               const std::optional<Strings>& units, const std::optional<Typed<UnitClassesHint>>& classes, bool nan_as_missing,
               int threads) {
                return Instance<FrameworkBatch>(python_function("civitas._frames", "evaluate_many")(
                    self, data, py::arg("columns") = columns, py::arg("units") = units, py::arg("classes") = classes,
                    py::arg("nan_as_missing") = nan_as_missing, py::arg("threads") = threads));
            },
            py::arg("data"), py::kw_only(), py::arg("columns") = py::none(), py::arg("units") = py::none(),
            py::arg("classes") = py::none(), py::arg("nan_as_missing") = false, py::arg("threads") = 0,
            "Evaluates many units at once.\n\n"
            "`threads` sets how many threads evaluate a large batch (0: one per core, 1: none); the results never "
            "depend on it.\n\n"
            "`data` is a DataFrame (index: unit ids, columns: indicator ids), a 2-D array (rows: units) with "
            "`columns=` naming its columns, or a table that exports an Arrow stream (`__arrow_c_stream__`: pyarrow, "
            "polars, DuckDB; first column the unit ids, nulls NaN), read as read_value_table_arrow reads it. Columns may come in any order and leave indicators out (missing data). "
            "float64 arrays are read in place, in C or Fortran order. `classes` gives each unit's class (for "
            "`pass_by_class`): a sequence, or for a DataFrame the name of the column holding them. Empty cells are "
            "NaN: pass `nan_as_missing=True` for them to be missing data rather than invalid.\n\n"
            "A unit with invalid data gets `errors[i]` and `Decision.invalid`; the others are still evaluated. Raises "
            "NotFoundError for an unknown column id.");
}

}  // namespace civitas::python
