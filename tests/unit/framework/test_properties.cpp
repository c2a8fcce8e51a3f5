// Laws that hold for every framework and every unit, checked over 50 randomly generated
// frameworks (fixed seeds) of mixed rules, directions, two levels, both weightings.

#include "support.hpp"

#include <civitas/civitas.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <random>

using namespace civitas;
using namespace civitas::test;

namespace {

constexpr int framework_count = 50;
constexpr int units_per_framework = 6;
constexpr double tolerance = 1e-9;

double round_to(double x, double step) { return std::round(x / step) * step; }

class Generator {
public:
    explicit Generator(unsigned seed) : rng_(seed) {}

    int integer(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }
    double real(double low, double high) { return std::uniform_real_distribution<double>(low, high)(rng_); }
    bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }
    template <class T>
    const T& pick(const std::vector<T>& items) {
        return items[static_cast<std::size_t>(integer(0, static_cast<int>(items.size()) - 1))];
    }
    std::mt19937& rng() { return rng_; }

    /// A valid indicator of a random direction and a rule that fits it.
    Indicator indicator(const std::string& id) {
        Indicator i;
        i.id = id;
        i.name = chance(0.5) ? "指标 " + id : "indicator " + id;
        i.direction = static_cast<Direction>(integer(0, 4));
        i.kind = chance(0.15) ? ItemKind::basic : ItemKind::general;
        switch (i.direction) {
        case Direction::higher: {
            const double line = integer(10, 90);
            i.unit = "%";
            i.pass = Interval::at_least(line);
            i.bounds = Interval{0, 100};
            if (chance(0.3)) i.improvement = Interval::at_least(std::min(100.0, line + 5));
            switch (integer(0, 3)) {
            case 0: break;
            case 1:
                i.scoring = ScoringRule::linear(Interval::at_least(round_to(real(0, line - 1), 0.5)));
                if (chance(0.3)) i.scoring.full = Interval::at_least(std::min(100.0, line + integer(1, 10)));
                break;
            case 2: i.scoring = proportional(); break;
            default: i.scoring = tiers({{line, 0.8}, {round_to(line / 2, 0.5), 0.4}, {std::min(100.0, line + 5), 1.0}});
            }
            break;
        }
        case Direction::lower: {
            const double line = integer(10, 90);
            i.unit = "µg/m³";
            i.pass = Interval::at_most(line);
            i.bounds = Interval{0, 100};
            switch (integer(0, 3)) {
            case 0: break;
            case 1: i.scoring = ScoringRule::linear(Interval::at_most(round_to(real(line + 1, 100), 0.5))); break;
            case 2: i.scoring = proportional(); break;
            default: i.scoring = tiers({{line, 0.6}, {round_to(line / 2, 0.5), 1.0}});
            }
            break;
        }
        case Direction::range: {
            const double low = integer(20, 50);
            const double high = low + integer(5, 30);
            i.pass = Interval{low, high};
            i.bounds = Interval{0, 100};
            if (chance(0.5)) i.scoring = ScoringRule::linear(Interval{low - integer(1, 20), high + integer(1, 20)});
            break;
        }
        case Direction::yes_no:
            if (chance(0.7)) i.scoring = yes_no_rule();
            break;
        case Direction::problem_count: {
            const int allowed = integer(0, 2);
            if (allowed > 0 || chance(0.5)) i.pass = Interval::at_most(allowed);
            if (chance(0.5)) i.bounds = Interval{0, 50};
            switch (integer(0, 4)) {
            case 0: break;
            case 1:
                i.scoring = ScoringRule::deduction(round_to(real(0.5, 5), 0.5));
                if (chance(0.5)) i.scoring.max_deduction = integer(1, 10);
                break;
            case 2: i.scoring = tiers({{static_cast<double>(allowed), 1.0}, {allowed + 3.0, 0.5}}); break;
            case 3: i.scoring = ScoringRule::linear(Interval::at_most(allowed + integer(3, 10))); break;
            default:
                // proportional needs a positive target (F.high / v): not with 0 problems allowed
                if (allowed > 0) i.scoring = proportional();
            }
            break;
        }
        }
        if (chance(0.2)) i.missing = chance(0.5) ? MissingPolicy::skip : MissingPolicy::fail;
        return i;
    }

