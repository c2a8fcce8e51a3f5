/// civitas._core: the compiled half of the civitas Python package. The public package is
/// `civitas` (python/civitas/), which re-exports these names and adds the pandas layer.

#include "bindings.hpp"

#include <civitas/version.hpp>

PYBIND11_MODULE(_core, m) {
    m.doc() = "civitas._core: C++ core of the civitas package (use `import civitas`)";
    m.attr("version") = civitas::version;

    // Order matters for signatures: a type must be registered before a function names it.
    civitas::python::register_errors(m);
    civitas::python::register_limits(m);
    civitas::python::register_round_scheme(m);
    civitas::python::register_framework(m);
    civitas::python::register_evaluation(m);
    civitas::python::register_calendar(m);
    civitas::python::register_plan(m);
    civitas::python::register_trend(m);
    civitas::python::register_observations(m);
    civitas::python::register_campaign(m);
    civitas::python::register_assessment(m);
    civitas::python::register_readiness(m);
    civitas::python::register_report(m);
    civitas::python::register_weights(m);
    civitas::python::register_ranking(m);
    civitas::python::register_uncertainty(m);
    civitas::python::register_io(m);
    civitas::python::register_cli(m);
}
