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
/// The campaign report: built once, rendered as text, Markdown, HTML or JSON (bind_report.cpp).
void register_report(py::module_& m);
/// Weights: AHP, entropy, CRITIC, standard deviation, combined weights.
void register_weights(py::module_& m);
/// Rankings: weighted sum, TOPSIS, VIKOR, grey relational analysis, ranks, awards.
void register_ranking(py::module_& m);
/// Robustness and attribution: rank_uncertainty, obstacle_degree, score_change_attribution.
void register_uncertainty(py::module_& m);
/// Files, bundled frameworks, version.
void register_io(py::module_& m);
/// _cli_run: the command-line program in process.
void register_cli(py::module_& m);
/// civitas.options: how notebooks show civitas's objects (bind_display.cpp).
void register_display(py::module_& m);

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
struct FlagsHint {
    static constexpr auto name = py::detail::const_name("collections.abc.Sequence[bool] | numpy.typing.NDArray[numpy.bool_] | None");
};
struct StringsHint {
    static constexpr auto name = py::detail::const_name("collections.abc.Sequence[str]");
};
struct LabelsHint {
    static constexpr auto name = py::detail::const_name("collections.abc.Sequence[object]");
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

/// A pandas.DataFrame made by the pandas layer.
using DataFrame = Typed<DataFrameHint>;
/// Anything numpy.asarray reads: an array, a list of numbers, a list of lists.
using ArrayLike = Typed<ArrayLikeHint>;
/// Booleans, one per entry (`benefit`, `eligible`), as a sequence or a numpy array, or None; read by flags().
using Flags = Typed<FlagsHint>;
/// A sequence of str (ids, names).
using Strings = Typed<StringsHint>;
/// A sequence of labels of any type (row labels of a DataFrame).
using Labels = Typed<LabelsHint>;
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

/// A batch that remembers its framework (Python's `BatchEvaluation`), for `unit(i)`.
struct FrameworkBatch : BatchEvaluation {
    FrameworkBatch(BatchEvaluation batch, Framework framework_)
        : BatchEvaluation(std::move(batch)), source(std::move(framework_)) {}
    Framework source;  ///< the framework evaluated against
};

/// repr() of a double that eval() reads back: `36.0`, `float('inf')`.
[[nodiscard]] std::string repr_number(double value);
/// repr() of a UTF-8 string as Python writes it: `'绿地率'`.
[[nodiscard]] std::string repr_string(const std::string& value);

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
    array.attr("flags").attr("writeable") = false;
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
        const std::string enum_name = py::str(py::cast(Enum{}).get_type().attr("__name__"));
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

/// A units-by-columns array and the view the library reads it through; `source` keeps the data alive.
struct MatrixArgument {
    py::array source;
    MatrixView view;
};

/// `x` as a MatrixArgument: float64 with whole-element strides (C order, Fortran order, slices)
/// is read in place, anything else copied once into a C-ordered float64 array. ValidationError
/// naming `what` for anything that is not a 2-D array of numbers; `columns` says what a column
/// holds ("criteria", "indicators").
[[nodiscard]] inline MatrixArgument matrix_argument(const py::handle& x, const std::string& what,
                                                    const Message& columns = Message("criteria"_en, "评价指标"_zh)) {
    constexpr auto item = static_cast<py::ssize_t>(sizeof(double));
    const auto not_a_matrix = [&] {
        return ValidationError(what, Message("{0}; expected a 2-D array of numbers (units by rows, {1} by columns)"_en,
                                             "{0}；应为二维数值数组（行为评价对象，列为{1}）"_zh,
                                             {py::str(py::type::of(x).attr("__name__")).cast<std::string>(), columns}));
    };
    if (py::isinstance<py::str>(x) || py::isinstance<py::bytes>(x)) throw not_a_matrix();  // numpy would read a 0-D array
    py::array source = py::array::ensure(x);
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
        source = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(source);
        if (!source) {
            PyErr_Clear();
            throw ValidationError(what, Message("an array of {0}; expected numbers"_en, "数组元素为 {0}；应为数值"_zh,
                                                {py::str(py::array::ensure(x).dtype()).cast<std::string>()}));
        }
    }
    const MatrixView view(static_cast<const double*>(source.data()), source.shape(0), source.shape(1), source.strides(0) / item,
                          source.strides(1) / item);
    return {std::move(source), view};
}

/// A 1-D float64 array (copied when it is not one already); `what` names it in errors.
[[nodiscard]] inline py::array_t<double, py::array::c_style> vector_array(const py::handle& values, const char* what) {
    auto array = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(values);
    if (!array) throw ValidationError(what, Message("expected a 1-D array of numbers"_en, "应为一维数值数组"_zh));
    if (array.ndim() != 1)
        throw ValidationError(what, Message("an array of {0} dimensions; expected 1"_en, "数组为 {0} 维；应为 1 维"_zh, {std::to_string(array.ndim())}));
    return array;
}

/// A bool per entry from None (empty) or a 1-D sequence of booleans (True / False, numpy bools);
/// ValidationError naming `what`, or the entry (`what[i]`) that is not a boolean.
[[nodiscard]] inline std::vector<bool> flags(const py::handle& values, const std::string& what) {
    if (values.is_none()) return {};
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
                throw ValidationError(what + "[" + std::to_string(i) + "]",
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

}  // namespace civitas::python

namespace pybind11::detail {
template <typename Class, typename Self>
struct op_impl<op_eq, op_l, Class, Self, civitas::python::AnyObject> {
    static char const* name() { return "__eq__"; }
    static bool execute(const Self& left, const object& other) { return isinstance<Self>(other) && left == other.cast<const Self&>(); }
};

template <class Hint>
struct handle_type_name<civitas::python::Typed<Hint>> {
    static constexpr auto name = Hint::name;
};
}  // namespace pybind11::detail
