#pragma once
// Every fixed string of the report in Chinese and English, and how each language writes dates
// and numbers. A member per string, so a string missing in one language cannot compile.

#include <civitas/framework/framework.hpp>
#include <civitas/plan/calendar.hpp>
#include <civitas/report/report.hpp>

#include <optional>
#include <string>

namespace civitas::detail {

/// The fixed strings of one language.
struct Words {
    const char* tag;                 // BCP 47 language tag
    const char* report;              // document title suffix
    const char* as_of;               // "data as of"
    const char* known_on;            // "as known on"
    const char* overview;            // first page
    const char* departments_page;    // last page
    const char* red;
    const char* amber;
    const char* green;
    const char* title;               // column: title
    const char* inspection;          // column: inspection date
    const char* days_left;           // column: days to inspection
    const char* days;                // unit of days_left
    const char* city;                // column: the top unit's verdict
    const char* subunits;            // column: sub-units by verdict
    const char* met;                 // "met"
    const char* not_met;             // "not met"
    const char* score_chart;         // chart caption when units are scored
    const char* titles_chart;        // overview chart caption
    const char* reason;              // column: reason
    const char* tasks;
    const char* done;
    const char* overdue;
    const char* on_time_rate;
    const char* spi;
    const char* problems_open;
    const char* rejected_rows;       // observation rows left out
    const char* framework;
    const char* met_indicators;      // "indicators met"
    const char* basic_failed;        // "basic items failed"
    const char* score;
    const char* now;                 // "now"
    const char* at_inspection;       // "at the inspection (projected)"
    const char* passes;
    const char* fails;
    const char* no_framework;        // tracked by the plan only
    const char* city_only;           // a sub-unit the framework does not judge (city-wide items only)
    const char* shortfalls;          // heading
    const char* off_track;           // heading
    const char* overdue_tasks;       // heading
    const char* ranking;             // heading
    const char* indicator;
    const char* value;
    const char* line;
    const char* gap;
    const char* projected;
    const char* department;
    const char* basic_mark;          // marks a basic item
    const char* task;
    const char* leader;
    const char* due_date;
    const char* days_late;           // working days late
    const char* progress;
    const char* rank;
    const char* unit;
    const char* verdict;
    const char* overdue_count;       // column: overdue tasks
    const char* none;                // empty table
    const char* showing;             // "showing {0} of {1}"
    const char* met_share_chart;     // chart caption
    const char* pass_marker;         // chart marker label
    const char* most_days_late;
    const char* targets_short;
    const char* yes;
    const char* no;
    const char* footer;              // "{0}: name of the program and version"
    const char* departments_note;    // what the department table counts
    const char* no_subunits;         // a campaign with one unit
    // Reasons, composed.
    const char* fails_now_and_ahead;  // "fails now and is projected to fail at the inspection"
    const char* fails_now;            // "fails now"
    const char* fails_now_passes_ahead;
    const char* passes_now_fails_ahead;
    const char* passes_now_and_ahead;
    const char* passes_now;
    const char* basic_items_failed;   // "{0} basic items not met"
    const char* basic_item_failed;    // the same for one
    const char* tasks_overdue;        // "{0} overdue tasks bear on it"
    const char* task_overdue;         // the same for one
    const char* no_overdue;           // "no overdue task bears on it"
    const char* targets_off_track;    // "{0} targets off track"
    const char* target_off_track;     // the same for one
    const char* surveys_in_doubt;     // "{0} survey items in doubt"
    const char* survey_in_doubt;      // the same for one
    // Targets, surveys, rounds, events.
    const char* targets_heading;
    const char* target;               // column: the target value
    const char* deadline;
    const char* projected_deadline;   // column: value projected to the deadline
    const char* days_from_now;        // column: days from the report date
    const char* target_states[5];     // TargetState: met, on_track, off_track, overdue, no_data
    const char* surveys_heading;
    const char* estimate;
    const char* sample;               // sample size
    const char* interval;             // confidence interval
    const char* probability;          // probability the true value meets the line
    const char* in_doubt;
    const char* rounds_heading;
    const char* round;
    const char* date;
    const char* total;
    const char* consequence;
    const char* assessment_kinds[6];  // AssessmentKind
    const char* events_heading;
    const char* event;
    const char* event_kinds[6];       // EventKind
    const char* rules[4];             // RulingKind: scope, subunit, level_or_trend, history_average
    const char* all_titles;           // an event for every title
    const char* separator;            // between reason parts
    const char* list_separator;       // between list items
    // Parts that could not be computed (ReportGap).
    const char* gaps_heading;
    const char* not_computed;             // a fact's value
    const char* evaluation_not_computed;  // a title's reason when its evaluation failed
    const char* gap_parts[7];             // ReportPart: {0} the title's name, {1} the unit's
    const char* gap_line;                 // "{0} could not be computed: {1}" ({1}: why)
};

/// The strings of a language.
[[nodiscard]] const Words& words(Language language);

/// `pattern` with {0}, {1} replaced.
[[nodiscard]] std::string fill(const char* pattern, const std::string& a, const std::string& b = {});

/// A date as the language writes it: 2026年9月30日, 30 Sep 2026.
[[nodiscard]] std::string format_date(Language language, Date date);

/// A number rounded to `decimals` places, trailing zeros trimmed, thousands grouped in English.
[[nodiscard]] std::string format_value(Language language, double value, int decimals = 2);

/// A pass line: "≥ 36", "≤ 5.6", "35–40", with the unit of measure.
[[nodiscard]] std::string format_line(Language language, const Interval& line, Direction direction, const std::string& measure);

/// A measured value with its unit; yes/no read as words.
[[nodiscard]] std::string format_measure(Language language, double value, Direction direction, const std::string& measure);

/// The word of an enum value, from one of the arrays above.
template <class Enum, std::size_t N>
[[nodiscard]] const char* word(const char* const (&names)[N], Enum value) {
    const auto i = static_cast<std::size_t>(value);
    return i < N ? names[i] : "?";
}

/// The verdict word: 红 / red.
[[nodiscard]] const char* rag_word(Language language, Rag rag);

}  // namespace civitas::detail
