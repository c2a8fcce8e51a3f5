// Laying a report out as pages in its language: an overview, a page per title, the departments.

#include "plan/detail/funds.hpp"
#include "report/detail/document.hpp"
#include "report/detail/formats.hpp"
#include "report/detail/words.hpp"

#include <civitas/version.hpp>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <map>

namespace civitas::detail {

namespace {

// A title page fits one A4 sheet: task names are cut (the JSON keeps them whole), and the
// district chart is left out when the page's lists hold more rows than this.
constexpr std::size_t task_name_width = 36;
constexpr std::size_t chart_rows_limit = 22;

std::size_t list_rows(const TitleReport& t) {
    return t.shortfalls.size() + t.off_track.size() + t.targets.size() + t.surveys.size() + t.overdue.size() + t.units.size();
}

Tone tone_of(Rag rag) { return rag == Rag::red ? Tone::red : rag == Rag::amber ? Tone::amber : Tone::green; }

Cell text(std::string value, Tone tone = Tone::plain) { return {std::move(value), tone, false}; }
Cell number(std::string value, Tone tone = Tone::plain) { return {std::move(value), tone, true}; }
Cell count(int value, Tone tone = Tone::plain) { return number(std::to_string(value), tone); }

// The texts of `messages` in `language`, in order: a table's header.
std::vector<std::string> texts(Language language, std::initializer_list<Message> messages) {
    std::vector<std::string> out;
    for (const Message& message : messages) out.push_back(message.text(language));
    return out;
}

Cell verdict(Language language, Rag rag) { return text(words::verdict(rag).text(language), tone_of(rag)); }
Cell pass_cell(Language language, bool passes) {
    return text(words::pass_word(passes).text(language), passes ? Tone::green : Tone::red);
}

std::string shown(Language language, int shown_rows, int total) {
    if (total <= shown_rows) return {};
    return words::showing(shown_rows, total).text(language);
}

std::string share_text(int met, int of) { return std::to_string(met) + "/" + std::to_string(of); }

// Where the city stands in a title: by its score against the line when the framework passes on its
// total (a points-based one, whose items count as met only at full marks), else by the share met.
std::string standing_text(Language language, const TitleReport& t) {
    if (!t.pass_total) return share_text(t.met, t.indicators);
    if (!t.total) return "—";
    return words::score_against_line(format_value(language, *t.total, 1), format_value(language, *t.pass_total, 1)).text(language);
}
// "2/3", or "—" when there is nothing to count.
Cell ratio(int part, int of, Tone tone) { return of == 0 ? text("—", Tone::muted) : number(share_text(part, of), tone); }

std::string value_text(Language language, const std::optional<double>& value, const ReportItem& item) {
    return value ? format_measure(language, *value, item.direction, item.measure) : "—";
}

// An item's name, marked when basic and when a rule decided it.
std::string item_name(Language language, const ReportItem& item) {
    std::string name = item.name;
    if (item.basic) name += words::basic_mark.text(language);
    if (item.rule) name += words::rule_mark(*item.rule).text(language);
    return name;
}

std::string name_in(const std::map<std::string, std::string>& names, const std::string& id) {
    const auto found = names.find(id);
    return found == names.end() ? id : found->second;
}

// Parts that could not be computed: at most this many are written out on a page (the JSON has
// them all), then how many there are.
constexpr std::size_t gaps_shown = 12;

std::string title_name(const Report& report, const std::string& id) {
    for (const TitleReport& t : report.titles)
        if (t.id == id) return t.name;
    return id;
}

bool has_gap(const Report& report, const std::string& title, ReportPart part) {
    return std::any_of(report.gaps.begin(), report.gaps.end(), [&](const ReportGap& g) { return g.title == title && g.part == part; });
}

// "The evaluation of 二区 in 国家园林城市 could not be computed: ..." under a heading; the gaps of
// `title` only, when given.
void gaps_block(Page& page, const Report& report, const std::optional<std::string>& title) {
    const Language language = report.language;
    std::vector<const ReportGap*> gaps;
    for (const ReportGap& gap : report.gaps)
        if (!title || gap.title == *title) gaps.push_back(&gap);
    if (gaps.empty()) return;
    page.blocks.emplace_back(Heading{words::gaps_heading.text(language)});
    for (std::size_t k = 0; k < gaps.size() && k < gaps_shown; ++k) {
        const ReportGap& gap = *gaps[k];
        const Message part = words::gap_part(gap.part, title_name(report, gap.title), name_in(report.unit_names, gap.unit));
        page.blocks.emplace_back(Paragraph{words::gap_line(part, gap.reason).text(language), Tone::red});
    }
    if (gaps.size() > gaps_shown)
        page.blocks.emplace_back(Paragraph{shown(language, static_cast<int>(gaps_shown), static_cast<int>(gaps.size())), Tone::muted});
}

Tone target_tone(TargetState state) {
    switch (state) {
    case TargetState::met: return Tone::green;
    case TargetState::on_track: return Tone::plain;
    case TargetState::off_track: return Tone::amber;
    case TargetState::overdue: return Tone::red;
    case TargetState::no_data: break;
    }
    return Tone::muted;
}

void targets_table(Page& page, const Report& report, const TitleReport& t) {
    const Language language = report.language;
    page.blocks.emplace_back(Heading{words::targets_heading.text(language)});
    Table table;
    table.header = texts(language, {words::unit, words::indicator, words::target, words::value, words::deadline,
                                    words::projected_deadline, words::status, words::department});
    for (const TargetProgress& target : t.targets) {
        const std::string line = format_line(language, target.line, Direction::higher, "");
        table.rows.push_back({
            text(name_in(report.unit_names, target.unit)),
            text(name_in(t.indicator_names, target.indicator)),
            number(line),
            target.latest ? number(format_value(language, *target.latest)) : text("—", Tone::muted),
            target.deadline ? number(format_date(language, *target.deadline)) : text("—", Tone::muted),
            target.projected ? number(format_value(language, *target.projected)) : text("—", Tone::muted),
            text(words::target_state(target.state).text(language), target_tone(target.state)),
            text(target.department.empty() ? "—" : name_in(report.department_names, target.department),
                 target.department.empty() ? Tone::muted : Tone::plain),
        });
    }
    table.empty = words::none.text(language);
    table.note = shown(language, static_cast<int>(t.targets.size()), t.targets_total);
    page.blocks.emplace_back(std::move(table));
}

void surveys_table(Page& page, const Report& report, const TitleReport& t) {
    const Language language = report.language;
    page.blocks.emplace_back(Heading{words::surveys_heading.text(language)});
    Table table;
    table.header = texts(language, {words::unit, words::indicator, words::estimate, words::sample, words::interval, words::line,
                                    words::probability, words::status});
    for (const SurveyCheck& s : t.surveys) {
        const Tone tone = s.in_doubt ? Tone::amber : s.meets ? Tone::green : Tone::red;
        table.rows.push_back({
            text(name_in(report.unit_names, s.unit)),
            text(name_in(t.indicator_names, s.indicator)),
            number(format_value(language, s.estimate, 1)),
            number(format_value(language, s.sample_size, 0)),
            number(format_value(language, s.low, 1) + "–" + format_value(language, s.high, 1)),
            number(format_line(language, s.line, Direction::higher, "")),
            number(format_share(language, s.probability), tone),
            text((s.in_doubt ? words::in_doubt : s.meets ? words::met : words::not_met).text(language), tone),
        });
    }
    table.empty = words::none.text(language);
    table.note = shown(language, static_cast<int>(t.surveys.size()), t.surveys_total);
    page.blocks.emplace_back(std::move(table));
}

void rounds_table(Page& page, const Report& report, const TitleReport& t) {
    const Language language = report.language;
    page.blocks.emplace_back(Heading{words::rounds_heading.text(language)});
    Table table;
    table.header = texts(language, {words::round, words::event, words::date, words::total, words::consequence});
    const std::string list_separator = words::list_separator.text(language);
    for (const RoundResult& r : t.rounds) {
        std::string consequences;
        for (const std::string& c : r.consequences) consequences += (consequences.empty() ? "" : list_separator) + c;
        table.rows.push_back({
            text(r.name),
            text(words::assessment_kind(r.kind).text(language)),
            number(format_date(language, r.date)),
            r.total ? number(format_value(language, *r.total, 1) + " / " + format_value(language, r.scale, 0)) : text("—", Tone::muted),
            consequences.empty() ? text("—", Tone::muted) : text(consequences, Tone::red),
        });
    }
    page.blocks.emplace_back(std::move(table));
}

Page overview(const Report& report) {
    const Language language = report.language;
    Page page;
    page.title = words::overview.text(language);
    int counts[3] = {0, 0, 0};
    for (const TitleReport& t : report.titles) ++counts[static_cast<int>(t.rag)];
    Facts facts;
    facts.facts.push_back({words::red.text(language), std::to_string(counts[2]), counts[2] > 0 ? Tone::red : Tone::muted});
    facts.facts.push_back({words::amber.text(language), std::to_string(counts[1]), counts[1] > 0 ? Tone::amber : Tone::muted});
    facts.facts.push_back({words::green.text(language), std::to_string(counts[0]), counts[0] > 0 ? Tone::green : Tone::muted});
    if (report.plan) {
        const Progress& p = *report.plan;
        const auto state = [&](TaskState s) {
            const auto found = p.states.find(s);
            return found == p.states.end() ? 0 : found->second;
        };
        facts.facts.push_back({words::tasks.text(language), share_text(state(TaskState::done), p.tasks) + " " + words::done.text(language),
                               Tone::plain});
        facts.facts.push_back({words::overdue.text(language), std::to_string(state(TaskState::overdue)),
                               state(TaskState::overdue) > 0 ? Tone::red : Tone::green});
        if (p.spi)
            facts.facts.push_back({words::spi.text(language), format_value(language, *p.spi), *p.spi < 0.9 ? Tone::amber : Tone::plain});
        if (const auto rate = p.on_time_rate())
            facts.facts.push_back({words::on_time_rate.text(language), format_share(language, *rate), Tone::plain});
        const int open = p.problems.found - p.problems.closed;
        if (p.problems.found > 0)
            facts.facts.push_back(
                {words::problems_open.text(language), share_text(open, p.problems.found), open > 0 ? Tone::amber : Tone::green});
    }
    if (report.rejected_observations > 0)
        facts.facts.push_back({words::rejected_rows.text(language), std::to_string(report.rejected_observations), Tone::amber});
    page.blocks.emplace_back(std::move(facts));
    gaps_block(page, report, std::nullopt);

    Table table;
    table.header =
        texts(language, {words::title, words::inspection, words::days_left, words::city, words::standing, words::subunits, words::reason});
    for (const TitleReport& t : report.titles) {
        int units[3] = {0, 0, 0};
        for (const UnitStanding& s : t.units) ++units[static_cast<int>(s.rag)];
        table.rows.push_back({
            text(t.name),
            text(t.dates.inspection ? format_date(language, *t.dates.inspection) : "—"),
            t.days_to_inspection ? number(std::to_string(*t.days_to_inspection)) : text("—", Tone::muted),
            verdict(language, t.rag),
            t.framework.empty() ? text("—", Tone::muted) : number(standing_text(language, t)),
            t.units.empty() ? text("—", Tone::muted)
                            : text(std::to_string(units[2]) + " / " + std::to_string(units[1]) + " / " + std::to_string(units[0])),
            text(t.reason),
        });
    }
    table.empty = words::none.text(language);
    page.blocks.emplace_back(std::move(table));

    BarChart chart;
    chart.caption = words::titles_chart.text(language);
    for (const TitleReport& t : report.titles)
        if (!t.framework.empty() && t.indicators > 0) {
            const double share = !t.pass_total ? static_cast<double>(t.met) / t.indicators : t.total ? *t.total / t.scale : 0.0;
            chart.bars.push_back({t.name, share, standing_text(language, t), tone_of(t.rag)});
        }
    if (!chart.bars.empty()) page.blocks.emplace_back(std::move(chart));

    if (!report.next_events.empty()) {
        page.blocks.emplace_back(Heading{words::events_heading.text(language)});
        Table events;
        events.header = texts(language, {words::date, words::days_from_now, words::title, words::event});
        for (const CampaignEvent& e : report.next_events) {
            std::string title = words::all_titles.text(language);
            for (const TitleReport& t : report.titles)
                if (t.id == e.title) title = t.name;
            std::string what = (e.assessment ? words::assessment_kind(*e.assessment) : words::event_kind(e.kind)).text(language);
            if (!e.name.empty()) what += words::colon.text(language) + e.name;
            events.rows.push_back({
                number(format_date(language, e.date)),
                number(std::to_string((e.date - report.as_of).days())),
                text(title),
                text(what, e.kind == EventKind::inspection || e.assessment == AssessmentKind::national_check ? Tone::red : Tone::plain),
            });
        }
        page.blocks.emplace_back(std::move(events));
    }
    return page;
}

Page title_page(const Report& report, const TitleReport& t) {
    const Language language = report.language;
    Page page;
    page.title = t.name;
    page.badge = words::verdict(t.rag).text(language);
    page.tone = tone_of(t.rag);
    page.blocks.emplace_back(Paragraph{t.reason, tone_of(t.rag)});
    gaps_block(page, report, t.id);

    Facts facts;
    if (!t.framework.empty()) {
        facts.facts.push_back({words::framework.text(language), t.framework, Tone::plain});
        if (t.pass_total) {
            facts.facts.push_back({words::score.text(language), standing_text(language, t), Tone::plain});
        } else {
            facts.facts.push_back({words::met_indicators.text(language), share_text(t.met, t.indicators), Tone::plain});
            if (t.total) facts.facts.push_back({words::score.text(language), format_value(language, *t.total, 1), Tone::plain});
        }
        facts.facts.push_back(
            {words::basic_failed.text(language), std::to_string(t.basic_failed), t.basic_failed > 0 ? Tone::red : Tone::green});
        facts.facts.push_back(
            {words::now.text(language), words::pass_word(t.passes_now).text(language), t.passes_now ? Tone::green : Tone::red});
        if (t.passes_at_inspection)
            facts.facts.push_back({words::at_inspection.text(language), words::pass_word(*t.passes_at_inspection).text(language),
                                   *t.passes_at_inspection ? Tone::green : Tone::red});
    } else if (has_gap(report, t.id, ReportPart::title_evaluation)) {
        facts.facts.push_back({words::framework.text(language), words::not_computed.text(language), Tone::red});
    } else {
        facts.facts.push_back({words::framework.text(language), words::no_framework.text(language), Tone::muted});
    }
    if (t.dates.inspection) {
        const std::string day = format_date(language, *t.dates.inspection);
        const std::string when = t.days_to_inspection ? words::in_days(day, *t.days_to_inspection).text(language) : day;
        facts.facts.push_back({words::inspection.text(language), when, Tone::plain});
    }
    page.blocks.emplace_back(std::move(facts));

    if (!t.framework.empty()) {
        page.blocks.emplace_back(Heading{words::shortfalls.text(language)});
        Table shortfalls;
        shortfalls.header =
            texts(language, {words::indicator, words::value, words::line, words::gap, words::relative_gap, words::projected,
                             words::department});
        for (const ReportItem& item : t.shortfalls) {
            const bool yes_no = item.direction == Direction::yes_no;
            const std::string gap = item.gap && !yes_no ? format_gap(language, *item.gap, item.measure) : "—";
            const std::string relative = item.relative_gap && !yes_no ? format_share(language, *item.relative_gap) : "—";
            shortfalls.rows.push_back({
                text(item_name(language, item), item.basic ? Tone::red : Tone::plain),
                number(value_text(language, item.value, item)),
                number(format_line(language, item.line, item.direction, item.measure)),
                number(gap, Tone::red),
                number(relative, Tone::red),
                number(value_text(language, item.projected, item), !item.projected_met ? Tone::muted : *item.projected_met ? Tone::green : Tone::red),
                text(item.department.empty() ? "—" : item.department, item.department.empty() ? Tone::muted : Tone::plain),
            });
        }
        shortfalls.empty = words::none.text(language);
        shortfalls.note = shown(language, static_cast<int>(t.shortfalls.size()), t.shortfalls_total);
        page.blocks.emplace_back(std::move(shortfalls));

        if (t.off_track_total > 0) {
            page.blocks.emplace_back(Heading{words::off_track.text(language)});
            Table off;
            off.header = texts(language, {words::indicator, words::value, words::projected, words::line, words::department});
            for (const ReportItem& item : t.off_track) {
                off.rows.push_back({
                    text(item_name(language, item), item.basic ? Tone::red : Tone::plain),
                    number(value_text(language, item.value, item)),
                    number(value_text(language, item.projected, item), Tone::red),
                    number(format_line(language, item.line, item.direction, item.measure)),
                    text(item.department.empty() ? "—" : item.department, item.department.empty() ? Tone::muted : Tone::plain),
                });
            }
            off.empty = words::none.text(language);
            off.note = shown(language, static_cast<int>(t.off_track.size()), t.off_track_total);
            page.blocks.emplace_back(std::move(off));
        }
    }

    if (t.targets_total > 0) targets_table(page, report, t);
    if (t.surveys_total > 0) surveys_table(page, report, t);
    if (!t.rounds.empty()) rounds_table(page, report, t);

    page.blocks.emplace_back(Heading{words::overdue_tasks.text(language)});
    Table overdue;
    overdue.header = texts(language, {words::task, words::department, words::leader, words::due_date, words::days_late, words::progress});
    for (const OverdueTask& late : t.overdue) {
        auto field = [&](const char* key) {
            const auto found = late.responsibility.find(key);
            return found == late.responsibility.end() || found->second.empty() ? std::string("—") : found->second;
        };
        overdue.rows.push_back({
            text(clip_text(late.name.empty() ? late.id : late.name, task_name_width)),
            text(field("department")),
            text(field("leader")),
            number(format_date(language, late.due)),
            number(std::to_string(late.days_late), Tone::red),
            number(format_value(language, late.percent_complete, 0) + "%"),
        });
    }
    overdue.empty = words::none.text(language);
    overdue.note = shown(language, static_cast<int>(t.overdue.size()), t.overdue_total);
    page.blocks.emplace_back(std::move(overdue));

    page.blocks.emplace_back(Heading{words::ranking.text(language)});
    if (t.units.empty()) {
        page.blocks.emplace_back(Paragraph{words::no_subunits.text(language), Tone::muted});
        return page;
    }
    if (!t.framework.empty() && list_rows(t) <= chart_rows_limit) {
        // Scored frameworks chart the score against the least passing total; others the share met.
        const bool scored = t.total.has_value();
        BarChart chart;
        chart.caption = (scored ? words::score_chart : words::met_share_chart).text(language);
        for (const UnitStanding& s : t.units) {
            if (!s.passes_now) continue;  // not judged by the framework
            const double share = scored ? (s.total ? *s.total / t.scale : 0.0)
                                        : (s.assessed > 0 ? static_cast<double>(s.met) / s.assessed : 0.0);
            const std::string label = scored ? (s.total ? format_value(language, *s.total, 1) : "—") : share_text(s.met, s.assessed);
            chart.bars.push_back({s.name, share, label, tone_of(s.rag)});
        }
        if (scored && t.pass_total) chart.marker = *t.pass_total / t.scale;
        if (!scored && t.pass_share) chart.marker = *t.pass_share;
        if (chart.marker) chart.marker_label = words::pass_marker.text(language);
        if (!chart.bars.empty()) page.blocks.emplace_back(std::move(chart));
    }
    Table ranking;
    ranking.header = texts(language, {words::rank, words::unit, words::status, words::met, words::score, words::now, words::at_inspection,
                                      words::overdue_count});
    for (const UnitStanding& s : t.units) {
        const bool framework = !t.framework.empty();
        ranking.rows.push_back({
            count(s.rank),
            text(s.name),
            verdict(language, s.rag),
            framework && s.passes_now ? number(share_text(s.met, s.assessed)) : text("—", Tone::muted),
            s.total ? number(format_value(language, *s.total, 1)) : text("—", Tone::muted),
            s.passes_now ? pass_cell(language, *s.passes_now) : text("—", Tone::muted),
            s.passes_at_inspection ? pass_cell(language, *s.passes_at_inspection) : text("—", Tone::muted),
            count(s.overdue_tasks, s.overdue_tasks > 0 ? Tone::red : Tone::plain),
        });
    }
    page.blocks.emplace_back(std::move(ranking));
    return page;
}

// The bottom of the supervision circular's ranking on the report date, each row with the
// accountability step it is given (the reasons are the circular's).
void circular_section(Page& page, const Report& report) {
    const Language language = report.language;
    page.blocks.emplace_back(Heading{words::circular_section.text(language)});
    Table lines;
    lines.header = texts(language, {words::rank, words::department, words::overdue, words::most_days_late, words::problems_past_deadline,
                                    words::submissions_column, words::circular_actions_page, words::rank_before});
    for (const CircularRow& r : report.circular) {
        const Tone moved = r.rank < r.rank_since ? Tone::green : r.rank > r.rank_since ? Tone::red : Tone::plain;
        const auto action = std::find_if(report.actions.begin(), report.actions.end(),
                                         [&](const CircularAction& a) { return a.department == r.department && a.name == r.name; });
        const int late = r.submissions_late + r.submissions_missing;
        lines.rows.push_back({count(r.rank), text(r.name), count(r.overdue, r.overdue > 0 ? Tone::red : Tone::plain),
                              count(r.most_days_overdue, r.most_days_overdue > 0 ? Tone::red : Tone::plain),
                              count(r.problems_overdue, r.problems_overdue > 0 ? Tone::amber : Tone::plain),
                              r.submits ? text(words::late_missing_of(r.submissions_late, r.submissions_missing, r.submissions_due).text(language),
                                               late > 0 ? Tone::amber : Tone::plain)
                                        : text("—", Tone::muted),
                              action == report.actions.end() ? text("—", Tone::muted) : text(action->rule_name, Tone::red),
                              number(std::to_string(r.rank_since), moved)});
    }
    page.blocks.emplace_back(std::move(lines));
    page.blocks.emplace_back(Paragraph{words::circular_section_note.text(language), Tone::muted});
}

// Money: the totals, each source of funds, each department with a budget, and the lines overspent.
Page funds(const Report& report) {
    const Language language = report.language;
    Page page;
    page.title = words::funds_page.text(language);
    const auto money = [&](double yuan, Tone tone = Tone::plain) { return number(format_money(language, yuan), tone); };
    const auto percent = [&](const std::optional<double>& share) { return share ? format_share(language, *share) : std::string("—"); };
    const auto source = [&](const std::string& account) { return account.empty() ? words::general_fund.text(language) : account; };
    const Progress& all = *report.plan;
    const std::string budget = format_money(language, all.budget), spent = format_money(language, all.spent);
    const std::string earned = format_money(language, all.budget_earned);
    page.blocks.emplace_back(Paragraph{(all.cpi ? words::funds_total(budget, spent, percent(all.spending_rate()), earned, format_value(language, *all.cpi, 2))
                                                : words::funds_total_unspent(budget, earned))
                                           .text(language),
                                       all.cpi && *all.cpi < 1 ? Tone::amber : Tone::plain});
    Table accounts;
    accounts.header = texts(language, {words::account, words::budget, words::spent, words::spending_rate});
    for (const auto& [account, funds] : report.accounts)
        accounts.rows.push_back({text(source(account)), money(funds.budget),
                                 money(funds.spent, detail::overspent(funds.spent, funds.budget) ? Tone::red : Tone::plain),
                                 number(percent(funds.spending_rate()))});
    page.blocks.emplace_back(std::move(accounts));
    Table departments;
    departments.header = texts(language, {words::department, words::budget, words::spent, words::spending_rate, words::work_done, words::cpi});
    for (const DepartmentRow& d : report.departments) {
        if (d.budget <= 0 && d.spent == 0) continue;
        const std::optional<double> cpi = detail::cost_performance(d.budget_earned, d.spent);
        departments.rows.push_back({text(d.name), money(d.budget), money(d.spent), number(percent(detail::execution_rate(d.spent, d.budget))),
                                    money(d.budget_earned),
                                    cpi ? number(format_value(language, *cpi, 2), *cpi < 1 ? Tone::amber : Tone::plain) : text("—", Tone::muted)});
    }
    page.blocks.emplace_back(std::move(departments));
    if (!report.over_budget.empty()) {
        page.blocks.emplace_back(Heading{words::over_budget_heading.text(language)});
        Table over;
        over.header = texts(language, {words::task, words::department, words::account, words::budget, words::spent, words::overspent});
        for (const OverBudget& o : report.over_budget) {
            const auto department = o.responsibility.find("department");
            const bool named = department != o.responsibility.end() && !department->second.empty();
            over.rows.push_back({text(clip_text(o.name.empty() ? o.id : o.name, task_name_width)),
                                 text(named ? name_in(report.department_names, department->second) : "—", named ? Tone::plain : Tone::muted),
                                 text(source(o.account)), money(o.budget), money(o.spent), money(o.spent - o.budget, Tone::red)});
        }
        over.note = shown(language, static_cast<int>(report.over_budget.size()), report.over_budget_total);
        page.blocks.emplace_back(std::move(over));
    }
    page.blocks.emplace_back(Paragraph{words::funds_note.text(language), Tone::muted});
    return page;
}

Page departments(const Report& report) {
    const Language language = report.language;
    Page page;
    page.title = words::departments_page.text(language);
    Table table;
    table.header = texts(language, {words::department, words::leader, words::tasks, words::done, words::on_time_rate, words::overdue,
                                    words::most_days_late, words::problems_open, words::targets_short});
    for (const DepartmentRow& d : report.departments) {
        const std::string rate =
            d.due > 0 ? format_value(language, 100.0 * d.done_on_time / d.due, 1) + "%" : std::string("—");
        table.rows.push_back({
            text(d.name),
            text(d.leader.empty() ? "—" : d.leader, d.leader.empty() ? Tone::muted : Tone::plain),
            count(d.tasks),
            count(d.done),
            number(rate),
            count(d.overdue, d.overdue > 0 ? Tone::red : Tone::plain),
            count(d.most_days_late, d.most_days_late > 0 ? Tone::red : Tone::plain),
            ratio(d.problems_open, d.problems, d.problems_open > 0 ? Tone::amber : Tone::plain),
            ratio(d.targets_short, d.targets, d.targets_short > 0 ? Tone::amber : Tone::plain),
        });
    }
    table.empty = words::none.text(language);
    page.blocks.emplace_back(std::move(table));
    page.blocks.emplace_back(Paragraph{words::departments_note.text(language), Tone::muted});
    if (!report.circular.empty()) circular_section(page, report);
    return page;
}

}  // namespace

Document layout(const Report& report) {
    const Language language = report.language;
    Document document;
    document.language = language_tag(language);
    document.title = report.name + words::title_after_name.text(language);
    document.subtitle = words::data_as_of(format_date(language, report.as_of)).text(language);
    if (report.known_on)
        document.subtitle +=
            words::separator.text(language) + words::as_known_on(format_date(language, *report.known_on)).text(language);
    document.footer =
        words::made_by(std::string("civitas ") + version).text(language) + " · " + report.campaign + " · " + to_iso(report.as_of);
    document.pages.push_back(overview(report));
    for (const TitleReport& t : report.titles) document.pages.push_back(title_page(report, t));
    document.pages.push_back(departments(report));
    if (report.plan && !report.accounts.empty()) document.pages.push_back(funds(report));
    return document;
}

}  // namespace civitas::detail
