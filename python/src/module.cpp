/// civitas._core: the compiled half of the civitas Python package. The public package is
/// `civitas` (python/civitas/), which re-exports the names in `__all__`: every name bound here
/// that does not start with an underscore.

#include "bindings.hpp"

#include <civitas/version.hpp>

#include <string>

PYBIND11_MODULE(_core, m) {
    m.doc() = "civitas._core: C++ core of the civitas package (use `import civitas`). Besides classes and functions it "
              "holds `version`, the library's version; `max_depth`, the deepest nesting of categories and of sub-plans "
              "(64), in files and in memory; and the format id each kind of file carries (`framework_format`, ...).";
    m.attr("version") = civitas::version;

    // Order matters for signatures: a type must be registered before a function names it.
    civitas::python::register_errors(m);
    civitas::python::register_limits(m);
    civitas::python::register_simd(m);
    civitas::python::register_round_scheme(m);
    civitas::python::register_framework(m);
    civitas::python::register_evaluation(m);
    civitas::python::register_calendar(m);
    civitas::python::register_plan(m);
    civitas::python::register_trend(m);
    civitas::python::register_observations(m);
    civitas::python::register_assessment(m);
    civitas::python::register_campaign(m);
    civitas::python::register_assessment_queries(m);
    civitas::python::register_store(m);
    civitas::python::register_readiness(m);
    civitas::python::register_circular(m);
    civitas::python::register_report(m);
    civitas::python::register_form(m);  // after Language (bind_report.cpp)
    civitas::python::register_weights(m);
    civitas::python::register_ranking(m);
    civitas::python::register_agreement(m);
    civitas::python::register_uncertainty(m);
    civitas::python::register_io(m);
    civitas::python::register_cli(m);
    civitas::python::register_display(m);
    civitas::python::register_pickling(m);

    pybind11::list public_names;
    for (const auto& entry : m.attr("__dict__").cast<pybind11::dict>()) {
        if (entry.first.cast<std::string>().rfind('_', 0) != 0) public_names.append(entry.first);
    }
    m.attr("__all__") = public_names;
}
