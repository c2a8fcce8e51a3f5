// Building a campaign's supervision circular: the plan's status on two dates, counted by
// department, with the submissions due by each date and the campaign's accountability rules.

#include "report/detail/document.hpp"
#include "report/detail/words.hpp"

#include <civitas/core/error.hpp>
#include <civitas/plan/status.hpp>
#include <civitas/report/circular.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace civitas {

bool operator==(const CircularRow& a, const CircularRow& b) noexcept {
    return a.department == b.department && a.name == b.name && a.leader == b.leader && a.tasks_due == b.tasks_due &&
           a.done_on_time == b.done_on_time && a.on_time_rate == b.on_time_rate && a.overdue == b.overdue &&
           a.most_days_overdue == b.most_days_overdue && a.problems_overdue == b.problems_overdue && a.submits == b.submits &&
           a.submissions_due == b.submissions_due && a.submissions_late == b.submissions_late &&
           a.submissions_missing == b.submissions_missing && a.rank == b.rank && a.rank_since == b.rank_since;
}

bool operator==(const CircularTask& a, const CircularTask& b) noexcept {
    return a.id == b.id && a.name == b.name && a.department == b.department && a.leader == b.leader && a.due == b.due &&
           a.days_late == b.days_late && a.finished == b.finished;
}

bool operator==(const CircularProblem& a, const CircularProblem& b) noexcept {
    return a.id == b.id && a.description == b.description && a.department == b.department && a.deadline == b.deadline &&
           a.days_late == b.days_late && a.closed == b.closed;
}

bool operator==(const CircularChanges& a, const CircularChanges& b) noexcept {
    return a.finished == b.finished && a.newly_overdue == b.newly_overdue && a.closed == b.closed && a.improved == b.improved &&
           a.slipped == b.slipped && a.finished_total == b.finished_total && a.newly_overdue_total == b.newly_overdue_total &&
           a.closed_total == b.closed_total;
}

bool operator==(const Circular& a, const Circular& b) {
    return a.campaign == b.campaign && a.name == b.name && a.as_of == b.as_of && a.since == b.since && a.language == b.language &&
           a.schedule == b.schedule && a.rows == b.rows && a.overdue == b.overdue && a.overdue_total == b.overdue_total &&
           a.problems == b.problems && a.problems_total == b.problems_total && a.changes == b.changes && a.actions == b.actions;
}

namespace {

namespace words = detail::words;

std::string field(const std::map<std::string, std::string>& responsibility, const char* key) {
    const auto found = responsibility.find(key);
    return found == responsibility.end() ? std::string() : found->second;
}

// The same day a month earlier, or that month's last day when it has no such day (31 March: 28 February).
Date month_before(Date date) {
    const auto ymd = date.year_month_day();
    int year = ymd.year, month = ymd.month - 1;
    if (month == 0) {
        month = 12;
        --year;
    }
    const int last = boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(year), static_cast<unsigned short>(month));
    return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                static_cast<unsigned short>(std::min<int>(ymd.day, last)));
}

Date add_month(Date first_of_month) {
    const auto ymd = first_of_month.year_month_day();
    return ymd.month == 12 ? Date(static_cast<unsigned short>(ymd.year + 1), 1, 1)
                           : Date(ymd.year, static_cast<unsigned short>(ymd.month + 1), 1);
}

// The month a submission reports on: its period "YYYY-MM", else the month before the one it was made in.
Date period_month(const SubmissionRecord& s) {
    const std::string& p = s.period;
    const bool digits = p.size() == 7 && p[4] == '-' &&
                        std::all_of(p.begin(), p.begin() + 4, [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }) &&
                        std::isdigit(static_cast<unsigned char>(p[5])) != 0 && std::isdigit(static_cast<unsigned char>(p[6])) != 0;
    if (digits) {
        const int year = std::stoi(p.substr(0, 4)), month = std::stoi(p.substr(5, 2));
        if (year >= 1400 && month >= 1 && month <= 12) return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month), 1);
    }
    const auto ymd = s.submitted_at.year_month_day();
    return month_before(Date(ymd.year, ymd.month, 1));
}

