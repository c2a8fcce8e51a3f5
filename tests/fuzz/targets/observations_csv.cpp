// parse_observations_csv on any bytes. Laws where it reads: the result does not depend on how
// it is read (small blocks, and for one input in 128 the text grown past the size at which a
// block is split between two threads, read with one thread and with two); the store answers
// its queries, latest() agreeing with latest_matrix().

#include "fuzz_target.hpp"
#include "observations_laws.hpp"

#include <civitas/tracking/observations.hpp>
#include <civitas/io/observations_io.hpp>

#include <algorithm>
#include <functional>
#include <optional>
#include <string>

using namespace civitas;

namespace {

std::optional<ObservationLoad> read(std::string_view text, int threads, std::size_t block_bytes) {
    ObservationReadOptions options;
    options.threads = threads;
    options.block_bytes = block_bytes;
    try {
        return parse_observations_csv(text, "fuzz.csv", options);
    } catch (const civitas::Error&) {
        return std::nullopt;
    }
}

void same(const std::optional<ObservationLoad>& a, const std::optional<ObservationLoad>& b, const std::string& how) {
    if (a.has_value() != b.has_value()) fuzz::fail("observations_csv", "law broken: " + how + ": one read throws, the other does not");
    if (!a) return;
    if (const std::string difference = fuzz::load_difference(*a, *b); !difference.empty())
        fuzz::fail("observations_csv", "law broken: " + how + ": " + difference);
}

}  // namespace

CIVITAS_FUZZ_TARGET(observations_csv) {
    const std::optional<ObservationLoad> load = read(text, 1, ObservationReadOptions{}.block_bytes);
    same(load, read(text, 1, 1), "read in blocks of 4 KiB and whole");

    // Two threads split a block only past 128 KiB: grow the text by repeating what follows its
    // first line, and read it both ways.
    const std::size_t body = text.find('\n');
    if (body != std::string_view::npos && body + 1 < text.size() && std::hash<std::string_view>{}(text) % 128 == 0) {
        std::string grown(text);
        while (grown.size() < (std::size_t{1} << 17) + 4096) grown += text.substr(body + 1);
        same(read(grown, 1, ObservationReadOptions{}.block_bytes), read(grown, 2, ObservationReadOptions{}.block_bytes),
             "read with one thread and with two");
    }

    if (load) fuzz::query("observations_csv", *load);
}
