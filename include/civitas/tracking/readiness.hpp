#pragma once
/// Readiness of a campaign on a date: for each title and unit, the framework evaluation on the
/// latest values, the evaluation projected to the inspection date from each series' trend, the
/// overdue tasks that bear on it, and red / amber / green with the reason.

#include <civitas/core/enums.hpp>
#include <civitas/export.hpp>
#include <civitas/framework/evaluation.hpp>
#include <civitas/plan/status.hpp>
#include <civitas/tracking/campaign.hpp>
#include <civitas/tracking/trend.hpp>

#include <optional>
#include <string>
#include <vector>

namespace civitas {

/// Red, amber, green: how a title stands for a unit.
enum class Rag : std::int8_t {
    green,  ///< passes now and at the inspection date, no overdue task bears on it
    amber,  ///< one of the two fails, or overdue tasks bear on it
    red,    ///< fails now and is projected to fail at the inspection date
};
template <> struct EnumNames<Rag> { static constexpr const char* values[] = {"green", "amber", "red"}; };

/// Options of a readiness.
struct CIVITAS_EXPORT ReadinessOptions {
    std::optional<Date> known_on;  ///< reproduce the report as the data was known on this day (none: all records)
    int trend_points = 5;          ///< the last points of a series its trend is fitted on (>= 2)
    StatusOptions status;          ///< options of the plan's status
    double survey_confidence = 0.8;  ///< a survey item met by its estimate with a lower probability of truly meeting the line makes the unit amber; in (0, 1)
    double survey_interval = 0.95;   ///< confidence level of the surveys' Wilson intervals, in (0, 1)
};

/// Where a campaign target stands for one unit.
enum class TargetState : std::int8_t {
    met,        ///< the latest value meets it
    on_track,   ///< not met yet; the value projected to the deadline meets it
    off_track,  ///< not met, and the projection to the deadline does not meet it (or there is no deadline)
    overdue,    ///< the deadline has passed and it is not met
    no_data,    ///< the unit has no value of the indicator on the status date
};
template <> struct EnumNames<TargetState> {
    static constexpr const char* values[] = {"met", "on_track", "off_track", "overdue", "no_data"};
};

/// One campaign target for one unit, on the status date.
struct CIVITAS_EXPORT TargetProgress {
    std::string indicator;              ///< indicator id
    std::string unit;                   ///< unit id the target is tracked for
    bool every_unit = false;            ///< the campaign gave it for every unit (unit "" in the file)
    double target = 0.0;                ///< the value to reach, in the indicator's unit
    Interval line;                      ///< the target as a line in the indicator's direction (higher: >= target)
    std::optional<Date> deadline;       ///< the target's deadline, else the title's inspection date; none when neither
    std::string department;             ///< department answering for it, "" for none
    std::optional<double> latest;       ///< the latest value on or before the status date
    std::optional<Date> latest_date;    ///< its date
    std::optional<double> projected;    ///< the value projected to the deadline (as readiness projects); none when the deadline has passed or is unknown
    bool met_now = false;               ///< the latest value meets the target
    bool on_track = false;              ///< met now, or projected to meet it by the deadline
    TargetState state = TargetState::no_data;  ///< the verdict
    Message reason;                     ///< in words, with the numbers
    friend bool operator==(const TargetProgress& a, const TargetProgress& b) {
        return a.indicator == b.indicator && a.unit == b.unit && a.every_unit == b.every_unit && a.target == b.target &&
               a.line == b.line && a.deadline == b.deadline && a.department == b.department && a.latest == b.latest &&
               a.latest_date == b.latest_date && a.projected == b.projected && a.met_now == b.met_now &&
               a.on_track == b.on_track && a.state == b.state && a.reason == b.reason;
    }
};

/// A survey item of one unit: how sure its latest estimate is to meet the line.
struct CIVITAS_EXPORT SurveyCheck {
    std::string unit;             ///< unit id
    std::string indicator;        ///< indicator id (mode questionnaire or online_survey)
    Date date;                    ///< date of the latest estimate
    double estimate = 0.0;        ///< the latest value, in the indicator's unit
    int sample_size = 0;          ///< respondents, >= 1
    Interval line;                ///< the line the unit is judged on
    double low = 0.0;             ///< lower end of the confidence interval (options.survey_interval, Wilson)
    double high = 0.0;            ///< upper end
    double probability = 0.0;     ///< probability in [0, 1] that the true value meets the line (probability_meets)
    bool meets = false;           ///< the estimate meets the line
    bool in_doubt = false;        ///< meets, but with probability below options.survey_confidence
    Message reason;               ///< in words ("public_satisfaction 91.0% (n=400) meets 90 with probability 0.72")
    friend bool operator==(const SurveyCheck& a, const SurveyCheck& b) {
        return a.unit == b.unit && a.indicator == b.indicator && a.date == b.date && a.estimate == b.estimate &&
               a.sample_size == b.sample_size && a.line == b.line && a.low == b.low && a.high == b.high &&
               a.probability == b.probability && a.meets == b.meets && a.in_doubt == b.in_doubt && a.reason == b.reason;
    }
};

/// The facts behind one unit's verdict, for reports that word their own reasons.
struct CIVITAS_EXPORT UnitFacts {
    std::optional<bool> passes_now;            ///< passes on the latest values; none when the unit is not judged on a framework
    std::optional<bool> passes_at_inspection;  ///< passes on the projected values; none without a projection
    std::vector<std::string> basic_failed;     ///< basic items not met (or without data) now, ids in framework order
    int overdue_tasks = 0;                     ///< overdue tasks that bear on the unit
    std::vector<std::string> targets_off_track;  ///< indicator ids of its targets off track or overdue
    std::vector<std::string> surveys_in_doubt;   ///< indicator ids of its survey items in doubt
    std::vector<std::string> ruled_not_met;      ///< indicator ids a rule (subunit, level_or_trend, history_average) judges not met now
    std::vector<std::string> ruled_met;          ///< indicator ids a rule judges met now though the level alone misses
    friend bool operator==(const UnitFacts& a, const UnitFacts& b) noexcept {
        return a.passes_now == b.passes_now && a.passes_at_inspection == b.passes_at_inspection &&
               a.basic_failed == b.basic_failed && a.overdue_tasks == b.overdue_tasks &&
               a.targets_off_track == b.targets_off_track && a.surveys_in_doubt == b.surveys_in_doubt &&
               a.ruled_not_met == b.ruled_not_met && a.ruled_met == b.ruled_met;
    }
};

/// One title on the status date: its evaluations for every unit, and each unit's verdict.
struct CIVITAS_EXPORT TitleReadiness {
    std::string title;                             ///< title id
    std::optional<Date> inspection;                ///< the inspection date projected to, when the title has one after the status date
    std::optional<Framework> framework;            ///< the framework that judges it; none for a title tracked by its plan alone
    std::vector<std::string> units;                ///< the campaign's units, in order (the rows below)
    std::optional<BatchEvaluation> now;            ///< the evaluation on the latest values; none for a title without framework
    std::optional<BatchEvaluation> at_inspection;  ///< the evaluation on the values projected to the inspection date
    std::vector<Rag> rag;                          ///< per unit
    std::vector<Message> reasons;                  ///< per unit, in words
    std::vector<std::vector<std::string>> overdue_tasks;  ///< per unit, ids of the overdue tasks that bear on it
    std::vector<TargetProgress> targets;           ///< the campaign's targets of this title, per unit they apply to (campaign order, then unit order)
    std::vector<SurveyCheck> surveys;              ///< survey items with a sample size, per unit (unit order, then framework order)
    std::vector<Ruling> rulings;                   ///< outcomes `now` takes from the rules (scope, subunit, level_or_trend, history_average)
    std::vector<Ruling> rulings_at_inspection;     ///< the same rules on the projected values, applied to `at_inspection`
    std::vector<UnitFacts> facts;                  ///< per unit, the facts behind `rag` and `reasons`

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const TitleReadiness& a, const TitleReadiness& b);
    friend bool operator!=(const TitleReadiness& a, const TitleReadiness& b) { return !(a == b); }
};

