#pragma once
/// The supervision circular (督查通报): the campaign's departments ranked on a date by their
/// overdue tasks, problems past deadline and late submissions; the overdue work named with who
/// answers for it; what changed since an earlier date; and the accountability steps (问责) the
/// campaign's rules give. Built once as plain data, rendered as text, Markdown, HTML or JSON.

#include <civitas/core/message.hpp>
#include <civitas/export.hpp>
#include <civitas/report/format.hpp>
#include <civitas/store/campaign_store.hpp>
#include <civitas/tracking/campaign.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace civitas {

/// Options of a circular.
struct CIVITAS_EXPORT CircularOptions {
    std::optional<Date> since;         ///< the date changes are counted from, before the circular's; none: the same day a month earlier (the month's last day when it has no such day)
    std::optional<Language> language;  ///< none: the campaign's language, as a report's
    std::size_t max_items = 50;        ///< most rows in each list of tasks and problems; >= 1
};

/// A department's row in the circular's ranking. A department answers for the plan's tasks and
/// problems whose responsibility "department" is its id or name, and, when it has a unit, for
/// those whose "unit" is that unit's id or name; a plan department the campaign does not list is
/// a row of its own, keyed by name.
struct CIVITAS_EXPORT CircularRow {
    std::string department;        ///< the campaign's department id, "" for a plan department it does not list
    std::string name;              ///< display name
    std::string leader;            ///< who answers for it (the campaign's, else the first of its tasks' "leader"), "" when not known
    int tasks_due = 0;             ///< its tasks due on or before the date
    int done_on_time = 0;          ///< of them, done by their due date
    std::optional<double> on_time_rate;  ///< done_on_time / tasks_due in [0, 1]; none when nothing is due
    int overdue = 0;               ///< its tasks overdue now
    int most_days_overdue = 0;     ///< working days overdue of its most overdue task, 0 when none
    int problems_overdue = 0;      ///< its problems open past their deadline
    bool submits = false;          ///< the campaign has a submission schedule and the department submits
    int submissions_due = 0;       ///< months whose submission was due on or before the date
    int submissions_late = 0;      ///< of them, submitted after the due day
    int submissions_missing = 0;   ///< of them, not submitted by the date
    int rank = 0;                  ///< 1 = best on the date; equal keys share the smaller rank (1, 2, 2, 4)
    int rank_since = 0;            ///< its rank on the `since` date, counted the same way
    friend bool operator==(const CircularRow& a, const CircularRow& b) noexcept;
};

/// An overdue task, or one that changed, as the circular names it.
struct CIVITAS_EXPORT CircularTask {
    std::string id;                ///< task id (qualified in sub-plans)
    std::string name;              ///< its name
    std::string department;        ///< its responsibility "department", "" when none
    std::string leader;            ///< its responsibility "leader", else its department's leader, "" when not known
    Date due;                      ///< its due date
    int days_late = 0;             ///< working days past due: on the date when open, at the finish when finished late; else 0
    std::optional<Date> finished;  ///< its actual finish, when known (finished tasks only)
    friend bool operator==(const CircularTask& a, const CircularTask& b) noexcept;
};

/// A problem open past its deadline, or closed since, as the circular names it.
struct CIVITAS_EXPORT CircularProblem {
    std::string id;                ///< problem id (qualified in sub-plans)
    std::string description;       ///< what was found
    std::string department;        ///< its responsibility "department", "" when none
    Date deadline;                 ///< rectification deadline
    int days_late = 0;             ///< working days past the deadline: on the date when open, at the closing when closed late; else 0
    std::optional<Date> closed;    ///< when it was closed (closed problems only)
    friend bool operator==(const CircularProblem& a, const CircularProblem& b) noexcept;
};

/// A department whose rank moved between `since` and the date.
struct CIVITAS_EXPORT RankChange {
    std::string name;              ///< the row's name
    int before = 0;                ///< rank on `since`
    int after = 0;                 ///< rank on the date
    friend bool operator==(const RankChange& a, const RankChange& b) noexcept {
        return a.name == b.name && a.before == b.before && a.after == b.after;
    }
};

