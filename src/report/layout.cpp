// Laying a report out as pages in its language: an overview, a page per title, the departments.

#include "report/detail/document.hpp"
#include "report/detail/words.hpp"

#include <civitas/version.hpp>

#include <algorithm>
#include <cmath>
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
Cell verdict(Language language, Rag rag) { return text(rag_word(language, rag), tone_of(rag)); }
Cell pass_cell(Language language, bool passes) {
    const Words& w = words(language);
    return text(passes ? w.passes : w.fails, passes ? Tone::green : Tone::red);
}

std::string shown(Language language, int shown_rows, int total) {
    if (total <= shown_rows) return {};
    return fill(words(language).showing, std::to_string(shown_rows), std::to_string(total));
}

std::string share_text(int met, int of) { return std::to_string(met) + "/" + std::to_string(of); }
// "2/3", or "—" when there is nothing to count.
Cell ratio(int part, int of, Tone tone) { return of == 0 ? text("—", Tone::muted) : number(share_text(part, of), tone); }

std::string value_text(Language language, const std::optional<double>& value, const ReportItem& item) {
    return value ? format_measure(language, *value, item.direction, item.measure) : "—";
}

// An item's name, marked when basic and when a rule decided it.
std::string item_name(Language language, const ReportItem& item) {
    const Words& w = words(language);
    std::string name = item.name + (item.basic ? w.basic_mark : "");
    if (item.rule) name += std::string(language == Language::zh ? "〔" : " [") + word(w.rules, *item.rule) + (language == Language::zh ? "〕" : "]");
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
    const Words& w = words(report.language);
    std::vector<const ReportGap*> gaps;
    for (const ReportGap& gap : report.gaps)
        if (!title || gap.title == *title) gaps.push_back(&gap);
    if (gaps.empty()) return;
    page.blocks.emplace_back(Heading{w.gaps_heading});
    for (std::size_t k = 0; k < gaps.size() && k < gaps_shown; ++k) {
        const ReportGap& gap = *gaps[k];
        const std::string part = fill(word(w.gap_parts, gap.part), title_name(report, gap.title), name_in(report.unit_names, gap.unit));
        page.blocks.emplace_back(Paragraph{fill(w.gap_line, part, gap.reason.text(report.language)), Tone::red});
    }
    if (gaps.size() > gaps_shown)
        page.blocks.emplace_back(Paragraph{shown(report.language, static_cast<int>(gaps_shown), static_cast<int>(gaps.size())), Tone::muted});
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
    const Words& w = words(language);
    page.blocks.emplace_back(Heading{w.targets_heading});
    Table table;
    table.header = {w.unit, w.indicator, w.target, w.value, w.deadline, w.projected_deadline, w.verdict, w.department};
    for (const TargetProgress& target : t.targets) {
        const std::string line = format_line(language, target.line, Direction::higher, "");
        table.rows.push_back({
            text(name_in(report.unit_names, target.unit)),
            text(name_in(t.indicator_names, target.indicator)),
            number(line),
            target.latest ? number(format_value(language, *target.latest)) : text("—", Tone::muted),
            target.deadline ? number(format_date(language, *target.deadline)) : text("—", Tone::muted),
            target.projected ? number(format_value(language, *target.projected)) : text("—", Tone::muted),
            text(word(w.target_states, target.state), target_tone(target.state)),
            text(target.department.empty() ? "—" : name_in(report.department_names, target.department),
                 target.department.empty() ? Tone::muted : Tone::plain),
        });
    }
    table.empty = w.none;
    table.note = shown(language, static_cast<int>(t.targets.size()), t.targets_total);
    page.blocks.emplace_back(std::move(table));
}

