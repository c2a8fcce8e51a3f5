// The host's locale never changes a result (issue 11). A Java or Python host may call setlocale
// or std::locale::global; civitas then still writes "7.93", never "7,93" or "1.234" for 1234, and
// reads "38.5", never "38,5". Every output is made under the "C" locale, then again under
// de_DE.UTF-8 (decimal comma, '.' between thousands) and ps_AF.UTF-8 (a two-byte decimal point,
// "٫"), and compared byte for byte. Its own program: it changes the process's locale.
//
// The locales come from the system when installed, else localedef compiles them (no root
// needed) into the build folder and LOCPATH points there; that needs the locale sources of
// Debian's `locales` package (scripts/install-deps.sh). Without them the tests skip, and fail
// when the CI variable is set.

#include <civitas/civitas.hpp>

#include <cli.hpp>

#include <gtest/gtest.h>

#include <unistd.h>

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <locale>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

// Under LeakSanitizer: glibc 2.36's newlocale never frees the search list it builds from LOCPATH
// (newlocale.c:111, __argz_add_sep), which these tests set when the system lacks a locale.
extern "C" __attribute__((visibility("default"))) const char* __lsan_default_suppressions() { return "leak:__argz_add_sep\n"; }

namespace civitas {
namespace {

namespace fs = std::filesystem;

const fs::path repo = CIVITAS_REPO_DIR;

// ---- the locales ------------------------------------------------------------------------------

// True when both the C library and the C++ library can load `name`; the locale stays "C".
bool loads(const std::string& name) {
    const bool c_library = std::setlocale(LC_ALL, name.c_str()) != nullptr;
    std::setlocale(LC_ALL, "C");
    if (!c_library) return false;
    try {
        (void)std::locale(name);
    } catch (const std::runtime_error&) {
        return false;
    }
    return true;
}

// Compiles `name` ("de_DE.UTF-8") with localedef into CIVITAS_LOCALE_DIR unless it is there. It
// is written to a folder of this process's own, then renamed: programs running at once never
// see half a locale.
void compile_locale(const std::string& name) {
    const fs::path folder = CIVITAS_LOCALE_DIR;
    if (fs::exists(folder / name / "LC_NUMERIC")) return;
    fs::create_directories(folder);
    const fs::path scratch = folder / (name + ".part-" + std::to_string(::getpid()));
    const std::string source = name.substr(0, name.find('.'));
    const std::string command = "localedef -i " + source + " -f UTF-8 '" + scratch.string() + "' >/dev/null 2>&1";
    (void)std::system(command.c_str());  // exits 1 on mere warnings; the files tell
    std::error_code ignored;
    if (fs::exists(scratch / "LC_NUMERIC")) fs::rename(scratch, folder / name, ignored);
    fs::remove_all(scratch, ignored);
}

const std::vector<std::string> host_locales = {"de_DE.UTF-8", "ps_AF.UTF-8"};

// Whether `name`, one of host_locales, can be set. All come from the system, or all from
// CIVITAS_LOCALE_DIR: with LOCPATH set glibc no longer looks in the system's locale archive, and
// it remembers a failed look-up for the rest of the process (so each is compiled before it is
// looked up there).
bool locale_ready(const std::string& name) {
    static const std::map<std::string, bool> ready = [] {
        std::map<std::string, bool> result;
        bool all = true;
        for (const std::string& locale : host_locales) all = (result[locale] = loads(locale)) && all;
        if (all) return result;
        for (const std::string& locale : host_locales) compile_locale(locale);
        ::setenv("LOCPATH", CIVITAS_LOCALE_DIR, 1);  // setlocale and std::locale read it on each call
        for (const std::string& locale : host_locales) result[locale] = loads(locale);
        return result;
    }();
    return ready.at(name);
}

// Why a test cannot run: a failure under CI, where the locale must be made, else a skip.
void missing_locale(const std::string& name) {
    const std::string why = name + " cannot be loaded or compiled with localedef (install Debian's `locales`: scripts/install-deps.sh)";
    if (std::getenv("CI") != nullptr) {
        ADD_FAILURE() << why;
    } else {
        GTEST_SKIP() << why;
    }
}

// The host sets `name` in the C library and as the C++ global locale, for the object's life.
class HostLocale {
public:
    explicit HostLocale(const std::string& name) {
        EXPECT_NE(std::setlocale(LC_ALL, name.c_str()), nullptr) << name;
        std::locale::global(std::locale(name));
    }
    ~HostLocale() {
        std::locale::global(std::locale::classic());
        std::setlocale(LC_ALL, "C");
    }
    HostLocale(const HostLocale&) = delete;
    HostLocale& operator=(const HostLocale&) = delete;
};

// ---- every output -------------------------------------------------------------------------------

using Outputs = std::vector<std::pair<std::string, std::string>>;  // (what, bytes)

// `civitas ARGS...` through cli::run into streams made now (in the host's locale, as a host's
// own streams would be): the exit code, stdout and stderr.
std::string cli(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    const int code = cli::run(args, out, err);
    return "exit " + std::to_string(code) + "\n" + out.str() + "\n---\n" + err.str();
}

// Units x criteria with decimals and thousands, for rankings and their uncertainty.
Eigen::MatrixXd criteria_matrix(double shift) {
    Eigen::MatrixXd x(9, 4);
    for (Eigen::Index i = 0; i < x.rows(); ++i)
        for (Eigen::Index j = 0; j < x.cols(); ++j)
            x(i, j) = 1000.0 * static_cast<double>(j + 1) + 37.25 * static_cast<double>((i * (j + 3)) % 7) + 0.125 * static_cast<double>(i) + shift;
    return x;
}

Outputs every_output() {
    Outputs out;
    const auto add = [&out](std::string what, std::string bytes) { out.emplace_back(std::move(what), std::move(bytes)); };

    // The Lanzhou example's report as of 2025-12-31, every format in both languages (the
    // campaign is read in the locale too: its framework, plan and observation files).
    const fs::path campaign_file = repo / "examples" / "lanzhou" / "campaign.json";
    const Campaign campaign = load_campaign(campaign_file);
    const Date as_of = parse_date("2025-12-31", "as_of");
    for (const Language language : {Language::zh, Language::en}) {
        ReportOptions options;
        options.language = language;
        const Report report = build_report(campaign, as_of, options);
        for (const ReportFormat format : {ReportFormat::text, ReportFormat::markdown, ReportFormat::html, ReportFormat::json})
            add(std::string("report ") + to_string(language) + " " + to_string(format), render(report, format));
        add(std::string("to_string(Report) ") + to_string(language), to_string(report));
    }
    add("campaign_to_json", campaign_to_json(campaign));
    add("plan_to_json", plan_to_json(*campaign.plan()));
    add("to_string(Campaign)", to_string(campaign));

    // The command line: civitas score in its three formats, report, list.
    const std::string table = (repo / "examples" / "scoring" / "lanzhou-garden-city.csv").string();
    const std::string classed = (repo / "tests" / "cli" / "data" / "garden.csv").string();
    for (const char* format : {"text", "json", "csv"}) {
        add(std::string("civitas score lanzhou-illustrative --format ") + format,
            cli({"score", "lanzhou-illustrative", table, "--format", format}));
        add(std::string("civitas score garden-city-2010 --class-column class --format ") + format,
            cli({"score", "garden-city-2010", classed, "--class-column", "class", "--format", format}));
    }
    add("civitas score --lang zh", cli({"score", "lanzhou-illustrative", table, "--lang", "zh"}));
    add("civitas report --format json", cli({"report", campaign_file.string(), "--as-of", "2025-12-31", "--format", "json"}));
    add("civitas list", cli({"list"}));

    // Frameworks and evaluations as JSON and text.
    for (const std::string& id : bundled_framework_ids()) add("framework_to_json " + id, framework_to_json(load_bundled_framework(id)));
    const Framework lanzhou = load_bundled_framework("lanzhou-illustrative");
    add("to_string(Framework)", to_string(lanzhou, Language::en) + "\n" + to_string(lanzhou, Language::zh));
    const ValueTable values = load_value_table(table);
    EvaluateOptions evaluate;
    evaluate.nan_as_missing = true;
    const BatchEvaluation batch = evaluate_many(lanzhou, values.values, values.columns, values.units, values.classes, evaluate);
    add("to_string(BatchEvaluation)", to_string(batch));
    for (std::size_t r = 0; r < batch.size(); ++r) {
        const Evaluation e = unit_evaluation(lanzhou, batch, r);
        add("evaluation_to_json " + e.unit, evaluation_to_json(e));
        add("to_string(Evaluation) " + e.unit, to_string(e, Language::en) + "\n" + to_string(e, Language::zh));
    }
    add("to_string(EvaluationChange)", to_string(score_change_attribution(unit_evaluation(lanzhou, batch, 0), unit_evaluation(lanzhou, batch, 1))));

    // Rankings, their uncertainty and the attribution of a change.
    const Eigen::MatrixXd x = criteria_matrix(0), later = criteria_matrix(12.5);
    Eigen::VectorXd w(4);
    w << 0.125, 0.375, 0.3, 0.2;
    add("to_string(VikorResult)", to_string(vikor(x, w, {}, 0.625)));
    const Eigen::VectorXd scores = topsis(x, w);
    add("to_string(Awards)", to_string(award(scores, {AwardTier::places("first", 2), AwardTier::capped("second", 0.35)})));
    add("to_string(TopsisPrepared)", to_string(prepare_topsis(x)));
    UncertaintyOptions uncertainty;
    uncertainty.draws = 1200;  // more than a thousand: digit groups would show
    uncertainty.seed = 7;
    uncertainty.threads = 1;
    uncertainty.methods = {RankingMethod::topsis, RankingMethod::weighted_sum};
    uncertainty.drop_probability = 0.25;
    uncertainty.pass_threshold = 0.4375;
    add("to_string(RankUncertainty)", to_string(rank_uncertainty(x, w, {}, uncertainty)));
    Eigen::MatrixXd r0 = x, r1 = later;
    for (Eigen::Index j = 0; j < x.cols(); ++j) {  // normalised to [0, 1] by the column maxima
        r0.col(j) /= later.col(j).maxCoeff();
        r1.col(j) /= later.col(j).maxCoeff();
    }
    add("to_string(ScoreChangeAttribution)", to_string(score_change_attribution(r0, r1, w)));
    return out;
}

// "" when equal, else where the first difference is and a little of each side.
std::string first_difference(const std::string& expected, const std::string& got) {
    if (expected == got) return "";
    std::size_t at = 0;
    while (at < expected.size() && at < got.size() && expected[at] == got[at]) ++at;
    const std::size_t from = at < 40 ? 0 : at - 40;
    return "byte " + std::to_string(at) + ": expected ..." + expected.substr(from, 80) + "... got ..." + got.substr(from, 80) + "...";
}

class HostLocaleTest : public ::testing::TestWithParam<std::string> {};

TEST_P(HostLocaleTest, EveryOutputIsTheSameBytes) {
    const std::string name = GetParam();
    if (!locale_ready(name)) return missing_locale(name);
    const Outputs plain = every_output();
    {
        // The outputs hold numbers the locale would change.
        std::map<std::string, std::string> by_name(plain.begin(), plain.end());
        EXPECT_NE(by_name.at("report en text").find("Score: 79.3"), std::string::npos);
        EXPECT_NE(by_name.at("report en text").find("SPI: 0.86"), std::string::npos);
        EXPECT_NE(by_name.at("to_string(RankUncertainty)").find("1200 draws"), std::string::npos);
    }
    Outputs hosted;
    {
        const HostLocale host(name);
        // The host's locale is in effect: the C library and new C++ streams write numbers its way.
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.1f", 79.3);
        EXPECT_NE(std::string(buffer), "79.3");
        std::ostringstream stream;
        stream << 1234567;
        EXPECT_NE(stream.str(), "1234567");
        hosted = every_output();
    }
    ASSERT_EQ(hosted.size(), plain.size());
    for (std::size_t k = 0; k < plain.size(); ++k) {
        ASSERT_EQ(hosted[k].first, plain[k].first);
        EXPECT_EQ(first_difference(plain[k].second, hosted[k].second), "") << plain[k].first << " under " << name;
    }
}

// ---- reading -------------------------------------------------------------------------------------

TEST_P(HostLocaleTest, ValueTablesReadAPointAndRefuseAComma) {
    const std::string name = GetParam();
    if (!locale_ready(name)) return missing_locale(name);
    const HostLocale host(name);
    const ValueTable t = parse_value_table("unit,green\nx,38.5\ny,1e3\n", "values.csv");
    EXPECT_EQ(t.values(0, 0), 38.5);
    EXPECT_EQ(t.values(1, 0), 1000.0);
    try {
        (void)parse_value_table("unit,green\nx,\"38,5\"\n", "values.csv");
        ADD_FAILURE() << "\"38,5\" was read under " << name;
    } catch (const ParseError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "values.csv: line 2, column 2: '38,5' in column 'green' is not a number; expected a number, yes/no, or an empty cell for missing data");
    }
}

TEST_P(HostLocaleTest, ObservationFilesReadAPointAndRefuseAComma) {
    const std::string name = GetParam();
    if (!locale_ready(name)) return missing_locale(name);
    const HostLocale host(name);
    const ObservationLoad csv = parse_observations_csv("unit,indicator,date,value\nx,g,2025-01-31,38.5\nx,g,2025-02-28,\"38,5\"\n", "o.csv");
    ASSERT_EQ(csv.store.size(), 1u);
    EXPECT_EQ(csv.store.at(0).value, 38.5);
    ASSERT_EQ(csv.rejected.size(), 1u);
    EXPECT_EQ(to_string(csv.rejected[0]), "line 3, column 4: '38,5' is not a number; expected a number");
    const ObservationLoad json = parse_observations_json(
        R"({"format": "civitas-observations/1", "observations": [{"unit": "x", "indicator": "g", "date": "2025-01-31", "value": 38.5}]})");
    ASSERT_EQ(json.store.size(), 1u);
    EXPECT_EQ(json.store.at(0).value, 38.5);
}

TEST_P(HostLocaleTest, FrameworkFilesReadAPoint) {
    const std::string name = GetParam();
    if (!locale_ready(name)) return missing_locale(name);
    const std::string text = R"({"id": "f", "name": "f", "reliability": "illustrative",
        "indicators": [{"id": "green", "name": "green", "pass": 36.5, "weight": 0.25},
                       {"id": "aqi", "name": "aqi", "direction": "lower", "pass": 1e2, "weight": 0.75}]})";
    const std::string plain = framework_to_json(parse_framework(text));
    const HostLocale host(name);
    const Framework f = parse_framework(text);
    EXPECT_EQ(f.indicator("green").pass->low, 36.5);
    EXPECT_EQ(f.indicator("aqi").pass->high, 100.0);
    EXPECT_EQ(framework_to_json(f), plain);
}

INSTANTIATE_TEST_SUITE_P(Locales, HostLocaleTest, ::testing::ValuesIn(host_locales),
                         [](const ::testing::TestParamInfo<std::string>& locale) { return locale.param.substr(0, locale.param.find('.')); });

}  // namespace
}  // namespace civitas