/// What changed in (since, as_of].
struct CIVITAS_EXPORT CircularChanges {
    std::vector<CircularTask> finished;       ///< tasks done on the date and not on `since`, in plan order
    std::vector<CircularTask> newly_overdue;  ///< tasks overdue on the date and not on `since`, most days late first
    std::vector<CircularProblem> closed;      ///< problems closed on the date and open (or not found) on `since`, in plan order
    std::vector<RankChange> improved;         ///< rank now better than on `since`, largest move first
    std::vector<RankChange> slipped;          ///< rank now worse, largest move first
    int finished_total = 0;                   ///< before truncation to max_items (as the next two)
    int newly_overdue_total = 0;
    int closed_total = 0;
    friend bool operator==(const CircularChanges& a, const CircularChanges& b) noexcept;
};

/// The accountability step a department is given: the last rule (in the campaign's order, mildest
/// first) whose conditions it meets, and each condition of that rule it meets, in words.
struct CIVITAS_EXPORT CircularAction {
    std::string department;        ///< the campaign's department id, "" for a plan department it does not list
    std::string name;              ///< the row's name
    std::string rule;              ///< the rule's id
    std::string rule_name;         ///< the rule's name (its id when it has none)
    std::vector<Message> reasons;  ///< "task X 23 working days overdue (rule: 15)", in both languages
    friend bool operator==(const CircularAction& a, const CircularAction& b) {
        return a.department == b.department && a.name == b.name && a.rule == b.rule && a.rule_name == b.rule_name &&
               a.reasons == b.reasons;
    }
};

/// A campaign's supervision circular on a date.
struct CIVITAS_EXPORT Circular {
    std::string campaign;                      ///< campaign id
    std::string name;                          ///< campaign name
    Date as_of;                                ///< the circular's date
    Date since;                                ///< the date changes and earlier ranks are counted from
    Language language = Language::zh;          ///< language of the rendered text
    bool schedule = false;                     ///< the campaign has a submission schedule (submissions are counted)
    std::vector<CircularRow> rows;             ///< the ranking, best first (ties by name)
    std::vector<CircularTask> overdue;         ///< overdue tasks, most days late first (then plan order)
    int overdue_total = 0;                     ///< overdue tasks before truncation to max_items
    std::vector<CircularProblem> problems;     ///< problems open past their deadline, most days late first (then plan order)
    int problems_total = 0;                    ///< before truncation
    CircularChanges changes;                   ///< what changed since `since`
    std::vector<CircularAction> actions;       ///< accountability steps, in ranking order; departments meeting no rule have none
    friend bool operator==(const Circular& a, const Circular& b);
};

/// Builds the circular of `campaign` on `as_of`. `submissions` are the store's
/// (CampaignStore::submissions()): a department's month M is due on the schedule's due_day of
/// M + 1 and counts once that day is on or before the date; it was on time when its first
/// submission active on the date with period M ("YYYY-MM"; an empty or other period stands for the
/// month before the one it was submitted in) was made on or before the due day, late when after,
/// missing when none by the date. A submission withdrawn on or before a date is not active on it.
///
/// Ranking, lexicographic: fewer overdue tasks, then fewer problems past deadline, then fewer late
/// and missing submissions, then fewer working days of the most overdue task, then the higher
/// on-time rate (nothing due counts as all on time), then the name; rows equal in all but the name
/// share a rank. Task and problem states are the plan's status on each date (status()), an actual
/// finish or closing after the date not counting on it. ValidationError when `since` is not before
/// `as_of` or max_items is 0.
[[nodiscard]] CIVITAS_EXPORT Circular build_circular(const Campaign& campaign, Date as_of,
                                                     const std::vector<SubmissionRecord>& submissions = {},
                                                     const CircularOptions& options = {});

/// Writes a circular in a format (ReportFormat): the same circular gives the same bytes; JSON
/// follows data/schema/circular.schema.json.
[[nodiscard]] CIVITAS_EXPORT std::string render(const Circular& circular, ReportFormat format);

/// One line: `Circular('small' on 2026-03-16 since 2026-02-16: 4 departments, 2 overdue tasks, 1 action)`.
[[nodiscard]] CIVITAS_EXPORT std::string to_string(const Circular& circular);

}  // namespace civitas
