#pragma once
/// The campaign report officials read: per title a one-page summary (where the city stands, what
/// is short and by how much, what is off track for the inspection date, overdue tasks and who
/// answers for them), a district ranking and a department accountability table; built once as
/// plain data, then rendered as text, Markdown, self-contained HTML or JSON, in Chinese or English.
/// It carries the top lines of the supervision circular (circular.hpp) on its date.

#include <civitas/core/enums.hpp>
#include <civitas/core/message.hpp>
#include <civitas/export.hpp>
#include <civitas/report/circular.hpp>
#include <civitas/report/format.hpp>
#include <civitas/tracking/campaign.hpp>
#include <civitas/tracking/readiness.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace civitas {

/// Options of a report.
struct CIVITAS_EXPORT ReportOptions {
    std::optional<Language> language;  ///< none: the campaign's language, else Chinese when its name has Chinese characters
    ReadinessOptions readiness;        ///< how readiness is computed
    int max_items = 8;                 ///< most rows in each per-title list (shortfalls, off track, targets, surveys, overdue), of the circular's lines and of the overspent budget lines; >= 1
    std::optional<std::vector<SubmissionRecord>> submissions;  ///< the store's submissions, counted in the circular's lines; none: submissions not counted
};

/// One indicator of one unit that misses its pass line, or is projected to.
struct CIVITAS_EXPORT ReportItem {
    std::string unit;                   ///< unit id
    std::string unit_name;              ///< its display name
    std::string indicator;              ///< indicator id
    std::string name;                   ///< indicator name
    std::string measure;                ///< the indicator's unit of measure ("%", "m²/person")
    Direction direction = Direction::higher;  ///< which values are better
    bool basic = false;                 ///< a basic (veto) item
    std::optional<double> value;        ///< latest value
    std::optional<Date> value_date;     ///< the day the latest value describes
    bool met = false;                   ///< the latest value meets the line
    std::optional<double> projected;    ///< value projected to the inspection date
    std::optional<bool> projected_met;  ///< whether the projected value meets the line
    Interval line;                      ///< the pass line applied
    std::optional<double> gap;          ///< distance to the line now, in the indicator's unit (0 when met)
    std::optional<double> relative_gap; ///< gap / |line|, when defined
    std::string department;             ///< who answers for it: the department of the campaign's target, "" when none
    std::optional<RulingKind> rule;     ///< the framework rule that decided its outcome now (subunit, level_or_trend, ...), when one did
    friend bool operator==(const ReportItem& a, const ReportItem& b) noexcept;
};

/// A unit's row in a title's district ranking.
struct CIVITAS_EXPORT UnitStanding {
    std::string unit;                 ///< unit id
    std::string name;                 ///< display name
    int rank = 0;                     ///< 1 = best; ties share the smaller rank
    Rag rag = Rag::green;             ///< its verdict
    int met = 0;                      ///< indicators met now
    int assessed = 0;                 ///< indicators with data now
    std::optional<double> total;      ///< score on the framework's scale, when scored
    std::optional<bool> passes_now;   ///< the pass decision on the latest values; none when the framework does not judge the unit
    std::optional<bool> passes_at_inspection;  ///< on projected values, when there is an inspection ahead and the unit is judged
    int overdue_tasks = 0;            ///< overdue tasks that bear on it
    friend bool operator==(const UnitStanding& a, const UnitStanding& b) noexcept;
};

/// A scored assessment round of a title, as a report shows it.
struct CIVITAS_EXPORT RoundResult {
    std::string id;                     ///< round id
    std::string name;                   ///< display name ("2025年度测评")
    AssessmentKind kind = AssessmentKind::annual_test;  ///< what kind of round
    Date date;                          ///< when it was held
    std::optional<double> total;        ///< its total, when every part is known
    double scale = 100.0;               ///< the scheme's full points
    std::vector<std::string> consequences;  ///< names of the consequences it triggers (通报批评), mildest first
    friend bool operator==(const RoundResult& a, const RoundResult& b) noexcept {
        return a.id == b.id && a.name == b.name && a.kind == b.kind && a.date == b.date && a.total == b.total &&
               a.scale == b.scale && a.consequences == b.consequences;
    }
};

