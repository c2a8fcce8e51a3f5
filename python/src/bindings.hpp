#pragma once
/// Private to the extension: the register functions module.cpp calls, and the few types and
/// helpers more than one bind_*.cpp needs.

#include <civitas/evaluation.hpp>
#include <civitas/framework.hpp>

#include <pybind11/native_enum.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <iterator>
#include <string>
#include <utility>

namespace civitas::python {

namespace py = pybind11;

/// civitas.Error and its subclasses, and the one translator from C++ exceptions to them.
void register_errors(py::module_& m);
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

/// An enum as a Python enum.Enum whose member names are the names used in files (EnumNames).
template <class Enum>
void bind_enum(py::module_& m, const char* name, const char* doc) {
    py::native_enum<Enum> binding(m, name, "enum.Enum", doc);
    const auto& names = EnumNames<Enum>::values;
    for (std::size_t i = 0; i < std::size(names); ++i) binding.value(names[i], static_cast<Enum>(i));
    binding.finalize();
}

}  // namespace civitas::python
