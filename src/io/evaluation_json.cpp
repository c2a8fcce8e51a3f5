// Evaluation results as JSON, for host systems and the command line (docs/format.md, "Evaluation
// as JSON"; schema data/schema/evaluation.schema.json).

#include "io/detail/result_json.hpp"

#include <civitas/io/framework_io.hpp>

namespace civitas {

namespace detail {

Json evaluation_json(const Evaluation& e) {
    Json j;
    j["framework"] = e.framework;
    j["unit"] = e.unit;
    j["passed"] = e.passed;
    j["decided_by"] = to_string(e.decided_by);
    put_message(j, "reason", e.reason);
    if (!e.error.empty()) put_message(j, "error", e.error);
    j["total"] = optional_json(e.total);
    j["scale"] = e.scale;
    j["met"] = e.met;
    j["assessed"] = e.assessed;
    j["indicator_count"] = e.indicators.size();
    j["coverage"] = e.coverage;
    j["basic_failed"] = e.basic_failed;
    Json categories = Json::array();
    for (const CategoryResult& c : e.categories)
        categories.push_back({{"id", c.id}, {"name", c.name}, {"depth", c.depth}, {"score", c.score}, {"points", c.points},
                              {"max_points", c.max_points}, {"met", c.met}, {"assessed", c.assessed}, {"indicators", c.indicators}});
    j["categories"] = categories;
    Json indicators = Json::array();
    for (const IndicatorResult& r : e.indicators)
        indicators.push_back({{"id", r.id}, {"value", optional_json(r.value)}, {"outcome", to_string(r.outcome)},
                              {"counted", r.counted}, {"score", r.score}, {"points", r.points}, {"max_points", r.max_points},
                              {"pass", line_pair(r.pass)}, {"gap", optional_json(r.gap)},
                              {"relative_gap", optional_json(r.relative_gap)},
                              {"meets_improvement", optional_json(r.meets_improvement)}, {"obstacle", r.obstacle}});
    j["indicators"] = indicators;
    return j;
}

}  // namespace detail

std::string evaluation_to_json(const Evaluation& e, int indent) {
    // As the report does: bytes that are not UTF-8 in an id built in code read as U+FFFD, not an exception.
    return detail::evaluation_json(e).dump(indent, ' ', false, detail::Json::error_handler_t::replace);
}

}  // namespace civitas