/// A campaign's readiness on a date.
struct CIVITAS_EXPORT Readiness {
    Date as_of;                         ///< the status date
    std::vector<TitleReadiness> titles;  ///< in the campaign's order
    std::optional<PlanStatus> plan;     ///< the plan's status on the date, when the campaign has a plan
    /// The readiness of a title; throws NotFoundError.
    [[nodiscard]] const TitleReadiness& title(const std::string& id) const;

    /// Equal when every member is (NaN equal to NaN where a value is missing).
    friend CIVITAS_EXPORT bool operator==(const Readiness& a, const Readiness& b);
    friend bool operator!=(const Readiness& a, const Readiness& b) { return !(a == b); }
};

/// Readiness of every title and unit on `as_of`. Values are each series' latest on or before the
/// date; a projected value continues the least-squares line through the series' last
/// `trend_points` points (up to the date) to the inspection date, clamped to the indicator's
/// bounds (yes/no and problem counts keep their latest value; one point stays as it is). The
/// framework's unit rules then decide some cells (apply_rulings): top_unit items are not
/// assessed for other units; subunit_pass, met_by level_or_trend and history_average as
/// docs/tracking.md says. Tasks bear on a title when they serve it or no title; on a unit when
/// the unit is the top unit, or the sub-plan whose id is the unit's (and its sub-plans). Red:
/// fails now and at inspection; amber: fails one of them, or overdue tasks bear on it, or a
/// target is off track or overdue, or a survey item meets its line with probability below
/// `survey_confidence`; green: otherwise. A title without a framework is judged on its tasks
/// alone: amber with overdue tasks, else green; so is a sub-unit when every item of the
/// framework is a top_unit item (and its targets: amber when one is off track or overdue).
[[nodiscard]] CIVITAS_EXPORT Readiness readiness(const Campaign& campaign, Date as_of, const ReadinessOptions& options = {});

