// Round-scheme files (civitas-round-scheme/1) and the bundled round schemes: the civilized city's
// scheme as data, equal to the one the library built in C++ before; what a file's faults say, in
// English and Chinese; the "round_scheme" a framework names.
//
// The bundled data comes from CIVITAS_DATA_DIR (set by ctest to data/).

#include "support.hpp"

#include <civitas/io/bundled_data.hpp>
#include <civitas/io/framework_io.hpp>
#include <civitas/io/round_scheme_io.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace civitas {
namespace {

using test::chinese_error;
using test::mentions_all_and_any;
using test::parse_error_at;
using test::TempFolder;

// The scheme civilized_city_scheme() built in C++ (src/tracking/assessment.cpp) before it became
// data/round-schemes/civilized-city-2018.json, value for value. Its figures are the Central
// Civilization Office's for the 2018-2020 cycle, docs/sources.md#national-civilized-city: each
// annual test 40 + 40 + 20 points [V], the cycle total 15% / 25% / 60% [V], the negative list
// below 80 and below 70 (suspension for a year), falsified materials criticised [S].
RoundScheme scheme_the_library_built() {
    RoundScheme s;
    s.id = "civilized-city-2018";
    s.name = "全国文明城市年度测评（2018—2020年创建周期）";
    s.parts = {{"document_review", "网上材料审核", AssessmentMode::document_review, 40.0},
               {"field_inspection", "实地暗访考察", AssessmentMode::field_inspection, 40.0},
               {"questionnaire", "入户问卷调查", AssessmentMode::questionnaire, 20.0}};
    s.year_weights = {0.15, 0.25, 0.60};
    s.consequences = {{"public_criticism", "通报批评", 80.0, "", std::nullopt},
                      {"suspension", "暂停资格", 70.0, "", 12},
                      {"public_criticism", "通报批评", std::nullopt, "falsified_materials", std::nullopt}};
    s.source = "Central Civilization Office (中央文明办), annual test of the 2018-2020 cycle, as recorded in docs/sources.md#national-civilized-city [V]: "
               "document review 40 + field inspection 40 + questionnaire 20; cycle total 15% / 25% / 60%; negative list "
               "below 80 public criticism, below 70 qualification suspended for one year, falsified materials public criticism.";
    return s;
}

// A framework file of one indicator whose "round_scheme" is `scheme` (JSON text).
std::string framework_naming(const std::string& scheme) {
    return R"({"format": "civitas-framework/1", "id": "x", "name": "x", "reliability": "illustrative",
               "indicators": [{"id": "a", "pass": 1}], "round_scheme": )" +
           scheme + "}";
}

// The parsers as parse_error_at calls them.
const auto read_scheme = [](const std::string& text, const std::string& file) { (void)parse_round_scheme(text, file); };
const auto read_framework = [](const std::string& text, const std::string& file) { (void)parse_framework(text, file); };

