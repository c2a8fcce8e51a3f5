// A report's data as JSON (civitas-report/1, schema data/schema/report.schema.json), and
// writing a rendered report to a file whole.

#include "io/detail/file_write.hpp"
#include "io/detail/json_reader.hpp"
#include "io/detail/result_json.hpp"
#include "report/detail/circular_json.hpp"
#include "report/detail/document.hpp"

#include <civitas/core/error.hpp>
#include <civitas/report/report.hpp>
#include <civitas/version.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace civitas {

namespace detail {

namespace {

Json names_json(const std::map<std::string, std::string>& names) {
    Json out = Json::object();
    for (const auto& [id, name] : names) detail::append_member(out, id, name);  // keys unique: a map's
    return out;
}

Json round_json(const RoundResult& r) {
    return Json{{"id", r.id},
                {"name", r.name},
                {"kind", to_string(r.kind)},
                {"date", to_iso(r.date)},
                {"total", optional_json(r.total)},
                {"scale", r.scale},
                {"consequences", r.consequences}};
}

Json event_json(const CampaignEvent& e) {
    return Json{{"date", to_iso(e.date)},
                {"end", optional_date(e.end)},
                {"title", e.title},
                {"kind", to_string(e.kind)},
                {"assessment", e.assessment ? Json(to_string(*e.assessment)) : Json(nullptr)},
                {"id", e.id},
                {"name", e.name}};
}

Json item_json(const ReportItem& item) {
    return Json{{"unit", item.unit},
                {"unit_name", item.unit_name},
                {"indicator", item.indicator},
                {"name", item.name},
                {"measure", item.measure},
                {"direction", to_string(item.direction)},
                {"basic", item.basic},
                {"value", optional_json(item.value)},
                {"value_date", optional_date(item.value_date)},
                {"met", item.met},
                {"projected", optional_json(item.projected)},
                {"projected_met", optional_json(item.projected_met)},
                {"line", line_object(item.line)},
                {"gap", optional_json(item.gap)},
                {"relative_gap", optional_json(item.relative_gap)},
                {"department", item.department},
                {"rule", item.rule ? Json(to_string(*item.rule)) : Json(nullptr)}};
}

Json task_json(const OverdueTask& task) {
    Json responsibility = Json::object();
    for (const auto& [field, value] : task.responsibility) responsibility[field] = value;
    return Json{{"id", task.id},
                {"name", task.name},
                {"responsibility", responsibility},
                {"due", to_iso(task.due)},
                {"days_late", task.days_late},
                {"percent_complete", task.percent_complete}};
}

Json unit_json(const UnitStanding& s) {
    return Json{{"unit", s.unit},
                {"name", s.name},
                {"rank", s.rank},
                {"rag", to_string(s.rag)},
                {"met", s.met},
                {"assessed", s.assessed},
                {"total", optional_json(s.total)},
                {"passes_now", optional_json(s.passes_now)},
                {"passes_at_inspection", optional_json(s.passes_at_inspection)},
                {"overdue_tasks", s.overdue_tasks}};
}

Json title_json(const TitleReport& t) {
    Json shortfalls = Json::array(), off_track = Json::array(), overdue = Json::array(), units = Json::array();
    for (const ReportItem& item : t.shortfalls) shortfalls.push_back(item_json(item));
    for (const ReportItem& item : t.off_track) off_track.push_back(item_json(item));
    for (const OverdueTask& task : t.overdue) overdue.push_back(task_json(task));
    for (const UnitStanding& s : t.units) units.push_back(unit_json(s));
    Json targets = Json::array(), surveys = Json::array(), rounds = Json::array();
    for (const TargetProgress& target : t.targets) targets.push_back(target_json(target));
    for (const SurveyCheck& s : t.surveys) surveys.push_back(survey_json(s));
    for (const RoundResult& r : t.rounds) rounds.push_back(round_json(r));
    return Json{{"id", t.id},
                {"name", t.name},
                {"framework", t.framework.empty() ? Json(nullptr) : Json(t.framework)},
                {"dates", Json{{"benchmark", optional_date(t.dates.benchmark)},
                               {"application", optional_date(t.dates.application)},
                               {"inspection", optional_date(t.dates.inspection)}}},
                {"days_to_inspection", optional_json(t.days_to_inspection)},
                {"top_unit", t.top_unit},
                {"rag", to_string(t.rag)},
                {"reason", t.reason},
                {"met", t.met},
                {"assessed", t.assessed},
                {"indicators", t.indicators},
                {"basic_failed", t.basic_failed},
                {"total", optional_json(t.total)},
                {"scale", t.scale},
                {"pass_total", optional_json(t.pass_total)},
                {"pass_share", optional_json(t.pass_share)},
                {"passes_now", t.passes_now},
                {"passes_at_inspection", optional_json(t.passes_at_inspection)},
                {"shortfalls", shortfalls},
                {"shortfalls_total", t.shortfalls_total},
                {"off_track", off_track},
                {"off_track_total", t.off_track_total},
                {"overdue", overdue},
                {"overdue_total", t.overdue_total},
                {"units", units},
                {"targets", targets},
                {"targets_total", t.targets_total},
                {"surveys", surveys},
                {"surveys_total", t.surveys_total},
                {"rounds", rounds},
                {"indicator_names", names_json(t.indicator_names)}};
}

Json gap_json(const ReportGap& g) {
    Json j{{"part", to_string(g.part)},
           {"title", g.title.empty() ? Json(nullptr) : Json(g.title)},
           {"unit", g.unit.empty() ? Json(nullptr) : Json(g.unit)}};
    put_message(j, "reason", g.reason);
    return j;
}

Json department_json(const DepartmentRow& d) {
    return Json{{"name", d.name},           {"leader", d.leader},
                {"tasks", d.tasks},         {"done", d.done},
                {"due", d.due},             {"done_on_time", d.done_on_time},
                {"overdue", d.overdue},     {"most_days_late", d.most_days_late},
                {"problems", d.problems},   {"problems_open", d.problems_open},
                {"targets", d.targets},     {"targets_short", d.targets_short},
                {"budget", d.budget},       {"budget_earned", d.budget_earned},
                {"spent", d.spent}};
}

Json accounts_json(const std::map<std::string, AccountFunds>& accounts) {
    Json j = Json::object();
    for (const auto& [account, funds] : accounts)
        j[account] = Json{{"budget", funds.budget}, {"spent", funds.spent}, {"spending_rate", optional_json(funds.spending_rate())}};
    return j;
}

Json over_budget_json(const std::vector<OverBudget>& lines) {
    Json j = Json::array();
    for (const OverBudget& o : lines)
        j.push_back(Json{{"id", o.id}, {"name", o.name}, {"responsibility", o.responsibility}, {"account", o.account},
                         {"budget", o.budget}, {"spent", o.spent}});
    return j;
}

}  // namespace

std::string render_json(const Report& report) {
    Json titles = Json::array(), departments = Json::array();
    for (const TitleReport& t : report.titles) titles.push_back(title_json(t));
    for (const DepartmentRow& d : report.departments) departments.push_back(department_json(d));
    Json events = Json::array(), gaps = Json::array();
    for (const CampaignEvent& e : report.next_events) events.push_back(event_json(e));
    for (const ReportGap& g : report.gaps) gaps.push_back(gap_json(g));
    const Json document{{"format", "civitas-report/1"},
                        {"generator", std::string("civitas ") + version},
                        {"campaign", report.campaign},
                        {"name", report.name},
                        {"as_of", to_iso(report.as_of)},
                        {"known_on", optional_date(report.known_on)},
                        {"language", to_string(report.language)},
                        {"plan", report.plan ? progress_json(*report.plan) : Json(nullptr)},
                        {"rejected_observations", report.rejected_observations},
                        {"gaps", gaps},
                        {"titles", titles},
                        {"departments", departments},
                        {"next_events", events},
                        {"unit_names", names_json(report.unit_names)},
                        {"department_names", names_json(report.department_names)},
                        {"circular", circular_rows_json(report.circular)},
                        {"actions", circular_actions_json(report.actions)},
                        {"accounts", accounts_json(report.accounts)},
                        {"over_budget", over_budget_json(report.over_budget)},
                        {"over_budget_total", report.over_budget_total}};
    // Names are UTF-8 as the readers check; a campaign built in code may hold other bytes, which
    // become U+FFFD rather than an exception.
    return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace detail

ReportFormat report_format_of(const std::string& path) {
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension.empty() || extension == ".txt") return ReportFormat::text;
    if (extension == ".html" || extension == ".htm") return ReportFormat::html;
    if (extension == ".md" || extension == ".markdown") return ReportFormat::markdown;
    if (extension == ".json") return ReportFormat::json;
    throw ValidationError(path, Message("'{0}' is not the extension of a report format; expected .txt or none (text), .md or .markdown, "
                                        ".html or .htm, .json, or a format named explicitly"_en,
                                        "'{0}' 不是报告格式的扩展名；应为 .txt 或无扩展名（纯文本）、.md 或 .markdown、.html 或 .htm、.json，"
                                        "或明确指定格式"_zh,
                                        {std::filesystem::path(path).extension().string()}));
}

void save_report_text(const std::string& text, const std::string& path) { detail::write_file_atomically(path, text); }

}  // namespace civitas