// The plan as known on `date`: an actual finish or start after it is taken back (the task is then
// not done on it; its reported progress, which may date from later, is set below 100%).
Plan plan_on(const Plan& plan, Date date) {
    bool changed = false;
    const auto rewind = [&](PlanSpec& spec, const auto& self) -> void {
        for (Task& t : spec.tasks) {
            if (t.actual_finish && *t.actual_finish > date) {
                t.actual_finish.reset();
                if (t.percent_complete >= 100.0) t.percent_complete = 0.0;
                changed = true;
            }
            if (t.actual_start && *t.actual_start > date) {
                t.actual_start.reset();
                changed = true;
            }
        }
        for (PlanSpec& sub : spec.subplans) self(sub, self);
    };
    PlanSpec spec = plan.spec();
    rewind(spec, rewind);
    return changed ? Plan(std::move(spec)) : plan;
}

// A month whose submission is due, and how it went.
enum class Month { on_time, late, missing };

// The rows before any date's figures: who they are and what each task and problem counts for.
struct Roster {
    std::vector<CircularRow> rows;
    std::vector<const Department*> departments;     // per row, null for a plan department the campaign does not list
    std::vector<std::vector<std::size_t>> of_task;  // per task of the plan: its rows
    std::vector<std::vector<std::size_t>> of_problem;
    std::unordered_map<std::string, std::string> leaders;  // department id and name -> its leader
};

Roster roster(const Campaign& campaign, bool count_submissions) {
    const CampaignSpec& spec = campaign.spec();
    Roster r;
    std::unordered_map<std::string, std::size_t> by_name;  // department id or name -> row
    std::unordered_map<std::string, std::vector<std::size_t>> by_unit;  // unit id or name -> rows of its governments
    for (const Department& d : spec.departments) {
        const std::size_t row = r.rows.size();
        CircularRow c;
        c.department = d.id;
        c.name = d.name.empty() ? d.id : d.name;
        c.leader = d.leader;
        c.submits = count_submissions && spec.submissions &&
                    (spec.submissions->departments.empty() ||
                     std::find(spec.submissions->departments.begin(), spec.submissions->departments.end(), d.id) !=
                         spec.submissions->departments.end());
        r.rows.push_back(std::move(c));
        r.departments.push_back(&d);
        by_name.emplace(d.id, row);
        if (!d.name.empty()) by_name.emplace(d.name, row);
        if (!d.leader.empty()) {
            r.leaders.emplace(d.id, d.leader);
            if (!d.name.empty()) r.leaders.emplace(d.name, d.leader);
        }
        if (!d.unit.empty()) {
            by_unit[d.unit].push_back(row);
            const CampaignUnit& unit = spec.units[campaign.unit_index(d.unit)];
            if (!unit.name.empty() && unit.name != d.unit) by_unit[unit.name].push_back(row);
        }
    }
    const auto rows_of = [&](const std::map<std::string, std::string>& responsibility) {
        std::vector<std::size_t> rows;
        const std::string department = field(responsibility, "department");
        if (!department.empty()) {
            auto found = by_name.find(department);
            if (found == by_name.end()) {
                found = by_name.emplace(department, r.rows.size()).first;
                CircularRow c;
                c.name = department;
                r.rows.push_back(std::move(c));
                r.departments.push_back(nullptr);
            }
            rows.push_back(found->second);
        }
        if (const auto governments = by_unit.find(field(responsibility, "unit")); governments != by_unit.end())
            for (const std::size_t row : governments->second)
                if (std::find(rows.begin(), rows.end(), row) == rows.end()) rows.push_back(row);
        return rows;
    };
    if (campaign.plan()) {
        for (const Task& t : campaign.plan()->tasks()) r.of_task.push_back(rows_of(t.responsibility));
        for (const Problem& p : campaign.plan()->problems()) r.of_problem.push_back(rows_of(p.responsibility));
    }
    // A listed department without a leader of its own takes the first of its tasks'.
    if (campaign.plan())
        for (std::size_t i = 0; i < r.of_task.size(); ++i)
            for (const std::size_t row : r.of_task[i])
                if (r.rows[row].leader.empty()) r.rows[row].leader = field(campaign.plan()->tasks()[i].responsibility, "leader");
    return r;
}

// The figures of every row on a date, in the roster's order, with each row's months (oldest
// first) and its most overdue task (an index into the plan's tasks, or -1).
struct Figures {
    std::vector<CircularRow> rows;
    std::vector<std::vector<Month>> months;
    std::vector<long> most_overdue;
    PlanStatus status;
};

bool active_on(const SubmissionRecord& s, Date date) {
    if (s.submitted_at > date) return false;
    return s.status == SubmissionStatus::active || (s.withdrawn_at && *s.withdrawn_at > date);
}