void write(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

// ---------------------------------------------------------------------------------------------
// The bundled schemes

TEST(BundledRoundSchemes, TheCivilizedCitySchemeIsTheOneTheLibraryBuilt) {
    const RoundScheme loaded = load_bundled_round_scheme("civilized-city-2018");
    EXPECT_EQ(loaded, scheme_the_library_built());
    EXPECT_EQ(loaded.full_points(), 100.0);
    EXPECT_NO_THROW(validate(loaded));
}

TEST(BundledRoundSchemes, AreFoundByIdAndNamedByIt) {
    const auto ids = bundled_round_scheme_ids();
    EXPECT_NE(std::find(ids.begin(), ids.end(), "civilized-city-2018"), ids.end());
    EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
    const std::filesystem::path path = bundled_round_scheme_path("civilized-city-2018");
    EXPECT_EQ(path.filename(), "civilized-city-2018.json");
    EXPECT_EQ(path.parent_path().filename(), "round-schemes");
    for (const std::string& id : ids) EXPECT_EQ(load_bundled_round_scheme(id).id, id) << "the file name and the scheme id differ";
}

TEST(BundledRoundSchemes, AnUnknownIdListsTheKnownOnes) {
    try {
        (void)load_bundled_round_scheme("garden");
        ADD_FAILURE() << "expected NotFoundError";
    } catch (const NotFoundError& e) {
        EXPECT_TRUE(mentions_all_and_any(e.what(), {"no bundled round scheme 'garden'; expected one of:", "civilized-city-2018"}));
        EXPECT_TRUE(mentions_all_and_any(e.message(Language::zh), {"没有内置计分方案 'garden'；应为以下之一:", "civilized-city-2018"}));
    }
    EXPECT_EQ(chinese_error([] { (void)bundled_round_scheme_path("../secrets"); }),
              "'../secrets' 不是内置计分方案的 id；应为名称，如 'civilized-city-2018'");
}

// ---------------------------------------------------------------------------------------------
// Round-scheme files

TEST(RoundSchemeFiles, WrittenAndReadBackEqual) {
    const RoundScheme s = scheme_the_library_built();
    const std::string text = round_scheme_to_json(s);
    EXPECT_EQ(text.rfind("{\n  \"format\": \"civitas-round-scheme/1\",\n  \"id\": \"civilized-city-2018\",", 0), 0U) << text;
    EXPECT_EQ(parse_round_scheme(text), s);

    RoundScheme small;
    small.parts = {{"all", "", AssessmentMode::unspecified, 10.0}};
    small.first_year = 2025;
    EXPECT_EQ(parse_round_scheme(round_scheme_to_json(small)), small);

    TempFolder folder;
    write(folder.path() / "scheme.json", text);
    EXPECT_EQ(load_round_scheme(folder.path() / "scheme.json"), s);
}

TEST(RoundSchemeFiles, FaultsNameTheFileThePathTheValueAndWhatWasExpected) {
    const std::string good = round_scheme_to_json(scheme_the_library_built());
    const auto with = [&](const std::string& from, const std::string& to) {
        std::string text = good;
        const std::size_t at = text.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        return at == std::string::npos ? text : text.replace(at, from.size(), to);
    };
    EXPECT_EQ(parse_error_at(read_scheme, with("\"full_points\": 40.0", "\"full_points\": \"40\""), "s.json", "$.parts[0].full_points"),
              "s.json: $.parts[0].full_points: \"40\" is not a number; expected a number");
    EXPECT_EQ(parse_error_at(read_scheme, with("civitas-round-scheme/1", "civitas-round-scheme/2"), "s.json", "$.format"),
              "s.json: $.format: \"civitas-round-scheme/2\" is not a format this version reads; expected \"civitas-round-scheme/1\"");
    EXPECT_EQ(parse_error_at(read_scheme, with("0.6", "0.5"), "s.json", "$.year_weights"),
              "s.json: $.year_weights: the year weights sum to 0.9; expected them to sum to 1");
    EXPECT_TRUE(mentions_all_and_any(parse_error_at(read_scheme, with("\"months\"", "\"weeks\""), "s.json", "$.consequences[1].weeks"),
                                     {"unknown key 'weeks'", "months"}));

    EXPECT_EQ(chinese_error([&] { (void)parse_round_scheme(with("\"full_points\": 40.0", "\"full_points\": \"40\""), "s.json"); }),
              "s.json: $.parts[0].full_points: \"40\" 不是数字；应为数字");
    EXPECT_EQ(chinese_error([&] { (void)parse_round_scheme(with("0.6", "0.5"), "s.json"); }),
              "s.json: $.year_weights: 各年权重合计为 0.9；合计应为 1");
}

TEST(RoundSchemeFiles, AFaultInABundledFileIsReportedInThatFile) {
    TempFolder folder;
    const std::filesystem::path file = folder.path() / "round-schemes" / "broken-test-scheme.json";
    write(file, R"({"format": "civitas-round-scheme/1", "id": "broken-test-scheme",
                    "parts": [{"id": "all", "full_points": 10}, {"id": "more", "full_points": -5}]})");
    add_data_directory(folder.path());
    try {
        (void)load_bundled_round_scheme("broken-test-scheme");
        ADD_FAILURE() << "expected ParseError";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.file(), file.string());
        EXPECT_EQ(e.location(), "$.parts[1].full_points");
        EXPECT_TRUE(mentions_all_and_any(e.what(), {"-5", "full points > 0"}));
        EXPECT_TRUE(mentions_all_and_any(e.message(Language::zh), {"-5", "满分应 > 0"}));
    }
    // A framework naming it: the fault is still the scheme file's.
    try {
        (void)parse_framework(framework_naming("\"broken-test-scheme\""), "f.json");
        ADD_FAILURE() << "expected ParseError";
    } catch (const ParseError& e) {
        EXPECT_EQ(e.file(), file.string());
        EXPECT_EQ(e.location(), "$.parts[1].full_points");
    }
}

