// Readiness as JSON (civitas-readiness/1, schema data/schema/readiness.schema.json).

#include "io/detail/result_json.hpp"

#include <civitas/core/error.hpp>
#include <civitas/io/readiness_io.hpp>

#include <cstddef>
#include <string>

namespace civitas {

namespace {

using detail::Json;

// `object` with the item's reason in both languages.
template <class T>
Json with_reason(Json object, const T& item) {
    detail::put_message(object, "reason", item.reason);
    return object;
}

Json ruling_json(const Ruling& r) {
    return with_reason(Json{{"unit", r.unit}, {"indicator", r.indicator}, {"kind", to_string(r.kind)}, {"outcome", to_string(r.outcome)}},
                       r);
}

Json facts_json(const UnitFacts& f) {
    return Json{{"passes_now", detail::optional_json(f.passes_now)},
                {"passes_at_inspection", detail::optional_json(f.passes_at_inspection)},
                {"basic_failed", f.basic_failed},
                {"overdue_tasks", f.overdue_tasks},
                {"targets_off_track", f.targets_off_track},
                {"surveys_in_doubt", f.surveys_in_doubt},
                {"ruled_not_met", f.ruled_not_met},
                {"ruled_met", f.ruled_met}};
}

// Unit `row`'s evaluation in `batch`, or null without one.
Json evaluation_of(const TitleReadiness& t, const std::optional<BatchEvaluation>& batch, std::size_t row) {
    if (!t.framework || !batch || row >= batch->size()) return nullptr;
    return detail::evaluation_json(unit_evaluation(*t.framework, *batch, row));
}

// Title `k` of the readiness; ValidationError when its per-unit lists and its units differ in length.
Json title_json(const TitleReadiness& t, std::size_t k) {
    const std::size_t n = t.units.size();
    if (t.rag.size() != n || t.reasons.size() != n || t.facts.size() != n || t.overdue_tasks.size() != n)
        throw ValidationError("titles[" + std::to_string(k) + "]",
                              Message("title '{0}' has {1} units, but rag, reasons, facts or overdue_tasks has another length"_en,
                                      "称号 '{0}' 有 {1} 个单位，但 rag、reasons、facts 或 overdue_tasks 的长度与之不同"_zh,
                                      {t.title, std::to_string(n)}));
    Json units = Json::array();
    for (std::size_t u = 0; u < t.units.size(); ++u) {
        Json unit{{"unit", t.units[u]}, {"rag", to_string(t.rag[u])}};
        detail::put_message(unit, "reason", t.reasons[u]);
        unit["facts"] = facts_json(t.facts[u]);
        unit["overdue_tasks"] = t.overdue_tasks[u];
        unit["now"] = evaluation_of(t, t.now, u);
        unit["at_inspection"] = evaluation_of(t, t.at_inspection, u);
        units.push_back(std::move(unit));
    }
    Json targets = Json::array(), surveys = Json::array(), rulings = Json::array(), rulings_at_inspection = Json::array();
    for (const TargetProgress& target : t.targets) targets.push_back(with_reason(detail::target_json(target), target));
    for (const SurveyCheck& survey : t.surveys) surveys.push_back(with_reason(detail::survey_json(survey), survey));
    for (const Ruling& r : t.rulings) rulings.push_back(ruling_json(r));
    for (const Ruling& r : t.rulings_at_inspection) rulings_at_inspection.push_back(ruling_json(r));
    return Json{{"id", t.title},
                {"inspection", detail::optional_date(t.inspection)},
                {"framework", t.framework ? Json(t.framework->id()) : Json(nullptr)},
                {"units", units},
                {"targets", targets},
                {"surveys", surveys},
                {"rulings", rulings},
                {"rulings_at_inspection", rulings_at_inspection}};
}

}  // namespace

std::string readiness_to_json(const Readiness& readiness, int indent) {
    Json titles = Json::array();
    for (std::size_t k = 0; k < readiness.titles.size(); ++k) titles.push_back(title_json(readiness.titles[k], k));
    const Json document{{"format", readiness_format},
                        {"as_of", to_iso(readiness.as_of)},
                        {"titles", titles},
                        {"plan", readiness.plan ? detail::progress_json(readiness.plan->overall) : Json(nullptr)}};
    // Ids and names are UTF-8 as the readers check; a campaign built in code may hold other bytes,
    // which become U+FFFD rather than an exception (as in the report's JSON).
    return document.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace civitas