void surveys_table(Page& page, const Report& report, const TitleReport& t) {
    const Language language = report.language;
    const Words& w = words(language);
    page.blocks.emplace_back(Heading{w.surveys_heading});
    Table table;
    table.header = {w.unit, w.indicator, w.estimate, w.sample, w.interval, w.line, w.probability, w.verdict};
    for (const SurveyCheck& s : t.surveys) {
        const Tone tone = s.in_doubt ? Tone::amber : s.meets ? Tone::green : Tone::red;
        table.rows.push_back({
            text(name_in(report.unit_names, s.unit)),
            text(name_in(t.indicator_names, s.indicator)),
            number(format_value(language, s.estimate, 1)),
            number(format_value(language, s.sample_size, 0)),
            number(format_value(language, s.low, 1) + "–" + format_value(language, s.high, 1)),
            number(format_line(language, s.line, Direction::higher, "")),
            number(format_value(language, s.probability * 100, 1) + "%", tone),
            text(s.in_doubt ? w.in_doubt : s.meets ? w.met : w.not_met, tone),
        });
    }
    table.empty = w.none;
    table.note = shown(language, static_cast<int>(t.surveys.size()), t.surveys_total);
    page.blocks.emplace_back(std::move(table));
}

void rounds_table(Page& page, const Report& report, const TitleReport& t) {
    const Language language = report.language;
    const Words& w = words(language);
    page.blocks.emplace_back(Heading{w.rounds_heading});
    Table table;
    table.header = {w.round, w.event, w.date, w.total, w.consequence};
    for (const RoundResult& r : t.rounds) {
        std::string consequences;
        for (const std::string& c : r.consequences) consequences += (consequences.empty() ? "" : w.list_separator) + c;
        table.rows.push_back({
            text(r.name),
            text(word(w.assessment_kinds, r.kind)),
            number(format_date(language, r.date)),
            r.total ? number(format_value(language, *r.total, 1) + " / " + format_value(language, r.scale, 0)) : text("—", Tone::muted),
            consequences.empty() ? text("—", Tone::muted) : text(consequences, Tone::red),
        });
    }
    page.blocks.emplace_back(std::move(table));
}