    /// A random framework: 2-4 top categories, each with 1-4 indicators and 0-2 subcategories.
    FrameworkSpec framework(int number) {
        FrameworkSpec s;
        s.id = "random-" + std::to_string(number);
        s.name = "随机 framework " + std::to_string(number);
        s.edition = "2024";
        s.weighting = chance(0.25) ? Weighting::points : Weighting::relative;
        s.missing = chance(0.5) ? MissingPolicy::fail : MissingPolicy::skip;
        int next = 0;
        const int top = integer(2, 4);
        for (int c = 0; c < top; ++c) {
            Category cat = category("c" + std::to_string(c), {});
            for (int k = integer(1, 4); k > 0; --k) cat.indicators.push_back(indicator("i" + std::to_string(next++)));
            for (int sub = integer(0, 2); sub > 0; --sub) {
                Category child = category(cat.id + "s" + std::to_string(sub), {});
                for (int k = integer(1, 3); k > 0; --k)
                    child.indicators.push_back(indicator("i" + std::to_string(next++)));
                if (chance(0.2)) child.aggregation = Aggregation::geometric;
                cat.categories.push_back(child);
            }
            if (chance(0.2)) cat.aggregation = Aggregation::geometric;
            s.root.categories.push_back(cat);
        }
        assign_weights(s);
        // min_total is on the framework's scale
        if (chance(0.3)) s.pass_rules.push_back({PassRuleType::min_total, round_to(real(0.4, 0.9) * s.scale, 0.5)});
        if (chance(0.3)) s.pass_rules.push_back({PassRuleType::min_share_general_met, 0.8});
        return s;
    }

    /// A valid value for the indicator.
    double value(const Indicator& i) {
        switch (i.direction) {
        case Direction::yes_no: return chance(0.5) ? 1.0 : 0.0;
        case Direction::problem_count: return integer(0, 8);
        default: return round_to(real(0, 100), 0.01);
        }
    }

private:
    void assign_weights(FrameworkSpec& s) {
        if (s.weighting == Weighting::relative) {
            std::function<void(Category&)> visit = [&](Category& c) {
                for (auto& i : c.indicators)
                    if (chance(0.7)) i.weight = round_to(real(0.5, 3), 0.1);
                for (auto& sub : c.categories) {
                    if (chance(0.7)) sub.weight = round_to(real(0.5, 3), 0.1);
                    visit(sub);
                }
            };
            visit(s.root);
            return;
        }
        // Points: integers per indicator; the scale is their sum; some categories state their sum.
        std::function<double(Category&)> visit = [&](Category& c) {
            double sum = 0;
            for (auto& i : c.indicators) {
                i.weight = static_cast<double>(integer(1, 10));
                sum += *i.weight;
            }
            for (auto& sub : c.categories) {
                const double points = visit(sub);
                if (chance(0.5)) sub.weight = points;
                sum += points;
            }
            return sum;
        };
        s.scale = visit(s.root);
    }

    std::mt19937 rng_;
};

struct Case {
    Framework framework;
    std::vector<std::map<std::string, double>> units;
};

Case make_case(int number) {
    Generator g(20240601u + static_cast<unsigned>(number));
    Framework f(g.framework(number));
    std::vector<std::map<std::string, double>> units;
    for (int u = 0; u < units_per_framework; ++u) {
        std::map<std::string, double> values;
        for (const auto* i : f.indicators()) values[i->id] = g.value(*i);
        units.push_back(std::move(values));
    }
    return {std::move(f), std::move(units)};
}

bool has_geometric(const Category& c) {
    if (c.aggregation == Aggregation::geometric) return true;
    return std::any_of(c.categories.begin(), c.categories.end(), has_geometric);
}