/// The trend of one unit's series of a title's framework, as readiness sees it on a date.
struct CIVITAS_EXPORT SeriesTrend {
    std::string unit;                   ///< unit id
    std::string indicator;              ///< indicator id
    int points = 0;                     ///< points the trend is fitted on: the last `trend_points` on or before the date, >= 1
    double latest = 0.0;                ///< the latest value on or before the date
    Date latest_date;                   ///< its date
    std::optional<double> slope;        ///< least-squares slope, value units per year; none under 2 points
    std::optional<double> projected;    ///< the value readiness projects to the title's inspection date; none without one after the date
    std::optional<Interval> line;       ///< the line the unit is judged on (unit_line); none when it has none
    std::optional<Date> reach_date;     ///< the first day the projection meets the line (latest_date when the latest value does); none when it never does
    std::optional<ProgressState> progress;  ///< Open SDG progress (linear measure) towards the line by the inspection date, else in the indicator's direction; none under 2 points or without either
    friend bool operator==(const SeriesTrend& a, const SeriesTrend& b) noexcept {
        return a.unit == b.unit && a.indicator == b.indicator && a.points == b.points && a.latest == b.latest &&
               a.latest_date == b.latest_date && a.slope == b.slope && a.projected == b.projected && a.line == b.line &&
               a.reach_date == b.reach_date && a.progress == b.progress;
    }
};

/// The trend of every series of `title`'s framework with a value on or before `as_of`: units in
/// the campaign's order, indicators in the framework's; a top_unit item for top units only. The
/// projection is readiness's (the same numbers `at_inspection` is evaluated on); `known_on` and
/// `trend_points` are read from the options. NotFoundError for an unknown title or one without a
/// framework; ValidationError for bad options.
[[nodiscard]] CIVITAS_EXPORT std::vector<SeriesTrend> series_trends(const Campaign& campaign, const std::string& title, Date as_of,
                                                                    const ReadinessOptions& options = {});

/// One line: `Readiness(2025-12-31; garden_city: 1 red, 3 amber, 1 green; ...)`.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const Readiness& readiness);

}  // namespace civitas
