// The consumer program of the packaging tests (find-package/ and add-subdirectory/): loads a
// framework from JSON, evaluates one unit and checks the result. Exit code 0 when all is right.
#include <civitas/civitas.hpp>

#include <cmath>
#include <cstdio>
#include <exception>

int main() {
    try {
        const civitas::Framework framework = civitas::parse_framework(
            R"({"id":"t","name":"t","reliability":"illustrative","indicators":[)"
            R"({"id":"a","pass":1},{"id":"b","direction":"lower","pass":2}]})");
        // a meets its line (1 >= 1), b misses it (3 > 2): one of two equal weights.
        const civitas::Evaluation evaluation = framework.evaluate({{"a", 1.0}, {"b", 3.0}});
        if (!evaluation.total) {
            std::fprintf(stderr, "civitas %s: no total\n", civitas::version);
            return 1;
        }
        std::printf("civitas %s: total %g, met %d\n", civitas::version, *evaluation.total, evaluation.met);
        if (std::fabs(*evaluation.total - 50.0) > 1e-9 || evaluation.met != 1) {
            std::fprintf(stderr, "expected total 50 and met 1\n");
            return 1;
        }
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "error: %s\n", error.what());
        return 1;
    }
}
