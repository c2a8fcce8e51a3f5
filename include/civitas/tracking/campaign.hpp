#pragma once
/// A campaign: the titles a city runs for (each judged by a framework, with its dates), the
/// units (city, districts, smaller units) and departments, targets per indicator and unit, the
/// plan, and the working-day calendar they all count on.

#include <civitas/export.hpp>
#include <civitas/framework/framework.hpp>
#include <civitas/plan/calendar.hpp>
#include <civitas/plan/plan.hpp>
#include <civitas/tracking/assessment.hpp>
#include <civitas/tracking/observations.hpp>

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace civitas {

/// The dates of one title's drive: benchmark creation (对标创建), application (申报), inspection.
struct CIVITAS_EXPORT TitleDates {
    std::optional<Date> benchmark;    ///< when benchmark creation starts
    std::optional<Date> application;  ///< when the city applies for assessment
    std::optional<Date> inspection;   ///< when the (national) inspection judges it: the date readiness projects to
    friend bool operator==(const TitleDates& a, const TitleDates& b) noexcept {
        return a.benchmark == b.benchmark && a.application == b.application && a.inspection == b.inspection;
    }
};

/// A title the campaign runs for, judged by a framework.
struct CIVITAS_EXPORT CampaignTitle {
    std::string id;         ///< unique among titles; the plan's title ids are these
    std::string name;       ///< UTF-8 display name ("国家园林城市")
    std::string framework;  ///< how the file names its framework: a bundled id or a path relative to the campaign file; "" for none (a title tracked by its plan only)
    TitleDates dates;       ///< the drive's dates
    std::optional<RoundScheme> scheme;  ///< how its rounds are scored; none: the one its framework names (FrameworkSpec::round_scheme), if any
    friend bool operator==(const CampaignTitle& a, const CampaignTitle& b) noexcept {
        return a.id == b.id && a.name == b.name && a.framework == b.framework && a.dates == b.dates && a.scheme == b.scheme;
    }
};

/// A unit assessed or answering for work: the city, a district, a school.
struct CIVITAS_EXPORT CampaignUnit {
    std::string id;                             ///< unique among units
    std::string name;                           ///< UTF-8 display name ("城关区")
    std::string parent;                         ///< id of the unit it belongs to, "" for the top
    std::map<std::string, std::string> classes;  ///< title id -> the unit's class in that title's framework (class-dependent lines)
    std::string kind{};                         ///< what sort of unit: "city", "district", "county", "school", ... (any word), "" when not said
    friend bool operator==(const CampaignUnit& a, const CampaignUnit& b) noexcept {
        return a.id == b.id && a.name == b.name && a.parent == b.parent && a.classes == b.classes && a.kind == b.kind;
    }
};

/// A department (a bureau, or a district's government) that answers for tasks and targets. It
/// answers for the plan's tasks and problems whose responsibility field "department" is its id or
/// name and, when it has a unit, for those whose field "unit" is that unit's id or name.
struct CIVITAS_EXPORT Department {
    std::string id;      ///< unique among departments
    std::string name;    ///< UTF-8 display name ("市住房和城乡建设局")
    std::string leader;  ///< who answers for it, "" when not given
    std::string unit;    ///< the unit it answers for as a whole (a district's government), "" for none
    friend bool operator==(const Department& a, const Department& b) noexcept {
        return a.id == b.id && a.name == b.name && a.leader == b.leader && a.unit == b.unit;
    }
};

/// When departments hand in their figures (报送): one submission a month, due by a day of the next.
struct CIVITAS_EXPORT SubmissionSchedule {
    Date first_month;                      ///< the first day of the first month whose submission is due
    int due_day = 5;                       ///< the day of the following month (1-28) by which a month's submission is due
    std::vector<std::string> departments;  ///< ids of the departments that submit; empty: every department
    friend bool operator==(const SubmissionSchedule& a, const SubmissionSchedule& b) noexcept {
        return a.first_month == b.first_month && a.due_day == b.due_day && a.departments == b.departments;
    }
};

/// An accountability step (问责: a reminder, a circulated criticism, an admonition talk 约谈) the
/// campaign takes against a department that meets any of its conditions.
struct CIVITAS_EXPORT AccountabilityRule {
    std::string id;                       ///< unique among the rules
    std::string name;                     ///< UTF-8 display name ("约谈")
    std::optional<int> days_overdue;      ///< met by a task of the department at least this many working days overdue
    std::optional<int> problems_overdue;  ///< met by at least this many of its problems open past their deadline
    std::optional<int> late_submissions;  ///< met by at least this many of its scheduled submissions late or missing...
    std::optional<int> months;            ///< ...in the last this many months due (none: every month due)
    friend bool operator==(const AccountabilityRule& a, const AccountabilityRule& b) noexcept {
        return a.id == b.id && a.name == b.name && a.days_overdue == b.days_overdue && a.problems_overdue == b.problems_overdue &&
               a.late_submissions == b.late_submissions && a.months == b.months;
    }
};

/// A campaign's own goal for an indicator, possibly stricter than the pass line.
struct CIVITAS_EXPORT Target {
    std::string title;          ///< title id
    std::string indicator;      ///< indicator id of that title's framework
    std::string unit;           ///< unit id, "" for every unit
    double value = 0.0;         ///< the value to reach, in the indicator's unit, in its direction
    std::optional<Date> deadline;  ///< by when; empty: the title's inspection date
    std::string department;     ///< department id answering for it, "" for none
    friend bool operator==(const Target& a, const Target& b) noexcept {
        return a.title == b.title && a.indicator == b.indicator && a.unit == b.unit && a.value == b.value &&
               a.deadline == b.deadline && a.department == b.department;
    }
};

/// Everything a campaign file says, as plain data: frameworks, the calendar, the plan and the
/// observation files as the file names them. `Campaign` is its validated, loaded form.
struct CIVITAS_EXPORT CampaignSpec {
    std::string id;                          ///< short id
    std::string name;                        ///< UTF-8 name
    std::string language;                    ///< language of reports: "zh", "en", or "" (from the names)
    std::string calendar;                    ///< working-day calendar: a bundled id or a path relative to the campaign file, "" for Monday-Friday
    std::vector<CampaignTitle> titles;       ///< in order
    std::vector<CampaignUnit> units;         ///< parents before children
    std::vector<Department> departments;     ///< in order
    std::vector<Target> targets;             ///< in order
    std::optional<PlanSpec> plan;            ///< the plan written in place, when there is one
    std::string plan_file;                   ///< or the plan kept in its own file, relative to the campaign file
    std::vector<std::string> observations;   ///< observation files, relative to the campaign file
    std::string store;                       ///< the campaign store (an SQLite file), relative to the campaign file; "" for none
    std::vector<AssessmentRound> rounds;     ///< scored rounds (annual tests, pre-checks with scores), in order
    std::vector<Check> checks;               ///< dated checks (provincial pre-check, national check), in order
    std::vector<FieldInspection> inspections;  ///< field inspections, in place or each in its file (`file`)
    std::optional<SubmissionSchedule> submissions;  ///< when departments submit, if the campaign says
    std::vector<AccountabilityRule> accountability;  ///< mildest first: a department meeting several is given the last
    friend bool operator==(const CampaignSpec& a, const CampaignSpec& b) noexcept;
    friend bool operator!=(const CampaignSpec& a, const CampaignSpec& b) noexcept { return !(a == b); }
};

/// What a dated event of the campaign is.
enum class EventKind {
    benchmark,         ///< a title's benchmark creation starts (对标创建)
    application,       ///< a title's application (申报)
    inspection,        ///< a title's inspection date
    check,             ///< a check (provincial pre-check, national check, ...)
    round,             ///< a scored round
    field_inspection,  ///< a field inspection
};
template <> struct EnumNames<EventKind> {
    static constexpr const char* values[] = {"benchmark", "application", "inspection", "check", "round", "field_inspection"};
};

/// A dated event of the campaign, for "next events".
struct CIVITAS_EXPORT CampaignEvent {
    Date date;                                  ///< the day (a window's first day)
    std::optional<Date> end;                    ///< a window's last day, none for one day
    std::string title;                          ///< title id, "" for every title
    EventKind kind = EventKind::check;          ///< what it is
    std::optional<AssessmentKind> assessment;   ///< for checks and rounds: which kind of assessment
    std::string id;                             ///< the check's, round's or inspection's id; "" for title dates
    std::string name;                           ///< display name ("" when none is given)
    friend bool operator==(const CampaignEvent& a, const CampaignEvent& b) noexcept {
        return a.date == b.date && a.end == b.end && a.title == b.title && a.kind == b.kind && a.assessment == b.assessment &&
               a.id == b.id && a.name == b.name;
    }
};

/// A validated campaign with what it names loaded: the titles' frameworks, the calendar and the
/// plan. Units form a tree (known parents, no loops); targets name a known title, an indicator
/// of its framework, a known unit and department, and a value inside the indicator's bounds; the
/// plan's titles are the campaign's; class names are ones the title's framework uses; rounds
/// fit their title's scheme; checks and inspections name known titles, rounds and units, and an
/// inspection's indicators are problem_count indicators of its title's framework; a plan
/// milestone naming a check (`Task::check`) names one of the checks, falls on its `date` and
/// serves its title when both name titles ("$.plan.tasks[7].due").
class CIVITAS_EXPORT Campaign {
public:
    /// Validates `spec` against `frameworks` (by title id: every title that names a framework
    /// has one, others may), the calendar and the plan (required when the spec names a plan
    /// file; a plan written in place is built here). ValidationError names the path ("$.targets[2].indicator").
    /// `rejected_observations`: rows the observation files held that were left out, each with
    /// its file (the campaign reader passes them).
    Campaign(CampaignSpec spec, std::map<std::string, Framework> frameworks, WorkCalendar calendar = {},
             std::optional<Plan> plan = std::nullopt, ObservationStore observations = {},
             std::vector<std::pair<std::string, RejectedRow>> rejected_observations = {});

    /// The campaign as plain data.
    [[nodiscard]] const CampaignSpec& spec() const noexcept { return spec_; }
    /// The frameworks by title id (titles tracked by their plan only have none).
    [[nodiscard]] const std::map<std::string, Framework>& frameworks() const noexcept { return frameworks_; }
    /// The framework of a title; throws NotFoundError for an unknown title or one without a framework.
    [[nodiscard]] const Framework& framework(const std::string& title) const;
    /// Position of a title in `spec().titles`; throws NotFoundError.
    [[nodiscard]] std::size_t title_index(const std::string& id) const;
    /// Position of a unit in `spec().units`; throws NotFoundError.
    [[nodiscard]] std::size_t unit_index(const std::string& id) const;
    /// Ids of the units directly under `unit` ("" for the top units), in order.
    [[nodiscard]] std::vector<std::string> children(const std::string& unit) const;
    /// The class of a unit in a title's framework, "" when none is given.
    [[nodiscard]] std::string unit_class(const std::string& unit, const std::string& title) const;
    /// The targets for a title, indicator and unit: the unit's own, else those for every unit.
    [[nodiscard]] std::vector<const Target*> targets_for(const std::string& title, const std::string& indicator,
                                                          const std::string& unit) const;
    /// The department answering for work with these responsibility fields (a task's, a problem's):
    /// the one whose id or name is the field "department", else the one whose unit's id or name
    /// is the field "unit"; nullptr when none is.
    [[nodiscard]] const Department* responsible_department(const std::map<std::string, std::string>& responsibility) const;
    /// The working-day calendar.
    [[nodiscard]] const WorkCalendar& calendar() const noexcept { return calendar_; }
    /// The plan, when the campaign has one.
    [[nodiscard]] const std::optional<Plan>& plan() const noexcept { return plan_; }
    /// The observations of its units (all observation files together).
    [[nodiscard]] const ObservationStore& observations() const noexcept { return observations_; }
    /// Rows of the observation files that were left out, each with its file.
    [[nodiscard]] const std::vector<std::pair<std::string, RejectedRow>>& rejected_observations() const noexcept { return rejected_; }
    /// The round scheme of a title: its own, else the one its framework names
    /// (FrameworkSpec::round_scheme); NotFoundError for an unknown title or one without a scheme.
    [[nodiscard]] const RoundScheme& round_scheme(const std::string& title) const;
    /// True when the title has a round scheme (its own or its framework's).
    [[nodiscard]] bool has_round_scheme(const std::string& title) const;
    /// The rounds of a title (every title when ""), in file order.
    [[nodiscard]] std::vector<AssessmentRound> rounds(const std::string& title = "") const;
    /// The cycle standing of a title from its annual tests (see cycle_standing()).
    [[nodiscard]] CycleStanding cycle_standing(const std::string& title) const;
    /// The inspection with this id; NotFoundError.
    [[nodiscard]] const FieldInspection& inspection(const std::string& id) const;
    /// An inspection's problems per unit and indicator, each also counted for the unit's ancestors.
    [[nodiscard]] std::vector<FieldRollup> field_rollup(const std::string& inspection) const;
    /// The observations of every inspection's roll-up, ancestors included (load_campaign adds them to `observations()`).
    [[nodiscard]] std::vector<Observation> field_observations() const;
    /// Every dated event: the titles' dates, checks, rounds and field inspections, by date (ties:
    /// in that order, then as listed); only those on or after `from` (a window still open counts) when given.
    /// A check is listed once, whether or not a plan milestone stands for it.
    [[nodiscard]] std::vector<CampaignEvent> events(std::optional<Date> from = std::nullopt) const;
    /// Equal spec, frameworks, calendar, plan, observations (row by row) and rows left out.
    friend CIVITAS_EXPORT bool operator==(const Campaign& a, const Campaign& b);
    /// Not equal in one of those.
    friend bool operator!=(const Campaign& a, const Campaign& b) { return !(a == b); }

private:
    void validate_assessments();
    CampaignSpec spec_;
    std::map<std::string, Framework> frameworks_;
    WorkCalendar calendar_;
    std::optional<Plan> plan_;
    ObservationStore observations_;
    std::vector<std::pair<std::string, RejectedRow>> rejected_;
    std::unordered_map<std::string, std::size_t> title_index_;
    std::unordered_map<std::string, std::size_t> unit_index_;
    std::map<std::string, RoundScheme> schemes_;  // by title id, the framework's default resolved
};

/// One line: `Campaign('lanzhou-five-cities': 5 titles, 5 units, 14 targets, plan of 60 tasks)`.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const Campaign& campaign);

}  // namespace civitas