/// A value one step better in the indicator's direction, or nullopt when there is none.
std::optional<double> better(const Indicator& i, double v, double step) {
    switch (i.direction) {
    case Direction::higher: return v + step <= 100 ? std::optional<double>(v + step) : std::nullopt;
    case Direction::lower: return v - step >= 0 ? std::optional<double>(v - step) : std::nullopt;
    case Direction::yes_no: return v == 0 ? std::optional<double>(1.0) : std::nullopt;
    case Direction::problem_count: return v >= 1 ? std::optional<double>(v - 1) : std::nullopt;
    case Direction::range: return std::nullopt;  // not monotone
    }
    return std::nullopt;
}

class RandomFramework : public ::testing::TestWithParam<int> {
protected:
    void SetUp() override { c_ = std::make_unique<Case>(make_case(GetParam())); }
    const Framework& framework() const { return c_->framework; }
    const std::vector<std::map<std::string, double>>& units() const { return c_->units; }

private:
    std::unique_ptr<Case> c_;
};

}  // namespace

TEST_P(RandomFramework, EffectiveWeightsSumToOne) {
    const auto& w = framework().effective_weights();
    ASSERT_EQ(w.size(), framework().indicators().size());
    for (double x : w) {
        EXPECT_GT(x, 0.0);
        EXPECT_LE(x, 1.0);
    }
    EXPECT_NEAR(std::accumulate(w.begin(), w.end(), 0.0), 1.0, tolerance);
}

TEST_P(RandomFramework, TotalsWithinTheScale) {
    for (const auto& u : units()) {
        const auto e = framework().evaluate(u);
        ASSERT_TRUE(e.total.has_value());  // complete data, min_coverage 0
        EXPECT_GE(*e.total, -tolerance);
        EXPECT_LE(*e.total, framework().scale() + tolerance * framework().scale());
    }
}

TEST_P(RandomFramework, ScoresWithinZeroAndOne) {
    for (const auto& u : units()) {
        const auto e = framework().evaluate(u);
        for (const auto& r : e.indicators) {
            EXPECT_GE(r.score, 0.0) << r.id;
            EXPECT_LE(r.score, 1.0) << r.id;
            EXPECT_GE(r.points, -tolerance) << r.id;
            EXPECT_LE(r.points, r.max_points + tolerance) << r.id;
            EXPECT_GE(r.obstacle, 0.0) << r.id;
            EXPECT_LE(r.obstacle, 1.0 + tolerance) << r.id;
            if (r.outcome == Outcome::met) {
                EXPECT_EQ(r.gap.value_or(-1), 0.0) << r.id;
            }
            if (r.outcome == Outcome::not_met) {
                EXPECT_GT(r.gap.value_or(-1), 0.0) << r.id;
            }
        }
        for (const auto& c : e.categories) {
            EXPECT_GE(c.score, 0.0) << c.id;
            EXPECT_LE(c.score, 1.0 + tolerance) << c.id;
        }
    }
}

TEST_P(RandomFramework, CountsAgree) {
    for (const auto& u : units()) {
        const auto e = framework().evaluate(u);
        int met = 0;
        for (const auto& r : e.indicators) met += r.outcome == Outcome::met;
        EXPECT_EQ(e.met, met);
        EXPECT_EQ(e.assessed, static_cast<int>(e.indicators.size()));
        EXPECT_EQ(static_cast<int>(e.shortfalls().size()), e.assessed - e.met);
        EXPECT_NEAR(e.coverage, 1.0, tolerance);
    }
}

TEST_P(RandomFramework, ArithmeticPointsAddUpToTheTotal) {
    if (has_geometric(framework().spec().root)) GTEST_SKIP() << "geometric aggregation";
    for (const auto& u : units()) {
        const auto e = framework().evaluate(u);
        double points = 0;
        for (const auto& r : e.indicators) points += r.points;
        EXPECT_NEAR(points, e.total.value(), tolerance * framework().scale());
    }
}

