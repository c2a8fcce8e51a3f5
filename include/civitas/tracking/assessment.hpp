#pragma once
/// Assessment rounds and field inspections: a title's dated rounds scored by its round scheme
/// (<civitas/framework/round_scheme.hpp>; the civilized city's annual tests: document review 40 +
/// field inspection 40 + questionnaire 20 points, the cycle total weighting the years 15% / 25% /
/// 60%, the negative list's consequences), the dated checks on the way (provincial pre-check,
/// national check), and field-inspection records (sampled sites, problems found) rolled up into
/// problem counts per unit and indicator.

#include <civitas/core/enums.hpp>
#include <civitas/core/limits.hpp>
#include <civitas/export.hpp>
#include <civitas/framework/round_scheme.hpp>
#include <civitas/plan/calendar.hpp>
#include <civitas/tracking/observations.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace civitas {

/// What kind of assessment a round or a check is.
enum class AssessmentKind {
    annual_test,          ///< the title's annual test (年度测评); the rounds a cycle total counts
    provincial_precheck,  ///< the province's pre-check or third-party assessment (省级预检)
    national_check,       ///< the national check or review (国家检查, 国家测评)
    mock_test,            ///< a mock test by a third party the city hires (模拟测评)
    self_assessment,      ///< the city's own check against the standard (自查自评)
    other,                ///< anything else
};
template <> struct EnumNames<AssessmentKind> {
    static constexpr const char* values[] = {"annual_test",     "provincial_precheck", "national_check",
                                             "mock_test",       "self_assessment",     "other"};
};

/// A scored round: one dated assessment of a title, with its part scores.
struct CIVITAS_EXPORT AssessmentRound {
    std::string id;                                   ///< unique among the campaign's rounds
    std::string title;                                ///< title id
    AssessmentKind kind = AssessmentKind::annual_test;  ///< annual tests count in the cycle total
    Date date;                                        ///< when it was held (or its results published)
    std::optional<int> year;                          ///< the assessment year it counts for; none: the date's year
    std::string name;                                 ///< UTF-8 display name ("2025年度测评")
    std::map<std::string, double> parts;              ///< part id -> points, in [0, the part's full points]
    std::optional<double> total;                      ///< the total when only it is known; must equal the parts' sum when all are given
    std::vector<std::string> flags;                   ///< flags a consequence rule names ("falsified_materials")
    std::string source;                               ///< where the scores come from ("" when not said)
    friend bool operator==(const AssessmentRound& a, const AssessmentRound& b) noexcept {
        return a.id == b.id && a.title == b.title && a.kind == b.kind && a.date == b.date && a.year == b.year &&
               a.name == b.name && a.parts == b.parts && a.total == b.total && a.flags == b.flags && a.source == b.source;
    }
    friend bool operator!=(const AssessmentRound& a, const AssessmentRound& b) noexcept { return !(a == b); }
};

/// Checks a round against its title's scheme: known part ids, scores finite in [0, full points],
/// a total in [0, the scheme's full points] equal (to 1e-6) to the parts' sum when every part is
/// given, flags that a rule names, a year in [1900, 2200]. ValidationError names the path below `path`.
CIVITAS_EXPORT void validate(const AssessmentRound& round, const RoundScheme& scheme, const std::string& path = "$");

/// The year an annual test counts for: `round.year`, else its date's year.
[[nodiscard]] CIVITAS_EXPORT int assessment_year(const AssessmentRound& round);
/// A round's total: the given total, else the sum of its parts when every part of the scheme is
/// given; nullopt while a part is missing.
[[nodiscard]] CIVITAS_EXPORT std::optional<double> round_total(const AssessmentRound& round, const RoundScheme& scheme);
/// The consequence rules a round triggers, in the scheme's order (mildest first): score rules
/// when its total is known and strictly below their line, flag rules when it carries their flag.
[[nodiscard]] CIVITAS_EXPORT std::vector<ConsequenceRule> consequences(const AssessmentRound& round, const RoundScheme& scheme);

