// Readiness: where each title stands for each unit now and at its inspection date.

#include <civitas/core/error.hpp>
#include <civitas/tracking/readiness.hpp>
#include <civitas/tracking/survey.hpp>
#include <civitas/tracking/trend.hpp>

#include "core/detail/number_format.hpp"
#include "tracking/detail/readiness_parts.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <string_view>
#include <unordered_map>

namespace civitas {

const TitleReadiness& Readiness::title(const std::string& id) const {
    for (const TitleReadiness& t : titles)
        if (t.title == id) return t;
    throw NotFoundError(Message("unknown title '{0}' in the readiness"_en, "达标预判中没有称号 '{0}'"_zh, {id}));
}

namespace {

// The value readiness carries to a date from a series' `latest` value and its trend's
// `projection` over `points` points: the latest where it cannot move (one point, yes/no, problem
// counts, a projection that is not finite), else the projection clamped to the indicator's bounds.
double carried(const Indicator& indicator, double latest, double points, double projection) {
    const bool moves = indicator.direction != Direction::yes_no && indicator.direction != Direction::problem_count;
    if (!moves || points < 2.0 || !std::isfinite(projection)) return latest;
    return indicator.bounds ? std::clamp(projection, indicator.bounds->low, indicator.bounds->high) : projection;
}

// The values projected to `date` from each series' trend (`trends`, one pass over the store);
// NaN where there is no value.
RowMatrix projected(const TrendMatrix& trends, const Framework& framework, Date date) {
    RowMatrix ahead = trends.project(date);
    for (Eigen::Index k = 0; k < ahead.cols(); ++k) {
        const Indicator& indicator = framework.indicator(trends.indicators[static_cast<std::size_t>(k)]);
        for (Eigen::Index u = 0; u < ahead.rows(); ++u)
            if (!std::isnan(trends.values(u, k)))
                ahead(u, k) = carried(indicator, trends.values(u, k), trends.points(u, k), ahead(u, k));
    }
    return ahead;
}

// Whether task `index` serves `title` (it names it, or no title).
bool serves(const Plan& plan, std::size_t index, const std::string& title) {
    const auto& titles = plan.titles_of_task(index);
    return titles.empty() || std::find(titles.begin(), titles.end(), title) != titles.end();
}

// Calls `visit` with the position of every unit a task of the sub-plan at `path` bears on: the
// top units, and the units named by the path or a sub-plan above it ("a/b": units "a/b" and "a").
template <class Visit>
void for_each_unit_bearing(const std::string& path, const std::vector<std::size_t>& tops,
                           const std::unordered_map<std::string_view, std::size_t>& sub_units, Visit&& visit) {
    for (const std::size_t u : tops) visit(u);
    for (std::size_t end = path.size(); end != std::string::npos && end > 0; end = path.rfind('/', end - 1)) {
        const auto found = sub_units.find(std::string_view(path).substr(0, end));
        if (found != sub_units.end()) visit(found->second);
    }
}

// ---- the unit rules, targets and surveys -------------------------------------------------

// A number as people write it: up to `digits` decimals, trailing zeros dropped.
std::string number(double value, int digits = 4) { return detail::format_fixed(value, digits); }

// The whole series of a unit and indicator up to `as_of`.
ObservationSeries history(const ObservationStore& store, const std::string& unit, const std::string& indicator, Date as_of,
                          const std::optional<Date>& known_on) {
    ObservationSeries s = store.series(unit, indicator, known_on);
    const auto end = std::upper_bound(s.dates.begin(), s.dates.end(), as_of) - s.dates.begin();
    s.dates.resize(static_cast<std::size_t>(end));
    s.values.resize(static_cast<std::size_t>(end));
    return s;
}

// A rate measured by a survey: a questionnaire or online survey whose value is a percentage or a
// proportion (points a questionnaire earns, as the civilized city's 20, are not a rate).
bool is_survey(const Indicator& indicator) {
    if (indicator.mode != "questionnaire" && indicator.mode != "online_survey") return false;
    if (indicator.unit == "%") return true;
    return indicator.bounds && indicator.bounds->low == 0.0 && (indicator.bounds->high == 1.0 || indicator.bounds->high == 100.0);
}

// Inputs of the rules of one title.
struct RuleContext {
    const Campaign& campaign;
    const Framework& framework;
    const std::vector<std::string>& units;
    const std::vector<std::string>& classes;
    const ObservationStore& store;
    Date as_of;
    std::optional<Date> known_on;
    const std::vector<std::vector<std::size_t>>& children;  // per unit, the positions of its direct sub-units
};

// The rulings of the unit rules on the values of `batch` (the latest values, or those projected
// to `at`, when given). Order matters: a unit's own rule comes before the subunit rule of the
// same cell, whose outcome includes it (apply_rulings lets the last ruling of a cell win).
std::vector<Ruling> unit_rulings(const RuleContext& x, const BatchEvaluation& batch, const std::optional<Date>& at) {
    std::vector<Ruling> out;
    const CampaignSpec& spec = x.campaign.spec();
    const std::vector<const Indicator*>& indicators = x.framework.indicators();
    for (std::size_t k = 0; k < indicators.size(); ++k) {
        const Indicator& indicator = *indicators[k];
        const bool rules = indicator.scope == IndicatorScope::top_unit || indicator.subunit_pass ||
                           indicator.met_by == MetBy::level_or_trend || indicator.history_average;
        if (!rules) continue;
        const auto col = static_cast<Eigen::Index>(k);
        auto value_of = [&](std::size_t u) { return batch.values(static_cast<Eigen::Index>(u), col); };
        // The line each unit is judged on, and whether its own value (or rule) meets it.
        std::vector<std::optional<bool>> own(x.units.size());
        std::vector<std::optional<Interval>> lines(x.units.size());
        for (std::size_t u = 0; u < x.units.size(); ++u) {
            const bool top = spec.units[u].parent.empty();
            if (indicator.scope == IndicatorScope::top_unit && !top) {
                out.push_back({x.units[u], indicator.id, RulingKind::scope, Outcome::missing,
                               Message("a city-wide item: judged for the top unit only, not assessed here"_en,
                                       "全市性指标: 只评价最上级单位，此处不评价"_zh)});
                continue;
            }
            const double value = value_of(u);
            if (std::isnan(value) || !batch.errors[u].empty()) continue;
            lines[u] = unit_line(indicator, x.classes[u], !top);
            if (!lines[u]) continue;
            const Interval& line = *lines[u];
            own[u] = line.contains(value);
            if (!top && indicator.subunit_pass)
                out.push_back({x.units[u], indicator.id, RulingKind::subunit, *own[u] ? Outcome::met : Outcome::not_met,
                               *own[u] ? Message("a sub-unit, judged on the sub-unit line {0}: {1} meets it"_en,
                                                 "下级单位，按下级单位标准 {0} 评价: {1} 达到"_zh, {to_string(line), number(value)})
                                       : Message("a sub-unit, judged on the sub-unit line {0}: {1} misses it"_en,
                                                 "下级单位，按下级单位标准 {0} 评价: {1} 未达到"_zh, {to_string(line), number(value)})});
            if (indicator.met_by == MetBy::level_or_trend) {
                ObservationSeries s = history(x.store, x.units[u], indicator.id, x.as_of, x.known_on);
                if (s.values.empty()) continue;
                LevelOrTrendOptions options;
                options.test = indicator.trend.slope_test ? TrendTest::slope : TrendTest::consecutive;
                options.changes = indicator.trend.changes;
                options.last_points = indicator.trend.last_points;
                options.confidence = indicator.trend.confidence;
                try {
                    const LevelOrTrend result = level_or_trend(s.dates, s.values, line, options);
                    // At the inspection: the projected level, or the trend as observed.
                    const bool level = at ? line.contains(value) : result.met_by_level;
                    own[u] = level || result.met_by_trend;
                    const Message projection = level ? Message("projected {0} meets {1}"_en, "预计 {0} 达到 {1}"_zh, {number(value, 2), to_string(line)})
                                                     : Message("projected {0} misses {1}"_en, "预计 {0} 未达到 {1}"_zh, {number(value, 2), to_string(line)});
                    const Message observed = result.met_by_trend
                                                 ? Message("the observed trend goes the right way"_en, "实际趋势方向正确"_zh)
                                                 : Message("the observed trend does not go the right way"_en, "实际趋势方向不正确"_zh);
                    Message reason = at ? join({projection, observed}) : result.reason;
                    out.push_back({x.units[u], indicator.id, RulingKind::level_or_trend, *own[u] ? Outcome::met : Outcome::not_met,
                                   std::move(reason)});
                } catch (const ValidationError&) {
                    // A series the test cannot read: the level alone decides.
                }
            } else if (indicator.history_average) {
                ObservationSeries s = history(x.store, x.units[u], indicator.id, x.as_of, x.known_on);
                if (s.values.empty()) continue;
                if (at && *at > s.dates.back()) {  // the projected value stands for the inspection's year
                    s.dates.push_back(*at);
                    s.values.push_back(value);
                }
                HistoryAverageOptions options;
                options.years = indicator.history_average->years;
                options.min_years = indicator.history_average->min_years;
                options.year_value = indicator.history_average->year_mean ? YearValue::mean : YearValue::last;
                options.direction = indicator.direction == Direction::higher ? Direction::higher : Direction::lower;
                try {
                    const HistoryAverage result = history_average(s.dates, s.values, options);
                    if (result.assessable) {
                        own[u] = result.met;
                        out.push_back({x.units[u], indicator.id, RulingKind::history_average,
                                       result.met ? Outcome::met : Outcome::not_met, result.reason});
                    } else {
                        out.push_back({x.units[u], indicator.id, RulingKind::history_average,
                                       *own[u] ? Outcome::met : Outcome::not_met,
                                       join({result.reason, Message("judged on the line {0}"_en, "按标准 {0} 评价"_zh, {to_string(line)})})});
                    }
                } catch (const ValidationError&) {
                }
            }
        }
        if (!indicator.subunit_pass) continue;
        // A unit with sub-units meets the item when it meets its own line and every direct sub-unit
        // with data meets the sub-unit line.
        for (std::size_t u = 0; u < x.units.size(); ++u) {
            if (!own[u] || !spec.units[u].parent.empty()) continue;
            std::string failing;
            int children = 0;
            for (const std::size_t v : x.children[u]) {
                const double value = value_of(v);
                if (std::isnan(value) || !batch.errors[v].empty()) continue;
                ++children;
                if (!indicator.subunit_pass->contains(value))
                    failing += (failing.empty() ? "" : ", ") + x.units[v] + " " + number(value);
            }
            const bool met = *own[u] && failing.empty();
            const std::vector<Message::Argument> own_line{to_string(*lines[u]), number(value_of(u))};
            const Message own_words = *own[u] ? Message("meets its own line {0} ({1})"_en, "达到本级标准 {0}（{1}）"_zh, own_line)
                                              : Message("misses its own line {0} ({1})"_en, "未达到本级标准 {0}（{1}）"_zh, own_line);
            const Message sub_words =
                failing.empty() ? Message("all {0} sub-units with data meet {1}"_en, "有数据的 {0} 个下级单位均达到 {1}"_zh,
                                          {std::to_string(children), to_string(*indicator.subunit_pass)})
                                : Message("sub-units below the sub-unit line {0}: {1}"_en, "低于下级单位标准 {0} 的下级单位: {1}"_zh,
                                          {to_string(*indicator.subunit_pass), failing});
            out.push_back({x.units[u], indicator.id, RulingKind::subunit, met ? Outcome::met : Outcome::not_met, join({own_words, sub_words})});
        }
    }
    return out;
}

// The line a target draws in the indicator's direction.
Interval target_line(const Indicator& indicator, double target, std::optional<double> latest) {
    switch (indicator.direction) {
        case Direction::higher:
        case Direction::yes_no: return Interval::at_least(target);
        case Direction::lower:
        case Direction::problem_count: return Interval::at_most(target);
        case Direction::range: break;
    }
    // A range indicator's target is approached from the side the latest value is on.
    return latest && *latest > target ? Interval::at_most(target) : Interval::at_least(target);
}

// A survey item's interval and probability, when its value reads as a proportion.
std::optional<SurveyCheck> survey_check(const Indicator& indicator, const std::string& unit, const LatestValue& latest,
                                        const Interval& line, const ReadinessOptions& options) {
    if (!latest.sample_size || *latest.sample_size < 1) return std::nullopt;
    const bool share = indicator.bounds && indicator.bounds->high <= 1.0;
    const ProportionScale scale = share ? ProportionScale::proportion : ProportionScale::percent;
    const double top = share ? 1.0 : 100.0;
    if (!(latest.value >= 0 && latest.value <= top)) return std::nullopt;
    SurveyCheck c;
    c.unit = unit;
    c.indicator = indicator.id;
    c.date = latest.date;
    c.estimate = latest.value;
    c.sample_size = *latest.sample_size;
    c.line = line;
    const ProportionInterval interval = proportion_interval(latest.value, c.sample_size, options.survey_interval,
                                                            IntervalMethod::wilson, scale);
    c.low = interval.low;
    c.high = interval.high;
    c.probability = probability_meets(latest.value, c.sample_size, line, scale);
    c.meets = line.contains(latest.value);
    c.in_doubt = c.meets && c.probability < options.survey_confidence;
    const std::string line_words = std::isinf(line.high) ? number(line.low) : std::isinf(line.low) ? number(line.high) : to_string(line);
    const std::vector<Message::Argument> numbers{indicator.id, detail::format_decimals(latest.value, 1) + indicator.unit,
                                                 std::to_string(c.sample_size), line_words + indicator.unit,
                                                 detail::format_decimals(c.probability, 2)};
    c.reason = c.meets ? Message("{0} {1} (n={2}) meets {3} with probability {4}"_en, "{0} {1}（n={2}）以概率 {4} 达到 {3}"_zh, numbers)
                       : Message("{0} {1} (n={2}) misses {3} with probability {4}"_en, "{0} {1}（n={2}）达到 {3} 的概率为 {4}，未达到"_zh, numbers);
    return c;
}

// The unit rules (on `now` and `at_inspection`), the targets and the surveys of one title with a
// framework, and the facts that come from them.
void track_title(const Campaign& campaign, const CampaignTitle& title, const Framework& f, const std::vector<std::string>& units,
                 const std::vector<std::string>& classes, const std::vector<std::vector<std::size_t>>& children, Date as_of,
                 const ReadinessOptions& options, TitleReadiness& r) {
    const CampaignSpec& spec = campaign.spec();
    const ObservationStore& store = campaign.observations();
    const RuleContext context{campaign, f, units, classes, store, as_of, options.known_on, children};
    const BatchEvaluation::OutcomeMatrix by_level = r.now->outcomes;
    r.rulings = unit_rulings(context, *r.now, std::nullopt);
    apply_rulings(f, *r.now, r.rulings);
    if (r.at_inspection) {
        r.rulings_at_inspection = unit_rulings(context, *r.at_inspection, r.inspection);
        apply_rulings(f, *r.at_inspection, r.rulings_at_inspection);
    }
    r.facts.resize(units.size());
    std::map<std::string, std::size_t> row_of;
    for (std::size_t u = 0; u < units.size(); ++u) row_of.emplace(units[u], u);
    // The outcome each ruled cell ends with (the last ruling of a cell wins, as in apply_rulings).
    std::map<std::pair<std::size_t, std::size_t>, Outcome> ruled;
    for (const Ruling& ruling : r.rulings)
        if (ruling.kind != RulingKind::scope) ruled[{row_of.at(ruling.unit), f.indicator_index(ruling.indicator)}] = ruling.outcome;
    for (const auto& [cell, outcome] : ruled) {
        UnitFacts& facts = r.facts[cell.first];
        const auto level = static_cast<Outcome>(by_level(static_cast<Eigen::Index>(cell.first), static_cast<Eigen::Index>(cell.second)));
        const std::string& id = f.indicators()[cell.second]->id;
        if (outcome == Outcome::not_met) facts.ruled_not_met.push_back(id);
        else if (outcome == Outcome::met && level == Outcome::not_met) facts.ruled_met.push_back(id);
    }
    for (std::size_t u = 0; u < units.size(); ++u) {
        const Evaluation e = unit_evaluation(f, *r.now, u);
        r.facts[u].basic_failed = e.basic_failed;
    }

    // Surveys: the latest estimate of each survey item with a sample size.
    const std::vector<const Indicator*>& indicators = f.indicators();
    for (std::size_t u = 0; u < units.size(); ++u) {
        const bool top = spec.units[u].parent.empty();
        for (const Indicator* indicator : indicators) {
            if (!is_survey(*indicator) || (indicator->scope == IndicatorScope::top_unit && !top)) continue;
            const std::optional<LatestValue> latest = store.latest(units[u], indicator->id, as_of, options.known_on);
            if (!latest) continue;
            const std::optional<Interval> line = unit_line(*indicator, classes[u], !top);
            if (!line) continue;
            if (std::optional<SurveyCheck> check = survey_check(*indicator, units[u], *latest, *line, options))
                r.surveys.push_back(std::move(*check));
        }
    }

    // Targets: a unit's own, else those for every unit (on each unit with data that has no own).
    std::vector<std::string> target_ids;
    std::unordered_map<std::string_view, Eigen::Index> target_column;
    std::set<std::pair<std::string_view, std::string_view>> with_own;  // (indicator, unit) with a unit's own target
    for (const Target& t : spec.targets) {
        if (t.title != title.id) continue;
        if (target_column.emplace(t.indicator, static_cast<Eigen::Index>(target_ids.size())).second) target_ids.push_back(t.indicator);
        if (!t.unit.empty()) with_own.emplace(t.indicator, t.unit);
    }
    if (target_ids.empty()) return;
    const TrendMatrix trends = store.trend_matrix(units, target_ids, as_of, options.trend_points, options.known_on);
    std::map<Date, RowMatrix> ahead;  // projections by deadline
    for (const Target& t : spec.targets) {
        if (t.title != title.id) continue;
        const Indicator& indicator = f.indicator(t.indicator);
        const Eigen::Index column = target_column.at(t.indicator);
        std::vector<std::size_t> rows;
        if (!t.unit.empty()) {
            rows.push_back(row_of.at(t.unit));
        } else {
            for (std::size_t u = 0; u < units.size(); ++u) {
                if (indicator.scope == IndicatorScope::top_unit && !spec.units[u].parent.empty()) continue;
                if (std::isnan(trends.values(static_cast<Eigen::Index>(u), column))) continue;
                if (with_own.count({t.indicator, units[u]}) == 0) rows.push_back(u);
            }
        }
        for (const std::size_t u : rows) {
            const auto row = static_cast<Eigen::Index>(u);
            TargetProgress p;
            p.indicator = t.indicator;
            p.unit = units[u];
            p.every_unit = t.unit.empty();
            p.target = t.value;
            p.department = t.department;
            p.deadline = t.deadline ? t.deadline : title.dates.inspection;
            const double value = trends.values(row, column);
            if (!std::isnan(value)) {
                p.latest = value;
                p.latest_date = as_of - boost::gregorian::date_duration(static_cast<long>(trends.ages(row, column)));
            }
            p.line = target_line(indicator, t.value, p.latest);
            const Message what = p.deadline ? Message("target {0} {1} by {2}"_en, "目标 {0} {1}（期限 {2}）"_zh,
                                                      {t.indicator, to_string(p.line), to_iso(*p.deadline)})
                                            : Message("target {0} {1}"_en, "目标 {0} {1}"_zh, {t.indicator, to_string(p.line)});
            if (!p.latest) {
                p.state = TargetState::no_data;
                p.reason = Message("{0}: no data"_en, "{0}: 无数据"_zh, {what});
                r.targets.push_back(std::move(p));
                continue;
            }
            p.met_now = p.line.contains(*p.latest);
            if (p.deadline && *p.deadline >= as_of) {
                auto found = ahead.find(*p.deadline);
                if (found == ahead.end()) found = ahead.emplace(*p.deadline, projected(trends, f, *p.deadline)).first;
                p.projected = found->second(row, column);
            }
            p.on_track = p.met_now || (p.projected && p.line.contains(*p.projected));
            if (p.met_now) p.state = TargetState::met;
            else if (p.deadline && *p.deadline < as_of) p.state = TargetState::overdue;
            else p.state = p.on_track ? TargetState::on_track : TargetState::off_track;
            const Message projected = p.projected ? Message(", projected {0}"_en, "，预计 {0}"_zh, {number(*p.projected, 2)})
                                                  : Message();
            const Message verdict = p.state == TargetState::off_track && !p.deadline
                                        ? Message("off_track (no deadline to project to)"_en, "off_track（没有可预测到的期限）"_zh)
                                        : Message("{0}"_en, "{0}"_zh, {to_string(p.state)});
            p.reason = Message("{0}: latest {1} ({2}){3}: {4}"_en, "{0}: 最新 {1}（{2}）{3}: {4}"_zh,
                               {what, number(*p.latest), to_iso(*p.latest_date), projected, verdict});
            r.targets.push_back(std::move(p));
        }
    }
}

// Throws ValidationError for options readiness cannot work with.
void check(const ReadinessOptions& options) {
    if (options.trend_points < 2)
        throw ValidationError("trend_points", Message("{0} points cannot make a trend; expected 2 or more"_en, "{0} 个点无法构成趋势；应为 2 个或以上"_zh,
                                                      {std::to_string(options.trend_points)}));
    if (!(options.survey_confidence > 0 && options.survey_confidence < 1))
        throw ValidationError("survey_confidence", Message("{0} is outside (0, 1); expected a probability in (0, 1)"_en,
                                                           "{0} 超出 (0, 1)；应为 (0, 1) 内的概率"_zh,
                                                           {detail::format_number(options.survey_confidence)}));
    if (!(options.survey_interval > 0 && options.survey_interval < 1))
        throw ValidationError("survey_interval", Message("{0} is outside (0, 1); expected a confidence level in (0, 1)"_en,
                                                         "{0} 超出 (0, 1)；应为 (0, 1) 内的置信水平"_zh,
                                                         {detail::format_number(options.survey_interval)}));
}

}  // namespace

Readiness readiness(const Campaign& campaign, Date as_of, const ReadinessOptions& options) {
    return detail::readiness(campaign, as_of, options, nullptr);
}

Readiness detail::readiness(const Campaign& campaign, Date as_of, const ReadinessOptions& options, std::vector<ReadinessFailure>* failures) {
    check(options);
    Readiness out;
    out.as_of = as_of;
    const CampaignSpec& spec = campaign.spec();
    if (campaign.plan()) {
        try {
            out.plan = status(*campaign.plan(), campaign.calendar(), as_of, options.status);
        } catch (const Error& error) {
            if (failures == nullptr) throw;
            failures->push_back({"", error.full_message()});
        }
    }

    std::vector<std::string> units;
    for (const CampaignUnit& u : spec.units) units.push_back(u.id);
    const ObservationStore& store = campaign.observations();
    // The top units, the others by id, and each unit's direct sub-units.
    std::vector<std::size_t> tops;
    std::unordered_map<std::string_view, std::size_t> sub_units;
    std::vector<std::vector<std::size_t>> children(units.size());
    for (std::size_t u = 0; u < units.size(); ++u) {
        if (spec.units[u].parent.empty()) {
            tops.push_back(u);
            continue;
        }
        sub_units.emplace(units[u], u);
        children[campaign.unit_index(spec.units[u].parent)].push_back(u);
    }

    for (const CampaignTitle& title : spec.titles) {
        TitleReadiness r;
        r.title = title.id;
        r.units = units;
        if (title.dates.inspection && *title.dates.inspection > as_of) r.inspection = title.dates.inspection;

        // Overdue tasks per unit.
        r.overdue_tasks.resize(units.size());
        if (out.plan) {
            const Plan& plan = *campaign.plan();
            for (const OverdueTask& late : out.plan->overdue) {
                const std::size_t index = plan.task_index(late.id);
                if (!serves(plan, index, title.id)) continue;
                for_each_unit_bearing(plan.subplan_of_task(index), tops, sub_units,
                                      [&](std::size_t u) { r.overdue_tasks[u].push_back(late.id); });
            }
        }

        const auto framework = campaign.frameworks().find(title.id);
        if (framework != campaign.frameworks().end()) {
            const Framework& f = framework->second;
            r.framework = f;
            try {
                const std::vector<std::string> ids = f.indicator_ids();
                std::vector<std::string> classes;
                for (const std::string& unit : units) classes.push_back(campaign.unit_class(unit, title.id));
                EvaluateOptions evaluate;
                evaluate.nan_as_missing = true;
                const LatestMatrix latest = store.latest_matrix(units, ids, as_of, options.known_on);
                r.now = evaluate_many(f, latest.values, ids, units, classes, evaluate);
                if (r.inspection) {
                    const TrendMatrix trends = store.trend_matrix(units, ids, as_of, options.trend_points, options.known_on);
                    r.at_inspection = evaluate_many(f, projected(trends, f, *r.inspection), ids, units, classes, evaluate);
                }
                track_title(campaign, title, f, units, classes, children, as_of, options, r);
            } catch (const Error& error) {
                if (failures == nullptr) throw;
                failures->push_back({title.id, error.full_message()});
                r.now.reset();
                r.at_inspection.reset();
                r.targets.clear();
                r.surveys.clear();
                r.rulings.clear();
                r.rulings_at_inspection.clear();
                r.facts.clear();
            }
        }

        r.facts.resize(units.size());
        // Each unit's targets and surveys, in their order.
        std::vector<std::vector<const TargetProgress*>> targets_of(units.size());
        for (const TargetProgress& target : r.targets) targets_of[campaign.unit_index(target.unit)].push_back(&target);
        std::vector<std::vector<const SurveyCheck*>> surveys_of(units.size());
        for (const SurveyCheck& survey : r.surveys) surveys_of[campaign.unit_index(survey.unit)].push_back(&survey);
        for (std::size_t u = 0; u < units.size(); ++u) {
            const std::size_t late = r.overdue_tasks[u].size();
            UnitFacts& facts = r.facts[u];
            facts.overdue_tasks = static_cast<int>(late);
            // The reason, part by part.
            std::vector<Message> parts;
            const Message tasks_bear =
                late == 0   ? Message("no overdue task bears on it"_en, "没有相关的逾期任务"_zh)
                : late == 1 ? Message("1 overdue task bears on it"_en, "1 项相关任务逾期"_zh)
                            : Message("{0} overdue tasks bear on it"_en, "{0} 项相关任务逾期"_zh, {std::to_string(late)});
            // A unit judged on nothing: no framework, or a sub-unit of a framework of city-wide items only.
            bool judged = r.now.has_value() && r.framework;
            if (judged && !spec.units[u].parent.empty())
                judged = std::any_of(r.framework->indicators().begin(), r.framework->indicators().end(),
                                     [](const Indicator* i) { return i->scope == IndicatorScope::every_unit; });
            if (!judged) {
                parts.push_back(r.now ? Message("not judged on the framework (its items are the top unit's)"_en,
                                                "不按测评体系评价（其指标属于最上级单位）"_zh)
                                      : Message("no framework"_en, "没有测评体系"_zh));
                parts.push_back(tasks_bear);
                for (const TargetProgress* target : targets_of[u])
                    if (target->state == TargetState::off_track || target->state == TargetState::overdue) {
                        facts.targets_off_track.push_back(target->indicator);
                        parts.push_back(target->reason);
                    }
                facts.basic_failed.clear();
                facts.ruled_met.clear();
                facts.ruled_not_met.clear();
                r.rag.push_back(late > 0 || !facts.targets_off_track.empty() ? Rag::amber : Rag::green);
                r.reasons.push_back(join(parts));
                continue;
            }
            const bool now = r.now->passed[u];
            const bool ahead = r.at_inspection ? r.at_inspection->passed[u] : now;
            const std::string when = r.inspection ? to_iso(*r.inspection) : "";
            Rag rag;
            if (!now && !ahead) {
                rag = Rag::red;
                parts.push_back(r.inspection ? Message("fails now and is projected to fail at the inspection ({0})"_en,
                                                       "目前未达标，预计迎检时（{0}）仍未达标"_zh, {when})
                                             : Message("fails now"_en, "目前未达标"_zh));
            } else if (!now) {
                rag = Rag::amber;
                parts.push_back(Message("fails now, projected to pass at the inspection ({0})"_en, "目前未达标，预计迎检时（{0}）达标"_zh, {when}));
            } else if (!ahead) {
                rag = Rag::amber;
                parts.push_back(Message("passes now, projected to fail at the inspection ({0})"_en, "目前达标，预计迎检时（{0}）未达标"_zh, {when}));
            } else {
                rag = late > 0 ? Rag::amber : Rag::green;
                parts.push_back(r.inspection ? Message("passes now and is projected to pass at the inspection ({0})"_en,
                                                       "目前达标，预计迎检时（{0}）仍达标"_zh, {when})
                                             : Message("passes now"_en, "目前达标"_zh));
            }
            const auto basic = r.now->basic_failed(static_cast<Eigen::Index>(u));
            if (!now && basic > 0)
                parts.push_back(Message("{0} basic items not met"_en, "{0} 项基本项未达标"_zh, {std::to_string(basic)}));
            if (late > 0) parts.push_back(tasks_bear);
            facts.passes_now = now;
            if (r.at_inspection) facts.passes_at_inspection = ahead;
            for (const TargetProgress* target : targets_of[u])
                if (target->state == TargetState::off_track || target->state == TargetState::overdue) {
                    facts.targets_off_track.push_back(target->indicator);
                    parts.push_back(target->reason);
                }
            for (const SurveyCheck* survey : surveys_of[u])
                if (survey->in_doubt) {
                    facts.surveys_in_doubt.push_back(survey->indicator);
                    parts.push_back(survey->reason);
                }
            if (rag == Rag::green && (!facts.targets_off_track.empty() || !facts.surveys_in_doubt.empty())) rag = Rag::amber;
            r.rag.push_back(rag);
            r.reasons.push_back(join(parts));
        }
        out.titles.push_back(std::move(r));
    }
    return out;
}

std::vector<SeriesTrend> series_trends(const Campaign& campaign, const std::string& title, Date as_of,
                                       const ReadinessOptions& options) {
    check(options);
    const Framework& framework = campaign.framework(title);
    const CampaignSpec& spec = campaign.spec();
    std::optional<Date> inspection = spec.titles[campaign.title_index(title)].dates.inspection;
    if (inspection && *inspection <= as_of) inspection.reset();
    std::vector<std::string> units;
    for (const CampaignUnit& u : spec.units) units.push_back(u.id);
    const std::vector<std::string> ids = framework.indicator_ids();
    const ObservationStore& store = campaign.observations();
    const TrendMatrix trends = store.trend_matrix(units, ids, as_of, options.trend_points, options.known_on);
    const RowMatrix ahead = inspection ? trends.project(*inspection) : RowMatrix();
    std::vector<SeriesTrend> out;
    for (std::size_t u = 0; u < units.size(); ++u) {
        const bool top = spec.units[u].parent.empty();
        const std::string unit_class = campaign.unit_class(units[u], title);
        for (std::size_t k = 0; k < ids.size(); ++k) {
            const Indicator& indicator = framework.indicator(ids[k]);
            const auto row = static_cast<Eigen::Index>(u), col = static_cast<Eigen::Index>(k);
            if ((indicator.scope == IndicatorScope::top_unit && !top) || std::isnan(trends.values(row, col))) continue;
            SeriesTrend t;
            t.unit = units[u];
            t.indicator = indicator.id;
            t.points = static_cast<int>(trends.points(row, col));
            t.latest = trends.values(row, col);
            t.latest_date = as_of - boost::gregorian::date_duration(static_cast<long>(trends.ages(row, col)));
            if (t.points >= 2) t.slope = trends.slopes(row, col);
            if (inspection) t.projected = carried(indicator, t.latest, trends.points(row, col), ahead(row, col));
            t.line = unit_line(indicator, unit_class, !top);
            if (t.line && t.line->contains(t.latest)) t.reach_date = t.latest_date;
            // The reach date and the progress state need the series itself.
            const bool moves = indicator.direction != Direction::yes_no && indicator.direction != Direction::problem_count;
            const bool reach = t.line && !t.reach_date && moves;
            const bool towards_line = t.line && inspection && indicator.direction != Direction::yes_no;
            const bool in_direction = !towards_line && (indicator.direction == Direction::higher ||
                                                        indicator.direction == Direction::lower ||
                                                        indicator.direction == Direction::problem_count);
            if (t.points >= 2 && (reach || towards_line || in_direction)) {
                const ObservationSeries s = history(store, t.unit, t.indicator, as_of, options.known_on);
                const auto first = static_cast<std::ptrdiff_t>(s.dates.size()) - t.points;
                const std::vector<Date> dates(s.dates.begin() + first, s.dates.end());
                const std::vector<double> values(s.values.begin() + first, s.values.end());
                if (reach) t.reach_date = trend(dates, values).reach_date(*t.line);
                ProgressOptions progress;
                progress.measure = GrowthMeasure::linear;
                if (towards_line) t.progress = assess_progress(dates, values, *t.line, *inspection, progress).state;
                if (in_direction) t.progress = assess_progress(dates, values, indicator.direction, progress).state;
            }
            out.push_back(std::move(t));
        }
    }
    return out;
}

std::string to_string(const Readiness& readiness) {
    std::string text = "Readiness(" + to_iso(readiness.as_of);
    for (const TitleReadiness& t : readiness.titles) {
        int counts[3] = {0, 0, 0};
        for (const Rag rag : t.rag) ++counts[static_cast<int>(rag)];
        text += "; " + t.title + ": " + std::to_string(counts[2]) + " red, " + std::to_string(counts[1]) + " amber, " +
                std::to_string(counts[0]) + " green";
    }
    return text + ")";
}

}  // namespace civitas
