// Readiness: where each title stands for each unit now and at its inspection date.

#include <civitas/error.hpp>
#include <civitas/readiness.hpp>
#include <civitas/trend.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace civitas {

const TitleReadiness& Readiness::title(const std::string& id) const {
    for (const TitleReadiness& t : titles)
        if (t.title == id) return t;
    throw NotFoundError("unknown title '" + id + "' in the readiness");
}

namespace {

// The series of a unit and indicator up to `as_of`, its last `points` points.
ObservationSeries recent(const ObservationStore& store, const std::string& unit, const std::string& indicator, Date as_of,
                         const std::optional<Date>& known_on, int points) {
    ObservationSeries s = store.series(unit, indicator, known_on);
    const auto end = static_cast<std::size_t>(std::upper_bound(s.dates.begin(), s.dates.end(), as_of) - s.dates.begin());
    const std::size_t begin = end > static_cast<std::size_t>(points) ? end - static_cast<std::size_t>(points) : 0;
    return {{s.dates.begin() + static_cast<std::ptrdiff_t>(begin), s.dates.begin() + static_cast<std::ptrdiff_t>(end)},
            {s.values.begin() + static_cast<std::ptrdiff_t>(begin), s.values.begin() + static_cast<std::ptrdiff_t>(end)}};
}

// The value projected to `date` from the trend of `series`; the latest when it cannot move.
double projected(const ObservationSeries& series, const Indicator& indicator, Date date) {
    const double latest = series.values.back();
    if (series.values.size() < 2 || indicator.direction == Direction::yes_no || indicator.direction == Direction::problem_count)
        return latest;
    const std::optional<double> value = trend(series.dates, series.values).project(date);
    if (!value || !std::isfinite(*value)) return latest;
    return indicator.bounds ? std::clamp(*value, indicator.bounds->low, indicator.bounds->high) : *value;
}

// Whether task `index` bears on `title` (it serves it, or no title) and on `unit`.
bool bears_on(const Plan& plan, std::size_t index, const std::string& title, const std::string& unit, bool top) {
    const auto& titles = plan.titles_of_task(index);
    if (!titles.empty() && std::find(titles.begin(), titles.end(), title) == titles.end()) return false;
    if (top) return true;
    const std::string& path = plan.subplan_of_task(index);
    return path == unit || (path.size() > unit.size() && path.compare(0, unit.size(), unit) == 0 && path[unit.size()] == '/');
}

std::string dated(const std::optional<Date>& date) { return date ? " (" + to_iso(*date) + ")" : ""; }

}  // namespace

Readiness readiness(const Campaign& campaign, Date as_of, const ReadinessOptions& options) {
    if (options.trend_points < 2)
        throw ValidationError("trend_points", std::to_string(options.trend_points) + " points cannot make a trend; expected 2 or more");
    Readiness out;
    out.as_of = as_of;
    const CampaignSpec& spec = campaign.spec();
    if (campaign.plan()) out.plan = status(*campaign.plan(), campaign.calendar(), as_of, options.status);

    std::vector<std::string> units;
    for (const CampaignUnit& u : spec.units) units.push_back(u.id);
    const ObservationStore& store = campaign.observations();

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
                for (std::size_t u = 0; u < units.size(); ++u)
                    if (bears_on(plan, index, title.id, units[u], spec.units[u].parent.empty())) r.overdue_tasks[u].push_back(late.id);
            }
        }

        const auto framework = campaign.frameworks().find(title.id);
        if (framework != campaign.frameworks().end()) {
            const Framework& f = framework->second;
            r.framework = f;
            const std::vector<std::string> ids = f.indicator_ids();
            std::vector<std::string> classes;
            for (const std::string& unit : units) classes.push_back(campaign.unit_class(unit, title.id));
            EvaluateOptions evaluate;
            evaluate.nan_as_missing = true;
            const LatestMatrix latest = store.latest_matrix(units, ids, as_of, options.known_on);
            r.now = evaluate_many(f, latest.values, ids, units, classes, evaluate);
            if (r.inspection) {
                RowMatrix ahead = latest.values;
                for (std::size_t u = 0; u < units.size(); ++u)
                    for (std::size_t k = 0; k < ids.size(); ++k) {
                        if (std::isnan(latest.values(static_cast<Eigen::Index>(u), static_cast<Eigen::Index>(k)))) continue;
                        const ObservationSeries series = recent(store, units[u], ids[k], as_of, options.known_on, options.trend_points);
                        if (series.values.empty()) continue;
                        ahead(static_cast<Eigen::Index>(u), static_cast<Eigen::Index>(k)) =
                            projected(series, f.indicator(ids[k]), *r.inspection);
                    }
                r.at_inspection = evaluate_many(f, ahead, ids, units, classes, evaluate);
            }
        }

        for (std::size_t u = 0; u < units.size(); ++u) {
            const std::size_t late = r.overdue_tasks[u].size();
            const std::string tasks = late == 0 ? "" : std::to_string(late) + (late == 1 ? " overdue task" : " overdue tasks");
            if (!r.now) {
                r.rag.push_back(late > 0 ? Rag::amber : Rag::green);
                r.reasons.push_back(late > 0 ? "no framework; " + tasks + (late == 1 ? " bears on it" : " bear on it")
                                             : "no framework; no overdue task bears on it");
                continue;
            }
            const bool now = r.now->passed[u];
            const bool ahead = r.at_inspection ? r.at_inspection->passed[u] : now;
            const std::string when = r.inspection ? "at the inspection" + dated(r.inspection) : "";
            std::string reason;
            Rag rag;
            if (!now && !ahead) {
                rag = Rag::red;
                reason = r.inspection ? "fails now and is projected to fail " + when : "fails now";
            } else if (!now) {
                rag = Rag::amber;
                reason = "fails now, projected to pass " + when;
            } else if (!ahead) {
                rag = Rag::amber;
                reason = "passes now, projected to fail " + when;
            } else {
                rag = late > 0 ? Rag::amber : Rag::green;
                reason = r.inspection ? "passes now and is projected to pass " + when : "passes now";
            }
            if (!now && r.now->basic_failed(static_cast<Eigen::Index>(u)) > 0)
                reason += "; " + std::to_string(r.now->basic_failed(static_cast<Eigen::Index>(u))) + " basic items not met";
            if (late > 0) reason += "; " + tasks + (late == 1 ? " bears on it" : " bear on it");
            r.rag.push_back(rag);
            r.reasons.push_back(reason);
        }
        out.titles.push_back(std::move(r));
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