/// A cycle's standing: each year's score, what the weighted years known so far secure, and the
/// total once every year is in.
struct CIVITAS_EXPORT CycleStanding {
    int first_year = 0;                         ///< calendar year of the cycle's first year
    std::vector<std::optional<double>> scores;  ///< per year of the cycle: the annual test's total, or none
    std::vector<double> weights;                ///< per year: the scheme's weight
    double secured = 0.0;                       ///< sum of weight x score over the years with a score (points)
    double remaining_weight = 0.0;              ///< sum of the weights of the years without a score, in [0, 1]
    std::optional<double> total;                ///< the cycle total; none until every year has a score (no renormalising)
    /// Most the cycle total can still reach: secured + remaining_weight x the scheme's full points.
    double best_possible = 0.0;
    friend bool operator==(const CycleStanding& a, const CycleStanding& b) noexcept {
        return a.first_year == b.first_year && a.scores == b.scores && a.weights == b.weights && a.secured == b.secured &&
               a.remaining_weight == b.remaining_weight && a.total == b.total && a.best_possible == b.best_possible;
    }
};

/// The cycle standing of a title from its rounds: annual tests of `title` (all titles when "")
/// whose year falls in the cycle (first_year .. first_year + years - 1) with a known total.
/// ValidationError when the scheme has no year weights or two annual tests count for one year.
[[nodiscard]] CIVITAS_EXPORT CycleStanding cycle_standing(const RoundScheme& scheme, const std::vector<AssessmentRound>& rounds,
                                                          const std::string& title = "");

/// What the remaining years need for the cycle total to reach a line.
struct CIVITAS_EXPORT CycleNeed {
    double line = 0.0;         ///< the cycle line asked about (points)
    std::vector<int> years;    ///< calendar years still without a score
    /// The score each remaining year needs (the same in each: (line - secured) / remaining_weight);
    /// <= 0 when the line is already secured, > the scheme's full points when out of reach; NaN when no year remains.
    double needed = 0.0;
    bool secured = false;      ///< the line is reached whatever the remaining years score
    bool reachable = false;    ///< full points in every remaining year reach it (true when secured)
    friend bool operator==(const CycleNeed& a, const CycleNeed& b) noexcept {
        return a.line == b.line && a.years == b.years && (a.needed == b.needed || (a.needed != a.needed && b.needed != b.needed)) &&
               a.secured == b.secured && a.reachable == b.reachable;
    }
};
/// The points needed in the remaining year(s) of `standing` to reach `line`.
[[nodiscard]] CIVITAS_EXPORT CycleNeed points_needed(const CycleStanding& standing, const RoundScheme& scheme, double line);

/// A dated event on the way to a title that is not scored here: the provincial pre-check, the
/// national check, a mock test.
struct CIVITAS_EXPORT Check {
    std::string id;                                       ///< unique among the campaign's checks
    std::string title;                                    ///< title id, "" for every title
    AssessmentKind kind = AssessmentKind::other;          ///< what kind of check
    Date date;                                            ///< first day
    std::optional<Date> end;                              ///< last day of a window (>= date), none for one day
    std::string name;                                     ///< UTF-8 display name ("省级第三方测评预检")
    std::string notes;                                    ///< free text (where the date comes from)
    friend bool operator==(const Check& a, const Check& b) noexcept {
        return a.id == b.id && a.title == b.title && a.kind == b.kind && a.date == b.date && a.end == b.end && a.name == b.name &&
               a.notes == b.notes;
    }
    friend bool operator!=(const Check& a, const Check& b) noexcept { return !(a == b); }
};

/// A site sampled by a field inspection.
struct CIVITAS_EXPORT InspectionSite {
    std::string id;                ///< unique in the inspection
    std::string unit;              ///< unit id the site belongs to (a district)
    std::string type;              ///< site type: square, park, street, station, hospital, market, school, ... (not empty)
    std::string name;              ///< UTF-8 display name ("东方红广场")
    std::optional<Date> date;      ///< day visited; none: the inspection's date
    friend bool operator==(const InspectionSite& a, const InspectionSite& b) noexcept {
        return a.id == b.id && a.unit == b.unit && a.type == b.type && a.name == b.name && a.date == b.date;
    }
};

