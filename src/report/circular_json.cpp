// A circular's data as JSON (civitas-circular/1, schema data/schema/circular.schema.json).

#include "io/detail/result_json.hpp"
#include "report/detail/circular_json.hpp"
#include "report/detail/document.hpp"

#include <civitas/report/circular.hpp>
#include <civitas/version.hpp>

namespace civitas::detail {

namespace {

Json text_or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json row_json(const CircularRow& r) {
    const auto submissions = [&](int value) { return r.submits ? Json(value) : Json(nullptr); };
    return Json{{"department", text_or_null(r.department)},
                {"name", r.name},
                {"leader", r.leader},
                {"tasks_due", r.tasks_due},
                {"done_on_time", r.done_on_time},
                {"on_time_rate", optional_json(r.on_time_rate)},
                {"overdue", r.overdue},
                {"most_days_overdue", r.most_days_overdue},
                {"problems_overdue", r.problems_overdue},
                {"submits", r.submits},
                {"submissions_due", submissions(r.submissions_due)},
                {"submissions_late", submissions(r.submissions_late)},
                {"submissions_missing", submissions(r.submissions_missing)},
                {"rank", r.rank},
                {"rank_since", r.rank_since}};
}

Json task_json(const CircularTask& t) {
    return Json{{"id", t.id},
                {"name", t.name},
                {"department", t.department},
                {"leader", t.leader},
                {"due", to_iso(t.due)},
                {"days_late", t.days_late},
                {"finished", optional_date(t.finished)}};
}

Json problem_json(const CircularProblem& p) {
    return Json{{"id", p.id},
                {"description", p.description},
                {"department", p.department},
                {"deadline", to_iso(p.deadline)},
                {"days_late", p.days_late},
                {"closed", optional_date(p.closed)}};
}

template <class T, class Write>
Json list(const std::vector<T>& items, Write write) {
    Json out = Json::array();
    for (const T& item : items) out.push_back(write(item));
    return out;
}

Json move_json(const RankChange& m) { return Json{{"name", m.name}, {"before", m.before}, {"after", m.after}}; }

Json action_json(const CircularAction& a) {
    Json reasons = Json::array(), reasons_zh = Json::array();
    for (const Message& reason : a.reasons) {
        reasons.push_back(reason.text(Language::en));
        reasons_zh.push_back(reason.text(Language::zh));
    }
    return Json{{"department", text_or_null(a.department)}, {"name", a.name},       {"rule", a.rule},
                {"rule_name", a.rule_name},                 {"reasons", reasons}, {"reasons_zh", reasons_zh}};
}

}  // namespace

Json circular_rows_json(const std::vector<CircularRow>& rows) { return list(rows, row_json); }
Json circular_actions_json(const std::vector<CircularAction>& actions) { return list(actions, action_json); }

std::string render_json(const Circular& c) {
    const CircularChanges& ch = c.changes;
    const Json document{{"format", "civitas-circular/1"},
                        {"generator", std::string("civitas ") + version},
                        {"campaign", c.campaign},
                        {"name", c.name},
                        {"as_of", to_iso(c.as_of)},
                        {"since", to_iso(c.since)},
                        {"language", to_string(c.language)},
                        {"schedule", c.schedule},
                        {"rows", circular_rows_json(c.rows)},
                        {"overdue", list(c.overdue, task_json)},
                        {"overdue_total", c.overdue_total},
                        {"problems", list(c.problems, problem_json)},
                        {"problems_total", c.problems_total},
                        {"changes", Json{{"finished", list(ch.finished, task_json)},
                                         {"finished_total", ch.finished_total},
                                         {"newly_overdue", list(ch.newly_overdue, task_json)},
                                         {"newly_overdue_total", ch.newly_overdue_total},
                                         {"closed", list(ch.closed, problem_json)},
                                         {"closed_total", ch.closed_total},
                                         {"improved", list(ch.improved, move_json)},
                                         {"slipped", list(ch.slipped, move_json)}}},
                        {"actions", circular_actions_json(c.actions)}};
    // Names are UTF-8 as the readers check; a campaign built in code may hold other bytes, which
    // become U+FFFD rather than an exception.
    return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace civitas::detail
