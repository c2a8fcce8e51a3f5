// Helpers of the fuzz targets that are not the targets' own (see fuzz_target.hpp).

#include "fuzz_target.hpp"

#include <civitas/io/bundled_data.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace civitas::fuzz {

namespace {

bool& avoiding_known() {
    static bool avoid = [] {
        const char* value = std::getenv("CIVITAS_FUZZ_AVOID_KNOWN");
        return value != nullptr && std::string(value) == "1";
    }();
    return avoid;
}

}  // namespace

bool avoid_known() { return avoiding_known(); }

const Framework& scoring_framework() {
    static const Framework framework = load_bundled_framework("lanzhou-illustrative");
    return framework;
}

void set_avoid_known(bool avoid) { avoiding_known() = avoid; }

}  // namespace civitas::fuzz
