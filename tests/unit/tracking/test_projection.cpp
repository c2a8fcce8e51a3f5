// The bulk trend path (ObservationStore::trend_matrix, TrendMatrix::project) against the per-cell
// one it replaces (trend() of the last points of series(), projected), cell by cell, on stores
// with corrections, values known late, gaps, single points and unknown ids; and readiness's
// projection to the inspection date (yes/no and problem counts keep their latest value, bounded
// indicators are clamped) against the same per-cell computation.

#include "support.hpp"

#include <civitas/tracking/observations.hpp>
#include <civitas/tracking/readiness.hpp>
#include <civitas/tracking/trend.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <tuple>
#include <vector>

namespace civitas {
namespace {

Date day(const char* iso) { return parse_date(iso, "test"); }

// Equal to the last bit, or both NaN.
bool same(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

// The last `points` points of a series on or before `as_of`, as readiness took them cell by cell.
ObservationSeries recent(const ObservationStore& store, const std::string& unit, const std::string& indicator, Date as_of,
                         const std::optional<Date>& known_on, int points) {
    ObservationSeries s = store.series(unit, indicator, known_on);
    const auto end = static_cast<std::size_t>(std::upper_bound(s.dates.begin(), s.dates.end(), as_of) - s.dates.begin());
    const std::size_t begin = end > static_cast<std::size_t>(points) ? end - static_cast<std::size_t>(points) : 0;
    return {{s.dates.begin() + static_cast<std::ptrdiff_t>(begin), s.dates.begin() + static_cast<std::ptrdiff_t>(end)},
            {s.values.begin() + static_cast<std::ptrdiff_t>(begin), s.values.begin() + static_cast<std::ptrdiff_t>(end)}};
}

// Month ends of 2024 and 2025, the dates the random series draw from.
std::vector<Date> month_ends() {
    std::vector<Date> dates;
    // boost keeps the end of the month when adding months to an end of month.
    for (int m = 0; m < 24; ++m) dates.push_back(Date(2024, 1, 31) + boost::gregorian::months(m));
    return dates;
}

struct Kind {
    const char* id;
    double low, high;  // values drawn in [low, high]
    bool whole;        // whole numbers (counts), or 0/1 (yes/no) when high is 1
};

// Six units (u5 has nothing), five indicators. Each series: a random subset of the month ends
// (gaps; some one point, some none), some values recorded late, some corrected later (a second
// record of the date, recorded after it), added in a random order.
ObservationStore random_store(std::mt19937& random, const std::vector<Kind>& kinds) {
    const std::vector<Date> dates = month_ends();
    std::vector<Observation> all;
    std::uniform_real_distribution<double> unit_interval(0.0, 1.0);
    for (int u = 0; u < 5; ++u)
        for (const Kind& kind : kinds) {
            const double keep = u == 0 ? 1.0 : u == 1 ? 0.05 : unit_interval(random);  // u1: mostly one point or none
            const double slope = (unit_interval(random) - 0.5) * (kind.high - kind.low) / 6.0;
            for (std::size_t m = 0; m < dates.size(); ++m) {
                if (unit_interval(random) > keep) continue;
                double value = kind.low + (kind.high - kind.low) * (0.5 + 0.2 * (unit_interval(random) - 0.5)) +
                               slope * static_cast<double>(m) / 12.0;
                value = std::clamp(value, kind.low, kind.high);
                if (kind.whole) value = std::round(value);
                Observation o{"u" + std::to_string(u), kind.id, dates[m], value, "", AssessmentMode::unspecified, std::nullopt, std::nullopt};
                if (unit_interval(random) < 0.2) o.recorded = dates[m] + boost::gregorian::days(static_cast<int>(unit_interval(random) * 60));
                all.push_back(o);
                if (unit_interval(random) < 0.15) {  // a correction, known 10 to 90 days later
                    Observation fix = o;
                    fix.value = kind.whole ? std::round(kind.high - value + kind.low) : std::clamp(value * 1.1 + 1.0, kind.low, kind.high);
                    fix.recorded = dates[m] + boost::gregorian::days(10 + static_cast<int>(unit_interval(random) * 80));
                    all.push_back(fix);
                }
            }
        }
    std::shuffle(all.begin(), all.end(), random);
    ObservationStore store;
    for (const Observation& o : all) store.add(o);
    return store;
}

const std::vector<Kind> kinds = {{"rate", 0, 100, false}, {"flag", 0, 1, true}, {"count", 0, 6, true},
                                 {"level", -50, 50, false}, {"cost", 10, 30, false}};

TEST(TrendMatrix, EqualsTheTrendOfEachSeriesCellByCell) {
    std::mt19937 random(20261129);
    const std::vector<std::string> units = {"u0", "u1", "u2", "u3", "u4", "u5", "nobody"};
    const std::vector<std::string> indicators = {"rate", "flag", "count", "level", "cost", "unknown"};
    const std::vector<std::optional<Date>> known = {std::nullopt, day("2025-06-30"), day("2025-02-10")};
    const std::vector<Date> as_of = {day("2025-12-31"), day("2025-06-15"), day("2024-03-31"), day("2023-12-31")};
    std::size_t cells = 0, trends = 0, singles = 0, none = 0;
    for (int store_seed = 0; store_seed < 4; ++store_seed) {
        const ObservationStore store = random_store(random, kinds);
        for (const Date& date : as_of)
            for (const std::optional<Date>& known_on : known)
                for (const int points : {1, 2, 3, 5, 30}) {
                    const TrendMatrix m = store.trend_matrix(units, indicators, date, points, known_on);
                    ASSERT_EQ(m.values.rows(), 7);
                    ASSERT_EQ(m.values.cols(), 6);
                    EXPECT_EQ(m.units, units);
                    EXPECT_EQ(m.indicators, indicators);
                    const Date inspection = date + boost::gregorian::days(200);
                    const RowMatrix ahead = m.project(inspection);
                    const LatestMatrix latest = store.latest_matrix(units, indicators, date, known_on);
                    for (Eigen::Index u = 0; u < 7; ++u)
                        for (Eigen::Index k = 0; k < 6; ++k) {
                            ++cells;
                            const ObservationSeries s = recent(store, units[static_cast<std::size_t>(u)],
                                                               indicators[static_cast<std::size_t>(k)], date, known_on, points);
                            EXPECT_TRUE(same(m.values(u, k), latest.values(u, k)));
                            EXPECT_TRUE(same(m.ages(u, k), latest.ages(u, k)));
                            EXPECT_EQ(m.points(u, k), static_cast<double>(s.values.size()));
                            if (s.values.empty()) {
                                ++none;
                                EXPECT_TRUE(std::isnan(m.values(u, k)) && std::isnan(m.slopes(u, k)) && std::isnan(ahead(u, k)));
                                continue;
                            }
                            EXPECT_EQ(m.values(u, k), s.values.back());
                            EXPECT_EQ(m.ages(u, k), static_cast<double>((date - s.dates.back()).days()));
                            if (s.values.size() == 1) {
                                ++singles;
                                EXPECT_TRUE(std::isnan(m.slopes(u, k)));
                                EXPECT_EQ(ahead(u, k), s.values.back());
                                continue;
                            }
                            ++trends;
                            const Trend t = trend(s.dates, s.values);
                            EXPECT_EQ(m.slopes(u, k), t.slope) << units[static_cast<std::size_t>(u)] << " " << indicators[static_cast<std::size_t>(k)];
                            EXPECT_EQ(ahead(u, k), *t.project(inspection));
                        }
                }
    }
    // Every kind of cell was met many times.
    EXPECT_EQ(cells, 4u * 4 * 3 * 5 * 42);
    EXPECT_GT(trends, 1000u);
    EXPECT_GT(singles, 100u);
    EXPECT_GT(none, 1000u);
}

TEST(TrendMatrix, WorkedExample) {
    // 10 on Jan 31, 12 on Feb 28 (corrected to 12.5, known Mar 20), 15 on Mar 31, 2025.
    ObservationStore store;
    store.add({"A", "g", day("2025-03-31"), 15.0, "", AssessmentMode::unspecified, std::nullopt, std::nullopt});
    store.add({"A", "g", day("2025-02-28"), 12.5, "", AssessmentMode::unspecified, std::nullopt, day("2025-03-20")});
    store.add({"A", "g", day("2025-01-31"), 10.0, "", AssessmentMode::unspecified, std::nullopt, std::nullopt});
    store.add({"A", "g", day("2025-02-28"), 12.0, "", AssessmentMode::unspecified, std::nullopt, day("2025-03-05")});
    // As of Mar 15, known on Mar 10: 10 (day 0) and 12 (day 28): slope 2 per 28 days, 26.089...
    // per year; the latest, 12, is 15 days old; projected to Mar 31 (31 days after Feb 28):
    // 12 + 2 x 31 / 28.
    const TrendMatrix m = store.trend_matrix({"A"}, {"g"}, day("2025-03-15"), 5, day("2025-03-10"));
    EXPECT_EQ(m.as_of, day("2025-03-15"));
    EXPECT_EQ(m.values(0, 0), 12.0);
    EXPECT_EQ(m.ages(0, 0), 15.0);
    EXPECT_EQ(m.points(0, 0), 2.0);
    EXPECT_NEAR(m.slopes(0, 0), 2.0 / 28.0 * 365.25, 1e-12);
    EXPECT_NEAR(m.project(day("2025-03-31"))(0, 0), 12.0 + 2.0 * 31.0 / 28.0, 1e-12);
    // As known now, with 2 points as of Apr 1: 12.5 and 15 (the Jan value left out).
    const TrendMatrix last_two = store.trend_matrix({"A"}, {"g"}, day("2025-04-01"), 2);
    EXPECT_EQ(last_two.points(0, 0), 2.0);
    EXPECT_NEAR(last_two.slopes(0, 0), 2.5 / 31.0 * 365.25, 1e-12);
    EXPECT_EQ(last_two.project(day("2025-03-31"))(0, 0), 15.0);  // on the latest's own date: the latest
    // More points than there are: all of them (no buffer of that size).
    const TrendMatrix all = store.trend_matrix({"A"}, {"g"}, day("2025-04-01"), 1 << 30);
    EXPECT_EQ(all.points(0, 0), 3.0);
    EXPECT_EQ(all.slopes(0, 0), store.trend_matrix({"A"}, {"g"}, day("2025-04-01"), 3).slopes(0, 0));
}

TEST(TrendMatrix, AValueTooLargeToFollowProjectsToWhatTrendGives) {
    ObservationStore store;
    store.add({"A", "g", day("2025-01-31"), -1e308, "", AssessmentMode::unspecified, std::nullopt, std::nullopt});
    store.add({"A", "g", day("2025-02-28"), 1e308, "", AssessmentMode::unspecified, std::nullopt, std::nullopt});
    const TrendMatrix m = store.trend_matrix({"A"}, {"g"}, day("2025-03-01"));
    const ObservationSeries s = store.series("A", "g");
    const Trend t = trend(s.dates, s.values);
    EXPECT_TRUE(same(m.slopes(0, 0), t.slope));
    EXPECT_TRUE(same(m.project(day("2026-01-01"))(0, 0), *t.project(day("2026-01-01"))));
    EXPECT_FALSE(std::isfinite(m.project(day("2026-01-01"))(0, 0)));
}

TEST(TrendMatrix, PointsMustBeOneOrMore) {
    const ObservationStore store;
    EXPECT_TRUE(test::mentions(test::validation_message([&] { (void)store.trend_matrix({"A"}, {"g"}, day("2025-01-01"), 0); }, "points"),
                               "0 points; expected 1 or more"));
    try {
        (void)store.trend_matrix({"A"}, {"g"}, day("2025-01-01"), 0);
        ADD_FAILURE() << "expected a ValidationError";
    } catch (const ValidationError& error) {
        EXPECT_EQ(error.message(Language::zh), "points: 0 个点；应至少为 1 个");
    }
    const TrendMatrix empty = store.trend_matrix({"A"}, {"g"}, day("2025-01-01"), 1);
    EXPECT_TRUE(std::isnan(empty.values(0, 0)));
    EXPECT_EQ(empty.points(0, 0), 0.0);
}

// More unit and indicator pairs than the index's one-pass table allows (1,100 x 1,000 > 2^20 for
// 3,002 rows): the index sorts by unit, then by indicator, with the same answers.
TEST(ObservationIndex, ManyNamePairsAreSortedTheSameWay) {
    ObservationStore store;
    std::vector<Observation> added;
    for (int i = 2999; i >= 0; --i) {
        Observation o{"u" + std::to_string(i * 7 % 1100), "g" + std::to_string(i * 13 % 1000),
                      day("2025-01-01") + boost::gregorian::days(i % 5), static_cast<double>(i), "", AssessmentMode::unspecified,
                      std::nullopt, std::nullopt};
        added.push_back(o);
    }
    // Two records of one key and day, known the same day: the one added last counts.
    added.push_back({"u0", "g0", day("2025-01-01"), -1.0, "", AssessmentMode::unspecified, std::nullopt, std::nullopt});
    added.push_back({"u0", "g0", day("2025-01-01"), -2.0, "", AssessmentMode::unspecified, std::nullopt, std::nullopt});
    for (const Observation& o : added) store.add(o);
    ASSERT_GT(store.units().size() * store.indicators().size(), std::size_t{1} << 20);
    const ObservationColumns& c = store.columns();
    for (std::size_t r = 1; r < c.size(); ++r)
        ASSERT_TRUE(std::make_tuple(c.indicator[r - 1], c.unit[r - 1], c.date[r - 1]) <= std::make_tuple(c.indicator[r], c.unit[r], c.date[r]))
            << "row " << r;
    std::vector<std::tuple<std::string, std::string, std::int32_t, double>> expected, got;
    for (const Observation& o : added) expected.emplace_back(o.unit, o.indicator, day_number(o.date), o.value);
    for (std::size_t r = 0; r < store.size(); ++r) {
        const Observation o = store.at(r);
        got.emplace_back(o.unit, o.indicator, day_number(o.date), o.value);
    }
    std::sort(expected.begin(), expected.end());
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, expected);
    EXPECT_EQ(store.latest("u0", "g0", day("2025-01-01"))->value, -2.0);
}

// Readiness projects every unit and indicator as it did one series at a time.
TEST(ReadinessProjection, EqualsTheProjectionOfEachSeries) {
    std::mt19937 random(7);
    const ObservationStore store = random_store(random, kinds);
    using test::bounded;
    using test::higher;
    using test::lower;
    const Framework framework(test::flat_spec({bounded(higher("rate", 50), 0, 100), test::yes_no("flag"), test::problems("count"),
                                               higher("level", 0), bounded(lower("cost", 20), 10, 30)},
                                              "random"));
    CampaignSpec spec;
    spec.id = "random";
    CampaignTitle title;
    title.id = "random";
    title.framework = "random.json";
    title.dates.inspection = day("2026-09-30");
    spec.titles = {title};
    for (const char* id : {"u0", "u1", "u2", "u3", "u4", "u5"}) {
        CampaignUnit unit;
        unit.id = id;
        unit.parent = spec.units.empty() ? "" : "u0";
        spec.units.push_back(unit);
    }
    const Campaign campaign(spec, {{"random", framework}}, WorkCalendar(), std::nullopt, store);
    std::size_t clamped = 0, kept = 0, moved = 0;
    for (const std::optional<Date>& known_on : {std::optional<Date>(), std::optional<Date>(day("2025-08-31"))})
        for (const int points : {2, 5}) {
            ReadinessOptions options;
            options.known_on = known_on;
            options.trend_points = points;
            const Date as_of = day("2025-10-15");
            const Readiness r = readiness(campaign, as_of, options);
            const TitleReadiness& t = r.title("random");
            ASSERT_TRUE(t.at_inspection);
            const std::vector<std::string> ids = framework.indicator_ids();
            for (std::size_t u = 0; u < spec.units.size(); ++u)
                for (std::size_t k = 0; k < ids.size(); ++k) {
                    const Indicator& indicator = framework.indicator(ids[k]);
                    const ObservationSeries s = recent(store, spec.units[u].id, ids[k], as_of, known_on, points);
                    double expected = std::numeric_limits<double>::quiet_NaN();
                    if (!s.values.empty()) {
                        expected = s.values.back();
                        if (s.values.size() >= 2 && indicator.direction != Direction::yes_no &&
                            indicator.direction != Direction::problem_count) {
                            const double p = *trend(s.dates, s.values).project(*t.inspection);
                            if (std::isfinite(p)) expected = indicator.bounds ? std::clamp(p, indicator.bounds->low, indicator.bounds->high) : p;
                            (expected != p ? clamped : moved) += 1;
                        } else {
                            ++kept;
                        }
                    }
                    const double got = t.at_inspection->values(static_cast<Eigen::Index>(u), static_cast<Eigen::Index>(framework.indicator_index(ids[k])));
                    EXPECT_TRUE(same(got, expected)) << spec.units[u].id << " " << ids[k] << ": " << got << " vs " << expected;
                }
        }
    EXPECT_GT(clamped, 0u);
    EXPECT_GT(kept, 10u);
    EXPECT_GT(moved, 20u);
}

}  // namespace
}  // namespace civitas
