// The consumer of civitas::methods alone: TOPSIS of three units on two criteria, and an error
// thrown by the methods library and caught here as the core library's type. Exit code 0 when all
// is right.
#include <civitas/core/error.hpp>
#include <civitas/methods/ranking.hpp>
#include <civitas/version.hpp>

#include <Eigen/Core>

#include <cmath>
#include <cstdio>
#include <exception>

int main() {
    try {
        Eigen::MatrixXd x(3, 2);
        x << 1.0, 1.0,  // the ideal on both criteria
            0.0, 0.0,   // the anti-ideal on both
            0.5, 0.5;   // halfway: equally far from both
        const Eigen::Vector2d weights(0.5, 0.5);
        const Eigen::VectorXd closeness = civitas::topsis(x, weights);
        std::printf("civitas %s: TOPSIS %g %g %g\n", civitas::version, closeness[0], closeness[1], closeness[2]);
        if (std::fabs(closeness[0] - 1.0) > 1e-12 || std::fabs(closeness[1]) > 1e-12 ||
            std::fabs(closeness[2] - 0.5) > 1e-12) {
            std::fprintf(stderr, "expected closeness 1, 0 and 0.5\n");
            return 1;
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "error: %s\n", error.what());
        return 1;
    }
    try {
        Eigen::MatrixXd x(2, 2);
        x << 1.0, 2.0, 3.0, 4.0;
        (void)civitas::topsis(x, Eigen::Vector2d(0.9, 0.9));  // weights sum to 1.8
        std::fprintf(stderr, "weights summing to 1.8 were taken\n");
        return 1;
    } catch (const civitas::ValidationError& error) {
        std::printf("ValidationError as expected: %s\n", error.what());
    }
    return 0;
}