/// One title's page.
struct CIVITAS_EXPORT TitleReport {
    std::string id;                        ///< title id
    std::string name;                      ///< display name
    std::string framework;                 ///< the framework's name, "" for a title tracked by its plan only
    TitleDates dates;                      ///< its dates
    std::optional<int> days_to_inspection; ///< calendar days from the report date to the inspection, when ahead
    std::string top_unit;                  ///< the unit judged for the title (the top unit)
    Rag rag = Rag::green;                  ///< the top unit's verdict
    std::string reason;                    ///< why, in the report's language
    int met = 0;                           ///< the top unit's indicators met now
    int assessed = 0;                      ///< with data
    int indicators = 0;                    ///< in the framework
    int basic_failed = 0;                  ///< basic items failed now
    std::optional<double> total;           ///< score now, when scored
    double scale = 100.0;                  ///< the framework's full score
    std::optional<double> pass_total;      ///< the least total that passes (a min_total rule), when there is one
    std::optional<double> pass_share;      ///< the least share of indicators met that passes (min_share_met), when there is one
    bool passes_now = false;               ///< pass decision now
    std::optional<bool> passes_at_inspection;  ///< projected pass decision, when an inspection is ahead
    std::vector<ReportItem> shortfalls;    ///< the top unit's items short now, basic first, then largest relative gap
    std::vector<ReportItem> off_track;     ///< items met now that are projected to miss at the inspection (short ones are in shortfalls, with their projection)
    std::vector<OverdueTask> overdue;      ///< overdue tasks that bear on the title, most days late first
    int shortfalls_total = 0;              ///< shortfalls before truncation to max_items
    int off_track_total = 0;               ///< off-track items before truncation
    int overdue_total = 0;                 ///< overdue tasks before truncation
    std::vector<UnitStanding> units;       ///< every sub-unit, best first
    std::vector<TargetProgress> targets;   ///< the campaign's targets of the title that need action: overdue, off track, no data
    int targets_total = 0;                 ///< targets before truncation
    std::vector<SurveyCheck> surveys;      ///< survey items in doubt (met by the estimate, not surely), then those not met
    int surveys_total = 0;                 ///< survey items before truncation
    std::vector<RoundResult> rounds;       ///< the title's scored rounds, in date order
    std::map<std::string, std::string> indicator_names;  ///< names of the indicators its targets and surveys name
    friend bool operator==(const TitleReport& a, const TitleReport& b) noexcept;
};

/// A part of a report that can fail to be computed.
enum class ReportPart : std::int8_t {
    plan_status,       ///< the plan's status: task counts, overdue lists, the departments' task columns
    title_evaluation,  ///< a title's evaluation on its framework: shortfalls, ranking, targets, surveys
    unit_evaluation,   ///< one unit's evaluation in a title on its latest values (data the framework refuses)
    unit_projection,   ///< one unit's evaluation in a title on its values projected to the inspection
    rounds,            ///< a title's scored rounds
    departments,       ///< the department accountability table
    next_events,       ///< the dated events after the report date
};
template <> struct EnumNames<ReportPart> {
    static constexpr const char* values[] = {"plan_status", "title_evaluation", "unit_evaluation", "unit_projection",
                                             "rounds", "departments", "next_events"};
};

/// A part the report could not compute: the report keeps the rest and says so (the overview lists
/// every gap; a title's page those of its title), instead of leaving it out silently.
struct CIVITAS_EXPORT ReportGap {
    ReportPart part = ReportPart::plan_status;  ///< what is missing
    std::string title;                          ///< the title it belongs to, "" for a part of the whole campaign
    std::string unit;                           ///< the unit, for unit_evaluation and unit_projection; else ""
    Message reason;                             ///< why, in both languages (the error's message)
    friend bool operator==(const ReportGap& a, const ReportGap& b) {
        return a.part == b.part && a.title == b.title && a.unit == b.unit && a.reason == b.reason;
    }
};