TEST_P(RandomFramework, MonotoneInEachIndicator) {
    // Improving one value in its direction never lowers the total.
    Generator g(777u + static_cast<unsigned>(GetParam()));
    for (const auto& u : units()) {
        const double before = framework().evaluate(u).total.value();
        for (const auto* i : framework().indicators()) {
            for (double step : {0.01, 1.0, g.real(0, 30)}) {
                const auto v = better(*i, u.at(i->id), round_to(step, 0.01));
                if (!v) continue;
                auto changed = u;
                changed[i->id] = *v;
                const double after = framework().evaluate(changed).total.value();
                EXPECT_GE(after, before - tolerance * framework().scale())
                    << i->id << " (" << to_string(i->direction) << ", " << to_string(i->scoring.type) << ") from "
                    << u.at(i->id) << " to " << *v;
            }
        }
    }
}

TEST_P(RandomFramework, ObstacleDegreesSumToOneWhenPointsAreLost) {
    for (const auto& u : units()) {
        const auto e = framework().evaluate(u);
        double lost = 0;
        double obstacles = 0;
        for (const auto& r : e.indicators) {
            lost += r.max_points - r.points;
            obstacles += r.obstacle;
        }
        if (lost > 1e-9) EXPECT_NEAR(obstacles, 1.0, tolerance);
        else EXPECT_EQ(obstacles, 0.0);
    }
}

TEST_P(RandomFramework, BatchEqualsOneByOne) {
    // Columns in a shuffled order.
    Generator g(99u + static_cast<unsigned>(GetParam()));
    auto columns = framework().indicator_ids();
    std::shuffle(columns.begin(), columns.end(), g.rng());
    Eigen::MatrixXd values(static_cast<Eigen::Index>(units().size()), static_cast<Eigen::Index>(columns.size()));
    std::vector<std::string> ids;
    for (std::size_t r = 0; r < units().size(); ++r) {
        ids.push_back("unit " + std::to_string(r));
        for (std::size_t c = 0; c < columns.size(); ++c)
            values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = units()[r].at(columns[c]);
    }
    const auto batch = evaluate_many(framework(), values, columns, ids);
    ASSERT_EQ(batch.size(), units().size());
    EXPECT_TRUE(batch.ok());
    for (std::size_t r = 0; r < units().size(); ++r) {
        const auto one = framework().evaluate(units()[r], ids[r]);
        expect_same_evaluation(unit_evaluation(framework(), batch, r), one);
        ASSERT_TRUE(one.total.has_value());
        EXPECT_NEAR(batch.totals(static_cast<Eigen::Index>(r)), *one.total, 1e-12);
    }
}

TEST_P(RandomFramework, MissingDataKeepsTheLaws) {
    // Drop values at random (NaN with nan_as_missing): totals in range or absent, coverage in
    // [0, 1], batch equals one-by-one.
    Generator g(4242u + static_cast<unsigned>(GetParam()));
    const auto columns = framework().indicator_ids();
    Eigen::MatrixXd values(static_cast<Eigen::Index>(units().size()), static_cast<Eigen::Index>(columns.size()));
    std::vector<std::map<std::string, double>> partial;
    for (std::size_t r = 0; r < units().size(); ++r) {
        std::map<std::string, double> kept;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const bool drop = g.chance(0.3);
            const double v = units()[r].at(columns[c]);
            values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = drop ? nan_value : v;
            if (!drop) kept[columns[c]] = v;
        }
        partial.push_back(kept);
    }
    EvaluateOptions options;
    options.nan_as_missing = true;
    const auto batch =
        evaluate_many(framework(), values, columns, {}, {}, options);
    for (std::size_t r = 0; r < units().size(); ++r) {
        const auto e = framework().evaluate(partial[r]);
        EXPECT_GE(e.coverage, 0.0);
        EXPECT_LE(e.coverage, 1.0 + tolerance);
        if (e.total) {
            EXPECT_GE(*e.total, -tolerance);
            EXPECT_LE(*e.total, framework().scale() * (1 + tolerance));
        } else {
            EXPECT_EQ(e.decided_by, Decision::coverage);
        }
        for (const auto& x : e.indicators) {
            EXPECT_GE(x.score, 0.0);
            EXPECT_LE(x.score, 1.0);
        }
        const auto alone = framework().evaluate(partial[r], batch.units[r]);
        expect_same_evaluation(unit_evaluation(framework(), batch, r), alone);
    }
}