Figures figures(const Campaign& campaign, const Roster& roster, Date date, const std::vector<SubmissionRecord>* submissions) {
    Figures f;
    f.rows = roster.rows;
    f.months.resize(roster.rows.size());
    f.most_overdue.assign(roster.rows.size(), -1);
    if (campaign.plan()) {
        const Plan plan = plan_on(*campaign.plan(), date);
        f.status = status(plan, campaign.calendar(), date);
        const std::vector<Task>& tasks = plan.tasks();
        for (std::size_t i = 0; i < tasks.size(); ++i) {
            const TaskStatus& t = f.status.tasks[i];
            const bool due = t.due <= date;
            const bool on_time = t.state == TaskState::done && t.days_late == 0;
            for (const std::size_t row : roster.of_task[i]) {
                CircularRow& r = f.rows[row];
                r.tasks_due += due;
                r.done_on_time += due && on_time;
                if (t.state != TaskState::overdue) continue;
                ++r.overdue;
                if (t.days_late > r.most_days_overdue || f.most_overdue[row] < 0) {
                    r.most_days_overdue = std::max(r.most_days_overdue, t.days_late);
                    f.most_overdue[row] = static_cast<long>(i);
                }
            }
        }
        std::unordered_map<std::string, std::size_t> problem_index;
        for (std::size_t k = 0; k < plan.problems().size(); ++k) problem_index.emplace(plan.problems()[k].id, k);
        for (const ProblemStatus& p : f.status.problems)
            if (p.state == ProblemState::overdue)
                for (const std::size_t row : roster.of_problem[problem_index.at(p.id)]) ++f.rows[row].problems_overdue;
    } else {
        f.status.as_of = date;
    }
    for (CircularRow& r : f.rows)
        if (r.tasks_due > 0) r.on_time_rate = static_cast<double>(r.done_on_time) / r.tasks_due;

    const std::optional<SubmissionSchedule>& schedule = campaign.spec().submissions;
    if (!schedule || !submissions) return f;
    for (std::size_t row = 0; row < f.rows.size(); ++row) {
        CircularRow& r = f.rows[row];
        if (!r.submits) continue;
        const Department& d = *roster.departments[row];
        std::map<Date, Date> first;  // month -> the first submission active on the date for it
        for (const SubmissionRecord& s : *submissions) {
            if ((s.department != d.id && (d.name.empty() || s.department != d.name)) || !active_on(s, date)) continue;
            const Date month = period_month(s);
            const auto [at, added] = first.emplace(month, s.submitted_at);
            if (!added && s.submitted_at < at->second) at->second = s.submitted_at;
        }
        for (Date month = schedule->first_month;; month = add_month(month)) {
            const Date next = add_month(month);
            const Date due(next.year(), next.month(), static_cast<unsigned short>(schedule->due_day));
            if (due > date) break;
            const auto made = first.find(month);
            const Month state = made == first.end() ? Month::missing : made->second <= due ? Month::on_time : Month::late;
            f.months[row].push_back(state);
            ++r.submissions_due;
            r.submissions_late += state == Month::late;
            r.submissions_missing += state == Month::missing;
        }
    }
    return f;
}

// The ranking's key, less is better; `name` orders rows equal in the rest.
bool better(const CircularRow& a, const CircularRow& b) {
    const auto key = [](const CircularRow& r) {
        return std::make_tuple(r.overdue, r.problems_overdue, r.submissions_late + r.submissions_missing, r.most_days_overdue);
    };
    if (key(a) != key(b)) return key(a) < key(b);
    // Higher on-time rate, compared exactly; nothing due counts as all on time.
    const long an = a.tasks_due > 0 ? a.done_on_time : 1, ad = a.tasks_due > 0 ? a.tasks_due : 1;
    const long bn = b.tasks_due > 0 ? b.done_on_time : 1, bd = b.tasks_due > 0 ? b.tasks_due : 1;
    return an * bd > bn * ad;
}

bool same_rank(const CircularRow& a, const CircularRow& b) { return !better(a, b) && !better(b, a); }

// The rows' positions best first (ties by name), each row's rank set.
std::vector<std::size_t> rank(std::vector<CircularRow>& rows, int CircularRow::*rank_member) {
    std::vector<std::size_t> order(rows.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (better(rows[a], rows[b])) return true;
        if (better(rows[b], rows[a])) return false;
        return rows[a].name < rows[b].name;
    });
    for (std::size_t k = 0; k < order.size(); ++k)
        rows[order[k]].*rank_member =
            k > 0 && same_rank(rows[order[k]], rows[order[k - 1]]) ? rows[order[k - 1]].*rank_member : static_cast<int>(k) + 1;
    return order;
}

