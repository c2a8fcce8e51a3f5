// The JSON of results that several writers share (src/io/detail/result_json.hpp).

#include "io/detail/result_json.hpp"

#include <cmath>

namespace civitas::detail {

Json optional_date(const std::optional<Date>& date) { return date ? Json(to_iso(*date)) : Json(nullptr); }
Json bound(double value) { return std::isfinite(value) ? Json(value) : Json(nullptr); }
Json line_object(const Interval& line) { return Json{{"low", bound(line.low)}, {"high", bound(line.high)}}; }
Json line_pair(const Interval& line) { return Json::array({bound(line.low), bound(line.high)}); }

void put_message(Json& object, const std::string& key, const Message& message) {
    object[key] = message.text(Language::en);
    object[key + "_zh"] = message.text(Language::zh);
}

Json target_json(const TargetProgress& t) {
    return Json{{"unit", t.unit},
                {"indicator", t.indicator},
                {"every_unit", t.every_unit},
                {"target", t.target},
                {"line", line_object(t.line)},
                {"deadline", optional_date(t.deadline)},
                {"department", t.department},
                {"latest", optional_json(t.latest)},
                {"latest_date", optional_date(t.latest_date)},
                {"projected", optional_json(t.projected)},
                {"met_now", t.met_now},
                {"on_track", t.on_track},
                {"state", to_string(t.state)}};
}

Json survey_json(const SurveyCheck& s) {
    return Json{{"unit", s.unit},
                {"indicator", s.indicator},
                {"date", to_iso(s.date)},
                {"estimate", s.estimate},
                {"sample_size", s.sample_size},
                {"line", line_object(s.line)},
                {"low", s.low},
                {"high", s.high},
                {"probability", s.probability},
                {"meets", s.meets},
                {"in_doubt", s.in_doubt}};
}

Json progress_json(const Progress& p) {
    Json states = Json::object();
    for (const auto& [state, n] : p.states) states[to_string(state)] = n;
    return Json{{"tasks", p.tasks},
                {"states", states},
                {"spi", optional_json(p.spi)},
                {"spi_t", optional_json(p.spi_t)},
                {"due", p.due},
                {"done_on_time", p.done_on_time},
                {"on_time_rate", optional_json(p.on_time_rate())},
                {"problems", Json{{"found", p.problems.found},
                                  {"closed", p.problems.closed},
                                  {"closed_on_time", p.problems.closed_on_time},
                                  {"overdue", p.problems.overdue}}},
                {"funds", Json{{"budget", p.budget},
                               {"budget_planned", p.budget_planned},
                               {"budget_earned", p.budget_earned},
                               {"spent", p.spent},
                               {"cpi", optional_json(p.cpi)},
                               {"spending_rate", optional_json(p.spending_rate())}}}};
}

}  // namespace civitas::detail