namespace {

// Bitwise equal batches: NaN compared as NaN.
void expect_same_bits(const BatchEvaluation& one, const BatchEvaluation& many) {
    auto same = [](const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
        return a.rows() == b.rows() && a.cols() == b.cols() &&
               ((a.array() == b.array()) || (a.array().isNaN() && b.array().isNaN())).all();
    };
    EXPECT_TRUE(same(one.values, many.values));
    EXPECT_TRUE(same(one.scores, many.scores));
    EXPECT_TRUE(same(one.gaps, many.gaps));
    EXPECT_TRUE(same(one.category_scores, many.category_scores));
    EXPECT_TRUE(same(one.totals, many.totals));
    EXPECT_TRUE(same(one.coverage, many.coverage));
    EXPECT_TRUE(same(one.max_points(), many.max_points()));
    EXPECT_TRUE(one.outcomes == many.outcomes);
    EXPECT_TRUE(one.met == many.met);
    EXPECT_TRUE(one.assessed == many.assessed);
    EXPECT_TRUE(one.basic_failed == many.basic_failed);
    EXPECT_EQ(one.passed, many.passed);
    EXPECT_EQ(one.decided_by, many.decided_by);
    EXPECT_EQ(one.errors, many.errors);
}

}  // namespace

TEST_P(RandomFramework, ResultsDoNotDependOnTheNumberOfThreadsOrTheSimdPath) {
    // Enough units that the columns are split among threads and blocks; some values missing,
    // some invalid (NaN without nan_as_missing on one unit in seven), so every path of the engine
    // runs. Tolerance 0 across SIMD paths too: the batch engine is compiled without contracting a
    // multiply and an add into an FMA, and its sums are taken in framework order on every path.
    Generator g(777u + static_cast<unsigned>(GetParam()));
    const auto columns = framework().indicator_ids();
    const Eigen::Index rows = 1203;
    Eigen::MatrixXd values(rows, static_cast<Eigen::Index>(columns.size()));
    for (Eigen::Index r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < columns.size(); ++c)
            values(r, static_cast<Eigen::Index>(c)) =
                g.chance(0.05) ? nan_value : g.value(framework().indicator(columns[c]));
    for (Eigen::Index r = 0; r < rows; r += 7) values(r, values.cols() - 1) = std::numeric_limits<double>::infinity();
    const RowMatrix row_major = values;  // numpy's layout takes another copy loop
    auto run = [&](int threads, bool by_rows) {
        EvaluateOptions options;
        options.nan_as_missing = true;
        options.threads = threads;
        return by_rows ? evaluate_many(framework(), row_major, columns, {}, {}, options)
                       : evaluate_many(framework(), values, columns, {}, {}, options);
    };
    test::SimdPathGuard guard;
    use_simd_path(SimdPath::baseline);
    const auto one = run(1, false);
    EXPECT_FALSE(one.ok());
    for (const SimdPath path : available_simd_paths()) {
        use_simd_path(path);
        for (int threads : {1, 2, 3, 8})
            for (bool by_rows : {false, true}) {
                SCOPED_TRACE(std::string(to_string(path)) + ", " + std::to_string(threads) + " threads" + (by_rows ? ", row-major" : ""));
                expect_same_bits(one, run(threads, by_rows));
            }
    }
}

TEST_P(RandomFramework, JsonRoundTripGivesAnEqualFramework) {
    const auto json = framework_to_json(framework());
    const auto again = parse_framework(json, "round-trip.json");
    EXPECT_TRUE(again == framework()) << json;
    EXPECT_EQ(framework_to_json(again), json);
    EXPECT_EQ(again.effective_weights(), framework().effective_weights());
}

INSTANTIATE_TEST_SUITE_P(Seeds, RandomFramework, ::testing::Range(0, framework_count));
