/// Round schemes: AssessmentMode, RoundPart, ConsequenceRule and RoundScheme, registered before the
/// framework, whose spec may hold one.

#include "bindings.hpp"

#include <civitas/framework/round_scheme.hpp>

#include <pybind11/operators.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

namespace civitas::python {

void register_round_scheme(py::module_& m) {
    bind_enum<AssessmentMode>(m, "AssessmentMode", "How a value was obtained (field inspection, questionnaire, statistics, ...).");

    py::class_<RoundPart>(m, "RoundPart", "One part of a round's score: the points a mode is worth.")
        .def(py::init([](std::string id, double full_points, std::string name, AssessmentMode mode) {
                 return RoundPart{std::move(id), std::move(name), mode, full_points};
             }),
             py::arg("id") = "", py::arg("full_points") = 0.0, py::kw_only(), py::arg("name") = "",
             py::arg("mode") = AssessmentMode::unspecified)
        .def_readwrite("id", &RoundPart::id, "Unique in the scheme.")
        .def_readwrite("name", &RoundPart::name, "Display name.")
        .def_readwrite("mode", &RoundPart::mode, "How its score is obtained.")
        .def_readwrite("full_points", &RoundPart::full_points, "Most points it gives, > 0.")
        .def(py::self == any_object)
        .def("__repr__", [](const RoundPart& p) {
            return "RoundPart(" + repr_string(p.id) + ", " + repr_number(p.full_points) + ", name=" + repr_string(p.name) +
                   ", mode=AssessmentMode." + to_string(p.mode) + ")";
        });

    py::class_<ConsequenceRule>(m, "ConsequenceRule", "A consequence of a round: a total below a line, or a flag.")
        .def(py::init([](std::string id, std::string name, std::optional<double> below, std::string flag, std::optional<int> months) {
                 return ConsequenceRule{std::move(id), std::move(name), below, std::move(flag), months};
             }),
             py::arg("id") = "", py::kw_only(), py::arg("name") = "", py::arg("below") = py::none(), py::arg("flag") = "",
             py::arg("months") = py::none())
        .def_readwrite("id", &ConsequenceRule::id, "What follows ('public_criticism', 'suspension').")
        .def_readwrite("name", &ConsequenceRule::name, "Display name ('通报批评').")
        .def_readwrite("below", &ConsequenceRule::below, "Triggered by a total strictly below this, or None.")
        .def_readwrite("flag", &ConsequenceRule::flag, "Or triggered by this flag on the round; '' for none.")
        .def_readwrite("months", &ConsequenceRule::months, "How long it lasts, in months, or None.")
        .def(py::self == any_object)
        .def("__repr__", [](const ConsequenceRule& r) {
            return "ConsequenceRule(" + repr_string(r.id) + ", name=" + repr_string(r.name) +
                   (r.below ? ", below=" + repr_number(*r.below) : "") + (r.flag.empty() ? "" : ", flag=" + repr_string(r.flag)) +
                   (r.months ? ", months=" + std::to_string(*r.months) : "") + ")";
        });

    py::class_<RoundScheme>(m, "RoundScheme", "How a title is judged in rounds: parts, year weights, consequences (mildest first).")
        .def(py::init([](std::vector<RoundPart> parts, std::vector<double> year_weights, std::vector<ConsequenceRule> consequences,
                         std::string id, std::string name, std::optional<int> first_year, std::string source) {
                 RoundScheme s;
                 s.id = std::move(id);
                 s.name = std::move(name);
                 s.parts = std::move(parts);
                 s.year_weights = std::move(year_weights);
                 s.first_year = first_year;
                 s.consequences = std::move(consequences);
                 s.source = std::move(source);
                 validate(s);
                 return s;
             }),
             py::arg("parts"), py::arg("year_weights") = std::vector<double>(), py::arg("consequences") = std::vector<ConsequenceRule>(),
             py::kw_only(), py::arg("id") = "", py::arg("name") = "", py::arg("first_year") = py::none(), py::arg("source") = "",
             "A validated scheme; ValidationError names the path ('$.year_weights').")
        .def_readwrite("id", &RoundScheme::id, "The bundled scheme's id, '' for one written in place.")
        .def_readwrite("name", &RoundScheme::name, "Display name.")
        .def_readwrite("parts", &RoundScheme::parts, "The parts of a round with their full points.")
        .def_readwrite("year_weights", &RoundScheme::year_weights, "Weight of each year of the cycle, summing to 1; empty: no cycle.")
        .def_readwrite("first_year", &RoundScheme::first_year, "Calendar year of the cycle's first year; None: the earliest annual test's.")
        .def_readwrite("consequences", &RoundScheme::consequences, "Consequence rules, mildest first.")
        .def_readwrite("source", &RoundScheme::source, "Where the scheme comes from, with its tag.")
        .def_property_readonly("full_points", &RoundScheme::full_points, "Sum of the parts' full points: a round's scale.")
        .def("part", &RoundScheme::part, py::arg("id"), py::return_value_policy::copy, "The part with this id; NotFoundError.")
        .def("validate", [](const RoundScheme& s) { validate(s); }, "Checks the scheme; ValidationError names the path.")
        .def(py::self == any_object)
        .def("__repr__", [](const RoundScheme& s) {
            return "RoundScheme(" + repr_string(s.id.empty() ? s.name : s.id) + ", " + std::to_string(s.parts.size()) + " parts, " +
                   repr_number(s.full_points()) + " points, " + std::to_string(s.year_weights.size()) + " years, " +
                   std::to_string(s.consequences.size()) + " consequences)";
        });
}

}  // namespace civitas::python
