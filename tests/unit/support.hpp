#pragma once
/// Small builders and matchers shared by the unit tests.

#include <civitas/civitas.hpp>
#include <civitas/core/simd.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <limits>
#include <random>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace civitas::test {

/// A fresh folder under the system's temporary folder, named after the running test and removed
/// with everything in it at the end.
class TempFolder {
public:
    TempFolder() {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        std::random_device random;
        const std::string test = info != nullptr ? info->name() : "test";
        path_ = std::filesystem::temp_directory_path() /
                ("civitas-" + test + "-" + std::to_string(random()) + std::to_string(random()));
        std::filesystem::create_directories(path_);
    }
    ~TempFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    /// The folder.
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    /// The path of a file in it, as a string.
    [[nodiscard]] std::string file(const std::string& relative) const { return (path_ / relative).string(); }
    /// Writes `text` to a file in it (making its folders) and returns the file's path.
    std::filesystem::path write(const std::string& relative, const std::string& text) const {
        const std::filesystem::path file = path_ / relative;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << text;
        return file;
    }

private:
    std::filesystem::path path_;
};

/// Restores the SIMD path a test started with (tests switch it with use_simd_path).
class SimdPathGuard {
public:
    SimdPathGuard() : saved_(simd_path()) {}
    ~SimdPathGuard() { use_simd_path(saved_); }
    SimdPathGuard(const SimdPathGuard&) = delete;
    SimdPathGuard& operator=(const SimdPathGuard&) = delete;

private:
    SimdPath saved_;
};

inline constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();
inline constexpr double eps = 1e-9;

// ---------------------------------------------------------------------------------------------
// Builders: an observation, an indicator or a category in one expression.

/// An observation of a unit's indicator on a date, known on `recorded` (none: on its date).
inline Observation observation(std::string unit, std::string indicator, Date date, double value,
                               std::optional<Date> recorded = std::nullopt) {
    Observation o;
    o.unit = std::move(unit);
    o.indicator = std::move(indicator);
    o.date = date;
    o.value = value;
    o.recorded = recorded;
    return o;
}

/// A higher-is-better indicator passing at `line`, scored pass/fail.
inline Indicator higher(std::string id, double line, std::optional<double> weight = std::nullopt) {
    Indicator i;
    i.id = std::move(id);
    i.name = i.id;
    i.direction = Direction::higher;
    i.pass = Interval::at_least(line);
    i.weight = weight;
    return i;
}

/// A lower-is-better indicator passing at `line`, scored pass/fail.
inline Indicator lower(std::string id, double line, std::optional<double> weight = std::nullopt) {
    Indicator i;
    i.id = std::move(id);
    i.name = i.id;
    i.direction = Direction::lower;
    i.pass = Interval::at_most(line);
    i.weight = weight;
    return i;
}

/// A range indicator passing inside [low, high], scored pass/fail.
inline Indicator in_range(std::string id, double low, double high, std::optional<double> weight = std::nullopt) {
    Indicator i;
    i.id = std::move(id);
    i.name = i.id;
    i.direction = Direction::range;
    i.pass = Interval{low, high};
    i.weight = weight;
    return i;
}

/// A yes/no condition scored by the yes_no rule.
inline Indicator yes_no(std::string id, std::optional<double> weight = std::nullopt) {
    Indicator i;
    i.id = std::move(id);
    i.name = i.id;
    i.direction = Direction::yes_no;
    i.scoring.type = RuleType::yes_no;
    i.weight = weight;
    return i;
}

/// A count of problems found (allowed: the default 0), scored pass/fail.
inline Indicator problems(std::string id, std::optional<double> weight = std::nullopt) {
    Indicator i;
    i.id = std::move(id);
    i.name = i.id;
    i.direction = Direction::problem_count;
    i.weight = weight;
    return i;
}

inline Indicator with_rule(Indicator i, ScoringRule rule) {
    i.scoring = std::move(rule);
    return i;
}

inline Indicator basic(Indicator i) {
    i.kind = ItemKind::basic;
    return i;
}

inline Indicator bounded(Indicator i, double low, double high) {
    i.bounds = Interval{low, high};
    return i;
}

inline ScoringRule proportional() {
    ScoringRule r;
    r.type = RuleType::proportional;
    return r;
}

inline ScoringRule tiers(std::vector<Tier> steps) {
    ScoringRule r;
    r.type = RuleType::tiers;
    r.tiers = std::move(steps);
    return r;
}

inline ScoringRule yes_no_rule() {
    ScoringRule r;
    r.type = RuleType::yes_no;
    return r;
}

inline Category category(std::string id, std::vector<Indicator> indicators,
                         std::optional<double> weight = std::nullopt, std::vector<Category> subcategories = {}) {
    Category c;
    c.id = std::move(id);
    c.name = c.id;
    c.weight = weight;
    c.indicators = std::move(indicators);
    c.categories = std::move(subcategories);
    return c;
}