CircularTask task_of(const Task& task, const TaskStatus& status, const Roster& roster) {
    CircularTask t;
    t.id = task.id;
    t.name = task.name.empty() ? task.id : task.name;
    t.department = field(task.responsibility, "department");
    t.leader = field(task.responsibility, "leader");
    if (t.leader.empty())
        if (const auto found = roster.leaders.find(t.department); found != roster.leaders.end()) t.leader = found->second;
    t.due = status.due;
    t.days_late = status.days_late;
    return t;
}

CircularProblem problem_of(const Problem& problem, const ProblemStatus& status) {
    CircularProblem p;
    p.id = problem.id;
    p.description = problem.description.empty() ? problem.id : problem.description;
    p.department = field(problem.responsibility, "department");
    p.deadline = problem.deadline;
    p.days_late = status.days_late;
    return p;
}

template <class T>
void truncate(std::vector<T>& items, int& total, std::size_t max_items) {
    total = static_cast<int>(items.size());
    if (items.size() > max_items) items.resize(max_items);
}

// The last rule a row meets, with the conditions of it that it meets.
std::optional<CircularAction> action_of(const CampaignSpec& spec, const CircularRow& row, const Figures& f, std::size_t at,
                                        const Plan* plan) {
    std::optional<CircularAction> action;
    for (const AccountabilityRule& rule : spec.accountability) {
        std::vector<Message> reasons;
        if (rule.days_overdue && row.overdue > 0 && row.most_days_overdue >= *rule.days_overdue && f.most_overdue[at] >= 0) {
            const Task& task = plan->tasks()[static_cast<std::size_t>(f.most_overdue[at])];
            reasons.push_back(words::task_overdue_reason(task.name.empty() ? task.id : task.name, row.most_days_overdue, *rule.days_overdue));
        }
        if (rule.problems_overdue && row.problems_overdue >= *rule.problems_overdue)
            reasons.push_back(words::problems_overdue_reason(row.problems_overdue, *rule.problems_overdue));
        if (rule.late_submissions && row.submits) {
            const std::vector<Month>& months = f.months[at];
            const std::size_t window = rule.months ? std::min(months.size(), static_cast<std::size_t>(*rule.months)) : months.size();
            const auto late = static_cast<int>(std::count_if(months.end() - static_cast<long>(window), months.end(),
                                                             [](Month m) { return m != Month::on_time; }));
            if (late >= *rule.late_submissions)
                reasons.push_back(words::late_submissions_reason(late, static_cast<int>(window), *rule.late_submissions));
        }
        if (reasons.empty()) continue;
        action = CircularAction{row.department, row.name, rule.id, rule.name.empty() ? rule.id : rule.name, std::move(reasons)};
    }
    return action;
}

}  // namespace