// ---------------------------------------------------------------------------------------------
// A framework's round scheme

TEST(FrameworkRoundScheme, TheCivilizedCityFrameworkNamesItsScheme) {
    const Framework framework = load_bundled_framework("civilized-city-annual-2018");
    ASSERT_TRUE(framework.spec().round_scheme.has_value());
    const RoundScheme& scheme = *framework.spec().round_scheme;
    EXPECT_EQ(scheme, load_bundled_round_scheme("civilized-city-2018"));
    // Its parts are the framework's indicators, each worth the indicator's points.
    for (const RoundPart& part : scheme.parts) EXPECT_EQ(framework.indicator(part.id).weight, part.full_points) << part.id;
    // Written back by its id, and read back equal.
    const std::string text = framework_to_json(framework);
    EXPECT_NE(text.find("\"round_scheme\": \"civilized-city-2018\""), std::string::npos);
    EXPECT_EQ(parse_framework(text), framework);
    EXPECT_FALSE(load_bundled_framework("garden-city-2010").spec().round_scheme.has_value());
}

TEST(FrameworkRoundScheme, AnUnknownSchemeIsAParseErrorAtItsPath) {
    const std::string text = framework_naming("\"garden-2016\"");
    EXPECT_TRUE(mentions_all_and_any(parse_error_at(read_framework, text, "f.json", "$.round_scheme"),
                                     {"f.json: $.round_scheme: no bundled round scheme 'garden-2016'; expected one of:", "civilized-city-2018"}));
    EXPECT_TRUE(mentions_all_and_any(chinese_error([&] { (void)parse_framework(text, "f.json"); }),
                                     {"f.json: $.round_scheme: 没有内置计分方案 'garden-2016'；应为以下之一:", "civilized-city-2018"}));
    EXPECT_EQ(parse_error_at(read_framework, framework_naming("3"), "f.json", "$.round_scheme"),
              "f.json: $.round_scheme: 3 is not an object; expected an object");
}

TEST(FrameworkRoundScheme, OneWrittenInPlaceStaysInPlace) {
    const Framework framework = parse_framework(framework_naming(R"({"parts": [{"id": "all", "full_points": 10}]})"));
    ASSERT_TRUE(framework.spec().round_scheme.has_value());
    EXPECT_EQ(framework.spec().round_scheme->full_points(), 10.0);
    const std::string text = framework_to_json(framework);
    EXPECT_NE(text.find("\"round_scheme\": {"), std::string::npos) << text;
    EXPECT_EQ(parse_framework(text), framework);
    // The bundled scheme changed is no longer the bundled one: written in place.
    FrameworkSpec spec = load_bundled_framework("civilized-city-annual-2018").spec();
    spec.round_scheme->year_weights = {0.5, 0.5};
    const std::string changed = framework_to_json(Framework(spec));
    EXPECT_NE(changed.find("\"round_scheme\": {"), std::string::npos);
    EXPECT_EQ(parse_framework(changed).spec().round_scheme, spec.round_scheme);

    EXPECT_TRUE(mentions_all_and_any(parse_error_at(read_framework, framework_naming(R"({"parts": [{"id": "all", "full_points": -1}]})"),
                                                    "f.json", "$.round_scheme.parts[0].full_points"),
                                     {"-1", "full points > 0"}));
    spec.round_scheme->year_weights = {0.5, 0.4};
    EXPECT_TRUE(mentions_all_and_any(test::validation_message([&] { (void)Framework(spec); }, "$.round_scheme.year_weights"), {"0.9"}));
}

}  // namespace
}  // namespace civitas