/// A spec with the given top-level categories (relative weighting, scale 100, missing fail).
inline FrameworkSpec spec_of(std::vector<Category> categories, std::string id = "test") {
    FrameworkSpec s;
    s.id = std::move(id);
    s.name = s.id;
    s.root.categories = std::move(categories);
    return s;
}

/// A spec whose indicators sit directly at the top level.
inline FrameworkSpec flat_spec(std::vector<Indicator> indicators, std::string id = "test") {
    FrameworkSpec s;
    s.id = std::move(id);
    s.name = s.id;
    s.root.indicators = std::move(indicators);
    return s;
}

// ---------------------------------------------------------------------------------------------
// Matchers.

inline std::string lowercase(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

/// True when `text` contains `part` (case-insensitive).
inline bool mentions(const std::string& text, const std::string& part) {
    return lowercase(text).find(lowercase(part)) != std::string::npos;
}

/// True when the English text of `message` contains `part` (case-insensitive).
inline bool mentions(const Message& message, const std::string& part) { return mentions(message.text(Language::en), part); }

/// Checks that `text` names every one of `all` and at least one of `any` (case-insensitive).
inline ::testing::AssertionResult mentions_all_and_any(const std::string& text, std::initializer_list<std::string> all,
                                                       std::initializer_list<std::string> any = {}) {
    for (const auto& part : all)
        if (!mentions(text, part))
            return ::testing::AssertionFailure() << "message \"" << text << "\" does not name \"" << part << "\"";
    if (any.size() == 0) return ::testing::AssertionSuccess();
    for (const auto& part : any)
        if (mentions(text, part)) return ::testing::AssertionSuccess();
    std::string list;
    for (const auto& part : any) list += (list.empty() ? "\"" : ", \"") + part + "\"";
    return ::testing::AssertionFailure() << "message \"" << text << "\" names none of " << list;
}

/// A vector of the values given: vector_of({0.5, 0.3, 0.2}).
inline Eigen::VectorXd vector_of(std::initializer_list<double> values) {
    Eigen::VectorXd v(static_cast<Eigen::Index>(values.size()));
    Eigen::Index i = 0;
    for (double x : values) v[i++] = x;
    return v;
}

/// A matrix of the rows given (a published table as printed): matrix_of({{1, 2}, {3, 4}}).
inline Eigen::MatrixXd matrix_of(std::initializer_list<std::initializer_list<double>> values) {
    Eigen::MatrixXd m(static_cast<Eigen::Index>(values.size()), static_cast<Eigen::Index>(values.begin()->size()));
    Eigen::Index i = 0;
    for (const auto& row : values) {
        Eigen::Index j = 0;
        for (double v : row) m(i, j++) = v;
        ++i;
    }
    return m;
}

/// Each entry of `actual` within `tolerance` of `expected`'s, same sizes.
inline void expect_all_near(const Eigen::VectorXd& actual, const Eigen::VectorXd& expected, double tolerance) {
    ASSERT_EQ(actual.size(), expected.size());
    for (Eigen::Index i = 0; i < actual.size(); ++i) EXPECT_NEAR(actual[i], expected[i], tolerance) << "at " << i;
}

/// The path of the ValidationError `f` throws, or "(no error)".
template <class F>
std::string error_path(F&& f) {
    try {
        f();
    } catch (const ValidationError& error) {
        return error.path();
    }
    return "(no error)";
}

/// The message of the ValidationError `f` throws, or "(no error)".
template <class F>
std::string error_message(F&& f) {
    try {
        f();
    } catch (const ValidationError& error) {
        return error.what();
    }
    return "(no error)";
}

/// Runs `make`, expecting a ValidationError at `path`; returns its message ("" when none was thrown).
template <class F>
std::string validation_message(F&& make, const std::string& path) {
    try {
        make();
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.path(), path) << "message: " << e.what();
        return e.what();
    } catch (const std::exception& e) {
        ADD_FAILURE() << "expected civitas::ValidationError at " << path << ", got another exception: " << e.what();
        return "";
    }
    ADD_FAILURE() << "expected civitas::ValidationError at " << path << ", nothing was thrown";
    return "";
}

/// Like `validation_message`, accepting any path that starts with `path_prefix`.
template <class F>
std::string validation_message_under(F&& make, const std::string& path_prefix) {
    try {
        make();
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.path().rfind(path_prefix, 0), 0u) << "path " << e.path() << " not under " << path_prefix
                                                      << "; message: " << e.what();
        return e.what();
    } catch (const std::exception& e) {
        ADD_FAILURE() << "expected civitas::ValidationError under " << path_prefix
                      << ", got another exception: " << e.what();
        return "";
    }
    ADD_FAILURE() << "expected civitas::ValidationError under " << path_prefix << ", nothing was thrown";
    return "";
}

/// Index of an indicator result by id in an evaluation, for the matrices of a batch.
inline std::size_t position(const std::vector<std::string>& ids, const std::string& id) {
    return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
}