/// A problem found at a site.
struct CIVITAS_EXPORT InspectionProblem {
    std::string site;                ///< site id of the inspection
    std::string indicator;           ///< indicator id it counts against (a problem_count indicator of the title's framework)
    std::string description;         ///< UTF-8 text ("垃圾桶满溢")
    int count = 1;                   ///< how many such problems, >= 1
    std::optional<double> deduction;  ///< points deducted for them in all, >= 0, when the inspectors say
    friend bool operator==(const InspectionProblem& a, const InspectionProblem& b) noexcept {
        return a.site == b.site && a.indicator == b.indicator && a.description == b.description && a.count == b.count &&
               a.deduction == b.deduction;
    }
};

/// A field inspection (实地考察): sites sampled on a date, the site types it must cover, the
/// problems found.
struct CIVITAS_EXPORT FieldInspection {
    std::string id;                              ///< unique among the campaign's inspections
    std::string title;                           ///< title id whose framework the indicators belong to, "" when not said
    std::string round;                           ///< id of the round it belongs to, "" for none
    Date date;                                   ///< the inspection's date: the date of its observations
    std::string name;                            ///< UTF-8 display name
    std::string source;                          ///< who inspected ("省文明办第三方暗访"); the source of its observations
    std::vector<std::string> mandatory;          ///< site types it must sample (mandatory trades)
    std::vector<std::string> indicators;         ///< indicators checked at every site (zero rows where nothing was found); empty: those of its problems
    std::vector<InspectionSite> sites;           ///< the sites sampled
    std::vector<InspectionProblem> problems;     ///< the problems found
    std::string file;                            ///< the file it is kept in, relative to the campaign file; "" when written in place
    friend bool operator==(const FieldInspection& a, const FieldInspection& b) noexcept {
        return a.id == b.id && a.title == b.title && a.round == b.round && a.date == b.date && a.name == b.name &&
               a.source == b.source && a.mandatory == b.mandatory && a.indicators == b.indicators && a.sites == b.sites &&
               a.problems == b.problems && a.file == b.file;
    }
    friend bool operator!=(const FieldInspection& a, const FieldInspection& b) noexcept { return !(a == b); }
};

/// Checks an inspection on its own: an id, unique site ids with a unit and a type, problems
/// naming a known site and an indicator (one of `indicators` when it lists them), count >= 1,
/// deduction finite >= 0, mandatory types not empty. ValidationError names the path below `path`.
CIVITAS_EXPORT void validate(const FieldInspection& inspection, const std::string& path = "$");

/// Mandatory site types the inspection sampled no site of, in the order listed.
[[nodiscard]] CIVITAS_EXPORT std::vector<std::string> missing_site_types(const FieldInspection& inspection);

/// Problems and deductions of one unit and indicator in an inspection.
struct CIVITAS_EXPORT FieldRollup {
    std::string unit;         ///< unit id
    std::string indicator;    ///< indicator id
    int sites = 0;            ///< sites of the unit sampled (its own and, rolled up, its sub-units')
    int problems = 0;         ///< problems found (sum of counts)
    double deduction = 0.0;   ///< points deducted (sum of the problems' deductions; 0 where none is given)
    friend bool operator==(const FieldRollup& a, const FieldRollup& b) noexcept {
        return a.unit == b.unit && a.indicator == b.indicator && a.sites == b.sites && a.problems == b.problems &&
               a.deduction == b.deduction;
    }
};

/// Problems per unit and indicator: one row for each unit with a sampled site and each indicator
/// checked (`indicators`, else those of the problems), zeros included; with `parents` (unit ->
/// parent unit) each row also counts for every ancestor. Units in order of first appearance
/// (sites, then ancestors), indicators in order of `indicators` then first appearance.
[[nodiscard]] CIVITAS_EXPORT std::vector<FieldRollup> field_rollup(const FieldInspection& inspection,
                                                                   const std::map<std::string, std::string>& parents = {});
/// The roll-up as observations: value = problems found, mode field_inspection, date = the
/// inspection's date, source = its source (else "field inspection <id>"), sample_size = sites.
[[nodiscard]] CIVITAS_EXPORT std::vector<Observation> field_observations(const FieldInspection& inspection,
                                                                         const std::map<std::string, std::string>& parents = {});

/// One line: `AssessmentRound('cc-2025', civilized_city, annual_test, 2025-11-30, total 78.5)`.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const AssessmentRound& round);
/// One line: `FieldInspection('fi-2025', 2025-11-20, 12 sites, 9 problems)`.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const FieldInspection& inspection);

}  // namespace civitas
