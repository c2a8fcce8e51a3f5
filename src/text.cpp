// Short plain-text views of frameworks and results, shared by C++ users, the CLI and Python's repr.

#include <civitas/evaluation.hpp>
#include <civitas/framework.hpp>

#include "detail/number_format.hpp"

#include <cmath>
#include <sstream>

namespace civitas {

using detail::format_fixed;
using detail::format_number;

namespace {

std::string line_text(const Interval& line) {
    if (std::isinf(line.high) && std::isfinite(line.low)) return ">= " + format_number(line.low);
    if (std::isinf(line.low) && std::isfinite(line.high)) return "<= " + format_number(line.high);
    if (std::isinf(line.low) && std::isinf(line.high)) return "any";
    return "[" + format_number(line.low) + ", " + format_number(line.high) + "]";
}

}  // namespace

std::string to_string(const Framework& framework) {
    return "Framework('" + framework.id() + "', " + std::to_string(framework.indicators().size()) + " indicators, " +
           std::to_string(framework.categories().size()) + " categories, scale " + format_number(framework.scale()) + ")";
}

std::string to_string(const Evaluation& e) {
    std::ostringstream out;
    out << "Evaluation of " << (e.unit.empty() ? std::string("a unit") : "'" + e.unit + "'") << " against '" << e.framework
        << "': " << (e.passed ? "PASSED" : "NOT PASSED") << "\n";
    out << "  " << e.reason << "\n";
    out << "  total " << (e.total ? format_fixed(*e.total, 2) : std::string("none")) << " / " << format_number(e.scale) << "; "
        << e.met << " of " << e.indicators.size() << " indicators met, " << e.assessed << " assessed; coverage "
        << format_fixed(100 * e.coverage, 1) << "%\n";
    const auto shortfalls = e.shortfalls();
    if (!shortfalls.empty()) {
        out << "  not met (" << shortfalls.size() << "):\n";
        for (const IndicatorResult* r : shortfalls) {
            out << "    " << r->id << ": " << format_number(*r->value) << ", pass " << line_text(r->pass);
            if (r->gap) out << ", gap " << format_fixed(*r->gap, 4);
            if (r->relative_gap) out << " (" << format_fixed(100 * *r->relative_gap, 1) << "%)";
            out << ", obstacle " << format_fixed(100 * r->obstacle, 1) << "%\n";
        }
    }
    std::string text = out.str();
    text.pop_back();
    return text;
}

std::string to_string(const BatchEvaluation& batch) {
    std::size_t passed = 0, invalid = 0;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        passed += batch.passed[i];
        invalid += !batch.errors[i].empty();
    }
    std::string text = "BatchEvaluation('" + batch.framework + "', " + std::to_string(batch.size()) + " units, " +
                       std::to_string(passed) + " passed";
    if (invalid) text += ", " + std::to_string(invalid) + " invalid";
    return text + ")";
}

}  // namespace civitas