Page overview(const Report& report) {
    const Language language = report.language;
    const Words& w = words(language);
    Page page;
    page.title = w.overview;
    int counts[3] = {0, 0, 0};
    for (const TitleReport& t : report.titles) ++counts[static_cast<int>(t.rag)];
    Facts facts;
    facts.facts.push_back({w.red, std::to_string(counts[2]), counts[2] > 0 ? Tone::red : Tone::muted});
    facts.facts.push_back({w.amber, std::to_string(counts[1]), counts[1] > 0 ? Tone::amber : Tone::muted});
    facts.facts.push_back({w.green, std::to_string(counts[0]), counts[0] > 0 ? Tone::green : Tone::muted});
    if (report.plan) {
        const Progress& p = *report.plan;
        const auto state = [&](TaskState s) {
            const auto found = p.states.find(s);
            return found == p.states.end() ? 0 : found->second;
        };
        facts.facts.push_back({w.tasks, share_text(state(TaskState::done), p.tasks) + " " + w.done, Tone::plain});
        facts.facts.push_back({w.overdue, std::to_string(state(TaskState::overdue)),
                               state(TaskState::overdue) > 0 ? Tone::red : Tone::green});
        if (p.spi) facts.facts.push_back({w.spi, format_value(language, *p.spi), *p.spi < 0.9 ? Tone::amber : Tone::plain});
        if (const auto rate = p.on_time_rate())
            facts.facts.push_back({w.on_time_rate, format_value(language, *rate * 100, 1) + "%", Tone::plain});
        const int open = p.problems.found - p.problems.closed;
        if (p.problems.found > 0) facts.facts.push_back({w.problems_open, share_text(open, p.problems.found), open > 0 ? Tone::amber : Tone::green});
    }
    if (report.rejected_observations > 0)
        facts.facts.push_back({w.rejected_rows, std::to_string(report.rejected_observations), Tone::amber});
    page.blocks.emplace_back(std::move(facts));
    gaps_block(page, report, std::nullopt);

    Table table;
    table.header = {w.title, w.inspection, w.days_left, w.city, w.met, w.subunits, w.reason};
    for (const TitleReport& t : report.titles) {
        int units[3] = {0, 0, 0};
        for (const UnitStanding& s : t.units) ++units[static_cast<int>(s.rag)];
        table.rows.push_back({
            text(t.name),
            text(t.dates.inspection ? format_date(language, *t.dates.inspection) : "—"),
            t.days_to_inspection ? number(std::to_string(*t.days_to_inspection)) : text("—", Tone::muted),
            verdict(language, t.rag),
            t.framework.empty() ? text("—", Tone::muted) : number(share_text(t.met, t.indicators)),
            t.units.empty() ? text("—", Tone::muted)
                            : text(std::to_string(units[2]) + " / " + std::to_string(units[1]) + " / " + std::to_string(units[0])),
            text(t.reason),
        });
    }
    table.empty = w.none;
    page.blocks.emplace_back(std::move(table));

    BarChart chart;
    chart.caption = w.titles_chart;
    for (const TitleReport& t : report.titles)
        if (!t.framework.empty() && t.indicators > 0)
            chart.bars.push_back({t.name, static_cast<double>(t.met) / t.indicators, share_text(t.met, t.indicators), tone_of(t.rag)});
    if (!chart.bars.empty()) page.blocks.emplace_back(std::move(chart));

    if (!report.next_events.empty()) {
        page.blocks.emplace_back(Heading{w.events_heading});
        Table events;
        events.header = {w.date, w.days_from_now, w.title, w.event};
        for (const CampaignEvent& e : report.next_events) {
            std::string title = w.all_titles;
            for (const TitleReport& t : report.titles)
                if (t.id == e.title) title = t.name;
            std::string what = e.assessment ? word(w.assessment_kinds, *e.assessment) : word(w.event_kinds, e.kind);
            if (!e.name.empty()) what += (language == Language::zh ? "：" : ": ") + e.name;
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
    const Words& w = words(language);
    Page page;
    page.title = t.name;
    page.badge = rag_word(language, t.rag);
    page.tone = tone_of(t.rag);
    page.blocks.emplace_back(Paragraph{t.reason, tone_of(t.rag)});
    gaps_block(page, report, t.id);

    Facts facts;
    if (!t.framework.empty()) {
        facts.facts.push_back({w.framework, t.framework, Tone::plain});
        facts.facts.push_back({w.met_indicators, share_text(t.met, t.indicators), Tone::plain});
        facts.facts.push_back({w.basic_failed, std::to_string(t.basic_failed), t.basic_failed > 0 ? Tone::red : Tone::green});
        if (t.total) facts.facts.push_back({w.score, format_value(language, *t.total, 1), Tone::plain});
        facts.facts.push_back({w.now, t.passes_now ? w.passes : w.fails, t.passes_now ? Tone::green : Tone::red});
        if (t.passes_at_inspection)
            facts.facts.push_back({w.at_inspection, *t.passes_at_inspection ? w.passes : w.fails,
                                   *t.passes_at_inspection ? Tone::green : Tone::red});
    } else if (has_gap(report, t.id, ReportPart::title_evaluation)) {
        facts.facts.push_back({w.framework, w.not_computed, Tone::red});
    } else {
        facts.facts.push_back({w.framework, w.no_framework, Tone::muted});
    }
    if (t.dates.inspection) {
        std::string when = format_date(language, *t.dates.inspection);
        if (t.days_to_inspection) when += " (" + std::to_string(*t.days_to_inspection) + " " + w.days + ")";
        facts.facts.push_back({w.inspection, when, Tone::plain});
    }
    page.blocks.emplace_back(std::move(facts));

    if (!t.framework.empty()) {
        page.blocks.emplace_back(Heading{w.shortfalls});
        Table shortfalls;
        shortfalls.header = {w.indicator, w.value, w.line, w.gap, w.projected, w.department};
        for (const ReportItem& item : t.shortfalls) {
            std::string gap = item.gap ? format_measure(language, *item.gap, Direction::higher, item.measure) : "—";
            if (item.direction == Direction::yes_no) gap = "—";
            else if (item.relative_gap) gap += " (" + format_value(language, *item.relative_gap * 100, 1) + "%)";
            shortfalls.rows.push_back({
                text(item_name(language, item), item.basic ? Tone::red : Tone::plain),
                number(value_text(language, item.value, item)),
                number(format_line(language, item.line, item.direction, item.measure)),
                number(gap, Tone::red),
                number(value_text(language, item.projected, item), !item.projected_met ? Tone::muted : *item.projected_met ? Tone::green : Tone::red),
                text(item.department.empty() ? "—" : item.department, item.department.empty() ? Tone::muted : Tone::plain),
            });
        }
        shortfalls.empty = w.none;
        shortfalls.note = shown(language, static_cast<int>(t.shortfalls.size()), t.shortfalls_total);
        page.blocks.emplace_back(std::move(shortfalls));

        if (t.off_track_total > 0) {
            page.blocks.emplace_back(Heading{w.off_track});
            Table off;
            off.header = {w.indicator, w.value, w.projected, w.line, w.department};
            for (const ReportItem& item : t.off_track) {
                off.rows.push_back({
                    text(item_name(language, item), item.basic ? Tone::red : Tone::plain),
                    number(value_text(language, item.value, item)),
                    number(value_text(language, item.projected, item), Tone::red),
                    number(format_line(language, item.line, item.direction, item.measure)),
                    text(item.department.empty() ? "—" : item.department, item.department.empty() ? Tone::muted : Tone::plain),
                });
            }
            off.empty = w.none;
            off.note = shown(language, static_cast<int>(t.off_track.size()), t.off_track_total);
            page.blocks.emplace_back(std::move(off));
        }
    }

    if (t.targets_total > 0) targets_table(page, report, t);
    if (t.surveys_total > 0) surveys_table(page, report, t);
    if (!t.rounds.empty()) rounds_table(page, report, t);

    page.blocks.emplace_back(Heading{w.overdue_tasks});
    Table overdue;
    overdue.header = {w.task, w.department, w.leader, w.due_date, w.days_late, w.progress};
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
    overdue.empty = w.none;
    overdue.note = shown(language, static_cast<int>(t.overdue.size()), t.overdue_total);
    page.blocks.emplace_back(std::move(overdue));

    page.blocks.emplace_back(Heading{w.ranking});
    if (t.units.empty()) {
        page.blocks.emplace_back(Paragraph{w.no_subunits, Tone::muted});
        return page;
    }
    if (!t.framework.empty() && list_rows(t) <= chart_rows_limit) {
        // Scored frameworks chart the score against the least passing total; others the share met.
        const bool scored = t.total.has_value();
        BarChart chart;
        chart.caption = scored ? w.score_chart : w.met_share_chart;
        for (const UnitStanding& s : t.units) {
            if (!s.passes_now) continue;  // not judged by the framework
            const double share = scored ? (s.total ? *s.total / t.scale : 0.0)
                                        : (s.assessed > 0 ? static_cast<double>(s.met) / s.assessed : 0.0);
            const std::string label = scored ? (s.total ? format_value(language, *s.total, 1) : "—") : share_text(s.met, s.assessed);
            chart.bars.push_back({s.name, share, label, tone_of(s.rag)});
        }
        if (scored && t.pass_total) chart.marker = *t.pass_total / t.scale;
        if (!scored && t.pass_share) chart.marker = *t.pass_share;
        if (chart.marker) chart.marker_label = w.pass_marker;
        if (!chart.bars.empty()) page.blocks.emplace_back(std::move(chart));
    }
    Table ranking;
    ranking.header = {w.rank, w.unit, w.verdict, w.met, w.score, w.now, w.at_inspection, w.overdue_count};
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

Page departments(const Report& report) {
    const Language language = report.language;
    const Words& w = words(language);
    Page page;
    page.title = w.departments_page;
    Table table;
    table.header = {w.department, w.leader, w.tasks, w.done, w.on_time_rate, w.overdue, w.most_days_late, w.problems_open, w.targets_short};
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
    table.empty = w.none;
    page.blocks.emplace_back(std::move(table));
    page.blocks.emplace_back(Paragraph{w.departments_note, Tone::muted});
    return page;
}

}  // namespace

Document layout(const Report& report) {
    const Words& w = words(report.language);
    Document document;
    document.language = w.tag;
    document.title = report.name + (report.language == Language::zh ? "" : " — ") + w.report;
    document.subtitle = std::string(w.as_of) + (report.language == Language::zh ? "" : " ") + format_date(report.language, report.as_of);
    if (report.known_on)
        document.subtitle += std::string(w.separator) + w.known_on + (report.language == Language::zh ? "" : " ") +
                             format_date(report.language, *report.known_on);
    document.footer = fill(w.footer, std::string("civitas ") + version) + " · " + report.campaign + " · " + to_iso(report.as_of);
    document.pages.push_back(overview(report));
    for (const TitleReport& t : report.titles) document.pages.push_back(title_page(report, t));
    document.pages.push_back(departments(report));
    return document;
}

}  // namespace civitas::detail
