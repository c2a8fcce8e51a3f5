#pragma once
/// Private to the extension: the register functions module.cpp calls, and the few types and
/// helpers more than one bind_*.cpp needs.

#include <civitas/core/error.hpp>
#include <civitas/framework/evaluation.hpp>
#include <civitas/framework/framework.hpp>
#include <civitas/core/limits.hpp>
#include <civitas/methods/ranking.hpp>

#include <pybind11/native_enum.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <filesystem>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace civitas::python {

namespace py = pybind11;

/// civitas.Error and its subclasses, and the one translator from C++ exceptions to them.
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
/// Campaigns: titles, units, departments, targets, the plan, and campaign files.
void register_campaign(py::module_& m);
/// Assessment rounds, checks, field inspections and the campaign's events (bind_assessment.cpp).
void register_assessment(py::module_& m);
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
[[nodiscard]] py::array readonly_view(const Matrix& data, py::handle owner);

/// A new matrix handed to numpy without a copy: the array owns it.
template <class Matrix>
[[nodiscard]] py::array owned_array(Matrix&& data) {
    auto* owned = new std::decay_t<Matrix>(std::forward<Matrix>(data));
    py::capsule free_when_done(owned, [](void* p) { delete static_cast<std::decay_t<Matrix>*>(p); });
    return readonly_view(*owned, free_when_done);
}

template <class Matrix>
py::array readonly_view(const Matrix& data, py::handle owner) {
    using Scalar = typename Matrix::Scalar;
    constexpr auto item = static_cast<py::ssize_t>(sizeof(Scalar));
    const auto rows = static_cast<py::ssize_t>(data.rows());
    const auto cols = static_cast<py::ssize_t>(data.cols());
    py::array array;
    if constexpr (Matrix::ColsAtCompileTime == 1) {
        array = py::array(py::dtype::of<Scalar>(), {rows}, {item}, data.data(), owner);
    } else if constexpr (Matrix::IsRowMajor) {
        array = py::array(py::dtype::of<Scalar>(), {rows, cols}, {cols * item, item}, data.data(), owner);
    } else {
        array = py::array(py::dtype::of<Scalar>(), {rows, cols}, {item, rows * item}, data.data(), owner);
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

/// A units-by-columns array and the view the library reads it through; `source` keeps the data alive.
struct MatrixArgument {
    py::array source;
    MatrixView view;
};

/// `x` as a MatrixArgument: float64 with whole-element strides (C order, Fortran order, slices)
/// is read in place, anything else copied once into a C-ordered float64 array. ValidationError
/// naming `what` for anything that is not a 2-D array of numbers; `columns` says what a column is
/// in the message ("criteria", "indicators").
[[nodiscard]] inline MatrixArgument matrix_argument(const py::handle& x, const std::string& what, const char* columns = "criteria") {
    constexpr auto item = static_cast<py::ssize_t>(sizeof(double));
    py::array source = py::array::ensure(x);
    if (!source) {
        PyErr_Clear();
        throw ValidationError(what, Message("{0}; expected a 2-D array of numbers (units by rows, {1} by columns)"_en,
                                            "{0}；应为二维数值数组（行为评价对象，列为{1}）"_zh,
                                            {py::str(py::type::of(x).attr("__name__")).cast<std::string>(), columns}));
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
    py::array array = py::array::ensure(values);
    if (!array || py::isinstance<py::str>(values) || array.ndim() != 1) {
        PyErr_Clear();
        throw ValidationError(what, Message("expected None or a 1-D sequence of booleans"_en, "应为 None 或一维布尔序列"_zh));
    }
    if (array.dtype().kind() != 'b') {
        const py::sequence items = py::reinterpret_borrow<py::sequence>(array.attr("tolist")());
        for (std::size_t i = 0; i < items.size(); ++i)
            if (!py::isinstance<py::bool_>(items[i]))
                throw ValidationError(what + "[" + std::to_string(i) + "]",
                                      Message("{0} is not a boolean; expected True or False"_en, "{0} 不是布尔值；应为 True 或 False"_zh,
                                              {py::repr(items[i]).cast<std::string>()}));
    }
    const auto typed = py::array_t<bool, py::array::forcecast>::ensure(array);
    std::vector<bool> out(static_cast<std::size_t>(typed.shape(0)));
    auto view = typed.unchecked<1>();
    for (py::ssize_t i = 0; i < typed.shape(0); ++i) out[static_cast<std::size_t>(i)] = view(i);
    return out;
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
