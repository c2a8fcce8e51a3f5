// Laying a circular out as pages in its language: the ranking, the overdue work, what changed
// since the earlier date, the accountability steps.

#include "report/detail/document.hpp"
#include "report/detail/formats.hpp"
#include "report/detail/words.hpp"

#include <civitas/version.hpp>

#include <initializer_list>

namespace civitas::detail {

namespace {

// Task names and problem descriptions are cut in the tables (the JSON keeps them whole).
constexpr std::size_t name_width = 36;

Cell text(std::string value, Tone tone = Tone::plain) { return {std::move(value), tone, false}; }
Cell number(std::string value, Tone tone = Tone::plain) { return {std::move(value), tone, true}; }
Cell count(int value, Tone tone = Tone::plain) { return number(std::to_string(value), tone); }
Cell or_dash(const std::string& value) { return value.empty() ? text("—", Tone::muted) : text(value); }

std::vector<std::string> texts(Language language, std::initializer_list<Message> messages) {
    std::vector<std::string> out;
    for (const Message& message : messages) out.push_back(message.text(language));
    return out;
}

std::string shown(Language language, std::size_t shown_rows, int total) {
    if (total <= static_cast<int>(shown_rows)) return {};
    return words::showing(static_cast<int>(shown_rows), total).text(language);
}

Tone red_if(int value) { return value > 0 ? Tone::red : Tone::plain; }

Page ranking(const Circular& c) {
    const Language language = c.language;
    Page page;
    page.title = words::circular_ranking.text(language);
    Facts facts;
    facts.facts.push_back({words::departments_ranked.text(language), std::to_string(c.rows.size()), Tone::plain});
    facts.facts.push_back({words::overdue_tasks_count.text(language), std::to_string(c.overdue_total),
                           c.overdue_total > 0 ? Tone::red : Tone::green});
    facts.facts.push_back({words::problems_past_deadline.text(language), std::to_string(c.problems_total),
                           c.problems_total > 0 ? Tone::amber : Tone::green});
    facts.facts.push_back({words::actions_count.text(language), std::to_string(c.actions.size()),
                           c.actions.empty() ? Tone::green : Tone::red});
    page.blocks.emplace_back(std::move(facts));

    Table table;
    table.header = texts(language, {words::rank, words::department, words::leader, words::tasks_due, words::on_time_rate, words::overdue,
                                    words::most_days_late, words::problems_past_deadline});
    if (c.schedule) table.header.push_back(words::submissions_column.text(language));
    table.header.push_back(words::rank_before.text(language));
    for (const CircularRow& r : c.rows) {
        std::vector<Cell> row{
            count(r.rank),
            text(r.name),
            or_dash(r.leader),
            count(r.tasks_due),
            r.on_time_rate ? number(format_share(language, *r.on_time_rate)) : text("—", Tone::muted),
            count(r.overdue, red_if(r.overdue)),
            count(r.most_days_overdue, red_if(r.most_days_overdue)),
            count(r.problems_overdue, r.problems_overdue > 0 ? Tone::amber : Tone::plain),
        };
        if (c.schedule)
            row.push_back(r.submits ? number(words::late_missing_of(r.submissions_late, r.submissions_missing, r.submissions_due).text(language),
                                             r.submissions_late + r.submissions_missing > 0 ? Tone::amber : Tone::plain)
                                    : text("—", Tone::muted));
        const Tone moved = r.rank < r.rank_since ? Tone::green : r.rank > r.rank_since ? Tone::red : Tone::plain;
        row.push_back(number(std::to_string(r.rank_since), moved));
        table.rows.push_back(std::move(row));
    }
    table.empty = words::none.text(language);
    page.blocks.emplace_back(std::move(table));
    page.blocks.emplace_back(Paragraph{words::ranking_rule.text(language), Tone::muted});
    return page;
}

Table tasks_table(Language language, const std::vector<CircularTask>& tasks, int total, bool finished) {
    Table table;
    if (finished)
        table.header = texts(language, {words::task, words::department, words::leader, words::due_date, words::finished_on, words::days_late});
    else
        table.header = texts(language, {words::task, words::department, words::leader, words::due_date, words::days_late});
    for (const CircularTask& t : tasks) {
        std::vector<Cell> row{text(clip_text(t.name, name_width)), or_dash(t.department), or_dash(t.leader),
                              number(format_date(language, t.due))};
        if (finished) {
            row.push_back(t.finished ? number(format_date(language, *t.finished)) : text("—", Tone::muted));
            row.push_back(t.days_late > 0 ? count(t.days_late, Tone::amber) : text(words::on_time.text(language), Tone::green));
        } else {
            row.push_back(count(t.days_late, Tone::red));
        }
        table.rows.push_back(std::move(row));
    }
    table.empty = words::none.text(language);
    table.note = shown(language, tasks.size(), total);
    return table;
}

Table problems_table(Language language, const std::vector<CircularProblem>& problems, int total, bool closed) {
    Table table;
    if (closed)
        table.header = texts(language, {words::problem, words::department, words::deadline, words::closed_on, words::problem_days_late});
    else
        table.header = texts(language, {words::problem, words::department, words::deadline, words::problem_days_late});
    for (const CircularProblem& p : problems) {
        std::vector<Cell> row{text(clip_text(p.description, name_width)), or_dash(p.department), number(format_date(language, p.deadline))};
        if (closed) {
            row.push_back(p.closed ? number(format_date(language, *p.closed)) : text("—", Tone::muted));
            row.push_back(p.days_late > 0 ? count(p.days_late, Tone::amber) : text(words::on_time.text(language), Tone::green));
        } else {
            row.push_back(count(p.days_late, Tone::red));
        }
        table.rows.push_back(std::move(row));
    }
    table.empty = words::none.text(language);
    table.note = shown(language, problems.size(), total);
    return table;
}

Page overdue_work(const Circular& c) {
    const Language language = c.language;
    Page page;
    page.title = words::circular_overdue_page.text(language);
    page.blocks.emplace_back(Heading{words::overdue_tasks.text(language)});
    page.blocks.emplace_back(tasks_table(language, c.overdue, c.overdue_total, false));
    page.blocks.emplace_back(Heading{words::problems_past_deadline_heading.text(language)});
    page.blocks.emplace_back(problems_table(language, c.problems, c.problems_total, false));
    return page;
}

Table moves_table(Language language, const std::vector<RankChange>& moves, Tone tone) {
    Table table;
    table.header = texts(language, {words::department, words::rank_before, words::rank});
    for (const RankChange& m : moves) table.rows.push_back({text(m.name), count(m.before), count(m.after, tone)});
    table.empty = words::none.text(language);
    return table;
}

Page changes(const Circular& c) {
    const Language language = c.language;
    const CircularChanges& ch = c.changes;
    Page page;
    page.title = words::circular_changes_page(format_date(language, c.since)).text(language);
    page.blocks.emplace_back(Heading{words::finished_heading.text(language)});
    page.blocks.emplace_back(tasks_table(language, ch.finished, ch.finished_total, true));
    page.blocks.emplace_back(Heading{words::newly_overdue_heading.text(language)});
    page.blocks.emplace_back(tasks_table(language, ch.newly_overdue, ch.newly_overdue_total, false));
    page.blocks.emplace_back(Heading{words::closed_heading.text(language)});
    page.blocks.emplace_back(problems_table(language, ch.closed, ch.closed_total, true));
    page.blocks.emplace_back(Heading{words::improved_heading.text(language)});
    page.blocks.emplace_back(moves_table(language, ch.improved, Tone::green));
    page.blocks.emplace_back(Heading{words::slipped_heading.text(language)});
    page.blocks.emplace_back(moves_table(language, ch.slipped, Tone::red));
    return page;
}

}  // namespace

void actions_blocks(std::vector<Block>& blocks, Language language, const std::vector<CircularAction>& actions) {
    if (actions.empty()) blocks.emplace_back(Paragraph{words::no_actions.text(language), Tone::muted});
    for (const CircularAction& a : actions) {
        std::string why;
        for (const Message& reason : a.reasons) why += (why.empty() ? "" : words::separator.text(language)) + reason.text(language);
        blocks.emplace_back(Paragraph{words::action_line(a.name, a.rule_name, why).text(language), Tone::red});
    }
}

Document layout(const Circular& c) {
    const Language language = c.language;
    Document document;
    document.language = language_tag(language);
    document.title = c.name + words::circular_after_name.text(language);
    document.subtitle = words::data_as_of(format_date(language, c.as_of)).text(language) + words::separator.text(language) +
                        words::changes_since(format_date(language, c.since)).text(language);
    document.footer = words::made_by(std::string("civitas ") + version).text(language) + " · " + c.campaign + " · " + to_iso(c.as_of);
    document.pages.push_back(ranking(c));
    document.pages.push_back(overdue_work(c));
    document.pages.push_back(changes(c));
    Page actions;
    actions.title = words::circular_actions_page.text(language);
    actions_blocks(actions.blocks, language, c.actions);
    document.pages.push_back(std::move(actions));
    return document;
}

}  // namespace civitas::detail