/// A department's row in the accountability table.
struct CIVITAS_EXPORT DepartmentRow {
    std::string name;       ///< display name (the plan's department field, or the campaign department's name)
    std::string leader;     ///< who answers for it, "" when not known
    int tasks = 0;          ///< tasks it answers for
    int done = 0;           ///< of them done
    int due = 0;            ///< due on or before the report date
    int done_on_time = 0;   ///< done on or before their due date
    int overdue = 0;        ///< overdue now
    int most_days_late = 0; ///< working days late of its most overdue task
    int problems = 0;       ///< inspection problems found
    int problems_open = 0;  ///< of them not yet closed
    int targets = 0;        ///< campaign targets it answers for
    int targets_short = 0;  ///< of them not met on the latest values
    double budget = 0.0;         ///< yuan budgeted for its tasks
    double budget_earned = 0.0;  ///< the work it has done, in yuan of budget (EV)
    double spent = 0.0;          ///< yuan paid for its tasks by the report date
    friend bool operator==(const DepartmentRow& a, const DepartmentRow& b) noexcept;
};

/// A campaign's report on a date.
struct CIVITAS_EXPORT Report {
    std::string campaign;                   ///< campaign id
    std::string name;                       ///< campaign name
    Date as_of;                             ///< the report date
    std::optional<Date> known_on;           ///< data as known on this day, when reproduced
    Language language = Language::zh;       ///< language of the rendered text
    std::vector<TitleReport> titles;        ///< in the campaign's order
    std::vector<DepartmentRow> departments; ///< most overdue first, then most targets short, then name
    std::optional<Progress> plan;           ///< the whole plan's progress, when there is a plan
    std::vector<CampaignEvent> next_events; ///< dated events after the report date, soonest first (at most max_items)
    std::map<std::string, std::string> unit_names;        ///< display name of each unit id
    std::map<std::string, std::string> department_names;  ///< display name of each campaign department id
    int rejected_observations = 0;          ///< rows of the observation files left out
    std::vector<ReportGap> gaps;            ///< parts that could not be computed, in the order met; empty when the report is whole
    std::vector<CircularRow> circular;      ///< the bottom of the supervision circular's ranking on the report date (build_circular, since a month earlier): rows with overdue tasks, problems past deadline or late or missing submissions, worst first, at most max_items
    std::vector<CircularAction> actions;    ///< the accountability steps the circular gives on the report date
    std::map<std::string, AccountFunds> accounts;  ///< each fund account's budget and spending ("" the general fund); empty without budgets
    std::vector<OverBudget> over_budget;    ///< budget lines paid past their amount, most overspent first (at most max_items)
    int over_budget_total = 0;              ///< all such lines
    friend bool operator==(const Report& a, const Report& b) noexcept;
};

/// Builds the report of `campaign` on `as_of`.
[[nodiscard]] CIVITAS_EXPORT Report build_report(const Campaign& campaign, Date as_of, const ReportOptions& options = {});

/// Writes a report in a format; the same report gives the same bytes.
[[nodiscard]] CIVITAS_EXPORT std::string render(const Report& report, ReportFormat format);

/// The format a file name's extension asks for (in any case): .html/.htm html, .md/.markdown
/// markdown, .json json, .txt or none text; any other is a ValidationError (a .pdf is not text).
[[nodiscard]] CIVITAS_EXPORT ReportFormat report_format_of(const std::string& path);

/// Writes `text` to `path` whole or not at all (docs/format.md, "Saving"): a device such as
/// /dev/null or /dev/stdout is written in place, a failure is an IoError with the system's reason.
CIVITAS_EXPORT void save_report_text(const std::string& text, const std::string& path);

/// One line: `Report('lanzhou-five-cities' on 2026-06-30: 5 titles; garden_city red, ...)`.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const Report& report);

}  // namespace civitas
