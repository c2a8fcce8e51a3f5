// Evaluation results as JSON, for host systems and the command line.


#include <civitas/io/framework_io.hpp>
#include <nlohmann/json.hpp>

#include <cmath>

namespace civitas {

namespace {

using Json = nlohmann::ordered_json;

template <class T>
Json optional_json(const std::optional<T>& value) {
    return value ? Json(*value) : Json(nullptr);
}

Json line_json(const Interval& line) {
    return Json::array({std::isinf(line.low) ? Json(nullptr) : Json(line.low),
                        std::isinf(line.high) ? Json(nullptr) : Json(line.high)});
}

}  // namespace

std::string evaluation_to_json(const Evaluation& e, int indent) {
    Json j;
    j["framework"] = e.framework;
    j["unit"] = e.unit;
    j["passed"] = e.passed;
    j["decided_by"] = to_string(e.decided_by);
    j["reason"] = e.reason.text(Language::en);
    if (!e.error.empty()) j["error"] = e.error.text(Language::en);
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
                              {"pass", line_json(r.pass)}, {"gap", optional_json(r.gap)},
                              {"relative_gap", optional_json(r.relative_gap)},
                              {"meets_improvement", optional_json(r.meets_improvement)}, {"obstacle", r.obstacle}});
    j["indicators"] = indicators;
    return j.dump(indent);
}

}  // namespace civitas
