/// Readiness: Rag, TitleReadiness, Readiness and readiness(). Evaluations cross as
/// BatchEvaluation (with their framework), dates as datetime.date.

#include "bindings.hpp"
#include "date_caster.hpp"

#include <civitas/readiness.hpp>

#include <pybind11/stl.h>

#include <optional>
#include <string>

namespace civitas::python {

namespace {

// A title's evaluation as Python's BatchEvaluation, which keeps its framework.
py::object batch_of(const TitleReadiness& t, const std::optional<BatchEvaluation>& batch) {
    if (!batch || !t.framework) return py::none();
    return py::cast(FrameworkBatch(*batch, *t.framework));
}

}  // namespace

void register_readiness(py::module_& m) {
    bind_enum<Rag>(m, "Rag", "Red, amber, green: how a title stands for a unit.");

    py::class_<TitleReadiness>(m, "TitleReadiness", "One title on the status date: its evaluations and each unit's verdict.")
        .def_readonly("title", &TitleReadiness::title)
        .def_readonly("inspection", &TitleReadiness::inspection, "The inspection date projected to, or None.")
        .def_readonly("framework", &TitleReadiness::framework, "The framework that judges it, or None.")
        .def_readonly("units", &TitleReadiness::units, "The campaign's units, in order.")
        .def_property_readonly("now", [](const TitleReadiness& t) { return batch_of(t, t.now); },
                               "The evaluation on the latest values (BatchEvaluation), or None without a framework.")
        .def_property_readonly("at_inspection", [](const TitleReadiness& t) { return batch_of(t, t.at_inspection); },
                               "The evaluation on the values projected to the inspection date, or None.")
        .def_readonly("rag", &TitleReadiness::rag, "Rag per unit.")
        .def_readonly("reasons", &TitleReadiness::reasons, "Per unit, in words.")
        .def_readonly("overdue_tasks", &TitleReadiness::overdue_tasks, "Per unit, ids of the overdue tasks that bear on it.")
        .def("__repr__", [](const TitleReadiness& t) {
            return "<civitas.TitleReadiness " + repr_string(t.title) + ": " + std::to_string(t.units.size()) + " units>";
        });

    py::class_<Readiness>(m, "Readiness", "A campaign's readiness on a date.")
        .def_readonly("as_of", &Readiness::as_of)
        .def_readonly("titles", &Readiness::titles, "Per title, in the campaign's order.")
        .def_readonly("plan", &Readiness::plan, "The plan's status on the date (PlanStatus), or None.")
        .def("title", &Readiness::title, py::arg("id"), py::return_value_policy::copy, "The readiness of a title; NotFoundError.")
        .def("__repr__", [](const Readiness& r) { return to_string(r); });

    m.def(
        "readiness",
        [](const Campaign& campaign, const Date& as_of, std::optional<Date> known_on, int trend_points, int at_risk_within) {
            ReadinessOptions options;
            options.known_on = known_on;
            options.trend_points = trend_points;
            options.status.at_risk_within = at_risk_within;
            return readiness(campaign, as_of, options);
        },
        py::arg("campaign"), py::arg("as_of"), py::kw_only(), py::arg("known_on") = py::none(), py::arg("trend_points") = 5,
        py::arg("at_risk_within") = 5, py::call_guard<py::gil_scoped_release>(),
        "Readiness of every title and unit on `as_of`: the evaluation now and projected to the inspection date, the "
        "overdue tasks that bear on it, and red / amber / green with the reason. `known_on` reproduces it as the data "
        "was known on that day.");
}

}  // namespace civitas::python
