#pragma once
/// Private to the extension: the register functions module.cpp calls, and the few types and
/// helpers more than one bind_*.cpp needs.

#include <civitas/core/error.hpp>
#include <civitas/core/limits.hpp>
#include <civitas/framework/evaluation.hpp>
#include <civitas/framework/framework.hpp>
#include <civitas/methods/ranking.hpp>

#include <pybind11/native_enum.h>
#include <pybind11/numpy.h>
#include <pybind11/operators.h>
#include <pybind11/pybind11.h>

#include "date_caster.hpp"

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace civitas::python {

namespace py = pybind11;

/// civitas.Error and its subclasses (defined in civitas/_errors.py), and the one translator from C++
/// exceptions to them.
void register_errors(py::module_& m);
/// civitas.Limits, the readers' limits (bind_io.cpp).
void register_limits(py::module_& m);
/// civitas.simd_path, available_simd_paths, use_simd_path.
void register_simd(py::module_& m);

/// The ReadOptions of a reader's keywords: `limits` (None for the defaults), `allow_outside`
/// and `base_folder` (None: the folder of `file`).
inline ReadOptions read_options_of(const std::optional<Limits>& limits, bool allow_outside = false,
                                   const std::optional<std::filesystem::path>& base_folder = std::nullopt) {
    ReadOptions options;
    if (limits) options.limits = *limits;
    options.allow_outside = allow_outside;
    if (base_folder) options.base_folder = *base_folder;
    return options;
}
/// AssessmentMode and the round schemes (RoundPart, ConsequenceRule, RoundScheme).
void register_round_scheme(py::module_& m);
/// Enums, the framework's value types and Framework itself.
void register_framework(py::module_& m);
/// Results (Evaluation, BatchEvaluation, ...) and Framework._evaluate / _evaluate_many.
void register_evaluation(py::module_& m);
/// WorkCalendar and calendar files (dates as datetime.date through date_caster.hpp).
void register_calendar(py::module_& m);
/// Plans, schedules and plan files (Link, Task, Plan, Schedule, schedule(), ...).
void register_plan(py::module_& m);
/// The campaign store: submissions, imports, history, withdrawal (bind_store.cpp).
void register_store(py::module_& m);
/// Submission forms: the form of a department, filled forms read and imported, CSV files (bind_form.cpp).
void register_form(py::module_& m);
/// Observations over time: ObservationStore, as-of queries, the CSV and JSON readers.
void register_observations(py::module_& m);
/// Trends, Open SDG progress, level-or-trend and history rules, survey intervals (bind_trend.cpp).
void register_trend(py::module_& m);
/// Assessment rounds, checks, field inspections and the campaign's events (bind_assessment.cpp).
void register_assessment(py::module_& m);
/// Campaigns: titles, units, departments, targets, the plan, and campaign files.
void register_campaign(py::module_& m);
/// The campaign's assessment queries: rounds, events, field inspections (bind_assessment.cpp).
void register_assessment_queries(py::module_& m);

/// Readiness: red / amber / green per title and unit, now and at the inspection date.
void register_readiness(py::module_& m);
/// Language, ReportFormat and the supervision circular: departments ranked, overdue work, changes, accountability (bind_circular.cpp).
void register_circular(py::module_& m);
/// The campaign report: built once, rendered as text, Markdown, HTML or JSON (bind_report.cpp).
void register_report(py::module_& m);
/// Weights: AHP, entropy, CRITIC, standard deviation, combined weights.
void register_weights(py::module_& m);
/// Rankings: weighted sum, TOPSIS, VIKOR, grey relational analysis, ranks, awards.
void register_ranking(py::module_& m);
/// Rank agreement: CorrelationMethod, rank_correlation, rank_correlation_matrix (bind_agreement.cpp).
void register_agreement(py::module_& m);
/// Robustness and attribution: rank_uncertainty, obstacle_degree, score_change_attribution.
void register_uncertainty(py::module_& m);
/// Files, bundled frameworks, version.
void register_io(py::module_& m);
/// _cli_run: the command-line program in process.
void register_cli(py::module_& m);
/// civitas.options: how notebooks show civitas's objects (bind_display.cpp).
void register_display(py::module_& m);
/// The settings behind `civitas.options`: one instance, changed in place.
struct DisplayOptions {
    std::optional<Language> display_language;  ///< none: Chinese when the names shown have Chinese characters, else English
    int display_max_rows = 10;                 ///< most rows of a table before "… N more"; >= 1
    /// Equal when both settings are.
    friend bool operator==(const DisplayOptions& a, const DisplayOptions& b) {
        return a.display_language == b.display_language && a.display_max_rows == b.display_max_rows;
    }
};
/// Pickling and copying of every class bound before it (bind_pickle.cpp).
void register_pickling(py::module_& m);

/// A Python object passed on as it is (to numpy, to the pandas layer) that signatures and the
/// stubs name `Hint::name`, a type expression such as "pandas.DataFrame".
template <class Hint>
class Typed : public py::object {
    static int accepts(PyObject* /*object*/) { return 1; }  // checked by the code it goes to

public:
    PYBIND11_OBJECT_DEFAULT(Typed, py::object, accepts)
};

/// The type names of Typed objects.
struct DataFrameHint {
    static constexpr auto name = py::detail::const_name("pandas.DataFrame");
};
struct ArrayLikeHint {
    static constexpr auto name = py::detail::const_name("numpy.typing.ArrayLike");
};
struct MatrixHint {
    static constexpr auto name = py::detail::const_name("pandas.DataFrame | numpy.typing.ArrayLike");
};
struct PerColumnHint {
    static constexpr auto name = py::detail::const_name("numpy.typing.ArrayLike | collections.abc.Mapping[str, float] | pandas.Series");
};
struct FlagsHint {
    static constexpr auto name = py::detail::const_name(
        "collections.abc.Sequence[bool] | numpy.typing.NDArray[numpy.bool_] | collections.abc.Mapping[str, bool] | pandas.Series | None");
};
struct StringsHint {
    static constexpr auto name = py::detail::const_name("collections.abc.Sequence[str]");
};
struct LabelsHint {
    static constexpr auto name = py::detail::const_name("collections.abc.Sequence[collections.abc.Hashable]");
};
struct ObjectHint {
    static constexpr auto name = py::detail::const_name("builtins.object");  // pybind11-stubgen writes a bare "object" as typing.Any
};
struct DatesHint {
    static constexpr auto name =
        py::detail::const_name("collections.abc.Sequence[datetime.date] | numpy.typing.NDArray[numpy.datetime64]");
};
struct JsonObjectHint {
    static constexpr auto name = py::detail::const_name("dict[str, typing.Any]");
};
template <class Class>
struct InstanceHint {
    static constexpr auto name = py::detail::make_caster<Class>::name;
};
template <class Enum>
struct EnumOrNameHint {
    static constexpr auto name = py::detail::make_caster<Enum>::name + py::detail::const_name(" | str");
};

/// PROMETHEE's preference functions as promethee() takes them: one shape (or name) for every
/// criterion or one per criterion.
struct PreferencesHint {
    static constexpr auto name = py::detail::make_caster<PreferenceShape>::name + py::detail::const_name(" | str | collections.abc.Sequence[") +
                                 py::detail::make_caster<PreferenceShape>::name + py::detail::const_name(" | str]");
};
/// A threshold for every criterion (a number) or one per criterion, or None.
struct ThresholdHint {
    static constexpr auto name = py::detail::const_name("float | numpy.typing.ArrayLike | None");
};

/// A pandas.DataFrame made by the pandas layer.
using DataFrame = Typed<DataFrameHint>;
/// Anything numpy.asarray reads: an array, a list of numbers, a list of lists.
using ArrayLike = Typed<ArrayLikeHint>;
/// Units by rows and columns by columns: a pandas DataFrame or a 2-D array; read by matrix_argument().
using Matrix = Typed<MatrixHint>;
/// A number per column of a Matrix (`weights`): a sequence, a numpy array, or a dict or Series keyed
/// by the DataFrame's column labels; read by vector_array().
using PerColumn = Typed<PerColumnHint>;
/// Booleans, one per entry (`benefit`, `eligible`), as a sequence, a numpy array, a dict or Series
/// keyed by the DataFrame's column labels, or None; read by flags().
using Flags = Typed<FlagsHint>;
/// A sequence of str (ids, names).
using Strings = Typed<StringsHint>;
/// A sequence of labels of any type (row labels of a DataFrame).
using Labels = Typed<LabelsHint>;
/// Any Python object, typed `object` as `__eq__`'s argument is.
using AnyPython = Typed<ObjectHint>;
/// Dates: datetime.date objects or a numpy datetime64 array.
using Dates = Typed<DatesHint>;
/// JSON data as Python's json module reads it: a dict with str keys.
using JsonObject = Typed<JsonObjectHint>;
/// An instance of a bound class that Python code made, returned as it is (not copied).
template <class Class>
using Instance = Typed<InstanceHint<Class>>;
/// An enum given as the enum or its name ("compound"), read by enum_argument.
template <class Enum>
using EnumOrName = Typed<EnumOrNameHint<Enum>>;

/// `function` of the pure-Python module `module` (civitas._frames, ...): the methods that build
/// pandas objects are bound with the classes and written there.
inline py::object python_function(const char* module, const char* function) {
    return py::module_::import(module).attr(function);
}

/// A method without arguments that returns `function(self)` of the pure-Python module `module`
/// as a DataFrame; `self` reaches Python as the object it was called on.
template <class Self>
auto frame_method(const char* module, const char* function) {
    return [module, function](const Self& self) { return DataFrame(python_function(module, function)(self)); };
}

/// `_repr_html_`, what Jupyter shows: `function(self)` of civitas._display (python/civitas/_display.py),
/// compact HTML in the language of `civitas.options.display_language`; `repr()` stays the plain text.
inline auto html_method(const char* function) {
    return [function](const py::object& self) { return python_function("civitas._display", function)(self).cast<std::string>(); };
}
/// The docstring of every `_repr_html_`.
inline constexpr const char* html_doc = "The HTML a notebook shows (civitas.options sets its language and rows).";

/// An evaluation that remembers its framework (Python's `Evaluation`): the pandas layer needs
/// indicator names and kinds, which the plain result does not carry.
struct FrameworkEvaluation : Evaluation {
    FrameworkEvaluation(Evaluation evaluation, Framework framework_)
        : Evaluation(std::move(evaluation)), source(std::move(framework_)) {}
    Framework source;  ///< the framework evaluated against
};

/// Equal results evaluated against equal frameworks.
inline bool operator==(const FrameworkEvaluation& a, const FrameworkEvaluation& b) {
    return static_cast<const Evaluation&>(a) == static_cast<const Evaluation&>(b) && a.source == b.source;
}

/// A batch that remembers its framework (Python's `BatchEvaluation`), for `unit(i)`.
struct FrameworkBatch : BatchEvaluation {
    FrameworkBatch(BatchEvaluation batch, Framework framework_)
        : BatchEvaluation(std::move(batch)), source(std::move(framework_)) {}
    Framework source;  ///< the framework evaluated against
};

/// Equal batches evaluated against equal frameworks.
inline bool operator==(const FrameworkBatch& a, const FrameworkBatch& b) {
    return static_cast<const BatchEvaluation&>(a) == static_cast<const BatchEvaluation&>(b) && a.source == b.source;
}

/// repr() of a double that eval() reads back: `36.0`, `float('inf')`.
[[nodiscard]] std::string repr_number(double value);
/// repr() of a UTF-8 string as Python writes it: `'绿地率'`.
[[nodiscard]] std::string repr_string(const std::string& value);
/// repr() of a date as Python writes it: `datetime.date(2026, 3, 31)`; `None` for not-a-date.
[[nodiscard]] std::string repr_date(const Date& date);

/// `array` made read-only, as `array.flags.writeable = False` does: through numpy's C API, as
/// pybind11's own Eigen casters do, since the attribute costs half a microsecond (numpy calls
/// setflags through Python), as much as a small ranking.
inline void make_readonly(const py::array& array) noexcept {
    py::detail::array_proxy(array.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
}

/// A read-only numpy view of `data` (an Eigen matrix or vector) kept alive by `owner`.
template <class Matrix>
[[nodiscard]] py::array_t<typename Matrix::Scalar> readonly_view(const Matrix& data, py::handle owner);

/// A new matrix handed to numpy without a copy: the array owns it.
template <class Matrix>
[[nodiscard]] py::array_t<typename std::decay_t<Matrix>::Scalar> owned_array(Matrix&& data) {
    auto* owned = new std::decay_t<Matrix>(std::forward<Matrix>(data));
    py::capsule free_when_done(owned, [](void* p) { delete static_cast<std::decay_t<Matrix>*>(p); });
    return readonly_view(*owned, free_when_done);
}

template <class Matrix>
py::array_t<typename Matrix::Scalar> readonly_view(const Matrix& data, py::handle owner) {
    using Scalar = typename Matrix::Scalar;
    constexpr auto item = static_cast<py::ssize_t>(sizeof(Scalar));
    const auto rows = static_cast<py::ssize_t>(data.rows());
    const auto cols = static_cast<py::ssize_t>(data.cols());
    py::array_t<Scalar> array;
    if constexpr (Matrix::ColsAtCompileTime == 1) {
        array = py::array_t<Scalar>({rows}, {item}, data.data(), owner);
    } else if constexpr (Matrix::IsRowMajor) {
        array = py::array_t<Scalar>({rows, cols}, {cols * item, item}, data.data(), owner);
    } else {
        array = py::array_t<Scalar>({rows, cols}, {item, rows * item}, data.data(), owner);
    }
    make_readonly(array);
    return array;
}

/// An enum's file names quoted and listed for an error message: "'compound', 'linear'".
template <class Enum>
[[nodiscard]] std::string quoted_enum_names() {
    std::string names;
    for (const char* known : EnumNames<Enum>::values) names += std::string(names.empty() ? "" : ", ") + "'" + known + "'";
    return names;
}

/// An enum argument given as the enum or its name ("vector", "geometric_mean"); ValidationError
/// naming `parameter` for an unknown name or a value of another type.
template <class Enum>
[[nodiscard]] Enum enum_argument(const py::handle& value, const std::string& parameter) {
    if (py::isinstance<py::str>(value)) {
        const auto name = value.cast<std::string>();
        if (const auto parsed = enum_from_string<Enum>(name)) return *parsed;
        throw ValidationError(parameter, Message("unknown value '{0}'; expected one of {1}"_en, "未知的取值 '{0}'；应为以下之一: {1}"_zh,
                                                 {name, quoted_enum_names<Enum>()}));
    }
    try {
        return value.cast<Enum>();
    } catch (const py::cast_error&) {
        const std::string enum_name = py::str(py::type::handle_of(py::cast(Enum{})).attr("__name__"));
        throw ValidationError(parameter, Message("expected a str or civitas.{0}, got {1}"_en, "应为字符串或 civitas.{0}，实为 {1}"_zh,
                                                 {enum_name, py::str(py::type::of(value).attr("__name__")).cast<std::string>()}));
    }
}

/// A date from Python: a datetime.date (not a datetime.datetime); ValidationError naming `where` otherwise.
[[nodiscard]] inline Date date_argument(py::handle item, const std::string& where) {
    py::detail::make_caster<Date> caster;
    if (!caster.load(item, false))
        throw ValidationError(where, Message("{0}; expected a datetime.date"_en, "{0}；应为 datetime.date"_zh, {py::repr(item).cast<std::string>()}));
    return py::detail::cast_op<Date>(caster);
}

/// Whether `x` is a pandas `kind` ("DataFrame", "Series"). pandas is not imported for it: when
/// nothing has imported it, nothing can be a pandas object.
[[nodiscard]] inline bool is_pandas(const py::handle& x, const char* kind) {
    if (py::isinstance<py::array>(x) || py::isinstance<py::list>(x) || py::isinstance<py::tuple>(x)) return false;
    PyObject* pandas = PyDict_GetItemString(PyImport_GetModuleDict(), "pandas");  // borrowed; null when not imported
    if (pandas == nullptr) return false;
    const py::object type = py::getattr(py::handle(pandas), kind, py::none());
    return !type.is_none() && py::isinstance(x, type);
}

/// Whether `x` is a mapping (a dict, any collections.abc.Mapping) and not a pandas object.
[[nodiscard]] inline bool is_mapping(const py::handle& x) {
    if (py::isinstance<py::dict>(x)) return true;
    if (py::isinstance<py::array>(x) || py::isinstance<py::list>(x) || py::isinstance<py::tuple>(x)) return false;
    return py::isinstance(x, py::module_::import("collections.abc").attr("Mapping"));
}

/// A label of a DataFrame's or Series' axis as a path writes it: repr(), `'green'`.
[[nodiscard]] inline std::string label_text(const py::handle& label) { return py::repr(label).cast<std::string>(); }

/// The name of `x`'s type, for "a dict; expected ..." messages.
[[nodiscard]] inline std::string type_name(const py::handle& x) {
    return py::str(py::type::of(x).attr("__name__")).cast<std::string>();
}

/// `source` (a numpy array) checked to hold numbers: bool, int, unsigned or float; objects only
/// when each is a number (int, float, Decimal, numpy scalars; not str). ValidationError naming
/// `what`, or the first entry of objects that is not a number (`what[i, j]`).
inline void check_numbers(const py::array& source, const std::string& what) {
    const char kind = source.dtype().kind();
    if (kind == 'b' || kind == 'i' || kind == 'u' || kind == 'f') return;
    if (kind != 'O')
        throw ValidationError(what, Message("an array of {0}; expected numbers"_en, "数组元素为 {0}；应为数值"_zh,
                                            {py::str(source.dtype()).cast<std::string>()}));
    py::ssize_t flat = 0;
    for (const py::handle entry : source.attr("flat")) {
        const bool text = py::isinstance<py::str>(entry) || py::isinstance<py::bytes>(entry) || py::isinstance<py::bytearray>(entry);
        PyObject* number = text ? nullptr : PyNumber_Float(entry.ptr());
        if (number != nullptr) {
            Py_DECREF(number);
        } else {
            PyErr_Clear();
            std::string place;
            for (py::ssize_t axis = source.ndim() - 1, rest = flat; axis >= 0; --axis) {
                place = std::to_string(rest % source.shape(axis)) + (place.empty() ? "" : ", ") + place;
                rest /= source.shape(axis);
            }
            throw ValidationError(source.ndim() == 0 ? what : what + "[" + place + "]",
                                  Message("{0}; expected a number"_en, "{0}；应为数值"_zh, {label_text(entry)}));
        }
        ++flat;
    }
}

/// A units-by-columns array and the view the library reads it through; `source` keeps the data
/// alive. `rows` and `columns` are a DataFrame's labels (lists), null for anything else.
struct MatrixArgument {
    py::array source;
    MatrixView view;
    py::object rows;
    py::object columns;
};

/// `x` as a MatrixArgument: a pandas DataFrame (its labels kept; each column checked to hold
/// numbers, NA read as NaN) or anything numpy reads as a 2-D array of numbers. float64 with
/// whole-element strides (C order, Fortran order, slices, read-only) is read in place, anything
/// else copied once into a C-ordered float64 array. ValidationError naming `what` (or the
/// column) for anything else; `columns` says what a column holds ("criteria", "indicators").
[[nodiscard]] inline MatrixArgument matrix_argument(const py::handle& x, const std::string& what,
                                                    const Message& columns = Message("criteria"_en, "评价指标"_zh)) {
    constexpr auto item = static_cast<py::ssize_t>(sizeof(double));
    const auto not_a_matrix = [&] {
        return ValidationError(what, Message("{0}; expected a 2-D array of numbers or a DataFrame (units by rows, {1} by columns)"_en,
                                             "{0}；应为二维数值数组或 DataFrame（行为评价对象，列为{1}）"_zh,
                                             {type_name(x), columns}));
    };
    MatrixArgument out;
    py::object given = py::reinterpret_borrow<py::object>(x);
    if (is_pandas(x, "DataFrame")) {
        out.rows = py::list(x.attr("index"));
        out.columns = py::list(x.attr("columns"));
        const py::list dtypes(x.attr("dtypes"));
        bool all_float64 = true;
        for (std::size_t j = 0; j < dtypes.size(); ++j) {
            const py::object dtype = dtypes[j];
            const auto kind = py::str(py::getattr(dtype, "kind", py::str("O"))).cast<std::string>();
            if (kind != "b" && kind != "i" && kind != "u" && kind != "f")
                throw ValidationError(what + "[" + label_text(py::list(out.columns)[j]) + "]",
                                      Message("a column of {0}; expected numbers"_en, "该列为 {0}；应为数值"_zh,
                                              {py::str(dtype).cast<std::string>()}));
            all_float64 = all_float64 && dtype.equal(py::dtype::of<double>());
        }
        // One float64 block is read without a copy; other columns (int, bool, nullable with NA) are converted.
        given = all_float64 ? x.attr("to_numpy")()
                            : x.attr("to_numpy")(py::arg("dtype") = "float64", py::arg("na_value") = std::nan(""));
    } else if (py::isinstance<py::str>(x) || py::isinstance<py::bytes>(x) || is_mapping(x) || is_pandas(x, "Series")) {
        throw not_a_matrix();  // numpy would read a 0-D or 1-D array
    }
    py::array source = py::isinstance<py::array>(given) ? py::reinterpret_borrow<py::array>(given) : py::array::ensure(given);
    if (!source) {
        PyErr_Clear();
        throw not_a_matrix();
    }
    if (source.ndim() != 2)
        throw ValidationError(what, Message("an array of {0} dimensions; expected 2 (units by rows, {1} by columns)"_en,
                                            "数组为 {0} 维；应为 2 维（行为评价对象，列为{1}）"_zh, {std::to_string(source.ndim()), columns}));
    const bool in_place = py::isinstance<py::array_t<double>>(source) && source.strides(0) % item == 0 &&
                          source.strides(1) % item == 0 &&
                          reinterpret_cast<std::uintptr_t>(source.data()) % alignof(double) == 0;
    if (!in_place) {
        check_numbers(source, what);
        source = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(source);
        if (!source) {
            PyErr_Clear();
            throw ValidationError(what, Message("an array of {0}; expected numbers"_en, "数组元素为 {0}；应为数值"_zh,
                                                {py::str(py::array::ensure(given).dtype()).cast<std::string>()}));
        }
    }
    out.view = MatrixView(static_cast<const double*>(source.data()), source.shape(0), source.shape(1), source.strides(0) / item,
                          source.strides(1) / item);
    out.source = std::move(source);
    return out;
}

/// The entries of a dict or pandas Series in the order of `labels` (a DataFrame's columns), as
/// a list; ValidationError naming `what` for a label without an entry, and `what[label]` for an
/// entry whose label is not among them.
[[nodiscard]] inline py::list aligned(const py::handle& values, const std::string& what, const py::list& labels) {
    py::dict entries;
    for (const py::handle pair : values.attr("items")()) {
        const py::tuple entry = py::reinterpret_borrow<py::object>(pair);
        if (entries.contains(entry[0]))
            throw ValidationError(what + "[" + label_text(entry[0]) + "]", Message("given twice; expected one entry per column"_en,
                                                                                    "重复给出；应每列一项"_zh));
        entries[entry[0]] = entry[1];
    }
    py::list out;
    for (const py::handle label : labels) {
        if (!entries.contains(label))
            throw ValidationError(what, Message("no entry for column {0}; expected one per column of the DataFrame"_en,
                                                "没有列 {0} 的项；DataFrame 的每列应有一项"_zh, {label_text(label)}));
        out.append(entries[label]);
        PyDict_DelItem(entries.ptr(), label.ptr());
    }
    for (const auto& extra : entries)
        throw ValidationError(what + "[" + label_text(extra.first) + "]", Message("no such column in the DataFrame; expected one of its columns"_en,
                                                                                   "DataFrame 中没有此列；应为其中的一列"_zh));
    return out;
}

/// `values` as given, or a dict or Series aligned with `labels` (a DataFrame's columns, a Series'
/// index; null for an array: then a Series is read in order and a dict is an error, having
/// nothing to align with).
[[nodiscard]] inline py::object by_label(const py::handle& values, const std::string& what, const py::object& labels) {
    const bool mapping = is_mapping(values);
    if (!mapping && !is_pandas(values, "Series")) return py::reinterpret_borrow<py::object>(values);
    if (labels) return aligned(values, what, labels);
    if (mapping)
        throw ValidationError(what, Message("a {0} keyed by label, with no labels to match (a DataFrame's columns, a Series' index); "
                                            "expected a sequence, one entry each in order"_en,
                                            "为按标签键入的 {0}，但没有可对应的标签（DataFrame 的列或 Series 的索引）；应为按顺序每项一个的序列"_zh,
                                            {type_name(values)}));
    return values.attr("to_numpy")();
}

/// A 1-D float64 array (copied when it is not one already); `what` names it in errors. `labels`
/// (a DataFrame's columns) aligns a dict or Series with them (by_label).
[[nodiscard]] inline py::array_t<double, py::array::c_style> vector_array(const py::handle& values, const std::string& what,
                                                                          const py::object& labels = py::object()) {
    const py::object given = by_label(values, what, labels);
    using Doubles = py::array_t<double, py::array::c_style>;
    if (py::isinstance<Doubles>(given) && py::reinterpret_borrow<py::array>(given).ndim() == 1)
        return py::reinterpret_borrow<Doubles>(given);  // read as it is, without numpy's conversions
    const auto not_numbers = [&] {
        return ValidationError(what, Message("{0}; expected a 1-D array of numbers"_en, "{0}；应为一维数值数组"_zh, {type_name(values)}));
    };
    if (py::isinstance<py::str>(given) || py::isinstance<py::bytes>(given)) throw not_numbers();
    const py::array source = py::array::ensure(given);
    if (!source) {
        PyErr_Clear();
        throw not_numbers();
    }
    if (source.ndim() != 1)
        throw ValidationError(what, Message("an array of {0} dimensions; expected 1"_en, "数组为 {0} 维；应为 1 维"_zh, {std::to_string(source.ndim())}));
    check_numbers(source, what);
    auto array = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(source);
    if (!array) {
        PyErr_Clear();
        throw not_numbers();
    }
    return array;
}

/// A bool per entry from None (empty) or a 1-D sequence of booleans (True / False, numpy bools);
/// ValidationError naming `what`, or the entry (`what[i]`) that is not a boolean. `labels` (a
/// DataFrame's columns) aligns a dict or Series with them (by_label).
[[nodiscard]] inline std::vector<bool> flags(const py::handle& given, const std::string& what, const py::object& labels = py::object()) {
    if (given.is_none()) return {};
    const py::object values = by_label(given, what, labels);
    const auto not_flags = [&] {
        return ValidationError(what, Message("expected None or a 1-D sequence of booleans"_en, "应为 None 或一维布尔序列"_zh));
    };
    if (py::isinstance<py::str>(values) || py::isinstance<py::bytes>(values)) throw not_flags();
    py::array array = py::array::ensure(values);
    if (!array || array.ndim() != 1) {
        PyErr_Clear();
        throw not_flags();
    }
    if (array.dtype().kind() != 'b') {
        // Each entry as given (numpy would have turned [True, "no"] into two strings).
        std::size_t i = 0;
        for (const py::handle entry : py::iter(values)) {
            py::detail::make_caster<bool> flag;
            if (!flag.load(entry, /*convert=*/false))
                throw ValidationError(what + "[" + (labels && i < py::len(labels) ? label_text(py::list(labels)[i]) : std::to_string(i)) + "]",
                                      Message("{0} is not a boolean; expected True or False"_en, "{0} 不是布尔值；应为 True 或 False"_zh,
                                              {py::repr(entry).cast<std::string>()}));
            ++i;
        }
    }
    const auto typed = py::array_t<bool, py::array::forcecast>::ensure(array);
    std::vector<bool> out(static_cast<std::size_t>(typed.shape(0)));
    auto view = typed.unchecked<1>();
    for (py::ssize_t i = 0; i < typed.shape(0); ++i) out[static_cast<std::size_t>(i)] = view(i);
    return out;
}

/// `path` with the numbers in it replaced by the labels of `data` when it is a DataFrame: the
/// matrix's own (`what`: "x[3, 2]" or "x[3][2]" -> "x.loc['u3', 'green']", "x[:, 2]" -> "x['green']")
/// and a per-column vector's ("weights[2]" -> "weights['green']"). Other paths are kept.
[[nodiscard]] inline std::string labelled_path(const std::string& path, const std::string& what, const MatrixArgument& data) {
    const auto open = path.find('[');
    if (!data.columns || open == std::string::npos || path.back() != ']') return path;
    const std::string name = path.substr(0, open);
    std::string inner = path.substr(open + 1, path.size() - open - 2);
    for (auto at = inner.find("]["); at != std::string::npos; at = inner.find("]["))
        inner.replace(at, 2, ", ");
    std::vector<std::string> parts;
    for (std::size_t from = 0;;) {
        const auto comma = inner.find(", ", from);
        parts.push_back(inner.substr(from, comma - from));
        if (comma == std::string::npos) break;
        from = comma + 2;
    }
    const auto label = [](const py::object& labels, const std::string& part) -> std::optional<std::string> {
        if (part.empty() || part.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
        const py::list list(labels);
        const auto index = std::stoul(part);
        if (index >= list.size()) return std::nullopt;
        return label_text(list[index]);
    };
    if (name == what && parts.size() == 2) {
        const auto column = label(data.columns, parts[1]);
        if (!column) return path;
        if (parts[0] == ":") return what + "[" + *column + "]";
        if (const auto row = label(data.rows, parts[0])) return what + ".loc[" + *row + ", " + *column + "]";
        return path;
    }
    if (name != what && parts.size() == 1)
        if (const auto column = label(data.columns, parts[0])) return name + "[" + *column + "]";
    return path;
}

/// `compute()`, with a ValidationError's path naming the labels of `data` (labelled_path) when
/// `data` is a DataFrame; `what` is the matrix's name ("x").
template <class Compute>
auto labelled(const MatrixArgument& data, const std::string& what, Compute&& compute) -> decltype(compute()) {
    if (!data.columns) return compute();
    try {
        return compute();
    } catch (const ValidationError& error) {
        throw ValidationError(labelled_path(error.path(), what, data), error.detail());
    }
}

/// The right side of `.def(py::self == any_object)`: `__eq__(self, other: object) -> bool`, true
/// for an equal instance of the class and false for anything else, as Python's `__eq__` is typed
/// (`py::self == py::self` would take only the class). Python derives `!=` from it.
struct AnyObject {};
inline constexpr AnyObject any_object{};

/// Binds a Message member as two read-only properties: `name` in English and `name_zh` in Chinese.
template <class Owner, class... Options>
void def_message(py::class_<Owner, Options...>& binding, const char* name, Message Owner::*member, const char* doc_en,
                 const char* doc_zh) {
    binding.def_property_readonly(name, [member](const Owner& self) { return (self.*member).text(Language::en); }, doc_en);
    binding.def_property_readonly((std::string(name) + "_zh").c_str(),
                                  [member](const Owner& self) { return (self.*member).text(Language::zh); }, doc_zh);
}

/// Binds Messages, one per entry, as two read-only list properties: `name` in English and `name_zh` in Chinese.
template <class Owner, class... Options>
void def_messages(py::class_<Owner, Options...>& binding, const char* name, std::vector<Message> Owner::*member,
                  const char* doc_en, const char* doc_zh) {
    const auto texts = [member](const Owner& self, Language language) {
        std::vector<std::string> out;
        for (const Message& m : self.*member) out.push_back(m.text(language));
        return out;
    };
    binding.def_property_readonly(name, [texts](const Owner& self) { return texts(self, Language::en); }, doc_en);
    binding.def_property_readonly((std::string(name) + "_zh").c_str(), [texts](const Owner& self) { return texts(self, Language::zh); },
                                  doc_zh);
}

/// An enum as a Python enum.Enum whose member names are the names used in files (EnumNames).
template <class Enum>
void bind_enum(py::module_& m, const char* name, const char* doc) {
    py::native_enum<Enum> binding(m, name, "enum.Enum", doc);
    const auto& names = EnumNames<Enum>::values;
    for (std::size_t i = 0; i < std::size(names); ++i) binding.value(names[i], static_cast<Enum>(i));
    binding.finalize();
}

/// PROMETHEE's preference function of each of `criteria` criteria from the arguments promethee()
/// and rank_uncertainty() take: `preference` a shape (or its name) for all or one per criterion;
/// `q`, `p`, `s` None, a number for all or one per criterion (bind_ranking.cpp).
[[nodiscard]] std::vector<PreferenceFunction> preference_functions(const py::handle& preference, const py::handle& q,
                                                                   const py::handle& p, const py::handle& s, std::ptrdiff_t criteria);

}  // namespace civitas::python

namespace pybind11::detail {
template <typename Class, typename Self>
struct op_impl<op_eq, op_l, Class, Self, civitas::python::AnyObject> {
    static char const* name() { return "__eq__"; }
    static bool execute(const Self& left, const civitas::python::AnyPython& other) {
        return isinstance<Self>(other) && left == other.cast<const Self&>();
    }
};

template <class Hint>
struct handle_type_name<civitas::python::Typed<Hint>> {
    static constexpr auto name = Hint::name;
};
}  // namespace pybind11::detail