/// Optional doubles equal within `tolerance` (both empty, or both set and close).
inline ::testing::AssertionResult near_optional(const std::optional<double>& a, const std::optional<double>& b,
                                                double tolerance) {
    if (a.has_value() != b.has_value())
        return ::testing::AssertionFailure() << "one is empty: " << (a ? std::to_string(*a) : "empty") << " vs "
                                             << (b ? std::to_string(*b) : "empty");
    if (!a) return ::testing::AssertionSuccess();
    if (std::isnan(*a) && std::isnan(*b)) return ::testing::AssertionSuccess();
    if (std::fabs(*a - *b) <= tolerance) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << *a << " vs " << *b;
}

/// Every field of two evaluations equal (numbers within `tolerance`).
inline void expect_same_evaluation(const Evaluation& a, const Evaluation& b, double tolerance = 1e-12) {
    EXPECT_EQ(a.framework, b.framework);
    EXPECT_EQ(a.unit, b.unit);
    EXPECT_TRUE(near_optional(a.total, b.total, tolerance)) << "total of " << a.unit;
    EXPECT_EQ(a.scale, b.scale);
    EXPECT_EQ(a.met, b.met);
    EXPECT_EQ(a.assessed, b.assessed);
    EXPECT_NEAR(a.coverage, b.coverage, tolerance);
    EXPECT_EQ(a.basic_failed, b.basic_failed);
    EXPECT_EQ(a.passed, b.passed);
    EXPECT_EQ(a.decided_by, b.decided_by);
    EXPECT_EQ(a.failed_rule.has_value(), b.failed_rule.has_value());
    if (a.failed_rule && b.failed_rule) {
        EXPECT_TRUE(*a.failed_rule == *b.failed_rule);
    }
    EXPECT_EQ(a.reason, b.reason);
    EXPECT_EQ(a.error.empty(), b.error.empty());
    ASSERT_EQ(a.indicators.size(), b.indicators.size());
    for (std::size_t i = 0; i < a.indicators.size(); ++i) {
        const auto& x = a.indicators[i];
        const auto& y = b.indicators[i];
        SCOPED_TRACE("indicator " + x.id);
        EXPECT_EQ(x.id, y.id);
        EXPECT_TRUE(near_optional(x.value, y.value, 0.0));
        EXPECT_EQ(x.outcome, y.outcome);
        EXPECT_EQ(x.counted, y.counted);
        EXPECT_NEAR(x.score, y.score, tolerance);
        EXPECT_NEAR(x.points, y.points, tolerance);
        EXPECT_NEAR(x.max_points, y.max_points, tolerance);
        EXPECT_TRUE(x.pass == y.pass);
        EXPECT_TRUE(near_optional(x.gap, y.gap, tolerance));
        EXPECT_TRUE(near_optional(x.relative_gap, y.relative_gap, tolerance));
        EXPECT_EQ(x.meets_improvement, y.meets_improvement);
        EXPECT_NEAR(x.obstacle, y.obstacle, tolerance);
    }
    ASSERT_EQ(a.categories.size(), b.categories.size());
    for (std::size_t i = 0; i < a.categories.size(); ++i) {
        const auto& x = a.categories[i];
        const auto& y = b.categories[i];
        SCOPED_TRACE("category " + x.id);
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.depth, y.depth);
        EXPECT_NEAR(x.score, y.score, tolerance);
        EXPECT_NEAR(x.points, y.points, tolerance);
        EXPECT_NEAR(x.max_points, y.max_points, tolerance);
        EXPECT_EQ(x.met, y.met);
        EXPECT_EQ(x.assessed, y.assessed);
        EXPECT_EQ(x.indicators, y.indicators);
    }
}

/// The message of the ParseError that `parse(text, file)` throws, checked for its file and
/// location; "" (and a test failure) when it throws nothing or something else.
template <class Parse>
std::string parse_error_at(Parse parse, const std::string& text, const std::string& file, const std::string& location) {
    try {
        parse(text, file);
    } catch (const ParseError& e) {
        EXPECT_EQ(e.file(), file);
        EXPECT_EQ(e.location(), location) << e.what();
        return e.what();
    } catch (const std::exception& e) {
        ADD_FAILURE() << "expected civitas::ParseError at " << location << ", got: " << e.what();
        return "";
    }
    ADD_FAILURE() << "expected civitas::ParseError at " << location << ", nothing was thrown";
    return "";
}

/// The whole message, in Chinese, of the civitas::Error that `make` throws ("" and a failure when none).
template <class F>
std::string chinese_error(F&& make) {
    try {
        make();
    } catch (const Error& e) {
        return e.message(Language::zh);
    }
    ADD_FAILURE() << "expected a civitas::Error, nothing was thrown";
    return "";
}

}  // namespace civitas::test

namespace civitas {
// Readable names in gtest failure messages.
inline void PrintTo(Decision d, std::ostream* os) { *os << to_string(d); }
inline void PrintTo(Outcome o, std::ostream* os) { *os << to_string(o); }
}  // namespace civitas