namespace detail {

Circular circular(const Campaign& campaign, Date as_of, const std::vector<SubmissionRecord>* submissions, const CircularOptions& options) {
    if (options.max_items < 1)
        throw ValidationError("max_items", Message("{0} rows cannot show a list; expected 1 or more"_en, "{0} 行无法显示列表；应为 1 行或以上"_zh,
                                                   {std::to_string(options.max_items)}));
    const Date since = options.since.value_or(month_before(as_of));
    if (since >= as_of)
        throw ValidationError("since", Message("{0} is not before the circular's date {1}; expected an earlier date"_en,
                                               "{0} 不早于通报日期 {1}；应为更早的日期"_zh, {to_iso(since), to_iso(as_of)}));
    const CampaignSpec& spec = campaign.spec();
    const Roster people = roster(campaign, submissions != nullptr);
    Figures now = figures(campaign, people, as_of, submissions);
    Figures before = figures(campaign, people, since, submissions);
    rank(before.rows, &CircularRow::rank);
    for (std::size_t k = 0; k < now.rows.size(); ++k) now.rows[k].rank_since = before.rows[k].rank;
    const std::vector<std::size_t> order = rank(now.rows, &CircularRow::rank);

    Circular c;
    c.campaign = spec.id;
    c.name = spec.name.empty() ? spec.id : spec.name;
    c.as_of = as_of;
    c.since = since;
    c.language = report_language(spec, options.language);
    c.schedule = spec.submissions.has_value() && submissions != nullptr;
    for (const std::size_t k : order) {
        c.rows.push_back(now.rows[k]);
        if (auto action = action_of(spec, now.rows[k], now, k, campaign.plan() ? &*campaign.plan() : nullptr)) c.actions.push_back(std::move(*action));
    }
    for (const CircularRow& r : c.rows) {
        if (r.rank < r.rank_since) c.changes.improved.push_back({r.name, r.rank_since, r.rank});
        if (r.rank > r.rank_since) c.changes.slipped.push_back({r.name, r.rank_since, r.rank});
    }
    const auto by_move = [](const RankChange& a, const RankChange& b) {
        return std::abs(a.after - a.before) > std::abs(b.after - b.before);
    };
    std::stable_sort(c.changes.improved.begin(), c.changes.improved.end(), by_move);
    std::stable_sort(c.changes.slipped.begin(), c.changes.slipped.end(), by_move);

    if (campaign.plan()) {
        const Plan& plan = *campaign.plan();
        const std::vector<Task>& tasks = plan.tasks();
        std::vector<std::size_t> overdue, newly;
        for (std::size_t i = 0; i < tasks.size(); ++i) {
            const TaskStatus& t = now.status.tasks[i];
            const TaskState was = before.status.tasks[i].state;
            if (t.state == TaskState::overdue) {
                overdue.push_back(i);
                if (was != TaskState::overdue) newly.push_back(i);
            }
            if (t.state == TaskState::done && was != TaskState::done) {
                CircularTask done = task_of(tasks[i], t, people);
                if (tasks[i].actual_finish && *tasks[i].actual_finish <= as_of) done.finished = tasks[i].actual_finish;
                c.changes.finished.push_back(std::move(done));
            }
        }
        const auto most_late = [&](std::size_t a, std::size_t b) { return now.status.tasks[a].days_late > now.status.tasks[b].days_late; };
        std::stable_sort(overdue.begin(), overdue.end(), most_late);
        std::stable_sort(newly.begin(), newly.end(), most_late);
        for (const std::size_t i : overdue) c.overdue.push_back(task_of(tasks[i], now.status.tasks[i], people));
        for (const std::size_t i : newly) c.changes.newly_overdue.push_back(task_of(tasks[i], now.status.tasks[i], people));

        std::unordered_map<std::string, std::size_t> problem_index;
        for (std::size_t k = 0; k < plan.problems().size(); ++k) problem_index.emplace(plan.problems()[k].id, k);
        std::unordered_map<std::string, ProblemState> was;
        for (const ProblemStatus& p : before.status.problems) was.emplace(p.id, p.state);
        const auto closed = [](ProblemState s) { return s == ProblemState::closed || s == ProblemState::closed_late; };
        for (const ProblemStatus& p : now.status.problems) {
            const Problem& problem = plan.problems()[problem_index.at(p.id)];
            if (p.state == ProblemState::overdue) c.problems.push_back(problem_of(problem, p));
            const auto earlier = was.find(p.id);
            if (closed(p.state) && (earlier == was.end() || !closed(earlier->second))) {
                CircularProblem done = problem_of(problem, p);
                done.closed = problem.closed;
                c.changes.closed.push_back(std::move(done));
            }
        }
        std::stable_sort(c.problems.begin(), c.problems.end(),
                         [](const CircularProblem& a, const CircularProblem& b) { return a.days_late > b.days_late; });
    }
    truncate(c.overdue, c.overdue_total, options.max_items);
    truncate(c.problems, c.problems_total, options.max_items);
    truncate(c.changes.finished, c.changes.finished_total, options.max_items);
    truncate(c.changes.newly_overdue, c.changes.newly_overdue_total, options.max_items);
    truncate(c.changes.closed, c.changes.closed_total, options.max_items);
    return c;
}

}  // namespace detail

Circular build_circular(const Campaign& campaign, Date as_of, const std::vector<SubmissionRecord>& submissions,
                        const CircularOptions& options) {
    return detail::circular(campaign, as_of, &submissions, options);
}

std::string render(const Circular& circular, ReportFormat format) {
    switch (format) {
    case ReportFormat::json: return detail::render_json(circular);
    case ReportFormat::html: return detail::render_html(detail::layout(circular));
    case ReportFormat::markdown: return detail::render_markdown(detail::layout(circular));
    case ReportFormat::text: break;
    }
    return detail::render_text(detail::layout(circular));
}

std::string to_string(const Circular& circular) {
    const auto plural = [](std::size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); };
    return "Circular('" + circular.campaign + "' on " + to_iso(circular.as_of) + " since " + to_iso(circular.since) + ": " +
           plural(circular.rows.size(), "department", "departments") + ", " +
           plural(static_cast<std::size_t>(circular.overdue_total), "overdue task", "overdue tasks") + ", " +
           plural(circular.actions.size(), "action", "actions") + ")";
}

}  // namespace civitas
