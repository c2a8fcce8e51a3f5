// Observations and value tables from Arrow streams built by hand: every accepted type reads as
// the same CSV does, other types and malformed streams get a named error (never a crash), and
// the stream, its schema and every batch are released whatever happens.

#include <civitas/io/arrow_io.hpp>
#include <civitas/io/observations_io.hpp>
#include <civitas/io/value_table.hpp>
#include "support.hpp"

#include "io/arrow_streams.hpp"

#include <cmath>

namespace civitas::test {
namespace {

namespace A = arrow;
using Cells = std::vector<std::optional<std::string>>;

// Reads `stream` (checking that everything given was released) into an ObservationLoad.
ObservationLoad observations(A::Stream stream, const ObservationReadOptions& options = {}) {
    ArrowArrayStream s{};
    A::export_stream(std::move(stream), &s);
    ObservationLoad load = read_observations_arrow(&s, "table", options);
    EXPECT_EQ(s.release, nullptr);
    EXPECT_EQ(A::alive.streams, 0);
    EXPECT_EQ(A::alive.schemas, 0);
    EXPECT_EQ(A::alive.arrays, 0);
    return load;
}

// The ParseError reading `stream` throws, at `location`; its English message. Everything given
// is released.
std::string observations_error(A::Stream stream, const std::string& location) {
    ArrowArrayStream s{};
    A::export_stream(std::move(stream), &s);
    std::string message;
    try {
        (void)read_observations_arrow(&s, "table");
        ADD_FAILURE() << "expected an error at " << location;
    } catch (const ParseError& e) {
        EXPECT_EQ(e.file(), "table");
        EXPECT_EQ(e.location(), location) << e.what();
        EXPECT_FALSE(e.message(Language::zh).empty());
        message = e.what();
    }
    EXPECT_EQ(A::alive.streams, 0);
    EXPECT_EQ(A::alive.schemas, 0);
    EXPECT_EQ(A::alive.arrays, 0);
    return message;
}

const std::string csv =
    "unit,indicator,date,value,source,sample_size\n"
    "lanzhou,green,2024-01-01,31.5,survey,400\n"
    "lanzhou,green,2024-03-01,33,,\n"
    "tianshui,water,2024-02-01,0.875,bureau,12\n";

// The CSV above as a table of the plainest types.
std::vector<A::Column> plain_columns() {
    return {A::text("unit", {"lanzhou", "lanzhou", "tianshui"}), A::text("indicator", {"green", "green", "water"}),
            A::fixed<std::int32_t>("date", "tdD", {19723, 19783, 19754}), A::fixed<double>("value", "g", {31.5, 33.0, 0.875}),
            A::text("source", {"survey", std::nullopt, "bureau"}), A::fixed<std::int64_t>("sample_size", "l", {400, std::nullopt, 12})};
}

TEST(ArrowObservations, ReadAsTheSameCsv) {
    const ObservationLoad from_csv = parse_observations_csv(csv);
    const ObservationLoad from_arrow = observations(A::Stream({}, {plain_columns()}));
    EXPECT_TRUE(from_arrow.rejected.empty());
    EXPECT_EQ(from_arrow.store.size(), 3u);
    EXPECT_EQ(from_arrow.store, from_csv.store);
    EXPECT_EQ(from_arrow.store.at(0).sample_size, 400);
    EXPECT_EQ(to_iso(from_arrow.store.at(1).date), "2024-03-01");
}

TEST(ArrowObservations, EveryAcceptedTypeReadsTheSame) {
    const ObservationLoad from_csv = parse_observations_csv(csv);
    const std::int64_t day = 86'400;
    std::vector<A::Column> columns = {
        A::dictionary<std::int8_t>("unit", "c", {1, 1, 0}, {"tianshui", "lanzhou"}),
        A::views("indicator", {"green", "green", "water"}),
        A::fixed<std::int64_t>("date", "tsn:", {19723 * day * 1'000'000'000, 19783 * day * 1'000'000'000, 19754 * day * 1'000'000'000}),
        A::fixed<float>("value", "f", {31.5f, 33.0f, 0.875f}),
        A::text("source", {"survey", std::nullopt, "bureau"}, true),
        A::text("sample_size", {"400", "", "12"})};
    EXPECT_EQ(observations(A::Stream({}, {columns})).store, from_csv.store);
    // Dates as date64 and as text, values as integers where they are whole, ids over two batches.
    std::vector<A::Column> first = {A::text("unit", {"lanzhou", "lanzhou"}), A::text("indicator", {"green", "green"}),
                                    A::fixed<std::int64_t>("date", "tdm", {19723 * day * 1000, 19783 * day * 1000}),
                                    A::fixed<double>("value", "g", {31.5, 33}), A::text("source", {"survey", std::nullopt}),
                                    A::fixed<std::uint16_t>("sample_size", "S", {400, std::nullopt})};
    std::vector<A::Column> second = {A::text("unit", {"tianshui"}), A::text("indicator", {"water"}),
                                     A::fixed<std::int64_t>("date", "tdm", {19754 * day * 1000}), A::fixed<double>("value", "g", {0.875}),
                                     A::text("source", {"bureau"}), A::fixed<std::uint16_t>("sample_size", "S", {12})};
    EXPECT_EQ(observations(A::Stream({}, {first, second})).store, from_csv.store);
    std::vector<A::Column> text_dates = plain_columns();
    text_dates[2] = A::text("date", {"2024-01-01", " 2024-03-01 ", "2024-02-01"});
    EXPECT_EQ(observations(A::Stream({}, {text_dates})).store, from_csv.store);
}

TEST(ArrowObservations, BadRowsAreRejectedAsInCsvWithTheirRow) {
    // The same bad cells in CSV and in a table: the same reasons; the table names column[row].
    const std::string bad_csv =
        "unit,indicator,date,value,recorded\n"
        "a,x,2024-01-01,1,\n"
        ",x,2024-01-01,1,\n"
        "a,x,2024-13-01,1,\n"
        "a,x,2024-01-01,,\n"
        "a,x,2024-01-05,1,2024-01-02\n";
    const ObservationLoad from_csv = parse_observations_csv(bad_csv);
    std::vector<A::Column> first = {A::text("unit", {"a", std::nullopt}), A::text("indicator", {"x", "x"}),
                                    A::text("date", {"2024-01-01", "2024-01-01"}), A::fixed<double>("value", "g", {1, 1}),
                                    A::fixed<std::int32_t>("recorded", "tdD", {std::nullopt, std::nullopt})};
    std::vector<A::Column> second = {A::text("unit", {"a", "a", "a"}), A::text("indicator", {"x", "x", "x"}),
                                     A::text("date", {"2024-13-01", "2024-01-01", "2024-01-05"}),
                                     A::fixed<double>("value", "g", {1, std::nullopt, 1}),
                                     A::fixed<std::int32_t>("recorded", "tdD", {std::nullopt, std::nullopt, 19724})};
    const ObservationLoad from_arrow = observations(A::Stream({}, {first, second}));
    EXPECT_EQ(from_arrow.store, from_csv.store);
    ASSERT_EQ(from_arrow.rejected.size(), 4u);
    ASSERT_EQ(from_csv.rejected.size(), 4u);
    const std::vector<std::string> paths = {"unit[1]", "date[2]", "value[3]", "recorded[4]"};
    for (std::size_t k = 0; k < 4; ++k) {
        EXPECT_EQ(from_arrow.rejected[k].path, paths[k]);
        EXPECT_EQ(from_arrow.rejected[k].message.text(Language::en), from_csv.rejected[k].message.text(Language::en));
        EXPECT_EQ(from_arrow.rejected[k].message.text(Language::zh), from_csv.rejected[k].message.text(Language::zh));
    }
    EXPECT_EQ(to_string(from_arrow.rejected[2]), "value[3]: empty value; expected a number");
}

TEST(ArrowObservations, IdsThatAreNotCleanUtf8AreRejected) {
    // A producer may hand any bytes as utf8: a cut character and a terminal escape are named, the
    // rows left out, the clean one kept.
    std::vector<A::Column> columns = plain_columns();
    columns[0] = A::text("unit", {"lanzhou", "lan\xE5\x85", "\x1B[2Jtianshui"});
    const ObservationLoad load = observations(A::Stream({}, {columns}));
    EXPECT_EQ(load.store.size(), 1u);
    ASSERT_EQ(load.rejected.size(), 2u);
    EXPECT_EQ(load.rejected[0].path, "unit[1]");
    EXPECT_NE(load.rejected[0].message.text(Language::en).find("UTF-8 character cut short"), std::string::npos);
    EXPECT_NE(load.rejected[0].message.text(Language::zh).find("UTF-8 字符不完整"), std::string::npos);
    EXPECT_EQ(load.rejected[1].path, "unit[2]");
    EXPECT_NE(load.rejected[1].message.text(Language::en).find("control character"), std::string::npos);
}

TEST(ArrowObservations, TheSameWithOneThreadOrThree) {
    // Batches with bad rows, new and repeated ids, split between threads: the same store and the
    // same rejected rows, in order.
    const auto batches = [] {
        std::vector<std::vector<A::Column>> out;
        for (int b = 0; b < 7; ++b) {
            const std::string n = std::to_string(b);
            out.push_back({A::text("unit", {"u" + n, "u0", std::nullopt}), A::dictionary<std::int8_t>("indicator", "c", {0, 1, 0}, {"x", "y" + n}),
                           A::fixed<std::int32_t>("date", "tdD", {19723 + b, 19724, 19725}), A::fixed<double>("value", "g", {1.0 * b, std::nan(""), 3})});
        }
        return out;
    };
    ObservationReadOptions one, three;
    one.threads = 1;
    three.threads = 3;
    const ObservationLoad a = observations(A::Stream({}, batches()), one), b = observations(A::Stream({}, batches()), three);
    EXPECT_EQ(a.store.size(), 7u);
    EXPECT_EQ(a.store, b.store);
    EXPECT_EQ(a.store.units(), b.store.units());
    EXPECT_EQ(a.store.indicators(), b.store.indicators());
    ASSERT_EQ(a.rejected.size(), 14u);
    EXPECT_EQ(a.rejected, b.rejected);
    EXPECT_EQ(a.rejected[13].path, "unit[20]");
}

TEST(ArrowObservations, TypedCellsOutOfRangeAreRejected) {
    std::vector<A::Column> columns = {A::text("unit", {"a", "a", "a", "a"}), A::text("indicator", {"x", "x", "x", "x"}),
                                      A::fixed<std::int64_t>("date", "tss:", {0, 3600, 0, -400000LL * 86400}),
                                      A::fixed<double>("value", "g", {std::nan(""), 1, 1, 1}),
                                      A::fixed<std::int64_t>("sample_size", "l", {std::nullopt, std::nullopt, 0, std::nullopt})};
    const ObservationLoad load = observations(A::Stream({}, {columns}));
    EXPECT_EQ(load.store.size(), 0u);
    ASSERT_EQ(load.rejected.size(), 4u);
    EXPECT_EQ(to_string(load.rejected[0]), "value[0]: 'nan' is not a finite number; expected a number");
    EXPECT_EQ(to_string(load.rejected[1]), "date[1]: '1970-01-01' has a time of day (01:00:00); expected a date (a timestamp at midnight)");
    EXPECT_EQ(to_string(load.rejected[2]), "sample_size[2]: '0' is not a sample size; expected a whole number from 1 to 2147483647");
    EXPECT_NE(to_string(load.rejected[3]).find("out of the range of dates"), std::string::npos) << to_string(load.rejected[3]);
}

TEST(ArrowObservations, ColumnsOfOtherTypesAreNamed) {
    std::vector<A::Column> columns = plain_columns();
    columns[0] = A::fixed<double>("unit", "g", {1, 2, 3});
    EXPECT_EQ(observations_error(A::Stream({}, {columns}), "column 'unit'"),
              "table: column 'unit': Arrow type double; expected text (string, large_string, string_view or dictionary-encoded text)");
    columns = plain_columns();
    columns[2] = A::fixed<std::int64_t>("date", "tsu:Asia/Shanghai", {0, 0, 0});
    EXPECT_NE(observations_error(A::Stream({}, {columns}), "column 'date'").find("Arrow type timestamp[us, tz=Asia/Shanghai]; expected date32"),
              std::string::npos);
    columns = plain_columns();
    columns[3] = A::fixed<std::uint8_t>("value", "b", {1, 0, 1});
    EXPECT_NE(observations_error(A::Stream({}, {columns}), "column 'value'").find("Arrow type bool; expected a number"), std::string::npos);
    columns = plain_columns();
    columns[5] = A::fixed<double>("sample_size", "g", {1, 2, 3});
    EXPECT_NE(observations_error(A::Stream({}, {columns}), "column 'sample_size'").find("Arrow type double; expected a whole number"), std::string::npos);
    columns = plain_columns();
    columns[1] = A::dictionary<std::int32_t>("indicator", "i", {0, 0, 0}, {"x"});
    columns[1].dictionary->format = "i";
    EXPECT_NE(observations_error(A::Stream({}, {columns}), "column 'indicator'").find("Arrow type dictionary<values=int32, indices=int32>"), std::string::npos);
    columns = plain_columns();
    columns[4].format = "+l";
    EXPECT_NE(observations_error(A::Stream({}, {columns}), "column 'source'").find("Arrow type format '+l'"), std::string::npos);
}

TEST(ArrowObservations, ColumnsAreCheckedAsACsvHeader) {
    std::vector<A::Column> columns = plain_columns();
    columns[4].name = "sauce";
    EXPECT_EQ(observations_error(A::Stream({}, {columns}), "column 'sauce'"),
              "table: column 'sauce': unknown column 'sauce' (column 5); expected unit, indicator, date and value, and optionally source, mode, "
              "sample_size or recorded");
    columns = plain_columns();
    columns.erase(columns.begin() + 3);
    EXPECT_NE(observations_error(A::Stream({}, {columns}), "the columns").find("missing column 'value'"), std::string::npos);
}

TEST(ArrowObservations, LimitsHold) {
    ObservationReadOptions options;
    options.limits.rows = 2;
    ArrowArrayStream s{};
    A::export_stream(A::Stream({}, {plain_columns()}), &s);
    EXPECT_THROW((void)read_observations_arrow(&s, "table", options), LimitError);
    EXPECT_EQ(A::alive.arrays + A::alive.schemas + A::alive.streams, 0);
}

// ---- hostile streams --------------------------------------------------------------------------

TEST(ArrowHostile, ProducerErrorsAreReportedWithTheirMessage) {
    A::Stream failing{{}, {plain_columns(), plain_columns()}};
    failing.fail_at = 1;
    EXPECT_EQ(observations_error(failing, ""), "table: the stream's get_next failed (error 5): disk on fire");
    A::Stream no_schema{{}, {plain_columns()}};
    no_schema.fail_schema = EINVAL;
    EXPECT_NE(observations_error(no_schema, "").find("get_schema failed"), std::string::npos);
}

TEST(ArrowHostile, NullOrReleasedStreamsAreRefused) {
    EXPECT_THROW((void)read_observations_arrow(nullptr), ParseError);
    ArrowArrayStream released{};
    EXPECT_THROW((void)read_observations_arrow(&released), ParseError);
}

TEST(ArrowHostile, MalformedBatchesGetAnErrorNeverACrash) {
    struct Case {
        const char* what;
        void (*spoil)(std::vector<A::Column>&);
        const char* location;
        const char* says;
    };
    const Case cases[] = {
        {"negative length", [](std::vector<A::Column>& c) { c[3].length = -1; }, "column 'value', batch 1", "negative length"},
        {"negative batch length", [](std::vector<A::Column>& c) { c[0].length = -1; }, "batch 1", "a batch of length -1"},
        {"negative offset", [](std::vector<A::Column>& c) { c[3].offset = -4; }, "column 'value', batch 1", "negative"},
        {"short column", [](std::vector<A::Column>& c) { c[3].length = 2; }, "column 'value', batch 1", "2 rows; expected 3"},
        {"missing data buffer", [](std::vector<A::Column>& c) { c[3].null_buffers = {false, true}; }, "column 'value', batch 1", "missing buffer of values or offsets"},
        {"missing offsets", [](std::vector<A::Column>& c) { c[0].null_buffers = {false, true, false}; }, "column 'unit', batch 1", "missing buffer of values or offsets"},
        {"missing string data", [](std::vector<A::Column>& c) { c[0].null_buffers = {false, false, true}; }, "column 'unit', batch 1", "missing string data"},
        {"too few buffers", [](std::vector<A::Column>& c) { c[0].n_buffers = 2; }, "column 'unit', batch 1", "2 buffers; expected 3"},
        {"children claimed", [](std::vector<A::Column>& c) { c[1].n_children = 1; }, "column 'indicator', batch 1", "1 children"},
        {"decreasing offsets",
         [](std::vector<A::Column>& c) {
             std::int32_t bad = 2;
             std::memcpy(c[1].buffers[1].data() + 8, &bad, 4);
         },
         "column 'indicator', batch 1", "string offsets 5 to 2 at row 1"},
        {"negative offsets",
         [](std::vector<A::Column>& c) {
             std::int32_t bad = -7;
             std::memcpy(c[1].buffers[1].data(), &bad, 4);
         },
         "column 'indicator', batch 1", "string offsets -7 to 5 at row 0"},
        {"dictionary index out of range", [](std::vector<A::Column>& c) { c[0] = A::dictionary<std::int16_t>("unit", "s", {0, 5, 0}, {"a"}); },
         "column 'unit', batch 1", "dictionary index 5 at row 1; expected 0 to 0"},
        {"dictionary missing", [](std::vector<A::Column>& c) { c[0] = A::dictionary<std::int16_t>("unit", "s", {0, 0, 0}, {"a"}); c[0].dictionary->length = -3; },
         "column 'unit', batch 1", "negative length"},
        {"string_view past its buffer",
         [](std::vector<A::Column>& c) {
             c[1] = A::views("indicator", {"a much longer id", "x", "y"});
             std::int32_t offset = 1 << 20;
             std::memcpy(c[1].buffers[1].data() + 12, &offset, 4);
         },
         "column 'indicator', batch 1", "past the buffers given"},
        {"string_view in a buffer not given",
         [](std::vector<A::Column>& c) {
             c[1] = A::views("indicator", {"a much longer id", "x", "y"});
             std::int32_t buffer = 3;
             std::memcpy(c[1].buffers[1].data() + 8, &buffer, 4);
         },
         "column 'indicator', batch 1", "in buffer 3"},
        {"string_view of negative length",
         [](std::vector<A::Column>& c) {
             c[1] = A::views("indicator", {"x", "x", "y"});
             std::int32_t size = -2;
             std::memcpy(c[1].buffers[1].data(), &size, 4);
         },
         "column 'indicator', batch 1", "length -2"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.what);
        std::vector<A::Column> columns = plain_columns();
        c.spoil(columns);
        A::Stream stream({}, {columns});  // the schema the spoiled batch's
        const std::string message = observations_error(stream, c.location);
        EXPECT_NE(message.find(c.says), std::string::npos) << message;
    }
}

TEST(ArrowHostile, BatchAndSchemaThatDisagreeAreRefused) {
    A::Stream more_children{{}, {plain_columns()}};
    more_children.n_children = 7;
    EXPECT_NE(observations_error(more_children, "batch 1").find("expected a record batch of 6 columns"), std::string::npos);
    std::vector<A::Column> five = plain_columns();
    five.pop_back();
    A::Stream fewer{plain_columns(), {five}};  // the schema names six columns; the batch has five
    EXPECT_NE(observations_error(fewer, "batch 1").find("5 columns and 0 null rows; expected a record batch of 6 columns"), std::string::npos);
}

// ---- value tables -----------------------------------------------------------------------------

TEST(ArrowValueTable, ReadsAsTheSameCsv) {
    const ValueTable from_csv = parse_value_table("unit,kind,green,water,open\na,city,1.5,3,yes\nb,county,,7,no\n", "<string>", "kind");
    std::vector<A::Column> columns = {A::views("unit", {"a", "b"}), A::dictionary<std::int32_t>("kind", "i", {0, 1}, {"city", "county"}),
                                      A::fixed<double>("green", "g", {1.5, std::nullopt}), A::fixed<std::int64_t>("water", "l", {3, 7}),
                                      A::fixed<std::uint8_t>("open", "b", {std::nullopt, std::nullopt})};
    columns[4].buffers[1] = {0b01};  // a yes, b no
    columns[4].null_count = 0;
    columns[4].buffers[0] = A::validity_of({true, true});
    ArrowArrayStream s{};
    A::export_stream(A::Stream({}, {columns}), &s);
    const ValueTable table = read_value_table_arrow(&s, "table", "kind");
    EXPECT_EQ(A::alive.arrays + A::alive.schemas + A::alive.streams, 0);
    EXPECT_EQ(table.units, from_csv.units);
    EXPECT_EQ(table.classes, from_csv.classes);
    EXPECT_EQ(table.columns, from_csv.columns);
    ASSERT_EQ(table.values.rows(), 2);
    for (Eigen::Index r = 0; r < 2; ++r)
        for (Eigen::Index c = 0; c < 3; ++c)
            EXPECT_TRUE(table.values(r, c) == from_csv.values(r, c) || (std::isnan(table.values(r, c)) && std::isnan(from_csv.values(r, c)))) << r << "," << c;
}

TEST(ArrowValueTable, BadCellsAndTypesAreNamed) {
    const auto error = [](std::vector<A::Column> columns, const std::string& location) {
        ArrowArrayStream s{};
        A::export_stream(A::Stream({}, {std::move(columns)}), &s);
        std::string message;
        try {
            (void)read_value_table_arrow(&s, "table");
            ADD_FAILURE() << "expected an error";
        } catch (const ParseError& e) {
            EXPECT_EQ(e.location(), location) << e.what();
            message = e.what();
        }
        EXPECT_EQ(A::alive.arrays + A::alive.schemas + A::alive.streams, 0);
        return message;
    };
    EXPECT_EQ(error({A::text("unit", {"a", "a"}), A::fixed<double>("x", "g", {1, 2})}, "column 'unit', row 1"),
              "table: column 'unit', row 1: duplicate unit 'a'; expected each unit once");
    EXPECT_EQ(error({A::text("unit", {"a", "b"}), A::text("x", {"1", "many"})}, "column 'x', row 1"),
              "table: column 'x', row 1: 'many' in column 'x' is not a number; expected a number, yes/no, or an empty cell for missing data");
    EXPECT_EQ(error({A::text("unit", {"a"}), A::fixed<double>("x", "g", {INFINITY})}, "column 'x', row 0"),
              "table: column 'x', row 0: 'inf' in column 'x' is not a finite number; expected a number, yes/no, or an empty cell for missing data");
    EXPECT_NE(error({A::fixed<double>("unit", "g", {1}), A::fixed<double>("x", "g", {1})}, "column 'unit'").find("Arrow type double; expected text"), std::string::npos);
    EXPECT_NE(error({A::text("unit", {"a"}), A::fixed<std::int32_t>("x", "tdD", {1})}, "column 'x'").find("Arrow type date32[day]; expected a number"),
              std::string::npos);
}

}  // namespace
}  // namespace civitas::test
